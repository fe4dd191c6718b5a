"""Numeric claims compared across articles: what independent sources agree on, and where they differ.

A ``Claim`` is one quantity mention ("une trentaine de pays") with the sentence that holds it, the
article it comes from, its *witness* (the independent source: a near-duplicate copy carries its
original's id, so it counts once), a *subject* (the normalised description of what is counted)
and, optionally, the date it was made (the event's or the article's).

The subject
    ``build_subject`` writes it as ``unit [qualifier…] [[autres|dont]] [+extra] [(role)] [: anchor…]``,
    e.g. ``"pays: coalition"``, ``"drone attaque leurre (tirer): Russie"``,
    ``"otage +1 (libérer): Betancourt"``, ``"euro: perte+net"``, ``"âge: femme"``:
    - *unit*: the counted noun in the singular, accents kept ("pays", "otage", "drone", "an");
      "années" is "an", "kilomètres" "km", "€" "euro"; "46 ans" after "âgé de", a person noun
      ("femme de 34 ans") or a name and a comma ("Mohamed, 2 ans et demi,") is an ``âge``;
    - *qualifiers*: what restricts the counted noun itself, its adjectives and "de" complements
      ("drones d'attaque", "chefs d'état-major", "otages américains");
    - *scope*: ``[autres]`` for "les 28 autres otages" (others than some reference: another set)
      and ``[dont]`` for a part announced by "dont" ("15 personnes, dont … trois enfants");
    - *extra*: "Ingrid Betancourt et 14 autres otages" counts one more than it states: the total
      is 15 (``+1``), so it agrees with "les 15 otages";
    - *role*: what happened to the counted things, from the parse: the verb of which they are the
      object, passive subject or complement, or a participle after them; verbs of one class are
      one role ("tirer"/"lancer", "intercepter"/"abattre"/"détruire"/"bloquer", "tuer"/"mourir",
      "libérer"/"secourir"…); verbs that only count, hold or report ("réunir", "compter",
      "détenir", "annoncer") are no role;
    - *anchors*: what the count belongs to, from the parse: the noun it complements ("coalition
      de 30 pays", "libération des 15 otages"), the subject of its verb ("la Coalition … réunit
      une trentaine de pays", "la Russie a tiré 112 drones"), the name it is coordinated with
      ("Betancourt et 14 autres otages").  Names keep a capital and match only the same name.
      For a measure (money, %, durations, ages, distances…) an anchor keeps its own modifiers:
      "perte nette" (``perte+net``) is not "perte".
    Without a parse the subject is read from the words around the number ("coalition de 30
    pays", "a tiré 112 drones").  "il y a six ans", "deux jours après" are dates, not claims.

Same thing
    Two claims can be about the same thing only with the same unit and scope, no two different
    roles, and (when both are dated) the same date unless both are undated-in-effect: a toll that
    grows (dead, wounded, arrests…), an action (any role) or a measure given on two dates is two
    moments; a static count ("une coalition de 30 pays") is compared across the events of a
    storyline.  Then they must share an anchor or a name, or, for counted things, one's anchor
    (or role) must appear in the other's sentence ("coalition" in "Vingt-six pays sont prêts …, à
    l'issue d'une réunion de la Coalition des volontaires").  Measures, which every article gives
    about many things, need a shared anchor, or the same role with one's anchor in the other's
    sentence.  A *discrepancy* also needs equal qualifiers ("drones d'attaque" ≠ "drones"); an
    *agreement* allows one side unqualified.

Intervals and conflicts
    Each claim allows an interval: the quantity's (``low``, ``high``), shifted by *extra*, widened by
    the precision it is written with ("26" is 25.5–26.5, "1,5 million" 1.45–1.55 million) and, for
    a whole number of years, months, days or hours, up to the next unit ("six ans" is 6–7: "six
    ans et demi" does not contradict it).  Bounds are inclusive, the conservative side.
    Claims *agree* when their intervals overlap.  They *conflict* when the intervals are disjoint,
    the witnesses differ and the values are within a factor 2.5 (beyond, they count different
    things: 3 persons held, some 20 heard in all).  "une trentaine" (25–35) fits both 26 and 30,
    but 26 and 30 are two exact counts of one thing: a discrepancy, cited with every claim about
    it.  A dispute is dropped when one of its witnesses itself gives two incompatible values for
    something loosely the same: the subject then lumps two things (or two moments) together.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unidecode import unidecode

from ..analyse.syntax import text_length
from ..records import Quantity

# --- the record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One quantity mention, ready to be compared with the others of an event or storyline."""

    article_id: str
    witness: str                 # the independent source: a copy carries its original's id
    quantity: Quantity
    sentence: str                # the sentence holding the quantity, as in the article
    subject: str                 # what is counted, normalised (see ``build_subject``)
    date: str | None = None      # when the claim is made (event or publication date), if known


