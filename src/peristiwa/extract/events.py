"""Stage ``extract.events``: PLOVER events with participants, place, time, counts, modality and claims.

Why rules and data: there is no labelled Indonesian event corpus to train on, and every output field
must be auditable. The extractor reads the language pack's data (``triggers.tsv`` and friends, see
``langs/id/data``) with language-neutral mechanisms:

1. :mod:`.triggers` finds trigger words (morphology-aware, sense conditions) per sentence;
2. :mod:`.compose` joins multiword triggers and complement-taking predicates ("siap ... kerja sama");
3. :mod:`.arguments` reads actors and recipients off the clause, :mod:`.coref` resolves pronouns and
   :mod:`.actor_builder` names them canonically;
4. :mod:`.modality`, mode cues, :mod:`.attach` (place, date, counts) and :mod:`.claims` fill the rest;
5. :mod:`.merge_within` merges mentions of one real event, and :mod:`.discourse` runs the
   article-level passes (counts told later, the story's date, unattributed authorities, fallbacks).

Public API: :func:`extract_events` (a document in, events out) and the registered stage.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import Any

from ..langs.base import PackLoader
from ..model import Actor, Document, Entity, Event, Span
from ..pipeline import StageContext, StageFn, registry
from .actor_builder import ActorBuilder
from .arguments import assign_roles
from .attach import date_of, places_of
from .chunks import NP, ChunkContext, chunk
from .claims import fallback_quotes, quote_for, source_name
from .clauses import clause_bounds
from .compose import cluster, compose
from .coref import Antecedents
from .dates import later_than
from .discourse import (
    accused,
    anchor_dates,
    armed_sides,
    attach_counts,
    during,
    event_noun_sentences,
    fallback_places,
    grounds,
    history_cutoff,
    implicit_agents,
    inherit_dates,
    offset_dates,
    prominence,
    protest_targets,
    statement_places,
    victim_counts,
)
from .framing import first_person_at, narrated, proceeding_topic, topic_time, year_before
from .merge_within import STATE_SECTORS, Draft, MergeOptions, merge_drafts
from .modality import generic_rule, modality_of
from .resources import Resources, SentView, sentence_views
from .triggers import Candidate, DocContext, expression_tail, find_candidates

__all__ = ["extract_events", "make_stage"]

# types whose mode names the act itself: a trigger's own mode is not overridden by nearby cue words
_EXCLUSIVE_MODES = {"COERCE", "SANCTION", "RETREAT"}


def _mode_cues(sv: SentView, res: Resources, cand: Candidate) -> list[str]:
    key = "modes"
    if key not in sv.cache:
        sv.cache[key] = res.modes.find_all(sv.words, sv.heads(res.modes))
    modes = list(cand.modes)
    replaced: set[str] = set()
    for m in sv.cache[key]:
        if m.row.get("type") != cand.type:
            continue
        window = m.row.get("window") or "5"
        n = int(window.lstrip("+-"))
        after = m.start >= cand.end and m.start - cand.end < n
        before = m.end <= cand.start and cand.start - m.end < n
        inside = cand.start <= m.start < cand.end
        ok = inside or (after if window.startswith("+") else before if window.startswith("-") else after or before)
        if not ok and m.start >= cand.end and _instrument(sv, m.start, cand.end):
            ok = True  # "attacked a convoy coming from X with four mines": the means, however far
        if ok and sv.syntax.head_final and m.start >= cand.end and any(
            sv.has_role(k, "topic_prep", "target_prep") for k in range(cand.end, m.start)
        ) and cand.type == "PROTEST":
            ok = False  # "a protest against violence during riots": the topic's words are not its modes
        if not ok:
            continue
        for mode in m.row.get("mode").split(","):
            if cand.type in _EXCLUSIVE_MODES and cand.modes and mode not in cand.modes:
                continue  # an arrest near "jam malam" stays an arrest
            if mode and mode not in modes:
                modes.append(mode)
        replaced.update(x for x in m.row.get("replaces").split(",") if x)
    return [m for m in modes if m not in replaced]


def _instrument(sv: SentView, k: int, end: int) -> bool:
    """Whether token ``k`` (after a trigger ending at ``end``, same clause) follows an instrument
    preposition ("with", "dengan"), possibly after numbers and modifiers."""
    preps = sv.syntax.instrument_preps
    if not preps:
        return False
    _, hi = clause_bounds(sv, end - 1, end)
    if k >= hi:
        return False
    j = k - 1
    while j >= end and (sv.has_role(j, "quant", "np_skip") or sv.words[j][:1].isdigit()):
        j -= 1
    return j >= end and sv.words[j] in preps


def _anaphoric(sv: SentView, cand: Candidate, res: Resources) -> bool:
    """ "serangan tersebut", "this attack", "the same clash": a re-mention of an event told before."""
    words = set(res.setting("merge", "anaphoric", default=[]))
    k = cand.end
    while k < len(sv) and (sv.has_role(k, "np_skip") or sv.has_class(k, "time")):
        k += 1
    if k < len(sv) and sv.words[k] in words:
        return True
    before = set(res.setting("merge", "anaphoric_before", default=[]))
    if not before or not (cand.nominal or cand.subject_trigger):
        return False
    k = (cand.subject_trigger or (cand.start, cand.end))[0] - 1  # "the shells injured four": the shells
    while k >= 0 and sv.has_role(k, "np_skip") and sv.words[k] not in before:
        k -= 1
    return k >= 0 and sv.words[k] in before


def _in_attribution(doc: Document, sv: SentView, cand: Candidate) -> bool:
    """A trigger after a quote's reporting verb describes the speaker ("kata X, utusan ... yang memerangi
    ISIS"), it is not an event of the article."""
    ts = sv.tokens[cand.start].start
    if not any(sv.has_role(k, "relative") for k in range(max(0, cand.start - 4), cand.start)):
        return False  # "kata Prabowo dalam rapat kabinet": the meeting where it was said is an event
    for q in doc.quotes:
        cue = q.cue_span
        if cue is None or not (sv.start <= cue.start < sv.end):
            continue
        if q.content.end <= cue.start < ts and not (q.content.start <= ts < q.content.end):
            return True
    return False


