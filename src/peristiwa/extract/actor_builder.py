"""Participants as canonical actors: noun phrases of a clause turned into :class:`~peristiwa.model.Actor`.

Why its own module: naming a participant draws on every other layer (entity mentions, the actor registry
of :mod:`peristiwa.actors` when installed, coreference for pronouns and bare titles, the pack's sector word
classes), and the events stage calls it for every argument of every trigger; keeping it apart keeps the
clause rules of :mod:`.events` readable.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from ..langs.base import PackLoader
from ..model import Actor, Document, Entity, Place
from ..text.casing import case_evidence
from .attach import main_place
from .chunks import NP
from .claims import quote_for
from .coref import Antecedents, Mention
from .resources import SentView, Syntax

__all__ = ["ActorBuilder"]


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


class ActorBuilder:
    """Turns noun phrases into :class:`Actor` records with canonical identities."""

    def __init__(self, doc: Document, ante: Antecedents, packs: PackLoader | None) -> None:
        self.doc = doc
        self.ante = ante
        self.packs = packs
        self.resolver = _find_resolver()
        self._memo: dict[str, tuple[str, str | None, str | None]] = {}
        self.states: set[str] = {e.name.lower() for e in doc.entities if e.label == "GPE" and e.name}
        self.persons: set[str] = {e.name for e in doc.entities if e.label == "PER" and e.name}
        # names the article quotes ("kata Purbaya"): a speaker is a participant even when no table knows it
        self.speakers: set[str] = {doc.text[q.speaker_span.start : q.speaker_span.end] for q in doc.quotes
                                   if q.speaker_span is not None} | {q.speaker for q in doc.quotes if q.speaker}
        main = main_place(doc)
        self.context_country = main.country if main is not None else None
        # what the resolver said of a phrase (in a country's context), shared by the documents of the pack:
        # the actor tables answer the same phrases ("Kurdish forces", "the police") article after article
        pack = packs.get(doc.lang) if packs is not None else None
        self._resolved: dict[tuple[str, str | None], Any] = (
            pack.cached("extract.events:resolved_actors", dict) if pack is not None else {})

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
                hit = self._resolve(text)
                if getattr(hit, "label", None) == "GPE" and getattr(hit, "name", None):
                    self.states.add(str(hit.name).lower())
                if getattr(hit, "label", None) == "PER" and getattr(hit, "name", None):
                    self.persons.add(str(hit.name))
                found = _unpack(hit) or found
            self._memo[text] = found
        return self._memo[text]

    def _resolve(self, text: str) -> Any:
        """The resolver's answer for ``text`` (memoised across documents: a pure function of the phrase, the
        pack and the document's country; bounded)."""
        key = (text, self.context_country)
        if key in self._resolved:
            return self._resolved[key]
        try:
            hit = self.resolver(text, self.doc.lang, self.packs, context_country=self.context_country)  # type: ignore[misc]
        except TypeError:
            hit = self.resolver(text, self.doc.lang, self.packs)  # type: ignore[misc]
        except Exception:  # the registry is another stage's code; never lose the event over it
            hit = None
        if len(self._resolved) > 100_000:
            self._resolved.clear()
        self._resolved[key] = hit
        return hit

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

    def build_all(self, sv: SentView, np: NP, *, agent: bool = False) -> list[Actor]:
        """Like :meth:`build`, but a plural pronoun ("keduanya", "mereka") whose antecedent opens a list
        ("Nadir dan Budi") stands for every item of it; ``agent``: the phrase does the act (or is
        addressed by a statement), so a foreign capital named alone stands for its government
        (:meth:`_capital_government`); a capital attacked is the city."""
        if agent and (government := self._capital_government(sv, np)) is not None:
            return [government]
        if np.kind == "pronoun" and self.ante.res.pronouns.get(sv.words[np.start], ("", ""))[1] == "pl":
            m = self.ante.resolve(sv.index, np)
            if m is not None:
                msv = self.ante.views[m.si]
                items = self.ante.list_items(m)
                if len(items) > 1:
                    return [a for a in (self.build(msv, it) for it in items) if a is not None]
        actor = self.build(sv, np)
        return [actor] if actor is not None else []

    def _speaker_spans(self, sv: SentView, np: NP) -> frozenset[str]:
        """Inside a direct quotation a third-person pronoun ("Dia juga sudah meminta maaf") is someone other
        than the speaker: the names it must not resolve to."""
        if sv.words[np.start] in sv.syntax.first_person:
            return frozenset()
        s, e = sv.char_span(np.start, np.end)
        q = quote_for(self.doc.quotes, s, e)
        if q is None or not q.direct or not q.speaker:
            return frozenset()
        return frozenset(q.speaker.lower().split())

    def _described(self, sv: SentView, np: NP) -> Mention | None:
        """The phrase a description stands for: "aktivis mahasiswa itu" after "Aktivis ..., Khariq Anhar",
        "musisi pemenang Grammy tersebut" after "Lorde", "the man" after "an unidentified armed man"."""
        if not np.members and (m := self.ante.resolve_description(sv.index, np)) is not None:
            return m
        if (m := self.ante.resolve_epithet(sv.index, np)) is not None:
            return m
        return self.ante.resolve_definite(sv.index, np) if sv.words[np.start] in sv.syntax.definite else None

    def build(self, sv: SentView, np: NP) -> Actor | None:
        if np.kind != "pronoun" and sv.has_class(np.head, "legal"):
            return None  # "dijerat Pasal 170 KUHP": the article of law is no participant
        if np.end - np.start == 1 and sv.has_class(np.start, "interjection"):
            return None  # "Alhamdulillah sudah dicopot": an exclamation
        if sv.has_class(np.start, "nobody"):
            return None  # "No one was hurt": nobody is named
        if (sv.syntax.head_final and np.kind == "proper" and sv.has_class(np.start, "place_noun")
                and not sv.has_class(np.start, "person_title") and not self._known(sv, np)):
            return None  # "Barangay Buenavista", "Sitio Cantupa": a place, not a participant ("Border Guard
            # Bangladesh", a known force, is one)
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
            m = self.ante.resolve(sv.index, np, avoid=self._speaker_spans(sv, np))
            if m is None:
                return None
            sv, np = self.ante.views[m.si], m.np
        elif (owned := self._owned(sv, np)) is not None:
            return owned
        elif np.kind == "common" and np.core is None and (m := self._described(sv, np)) is not None:
            actor = self.build(self.ante.views[m.si], m.np)  # its identity, with its own words
            if actor is not None:
                s, e = sv.char_span(np.start, np.end)
                return Actor(start=s, end=e, name=actor.name, country=actor.country, sector=actor.sector)
        s, e = sv.char_span(np.start, np.end)
        text = self.doc.text[s:e]
        if np.core is not None:
            cs, ce = sv.char_span(*np.core)
            name, country, sector = self._identity(self.doc.text[cs:ce], cs, ce)
            return Actor(start=s, end=e, name=name, country=country,
                         sector=sector or self._described_sector(sv, np, np.core))
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
        located: Place | None = None
        if lookup == text and np.kind == "common" and sv.has_role(np.head, "actor_head"):
            lookup, located = self._located(sv, np, text)
        if (lookup == text and np.kind == "proper" and np.end - np.start > 1
                and sv.has_role(np.end - 1, "demonstrative")):
            # "Khariq Anhar itu": the name without its demonstrative
            e2 = sv.tokens[np.end - 2].end
            surface = self.doc.text[s:e2]
            name, country, sector = self._identity(surface, s, e2)
        else:
            surface = text
            ending = next((x for x in sv.syntax.possessive_endings if x and text.endswith(x)), "") \
                if np.kind == "proper" and lookup == text else ""
            if ending:  # "Begum’s citizenship was revoked after she ...": the name without its possessive
                surface = lookup = text[: -len(ending)]
            name, country, sector = self._identity(lookup, s, e)
            if lookup != text and name == lookup and not ending:
                name = text
            if (located is not None and country is None and sector is not None and located.name
                    and located.name not in name):
                # "police in Kabul": a town no actor table knows still places the head (name and country)
                where = located.name
                name = f"{where} {name}" if sv.syntax.head_final else f"{name} {where}"
                country = located.country
        if (np.kind == "proper" and self.doc.entities and name == surface and country is None
                and not sv.has_role(np.head, "actor_head")
                and not any(ent.start < e and s < ent.end for ent in self.doc.entities)
                and not (sv.syntax.keep_acronyms and _acronym(text)) and text not in self.speakers
                and not (_unknown_word(sv, np, self.doc.text)
                         and not any(p.start < e and s < p.end for p in self.doc.places))):
            return None  # a capitalised word nobody knows as an actor ("Internet", "VX")
        if sector is None or (name[:1].islower() and country is None):
            # no sector, or only a head noun's guess ("the New People's Army" read by its head "army")
            sector = _head_sector(sv, np, sector)
        if sector is None:
            sector = self._member_sector(sv, np)
        return Actor(start=s, end=e, name=name, country=country, sector=sector)

    def _known(self, sv: SentView, np: NP) -> bool:
        """An actor of the tables (an entity with a sector) covers the phrase."""
        s, e = sv.char_span(np.start, np.end)
        return any(ent.sector and ent.start <= s and e <= ent.end for ent in self.doc.entities
                   if ent.label in ("ORG", "PER"))

    def _capital_government(self, sv: SentView, np: NP) -> Actor | None:
        """ "Islamabad juga menolak", "Moscow denied the claim": a national capital named alone as the one
        acting is its country's government (metonymy; not the article's own country's capital, which news
        names as a city: "Jakarta mencatat ...")."""
        if np.kind != "proper" or np.pp not in (None, "agent_prep") or np.end - np.start > 3:
            return None
        s, e = sv.char_span(np.start, np.end)
        place = next((p for p in self.doc.places if p.start <= s and e <= p.end + 1 and p.end > s
                      and p.precision in ("city", "admin1") and p.country and p.name), None)
        if place is None or not self.doc.text[s:e].strip().endswith(self.doc.text[place.start : place.end]):
            return None
        from ..actors.known_places import capital_of
        from ..actors.registry import country_names

        assert place.country is not None and place.name is not None
        if place.country == self._home_country or place.country not in self._named_states \
                or not capital_of(place.name, place.country):
            return None  # a story about that state names it too ("Vienna dijerat ...": a person called Vienna)
        name = country_names().get(place.country, (place.country, place.country))[0]
        return Actor(start=s, end=e, name=name, country=place.country, sector="government")

    @functools.cached_property
    def _home_country(self) -> str | None:
        """The pack's home country (``actors.toml``), whose capital news names as a city."""
        from ..actors.registry import registry_for

        pack = self.packs.get(self.doc.lang) if self.packs is not None else None
        return registry_for(pack).home_country if pack is not None else None

    @functools.cached_property
    def _named_states(self) -> frozenset[str]:
        """Countries the document names (as places or as state actors)."""
        return frozenset({p.country for p in self.doc.places if p.precision == "country" and p.country}
                         | {x.country for x in self.doc.entities if x.label == "GPE" and x.country})

    def _owned(self, sv: SentView, np: NP) -> Actor | None:
        """A group noun after a capitalised possessor: "Myanmar's border force" (the owner's country, not the
        article's), "the Jakarta Police's bomb squad" (a unit of a known organisation: the organisation),
        "Baghdadi's men" (named by their owner); None when no such possessor stands before ``np``."""
        if np.kind != "common" or not (np.label == "ORG" or sv.has_role(np.head, "actor_head")):
            return None
        owner = self._owner(sv, np)
        if owner is None:
            return None
        surface, holder = owner
        s, e = sv.char_span(np.start, np.end)
        text = self.doc.text[s:e]
        if holder is not None and holder.label in ("GPE", "ORG"):
            composed = f"{surface} {text}" if holder.label == "GPE" else text
            name, country, sector = self._identity(composed, -1, -1)
            if sector is not None and not sv.has_role(np.head, "member_head"):
                return Actor(start=s, end=e, name=name, country=country or holder.country, sector=sector)
            # "Indonesia's counterterrorism squad", "the police's anti-terrorism unit": the owner acts
            return Actor(start=s, end=e, name=holder.name or surface, country=holder.country, sector=holder.sector)
        _, country, sector = self._identity(text, s, e)
        who = holder.name if holder is not None and holder.name else surface
        return Actor(start=s, end=e, name=f"{who}'s {text}", country=country or (holder.country if holder else None),
                     sector=sector or _head_sector(sv, np, None))

    def _owner(self, sv: SentView, np: NP) -> tuple[str, Entity | None] | None:
        """The name possessing a group noun ("Myanmar's" of "Myanmar's border force", "Baghdadi's" of
        "Baghdadi's men"), without its possessive ending, and its entity if it is one; None when no
        capitalised possessor stands right before the phrase."""
        k = np.start - 1
        while k > np.start - 3 and k >= 0 and sv.raw[k].isalpha() and sv.raw[k].islower():
            k -= 1  # "the Jakarta Police's bomb squad": a modifier between (a trigger word is no phrase)
        ending = next((x for x in sv.syntax.possessive_endings if x and k >= 0 and sv.raw[k].endswith(x)), "")
        if not ending or not sv.is_upper(k):
            return None
        ts, te = sv.tokens[k].start, sv.tokens[k].end - len(ending)
        ent = next((e for e in self.doc.entities if e.start <= ts and e.end == te and e.label in _OWNERS), None)
        return self.doc.text[ts:te], ent

    def _described_sector(self, sv: SentView, np: NP, core: tuple[int, int]) -> str | None:
        """ "a senior police official, DSP Zulfiqar Ali Zaidi": a name the tables do not know takes the sector
        of the description it stands in apposition to (the person is police, so an attack on him is one on
        security forces)."""
        lo, hi = (np.start, core[0]) if core[0] > np.start else (core[1], np.end)
        while lo < hi and not sv.raw[lo][:1].isalnum():
            lo += 1
        while hi > lo and not sv.raw[hi - 1][:1].isalnum():
            hi -= 1
        if lo >= hi or not any(sv.has_role(k, "actor_head") for k in range(lo, hi)):
            return None
        ds, de = sv.char_span(lo, hi)
        return self._identity(self.doc.text[ds:de], ds, de)[2]

    def _located(self, sv: SentView, np: NP, text: str) -> tuple[str, Place | None]:
        """ "Pihak kepolisian di New York", "police in Manchester": a head noun placed by the phrase after it
        (``[syntax] located`` preposition, then a place of the places layer) is that place's, not the
        article's; returns the phrase to name (head and place) and the place, or ``text`` and None."""
        k = np.end
        if k + 1 >= len(sv) or sv.words[k] not in sv.syntax.located or any(
                sv.is_upper(j) for j in range(np.start + 1, np.end)):
            return text, None
        start = sv.tokens[k + 1].start
        place = next((p for p in self.doc.places if p.start == start), None)
        if place is None:
            return text, None
        where = self.doc.text[place.start : place.end]
        return (f"{where} {text}" if sv.syntax.head_final else f"{text} {where}"), place

    def _member_sector(self, sv: SentView, np: NP) -> str | None:
        """"cadres of the Janata Morcha", "supporters of X": the group nobody knows by name is the phrase, but
        the member noun before "of" tells what its members are (``actor_heads.tsv``: cadres and supporters
        are party people); ``None`` when no member noun with a sector stands there."""
        k = np.start - 1
        if k < 1 or not sv.has_role(k, "genitive_prep") or not sv.has_role(k - 1, "member_head"):
            return None
        tok = sv.tokens[k - 1]
        return next((e.sector for e in self.doc.entities
                     if e.sector and e.start <= tok.start and tok.end <= e.end), None)


