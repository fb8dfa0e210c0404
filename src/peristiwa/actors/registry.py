"""The actor registry: who a mention refers to, from a language pack's data.

Why: the event extractor picks a noun phrase ("tentara rezim Suriah", "militan ISIS", "Polda Bali",
"Menteri Informasi Suriah, Omran al-Zoubi") and needs a canonical English name, a country and a sector
for it, consistent across documents (GUIDELINE decision 6). Listing every phrase is hopeless, so the
registry combines a few tables of the pack (all data, each row with its source):

- ``actors.tsv``: known actors and aliases (ISIS, KPK, Polri, PBB); ``exonyms.tsv``: countries as actors.
- ``actor_heads.tsv``: head nouns with a name template ("tentara" -> "{demonym} military"), combined with
  a country or place modifier ("Suriah" -> Syrian); ``actors/data/countries.tsv`` gives demonyms and
  ``actors/data/institutions.tsv`` established names ("Indonesian police" -> Indonesian National Police).
- ``actor_units.tsv``: regional units ("Polda Bali" -> "Bali Regional Police (Polda Bali)").
- ``actor_titles.tsv``: titles and ranks opening a person mention (see :mod:`peristiwa.actors.persons`).
- ``actor_words.tsv``: determiners, trailing demonstratives, institution words.

Everything is compiled once per pack (``pack.cached``) into Aho-Corasick matchers.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import msgspec

from ..extract.morphology import Morphology
from ..langs.base import LanguagePack, PackLoader
from .canonical import canonical_aliases
from .known_places import capital_of, gazetteer_rank  # (capital_of: also public here, as before)
from .matcher import Match, MatcherFamily, PhraseMatcher

__all__ = [
    "ActorInfo",
    "ActorRegistry",
    "Head",
    "Modifier",
    "Title",
    "Unit",
    "capital_of",
    "country_names",
    "gazetteer_rank",
    "registry_for",
    "resolve_actor",
]

_TOKEN = re.compile(r"\w+(?:[-'’./]\w+)*\.?|[^\w\s]")
# universal POS tags of function words: a word with one of them is never part of a name
_FUNCTION_UPOS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "AUX", "DET", "PRON", "PART"})
#: argument-cue roles of function words (prepositions and conjunctions; not verbs or auxiliaries, which can
#: be names: "Said", "May"; nor quantifiers, which open a described group the registry reads: "Two Naxals")
_FUNCTION_CUE_ROLES = frozenset({
    "prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between",
    "genitive_prep", "clause_break", "clause_coord", "coord", "correlative", "relative"})
_MEMO_LIMIT = 200_000  # per-word memos stop growing here (a long-running worker sees every word form)
_UNIT_TOKEN = re.compile(r"\w+(?:[-'’/]\w+)*|[^\w\s]")
_REPEATED_WORD, _UNIT_ACRONYM = re.compile(r"\b(\w+) \1\b"), re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")


class ActorInfo(msgspec.Struct, frozen=True, kw_only=True):
    """What a mention refers to. ``label`` PER/ORG/GPE/NORP; ``origin`` which table decided it."""

    name: str
    country: str | None = None
    sector: str | None = None
    label: str = "ORG"
    role: str | None = None
    parent: str | None = None
    origin: str = "actors.registry"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun row of ``actor_heads.tsv``."""

    sector: str
    label: str
    template: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title/rank/honorific row of ``actor_titles.tsv``."""

    role: str
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A regional-unit prefix row of ``actor_units.tsv``."""

    template: str
    sector: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Modifier:
    """A country or place that can modify a head: "Suriah" (country SY), "Jawa Timur" (East Java, ID)."""

    name: str
    country: str | None
    feature: str


