"""Render the seeds' briefing and photograph it in headless Chromium (Debian's `chromium`).

    .venv/bin/python docs/screenshots.py      → docs/screenshots/briefing-*.png

Needs `apt-get install chromium` and the test extras (Playwright drives the system browser; it
never downloads one).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "briefing.html"
        subprocess.run([sys.executable, "-m", "recoupe", "brief", str(ROOT / "examples" / "seeds"),
                        "-o", str(html)], check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(html.as_uri())
            page.screenshot(path=str(OUT / "briefing-top.png"))
            # The storyline's time axis, its discrepancies side by side and its timeline.
            page.set_viewport_size({"width": 1100, "height": 700})
            top = page.evaluate("document.querySelector('figure.chart').getBoundingClientRect().top + scrollY")
            page.evaluate(f"window.scrollTo(0, {top} - 20)")
            page.wait_for_timeout(100)
            page.screenshot(path=str(OUT / "briefing-discrepancy.png"))
            page.evaluate("window.scrollTo(0, 0)")
            # Follow the first citation of the first event, as a reader would.
            link = page.locator("article.event a.cite").first
            target = link.get_attribute("href")
            link.click()
            page.wait_for_timeout(200)
            page.evaluate("window.scrollBy(0, -160)")
            page.set_viewport_size({"width": 1100, "height": 700})
            page.screenshot(path=str(OUT / "briefing-citation.png"))
            browser.close()
    print(f"wrote {OUT}/briefing-top.png, briefing-discrepancy.png and briefing-citation.png (citation {target})")


if __name__ == "__main__":
    main()
