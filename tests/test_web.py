"""`recoupe serve`: pages and REST API through FastAPI's TestClient, over a store of the seeds."""
from __future__ import annotations

import re
from html import unescape
import shutil
import time
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from recoupe.records import Analysis, Article, Quote
from recoupe.store import Store
from recoupe.web import create_app
from recoupe.web.state import SearchError, fts_query
from recoupe.web.views import safe_url

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
TOKEN = "s3cret-token"
EVIL_TITLE = "<script>alert(1)</script> Titre piégé"
EVIL_TEXT = ("Le ministre a déclaré mardi à Paris que <script>alert(1)</script> n'était pas une réponse. "
             'Cliquez <a href="javascript:alert(1)">ici</a> pour lire la suite.\n\n'
             "« Nous ne céderons pas », a-t-il ajouté devant la presse.")
EVIL = {"id": "evil", "title": EVIL_TITLE, "text": EVIL_TEXT, "url": "javascript:alert(1)",
        "source": "<b>Evil</b> Press", "published": "2025-09-05"}

_BUILT: dict[str, Path] = {}


def seeds_db(tmp_path_factory) -> Path:
    """A store of the seeds, ingested once per test session (shared with the browser tests)."""
    if "seeds" not in _BUILT:
        import recoupe

        path = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
        with Store(path) as store:
            report = recoupe.ingest([SEEDS], store)
            assert not report.errors
        _BUILT["seeds"] = path
    return _BUILT["seeds"]


def copy_of(db: Path, folder: Path) -> Path:
    target = folder / "store.db"
    shutil.copyfile(db, target)  # the store was closed: its WAL is checkpointed into the file
    return target


@pytest.fixture(scope="module")
def ro_client(tmp_path_factory):
    """A read-only server (no token) over the seeds, shared by the module's read tests."""
    db = copy_of(seeds_db(tmp_path_factory), tmp_path_factory.mktemp("web-ro"))
    with TestClient(create_app(db)) as client:
        yield client


@pytest.fixture()
def rw_client(tmp_path_factory, tmp_path):
    """A server with a token over a fresh copy of the seeds' store."""
    db = copy_of(seeds_db(tmp_path_factory), tmp_path)
    with TestClient(create_app(db, token=TOKEN)) as client:
        yield client


def auth(content_type: str = "application/x-ndjson") -> dict:
    return {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}


def doc_of(client: TestClient) -> dict:
    return client.get("/api/export").json()


# --- pages -----------------------------------------------------------------------------------------
def test_every_page_renders(ro_client):
    doc = doc_of(ro_client)
    home = ro_client.get("/")
    assert home.status_code == 200 and "Storylines" in home.text
    assert "<svg class=\"spark\"" in home.text  # the coverage sparkline
    for storyline in doc["storylines"]:
        page = ro_client.get(f"/storylines/{storyline['id']}")
        assert page.status_code == 200
        assert f"/events/{storyline['events'][0]}" in page.text
    for event in doc["events"]:
        page = ro_client.get(f"/events/{event['id']}")
        assert page.status_code == 200
        for sentence in event["summary"]:  # the briefing, every sentence with its citation chips
            assert re.search(r'href="/articles/[^"#]+#art-[^"]+-s\d+"', page.text)
            assert sentence["sources"][0] in page.text
    for article in doc["articles"]:
        page = ro_client.get(f"/articles/{article['id']}")
        assert page.status_code == 200
        assert 'class="sentence" id="art-' in page.text
        assert "<details class=\"repairs\">" in page.text
    rutte = next(e for e in doc["entities"] if e["name"] == "Mark Rutte")
    person = ro_client.get(f"/entities/{rutte['id']}")
    assert person.status_code == 200 and "<h1>Mark Rutte" in person.text and "Appears with" in person.text
    for path in ("/articles", "/entities", "/entities?type=PER&q=rutte", "/sources", "/sources/-",
                 "/search", "/search?q=Rutte", "/api/docs"):
        page = ro_client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in page.headers["content-security-policy"]


def test_article_page_highlights_and_repairs(ro_client):
    doc = doc_of(ro_client)
    article = next(a for a in doc["articles"] if a["id"].startswith("001"))
    page = ro_client.get(f"/articles/{article['id']}").text
    assert 'class="dt"' in page or 'class="dt ' in page or ' dt"' in page  # the dates
    assert "ent-per" in page and "/entities/" in page                       # people, linked
    assert "qty" in page                                                    # "une trentaine de pays"
    assert "metadata line" in page and "published: 2025-09-03" in page       # the repair, on demand
    if any(q["article"] == article["id"] for q in doc["quotes"]):
        assert 'class="q' in page or ' q"' in page or ' q ' in page


