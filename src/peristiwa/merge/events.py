"""Cross-article event merging: many reports of one real-world event become one merged event.

Why: analysts count events, not articles. Two events from different documents are the same real-world
event when their types are compatible, their dates overlap within a window, their places are close, and
there is positive evidence that they are the same happening: shared participants, the same place, the
same wording (the two evidence sentences share rare words), or the two articles being copies of each
other. Every merge keeps its reason (which fields agreed, with scores), every mention and every source;
conflicting counts stay side by side, each with its document and source, never silently reduced to one
number. Merging is a pure function of the events and :class:`MergeOptions`, so re-running with other
thresholds undoes or redoes merges deterministically.

How (all language-neutral):

1. **Candidates** are blocked by type and one shared key: a participant name, a place cell of about
   50 km, the duplicate group, or one of the rarest words of the evidence sentence. Within a block only
   events whose dates lie within the window are compared, so the cost grows with the number of events
   per key and week, not with the square of the corpus.
2. **Hard constraints** (:func:`score_pair` returns None): same document, incompatible type, different
   countries, further apart than ``max_km``, dates further apart than ``date_window_days``, participants
   that do not overlap enough, or no positive evidence at all.
3. **Score**: a weighted mean of the signals available (participant overlap, closeness, date gap, wording
   similarity, same duplicate group); word weights are inverse document frequencies over the events being
   merged, so function words of any language count for little without a stop-word list.
4. **Clusters** are built greedily from the best-scoring pairs down; two clusters join only when no
   document would contribute two events (the within-document merge already decided those differ) and
   every cross pair still passes the hard constraints, so a chain of weak links cannot glue distant
   events together.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from ..model import Count, Document, Event

__all__ = [
    "EventRef",
    "MergeOptions",
    "MergeReason",
    "MergedEvent",
    "evidence_words",
    "merge_events",
    "refs_from_documents",
    "score_pair",
    "word_frequencies",
    "word_idf",
]

_WORD = re.compile(r"\w+", re.UNICODE)


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
    min_score: float = 0.5
    #: wording similarity (IDF-weighted Jaccard of evidence words) that counts as evidence on its own
    min_text_similarity: float = 0.25
    #: below this wording similarity, participants or place alone are not enough evidence
    min_text_support: float = 0.15
    #: an undated event is placed at its document's publication date with this much slack (days)
    undated_slack_days: int = 3
    #: pairs of different types that may still merge, e.g. (("ASSAULT", "COERCE"),); equal types always may
    compatible_types: tuple[tuple[str, str], ...] = ()
    #: two copies of one article (same duplicate group) whose evidence sentences share at least this share
    #: of words report the same event: a date or place disagreement between them is an extraction error
    #: (one copy lacks the sentence that dated or placed it) and does not block the merge
    same_report_overlap: float = 0.8
    #: wording similarity at which the wording signal counts as full agreement
    text_full: float = 0.7
    #: how many of the rarest evidence words of an event are used as candidate keys
    word_keys: int = 4


@dataclass(frozen=True)
class EventRef:
    """What merging needs of one event: identity, type, time, place, participants, counts, source, words."""

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
    #: content words of the evidence sentence (lower-cased), see :func:`evidence_words`
    words: frozenset[str] = frozenset()
    #: the publisher of the document (``Document.source``), kept with every count
    outlet: str | None = None
    #: True when ``first``/``last`` were filled from the publication date, not read in the text
    from_publication: bool = False

    @property
    def key(self) -> str:
        """``doc_id/event_id``."""
        return f"{self.doc_id}/{self.event_id}"


@dataclass(frozen=True)
class MergeReason:
    """Why two events were merged: the per-field evidence and the total score.

    ``agreed`` names the fields that supported the merge (``type``, ``date``, ``place``, ``actors``,
    ``text``, ``duplicate``); the numbers are the measured agreement of each.
    """

    a: str
    b: str
    score: float
    same_duplicate_group: bool
    date_gap_days: int | None
    distance_km: float | None
    actor_overlap: float | None
    text_similarity: float | None = None
    shared_participants: tuple[str, ...] = ()
    agreed: tuple[str, ...] = ()
    date_from_publication: bool = False
    #: date or place disagreements overlooked because both events are the same sentence of two copies
    ignored_conflicts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain data for the store's ``reason`` JSON."""
        return {
            "a": self.a, "b": self.b, "score": self.score, "agreed": list(self.agreed),
            "same_duplicate_group": self.same_duplicate_group, "date_gap_days": self.date_gap_days,
            "date_from_publication": self.date_from_publication, "distance_km": self.distance_km,
            "actor_overlap": self.actor_overlap, "shared_participants": list(self.shared_participants),
            "text_similarity": self.text_similarity, "ignored_conflicts": list(self.ignored_conflicts),
        }


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event with every report of it, all counts with their sources, and the reasons.

    ``counts`` holds ``(event key, count, claimed by)`` for every count of every member: two outlets
    reporting 20 and 35 killed give two entries, never one chosen number. ``reasons`` are the links that
    joined the members (a spanning tree: one fewer than the members).
    """

    cluster_id: str
    type: str
    members: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    participants: frozenset[str]
    counts: tuple[tuple[str, Count, str | None], ...]
    reasons: tuple[MergeReason, ...] = field(default=())
    outlets: tuple[str, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents reporting this event."""
        return tuple(dict.fromkeys(m.split("/", 1)[0] for m in self.members))


