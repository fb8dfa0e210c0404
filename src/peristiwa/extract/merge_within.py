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

import datetime as dt
from dataclasses import dataclass, field

from ..model import Actor, Count, DateValue, Place, Span
from .resources import SentView

__all__ = ["Draft", "MergeOptions", "merge_drafts"]

# COERCE/SANCTION modes that name different acts (an arrest and a seizure are two events)
_DISTINCT_MODES = {"arrest", "seize", "curfew", "restrict", "withhold", "deport", "censor", "convict",
                   "discontinue", "expel", "release", "resign", "ceasefire", "allege", "investigate", "disapprove",
                   "abduct", "torture", "sexual"}
STATE_SECTORS = {"police", "military", "judiciary", "government", "legislature"}  # an officer acts for his body
_PERSON_TYPES = {"COERCE", "ACCUSE", "SANCTION", "RETREAT"}
# act types an article rarely reports twice with the same kind of act (mode): an arrest, a charge, a
# deployment; mentions of them anywhere in the document merge unless something contradicts
_DOC_WIDE = {"COERCE", "ACCUSE", "SANCTION", "RETREAT", "MOBILIZE"}


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
    additive: bool = False  # "juga", "lagi", "kembali" before the trigger: another act, not a re-mention
    own_date: bool = True  # the date is stated in the trigger's own clause (not in a quote's attribution)
    not_before: dt.date | None = None  # "ditangkap setelah ... 15 Desember": the event is on or after this day
    head: str = ""  # the trigger's words, lower-cased
    clause: tuple[int, int] = (0, 0)  # token range of the trigger's clause
    symmetric: bool = False  # a two-sided event (PLOVER: all fighting parties are actors)
    specific: bool = False  # the mention names its own time ("the 2010 bombing"): never a bare re-mention
    count_kind: str = ""  # what the trigger says happened to its patients (killed, injured, arrested)
    agent_noun: bool = False  # the trigger is an agent noun ("rioters", "protesters")
    passive: bool = False  # the trigger's clause subject is its patient
    background: bool = False  # in a subordinate clause: its modes do not describe a merged event
    mentions: list[Draft] = field(default_factory=list)

    @property
    def si(self) -> int:
        return self.sv.index

    def info(self) -> int:
        """How much this mention says about the event (picks the evidence sentence)."""
        return 3 * (self.modality in ("asserted", "future")) + (
            2 * bool(self.actors) + bool(self.recipients) + bool(self.places) + bool(self.date)
            + len(self.counts) + (0 if self.nominal else 1) - (1 if self.anaphoric else 0)
        )

    def bare(self) -> bool:
        """A mention with nothing of its own: an event noun without place, count or victim, or a verb
        without any participant ("Saat ditahan, ..."): a re-mention."""
        places = _specific_places(self)
        if self.specific:
            return False
        if self.nominal:
            return not (places or self.counts or self.recipients)
        return not (self.actors or self.recipients or places or self.counts)


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def _same_actor(a: Actor, b: Actor, states: set[str]) -> bool:
    """Same participant: equal names, one name's words inside the other's ("Khariq" / "Khariq Anhar"),
    or a state and one of its own organs ("Russia" / "Russian military")."""
    na, nb = _norm(a.name), _norm(b.name)
    if na == nb:
        return True
    wa, wb = set(na.split()), set(nb.split())
    if wa and wb and (wa <= wb or wb <= wa) and min(len(wa), len(wb)) >= 1 and len(na) > 2 and len(nb) > 2:
        return True
    if a.country and a.country == b.country and (na in states or nb in states):
        return True
    # "Syrian military" / "Syrian forces": one state's forces of the same kind are one side; an officer whose
    # country no table gives ("Kapolres ... AKBP X") speaks for the body of his sector ("Polri")
    if not (a.sector and a.sector == b.sector):
        return False
    if a.country and b.country:
        return a.country == b.country
    return a.sector in STATE_SECTORS and bool(a.country or b.country)


def _generic(a: Actor) -> bool:
    """An unresolved common noun ("penyidik", "polisi"): it can be anyone of that kind."""
    return a.name[:1].islower() and not a.country


def _adds_nobody(a: Actor, named: list[Actor]) -> bool:
    """An unresolved common noun of another mention ("penyidik", "tim") whose sector (if any) the event's
    participants already have: it names nobody new."""
    return _generic(a) and bool(named) and (a.sector is None or a.sector in {x.sector for x in named})


