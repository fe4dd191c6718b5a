"""Who said what in one article: quotes, their kind, their cue and their speaker.

Rules over the spaCy parse, in the manner of the Gender Gap Tracker's French extractor, with the
cases it misses handled explicitly:

* quotation marks are paired per paragraph (« », “ ”, and straight quotes by alternation); a quote
  that runs over several sentences is one unit;
* a *cue* is a speech verb (``SPEECH_VERBS``), or "selon"/"d'après" + a source; what is reported
  and who reports it are read from the cue's construction:
  - inverted cue after the content: « … », a-t-il ajouté / …, a indiqué le communiqué;
  - complement clause: X a déclaré que … (also "sur le fait que", "qu'il s'attendait à ce que …");
  - colon: X a déclaré : « … »;
  - a quoted fragment inside the cue's own clause: X a qualifié de « victoire » …;
  - source adjunct: Selon X, … / …, selon X;
  - a quote standing alone right after a quote keeps that quote's speaker, and so does a sentence
    whose own predicate is quoted ("Les banques « ont subi des pertes »");
* the answers of a question-and-answer interview are direct quotes of the interviewee;
* the reported content is a *direct* quote when it is exactly one quotation-marked span (the span
  is then the words inside the marks), *mixed* when it contains quotation marks, else *indirect*;
* the words designating the speaker (the cue's subject, the source of "selon", …) are resolved to a
  person, organisation, group or anonymous source by ``recoupe.analyse.speakers``.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..records import Mention, Quote
from .lexicon import (DOCUMENT_NOUNS, GROUP_HEADS, MONTHS, ORG_NOUNS, PERSON_HEADS, ROLE_FOLDED, ROLE_NOUNS,
                      THING_NOUNS, WEEKDAYS)
from .speakers import _nationality, attach_speakers, country_name, personal
from .syntax import (_CLITICS, _NOT_AFTER, _SUBJECT_DEPS, _aux_chain, _fold, _inside, _quoted, _sent, _sent_before,
                     _split_clitic, _text, first_name_then_name, main_clause_after, quotation_spans)

__all__ = ["ROLE_NOUNS", "SPEECH_VERBS", "find_quotes", "quotation_spans"]


SPEECH_VERBS = frozenset("""
accuser admettre affirmer ajouter alerter annoncer appeler argumenter assurer avancer avertir avouer
certifier clamer commenter concéder conclure confier confirmer considérer constater contester
déclarer déplorer démentir dénoncer détailler dire écrire estimer exhorter expliquer exiger évoquer
fustiger indiquer informer insister interroger ironiser juger lancer lâcher
marteler menacer mentionner nier noter observer plaider poursuivre préciser prédire prévenir promettre
proclamer protester qualifier raconter rapporter rappeler réaffirmer réagir réclamer reconnaître
regretter relever répéter répliquer répondre résumer révéler saluer signaler souligner
suggérer témoigner tweeter twitter réitérer confesser prôner critiquer tonner pointer proposer
supputer modérer nuancer tempérer renchérir rétorquer objecter riposter exclamer écrier asséner trancher parler prétexter rassurer demander soutenir inviter
amuser étonner indigner réjouir féliciter inquiéter
recommander préconiser conseiller reprocher revendiquer encourager enjoindre exprimer souhaiter pronostiquer
arguer crier hurler jurer murmurer marmonner requérir réfuter récuser fulminer insurger
plaindre tabler maintenir prétendre convaincre persuader
relater stipuler spécifier garantir alléguer invoquer dévoiler divulguer notifier questionner implorer
adjurer stigmatiser blâmer épingler étriller vilipender brocarder tancer sermonner recadrer anticiper parier
supposer présumer soupçonner insinuer sous-entendre gloser enchaîner embrayer relativiser minimiser glisser
souffler soupirer railler plaisanter ricaner tempêter offusquer alarmer craindre redouter
""".split())
# Cues that report only through a que-clause: a wish voiced or a view ("a souhaité que …", "pense que …",
# "considère que …"), not an intention or a regard ("souhaite rester", "pense à …", "considère X comme …").
# Also views held with a que-clause only: "maintient que …" (not "maintient la pression"), "prétend que …" (not
# "se prétendait sa mère"), "est convaincu que …" (not "a convaincu les juges").
_QUE_ONLY = frozenset({"souhaiter", "penser", "croire", "considérer", "maintenir", "prétendre", "convaincre", "persuader",
                       "supposer", "présumer", "soupçonner", "parier", "anticiper", "craindre", "redouter"})
_CONTENT_STRIP = " \t\n,;:.—–-"
_DEMONSTRATIVES = ("ce", "cet", "cette", "ces")  # before a noun that takes up what was said: an anaphor
# Speech verbs whose noun-phrase object is what was said: "a démenti les informations", "exige des garanties".
_NP_VERBS = frozenset("""
annoncer démentir critiquer dénoncer mentionner constater déclarer mettre réclamer exiger demander évoquer confirmer nier réaffirmer promettre
regretter déplorer proposer pointer émettre souligner rappeler fustiger condamner requérir réfuter récuser
accuser contester revendiquer prôner plaider suggérer recommander affirmer réitérer qualifier préconiser
prévoir stigmatiser épingler étriller vilipender brocarder dévoiler divulguer invoquer indiquer révéler prétexter
""".split())
# Verbs whose infinitive complement comes after an addressee or an object: "a reproché au président de
# ne pas recevoir …", "invitant l'Europe à développer …", "avait appelé les guérilleros à libérer …".
_TO_INFINITIVE = frozenset("""
reprocher conseiller demander proposer promettre suggérer recommander préconiser appeler exhorter inviter
encourager enjoindre accuser presser prier sommer réclamer
""".split())
# Stances taken for or against something: "s'est prononcé pour …", "milite pour …", "met en garde contre …".
_STANCE_PREPOSITIONS = ("pour", "contre")


@dataclass
class _Unit:
    """One sentence, or several when a quotation runs across them."""

    start: int
    end: int
    tokens: list[Token]


@dataclass
class _Found:
    start: int
    end: int
    cue: Token | None
    cue_text: str
    subject: list[Token] | None  # the words designating the speaker
    priority: int
    kind: str = "indirect"  # direct, mixed or indirect, set once the content is trimmed
    trailing: bool = False  # a source adjunct after its content ("…, selon X")
    context: bool = False  # a quotation with no cue, whose speaker the text around it gives


_NOBODY = {"rien", "personne", "nul", "aucun", "aucune"}


def _no_report(text: str, item: _Found) -> bool:
    """What a cue seemed to report but does not: the agent of a participle's passive ("critiqué tant par
    l'opposition que par une partie de la droite"), or what nobody says ("Rien ne dit que …",
    "personne n'a affirmé que")."""
    cue = item.cue
    if item.kind != "direct" and cue is not None and "Part" in cue.morph.get("VerbForm") and \
            "Past" in cue.morph.get("Tense") and re.match(r"par\s", text[item.start:item.end]):
        return True  # not "a déclaré que par respect pour les victimes, il ne dirait rien"
    if item.kind != "direct" and cue is not None and _lemma(cue) == "appeler" and \
            any(c.dep_ == "aux:pass" for c in cue.children) and not _passive_agent(cue):
        return True  # "qui devrait être appelé à d'autres fonctions": named to a post (not "appelés par la CGT à …")
    if item.kind == "indirect" and cue is not None and re.fullmatch(r"(?:le|la|les)?\s*(?:mieux|moins|plus|pire)",
                                                                  text[item.start:item.end].strip().lower()):
        return True  # "le mot qui qualifie le mieux …": a degree, not a content
    words = [t for t in item.subject or [] if not t.is_punct]
    return len(words) == 1 and words[0].lower_ in _NOBODY


def _report(content: tuple[int, int, str], cue: Token | None, cue_text: str, subject: list[Token] | None,
            priority: int, kind: str | None = None) -> _Found:
    """A report over ``content`` (start, end and the kind ``_content`` gave it, unless ``kind``)."""
    return _Found(content[0], content[1], cue, cue_text, subject, priority, kind or content[2])


def _units(doc: Doc, spans: list[tuple[int, int]]) -> list[_Unit]:
    units: list[_Unit] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        # a quotation opened in the previous unit and still open here: one unit (across paragraphs
        # when the quotation runs on)
        if units and any(s < units[-1].end and e > start for s, e in spans):
            units[-1] = _Unit(units[-1].start, end, units[-1].tokens + tokens)
            continue
        units.append(_Unit(start, end, tokens))
    return units


_IRREGULAR = {
    "dire": "dit disent disait disaient dira dirait dis", "écrire": "écrit écrivent écrivait écrira",
    "conclure": "conclut conclu concluent concluait", "reconnaître": "reconnaît reconnu reconnaissent reconnaissait",
    "admettre": "admet admis admettent admettait", "promettre": "promet promis promettent promettait",
    "répondre": "répond répondu répondent répondait", "prévenir": "prévient prévenu préviennent prévenait",
    "poursuivre": "poursuit poursuivi poursuivent poursuivait", "avertir": "avertit averti avertissent",
    "convenir": "convient convenu", "croire": "croit cru croient croyait", "soutenir": "soutient soutenu",
    "réagir": "réagit réagi réagissent", "renchérir": "renchérit renchéri", "maintenir": "maintient maintenu",
    "interroger": "interroge interrogé interrogeait", "enchaîner": "enchaîne enchaîné",
}


def _forms(verb: str) -> set[str]:
    """Surface forms of a speech verb, for tokens the tagger or lemmatiser got wrong ("conclut" as a noun)."""
    verb = verb.removeprefix("s'")
    out = set(_IRREGULAR.get(verb, "").split())
    if verb.endswith("er"):
        stems = {verb[:-2]}
        if "é" in verb[:-2]:
            i = verb[:-2].rfind("é")
            stems.add(verb[:i] + "è" + verb[i + 1:-2])  # répéter → répète
        for stem in stems:
            soft = stem + "e" if stem.endswith("g") else stem
            out |= {stem + "e", stem + "es", stem + "ent", stem + "é", stem + "ée", stem + "és", stem + "ées",
                    soft + "ait", soft + "aient", soft + "a", soft + "ant", stem + "era", stem + "erait",
                    stem + "èrent", stem + "eront"}
    return out


_CUE_FORMS = frozenset(f for v in SPEECH_VERBS for f in _forms(v))
# a surface form back to its speech verb, for forms the lemmatiser files under a noun ("demande" → "demande")
_FORM_VERBS = {f: v for v in sorted(SPEECH_VERBS, reverse=True) for f in _forms(v)}


_PERSON_NOUNS = ROLE_FOLDED | PERSON_HEADS


def _person_noun(token: Token) -> bool:
    """Whether a word's lemma is a role or a person noun ("ministre", "otage", "enquêteur")."""
    return _fold(token.lemma_ or token.text) in _PERSON_NOUNS


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return lemma
    return _FORM_VERBS.get(token.lower_, lemma)


def _gerund_tagged_noun(token: Token) -> bool:
    """A gerund the tagger took for a noun: "en argumentant"."""
    return token.pos_ == "NOUN" and token.lower_.endswith("ant") and token.i > 0 and \
        token.doc[token.i - 1].lower_ == "en"


def _cue_form(token: Token) -> bool:
    return _split_clitic(token.lower_)[0] in _CUE_FORMS


