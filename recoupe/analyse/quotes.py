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
  - a quote standing alone right after a quote keeps that quote's speaker;
* the reported content is a *direct* quote when it is exactly one quotation-marked span (the span
  is then the words inside the marks), *mixed* when it contains quotation marks, else *indirect*;
* the speaker is the named person of the cue's subject (an apposition counts: "le secrétaire
  général de l'Otan, Mark Rutte"), a role phrase resolved to the person the article gave that role
  ("le secrétaire général de l'alliance atlantique" → Mark Rutte), a pronoun resolved to the person
  the article was last talking about, an organisation or place ("le Kremlin"), or — for groups and
  anonymous sources ("les responsables occidentaux", "de source diplomatique") — the phrase itself
  with no entity.  Names the cleaner moved to ``author``/``credits`` are never speakers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from ..records import Mention, Quote

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
""".split())
# Verbs that report an utterance only with a complement clause or a quotation (not "X a appelé Y").
_CLAUSE_ONLY = frozenset({"appeler", "considérer", "croire", "estimer", "juger", "noter", "souhaiter",
                          "saluer", "soutenir", "garantir", "observer", "relever", "évoquer", "interroger",
                          "menacer", "accuser", "lancer", "poursuivre", "informer", "qualifier", "exiger",
                          "réclamer", "promettre", "répéter", "rappeler", "réaffirmer", "confirmer", "acter",
                          "mentionner", "regretter", "déplorer", "dénoncer", "saluer", "signaler"})
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
_PRONOUNS = {"il": "m", "-il": "m", "-t-il": "m", "elle": "f", "-elle": "f", "-t-elle": "f", "lui": "m",
             "celui-ci": "m", "celle-ci": "f", "ils": "p", "-ils": "p", "-t-ils": "p", "elles": "p",
             "-elles": "p", "-t-elles": "p", "eux": "p", "dernier": "m", "dernière": "f"}
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
_SOURCE_PREPS = {"selon", "d'après"}
_CONTENT_STRIP = " \t\n,;:.—–-"
# Nouns that name a position a person holds: a role phrase is headed by one of them.
ROLE_NOUNS = frozenset("""
président présidente vice-président vice-présidente secrétaire ministre chef cheffe porte-parole directeur
directrice général générale amiral commandant commandante chancelier chancelière roi reine prince princesse
pape maire député députée sénateur sénatrice ambassadeur ambassadrice envoyé envoyée conseiller conseillère
dirigeant dirigeante patron patronne procureur procureure juge gouverneur gouverneure commissaire émissaire
négociateur négociatrice représentant représentante délégué déléguée leader candidat candidate fondateur
fondatrice pdg adjoint adjointe colonel capitaine lieutenant maréchal responsable expert experte analyste
professeur professeure docteur avocat avocate économiste journaliste correspondant correspondante
spécialiste chercheur chercheuse coordinateur coordinatrice médiateur médiatrice rapporteur rapporteure
militant militante opposant opposante entraîneur sélectionneur archevêque évêque cardinal imam rabbin émir
monarque homologue successeur prédécesseur ex-président ex-ministre premier première haut-commissaire
administrateur administratrice préfet préfète magistrat ayatollah cheikh présidentiable diplomate
""".split())
_ROLE_FOLDED = frozenset(re.sub(r"[^a-z0-9]+", " ", unidecode(r).lower()).strip() for r in ROLE_NOUNS)
# Speech verbs whose noun-phrase object is what was said: "a démenti les informations", "exige des garanties".
_NP_VERBS = frozenset("""
annoncer démentir critiquer dénoncer mentionner constater déclarer mettre réclamer exiger demander évoquer confirmer nier réaffirmer promettre
regretter déplorer proposer pointer émettre souligner rappeler fustiger condamner
accuser contester revendiquer prôner plaider suggérer recommander affirmer réitérer qualifier
""".split())
_ORG_NOUNS = {"banque", "journal", "quotidien", "hebdomadaire", "groupe", "etablissement", "societe",
              "entreprise", "agence", "association", "syndicat", "parti", "organisation", "institution",
              "federation", "chaine", "site", "magazine", "mutuelle", "assureur", "constructeur", "firme",
              "radio", "television", "station", "televise", "media", "revue"}
_THING_NOUNS = {"communique", "texte", "rapport", "document", "decret", "lettre", "message", "courrier",
                "projet", "loi", "decision", "etude", "enquete", "sondage", "version", "gouvernement",
                "ministere", "parquet", "tribunal", "police", "armee", "justice", "presidence", "cabinet",
                "commission", "conseil", "comite", "etat", "pays", "ville", "mairie", "elysee", "opposition",
                "majorite", "famille", "entourage", "defense", "accusation", "direction"}
_GROUP_HEADS = {"responsable", "dirigeant", "source", "expert", "analyste", "diplomate", "observateur",
                "habitant", "manifestant", "syndicat", "enquêteur", "témoin", "militant", "élu",
                "officiel", "autorité", "proche", "membre", "spécialiste", "médecin", "chercheur"}


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


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations *including* their marks, paired within each paragraph."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        for i, ch in enumerate(paragraph):
            if ch in _QUOTE_PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, i))
            elif stack and ch == _QUOTE_PAIRS[stack[-1][0]]:
                opener, at = stack.pop()
                if not stack:
                    spans.append((offset + at, offset + i + 1))
            elif ch == '"' and not stack:
                if straight is None:
                    straight = i
                else:
                    spans.append((offset + straight, offset + i + 1))
                    straight = None
        offset += len(paragraph) + 1
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls in one of ``spans`` (disjoint, as ``quotation_spans`` gives them)."""
    if not spans:
        return False
    key = id(spans)
    cached = _STARTS.get(key)
    if cached is None or cached[0] is not spans or len(cached[1]) != len(spans):
        ordered = sorted(spans)
        cached = (spans, [s for s, _ in ordered], ordered)
        if len(_STARTS) > 64:
            _STARTS.clear()
        _STARTS[key] = cached
    _, starts, ordered = cached
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < ordered[i][1]


_STARTS: dict[int, tuple] = {}


def _text(doc: Doc) -> str:
    """The document's text, built once (spaCy's ``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get("recoupe_text")
    if text is None:
        text = doc.user_data["recoupe_text"] = doc.text
    return text


def _sent(token: Token) -> Span:
    """The token's sentence, from a per-document table (spaCy's ``Token.sent`` rescans the whole
    document on every call)."""
    doc = token.doc
    table = doc.user_data.get("recoupe_sentences")
    if table is None or len(table) != len(doc):
        table = [None] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                table[i] = sent
        doc.user_data["recoupe_sentences"] = table
    return table[token.i]


def _units(doc: Doc, spans: list[tuple[int, int]]) -> list[_Unit]:
    units: list[_Unit] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        # a quotation opened in the previous unit and still open here: one unit
        if units and any(s < units[-1].end and e > start for s, e in spans) and \
                "\n" not in _text(doc)[units[-1].end:start]:
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


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _cue_form(token: Token) -> bool:
    text = token.lower_
    for clitic in ("-t-il", "-t-elle", "-t-on", "-il", "-elle", "-on", "-ils", "-elles"):
        text = text.removesuffix(clitic)
    return text in _CUE_FORMS


def _is_cue(token: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``token`` is a speech cue (memoised per document: the rules ask many times)."""
    memo = token.doc.user_data.setdefault("recoupe_cues", {})
    found = memo.get(token.i)
    if found is None:
        found = memo[token.i] = _cue_rule(token, quoted)
    return found


_SPECIAL_CUES = frozenset({"mettre", "faire", "remarquer", "valoir", "savoir", "observer", "apprendre"})


