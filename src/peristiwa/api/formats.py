"""Event pages as JSON, CSV or GeoJSON bytes.

Why msgspec and hand-built responses: encoding a page of 1,000 events with msgspec takes about a
millisecond, several times less than FastAPI's generic encoder, and the events endpoint has a latency
budget (p95 ≤ 100 ms at 100k events). CSV flattens lists with ``; `` and counts into their one-line
summary (the same as ``peristiwa show``); GeoJSON puts each event at its first location (``geometry``
null when it has no coordinates), as GeoJSON allows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import msgspec

from ..store.queries import counts_summary

__all__ = ["CSV_FIELDS", "encode_json", "to_csv", "to_geojson"]

_ENCODER = msgspec.json.Encoder(decimal_format="number")

#: CSV columns, in order
CSV_FIELDS = (
    "doc_id", "event_id", "date", "published", "type", "modes", "trigger", "actors", "recipients",
    "location", "admin1", "country", "lat", "lon", "geo_precision", "counts", "source", "modality",
    "confidence", "fatalities", "acled_event_type", "acled_sub_event_type", "evidence", "title", "url", "lang",
)


def encode_json(value: Any) -> bytes:
    """Compact JSON (dates as ISO strings)."""
    return _ENCODER.encode(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    """CSV with a header line (UTF-8, ``\\r\\n`` line ends as RFC 4180 says)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_FIELDS)
    for row in rows:
        flat = dict(row)
        flat["counts"] = counts_summary(encode_json(row.get("counts") or []).decode("utf-8"))
        writer.writerow([_cell(flat.get(k)) for k in CSV_FIELDS])
    return buf.getvalue().encode("utf-8")


def to_geojson(rows: Sequence[dict[str, Any] | msgspec.Raw], next_cursor: str | None = None) -> bytes:
    """A GeoJSON FeatureCollection; properties are the JSON row without lat/lon. ``rows`` may also be
    ready features (:meth:`peristiwa.api.db.EventRows.features`)."""
    if all(isinstance(row, msgspec.Raw) for row in rows):
        return encode_json({"type": "FeatureCollection", "features": rows, "next_cursor": next_cursor})
    features = []
    for row in rows:
        if isinstance(row, msgspec.Raw):
            raise TypeError("to_geojson: mix of rows and ready features")
        props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        lat, lon = row.get("lat"), row.get("lon")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": f"{row['doc_id']}/{row['event_id']}",
                         "geometry": geometry, "properties": props})
    return encode_json({"type": "FeatureCollection", "features": features, "next_cursor": next_cursor})
