"""The same utterance reported by different outlets, in different words or languages (``same_as``).

Two quotes are one utterance when they come from different articles of the same storyline, have the
same canonical speaker, and mean the same: the cosine of their multilingual sentence embeddings
(USE multilingual, so a French and an English rendering compare) reaches ``quote_same_threshold``,
or most of the shorter one's content words appear in the other (``quote_same_overlap``, for
near-verbatim reprints the embedding already agrees with).  Links are symmetric and transitive
within a speaker: a quote's ``same_as`` lists every other rendering.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import numpy as np
from unidecode import unidecode

from ..settings import Settings

_WORD = re.compile(r"[a-z0-9]{4,}")


def _words(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(unidecode(text).lower())}


def link_same_utterances(quotes: list[dict], storyline_of: dict[str, str | None], settings: Settings) -> None:
    """Fill each quote record's ``same_as`` (quote ids), in place."""
    by_speaker: dict[tuple, list[dict]] = defaultdict(list)
    for q in quotes:
        entity = (q.get("speaker") or {}).get("entity")
        if entity:
            by_speaker[(entity, storyline_of.get(q["article"]))].append(q)
    groups = [g for g in by_speaker.values() if len({q["article"] for q in g}) >= 2]
    if not groups:
        return
    words_of = {id(q): _words(q["text"]) for g in groups for q in g}
    # fragments of a few words ("victoire") are linked by their words alone; the embedding is for
    # sentences, where translations differ
    todo = [q for g in groups for q in g if len(words_of[id(q)]) >= 4]
    vector_of: dict[int, np.ndarray] = {}
    if todo:
        from ..analyse.embed import load_encoder

        vectors = load_encoder().encode([q["text"][:400] for q in todo]).astype(np.float32)
        vector_of = {id(q): v for q, v in zip(todo, vectors)}
    for group in groups:
        parent = {q["id"]: q["id"] for q in group}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in combinations(group, 2):
            if a["article"] == b["article"]:
                continue
            va, vb = vector_of.get(id(a)), vector_of.get(id(b))
            cosine = float(np.dot(va, vb)) if va is not None and vb is not None else 0.0
            wa, wb = words_of[id(a)], words_of[id(b)]
            overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
            if cosine >= settings.quote_same_threshold or \
                    (overlap >= settings.quote_same_overlap and min(len(wa), len(wb)) >= 4):
                parent[find(b["id"])] = find(a["id"])
        members: dict[str, list[str]] = defaultdict(list)
        for q in group:
            members[find(q["id"])].append(q["id"])
        for q in group:
            q["same_as"] = [other for other in members[find(q["id"])] if other != q["id"]]
