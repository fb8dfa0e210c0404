"""The seed article end to end through the default pipeline (extract.events with every layer it uses)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from peristiwa.model import Document
from peristiwa.output import to_record
from peristiwa.pipeline import Pipeline, registry


@pytest.fixture(scope="module")
def seed_record(pipeline: Pipeline, seed_text: str) -> dict:
    doc = pipeline(Document(doc_id="seed", text=seed_text, lang="id", published=dt.date(2015, 10, 7)))
    return to_record(doc)


def test_stage_contract() -> None:
    info = registry.get("extract.events")
    assert info.provides == frozenset({"events"})
    assert {"sentences", "tokens", "entities", "places", "dates", "counts", "quotes"} <= info.requires


def test_seed_event_types(seed_record: dict) -> None:
    types = Counter(e["type"] for e in seed_record["events"])
    gold = Counter({"ASSAULT": 7, "AID": 1, "RETREAT": 1, "ACCUSE": 2, "AGREE": 2, "REJECT": 1, "CONSULT": 1})
    for etype, n in gold.items():
        assert types[etype] >= n - (1 if etype == "ASSAULT" else 0), (etype, types)
    assert sum(types.values()) <= 17  # no flood of spurious events


def test_seed_counts(seed_record: dict) -> None:
    counts = {(c["kind"], c["value"], c["qualifier"]) for e in seed_record["events"] for c in e["counts"]}
    assert ("fled", 3000, "at_least") in counts
    assert ("targeted", 10, "exact") in counts
    assert ("destroyed", 20, "about") in counts
    assert ("destroyed", 3, "exact") in counts


def test_seed_dates(seed_record: dict) -> None:
    rejects = [e for e in seed_record["events"] if e["type"] == "REJECT"]
    assert any(e["date"] == "2015-10-06" for e in rejects)
    consults = [e for e in seed_record["events"] if e["type"] == "CONSULT"]
    assert consults
    date = consults[0]["date"]
    assert isinstance(date, dict)
    start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"])
    assert dt.date(2015, 9, 28) <= start <= end < dt.date(2015, 10, 7)


def test_seed_arguments(seed_record: dict) -> None:
    retreat = next(e for e in seed_record["events"] if e["type"] == "RETREAT")
    assert [a["text"] for a in retreat["actors"]] == ["ISIS", "al-Nusra", "Jaish al-Yarmouk"]
    assert retreat["location"]["text"] == "Yordania"
    consult = next(e for e in seed_record["events"] if e["type"] == "CONSULT")
    assert {a["text"] for a in consult["actors"]} == {"AS", "Rusia"}
    hama = next(e for e in seed_record["events"] if isinstance(e["location"], list))
    assert [p["text"] for p in hama["location"]] == ["Provinsi Hama", "Provinsi Idlib"]


def test_seed_claims(seed_record: dict) -> None:
    narrated = [e for e in seed_record["events"] if e["type"] in ("REJECT", "CONSULT")]
    assert all(e["source"] is None for e in narrated)
    quoted = [e for e in seed_record["events"] if e["type"] == "ASSAULT" and e["source"] == "Igor Konashenkov"]
    assert quoted


def test_seed_scores(pipeline: Pipeline, shared_data: Path) -> None:
    from peristiwa.evaluate.run import evaluate

    report = evaluate(shared_data / "seed" / "seed.gold.jsonl", pipeline)
    assert (report.get("event.typed.f1") or 0) >= 0.85
    assert (report.get("count.f1") or 0) >= 0.99
    assert (report.get("modality.accuracy") or 0) >= 0.9
