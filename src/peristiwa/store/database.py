"""The DuckDB store: one file holding documents, events, quotes, places, runs and errors.

Why DuckDB: one embedded file, no server, columnar scans for the dashboard's aggregations, and Arrow
in/out so writes are bulk (never row-wise ``executemany``: 100k tuples took 89 s here).

Identity and idempotency (the rules ``peristiwa run`` relies on):

* A document's identity is the hash of its cleaned text (:func:`peristiwa.model.content_hash`).
  Writing a document whose text is already stored (under any ``doc_id``) adds nothing: re-running the
  same input is a no-op.
* A document whose ``doc_id`` is stored with *different* text replaces that document: its rows in every
  table are deleted and the new ones inserted in the same transaction. Reprocessing an input whose
  cleaning changed therefore updates it instead of piling up versions.
* ``write(..., replace=True)`` also replaces documents whose text is unchanged (same hash): use it to
  store the output of a newer pipeline over the same inputs.
* Within one input, the first of several identical texts wins and the last of several versions of one
  ``doc_id`` wins, exactly as if they had been written one by one.

Every batch (``batch_size`` documents) is one transaction: a failure leaves the batch out entirely.
A :class:`Store` is not meant to be shared by threads for writing; reads use their own cursor.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb
import msgspec
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import DocumentError, StoreError
from ..model import Document
from . import queries
from .tables import DOC_TABLES, documents_to_tables, unique_documents

__all__ = ["SCHEMA_VERSION", "Store", "WriteStats"]

#: Version of ``schema.sql``; a store written by a newer version is refused, an older one migrated.
SCHEMA_VERSION = 1

#: WAL size at which DuckDB checkpoints a writable store (DuckDB's default is 16 MB). Why larger: a
#: checkpoint compresses the new rows and rewrites the indexes of ``doc_id`` and ``content_hash``, so its
#: cost grows with the store; a stored document takes about 20 KB of WAL, so the default checkpointed
#: every ~800 documents. Writing 16,800 documents took 11.5-13.1 s CPU with the default and 7.1 s with
#: 256 MB (the file came out smaller too, 77 MB against 99 MB, and peak RSS was no higher). The WAL is
#: replayed if the process dies, so nothing committed is lost; closing the store checkpoints.
CHECKPOINT_THRESHOLD = "256MB"

#: SQL that upgrades a store from version ``v - 1`` to ``v`` (none yet).
_MIGRATIONS: dict[int, str] = {}

_DateArg = dt.date | str | None
_T = TypeVar("_T")


@dataclass(frozen=True)
class WriteStats:
    """What one write did. ``added`` counts documents written (new or replacing an older version);
    ``replaced`` is the part of ``added`` that replaced a stored document or an earlier version in the
    same input; ``skipped_duplicates`` the documents whose text was already there."""

    added: int = 0
    replaced: int = 0
    skipped_duplicates: int = 0
    events: int = 0
    quotes: int = 0

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            self.added + other.added,
            self.replaced + other.replaced,
            self.skipped_duplicates + other.skipped_duplicates,
            self.events + other.events,
            self.quotes + other.quotes,
        )


def _first(*values: int | None) -> int | None:
    """The first value that is not None."""
    return next((v for v in values if v is not None), None)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, turning DuckDB's errors into a :class:`StoreError` that names the path."""
    memory = str(path) == ":memory:"
    if read_only and not memory and not path.exists():
        raise StoreError(f"{path}: no store at this path (run `peristiwa run` first to create one)")
    if not memory and path.is_dir():
        raise StoreError(f"{path}: is a directory, not a DuckDB store file")
    if not read_only and not memory:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError(
                f"{path}: the store is locked by another process (only one writer at a time); "
                f"stop it or open this store read-only once it is done. DuckDB said: {msg}"
            ) from None
        if "different configuration" in msg:
            raise StoreError(
                f"{path}: already open in this process in the other mode (read-only vs writable); "
                "reuse the open Store or close it first"
            ) from None
        if "not a valid DuckDB database" in msg:
            raise StoreError(f"{path}: not a DuckDB database file; choose another store path") from None
        raise StoreError(f"{path}: cannot open the store: {msg}") from None


