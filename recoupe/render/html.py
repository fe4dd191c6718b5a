"""Self-contained HTML briefing from a `recoupe/1` document.

Python builds a plain view (dicts of strings) and the Jinja2 template only lays it out, with
autoescape on: nothing from the articles is ever marked safe.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import jinja2

from .markdown import (
    Doc,
    Record,
    article_anchor,
    distinct_source_count,
    entities_by_group,
    event_anchor,
    other_aliases,
    quote_display,
    quote_groups,
    storyline_sections,
)

from .svg import event_chart

TEMPLATE_NAME = "report.html.j2"

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# Shorter sentences ("Today.") would count as contained in almost any summary sentence.
_MIN_CONTAINED_CHARS = 20


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("recoupe.render", "templates"),
        # The template is named *.html.j2, which select_autoescape would not recognise.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


class _Sentence:
    __slots__ = ("anchor", "start", "end", "norm", "words")

    def __init__(self, anchor: str, start: int, end: int, text: str) -> None:
        self.anchor = anchor
        self.start = start
        self.end = end
        self.norm = _normalise(text)
        self.words = set(_WORD.findall(self.norm))


def _sentence_spans(article: Record) -> list[tuple[int, int, int]]:
    """(k, start, end) of usable sentences: inside the text, ordered, not overlapping."""
    length = len(article.get("text") or "")
    raw = article.get("sentences")
    if not raw:
        return [(0, 0, length)] if length else []
    spans = []
    cursor = 0
    indexed = sorted(enumerate(raw), key=lambda item: item[1].get("start", 0))
    for k, span in indexed:
        start, end = max(span.get("start", 0), cursor), min(span.get("end", 0), length)
        if start < end:
            spans.append((k, start, end))
            cursor = end
    return spans


class _ArticleIndex:
    """Articles' sentences with anchors, and the sentence a cited statement comes from."""

    def __init__(self, articles: Iterable[Record]) -> None:
        self.articles = {a["id"]: a for a in articles}
        self.sentences: dict[str, list[_Sentence]] = {}
        for article_id, article in self.articles.items():
            text = article.get("text") or ""
            base = article_anchor(article_id)
            self.sentences[article_id] = [
                _Sentence(f"{base}-s{k}", start, end, text[start:end])
                for k, start, end in _sentence_spans(article)
            ]

    def segments(self, article_id: str) -> list[dict[str, str | None]]:
        """The article text cut into sentence spans (with anchor) and the gaps between them."""
        text = self.articles[article_id].get("text") or ""
        parts: list[dict[str, str | None]] = []
        cursor = 0
        for sentence in self.sentences[article_id]:
            if sentence.start > cursor:
                parts.append({"text": text[cursor : sentence.start], "anchor": None})
            parts.append({"text": text[sentence.start : sentence.end], "anchor": sentence.anchor})
            cursor = sentence.end
        if cursor < len(text):
            parts.append({"text": text[cursor:], "anchor": None})
        return parts

    def best_sentence(self, article_id: str, statement: str) -> str | None:
        sentences = self.sentences.get(article_id) or []
        wanted = _normalise(statement)
        if not sentences or not wanted:
            return None
        for sentence in sentences:
            if wanted in sentence.norm:
                return sentence.anchor
        for sentence in sentences:
            if len(sentence.norm) >= _MIN_CONTAINED_CHARS and sentence.norm in wanted:
                return sentence.anchor
        words = set(_WORD.findall(wanted))
        best, best_score = None, 0.0
        for sentence in sentences:
            shared = len(words & sentence.words)
            score = 2 * shared / (len(words) + len(sentence.words) or 1)
            if score > best_score:
                best, best_score = sentence.anchor, score
        return best

    def sentence_at(self, article_id: str, offset: int) -> str | None:
        for sentence in self.sentences.get(article_id) or []:
            if sentence.start <= offset < sentence.end:
                return sentence.anchor
        return None

    def cite(self, article_id: str, statement: str = "", offset: int | None = None) -> dict:
        """A citation chip: the exact id as label, linking to the best sentence it can find."""
        if article_id not in self.articles:
            return {"label": article_id, "href": None, "title": "article not in this document"}
        anchor = self.sentence_at(article_id, offset) if offset is not None else None
        anchor = anchor or self.best_sentence(article_id, statement) or article_anchor(article_id)
        title = self.articles[article_id].get("title")
        tooltip = f"{article_id} — {title}" if title else article_id
        return {"label": article_id, "href": f"#{anchor}", "title": tooltip}

    def cite_all(self, article_ids: Iterable[str], statement: str) -> list[dict]:
        return [self.cite(i, statement) for i in dict.fromkeys(article_ids)]


def _cited(items: Iterable[Record], index: _ArticleIndex) -> list[dict]:
    return [
        {
            "text": item.get("text", ""),
            "cites": index.cite_all(item.get("sources", []), item.get("text", "")),
        }
        for item in items
    ]


