"""Who an act reaches, told by the words around it rather than by its own clause's object.

Why its own module: these are small look-arounds of the argument rules (peristiwa.extract.arguments), each a
general pattern of news language with its cue words in the pack's data: the two sides of "antara X dan Y",
the holder of an attacked place, the people an attack happened amid, those a visit went to, the phrase a
reduced relative clause tells of, and a subject separated from its predicate only by where it comes from.
"""

from __future__ import annotations

from .chunks import NP, coordinated
from .resources import SentView
from .triggers import Candidate

__all__ = ["adjacent", "amid", "between", "holder", "reduced_relative", "visited"]


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


def reduced_relative(sv: SentView, nps: list[NP], cand: Candidate) -> list[NP]:
    """ "The dead included Abu Ali, killed in an airstrike", "Emwazi, believed killed in a US airstrike": a
    passive participle set off by a comma after a phrase says what befell that phrase (a reduced relative
    clause; CGEL ch. 12), not what the clause's subject underwent."""
    if not (sv.syntax.participle_passive and cand.passive and cand.template.has("participle")) or cand.nominal:
        return []
    k = cand.start - 1
    while k > 0 and (sv.has_role(k, "adverb") or sv.words[k] in sv.syntax.passive_hedges):
        k -= 1
    if k < 1 or sv.words[k] != ",":
        return []
    before = [np for np in nps if np.end == k and not np.pp]
    return before[-1].expand() if before else []


def adjacent(sv: SentView, nps: list[NP], end: int, start: int, places: set[int] | None = None) -> bool:
    """Nothing but an origin phrase ("dari Desa X", ``places``: tokens inside place names) stands between
    ``end`` and ``start``."""
    return end <= start and all(sv.has_role(k, "source_prep") or k in (places or ()) or any(
        np.start <= k < np.end and np.pp == "source_prep" for np in nps) for k in range(end, start))
