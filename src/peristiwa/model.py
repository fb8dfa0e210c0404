"""The one document model: frozen records that point into ``Document.text`` by character offsets.

Why: every field peristiwa outputs must be traceable to the words that justify it. So the cleaned text is
fixed at ingestion and never rewritten; every later layer (sentences, tokens, entities, places, dates,
counts, events, quotes) is an immutable record holding ``start``/``end`` offsets into that text. Stages
never mutate a document: they return a new one with :meth:`Document.with_layers`.

The records are :mod:`msgspec` structs, so a document round-trips to JSON without loss and decoding
validates every field (types, literals) with an error that names the offending path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

import msgspec

__all__ = [
    "ACLED_EVENT_TYPES",
    "COUNT_KINDS",
    "EVENT_TYPES",
    "MODALITIES",
    "QUALIFIERS",
    "AcledView",
    "Actor",
    "Count",
    "DateMention",
    "DateValue",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quote",
    "Sentence",
    "Span",
    "Token",
    "content_hash",
]

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

CountKind = Literal[
    "killed", "injured", "arrested", "detained", "fled", "displaced", "participants",
    "destroyed", "targeted", "seized", "missing", "other",
]
COUNT_KINDS: tuple[str, ...] = CountKind.__args__  # type: ignore[attr-defined]

Qualifier = Literal["exact", "about", "at_least", "at_most"]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]

Modality = Literal["asserted", "negated", "future", "hypothetical"]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "week", "month", "year", "range"]

ACLED_EVENT_TYPES: tuple[str, ...] = (
    "Battles", "Protests", "Riots", "Violence against civilians",
    "Explosions/Remote violence", "Strategic developments",
)

MetaValue = str | int | float | bool | None


class Span(msgspec.Struct, frozen=True, array_like=True):
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def text(self, doc: Document) -> str:
        """The covered text of ``doc``."""
        return doc.text[self.start : self.end]

    def overlap(self, other: Span) -> int:
        """Number of characters shared with ``other`` (0 when disjoint)."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def __len__(self) -> int:
        return self.end - self.start


class Sentence(msgspec.Struct, frozen=True):
    """A sentence; ``paragraph`` counts blank-line or newline separated blocks from 0."""

    start: int
    end: int
    paragraph: int = 0


class Token(msgspec.Struct, frozen=True, array_like=True):
    """A token with an optional lemma (root word) and part-of-speech tag."""

    start: int
    end: int
    lemma: str | None = None
    pos: str | None = None


class Entity(msgspec.Struct, frozen=True, kw_only=True):
    """A named-entity or actor mention, optionally linked to a canonical actor.

    ``label`` is PER, ORG, LOC, GPE, NORP or MISC. ``name``/``country``/``sector`` come from the actor
    registry when the mention is known there; ``origin`` says which stage or lexicon produced it.
    """

    start: int
    end: int
    label: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    origin: str | None = None
    confidence: float = 1.0


class Place(msgspec.Struct, frozen=True, kw_only=True):
    """A place mention resolved (when possible) against the gazetteer.

    ``precision`` is one of country, admin1, admin2, admin3, city, point; ``feature`` the gazetteer
    feature type. Unresolved mentions keep ``lat``/``lon`` as None rather than guessing.
    """

    start: int
    end: int
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    precision: str | None = None
    confidence: float = 0.0
    gazetteer_id: str | None = None