_OWNERS = ("GPE", "PER", "ORG")  # entity labels that can possess a group ("Russia's", "Baghdadi's", "Isis's")


def _unknown_word(sv: SentView, np: NP, text: str) -> bool:
    """A one-word name ("KPK memeriksa Yudi"): Indonesian news names many people by one name, and the entity
    tagger misses some. The pack's lexicon must not know the word ("Internet" is a common word), and the
    article must write it capitalised inside a sentence and never in lower case ("Badai" is "badai")."""
    pos, word = sv.res.pos, sv.raw[np.start]
    if not pos or np.end - np.start != 1 or not word.isalpha() or sv.words[np.start] in pos:
        return False
    lower, mid_caps = case_evidence(text)
    return word in mid_caps and word.lower() not in lower


def _acronym(text: str) -> bool:
    """ "NPA", "RPA-ABB", "the BIFF": an upper-case abbreviation names an organisation."""
    word = text.split()[-1] if text else ""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _head_sector(sv: SentView, np: NP, guess: str | None) -> str | None:
    """The pack's sector for an actor phrase nobody knows by name ("the policeman", "unidentified armed
    men", "the New People's Army"): the ``sector:NAME`` word classes of its words (``word_classes.tsv``),
    the first of ``[actors] sector_priority`` winning; ``guess`` when none applies."""
    # the words of a multiword head ("armed forces") are that head, not a modifier ("armed men")
    inside = {k for j in range(np.start, np.end) for end, role in sv.role_starts.get(j, ())
              if role == "actor_head" and end - j > 1 for k in range(j, end)}
    found = {cls[7:] for k in range(np.start, np.end) if k not in inside
             for cls in sv.classes[k] if cls.startswith("sector:")}
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
