"""Case-insensitive patterns run as case-sensitive ones on lower-cased text, where that is exact.

Why: ``re.IGNORECASE`` makes Python's regex engine fold every character it compares, which makes the
packs' big cue alternations (reporting verbs, ACLED cues) about four times slower than the same pattern
without the flag. When the pattern's letters are lower-case ASCII and the text lower-cases character by
character into characters that cannot be confused with ASCII letters, matching the flag-less pattern on
``text.lower()`` takes exactly the same decisions at every position as the original pattern on ``text``:
the same matches, in the same places. :class:`CaselessPattern` finds the positions that way and returns
the original pattern's own match objects (``pattern.match`` at each position), so callers see the very
same groups and offsets. Texts or patterns for which the equivalence is not certain (a pattern with an
upper-case letter, a non-ASCII letter or a back-reference; a text with "ſ", "K" or "İ") use the original.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterable, Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

__all__ = ["CASELESS_BLOCK", "CONFUSABLE", "CaselessPattern", "caseless", "caseless_family", "needle_filter"]

_END = sys.maxsize
_MAX_NEEDLES = 16
_REJECT_FLAGS = re.ASCII | re.LOCALE | re.VERBOSE


#: Non-ASCII characters that match an ASCII letter under ``re.IGNORECASE`` (Kelvin sign, long s, dotless i,
#: dotted capital I): a text containing one is matched the slow way (a test derives the set from ``re``).
CONFUSABLE = re.compile("[\u0130\u0131\u017f\u212a]")
#: Non-ASCII characters a pattern may contain: general punctuation (curly quotes, dashes, ellipsis), which
#: has no case and which ``re.IGNORECASE`` equates with no other character (a test checks it).
CASELESS_BLOCK = (0x2000, 0x206F)


def _caseless_char(code: int) -> bool:
    """Whether a pattern literal matches only itself in lower-cased text: lower-case ASCII or caseless."""
    if code < 0x80:
        return not 0x41 <= code <= 0x5A
    return CASELESS_BLOCK[0] <= code <= CASELESS_BLOCK[1]


def _foldable(items: Any) -> bool:
    """Whether every element of a parsed pattern behaves the same on lower-cased text without the flag."""
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _caseless_char(av):
                return False
        elif op is C.IN:
            for sop, sav in av:
                if sop is C.LITERAL and not _caseless_char(sav):
                    return False
                if sop is C.RANGE and not (sav[1] < 0x80 and (sav[1] < ord("A") or sav[0] > ord("Z"))):
                    return False
                if sop not in (C.LITERAL, C.RANGE, C.CATEGORY, C.NEGATE):
                    return False
        elif op in (C.ANY, C.AT, C.CATEGORY):
            continue
        elif op is C.SUBPATTERN:
            _group, add, drop, sub = av
            if (add | drop) & ~re.IGNORECASE & ~re.UNICODE or drop & re.IGNORECASE or not _foldable(sub):
                return False
        elif op is C.BRANCH:
            if not all(_foldable(b) for b in av[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _foldable(av[2]):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _foldable(av):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _foldable(av[1]):
                return False
        else:
            return False  # back-references and anything not listed: keep the original
    return True


def _needle_char(code: int) -> bool:
    """Whether every character a pattern literal matches (with or without the flag, in a text without a
    confusable) lower-cases to the literal's own lower case: ASCII, or caseless punctuation."""
    return code < 0x80 or CASELESS_BLOCK[0] <= code <= CASELESS_BLOCK[1]


def _rank(needles: frozenset[str]) -> tuple[int, int]:
    return min(len(n) for n in needles), -len(needles)


