"""Read queries over a store: flat rows for tables (CLI, API, dashboard) and rebuilt documents.

Why separate from :mod:`~peristiwa.store.database`: reads are many small, independent SQL builders; each
takes a DuckDB cursor so the HTTP API can run them from several threads. Every user value travels as a
query parameter; only fixed SQL fragments chosen in this module are joined into the query text.

Dates: an event's *effective* date is its own resolved date, or the document's publication date when
the text gives none; ``date_from``/``date_to`` keep events whose effective range overlaps the window.
Text filters (``actor``, ``place``, ``text``...) are case-insensitive substring matches; ``type`` takes one
PLOVER type, a comma-separated string or a list; ``country`` is an alpha-2 code of any event location.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import duckdb
import msgspec

from ..model import Document

__all__ = [
    "count_events",
    "counts_summary",
    "document",
    "documents",
    "errors",
    "event_filters",
    "events",
    "iter_documents",
    "quotes",
    "runs",
    "stats",
]

Cursor = duckdb.DuckDBPyConnection
DateArg = dt.date | str | None

_EFFECTIVE_FIRST = "coalesce(e.date_first, d.published)"
_EFFECTIVE_LAST = "coalesce(e.date_last, d.published)"


def _date(value: DateArg) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _dicts(cur: Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _page(sql: str, params: list[Any], limit: int | None, offset: int) -> str:
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql


def _where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _arg_exists(role: str, columns: Sequence[str]) -> str:
    """An EXISTS over ``event_arguments`` of one role matching ``?`` in any of ``columns``."""
    match = " OR ".join(f"contains(lower(a.{c}), lower(?))" for c in columns)
    return (
        "EXISTS (SELECT 1 FROM event_arguments a WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id "
        f"AND a.role = '{role}' AND ({match}))"
    )


def event_filters(
    *, type: str | Sequence[str] | None = None, actor: str | None = None, recipient: str | None = None,
    country: str | None = None, place: str | None = None, date_from: DateArg = None,
    date_to: DateArg = None, text: str | None = None, source: str | None = None,
    modality: str | None = None, doc_id: str | None = None, lang: str | None = None,
    min_confidence: float | None = None,
) -> tuple[str, list[Any]]:
    """``(" WHERE ...", params)`` over ``events e JOIN documents d``; every given filter must match."""
    conds: list[str] = []
    params: list[Any] = []
    if type:
        types = type.split(",") if isinstance(type, str) else list(type)
        conds.append("list_contains(?::VARCHAR[], e.type)")
        params.append([t.strip().upper() for t in types])
    if actor:
        conds.append(_arg_exists("actor", ("name", "text")))
        params += [actor, actor]
    if recipient:
        conds.append(_arg_exists("recipient", ("name", "text")))
        params += [recipient, recipient]
    if country:
        conds.append(
            "EXISTS (SELECT 1 FROM event_arguments a WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id "
            "AND a.role = 'location' AND upper(a.country) = upper(?))"
        )
        params.append(country)
    if place:
        conds.append(_arg_exists("location", ("name", "admin1", "text")))
        params += [place, place, place]
    if date_from is not None:
        conds.append(f"{_EFFECTIVE_LAST} >= ?")
        params.append(_date(date_from))
    if date_to is not None:
        conds.append(f"{_EFFECTIVE_FIRST} <= ?")
        params.append(_date(date_to))
    if text:
        conds.append("contains(lower(e.evidence_text), lower(?))")
        params.append(text)
    if source:
        conds.append("contains(lower(e.source), lower(?))")
        params.append(source)
    if modality:
        conds.append("e.modality = ?")
        params.append(modality)
    if doc_id:
        conds.append("e.doc_id = ?")
        params.append(doc_id)
    if lang:
        conds.append("d.lang = ?")
        params.append(lang)
    if min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(float(min_confidence))
    return _where(conds), params


def counts_summary(counts_json: str | None) -> str:
    """``"killed 3 (at_least); arrested 10"`` from an event's ``counts`` JSON."""
    if not counts_json:
        return ""
    parts = []
    for c in msgspec.json.decode(counts_json):
        qual = "" if c.get("qualifier") in (None, "exact") else f" ({c['qualifier']})"
        obj = f" {c['object']}" if c.get("object") else ""
        parts.append(f"{c['kind']} {c['value']}{obj}{qual}")
    return "; ".join(parts)