def _compatible_actors(x: list[Actor], y: list[Actor], states: set[str], *, sorted_out: bool = False) -> bool:
    """Whether two mentions' participants can be the same: unresolved common nouns ("penyidik") can be
    anyone, except (``sorted_out``, for actors) a list of such nouns of no known sector against named
    participants only: "pihak kampus dan keluarga yang meminta ..." are parties of their own, not "Dede"
    asking again (a single vague re-mention, "penyidik", "tim kami", still can be)."""
    if sorted_out:
        for a, b in ((x, y), (y, x)):
            named = [p for p in a if not _generic(p)]
            if named and len(b) >= 2 and all(_generic(p) and p.sector is None for p in b):
                return False
    x = [a for a in x if not _generic(a)]
    y = [a for a in y if not _generic(a)]
    return not x or not y or any(_same_actor(a, b, states) for a in x for b in y)


def _specific_places(d: Draft) -> set[str]:
    return {_norm(p.name or "") for p in d.places if (p.precision or "") != "country" and p.name}


def _region(p: Place) -> bool:
    """A named region of no one country ("Eropa", "Timur Tengah"): it holds too much to contradict a place."""
    return p.feature == "region" and not p.country


def _places_ok(a: list[Place], b: list[Place]) -> bool:
    if any(map(_region, a)) != any(map(_region, b)):  # "Stockholm" and "... di Eropa": no contradiction
        a, b = [p for p in a if not _region(p)], [p for p in b if not _region(p)]
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


def _order_ok(x: Draft, y: Draft) -> bool:
    """Neither mention is dated before a day the other is known to follow."""
    return not ((x.not_before and y.date and y.date.last < x.not_before)
                or (y.not_before and x.date and x.date.last < y.not_before))


def _modes_ok(a: list[str], b: list[str]) -> bool:
    da, db = set(a) & _DISTINCT_MODES, set(b) & _DISTINCT_MODES
    return not da or not db or bool(da & db)


def _compatible(x: Draft, y: Draft, states: set[str]) -> bool:
    # "One person was killed and 10 others were injured in a clash": the victims of one sentence's harm
    # verbs are the same event's, however many groups of them it names
    victims = x.si == y.si and bool(x.count_kind and y.count_kind) and x.type == "ASSAULT"
    # "... fired shells into the village. The shells injured four villagers": a definite re-mention names
    # the event's victims where the first mention named its target
    victims = victims or (x.type == "ASSAULT" and x.si != y.si and (x.anaphoric or y.anaphoric))
    return (
        x.type == y.type
        and _compatible_actors(x.actors, y.actors, states, sorted_out=True)
        and (victims or _compatible_actors(x.recipients, y.recipients, states))
        and _places_ok(x.places, y.places)
        and _dates_ok(x.date, y.date)
        and _order_ok(x, y)
        and _modes_ok(x.modes, y.modes)
    )


def _specifics(d: Draft) -> set[tuple[str, ...]]:
    """What makes a mention a particular event: specific places, a date, counts."""
    out: set[tuple[str, ...]] = {("p", p) for p in _specific_places(d)}
    if d.date is not None and d.own_date:
        out.add(("d", d.date.first.isoformat(), d.date.last.isoformat()))
    out |= {("c", c.kind, str(c.value)) for c in d.counts}
    return out


@dataclass(frozen=True)
class MergeOptions:
    """Language-specific merge switches (``events.toml`` ``[merge]``); the defaults are the Indonesian
    behaviour.

    ``victims_window``: an agentless violent mention up to this many sentences after an attack reports
    its victims; ``fill_empty``: a mention may join an event that names no participants at all;
    ``date_from_bare``: an event takes its date from any of its mentions, bare ones included (the lead
    "On 3 May, a clash broke out ..." dates what follows); ``two_sided``: a merged event with a two-sided
    mention keeps all fighting parties as actors and no recipients (PLOVER's convention); ``agent_nouns``:
    an agent noun ("the rioters", "protesters") re-mentions the event of its kind told before."""

    victims_window: int = 0
    fill_empty: bool = False
    date_from_bare: bool = False
    two_sided: bool = False
    agent_nouns: bool = False
    #: events dated wholly before this day are history (GUIDELINE decision 4): undated bare mentions,
    #: the article's own story, never join one ("weeks of bombing" is not the Raqqa deal of late 2017)
    history_before: dt.date | None = None