def _additive(sv: SentView, cand: Candidate, res: Resources) -> bool:
    """ "Elnino juga meminta ...": an additional act of the same kind, not a re-mention."""
    words = set(res.setting("merge", "additive", default=[]))
    lo, _ = clause_bounds(sv, cand.start, cand.end)
    if any(sv.words[k] in words for k in range(max(lo, cand.start - 3), cand.start)):
        return True
    determiners = set(res.setting("merge", "additive_det", default=[]))
    if not determiners or not cand.nominal:
        return False
    k = cand.start - 1  # "another attack", "a separate clash": a determiner of the event noun itself
    while k >= lo and sv.has_role(k, "np_skip") and sv.words[k] not in determiners:
        k -= 1
    return k >= lo and sv.words[k] in determiners


def _person_index(doc: Document, ante: Antecedents) -> dict[int, str]:
    out: dict[int, str] = {}
    for m in ante.mentions:
        if m.kind == "person":
            sv = ante.views[m.si]
            s, _e = sv.char_span(m.np.start, m.np.end)
            names = [k for k in range(m.np.start, m.np.end) if sv.is_upper(k)]
            if names:
                ns, ne = sv.char_span(names[0], names[-1] + 1)
                out[s] = doc.text[ns:ne]
    return out


def extract_events(doc: Document, res: Resources, *, packs: PackLoader | None = None,
                   min_confidence: float | None = None) -> list[Event]:
    """All events of ``doc`` (its layers sentences/tokens/entities/places/dates/counts/quotes are used)."""
    views = sentence_views(doc, res)
    dctx = DocContext.build(views, res)
    lower_vocab = {w for sv in views for w, r in zip(sv.words, sv.raw, strict=True) if w == r}
    per_sent: list[tuple[SentView, list[Candidate], dict[int, str]]] = []
    blocked: dict[int, set[int]] = {}
    for sv in views:
        cands = [c for c in cluster(find_candidates(sv, res, dctx)) if not _in_attribution(doc, sv, c)]
        if not cands:
            continue
        # trigger words are no participants, except agent nouns ("pengunjuk rasa" protests and is protesters)
        blocked[sv.index] = {k for c in cands if not c.template.has("agent") for k in range(c.start, c.end)}
        blocked[sv.index].update(k for c in cands for k in expression_tail(c))
        blocked[sv.index].update(k for c in cands if c.subject_trigger for k in range(*c.subject_trigger)
                                 if not sv.has_role(k, "actor_head"))  # "rioters attacked": the rioters act
        kept, forced = compose(cands, res)
        sv.cache["trigger_starts"] = sorted(c.start for c in cands if not c.nominal)
        per_sent.append((sv, kept, forced))
    nps: dict[int, list[NP]] = {}
    by_sentence = _entities_by_sentence(doc, views)

    def nps_for(si: int) -> list[NP]:
        if si not in nps:
            sv = views[si]
            ents = None if by_sentence is None else by_sentence.get(si, ())
            cc = ChunkContext(lower_vocab, blocked.get(si, set()), _entity_tokens(doc, sv, ents), bool(doc.entities),
                              _place_tokens(doc, sv))
            nps[si] = chunk(sv, res, cc)
        return nps[si]

    ante = Antecedents(doc, views, nps_for, res)
    builder = ActorBuilder(doc, ante, packs)
    # the person index chunks every sentence: built only if a fallback pattern asks for it (once)
    quotes = list(doc.quotes) or fallback_quotes(doc, views, functools.cache(lambda: _person_index(doc, ante)))
    conf_cfg = res.setting("confidence", default={})
    facts = _DocFacts(doc, res)
    drafts: list[Draft] = []
    for sv, cands, forced in per_sent:
        for c in cands:
            nps_here = nps_for(sv.index)
            drafts.append(_draft(doc, sv, c, forced.get(id(c)), nps_here, builder, res, quotes, facts, conf_cfg))
    attach_counts(doc, views, drafts, res)
    accused(drafts)
    during(drafts, res)
    grounds(drafts, res)
    victim_counts(drafts, res)
    merged = merge_drafts(
        drafts, int(res.setting("merge", "window", default=3)), builder.states,
        anaphoric_window=int(res.setting("merge", "anaphoric_window", default=8)), persons=builder.persons,
        options=MergeOptions(
            victims_window=int(res.setting("merge", "victims_window", default=0)),
            fill_empty=bool(res.setting("merge", "fill_empty", default=False)),
            date_from_bare=bool(res.setting("merge", "date_from_bare", default=False)),
            two_sided=bool(res.setting("merge", "two_sided", default=False)),
            agent_nouns=bool(res.setting("merge", "agent_nouns", default=False)),
            history_before=history_cutoff(doc, conf_cfg),
        ),
    )
    event_noun_sentences(doc, views, merged, res)
    inherit_dates(doc, merged, res)
    offset_dates(doc, merged)
    anchor_dates(doc, merged, res)
    armed_sides(doc, merged, res, builder.persons)
    protest_targets(merged, res)
    fallback_places(doc, merged, res)
    statement_places(doc, views, merged, res)
    implicit_agents(doc, views, merged, res)
    floor = float(min_confidence if min_confidence is not None else conf_cfg.get("min", 0.4))
    events: list[Event] = []
    penalty = {m: float(conf_cfg.get(m, 0.0)) for m in ("negated", "hypothetical", "future")}
    domains: dict[str, float] = res.setting("domains", default={})
    off_topic = sum(v for k, v in domains.items() if dctx.about(k))
    prominence(doc, merged, conf_cfg)
    for d in merged:
        if d.conf + penalty.get(d.modality, 0.0) + off_topic < floor:
            continue
        events.append(_event(doc, d, len(events), builder.persons))
    return events


