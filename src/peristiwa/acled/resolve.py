"""How ACLED would code each event of a document: types, fatalities and the actor pairing.

Why per document, not per event: ACLED codes one record per demonstration, so a PROTEST and the police
intervention against it (a COERCE arrest, an ASSAULT with tear gas) or the protesters' own violence (an
ASSAULT by them) are one ACLED event: "Protest with intervention", "Excessive force against protesters"
or "Violent demonstration". Those partner events are *folded* into the PROTEST (their own view is None,
their counts and actors join the protest's) - see ``fold_into_protest`` in ``data/acled.toml``.

The steps for one event, each driven by the data files of :mod:`peristiwa.acled.mapping`:

1. Sides: the acting side is ``Event.actors``, the side acted upon ``Event.recipients``; with no
   recipients and several actors (two-sided fighting, PLOVER's convention) the first actor is one side
   and the rest the other. Each side's class is the highest-priority class of its actors' sectors
   (``acled_sectors.tsv``), ``unknown`` for an actor with no known sector, ``none`` for an empty side;
   a name that marches in a PROTEST of the document counts as a protester; a member of an armed force
   described as former, retired or off duty (``off-duty`` cues) is a civilian. An ASSAULT by an unknown
   perpetrator with weapons is by an Unidentified Armed Group (class ``militia``), one with crowd-control
   means by state forces; a country (GPE entity) or a government using force acts as state forces.
2. Flags: counts (killed, injured, displaced), cues of the document's language in the event's sentences.
3. The first matching row of ``acled_map.tsv`` gives the types and which side is ACLED's actor1.
4. Inter codes from ``acled_classes.tsv``; interaction = both codes, lower first ("17"), or "X0" alone.
5. Fatalities by ACLED's conservative rule (:func:`fatalities`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import AcledView, Actor, Count, Document, Event
from ..text.caseless import needle_filter
from .mapping import AcledMapping, Cue, Rule, load_mapping

__all__ = ["AcledDecision", "fatalities", "interaction", "resolve_document"]

_FOLD_VIOLENCE_MODES = frozenset({"destroy", "primitive", "beat"})
_INTERVENTION_COERCE_MODES = frozenset({"arrest", "restrict", "curfew", "seize"})


@dataclass(frozen=True)
class AcledDecision:
    """The ACLED coding of one event, with what it rests on (for audits and the CSV export).

    ``actor1``/``actor2`` are ACLED's sides (already swapped when the row says so); ``inter2`` is 0 when
    there is no actor2; ``folded_into`` is the id of the PROTEST event this one was folded into; ``note``
    says why in words (``acled_map.tsv:LINE``, ``folded into ...``, ``modality future``, ``no rule``).
    """

    event_id: str
    view: AcledView | None
    rule: Rule | None = None
    actor1: tuple[Actor, ...] = ()
    actor2: tuple[Actor, ...] = ()
    inter1: int | None = None
    inter2: int = 0
    folded_into: str | None = None
    note: str = ""


@dataclass(frozen=True)
class _Info:
    event: Event
    side1: tuple[Actor, ...]
    side2: tuple[Actor, ...]
    cls1: str
    cls2: str
    two_sided: bool
    modes: frozenset[str]
    flags: frozenset[str]
    text: str


def interaction(inter1: int | None, inter2: int) -> str | None:
    """ACLED's interaction code: both inter codes, lower first ("17"); a lone actor gives "X0"."""
    if inter1 is None:
        return None
    if not inter2:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def fatalities(
    counts: Sequence[Count], text: str, cues: Sequence[Cue], *, vague: bool, vague_value: int, one: bool | int = False
) -> int:
    """ACLED's reported fatalities from an event's counts (the most conservative reading).

    Killed counts of the same group (same object) are conflicting reports: the lowest wins. Counts of
    different specific groups ("two soldiers and three rebels") add up, unless a generic count ("five
    people") states the total, which then wins (lowest generic). A count written as a vague word takes
    ACLED's value for it ("dozens" 12, "hundreds" 100; "several" 3; ``fatality-word`` cues). No killed count
    but a vague report of deaths (``vague``) gives ``vague_value``; a single victim ("a soldier was killed",
    ``one``) gives 1, or ``one`` itself when it is a number ("a driver and his son were shot dead": 2);
    nothing gives 0.
    """
    words = [c for c in cues if c.name == "fatality-word"]
    generic = [c for c in cues if c.name == "generic-victims"]
    groups: dict[str, int] = {}
    generic_keys: set[str] = set()
    for c in counts:
        if c.kind != "killed":
            continue
        value = c.value
        covered = text[c.start : c.end]
        if covered and not any(ch.isdigit() for ch in covered):
            for w in words:
                if w.value is not None and w.pattern.search(covered):
                    value = w.value
                    break
        key = (c.object or "").strip().casefold()
        if not key or any(g.pattern.search(key) for g in generic):
            generic_keys.add(key)
        groups[key] = min(groups.get(key, value), value)
    if not groups:
        return vague_value if vague else int(one)
    if generic_keys:
        return min(groups[k] for k in generic_keys)
    return sum(groups.values())