def evidence_words(text: str) -> frozenset[str]:
    """Lower-cased words of an evidence sentence, two characters or longer (digits kept: counts and dates
    are part of what makes two sentences the same report)."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if len(w) >= 2)


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
        words=evidence_words(doc.text[ev.evidence.start : ev.evidence.end]), outlet=doc.source,
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


def _compatible(a: str, b: str, opts: MergeOptions) -> bool:
    return a == b or (a, b) in opts.compatible_types or (b, a) in opts.compatible_types


def _same_report(a: EventRef, b: EventRef, opts: MergeOptions) -> bool:
    """The same sentence in two copies of one article (plain word overlap, see ``same_report_overlap``)."""
    if a.group_id is None or a.group_id != b.group_id or not a.words or not b.words:
        return False
    return len(a.words & b.words) / len(a.words | b.words) >= opts.same_report_overlap


def _conflicts(a: EventRef, b: EventRef, opts: MergeOptions) -> list[str]:
    """The date and place constraints two events break (country, distance, date window)."""
    out = []
    if a.country and b.country and a.country != b.country:
        out.append("country")
    km = _km(a, b)
    if km is not None and km > opts.max_km:
        out.append("place")
    gap = _gap(a, b)
    if gap is not None and gap > opts.date_window_days:
        out.append("date")
    return out


def _violates(a: EventRef, b: EventRef, opts: MergeOptions) -> bool:
    """The hard constraints that must hold between *every* two members of a merged event."""
    if a.doc_id == b.doc_id or not _compatible(a.type, b.type, opts):
        return True
    return bool(_conflicts(a, b, opts)) and not _same_report(a, b, opts)


def _text_similarity(a: EventRef, b: EventRef, idf: dict[str, float] | None) -> float | None:
    if not a.words or not b.words:
        return None
    common = a.words & b.words
    if idf is None:
        return len(common) / len(a.words | b.words)
    inter = sum(idf.get(w, 1.0) for w in common)
    union = sum(idf.get(w, 1.0) for w in a.words | b.words)
    return inter / union if union else 0.0


def score_pair(
    a: EventRef, b: EventRef, opts: MergeOptions, idf: dict[str, float] | None = None
) -> MergeReason | None:
    """The merge evidence for two events, or None when a hard constraint rules the merge out.

    ``idf`` weights the words of the wording similarity (None: plain Jaccard of the word sets).
    """
    if _violates(a, b, opts):
        return None
    same_group = a.group_id is not None and a.group_id == b.group_id
    ignored = tuple(_conflicts(a, b, opts))  # non-empty only for the same report in two copies
    km = None if "place" in ignored or "country" in ignored else _km(a, b)
    gap = None if "date" in ignored else _gap(a, b)
    text = _text_similarity(a, b, idf)
    overlap = None
    shared: frozenset[str] = frozenset()
    if a.participants and b.participants:
        shared = a.participants & b.participants
        overlap = len(shared) / len(a.participants | b.participants)
        if overlap < opts.min_actor_overlap and not same_group and (text or 0.0) < opts.min_text_similarity:
            return None
    # a merge needs positive evidence that this is the same happening, not just the same type and day
    strong_text = text is not None and text >= opts.min_text_similarity
    who_or_where = (overlap is not None and overlap >= opts.min_actor_overlap) or km is not None
    if not (same_group or strong_text or (who_or_where and (text is None or text >= opts.min_text_support))):
        return None
    from_pub = a.from_publication or b.from_publication
    signals: list[tuple[float, float]] = []
    agreed = [f"type:{a.type}" if a.type == b.type else f"type:{a.type}~{b.type}"]
    if same_group:
        signals.append((1.0, 0.3))
        agreed.append("duplicate")
    if gap is not None:
        signals.append((1.0 - gap / (opts.date_window_days + 1), 0.05 if from_pub else 0.15))
        agreed.append("date")
    if km is not None:
        signals.append((1.0 - km / opts.max_km, 0.2))
        agreed.append("place")
    if overlap is not None:
        signals.append((overlap, 0.3))
        if overlap >= opts.min_actor_overlap:
            agreed.append("actors")
    if text is not None:
        signals.append((min(1.0, text / opts.text_full), 0.35))
        if strong_text:
            agreed.append("text")
    score = sum(v * w for v, w in signals) / sum(w for _, w in signals)
    if score < opts.min_score:
        return None
    return MergeReason(
        a.key, b.key, round(score, 3), same_group, gap, None if km is None else round(km, 1),
        None if overlap is None else round(overlap, 3), None if text is None else round(text, 3),
        tuple(sorted(shared)), tuple(agreed), from_pub, ignored,
    )


def word_frequencies(refs: Sequence[EventRef]) -> dict[str, int]:
    """In how many events' evidence each word occurs."""
    df: dict[str, int] = {}
    for r in refs:
        for w in r.words:
            df[w] = df.get(w, 0) + 1
    return df