class Store:
    """A peristiwa store over one DuckDB file; use as a context manager.

    >>> with Store(":memory:") as store:
    ...     store.write([Document(doc_id="a", text="Polisi menangkap tiga orang.")]).added
    1
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, batch_size: int = 256) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.batch_size = max(1, int(batch_size))
        self._con: duckdb.DuckDBPyConnection | None = _connect(self.path, read_only)
        try:
            if not read_only:
                self._con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            self._ensure_schema()
        except BaseException:
            self.close()
            raise

    # -- lifecycle ------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent); the file lock is released."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for ad-hoc SQL (exports, the API)."""
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor on the same database (one per thread or per streaming read)."""
        return self.connection.cursor()

    def _ensure_schema(self) -> None:
        con = self.connection
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()}
        if "schema_version" not in names:
            if self.read_only:
                raise StoreError(f"{self.path}: a DuckDB file but not a peristiwa store (no schema_version)")
            if names:
                raise StoreError(
                    f"{self.path}: a DuckDB file with other tables ({', '.join(sorted(names))}), "
                    "not a peristiwa store; choose another store path"
                )
            sql = resources.files("peristiwa.store").joinpath("schema.sql").read_text("utf-8")
            self._transaction(lambda: self._apply(sql, SCHEMA_VERSION))
            return
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = int(row[0]) if row and row[0] is not None else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this peristiwa "
                f"(knows {SCHEMA_VERSION}); upgrade peristiwa"
            )
        if version < SCHEMA_VERSION and self.read_only:
            raise StoreError(f"{self.path}: schema version {version} needs migrating; open it writable once")
        for v in range(version + 1, SCHEMA_VERSION + 1):
            self._transaction(partial(self._apply, _MIGRATIONS[v], v))

    def _apply(self, sql: str, version: int) -> None:
        self.connection.execute(sql)
        self.connection.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _utcnow()])

    def _transaction(self, body: Callable[[], _T]) -> _T:
        """Run ``body()`` in one transaction; roll back and raise :class:`StoreError` on failure."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        con = self.connection
        con.begin()
        try:
            result = body()
            con.commit()
        except BaseException as exc:
            con.rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: write failed and was rolled back: {exc}") from exc
            raise
        return result

    # -- writes ---------------------------------------------------------------------------------------

    def write(
        self,
        docs: Iterable[Document],
        run_id: str | None = None,
        *,
        replace: bool = False,
        batch_size: int | None = None,
    ) -> WriteStats:
        """Store documents idempotently in transactions of ``batch_size`` (see the module docstring)."""
        size = max(1, batch_size or self.batch_size)
        total = WriteStats()
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                total += self._write_batch(batch, run_id, replace)
                batch = []
        if batch:
            total += self._write_batch(batch, run_id, replace)
        return total

    def _write_batch(self, batch: list[Document], run_id: str | None, replace: bool) -> WriteStats:
        kept, duplicates, superseded = unique_documents(batch)
        stats = self.write_tables(documents_to_tables(kept, run_id=run_id), replace=replace)
        return stats + WriteStats(replaced=superseded, skipped_duplicates=duplicates)

    def write_tables(
        self, tables: Mapping[str, pa.Table], run_id: str | None = None, *, replace: bool = False
    ) -> WriteStats:
        """Store one batch of tables from :func:`documents_to_tables` (or a Parquet partition) in one
        transaction, with the identity rules of :meth:`write`. ``run_id``, when given, overrides the
        documents' ``run_id`` column. ``doc_id`` must be unique within ``tables["documents"]``."""
        docs_t = tables["documents"]
        ids: list[str] = docs_t.column("doc_id").to_pylist()
        hashes: list[str] = docs_t.column("content_hash").to_pylist()
        self._check_unique(ids)
        con = self.connection

        def body() -> WriteStats:
            plan = self._plan(ids, hashes, replace)
            n_events = n_quotes = 0
            if plan.accepted:
                keep = pa.array([ids[i] for i in plan.accepted], pa.string())
                for name in DOC_TABLES:
                    table = tables[name]
                    if name == "documents":
                        table = table.take(pa.array(plan.accepted, pa.int64()))
                        if run_id is not None:
                            col = pa.array([run_id] * table.num_rows, pa.string())
                            table = table.set_column(table.schema.get_field_index("run_id"), "run_id", col)
                    elif len(plan.accepted) < len(ids):
                        table = table.filter(pc.is_in(table.column("doc_id"), value_set=keep))
                    if name == "events":
                        n_events = table.num_rows
                    elif name == "quotes":
                        n_quotes = table.num_rows
                    if table.num_rows:
                        with _registered(con, "_peristiwa_incoming", table):
                            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _peristiwa_incoming")
            return WriteStats(len(plan.accepted), plan.replaced, plan.skipped, n_events, n_quotes)

        return self._transaction(body)

    def write_parquet(
        self,
        parts: Mapping[str, str | Path] | Sequence[Mapping[str, str | Path]],
        run_id: str | None = None,
        *,
        replace: bool = False,
    ) -> WriteStats:
        """Store Parquet parts, each a file per table of ``DOC_TABLES`` (as
        :func:`~peristiwa.store.partitions.write_partition` writes them; a missing child file means no
        rows), in input order and one transaction, with the identity rules of :meth:`write`. When a
        ``doc_id`` occurs in two of the parts (a later version), the parts are stored one transaction
        each, so that the later one replaces the earlier as :meth:`write` would.

        Why besides :meth:`write_tables`: DuckDB reads the files itself (``read_parquet``, set-based
        ``INSERT … SELECT``), so the rows never pass through Python or pyarrow in the process that holds
        the store; merging worker output this way took about 35 % less CPU than reading the files with
        pyarrow and inserting the Arrow tables, and a third less again with about 1,000 documents per
        transaction instead of one part of 256. Only the ``(doc_id, content_hash)`` keys are fetched, to
        apply the identity rules."""
        group = [parts] if isinstance(parts, Mapping) else list(parts)
        if not group:
            return WriteStats()
        docs = [str(part.get("documents", "")) for part in group]
        missing = [d for d in docs if not d or not Path(d).exists()]
        if missing:
            raise StoreError(f"{self.path}: no documents file {missing[0]!r} in a Parquet part")
        con = self.connection
        keys = [
            key for doc_file in docs for key in con.execute(
                "SELECT doc_id, content_hash FROM read_parquet(?, file_row_number = true) ORDER BY file_row_number",
                [doc_file],
            ).fetchall()
        ]
        ids = [str(d) for d, _ in keys]
        hashes = [str(h) for _, h in keys]
        if len(group) > 1 and len(set(ids)) != len(ids):
            total = WriteStats()
            for part in group:
                total += self.write_parquet(part, run_id, replace=replace)
            return total
        self._check_unique(ids)
        tables = {
            name: found
            for name in DOC_TABLES
            if (found := [str(part[name]) for part in group if name in part and Path(part[name]).exists()])
        }

        def body() -> WriteStats:
            plan = self._plan(ids, hashes, replace)
            inserted: dict[str, int] = {}
            if plan.accepted:
                some = len(plan.accepted) < len(ids)
                where = " WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))" if some else ""
                keep = [ids[i] for i in plan.accepted]
                for name, found in tables.items():
                    stamp = name == "documents" and run_id is not None
                    select = "* REPLACE (?::VARCHAR AS run_id)" if stamp else "*"
                    params: list[Any] = [run_id] if stamp else []
                    params.append(found)
                    if some:
                        params.append(keep)
                    sql = f"INSERT INTO {name} BY NAME SELECT {select} FROM read_parquet(?){where}"
                    row = con.execute(sql, params).fetchone()
                    inserted[name] = int(row[0]) if row else 0
            return WriteStats(
                len(plan.accepted), plan.replaced, plan.skipped, inserted.get("events", 0), inserted.get("quotes", 0)
            )

        return self._transaction(body)

    def _check_unique(self, ids: Sequence[str]) -> None:
        if len(set(ids)) != len(ids):
            raise StoreError(f"{self.path}: a batch holds the same doc_id twice; de-duplicate it first")

    def _plan(self, ids: Sequence[str], hashes: Sequence[str], replace: bool) -> _Plan:
        """Apply the identity rules to one batch of keys against the store, inside the write's
        transaction: which rows to insert, and delete the stored documents they replace."""
        by_id = dict(self._stored_keys(ids, hashes))  # stored doc_id -> hash
        by_hash = {h: d for d, h in by_id.items()}
        seen: set[str] = set()
        plan = _Plan()
        delete: set[str] = set()
        for i, (doc_id, h) in enumerate(zip(ids, hashes, strict=True)):
            if h in seen or (h in by_hash and not replace):
                plan.skipped += 1
                continue
            seen.add(h)
            old = {d for d in (doc_id if doc_id in by_id else None, by_hash.get(h)) if d is not None}
            for d in old:  # later documents of the batch see the store as it is after this one
                by_hash.pop(by_id.pop(d), None)
            if old:
                plan.replaced += 1
                delete |= old
            plan.accepted.append(i)
        if delete:
            con = self.connection
            keys = pa.table({"doc_id": pa.array(sorted(delete), pa.string())})
            with _registered(con, "_peristiwa_delete", keys):
                for name in DOC_TABLES:
                    con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _peristiwa_delete)")
        return plan

    def _stored_keys(self, ids: Sequence[str], hashes: Sequence[str]) -> list[tuple[str, str]]:
        """``(doc_id, content_hash)`` of stored documents sharing an id or a hash with the batch."""
        if not ids:
            return []
        con = self.connection
        keys = pa.table({"doc_id": pa.array(ids, pa.string()), "content_hash": pa.array(hashes, pa.string())})
        with _registered(con, "_peristiwa_keys", keys):
            rows = con.execute(
                "SELECT doc_id, content_hash FROM documents "
                "WHERE doc_id IN (SELECT doc_id FROM _peristiwa_keys) "
                "OR content_hash IN (SELECT content_hash FROM _peristiwa_keys)"
            ).fetchall()
        return [(str(d), str(h)) for d, h in rows]

    # -- runs and errors ------------------------------------------------------------------------------

    def start_run(
        self, config: Mapping[str, Any] | None = None, inputs: Iterable[str | Path] = (), *,
        run_id: str | None = None,
    ) -> str:
        """Record the start of a run (its config as a plain dict and the inputs); returns its id."""
        from .. import __version__

        rid = run_id or f"{_utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        cfg = msgspec.json.encode(dict(config or {})).decode("utf-8")
        inp = msgspec.json.encode([str(i) for i in inputs]).decode("utf-8")
        sql = "INSERT INTO runs (run_id, started, config, inputs, version) VALUES (?, ?, ?, ?, ?)"
        self._transaction(partial(self.connection.execute, sql, [rid, _utcnow(), cfg, inp, __version__]))
        return rid

    def finish_run(
        self, run_id: str, stats: WriteStats | None = None, *, documents: int | None = None,
        added: int | None = None, skipped: int | None = None, events: int | None = None,
        quotes: int | None = None, errors: int | None = None,
    ) -> None:
        """Mark a run finished with its counts. Keywords win over ``stats``; what neither gives is
        counted from the rows this run stored (added, events, quotes) and its recorded errors;
        ``documents`` (inputs that reached the store) defaults to added + skipped."""
        con = self.connection

        def body() -> None:
            if con.execute("SELECT 1 FROM runs WHERE run_id = ?", [run_id]).fetchone() is None:
                raise StoreError(f"{self.path}: no run {run_id!r} to finish")
            row = con.execute(
                "SELECT count(*), coalesce(sum(n_events), 0), coalesce(sum(n_quotes), 0) "
                "FROM documents WHERE run_id = ?", [run_id],
            ).fetchone()
            stored = [int(v) for v in row] if row else [0, 0, 0]
            g: tuple[int | None, ...] = (
                (stats.added, stats.skipped_duplicates, stats.events, stats.quotes) if stats else (None,) * 4
            )
            n_add = _first(added, g[0], stored[0])
            n_skip = _first(skipped, g[1])
            n_ev = _first(events, g[2], stored[1])
            n_q = _first(quotes, g[3], stored[2])
            n_docs = _first(documents, None if n_add is None else n_add + (n_skip or 0))
            con.execute(
                "UPDATE runs SET finished = ?, documents = ?, added = ?, skipped = ?, events = ?, quotes = ?, "
                "errors = coalesce(?, (SELECT count(*) FROM errors WHERE run_id = ?)) WHERE run_id = ?",
                [_utcnow(), n_docs, n_add, n_skip, n_ev, n_q, errors, run_id, run_id],
            )

        self._transaction(body)

    def record_errors(self, run_id: str | None, errors: Iterable[DocumentError]) -> int:
        """Store per-document errors (``where``, ``reason``, ``message``) in one bulk insert."""
        rows = [
            (getattr(e, "where", None), getattr(e, "reason", None) or type(e).__name__,
             getattr(e, "message", None) or str(e))
            for e in errors
        ]
        if not rows:
            return 0
        now = _utcnow()
        table = pa.table({
            "run_id": pa.array([run_id] * len(rows), pa.string()),
            "where": pa.array([r[0] for r in rows], pa.string()),
            "reason": pa.array([r[1] for r in rows], pa.string()),
            "message": pa.array([r[2] for r in rows], pa.string()),
            "at": pa.array([now] * len(rows), pa.timestamp("us")),
        })
        con = self.connection

        def body() -> None:
            with _registered(con, "_peristiwa_errors", table):
                con.execute("INSERT INTO errors BY NAME SELECT * FROM _peristiwa_errors")

        self._transaction(body)
        return len(rows)

    # -- reads (SQL in queries.py) ---------------------------------------------------------------------

    def events(
        self, *, type: str | Sequence[str] | None = None, actor: str | None = None,
        recipient: str | None = None, country: str | None = None, place: str | None = None,
        date_from: _DateArg = None, date_to: _DateArg = None, text: str | None = None,
        source: str | None = None, modality: str | None = None, doc_id: str | None = None,
        lang: str | None = None, min_confidence: float | None = None,
        limit: int | None = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Flat event rows matching every filter given (see :func:`queries.events`)."""
        return queries.events(
            self.cursor(), type=type, actor=actor, recipient=recipient, country=country, place=place,
            date_from=date_from, date_to=date_to, text=text, source=source, modality=modality,
            doc_id=doc_id, lang=lang, min_confidence=min_confidence, limit=limit, offset=offset,
        )

    def count_events(self, **filters: Any) -> int:
        """Number of events matching the filters of :meth:`events` (for paging)."""
        return queries.count_events(self.cursor(), **filters)

    def document(self, doc_id: str) -> Document:
        """The stored document rebuilt exactly; ``KeyError`` when there is none with that id."""
        return queries.document(self.cursor(), doc_id)

    def documents(
        self, *, lang: str | None = None, source: str | None = None, date_from: _DateArg = None,
        date_to: _DateArg = None, text: str | None = None, run_id: str | None = None,
        limit: int | None = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Summary rows of stored documents (no text), newest publication first."""
        return queries.documents(
            self.cursor(), lang=lang, source=source, date_from=date_from, date_to=date_to, text=text,
            run_id=run_id, limit=limit, offset=offset,
        )

    def iter_documents(self, *, doc_ids: Iterable[str] | None = None, page: int = 256) -> Iterator[Document]:
        """Every stored document (or those of ``doc_ids``) in ``doc_id`` order, read page by page."""
        return queries.iter_documents(self.cursor(), doc_ids=doc_ids, page=page)

    def quotes(
        self, *, speaker: str | None = None, text: str | None = None, doc_id: str | None = None,
        direct: bool | None = None, limit: int | None = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Flat quote rows matching the filters."""
        return queries.quotes(
            self.cursor(), speaker=speaker, text=text, doc_id=doc_id, direct=direct, limit=limit, offset=offset
        )

    def errors(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded errors, oldest first, of one run or of all runs."""
        return queries.errors(self.cursor(), run_id)

    def runs(self) -> list[dict[str, Any]]:
        """All runs, newest first, with config and inputs decoded."""
        return queries.runs(self.cursor())

    def stats(self) -> dict[str, Any]:
        """Table sizes and event counts by type, day, country, language and modality."""
        return queries.stats(self.cursor())


@dataclass
class _Plan:
    """What the identity rules decided for one batch: row positions to insert, and the counts."""

    accepted: list[int] = field(default_factory=list)
    skipped: int = 0
    replaced: int = 0


class _registered:
    """Register an Arrow table under a name for the duration of a ``with`` block."""

    def __init__(self, con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
        self.con, self.name, self.table = con, name, table

    def __enter__(self) -> None:
        self.con.register(self.name, self.table)

    def __exit__(self, *exc: object) -> None:
        self.con.unregister(self.name)
