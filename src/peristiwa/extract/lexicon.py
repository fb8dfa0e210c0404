"""Phrase lexicons over inflected words: the one matcher behind triggers, mode cues, modality and classes.

Why one mechanism: every table of the event extractor (triggers, modes, modality cues, argument cues,
word classes) is "a root, inflected by some affix templates, optionally followed by literal words". The
matcher generates each row's surface forms once (:class:`~peristiwa.extract.morphology.Morphology`) into
a dict, so matching a sentence costs one dict lookup per token plus a short check of the literal tail.

Lemma syntax: ``head word word``: the head is inflected by the row's ``forms`` ("=" means the lemma is
literal); later words are literal; ``(x)`` is optional; ``a|b`` are alternatives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import msgspec

from .morphology import Morphology, Template

__all__ = ["Match", "PhraseMatcher", "Row", "cell"]

Tail = tuple[tuple[frozenset[str], bool], ...]
#: the cells of one column at a word (in match order) and their set: see :meth:`PhraseMatcher.values_at`
Values = tuple[tuple[str, ...], frozenset[str]]

#: The lookup of a word no row can open: one shared (never changed) list, because the memo keeps an entry
#: for every word of every article read, and tens of thousands of empty lists would all be objects the
#: cyclic garbage collector walks again at each full collection.
_NO_ROWS: list[tuple[Row, Template]] = []


def cell(row: dict[str, str], key: str) -> str:
    """A table cell with the "-" placeholder read as empty."""
    value = row.get(key, "")
    return "" if value == "-" else value


@dataclass(frozen=True)
class Row:
    """One compiled lexicon row: literal tail after the head and the original cells."""

    index: int
    head: str
    tail: Tail
    cells: dict[str, str]
    #: the cells with "-" read as empty, once (rules read them for every match)
    clean: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "clean", {key: cell(self.cells, key) for key in self.cells})

    def get(self, key: str) -> str:
        """The cell ``key`` ("-" read as empty)."""
        return self.clean.get(key, "")


class Match(msgspec.Struct, frozen=True):
    """A row matched over tokens ``[start, end)`` (token indices), with the head's affix template.

    A struct (not a dataclass) because sentences are scanned for thousands of them: a frozen dataclass
    pays a ``object.__setattr__`` per field; change one with ``msgspec.structs.replace``."""

    start: int
    end: int
    row: Row
    template: Template


class PhraseMatcher:
    """Matches the rows of one lexicon table over a sequence of lower-cased words."""

    def __init__(self, rows: Sequence[dict[str, str]], morph: Morphology, *, lemma: str = "lemma",
                 forms: str = "forms") -> None:
        self.rows: list[Row] = []
        self.index: dict[str, list[tuple[Row, Template]]] = {}
        self._memo: dict[str, list[tuple[Row, Template]]] = {}
        #: column -> word -> :meth:`values_at`'s answer (see :meth:`column_values`)
        self._values: dict[str, dict[str, Values | None]] = {}
        # head-final compounds ("air strike" -> "air strikes"): the literal first word, then a tail whose
        # last word carries the noun inflection; kept apart because the tail depends on the template
        self.compounds: dict[str, list[tuple[Row, Template, Tail]]] = {}
        self.morph = morph
        for i, cells in enumerate(rows):
            words = cell(cells, lemma).lower().split()
            if not words:
                continue
            tail = tuple(
                (frozenset(w.strip("()").split("|")), w.startswith("(") and w.endswith(")")) for w in words[1:]
            )
            row = Row(i, words[0], tail, dict(cells))
            self.rows.append(row)
            spec = cell(cells, forms) or "base"
            if spec == "=":
                self.index.setdefault(words[0], []).append((row, morph.literal))
                continue
            if morph.noun_head_last and len(words) > 1 and not tail[-1][1] and "|" not in words[-1]:
                nouns = [t for t in morph.templates(spec) if t.nominal and not t.alternatives]
                for template in nouns:
                    last = frozenset(morph.surfaces(words[-1], template))
                    self.compounds.setdefault(words[0], []).append((row, template, (*tail[:-1], (last, False))))
                spec = ",".join(t.name for t in morph.templates(spec) if t not in nouns)
                if not spec:
                    continue
            for surface, template in morph.generate(words[0], spec).items():
                self.index.setdefault(surface, []).append((row, template))

    def lookup(self, word: str) -> list[tuple[Row, Template]]:
        """Rows whose head can be ``word`` (tries clitic-stripped and reduplicated readings)."""
        hit = self._memo.get(word)
        if hit is None:
            if len(self._memo) > 200_000:  # bounded: a long run meets unbounded vocabulary
                self._memo.clear()
            hit = self._memo[word] = self._lookup(word)
        return hit

    def _lookup(self, word: str) -> list[tuple[Row, Template]]:
        hit = self.index.get(word)
        if hit:
            return hit
        for stripped in self.morph.strip_clitics(word)[1:]:
            hit = self.index.get(stripped)
            if hit:
                return hit
        if "-" in word:
            for part in self.morph.compound_parts(word):
                hit = self.index.get(part)
                if hit:
                    return hit
        return _NO_ROWS

    def match_at(self, words: Sequence[str], i: int) -> list[Match]:
        """All matches starting at token ``i``, longest first (ties keep table order)."""
        word = words[i]
        entries = self.lookup(word)
        compounds = self.compounds.get(word) if self.compounds else None
        if not entries and not compounds:
            return []
        out: list[Match] = []
        for row, template in entries:
            end = self._tail(words, i + 1, row.tail) if row.tail else i + 1  # (a one-word row: no tail to read)
            if end is not None:
                out.append(Match(i, end, row, template))
        for row, template, tail in compounds or ():
            end = self._tail(words, i + 1, tail)
            if end is not None:
                out.append(Match(i, end, row, template))
        if len(out) > 1:
            out.sort(key=lambda m: (-(m.end - m.start), m.row.index))
        return out

    def _tail(self, words: Sequence[str], j: int, tail: Tail) -> int | None:
        last = len(tail) - 1
        for n, (alternatives, optional) in enumerate(tail):
            if j < len(words) and (words[j] in alternatives or (
                    n == last and any(w in alternatives for w in self.morph.strip_clitics(words[j])[1:]))):
                j += 1  # the last word may carry an enclitic: "anak buahnya", "kerja samanya"
            elif not optional:
                return None
        return j

    def values_at(self, word: str, column: str) -> Values | None:
        """The ``column`` cells of :meth:`match_at`'s matches at ``word``, in its order, and the set of them
        (built by adding them one by one to the empty set, as an annotation of the word alone would), when
        every row that opens there is one word long (each match then covers that word alone, whatever
        follows it); None when a longer row may match (the caller asks :meth:`match_at`). Memoised per
        word: most words of a sentence are function words the argument-cue and class tables read one by
        one, and the sets are shared (never changed) by every sentence that holds the word."""
        memo = self.column_values(column)
        found = memo.get(word, self)
        if found is self:
            if len(memo) > 200_000:  # bounded like the lookup memo
                memo.clear()
            entries = self.lookup(word)
            single = not (self.compounds and word in self.compounds) and all(not row.tail for row, _ in entries)
            found = None
            if single:
                values = tuple(m.row.get(column) for m in self.match_at([word], 0))
                union: frozenset[str] = frozenset()
                for value in values:
                    union = union | {value}
                found = (values, union)
            memo[word] = found
        return found  # type: ignore[return-value]

    def column_values(self, column: str) -> dict[str, Values | None]:
        """The memo of :meth:`values_at` for ``column`` (word -> answer; a word not in it was not asked
        yet): a caller reading every word of a sentence looks them up here, without a call per word."""
        memo = self._values.get(column)
        if memo is None:
            memo = self._values[column] = {}
        return memo

    def opens(self, word: str) -> bool:
        """Whether some row can open at ``word`` (its head reading, or a compound's first word)."""
        return bool(self.lookup(word)) or word in self.compounds

    def heads(self, words: Sequence[str]) -> list[int]:
        """The positions where a match may start (a word some row can open); :meth:`match_at` finds
        nothing anywhere else, so a scan of a sentence need only try these."""
        return [i for i, w in enumerate(words) if self.opens(w)]

    def find_all(self, words: Sequence[str], heads: Sequence[int] | None = None) -> list[Match]:
        """Every match at every position (overlaps kept; callers choose); ``heads``: :meth:`heads` of
        ``words`` when the caller has them."""
        out: list[Match] = []
        for i in self.heads(words) if heads is None else heads:  # most words open no row: only the others
            out.extend(self.match_at(words, i))
        return out

    def find_longest(self, words: Sequence[str], heads: Sequence[int] | None = None) -> list[Match]:
        """Left-to-right, longest non-overlapping matches (``heads`` as for :meth:`find_all`)."""
        out: list[Match] = []
        after = 0
        for i in self.heads(words) if heads is None else heads:
            if i < after:
                continue  # inside the last match
            found = self.match_at(words, i)
            if found:
                out.append(found[0])
                after = found[0].end
        return out
