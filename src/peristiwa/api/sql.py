"""The API's SQL over the in-memory event index (:data:`peristiwa.api.db.INDEX_TABLE`): event pages with
keyset cursors, map clusters, filtered statistics, merge candidates.

Why its own filter SQL: the index flattens ``events``, ``documents`` and ``event_arguments`` into one
row per event, so each filter is one condition on that row. The meaning of every filter is exactly the
store's (:func:`peristiwa.store.queries.event_filters`: case-insensitive substring matches on a name or
the text, a country of *any* location, an effective date range overlapping the window), and the API
tests check both give the same events. Every user value travels as a query parameter; only fixed SQL
fragments chosen in this module are joined into query text.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import duckdb
import msgspec

from .db import INDEX_TABLE, EventRows
from .filters import EventFilters

__all__ = [
    "CursorError",
    "count_events",
    "decode_cursor",
    "encode_cursor",
    "event_row",
    "event_where",
    "find_events",
    "finite",
    "list_events",
    "map_cells",
    "merge_candidates",
    "stats",
]

Cursor = duckdb.DuckDBPyConnection

_FROM = f" FROM {INDEX_TABLE} e"
_EFF_FIRST = "e.eff_first"
_EFF_LAST = "e.eff_last"
_EARLY, _LATE = dt.date(1, 1, 1), dt.date(9999, 12, 31)

#: sort name -> (SQL expression, kind) ; undated / unknown values always sort last
_SORT_KEYS: dict[str, tuple[str, str]] = {
    "date": (_EFF_FIRST, "date"),
    "published": ("e.published", "date"),
    "confidence": ("e.confidence", "float"),
}

class CursorError(ValueError):
    """A pagination cursor that is malformed or belongs to another sort order."""


def _needle(value: str) -> str:
    """A filter value without the separator the index joins argument texts with."""
    return value.replace("\x1f", " ")


def event_where(f: EventFilters) -> tuple[list[str], list[Any]]:
    """SQL conditions over the event index ``e`` and their parameters for the filters ``f``."""
    conds: list[str] = []
    params: list[Any] = []
    if f.type:
        conds.append("list_contains(?::VARCHAR[], e.type)")
        params.append(list(f.type))
    for column, value in (("actor_text", f.actor), ("recipient_text", f.recipient), ("place_text", f.place),
                          ("admin1_text", f.admin1), ("evidence_lc", f.q), ("source_lc", f.source)):
        if value:
            conds.append(f"contains(e.{column}, lower(?))")
            params.append(_needle(value))
    if f.country:
        conds.append("list_contains(e.countries, upper(?))")
        params.append(f.country)
    if f.mode:
        conds.append("list_contains(e.modes, ?)")
        params.append(f.mode)
    if f.date_from is not None:
        conds.append(f"{_EFF_LAST} >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        conds.append(f"{_EFF_FIRST} <= ?")
        params.append(f.date_to)
    for column, eq in (("modality", f.modality), ("doc_id", f.doc_id), ("lang", f.lang)):
        if eq:
            conds.append(f"e.{column} = ?")
            params.append(eq)
    if f.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(float(f.min_confidence))
    if f.located is not None:
        conds.append("e.lat IS NOT NULL" if f.located else "e.lat IS NULL")
    _box_conds(f.box(), conds, params)
    return conds, params


def _box_conds(box: tuple[float, float, float, float] | None, conds: list[str], params: list[Any]) -> None:
    if box is None:
        return
    w, s, e, n = box
    conds.append("e.lat BETWEEN ? AND ?")
    params += [s, n]
    if w <= e:
        conds.append("e.lon BETWEEN ? AND ?")
        params += [w, e]
    else:  # the box crosses the antimeridian
        conds.append("(e.lon >= ? OR e.lon <= ?)")
        params += [w, e]


def _where(conds: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""


# -- cursors ------------------------------------------------------------------------------------------


def encode_cursor(sort: str, key: Any, doc_id: str, ord_: int) -> str:
    """An opaque token for the page after the row ``(key, doc_id, ord)`` under ``sort``."""
    value = key.isoformat() if isinstance(key, dt.date) else key
    raw = msgspec.json.encode([sort, value, doc_id, ord_])
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str, sort: str) -> tuple[Any, str, int]:
    """``(key, doc_id, ord)`` of a cursor made by :func:`encode_cursor` for the same ``sort``."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        name, value, doc_id, ord_ = msgspec.json.decode(raw)
    except Exception:
        raise CursorError("cursor is not a next_cursor this API returned; start again without it") from None
    if name != sort:
        raise CursorError(f"cursor was made for sort={name!r}, not sort={sort!r}; start again without it")
    kind = _SORT_KEYS[sort.lstrip("-")][1]
    try:
        key = dt.date.fromisoformat(value) if kind == "date" else float(value)
        return key, str(doc_id), int(ord_)
    except (TypeError, ValueError):
        raise CursorError("cursor is damaged; start again without it") from None


