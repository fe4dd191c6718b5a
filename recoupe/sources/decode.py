"""Bytes to text: BOMs, UTF-8, legacy encodings (cp1252, latin-1), and binary files refused."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Western legacy encodings that French news files come in; tried before a statistical guess
# because charset detection on a short French text often picks a Cyrillic or Mac code page.
_WESTERN = ("cp1252", "iso-8859-15", "latin-1")


class NotText(ValueError):
    """The bytes are not a text document (binary, empty, or undecodable)."""


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _plausible_western(text: str) -> bool:
    # C1 controls never appear in real cp1252/latin-1 prose; their presence means a wrong guess.
    return not any("\x80" <= ch <= "\x9f" for ch in text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``NotText`` with a reason a user can act on."""
    if not data.strip():
        raise NotText("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise NotText(f"invalid {encoding} after its byte-order mark ({exc.reason})") from exc
    if _looks_binary(data[:8192]):
        raise NotText("binary file, not text (expected .txt, .html, .json or .jsonl)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in _WESTERN:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_western(text):
            return text, encoding
    best = from_bytes(data).best()
    if best is None:
        raise NotText("unknown text encoding; save the file as UTF-8")
    return str(best), best.encoding
