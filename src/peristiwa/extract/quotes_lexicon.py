"""The quote extractor's view of a language pack: reporting verbs and cue words, compiled once.

Why a separate module: the extraction rules (``quotes_frames``) and the speaker analysis (``speakers``)
are language-neutral mechanisms; everything they know about a language comes from two data files of
the pack, ``reporting_verbs.tsv`` and ``quote_cues.toml``. This module reads them, validates them and
compiles the regular expressions, memoised on the pack with :meth:`LanguagePack.cached` so a corpus run
compiles them once per process.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import LanguagePackError
from ..langs.base import LanguagePack
from ..text.caseless import CaselessPattern, caseless_family
from ..text.patterns import prefix_tree

__all__ = [
    "FRAMES", "Phrases", "QuoteLexicon", "Tok", "Verb", "lexicon_for", "per_text", "phrase_set", "tokens_in", "word_re",
]

#: Constructions a reporting verb can attribute in (see the header of ``reporting_verbs.tsv``).
FRAMES = frozenset({"subj", "post", "postsubj", "prep", "pass", "anaph", "part"})

#: Word tokens for phrase analysis: words with inner hyphens, dots or apostrophes stay whole.
WORD = re.compile(r"\w+(?:[-.'’]\w+)*|[^\w\s]", re.UNICODE)


def word_re() -> re.Pattern[str]:
    """The word-token pattern shared by the quote modules."""
    return WORD


@dataclass(frozen=True)
class Verb:
    """One reporting verb or phrase: the cue it reports, where it attributes, and its -nya behaviour."""

    form: str
    cue: str
    frames: frozenset[str]
    kind: str
    nya: str  # "opt", "req" or "no"


class Phrases:
    """Lower-cased multi-word entries indexed by their first word, for fast longest-match lookups."""

    __slots__ = ("by_first", "items")

    def __init__(self, items: list[str]) -> None:
        self.items = frozenset(tuple(item.lower().split()) for item in items if item.strip())
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in self.items:
            by_first.setdefault(p[0], []).append(p)
        self.by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}

    def longest(self, low: Sequence[str], i: int) -> int:
        """Length of the longest entry starting at ``low[i]`` (0 when none)."""
        cands = self.by_first.get(low[i]) if i < len(low) else None
        if cands:
            for p in cands:
                n = len(p)
                if tuple(low[i : i + n]) == p:
                    return n
        return 0

    def __contains__(self, words: object) -> bool:
        return words in self.items

    def __bool__(self) -> bool:
        return bool(self.items)


def phrase_set(items: list[str]) -> Phrases:
    """Lower-cased entries as an indexed phrase set, for word-by-word multi-word matching."""
    return Phrases(items)


def _alternation(forms: list[str]) -> str:
    """A regex alternation of word forms, longest first, with flexible whitespace in phrases."""
    parts = sorted({f for f in forms if f}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in parts)


def _trie_alternation(forms: list[str]) -> str:
    """:func:`_alternation` as a prefix tree (same matches, see :mod:`peristiwa.text.patterns`)."""
    return prefix_tree(forms, fold=True)


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything language-specific the quote extractor uses, compiled."""

    lang: str
    verbs: dict[str, Verb]
    enclitic: str
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    leading: Phrases
    adverbs: frozenset[str]
    not_subject_end: frozenset[str]
    complementisers: frozenset[str]
    coordinators: frozenset[str]
    colon_frame: bool
    join_split: bool
    head_first: bool
    verbal_prefixes: tuple[str, ...]
    adverb_suffixes: tuple[str, ...]
    source_nouns: frozenset[str]
    adverbial_openers: frozenset[str]
    not_content_start: frozenset[str]
    parenthetical_openers: frozenset[str]
    participle_suffixes: tuple[str, ...]
    infinitive: frozenset[str]
    infinitive_kinds: frozenset[str]
    question_cues: frozenset[str]
    name_content_kinds: frozenset[str]
    question_lead: frozenset[str]
    question_words: frozenset[str]
    drop_determiners: Phrases
    quantifiers: frozenset[str]
    demonstratives: frozenset[str]
    stop: frozenset[str]
    title_links: frozenset[str]
    days: frozenset[str]
    months: frozenset[str]
    name_particles: frozenset[str]
    person_nouns: Phrases
    roles: Phrases
    ranks: Phrases
    title_abbreviations: dict[str, str]
    org_heads: Phrases
    portfolio: frozenset[str]
    geo: Phrases
    quoted_from: Phrases
    told: frozenset[str]
    citing: frozenset[str]
    outlet_prefixes: Phrases
    channels: Phrases
    anaphor_lead: Phrases
    outlets: dict[str, str]  # lower-cased alias -> canonical
    # compiled patterns
    post_re: CaselessPattern = field(repr=False)
    subj_re: CaselessPattern = field(repr=False)
    postsubj_re: CaselessPattern = field(repr=False)
    prep_re: CaselessPattern = field(repr=False)
    pass_re: CaselessPattern = field(repr=False)
    part_re: CaselessPattern = field(repr=False)
    question_re: CaselessPattern = field(repr=False)
    outlet_re: re.Pattern[str] = field(repr=False)
    any_re: CaselessPattern = field(repr=False)
    max_phrase: int = 4
    #: the title words of speaker phrases (ranks, roles, organisation heads, places) in one index by first
    #: word: (length, words, label), longest first, ties in that table order (see speakers.lex_marks)
    title_index: dict[str, list[tuple[int, tuple[str, ...], str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tables = (("rank", self.ranks), ("role", self.roles), ("org", self.org_heads), ("geo", self.geo))
        entries: dict[str, list[tuple[int, int, tuple[str, ...], str]]] = {}
        for order, (label, phrases) in enumerate(tables):
            for first, items in phrases.by_first.items():
                entries.setdefault(first, []).extend((len(p), order, p, label) for p in items)
        for first, found in entries.items():
            found.sort(key=lambda e: (-e[0], e[1]))
            self.title_index[first] = [(n, p, label) for n, _order, p, label in found]

    def verb(self, form: str) -> Verb | None:
        """The verb entry for a matched form (case-insensitive, whitespace-normalised)."""
        return self.verbs.get(" ".join(form.lower().split()))

    def is_adverb(self, word: str) -> bool:
        """A listed adverb, or a lower-case word with an adverb ending ("actively")."""
        w = word.lower()
        return w in self.adverbs or (
            bool(self.adverb_suffixes) and word.islower() and len(w) > 4 and w.endswith(self.adverb_suffixes)
        )

    def is_pronoun(self, word: str) -> bool:
        """Whether ``word`` is a third-person pronoun that can stand for a speaker."""
        w = word.lower()
        return w in self.person_pronouns or w in self.group_pronouns

    def outlet(self, name: str) -> str | None:
        """The canonical outlet for a name as written (prefixes such as "laman" removed), else None."""
        words = name.split()
        for i in range(len(words)):
            if i and tuple(w.lower() for w in words[:i]) not in self.outlet_prefixes:
                continue
            canon = self.outlets.get(" ".join(words[i:]).lower())
            if canon:
                return canon
        return None


def _words(settings: dict[str, Any], section: str, key: str, where: str) -> list[str]:
    value = settings.get(section, {}).get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LanguagePackError(f"{where}: [{section}] {key} must be a list of strings")
    return value


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


def build_lexicon(pack: LanguagePack) -> QuoteLexicon:
    """Read and compile ``reporting_verbs.tsv`` and ``quote_cues.toml`` of ``pack``."""
    where = f"{pack.code}/data/quote_cues.toml"
    verbs: dict[str, Verb] = {}
    for row in pack.table("reporting_verbs.tsv"):
        frames = frozenset(f.strip() for f in row["frames"].split(",") if f.strip())
        if not frames or not frames <= FRAMES:
            raise LanguagePackError(
                f"{pack.code}/data/reporting_verbs.tsv: {row['form']!r} has unknown frames {sorted(frames - FRAMES)}"
            )
        if row["nya"] not in {"opt", "req", "no"}:
            raise LanguagePackError(f"{pack.code}/data/reporting_verbs.tsv: {row['form']!r}: nya must be opt/req/no")
        form = " ".join(row["form"].lower().split())
        verbs[form] = Verb(form, row["cue"], frames, row["kind"], row["nya"])
    s = pack.settings("quote_cues.toml")
    enclitic = str(s.get("pronouns", {}).get("enclitic", ""))

    def forms(frame: str) -> list[str]:
        return [v.form for v in verbs.values() if frame in v.frames]

    nya = f"(?P<nya>{re.escape(enclitic)})?" if enclitic else "(?P<nya>(?!))?"
    outlets: dict[str, str] = {}
    for canon, aliases in s.get("outlets", {}).items():
        if not isinstance(aliases, list):
            raise LanguagePackError(f"{where}: [outlets] {canon!r} must list its aliases")
        for alias in [canon, *aliases]:
            outlets[" ".join(alias.lower().split())] = canon
    outlet_alt = _alternation(sorted({a for v in s.get("outlets", {}).values() for a in v} | set(s.get("outlets", {}))))
    abbreviations = {str(k).lower(): str(v).lower() for k, v in s.get("titles", {}).get("abbreviations", {}).items()}
    phrase_lists = [
        _words(s, "titles", "roles", where),
        _words(s, "titles", "ranks", where),
        _words(s, "affiliation", "org_heads", where),
        _words(s, "affiliation", "geo", where),
        _words(s, "via", "quoted_from", where),
    ]
    max_phrase = max((len(p.split()) for lst in phrase_lists for p in lst), default=1)

    never = "(?!)"

    # the cue patterns: ``before``, the alternation of the forms, ``after``; every match holds the first
    # word of a form, which tells a pattern the ranges it cannot match in (see caseless_family)
    cue_specs = {
        "post_re": (r"\b(?P<verb>", forms("post"), rf"){nya}\b"),
        "subj_re": (r"\b(?P<verb>", forms("subj"), r")\b"),
        "postsubj_re": (r"\b(?P<verb>", forms("postsubj"), r")\b"),
        "prep_re": (r"\b(?P<verb>", forms("prep"), rf"){nya}\b"),
        "pass_re": (r"\b(?P<verb>", forms("pass"), rf"){nya}\b"),
        "part_re": (r"\b(?P<verb>", forms("part"), r")\b"),
        "question_re": (r"\b(?P<verb>", _words(s, "question", "cues", where), r")\b"),
        "any_re": (r"\b(?:", [*verbs, *_words(s, "anaphor", "lead", where)], ")"),
    }
    cue_res = dict(zip(cue_specs, caseless_family([
        (before + (_trie_alternation(alts) or never) + after, alts) for before, alts, after in cue_specs.values()
    ]), strict=True))
    return QuoteLexicon(
        lang=pack.code,
        verbs=verbs,
        enclitic=enclitic,
        person_pronouns=_lower(_words(s, "pronouns", "person", where)),
        group_pronouns=_lower(_words(s, "pronouns", "group", where)),
        leading=phrase_set(_words(s, "clause", "leading", where)),
        adverbs=_lower(_words(s, "clause", "adverbs", where)),
        not_subject_end=_lower(_words(s, "clause", "not_subject_end", where)),
        complementisers=_lower(_words(s, "clause", "complementisers", where)),
        coordinators=_lower(_words(s, "clause", "coordinators", where)),
        colon_frame=bool(s.get("frames", {}).get("colon", False)),
        join_split=bool(s.get("frames", {}).get("join_split", False)),
        head_first=s.get("speaker", {}).get("head", "first") == "first",
        verbal_prefixes=tuple(_words(s, "clause", "verbal_prefixes", where)),
        adverb_suffixes=tuple(_words(s, "clause", "adverb_suffixes", where)),
        source_nouns=_lower(_words(s, "clause", "source_nouns", where)),
        adverbial_openers=_lower(_words(s, "clause", "adverbial_openers", where)),
        not_content_start=_lower(_words(s, "clause", "not_content_start", where)),
        parenthetical_openers=_lower(_words(s, "clause", "parenthetical_openers", where)),
        participle_suffixes=tuple(_words(s, "clause", "participle_suffixes", where)),
        infinitive=_lower(_words(s, "clause", "infinitive", where)),
        infinitive_kinds=frozenset(_words(s, "clause", "infinitive_kinds", where)),
        question_cues=_lower(_words(s, "question", "cues", where)),
        name_content_kinds=frozenset(_words(s, "clause", "name_content_kinds", where)),
        question_lead=_lower(_words(s, "question", "lead", where)),
        question_words=_lower(_words(s, "question", "words", where)),
        drop_determiners=phrase_set(_words(s, "speaker", "drop_determiners", where)),
        quantifiers=_lower(_words(s, "speaker", "quantifiers", where)),
        demonstratives=_lower(_words(s, "speaker", "demonstratives", where)),
        stop=_lower(_words(s, "speaker", "stop", where)),
        title_links=_lower(_words(s, "speaker", "title_links", where)),
        days=_lower(_words(s, "speaker", "days", where)),
        months=_lower(_words(s, "speaker", "months", where)),
        name_particles=_lower(_words(s, "speaker", "name_particles", where)),
        person_nouns=phrase_set(_words(s, "speaker", "person_nouns", where)),
        roles=phrase_set(phrase_lists[0]),
        ranks=phrase_set(phrase_lists[1]),
        title_abbreviations=abbreviations,
        org_heads=phrase_set(phrase_lists[2]),
        portfolio=_lower(_words(s, "affiliation", "portfolio", where)),
        geo=phrase_set(phrase_lists[3]),
        quoted_from=phrase_set(phrase_lists[4]),
        told=_lower(_words(s, "via", "told", where)),
        citing=_lower(_words(s, "via", "citing", where)),
        outlet_prefixes=phrase_set(_words(s, "via", "outlet_prefixes", where)),
        channels=phrase_set(_words(s, "via", "channels", where)),
        anaphor_lead=phrase_set(_words(s, "anaphor", "lead", where)),
        outlets=outlets,
        **cue_res,
        outlet_re=re.compile(rf"(?<![\w.])(?:{outlet_alt or never})(?![\w])", re.IGNORECASE),
        max_phrase=max_phrase,
    )


def lexicon_for(pack: LanguagePack | None) -> QuoteLexicon | None:
    """The compiled lexicon of ``pack`` (memoised on it), or None when the pack has no quote data."""
    if pack is None or not pack.has("reporting_verbs.tsv") or not pack.has("quote_cues.toml"):
        return None
    lex: QuoteLexicon = pack.cached("quotes.lexicon", lambda: build_lexicon(pack))
    return lex


Tok = tuple[int, int, str]


def tokens_in(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets.

    The quote modules ask for many ranges of one document: the tokens of the whole text are found once
    and a range that cuts no token is a slice of them (the word pattern looks neither behind its start
    nor past its end, so scanning the range alone finds the same tokens); a range that cuts one is scanned.
    """
    starts, ends, toks = _all_tokens(text)
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, i)
    if (i > 0 and ends[i - 1] > start) or (j > i and ends[j - 1] > end):
        return [(m.start(), m.end(), m[0]) for m in word_re().finditer(text, start, end)]
    return toks[i:j]


@functools.lru_cache(maxsize=4)
def _all_tokens(text: str) -> tuple[list[int], list[int], list[Tok]]:
    toks = [(m.start(), m.end(), m[0]) for m in word_re().finditer(text)]  # (m[0]: no method call)
    return [t[0] for t in toks], [t[1] for t in toks], toks


_R = TypeVar("_R")


def per_text(fn: Callable[[str, int, int, QuoteLexicon], _R]) -> Callable[[str, int, int, QuoteLexicon], _R]:
    """Memoise ``fn(text, start, end, lex)`` for the last text and lexicon it was asked about.

    Why: the frames ask about the same range of one document several times (``left_subject`` reads the
    phrase before a verb, then ``_subj`` reads the span it returned again; a quote's two frames read the
    same speaker); ``fn`` must read nothing but its arguments and return a value no caller changes. One
    slot (replaced whole when another document comes), so a long run keeps no memo of old documents."""
    state: list[tuple[str, QuoteLexicon, dict[tuple[int, int], _R]] | None] = [None]

    @functools.wraps(fn)
    def memoised(text: str, start: int, end: int, lex: QuoteLexicon) -> _R:
        slot = state[0]
        if slot is None or slot[0] is not text or slot[1] is not lex:
            slot = state[0] = (text, lex, {})
        memo = slot[2]
        key = (start, end)
        if key in memo:
            return memo[key]
        found = memo[key] = fn(text, start, end, lex)
        return found

    return memoised
