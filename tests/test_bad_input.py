"""Bad input (PRODUCT.md, non-negotiables): a clear one-line error naming the file (and line) for
each bad input, every other article still processed, and nothing stored lost or duplicated by a
re-run.

The CLI runs in-process (``typer.testing.CliRunner``) so the spaCy model is loaded once for the
module; the store is ingested twice by one module-scoped fixture and the tests read its results.
The 50 MB JSONL case exercises the reader alone: analysing 12,000 articles is a benchmark, not a test.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.render import load_schema
from recoupe.records import RawDocument, ReadError
from recoupe.settings import Settings
from recoupe.sources import read_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
RPM2 = ROOT.parent / "shared" / "corpora" / "rpm2-dev" / "documents"
SMALL = ["--set", "max_article_chars=20000"]

# RPM2 T09_C1_04 (French news, 2008): stored as latin-1 with CRLF, as old newsroom exports are.
LATIN1_TEXT = (
    "Euthanasie: la Chancellerie attend l'évaluation de la loi Léonetti pour se prononcer\r\n"
    "Le ministère de la Justice ne s'est pas prononcé jeudi sur une éventuelle modification de la loi en "
    "matière d'euthanasie, disant \"attendre\" l'évaluation de celle votée en 2005 à l'initiative du député "
    "Jean Leonetti, a déclaré son porte-parole après la mort de Chantal Sébire.\r\n"
    "La garde des Sceaux \"Rachida Dati a fait part de sa profonde émotion après le décès de Mme Sébire\", "
    "retrouvée morte mercredi et qui avait demandé le droit d'être euthanasiée alors qu'elle souffrait d'une "
    "tumeur incurable, a déclaré Guillaume Didier lors de son point de presse hebdomadaire.\r\n"
    "\"Attendons de voir quelle va être l'analyse de cette loi par M. Leonetti\", a-t-il ajouté.\r\n"
    "La loi votée en 2005 à l'unanimité instaurait un droit au \"laisser mourir\" mais pas à l'euthanasie "
    "active.\r\n"
)
# RPM2 T05_C1_01 and T07_C1_10, as JSONL records.
JSONL_PCF = {
    "id": "pcf-edvige", "source": "AFP", "published": "2008-07-03", "language": "fr",
    "title": "PCF: fichier Edvige ''inacceptable''",
    "text": ("Le Parti communiste a demandé jeudi à ce que le Parlement soit saisi à la suite de la création du "
             "fichier Edvige, qui pourra recenser les mineurs, dès 13 ans, \"susceptibles de porter atteinte à "
             "l'ordre public\", dénonçant un \"inacceptable\" instrument de \"fichage des mineurs\".\n"
             "Le fichier Edvige (Exploitation documentaire et valorisation de l'information générale) a été créé "
             "par un décret paru mardi au Journal officiel."),
}
JSONL_SOCGEN = {
    "title": "Une filiale de la Bourse allemande avait alerté dès 2005", "published": "2008-01-30",
    "text": ("Des éléments nouveaux pourraient contribuer à mettre à mal la thèse de la Société générale selon "
             "laquelle la fraude, d'une part, serait le fait d'un trader solitaire et, d'autre part, n'aurait été "
             "découverte que vendredi 18 janvier.\n"
             "Or, c'est bien sur ce type de produits qu'opérait Jérôme Kerviel, depuis 2006 seulement.\n"
             "La Société générale, contactée hier, ne souhaitait apporter aucun commentaire."),
}
MALFORMED_LINE = '{"id": "tronque", "text": "Vingt-six pays sont prêts à envoyer des troupes en Ukraine'


def _seed_texts() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


@dataclass
class Run:
    exit_code: int
    stderr: str
    rows: list[tuple]
    groups: dict


def _store_state(db: Path) -> tuple[list[tuple], dict]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, content_hash, event_id, duplicate_of, title, published, source, text "
                            "FROM articles ORDER BY id").fetchall()
        groups = {
            "events": conn.execute("SELECT id, storyline_id, first_date, last_date, size FROM events "
                                   "ORDER BY id").fetchall(),
            "storylines": conn.execute("SELECT id, first_date, last_date, size FROM storylines ORDER BY id").fetchall(),
            "entities": conn.execute("SELECT id, count FROM entities ORDER BY id").fetchall(),
            "meta": conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
        }
    return rows, groups


def _ingest(runner: CliRunner, folder: Path, db: Path, *extra: str) -> Run:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    rows, groups = _store_state(db) if db.exists() else ([], {})
    return Run(result.exit_code, result.stderr, rows, groups)


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("bad-input")
    mixed = base / "mixed"
    (mixed / "seeds").mkdir(parents=True)
    for prefix in ("000", "002", "003"):
        (seed,) = SEEDS.glob(f"{prefix}_*.txt")
        shutil.copy(seed, mixed / "seeds" / seed.name)
    (mixed / "euthanasie-latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (mixed / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00" + bytes(512))
    (mixed / "empty.txt").write_bytes(b"")
    huge = _seed_texts() * 6                       # ~115,000 characters of real text
    assert len(huge) > 5 * 20000
    (mixed / "huge.txt").write_text(huge, encoding="utf-8")
    (mixed / "feed.jsonl").write_text("\n".join([
        json.dumps(JSONL_PCF, ensure_ascii=False),
        MALFORMED_LINE,
        json.dumps(JSONL_SOCGEN, ensure_ascii=False),
        json.dumps({"id": "trop-long", "title": "Tout le dossier", "text": huge}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")

    good = base / "good"
    (good / "sub").mkdir(parents=True)
    for prefix in ("001", "004"):
        (seed,) = SEEDS.glob(f"{prefix}_*.txt")
        shutil.copy(seed, good / "sub" / seed.name)
    (good / "euthanasie-latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    return {"base": base, "mixed": mixed, "good": good}


@pytest.fixture(scope="module")
def runs(folders) -> dict[str, Run]:
    runner = CliRunner()
    db = folders["base"] / "store.db"
    first = _ingest(runner, folders["mixed"], db, *SMALL)
    second = _ingest(runner, folders["mixed"], db, *SMALL)
    good = _ingest(runner, folders["good"], folders["base"] / "good.db", *SMALL)
    brief = runner.invoke(app, ["brief", str(folders["mixed"]), "--format", "json", *SMALL])
    return {"first": first, "second": second, "good": good, "db": db, "brief": brief}


EXPECTED_ERRORS = [  # (file, JSONL line or None, words of the message)
    ("image.txt", None, "binary"),
    ("empty.txt", None, "empty"),
    ("huge.txt", None, "too long"),
    ("feed.jsonl", 2, "malformed JSON"),
    ("feed.jsonl", 4, "too long"),
]
GOOD_IDS = {"000_c356cf971c256b11", "002_44c57f388506a4d0", "003_58088c177c67d21c", "euthanasie-latin1",
            "pcf-edvige", "feed-3"}


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_ingest_with_bad_inputs_exits_1(runs):
    assert runs["first"].exit_code == 1


def test_ingest_prints_exactly_one_error_line_per_bad_input_naming_the_file_and_line(runs, folders):
    lines = _error_lines(runs["first"].stderr)
    assert len(lines) == len(EXPECTED_ERRORS), runs["first"].stderr
    for name, line, words in EXPECTED_ERRORS:
        where = f"{folders['mixed'] / name}:{line}:" if line else f"{folders['mixed'] / name}:"
        matching = [text for text in lines if text.startswith(f"error: {where}")]
        assert len(matching) == 1, (where, lines)
        assert words in matching[0]
    assert not any("seeds" in line or "latin1" in line for line in lines)


def test_ingest_stores_every_good_article(runs):
    assert {row[0] for row in runs["first"].rows} == GOOD_IDS
    assert "6 added" in runs["first"].stderr and "5 rejected" in runs["first"].stderr


def test_ingest_reads_a_latin1_file_with_its_accents(runs):
    text = {row[0]: row[7] for row in runs["first"].rows}["euthanasie-latin1"]
    assert "Chantal Sébire" in text and "profonde émotion" in text and "l'unanimité" in text
    assert "Ã" not in text and "\ufffd" not in text and "\r" not in text
    title = {row[0]: row[4] for row in runs["first"].rows}["euthanasie-latin1"]
    assert title == "Euthanasie: la Chancellerie attend l'évaluation de la loi Léonetti pour se prononcer"


def test_ingest_keeps_the_metadata_of_good_jsonl_lines(runs):
    by_id = {row[0]: row for row in runs["first"].rows}
    assert by_id["pcf-edvige"][4:7] == ("PCF: fichier Edvige ''inacceptable''", "2008-07-03", "AFP")
    assert by_id["feed-3"][4:6] == ("Une filiale de la Bourse allemande avait alerté dès 2005", "2008-01-30")


def test_every_stored_article_has_an_event(runs):
    assert all(row[2] is not None for row in runs["first"].rows)
    assert sum(size for *_, size in runs["first"].groups["events"]) == len(runs["first"].rows)


def test_ingest_again_adds_nothing_and_duplicates_nothing(runs):
    first, second = runs["first"], runs["second"]
    assert second.rows == first.rows            # same articles, texts, events and duplicate links
    assert second.groups == first.groups        # same events, storylines, entity counts, document count
    assert "0 added" in second.stderr and "6 already stored" in second.stderr


def test_ingest_again_reports_the_same_bad_inputs(runs):
    assert runs["second"].exit_code == 1
    assert _error_lines(runs["second"].stderr) == _error_lines(runs["first"].stderr)


def test_ingest_of_only_good_inputs_exits_0(runs):
    good = runs["good"]
    assert good.exit_code == 0, good.stderr
    assert _error_lines(good.stderr) == []
    assert {row[0] for row in good.rows} == {"001_832e27856e8c07f2", "004_e9a559d903c3afa4", "euthanasie-latin1"}
    assert "3 added" in good.stderr


def test_brief_with_bad_inputs_exits_1_and_briefs_every_good_article(runs):
    result = runs["brief"]
    assert result.exit_code == 1
    assert len(_error_lines(result.stderr)) == len(EXPECTED_ERRORS)
    doc = json.loads(result.stdout)
    Draft202012Validator(load_schema()).validate(doc)
    assert {article["id"] for article in doc["articles"]} == GOOD_IDS
    latin1 = next(a for a in doc["articles"] if a["id"] == "euthanasie-latin1")
    assert "Chantal Sébire" in latin1["text"]


def test_error_line_names_a_file_whose_name_looks_like_markup(tmp_path):
    folder = tmp_path / "exports[b]"
    folder.mkdir()
    bad = folder / "depeche[bold]1.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert _error_lines(result.stderr) == [f"error: {bad}: binary file, not text (expected .txt, .html, .json, "
                                           f".jsonl or .tml)"]


@pytest.mark.parametrize("args", [
    ["ingest", "{folder}", "--no-such-option"],
    ["ingest", "{folder}", "--set", "no_such_setting=1"],
    ["ingest", "{folder}", "--set", "max_article_chars"],
    ["ingest"],
])
def test_usage_errors_exit_2_and_touch_no_store(folders, args, tmp_path):
    db = tmp_path / "untouched.db"
    argv = [a.format(folder=folders["good"]) for a in args] + ["--db", str(db)]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert not db.exists()


# --- a 50 MB JSONL streams through the reader in bounded memory ---------------------------------------
def _article_texts() -> list[tuple[str, str]]:
    files = sorted(RPM2.glob("*.txt")) or sorted(SEEDS.glob("*.txt"))
    texts = []
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        texts.append((lines[0], "\n".join(lines[1:])))
    return texts


def test_reader_streams_a_50_mb_jsonl_in_bounded_memory(tmp_path):
    texts = _article_texts()
    path = tmp_path / "archive.jsonl"
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        while written < 50 * 1024 * 1024:
            title, text = texts[lines % len(texts)]
            record = {"id": f"rpm2-{lines + 1:05d}", "title": title, "source": "RPM2",
                      "published": f"2008-{lines % 12 + 1:02d}-{lines % 28 + 1:02d}",
                      "text": f"{text}\n(Dépêche {lines + 1}.)"}
            written += out.write(json.dumps(record, ensure_ascii=False) + "\n")
            lines += 1
    size = path.stat().st_size
    assert size >= 50 * 1024 * 1024 and lines >= 10_000

    count = errors = 0
    tracemalloc.start()
    try:
        for item in read_paths([path], Settings()):
            if isinstance(item, RawDocument):
                count += 1
            else:
                errors += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (count, errors) == (lines, 0)
    assert peak < 10 * 1024 * 1024, f"peak {peak:,} bytes while reading a {size:,}-byte file"


def test_reader_reports_a_malformed_line_deep_in_a_big_jsonl(tmp_path):
    path = tmp_path / "archive.jsonl"
    good = json.dumps(JSONL_SOCGEN, ensure_ascii=False)
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, 3001):
            out.write((MALFORMED_LINE if number == 2718 else good) + "\n")
    items = list(read_paths([path], Settings()))
    errors = [item for item in items if isinstance(item, ReadError)]
    assert len(items) == 3000 and [e.line for e in errors] == [2718]
    assert str(errors[0]).startswith(f"{path}:2718: malformed JSON line")
