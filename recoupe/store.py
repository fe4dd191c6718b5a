"""The SQLite store: the only module that speaks SQL.

One transaction per article: an interrupted ingest leaves the store as it was before the article
that was being added, and re-adding an article with the same content changes nothing.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from .records import Analysis, Article, DateMention, Mention, Quantity, Quote, Repair

SCHEMA_VERSION = 2  # 2: storyline_keys.last_seen (index look-ups within the time window)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, source TEXT, author TEXT, title TEXT, published TEXT, language TEXT,
    credits TEXT, text TEXT NOT NULL, repairs BLOB NOT NULL, analysis BLOB NOT NULL,
    duplicate_of TEXT, event_id INTEGER
);
CREATE INDEX IF NOT EXISTS articles_event ON articles(event_id);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS minhash (article_id TEXT PRIMARY KEY, hashvalues BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS minhash_bands (band INTEGER NOT NULL, bucket BLOB NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, storyline_id INTEGER, first_date TEXT, last_date TEXT,
    size INTEGER NOT NULL, profile BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS events_storyline ON events(storyline_id, id);
CREATE INDEX IF NOT EXISTS events_storyline_recent ON events(storyline_id, last_date);
CREATE TABLE IF NOT EXISTS storylines (
    id INTEGER PRIMARY KEY, first_date TEXT, last_date TEXT, size INTEGER NOT NULL, profile BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS storyline_keys (key TEXT NOT NULL, storyline_id INTEGER NOT NULL, last_seen TEXT,
    PRIMARY KEY (key, storyline_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storyline_keys_recent ON storyline_keys(key, last_seen);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, names BLOB NOT NULL, roles BLOB NOT NULL, count INTEGER NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, speaker, article_id UNINDEXED, start UNINDEXED,
    tokenize='unicode61 remove_diacritics 2');
"""


class StoreError(RuntimeError):
    pass


def _dumps(value: Any) -> bytes:
    return orjson.dumps(value)


def analysis_to_json(analysis: Analysis) -> dict:
    return {
        "language": analysis.language,
        "sentences": [list(s) for s in analysis.sentences],
        "mentions": [[m.start, m.end, m.text, m.label, m.key] for m in analysis.mentions],
        "terms": analysis.terms,
        "lead_terms": analysis.lead_terms,
        "sentence_terms": [list(t) for t in analysis.sentence_terms],
        "embedding": [round(x, 5) for x in analysis.embedding],
        "dates": [[d.start, d.end, d.text, d.value, d.kind] for d in analysis.dates],
        "quantities": [[q.start, q.end, q.text, q.value, q.low, q.high, q.unit, q.subject]
                       for q in analysis.quantities],
        "quotes": [[q.start, q.end, q.text, q.kind, q.cue, q.speaker, q.speaker_entity, q.speaker_text,
                    q.speaker_start, q.speaker_end] for q in analysis.quotes],
        "roles": [list(r) for r in analysis.roles],
    }


def analysis_from_json(article_id: str, data: dict) -> Analysis:
    return Analysis(
        article_id=article_id,
        language=data["language"],
        sentences=tuple(tuple(s) for s in data["sentences"]),
        mentions=tuple(Mention(*m) for m in data["mentions"]),
        terms=data["terms"],
        lead_terms=data["lead_terms"],
        sentence_terms=tuple(tuple(t) for t in data["sentence_terms"]),
        embedding=tuple(data.get("embedding", ())),
        dates=tuple(DateMention(*d) for d in data.get("dates", ())),
        quantities=tuple(Quantity(*q) for q in data.get("quantities", ())),
        quotes=tuple(Quote(*q) for q in data.get("quotes", ())),
        roles=tuple(tuple(r) for r in data.get("roles", ())),
    )


