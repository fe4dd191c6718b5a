"""Online grouping, one article at a time in publication order: copies, events, storylines.

Candidates come from an inverted index (salient terms and entities) restricted to a time window,
never from all pairs, so adding one article costs the same in a small or a large archive.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from ..records import Analysis, Article
from ..settings import Settings
from ..store import Store
from .duplicates import find_original
from .vectors import Idf, Vector, add_into, cosine, sublinear_unit


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


class ArticleFeatures:
    """The vectors one article brings to grouping."""

    def __init__(self, analysis: Analysis, idf: Idf, settings: Settings) -> None:
        self.lead = sublinear_unit(analysis.lead_terms)
        self.text = sublinear_unit(analysis.terms)
        self.ents = sublinear_unit(Counter("@" + m.key for m in analysis.mentions))
        self.embedding = list(analysis.embedding)
        self.language = analysis.language
        idf.prefetch(list(analysis.terms) + list(self.ents))
        ranked = sorted(self.text, key=lambda t: -self.text[t] * idf(t))
        self.keys = ranked[:settings.salient_terms] + list(self.ents)


class Grouper:
    """Assigns articles to events and events to storylines, updating the store as it goes."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.idf = Idf(store)

    def add(self, article: Article, analysis: Analysis) -> tuple[int, str | None]:
        """Group one stored article; returns ``(event_id, duplicate_of)``. Call inside a transaction."""
        s = self.settings
        original = find_original(self.store, article.id, article.text, s)
        if original is not None:
            original = self.store.original_of(original)
        self.idf.observe(list(analysis.terms) + ["@" + m.key for m in analysis.mentions])
        features = ArticleFeatures(analysis, self.idf, s)

        event = None
        if original is not None:
            event_id = self.store.article_event(original)
            event = self.store.group_record("events", event_id) if event_id is not None else None
        candidates: list[dict] = []
        if event is None:
            candidates = self.store.event_candidates(features.keys, s.candidates_per_key, s.max_candidates)
            event = self._best_event(features, candidates, article.published)
        event = self._grow(event, features, article.published, s.profile_terms)

        new_event = event.get("id") is None
        event_id = self.store.save_group("events", event, features.keys)
        event["id"] = event_id

        storyline = None
        if event.get("storyline_id") is not None:
            storyline = self.store.group_record("storylines", event["storyline_id"])
        elif new_event:
            storyline = self._best_storyline(features, article.published)
        storyline = self._grow(storyline, features, article.published, s.profile_terms, with_lead=False)
        storyline_id = self.store.save_group("storylines", storyline, features.keys)
        if event.get("storyline_id") != storyline_id:
            event["storyline_id"] = storyline_id
            self.store.save_group("events", event, ())
        self.store.set_article_grouping(article.id, event_id, original)
        return event_id, original

    # --- scoring -----------------------------------------------------------------------------
    def event_similarity(self, features: ArticleFeatures, event: dict, day: str | None) -> float:
        s = self.settings
        gap = _days_apart(day, event["first_date"], event["last_date"])
        if gap is not None and gap > s.event_window_days:
            return 0.0
        profile = event["profile"]
        semantic = self._embedding_similarity(features.embedding, profile.get("emb"))
        if _main_language(profile) in (None, features.language):
            lexical = (s.weight_lead * cosine(features.lead, profile["lead"], self.idf)
                       + s.weight_text * cosine(features.text, profile["text"], self.idf))
        else:
            # Words do not match across languages; the multilingual embedding stands in for them.
            lexical = (s.weight_lead + s.weight_text) * semantic
        score = (lexical + s.weight_entities * cosine(features.ents, profile["ents"], self.idf)
                 + s.weight_embedding * semantic)
        if gap is not None:
            # Publication dates close together are evidence of their own: dated articles need less
            # textual similarity than undated ones, which are placed by content alone.
            score += s.weight_time * (1.0 - gap / max(1, s.event_window_days))
        return score

    def storyline_similarity(self, features: ArticleFeatures, storyline: dict, day: str | None) -> float:
        s = self.settings
        gap = _days_apart(day, storyline["first_date"], storyline["last_date"])
        if gap is not None and gap > s.storyline_window_days:
            return 0.0
        profile = storyline["profile"]
        text_weight = s.weight_lead + s.weight_text
        if _main_language(profile) in (None, features.language):
            lexical = cosine(features.text, profile["text"], self.idf)
        else:
            lexical = self._embedding_similarity(features.embedding, profile.get("emb"))
        return text_weight * lexical + s.weight_entities * cosine(features.ents, profile["ents"], self.idf)

    def _embedding_similarity(self, a: list[float] | None, b: list[float] | None) -> float:
        """Cosine of two (summed) embeddings, rescaled so unrelated texts score 0."""
        if not a or not b:
            return 0.0
        va, vb = np.asarray(a), np.asarray(b)
        cos = float(va @ vb) / (float(np.linalg.norm(va) * np.linalg.norm(vb)) or 1.0)
        floor = self.settings.embedding_floor
        return max(0.0, (cos - floor) / (1.0 - floor))

    def _best_event(self, features: ArticleFeatures, candidates: list[dict], day: str | None) -> dict | None:
        s = self.settings
        scored = [(self.event_similarity(features, e, day), e) for e in candidates]
        scored = [(score, e) for score, e in scored if score >= s.event_threshold]
        return max(scored, key=lambda x: x[0])[1] if scored else None

    def _best_storyline(self, features: ArticleFeatures, day: str | None) -> dict | None:
        s = self.settings
        candidates = self.store.storyline_candidates(features.keys, s.candidates_per_key, s.max_candidates)
        scored = [(self.storyline_similarity(features, c, day), c) for c in candidates]
        scored = [(score, c) for score, c in scored if score >= s.storyline_threshold]
        return max(scored, key=lambda x: x[0])[1] if scored else None

    @staticmethod
    def _grow(group: dict | None, features: ArticleFeatures, day: str | None, keep: int,
              with_lead: bool = True) -> dict:
        if group is None:
            group = {"id": None, "first_date": None, "last_date": None, "size": 0,
                     "profile": {"lead": {}, "text": {}, "ents": {}}}
        profile = group["profile"]
        if with_lead:
            profile["lead"] = add_into(profile["lead"], features.lead, keep)
        profile["text"] = add_into(profile["text"], features.text, keep)
        profile["ents"] = add_into(profile["ents"], features.ents, keep)
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