@dataclass(frozen=True)
class Subject:
    """The parts of a subject string."""

    unit: str
    qualifiers: tuple[str, ...] = ()
    scope: str = ""              # "" | "autres" | "dont"
    extra: float = 0.0
    role: str | None = None
    anchors: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = " ".join((self.unit, *self.qualifiers))
        if self.scope:
            text += f" [{self.scope}]"
        if self.extra:
            text += f" +{_number(self.extra)}"
        if self.role:
            text += f" ({self.role})"
        if self.anchors:
            text += ": " + " ".join(self.anchors)
        return text

    @classmethod
    def parse(cls, text: str) -> Subject:
        head, _, anchors = text.partition(":")
        role = re.search(r"\(([^)]*)\)", head)
        scope = re.search(r"\[([^\]]*)\]", head)
        extra = re.search(r"\s\+(\d+(?:\.\d+)?)", head)
        words = re.sub(r"\([^)]*\)|\[[^\]]*\]|\s\+\d+(?:\.\d+)?", " ", head).split()
        return cls(unit=words[0] if words else "", qualifiers=tuple(words[1:]),
                   scope=scope.group(1) if scope else "", extra=float(extra.group(1)) if extra else 0.0,
                   role=role.group(1) if role else None, anchors=tuple(anchors.split()))


# --- vocabulary -------------------------------------------------------------------------------

_UNIT_SYNONYMS = {"année": "an", "années": "an", "ans": "an", "kilomètre": "km", "kilomètres": "km",
                  "kms": "km", "€": "euro", "euros": "euro", "$": "dollar", "dollars": "dollar",
                  "pour cent": "%", "pourcent": "%", "degrés": "°C", "°": "°C", "heure": "heure",
                  "journées": "jour", "journée": "jour"}
_INVARIABLE = {"pays", "mois", "fois", "temps", "corps", "prix", "bras", "poids", "avis", "cas", "voix", "fils",
               "souris", "choix", "discours", "concours", "secours", "recours", "parcours", "tiers", "os", "gens",
               "français", "anglais", "chinois", "japonais", "libanais", "irakiens", "suisse", "bus", "virus"}
_DURATIONS = {"an", "mois", "semaine", "jour", "heure", "minute", "seconde"}
# measures rather than things: every article counts euros, per cents or years of many things, so
# claims in these units are linked only by a shared anchor or role, never by words of the sentence
_STRICT_UNITS = _DURATIONS | {"âge", "euro", "dollar", "€", "$", "£", "livre", "yuan", "franc", "%", "°C", "°F",
                              "km", "m", "cm", "mm", "kg", "t", "g", "ha", "km²", "m²", "km/h", "point", "fois"}
_TALLY_UNITS = {"mort", "victime", "blessé", "décès", "cas", "disparu", "tué", "malade", "infection",
                "hospitalisation", "arrestation", "interpellation", "évacué", "déplacé", "réfugié"}
_TALLY_ROLES = {"tuer", "blesser", "arrêter", "évacuer", "contaminer", "hospitaliser", "déplacer"}

_ROLE_CLASSES = {
    "tirer": ("tirer", "lancer", "décocher"),
    "intercepter": ("intercepter", "abattre", "détruire", "neutraliser", "bloquer", "bloqué", "contrer"),
    "tuer": ("tuer", "mourir", "décéder", "périr", "succomber", "exécuter", "assassiner"),
    "blesser": ("blesser",),
    "libérer": ("libérer", "secourir", "relâcher", "sauver", "délivrer", "relaxer"),
    "arrêter": ("arrêter", "interpeller", "capturer", "appréhender"),
    "enlever": ("enlever", "kidnapper"),
    "évacuer": ("évacuer",),
}
_ROLE_OF = {unidecode(v): k for k, verbs in _ROLE_CLASSES.items() for v in verbs}
# verbs that only count, hold or report: they say nothing about which set is counted
_NO_ROLE = {"être", "avoir", "compter", "réunir", "regrouper", "rassembler", "comprendre", "inclure", "totaliser",
            "représenter", "concerner", "détenir", "retenir", "séquestrer", "garder", "faire", "voir", "atteindre",
            "dépasser", "élever", "chiffrer", "estimer", "évaluer", "recenser", "dénombrer", "porter", "passer",
            "rester", "devenir", "sembler", "paraître", "demeurer", "trouver", "citer", "mentionner", "donner",
            "dire", "déclarer", "annoncer", "indiquer", "affirmer", "rapporter", "préciser", "ajouter", "expliquer",
            "assurer", "souligner", "confirmer", "selon", "aller", "venir", "pouvoir", "devoir", "vouloir"}
