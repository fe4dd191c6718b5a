"""Markdown briefing from a `recoupe/1` document, plus the outline helpers the HTML view shares."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

Doc = Mapping[str, Any]
Record = Mapping[str, Any]

ENTITY_GROUPS: tuple[tuple[str, str], ...] = (
    ("PER", "People"),
    ("ORG", "Organisations"),
    ("LOC", "Places"),
    ("MISC", "Other"),
)

_UNSAFE_ANCHOR_CHARS = re.compile(r"[^A-Za-z0-9_-]")


def anchor_slug(identifier: str) -> str:
    """A fragment-safe form of `identifier`, stable and distinct for distinct ids.

    Ids that are already safe are kept as they are; others get a short hash so that
    "a b" and "a-b" do not end up sharing an anchor.
    """
    slug = _UNSAFE_ANCHOR_CHARS.sub("-", identifier)
    if slug == identifier and slug:
        return slug
    digest = hashlib.sha1(identifier.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


def article_anchor(article_id: str) -> str:
    return f"art-{anchor_slug(article_id)}"


def event_anchor(event_id: str) -> str:
    return f"event-{anchor_slug(event_id)}"


def _date_sort_key(event: Record) -> tuple[int, str]:
    date = event.get("date")
    return (0, date) if date else (1, "")


def sort_events_by_date(events: Iterable[Record]) -> list[Record]:
    """Dated events first in date order, undated last; ties keep document order."""
    return sorted(events, key=_date_sort_key)


def storyline_sections(doc: Doc) -> list[tuple[Record | None, list[Record]]]:
    """(storyline, its events by date) in document order; events in no storyline come last."""
    events_by_id = {e["id"]: e for e in doc.get("events", [])}
    placed: set[str] = set()
    sections: list[tuple[Record | None, list[Record]]] = []
    for storyline in doc.get("storylines", []):
        members = [events_by_id[i] for i in storyline.get("events", []) if i in events_by_id]
        placed.update(e["id"] for e in members)
        sections.append((storyline, sort_events_by_date(members)))
    loose = [e for e in doc.get("events", []) if e["id"] not in placed]
    if loose:
        sections.append((None, sort_events_by_date(loose)))
    return sections


def distinct_source_count(doc: Doc, article_ids: Iterable[str]) -> int:
    """Distinct outlets among articles; an article with no known source counts on its own."""
    articles = {a["id"]: a for a in doc.get("articles", [])}
    outlets = set()
    for article_id in article_ids:
        source = (articles.get(article_id) or {}).get("source")
        outlets.add(("source", source) if source else ("article", article_id))
    return len(outlets)


def quote_groups(doc: Doc, quote_ids: Iterable[str]) -> list[tuple[Record, list[Record]]]:
    """Each quote with the other renderings of the same utterance (`same_as`), shown once."""
    quotes = {q["id"]: q for q in doc.get("quotes", [])}
    seen: set[str] = set()
    groups: list[tuple[Record, list[Record]]] = []
    for quote_id in quote_ids:
        quote = quotes.get(quote_id)
        if quote is None or quote_id in seen:
            continue
        others = [quotes[i] for i in quote.get("same_as", []) if i in quotes and i not in seen]
        others = [q for q in others if q["id"] != quote_id]
        seen.add(quote_id)
        seen.update(q["id"] for q in others)
        groups.append((quote, others))
    return groups


_OPENING_QUOTE_MARKS = ("«", '"', "“", "„", "‹", "'")


def quote_display(quote: Record) -> str:
    """Quote text with guillemets around direct speech that does not already carry them."""
    text = (quote.get("text") or "").strip()
    if quote.get("kind") == "direct" and not text.startswith(_OPENING_QUOTE_MARKS):
        return f"« {text} »"
    return text


def entities_by_group(doc: Doc) -> list[tuple[str, list[Record]]]:
    """Entities per type (unknown types under "Other"), most mentioned first."""
    mentions = Counter(
        m.get("entity") for a in doc.get("articles", []) for m in a.get("mentions", [])
    )
    known = {code for code, _ in ENTITY_GROUPS}
    grouped: dict[str, list[Record]] = {code: [] for code in known}
    for entity in doc.get("entities", []):
        code = entity.get("type") if entity.get("type") in known else "MISC"
        grouped[code].append(entity)
    result = []
    for code, label in ENTITY_GROUPS:
        members = sorted(grouped[code], key=lambda e: (-mentions[e["id"]], e.get("name", "")))
        if members:
            result.append((label, members))
    return result


def other_aliases(entity: Record) -> list[str]:
    name = entity.get("name")
    return [alias for alias in dict.fromkeys(entity.get("aliases", [])) if alias != name]


# Escaping: text from articles must not turn into Markdown structure, raw HTML or links.
_INLINE_SPECIALS = re.compile(r"([\\`*\[\]<>])")
_BLOCK_MARKER = re.compile(r"^(?:[#>+=|-]|\d+(?=[.)]))")


def md_inline(text: str | None) -> str:
    return _INLINE_SPECIALS.sub(r"\\\1", text or "").replace("\n", " ")


def md_block(text: str | None) -> str:
    """Each non-empty line of `text` as its own paragraph, unable to start a heading or list."""
    paragraphs = []
    for line in (text or "").splitlines():
        line = _INLINE_SPECIALS.sub(r"\\\1", line.strip())
        if line:
            paragraphs.append(_BLOCK_MARKER.sub(_escape_block_marker, line, count=1))
    return "\n\n".join(paragraphs)


def _escape_block_marker(match: re.Match[str]) -> str:
    marker = match.group(0)
    # "1." only starts a list through its dot, so the escape goes after the digits.
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


class _Citations:
    """Shortcut reference links: `[id]` in the text, `[id]: #art-id` once at the end."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}

    def cite(self, article_ids: Iterable[str]) -> str:
        chips = []
        for article_id in dict.fromkeys(article_ids):
            label = md_inline(article_id)
            self.targets[label] = article_anchor(article_id)
            chips.append(f"[{label}]")
        return " ".join(chips)

    def definitions(self) -> list[str]:
        return [f"[{label}]: #{anchor}" for label, anchor in self.targets.items()]