def _linked(group: list[Draft], later: Draft, window: int, states: set[str], anaphoric_window: int,
            persons: set[str], victims_window: int = 0, fill_empty: bool = False) -> bool:
    dist = min(abs(later.si - m.si) for m in group)
    if dist == 0 and any(m.si == later.si and m.clause == later.clause for m in group):
        return True
    if later.anaphoric and dist <= anaphoric_window:
        return True
    if (victims_window and later.type == "ASSAULT" and not later.actors and not later.additive and not later.nominal
            and later.si >= group[0].si and 0 <= later.si - max(m.si for m in group) <= victims_window
            and any(m.actors or m.nominal for m in group) and group[0].modality == later.modality == "asserted"
            and (later.si > group[0].si or later.clause != group[0].clause)):
        return True  # "Gunmen attacked a checkpoint. Two soldiers were killed.": the toll of that attack
    if (victims_window and later.type == "ASSAULT" and all(m.si == later.si for m in group)
            and all(m.type == "ASSAULT" and not m.actors and not m.nominal for m in group)):
        return True  # "Two officers were killed when gunmen opened fire": the victims come first
    if later.type in _PERSON_TYPES and any(
        _same_actor(a, b, states) for m in group for a in m.recipients for b in later.recipients
    ):
        return True
    if later.type in _DOC_WIDE and not later.additive:
        return True
    # "Elnino juga meminta TNI ...": a statement made "also" is another one; an act on persons ("yang juga
    # dideportasi") is usually the same operation told of one more person
    if later.type != "ASSAULT" and later.head and later.actors and not (
            later.additive and later.type not in _DOC_WIDE) and any(
        m.head.split()[:1] == later.head.split()[:1] and _shares(m.actors, later.actors, states) for m in group
    ):
        return True
    if later.type == "ASSAULT" and any(
        a.name in persons and _same_actor(a, b, states) for m in group for a in m.recipients for b in later.recipients
    ):
        return True
    mine = _specific_places(later)
    counts_later = {(c.kind, c.value) for c in later.counts}
    counts_group = {(c.kind, c.value) for m in group for c in m.counts}
    counts_clash = bool(counts_later and counts_group and not counts_later & counts_group)
    if mine and not counts_clash and any(mine & _specific_places(m) for m in group):
        return True
    if later.additive:
        return False
    theirs_all: set[tuple[str, ...]] = set().union(*(_specifics(m) for m in group))
    ours_all = _specifics(later)
    nested = ours_all <= theirs_all or theirs_all <= ours_all
    if dist <= 1 and later.head and any(m.head == later.head for m in group) and nested:
        return True
    if dist <= window:
        theirs: set[tuple[str, ...]] = set().union(*(_specifics(m) for m in group))
        ours = _specifics(later)
        nobody = not (later.actors or later.recipients)
        if fill_empty and not any(m.actors or m.recipients for m in group):
            nobody = True  # the earlier mentions name no one: nothing to contradict
        shared = nobody or bool(ours & theirs) or any(
            _shares(m.actors, later.actors, states) or _shares(m.recipients, later.recipients, states) for m in group
        )
        return shared and (ours <= theirs or (not theirs and all(k[0] == "d" for k in ours)))
    return False


def _history(e: Draft, before: dt.date | None) -> bool:
    """Whether the event ``e`` (with its mentions) is dated wholly before ``before``."""
    dates = [m.date for m in (e, *e.mentions) if m.date is not None]
    return before is not None and bool(dates) and all(d.last < before for d in dates)


def _shares(x: list[Actor], y: list[Actor], states: set[str]) -> bool:
    return any(_same_actor(a, b, states) for a in x for b in y)


def _absorb(into: Draft, other: Draft) -> None:
    into.mentions.append(other)
    into.mentions.extend(other.mentions)
    other.mentions = []


def merge_drafts(drafts: list[Draft], window: int = 3, states: set[str] | None = None, *,
                 anaphoric_window: int = 8, persons: set[str] | None = None,
                 options: MergeOptions | None = None) -> list[Draft]:
    """Group mentions into events; each returned draft carries its other mentions in ``mentions``.

    ``states`` are the canonical names of state actors (a state and its organs are one side);
    ``persons`` the names of individual people (an attack on one named person is one event);
    ``options`` the language's merge switches (:class:`MergeOptions`).
    """
    opts = options or MergeOptions()
    states = states or set()
    persons = persons or set()
    drafts = sorted(drafts, key=lambda d: d.trigger.start)
    kept: list[Draft] = []
    for d in drafts:
        target = None
        for e in reversed(kept):
            if e.type != d.type:
                continue  # neither rule below joins another type (_compatible's first test): not built or tried
            group = [e, *e.mentions]
            if opts.agent_nouns and d.agent_noun and e.si <= d.si <= e.si + anaphoric_window:
                target = e  # "... held a demonstration ... The police arrested 24 rioters"
                break
            if all(_compatible(m, d, states) for m in group) and _linked(
                group, d, window, states, anaphoric_window, persons, opts.victims_window, opts.fill_empty
            ):
                target = e
                break
        if target is None:
            kept.append(d)
        else:
            _absorb(target, d)
    kept = _join_victims(kept, states, persons)
    # bare re-mentions attach to the nearest compatible informative event (before or after)
    anchors = [e for e in kept if not all(m.bare() for m in [e, *e.mentions])]
    out: list[Draft] = []
    for e in kept:
        if e in anchors:
            out.append(e)
            continue
        group = [e, *e.mentions]
        actors = [x for m in group for x in m.actors]
        undated = all(m.date is None for m in group)
        near = [a for a in anchors if all(_compatible(m, x, states) for m in [a, *a.mentions] for x in group)
                and not (undated and _history(a, opts.history_before))
                and (not actors or (_shares(a.actors, actors, states) and abs(a.si - e.si) <= window))]
        if near:
            best = min(near, key=lambda a: (abs(a.si - e.si) > window, abs(a.si - e.si), a.si < e.si))
            _absorb(best, e)
        else:
            out.append(e)
    return [_finalise(e, opts) for e in sorted(out, key=lambda d: d.trigger.start)]