def _place_tokens(doc: Document, sv: SentView) -> frozenset[int]:
    """Tokens of the sentence inside place mentions finer than a country."""
    out: set[int] = set()
    for p in doc.places:
        if sv.start <= p.start < sv.end and (p.precision or "") != "country":
            out.update(range(sv.token_at(p.start), sv.token_at(p.end - 1) + 1))
    return frozenset(out)


def _entities_by_sentence(doc: Document, views: list[SentView]) -> dict[int, list[Entity]] | None:
    """The entities inside each sentence (by view index, in document order), found in one pass; None when
    the views overlap or an entity is empty (then each sentence scans every entity, as it may hold one twice)."""
    if any(a.end > b.start for a, b in itertools.pairwise(views)) or any(e.end <= e.start for e in doc.entities):
        return None
    starts = [sv.start for sv in views]
    out: dict[int, list[Entity]] = {}
    for ent in doc.entities:
        k = bisect.bisect_right(starts, ent.start) - 1
        if k >= 0 and ent.end <= views[k].end:
            out.setdefault(k, []).append(ent)
    return out


def _entity_tokens(doc: Document, sv: SentView, entities: Sequence[Entity] | None = None) -> dict[int, tuple[int, str]]:
    """First token -> (end token, label) of the entity mentions inside a sentence (``entities``: those of
    the sentence, from :func:`_entities_by_sentence`; all of the document's when None)."""
    out: dict[int, tuple[int, str]] = {}
    for ent in doc.entities if entities is None else entities:
        if sv.start <= ent.start and ent.end <= sv.end and sv.tokens:
            first = sv.token_at(ent.start)
            last = sv.token_at(ent.end - 1)
            if sv.tokens[first].start == ent.start and last + 1 > out.get(first, (0, ""))[0]:
                out[first] = (last + 1, ent.label)
    return out