def _is_cue(token: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``token`` is a speech cue (memoised per document: the rules ask many times)."""
    memo = token.doc.user_data.setdefault("recoupe_cues", {})
    found = memo.get(token.i)
    if found is None:
        found = memo[token.i] = _cue_rule(token, quoted)
    return found


def _known_cues(tokens) -> list[Token]:
    """The cues among ``tokens`` that ``_is_cue`` has already recognised (text before the current
    unit, which ``find_quotes`` reads first)."""
    memo = tokens.doc.user_data.get("recoupe_cues", {}) if len(tokens) else {}
    return [t for t in tokens if memo.get(t.i)]


_SPECIAL_CUES = frozenset({"mettre", "faire", "remarquer", "valoir", "savoir", "observer", "apprendre",
                           "prononcer", "militer", "prévoir", "émettre", "penser", "croire"})
_VOICED_NOUNS = frozenset("réserve doute critique avis protestation objection souhait hypothèse vœu inquiétude "
                          "proposition recommandation regret".split())
# Texts that lay things down ("le décret prévoit que …"), folded.
_TEXT_NOUNS = frozenset("texte decret loi projet accord recommandation rapport article convention traite "
                        "reforme plan charte statut reglement circulaire directive amendement proposition".split())


# Verbs inverted in an incise that hedge rather than report: "…, semble-t-il, …", "…, faut-il le rappeler".
_NOT_INCISE_CUES = frozenset("sembler paraître falloir pouvoir devoir être avoir aller savoir rester venir".split())
_INCISE_END = (",", ".", ";", "!", "?", "»", '"', "”", ":", "…")


def _incise_verb(token: Token) -> bool:
    """Any verb inverted with its subject clitic in an incise reports speech, whether or not the lexicon
    knows it: « Difficile, illustre-t-il, de … », « …, s'amuse-t-elle. », « Or, note-t-il, … »."""
    doc = token.doc
    after = token.idx + len(token)
    if not token.lower_.endswith(_CLITICS) and _text(doc)[after:after + 2] not in ("-t", "-i", "-e", "-o", " -"):
        return False  # the cheap test first: no clitic follows
    if token.pos_ not in ("VERB", "NOUN", "ADJ", "PROPN") or token.is_punct:
        return False
    k = token.i + 1
    if token.lower_.endswith(_CLITICS):
        word = _split_clitic(token.lower_)[0]
    else:
        word = token.lower_
        while k < len(doc) and k <= token.i + 2 and doc[k].lower_ in ("-t", "-t-", "t-", "-"):
            k += 1
        if k >= len(doc) or not (doc[k].lower_ in _CLITICS or doc[k].lower_ in ("il", "elle", "on", "ils", "elles") and
                                 k > token.i + 1):
            return False
        k += 1
    if len(word) < 3 or _lemma(token) in _NOT_INCISE_CUES or word in ("peut", "faut", "semble", "est", "sait"):
        return False
    while k < len(doc) and doc[k].pos_ == "ADV" and k <= token.i + 4:
        k += 1  # "ajoute-t-il encore,"
    if k < len(doc) and doc[k].text not in _INCISE_END:
        return False
    j = token.i - 1
    while j >= 0 and doc[j].lower_ in ("s'", "s’", "se", "l'", "l’", "le", "lui", "en", "y"):
        j -= 1  # "s'amuse-t-il", "le reconnaît-il"
    return j >= 0 and doc[j].text in (",", "»", '"', "”", "(", "—", "–")


def _que_follows(token: Token, words: int = 2) -> bool:
    """Whether "que"/"qu'" follows ``token`` within ``words`` words ("pense que", "a souhaité vivement que")."""
    after = token.idx + len(token)
    return bool(re.match(r"\s*(?:[\w-]+\s+){0,%d}?qu(?:e\b|['’])" % words, _text(token.doc)[after:after + 20 * (words + 1)]))


# Adverbial phrases that may part a cue from its que-clause: "note par ailleurs que", "estime pour sa part que".
_ASIDE_THEN_QUE = re.compile(r"\s*,?\s*(?:par ailleurs|pour sa part|pour (?:leur|sa) part|de (?:son|leur) côté|à son tour|"
                             r"quant à (?:lui|elle|eux))\s*,?\s*qu(?:e\b|['’])", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _lexical_cue(word: str, lemma: str) -> bool:
    """Whether a word could be a cue by its lemma or form alone (memoised: asked of nearly every token)."""
    return lemma in SPEECH_VERBS or lemma in _SPECIAL_CUES or word in _SPECIAL_CUES or \
        _split_clitic(word)[0] in _CUE_FORMS


def _cue_rule(token: Token, quoted: list[tuple[int, int]]) -> bool:
    if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
        return False
    lemma = _lemma(token)
    if not _lexical_cue(token.lower_, lemma) and not (token.pos_ != "AUX" and _incise_verb(token)):
        return False  # the cheap test first: most tokens are no speech verb
    if _inside(token.idx, quoted):
        return False
    if _incise_verb(token):
        return True
    doc = token.doc
    back = [t.lower_ for t in doc[max(token.i - 5, 0):token.i]]
    if "comme" in back and any(w in _SUBJECT_CLITICS for w in back[back.index("comme") + 1:]):
        return False  # "…, comme elle l'avait demandé, …": an aside
    if token.lower_ == "dit" and token.i > 0 and doc[token.i - 1].lower_ in ("autrement", "soit", "proprement", "cela",
                                                                         "ceci"):
        return False  # "Autrement dit : …", "soit dit en passant", "cela dit": the narrator's rewording
    if token.lower_ == "dire" and token.i > 0 and (doc[token.i - 1].lower_ in ("autant", "vrai", "ainsi") or
                                                   " ".join(t.lower_ for t in doc[max(token.i - 2, 0):token.i]) == "c' est"):
        return False  # "Autant dire que …", "à vrai dire", "pour ainsi dire", "c'est dire si …": the narrator
    if token.lower_.startswith("demand") and re.match(r"\s*qu(?:e\s+|['’]\s*)à\b", _text(doc)[token.idx + len(token):token.idx + len(token) + 8]):
        return False  # "elle ne demande qu'à prêter": only wants to
    if "Inf" in token.morph.get("VerbForm") and token.i > 0 and doc[token.i - 1].lower_ in ("pour", "afin") and \
            not _que_follows(token):
        # "une fréquence FM pour évoquer la liberté d'expression": a purpose, not a report (but "un bref
        # communiqué pour indiquer que …" reports)
        return False
    if lemma == "répondre" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("de", "d'", "d’"):
        return False  # "répondre de ses actes": to answer for, not to reply
    if token.pos_ == "VERB" and token.dep_ in ("acl", "amod") and "Part" in token.morph.get("VerbForm") and \
            "Past" in token.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in token.children) and \
            not (lemma == "qualifier" and _passive_agent(token)):
        # "les opérations dites « fictives »", "l'injection annoncée par l'État" (but "le fichier, qualifié
        # d'« embastillement électronique » par l'avocat Michel Pezet" reports the lawyer's words)
        return False
    if lemma == "exprimer" and (token.i > 0 and doc[token.i - 1].lower_ in ("s'", "s’", "se", "m'", "nous") or
                                any(c.dep_ == "expl:comp" for c in token.children)):
        return False  # "s'exprimant à l'issue de la réunion": speaking, with nothing reported
    verb = lemma if lemma in _QUE_ONLY else _FORM_VERBS.get(_split_clitic(token.lower_)[0])
    if verb in _QUE_ONLY:
        # "a souhaité que …" reports a wish voiced; "souhaite que …" is a standing aim
        return token.pos_ == "VERB" and _que_follows(token, 3) and (
            verb != "souhaiter" or any(c.pos_ == "AUX" for c in token.children)) and (
            verb not in ("convaincre", "persuader") or "Part" in token.morph.get("VerbForm"))  # not "à convaincre que"
    if lemma == "révéler" and token.pos_ == "VERB" and any(
            c.dep_ in _SUBJECT_DEPS and not _plausible_source(list(c.subtree)) for c in token.children):
        return False  # "Les fouilles ont révélé des vestiges", "l'autopsie a révélé …": evidence, not speech
    if token.pos_ in ("VERB", "AUX") and (lemma in SPEECH_VERBS or _cue_form(token)):
        return True
    if _gerund_tagged_noun(token) and _cue_form(token):
        return True  # "en argumentant que …", the gerund tagged a noun
    # "a émis des réserves sur le décret", "émettait des doutes": a view voiced (not "émettre des titres")
    if lemma == "émettre":
        return token.pos_ == "VERB" and any(t.lemma_.lower() in _VOICED_NOUNS for t in doc[token.i + 1:token.i + 4])
    # "Ces recommandations prévoient …", "le décret prévoit que …": what a text lays down
    if lemma == "prévoir":
        return token.pos_ == "VERB" and any(c.dep_ in _SUBJECT_DEPS and _fold(c.lemma_) in _TEXT_NOUNS
                                            for c in token.children)
    # "ont mis en garde contre …", "a mis en cause la constitution …", "a mis en avant l'existence …"
    if lemma == "mettre" and token.pos_ == "VERB" and token.i + 2 < len(doc) and \
            doc[token.i + 1].lower_ == "en" and doc[token.i + 2].lower_ in ("garde", "cause", "avant"):
        return True
    # "a fait part de son « inquiétude »", "a fait état de la convocation …"
    if lemma == "faire" and token.pos_ in ("VERB", "AUX") and token.i + 2 < len(doc) and \
            doc[token.i + 1].lower_ in ("part", "état") and doc[token.i + 2].lower_ in ("de", "d'", "du", "des", "à", "au",
                                                                                     "aux"):
        return True
    # "font remarquer que", "fait valoir que", "a fait savoir que"
    if token.lower_ in ("remarquer", "valoir", "savoir", "observer") and token.i > 0 and \
            any(t.lemma_ == "faire" for t in doc[max(token.i - 3, 0):token.i]):
        return True
    # "remarquait mardi que …": a remark made ("observer" is a speech verb already)
    if lemma == "remarquer" and token.pos_ == "VERB" and "Inf" not in token.morph.get("VerbForm") and \
            _que_follows(token, 3):
        return True
    # "s'est prononcé pour …", "milite contre …", "milite en faveur de …": a stance
    if lemma in ("prononcer", "militer") and token.pos_ == "VERB" and token.i + 1 < len(doc) and \
            (doc[token.i + 1].lower_ in _STANCE_PREPOSITIONS or doc[token.i + 1].lower_ == "en" and
             token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "faveur") and \
            (lemma == "militer" or any(c.dep_ == "expl:comp" or c.lower_ in ("s'", "se") for c in token.children)):
        return True
    # "a-t-on appris auprès de …", "a-t-on appris de source judiciaire"
    if lemma == "apprendre" and any(t.lower_ in ("-on", "-t-on", "on") for t in doc[max(token.i - 3, 0):token.i + 2]) \
            and any(t.lower_ in ("auprès", "source") for t in doc[token.i + 1:token.i + 4]):
        return True
    # a present-tense cue the tagger took for a noun after its subject's name: "Jean Leonetti juge
    # « dangereux » …", "Nicolas Sarkozy estime que …"
    # (also with adverbs between, "Marie de Hennezel note aussi que …", and when the parse hangs the subject on it)
    if token.pos_ in ("NOUN", "PROPN", "ADJ") and _cue_form(token) and token.i > 0 and not token.ent_type_ and \
            (doc[token.i - 1].ent_type_ == "PER" or _fold(doc[token.i - 1].lemma_) in ROLE_FOLDED or
             token.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) or
             # "le président socialiste de l'Assemblée nationale juge que …", hung on the role as its apposition
             token.dep_ in ("appos", "amod", "acl") and token.head.dep_ in ("ROOT", "nsubj") and token.head.i < token.i and
             (token.head.ent_type_ == "PER" or _fold(token.head.lemma_) in ROLE_FOLDED)):
        k = token.i + 1
        while k < len(doc) and k <= token.i + 3 and doc[k].pos_ == "ADV":
            k += 1
        if k < len(doc) and doc[k].lower_ in ("«", '"', "“", "que", "qu'", "qu’", ":", "de", "d'", "d’"):
            return True
        if _ASIDE_THEN_QUE.match(_text(doc), token.idx + len(token)):  # "L'élu note par ailleurs qu'…"
            return True
    # a cue the tagger took for an adjective of the noun before it, in a sentence with no verb: "La
    # mission suggère aussi la création …"
    if token.pos_ in ("NOUN", "ADJ") and _cue_form(token) and not token.ent_type_ and token.dep_ in ("acl", "amod") and \
            token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i < token.i and \
            not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in _sent(token)):
        return True
    # a present-tense cue the tagger took for a noun: "», conclut Fabrice Delloye"
    if not (token.pos_ in ("NOUN", "PROPN", "ADJ") and _cue_form(token) and token.i > 0 and
            doc[token.i - 1].text in (",", "»", '"', "”") and not token.ent_type_):
        return False
    # not "Lance Armstrong a …", a name whose verb follows; but "», avance Geoffroy Bragadir, fondateur …"
    k = token.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return k == token.i + 1 or k == len(doc) or doc[k].pos_ not in ("VERB", "AUX")


_CLITIC_ONLY = re.compile(r"-?t?-?(?:il|elle|on|ils|elles)")  # a "quote" that is an inversion's clitic
_REGION_STOP = {"lors", "devant", "dans", "sur", "en", "après", "avant", "pendant", "qui", "que", "qu'",
                "lequel", "laquelle", "dont", "où", "au", "aux", "à", "avec", "par", "pour", "depuis", "selon"}


def _clitic_subject(verb: Token) -> Token | None:
    """The subject clitic of an inverted cue: "a-t-il ajouté" → "-il"."""
    doc = verb.doc
    for token in doc[max(verb.i - 3, 0): min(verb.i + 3, len(doc))]:
        if token.lower_ in _CLITICS:
            return token
        if token.i > verb.i and token.lower_ in ("il", "elle", "on", "ils", "elles") and \
                doc[token.i - 1].lower_ in ("-t-", "-t", "t-", "-"):
            return token  # "confirme -t- on"
    if verb.lower_.endswith(_CLITICS):  # "confirme-t-on" as one token
        return verb
    return None


def _preverbal_subjects(verb: Token) -> list[Token]:
    heads = _aux_chain(verb)
    # a gerund or participle reports for its governor's subject: "tout en précisant que"
    if not any(c.dep_ in _SUBJECT_DEPS for h in heads for c in h.children) and \
            (verb.dep_ in ("advcl", "xcomp", "conj") or "Inf" in verb.morph.get("VerbForm") or _gerund_tagged_noun(verb)) and \
            verb.head.i != verb.i:
        head = verb.head
        # "X a cherché mercredi lors de sa conférence de presse à rassurer …": up to the verb with a subject
        for _ in range(3):
            # (a participle that modifies a noun is no clause: "la complexité légale existant autour du
            # suicide assisté, soulignant que …" reports for the sentence's subject)
            if head.pos_ in ("VERB", "AUX") and not (head.dep_ == "acl" and "Part" in head.morph.get("VerbForm")) or \
                    head.head.i == head.i:
                break
            head = head.head
        quoted = _quoted(verb.doc)
        for _ in range(3):  # "…que la relation se poursuive", en soulignant …": not a verb of the quotation
            if not _inside(head.idx, quoted) or head.head.i == head.i:
                break
            head = head.head
        heads = _aux_chain(head)
        # "Betancourt a rendu grâce à Dieu et remercié l'armée en exprimant l'espoir que": a verb
        # coordinated to another shares its subject
        while "Part" in verb.morph.get("VerbForm") and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and \
                head.head.i < head.i and not any(c.dep_ in _SUBJECT_DEPS for h in heads for c in h.children):
            head = head.head
            heads = _aux_chain(head)
    # not a subject inside a quotation the cue reports (a scare-quoted word such as la « mère » may be)
    quoted = _quoted(verb.doc, longer_than=30)
    subjects = [c for h in heads for c in h.children
                if c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not c.lower_.startswith("-") and
                c.lower_ not in ("en", "y") and  # "en a appelé à": a clitic the parser takes for the subject
                not _inside(c.idx, quoted)]
    if not subjects and heads[0] is verb:
        # a subject clitic the parse gave another role: "Il(vocative) leur a rappelé …"
        k = _cue_group_start(verb).i - 1
        while k >= 0 and verb.doc[k].lower_ in _BEFORE_VERB:
            k -= 1
        if k >= 0 and verb.doc[k].lower_ in _SUBJECT_CLITICS and verb.doc[k].pos_ == "PRON" and \
                verb.doc[k].head.i == verb.i:
            subjects = [verb.doc[k]]
    return subjects


_SUBJECT_CLITICS = {"il", "elle", "ils", "elles", "on", "je", "j'", "j’", "nous", "vous"}


def _antecedent(head: Token) -> Token:
    """A relative clause's antecedent, past the thing nouns the parser may attach it to: "une femme
    atteinte d'une tumeur incurable au visage qui demandait" is the woman's clause."""
    found = head
    for _ in range(4):
        if found.ent_type_ in ("PER", "ORG") or _person_noun(found):
            return found
        if not found.dep_.startswith(("nmod", "obl", "acl")) or found.head.i == found.i:
            break
        found = found.head
    return head


def _without_relatives(tokens: list[Token]) -> list[Token]:
    dropped = set()
    for token in tokens:
        if token.dep_ in ("acl:relcl", "acl", "parataxis") and token.i not in dropped:
            dropped.update(t.i for t in token.subtree)
    return [t for t in tokens if t.i not in dropped]


def _passive_agent(verb: Token) -> list[Token] | None:
    """The agent of a passive cue: "cette offre a été qualifiée par les syndicats d'« injure »",
    "a été condamnée par Act-Up comme une « atteinte … »"."""
    doc = verb.doc
    quoted = _quoted(doc)
    text = _text(doc)
    # "le fichier, qualifié d'« embastillement électronique » par l'avocat Michel Pezet"
    fragment = re.match(r"\s*d(?:e\s*|['’]\s*)[«\"“][^»\"”]{1,80}[»\"”]\s*(?=par\s)", text[verb.idx + len(verb):])
    if fragment and verb.dep_ in ("acl", "amod") and "Part" in verb.morph.get("VerbForm"):
        at = doc.char_span(verb.idx + len(verb) + fragment.end(), verb.idx + len(verb) + fragment.end() + 3,
                           alignment_mode="expand")
        k = at[0].i if at is not None else len(doc)
    else:
        if not any(c.dep_ == "aux:pass" for c in verb.children) and "Pass" not in verb.morph.get("Voice"):
            return None
        if not any(t.lemma_ == "être" for t in doc[max(verb.i - 3, 0):verb.i]):
            return None
        k = verb.i + 1
        while k < len(doc) and k < verb.i + 4 and doc[k].lower_ != "par":
            if doc[k].is_punct or _inside(doc[k].idx, quoted):
                return None
            k += 1
    if k >= len(doc) or doc[k].lower_ != "par":
        return None
    agent = []
    for t in doc[k + 1:k + 9]:
        if t.pos_ in ("ADP", "PUNCT", "VERB", "AUX", "SCONJ", "CCONJ") and not (t.text == "-" and agent) or \
                _inside(t.idx, quoted):
            break
        agent.append(t)
    return agent if any(t.pos_ in ("NOUN", "PROPN") for t in agent) else None


