"""HTML articles: main text and metadata with trafilatura, publication date with htmldate."""
from __future__ import annotations

import re

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})\b", re.IGNORECASE)


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """Return the main text (paragraphs separated by newlines) and metadata fields."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        return "", {}
    doc = result if isinstance(result, dict) else result.as_dict()
    fields = {
        "title": doc.get("title"),
        "author": doc.get("author"),
        "published": doc.get("date"),
        "url": doc.get("url"),
        "source": doc.get("sitename") or doc.get("hostname"),
        "language": doc.get("language"),
    }
    if not fields["language"]:
        lang = _HTML_LANG.search(html[:4096])
        fields["language"] = lang[1].lower() if lang else None
    if not fields["published"]:
        from htmldate import find_date

        fields["published"] = find_date(html, extensive_search=False)
    return doc.get("text") or "", fields
