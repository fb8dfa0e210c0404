"""Exports (contract JSONL, ACLED-like CSV, Parquet) and Parquet partitions merged into a store."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import duckdb
import pyarrow.parquet as pq
import pytest

from peristiwa.output import to_record
from peristiwa.store import (
    CSV_COLUMNS,
    PARQUET_TABLES,
    Store,
    documents_to_tables,
    export_csv,
    export_jsonl,
    export_parquet,
    merge_partitions,
    part_files,
    read_partition,
    write_partition,
)


def _load_factory() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_factory", Path(__file__).with_name("_factory.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


factory = _load_factory()


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store(tmp_path / "x.duckdb") as s:
        s.start_run({"a": 1}, ["in.jsonl"])
        s.write([factory.rich_doc("a"), factory.small_doc(3)])
        yield s


def test_jsonl_lines_are_contract_records(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    assert export_jsonl(store, target) == 2
    lines = target.read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0] == json.loads(json.dumps(to_record(factory.rich_doc("a"))))
    assert records[1]["doc_id"] == "small-000003"
    assert records[0]["events"][0]["evidence"].startswith("Pesawat Rusia")
    text_buf, bin_buf = io.StringIO(), io.BytesIO()
    export_jsonl(store, text_buf)
    export_jsonl(store, bin_buf)
    assert text_buf.getvalue().splitlines() == lines == bin_buf.getvalue().decode("utf-8").splitlines()


def test_csv_has_acled_columns(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert export_csv(store, target) == 4
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    for col in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                "country", "admin1", "location", "latitude", "longitude", "geo_precision", "notes",
                "fatalities", "plover_type", "modality", "doc_id", "event_id"):
        assert col in CSV_COLUMNS
    e1 = next(r for r in rows if r["doc_id"] == "a" and r["event_id"] == "e1")
    assert e1["event_id_cnty"] == "SY-a-e1" and e1["event_date"] == "2015-10-06" and e1["year"] == "2015"
    assert e1["event_type"] == "Explosions/Remote violence" and e1["sub_event_type"] == "Air/drone strike"
    assert (e1["actor1"], e1["actor2"], e1["country"], e1["admin1"]) == ("Russia", "Islamic State", "SY", "Homs")
    assert float(e1["latitude"]) == 34.7 and e1["geo_precision"] == "3" and e1["time_precision"] == "1"
    assert e1["fatalities"] == "20" and e1["plover_mode"] == "aerial" and e1["source"] == "blog"
    assert e1["claim_source"] == "Igor Konashenkov" and e1["notes"].startswith("Pesawat Rusia menyerang")
    e2 = next(r for r in rows if r["doc_id"] == "a" and r["event_id"] == "e2")
    assert e2["event_date"] == "2015-10-07" and e2["time_precision"] == "" and e2["sub_event_type"] == ""
    assert e2["geo_precision"] == "1" and e2["fatalities"] == "0"
    assert export_csv(store, tmp_path / "f.csv", type="ASSAULT", country="SY") == 1


def test_parquet_files_readable_by_duckdb(store: Store, tmp_path: Path) -> None:
    written = export_parquet(store, tmp_path / "pq")
    assert set(written) == set(PARQUET_TABLES)
    con = duckdb.connect()
    n = {t: con.execute("SELECT count(*) FROM read_parquet(?)", [str(p)]).fetchone() for t, p in written.items()}
    assert n["documents"] == (2,) and n["events"] == (4,) and n["runs"] == (1,) and n["places"] == (4,)
    doc_json = con.execute(
        "SELECT doc_json FROM read_parquet(?) WHERE doc_id = 'a'", [str(written["documents"])]
    ).fetchone()
    assert doc_json is not None
    from peristiwa.model import Document

    assert Document.from_json(doc_json[0]) == factory.rich_doc("a")


def test_partitions_merge_idempotently(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    docs = [factory.small_doc(i) for i in range(30)]
    write_partition(docs[:20], parts, part="w1", run_id="r1")
    paths = write_partition([*docs[15:], factory.rich_doc("a")], parts, part="w2", run_id="r1")
    assert set(paths) == {"documents", "events", "event_arguments", "quotes", "places"}
    assert pq.read_table(paths["documents"]).num_rows == 16
    tables = read_partition(parts, "w1")
    assert tables["events"].num_rows == 40
    with Store(tmp_path / "m.duckdb", batch_size=7) as store:
        stats = merge_partitions(store, parts)
        assert stats.added == 31 and stats.skipped_duplicates == 5 and stats.events == 62
        again = merge_partitions(store, parts)
        assert again.added == 0 and again.skipped_duplicates == 36
        assert store.document("a") == factory.rich_doc("a")
        assert store.document("small-000017") == docs[17]
        assert store.count_events() == 62
        assert {d["run_id"] for d in store.documents(limit=None)} == {"r1"}


def test_partition_and_direct_write_give_the_same_rows(tmp_path: Path) -> None:
    docs = [factory.rich_doc("a"), factory.small_doc(1)]
    write_partition(docs, tmp_path / "parts", part="p")
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        one.write(docs)
        merge_partitions(two, tmp_path / "parts")
        for table in ("events", "event_arguments", "quotes", "places"):
            q = f"SELECT * FROM {table} ORDER BY ALL"
            assert one.connection.execute(q).fetchall() == two.connection.execute(q).fetchall()
        q = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id"
        assert one.connection.execute(q).fetchall() == two.connection.execute(q).fetchall()


def test_write_parquet_follows_the_identity_rules_of_write_tables(tmp_path: Path) -> None:
    """The same batches stored from Arrow tables and by DuckDB from the Parquet files: same rows, same
    counts, through duplicates, a changed text under a stored id, and ``replace``."""
    a = factory.rich_doc("a")
    batches = [
        ([a, factory.small_doc(1)], False),
        ([factory.rich_doc("b"), factory.small_doc(2)], False),  # b repeats a's text: skipped
        ([factory.rich_doc("a", factory.TEXT + " Tambahan."), factory.small_doc(1)], False),  # a replaced
        ([factory.small_doc(2).with_layers(events=())], True),  # replace=True: same text, new layers
    ]
    with Store(tmp_path / "t.duckdb") as by_tables, Store(tmp_path / "p.duckdb") as by_files:
        for n, (docs, replace) in enumerate(batches):
            write_partition(docs, tmp_path / "parts", part=f"b{n}", run_id="w")
            expected = by_tables.write_tables(read_partition(tmp_path / "parts", f"b{n}"), "r", replace=replace)
            got = by_files.write_parquet(part_files(tmp_path / "parts", f"b{n}"), "r", replace=replace)
            assert got == expected
        for table in ("events", "event_arguments", "quotes", "places"):
            q = f"SELECT * FROM {table} ORDER BY ALL"
            assert by_tables.connection.execute(q).fetchall() == by_files.connection.execute(q).fetchall()
        q = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id"
        rows = by_files.connection.execute(q).fetchall()
        assert rows == by_tables.connection.execute(q).fetchall()
        assert [r[0] for r in rows] == ["a", "small-000001", "small-000002"]
        assert {d["run_id"] for d in by_files.documents(limit=None)} == {"r"}
        assert by_files.document("small-000002").events == ()


def _rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    rows = {t: store.connection.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("events", "event_arguments", "quotes", "places")}
    q = "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id"
    return rows | {"documents": store.connection.execute(q).fetchall()}


@pytest.mark.parametrize("repeat_id", [False, True])
def test_several_parts_in_one_write_parquet_equal_one_by_one(tmp_path: Path, repeat_id: bool) -> None:
    """Parts stored together (one transaction) or one after the other give the same store; a doc_id
    repeated across the parts (a later version) falls back to one transaction per part."""
    s2_copy = factory.small_doc(2).with_layers(doc_id="copy")
    later = factory.rich_doc("a", factory.TEXT + " Versi dua.") if repeat_id else factory.small_doc(4)
    batches = [[factory.rich_doc("a"), factory.small_doc(1)], [s2_copy, factory.small_doc(3)],
               [factory.small_doc(2), later]]
    parts = tmp_path / "parts"
    for n, docs in enumerate(batches):
        write_partition(docs, parts, part=f"b{n}", run_id="w")
    names = [f"b{n}" for n in range(len(batches))]
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "all.duckdb") as together:
        seq = [one.write_parquet(part_files(parts, n), "r") for n in names]
        got = together.write_parquet([part_files(parts, n) for n in names], "r")
        assert (got.added, got.skipped_duplicates, got.events, got.quotes) == (
            sum(x.added for x in seq), sum(x.skipped_duplicates for x in seq), sum(x.events for x in seq),
            sum(x.quotes for x in seq),
        )
        assert _rows(together) == _rows(one)
        assert got.skipped_duplicates == 1  # small_doc(2)'s text came first as "copy"
        assert together.document("a").text.endswith("Versi dua.") == repeat_id


def test_documents_to_tables_dedupes_within_input() -> None:
    a = factory.small_doc(1)
    tables = documents_to_tables([a, a, factory.small_doc(2)])
    assert tables["documents"].num_rows == 2 and tables["events"].num_rows == 4
    empty = documents_to_tables([])
    assert all(t.num_rows == 0 for t in empty.values())
