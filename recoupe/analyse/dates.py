"""French date expressions resolved against the publication date.

``find_dates(text, published, doc=None)`` is pure: a regex grammar over French date vocabulary
finds the expressions, and each is resolved at the precision the text gives it.

Values (ISO 8601, as the ``recoupe/1`` schema allows):

- a day ``2025-09-03``, a month ``2025-09``, a year ``2025``;
- an interval ``2025-08-25/2025-08-31`` for expressions that name a span of days: a week
  (``cette semaine``, ``la semaine dernière``: Monday to Sunday of that week, the precision the
  text gives, rather than a Monday that would claim a day), a week-end (Saturday/Sunday), a season
  (astronomical dates, ``l'été`` = 06-21/09-22), ``dans les prochains jours`` (the 7 days after
  the publication date), ``ces derniers jours`` (the 7 days before), ``les prochaines semaines``
  (28 days), ``les prochains mois`` (the next 3 months), a decade (``les années 1990`` =
  ``1990/1999``);
- ``None`` when the expression needs a publication date and the article has none (a fully
  absolute date such as ``1er juillet 2008`` or ``en 2003`` never needs one).

``kind``: ``range`` whenever the value is an interval; otherwise ``weekday`` for an expression
resolved from a weekday name, ``relative`` for deictic expressions (``hier``, ``le mois dernier``,
``l'an dernier``, ``il y a trois jours``), ``absolute`` for calendar names (``le 18 août``, with
or without its year, ``en mai``, ``en 2003``).

Resolution rules:

- a day and month without a year takes the year that puts it nearest the publication date
  (``dernier``: the latest before it; ``prochain``: the first after it; a weekday named with it,
  ``samedi 4 janvier``, picks the year where that day is that weekday); when the nearest is more
  than four months away and the verb's tense says the other way, the tense wins;
- a month alone likewise (the publication month itself when it is that month);
- a bare weekday (also with ``soir``/``matin``…, or ``ce``): the publication day itself when it is
  that weekday (news convention: "mercredi" in a Wednesday article is that day); otherwise the most
  recent one before the publication date when the clause is in a past tense (passé composé,
  imperfect, passé simple, past participle: "réélu dimanche"), the next one after it when it points
  ahead (futur, ``aller`` / a modal + infinitive, a conditional, a scheduling participle: "la
  rencontre prévue samedi", or a present tense that nothing around contradicts), the nearest one
  when nothing tells. ``dernier`` / ``passé``: strictly before (a week back on that weekday);
  ``prochain``: strictly after. ``depuis`` before it means the past, ``dès`` / ``jusqu'à`` the
  future. The tense is read from the spaCy ``doc`` when one is given (the verb governing the
  weekday, its auxiliaries and morphology; être-verbs and pronominal verbs make a passé composé),
  else, and when the parse only says "present", from the nearest verb form in the sentence;
- the second weekday of "la nuit de jeudi à vendredi", "samedi et dimanche" is the first such day
  after the first one; "chaque lundi", "le mercredi" (habitual), "du lundi au vendredi" (opening
  hours) are not dates;
- ``ce week-end``: the publication week's Saturday/Sunday when published on a week-end, else the
  previous one in a past clause and the coming one otherwise.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from ..records import DateMention

__all__ = ["find_dates", "parse_published"]

_A = r"[’'ʼ]"  # apostrophes
_MONTH_NUMBERS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30,
}
# (start month, start day, end month, end day); winter ends in the next year.
_SEASONS = {"printemps": (3, 20, 6, 20), "ete": (6, 21, 9, 22), "automne": (9, 23, 12, 20), "hiver": (12, 21, 3, 19)}

_MONTH_FULL = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
_MONTH = rf"(?:(?:{_MONTH_FULL})(?!\w)|(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\.)"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w-])"
_DAY = r"(?<![\w.,/-])(?:1er|1re|1ᵉʳ|premier|3[01]|[12]\d|0?[1-9])(?![\w,.]\d|\w)"
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\w,.]?\d)"
_YEAR2 = rf"{_A}?\d\d(?=\s*(?:[.,;:!?)»\]]|$|\s+(?:et|à|au|aux|en|pour|sur|dans|lors)\b))"
_MOD = r"(?:derni[eè]re?s?|pass[ée]e?s?|prochaine?s?)(?!\w)"
_PART = r"(?:soir|matin|après-midi|apres-midi|midi|soirée|matinée|dans\s+la\s+(?:soirée|matinée|nuit))(?!\w)"
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"

_FLAGS = re.IGNORECASE
_DAY_TOKEN = re.compile(r"1er|1re|1ᵉʳ|premier|\d{1,2}", _FLAGS)
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("numeric", re.compile(
        r"(?<![\w/.-])(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})|(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}))(?![\w/.-]?\d)",
        _FLAGS)),
    ("day_month", re.compile(
        rf"(?:(?:le|les)\s+)?(?:(?P<wd>{_WEEKDAY})\s+)?"
        rf"(?P<days>{_DAY}(?:\s*(?:,|et|ou|au|à|-|–)\s*(?:(?:le|les)\s+)?(?:{_WEEKDAY}\s+)?{_DAY})*)\s+"
        rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR4}|{_YEAR2}))?(?:\s+(?P<mod>{_MOD}))?", _FLAGS)),
    ("month", re.compile(
        rf"(?:(?P<pre>mi-|mi\s+|début\s+|debut\s+|fin\s+|courant\s+|(?:le\s+|au\s+)?mois\s+(?:de\s+|d{_A}\s*))\s*)?"
        rf"(?<!\w)(?P<month>{_MONTH_FULL})(?!\w)(?:\s+(?P<year>{_YEAR4}|{_YEAR2}))?(?:\s+(?P<mod>{_MOD}))?", _FLAGS)),
    ("year", re.compile(
        rf"(?:(?P<pre>l{_A}an(?:née)?\s+|(?<!\w)année\s+|mi-|début\s+|debut\s+|fin\s+|courant\s+))?"
        rf"(?<![\w.,])(?<!\b\d[/.])(?<!\b\d\d[/.])(?<!\d\s)(?P<year>{_YEAR4})", _FLAGS)),
    ("decade", re.compile(rf"(?:les\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?!\w)", _FLAGS)),
    ("relday", re.compile(
        rf"(?<!\w)(?P<rel>avant-hier|apr[èe]s-demain|aujourd{_A}hui|hier|demain|ce\s+matin|ce\s+soir|cet\s+après-midi|cette\s+nuit)(?!\w)"
        rf"(?:\s+(?P<part>{_PART}))?(?:\s*,?\s+(?P<wd>{_WEEKDAY}))?", _FLAGS)),
    ("weekday", re.compile(
        rf"(?:(?P<det>ce|le)\s+)?(?<!\w)(?P<wd>{_WEEKDAY})(?:\s+(?P<mod1>{_MOD}))?(?:\s+(?P<part>{_PART}))?(?:\s+(?P<mod2>{_MOD}))?",
        _FLAGS)),
    ("this_period", re.compile(
        rf"(?<!\w)(?:cette|ce|cet)\s+(?P<unit>semaine|week-?end|week\s+end|mois(?:-ci)?|année|an)(?![\w-])", _FLAGS)),
    ("rel_period", re.compile(
        rf"(?<!\w)(?:la|le|l{_A})\s*(?P<unit>semaine|week-?end|week\s+end|mois|année|an)\s+(?P<mod>{_MOD})", _FLAGS)),
    ("new_year", re.compile(r"(?<!\w)la\s+nouvelle\s+année(?!\w)", _FLAGS)),
    ("next_days", re.compile(
        rf"(?<!\w)(?:(?:dans|pour|durant|pendant|au\s+cours\s+des|d{_A}ici)\s+)?(?:les|des|ces)\s+"
        rf"(?:(?P<mod1>prochain(?:e)?s|derni(?:er|ère)s)\s+(?P<unit1>jours|semaines|mois)"
        rf"|(?P<unit2>jours|semaines|mois)\s+(?P<mod2>à\s+venir|prochain(?:e)?s|qui\s+viennent|derni(?:er|ère)s|passé(?:e)?s))(?!\w)",
        _FLAGS)),
    ("ago", re.compile(
        rf"(?<!\w)(?:(?P<ago>il\s+y\s+a)|(?P<in>dans))\s+(?P<n>{_NUM})\s+(?P<unit>jours?|semaines?|mois|ans|années?)(?!\w)", _FLAGS)),
    ("season", re.compile(
        rf"(?:(?P<det>cet|ce|l{_A}|en|d{_A}|de\s+l{_A}|pendant\s+l{_A}|durant\s+l{_A}|depuis\s+l{_A}|dès\s+l{_A})\s*)?"
        rf"(?<!\w)(?P<season>été|eté|hiver|printemps|automne)(?!\w)(?:\s+(?P<year>{_YEAR4})|\s+(?P<mod>{_MOD}))?", _FLAGS)),
]

_YEAR_STRONG_CUE = re.compile(rf"(?:\b(?:en|depuis|dès|jusqu{_A}en|l{_A}an|année)|[(/])\s*$", _FLAGS)
_QUANTITY_CUE = re.compile(
    rf"(?:\b(?:plus|moins|près|environ|quelque|quelques|n°|no|numéro|article|page|p\.|art\.|tél|code|lot|km)|[€$£#])"
    rf"\s*(?:de\s+|d{_A})?$", _FLAGS)
_YEAR_FOLLOWERS = {
    "et", "ou", "à", "au", "aux", "en", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "il", "elle",
    "ils", "elles", "on", "ce", "cette", "ces", "qui", "que", "qu", "quand", "lorsque", "avec", "pour", "par", "sur",
    "dans", "contre", "après", "avant", "puis", "mais", "où", "alors", "déjà", "a", "ont", "est", "sont", "était",
    "étaient", "sera", "seront", "avait", "avaient", "fut", "se", "s", "je", "j", "nous", "vous", "lors", "comme",
    "selon", "jusqu", "dernier", "dernière", "prochain", "prochaine", "n", "ne", "y", "son", "sa", "ses", "leur",
    "leurs", "notamment", "encore", "aussi", "même", "plus", "chez", "vers", "entre", "sans", "sous", "depuis",
    *(w for w in _WEEKDAYS), *(w for w in _MONTH_NUMBERS if len(w) > 4), "août", "février", "décembre",
}
_YEAR_UNITS = re.compile(r"^\s*(?:%|€|\$|£|pour\s*cent|km|m²|kg|t\b|h\b|min\b)", _FLAGS)
_NEXT_WORD = re.compile(rf"^\s*([^\W\d_]+)(?:{_A})?")
_WEEKDAY_REJECT_BEFORE = re.compile(
    rf"(?:\b(?:chaque|tous\s+les|toutes\s+les|les|un|une|des|du|quel|quelque)|d{_A}un|\bdu\s+{_WEEKDAY}\s+au)\s*$",
    _FLAGS)
_WEEKDAY_REJECT_AFTER = re.compile(r"^\s*(?:saint|gras|de\s+pâques|de\s+pentecôte|noir)\b", _FLAGS)
_SEASON_TIME_NOUN = re.compile(  # "les mois d'été" is a date; "les Jeux d'hiver", "l'heure d'été" are not
    rf"\b(?:mois|vacances|saison|période|nuits?|soirées?|journées?|matins?|soirs?|week-?ends?|jours|semaines|"
    rf"début|fin|milieu|cœur|coeur|plein|pleine)\s+$", _FLAGS)
_SEASON_REJECT_AFTER = re.compile(r"^\s*(?:arabe|de\s+prague|de\s+bourges|des\s+poètes|érable)", _FLAGS)
_MONTH_CUE = re.compile(
    rf"(?:\b(?:en|de|d{_A}|dès|depuis|fin|début|mi|courant|jusqu{_A}en|avant|après|entre|et|ou|à|au|mois|de\s+la\s+mi)|[-(/])\s*$",
    _FLAGS)

# Tense cues for the fallback heuristic (and when the parse says nothing).
_PAST_CUES = re.compile(
    rf"(?<!\w)(?:(?:ai|as|a|avons|avez|ont|avait|avaient|avions|aviez|eut|eurent|est|sont|était|étaient|suis|sommes|"
    rf"êtes|fut|furent|aurait|auraient)(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))?\s+(?:(?:pas|plus|jamais|déjà|"
    rf"été|bien|encore|aussi|également|notamment|finalement|ensuite|enfin|toujours|très|tout)\s+)*"
    rf"[a-zàâçéèêëîïôûùüÿœ-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|ort|orte|"
    rf"ts?|int|inte)"
    rf"|[a-zàâçéèêëîïôûùüÿœ]{{2,}}(?:ait|aient)"
    rf"|hier|avant-hier|dernier|dernière|passé|a-t-(?:il|elle|on)\s+\w+)(?!\w)", _FLAGS)
_FUTURE_CUES = re.compile(
    rf"(?<!\w)(?:[a-zàâçéèêëîïôûùüÿœ]{{2,}}(?:era|eront|erons|erez|erai|iront|irons|ira|dra|dront|tra|tront|"
    rf"ura|uront|ra|ront)|sera|seront|aura|auront|fera|feront|ira|iront|verra|verront"
    rf"|(?:va|vont|vais|allons|allez|doit|doivent|devrait|devraient|pourrait|pourraient|compte|comptent|"
    rf"prévoit|prévoient|entend|entendent|souhaite|souhaitent|espère|espèrent)\s+(?:(?:se|s{_A}|y|en|le|la|les|lui|leur|"
    rf"pas|plus|ne|n{_A}|donc|aussi|également|bien|notamment|encore|nous|vous|me|m{_A}|te|t{_A})\s*)*"
    rf"[«\"“]?\s*[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)"
    rf"|demain|prochain|prochaine)(?!\w)", _FLAGS)
_NOT_FUTURE = {
    "contra", "extra", "front", "fronts", "affront", "affronts", "caméra", "opéra", "sahara", "ultra", "tiara",
    "mantra", "tantra", "cobra", "zébra", "libra", "sierra", "terra", "algebra", "cholera", "choléra",
    "era", "hydra", "nostra", "viagra", "vera", "rond", "ronds",
    # passé simple of -rer verbs
    "entra", "montra", "rencontra", "déclara", "assura", "tira", "mira", "pénétra", "démontra", "considéra",
}
_NOT_PAST = {"fait", "lait", "souhait", "trait", "parfait", "portrait", "attrait", "extrait", "satisfait", "forfait",
             "bienfait", "méfait", "plait", "plaît", "distrait", "abstrait", "retrait", "jamais", "mais", "frais",
             "palais", "relais", "anglais", "français", "marais", "désormais", "biais", "délais", "délai", "essai",
             "vrai", "quai", "mai", "balai"}
# A simple conditional ("pourrait", "devrait", "serait") looks like an imperfect but points ahead.
_CONDITIONAL = re.compile(
    r"(?:[^é]erai|rrai|drai|vrai|ttrai|îtrai|^(?:serai|ferai|irai|dirai|saurai|lirai|plairai|suffirai))(?:t|ent)$")
# (a bare "aurait" is the auxiliary of a past conditional, "aurait avoué": past)
_BOUNDARY = re.compile(r"[.!?;\n]")
_SCHEDULING_LEMMAS = {"prévoir", "programmer", "attendre", "fixer", "planifier", "convoquer", "agender"}
_ETRE_VERBS = {  # verbs whose passé composé takes être (spaCy calls that être a passive auxiliary)
    "aller", "venir", "arriver", "partir", "entrer", "sortir", "monter", "descendre", "naître", "mourir", "tomber",
    "rester", "retourner", "passer", "devenir", "revenir", "intervenir", "parvenir", "survenir", "décéder",
    "apparaître", "repartir", "rentrer", "ressortir", "remonter", "redescendre", "retomber", "advenir",
}
_MODAL_FUTURE = {"aller", "devoir", "pouvoir", "vouloir", "compter", "prévoir", "espérer", "entendre", "souhaiter"}


def parse_published(published: str | None) -> date | None:
    """``YYYY-MM-DD`` (or an ISO timestamp) as a date; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _fold(word: str) -> str:
    return (word.lower().replace("é", "e").replace("è", "e").replace("û", "u").replace("ê", "e")
            .rstrip("."))


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[_fold(word)]


