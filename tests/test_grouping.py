"""Grouping: copies, events and storylines, incremental ingest, cross-language, and the metrics."""
from __future__ import annotations

import math
import random
import re

import orjson
import pytest
from typer.testing import CliRunner

import recoupe
from recoupe.cli import app
from recoupe.evaluate.clusters import bcubed, documents_with_rpm2_dates, pairwise, rpm2_date, rpm2_gold
from recoupe.group.duplicates import find_original
from recoupe.pipeline import ingest_documents
from recoupe.settings import Settings
from recoupe.sources import read_paths
from recoupe.store import Store

from .conftest import ROOT, RPM2, SEEDS

SEED_002 = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
SEED_000 = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
SEED_001 = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")


def _edited(text: str, fraction: float, seed: int = 7) -> str:
    """Replace ``fraction`` of the words with others, the way a desk rewrites a wire story lightly."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), int(len(words) * fraction)):
        words[i] = rng.choice(["notamment", "également", "ainsi", "toutefois", "récemment"])
    return " ".join(words)


def _copies_of(original: str, candidate: str) -> bool:
    settings = Settings()
    with Store() as store:
        with store.transaction():
            find_original(store, "original", original, settings)
            store.conn.execute("INSERT INTO articles (id, content_hash, text, repairs, analysis) "
                               "VALUES ('original', 'h', '', x'5b5d', x'7b7d')")
            return find_original(store, "candidate", candidate, settings) == "original"


def test_syndicated_copy_with_other_boilerplate_is_a_duplicate():
    syndicated = ("Publié par Le Courrier du Soir\nPARIS (AFP) -\n" + SEED_002.replace("Today", "")
                  + "\nAbonnez-vous à notre newsletter\n© Le Courrier du Soir 2025")
    assert _copies_of(SEED_002, syndicated)


def test_copy_with_ten_percent_of_words_edited_is_a_duplicate():
    assert _copies_of(SEED_002, _edited(SEED_002, 0.10))


def test_two_articles_on_the_same_event_are_not_duplicates():
    assert not _copies_of(SEED_000, SEED_001)


def test_a_copy_ingested_with_the_seeds_points_at_its_first_print_and_joins_its_event(tmp_path):
    copy = tmp_path / "copies" / "002-repris.txt"
    copy.parent.mkdir()
    copy.write_text(_edited(SEED_002, 0.10), encoding="utf-8")
    doc, report = recoupe.brief([SEEDS, copy.parent])
    assert not report.errors
    articles = {a["id"]: a for a in doc["articles"]}
    original = next(i for i in articles if i.startswith("002_"))
    assert articles["002-repris"]["duplicate_of"] == original
    assert articles["002-repris"]["event"] == articles[original]["event"]
    assert len(doc["events"]) == 4


def test_english_article_joins_the_event_of_the_french_articles_it_reports():
    doc, report = recoupe.brief([SEEDS, ROOT / "examples" / "english"])
    assert not report.errors
    articles = {a["id"]: a for a in doc["articles"]}
    assert articles["rutte-brussels-en"]["language"] == "en"
    french = {a["event"] for i, a in articles.items() if i[:3] in ("000", "001")}
    assert french == {articles["rutte-brussels-en"]["event"]}
    assert len(doc["events"]) == 4 and len(doc["storylines"]) == 1


def _rpm2_topics(*topics: str) -> list:
    paths = sorted(p for p in RPM2.glob("*.txt") if p.name[:3] in topics)
    return list(documents_with_rpm2_dates(read_paths(paths, Settings())))


@pytest.mark.skipif(not RPM2.exists(), reason="../shared/corpora/rpm2-dev is not beside the project")
def test_ingesting_in_ten_batches_matches_ingesting_at_once():
    documents = _rpm2_topics("T01", "T04", "T06", "T09")
    with Store() as once:
        ingest_documents(documents, once)
        together = {a.id: g["event_id"] for a, _, g in once.articles()}
    stream = sorted(documents, key=lambda d: (d.published, d.id))  # a stream arrives in time order
    with Store() as store:
        for k in range(10):
            ingest_documents(stream[k * 8:(k + 1) * 8], store)
        batched = {a.id: g["event_id"] for a, _, g in store.articles()}
    assert len(batched) == len(together) == 80
    agreement = bcubed(batched, together)
    assert agreement["f1"] >= 0.95, agreement
    gold, _ = rpm2_gold(batched)
    assert bcubed(batched, gold)["f1"] >= 0.95


def test_bcubed_and_pairwise_on_a_hand_worked_example():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    # precision: a,b 1; c 1/3; d,e 2/3 → 3.667/5; recall: a,b 2/3; c 1/3; d,e 1 → 3.667/5
    result = bcubed(predicted, gold)
    assert result["precision"] == pytest.approx(11 / 15) and result["recall"] == pytest.approx(11 / 15)
    assert pairwise(predicted, gold) == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})
    assert bcubed(gold, gold)["f1"] == 1.0


def test_rpm2_names_give_gold_and_evaluation_dates():
    events, storylines = rpm2_gold(["T03_C2_07", "T03_C1_01", "000_x"])
    assert events == {"T03_C2_07": "T03_C2", "T03_C1_01": "T03_C1"}
    assert storylines == {"T03_C2_07": "T03", "T03_C1_01": "T03"}
    assert rpm2_date("T03_C1_01") == "2008-07-01" and rpm2_date("T03_C1_08") == "2008-07-01"
    assert rpm2_date("T03_C1_07") == "2008-07-07" and rpm2_date("T03_C2_01") == "2008-07-31"


def test_eval_clusters_scores_the_seeds_against_a_gold_file(tmp_path):
    ids = [p.stem for p in sorted(SEEDS.glob("*.txt"))]
    gold = {i: ("press" if i[:3] in ("000", "001") else i[:3]) for i in ids}
    gold_file = tmp_path / "gold.json"
    gold_file.write_bytes(orjson.dumps(gold))
    result = CliRunner().invoke(app, ["eval", "clusters", str(SEEDS), "--gold", str(gold_file),
                                      "--no-baseline", "--json"])
    assert result.exit_code == 0, result.output
    figures = orjson.loads(result.stdout)
    assert figures["events"]["bcubed_f1"] == 1.0 and figures["events"]["clusters"] == 4


def _storyline(store: Store, keys: list[str], first: str | None, last: str | None) -> int:
    record = {"id": None, "first_date": first, "last_date": last, "size": 1,
              "profile": {"lead": {}, "text": {}, "ents": {}, "emb": None, "langs": {}}}
    return store.save_group("storylines", record, keys, last)


def test_the_index_look_up_returns_storylines_active_within_the_window_most_recent_first():
    with Store() as store, store.transaction():
        old = _storyline(store, ["grève", "@sncf"], "2024-01-02", "2024-01-05")
        recent = [_storyline(store, ["grève", "@sncf"], f"2024-06-{d:02d}", f"2024-06-{d:02d}") for d in (1, 9, 5)]
        undated = _storyline(store, ["grève"], None, None)
        hits = store.storyline_key_hits(["grève", "@sncf"], 2, "2024-06-10", 60)
        # per key, the two that used it last (June 9, then June 5), and the undated one; never January
        assert list(hits) == [recent[1], recent[2], undated]
        assert hits[recent[1]] == ["grève", "@sncf"] and hits[undated] == ["grève"]
        assert old in store.storyline_key_hits(["grève"], 5, "2024-02-01", 60)
        # a storyline that uses a key again is found by it at its new date
        store.save_group("storylines", dict(store.group_record("storylines", old), last_date="2024-06-10"),
                         ["grève"], "2024-06-10")
        assert list(store.storyline_key_hits(["grève"], 1, "2024-06-10", 60))[0] == old


def test_a_store_written_before_the_dated_index_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store, store.transaction():
        sid = _storyline(store, ["grève"], "2024-03-01", "2024-03-04")
        store.conn.execute("DROP INDEX storyline_keys_recent")
        store.conn.execute("ALTER TABLE storyline_keys DROP COLUMN last_seen")
        store.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
        assert list(store.storyline_key_hits(["grève"], 5, "2024-03-20", 60)) == [sid]
        assert not store.storyline_key_hits(["grève"], 5, "2024-09-20", 60)


def test_the_idf_cache_is_bounded_and_stays_exact():
    from recoupe.group.vectors import Idf
    with Store() as store, store.transaction():
        idf = Idf(store, cache_keys=50)
        rng = random.Random(3)
        vocabulary = [f"w{i}" for i in range(400)]
        for _ in range(300):
            idf.observe(rng.sample(vocabulary, 20))
            assert len(idf._df) <= 50 and len(idf._df_old) <= 50
        df = store.document_frequencies(vocabulary)
        assert all(idf._df[w] == df.get(w, 0) for w in idf._df)  # the young generation is the store's count
        for word in rng.sample(vocabulary, 60):
            assert idf(word) == pytest.approx(math.log((idf.n + 1) / (df.get(word, 0) + 1)) + 1.0, abs=0.06)
        assert idf.n == store.doc_count() == 300
