"""Stage ``extract.events``: PLOVER events with participants, place, time, counts, modality and claims.

Why rules and data: there is no labelled Indonesian event corpus to train on, and every output field
must be auditable. The extractor reads the language pack's data (``triggers.tsv`` and friends, see
``langs/id/data``) with language-neutral mechanisms:

1. :mod:`.triggers` finds trigger words (morphology-aware, sense conditions) per sentence;
2. :mod:`.compose` joins multiword triggers and complement-taking predicates ("siap ... kerja sama");
3. :mod:`.arguments` reads actors and recipients off the clause, :mod:`.coref` resolves pronouns;
4. :mod:`.modality`, mode cues, :mod:`.attach` (place, date, counts) and :mod:`.claims` fill the rest;
5. :mod:`.merge_within` merges mentions of one real event.

Public API: :func:`extract_events` (a document in, events out) and the registered stage.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import msgspec

from ..langs.base import PackLoader
from ..model import Actor, Count, Document, Event, Span
from ..pipeline import StageContext, StageFn, registry
from .arguments import NP, ChunkContext, assign_roles, chunk, clause_bounds, coordinated
from .attach import count_types, date_of, locative, main_place, places_of
from .claims import fallback_quotes, quote_for, source_name
from .compose import cluster, compose
from .coref import Antecedents
from .merge_within import Draft, MergeOptions, merge_drafts
from .modality import modality_of
from .resources import Resources, SentView, Syntax, sentence_views
from .triggers import Candidate, DocContext, find_candidates

__all__ = ["extract_events", "make_stage"]

# count kinds that count the people an act was done to (never its perpetrators)
_VICTIM_COUNTS = frozenset({"killed", "injured", "arrested", "detained", "missing"})
# types whose mode names the act itself: a trigger's own mode is not overridden by nearby cue words
_EXCLUSIVE_MODES = {"COERCE", "SANCTION", "RETREAT"}
_RESOLVER_MODULES = ("peristiwa.actors.registry", "peristiwa.actors.resolve", "peristiwa.actors.stage",
                     "peristiwa.actors")


def _find_resolver() -> Callable[..., Any] | None:
    for name in _RESOLVER_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        fn = getattr(module, "resolve_actor", None)
        if callable(fn):
            return fn
    return None


class _ActorBuilder:
    """Turns noun phrases into :class:`Actor` records with canonical identities."""

    def __init__(self, doc: Document, ante: Antecedents, packs: PackLoader | None) -> None:
        self.doc = doc
        self.ante = ante
        self.packs = packs
        self.resolver = _find_resolver()
        self._memo: dict[str, tuple[str, str | None, str | None]] = {}
        self.states: set[str] = {e.name.lower() for e in doc.entities if e.label == "GPE" and e.name}
        self.persons: set[str] = {e.name for e in doc.entities if e.label == "PER" and e.name}
        main = main_place(doc)
        self.context_country = main.country if main is not None else None

    def _identity(self, text: str, start: int, end: int) -> tuple[str, str | None, str | None]:
        best = None
        for ent in self.doc.entities:
            if ent.start <= start and end <= ent.end and ent.name:
                return ent.name, ent.country, ent.sector
            if start <= ent.start and ent.end <= end and ent.name and (ent.end - ent.start) * 10 >= (end - start) * 8:
                best = ent
        if best is not None and best.name:
            return best.name, best.country, best.sector
        if text not in self._memo:
            found: tuple[str, str | None, str | None] = (text, None, None)
            if self.resolver is not None:
                try:
                    hit = self.resolver(text, self.doc.lang, self.packs, context_country=self.context_country)
                except TypeError:
                    hit = self.resolver(text, self.doc.lang, self.packs)
                except Exception:  # the registry is another stage's code; never lose the event over it
                    hit = None
                if getattr(hit, "label", None) == "GPE" and getattr(hit, "name", None):
                    self.states.add(str(hit.name).lower())
                if getattr(hit, "label", None) == "PER" and getattr(hit, "name", None):
                    self.persons.add(str(hit.name))
                found = _unpack(hit) or found
            self._memo[text] = found
        return self._memo[text]

    def speaker(self, q: Any, syn: Syntax) -> Actor | None:
        """The speaker of a quote as a participant (the one who demands, accuses, promises)."""
        span = q.speaker_span
        if span is None:
            return None
        text = self.doc.text[span.start : span.end]
        low = text.lower()
        if low in syn.speaker_pronouns or (syn.speaker_clitics and low.endswith(syn.speaker_clitics)):
            if not q.speaker:
                return None
            return Actor(start=span.start, end=span.end, name=q.speaker)
        name, country, sector = self._identity(text, span.start, span.end)
        return Actor(start=span.start, end=span.end, name=q.speaker or name, country=country, sector=sector)

    def clitic_object(self, sv: SentView, k: int, exclude: set[tuple[int, int]]) -> list[Actor]:
        """The object of "menahannya" (token ``k``): the last person or group mentioned that is not the
        verb's own subject, as its most specific mention."""
        m = self.ante.resolve_object(sv.index, k, exclude)
        if m is None:
            return []
        actor = self.build(self.ante.views[m.si], m.np)
        return [actor] if actor is not None else []

    def build_all(self, sv: SentView, np: NP) -> list[Actor]:
        """Like :meth:`build`, but a plural pronoun ("keduanya", "mereka") whose antecedent opens a list
        ("Nadir dan Budi") stands for every item of it."""
        if np.kind == "pronoun" and self.ante.res.pronouns.get(sv.words[np.start], ("", ""))[1] == "pl":
            m = self.ante.resolve(sv.index, np)
            if m is not None:
                msv = self.ante.views[m.si]
                items = coordinated(msv, self.ante.nps_for(m.si), m.np)
                if len(items) > 1:
                    return [a for a in (self.build(msv, it) for it in items) if a is not None]
        actor = self.build(sv, np)
        return [actor] if actor is not None else []

    def build(self, sv: SentView, np: NP) -> Actor | None:
        if np.kind != "pronoun" and sv.has_class(np.head, "legal"):
            return None  # "dijerat Pasal 170 KUHP": the article of law is no participant
        if (sv.syntax.head_final and np.kind == "proper" and sv.has_class(np.start, "place_noun")
                and not sv.has_class(np.start, "person_title")):
            return None  # "Barangay Buenavista", "Sitio Cantupa": a place, not a participant
        if np.end - np.start == 1 and np.kind != "pronoun" and sv.has_class(np.start, "person_title") and not any(
            e.label == "PER" and e.start == sv.tokens[np.start].start and e.name and e.name != sv.raw[np.start]
            for e in self.doc.entities
        ):
            m = self.ante.resolve_title(sv.index, np)
            if m is not None:
                msv = self.ante.views[m.si]
                actor = self.build(msv, m.np)
                s, e = sv.char_span(np.start, np.end)
                if actor is not None:
                    return Actor(start=s, end=e, name=actor.name, country=actor.country, sector=actor.sector)
        if np.kind == "pronoun":
            m = self.ante.resolve(sv.index, np)
            if m is None:
                return None
            sv, np = self.ante.views[m.si], m.np
        elif np.kind == "common" and np.core is None and sv.words[np.start] in sv.syntax.definite:
            m = self.ante.resolve_definite(sv.index, np)  # "the man" after "an unidentified armed man"
            if m is not None:
                actor = self.build(self.ante.views[m.si], m.np)
                if actor is not None:
                    s, e = sv.char_span(np.start, np.end)
                    return Actor(start=s, end=e, name=actor.name, country=actor.country, sector=actor.sector)
        s, e = sv.char_span(np.start, np.end)
        text = self.doc.text[s:e]
        if np.core is not None:
            cs, ce = sv.char_span(*np.core)
            name, country, sector = self._identity(self.doc.text[cs:ce], cs, ce)
            return Actor(start=s, end=e, name=name, country=country, sector=sector)
        lookup = text
        if np.kind == "common" and sv.has_role(np.head, "actor_head"):
            # "pasukan rezim Presiden Assad": the forces, not the person named as their owner
            for ent in self.doc.entities:
                if ent.label == "PER" and s < ent.start < e and ent.end == e:
                    k = sv.token_at(ent.start)
                    while k > np.start and sv.has_class(k - 1, "person_title"):
                        k -= 1
                    if k > np.start:
                        lookup = self.doc.text[s : sv.tokens[k - 1].end]
                    break
        if np.definite and np.end >= 2 and sv.words[np.end - 2] in sv.syntax.state_nouns:
            place = self.ante.resolve_place(sv.index, np.start)
            if place is not None:
                psv = self.ante.views[place.si]
                ps, pe = psv.char_span(place.np.start, place.np.end)
                head = self.doc.text[s : sv.tokens[np.end - 2].start].strip()
                lookup = f"{head} {self.doc.text[ps:pe]}".strip()
        name, country, sector = self._identity(lookup, s, e)
        if lookup != text and name == lookup:
            name = text
        if (np.kind == "proper" and self.doc.entities and name == text and country is None
                and not sv.has_role(np.head, "actor_head")
                and not any(ent.start < e and s < ent.end for ent in self.doc.entities)
                and not (sv.syntax.keep_acronyms and _acronym(text))):
            return None  # a capitalised word nobody knows as an actor ("Internet", "VX")
        if sector is None or (name[:1].islower() and country is None):
            # no sector, or only a head noun's guess ("the New People's Army" read by its head "army")
            sector = _head_sector(sv, np, sector)
        return Actor(start=s, end=e, name=name, country=country, sector=sector)


