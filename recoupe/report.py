"""Build the ``recoupe/1`` document from the store: articles, entities, events, storylines."""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict

from .analyse.dates import find_dates
from .compare import Claim, compare_claims
from .compare.entities import canonical_entities
from .compare.quotes import link_same_utterances
from .group.vectors import Idf
from .records import Analysis, Article
from .settings import Settings
from .store import Store
from .summarise import Member, agreed_facts, event_title, summarise_event
from .summarise.timeline import event_timeline, storyline_timeline

SCHEMA = "recoupe/1"


def _event_id(number: int) -> str:
    return f"e{number}"


def _storyline_id(number: int) -> str:
    return f"s{number}"


def _quote_records(rows, canonical: dict[str, str], names: dict[str, str]) -> list[dict]:
    """Every article's quotes as ``recoupe/1`` records; speakers point at canonical entities."""
    out = []
    for article, analysis, _ in rows:
        for n, q in enumerate(analysis.quotes, 1):
            speaker = None
            if q.speaker_entity:
                entity = canonical.get(q.speaker_entity, q.speaker_entity)
                speaker = {"entity": entity, "name": names.get(entity, q.speaker), "text": q.speaker_text}
            elif q.speaker:
                speaker = {"entity": None, "name": q.speaker, "text": q.speaker_text}
            out.append({"id": f"{article.id}:q{n}", "article": article.id, "start": q.start, "end": q.end,
                        "text": q.text, "kind": q.kind, "cue": q.cue, "speaker": speaker, "same_as": []})
    return out


def _with_inferred_dates(article: Article, analysis: Analysis, event: dict | None) -> Analysis:
    """An undated article's relative dates ("mercredi", "hier") resolved against its event's date."""
    if article.published or not event or not event["first_date"]:
        return analysis
    if not any(d.value is None for d in analysis.dates):
        return analysis
    return dataclasses.replace(analysis, dates=tuple(find_dates(article.text, event["first_date"])))


def _claims(group: list[Member], date: str | None) -> list[Claim]:
    """The counted quantities of an event's articles, a copy witnessing for its first print."""
    claims = []
    for m in group:
        starts = [s for s, _ in m.analysis.sentences]
        for q in m.analysis.quantities:
            if not q.subject:
                continue
            index = max(0, bisect.bisect_right(starts, q.start) - 1)
            start, end = m.analysis.sentences[index] if m.analysis.sentences else (0, len(m.article.text))
            claims.append(Claim(m.article.id, m.duplicate_of or m.article.id, q, m.article.text[start:end],
                                q.subject, date))  # the event's date: its articles tell one moment
    return claims


def build_document(store: Store, settings: Settings) -> dict:
    rows = store.articles()
    idf = Idf(store)
    for _, analysis, _ in rows:
        idf.prefetch(t for terms in analysis.sentence_terms for t in terms)
        idf.prefetch(analysis.lead_terms)
    events = {e["id"]: e for e in store.events()}
    rows = [(article, _with_inferred_dates(article, analysis, events.get(grouping["event_id"])), grouping)
            for article, analysis, grouping in rows]
    roles: dict[str, Counter] = defaultdict(Counter)
    for _, analysis, _ in rows:
        for entity_id, role in analysis.roles:
            roles[entity_id][role] += 1
    entities, canonical = canonical_entities(store.entities(), roles)
    names = {e["id"]: e["name"] for e in entities}
    quotes = _quote_records(rows, canonical, names)
    quotes_of: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        quotes_of[q["article"]].append(q["id"])
    members: dict[int, list[Member]] = defaultdict(list)
    for article, analysis, grouping in rows:
        if grouping["event_id"] is not None:
            members[grouping["event_id"]].append(Member(article, analysis, grouping["duplicate_of"]))

    def event_sort_key(event_id: int):
        event = events[event_id]
        return (event["first_date"] is None, event["first_date"] or "", event_id)

    event_docs = []
    claims_of: dict[int, list[Claim]] = {}
    for number in sorted(events, key=event_sort_key):
        event = events[number]
        group = members.get(number, [])
        summary = summarise_event(group, idf, settings)
        claims_of[number] = _claims(group, event["first_date"])
        numeric_agreed, discrepancies = compare_claims(claims_of[number])
        event_docs.append({
            "id": _event_id(number),
            "title": event_title(group, summary, idf),
            "date": event["first_date"],
            "date_inferred": False,
            "storyline": _storyline_id(event["storyline_id"]) if event["storyline_id"] is not None else None,
            "articles": [m.article.id for m in group],
            "summary": summary,
            "quotes": [qid for m in group for qid in quotes_of.get(m.article.id, ())], "agreed": agreed_facts(group, idf, settings) + numeric_agreed,
            "discrepancies": discrepancies,
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
            "discrepancies": compare_claims([c for e in own for c in claims_of[int(e["id"][1:])]])[1],
            "timeline": storyline_timeline(own),
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
            "mentions": [{"entity": canonical.get(m.entity_id, m.entity_id), "start": m.start, "end": m.end, "text": m.text}
                         for m in analysis.mentions],
            "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value, "kind": d.kind}
                      for d in analysis.dates],
            "quantities": [{"start": q.start, "end": q.end, "text": q.text, "value": q.value, "low": q.low,
                            "high": q.high, "unit": q.unit, "subject": q.subject} for q in analysis.quantities],
            "repairs": [{"name": r.name, "detail": r.detail} for r in article.repairs],
            "sentences": [{"start": s, "end": e} for s, e in analysis.sentences],
        })
    storyline_of = {a["id"]: by_id[a["event"]]["storyline"] if a["event"] else None for a in article_docs}
    link_same_utterances(quotes, storyline_of, settings)
    return {"schema": SCHEMA, "articles": article_docs, "entities": entities, "quotes": quotes,
            "events": event_docs, "storylines": storyline_docs}
