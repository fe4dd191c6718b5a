"""Briefings from a `recoupe/1` document: Markdown, self-contained HTML, and the JSON Schema."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .html import render_html
from .markdown import render_markdown

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SCHEMA_NAME = "recoupe/1"

__all__ = ["SCHEMA_NAME", "load_schema", "render_html", "render_markdown", "schema_path"]


def schema_path() -> Traversable:
    """The published JSON Schema of `recoupe/1`, as a package resource."""
    return files("recoupe") / "schema" / "recoupe-1.schema.json"


def load_schema() -> dict[str, Any]:
    return json.loads(schema_path().read_text(encoding="utf-8"))