def _acronym(text: str) -> bool:
    """ "NPA", "RPA-ABB", "the BIFF": an upper-case abbreviation names an organisation."""
    word = text.split()[-1] if text else ""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _head_sector(sv: SentView, np: NP, guess: str | None) -> str | None:
    """The pack's sector for an actor phrase nobody knows by name ("the policeman", "unidentified armed
    men", "the New People's Army"): the ``sector:NAME`` word classes of its words (``word_classes.tsv``),
    the first of ``[actors] sector_priority`` winning; ``guess`` when none applies."""
    found = {cls[7:] for k in range(np.start, np.end) for cls in sv.classes[k] if cls.startswith("sector:")}
    if not found:
        return guess
    order = sv.res.setting("actors", "sector_priority", default=[])
    ranked = sorted(found, key=lambda c: order.index(c) if c in order else len(order))
    if guess is not None and guess not in found and ranked[0] not in order[:1]:
        return guess  # a head guess stands unless a more telling word names an armed group
    return ranked[0]


def _unpack(hit: Any) -> tuple[str, str | None, str | None] | None:
    if hit is None:
        return None
    if isinstance(hit, dict):
        name = hit.get("name")
        return (name, hit.get("country"), hit.get("sector")) if name else None
    name = getattr(hit, "name", None)
    if isinstance(name, str) and name:
        return name, getattr(hit, "country", None), getattr(hit, "sector", None)
    return None