def test_source_page_counts_copies(ro_client):
    page = ro_client.get("/sources").text
    assert "outlet not given" in page and "Copies" in page
    sources = ro_client.get("/api/sources").json()
    assert sources["total"] >= 1
    assert sum(s["articles"] for s in sources["items"]) == len(doc_of(ro_client)["articles"])


def test_search_page_and_fts_syntax_never_500(ro_client):
    page = ro_client.get("/search", params={"q": "garanties sécurité"})
    assert page.status_code == 200 and "<mark>" in page.text
    for nasty in ['"', '""', "AND", "OR NOT", "foo*", "(", "NEAR(a b", "title:x", "'", "a\"b", "-", "^",
                  "\x00", "%", "*", "'; DROP TABLE articles; --", "é" * 400]:
        for path in ("/search", "/api/search"):
            response = ro_client.get(path, params={"q": nasty})
            assert response.status_code in (200, 400), (path, nasty, response.text[:200])
    assert ro_client.get("/api/search", params={"q": "x" * 600}).status_code == 422
    assert ro_client.get("/api", ).json()["counts"]["articles"] == 5  # the store is intact


def test_fts_query_quotes_every_term():
    assert fts_query('rutte "coalition des volontaires"') == '"rutte" "coalition des volontaires"'
    assert fts_query('a"b NEAR(') == '"a""b" "NEAR("'
    with pytest.raises(SearchError):
        fts_query('" " - *')


def test_safe_url_keeps_only_http():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.org", "http:/x",
                'https://x.org/"onmouseover=alert(1)', "vbscript:x", None, ""):
        assert safe_url(bad) is None


# --- REST API ----------------------------------------------------------------------------------------
def test_api_pagination_covers_every_record_once(ro_client):
    doc = doc_of(ro_client)
    for kind in ("articles", "events", "storylines", "entities", "quotes"):
        seen, path = [], f"/api/{kind}?limit=2"
        while path:
            page = ro_client.get(path).json()
            assert page["total"] == len(doc[kind]) and page["limit"] == 2
            assert len(page["items"]) <= 2
            seen += [r["id"] for r in page["items"]]
            path = page["next"]
        assert sorted(seen) == sorted(r["id"] for r in doc[kind]), kind
    beyond = ro_client.get("/api/articles", params={"offset": 100}).json()
    assert beyond["items"] == [] and beyond["total"] == 5 and beyond["next"] is None
    assert ro_client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert ro_client.get("/api/articles", params={"limit": 501}).status_code == 422
    assert ro_client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_api_records_mirror_the_export(ro_client):
    doc = doc_of(ro_client)
    assert doc["schema"] == "recoupe/1"
    event = doc["events"][0]
    assert ro_client.get(f"/api/events/{event['id']}").json() == event
    article = doc["articles"][0]
    assert ro_client.get(f"/api/articles/{article['id']}").json() == article
    assert ro_client.get(f"/api/storylines/{doc['storylines'][0]['id']}").json() == doc["storylines"][0]
    entity = doc["entities"][0]
    assert ro_client.get(f"/api/entities/{entity['id']}").json() == entity
    in_event = ro_client.get("/api/articles", params={"event": event["id"]}).json()
    assert [a["id"] for a in in_event["items"]] == event["articles"]
    person = ro_client.get(f"/api/people/{entity['id']}").json()
    assert person["entity"]["id"] == entity["id"] and "co_occurring" in person
    if doc["quotes"]:
        quote = doc["quotes"][0]
        assert ro_client.get(f"/api/quotes/{quote['id']}").json() == quote


def test_404s(ro_client):
    for path in ("/api/events/e999", "/api/articles/nope", "/api/storylines/s999", "/api/entities/per:nobody",
                 "/api/quotes/nope", "/api/people/per:nobody"):
        response = ro_client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/json"
        assert "nope" in response.json()["detail"] or "999" in response.json()["detail"] or "nobody" in response.json()["detail"]
    for path in ("/events/e999", "/articles/nope", "/storylines/s999", "/entities/per:nobody", "/sources/nobody"):
        response = ro_client.get(path)
        assert response.status_code == 404, path
        assert "Not found" in response.text