def _day_number(word: str) -> int:
    w = word.lower()
    if w in ("1er", "1re", "1ᵉʳ", "premier"):
        return 1
    return int(w)


def _mod_direction(mod: str | None) -> str | None:
    if not mod:
        return None
    return "next" if _fold(mod).startswith("prochain") else "last"


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_index(y: int, m: int) -> int:
    return y * 12 + m - 1


def _iso_month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _week(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _two_digit_year(text: str, dct: date | None) -> int:
    yy = int(text.lstrip("'’ʼ"))
    pivot = (dct.year if dct else 2030) + 5
    year = 2000 + yy
    return year if year <= pivot else 1900 + yy


def _aligned(doc, text: str) -> bool:
    """Whether ``doc`` is a spaCy Doc of exactly ``text`` (cheap checks, not a full comparison)."""
    if doc is None or not len(doc):
        return False
    try:
        first, last = doc[0], doc[-1]
        return (last.idx + len(last.text_with_ws) == len(text) and text.startswith(first.text, first.idx)
                and text.startswith(last.text, last.idx))
    except AttributeError:
        return False


class _Resolver:
    def __init__(self, text: str, dct: date | None, doc=None):
        self.text = text
        self.dct = dct
        self.doc = doc if _aligned(doc, text) else None
        self._boundaries: list[int] | None = None

    # ---- context -------------------------------------------------------------------------------
    def before(self, start: int, width: int = 40) -> str:
        return self.text[max(0, start - width):start]

    def after(self, end: int, width: int = 40) -> str:
        return self.text[end:end + width]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The stretch between the sentence punctuation marks around text[start:end]."""
        if self._boundaries is None:
            self._boundaries = [m.start() for m in _BOUNDARY.finditer(self.text)]
        marks = self._boundaries
        i = bisect_left(marks, start)
        left = marks[i - 1] + 1 if i > 0 else 0
        j = bisect_left(marks, end)
        right = marks[j] if j < len(marks) else len(self.text)
        return left, right

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future', 'present' or None for the clause holding text[start:end]."""
        before = self.before(start, 40)
        if re.search(r"\bdepuis\s+(?:[^\s,;.]+\s+){0,3}$|\bdepuis\s*$", before, _FLAGS):
            return "past"  # "depuis vendredi", "depuis la quasi-faillite lundi de Lehman"
        if re.search(rf"\b(?:dès|jusqu{_A}(?:à|au)|d{_A}ici)\s*$", before, _FLAGS):
            return "future"
        if self.doc is not None:
            found = self._doc_tense(start, end)
            if found in ("past", "future"):
                return found
            # a present tense says little (scheduled future or historical present): verb endings
            # around the expression decide when they can
            return self._regex_tense(start, end) or found
        return self._regex_tense(start, end)

    def _doc_tense(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") and token.i != span.root.i:
                found = _verb_tense(token)
                if found is not None:
                    return found
                # a gerund ("en lisant … dimanche, elle a reconnu"): the governing verb tells
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _regex_tense(self, start: int, end: int) -> str | None:
        left, right = self.sentence_bounds(start, end)
        best: tuple[int, str] | None = None
        for label, pattern in (("past", _PAST_CUES), ("future", _FUTURE_CUES)):
            for m in pattern.finditer(self.text, left, right):
                if m.start() < end and m.end() > start:
                    continue
                word = m.group(0).lower()
                if label == "future" and word in _NOT_FUTURE:
                    continue
                if label == "past" and word in _NOT_PAST:
                    continue
                found = "future" if label == "past" and _CONDITIONAL.search(word) else label
                distance = start - m.end() if m.end() <= start else m.start() - end
                if best is None or distance < best[0]:
                    best = (distance, found)
        return best[1] if best else None

    # ---- resolution helpers --------------------------------------------------------------------
    def nearest_day(self, month: int, day: int, direction: str | None, weekday: int | None,
                    start: int, end: int) -> date | None:
        dct = self.dct
        candidates = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := _safe_date(y, month, day))]
        if not candidates:
            return None
        if direction == "last":
            before = [d for d in candidates if d < dct]
            return max(before) if before else None
        if direction == "next":
            after = [d for d in candidates if d > dct]
            return min(after) if after else None
        if weekday is not None:
            matching = [d for d in candidates if d.weekday() == weekday]
            if matching:
                candidates = matching
        candidates.sort(key=lambda d: abs((d - dct).days))
        best = candidates[0]
        if abs((best - dct).days) > 120 and len(candidates) > 1 and weekday is None:
            tense = self.tense(start, end)
            if tense == "past" and best > dct:
                earlier = [d for d in candidates if d <= dct]
                best = max(earlier) if earlier else best
            elif tense == "future" and best < dct:
                later = [d for d in candidates if d >= dct]
                best = min(later) if later else best
        return best

    def nearest_month(self, month: int, direction: str | None, start: int, end: int) -> str:
        here = _month_index(self.dct.year, self.dct.month)
        candidates = [_month_index(y, month) for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1)]
        if direction == "last":
            return _iso_month(max(c for c in candidates if c < here))
        if direction == "next":
            return _iso_month(min(c for c in candidates if c > here))
        candidates.sort(key=lambda c: (abs(c - here), -c if c < here else c))
        best = candidates[0]
        if abs(best - here) >= 4:
            tense = self.tense(start, end)
            if tense == "past" and best > here:
                best = max(c for c in candidates if c < here)
            elif tense == "future" and best < here:
                best = min(c for c in candidates if c > here)
            elif tense is None and abs(best - here) == 6:
                best = max(c for c in candidates if c < here)
        return _iso_month(best)

    def weekday_date(self, weekday: int, direction: str | None, start: int, end: int) -> date:
        dct = self.dct
        back = (dct.weekday() - weekday) % 7
        forward = (weekday - dct.weekday()) % 7
        if direction == "last":
            return dct - timedelta(days=back or 7)
        if direction == "next":
            return dct + timedelta(days=forward or 7)
        if back == 0:
            return dct
        tense = self.tense(start, end)
        if tense == "past":
            return dct - timedelta(days=back)
        if tense in ("future", "present"):
            return dct + timedelta(days=forward)
        return dct - timedelta(days=back) if back < forward else dct + timedelta(days=forward)

    def weekend(self, direction: str | None, start: int, end: int) -> str:
        dct = self.dct
        saturday = dct - timedelta(days=dct.weekday()) + timedelta(days=5)  # of the publication week
        if dct.weekday() >= 5:
            saturday += timedelta(days={"last": -7, "next": 7}.get(direction or "", 0))
        elif direction == "last" or (direction is None and self.tense(start, end) == "past"):
            saturday -= timedelta(days=7)
        return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"

    def season(self, name: str, year: int | None, direction: str | None, start: int, end: int,
               this: bool = False) -> str:
        sm, sd, em, ed = _SEASONS[name]

        def interval(y: int) -> tuple[date, date]:
            return date(y, sm, sd), date(y + 1 if em < sm else y, em, ed)

        if year is not None:
            s, e = interval(year)
        else:
            dct = self.dct
            options = [interval(y) for y in range(dct.year - 2, dct.year + 2)]
            if direction == "last":
                s, e = max((o for o in options if o[1] < dct), key=lambda o: o[0])
            elif direction == "next":
                s, e = min((o for o in options if o[0] > dct), key=lambda o: o[0])
            else:
                containing = [o for o in options if o[0] <= dct <= o[1]]
                if containing:
                    s, e = containing[0]
                elif this:  # "cet été": the one of the publication year
                    s, e = next(o for o in options if o[0].year == dct.year)
                else:
                    past = max((o for o in options if o[1] < dct), key=lambda o: o[0])
                    future = min((o for o in options if o[0] > dct), key=lambda o: o[0])
                    tense = self.tense(start, end)
                    if tense == "past":
                        s, e = past
                    elif tense == "future":
                        s, e = future
                    else:
                        s, e = past if (dct - past[1]) <= (future[0] - dct) else future
        return f"{s.isoformat()}/{e.isoformat()}"


