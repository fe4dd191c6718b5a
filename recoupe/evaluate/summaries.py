"""Summary quality on RPM2-style corpora: recoupe's event summaries and a TF-IDF centroid baseline,
scored with ROUGE in the same run.

Each gold cluster (``TNN_CM``) is summarised as one event so that the figure measures the
summariser, not the clustering; references are ``references/TNN_CM_A*.txt``.
"""
from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from pathlib import Path

from ..group.vectors import Idf
from ..pipeline import ingest_documents
from ..settings import Settings
from ..sources import decode_bytes, read_paths
from ..store import Store
from ..summarise import Member, summarise_event
from .clusters import documents_with_rpm2_dates
from .rouge import rouge, truncate_words

_CLUSTER = re.compile(r"^(T\d+_C\d+)_\d+$")


def centroid_baseline(texts: list[tuple[str, list[str]]], words: int, redundancy: float = 0.5) -> str:
    """TF-IDF centroid with a redundancy filter: the summariser a user would otherwise pick."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = [s for _, sents in texts for s in sents if len(s.split()) >= 5]
    if not sentences:
        return ""
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(sentences)
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    scores = matrix @ centroid / (np.linalg.norm(centroid) or 1.0)
    chosen: list[int] = []
    total = 0
    for index in np.argsort(-scores):
        if any((matrix[index] @ matrix[j].T).toarray()[0, 0] > redundancy for j in chosen):
            continue
        chosen.append(int(index))
        total += len(sentences[index].split())
        if total >= words:
            break
    return " ".join(sentences[i] for i in chosen)


def evaluate_summaries(corpus: Path, references: Path, settings: Settings) -> dict:
    settings = Settings(**{**settings.__dict__})  # a copy; the budget below is the benchmark's
    words = settings.summary_words
    documents = documents_with_rpm2_dates(read_paths([corpus], settings))
    per_cluster = {}
    with tempfile.TemporaryDirectory(prefix="recoupe-eval-") as tmp, Store(Path(tmp) / "eval.db") as store:
        ingest_documents(documents, store, settings)
        idf = Idf(store)
        clusters: dict[str, list[Member]] = defaultdict(list)
        for article, analysis, grouping in store.articles():
            match = _CLUSTER.match(article.id)
            if match:
                clusters[match[1]].append(Member(article, analysis, grouping["duplicate_of"]))
        for name, members in sorted(clusters.items()):
            refs = [decode_bytes(p.read_bytes())[0] for p in sorted(references.glob(f"{name}_A*.txt"))]
            if not refs:
                continue
            ours = " ".join(s["text"] for s in summarise_event(members, idf, settings))
            sentences = [(m.article.id, [m.article.text[s:e] for s, e in m.analysis.sentences]) for m in members]
            base = centroid_baseline(sentences, words)
            per_cluster[name] = {"recoupe": rouge(truncate_words(ours, words), refs),
                                 "centroid": rouge(truncate_words(base, words), refs),
                                 "summary": truncate_words(ours, words)}
    mean = {system: {k: sum(c[system][k] for c in per_cluster.values()) / max(1, len(per_cluster))
                     for k in ("rouge1", "rouge2", "rougeL")} for system in ("recoupe", "centroid")}
    return {"clusters": len(per_cluster), "words": words, "mean": mean, "per_cluster": per_cluster}