def _package_table(name: str) -> list[dict[str, str]]:
    text = resources.files("peristiwa.actors").joinpath("data", name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@functools.cache
def country_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (canonical English name, demonym); read once from ``actors/data/countries.tsv``."""
    return {r["code"]: (r["name"], r["demonym"] or r["name"]) for r in _package_table("countries.tsv")}


@functools.cache
def _institutions() -> dict[str, str]:
    return {r["composed"].lower(): r["name"] for r in _package_table("institutions.tsv")}


def _none(value: str) -> str | None:
    return value or None


@dataclass
class ActorRegistry:
    """The compiled actor tables of one language pack. Build with :func:`registry_for`."""

    pack: LanguagePack
    aliases: PhraseMatcher[ActorInfo] = field(init=False)
    modifiers: PhraseMatcher[Modifier] = field(init=False)
    heads: PhraseMatcher[Head] = field(init=False)
    #: kinship nouns -> the English relation ("sepupu" -> "cousin"), ``actor_kin.tsv``
    kin: PhraseMatcher[str] = field(init=False)
    #: "backed", "led", ...: a country before them ("Iran-backed") is a sponsor, not the actor's country
    sponsor_words: frozenset[str] = field(init=False)
    #: capitalised kinship nouns that are no given name: opening a sentence, never part of a name
    kin_words: frozenset[str] = field(init=False)
    titles: PhraseMatcher[Title] = field(init=False)
    units: PhraseMatcher[Unit] = field(init=False)
    #: the tables the entity sources scan every document with (aliases, modifiers, heads, titles, units):
    #: ``whole.scan(text)`` finds the matches of all of them in one pass (see :class:`MatcherFamily`)
    whole: MatcherFamily = field(init=False)
    det: frozenset[str] = field(init=False)
    post: frozenset[str] = field(init=False)
    skip: frozenset[str] = field(init=False)
    org_words: frozenset[str] = field(init=False)
    org_heads: dict[str, str] = field(init=False)
    stop_words: frozenset[str] = field(init=False)
    home_country: str | None = field(init=False)
    place_suffixes: dict[str, str] = field(init=False)
    place_terms: frozenset[str] = field(init=False)
    place_phrases: frozenset[str] = field(init=False)
    head_last: bool = field(init=False)
    initials_after: frozenset[str] = field(init=False)
    initials_naming: frozenset[str] = field(init=False)
    initials_address: frozenset[str] = field(init=False)
    #: every word that may stand before a person's initials (``initials_after`` and ``initials_address``)
    initials_cues: frozenset[str] = field(init=False)
    #: initials followed by an age in parentheses ("AR (37)", "MS (16 tahun)") are a person's, whatever word
    #: comes before (None when the pack does not say so; the unit words are the pack's)
    initials_age: re.Pattern[str] | None = field(init=False)
    #: lower-case words of ``pos_lexicon.tsv`` (the roots the pack's affixes derive from), the function
    #: words among them (never a given name) and the nouns/adjectives (often one: "Putri", "Fajar")
    common_words: frozenset[str] = field(init=False)
    function_words: frozenset[str] = field(init=False)
    nominal_words: frozenset[str] = field(init=False)
    morphology: Morphology | None = field(init=False)
    speech_subj: frozenset[str] = field(init=False)
    speech_post: frozenset[str] = field(init=False)
    common_memo: dict[str, str] = field(init=False, default_factory=dict, repr=False)
    #: per-word answers of :func:`peristiwa.actors.stage` name tests, memoised (the tables never change)
    word_memo: dict[str, bool] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        pack = self.pack
        settings: dict[str, Any] = pack.settings("actors.toml") if pack.has("actors.toml") else {}
        self.home_country = settings.get("home_country") or None
        self.sponsor_words = frozenset(w.lower() for w in settings.get("sponsor_words", ()))
        self.head_last = settings.get("head_position", "first") == "last"
        self.initials_after = frozenset(w.lower() for w in settings.get("initials_after", ()))
        self.initials_naming = frozenset(w.lower() for w in settings.get("initials_naming", ()))
        self.initials_address = frozenset(w.lower() for w in settings.get("initials_address", ()))
        self.initials_cues = self.initials_after | self.initials_address
        age_units = "|".join(re.escape(u) for u in settings.get("initials_age_units", []))
        unit = f"(?: (?:{age_units}))?" if age_units else ""
        # (the character before the initials tested after their first capital: the pattern opens with a class
        # the regex engine skips ahead to)
        self.initials_age = re.compile(rf"(?P<ini>[A-Z](?<![\w-][A-Z])[A-Z]{{0,3}}) \(\d{{1,2}}{unit}\)") \
            if settings.get("initials_with_age") else None
        verbs = pack.table("reporting_verbs.tsv") if pack.has("reporting_verbs.tsv") else []
        #: reporting verbs a speaker precedes ("Cook berkata") and follows (", kata Cook")
        self.speech_subj = frozenset(r["form"] for r in verbs if "subj" in r["frames"].split(","))
        self.speech_post = frozenset(r["form"] for r in verbs if "post" in r["frames"].split(","))
        pos = pack.table("pos_lexicon.tsv") if pack.has("pos_lexicon.tsv") else []
        self.common_words = frozenset(r["form"].lower() for r in pos if r["upos"] not in ("PROPN", "X"))
        # function words: the word-class lexicon's, and the pack's argument cues with a function role (the
        # English pack has no lexicon: "But Isis", "When Trump", "Unlike Donald Trump" open no name)
        cues = pack.table("argument_cues.tsv") if pack.has("argument_cues.tsv") else []
        self.function_words = frozenset(r["form"].lower() for r in pos if r["upos"] in _FUNCTION_UPOS) | {
            r["lemma"].lower() for r in cues
            if r["role"] in _FUNCTION_CUE_ROLES and r["forms"] in ("=", "BASE") and " " not in r["lemma"]}
        self.nominal_words = frozenset(r["form"].lower() for r in pos if r["upos"] in ("NOUN", "ADJ", "NUM"))
        #: one-word coordinators ("and", "dan"): "Indian and Pakistani troops" shares its head
        self.coordinators = frozenset(
            r["lemma"].lower() for r in cues if r["role"] == "coord" and " " not in r["lemma"])
        self.morphology = (Morphology.from_settings(pack.settings("affixes.toml"))
                           if self.common_words and pack.has("affixes.toml") else None)
        countries = country_names()
        actor_rows: list[tuple[str, ActorInfo]] = []
        mod_rows: list[tuple[str, Modifier]] = []
        if pack.has("exonyms.tsv"):
            for r in pack.table("exonyms.tsv"):
                mod_rows.append((r["alias"], Modifier(r["name"], _none(r["country"]), r["feature"])))
                if r["feature"] == "country" and r["country"]:
                    actor_rows.append((r["alias"], self._country_actor(r["country"], r["name"])))
        if pack.has("peoples.tsv"):  # "Kurdish officials": a people without a state modifies a head
            mod_rows += [(r["alias"], Modifier(r["name"], None, "people")) for r in pack.table("peoples.tsv")]
        if settings.get("country_names_as_aliases", False):
            # English packs: the canonical names themselves and the demonyms are aliases/modifiers
            plural_endings = tuple(settings.get("demonym_plural_endings", ()))
            for code, (name, demonym) in countries.items():
                mod_rows.append((name, Modifier(name, code, "country")))
                actor_rows.append((name, self._country_actor(code, name)))
                if demonym != name:
                    mod_rows.append((demonym, Modifier(name, code, "demonym")))
                if plural_endings and demonym.endswith(plural_endings) and " " not in demonym:
                    # "the Palestinians", "Syrians", "Filipinos": a nation's people as participants
                    actor_rows.append((f"{demonym}s", ActorInfo(name=f"{demonym} people", country=code,
                                                                sector="civilians", label="NORP",
                                                                origin="actors.registry")))
        if pack.has("actors.tsv"):
            for r in pack.table("actors.tsv"):
                info = ActorInfo(
                    name=r["name"], country=_none(r["country"]), sector=_none(r["sector"]),
                    label=r["type"] or "ORG", origin="actors.registry",
                )
                actor_rows.append((r["alias"], info))
        if settings.get("canonical_names_as_aliases", False):
            actor_rows += canonical_aliases(actor_rows, frozenset(alias for alias, _ in mod_rows))
        if settings.get("title_case_acronyms", False):
            actor_rows += self._title_case_acronyms(actor_rows)
        self.aliases = PhraseMatcher(actor_rows)
        self.modifiers = PhraseMatcher(mod_rows)
        heads = pack.table("actor_heads.tsv") if pack.has("actor_heads.tsv") else []
        self.heads = PhraseMatcher((r["head"], Head(r["sector"], r["type"] or "ORG", r["template"])) for r in heads)
        titles = pack.table("actor_titles.tsv") if pack.has("actor_titles.tsv") else []
        self.titles = PhraseMatcher(
            ((r["title"], Title(r["role"], _none(r["sector"]), r["kind"])) for r in titles), initial_free=True
        )
        kin = pack.table("actor_kin.tsv") if pack.has("actor_kin.tsv") else []
        self.kin = PhraseMatcher((r["kin"], r["relation"]) for r in kin)
        self.kin_words = frozenset(r["kin"].capitalize() for r in kin if r["given_name"] != "yes")
        units = pack.table("actor_units.tsv") if pack.has("actor_units.tsv") else []
        self.units = PhraseMatcher((r["prefix"], Unit(r["template"], r["sector"], _none(r["parent"]))) for r in units)
        self.whole = MatcherFamily((self.aliases, self.modifiers, self.heads, self.titles, self.units))
        words = pack.table("actor_words.tsv") if pack.has("actor_words.tsv") else []
        by_kind: dict[str, set[str]] = {}
        org_heads: dict[str, str] = {}
        for r in words:
            word = r["word"] if r["kind"] in ("org", "orghead", "stop") else r["word"].lower()
            by_kind.setdefault(r["kind"], set()).add(word)
            if r["kind"] == "orghead":
                org_heads[r["word"]] = r["sector"]
        self.det = frozenset(by_kind.get("det", ()))
        self.post = frozenset(by_kind.get("post", ()))
        self.skip = frozenset(by_kind.get("skip", ()))
        self.org_words = frozenset(by_kind.get("org", ())) | frozenset(org_heads)
        self.org_heads = org_heads
        self.stop_words = frozenset(by_kind.get("stop", ()))
        place_words = pack.table("place_words.tsv") if pack.has("place_words.tsv") else []
        self.place_suffixes = {r["word"]: r["english"] for r in place_words if r["kind"] == "suffix"}
        self.place_terms = frozenset(w.lower() for r in place_words for w in r["word"].split())
        #: place phrases of several words ("ibu kota"): a title word opening one opens no person
        self.place_phrases = frozenset(" ".join(r["word"].lower().split()) for r in place_words if " " in r["word"])

    # -- naming -----------------------------------------------------------------------------------

    def word_kind(self, word: str) -> str:
        """How a capitalised word opening a sentence reads: "derived" when the pack's affixes make it with a
        confix from a known root ("Penangkapan" peN-an of "tangkap", "Kesiapan", "Dikatakan": never a
        name), "function" for a function word ("Menurut", "Sebelum"), "nominal" for a noun or adjective
        (may well be a given name: "Putri", "Fajar"), else "" (unknown, or a verb)."""
        low = word.lower()
        found = self.common_memo.get(low)
        if found is None:
            if low in self.function_words:
                found = "function"
            elif self.morphology is not None and any(
                    len(root) >= 3 and (t := self.morphology.template(name)).prefix and t.suffix
                    for root, name in self.morphology.analyze(low, self.common_words)):
                found = "derived"
            elif low in self.nominal_words:
                found = "nominal"
            else:
                found = ""
            if len(self.common_memo) < _MEMO_LIMIT:
                self.common_memo[low] = found
        return found

    @staticmethod
    def _country_actor(code: str, name: str) -> ActorInfo:
        canonical = country_names().get(code, (name, name))[0]
        return ActorInfo(name=canonical, country=code, sector="government", label="GPE", origin="actors.country")

    def compose(self, head: Head, country: str | None = None, place: str | None = None) -> str:
        """The canonical name of ``head`` modified by a country code or a place name."""
        known = country_names()
        demonym = known[country][1] if country and country in known else place or ""
        name = " ".join(head.template.lstrip("~").replace("{demonym}", demonym).split())
        return _institutions().get(name.lower(), name)

    def modifier_country(self, mod: Modifier) -> str | None:
        """Country code a modifier stands for (a province's country included)."""
        return mod.country

    # -- span analysis ------------------------------------------------------------------------------

    def strip(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Trim determiners, numbers and trailing demonstratives: "sejumlah negara Barat" -> "negara Barat"."""
        changed = True
        while changed and start < end:
            changed = False
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not (text[end - 1].isalnum() or text[end - 1] in ").”\""):
                end -= 1
            m = _TOKEN.match(text, start, end)
            if m and (m.group().lower() in self.det or m.group().isdigit()) and not self.heads.at(text, start, end):
                rest = m.end()
                if rest < end:
                    start, changed = rest, True
            words = text[start:end].rsplit(None, 1)
            if len(words) == 2 and words[1].lower() in self.post:
                end = start + len(words[0])
                changed = True
        return start, end

    def describe(
        self, text: str, start: int, end: int, context_country: str | None = None
    ) -> ActorInfo | None:
        """Canonical identity of the phrase ``text[start:end]`` (no persons; see persons.py for those)."""
        start, end = self.strip(text, start, end)
        if start >= end:
            return None
        phrase = text[start:end]
        exact = self.aliases.lookup(phrase)
        if exact:
            return exact[0]
        unit = self.unit_at(text, start, end)
        if unit is not None and unit[1] >= end - 1:
            return unit[0]
        kin = self.kin.at(text, start, end)
        if kin is not None and (relative := self._relative(text, kin, end)) is not None:
            return relative
        heads = self.heads.longest(text, start, end)
        head_m = (heads[-1] if self.head_last else heads[0]) if heads else None
        if head_m is not None and not self.head_last and head_m.start > start:
            first = _TOKEN.match(text, start, end)
            if first and first.group() and first.group()[0].isupper() and not self.heads.at(text, start, end):
                head_m = None  # a capitalised name before the head: "Kementerian ..." handled as alias/org
        aliases = [m for m in self.aliases.longest(text, start, end) if head_m is None or m.start >= head_m.end
                   or m.end <= head_m.start]
        orgs = [m for m in aliases if m.value.label != "GPE" and not self._starts_generic(text, m.start, m.end)]
        if head_m is not None:
            for t in _TOKEN.finditer(text, head_m.end, end):
                unit = self.unit_at(text, t.start(), end)
                if unit is not None:
                    return unit[0]
        if orgs:
            best = max(orgs, key=len)
            if head_m is None or best.end - best.start >= 2:
                return best.value
        mods = self._modifiers(text, start, end, head_m)
        sponsors = [m for m in mods if self.sponsor_end(text, m.end)]
        mods = [m for m in mods if m not in sponsors]
        if head_m is not None:
            head = head_m.value
            if not mods and sponsors:  # "Iran-backed militias": backed by Iran, not Iran's
                backer = text[sponsors[0].start : self.sponsor_end(text, sponsors[0].end)]
                return ActorInfo(name=self.compose(head, None, backer), country=None, sector=head.sector,
                                 label=head.label, origin="actors.head", confidence=0.8)
            if mods:
                mod = mods[0].value
                country = self.modifier_country(mod)
                place = None if mod.feature in ("country", "demonym") else mod.name
                return ActorInfo(
                    name=self.compose(head, country if place is None else None, place), country=country,
                    sector=head.sector, label=head.label, origin="actors.head", confidence=0.9,
                )
            place = self._capitalised_modifier(text, head_m.end, end)
            if place:
                return ActorInfo(
                    name=self.compose(head, None, place), country=None, sector=head.sector,
                    label=head.label, origin="actors.head", confidence=0.6,
                )
            if head.template.startswith("~"):  # "states", "countries": many; the article's country is none
                return ActorInfo(name=self.compose(head), country=None, sector=head.sector, label=head.label,
                                 origin="actors.head", confidence=0.4)
            country = context_country or self.home_country
            return ActorInfo(
                name=self.compose(head, country), country=country, sector=head.sector, label=head.label,
                origin="actors.head", confidence=0.5,
            )
        gpes = [m for m in aliases if m.value.label == "GPE"]
        if gpes:
            return max(gpes, key=len).value
        return None

    def _modifiers(self, text: str, start: int, end: int, head_m: Match[Head] | None) -> list[Match[Modifier]]:
        mods = self.modifiers.longest(text, start, end)
        if head_m is None:
            return mods
        if self.head_last:
            return [m for m in mods if m.end <= head_m.start]
        return [m for m in mods if m.start >= head_m.end and self._only_skips(text, head_m.end, m.start)]

    def sponsor_end(self, text: str, pos: int) -> int:
        """Where "-backed"/"-led" ... (``actors.toml`` ``sponsor_words``) ends when it follows a modifier ending
        at ``pos`` ("Russian-backed separatists": the separatists are backed by Russia, not Russian); else 0."""
        if not self.sponsor_words or text[pos : pos + 1] != "-":
            return 0
        m = _TOKEN.match(text, pos + 1)
        word = m.group().lower() if m else ""
        return m.end() if m and word in self.sponsor_words else 0

    def _starts_generic(self, text: str, start: int, end: int) -> bool:
        """An alias that opens with a head or skip word ("rezim Suriah") yields to composition."""
        m = _TOKEN.match(text, start, end)
        if m is None:
            return False
        return m.group().lower() in self.skip or self.heads.at(text, start, end) is not None

    def _only_skips(self, text: str, start: int, end: int) -> bool:
        """Whether only skip words ("rezim", "pemerintah") stand between a head and its modifier."""
        return all(w.lower() in self.skip for w in _TOKEN.findall(text, start, end))

    def _relative(self, text: str, kin: Match[str], end: int) -> ActorInfo | None:
        """A kinship noun and the name of whose relative it is ("sepupu Tamimi" -> "Tamimi's cousin"); without
        the name it says too little to name anyone (None)."""
        owner = self._capitalised_modifier(text, kin.end, end)
        before = text[max(0, kin.start - 2) : kin.start].strip()
        if owner is None or (text[kin.start].isupper() and before[-1:].isalnum()):
            return None  # mid-sentence "sekolah Putri Moi", "Adik Andi": part of a name
        if owner.split()[0].lower() in self.common_words:
            return None  # "Putra Mahkota ..." (crown prince): a common word after it, not a name
        return ActorInfo(name=f"{owner}'s {kin.value}", sector="civilians", label="PER", origin="actors.head",
                         confidence=0.7)

    def _capitalised_modifier(self, text: str, start: int, end: int) -> str | None:
        words: list[str] = []
        for m in _TOKEN.finditer(text, start, end):
            w = m.group()
            if w[0].isupper() and w not in self.stop_words:
                words.append(w)
            elif not words and w.lower() in self.skip:
                continue
            else:
                break
        return " ".join(words) or None

    def unit_at(self, text: str, start: int, end: int | None = None) -> tuple[ActorInfo, int] | None:
        """A regional unit starting at ``start`` ("Polres Tasikmalaya Kota") and where its mention ends."""
        end = len(text) if end is None else end
        m = self.units.at(text, start, min(end, start + 40))
        if m is None:
            return None
        # "Kejaksaan Negeri (Kejari) Jember": the unit's acronym may stand between its prefix and its place
        aside = _UNIT_ACRONYM.match(text, m.end, end)
        after = aside.end() if aside else m.end
        words: list[tuple[int, int]] = []
        for t in _UNIT_TOKEN.finditer(text, after, min(end, after + 60)):
            w = t.group()
            if (w[0].isupper() or w[0].isdigit()) and w not in self.stop_words and len(words) < 4:
                if words and text[words[-1][1] : t.start()].strip():
                    break
                words.append((t.start(), t.end()))
            else:
                break
        if not words:
            return None
        # a following person name is not part of the unit: stop at a title/rank
        for i, (s, _e) in enumerate(words):
            if i and self.titles.at(text, s, words[-1][1]):
                words = words[:i]
                break
        place_text = text[words[0][0] : words[-1][1]]
        mod = self.modifiers.lookup(place_text)
        if not mod and len(words) > 1 and gazetteer_rank(place_text) is None:
            # "DPRD DKI Jakarta M Taufik", "Kejari Jember Ichwan Efendi": the longest known place ends the
            # unit; a name follows it (not "Polres Aceh Utara": a regency the gazetteer knows whole)
            for k in range(len(words) - 1, 0, -1):
                head = text[words[0][0] : words[k - 1][1]]
                rest = [text[a:b] for a, b in words[k:]]  # (no place among the rest: "Metro Bekasi Kota")
                if rest[0] not in self.place_suffixes and ((mod := self.modifiers.lookup(head)) or (
                        gazetteer_rank(head) is not None and all(gazetteer_rank(w) is None for w in rest))):
                    words, place_text = words[:k], head
                    break
        place = mod[0].name if mod else place_text
        if not mod and len(words) > 1:
            last = text[words[-1][0] : words[-1][1]]
            if last in self.place_suffixes:  # "Tasikmalaya Kota" -> "Tasikmalaya City"
                place = text[words[0][0] : words[-2][1]] + " " + self.place_suffixes[last]
        mention = text[start : words[-1][1]] if aside is None else f"{text[start : m.end]} {place_text}"
        # {place_text}: the place as written ("Mapolres X", the seat, names the unit "Polres X")
        name = m.value.template.replace("{place}", place).replace("{text}", mention).replace(
            "{place_text}", place_text)
        name = _REPEATED_WORD.sub(r"\1", name)  # "Malang City" + "{place} City Police": one "City"
        exact = self.aliases.lookup(mention)
        if exact:
            return exact[0], words[-1][1]
        return (
            ActorInfo(
                name=name, country=self.home_country, sector=m.value.sector, label="ORG",
                parent=m.value.parent, origin="actors.unit", confidence=0.9,
            ),
            words[-1][1],
        )

    def _title_case_acronyms(self, rows: list[tuple[str, ActorInfo]]) -> list[tuple[str, ActorInfo]]:
        """ "Isis", "Nato", "Unicef", "Polri": many newspapers write an acronym that is read as a word in title
        case. An alias of four or more capitals also matches that spelling, unless the spelling is a word
        of the pack's lexicon ("Antara" is also "between") or another alias."""
        known = {alias for alias, _ in rows}
        out: list[tuple[str, ActorInfo]] = []
        for alias, info in rows:
            if len(alias) >= 4 and alias.isalpha() and alias.isupper():
                title = alias.capitalize()
                if title not in known and title.lower() not in self.common_words:
                    out.append((title, info))
                    known.add(title)
        return out

    def bare_unit(self, prefix: str, unit: Unit) -> ActorInfo:
        """A unit prefix with no place after it ("Polrestabes", "pihak Polres setempat"): the unit of an
        unnamed area, still an institution with its sector and parent (the caller prefers the unit of the
        same kind named in full elsewhere in the document)."""
        name = unit.template.replace("{place} ", "").replace(" {place}", "").replace("{text}", prefix)
        name = name.replace(" {place_text}", "").replace("{place_text}", "")
        return ActorInfo(name=name, country=self.home_country, sector=unit.sector, label="ORG",
                         parent=unit.parent, origin="actors.unit", confidence=0.7)


def registry_for(pack: LanguagePack) -> ActorRegistry:
    """The pack's compiled registry (built on first use, then cached on the pack)."""
    reg: ActorRegistry = pack.cached("actors.registry", lambda: ActorRegistry(pack))
    return reg


def _pack(lang: str, packs: PackLoader | LanguagePack | None) -> LanguagePack | None:
    if isinstance(packs, LanguagePack):
        return packs
    return (packs or _default_loader()).get(lang)


@functools.cache
def _default_loader() -> PackLoader:
    return PackLoader()


def resolve_actor(
    text: str,
    lang: str,
    packs: PackLoader | LanguagePack | None = None,
    *,
    context_country: str | None = None,
) -> ActorInfo | None:
    """Canonical identity of an actor phrase, or None when nothing in it is known.

    ``packs`` is the pipeline's :class:`PackLoader` (``ctx.packs``) or a pack; ``context_country`` the
    country the document is about, used for heads without a modifier ("polisi" in an Indian story).

    >>> resolve_actor("tentara rezim Suriah", "id").name
    'Syrian military'
    """
    pack = _pack(lang, packs)
    if pack is None:
        return None
    reg = registry_for(pack)
    from .persons import find_person, find_persons  # local: persons imports this module

    text = " ".join(text.split())
    person = find_person(reg, text, 0, len(text), whole=True)
    if person is not None:
        return person.info
    # a title inside the phrase ("Russian Defence Ministry spokesman Igor Konashenkov") naming its end
    for p in find_persons(reg, text):
        if not text[p.end :].strip(" .,”\"'"):
            return p.info
    return reg.describe(text, 0, len(text), context_country)
