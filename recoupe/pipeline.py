"""The Python API: ``ingest`` articles into a store, ``brief`` paths into a ``recoupe/1`` document."""
from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import analyse_articles
from .clean import clean_document
from .group import Grouper
from .records import Article, RawDocument, ReadError
from .report import build_document
from .settings import DEFAULT_SETTINGS, Settings
from .sources import read_paths
from .store import Store

# Articles are read, cleaned and ordered by publication date in chunks of this many before they
# are analysed and grouped: memory stays bounded on a 50 MB JSONL and order is kept within a chunk.
ORDER_CHUNK = 1000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


ProgressCallback = Callable[[int], None]
ErrorCallback = Callable[[ReadError], None]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _too_long(raw: RawDocument, size: int, settings: Settings) -> ReadError:
    return ReadError(raw.path, f"article {raw.id!r} too long ({size:,} characters; limit "
                               f"{settings.max_article_chars:,}, setting max_article_chars)", raw.line)


def _clean_all(raws: list[RawDocument | ReadError], settings: Settings, report: IngestReport,
               on_error: ErrorCallback | None) -> list[tuple[Article, int | None]]:
    """Clean each raw document; returns the articles with the JSONL line they came from."""
    def reject(error: ReadError) -> None:
        report.errors.append(error)
        if on_error:
            on_error(error)

    articles: list[tuple[Article, int | None]] = []
    for raw in raws:
        if isinstance(raw, ReadError):
            reject(raw)
            continue
        if raw.html is not None and len(raw.html) > settings.max_html_chars:
            reject(ReadError(raw.path, f"HTML page {raw.id!r} too large ({len(raw.html):,} characters; limit "
                                       f"{settings.max_html_chars:,}, setting max_html_chars)", raw.line))
            continue
        if raw.text is not None and len(raw.text) > settings.max_article_chars:
            reject(_too_long(raw, len(raw.text), settings))  # refused before cleaning: bounded work
            continue
        try:
            article = clean_document(raw)
        except Exception as exc:  # one bad document must not stop the run
            reject(ReadError(raw.path, f"could not clean article {raw.id!r}: {exc}", raw.line))
            continue
        if len(article.text) > settings.max_article_chars:
            reject(_too_long(raw, len(article.text), settings))
            continue
        if not article.text.strip():
            reject(ReadError(raw.path, f"article {raw.id!r} has no text after cleaning", raw.line))
            continue
        articles.append((article, raw.line))
    return articles


def ingest(paths: Iterable[str | os.PathLike], store: Store, settings: Settings = DEFAULT_SETTINGS,
           on_progress: ProgressCallback | None = None, on_error: ErrorCallback | None = None) -> IngestReport:
    """Add the articles found under ``paths`` to ``store``; new articles join existing events.

    Re-ingesting an article whose content is already stored changes nothing.
    """
    return ingest_documents(read_paths(paths, settings), store, settings, on_progress, on_error)


def ingest_documents(items: Iterable[RawDocument | ReadError], store: Store,
                     settings: Settings = DEFAULT_SETTINGS, on_progress: ProgressCallback | None = None,
                     on_error: ErrorCallback | None = None) -> IngestReport:
    """``ingest`` over documents already read (from any source: files, feeds, an evaluation)."""
    report = IngestReport()
    grouper = Grouper(store, settings)
    done = 0
    for raws in _chunks(items, ORDER_CHUNK):
        fresh: dict[str, Article] = {}
        lines: dict[str, int | None] = {}
        for article, line in _clean_all(raws, settings, report, on_error):
            if article.content_hash in fresh or store.has_content(article.content_hash):
                report.already_stored.append(article.id)
            else:
                fresh[article.content_hash] = article
                lines[article.content_hash] = line
        # Publication order; undated articles last, placed by content alone.
        ordered = sorted(fresh.values(), key=lambda a: (a.published is None, a.published or ""))
        added_in_chunk: list[str] = []
        for article, analysis in zip(ordered, analyse_articles(ordered, settings)):
            article_id = store.free_article_id(article.id, article.content_hash)
            if article_id != article.id:
                article = dataclasses.replace(article, id=article_id)
                analysis = dataclasses.replace(analysis, article_id=article_id)
            try:
                with store.transaction():
                    store.insert_article(article, analysis)
                    grouper.add(article, analysis)
                    store.add_entity_mentions(analysis.mentions)
            except Exception as exc:
                grouper.idf.forget()
                error = ReadError(article.path, f"could not store article {article.id!r}: {exc}",
                                  lines[article.content_hash])
                report.errors.append(error)
                if on_error:
                    on_error(error)
                continue
            report.added.append(article.id)
            added_in_chunk.append(article.id)
            done += 1
            if on_progress:
                on_progress(done)
        for _ in range(settings.refine_passes):
            if not grouper.refine(added_in_chunk):
                break
    return report


def export(store: Store, settings: Settings = DEFAULT_SETTINGS) -> dict:
    """The whole store as a ``recoupe/1`` document."""
    return build_document(store, settings)


def brief(paths: Iterable[str | os.PathLike], settings: Settings = DEFAULT_SETTINGS,
          db: str | os.PathLike | None = None, on_progress: ProgressCallback | None = None,
          on_error: ErrorCallback | None = None) -> tuple[dict, IngestReport]:
    """Read, analyse and group the articles under ``paths``; return the briefing document.

    Without ``db`` a temporary store is used and nothing is left behind.
    """
    if db is not None:
        with Store(db) as store:
            report = ingest(paths, store, settings, on_progress, on_error)
            return export(store, settings), report
    with tempfile.TemporaryDirectory(prefix="recoupe-") as tmp:
        with Store(Path(tmp) / "brief.db") as store:
            report = ingest(paths, store, settings, on_progress, on_error)
            return export(store, settings), report
