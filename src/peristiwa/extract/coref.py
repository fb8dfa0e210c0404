"""Pronoun and definite-description resolution for event participants.

Why: participants are often pronouns ("Mereka takut ...", "Ia mengatakan ...") or definite descriptions
("militer negara itu"). The GUIDELINE wants the most specific mention, so a pronoun is replaced by the
phrase it stands for; a definite description keeps its own words but takes the identity of what it
refers to. Salience is simple and robust: the nearest earlier compatible phrase, subjects first, within
a few sentences. Pronoun kinds (person / group) are data (``pronouns.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from .arguments import NP
from .resources import Resources, SentView

__all__ = ["Antecedents", "Mention"]


@dataclass(frozen=True)
class Mention:
    """A noun phrase of sentence ``si`` that can be referred back to."""

    si: int
    np: NP
    kind: str  # person | group | place
    subject: bool


def _kind(sv: SentView, np: NP, doc: Document, place_spans: list[tuple[int, int]]) -> str:
    s, e = sv.char_span(np.start, np.end)
    for ent in doc.entities:
        if ent.start >= s and ent.end <= e and (ent.end - ent.start) * 2 >= (e - s):
            return {"PER": "person", "GPE": "place", "LOC": "place"}.get(ent.label, "group")
    if np.kind == "proper":
        if any(ps <= s and e <= pe for ps, pe in place_spans):
            return "place"
        if sv.class_within(np.start, np.end, "person_title"):
            return "person"
        names = [k for k in range(np.start, np.end) if sv.is_upper(k)]
        if len(names) >= 2 and not sv.class_within(np.start, np.end, "group_noun"):
            return "person"
        return "group"
    if sv.class_within(np.start, np.head + 1, "person_title") and not sv.class_within(np.start, np.end, "group_noun"):
        return "person"
    return "group"


class Antecedents:
    """All referable noun phrases of a document, in reading order."""

    def __init__(self, doc: Document, views: list[SentView], nps: dict[int, list[NP]], res: Resources) -> None:
        self.res = res
        self.views = views
        place_spans = [(p.start, p.end) for p in doc.places]
        self.mentions: list[Mention] = []
        for sv in views:
            first = True
            for np in nps.get(sv.index, []):
                if np.kind == "pronoun" or np.pp:
                    continue
                self.mentions.append(Mention(sv.index, np, _kind(sv, np, doc, place_spans), first))
                first = False

    def resolve(self, si: int, np: NP, max_back: int = 3) -> Mention | None:
        """The phrase a pronoun refers to (None when nothing fits)."""
        word = self.views[si].words[np.start]
        kind, _number = self.res.pronouns.get(word, ("any", "any"))
        wanted = {"person": ("person",), "group": ("group", "place"), "any": ("person", "group", "place")}.get(
            kind, ("person", "group", "place")
        )
        best: Mention | None = None
        best_key: tuple[int, int, int] | None = None
        for m in self.mentions:
            if m.si > si or (m.si == si and m.np.start >= np.start) or si - m.si > max_back:
                continue
            if m.kind not in wanted:
                continue
            dist = si - m.si
            key = (dist, 0 if (m.subject and dist > 0) else 1, -m.np.start)
            if best_key is None or key < best_key:
                best, best_key = m, key
        return best

    def resolve_place(self, si: int, before: int, max_back: int = 3) -> Mention | None:
        """The country/state a "negara itu" refers to."""
        cands = [m for m in self.mentions if m.kind == "place" and (m.si < si or (m.si == si and m.np.start < before))
                 and si - m.si <= max_back]
        return cands[-1] if cands else None