def events(
    cur: Cursor, *, limit: int | None = 100, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Flat event rows, newest effective date first; filters as in :func:`event_filters`.

    Keys: doc_id, event_id, date (gold value or None), published, type, modes, trigger, actors,
    recipients, location, admin1, country, lat, lon, geo_precision, counts (summary), source, modality,
    confidence, acled_event_type, acled_sub_event_type, fatalities, evidence, title, url, lang.
    """
    where, params = event_filters(**filters)
    sql = (
        "SELECT e.doc_id, e.event_id, e.date_gold AS date, d.published, e.type, e.modes, "
        "e.trigger_text AS trigger, e.actor_names AS actors, e.recipient_names AS recipients, "
        "coalesce(e.location_name, e.location_text) AS location, e.location_admin1 AS admin1, "
        "e.location_country AS country, e.location_lat AS lat, e.location_lon AS lon, "
        "e.location_precision AS geo_precision, e.counts, e.source, e.modality, e.confidence, "
        "e.acled_event_type, e.acled_sub_event_type, e.acled_fatalities AS fatalities, "
        "e.evidence_text AS evidence, d.title, d.url, d.lang "
        "FROM events e JOIN documents d USING (doc_id)" + where
        + f" ORDER BY {_EFFECTIVE_FIRST} DESC NULLS LAST, e.doc_id, e.ord"
    )
    rows = _dicts(cur.execute(_page(sql, params, limit, offset), params))
    for row in rows:
        row["counts"] = counts_summary(row["counts"])
    return rows


def count_events(cur: Cursor, **filters: Any) -> int:
    """Number of events matching the filters of :func:`events`."""
    where, params = event_filters(**filters)
    row = cur.execute("SELECT count(*) FROM events e JOIN documents d USING (doc_id)" + where, params).fetchone()
    return int(row[0]) if row else 0


def document(cur: Cursor, doc_id: str) -> Document:
    """The stored document rebuilt from its lossless JSON; ``KeyError`` when absent."""
    row = cur.execute("SELECT doc_json FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document {doc_id!r} in the store")
    return Document.from_json(row[0])


def documents(
    cur: Cursor, *, lang: str | None = None, source: str | None = None, date_from: DateArg = None,
    date_to: DateArg = None, text: str | None = None, run_id: str | None = None,
    limit: int | None = 100, offset: int = 0,
) -> list[dict[str, Any]]:
    """Summary rows (no text), newest publication first; ``text`` matches title or text."""
    conds: list[str] = []
    params: list[Any] = []
    for column, value in (("lang", lang), ("run_id", run_id)):
        if value:
            conds.append(f"{column} = ?")
            params.append(value)
    if source:
        conds.append("contains(lower(source), lower(?))")
        params.append(source)
    if date_from is not None:
        conds.append("published >= ?")
        params.append(_date(date_from))
    if date_to is not None:
        conds.append("published <= ?")
        params.append(_date(date_to))
    if text:
        conds.append("(contains(lower(title), lower(?)) OR contains(lower(text), lower(?)))")
        params += [text, text]
    sql = (
        "SELECT doc_id, title, lang, published, source, url, n_sentences, n_places, n_events, n_quotes, "
        "stages, warnings, content_hash, run_id, ingested_at FROM documents" + _where(conds)
        + " ORDER BY published DESC NULLS LAST, doc_id"
    )
    return _dicts(cur.execute(_page(sql, params, limit, offset), params))


def iter_documents(cur: Cursor, *, doc_ids: Iterable[str] | None = None, page: int = 256) -> Iterator[Document]:
    """Stored documents in ``doc_id`` order, fetched ``page`` at a time (keyset paging, low memory)."""
    wanted = sorted(set(doc_ids)) if doc_ids is not None else None
    if wanted is not None:
        for i in range(0, len(wanted), page):
            rows = cur.execute(
                "SELECT doc_json FROM documents WHERE list_contains(?::VARCHAR[], doc_id) ORDER BY doc_id",
                [wanted[i : i + page]],
            ).fetchall()
            for (data,) in rows:
                yield Document.from_json(data)
        return
    last = ""
    first = True
    while True:
        rows = cur.execute(
            "SELECT doc_id, doc_json FROM documents WHERE ? OR doc_id > ? ORDER BY doc_id LIMIT ?",
            [first, last, page],
        ).fetchall()
        if not rows:
            return
        for _, data in rows:
            yield Document.from_json(data)
        last, first = rows[-1][0], False


def quotes(
    cur: Cursor, *, speaker: str | None = None, text: str | None = None, doc_id: str | None = None,
    direct: bool | None = None, limit: int | None = 100, offset: int = 0,
) -> list[dict[str, Any]]:
    """Flat quote rows: doc_id, quote_id, speaker, speaker_text, text, direct, cue, via, spans."""
    conds: list[str] = []
    params: list[Any] = []
    if speaker:
        conds.append("(contains(lower(q.speaker), lower(?)) OR contains(lower(q.speaker_text), lower(?)))")
        params += [speaker, speaker]
    if text:
        conds.append("contains(lower(q.text), lower(?))")
        params.append(text)
    if doc_id:
        conds.append("q.doc_id = ?")
        params.append(doc_id)
    if direct is not None:
        conds.append("q.direct = ?")
        params.append(bool(direct))
    sql = (
        "SELECT q.doc_id, q.quote_id, q.speaker, q.speaker_text, q.speaker_role, q.speaker_affiliation, "
        "q.text, q.direct, q.cue, q.via, q.span_start, q.span_end, q.speaker_start, q.speaker_end, "
        "d.published, d.title FROM quotes q JOIN documents d USING (doc_id)" + _where(conds)
        + " ORDER BY d.published DESC NULLS LAST, q.doc_id, q.ord"
    )
    rows = _dicts(cur.execute(_page(sql, params, limit, offset), params))
    for row in rows:
        row["via"] = msgspec.json.decode(row["via"]) if row["via"] else []
    return rows


def errors(cur: Cursor, run_id: str | None = None) -> list[dict[str, Any]]:
    """Recorded errors (run_id, where, reason, message, at), oldest first."""
    sql = 'SELECT run_id, "where", reason, message, "at" FROM errors'
    params: list[Any] = []
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params.append(run_id)
    return _dicts(cur.execute(sql + ' ORDER BY "at", rowid', params))


def runs(cur: Cursor) -> list[dict[str, Any]]:
    """All runs, newest first; ``config`` and ``inputs`` decoded from JSON."""
    rows = _dicts(cur.execute(
        "SELECT run_id, started, finished, config, inputs, documents, added, skipped, events, quotes, errors, "
        "version FROM runs ORDER BY started DESC, run_id"
    ))
    for row in rows:
        row["config"] = msgspec.json.decode(row["config"]) if row["config"] else {}
        row["inputs"] = msgspec.json.decode(row["inputs"]) if row["inputs"] else []
    return rows


def _grouped(cur: Cursor, sql: str) -> dict[str, int]:
    return {"null" if k is None else str(k): int(n) for k, n in cur.execute(sql).fetchall()}


def stats(cur: Cursor) -> dict[str, Any]:
    """Row counts per table and event counts by type, effective day, location country, language,
    modality (``None`` keys become ``"null"``)."""
    out: dict[str, Any] = {}
    for table in ("documents", "events", "quotes", "places", "runs", "errors"):
        row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
        out[table] = int(row[0]) if row else 0
    base = "FROM events e JOIN documents d USING (doc_id)"
    out["by_type"] = _grouped(cur, f"SELECT e.type, count(*) {base} GROUP BY 1 ORDER BY 2 DESC, 1")
    out["by_day"] = _grouped(
        cur, f"SELECT strftime({_EFFECTIVE_FIRST}, '%Y-%m-%d') AS day, count(*) {base} GROUP BY 1 ORDER BY 1"
    )
    out["by_country"] = _grouped(
        cur, f"SELECT e.location_country, count(*) {base} GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    out["by_lang"] = _grouped(cur, f"SELECT d.lang, count(*) {base} GROUP BY 1 ORDER BY 2 DESC, 1")
    out["by_modality"] = _grouped(cur, f"SELECT e.modality, count(*) {base} GROUP BY 1 ORDER BY 2 DESC, 1")
    return out
