"""Build the ``recoupe/1`` document from the store: articles, entities, events, storylines."""
from __future__ import annotations

from collections import defaultdict

from .group.vectors import Idf
from .settings import Settings
from .store import Store
from .summarise import Member, agreed_facts, event_title, summarise_event
from .summarise.timeline import event_timeline, storyline_timeline

SCHEMA = "recoupe/1"


def _event_id(number: int) -> str:
    return f"e{number}"


def _storyline_id(number: int) -> str:
    return f"s{number}"


_HONORIFIC = ("M. ", "Mme ", "Mr ", "Mrs ", "Ms ", "Dr ")


def _name_preference(item: tuple[str, int]) -> tuple:
    """A full name ("Sergueï Lavrov") beats a surname or "M. Lavrov"; then frequency, then length."""
    name, count = item
    full = len(name.split()) >= 2 and not name.startswith(_HONORIFIC)
    return (not full, -count, -len(name), name)


def _entities(store: Store) -> list[dict]:
    out = []
    for entity in store.entities():
        names = sorted(entity["names"].items(), key=_name_preference)
        out.append({"id": entity["id"], "name": names[0][0], "type": entity["type"],
                    "aliases": [n for n, _ in names[1:]], "roles": entity["roles"]})
    return out


def build_document(store: Store, settings: Settings) -> dict:
    rows = store.articles()
    idf = Idf(store)
    for _, analysis, _ in rows:
        idf.prefetch(t for terms in analysis.sentence_terms for t in terms)
        idf.prefetch(analysis.lead_terms)
    events = {e["id"]: e for e in store.events()}
    members: dict[int, list[Member]] = defaultdict(list)
    for article, analysis, grouping in rows:
        if grouping["event_id"] is not None:
            members[grouping["event_id"]].append(Member(article, analysis, grouping["duplicate_of"]))

    def event_sort_key(event_id: int):
        event = events[event_id]
        return (event["first_date"] is None, event["first_date"] or "", event_id)

    event_docs = []
    for number in sorted(events, key=event_sort_key):
        event = events[number]
        group = members.get(number, [])
        summary = summarise_event(group, idf, settings)
        event_docs.append({
            "id": _event_id(number),
            "title": event_title(group, summary, idf),
            "date": event["first_date"],
            "date_inferred": False,
            "storyline": _storyline_id(event["storyline_id"]) if event["storyline_id"] is not None else None,
            "articles": [m.article.id for m in group],
            "summary": summary,
            "quotes": [], "agreed": agreed_facts(group, idf, settings), "discrepancies": [],
            "timeline": event_timeline(group, idf, settings),
        })
    by_id = {e["id"]: e for e in event_docs}

    storyline_docs = []
    for storyline in store.storylines():
        sid = _storyline_id(storyline["id"])
        own = [e for e in event_docs if e["storyline"] == sid]
        if not own:
            continue
        group = [m for e in own for m in members.get(int(e["id"][1:]), [])]
        storyline_docs.append({
            "id": sid, "title": event_title(group, [], idf), "events": [e["id"] for e in own],
            "summary": [e["summary"][0] for e in own if e["summary"]],
            "discrepancies": [], "timeline": storyline_timeline([e["timeline"] for e in own], settings),
        })

    article_docs = []
    for article, analysis, grouping in rows:
        event = by_id.get(_event_id(grouping["event_id"])) if grouping["event_id"] is not None else None
        published, inferred = article.published, False
        if published is None and event is not None and event["date"]:
            published, inferred = event["date"], True
        article_docs.append({
            "id": article.id, "path": article.path, "url": article.url, "source": article.source,
            "author": article.author, "title": article.title, "published": published,
            "published_inferred": inferred, "language": analysis.language, "text": article.text,
            "duplicate_of": grouping["duplicate_of"], "event": event["id"] if event else None,
            "mentions": [{"entity": m.entity_id, "start": m.start, "end": m.end, "text": m.text}
                         for m in analysis.mentions],
            "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value, "kind": d.kind}
                      for d in analysis.dates],
            "quantities": [{"start": q.start, "end": q.end, "text": q.text, "value": q.value, "low": q.low,
                            "high": q.high, "unit": q.unit} for q in analysis.quantities],
            "repairs": [{"name": r.name, "detail": r.detail} for r in article.repairs],
            "sentences": [{"start": s, "end": e} for s, e in analysis.sentences],
        })
    return {"schema": SCHEMA, "articles": article_docs, "entities": _entities(store), "quotes": [],
            "events": event_docs, "storylines": storyline_docs}
