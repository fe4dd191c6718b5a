"""The command line: a thin shell over the Python API (``recoupe.pipeline``)."""
from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__
from .pipeline import IngestReport, brief as run_brief, export as run_export, ingest as run_ingest
from .records import ReadError
from .render import render_html, render_markdown
from .settings import Settings
from .store import Store

app = typer.Typer(
    help="recoupe cross-checks the news: which articles report the same event, how events chain into "
         "storylines, and a briefing in which every sentence cites the articles it came from.\n\n"
         "Start with:  recoupe brief examples/seeds",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None)
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"


PathsArg = Annotated[list[Path], typer.Argument(metavar="PATHS...", help="Files or folders of .txt, .html, .json or .jsonl articles "
                                                     "(folders are read recursively).", show_default=False)]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="SQLite store file.")]
OutOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
SetOpt = Annotated[Optional[list[str]], typer.Option("--set", metavar="NAME=VALUE",
                                                    help="Override a setting, e.g. --set event_threshold=0.4 "
                                                         "(see recoupe.settings).")]


def _settings(pairs: list[str] | None) -> Settings:
    overrides = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--set")
        overrides[name.strip()] = value.strip()
    try:
        return Settings().with_overrides(overrides)
    except (ValueError, TypeError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--set") from exc


class _LazyProgress:
    """A progress bar that appears only when a run lasts more than a couple of seconds."""

    def __init__(self, label: str, delay: float = 2.0) -> None:
        self.label, self.delay, self.start = label, delay, time.monotonic()
        self.progress: Progress | None = None
        self.task = None

    def __call__(self, done: int) -> None:
        if self.progress is None:
            if time.monotonic() - self.start < self.delay or not err.is_terminal:
                return
            self.progress = Progress(SpinnerColumn(), TextColumn(self.label), BarColumn(),
                                     MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=None)
        self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _print_error(error: ReadError) -> None:
    err.print(f"[red]error[/red]: {escape(str(error))}", markup=True, highlight=False, soft_wrap=True)


def _run(function, *args, label: str, **kwargs) -> IngestReport:
    progress = _LazyProgress(label)
    try:
        return function(*args, on_progress=progress, on_error=_print_error, **kwargs)
    finally:
        progress.stop()


def _render(doc: dict, fmt: Format) -> str:
    if fmt is Format.json:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode()
    if fmt is Format.html:
        return render_html(doc)
    return render_markdown(doc)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")


def _format_for(fmt: Format | None, output: Path | None) -> Format:
    if fmt is not None:
        return fmt
    if output is not None and output.suffix.lower() in (".html", ".htm", ".json"):
        return Format.json if output.suffix.lower() == ".json" else Format.html
    return Format.md


def _summary_line(report: IngestReport) -> None:
    parts = [f"{len(report.added)} added"]
    if report.already_stored:
        parts.append(f"{len(report.already_stored)} already stored")
    if report.errors:
        parts.append(f"{len(report.errors)} rejected")
    err.print(", ".join(parts), highlight=False)


@app.command()
def brief(paths: PathsArg,
          fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="md (default), html or json; "
                                                        "guessed from -o's extension when not given.")] = None,
          output: OutOpt = None, db: DbOpt = None, settings: SetOpt = None) -> None:
    """Read articles and write the briefing of every event (Markdown, self-contained HTML or JSON).

    Without --db a temporary store is used and nothing is left behind.
    """
    config = _settings(settings)
    doc, report = _run(run_brief, paths, config, db=db, label="articles analysed")
    _write(_render(doc, _format_for(fmt, output)), output)
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def ingest(paths: PathsArg, db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("recoupe.db"),
           settings: SetOpt = None) -> None:
    """Add articles to a persistent store; new articles join existing events and storylines.

    Running it again on the same files changes nothing.
    """
    config = _settings(settings)
    with Store(db) as store:
        report = _run(run_ingest, paths, store, config, label="articles ingested")
    _summary_line(report)
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def export(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("recoupe.db"),
           fmt: Annotated[Format, typer.Option("--format", "-f", help="json, md or html.")] = Format.json,
           output: OutOpt = None,
           person: Annotated[Optional[str], typer.Option(
               help="Only this person or organisation (id, name, alias or surname): its roles, every "
                    "quote across events, the entities it appears with (JSON, or Markdown with -f md).")] = None,
           settings: SetOpt = None) -> None:
    """Write the whole store as JSON (recoupe/1), Markdown or HTML, or one person's view."""
    if not db.exists():
        raise typer.BadParameter(f"no store at {db}; create one with `recoupe ingest PATH --db {db}`",
                                 param_hint="--db")
    config = _settings(settings)
    with Store(db) as store:
        document = run_export(store, config)
    if person is None:
        _write(_render(document, fmt), output)
        return
    from .people import person_view

    view = person_view(document, person)
    if view is None:
        raise typer.BadParameter(f"no entity named {person!r} in {db}", param_hint="--person")
    if fmt == Format.md:
        _write(_person_markdown(view), output)
    else:
        _write(orjson.dumps(view, option=orjson.OPT_INDENT_2).decode() + "\n", output)


