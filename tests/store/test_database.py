"""The DuckDB store: lossless round trip, idempotent writes, replacement, runs, errors, filters."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from peristiwa.errors import DocumentError, IngestError, StoreError
from peristiwa.store import Store, WriteStats


def _load_factory() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_factory", Path(__file__).with_name("_factory.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


factory = _load_factory()


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_round_trip_rebuilds_the_document_exactly(store: Store) -> None:
    doc = factory.rich_doc()
    stats = store.write([doc])
    assert stats == WriteStats(added=1, events=2, quotes=1)
    back = store.document("doc-1")
    assert back == doc
    assert back.to_json() == doc.to_json()
    assert list(store.iter_documents()) == [doc]


def test_flat_tables_hold_the_projection(store: Store) -> None:
    store.write([factory.rich_doc()])
    con = store.connection
    ev = con.execute(
        "SELECT type, modes, trigger_text, date_gold, location_name, n_locations, actor_names, "
        "acled_sub_event_type, acled_fatalities FROM events WHERE event_id = 'e1'"
    ).fetchone()
    assert ev == ("ASSAULT", ["aerial"], "menyerang", "2015-10-06", "Homs", 2, ["Russia"], "Air/drone strike", 20)
    roles = con.execute(
        "SELECT role, count(*) FROM event_arguments WHERE event_id = 'e1' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert roles == [("actor", 1), ("count", 1), ("location", 2), ("recipient", 1)]
    count = con.execute("SELECT kind, value, qualifier, object FROM event_arguments WHERE role = 'count' "
                        "AND event_id = 'e1'").fetchone()
    assert count == ("killed", 20, "at_least", "militan")
    q = con.execute("SELECT speaker, speaker_text, text, direct, cue, via FROM quotes").fetchone()
    assert q == ("Igor Konashenkov", "Igor Konashenkov", "Kami menghancurkan 20 tank,", True, "kata",
                 '["Interfax"]')
    assert con.execute("SELECT count(*) FROM places").fetchone() == (3,)
    meta = con.execute("SELECT metadata->>'feed', content_hash FROM documents").fetchone()
    assert meta == ("x", factory.rich_doc().content_hash)


def test_writing_twice_adds_nothing(store: Store) -> None:
    docs = [factory.rich_doc("a"), factory.small_doc(1)]
    first = store.write(docs)
    again = store.write(docs)
    assert first.added == 2 and first.events == 4
    assert again == WriteStats(skipped_duplicates=2)
    assert store.stats()["documents"] == 2 and store.stats()["events"] == 4


def test_same_text_under_another_id_is_a_duplicate(store: Store) -> None:
    store.write([factory.rich_doc("a")])
    stats = store.write([factory.rich_doc("b")])
    assert stats.skipped_duplicates == 1 and stats.added == 0
    assert [d["doc_id"] for d in store.documents()] == ["a"]


def test_changed_text_same_id_replaces_every_row(store: Store) -> None:
    store.write([factory.rich_doc("a")])
    changed = factory.rich_doc("a", factory.TEXT + " Tambahan.")
    stats = store.write([changed])
    assert stats == WriteStats(added=1, replaced=1, events=2, quotes=1)
    assert store.document("a") == changed
    con = store.connection
    for table in ("documents", "events", "event_arguments", "quotes", "places"):
        ids = con.execute(f"SELECT count(DISTINCT doc_id), count(*) FROM {table}").fetchone()
        assert ids is not None and ids[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone() == (2,)


def test_replace_flag_overwrites_unchanged_text(store: Store) -> None:
    doc = factory.rich_doc("a")
    store.write([doc])
    newer = doc.with_layers(events=doc.events[:1], stages=("extract.events@2",))
    assert store.write([newer]).skipped_duplicates == 1
    stats = store.write([newer], replace=True)
    assert stats.added == 1 and stats.replaced == 1 and stats.events == 1
    assert store.document("a") == newer


def test_duplicates_within_one_input(store: Store) -> None:
    a = factory.rich_doc("a")
    a2 = factory.rich_doc("a", factory.TEXT + " Versi dua.")
    b_same_text = factory.rich_doc("b")
    stats = store.write([a, b_same_text, a2, a2], batch_size=10)
    # b repeats a's text while a is the stored version; a2 then supersedes a; the last a2 repeats a2.
    assert stats.skipped_duplicates == 2 and stats.added == 1 and stats.replaced == 1
    assert [d.doc_id for d in store.iter_documents()] == ["a"]
    assert store.document("a") == a2


def test_batches_are_separate_transactions_with_same_semantics(tmp_path: Path) -> None:
    docs = [factory.small_doc(i) for i in range(10)] + [factory.small_doc(3)]
    with Store(tmp_path / "b.duckdb", batch_size=3) as store:
        stats = store.write(docs)
        assert stats.added == 10 and stats.skipped_duplicates == 1
        assert store.count_events() == 20


def test_runs_and_errors(store: Store) -> None:
    run_id = store.start_run({"store": {"batch_size": 8}}, ["in/a.jsonl", Path("in/b.html")])
    stats = store.write([factory.small_doc(1), factory.small_doc(2)], run_id=run_id)
    errs: list[DocumentError] = [
        IngestError("in/a.jsonl:3", "malformed-json", "line 3 is not JSON"),
        DocumentError("doc-9", "stage", "extract.events failed"),
    ]
    assert store.record_errors(run_id, errs) == 2
    store.finish_run(run_id, stats)
    (run,) = store.runs()
    assert run["run_id"] == run_id and run["finished"] is not None
    assert run["config"] == {"store": {"batch_size": 8}} and run["inputs"] == ["in/a.jsonl", "in/b.html"]
    assert (run["documents"], run["added"], run["skipped"], run["events"], run["errors"]) == (2, 2, 0, 4, 2)
    assert run["version"]
    rows = store.errors(run_id)
    assert [(r["where"], r["reason"], r["message"]) for r in rows] == [
        ("in/a.jsonl:3", "malformed-json", "line 3 is not JSON"),
        ("doc-9", "stage", "extract.events failed"),
    ]
    assert store.errors("other") == [] and len(store.errors()) == 2
    assert {d["run_id"] for d in store.documents()} == {run_id}


def test_finish_run_keywords_and_counting(store: Store) -> None:
    run_id = store.start_run()
    store.write([factory.small_doc(1, events=3)], run_id=run_id)
    store.finish_run(run_id)
    run = store.runs()[0]
    assert (run["added"], run["events"], run["quotes"], run["errors"]) == (1, 3, 1, 0)
    store.finish_run(run_id, documents=5, added=1, events=3, errors=4)
    run = store.runs()[0]
    assert (run["documents"], run["added"], run["events"], run["errors"]) == (5, 1, 3, 4)
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("missing")


def test_event_filters(store: Store) -> None:
    store.write([factory.rich_doc("a"), factory.small_doc(7)])
    assert store.count_events() == 4
    (row,) = store.events(type="ASSAULT", country="sy")
    assert row["doc_id"] == "a" and row["event_id"] == "e1" and row["date"] == "2015-10-06"
    assert row["actors"] == ["Russia"] and row["recipients"] == ["Islamic State"]
    assert row["location"] == "Homs" and row["country"] == "SY"
    assert row["counts"] == "killed 20 militan (at_least)"
    assert row["evidence"].startswith("Pesawat Rusia menyerang")
    assert [r["event_id"] for r in store.events(actor="rusia")] == ["e1"]  # matches the mention text
    assert [r["event_id"] for r in store.events(recipient="islamic")] == ["e1"]
    assert [r["event_id"] for r in store.events(place="idlib")] == ["e1"]  # the second location
    assert [r["event_id"] for r in store.events(type=["coerce"], doc_id="a")] == ["e2"]
    assert [r["event_id"] for r in store.events(source="konashenkov")] == ["e1"]
    assert len(store.events(text="menangkap")) == 3
    assert len(store.events(country="ID")) == 3
    # e2 has no date of its own: its effective date is the publication day 2015-10-07
    assert {r["event_id"] for r in store.events(date_from="2015-10-07", date_to=dt.date(2015, 10, 31))} == {"e2"}
    assert {r["event_id"] for r in store.events(date_from="2015-10-01", date_to="2015-10-06")} == {"e1"}
    assert store.events(modality="negated") == []
    assert len(store.events(limit=1)) == 1 and len(store.events(limit=None, offset=1)) == 3
    assert store.events(actor="'; DROP TABLE events; --") == []
    assert store.count_events(type="ASSAULT") == 2
    assert store.count_events(type="assault, coerce") == 4


def test_documents_quotes_stats(store: Store) -> None:
    store.write([factory.rich_doc("a"), factory.small_doc(7)])
    docs = store.documents()
    assert [d["doc_id"] for d in docs] == ["small-000007", "a"]  # newest publication first
    assert docs[1]["n_events"] == 2 and "text" not in docs[1]
    assert [d["doc_id"] for d in store.documents(text="rusia")] == ["a"]
    assert [d["doc_id"] for d in store.documents(date_to="2016-01-01")] == ["a"]
    (q,) = store.quotes(speaker="konashenkov")
    assert q["text"] == "Kami menghancurkan 20 tank," and q["via"] == ["Interfax"] and q["direct"] is True
    assert len(store.quotes(doc_id="small-000007")) == 1
    stats = store.stats()
    assert stats["documents"] == 2 and stats["events"] == 4 and stats["quotes"] == 2 and stats["places"] == 4
    assert stats["by_type"] == {"ASSAULT": 2, "COERCE": 2}
    assert stats["by_country"] == {"ID": 3, "SY": 1}
    assert stats["by_day"]["2015-10-06"] == 1 and stats["by_day"]["2015-10-07"] == 1
    assert stats["by_lang"] == {"id": 4}
    with pytest.raises(KeyError):
        store.document("missing")


def test_iter_documents_pages_and_selects(store: Store) -> None:
    docs = [factory.small_doc(i, events=1) for i in range(7)]
    store.write(docs)
    assert [d.doc_id for d in store.iter_documents(page=3)] == [d.doc_id for d in docs]
    picked = list(store.iter_documents(doc_ids=["small-000005", "small-000001", "nope"]))
    assert [d.doc_id for d in picked] == ["small-000001", "small-000005"]


def test_bulk_batch_of_two_thousand(tmp_path: Path) -> None:
    docs = [factory.small_doc(i) for i in range(2000)]
    with Store(tmp_path / "bulk.duckdb", batch_size=500) as store:
        stats = store.write(docs)
        assert stats.added == 2000 and stats.events == 4000 and stats.quotes == 2000
        assert store.write(docs[:600]).skipped_duplicates == 600
        assert store.stats()["events"] == 4000
        assert store.document("small-001234") == docs[1234]


def test_reopen_read_only_and_refuse_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with Store(path) as store:
        store.write([factory.small_doc(1)])
    with Store(path, read_only=True) as store:
        assert store.count_events() == 2
        with pytest.raises(StoreError, match="read-only"):
            store.write([factory.small_doc(2)])


def test_open_errors_name_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 200)
    with pytest.raises(StoreError, match=r"bad\.duckdb.*not a DuckDB"):
        Store(bad)
    with pytest.raises(StoreError, match=r"missing\.duckdb.*no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE foo (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match=r"other\.duckdb.*not a peristiwa store"):
        Store(other)
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)
    path = tmp_path / "modes.duckdb"
    with Store(path), pytest.raises(StoreError, match="other mode"):
        Store(path, read_only=True)


def test_locked_store_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match=r"locked\.duckdb.*locked"):
            Store(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.connection.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_failed_batch_is_rolled_back(store: Store) -> None:
    store.write([factory.small_doc(1)])
    import pyarrow as pa

    from peristiwa.store import documents_to_tables

    tables = documents_to_tables([factory.small_doc(2)])
    broken = dict(tables)
    bad = tables["quotes"].set_column(16, "via", pa.array(["not json"], pa.string()))
    broken["quotes"] = bad
    with pytest.raises(StoreError, match="rolled back"):
        store.write_tables(broken)
    assert [d["doc_id"] for d in store.documents()] == ["small-000001"]
    assert store.count_events() == 2
