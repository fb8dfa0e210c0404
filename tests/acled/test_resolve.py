"""ACLED's fatalities rule, interaction codes and actor classes (synthetic records only)."""

from __future__ import annotations

import msgspec
import pytest

from peristiwa.acled import fatalities, interaction, load_mapping, resolve_document
from peristiwa.model import Actor, Count, Document, Entity, Event, Span


def killed(text: str, phrase: str, value: int, obj: str | None = None, qualifier: str = "exact") -> Count:
    start = text.index(phrase)
    return Count(start=start, end=start + len(phrase), kind="killed", value=value, object=obj,
                 qualifier=qualifier)


def dead(text: str, *counts: Count, lang: str = "en") -> int:
    m = load_mapping()
    cues = m.cues_for(lang)
    said = {c.name for c in cues if c.pattern.search(text)}
    return fatalities(counts, text, cues, vague="killed-vague" in said, vague_value=m.vague_fatalities,
                      one="killed-one" in said)


def test_lowest_report_of_the_same_group_wins() -> None:
    t = "At least 5 people were killed; police said 3 people died."
    assert dead(t, killed(t, "5 people", 5, "people"), killed(t, "3 people", 3, "people")) == 3


def test_distinct_groups_add_up_and_a_total_wins() -> None:
    t = "Two soldiers and three rebels were killed."
    assert dead(t, killed(t, "Two soldiers", 2, "soldiers"), killed(t, "three rebels", 3, "rebels")) == 5
    t = "Five people were killed, including three soldiers."
    assert dead(t, killed(t, "Five people", 5, "people"), killed(t, "three soldiers", 3, "soldiers")) == 5


def test_vague_numbers_follow_acled() -> None:
    t = "Dozens of people were killed."
    assert dead(t, killed(t, "Dozens of people", 10, "people", "at_least")) == 12
    t = "Puluhan orang tewas."
    assert dead(t, killed(t, "Puluhan orang", 10, "orang", "at_least"), lang="id") == 10
    t = "Several villagers were killed."
    assert dead(t, killed(t, "Several villagers", 3, "villagers", "at_least")) == 3
    t = "Some 30 people were killed."  # a number with "some": the number stands
    assert dead(t, killed(t, "Some 30 people", 30, "people", "about")) == 30
    assert dead("Several people were killed in the attack.") == 3  # no count: vague report
    assert dead("Beberapa warga tewas dalam serangan itu.", lang="id") == 3
    assert dead("No one was hurt.") == 0


def test_a_single_victim_is_one_death() -> None:
    assert dead("A soldier of the 46th battalion was killed during a clash.") == 1
    assert dead("Unidentified gunmen shot dead a village chief.") == 1
    assert dead("Seorang warga tewas dalam bentrokan itu.", lang="id") == 1
    t = "A soldier was killed and three rebels died."  # a count exists: the counts decide
    assert dead(t, killed(t, "three rebels", 3, "rebels")) == 3
    assert dead("A soldier was wounded.") == 0


def test_interaction_codes() -> None:
    assert interaction(1, 7) == "17"
    assert interaction(7, 1) == "17"
    assert interaction(6, 0) == "60"
    assert interaction(2, 2) == "22"
    assert interaction(None, 0) is None


def _doc(ev: Event, text: str = "x" * 40, **layers: object) -> Document:
    return Document(doc_id="d", text=text, lang="en", events=(ev,), **layers)


def test_entity_sector_gpe_and_protester_names() -> None:
    text = "Russia struck Idlib; students protested."
    w = Span(0, len(text))
    russia = Actor(start=0, end=6, name="Russia")  # sector comes from the entity layer
    ent = Entity(start=0, end=6, label="GPE", sector="government", name="Russia")
    ev = Event(id="e1", type="ASSAULT", modes=("aerial",), trigger=w, evidence=w, actors=(russia,),
               recipients=(Actor(start=14, end=19, name="Idlib residents", sector="civilians"),))
    d = resolve_document(_doc(ev, text, entities=(ent,)))["e1"]
    assert d.view is not None and d.view.interaction == "17" and d.inter1 == 1
    students = Actor(start=21, end=29, name="students")
    p = Event(id="p", type="PROTEST", modes=("demo",), trigger=w, evidence=w, actors=(students,))
    a = Event(id="a", type="ASSAULT", modes=("crowd-control",), trigger=w, evidence=w,
              actors=(Actor(start=0, end=1, name="police", sector="police"),), recipients=(students,))
    doc = Document(doc_id="d", text=text, lang="en", events=(p, a))
    out = resolve_document(doc)
    assert out["a"].folded_into == "p"
    assert out["p"].view is not None and out["p"].view.sub_event_type == "Protest with intervention"
    unfolded = resolve_document(doc, fold_into_protest=False)
    assert unfolded["a"].view is not None and unfolded["a"].view.sub_event_type == "Protest with intervention"
    assert unfolded["p"].view is not None and unfolded["p"].view.sub_event_type == "Peaceful protest"


def test_protest_on_other_day_is_not_folded() -> None:
    import datetime as dt

    from peristiwa.model import DateValue

    w = Span(0, 10)
    day = DateValue(dt.date(2019, 9, 24), dt.date(2019, 9, 24))
    other = DateValue(dt.date(2019, 9, 30), dt.date(2019, 9, 30))
    p = Event(id="p", type="PROTEST", modes=("demo",), trigger=w, evidence=w, date=day,
              actors=(Actor(start=0, end=1, name="students", sector="education"),))
    a = Event(id="a", type="COERCE", modes=("arrest",), trigger=w, evidence=w, date=other,
              actors=(Actor(start=0, end=1, name="police", sector="police"),))
    out = resolve_document(Document(doc_id="d", text="x" * 20, lang="en", events=(p, a)))
    assert out["a"].folded_into is None
    assert out["a"].view is not None and out["a"].view.sub_event_type == "Arrests"
    assert out["p"].view is not None and out["p"].view.sub_event_type == "Peaceful protest"


def test_peaceful_protest_has_no_fatalities() -> None:
    text = "Students protested the killing of 3 farmers."
    w = Span(0, len(text))
    p = Event(id="p", type="PROTEST", modes=("demo",), trigger=w, evidence=w,
              counts=(killed(text, "3 farmers", 3, "farmers"),))
    view = resolve_document(_doc(p, text))["p"].view
    assert view is not None and view.fatalities == 0 and view.interaction == "60"


def test_unknown_perpetrator_with_weapons_is_an_armed_group() -> None:
    w = Span(0, 10)
    ev = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=w, evidence=w,
               actors=(Actor(start=0, end=1, name="gunmen"),),
               recipients=(Actor(start=0, end=1, name="village head", sector="government"),))
    view = resolve_document(_doc(ev))["e1"].view
    assert view is not None
    assert (view.event_type, view.sub_event_type, view.interaction) == ("Violence against civilians", "Attack", "37")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_pack_style_extra_cues(lang: str) -> None:
    from peristiwa.acled.mapping import compile_cues

    extra = compile_cues([(1, {"lang": lang, "cue": "grenade", "pattern": r"\bzzgrenade\b", "value": ""})], "t")
    text = "They used a zzgrenade."
    w = Span(0, len(text))
    ev = Event(id="e1", type="ASSAULT", modes=("explosives",), trigger=w, evidence=w)
    doc = msgspec.structs.replace(_doc(ev, text), lang=lang)
    assert resolve_document(doc)["e1"].view.sub_event_type == "Remote explosive/landmine/IED"
    got = resolve_document(doc, extra_cues=extra)["e1"].view
    assert got is not None and got.sub_event_type == "Grenade"
