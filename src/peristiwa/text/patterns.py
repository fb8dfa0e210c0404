"""Regex alternations of many word forms, built as prefix trees.

Why: the packs' cue lists (reporting verbs, date words) become alternations of hundreds of forms, and
Python's ``re`` tries every alternative at every position. The same language written as a prefix tree
("kata(?:kan|nya)?") lets the engine test each letter once. Forms that match at one position are prefixes of
each other, so they lie on one path of the tree and the longest is tried first, exactly like a flat
alternation sorted longest first (including when a following condition forces a shorter form).
"""

from __future__ import annotations

import array
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["GatedPattern", "gate", "ignorecase_classes", "prefix_tree"]

_PIECE = re.compile(r"\s+|\S")


def prefix_tree(forms: Iterable[str], *, fold: bool = False, space: str = r"\s+",
                after_first: Callable[[str], str] | None = None) -> str:
    """A regex alternation of ``forms``; a space inside a form becomes ``space`` (any whitespace by default);
    ``fold`` lower-cases the forms first (for a pattern compiled with ``re.IGNORECASE``). Empty when there
    are no forms.

    ``after_first`` gives, for the regex of a first character, a test put right after it in every form: a
    lookbehind written there ("(?<![\\w-]x)" after "x") tests what precedes the form the way one before the
    alternation would, but the alternation still opens with its literal first characters, which the regex
    engine skips ahead to instead of trying the pattern at every position."""
    trie: dict[str, Any] = {}
    for form in {(f.lower() if fold else f) for f in forms if f and f.strip()}:
        node = trie
        for piece in _PIECE.findall(" ".join(form.split())):
            node = node.setdefault(space if piece.isspace() else re.escape(piece), {})
        node[""] = {}

    def emit(node: dict[str, Any], first: bool = False) -> str:
        guard = after_first if first and after_first is not None else (lambda key: "")
        branches = [key + guard(key) + emit(child) for key, child in sorted(node.items()) if key]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie, True)


def ignorecase_classes(words: Iterable[str]) -> dict[str, str]:
    """Every character each character of ``words`` matches case-insensitively (``re.IGNORECASE``, Unicode),
    asked of the regex engine itself over all code points ("k" also matches the Kelvin sign, "s" the long s).
    One scan of all code points (some 50 ms): asked once for all the words a grammar gates on."""
    wanted = sorted({c for w in words for c in w})
    if not wanted:
        return {}
    every = array.array("I", range(0x110000)).tobytes().decode("utf-32-le", "surrogatepass")
    found = re.findall("(?i:[" + "".join(map(re.escape, wanted)) + "])", every)
    return {c: "".join(x for x in found if re.fullmatch("(?i:" + re.escape(c) + ")", x)) for c in wanted}


def gate(cased: Iterable[str], caseless: Iterable[str] = (), classes: dict[str, str] | None = None,
         width: int = 4) -> re.Pattern[str]:
    """A gate for :class:`GatedPattern`: the first ``width`` characters of the first word of every form a
    match can open with, ``cased`` ones as written, ``caseless`` ones (an ``(?i:...)`` group of the pattern) in
    every case the engine accepts (``classes``: :func:`ignorecase_classes` of at least these words)."""
    heads = {f.split()[0][:width] for f in cased if f.strip()}
    loose = {f.split()[0][:width] for f in caseless if f.strip()}
    if loose:
        folds = classes if classes is not None else ignorecase_classes(loose)
        heads.update("".join(v) for h in loose for v in itertools.product(*(folds[c] for c in h)))
    return re.compile(prefix_tree(heads) or r"(?!x)x")


class GatedPattern:
    """A pattern tried only where its gate matches (the first letters of every form a match opens with).

    Why: a pattern that opens with a lookbehind or an optional group ("(?<![\\w])(?:(?P<bm>last)\\s+)?(?P<mon>
    June|...)") gives the regex engine no first character to skip ahead to, so it is tried at every position
    of the text; a gate opens with literal characters and is scanned fast. :meth:`finditer` yields exactly the
    matches of ``pattern.finditer``: no match opens where the gate does not, the pattern is tried at each
    place the gate opens (and looks behind it as it would there), and the scan goes on from the end of a
    match. ``pattern`` must match no empty string; ``gate`` None tries the pattern alone.
    """

    __slots__ = ("gate", "pattern")

    def __init__(self, pattern: re.Pattern[str], gate: re.Pattern[str] | None) -> None:
        self.pattern, self.gate = pattern, gate

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.gate is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        search, match = self.gate.search, self.pattern.match
        while (g := search(text, pos, end)) is not None:
            at = g.start()
            m = match(text, at, end)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = m.end()

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)
