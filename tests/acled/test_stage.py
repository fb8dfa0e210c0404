"""The events.acled stage in a pipeline, and ACLED-compatible rows (synthetic documents only)."""

from __future__ import annotations

import datetime as dt

import msgspec

from peristiwa.acled import ACLED_ROW_COLUMNS, acled_date, acled_row, acled_rows
from peristiwa.config import Config
from peristiwa.model import AcledView, Actor, Count, DateValue, Document, Event, Place, Span
from peristiwa.output import to_record
from peristiwa.pipeline import Pipeline, StageContext, StageFn, registry

TEXT = (
    "On 3 May 2019, about 200 students held a protest in Jayapura. Police fired tear gas and arrested "
    "15 students. Separately, the Indonesian military clashed with TPNPB rebels in Nduga; two soldiers "
    "were killed. The governor said he regretted the violence."
)


def _span(phrase: str) -> Span:
    i = TEXT.index(phrase)
    return Span(i, i + len(phrase))


def _actor(phrase: str, name: str, sector: str | None, country: str | None = "ID") -> Actor:
    s = _span(phrase)
    return Actor(start=s.start, end=s.end, name=name, sector=sector, country=country)


def synthetic_events() -> tuple[Event, ...]:
    day = DateValue(dt.date(2019, 5, 3), dt.date(2019, 5, 3))
    jayapura = Place(start=_span("Jayapura").start, end=_span("Jayapura").end, name="Jayapura", admin1="Papua",
                     country="ID", lat=-2.53, lon=140.72, precision="city")
    nduga = Place(start=_span("Nduga").start, end=_span("Nduga").end, name="Nduga", admin1="Papua",
                  country="ID", lat=-4.4, lon=138.2, precision="admin2")
    s1 = _span("On 3 May 2019, about 200 students held a protest in Jayapura.")
    s2 = _span("Police fired tear gas and arrested 15 students.")
    s3 = _span("Separately, the Indonesian military clashed with TPNPB rebels in Nduga; two soldiers were killed.")
    s4 = _span("The governor said he regretted the violence.")
    students = _actor("students", "students", "education")
    police = _actor("Police", "Indonesian National Police", "police")
    dead = _span("two soldiers")
    return (
        Event(id="e1", type="PROTEST", modes=("demo",), trigger=_span("protest"), evidence=s1, actors=(students,),
              locations=(jayapura,), date=day, confidence=0.8),
        Event(id="e2", type="ASSAULT", modes=("crowd-control",), trigger=_span("fired"), evidence=s2,
              actors=(police,), recipients=(students,), locations=(jayapura,), date=day, confidence=0.9),
        Event(id="e3", type="COERCE", modes=("arrest",), trigger=_span("arrested"), evidence=s2, actors=(police,),
              recipients=(students,), date=day, confidence=0.7),
        Event(id="e4", type="ASSAULT", modes=("firearms",), trigger=_span("clashed"), evidence=s3,
              actors=(_actor("Indonesian military", "Indonesian military", "military"),
                      _actor("TPNPB rebels", "TPNPB", "rebels")),
              locations=(nduga,), date=day,
              counts=(Count(start=dead.start, end=dead.end, kind="killed", value=2, object="soldiers"),)),
        Event(id="e5", type="ACCUSE", trigger=_span("regretted"), evidence=s4,
              actors=(_actor("governor", "Governor of Papua", "government"),)),
    )


@registry.stage("test.acled_events", version=1, requires=("sentences",), provides=("events",))
def _make_events(ctx: StageContext) -> StageFn:
    def run(doc: Document) -> Document:
        return doc.with_layers(events=synthetic_events())

    return run


def _pipeline(**options: object) -> Pipeline:
    return Pipeline(Config.load(overrides={
        "pipeline": {"stages": ["segment.sentences", "test.acled_events", "events.acled"]},
        "stages": {"events.acled": options} if options else {},
    }))


def _doc() -> Document:
    return Document(doc_id="syn-1", text=TEXT, lang="en", published=dt.date(2019, 5, 4), source="synthetic")


def test_stage_sets_the_view_on_every_event() -> None:
    out = _pipeline()(_doc())
    assert "events.acled@1" in out.stages
    views = {e.id: e.acled for e in out.events}
    assert views["e1"] is not None
    assert (views["e1"].event_type, views["e1"].sub_event_type) == ("Protests", "Protest with intervention")
    assert views["e1"].interaction == "16" and views["e1"].fatalities == 0
    assert views["e2"] is None and views["e3"] is None  # folded into the protest
    assert views["e4"] is not None
    assert (views["e4"].event_type, views["e4"].sub_event_type, views["e4"].fatalities) == (
        "Battles", "Armed clash", 2)
    assert views["e4"].interaction == "12"
    assert views["e5"] is None  # ACCUSE: not an ACLED event
    record = to_record(out)
    assert record["events"][0]["acled"]["sub_event_type"] == "Protest with intervention"


