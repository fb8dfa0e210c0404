"""The API's handle on the store: per-request cursors for documents and quotes, and an in-memory event
index for everything the dashboard filters, sorts, clusters and counts.

Why an in-memory index: a page of events joins ``events`` with ``documents`` (the effective date falls
back to the publication date) and filters on ``event_arguments`` (actors, places, countries); on 100k
events that join and the wide columns carried through the sort cost 80-150 ms per request. Flattening
it once into one connection-local in-memory table (``api_events``: one row per event, the display
columns, the effective dates, and the argument texts joined into lower-cased strings) makes a page a
2 ms top-N over narrow columns plus a 5 ms fetch of 50 rows by an ART index. It costs about 1 KB of
memory per event and ~0.7 s per 100k events at start-up.

Why it cannot go stale: a read-only server holds DuckDB's shared lock, so no process can write the file
while it runs; with ``--allow-ingest`` the server is the only writer and rebuilds the index after each
ingestion request. The index lives on one dedicated connection (DuckDB temp tables are per connection),
so its queries are serialised by a lock; each takes a few milliseconds.

A query that runs past ``query_timeout_s`` is interrupted (DuckDB's ``interrupt``) so one expensive
filter cannot hold a worker; the caller gets a 503 that says to narrow the filters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

import duckdb

from ..errors import StoreError
from ..store import Store

__all__ = ["INDEX_TABLE", "Database", "QueryTimeout"]

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
                self._index.execute(f"CREATE INDEX {INDEX_TABLE}_rid ON {INDEX_TABLE} (rid)")
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
        """Run ``body(cursor)`` on the event index connection (table ``api_events``), time-limited."""
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
