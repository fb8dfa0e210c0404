"""Response shapes, for the OpenAPI document only.

Why only for documentation: the endpoints encode their answers with msgspec (see :mod:`.formats`) and
return them as ready bytes, which FastAPI passes through without re-validating; these models tell API
users (and ``GET /api/openapi.json``) what the bytes hold.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "DocumentPage",
    "ErrorBody",
    "EventPage",
    "EventRow",
    "EventView",
    "Health",
    "IngestAnswer",
    "MapAnswer",
    "Overview",
    "QuotePage",
    "Stats",
]


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: what went wrong, and for validation errors the offending parameters."""

    error: str
    detail: list[dict[str, Any]] | None = None


class EventRow(BaseModel):
    """One event as a flat row (first location only; all of them are in the event view)."""

    doc_id: str
    event_id: str
    ord: int
    type: str
    modes: list[str]
    trigger: str | None
    date: str | None = Field(description="Gold date value: day, month, year or 'first/last' range.")
    date_first: dt.date | None
    date_last: dt.date | None
    date_precision: str | None
    published: dt.date | None
    actors: list[str]
    recipients: list[str]
    location: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    n_locations: int | None
    counts: list[dict[str, Any]]
    source: str | None = Field(description="Who the article says claims the event.")
    quote_id: str | None
    modality: str | None
    confidence: float | None
    n_mentions: int | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    fatalities: int | None
    evidence: str | None
    title: str | None
    url: str | None
    lang: str | None
    publisher: str | None


class EventPage(BaseModel):
    """A page of events; pass ``next_cursor`` as ``cursor`` for the next page (null on the last)."""

    events: list[EventRow]
    next_cursor: str | None
    limit: int
    sort: str
    total: int | None = None


class MapAnswer(BaseModel):
    """Located events clustered on a grid; a cell with one event names it."""

    zoom: int
    cell_degrees: float
    cells: list[dict[str, Any]]
    located: int
    truncated: bool


class Stats(BaseModel):
    """Counts of the matching events and a timeline by type."""

    total: int
    located: int
    documents: int
    first: str | None
    last: str | None
    by_type: dict[str, int]
    by_country: dict[str, int]
    by_modality: dict[str, int]
    by_lang: dict[str, int]
    top_places: dict[str, int]
    top_sources: dict[str, int]
    top_actors: dict[str, int]
    timeline: dict[str, Any]


class Overview(BaseModel):
    """The dashboard's first answer: statistics, the first page of events and the map cells."""

    stats: Stats
    events: EventPage
    map: MapAnswer | None


class EventView(BaseModel):
    """One event for auditing: contract record, highlighted text, claim chain, quotes, merge reasons."""

    doc_id: str
    event: dict[str, Any]
    document: dict[str, Any]
    annotations: list[dict[str, Any]]
    segments: list[dict[str, Any]]
    claim_chain: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    merge: dict[str, Any]


class DocumentPage(BaseModel):
    """Document summaries (no text), newest first."""

    documents: list[dict[str, Any]]
    limit: int
    offset: int


class QuotePage(BaseModel):
    """Attributed statements with their speakers and citation chains."""

    quotes: list[dict[str, Any]]
    limit: int
    offset: int


class Health(BaseModel):
    """Server state and limits."""

    status: str
    version: str
    db: str
    read_only: bool
    ingest: bool
    events: int
    documents: int
    limits: dict[str, Any]
    index: dict[str, Any] = Field(description="Event index: build seconds, bytes of rendered rows, generation.")
    cache: dict[str, Any] | None = Field(default=None, description="Cached aggregate answers: entries, bytes, hits.")


class IngestAnswer(BaseModel):
    """One result per posted document, in order: added, duplicate or error (with reason)."""

    run_id: str | None
    results: list[dict[str, Any]]
    added: int
    duplicates: int
    errors: int
