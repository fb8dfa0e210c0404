"""Reading gold files (gold format v1 of ``GUIDELINE.md``) into typed, validated records.

Why typed records: a gold file is the yardstick every change is measured by, so a broken line must stop
the evaluation with the file and line that is wrong, not silently score as an empty document. Every field
is decoded by :mod:`msgspec` (types and literals checked), and every span-bearing string (trigger,
evidence, mentions, actor/location text, quote text) must be an exact substring of the document text, as
the guideline requires; the scorer relies on that to turn strings into character spans.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec

from ..errors import EvaluationError
from ..model import COUNT_KINDS, EVENT_TYPES, MODALITIES, QUALIFIERS, DateValue, Document

__all__ = [
    "GoldActor",
    "GoldCount",
    "GoldDocument",
    "GoldEvent",
    "GoldPlace",
    "GoldQuote",
    "gold_document",
    "gold_key",
    "parse_gold_line",
    "read_gold",
]

GoldDate = str | dict[str, str] | None


class GoldActor(msgspec.Struct, frozen=True):
    """An actor or recipient: its mention ``text`` and canonical English ``name``."""

    text: str
    name: str
    country: str | None = None


class GoldPlace(msgspec.Struct, frozen=True):
    """A location: the mention ``text``, resolved ``name``, ``admin1`` and alpha-2 ``country``."""

    text: str
    name: str
    admin1: str | None = None
    country: str | None = None


class GoldCount(msgspec.Struct, frozen=True):
    """A number about an event, e.g. ``("fled", 3000, "at_least", "militan")``."""

    kind: str
    value: int
    qualifier: str = "exact"
    object: str | None = None


class GoldEvent(msgspec.Struct, frozen=True):
    """One gold event as written in the file (``location`` normalised to a tuple after loading)."""

    type: str
    trigger: str
    evidence: str
    mode: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    actors: tuple[GoldActor, ...] = ()
    recipients: tuple[GoldActor, ...] = ()
    location: GoldPlace | list[GoldPlace] | None = None
    date: GoldDate = None
    counts: tuple[GoldCount, ...] = ()
    source: str | None = None
    modality: str = "asserted"

    @property
    def locations(self) -> tuple[GoldPlace, ...]:
        """The location(s) as a tuple (the file allows null, one object or a list)."""
        if self.location is None:
            return ()
        if isinstance(self.location, list):
            return tuple(self.location)
        return (self.location,)

    @property
    def date_value(self) -> DateValue | None:
        """The gold date as a :class:`DateValue` (validated when the file is read)."""
        return DateValue.from_gold(self.date)


class GoldQuote(msgspec.Struct, frozen=True):
    """One attributed statement: speaker, the closest speaker mention, content, cue and via chain."""

    speaker: str
    text: str
    direct: bool
    speaker_text: str | None = None
    cue: str | None = None
    via: tuple[str, ...] = ()


class GoldDocument(msgspec.Struct, frozen=True, kw_only=True):
    """One gold line: the exact article text with its events and quotes.

    ``where`` (``file:line``) is filled in by :func:`read_gold` so that every later message can point at
    the annotation it concerns.
    """

    doc_id: str
    text: str
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    events: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    where: str = ""


_EVENT_TYPES = frozenset(EVENT_TYPES)
_COUNT_KINDS = frozenset(COUNT_KINDS)
_QUALIFIERS = frozenset(QUALIFIERS)
_MODALITIES = frozenset(MODALITIES)


def _check(doc: GoldDocument, where: str) -> None:
    """Raise :class:`EvaluationError` for the first rule of the guideline this document breaks."""
    text = doc.text

    def fail(what: str) -> None:
        raise EvaluationError(f"{where}: {doc.doc_id}: {what}")

    def sub(value: str | None, what: str) -> None:
        if value is not None and (not value or value not in text):
            fail(f"{what} is not an exact substring of the text: {value[:80]!r}")

    if not text:
        fail("empty text")
    for i, ev in enumerate(doc.events):
        w = f"event {i}"
        if ev.type not in _EVENT_TYPES:
            fail(f"{w}: unknown type {ev.type!r}")
        if ev.modality not in _MODALITIES:
            fail(f"{w}: unknown modality {ev.modality!r}")
        sub(ev.evidence, f"{w}.evidence")
        sub(ev.trigger, f"{w}.trigger")
        for m in ev.mentions:
            sub(m, f"{w}.mentions")
        for a in (*ev.actors, *ev.recipients):
            sub(a.text, f"{w}.actor text")
        for p in ev.locations:
            sub(p.text, f"{w}.location text")
        for c in ev.counts:
            if c.kind not in _COUNT_KINDS or c.qualifier not in _QUALIFIERS:
                fail(f"{w}: bad count {c.kind!r}/{c.qualifier!r}")
        try:
            ev.date_value  # noqa: B018 - parse to validate
        except (ValueError, KeyError, IndexError) as exc:
            fail(f"{w}: bad date {ev.date!r} ({exc})")
    for i, q in enumerate(doc.quotes):
        sub(q.text, f"quote {i}.text")
        sub(q.speaker_text, f"quote {i}.speaker_text")


def parse_gold_line(line: str | bytes, where: str = "<gold>") -> GoldDocument:
    """Decode and validate one JSONL line; errors name ``where`` (``file:line``) and the bad field."""
    try:
        doc = msgspec.json.decode(line, type=GoldDocument)
    except msgspec.ValidationError as exc:
        raise EvaluationError(f"{where}: not a valid gold document: {exc}") from None
    except msgspec.DecodeError as exc:
        raise EvaluationError(f"{where}: malformed JSON: {exc}") from None
    _check(doc, where)
    return msgspec.structs.replace(doc, where=where)


def read_gold(path: str | Path) -> list[GoldDocument]:
    """All documents of a gold JSONL file (blank lines skipped); duplicate ``doc_id``s are an error."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise EvaluationError(f"{p}: gold file not found") from None
    except OSError as exc:
        raise EvaluationError(f"{p}: cannot read gold file: {exc}") from None
    docs: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{lineno}"
        doc = parse_gold_line(line, where)
        if doc.doc_id in seen:
            raise EvaluationError(f"{where}: duplicate doc_id {doc.doc_id!r} (first at {seen[doc.doc_id]})")
        seen[doc.doc_id] = where
        docs.append(doc)
    if not docs:
        raise EvaluationError(f"{p}: gold file holds no documents")
    return docs


def gold_key(path: str | Path) -> str:
    """The name a gold file goes by in ``floors.toml``: ``id-dev.gold.jsonl`` -> ``id-dev``."""
    name = Path(path).name
    for suffix in (".gold.jsonl", ".jsonl", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def gold_document(gold: GoldDocument) -> Document:
    """The input :class:`Document` the pipeline sees for a gold document (no annotation layers)."""
    return Document(
        doc_id=gold.doc_id,
        text=gold.text,
        lang=gold.lang,
        published=gold.published,
        title=gold.title,
        source=gold.source,
        url=gold.url,
    )
