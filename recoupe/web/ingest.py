"""``POST /api/articles``: a request body read with the CLI's own readers, then ingested.

The body is written to a private temporary file named for its format and read by
``recoupe.sources.read_paths``, so the API accepts exactly what the CLI accepts (JSON object or
list, JSONL streamed line by line, plain text, HTML) and rejects bad input with the same one-line
errors; the temporary name is replaced by ``request body`` in every error and stored path.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..pipeline import IngestReport, ingest_documents
from ..records import RawDocument, ReadError
from ..settings import Settings
from ..sources import read_paths
from ..store import Store

BODY_LABEL = "request body"

# Content types (and ?format= values) → the file suffix whose reader handles them.
FORMATS = {
    "jsonl": ".jsonl", "ndjson": ".jsonl", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
    "application/x-jsonlines": ".jsonl", "application/jsonlines": ".jsonl",
    "json": ".json", "application/json": ".json",
    "txt": ".txt", "text": ".txt", "text/plain": ".txt",
    "html": ".html", "text/html": ".html",
}
_SAFE_ID = re.compile(r"[^\w.-]+")


class BadRequest(ValueError):
    """A request the API cannot read at all (unknown format): a 415 for the caller."""


def suffix_for(content_type: str | None, fmt: str | None) -> str:
    if fmt:
        suffix = FORMATS.get(fmt.strip().lower())
        if suffix is None:
            raise BadRequest(f"unknown format {fmt!r}; use jsonl, json, txt or html")
        return suffix
    media = (content_type or "").split(";")[0].strip().lower()
    suffix = FORMATS.get(media)
    if suffix is None:
        raise BadRequest(f"unsupported Content-Type {media or '(none)'!r}; send application/x-ndjson (JSONL), "
                         "application/json, text/plain or text/html, or add ?format=jsonl|json|txt|html")
    return suffix


def _relabel(item: RawDocument | ReadError, tmp: str, fields: dict) -> RawDocument | ReadError:
    if isinstance(item, ReadError):
        return dataclasses.replace(item, path=BODY_LABEL, message=item.message.replace(tmp, BODY_LABEL))
    changes = {"path": BODY_LABEL}
    if item.line is None:  # a single text or HTML body: metadata from the query string
        changes.update({k: v for k, v in fields.items() if v})
    return dataclasses.replace(item, **changes)


def read_body(body: bytes, suffix: str, settings: Settings, fields: dict) -> Iterator[RawDocument | ReadError]:
    """The documents in ``body`` as the CLI's readers see them; ``fields`` (id, title, source, url,
    published, language) apply to a plain-text or HTML body."""
    with tempfile.TemporaryDirectory(prefix="recoupe-post-") as tmp:
        if suffix in (".txt", ".html") and not fields.get("id"):
            fields = {**fields, "id": "post-" + hashlib.sha256(body).hexdigest()[:12]}
        stem = _SAFE_ID.sub("-", fields.get("id") or "")[:80] or "article"
        path = Path(tmp) / f"{stem}{suffix}"
        path.write_bytes(body)
        try:
            for item in read_paths([path], settings):
                yield _relabel(item, str(path), fields)
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass


def ingest_body(db: str, body: bytes, suffix: str, settings: Settings, fields: dict) -> IngestReport:
    with Store(db) as store:
        return ingest_documents(read_body(body, suffix, settings, fields), store, settings)


def report_json(report: IngestReport) -> dict:
    return {
        "added": report.added,
        "already_stored": report.already_stored,
        "errors": [{"line": e.line, "message": e.message, "error": str(e)} for e in report.errors],
        "counts": {"added": len(report.added), "already_stored": len(report.already_stored),
                   "errors": len(report.errors)},
    }
