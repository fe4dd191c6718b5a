"""What the pages show, computed from one ``recoupe/1`` document (a *snapshot* of the store).

Python builds plain dicts of strings and numbers; the templates only lay them out, with autoescape
on. Links are built here from ids (percent-encoded), never from article data, except an article's
own URL, which is shown as a link only when it is a well-formed http(s) URL.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from ..people import person_view
from ..render.html import _ArticleIndex, build_view
from ..render.markdown import (ENTITY_GROUPS, article_anchor, distinct_source_count, event_anchor, quote_display,
                                quote_groups)

UNKNOWN_SOURCE = "-"        # the key of articles that name no outlet
UNKNOWN_SOURCE_LABEL = "outlet not given"
TYPE_LABELS = dict(ENTITY_GROUPS)


# --- links -------------------------------------------------------------------------------------
def _q(value: str) -> str:
    return quote(value, safe="")


def article_href(article_id: str, anchor: str | None = None) -> str:
    return f"/articles/{_q(article_id)}" + (f"#{anchor}" if anchor else "")


def event_href(event_id: str) -> str:
    return f"/events/{_q(event_id)}"


def storyline_href(storyline_id: str) -> str:
    return f"/storylines/{_q(storyline_id)}"


def entity_href(entity_id: str) -> str:
    return f"/entities/{_q(entity_id)}"


def source_key(source: str | None) -> str:
    return source if source else UNKNOWN_SOURCE


def source_label(source: str | None) -> str:
    return source if source else UNKNOWN_SOURCE_LABEL


def source_href(source: str | None) -> str:
    return f"/sources/{_q(source_key(source))}"


def search_href(text: str) -> str:
    return "/search?" + urlencode({"q": text})


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host (never javascript:, data:, …)."""
    if not url or any(c in url for c in "\x00\r\n\t\"'<> `"):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


# --- dates and sparklines ----------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def nice_date(value: str | None) -> str:
    day = _day(value)
    if day is None:
        return value or ""
    if len(value) == 4:
        return str(day.year)
    if len(value) == 7:
        return day.strftime("%b %Y")
    return f"{day.day} {day.strftime('%b %Y')}"


