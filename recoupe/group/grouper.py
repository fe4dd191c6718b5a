"""Online grouping, one article at a time in publication order: copies, storylines, events.

An article first finds its storyline (what it is about: whole text, entities, meaning), then its
event inside that storyline (when and what exactly: publication dates within a window, or for an
undated article the words of its title and lead). Storyline candidates come from an inverted index
of salient terms and entities, event candidates from the storyline's recent events: never all
pairs, so adding one article costs the same in a small or a large archive.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from ..records import Analysis, Article
from ..settings import Settings
from ..store import Store
from .duplicates import find_original
from .vectors import Idf, add_into, cosine, sublinear_unit, subtract_from


def _days_apart(day: str | None, first: str | None, last: str | None) -> int | None:
    """Days from ``day`` to the span [first, last]; None when either side is undated."""
    if not day or not first:
        return None
    d, f, l = date.fromisoformat(day), date.fromisoformat(first), date.fromisoformat(last or first)
    if f <= d <= l:
        return 0
    return min(abs((d - f).days), abs((d - l).days))


def _main_language(profile: dict) -> str | None:
    langs = profile.get("langs")
    return max(langs, key=langs.get) if langs else None


def _new_group() -> dict:
    return {"id": None, "first_date": None, "last_date": None, "size": 0,
            "profile": {"lead": {}, "text": {}, "ents": {}, "emb": None, "langs": {}}}


class ArticleFeatures:
    """The vectors one article brings to grouping."""

    def __init__(self, analysis: Analysis, idf: Idf, settings: Settings) -> None:
        self.lead = sublinear_unit(analysis.lead_terms)
        self.text = sublinear_unit(analysis.terms)
        self.ents = sublinear_unit(Counter("@" + m.key for m in analysis.mentions))
        self.embedding = list(analysis.embedding)
        self.language = analysis.language
        idf.prefetch(list(analysis.terms) + list(self.ents) + list(self.lead))
        ranked = sorted(self.text, key=lambda t: -self.text[t] * idf(t))
        self.keys = ranked[:settings.salient_terms] + list(self.ents)
        # Lengths after idf weighting, computed once for all the candidates this article meets.
        self.norms = {part: idf.norm(getattr(self, part)) for part in ("lead", "text", "ents")}
        self.vector = np.asarray(self.embedding) if self.embedding else None
        self.vector_norm = float(np.linalg.norm(self.vector)) if self.vector is not None else 0.0


class Grouper:
    """Assigns articles to storylines and events, updating the store as it goes."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.idf = Idf(store, settings.idf_cache_keys)
        if settings.grouping_page_cache_mb:
            store.set_page_cache(settings.grouping_page_cache_mb)

    def add(self, article: Article, analysis: Analysis) -> tuple[int, str | None]:
        """Group one stored article; returns ``(event_id, duplicate_of)``. Call inside a transaction."""
        s = self.settings
        day = article.published
        original = find_original(self.store, article.id, article.text, s)
        if original is not None:
            original = self.store.original_of(original)
        self.idf.observe(list(analysis.terms) + ["@" + m.key for m in analysis.mentions])
        features = ArticleFeatures(analysis, self.idf, s)

        event = storyline = None
        original_event = self.store.article_event(original) if original is not None else None
        if original_event is not None:  # a copy joins its first print's event
            event = self.store.group_record("events", original_event)
            storyline = self.store.group_record("storylines", event["storyline_id"])
        else:
            storyline = self._best_storyline(features, day)
            if storyline is not None:
                event = self._best_event(features, storyline["id"], day)

        storyline = self._grow(storyline, features, day)
        storyline_id = self.store.save_group("storylines", storyline, features.keys, day)
        event = self._grow(event, features, day)
        event["storyline_id"] = storyline_id
        event_id = self.store.save_group("events", event)
        self.store.set_article_grouping(article.id, event_id, original)
        return event_id, original

    # --- similarities ------------------------------------------------------------------------
    def _semantic(self, features: ArticleFeatures, b: list[float] | None) -> float:
        """Cosine of the article's embedding and a (summed) one, rescaled so unrelated texts score 0."""
        if features.vector is None or not b:
            return 0.0
        vb = np.asarray(b)
        cos = float(features.vector @ vb) / (features.vector_norm * float(np.linalg.norm(vb)) or 1.0)
        floor = self.settings.embedding_floor
        return max(0.0, (cos - floor) / (1.0 - floor))

    def storyline_similarity(self, features: ArticleFeatures, storyline: dict, day: str | None) -> float:
        """How much the article is about the storyline's topic (dates only gate: weeks apart is fine)."""
        s = self.settings
        gap = _days_apart(day, storyline["first_date"], storyline["last_date"])
        if gap is not None and gap > s.storyline_window_days:
            return 0.0
        profile = storyline["profile"]
        semantic = self._semantic(features, profile.get("emb"))
        if _main_language(profile) in (None, features.language):
            text = cosine(features.text, profile["text"], self.idf, features.norms["text"])
        else:  # words do not match across languages: the multilingual embedding stands in for them
            text = semantic
        return (s.storyline_weight_text * text + s.storyline_weight_semantic * semantic
                + s.storyline_weight_entities * cosine(features.ents, profile["ents"], self.idf,
                                                       features.norms["ents"]))

    def event_similarity(self, features: ArticleFeatures, event: dict, day: str | None) -> float:
        """How much the article tells the same event, within a storyline already shared."""
        s = self.settings
        gap = _days_apart(day, event["first_date"], event["last_date"])
        if gap is not None and gap > s.event_window_days:
            return 0.0
        profile = event["profile"]
        if _main_language(profile) in (None, features.language):
            words = (s.weight_lead * cosine(features.lead, profile["lead"], self.idf, features.norms["lead"])
                     + s.weight_text * cosine(features.text, profile["text"], self.idf, features.norms["text"]))
        else:
            words = (s.weight_lead + s.weight_text) * self._semantic(features, profile.get("emb"))
        score = words + s.weight_entities * cosine(features.ents, profile["ents"], self.idf, features.norms["ents"])
        if gap is not None:
            # Dated articles of one storyline published close together tell one event; undated
            # articles are placed by what their title and lead say.
            score += s.weight_time * (1.0 - gap / max(1, s.event_window_days))
        return score

    # --- choosing ------------------------------------------------------------------------------
    def storyline_candidates(self, features: ArticleFeatures, day: str | None,
                             exclude: int | None = None) -> list[dict]:
        """The storylines worth scoring: those holding the most of the article's index keys.

        The index gives, per key, the storylines that used it most recently within the time window.
        Each storyline's evidence is the idf of the keys it shares (a rare shared name weighs more
        than a common word); when some storyline shares two keys or more, those sharing one are
        dropped (a single common word is no evidence); those with less than
        ``candidate_evidence`` of the best one's evidence are dropped, and at most
        ``max_candidates`` are scored. The cost per article is thus bounded, however large the archive.
        ``exclude``: a storyline left out before ranking (the second look: the article's own one, which
        holds all its keys).
        """
        s = self.settings
        hits = self.store.storyline_key_hits(features.keys, s.candidates_per_key, day, s.storyline_window_days)
        hits.pop(exclude, None)
        if not hits:
            return []
        evidence = {sid: sum(self.idf(k) for k in keys) for sid, keys in hits.items()}
        ranked = sorted(hits, key=lambda sid: (-evidence[sid], -sid))
        if max(len(keys) for keys in hits.values()) >= 2:
            ranked = [sid for sid in ranked if len(hits[sid]) >= 2]
        floor = s.candidate_evidence * evidence[ranked[0]]
        ranked = [sid for sid in ranked[:s.max_candidates] if evidence[sid] >= floor]
        return [self.store.group_record("storylines", sid) for sid in ranked]

    def _best_storyline(self, features: ArticleFeatures, day: str | None) -> dict | None:
        s = self.settings
        return self._best(self.storyline_candidates(features, day),
                          lambda c: self.storyline_similarity(features, c, day), s.storyline_threshold)

    def _best_event(self, features: ArticleFeatures, storyline_id: int, day: str | None) -> dict | None:
        s = self.settings
        candidates = self.store.storyline_events(storyline_id, s.max_event_candidates, day, s.event_window_days)
        return self._best(candidates, lambda e: self.event_similarity(features, e, day), s.event_threshold)

    @staticmethod
    def _best(candidates: list[dict], score, threshold: float) -> dict | None:
        scored = [(score(c), c) for c in candidates]
        scored = [(value, c) for value, c in scored if value >= threshold]
        return max(scored, key=lambda x: x[0])[1] if scored else None

    # --- second look -------------------------------------------------------------------------
    def refine(self, article_ids: list[str]) -> int:
        """Give the batch's articles a second look once the batch's profiles have matured.

        Online clustering decides on an article when its storyline has only its first members; an
        article that now fits another storyline clearly better moves there (with its event).
        Bounded: one candidate look-up per article of the batch. Returns the number moved.
        """
        s = self.settings
        moved = 0
        for article, analysis, grouping in self.store.articles(article_ids):
            if grouping["duplicate_of"] or grouping["event_id"] is None:
                continue
            with self.store.transaction():
                features = ArticleFeatures(analysis, self.idf, s)
                event = self.store.group_record("events", grouping["event_id"])
                current = self.store.group_record("storylines", event["storyline_id"])
                day = article.published
                without = self._shrink(dict(current, profile=dict(current["profile"])), features)
                own = self.storyline_similarity(features, without, day) if without["size"] else 0.0
                candidates = self.storyline_candidates(features, day, exclude=current["id"])
                others = [(self.storyline_similarity(features, c, day), c) for c in candidates]
                if not others:
                    continue
                score, target = max(others, key=lambda x: x[0])
                if score < s.storyline_threshold or score < own + s.refine_margin:
                    continue
                self._detach(article.id, event, current, features)
                new_event = self._best_event(features, target["id"], day)
                target = self._grow(target, features, day)
                self.store.save_group("storylines", target, features.keys, day)
                new_event = self._grow(new_event, features, day)
                new_event["storyline_id"] = target["id"]
                event_id = self.store.save_group("events", new_event)
                self.store.set_article_grouping(article.id, event_id, None)
                moved += 1
        return moved

    def _detach(self, article_id: str, event: dict, storyline: dict, features: ArticleFeatures) -> None:
        for table, group in (("events", event), ("storylines", storyline)):
            group = self._shrink(group, features)
            if group["size"] <= 0:
                self.store.delete_group(table, group["id"])
            else:
                group["first_date"], group["last_date"] = self.store.group_dates(table, group["id"], article_id)
                self.store.save_group(table, group)

    def _shrink(self, group: dict, features: ArticleFeatures) -> dict:
        profile = group["profile"]
        for part in ("lead", "text", "ents"):
            profile[part] = subtract_from(profile[part], getattr(features, part))
        langs = profile.get("langs") or {}
        if langs.get(features.language):
            langs[features.language] -= 1
            if not langs[features.language]:
                del langs[features.language]
        if features.embedding and profile.get("emb"):
            profile["emb"] = [x - y for x, y in zip(profile["emb"], features.embedding)]
        group["size"] -= 1
        return group

    def _grow(self, group: dict | None, features: ArticleFeatures, day: str | None) -> dict:
        keep = self.settings.profile_terms
        group = group if group is not None else _new_group()
        profile = group["profile"]
        for part in ("lead", "text", "ents"):
            profile[part] = add_into(profile[part], getattr(features, part), keep)
        langs = profile.setdefault("langs", {})
        langs[features.language] = langs.get(features.language, 0) + 1
        if features.embedding:
            emb = profile.get("emb") or [0.0] * len(features.embedding)
            profile["emb"] = [round(x + y, 5) for x, y in zip(emb, features.embedding)]
        group["size"] += 1
        if day:
            group["first_date"] = min(filter(None, [group["first_date"], day]))
            group["last_date"] = max(filter(None, [group["last_date"], day]))
        return group