def _sort_sql(sort: str) -> tuple[str, str, Any]:
    """``(key expression with nulls replaced, direction, sentinel)`` so nulls always come last."""
    desc = sort.startswith("-")
    expr, kind = _SORT_KEYS[sort.lstrip("-")]
    if kind == "date":
        sentinel: Any = _EARLY if desc else _LATE
        return f"coalesce({expr}, DATE '{sentinel.isoformat()}')", "DESC" if desc else "ASC", sentinel
    sentinel = -1.0 if desc else 2.0
    return f"coalesce({expr}, {sentinel})", "DESC" if desc else "ASC", sentinel


# -- reads --------------------------------------------------------------------------------------------


def list_events(
    cur: Cursor, f: EventFilters, *, sort: str = "-date", limit: int = 50, cursor: str | None = None
) -> tuple[list[int], str | None]:
    """Index row ids (``rid``) of one page of events, and the cursor of the next page (None on the last).

    The rows themselves come from :class:`~peristiwa.api.db.EventRows` (``db.rows``): the top-N runs
    over the sort key only, which costs several times less than one carrying every wide column.
    """
    conds, params = event_where(f)
    key_sql, direction, _ = _sort_sql(sort)
    if cursor:
        key, doc_id, ord_ = decode_cursor(cursor, sort)
        op = "<" if direction == "DESC" else ">"
        conds.append(
            f"{key_sql} {op} ? OR ({key_sql} = ? AND (e.doc_id > ? OR (e.doc_id = ? AND e.ord > ?)))"
        )
        params += [key, key, doc_id, doc_id, ord_]
    sql = (
        f"SELECT e.rid, {key_sql} AS _key, e.doc_id, e.ord" + _FROM + _where(conds)
        + f" ORDER BY _key {direction}, e.doc_id, e.ord LIMIT ?"
    )
    keys = cur.execute(sql, [*params, limit + 1]).fetchall()
    nxt = None
    if len(keys) > limit:
        keys = keys[:limit]
        _, key, doc_id, ord_ = keys[-1]
        nxt = encode_cursor(sort, key, doc_id, ord_)
    return [int(k[0]) for k in keys], nxt


def count_events(cur: Cursor, f: EventFilters) -> int:
    """Number of events matching ``f``."""
    conds, params = event_where(f)
    row = cur.execute("SELECT count(*)" + _FROM + _where(conds), params).fetchone()
    return int(row[0]) if row else 0


def find_events(cur: Cursor, event_id: str, doc_id: str | None = None) -> list[tuple[str, str]]:
    """``(doc_id, event_id)`` of the stored events with this id (in this document, when given)."""
    sql = f"SELECT doc_id, event_id FROM {INDEX_TABLE} WHERE event_id = ?"
    params: list[Any] = [event_id]
    if doc_id is not None:
        sql += " AND doc_id = ?"
        params.append(doc_id)
    return [(str(d), str(e)) for d, e in cur.execute(sql + " ORDER BY doc_id LIMIT 20", params).fetchall()]