def _own_unit(sv: SentView, nps: list[NP], np: NP, actor: Actor, builder: ActorBuilder) -> Actor:
    """ "penjagaan oleh TNI dari Kodam IV/Diponegoro", "polisi dari Polres Bekasi": a state body followed by
    "dari" and one of its own units of the same sector acts through that unit (the more specific name)."""
    unit = next((x for x in nps if x.start == np.end + 1 and x.pp == "source_prep"), None)
    if unit is None or not actor.sector or actor.sector not in STATE_SECTORS:
        return actor
    built = builder.build(sv, unit)
    if built is None or built.sector != actor.sector or (actor.country and built.country != actor.country):
        return actor
    return built


def _unique(parties: list[Actor]) -> list[Actor]:
    """One of each mention ("they" standing for a list its antecedent only repeats: "30 Tunisians")."""
    return list({(a.start, a.end, a.name): a for a in parties}.values())


def _concrete(sv: SentView, parties: list[Actor]) -> list[Actor]:
    """ "mendorong Polresta Denpasar dan pihak terkait": a vague party (word class ``vague_party``) listed
    beside a named one adds nobody."""
    if len(parties) < 2:
        return parties
    vague = [sv.start <= a.start and a.end <= sv.end
             and sv.class_within(sv.token_at(a.start), sv.token_at(a.end - 1) + 1, "vague_party") for a in parties]
    return [a for a, v in zip(parties, vague, strict=True) if not v] if not all(vague) else parties


class _DocFacts:
    """What every draft of a document asks of the document and of its sentence, found once: the pack's
    type lists, the place spans, and per sentence the tokens in places and the spans of its phrases that
    are no place (a sentence with several triggers asked for them again for each)."""

    def __init__(self, doc: Document, res: Resources) -> None:
        self.doc = doc
        self.verbal = set(res.setting("types", "verbal", default=[]))
        self.coop = set(res.setting("types", "cooperative", default=[]))
        #: places finer than a country (not a participant's span)
        self.local = [(p.start, p.end) for p in doc.places if (p.precision or "") not in ("country", "")]
        self.place_spans = {(p.start, p.end) for p in doc.places}
        self._place_tokens: dict[int, set[int]] = {}
        self._not_places: dict[int, list[tuple[int, int]]] = {}

    def no_places(self, parties: list[Actor]) -> list[Actor]:
        """``parties`` without those that are only a place finer than a country ("warga" is one, "Jakarta"
        is where); a capital named for its government keeps its place ("Moskwa" for Russia)."""
        text = self.doc.text
        return [a for a in parties if not any(ps <= a.start and a.end <= pe for ps, pe in self.local)
                or (a.sector == "government" and a.name != text[a.start : a.end])]

    def place_tokens(self, sv: SentView) -> set[int]:
        """Tokens of ``sv`` inside a place mention (callers do not change the set)."""
        found = self._place_tokens.get(sv.index)
        if found is None:
            found = self._place_tokens[sv.index] = {
                k for p in self.doc.places if sv.start <= p.start < sv.end
                for k in range(sv.token_at(p.start), sv.token_at(p.end - 1) + 1)}
        return found

    def not_places(self, sv: SentView, nps: list[NP]) -> list[tuple[int, int]]:
        """Character spans of the phrases of ``sv`` (``nps``, its chunks) that name no place."""
        found = self._not_places.get(sv.index)
        if found is None:
            found = self._not_places[sv.index] = []
            for np in nps:
                ns, ne = sv.char_span(np.start, np.end)
                if np.label not in ("GPE", "LOC") and (ns, ne) not in self.place_spans:
                    found.append((ns, ne))
        return found


