"""Merging in the store: incremental duplicate groups with stable ids, event clusters with reasons that
re-running with other thresholds undoes, and conflicting counts kept side by side with their sources."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from peristiwa.merge.events import MergeOptions
from peristiwa.model import Actor, Count, DateValue, Document, Event, Span
from peristiwa.store import Store
from peristiwa.store.merging import (
    DuplicateOptions,
    duplicate_groups,
    merged_events,
    update_duplicates,
    update_event_clusters,
)

STORY = (
    "Tim Densus 88 Antiteror Polri menangkap tiga terduga teroris di Kabupaten Sleman, Daerah Istimewa "
    "Yogyakarta, Selasa malam. Ketiganya diduga anggota jaringan yang merencanakan serangan bom ke pos "
    "polisi. Polisi menyita dua bom rakitan dan sejumlah dokumen dari rumah kontrakan mereka di Depok. "
    "Kepala Divisi Humas Polri mengatakan penyelidikan masih berlangsung dan tersangka lain diburu."
)
REWRITE = (
    "Tiga orang terduga teroris ditangkap Densus 88 di Sleman pada Selasa malam. Menurut Humas Polri, "
    "ketiganya berencana menyerang pos polisi; dua bom rakitan disita dari kontrakan mereka di Depok, "
    "sementara polisi terus memburu anggota jaringan lainnya yang diduga terlibat dalam rencana itu."
)
OTHER = (
    "Ribuan mahasiswa berunjuk rasa di depan Gedung DPR, Jakarta, menuntut pembatalan revisi undang-undang. "
    "Polisi menembakkan gas air mata untuk membubarkan massa yang melempari petugas dengan batu dan botol."
)


def doc(doc_id: str, text: str, day: int, outlet: str, arrested: int | None = None,
        trigger: str = "menangkap", ev_type: str = "COERCE") -> Document:
    start = text.index(trigger)
    end = text.index(".", start) + 1
    sentence_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
    counts = (Count(start=start, end=end, kind="arrested", value=arrested),) if arrested is not None else ()
    event = Event(
        id="e1", type=ev_type, trigger=Span(start, start + len(trigger)), evidence=Span(sentence_start, end),
        actors=(Actor(start=0, end=3, name="Densus 88", country="ID"),),
        date=DateValue(dt.date(2019, 3, 12), dt.date(2019, 3, 12)), counts=counts,
        source=f"Humas Polri via {outlet}",
    )
    return Document(doc_id=doc_id, text=text, lang="id", published=dt.date(2019, 3, day), source=outlet,
                    events=(event,))


def test_duplicates_are_incremental_and_keep_group_ids(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        other = doc("z-other", OTHER, 12, "kompas", trigger="menuntut", ev_type="PROTEST")
        store.write([doc("b-orig", STORY, 12, "antara"), other])
        first = update_duplicates(store)
        assert (first.hashed, first.reused, first.groups) == (2, 0, 0)
        # a repost arrives later, with an id that sorts before the original's
        store.write([doc("a-repost", STORY + "\nSumber: Antara", 13, "blog")])
        second = update_duplicates(store)
        assert (second.hashed, second.reused, second.groups) == (1, 2, 1)
        (group,) = duplicate_groups(store)
        assert group["group_id"] == "b-orig" and group["canonical"] == "b-orig" and group["size"] == 2
        repost = next(m for m in group["members"] if m["doc_id"] == "a-repost")
        assert repost["linked_to"] == "b-orig" and repost["jaccard"] > 0.8
        # stricter thresholds undo the group without rehashing anything
        # (a containment above 1 switches the containment rule off)
        strict = update_duplicates(store, DuplicateOptions(threshold=1.0, containment=1.01))
        assert (strict.hashed, strict.groups) == (0, 0)
        assert duplicate_groups(store) == []
        runs = store.cursor().execute("SELECT kind, params FROM merge_runs ORDER BY computed_at").fetchall()
        assert [k for k, _ in runs] == ["duplicates"] * 3 and json.loads(runs[-1][1])["threshold"] == 1.0


def test_event_clusters_keep_reasons_and_conflicting_counts(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([
            doc("orig", STORY, 12, "antara", arrested=3),
            doc("rewrite", REWRITE, 13, "kompas", arrested=4, trigger="ditangkap"),
            doc("other", OTHER, 12, "tempo", trigger="menuntut", ev_type="PROTEST"),
        ])
        update_duplicates(store)
        stats = update_event_clusters(store)
        assert (stats.events, stats.merged_clusters, stats.merged_events) == (3, 1, 2)
        (merged,) = merged_events(store)
        assert merged["n_reports"] == 2 and sorted(merged["outlets"]) == ["antara", "kompas"]
        reports = merged["reports"]
        counts = sorted((r["outlet"], c["value"], r["claimed_by"]) for r in reports for c in r["counts"])
        assert counts == [("antara", 3, "Humas Polri via antara"), ("kompas", 4, "Humas Polri via kompas")]
        linked = next(r for r in merged["reports"] if r["reason"] is not None)["reason"]
        assert "actors" in linked["agreed"] and linked["date_gap_days"] == 0
        # other thresholds undo the merge; the defaults redo it
        update_event_clusters(store, MergeOptions(min_score=0.99))
        assert merged_events(store) == []
        update_event_clusters(store)
        assert len(merged_events(store)) == 1
        query = "SELECT count(*), count(DISTINCT cluster_id) FROM event_clusters"
        rows = store.cursor().execute(query).fetchone()
        assert rows == (3, 2)


def test_reading_a_store_without_merge_tables(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([doc("orig", STORY, 12, "antara")])
    with Store(path, read_only=True) as store:
        assert merged_events(store) == [] and duplicate_groups(store) == []


def test_cli_merge(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peristiwa.cli import app

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write([doc("orig", STORY, 12, "antara", arrested=3),
                     doc("copy", STORY + "\nSumber: Antara", 13, "blog"),
                     doc("rewrite", REWRITE, 13, "kompas", arrested=4, trigger="ditangkap")])
    result = CliRunner().invoke(app, ["merge", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 duplicate group(s) of 2 copies" in result.output
    assert "1 merged event(s) from 3 report(s)" in result.output
    # a stricter score undoes the rewrite's merge; the two copies of one text still score 1.0
    result = CliRunner().invoke(app, ["merge", "--db", str(path), "--min-score", "0.99"])
    assert result.exit_code == 0 and "1 merged event(s) from 2 report(s)" in result.output
    assert CliRunner().invoke(app, ["merge", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2