def _cue_rule(token: Token, quoted: list[tuple[int, int]]) -> bool:
    if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
        return False
    lemma = _lemma(token)
    if lemma not in SPEECH_VERBS and lemma not in _SPECIAL_CUES and token.lower_ not in _SPECIAL_CUES and \
            not _cue_form(token):
        return False  # the cheap test first: most tokens are no speech verb
    if _inside(token.idx, quoted):
        return False
    doc = token.doc
    back = [t.lower_ for t in doc[max(token.i - 5, 0):token.i]]
    if "comme" in back and any(w in ("il", "elle", "ils", "elles", "on", "je", "nous", "vous")
                               for w in back[back.index("comme") + 1:]):
        return False  # "…, comme elle l'avait demandé, …": an aside
    if token.lower_.startswith("demand") and re.match(r"\s*qu(?:e\s+|['’]\s*)à\b", _text(doc)[token.idx + len(token):token.idx + len(token) + 8]):
        return False  # "elle ne demande qu'à prêter": only wants to
    if "Inf" in token.morph.get("VerbForm") and token.i > 0 and doc[token.i - 1].lower_ in ("pour", "afin"):
        return False  # "une fréquence FM pour évoquer la liberté d'expression": a purpose, not a report
    if _lemma(token) == "répondre" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("de", "d'", "d’"):
        return False  # "répondre de ses actes": to answer for, not to reply
    if token.pos_ == "VERB" and token.dep_ in ("acl", "amod") and "Part" in token.morph.get("VerbForm") and \
            "Past" in token.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in token.children):
        return False  # "les opérations dites « fictives »", "l'injection annoncée par l'État"
    if token.pos_ in ("VERB", "AUX") and (_lemma(token) in SPEECH_VERBS or _cue_form(token)):
        return True
    # "ont mis en garde contre …", "a mis en cause la constitution …", "a mis en avant l'existence …"
    if _lemma(token) == "mettre" and token.pos_ == "VERB" and token.i + 2 < len(doc) and \
            doc[token.i + 1].lower_ == "en" and doc[token.i + 2].lower_ in ("garde", "cause", "avant"):
        return True
    # "a fait part de son « inquiétude »", "a fait état de la convocation …"
    if _lemma(token) == "faire" and token.pos_ in ("VERB", "AUX") and token.i + 2 < len(doc) and \
            doc[token.i + 1].lower_ in ("part", "état") and doc[token.i + 2].lower_ in ("de", "d'", "du", "des"):
        return True
    # "font remarquer que", "fait valoir que", "a fait savoir que"
    if token.lower_ in ("remarquer", "valoir", "savoir", "observer") and token.i > 0 and \
            any(t.lemma_ == "faire" for t in doc[max(token.i - 3, 0):token.i]):
        return True
    # "a-t-on appris auprès de …", "a-t-on appris de source judiciaire"
    if _lemma(token) == "apprendre" and any(t.lower_ in ("-on", "-t-on", "on") for t in doc[max(token.i - 3, 0):token.i + 2]) \
            and any(t.lower_ in ("auprès", "source") for t in doc[token.i + 1:token.i + 4]):
        return True
    # a present-tense cue the tagger took for a noun: "», conclut Fabrice Delloye"
    return token.pos_ in ("NOUN", "PROPN", "ADJ") and _cue_form(token) and token.i > 0 and \
        token.doc[token.i - 1].text in (",", "»", '"', "”") and not token.ent_type_ and \
        not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")  # not "Lance Armstrong"


_CLITICS = ("-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles")
_REGION_STOP = {"lors", "devant", "dans", "sur", "en", "après", "avant", "pendant", "qui", "que", "qu'",
                "lequel", "laquelle", "dont", "où", "au", "aux", "à", "avec", "par", "pour", "depuis", "selon"}
_NOT_AFTER = {"de", "d'", "du", "des", "à", "au", "aux", "avec", "par", "pour", "contre", "chez", "sur", "entre"}


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


def _aux_chain(verb: Token) -> list[Token]:
    return [verb] + [c for c in verb.children if c.dep_.startswith("aux")]


def _preverbal_subjects(verb: Token) -> list[Token]:
    heads = _aux_chain(verb)
    # a gerund or participle reports for its governor's subject: "tout en précisant que"
    if not any(c.dep_ in _SUBJECT_DEPS for h in heads for c in h.children) and \
            (verb.dep_ in ("advcl", "xcomp", "conj") or "Inf" in verb.morph.get("VerbForm")) and verb.head.i != verb.i:
        head = verb.head
        # "X a cherché mercredi lors de sa conférence de presse à rassurer …": up to the verb with a subject
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        heads = _aux_chain(head)
    return [c for h in heads for c in h.children
            if c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not c.lower_.startswith("-")]


def _without_relatives(tokens: list[Token]) -> list[Token]:
    dropped = set()
    for token in tokens:
        if token.dep_ in ("acl:relcl", "acl", "parataxis") and token.i not in dropped:
            dropped.update(t.i for t in token.subtree)
    return [t for t in tokens if t.i not in dropped]


def _subject(verb: Token) -> list[Token] | None:
    """The words before ``verb`` designating whoever performs it (relative clauses cut)."""
    subjects = _preverbal_subjects(verb)
    if subjects and subjects[0].lower_ == "qui" and verb.dep_ in ("acl:relcl", "acl") and verb.head.i < verb.i:
        qui = subjects[0]
        k = qui.i - 1 if qui.i > 0 and verb.doc[qui.i - 1].text != "," else qui.i - 2
        for ent in _sent(verb).ents:  # "Jack Lang, Robert Badinter et Jean-Louis Bianco qui a déclaré": the nearest name
            root = ent.root if ent.root.dep_ != "conj" else ent.root.head
            if ent.end - 1 == k and ent.label_ in ("PER", "ORG") and not root.dep_.startswith(("nmod", "obl")) and \
                    (ent.start == 0 or verb.doc[ent.start - 1].lower_ not in _NOT_AFTER):
                return list(ent)
        antecedent = verb.head  # "Jean-Louis Bianco, qui a estimé que": the relative's antecedent
        return [t for t in antecedent.subtree if t.i < subjects[0].i and t.text != ","] or [antecedent]
    if not subjects and verb.dep_ in ("advcl", "acl") and "Part" in verb.morph.get("VerbForm"):
        # "Prétextant qu'…, le septuple vainqueur a fait connaître …": the main clause's subject
        root = _sent(verb).root
        main = [c for h in _aux_chain(root) for c in h.children if c.dep_ in _SUBJECT_DEPS and c.i > verb.i]
        if main and root.i != verb.i:
            tokens = _without_relatives([t for t in main[0].subtree])
            if tokens and any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
                return tokens
    if not subjects:
        # the parser missed the subject ("Macron" tagged as an adverb): the words just before the
        # verb group, back to the clause's comma or the sentence start
        group = _cue_group_start(verb)
        tokens = []
        for token in reversed(verb.doc[_sent(verb).start: group.i]):
            if token.text in (",", ";", ":", "«", "»", '"') or token.pos_ in ("VERB",):
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
    # skip adverbs and time words: "a ajouté mercredi", "a également précisé"
    while i < end and (doc[i].pos_ in ("ADV",) or doc[i].lower_ in _WEEKDAYS or
                       doc[i].lower_ in ("soir", "matin", "dernier")):
        i += 1
    if i < end and doc[i].text == ",":  # "a lancé, la semaine dernière, son patron, Patrick Werner"
        close = next((j for j in range(i + 1, min(i + 6, end)) if doc[j].text == ","), None)
        if close is not None and any(t.lower_ in _WEEKDAYS or t.lower_ in _MONTHS or
                                     t.lower_ in ("semaine", "mois", "soir", "matin", "veille", "lendemain")
                                     for t in doc[i + 1:close]):
            i = close + 1
    if i < end and doc[i].lower_ in ("à", "au", "aux", "devant", "sur", "dans"):
        # "a déclaré à l'AFP le procureur de la République, Jacques Dallest"
        for j in range(i + 2, min(i + 7, end)):
            if doc[j].pos_ == "DET" and doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j - 1].text != ",":
                i = j
                break
    if i >= end or doc[i].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or doc[i].is_punct:
        return None
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


