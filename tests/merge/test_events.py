"""Cross-article merging: same event merges with reasons; different places or types do not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peristiwa.merge.events import EventRef, MergeOptions, merge_events
from peristiwa.model import Count


def ref(doc: str, type_: str = "ASSAULT", day: int | None = 6, lat: float | None = 34.7,
        lon: float | None = 36.7, who: tuple[str, ...] = ("russia", "islamic state"),
        killed: int | None = None, group: str | None = None, source: str | None = None) -> EventRef:
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


def words(text: str) -> frozenset[str]:
    from peristiwa.merge.events import evidence_words

    return evidence_words(text)


ATTACK = "Serangan udara menewaskan 20 militan di dekat kota Homs pada Selasa pagi menurut Kremlin."
ARREST = "Polisi menangkap dua tersangka penyelundupan senjata di pelabuhan Tartus pada malam harinya."


def test_one_document_never_contributes_two_events_to_a_cluster() -> None:
    a1 = replace(ref("a", who=()), words=words(ATTACK))
    a2 = replace(ref("a", who=()), event_id="e2", words=words(ARREST))
    b1 = replace(ref("b", who=()), words=words(ATTACK))
    merged = {m.members for m in merge_events([a1, a2, b1])}
    assert merged == {("a/e1", "b/e1"), ("a/e2",)}


def test_similar_wording_alone_merges_and_unrelated_wording_does_not() -> None:
    a = replace(ref("a", lat=None, lon=None, who=()), words=words(ATTACK))
    b = replace(ref("b", lat=None, lon=None, who=()), words=words(ATTACK.replace("menewaskan", "membunuh")))
    c = replace(ref("c", lat=None, lon=None, who=()), words=words(ARREST))
    members = sorted(m.members for m in merge_events([a, b, c]))
    assert members == [("a/e1", "b/e1"), ("c/e1",)]
    (reason,) = next(m for m in merge_events([a, b]) if len(m.members) == 2).reasons
    assert "text" in reason.agreed and reason.text_similarity and reason.text_similarity > 0.5


def test_chains_cannot_glue_events_outside_the_window() -> None:
    a, b, c = ref("a", day=6), ref("b", day=8), ref("c", day=10)  # a~b and b~c, but a and c are 4 days apart
    clusters = [m.members for m in merge_events([a, b, c])]
    assert len(clusters) == 2 and all(len(m) <= 2 for m in clusters)


def test_the_same_sentence_in_two_copies_merges_despite_a_date_conflict() -> None:
    a = replace(ref("a", day=6, group="g"), words=words(ATTACK))
    b = replace(ref("b", day=20, group="g"), words=words(ATTACK))
    (m,) = merge_events([a, b])
    assert m.reasons[0].ignored_conflicts == ("date",)
    assert m.reasons[0].to_dict()["ignored_conflicts"] == ["date"]
    assert len(merge_events([a, replace(b, group_id=None)])) == 2


def test_compatible_types_merge_only_when_declared() -> None:
    a, b = ref("a"), ref("b", type_="COERCE")
    assert len(merge_events([a, b])) == 2
    (m,) = merge_events([a, b], MergeOptions(compatible_types=(("ASSAULT", "COERCE"),)))
    assert m.reasons[0].agreed[0] == "type:ASSAULT~COERCE"
