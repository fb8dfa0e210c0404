"""Regex alternations of many word forms, built as prefix trees.

Why: the packs' cue lists (reporting verbs, date words) become alternations of hundreds of forms, and
Python's ``re`` tries every alternative at every position. The same language written as a prefix tree
("kata(?:kan|nya)?") lets the engine test each letter once. Forms that match at one position are prefixes of
each other, so they lie on one path of the tree and the longest is tried first, exactly like a flat
alternation sorted longest first (including when a following condition forces a shorter form).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["prefix_tree"]

_PIECE = re.compile(r"\s+|\S")


def prefix_tree(forms: Iterable[str], *, fold: bool = False, space: str = r"\s+") -> str:
    """A regex alternation of ``forms``; a space inside a form becomes ``space`` (any whitespace by default);
    ``fold`` lower-cases the forms first (for a pattern compiled with ``re.IGNORECASE``). Empty when there
    are no forms."""
    trie: dict[str, Any] = {}
    for form in {(f.lower() if fold else f) for f in forms if f and f.strip()}:
        node = trie
        for piece in _PIECE.findall(" ".join(form.split())):
            node = node.setdefault(space if piece.isspace() else re.escape(piece), {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [key + emit(child) for key, child in sorted(node.items()) if key]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)