def _infinitive(verb) -> bool:
    """An infinitive, active ("publier") or passive ("être examiné")."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def _verb_tense(verb) -> str | None:
    """Tense of the verb group headed by ``verb`` (a spaCy token): past, future, present or None."""
    morph = verb.morph
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    tense = morph.get("Tense")
    form = morph.get("VerbForm")
    if any("Fut" in a.morph.get("Tense") for a in auxes):
        return "future"
    if verb.lemma_ in _MODAL_FUTURE and "Fin" in form and any(
            c.dep_ == "xcomp" and _infinitive(c) for c in verb.children):
        if "Pres" in tense or "Fut" in tense or "Cnd" in morph.get("Mood"):
            return "future"
        if "Imp" in tense or "Past" in tense:
            return "past"
    tense_aux = [a for a in auxes if a.dep_ == "aux:tense"]
    if tense_aux and "Part" in form:
        return "past"
    pass_aux = [a for a in auxes if a.dep_ == "aux:pass"]
    if pass_aux and "Inf" in pass_aux[0].morph.get("VerbForm"):
        head = verb.head  # "doit être examiné": the governing verb tells
        return _verb_tense(head) if head.i != verb.i and head.pos_ in ("VERB", "AUX") else None
    if pass_aux:
        aux_tense = pass_aux[0].morph.get("Tense")
        if "Imp" in aux_tense or "Past" in aux_tense:
            return "past"
        if "Part" in form and (verb.lemma_ in _ETRE_VERBS or any(
                "Yes" in c.morph.get("Reflex") for c in verb.children)):
            return "past"  # "est intervenu", "sont allés", "s'est déroulée": passé composé with être
        if "Cnd" in pass_aux[0].morph.get("Mood"):
            return "future"
        return "present"
    if "Part" in form and "Past" in tense:
        if verb.lemma_ in _SCHEDULING_LEMMAS:
            return "future"  # "la rencontre prévue samedi", "attendue vendredi à Paris"
        return "past"
    if "Part" in form:
        return None  # a gerund ("en lisant … dimanche, elle a reconnu"): the main verb tells
    if "Inf" in form:
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head)
        return None
    if "Fut" in tense:
        return "future"
    if "Cnd" in morph.get("Mood") or ("Fin" in form and _CONDITIONAL.search(verb.text.lower())):
        return "future"  # "devrait", "déciderait" (which the tagger may call an imperfect)
    if "Imp" in tense or "Past" in tense:
        return "past"
    if "Pres" in tense:
        return "present"
    return None


# Every expression starts at the start of a word: a leading (?<!\w) and a first-letter class make
# the regex engine give up at once at most positions (3x faster on news text).
_FIRST = {
    "day_month": "lmjvsdp0-9", "month": "mdfclajsoné", "year": "lamdfc12", "decade": "la",
    "relday": "ahdc", "weekday": "clmjvsd", "this_period": "c", "rel_period": "l", "new_year": "l",
    "next_days": "dpaclb", "ago": "id", "season": "clé" + "edphaà",
}
_PATTERNS = [(name, re.compile(rf"(?<!\w)(?=[{_FIRST[name]}])" + p.pattern, p.flags) if name in _FIRST else p)
             for name, p in _PATTERNS]


# Substrings one of which a pattern cannot match without (on the lower-cased text): a pattern whose
# vocabulary is absent is not run at all.
_MONTH_KEYS = ("janv", "fév", "fev", "mars", "avr", "mai", "juin", "juil", "août", "aout", "sept", "oct", "nov",
               "déc", "dec")
_GATES = {
    "day_month": _MONTH_KEYS, "month": _MONTH_KEYS, "decade": ("années",), "weekday": ("di",),
    "relday": ("hier", "demain", "aujourd", "ce matin", "ce soir", "cet après", "cette nuit"),
    "this_period": ("ce",), "rel_period": ("dernier", "dernière", "passé", "prochain"),
    "new_year": ("nouvelle année",), "next_days": ("prochain", "derniers", "dernières", "à venir", "viennent", "passé"),
    "ago": ("il y a", "dans"), "season": ("été", "eté", "hiver", "printemps", "automne"),
}


def _candidates(text: str):
    lower = text.lower()
    for name, pattern in _PATTERNS:
        gate = _GATES.get(name)
        if gate is not None and not any(key in lower for key in gate):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                yield m.start(), m.end(), name, m


def find_dates(text: str, published: str | None, doc=None) -> list[DateMention]:
    """Every French date expression of ``text``, resolved against ``published`` (``YYYY-MM-DD``).

    ``doc``: an optional spaCy ``Doc`` of ``text`` (parser + morphologizer) used to read the tense
    that places a bare weekday in the past or the future; without it a regex heuristic on the
    surrounding words decides.  Offsets are character offsets into ``text``.
    """
    if not text:
        return []
    resolver = _Resolver(text, parse_published(published), doc)
    found = sorted(_candidates(text), key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for start, end, name, match in found:
        if any(start < e and s < end for s, e in taken):
            continue
        produced = _HANDLERS[name](resolver, match)
        if not produced:
            continue
        taken.append((start, end))
        mentions.extend(produced)
    mentions.sort(key=lambda d: (d.start, d.end))
    return _chain_weekdays(text, mentions)


_CONNECTOR = re.compile(r"\s*(?:à|au|et|-|–)\s*(?:le\s+)?$", _FLAGS)
_BARE_WEEKDAY = re.compile(rf"^(?:ce\s+)?({_WEEKDAY})(?:\s+{_PART})?$", _FLAGS)


def _chain_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"dans la nuit de jeudi à vendredi", "du lundi au mercredi": the second weekday is the first
    such day after the first one, whatever the tense."""
    out = list(mentions)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        bare = _BARE_WEEKDAY.match(second.text)
        if (second.kind != "weekday" or not bare or first.value is None or len(first.value) != 10
                or not _CONNECTOR.match(text[first.end:second.start])):
            continue
        anchor = date.fromisoformat(first.value)
        ahead = (_WEEKDAYS[bare.group(1).lower()] - anchor.weekday()) % 7 or 7
        value = (anchor + timedelta(days=ahead)).isoformat()
        out[i] = DateMention(second.start, second.end, second.text, value, second.kind)
    return out