def _person_markdown(view: dict) -> str:
    entity = view["entity"]
    lines = [f"# {entity['name']}", ""]
    if entity.get("roles"):
        lines += ["Roles: " + "; ".join(entity["roles"]), ""]
    if entity.get("aliases"):
        lines += ["Also written: " + ", ".join(entity["aliases"]), ""]
    lines += [f"## Quotes ({len(view['quotes'])})", ""]
    for q in view["quotes"]:
        where = ", ".join(x for x in (q.get("published"), q.get("source"), q["article"], q.get("event")) if x)
        lines.append(f"- ({q['kind']}) « {q['text']} » — {q.get('cue') or ''} [{where}]")
    lines += ["", "## Appears with", ""]
    lines += [f"- {c['name']} ({c['type']}): {c['count']} articles" for c in view["co_occurring"][:20]]
    return "\n".join(lines) + "\n"


@app.command()
def serve(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("recoupe.db"),
          host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
          token: Annotated[Optional[str], typer.Option(envvar="RECOUPE_TOKEN", show_envvar=True,
                                                       help="Accept POST /api/articles with Authorization: Bearer "
                                                            "TOKEN. Without a token the server is read-only.")] = None,
          max_upload_mb: Annotated[float, typer.Option(help="Largest request body accepted (MB).")] = 8.0,
          settings: SetOpt = None) -> None:
    """Web app and REST API over a store: storylines, events, articles, people, sources, search."""
    import uvicorn

    from .web import create_app

    if not db.exists() and token is None:
        raise typer.BadParameter(f"no store at {db}; create one with `recoupe ingest PATH --db {db}`, or start "
                                 "with --token to ingest articles through POST /api/articles", param_hint="--db")
    application = create_app(db, token=token, settings=_settings(settings),
                             max_body_bytes=int(max_upload_mb * 1024 * 1024))
    err.print(f"recoupe: serving {db} on http://{host}:{port}/ ({'read-only' if token is None else 'POST /api/articles needs the token'})",
              highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="info", access_log=False)


eval_app = typer.Typer(help="Score recoupe on labelled data, so you can measure it on your own corpus.",
                       no_args_is_help=True, rich_markup_mode=None)
app.add_typer(eval_app, name="eval")


