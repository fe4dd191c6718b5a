"""Per-article analysis: sentences, entity mentions and weighted terms, batched through ``nlp.pipe``.

Pure: the output depends on the article alone, so batches can be mapped over processes.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc
from unidecode import unidecode

from ..compare import article_claims
from ..records import Analysis, Article, Mention, Quantity
from ..settings import Settings
from .dates import find_dates
from .embed import embed_leads
from .nlp import detect_language, load_nlp
from .quantities import find_quantities
from .entities import repair_mentions
from .first_names import first_name_gender
from .quotes import find_quotes
from .syntax import _text, remember_text

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_ENTITY_LABELS = {"PER", "ORG", "LOC", "MISC"}
_LEADING_ARTICLE = re.compile(r"^(?:l'|la |le |les |the )", re.IGNORECASE)


def entity_key(text: str) -> str:
    """Normalised name used to link mentions: no leading article, accents or case."""
    text = _LEADING_ARTICLE.sub("", text.strip())
    return re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).strip()


def _term(token) -> str | None:
    if token.pos_ not in _CONTENT_POS or token.is_stop or token.is_punct or token.like_url:
        return None
    lemma = unidecode((token.lemma_ or token.text).lower()).strip("'-. ")
    if len(lemma) < 2 or not re.search(r"[a-z0-9]", lemma):
        return None
    return lemma


def _mentions(doc: Doc) -> list[Mention]:
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_LABELS:
            continue
        start, end, text = ent.start_char, ent.end_char, ent.text
        stripped = _LEADING_ARTICLE.sub("", text)
        start += len(text) - len(stripped)
        text = stripped.strip()
        end = start + len(text)
        if len(text) < 2 or not any(ch.isupper() for ch in text):
            continue
        mentions.append(Mention(start, end, text, ent.label_, entity_key(text)))
    return _link_names(mentions)


def _misspelt(a: str, b: str) -> bool:
    """Two full names one typing slip apart: same number of words, every word equal but one, which is
    at least six letters long and one edit away ("Lance Armsrong", "Aberto Contador"); not two first
    names ("Michèle"/"Michel Dupont", "Pascale"/"Pascal") nor a word and its feminine."""
    left, right = a.split(), b.split()
    if len(left) != len(right) or len(left) < 2:
        return False
    differing = [(x, y) for x, y in zip(left, right) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= 6 and Levenshtein.distance(x, y, score_cutoff=1) <= 1 and \
        x + "e" != y and y + "e" != x and not (first_name_gender(x.title()) and first_name_gender(y.title()))


def _link_names(mentions: list[Mention]) -> list[Mention]:
    """Within one article, the mentions of one person get one key: "Rutte" and "M. Rutte" are the
    "Mark Rutte" named earlier or later, a full name misspelt once ("Lance Armsrong") is the one spelt
    right more often (or first), and a first name alone is the one person who bears it."""
    counts = Counter(m.key for m in mentions if m.label == "PER")
    order = {key: -i for i, key in enumerate(counts)}  # earlier first
    spelling: dict[str, str] = {}
    for key in counts:
        best = max((k for k in counts if k != key and _misspelt(key, k)), key=lambda k: counts[k], default=None)
        if best is not None and (counts[best], order[best]) > (counts[key], order[key]):
            spelling[key] = best
    if spelling:
        mentions = [Mention(m.start, m.end, m.text, m.label, spelling[m.key]) if m.label == "PER" and m.key in spelling
                    else m for m in mentions]
    full: dict[str, str] = {}
    bearers: dict[str, set[str]] = {}  # the full names each first name starts
    for m in mentions:
        parts = m.key.split()
        if m.label == "PER" and len(parts) >= 2:
            for i in range(1, len(parts)):  # "Cavo Dragone" and "Dragone" are "Giuseppe Cavo Dragone"
                full.setdefault(" ".join(parts[i:]), m.key)
            if parts[0] not in ("m", "mme"):
                bearers.setdefault(parts[0], set()).add(m.key)
    # a first name alone, as a person ("Lance", "Ingrid"; not the city of "Florence"), is the one person
    # of the article who bears it
    first_names = {first: next(iter(keys)) for first, keys in bearers.items() if len(keys) == 1 and first not in full}
    linked = []
    for m in mentions:
        key = m.key.removeprefix("m ").removeprefix("mme ")
        target = full.get(key) or (first_names.get(key) if m.label == "PER" else None)
        if target and target != m.key:
            linked.append(Mention(m.start, m.end, m.text, "PER", target))
        else:
            linked.append(m)
    return linked


def _sentences(doc: Doc) -> list[tuple[int, int, list[str]]]:
    out = []
    whole = _text(doc)
    for sent in doc.sents:
        text = whole[sent.start_char:sent.end_char]
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if right <= left:
            continue
        terms = [t for t in map(_term, sent) if t]
        out.append((sent.start_char + left, sent.start_char + right, terms))
    return out


def _with_subjects(article: Article, quantities: list[Quantity], doc: Doc) -> list[Quantity]:
    """Each counted quantity with what it counts in its sentence (read from the parse, here only)."""
    subjects = {(c.quantity.start, c.quantity.end): c.subject
                for c in article_claims(article.id, article.text, quantities, doc=doc)}
    return [dataclasses.replace(q, subject=subjects.get((q.start, q.end))) for q in quantities]


def _names_in(credits: tuple[str, ...]) -> tuple[str, ...]:
    """The names in a byline or credit line ("Reportage Andrew Gray et Makini Brice ; édité par …"):
    authors, never speakers."""
    names = []
    for line in credits:
        for part in re.split(r"[;,]| et | and |\bpar\b|\bby\b", line):
            words = [w for w in part.split() if w[:1].isupper()]
            if len(words) >= 2:
                names.append(" ".join(words[-3:]))
    return tuple(dict.fromkeys(names))


def analyse_doc(article: Article, doc: Doc, title_doc: Doc | None, settings: Settings) -> Analysis:
    remember_text(doc, article.text)  # spaCy's Doc.text joins every token again on each access
    sentences = _sentences(doc)
    mentions, roles = repair_mentions(doc, _mentions(doc))
    terms: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    for index, (_, _, sentence_terms) in enumerate(sentences):
        terms.update(sentence_terms)
        if index < settings.lead_sentences:
            lead.update(sentence_terms)
    if title_doc is not None:
        for term in filter(None, map(_term, title_doc)):
            terms[term] += settings.title_weight
            lead[term] += settings.title_weight
    language = article.language or detect_language(article.text)
    dates = find_dates(article.text, article.published, doc)
    quantities = _with_subjects(article, find_quantities(article.text, doc), doc)
    authors = tuple(n for n in (article.author, article.credits) if n)
    quotes = find_quotes(doc, mentions, _names_in(authors), article.published) if settings.quotes else []
    return Analysis(
        article_id=article.id,
        language=language,
        sentences=tuple((s, e) for s, e, _ in sentences),
        mentions=tuple(mentions),
        terms=dict(terms),
        lead_terms=dict(lead),
        sentence_terms=tuple(tuple(t) for _, _, t in sentences),
        dates=tuple(dates),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        roles=tuple(roles),
    )


def analyse_articles(articles: Sequence[Article], settings: Settings) -> Iterator[Analysis]:
    """Analyse a batch of articles with one pass of ``nlp.pipe`` over texts and titles."""
    nlp = load_nlp(settings.spacy_model)
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.nlp_batch_size)
    titled = [a.title or "" for a in articles]
    title_docs: Iterable[Doc] = nlp.pipe(titled, batch_size=256,
                                         disable=[n for n in ("parser", "ner") if n in nlp.pipe_names])
    batch: list[tuple[Article, Analysis]] = []
    for article, doc, title_doc in zip(articles, docs, title_docs):
        batch.append((article, analyse_doc(article, doc, title_doc if article.title else None, settings)))
        if len(batch) >= settings.nlp_batch_size:
            yield from _with_embeddings(batch)
            batch = []
    yield from _with_embeddings(batch)


def _with_embeddings(batch: list[tuple[Article, Analysis]]) -> Iterator[Analysis]:
    vectors = embed_leads([a for a, _ in batch], [an for _, an in batch])
    for (_, analysis), vector in zip(batch, vectors):
        yield dataclasses.replace(analysis, embedding=tuple(float(x) for x in vector))
