"""Timelines: the dated statements of an event (or a storyline) in date order, with their sources."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from ..settings import Settings
from .extractive import Member, _candidates, _says_the_same


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def event_timeline(members: Sequence[Member], idf: Callable[[str], float], settings: Settings) -> list[dict]:
    """Sentences holding a resolved date (day or month precision), one entry per statement.

    A statement made by several articles is one entry citing all of them; copies are cited but a
    statement is taken from an independent article.
    """
    candidates = _candidates(members, idf)
    by_sentence = {(c.member, c.position): c for c in candidates}
    entries: list[tuple[str, int, int, object]] = []
    for index, member in enumerate(members):
        if member.duplicate_of is not None:
            continue
        starts = [s for s, _ in member.analysis.sentences]
        seen: set[int] = set()
        for mention in member.analysis.dates:  # in text order: a sentence is dated by its first date
            value = mention.value
            if not value or "/" in value or len(value) < 7:  # intervals and bare years say little
                continue
            position = _sentence_index(starts, mention.start)
            if position in seen or (index, position) not in by_sentence:
                continue
            seen.add(position)
            entries.append((value, index, position, by_sentence[(index, position)]))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    out: list[dict] = []
    kept = []
    for value, index, _, candidate in entries:
        if any(_says_the_same(candidate, c, settings) for _, c in kept):
            continue
        sources = [index] + sorted({o.member for o in candidates
                                    if o.member != index and _says_the_same(candidate, o, settings)})
        kept.append((value, candidate))
        out.append({"date": value, "text": candidate.text,
                    "sources": [members[m].article.id for m in sources]})
    return out[:settings.timeline_entries]


def storyline_timeline(events: Sequence[dict]) -> list[dict]:
    """The storyline's dated events in order: when, what (the event's title) and who reported it."""
    dated = sorted((e for e in events if e.get("date")), key=lambda e: e["date"])
    return [{"date": e["date"], "text": e["title"], "sources": list(e["articles"])} for e in dated]
