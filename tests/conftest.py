from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared" / "corpora"
RPM2 = SHARED / "rpm2-dev" / "documents"


@pytest.fixture(scope="session")
def seeds_doc() -> dict:
    """The seeds' briefing, computed once for the whole session."""
    import recoupe

    doc, report = recoupe.brief([SEEDS])
    assert not report.errors
    return doc


def article(doc: dict, prefix: str) -> dict:
    return next(a for a in doc["articles"] if a["id"].startswith(prefix))