def map_cells(cur: Cursor, f: EventFilters, zoom: int, max_cells: int,
              view: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """Located events grouped on a grid of a quarter tile at ``zoom``: position, count, types per cell
    (only events inside ``view`` too, when given).

    Why on the server: the browser then draws a few hundred markers whatever the number of events, so
    the map stays fast with 100k events; clicking a cell zooms in, and a one-event cell opens it.
    """
    cell = 360.0 / (2**zoom) / 4.0
    conds, params = event_where(f)
    _box_conds(view, conds, params)
    conds.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (
        "SELECT floor(e.lat / ?)::BIGINT AS gy, floor(e.lon / ?)::BIGINT AS gx, e.type, count(*) AS n, "
        "sum(e.lat) AS slat, sum(e.lon) AS slon, min(e.doc_id) AS doc_id, min(e.event_id) AS event_id, "
        "mode(e.location) AS label, list(DISTINCT e.country) FILTER (WHERE e.country IS NOT NULL) AS countries"
        + _FROM + _where(conds) + " GROUP BY ALL"
    )
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for gy, gx, typ, n, slat, slon, doc_id, event_id, label, countries in cur.execute(
        sql, [cell, cell, *params]
    ).fetchall():
        c = cells.setdefault((gy, gx), {"gy": gy, "gx": gx, "n": 0, "slat": 0.0, "slon": 0.0, "types": {},
                                        "labels": {}, "countries": set(), "event": None})
        c["n"] += n
        c["slat"] += slat
        c["slon"] += slon
        c["types"][typ] = c["types"].get(typ, 0) + n
        if label:
            c["labels"][label] = c["labels"].get(label, 0) + n
        c["countries"].update(countries or ())
        c["event"] = {"doc_id": doc_id, "event_id": event_id}
    ordered = sorted(cells.values(), key=lambda c: (-c["n"], c["gy"], c["gx"]))
    out = []
    for c in ordered[:max_cells]:
        types = dict(sorted(c["types"].items(), key=lambda kv: (-kv[1], kv[0])))
        labels = sorted(c["labels"].items(), key=lambda kv: (-kv[1], kv[0]))
        gy, gx = c["gy"], c["gx"]
        out.append({
            "lat": round(c["slat"] / c["n"], 5), "lon": round(c["slon"] / c["n"], 5), "n": c["n"],
            "types": types, "type": next(iter(types)), "label": labels[0][0] if labels else None,
            "places": [name for name, _ in labels[:5]], "countries": sorted(c["countries"]),
            "bbox": [gx * cell, gy * cell, (gx + 1) * cell, (gy + 1) * cell],
            "event": c["event"] if c["n"] == 1 else None,
        })
    located = sum(c["n"] for c in cells.values())
    return {"zoom": zoom, "cell_degrees": cell, "cells": out, "located": located,
            "truncated": len(ordered) > max_cells}


def _bucket(first: dt.date | None, last: dt.date | None, bucket: str) -> str:
    if bucket != "auto":
        return bucket
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 400 else "week" if span <= 5 * 365 else "month"


def stats(cur: Cursor, f: EventFilters, *, bucket: str = "auto", top: int = 10) -> dict[str, Any]:
    """Counts of the matching events: total, by type, country, modality, language, and a timeline of
    events per bucket (day, week or month of the effective date) by type, plus top actors, places and
    sources."""
    conds, params = event_where(f)
    where = _where(conds)

    out: dict[str, Any] = {}
    row = cur.execute(
        "SELECT count(*), count(e.lat), count(DISTINCT e.doc_id), "
        f"min({_EFF_FIRST}), max({_EFF_FIRST})" + _FROM + where, params,
    ).fetchone()
    total, located, docs, first, last = row if row else (0, 0, 0, None, None)
    out.update(total=int(total), located=int(located), documents=int(docs),
               first=first.isoformat() if first else None, last=last.isoformat() if last else None)
    sets = {"by_type": "e.type", "by_country": "e.country", "by_modality": "e.modality", "by_lang": "e.lang",
            "top_places": "e.location", "top_sources": "e.source"}
    cols = list(sets.values())
    group_sql = (
        f"SELECT GROUPING({', '.join(cols)}) AS g, {', '.join(cols)}, count(*) AS n" + _FROM + where
        + " GROUP BY GROUPING SETS (" + ", ".join(f"({c})" for c in cols) + ")"
    )
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in sets}
    names = list(sets)
    for g, *values, n in cur.execute(group_sql, params).fetchall():
        i = [(g >> (len(cols) - 1 - j)) & 1 for j in range(len(cols))].index(0)  # the column grouped on
        key = values[i]
        found[names[i]].append(("null" if key is None else str(key), int(n)))
    for name, pairs in found.items():
        pairs.sort(key=lambda kv: (-kv[1], kv[0]))
        out[name] = dict(pairs[:top] if name.startswith("top_") else pairs)
    actor_sql = (
        "SELECT a AS k, count(*) AS n FROM (SELECT unnest(e.actors) AS a" + _FROM + where
        + ") GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?"
    )
    out["top_actors"] = {str(k): int(n) for k, n in cur.execute(actor_sql, [*params, top]).fetchall()}
    size = _bucket(first, last, bucket)
    tl_sql = (
        f"SELECT date_trunc('{size}', {_EFF_FIRST})::DATE AS b, e.type, count(*)" + _FROM + where
        + " GROUP BY ALL ORDER BY 1, 2"
    )
    buckets: dict[str, dict[str, int]] = {}
    undated = 0
    for b, typ, n in cur.execute(tl_sql, params).fetchall():
        if b is None:
            undated += int(n)
            continue
        buckets.setdefault(b.isoformat(), {})[typ] = int(n)
    out["timeline"] = {"bucket": size, "undated": undated,
                       "buckets": [{"start": k, "types": v} for k, v in buckets.items()]}
    return out


