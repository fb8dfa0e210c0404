"""Document-level passes over an article's event drafts: what one sentence cannot decide alone.

Why separate from :mod:`.events`: these passes read the whole article after every sentence has been
read (the counts of an attack told in the next sentence, the date of the occasion the story narrates,
the authority that made an unattributed arrest, the place of the article's main event), and each is a
small, data-switched rule of news discourse (``events.toml`` sections ``[dates]``, ``[merge]``,
``[implicit_agents]``, ``[confidence]``, ``[actors]``). They mutate the drafts in place, in the order
:func:`peristiwa.extract.events.extract_events` calls them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import msgspec

from ..model import Actor, Count, DateMention, Document, Place, Quote, Span
from ..text.date_values import day_value
from .attach import count_types, locative, main_place
from .clauses import verbish
from .dates import doc_grammar, event_offset, foreign_date
from .merge_within import Draft
from .resources import Resources, SentView

__all__ = [
    "accused", "anchor_dates", "armed_sides", "attach_counts", "during", "event_noun_sentences",
    "fallback_places", "grounds", "history_cutoff", "implicit_agents", "inherit_dates", "offset_dates",
    "prominence", "protest_targets", "statement_places", "victim_counts",
]


# count kinds that count the people an act was done to (never its perpetrators)
_VICTIM_COUNTS = frozenset({"killed", "injured", "arrested", "detained", "missing"})


def history_cutoff(doc: Document, conf_cfg: dict[str, float]) -> dt.date | None:
    """The day before which an event is history (``[confidence] history_days`` before publication), or None
    when the pack does not lower history or the document has no date. Shared by :func:`prominence` and the
    merging of mentions (an undated story mention never joins history)."""
    if not conf_cfg.get("history") or doc.published is None:
        return None
    return doc.published - dt.timedelta(days=int(conf_cfg.get("history_days", 365)))


def prominence(doc: Document, drafts: list[Draft], conf_cfg: dict[str, float]) -> None:
    """News puts its main event first (the lead) and history in the background: ``[confidence]
    after_lead`` lowers events after the first sentence that holds one, ``history`` those dated more than
    ``history_days`` before publication (GUIDELINE decision 4: history is annotated only as news), and
