"""Repairs to spaCy's entity mentions on news, and the roles an article gives to people.

* titles are not entities: "Premier ministre", "Président" tagged alone are dropped, and so are role
  phrases spaCy takes for organisations ("ministre de la Santé");
* context fixes the type: a name given a role ("le président estonien, Alar Karis", "Alar Karis,
  président estonien") is a person whatever spaCy said; a mention headed by an institution word
  ("ministère russe des Affaires étrangères", "Comité militaire") is an organisation;
* roles: "secrétaire général de l'Otan" for Mark Rutte, read from titles before a name and
  appositions after it (``recoupe.analyse.speakers`` reads them the same way to resolve role phrases).

Bylines and credit lines never reach the text: the cleaner moves them to ``author``/``credits``.
"""
from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc
from unidecode import unidecode

from ..records import Mention
from .first_names import first_name_gender
from .lexicon import NATIONALITIES, ROLE_NOUNS
from .speakers import Referents
from .syntax import _fold, _quoted, _text, subject_of_a_verb

_ORG_HEADS = {"ministere", "comite", "commission", "conseil", "gouvernement", "parlement", "assemblee",
              "senat", "agence", "banque", "cour", "tribunal", "parti", "armee", "universite", "institut",
              "fondation", "federation", "union", "organisation", "office", "direction", "service", "cabinet",
              "etat-major", "presidence", "ministry", "committee", "council", "agency", "bank", "court", "party"}


_ROLE_WORDS = frozenset(unidecode(r) for r in ROLE_NOUNS)

# people known by a unique title that the tagger does not take for a name ("le dalaï-lama")
_TITLE_PERSONS = re.compile(r"\b(?:dala[iï][- ]lama|panchen[- ]lama|aga[- ]khan)\b", re.IGNORECASE)


# what may follow a role word in a bare title: "Président de la République", "Chef de l'Etat"
_TITLE_COMPLEMENTS = frozenset("de la l le du des d republique etat nation gouvernement francaise francais".split())


def _is_title(words: list[str]) -> bool:
    """"Premier ministre", "Président", "Premier ministre britannique", "Président de la République",
    "Chef de l'Etat" (folded words): a title, not a referent."""
    return bool(words) and (all(w in _ROLE_WORDS or w in NATIONALITIES for w in words) or
                            len(words) > 1 and words[0] in _ROLE_WORDS and all(w in _TITLE_COMPLEMENTS for w in words[1:]))


def _words(text: str) -> list[str]:
    return unidecode(text).lower().replace("'", " ").split()


def _title_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the people known by a unique title added, replacing what overlaps them."""
    found = [Mention(m.start(), m.end(), m.group(), "PER", _fold(m.group()))
             for m in _TITLE_PERSONS.finditer(text)]
    if not found:
        return mentions
    rest = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(rest + found, key=lambda m: m.start)


def _named_actor(doc: Doc, mention: Mention) -> bool:
    """A name spaCy filed as MISC that is a person's: a first name the lexicon knows, alone, as the
    subject of a verb ("Bernard affirme qu'…", "Bernard, de Giromagny, comparaissait")."""
    words = mention.text.split()
    if len(words) != 1 or first_name_gender(words[0]) is None or not words[0][:1].isupper():
        return False  # (not "Ariane Espace", "Georgia Tech": names of things that start with a first name)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and subject_of_a_verb(span)


def _titled_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the names a title introduces added as persons when the recogniser missed them
    or took them for something else: "la reine Elizabeth", "le pape Benoît XVI" (a known first name
    after a role word)."""
    found = []
    for token in doc[:-1]:
        if token.pos_ != "NOUN" or _fold(token.text) not in _ROLE_WORDS:
            continue
        nxt = doc[token.i + 1]
        if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or first_name_gender(nxt.text) is None:
            continue
        end = nxt.i + 1
        while end < len(doc) and (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() or
                                  re.fullmatch(r"[IVX]+", doc[end].text)):
            end += 1
        span = doc[nxt.i:end]
        found.append(Mention(span.start_char, span.end_char, span.text, "PER", _fold(span.text)))
    if not found:
        return mentions
    # A name the recogniser saw stays ("Nancy Handball", an organisation after "le directeur"), but not
    # "reine Elizabeth" with its title, nor the first name alone as something else ("Elizabeth", a place)
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end and
                                           (m.text[:1].islower() or m.label != "PER" and len(m.text.split()) == 1)
                                           for f in found)]
    added = [f for f in found if not any(m.start < f.end and f.start < m.end for m in kept)]
    return sorted(kept + added, key=lambda m: m.start)


def repair_mentions(doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Mentions with titles dropped and types fixed by context; and (entity id, role) pairs."""
    mentions = _titled_names(doc, _title_persons(_text(doc), mentions))
    kept = []
    for m in mentions:
        words = _words(m.text)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and (span[0].pos_ in ("ADP", "SCONJ") or span[0].pos_ == "VERB" and
                                                    "Part" in span[0].morph.get("VerbForm")):
            continue  # "Regardant du côté de la Belgique, …": a word opening the sentence, not a name
        if _is_title(words):
            continue
        if words and m.text[:1].islower() and words[0] in _ROLE_WORDS:
            continue  # "ministre de la Santé", "secrétaire d'Etat à la Famille": a role, not a referent
        if m.label != "ORG" and words and words[0] in _ORG_HEADS and len(words) > 1:
            m = dataclasses.replace(m, label="ORG")
        kept.append(m)
    quoted = _quoted(doc)
    # a role given to a name makes it a person
    probe = Referents(doc, [dataclasses.replace(m, label="PER") for m in kept if len(m.text.split()) >= 2],
                      quoted, ())
    people = {key for key, roles in probe.roles.items() if roles}
    fixed = [dataclasses.replace(m, label="PER") if m.label in ("LOC", "MISC") and m.key in people or
             m.label == "MISC" and _named_actor(doc, m) else m for m in kept]
    refs = Referents(doc, fixed, quoted, ())
    roles = []
    for key, found in refs.roles.items():
        for phrase, _ in found:
            phrase = re.sub(r"^(?:le |la |les |l'|l’)", "", phrase, flags=re.IGNORECASE)
            roles.append((f"per:{key.replace(' ', '-')}", phrase[:1].lower() + phrase[1:]))
    return fixed, list(dict.fromkeys(roles))
