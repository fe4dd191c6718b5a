"""Date resolution on ISO-TimeML (French TimeBank ``.tml``): recoupe's ``find_dates`` and a
dateparser baseline, scored in the same run.

Gold: every ``TIMEX3 type="DATE"`` inside ``TEXT`` with its ``value``; the publication date is the
``DCT`` TIMEX3.  The plain text is ``TEXT`` with its tags removed (entities decoded), and gold spans
are character offsets into it.

A gold expression is *found with the exact gold value* when a predicted mention overlaps its span
and has the gold value, compared at the gold's precision:

- plain ISO gold (``1999``, ``1999-05``, ``1999-05-17``): the predicted value equals it;
- ``X`` digits are unspecified in the gold (``XXXX-07-15``: "the 15th of July", no year said):
  they match any digit, the rest must be equal (``1999-07-15`` matches, ``1999-07`` does not);
- an ISO week (``1999-W27``) is that week's Monday/Sunday interval, ``…-WE`` its week-end
  (Saturday/Sunday), the same intervals ``find_dates`` gives;
- a season (``XXXX-SU``, ``1999-WI``…: SP, SU, FA/AU, WI) is its astronomical interval
  (``06-21``/``09-22`` for summer), in any year when the year is ``XXXX``;
- ``PRESENT_REF`` is the publication day; ``PAST_REF``, ``FUTURE_REF``, durations and sets
  (``P1M``) and anything else cannot be given as a date: they count in the total and are misses.

The figures count every gold DATE; ``non_iso_gold`` says how many gold values are not plain ISO
dates and how many of those were found.  Precision: predicted mentions that overlap a gold DATE
and carry its value (same rule), over all predicted mentions; mentions that overlap a gold TIMEX3
of another type (TIME "hier soir", DURATION, SET) are reported apart, since TimeML types them
differently.

Baseline: ``dateparser.search.search_dates`` (``languages=["fr"]``, ``RELATIVE_BASE`` = DCT),
under each ``PREFER_DATES_FROM`` setting; the best is reported.  dateparser returns a datetime
without a precision, so its value is compared after truncation to the gold's precision (a lenient
rule that favours the baseline).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..analyse.dates import find_dates
from ..sources import decode_bytes, timeml_parts

_PLAIN_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SEASON_CODES = {"SP": (3, 20, 6, 20), "SU": (6, 21, 9, 22), "FA": (9, 23, 12, 20), "AU": (9, 23, 12, 20),
                 "WI": (12, 21, 3, 19)}


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDocument:
    id: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)

    @property
    def dates(self) -> list[Timex]:
        return [t for t in self.timexes if t.type == "DATE"]


def read_tml(path: Path) -> TimeMLDocument:
    """The plain text of ``TEXT`` (as the readers give it, ``sources.timeml_parts``) and its TIMEX3
    spans as offsets into it."""
    body, dct = timeml_parts(decode_bytes(path.read_bytes())[0])
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(node) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                timexes.append(Timex(start, length, "".join(parts)[start:length], child.get("type", ""),
                                     child.get("value", "")))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    if body is not None:
        walk(body)
    return TimeMLDocument(path.stem, dct, "".join(parts), timexes)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _interval(value: str) -> tuple[date, date] | None:
    if "/" not in value:
        return None
    a, b = value.split("/", 1)
    start, end = _iso_date(a), _iso_date(b)
    return (start, end) if start and end else None


def gold_interval(gold: str, dct: str | None) -> tuple[date, date] | None:
    """The interval a week, week-end or dated season gold value stands for (None otherwise)."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", gold)
    if m:
        year, week = int(m.group(1)), int(m.group(2))
        try:
            if m.group(3):
                return date.fromisocalendar(year, week, 6), date.fromisocalendar(year, week, 7)
            return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", gold)
    if m:
        year = int(m.group(1))
        sm, sd, em, ed = _SEASON_CODES[m.group(2)]
        return date(year, sm, sd), date(year + 1 if em < sm else year, em, ed)
    return None


def value_matches(gold: str, predicted: str | None, dct: str | None = None) -> bool:
    """Whether a predicted value is the gold value, at the gold's precision (see module doc)."""
    if predicted is None or not gold:
        return False
    if _PLAIN_ISO.match(gold):
        return predicted == gold
    if gold == "PRESENT_REF":
        return dct is not None and predicted == dct[:10]
    if re.fullmatch(r"[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?", gold):
        return len(predicted) == len(gold) and all(g in ("X", p) for g, p in zip(gold, predicted))
    interval = gold_interval(gold, dct)
    if interval is not None:
        return _interval(predicted) == interval
    m = re.fullmatch(r"XXXX-(SP|SU|FA|AU|WI)", gold)
    if m:
        got = _interval(predicted)
        if got is None:
            return False
        sm, sd, em, ed = _SEASON_CODES[m.group(1)]
        return ((got[0].month, got[0].day, got[1].month, got[1].day) == (sm, sd, em, ed)
                and got[1].year == got[0].year + (1 if em < sm else 0))
    return False


def truncated_matches(gold: str, moment: datetime | date) -> bool:
    """The dateparser rule: its datetime, truncated to the gold's precision, equals the gold."""
    day = moment.date() if isinstance(moment, datetime) else moment
    if _PLAIN_ISO.match(gold) or re.fullmatch(r"[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?", gold):
        iso = day.isoformat()[:len(gold)]
        return all(g in ("X", p) for g, p in zip(gold, iso))
    interval = gold_interval(gold, None)
    if interval is not None:
        return interval[0] <= day <= interval[1]
    return False


