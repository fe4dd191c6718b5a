"""``recoupe serve``: server-rendered pages and a REST API over one store.

Pages (Jinja2, autoescape on, one small script, no CDN) and ``/api/…`` routes (the ``recoupe/1``
records, paginated, described at ``/openapi.json``) read a cached export of the store; ``POST
/api/articles`` ingests with the CLI's readers and needs the token given at start-up.
"""
from __future__ import annotations

import hashlib
import hmac
import math
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Optional
from urllib.parse import urlencode

import jinja2
import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import __version__
from ..settings import DEFAULT_SETTINGS, Settings
from . import models
from .ingest import BadRequest, report_json, suffix_for
from .state import SearchError, WebState
from .views import (
    TYPE_LABELS,
    UNKNOWN_SOURCE,
    article_href,
    entity_href,
    event_href,
    nice_date,
    search_href,
    source_href,
    source_key,
    storyline_href,
)

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
PAGE_SIZE = 30
READ_ONLY = ("this server is read-only: start it with --token TOKEN (or the RECOUPE_TOKEN environment "
             "variable) to accept articles on POST /api/articles")


Limit = Annotated[int, Query(ge=1, le=500, description="Records per page")]
Offset = Annotated[int, Query(ge=0, description="Records to skip")]
Meta = Annotated[Optional[str], Query(description="For a text or HTML body: this article field")]


# --- middleware -----------------------------------------------------------------------------------
class _TooLarge(Exception):
    pass


class Guard:
    """Pure ASGI middleware: refuses request bodies over the limit with 413 (by Content-Length, or
    while a chunked body streams in) and adds security headers to every response."""

    def __init__(self, app, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    return await _problem(send, 400, "invalid Content-Length header")
                if size > self.limit:
                    return await _problem(send, 413, _too_large(size, self.limit))
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge()
            return message

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await _problem(send, 413, _too_large(received, self.limit, streamed=True))


def _too_large(size: int, limit: int, streamed: bool = False) -> str:
    what = f"more than {limit:,} bytes" if streamed else f"{size:,} bytes"
    return (f"request body too large ({what}; limit {limit:,} bytes, --max-upload-mb): "
            "split the articles into several requests")


async def _problem(send, status: int, detail: str) -> None:
    body = orjson.dumps({"detail": detail})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# --- helpers --------------------------------------------------------------------------------------
def _json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _page(items: list, limit: int, offset: int, request: Request) -> dict:
    total = len(items)
    nxt = None
    if offset + limit < total:
        params = dict(request.query_params)
        params.update({"limit": str(limit), "offset": str(offset + limit)})
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": items[offset:offset + limit]}


def _page_key(request: Request) -> str:
    return f"{request.url.path}?{request.url.query}"


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} {key!r}")


def _static_files() -> dict[str, tuple[bytes, str, str]]:
    """The stylesheet, the script and the icon, read once and served from memory."""
    types = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
    files = {}
    for path in (HERE / "static").iterdir():
        if path.suffix in types:
            body = path.read_bytes()
            files[path.name] = (body, types[path.suffix], '"' + hashlib.sha256(body).hexdigest()[:16] + '"')
    return files


def _split_marks(marked: str) -> list[dict]:
    """A snippet with hits between \\x02 and \\x03 as parts the template escapes one by one."""
    parts, hit = [], False
    for chunk in marked.replace("\x03", "\x02").split("\x02"):
        if chunk:
            parts.append({"text": chunk, "hit": hit})
        hit = not hit
    return parts


def _plain_marks(marked: str) -> tuple[str, list[list[int]]]:
    text, spans, cursor = [], [], 0
    for part in _split_marks(marked):
        if part["hit"]:
            spans.append([cursor, cursor + len(part["text"])])
        text.append(part["text"])
        cursor += len(part["text"])
    return "".join(text), spans


def _int(value: str | None, default: int, low: int = 0, high: int = 10 ** 9) -> int:
    try:
        return max(low, min(high, int(value))) if value is not None else default
    except ValueError:
        return default


