"""Pydantic models of the ``recoupe/1`` records, for the OpenAPI document.

The API answers with the records of ``recoupe.export`` as they are (serialised with orjson, not
re-validated); these models describe them. Extra fields are allowed: the contract may grow.
"""
from __future__ import annotations

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class MentionRecord(Record):
    entity: str
    start: int
    end: int
    text: str


class DateRecord(Record):
    start: int
    end: int
    text: str
    value: Optional[str] = Field(None, description="ISO 8601 at the precision the text gives, or an interval")
    kind: Optional[str] = None


class QuantityRecord(Record):
    start: int
    end: int
    text: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    subject: Optional[str] = None


class RepairRecord(Record):
    name: str
    detail: str


class ArticleRecord(Record):
    id: str
    path: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    author: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD or null")
    published_inferred: bool = False
    language: Optional[str] = None
    text: str = Field(description="The cleaned text: every offset refers to it")
    duplicate_of: Optional[str] = Field(None, description="The first print this article copies")
    event: Optional[str] = None
    mentions: list[MentionRecord] = []
    dates: list[DateRecord] = []
    quantities: list[QuantityRecord] = []
    repairs: list[RepairRecord] = []


class EntityRecord(Record):
    id: str
    name: str
    type: str = Field(description="PER, ORG, LOC or MISC")
    aliases: list[str] = []
    roles: list = []


class Speaker(Record):
    entity: Optional[str] = None
    name: Optional[str] = None


class QuoteRecord(Record):
    id: str
    article: str
    start: int
    end: int
    text: str
    kind: str = Field(description="direct, indirect or mixed")
    cue: Optional[str] = None
    speaker: Optional[Speaker] = None
    same_as: list[str] = []


class Cited(Record):
    text: str
    sources: list[str]


class Agreed(Record):
    text: str
    sources: list[str]
    independent_sources: Optional[int] = None


class Claim(Record):
    text: str
    value: Optional[float] = None
    article: str


class Discrepancy(Record):
    about: str
    claims: list[Claim]


class TimelineEntry(Record):
    date: Optional[str] = None
    text: str
    sources: list[str] = []


class EventRecord(Record):
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    storyline: Optional[str] = None
    articles: list[str]
    summary: list[Cited] = []
    quotes: list[str] = []
    agreed: list[Agreed] = []
    discrepancies: list[Discrepancy] = []
    timeline: list[TimelineEntry] = []


class StorylineRecord(Record):
    id: str
    title: Optional[str] = None
    events: list[str]
    summary: list[Cited] = []
    discrepancies: list[Discrepancy] = []
    timeline: list[TimelineEntry] = []


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Records matching the query, all pages together")
    limit: int
    offset: int
    next: Optional[str] = Field(None, description="The next page's path and query, or null on the last page")
    items: list[T]


class SourceRecord(Record):
    source: Optional[str] = Field(description="The outlet, or null for articles that name none")
    articles: int
    copies: int = Field(description="Articles of this outlet that copy an earlier article (duplicate_of)")
    originals: int
    events: int
    storylines: int
    first: Optional[str] = None
    last: Optional[str] = None
    copied_from: dict[str, int] = {}


class SearchHit(Record):
    article: str
    title: Optional[str] = None
    snippet: Optional[str] = Field(None, description="Text around the hits; hits between \u00ab[\u00bb and \u00ab]\u00bb")
    text: Optional[str] = Field(None, description="For a quote: its text")
    speaker: Optional[str] = None
    start: Optional[int] = None
    quote: Optional[str] = Field(None, description="For a quote: its id in the recoupe/1 document, when known")


class IngestError(Record):
    line: Optional[int] = Field(None, description="The JSONL line, when the body is JSONL")
    message: str
    error: str = Field(description="The one-line error, as the CLI prints it")


class IngestResult(Record):
    added: list[str]
    already_stored: list[str]
    errors: list[IngestError]
    counts: dict[str, int]


class Index(Record):
    schema_: str = Field(alias="schema")
    counts: dict[str, int]
    read_only: bool
    links: dict[str, str]


class Problem(BaseModel):
    detail: str