_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui"}


def _cue_group_start(verb: Token) -> Token:
    """The first token of a cue's verb group: ", a-t-il également ajouté" → "a"."""
    first = verb
    for token in reversed(verb.doc[max(verb.i - 6, 0): verb.i]):
        if token.pos_ == "AUX" or token.pos_ == "ADV" and token.text.islower() or \
                token.lower_ in ("-t", "ne", "n'", "pas", "t") or token.lower_.startswith("-"):
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
    for token in doc[verb.i + 1: min(verb.i + 9, len(doc))]:
        if token.lower_ in ("que", "qu'", "qu’") and token.pos_ in ("SCONJ", "PRON", "ADV", "CCONJ"):
            if token.pos_ == "PRON" and token.dep_ == "obj" and token.i > 0 and doc[token.i - 1].lower_ != "ce" and \
                    doc[token.i - 1].pos_ in ("NOUN", "PROPN"):
                return None  # "indique le rôle qu'il a joué": a relative pronoun
            return token
        if token.lower_ == "si" and token.pos_ == "SCONJ" and lemma in ("demander", "interroger"):
            return token  # "se demandant si …": an indirect question
        if token.text in (".", ";", ":", "«", '"') or _is_cue(token, quoted) or token.text == "," and \
                token.i > verb.i + 1 and doc[token.i - 1].pos_ != "PROPN":
            break
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


def _clause_end(start_token: Token, unit: _Unit, cues: list[Token], quoted) -> int:
    """Where a complement clause ends: the sentence end, or before the next cue it runs into."""
    end = unit.end
    # "…, selon un enregistrement de ses déclarations": the source adjunct of the cue's clause
    source = re.search(r",\s+(?:selon|d'après|d’après)\s", _text(start_token.doc)[start_token.idx:end])
    if source:
        end = start_token.idx + source.start()
    for cue in cues:
        if cue.i > start_token.i and cue.idx < end:
            group = _cue_group_start(cue)
            cut = group.idx
            before = _text(cue.doc)[start_token.idx:cut]
            # cut at the comma (or "tout en", "et") that introduces the next report
            m = max(before.rfind(","), before.rfind(" et "), before.rfind(" tout en "), before.rfind(" mais "),
                    before.rfind(" puis "))
            if m <= 0:
                continue  # a report nested in the clause ("que les États-Unis avaient proposé …")
            end = min(end, start_token.idx + m)
    return end