def _subject(verb: Token) -> list[Token] | None:
    """The words before ``verb`` designating whoever performs it (relative clauses cut)."""
    agent = _passive_agent(verb)
    if agent:
        return agent
    if "Pres" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm") and \
            verb.i > 1 and verb.doc[verb.i - 1].text == ",":
        # "», explique-t-il, assurant que …": the participle goes with the inverted cue before it
        before = _known_cues(verb.doc[max(verb.i - 10, 0):verb.i - 1])
        if before:
            clitic = _clitic_subject(before[-1])
            if clitic is not None and clitic.i < verb.i:
                return [clitic]
            inverted = _inverted_subject(before[-1])
            if inverted and inverted[-1].i == verb.i - 2 and not _preverbal_subjects(before[-1]):
                return inverted  # "», ajoute Jean Dupont, précisant que …" (not "elle a dit la vérité, …")
    channel = verb.head
    if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and \
            channel.i < verb.i and channel.dep_ == "obj" and \
            (_fold(channel.lemma_) in _CHANNEL_NOUNS or _fold(channel.lemma_) in DOCUMENT_NOUNS):
        # "l'association publiait un communiqué réclamant …", "l'ADMD organisait une conférence de presse
        # annonçant …": whoever issues the communiqué or holds the conference speaks
        issuers = [c for h in _aux_chain(channel.head) for c in h.children if c.dep_ in _SUBJECT_DEPS]
        if issuers:
            tokens = _without_relatives(list(issuers[0].subtree))
            if tokens and any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
                return tokens
    subjects = _preverbal_subjects(verb)
    if subjects and subjects[0].lower_ == "qui" and verb.dep_ in ("acl:relcl", "acl") and verb.head.i < verb.i:
        qui = subjects[0]
        k = qui.i - 1
        while k > 0 and verb.doc[k].text in (",", "-", "--", "—", "–", "("):
            k -= 1  # "Christian Noyer --qui avait exprimé …"
        for ent in _sent(verb).ents:  # "Jack Lang, Robert Badinter et Jean-Louis Bianco qui a déclaré": the nearest name
            root = ent.root if ent.root.dep_ != "conj" else ent.root.head
            if ent.end - 1 == k and ent.label_ in ("PER", "ORG") and not root.dep_.startswith(("nmod", "obl")) and \
                    (ent.start == 0 or verb.doc[ent.start - 1].lower_ not in _NOT_AFTER):
                return list(ent)
        antecedent = _antecedent(verb.head)  # "Jean-Louis Bianco, qui a estimé que": the relative's antecedent
        if antecedent.dep_ == "appos" and antecedent.head.ent_type_ == "PER" and antecedent.head.i < antecedent.i:
            # "Frédéric Oudéa, patron de la Société générale qui affirmait": the name
            own = {t.i for t in antecedent.subtree}
            return [t for t in antecedent.head.subtree if t.i < antecedent.i and t.i not in own and
                    t.text != "," and not (t.dep_ == "case" and t.head.i == antecedent.head.i)]
        return [t for t in antecedent.subtree if t.i < subjects[0].i and t.text != ","] or [antecedent]
    if not subjects and verb.dep_ in ("advcl", "acl") and "Part" in verb.morph.get("VerbForm"):
        # "Prétextant qu'…, le septuple vainqueur a fait connaître …": the main clause's subject
        root = _sent(verb).root
        main = [c for h in _aux_chain(root) for c in h.children if c.dep_ in _SUBJECT_DEPS and c.i > verb.i]
        if main and root.i != verb.i:
            tokens = _without_relatives([t for t in main[0].subtree])
            if tokens and any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
                return tokens
    sentence = _sent(verb)
    lead = [t for t in verb.doc[sentence.start:verb.i] if not t.is_space]
    narrative = not subjects and "Inf" in verb.morph.get("VerbForm") and len(lead) >= 2 and \
        lead[0].lower_ == "et" and lead[-1].lower_ in ("de", "d'", "d’")
    if narrative:  # "Et le patron de la banque de conclure :" (a narrative infinitive)
        tokens = [t for t in lead[1:-1] if t.text != ","]
        if any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
            return tokens
    if not subjects and ("Part" in verb.morph.get("VerbForm") or narrative) and sentence.start > 0 and \
            all(t.pos_ in ("CCONJ", "ADV", "AUX", "PUNCT") for t in lead[:-1 if narrative else None]) and \
            (narrative or main_clause_after(verb, _quoted(verb.doc)) is None):  # (not "Estimant que …, le maire a …")
        # "Nicolas Sarkozy a jugé que … / Et demandé que …", "… / Et d'ajouter :": the previous
        # sentence's subject goes on
        before = _sent_before(verb)
        if before is None:
            return None
        cues = _known_cues(before)  # that sentence's cues, already found
        if narrative and not cues:
            return None  # "Il déclarait : « … » / Et d'ajouter :": whoever was quoted last goes on
        tokens = (_subject(cues[-1]) or []) if cues else []
        if not tokens:
            main = [c for h in _aux_chain(before.root) for c in h.children if c.dep_ in _SUBJECT_DEPS]
            tokens = _without_relatives([t for t in main[0].subtree]) if main else []
        if any(t.pos_ in ("NOUN", "PROPN") or narrative and cues and t.pos_ == "PRON" for t in tokens):
            return tokens
    if not subjects and verb.dep_ == "acl" and "Pres" in verb.morph.get("Tense") and verb.head.dep_ == "obj" and \
            verb.head.head.pos_ in ("VERB", "AUX") and not (_fold(verb.head.lemma_) in _CHANNEL_NOUNS or
                                                          _fold(verb.head.lemma_) in DOCUMENT_NOUNS) and \
            not any(_plausible_source([t], holds_views=True) for t in verb.doc[verb.head.left_edge.i:verb.i]
                    if t.pos_ in ("NOUN", "PROPN")):
        # "Le coureur a refusé ces analyses prétextant …": the participle goes with the clause's subject, not
        # with the thing it was hung on (but "a entendu des témoins affirmant …": the witnesses speak)
        quoted = _quoted(verb.doc)
        governing = [c for h in _aux_chain(verb.head.head) for c in h.children
                     if c.dep_ in _SUBJECT_DEPS and c.i < verb.head.i and not _inside(c.idx, quoted)]
        if governing:
            tokens = _without_relatives(list(governing[0].subtree))
            if tokens and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
                return tokens
    if not subjects:
        # the parser missed the subject ("Macron" tagged as an adverb): the words just before the
        # verb group, back to the clause's comma or the sentence start
        group = _cue_group_start(verb)
        tokens = []
        for token in reversed(verb.doc[_sent(verb).start: group.i]):
            if token.text in (",", ";", ":", "«", "»", '"') or token.pos_ in ("VERB",) or \
                    token.lower_ in ("où", "dont", "que", "qu'", "qu’"):  # "la polémique en France où X ont reproché"
                break
            tokens.insert(0, token)
        if any(t.pos_ in ("PROPN", "NOUN") or t.ent_type_ for t in tokens):
            return tokens
        # past a relative clause: "Macron et Keir Starmer, qui dirigent la coalition, ont insisté"
        for ent in _sent(verb).ents:
            if ent.label_ == "PER" and ent.end <= group.i and \
                    (ent.start == 0 or verb.doc[ent.start - 1].lower_ not in _NOT_AFTER):
                return list(ent)
        return None
    if len(subjects) > 1 and subjects[-1].pos_ == "PRON" and subjects[-1].lower_ in ("il", "elle", "ils", "elles") and \
            any(t.text == "," for t in verb.doc[subjects[-2].i:subjects[-1].i]):
        subjects = subjects[-1:]  # "La libération d'Ingrid Betancourt annoncée, il a fait savoir": a misparse
    first = min(t.left_edge.i for t in subjects)
    last = max(t.right_edge.i for t in subjects)
    group = _cue_group_start(verb)
    tokens = _without_relatives([t for t in verb.doc[first: min(last + 1, group.i)]])
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens or None


def _inverted_subject(verb: Token) -> list[Token] | None:
    """The subject that follows its verb: "a déclaré Mark Rutte", "a affirmé mercredi le secrétaire
    général de l'Otan, Mark Rutte", "indique le communiqué" (not "devant la presse")."""
    doc = verb.doc
    i = verb.i + 1
    end = _sent(verb).end
    while True:
        # skip adverbs and time words: "a ajouté mercredi", "a également précisé"
        while i < end and (doc[i].pos_ in ("ADV",) or doc[i].lower_ in _WEEKDAYS or
                           doc[i].lower_ in ("soir", "matin", "dernier")):
            i += 1
        if i >= end or doc[i].text != ",":
            break
        # "a lancé, la semaine dernière, son patron, Patrick Werner", "pointait, d'ailleurs, hier soir, X"
        close = next((j for j in range(i + 1, min(i + 6, end)) if doc[j].text == ","), None)
        group = doc[i + 1:close] if close is not None else []
        if close is None or not (any(_is_time(t) for t in group) or all(
                t.pos_ in ("ADV", "ADP", "DET", "NUM") or t.lower_ in _WEEKDAYS or
                t.lower_ in ("ailleurs", "soir", "matin", "part", "outre") for t in group)):
            if i > verb.i + 1:
                i += 1  # the comma that closes the adverbials, before the subject
            break
        i = close + 1
    if i < end and doc[i].lower_ in ("à", "au", "aux", "devant", "sur", "dans"):
        # "a déclaré à l'AFP le procureur de la République, Jacques Dallest"
        for j in range(i + 2, min(i + 8, end)):
            if doc[j - 1].text == "," or doc[j - 1].is_punct:
                break
            if doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j].pos_ == "DET" and j < i + 7 or \
                    doc[j - 1].pos_ not in ("ADP", "DET") and doc[j - 1].lower_ not in _NOT_AFTER and (
                        doc[j].ent_iob_ == "B" and doc[j].ent_type_ == "PER" or doc[j].text in ("M.", "Mme", "Me") or
                        first_name_then_name(doc, j, end)):
                # "… à l'AFP Christophe Reille, porte-parole de …", "a renchéri sur le même ton M. de Castries",
                # "a dit sur BFM Pierre Nanterme" (which the recogniser reads as one organisation)
                i = j
                break
    first = i + 1 if i + 1 < end and doc[i].lower_ in ("l'", "l’") else i  # "l'un de ses proches"
    partitive = first + 1 < end and doc[first].lower_ in ("un", "une") and doc[first + 1].lower_ in ("de", "d'", "des")
    if i >= end or doc[i].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM") and not partitive or doc[i].is_punct or \
            doc[i].lower_.startswith(("qu'", "qu’")) or re.search(r"[«\"“»”]", doc[i].text):
        # the words did not lead to it, but the parse found it: "a dit mercredi sur BFM Pierre Nanterme"
        parsed = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i > i and
                       c.pos_ in ("PROPN", "NOUN") and c.i < end), None)
        if parsed is None or parsed.i - verb.i > 8:
            return None
        return [t for t in doc[parsed.left_edge.i:parsed.right_edge.i + 1] if not t.is_punct] or None
    tokens: list[Token] = []
    while i < end:
        token = doc[i]
        if token.is_punct and token.text != "," or token.lower_ in _REGION_STOP or token.pos_ in ("VERB", "AUX"):
            break
        if token.text == ",":
            # an apposition: ", Mark Rutte" or ", président du Comité militaire"
            if i + 1 < end and doc[i + 1].pos_ in ("PROPN", "NOUN", "DET") and \
                    doc[i + 1].lower_ not in _REGION_STOP:
                tokens.append(token)
                i += 1
                continue
            break
        tokens.append(token)
        i += 1
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "DET") or tokens[-1].lower_ in _WEEKDAYS):
        tokens.pop()
    return tokens or None


def _before_comma(tokens: list[Token]) -> list[Token]:
    """``tokens`` up to their first comma: an inverted subject ends where its incise closes."""
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    return tokens[:commas[0]] if commas else tokens


_WEEKDAYS = WEEKDAYS | {"hier", "aujourd'hui"}


_COLLECTIVE_NOUNS = frozenset("equipe formation club camp collectif comite syndicat association federation "
                              "organisation prefecture gendarmerie ambassade assemblee senat".split())
# nouns of what can speak without designating a person: documents, organisations, institutions, teams (folded)
_SOURCE_NOUNS = DOCUMENT_NOUNS | ORG_NOUNS | THING_NOUNS | _COLLECTIVE_NOUNS
# of those, what says without thinking: documents, texts, decisions
_VIEWLESS_NOUNS = DOCUMENT_NOUNS | _TEXT_NOUNS | {"decision", "version"}


def _plausible_source(words: list[Token], holds_views: bool = False) -> bool:
    """Whether words after a verb can be who speaks ("le ministre", "Mark Rutte", "le communiqué", "la
    banque", "une source proche du dossier"), not what is said or done ("le retrait du décret"); with
    ``holds_views``, who can think what a participle reports ("Estimant que …, le tribunal"), which no
    document or decision does."""
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
    if head is None or head.pos_ in ("PROPN", "PRON", "NUM") or head.ent_type_ or head.text[:1].isupper():
        return True
    folded = _fold(head.lemma_ or head.text)
    if holds_views and folded in _VIEWLESS_NOUNS:
        return False
    return folded in _SOURCE_NOUNS or \
        head.lemma_.lower() in GROUP_HEADS or \
        personal(head.doc, [head]) or any(t.ent_type_ for t in words)


def _subject_with_relative(unit: _Unit, group: Token) -> bool:
    """Whether the words before a cue are a noun phrase and its relative clause ("Les enquêteurs, qui
    ont épluché les relevés …, ont relevé …"): the cue's subject, which the parse lost."""
    lead = [t for t in unit.tokens if t.i < group.i]
    return len(lead) > 3 and lead[0].pos_ in ("DET", "PROPN", "NOUN") and \
        any(t.text == "," and k + 1 < len(lead) and lead[k + 1].lower_ in ("qui", "dont")
            for k, t in enumerate(lead[:7])) and not re.search(r"[»\"”]", _text(group.doc)[lead[0].idx:group.idx])


def _governs_infinitive_after(last: Token) -> bool:
    """Whether "à/de" + an infinitive follows ``last``: the words before were the verb's object."""
    doc = last.doc
    k = last.i + 1
    return k + 1 < len(doc) and doc[k].lower_ in ("à", "de", "d'", "d’") and (
        "Inf" in doc[k + 1].morph.get("VerbForm") or
        k + 2 < len(doc) and doc[k + 1].pos_ == "PRON" and "Inf" in doc[k + 2].morph.get("VerbForm"))


def _cue_group_start(verb: Token) -> Token:
    """The first token of a cue's verb group: ", a-t-il également ajouté" → "a", "s'interrogeait" → "s'"."""
    first = verb
    for token in reversed(verb.doc[max(verb.i - 6, 0): verb.i]):
        if token.pos_ == "AUX" or token.pos_ == "ADV" and token.text.islower() or \
                token.lower_ in ("-t", "ne", "n'", "pas", "t") or token.lower_.startswith("-") or \
                token.pos_ == "PRON" and "Yes" in token.morph.get("Reflex"):  # "», s'amuse un proche"
            first = token
        else:
            break
    return first


