"""Cross-article merging: same event merges with reasons; different places or types do not."""

from __future__ import annotations

import datetime as dt

from peristiwa.merge.events import EventRef, MergeOptions, merge_events
from peristiwa.model import Count


def ref(doc: str, type_: str = "ASSAULT", day: int | None = 6, lat: float | None = 34.7, lon: float | None = 36.7,
        who: tuple[str, ...] = ("russia", "islamic state"), killed: int | None = None, group: str | None = None,
        source: str | None = None) -> EventRef:
    date = dt.date(2015, 10, day) if day else None
    counts = (Count(start=0, end=1, kind="killed", value=killed),) if killed is not None else ()
    return EventRef(doc, "e1", type_, date, date, lat, lon, "SY" if lat else None, frozenset(who), counts,
                    source, group)


def test_same_event_from_two_outlets_merges_and_keeps_both_counts() -> None:
    merged = merge_events([ref("a", killed=20, source="Kremlin"), ref("b", day=7, killed=35, source="SOHR")])
    assert len(merged) == 1
    m = merged[0]
    assert m.members == ("a/e1", "b/e1")
    assert sorted(c.value for _, c, _ in m.counts) == [20, 35]
    assert {s for _, _, s in m.counts} == {"Kremlin", "SOHR"}
    (reason,) = m.reasons
    assert reason.date_gap_days == 1 and reason.distance_km == 0.0 and reason.actor_overlap == 1.0


def test_far_apart_or_other_type_or_other_week_do_not_merge() -> None:
    refs = [ref("a"), ref("b", lat=36.2, lon=37.1), ref("c", type_="PROTEST"), ref("d", day=20)]
    assert len(merge_events(refs)) == 4


def test_no_evidence_about_who_or_where_does_not_merge() -> None:
    refs = [ref("a", lat=None, lon=None, who=()), ref("b", lat=None, lon=None, who=())]
    assert len(merge_events(refs)) == 2


def test_duplicate_group_and_undated_events_use_publication_date() -> None:
    refs = [ref("a", day=None, lat=None, lon=None, who=(), group="g"),
            ref("b", day=None, lat=None, lon=None, who=(), group="g")]
    published = {"a": dt.date(2015, 10, 7), "b": dt.date(2015, 10, 8)}
    assert len(merge_events(refs, published=published)) == 1
    assert len(merge_events(refs)) == 2  # without dates nothing can be placed in time


def test_thresholds_undo_merges() -> None:
    refs = [ref("a"), ref("b", lat=34.9, lon=36.9)]
    assert len(merge_events(refs)) == 1
    assert len(merge_events(refs, MergeOptions(max_km=5))) == 2