def _draft(doc: Document, sv: SentView, c: Candidate, forced: str | None, nps: list[NP], builder: ActorBuilder,
           res: Resources, quotes: list[Any], facts: _DocFacts, conf_cfg: dict[str, float]) -> Draft:
    verbal = facts.verbal
    syn = res.syntax
    lo, hi = clause_bounds(sv, c.start, c.end)
    roles = assign_roles(c, nps, frozenset({"ASSAULT"}), facts.place_tokens(sv))
    actors = [a for np in roles.actors for a in builder.build_all(sv, np, agent=True)]
    recipients = [a for np in roles.recipients for a in builder.build_all(sv, np, agent=c.type in verbal)]
    if c.template.has("agent") and any(np.pp == "agent_prep" for np in roles.actors):
        actors = []  # "Protesters were beaten by police": the agent of the verb is not the protest's
    if c.template.has("agent") and not actors:  # "pengunjuk rasa": the agent noun names its own actors
        own = [np for np in nps if np.start <= c.start < np.end]
        actors = [a for a in (builder.build(sv, np) for np in own) if a is not None]
    if c.type == "MOBILIZE" and not (c.nominal and roles.subject_is == "recipient"):
        # "Para tentara tersebut ditempatkan": the deployed forces are the actors (but "X mendapatkan
        # penjagaan oleh TNI": X is guarded)
        actors, recipients = actors + recipients, []
    actors = [_own_unit(sv, nps, np, a, builder) for np, a in zip(roles.actors, actors, strict=False)] \
        if len(actors) == len(roles.actors) else actors
    if c.frame == "HOST":  # "Ramaphosa disambut Menteri Budi": the visitor acts, the host receives
        actors, recipients = recipients, actors
    actor_spans = {(a.start, a.end) for a in actors}
    if not recipients and c.frame == "AP" and not c.nominal and not c.passive and syn.object_clitics \
            and sv.words[c.end - 1].endswith(syn.object_clitics):
        recipients = builder.clitic_object(sv, c.end - 1, actor_spans | {(a.start, a.end) for a in recipients})
    if not recipients and c.frame != "R":  # "menuliskan surat terbuka kepadanya": the one last mentioned
        fused = next((k for k in range(c.end, min(hi, c.end + 6)) if sv.has_role(k, "target_pronoun")), None)
        if fused is not None:
            recipients = builder.clitic_object(sv, fused, actor_spans)
    recipients = [r for r in recipients if (r.start, r.end) not in actor_spans]
    actors, recipients = _concrete(sv, _unique(actors)), _concrete(sv, _unique(recipients))
    actors, recipients = facts.no_places(actors), facts.no_places(recipients)
    deontic = forced == "deontic"
    purpose_ok = c.type in res.setting("modality", "purpose_asserted", default=())
    attempt_ok = c.type in res.setting("modality", "attempt_types", default=()) and not set(c.modes) & set(
        res.setting("modality", "attempt_not_modes", default=()))
    attempted = False  # an attempted act took place but did not reach its outcome: "tried to kill him"
    if forced in (None, "deontic"):
        modality = modality_of(sv, res, c.start, c.end, lo, hi, nominal=c.nominal, purpose_ok=purpose_ok)
        if attempt_ok and modality != "asserted":  # (read again only when a cue may be an attempt)
            modality = modality_of(sv, res, c.start, c.end, lo, hi, nominal=c.nominal, purpose_ok=purpose_ok,
                                   attempt_ok=True)
            attempted = modality == "asserted" and forced is None and not purpose_ok
    else:
        modality = forced
    ctype = c.type
    modes = _mode_cues(sv, res, c)
    q = quote_for(quotes, *sv.char_span(c.start, c.end))
    if "?" in sv.words[-2:]:
        modality = "hypothetical"  # a question asserts nothing ("Apakah Anda pernah menolak ...?")
    elif (modality == "asserted" and generic_rule(sv, res, c.start)
          and not any(sv.start <= m.start < sv.end for m in doc.dates)):
        modality = "hypothetical"  # "Warga yang kedapatan melanggar akan dikenai sanksi": a rule (undated)
    if deontic:
        self_bound = any(np.kind == "pronoun" and sv.words[np.start] in syn.first_person for np in roles.actors)
        speaker = builder.speaker(q, syn) if q is not None and not self_bound else None
        if speaker is None:  # an obligation stated by the article (or a speaker's own duty) is no event
            modality = "hypothetical"
        else:  # "TNI mesti ..." in a quote: the speaker demands it (PLOVER REQUEST)
            table = res.setting("compose", "absorb", "REQUEST", default={})
            mode = table.get(ctype, "")
            ctype, modes, modality = "REQUEST", [mode] if mode else [], "asserted"
            recipients = [a for a in actors if a.name != speaker.name]
            actors = [speaker]
    if modality == "future" and ctype in facts.coop:  # GUIDELINE decision 2
        ctype, modality, modes = "AGREE", "asserted", []
    ts, te = sv.char_span(c.start, c.end)
    first_person = [np for np in roles.actors if np.kind == "pronoun" and sv.words[np.start] in syn.first_person]
    speaks = first_person or (not roles.actors and not c.passive and not c.nominal) or (
        not actors and sv.class_within(c.start, c.end, "speaker_judgement"))  # "... tidak masuk akal," kata X
    if q is not None and ctype in verbal and speaks and (first_person or not actors):
        speaker = builder.speaker(q, syn)
        if speaker is not None:
            actors = [speaker]
    exclude = [(a.start, a.end) for a in actors + recipients] + facts.not_places(sv, nps)
    places = places_of(doc, sv, (lo, hi), (c.start, c.end), exclude, nominal=c.nominal)
    dated = date_of(doc, sv, sv.char_span(lo, hi) if hi > lo else (sv.start, sv.end), (ts, te))
    if dated and topic_time(sv, res, c, dated[0], dated[1]):
        dated = None
    if c.nominal and proceeding_topic(sv, res, c, lo):
        dated, places = None, []  # "sidang kasus pembunuhan Yuyun di PN X, Kamis (29/9)": the trial's
    after = later_than(doc, ts, te) if not dated else None
    conf = c.conf
    if q is None and (any(first_person_at(sv, np.start) for np in first_person) or narrated(sv, c.start)):
        conf += conf_cfg.get("narrator", 0.0)  # "I met him at a workshop": the writer, not the news
    background = lo > 0 and sv.words[lo - 1] in syn.subordinate
    if background:
        conf += conf_cfg.get("subordinate", 0.0)  # "... as they withdrew from a clash": background
    if actors:
        conf += conf_cfg.get("actor", 0.1)
    if recipients:
        conf += conf_cfg.get("recipient", 0.05)
    if not actors and not recipients:
        conf += conf_cfg.get("no_argument", -0.15) + conf_cfg.get(f"no_argument_{ctype}", 0.0)
    return Draft(
        type=ctype,
        modes=modes,
        conf=max(0.05, min(0.99, conf)),
        sv=sv,
        trigger=Span(ts, te),
        tokens=(c.start, c.end),
        nominal=c.nominal,
        actors=actors,
        recipients=recipients,
        modality=modality,
        places=places,
        date=dated[0] if dated else None,
        date_span=dated[1] if dated else None,
        source=source_name(q) if q is not None else None,
        quote_id=q.id if q is not None and not q.id.startswith("fq") else None,
        anaphoric=_anaphoric(sv, c, res),
        additive=_additive(sv, c, res),
        head=" ".join(sv.words[c.start : c.end]),
        clause=(lo, hi),
        symmetric=c.frame == "SYM",
        specific=c.nominal and year_before(sv, c.start),
        background=background,
        count_kind="" if attempted else c.row.get("count"),
        passive=c.passive,
        agent_noun=c.template.has("agent"),
        own_date=bool(dated and dated[1] and sv.char_span(lo, hi)[0] <= dated[1].start < sv.char_span(lo, hi)[1]),
        not_before=after.value.first if after is not None and after.value is not None else None,
    )