def _mode_cues(sv: SentView, res: Resources, cand: Candidate) -> list[str]:
    key = "modes"
    if key not in sv.cache:
        sv.cache[key] = res.modes.find_all(sv.words)
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
    if not before or not cand.nominal:
        return False
    k = cand.start - 1
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
        kept, forced = compose(cands, res)
        sv.cache["trigger_starts"] = sorted(c.start for c in cands if not c.nominal)
        per_sent.append((sv, kept, forced))
    nps: dict[int, list[NP]] = {}

    def nps_for(si: int) -> list[NP]:
        if si not in nps:
            sv = views[si]
            cc = ChunkContext(lower_vocab, blocked.get(si, set()), _entity_tokens(doc, sv), bool(doc.entities),
                              _place_tokens(doc, sv) if res.syntax.skip_place_subjects else frozenset())
            nps[si] = chunk(sv, res, cc)
        return nps[si]

    ante = Antecedents(doc, views, nps_for, res)
    builder = _ActorBuilder(doc, ante, packs)
    quotes = list(doc.quotes) or fallback_quotes(doc, views, _person_index(doc, ante))
    coop = set(res.setting("types", "cooperative", default=[]))
    conf_cfg = res.setting("confidence", default={})
    drafts: list[Draft] = []
    for sv, cands, forced in per_sent:
        for c in cands:
            nps_here = nps_for(sv.index)
            drafts.append(_draft(doc, sv, c, forced.get(id(c)), nps_here, builder, res, quotes, coop, conf_cfg))
    _attach_counts(doc, views, drafts, res)
    _accused(drafts)
    _during(drafts, res)
    _victim_counts(drafts, res)
    merged = merge_drafts(
        drafts, int(res.setting("merge", "window", default=3)), builder.states,
        anaphoric_window=int(res.setting("merge", "anaphoric_window", default=8)), persons=builder.persons,
        options=MergeOptions(
            victims_window=int(res.setting("merge", "victims_window", default=0)),
            fill_empty=bool(res.setting("merge", "fill_empty", default=False)),
            date_from_bare=bool(res.setting("merge", "date_from_bare", default=False)),
            two_sided=bool(res.setting("merge", "two_sided", default=False)),
            agent_nouns=bool(res.setting("merge", "agent_nouns", default=False)),
        ),
    )
    _event_noun_sentences(doc, views, merged, res)
    _inherit_dates(doc, merged, res)
    _anchor_dates(doc, merged, res)
    _armed_sides(doc, merged, res, builder.persons)
    _protest_targets(merged, res)
    _fallback_places(doc, merged, res)
    _implicit_agents(doc, views, merged, res)
    floor = float(min_confidence if min_confidence is not None else conf_cfg.get("min", 0.4))
    events: list[Event] = []
    penalty = {m: float(conf_cfg.get(m, 0.0)) for m in ("negated", "hypothetical", "future")}
    domains: dict[str, float] = res.setting("domains", default={})
    off_topic = sum(v for k, v in domains.items() if dctx.about(k))
    _prominence(doc, merged, conf_cfg)
    for d in merged:
        if d.conf + penalty.get(d.modality, 0.0) + off_topic < floor:
            continue
        events.append(_event(doc, d, len(events)))
    return events


