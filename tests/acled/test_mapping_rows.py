"""Every row of acled_map.tsv, exercised by a synthetic event (no ACLED data), plus the data's validity."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from peristiwa.acled import load_mapping, resolve_document
from peristiwa.model import ACLED_EVENT_TYPES, Actor, Count, Document, Event, Span


@dataclass
class Case:
    """One synthetic event: type, modes, actor/recipient sectors, an English sentence, expectations."""

    name: str
    type: str
    modes: tuple[str, ...]
    actors: tuple[str | None, ...]
    recipients: tuple[str | None, ...]
    sentence: str
    expect: tuple[str, str] | None
    interaction: str | None = None
    killed: int = 0
    extra: list[Event] = field(default_factory=list)
    counts: tuple[tuple[str, int], ...] = ()


def _actors(sectors: tuple[str | None, ...], prefix: str) -> tuple[Actor, ...]:
    return tuple(Actor(start=0, end=1, name=f"{prefix}{i}", sector=s) for i, s in enumerate(sectors))


def build(case: Case) -> Document:
    text = case.sentence
    whole = Span(0, len(text))
    counts = tuple(Count(start=0, end=0, kind=k, value=v) for k, v in case.counts)
    if case.killed:
        counts += (Count(start=0, end=0, kind="killed", value=case.killed),)
    ev = Event(
        id="e1", type=case.type, modes=case.modes, trigger=whole, evidence=whole,
        actors=_actors(case.actors, "a"), recipients=_actors(case.recipients, "r"), counts=counts,
    )
    return Document(doc_id=case.name, text=text, lang="en", events=(ev, *case.extra))


def _protest_doc(name: str, partner: Event, sentence: str) -> Case:
    return Case(name, "PROTEST", ("demo",), ("civilians",), (), sentence, None, extra=[partner])


W = Span(0, 10)
PROTESTERS = Actor(start=0, end=1, name="a0", sector="civilians")  # same name as the PROTEST's actor
POLICE = Actor(start=0, end=1, name="police", sector="police")

CASES = [
    Case("chemical", "ASSAULT", ("unconventional",), ("military",), ("civilians",), "Gas was used.",
         ("Explosions/Remote violence", "Chemical weapon"), "17"),
    Case("suicide", "ASSAULT", ("suicide-attack",), ("rebels",), ("civilians",), "A suicide attack.",
         ("Explosions/Remote violence", "Suicide bomb"), "27"),
    Case("air", "ASSAULT", ("aerial",), ("military",), ("rebels",), "Jets struck rebel positions.",
         ("Explosions/Remote violence", "Air/drone strike"), "12"),
    Case("air-ground", "ASSAULT", ("aerial", "heavy-weapons"), ("military",), ("rebels",),
         "Troops backed by airstrikes and artillery pressed a ground offensive against the rebels.",
         ("Battles", "Armed clash"), "12"),
    Case("grenade", "ASSAULT", ("explosives",), (None,), ("police",), "Two men threw a grenade at a police post.",
         ("Explosions/Remote violence", "Grenade"), "13"),
    Case("party-shooting", "ASSAULT", ("firearms", "targeted"), ("party",), ("civilians",),
         "Supporters of the ruling party shot dead a rival leader.", ("Violence against civilians", "Attack"), "37",
         killed=1),
    Case("party-hacking", "ASSAULT", ("primitive",), ("party",), ("civilians",),
         "Party men hacked a shopkeeper to death.", ("Violence against civilians", "Attack"), "37", killed=1),
    Case("party-petrol-bomb-kills", "ASSAULT", ("explosives",), ("party",), ("civilians",),
         "Party activists hurled a petrol bomb at a truck and the driver was killed.",
         ("Violence against civilians", "Attack"), "37", killed=1),
    Case("party-clash-kills", "ASSAULT", ("primitive",), ("party", "party"), (),
         "Supporters of two candidates clashed and a worker was killed.", ("Riots", "Mob violence"), "55", killed=1),
    Case("gunfight-unknown-side", "ASSAULT", ("firearms",), ("police",), (None,),
         "A regional leader of an outlawed party was killed in a gunfight with police.", ("Battles", "Armed clash"),
         "17", killed=1),
    Case("grenade-by-unknown-people", "ASSAULT", ("explosives",), ("civilians",), (),
         "Two unknown people on a motorcycle hurled a hand grenade at the office.",
         ("Explosions/Remote violence", "Grenade"), "50"),
    Case("petrol-bomb-villagers", "ASSAULT", ("explosives",), ("civilians",), ("police",),
         "Angry villagers hurled petrol bombs at the police.", ("Riots", "Mob violence"), "15"),
    Case("petrol-bomb-crowd", "ASSAULT", ("explosives",), ("party",), ("civilians",),
         "Party activists hurled a petrol bomb at a bus.", ("Riots", "Mob violence"), "57"),
    Case("petrol-bomb-demonstrators", "ASSAULT", ("explosives",), ("protesters",), ("police",),
         "Demonstrators threw crude bombs at the police.", ("Riots", "Violent demonstration"), "15"),
    Case("heavy-clash", "ASSAULT", ("heavy-weapons", "firearms"), ("military",), ("rebels",), "Tanks and rifles.",
         ("Battles", "Armed clash"), "12"),
    Case("shelling", "ASSAULT", ("heavy-weapons",), ("military",), (), "Artillery shelled the hills.",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"), "10"),
    Case("ied", "ASSAULT", ("explosives",), (), (), "A bomb planted by the road exploded.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), "30"),
    Case("regain", "ASSAULT", ("firearms",), ("military",), ("rebels",), "Troops recaptured the town from rebels.",
         ("Battles", "Government regains territory"), "12"),
    Case("overtake", "ASSAULT", ("firearms",), ("rebels",), ("military",), "Rebels took control of the village.",
         ("Battles", "Non-state actor overtakes territory"), "12"),
    Case("sexual", "ASSAULT", ("sexual",), ("police",), ("civilians",), "An officer assaulted a detainee.",
         ("Violence against civilians", "Sexual violence"), "17"),
    Case("capture", "ASSAULT", ("abduct",), ("military",), ("rebels",), "The army captured a rebel leader.",
         ("Strategic developments", "Arrests"), "12"),
    Case("abduct", "ASSAULT", ("abduct",), ("rebels",), ("civilians",), "Rebels kidnapped two teachers.",
         ("Violence against civilians", "Abduction/forced disappearance"), "27"),
    Case("protest-killed", "ASSAULT", (), ("police",), ("protesters",), "Police killed two protesters.",
         ("Protests", "Excessive force against protesters"), "16", killed=2),
    Case("protest-beaten", "ASSAULT", ("beat",), ("police",), ("protesters",), "Police beat protesters.",
         ("Protests", "Excessive force against protesters"), "16"),
    Case("protest-dispersed", "ASSAULT", (), ("police",), ("protesters",), "Police dispersed the protesters.",
         ("Protests", "Protest with intervention"), "16"),
    Case("tear-gas", "ASSAULT", ("crowd-control",), ("police",), (), "Police fired tear gas.",
         ("Protests", "Protest with intervention"), "16"),
    Case("tear-gas-killed", "ASSAULT", ("crowd-control",), (None,), (), "A tear gas canister killed a youth.",
         ("Protests", "Excessive force against protesters"), "16", killed=1),
    Case("against-rioters", "ASSAULT", ("crowd-control",), ("police",), ("rioters",), "Police fought rioters.",
         ("Riots", "Violent demonstration"), "15"),
    Case("protesters-violent", "ASSAULT", ("primitive",), ("protesters",), ("police",), "Protesters threw stones.",
         ("Riots", "Violent demonstration"), "15"),
    Case("mob", "ASSAULT", ("beat",), ("civilians",), ("civilians",), "Villagers beat a man.",
         ("Riots", "Mob violence"), "57"),
    Case("fighting-unnamed-sides", "ASSAULT", (), (), (), "Heavy fighting erupted north of the town on Monday.",
         ("Battles", "Armed clash"), "30"),
    Case("officer-shot-at-home", "ASSAULT", ("firearms",), (None,), ("police",),
         "Unknown men shot a police sergeant dead outside his house.", ("Violence against civilians", "Attack"), "37",
         killed=1),
    Case("mob-unnamed", "ASSAULT", ("beat",), (), (None,), "An angry mob beat a thief.",
         ("Riots", "Mob violence"), "57"),
    Case("arson", "ASSAULT", ("destroy", "primitive"), ("rebels",), ("civilians",), "Rebels burned two trucks.",
         ("Strategic developments", "Looting/property destruction"), "27"),
    Case("clash", "ASSAULT", ("firearms",), ("rebels",), ("police",), "Rebels attacked a police post.",
         ("Battles", "Armed clash"), "12"),
    Case("clash-cue", "ASSAULT", ("firearms",), ("military",), (), "Soldiers clashed with gunmen.",
         ("Battles", "Armed clash"), "10"),
    Case("attack", "ASSAULT", ("firearms",), (None,), ("civilians",), "Gunmen shot a farmer.",
         ("Violence against civilians", "Attack"), "37", killed=1),
    Case("ied-clash", "ASSAULT", ("explosives",), ("rebels",), ("military",),
         "Rebels set off a landmine and the patrol fought a clash with them.", ("Battles", "Armed clash"), "12"),
    Case("ied-encounter", "ASSAULT", ("explosives",), (), ("military",),
         "Two soldiers were wounded by an IED during an encounter.", ("Battles", "Armed clash"), "13"),
    Case("bomb-defused", "ASSAULT", ("explosives",), (None,), (), "A bomb was defused at the market.",
         ("Strategic developments", "Disrupted weapons use"), "30"),
    Case("ied-found", "ASSAULT", ("explosives",), ("military",), (), "Soldiers recovered an IED by the road.",
         ("Strategic developments", "Disrupted weapons use"), "10"),
    Case("controlled-detonation", "ASSAULT", ("explosives",), ("military",), (),
         "Troops detonated a homemade bomb left on the highway.",
         ("Strategic developments", "Disrupted weapons use"), "10"),
    Case("vigilante", "ASSAULT", ("firearms",), ("armed group",), ("police",),
         "A police officer suspected of drug dealing was shot in a vigilante-style attack.",
         ("Violence against civilians", "Attack"), "37"),
    Case("encounter", "ASSAULT", (), (), ("military",), "Three soldiers were killed in an encounter.",
         ("Battles", "Armed clash"), "10", killed=3),
    Case("ambushed", "ASSAULT", (), (), ("military",), "An army patrol was ambushed near the border.",
         ("Battles", "Armed clash"), "10"),
    Case("police-crowd-clash", "ASSAULT", (), ("police",), ("party",),
         "Police and supporters of the opposition party clashed in the market town.",
         ("Riots", "Mob violence"), "15"),
    Case("battle-with-police", "ASSAULT", (), ("police",), (), "A gang leader was killed in a battle with police.",
         ("Battles", "Armed clash"), "10", killed=1),
    Case("unnamed-clash", "ASSAULT", (), (None,), (None,), "Two groups of youths clashed in the town.",
         ("Riots", "Mob violence"), "57"),
    Case("riot", "PROTEST", ("riot",), ("civilians",), (), "The demonstration turned into a riot.",
         ("Riots", "Violent demonstration"), "50"),
    Case("roadblock", "PROTEST", ("demo", "obstruct"), ("civilians",), (),
         "Farmers rallied outside the office and blocked the main road with burning tires.",
         ("Riots", "Violent demonstration"), "50"),
    Case("peaceful-roadblock", "PROTEST", ("riot", "obstruct"), ("civilians",), (),
         "Residents blocked a road in a peaceful protest against the riot police.",
         ("Protests", "Peaceful protest"), "60"),
    _protest_doc("fold-violent", Event(id="e2", type="ASSAULT", modes=("primitive",), trigger=W, evidence=W,
                                       actors=(PROTESTERS,), recipients=(POLICE,)), "Students threw stones."),
    _protest_doc("fold-excessive", Event(id="e2", type="ASSAULT", modes=("firearms",), trigger=W, evidence=W,
                                         actors=(POLICE,), recipients=(PROTESTERS,),
                                         counts=(Count(start=0, end=0, kind="killed", value=1),)),
                 "Police shot a student."),
    _protest_doc("fold-arrest", Event(id="e2", type="COERCE", modes=("arrest",), trigger=W, evidence=W,
                                      actors=(POLICE,), recipients=(PROTESTERS,)), "Police arrested students."),
    Case("boycott", "PROTEST", ("boycott",), ("civilians",), (), "Shoppers boycotted the brand.", None),
    Case("demo", "PROTEST", ("demo",), ("education",), (), "Students rallied peacefully.",
         ("Protests", "Peaceful protest"), "60"),
    Case("defuse", "COERCE", (), ("police",), (), "The bomb squad defused an explosive device.",
         ("Strategic developments", "Disrupted weapons use"), "10"),
    Case("weapons", "COERCE", ("seize",), ("police",), ("rebels",), "Police seized firearms and ammunition.",
         ("Strategic developments", "Disrupted weapons use"), "12"),
    Case("camp", "COERCE", ("seize",), ("military",), (), "Soldiers took control of the area without a fight.",
         ("Strategic developments", "Non-violent transfer of territory"), "10"),
    Case("arrest-protesters", "COERCE", ("arrest",), ("police",), ("protesters",), "Police detained marchers.",
         ("Protests", "Protest with intervention"), "16"),
    Case("detained-by-rebels", "COERCE", ("arrest",), ("rebels",), ("civilians",), "Rebels held villagers.",
         ("Violence against civilians", "Abduction/forced disappearance"), "27"),
    Case("arrest", "COERCE", ("arrest",), ("police",), ("civilians",), "Police arrested a suspect.",
         ("Strategic developments", "Arrests"), "17"),
    Case("confiscate", "COERCE", ("seize",), ("police",), ("civilians",), "Police confiscated farmland.",
         ("Strategic developments", "Looting/property destruction"), "17"),
    Case("intercept", "COERCE", ("seize",), ("government",), (), "Two states intercepted a shipment.", None),
    Case("curfew", "COERCE", ("curfew",), ("government",), (), "The governor imposed a curfew.",
         ("Strategic developments", "Change to group/activity"), "10"),
    Case("censor", "COERCE", ("censor",), ("government",), ("media",), "The ministry banned a newspaper.", None),
    Case("ceasefire", "RETREAT", ("ceasefire",), ("rebels",), (), "The rebels observed a truce.",
         ("Strategic developments", "Agreement"), "20"),
    Case("surrender", "RETREAT", (), ("rebels",), ("military",), "Ten rebels surrendered to the army.",
         ("Strategic developments", "Agreement"), "12"),
    Case("withdraw", "RETREAT", ("withdraw",), ("military",), (), "Troops withdrew from the district.",
         ("Strategic developments", "Non-violent transfer of territory"), "10"),
    Case("resign", "RETREAT", ("resign",), ("government",), (), "The minister resigned.", None),
    Case("peace-deal", "AGREE", (), ("government", "rebels"), (), "Both sides signed a ceasefire.",
         ("Strategic developments", "Agreement"), "12"),
    Case("concede-surrender", "CONCEDE", (), ("rebels",), (), "The group agreed to surrender.",
         ("Strategic developments", "Agreement"), "20"),
    Case("agree-rebels", "AGREE", (), ("rebels",), (), "The rebel group agreed to talks.",
         ("Strategic developments", "Agreement"), "20"),
    Case("agree-with-rebels", "AGREE", (), ("government",), ("rebels",), "The government agreed with rebels.",
         ("Strategic developments", "Agreement"), "12"),
    Case("displaced", "SANCTION", ("expel",), ("military",), ("civilians",), "Fighting forced families to flee.",
         ("Strategic developments", "Other"), "17", counts=(("displaced", 300),)),
    Case("base", "MOBILIZE", ("troops",), ("military",), (), "The army set up a new base near the border.",
         ("Strategic developments", "Headquarters or base established"), "10"),
    Case("deploy", "MOBILIZE", ("police",), ("police",), (), "Police deployed 500 officers.",
         ("Strategic developments", "Change to group/activity"), "10"),
    Case("accuse", "ACCUSE", (), ("government",), ("rebels",), "The government accused the rebels.", None),
    Case("consult", "CONSULT", ("visit",), ("government",), ("international",), "The minister met envoys.", None),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_mapping_row(case: Case) -> None:
    if case.name.startswith("fold"):
        pytest.skip("checked in test_protest_folding")
    doc = build(case)
    decisions = resolve_document(doc)
    view = decisions["e1"].view
    if case.expect is None:
        assert view is None, decisions["e1"].note
        return
    assert view is not None, decisions["e1"].note
    assert (view.event_type, view.sub_event_type) == case.expect, decisions["e1"].note
    assert view.interaction == case.interaction
    assert view.fatalities == case.killed


def test_protest_folding() -> None:
    expected = {
        "fold-violent": ("Riots", "Violent demonstration", "15", 0),
        "fold-excessive": ("Protests", "Excessive force against protesters", "16", 1),
        "fold-arrest": ("Protests", "Protest with intervention", "16", 0),
    }
    for case in CASES:
        if case.name not in expected:
            continue
        decisions = resolve_document(build(case))
        view = decisions["e1"].view
        assert view is not None
        assert (view.event_type, view.sub_event_type, view.interaction, view.fatalities) == expected[case.name]
        assert decisions["e2"].view is None and decisions["e2"].folded_into == "e1"


def test_every_rule_has_a_case() -> None:
    """Each row of acled_map.tsv decides at least one case above (so each row is tested)."""
    hit = set()
    for case in CASES:
        for d in resolve_document(build(case)).values():
            if d.rule is not None:
                hit.add(d.rule.line)
    missing = [f"{r.where} {r.types} {r.sub_event_type}" for r in load_mapping().rules if r.line not in hit]
    assert not missing, missing


def test_data_is_valid_and_complete() -> None:
    m = load_mapping()
    assert set(m.subtypes) == set(ACLED_EVENT_TYPES)
    assert sum(len(v) for v in m.subtypes.values()) == 25
    produced = {(r.event_type, r.sub_event_type) for r in m.rules if r.event_type}
    all_pairs = {(t, s) for t, subs in m.subtypes.items() for s in subs}
    assert produced == all_pairs, all_pairs - produced
    assert all(r.source.startswith("ACLED") and r.rationale for r in m.rules)
    for sector in ("government", "military", "police", "rebels", "armed group", "political party", "civilians",
                   "protesters", "media", "international organisation", "COP", "REB", "UAF"):
        assert m.sector_class(sector) is not None, sector
    assert m.sector_class("government;party") == "official"
    assert m.sector_class("no such sector") is None
    assert {c.lang for c in m.cues} == {"en", "id"}


def test_modality_and_non_acled_events() -> None:
    case = Case("future", "ASSAULT", ("firearms",), ("rebels",), ("police",), "Rebels will attack.", None)
    doc = build(case)
    future = doc.with_layers(events=(doc.events[0].__class__(**{
        **{f: getattr(doc.events[0], f) for f in doc.events[0].__struct_fields__}, "modality": "future"}),))
    d = resolve_document(future)["e1"]
    assert d.view is None and d.note == "modality future"
    assert resolve_document(future, modalities=("asserted", "future"))["e1"].view is not None


def test_foreign_state_forces_are_external() -> None:
    from peristiwa.model import Place

    case = Case("foreign", "ASSAULT", ("aerial",), ("military",), ("rebels",), "Foreign jets struck.", None)
    doc = build(case)
    ev = doc.events[0]
    import msgspec

    us = Actor(start=0, end=1, name="United States military", sector="military", country="US")
    ev = msgspec.structs.replace(ev, actors=(us,), locations=(Place(start=0, end=1, country="SY"),))
    view = resolve_document(doc.with_layers(events=(ev,)))["e1"].view
    assert view is not None and view.interaction == "28"


def test_former_or_off_duty_members_of_armed_forces_are_civilians() -> None:
    text = "Gunmen shot dead a former police officer in the town."
    gunmen = Actor(start=0, end=6, name="gunmen", sector="armed group")
    i = text.index("police officer")
    officer = Actor(start=i, end=i + len("police officer"), name="police officer", sector="police")
    whole = Span(0, len(text))
    ev = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=whole, evidence=whole, actors=(gunmen,),
               recipients=(officer,))
    view = resolve_document(Document(doc_id="f", text=text, lang="en", events=(ev,)))["e1"].view
    assert view is not None and (view.sub_event_type, view.interaction) == ("Attack", "37")
    serving = text.replace("former", "senior")
    ev2 = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=whole, evidence=whole, actors=(gunmen,),
                recipients=(officer,))
    view2 = resolve_document(Document(doc_id="g", text=serving, lang="en", events=(ev2,)))["e1"].view
    assert view2 is not None and (view2.sub_event_type, view2.interaction) == ("Armed clash", "13")


def _doc_with(text: str, *events: Event) -> Document:
    return Document(doc_id="d", text=text, lang="en", events=events)


def test_one_demonstration_and_its_dispersal() -> None:
    """Two PROTEST mentions close together are one demonstration (the road blockade of the second makes the
    first violent); a dispersal by anyone, and an arrest read with the protesters as its actor, fold in."""
    text = "Students held a demonstration in the city. They blockaded a road. A group of locals dispersed them."
    whole = Span(0, len(text))
    s1, s2 = Span(0, 42), Span(43, 65)
    s3 = Span(66, len(text))
    students = Actor(start=0, end=8, name="students", sector="education")
    demo = Event(id="e1", type="PROTEST", modes=("demo",), trigger=s1, evidence=s1, actors=(students,))
    block = Event(id="e2", type="PROTEST", modes=("obstruct",), trigger=s2, evidence=s2, actors=(students,))
    locals_ = Actor(start=68, end=82, name="locals", sector=None)
    disperse = Event(id="e3", type="COERCE", modes=("restrict",), trigger=s3, evidence=s3, actors=(locals_,))
    d = resolve_document(_doc_with(text, demo, block, disperse))
    assert d["e1"].view is not None and d["e1"].view.sub_event_type == "Violent demonstration"
    assert d["e3"].folded_into is not None
    arrest = Event(id="e4", type="COERCE", modes=("arrest",), trigger=whole, evidence=whole, actors=(students,))
    calm = Event(id="e1", type="PROTEST", modes=("demo",), trigger=s1, evidence=s1, actors=(students,))
    d2 = resolve_document(_doc_with(text, calm, arrest))
    assert d2["e4"].folded_into == "e1"
    assert d2["e1"].view is not None and d2["e1"].view.sub_event_type == "Protest with intervention"


def test_demonstrators_clashing_with_police_riot() -> None:
    """A clash or brawl between demonstrators and the police during a protest: the demonstrators fought too."""
    text = "Students held a demonstration. They clashed with the police."
    s1, s2 = Span(0, 30), Span(31, len(text))
    students = Actor(start=0, end=8, name="students", sector="education")
    police = Actor(start=s2.end - 7, end=s2.end - 1, name="police", sector="police")
    demo = Event(id="e1", type="PROTEST", modes=("demo",), trigger=s1, evidence=s1, actors=(students,))
    clash = Event(id="e2", type="ASSAULT", trigger=s2, evidence=s2, actors=(police, students))
    d = resolve_document(_doc_with(text, demo, clash))
    assert d["e2"].folded_into == "e1"
    assert d["e1"].view is not None and d["e1"].view.sub_event_type == "Violent demonstration"


def test_incident_toll_and_two_named_victims() -> None:
    """An agentless report of deaths right after an attack is its toll; two singular victims are two deaths."""
    text = "A firefight broke out between rebels and troops in the hills. It left one rebel killed."
    s1, s2 = Span(0, 61), Span(62, len(text))
    rebels = Actor(start=30, end=36, name="rebels", sector="rebels")
    troops = Actor(start=41, end=47, name="troops", sector="military")
    k = text.index("one rebel")
    fight = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=s1, evidence=s1, actors=(rebels, troops))
    toll = Event(id="e2", type="ASSAULT", trigger=s2, evidence=s2,
                 counts=(Count(start=k, end=k + 9, kind="killed", value=1, object="rebel"),))
    view = resolve_document(_doc_with(text, fight, toll))["e1"].view
    assert view is not None and (view.sub_event_type, view.fatalities) == ("Armed clash", 1)
    text2 = "A drug suspect and his companion were shot dead by unidentified gunmen."
    w = Span(0, len(text2))
    gunmen = Actor(start=text2.index("gunmen"), end=len(text2) - 1, name="gunmen", sector="armed group")
    shot = Event(id="e1", type="ASSAULT", modes=("firearms",), trigger=w, evidence=w, actors=(gunmen,))
    view2 = resolve_document(_doc_with(text2, shot))["e1"].view
    assert view2 is not None and (view2.sub_event_type, view2.fatalities) == ("Attack", 2)