def _join_victims(kept: list[Draft], states: set[str], persons: set[str]) -> list[Draft]:
    """ "... pemerkosaan dan pembunuhan Yuyun (14) ... MJE memerkosa dan membunuh Yuyun": two groups of
    attack mentions on the same named person are one attack, though each formed around its own sentence
    (a mention joins the nearest group it fits, so the second sentence's verbs found each other first)."""
    out: list[Draft] = []
    for e in kept:
        group = [e, *e.mentions]
        victims = {a.name for m in group for a in m.recipients if a.name in persons} if e.type == "ASSAULT" else set()
        into = next((o for o in out if victims and o.type == e.type
                     and victims & {a.name for m in (o, *o.mentions) for a in m.recipients}
                     and all(_compatible(m, x, states) for m in (o, *o.mentions) for x in group)), None)
        if into is None:
            out.append(e)
        else:
            _absorb(into, e)
    return out


def _finalise(e: Draft, opts: MergeOptions) -> Draft:
    if not e.mentions:
        return e
    group = [e, *e.mentions]
    best = max(group, key=lambda d: (d.info(), -d.trigger.start))
    others = [d for d in group if d is not best]
    sides = [d for d in group if d.symmetric and len(d.actors) >= 2] if opts.two_sided else []
    if sides:  # "a clash between X and Y ... a soldier was killed": X and Y stay the two sides
        best.actors = [a for d in sorted(group, key=lambda d: not (d.symmetric and len(d.actors) >= 2))
                       for a in d.actors]
        best.actors = list({a.name.lower(): a for a in reversed(best.actors)}.values())[::-1]
        best.recipients = []
    elif opts.two_sided and any(d.symmetric for d in group) and not any(d.actors for d in group):
        # "an NPA member and a soldier were killed in a clash": the fallen stand for the two sides
        fallen = list({a.name.lower(): a for d in group for a in d.recipients}.values())
        if len({a.sector for a in fallen}) >= 2:
            best.actors, best.recipients = fallen, []
            sides = [best]
    for d in others:
        for a in d.actors:
            if a.name.lower() not in {x.name.lower() for x in best.actors} and not _adds_nobody(a, best.actors):
                best.actors.append(a)
        for a in d.recipients:
            names = {x.name.lower() for x in best.recipients + best.actors}
            if a.name.lower() not in names and not sides and not _adds_nobody(a, best.recipients):
                best.recipients.append(a)
        if d.places and (not best.places or (all(map(_region, best.places)) and not all(map(_region, d.places)))):
            best.places = d.places  # a town told by another mention places the event better than a region
        if best.date is None and d.date is not None and (not d.bare() or opts.date_from_bare):
            best.date, best.date_span = d.date, d.date_span
        # the same toll told again by another mention ("pembunuhan Yuyun" twice: one killed) is one count
        seen = {(c.start, c.end) for c in best.counts} | {(c.kind, c.value) for c in best.counts}
        best.counts.extend(c for c in d.counts if (c.start, c.end) not in seen and (c.kind, c.value) not in seen)
        if not (opts.two_sided and d.background) and d.modality in ("asserted", best.modality):
            # "... as a bomb exploded during the clash" is background; "if it explodes it would destroy ..."
            # says what did not happen
            best.modes.extend(m for m in d.modes if m not in best.modes)
        best.conf = max(best.conf, d.conf)
    best.mentions = sorted(others, key=lambda d: d.trigger.start)
    return best