def test_stage_options() -> None:
    out = _pipeline(fold_into_protest=False)(_doc())
    views = {e.id: e.acled for e in out.events}
    assert views["e1"] is not None and views["e1"].sub_event_type == "Peaceful protest"
    assert views["e2"] is not None and views["e2"].sub_event_type == "Protest with intervention"
    assert views["e3"] is not None and views["e3"].sub_event_type == "Protest with intervention"
    out = _pipeline(modalities=["future"])(_doc())
    assert all(e.acled is None for e in out.events)


def test_default_pipeline_lists_the_stage() -> None:
    names = Config.load().pipeline.stages
    assert names.index("events.acled") == names.index("extract.events") + 1
    assert "acled" in Pipeline().provides


def test_acled_rows() -> None:
    out = _pipeline()(_doc())
    rows = acled_rows(out)
    assert len(rows) == 2
    protest, battle = rows
    assert list(protest) == list(ACLED_ROW_COLUMNS)
    assert protest["event_date"] == "2019-05-03" and protest["year"] == 2019 and protest["time_precision"] == 1
    assert protest["actor1"] == "Protesters (Indonesia)" and protest["assoc_actor_1"] == "students"
    assert protest["actor2"] == "Indonesian National Police" and (protest["inter1"], protest["inter2"]) == (6, 1)
    assert protest["country"] == "Indonesia" and protest["location"] == "Jayapura" and protest["geo_precision"] == 1
    assert protest["notes"].startswith("On 3 May 2019") and protest["source"] == "synthetic"
    assert str(protest["event_id_cnty"]).startswith("ID-")
    assert battle["actor1"] == "Indonesian military" and battle["actor2"] == "TPNPB"
    assert battle["interaction"] == "12" and battle["fatalities"] == 2 and battle["geo_precision"] == 2
    # acled_row works without the stage too, and refuses events ACLED does not code
    plain = _doc().with_layers(events=synthetic_events())
    assert acled_row(plain, plain.events[3])["sub_event_type"] == "Armed clash"
    try:
        acled_row(plain, plain.events[4])
    except ValueError as exc:
        assert "not an ACLED event" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("ACCUSE must not give an ACLED row")


def test_undated_event_rows_take_the_day_before_publication() -> None:
    """ACLED rows always have a day: an event whose text names no time is put on the day before the report
    (time_precision 2), while the event itself keeps no date."""
    undated = msgspec.structs.replace(synthetic_events()[3], date=None)
    doc = _doc().with_layers(events=(undated,))
    date, inferred = acled_date(doc, undated)
    assert inferred and date is not None and date.first == date.last == dt.date(2019, 5, 3)
    row = acled_row(doc, undated)
    assert row["event_date"] == "2019-05-03" and row["time_precision"] == 2
    assert undated.date is None
    no_day = Document(doc_id="syn-2", text=TEXT, lang="en", events=(undated,))
    assert acled_date(no_day, undated) == (None, False)
    assert acled_row(no_day, undated)["event_date"] is None


def test_note_event_prefers_the_first_violent_or_protest_event() -> None:
    """An ACLED note is about its first coded event; an arrest told first yields to violence told after it."""
    from peristiwa.evaluate.acled import note_event

    out = _pipeline(fold_into_protest=False)(_doc())
    chosen = note_event(out.events)
    assert chosen is not None and chosen.id == "e1"
    arrest = msgspec.structs.replace(next(e for e in out.events if e.id == "e3"),
                                     acled=AcledView(event_type="Strategic developments", sub_event_type="Arrests"))
    clash = next(e for e in out.events if e.id == "e4")
    assert note_event([arrest, clash]) is clash  # arrests are the aftermath of the violence
    assert note_event([arrest]) is arrest
    assert note_event([e for e in out.events if e.acled is None]) is None


def test_acled_row_day_of_a_stretch() -> None:
    """An ACLED row gives a stretch of time its middle day (the later of two middle days), a month its 15th."""
    base = synthetic_events()[3]
    doc = _doc()
    for first, last, precision, day in [
        (dt.date(2019, 6, 22), dt.date(2019, 6, 23), "range", dt.date(2019, 6, 23)),
        (dt.date(2017, 3, 13), dt.date(2017, 3, 16), "range", dt.date(2017, 3, 15)),
        (dt.date(2017, 2, 1), dt.date(2017, 2, 7), "week", dt.date(2017, 2, 4)),
        (dt.date(2017, 9, 1), dt.date(2017, 9, 30), "month", dt.date(2017, 9, 15)),
    ]:
        ev = msgspec.structs.replace(base, date=DateValue(first, last, precision))  # type: ignore[arg-type]
        value, inferred = acled_date(doc, ev)
        assert value is not None and value.first == value.last == day and not inferred
        assert acled_row(doc.with_layers(events=(ev,)), ev)["time_precision"] == (3 if precision == "month" else 2)