def _show_figures(result: dict, as_json: bool, title: str, columns: tuple[str, ...],
                  rows: list[tuple[str, ...]]) -> None:
    """An evaluation's figures: the whole result as JSON, or a table of its main rows."""
    if as_json:
        typer.echo(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
        return
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


@eval_app.command("clusters")
def eval_clusters(paths: PathsArg,
                  gold: Annotated[Optional[Path], typer.Option(help="JSON {article_id: event_id} gold for events.")] = None,
                  storyline_gold: Annotated[Optional[Path], typer.Option(
                      help="JSON {article_id: storyline_id} gold for storylines.")] = None,
                  rpm2: Annotated[bool, typer.Option(help="Gold from RPM2 file names (TNN_CM_DD: event TNN_CM, "
                                                          "storyline TNN) and evaluation dates (C1 over one week, "
                                                          "C2 thirty days later).")] = False,
                  baseline: Annotated[bool, typer.Option(help="Also score TF-IDF + agglomerative clustering "
                                                              "with its threshold tuned on the same data.")] = True,
                  as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
                  settings: SetOpt = None) -> None:
    """B-cubed precision, recall and F1, and pairwise F1, of events and storylines."""
    from .evaluate.clusters import evaluate_clusters

    if not rpm2 and gold is None:
        raise typer.BadParameter("give --gold FILE or --rpm2", param_hint="--gold")
    def load(path: Path | None):
        if path is None:
            return None
        try:
            mapping = orjson.loads(path.read_bytes())
        except (OSError, orjson.JSONDecodeError) as exc:
            raise typer.BadParameter(f"{path}: expected a JSON object {{article_id: cluster_id}} ({exc})") from exc
        if not isinstance(mapping, dict):
            raise typer.BadParameter(f"{path}: expected a JSON object {{article_id: cluster_id}}")
        return mapping
    result = evaluate_clusters(paths, _settings(settings), load(gold), load(storyline_gold), rpm2, baseline)
    rows = []
    for level in ("events", "storylines"):
        for system, figures in (("recoupe", result.get(level)),
                                ("tfidf+agglomerative", (result.get(level) or {}).get("baseline"))):
            if figures:
                rows.append((level, system, *(f"{figures[k]:.3f}" for k in
                                              ("bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1")),
                             f"{figures['clusters']} ({figures['gold_clusters']})"))
    _show_figures(result, as_json, f"clusters: {result['articles']} articles",
                  ("level", "system", "B³ P", "B³ R", "B³ F1", "pairwise F1", "clusters (gold)"), rows)


@eval_app.command("summaries")
def eval_summaries(corpus: Annotated[Path, typer.Argument(help="Folder of RPM2-style articles (TNN_CM_DD.txt).")],
                   references: Annotated[Optional[Path], typer.Option(
                       help="Folder of reference summaries TNN_CM_AK.txt (default: CORPUS/../references).")] = None,
                   as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
                   settings: SetOpt = None) -> None:
    """ROUGE-1, -2 and -L of recoupe's event summaries and of a TF-IDF centroid baseline, same run."""
    from .evaluate.summaries import evaluate_summaries

    refs = references or corpus.parent / "references"
    if not refs.is_dir():
        raise typer.BadParameter(f"no reference folder at {refs}", param_hint="--references")
    result = evaluate_summaries(corpus, refs, _settings(settings))
    rows = [(label, *(f"{result['mean'][system][k]:.2f}" for k in ("rouge1", "rouge2", "rougeL")))
            for system, label in (("recoupe", "recoupe"), ("centroid", "TF-IDF centroid baseline"))]
    _show_figures(result, as_json,
                  f"summaries: {result['clusters']} clusters, {result['words']}-word budget, ROUGE F (%)",
                  ("system", "ROUGE-1", "ROUGE-2", "ROUGE-L"), rows)


@eval_app.command("dates")
def eval_dates(folder: Annotated[Path, typer.Argument(help="Folder of TimeML files (French TimeBank .tml).")],
               as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False) -> None:
    """Date expressions found with the exact gold value (DCT as publication date), and dateparser
    alone on the same files."""
    from .evaluate.dates import evaluate_dates

    try:
        result = evaluate_dates(folder)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="FOLDER") from exc
    rows = [(system, *(f"{result[system][k]:.1f}" for k in ("accuracy", "day_precision_accuracy", "precision")))
            for system in ("recoupe", "dateparser") if system in result]
    _show_figures(result, as_json,
                  f"dates: {result['documents']} documents, {result['recoupe']['gold_dates']} gold DATE expressions",
                  ("system", "exact value (%)", "day-precision (%)", "precision (%)"), rows)
    if as_json:
        return
    misses = result["recoupe"].get("misses")
    if misses:
        counts = {kind: (v.get("count") if isinstance(v, dict) else len(v)) for kind, v in misses.items()}
        Console().print("misses by kind: " + ", ".join(f"{kind} {n}" for kind, n in counts.items()))