def _content(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """Trim a reported content span and classify it: direct (one quotation), mixed or indirect."""
    text = _text(doc)
    while start < end and text[start] in _CONTENT_STRIP:
        start += 1
    while end > start and text[end - 1] in _CONTENT_STRIP:
        end -= 1
    if end - start < 3:
        return None
    inner = [(s, e) for s, e in quoted if s < end and e > start]
    if len(inner) == 1 and inner[0][0] >= start - 1 and inner[0][1] <= end + 1 and \
            not text[start:inner[0][0]].strip(_CONTENT_STRIP) and not text[inner[0][1]:end].strip(_CONTENT_STRIP):
        s, e = inner[0]
        s += 1
        e -= 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace()):
            e -= 1
        return s, e, "direct"
    if inner:
        # a closing mark just outside the trimmed span belongs to it
        if text[end:end + 1] in ('"', "»", "”") and any(s < end < e for s, e in inner):
            end += 1
        return start, end, "mixed"
    return start, end, "indirect"


def _incise_after(subject: list[Token]) -> bool:
    """"L'enfant, explique la jeune femme, était …": the sentence goes on with a verb after the
    cue's subject, so the cue is an incise."""
    doc = subject[-1].doc
    k = subject[-1].i + 1
    return k + 1 < len(doc) and doc[k].text == "," and any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[k + 1:k + 3])


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """A quoted title or name rather than quoted words: 'du "Parisien"', 'le "Nid d'oiseau"'."""
    text = _text(doc)
    inner = text[start + 1:end - 1].strip()
    words = inner.split()
    if not words or len(words) > 4 or not inner[:1].isupper() or re.search(r"[.!?,;:]", inner):
        return False
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in ("le", "la", "les", "du", "au", "des", "l'", "un", "une", "d'")


def _que_after(verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """The "que" opening the verb's complement clause, if one follows closely."""
    doc = verb.doc
    lemma = _lemma(verb)
    incise = False
    for token in doc[verb.i + 1: min(verb.i + 18, len(doc))]:
        if token.i >= verb.i + 9 and not incise:
            break
        if token.lower_.startswith(("qu'", "qu’")) and len(token) > 3 and token.text[3:4] in ('"', "«", "“"):
            return token  # "a relevé qu'"à ce stade …"": the tokenizer glued the mark to "qu'"
        if token.lower_ in ("que", "qu'", "qu’") and token.pos_ in ("SCONJ", "PRON", "ADV", "CCONJ"):
            if token.i > 0 and doc[token.i - 1].lower_ in _SUBORDINATORS or token.i > 1 and \
                    doc[token.i - 1].lower_ in ("peur", "crainte", "sorte", "façon", "manière") and \
                    doc[token.i - 2].lower_ in ("de", "telle"):  # "de peur qu'", "de telle sorte que"
                return None  # "a démenti … bien qu'il ait reconnu …", "de peur qu'on …": a subordinate, not a report
            if token.i > 0 and doc[token.i - 1].lower_ in ("et", "ou") and \
                    any(t.lower_ in ("que", "qu'", "qu’") for t in doc[max(verb.i - 3, 0):verb.i]):
                return None  # "le garçonnet qu'elle affirme avoir recueilli … et qu'elle considère …": a second relative
            if token.pos_ == "PRON" and token.dep_ == "obj" and token.i > 0 and doc[token.i - 1].lower_ != "ce" and \
                    doc[token.i - 1].pos_ in ("NOUN", "PROPN") and not _is_time(doc[token.i - 1]) and \
                    not any(c.dep_ == "obj" and c.i != token.i for c in token.head.children):
                # "indique le rôle qu'il a joué": a relative pronoun (but not when its clause has an object
                # of its own, "exigeait de la société qu'elle prenne en compte sa souffrance", nor after a
                # date, "a déclaré dimanche 27 janvier que la fraude atteignait …")
                return None
            return token
        if token.lower_ == "si" and token.pos_ == "SCONJ" and lemma in ("demander", "interroger"):
            return token  # "se demandant si …": an indirect question
        if token.text in (".", ";", ":", "«", '"') or _is_cue(token, quoted):
            break
        if token.text == "," and token.i > verb.i + 1 and doc[token.i - 1].pos_ != "PROPN":
            # "assure, par la voix de son porte-parole, X, qu'…": a verbless incise is skipped
            if not incise or any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:token.i]):
                break
        if token.text == "," and token.i == verb.i + 1:
            incise = True
    # the parse's complement clause further on: "a déclaré jeudi, après avoir rencontré X, que …",
    # "à rassurer les membres de l'Otan d'Europe de l'est sur le fait que …"
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’")]
            if marks and not any(_is_cue(t, quoted) for t in doc[verb.i + 1: marks[0].i]) and \
                    not any(t.text in (".", ";", ":") for t in doc[verb.i + 1: marks[0].i]):
                return marks[0]
    m = re.match(r"[^.;:«\"]{0,120}?\bsur le fait qu['e’]", _text(doc)[verb.idx + len(verb):_sent(verb).end_char])
    if m:
        at = doc.char_span(verb.idx + len(verb) + m.end() - 3, verb.idx + len(verb) + m.end(), alignment_mode="expand")
        if at is not None:
            return at[-1]
    return None


def _before_narrator(start_token: Token, end: int, quoted) -> int:
    """``end``, or earlier where the narrator takes over a report that starts at ``start_token``:
    after its quotation ("estimant que « … », alors que l'État va injecter …"), or at an apposition
    to the name that ends the clause ("… de Jérôme Kerviel, trader soupçonné de …, qui …")."""
    doc = start_token.doc
    text = _text(doc)
    begin = start_token.idx + (len(start_token) if start_token.lower_ in ("que", "qu'", "qu’") else 0)
    begin += len(text[begin:end]) - len(text[begin:end].lstrip())
    if text[begin:begin + 1] in ("«", '"', "“"):
        closing = next((e for s, e in quoted if s == begin), None)
        if closing is not None and re.match(r"\s*,\s*(?:alors|bien|même|puisque|car)\b", text[closing:end]):
            return closing
    tokens = []
    for t in doc[start_token.i + 1:]:
        if t.idx >= end:
            break
        tokens.append(t)
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.text != "," or doc[t.i - 1].ent_type_ != "PER" or _inside(t.idx, quoted) or not (
                nxt.pos_ == "NOUN" or nxt.pos_ == "DET" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].pos_ in ("NOUN", "ADJ")):
            continue
        rest = tokens[k + 1:]
        stop = next((j for j, u in enumerate(rest) if u.text in (",", ";", ".")), len(rest))
        verbless = not any(u.pos_ in ("VERB", "AUX") and "Fin" in u.morph.get("VerbForm") for u in rest[:stop])
        closes = stop == len(rest) or rest[stop].text == "," and stop + 1 < len(rest) and \
            rest[stop + 1].lower_ in ("qui", "dont")  # the apposition ends the clause
        if verbless and closes:
            return t.idx
    return end


def _clause_end(start_token: Token, unit: _Unit, cues: list[Token], quoted) -> int:
    """Where a complement clause ends: the sentence end, or before the next cue it runs into."""
    doc = start_token.doc
    text = _text(doc)
    end = unit.end
    # "…, selon un enregistrement de ses déclarations": the source adjunct of the cue's clause
    source = re.search(r"(?<!\bqui)(?<!\bque),\s+(?:selon|d'après|d’après)\s",  # not "qui, selon lui, prouverait"
                       text[start_token.idx:end])
    if source:
        end = start_token.idx + source.start()
    end = _before_narrator(start_token, end, quoted)
    # "…, tandis que les appels à boycotter ont ressurgi": the narrator's contrast
    contrast = re.search(r",\s+(?:tandis|alors)\s+qu", text[start_token.idx:end])
    if contrast:
        end = start_token.idx + contrast.start()
    for cue in cues:
        if cue.i > start_token.i and cue.idx < end and not (
                cue.dep_ == "acl" and "Part" in cue.morph.get("VerbForm") and cue.head.pos_ == "NOUN" and
                cue.i > 0 and cue.doc[cue.i - 1].text != ","):
            # (not a participle inside a noun phrase: "… à la demande d'un malade réclamant la mort")
            group = _cue_group_start(cue)
            cut = group.idx
            before = text[start_token.idx:cut]
            # cut at the comma (or "tout en", "et") that introduces the next report
            m = max(before.rfind(","), before.rfind(" et "), before.rfind(" tout en "), before.rfind(" mais "),
                    before.rfind(" puis "))
            if m <= 0:
                continue  # a report nested in the clause ("que les États-Unis avaient proposé …")
            if re.match(r"[\s,]*(?:et|mais|ou)\s+qu(?:e\b|['’])", before[m:]):
                continue  # "que l'enfant allait bien mais qu'il ne pouvait pas lui parler": the same report goes on
            end = min(end, start_token.idx + m)
    return end


def find_quotes(doc: Doc, mentions: tuple[Mention, ...] | list[Mention],
                not_speakers: tuple[str, ...] = (), published: str | None = None) -> list[Quote]:
    """Every quote of one analysed article (``doc`` is its parse; ``mentions`` its entity mentions;
    ``published`` its date, YYYY-MM-DD, which tells who held an office the article names by title)."""
    text = _text(doc)
    quoted = _quoted(doc)
    units = _units(doc, quoted)
    found: list[_Found] = []
    for unit in units:
        cues = [t for t in unit.tokens if _is_cue(t, quoted)]
        sources = _source_words(doc, unit, quoted)
        for token in unit.tokens:
            if token not in cues and _after_quotation(token, unit, quoted) and \
                    (_clitic_subject(token) is not None or _inverted_subject(token)):
                cues.append(token)
        cues.sort(key=lambda t: t.i)
        for verb in cues:
            reported = _from_cue(doc, unit, verb, cues, quoted)
            sentence = _sent(verb)
            if _writers_question(text, sentence.start_char, sentence.end_char, quoted):
                reported = [f for f in reported if f.kind == "direct"]
            found.extend(reported)
        for prep in sources:
            item = _from_source(doc, unit, prep, quoted, cues)
            if item:
                found.append(item)
    found.extend(_incises(doc, quoted))
    found.extend(_speech_nouns(doc, units, quoted))
    found = [f for f in found if not _no_report(text, f)]
    found = _resolve_overlaps(_split_lists(doc, _cut_at_other_cues(doc, found), quoted))
    # a quotation standing alone after a quote: same speaker
    found.extend(_continuations(doc, units, quoted, found))
    answers = _interview_answers(doc, quoted, mentions)
    if answers:  # the interviewee's answers are the quotes there; what they report is theirs, not another quote
        found = [f for f in found if not any(a.start <= f.start < a.end for a in answers)] + answers
    found = [f for f in found if not _CLITIC_ONLY.fullmatch(text[f.start:f.end].strip().lower())]
    found.sort(key=lambda f: f.start)
    return attach_speakers(doc, found, mentions, quoted, not_speakers, published)


def _writers_question(text: str, start: int, end: int, quoted) -> bool:
    """Whether the sentence from ``start`` to ``end`` is the writer's own question (not a question
    quoted: « Devinez quoi?!? »)."""
    ending = text[start:end].rstrip()
    return ending.endswith("?") and not _inside(start + len(ending) - 1, quoted)


def _after_quotation(token: Token, unit: _Unit, quoted) -> bool:
    """Whether a word right after a closing quotation mark is a verb reporting it, known to the lexicon
    or not: "», s'amuse un proche"; also one the tagger took for a noun, when the quotation opens its
    sentence ("« … », analyse le propriétaire, Jean Motsch"; not "Le ministre, qui a qualifié la
    situation de « préoccupante », rencontre Emmanuel Macron")."""
    verb = token.pos_ == "VERB"
    if not verb and not (token.pos_ in ("NOUN", "ADJ") and token.lower_.endswith(("e", "t", "a", "ait")) and
                         _lemma(token) not in _NOT_INCISE_CUES):
        return False
    text = _text(token.doc)
    if not any(c in text[max(unit.start, token.idx - 80):token.idx] for c in "»\"”"):
        return False  # no closing mark near: the common case, decided before the verb group is looked for
    j = _cue_group_start(token).idx  # back over spaces and one comma to the closing mark: « … », ajoute-t-il
    while j > unit.start and text[j - 1].isspace():
        j -= 1
    if j > unit.start and text[j - 1] == ",":
        j -= 1
        while j > unit.start and text[j - 1].isspace():
            j -= 1
    if j <= unit.start or text[j - 1] not in "»\"”" or _inside(token.idx, quoted):
        return False
    if verb:
        return True
    closing = j - 1
    opening = max((s for s, e in quoted if e == closing + 1), default=None)
    return opening is not None and (not text[:opening].strip() or text[:opening].rstrip()[-1] in ".!?:…»\n")


def _que_content_start(que: Token) -> int:
    """Where a que-clause's content starts: after "que", or after the "qu'" of "qu'il"."""
    return que.idx + (3 if que.lower_.startswith(("qu'", "qu’")) else len(que))


_SOURCE_WORDS = frozenset({"selon", "d'après", "après", "pour", "vue"})
# What "selon" can follow that says nothing: "selon la tradition", "selon toute vraisemblance", "selon les cas" (folded).
_NO_SOURCE_NOUNS = frozenset("tradition coutume usage habitude principe logique vraisemblance probabilite "
                             "formule expression definition methode modele scenario hypothese rite rituel cas "
                             "circonstance besoin saison".split())


def _source_words(doc: Doc, unit: _Unit, quoted) -> list[Token]:
    """The words introducing a source adjunct: "selon X", "d'après X", and a perspective opening the
    sentence — "Pour Christine Lagarde, « … »", "Pour lui, …", "Du point de vue de Pékin, …"."""
    out = []
    for token in unit.tokens:
        if token.lower_ not in _SOURCE_WORDS or _inside(token.idx, quoted):
            continue
        if token.lower_ in ("selon", "d'après") or \
                token.lower_ == "après" and token.i > 0 and doc[token.i - 1].lower_ in ("d'", "d’"):
            out.append(token)
            continue
        if token.lower_ not in ("pour", "vue"):
            continue
        comma = next((t for t in doc[token.i + 1: min(token.i + 9, len(doc))] if t.text == ","), None)
        if comma is None:
            continue  # (the cheap test first: most "pour" open no source)
        lead = [t for t in doc[_sent(token).start:token.i] if not t.is_space]
        colon = next((k for k in range(len(lead) - 1, -1, -1) if lead[k].text in (":", ";")), None)
        if colon is not None and token.lower_ == "pour":  # "Le mannequin roule japonais : pour Suzuki, elle incarne …"
            lead = lead[colon + 1:]
        if token.lower_ == "vue":
            if [t.lower_ for t in lead[-3:]] not in (["du", "point", "de"], ["point", "de"]) or \
                    token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("de", "d'", "du", "des"):
                continue
        elif lead and not all(t.pos_ in ("CCONJ", "ADV") for t in lead):
            continue
        between = [t for t in doc[token.i + 1: comma.i] if t.pos_ not in ("ADP", "DET", "PUNCT")]
        head = next((t for t in between if t.pos_ in ("NOUN", "PROPN")), None)
        if between and (all(t.ent_type_ in ("PER", "ORG", "LOC") or t.pos_ == "PROPN" for t in between) or
                        len(between) == 1 and between[0].lower_ in ("lui", "elle", "eux", "elles") or
                        # someone whose view it can be: "Pour ce spécialiste de la Colombie, …", "Pour les
                        # enquêteurs, …", "Pour l'avocate de Kerviel, Caroline Wassermann, …"
                        head is not None and head is between[0] and head.pos_ == "NOUN" and
                        (_person_noun(head) or head.lemma_.lower() in GROUP_HEADS)):
            out.append(token)
    return out