def find_quotes(doc: Doc, mentions: tuple[Mention, ...] | list[Mention],
                not_speakers: tuple[str, ...] = ()) -> list[Quote]:
    """Every quote of one analysed article (``doc`` is its parse; ``mentions`` its entity mentions)."""
    text = _text(doc)
    quoted = quotation_spans(text)
    units = _units(doc, quoted)
    found: list[_Found] = []
    for unit in units:
        cues = [t for t in unit.tokens if _is_cue(t, quoted)]
        sources = [t for t in unit.tokens if (t.lower_ == "selon" or
                                                (t.lower_ in ("après", "d'après") and t.i > 0 and
                                                 doc[t.i - 1].lower_ in ("d'", "d’")) or t.lower_ == "d'après")
                   and not _inside(t.idx, quoted)]
        for token in unit.tokens:  # any verb right after a closing quotation mark: "», s'amuse un proche"
            if token not in cues and token.pos_ in ("VERB",) and not _inside(token.idx, quoted) and \
                    re.search(r"[»\"”]\s*,?\s*$", text[unit.start:_cue_group_start(token).idx]) and \
                    (_clitic_subject(token) is not None or _inverted_subject(token)):
                cues.append(token)
        cues.sort(key=lambda t: t.i)
        for verb in cues:
            reported = _from_cue(doc, unit, verb, cues, quoted)
            if _sent(verb).text.rstrip().endswith("?"):  # the writer's own question: only quotations count
                reported = [f for f in reported if getattr(f, "kind", "") == "direct"]
            found.extend(reported)
        # "Pour Christine Lagarde, « … »", "Pour lui, …", "Du point de vue de Pékin, …": a perspective
        for token in unit.tokens:
            if token.lower_ not in ("pour", "vue") or _inside(token.idx, quoted):
                continue
            sentence_start = _sent(token).start
            lead = [t for t in doc[sentence_start:token.i] if not t.is_space]
            if token.lower_ == "vue":
                if [t.lower_ for t in lead[-3:]] not in (["du", "point", "de"], ["point", "de"]) or \
                        token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("de", "d'", "du", "des"):
                    continue
            elif lead and not all(t.pos_ in ("CCONJ", "ADV") for t in lead):
                continue
            comma = next((t for t in doc[token.i + 1: min(token.i + 9, len(doc))] if t.text == ","), None)
            if comma is None:
                continue
            between = [t for t in doc[token.i + 1: comma.i] if t.pos_ not in ("ADP", "DET")]
            if between and (all(t.ent_type_ in ("PER", "ORG", "LOC") or t.pos_ == "PROPN" for t in between) or
                            len(between) == 1 and between[0].lower_ in ("lui", "elle", "eux", "elles")):
                sources.append(token)
        for prep in sources:
            item = _from_source(doc, unit, prep, quoted)
            if item:
                found.append(item)
    found.extend(_incises(doc, quoted))
    found.extend(_speech_nouns(doc, units, quoted))
    found = _resolve_overlaps(_split_lists(doc, _cut_at_other_cues(doc, found), quoted))
    # a quotation standing alone after a quote: same speaker
    found.extend(_continuations(doc, units, quoted, found))
    found = [f for f in found if not re.fullmatch(r"-?t?-?(?:il|elle|on|ils|elles)", text[f.start:f.end].strip().lower())]
    found.sort(key=lambda f: f.start)
    return _with_speakers(doc, found, mentions, quoted, not_speakers)


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
        if any(t.text == "," for t in inverted):
            inverted = inverted[:[t.text for t in inverted].index(",")]
        subject_end = inverted[-1].idx + len(inverted[-1])
        comme = before.lower().rfind("comme")
        after = text[subject_end:unit.end]
        if after.strip(_CONTENT_STRIP + "»\"”"):
            content = _content(doc, subject_end, unit.end, quoted)
        else:
            content = _content(doc, unit.start, unit.start + comme, quoted)
        if content:
            out.append(_Found(content[0], content[1], verb, cue_text, inverted, 3))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
        return out
    # 1. inverted cue after the content: « … », a-t-il ajouté / …, a indiqué X
    inverted_form = before.endswith((",", "»", '"', "”")) and (
        not _preverbal_subjects(verb) or clitic is not None or
        (bool(inverted) and _que_after(verb, quoted) is None and
         not (any(t.dep_ == "obj" and t.head.i == verb.i for t in inverted) and
              any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not _inside(c.idx, quoted)
                  for h in _aux_chain(verb) for c in h.children) and
              not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not _inside(t.idx, quoted)
                      for t in unit.tokens if t.i < group.i) and
              not _incise_after(inverted)) and
         not re.match(r"[^.;«\"“]{0,60}?:", text[verb.idx + len(verb):unit.end])))
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
        if content:
            subject = [clitic] if clitic is not None else inverted
            out.append(_Found(content[0], content[1], verb, cue_text, subject, 3))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
            # « A », a-t-il dit, « B »: the part after the cue, when it is a quotation
            tail_start = max(verb.idx + len(verb), *(t.idx + len(t) for t in subject if t is not None))
            if content[2] == "indirect" and not any(t.pos_ in ("VERB", "AUX") for t in unit.tokens
                                                    if content[0] <= t.idx < content[1]):
                # "Et puis, ajoute Georges Pauget, il s'agit d'un plancher."
                m = re.match(r"\s*,(?!\s*[«“\"])\s*", text[tail_start:unit.end])
                sentence_end = _sent(verb).end_char
                rest = _content(doc, tail_start + m.end(), sentence_end, quoted) if m else None
                if rest and any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:_sent(verb).end]):
                    out[-1] = _Found(rest[0], rest[1], verb, cue_text, subject, 3)
                    out[-1].kind = rest[2]  # type: ignore[attr-defined]
                    return out
            m = re.match(r"[^«“\"]{0,60}?,\s*([«“\"])", text[tail_start:unit.end])
            if m:
                after = _content(doc, tail_start + m.start(1), unit.end, quoted)
                if after and content[2] == "indirect" and not any(
                        t.pos_ in ("VERB", "AUX") for t in unit.tokens if content[0] <= t.idx < content[1]):
                    out.pop()  # "Avec la crise, suppute l'Afub, « … »": the content is the quotation
                if after:
                    out.append(_Found(after[0], after[1], verb, cue_text, subject, 3))
                    out[-1].kind = after[2]  # type: ignore[attr-defined]
            return out
    subject = _subject(verb)
    # 2. colon: X a déclaré : « … »
    after_verb = text[verb.idx + len(verb):unit.end]
    m = re.match(r"[^:.;«\"“]{0,60}?:\s*", after_verb)
    colon_at = verb.idx + len(verb) + (m.end() if m else 0)
    if m and len(after_verb) - m.end() > 3 and \
            not any(verb.i < other.i and other.idx < colon_at for other in cues):  # the cue nearest the colon
        start = verb.idx + len(verb) + m.end()
        content = _content(doc, start, unit.end, quoted)
        if content:
            out.append(_Found(content[0], content[1], verb, cue_text + " :", subject, 3))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
            return out
    # 3. complement clause: X a déclaré que …
    que = _que_after(verb, quoted)
    if que is not None:
        start = que.idx + len(que)
        end = _clause_end(que, unit, cues, quoted)
        root = _sent(verb).root
        if verb.dep_ in ("advcl", "acl") and root.i > que.i:
            # "Après avoir laissé planer le doute, prétextant qu'…, le septuple vainqueur a fait …"
            main_subjects = [c for h in _aux_chain(root) for c in h.children if c.dep_ in _SUBJECT_DEPS and c.i > que.i]
            if main_subjects:
                comma = text.rfind(",", start, main_subjects[0].left_edge.idx)
                if comma > start:
                    end = min(end, comma)
        content = _content(doc, start, end, quoted)
        if content:
            out.append(_Found(content[0], content[1], verb, cue_text, subject, 2))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
            return out
    # 4. quoted fragments in the cue's own clause: a qualifié de « victoire », a dénoncé un « inacceptable »
    #    instrument de « fichage » — from the phrase holding the first fragment to the last fragment
    window_end = _clause_end(verb, unit, cues, quoted)
    inside = [(s, e) for s, e in quoted if verb.idx < s < window_end and not _name_like(doc, s, e)]
    if inside and inside[0][0] - (verb.idx + len(verb)) < 80:
        last = inside[0]
        for a, b in zip(inside, inside[1:]):
            if b[0] - a[1] > 60 or re.search(r"[.;:]", text[a[1]:b[0]]):
                break
            last = b
        start = inside[0][0]
        # the fragment inside a reported complement: the whole complement ("a mentionné la décision
        # de … « afin de … »", "a exhorté la France à prendre « ses responsabilités » pour …")
        complement = _reported_complement(verb, lemma, unit, cues, quoted) if subject is not None else None
        if complement is not None and complement[0] < inside[0][0] <= complement[1] + 3 and \
                (text[complement[0]:inside[0][0]].strip(" «\"“") or
                 len(text[last[1]:complement[1]].split()) >= 3):  # "«l'hypocrisie» de ceux qui critiquent …"
            content = _content(doc, complement[0], max(complement[1], last[1]), quoted)
            if content:
                out.append(_Found(content[0], content[1], verb, cue_text, subject, 1))
                out[-1].kind = content[2]  # type: ignore[attr-defined]
                return out
        head = doc.char_span(start, start + 1, alignment_mode="expand")
        if head is not None and head[0].i > 0:
            before_mark = doc[head[0].i - 1]
            if before_mark.pos_ in ("DET", "ADJ") and before_mark.i > verb.i:
                start = before_mark.idx  # 'un "inacceptable" instrument'
        end = last[1]
        if last is not inside[0] or start != inside[0][0]:
            tail = re.match(r"[^,.;:«»\"“”()]{0,40}", text[end:window_end])
            content = _content(doc, start, end, quoted)
            if content:
                out.append(_Found(content[0], content[1], verb, cue_text, subject, 1))
                out[-1].kind = "mixed"  # type: ignore[attr-defined]
                del tail
                return out
        content = _content(doc, inside[0][0], inside[0][1], quoted)
        if content:
            out.append(_Found(content[0], content[1], verb, cue_text, subject, 1))
            out[-1].kind = "mixed" if text[unit.start:inside[0][0]].strip() else content[2]  # type: ignore
            return out
    # 5. an infinitive or a noun phrase reported: "a nié avoir trahi…", "a démenti les informations…"
    if subject is None or inverted_form:
        return out
    complement = _reported_complement(verb, lemma, unit, cues, quoted)
    if complement is not None:
        content = _content(doc, complement[0], complement[1], quoted)
        if content and content[1] - content[0] >= 8 and not text[content[0]:content[1] + 1].rstrip().endswith("?"):
            out.append(_Found(content[0], content[1], verb, cue_text, subject, 1))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
        return out
    if _negated(verb) or any(c.dep_ in ("obj", "xcomp", "ccomp") and c.i > verb.i for c in verb.children):
        return out
    i = verb.i + 1
    end_token = unit.tokens[-1].i + 1
    while i < end_token and (doc[i].pos_ == "ADV" or doc[i].lower_ in _WEEKDAYS or doc[i].like_num and False):
        i += 1
    if i < end_token and doc[i].lower_ in ("à", "au", "aux") and lemma not in ("appeler",):
        # "a expliqué aux enquêteurs avoir confié…": skip the addressee
        j = i + 1
        while j < min(i + 5, end_token) and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
            j += 1
        i = j
    if i < end_token and lemma in ("appeler", "exhorter", "inviter") and doc[i].lower_ in ("à", "au", "aux"):
        i += 1
    if i >= end_token:
        return out
    first = doc[i]
    infinitive = first.lower_ in ("ne", "n'") or ("Inf" in first.morph.get("VerbForm") and first.pos_ in ("VERB", "AUX"))
    noun_phrase = lemma in _NP_VERBS and first.pos_ == "DET" and first.lower_ not in ("que", "qu'")
    if infinitive or noun_phrase:
        end = _clause_end(first, unit, cues, quoted)
        phrase_head = first.head if noun_phrase else first
        if phrase_head.i != verb.i:  # the noun phrase or infinitive clause as the parse delimits it
            right = phrase_head.right_edge
            end = min(end, right.idx + len(right))
        content = _content(doc, first.idx, end, quoted)
        if content and content[1] - content[0] >= 8 and not text[content[0]:content[1] + 1].rstrip().endswith("?"):
            out.append(_Found(content[0], content[1], verb, cue_text, subject, 1))
            out[-1].kind = content[2]  # type: ignore[attr-defined]
    return out


_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"}
# Verbs whose prepositional complement is what was said: "accuse X de …", "tonne contre …", "appelle à …".
_PREP_VERBS = {"accuser": ("de", "d'"), "tonner": ("contre",), "appeler": ("à", "au", "aux"),
               "exhorter": ("à", "au", "aux"), "inviter": ("à", "au", "aux"), "plaider": ("pour", "en"), "protester": ("contre",),
               "garder": ("contre",), "fustiger": ("contre",), "alerter": ("sur",), "insister": ("sur",),
               "mettre": ("contre",), "faire": ("de", "d'", "du", "des")}