def _mention(text: str, start: int, end: int, value: str | None, kind: str) -> DateMention:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    if value is not None and "/" in value:
        kind = "range"
    return DateMention(start, end, text[start:end], value, kind)


# ---- handlers: (resolver, match) -> list[DateMention] ---------------------------------------------
def _numeric(r: _Resolver, m: re.Match) -> list[DateMention]:
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    day = _safe_date(y, mo, d)
    if day is None or not 1000 <= y <= 2100:
        return []
    return [_mention(r.text, m.start(), m.end(), day.isoformat(), "absolute")]


def _day_month(r: _Resolver, m: re.Match) -> list[DateMention]:
    month = _month_number(m.group("month"))
    direction = _mod_direction(m.group("mod"))
    weekday = _WEEKDAYS[m.group("wd").lower()] if m.group("wd") else None
    year_text = m.group("year")
    year = None
    if year_text:
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(year_text, r.dct)
    days_start = m.start("days")
    days = list(_DAY_TOKEN.finditer(m.group("days")))
    out = []
    for i, dm in enumerate(days):
        day = _day_number(dm.group(0))
        s = m.start() if i == 0 else days_start + dm.start()
        e = m.end() if i == len(days) - 1 else days_start + dm.end()
        if len(days) > 1 and i == 0:
            s = m.start()
        wd = weekday if i == 0 else None
        if year is not None:
            value = _safe_date(year, month, day)
            out.append(_mention(r.text, s, e, value.isoformat() if value else None, "absolute"))
        elif r.dct is None:
            out.append(_mention(r.text, s, e, None, "absolute"))
        else:
            value = r.nearest_day(month, day, direction, wd, m.start(), m.end())
            out.append(_mention(r.text, s, e, value.isoformat() if value else None, "absolute"))
    return out


