"""The seed article through ingestion: Blogger lines gone, every article line kept, as .txt and as gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from peristiwa.config import IngestOptions
from peristiwa.ingest import read_inputs
from peristiwa.ingest.normalize import normalize_text
from peristiwa.model import Document

REPO = Path(__file__).resolve().parents[2]
BLOGGER_LINES = ("Tidak ada komentar:", "Posting Komentar")


def _article_lines(text: str) -> list[str]:
    lines = [ln for ln in normalize_text(text).split("\n") if ln.strip()]
    assert tuple(lines[-2:]) == BLOGGER_LINES
    return lines[:-2]


def _check(doc: Document, source_text: str) -> None:
    assert doc.text.split("\n") == _article_lines(source_text)
    for line in BLOGGER_LINES:
        assert line not in doc.text
    assert doc.text.endswith("Amerika menolak usulan terkait aturan operasi militer di Suriah.")
    assert "Rusia.”Setidaknya 3.000 militan" in doc.text  # the quote characters are kept as written
    assert doc.metadata["boilerplate_removed_lines"] == 2
    assert doc.metadata["boilerplate_removed"] == "Tidak ada komentar: | Posting Komentar"


def test_seed_txt(seed_text: str) -> None:
    (doc,) = read_inputs([REPO / "examples" / "seed.txt"], IngestOptions(), published=dt.date(2015, 10, 7))
    assert isinstance(doc, Document)
    _check(doc, seed_text)
    assert doc.lang == "id" and doc.published == dt.date(2015, 10, 7)
    assert doc.doc_id.startswith("seed-")


def test_seed_gold_jsonl(shared_data: Path) -> None:
    path = shared_data / "seed" / "seed.gold.jsonl"
    gold = json.loads(path.read_text("utf-8").splitlines()[0])
    (doc,) = read_inputs([path], IngestOptions())
    assert isinstance(doc, Document)
    _check(doc, gold["text"])
    assert (doc.doc_id, doc.lang, doc.published, doc.source) == ("seed-000", "id", dt.date(2015, 10, 7), "blog")
    for event in gold["events"]:
        assert event["evidence"] in doc.text and event["trigger"] in event["evidence"]
    for quote in gold["quotes"]:
        assert quote["text"] in doc.text


def test_seed_shared_txt_is_the_example(shared_data: Path, seed_text: str) -> None:
    assert (shared_data / "seed" / "seed.txt").read_text("utf-8") == seed_text
