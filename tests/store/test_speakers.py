"""The speakers view: one record per speaker per document, linked to quotes and events."""

from __future__ import annotations

from pathlib import Path

from peristiwa import Document, Pipeline
from peristiwa.store import Store


def test_speakers_view_groups_quotes_per_person(tmp_path: Path, pipeline: Pipeline, seed_doc: Document) -> None:
    doc = pipeline(seed_doc)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([doc])
        rows = store.connection.execute(
            "SELECT speaker, quotes, direct_quotes, quote_ids FROM speakers WHERE speaker = 'Mark Toner'"
        ).fetchall()
        linked = store.connection.execute(
            "SELECT count(*) FROM events e JOIN speakers s ON e.doc_id = s.doc_id AND e.source = s.speaker"
        ).fetchone()
    assert rows and rows[0][1] == 2 and rows[0][2] == 2 and len(rows[0][3]) == 2
    assert linked is not None and linked[0] >= 1
