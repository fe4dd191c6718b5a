"""ROUGE-1, -2 and -L F-scores with a tokenizer that keeps accented letters.

(`rouge-score`'s default tokenizer drops every non-ASCII letter, which mangles French.)
Scores against several references are averaged over the references.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("_", " "))


def truncate_words(text: str, words: int) -> str:
    """The first ``words`` words of a summary (the budget ROUGE is computed at)."""
    return " ".join(text.split()[:words])


def _f(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    p, r = overlap / candidate, overlap / reference
    return 2 * p * r / (p + r)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    cand = Counter(tuple(candidate[i:i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i:i + n]) for i in range(len(reference) - n + 1))
    return _f(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def _lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    return _f(_lcs(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, references: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2/L F in percent, averaged over the references."""
    cand = tokenize(candidate)
    refs = [tokenize(r) for r in references]
    n = len(refs) or 1
    return {"rouge1": 100 * sum(rouge_n(cand, r, 1) for r in refs) / n,
            "rouge2": 100 * sum(rouge_n(cand, r, 2) for r in refs) / n,
            "rougeL": 100 * sum(rouge_l(cand, r) for r in refs) / n}