def word_idf(refs: Sequence[EventRef], df: dict[str, int] | None = None) -> dict[str, float]:
    """Inverse document frequency of evidence words over the events being merged (smoothed)."""
    df = df if df is not None else word_frequencies(refs)
    n = len(refs) + 1
    return {w: math.log(n / c) for w, c in df.items()}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / 0.5), math.floor(lon / 0.5))


def _keys(r: EventRef, df: dict[str, int], opts: MergeOptions) -> Iterator[str]:
    for name in r.participants:
        yield "p:" + name
    if r.lat is not None and r.lon is not None:
        cy, cx = _cell(r.lat, r.lon)
        for dy in (-1, 0, 1):  # neighbouring cells, so points near a cell edge still meet
            for dx in (-1, 0, 1):
                yield f"c:{cy + dy}:{cx + dx}"
    if r.group_id is not None:
        yield "g:" + r.group_id
    # the rarest words that occur in at least one other event's evidence (a word seen once meets nothing)
    shared = sorted((df[w], w) for w in r.words if df.get(w, 0) >= 2)
    for _, w in shared[: opts.word_keys]:
        yield "w:" + w


def _type_classes(opts: MergeOptions) -> dict[str, str]:
    """Each type's compatibility class (types joined through ``compatible_types``), named by its smallest."""
    cls: dict[str, str] = {}

    def find(t: str) -> str:
        while cls.get(t, t) != t:
            t = cls[t]
        return t

    for a, b in opts.compatible_types:
        ra, rb = find(a), find(b)
        if ra != rb:
            cls[max(ra, rb)] = min(ra, rb)
    return {t: find(t) for t in cls}


#: duplicate groups up to this many events of one type are compared pair by pair, whatever the dates
_ALL_PAIRS_GROUP = 64


