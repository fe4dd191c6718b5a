"""The typed records that flow between stages (see docs/architecture.md)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read; ``line`` is set for JSONL files."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RawDocument:
    """One article as a container gave it: decoded text or HTML plus whatever metadata came along."""

    path: str
    id: str
    text: str | None = None
    html: str | None = None
    line: int | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Repair:
    """One repair the cleaner made, so a reader can see what was changed and why."""

    name: str
    detail: str


@dataclass(frozen=True)
class Article:
    """A cleaned article.  Every offset elsewhere refers to ``text``."""

    id: str
    path: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None          # YYYY-MM-DD
    language: str | None = None
    credits: str | None = None            # "(Reportage …; édité par …)" line, kept as metadata
    repairs: tuple[Repair, ...] = ()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str            # PER, ORG, LOC, MISC
    key: str              # normalised name used to link mentions into entities

    @property
    def entity_id(self) -> str:
        return f"{self.label.lower()}:{self.key.replace(' ', '-')}"


@dataclass(frozen=True)
class Analysis:
    """What the per-article analysis found: pure function of one ``Article``."""

    article_id: str
    language: str
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    terms: dict[str, float]             # content lemmas of title (boosted) and body, with counts
    lead_terms: dict[str, float]        # the same over the title and the lead sentences only
    sentence_terms: tuple[tuple[str, ...], ...] = field(default=())  # content lemmas per sentence
    embedding: tuple[float, ...] = ()   # multilingual embedding of title + lead (unit length)
    dates: tuple["DateMention", ...] = ()
    quantities: tuple["Quantity", ...] = ()
    quotes: tuple["Quote", ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (entity id, role phrase): "secrétaire général de l'Otan"


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the publication date, at the precision the text gives."""

    start: int
    end: int
    text: str
    value: str | None     # "2025-09-03", "2025-09", "2025", an ISO interval "2025-09-04/2025-09-10", or None
    kind: str = "absolute"  # absolute | relative | weekday | range


@dataclass(frozen=True)
class Quantity:
    """A number read from the text, as an interval when the text hedges it."""

    start: int
    end: int
    text: str
    value: float | None   # the number as stated ("une trentaine" → 30)
    low: float | None     # interval the statement allows ("plus de 40" → 40, None)
    high: float | None
    unit: str | None      # the thing counted: "pays", "otages", "drones", "%", "euros", "°C"…
    subject: str | None = None  # what is counted, in context ("pays coalition"): claims are compared on it


@dataclass(frozen=True)
class Quote:
    """Reported speech in one article: what was said (``start``/``end``), how, and by whom.

    ``speaker_text`` is the words in the text that designate the speaker ("il", "le secrétaire
    général de l'alliance atlantique", "Rutte", "une source diplomatique"); ``speaker`` the name they
    resolve to in this article ("Mark Rutte"), or the phrase itself for a group or anonymous source;
    ``speaker_entity`` the mention-level entity id ("per:mark-rutte") when the speaker is a named
    entity, else None.
    """

    start: int
    end: int
    text: str
    kind: str                       # direct | indirect | mixed
    cue: str | None                 # "a déclaré", "a-t-il ajouté", "selon", ":"
    speaker: str | None
    speaker_entity: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
