"""Span arithmetic shared by every scorer: locating gold strings, overlap, one-to-one matching.

Why these definitions: gold files hold *strings* (exact substrings of the text), predictions hold
*offsets*. Strings are turned into spans by exact search, keeping every occurrence, because a sentence or
a name may be repeated and any occurrence is the annotated one as far as the text can tell. Two spans
"overlap by at least half" when the shared characters are at least half of the **shorter** span
(:func:`overlap_ratio`): a predicted evidence that is a clause of the gold sentence matches, a predicted
evidence that only touches the gold sentence with one word does not, whichever of the two is longer.
Matching is one-to-one and greedy by best score, which is deterministic and, for the few candidates per
sentence that news produces, gives the same pairs as an optimal assignment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from ..model import Span

__all__ = [
    "MATCH_THRESHOLD",
    "as_span",
    "best_ratio",
    "greedy_match",
    "locate",
    "locate_all",
    "multiset_overlap",
    "norm_name",
    "overlap_ratio",
    "record_span",
]

#: Minimum :func:`overlap_ratio` for two spans to count as the same annotation.
MATCH_THRESHOLD = 0.5

K = TypeVar("K", bound=Hashable)


def locate(text: str, needle: str | None) -> tuple[Span, ...]:
    """Every (non-overlapping) occurrence of ``needle`` in ``text``; empty for None or ""."""
    if not needle:
        return ()
    out: list[Span] = []
    start = text.find(needle)
    while start >= 0:
        out.append(Span(start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return tuple(out)


def locate_all(text: str, needles: Iterable[str | None]) -> tuple[Span, ...]:
    """Occurrences of all ``needles`` (e.g. an event's evidence and its mentions)."""
    return tuple(span for n in needles for span in locate(text, n))


def overlap_ratio(a: Span, b: Span) -> float:
    """Shared characters divided by the length of the shorter span (0.0 when either is empty)."""
    shorter = min(len(a), len(b))
    if shorter <= 0:
        return 0.0
    return a.overlap(b) / shorter


def best_ratio(span: Span | None, candidates: Iterable[Span]) -> float:
    """The highest :func:`overlap_ratio` of ``span`` with any candidate (0.0 when none)."""
    if span is None:
        return 0.0
    return max((overlap_ratio(span, c) for c in candidates), default=0.0)


def greedy_match(scores: Iterable[tuple[tuple[float, ...], int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(left, right)`` chosen greedily by descending score.

    ``scores`` holds ``(score_tuple, left_index, right_index)`` for every *admissible* pair; ties are
    broken by the lower indices, so the result never depends on input order.
    """
    ranked = sorted(scores, key=lambda s: (tuple(-x for x in s[0]), s[1], s[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in ranked:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs


_SPACE = re.compile(r"\s+")


def norm_name(name: str | None) -> str:
    """Case-, accent- and whitespace-insensitive form of a name, for equality tests ("" for None)."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SPACE.sub(" ", folded).strip()


def multiset_overlap(left: Sequence[K], right: Sequence[K]) -> int:
    """Size of the multiset intersection (how many items of ``left`` find a partner in ``right``)."""
    pool: dict[K, int] = {}
    for item in right:
        pool[item] = pool.get(item, 0) + 1
    hits = 0
    for item in left:
        if pool.get(item, 0) > 0:
            pool[item] -= 1
            hits += 1
    return hits


def as_span(value: Any) -> Span | None:
    """A ``[start, end]`` pair (as the contract writes spans) or a :class:`Span`; None otherwise."""
    if isinstance(value, Span):
        return value
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(type(x) is int for x in value):
        return Span(value[0], value[1])
    return None


def record_span(
    rec: Mapping[str, Any], span_key: str, text_key: str, text: str, trust_offsets: bool = True
) -> Span | None:
    """Where a contract record's field sits in ``text``.

    Its offsets (``rec[span_key]``) when they can be trusted (the record was made from this very text),
    else the first occurrence of its string ``rec[text_key]``; None when neither is there.
    """
    if trust_offsets:
        span = as_span(rec.get(span_key))
        if span is not None:
            return span
    value = rec.get(text_key)
    found = locate(text, value if isinstance(value, str) else None)
    return found[0] if found else None
