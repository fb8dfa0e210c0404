"""The API's handle on the store: per-request cursors for documents and quotes, and an in-memory event
index for everything the dashboard filters, sorts, clusters and counts.

Why an in-memory index: a page of events joins ``events`` with ``documents`` (the effective date falls
back to the publication date) and filters on ``event_arguments`` (actors, places, countries); on 100k
events that join and the wide columns carried through the sort cost 80-150 ms per request. Flattening
it once into one connection-local in-memory table (``api_events``: one row per event, the columns the
filters, sorts, map cells and statistics read, and the argument texts joined into lower-cased strings)
makes a page a 2 ms top-N over narrow columns.

Why the display rows live outside DuckDB, as ready JSON (:class:`EventRows`): fetching the 34 display
columns of a page's rows back out of DuckDB (point lookups by row id, then a Python object per value,
then JSON encoding) cost 3-5 ms for 50 rows and 20-40 ms for 500, the largest part of a page. Each row
is rendered to JSON once, by DuckDB, when the index is built, and stored back to back in one bytes
buffer; a page is then a slice per row joined into the answer (microseconds), and CSV/GeoJSON exports
decode just their rows. It costs about 0.9 KB per event (the columns only shown are dropped from the
DuckDB table in exchange) and ~1 s per 100k events at start-up.

Why it cannot go stale: a read-only server holds DuckDB's shared lock, so no process can write the file
while it runs; with ``--allow-ingest`` the server is the only writer and rebuilds the index after each
ingestion request. The index lives on one dedicated connection (DuckDB temp tables are per connection),
so its queries are serialised by a lock; each takes a few milliseconds.

A query that runs past ``query_timeout_s`` is interrupted (DuckDB's ``interrupt``) so one expensive
filter cannot hold a worker; the caller gets a 503 that says to narrow the filters.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Any, TypeVar

import duckdb
import msgspec

from ..errors import StoreError
from ..store import Store
from .columns import Columns

__all__ = ["DISPLAY_COLUMNS", "INDEX_TABLE", "Database", "EventRows", "QueryTimeout"]

T = TypeVar("T")
Cursor = duckdb.DuckDBPyConnection

#: the connection-local table every event query reads
INDEX_TABLE = "api_events"

_SEP = "chr(31)"  # unit separator between joined argument texts; stripped from filter values
_BUILD = f"""
CREATE OR REPLACE TEMP TABLE {INDEX_TABLE} AS
WITH args AS (
    SELECT doc_id, event_id,
        lower(string_agg(CASE WHEN role = 'actor' THEN concat_ws({_SEP}, name, text) END, {_SEP})) AS actor_text,
        lower(string_agg(CASE WHEN role = 'recipient' THEN concat_ws({_SEP}, name, text) END, {_SEP}))
            AS recipient_text,
        lower(string_agg(CASE WHEN role = 'location' THEN concat_ws({_SEP}, name, admin1, text) END, {_SEP}))
            AS place_text,
        lower(string_agg(CASE WHEN role = 'location' THEN admin1 END, {_SEP})) AS admin1_text,
        list(DISTINCT upper(country)) FILTER (WHERE role = 'location' AND country IS NOT NULL) AS countries
    FROM event_arguments WHERE role IN ('actor', 'recipient', 'location') GROUP BY doc_id, event_id
)
SELECT row_number() OVER (ORDER BY e.doc_id, e.ord) AS rid,
    e.doc_id, e.event_id, e.ord, e.type, e.modes, e.trigger_text AS trigger, e.date_gold AS date,
    e.date_first, e.date_last, e.date_precision, d.published, e.actor_names AS actors,
    e.recipient_names AS recipients, coalesce(e.location_name, e.location_text) AS location,
    e.location_admin1 AS admin1, e.location_country AS country, e.location_lat AS lat,
    e.location_lon AS lon, e.location_precision AS geo_precision, e.n_locations, e.counts, e.source,
    e.quote_id, e.modality, e.confidence, e.n_mentions, e.acled_event_type, e.acled_sub_event_type,
    e.acled_fatalities AS fatalities, e.evidence_text AS evidence, d.title, d.url, d.lang,
    d.source AS publisher,
    coalesce(e.date_first, d.published) AS eff_first, coalesce(e.date_last, d.published) AS eff_last,
    lower(e.evidence_text) AS evidence_lc, lower(e.source) AS source_lc,
    coalesce(a.actor_text, '') AS actor_text, coalesce(a.recipient_text, '') AS recipient_text,
    coalesce(a.place_text, '') AS place_text, coalesce(a.admin1_text, '') AS admin1_text,
    coalesce(a.countries, []::VARCHAR[]) AS countries
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN args a ON a.doc_id = e.doc_id AND a.event_id = e.event_id
"""


#: the fields of one event row, in answer order (JSON, CSV and GeoJSON all start from these)
DISPLAY_COLUMNS = (
    "doc_id", "event_id", "ord", "type", "modes", "trigger", "date", "date_first", "date_last", "date_precision",
    "published", "actors", "recipients", "location", "admin1", "country", "lat", "lon", "geo_precision",
    "n_locations", "counts", "source", "quote_id", "modality", "confidence", "n_mentions", "acled_event_type",
    "acled_sub_event_type", "fatalities", "evidence", "title", "url", "lang", "publisher",
)
#: index columns only shown, never filtered, sorted or grouped on: dropped once the rows are rendered
_SHOWN_ONLY = (
    "trigger", "date", "date_first", "date_last", "date_precision", "recipients", "admin1", "geo_precision",
    "n_locations", "counts", "quote_id", "n_mentions", "acled_event_type", "acled_sub_event_type", "fatalities",
    "evidence", "title", "url", "publisher",
)
_DATES = ("date_first", "date_last", "published")
_FLOATS = ("lat", "lon", "confidence")


def _json_expr(column: str) -> str:
    if column == "counts":
        return "coalesce(e.counts, '[]'::JSON)"
    if column in _FLOATS:  # JSON has no NaN or infinity
        return f"CASE WHEN isfinite(e.{column}) THEN e.{column} END"
    return f"e.{column}"


_ROWS_JSON = (
    "SELECT j, strlen(j) FROM (SELECT e.rid, json_object("
    + ", ".join(f"'{c}', {_json_expr(c)}" for c in DISPLAY_COLUMNS)
    + f")::VARCHAR AS j FROM {INDEX_TABLE} e) ORDER BY rid"
)


class _Where(msgspec.Struct):
    doc_id: str
    event_id: str
    lat: float | None
    lon: float | None


_WHERE = msgspec.json.Decoder(_Where)
_ENCODE = msgspec.json.Encoder()
# the JSON rows hold every field in DISPLAY_COLUMNS order, so ``,"lat":`` ... ``,"geo_precision":`` is the
# coordinates' stretch of the top-level object (a quote inside a string value is always escaped)
_LAT, _GEO = b',"lat":', b',"geo_precision":'


def _chunks(cur: Cursor, size: int = 8192) -> Iterator[list[tuple[str, int]]]:
    while rows := cur.fetchmany(size):
        yield rows


class EventRows:
    """The display row of every indexed event as JSON, back to back in one buffer.

    Row ``rid`` (1-based, the index's ``rid``) is ``blob[ends[rid - 1]:ends[rid]]``; the JSON is what
    encoding the row's fields (:data:`DISPLAY_COLUMNS`) gives, dates as ISO strings.
    """

    __slots__ = ("blob", "ends")

    def __init__(self, chunks: Iterable[list[tuple[str, int]]] = ()) -> None:
        """Rows from ``chunks`` of ``(json, size in UTF-8 bytes)``, in ``rid`` order; one chunk of strings
        is alive at a time, so building needs little more memory than the buffer itself."""
        buffer = bytearray()
        self.ends = array("q", [0])
        for chunk in chunks:
            buffer += "".join(text for text, _ in chunk).encode("utf-8")
            self.ends.extend(accumulate((size for _, size in chunk), initial=self.ends[-1]))
            del self.ends[-len(chunk) - 1]  # accumulate starts with the running total, already there
        self.blob = bytes(buffer)
        if self.ends[-1] != len(self.blob):
            raise StoreError("the event index's rows do not add up; rebuild it")

    def __len__(self) -> int:
        return len(self.ends) - 1

    @property
    def nbytes(self) -> int:
        """Memory held by the rows (buffer and offsets)."""
        return len(self.blob) + self.ends.itemsize * len(self.ends)

    def json(self, rid: int) -> bytes:
        """Row ``rid`` as JSON."""
        return self.blob[self.ends[rid - 1]:self.ends[rid]]

    def page(self, rids: Iterable[int]) -> msgspec.Raw:
        """The rows ``rids`` as one JSON array, ready to be embedded in an answer."""
        blob, ends = self.blob, self.ends
        return msgspec.Raw(b"[" + b",".join([blob[ends[r - 1]:ends[r]] for r in rids]) + b"]")

    def features(self, rids: Iterable[int]) -> list[msgspec.Raw]:
        """The rows ``rids`` as GeoJSON features: the point of the first location (``geometry`` null
        without coordinates), ``properties`` the row without ``lat``/``lon``, ``id`` ``doc_id/event_id``."""
        out = []
        for rid in rids:
            row = self.json(rid)
            where = _WHERE.decode(row)
            cut = row.index(_LAT)
            props = row[:cut] + row[row.index(_GEO, cut):]
            geometry = (b"null" if where.lat is None or where.lon is None else
                        b'{"type":"Point","coordinates":' + _ENCODE.encode([where.lon, where.lat]) + b"}")
            out.append(msgspec.Raw(b'{"type":"Feature","id":' + _ENCODE.encode(f"{where.doc_id}/{where.event_id}")
                                   + b',"geometry":' + geometry + b',"properties":' + props + b"}"))
        return out

    def dicts(self, rids: Iterable[int]) -> list[dict[str, Any]]:
        """The rows ``rids`` as dicts (dates as :class:`datetime.date`, as the store gives them)."""
        out = []
        for rid in rids:
            row: dict[str, Any] = msgspec.json.decode(self.json(rid))
            for key in _DATES:
                if row[key] is not None:
                    row[key] = dt.date.fromisoformat(row[key])
            out.append(row)
        return out


class QueryTimeout(Exception):
    """A read query ran past the server's time limit and was interrupted."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the query ran longer than {seconds:g} s and was stopped; narrow the filters")


class Database:
    """A store opened for serving (read-only unless ``writable``) with its event index built."""

    def __init__(self, path: str, *, writable: bool = False, query_timeout_s: float = 5.0) -> None:
        self.store = Store(path, read_only=not writable)
        self.writable = writable
        self.query_timeout_s = query_timeout_s
        self.write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._index = self.store.cursor()
        self.index_seconds = 0.0
        #: display rows of the index (swapped with the table under the index lock)
        self.rows = EventRows()
        #: how many times the index was built: answers of the same request differ only across builds
        self.generation = 0
        #: the index's aggregate columns as numpy arrays (:mod:`.columns`), swapped with the table
        self.columns = Columns()
        try:
            self.rebuild_index()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the index connection and the store (idempotent)."""
        try:
            self._index.close()
        finally:
            self.store.close()

    def rebuild_index(self) -> None:
        """(Re)build ``api_events`` from the store; after ingestion, readers see the new events."""
        t0 = time.perf_counter()
        with self._index_lock:
            try:
                self._index.execute(_BUILD)
                self.rows = EventRows(_chunks(self._index.execute(_ROWS_JSON)))
                for column in _SHOWN_ONLY:
                    self._index.execute(f"ALTER TABLE {INDEX_TABLE} DROP COLUMN {column}")
                self.columns = Columns(self._index, INDEX_TABLE)
                self.generation += 1
            except duckdb.Error as exc:
                raise StoreError(f"{self.store.path}: cannot build the API's event index: {exc}") from exc
        self.index_seconds = time.perf_counter() - t0

    def _guarded(self, cur: Cursor, body: Callable[[Cursor], T]) -> T:
        timer = threading.Timer(self.query_timeout_s, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return body(cur)
        except duckdb.InterruptException:
            raise QueryTimeout(self.query_timeout_s) from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.store.path}: query failed: {exc}") from exc
        finally:
            timer.cancel()

    def index(self, body: Callable[[Cursor], T]) -> T:
        """Run ``body(cursor)`` on the event index connection (table ``api_events``), time-limited;
        ``self.rows`` read inside ``body`` belongs to the same index."""
        with self._index_lock:
            return self._guarded(self._index, body)

    def read(self, body: Callable[[Cursor], T]) -> T:
        """Run ``body(cursor)`` on a fresh cursor of the store (documents, quotes), time-limited."""
        with self._cursor_lock:
            cur = self.store.cursor()
        try:
            return self._guarded(cur, body)
        finally:
            cur.close()
