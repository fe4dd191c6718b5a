"""Repairs of scraping damage, one small function per kind of damage.

Each function takes paragraphs (or one paragraph) and returns the repaired value together with
what it took out, so the caller can keep it as metadata and record the repair.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000\t"), " ")
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u02bc\u2032\u00b4"), "'")
# C1 control characters (U+0080-U+009F) in text are Windows-1252 characters read as Latin-1 on their
# way to UTF-8 ("l\x92offre" for "l’offre"): each is the cp1252 character of its byte (an apostrophe
# for U+0092, once the apostrophes are made plain), or a space for the five bytes cp1252 leaves undefined.
_C1_CONTROLS = {c: (bytes([c]).decode("cp1252", errors="ignore") or " ") for c in range(0x80, 0xA0)}
_PLAIN = {**_ZERO_WIDTH, **_SPACES, **_APOSTROPHES,
          **{c: _APOSTROPHES.get(ord(v), v) for c, v in _C1_CONTROLS.items()}}


def normalise_text(text: str) -> str:
    """NFC, LF line ends, ordinary spaces and apostrophes, no zero-width characters, no C1 controls."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_PLAIN)
    text = re.sub(r"[ ]{2,}", " ", text)
    return text


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line (scraped text uses single and double line breaks alike)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


_META_KEYS = {
    "date": "published", "publié le": "published", "publie le": "published", "published": "published",
    "source": "source", "url": "url", "lien": "url",
    "auteur": "author", "author": "author",
    "titre": "title", "title": "title", "langue": "language", "language": "language",
}
_META_LINE = re.compile(r"^(?P<key>publi[ée] le|published|date|source|url|lien|auteur|author|titre|title|langue|language)"
                        r"\s*[:=]\s*(?P<value>.+)$", re.IGNORECASE)
