"""Exports of a store: contract JSONL, ACLED-like CSV, and Parquet (one file per table).

Why three: JSONL is the output contract (:func:`peristiwa.output.to_record`, the gold format plus
extras) that evaluations and other tools read; the CSV lets analysts used to ACLED open peristiwa's events
in the same column layout (one row per event, the evidence sentence as ``notes``); Parquet hands every
table, typed, to pandas/polars/Spark. All three stream, so a large store is never held in memory.

CSV conventions: ``country`` is the ISO 3166-1 alpha-2 code (peristiwa carries no country-name table);
``event_date`` is the event's first day, or the publication date when the text gives no date (then
``time_precision`` is empty); ``source`` is the publication and ``claim_source`` who the article says
claims the event; ``fatalities`` is the ACLED view's value, else the sum of ``killed`` counts.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

import msgspec
import pyarrow.csv as pacsv

from ..errors import StoreError
from ..output import to_record
from .database import Store
from .queries import event_filters

__all__ = ["CSV_COLUMNS", "PARQUET_TABLES", "export_csv", "export_jsonl", "export_parquet"]

#: Tables written by :func:`export_parquet`.
PARQUET_TABLES: tuple[str, ...] = (
    "documents", "events", "event_arguments", "quotes", "places", "runs", "errors",
)

_FIRST = "coalesce(e.date_first, d.published)"

#: ``(column, SQL expression)`` of the CSV export, ACLED's layout first, then peristiwa's own fields.
_CSV: tuple[tuple[str, str], ...] = (
    ("event_id_cnty", "coalesce(e.location_country, 'XX') || '-' || e.doc_id || '-' || e.event_id"),
    ("event_date", f"{_FIRST}"),
    ("year", f"year({_FIRST})"),
    ("time_precision",
     "CASE e.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'range' THEN 2 "
     "WHEN 'month' THEN 3 WHEN 'year' THEN 3 END"),
    ("event_type", "coalesce(e.acled_event_type, '')"),
    ("sub_event_type", "coalesce(e.acled_sub_event_type, '')"),
    ("actor1", "coalesce(e.actor_names[1], '')"),
    ("assoc_actor_1", "array_to_string(e.actor_names[2:], '; ')"),
    ("actor2", "coalesce(e.recipient_names[1], '')"),
    ("assoc_actor_2", "array_to_string(e.recipient_names[2:], '; ')"),
    ("interaction", "coalesce(e.acled_interaction, '')"),
    ("country", "coalesce(e.location_country, '')"),
    ("admin1", "coalesce(e.location_admin1, '')"),
    ("location", "coalesce(e.location_name, e.location_text, '')"),
    ("latitude", "e.location_lat"),
    ("longitude", "e.location_lon"),
    ("geo_precision",
     "CASE WHEN e.location_precision IN ('point', 'city', 'admin3') THEN 1 "
     "WHEN e.location_precision = 'admin2' THEN 2 "
     "WHEN e.location_precision IN ('admin1', 'country') THEN 3 END"),
    ("source", "coalesce(d.source, '')"),
    ("notes", "e.evidence_text"),
    ("fatalities",
     "coalesce(e.acled_fatalities, (SELECT sum(a.value) FROM event_arguments a WHERE a.doc_id = e.doc_id "
     "AND a.event_id = e.event_id AND a.role = 'count' AND a.kind = 'killed'), 0)"),
    ("plover_type", "e.type"),
    ("plover_mode", "array_to_string(e.modes, '; ')"),
    ("modality", "e.modality"),
    ("confidence", "e.confidence"),
    ("claim_source", "coalesce(e.source, '')"),
    ("date_value", "coalesce(e.date_gold, '')"),
    ("trigger", "e.trigger_text"),
    ("published", "d.published"),
    ("url", "coalesce(d.url, '')"),
    ("doc_id", "e.doc_id"),
    ("event_id", "e.event_id"),
)

#: Column names of :func:`export_csv`, in order.
CSV_COLUMNS: tuple[str, ...] = tuple(name for name, _ in _CSV)


def export_jsonl(store: Store, path_or_file: str | Path | IO[str] | IO[bytes]) -> int:
    """Write one contract record (:func:`~peristiwa.output.to_record`) per stored document, in
    ``doc_id`` order, to a path or an open text or binary file; returns the number of lines."""
    encoder = msgspec.json.Encoder()
    if isinstance(path_or_file, str | Path):
        with open(path_or_file, "wb") as fh:
            return _write_jsonl(store, fh, encoder, binary=True)
    return _write_jsonl(store, path_or_file, encoder, binary=not isinstance(path_or_file, io.TextIOBase))


def _write_jsonl(store: Store, fh: IO[Any], encoder: msgspec.json.Encoder, *, binary: bool) -> int:
    n = 0
    for doc in store.iter_documents():
        line = encoder.encode(to_record(doc)) + b"\n"
        fh.write(line if binary else line.decode("utf-8"))
        n += 1
    return n


def export_csv(store: Store, path: str | Path, **filters: Any) -> int:
    """Write one ACLED-like row per event (columns :data:`CSV_COLUMNS`); ``filters`` are those of
    :meth:`Store.events` (``type=``, ``country=``...). Returns the number of rows."""
    where, params = event_filters(**filters)
    select = ", ".join(f"{expr} AS {name}" for name, expr in _CSV)
    sql = (
        f"SELECT {select} FROM events e JOIN documents d USING (doc_id){where} "
        f"ORDER BY {_FIRST}, e.doc_id, e.ord"
    )
    reader = store.cursor().sql(sql, params=params).to_arrow_reader(10_000)
    if reader is None:  # pragma: no cover - DuckDB returns a reader for every SELECT
        raise StoreError(f"{store.path}: the event query returned no result")
    n = 0
    with pacsv.CSVWriter(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def export_parquet(store: Store, directory: str | Path) -> dict[str, Path]:
    """Write ``<directory>/<table>.parquet`` for every table of :data:`PARQUET_TABLES` (DuckDB COPY,
    zstd); returns the written paths by table name."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    cur = store.cursor()
    written: dict[str, Path] = {}
    for table in PARQUET_TABLES:
        target = out / f"{table}.parquet"
        cur.execute(f"COPY (SELECT * FROM {table}) TO ? (FORMAT parquet, COMPRESSION zstd)", [str(target)])
        written[table] = target
    return written
