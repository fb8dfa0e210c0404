"""What the actor rules ask the shipped gazetteer: is a word a place, how well known, is it a capital.

Why a module of its own: the geo package imports the actor registry, so the gazetteer is imported on the
first question only (most documents never ask), and every answer is memoised (the gazetteer never changes).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer

__all__ = ["capital_of", "gazetteer_rank", "shipped_gazetteer"]


@functools.cache
def shipped_gazetteer() -> Gazetteer:
    """The shipped gazetteer, for the actor rules that ask about places. Imported and loaded on the first
    question (the geo package imports this module, and most documents never ask), then answered from this
    cache: an import statement in the asking function cost a microsecond per question."""
    from ..geo.gazetteer import load_gazetteer

    return load_gazetteer()


@functools.lru_cache(maxsize=65536)
def gazetteer_rank(name: str) -> int | None:
    """The rank of the first place the shipped gazetteer has of this name, None when it has none. The
    actor rules ask it whether a word or a unit's place is a place (and how well known); the gazetteer
    loads on the first question only and never changes, so the answers are memoised."""
    cands = shipped_gazetteer().lookup(name)
    return cands[0].rank if cands else None


@functools.lru_cache(maxsize=4096)
def capital_of(name: str, country: str) -> bool:
    """Whether ``name`` is the national capital of ``country`` in the shipped gazetteer ("Moskwa", "RU")."""
    from ..geo.gazetteer import CAPITAL_RANK, MAJOR_CAPITAL_RANK

    return any(c.feature == "city" and c.country == country and c.rank in (MAJOR_CAPITAL_RANK, CAPITAL_RANK)
               for c in shipped_gazetteer().lookup(name))