def _from_cue(doc: Doc, unit: _Unit, verb: Token, cues: list[Token], quoted) -> list[_Found]:
    text = _text(doc)
    out: list[_Found] = []
    group = _cue_group_start(verb)
    before = text[unit.start:group.idx].rstrip()
    lemma = _lemma(verb)
    cue_text = text[group.idx: verb.idx + len(verb)]
    if "disant" in verb.lower_ and "soi" in text[max(verb.idx - 4, 0):verb.idx + 4] or (verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("soi", "soi-")):
        return out
    if lemma == "assurer" and any(c.dep_ == "expl:comp" for c in verb.children):
        return out  # "s'assurer que": to make sure, not to assure
    inverted = _inverted_subject(verb)
    clitic = _clitic_subject(verb)
    # "…, comme elle l'avait demandé, …": an aside about the clause, not a report of it
    if re.search(r",\s*comme\s+(?:il|elle|ils|elles|on|je|nous|vous)\s+(?:l['’]|le\s)?$", before):
        return out
    # 0. "comme l'indique le communiqué, …" / "…, comme l'a expliqué X."
    if re.search(r"\b[Cc]omme\s+(?:l'|l’|le\s|nous\s|on\s)?$", before) and inverted:
        inverted = _before_comma(inverted)
        subject_end = inverted[-1].idx + len(inverted[-1])
        comme = before.lower().rfind("comme")
        after = text[subject_end:unit.end]
        if after.strip(_CONTENT_STRIP + "»\"”"):
            content = _content(doc, subject_end, unit.end, quoted)
        else:
            content = _content(doc, unit.start, unit.start + comme, quoted)
        if content:
            out.append(_report(content, verb, cue_text, inverted, 3))
        return out
    # 1. inverted cue after the content: « … », a-t-il ajouté / …, a indiqué X
    present_participle = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
    inverted_form = before.endswith((",", "»", '"', "”")) and not present_participle and (
        not _preverbal_subjects(verb) or clitic is not None or
        (bool(inverted) and _que_after(verb, quoted) is None and
         not (any(t.dep_ in ("obj", "xcomp") and t.head.i == verb.i for t in inverted) and
              any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not _inside(c.idx, quoted)
                  for h in _aux_chain(verb) for c in h.children) and
              not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not _inside(t.idx, quoted)
                      for t in unit.tokens if t.i < group.i) and
              not _incise_after(inverted)) and
         not re.match(r"[^.;«\"“]{0,60}?:", text[verb.idx + len(verb):unit.end])))
    if inverted_form and clitic is None and inverted and (_governs_infinitive_after(inverted[-1]) or
                                                          _passive_agent(verb) or _subject_with_relative(unit, group) or
                                                          not before.endswith(("»", '"', "”")) and
                                                          not _plausible_source(inverted)):
        # "la Chine, qui …, avait appelé la France à gérer …": an object, not a subject; "Edvige,
        # qualifié d'« … » par l'avocat …": the agent speaks
        inverted_form = False
    if inverted_form and (clitic is not None or inverted):
        start = unit.start
        for other in cues:  # the content starts after an earlier inverted cue of this unit
            if other.i < verb.i:
                subj = _inverted_subject(other)
                other_end = subj[-1].idx + len(subj[-1]) if subj else other.idx + len(other)
                if other_end < group.idx and text[unit.start:_cue_group_start(other).idx].rstrip().endswith(
                        (",", "»", '"', "”")):
                    start = max(start, other_end)
        content = _content(doc, start, unit.start + len(before), quoted)
        subject = [clitic] if clitic is not None else inverted
        # « A », a-t-il dit, « B »: the part after the cue, when it is a quotation
        tail_start = max(verb.idx + len(verb), *(t.idx + len(t) for t in subject if t is not None))
        # no verb before the cue ("Et puis", "Avec la crise", "Or"): the content is what follows it
        verbless = content is None and before.rstrip(",").strip() != "" or \
            content is not None and content[2] == "indirect" and not any(
                t.pos_ in ("VERB", "AUX") for t in unit.tokens if content[0] <= t.idx < content[1])
        if verbless and clitic is None and "," in [t.text for t in subject]:
            # "Or, relève Etienne Tête, le premier article …": the subject ends at the incise's comma
            subject = _before_comma(subject)
            tail_start = subject[-1].idx + len(subject[-1])
        if verbless:
            # "Et puis, ajoute Georges Pauget, il s'agit d'un plancher.", "Or, note-t-il, un mineur …"
            m = re.match(r"\s*,(?!\s*[«“\"])\s*", text[tail_start:unit.end])
            sentence_end = _sent(verb).end_char
            rest = _content(doc, tail_start + m.end(), sentence_end, quoted) if m else None
            if rest and any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:_sent(verb).end]):
                out.append(_report(rest, verb, cue_text, subject, 3))
                return out
        if content:
            out.append(_report(content, verb, cue_text, subject, 3))
            m = re.match(r"[^«“\"]{0,60}?,\s*([«“\"])", text[tail_start:unit.end])
            if m:
                after = _content(doc, tail_start + m.start(1), unit.end, quoted)
                if after and verbless:
                    out.pop()  # "Avec la crise, suppute l'Afub, « … »": the content is the quotation
                if after:
                    out.append(_report(after, verb, cue_text, subject, 3))
            return out
    subject = _subject(verb)
    # 2. colon: X a déclaré : « … »
    after_verb = text[verb.idx + len(verb):unit.end]
    m = re.match(r"[^:.;«\"“]{0,60}?:\s*", after_verb)
    colon_at = verb.idx + len(verb) + (m.end() if m else 0)
    # the parser may end the sentence at the colon: "qui affirmait, le 14 octobre dans le Figaro : « … »"
    following = next((e for s, e in quoted if colon_at <= s <= colon_at + 2), None) \
        if m and len(after_verb) - m.end() <= 3 else None
    if m and (len(after_verb) - m.end() > 3 or following) and \
            not any(verb.i < other.i and other.idx < colon_at for other in cues):  # the cue nearest the colon
        start = verb.idx + len(verb) + m.end()
        content = _content(doc, start, following or unit.end, quoted)
        closing = next((e for s_, e in quoted if s_ <= start + 2 and e > start), None)
        owned = closing is not None and re.match(
            r"\s*,\s*(?:s['’]|se\s+)?(?:[\w-]+\s+){0,2}?[\w]+-(?:t-)?(?:il|elle|on|ils|elles)\b", text[closing:unit.end])
        if content and not owned:  # not "… réclament la légalisation : « … », s'est-il indigné": his words
            out.append(_report(content, verb, cue_text + " :", subject, 3))
            # "rappela que la jeunesse a toujours été une préoccupation des élus : « … »": the que-clause
            # before the colon is a report of its own
            que = _que_after(verb, quoted) if content[2] == "direct" else None
            if que is not None and que.idx < colon_at:
                clause = _content(doc, _que_content_start(que), verb.idx + len(verb) + m.start() + m.group().rindex(":"), quoted)
                if clause and clause[1] - clause[0] >= 8:
                    out.append(_report(clause, verb, cue_text, subject, 2))
            return out
    # 3. complement clause: X a déclaré que …
    que = _que_after(verb, quoted)
    if que is not None:
        start = _que_content_start(que)
        end = _clause_end(que, unit, cues, quoted)
        main = main_clause_after(verb, quoted)
        if main is not None and main.idx < end:
            end = main.idx  # "Même s'il avait déclaré qu'…, le chef de l'État avait préféré …"
        if main is not None and not subject and "Part" in verb.morph.get("VerbForm"):
            # "Estimant que …, le ministre a annulé …": the participle's subject is the main clause's, when
            # it can speak (not "…, la décision a été prise de …")
            words = list(itertools.takewhile(lambda t: t.pos_ not in ("VERB", "AUX") and not t.is_punct, doc[main.i:]))
            if words and _plausible_source(words, holds_views=True):
                subject = words
        root = _sent(verb).root
        if verb.dep_ == "acl:relcl" and root.i > que.i and root.pos_ in ("VERB", "AUX"):
            # "le septuple vainqueur, qui a annoncé en septembre qu'il sortait de sa retraite, a été contrôlé":
            # the report ends with the relative clause, before the main clause's verb
            first = min([root] + [c for c in root.children if c.dep_.startswith("aux")], key=lambda t: t.i)
            comma = text.rfind(",", start, first.idx)
            if comma > start and not _inside(comma, quoted):
                end = min(end, comma)
        if verb.dep_ in ("advcl", "acl") and root.i > que.i and "Fin" not in verb.morph.get("VerbForm"):
            # "Après avoir laissé planer le doute, prétextant qu'…, le septuple vainqueur a fait …"
            # (a participle's clause; a finite cue the parse hung on a noun heads its own sentence)
            main_subjects = [c for h in _aux_chain(root) for c in h.children if c.dep_ in _SUBJECT_DEPS and c.i > que.i]
            if main_subjects:
                comma = text.rfind(",", start, main_subjects[0].left_edge.idx)
                if comma > start:
                    end = min(end, comma)
        content = _content(doc, start, end, quoted)
        if content:
            # a quotation after "que" is built into the sentence: "estimant que « … »" is mixed
            out.append(_report(content, verb, cue_text, subject, 2, "mixed" if content[2] == "direct" else None))
            return out
    # 4. quoted fragments in the cue's own clause: a qualifié de « victoire », a dénoncé un « inacceptable »
    #    instrument de « fichage » — from the phrase holding the first fragment to the last fragment
    # what the verb reports through its own complement (steps 4 and 5)
    complement = _reported_complement(verb, lemma, unit, cues, quoted) \
        if subject is not None or present_participle else None
    window_end = _clause_end(verb, unit, cues, quoted)
    inside = [(s, e) for s, e in quoted if verb.idx < s < window_end and not _name_like(doc, s, e)]
    if inside and inside[0][0] - (verb.idx + len(verb)) < 80:
        if complement is None and subject is not None and not _reports_nothing(verb):
            # an infinitive the parse missed holds the fragment: "affirme avoir été victime de « sévices »"
            complement = _complement_by_tokens(verb, lemma, unit, cues, quoted)
            head = doc.char_span(complement[0], complement[1], alignment_mode="expand") if complement else None
            if head is None or "Inf" not in head[0].morph.get("VerbForm"):
                complement = None
        last = inside[0]
        for a, b in zip(inside, inside[1:]):
            if b[0] - a[1] > 60 or re.search(r"[.;:]", text[a[1]:b[0]]) or any(
                    t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in unit.tokens
                    if a[1] <= t.idx < b[0]):
                break  # "la « valse-hésitation » autour du dalaï lama, Paris mène une « … »": a new clause
            last = b
        start = inside[0][0]
        # the fragment inside a reported complement: the whole complement ("a mentionné la décision
        # de … « afin de … »", "a exhorté la France à prendre « ses responsabilités » pour …")
        if complement is not None and complement[0] < inside[0][0] <= complement[1] + 3 and \
                (text[complement[0]:inside[0][0]].strip(" «\"“") or
                 len(text[last[1]:complement[1]].split()) >= 3):  # "«l'hypocrisie» de ceux qui critiquent …"
            end = max(complement[1], last[1])
            if end == last[1]:  # the complement ends with the quotation: its noun's complement may follow
                end = _with_noun_complements(doc, complement[0], end, window_end)
            content = _content(doc, complement[0], end, quoted)
            if content:
                out.append(_report(content, verb, cue_text, subject, 1))
                return out
        head = doc.char_span(start, start + 1, alignment_mode="expand")
        if head is not None and head[0].i > 0:
            before_mark = doc[head[0].i - 1]
            if before_mark.pos_ in ("DET", "ADJ") and before_mark.i > verb.i:
                # 'un "inacceptable" instrument', and the noun phrase the fragment qualifies: 'la
                # répression chinoise "brutale"', 'le système bancaire et financier français "solide"'
                k = before_mark.i
                while k - 1 > verb.i and doc[k].pos_ != "DET" and not _inside(doc[k - 1].idx, quoted) and (
                        doc[k - 1].pos_ in ("ADJ", "NOUN", "DET") or
                        doc[k - 1].pos_ == "CCONJ" and doc[k].pos_ == "ADJ" and doc[k - 2].pos_ == "ADJ"):
                    k -= 1
                start = doc[k].idx if doc[k].pos_ == "DET" else before_mark.idx
        end = last[1]
        first = doc.char_span(inside[0][0], inside[0][1], alignment_mode="expand")
        first = next((t for t in first if t.is_alpha), None) if first is not None else None
        if start != inside[0][0] or last is inside[0] and first is not None and first.pos_ == "DET":
            # 'sa « confiance totale » dans le système', '« la misère en personnel » des services de soins'
            end = _with_noun_complements(doc, start, end, window_end)
        # 'juge « dangereux » et « inutile » d'accéder … à la demande d'un malade': the infinitive judged
        infinitive = re.match(r"\s*(?:de\s+|d['’]\s*)(?:ne\s+pas\s+|[a-z]['’]\s*|se\s+|s['’]\s*)?(\w+)",
                              text[end:window_end])
        if infinitive:
            word = doc.char_span(end + infinitive.start(1), end + infinitive.end(1), alignment_mode="expand")
            if word is not None and "Inf" in word[0].morph.get("VerbForm"):
                end = window_end
                last = None
        if last is not inside[0] or start != inside[0][0] or end != inside[0][1]:
            content = _content(doc, start, end, quoted)
            if content:
                out.append(_report(content, verb, cue_text, subject, 1, "mixed"))
                return out
        content = _content(doc, inside[0][0], inside[0][1], quoted)
        if content:
            out.append(_report(content, verb, cue_text, subject, 1,
                               "mixed" if text[unit.start:inside[0][0]].strip() else None))
            return out
    # 5. an infinitive or a noun phrase reported: "a nié avoir trahi…", "a démenti les informations…"
    if subject is None or inverted_form:
        return out
    if complement is None and not _reports_nothing(verb):  # the parse missed it: read it from the words
        complement = _complement_by_tokens(verb, lemma, unit, cues, quoted)
    if complement is not None:
        content = _content(doc, complement[0], complement[1], quoted)
        if content and content[1] - content[0] >= 8 and not text[content[0]:content[1] + 1].rstrip().endswith("?") and \
                not (lemma == "émettre" and len(text[content[0]:content[1]].split()) < 3):  # "émettait des doutes": no content
            out.append(_report(content, verb, cue_text, subject, 1))
    return out


# Verbs whose prepositional complement is what was said: "accuse X de …", "tonne contre …", "appelle à …".
_PREP_VERBS = {"accuser": ("de", "d'"), "tonner": ("contre",), "appeler": ("à", "au", "aux"),
               "exhorter": ("à", "au", "aux"), "inviter": ("à", "au", "aux"), "plaider": ("pour", "en"), "protester": ("contre",),
               "garder": ("contre",), "fustiger": ("contre",), "alerter": ("sur",), "insister": ("sur",),
               "mettre": ("contre",), "faire": ("de", "d'", "du", "des"), "militer": ("pour", "contre"),
               "prononcer": ("pour", "contre"), "insurger": ("contre",), "fulminer": ("contre",), "tabler": ("sur",),
               "plaindre": ("de", "d'", "du", "des")}
_ANAPHORIC_HEADS = {"version", "décision", "choix", "geste", "attitude", "réaction", "intervention", "propos", "déclaration", "annonce", "information", "chose",
                    "fait", "point", "position", "avis", "idée", "hypothèse", "thèse"}


_CHANNEL_NOUNS = frozenset("communique entretien interview lettre journal quotidien hebdomadaire radio television "
                           "chaine conference discours message courrier tribune blog reseau site page livre ouvrage "
                           "declaration emission edition colonne".split())
