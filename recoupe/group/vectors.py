"""Sparse TF-IDF vectors over an archive whose document frequencies grow as articles arrive."""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from ..store import Store

Vector = dict[str, float]


def sublinear_unit(counts: Mapping[str, float]) -> Vector:
    """1 + log(tf), scaled to unit length: the contribution of one article to a profile."""
    vec = {t: 1.0 + math.log(c) for t, c in counts.items() if c >= 1}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def add_into(profile: Vector, vec: Mapping[str, float], keep: int) -> Vector:
    """Sum ``vec`` into ``profile``, keeping its ``keep`` heaviest terms (bounded size)."""
    merged = dict(profile)
    for t, v in vec.items():
        merged[t] = merged.get(t, 0.0) + v
    if len(merged) > keep:
        merged = dict(sorted(merged.items(), key=lambda kv: -kv[1])[:keep])
    return merged


def subtract_from(profile: Vector, vec: Mapping[str, float]) -> Vector:
    """Take one member's contribution out of a profile (terms left at ~0 are dropped)."""
    out = dict(profile)
    for t, v in vec.items():
        if t in out:
            out[t] -= v
            if out[t] <= 1e-6:
                del out[t]
    return out


class Idf:
    """Inverse document frequency read from the store, cached for the length of a run.

    Computed idf values are memoised until the archive has grown by 5% since they were computed:
    idf moves with log(N), so the drift is below 0.05 and scoring stays a dict look-up.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        self.n = store.doc_count()
        self._memo_n = self.n

    def observe(self, keys: Iterable[str]) -> None:
        """Count one more document holding ``keys`` (the store is updated in the same transaction)."""
        keys = set(keys)
        self.prefetch(keys)
        self.store.add_document_frequencies(keys)
        for k in keys:
            self._df[k] = self._df.get(k, 0) + 1
            self._idf.pop(k, None)
        self.n += 1
        if self.n > self._memo_n * 1.05 + 1:
            self._idf.clear()
            self._memo_n = self.n

    def prefetch(self, keys: Iterable[str]) -> None:
        missing = [k for k in keys if k not in self._df]
        if missing:
            found = self.store.document_frequencies(missing)
            for k in missing:
                self._df[k] = found.get(k, 0)

    def forget(self) -> None:
        """Drop the cache (after a rolled-back transaction the store is the truth)."""
        self._df.clear()
        self._idf.clear()
        self.n = self._memo_n = self.store.doc_count()

    def __call__(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            if key not in self._df:  # not prefetched: read it now rather than guess
                self.prefetch((key,))
            value = self._idf[key] = math.log((self.n + 1) / (self._df.get(key, 0) + 1)) + 1.0
        return value


def cosine(a: Mapping[str, float], b: Mapping[str, float], idf: Idf) -> float:
    """Cosine of two raw-weight vectors after idf weighting (idf squared on shared terms)."""
    if not a or not b:
        return 0.0
    idf.prefetch(a.keys())
    idf.prefetch(b.keys())
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = 0.0
    for t, w in small.items():
        other = large.get(t)
        if other is not None:
            dot += w * other * idf(t) ** 2
    if dot == 0.0:
        return 0.0
    return dot / (weighted_norm(a, idf) * weighted_norm(b, idf))


def weighted_norm(vec: Mapping[str, float], idf: Idf) -> float:
    return math.sqrt(sum((w * idf(t)) ** 2 for t, w in vec.items()))
