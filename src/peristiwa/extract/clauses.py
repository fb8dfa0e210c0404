"""Clause boundaries inside a sentence: the span the argument rules search for a trigger's participants.

Why a separate module: the event rules (arguments, composition of triggers, attachment of dates and places)
all ask "which clause is this word in", and they must agree; the boundaries are punctuation, clause-opening
words and speech verbs of the pack's ``argument_cues.tsv`` (not a parse: see :mod:`.arguments`).
"""

from __future__ import annotations

from .chunks import FUNCTION_ROLES, PP_ROLES, acronym_colon, ends_fronted_clause
from .resources import SentView

__all__ = ["clause_bounds", "verbish"]

_BOUNDARY_PUNCT = {";", ":", "“", "”", '"', "?", "!"}
_DASHES = {"-", "–", "—"}


def clause_bounds(sv: SentView, start: int, end: int) -> tuple[int, int]:
    """Token range of the clause around tokens ``[start, end)`` (memoised on the view)."""
    memo: dict[tuple[int, int], tuple[int, int]] = sv.cache.setdefault("clauses", {})
    found = memo.get((start, end))
    if found is None:
        found = memo[(start, end)] = _clause_bounds(sv, start, end)
    return found


def _clause_bounds(sv: SentView, start: int, end: int) -> tuple[int, int]:

    def adverbial(k: int) -> bool:
        # a reporting verb used as an adverb before its predicate ("dilaporkan tewas" = reportedly killed;
        # "dilaporkan bahwa" is a report)
        return (sv.has_role(k, "aux") and sv.has_role(k, "speech") and not sv.has_role(k, "clause_break")
                and k + 1 < len(sv) and sv.words[k + 1][:1].isalpha()
                and not sv.has_role(k + 1, "clause_break", "speech"))

    def boundary(k: int) -> bool:
        w = sv.words[k]
        if w in _BOUNDARY_PUNCT:
            return not (w == ":" and acronym_colon(sv, k))
        if sv.has_role(k, "clause_break", "speech"):
            # not when the word opens a longer fixed phrase ("saat ini" = now), nor an adverbial report
            if adverbial(k):
                return False
            if not sv.has_role(k, "clause_break") and sv.in_name(k):
                return False  # a speech verb inside a name is a name's word: "Islamic State", "Said Aqil"
            return not any(end > k + 1 for end, role in sv.role_starts.get(k, ()) if role == "aux")
        if w == ",":
            nxt = k + 1 < len(sv) and sv.has_role(k + 1, "clause_break", "speech") and not adverbial(k + 1)
            prv = k > 0 and sv.has_role(k - 1, "speech")
            return nxt or prv or ends_fronted_clause(sv, k)
        if w in _DASHES and sv.index == 0 and k < 10 and not any(sv.words[x] in _DASHES for x in range(k)):
            return True  # "Jakarta, CNN Indonesia -- Pasukan Irak ...": the dateline is no clause
        return w in sv.syntax.purpose and k + 1 < len(sv) and verbish(sv, k + 1)

    lo = 0
    for k in range(start - 1, -1, -1):
        if boundary(k):
            lo = k + 1
            break
    hi = len(sv)
    for k in range(end, len(sv)):
        if boundary(k):
            hi = k
            break
    return lo, hi


def verbish(sv: SentView, k: int) -> bool:
    """Whether token ``k`` reads as a verb (opening a purpose clause after "untuk"/"to")."""
    word = sv.words[k]
    prefixes = sv.syntax.verb_prefixes
    if prefixes:  # a preposition spelled like a verb ("menurut", "mengenai") is none
        return len(word) > 4 and word.startswith(prefixes) and not sv.has_role(k, *PP_ROLES)
    # no verbal prefixes (English): a lower-case content word that opens no noun phrase
    return (word.isalpha() and sv.raw[k].islower() and not sv.has_role(k, *FUNCTION_ROLES)
            and not sv.has_role(k, "actor_head", "actor_mod", "np_skip"))
