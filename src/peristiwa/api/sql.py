"""The API's SQL over the in-memory event index (:data:`peristiwa.api.db.INDEX_TABLE`): event pages with
keyset cursors, the events a filter selects (the statistics and map cells are counted over them by
:mod:`.columns`), merge candidates.

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

from .columns import Columns, Mask
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
    "merge_candidates",
    "selection",
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


def selection(cur: Cursor, cols: Columns, f: EventFilters) -> Mask:
    """The events matching ``f`` as a mask over ``cols``: one query for their row ids (none without filters)."""
    conds, params = event_where(f)
    if not conds:
        return cols.select(None)
    return cols.select(cur.execute("SELECT e.rid" + _FROM + _where(conds), params).fetchnumpy()["rid"])


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
