"""English clause readings that decide whether an event is told at all: the headline present ("drone kills
five"), a capitalised month or name that looks like a modal ("on 14 May held a march"), and a preposition
"to" before a purpose infinitive. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


@pytest.fixture(scope="module")
def run(pipeline: Pipeline):
    def _run(text: str) -> list[Event]:
        doc = pipeline(Document(doc_id="t", text=text, lang="en", published=dt.date(2021, 6, 5)))
        return list(doc.events)

    return _run


def _asserted(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype and e.modality == "asserted"]


# (text, type told as done): each row names the reading it tests
TOLD = [
    # the headline present with a count is an act
    ("A US drone kills at least five in the tribal district.", "ASSAULT"),
    ("The drone kills two commanders near the border.", "ASSAULT"),
    # a capitalised month is no modal
    ("Congress workers in Jammu on 14 May held a protest march in Srinagar against the government.", "PROTEST"),
    ("Workers on 3 May staged a rally outside the factory.", "PROTEST"),
    # a preposition "to" before a purpose infinitive
    ("Hundreds of activists marched to the minister's residence to protest against the suspension.", "PROTEST"),
    # armed encounters, battles and blows
    ("One soldier died in an encounter with the rebels on Friday evening.", "ASSAULT"),
    ("A policeman was injured in a fierce encounter between security forces and Maoists in the forest.", "ASSAULT"),
    ("Rebel troops and an army division engaged in battle for an hour in the afternoon.", "ASSAULT"),
    ("On Sunday there was an armed conflict between the rebels and the army in the regency.", "ASSAULT"),
    ("On Sunday the regent hit a journalist at the residential estate.", "ASSAULT"),
    # an adjective modal leaves the verb after its noun asserted
    ("An unidentified assailant and potential drug suspect lobbed a grenade at a police station.", "ASSAULT"),
    # protest verbs with an adjunct
    ("KPK officials demonstrate in front of their office to voice their concerns.", "PROTEST"),
    ("About 30 members, some armed with pipes, marched on the church, demanding its closure.", "PROTEST"),
    # armed groups storming a post, robbing a family; military operations; protesters barricading; weapons found
    ("Armed men stormed the army detachment in the town on Monday.", "ASSAULT"),
    ("Suspected rebels robbed a farmer at his house on Tuesday night.", "ASSAULT"),
    ("Air and artillery operations were launched against the rebels' hideouts on Friday.", "ASSAULT"),
    ("Supporters of the ousted governor barricaded the provincial capitol on Monday.", "PROTEST"),
    ("Soldiers recovered anti-personnel mines planted by the rebels near the road.", "COERCE"),
    ("Two clans settled their feud with the help of soldiers on Friday.", "AGREE"),
    ("Some 300 rebels turned over their firearms to the army on Sunday.", "RETREAT"),
    ("A police officer committed sexual assault against a detainee in the camp.", "ASSAULT"),  # no commitment
    ("Members of the group broke up a film screening at the campus on Saturday.", "COERCE"),
    ("Hardliners halted a discussion organised by students at the institute.", "COERCE"),
    ("Police intercepted more than 200 villagers on their way to the rally.", "COERCE"),
    ("Members of the militia intimidated a female journalist covering the event.", "THREATEN"),
    ("Soldiers recovered a rebel arms cache containing rifles and grenades near the village.", "COERCE"),
    ("Troops secured a homemade bomb left near the school gate.", "COERCE"),
    ("The army launched ground strikes at rebel positions in the hills.", "ASSAULT"),
    ("Gunmen stormed a plantation and took three workers as hostages on Monday.", "ASSAULT"),
    ("Three people died in a rido between two clans in the town on Sunday.", "ASSAULT"),
    # military strikes on a force are attacks, not a labour strike
    ("Jets carried out strikes on government forces near the town overnight.", "ASSAULT"),
]

# (text, type not told as done)
NOT_TOLD = [
    ("Workers may stage a rally outside the factory.", "PROTEST"),  # a lower-case modal still counts
    ("The students wanted to go there to protest against the fee rise.", "PROTEST"),  # an intention
    ("She had a chance encounter with the minister at the airport.", "ASSAULT"),
    ("The film hit the headlines last week.", "ASSAULT"),
    ("Officials warned of a potential attack on the capital.", "ASSAULT"),  # the adjective on its noun
    ("I met the family at a community centre in Ottawa last winter.", "CONSULT"),  # the writer's own doing
    ("The election came a week after he signed his promised “tax cut”.", "AGREE"),  # a participle adjective
    ("World powers moved to support opposing factions in the war.", "REJECT"),  # an -ing adjective
    ("Soldiers recovered without battle a rebel camp in the hills on Friday.", "ASSAULT"),  # no battle
    ("The two clans agreed to end their rido after talks with the army.", "ASSAULT"),  # a feud ended
    # in a story of an air war its "strikes" are no labour strikes
    ("Warplanes and missiles hit the base. The airstrikes lasted an hour. “These strikes target the regime,” "
     "the minister said.", "PROTEST"),
]


@pytest.mark.parametrize(("text", "etype"), TOLD)
def test_told_as_done(run, text: str, etype: str) -> None:
    events = run(text)
    assert _asserted(events, etype), [(e.type, e.modality) for e in events]


@pytest.mark.parametrize(("text", "etype"), NOT_TOLD)
def test_not_told_as_done(run, text: str, etype: str) -> None:
    assert not _asserted(run(text), etype)


def test_present_plural_noun_without_a_count_is_no_act(run) -> None:
    assert not run("The bamboo shoots are cheap at the market this week.")


def test_armed_drone_acts_for_its_state(run) -> None:
    (e,) = _asserted(run("A US drone killed five militants in the district."), "ASSAULT")
    assert [a.country for a in e.actors] == ["US"]
    assert e.actors[0].sector == "military"


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The clash killed two soldiers near the border.", "two soldiers"),
        ("Rioters attacked two men in the village.", "two men"),
        ("A mob killed a shopkeeper in the market.", "a shopkeeper"),
    ],
)
def test_event_noun_subject_leaves_the_object_to_the_verb(run, text: str, victims: str) -> None:
    (e,) = _asserted(run(text), "ASSAULT")
    assert victims in [text[r.start : r.end] for r in e.recipients]


def test_agent_noun_subject_still_acts(run) -> None:
    (e,) = _asserted(run("Rioters attacked two men in the village."), "ASSAULT")
    assert [a.name for a in e.actors] == ["rioters"]


@pytest.mark.parametrize(
    ("text", "captives"),
    [
        ("Suspected militants took 10 Indonesian sailors hostage off the coast.", "10 Indonesian sailors"),
        ("Rebels held 80 commuters hostage in a chapel on Friday.", "80 commuters"),
        ("Rebels held captive the vice mayor of the town.", "the vice mayor"),
    ],
)
def test_hostage_taking_with_the_captives_inside(run, text: str, captives: str) -> None:
    (e,) = _asserted(run(text), "ASSAULT")
    assert "abduct" in e.modes
    assert captives in [text[r.start : r.end] for r in e.recipients]


def test_executing_a_person_is_a_killing(run) -> None:
    assert _asserted(run("Guerrillas executed a drug suspect on Monday in the village."), "ASSAULT")
    assert not run("The company executed the plan on time.")


def test_definite_re_mention_names_the_victims(run) -> None:
    text = ("An armed group fired artillery shells into the village on Sunday. "
            "The shells injured four villagers and a monk.")
    (e,) = _asserted(run(text), "ASSAULT")
    assert "four villagers" in [text[r.start : r.end] for r in e.recipients]


def test_suicide_bombers_are_no_aircraft(run) -> None:
    (e,) = _asserted(run("Suicide bombers attacked the hotel in the capital on Friday."), "ASSAULT")
    assert [a.sector for a in e.actors] == ["armed group"]


@pytest.mark.parametrize(
    "text",
    [
        "A police officer was wounded during an encounter with a drug suspect in the village on Monday.",
        "On Sunday two rival clans engaged in firefights in the town.",
    ],
)
def test_encounters_and_firefights_are_armed(run, text: str) -> None:
    events = _asserted(run(text), "ASSAULT")
    assert events and all(e.acled is not None and e.acled.event_type == "Battles" for e in events)