def _month(r: _Resolver, m: re.Match) -> list[DateMention]:
    word = m.group("month")
    pre, year_text, mod = m.group("pre"), m.group("year"), m.group("mod")
    if not (pre or year_text or mod) and not word.islower():
        if not _MONTH_CUE.search(r.before(m.start(), 25)):
            return []
    month = _month_number(word)
    if year_text:
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(year_text, r.dct)
        return [_mention(r.text, m.start(), m.end(), f"{year:04d}-{month:02d}", "absolute")]
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "absolute")]
    value = r.nearest_month(month, _mod_direction(mod), m.start(), m.end())
    return [_mention(r.text, m.start(), m.end(), value, "absolute")]


def _year(r: _Resolver, m: re.Match) -> list[DateMention]:
    year = int(m.group("year"))
    pre = m.group("pre")
    start = m.start() if pre else m.start("year")
    before = r.before(start, 30)
    after = r.after(m.end(), 30)
    if _QUANTITY_CUE.search(before) and not pre:
        return []
    if _YEAR_UNITS.match(after):
        return []
    if re.match(r"^[,.]\d", after) or re.match(r"^\s\d{3}(?!\d)", after):
        return []
    if not pre:
        strong = _YEAR_STRONG_CUE.search(before)
        if year < 1900 and not strong:
            return []
        if r.dct is not None and year > r.dct.year + 30 and not strong:
            return []
        word = _NEXT_WORD.match(after)
        if word and word.group(1)[0].islower() and word.group(1).lower() not in _YEAR_FOLLOWERS and not strong:
            return []  # "2000 euros", "1500 habitants": a quantity
    return [_mention(r.text, start, m.end(), f"{year:04d}", "absolute")]


