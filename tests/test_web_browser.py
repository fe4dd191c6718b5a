"""`recoupe serve` in a real browser: Debian's chromium, headless, driven by Playwright.

`make test` installs chromium when it is missing; these tests fail (they never skip) without it.
The server is uvicorn on 127.0.0.1 and a free port, in a thread, over a copy of the seeds' store.
"""
from __future__ import annotations

import os
import shutil

import httpx
import orjson
import pytest

from recoupe.web import create_app
from recoupe.web.server import ServerThread

from .test_web import EVIL, TOKEN, seeds_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium. `make test` installs it "
                    "(apt-get install --no-install-recommends chromium); Playwright never downloads a browser.",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web-browser") / "store.db"
    shutil.copyfile(seeds_db(tmp_path_factory), db)
    with ServerThread(create_app(db, token=TOKEN)) as url:
        yield url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800}, java_script_enabled=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # a Content-Security-Policy violation or a missing file shows as a console error
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield page
    context.close()
    assert not errors, errors


def test_storylines_event_citation_search_person(server, page):
    from playwright.sync_api import expect

    doc = httpx.get(f"{server}/api/export").json()
    # 1. the storylines, newest first, with their sparkline
    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("Storylines")
    expect(page.locator("article.story svg.spark").first).to_be_visible()
    # 2. open an event of the first storyline
    page.locator("article.story ul.events a").first.click()
    page.wait_for_url("**/events/*")
    event_id = page.url.rsplit("/", 1)[1]
    event = next(e for e in doc["events"] if e["id"] == event_id)
    expect(page.locator("h1")).to_have_text(event["title"])
    # 3. follow the first citation of its summary to the article, the cited sentence highlighted
    cite = page.locator(".summary a.cite").first
    href = cite.get_attribute("href")
    cite.click()
    page.wait_for_url("**/articles/**#*")
    anchor = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == "#" + anchor
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target).to_have_attribute("id", anchor)
    expect(target).to_have_class("sentence")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    # highlighted, once the stylesheet applies (on a busy machine it can arrive after the navigation)
    page.wait_for_load_state("load")
    highlighted = ("() => { const b = getComputedStyle(document.querySelector(':target')).backgroundColor;"
                   " return b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent'; }")
    page.wait_for_function(highlighted, timeout=10_000)
    article_id = href.split("/articles/", 1)[1].split("#", 1)[0]
    assert target.inner_text().strip()[:30] in next(a["text"] for a in doc["articles"] if a["id"] == article_id)
    # 4. search a quote (a sentence while the store holds no quote) from the top bar
    quote = max((q for q in doc["quotes"] if (q.get("speaker") or {}).get("name") == "Mark Rutte"),
                key=lambda q: len(q["text"]), default=None)
    if quote is None and doc["quotes"]:
        quote = max(doc["quotes"], key=lambda q: len(q["text"]))
    text = quote["text"] if quote else next(s["text"] for e in doc["events"] for s in e["summary"])
    words = " ".join(text.split()[:8])
    page.fill("header input[name=q]", f'"{words}"')
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    if quote:
        hits = page.locator(".results-quotes blockquote")
        expect(hits.first).to_be_visible()
        expect(page.locator(".results-quotes")).to_contain_text(words.strip("«» "))
    else:
        expect(page.locator(".results-articles .hit").first).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    # 5. open a person: Mark Rutte, from the quote's speaker when it is him, else from People
    speaker = page.locator(".results-quotes .who a", has_text="Mark Rutte")
    if quote and speaker.count():
        speaker.first.click()
    else:
        page.goto(server + "/entities?q=Rutte")
        page.get_by_role("link", name="Mark Rutte").first.click()
    page.wait_for_url("**/entities/**")
    expect(page.locator("h1")).to_contain_text("Mark Rutte")
    expect(page.get_by_text("Appears with")).to_be_visible()
    if any((q.get("speaker") or {}).get("name") == "Mark Rutte" for q in doc["quotes"]):
        expect(page.locator("blockquote.quote").first).to_be_visible()


def test_malicious_article_runs_no_script(server, page):
    from playwright.sync_api import expect

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    posted = httpx.post(f"{server}/api/articles", content=orjson.dumps(EVIL),
                        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}, timeout=120)
    assert posted.status_code == 200 and posted.json()["added"] == ["evil"], posted.text
    page.goto(server + "/articles/evil")
    expect(page.locator("h1")).to_have_text(EVIL["title"])             # shown as text…
    expect(page.locator("#text")).to_contain_text("<script>alert(1)</script>")
    expect(page.locator("#text")).to_contain_text('<a href="javascript:alert(1)">ici</a>')
    assert page.locator("a[href^='javascript:'], a[href^='JAVASCRIPT:']").count() == 0  # …never a link
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # only /static/recoupe.js
    for path in ("/", "/search?q=alert", "/sources", f"/events/{posted.json() and httpx.get(f'{server}/api/articles/evil').json()['event']}"):
        page.goto(server + path)
        page.wait_for_timeout(100)
    page.goto(server + "/articles/evil")
    page.locator("#text a.ent, #text span").first.hover()
    page.wait_for_timeout(200)
    assert dialogs == [], dialogs
