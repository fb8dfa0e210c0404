"""Modality of an event mention: asserted, negated, future or hypothetical (GUIDELINE).

Why cue scopes: Indonesian marks modality with free words before the predicate ("tidak ditangkap",
"akan bertemu", "jika ... menyerang"), after an event noun subject ("persidangan akan dimulai"), or once
for a whole sentence ("Rencananya ..."). ``modality.tsv`` gives each cue its scope; blockers ("tidak
hanya" = not only) are longer matches that win over the bare cue. The nearest cue before the trigger
decides, except that a conditional anywhere earlier in the clause makes the event hypothetical. A scope
prefixed "v" holds for verbal triggers only (English "to" before a verb, never before a noun).
"""

from __future__ import annotations

from .lexicon import Match
from .resources import Resources, SentView

__all__ = ["modality_of"]


def _cues(sv: SentView, res: Resources) -> list[Match]:
    key = "modality"
    if key not in sv.cache:
        sv.cache[key] = res.modality.find_longest(sv.words, sv.heads(res.modality))
    cues: list[Match] = sv.cache[key]
    return cues


def modality_of(sv: SentView, res: Resources, start: int, end: int, lo: int, hi: int, *, nominal: bool) -> str:
    """The modality of a trigger over tokens ``[start, end)`` in the clause ``[lo, hi)``."""
    best: tuple[int, str] | None = None
    conditional = False
    for m in _cues(sv, res):
        value = m.row.get("modality")
        scope = m.row.get("scope")
        if scope == "sentence":
            if value != "none" and best is None:
                best = (len(sv), value)
            continue
        opener = scope == "clause"
        if scope.startswith("v"):  # verbs only ("to fight": an infinitive states a purpose, not an act)
            if nominal:
                continue
            scope, opener = scope[1:], True
        if scope.startswith("+"):
            if nominal and end <= m.start < hi and m.start - end <= int(scope[1:]):
                dist = m.start - end
                if best is None or dist < best[0]:
                    best = (dist, value)
            continue
        reaches = sv.syntax.head_final and m.end >= lo and m.end - m.start > 1  # "trying to | arrest"
        if m.end > start or (m.start < lo - (1 if opener else 0) and not reaches):
            continue  # a conditional word opening the clause ("jika ...") is itself the clause boundary
        dist = start - m.end
        if scope == "clause":
            if value == "hypothetical":
                conditional = True
            elif best is None or dist < best[0]:
                best = (dist, value)
            continue
        limit = int(scope.lstrip("-") or 0)
        if dist < limit and (best is None or dist < best[0]):
            best = (dist, value)
    if conditional:
        return "hypothetical"
    if best is None or best[1] == "none":
        return "asserted"
    return best[1]
