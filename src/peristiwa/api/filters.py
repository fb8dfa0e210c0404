"""Query parameters of the event endpoints, validated before any SQL is built.

Why pydantic models with ``extra="forbid"``: FastAPI documents every field in the OpenAPI schema, a typo
(``?contry=SY``) is a 422 that names the parameter instead of a silently unfiltered answer, and bad values
(an unknown PLOVER type, a country that is not two letters, ``date_from`` after ``date_to``) are refused
with a message listing what is allowed. Every field maps to one SQL condition in :mod:`.sql`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import EVENT_TYPES

__all__ = ["SORTS", "EventFilters", "EventListParams", "MapParams", "OverviewParams", "StatsParams", "view_box"]

#: sort orders of ``GET /api/events``; a leading ``-`` means descending
SORTS = ("-date", "date", "-published", "published", "-confidence", "confidence")

_Text = Annotated[str | None, Field(default=None, min_length=1, max_length=200)]


class EventFilters(BaseModel):
    """Filters shared by the events, map and stats endpoints; all given filters must match."""

    model_config = ConfigDict(extra="forbid")

    type: list[str] = Field(
        default_factory=list,
        description="PLOVER event type(s): repeat the parameter or separate with commas (ASSAULT,PROTEST).",
    )
    mode: _Text = Field(default=None, description="PLOVER mode, e.g. air, arrest, demonstrate.")
    actor: _Text = Field(default=None, description="An actor's canonical name or text contains this.")
    recipient: _Text = Field(default=None, description="A recipient's canonical name or text contains this.")
    country: str | None = Field(
        default=None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 country of any event location."
    )
    admin1: _Text = Field(default=None, description="First-level region (province) of a location contains this.")
    place: _Text = Field(default=None, description="A location's name, region or text contains this.")
    date_from: dt.date | None = Field(default=None, description="Events whose date range ends on or after.")
    date_to: dt.date | None = Field(default=None, description="Events whose date range starts on or before.")
    source: _Text = Field(default=None, description="Who the article says claims the event contains this.")
    modality: Literal["asserted", "negated", "future", "hypothetical"] | None = Field(
        default=None, description="asserted, negated, future or hypothetical."
    )
    q: _Text = Field(default=None, description="Free text: the evidence sentence contains this.")
    doc_id: str | None = Field(default=None, max_length=300, description="Events of one document only.")
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$", description="Document language code.")
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0, description="Confidence at least this.")
    located: bool | None = Field(default=None, description="true: only events with coordinates; false: without.")
    bbox: str | None = Field(
        default=None, max_length=100,
        description="west,south,east,north in degrees: events whose first location lies inside.",
    )

    @field_validator("type")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        out: list[str] = []
        for item in value:
            for part in item.split(","):
                name = part.strip().upper()
                if not name:
                    continue
                if name not in EVENT_TYPES:
                    raise ValueError(f"unknown event type {part.strip()!r}; one of {', '.join(EVENT_TYPES)}")
                if name not in out:
                    out.append(name)
        return out

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @field_validator("mode")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        return value.strip().lower() if value else value

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        return _check_box(value)

    @model_validator(mode="after")
    def _dates(self) -> EventFilters:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        return self

    def box(self) -> tuple[float, float, float, float] | None:
        """``(west, south, east, north)`` of ``bbox`` with longitudes wrapped to -180..180."""
        return view_box(self.bbox)


def _check_box(value: str | None) -> str | None:
    if value is None:
        return None
    parts = value.split(",")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox must be four numbers: west,south,east,north") from None
    if not (-90 <= s <= n <= 90):
        raise ValueError("bbox latitudes must satisfy -90 <= south <= north <= 90")
    if not (-540 <= w <= 540 and -540 <= e <= 540):
        raise ValueError("bbox longitudes must lie within -540..540")
    return value


def view_box(value: str | None) -> tuple[float, float, float, float] | None:
    """``(west, south, east, north)`` of a validated ``west,south,east,north`` string, longitudes wrapped."""
    if value is None:
        return None
    w, s, e, n = (float(p) for p in value.split(","))
    if e - w >= 360:
        return (-180.0, s, 180.0, n)
    return (_wrap(w), s, _wrap(e), n)


def _wrap(lon: float) -> float:
    return ((lon + 180.0) % 360.0) - 180.0 if not -180 <= lon <= 180 else lon


class EventListParams(EventFilters):
    """``GET /api/events``: the filters plus sorting, keyset paging and the output format."""

    sort: Literal["-date", "date", "-published", "published", "-confidence", "confidence"] = Field(
        default="-date", description="Order; a leading '-' is descending. Ties go by doc_id then position."
    )
    limit: int = Field(
        default=50, ge=1, le=10_000, description="Page size (JSON ≤ max_page; csv/geojson ≤ max_export)."
    )
    cursor: str | None = Field(default=None, max_length=2000, description="next_cursor of the previous page.")
    format: Literal["json", "csv", "geojson"] = Field(default="json", description="json, csv or geojson.")
    total: bool = Field(default=False, description="Also count all matching events (one more query).")


class MapParams(EventFilters):
    """``GET /api/map``: the filters plus the zoom level that sets the cluster grid."""

    zoom: int = Field(default=2, ge=0, le=20, description="Map zoom; a cell is a quarter of a 256 px tile.")


class StatsParams(EventFilters):
    """``GET /api/stats``: the filters plus the timeline bucket."""

    bucket: Literal["auto", "day", "week", "month", "year"] = Field(
        default="auto", description="Timeline bucket; auto picks day, week or month from the date span."
    )
    top: int = Field(default=10, ge=1, le=100, description="How many top actors, places and sources.")


class OverviewParams(EventFilters):
    """``GET /api/overview``: what the dashboard shows first, in one request: the statistics and the first
    page of the filters, and the map cells of the viewport ``view`` at ``zoom``."""

    sort: Literal["-date", "date", "-published", "published", "-confidence", "confidence"] = Field(
        default="-date", description="Order of the page, as in GET /api/events."
    )
    limit: int = Field(default=50, ge=1, le=10_000, description="Page size (≤ max_page).")
    zoom: int | None = Field(
        default=None, ge=0, le=20, description="Map zoom (as in GET /api/map); no map cells without it."
    )
    view: str | None = Field(
        default=None, max_length=100,
        description="west,south,east,north: the map's viewport; limits the map cells only (bbox filters all).",
    )
    bucket: Literal["auto", "day", "week", "month", "year"] = Field(default="auto", description="Timeline bucket.")
    top: int = Field(default=10, ge=1, le=100, description="How many top actors, places and sources.")

    @field_validator("view")
    @classmethod
    def _view(cls, value: str | None) -> str | None:
        return _check_box(value)