_GENERIC_ANCHORS = _NO_ROLE | {
    "cadre", "issue", "nombre", "total", "fois", "cours", "moment", "jour", "nuit", "an", "année", "mois",
    "semaine", "heure", "minute", "temps", "part", "ensemble", "lieu", "fin", "début", "reste", "suite", "façon",
    "manière", "sorte", "type", "chose", "moins", "plus", "environ", "soit", "hier", "aujourd'hui", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir", "source", "chiffre",
    "somme", "montant", "niveau", "bilan", "dernier", "premier", "autre", "tout", "même", "certain", "seul",
    "hauteur", "ordre", "rang", "total", "maximum", "minimum", "moyenne", "environ", "chose", "fait",
    # who, in general terms: "la banque" of one sentence is not the bank of another
    "banque", "groupe", "société", "entreprise", "établissement", "compagnie", "firme", "organisation",
    "personne", "homme", "femme", "gens", "responsable", "autorité", "monde",
}
_GENERIC_ANCHORS_FOLDED = {unidecode(w).lower() for w in _GENERIC_ANCHORS}
_GENERIC_QUALIFIERS = {"autre", "nouveau", "premier", "dernier", "seul", "principal", "grand", "petit", "certain",
                       "différent", "divers", "tel", "même", "prochain", "environ", "supplémentaire", "total",
                       "entier", "plein", "tout", "quelque", "bon", "mauvais", "vrai", "ancien", "jeune", "gros",
                       "long", "haut", "dernier"}
_NOUNS = {"NOUN", "PROPN"}
_OF = {"de", "d'", "d’", "des", "du"}
_STOPWORDS = {"dans", "avec", "pour", "sans", "sous", "vers", "chez", "entre", "contre", "depuis", "pendant", "avant",
              "après", "selon", "leur", "leurs", "cette", "celui", "celle", "ceux", "elles", "nous", "vous", "sont",
              "ont", "avait", "avaient", "était", "étaient", "sera", "seront", "mais", "comme", "plus", "moins",
              "très", "tous", "toutes", "tout", "aussi", "encore", "déjà", "alors", "ainsi", "dont", "quel",
              "quelle", "quels", "quelles", "être", "avoir", "fait", "faire", "lors", "tandis", "puis", "donc"}


# --- small helpers ----------------------------------------------------------------------------

def _number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


def _fold(word: str) -> str:
    return unidecode(word).lower()


def _stem(word: str) -> str:
    """A crude, accent-free stem for matching words across inflections: 5 letters, no plural/feminine."""
    w = _fold(word).strip("'’-")
    if len(w) > 3 and w[-1] in "sx":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w[:5]


def _verb_stem(word: str) -> str:
    """A verb's class or stem, to compare roles read from a lemma ("frapper") or a participle ("frappés")."""
    w = _fold(word)
    if w in _ROLE_OF:
        return _ROLE_OF[w]
    w = re.sub(r"(?:er|ee|ees|es|e|ie|ies|is|it|i|ue|ues|us|u|ir|re)$", "", w)
    return _ROLE_OF.get(w + "er", w)


_NO_ROLE_STEMS = {_verb_stem(v) for v in _NO_ROLE}


def _role(word: str) -> str | None:
    """The role a verb (lemma or participle) gives the counted things: its class's name, or itself."""
    if _verb_stem(word) in _NO_ROLE_STEMS:
        return None
    return _ROLE_OF.get(_fold(word)) or word.lower()


def _singular(word: str) -> str:
    w = word.lower().strip()
    if w in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[w]
    if w in _INVARIABLE or len(w) <= 3 or not w.replace("-", "").isalpha():
        return w
    if w.endswith("aux") and len(w) > 4:
        return w[:-3] + "al"
    if w.endswith(("eaux", "eux")):
        return w[:-1]
    if w.endswith("s"):
        return _UNIT_SYNONYMS.get(w[:-1], w[:-1])
    return w


def unit_key(unit: str | None) -> str | None:
    """The singular, normalised form of a quantity's unit: "otages" → "otage", "années" → "an"."""
    if not unit:
        return None
    return _singular(unit)


def _words_stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 3 and w.lower() not in _STOPWORDS}


def _lemma(token) -> str:
    lemma = (token.lemma_ or token.text).lower().strip("'’-")
    if token.pos_ == "PROPN":
        lemma = token.text.lower()
    return lemma


# --- building the subject ---------------------------------------------------------------------

