"""Assemble the repairs into ``clean_document``: RawDocument in, Article out."""
from __future__ import annotations

import hashlib
import re
from datetime import date

from ..records import Article, RawDocument, Repair
from .html import extract_html
from .repairs import (cut_glued_repeated_tail, drop_repeated_paragraphs, drop_trailing_junk,
                      normalise_text, split_paragraphs, take_byline, take_credit_line,
                      take_dateline, take_metadata_lines, take_title)

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_PUBLISHED_PREFIX = re.compile(r"^(?:publi[ée]e?|mis(?:e)? à jour|modifi[ée]e?|updated|published|posted)"
                               r"(?:\s+(?:le|on))?\s*:?\s*", re.IGNORECASE)


def parse_published(value: str | None) -> str | None:
    """An absolute publication date as ``YYYY-MM-DD``, or None when it cannot be read."""
    if not value:
        return None
    value = value.strip()
    iso = _ISO.match(value)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow import; only for non-ISO metadata dates

    value = _PUBLISHED_PREFIX.sub("", value)
    # No relative-time parser: "il y a 3 heures" or "hier" says nothing without the crawl date, and
    # resolving it against today would invent a publication date.
    parsed = dateparser.parse(value, languages=["fr", "en"],
                              settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                        "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
    return parsed.date().isoformat() if parsed else None


def content_hash(text: str) -> str:
    """Identity of an article's content: the same text re-read is the same article."""
    canonical = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def clean_document(raw: RawDocument) -> Article:
    """Decode-free cleaning of one document: repairs, metadata fields, body text."""
    fields = {"title": raw.title, "author": raw.author, "published": raw.published,
              "url": raw.url, "source": raw.source, "language": raw.language}
    repairs: list[Repair] = []
    headlines: set[str] = set()  # titles a first line may repeat: the given one and the page's own
    if raw.html is not None:
        body, html_fields = extract_html(raw.html)
        if html_fields.get("title"):
            headlines.add(normalise_text(html_fields["title"]).strip())
        for key, value in html_fields.items():
            if value and not fields.get(key):
                fields[key] = value
        repairs.append(Repair("html_extracted", "main text extracted from HTML with trafilatura"))
    else:
        body = raw.text or ""

    paragraphs = split_paragraphs(normalise_text(body))

    paragraphs, meta = take_metadata_lines(paragraphs)
    for key, value in meta.items():
        repairs.append(Repair("metadata_line", f"{key}: {value}"))
        if not fields.get(key):
            fields[key] = value

    paragraphs, author = take_byline(paragraphs)
    if author:
        repairs.append(Repair("byline", author))
        fields["author"] = fields.get("author") or author

    # Page furniture first: a credit line followed by "Today" and "Lire aussi" is still the last line.
    paragraphs, junk = drop_trailing_junk(paragraphs)
    paragraphs, credits = take_credit_line(paragraphs)
    if credits:
        repairs.append(Repair("credit_line", credits))
        paragraphs, more_junk = drop_trailing_junk(paragraphs)
        junk += more_junk
    for line in junk:
        repairs.append(Repair("trailing_junk", line))

    if fields.get("title"):
        title = normalise_text(fields["title"]).strip()
        headlines.add(title)
        if paragraphs and paragraphs[0].strip() in headlines:
            paragraphs = paragraphs[1:]
    else:
        paragraphs, title = take_title(paragraphs)
        if title:
            repairs.append(Repair("title_line", title))
    fields["title"] = title or None

    paragraphs, dateline = take_dateline(paragraphs)
    if dateline:
        repairs.append(Repair("dateline", ", ".join(f"{k}={v}" for k, v in dateline.items())))
        if not fields.get("published") and "year" in dateline:
            fields["published"] = f"{dateline['year']:04d}-{dateline['month']:02d}-{dateline['day']:02d}"
        fields["source"] = fields.get("source") or dateline.get("agency")

    paragraphs, repeated = drop_repeated_paragraphs(paragraphs)
    for paragraph in repeated:
        repairs.append(Repair("repeated_paragraph", paragraph))

    fixed = []
    for paragraph in paragraphs:
        paragraph, tail = cut_glued_repeated_tail(paragraph)
        if tail:
            repairs.append(Repair("glued_repeated_tail", tail))
        fixed.append(paragraph)

    text = "\n\n".join(fixed)
    published = parse_published(fields.get("published"))
    return Article(
        id=raw.id, path=raw.path, text=text, content_hash=content_hash(text),
        title=fields["title"], url=fields.get("url"), source=fields.get("source"),
        author=fields.get("author"), published=published, language=fields.get("language"),
        credits=credits, repairs=tuple(repairs),
    )
