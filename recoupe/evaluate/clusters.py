"""Cluster quality: B-cubed precision/recall/F1 and pairwise F1 against a gold mapping.

Gold comes as JSON ``{article_id: cluster_id}`` or from the RPM2 file-name convention
(``T01_C2_07`` → event ``T01_C2``, storyline ``T01``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations

_RPM2 = re.compile(r"^(T\d+)_(C\d+)_(\d+)$")


def bcubed(predicted: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items present in both mappings."""
    items = [i for i in gold if i in predicted]
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    precision = recall = 0.0
    for i in items:
        same_pred, same_gold = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(items) or 1
    p, r = precision / n, recall / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pairwise(predicted: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, float]:
    """Precision, recall and F1 over pairs of items put together."""
    items = sorted(i for i in gold if i in predicted)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def rpm2_gold(article_ids) -> tuple[dict[str, str], dict[str, str]]:
    """Event and storyline gold from RPM2 file names (C1/C2 are events, the topic the storyline)."""
    events, storylines = {}, {}
    for article_id in article_ids:
        match = _RPM2.match(article_id)
        if match:
            events[article_id] = f"{match[1]}_{match[2]}"
            storylines[article_id] = match[1]
    return events, storylines


def rpm2_date(article_id: str, base: str = "2008-07-01") -> str | None:
    """The evaluation date of an RPM2 article: C1 spread over one week, C2 thirty days later."""
    from datetime import date, timedelta

    match = _RPM2.match(article_id)
    if not match:
        return None
    day = date.fromisoformat(base) + timedelta(days=(int(match[3]) - 1) % 7)
    if match[2] == "C2":
        day += timedelta(days=30)
    return day.isoformat()


def documents_with_rpm2_dates(items):
    """Give RPM2 documents their evaluation dates (others pass unchanged)."""
    import dataclasses

    from ..records import RawDocument

    for item in items:
        if isinstance(item, RawDocument) and item.published is None:
            day = rpm2_date(item.id)
            if day:
                item = dataclasses.replace(item, published=day)
        yield item


def scores(predicted: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, float]:
    b3 = bcubed(predicted, gold)
    pw = pairwise(predicted, gold)
    return {"bcubed_precision": float(b3["precision"]), "bcubed_recall": float(b3["recall"]),
            "bcubed_f1": float(b3["f1"]), "pairwise_f1": float(pw["f1"]),
            "clusters": len(set(predicted[i] for i in gold if i in predicted)),
            "gold_clusters": len(set(gold.values()))}


def agglomerative_baseline(texts: dict[str, str], gold: Mapping[str, object],
                           thresholds=None) -> tuple[dict[str, float], float]:
    """What a user would otherwise pick: scikit-learn TF-IDF + average-link agglomerative clustering
    on cosine distance, its distance threshold tuned on the evaluated data itself (its best case)."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from spacy.lang.fr.stop_words import STOP_WORDS

    from unidecode import unidecode

    ids = [i for i in texts if i in gold]
    # Stop words in the form the vectorizer's own preprocessing gives its tokens.
    stop_words = sorted({t for w in STOP_WORDS for t in re.findall(r"(?u)\b\w\w+\b", unidecode(w).lower())})
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words=stop_words, min_df=1,
                             strip_accents="unicode").fit_transform([texts[i] for i in ids]).toarray()
    best: tuple[dict[str, float], float] | None = None
    for threshold in thresholds if thresholds is not None else np.arange(0.50, 1.0, 0.01):
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=float(threshold)).fit_predict(matrix)
        result = scores(dict(zip(ids, labels)), gold)
        if best is None or result["bcubed_f1"] > best[0]["bcubed_f1"]:
            best = (result, float(threshold))
    return best


def evaluate_clusters(paths, settings, gold_events: Mapping[str, object] | None = None,
                      gold_storylines: Mapping[str, object] | None = None, rpm2: bool = False,
                      baseline: bool = True) -> dict:
    """Run recoupe on ``paths`` in a temporary store and score its events and storylines.

    With ``rpm2`` the gold comes from RPM2 file names and each article gets its evaluation date
    (C1 spread over one week, C2 thirty days later, all topics in the same weeks).
    """
    import tempfile
    from pathlib import Path

    from ..pipeline import ingest_documents
    from ..sources import read_paths
    from ..store import Store

    items = read_paths(paths, settings)
    if rpm2:
        items = documents_with_rpm2_dates(items)
    with tempfile.TemporaryDirectory(prefix="recoupe-eval-") as tmp, Store(Path(tmp) / "eval.db") as store:
        report = ingest_documents(items, store, settings)
        rows = store.articles()
        storyline_of = {e["id"]: e["storyline_id"] for e in store.events()}
    events = {a.id: g["event_id"] for a, _, g in rows}
    storylines = {a: storyline_of[e] for a, e in events.items()}
    if rpm2:
        gold_events, gold_storylines = rpm2_gold(events)
    result = {"articles": len(rows), "rejected": len(report.errors)}
    texts = {a.id: f"{a.title or ''}\n{a.text}" for a, _, _ in rows}
    for name, predicted, gold in (("events", events, gold_events), ("storylines", storylines, gold_storylines)):
        if not gold:
            continue
        result[name] = scores(predicted, gold)
        if baseline:
            base, threshold = agglomerative_baseline(texts, gold)
            result[name]["baseline"] = dict(base, distance_threshold=round(threshold, 2))
    return result