_AGO_BEFORE = re.compile(r"\b(?:il\s+y\s+a(?:vait)?|voici|voilà|dans\s+les|d['’]ici)\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de|quelque)\s+)?$",
                         re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s*(?:plus\s+(?:tôt|tard|loin)|auparavant|après|avant|de\s+là|d['’]avance|plus\s+tôt)\b",
                        re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"(?:\b[âa]g[ée]e?s?\s+(?:de\s+|d['’])|\b(?:femme|homme|fille|fillette|garçon|garçonnet|enfant|jeune|adolescente?|"
    r"bébé|nourrisson|bambin|petite?|fils|mère|père|mari|épouse|retraitée?|victime|otage|ex-otage|patiente?|élève|"
    r"étudiante?|[ée]tudiante?|mineure?|majeure?|septuagénaire|octogénaire|quadragénaire|quinquagénaire|"
    r"trader|pilote|soldat|policier|policière|suspecte?|prévenue?|accusée?|détenue?|"
    r"Franco-\w+|Française?|Américaine?)s?\s+(?:de\s+|d['’])(?:(?:plus|moins)\s+de\s+)?)$", re.IGNORECASE)
_AGE_APPOSED = re.compile(r"(?:\(|[A-ZÀ-Ý][\w'’-]+\s*,)\s*$")
_AGE_CLOSE = re.compile(r"\s*[),]")
_AND_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s*,?\s+et\s+(?:de\s+|d['’]\s*|des\s+)?$")
_CLAUSE_START = re.compile(r"[,;:()\[\]«»\"“”–—]")
_AFTER_ARTICLE = re.compile(r"(?:^|\s)(?:le|la|les|l['’]|un|une|des|du)\s*([^\W\d_][\w'’-]{3,})", re.IGNORECASE)
_OF_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+(?:de|des|du|d['’])\s*$", re.IGNORECASE)
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|aurait|auraient|avoir|été|est|sont)\s+(?:\w+ment\s+)?"
    r"([^\W\d_]+(?:é|ée|és|ées|i|is|it|u|us))\s*$", re.IGNORECASE)


def _scope_from_text(quantity: Quantity, before: str) -> tuple[str, float]:
    """("autres" | "dont" | "", extra) read from the quantity's words and the clause before it."""
    clause = _CLAUSE_START.split(before)[-1] if before else ""
    if re.search(r"\bdont\b", clause, re.IGNORECASE):
        return "dont", 0.0
    if re.search(r"\bautres\b", quantity.text, re.IGNORECASE):
        m = _AND_BEFORE.search(before)
        if m:
            word = m.group(1)
            if word[:1].isupper() or not word.lower().endswith(("s", "x")):
                return "", 1.0         # "Ingrid Betancourt et 14 autres otages": 15 in all
        return "autres", 0.0
    return "", 0.0


def build_subject(quantity: Quantity, sentence: str, span=None, offset: int = 0) -> str:
    """The normalised description of what ``quantity`` counts, in ``sentence``.

    ``span`` is the spaCy Span (or Doc) of the sentence, from the Doc of the text the quantity's
    offsets refer to; ``offset`` is where ``sentence`` starts in that text (used without a span).
    """
    unit = unit_key(quantity.unit)
    if unit is None:
        return ""
    start = max(0, quantity.start - offset)
    before = sentence[:start]
    after = sentence[max(0, quantity.end - offset):]
    if unit in _DURATIONS and (_AGO_BEFORE.search(before) or _AGO_AFTER.match(after)):
        return ""                      # "il y a six ans", "deux jours après": a date, not a count
    if unit == "an" and (_AGE_BEFORE.search(before) or (_AGE_APPOSED.search(before) and _AGE_CLOSE.match(after))):
        unit = "âge"                   # "âgée de 46 ans", "cette femme de 46 ans", "Jean Dupont, 46 ans,"
    scope, extra = _scope_from_text(quantity, before)
    if span is not None:
        subject = _subject_from_parse(quantity, span, unit, scope, extra)
        if subject is not None:
            return str(subject)
    return str(_subject_from_text(quantity, before, unit, scope, extra))


def _subject_from_text(quantity: Quantity, before: str, unit: str, scope: str, extra: float) -> Subject:
    """The subject from the words alone: the noun the number complements ("coalition de 30 pays"),
    the nouns after an article earlier in its clause ("la Russie a tiré"), the participle before it."""
    anchors: list[str] = []
    role = None
    generic = _GENERIC_ANCHORS_FOLDED | {"age", "agee", "ages", "agees"}

    def add(word: str) -> None:
        w = word.lower().strip("'’-")
        if len(w) > 3 and w not in _STOPWORDS and _fold(w) not in generic and _singular(w) != unit and w not in anchors:
            anchors.append(w)

    m = _OF_BEFORE.search(before)
    if m:
        add(m.group(1))
    if unit != "âge":
        clause = _CLAUSE_START.split(before)[-1]
        for word in _AFTER_ARTICLE.findall(" ".join(clause.split()[-8:])):
            add(word)
        p = _PARTICIPLE_BEFORE.search(before)
        if p:
            role = _role(p.group(1))
    return Subject(unit, (), scope, extra, role, tuple(anchors))


def _subject_from_parse(quantity: Quantity, span, unit: str, scope: str, extra: float) -> Subject | None:
    tokens = [t for t in span if quantity.start <= t.idx < quantity.end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    nouns = [t for t in tokens if t.pos_ in _NOUNS or _singular(t.text) == unit]
    counted = nouns[-1] if nouns else tokens[-1]
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    anchors: list[str] = []
    qualifiers: list[str] = []
    role: str | None = None

    measure = unit in _STRICT_UNITS

    def anchor(token) -> None:
        if token.pos_ not in _NOUNS or token.is_stop:
            return
        lemma = _lemma(token)
        name = token.pos_ == "PROPN" or token.ent_type_ in ("PER", "LOC", "ORG")
        if name:
            lemma = token.text[:1].upper() + token.text[1:].lower()     # a name: linked only to the same name
        if len(lemma) <= 2 or lemma.lower() in _GENERIC_ANCHORS or _singular(lemma.lower()) == unit:
            return
        if measure and not name:
            # "une perte nette de 1,2 milliard" is not "la perte de 751 millions": a measure's anchor
            # keeps its own modifiers
            extras = sorted({_fold(_lemma(c)) for c in token.children
                             if c.i not in inside and c.i != node.i and c.pos_ in ("ADJ", "NOUN", "PROPN")
                             and c.dep_ in ("amod", "nmod") and _lemma(c) not in _GENERIC_QUALIFIERS
                             and not _singular(_lemma(c)) == unit})
            lemma = "+".join([lemma, *extras])
        if lemma not in anchors:
            anchors.append(lemma)

    node = head
    if unit == "âge":
        # whose age: the person noun it qualifies ("cette femme de 34 ans", "l'ex-otage, âgée de
        # 46 ans", "Mohamed, 2 ans et demi"), nothing else
        person = node.head
        if person.pos_ in ("ADJ", "VERB") and person.dep_ in ("amod", "acl", "advcl"):
            person = person.head
        if person.i != node.i and person.pos_ in _NOUNS:
            anchor(person)
        return Subject(unit, (), scope, extra, None, tuple(anchors))
    while node.dep_ == "conj" and node.head.i != node.i:
        partner = node.head
        anchor(partner)
        if extra == 0.0 and scope == "autres" and partner.pos_ in _NOUNS and "Plur" not in partner.morph.get("Number"):
            scope, extra = "", 1.0     # "X et 14 autres otages" where X is one person
        node = partner
    parent = node.head
    if parent.i != node.i:
        dep = node.dep_
        if parent.pos_ in _NOUNS and (dep.startswith("nmod") or dep.startswith("obl") or dep == "appos"):
            anchor(parent)
        elif parent.pos_ == "VERB":
            if dep in ("obj", "nsubj:pass") or dep.startswith("obl"):
                role = _role(_lemma(parent))        # what happened to them, or when the duration ran
            for child in parent.children:
                if child.i != node.i and child.dep_ in ("nsubj", "obl:agent") and child.pos_ in _NOUNS:
                    anchor(child)
        if parent.pos_ in ("VERB", "ADJ") and parent.dep_ in ("amod", "acl") and parent.head.pos_ in _NOUNS:
            anchor(parent.head)
    for child in counted.children:
        if child.i in inside and child.dep_ != "nmod":
            continue
        if child.dep_ == "amod" and child.pos_ == "ADJ":
            lemma = _lemma(child)
            if lemma not in _GENERIC_QUALIFIERS:
                qualifiers.append(lemma)
        elif child.dep_.startswith("nmod") and child.pos_ in _NOUNS and any(c.lower_ in _OF for c in child.children):
            for t in (child, *[c for c in child.children if c.dep_ == "conj" and c.pos_ in _NOUNS]):
                lemma = _lemma(t)
                if lemma not in qualifiers and lemma not in _GENERIC_QUALIFIERS:
                    qualifiers.append(lemma)
        elif child.dep_ == "acl" and child.pos_ == "VERB" and role is None and "Part" in child.morph.get("VerbForm"):
            role = _role(_lemma(child))
    if role is None and node.dep_ == "obj" and parent.pos_ == "NOUN" and parent.text.lower().endswith(("é", "és")):
        role = _role(parent.text)      # "ont intercepté ou bloqué 84 drones": the parser saw a noun
    return Subject(unit, tuple(sorted(qualifiers)), scope, extra, role, tuple(anchors))


# --- claims from an article -------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[«\"“A-ZÀ-Ý0-9])|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def article_claims(article_id: str, text: str, quantities: Sequence[Quantity], *, witness: str | None = None,
                   doc=None, date: str | None = None) -> list[Claim]:
    """One ``Claim`` per quantity of an article that counts something (quantities with a unit).

    ``doc`` is the spaCy Doc of ``text`` (better subjects); ``witness`` the id of the article this
    one copies, if it is a copy.
    """
    claims: list[Claim] = []
    usable = doc is not None and text_length(doc) == len(text)
    plain = None if usable else _sentences(text)
    for q in quantities:
        if not q.unit:
            continue
        if usable:
            token = next((t for t in doc[max(0, _token_index(doc, q.start)):] if t.idx >= q.start), None)
            if token is None:
                continue
            sent = token.sent
            s_start, s_end = sent.start_char, sent.end_char
            subject = build_subject(q, text[s_start:s_end], sent, s_start)
        else:
            s_start, s_end = next(((s, e) for s, e in plain if s <= q.start < e), (0, len(text)))
            subject = build_subject(q, text[s_start:s_end], None, s_start)
        if subject:
            claims.append(Claim(article_id, witness or article_id, q, text[s_start:s_end].strip(), subject, date))
    return claims


def _token_index(doc, offset: int) -> int:
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- comparing --------------------------------------------------------------------------------

class _Item:
    """A claim with what comparing needs, computed once."""

    __slots__ = ("claim", "subject", "low", "high", "stems", "noun_stems", "anchor_keys", "names", "context",
                 "tally", "order")

    def __init__(self, claim: Claim, order: int) -> None:
        self.claim = claim
        self.order = order
        subject = Subject.parse(claim.subject) if claim.subject else Subject(unit_key(claim.quantity.unit) or "")
        if not subject.unit:
            subject = Subject(unit_key(claim.quantity.unit) or "", subject.qualifiers, subject.scope,
                              subject.extra, subject.role, subject.anchors)
        self.subject = subject
        self.low, self.high = _allowed(claim.quantity, subject)
        self.stems = _words_stems(claim.sentence)
        self.noun_stems = {_stem(a.split("+")[0]) for a in subject.anchors if not a[:1].isupper()}
        self.anchor_keys = {"+".join(_stem(w) for w in a.split("+")) for a in subject.anchors if not a[:1].isupper()}
        self.names = {_fold(a) for a in subject.anchors if a[:1].isupper()}
        # what may be looked for in the other claim's sentence: noun anchors and the role's stem
        # ("libérés" here, "la libération des 15 otages" there)
        self.context = self.noun_stems | ({_stem(subject.role)} if subject.role else set())
        self.tally = subject.unit in _TALLY_UNITS or (subject.role is not None and _verb_stem(subject.role) in
                                                      {_verb_stem(r) for r in _TALLY_ROLES})

    @property
    def width(self) -> float:
        if self.low is None or self.high is None:
            return math.inf
        return self.high - self.low


def _precision(quantity: Quantity) -> float:
    """Half the last written digit's place, in the quantity's scale: "26" 0.5, "1,5 million" 50 000."""
    m = re.search(r"\d+(?:[.,]\d+)?(?:[ \u00a0\u202f]\d{3})*", quantity.text)
    if not m or quantity.value is None:
        return 0.5
    raw = m.group(0)
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits, decimals = digits.replace(".", ""), 0
    else:
        decimals = len(re.split(r"[.,]", digits)[1]) if re.search(r"[.,]", digits) else 0
        digits = digits.replace(",", ".")
    try:
        written = float(digits)
    except ValueError:
        return 0.5
    scale = abs(quantity.value / written) if written else 1.0
    return 0.5 * 10 ** -decimals * max(scale, 1.0)


def _allowed(quantity: Quantity, subject: Subject) -> tuple[float | None, float | None]:
    low, high = quantity.low, quantity.high
    if low is None and high is None and quantity.value is not None:
        low = high = quantity.value
    extra = subject.extra
    if low is not None:
        low += extra
    if high is not None:
        high += extra
    if quantity.value is not None and low is not None and high is not None and low == high:
        if subject.unit in _DURATIONS | {"âge"} and float(quantity.value).is_integer():
            return low, high + 0.999           # "six ans": anything from 6 to not quite 7
        tolerance = _precision(quantity)
        return low - tolerance, high + tolerance
    return low, high


def _overlap(a: _Item, b: _Item) -> bool:
    if a.high is not None and b.low is not None and a.high < b.low:
        return False
    if b.high is not None and a.low is not None and b.high < a.low:
        return False
    return True


def _about_same(a: _Item, b: _Item, strict: bool) -> bool:
    """Whether two claims count the same thing (see the module's docstring)."""
    sa, sb = a.subject, b.subject
    if not sa.unit or sa.unit != sb.unit or sa.scope != sb.scope:
        return False
    same_role = sa.role is not None and sb.role is not None and _verb_stem(sa.role) == _verb_stem(sb.role)
    if sa.role and sb.role and not same_role:
        return False
    if strict:
        if set(sa.qualifiers) != set(sb.qualifiers):
            return False
    elif sa.qualifiers and sb.qualifiers and set(sa.qualifiers) != set(sb.qualifiers):
        return False
    if (a.claim.date and b.claim.date and a.claim.date != b.claim.date
            and (a.tally or b.tally or sa.role or sb.role or sa.unit in _STRICT_UNITS)):
        return False                        # a toll that grows, an action or a measurement on two dates: two moments
    if a.names & b.names or a.anchor_keys & b.anchor_keys:
        return True
    if sa.unit in _STRICT_UNITS:
        # "six ans" of one thing, "cinq ans" of another: a measure needs its anchor, or the same
        # role with one's anchor in the other's sentence
        return same_role and bool(a.noun_stems & b.stems or b.noun_stems & a.stems)
    return bool(a.context & b.stems or b.context & a.stems)


def _clause(sentence: str, quantity: Quantity) -> str:
    """The words around the quantity up to the nearest clause marks (at most 6 before, 10 after)."""
    at = sentence.find(quantity.text)
    if at < 0:
        return quantity.text
    end = at + len(quantity.text)
    left = max((m.end() for m in re.finditer(r"[,;:()«»\"“”–—]\s*", sentence[:at])), default=0)
    words = [m.start() for m in re.finditer(r"\S+", sentence[left:at])]
    if len(words) > 6:
        left += words[-6]
    right_m = re.search(r"\s*[,;:()«»\"“”–—]|[.!?…]\s*$", sentence[end:])
    right = end + (right_m.start() if right_m else len(sentence) - end)
    words = [m.end() for m in re.finditer(r"\S+", sentence[end:right])]
    if len(words) > 10:
        right = end + words[9]
    return sentence[left:right].strip(" ,;:")


def _about(items: Sequence[_Item]) -> str:
    first = items[0]
    written = first.claim.quantity.unit or first.subject.unit
    unit = first.subject.unit
    if unit == "âge":
        text = "âge"
    elif unit in _DURATIONS:
        text = f"durée en {written}"
    elif unit in ("euro", "dollar", "€", "$", "£", "livre", "yuan"):
        text = f"montant en {written}"
    elif unit == "%":
        text = "pourcentage"
    elif unit in ("°C", "°F"):
        text = "température"
    elif unit in ("km", "m", "kg", "t", "ha", "km²"):
        text = f"mesure en {written}"
    else:
        text = f"nombre d'{written}" if _fold(written)[:1] in "aeiouyh" else f"nombre de {written}"
    quals = Counter(q for item in items for q in item.subject.qualifiers)
    if quals:
        text += " (" + ", ".join(q for q, _ in quals.most_common(2)) + ")"
    anchors = Counter(a for item in items for a in dict.fromkeys(item.subject.anchors))
    if anchors:
        shared = [a for a, n in anchors.most_common(2) if n >= 2] or [anchors.most_common(1)[0][0]]
        text += " — " + ", ".join(shared)
    return text


def _value(quantity: Quantity):
    if quantity.value is not None:
        return _number(quantity.value)
    low, high = _number(quantity.low), _number(quantity.high)
    if low is not None and high is not None:
        return f"{low}–{high}"
    return f"≥ {low}" if low is not None else f"≤ {high}"


def compare_claims(claims: Iterable[Claim]) -> tuple[list[dict], list[dict]]:
    """(agreed, discrepancies) over the claims of an event or a storyline.

    ``agreed``: ``{"text", "sources", "independent_sources"}`` for what two or more independent
    witnesses state compatibly about one subject (``text`` is the clause of the most precise claim,
    verbatim; its article is cited first).  ``discrepancies``: ``{"about", "claims": [{"text",
    "value", "article"}]}`` where two independent witnesses give incompatible values for the same
    thing, listing every claim that is about that same thing.
    """
    items = [_Item(c, i) for i, c in enumerate(claims)]
    by_unit: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        if item.subject.unit:
            by_unit.setdefault((item.subject.unit, item.subject.scope), []).append(item)
    agreed: list[tuple[int, int, dict]] = []
    discrepancies: list[tuple[int, dict]] = []
    for group in by_unit.values():
        if len({i.claim.witness for i in group}) < 2:
            continue
        n = len(group)
        strict = [[i != j and _about_same(group[i], group[j], strict=True) for j in range(n)] for i in range(n)]
        weak = [[i != j and _about_same(group[i], group[j], strict=False) for j in range(n)] for i in range(n)]
        disputed: set[int] = set()
        for members in _discrepancy_groups(group, strict):
            disputed.update(members)
            chosen = [group[i] for i in sorted(members)]
            discrepancies.append((chosen[0].order, {"about": _about(chosen), "claims": _listed(chosen)}))
        agreed.extend(_agreements(group, weak, disputed))
    agreed.sort(key=lambda a: (-a[1], a[0]))
    discrepancies.sort(key=lambda d: d[0])
    return [a for _, _, a in agreed], [d for _, d in discrepancies]


_FAR_APART = 2.5   # values further apart than this factor count different things, not a disagreement


def _conflict(a: _Item, b: _Item) -> bool:
    """Two independent witnesses whose intervals are disjoint, yet close enough to be rival counts
    of one thing (26 against 30 pays, 695 against 751 millions) rather than two things (3 persons
    heard in custody, some 20 heard in all; a boy of 2 and a half, a woman of 34)."""
    if a.claim.witness == b.claim.witness or _overlap(a, b):
        return False
    lower, upper = (a, b) if a.high is not None and b.low is not None and a.high < b.low else (b, a)
    small, large = lower.high, upper.low
    if small is None or large is None or small <= 0 or large <= 0:
        return True
    return large / small <= _FAR_APART


def _discrepancy_groups(group: list[_Item], linked: list[list[bool]]) -> list[set[int]]:
    """Sets of claims all about one thing (pairwise linked) holding two that cannot both be true.

    Each conflicting pair of independent witnesses is grown with every claim linked to all its
    members (in order), and groups whose union is still all linked are merged: no claim is cited
    only because it resembles a claim that resembles another.  A group is dropped when one of its
    witnesses itself gives an incompatible value for something loosely the same (same unit and an
    anchor word, name or role in common): the subject lumps two things together (Natixis's 850
    job cuts and Calyon's 500 in one article) or two moments ("600 millions, réévaluées depuis à
    751 millions").
    """
    n = len(group)
    groups: list[set[int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            if not (linked[i][j] and _conflict(group[i], group[j])):
                continue
            members = {i, j}
            for k in range(n):
                if k not in members and all(linked[k][m] for m in members):
                    members.add(k)
            groups.append(members)
    merged: list[set[int]] = []
    for members in groups:
        for other in merged:
            union = other | members
            if all(linked[a][b] for a in union for b in union if a != b):
                other |= members
                break
        else:
            merged.append(set(members))
    unique: list[set[int]] = []
    for members in sorted(merged, key=lambda m: (-len(m), min(m))):
        if any(members <= u for u in unique):
            continue
        if any((k in members or _loosely_same(group[m], group[k])) and not _overlap(group[m], group[k])
               for m in members for k in range(n) if k != m and group[k].claim.witness == group[m].claim.witness):
            continue                       # one source gives two values for it: two things, not a dispute
        unique.append(members)
    return unique


def _loosely_same(a: _Item, b: _Item) -> bool:
    """The looser sense used to veto a dispute: same unit and scope and a shared anchor word, name or role."""
    if a.subject.unit != b.subject.unit or a.subject.scope != b.subject.scope:
        return False
    same_role = a.subject.role is not None and b.subject.role is not None and \
        _verb_stem(a.subject.role) == _verb_stem(b.subject.role)
    return bool(same_role or a.names & b.names or a.noun_stems & b.noun_stems)


def _listed(chosen: list[_Item]) -> list[dict]:
    seen, listed = set(), []
    for item in chosen:
        key = (item.claim.article_id, item.claim.quantity.text)
        if key not in seen:
            seen.add(key)
            listed.append({"text": item.claim.quantity.text, "value": _value(item.claim.quantity),
                           "article": item.claim.article_id})
    return listed


def _agreements(group: list[_Item], linked: list[list[bool]], disputed: set[int]) -> list[tuple[int, int, dict]]:
    """What independent witnesses state compatibly: the most precise claim first, with every claim
    directly about the same thing whose interval meets it.  A claim that a linked claim of another
    witness contradicts is left out (even when the dispute itself is not reported)."""
    out = []
    n = len(group)
    contested = {i for i in range(n) for k in range(n) if linked[i][k] and _conflict(group[i], group[k])}
    used: set[int] = set(disputed) | contested
    order = sorted(range(len(group)), key=lambda i: (group[i].width, group[i].subject.extra != 0, group[i].order))
    for seed in order:
        if seed in used:
            continue
        near = [k for k in range(n) if linked[seed][k]]
        members = [seed] + [k for k in near if k not in used and _overlap(group[seed], group[k])]
        witnesses = {group[k].claim.witness for k in members}
        if len(witnesses) < 2:
            continue
        used.update(members)
        best = group[seed].claim
        sources = [best.article_id] + sorted({group[k].claim.article_id for k in members} - {best.article_id})
        out.append((group[seed].order, len(witnesses), {"text": _clause(best.sentence, best.quantity),
                                                        "sources": sources, "independent_sources": len(witnesses)}))
    return out
