"""Gold reading: typed records, documents for the pipeline, errors that name file:line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from peristiwa.errors import EvaluationError
from peristiwa.evaluate import gold_document, gold_key, read_gold
from peristiwa.evaluate.spans import greedy_match, locate, overlap_ratio
from peristiwa.model import Span

DOC: dict[str, Any] = {
    "doc_id": "g1", "lang": "id", "published": "2015-10-07", "title": "Judul", "source": "blog", "url": None,
    "text": "Polisi menangkap tiga orang. Warga berunjuk rasa.",
    "events": [{"type": "COERCE", "mode": ["arrest"], "trigger": "menangkap",
                "evidence": "Polisi menangkap tiga orang.", "mentions": [], "actors": [], "recipients": [],
                "location": None, "date": "2015-10", "counts": [], "source": None, "modality": "asserted"}],
    "quotes": [],
}


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "x.gold.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_read_gold_and_document(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(DOC), "", json.dumps({**DOC, "doc_id": "g2", "topic": "extra"}))
    docs = read_gold(path)
    assert [d.doc_id for d in docs] == ["g1", "g2"]
    assert docs[0].where == f"{path}:1" and docs[1].where == f"{path}:3"
    ev = docs[0].events[0]
    assert ev.mode == ("arrest",) and ev.locations == ()
    assert ev.date_value is not None and ev.date_value.last == dt.date(2015, 10, 31)
    doc = gold_document(docs[0])
    assert (doc.doc_id, doc.text, doc.lang, doc.published, doc.title) == (
        "g1", DOC["text"], "id", dt.date(2015, 10, 7), "Judul")
    assert doc.events == () and doc.sentences == ()


def test_seed_gold(shared_data: Path) -> None:
    (seed,) = read_gold(shared_data / "seed" / "seed.gold.jsonl")
    assert len(seed.events) == 15 and len(seed.quotes) == 10
    assert any(len(e.locations) > 1 for e in seed.events)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "malformed JSON"),
        (json.dumps({k: v for k, v in DOC.items() if k != "text"}), "text"),
        (json.dumps({**DOC, "events": [{**DOC["events"][0], "evidence": "tidak ada"}]}), "evidence"),
        (json.dumps({**DOC, "events": [{**DOC["events"][0], "type": "PARTY"}]}), "PARTY"),
        (json.dumps({**DOC, "events": [{**DOC["events"][0], "date": "2015-13-40"}]}), "bad date"),
        (json.dumps({**DOC, "events": [{**DOC["events"][0], "counts": [{"kind": "x", "value": 1}]}]}), "count"),
        (json.dumps(DOC), "duplicate doc_id"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, json.dumps(DOC), line)
    with pytest.raises(EvaluationError, match=message) as info:
        read_gold(path)
    assert f"{path}:2" in str(info.value)


def test_missing_or_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        read_gold(tmp_path / "nope.jsonl")
    with pytest.raises(EvaluationError, match="no documents"):
        read_gold(_write(tmp_path, ""))


def test_gold_key() -> None:
    assert gold_key("../shared/data/gold/id-dev.gold.jsonl") == "id-dev"
    assert gold_key("seed.gold.jsonl") == "seed"
    assert gold_key("other.jsonl") == "other"


def test_span_helpers() -> None:
    assert locate("a b a b a", "a") == (Span(0, 1), Span(4, 5), Span(8, 9))
    assert locate("abc", "") == ()
    assert overlap_ratio(Span(0, 10), Span(5, 100)) == 0.5
    assert overlap_ratio(Span(0, 0), Span(0, 5)) == 0.0
    # greedy: best score first, then lowest indices; one-to-one
    assert greedy_match([((0.6,), 0, 0), ((0.9,), 0, 1), ((0.8,), 1, 1), ((0.7,), 1, 0)]) == [(0, 1), (1, 0)]