def merge_candidates(cur: Cursor, rows: EventRows, row: dict[str, Any], window_days: int, slack_days: int,
                     limit: int = 200) -> list[dict[str, Any]]:
    """Events of the same type in other documents whose dates lie within the merge window of ``row``.

    ``row`` holds type, doc_id, date_first/date_last and published of the event being viewed; the
    caller scores the candidates with :func:`peristiwa.merge.events.score_pair`.
    """
    first, last = row.get("date_first"), row.get("date_last")
    if first is None:
        pub = row.get("published")
        if pub is None:
            return []
        first, last = pub - dt.timedelta(days=slack_days), pub
    lo = first - dt.timedelta(days=window_days + slack_days)
    hi = (last or first) + dt.timedelta(days=window_days + slack_days)
    sql = (
        "SELECT e.rid" + _FROM
        + f" WHERE e.type = ? AND e.doc_id <> ? AND {_EFF_LAST} >= ? AND {_EFF_FIRST} <= ?"
        + " ORDER BY e.doc_id, e.ord LIMIT ?"
    )
    return rows.dicts(r for r, in cur.execute(sql, [row["type"], row["doc_id"], lo, hi, limit]).fetchall())


def event_row(cur: Cursor, rows: EventRows, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """The flat row of one event (the same fields as a page of :func:`list_events`)."""
    found = cur.execute(f"SELECT rid FROM {INDEX_TABLE} WHERE doc_id = ? AND event_id = ? LIMIT 1",
                        [doc_id, event_id]).fetchall()
    return rows.dicts([found[0][0]])[0] if found else None


def finite(value: float | None) -> float | None:
    """``value`` unless it is NaN or infinite (JSON has neither)."""
    return value if value is not None and math.isfinite(value) else None