_PERSON_NOUNS = {"nounou", "mère", "père", "fils", "fille", "femme", "mari", "enfant", "ami", "amie", "famille",
                 "homme", "garçon", "cousin", "cousine", "frère", "sœur", "parent", "épouse", "époux", "personne"}
_ANAPHORIC_HEADS = {"version", "décision", "choix", "geste", "attitude", "réaction", "intervention", "propos", "déclaration", "annonce", "information", "chose",
                    "fait", "point", "position", "avis", "idée", "hypothèse", "thèse"}


def _negated(verb: Token) -> bool:
    heads = _aux_chain(verb)
    words = {c.lower_ for h in heads for c in h.children}
    return bool(words & {"ne", "n'", "n’"}) and bool(words & {"pas", "jamais", "plus", "guère", "rien"}) or \
        any(c.dep_ in _SUBJECT_DEPS and c.lower_ in ("personne", "nul", "aucun", "aucune") for h in heads
            for c in h.children)


def _is_time(token: Token) -> bool:
    words = {t.lower_ for t in token.subtree}
    return token.lower_ in _WEEKDAYS or token.lower_ in _MONTHS or token.lower_ in ("matin", "soir", "jour", "semaine",
                                                                                    "mois", "année", "an", "fois") \
        or bool(words & _MONTHS) and any(t.like_num for t in token.subtree)


def _reported_complement(verb: Token, lemma: str, unit: _Unit, cues: list[Token], quoted) -> tuple[int, int] | None:
    """What a speech verb reports through its own complement, read from the parse: an infinitive
    ("a nié hier avoir trahi…", "a annoncé le 17 octobre avoir perdu…"), a noun phrase ("a critiqué
    les efforts…", "exige des garanties…") or a prepositional complement ("a tonné contre cet
    accueil", "les accuse de l'enlèvement…").  Time adverbials and addressees are skipped; a bare
    anaphor ("cette version", "sa décision") reports nothing."""
    doc = verb.doc
    last = unit.tokens[-1].i
    if _negated(verb) or verb.dep_ == "acl:relcl" and any(c.dep_ == "obj" and c.lower_ in ("que", "qu'")
                                                          for c in verb.children):
        return None  # "n'a pas démenti …", "le garçonnet qu'elle dit avoir pris en charge"
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i <= verb.i or child.i > last or _inside(child.idx, quoted) and child.dep_ != "obj":
            continue
        cases = [c for c in child.children if c.dep_ in ("case", "mark") and c.i < child.i]
        preposition = cases[0].lower_ if cases else ""
        infinitive = child.pos_ in ("VERB", "AUX") and "Inf" in child.morph.get("VerbForm") or \
            child.pos_ == "VERB" and any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm")
                                         for c in child.children)
        if child.dep_ in ("xcomp", "ccomp", "advcl", "obj") and infinitive and \
                (not preposition or preposition in ("de", "d'", "à")):
            if lemma in ("demander", "proposer", "promettre", "appeler", "exhorter", "inviter") and not preposition and \
                    child.dep_ != "xcomp":
                continue
            start = child.left_edge
            if start.lower_ in ("de", "d'", "à"):
                start = doc[start.i + 1]
        elif child.dep_ == "obj" and lemma in _NP_VERBS and child.pos_ in ("NOUN", "PROPN") and \
                not _is_time(child):
            determiners = [c for c in child.children if c.dep_ == "det" and c.i < child.i]
            if not determiners:
                continue
            if child.pos_ == "PROPN" or child.ent_type_ in ("PER", "ORG") or _fold(child.lemma_) in _ROLE_FOLDED or \
                    child.lemma_.lower() in _PERSON_NOUNS:
                continue  # "a rappelé la nounou": a person is called, not quoted
            if lemma == "demander" and child.lemma_.lower() in ("autorisation", "permission", "asile", "visa",
                                                               "rendez-vous", "audience"):
                continue  # a procedure, not speech: "demander l'autorisation de manifester"
            if lemma == "déclarer" and "Poss=Yes" not in str(determiners[0].morph):
                continue  # "a déclaré son intention de …", not "a déclaré X persona non grata"
            if determiners[0].lower_ in ("ce", "cet", "cette", "ces") or (
                    child.lemma_.lower() in _ANAPHORIC_HEADS and
                    not any(c.dep_ in ("nmod", "acl", "acl:relcl", "amod") for c in child.children)):
                continue
            start = child.left_edge
        elif child.dep_.startswith(("obl", "iobj")) and preposition in _PREP_VERBS.get(lemma, ()) and \
                child.pos_ in ("NOUN", "PROPN", "VERB") and not _is_time(child):
            start = doc[cases[0].i + 1]
        elif child.dep_ == "obl:arg" and preposition in ("des", "du") and lemma in _NP_VERBS and \
                child.pos_ == "NOUN":
            start = cases[0]  # "exige des garanties …": a partitive article the parser took for "de"
        else:
            continue
        # the phrase as the parse delimits it, and what the parse hung on the verb after it, up to the
        # next comma ("la mise en place d'un prêt … pour aider les ménages …")
        end_token = child.right_edge
        for sibling in sorted(verb.children, key=lambda t: t.i):
            if sibling.i <= end_token.i:
                continue
            if sibling.left_edge.i != end_token.i + 1 or sibling.dep_ not in ("advcl", "xcomp", "acl", "obl:arg"):
                break
            end_token = sibling.right_edge
        end = min(end_token.idx + len(end_token), _clause_end(start, unit, cues, quoted))
        for t in doc[start.i:end_token.i]:  # "une rencontre, vite suivie de X": the narrator's apposition
            after = [u for u in doc[t.i + 1:t.i + 4] if u.pos_ != "ADV"]
            if t.text == "," and after and after[0].pos_ == "VERB" and "Part" in after[0].morph.get("VerbForm") and \
                    "Past" in after[0].morph.get("Tense"):
                end = min(end, t.idx)
                break
        if end - start.idx >= 8:
            return start.idx, end
    return None


def _from_source(doc: Doc, unit: _Unit, prep: Token, quoted) -> _Found | None:
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
    first = prep if prep.lower_ != "après" else doc[prep.i - 1]
    if len(source_tokens) == 1 and source_tokens[0].lower_ in ("lui", "elle", "eux", "elles") and \
            text[:first.idx].rstrip().endswith(",") and text[source_end:source_end + 1] == "," and \
            text[source_end + 1:unit.end].strip(_CONTENT_STRIP) and "," in text[unit.start:first.idx].rstrip()[:-1]:
        return None  # "un e-mail qui, selon lui, prouverait …": a hedge inside the sentence's own report
    before = text[unit.start:first.idx].strip(_CONTENT_STRIP)
    after = text[source_end:unit.end].strip(_CONTENT_STRIP)
    colon_follows = text[source_end:source_end + 1] == ":"
    if len(before) >= len(after) or colon_follows and len(before) > 8:
        span = _content(doc, unit.start, first.idx, quoted)
    else:
        span = _content(doc, source_end, unit.end, quoted)
    if not span:
        return None
    found = _Found(span[0], span[1], None, text[first.idx: prep.idx + len(prep)], source_tokens, 1)
    found.kind = span[2]  # type: ignore[attr-defined]
    return found


_SPEECH_NOUNS = {"annonce", "promesse", "déclaration", "affirmation", "assurance", "avertissement", "aveu",
                 "indication", "démenti", "accusation", "menace", "revendication", "conviction"}


