"""English news patterns of street violence and protest, and the ACLED view they lead to: thrown crude
bombs, arson with the object inside "set ... on fire", purpose infinitives of protest, strikes and protest
fasts, and crowds (not armed groups) fighting. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


@pytest.fixture(scope="module")
def run(pipeline: Pipeline):
    def _run(text: str) -> tuple[Document, list[Event]]:
        doc = pipeline(Document(doc_id="t", text=text, lang="en", published=dt.date(2021, 3, 5)))
        return doc, list(doc.events)

    return _run


def _asserted(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype and e.modality == "asserted"]


def _view(events: list[Event]) -> tuple[str, str] | None:
    coded = [e for e in events if e.acled is not None]
    if not coded:
        return None
    first = min(coded, key=lambda e: e.trigger.start)
    assert first.acled is not None
    return first.acled.event_type, first.acled.sub_event_type


# -- thrown and blasted crude bombs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unknown attackers hurled a petrol bomb at a parked truck near the market on Sunday.",
        "Masked men threw three crude bombs at the house of a councillor late on Friday.",
        "Attackers tossed two hand-bombs into the courtyard of the station.",
        "Unidentified men hurled at least four cocktail bombs in front of the college.",
        "Assailants blasted two cocktails near the bus terminal in the morning.",
        "A minibus was firebombed on the highway on Tuesday night.",
    ],
)
def test_thrown_crude_bombs_are_explosive_attacks(run, text: str) -> None:
    _, events = run(text)
    found = _asserted(events, "ASSAULT")
    assert found, [(e.type, e.modality) for e in events]
    assert "explosives" in found[0].modes
    assert _view(events) is not None and _view(events)[0] == "Explosions/Remote violence"  # type: ignore[index]


def test_thrown_things_that_are_no_weapons_are_no_attack(run) -> None:
    _, events = run("The coach threw the ball back to the players and the crowd cheered.")
    assert not _asserted(events, "ASSAULT")


def test_grenade_thrown_by_unknown_people_is_a_grenade_attack(run) -> None:
    _, events = run("Two unknown people on a motorcycle hurled a hand grenade at the party office.")
    assert _view(events) == ("Explosions/Remote violence", "Grenade")


def test_petrol_bomb_thrown_by_party_activists_is_a_riot(run) -> None:
    _, events = run("Opposition party activists hurled a petrol bomb at a passenger bus on Monday.")
    assert _view(events) == ("Riots", "Mob violence")


# -- "set X on fire" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified men set two buses on fire in the depot on Tuesday night.",
        "Attackers set a school building ablaze in the village on Monday.",
        "Masked men set the office of the cooperative afire before dawn.",
    ],
)
def test_set_object_on_fire_is_arson(run, text: str) -> None:
    _, events = run(text)
    found = _asserted(events, "ASSAULT")
    assert found and "destroy" in found[0].modes
    assert _view(events) == ("Strategic developments", "Looting/property destruction")


def test_set_without_fire_is_no_event(run) -> None:
    _, events = run("The council set a date for the vote on the new market on Monday.")
    assert not _asserted(events, "ASSAULT")


# -- purpose infinitives of protest --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Some 300 nurses gathered outside the ministry on Monday to protest against the new rota.",
        "Villagers dumped rubbish on the highway to protest the closure of their clinic.",
        "About 40 retired teachers held hands outside the town hall to demonstrate against pension cuts.",
        "Hundreds of traders marched to the district office to protest the new levy.",
    ],
)
def test_past_act_done_to_protest_is_a_protest(run, text: str) -> None:
    _, events = run(text)
    assert _asserted(events, "PROTEST"), [(e.type, e.modality) for e in events]
    assert _view(events) is not None and _view(events)[0] == "Protests"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "The union decided to march to the capital to protest the new law.",
        "Nurses will gather outside the ministry next week to protest the rota.",
        "The drivers never gathered to protest the fare cut.",
        "The party called a general strike to protest the arrest of its leader.",
    ],
)
def test_intended_or_negated_act_leaves_the_protest_unasserted(run, text: str) -> None:
    _, events = run(text)
    purpose = text.index(" to protest") + len(" to ")
    at = [e for e in events if e.type == "PROTEST" and e.trigger.start == purpose]
    assert all(e.modality != "asserted" for e in at), [(e.type, e.modality) for e in events]
    if "strike" not in text:  # the strike itself was called: that call is asserted
        assert not _asserted(events, "PROTEST"), [(e.type, e.modality) for e in events]


def test_purpose_infinitive_of_other_types_stays_a_purpose(run) -> None:
    _, events = run("The group raised money to attack the convoy.")
    assert not _asserted(events, "ASSAULT")


# -- strikes and protest fasts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Sanitation workers have been striking for nine days over unpaid wages.", "strike"),
        ("Striking workers blocked the gate of the factory on Wednesday.", "strike"),
        ("Contract teachers began a fast outside the education office on Monday.", "hunger"),
        ("The farmers continued their fast-unto-death for a third day.", "hunger"),
    ],
)
def test_strike_and_fast(run, text: str, mode: str) -> None:
    _, events = run(text)
    found = _asserted(events, "PROTEST")
    assert found and mode in {m for e in found for m in e.modes}, [(e.type, e.modes) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The economy began a fast recovery after the election.",
        "Lightning was striking the hills all night.",
    ],
)
def test_fast_and_striking_in_other_senses(run, text: str) -> None:
    _, events = run(text)
    assert not _asserted(events, "PROTEST")


# -- crowds fighting are rioters, not armed groups ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two groups of villagers clashed over a disputed pond on Friday, leaving twelve people injured.",
        "Members of two student unions clashed on the campus on Monday.",
        "Clashes broke out between police and groups of youths after the match.",
    ],
)
def test_crowds_clashing_without_weapons_riot(run, text: str) -> None:
    _, events = run(text)
    assert _view(events) is not None and _view(events)[0] == "Riots", [  # type: ignore[index]
        (e.type, e.acled, [(a.name, a.sector) for a in e.actors]) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The two groups exchanged fire for an hour on Monday.",
        "A man was killed when two rival groups clashed over a land dispute on Friday.",
        "Fighting between the army and the KIO was reported near the border.",
    ],
)
def test_weapons_deaths_or_names_keep_a_battle(run, text: str) -> None:
    _, events = run(text)
    assert _view(events) == ("Battles", "Armed clash"), [
        (e.type, e.acled, [(a.name, a.sector) for a in e.actors]) for e in events]


# -- who the participants are -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Blockaders set fire to a police van on the highway.", "protesters"),
        ("The agitators set fire to a police van.", "protesters"),
        ("Law enforcers opened fire on the picketers.", "police"),
        ("Miscreants hurled a crude bomb at the house of a councillor.", "armed group"),
        ("Ruling party men attacked the motorcade of the opposition leader.", "party"),
        ("Party activists vandalised the office of a rival candidate.", "party"),
    ],
)
def test_actor_sector_of_street_violence_words(run, text: str, sector: str) -> None:
    _, events = run(text)
    found = _asserted(events, "ASSAULT")
    assert found and sector in {a.sector for a in found[0].actors}, [
        (e.type, [(a.name, a.sector) for a in e.actors]) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani troops targeted Indian positions along the border on Monday.",
        "Militants attacked a police checkpost in the district on Friday.",
        "Rangers fired on Indian outposts along the border overnight.",
    ],
)
def test_attack_on_posts_of_security_forces_is_a_battle(run, text: str) -> None:
    _, events = run(text)
    assert _view(events) == ("Battles", "Armed clash"), [
        (e.type, [(a.name, a.sector) for a in e.recipients]) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Indian and Pakistani troops exchanged heavy fire along the border on Monday.",
        "Two men were killed in crossfire between police and robbers.",
    ],
)
def test_exchanges_of_fire(run, text: str) -> None:
    _, events = run(text)
    found = _asserted(events, "ASSAULT")
    assert found and "firearms" in found[0].modes
    assert _view(events) == ("Battles", "Armed clash")


def test_firing_as_a_noun(run) -> None:
    _, events = run("Two protesters were injured in police firing on Monday.")
    assert any("firearms" in e.modes for e in _asserted(events, "ASSAULT"))
    _, events = run("The firing of the minister surprised everyone.")
    assert not _asserted(events, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Ruling party men hacked a shopkeeper to death on Monday.",
        "Unknown men chopped a village headman to death on Tuesday night.",
        "A local leader was chopped to death by assailants on Tuesday night.",
    ],
)
def test_victim_between_verb_and_to_death(run, text: str) -> None:
    _, events = run(text)
    found = [e for e in _asserted(events, "ASSAULT") if e.acled is not None]
    assert found and found[0].acled is not None and found[0].acled.fatalities == 1, [
        (e.type, e.acled) for e in events]


def test_lethal_party_violence_is_a_political_militia_attack(run) -> None:
    _, events = run("Ruling party men hacked a shopkeeper to death on Monday.")
    assert _view(events) == ("Violence against civilians", "Attack")
    _, events = run("Party supporters beat up a journalist outside the court.")
    assert _view(events) == ("Riots", "Mob violence")


# -- attempted protests, fist fights, beatings ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Members of a farmers union were arrested when they attempted to picket the office of the governor.",
        "Some 200 contract workers were detained when they tried to lay siege to the head office.",
    ],
)
def test_attempted_protest_stopped_by_arrests(run, text: str) -> None:
    _, events = run(text)
    assert _asserted(events, "PROTEST"), [(e.type, e.modality) for e in events]
    assert _view(events) is not None and _view(events)[0] == "Protests"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels tried to attack the army base on Monday.",
        "Gunmen attempted to kill three policemen in the town on Monday.",
        "A group of three persons on Thursday tried to burn a man in the village.",
    ],
)
def test_attempted_attack_took_place_without_its_outcome(run, text: str) -> None:
    # ACLED codes an attempted attack as the attack ("gunmen attempted to kill a mayoral candidate. The plan
    # failed" is violence against civilians); nobody was killed by it
    _, events = run(text)
    assault = _asserted(events, "ASSAULT")
    assert assault, [(e.type, e.modality) for e in events]
    assert not any(c.kind == "killed" for e in assault for c in e.counts)
    assert all(e.acled is None or e.acled.fatalities == 0 for e in assault)


def test_attempted_bombing_did_not_go_off(run) -> None:
    # ACLED codes "attempted to detonate the bomb but failed" as a defusal (a strategic development)
    _, events = run("The group attempted to detonate the bomb in the park on Sunday but failed.")
    assert not _asserted(events, "ASSAULT")


def test_attempted_arrest_stays_an_attempt(run) -> None:
    _, events = run("Police tried to arrest the suspect on Monday.")
    assert not _asserted(events, "COERCE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A councillor was roughed up by rival party members on Monday.", ("Riots", "Mob violence")),
        ("Members of two unions exchanged blows during the wage talks.", ("Riots", "Mob violence")),
        ("A fire exchange broke out between Indian and Pakistani troops on Wednesday night.",
         ("Battles", "Armed clash")),
    ],
)
def test_fights_and_beatings(run, text: str, expected: tuple[str, str]) -> None:
    _, events = run(text)
    assert _view(events) == expected, [(e.type, e.acled) for e in events]


def test_slaughtered_person_is_one_death_but_not_cattle(run) -> None:
    _, events = run("An activist was slaughtered in the village on Thursday night.")
    found = [e for e in _asserted(events, "ASSAULT") if e.acled is not None]
    assert found and found[0].acled is not None and found[0].acled.fatalities == 1
    _, events = run("Villagers were arrested for the slaughter of cows.")
    assert not _asserted(events, "ASSAULT")


# -- air strikes told by the aircraft -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At least 15 militants were killed after Air Force jets targeted rebel hideouts in the valley.",
        "Twenty militants were killed as military fighter aircraft pounded hideouts in two villages.",
    ],
)
def test_aircraft_make_an_air_strike(run, text: str) -> None:
    _, events = run(text)
    assert _view(events) == ("Explosions/Remote violence", "Air/drone strike"), [
        (e.type, e.modes, e.acled) for e in events]


def test_air_force_officials_meeting_is_no_strike(run) -> None:
    _, events = run("The Air Force chief met the defence minister on Monday.")
    assert not _asserted(events, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "A man has been burnt to death in his house on Sunday.",
        "Unidentified gunmen shot a policeman dead in the town.",
        "An activist was shot to death near the college on Thursday night.",
    ],
)
def test_single_victim_wordings_are_one_death(run, text: str) -> None:
    _, events = run(text)
    found = [e for e in _asserted(events, "ASSAULT") if e.acled is not None]
    assert found and found[0].acled is not None and found[0].acled.fatalities == 1, [
        (e.type, e.acled) for e in events]


# -- crowds of unknown organisations against the police; marches, gatherings, road blocks --------------------


def test_unknown_organisation_clashing_with_police_only_riots(run) -> None:
    _, events = run("Members of the Youth Progress Front clashed with policemen outside the assembly on Monday.")
    assert _view(events) is not None and _view(events)[0] == "Riots"  # type: ignore[index]


def test_unknown_group_fighting_the_army_stays_a_battle(run) -> None:
    _, events = run("Fighting between the army and the KNLF was reported near the border.")
    assert _view(events) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "Party members gathered outside the chief minister's residence and demanded he resign.",
        "Teachers marched towards the education minister's residence demanding pay rises.",
        "Relatives of a murdered farmer blocked the Karur-Tiruchy national highway for two hours on Monday.",
        "Over 70 nurses gathered outside the office of the State Council of Medical Research in the capital "
        "to demonstrate against the decision.",
    ],
)
def test_gatherings_marches_and_road_blocks(run, text: str) -> None:
    _, events = run(text)
    assert _view(events) is not None and _view(events)[0] in ("Protests", "Riots"), [  # type: ignore[index]
        (e.type, e.modality, e.acled) for e in events]


@pytest.mark.parametrize("text", ["Troops marched towards the town.", "Rebels marched towards the capital."])
def test_forces_marching_are_no_protest(run, text: str) -> None:
    _, events = run(text)
    assert not _asserted(events, "PROTEST")


# -- the time of an event's topic is not the event's time --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Clerks staged a demonstration outside the treasury demanding a wage revision from January 2014.",
        "Trainee doctors protested outside the hospital over salaries unpaid since October 2019.",
        "Police arrested a man for a murder committed in 2013.",
    ],
)
def test_coarse_time_of_the_topic_does_not_date_the_event(run, text: str) -> None:
    _, events = run(text)
    first = min((e for e in events if e.acled is not None), key=lambda e: e.trigger.start)
    assert first.date is None or first.date.first.year == 2021, (first.type, first.date)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Students protested against the ban on 2 March.", dt.date(2021, 3, 2)),
        ("Rebels attacked the town in March 2013.", dt.date(2013, 3, 1)),
    ],
)
def test_event_times_are_kept(run, text: str, day: dt.date) -> None:
    _, events = run(text)
    first = min((e for e in events if e.acled is not None), key=lambda e: e.trigger.start)
    assert first.date is not None and first.date.first == day


@pytest.mark.parametrize(("text", "found"), [
    ("The police beat the journalist in Dhaka on Sunday.", True),
    ("The company beat the market estimates on Sunday.", False),  # what is beaten without violence
    ("India beat the odds on Sunday.", False),
    ("Students went on a rampage in the institute on Sunday.", True),
])
def test_beating_and_rampages(run, text: str, found: bool) -> None:
    _, events = run(text)
    assert bool(events) is found, [(e.type, e.modes) for e in events]


@pytest.mark.parametrize(("text", "found"), [
    ("Abu Sayyaf released the hostages on Monday.", True),
    ("Police released the suspects after questioning.", True),
    ("The video is one of few released by the militant group in recent months.", False),  # media, no captive
    ("The government released the names of the victims.", False),
])
def test_releasing_captives_not_media(run, text: str, found: bool) -> None:
    _, events = run(text)
    assert any(e.type == "RETREAT" for e in events) is found


@pytest.mark.parametrize(("text", "acled"), [
    ("The house of a village captain was strafed by unidentified assailants in Mandaue City.",
     ("Violence against civilians", "Attack")),
    ("A police informant was strangled to death by the group in Quezon City.",
     ("Violence against civilians", "Attack")),  # an informer is a civilian, not the police
    ("The 103rd Infantry Brigade encountered NPA members in Lanao del Sur.", ("Battles", "Armed clash")),
])
def test_philippine_english_violence(run, text: str, acled: tuple[str, str]) -> None:
    _, events = run(text)
    assert _view(events) == acled


@pytest.mark.parametrize(
    "text",
    [
        "Banda enforcers vandalized a motorbike in the district headquarters on Tuesday.",
        "Hartal supporters torched a bus on the highway on Sunday night.",
    ],
)
def test_strike_enforcers_riot(run, text: str) -> None:
    # South Asian English: people enforcing a general strike are its demonstrators (ACLED: Riots)
    _, events = run(text)
    assert _view(events) is not None and _view(events)[0] == "Riots"  # type: ignore[index]
