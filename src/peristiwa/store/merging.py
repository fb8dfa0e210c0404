"""Cross-article merging in the store: duplicate groups and event clusters as tables beside the events.

Why in the store and not in the pipeline: both decisions look across documents, so they run after
documents are stored (by ``peristiwa run``, one process or many), over everything stored so far.

* ``duplicate_groups``: one row per document: its group, whether it is the canonical copy (earliest,
  then longest), the copy it matched and the estimated similarity, and its MinHash **signature** with its
  shingle count. Grouping is incremental: signatures of documents already seen are reloaded, only new or
  changed documents are read and hashed, and a document added later joins the existing group (which keeps
  its id). Removing or replacing a document drops or recomputes its row.
* ``event_clusters``: one row per stored event: its cluster (the merged real-world event), the member it
  was linked to and the **reason** (JSON: which fields agreed, distances, overlaps, score), and the
  thresholds used. Recomputed wholly from the events and the options each time, so re-running with other
  thresholds undoes or redoes merges; nothing in the events themselves is changed.
* ``merged_events`` (a view): one row per cluster with every report (document, outlet, who claims it and
  its counts side by side: conflicting numbers are never reduced to one).
* ``merge_runs``: when each computation ran, with which parameters and what it found.

The tables are created here with ``CREATE TABLE IF NOT EXISTS`` on first use (the core schema does not
need them), and only ever written by :func:`update_duplicates` and :func:`update_event_clusters`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import msgspec
import pyarrow as pa

from ..errors import StoreError
from ..merge.duplicates import SIGNATURE_SCHEME, DuplicateIndex
from ..merge.events import EventRef, MergedEvent, MergeOptions, MergeReason, evidence_words, merge_events
from ..model import Count
from .database import Store

__all__ = [
    "ClusterStats",
    "DuplicateOptions",
    "DuplicateStats",
    "duplicate_groups",
    "ensure_merge_tables",
    "event_refs",
    "has_merge_tables",
    "merge_store",
    "merged_events",
    "update_duplicates",
    "update_event_clusters",
]

_DDL = """
CREATE TABLE IF NOT EXISTS duplicate_groups (
    doc_id        VARCHAR PRIMARY KEY,
    group_id      VARCHAR NOT NULL,         -- stable: a group keeps its id when copies join it later
    canonical     BOOLEAN NOT NULL,         -- the earliest (then longest) copy of its group
    group_size    INTEGER NOT NULL,
    linked_to     VARCHAR,                  -- the copy this document matched when it joined the group
    jaccard       DOUBLE,                   -- estimated shingle Jaccard similarity with linked_to
    containment   DOUBLE,                   -- estimated share of the smaller text found in the larger
    content_hash  VARCHAR NOT NULL,         -- documents.content_hash the signature was computed from
    published     DATE,
    length        INTEGER,
    n_shingles    INTEGER,
    signature     BLOB NOT NULL,            -- MinHash values, little-endian uint32
    num_perm      INTEGER NOT NULL,
    shingle_size  INTEGER NOT NULL,
    scheme        VARCHAR,                  -- how it was computed (merge.duplicates.SIGNATURE_SCHEME)
    computed_at   TIMESTAMP NOT NULL
);
ALTER TABLE duplicate_groups ADD COLUMN IF NOT EXISTS scheme VARCHAR;
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id    VARCHAR NOT NULL,         -- doc_id/event_id of the cluster's earliest report
    doc_id        VARCHAR NOT NULL,
    event_id      VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,
    n_members     INTEGER NOT NULL,
    n_documents   INTEGER NOT NULL,
    linked_to     VARCHAR,                  -- the member this event was merged with (NULL for the first)
    score         DOUBLE,
    reason        JSON,                     -- MergeReason: agreed fields, date gap, km, overlaps, score
    params        JSON NOT NULL,            -- the MergeOptions used
    computed_at   TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS merge_runs (
    kind          VARCHAR NOT NULL,         -- duplicates or events
    params        JSON,
    stats         JSON,
    computed_at   TIMESTAMP NOT NULL
);
CREATE OR REPLACE VIEW merged_events AS
SELECT c.cluster_id,
       any_value(c.type) AS type,
       count(*) AS n_reports,
       count(DISTINCT c.doc_id) AS n_documents,
       min(coalesce(e.date_first, d.published)) AS date_first,
       max(coalesce(e.date_last, d.published)) AS date_last,
       list(DISTINCT d.source) FILTER (WHERE d.source IS NOT NULL) AS outlets,
       list(c.doc_id ORDER BY c.doc_id) AS doc_ids,
       list(struct_pack(doc_id := c.doc_id, event_id := c.event_id, outlet := d.source,
                        claimed_by := e.source, published := d.published, evidence := e.evidence_text,
                        counts := e.counts, reason := c.reason) ORDER BY d.published, c.doc_id) AS reports
