"""Walk files and folders and yield ``RawDocument`` records, or ``ReadError`` for bad inputs.

Readers are generators so a 50 MB JSONL file streams line by line in bounded memory.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ..records import RawDocument, ReadError
from ..settings import Settings
from .decode import NotText, decode_bytes

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
_FIELDS = ("url", "source", "title", "author", "published", "language")

Item = RawDocument | ReadError


def read_paths(paths: Iterable[str | os.PathLike], settings: Settings) -> Iterator[Item]:
    """Yield every article found under ``paths`` (files or folders, folders recursively)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield from read_file(file, settings)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield ReadError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                           f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
            else:
                yield from read_file(path, settings)
        else:
            yield ReadError(str(path), "no such file or folder")


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, settings)
        return
    if size > settings.max_file_bytes:
        yield ReadError(str(path), f"file too large ({size:,} bytes; limit {settings.max_file_bytes:,}); "
                                   "split it or use .jsonl")
        return
    try:
        text, _ = decode_bytes(path.read_bytes())
    except NotText as exc:
        yield ReadError(str(path), str(exc))
        return
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror}")
        return
    if suffix == ".txt":
        yield RawDocument(path=str(path), id=path.stem, text=text)
    elif suffix in (".html", ".htm"):
        yield RawDocument(path=str(path), id=path.stem, html=text)
    else:
        yield from _read_json(path, text)


def _read_json(path: Path, text: str) -> Iterator[Item]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        yield ReadError(str(path), f"malformed JSON ({exc})", line=_json_error_line(exc))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        default_id = path.stem if len(records) == 1 else f"{path.stem}-{index + 1}"
        yield record_to_document(record, str(path), default_id, line=None)


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        for number, line in enumerate(_bounded_lines(handle, settings.max_jsonl_line_bytes), start=1):
            if line is None:
                yield ReadError(str(path), f"line longer than {settings.max_jsonl_line_bytes:,} bytes; skipped",
                                line=number)
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield ReadError(str(path), f"malformed JSON line ({exc})", line=number)
                continue
            yield record_to_document(record, str(path), f"{path.stem}-{number}", line=number)


def _bounded_lines(handle, limit: int) -> Iterator[bytes | None]:
    """Yield lines of a binary file; a line over ``limit`` bytes is skipped and yields None."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line without holding it
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def record_to_document(record: Any, path: str, default_id: str, line: int | None) -> Item:
    """Turn one JSON object into a ``RawDocument`` (PRODUCT.md's article fields)."""
    if not isinstance(record, dict):
        return ReadError(path, f"expected a JSON object, got {type(record).__name__}", line=line)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return ReadError(path, "article has neither 'text' nor 'html'", line=line)
    if not ((text or "").strip() or (html or "").strip()):
        return ReadError(path, "article text is empty", line=line)
    fields = {}
    for name in _FIELDS:
        value = record.get(name)
        fields[name] = str(value) if value is not None and value != "" else None
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else default_id
    return RawDocument(path=path, id=article_id, text=text if isinstance(text, str) else None,
                       html=html if isinstance(html, str) and not isinstance(text, str) else None,
                       line=line, **fields)


def _json_error_line(exc: orjson.JSONDecodeError) -> int | None:
    return getattr(exc, "lineno", None)