def _cited_lines(items: Iterable[Record], cites: _Citations) -> list[str]:
    return [
        f"- {md_inline(item.get('text'))} {cites.cite(item.get('sources', []))}" for item in items
    ]


def _discrepancy_lines(discrepancies: Iterable[Record], cites: _Citations) -> list[str]:
    lines = []
    for discrepancy in discrepancies:
        lines.append(f"- **{md_inline(discrepancy.get('about'))}**")
        for claim in discrepancy.get("claims", []):
            value = claim.get("value")
            shown = f" ({md_inline(str(value))})" if value is not None else ""
            cited = cites.cite([claim.get("article", "")])
            lines.append(f"  - « {md_inline(claim.get('text'))} »{shown} {cited}")
    return lines


def _timeline_lines(timeline: Iterable[Record], cites: _Citations) -> list[str]:
    return [
        f"- {md_inline(entry.get('date'))} — {md_inline(entry.get('text'))} "
        f"{cites.cite(entry.get('sources', []))}"
        for entry in timeline
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"{title}", "", *lines, ""] if lines else []


def _event_lines(doc: Doc, event: Record, cites: _Citations) -> list[str]:
    article_ids = event.get("articles", [])
    date = md_inline(event.get("date")) if event.get("date") else "undated"
    if event.get("date") and event.get("date_inferred"):
        date += " (inferred)"
    lines = [
        f"### {md_inline(event.get('title'))}",
        "",
        f"*{date}* · {_count(len(article_ids), 'article')} · "
        f"{_count(distinct_source_count(doc, article_ids), 'source')}",
        "",
        *_cited_lines(event.get("summary", []), cites),
        "",
    ]
    quote_lines = []
    for quote, others in quote_groups(doc, event.get("quotes", [])):
        speaker = (quote.get("speaker") or {}).get("name") or "Unknown speaker"
        cue = f" — *{md_inline(quote.get('cue'))}*" if quote.get("cue") else ""
        sources = [quote.get("article", "")] + [q.get("article", "") for q in others]
        text = md_inline(quote_display(quote))
        quote_lines.append(f"- **{md_inline(speaker)}**: {text}{cue} {cites.cite(sources)}")
    lines += _section("#### Quotes", quote_lines)
    agreed = [
        f"- {md_inline(fact.get('text'))} {cites.cite(fact.get('sources', []))} "
        f"({_count(fact.get('independent_sources', 1), 'independent source')})"
        for fact in event.get("agreed", [])
    ]
    lines += _section("#### Agreed facts", agreed)
    discrepancies = _discrepancy_lines(event.get("discrepancies", []), cites)
    lines += _section("#### Discrepancies", discrepancies)
    lines += _section("#### Timeline", _timeline_lines(event.get("timeline", []), cites))
    return lines