_NOUN_COMPLEMENT_PREPOSITIONS = {"de", "du", "des", "d'", "d’", "dans", "sur", "autour", "envers", "contre", "pour"}


def _with_noun_complements(doc: Doc, start: int, end: int, limit: int) -> int:
    """``end``, moved past the complement of the noun phrase from ``start`` to ``end`` ('la
    « valse-hésitation » autour du dalaï lama', 'sa « confiance totale » dans le système français'); not
    past an addressee, a time, a place or a channel ('des « explications » au gouvernement', '… dans un
    communiqué')."""
    k = next((t.i for t in doc[doc.char_span(start, end, alignment_mode="expand")[-1].i:] if t.idx >= end), len(doc))
    if k >= len(doc) or not (doc[k].lower_ in _NOUN_COMPLEMENT_PREPOSITIONS or
                             doc[k].lower_ == "autour" and k + 1 < len(doc) and doc[k + 1].lower_ in ("de", "du", "des")):
        return end
    words = []
    for t in doc[k:min(k + 9, len(doc))]:
        if t.text in (",", ";", ":", ".", "«", '"', "(", "-", "--") or t.pos_ in ("VERB", "AUX") or \
                t.lower_ in ("qui", "que", "qu'", "dont", "et", "mais", "car", "pour", "à", "au", "aux") and words:
            break
        words.append(t)
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or any(_is_time(t) or t.ent_type_ in ("LOC", "GPE") or _fold(t.lemma_) in _CHANNEL_NOUNS
                        for t in nouns) or words[-1].idx + len(words[-1]) > limit:
        return end
    while words and words[-1].pos_ in ("ADP", "DET", "CCONJ"):
        words.pop()
    return words[-1].idx + len(words[-1]) if words else end


def _reports_nothing(verb: Token) -> bool:
    """Whether the verb says nothing through its complement: negated ("n'a pas démenti", "personne n'a
    dit"), refused ("refusent de révéler"), asked about ("reste à savoir si le plénum révélera"), or
    passive with no agent, its object made its subject ("avait été révélée quelques heures avant …"; not
    "ont été appelés par la CGT à faire grève")."""
    heads = _aux_chain(verb)
    if "Inf" in verb.morph.get("VerbForm") and verb.head.i != verb.i and \
            _lemma(verb.head) in ("refuser", "renoncer", "éviter", "hésiter", "garder", "interdire") and \
            not _negated(verb.head):  # (but "n'a pas hésité à dénoncer …" says it)
        return True
    return _negated(verb) or \
        any(c.dep_ in _SUBJECT_DEPS and c.lower_ in ("personne", "nul", "aucun", "aucune") for h in heads
            for c in h.children) or \
        any(c.dep_ == "aux:pass" for c in verb.children) and not _passive_agent(verb) or \
        verb.dep_ in ("ccomp", "obj", "xcomp") and _lemma(verb.head) in ("savoir", "demander", "ignorer", "interroger") \
        and any(c.dep_ == "mark" and c.lower_ == "si" for h in heads for c in h.children)  # not "Si X a annoncé …, il …"


def _negated(verb: Token) -> bool:
    """"ne … pas/jamais/plus/guère/rien" on the verb group."""
    words = {c.lower_ for h in _aux_chain(verb) for c in h.children}
    return bool(words & {"ne", "n'", "n’"}) and bool(words & {"pas", "jamais", "plus", "guère", "rien"})


_TIME_NOUNS = {"matin", "soir", "jour", "semaine", "mois", "année", "an", "fois", "veille", "lendemain", "reprise",
               "reprises"}


def _is_time(token: Token) -> bool:
    """A time word, or a phrase headed by one: "mercredi", "la semaine dernière", "le 17 octobre"."""
    if token.lower_ in _WEEKDAYS or token.lower_ in MONTHS or token.lower_ in _TIME_NOUNS:
        return True
    words = {t.lower_ for t in token.subtree}
    return bool(words & MONTHS) and any(t.like_num for t in token.subtree)