def _distinct(parties: list[Actor]) -> tuple[Actor, ...]:
    """ "Bhakti Eri" beside "Bhakti Eri Nurmansyah", "Siman Bahar" beside "Siman Bahar (SB)": a name whose
    words all stand in another participant's longer name is that participant again."""
    words = [set(a.name.lower().replace("(", " ").replace(")", " ").split()) for a in parties]
    # "X District Prosecutor's Office (Kejari X)" and "(Kejaksaan Negeri X)": one unit written two ways
    bases = [a.name.split(" (")[0].lower() for a in parties]
    def again(i: int, j: int) -> bool:  # parties[i] repeats parties[j]
        same = words[i] < words[j] or (j < i and bases[i] == bases[j] and "(" in parties[i].name)
        # a name ("Lisa" beside "Lisa Mariana") always; a phrase only when the longer one says as much
        return same and (parties[j].sector is not None or parties[i].sector is None or parties[j].name[:1].isupper())

    return tuple(a for i, a in enumerate(parties) if not any(j != i and again(i, j) for j in range(len(parties))))


_CROWDS = frozenset({"civilians", "protesters"})


def _not_undergoing(actors: list[Actor], recipients: list[Actor], persons: set[str]) -> list[Actor]:
    """ "Khariq ditangkap ... ia ... melakukan penangkapan": a named person no event does to themself; when
    the mentions of one event read one both ways, it is the one the act was done to (a group may stand on
    both sides: "NPA rebels killed a former NPA member", "warga menyerang warga")."""
    named = {a.name.lower() for a in recipients if (a.name in persons or a.sector is None)
             and a.sector not in _CROWDS and all(w[:1].isupper() for w in a.name.split())}
    return [a for a in actors if a.name.lower() not in named] if named else actors


