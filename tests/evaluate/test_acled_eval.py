"""The ACLED evaluation harness on a tiny synthetic CSV written here (no ACLED data in the repository)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console

from peristiwa.evaluate.acled import (
    ACLED_TARGETS,
    evaluate_acled,
    oracle_acled,
    read_acled_csv,
    render_acled_report,
)
from peristiwa.model import Actor, Count, DateValue, Document, Event, Place, Span

NEW = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
       "inter2", "interaction", "country", "latitude", "longitude", "notes", "fatalities"]

# Invented rows in ACLED's format (not ACLED data).
ROWS = [
    ["XX1", "03 May 2019", "2019", "Protests", "Peaceful protest", "Protesters (Testland)", "6", "", "0", "60",
     "Testland", "-2.5", "140.7", "On 3 May 2019, students held a protest in Alpha town. [size=around 200]", "0"],
    ["XX2", "04 May 2019", "2019", "Battles", "Armed clash", "Military Forces of Testland", "1", "Rebels", "2",
     "12", "Testland", "-4.4", "138.2", "On 4 May 2019, soldiers clashed with rebels in Beta; 2 soldiers were killed.",
     "2"],
    ["XX3", "05 May 2019", "2019", "Violence against civilians", "Attack", "Unidentified Armed Group (Testland)",
     "3", "Civilians (Testland)", "7", "37", "Testland", "1.0", "100.0", "On 5 May 2019, gunmen shot a farmer.",
     "1"],
    ["XX4", "06 May 2019", "2019", "Strategic developments", "Other", "Civilians (Testland)", "7", "", "0", "70",
     "Testland", "1.0", "100.0", "On 6 May 2019, families fled their homes.", "0"],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


class FakePipeline:
    """Stands in for the English pack: turns the synthetic notes into events by keyword."""

    provides = frozenset({"text", "events"})  # no "acled": the harness must compute the view itself

    def __call__(self, doc: Document) -> Document:
        text, w = doc.text, Span(0, len(doc.text))
        day = doc.published - dt.timedelta(days=1) if doc.published else None
        date = DateValue(day, day) if day else None
        alpha = Place(start=0, end=1, name="Alpha", lat=-2.55, lon=140.75, country="XX")  # ~7 km away
        far = Place(start=0, end=1, name="Far", lat=-6.0, lon=106.8, country="XX")
        if "protest" in text:
            ev = Event(id="e1", type="PROTEST", modes=("demo",), trigger=w, evidence=w, date=date,
                       actors=(Actor(start=0, end=1, name="students", sector="education"),), locations=(alpha,))
            return doc.with_layers(events=(ev,))
        if "clashed" in text:
            ev = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=w, evidence=w, date=date,
                       locations=(far,), confidence=0.9,
                       actors=(Actor(start=0, end=1, name="soldiers", sector="military"),
                               Actor(start=0, end=1, name="rebels", sector="rebels")),
                       counts=(Count(start=0, end=0, kind="killed", value=2, object="soldiers"),))
            low = Event(id="e2", type="MOBILIZE", modes=("troops",), trigger=w, evidence=w, confidence=0.2,
                        actors=(Actor(start=0, end=1, name="soldiers", sector="military"),))
            return doc.with_layers(events=(ev, low))
        return doc  # the other notes: nothing found (misses)


@pytest.fixture()
def acled_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "tiny.csv", NEW, ROWS)


def test_read_acled_csv(tmp_path: Path, acled_csv: Path) -> None:
    recs = read_acled_csv(acled_csv)
    assert [r.row_id for r in recs] == ["XX1", "XX2", "XX3", "XX4"]
    assert recs[0].text == "On 3 May 2019, students held a protest in Alpha town."
    assert recs[0].event_date == dt.date(2019, 5, 3) and recs[1].interaction == "12" and recs[0].interaction == "60"
    assert read_acled_csv(acled_csv, limit=2)[-1].row_id == "XX2"
    old = write_csv(tmp_path / "old.csv", ["EVENT_DATE", "EVENT_TYPE", "ACTOR1", "ACTOR2", "NOTES", "FATALITIES"], [
        ["01-January-2015", "Riots/Protests", "Protesters (Testland)", "", "A rally.", "0"],
        ["02-January-2015", "Battle-No change of territory", "Military Forces of Testland", "Rebels", "A fight.", "1"],
    ])
    a, b = read_acled_csv(old)
    assert a.event_types == frozenset({"Protests", "Riots"}) and a.sub_event_type is None
    assert a.event_date == dt.date(2015, 1, 1) and a.inter1 == 6 and a.interaction == "60"
    assert b.sub_event_type == "Armed clash" and b.interaction == "12"


class _Bombs:
    """Codes every note as an ASSAULT with explosives: a grenade when the note says one was thrown."""

    provides = frozenset({"text", "events"})

    def __call__(self, doc: Document) -> Document:
        w = Span(0, len(doc.text))
        gunmen = (Actor(start=0, end=1, name="gunmen", sector="armed group"),)
        farmer = (Actor(start=0, end=1, name="farmer", sector="civilians"),)
        ev = Event(id="e1", type="ASSAULT", modes=("explosives",), trigger=w, evidence=w, actors=gunmen,
                   recipients=farmer)
        return doc.with_layers(events=(ev,))


def test_old_schema_accepts_grenades_coded_by_their_target(tmp_path: Path) -> None:
    # before 2019 a hand-thrown grenade was no "Remote violence" (its thrower is present): an old "Violence
    # against civilians" row agrees with Explosions/Remote violence - Grenade, not with a planted IED
    old = write_csv(tmp_path / "old.csv", ["EVENT_DATE", "EVENT_TYPE", "ACTOR1", "ACTOR2", "NOTES", "FATALITIES"], [
        ["01-January-2015", "Violence against civilians", "Unidentified Armed Group (Testland)",
         "Civilians (Testland)", "Gunmen threw a grenade at a farmer's house.", "0"],
        ["02-January-2015", "Violence against civilians", "Unidentified Armed Group (Testland)",
         "Civilians (Testland)", "A planted IED went off near a farmer's house.", "0"],
    ])
    report = evaluate_acled(old, _Bombs())  # type: ignore[arg-type]
    assert (report.event_type.numerator, report.event_type.denominator) == (1, 2)
    accepted = [k for k in report.confusion if k[1].endswith("accepted for the old type)")]
    assert accepted == [("Violence against civilians",
                         "Explosions/Remote violence (Grenade: accepted for the old type)")]


class _ShotProtesters:
    """Codes every note as soldiers firing on a demonstration (a PROTEST and the ASSAULT folded into it)."""

    provides = frozenset({"text", "events"})

    def __call__(self, doc: Document) -> Document:
        w = Span(0, len(doc.text))
        crowd = (Actor(start=0, end=1, name="protesters", sector="protesters"),)
        soldiers = (Actor(start=0, end=1, name="soldiers", sector="military"),)
        demo = Event(id="e1", type="PROTEST", modes=("demo",), trigger=w, evidence=w, actors=crowd)
        fire = Event(id="e2", type="ASSAULT", modes=("firearms",), trigger=w, evidence=w, actors=soldiers,
                     recipients=crowd, counts=(Count(start=0, end=0, kind="killed", value=1),))
        return doc.with_layers(events=(demo, fire))


def test_old_schema_accepts_excessive_force_when_the_row_names_protesters(tmp_path: Path) -> None:
    # before 2019 force against demonstrators was Violence against civilians with a "Protesters" actor; the
    # 2019 taxonomy calls it Protests - Excessive force against protesters. Without a protester actor in the
    # row the old type does not cover it.
    header = ["EVENT_DATE", "EVENT_TYPE", "ACTOR1", "ACTOR2", "INTER1", "INTER2", "NOTES", "FATALITIES"]
    old = write_csv(tmp_path / "old.csv", header, [
        ["01-January-2015", "Violence against civilians", "Military Forces of Testland", "Protesters (Testland)",
         "1", "6", "Soldiers fired on a march, killing one.", "1"],
        ["02-January-2015", "Violence against civilians", "Military Forces of Testland", "Civilians (Testland)",
         "1", "7", "Soldiers fired on a village, killing one.", "1"],
    ])
    a, b = read_acled_csv(old)
    assert ("Protests", "Excessive force against protesters") in a.accepted
    assert ("Protests", "Excessive force against protesters") not in b.accepted
    report = evaluate_acled(old, _ShotProtesters())  # type: ignore[arg-type]
    assert (report.event_type.numerator, report.event_type.denominator) == (1, 2)


def test_evaluate_acled(acled_csv: Path) -> None:
    report = evaluate_acled(acled_csv, FakePipeline(), limit=3)
    d = report.to_dict()
    assert report.rows == 3 and report.kind == "pipeline"
    assert (d["coverage_n"], d["coverage_d"]) == (2, 3)
    assert (d["event_type_n"], d["sub_event_type_n"], d["fatalities_n"], d["date_n"]) == (2, 2, 2, 2)
    assert (d["location_n"], d["location_d"]) == (1, 3)  # only the protest is within 25 km
    assert (d["interaction_n"], d["interaction_d"]) == (2, 3)
    assert report.confusion[("Violence against civilians", "(none)")] == 1
    assert report.sub_confusion == {("Attack", "(none)"): 1}
    assert set(report.meets_targets()) == set(ACLED_TARGETS)
    console = Console(record=True, width=140)
    console.print(render_acled_report(report))
    out = console.export_text()
    assert "event type" in out and "0.667" in out and "Violence against civilians → (none)" in out


def test_oracle_acled(acled_csv: Path) -> None:
    report = oracle_acled(acled_csv)
    assert report.kind == "oracle" and report.rows == 4 and report.skipped == 1  # "Other" has no PLOVER guess
    assert report.event_type.numerator == report.event_type.denominator == 3
    assert report.sub_event_type.numerator == 3 and report.fatalities.numerator == 3
    assert report.interaction.numerator == 3
    assert report.date.denominator == 0


def test_not_an_acled_file(tmp_path: Path) -> None:
    from peristiwa.errors import EvaluationError

    bad = write_csv(tmp_path / "bad.csv", ["a", "b"], [["1", "2"]])
    with pytest.raises(EvaluationError, match="not an ACLED export"):
        read_acled_csv(bad)
    with pytest.raises(EvaluationError, match="cannot read"):
        read_acled_csv(tmp_path / "missing.csv")


@pytest.mark.slow
def test_oracle_on_shared_acled(shared_data: Path) -> None:
    """The mapping reproduces ACLED's own coding from a plain PLOVER guess (evaluation only)."""
    path = shared_data / "acled" / "acled_indonesia_2015-2019.csv"
    if not path.exists():
        pytest.skip("ACLED Indonesia file not available")
    report = oracle_acled(path)
    assert (report.event_type.value or 0) >= 0.98
    assert (report.sub_event_type.value or 0) >= 0.97
