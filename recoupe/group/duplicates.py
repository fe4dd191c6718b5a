"""Exact and near copies (a wire story republished with other boilerplate or light edits).

MinHash over word shingles, with LSH banding kept in the store so that finding the copies of a
new article costs a few index look-ups however large the archive.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from unidecode import unidecode

from ..settings import Settings
from ..store import Store


def shingles(text: str, size: int) -> set[bytes]:
    words = re.findall(r"\w+", unidecode(text).lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


_SCHEME = "affine32"  # datasketch 2's collision-free permutations; stored values are uint32


def minhash_of(text: str, settings: Settings) -> MinHash:
    mh = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme=_SCHEME)
    mh.update_batch(list(shingles(text, settings.shingle_size)))
    return mh


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def band_buckets(mh: MinHash, settings: Settings) -> list[bytes]:
    bands, rows = _bands(settings.duplicate_threshold, settings.minhash_permutations)
    values = mh.hashvalues
    return [values[b * rows:(b + 1) * rows].tobytes() for b in range(bands)]


def find_original(store: Store, article_id: str, text: str, settings: Settings) -> str | None:
    """Record the article's MinHash and return the earliest stored article it copies, if any."""
    mh = minhash_of(text, settings)
    buckets = band_buckets(mh, settings)
    best: tuple[float, str] | None = None
    for other_id, raw in store.minhash_candidates(buckets):
        other = MinHash(num_perm=settings.minhash_permutations, seed=1, scheme=_SCHEME,
                        hashvalues=np.frombuffer(raw, dtype=np.uint32))
        similarity = mh.jaccard(other)
        if similarity >= settings.duplicate_threshold and (best is None or similarity > best[0]):
            best = (similarity, other_id)
    store.add_minhash(article_id, mh.hashvalues.tobytes(), buckets)
    return best[1] if best else None