def _discrepancies(items: Iterable[Record], index: _ArticleIndex) -> list[dict]:
    return [
        {
            "about": d.get("about", ""),
            "claims": [
                {
                    "text": c.get("text", ""),
                    "value": None if c.get("value") is None else str(c["value"]),
                    "cites": [index.cite(c.get("article", ""), c.get("text", ""))],
                }
                for c in d.get("claims", [])
            ],
        }
        for d in items
    ]


def _timeline(items: Iterable[Record], index: _ArticleIndex) -> list[dict]:
    return [
        {"date": t.get("date", ""), "text": t.get("text", ""),
         "cites": index.cite_all(t.get("sources", []), t.get("text", ""))}
        for t in items
    ]


def _quotes(doc: Doc, quote_ids: Sequence[str], index: _ArticleIndex) -> list[dict]:
    board = []
    for quote, others in quote_groups(doc, quote_ids):
        cites = [
            index.cite(q.get("article", ""), q.get("text", ""), offset=q.get("start"))
            for q in (quote, *others)
        ]
        board.append({
            "speaker": (quote.get("speaker") or {}).get("name"),
            "display": quote_display(quote),
            "cue": quote.get("cue"),
            "kind": quote.get("kind", ""),
            "cites": list({c["label"]: c for c in cites}.values()),
        })
    return board


def _event_view(doc: Doc, event: Record, index: _ArticleIndex) -> dict:
    article_ids = event.get("articles", [])
    return {
        "anchor": event_anchor(event["id"]),
        "title": event.get("title") or "(untitled event)",
        "date": event.get("date"),
        "date_inferred": bool(event.get("date_inferred")),
        "n_articles": len(article_ids),
        "n_sources": distinct_source_count(doc, article_ids),
        "summary": _cited(event.get("summary", []), index),
        "quotes": _quotes(doc, event.get("quotes", []), index),
        "agreed": [
            {**cited, "independent": fact.get("independent_sources", 1)}
            for fact, cited in zip(event.get("agreed", []), _cited(event.get("agreed", []), index))
        ],
        "discrepancies": _discrepancies(event.get("discrepancies", []), index),
        "timeline": _timeline(event.get("timeline", []), index),
    }


def _article_view(article: Record, index: _ArticleIndex, events: dict) -> dict:
    duplicate_of = article.get("duplicate_of")
    event = events.get(article.get("event"))
    return {
        "id": article["id"],
        "anchor": article_anchor(article["id"]),
        "title": article.get("title"),
        "source": article.get("source"),
        "author": article.get("author"),
        "published": article.get("published"),
        "published_inferred": bool(article.get("published_inferred")),
        "url": article.get("url"),
        "language": article.get("language"),
        "duplicate_of": index.cite(duplicate_of) if duplicate_of else None,
        "event": None if event is None else {
            "title": event.get("title") or event["id"],
            "href": "#" + event_anchor(event["id"]),
        },
        "segments": index.segments(article["id"]),
    }


def _entity_view(entity: Record) -> dict:
    return {
        "name": entity.get("name", ""),
        "aliases": other_aliases(entity),
        "roles": entity.get("roles", []),
    }


def _main_language(articles: Sequence[Record]) -> str:
    languages = Counter(a.get("language") for a in articles if a.get("language"))
    return languages.most_common(1)[0][0] if languages else "fr"


def build_view(doc: Doc) -> dict[str, Any]:
    """The plain data the template lays out; useful on its own for other front ends."""
    articles = doc.get("articles", [])
    index = _ArticleIndex(articles)
    events = {e["id"]: e for e in doc.get("events", [])}
    sections = []
    for storyline, members in storyline_sections(doc):
        storyline = storyline or {}
        event_views = [_event_view(doc, e, index) for e in members]
        sections.append({
            "chart": event_chart(event_views),
            "title": storyline.get("title"),
            "summary": _cited(storyline.get("summary", []), index),
            "discrepancies": _discrepancies(storyline.get("discrepancies", []), index),
            "timeline": _timeline(storyline.get("timeline", []), index),
            "events": event_views,
        })
    return {
        "language": _main_language(articles),
        "counts": {
            "articles": len(articles),
            "events": len(events),
            "storylines": len(doc.get("storylines", [])),
        },
        "sections": sections,
        "entity_groups": [
            (label, [_entity_view(e) for e in members]) for label, members in entities_by_group(doc)
        ],
        "articles": [_article_view(a, index, events) for a in articles],
    }


def render_html(doc: Doc) -> str:
    """A self-contained HTML briefing of `doc` (a `recoupe/1` dict): no network, no script."""
    return _environment().get_template(TEMPLATE_NAME).render(view=build_view(doc))
