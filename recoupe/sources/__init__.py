"""Readers: files and folders of .txt, .html, .json, .jsonl and .tml, yielding raw documents."""
from .decode import NotText, decode_bytes
from .files import SUPPORTED_SUFFIXES, read_paths, timeml_parts

__all__ = ["NotText", "decode_bytes", "read_paths", "timeml_parts", "SUPPORTED_SUFFIXES"]
