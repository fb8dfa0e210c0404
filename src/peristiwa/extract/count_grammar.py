"""The count grammar of a language pack: kind cues, qualifiers and the word lists of ``counts.toml``.

Why apart from :mod:`.counts`: compiling a pack's count data once (and checking it) is a separate concern
from reading counts in a sentence; the stage and the tests share the compiled :class:`CountGrammar`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..model import COUNT_KINDS, QUALIFIERS
from ..text.numbers import NumberLexicon, number_lexicon

__all__ = ["CountGrammar", "Cue", "count_grammar", "split_words"]

_DIRECTIONS = frozenset({"before", "after", "any", "object"})


@dataclass(frozen=True)
class Cue:
    """A kind cue: the kind it gives and where its count stands (before, after, any, object)."""

    kind: str
    direction: str


@dataclass(frozen=True)
class CountGrammar:
    """A pack's count vocabulary, compiled once per pack (see :func:`count_grammar`)."""

    numbers: NumberLexicon
    cues: dict[tuple[str, ...], Cue]
    cue_len: int
    cue_words: frozenset[str]
    qual_before: dict[tuple[str, ...], str]
    qual_after: dict[tuple[str, ...], str]
    qual_len: int
    qual_words: frozenset[str]
    stop: frozenset[str]
    stop_prefixes: tuple[str, ...]
    stop_suffixes: tuple[str, ...]
    min_prefixed: int
    prefix_nouns: frozenset[str]
    skip: frozenset[str]
    others: frozenset[str]
    elided: frozenset[str]
    max_words: int
    window_after: int
    window_before: int
    coordination: frozenset[str]
    range_words: frozenset[str]
    excl_before: frozenset[str]
    excl_after: frozenset[str]
    money: frozenset[str]
    months: frozenset[str]
    collective: frozenset[str] = frozenset()
    unit_names: frozenset[str] = frozenset()  # "12 Assam Rifles": a numbered unit's name, not a count
    unit_members: frozenset[str] = frozenset()  # "12 Assam Rifles personnel": a count of its members
    occurrences: frozenset[str] = frozenset()  # "killed in two attacks": counted acts, never victims
    boundaries: frozenset[str] = frozenset()
    state_predicates: frozenset[str] = frozenset()
    existential: frozenset[str] = frozenset()
    single_kinds: frozenset[str] = frozenset()
    single_skip: frozenset[str] = frozenset()
    single_age: frozenset[str] = frozenset()
    single_plural: frozenset[str] = frozenset()
    single_modifiers: frozenset[str] = frozenset()
    single_window: int = 6
    one_kinds: frozenset[str] | None = None  # kinds a count of exactly one is kept for (None: all)
    unrealised: frozenset[tuple[str, ...]] = frozenset()  # "tried to": the cue after it did not happen

    @cached_property
    def cue_starts(self) -> frozenset[str]:
        """First words of the kind cues: no cue starts at any other word (lets :func:`_cues` skip it)."""
        return frozenset(k[0] for k in self.cues if k)


def count_grammar(pack: Any) -> CountGrammar:
    """The pack's compiled count grammar (built once per pack and cached on it)."""
    return pack.cached("counts.grammar", lambda: _build(pack))


def _low(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _build(pack: Any) -> CountGrammar:
    from ..errors import LanguagePackError

    cues: dict[tuple[str, ...], Cue] = {}
    for row in pack.table("count_kinds.tsv"):
        if row["kind"] not in COUNT_KINDS or row["direction"] not in _DIRECTIONS:
            raise LanguagePackError(f"{pack.code}/data/count_kinds.tsv: bad row for {row['cue']!r}")
        cues[tuple(split_words(row["cue"]))] = Cue(row["kind"], row["direction"])
    qual_before: dict[tuple[str, ...], str] = {}
    qual_after: dict[tuple[str, ...], str] = {}
    for row in pack.table("count_qualifiers.tsv"):
        if row["qualifier"] not in QUALIFIERS or row["position"] not in ("before", "after"):
            raise LanguagePackError(f"{pack.code}/data/count_qualifiers.tsv: bad row for {row['cue']!r}")
        target = qual_before if row["position"] == "before" else qual_after
        target[tuple(split_words(row["cue"]))] = row["qualifier"]
    cfg = pack.settings("counts.toml")
    obj, kind, excl = cfg.get("object", {}), cfg.get("kind", {}), cfg.get("exclude", {})
    single = cfg.get("single", {})
    months: frozenset[str] = frozenset()
    if pack.has("date_words.toml"):
        dates = pack.settings("date_words.toml")
        months = _low([*dates.get("months", {}), *dates.get("month_abbreviations", {})])
    return CountGrammar(
        numbers=number_lexicon(pack),
        cues=cues,
        cue_len=max((len(k) for k in cues), default=1),
        cue_words=frozenset(k[0] for k, c in cues.items() if c.direction != "object" and len(k) == 1),
        qual_before=qual_before,
        qual_after=qual_after,
        qual_len=max((len(k) for k in (*qual_before, *qual_after)), default=1),
        qual_words=frozenset(w for k in (*qual_before, *qual_after) for w in k),
        stop=_low(obj.get("stop", [])),
        stop_prefixes=tuple(obj.get("stop_prefixes", [])),
        stop_suffixes=tuple(obj.get("stop_suffixes", [])),
        min_prefixed=int(obj.get("min_prefixed_length", 6)),
        prefix_nouns=_low(obj.get("prefix_nouns", [])),
        skip=_low(obj.get("skip", [])),
        others=_low(obj.get("others", [])),
        elided=_low(obj.get("elided", [])),
        max_words=int(obj.get("max_words", 3)),
        window_after=int(kind.get("window_after", 12)),
        window_before=int(kind.get("window_before", 8)),
        coordination=_low(kind.get("coordination", [])),
        range_words=_low(kind.get("range", [])),
        excl_before=_low(excl.get("before", [])),
        excl_after=_low(excl.get("after", [])),
        money=_low(excl.get("money_prefixes", [])),
        months=months,
        collective=_low(excl.get("collective", [])),
        unit_names=_low(excl.get("unit_names", [])),
        unit_members=_low(excl.get("unit_members", [])),
        occurrences=_low(obj.get("occurrences", [])),
        boundaries=_low(kind.get("boundaries", [])),
        unrealised=frozenset(tuple(p.lower().split()) for p in kind.get("unrealised", [])),
        state_predicates=_low(kind.get("state_predicates", [])),
        existential=_low(kind.get("existential", [])),
        single_kinds=frozenset(single.get("kinds", [])),
        single_skip=_low(single.get("skip", [])),
        single_age=_low(single.get("age_words", [])),
        single_plural=_low(single.get("plural", [])),
        single_modifiers=_low(single.get("modifiers", [])),
        single_window=int(single.get("window", 6)),
        one_kinds=frozenset(single["one_kinds"]) if "one_kinds" in single else None,
    )


_SPLIT = re.compile(r"\w+(?:[-.,'’/]\w+)*|[^\w\s]")


def split_words(text: str) -> list[str]:
    """Lower-cased tokens as the tokenizer makes them (so data entries match token sequences)."""
    return [m.group().lower() for m in _SPLIT.finditer(text)]