def _speech_nouns(doc: Doc, units: list[_Unit], quoted) -> list[_Found]:
    """A speech noun with its content: "l'annonce par l'Élysée que …", "la promesse du président
    américain Donald Trump d'y participer"; the speaker is the noun's agent ("par X") or possessor
    ("de X")."""
    out = []
    text = _text(doc)
    for unit in units:
        for noun in unit.tokens:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SPEECH_NOUNS or _inside(noun.idx, quoted):
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
            named = [t for t in agent if t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN"]
            if content_start is None or not named or not agent or agent[0].lower_ not in ("par", "de", "du", "des", "d'"):
                continue
            end = _clause_end(doc[min(noun.i + len(agent) + 1, len(doc) - 1)], unit, [], quoted)
            content = _content(doc, content_start, end, quoted)
            if content and content[1] - content[0] > 3:
                item = _Found(content[0], content[1], noun, text[noun.idx:noun.idx + len(noun)], agent[1:], 1)
                item.kind = content[2]  # type: ignore[attr-defined]
                out.append(item)
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
                    _lemma(token) in SPEECH_VERBS or _cue_form(token))):
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
            if not subject:
                continue
            after = max(verb.idx + len(verb), *(t.idx + len(t) for t in subject))
            m = re.match(r"[^,.;!?»\"”]{0,40}?[,.;!?]", text[after:e])
            if not m:
                continue
            first = _content(doc, s + 1, doc[token.i - 1].idx, quoted)
            second = _content(doc, after + m.end(), e - 1, [])
            cue_text = text[token.idx: verb.idx + len(verb)]
            for part in (first, second):
                if part and part[1] - part[0] > 2:
                    item = _Found(part[0], part[1], verb, cue_text, subject, 4)
                    item.kind = "direct"  # type: ignore[attr-defined]
                    out.append(item)
            break
    return out


def _split_lists(doc: Doc, found: list[_Found], quoted) -> list[_Found]:
    """« A », « B », insistent ses proches: one quote per quotation; "Les délais… : « A »" starts after
    the colon."""
    text = _text(doc)
    out = []
    for item in found:
        inner = [(s, e) for s, e in quoted if item.start - 1 <= s and e <= item.end + 1]
        if getattr(item, "kind", "") == "mixed" and len(inner) >= 2 and all(
                re.fullmatch(r"[\s,;.…]*(?:\(sic\))?[\s,;.…]*(?:ou|et)?\s*", text[a[1]:b[0]])
                for a, b in zip(inner, inner[1:])) and \
                not text[item.start:inner[0][0]].strip() and not text[inner[-1][1]:item.end].strip():
            for s, e in inner:
                part = _content(doc, s, e, quoted)
                if part:
                    new = _Found(part[0], part[1], item.cue, item.cue_text, item.subject, item.priority)
                    new.kind = part[2]  # type: ignore[attr-defined]
                    out.append(new)
            continue
        if getattr(item, "kind", "") == "mixed" and inner:
            colon = text.rfind(":", item.start, inner[-1][0] + 1)
            if colon >= 0 and not text[colon + 1:inner[-1][0]].strip() and \
                    not text[inner[-1][1]:item.end].strip(_CONTENT_STRIP):
                part = _content(doc, inner[-1][0], inner[-1][1], quoted)
                if part:
                    item.start, item.end = part[0], part[1]
                    item.kind = part[2]  # type: ignore[attr-defined]
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
            trimmed = _content(doc, item.start, end, quotation_spans(text))
            if trimmed:
                item.start, item.end = trimmed[0], trimmed[1]
                item.kind = trimmed[2]  # type: ignore[attr-defined]
    return found


def _resolve_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the best reading when two cues claim overlapping content."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (-f.priority, f.start)):
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
            continue
        paragraph_start = text.rfind("\n", 0, s) + 1
        paragraph_end = text.find("\n", e)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        heading = not text[paragraph_start:s].strip() and not text[e:paragraph_end].strip() and \
            len(inner.split()) <= 10 and not re.search(r"[.!?…]\s*$", inner)
        if heading or inner.lower() in (text[:s] + text[e:]).lower():
            continue  # a subheading, or a pull-quote repeating words quoted elsewhere
        item = _Found(part[0], part[1], None, "", None, 0)
        item.kind = "direct"  # type: ignore[attr-defined]
        item.context = True  # type: ignore[attr-defined]
        out.append(item)
        taken.append((s, e))
    return out


# --- speakers -------------------------------------------------------------------------------------
def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).strip()


