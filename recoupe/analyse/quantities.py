"""Quantities: the numbers an article states, with the thing counted and the interval a hedge allows.

``find_quantities(text, doc=None)`` is pure: the same text (and the same spaCy ``Doc`` of it, when
given) always gives the same list.  The ``Doc`` only helps to find the counted noun (its part of
speech); without it the next word is taken.

What is read
- digits with French separators: "3 000", "3\u202f000" (narrow no-break space), "9.000",
  "1,5", "42,3"; a scale word or abbreviation after them: "1,5 million", "10,5 milliards",
  "20 M€";
- number words (through text2num): "vingt-six", "quatorze", "trente", "deux cent mille",
  "vingt et un"; "un"/"une" only before "million(s)", "milliard(s)" or "pour cent";
- approximate nouns: "une trentaine de", "une dizaine d'", "un millier de";
- fractions of a duration: "six ans et demi" (6.5), "cinq ans et quatre mois" (5.33);
- ranges: "entre 10 et 20 pays", "de 10 à 20 %", "10 à 20 %".

The interval (``low``, ``high``) a statement allows
- an exact count "26 pays": value = low = high = 26;
- an approximate noun "une trentaine": value 30, low = floor(0.85 × 30) = 25,
  high = ceil(1.15 × 30) = 35 (±15 %, widened to whole numbers: "une dizaine" 8–12,
  "une vingtaine" 17–23, "une centaine" 85–115);
- "environ", "quelque(s)", "autour de", "de l'ordre de", "à peu près": ±10 % around the value
  (an approximate noun keeps its own, wider, interval);
- "près de", "presque", "quasiment", "pratiquement", "pas loin de": 10 % below up to the value
  ("nearly 40" is 36–40);
- "plus de", "au-delà de": low = value, high None (the bound itself is excluded by the words,
  but recorded as is: comparisons treat bounds as inclusive, which is the conservative side);
- "au moins", "pas moins de", "au minimum": low = value, high None;
- "moins de": high = value; "jusqu'à", "au plus", "au maximum", "pas plus de": high = value;
- "entre 10 et 20", "de 10 à 20": value None, low 10, high 20.

What is skipped: dates ("le 18 août", "1er septembre", "du 7 au 17 juillet", "2025-09-03",
"01/09"), times ("10h00", "11h30", "à 16 heures"), years (a bare 1000–2100 not followed by a
counted noun: "en 2003", "les années 1960"), ordinals ("1er", "35e", "2nde"), numbered things
("article 5", "numéro deux", "page 3", "résolution 2231"), identifiers ("F-16", "G7", "A400M",
"COVID-19") and capitalised number words inside a sentence (names: "la montagne Trois Frères").
A number word with no counted noun after it ("tous deux", "l'un des deux") is dropped; digits
without one are kept with ``unit`` None.

The unit is the counted noun as written, lower-cased and in the plural ("pays", "otages",
"drones", "chefs", "euros", "ans"), after any of a few pre-nominal adjectives ("14 autres
otages" → "otages", "deux principaux responsables" → "responsables") and, after an approximate
noun or a scale word, after "de"/"d'" ("une trentaine de pays", "1,5 million d'euros"); a symbol
is kept as such ("%", "°C", "€", "km"); "pour cent" is "%".
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from text_to_num import text2num

from ..records import Quantity
from .lexicon import APPROXIMATE_NUMBERS
from .syntax import text_length

_S = "[ \u00a0\u202f\u2009]"          # the spaces French typography puts inside and around numbers
_AP = "['’]"

_WORD = (r"(?:z[ée]ro|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
         r"seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille)")
_SCALES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12}

_CANDIDATE = re.compile(
    rf"(?P<approx>(?<![\w-])(?:une|un|la|cette){_S}+(?P<aword>{'|'.join(APPROXIMATE_NUMBERS)})(?={_S}*d(?:e{_S}|{_AP})))"
    rf"|(?P<digits>(?<![\w.,/’'])(?:\d{{1,3}}(?:{_S}\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?![\d])"
    rf"|\d+(?:[.,]\d+)?))"
    rf"|(?P<words>(?<![\w-]){_WORD}(?:(?:-|{_S}+)(?:et(?:-|{_S}+)(?:une?|onze)(?![\w-])|{_WORD}))*(?![\w-]))"
    rf"|(?P<one>(?<![\w-])une?(?={_S}+(?:millions?|milliards?|pour{_S}+cent|(?:an|heure|jour|mois|semaine){_S}+et{_S}+demie?)\b))",
    re.IGNORECASE)

_MONTHS = (r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
           r"d[ée]cembre|janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\b")
_DATE_AFTER = re.compile(rf"{_S}*(?:er|re)?{_S}*(?:(?:au|à|-|–|et){_S}*\d{{1,2}}(?:er)?{_S}+)?{_MONTHS}",
                         re.IGNORECASE)
_TIME_AFTER = re.compile(rf"(?:{_S}?h{_S}?\d{{0,2}}(?![\w])|:\d{{2}}|{_S}+heures?{_S}+(?:GMT|UTC|locales?|du{_S}+(?:matin|soir)|\d{{2}}))",
                         re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*$")
_TIME_BEFORE = re.compile(rf"(?:\b(?:à|vers|dès|jusqu{_AP}à|avant|après){_S}+)$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:er|re|ère|ere|e|è|ème|eme|nd|nde|nds|ndes|es|ers|res|°)(?![\w])", re.IGNORECASE)
_SKIP_BEFORE = re.compile(
    rf"(?:\b(?:articles?|alin[ée]as?|chapitres?|paragraphes?|pages?|p\.|sections?|titres?|tomes?|volumes?|"
    rf"vol\.|annexes?|r[ée]solutions?|num[ée]ros?|n°|nº|no\.|points?|niveaux?|cat[ée]gories?|phases?|lots?|"
    rf"[ée]tapes?|saisons?|[ée]pisodes?|actes?|versions?|lignes?|routes?|vols?|ann[ée]es|l{_AP}an|rang|classe|"
    rf"Boeing|Airbus|version|mod[èe]le|code|porte|bureau|salle|chambre|canal|rue|avenue|boulevard)"
    rf"{_S}*)$", re.IGNORECASE)
_SENTENCE_EDGE = set(".!?:;«»\"“”(\n—–-[")

_SYMBOL_AFTER = re.compile(
    rf"{_S}*(?P<sym>%|‰|°{_S}?[CF](?![\w])|°|€|\$|£|km/h|km²|km2|m²|m2|m³|m3|kms?|kg|cm|mm|ha|MW|GW|kW|TWh|GWh|MWh|kWh|"
    rf"Mt|Mds?{_S}?€|Md{_S}?\$|M€|M\$|k€|t|m|g|l)(?![\w'’])")
_ABBREV_SCALE = {"Md€": (1e9, "€"), "Mds€": (1e9, "€"), "Md$": (1e9, "$"), "M€": (1e6, "€"),
                 "M$": (1e6, "$"), "k€": (1e3, "€")}
_POUR_CENT = re.compile(rf"{_S}+pour{_S}+cent(?![\w])", re.IGNORECASE)
_SCALE_AFTER = re.compile(rf"{_S}+(mille|millions?|milliards?|billions?)(?![\w-])", re.IGNORECASE)
_DE = re.compile(rf"{_S}*(?:de{_S}+|d{_AP}{_S}*|des{_S}+)", re.IGNORECASE)
_WORD_AFTER = re.compile(rf"{_S}*([^\W\d_][\w'’-]*)")
_HALF_AFTER = re.compile(rf"{_S}+et{_S}+demie?(?![\w])", re.IGNORECASE)
_MONTHS_AFTER = re.compile(rf"{_S}+et{_S}+(\d{{1,2}}|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze){_S}+mois(?![\w])",
                           re.IGNORECASE)
_RANGE_LINK = re.compile(rf"{_S}*(?:et|à|ou|-|–){_S}*$", re.IGNORECASE)

# words that may stand between a number and its noun ("14 autres otages")
_PRE_ADJECTIVES = {
    "autres", "premiers", "premières", "derniers", "dernières", "nouveaux", "nouvelles", "principaux", "principales",
    "grands", "grandes", "petits", "petites", "seuls", "seules", "jeunes", "vieux", "vieilles", "anciens", "anciennes",
    "gros", "grosses", "bons", "bonnes", "mauvais", "meilleurs", "meilleures", "vrais", "vraies", "longs", "longues",
    "courtes", "hauts", "hautes", "pleins", "pleines", "simples", "ex", "gigantesques", "importants", "importantes",
    "lourds", "lourdes", "belles", "beaux", "braves", "pauvres", "prochains", "prochaines", "ultimes", "malheureux",
    "malheureuses", "prétendus", "soi-disant",
}
# words that are never the counted noun (without a parse to tell)
_NOT_NOUNS = {
    "de", "des", "du", "d", "le", "la", "les", "l", "un", "une", "et", "ou", "à", "au", "aux", "en", "par", "pour",
    "sur", "dans", "avec", "sans", "sous", "chez", "entre", "vers", "contre", "depuis", "pendant", "avant", "après",
    "selon", "qui", "que", "qu", "quoi", "dont", "où", "ne", "n", "pas", "se", "s", "ce", "c", "ces", "cet", "cette",
    "il", "ils", "elle", "elles", "on", "nous", "vous", "je", "j", "tu", "me", "m", "te", "t", "lui", "leur", "leurs",
    "son", "sa", "ses", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "y", "est", "sont", "ont", "a", "ai",
    "avait", "avaient", "était", "étaient", "sera", "seront", "serait", "seraient", "été", "être", "avoir", "fait",
    "font", "faire", "doit", "doivent", "peut", "peuvent", "plus", "moins", "très", "trop", "tous", "toutes", "tout",
    "toute", "même", "mêmes", "aussi", "encore", "déjà", "si", "mais", "donc", "or", "ni", "car",
    "comme", "alors", "puis", "ainsi", "environ", "près", "jusqu", "quelque", "quelques", "autre", "autres", "tels",
    "telles", "fin", "début", "mi", "ici", "là", "hier", "aujourd", "demain", "quel", "quelle", "quels", "quelles",
    "lequel", "laquelle", "lesquels", "lesquelles", "ceux", "celles", "celui", "celle", "chacun", "chacune",
    "auparavant", "seulement", "respectivement", "précédemment", "actuellement", "ensuite", "désormais",
    "notamment", "soit", "voire", "jusque", "dès", "hors", "sauf", "parmi",
}
_NOUN_POS = {"NOUN", "PROPN"}
_TIME_UNITS = {"ans", "an", "années", "année", "mois", "semaines", "semaine", "jours", "jour", "heures", "heure",
               "minutes", "minute", "secondes", "seconde"}
_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
_MONTH_WORDS = {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
                "septembre", "octobre", "novembre", "décembre", "decembre"}

# hedges read from the words just before the number; the longest match wins
_HEDGES = [(kind, re.compile(rf"(?:^|(?<=[\s(«\"“'’]))(?:{pattern}){_S}*$", re.IGNORECASE)) for kind, pattern in [
    ("ge", rf"au{_S}+moins|à{_S}+tout{_S}+le{_S}+moins|au{_S}+minimum|pas{_S}+moins{_S}+d(?:e|{_AP})|un{_S}+minimum{_S}+d(?:e|{_AP})|minimum"),
    ("le", rf"jusqu{_AP}{_S}*(?:à|aux?)|au{_S}+plus|au{_S}+maximum|pas{_S}+plus{_S}+d(?:e|{_AP})|un{_S}+maximum{_S}+d(?:e|{_AP})|maximum"),
    ("gt", rf"plus{_S}+d(?:e|{_AP})|au-delà{_S}+d(?:e|{_AP})|au-dessus{_S}+d(?:e|{_AP})|davantage{_S}+d(?:e|{_AP})|sup[ée]rieure?s?{_S}+à"),
    ("lt", rf"moins{_S}+d(?:e|{_AP})|en(?:{_S}+|-)dessous{_S}+d(?:e|{_AP})|inf[ée]rieure?s?{_S}+à"),
    ("near", rf"près{_S}+d(?:e|{_AP})|presque|quasiment|pratiquement|pas{_S}+loin{_S}+d(?:e|{_AP})"),
    ("about", rf"environ|quelques?|approximativement|à{_S}+peu{_S}+près|autour{_S}+d(?:e|{_AP})|"
              rf"aux{_S}+alentours{_S}+d(?:e|{_AP})|de{_S}+l{_AP}ordre{_S}+d(?:e|{_AP})|grosso{_S}+modo|"
              rf"approximatif|estim[ée]e?s?{_S}+à"),
]]
_CHANGE_BEFORE = re.compile(rf"\b(?:pass|grimp|chut|baiss|mont|tomb|recul|bondi|descend|redescend|ramen|port|augment|"
                            rf"diminu|rédui|redui|relev|abaiss)\w*{_S}+(?:de{_S}+|d{_AP})$", re.IGNORECASE)
_RANGE_BEFORE = {"et": re.compile(rf"(?:^|(?<=\s))entre{_S}+$", re.IGNORECASE),
                 "à": re.compile(rf"(?:^|(?<=\s))(?:de{_S}+|d{_AP})$", re.IGNORECASE)}


def _plural(word: str, value: float | None) -> str:
    """The plural of a counted noun written in the singular ("1 otage" → "otages")."""
    if value is None or value >= 2 or not word.replace("-", "").isalpha() or word[-1] in "sxz":
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


def _digits_value(raw: str) -> float | None:
    text = re.sub(_S, "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")           # "9.000": a thousands point, French style
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _words_value(raw: str) -> tuple[float, int] | None:
    """Value of the longest prefix of ``raw`` text2num reads, and that prefix's length."""
    parts = re.split(rf"({_S}+)", raw)
    for n in range(len(parts), 0, -2):
        chunk = "".join(parts[:n])
        try:
            value = text2num(re.sub(_S + "+", " ", chunk.lower()), "fr")
        except ValueError:
            continue
        return float(value), len(chunk)
    return None