def _candidate_pairs(
    placed: Sequence[EventRef], df: dict[str, int], opts: MergeOptions
) -> set[tuple[int, int]]:
    classes = _type_classes(opts)
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(placed):
        if r.first is None:
            continue
        kind = classes.get(r.type, r.type)
        for key in _keys(r, df, opts):
            blocks.setdefault((kind, key), []).append(i)
    pairs: set[tuple[int, int]] = set()
    window = opts.date_window_days
    for (_, key), members in blocks.items():
        if len(members) < 2:
            continue
        if key.startswith("g:") and len(members) <= _ALL_PAIRS_GROUP:
            # copies of one article: the same sentence may have been dated differently in each copy
            pairs.update(itertools.combinations(sorted(members), 2))
            continue
        members.sort(key=lambda i: (placed[i].first, i))
        for x, i in enumerate(members):
            a = placed[i]
            assert a.first is not None and a.last is not None
            reach = a.last + dt.timedelta(days=window)
            for j in members[x + 1 :]:
                b_first = placed[j].first
                assert b_first is not None
                if b_first > reach:
                    break
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def merge_events(refs: Sequence[EventRef], opts: MergeOptions | None = None,
                 published: dict[str, dt.date] | None = None) -> list[MergedEvent]:
    """Cluster events across documents; singletons come back as one-member clusters.

    Undated events use their document's ``published`` date with ``undated_slack_days`` of slack.
    Events with neither a date nor a publication date cannot be placed in time and never merge.
    """
    opts = opts or MergeOptions()
    pub = published or {}
    placed = [_place_in_time(r, pub.get(r.doc_id), opts) for r in refs]
    df = word_frequencies(placed)
    idf = word_idf(placed, df)
    scored: list[tuple[float, str, str, int, int, MergeReason]] = []
    for i, j in _candidate_pairs(placed, df, opts):
        reason = score_pair(placed[i], placed[j], opts, idf)
        if reason is not None:
            scored.append((-reason.score, reason.a, reason.b, i, j, reason))
    clusters = _greedy_clusters(placed, scored, opts)
    out = []
    for idx, links in clusters:
        evs = [refs[i] for i in idx]
        firsts = [e.first for e in evs if e.first]
        lasts = [e.last for e in evs if e.last]
        out.append(MergedEvent(
            cluster_id=evs[0].key,
            type=evs[0].type,
            members=tuple(e.key for e in evs),
            first=min(firsts) if firsts else None,
            last=max(lasts) if lasts else None,
            participants=frozenset().union(*(e.participants for e in evs)),
            counts=tuple((e.key, c, e.source) for e in evs for c in e.counts),
            reasons=tuple(links),
            outlets=tuple(dict.fromkeys(e.outlet for e in evs if e.outlet)),
        ))
    return out


def _greedy_clusters(
    placed: list[EventRef], scored: list[tuple[float, str, str, int, int, MergeReason]], opts: MergeOptions
) -> list[tuple[list[int], list[MergeReason]]]:
    n = len(placed)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    docs: dict[int, set[str]] = {i: {placed[i].doc_id} for i in range(n)}
    links: dict[int, list[MergeReason]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, _, _, i, j, reason in sorted(scored, key=lambda s: s[:3]):
        ri, rj = find(i), find(j)
        if ri == rj or docs[ri] & docs[rj]:
            continue
        if any(_violates(placed[x], placed[y], opts) for x in members[ri] for y in members[rj]):
            continue
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        members[root].extend(members.pop(other))
        docs[root] |= docs.pop(other)
        links.setdefault(root, []).extend(links.pop(other, []))
        links[root].append(reason)
    return [(sorted(idx), links.get(root, [])) for root, idx in sorted(members.items())]


def _place_in_time(r: EventRef, published: dt.date | None, opts: MergeOptions) -> EventRef:
    if r.first is not None or published is None:
        return r
    slack = dt.timedelta(days=opts.undated_slack_days)
    return replace(r, first=published - slack, last=published, from_publication=True)