def _decade(r: _Resolver, m: re.Match) -> list[DateMention]:
    dec = m.group("dec")
    if len(dec) == 2:
        dec = ("19" if int(dec) >= 30 else "20") + dec
    first = int(dec)
    return [_mention(r.text, m.start(), m.end(), f"{first:04d}/{first + 9:04d}", "range")]


def _proper_name(r: _Resolver, m: re.Match) -> bool:
    """A capitalised expression inside a sentence and followed by a capitalised word is a name
    ("le parti Aujourd'hui Autrement", "cette Semaine olympique" is caught by its own check)."""
    if not m.group(0)[0].isupper() or m.group(0).isupper():
        return False  # lower case, or a headline in capitals
    before = r.before(m.start(), 3).rstrip()
    return bool(before) and before[-1].isalpha() and bool(re.match(r"^\s+[A-ZÀ-Ý]", r.after(m.end(), 3)))


def _relday(r: _Resolver, m: re.Match) -> list[DateMention]:
    if _proper_name(r, m):
        return []
    rel = _fold(m.group("rel"))
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "relative")]
    offset = {"avant-hier": -2, "hier": -1, "demain": 1, "apres-demain": 2}.get(rel, 0)
    return [_mention(r.text, m.start(), m.end(), (r.dct + timedelta(days=offset)).isoformat(), "relative")]