def _event(doc: Document, d: Draft, n: int, persons: set[str]) -> Event:
    ev_start, ev_end = d.sv.start, d.sv.end
    return Event(
        id=f"{doc.doc_id}:e{n + 1}",
        type=d.type,  # type: ignore[arg-type]
        modes=tuple(dict.fromkeys(d.modes)),
        trigger=d.trigger,
        evidence=Span(ev_start, ev_end),
        mentions=tuple(dict.fromkeys(Span(m.sv.start, m.sv.end) for m in d.mentions if m.sv.index != d.sv.index)),
        actors=_distinct(_not_undergoing(d.actors, d.recipients, persons)),
        recipients=_distinct(d.recipients),
        locations=tuple(d.places),
        date=d.date,
        date_span=d.date_span,
        counts=tuple(d.counts),
        source=d.source,
        quote_id=d.quote_id,
        modality=d.modality,  # type: ignore[arg-type]
        confidence=round(d.conf, 4),
    )


@registry.stage(
    "extract.events",
    version=1,
    requires=("sentences", "tokens", "entities", "places", "dates", "counts", "quotes"),
    provides=("events",),
)
def make_stage(ctx: StageContext) -> StageFn:
    """Events of the 16 PLOVER types from the document language's pack data."""
    min_conf = ctx.options.get("min_confidence")

    def run(doc: Document) -> Document:
        pack = ctx.packs.get(doc.lang)
        if pack is None or not pack.has("triggers.tsv"):
            return doc.with_layers(events=())
        res = Resources.for_pack(pack)
        return doc.with_layers(events=tuple(extract_events(doc, res, packs=ctx.packs, min_confidence=min_conf)))

    return run
