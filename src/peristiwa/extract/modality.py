"""Modality of an event mention: asserted, negated, future or hypothetical (GUIDELINE).

Why cue scopes: Indonesian marks modality with free words before the predicate ("tidak ditangkap",
"akan bertemu", "jika ... menyerang"), after an event noun subject ("persidangan akan dimulai"), or once
for a whole sentence ("Rencananya ..."). ``modality.tsv`` gives each cue its scope; blockers ("tidak
hanya" = not only) are longer matches that win over the bare cue. The nearest cue before the trigger
decides, except that a conditional anywhere earlier in the clause makes the event hypothetical. A scope
prefixed "v" holds for verbal triggers only (English "to" before a verb, never before a noun).

A purpose infinitive states an aim, not an act ("raised funds to fight the regime"), except for the types
of ``[modality] purpose_asserted`` (PROTEST): "hundreds gathered outside the office to protest the
decision" reports the protest itself - the gathering was it. There the infinitive takes the modality of
the asserted past-tense act it serves, unless that act is only an intention or a call (``purpose_intent``:
"planned to protest", "called a strike to protest"). An attempted protest of these types is asserted
too (``attempt_asserted``: "were detained when they tried to stage a sit-in"): people gathered and were
stopped, which ACLED codes as a protest with intervention.
"""

from __future__ import annotations

from ..text.casing import OPENING_MARKS
from .lexicon import Match
from .resources import Resources, SentView

__all__ = ["generic_rule", "modality_of"]


def _cues(sv: SentView, res: Resources) -> list[Match]:
    key = "modality"
    if key not in sv.cache:
        names = frozenset(res.setting("modality", "name_homographs", default=()))
        sv.cache[key] = [m for m in res.modality.find_longest(sv.words, sv.heads(res.modality))
                         if not (names and sv.words[m.start] in names and _capitalised_inside(sv, m.start))]
    cues: list[Match] = sv.cache[key]
    return cues


def _capitalised_inside(sv: SentView, k: int) -> bool:
    """A modal that is also a name or a month (``[modality] name_homographs``), written with a capital
    inside the sentence, is the name: "on 14 May held a march", "Will Smith said", "Theresa May". The
    first word, a word after an opening quote or a colon, and words in capitals ("POLICE MAY ARREST") are
    cues as usual."""
    raw = sv.raw[k]
    return (k > 0 and raw[:1].isupper() and raw[1:].islower() and raw[1:].isalpha()
            and sv.raw[k - 1] not in _OPENERS)


#: tokens after which a capitalised word may open a new sentence or quotation (a bracket too: "[May ...")
_OPENERS = OPENING_MARKS | {"["}


#: irregular past forms per morphology (memoised: the resources of a pack live as long as the process)
_PAST: dict[int, frozenset[str]] = {}
_STOP_ROLES = ("clause_break", "speech", "relative", "coord", "clause_coord")


def _past_form(sv: SentView, res: Resources, k: int) -> bool:
    """Whether token ``k`` reads as a finite past-tense verb: a lower-case -ed form or an irregular past
    (``irregular_forms.tsv``), not right after a determiner or possessive (then it modifies a noun)."""
    w, raw = sv.words[k], sv.raw[k]
    if not raw.isalpha() or not raw.islower():
        return False
    past = _PAST.get(id(res.morph))
    if past is None:
        past = _PAST[id(res.morph)] = frozenset(
            f for (_, t), forms in res.morph.irregular.items() if t == "v-ed" for f in forms)
    if not ((len(w) > 4 and w.endswith("ed")) or w in past):
        return False
    return k == 0 or not sv.has_role(k - 1, "quant", "possessive", "demonstrative", "np_skip", "passive_aux", "aux")


def _attempts(res: Resources) -> frozenset[str]:
    """Cues of an attempt (``[modality] attempt_asserted``) that do not make a protest hypothetical."""
    return frozenset(res.setting("modality", "attempt_asserted", default=()))


