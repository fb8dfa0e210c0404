"""Documents to Arrow tables: the one projection every write path shares.

Why: DuckDB inserts from Arrow are two orders of magnitude faster than row-wise ``executemany`` (100k
tuples took 89 s here), and the same tables can be written as Parquet partitions by workers that have no
database (Dask scale-out) and merged into a store later. So there is exactly one function that flattens
documents into rows, :func:`documents_to_tables`, and both :meth:`Store.write
<peristiwa.store.database.Store.write>` and :func:`~peristiwa.store.partitions.write_partition` call it.
The Arrow schemas below mirror ``schema.sql`` column for column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import msgspec
import pyarrow as pa

from ..model import Actor, Count, DateValue, Document, Event, Place, Quote

__all__ = [
    "CHILD_TABLES",
    "DOC_TABLES",
    "SCHEMAS",
    "date_gold_text",
    "documents_to_tables",
    "empty_tables",
    "unique_documents",
]

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_D = pa.date32()
_LS = pa.list_(pa.string())
_TS = pa.timestamp("us")


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, typ) for name, typ in fields])


#: Arrow schema of every table that holds per-document rows, in ``schema.sql`` column order.
SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        ("doc_id", _S), ("content_hash", _S), ("lang", _S), ("published", _D), ("title", _S),
        ("source", _S), ("url", _S), ("text", _S), ("metadata", _S), ("stages", _LS), ("warnings", _LS),
        ("n_sentences", _I), ("n_entities", _I), ("n_places", _I), ("n_events", _I), ("n_quotes", _I),
        ("doc_json", _S), ("run_id", _S), ("ingested_at", _TS),
    ),
    "events": _schema(
        ("doc_id", _S), ("event_id", _S), ("ord", _I), ("type", _S), ("modes", _LS),
        ("trigger_text", _S), ("trigger_start", _I), ("trigger_end", _I),
        ("evidence_text", _S), ("evidence_start", _I), ("evidence_end", _I), ("n_mentions", _I),
        ("date_first", _D), ("date_last", _D), ("date_precision", _S), ("date_gold", _S),
        ("date_start", _I), ("date_end", _I),
        ("location_text", _S), ("location_name", _S), ("location_admin1", _S), ("location_country", _S),
        ("location_lat", _F), ("location_lon", _F), ("location_precision", _S), ("n_locations", _I),
        ("actor_names", _LS), ("recipient_names", _LS), ("modality", _S), ("source", _S),
        ("quote_id", _S), ("confidence", _F), ("acled_event_type", _S), ("acled_sub_event_type", _S),
        ("acled_fatalities", _I), ("acled_interaction", _S), ("counts", _S),
    ),
    "event_arguments": _schema(
        ("doc_id", _S), ("event_id", _S), ("role", _S), ("ord", _I), ("text", _S),
        ("span_start", _I), ("span_end", _I), ("name", _S), ("country", _S), ("sector", _S),
        ("admin1", _S), ("lat", _F), ("lon", _F), ("precision", _S),
        ("kind", _S), ("value", pa.int64()), ("qualifier", _S), ("object", _S),
    ),
    "quotes": _schema(
        ("doc_id", _S), ("quote_id", _S), ("ord", _I), ("speaker", _S), ("speaker_text", _S),
        ("speaker_start", _I), ("speaker_end", _I), ("speaker_role", _S), ("speaker_affiliation", _S),
        ("text", _S), ("span_start", _I), ("span_end", _I), ("direct", pa.bool_()),
        ("cue", _S), ("cue_start", _I), ("cue_end", _I), ("via", _S),
    ),
    "places": _schema(
        ("doc_id", _S), ("ord", _I), ("text", _S), ("span_start", _I), ("span_end", _I), ("name", _S),
        ("admin1", _S), ("country", _S), ("lat", _F), ("lon", _F), ("precision", _S), ("feature", _S),
        ("confidence", _F), ("gazetteer_id", _S),
    ),
}

#: Tables keyed by ``doc_id``; ``documents`` first, the children after it.
DOC_TABLES: tuple[str, ...] = ("documents", "events", "event_arguments", "quotes", "places")
CHILD_TABLES: tuple[str, ...] = DOC_TABLES[1:]

_json = msgspec.json.Encoder()


def _js(value: Any) -> str:
    return _json.encode(value).decode("utf-8")


def date_gold_text(value: DateValue | None) -> str | None:
    """The gold date value as one string: a day, month or year, or ``first/last`` for a range."""
    if value is None:
        return None
    gold = value.to_gold()
    return gold if isinstance(gold, str) else f"{gold['start']}/{gold['end']}"


class _Rows:
    """Column lists for one table; rows are appended as tuples in schema order."""

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows: list[tuple[Any, ...]] = []

    def add(self, *row: Any) -> None:
        self.rows.append(row)

    def table(self) -> pa.Table:
        names = self.schema.names
        if not self.rows:
            return self.schema.empty_table()
        columns = list(zip(*self.rows, strict=True))
        arrays = [pa.array(col, type=self.schema.field(i).type) for i, col in enumerate(columns)]
        return pa.Table.from_arrays(arrays, names=names)


def empty_tables() -> dict[str, pa.Table]:
    """One empty table per name in :data:`DOC_TABLES`."""
    return {name: SCHEMAS[name].empty_table() for name in DOC_TABLES}


def unique_documents(docs: Iterable[Document]) -> tuple[list[Document], int, int]:
    """``(kept, duplicates, superseded)``: the first of several identical texts is kept, and the last of
    several versions of one ``doc_id``, as if the documents were stored one after the other.

    Why here: child rows are keyed by ``doc_id`` only, so a batch of tables can hold each id once.
    """
    by_id: dict[str, tuple[str, Document]] = {}
    owner: set[str] = set()
    duplicates = superseded = 0
    for doc in docs:
        h = doc.content_hash
        if h in owner:
            duplicates += 1
            continue
        old = by_id.pop(doc.doc_id, None)
        if old is not None:
            superseded += 1
            owner.discard(old[0])
        by_id[doc.doc_id] = (h, doc)
        owner.add(h)
    return [doc for _, doc in by_id.values()], duplicates, superseded


def documents_to_tables(
    docs: Iterable[Document], *, run_id: str | None = None, ingested_at: dt.datetime | None = None
) -> dict[str, pa.Table]:
    """Flatten documents into one Arrow table per store table (see :data:`SCHEMAS`).

    Within ``docs`` each ``doc_id`` and each text is kept once (:func:`unique_documents`); what is
    already stored is the store's business (:meth:`Store.write_tables
    <peristiwa.store.database.Store.write_tables>`). ``ingested_at`` defaults to now (UTC, no zone).
    """
    at = (ingested_at or dt.datetime.now(dt.UTC)).replace(tzinfo=None)
    out = {name: _Rows(SCHEMAS[name]) for name in DOC_TABLES}
    kept, _, _ = unique_documents(docs)
    for doc in kept:
        out["documents"].add(
            doc.doc_id, doc.content_hash, doc.lang, doc.published, doc.title, doc.source, doc.url,
            doc.text, _js(doc.metadata), list(doc.stages), list(doc.warnings),
            len(doc.sentences), len(doc.entities), len(doc.places), len(doc.events), len(doc.quotes),
            doc.to_json().decode("utf-8"), run_id, at,
        )
        for i, ev in enumerate(doc.events):
            _add_event(out, doc, i, ev)
        for i, q in enumerate(doc.quotes):
            _add_quote(out["quotes"], doc, i, q)
        for i, p in enumerate(doc.places):
            out["places"].add(
                doc.doc_id, i, doc.text[p.start : p.end], p.start, p.end, p.name, p.admin1, p.country,
                p.lat, p.lon, p.precision, p.feature, p.confidence, p.gazetteer_id,
            )
    return {name: rows.table() for name, rows in out.items()}


def _count_json(doc: Document, c: Count) -> dict[str, Any]:
    return {
        "kind": c.kind, "value": c.value, "qualifier": c.qualifier, "object": c.object,
        "text": doc.text[c.start : c.end], "span": [c.start, c.end],
    }


def _add_event(out: dict[str, _Rows], doc: Document, i: int, ev: Event) -> None:
    text = doc.text
    loc: Place | None = ev.locations[0] if ev.locations else None
    date, dspan, acled = ev.date, ev.date_span, ev.acled
    out["events"].add(
        doc.doc_id, ev.id, i, ev.type, list(ev.modes),
        text[ev.trigger.start : ev.trigger.end], ev.trigger.start, ev.trigger.end,
        text[ev.evidence.start : ev.evidence.end], ev.evidence.start, ev.evidence.end, len(ev.mentions),
        date.first if date else None, date.last if date else None, date.precision if date else None,
        date_gold_text(date), dspan.start if dspan else None, dspan.end if dspan else None,
        text[loc.start : loc.end] if loc else None, loc.name if loc else None, loc.admin1 if loc else None,
        loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.precision if loc else None, len(ev.locations),
        [a.name for a in ev.actors], [a.name for a in ev.recipients], ev.modality, ev.source, ev.quote_id,
        ev.confidence,
        acled.event_type if acled else None, acled.sub_event_type if acled else None,
        acled.fatalities if acled else None, acled.interaction if acled else None,
        _js([_count_json(doc, c) for c in ev.counts]),
    )
    args = out["event_arguments"]
    for role, actors in (("actor", ev.actors), ("recipient", ev.recipients)):
        for j, a in enumerate(actors):
            _add_actor(args, doc, ev.id, role, j, a)
    for j, p in enumerate(ev.locations):
        args.add(
            doc.doc_id, ev.id, "location", j, text[p.start : p.end], p.start, p.end, p.name, p.country,
            None, p.admin1, p.lat, p.lon, p.precision, None, None, None, None,
        )
    for j, c in enumerate(ev.counts):
        args.add(
            doc.doc_id, ev.id, "count", j, text[c.start : c.end], c.start, c.end, None, None, None,
            None, None, None, None, c.kind, c.value, c.qualifier, c.object,
        )


def _add_actor(args: _Rows, doc: Document, event_id: str, role: str, j: int, a: Actor) -> None:
    args.add(
        doc.doc_id, event_id, role, j, doc.text[a.start : a.end], a.start, a.end, a.name, a.country,
        a.sector, None, None, None, None, None, None, None, None,
    )


def _add_quote(rows: _Rows, doc: Document, i: int, q: Quote) -> None:
    sp, cue = q.speaker_span, q.cue_span
    rows.add(
        doc.doc_id, q.id, i, q.speaker, doc.text[sp.start : sp.end] if sp else None,
        sp.start if sp else None, sp.end if sp else None, q.speaker_role, q.speaker_affiliation,
        doc.text[q.content.start : q.content.end], q.content.start, q.content.end, q.direct,
        q.cue, cue.start if cue else None, cue.end if cue else None, _js(list(q.via)),
    )
