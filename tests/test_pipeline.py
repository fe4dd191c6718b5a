"""End-to-end: the seeds' briefing, the JSON contract, and incremental, idempotent ingest."""
from __future__ import annotations

import shutil

import jsonschema
import orjson
import pytest
from typer.testing import CliRunner

import recoupe
from recoupe.cli import app
from recoupe.render import load_schema

from .conftest import RPM2, SEEDS, article


def test_seeds_briefing_validates_against_the_published_schema(seeds_doc):
    jsonschema.Draft202012Validator(load_schema()).validate(seeds_doc)


def test_seeds_make_four_events_in_one_storyline_with_000_and_001_together(seeds_doc):
    assert len(seeds_doc["events"]) == 4
    assert len(seeds_doc["storylines"]) == 1
    assert article(seeds_doc, "000")["event"] == article(seeds_doc, "001")["event"]
    others = {article(seeds_doc, p)["event"] for p in ("001", "002", "003", "004")}
    assert len(others) == 4


def test_every_repair_is_visible_in_the_seeds_text(seeds_doc):
    a000, a001, a002, a003 = (article(seeds_doc, p) for p in ("000", "001", "002", "003"))
    assert a000["author"] == "Andrew Gray" and "par Andrew Gray" not in a000["text"]
    assert "Reportage" not in a000["text"] and "édité par" not in a000["text"]
    assert a001["published"] == "2025-09-03" and not a001["published_inferred"]
    assert a001["text"].startswith("La réunion jeudi à Paris") and "date 2025" not in a001["text"]
    for a in (a002, a003):
        assert not a["text"].rstrip().endswith("Today")
    assert a003["title"].startswith("Coalition de volontaires : 26 pays")
    assert a003["text"].count("Certains dirigeants ont participé en personne") == 1
    assert "Ils se sont entretenus avec Trump" in a003["text"]
    assert a003["text"].count("accroître les chances d'une solution diplomatique") == 1
    assert "communiqué.accroître" not in a003["text"]


def test_every_summary_sentence_is_found_in_the_article_it_cites_first(seeds_doc):
    texts = {a["id"]: a["text"] for a in seeds_doc["articles"]}
    for event in seeds_doc["events"]:
        assert event["summary"], event["id"]
        for sentence in event["summary"]:
            assert sentence["sources"] and set(sentence["sources"]) <= set(event["articles"])
            assert sentence["text"] in texts[sentence["sources"][0]]


def test_undated_articles_take_their_event_date_as_inferred(seeds_doc):
    a000 = article(seeds_doc, "000")
    assert a000["published"] == "2025-09-03" and a000["published_inferred"] is True


def test_mentions_point_at_their_text(seeds_doc):
    for a in seeds_doc["articles"]:
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["end"]] == m["text"]


def _snapshot(store: recoupe.Store) -> list[tuple]:
    return [(a.id, g["event_id"], g["duplicate_of"]) for a, _, g in store.articles()]


def test_ingest_twice_changes_nothing_and_rpm2_leaves_the_seeds_events_as_they_were(tmp_path):
    db = tmp_path / "news.db"
    with recoupe.Store(db) as store:
        first = recoupe.ingest([SEEDS], store)
        assert len(first.added) == 5
        before = _snapshot(store)
        events_before = store.events()
        again = recoupe.ingest([SEEDS], store)
        assert again.added == [] and len(again.already_stored) == 5
        assert _snapshot(store) == before and store.events() == events_before

        if not RPM2.exists():
            pytest.skip("../shared/corpora/rpm2-dev is not beside the project")
        more = recoupe.ingest([RPM2], store)
        assert len(more.added) == 200 and not more.errors
        after = {row[0]: row[1] for row in _snapshot(store)}
        assert {a: after[a] for a, _, _ in before} == {a: e for a, e, _ in before}
        seed_events = {e for _, e, _ in before}
        assert all(e not in seed_events for a, e in after.items() if a.startswith("T"))


def test_cli_brief_writes_json_markdown_and_html(tmp_path):
    runner = CliRunner()
    out = tmp_path / "b.json"
    result = runner.invoke(app, ["brief", str(SEEDS), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = orjson.loads(out.read_bytes())
    assert doc["schema"] == "recoupe/1" and len(doc["events"]) == 4
    html = tmp_path / "b.html"
    assert runner.invoke(app, ["brief", str(SEEDS), "-o", str(html)]).exit_code == 0
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    md = runner.invoke(app, ["brief", str(SEEDS)])
    assert md.exit_code == 0 and "Mark Rutte" in md.stdout


def test_cli_export_reads_the_store_written_by_ingest(tmp_path):
    runner = CliRunner()
    db = tmp_path / "s.db"
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0
    assert len(orjson.loads(result.stdout)["events"]) == 4


def test_cli_usage_errors_exit_with_status_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["brief"]).exit_code == 2
    assert runner.invoke(app, ["brief", str(SEEDS), "--set", "no_such_setting=1"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "missing.db")]).exit_code == 2
