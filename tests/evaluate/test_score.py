"""Scoring rules: self-agreement, empty predictions, typed vs untyped, dates, the year-old rule, quotes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rich.table import Table

from peristiwa.evaluate import (
    GoldDocument,
    Report,
    parse_gold_line,
    read_gold,
    render_report,
    report_rows,
    score,
)
from peristiwa.evaluate.gold import gold_document
from peristiwa.evaluate.spans import locate
from peristiwa.model import Actor, Count, DateValue, Event, Place, Quote, Span
from peristiwa.output import to_record

TEXT = (
    "Polisi menangkap tiga orang di Jakarta, Selasa (6/10). "
    "Ribuan warga berunjuk rasa di Bandung pekan lalu. "
    "\u201cKami menolak kenaikan harga,\u201d kata Budi Santoso, Ketua Serikat Buruh. "
    "Pada 2010 tentara menyerang desa itu."
)

GOLD: dict[str, Any] = {
    "doc_id": "tiny-1",
    "lang": "id",
    "published": "2015-10-07",
    "title": None,
    "source": "test",
    "url": None,
    "text": TEXT,
    "events": [
        {
            "type": "COERCE", "mode": ["arrest"], "trigger": "menangkap",
            "evidence": "Polisi menangkap tiga orang di Jakarta, Selasa (6/10).", "mentions": [],
            "actors": [{"text": "Polisi", "name": "Indonesian National Police", "country": "ID"}],
            "recipients": [],
            "location": {"text": "Jakarta", "name": "Jakarta", "admin1": "DKI Jakarta", "country": "ID"},
            "date": "2015-10-06",
            "counts": [{"kind": "arrested", "value": 3, "qualifier": "exact", "object": "orang"}],
            "source": None, "modality": "asserted",
        },
        {
            "type": "PROTEST", "mode": ["demonstrate"], "trigger": "berunjuk rasa",
            "evidence": "Ribuan warga berunjuk rasa di Bandung pekan lalu.", "mentions": [],
            "actors": [{"text": "warga", "name": "Civilians", "country": "ID"}],
            "recipients": [],
            "location": {"text": "Bandung", "name": "Bandung", "admin1": "Jawa Barat", "country": "ID"},
            "date": {"start": "2015-09-28", "end": "2015-10-04"},
            "counts": [{"kind": "participants", "value": 1000, "qualifier": "at_least", "object": "warga"}],
            "source": None, "modality": "asserted",
        },
    ],
    "quotes": [
        {"speaker": "Budi Santoso", "speaker_text": "Budi Santoso", "text": "Kami menolak kenaikan harga,",
         "direct": True, "cue": "kata", "via": []},
    ],
}


def tiny_gold(**changes: Any) -> GoldDocument:
    data = {**GOLD, **changes}
    return parse_gold_line(json.dumps(data), "tiny.gold.jsonl:1")


def _first(text: str, needle: str, within: Span | None = None) -> Span:
    if within is not None:
        inner = locate(text[within.start : within.end], needle)
        if inner:
            return Span(within.start + inner[0].start, within.start + inner[0].end)
    found = locate(text, needle)
    assert found, needle
    return found[0]


def as_prediction(gold: GoldDocument) -> dict[str, Any]:
    """The gold annotation turned into a processed Document and written by ``to_record``."""
    text = gold.text
    events = []
    for i, ev in enumerate(gold.events):
        evidence = _first(text, ev.evidence)
        events.append(
            Event(
                id=f"e{i}",
                type=ev.type,
                modes=ev.mode,
                trigger=_first(text, ev.trigger, evidence),
                evidence=evidence,
                mentions=tuple(_first(text, m) for m in ev.mentions),
                actors=tuple(Actor(**_at(text, a.text), name=a.name, country=a.country) for a in ev.actors),
                recipients=tuple(
                    Actor(**_at(text, a.text), name=a.name, country=a.country) for a in ev.recipients
                ),
                locations=tuple(
                    Place(**_at(text, p.text), name=p.name, admin1=p.admin1, country=p.country)
                    for p in ev.locations
                ),
                date=DateValue.from_gold(ev.date),
                counts=tuple(
                    Count(start=0, end=0, kind=c.kind, value=c.value, qualifier=c.qualifier,
                          object=c.object)
                    for c in ev.counts
                ),
                source=ev.source,
                modality=ev.modality,
            )
        )
    quotes = tuple(
        Quote(
            id=f"q{i}",
            content=_first(text, q.text),
            direct=q.direct,
            speaker=q.speaker,
            speaker_span=_first(text, q.speaker_text) if q.speaker_text else None,
            cue=q.cue,
            via=q.via,
        )
        for i, q in enumerate(gold.quotes)
    )
    doc = gold_document(gold).with_layers(events=tuple(events), quotes=quotes)
    return to_record(doc)


def _at(text: str, needle: str) -> dict[str, int]:
    span = _first(text, needle)
    return {"start": span.start, "end": span.end}


def assert_perfect(report: Report) -> None:
    values = report.to_dict()
    wrong = {k: v for k, v in values.items() if v is not None and v != 1.0}
    assert not wrong, wrong
    assert values["event.typed.f1"] == 1.0
    assert values["quote.f1"] == 1.0


def test_gold_against_itself_is_perfect() -> None:
    gold = tiny_gold()
    report = score([gold], [as_prediction(gold)], name="tiny")
    assert_perfect(report)
    values = report.to_dict()
    for metric in ("actor.recall", "location.accuracy", "date.accuracy", "count.f1", "modality.accuracy",
                   "source.accuracy", "speaker.accuracy", "via.accuracy", "direct.accuracy", "type.PROTEST.f1"):
        assert values[metric] == 1.0, metric
    # nothing to measure: undefined, not 0
    assert values["recipient.recall"] is None
    assert values["location.null_agreement"] is None
    assert report.counts()["event.typed.f1"] == (4, 4)
    detail = report.details[0]
    assert len(detail.matched) == 2 and not detail.missed and not detail.spurious


@pytest.mark.parametrize("name", ["seed/seed.gold.jsonl", "gold/id-dev.gold.jsonl"])
def test_shared_gold_against_itself_is_perfect(shared_data: Any, name: str) -> None:
    golds = read_gold(shared_data / name)
    report = score(shared_data / name, [as_prediction(g) for g in golds])
    assert_perfect(report)
    assert report.name == name.split("/")[1].removesuffix(".gold.jsonl")
    assert report.get("event.untyped.f1") == 1.0 and not report.warnings


def test_strings_only_predictions_are_located() -> None:
    """Records without offsets (another system's output) are matched by exact string search."""
    gold = tiny_gold()
    rec = as_prediction(gold)
    for ev in rec["events"]:
        for key in ("evidence_span", "trigger_span"):
            ev.pop(key)
    for q in rec["quotes"]:
        q.pop("span")
    assert_perfect(score([gold], [rec]))


def test_different_text_falls_back_to_strings() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    rec["text"] = "Judul. " + rec["text"]  # offsets no longer point into the gold text
    for ev in rec["events"]:
        ev["evidence_span"] = [0, 5]
    report = score([gold], [rec])
    assert report.get("event.typed.f1") == 1.0
    assert any("differs" in w for w in report.warnings)


def test_empty_prediction_has_zero_recall() -> None:
    gold = tiny_gold()
    for preds in ([{"doc_id": "tiny-1", "events": [], "quotes": []}], []):
        values = score([gold], preds).to_dict()
        assert values["event.typed.recall"] == 0.0
        assert values["event.typed.precision"] is None
        assert values["event.typed.f1"] == 0.0
        assert values["quote.recall"] == 0.0
        assert values["date.accuracy"] is None and values["actor.recall"] is None


def test_wrong_type_counts_untyped_only() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    rec["events"][1]["type"] = "ASSAULT"
    report = score([gold], [rec])
    values = report.to_dict()
    assert values["event.untyped.f1"] == 1.0
    assert report.counts()["event.typed.recall"] == (1, 2)
    assert values["type.PROTEST.recall"] == 0.0
    assert values["type.ASSAULT.precision"] == 0.0
    assert values["type.COERCE.f1"] == 1.0
    detail = report.details[0]
    assert [m.gold.type for m in detail.mistyped] == ["PROTEST"]
    assert [e.type for e in detail.spurious] == ["ASSAULT"]
    assert [e.type for e in detail.missed] == ["PROTEST"]


def test_partial_evidence_overlap() -> None:
    """A clause of the gold sentence matches (half of the shorter span); a touching word does not."""
    gold = tiny_gold()
    rec = as_prediction(gold)
    start = TEXT.index("Polisi menangkap")
    rec["events"][0]["evidence_span"] = [start, start + len("Polisi menangkap tiga orang")]
    rec["events"][1]["evidence_span"] = [TEXT.index("(6/10)"), TEXT.index("Ribuan") + 6]
    values = score([gold], [rec]).to_dict()
    assert values["type.COERCE.f1"] == 1.0
    assert values["type.PROTEST.recall"] == 0.0


@pytest.mark.parametrize(
    ("predicted", "correct"),
    [("2015-10-01", True), ("2015-09-28", True), ("2015-10-05", False), ("2015-10", False), (None, False),
     ({"start": "2015-09-29", "end": "2015-10-02"}, True)],
)
def test_date_within_gold_interval(predicted: Any, correct: bool) -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    rec["events"][1]["date"] = predicted
    assert score([gold], [rec]).counts()["date.accuracy"] == (1 + correct, 2)


def test_null_date_agreement() -> None:
    events = [dict(GOLD["events"][0], date=None), GOLD["events"][1]]
    gold = tiny_gold(events=events)
    rec = as_prediction(gold)
    assert score([gold], [rec]).counts()["date.null_agreement"] == (1, 1)
    rec["events"][0]["date"] = "2015-10-06"
    assert score([gold], [rec]).counts()["date.null_agreement"] == (0, 1)


def _extra_event(date: Any) -> dict[str, Any]:
    evidence = "Pada 2010 tentara menyerang desa itu."
    start = TEXT.index(evidence)
    return {"type": "ASSAULT", "mode": [], "trigger": "menyerang", "evidence": evidence,
            "evidence_span": [start, start + len(evidence)], "date": date, "modality": "asserted"}


def test_year_old_extra_events_are_not_false_positives() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    rec["events"].append(_extra_event("2010"))
    report = score([gold], [rec])
    assert report.get("event.typed.precision") == 1.0
    assert report.get("event.untyped.precision") == 1.0
    assert [e.type for e in report.details[0].exempt] == ["ASSAULT"]
    assert report.get("type.ASSAULT.precision") is None

    rec["events"][-1] = _extra_event("2015-09-01")  # within the year: a real false positive
    report = score([gold], [rec])
    assert report.counts()["event.typed.precision"] == (2, 3)
    assert not report.details[0].exempt


def test_attribute_mismatches() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    ev = rec["events"][0]
    ev["actors"] = [{"text": "tiga orang", "name": "Someone", "span": [7, 17]}]
    ev["location"] = None
    ev["counts"][0]["qualifier"] = "about"
    ev["modality"] = "future"
    ev["source"] = "Kapolda"
    ev["mode"] = []
    report = score([gold], [rec])
    counts = report.counts()
    assert counts["actor.recall"] == (1, 2) and counts["actor.precision"] == (1, 2)
    assert counts["location.accuracy"] == (1, 2)
    assert counts["count.f1"] == (2, 4) and counts["count.loose.f1"] == (4, 4)
    assert counts["modality.accuracy"] == (1, 2)
    assert counts["source.accuracy"] == (1, 2)
    assert counts["mode.accuracy"] == (1, 2)
    diffs = " ".join(d for m in report.details[0].matched for d in m.diffs)
    for field in ("actors", "location", "counts", "modality", "source", "mode"):
        assert field in diffs


def test_actor_matches_by_canonical_name() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    rec["events"][0]["actors"] = [{"text": "Polri", "name": "indonesian national police", "span": [0, 0]}]
    counts = score([gold], [rec]).counts()
    assert counts["actor.recall"] == (2, 2)
    assert counts["actor.name.accuracy"] == (2, 2)


def test_quote_scoring() -> None:
    gold = tiny_gold()
    rec = as_prediction(gold)
    q = rec["quotes"][0]
    start = TEXT.index("\u201cKami")
    q["span"] = [start, start + len("\u201cKami menolak kenaikan harga,\u201d")]  # with the marks
    q["speaker"] = "Budi"  # name differs, but the speaker span overlaps the gold speaker_text
    q["via"] = ["Antara"]
    q["direct"] = False
    counts = score([gold], [rec]).counts()
    assert counts["quote.f1"] == (2, 2)
    assert counts["speaker.accuracy"] == (1, 1)
    assert counts["via.accuracy"] == (0, 1)
    assert counts["direct.accuracy"] == (0, 1)

    q["span"] = [TEXT.index("kata"), TEXT.index("kata") + 4]
    counts = score([gold], [rec]).counts()
    assert counts["quote.precision"] == (0, 1) and counts["speaker.accuracy"] == (0, 0)


def test_report_views() -> None:
    gold = tiny_gold()
    report = score([gold], [as_prediction(gold), {"doc_id": "other", "events": []}], name="tiny")
    assert any("other" in w for w in report.warnings)
    table = render_report(report)
    assert isinstance(table, Table) and table.row_count == len(report.metrics)
    rows = report_rows(report, ["event.typed.f1", "recipient.recall", "nope"])
    assert rows == [("event.typed.f1", "1.000", "4/4"), ("recipient.recall", "—", "0/0"), ("nope", "—", "")]
    as_json = json.loads(json.dumps(report.as_json()))
    assert as_json["metrics"]["event.typed.f1"] == 1.0
    assert as_json["details"][0]["doc_id"] == "tiny-1"
    assert list(report.to_dict())[:3] == ["event.typed.precision", "event.typed.recall", "event.typed.f1"]
