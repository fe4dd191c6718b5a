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


def _plausible_text(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\f\r")
    return controls <= max(4, len(text) // 100)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark: a NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return (text, encoding) if _plausible_text(text) else None
    return None


_STRAY = "recoupe-stray-cp1252"


def _stray_bytes_as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_STRAY, _stray_bytes_as_cp1252)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray legacy bytes (a copy-paste from a cp1252 file) is still UTF-8.

    Decoding the whole file as cp1252 because of one stray byte would turn every "é" into "Ã©".
    """
    strict = data.decode("utf-8", errors="replace")
    stray = strict.count("\ufffd")
    valid_non_ascii = sum(1 for ch in strict if ch > "\x7f" and ch != "\ufffd")
    if valid_non_ascii >= 2 * stray:
        return data.decode("utf-8", errors=_STRAY)
    return None


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
    # NUL bytes anywhere mean binary (or UTF-16 without a BOM); text editors never write them.
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise NotText("binary file, not text (expected .txt, .html, .json, .jsonl or .tml)")
    if _looks_binary(data[:8192]):
        raise NotText("binary file, not text (expected .txt, .html, .json, .jsonl or .tml)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8"
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