def sparkline(days: Iterable[str | None], width: int = 160, height: int = 34) -> dict | None:
    """Articles per day (per week over two months, per month over two years) as an SVG polyline."""
    dated = sorted(d for d in (_day(v) for v in days) if d)
    if not dated:
        return None
    first, last = dated[0], dated[-1]
    span = (last - first).days
    if span < 6:  # a short burst still reads as a peak inside a week
        first -= timedelta(days=(6 - span) // 2 + 1)
        last = first + timedelta(days=7)
        span = 7
    step = 1 if span <= 62 else 7 if span <= 730 else 30
    bins = span // step + 1
    counts = [0] * bins
    for d in dated:
        counts[min(bins - 1, (d - first).days // step)] += 1
    top = max(counts)
    pad = 3
    x = lambda i: round(pad + i * (width - 2 * pad) / max(1, bins - 1), 1)  # noqa: E731
    y = lambda c: round(height - pad - c / top * (height - 2 * pad), 1)  # noqa: E731
    points = " ".join(f"{x(i)},{y(c)}" for i, c in enumerate(counts))
    area = f"{x(0)},{height - pad} {points} {x(bins - 1)},{height - pad}"
    peak = max(range(bins), key=lambda i: counts[i])
    unit = {1: "day", 7: "week", 30: "month"}[step]
    return {"width": width, "height": height, "points": points, "area": area, "peak_x": x(peak),
            "peak_y": y(counts[peak]), "first": dated[0].isoformat(), "last": dated[-1].isoformat(),
            "label": f"{len(dated)} dated articles from {nice_date(dated[0].isoformat())} to "
                     f"{nice_date(dated[-1].isoformat())}, at most {top} a {unit}", "unit": unit}


# --- the snapshot -------------------------------------------------------------------------------
def _rewrite_cites(node: Any) -> None:
    """The static briefing's citation chips link to "#anchor" in one file; here to the article page."""
    if isinstance(node, dict):
        href = node.get("href")
        if "label" in node and isinstance(href, str) and href.startswith("#"):
            node["href"] = article_href(node["label"], href[1:])
        for value in node.values():
            _rewrite_cites(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _rewrite_cites(value)


class Snapshot:
    """One export of the store and every index the pages need; immutable once built."""

    def __init__(self, doc: dict, generation: tuple, built_in: float = 0.0) -> None:
        self.doc = doc
        self.generation = generation
        self.built_in = built_in
        self.articles = {a["id"]: a for a in doc.get("articles", [])}
        self.events = {e["id"]: e for e in doc.get("events", [])}
        self.storylines = {s["id"]: s for s in doc.get("storylines", [])}
        self.entities = {e["id"]: e for e in doc.get("entities", [])}
        self.quotes = {q["id"]: q for q in doc.get("quotes", []) if "id" in q}
        self.quotes_by_article: dict[str, list[dict]] = defaultdict(list)
        for q in doc.get("quotes", []):
            self.quotes_by_article[q.get("article")].append(q)
        self.quote_at = {(q.get("article"), q.get("start")): q for q in doc.get("quotes", [])}
        self.copies: dict[str, list[str]] = defaultdict(list)
        for a in doc.get("articles", []):
            if a.get("duplicate_of"):
                self.copies[a["duplicate_of"]].append(a["id"])
        self.index = _ArticleIndex(doc.get("articles", []))
        self.mentions = Counter(m["entity"] for a in doc.get("articles", []) for m in a.get("mentions", ()))
        self.mentioned_in: dict[str, set[str]] = defaultdict(set)
        for a in doc.get("articles", []):
            for m in a.get("mentions", ()):
                self.mentioned_in[m["entity"]].add(a["id"])
        self.quoted: Counter[str] = Counter((q.get("speaker") or {}).get("entity") for q in doc.get("quotes", []))

        view = build_view(doc)
        _rewrite_cites(view)
        self.event_views: dict[str, dict] = {}
        self.storyline_views: dict[str, dict] = {}
        anchor_to_event = {event_anchor(e): e for e in self.events}
        for section, (storyline, _members) in zip(view["sections"], self._sections()):
            if section.get("chart"):
                for point in section["chart"]["points"]:
                    point["href"] = event_href(anchor_to_event.get(point["anchor"], ""))
            for event_view in section["events"]:
                event_id = anchor_to_event.get(event_view["anchor"])
                if event_id:
                    event_view["id"] = event_id
                    event_view["href"] = event_href(event_id)
                    self.event_views[event_id] = event_view
            if storyline is not None:
                self.storyline_views[storyline["id"]] = section
        self.pages: dict[str, bytes] = {}  # rendered pages of this snapshot (app.render)
        self._entity_links: dict[str, dict] = {}
        self._entity_rows: dict[str, list[dict]] = {}
        self._article_pages: dict[str, dict | None] = {}
        self._entity_pages: dict[str, dict | None] = {}
        self.counts = view["counts"]
        self.language = view["language"]
        self.storyline_list = self._storyline_list()
        self.sources = self._sources()

    def remember_page(self, key: str, html: bytes, limit: int = 1000) -> None:
        if len(self.pages) >= limit:
            self.pages.clear()
        self.pages[key] = html

    def _sections(self):
        from ..render.markdown import storyline_sections

        return storyline_sections(self.doc)

    # --- small helpers ----------------------------------------------------------------------
    def article_link(self, article_id: str, anchor: str | None = None) -> dict:
        a = self.articles.get(article_id) or {}
        return {"id": article_id, "href": article_href(article_id, anchor), "title": a.get("title") or article_id,
                "source": source_label(a.get("source")), "published": a.get("published"),
                "copy": bool(a.get("duplicate_of"))}

    def event_link(self, event_id: str | None) -> dict | None:
        event = self.events.get(event_id or "")
        if event is None:
            return None
        return {"id": event_id, "href": event_href(event_id), "title": event.get("title") or event_id,
                "date": event.get("date"), "n_articles": len(event.get("articles", []))}

    def storyline_link(self, storyline_id: str | None) -> dict | None:
        storyline = self.storylines.get(storyline_id or "")
        if storyline is None:
            return None
        return {"id": storyline_id, "href": storyline_href(storyline_id),
                "title": storyline.get("title") or storyline_id}

    def entity_link(self, entity_id: str) -> dict:
        link = self._entity_links.get(entity_id)
        if link is None:
            entity = self.entities.get(entity_id) or {}
            link = {"id": entity_id, "href": entity_href(entity_id), "name": entity.get("name") or entity_id,
                    "type": entity.get("type", "MISC")}
            if entity:
                self._entity_links[entity_id] = link
        return dict(link)

    def sentence_anchor(self, article_id: str, offset: int | None) -> str | None:
        if offset is None:
            return None
        return self.index.sentence_at(article_id, offset) or article_anchor(article_id)

    def quote_cite(self, article_id: str, start: int | None) -> dict:
        """A citation chip to the sentence a quote starts in."""
        title = (self.articles.get(article_id) or {}).get("title")
        return {"label": article_id, "href": article_href(article_id, self.sentence_anchor(article_id, start)),
                "title": f"{article_id} — {title}" if title else article_id}

    def speaker_href(self, speaker: dict | None) -> str | None:
        entity = (speaker or {}).get("entity")
        return entity_href(entity) if entity and entity in self.entities else None

    def quote_card(self, quote: dict, others: Iterable[dict] = ()) -> dict:
        """A quote as the pages show it; ``others``: the same utterance in other articles."""
        speaker = quote.get("speaker") or {}
        article_id = quote.get("article", "")
        cites = [self.quote_cite(q.get("article", ""), q.get("start")) for q in (quote, *others)]
        return {"id": quote.get("id"), "display": quote_display(quote), "kind": quote.get("kind", ""),
                "cue": quote.get("cue"), "speaker": speaker.get("name"), "speaker_href": self.speaker_href(speaker),
                "cites": list({c["label"]: c for c in cites}.values()),
                "event": self.event_link((self.articles.get(article_id) or {}).get("event"))}

    # --- storylines -------------------------------------------------------------------------
    def _storyline_list(self) -> list[dict]:
        rows = []
        for storyline in self.doc.get("storylines", []):
            event_ids = [e for e in storyline.get("events", []) if e in self.events]
            article_ids = [a for e in event_ids for a in self.events[e].get("articles", [])]
            published = [(self.articles.get(a) or {}).get("published") for a in article_ids]
            dates = sorted(p for p in published if p)
            events = [self.event_link(e) for e in event_ids]
            events.sort(key=lambda e: (e["date"] is not None, e["date"] or "", e["id"]), reverse=True)
            rows.append({
                "id": storyline["id"], "href": storyline_href(storyline["id"]),
                "title": storyline.get("title") or storyline["id"],
                "n_events": len(event_ids), "n_articles": len(article_ids),
                "n_sources": distinct_source_count(self.doc, article_ids),
                "n_copies": sum(1 for a in article_ids if (self.articles.get(a) or {}).get("duplicate_of")),
                "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                "undated": len(published) - len(dates), "spark": sparkline(published),
                "lead": (storyline.get("summary") or [{}])[0].get("text"),
                "events": events,
                "n_discrepancies": len(storyline.get("discrepancies", [])),
            })
        rows.sort(key=lambda r: (r["last"] is not None, r["last"] or "", r["n_articles"]), reverse=True)
        loose = [e for e in self.doc.get("events", []) if not e.get("storyline") or e["storyline"] not in self.storylines]
        if loose:
            self.loose_events = [self.event_link(e["id"]) for e in loose]
        else:
            self.loose_events = []
        return rows

    def storyline_page(self, storyline_id: str) -> dict | None:
        storyline = self.storylines.get(storyline_id)
        if storyline is None:
            return None
        row = next(r for r in self.storyline_list if r["id"] == storyline_id)
        return {**row, "section": self.storyline_views.get(storyline_id)}

    # --- events -------------------------------------------------------------------------------
    def event_page(self, event_id: str) -> dict | None:
        event = self.events.get(event_id)
        view = self.event_views.get(event_id)
        if event is None or view is None:
            return None
        storyline_id = event.get("storyline")
        siblings = []
        chart = None
        if storyline_id in self.storylines:
            siblings = [self.event_link(e) for e in self.storylines[storyline_id].get("events", []) if e in self.events]
            section = self.storyline_views.get(storyline_id) or {}
            chart = section.get("chart")
            ordered = [e["id"] for e in section.get("events", []) if "id" in e]
            position = ordered.index(event_id) if event_id in ordered else -1
        else:
            ordered, position = [], -1
        articles = []
        for article_id in event.get("articles", []):
            a = self.articles.get(article_id) or {}
            link = self.article_link(article_id)
            link["duplicate_of"] = a.get("duplicate_of")
            link["author"] = a.get("author")
            articles.append(link)
        present = Counter()
        for article_id in event.get("articles", []):
            present.update({m["entity"] for m in (self.articles.get(article_id) or {}).get("mentions", ())})
        people = [{**self.entity_link(e), "count": n} for e, n in present.most_common(24) if e in self.entities]
        quotes = [self.quote_card(q, others) for q, others in quote_groups(self.doc, event.get("quotes", []))]
        return {
            **view, "quotes": quotes, "id": event_id, "storyline": self.storyline_link(storyline_id), "chart": chart,
            "articles": articles, "entities": people,
            "previous": self.event_link(ordered[position - 1]) if position > 0 else None,
            "next": self.event_link(ordered[position + 1]) if 0 <= position < len(ordered) - 1 else None,
            "n_siblings": len(siblings),
        }

    # --- articles -------------------------------------------------------------------------------
    def article_page(self, article_id: str) -> dict | None:
        return _cached(self._article_pages, article_id, self._article_page)

    def _article_page(self, article_id: str) -> dict | None:
        a = self.articles.get(article_id)
        if a is None:
            return None
        quotes = sorted(self.quotes_by_article.get(article_id, []), key=lambda q: q.get("start", 0))
        return {
            "id": article_id, "title": a.get("title"), "source": source_label(a.get("source")),
            "source_href": source_href(a.get("source")), "author": a.get("author"),
            "published": a.get("published"), "published_inferred": bool(a.get("published_inferred")),
            "url": a.get("url"), "url_href": safe_url(a.get("url")), "language": a.get("language"),
            "path": a.get("path"),
            "event": self.event_link(a.get("event")),
            "storyline": self.storyline_link((self.events.get(a.get("event") or "") or {}).get("storyline")),
            "duplicate_of": self.article_link(a["duplicate_of"]) if a.get("duplicate_of") else None,
            "copies": [self.article_link(c) for c in self.copies.get(article_id, [])],
            "sentences": self._highlighted(a, quotes),
            "quotes": [self.quote_card(q) for q in quotes],
            "entities": self._article_entities(a),
            "repairs": a.get("repairs", []),
            "counts": {"mentions": len(a.get("mentions", ())), "dates": len(a.get("dates", ())),
                       "quantities": len(a.get("quantities", ())), "quotes": len(quotes)},
        }

    def _article_entities(self, a: dict) -> list[dict]:
        counts = Counter(m["entity"] for m in a.get("mentions", ()) if m["entity"] in self.entities)
        groups = defaultdict(list)
        for entity_id, n in counts.most_common():
            link = self.entity_link(entity_id)
            groups[link["type"]].append({**link, "count": n})
        return [(TYPE_LABELS.get(code, "Other"), groups[code]) for code in ("PER", "ORG", "LOC", "MISC") if groups[code]]

    def _highlighted(self, a: dict, quotes: list[dict]) -> list[dict]:
        """The text cut into sentence spans (the citation targets) and, inside each, pieces that
        carry the highlights in force over them: quote, entity mention (linked), date, quantity."""
        text = a.get("text") or ""
        marks = []  # (start, end, kind, payload)
        for m in a.get("mentions", ()):
            marks.append((m["start"], m["end"], "ent", m["entity"]))
        for d in a.get("dates", ()):
            marks.append((d["start"], d["end"], "dt", d.get("value")))
        for q in a.get("quantities", ()):
            marks.append((q["start"], q["end"], "qty", q))
        for q in quotes:
            marks.append((q.get("start", 0), q.get("end", 0), "q", q))
        marks = [m for m in marks if 0 <= m[0] < m[1] <= len(text)]
        marks.sort()
        starts = [m[0] for m in marks]
        out = []
        for segment in self._segments(a["id"], text):
            s0, s1 = segment["start"], segment["end"]
            # marks that overlap [s0, s1): those starting before s1 whose end is after s0
            upto = bisect.bisect_left(starts, s1)
            active = [m for m in marks[:upto] if m[1] > s0]
            cuts = sorted({s0, s1, *(max(s0, m[0]) for m in active), *(min(s1, m[1]) for m in active)})
            pieces = []
            for p0, p1 in zip(cuts, cuts[1:]):
                over = [m for m in active if m[0] <= p0 and m[1] >= p1]
                pieces.append(self._piece(text[p0:p1], over))
            out.append({"anchor": segment["anchor"], "pieces": pieces})
        return out

    def _segments(self, article_id: str, text: str) -> list[dict]:
        out, cursor = [], 0
        for sentence in self.index.sentences.get(article_id, []):
            if sentence.start > cursor:
                out.append({"start": cursor, "end": sentence.start, "anchor": None})
            out.append({"start": sentence.start, "end": sentence.end, "anchor": sentence.anchor})
            cursor = sentence.end
        if cursor < len(text):
            out.append({"start": cursor, "end": len(text), "anchor": None})
        return out

    def _piece(self, text: str, over: list[tuple]) -> dict:
        classes, titles, href = [], [], None
        for start, end, kind, payload in over:
            if kind == "ent" and href is None and payload in self.entities:
                link = self.entity_link(payload)
                href = link["href"]
                classes += ["ent", "ent-" + link["type"].lower()]
                titles.append(f"{link['name']} ({TYPE_LABELS.get(link['type'], 'Other').lower()})")
            elif kind == "dt":
                classes.append("dt")
                titles.append(f"date: {payload}" if payload else "date (unresolved)")
            elif kind == "qty" and "qty" not in classes:
                classes.append("qty")
                span = payload.get("value")
                if payload.get("low") != payload.get("high") and (payload.get("low"), payload.get("high")) != (None, None):
                    span = f"{_num(payload.get('low'))}–{_num(payload.get('high'))}"
                else:
                    span = _num(span)
                titles.append(f"quantity: {span} {payload.get('unit') or ''}".strip())
            elif kind == "q" and "q" not in classes:
                classes.append("q")
                who = (payload.get("speaker") or {}).get("name") or "unknown speaker"
                titles.append(f"quote ({payload.get('kind', '')}) — {who}")
        return {"text": text, "cls": " ".join(dict.fromkeys(classes)), "title": " · ".join(titles), "href": href}

    # --- people and organisations -----------------------------------------------------------
    def entity_page(self, entity_id: str) -> dict | None:
        return _cached(self._entity_pages, entity_id, self._entity_page)

    def _entity_page(self, entity_id: str) -> dict | None:
        if entity_id not in self.entities:
            return None
        view = person_view(self.doc, entity_id)
        if view is None:
            return None
        entity = view["entity"]
        quotes_by_event: dict[str | None, list[dict]] = defaultdict(list)
        for q in view["quotes"]:
            quotes_by_event[q.get("event")].append(self.quote_card(q))
        quote_groups = [{"event": self.event_link(e), "quotes": qs} for e, qs in quotes_by_event.items()]
        articles = sorted(self.mentioned_in.get(entity_id, ()), key=lambda i: ((self.articles[i].get("published") or ""), i),
                          reverse=True)
        return {
            "id": entity_id, "name": entity.get("name"), "type": entity.get("type"),
            "type_label": TYPE_LABELS.get(entity.get("type"), "Other"),
            "aliases": [x for x in entity.get("aliases", []) if x != entity.get("name")],
            "roles": list({str(r).casefold(): r for r in reversed(entity.get("roles", []))}.values())[::-1],
            "n_mentions": self.mentions.get(entity_id, 0), "n_articles": len(self.mentioned_in.get(entity_id, ())),
            "n_quotes": len(view["quotes"]),
            "quote_groups": quote_groups,
            "events": [self.event_link(e) for e in view["events"] if e in self.events],
            "co_occurring": [{**self.entity_link(c["entity"]), "count": c["count"]} for c in view["co_occurring"][:30]],
            "articles": [self.article_link(i) for i in articles[:50]],
            "n_more_articles": max(0, len(articles) - 50),
            "spark": sparkline((self.articles[i].get("published") for i in articles)),
        }

    def entity_rows(self, kind: str | None = None, text: str | None = None) -> list[dict]:
        folded = (text or "").casefold().strip()
        return _cached(self._entity_rows, f"{kind or ''}\x00{folded}", lambda _: self._entity_rows_of(kind, folded))

    def _entity_rows_of(self, kind: str | None, folded: str) -> list[dict]:
        rows = []
        for e in self.doc.get("entities", []):
            if kind and e.get("type") != kind:
                continue
            if folded and folded not in e.get("name", "").casefold() and \
                    not any(folded in alias.casefold() for alias in e.get("aliases", [])):
                continue
            rows.append({**self.entity_link(e["id"]), "aliases": e.get("aliases", [])[:4],
                         "roles": e.get("roles", []), "mentions": self.mentions.get(e["id"], 0),
                         "articles": len(self.mentioned_in.get(e["id"], ())), "quotes": self.quoted.get(e["id"], 0)})
        rows.sort(key=lambda r: (-r["articles"], -r["mentions"], r["name"]))
        return rows

    # --- sources ------------------------------------------------------------------------------
    def _sources(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for a in self.doc.get("articles", []):
            key = source_key(a.get("source"))
            row = out.setdefault(key, {"key": key, "name": source_label(a.get("source")),
                                       "href": source_href(a.get("source")), "known": bool(a.get("source")),
                                       "articles": [], "copies": 0, "copied_from": Counter(), "copied_by": Counter(),
                                       "events": Counter(), "storylines": Counter(), "dates": []})
            row["articles"].append(a["id"])
            if a.get("duplicate_of"):
                row["copies"] += 1
                original = self.articles.get(a["duplicate_of"]) or {}
                row["copied_from"][source_label(original.get("source"))] += 1
            if a.get("event"):
                row["events"][a["event"]] += 1
                storyline = (self.events.get(a["event"]) or {}).get("storyline")
                if storyline:
                    row["storylines"][storyline] += 1
            if a.get("published"):
                row["dates"].append(a["published"])
        for a in self.doc.get("articles", []):
            if a.get("duplicate_of") and a["duplicate_of"] in self.articles:
                original_key = source_key(self.articles[a["duplicate_of"]].get("source"))
                out[original_key]["copied_by"][source_label(a.get("source"))] += 1
        for row in out.values():
            dates = sorted(row["dates"])
            row.update({"n_articles": len(row["articles"]), "n_originals": len(row["articles"]) - row["copies"],
                        "n_events": len(row["events"]), "n_storylines": len(row["storylines"]),
                        "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                        "spark": sparkline(dates)})
        return out

    def source_rows(self) -> list[dict]:
        return sorted(self.sources.values(), key=lambda r: (not r["known"], -r["n_articles"], r["name"]))

    def coverage(self, outlets: int = 8, storylines: int = 15) -> dict:
        """Which outlets covered which storylines: article counts, copies in brackets."""
        columns = [r for r in self.source_rows()][:outlets]
        rows = []
        for s in self.storyline_list[:storylines]:
            cells = [r["storylines"].get(s["id"], 0) for r in columns]
            rows.append({"storyline": s, "cells": cells})
        return {"columns": columns, "rows": rows}

    def source_page(self, key: str) -> dict | None:
        row = self.sources.get(key)
        if row is None:
            return None
        by_event: dict[str | None, list[dict]] = defaultdict(list)
        for article_id in row["articles"]:
            a = self.articles[article_id]
            link = self.article_link(article_id)
            link["duplicate_of"] = self.article_link(a["duplicate_of"]) if a.get("duplicate_of") else None
            link["copies"] = len(self.copies.get(article_id, []))
            by_event[a.get("event")].append(link)
        groups = []
        for event_id, links in by_event.items():
            event = self.event_link(event_id)
            storyline = self.storyline_link((self.events.get(event_id or "") or {}).get("storyline"))
            others = []
            if event_id in self.events:
                outlets = Counter(source_label((self.articles.get(x) or {}).get("source"))
                                  for x in self.events[event_id].get("articles", []))
                outlets[row["name"]] -= len(links)
                others = [{"name": n, "count": c} for n, c in outlets.most_common() if c > 0]
            groups.append({"event": event, "storyline": storyline, "articles": links, "others": others})
        groups.sort(key=lambda g: ((g["event"] or {}).get("date") or "", (g["event"] or {}).get("id") or ""),
                    reverse=True)
        return {**row, "groups": groups,
                "copied_from": row["copied_from"].most_common(), "copied_by": row["copied_by"].most_common()}


def _cached(cache: dict, key: str, build) -> Any:
    """A page view built once per snapshot (a bounded cache: cleared when it grows too large)."""
    if key in cache:
        return cache[key]
    if len(cache) >= 2000:
        cache.clear()
    cache[key] = value = build(key)
    return value


def _num(value: Any) -> str:
    if value is None:
        return "…"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
