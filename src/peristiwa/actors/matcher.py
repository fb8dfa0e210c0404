"""Fast multi-phrase matching on word boundaries (Aho-Corasick), shared by actors and places.

Why: a language pack has thousands of aliases (actors, titles, place names); matching each with a regex
is slow and scanning token n-grams misses multi-word names with odd spacing. One Aho-Corasick automaton
per table finds every alias in one pass over the text (pyahocorasick, C). Matches are then filtered on
word boundaries and on letter case: an upper-case letter in the alias must be upper-case in the text, so
"AS" (United States) never matches the English word "as" and "Barat" (the West) not "barat" (west),
while lower-case aliases ("polisi") match any case. ``initial_free`` relaxes the first letter (titles
are written "Juru bicara" and "juru bicara").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

__all__ = ["Match", "MatcherFamily", "PhraseMatcher", "fold", "is_word_char"]

T = TypeVar("T")
#: texts at least this long scanned whole keep their matches for later ranges (documents, not names)
_KEEP_WHOLE = 200


def is_word_char(ch: str) -> bool:
    """Letters and digits continue a word; everything else (space, punctuation, quotes) ends it."""
    return ch.isalnum()


def fold(text: str) -> str:
    """Lower-case ``text`` keeping its length, so offsets in the folded text are offsets in the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _case_ok(alias: str, surface: str, initial_free: bool) -> bool:
    for i, (a, s) in enumerate(zip(alias, surface, strict=False)):
        if a.isupper() and not s.isupper() and not (i == 0 and initial_free):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """One alias found in a text: ``text[start:end]`` is the surface; ``value`` the table's payload."""

    start: int
    end: int
    alias: str
    value: T

    def __len__(self) -> int:
        return self.end - self.start


class PhraseMatcher(Generic[T]):
    """Aliases -> payloads; finds aliases in texts on word boundaries with the case rule above."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, initial_free: bool = False) -> None:
        self.initial_free = initial_free
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, T]]] = {}
        for alias, value in entries:
            alias = " ".join(alias.split())
            if alias:
                table.setdefault(fold(alias), []).append((alias, value))
        self._table = table
        # the matches of the last whole text scanned: later ranges of that text are read from them
        self._whole: tuple[str, list[int], list[Match[T]]] | None = None
        for key, items in table.items():
            self._auto.add_word(key, (len(key), items))
        if table:
            self._auto.make_automaton()

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, phrase: str) -> bool:
        return bool(self.lookup(phrase))

    def lookup(self, phrase: str) -> list[T]:
        """Payloads whose alias is exactly ``phrase`` (case rule applied)."""
        phrase = " ".join(phrase.split())
        return [v for alias, v in self._table.get(fold(phrase), ()) if _case_ok(alias, phrase, self.initial_free)]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Every alias occurrence in ``text[start:end]`` on word boundaries (overlaps included).

        A document is often scanned whole and then range by range (a sentence, the words before a head):
        once the whole text has been scanned, a range's matches are those of the whole text lying inside
        it (the boundary and case tests read the whole text either way; folding is per character, except
        for a Greek capital sigma, whose lower case depends on the next letter, so such texts are rescanned).
        """
        if not self._table:
            return []
        end = len(text) if end is None else end
        whole = self._whole
        if whole is not None and whole[0] is text and start >= 0 and end >= 0:
            _text, starts, found = whole
            out = []
            for k in range(bisect.bisect_left(starts, start), len(found)):
                m = found[k]
                if m.start >= end:
                    break
                if m.end <= end:
                    out.append(m)
            return out
        out = self._scan(text, start, end)
        # (a short text, a name or phrase looked up between the ranges of a document, is not kept: it would
        # push out the document's matches, which its later ranges are read from)
        if start == 0 and end == len(text) and end >= _KEEP_WHOLE and "\u03a3" not in text:
            self._whole = (text, [m.start for m in out], out)
            return list(out)
        return out

    def _scan(self, text: str, start: int, end: int) -> list[Match[T]]:
        folded = fold(text[start:end])
        out: list[Match[T]] = []
        n = len(text)
        for last, (length, items) in self._auto.iter(folded):
            s, e = start + last - length + 1, start + last + 1
            # is_word_char inlined (str.isalnum): most automaton hits lie inside a longer word
            if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                e < n and text[e].isalnum() and text[e - 1].isalnum()
            ):
                continue
            surface = text[s:e]
            for alias, value in items:
                if _case_ok(alias, surface, self.initial_free):
                    out.append(Match(s, e, alias, value))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def longest(self, text: str, start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Non-overlapping matches, leftmost-longest first (one payload per span: the table's first)."""
        out: list[Match[T]] = []
        pos = -1
        for m in self.find(text, start, end):
            if m.start >= pos:
                out.append(m)
                pos = m.end
        return out

    def at(self, text: str, pos: int, end: int | None = None) -> Match[T] | None:
        """The longest alias starting exactly at ``pos``."""
        best: Match[T] | None = None
        for m in self.find(text, pos, end):
            if m.start == pos and (best is None or m.end > best.end):
                best = m
        return best


class MatcherFamily:
    """Several tables scanned over a whole text in one pass: one automaton holds the aliases of all of
    them, and each table's matches are kept as if it had scanned the text itself (its :meth:`PhraseMatcher.find`
    then reads them, for the whole text and its ranges).

    Why: a document is scanned whole by each of the actor tables (aliases, modifiers, heads, titles, units);
    the automaton's pass over the characters costs about as much as the matches it reports, so five passes
    cost about five times one. The matches are the same: a table's hits ending at one offset come in the
    same order (longest first), distinct aliases of one table have distinct spans, and the hits are then
    tested and sorted exactly as :meth:`PhraseMatcher._scan` does.
    """

    def __init__(self, matchers: Sequence[PhraseMatcher[Any]]) -> None:
        self.matchers = tuple(matchers)
        self._auto: Any = ahocorasick.Automaton()
        keys: dict[str, list[tuple[int, list[tuple[str, Any]]]]] = {}
        for k, matcher in enumerate(self.matchers):
            for key, items in matcher._table.items():
                keys.setdefault(key, []).append((k, items))
        for key, per in keys.items():
            self._auto.add_word(key, (len(key), per))
        if keys:
            self._auto.make_automaton()
        self._empty = not keys

    def scan(self, text: str) -> None:
        """Keep every table's matches in ``text`` (a text a table would not keep, short or holding a Greek
        capital sigma, is left to the tables' own scans)."""
        if self._empty or len(text) < _KEEP_WHOLE or "\u03a3" in text:
            return
        matchers = self.matchers
        outs: list[list[Match[Any]]] = [[] for _ in matchers]
        free = [m.initial_free for m in matchers]
        n = len(text)
        for last, (length, per) in self._auto.iter(fold(text)):
            s, e = last - length + 1, last + 1
            # the word-boundary test of PhraseMatcher._scan
            if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (
                e < n and text[e].isalnum() and text[e - 1].isalnum()
            ):
                continue
            surface = text[s:e]
            for k, items in per:
                for alias, value in items:
                    if _case_ok(alias, surface, free[k]):
                        outs[k].append(Match(s, e, alias, value))
        for matcher, out in zip(matchers, outs, strict=True):
            out.sort(key=lambda m: (m.start, -m.end))
            matcher._whole = (text, [m.start for m in out], out)