class _Tokens:
    """Where the spaCy tokens of the text start, to look a token up by character offset."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, offset: int):
        i = bisect_left(self.starts, offset)
        return self.doc[i] if i < len(self.starts) and self.starts[i] == offset else None


def _counted_noun(text: str, pos: int, tokens: _Tokens | None, after_of: bool) -> tuple[str, int, int] | None:
    """The counted noun after ``pos``: (word as written, start, end), or None."""
    if after_of:
        m = _DE.match(text, pos)
        if not m:
            return None
        pos = m.end()
    for _ in range(3):
        m = _WORD_AFTER.match(text, pos)
        if not m:
            return None
        word, start, end = m.group(1), m.start(1), m.end(1)
        word = word.rstrip("'’-")
        end = start + len(word)
        low = word.lower()
        if low in _PRE_ADJECTIVES:
            pos = end
            continue
        if low in _NOT_NOUNS or low in _WEEKDAYS or low in _MONTH_WORDS or "'" in low or "’" in low:
            return None
        if tokens is not None:
            token = tokens.at(start)
            if token is not None and not (token.pos_ in _NOUN_POS or (token.pos_ == "ADJ" and word[:1].isupper())):
                return None
        return word, start, end
    return None


def _starts_sentence(text: str, start: int) -> bool:
    prev = text[:start].rstrip(" \u00a0\u202f\t")
    return not prev or prev[-1] in _SENTENCE_EDGE


def _after_name(text: str, start: int) -> bool:
    """The number follows a capitalised word inside a sentence: "Europe 1", "France 2"."""
    m = re.search(rf"([^\W\d_][\w-]*){_S}+$", text[max(0, start - 30):start])
    return bool(m) and m.group(1)[0].isupper() and not _starts_sentence(text, start - len(m.group(0)))


def _hedge(prefix: str) -> tuple[str | None, int]:
    """The hedge that ends ``prefix`` and where it starts (len(prefix) when none)."""
    best, where = None, len(prefix)
    for kind, pattern in _HEDGES:
        m = pattern.search(prefix)
        if m and m.start() < where:
            best, where = kind, m.start()
    return best, where


def _interval(value: float, approx: bool, hedge: str | None) -> tuple[float | None, float | None]:
    low, high = value, value
    if approx:
        low, high = float(math.floor(value * 0.85)), float(math.ceil(value * 1.15))
    if hedge in ("gt", "ge"):
        return value, None
    if hedge in ("lt", "le"):
        return None, value
    if hedge == "near":
        return min(low, value * 0.9), high
    if hedge == "about":
        return min(low, value * 0.9), max(high, value * 1.1)
    return low, high


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    return float(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)


class _Number:
    __slots__ = ("start", "end", "value", "kind", "approx", "scale")

    def __init__(self, start: int, end: int, value: float, kind: str, approx: bool = False, scale: float = 1.0) -> None:
        self.start, self.end, self.value, self.kind, self.approx, self.scale = start, end, value, kind, approx, scale


def _read_number(text: str, m: re.Match) -> _Number | None:
    """The number a candidate match stands for, with any scale word after it; None when it is not one."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 40):start]
    if m.group("approx"):
        return _Number(start, end, float(APPROXIMATE_NUMBERS[m.group("aword").lower()]), "approx", approx=True)
    if m.group("digits"):
        raw = m.group("digits")
        nxt = text[end:end + 12]
        if re.match(r"[-–/]\d", nxt) or (start > 0 and text[start - 1] in "-–/" and start > 1 and text[start - 2].isalnum()):
            return None                                    # 2025-09-03, 01/09, F-16, 2-1
        if _ORDINAL_AFTER.match(nxt) and not _SYMBOL_AFTER.match(nxt):
            return None                                    # 1er, 35e, 2nde
        if _LIST_ITEM.search(text[max(0, start - 2):start]) and re.match(rf"{_S}+[A-ZÀ-Ý][a-zà-ÿ]", nxt):
            return None                                    # "1 Réformer la loi": a numbered list
        if re.match(r"[^\W\d_]", nxt) and not _SYMBOL_AFTER.match(nxt):
            return None                                    # G7, A400M, 5G: an identifier
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None                                    # 01, 07: a date or a code
        value = _digits_value(raw)
        if value is None:
            return None
        if start > 0 and text[start - 1] in "-−" and (start == 1 or not text[start - 2].isalnum()):
            start, value = start - 1, -value              # -5 °C
        kind = "digits"
    elif m.group("one"):
        value, kind = 1.0, "words"
    else:
        raw = m.group("words")
        low = raw.lower()
        if low in ("cent", "cents") and re.search(rf"pour{_S}+$", before, re.IGNORECASE):
            return None                                    # "17 pour cent": "cent" is the unit
        if raw[0].isupper() and not _starts_sentence(text, start):
            return None                                    # "la montagne Trois Frères": a name
        read = _words_value(raw)
        if read is None:
            return None
        value, length = read
        end = start + length
        kind = "words"
    if _TIME_AFTER.match(text, end):
        return None                                        # 10h00, 16 h, 11:30, cinq heures du matin
    if _SKIP_BEFORE.search(before):
        return None                                        # article 5, numéro deux, années 1960
    if _DATE_AFTER.match(text, end):
        return None                                        # 18 août, 2 juillet, 7 au 17 juillet
    if m.group("digits") and _TIME_BEFORE.search(before) and re.match(rf"{_S}+heures?\b", text[end:end + 10]):
        return None                                        # à 16 heures
    scale = _SCALE_AFTER.match(text, end)
    factor = 1.0
    if scale and not (kind == "words" and scale.group(1).lower() == "mille"):
        factor = _SCALES[scale.group(1).lower()]
        value *= factor
        end = scale.end()
    return _Number(start, end, value, kind, scale=factor)


