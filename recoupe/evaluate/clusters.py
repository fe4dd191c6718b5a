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