def _prominence(doc: Document, drafts: list[Draft], conf_cfg: dict[str, float]) -> None:
    """News puts its main event first (the lead) and history in the background: ``[confidence]
    after_lead`` lowers events after the first sentence that holds one, ``history`` those dated more than
    ``history_days`` before publication (GUIDELINE decision 4: history is annotated only as news)."""
    after_lead = float(conf_cfg.get("after_lead", 0.0))
    history = float(conf_cfg.get("history", 0.0))
    days = int(conf_cfg.get("history_days", 365))
    if not drafts or not (after_lead or history):
        return
    lead = min(d.si for d in drafts)
    for d in drafts:
        if d.si > lead:
            d.conf = max(0.05, d.conf + after_lead)
        if history and doc.published is not None and d.date is not None and (doc.published - d.date.last).days > days:
            d.conf = max(0.05, d.conf + history)
        d.conf = round(d.conf, 6)  # 0.45 - 0.05 is 0.4, not 0.39999999999999997


def _place_tokens(doc: Document, sv: SentView) -> frozenset[int]:
    """Tokens of the sentence inside place mentions finer than a country."""
    out: set[int] = set()
    for p in doc.places:
        if sv.start <= p.start < sv.end and (p.precision or "") != "country":
            out.update(range(sv.token_at(p.start), sv.token_at(p.end - 1) + 1))
    return frozenset(out)


def _entity_tokens(doc: Document, sv: SentView) -> dict[int, tuple[int, str]]:
    """First token -> (end token, label) of the entity mentions inside a sentence."""
    out: dict[int, tuple[int, str]] = {}
    for ent in doc.entities:
        if sv.start <= ent.start and ent.end <= sv.end and sv.tokens:
            first = sv.token_at(ent.start)
            last = sv.token_at(ent.end - 1)
            if sv.tokens[first].start == ent.start and last + 1 > out.get(first, (0, ""))[0]:
                out[first] = (last + 1, ent.label)
    return out