def _needles(items: Any) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of a parsed pattern contains, or None when the pattern
    promises none: the best of its literal runs and of its required parts (a group, every branch of an
    alternation, a repeat of at least one). A zero-width assertion or a class ends a run (always safe)."""
    best: frozenset[str] | None = None

    def consider(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or _rank(cand) > _rank(best)):
            best = cand

    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL and _needle_char(av):
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is C.SUBPATTERN:
            consider(_needles(av[3]))
        elif op is C.ATOMIC_GROUP:
            consider(_needles(av))
        elif op is C.BRANCH:
            alternatives = [_needles(b) for b in av[1]]
            if all(a is not None for a in alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needles(av[2]))
    if run:
        consider(frozenset({"".join(run)}))
    return best


@functools.lru_cache(maxsize=16)
def _lowered(text: str) -> str | None:
    """``text.lower()`` when it is exact for :class:`CaselessPattern` (same length, no confusable), else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and CONFUSABLE.search(text)):
        return None
    return low


class CaselessPattern:
    """A pattern compiled with ``re.IGNORECASE``; ``search``, ``match`` and ``finditer`` as ``re.Pattern``'s
    (with ``pos``/``endpos``), faster where the lower-cased text gives the same matches (module docstring)."""

    __slots__ = ("_fast", "_needles", "_slot", "_words", "flags", "pattern", "regex")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags | re.IGNORECASE)
        self.pattern = pattern
        self.flags = self.regex.flags
        self._fast: re.Pattern[str] | None = None
        #: strings (lower-cased) one of which every match contains: a text whose lower case holds none of
        #: them cannot match, and is answered without running the pattern (most cue patterns, most texts)
        self._needles: tuple[str, ...] | None = None
        if not flags & _REJECT_FLAGS:
            parsed = P.parse(pattern, flags & ~re.IGNORECASE)
            if not parsed.state.flags & _REJECT_FLAGS:
                needles = _needles(parsed)
                # a single letter is in nearly every text, and many needles cost more than the pattern
                if needles and _rank(needles)[0] >= 2 and len(needles) <= _MAX_NEEDLES:
                    self._needles = tuple(sorted(needles))
            if parsed.getwidth()[0] > 0 and not parsed.state.flags & _REJECT_FLAGS and _foldable(parsed):
                self._fast = re.compile(pattern, flags & ~re.IGNORECASE)
        #: where the words one of which every match holds lie in a text (set by :func:`caseless_family`,
        #: this pattern's slot in it): a range holding none of them is answered without running the pattern
        self._words: _WordIndex | None = None
        self._slot = 0

    def _low(self, text: str) -> str | None:
        return _lowered(text) if self._fast is not None else None

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``text[pos:endpos]`` certainly holds no match: none of the needles is in its lower case
        (a needle is text a match consumes, so it lies inside the searched range)."""
        needles = self._needles
        if needles is None and self._words is None:
            return False
        low = _lowered(text)
        if low is None:
            return False
        lo, hi = max(pos, 0), max(endpos, 0)
        if needles is not None:
            for needle in needles:  # (a plain loop: asked for every range the quote rules search)
                if low.find(needle, lo, hi) >= 0:
                    break
            else:
                return True  # none of the needles in the range
        if self._words is None:
            return False
        starts, ends = self._words.spans(text, low, self._slot)
        for k in range(bisect.bisect_left(starts, lo), len(starts)):
            if starts[k] >= hi:
                break
            if ends[k] <= hi:
                return False  # a word lies inside the range: the pattern may match there
        return True

    def _first(self, text: str, pos: int, endpos: int, anchored: bool) -> re.Match[str] | None:
        """``search`` (``match`` when ``anchored``): the first match is found on the lower-cased text, then
        read again by the flagged pattern from where it starts (for ``match`` that is ``pos`` itself)."""
        if self._absent(text, pos, endpos):
            return None
        low = self._low(text)
        if low is None:
            return (self.regex.match if anchored else self.regex.search)(text, pos, endpos)
        assert self._fast is not None
        m = (self._fast.match if anchored else self._fast.search)(low, pos, endpos)
        return None if m is None else self.regex.match(text, m.start(), endpos)

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return self._first(text, pos, endpos, anchored=False)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return self._first(text, pos, endpos, anchored=True)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if self._absent(text, pos, endpos):
            return
        low = self._low(text)
        if low is None:
            yield from self.regex.finditer(text, pos, endpos)
            return
        assert self._fast is not None
        for m in self._fast.finditer(low, pos, endpos):
            found = self.regex.match(text, m.start(), endpos)
            assert found is not None and found.end() == m.end()
            yield found


class _NeedleFilter:
    """The needles of several patterns in one automaton: one pass over a text tells, for every pattern,
    whether it can match there (what each pattern's own needle test would say, for all of them at once)."""

    def __init__(self, patterns: tuple[CaselessPattern, ...]) -> None:
        self.patterns = patterns
        self._auto: Any = None
        needles = {n for p in patterns for n in p._needles or ()}
        if needles:
            self._auto = ahocorasick.Automaton()
            for n in needles:
                self._auto.add_word(n, n)
            self._auto.make_automaton()

    def possible(self, text: str) -> list[bool]:
        """Per pattern: False when it certainly has no match in ``text`` (searched whole)."""
        low = _lowered(text) if self._auto is not None else None
        if low is None:
            return [True] * len(self.patterns)
        found = {n for _end, n in self._auto.iter(low)}
        return [p._needles is None or not found.isdisjoint(p._needles) for p in self.patterns]


@functools.lru_cache(maxsize=16)
def needle_filter(patterns: tuple[CaselessPattern, ...]) -> _NeedleFilter:
    """The (memoised) :class:`_NeedleFilter` of ``patterns``: for a fixed set run over many short texts."""
    return _NeedleFilter(patterns)


def caseless(pattern: str, flags: int = 0) -> CaselessPattern:
    """``pattern`` matched case-insensitively (see :class:`CaselessPattern`)."""
    return CaselessPattern(pattern, flags)


class _WordIndex:
    """The words of several patterns in one automaton: one pass over a text tells where each pattern's
    words lie in it (kept for the last text asked about: its ranges are asked about one by one)."""

    def __init__(self, heads: list[frozenset[str]]) -> None:
        self._auto: Any = ahocorasick.Automaton()
        masks: dict[str, int] = {}
        for k, words in enumerate(heads):
            for w in words:
                masks[w] = masks.get(w, 0) | 1 << k
        for w, mask in masks.items():
            self._auto.add_word(w, (len(w), mask))
        if masks:
            self._auto.make_automaton()
        self._n = len(heads)
        self._last: tuple[str, list[tuple[list[int], list[int]]]] | None = None

    def spans(self, text: str, low: str, slot: int) -> tuple[list[int], list[int]]:
        """Starts (sorted) and ends of the occurrences in ``low`` (``text`` lower-cased) of the words of
        pattern ``slot``, anywhere (inside longer words too)."""
        last = self._last
        if last is None or last[0] is not text:
            found: list[list[tuple[int, int]]] = [[] for _ in range(self._n)]
            if len(self._auto):
                for end, (n, mask) in self._auto.iter(low):
                    k = 0
                    while mask:
                        if mask & 1:
                            found[k].append((end - n + 1, end + 1))
                        mask >>= 1
                        k += 1
            per = []
            for spans in found:
                spans.sort()
                per.append(([s for s, _ in spans], [e for _, e in spans]))
            last = self._last = (text, per)
        return last[1][slot]


def caseless_family(specs: list[tuple[str, Iterable[str]]]) -> list[CaselessPattern]:
    """Case-insensitive patterns, each given with the forms one of which every match of it holds in any
    case (an alternation built from them). The first words of the forms tell which ranges of a text a
    pattern cannot match in; they are found for all the patterns in one pass over a text."""
    patterns = [CaselessPattern(pattern) for pattern, _forms in specs]
    heads = [frozenset(f.split()[0].lower() for f in forms if f.strip()) for _pattern, forms in specs]
    usable = [all(_needle_char(ord(c)) for w in words for c in w) for words in heads]
    index = _WordIndex([words if ok else frozenset() for words, ok in zip(heads, usable, strict=True)])
    for slot, (p, ok) in enumerate(zip(patterns, usable, strict=True)):
        if ok:
            p._words, p._slot = index, slot
    return patterns
