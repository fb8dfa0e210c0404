"""Stage ``extract.entities``: actor, person, organisation and country mentions with canonical identities.

Why: later stages (events, quotes, places) need to know, for any stretch of text, whether it names an
actor and who that is. The stage runs independent *sources* over the document, each proposing
:class:`~peristiwa.model.Entity` records, then keeps a non-overlapping set (longer mentions first, then
the more reliable source). Built-in sources, all driven by the language pack's data:

- ``registry``: known aliases and countries (``actors.tsv``, ``exonyms.tsv``);
- ``units``: regional units ("Polda Bali", "Polres Tasikmalaya Kota");
- ``heads``: head-noun phrases ("tentara rezim Suriah", "kelompok pemberontak", "warga");
- ``persons``: titled persons ("Menteri Informasi Suriah, Omran al-Zoubi");
- ``acronyms``: definitions "Badan Gizi Nasional (BGN)" and the acronym's later uses;
- ``orgs``: capitalised organisation names opened by an institution word ("Kementerian ...");
- ``ages``: names with an age in parentheses ("Yuyun (14)", :mod:`.ages`);
- ``coref``: later uses of a titled person's name parts ("Airlangga", "Zoubi").

A trained NER model is meant to be one more source: options ``sources = [..., "pkg.module:function"]``
name any callable ``(doc, registry, context_country) -> Iterable[Entity]``.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable

import msgspec

from ..langs.base import LanguagePack
from ..model import Document, Entity
from ..pipeline import StageContext, StageFn, registry
from ..text.abbreviations import abbreviates
from ..text.casing import OPENING_MARKS, WORD_RUN, case_evidence, word_runs, word_strings
from ..text.patterns import prefix_tree
from .ages import source_ages
from .known_places import gazetteer_rank
from .persons import find_persons, initialled
from .registry import ActorInfo, ActorRegistry, Unit, country_names, registry_for
from .shared_head import shared_head_after, shared_head_before

__all__ = ["DEFAULT_SOURCES", "EntitySource", "context_country", "extract_entities", "make_stage"]

EntitySource = Callable[[Document, ActorRegistry, str | None], Iterable[Entity]]

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,11})\)")
_CAP_WORD = re.compile(r"[A-Z][\w'’-]*")
_PRIORITY = {
    "actors.unit": 0, "actors.title": 1, "actors.initials": 1, "actors.acronym": 2, "actors.counterpart": 2,
    "actors.registry": 3, "actors.shared": 3,
    "actors.country": 4, "actors.head": 5, "actors.org": 6, "actors.ner": 7, "actors.name": 8, "actors.speaker": 8,
    "actors.coref": 9,
}


def _entity(start: int, end: int, info: ActorInfo) -> Entity:
    return Entity(
        start=start, end=end, label=info.label, name=info.name, country=info.country, sector=info.sector,
        origin=info.origin, confidence=info.confidence,
    )


def context_country(doc: Document, reg: ActorRegistry) -> str | None:
    """The country the document is mostly about: countries and provinces named, places after "di"/"ke" x2."""
    preps = _prepositions(reg.pack)
    votes: Counter[str] = Counter()
    for m in reg.modifiers.longest(doc.text):
        if not m.value.country or m.value.feature == "demonym":
            continue
        before = doc.text[max(0, m.start - 12) : m.start].split()
        if before and before[-1].lower() in reg.initials_after and doc.text[m.start : m.end].isupper():
            continue  # "Saudara AS", "tersangka AS": a person's initials, not the United States
        votes[m.value.country] += 2 if before and before[-1].lower() in preps else 1
    if not votes:
        return reg.home_country
    ranked = votes.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and reg.home_country in (ranked[0][0], ranked[1][0]):
        return reg.home_country  # a tie with the home country goes home
    return ranked[0][0]


def _prepositions(pack: LanguagePack) -> frozenset[str]:
    def build() -> frozenset[str]:
        rows = pack.table("place_words.tsv") if pack.has("place_words.tsv") else []
        return frozenset(r["word"].lower() for r in rows if r["kind"] == "prep")

    out: frozenset[str] = pack.cached("actors.prepositions", build)
    return out


# -- sources -------------------------------------------------------------------------------------------


def source_registry(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Known aliases and countries (not a sponsor: "Iran-backed militias" are no mention of Iran as actor)."""
    text = doc.text
    for m in reg.aliases.longest(text):
        if reg.sponsor_end(text, m.end):
            continue
        info, end = m.value, m.end
        after = reg.modifiers.at(text, end + 1, min(len(text), end + 40)) if text[end : end + 1] == " " else None
        if (after is not None and after.value.feature == "country" and after.value.country
                and info.country == reg.home_country and info.label == "ORG" and after.value.country != info.country):
            # "Kementerian Luar Negeri Rusia": the home institution's counterpart of the country named after it
            demonym = country_names().get(after.value.country, ("", ""))[1]
            info = msgspec.structs.replace(info, name=f"{demonym} {info.name.split(' (')[0]}",
                                           country=after.value.country, origin="actors.counterpart")
            end = after.end
        yield _entity(m.start, end, info)