def _draft(doc: Document, sv: SentView, c: Candidate, forced: str | None, nps: list[NP], builder: _ActorBuilder,
           res: Resources, quotes: list[Any], coop: set[str], conf_cfg: dict[str, float]) -> Draft:
    verbal = set(res.setting("types", "verbal", default=[]))
    syn = res.syntax
    lo, hi = clause_bounds(sv, c.start, c.end)
    place_tokens = {k for p in doc.places if sv.start <= p.start < sv.end
                    for k in range(sv.token_at(p.start), sv.token_at(p.end - 1) + 1)}
    roles = assign_roles(c, nps, frozenset({"ASSAULT"}), place_tokens)
    actors = [a for np in roles.actors for a in builder.build_all(sv, np)]
    recipients = [a for np in roles.recipients for a in builder.build_all(sv, np)]
    if c.template.has("agent") and not actors:  # "pengunjuk rasa": the agent noun names its own actors
        own = [np for np in nps if np.start <= c.start < np.end]
        actors = [a for a in (builder.build(sv, np) for np in own) if a is not None]
    if c.type == "MOBILIZE":  # "Para tentara tersebut ditempatkan": the deployed forces are the actors
        actors, recipients = actors + recipients, []
    if c.frame == "HOST":  # "Ramaphosa disambut Menteri Budi": the visitor acts, the host receives
        actors, recipients = recipients, actors
    actor_spans = {(a.start, a.end) for a in actors}
    if not recipients and c.frame == "AP" and not c.nominal and not c.passive and syn.object_clitics \
            and sv.words[c.end - 1].endswith(syn.object_clitics):
        recipients = builder.clitic_object(sv, c.end - 1, actor_spans | {(a.start, a.end) for a in recipients})
    recipients = [r for r in recipients if (r.start, r.end) not in actor_spans]
    local = [(p.start, p.end) for p in doc.places if (p.precision or "") not in ("country", "")]
    recipients = [r for r in recipients if not any(ps <= r.start and r.end <= pe for ps, pe in local)]
    actors = [a for a in actors if not any(ps <= a.start and a.end <= pe for ps, pe in local)]
    deontic = forced == "deontic"
    modality = modality_of(sv, res, c.start, c.end, lo, hi, nominal=c.nominal) if forced in (None, "deontic") \
        else forced
    ctype = c.type
    modes = _mode_cues(sv, res, c)
    q = quote_for(quotes, *sv.char_span(c.start, c.end))
    if "?" in sv.words[-2:]:
        modality = "hypothetical"  # a question asserts nothing ("Apakah Anda pernah menolak ...?")
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
    if modality == "future" and ctype in coop:  # GUIDELINE decision 2
        ctype, modality, modes = "AGREE", "asserted", []
    ts, te = sv.char_span(c.start, c.end)
    first_person = [np for np in roles.actors if np.kind == "pronoun" and sv.words[np.start] in syn.first_person]
    speaks = first_person or (not roles.actors and not c.passive and not c.nominal)
    if q is not None and ctype in verbal and speaks and (first_person or not actors):
        speaker = builder.speaker(q, syn)
        if speaker is not None:
            actors = [speaker]
    exclude = [(a.start, a.end) for a in actors + recipients]
    for np in nps:
        ns, ne = sv.char_span(np.start, np.end)
        if np.label not in ("GPE", "LOC") and not any(p.start == ns and p.end == ne for p in doc.places):
            exclude.append((ns, ne))
    places = places_of(doc, sv, (lo, hi), (c.start, c.end), exclude, nominal=c.nominal)
    dated = date_of(doc, sv, sv.char_span(lo, hi) if hi > lo else (sv.start, sv.end), (ts, te))
    conf = c.conf
    background = lo > 0 and sv.words[lo - 1] in syn.subordinate
    if background:
        conf += conf_cfg.get("subordinate", 0.0)  # "... as they withdrew from a clash": background
    if actors:
        conf += conf_cfg.get("actor", 0.1)
    if recipients:
        conf += conf_cfg.get("recipient", 0.05)
    if not actors and not recipients:
        conf += conf_cfg.get("no_argument", -0.15)
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
        specific=c.nominal and _year_before(sv, c.start),
        background=background,
        count_kind=c.row.get("count"),
        passive=c.passive,
        agent_noun=c.template.has("agent"),
        own_date=bool(dated and dated[1] and sv.char_span(lo, hi)[0] <= dated[1].start < sv.char_span(lo, hi)[1]),
    )


def _year_before(sv: SentView, start: int) -> bool:
    """ "the 2010 suicide bombing": a year among the modifiers of an event noun dates it."""
    k = start - 1
    while k >= 0 and (sv.has_role(k, "np_skip", "quant") or sv.words[k].isdigit()):
        w = sv.words[k]
        if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
            return True
        k -= 1
    return False