def _weekday(r: _Resolver, m: re.Match) -> list[DateMention]:
    det = m.group("det")
    mod = m.group("mod1") or m.group("mod2")
    start = m.start()
    if det and det.lower() == "le" and not mod:
        return []  # "le mercredi": habitual ("ouvert le mercredi")
    if _proper_name(r, m):
        return []
    if _WEEKDAY_REJECT_BEFORE.search(r.before(m.start("wd"), 25)) and not det:
        return []
    if _WEEKDAY_REJECT_AFTER.match(r.after(m.end("wd"), 20)):
        return []
    if r.dct is None:
        return [_mention(r.text, start, m.end(), None, "weekday")]
    weekday = _WEEKDAYS[m.group("wd").lower()]
    value = r.weekday_date(weekday, _mod_direction(mod), m.start("wd"), m.end("wd"))
    return [_mention(r.text, start, m.end(), value.isoformat(), "weekday")]


def _unit(word: str) -> str:
    w = _fold(word).replace(" ", "-")
    if w.startswith("week"):
        return "weekend"
    if w.startswith("mois"):
        return "month"
    if w.startswith("semaine"):
        return "week"
    return "year"


def _this_period(r: _Resolver, m: re.Match) -> list[DateMention]:
    if m.group("unit")[0].isupper() and m.group(0)[0].islower():
        return []  # "cette Semaine olympique": a name
    unit = _unit(m.group("unit"))
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "relative")]
    dct = r.dct
    value = {"week": lambda: _week(dct), "month": lambda: f"{dct.year:04d}-{dct.month:02d}",
             "year": lambda: f"{dct.year:04d}", "weekend": lambda: r.weekend(None, m.start(), m.end())}[unit]()
    return [_mention(r.text, m.start(), m.end(), value, "relative")]


