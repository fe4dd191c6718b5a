"""The server's state: the store's path, a cached export (a ``Snapshot``) kept in step with the
store, per-thread read connections, one writer at a time, and full-text search.
"""
from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import IngestReport, export
from ..settings import DEFAULT_SETTINGS, Settings
from ..store import Store
from .ingest import ingest_body
from .views import Snapshot

log = logging.getLogger("recoupe.web")

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
_TERM = re.compile(r'"([^"]*)"|(\S+)')


class SearchError(ValueError):
    """The search text has nothing to search for, or the index refused it."""


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query that cannot be a syntax error: every term (or "quoted
    phrase") becomes an FTS5 string, ``"`` doubled inside; terms are ANDed. Raises SearchError
    when nothing searchable is left."""
    terms = []
    for phrase, word in _TERM.findall(text[:MAX_QUERY_CHARS]):
        term = (phrase or word).strip()
        if term and any(c.isalnum() for c in term):
            terms.append('"' + term.replace('"', '""') + '"')
        if len(terms) >= MAX_QUERY_TERMS:
            break
    if not terms:
        raise SearchError("type a word or a \"phrase in quotes\" to search for")
    return " ".join(terms)


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[dict]


class WebState:
    """Everything a request needs; safe to share between the server's threads."""

    def __init__(self, db: str | Path, settings: Settings = DEFAULT_SETTINGS, token: str | None = None,
                 max_body_bytes: int = 8 * 1024 * 1024, check_interval: float = 1.0) -> None:
        self.db = str(db)
        self.settings = settings
        self.token = token or None
        self.max_body_bytes = max_body_bytes
        self.check_interval = check_interval
        with Store(self.db) as store:  # creates or migrates the store; indexes older stores for search
            if store.ensure_search_index():
                log.info("built the search index of %s", self.db)
        self._local = threading.local()
        self._watch = Store.open_reader(self.db, check_same_thread=False)
        self._watch_lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._writing = False

    # --- connections ------------------------------------------------------------------------
    def reader(self) -> Store:
        """This thread's read-only connection (sqlite3 connections stay in their thread)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open_reader(self.db)
        return store

    def generation(self) -> tuple:
        with self._watch_lock:
            return self._watch.generation()

    # --- the cached export --------------------------------------------------------------------
    def build(self) -> Snapshot:
        """Export the store and index it for the pages, unless the current snapshot is up to date."""
        with self._build_lock:
            generation = self.generation()
            if self._snapshot is not None and self._snapshot.generation == generation:
                return self._snapshot
            started = time.perf_counter()
            store = self.reader()
            with store.read_transaction():
                doc = export(store, self.settings)
            snapshot = Snapshot(doc, generation, time.perf_counter() - started)
            self._snapshot = snapshot
            self._checked = time.monotonic()
            log.info("exported %s: %d articles, %d events in %.2f s", self.db, len(doc["articles"]),
                     len(doc["events"]), snapshot.built_in)
            return snapshot

    def _build_quietly(self) -> None:
        try:
            self.build()
        except Exception:  # a failed refresh keeps serving the previous snapshot
            log.exception("could not refresh the export of %s", self.db)

    def snapshot(self) -> Snapshot:
        """The current snapshot. Another process writing to the store is noticed within
        ``check_interval`` seconds; the refresh runs in the background while the previous snapshot
        is served."""
        snapshot = self._snapshot
        if snapshot is None:
            return self.build()
        now = time.monotonic()
        if not self._writing and now - self._checked >= self.check_interval:
            self._checked = now
            if self.generation() != snapshot.generation and not self._build_lock.locked():
                threading.Thread(target=self._build_quietly, name="recoupe-refresh", daemon=True).start()
        return snapshot

    # --- writing ------------------------------------------------------------------------------
    def ingest(self, body: bytes, suffix: str, fields: dict) -> IngestReport:
        """Ingest a request body (one writer at a time), then refresh the snapshot before answering,
        so the caller's next request sees the new articles."""
        with self._write_lock:
            self._writing = True
            try:
                report = ingest_body(self.db, body, suffix, self.settings, fields)
            finally:
                self._writing = False
            self.build()
        return report

    # --- search -------------------------------------------------------------------------------
    def search(self, text: str, kind: str, limit: int, offset: int) -> SearchResult:
        match = fts_query(text)
        store = self.reader()
        try:
            if kind == "quotes":
                total, hits = store.search_quotes(match, limit, offset)
            else:
                total, hits = store.search_articles(match, limit, offset)
        except sqlite3.OperationalError as exc:  # never a 500 for what a user typed
            raise SearchError(f"the search index could not read this query ({exc})") from exc
        return SearchResult(match, total, hits)

    def close(self) -> None:
        with self._watch_lock:
            self._watch.close()
