"""Who an act reaches, told by the words around it rather than by its own clause's object.

Why its own module: these are small look-arounds of the argument rules (peristiwa.extract.arguments), each a
general pattern of news language with its cue words in the pack's data: the two sides of "antara X dan Y",
the holder of an attacked place, the people an attack happened amid, and those a visit went to.
"""

from __future__ import annotations

from .chunks import NP, coordinated
from .resources import SentView

__all__ = ["amid", "between", "holder", "visited"]


def between(sv: SentView, nps: list[NP], j: int, hi: int, window: int | None = None) -> list[NP]:
    """ "antara X dan Y" / "between X and Y" within ``window`` tokens after ``j`` (the pack's
    ``between_window`` by default): both sides."""
    for k in range(j, min(hi, j + (window or sv.syntax.between_window))):
        if sv.has_role(k, "between"):
            after = [np for np in nps if np.start == k + 1]
            if after:
                items = coordinated(sv, nps, after[0])
                if len(items) == 1:  # "antara X dan Y" / "antara X dengan Y": Y follows without a list head
                    nxt = [np for np in nps if np.start == after[0].end + 1
                           and sv.has_role(after[0].end, "coord", "with_prep")]
                    items += nxt
                return [m for item in items for m in item.expand()]
    return []


def holder(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """ "menyerang kota Mosul yang dikuasai ISIS", "shelled areas held by the rebels": an attack on a place
    hits whoever holds it, the agent right after a verb of holding (word class ``holder``)."""
    for k in range(j, min(hi, j + 12)):
        if sv.has_class(k, "holder"):
            return [np for np in nps if np.start in (k + 1, k + 2) and np.pp in (None, "agent_prep")][:1]
    return []


def amid(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """ "serangan truk di tengah kerumunan di Stockholm": the people an attack happened in the middle of (an
    ``amid_prep`` within a few words of the attack noun) are the ones it struck."""
    for k in range(j, min(hi, j + 4)):
        ends = [e for e, role in sv.role_starts.get(k, ()) if role == "amid_prep"]
        if ends:
            return [np for np in nps if np.start == ends[0] and np.kind == "common" and not np.place][:1]
    return []


def visited(sv: SentView, nps: list[NP], lo: int, outer: int) -> list[NP]:
    """ "mengunjungi tempat pengungsian warga Palestina untuk menyalurkan bantuan": aid given in a purpose
    clause goes to the people the main clause's verb of visiting (word class ``visit_verb``) went to
    (``lo``: where the purpose clause starts, after its ``control`` word; ``outer``: where the main one does)."""
    if lo < 2 or sv.words[lo - 1] not in sv.syntax.control:
        return []
    for k in range(lo - 2, outer - 1, -1):
        if sv.has_class(k, "visit_verb"):
            return [np for np in nps if k < np.start and np.end < lo and not np.pp and not np.place][:1]
    return []
