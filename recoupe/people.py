"""The person (or organisation) view: one entity's roles, every quote across events, who it appears with.

Works on a ``recoupe/1`` document (``recoupe.pipeline.export``), so the CLI, the web app and
scripts share one definition.
"""
from __future__ import annotations

from collections import Counter

from unidecode import unidecode


def _fold(text: str) -> str:
    return " ".join(unidecode(text).lower().replace("-", " ").split())


def find_entity(document: dict, wanted: str) -> dict | None:
    """The entity whose id, name or alias is ``wanted`` (accents and case ignored); else the one
    whose name ends with it ("Rutte" → Mark Rutte), the most mentioned first."""
    folded = _fold(wanted)
    entities = document.get("entities", [])
    for entity in entities:
        if entity["id"] == wanted or _fold(entity["name"]) == folded or \
                any(_fold(a) == folded for a in entity.get("aliases", ())):
            return entity
    mentions = Counter(m["entity"] for a in document.get("articles", []) for m in a.get("mentions", ()))
    ending = [e for e in entities if _fold(e["name"]).endswith(" " + folded)]
    return max(ending, key=lambda e: mentions[e["id"]], default=None)


def person_view(document: dict, wanted: str) -> dict | None:
    """Everything the document says about one entity, or None when no entity matches ``wanted``.

    ``quotes``: every quote the entity is the speaker of, with its article's event, source, date and
    title, oldest first; ``events``: the events it is mentioned or quoted in; ``co_occurring``: the
    entities mentioned in the same articles, with the number of such articles.
    """
    entity = find_entity(document, wanted)
    if entity is None:
        return None
    entity_id = entity["id"]
    articles = {a["id"]: a for a in document.get("articles", [])}
    names = {e["id"]: e for e in document.get("entities", [])}
    quotes = []
    for quote in document.get("quotes", []):
        speaker = quote.get("speaker") or {}
        if speaker.get("entity") != entity_id:
            continue
        article = articles.get(quote["article"], {})
        quotes.append({**quote, "event": article.get("event"), "source": article.get("source"),
                       "published": article.get("published"), "title": article.get("title")})
    quotes.sort(key=lambda q: (q["published"] or "", q["article"], q["start"]))
    quoted_in = {q["article"] for q in quotes}
    together: Counter[str] = Counter()
    events: list[str] = []
    for article in articles.values():
        present = {m["entity"] for m in article.get("mentions", ())}
        if entity_id not in present and article["id"] not in quoted_in:
            continue
        if article.get("event") and article["event"] not in events:
            events.append(article["event"])
        together.update(present - {entity_id})
    event_order = {e["id"]: i for i, e in enumerate(document.get("events", []))}
    events.sort(key=lambda e: event_order.get(e, len(event_order)))
    co_occurring = [{"entity": other, "name": names[other]["name"], "type": names[other]["type"], "count": n}
                    for other, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0])) if other in names]
    return {"entity": entity, "quotes": quotes, "events": events, "co_occurring": co_occurring}