def find_quantities(text: str, doc=None) -> list[Quantity]:
    """Every quantity stated in ``text``, in order; ``doc`` (a spaCy Doc of ``text``) helps find nouns."""
    tokens = _Tokens(doc) if doc is not None and text_length(doc) == len(text) else None
    numbers: list[_Number] = []
    for m in _CANDIDATE.finditer(text):
        n = _read_number(text, m)
        if n is not None:
            numbers.append(n)
    out: list[Quantity] = []
    i = 0
    while i < len(numbers):
        n = numbers[i]
        i += 1
        if out and n.start < out[-1].end:
            continue                             # "quatre mois" of "cinq ans et quatre mois"
        second = None
        if i < len(numbers):
            gap = text[n.end:numbers[i].start]
            link = _RANGE_LINK.fullmatch(gap)
            if link and len(gap) <= 6:
                word = gap.strip(" \u00a0\u202f\u2009").lower()
                prefix = text[max(0, n.start - 20):n.start]
                if word == "et" and _RANGE_BEFORE["et"].search(prefix):
                    second = numbers[i]          # "entre 10 et 20 pays"
                elif word in ("à", "ou", "-", "–"):
                    second = numbers[i]          # "de 10 à 20 %", "3 ou 4 %": kept only with a unit below
        last = second or n
        q = _finish(text, n, second, last, tokens)
        if q is None and second is not None:
            second = None
            q = _finish(text, n, None, n, tokens)
        if q is not None:
            out.append(q)
            if second is not None:
                i += 1
    return _merge_unit_ranges(text, out)