def source_units(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Regional units: a unit prefix and the place name after it. A prefix alone ("kepada Kodim 0830/Surabaya,
    Polrestabes, ...") is the unit of that kind the document names in full (the nearest such mention,
    earlier ones first), else a unit of an unnamed area."""
    placed: list[tuple[int, Unit, ActorInfo]] = []
    bare: list[tuple[int, int, Unit]] = []
    for m in reg.units.find(doc.text):
        found = reg.unit_at(doc.text, m.start)
        if found is not None:
            placed.append((m.start, m.value, found[0]))
            yield _entity(m.start, found[1], found[0])
        elif (doc.text[m.start].isupper() and not doc.text[m.end : m.end + 1].isalnum()
              and not reg.aliases.lookup(doc.text[m.start : m.end])):  # "KPU" alone: the national one
            bare.append((m.start, m.end, m.value))
    for start, end, unit in bare:
        same = [(start - s if s < start else s - start + len(doc.text), info)
                for s, u, info in placed if u is unit]
        info = min(same, key=lambda x: x[0])[1] if same else reg.bare_unit(doc.text[start:end], unit)
        yield _entity(start, end, info)


def source_heads(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Head-noun phrases, extended over skip words to a country/place/organisation modifier."""
    text = doc.text
    for m in reg.heads.longest(text):
        start, end = m.start, m.end
        if reg.head_last:
            while True:
                prev = reg.modifiers.find(text, max(0, start - 40), start)
                prev = [p for p in prev if not text[p.end : start].strip()]
                if not prev:
                    break
                start = min(p.start for p in prev)
        else:
            end = _extend_right(reg, text, m.end)
        info = reg.describe(text, start, end, country)
        if info is not None:
            yield _entity(start, end, info)
            if reg.head_last and start < m.start:
                yield from shared_head_before(reg, text, start, m.start, m.end, country)
            elif not reg.head_last and end > m.end:
                yield from shared_head_after(reg, text, m.start, m.end, end, country)


def _extend_right(reg: ActorRegistry, text: str, pos: int) -> int:
    """End of the modifier after a head (skip words, then one country/place/alias/unit or capitalised run)."""
    limit = min(len(text), pos + 80)
    cur = pos
    for t in _TOKEN.finditer(text, pos, limit):
        if "\n" in text[cur : t.start()]:
            return cur if cur > pos else pos
        word = t.group()
        if word.lower() in reg.skip:
            continue
        unit = reg.unit_at(text, t.start(), limit)
        known = [x for x in (reg.modifiers.at(text, t.start(), limit), reg.aliases.at(text, t.start(), limit)) if x]
        ends = [k.end for k in known] + ([unit[1]] if unit else [])
        if ends:
            return max(ends)
        if word[0].isupper() and word not in reg.stop_words and not reg.titles.at(text, t.start(), limit):
            end = t.end()
            for n in _TOKEN.finditer(text, t.end(), limit):
                w = n.group()
                if text[end : n.start()].strip() or not w[0].isupper() or w in reg.stop_words:
                    break
                end = n.end()
            return end
        break
    return pos


def source_persons(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Titled persons, sentence by sentence."""
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    reg.titles.find(doc.text)  # the titles of the whole text found at once: each range below reads them
    for s, e in spans:
        for p in find_persons(reg, doc.text, s, e):
            yield _entity(p.start, p.end, p.info)


@functools.lru_cache(maxsize=8)
def _initials_re(cues: frozenset[str]) -> re.Pattern[str]:
    """A cue word (any case) then initials (1-4 capitals) as a whole word."""
    return re.compile(rf"(?<![\w-])(?P<cue>(?i:{prefix_tree(cues, fold=True)})) +(?P<ini>[A-Z]{{1,4}})(?![\w-])")


def source_initials(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Persons named by their initials after a person noun ("tersangka AR", "pria berinisial M"), and the
    later uses of the same initials (``actors.toml`` ``initials_after``). The mention covers the noun and
    the initials ("tersangka AR"), or only the initials after a naming word (``initials_naming``); the name
    is the initials, as the press writes it."""
    if not reg.initials_after:
        return
    text = doc.text
    named: dict[str, Entity] = {}
    # initials' start -> (mention start, end, initials, surely a person's: after a naming or address word)
    found: dict[int, tuple[int, int, str, bool]] = {}
    for m in _initials_re(reg.initials_after).finditer(text):
        # the mention covers the person noun, not a naming word ("pria berinisial M": "M")
        cue = m.group("cue").lower()
        naming = cue in reg.initials_naming
        found[m.start("ini")] = (m.start("ini") if naming else m.start(), m.end(), m.group("ini"),
                                 naming or cue in reg.initials_address)
    if reg.initials_age is not None:  # "AR (37)": the mention is the initials
        for m in reg.initials_age.finditer(text):
            found.setdefault(m.start("ini"), (m.start("ini"), m.end("ini"), m.group("ini"), False))
    for at in sorted(found):
        start, end, ini, naming = found[at]
        # a known acronym is the acronym ("korban AS" may be the US), unless a naming or address word
        # introduces it ("pria berinisial AS", "Saudara AS selaku Komisaris")
        if not naming and (reg.aliases.lookup(ini) or reg.titles.lookup(ini)):
            continue
        ent = Entity(start=start, end=end, label="PER", name=ini, country=country, sector="civilians",
                     origin="actors.initials", confidence=0.7)
        named.setdefault(ini, ent)
        yield ent
    if not named:
        return
    runs, strings = word_runs(text), word_strings(text)
    for k in [k for k, w in enumerate(strings) if w in named]:  # later uses: one pass over the words, as in _coref
        first = named[strings[k]]
        if (m := runs[k]).start() > first.end:
            yield msgspec.structs.replace(first, start=m.start(), end=m.end(), origin="actors.coref")


def source_acronyms(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """"Long Name (ACR)" definitions and the acronym's later uses in the same document."""
    text = doc.text
    defined: dict[str, ActorInfo] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        syllabic = sum(c.isupper() for c in acr) < 2  # "Satpolairud", "Kejati": syllables, not initials
        if syllabic and len(acr) < 3:
            continue
        words = list(_TOKEN.finditer(text, max(0, m.start() - 120), m.start()))
        start = None
        for w in reversed(words):
            tok = w.group()
            if tok[0].isupper() or (start is not None and tok.lower() in {"dan", "untuk", "of", "for", "and"}):
                start = w.start()
            else:
                break
        if start is None:
            continue
        while start < m.start() and text[start].islower():
            start = text.index(" ", start) + 1
        long_name = " ".join(text[start : m.start()].split())
        if len(long_name.split()) < 2 or reg.titles.at(text, start, m.start()) or (
                syllabic and not abbreviates(acr, long_name)):
            continue
        person = not reg.aliases.lookup(long_name) and _initialled_person(reg, text, long_name, acr)
        known = [] if person else reg.aliases.lookup(acr) or reg.aliases.lookup(long_name)  # "(AS)": not the US
        first = long_name.split()[0]
        info = known[0] if known else ActorInfo(
            name=f"{long_name} ({acr})", country=country if reg.home_country == country else None,
            sector=None if person else reg.org_heads.get(first), label="PER" if person else "ORG",
            origin="actors.acronym", confidence=0.8,
        )
        defined.setdefault(acr, info)
        yield _entity(start, m.end(), info)
    for acr, info in defined.items():
        if info.label == "PER" and reg.aliases.lookup(acr):
            continue  # a person's initials that also name something else ("AS"): only where defined
        for m in re.finditer(r"(?<!\w)" + re.escape(acr) + r"(?!\w)", text):
            yield _entity(m.start(), m.end(), info)


def _initialled_person(reg: ActorRegistry, text: str, long_name: str, acr: str) -> bool:
    """ "Iswan Ibrahim (ISW) ... Saudara ISW": Indonesian legal news gives a suspect's initials after the
    name and then calls the person by them after an address or role word (``initials_after`` /
    ``initials_address``: "Saudara", "tersangka"). Two to four words that no actor or place table knows,
    an acronym of at most four letters drawn in order from the name, and such a later use name a person,
    not an organisation (without that use, "Light Rail Transit (LRT)" would be one too)."""
    words = long_name.split()
    if not 2 <= len(words) <= 4 or len(acr) > 4 or not acr.isupper() or not all(_name_word(reg, w) for w in words):
        return False
    letters = iter(long_name.upper())
    if acr[0] != long_name[0].upper() or not all(c in letters for c in acr):
        return False
    cues = reg.initials_cues
    return bool(cues) and any(m.group(1).lower() in cues for m in re.finditer(
        r"(\w+)\.? " + re.escape(acr) + r"(?!\w)", text))


def source_orgs(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Capitalised names opened by an institution word ("Kementerian Pertahanan", "Partai Buruh")."""
    text = doc.text
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        if word not in reg.org_heads:
            continue
        end = m.end()
        count = 1
        limit = min(len(text), m.end() + 120)
        for n in _TOKEN.finditer(text, m.end(), limit):
            w = n.group()
            if text[end : n.start()].strip() or not (w[0].isupper() or w[0].isdigit()) or w in reg.stop_words:
                break
            if reg.titles.at(text, n.start(), limit):
                break
            mod = reg.modifiers.at(text, n.start(), limit)
            if mod is not None:  # "Kepolisian Swedia" ends with its country
                end, count = mod.end, count + 1
                break
            end, count = n.end(), count + 1
        if count < 2:
            continue
        info = reg.describe(text, m.start(), end, country)
        # (a country read for the whole phrase is its last word: "PT Freeport Indonesia" is a company)
        if info is None or info.origin in ("actors.head", "actors.country"):
            info = ActorInfo(name=" ".join(text[m.start() : end].split()), country=None,
                             sector=reg.org_heads[word], label="ORG", origin="actors.org", confidence=0.6)
        yield _entity(m.start(), end, info)


def source_names(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Unexplained proper names: two to four capitalised words that no table explains ("Khariq Anhar").

    A stand-in until a trained NER model is a source: every word must be unknown to the actor and place
    tables and the run must not be a known place. Mostly persons, but also clubs, brands and events, so
    the label is MISC (confidence 0.4); later uses of a name part are linked to it like a person's.
    """
    text = doc.text
    memo = reg.word_memo
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    for s_start, s_end in spans:
        toks = list(_TOKEN.finditer(text, s_start, s_end))
        words = [m[0] for m in toks]
        # which tokens are possible name words, tested once each (a lower-case word never is: no call; a
        # word met before is answered by the registry's memo of _name_word, without the call)
        ok = [w[:1].isupper() and (memo[w] if w in memo else _name_word(reg, w)) for w in words]
        n = len(toks)
        i = 0
        while i < n:
            if not ok[i]:  # no run starts here
                i += 1
                continue
            j = i
            while j < n and j - i < 4 and ok[j] and (j == i or text[toks[j - 1].end() : toks[j].start()] == " "):
                j += 1
            # "Penangkapan Khariq Anhar membuat ...": a common word opening the sentence is no part of it
            # (a dateline's dash or a quotation mark opens a clause: "CNN Indonesia -- Keputusan Lorde")
            opening = i == 0 or words[i - 1] in OPENING_MARKS
            first = i + 1 if opening and j - i >= 2 and _opens_with_common_word(reg, text, toks[i:j]) else i
            if j - first >= 2:
                start, end = toks[first].start(), toks[j - 1].end()
                name = text[start:end]
                sentence_initial = first == 0 and (j >= len(toks) or words[j][:1].isupper())
                if not sentence_initial and not reg.aliases.lookup(name) and not _major_place(name, 10):
                    yield Entity(start=start, end=end, label="MISC", name=name, country=None, sector=None,
                                 origin="actors.name", confidence=0.4)
            i = max(j, i + 1)


def _opens_with_common_word(reg: ActorRegistry, text: str, run: list[re.Match[str]]) -> bool:
    """Whether the first word of a capitalised run opening a sentence is a common word, not a given name:
    "Penangkapan Khariq Anhar membuat ...", "Kesiapan Mahfud ...", "Menurut Grab ...". Never when the
    article capitalises the word inside a sentence. A word the pack's affixes derive with a confix, or a
    function word, always is one; a word the article writes in lower case elsewhere ("Sepupu Tamimi itu
    ..." / "sepupu") only when the pack's lexicon does not know it as a noun or adjective (given names:
    "Putri", "Fajar", "Indah"), the rest of the run is named elsewhere and the whole run nowhere else."""
    word = run[0].group()
    lower_words, mid_caps = case_evidence(text)
    if word in mid_caps:
        return False
    kind = reg.word_kind(word)
    if kind in ("derived", "function") or word in reg.kin_words:  # "Sepupu Tamimi itu ..."
        return True
    if kind == "nominal" or not reg.common_words or word.lower() not in lower_words:
        return False  # packs without a word-class lexicon (English: "Bill Gates ... the bill") keep names
    whole = text[run[0].start() : run[-1].end()]
    rest = text[run[1].start() : run[-1].end()]
    return text.count(rest) > 1 and text.count(whole) == 1


def source_speakers(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """A person the article names by one word and lets speak ("Cook berkata", ", kata Cook"): every use of
    that word is the person, unless a table knows it ("Cook" is also a place name: not in this article).

    A reporting verb right after the word (its subject) or right before it after a comma (", kata Cook")
    is the evidence; the word must be a possible name (capitalised, unknown to the actor tables, not a
    well-known place) and stand alone (no capitalised word next to it: "Tim Cook" is a longer name).
    """
    if not (reg.speech_subj or reg.speech_post):
        return
    text = doc.text
    words = word_runs(text)
    strings = word_strings(text)  # (the words as strings: most tests below read only them)

    found: set[str] = set()
    n = len(words)
    memo = reg.word_memo  # (a word met before is answered without the call, as in source_names)
    for i, w in enumerate(strings):
        if not w[:1].isupper() or w in found or not (memo[w] if w in memo else _name_word(reg, w)):
            continue  # lower case: never a name word
        m = words[i]
        prev = words[i - 1] if i else None
        nxt = words[i + 1] if i + 1 < n else None
        if (prev is not None and strings[i - 1][:1].isupper() and text[prev.end() : m.start()] == " ") or (
                nxt is not None and strings[i + 1][:1].isupper() and text[m.end() : nxt.start()] == " "):
            continue  # part of a longer capitalised run here
        subj = nxt is not None and strings[i + 1] in reg.speech_subj and text[m.end() : nxt.start()] == " "
        post = prev is not None and strings[i - 1].lower() in reg.speech_post and (
            text[prev.end() : m.start()] == " ") and text[max(0, prev.start() - 2) : prev.start()].strip() in (
            ",", '"', "”", ",\"", ",”")
        if (subj or post) and not reg.aliases.lookup(w) and not _major_place(w):
            found.add(w)
    if found:  # "Witnesses said", "Tetangga mengatakan": a common noun, not a name
        lower_words, mid_caps = case_evidence(text)
        found = {w for w in found if w in mid_caps and w.lower() not in lower_words and not reg.word_kind(w)}
    for i, w in enumerate(strings if found else ()):
        if w in found:
            m = words[i]
            yield Entity(start=m.start(), end=m.end(), label="PER", name=w, country=None, sector=None,
                         origin="actors.speaker", confidence=0.5)


def _name_word(reg: ActorRegistry, word: str) -> bool:
    """Whether ``word`` can be a word of a proper name no table explains. The answer for a word that
    passes the shape test is kept in ``reg.word_memo`` (so a word found there is answered by the memo
    alone: :func:`source_names` reads it without the call)."""
    if not (word[:1].isupper() and word[1:2].islower() and word.replace("-", "").isalpha()):
        return False
    found = reg.word_memo.get(word)
    if found is None:
        found = reg.word_memo[word] = not (
            word in reg.org_words or word in reg.stop_words or word in reg.org_heads
            or word.lower() in reg.place_terms or word.lower() in reg.det
            or reg.titles.lookup(word) or reg.heads.lookup(word) or reg.modifiers.lookup(word)
            or reg.aliases.lookup(word) or reg.units.lookup(word))
    return found


def source_ner(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """The trained NER model's PER/ORG/LOC mentions, linked to the registry where the phrase is known.

    A person keeps the mention as its name; an organisation or location phrase the registry knows gets its
    canonical identity (so "Polda Metro Jaya" found by the model is still the police).
    """
    from .ner import ner_entities  # lazy: the model loads on first use

    for ent in ner_entities(doc):
        phrase = doc.text[ent.start : ent.end]
        info = None if ent.label == "PER" else reg.describe(phrase, 0, len(phrase), country)
        if info is not None and info.origin != "actors.head":
            yield Entity(start=ent.start, end=ent.end, label=info.label, name=info.name, country=info.country,
                         sector=info.sector, origin="actors.ner", confidence=ent.confidence)
        else:
            yield msgspec.structs.replace(ent, name=" ".join(phrase.split()))


DEFAULT_SOURCES: dict[str, EntitySource] = {
    "registry": source_registry,
    "units": source_units,
    "heads": source_heads,
    "persons": source_persons,
    "acronyms": source_acronyms,
    "orgs": source_orgs,
    "names": source_names,
    "initials": source_initials,
    "ages": source_ages,
    "speakers": source_speakers,
}

#: Sources available by name but off by default. The NER model (``"ner"``) finds more names, but measured on
#: the id-dev gold it lowered typed event F1 from 0.735 to 0.717 (the event rules were tuned without it)
#: while raising claim-source accuracy from 0.74 to 0.76; enable it with
#: ``[stages."extract.entities"] sources = ["registry", ..., "names", "ner"]``.
OPTIONAL_SOURCES: dict[str, EntitySource] = {"ner": source_ner}


def _coref(doc: Document, reg: ActorRegistry, chosen: list[Entity]) -> list[Entity]:
    """Later mentions of a person by a part of the name ("Airlangga" after "... Airlangga Hartarto")."""
    parts: dict[str, Entity] = {}
    for ent in chosen:
        if ent.label not in ("PER", "MISC") or not ent.name or ent.origin not in (
                "actors.title", "actors.name", "actors.acronym", "actors.age"):
            continue
        for part in ent.name.replace("-", " ").split():
            if len(part) >= 3 and part[0].isupper() and part not in reg.org_words and part not in reg.stop_words \
                    and not _major_place(part):
                parts.setdefault(part, ent)
    out: list[Entity] = []
    if not parts:
        return out
    # one pass over the words of the text (a part is a whole word: not inside a longer word or hyphenation)
    # instead of one compiled pattern per part and document
    runs = word_runs(doc.text)
    strings = word_strings(doc.text)
    for k in [k for k, w in enumerate(strings) if w in parts]:  # the uses, found at once
        named, m = parts[strings[k]], runs[k]
        out.append(Entity(start=m.start(), end=m.end(), label=named.label, name=named.name,
                          country=named.country, sector=named.sector, origin="actors.coref", confidence=0.7))
    for part, ent in parts.items():
        if WORD_RUN.fullmatch(part):
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", doc.text):
            out.append(Entity(start=m.start(), end=m.end(), label=ent.label, name=ent.name, country=ent.country,
                              sector=ent.sector, origin="actors.coref", confidence=0.7))
    return sorted(out, key=lambda e: (e.start, e.end))


def _major_place(word: str, min_rank: int = 45) -> bool:
    """Whether ``word`` names a well-known place."""
    rank = gazetteer_rank(word)
    return rank is not None and rank >= min_rank


def _select(cands: list[Entity], taken: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Non-overlapping subset: longer mentions first, then by source reliability.

    The spans kept so far are disjoint and non-empty, so sorted by start they are sorted by end too: a new
    span overlaps one of them exactly when the last one starting before its end reaches past its start
    (one bisection instead of a scan of all kept spans). Empty spans, which break that order, take the scan.
    """
    occupied = sorted(taken or [])
    chosen: list[Entity] = []
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), _PRIORITY.get(c.origin or "", 9), c.start))
    if any(e <= s for s, e in occupied) or any(c.end <= c.start for c in cands) or any(
            a[1] > b[0] for a, b in itertools.pairwise(occupied)):
        for ent in ordered:
            if any(ent.start < e and s < ent.end for s, e in occupied):
                continue
            occupied.append((ent.start, ent.end))
            chosen.append(ent)
        return chosen
    starts = [s for s, _ in occupied]
    ends = [e for _, e in occupied]
    for ent in ordered:
        k = bisect.bisect_left(starts, ent.end)  # spans [0, k) start before the new one ends
        if k and ends[k - 1] > ent.start:
            continue
        starts.insert(k, ent.start)
        ends.insert(k, ent.end)
        chosen.append(ent)
    return chosen


def _load_source(ref: str) -> EntitySource:
    if ref in DEFAULT_SOURCES or ref in OPTIONAL_SOURCES:
        return DEFAULT_SOURCES.get(ref) or OPTIONAL_SOURCES[ref]
    module, _, attr = ref.partition(":")
    fn: EntitySource = getattr(importlib.import_module(module), attr)
    return fn


def extract_entities(doc: Document, pack: LanguagePack, sources: Iterable[str] | None = None) -> list[Entity]:
    """All entity mentions of ``doc`` found by ``sources`` (default: every built-in source), in text order."""
    reg = registry_for(pack)
    reg.whole.scan(doc.text)  # every source below reads the tables' matches of the text: found in one pass
    country = context_country(doc, reg)
    cands: list[Entity] = []
    for ref in sources or DEFAULT_SOURCES:
        cands.extend(_load_source(ref)(doc, reg, country))
    first = ("actors.title", "actors.initials", "actors.age")  # persons before the heads and names in them
    last = ("actors.speaker",)  # one-word speakers only where no longer name of theirs reaches ("Boy")
    chosen = _select([c for c in cands if c.origin in first])
    chosen += _select([c for c in cands if c.origin not in first + last], [(e.start, e.end) for e in chosen])
    chosen += _select(_coref(doc, reg, chosen), [(e.start, e.end) for e in chosen])
    chosen += _select([c for c in cands if c.origin in last], [(e.start, e.end) for e in chosen])
    return sorted(initialled(doc, reg, cands, chosen), key=lambda e: (e.start, e.end))


@registry.stage("extract.entities", version=1, requires=("sentences", "tokens"), provides=("entities",))
def make_stage(ctx: StageContext) -> StageFn:
    """Actor, person and organisation mentions linked to canonical names (options: ``sources``)."""
    sources = tuple(ctx.options.get("sources", ())) or None
    for ref in sources or ():
        _load_source(ref)  # fail when the pipeline is built, not on the first document

    def run(doc: Document) -> Document:
        pack = ctx.packs.get(doc.lang)
        if pack is None or not pack.has("actors.tsv"):
            return doc.with_layers(entities=())
        return doc.with_layers(entities=tuple(extract_entities(doc, pack, sources)))

    return run