def _purpose_of_past_act(sv: SentView, res: Resources, to: int) -> str | None:
    """The modality of the past-tense act a purpose "to" at token ``to`` serves ("gathered ... to protest"),
    or None when no such act stands before it in its clause or the act is an intention or a call."""
    intent = set(res.setting("modality", "purpose_intent", default=[]))
    for k in range(to - 1, max(-1, to - 25), -1):
        if sv.words[k] in intent or sv.words[k] in (";", ":"):
            return None
        if sv.has_role(k, *_STOP_ROLES) and not sv.raw[k][:1].isupper():  # "State" in a name is no speech verb
            return None
        if sv.words[k] == "to" and k < to and not _preposition_to(sv, k):
            return None  # another infinitive in between: "wanted to go there to protest"
        if _past_form(sv, res, k):
            return modality_of(sv, res, k, k + 1, 0, to, nominal=False)
    return None


def _preposition_to(sv: SentView, k: int) -> bool:
    """ "to" before a determiner, possessive, number or name is a preposition ("took out a march to the
    minister's residence to protest"), not the infinitive marker of another act."""
    j = k + 1
    return j < len(sv) and (sv.has_role(j, "quant", "demonstrative", "np_skip", "possessive")
                            or sv.words[j][:1].isdigit() or sv.is_upper(j))


def modality_of(sv: SentView, res: Resources, start: int, end: int, lo: int, hi: int, *, nominal: bool,
                purpose_ok: bool = False, attempt_ok: bool = False) -> str:
    """The modality of a trigger over tokens ``[start, end)`` in the clause ``[lo, hi)``; ``purpose_ok``:
    the trigger's type is one whose purpose infinitive after an asserted act reports the act itself;
    ``attempt_ok``: one whose attempt is the act ("tried to burn a man": the attack took place)."""
    best: tuple[int, str] | None = None
    conditional = False
    for m in _cues(sv, res):
        value = m.row.get("modality")
        scope = m.row.get("scope")
        if (purpose_ok and scope.startswith("v") and m.end == start and sv.words[m.start] in sv.syntax.purpose
                and not nominal):
            served = _purpose_of_past_act(sv, res, m.start)
            if served is not None:
                return served
        if attempt_ok and m.row.get("lemma") in _attempts(res):
            continue  # "were arrested when they tried to stage a demonstration": the attempt was the protest
        if scope == "sentence":
            if value != "none" and best is None:
                best = (len(sv), value)
            continue
        opener = scope == "clause"
        if scope.startswith("v"):  # verbs only ("to fight": an infinitive states a purpose, not an act)
            if nominal:
                continue
            scope, opener = scope[1:], True
        elif scope.startswith("n"):  # nouns only: an adjective ("a potential attack"; "a potential drug
            # suspect lobbed a grenade" says nothing of the lobbing), also over names between it and the
            # word ("a potential Turkish attack" is a noun phrase whatever reading the word got)
            if not nominal and not all(sv.is_upper(k) for k in range(m.end, start)):
                continue
            scope = scope[1:]
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


def generic_rule(sv: SentView, res: Resources, start: int) -> bool:
    """ "Orang dewasa yang terbukti bersalah karena menyerang seorang tentara bisa dipenjara", "Warga yang
    kedapatan melanggar akan dikenai sanksi": an act told in a relative clause on a bare subject noun whose
    own predicate is only possible, due or to come (``[modality] generic_predicates``) is about whoever
    would do it - a rule, not a report. The subject is a reduplicated plural or opens with a noun of
    anyone (``generic_subjects``: "orang", "setiap", "pelanggar"); one with a determiner, a number or a name
    is someone in particular. A sentence that also names a time reports; the caller checks that last,
    since it needs the document's dates and this test rarely passes."""
    rel = next((k for k in range(1, min(start, 5)) if sv.has_role(k, "relative")), None)
    if rel is None:
        return False
    words = frozenset(res.setting("modality", "generic_predicates", default=()))
    if not words:
        return False
    head = sv.words[0]
    plural = "-" in head and head.split("-", 1)[0] == head.split("-", 1)[1]  # "anak-anak": anyone of a kind
    if not (plural or head in res.setting("modality", "generic_subjects", default=())):
        return False
    if any(sv.has_role(k, "quant", "demonstrative") or sv.words[k][:1].isdigit() or (k > 0 and sv.is_upper(k))
           for k in range(rel)):
        return False
    return any(sv.words[k] in words for k in range(start + 1, len(sv)))
