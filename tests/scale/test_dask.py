"""Scale-out on a real Dask LocalCluster (two worker processes): same store as one process, retries,
failed partitions reported (never dropped), and the CLI's --workers option."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import msgspec
import pytest
from typer.testing import CliRunner

from peristiwa.cli import app
from peristiwa.config import Config
from peristiwa.runner import run_to_store
from peristiwa.scale import PartitionResult, dask_client, process_partition, run_distributed

distributed = pytest.importorskip("distributed")

SENTENCES = [
    "Polisi menangkap {n} orang terduga pelaku pembakaran pasar di Kabupaten Sleman pada Selasa (12/3).",
    "Ribuan buruh berunjuk rasa di depan Gedung DPR, Jakarta, menuntut kenaikan upah minimum tahun ini.",
    "Kapolres Sleman AKBP Yulianto mengatakan para tersangka dijerat pasal pembakaran, ancaman penjara.",
    "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Istana Bogor untuk membahas perbatasan.",
]


def _corpus(path: Path, n: int = 24) -> Path:
    lines = []
    for i in range(n):
        text = " ".join(s.format(n=i + 2) for s in SENTENCES[i % 2 :]) + f" Berita nomor {i}."
        record = {"doc_id": f"doc-{i:03d}", "lang": "id", "published": "2019-03-13", "text": text}
        lines.append(json.dumps(record))
    lines.insert(5, "{broken json")
    lines.insert(9, lines[3].replace('"doc-003"', '"copy-of-003"'))  # same text under another id: skipped
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _config_json(cfg: Config) -> str:
    return msgspec.json.encode(cfg.to_dict()).decode("utf-8")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # workers preload the default pipeline, as those of `peristiwa run --workers N` do
    with dask_client(workers=2, memory_limit="1.5GiB", preload_config=_config_json(Config.load())) as cl:
        yield cl


def _pipelines_loaded() -> int:
    from peristiwa.scale import worker

    return worker._build_pipeline.cache_info().currsize


def test_local_workers_load_the_pipeline_before_the_first_task(client: Any) -> None:
    deadline = time.monotonic() + 60
    while set(client.run(_pipelines_loaded).values()) != {1}:
        assert time.monotonic() < deadline, "the preload thread never built the pipeline"
        time.sleep(0.2)


def _snapshot(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute(
            "SELECT doc_id, content_hash, n_events, n_quotes, doc_json FROM documents ORDER BY doc_id"
        ).fetchall()
        query = "SELECT doc_id, event_id, type, trigger_start FROM events ORDER BY ALL"
        events = con.execute(query).fetchall()
        errors = con.execute('SELECT "where", reason FROM errors ORDER BY ALL').fetchall()
        runs = con.execute("SELECT documents, added, skipped, events, quotes, errors FROM runs").fetchall()
    finally:
        con.close()
    return {"docs": docs, "events": events, "errors": errors, "runs": runs}


def test_distributed_store_equals_single_process(tmp_path: Path, client: Any) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    cfg = Config.load()
    one = run_to_store([corpus], cfg, db=tmp_path / "one.duckdb")
    many = run_distributed([corpus], cfg, db=tmp_path / "many.duckdb", client=client, partition_bytes=1500)
    assert many.partitions >= 4 and not many.failed_partitions
    assert (many.documents, many.added, many.duplicates, many.events, many.quotes) == (
        one.documents, one.added, one.duplicates, one.events, one.quotes,
    )
    assert [(e.where, e.reason) for e in many.errors] == [(e.where, e.reason) for e in one.errors]
    a, b = _snapshot(tmp_path / "one.duckdb"), _snapshot(tmp_path / "many.duckdb")
    assert a == b
    assert a["errors"] == [(f"{corpus}:6", "malformed-json")]
    assert len(many.worker_peak_rss_mb) >= 1 and all(v > 0 for v in many.worker_peak_rss_mb.values())
    assert not (tmp_path / "many.duckdb.parts" / str(many.run_id)).exists()  # merged parts are removed
    again = run_distributed([corpus], cfg, db=tmp_path / "many.duckdb", client=client, partition_bytes=1500)
    assert again.added == 0 and again.duplicates == again.documents  # idempotent


def test_failed_partition_is_retried_then_reported(tmp_path: Path, client: Any) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    marker = tmp_path / "attempted-once"

    def flaky(part: Any, *args: Any, **kwargs: Any) -> PartitionResult:
        if part.index == 0 and not marker.exists():
            marker.touch()
            raise RuntimeError("transient failure on the first attempt")
        if part.index == 1:
            raise OSError("disk full (simulated)")
        return process_partition(part, *args, **kwargs)

    summary = run_distributed(
        [corpus], db=tmp_path / "s.duckdb", client=client, partition_bytes=1500, retries=1, task=flaky
    )
    assert marker.exists()
    assert len(summary.failed_partitions) == 1 and "bytes" in summary.failed_partitions[0]
    failed = [e for e in summary.errors if e.reason == "partition-failed"]
    assert len(failed) == 1 and "disk full" in failed[0].message and "2 attempt(s)" in failed[0].message
    assert summary.failed
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    try:
        stored = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        reasons = {r[0] for r in con.execute("SELECT reason FROM errors").fetchall()}
        (run_errors,) = con.execute("SELECT errors FROM runs").fetchone() or (0,)
    finally:
        con.close()
    assert "partition-failed" in reasons and run_errors == len(summary.errors)
    assert "doc-000" in stored  # partition 0 succeeded on its retry
    assert 0 < len(stored) < 24  # partition 1's documents are missing, and said to be


def test_cli_run_with_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", n=6)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["run", str(corpus), "--workers", "2", "--db", str(db)])
    assert result.exit_code == 1, result.output  # the broken line is an input error
    assert "malformed" in result.output and "document(s)" in result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        (n,) = con.execute("SELECT count(*) FROM documents").fetchone() or (0,)
    finally:
        con.close()
    assert n == 6

