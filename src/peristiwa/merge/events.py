"""Cross-article event merging: many reports of one real-world event become one merged event.

Why: analysts count events, not articles. Two events from different documents are the same real-world
event when their types are compatible, their dates overlap within a window, their places are close and
their participants overlap. Every merge keeps its reason (which fields agreed, with scores), every mention
and every source; conflicting counts stay side by side, each with its source, never silently reduced to one
number. Merging is a pure function of the events and :class:`MergeOptions`, so re-running with other
thresholds undoes or redoes merges deterministically.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Count, Document, Event

__all__ = ["EventRef", "MergeOptions", "MergeReason", "MergedEvent", "merge_events", "refs_from_documents"]


@dataclass(frozen=True)
class MergeOptions:
    """Thresholds of the merge decision (all documented so a merge can be explained and undone)."""

    #: dates may be this many days apart and still count as overlapping
    date_window_days: int = 2
    #: places further apart than this never merge
    max_km: float = 50.0
    #: minimum Jaccard overlap of participant names when both events name participants
    min_actor_overlap: float = 0.34
    #: minimum total score (0–1) to merge
    min_score: float = 0.6
    #: an undated event is placed at its document's publication date with this much slack (days)
    undated_slack_days: int = 3


@dataclass(frozen=True)
class EventRef:
    """What merging needs of one event: identity, type, time, place, participants, counts, source."""

    doc_id: str
    event_id: str
    type: str
    first: dt.date | None
    last: dt.date | None
    lat: float | None
    lon: float | None
    country: str | None
    participants: frozenset[str]
    counts: tuple[Count, ...] = ()
    source: str | None = None
    group_id: str | None = None

    @property
    def key(self) -> str:
        """``doc_id/event_id``."""
        return f"{self.doc_id}/{self.event_id}"


@dataclass(frozen=True)
class MergeReason:
    """Why two events were merged: the per-field evidence and the total score."""

    a: str
    b: str
    score: float
    same_duplicate_group: bool
    date_gap_days: int | None
    distance_km: float | None
    actor_overlap: float | None


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event with every report of it, all counts with their sources, and the reasons."""

    cluster_id: str
    type: str
    members: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    participants: frozenset[str]
    counts: tuple[tuple[str, Count, str | None], ...]
    reasons: tuple[MergeReason, ...] = field(default=())


def refs_from_documents(docs: Iterable[Document], groups: dict[str, str] | None = None) -> list[EventRef]:
    """Merge inputs from processed documents (``groups`` maps doc_id → duplicate group id)."""
    refs = []
    for doc in docs:
        for ev in doc.events:
            refs.append(_ref(doc, ev, (groups or {}).get(doc.doc_id)))
    return refs


def _ref(doc: Document, ev: Event, group_id: str | None) -> EventRef:
    first = last = None
    if ev.date is not None:
        first, last = ev.date.first, ev.date.last
    loc = next((p for p in ev.locations if p.lat is not None), ev.locations[0] if ev.locations else None)
    names = frozenset(a.name.lower() for a in (*ev.actors, *ev.recipients))
    return EventRef(
        doc_id=doc.doc_id, event_id=ev.id, type=ev.type, first=first, last=last,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None, country=loc.country if loc else None,
        participants=names, counts=ev.counts, source=ev.source, group_id=group_id,
    )


def _km(a: EventRef, b: EventRef) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _gap(a: EventRef, b: EventRef) -> int | None:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return None
    if a.last < b.first:
        return (b.first - a.last).days
    if b.last < a.first:
        return (a.first - b.last).days
    return 0


def score_pair(a: EventRef, b: EventRef, opts: MergeOptions) -> MergeReason | None:
    """The merge evidence for two events, or None when a hard constraint rules the merge out."""
    if a.type != b.type or a.doc_id == b.doc_id:
        return None
    same_group = a.group_id is not None and a.group_id == b.group_id
    if a.country and b.country and a.country != b.country:
        return None
    km = _km(a, b)
    if km is not None and km > opts.max_km:
        return None
    gap = _gap(a, b)
    if gap is not None and gap > opts.date_window_days:
        return None
    overlap = None
    if a.participants and b.participants:
        overlap = len(a.participants & b.participants) / len(a.participants | b.participants)
        if overlap < opts.min_actor_overlap and not same_group:
            return None
    # a merge needs positive evidence about *who* or *where*, not just the same type on the same day
    if not same_group and overlap is None and km is None:
        return None
    signals = [(1.0, 0.5)] if same_group else []
    if gap is not None:
        signals.append((1.0 - gap / (opts.date_window_days + 1), 0.25))
    if km is not None:
        signals.append((1.0 - km / opts.max_km, 0.2))
    if overlap is not None:
        signals.append((overlap, 0.3))
    score = sum(v * w for v, w in signals) / sum(w for _, w in signals)
    if score < opts.min_score:
        return None
    return MergeReason(a.key, b.key, round(score, 3), same_group, gap, None if km is None else round(km, 1),
                       None if overlap is None else round(overlap, 3))


def merge_events(refs: Sequence[EventRef], opts: MergeOptions | None = None,
                 published: dict[str, dt.date] | None = None) -> list[MergedEvent]:
    """Cluster events across documents; singletons come back as one-member clusters.

    Candidate pairs are blocked by type and week so the cost grows with the number of events per week,
    not with the square of the corpus. Undated events use their document's ``published`` date with
    ``undated_slack_days`` of slack.
    """
    opts = opts or MergeOptions()
    pub = published or {}
    placed = [_place_in_time(r, pub.get(r.doc_id), opts) for r in refs]
    blocks: dict[tuple[str, int], list[int]] = {}
    for i, r in enumerate(placed):
        if r.first is None:
            continue
        week = r.first.toordinal() // 7
        for w in (week - 1, week, week + 1):
            blocks.setdefault((r.type, w), []).append(i)
    parent = list(range(len(placed)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons: dict[int, list[MergeReason]] = {}
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                reason = score_pair(placed[i], placed[j], opts)
                if reason is None:
                    continue
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
                reasons.setdefault(min(i, j), []).append(reason)
    clusters: dict[int, list[int]] = {}
    for i in range(len(placed)):
        clusters.setdefault(find(i), []).append(i)
    out = []
    for root, idx in sorted(clusters.items()):
        evs = [refs[i] for i in idx]
        firsts = [e.first for e in evs if e.first]
        lasts = [e.last for e in evs if e.last]
        out.append(MergedEvent(
            cluster_id=refs[root].key,
            type=refs[root].type,
            members=tuple(e.key for e in evs),
            first=min(firsts) if firsts else None,
            last=max(lasts) if lasts else None,
            participants=frozenset().union(*(e.participants for e in evs)),
            counts=tuple((e.key, c, e.source) for e in evs for c in e.counts),
            reasons=tuple(r for i in idx for r in reasons.get(i, ())),
        ))
    return out


def _place_in_time(r: EventRef, published: dt.date | None, opts: MergeOptions) -> EventRef:
    if r.first is not None or published is None:
        return r
    slack = dt.timedelta(days=opts.undated_slack_days)
    return EventRef(r.doc_id, r.event_id, r.type, published - slack, published, r.lat, r.lon, r.country,
                    r.participants, r.counts, r.source, r.group_id)
