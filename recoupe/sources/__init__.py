"""Readers: files and folders of .txt, .html, .json and .jsonl, yielding raw documents."""
from .decode import NotText, decode_bytes
from .files import SUPPORTED_SUFFIXES, read_paths

__all__ = ["NotText", "decode_bytes", "read_paths", "SUPPORTED_SUFFIXES"]
