"""PolNeAR brat reader and quote scorer, on a hand-written fixture (and the real folder when present)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from peristiwa.errors import EvaluationError
from peristiwa.evaluate import parse_brat, polnear_document, read_polnear, score_polnear
from peristiwa.evaluate.polnear import PolnearDocument
from peristiwa.model import Span

TEXT = (
    'Smith said the plan "will fail badly."\n'
    "The senator, critics argue, has no plan at all.\n"
    "Officials believe the vote is rigged.\n"
)


def _span(needle: str) -> str:
    start = TEXT.index(needle)
    return f"{start} {start + len(needle)}"


def _ann() -> str:
    a = TEXT.index("The senator")
    b = TEXT.index(", critics")
    c = TEXT.index("has no plan")
    d = TEXT.index("all.") + 4
    content = 'the plan "will fail badly."'
    return "\n".join([
        f"T1\tSource {_span('Smith')}\tSmith",
        f"T2\tCue {_span('said')}\tsaid",
        f"T3\tContent {_span(content)}\t{content}",
        f"T4\tAttribution {_span('said')}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tContent {a} {b};{c} {d}\tThe senator has no plan at all.",
        f"T6\tCue {_span('argue')}\targue",
        f"T7\tSource {_span('critics')}\tcritics",
        f"T8\tAttribution {_span('argue')}\targue",
        "E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7",
        f"T9\tContent {_span('the vote is rigged')}\tthe vote",
        "is rigged",  # span text running over a line break in some .ann files
        f"T10\tCue {_span('believe')}\tbelieve",
        f"T11\tAttribution-no-source {_span('believe')}\tbelieve",
        "E3\tAttribution-no-source:T11 Cue:T10 Content:T9",
        f"T12\tDiscard {_span('Officials')}\tOfficials",
        "#1\tAnnotatorNotes T12\tunsure",
    ]) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    split = tmp_path / "polnear" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    name = "usa-today_2016-10-01_smith-says-the-plan-will-fa"
    (split / "text" / f"{name}.txt").write_text(TEXT, "utf-8")
    (split / "attributions" / f"{name}_4e07.ann").write_text(_ann(), "utf-8")
    (split / "attributions" / f"{name}_ef2d.ann").write_text("", "utf-8")  # a second annotator: ignored
    return tmp_path / "polnear"


def test_parse_brat() -> None:
    (e1, e2, e3) = parse_brat(_ann(), TEXT)
    assert (e1.id, [TEXT[s.start : s.end] for s in e1.source]) == ("E1", ["Smith"])
    assert [TEXT[s.start : s.end] for s in e2.content] == ["The senator", "has no plan at all."]
    assert e3.source == () and [TEXT[s.start : s.end] for s in e3.cue] == ["believe"]


@pytest.mark.parametrize(
    ("ann", "message"),
    [("T1\tContent 5 x\tfoo", "bad offsets"), ("T1\tContent 0 9999\tfoo", "outside"),
     ("E1\tContent:T9", "unknown annotation")],
)
def test_parse_brat_errors(ann: str, message: str) -> None:
    with pytest.raises(EvaluationError, match=message) as info:
        parse_brat(ann, TEXT, "f.ann")
    assert "f.ann:1" in str(info.value)


def test_read_polnear(corpus: Path) -> None:
    for directory, split in ((corpus, "dev"), (corpus / "dev", "ignored")):
        (doc,) = read_polnear(directory, split)
        assert doc.annotator == "4e07" and len(doc.attributions) == 3
        assert doc.published == dt.date(2016, 10, 1) and doc.publisher == "usa-today"
    document = polnear_document(doc)
    assert document.lang == "en" and document.text == TEXT
    with pytest.raises(EvaluationError, match="not a PolNeAR folder"):
        read_polnear(corpus, "train")


def _quote(text: str, speaker: str | None = None, cue: str | None = None) -> dict[str, Any]:
    start = TEXT.index(text)
    rec: dict[str, Any] = {"text": text, "span": [start, start + len(text)], "speaker": speaker,
                           "speaker_text": speaker, "cue": cue}
    if speaker:
        s = TEXT.index(speaker)
        rec["speaker_span"] = [s, s + len(speaker)]
    return rec


def test_score_polnear(corpus: Path) -> None:
    docs = read_polnear(corpus)
    doc: PolnearDocument = docs[0]
    quotes = [
        _quote("will fail badly.", "Smith", "said"),  # inside the gold content (without the quote marks)
        _quote("has no plan at all", "The senator", "argue"),  # second piece of a discontinuous content
        _quote("Officials"),  # no overlap with any content
    ]
    report = score_polnear(docs, [{"doc_id": doc.doc_id, "text": TEXT, "quotes": quotes}])
    counts = report.counts()
    assert counts["quote.precision"] == (2, 3) and counts["quote.recall"] == (2, 3)
    assert counts["speaker.accuracy"] == (1, 2)
    assert counts["cue.accuracy"] == (2, 2)
    pred_chars = len("will fail badly.") + len("has no plan at all") + len("Officials")
    assert counts["quote.char.precision"] == (len("will fail badly.") + len("has no plan at all"), pred_chars)
    detail = report.details[0]
    assert len(detail.quotes_missed) == 1 and len(detail.quotes_spurious) == 1

    empty = score_polnear(docs, []).to_dict()
    assert empty["quote.recall"] == 0.0 and empty["quote.precision"] is None
    assert empty["speaker.accuracy"] is None


def test_real_polnear_folder(shared_data: Path) -> None:
    docs = read_polnear(shared_data / "quotes" / "polnear", "dev", limit=3)
    assert len(docs) == 3 and all(d.attributions for d in docs)
    for d in docs:
        for a in d.attributions:
            assert all(0 <= s.start < s.end <= len(d.text) for s in a.content)
    perfect = [
        {"doc_id": d.doc_id, "text": d.text,
         "quotes": [{"span": [a.content[0].start, a.content[0].end],
                     "speaker_span": [a.source[0].start, a.source[0].end] if a.source else None}
                    for a in d.attributions]}
        for d in docs
    ]
    values = score_polnear(docs, perfect).to_dict()
    assert values["quote.f1"] == 1.0 and values["speaker.accuracy"] == 1.0
    assert isinstance(docs[0].attributions[0].content[0], Span)
