"""Walk files and folders and yield ``RawDocument`` records, or ``ReadError`` for bad inputs.

Readers are generators so a 50 MB JSONL file streams line by line in bounded memory.
"""
from __future__ import annotations

import html
import html.entities
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ..records import RawDocument, ReadError
from ..settings import Settings
from .decode import NotText, decode_bytes

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".tml")
_FIELDS = ("url", "source", "title", "author", "published", "language")

Item = RawDocument | ReadError


def read_paths(paths: Iterable[str | os.PathLike], settings: Settings) -> Iterator[Item]:
    """Yield every article found under ``paths`` (files or folders, folders recursively)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
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
    elif suffix == ".tml":
        yield _read_timeml(path, text)
    else:
        yield from _read_json(path, text)


def _read_json(path: Path, text: str) -> Iterator[Item]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        yield ReadError(str(path), f"malformed JSON ({exc})", line=_json_error_line(exc))
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield ReadError(str(path), "no articles (the JSON list is empty)")
        return
    for index, record in enumerate(records):
        default_id = path.stem if len(records) == 1 else f"{path.stem}-{index + 1}"
        item = record_to_document(record, str(path), default_id, line=None)
        if isinstance(item, ReadError) and len(records) > 1:
            item = ReadError(item.path, f"item {index + 1}: {item.message}")
        yield item


_HTML_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]*);")


def timeml_parts(text: str) -> tuple[ET.Element | None, str | None]:
    """The ``TEXT`` element of an ISO-TimeML document (at any depth) and its creation date (the
    ``DCT``'s value). ``text`` is already decoded, whatever the XML declaration says; HTML's named
    entities, which XML does not define ("&eacute;"), are read as their characters. Raises
    ``ET.ParseError`` on malformed XML."""
    text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()) if m.group(1) in html.entities.name2codepoint
                            else m.group(), text)
    root = ET.fromstring(text)
    body = root if root.tag == "TEXT" else root.find(".//TEXT")
    dct = root.find(".//DCT//TIMEX3")
    return body, (dct.get("value") or None) if dct is not None else None


def _read_timeml(path: Path, text: str) -> Item:
    """An ISO-TimeML article (French TimeBank): the words of ``TEXT``, published on its ``DCT``."""
    try:
        body, published = timeml_parts(text)
    except ET.ParseError as exc:
        return ReadError(str(path), f"malformed TimeML ({exc})", line=exc.position[0])
    words = "".join(body.itertext()) if body is not None else ""
    if not words.strip():
        return ReadError(str(path), "TimeML file has no TEXT")
    return RawDocument(path=str(path), id=path.stem, text=words, published=published)


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        seen_content = False
        for number, line in enumerate(_bounded_lines(handle, settings.max_jsonl_line_bytes), start=1):
            if line is None:
                yield ReadError(str(path), f"line longer than {settings.max_jsonl_line_bytes:,} bytes; skipped",
                                line=number)
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            seen_content = True
            try:
                record = orjson.loads(_utf8_line(line))
            except orjson.JSONDecodeError as exc:  # orjson counts lines within the line: give the column
                yield ReadError(str(path), f"malformed JSON line ({exc.msg} at column {exc.colno})", line=number)
                continue
            except NotText as exc:
                yield ReadError(str(path), f"malformed JSON line ({exc})", line=number)
                continue
            yield record_to_document(record, str(path), f"{path.stem}-{number}", line=number)
        if not seen_content:
            yield ReadError(str(path), "empty file")


def _utf8_line(line: bytes) -> bytes | str:
    """A JSONL line as orjson wants it: UTF-8 bytes, or text decoded from a legacy encoding."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        text, _ = decode_bytes(line)
        return text
    return line


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
    text = record.get("text") if isinstance(record.get("text"), str) else None
    html = record.get("html") if isinstance(record.get("html"), str) else None
    if text is None and html is None:
        return ReadError(path, "article has neither 'text' nor 'html'", line=line)
    if not (text or "").strip() and not (html or "").strip():
        return ReadError(path, "article text is empty", line=line)
    # One body: the text when it has any, else the HTML (an empty "text" beside a real "html" is
    # a scraper's placeholder, not the article).
    if (text or "").strip():
        html = None
    else:
        text = None
    fields = {}
    for name in _FIELDS:
        value = record.get(name)
        fields[name] = str(value) if value is not None and value != "" else None
    raw_id = record.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else default_id
    return RawDocument(path=path, id=article_id, text=text, html=html, line=line, **fields)


def _json_error_line(exc: orjson.JSONDecodeError) -> int | None:
    return getattr(exc, "lineno", None)
