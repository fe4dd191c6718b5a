"""Extractive multi-document summary of an event, every sentence citing the articles that say it."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..records import Analysis, Article
from ..settings import Settings

_SENTENCE_END = re.compile(r"[.!?»\"”)]\s*$")


@dataclass(frozen=True)
class Member:
    """One article of an event as the summariser sees it."""

    article: Article
    analysis: Analysis
    duplicate_of: str | None


@dataclass
class _Candidate:
    member: int
    position: int
    text: str
    vector: dict[str, float]
    words: int
    terms: Counter
    score: float = 0.0


def _unit(terms: Sequence[str] | dict[str, float], idf: Callable[[str], float]) -> dict[str, float]:
    counts = terms if isinstance(terms, dict) else Counter(terms)
    vec = {t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items() if c >= 1}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _says_the_same(a: _Candidate, b: _Candidate, settings: Settings) -> bool:
    """b says what a says: close in TF-IDF space and holding most of a's content words."""
    if _dot(a.vector, b.vector) < settings.support_threshold:
        return False
    covered = sum((a.terms & b.terms).values()) / (sum(a.terms.values()) or 1)
    return covered >= settings.support_overlap


def _is_summary_sentence(text: str) -> bool:
    words = len(text.split())
    return 8 <= words <= 70 and bool(_SENTENCE_END.search(text)) and not text[:1].islower()


def _candidates(members: Sequence[Member], idf: Callable[[str], float]) -> list[_Candidate]:
    out = []
    for index, member in enumerate(members):
        text = member.article.text
        for position, ((start, end), terms) in enumerate(zip(member.analysis.sentences,
                                                              member.analysis.sentence_terms)):
            if not terms:
                continue
            sentence = text[start:end]
            out.append(_Candidate(index, position, sentence, _unit(terms, idf), len(sentence.split()),
                                  Counter(terms)))
    return out


def _centroid(vectors) -> dict[str, float]:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
    return {t: v / norm for t, v in total.items()}


_MAX_POOL = 150  # support is counted for the most central sentences only: bounded cost per event


def summarise_event(members: Sequence[Member], idf: Callable[[str], float],
                    settings: Settings) -> list[dict]:
    """Sentences chosen by centrality, position and support across independent sources."""
    candidates = _candidates(members, idf)
    if not candidates:
        return []
    independent = [i for i, m in enumerate(members) if m.duplicate_of is None] or list(range(len(members)))
    centroid_unit = _centroid(c.vector for c in candidates if c.member in independent)

    def supporters(candidate: _Candidate) -> list[int]:
        """The article the sentence is taken from first, then every other article that says it."""
        found = [candidate.member]
        for other in candidates:
            if other.member not in found and _says_the_same(candidate, other, settings):
                found.append(other.member)
        return found[:1] + sorted(found[1:])

    others = max(1, len(independent) - 1)
    pool = [c for c in candidates if _is_summary_sentence(c.text) and c.member in independent] or candidates
    pool = sorted(pool, key=lambda c: -(_dot(c.vector, centroid_unit) + 0.4 * (c.position < 3)))[:_MAX_POOL]
    for c in pool:
        support = len([m for m in supporters(c) if m in independent]) - 1
        c.score = (settings.summary_weight_centrality * _dot(c.vector, centroid_unit)
                   + settings.summary_weight_position * (1.0 - min(c.position, 10) / 10)
                   + settings.summary_weight_support * min(1.0, support / others))

    chosen: list[_Candidate] = []
    words = 0
    for c in sorted(pool, key=lambda c: -c.score):
        if chosen and words + c.words > settings.summary_words:
            continue
        if any(_dot(c.vector, d.vector) > settings.summary_redundancy for d in chosen):
            continue
        chosen.append(c)
        words += c.words
        if words >= settings.summary_words:
            break
    chosen.sort(key=lambda c: (c.member, c.position))
    return [{"text": c.text, "sources": [members[m].article.id for m in supporters(c)]} for c in chosen]


def agreed_facts(members: Sequence[Member], idf: Callable[[str], float], settings: Settings) -> list[dict]:
    """Statements that two or more independent sources make (a copy is not a second witness)."""
    candidates = _candidates(members, idf)
    pool = [c for c in candidates if _is_summary_sentence(c.text) and members[c.member].duplicate_of is None]
    if len(pool) > _MAX_POOL:
        centroid = _centroid(c.vector for c in pool)
        pool = sorted(pool, key=lambda c: -_dot(c.vector, centroid))[:_MAX_POOL]
    facts: list[tuple[int, _Candidate, list[int]]] = []
    for c in pool:
        found = [c.member] + sorted({o.member for o in candidates
                                     if o.member != c.member and _says_the_same(c, o, settings)})
        witnesses = {members[m].duplicate_of or members[m].article.id for m in found}
        if len(witnesses) >= 2:
            facts.append((len(witnesses), c, found))
    kept: list[tuple[int, _Candidate, list[int]]] = []
    for count, c, found in sorted(facts, key=lambda f: (-f[0], f[1].member, f[1].position)):
        if any(_dot(c.vector, k.vector) > settings.summary_redundancy for _, k, _ in kept):
            continue
        kept.append((count, c, found))
        if len(kept) >= settings.agreed_facts:
            break
    return [{"text": c.text, "sources": [members[m].article.id for m in found], "independent_sources": count}
            for count, c, found in kept]


def event_title(members: Sequence[Member], summary: Sequence[dict], idf: Callable[[str], float]) -> str:
    """The headline of the article whose lead is most central, else the first summary sentence."""
    titled = [m for m in members if m.article.title]
    if titled:
        leads = {m.article.id: _unit(m.analysis.lead_terms, idf) for m in members}
        centroid = _centroid(leads.values())
        best = max(titled, key=lambda m: _dot(leads[m.article.id], centroid))
        return best.article.title
    if summary:
        return shorten(summary[0]["text"])
    return shorten(members[0].article.text) if members else "(empty event)"


def shorten(text: str, limit: int = 100) -> str:
    """A sentence cut at a word boundary to serve as a title."""
    text = text.strip()
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