def _pages(total: int, page: int, size: int) -> dict:
    count = max(1, math.ceil(total / size))
    return {"page": page, "count": count, "previous": page - 1 if page > 1 else None,
            "next": page + 1 if page < count else None}


def create_app(db: str | Path, token: str | None = None, settings: Settings = DEFAULT_SETTINGS,
               max_body_bytes: int = 8 * 1024 * 1024, check_interval: float = 1.0) -> FastAPI:
    """The web app and REST API over the store at ``db`` (created when missing).

    Without ``token`` the server is read-only; with one, ``POST /api/articles`` needs
    ``Authorization: Bearer TOKEN``.
    """
    state = WebState(db, settings, token, max_body_bytes, check_interval)
    env = jinja2.Environment(loader=jinja2.PackageLoader("recoupe.web", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["nice_date"] = nice_date
    env.globals.update(article_href=article_href, entity_href=entity_href, event_href=event_href,
                       storyline_href=storyline_href, source_href=source_href, search_href=search_href,
                       type_labels=TYPE_LABELS, version=__version__, read_only=state.token is None)

    @asynccontextmanager
    async def lifespan(_app):
        await run_in_threadpool(state.build)  # the first request finds the export ready
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan, title="recoupe", version=__version__, docs_url=None, redoc_url=None,
        description="Cross-checked news: storylines, events, articles, entities and quotes as `recoupe/1` "
                    "records. Lists are paginated (`limit`, `offset`; `total` and `next` in the answer). "
                    "`POST /api/articles` needs `Authorization: Bearer TOKEN` (the server's `--token`).",
        openapi_tags=[{"name": "records", "description": "The recoupe/1 records, paginated"},
                      {"name": "search", "description": "Full-text search (SQLite FTS5)"},
                      {"name": "ingest", "description": "Add articles (needs the token)"}],
    )
    app.state.web = state
    app.add_middleware(Guard, max_body_bytes=max_body_bytes)
    static = _static_files()

    @app.get("/static/{name}", include_in_schema=False)
    async def static_file(request: Request, name: str):
        found = static.get(name)
        if found is None:
            raise HTTPException(404, f"no file {name!r}")
        body, media_type, etag = found
        headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media_type, headers=headers)

    def render(request: Request, template: str, status_code: int = 200, cache: bool = False,
               **context) -> HTMLResponse:
        """A page; with ``cache``, kept with the snapshot: the same path and query give the same page
        until the store changes."""
        snap = context.pop("snap", None) or state.snapshot()
        html = env.get_template(template).render(
            request_path=request.url.path, counts=snap.counts, language=snap.language,
            query=context.pop("query", ""), **context).encode()
        if cache and status_code == 200:
            snap.remember_page(_page_key(request), html)
        return HTMLResponse(html, status_code=status_code)

    def cached(request: Request, snap) -> HTMLResponse | None:
        html = snap.pages.get(_page_key(request))
        return None if html is None else HTMLResponse(html)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api") or request.method != "GET"

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if is_api(request) or exc.status_code not in (400, 404):
            return _json({"detail": exc.detail}, exc.status_code)
        return render(request, "error.html.j2", exc.status_code, status=exc.status_code, detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return _json({"detail": "; ".join(errors) or "invalid request"}, 422)

    # === pages ======================================================================================
    @app.get("/", include_in_schema=False)
    async def storylines_page(request: Request, page: Optional[str] = None):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        number = _int(page, 1, 1)
        rows = snap.storyline_list
        pager = _pages(len(rows), number, PAGE_SIZE)
        return render(request, "storylines.html.j2", cache=True, snap=snap, storylines=rows[(number - 1) * PAGE_SIZE:number * PAGE_SIZE],
                      pager=pager, loose=snap.loose_events if number == pager["count"] else [],
                      sources=len(snap.sources), entities=len(snap.entities))

    @app.get("/storylines/{storyline_id}", include_in_schema=False)
    async def storyline_page(request: Request, storyline_id: str):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        view = snap.storyline_page(storyline_id)
        if view is None:
            raise _not_found("storyline", storyline_id)
        return render(request, "storyline.html.j2", cache=True, snap=snap, s=view)

    @app.get("/events/{event_id}", include_in_schema=False)
    async def event_page(request: Request, event_id: str):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        view = snap.event_page(event_id)
        if view is None:
            raise _not_found("event", event_id)
        return render(request, "event.html.j2", cache=True, snap=snap, e=view)

    @app.get("/articles", include_in_schema=False)
    async def articles_page(request: Request, source: Optional[str] = None, page: Optional[str] = None):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        rows = snap.doc["articles"]
        if source is not None:
            rows = [a for a in rows if source_key(a.get("source")) == source]
        rows = sorted(rows, key=lambda a: (a.get("published") or "", a["id"]), reverse=True)
        number = _int(page, 1, 1)
        pager = _pages(len(rows), number, 50)
        links = []
        for a in rows[(number - 1) * 50:number * 50]:
            link = snap.article_link(a["id"])
            link.update(event=snap.event_link(a.get("event")), source_href=source_href(a.get("source")))
            links.append(link)
        return render(request, "articles.html.j2", cache=True, snap=snap, articles=links, total=len(rows), pager=pager,
                      source=source, source_label=(snap.sources.get(source) or {}).get("name") if source else None)

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    async def article_page(request: Request, article_id: str):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        view = snap.article_page(article_id)
        if view is None:
            raise _not_found("article", article_id)
        return render(request, "article.html.j2", cache=True, snap=snap, a=view)

    @app.get("/entities", include_in_schema=False)
    async def entities_page(request: Request, type: Optional[str] = None, q: Optional[str] = None,
                            page: Optional[str] = None):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        kind = type if type in TYPE_LABELS else None
        rows = snap.entity_rows(kind, q)
        number = _int(page, 1, 1)
        pager = _pages(len(rows), number, 60)
        return render(request, "entities.html.j2", cache=True, snap=snap, entities=rows[(number - 1) * 60:number * 60],
                      total=len(rows), pager=pager, kind=kind, q=q or "")

    @app.get("/entities/{entity_id:path}", include_in_schema=False)
    async def entity_page(request: Request, entity_id: str):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        view = snap.entity_page(entity_id)
        if view is None:
            raise _not_found("person, organisation or place", entity_id)
        return render(request, "entity.html.j2", cache=True, snap=snap, p=view)

    @app.get("/sources", include_in_schema=False)
    async def sources_page(request: Request):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        return render(request, "sources.html.j2", cache=True, snap=snap, sources=snap.source_rows(), coverage=snap.coverage())

    @app.get("/sources/{key:path}", include_in_schema=False)
    async def source_page(request: Request, key: str):
        snap = state.snapshot()
        if (hit := cached(request, snap)) is not None:
            return hit
        view = snap.source_page(key)
        if view is None:
            raise _not_found("source", key)
        return render(request, "source.html.j2", cache=True, snap=snap, src=view)

    @app.get("/search", include_in_schema=False)
    async def search_page(request: Request, q: Optional[str] = None, page: Optional[str] = None):
        snap = state.snapshot()
        text = (q or "").strip()
        number = _int(page, 1, 1, 1000)
        context: dict[str, Any] = {"query": text, "error": None, "articles": [], "quotes": [],
                                   "total_articles": 0, "total_quotes": 0, "pager": None}
        if text:
            try:
                found = state.search(text, "articles", 20, (number - 1) * 20)
                quotes = state.search(text, "quotes", 10, 0) if number == 1 else None
            except SearchError as exc:
                context["error"] = str(exc)
                return render(request, "search.html.j2", 400, snap=snap, **context)
            context["total_articles"] = found.total
            context["pager"] = _pages(found.total, number, 20)
            for hit in found.hits:
                link = snap.article_link(hit["id"])
                link["snippet"] = _split_marks(hit["snippet"] or "")
                link["event"] = snap.event_link((snap.articles.get(hit["id"]) or {}).get("event"))
                if hit["id"] not in snap.articles:  # ingested a moment ago, not exported yet
                    link.update(title=hit["title"] or hit["id"], published=hit["published"])
                context["articles"].append(link)
            if quotes is not None:
                context["total_quotes"] = quotes.total
                for hit in quotes.hits:
                    context["quotes"].append(_quote_hit(snap, hit))
        return render(request, "search.html.j2", snap=snap, **context)

    @app.get("/api/docs", include_in_schema=False)
    async def api_page(request: Request):
        spec = app.openapi()
        routes = []
        for path, methods in spec["paths"].items():
            for method, op in methods.items():
                routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "params": [p["name"] for p in op.get("parameters", [])]})
        return render(request, "api.html.j2", routes=routes, read_only=state.token is None)

    # === REST API ===================================================================================
    @app.get("/api", tags=["records"], summary="Counts and links", response_model=models.Index)
    async def api_index():
        snap = state.snapshot()
        return _json({"schema": snap.doc["schema"], "counts": {**snap.counts, "entities": len(snap.entities),
                                                              "quotes": len(snap.doc.get("quotes", []))},
                      "read_only": state.token is None,
                      "links": {k: f"/api/{k}" for k in ("storylines", "events", "articles", "entities",
                                                          "quotes", "sources", "search", "export")}})

    @app.get("/api/storylines", tags=["records"], summary="Storylines, newest first",
             response_model=models.Page[models.StorylineRecord])
    async def api_storylines(request: Request, limit: Limit = 50, offset: Offset = 0):
        snap = state.snapshot()
        rows = [snap.storylines[r["id"]] for r in snap.storyline_list]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/storylines/{storyline_id}", tags=["records"], summary="One storyline",
             response_model=models.StorylineRecord, responses={404: {"model": models.Problem}})
    async def api_storyline(storyline_id: str):
        record = state.snapshot().storylines.get(storyline_id)
        if record is None:
            raise _not_found("storyline", storyline_id)
        return _json(record)

    @app.get("/api/events", tags=["records"], summary="Events, in document order (by date)",
             response_model=models.Page[models.EventRecord])
    async def api_events(request: Request, limit: Limit = 50, offset: Offset = 0,
                         storyline: Annotated[Optional[str], Query(description="Only this storyline's")] = None):
        rows = state.snapshot().doc["events"]
        if storyline is not None:
            rows = [e for e in rows if e.get("storyline") == storyline]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/events/{event_id}", tags=["records"], summary="One event (its briefing)",
             response_model=models.EventRecord, responses={404: {"model": models.Problem}})
    async def api_event(event_id: str):
        record = state.snapshot().events.get(event_id)
        if record is None:
            raise _not_found("event", event_id)
        return _json(record)

    @app.get("/api/articles", tags=["records"], summary="Articles, in ingest order",
             response_model=models.Page[models.ArticleRecord])
    async def api_articles(request: Request, limit: Limit = 50, offset: Offset = 0,
                           event: Annotated[Optional[str], Query(description="Only this event's")] = None,
                           source: Annotated[Optional[str], Query(description=f"Only this outlet's ('{UNKNOWN_SOURCE}': none given)")] = None):
        rows = state.snapshot().doc["articles"]
        if event is not None:
            rows = [a for a in rows if a.get("event") == event]
        if source is not None:
            rows = [a for a in rows if source_key(a.get("source")) == source]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/articles/{article_id:path}", tags=["records"], summary="One article",
             response_model=models.ArticleRecord, responses={404: {"model": models.Problem}})
    async def api_article(article_id: str):
        record = state.snapshot().articles.get(article_id)
        if record is None:
            raise _not_found("article", article_id)
        return _json(record)

    @app.get("/api/entities", tags=["records"], summary="People, organisations, places, most mentioned first",
             response_model=models.Page[models.EntityRecord])
    async def api_entities(request: Request, limit: Limit = 50, offset: Offset = 0,
                           type: Annotated[Optional[str], Query(description="PER, ORG, LOC or MISC")] = None,
                           q: Annotated[Optional[str], Query(description="Name or alias contains")] = None):
        snap = state.snapshot()
        rows = [snap.entities[r["id"]] for r in snap.entity_rows(type, q)]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/entities/{entity_id:path}", tags=["records"], summary="One entity",
             response_model=models.EntityRecord, responses={404: {"model": models.Problem}})
    async def api_entity(entity_id: str):
        record = state.snapshot().entities.get(entity_id)
        if record is None:
            raise _not_found("entity", entity_id)
        return _json(record)

    @app.get("/api/people/{entity_id:path}", tags=["records"],
             summary="One entity's view: roles, every quote across events, co-occurring entities",
             responses={404: {"model": models.Problem}})
    async def api_person(entity_id: str):
        from ..people import person_view

        snap = state.snapshot()
        if entity_id not in snap.entities:
            raise _not_found("entity", entity_id)
        return _json(person_view(snap.doc, entity_id))

    @app.get("/api/quotes", tags=["records"], summary="Quotes, in document order",
             response_model=models.Page[models.QuoteRecord])
    async def api_quotes(request: Request, limit: Limit = 50, offset: Offset = 0,
                         article: Annotated[Optional[str], Query(description="Only this article's")] = None,
                         event: Annotated[Optional[str], Query(description="Only this event's")] = None,
                         speaker: Annotated[Optional[str], Query(description="Only this entity's (id)")] = None):
        snap = state.snapshot()
        rows = snap.doc.get("quotes", [])
        if article is not None:
            rows = [q for q in rows if q.get("article") == article]
        if event is not None:
            wanted = set((snap.events.get(event) or {}).get("quotes", []))
            rows = [q for q in rows if q.get("id") in wanted]
        if speaker is not None:
            rows = [q for q in rows if (q.get("speaker") or {}).get("entity") == speaker]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/quotes/{quote_id:path}", tags=["records"], summary="One quote",
             response_model=models.QuoteRecord, responses={404: {"model": models.Problem}})
    async def api_quote(quote_id: str):
        record = state.snapshot().quotes.get(quote_id)
        if record is None:
            raise _not_found("quote", quote_id)
        return _json(record)

    @app.get("/api/sources", tags=["records"], summary="Outlets: what they covered, how many copies",
             response_model=models.Page[models.SourceRecord])
    async def api_sources(request: Request, limit: Limit = 50, offset: Offset = 0):
        rows = [{"source": r["name"] if r["known"] else None, "key": r["key"], "articles": r["n_articles"],
                 "copies": r["copies"], "originals": r["n_originals"], "events": r["n_events"],
                 "storylines": r["n_storylines"], "first": r["first"], "last": r["last"],
                 "copied_from": dict(r["copied_from"])} for r in state.snapshot().source_rows()]
        return _json(_page(rows, limit, offset, request))

    @app.get("/api/search", tags=["search"], summary="Full-text search over articles or quotes",
             response_model=models.Page[models.SearchHit], responses={400: {"model": models.Problem}})
    async def api_search(request: Request, q: Annotated[str, Query(description="Words (all must match) or "
                                                                   "\"a phrase\"", max_length=500)],
                         kind: Annotated[str, Query(pattern="^(articles|quotes)$")] = "articles",
                         limit: Limit = 20, offset: Offset = 0):
        snap = state.snapshot()
        try:
            found = state.search(q, kind, limit, offset)
        except SearchError as exc:
            raise HTTPException(400, str(exc)) from exc
        items = []
        for hit in found.hits:
            if kind == "quotes":
                record = snap.quote_at.get((hit["article_id"], hit["start"])) or {}
                text, spans = _plain_marks(hit["marked"])
                items.append({"article": hit["article_id"], "text": hit["text"], "speaker": hit["speaker"] or None,
                              "start": hit["start"], "quote": record.get("id"), "highlights": spans})
            else:
                text, spans = _plain_marks(hit["snippet"] or "")
                items.append({"article": hit["id"], "title": hit["title"], "snippet": text, "highlights": spans,
                              "event": (snap.articles.get(hit["id"]) or {}).get("event")})
        nxt = None
        if offset + limit < found.total:
            nxt = f"/api/search?{urlencode({'q': q, 'kind': kind, 'limit': limit, 'offset': offset + limit})}"
        return _json({"total": found.total, "limit": limit, "offset": offset, "next": nxt, "items": items})

    @app.get("/api/export", tags=["records"], summary="The whole store as one recoupe/1 document")
    async def api_export():
        return _json(state.snapshot().doc)

    async def ingest(request: Request, format: Optional[str], id: Optional[str], title: Optional[str],
                     source: Optional[str], url: Optional[str], published: Optional[str],
                     language: Optional[str]) -> Response:
        if state.token is None:
            return _json({"detail": READ_ONLY}, 403)
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), state.token.encode()):
            return Response(orjson.dumps({"detail": "missing or wrong token: send Authorization: Bearer TOKEN "
                                                    "(the token the server was started with)"}),
                            status_code=401, media_type="application/json",
                            headers={"WWW-Authenticate": 'Bearer realm="recoupe"'})
        try:
            suffix = suffix_for(request.headers.get("content-type"), format)
        except BadRequest as exc:
            return _json({"detail": str(exc)}, 415)
        body = await request.body()
        if not body.strip():
            return _json({"detail": "empty request body: send JSONL, JSON, text or HTML articles"}, 400)
        fields = {"id": id, "title": title, "source": source, "url": url, "published": published, "language": language}
        report = await run_in_threadpool(state.ingest, body, suffix, fields)
        return _json(report_json(report))

    @app.post("/api/articles", tags=["ingest"], summary="Ingest articles (JSONL, JSON, text or HTML body)",
              response_model=models.IngestResult,
              responses={401: {"model": models.Problem}, 403: {"model": models.Problem},
                         413: {"model": models.Problem}, 415: {"model": models.Problem}},
              description="The body is read like a file given to `recoupe ingest`: `application/x-ndjson` "
                          "(JSONL, one article per line: id, url, source, title, text or html, published, "
                          "language), `application/json` (an object or a list), `text/plain` or `text/html` "
                          "(one article; its fields from the query string). Each bad line or item is "
                          "reported in `errors` with its line number and the rest is stored; posting the "
                          "same articles again changes nothing.")
    async def post_articles(request: Request,
                            format: Annotated[Optional[str], Query(description="jsonl, json, txt or html "
                                                                   "(else from Content-Type)")] = None,
                            id: Meta = None, title: Meta = None, source: Meta = None, url: Meta = None,
                            published: Meta = None, language: Meta = None):
        return await ingest(request, format, id, title, source, url, published, language)

    @app.post("/articles", include_in_schema=False)
    async def post_articles_alias(request: Request, format: Optional[str] = None, id: Optional[str] = None,
                                  title: Optional[str] = None, source: Optional[str] = None,
                                  url: Optional[str] = None, published: Optional[str] = None,
                                  language: Optional[str] = None):
        return await ingest(request, format, id, title, source, url, published, language)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return RedirectResponse("/static/favicon.svg", 301)

    return app


def _quote_hit(snap, hit: dict) -> dict:
    """A quote found by the index, as a quote card with its hits marked."""
    record = snap.quote_at.get((hit["article_id"], hit["start"]))
    if record is None:  # ingested a moment ago, not exported yet
        record = {"article": hit["article_id"], "start": hit["start"], "text": hit["text"],
                  "speaker": {"name": hit["speaker"]} if hit["speaker"] else None}
    return {**snap.quote_card(record), "parts": _split_marks(hit["marked"] or hit["text"])}