FROM event_clusters c
JOIN events e USING (doc_id, event_id)
JOIN documents d USING (doc_id)
GROUP BY c.cluster_id;
"""

_json = msgspec.json.Encoder()


def _js(value: Any) -> str:
    return _json.encode(value).decode("utf-8")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def has_merge_tables(store: Store) -> bool:
    """True when the store already holds the merge tables (read-only stores never get them created)."""
    rows = store.cursor().execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND table_name IN ('duplicate_groups', 'event_clusters')"
    ).fetchall()
    return len(rows) == 2


def ensure_merge_tables(store: Store) -> None:
    """Create the merge tables and view when missing (idempotent; needs a writable store)."""
    if store.read_only:
        if not has_merge_tables(store):
            raise StoreError(f"{store.path}: no merge tables yet; run `peristiwa merge` on it once")
        return
    store._transaction(lambda: store.connection.execute(_DDL))


def _replace_table(
    store: Store, name: str, table: pa.Table, run: tuple[str, dict[str, Any], dict[str, Any]]
) -> None:
    con = store.connection

    def body() -> None:
        con.execute(f"DELETE FROM {name}")
        if table.num_rows:
            con.register("_peristiwa_merge_rows", table)
            try:
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _peristiwa_merge_rows")
            finally:
                con.unregister("_peristiwa_merge_rows")
        kind, params, stats = run
        con.execute("INSERT INTO merge_runs VALUES (?, ?, ?, ?)", [kind, _js(params), _js(stats), _now()])

    store._transaction(body)


def _batches(cur: duckdb.DuckDBPyConnection, size: int = 2048) -> Iterator[list[tuple[Any, ...]]]:
    while rows := cur.fetchmany(size):
        yield rows


# -- duplicates ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateOptions:
    """Thresholds of near-duplicate grouping (see :class:`~peristiwa.merge.duplicates.DuplicateIndex`)."""

    threshold: float = 0.5
    containment: float = 0.8
    candidate_threshold: float = 0.3
    min_shingles: int = 25
    num_perm: int = 128
    shingle_size: int = 5

    def index(self) -> DuplicateIndex:
        """An empty index with these thresholds."""
        return DuplicateIndex(**asdict(self))


@dataclass(frozen=True)
class DuplicateStats:
    """What :func:`update_duplicates` did."""

    documents: int = 0
    hashed: int = 0
    reused: int = 0
    groups: int = 0
    grouped_documents: int = 0
    seconds: float = 0.0


_DUP_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("group_id", pa.string()), ("canonical", pa.bool_()), ("group_size", pa.int32()),
    ("linked_to", pa.string()), ("jaccard", pa.float64()), ("containment", pa.float64()),
    ("content_hash", pa.string()), ("published", pa.date32()), ("length", pa.int32()),
    ("n_shingles", pa.int32()), ("signature", pa.binary()), ("num_perm", pa.int32()),
    ("shingle_size", pa.int32()), ("scheme", pa.string()), ("computed_at", pa.timestamp("us")),
])


def update_duplicates(store: Store, options: DuplicateOptions | None = None) -> DuplicateStats:
    """Group the stored documents into near-duplicate groups, reusing stored signatures (incremental)."""
    started = time.perf_counter()
    opts = options or DuplicateOptions()
    ensure_merge_tables(store)
    idx = opts.index()
    meta: dict[str, tuple[str, dt.date | None, int, int, bytes]] = {}
    previous: dict[str, str] = {}
    cur = store.cursor()
    # signatures still valid: same text, same hashing parameters
    cur.execute(
        "SELECT g.doc_id, g.group_id, g.content_hash, g.published, g.length, g.n_shingles, g.signature "
        "FROM duplicate_groups g JOIN documents d ON d.doc_id = g.doc_id AND d.content_hash = g.content_hash "
        "WHERE g.num_perm = ? AND g.shingle_size = ? AND g.scheme = ? "
        "ORDER BY g.published NULLS LAST, g.doc_id",
        [opts.num_perm, opts.shingle_size, SIGNATURE_SCHEME],
    )
    for rows in _batches(cur):
        for doc_id, group_id, h, published, length, size, blob in rows:
            idx.add_signature(doc_id, idx.load_signature(blob), published, length, size=size)
            meta[doc_id] = (h, published, length, size, bytes(blob))
            previous[doc_id] = group_id
    reused = len(meta)
    cur.execute(
        "SELECT d.doc_id, d.content_hash, d.published, d.text FROM documents d WHERE NOT EXISTS ("
        "SELECT 1 FROM duplicate_groups g WHERE g.doc_id = d.doc_id AND g.content_hash = d.content_hash "
        "AND g.num_perm = ? AND g.shingle_size = ? AND g.scheme = ?) "
        "ORDER BY d.published NULLS LAST, d.doc_id",
        [opts.num_perm, opts.shingle_size, SIGNATURE_SCHEME],
    )
    hashed = 0
    for rows in _batches(cur, 512):
        for doc_id, h, published, text in rows:
            sig, size = idx.signature_and_size(text)
            idx.add_signature(doc_id, sig, published, len(text), size=size)
            meta[doc_id] = (h, published, len(text), size, idx.dump_signature(sig))
            hashed += 1
    groups = idx.groups(singletons=True)
    names = _stable_group_ids(groups, previous)
    now = _now()
    cols: dict[str, list[Any]] = {name: [] for name in _DUP_SCHEMA.names}
    n_groups = n_grouped = 0
    for g in groups:
        gid = names[g.group_id]
        if len(g.members) > 1:
            n_groups += 1
            n_grouped += len(g.members)
        for doc_id in g.members:
            h, published, length, size, blob = meta[doc_id]
            link = idx.link_of(doc_id)
            row = (doc_id, gid, doc_id == g.canonical, len(g.members), link.other if link else None,
                   link.jaccard if link else None, link.containment if link else None, h, published, length,
                   size, blob, opts.num_perm, opts.shingle_size, SIGNATURE_SCHEME, now)
            for name, value in zip(_DUP_SCHEMA.names, row, strict=True):
                cols[name].append(value)
    table = pa.table(cols, schema=_DUP_SCHEMA)
    seconds = round(time.perf_counter() - started, 3)
    stats = DuplicateStats(len(meta), hashed, reused, n_groups, n_grouped, seconds)
    _replace_table(store, "duplicate_groups", table, ("duplicates", asdict(opts), asdict(stats)))
    return stats


def _stable_group_ids(groups: list[Any], previous: dict[str, str]) -> dict[str, str]:
    """Keep a group's stored id when its members had one; a new group is named by its smallest member.

    When a stored group splits (stricter thresholds), the part holding the document the id was named
    after keeps it. No two groups get the same id.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    old_ids = set(previous.values())
    # first, parts that hold the document their old group was named after
    for g in groups:
        own = sorted(m for m in g.members if m in old_ids and previous.get(m) == m)
        if own and own[0] not in used:
            names[g.group_id] = own[0]
            used.add(own[0])
    for g in sorted(groups, key=lambda g: (-len(g.members), g.group_id)):
        if g.group_id in names:
            continue
        votes: dict[str, int] = {}
        for m in g.members:
            if m in previous and previous[m] not in used:
                votes[previous[m]] = votes.get(previous[m], 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        choice = ranked[0][0] if ranked else next((m for m in sorted(g.members) if m not in used), None)
        if choice is None:  # every member's id already names another group
            k = 1
            while f"{min(g.members)}~{k}" in used:
                k += 1
            choice = f"{min(g.members)}~{k}"
        used.add(choice)
        names[g.group_id] = choice
    return names


def duplicate_groups(store: Store, *, min_size: int = 2, limit: int | None = 100) -> list[dict[str, Any]]:
    """Groups with at least ``min_size`` copies: group id, canonical copy and members with their links."""
    if not has_merge_tables(store):
        return []
    sql = (
        "SELECT group_id, any_value(doc_id) FILTER (WHERE canonical) AS canonical, count(*) AS size, "
        "list(struct_pack(doc_id := doc_id, published := published, linked_to := linked_to, "
        "jaccard := jaccard, containment := containment) ORDER BY published, doc_id) AS members "
        "FROM duplicate_groups GROUP BY group_id HAVING count(*) >= ? ORDER BY size DESC, group_id"
    )
    params: list[Any] = [min_size]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cur = store.cursor().execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# -- events -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterStats:
    """What :func:`update_event_clusters` did."""

    events: int = 0
    clusters: int = 0
    merged_clusters: int = 0
    merged_events: int = 0
    seconds: float = 0.0


_EVENTS_SQL = """
WITH loc AS (
    SELECT doc_id, event_id,
           arg_min(struct_pack(lat := lat, lon := lon, country := country), ord) AS p
    FROM event_arguments WHERE role = 'location' AND lat IS NOT NULL AND lon IS NOT NULL
    GROUP BY doc_id, event_id
)
SELECT e.doc_id, e.event_id, e.type, e.date_first, e.date_last, loc.p.lat, loc.p.lon,
       coalesce(loc.p.country, e.location_country), e.actor_names, e.recipient_names, e.counts, e.source,
       e.evidence_text, d.published, d.source, g.group_id
FROM events e
JOIN documents d USING (doc_id)
LEFT JOIN loc USING (doc_id, event_id)
LEFT JOIN {groups} g USING (doc_id)
ORDER BY d.published NULLS LAST, e.doc_id, e.ord
"""


def _counts(raw: str | None) -> tuple[Count, ...]:
    if not raw:
        return ()
    out = []
    for c in msgspec.json.decode(raw):
        span = c.get("span") or [0, 0]
        out.append(Count(start=int(span[0]), end=int(span[1]), kind=c["kind"], value=int(c["value"]),
                         qualifier=c.get("qualifier") or "exact", object=c.get("object")))
    return tuple(out)


def event_refs(store: Store) -> tuple[list[EventRef], dict[str, dt.date]]:
    """Every stored event as merge input, and each document's publication date (for undated events)."""
    none = "(SELECT NULL::VARCHAR AS doc_id, NULL::VARCHAR AS group_id)"
    groups = "duplicate_groups" if has_merge_tables(store) else none
    cur = store.cursor().execute(_EVENTS_SQL.format(groups=groups))
    refs: list[EventRef] = []
    published: dict[str, dt.date] = {}
    for rows in _batches(cur):
        for (doc_id, event_id, type_, first, last, lat, lon, country, actors, recipients, counts, source,
             evidence, pub, outlet, group_id) in rows:
            if pub is not None:
                published[doc_id] = pub
            names = frozenset(n.lower() for n in (*(actors or ()), *(recipients or ())) if n)
            refs.append(EventRef(
                doc_id=doc_id, event_id=event_id, type=type_, first=first, last=last, lat=lat, lon=lon,
                country=country, participants=names, counts=_counts(counts), source=source,
                group_id=group_id, words=evidence_words(evidence or ""), outlet=outlet,
            ))
    return refs, published


_CLUSTER_SCHEMA = pa.schema([
    ("cluster_id", pa.string()), ("doc_id", pa.string()), ("event_id", pa.string()), ("type", pa.string()),
    ("n_members", pa.int32()), ("n_documents", pa.int32()), ("linked_to", pa.string()),
    ("score", pa.float64()), ("reason", pa.string()), ("params", pa.string()),
    ("computed_at", pa.timestamp("us")),
])


def _tree(merged: MergedEvent) -> dict[str, MergeReason]:
    """Orient the cluster's links away from its first member: each member gets the link to its parent."""
    adjacent: dict[str, list[tuple[str, MergeReason]]] = {}
    for r in merged.reasons:
        adjacent.setdefault(r.a, []).append((r.b, r))
        adjacent.setdefault(r.b, []).append((r.a, r))
    parent: dict[str, MergeReason] = {}
    seen = {merged.cluster_id}
    queue = [merged.cluster_id]
    while queue:
        node = queue.pop(0)
        for other, reason in adjacent.get(node, ()):
            if other not in seen:
                seen.add(other)
                parent[other] = reason
                queue.append(other)
    return parent


def update_event_clusters(store: Store, options: MergeOptions | None = None) -> ClusterStats:
    """Cluster every stored event across documents and rewrite ``event_clusters`` (pure function of the
    events, the duplicate groups and ``options``: re-running with other thresholds undoes merges)."""
    started = time.perf_counter()
    opts = options or MergeOptions()
    ensure_merge_tables(store)
    refs, published = event_refs(store)
    merged = merge_events(refs, opts, published)
    params = _js(asdict(opts))
    now = _now()
    cols: dict[str, list[Any]] = {name: [] for name in _CLUSTER_SCHEMA.names}
    n_merged = n_merged_events = 0
    for m in merged:
        links = _tree(m)
        n_docs = len(m.documents)
        if len(m.members) > 1:
            n_merged += 1
            n_merged_events += len(m.members)
        for key in m.members:
            doc_id, event_id = key.split("/", 1)
            reason = links.get(key)
            other = None if reason is None else (reason.b if reason.a == key else reason.a)
            row = (m.cluster_id, doc_id, event_id, m.type, len(m.members), n_docs, other,
                   None if reason is None else reason.score,
                   None if reason is None else _js(reason.to_dict()),
                   params, now)
            for name, value in zip(_CLUSTER_SCHEMA.names, row, strict=True):
                cols[name].append(value)
    table = pa.table(cols, schema=_CLUSTER_SCHEMA)
    seconds = round(time.perf_counter() - started, 3)
    stats = ClusterStats(len(refs), len(merged), n_merged, n_merged_events, seconds)
    _replace_table(store, "event_clusters", table, ("events", asdict(opts), asdict(stats)))
    return stats


def merge_store(
    store: Store, duplicates: DuplicateOptions | None = None, events: MergeOptions | None = None
) -> tuple[DuplicateStats, ClusterStats]:
    """Both steps in order: duplicate groups first (event merging uses them as evidence)."""
    return update_duplicates(store, duplicates), update_event_clusters(store, events)


def merged_events(
    store: Store, *, min_reports: int = 2, type: str | None = None, limit: int | None = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Merged events with at least ``min_reports`` reports, most reported first; each has its reports
    (document, outlet, who claims it, evidence, counts as reported, merge reason) side by side."""
    if not has_merge_tables(store):
        return []
    sql = "SELECT * FROM merged_events WHERE n_reports >= ?"
    params: list[Any] = [min_reports]
    if type:
        sql += " AND type = ?"
        params.append(type)
    sql += " ORDER BY n_reports DESC, date_first, cluster_id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    cur = store.cursor().execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        for rep in rec["reports"]:
            rep["counts"] = msgspec.json.decode(rep["counts"]) if rep.get("counts") else []
            rep["reason"] = msgspec.json.decode(rep["reason"]) if rep.get("reason") else None
        out.append(rec)
    return out
