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
    idf moves with log(N), so the drift is below 0.05 and scoring stays a dict look-up. With
    ``cache_keys`` the cache is bounded (two generations of at most that many document frequencies:
    when the young one is full it becomes the old one, and keys still in use are promoted back), so
    a long run over a large archive does not end up holding its whole vocabulary.
    """

    def __init__(self, store: Store, cache_keys: int | None = None) -> None:
        self.store = store
        self.cache_keys = cache_keys
        self._df: dict[str, int] = {}
        self._df_old: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        self.n = store.doc_count()
        self._memo_n = self.n

    def observe(self, keys: Iterable[str]) -> None:
        """Count one more document holding ``keys`` (the store is updated in the same transaction)."""
        keys = set(keys)
        self.prefetch(keys)
        self.store.add_document_frequencies(keys)
        df, memo = self._df, self._idf
        for k in keys:
            df[k] = df.get(k, 0) + 1
            memo.pop(k, None)
        self.n += 1
        if self.n > self._memo_n * 1.05 + 1:
            self._idf.clear()
            self._memo_n = self.n

    def prefetch(self, keys: Iterable[str]) -> None:
        """Make sure the document frequencies of ``keys`` are in the (young) cache."""
        if not isinstance(keys, (list, tuple, set, dict)):
            keys = list(keys)
        df = self._df
        missing = [k for k in keys if k not in df]
        if not missing:
            return
        if self.cache_keys is not None and len(df) + len(missing) > self.cache_keys:
            # A new generation: the young one grows old (its keys come back when used again), but
            # the keys asked for now stay young.
            self._df_old, self._df = df, {k: df[k] for k in keys if k in df}
            self._idf.clear()
            df = self._df
        old = self._df_old
        unknown = []
        for k in missing:
            value = old.get(k)
            if value is None:
                unknown.append(k)
            else:
                df[k] = value
        if unknown:
            found = self.store.document_frequencies(unknown)
            for k in unknown:
                df[k] = found.get(k, 0)

    def forget(self) -> None:
        """Drop the cache (after a rolled-back transaction the store is the truth)."""
        self._df.clear()
        self._df_old.clear()
        self._idf.clear()
        self.n = self._memo_n = self.store.doc_count()

    def __call__(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            if key not in self._df:  # not prefetched: read it now rather than guess
                self.prefetch((key,))
            value = self._idf[key] = math.log((self.n + 1) / (self._df.get(key, 0) + 1)) + 1.0
        return value

    def norm(self, vec: Mapping[str, float]) -> float:
        """Length of ``vec`` after idf weighting (its missing document frequencies read in one go)."""
        memo = self._idf
        total = 0.0
        todo = []
        for t, w in vec.items():
            value = memo.get(t)
            if value is None:
                todo.append(t)
            else:
                total += (w * value) ** 2
        if todo:
            self.prefetch(todo)
            for t in todo:
                total += (vec[t] * self(t)) ** 2
        return math.sqrt(total)


def cosine(a: Mapping[str, float], b: Mapping[str, float], idf: Idf,
           norm_a: float | None = None, norm_b: float | None = None) -> float:
    """Cosine of two raw-weight vectors after idf weighting (idf squared on shared terms).

    ``norm_a`` / ``norm_b``: ``idf.norm`` of a side already computed (an article scored against
    several candidates).
    """
    if not a or not b:
        return 0.0
    norm_a = idf.norm(a) if norm_a is None else norm_a  # also reads the missing frequencies
    norm_b = idf.norm(b) if norm_b is None else norm_b
    if not norm_a or not norm_b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = 0.0
    for t, w in small.items():
        other = large.get(t)
        if other is not None:
            dot += w * other * idf(t) ** 2
    return dot / (norm_a * norm_b)