class _Referents:
    """The article's persons, their names and roles, and who was last spoken of."""

    def __init__(self, doc: Doc, mentions, quoted, not_speakers: tuple[str, ...]) -> None:
        self.doc = doc
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
        self.genders = self._genders()

    def _genders(self) -> dict[str, str]:
        """Each person's grammatical gender as the article marks it: a title ("Mme", "M."), the
        determiner or the form of a role noun next to the name ("la ministre de l'Economie Christine
        Lagarde", "Rama Yade, secrétaire d'Etat"), a participle or adjective agreeing with the name
        ("Ingrid Betancourt, libérée …", "X est arrivée")."""
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
            elif before and (before[-1].pos_ in ("NOUN", "ADJ") and _fold(before[-1].lemma_ or before[-1].text) in
                             _ROLE_FOLDED or before[-1].pos_ == "ADJ" and len(before) > 1 and before[-2].pos_ == "DET"):
                marks += [g for t in before[-3:] for g in t.morph.get("Gender")
                          if t.pos_ == "DET" and t.lower_ in ("le", "la", "du", "au") or g == "Fem"]
            after = doc[span.end: span.end + 3]
            if len(after) >= 2 and after[0].text == "," and after[1].pos_ in ("NOUN", "ADJ", "VERB") and \
                    (after[1].pos_ != "VERB" or "Part" in after[1].morph.get("VerbForm")):
                marks += [g for g in after[1].morph.get("Gender") if g == "Fem"]
            elif len(after) >= 3 and after[0].text == "," and after[1].lower_ in ("le", "la", "un", "une") and \
                    after[2].pos_ in ("NOUN", "ADJ"):  # "Fatma, la jeune femme de 34 ans"
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
        return {key: ("f" if f > m else "m") for key, (f, m) in votes.items() if f != m}

    def compatible(self, key: str, gender: str | None) -> bool:
        return gender not in ("m", "f") or self.genders.get(key, gender) == gender

    def mentions_in(self, tokens: list[Token]) -> list[Mention]:
        if not tokens:
            return []
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def governed(self, mention: Mention) -> bool:
        """True when a preposition governs the mention ("le cabinet de Zelensky")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        previous = self.doc[span.start - 1]
        return previous.lower_ in _NOT_AFTER

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
        lacks; the latest such person mentioned before."""
        signature = _role_signature(tokens)
        if not signature:
            return None
        best: tuple[int, str] | None = None
        for key, roles in self.roles.items():
            if not any(signature[0] == role[0] and set(signature[1]) <= set(role[1]) for _, role in roles):
                continue
            at = max((m.start for m in self.mentions if m.key == key and m.start < before), default=None)
            if at is not None and (best is None or at > best[0]):
                best = (at, key)
        return best[1] if best else None

    def salient_person_before(self, position: int) -> str | None:
        """The person the article has named most often so far (the latest on ties): who a definite
        description ("l'ex-otage", "la ministre") most likely refers to."""
        counts: dict[str, list[int]] = {}
        for m in self.mentions:
            if m.label == "PER" and m.start < position and not _inside(m.start, self.quoted):
                entry = counts.setdefault(m.key, [0, 0])
                entry[0] += 1
                entry[1] = m.start
        if not counts:
            return None
        return max(counts, key=lambda k: (counts[k][0], counts[k][1]))

    def last_organisation_before(self, position: int, noun: str | None = None) -> Mention | None:
        """The organisation last named; for "l'association", "la banque", the last one whose name
        (or its acronym's expansion) contains that noun."""
        orgs = [m for m in self.mentions if m.label == "ORG" and m.start < position and
                not _inside(m.start, self.quoted)]
        if noun:
            named = [m for m in orgs if noun in _fold(self.expansions.get(_fold(m.text), m.text)).split()]
            if named:
                return named[-1]
        return orgs[-1] if orgs else None

    def person(self, mention: Mention) -> bool:
        """A PER mention that can be a speaker: not "l'Homme" of "droits de l'Homme"."""
        if mention.label != "PER":
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is None or span.start == 0 or self.doc[span.start - 1].pos_ != "DET" or \
            len(mention.text.split()) > 1

    def last_person_before(self, position: int, spoken: list[tuple[int, str]], gender: str | None = None,
                           governed: bool = False) -> str | None:
        """The person the text was last talking about: the latest speaker, or the latest named
        person outside quotations who is not governed by a preposition (unless ``governed``: "ce
        dernier", "celui-ci" point at the last person named, whatever governs it), of the pronoun's
        gender when the article marks it."""
        candidates = [(at, key) for at, key in spoken if at < position] + \
            [(m.start, m.key) for m in self.mentions if self.person(m) and m.start < position and
             not _inside(m.start, self.quoted) and (governed or not self.governed(m) or self.introduced(m))]
        return self._latest(candidates, gender)

    def _latest(self, candidates: list[tuple[int, str]], gender: str | None) -> str | None:
        """The latest candidate of the right gender; one whose gender the article marks is preferred
        to a later one whose gender is unknown, within a few paragraphs."""
        fitting = sorted((c for c in candidates if self.compatible(c[1], gender)), reverse=True)
        if not fitting:
            return None
        if gender in ("m", "f"):
            marked = [c for c in fitting if self.genders.get(c[1]) == gender == "f"]
            if marked and fitting[0][0] - marked[0][0] < 1500:
                return marked[0][1]
        return fitting[0][1]

    def described_person(self, position: int, gender: str | None, signature) -> str | None:
        """Who a definite description ("la responsable socialiste", "le praticien", "le Texan") most
        likely designates: the latest person named before it, of its gender, whose roles do not
        contradict it (a "ministre de la Défense" is not "le premier ministre")."""
        candidates = []
        for m in self.mentions:
            if not self.person(m) or m.start >= position or _inside(m.start, self.quoted):
                continue
            if signature is not None:
                same_head = [r for _, r in self.roles.get(m.key, []) if r[0] == signature[0]]
                if same_head and not any(set(signature[1]) <= set(r[1]) for r in same_head):
                    continue
            candidates.append((m.start, m.key))
        if not candidates:  # "L'ex-candidate à la présidentielle a annoncé …" before the name is given
            later = [m for m in self.mentions if self.person(m) and position <= m.start < position + 600 and
                     not _inside(m.start, self.quoted) and self.compatible(m.key, gender)]
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
    "Premier ministre britannique" → ("ministre", ("britannique", "premier"))."""
    words = [t for t in tokens if t.pos_ != "DET"]
    head = next((t for t in words if t.pos_ in ("NOUN", "ADJ") and
                 (t.lower_ in ROLE_NOUNS or (t.lemma_ or "").lower() in ROLE_NOUNS) and t.lower_ != "premier"), None)
    if head is None or head.i > words[0].i + 1:
        return None
    adjectives = []
    for t in words:
        if t.pos_ == "ADP":
            break
        if t.pos_ == "ADJ":
            adjectives.append(_fold(t.text))
    return _fold(head.lemma_ or head.text), tuple(sorted(a for a in adjectives if a))


def _phrase(doc: Doc, tokens: list[Token]) -> str:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].pos_ in ("DET", "ADP", "PUNCT") or tokens[0].lower_ in ("de", "d'")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return _text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]


def _with_speakers(doc: Doc, found: list[_Found], mentions, quoted, not_speakers) -> list[Quote]:
    refs = _Referents(doc, mentions, quoted, not_speakers)
    spoken: list[tuple[int, str]] = []
    quotes: list[Quote] = []
    resolved: dict[int, tuple] = {}
    resolved_list: list[tuple[int, tuple]] = []
    for item in sorted(found, key=lambda f: f.start):
        if getattr(item, "context", False):
            speaker = _context_speaker(doc, item, quotes, resolved_list, refs, spoken)
        elif not item.subject and item.cue is not None and quotes and \
                _sent(item.cue).start == _sent(doc.char_span(quotes[-1].start, quotes[-1].start + 1,
                                                             alignment_mode="expand")[0]).start:
            speaker = resolved[id(previous)]  # "…, tout en précisant que …": the same speaker
        else:
            speaker = _speaker(doc, item, refs, spoken, resolved_list[-1] if resolved_list else None)
        resolved[id(item)] = speaker
        resolved_list.append((item.start, speaker))
        previous = item
        name, entity, phrase, s_start, s_end = speaker
        if name and _fold(name) in refs.banned:
            name, entity = None, None
        if entity and entity.startswith("per:"):
            spoken.append((max(item.start, s_start or 0), entity[4:].replace("-", " ")))
        quotes.append(Quote(item.start, item.end, _text(doc)[item.start:item.end], getattr(item, "kind", "indirect"),
                            item.cue_text or None, name, entity, phrase, s_start, s_end))
    return quotes


def _context_speaker(doc: Doc, item: _Found, quotes, resolved_list, refs: _Referents, spoken) -> tuple:
    """The speaker of a quotation without a cue: a person who is the subject of the sentence just
    before it ("Ingrid Betancourt a confié… « … »"); else the previous quote's speaker, at most three
    paragraphs back; else the person last talked about."""
    text = _text(doc)
    token = doc.char_span(item.start, item.end, alignment_mode="expand")
    if token is not None:
        sent = _sent(token[0])
        previous = _sent(doc[sent.start - 1]) if sent.start > 0 else None
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
_DOCUMENT_NOUNS = {"communique", "texte", "rapport", "document", "lettre", "message", "courrier", "arret",
                   "jugement", "ordonnance", "note", "e mail", "mail", "courriel", "tweet", "declaration",
                   "enregistrement", "releve", "bulletin", "avis", "compte rendu", "proces verbal"}


def _issuer(doc: Doc, tokens: list[Token], head: Token, refs: "_Referents", previous, at: int) -> tuple | None:
    """The issuer of a document that is the grammatical source: "l'arrêt de la chambre de
    l'instruction" → the chamber; "le communiqué" alone → whoever was quoted just before (the
    communiqué that speaker issued), within three paragraphs."""
    after = [t for t in tokens if t.i > head.i]
    while after and after[0].pos_ == "ADJ":
        after = after[1:]
    if after and after[0].lower_ in ("de", "du", "des", "d'") and len(after) > 1:
        words = after[1:]
        while words and words[0].pos_ == "DET":
            words = words[1:]
        if words:
            for mention in refs.mentions_in(words):
                name = refs.expansions.get(_fold(mention.text), mention.text)
                if mention.label == "PER":
                    name = refs.names.get(mention.key, name)
                return (name, mention.entity_id)
            return (_phrase(doc, words), None)
    if previous is not None and previous[1][0] and _text(doc).count("\n\n", previous[0], at) <= 3:
        return previous[1][:2]
    return None


def _speaker(doc: Doc, item: _Found, refs: _Referents, spoken, previous=None) -> tuple:
    tokens = [t for t in (item.subject or []) if t is not None and not t.is_space]
    verbs = [k for k, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX") and k < len(tokens) - 1]
    if verbs and tokens[verbs[-1] + 1:] and tokens[verbs[-1] + 1].pos_ in ("DET", "NOUN", "PROPN"):
        tokens = tokens[verbs[-1] + 1:]  # "avait expliqué le fondateur de …": the words after the verb
    while tokens and (tokens[0].pos_ in ("CCONJ", "PUNCT") or tokens[0].pos_ == "ADV" and len(tokens) > 1):
        tokens = tokens[1:]  # "Et la ministre de l'Economie de poursuivre"
    while len(tokens) > 1 and (tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT")):
        tokens = tokens[:-1]
    if not tokens:
        return (None, None, None, None, None)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    phrase = _text(doc)[start:end]
    anchor = item.cue.idx if item.cue is not None else start
    person = lambda key: (refs.names.get(key, key.title()), "per:" + key.replace(" ", "-"), phrase, start, end)
    words = [t for t in tokens if t.pos_ != "DET"]
    # "-t-on expliqué de source diplomatique"
    if len(words) == 1 and (words[0].lower_ in ("-on", "on", "-t-on") or words[0].lower_.endswith(("-t-on", "-on"))):
        if item.cue is not None:
            near = doc[item.cue.i + 1: min(item.cue.i + 4, len(doc))]
            # "a-t-on appris auprès de …", "confirme-t-on au Fonds de garantie", "explique-t-on chez Renault"
            at = next((t for t in near if t.lower_ in ("auprès", "au", "chez") or
                       t.lower_ == "à" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "DET"), None)
            if at is not None:  # "a-t-on appris auprès d'une des organisations, le Syndicat de la magistrature"
                end = next((t.i for t in doc[at.i + 1: _sent(at).end] if t.text in (".", ";", "(", ":")), _sent(at).end)
                words = [t for t in doc[at.i + 1: end] if not t.is_space]
                while words and words[0].lower_ in ("de", "d'", "du", "des"):
                    words = words[1:]
                if "," in [t.text for t in words]:
                    k = [t.text for t in words].index(",")
                    named = any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in words[k + 1:])
                    words = words[k + 1:] if named else words[:k]
                while words and words[-1].is_punct:
                    words = words[:-1]
                if words:
                    name = _phrase(doc, words)
                    for mention in refs.mentions_in(words):
                        name = refs.expansions.get(_fold(mention.text), mention.text)
                        return (name, mention.entity_id, name, words[0].idx, words[-1].idx + len(words[-1]))
                    return (name, None, name, words[0].idx, words[-1].idx + len(words[-1]))
            for child in item.cue.children:
                if child.lemma_ == "source":
                    source = [t for t in doc[child.i: child.i + 2] if t.pos_ in ("NOUN", "ADJ")]
                    text = _phrase(doc, source)
                    return (text, None, text, source[0].idx, source[-1].idx + len(source[-1]))
        return (None, None, phrase, start, end)
    # a pronoun: the person last talked about
    pronoun = "".join(t.text for t in words).lower()
    if len(words) == 1 and pronoun.endswith(_CLITICS) and pronoun not in _PRONOUNS:  # "ajoute-t-il" as one token
        pronoun = next(c for c in sorted(_CLITICS, key=len, reverse=True) if pronoun.endswith(c))
    if pronoun in _PRONOUNS:
        if _PRONOUNS[pronoun] == "p":
            return (None, None, phrase, start, end)
        demonstrative = pronoun in ("celui-ci", "celle-ci", "dernier", "dernière")
        verb = item.cue
        if verb is not None and not demonstrative:
            sentence = _sent(verb)
            root = sentence.root
            # "Alors qu'il avait annoncé sa démission, Charles Milhaud conserve …": the main clause's subject
            if verb.dep_ in ("advcl",) and root.i > verb.i:
                for child in root.children:
                    if child.dep_ in _SUBJECT_DEPS and child.i > verb.i:
                        for mention in refs.mentions_in(list(child.subtree)):
                            if refs.person(mention) and not refs.governed(mention):
                                return person(mention.key)
            # "La banque soulignait que … / Elle avait précisé que …": the organisation the sentence
            # before was about
            if words[0].i == sentence.start or (words[0].lower_.startswith("-") and verb.i <= sentence.start + 3):
                if sentence.start > 0:
                    before = _sent(doc[sentence.start - 1])
                    subjects = [c for c in before.root.children if c.dep_ in _SUBJECT_DEPS]
                    if subjects:
                        subject = list(subjects[0].subtree)
                        head = subjects[0]
                        orgs = [m for m in refs.mentions_in(subject) if m.label == "ORG" and m.start <= head.idx < m.end]
                        if any(refs.person(m) and before.start_char <= m.start < before.end_char and
                               not _inside(m.start, refs.quoted) for m in refs.mentions):
                            orgs, head = [], doc[verb.i]  # a person was named there too: leave it to the persons
                        genders = set(head.morph.get("Gender")) | {g for c in head.children if c.dep_ == "det"
                                                                   for g in c.morph.get("Gender")}
                        wanted = {"m": "Masc", "f": "Fem"}.get(_PRONOUNS[pronoun])
                        if (orgs or _fold(head.lemma_ or head.text) in _ORG_NOUNS) and \
                                (not genders or wanted in genders) and head.ent_type_ != "PER":
                            org = orgs[0] if orgs else refs.last_organisation_before(
                                subject[0].idx, _fold(head.lemma_ or head.text))
                            if org is not None:
                                name = refs.expansions.get(_fold(org.text), org.text)
                                return (name, org.entity_id, phrase, start, end)
        key = refs.last_person_before(anchor, spoken, _PRONOUNS[pronoun], governed=demonstrative)
        return person(key) if key else (None, None, phrase, start, end)
    # a named person in the subject, not governed by a preposition ("le cabinet de Zelensky" is not him)
    for mention in refs.mentions_in(tokens):
        if refs.person(mention) and not refs.governed(mention):
            return person(mention.key)
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ")), words[0] if words else tokens[0])
    if _fold(head.lemma_ or head.text) in _DOCUMENT_NOUNS or _fold(head.text) in _DOCUMENT_NOUNS:
        issuer = _issuer(doc, tokens, head, refs, previous, item.start)
        if issuer is not None:
            return (issuer[0], issuer[1], phrase, start, end)
    # a role phrase the article gave to a named person
    if head.pos_ in ("NOUN", "ADJ"):
        key = refs.person_for_role(tokens, anchor)
        if key:
            return person(key)
    determiner = tokens[0].lower_ if tokens[0].pos_ == "DET" else ""
    definite = determiner in ("le", "la", "l'", "l’", "ce", "cette", "cet")
    for mention in refs.mentions_in(tokens):
        if mention.start <= head.idx < mention.end and \
                not (mention.label == "MISC" and definite and (head.text[:1].islower() or  # "le prix Nobel"
                                                              _DEMONYM.match(mention.text))):  # "le Texan"
            name = refs.expansions.get(_fold(mention.text), mention.text)
            return (name, mention.entity_id, phrase, start, end)
    if _fold(head.text) in refs.expansions:
        return (refs.expansions[_fold(head.text)], None, phrase, start, end)
    # a definite description of someone the article named: "l'ex-otage", "la ministre de l'Economie"
    if _fold(head.lemma_ or head.text) in _ORG_NOUNS:  # "la radio Europe 1", "le quotidien Le Monde"
        for mention in refs.mentions_in(tokens):
            if mention.start > head.idx and mention.label in ("ORG", "MISC", "LOC", "PER"):
                name = refs.expansions.get(_fold(mention.text), mention.text)
                return (name, mention.entity_id, phrase, start, end)
    if definite and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        if _fold(head.lemma_ or head.text) in _ORG_NOUNS:
            org = refs.last_organisation_before(anchor, _fold(head.lemma_ or head.text))
            if org is not None:
                return (refs.expansions.get(_fold(org.text), org.text), org.entity_id, phrase, start, end)
        elif _fold(head.lemma_ or head.text) not in _THING_NOUNS and \
                ((head.lemma_ or head.text).lower() not in _GROUP_HEADS or determiner in ("le", "la")):
            genders = [g for t in tokens[:3] if t.pos_ in ("DET", "NOUN", "ADJ") for g in t.morph.get("Gender")]
            gender = "f" if "Fem" in genders and "Masc" not in genders else \
                "m" if "Masc" in genders and "Fem" not in genders else None
            key = refs.described_person(anchor, gender, _role_signature(tokens)) or refs.salient_person_before(anchor)
            if key:
                return person(key)
    clean = _phrase(doc, tokens)
    return (clean or phrase, None, phrase, start, end)