def _armed_sides(doc: Document, drafts: list[Draft], res: Resources, known_persons: set[str]) -> None:
    """ACLED and PLOVER read fighting as organised violence: with ``[actors] armed_sector``, a participant
    of a two-sided fight (a clash, shootout, firefight) and a named organisation that attacks are armed
    groups when no registry or head noun says otherwise."""
    sector = res.setting("actors", "armed_sector", default="")
    if not sector:
        return
    persons = {(e.start, e.end) for e in doc.entities if e.label == "PER"}
    names = {e.name for e in doc.entities if e.label == "PER" and e.name} | set(known_persons)
    security = {"military", "police", "rebels", "armed group"}

    def armed(a: Actor, organisation: bool) -> Actor:
        if a.sector is not None or (a.start, a.end) in persons or a.name in names:
            return a
        if organisation and not (a.name[:1].isupper() and any(w[:1].isupper() for w in a.name.split()[1:]
                                                              or [a.name])):
            return a
        return Actor(start=a.start, end=a.end, name=a.name, country=a.country, sector=sector)

    for d in drafts:
        if d.type != "ASSAULT":
            continue
        # a two-sided fight of armed parties (a clash, a gunfight), not a brawl or riot ("beat" mode)
        fight = any(m.symmetric and "beat" not in m.modes for m in [d, *d.mentions])
        # a named organisation attacking security forces is armed; a fight makes every side armed
        if fight or any(r.sector in security for r in d.recipients):
            d.actors = [armed(a, not fight) for a in d.actors]
        if fight:
            d.recipients = [armed(a, False) for a in d.recipients]


def _count_kind(count: Count, drafts: list[Draft], doc_text: str) -> Count:
    """A victims' count inside the patient phrase of a verb that says what happened to them takes that
    verb's kind (``triggers.tsv`` column ``count``): "one soldier was killed, while two civilians were
    wounded" - the wounded are not killed whatever cue stands nearer."""
    if count.kind not in _VICTIM_COUNTS and count.kind != "other":
        return count
    holders = []
    for d in drafts:
        if not d.count_kind or d.nominal or not d.sv.start <= count.start < d.sv.end:
            continue
        # the patients of the verb, or (an intransitive "the other two ran away") its subject; a
        # passive verb's subject ("7 soldiers of the battalion were injured") before it in its clause
        phrase = d.recipients if d.count_kind in _VICTIM_COUNTS else d.actors
        lo = d.sv.tokens[d.clause[0]].start if d.clause[1] > d.clause[0] else d.sv.start
        between = doc_text[count.end : d.trigger.start] if count.end <= d.trigger.start else ","
        subject = d.passive and lo <= count.start < d.trigger.start and not any(p in between for p in ",;")
        if subject or any(r.start <= count.start < r.end for r in phrase):
            holders.append(d)
    if not holders or any(d.count_kind == count.kind for d in holders):
        return count  # "five militants were killed while another was captured": killed stays
    nearest = min(holders, key=lambda d: abs(d.trigger.start - count.start))
    return msgspec.structs.replace(count, kind=nearest.count_kind)


def _victim_counts(drafts: list[Draft], res: Resources) -> None:
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


def _inherit_dates(doc: Document, drafts: list[Draft], res: Resources) -> None:
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


def _anchor_dates(doc: Document, drafts: list[Draft], res: Resources) -> None:
    """ "..., kata Dede kepada wartawan, Senin (20/10/2025).": news narrates one occasion, dated once by a
    calendar day close to publication. With ``[dates] anchor_days`` an event whose sentence names no time
    takes that anchor date: the last such day before it (else the first after it), when it lies at most
    ``anchor_days`` before publication. Relative words ("kini", "saat ini") never anchor, and an event
    whose sentence gives some other time keeps its own reading."""
    days = int(res.setting("dates", "anchor_days", default=0))
    if not days or doc.published is None:
        return
    anchors = [m for m in doc.dates if m.value is not None and not m.relative and m.value.precision == "day"
               and m.value.first == m.value.last and 0 <= (doc.published - m.value.first).days <= days]
    if not anchors:
        return
    for d in drafts:
        if d.date is not None or d.modality == "future":
            continue
        if any(d.sv.start <= m.start < d.sv.end for m in doc.dates):
            continue
        before = [m for m in anchors if m.end <= d.trigger.start]
        m = before[-1] if before else anchors[0]
        d.date, d.date_span, d.own_date = m.value, Span(m.start, m.end), False


