"""The command line end to end: run, show, extract, export, evaluate, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from peristiwa.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "seed.txt"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_run_seed_is_idempotent_and_drops_blogger_lines(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    code, output = _run("run", str(SEED), "--published", "2015-10-07", "--db", str(db), "-q")
    assert code == 0, output
    code, output = _run("run", str(SEED), "--published", "2015-10-07", "--db", str(db), "-q")
    assert code == 0, output
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("select text, published from documents").fetchall()
    con.close()
    assert len(rows) == 1
    text, published = rows[0]
    assert "Tidak ada komentar" not in text and "Posting Komentar" not in text
    assert text.rstrip().endswith("operasi militer di Suriah.")
    assert str(published) == "2015-10-07"
    code, output = _run("show", "--db", str(db))
    assert code == 0, output
    assert "event" in output


def test_show_without_database_is_a_clear_error(tmp_path: Path) -> None:
    code, output = _run("show", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "no database" in output


def test_extract_writes_the_contract(tmp_path: Path, shared_data: Path) -> None:
    out = tmp_path / "seed.out.jsonl"
    code, output = _run("extract", str(shared_data / "seed" / "seed.gold.jsonl"), "--output", str(out), "-q")
    assert code == 0, output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 1
    rec = records[0]
    for key in ("doc_id", "lang", "published", "title", "source", "url", "text", "events", "quotes",
                "sentences", "places", "entities"):
        assert key in rec
    assert rec["doc_id"] == "seed-000" and rec["published"] == "2015-10-07"
    for ev in rec["events"]:
        start, end = ev["evidence_span"]
        assert rec["text"][start:end] == ev["evidence"]
        assert ev["trigger"] in ev["evidence"]
        assert 0.0 <= ev["confidence"] <= 1.0


def test_bad_inputs_fail_alone_with_exit_code_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "x", "text": "Polisi menangkap tiga orang di Jakarta."}\n{oops\n')
    db = tmp_path / "p.duckdb"
    code, output = _run("run", str(tmp_path / "empty.txt"), str(tmp_path / "bad.jsonl"), str(SEED),
                        "--db", str(db), "--lang", "id", "-q")
    assert code == 1
    assert "empty.txt" in output and "bad.jsonl:2" in output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from documents").fetchone() == (2,)
    assert con.execute("select count(*) from errors").fetchone()[0] == 2  # type: ignore[index]
    con.close()


def test_export_formats(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    _run("run", str(SEED), "--published", "2015-10-07", "--db", str(db), "-q")
    for fmt, target in (("jsonl", tmp_path / "o.jsonl"), ("csv", tmp_path / "o.csv"), ("parquet", tmp_path / "pq")):
        code, output = _run("export", str(target), "--format", fmt, "--db", str(db))
        assert code == 0, output
        assert target.exists()


def test_evaluate_prints_a_report(shared_data: Path) -> None:
    code, output = _run("evaluate", str(shared_data / "seed" / "seed.gold.jsonl"), "--no-floors")
    assert code == 0, output
    assert "event" in output.lower()


def test_evaluate_geo_with_sources(shared_data: Path) -> None:
    lgl = shared_data / "geoparsing" / "lgl.xml"
    if not lgl.is_file():
        pytest.skip("no LGL corpus")
    code, output = _run("evaluate", str(lgl), "--geo", "--sources", "--json", "--limit", "20")
    assert code == 0, output
    assert json.loads(output)["toponyms"] > 0


@pytest.mark.parametrize("command", ["run", "extract", "show", "export", "evaluate", "stages"])
def test_every_command_help_has_an_example(command: str) -> None:
    code, output = _run(command, "--help")
    assert code == 0 and "Example" in output
