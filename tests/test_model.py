"""The document model: frozen records, lossless JSON round trip, immutable text."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from peristiwa.model import (
    AcledView,
    Actor,
    Count,
    DateMention,
    DateValue,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Sentence,
    Span,
    Token,
)


def full_document() -> Document:
    text = "Polisi menangkap tiga orang di Jakarta, Selasa (6/10). “Kami tegas,” kata Budi."
    day = dt.date(2015, 10, 6)
    place = Place(start=31, end=38, name="Jakarta", admin1="DKI Jakarta", country="ID", lat=-6.2, lon=106.8,
                  precision="city", confidence=0.9)
    return Document(
        doc_id="d1", text=text, lang="id", published=dt.date(2015, 10, 7), title="T", source="s",
        url="http://x", metadata={"k": 1, "b": True},
        sentences=(Sentence(0, 54, 0), Sentence(55, len(text), 0)),
        tokens=(Token(0, 6, "polisi", "NOUN"),),
        entities=(Entity(start=0, end=6, label="ORG", name="Indonesian National Police", country="ID"),),
        places=(place,),
        dates=(DateMention(start=40, end=53, value=DateValue(day, day)),),
        counts=(Count(start=17, end=27, kind="arrested", value=3, object="orang"),),
        events=(
            Event(id="e1", type="COERCE", modes=("arrest",), trigger=Span(7, 16), evidence=Span(0, 54),
                  actors=(Actor(start=0, end=6, name="Indonesian National Police", country="ID"),),
                  locations=(place,), date=DateValue(day, day), date_span=Span(40, 53),
                  counts=(Count(start=17, end=27, kind="arrested", value=3, object="orang"),),
                  confidence=0.8,
                  acled=AcledView(event_type="Strategic developments", sub_event_type="Arrests")),
        ),
        quotes=(Quote(id="q1", content=Span(56, 66), direct=True, speaker="Budi", speaker_span=Span(75, 79),
                      cue="kata", cue_span=Span(70, 74)),),
        stages=("segment.sentences@1",),
        warnings=("w",),
    )


def test_json_round_trip_is_lossless() -> None:
    doc = full_document()
    assert Document.from_json(doc.to_json()) == doc


def test_records_are_frozen() -> None:
    doc = full_document()
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.events[0].type = "ASSAULT"  # type: ignore[misc]


def test_text_is_immutable_after_ingestion() -> None:
    doc = full_document()
    with pytest.raises(ValueError, match="immutable"):
        doc.with_layers(text="changed")
    assert doc.with_layers(events=()).events == ()


def test_decoding_validates_literals() -> None:
    data = msgspec.json.decode(full_document().to_json())
    data["events"][0]["type"] = "PARTY"
    with pytest.raises(msgspec.ValidationError, match="events"):
        Document.from_json(msgspec.json.encode(data))


def test_sentence_at_and_spans() -> None:
    doc = full_document()
    assert doc.sentence_at(60) == doc.sentences[1]
    assert doc.sentence_at(10_000) is None
    assert Span(0, 6).text(doc) == "Polisi"
    assert Span(0, 10).overlap(Span(5, 20)) == 5


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2015-10-06", "day"), ("2015-10", "month"), ("2015", "year"),
     ({"start": "2015-09-28", "end": "2015-10-04"}, "range")],
)
def test_date_value_gold_round_trip(value: object, precision: str) -> None:
    parsed = DateValue.from_gold(value)  # type: ignore[arg-type]
    assert parsed is not None and parsed.precision == precision
    assert parsed.to_gold() == value


def test_date_value_contains() -> None:
    week = DateValue.from_gold({"start": "2015-09-28", "end": "2015-10-04"})
    day = DateValue.from_gold("2015-09-30")
    assert week is not None and day is not None
    assert week.contains(day) and not day.contains(week)