def _consistent_with_time(gold: str, predicted, dct: str | None) -> bool:
    """A prediction on a TIME gold ("hier soir" = 1999-05-19TEV) that names the right day."""
    if predicted is None:
        return False
    if gold == "PRESENT_REF" and dct:
        gold = dct[:10]
    if "T" in gold and not gold.startswith("P"):
        gold = gold.split("T")[0]
    if isinstance(predicted, (date, datetime)):
        return truncated_matches(gold, predicted) if _PLAIN_ISO.match(gold) else False
    return predicted == gold


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _dateparser_mentions(text: str, dct: str, prefer: str) -> list[tuple[int, int, str, datetime]]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(dct[:10])
    found = search_dates(text, languages=["fr"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}) or []
    out, position = [], 0
    for string, moment in found:
        start = text.find(string, position)
        if start < 0:
            start = text.find(string)
            if start < 0:
                continue
        out.append((start, start + len(string), string, moment))
        position = start + len(string)
    return out


def _score(documents: list[TimeMLDocument], predictions: dict[str, list], matcher, examples: int) -> dict:
    total = found = 0
    day_total = day_found = 0
    non_iso_total = non_iso_found = 0
    predicted = correct_predicted = other_type = other_consistent = 0
    misses: dict[str, list] = {"not_detected": [], "wrong_value": []}
    by_kind: Counter = Counter()
    for doc in documents:
        preds = predictions[doc.id]
        golds = doc.dates
        for gold in golds:
            total += 1
            plain = bool(_PLAIN_ISO.match(gold.value))
            is_day = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold.value))
            day_total += is_day
            non_iso_total += not plain
            overlapping = [p for p in preds if _overlaps(p[0], p[1], gold.start, gold.end)]
            if any(matcher(gold.value, p[3], doc.dct) for p in overlapping):
                found += 1
                day_found += is_day
                non_iso_found += not plain
                continue
            kind = "wrong_value" if overlapping else "not_detected"
            misses[kind].append({"document": doc.id, "dct": doc.dct, "text": gold.text, "gold": gold.value,
                                 "predicted": [[p[2], str(p[3])] for p in overlapping]})
        for p in preds:
            predicted += 1
            golds_here = [g for g in golds if _overlaps(p[0], p[1], g.start, g.end)]
            if any(matcher(g.value, p[3], doc.dct) for g in golds_here):
                correct_predicted += 1
            else:
                others = [t for t in doc.timexes if t.type != "DATE" and _overlaps(p[0], p[1], t.start, t.end)]
                if others:
                    other_type += 1
                    other_consistent += any(_consistent_with_time(t.value, p[3], doc.dct) for t in others)
            if len(p) > 4:
                by_kind[p[4]] += 1
    result = {
        "gold_dates": total,
        "found_exact": found,
        "accuracy": round(100 * found / total, 1) if total else 0.0,
        "day_precision_gold": day_total,
        "day_precision_found": day_found,
        "day_precision_accuracy": round(100 * day_found / day_total, 1) if day_total else 0.0,
        "non_iso_gold": {"total": non_iso_total, "found": non_iso_found},
        "predicted": predicted,
        "predicted_correct": correct_predicted,
        "precision": round(100 * correct_predicted / predicted, 1) if predicted else 0.0,
        "precision_without_other_timex": (round(100 * correct_predicted / (predicted - other_type), 1)
                                          if predicted > other_type else 0.0),
        "predicted_on_other_timex": {"count": other_type, "consistent_day": other_consistent},
        "misses": {kind: {"count": len(items), "examples": items[:examples]} for kind, items in misses.items()},
    }
    if by_kind:
        result["predicted_by_kind"] = dict(by_kind)
    return result


def evaluate_dates(folder: Path, *, baseline: bool = True, use_parser: bool = True, examples: int = 20,
                   model: str = "fr_core_news_md") -> dict:
    """Score ``find_dates`` (and, with ``baseline``, dateparser alone) on a folder of ``.tml`` files.

    Returns ``{"documents", "recoupe": {...}, "dateparser": {...}}``; accuracy figures in percent,
    ``accuracy`` = gold DATE expressions found with the exact gold value / all gold DATEs.
    """
    folder = Path(folder)
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"{folder}: no .tml files")
    documents = [read_tml(p) for p in paths]
    nlp = None
    if use_parser:
        from ..analyse import load_nlp

        nlp = load_nlp(model)
    ours: dict[str, list] = {}
    texts = [d.text for d in documents]
    docs = list(nlp.pipe(texts)) if nlp is not None else [None] * len(texts)
    for document, doc in zip(documents, docs):
        mentions = find_dates(document.text, document.dct, doc)
        ours[document.id] = [(m.start, m.end, m.text, m.value, m.kind) for m in mentions]
    result = {"documents": len(documents), "recoupe": _score(documents, ours, value_matches, examples)}
    if baseline:
        best = None
        tried = {}
        for prefer in ("past", "current_period", "future"):
            theirs = {d.id: [(s, e, t, v) for s, e, t, v in _dateparser_mentions(d.text, d.dct, prefer)]
                      for d in documents if d.dct}
            for d in documents:
                theirs.setdefault(d.id, [])
            score = _score(documents, theirs,
                           lambda gold, moment, dct: truncated_matches(gold, moment), examples)
            score["settings"] = {"languages": ["fr"], "RELATIVE_BASE": "DCT", "PREFER_DATES_FROM": prefer}
            tried[prefer] = {"accuracy": score["accuracy"], "day_precision_accuracy": score["day_precision_accuracy"]}
            if best is None or score["accuracy"] > best["accuracy"]:
                best = score
        best["settings_tried"] = tried
        result["dateparser"] = best
    return result