def _article_lines(article: Record, cites: _Citations) -> list[str]:
    article_id = article.get("id", "")
    title = article.get("title") or "(untitled)"
    meta = [f"id {md_inline(article_id)}"]
    if article.get("source"):
        meta.append(md_inline(article["source"]))
    if article.get("author"):
        meta.append(f"by {md_inline(article['author'])}")
    if article.get("published"):
        inferred = " (inferred)" if article.get("published_inferred") else ""
        meta.append(f"published {md_inline(article['published'])}{inferred}")
    if article.get("duplicate_of"):
        meta.append(f"duplicate of {cites.cite([article['duplicate_of']])}")
    return [
        f'### <a id="{article_anchor(article_id)}"></a>{md_inline(title)}',
        "",
        " · ".join(meta),
        "",
        md_block(article.get("text")),
        "",
    ]


def render_markdown(doc: Doc) -> str:
    """A Markdown briefing of `doc` (a `recoupe/1` dict), every statement cited by article id."""
    cites = _Citations()
    articles = doc.get("articles", [])
    events = doc.get("events", [])
    storylines = doc.get("storylines", [])
    lines = [
        "# Briefing",
        "",
        f"{_count(len(articles), 'article')} · {_count(len(events), 'event')} · "
        f"{_count(len(storylines), 'storyline')}",
        "",
    ]
    for storyline, members in storyline_sections(doc):
        if storyline is None:
            lines += ["## Other events", ""]
        else:
            lines += [f"## {md_inline(storyline.get('title'))}", ""]
            lines += _cited_lines(storyline.get("summary", []), cites) + [""]
            lines += _section(
                "#### Discrepancies across the storyline",
                _discrepancy_lines(storyline.get("discrepancies", []), cites),
            )
            lines += _section(
                "#### Storyline timeline", _timeline_lines(storyline.get("timeline", []), cites)
            )
        for event in members:
            lines += _event_lines(doc, event, cites)

    groups = entities_by_group(doc)
    if groups:
        lines += ["## People, organisations and places", ""]
        for label, members in groups:
            lines += [f"### {label}", ""]
            for entity in members:
                extra = ""
                if aliases := other_aliases(entity):
                    extra += " — also: " + ", ".join(md_inline(a) for a in aliases)
                if roles := entity.get("roles"):
                    extra += " — " + "; ".join(md_inline(r) for r in roles)
                lines.append(f"- **{md_inline(entity.get('name'))}**{extra}")
            lines.append("")

    lines += ["## Articles", ""]
    for article in articles:
        lines += _article_lines(article, cites)
    lines += cites.definitions()
    return "\n".join(lines).rstrip("\n") + "\n"