def _protest_targets(drafts: list[Draft], res: Resources) -> None:
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


def _attach_counts(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """Each count goes to the nearest event of its sentence whose type it fits; with ``[counts]
    carry_sentences`` a count whose sentence has none goes to the nearest fitting event before it."""
    table = res.setting("counts", default={})
    people = {w.lower() for w in res.setting("counts", "people_nouns", default=[])}
    carry = int(res.setting("counts", "carry_sentences", default=0))
    for raw in doc.counts:
        count = _count_kind(raw, drafts, doc.text)
        if count.kind == "other" and (count.object or "").lower().split()[:1] and (
            (count.object or "").lower().split()[0] in people
        ):
            continue
        # "shot dead by two gunmen": a number inside the perpetrators' phrase counts them, not the victims
        victims = count.kind in _VICTIM_COUNTS
        fitting = [d for d in drafts if count_types(table, count) & {d.type, "*"}
                   and not (victims and any(a.start <= count.start < a.end for a in d.actors))]
        fits = [d for d in fitting if d.sv.start <= count.start < d.sv.end]
        if not fits and carry and count.kind != "other":
            si = _sentence_index(views, count.start)
            fits = [d for d in fitting if 0 < si - d.si <= carry and d.modality == "asserted"]
            fits = [d for d in fits if d.si == max(x.si for x in fits)]
        if fits:
            best = min(fits, key=lambda d: abs(d.trigger.start - count.start))
            best.counts.append(count)


def _accused(drafts: list[Draft]) -> None:
    """ "X menilai/menuduh serangan yang dilakukan Rusia ...": the accused is the embedded act's actor."""
    for d in drafts:
        if d.type != "ACCUSE":
            continue
        inner = [e for e in drafts if e is not d and e.sv is d.sv and e.tokens[0] > d.tokens[0] and e.actors
                 and e.type != "ACCUSE"]
        if inner:
            first = min(inner, key=lambda e: e.tokens[0])
            if not d.recipients or {r.name for r in d.recipients} & {r.name for r in first.recipients}:
                d.recipients = list(first.actors)


def _during(drafts: list[Draft], res: Resources) -> None:
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


def _implicit_agents(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
    """ "Khariq ditangkap", "AR menjalani pemeriksaan": an arrest or an investigation with no agent named in
    its sentence is the act of the authority the article last named (a police or judicial body)."""
    table: dict[str, list[str]] = res.setting("implicit_agents", default={})
    for d in drafts:
        sectors = set(table.get(d.type, []))
        if d.actors or not sectors:
            continue
        before = [e for e in doc.entities if e.sector in sectors and e.name and e.end <= d.trigger.start
                  and d.sv.index - _sentence_index(views, e.start) <= 5]
        if before:
            e = before[-1]
            d.actors = [Actor(start=e.start, end=e.end, name=e.name or "", country=e.country, sector=e.sector)]


def _sentence_index(views: list[SentView], offset: int) -> int:
    lo, hi = 0, len(views) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = views[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return max(0, lo - 1)


def _event_noun_sentences(doc: Document, views: list[SentView], drafts: list[Draft], res: Resources) -> None:
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


def _fallback_places(doc: Document, drafts: list[Draft], res: Resources) -> None:
    physical = set(res.setting("types", "physical", default=[]))
    main = main_place(doc)
    if main is None:
        return
    for d in drafts:
        if d.type in physical and not d.places:
            d.places = [main]


def _event(doc: Document, d: Draft, n: int) -> Event:
    ev_start, ev_end = d.sv.start, d.sv.end
    return Event(
        id=f"{doc.doc_id}:e{n + 1}",
        type=d.type,  # type: ignore[arg-type]
        modes=tuple(dict.fromkeys(d.modes)),
        trigger=d.trigger,
        evidence=Span(ev_start, ev_end),
        mentions=tuple(dict.fromkeys(Span(m.sv.start, m.sv.end) for m in d.mentions if m.sv.index != d.sv.index)),
        actors=tuple(d.actors),
        recipients=tuple(d.recipients),
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
