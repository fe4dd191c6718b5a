"""Photograph the web app's pages in headless Chromium (Debian's `chromium`).

    .venv/bin/python docs/web_screenshots.py [--db STORE]   → docs/screenshots/web-*.png

Without --db it builds a store of `rpm2-dev` (with the evaluation dates of `recoupe eval clusters
--rpm2`) and the seeds in a temporary folder (about a minute), serves it on a free loopback port
(uvicorn in a thread) and opens: the storylines, an event of the seeds, the article a citation leads
to, Mark Rutte, the sources, and a search for a quote. Playwright drives the system browser; it
never downloads one.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SEED = "001_832e27856e8c07f2"
RPM2 = ROOT.parent / "shared" / "corpora" / "rpm2-dev" / "documents"


def build_store(db: Path) -> None:
    from recoupe.evaluate.clusters import documents_with_rpm2_dates
    from recoupe.pipeline import ingest, ingest_documents
    from recoupe.settings import DEFAULT_SETTINGS
    from recoupe.sources import read_paths
    from recoupe.store import Store

    with Store(db) as store:
        if RPM2.is_dir():
            ingest_documents(documents_with_rpm2_dates(read_paths([RPM2], DEFAULT_SETTINGS)), store)
        ingest([ROOT / "examples" / "seeds"], store)


def shoot(base: str, only: set[str] | None = None) -> list[str]:
    written = []

    def snap(page, name: str, full: bool = False) -> None:
        page.wait_for_timeout(150)
        page.screenshot(path=str(OUT / f"web-{name}.png"), full_page=full)
        written.append(f"web-{name}.png")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        if not only or "storylines" in only:
            page.goto(base + "/")
            snap(page, "storylines")
        # The event of the seeds' article 001 (Rutte's Brussels press conference).
        event = httpx.get(f"{base}/api/articles/{SEED}").json()["event"]
        if not only or "event" in only:
            page.goto(f"{base}/events/{event}")
            snap(page, "event")
        if not only or "article" in only:
            page.goto(f"{base}/events/{event}")
            page.locator(f".summary a.cite[href*='{SEED}']").first.click()
            page.wait_for_load_state()
            page.wait_for_timeout(400)
            page.evaluate("window.scrollTo(0, 0)")  # the cited lead sentence sits under the headline
            snap(page, "article")
        if not only or "person" in only:
            page.goto(base + "/entities?q=Rutte")
            page.get_by_role("link", name="Mark Rutte").first.click()
            page.wait_for_load_state()
            snap(page, "person")
        if not only or "source" in only:
            page.goto(base + "/sources")
            snap(page, "source")
        if not only or "search" in only:
            page.goto(base + "/")
            page.fill("header input[name=q]", '"garanties de sécurité"')
            page.press("header input[name=q]", "Enter")
            page.wait_for_load_state()
            snap(page, "search")
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store to photograph (copied first, left as it is)")
    parser.add_argument("--only", nargs="*", help="storylines event article person source search")
    options = parser.parse_args()
    from recoupe.web import create_app
    from recoupe.web.server import ServerThread

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="recoupe-shots-") as tmp:
        db = Path(tmp) / "store.db"
        if options.db:
            shutil.copyfile(options.db, db)
        else:
            print("building the store (rpm2-dev + seeds)…", flush=True)
            build_store(db)
        with ServerThread(create_app(db)) as url:
            written = shoot(url, set(options.only) if options.only else None)
    print("wrote " + ", ".join(f"docs/screenshots/{name}" for name in written))


if __name__ == "__main__":
    main()