@eval_app.command("quotes")
def eval_quotes(paths: PathsArg,
                gold: Annotated[Optional[Path], typer.Option(
                    help="recoupe-quotes-gold/1 JSON (default: the gold shipped with recoupe, "
                         "45 articles of ../shared/corpora seeds and rpm2-dev).")] = None,
                overlap: Annotated[float, typer.Option(help="Character overlap (of the longer span) "
                                                             "for a predicted quote to match.")] = 0.5,
                details: Annotated[bool, typer.Option(help="List every miss, false positive and "
                                                           "wrong speaker.")] = False,
                as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
                settings: SetOpt = None) -> None:
    """Quote detection (precision, recall, F1 at character overlap) and speaker accuracy, with a
    quotation-marks-only baseline in the same run."""
    from .evaluate.quotes import GOLD, evaluate_quotes

    try:
        result = evaluate_quotes(paths, _settings(settings), gold or GOLD, overlap, details=details)
    except (OSError, ValueError, orjson.JSONDecodeError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--gold") from exc
    rows = [(label, *(f"{result[system][k]:.3f}" for k in ("precision", "recall", "f1", "speaker_accuracy")),
             f"{result[system]['matched']}/{result[system]['gold_quotes']} ({result[system]['predicted']})")
            for system, label in (("recoupe", "recoupe"), ("quotation_marks_baseline", "quotation marks baseline"))
            if system in result]
    _show_figures(result, as_json, f"quotes: {result['articles']} articles, overlap ≥ {overlap}",
                  ("system", "P", "R", "F1", "speaker acc.", "matched/gold (predicted)"), rows)
    if as_json:
        return
    r = result["recoupe"]
    console = Console()
    console.print("recall by gold kind: " + ", ".join(
        f"{k} {v['recall']:.3f} (n={v['gold']}, speaker {v['speaker_accuracy']:.3f})" for k, v in r["by_gold_kind"].items()))
    console.print(f"missed by kind: {r['missed_by_kind']}; by speaker kind: {r['missed_by_speaker_kind']}")
    console.print(f"false positives by kind: {r['false_positives_by_kind']}; "
                  f"wrong speakers by speaker kind: {r['wrong_speaker_by_speaker_kind']}")
    console.print("matched as the Gender Gap Tracker matches (share of the gold quote covered): " + ", ".join(
        f"> {t}: P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} speaker {v['speaker_accuracy']:.3f}"
        for t, v in result["ggt_matching"].items()))
    if "speaker_mention_accuracy" in r:
        ggt = result["ggt_matching"]["0.3"].get("speaker_mention_accuracy")
        console.print(f"speaker mention accuracy, the Gender Gap Tracker's speaker match (the predicted speaker's "
                      f"words overlap the mention annotated at the quote, unresolved; n={r['speaker_mentions']}): "
                      f"{r['speaker_mention_accuracy']:.3f}" + (f"; matched as it matches (> 0.3): {ggt:.3f}"
                                                                 if ggt is not None else ""))
    console.print("speaker accuracy by how the speaker is designated: " + ", ".join(
        f"{d} {v['speaker_accuracy']:.3f} (n={v['matched']})" for d, v in r["speaker_accuracy_by_designation"].items()))
    if result["gold_articles_not_found"]:
        console.print(f"gold articles not found under the paths: {len(result['gold_articles_not_found'])}")
    if details:
        _print_examples(console, r["examples"])


def _print_examples(console: Console, examples: dict[str, list[str]]) -> None:
    """Each list of misses, false positives and wrong speakers of a quote evaluation, one per line."""
    for name, lines in examples.items():
        console.print(f"\n[b]{name}[/b] ({len(lines)})", highlight=False)
        for line in lines:
            console.print("  " + line, markup=False, highlight=False)


@eval_app.command("agreement")
def eval_agreement(first: Annotated[Path, typer.Argument(help="recoupe-quotes-gold/1 JSON, read as the gold.")],
                   second: Annotated[Path, typer.Argument(help="Another annotation of the same articles.")],
                   overlap: Annotated[float, typer.Option(help="Character overlap (of the longer span) "
                                                                "for two quotes to match.")] = 0.5,
                   details: Annotated[bool, typer.Option(help="List every disagreement.")] = False,
                   as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False) -> None:
    """Inter-annotator agreement of two quote annotations (F1 at character overlap, speaker agreement),
    scored as `eval quotes` scores the extractor: the ceiling its figures should be read against."""
    from .evaluate.quotes import quote_agreement

    try:
        result = quote_agreement(first, second, overlap, details)
    except (OSError, ValueError, orjson.JSONDecodeError) as exc:
        raise typer.BadParameter(str(exc)) from exc
    r = result["agreement"]
    rows = [("second vs first", *(f"{r[k]:.3f}" for k in ("precision", "recall", "f1", "speaker_accuracy")),
             f"{r['matched']}/{r['gold_quotes']} ({r['predicted']})")]
    _show_figures(result, as_json, f"agreement: {result['articles']} articles, overlap ≥ {overlap}",
                  ("annotations", "P", "R", "F1", "speaker agr.", "matched/first (second)"), rows)
    if as_json:
        return
    console = Console()
    console.print("recall of the first's quotes by kind: " + ", ".join(
        f"{k} {v:.3f}" for k, v in r["by_kind_of_a"].items()))
    if details:
        _print_examples(console, r["examples"])


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recoupe {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Show the version and exit.")] = False) -> None:
    """recoupe: cross-check the news."""