def _merge_unit_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"5 % à 10 %", "entre 3 % et 4 %": two quantities of one unit joined into a range."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit and prev.unit == q.unit and prev.value is not None and q.value is not None
                and prev.low == prev.high == prev.value and q.low == q.high == q.value):
            link = text[prev.end:q.start].strip(" \u00a0\u202f\u2009").lower()
            before = text[max(0, prev.start - 20):prev.start]
            opener = _RANGE_BEFORE[link].search(before) if link in _RANGE_BEFORE else None
            if _CHANGE_BEFORE.search(before):
                pass                                     # "le taux passait de 5,8 % à 5,2 %": a change, not a range
            elif link in ("à", "ou", "-", "–") or (link == "et" and opener):
                start = prev.start - (len(before) - opener.start()) if opener else prev.start
                out[-1] = Quantity(start, q.end, text[start:q.end], None, min(prev.value, q.value),
                                   max(prev.value, q.value), q.unit)
                continue
        out.append(q)
    return out


def _finish(text: str, n: _Number, second: _Number | None, last: _Number, tokens: _Tokens | None) -> Quantity | None:
    end = last.end
    value = last.value
    unit = None
    symbol = _SYMBOL_AFTER.match(text, end)
    pour_cent = _POUR_CENT.match(text, end)
    if pour_cent:
        unit, end = "%", pour_cent.end()
    elif symbol and (last.kind == "digits" or symbol.group("sym") in ("%", "€", "$", "£")):
        sym = re.sub(_S, "", symbol.group("sym"))
        if sym in _ABBREV_SCALE:
            factor, sym = _ABBREV_SCALE[sym]
            value *= factor
        unit, end = {"°C": "°C", "kms": "km", "km2": "km²", "m2": "m²", "m3": "m³"}.get(sym, sym), symbol.end()
    else:
        scaled = last.kind != "approx" and value >= 1e6 and re.search(r"(?i)(?:million|milliard|billion)s?$", text[last.start:last.end])
        noun = _counted_noun(text, end, tokens, after_of=last.approx or bool(scaled))
        if noun is not None:
            word, _, noun_end = noun
            if word[:1].isupper() and not word.isupper() and word.lower() in _TIME_UNITS and not _starts_sentence(text, n.start):
                return None                      # "à 20 Minutes": a newspaper's name
            unit, end = word.lower(), noun_end
    if second is not None and unit is None:
        return None                              # "de 1985 à 1988", "du 7 au 17": not a range of anything
    years = [x for x in (n, second) if x is not None and x.kind == "digits"
             and re.fullmatch(r"\d{4}", text[x.start:x.end]) and 1000 <= x.value <= 2100]
    if years and (unit is None or unit in _MONTH_WORDS):
        return None                              # en 2003, de 2002
    if unit is None and (n.kind in ("words", "approx") or _after_name(text, n.start)):
        return None                              # "tous deux", "l'un des deux"; "Europe 1", "Boeing 737"
    if unit in _TIME_UNITS and second is None:
        half = _HALF_AFTER.match(text, end)
        months = _MONTHS_AFTER.match(text, end) if unit in ("ans", "an", "années") else None
        if half:
            value, end = value + 0.5, half.end()
        elif months:
            m = months.group(1)
            count = float(m) if m.isdigit() else float(text2num(m.lower(), "fr"))
            value, end = value + count / 12, months.end()
    if unit is not None:
        unit = _plural(unit, value)
    start = n.start
    if second is not None:
        link = text[n.end:second.start].strip(" \u00a0\u202f\u2009").lower()
        opener = _RANGE_BEFORE[link].search(text[max(0, n.start - 20):n.start]) if link in _RANGE_BEFORE else None
        if opener:
            start = n.start - (len(text[max(0, n.start - 20):n.start]) - opener.start())
        first = n.value
        spoken = second.value / second.scale
        if n.kind == second.kind == "words" and n.value < 10 and spoken >= 100 and spoken % 100 == 0:
            first *= 100 if spoken < 1000 else 1000      # "cinq ou six cents": 500 or 600
        if second.scale > 1 and n.scale == 1:
            first *= second.scale                        # "entre 10 et 20 millions"
        low, high = _clean(min(first, value)), _clean(max(first, value))
        return Quantity(start, end, text[start:end], None, low, high, unit)
    hedge, where = _hedge(text[max(0, n.start - 40):n.start])
    if hedge is not None:
        start = n.start - (len(text[max(0, n.start - 40):n.start]) - where)
    low, high = _interval(value, n.approx, hedge)
    return Quantity(start, end, text[start:end], _clean(value), _clean(low), _clean(high), unit)