class Store:
    """An archive of articles and what recoupe found in them, in one SQLite file."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # --- schema ----------------------------------------------------------------------------
    def _migrate(self) -> None:
        row = None
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:
            pass
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer recoupe (schema {row[0]}); upgrade recoupe")
        with self.transaction():
            self._upgrade_storyline_keys()
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                              (str(SCHEMA_VERSION), SCHEMA_VERSION))
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('doc_count', '0')")

    def _upgrade_storyline_keys(self) -> None:
        """Schema 1 → 2: index keys carry the date their storyline last used them (its last date)."""
        columns = {row[1] for row in self.conn.execute("PRAGMA table_info(storyline_keys)")}
        if columns and "last_seen" not in columns:
            self.conn.execute("ALTER TABLE storyline_keys ADD COLUMN last_seen TEXT")
            self.conn.execute("UPDATE storyline_keys SET last_seen = "
                              "(SELECT last_date FROM storylines WHERE storylines.id = storyline_id)")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error (nested calls join the outer one)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- articles --------------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def free_article_id(self, article_id: str, content_hash: str) -> str:
        """The id itself, or the id with a content suffix when another article already holds it."""
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return article_id
        return f"{article_id}~{content_hash[:8]}"

    def insert_article(self, article: Article, analysis: Analysis) -> None:
        self.conn.execute(
            "INSERT INTO articles (id, content_hash, path, url, source, author, title, published, language,"
            " credits, text, repairs, analysis) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.content_hash, article.path, article.url, article.source, article.author,
             article.title, article.published, analysis.language, article.credits, article.text,
             _dumps([[r.name, r.detail] for r in article.repairs]), _dumps(analysis_to_json(analysis))))
        self.index_for_search(article, analysis)

    def set_article_grouping(self, article_id: str, event_id: int, duplicate_of: str | None) -> None:
        self.conn.execute("UPDATE articles SET event_id = ?, duplicate_of = ? WHERE id = ?",
                          (event_id, duplicate_of, article_id))

    def article_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def articles(self, ids: Iterable[str] | None = None) -> list[tuple[Article, Analysis, dict]]:
        """Articles in ingest order with their analysis and grouping fields."""
        if ids is None:
            rows = self.conn.execute("SELECT * FROM articles ORDER BY seq").fetchall()
        else:
            wanted = list(ids)
            rows = []
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk:chunk + 500]
                rows += self.conn.execute(
                    f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
            rows.sort(key=lambda r: r["seq"])
        return [self._article_from_row(row) for row in rows]

    @staticmethod
    def _article_from_row(row: sqlite3.Row) -> tuple[Article, Analysis, dict]:
        article = Article(
            id=row["id"], path=row["path"], text=row["text"], content_hash=row["content_hash"],
            title=row["title"], url=row["url"], source=row["source"], author=row["author"],
            published=row["published"], language=row["language"], credits=row["credits"],
            repairs=tuple(Repair(*r) for r in orjson.loads(row["repairs"])))
        analysis = analysis_from_json(row["id"], orjson.loads(row["analysis"]))
        return article, analysis, {"event_id": row["event_id"], "duplicate_of": row["duplicate_of"],
                                   "seq": row["seq"]}

    # --- document frequencies ----------------------------------------------------------------
    def set_page_cache(self, mebibytes: int) -> None:
        """Let this connection keep up to ``mebibytes`` of database pages in memory (SQLite's default
        is 2 MB): grouping reads and updates random pages of large indexes (term_df, storyline_keys,
        minhash_bands), which otherwise are read back from the file once the archive is large."""
        self.conn.execute(f"PRAGMA cache_size = -{int(mebibytes) * 1024}")

    def doc_count(self) -> int:
        return int(self.conn.execute("SELECT value FROM meta WHERE key = 'doc_count'").fetchone()[0])

    def add_document_frequencies(self, keys: Iterable[str]) -> None:
        self.conn.executemany("INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
                              ((k,) for k in set(keys)))
        self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'doc_count'")

    def document_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(set(keys))
        out: dict[str, int] = {}
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            out.update(self.conn.execute(
                f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(part))})", part).fetchall())
        return out

    # --- near-duplicates ------------------------------------------------------------------------
    def add_minhash(self, article_id: str, hashvalues: bytes, buckets: list[bytes]) -> None:
        self.conn.execute("INSERT INTO minhash VALUES (?, ?)", (article_id, hashvalues))
        self.conn.executemany("INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
                              ((band, bucket, article_id) for band, bucket in enumerate(buckets)))

    def minhash_candidates(self, buckets: list[bytes], limit: int = 50) -> list[tuple[str, bytes]]:
        ids: dict[str, None] = {}
        for band, bucket in enumerate(buckets):
            for (article_id,) in self.conn.execute(
                    "SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ? LIMIT ?",
                    (band, bucket, limit)):
                ids[article_id] = None
        out = []
        for article_id in list(ids)[:limit]:
            row = self.conn.execute("SELECT hashvalues FROM minhash WHERE article_id = ?", (article_id,)).fetchone()
            out.append((article_id, row[0]))
        return out

    def article_event(self, article_id: str) -> int | None:
        row = self.conn.execute("SELECT event_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # --- events and storylines -------------------------------------------------------------
    def storyline_key_hits(self, keys: Iterable[str], per_key: int, day: str | None = None,
                           window_days: int | None = None) -> dict[int, list[str]]:
        """Storylines holding an article's index keys: ``{storyline_id: [keys it holds]}``.

        Per key, at most ``per_key`` storylines, those that used the key most recently first; with a
        date, only those that used it within ``window_days`` of it (plus undated storylines), read
        as a range of the ``(key, last_seen)`` index: the rows read per key are bounded, however
        large the archive.
        """
        if day and window_days is not None:
            dated = ("SELECT storyline_id FROM storyline_keys WHERE key = ?1 AND last_seen BETWEEN date(?3, ?4) "
                     "AND date(?3, ?5) ORDER BY last_seen DESC LIMIT ?2")
            args: tuple = (day, f"-{window_days} days", f"+{window_days} days")
        else:
            dated = ("SELECT storyline_id FROM storyline_keys WHERE key = ?1 AND last_seen IS NOT NULL "
                     "ORDER BY last_seen DESC LIMIT ?2")
            args = ()
        sql = (f"SELECT storyline_id FROM ({dated}) UNION ALL SELECT storyline_id FROM (SELECT storyline_id "
               "FROM storyline_keys WHERE key = ?1 AND last_seen IS NULL ORDER BY storyline_id DESC LIMIT ?2)")
        hits: dict[int, list[str]] = {}
        for key in dict.fromkeys(keys):
            for (sid,) in self.conn.execute(sql, (key, per_key, *args)):
                hits.setdefault(sid, []).append(key)
        return hits

    def storyline_events(self, storyline_id: int, limit: int, day: str | None = None,
                         window_days: int | None = None) -> list[dict]:
        """The most recent events of a storyline (with a date: those within the window, and undated ones).

        Read as ranges of the ``(storyline_id, last_date)`` index: bounded however long the storyline.
        """
        if day and window_days is not None:
            rows = self.conn.execute(
                "SELECT id FROM events WHERE storyline_id = ? AND last_date >= date(?, ?) AND first_date <= date(?, ?) "
                "ORDER BY last_date DESC LIMIT ?",
                (storyline_id, day, f"-{window_days} days", day, f"+{window_days} days", limit)).fetchall()
            rows += self.conn.execute("SELECT id FROM events WHERE storyline_id = ? AND last_date IS NULL "
                                      "ORDER BY id DESC LIMIT ?", (storyline_id, limit)).fetchall()
            ids = sorted((row[0] for row in rows), reverse=True)[:limit]
        else:
            ids = [row[0] for row in self.conn.execute(
                "SELECT id FROM events WHERE storyline_id = ? ORDER BY id DESC LIMIT ?", (storyline_id, limit))]
        return [self.group_record("events", event_id) for event_id in ids]

    def group_record(self, table: str, group_id: int) -> dict:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (group_id,)).fetchone()
        record = dict(row)
        record["profile"] = orjson.loads(record["profile"])
        return record

    def save_group(self, table: str, record: dict, keys: Iterable[str] = (), day: str | None = None) -> int:
        """Insert (no id) or update an event or storyline; a storyline also gets its index keys, seen on
        ``day`` (the article's date; an undated article's keys are seen on the storyline's last date)."""
        columns = [c for c in record if c != "id"]
        values = [(_dumps(record[c]) if c == "profile" else record[c]) for c in columns]
        if record.get("id") is None:
            cur = self.conn.execute(
                f"INSERT INTO {table} ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})", values)
            group_id = cur.lastrowid
        else:
            group_id = record["id"]
            self.conn.execute(f"UPDATE {table} SET {','.join(c + ' = ?' for c in columns)} WHERE id = ?",
                              (*values, group_id))
        if table == "storylines":
            seen = day or record.get("last_date")
            self.conn.executemany(
                "INSERT INTO storyline_keys VALUES (?, ?, ?) ON CONFLICT (key, storyline_id) DO UPDATE SET "
                "last_seen = max(COALESCE(last_seen, excluded.last_seen), COALESCE(excluded.last_seen, last_seen))",
                ((key, group_id, seen) for key in keys))
        return group_id

    def delete_group(self, table: str, group_id: int) -> None:
        if table == "storylines":
            self.conn.execute("DELETE FROM storyline_keys WHERE storyline_id = ?", (group_id,))
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (group_id,))

    def group_dates(self, table: str, group_id: int, leaving: str) -> tuple[str | None, str | None]:
        """First and last publication dates of a group's articles, one article leaving it."""
        if table == "events":
            row = self.conn.execute("SELECT MIN(published), MAX(published) FROM articles WHERE event_id = ? "
                                    "AND id != ?", (group_id, leaving)).fetchone()
        else:  # a storyline spans its events, whose dates are already up to date (read its events, not its articles)
            row = self.conn.execute("SELECT MIN(first_date), MAX(last_date) FROM events WHERE storyline_id = ?",
                                    (group_id,)).fetchone()
        return row[0], row[1]

    def events(self) -> list[dict]:
        rows = self.conn.execute("SELECT id, storyline_id, first_date, last_date, size FROM events ORDER BY id")
        return [dict(r) for r in rows]

    def storylines(self) -> list[dict]:
        rows = self.conn.execute("SELECT id, first_date, last_date, size FROM storylines ORDER BY id")
        return [dict(r) for r in rows]

    def event_articles(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for row in self.conn.execute("SELECT id, event_id FROM articles WHERE event_id IS NOT NULL ORDER BY seq"):
            out.setdefault(row[1], []).append(row[0])
        return out

    # --- entities ---------------------------------------------------------------------------
    def add_entity_mentions(self, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            entity_id = mention.entity_id
            row = self.conn.execute("SELECT names, count FROM entities WHERE id = ?", (entity_id,)).fetchone()
            names = orjson.loads(row[0]) if row else {}
            names[mention.text] = names.get(mention.text, 0) + 1
            self.conn.execute(
                "INSERT INTO entities VALUES (?, ?, ?, '[]', 1) ON CONFLICT(id) DO UPDATE SET "
                "names = excluded.names, count = count + 1", (entity_id, mention.label, _dumps(names)))

    def entities(self) -> list[dict]:
        out = []
        for row in self.conn.execute("SELECT * FROM entities ORDER BY count DESC, id"):
            names = orjson.loads(row["names"])
            out.append({"id": row["id"], "type": row["type"], "names": names,
                        "roles": orjson.loads(row["roles"]), "count": row["count"]})
        return out

    def original_of(self, article_id: str) -> str:
        """Follow ``duplicate_of`` to the first print of a copied article."""
        row = self.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row and row[0] else article_id

    # --- web app: full-text search, readers, generation --------------------------------------
    @classmethod
    def open_reader(cls, path: str | Path, check_same_thread: bool = True) -> "Store":
        """A read-only connection to an existing store (no migration, no write lock taken)."""
        store = cls.__new__(cls)
        store.path = str(path)
        store.conn = sqlite3.connect(store.path, isolation_level=None, check_same_thread=check_same_thread)
        store.conn.row_factory = sqlite3.Row
        store.conn.execute("PRAGMA query_only = ON")
        return store

    def generation(self) -> tuple[int, int, int]:
        """(article count, highest ingest sequence, this connection's data_version): changes whenever
        another connection commits, so a cached export can tell that it is stale."""
        count, top = self.conn.execute("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM articles").fetchone()
        return count, top, self.conn.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def read_transaction(self) -> Iterator[sqlite3.Connection]:
        """One consistent view of the store (WAL) across several reads."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            self.conn.execute("SELECT 1 FROM meta LIMIT 1").fetchone()  # starts the read transaction
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")

    def index_for_search(self, article: Article, analysis: Analysis) -> None:
        """Add one stored article (title, text) and its quotes to the full-text indexes."""
        row = self.conn.execute("SELECT seq FROM articles WHERE id = ?", (article.id,)).fetchone()
        self.conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (row[0], article.title or "", article.text))
        self.conn.executemany("INSERT INTO quotes_fts (text, speaker, article_id, start) VALUES (?, ?, ?, ?)",
                              ((q.text, q.speaker or "", article.id, q.start) for q in analysis.quotes))

    def ensure_search_index(self) -> bool:
        """Build the full-text indexes of a store written before they existed; True when (re)built."""
        if self.conn.execute("SELECT 1 FROM meta WHERE key = 'search_index'").fetchone() is not None:
            return False
        with self.transaction():
            self.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            self.conn.execute("DELETE FROM quotes_fts")
            for row in self.conn.execute("SELECT id, analysis FROM articles ORDER BY seq").fetchall():
                quotes = orjson.loads(row["analysis"]).get("quotes", ())
                self.conn.executemany(
                    "INSERT INTO quotes_fts (text, speaker, article_id, start) VALUES (?, ?, ?, ?)",
                    ((q[2], q[5] or "", row["id"], q[0]) for q in quotes))
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('search_index', '1')")
        return True

    def search_articles(self, match: str, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """Articles matching an FTS5 query (already escaped by the caller), best first, with a
        snippet whose hits are wrapped in \\x02 … \\x03. Returns (total, page)."""
        total = self.conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                  (match,)).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.source, a.published, snippet(articles_fts, 1, char(2), char(3), '…', 28)"
            " AS snippet, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts JOIN articles a ON a.seq ="
            " articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset)).fetchall()
        return total, [dict(r) for r in rows]

    def search_quotes(self, match: str, limit: int = 20, offset: int = 0) -> tuple[int, list[dict]]:
        """Quotes (text or speaker) matching an FTS5 query, best first. Returns (total, page)."""
        total = self.conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
                                  (match,)).fetchone()[0]
        rows = self.conn.execute(
            "SELECT text, speaker, article_id, start, highlight(quotes_fts, 0, char(2), char(3)) AS marked"
            " FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts, 1.0, 0.5) LIMIT ? OFFSET ?",
            (match, limit, offset)).fetchall()
        return total, [dict(r) for r in rows]