def test_openapi_document(ro_client):
    spec = ro_client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/storylines", "/api/events", "/api/articles", "/api/entities", "/api/quotes",
                 "/api/events/{event_id}", "/api/search", "/api/sources"):
        assert "get" in spec["paths"][path], path
    assert "post" in spec["paths"]["/api/articles"]
    params = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert {"limit", "offset"} <= params
    assert {"ArticleRecord", "EventRecord", "QuoteRecord", "IngestResult"} <= set(spec["components"]["schemas"])
    assert not any(p in spec["paths"] for p in ("/", "/events/{event_id}"))  # pages are not the API
    assert ro_client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_read_only_without_token(ro_client):
    for path in ("/api/articles", "/articles"):
        response = ro_client.post(path, content=orjson.dumps(EVIL), headers=auth("application/json"))
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"] and "--token" in response.json()["detail"]
    assert ro_client.get("/api/articles/evil").status_code == 404
    assert ro_client.get("/api").json()["read_only"] is True


def test_token_required(rw_client):
    body = orjson.dumps(EVIL)
    assert rw_client.post("/api/articles", content=body, headers={"Content-Type": "application/json"}).status_code == 401
    wrong = rw_client.post("/api/articles", content=body,
                           headers={"Content-Type": "application/json", "Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    assert rw_client.post("/api/articles", content=body, headers=auth("application/pdf")).status_code == 415
    assert rw_client.get("/api/articles/evil").status_code == 404


def test_post_jsonl_names_the_bad_line_and_stores_the_rest(rw_client):
    lines = [
        orjson.dumps({"id": "p1", "title": "Grève à la SNCF", "source": "Le Courrier",
                      "text": "La grève des cheminots a commencé lundi à Lyon, a annoncé le syndicat SUD-Rail."}),
        b'{"id": "p2", "text": "broken',
        orjson.dumps({"id": "p3", "source": "La Dépêche",
                      "text": "Les cheminots de Lyon sont en grève depuis lundi, selon le syndicat SUD-Rail."}),
    ]
    body = b"\n".join(lines) + b"\n"
    first = rw_client.post("/api/articles", content=body, headers=auth())
    assert first.status_code == 200
    result = first.json()
    assert sorted(result["added"]) == ["p1", "p3"]
    assert [e["line"] for e in result["errors"]] == [2]
    assert result["errors"][0]["error"].startswith("request body:2: malformed JSON line")
    assert rw_client.get("/api/articles/p1").json()["source"] == "Le Courrier"
    assert "Grève à la SNCF" in rw_client.get("/articles/p1").text  # the pages see it at once
    counts = rw_client.get("/api").json()["counts"]
    again = rw_client.post("/api/articles", content=body, headers=auth()).json()
    assert again["added"] == [] and sorted(again["already_stored"]) == ["p1", "p3"]
    assert [e["line"] for e in again["errors"]] == [2]
    assert rw_client.get("/api").json()["counts"] == counts


def test_post_plain_text_takes_fields_from_the_query(rw_client):
    text = "Le Sénat a adopté mercredi le projet de loi sur l'eau par 200 voix contre 120."
    response = rw_client.post("/api/articles", params={"id": "senat", "title": "Loi sur l'eau", "source": "AFP"},
                              content=text.encode(), headers=auth("text/plain; charset=utf-8"))
    assert response.json()["added"] == ["senat"]
    record = rw_client.get("/api/articles/senat").json()
    assert record["title"] == "Loi sur l'eau" and record["source"] == "AFP" and record["path"] == "request body"
    empty = rw_client.post("/api/articles", content=b"  ", headers=auth("text/plain"))
    assert empty.status_code == 400


def test_oversized_request_is_refused_with_413(tmp_path_factory, tmp_path):
    db = copy_of(seeds_db(tmp_path_factory), tmp_path)
    with TestClient(create_app(db, token=TOKEN, max_body_bytes=4096)) as client:
        big = client.post("/api/articles", content=b"x" * 5000, headers=auth())
        assert big.status_code == 413 and "too large" in big.json()["detail"]

        def chunks():  # no Content-Length: refused while it streams in
            for _ in range(10):
                yield b"y" * 1024

        streamed = client.post("/api/articles", content=chunks(), headers=auth())
        assert streamed.status_code == 413 and "too large" in streamed.json()["detail"]
        assert client.get("/api").json()["counts"]["articles"] == 5


def test_malicious_article_is_shown_as_text(rw_client):
    response = rw_client.post("/api/articles", content=orjson.dumps(EVIL), headers=auth("application/json"))
    assert response.json()["added"] == ["evil"], response.text
    article = rw_client.get("/api/articles/evil").json()
    event = article["event"]
    pages = [rw_client.get(path) for path in ("/articles/evil", f"/events/{event}", "/", "/articles",
                                              "/sources", "/search?q=alert", "/entities")]
    pages.append(rw_client.get("/sources/" + "<b>Evil</b> Press"))
    for page in pages:
        assert page.status_code == 200, page.url
        html = page.text
        assert "<script>alert" not in html, page.url
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html, re.I), page.url
        assert "<b>Evil</b>" not in html
    html = pages[0].text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Titre piégé" in html  # the title, as text
    text = html[html.index('<div class="text" id="text">'):html.index('<details class="repairs">')]
    shown = unescape(re.sub(r"<[^>]+>", "", text))  # what a reader sees: the markup, as text
    assert '<script>alert(1)</script> n\'était pas une réponse' in shown
    assert 'Cliquez <a href="javascript:alert(1)">ici</a> pour lire la suite.' in shown
    assert "javascript:alert(1)</dd>" in html  # the URL is shown, never linked
    assert "&lt;script&gt;" in pages[5].text  # the search snippet too
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/recoupe.js" defer>']


# --- store: the full-text index --------------------------------------------------------------------
def _article_with_quote(article_id: str, text: str, quote: str, speaker: str) -> tuple[Article, Analysis]:
    start = text.index(quote)
    article = Article(id=article_id, path="t.txt", text=text, content_hash=article_id * 4, title="Essai")
    analysis = Analysis(article_id=article_id, language="fr", sentences=((0, len(text)),), mentions=(),
                        terms={}, lead_terms={},
                        quotes=(Quote(start, start + len(quote), quote, "direct", "a-t-il dit", speaker),))
    return article, analysis


def test_store_indexes_articles_and_quotes(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        article, analysis = _article_with_quote(
            "q1", "« Les éoliennes tourneront dès l'été », a-t-il dit à Brest.", "Les éoliennes tourneront dès l'été",
            "Jean Dupont")
        with store.transaction():
            store.insert_article(article, analysis)
        assert store.search_quotes('"eoliennes tourneront"')[0] == 1  # accents folded
        total, hits = store.search_quotes('"dupont"')
        assert total == 1 and hits[0]["article_id"] == "q1" and hits[0]["start"] == 2
        total, hits = store.search_articles('"brest"')
        assert total == 1 and "\x02Brest\x03" in hits[0]["snippet"]
    # a store written before the index existed is indexed when the web app opens it
    with Store(db) as store:
        store.conn.execute("DELETE FROM quotes_fts")
        store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        store.conn.execute("DELETE FROM meta WHERE key = 'search_index'")
        assert store.search_articles('"brest"')[0] == 0
        assert store.ensure_search_index() is True
        assert store.ensure_search_index() is False
        assert store.search_articles('"brest"')[0] == 1 and store.search_quotes('"eoliennes"')[0] == 1


def test_search_finds_a_quote(ro_client):
    doc = doc_of(ro_client)
    if doc["quotes"]:
        quote = max(doc["quotes"], key=lambda q: len(q["text"]))
        words = " ".join(quote["text"].split()[:8])
        found = ro_client.get("/api/search", params={"q": f'"{words}"', "kind": "quotes"}).json()
        assert any(hit["article"] == quote["article"] and hit["start"] == quote["start"] for hit in found["items"])
        page = ro_client.get("/search", params={"q": f'"{words}"'}).text
        assert "results-quotes" in page
    article = doc["articles"][0]
    sentence = article["text"][article["sentences"][0]["start"]:article["sentences"][0]["end"]]
    found = ro_client.get("/api/search", params={"q": " ".join(sentence.split()[:6])}).json()
    assert article["id"] in [hit["article"] for hit in found["items"]]


def test_snapshot_follows_another_writer(tmp_path_factory, tmp_path):
    """A store written by another process (recoupe ingest) is noticed without a restart."""
    import recoupe

    db = copy_of(seeds_db(tmp_path_factory), tmp_path)
    with TestClient(create_app(db, check_interval=0.0)) as client:
        assert client.get("/api").json()["counts"]["articles"] == 5
        (tmp_path / "new.txt").write_text("Le port de Marseille a rouvert jeudi après trois jours de grève des dockers.",
                                          encoding="utf-8")
        with Store(db) as store:
            recoupe.ingest([tmp_path / "new.txt"], store)
        deadline = time.monotonic() + 20
        while client.get("/api").json()["counts"]["articles"] != 6:
            assert time.monotonic() < deadline, "the app never saw the new article"
            time.sleep(0.1)
        assert client.get("/articles/new").status_code == 200
        assert client.get("/api/search", params={"q": "dockers"}).json()["total"] == 1


def test_serve_command(tmp_path):
    from typer.testing import CliRunner

    from recoupe.cli import app

    runner = CliRunner()
    help_text = runner.invoke(app, ["serve", "--help"]).output
    assert "--token" in help_text and "RECOUPE_TOKEN" in help_text and "127.0.0.1" in help_text
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store at" in missing.output
