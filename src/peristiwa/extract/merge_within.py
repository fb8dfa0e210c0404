"""One event per real event: merge the mentions of the same event within a document.

Why these links and no others: an article restates its main events (lead, quote, recap), but also reports
several distinct events of one type by the same actors (three separate Russian air strikes in the seed).
So mentions merge only on evidence that they are the same event:

- they share a sentence (two triggers of one type, one event: "ditahan ... penangkapan");
- the later one is anaphoric ("serangan tersebut", "penangkapan itu", "kejadian ini");
- they target the same person with the same kind of act (arrest, charge, release of one individual);
- a bare mention (an event noun with no place, date, count or victim of its own: "serangan udara Rusia")
  re-mentions the nearest compatible event within a few sentences.

In every case the two must not contradict each other (other actors or recipients, places, dates, or a
distinct mode such as arrest vs seizure). The evidence becomes the most informative mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor, Count, DateValue, Place, Span
from .resources import SentView

__all__ = ["Draft", "merge_drafts"]

# COERCE/SANCTION modes that name different acts (an arrest and a seizure are two events)
_DISTINCT_MODES = {"arrest", "seize", "curfew", "restrict", "withhold", "deport", "censor", "convict",
                   "discontinue", "expel", "release", "resign", "ceasefire"}
_PERSON_TYPES = {"COERCE", "ACCUSE", "SANCTION", "RETREAT"}


@dataclass
class Draft:
    """An event mention on its way to an :class:`~peristiwa.model.Event`."""

    type: str
    modes: list[str]
    conf: float
    sv: SentView
    trigger: Span
    tokens: tuple[int, int]
    nominal: bool
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    places: list[Place] = field(default_factory=list)
    date: DateValue | None = None
    date_span: Span | None = None
    counts: list[Count] = field(default_factory=list)
    source: str | None = None
    quote_id: str | None = None
    anaphoric: bool = False
    mentions: list[Draft] = field(default_factory=list)

    @property
    def si(self) -> int:
        return self.sv.index

    def info(self) -> int:
        """How much this mention says about the event (picks the evidence sentence)."""
        return (
            2 * bool(self.actors) + bool(self.recipients) + bool(self.places) + bool(self.date)
            + len(self.counts) + (0 if self.nominal else 1) - (1 if self.anaphoric else 0)
        )

    def bare(self) -> bool:
        return self.nominal and not (self.places or self.date or self.counts or self.recipients)


def _keys(actors: list[Actor]) -> set[str]:
    """Identity keys of participants: canonical names, and the state they belong to."""
    keys = {a.name.lower() for a in actors if a.name}
    keys |= {"cc:" + a.country for a in actors if a.country}
    return keys


def _compatible_sets(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _places_ok(a: list[Place], b: list[Place]) -> bool:
    if not a or not b:
        return True
    names_a = {(p.name or "").lower() for p in a} | {(p.admin1 or "").lower() for p in a} - {""}
    names_b = {(p.name or "").lower() for p in b} | {(p.admin1 or "").lower() for p in b} - {""}
    if names_a & names_b:
        return True
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    coarse = any((p.precision or "") == "country" for p in a + b)
    return coarse and bool(countries_a & countries_b)


def _dates_ok(a: DateValue | None, b: DateValue | None) -> bool:
    return a is None or b is None or not (a.last < b.first or b.last < a.first)


def _modes_ok(a: list[str], b: list[str]) -> bool:
    da, db = set(a) & _DISTINCT_MODES, set(b) & _DISTINCT_MODES
    return not da or not db or bool(da & db)


def _compatible(x: Draft, y: Draft) -> bool:
    return (
        x.type == y.type
        and _compatible_sets(_keys(x.actors), _keys(y.actors))
        and _compatible_sets(_keys(x.recipients), _keys(y.recipients))
        and _places_ok(x.places, y.places)
        and _dates_ok(x.date, y.date)
        and _modes_ok(x.modes, y.modes)
        and {x.modality, y.modality} != {"asserted", "hypothetical"}
    )


def _linked(earlier: Draft, later: Draft, window: int) -> bool:
    dist = later.si - earlier.si
    if dist == 0:
        return True
    if later.anaphoric and dist <= window:
        return True
    if later.type in _PERSON_TYPES:
        shared = _keys(earlier.recipients) & _keys(later.recipients)
        if shared:
            return True
    return False


def _absorb(into: Draft, other: Draft) -> None:
    into.mentions.append(other)
    into.mentions.extend(other.mentions)
    other.mentions = []


def merge_drafts(drafts: list[Draft], window: int = 3) -> list[Draft]:
    """Group mentions into events; each returned draft carries its other mentions in ``mentions``."""
    drafts = sorted(drafts, key=lambda d: d.trigger.start)
    kept: list[Draft] = []
    for d in drafts:
        target = None
        for e in reversed(kept):
            if _linked(e, d, window) and all(_compatible(m, d) for m in [e, *e.mentions]):
                target = e
                break
        if target is None:
            kept.append(d)
        else:
            _absorb(target, d)
    # bare re-mentions attach to the nearest compatible informative event (before or after)
    anchors = [e for e in kept if not (e.bare() and not e.mentions)]
    out: list[Draft] = []
    for e in kept:
        if e in anchors:
            out.append(e)
            continue
        near = [a for a in anchors if abs(a.si - e.si) <= window and _compatible(a, e)
                and _keys(a.actors) and _keys(a.actors) == _keys(e.actors)]
        if near:
            best = min(near, key=lambda a: (abs(a.si - e.si), a.si < e.si))
            _absorb(best, e)
        else:
            out.append(e)
    return [_finalise(e) for e in sorted(out, key=lambda d: d.trigger.start)]


def _finalise(e: Draft) -> Draft:
    if not e.mentions:
        return e
    group = [e, *e.mentions]
    best = max(group, key=lambda d: (d.info(), -d.trigger.start))
    others = [d for d in group if d is not best]
    for d in others:
        for a in d.actors:
            if a.name.lower() not in {x.name.lower() for x in best.actors}:
                best.actors.append(a)
        for a in d.recipients:
            names = {x.name.lower() for x in best.recipients + best.actors}
            if a.name.lower() not in names:
                best.recipients.append(a)
        if not best.places and d.places:
            best.places = d.places
        if best.date is None and d.date is not None:
            best.date, best.date_span = d.date, d.date_span
        seen = {(c.start, c.end) for c in best.counts}
        best.counts.extend(c for c in d.counts if (c.start, c.end) not in seen)
        best.modes.extend(m for m in d.modes if m not in best.modes)
        best.conf = max(best.conf, d.conf)
    best.mentions = sorted(others, key=lambda d: d.trigger.start)
    return best