def _dates_meet(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    return a.date.first <= b.date.last and b.date.first <= a.date.last


def _event_text(doc: Document, ev: Event) -> str:
    spans = [ev.trigger, ev.evidence, *ev.mentions]
    return "\n".join(doc.text[s.start : s.end] for s in spans)


class _Resolver:
    """One document's resolution (holds the lookups built once per document)."""

    def __init__(self, doc: Document, mapping: AcledMapping, cues: Sequence[Cue], modalities: Iterable[str]):
        self.doc = doc
        self.m = mapping
        self.cues = tuple(cues)
        self.needles = needle_filter(tuple(c.pattern for c in self.cues))  # one automaton pass per event text
        self.modalities = frozenset(modalities)
        self.entity_sector = {(e.start, e.end): e.sector for e in doc.entities if e.sector}
        self.gpe = frozenset((e.start, e.end) for e in doc.entities if e.label == "GPE")
        self.protesters = frozenset(
            a.name.casefold()
            for ev in doc.events
            if ev.type == "PROTEST" and ev.modality in self.modalities
            for a in ev.actors
        )
        self.unarmed = mapping.aliases["unarmed"]
        self.off_duty = tuple(c for c in self.cues if c.name == "off-duty")

    def actor_class(self, actor: Actor) -> str:
        cls = self.m.sector_class(actor.sector) or self.m.sector_class(self.entity_sector.get((actor.start, actor.end)))
        cls = cls or "unknown"
        if cls in ("state", "rebel", "militia") and self.off_duty and actor.end > actor.start:
            # "a former police officer", "an off-duty soldier": ACLED codes them as civilians
            before = self.doc.text[max(0, actor.start - 30) : actor.end]
            if any(c.pattern.search(before) for c in self.off_duty):
                return "civilian"
        if cls == "official" and (actor.start, actor.end) in self.gpe:
            return "state"  # a country acting ("Russia struck ...") acts through its state forces
        if cls in self.unarmed and actor.name.casefold() in self.protesters:
            return "protester"
        return cls

    def side_class(self, actors: Sequence[Actor]) -> str:
        if not actors:
            return "none"
        return min((self.actor_class(a) for a in actors), key=lambda c: self.m.classes[c].priority)

    def info(self, ev: Event) -> _Info:
        side1, side2, two_sided = ev.actors, ev.recipients, False
        if not side2 and len(side1) >= 2:
            side1, side2, two_sided = side1[:1], side1[1:], True
        modes = frozenset(ev.modes)
        cls1, cls2 = self.side_class(side1), self.side_class(side2)
        if ev.type == "ASSAULT" and cls1 in ("none", "unknown") and modes & self.m.weapon_modes:
            cls1 = "militia"  # ACLED: an unidentified perpetrator with weapons is an Unidentified Armed Group
        elif ev.type == "ASSAULT" and cls1 == "official":
            cls1 = "state"  # a government using force does so through its state forces
        elif ev.type == "ASSAULT" and cls1 in ("none", "unknown") and "crowd-control" in modes:
            cls1 = "state"  # tear gas, water cannon, rubber bullets: the tools of security forces
        text = _event_text(self.doc, ev)
        flags: set[str] = set()
        possible = self.needles.possible(text)  # False: the cue's needle test already says no match
        for c, can in zip(self.cues, possible, strict=True):  # rows may share a name: once one holds, skip
            flag = f"cue:{c.name}"
            if flag not in flags and can and c.pattern.search(text):
                flags.add(flag)
        kinds = {c.kind for c in ev.counts if c.value > 0}
        if "killed" in kinds or "cue:killed-vague" in flags or "cue:killed-one" in flags:
            flags.add("killed")
        if "injured" in kinds:
            flags.add("injured")
        if kinds & {"displaced", "fled"}:
            flags.add("displaced")
        return _Info(ev, side1, side2, cls1, cls2, two_sided, modes, frozenset(flags), text)

    def fold_kind(self, i: _Info) -> str | None:
        """How an event relates to a protest of its document: intervened, excessive, violent, guard."""
        t = i.event.type
        crowd = ("rioter", "civilian", "party")
        unarmed_side = ("none", "unknown", "civilian", "party", "protester", "rioter")
        if t == "COERCE" and i.cls1 == "protester" and i.modes & {"arrest", "restrict"}:
            return "intervened"  # demonstrators do not arrest or disperse: they were arrested or dispersed
        if t == "COERCE" and i.cls1 in ("protester", "rioter") and "seize" in i.modes:
            return "violent"  # demonstrators seizing a truck or goods
        lethal = "killed" in i.flags or bool(i.modes & self.m.excessive_force_modes)
        sides = {i.cls1, i.cls2}
        if (
            t == "ASSAULT"
            and ("cue:clash" in i.flags or i.two_sided)
            and sides & {"state", "official"}
            and sides - {"state", "official"} <= set(unarmed_side)
            and not i.modes & (self.m.weapon_modes - {"firearms"})
        ):
            return "violent"  # demonstrators clashing or brawling with the police: both sides fought
        if t in ("ASSAULT", "COERCE") and i.cls1 != "protester" and i.cls2 in ("protester", "rioter"):
            return "excessive" if t == "ASSAULT" and i.cls1 not in crowd and lethal else "intervened"
        if (
            t == "ASSAULT"
            and i.cls1 in unarmed_side
            and not i.modes & self.m.weapon_modes
            and (i.cls1 in ("protester", "rioter") or i.modes & _FOLD_VIOLENCE_MODES
                 or i.cls2 in ("state", "official"))
        ):
            return "violent"  # the demonstrators' own violence: stones, arson, a brawl or clash with the police
        if t in ("ASSAULT", "COERCE") and i.cls1 != "protester":
            unnamed = (
                i.cls2 == "none"
                and i.cls1 in ("state", "official")
                and (t == "ASSAULT" or bool(i.modes & _INTERVENTION_COERCE_MODES))
            )
            # tear gas or water cannon are only used on crowds; a dispersal or an intervention, whoever did it
            crowd_tools = t == "ASSAULT" and "crowd-control" in i.modes
            dispersal = t == "COERCE" and "cue:intervene" in i.flags
            if unnamed or crowd_tools or dispersal:
                return "excessive" if t == "ASSAULT" and i.cls1 not in crowd and lethal else "intervened"
        if t == "MOBILIZE" and i.cls1 in ("state", "official", "none"):
            return "guard"
        return None

    def inter(self, cls: str, actors: Sequence[Actor], *, acting: bool, event_type: str, country: str | None) -> int:
        c = self.m.classes[cls]
        if acting and event_type == "Protests":
            return 6  # ACLED: whoever demonstrates is coded as protesters ...
        if acting and event_type == "Riots":
            return 5  # ... and whoever riots as rioters
        if cls == "state" and country and any(a.country and a.country != country for a in actors):
            return 8
        if not acting:
            return c.inter_target
        return c.inter_violent if event_type in self.m.violent_event_types else c.inter


def resolve_document(
    doc: Document,
    mapping: AcledMapping | None = None,
    *,
    extra_cues: Sequence[Cue] = (),
    modalities: Iterable[str] | None = None,
    fold_into_protest: bool | None = None,
) -> dict[str, AcledDecision]:
    """The ACLED decision for every event of ``doc``, keyed by event id.

    ``extra_cues`` come from the document's language pack (``acled_cues.tsv``); ``modalities`` and
    ``fold_into_protest`` override the defaults of ``data/acled.toml``.
    """
    m = mapping or load_mapping()
    mods = frozenset(modalities if modalities is not None else m.settings["modalities"])
    fold = m.settings["fold_into_protest"] if fold_into_protest is None else fold_into_protest
    r = _Resolver(doc, m, (*m.cues_for(doc.lang), *extra_cues), mods)
    infos = {ev.id: r.info(ev) for ev in doc.events if ev.modality in mods}

    folded: dict[str, tuple[str, str]] = {}
    partners: dict[str, list[tuple[_Info, str]]] = {}
    if fold:
        protests = [i for i in infos.values() if i.event.type == "PROTEST"]
        for i in infos.values():
            if i.event.type == "PROTEST" or not protests:
                continue
            kind = r.fold_kind(i)
            near = [p for p in protests if _dates_meet(p.event, i.event)]
            if kind is None or not near:
                continue
            p = min(near, key=lambda p: abs(p.event.evidence.start - i.event.evidence.start))
            folded[i.event.id] = (p.event.id, kind)
            partners.setdefault(p.event.id, []).append((i, kind))

    if fold:
        infos, partners = _one_demonstration(infos, partners)
    tolls = _incident_tolls(infos)

    out: dict[str, AcledDecision] = {}
    for ev in doc.events:
        if ev.id not in infos:
            out[ev.id] = AcledDecision(ev.id, None, note=f"modality {ev.modality}")
        elif ev.id in folded:
            pid, kind = folded[ev.id]
            out[ev.id] = AcledDecision(ev.id, None, folded_into=pid, note=f"folded into PROTEST {pid} ({kind})")
        else:
            out[ev.id] = _decide(r, infos[ev.id], partners.get(ev.id, []), tolls.get(ev.id, ()))
    return out


#: How far apart (characters) two PROTEST mentions of a document may start and still be one demonstration.
_DEMONSTRATION_SPAN = 600
#: What one PROTEST of a demonstration lends the others: its violent or obstructive modes and cues.
_SHARED_MODES = frozenset({"riot", "vandalize", "obstruct"})


def _same_place(a: Event, b: Event) -> bool:
    names_a = {p.name for p in a.locations if p.name}
    names_b = {p.name for p in b.locations if p.name}
    return not names_a or not names_b or bool(names_a & names_b)


def _one_demonstration(
    infos: dict[str, _Info], partners: dict[str, list[tuple[_Info, str]]]
) -> tuple[dict[str, _Info], dict[str, list[tuple[_Info, str]]]]:
    """ "Students held a demonstration ... They blockaded a road and burned tires.": PROTEST events of one
    document close together, on meeting dates and at the same place (or no place) are one demonstration
    (ACLED codes one event per demonstration): each takes the violent or obstructive modes, the cues and
    the folded partners of the others."""
    protests = [i for i in infos.values() if i.event.type == "PROTEST"]
    if len(protests) < 2:
        return infos, partners
    new_infos = dict(infos)
    new_partners = dict(partners)
    for p in protests:
        group = [q for q in protests if q is p or (
            abs(q.event.evidence.start - p.event.evidence.start) <= _DEMONSTRATION_SPAN
            and _dates_meet(p.event, q.event) and _same_place(p.event, q.event))]
        if len(group) < 2:
            continue
        modes = p.modes | frozenset(m for q in group for m in q.modes & _SHARED_MODES)
        flags = p.flags | frozenset(f for q in group for f in q.flags if f.startswith("cue:"))
        new_infos[p.event.id] = _Info(p.event, p.side1, p.side2, p.cls1, p.cls2, p.two_sided, modes,
                                      flags, p.text)
        shared = [x for q in group for x in partners.get(q.event.id, [])]
        if shared:
            new_partners[p.event.id] = list({id(x[0]): x for x in shared}.values())
    return new_infos, new_partners


def _victims_named(cues: Sequence[Cue], texts: Sequence[str]) -> int:
    """How many victims the ``killed-one`` cues describe (their value, 1 when none): "a drug suspect and
    his companion were shot dead" is 2."""
    return max((c.value or 1 for c in cues if c.name == "killed-one" for t in texts if c.pattern.search(t)),
               default=1)


#: How far after an attack (characters) an agentless report of its victims may start.
_TOLL_SPAN = 400


def _incident_tolls(infos: dict[str, _Info]) -> dict[str, tuple[Count, ...]]:
    """ "A firefight broke out between the NPA and the army ..., leaving one NPA member killed.": an ASSAULT
    with no killed count of its own takes the killed counts of agentless ASSAULT mentions told just after
    it (on a meeting date, at the same place): they report its toll (ACLED codes the incident's deaths)."""
    assaults = sorted((i for i in infos.values() if i.event.type == "ASSAULT"), key=lambda i: i.event.evidence.start)
    out: dict[str, tuple[Count, ...]] = {}
    for k, a in enumerate(assaults):
        if any(c.kind == "killed" for c in a.event.counts):
            continue
        extra: dict[tuple[int, int], Count] = {}
        for b in assaults[k + 1 :]:
            gap = b.event.evidence.start - a.event.evidence.start
            if gap > _TOLL_SPAN:
                break
            if b.event.actors or not _dates_meet(a.event, b.event) or not _same_place(a.event, b.event):
                continue
            extra.update({(c.start, c.end): c for c in b.event.counts if c.kind == "killed"})
        if extra:
            out[a.event.id] = tuple(extra.values())
    return out


def _decide(
    r: _Resolver, i: _Info, partners: Sequence[tuple[_Info, str]], toll: Sequence[Count] = ()
) -> AcledDecision:
    ev, m = i.event, r.m
    flags, side2, cls2, counts = set(i.flags), i.side2, i.cls2, [*ev.counts, *toll]
    if toll:
        flags.add("killed")
    if ev.type == "PROTEST":
        # ACLED's actor2 of a demonstration is who intervened (or whom the rioters attacked), not its target.
        kinds = {k for _, k in partners}
        flags |= {f"protest.{k}" for k in kinds if k != "guard"}
        force = [a for p, k in partners if k in ("intervened", "excessive") for a in p.side1]
        victims = [a for p, k in partners if k == "violent" for a in p.side2]
        side2 = tuple({a.name: a for a in (force or victims)}.values())
        cls2 = r.side_class(side2)
        for p, _ in partners:
            counts.extend(p.event.counts)
            flags |= p.flags & {"killed", "injured"}
    rule = m.rule_for(ev.type, i.modes, i.cls1, cls2, frozenset(flags))
    if rule is None or rule.event_type is None or rule.sub_event_type is None:
        note = "no rule" if rule is None else f"{rule.where}: not an ACLED event"
        return AcledDecision(ev.id, None, rule=rule, note=note)
    etype, sub = rule.event_type, rule.sub_event_type
    a1, c1, a2, c2 = i.side1, i.cls1, side2, cls2
    if rule.actor1 == "recipient":
        a1, c1, a2, c2 = a2, c2, a1, c1
    country = next((p.country for p in ev.locations if p.country), None)
    implicit = etype in ("Protests", "Riots") or etype in m.violent_event_types
    inter1: int | None = None
    if c1 != "none" or implicit:
        inter1 = r.inter(c1 if c1 != "none" else "unknown", a1, acting=True, event_type=etype, country=country)
    inter2 = 0
    if etype == "Violence against civilians" and c2 != "none":
        c2 = "civilian"  # ACLED: the targets of violence against civilians are civilians (inter 7) by definition
    if c2 != "none":
        acting2 = i.two_sided and rule.actor1 == "actor"
        inter2 = r.inter(c2, a2, acting=acting2, event_type=etype, country=country)
    dead = 0
    if sub not in m.nonlethal_subtypes:
        dead = fatalities(
            counts, r.doc.text, r.cues, vague="cue:killed-vague" in flags, vague_value=m.vague_fatalities,
            one=_victims_named(r.cues, [i.text, *(p.text for p, _ in partners)]) if "cue:killed-one" in flags else 0,
        )
    view = AcledView(event_type=etype, sub_event_type=sub, fatalities=dead, interaction=interaction(inter1, inter2))
    return AcledDecision(ev.id, view, rule, a1, a2, inter1, inter2, note=rule.where)