def _rel_period(r: _Resolver, m: re.Match) -> list[DateMention]:
    unit = _unit(m.group("unit"))
    direction = _mod_direction(m.group("mod"))
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "relative")]
    dct = r.dct
    step = 1 if direction == "next" else -1
    if unit == "week":
        value = _week(dct + timedelta(days=7 * step))
    elif unit == "weekend":
        value = r.weekend(direction, m.start(), m.end())
    elif unit == "month":
        value = _iso_month(_month_index(dct.year, dct.month) + step)
    else:
        value = f"{dct.year + step:04d}"
    return [_mention(r.text, m.start(), m.end(), value, "relative")]


def _new_year(r: _Resolver, m: re.Match) -> list[DateMention]:
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "relative")]
    year = r.dct.year + 1 if r.dct.month >= 10 else r.dct.year
    return [_mention(r.text, m.start(), m.end(), f"{year:04d}", "relative")]


def _next_days(r: _Resolver, m: re.Match) -> list[DateMention]:
    unit = _fold(m.group("unit1") or m.group("unit2"))
    mod = _fold(m.group("mod1") or m.group("mod2"))
    future = not (mod.startswith("dernier") or mod.startswith("derniere") or mod.startswith("pass"))
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "range")]
    dct = r.dct
    if unit.startswith("mois"):
        here = _month_index(dct.year, dct.month)
        value = f"{_iso_month(here + 1)}/{_iso_month(here + 3)}" if future else f"{_iso_month(here - 3)}/{_iso_month(here - 1)}"
    else:
        days = 7 if unit.startswith("jour") else 28
        if future:
            value = f"{(dct + timedelta(days=1)).isoformat()}/{(dct + timedelta(days=days)).isoformat()}"
        else:
            value = f"{(dct - timedelta(days=days)).isoformat()}/{(dct - timedelta(days=1)).isoformat()}"
    return [_mention(r.text, m.start(), m.end(), value, "range")]


def _ago(r: _Resolver, m: re.Match) -> list[DateMention]:
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if n is None:
        return []
    if r.dct is None:
        return [_mention(r.text, m.start(), m.end(), None, "relative")]
    sign = -1 if m.group("ago") else 1
    unit = _fold(m.group("unit"))
    dct = r.dct
    if unit.startswith("jour"):
        value = (dct + timedelta(days=sign * n)).isoformat()
    elif unit.startswith("semaine"):
        value = _week(dct + timedelta(days=sign * 7 * n))
    elif unit.startswith("mois"):
        value = _iso_month(_month_index(dct.year, dct.month) + sign * n)
    else:
        value = f"{dct.year + sign * n:04d}"
    return [_mention(r.text, m.start(), m.end(), value, "relative")]


def _season(r: _Resolver, m: re.Match) -> list[DateMention]:
    word = m.group("season")
    name = _fold(word)
    det = m.group("det")
    year_text, mod = m.group("year"), m.group("mod")
    if _SEASON_REJECT_AFTER.match(r.after(m.end("season"), 20)):
        return []
    if name == "ete" and not det:
        # without "l'", "en", "cet", "d'": "a été" is the verb; only "Eté comme hiver", "Été 2024"
        if word[0].islower() or not re.match(r"^\s*(?:comme\b|[,:.]|\d{4})", r.after(m.end("season"), 10)):
            return []
        if r.doc is not None:
            span = r.doc.char_span(m.start("season"), m.end("season"), alignment_mode="expand")
            if span is not None and len(span) and span.root.pos_ in ("AUX", "VERB"):
                return []
    elif name == "printemps" and word[0].isupper() and not (det or year_text or mod):
        return []  # "le Printemps" (a shop), "Printemps de Bourges"
    if det and re.fullmatch(rf"d{_A}", det) and not _SEASON_TIME_NOUN.search(r.before(m.start(), 30)):
        return []
    # the span keeps "cet", "ce", "l'" ("l'été dernier") and leaves out prepositions ("en", "d'", "pendant l'")
    start = m.start() if det and (det.lower() in ("cet", "ce") or re.fullmatch(rf"l{_A}", det, _FLAGS)) else m.start("season")
    if year_text:
        value = r.season(name, int(year_text), None, m.start(), m.end())
        return [_mention(r.text, start, m.end(), value, "range")]
    if r.dct is None:
        return [_mention(r.text, start, m.end(), None, "range")]
    this = bool(det) and det.lower() in ("ce", "cet")
    value = r.season(name, None, _mod_direction(mod), m.start("season"), m.end("season"), this)
    return [_mention(r.text, start, m.end(), value, "range")]


_HANDLERS = {
    "numeric": _numeric, "day_month": _day_month, "month": _month, "year": _year, "decade": _decade,
    "relday": _relday, "weekday": _weekday, "this_period": _this_period, "rel_period": _rel_period,
    "new_year": _new_year, "next_days": _next_days, "ago": _ago, "season": _season,
}
