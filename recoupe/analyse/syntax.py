"""Parse helpers shared by quote detection (``quotes``) and speaker resolution (``speakers``):
the document's text and sentences built once, quotation spans and a fast "inside a quotation" test,
accent folding, and the few dependency labels and word lists both read."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from .first_names import first_name_gender

_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}             # opening mark → closing mark
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}     # dependency labels of a subject
# subject clitics of an inverted verb: "a-t-il ajouté", "confirme-t-on"
_CLITICS = ("-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles", "-on")  # longest first
# prepositions that make the name after them no subject: "le cabinet de Zelensky"
_NOT_AFTER = {"de", "d'", "du", "des", "à", "au", "aux", "avec", "par", "pour", "contre", "chez", "sur", "entre", "outre", "hormis", "sauf", "envers"}


def _split_clitic(word: str) -> tuple[str, str]:
    """A word and the subject clitic it ends with: "ajoute-t-il" → ("ajoute", "-t-il"); ("dit", "")."""
    clitic = next((c for c in _CLITICS if word.endswith(c)), "")
    return word[:len(word) - len(clitic)], clitic


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces: "Ministre de l'Économie" → "ministre de l economie"."""
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).strip()


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations *including* their marks, paired within each paragraph; a
    quotation left open at a paragraph's end runs on to the mark that closes it at the start of a
    following paragraph (at most two on), as a quoted statement of several paragraphs does."""
    spans: list[tuple[int, int]] = []
    offset = 0
    pending: tuple[str, int, int] | None = None  # (opening mark, position, paragraphs since)
    for paragraph in text.split("\n"):
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        start = 0
        if pending is not None and paragraph.strip():
            mark, at, age = pending
            closer = '"' if mark == '"' else _QUOTE_PAIRS[mark]
            first = next((i for i, ch in enumerate(paragraph) if ch in _QUOTE_PAIRS or ch in ('"', "»", "”")), None)
            closes = first is not None and paragraph[first] == closer and (
                mark != '"' or paragraph.count('"') % 2 == 1)
            if closes:
                spans.append((at, offset + first + 1))
                start = first + 1
                pending = None
            elif first is not None or age >= 2:
                pending = None
            else:
                pending = (mark, at, age + 1)
        for i, ch in enumerate(paragraph):
            if i < start:
                continue
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
        if len(stack) == 1 and straight is None:
            pending = (stack[0][0], offset + stack[0][1], 0)
        elif straight is not None and not stack:
            pending = ('"', offset + straight, 0)
        offset += len(paragraph) + 1
    return sorted(spans)


def _quoted(doc: Doc, longer_than: int = 0) -> list[tuple[int, int]]:
    """The document's quotation spans (those longer than ``longer_than`` characters), computed once."""
    key = f"recoupe_quoted_{longer_than}"
    spans = doc.user_data.get(key)
    if spans is None:
        spans = quotation_spans(_text(doc)) if longer_than == 0 else \
            [(a, b) for a, b in _quoted(doc) if b - a > longer_than]
        doc.user_data[key] = spans
    return spans


def _sent_before(token: Token) -> Span | None:
    """The sentence before ``token``'s, past the spaces and punctuation between them; None at the start."""
    doc = token.doc
    k = _sent(token).start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    return _sent(doc[k]) if k >= 0 else None


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


def text_length(doc: Doc) -> int:
    """The length of the document's text, without building it."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc`` the text it was parsed from, so that nothing builds it again token by token."""
    if text_length(doc) == len(text):
        doc.user_data["recoupe_text"] = text


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


def _aux_chain(verb: Token) -> list[Token]:
    return [verb] + [c for c in verb.children if c.dep_.startswith("aux")]


_LEADING_SUBORDINATE = re.compile(r"^\W*(?:(?:et|mais)\s+)?(?:même\s+)?(?:si\b|s['’]|alors\s+qu|bien\s+qu|quand\b|lorsqu|"
                                  r"puisqu|tandis\s+qu|après\s+qu|parce\s+qu|comme\b)", re.IGNORECASE)


def main_clause_after(verb: Token, quoted) -> Token | None:
    """When ``verb`` sits in a subordinate clause opening its sentence ("Même s'il avait déclaré qu'…,
    le chef de l'Etat avait préféré …"), the first word of the main clause's subject; else None."""
    doc = verb.doc
    sentence = _sent(verb)
    lead = _text(doc)[sentence.start_char:verb.idx]
    # also a present participle opening the sentence: "Considérant que les faits étaient constitués, le
    # tribunal a condamné …", "Estimant que …, le ministre a annulé …"
    participle = verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") and \
        re.fullmatch(r"\W*(?:(?:et|mais|tout|en)\s+)*", lead, re.IGNORECASE) is not None
    if not participle and not _LEADING_SUBORDINATE.match(lead):
        return None
    for comma in doc[verb.i + 1:sentence.end]:
        if comma.text != "," or _inside(comma.idx, quoted):
            continue
        appositions = 0  # "…, Jean Dupont, le maire, a annulé …": a name and its apposition before the verb
        for t in doc[comma.i + 1:min(comma.i + 15, sentence.end)]:
            if t.text == "," and appositions < 2 and \
                    all(u.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "ADP", "PUNCT") for u in doc[comma.i + 1:t.i]):
                appositions += 1
                continue
            if t.text in (",", ";", ":") or t.pos_ == "VERB" and "Fin" not in t.morph.get("VerbForm") and \
                    not any(a.pos_ == "AUX" for a in doc[comma.i + 1:t.i]):
                break
            if t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or t.pos_ == "VERB") and t.i > comma.i + 1:
                first = doc[comma.i + 1]
                if first.pos_ in ("DET", "PROPN", "NOUN", "PRON") and first.lower_ not in ("qui", "que", "qu'", "dont"):
                    return first
                break
    return None


def first_name_then_name(doc: Doc, j: int, end: int) -> bool:
    """Whether a person's name starts at ``j`` (before ``end``): a known first name, capitalised, then a
    capitalised name ("Pierre Nanterme", "Khaldia Dussourt"), whether the recogniser saw it or not."""
    return j + 1 < end and doc[j].pos_ == "PROPN" and doc[j + 1].pos_ == "PROPN" and \
        doc[j + 1].text[:1].isupper() and first_name_gender(doc[j].text) is not None


def subject_of_a_verb(span: Span) -> bool:
    """Whether a name is the subject of a verb: "Act-Up dénonce …", "Bernard affirme …" (any of its
    tokens, since the parse may split a name such as "Act-Up" into three)."""
    return any(t.dep_ in ("nsubj", "nsubj:pass") and t.head.pos_ in ("VERB", "AUX") for t in span)
