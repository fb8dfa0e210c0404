"""Canonical actor names as aliases of themselves, for the packs whose canonical names are in their own
language (English): news writes the full name out as often as the short forms the tables list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .registry import ActorInfo

__all__ = ["canonical_aliases"]

_ACRONYM_SUFFIX = re.compile(r"^(?P<full>.+?) \((?P<acr>[A-Z][A-Za-z0-9-]{1,11})\)$")


def canonical_aliases(rows: list[tuple[str, ActorInfo]], modifiers: frozenset[str]) -> list[tuple[str, ActorInfo]]:
    """A pack whose canonical names are its own language's (English): each name is an alias too, without
    its bracketed acronym ("Bangladesh Nationalist Party (BNP)" -> "Bangladesh Nationalist Party"), or
    whole where the bracket is no acronym ("Communist Party of India (Maoist)": the name of another party
    without it).
    Why: the tables list the short forms news uses, and the full name written out was left unmatched.
    Names that open with a country ("US government") stay with the head-noun rules, which keep the
    country a place of the article (``modifiers``: the registry's country and place names)."""
    taken = {alias for alias, _ in rows}
    out: list[tuple[str, ActorInfo]] = []
    for _, info in rows:
        if info.origin != "actors.registry" or not info.name[:1].isupper():
            continue
        m = _ACRONYM_SUFFIX.match(info.name)
        acronym = m is not None and sum(c.isupper() for c in m["acr"]) >= 2
        # "X (ACR)" written out is read by the acronym rules already (the name and the acronym apart)
        for form in ((m["full"],) if m is not None and acronym else (info.name,)):
            if form not in taken and not any(form[:i] in modifiers for i, c in enumerate(form) if c == " "):
                taken.add(form)
                out.append((form, info))
    return out