class DateValue(msgspec.Struct, frozen=True):
    """A resolved time: a day, week, month, year or arbitrary range, as inclusive first/last days."""

    first: dt.date
    last: dt.date
    precision: DatePrecision = "day"

    def to_gold(self) -> str | dict[str, str]:
        """The gold-format value: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``{"start", "end"}``."""
        if self.precision == "day" and self.first == self.last:
            return self.first.isoformat()
        if self.precision == "month":
            return self.first.strftime("%Y-%m")
        if self.precision == "year":
            return f"{self.first.year:04d}"
        return {"start": self.first.isoformat(), "end": self.last.isoformat()}

    @classmethod
    def from_gold(cls, value: str | dict[str, str] | None) -> DateValue | None:
        """Parse a gold-format date value (inverse of :meth:`to_gold`)."""
        if value is None:
            return None
        if isinstance(value, dict):
            return cls(dt.date.fromisoformat(value["start"]), dt.date.fromisoformat(value["end"]), "range")
        parts = value.split("-")
        if len(parts) == 3:
            day = dt.date.fromisoformat(value)
            return cls(day, day, "day")
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return cls(first, nxt - dt.timedelta(days=1), "month")
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    def contains(self, other: DateValue) -> bool:
        """True when ``other`` lies entirely within this value."""
        return self.first <= other.first and other.last <= self.last


class DateMention(msgspec.Struct, frozen=True, kw_only=True):
    """A time expression in the text and what it resolves to (None when it cannot be resolved)."""

    start: int
    end: int
    value: DateValue | None = None
    relative: bool = False
    note: str | None = None


class Count(msgspec.Struct, frozen=True, kw_only=True):
    """A number about an event: "Setidaknya 3.000 militan" is kind fled, 3000, at_least, militan."""

    start: int
    end: int
    kind: CountKind
    value: int
    qualifier: Qualifier = "exact"
    object: str | None = None


class Actor(msgspec.Struct, frozen=True, kw_only=True):
    """An event participant: a span in the text plus its canonical identity."""

    start: int
    end: int
    name: str
    country: str | None = None
    sector: str | None = None


class AcledView(msgspec.Struct, frozen=True, kw_only=True):
    """How ACLED would code the event: types, fatalities and the actor pairing."""

    event_type: str
    sub_event_type: str
    fatalities: int = 0
    interaction: str | None = None


class Event(msgspec.Struct, frozen=True, kw_only=True):
    """One real-world event reported by the document (all its mentions merged into one record)."""

    id: str
    type: EventType
    modes: tuple[str, ...] = ()
    trigger: Span
    evidence: Span
    mentions: tuple[Span, ...] = ()
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    locations: tuple[Place, ...] = ()
    date: DateValue | None = None
    date_span: Span | None = None
    counts: tuple[Count, ...] = ()
    source: str | None = None
    quote_id: str | None = None
    modality: Modality = "asserted"
    confidence: float = 0.5
    acled: AcledView | None = None


class Quote(msgspec.Struct, frozen=True, kw_only=True):
    """An attributed statement: who said it, the content span, and the chain it came through."""

    id: str
    content: Span
    direct: bool
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    via: tuple[str, ...] = ()


def content_hash(text: str) -> str:
    """Stable identity of a cleaned text; the store uses it to make ingestion idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Document(msgspec.Struct, frozen=True, kw_only=True):
    """A news article after cleaning, with every annotation layer the pipeline added.

    ``text`` is fixed at ingestion; layers are tuples of records pointing into it. ``stages`` lists the
    versioned stage names that produced this document (provenance); ``warnings`` keeps non-fatal
    problems found on the way (e.g. invalid UTF-8 that was replaced).
    """

    doc_id: str
    text: str
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, MetaValue] = msgspec.field(default_factory=dict)
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    counts: tuple[Count, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    stages: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """Hash of the cleaned text (see :func:`content_hash`)."""
        return content_hash(self.text)

    def span_text(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def with_layers(self, **changes: Any) -> Document:
        """A copy with some fields replaced; ``text`` may not change once a document exists."""
        if "text" in changes and changes["text"] != self.text:
            raise ValueError(f"document {self.doc_id}: the cleaned text is immutable after ingestion")
        return msgspec.structs.replace(self, **changes)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search over the sentence layer)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None

    def to_json(self) -> bytes:
        """Lossless JSON (all layers); :meth:`from_json` reverses it exactly."""
        return msgspec.json.encode(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> Document:
        """Decode and validate a document written by :meth:`to_json`."""
        return msgspec.json.decode(data, type=cls)