``long_span`` those whose time spans more than ``long_span_days`` ("dijatuhi sanksi sejak 2006", "two wars
in the last 60 years"): a standing situation or a summary of years, not an event the article reports."""
    after_lead = float(conf_cfg.get("after_lead", 0.0))
    history = float(conf_cfg.get("history", 0.0))
    long_span = float(conf_cfg.get("long_span", 0.0))
    span_days = int(conf_cfg.get("long_span_days", 365))
    cutoff = history_cutoff(doc, conf_cfg)
    if not drafts or not (after_lead or history or long_span):
        return
    lead = min(d.si for d in drafts)
    for d in drafts:
        if d.si > lead:
            d.conf = max(0.05, d.conf + after_lead)
        if cutoff is not None and d.date is not None and d.date.last < cutoff:
            d.conf = max(0.05, d.conf + history)
        if after_lead or history:
            d.conf = round(d.conf, 6)  # 0.45 - 0.05 is 0.4, not 0.39999999999999997
        if long_span and d.date is not None and (d.date.last - d.date.first).days > span_days:
            d.conf = round(max(0.05, d.conf + long_span), 6)  # "sanctioned since 2006": a state, not an event


def armed_sides(doc: Document, drafts: list[Draft], res: Resources, known_persons: set[str]) -> None:
    """ACLED and PLOVER read fighting as organised violence: with ``[actors] armed_sector``, a participant
    of a two-sided fight (a clash, shootout, firefight) and a named organisation that attacks are armed
    groups when no registry or head noun says otherwise - except, with ``[actors] armed_modes``, people
    only a common noun names in a fight that kills no one and where none of those weapons is told ("a
    clash between two groups of villagers left ten injured"): ACLED codes that a riot."""
    sector = res.setting("actors", "armed_sector", default="")
    if not sector:
        return
    persons = {(e.start, e.end) for e in doc.entities if e.label == "PER"}
    names = {e.name for e in doc.entities if e.label == "PER" and e.name} | set(known_persons)
    security = {"military", "police", "rebels", "armed group"}
    police = set(res.setting("actors", "police_sectors", default=[]))
    weapons = set(res.setting("actors", "armed_modes", default=[]))

    crowd_sector = res.setting("actors", "crowd_sector", default=None)

    def armed(a: Actor, organisation: bool, unarmed_crowd: bool = False, police_only: bool = False) -> Actor:
        if a.sector is not None or (a.start, a.end) in persons or a.name in names:
            return a
        if organisation and not (a.name[:1].isupper() and any(w[:1].isupper() for w in a.name.split()[1:]
                                                              or [a.name])):
            return a
        if unarmed_crowd and (police_only or (not _named(a) and not _mentions_entity(doc, a))):
            # "two groups of villagers clashed": people a common noun names, no weapon told: a crowd;
            # so is an unknown organisation's crowd that clashes with the police only ("members of the
            # youth front clashed with policemen")
            return Actor(start=a.start, end=a.end, name=a.name, country=a.country, sector=crowd_sector)
        return Actor(start=a.start, end=a.end, name=a.name, country=a.country, sector=sector)

    for d in drafts:
        if d.type != "ASSAULT":
            continue
        told = [d, *d.mentions]
        # a two-sided fight of armed parties (a clash, a gunfight), not a brawl or riot ("beat" mode)
        fight = any(m.symmetric and "beat" not in m.modes for m in told)
        # a named organisation attacking security forces is armed; a fight makes every side armed
        # ... fought with no weapon named by people a common noun names ("two groups", "villagers",
        # "supporters"): a riot, not a battle (ACLED Codebook: Mob violence vs. Armed clash)
        # (a fight that kills is fought with weapons, told or not)
        crowd = (fight and bool(weapons) and not any(weapons.intersection(m.modes) for m in told)
                 and not any(c.kind == "killed" for c in d.counts)
                 and not any(m.count_kind == "killed" and m.modality == "asserted" for m in told))
        known = {a.sector for a in [*d.actors, *d.recipients] if a.sector is not None}
        police_only = bool(known) and known <= police
        if fight or any(r.sector in security for r in d.recipients):
            d.actors = [armed(a, not fight, crowd, police_only) for a in d.actors]
        if fight:
            d.recipients = [armed(a, False, crowd, police_only) for a in d.recipients]


def _named(a: Actor) -> bool:
    """A name, not a common noun: an acronym ("the SSA-N") or a capitalised word after the first."""
    words = a.name.split()
    return any(sum(c.isupper() for c in w) >= 2 for w in words) or any(w[:1].isupper() for w in words[1:])


def _mentions_entity(doc: Document, a: Actor) -> bool:
    """Whether the actor's span holds a named organisation or group (an NER entity other than a place)."""
    return any(e.start < a.end and a.start < e.end and e.label in ("ORG", "NORP", "PER") for e in doc.entities)


def _count_kind(count: Count, drafts: list[Draft], doc_text: str, counts: Sequence[Count] = ()) -> Count:
    """A victims' count inside the patient phrase of a verb that says what happened to them takes that
    verb's kind (``triggers.tsv`` column ``count``): "one soldier was killed, while two civilians were
    wounded" - the wounded are not killed whatever cue stands nearer."""
    if count.kind not in _VICTIM_COUNTS and count.kind != "other":
        return count
    holders = [d for d in drafts if d.count_kind and _undergoes(d, count, doc_text, counts)]
    if not holders or any(d.count_kind == count.kind for d in holders):
        return count  # "five militants were killed while another was captured": killed stays
    nearest = min(holders, key=lambda d: abs(d.trigger.start - count.start))
    return msgspec.structs.replace(count, kind=nearest.count_kind)


def _undergoes(d: Draft, count: Count, doc_text: str, counts: Sequence[Count] = ()) -> bool:
    """Whether ``count`` counts the patients of the verb of ``d`` or (an intransitive "the other two ran
    away") its subject; a passive verb's subject ("7 soldiers of the battalion were injured") before it in
    its clause, unless the count has a predicate of its own before the next count ("Five soldiers died and
    8 others were injured": the injured are the 8)."""
    if d.nominal or not d.sv.start <= count.start < d.sv.end:
        return False
    phrase = d.recipients if not d.count_kind or d.count_kind in _VICTIM_COUNTS else d.actors
    lo = d.sv.tokens[d.clause[0]].start if d.clause[1] > d.clause[0] else d.sv.start
    between = doc_text[count.end : d.trigger.start] if count.end <= d.trigger.start else ","
    subject = (d.passive and lo <= count.start < d.trigger.start and not any(p in between for p in ",;")
               and not _own_predicate(d, count, counts))
    return subject or any(r.start <= count.start < r.end for r in phrase)


def _own_predicate(d: Draft, count: Count, counts: Sequence[Count]) -> bool:
    """Whether a predicate stands between ``count`` and the next count before the trigger of ``d``: "Five
    soldiers died and 8 others were injured" (the five have their own verb), not "sixteen soldiers and six
    members were wounded" (one coordinated subject)."""
    nxt = [c.start for c in counts if count.end <= c.start < d.trigger.start]
    if not nxt:
        return False
    sv = d.sv
    return any(sv.has_role(k, "harm_predicate") or verbish(sv, k)
               for k in range(sv.token_at(count.end), sv.token_at(min(nxt))))


def victim_counts(drafts: list[Draft], res: Resources) -> None:
    """ "A driver and his daughter were gunned down": with ``[counts] victims_from_recipients`` a killing
    with no count of its own counts its individually named victims (two here)."""
    if not res.setting("counts", "victims_from_recipients", default=False):
        return
    for d in drafts:
        if not d.count_kind or any(c.kind == d.count_kind for c in d.counts) or len(d.recipients) < 2:
            continue
        singles = [r for r in d.recipients if _single(d.sv, r)]
        if len(singles) == len(d.recipients):
            first, last = d.recipients[0], d.recipients[-1]
            d.counts.append(Count(start=min(first.start, last.start), end=max(first.end, last.end),
                                  kind=d.count_kind, value=len(singles), object=None))  # type: ignore[arg-type]


def _single(sv: SentView, a: Actor) -> bool:
    return sv.words[sv.token_at(a.start)] in ("a", "an", "one", "his", "her", "another")


def inherit_dates(doc: Document, drafts: list[Draft], res: Resources) -> None:
    """ "On 3 May, police dispersed a rally in X. They arrested 107 activists.": with ``[dates]
    inherit_window`` an event whose sentence names no time takes the date of the dated event told up to
    that many sentences before it in the same paragraph (the episode the report narrates)."""
    window = int(res.setting("dates", "inherit_window", default=0))
    if not window:
        return
    dated_sentences = {d.si for d in drafts if d.date is not None}
    for d in sorted(drafts, key=lambda x: x.si):
        if d.date is not None or d.si in dated_sentences:
            continue
        if any(d.sv.start <= m.start < d.sv.end for m in doc.dates):
            continue  # the sentence gives a time that is not the event's: no guess
        before = [e for e in drafts if e.date is not None and 0 < d.si - e.si <= window
                  and e.sv.sentence.paragraph == d.sv.sentence.paragraph and e.modality == "asserted"]
        if before:
            src = max(before, key=lambda e: e.si)
            d.date, d.date_span, d.own_date = src.date, src.date_span, False


def offset_dates(doc: Document, drafts: list[Draft]) -> None:
    """ "Nadir ditangkap Densus 88, sehari setelah penembakan di Tuban": an undated event told as so many
    days after (or before) another event of its sentence takes that event's day moved by them."""
    grammar = doc_grammar(doc)
    for d in drafts:
        if d.date is not None:
            continue
        days = event_offset(doc, d.trigger.start, grammar)
        if days is None:
            continue
        main = [e for e in drafts if e is not d and e.sv is d.sv and e.trigger.start < d.trigger.start
                and e.date is not None and e.date.precision == "day" and e.date.first == e.date.last]
        if main:
            day = max(main, key=lambda e: e.trigger.start).date.first + dt.timedelta(days=days)  # type: ignore[union-attr]
            d.date, d.date_span, d.own_date = day_value(day), None, False


def _in_direct_quote(doc: Document, pos: int) -> Quote | None:
    return next((q for q in doc.quotes if q.direct and q.content.start <= pos < q.content.end), None)


def _attribution_date(doc: Document, q: Quote) -> DateMention | None:
    """The day a quote was said: a date after its cue in the cue's sentence, outside what is quoted
    ("..., kata Botes, ditemui di Jakarta, Selasa (21/10)")."""
    if q.cue_span is None:
        return None
    sent = doc.sentence_at(q.cue_span.start)
    if sent is None:
        return None
    for m in doc.dates:
        if (m.value is not None and q.cue_span.end <= m.start < sent.end
                and not q.content.start <= m.start < q.content.end):
            return m
    return None


def anchor_dates(doc: Document, drafts: list[Draft], res: Resources) -> None:
    """ "..., kata Dede kepada wartawan, Senin (20/10/2025).": news narrates one occasion, dated once by a
    calendar day close to publication. With ``[dates] anchor_days`` an event whose sentence names no time
    takes that anchor date: the last such day before it (else the first after it), when it lies at most
    ``anchor_days`` before publication. A statement (``[types] verbal``) is also dated by a day told
    relative to publication ("kata Elnino di Jakarta, hari ini", "kemarin"): that is when it was made.
    Words for the present ("kini", "saat ini") never anchor, nor does a relative word inside a direct
    quote ("Kemarin saya berangkat": the speaker's yesterday). An act (not a statement) prefers the day
    of the incident told to the day a reporting clause was said ("..., kata Sergei, Selasa (21/10)").
    A statement inside a direct quote is dated by the quote's own attribution day, whatever times the
    quote tells. An event whose sentence gives some other time keeps its own reading, unless that time
    belongs to a relative clause on another noun (:func:`~peristiwa.extract.dates.foreign_date`)."""
    days = int(res.setting("dates", "anchor_days", default=0))
    if not days or doc.published is None:
        return
    dated = [m for m in doc.dates if m.value is not None and m.note != "present" and m.value.precision == "day"
             and m.value.first == m.value.last and 0 <= (doc.published - m.value.first).days <= days
             and not (m.relative and _in_direct_quote(doc, m.start))]
    calendar = [m for m in dated if not m.relative]
    # each quote's attribution day, found once: dates of a reporting clause ("kata Sergei saat ditemui di
    # Sanur, Selasa (21/10/2025)") are not an incident's, and a quoted statement is dated by its quote's
    said_on = {id(q): _attribution_date(doc, q) for q in doc.quotes}
    attributed = {id(m) for m in said_on.values() if m is not None}
    incident = [m for m in calendar if id(m) not in attributed]
    verbal = set(res.setting("types", "verbal", default=[]))
    grammar = doc_grammar(doc)
    for d in drafts:
        if d.date is not None or d.modality == "future":
            continue
        q = _in_direct_quote(doc, d.trigger.start) if d.type in verbal else None
        said = said_on[id(q)] if q is not None else None
        if said is not None and said.value is not None:
            d.date, d.date_span, d.own_date = said.value, Span(said.start, said.end), False
            continue
        if any(d.sv.start <= m.start < d.sv.end
               and foreign_date(doc, m, d.trigger.start, d.trigger.end, grammar) != "relative" for m in doc.dates):
            continue
        anchors = dated if d.type in verbal else (incident or calendar)
        if not anchors:
            continue
        before = [m for m in anchors if m.end <= d.trigger.start]
        m = before[-1] if before else anchors[0]
        d.date, d.date_span, d.own_date = m.value, Span(m.start, m.end), False


def protest_targets(drafts: list[Draft], res: Resources) -> None:
    """ "Hundreds of students held a protest. Police detained 130 activists.": with ``[actors]
    protest_targets``, people arrested, dispersed or attacked by security forces within two sentences of
    a protest are its protesters (when nothing else is known about them)."""
    sector = res.setting("actors", "protest_targets", default="")
    if not sector:
        return
    protests = [d.si for d in drafts if d.type == "PROTEST" and d.modality == "asserted"]
    security = {"military", "police"}
    for d in drafts:
        if d.type not in ("COERCE", "ASSAULT") or not any(abs(d.si - p) <= 2 for p in protests):
            continue
        if not any(a.sector in security for a in d.actors):
            continue
        d.recipients = [Actor(start=r.start, end=r.end, name=r.name, country=r.country, sector=sector)
                        if r.sector in (None, "civilians") else r for r in d.recipients]


def attach_counts(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """Each count goes to the nearest event of its sentence whose type it fits; with ``[counts]
    carry_sentences`` a count whose sentence has none goes to the nearest fitting event before it."""
    table = res.setting("counts", default={})
    people = {w.lower() for w in res.setting("counts", "people_nouns", default=[])}
    carry = int(res.setting("counts", "carry_sentences", default=0))
    relative = frozenset(res.setting("counts", "relative_markers", default=[]))
    for raw in doc.counts:
        count = _count_kind(raw, drafts, doc.text, doc.counts)
        if count.kind == "other" and (count.object or "").lower().split()[:1] and (
            (count.object or "").lower().split()[0] in people
        ):
            # "dua warga negara Rusia sudah diperiksa sebagai saksi": people an act was done to are counted
            done_to = [d for d in drafts if _undergoes(d, count, doc.text, doc.counts)]
            if done_to:
                min(done_to, key=lambda d: abs(d.trigger.start - count.start)).counts.append(count)
            continue
        clause = _relative_clause(doc.text, count, relative) if count.kind == "other" else None
        if clause is not None:
            # "ada 106 yang dihentikan, baru 12 yang kami rilis lagi": a plain count with a relative clause
            # counts what that clause's verb did; it belongs to the event of that verb or to none
            verbs = [d for d in drafts if clause[0] <= d.trigger.start < clause[1]]
            if verbs:
                min(verbs, key=lambda d: d.trigger.start).counts.append(count)
            continue
        # "shot dead by two gunmen": a number inside the perpetrators' phrase counts them, not the victims;
        # "dua penulis ... memperingatkan": an untyped number inside the actors' phrase only counts the actors
        own = count.kind in _VICTIM_COUNTS or count.kind == "other"
        fitting = [d for d in drafts if count_types(table, count) & {d.type, "*"}
                   and not (own and any(a.start <= count.start < a.end for a in d.actors))]
        fits = [d for d in fitting if d.sv.start <= count.start < d.sv.end]
        if not fits and carry and count.kind != "other":
            si = _sentence_index(views, count.start)
            fits = [d for d in fitting if 0 < si - d.si <= carry and d.modality == "asserted"]
            fits = [d for d in fits if d.si == max(x.si for x in fits)]
        if fits:
            best = min(fits, key=lambda d: abs(d.trigger.start - count.start))
            best.counts.append(count)


_REL_WORD = re.compile(r"\s*(\w+)")
_REL_END = re.compile(r"[,.;:!?\"“”()]")


def _relative_clause(text: str, count: Count, markers: frozenset[str]) -> tuple[int, int] | None:
    """The span of the relative clause right after ``count`` ("106 yang dihentikan operasionalnya"), or None."""
    m = _REL_WORD.match(text, count.end)
    if not markers or m is None or m.group(1).lower() not in markers:
        return None
    end = _REL_END.search(text, m.end())
    return m.start(1), end.start() if end else len(text)


def accused(drafts: list[Draft]) -> None:
    """ "X menilai/menuduh serangan yang dilakukan Rusia ...": the accused is the embedded act's actor."""
    for d in drafts:
        if d.type != "ACCUSE":
            continue
        inner = [e for e in drafts if e is not d and e.sv is d.sv and e.tokens[0] > d.tokens[0] and e.actors
                 and e.type != "ACCUSE" and not _coordinated_next(d, e)]
        if inner:
            first = min(inner, key=lambda e: e.tokens[0])
            if not d.recipients or {r.name for r in d.recipients} & {r.name for r in first.recipients}:
                d.recipients = list(first.actors)
        elif not d.recipients and d.sv.class_within(d.tokens[0], d.tokens[1], "speaker_judgement"):
            # "Serangan udara AS terhadap ISIS tidak efektif": the judged act, the clause's subject before
            # the judgement, is its actor's conduct
            judged = [e for e in drafts if e is not d and e.sv is d.sv and d.clause[0] <= e.tokens[0]
                      and e.tokens[1] <= d.tokens[0] and e.actors]
            if judged:
                d.recipients = list(min(judged, key=lambda e: e.tokens[0]).actors)


def _coordinated_next(d: Draft, e: Draft) -> bool:
    """ "Khariq jadi tersangka dan ditahan Polda": the next act is coordinated with the accusation (a
    second thing that happened to the subject), not embedded in it as what is alleged."""
    between = range(d.tokens[1], e.tokens[0])
    return 0 < len(between) <= 2 and any(d.sv.has_role(k, "coord", "clause_coord") for k in between)


def during(drafts: list[Draft], res: Resources) -> None:
    """ "A suspect was killed during a police raid": an agentless violent act inside another event of its
    clause (``[syntax] during`` words between them) is done by that event's actors."""
    words = set(res.setting("syntax", "during", default=[]))
    if not words:
        return
    for d in drafts:
        if d.type != "ASSAULT" or d.actors or d.nominal:
            continue
        for e in drafts:
            if e is d or e.sv is not d.sv or not e.nominal or not e.actors or e.tokens[0] <= d.tokens[1]:
                continue
            gap = d.sv.words[d.tokens[1] : e.tokens[0]]
            if len(gap) <= 5 and words.intersection(gap) and not any(w in (",", ";") for w in gap):
                d.actors = [a for a in e.actors if (a.start, a.end) not in {(r.start, r.end) for r in d.recipients}]
                break


def grounds(drafts: list[Draft], res: Resources) -> None:
    """ "Budi ditahan polisi atas tuduhan korupsi": an accusation noun given as the ground of an act on a
    person (a ``[syntax] grounds`` word between them) accuses that act's patient, by that act's agent."""
    words = set(res.setting("syntax", "grounds", default=[]))
    if not words:
        return
    for d in drafts:
        if d.type != "ACCUSE" or not d.nominal or d.recipients:
            continue
        acts = [e for e in drafts if e is not d and e.sv is d.sv and e.type in ("COERCE", "SANCTION")
                and e.recipients and e.tokens[1] <= d.tokens[0]]
        if not acts:
            continue
        act = max(acts, key=lambda e: e.tokens[1])
        gap = d.sv.words[act.tokens[1] : d.tokens[0]]
        if len(gap) <= 6 and words.intersection(gap) and not any(w in (",", ";") for w in gap):
            d.recipients = list(act.recipients)
            d.actors = d.actors or list(act.actors)


def implicit_agents(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """ "Khariq ditangkap", "AR menjalani pemeriksaan": an arrest or an investigation with no agent named in
    its sentence is the act of the authority the article last named (a police or judicial body; a body
    rather than one of its officers when both were named)."""
    table: dict[str, list[str]] = res.setting("implicit_agents", default={})
    seat_words = frozenset(res.setting("implicit_seat", "words", default=[]))
    for d in drafts:
        # a key names a type ("COERCE") or a type with one of its modes ("ACCUSE:investigate": an
        # investigation is an authority's act, a verbal accusation is not)
        sectors = set(table.get(d.type, [])).union(*(table.get(f"{d.type}:{m}", []) for m in d.modes))
        if d.actors or not sectors:
            continue
        # "menjalani pemeriksaan di Mapolres X", "diperiksa di Bareskrim": the body at whose seat it happens
        seat = [e for e in doc.entities if e.sector in sectors and e.name and d.trigger.end <= e.start < d.sv.end
                and _last_word(doc.text, d.trigger.end, e.start) in seat_words]
        if seat:
            e = seat[0]
            d.actors = [Actor(start=e.start, end=e.end, name=e.name or "", country=e.country, sector=e.sector)]
            continue
        before = [e for e in doc.entities if e.sector in sectors and e.name and e.end <= d.trigger.start
                  and d.sv.index - _sentence_index(views, e.start) <= 5]
        if before:
            # the body acts, not its spokesperson: "Kapolres AKBP X ... pemeriksaan" is the police's act
            e = next((x for x in reversed(before) if x.label != "PER"), before[-1])
            d.actors = [Actor(start=e.start, end=e.end, name=e.name or "", country=e.country, sector=e.sector)]


def _last_word(text: str, start: int, end: int) -> str:
    """The last whitespace-separated word of ``text[start:end]``, lower-cased ("" when there is none)."""
    words = text[start:end].rsplit(None, 1)
    return words[-1].lower() if words else ""


def _sentence_index(views: list[SentView], offset: int) -> int:
    """Index of the view holding ``offset`` (the one before it when ``offset`` falls between views)."""
    return max(0, bisect.bisect_right(views, offset, key=lambda v: v.start) - 1)


def event_noun_sentences(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """ "The incident took place in X on 3 May": a sentence about "the incident" (``[merge]
    event_noun_sentences``)
    with no event of its own gives its date and place to the event told just before it."""
    nouns = set(res.setting("merge", "event_noun_sentences", default=[]))
    if not nouns or not drafts:
        return
    taken = {d.si for d in drafts} | {m.si for d in drafts for m in d.mentions}
    for sv in views:
        if sv.index in taken or not nouns.intersection(sv.words):
            continue
        before = [d for d in drafts if d.si < sv.index and sv.index - d.si <= 2]
        if not before:
            continue
        target = max(before, key=lambda d: (d.si, d.conf))
        if target.date is None:
            dated = [m for m in doc.dates if m.value is not None and sv.start <= m.start < sv.end]
            if dated:
                target.date, target.date_span = dated[0].value, Span(dated[0].start, dated[0].end)
        if not target.places:
            places = [p for p in doc.places if sv.start <= p.start < sv.end and _locative_place(sv, p)]
            if places:
                target.places = places[:1]


def _locative_place(sv: SentView, place: Any) -> bool:
    return locative(sv, sv.token_at(place.start))


def fallback_places(doc: Document, drafts: list[Draft], res: Resources) -> None:
    physical = set(res.setting("types", "physical", default=[]))
    main = main_place(doc)
    if main is None:
        return
    for d in drafts:
        if d.type in physical and not d.places:
            d.places = [main]


def _topic_between(sv: SentView, start: int, end: int) -> bool:
    """A topic preposition between two offsets of the sentence ("kata Budi tentang kerusuhan di Wamena")."""
    lo, hi = sv.token_at(start), sv.token_at(end)
    return any(sv.has_role(k, "topic_prep") for k in range(lo, hi))


def statement_places(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """ "..., kata Elnino di Jakarta, hari ini": a statement (``[types] verbal``) with no place of its own
    was made where an attribution of its speaker says (a locative place after the speech verb, not one of
    what the speaker spoke about: "kata Budi tentang kerusuhan di Wamena"), as was any other statement of
    that speaker in the article: one occasion, a press conference or an interview."""
    verbal = set(res.setting("types", "verbal", default=[]))
    if not verbal or not doc.places or not doc.quotes:
        return
    said_at: dict[str, Place] = {}
    for q in doc.quotes:
        if q.cue_span is None or not q.speaker or q.speaker.lower() in said_at:
            continue
        sv = views[_sentence_index(views, q.cue_span.start)]
        end = sv.end if q.content.start < q.cue_span.start else min(sv.end, q.content.start)
        place = next((p for p in doc.places if q.cue_span.end <= p.start < end and _locative_place(sv, p)
                      and not _topic_between(sv, q.cue_span.end, p.start)), None)
        if place is not None:
            said_at[q.speaker.lower()] = place
    if not said_at:
        return
    for d in drafts:
        if d.type not in verbal or d.places:
            continue
        for name in (d.source, *(a.name for a in d.actors)):
            if name and name.lower() in said_at:
                d.places = [said_at[name.lower()]]
                break
