"""Coordinated countries sharing one head noun: "Indian and Pakistani troops", "pasukan Rusia dan Suriah".

Why: the chunker reads "Indian" of "Indian and Pakistani troops" as a bare adjective and "Suriah" of
"pasukan Rusia dan Suriah" as the state, so one side of a two-sided fight lost its head noun (and with
it its sector: a battle between two armies became one army's attack on a country). These sources add an
entity for each coordinated country with the shared head's identity (origin ``actors.shared``); the
coordinators are the pack's ``coord`` argument cues.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model import Entity
from .matcher import Match
from .registry import ActorInfo, ActorRegistry, Modifier

__all__ = ["shared_head_after", "shared_head_before"]


def _entity(start: int, end: int, info: ActorInfo) -> Entity:
    return Entity(
        start=start, end=end, label=info.label, name=info.name, country=info.country, sector=info.sector,
        origin="actors.shared", confidence=info.confidence,
    )


def _conjuncts(reg: ActorRegistry, text: str, head: str, country: str | None, pos: int,
               step: Callable[[int], Match[Modifier] | None], *, before: bool) -> Iterator[Entity]:
    """The entity of each coordinated country ``step`` finds from ``pos`` on (one at a time, walking away
    from the head), named with the shared head; the walk stops at a phrase that names no group of the
    head-noun rules."""
    while (mod := step(pos)) is not None:
        word = text[mod.start : mod.end]
        phrase = f"{word} {head}" if before else f"{head} {word}"
        info = reg.describe(phrase, 0, len(phrase), country)
        if info is None or info.origin != "actors.head":
            return
        yield _entity(mod.start, mod.end, info)
        pos = mod.start if before else mod.end


_LIST_GAP = re.compile(r"\s*(?:,\s*)?(\w+)?\s*$")


def shared_head_before(reg: ActorRegistry, text: str, left: int, head_start: int, head_end: int,
                       country: str | None) -> Iterator[Entity]:
    """"Indian and Pakistani troops", "Iraqi, Syrian and Kurdish forces": demonyms coordinated before one head
    each name their own group with that head (the first conjuncts have no head of their own, so the chunker
    leaves them as bare adjectives). Only demonyms and capitalised country acronyms ("US and Iraqi forces")
    open such a list: a country's name there is a participant of its own ("Israel and Palestinian militants")."""

    def previous(left: int) -> Match[Modifier] | None:
        gap = _LIST_GAP.search(text, max(0, left - 12), left)
        if gap is None or (gap.group(1) is not None and gap.group(1).lower() not in reg.coordinators) \
                or (gap.group(1) is None and "," not in gap.group()):
            return None
        mods = [p for p in reg.modifiers.find(text, max(0, gap.start() - 40), gap.start()) if p.end == gap.start()]
        mod = max(mods, key=lambda p: p.end - p.start, default=None)
        ok = mod is not None and (mod.value.feature == "demonym" or text[mod.start : mod.end].isupper())
        return mod if ok else None

    yield from _conjuncts(reg, text, text[head_start:head_end], country, left, previous, before=True)


_COMMA_GAP = re.compile(r"\s*(,?)\s*")
_NEXT_WORD = re.compile(r"(\w+)\s+")


def shared_head_after(reg: ActorRegistry, text: str, head_start: int, head_end: int, right: int,
                      country: str | None) -> Iterator[Entity]:
    """ "tentara India dan Pakistan", "pasukan Rusia, Suriah dan Iran": countries coordinated after one head
    (head-first packs) each name their own group with it, as :func:`shared_head_before` does before the
    head. The list opens with a country and goes on only through bare country names: "Suriah Utara" or a
    name followed by another capitalised word is no conjunct of the head."""
    if not any(p.end == right and p.value.feature == "country"
               for p in reg.modifiers.find(text, head_end, right)):
        return

    def following(right: int) -> Match[Modifier] | None:
        gap = _COMMA_GAP.match(text, right)
        pos = gap.end() if gap else right
        word = _NEXT_WORD.match(text, pos)
        if word is not None and word.group(1).lower() in reg.coordinators:
            pos = word.end()
        elif gap is None or not gap.group(1):
            return None
        mod = reg.modifiers.at(text, pos, min(len(text), pos + 40))
        after = text[mod.end : mod.end + 2] if mod is not None else ""
        if mod is None or mod.value.feature != "country" or after[:1].isalnum() or (
                after[:1] == " " and after[1:2].isupper()):
            return None
        return mod

    yield from _conjuncts(reg, text, text[head_start:head_end], country, right, following, before=False)