def _reportable(noun: Token, determiner: Token, lemma: str) -> bool:
    """Whether a speech verb's noun-phrase object is what was said (not a person called, a
    procedure, or an anaphor with no content)."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PER", "ORG") or _person_noun(noun):
        return False  # "a rappelé la nounou": a person is called, not quoted
    if lemma == "demander" and noun.lemma_.lower() in ("autorisation", "permission", "asile", "visa",
                                                       "rendez-vous", "audience"):
        return False  # a procedure, not speech: "demander l'autorisation de manifester"
    if lemma == "déclarer" and "Poss=Yes" not in str(determiner.morph):
        return False  # "a déclaré son intention de …", not "a déclaré X persona non grata"
    if lemma == "indiquer" and not any(t.like_num or t.pos_ == "NUM" for t in noun.subtree):
        return False  # a figure indicated ("a indiqué une perte de 636 millions"), not "indique le rôle …"
    if determiner.lower_ in _DEMONSTRATIVES or (
            noun.lemma_.lower() in _ANAPHORIC_HEADS and
            not any(c.dep_ in ("nmod", "acl", "acl:relcl", "amod") for c in noun.children)):
        return False
    return True


# Words that open a subordinate clause with "que"/"de" ("bien que", "alors que", "afin de"): the
# narrator's, never a report's content.
_SUBORDINATORS = {"bien", "alors", "tandis", "parce", "afin", "même", "sans", "avant", "après", "depuis", "pendant",
                  "dès", "encore"}
# Conjunctions that end a reported clause on their own: "… car …", "… mais …".
_CLAUSE_BREAKS = {"car", "mais", "puisque", "lorsque", "quand"}
# "appelle (X) à …" and stances taken "pour"/"contre" something, from the verbs' prepositions.
_APPEAL_VERBS = frozenset(v for v, preps in _PREP_VERBS.items() if "à" in preps)
_STANCE_VERBS = frozenset(v for v, preps in _PREP_VERBS.items() if set(preps) & set(_STANCE_PREPOSITIONS))
# Verbs whose infinitive complement is what was said: "a assuré ne pas en avoir besoin".
_INFINITIVE_VERBS = _TO_INFINITIVE | {"assurer", "affirmer", "nier", "démentir", "reconnaître", "dire", "annoncer",
                                      "estimer", "expliquer", "déclarer", "avouer"}


# "Le tribunal a jugé le prévenu coupable": a verdict, a decision rather than speech
_COURT_NOUNS = frozenset("tribunal cour juge juridiction conseil jury".split())
_OBJECT_CLITICS = {"lui", "leur", "le", "la", "les", "l'", "l’", "y", "en", "me", "m'", "te", "t'", "nous", "vous"}
# what may stand between a preposition or "en" and its verb: "de ne pas le lui rendre", "en s'adressant"
_BEFORE_VERB = _OBJECT_CLITICS | {"ne", "n'", "n’", "pas", "se", "s'", "s’"}


def _past_clitics(doc: Doc, i: int, stop: int | None = None) -> int:
    """The index of the first token from ``i`` (before ``stop``) that is no clitic or negation."""
    stop = len(doc) if stop is None else stop
    while i < stop and doc[i].lower_ in _BEFORE_VERB:
        i += 1
    return i


def _complement_by_tokens(verb: Token, lemma: str, unit: _Unit, cues: list[Token], quoted) -> tuple[int, int] | None:
    """What a speech verb reports through its complement, read from the words when the parse went
    wrong: past time phrases ("en septembre", "le matin même", "à plusieurs reprises ces derniers
    mois"), an addressee ("au président Nicolas Sarkozy") or an object ("l'Europe") before an
    infinitive ("de ne pas recevoir …", "à développer …"), a stance ("s'est prononcé pour …", "met en
    garde l'Europe contre …") or a noun phrase ("a annoncé en septembre son retour …")."""
    doc = verb.doc
    last = unit.tokens[-1].i + 1

    def skip_time(i: int) -> int:
        while i < last:
            t = doc[i]
            if t.pos_ == "ADV" and t.lower_ not in ("ne", "n'", "pas", "plus", "jamais", "trop") or t.lower_ in _WEEKDAYS:
                i += 1
                continue
            if t.lower_ == "en" and i + 1 < last and (doc[i + 1].lower_ in MONTHS or doc[i + 1].lower_ == "outre" or
                                                      doc[i + 1].like_num):
                i += 2
                continue
            if t.pos_ == "DET" or t.lower_ == "à":  # "le matin même", "ces derniers mois", "le 14 octobre"
                j = i + 1
                while j < last and doc[j].pos_ in ("ADJ", "NUM", "DET"):
                    j += 1
                if j < last and (_is_time(doc[j]) or doc[j].lower_ == "nouveau"):
                    j += 1
                    while j < last and (doc[j].lower_ in ("même", "dernier", "dernière", "derniers", "dernières",
                                                          "prochain", "prochaine") or doc[j].lower_ in MONTHS or
                                        doc[j].like_num):
                        j += 1
                    i = j
                    continue
            break
        return i

    def phrase_end(j: int) -> int:  # a short noun phrase: "ses interlocuteurs", "le président Nicolas Sarkozy"
        k = j
        while k < last and k < j + 8 and (doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or
                                           doc[k].text == "-" or doc[k].text[:1].isupper() and doc[k].pos_ == "PRON") and \
                doc[k].lower_ not in ("de", "d'", "à", "que", "qu'", "contre", "pour"):
            k += 1
        return k

    i = skip_time(verb.i + 1)
    if lemma == "mettre" and i + 1 < last and doc[i].lower_ == "en":
        i = skip_time(i + 2)  # "met en garde", "a mis en cause"
    elif lemma == "faire" and i < last and doc[i].lower_ in ("part", "état"):
        i = skip_time(i + 1)  # "a fait part à ses interlocuteurs de …"
    if i >= last:
        return None
    # an addressee or an object before what is reported
    if doc[i].lower_ in ("à", "au", "aux") and lemma not in _APPEAL_VERBS and lemma != "encourager":
        k = phrase_end(i + 1)
        if k > i + 1 and k < last and doc[k].lower_ in ("de", "d'") or k < last and \
                ("Inf" in doc[k].morph.get("VerbForm") or doc[k].lower_ in ("ne", "n'")):
            i = skip_time(k)
    elif (lemma in _TO_INFINITIVE or lemma == "mettre") and doc[i].pos_ in ("DET", "PROPN", "NOUN", "PRON"):
        k = phrase_end(i)
        # someone addressed ("l'Europe", "les guérilleros"), not a thing asked ("l'autorisation de manifester")
        addressed = any(u.pos_ == "PROPN" or u.ent_type_ or u.text[:1].isupper() and u.pos_ == "PRON" or
                        _person_noun(u) for u in doc[i:k])
        if addressed and i < k < last and doc[k].lower_ in ("à", "de", "d'", "contre"):
            i = k
    if i >= last:
        return None
    t = doc[i]
    nxt = doc[i + 1] if i + 1 < last else None
    start = None
    if t.lower_ in ("de", "d'", "à") and nxt is not None:
        clitics = _past_clitics(doc, i + 1, min(last, i + 3))  # "de le lui rendre"
        clitic_then_infinitive = clitics > i + 1 and clitics < last and "Inf" in doc[clitics].morph.get("VerbForm")
        if lemma in _INFINITIVE_VERBS and (nxt.lower_ in ("ne", "n'", "se", "s'") or clitic_then_infinitive or
                                          "Inf" in nxt.morph.get("VerbForm")):
            start = nxt  # "de ne pas recevoir …", "à libérer leurs otages", "de lui rendre le garçonnet"
        elif (lemma in _APPEAL_VERBS and t.lower_ == "à" or lemma == "faire" and t.lower_ != "à") \
                and nxt.pos_ == "DET":
            start = nxt  # "appelle à la fin des violences", "a fait part de sa préoccupation"
    elif t.lower_ in _STANCE_PREPOSITIONS and lemma in _STANCE_VERBS and nxt is not None and \
            nxt.lower_ not in _DEMONSTRATIVES:  # not "plaidait pour cette solution": an anaphor
        start = nxt
    elif t.lower_ == "en" and nxt is not None and nxt.lower_ == "faveur" and i + 3 < last:
        start = doc[i + 3] if doc[i + 2].lower_ in ("de", "d'") else doc[i + 2]  # "en faveur de …", "en faveur du …"
    elif lemma in _INFINITIVE_VERBS and (t.lower_ in ("ne", "n'") or "Inf" in t.morph.get("VerbForm") and
                                        t.pos_ in ("VERB", "AUX")):
        start = t  # "a assuré ne pas en avoir besoin"
    elif lemma == "juger" and t.pos_ == "DET" and t.lower_ not in _DEMONSTRATIVES and not any(
            c.dep_ in _SUBJECT_DEPS and _fold(c.lemma_) in _COURT_NOUNS for c in verb.children):
        # a judgement: "jugent le système français solide, stable et fiable", "juge la situation préoccupante"
        k = i + 1
        while k < last and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "ADV", "DET", "ADP", "CCONJ") or \
                k < last and doc[k].text == "," and k + 1 < last and doc[k + 1].pos_ == "ADJ":
            k += 1
        nouns = [u for u in doc[i + 1:k] if u.pos_ in ("NOUN", "PROPN")]
        judged = nouns and doc[k - 1].pos_ == "ADJ" and not _nationality(doc[k - 1]) and \
            (k >= last or doc[k].is_punct) and _reportable(nouns[0], t, lemma)
        if judged:
            return (t.idx, doc[k - 1].idx + len(doc[k - 1])) if doc[k - 1].idx + len(doc[k - 1]) - t.idx >= 8 else None
    elif lemma in _NP_VERBS and t.pos_ == "DET" and t.lower_ not in ("que", "qu'"):
        noun = next((u for u in doc[i + 1:min(i + 5, last)] if u.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None and not _is_time(noun) and _reportable(noun, t, lemma):
            start = t  # "a annoncé en septembre son retour à la compétition …"
    if start is None:
        return None
    end = _phrase_stop(start, _clause_end(start, unit, cues, quoted), quoted)
    return (start.idx, end) if end - start.idx >= 8 else None


def _phrase_stop(start: Token, end: int, quoted, punctuation: bool = True) -> int:
    """Where a reported infinitive or noun phrase from ``start`` stops before ``end``: at a comma or a
    full stop, a conjunction opening a clause ("car", "mais") or a subordinate ("bien que", "afin de"),
    when ``punctuation`` (not the commas of a relative's incise, "un e-mail qui, selon lui, prouverait
    …"); after a noun phrase, at a gerund, which qualifies the cue ("a rappelé leur mission en les
    incitant à prêter")."""
    doc = start.doc
    first = doc[min(_past_clitics(doc, start.i), len(doc) - 1)]  # "ne pas manifester", "le lui rendre": an infinitive
    noun_phrase = first.pos_ not in ("VERB", "AUX") and "Inf" not in first.morph.get("VerbForm")
    incise = False
    for u in doc[start.i + 1:]:
        if u.idx >= end:
            break
        if _inside(u.idx, quoted):
            continue
        nxt = doc[u.i + 1] if u.i + 1 < len(doc) else None
        if punctuation and u.text == "," and (incise or doc[u.i - 1].lower_ in ("qui", "que", "qu'", "dont")):
            incise = not incise
            continue
        if punctuation and (u.text in (",", ";", ".", ":", "?", "!") or u.lower_ in _CLAUSE_BREAKS):
            return u.idx
        if punctuation and u.lower_ in _SUBORDINATORS and nxt is not None and \
                nxt.lower_ in ("que", "qu'", "qu’", "de", "d'", "si"):
            return u.idx
        if u.lower_ in ("qui", "que", "qu'", "qu’", "dont", "où"):
            noun_phrase = False  # "des systèmes qui, en privilégiant …": the relative's own gerund
        if noun_phrase and u.lower_ == "en":
            k = _past_clitics(doc, u.i + 1)  # "en les incitant", "en ne cessant"
            if k < len(doc) and doc[k].pos_ in ("VERB", "AUX") and "Part" in doc[k].morph.get("VerbForm") and \
                    "Pres" in doc[k].morph.get("Tense"):
                return u.idx  # (not "une baisse des impôts en 2025, suscitant …")
    return end


def _to_infinitive(token: Token) -> bool:
    """An infinitive clause opened by "à" hung on a noun: "leurs collègues à boycotter …"."""
    return token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm") and token.left_edge.lower_ == "à"


def _carries_on(phrase_end: Token, sibling: Token) -> bool:
    """Whether a complement of the verb right after a reported phrase carries it on ("… pour aider les
    ménages …", "son retour … pour 2009 sous le maillot …"), not circumstances ("sa démission après la
    perte …") or a subordinate clause ("bien qu'il ait reconnu …")."""
    if sibling.left_edge.i != phrase_end.i + 1 or _is_time(sibling):
        return False
    if any(c.dep_ == "mark" and (c.lower_ in _SUBORDINATORS or c.lower_ in _CLAUSE_BREAKS) for c in sibling.children):
        return False
    if sibling.dep_ == "obl:mod":
        return sibling.left_edge.lower_ in ("pour", "sous", "sur", "avec", "en", "auprès", "dans")
    return sibling.dep_ in ("advcl", "xcomp", "acl", "obl:arg")


def _reported_complement(verb: Token, lemma: str, unit: _Unit, cues: list[Token], quoted) -> tuple[int, int] | None:
    """What a speech verb reports through its own complement, read from the parse: an infinitive
    ("a nié hier avoir trahi…", "a annoncé le 17 octobre avoir perdu…"), a noun phrase ("a critiqué
    les efforts…", "exige des garanties…") or a prepositional complement ("a tonné contre cet
    accueil", "les accuse de l'enlèvement…").  Time adverbials and addressees are skipped; a bare
    anaphor ("cette version", "sa décision") reports nothing."""
    doc = verb.doc
    last = unit.tokens[-1].i
    if _reports_nothing(verb) or verb.dep_ == "acl:relcl" and any(c.dep_ == "obj" and c.lower_ in ("que", "qu'")
                                                          for c in verb.children):
        return None  # "n'a pas démenti …", "le garçonnet qu'elle dit avoir pris en charge"
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= verb.i or child.i > last or _inside(child.idx, quoted) and child.dep_ != "obj":
            continue
        cases = [c for c in child.children if c.dep_ in ("case", "mark") and c.i < child.i]
        preposition = cases[0].lower_ if cases else ""
        infinitive = child.pos_ in ("VERB", "AUX") and "Inf" in child.morph.get("VerbForm") or \
            child.pos_ == "VERB" and any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm")
                                         for c in child.children) or \
            any(c.dep_ == "cop" and "Inf" in c.morph.get("VerbForm") for c in child.children)  # "s'être dopé"
        if child.dep_ in ("xcomp", "ccomp", "advcl", "obj") and infinitive and \
                (not preposition or preposition in ("de", "d'", "à")):
            if lemma in ("demander", "proposer", "promettre", "appeler", "exhorter", "inviter") and not preposition and \
                    child.dep_ != "xcomp":
                continue
            start = child.left_edge
            if start.lower_ in ("de", "d'", "à"):
                start = doc[start.i + 1]
        elif child.dep_ == "obj" and lemma in ("appeler", "exhorter", "inviter", "inciter", "encourager") and \
                any(_to_infinitive(c) for c in child.children):
            # "ont appelé leurs collègues à boycotter …", the infinitive hung on the addressee
            child = next(c for c in child.children if _to_infinitive(c))
            start = doc[child.left_edge.i + 1]
        elif child.dep_ == "obj" and lemma in _NP_VERBS and (child.pos_ in ("NOUN", "PROPN") or child.pos_ == "ADJ" and any(
                c.dep_ == "det" for c in child.children)) and \
                not _is_time(child) and lemma != "accuser":  # "accusait X de …": X is accused, not said
            determiners = [c for c in child.children if c.dep_ == "det" and c.i < child.i]
            if not determiners or not _reportable(child, determiners[0], lemma):
                continue
            start = child.left_edge
        elif child.dep_.startswith(("obl", "iobj")) and preposition in _PREP_VERBS.get(lemma, ()) and \
                child.pos_ in ("NOUN", "PROPN", "VERB") and not _is_time(child):
            if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in child.children) and \
                    not any(c.dep_ in ("nmod", "acl", "acl:relcl") for c in child.children):
                continue  # "plaidait pour cette solution": an anaphor reports nothing
            start = doc[cases[0].i + 1]
        elif child.dep_ == "obl:arg" and preposition in ("des", "du") and lemma in _NP_VERBS and \
                child.pos_ == "NOUN":
            start = cases[0]  # "exige des garanties …": a partitive article the parser took for "de"
        elif (child.dep_ == "xcomp" or child.dep_ == "amod" and child.i == verb.i + 1 or
              child.dep_ == "advmod" and all(t.pos_ == "ADV" for t in doc[verb.i + 1:child.i])) and \
                child.pos_ == "ADJ" and lemma in ("dire", "déclarer") and \
                any(c.lower_ in ("se", "s'", "s’") for c in verb.children) and \
                not any(c.dep_ == "ccomp" for c in child.children) and _fold(child.lemma_) not in PERSON_HEADS:
            # "s'est dite favorable à l'euthanasie", "se disent sceptiques": the stance (not "elle aussi",
            # and not "s'est dit victime d'une « chasse aux sorcières »", whose quoted words are the report)
            start = next(t for t in child.subtree if t.pos_ != "PRON" and t.lower_ != "aussi")
        else:
            continue
        # the phrase as the parse delimits it, and what the parse hung on the verb after it, up to the
        # next comma ("la mise en place d'un prêt … pour aider les ménages …")
        end_token = child.right_edge
        for sibling in sorted(verb.children, key=lambda t: t.i):
            if sibling.i <= end_token.i:
                continue
            if not _carries_on(end_token, sibling):
                break
            end_token = sibling.right_edge
        end = _phrase_stop(start, min(end_token.idx + len(end_token), _clause_end(start, unit, cues, quoted)), quoted,
                           punctuation=False)
        for t in doc[start.i:end_token.i]:  # "une rencontre, vite suivie de X": the narrator's apposition
            after = [u for u in doc[t.i + 1:t.i + 4] if u.pos_ != "ADV"]
            if t.text == "," and after and (after[0].pos_ == "VERB" and "Part" in after[0].morph.get("VerbForm") and
                                            "Past" in after[0].morph.get("Tense") or
                                            # "la « fin du génocide » au Tibet, avec quelques heurts …"
                                            after[0].lower_ in ("avec", "tandis", "alors")) and \
                    not _inside(t.idx, quoted):
                end = min(end, t.idx)
                break
        if child.dep_ == "obj":  # "des garanties sur les personnes …, qui contiendra …": the narrator's relative
            relative = re.search(r",\s*(?:qui|dont)\b", _text(doc)[start.idx:end])
            if relative and not _inside(start.idx + relative.start(), quoted):
                end = start.idx + relative.start()
        if end - start.idx >= 8:
            return start.idx, end
    return None


def _from_source(doc: Doc, unit: _Unit, prep: Token, quoted, cues: list[Token] = ()) -> _Found | None:
    """Selon X, … / …, selon X. / d'après X."""
    text = _text(doc)
    nxt = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ in ("lequel", "laquelle", "lesquels", "lesquelles", "que", "qu'", "moi"):
        return None
    # the source phrase: up to the next comma or the sentence end
    source_end = unit.end
    for token in doc[prep.i + 1: unit.tokens[-1].i + 1]:
        if token.text in (",", ";", ".", ":") and not _inside(token.idx, quoted):
            source_end = token.idx
            break
    source_tokens = [t for t in doc[prep.i + 1: unit.tokens[-1].i + 1] if t.idx < source_end]
    for k, t in enumerate(source_tokens):  # "selon le parquet qui s'interroge…": the source is "le parquet"
        if t.lower_ in ("qui", "dont", "lequel", "laquelle") and k > 0:
            source_end = t.idx
            source_tokens = source_tokens[:k]
            break
    if not source_tokens or len(source_tokens) > 20:
        return None
    head = next((t for t in source_tokens if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is not None and head.pos_ == "NOUN" and _fold(head.lemma_ or head.text) in _NO_SOURCE_NOUNS and \
            all(t.pos_ in ("ADJ", "DET") for t in source_tokens if t.i > head.i):
        return None  # "Selon la tradition, …", "selon toute vraisemblance" (not "selon la formule de Jacques Chirac")
    if source_tokens[0].lower_ in ("lui", "elle", "eux", "elles") and len(source_tokens) > 1:
        source_tokens = source_tokens[:1]  # "et soucieux selon lui de la cause du Tibet": the pronoun alone
        source_end = source_tokens[0].idx + len(source_tokens[0])
    # "selon l'un d'eux, le Français Noël Saez", "D'après le pdg de la Société Générale, Daniel
    # Bouton, …": a name in apposition is the source
    after = [t for t in doc[source_tokens[-1].i + 2: min(source_tokens[-1].i + 9, unit.tokens[-1].i + 1)]]
    if after and doc[source_tokens[-1].i + 1].text == "," and after[0].pos_ in ("DET", "PROPN", "NOUN") and \
            not (len(source_tokens) == 1 and source_tokens[0].pos_ == "PRON"):  # not "Selon lui, …"
        stop = next((k for k, t in enumerate(after) if t.text in (",", ".", ";", ":")), None)
        apposition = after[:stop] if stop is not None else []
        verbless = apposition and not any(t.pos_ in ("VERB", "AUX") for t in apposition)
        if verbless and (any(t.ent_type_ == "PER" for t in apposition) or
                         first_name_then_name(doc, apposition[0].i, apposition[-1].i + 1)) and after[0].pos_ != "NOUN":
            source_tokens = source_tokens + [doc[source_tokens[-1].i + 1]] + apposition
            source_end = apposition[-1].idx + len(apposition[-1])
        elif verbless and any(t.ent_type_ == "PER" or t.pos_ == "PROPN" for t in source_tokens) and \
                _fold(next((t for t in apposition if t.pos_ != "DET"), apposition[0]).lemma_) in ROLE_FOLDED:
            source_end = apposition[-1].idx + len(apposition[-1])  # "D'après X, porte-parole du dalaï-lama, …"
    first = prep if prep.lower_ != "après" else doc[prep.i - 1]
    if len(source_tokens) == 1 and source_tokens[0].lower_ in ("lui", "elle", "eux", "elles") and \
            text[:first.idx].rstrip().endswith(",") and text[source_end:source_end + 1] == "," and \
            text[source_end + 1:unit.end].strip(_CONTENT_STRIP) and "," in text[unit.start:first.idx].rstrip()[:-1]:
        return None  # "un e-mail qui, selon lui, prouverait …": a hedge inside the sentence's own report
    # "Pour le PS, qui a dénoncé la « valse-hésitation », Paris mène …": past the source's relative clause
    relative = re.match(r"\s*,\s*(?:qui|dont)\b", text[source_end:unit.end])
    if relative:
        comma = next((t for t in doc[prep.i + 1: unit.tokens[-1].i + 1] if t.idx >= source_end + relative.end() and
                      t.text == "," and not _inside(t.idx, quoted)), None)
        if comma is not None:
            source_end = comma.idx
    before = text[unit.start:first.idx].strip(_CONTENT_STRIP)
    after = text[source_end:unit.end].strip(_CONTENT_STRIP)
    colon_follows = text[source_end:source_end + 1] == ":"
    # "l'accueil officiel a été, selon l'opposition, frileux et confus": the predicate the source qualifies
    lead = [t for t in doc[unit.tokens[0].i:first.i] if not t.is_punct and not t.is_space]
    finite = lambda tokens: any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in tokens)
    following = [t for t in doc[prep.i + 1:unit.tokens[-1].i + 1] if t.idx >= source_end]
    # the side that carries the reported predicate: "Alors que l'inflation, selon les prévisions, s'élèvera à 2%"
    predicate_after = bool(lead) and text[:first.idx].rstrip().endswith(",") and len(after) > 8 and (
        lead[-1].pos_ == "AUX" or not finite(lead) and finite(following))
    if not predicate_after and (len(before) >= len(after) or colon_follows and len(before) > 8):
        span = _content(doc, unit.start, first.idx, quoted)
    else:
        end = unit.end
        # "Selon lui, aucune avancée n'était possible : « On sait … »": the quotation after the colon is
        # its own quote
        colon = re.search(r"\s*:\s*[«“\"]", text[source_end + 1:unit.end])
        if colon and not _inside(source_end + 1 + colon.start(), quoted):
            end = source_end + 1 + colon.start()
        # "Selon une cousine, la nounou lui aurait menti, affirmant à la maman que …": up to the next report
        later = [c for c in cues if c.idx > source_end and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm") and
                 "Pres" in c.morph.get("Tense") and c.i > 0 and doc[c.i - 1].text == ","]
        if later and not _inside(later[0].idx, quoted):
            end = min(end, doc[later[0].i - 1].idx)
        span = _content(doc, source_end, end, quoted)
    if not span:
        return None
    place = [t for t in itertools.takewhile(lambda t: t.text != ",", source_tokens) if t.pos_ == "PROPN"]
    if prep.lower_ == "pour" and place and all(t.ent_type_ in ("LOC", "GPE") or country_name(t.text) for t in place) and \
            not finite(t for t in doc[prep.i + 1:unit.tokens[-1].i + 1] if span[0] <= t.idx < span[1]) and \
            not any(span[0] <= s < span[1] for s, _ in quoted):
        return None  # "Pour la Belgique, Philippe Busquin, président du …": a list of a country's picks, not a view
    found = _report(span, None, text[first.idx: prep.idx + len(prep)], source_tokens, 1)
    found.trailing = span[1] <= first.idx
    return found


_SPEECH_NOUNS = {"annonce", "promesse", "déclaration", "affirmation", "assurance", "avertissement", "aveu",
                 "indication", "démenti", "accusation", "menace", "revendication", "conviction"}


# Speech nouns whose quoted object comes first and their author after: "les appels à « l'union
# nationale » de François Fillon".
_APPEAL_NOUNS = {"appel", "exhortation", "plaidoyer", "mise", "critique", "dénonciation"}
_REPORTING_NOUNS = _SPEECH_NOUNS | _APPEAL_NOUNS


def _appeal_fragment(doc: Doc, noun: Token, quoted) -> _Found | None:
    """« les appels à "l'union nationale" de François Fillon »: the quoted words, said by the named
    author after them."""
    text = _text(doc)
    after = text[noun.idx + len(noun):noun.idx + len(noun) + 40]
    m = re.match(r"\s*(?:en garde\s+)?(?:à|au|aux|pour|contre|en faveur d[eu']\s*)\s*(?=[«\"“])", after)
    if not m:
        return None
    at = noun.idx + len(noun) + m.end()
    closing = next((e for s, e in quoted if s == at), None)
    if closing is None:
        return None
    tail = doc.char_span(closing, min(closing + 80, len(text)), alignment_mode="expand")
    if tail is None or len(tail) < 2 or tail[0].lower_ not in ("de", "du", "des", "d'", "d’"):
        return None
    author = []
    for t in tail[1:]:
        if t.pos_ in ("PROPN", "DET") or t.ent_type_ in ("PER", "ORG"):
            author.append(t)
        else:
            break
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PER", "ORG") for t in author):
        return None
    content = _content(doc, at, closing, quoted)
    if content is None:
        return None
    return _report(content, noun, text[noun.idx:noun.idx + len(noun)], author, 1, "mixed")


def _speech_nouns(doc: Doc, units: list[_Unit], quoted) -> list[_Found]:
    """A speech noun with its content: "l'annonce par l'Élysée que …", "la promesse du président
    américain Donald Trump d'y participer"; the speaker is the noun's agent ("par X") or possessor
    ("de X")."""
    out = []
    text = _text(doc)
    for unit in units:
        for noun in unit.tokens:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _REPORTING_NOUNS or \
                    _inside(noun.idx, quoted):
                continue
            window = [t for t in doc[noun.i + 1: min(noun.i + 10, unit.tokens[-1].i + 1)]]
            agent: list[Token] = []
            content_start = None
            for k, t in enumerate(window):
                if t.text in (".", ";", ":", ",") and content_start is None:
                    break
                if t.lower_ in ("que", "qu'", "qu’") and t.pos_ in ("SCONJ", "PRON"):
                    content_start = t.idx + len(t)
                    break
                if t.lower_ in ("d'", "de") and agent and k + 1 < len(window) and \
                        ("Inf" in window[k + 1].morph.get("VerbForm") or window[k + 1].pos_ == "PRON" and
                         k + 2 < len(window) and "Inf" in window[k + 2].morph.get("VerbForm")):
                    content_start = window[k + 1].idx  # "la promesse de Trump d'y participer"
                    break
                agent.append(t)
            if content_start is None and noun.lemma_.lower() in _APPEAL_NOUNS:
                found = _appeal_fragment(doc, noun, quoted)
                if found is not None:
                    out.append(found)
                continue
            named = [t for t in agent if t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN"]
            if content_start is None or not named or not agent or agent[0].lower_ not in ("par", "de", "du", "des", "d'"):
                continue
            end = _clause_end(doc[min(noun.i + len(agent) + 1, len(doc) - 1)], unit, [], quoted)
            content = _content(doc, content_start, end, quoted)
            if content and content[1] - content[0] > 3:
                out.append(_report(content, noun, text[noun.idx:noun.idx + len(noun)], agent[1:], 1))
    return out


def _incises(doc: Doc, quoted: list[tuple[int, int]]) -> list[_Found]:
    """A cue inside a quotation splits it: « A, a-t-elle indiqué. B » → two quotes of hers."""
    out = []
    text = _text(doc)
    for s, e in quoted:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for token in span[1:-1]:
            if token.i < 1 or doc[token.i - 1].text != ",":
                continue
            if not (token.pos_ == "AUX" or token.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") and (
                    _lemma(token) in SPEECH_VERBS or _cue_form(token) or _incise_verb(token))):
                continue
            verb = token
            if token.pos_ == "AUX" and token.i + 2 < len(doc):  # "a-t-elle indiqué", "a ainsi expliqué"
                nxt = [t for t in doc[token.i + 1: token.i + 4] if not t.lower_.startswith("-") and t.pos_ != "ADV"]
                if nxt and (_lemma(nxt[0]) in SPEECH_VERBS or _cue_form(nxt[0])):
                    verb = nxt[0]
                else:
                    continue
            clitic = _clitic_subject(verb)
            subject = [clitic] if clitic is not None else _inverted_subject(verb)
            if subject:  # "« Pourtant, assure un analyste, le contrôle … »": the subject ends at its comma
                subject = _before_comma(subject)
            if not subject:
                continue
            after = max(verb.idx + len(verb), *(t.idx + len(t) for t in subject))
            # (the subject's own relative clause belongs to the incise: "explique l'Américain qui vient
            # d'annoncer son retour à la compétition. Les échantillons …")
            m = re.match(r"[^,.;!?»\"”]{0,40}?[,.;!?]", text[after:e]) or \
                re.match(r"\s+(?:qui|dont)\s[^,.;!?»\"”]{0,120}?[,.;!?]", text[after:e])
            if not m:
                continue
            first = _content(doc, s + 1, doc[token.i - 1].idx, quoted)
            second = _content(doc, after + m.end(), e - 1, [])
            cue_text = text[token.idx: verb.idx + len(verb)]
            for part in (first, second):
                if part and part[1] - part[0] > 2:
                    out.append(_report(part, verb, cue_text, subject, 4, "direct"))
            break
    return out


def _split_lists(doc: Doc, found: list[_Found], quoted) -> list[_Found]:
    """« A », « B », insistent ses proches: one quote per quotation; "Les délais… : « A »" starts after
    the colon."""
    text = _text(doc)
    out = []
    for item in found:
        inner = [(s, e) for s, e in quoted if item.start - 1 <= s and e <= item.end + 1]
        if item.kind == "mixed" and len(inner) >= 2 and all(
                re.fullmatch(r"[\s,;.…]*(?:\(sic\))?[\s,;.…]*(?:ou|et)?\s*", text[a[1]:b[0]])
                for a, b in zip(inner, inner[1:])) and \
                not text[item.start:inner[0][0]].strip() and not text[inner[-1][1]:item.end].strip():
            for s, e in inner:
                part = _content(doc, s, e, quoted)
                if part:
                    out.append(_report(part, item.cue, item.cue_text, item.subject, item.priority))
            continue
        if item.kind == "mixed" and inner:
            colon = text.rfind(":", item.start, inner[-1][0] + 1)
            if colon >= 0 and not text[colon + 1:inner[-1][0]].strip() and \
                    not text[inner[-1][1]:item.end].strip(_CONTENT_STRIP):
                part = _content(doc, inner[-1][0], inner[-1][1], quoted)
                if part:
                    item.start, item.end = part[0], part[1]
                    item.kind = part[2]
        out.append(item)
    return out


def _cut_at_other_cues(doc: Doc, found: list[_Found]) -> list[_Found]:
    """A complement clause stops where another report starts: "…, tout en précisant que …"."""
    text = _text(doc)
    for item in found:
        if item.priority != 2:
            continue
        for other in found:
            if other is item or other.cue is None or not (item.start < other.cue.idx < item.end):
                continue
            cut = _cue_group_start(other.cue).idx
            if other.priority == 3 and other.end <= cut:  # an inverted cue closing a content: not ours
                continue
            head = text[item.start:cut]
            m = max(head.rfind(","), head.rfind(" tout en "), head.rfind(" et "), head.rfind(" mais "),
                    head.rfind(" puis "))
            if m <= 0:
                continue
            end = item.start + m
            trimmed = _content(doc, item.start, end, _quoted(doc))
            if trimmed:
                item.start, item.end = trimmed[0], trimmed[1]
                item.kind = trimmed[2]
    return found


def _resolve_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the best reading when two cues claim overlapping content; at equal strength a speech
    verb's own report before a trailing source adjunct ("Elle avait ajouté avoir …, selon la
    version des faits": the adjunct names who relays it; but "Selon lui, …" governs the sentence)."""
    kept: list[_Found] = []
    # "D'après X, porte-parole du dalaï-lama, ce dernier a fait part de …": the source only relays a
    # report that has its own cue and speaker, which wins
    relays = {id(f) for f in found if f.cue is None and
              any(o.cue is not None and o.subject and f.start <= o.cue.idx < f.end and
                  abs(o.subject[0].idx - f.start) <= 3 for o in found)}
    for item in sorted(found, key=lambda f: (-f.priority, f.trailing, id(f) in relays, f.start)):
        clash = False
        for other in kept:
            overlap = min(item.end, other.end) - max(item.start, other.start)
            if overlap > 0.5 * min(item.end - item.start, other.end - other.start):
                clash = True
                break
        if not clash:
            kept.append(item)
    return kept


def _continuations(doc: Doc, units: list[_Unit], quoted, found: list[_Found]) -> list[_Found]:
    """A quotation with no cue of its own is the words of whoever the text is quoting or talking
    about: a unit that is nothing but a quotation, or a sentence-like quotation (four words or more,
    a capital first) anywhere no quote was found."""
    out = []
    text = _text(doc)
    taken = [(f.start, f.end) for f in found]
    for s, e in quoted:
        if any(a < e and s < b for a, b in taken):
            continue
        part = _content(doc, s, e, quoted)
        if not part or part[2] != "direct":
            continue
        inner = text[part[0]:part[1]]
        unit = next((u for u in units if u.start <= s < u.end + 1), None)
        alone = unit is not None and not text[unit.start:s].strip(" «\"“") and \
            not text[e:unit.end].strip(_CONTENT_STRIP + "»\"”")
        sentence_like = len(inner.split()) >= 4 and inner[:1].isupper() and \
            (alone or re.search(r"[.!?…]\s*$", inner) or len(inner.split()) >= 8)
        if not (alone and len(inner.split()) >= 2 or sentence_like):
            item = _predicate_quoted(doc, unit, s, e, quoted, found, taken) if unit is not None else None
            if item is not None:
                out.append(item)
                taken.append((item.start, item.end))
            continue
        paragraph_start = text.rfind("\n", 0, s) + 1
        paragraph_end = text.find("\n", e)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        heading = not text[paragraph_start:s].strip() and not text[e:paragraph_end].strip() and \
            len(inner.split()) <= 10 and not re.search(r"[.!?…]\s*$", inner)
        if heading or inner.lower() in (text[:s] + text[e:]).lower():
            continue  # a subheading, or a pull-quote repeating words quoted elsewhere
        out.append(_Found(part[0], part[1], None, "", None, 0, "direct", context=True))
        taken.append((s, e))
    return out



_CONNECTIVE = re.compile(r"(?:Mais|Et puis|Et|Or|Pourtant|Cependant|Ainsi|Enfin|Puis|Toutefois|Néanmoins|Par ailleurs),?\s+")


def _predicate_quoted(doc: Doc, unit: _Unit, s: int, e: int, quoted, found: list[_Found], taken) -> _Found | None:
    """A sentence with no cue whose own predicate is quoted, soon after a quote ("Les banques
    françaises « ont subi des pertes, je ne le cache pas »", "le gouvernement colombien « a mis au
    point une stratégie différente »"): more words of the speaker the text is quoting, one mixed
    quote over the sentence.  A quoted term or title carries no predicate and makes none."""
    text = _text(doc)
    if any(a < unit.end and unit.start < b for a, b in taken) or any(_is_cue(t, quoted) for t in unit.tokens):
        return None
    words = doc.char_span(s, e, alignment_mode="expand")
    root = next((t for t in unit.tokens if t.dep_ == "ROOT"), None)
    if words is None or len([t for t in words if t.is_alpha]) < 3 or root is None or not s < root.idx < e:
        return None
    earlier = [f.end for f in found if f.end <= unit.start]
    if not earlier or text.count("\n", max(earlier), unit.start) > 2:
        return None  # the text is not quoting anyone just now
    if _writers_question(text, unit.start, unit.end, quoted):
        return None
    connective = _CONNECTIVE.match(text, unit.start, unit.end)
    part = _content(doc, connective.end() if connective else unit.start, unit.end, quoted)
    if not part or part[2] != "mixed":
        return None
    return _Found(part[0], part[1], None, "", None, 0, "mixed", context=True)


_FIRST_PERSON = re.compile(r"\b(?:[Jj]e|[Jj]['’]|[Nn]ous|[Mm]oi|me|m['’]|[Mm]on|[Mm]a|[Mm]es|[Nn]otre|[Nn]os)\b")  # not "Me Dupont"
_SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)
_INTERVIEW_CREDIT = re.compile(r"(?:propos\s+)?recueillis?\s+par\b|interview\s+réalisée\s+par\b", re.IGNORECASE)


def _interview_answers(doc: Doc, quoted, mentions) -> list[_Found]:
    """The answers of a question-and-answer interview: paragraphs that each ask one question (not in
    quotation marks), at least two, each followed by answer paragraphs in the first person. An answer
    runs from its question to the next one; it is a direct quote (with no quotation marks) of the
    person the introduction names first."""
    text = _text(doc)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
    def question(start: int, end: int) -> bool:
        words = text[start:end].strip()
        return words.endswith("?") and len(words.split()) <= 40 and not any(
            s < end and start < e for s, e in quoted) and not words.startswith(("-", "—", "–"))
    asked = [k for k, (a, b) in enumerate(paragraphs) if k > 0 and question(a, b)]
    # the journalist asks someone ("Comment réagissez-vous … ?"); a column's rhetorical questions, in
    # the first person ("Serions-nous vraiment … ?"), ask no one
    questions = [text[paragraphs[k][0]:paragraphs[k][1]] for k in asked]
    ours = [q for q in questions if _FIRST_PERSON.search(q) and not _SECOND_PERSON.search(q)]
    if len(asked) < 2 or not any(_SECOND_PERSON.search(q) for q in questions) or 2 * len(ours) >= len(questions):
        return []
    lead_end = paragraphs[asked[0]][0]
    # who the introduction is about: a person it names as a subject ("… la ministre Barbara Pompili a
    # répondu à nos questions", not "Après la démission de Nicolas Hulot"), else the last it names
    named = [m for m in mentions if m.label == "PER" and m.end <= lead_end and not _inside(m.start, quoted)]
    if not named:
        return []
    def subject(m) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        return root is not None and (root.dep_ in _SUBJECT_DEPS or
                                     root.dep_ in ("appos", "flat:name", "nmod") and root.head.dep_ in _SUBJECT_DEPS
                                     and not any(c.dep_ == "case" for c in root.children))
    person = ([m for m in named if subject(m)] or named)[-1]
    blocks = []
    for n, k in enumerate(asked):
        last = asked[n + 1] - 1 if n + 1 < len(asked) else len(paragraphs) - 1
        while last > k and (_INTERVIEW_CREDIT.match(text[paragraphs[last][0]:paragraphs[last][1]].strip()) or
                            len(text[paragraphs[last][0]:paragraphs[last][1]].split()) <= 3 and n + 1 == len(asked) and
                            last > k + 1):
            last -= 1  # "Propos recueillis par …", a signature
        if last > k:
            blocks.append((paragraphs[k + 1][0], paragraphs[last][1]))
    if len(blocks) < 2 or sum(bool(_FIRST_PERSON.search(_unquoted(text, a, b, quoted))) for a, b in blocks) * 2 < len(blocks):
        return []
    speaker = doc.char_span(person.start, person.end, alignment_mode="expand")
    out = []
    for a, b in blocks:  # the whole answer, its last full stop and any quotation marks in it included
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        out.append(_Found(a, b, None, "", list(speaker), 0, "direct"))
    return out


def _unquoted(text: str, start: int, end: int, quoted) -> str:
    """The words from ``start`` to ``end`` outside quotation marks."""
    inner = sorted((max(s, start), min(e, end)) for s, e in quoted if s < end and start < e)
    out, at = [], start
    for s, e in inner:
        out.append(text[at:s])
        at = max(at, e)
    out.append(text[at:end])
    return " ".join(out)