_DATE_PREFIX = re.compile(r"^(?:date|publi[ée] le|published)\s*[:=]?\s*"
                          r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
                          r"\s+(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


def _plausible_value(field: str, value: str) -> bool:
    """A metadata value, not a body sentence that starts with "Source : un diplomate a dit…"."""
    words = value.split()
    if field == "published":
        return bool(re.search(r"\d", value)) and len(words) <= 8
    if field == "url":
        return len(words) == 1
    if field == "language":
        return len(words) <= 2
    if field == "title":
        return len(words) <= 30
    return len(words) <= 8 and not re.search(r"[.!?…]$", value) or bool(re.fullmatch(r"[\w.-]+", value))


def take_metadata_lines(paragraphs: list[str]) -> tuple[list[str], dict[str, str]]:
    """Turn leading ``key: value`` lines and a glued ``date 2025-09-03 La réunion…`` prefix into fields."""
    fields: dict[str, str] = {}
    out = list(paragraphs)
    while out:
        first = out[0]
        line = _META_LINE.match(first)
        if line and len(first) < 300 and _plausible_value(_META_KEYS[line["key"].lower()], line["value"].strip()):
            fields.setdefault(_META_KEYS[line["key"].lower()], line["value"].strip())
            out.pop(0)
            continue
        prefix = _DATE_PREFIX.match(first)
        if prefix:
            fields.setdefault("published", prefix["value"])
            out[0] = prefix["rest"].strip()
        break
    return out, fields


_NAME = r"[A-ZÀ-ÖØ-Þ][\w'.-]+"
# Lower-case particles inside a name ("Charles de Gaulle", "Valéry Giscard d'Estaing").
_PERSON = rf"(?:(?:de|du|des|van|von|der|den|di|da|del|dos|le|la|ben|bin|al|el)\s+|d')?{_NAME}"
# Only the lead-in is case-insensitive: the names must be capitalised, or "Par ailleurs les
# dirigeants ont signé un accord" would read as a byline.
_BYLINE = re.compile(rf"^(?i:par|by|de notre (?:correspondante?|envoyée? spéciale?)(?:\s+(?:à|en)\s+[\w-]+)?\s*,?)\s+"
                     rf"(?P<names>{_PERSON}(?:(?:\s+(?i:et|and|avec)\s+|\s*,\s*|\s+){_PERSON}){{0,7}})\s*$")


def take_byline(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """A short "par Andrew Gray" line in the first two paragraphs is the author, not body text."""
    for index, paragraph in enumerate(paragraphs[:2]):
        match = _BYLINE.match(paragraph)
        if match and len(paragraph) <= 120:
            return paragraphs[:index] + paragraphs[index + 1:], match["names"].strip()
    return paragraphs, None


_CREDIT = re.compile(r"^\((?=[^)]*\b(?:reportage|rédigé par|redige par|édité par|edite par|version française|"
                     r"avec (?:afp|reuters|ap)|reporting by|editing by|writing by)\b).*\)\s*$", re.IGNORECASE)


def take_credit_line(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """A final "(Reportage …; édité par …)" line credits the newsroom; it is not body text."""
    for index in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 3), -1):
        if _CREDIT.match(paragraphs[index]):
            return paragraphs[:index] + paragraphs[index + 1:], paragraphs[index].strip("() ")
    return paragraphs, None


_JUNK = re.compile(r"^(?:today|aujourd'hui|lire aussi|lire la suite|à lire aussi|read more|share|partager|"
                   r"publicité|advertisement|abonnez-vous|newsletter|voir aussi|tweet|imprimer|print|"
                   r"commentaires?|réagir|\d+ commentaires?|haut de page|retour en haut)[\s.:!]*$", re.IGNORECASE)


def drop_trailing_junk(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove page furniture ("Today", "Lire aussi", "Partager") left at the end of the text."""
    out = list(paragraphs)
    removed: list[str] = []
    while out and _JUNK.match(out[-1]):
        removed.insert(0, out.pop())
    return out, removed


_SENTENCE_END = re.compile(r"[.;,:…]\s*[\"»”’')\]]*$")


def take_title(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """A first line that reads as a headline (short, no closing full stop) is the title."""
    if len(paragraphs) < 2:
        return paragraphs, None
    first = paragraphs[0]
    words = first.split()
    # A sentence may end inside its closing quote or bracket: « … de définition." » is body text.
    if 2 <= len(words) <= 30 and not _SENTENCE_END.search(first) and len(first) <= 250:
        return paragraphs[1:], first
    return paragraphs, None


def _comparable(paragraph: str) -> str:
    return re.sub(r"\W+", " ", paragraph.lower()).strip()


def drop_repeated_paragraphs(paragraphs: list[str], min_similarity: float = 85.0,
                             min_chars: int = 40) -> tuple[list[str], list[str]]:
    """A paragraph printed twice, exactly or nearly (a live update), is kept once: its later print.

    The later print is kept because scrapers pick up both the first version and the corrected one.
    """
    keys = [_comparable(p) for p in paragraphs]
    drop: set[int] = set()
    for later in range(len(paragraphs)):
        if len(keys[later]) < min_chars:
            continue
        for earlier in range(max(0, later - 3), later):
            if earlier in drop or len(keys[earlier]) < min_chars:
                continue
            if fuzz.ratio(keys[earlier], keys[later]) >= min_similarity:
                drop.add(earlier)
    kept = [p for i, p in enumerate(paragraphs) if i not in drop]
    return kept, [paragraphs[i] for i in sorted(drop)]


def cut_glued_repeated_tail(paragraph: str, min_chars: int = 20,
                            max_chars: int = 2000) -> tuple[str, str | None]:
    """"… indique le communiqué.accroître … indique le communiqué." : the tail glued twice is cut."""
    text = paragraph.rstrip()
    for size in range(min(len(text) // 2, max_chars), min_chars - 1, -1):
        tail = text[-size:]
        if text[-2 * size:-size] == tail and re.search(r"\w", tail):
            return text[:-size], tail
    return paragraph, None


_MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
           "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{1,40}?(?:\s*\([^)]{1,30}\))?)\s*,\s*"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<day>\d{1,2})(?:er)?\s+(?P<month>" + "|".join(_MONTHS) + r")(?:\s+(?P<year>\d{4}))?\s*"
    r"(?:\((?P<agency>[^)]{1,30})\)\s*)?[-–—]+\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


def take_dateline(paragraphs: list[str]) -> tuple[list[str], dict[str, str | int] | None]:
    """"PARIS, 3 septembre (Reuters) - Le président…": the dateline is metadata, not body text."""
    if not paragraphs:
        return paragraphs, None
    match = _DATELINE.match(paragraphs[0])
    if not match or not match["place"].strip().isupper():
        return paragraphs, None
    found: dict[str, str | int] = {"place": match["place"].strip(), "day": int(match["day"]),
                                   "month": _MONTHS[match["month"].lower()]}
    if match["year"]:
        found["year"] = int(match["year"])
    if match["agency"]:
        found["agency"] = match["agency"].strip()
    return [match["rest"].strip()] + paragraphs[1:], found
