"""Trigger detection: which words of a sentence express an event, of which PLOVER type.

Why rows with conditions: a root is not a type. "serangan" is an attack except in "serangan jantung";
"mengamankan" is an arrest with a person as object, a seizure with goods, a deployment with a place;
"aksi" is a protest only among protest words. Each sense is one row of ``triggers.tsv`` with the
conditions that select it (see the file header); this module evaluates them. Rows are tried longest
first, then in table order, so conditioned senses sit above the general one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import msgspec

from .lexicon import Match, Row
from .morphology import Template
from .resources import Resources, SentView

__all__ = ["Candidate", "DocContext", "expression_tail", "find_candidates", "first_content", "opens_np"]


class DocContext:
    """Document-level facts some conditions need (e.g. "this is a sports report"), computed on demand."""

    def __init__(self, views: list[SentView], res: Resources) -> None:
        self.views = views
        self.res = res
        self._counts: dict[str, int] | None = None

    @classmethod
    def build(cls, views: list[SentView], res: Resources) -> DocContext:
        return cls(views, res)

    def about(self, klass: str, threshold: int = 3) -> bool:
        """Whether at least ``threshold`` different one-word ``klass`` cues occur in the document."""
        if self._counts is None:
            seen: dict[str, set[str]] = {}
            # only words a class row can open at have rows (the heads, from the views' per-word masks)
            vocab = {sv.words[i] for sv in self.views for i in sv.heads(self.res.classes)}
            for w in vocab:
                for row, _template in self.res.classes.lookup(w):
                    if not row.tail:
                        seen.setdefault(row.get("class"), set()).add(w)
            self._counts = {c: len(ws) for c, ws in seen.items()}
        return self._counts.get(klass, 0) >= threshold


@dataclass
class Candidate:
    """A trigger occurrence: tokens ``[start, end)`` of sentence ``sv`` read as an event of ``type``."""

    sv: SentView
    start: int
    end: int
    row: Row
    template: Template
    type: str
    modes: list[str]
    conf: float
    frame: str
    voice: bool | None = None  # passive read from context (English participles); None: the template says
    attributive: bool = False  # "fleeing civilians", "protesting students": the noun after it acts
    subject_trigger: tuple[int, int] | None = None  # "the clash killed": the event noun before the verb

    @property
    def nominal(self) -> bool:
        """Event nouns (serangan, penangkapan, pertemuan) rather than verbs."""
        return self.template.nominal

    @property
    def passive(self) -> bool:
        """The clause subject is the patient (di-/ter- forms; "was attacked", "civilians killed in ...")."""
        return self.template.passive if self.voice is None else self.voice

    def text(self) -> str:
        return " ".join(self.sv.raw[self.start : self.end])


_SKIP_ROLES = ("quant", "aux", "np_skip", "demonstrative")


def first_content(sv: SentView, j: int, limit: int = 4) -> int | None:
    """Index of the first token from ``j`` that is not a quantifier, auxiliary, number or adjective."""
    for k in range(j, min(len(sv), j + limit)):
        w = sv.words[k]
        if w[:1].isdigit() or sv.has_role(k, *_SKIP_ROLES):
            continue
        if not w[:1].isalnum():
            return None
        return k
    return None


@functools.lru_cache(maxsize=4096)
def _words(spec: str) -> frozenset[str]:
    return frozenset(w for w in spec.split("|") if w)


@functools.lru_cache(maxsize=4096)
def _split_conditions(conds: str) -> tuple[str, ...]:
    """A row's ``cond`` cell as its conditions (parsed once per distinct cell, not at every match)."""
    return tuple(c.strip() for c in conds.split(";") if c.strip())


def _check(cond: str, sv: SentView, m: Match, doc: DocContext) -> bool:
    kind, _, arg = cond.partition(":")
    if kind == "lower":  # written in lower case ("march" the protest, not the month)
        return not sv.raw[m.start][:1].isupper()
    if kind in ("noun", "verb"):  # the reading of the trigger word (English noun/verb forms)
        return m.template.nominal == (kind == "noun")
    if kind in ("passive", "notpassive"):  # a participle read as passive here ("were hurt")
        found = m.template.has("participle") and _participle_passive(sv, m.start, m.end)
        return found if kind == "passive" else not found
    if kind in ("next", "notnext"):
        ok = m.end < len(sv) and sv.words[m.end] in _words(arg)
        return ok if kind == "next" else not ok
    if kind in ("prev", "notprev"):
        ok = m.start > 0 and sv.words[m.start - 1] in _words(arg)
        return ok if kind == "prev" else not ok
    if kind in ("win", "notwin", "after", "notafter", "before", "notbefore"):
        n_text, _, klass = arg.partition(":")
        n = int(n_text)
        if kind in ("after", "notafter"):
            return sv.class_within(m.end, m.end + n, klass) == (kind == "after")
        if kind in ("before", "notbefore"):
            return sv.class_within(max(0, m.start - n), m.start, klass) == (kind == "before")
        ok = sv.class_within(m.start - n, m.start, klass) or sv.class_within(m.end, m.end + n, klass)
        return ok if kind == "win" else not ok
    if kind in ("form", "notform"):  # the matched word opens with one of these ("tertahan": stuck, not held)
        ok = sv.words[m.start].startswith(tuple(_words(arg)))
        return ok if kind == "form" else not ok
    if kind in ("sent", "notsent"):
        ok = sv.class_within(0, len(sv), arg)
        return ok if kind == "sent" else not ok
    if kind == "notdoc":
        return not doc.about(arg)
    if kind in ("obj", "notobj"):
        k = first_content(sv, m.end)
        if k is None:
            found = False
        elif arg == "actor":
            found = sv.is_upper(k) or sv.has_role(k, "actor_head")
        elif arg == "person":  # a common noun of people or a pronoun ("hit a journalist"), not a place name
            found = (sv.has_role(k, "actor_head") and not sv.is_upper(k)) or sv.words[k] in sv.res.pronouns
        else:
            found = sv.has_class(k, arg)
        return found if kind == "obj" else not found
    raise ValueError(f"unknown trigger condition {cond!r}")


def expression_tail(c: Candidate) -> list[int]:
    """The closing words of an expression that holds its object ("took 10 sailors *hostage*", "set a bus
    *on fire*": the words of the class an ``after:N:CLASS`` condition of the trigger's row found): no part
    of the object's noun phrase."""
    out: list[int] = []
    for cond in _split_conditions(c.row.get("cond") or ""):
        kind, _, arg = cond.partition(":")
        if kind == "after":
            n, _, klass = arg.partition(":")
            out.extend(k for k in range(c.end, min(len(c.sv), c.end + int(n))) if c.sv.has_class(k, klass))
    return out


def _conditions_hold(sv: SentView, m: Match, doc: DocContext) -> bool:
    conds = m.row.get("cond")
    if not conds:  # most rows: no condition to parse or test
        return True
    return all(_check(c, sv, m, doc) for c in _split_conditions(conds))


def _topic(sv: SentView, start: int) -> bool:
    """An event noun right after "terkait/tentang/mengenai" names a topic, not an event; so does one a few
    words after a verb of content ("Perpres itu mengatur sejumlah hal, termasuk sanksi ...")."""
    if any(sv.has_role(k, "content_verb") for k in range(max(0, start - 6), start)):
        return True
    for k in (start - 1, start - 2):
        if k >= 0 and sv.has_role(k, "topic_prep"):
            return True
        if k >= 0 and not sv.has_role(k, "np_skip", "quant"):
            break
    return False


def _inside_name(sv: SentView, start: int, end: int) -> bool:
    """Title-case trigger words inside a capitalised name ("Organisasi Pelarangan Senjata Kimia")."""
    if start == 0 or sv.raw[start - 1] in ("“", '"', "(", "‘", "'", "-", ":"):
        return False
    words = sv.raw[start:end]
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    prev_cap = sv.raw[start - 1][:1].isupper()
    next_cap = end < len(sv) and sv.raw[end][:1].isupper()
    return prev_cap or next_cap


_NOMINAL_BEFORE = ("quant", "demonstrative", "np_skip", "possessive")
_PREPS = ("prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between",
          "genitive_prep")
_NOUN_COMPLEMENT = ("genitive_prep", "target_prep", "agent_prep", "between")


def _possessive(sv: SentView, k: int) -> bool:
    endings = sv.syntax.possessive_endings
    return bool(endings) and (sv.words[k].endswith(endings) or sv.has_role(k, "possessive"))


def _np_end(sv: SentView, k: int) -> bool:
    """Whether token ``k`` can end a noun phrase (a name, an actor noun, a plural noun, a pronoun)."""
    if k > 0 and sv.has_role(k, "quant") and sv.words[k - 1][:1].isdigit():
        return True  # "2 others", "3 more": a counted pronoun
    if sv.has_role(k, *_PREPS, "aux", "coord", "clause_break", "speech", "relative", "quant"):
        return False
    return sv.is_upper(k) or sv.has_role(k, "actor_head") or sv.words[k] in sv.res.pronouns


def _before_adverbs(sv: SentView, start: int) -> int:
    """The token before ``start`` past any adverbs ("troops reportedly recapture"), -1 at the sentence start."""
    k = start - 1
    while k >= 0 and sv.has_role(k, "adverb"):
        k -= 1
    return k


def _nominal_context(sv: SentView, start: int, end: int, gerund: bool) -> bool:
    """Read an ambiguous form as a noun ("an attack on", "the killing of", "following clashes") or a verb
    ("rebels attack the town", "to attack", ", killing two") from its neighbours (English)."""
    k = _before_adverbs(sv, start)
    nxt = end < len(sv) and sv.has_role(end, *_NOUN_COMPLEMENT)
    if k < 0:
        return not gerund or (end < len(sv) and sv.has_role(end, "genitive_prep"))
    if sv.has_role(k, "aux", "infinitive", "passive_aux"):
        return False
    if _possessive(sv, k) or sv.has_role(k, *_NOMINAL_BEFORE) or sv.words[k][:1].isdigit():
        return True
    if gerund:
        return _listed_after_prep(sv, start) or (end < len(sv) and sv.has_role(end, "genitive_prep"))
    if sv.has_role(k, *_PREPS) or nxt:
        return True
    if (_np_end(sv, k) and sv.raw[k].islower() and k > 0
            and (sv.has_role(k - 1, "quant", "possessive", "np_skip") or _possessive(sv, k - 1))):
        return True  # "a police raid", "the army's artillery attack": a noun compound
    return not _np_end(sv, k) and sv.words[k] not in (",", ";", ":")


def _strongly(sv: SentView, start: int) -> str:
    """What the word before ``start`` demands: "noun" after a determiner, possessive, number or adjective,
    "verb" after an auxiliary, "to" or a form of "be"; "" when it says nothing."""
    k = _before_adverbs(sv, start)
    if k < 0:
        return ""
    if sv.has_role(k, "aux", "infinitive", "passive_aux"):
        return "" if k > 0 and sv.has_role(k - 1, "existential") else "verb"  # "there were explosions"
    if _possessive(sv, k) or sv.has_role(k, *_NOMINAL_BEFORE) or (
            sv.words[k][:1].isdigit() and not _unit_number(sv, k)):
        return "noun"
    if (_np_end(sv, k) and sv.raw[k].islower() and k > 0
            and (sv.has_role(k - 1, "quant", "possessive", "np_skip") or _possessive(sv, k - 1))):
        return "noun"  # "a police station": a noun compound
    w = sv.raw[k]
    if w.islower() and w.endswith(("ed", "ing")) and len(w) > 4 and not sv.has_role(
        k, *_PREPS, "clause_break", "speech", "passive_aux"
    ):
        return "noun"  # "an improvised bomb", "a polling station": a participle before a noun
    return ""


def _subject_end(sv: SentView, k: int) -> bool:
    """Whether token ``k`` can end the subject of a present-tense verb: a name, an actor noun, a pronoun,
    or a member noun ("party cadres kill", "members beat")."""
    if _unit_number(sv, k):
        return True  # "battalion 58 fired"
    if _np_end(sv, k):
        return sv.is_upper(k) or sv.has_role(k, "actor_head") or sv.words[k] in sv.res.pronouns
    return sv.has_role(k, "member_head") and not sv.has_role(k, *_PREPS, "aux", "coord", "quant")


def _headline_verb(sv: SentView, k: int, end: int) -> bool:
    """A present-tense verb after a common noun that goes on to count its victims is a clause of the
    headline style: "US drone kills at least 5", "blast kills 12", "bomb injures two" (CGEL ch. 3: the
    "headline present" for a past event); "bamboo shoots" count nothing."""
    w = sv.raw[k]
    return (end < len(sv) and (sv.words[end][:1].isdigit() or sv.has_role(end, "quant"))
            and sv.words[end] not in sv.res.pronouns and w.isalpha() and w.islower()
            and not sv.has_role(k, *_PREPS, "aux", "coord", "clause_break", "speech", "relative", "quant",
                                "adverb", "particle", "passive_aux", "infinitive", "possessive"))


def _unit_number(sv: SentView, k: int) -> bool:
    """A number naming the unit before it ("battalion 58", "Brigade 33"), not counting what follows."""
    return k > 0 and sv.words[k].isdigit() and (sv.has_role(k - 1, "actor_head") or sv.is_upper(k - 1))


def _takes_object(sv: SentView, j: int) -> bool:
    """Whether a verb's object or target opens at ``j``: a noun phrase ("kill a teacher") or a target or
    direction preposition ("gunmen shoot at students", "soldiers open fire on a village")."""
    return opens_np(sv, j) or (sv.has_role(j, "target_prep", "dir_prep") and not sv.has_role(j, "infinitive"))


def _reading(sv: SentView, m: Match, after_verb: bool = False) -> Match | None:
    """The match with an ambiguous (noun or verb) template settled from context; None when an unambiguous
    base or -s form cannot be read so here (a verb row's "shell" after "artillery"). ``after_verb``: a
    trigger before it in the sentence was read as a verb (a coordinated verb shares its subject)."""
    t = m.template
    if m.end - m.start == 1 and sv.has_class(m.start, "ing_adjective") and m.end < len(sv) and sv.raw[m.end].islower() \
            and sv.raw[m.end].isalpha() and not sv.has_role(m.end, *_PREPS, "coord", "aux", "quant", "possessive",
                                                           "demonstrative", "adverb", "particle", "relative"):
        return None  # "support opposing factions", "the ruling party": an adjective before its noun
    if not t.alternatives:
        subject_before = m.start > 0 and sv.has_role(m.start - 1, "actor_head")  # "Armed men attacked soldiers"
        if t.has("participle") and not subject_before and _strongly(sv, m.start) == "noun" and m.end < len(sv) and (
            sv.has_role(m.end, "actor_head") or sv.raw[m.end] in ("“", "‘", '"') or (
                sv.raw[m.end].isalpha() and sv.raw[m.end].islower() and sv.words[m.end] not in sv.res.pronouns
                and not sv.has_role(m.end, *_PREPS, "coord", "aux", "quant", "demonstrative", "possessive",
                                    "adverb", "particle", "clause_break", "relative"))
        ):
            return None  # "their captured nationals", "the wounded soldiers": an adjective, not an act
        if _noun_gerund(sv, m):
            return None  # "compared the bombing": a noun; the noun row of the word reads it (if there is one)
        if t.has("participle") or t.has("gerund") or not (t.nominal or t.has("verbal")):
            return m
        want = _strongly(sv, m.start)
        if want == "verb" and t.nominal and not (t.suffix and start_after_infinitive(sv, m.start)):
            return None
        k = m.start - 1
        while k > 0 and sv.has_role(k, "adverb"):
            k -= 1  # "troops reportedly recapture ...": the subject stands before the adverb
        subject = k >= 0 and _subject_end(sv, k)
        # "gunmen kill one and injure two", "opened fire on the village, injure three": a verb coordinated
        # with a verb read before it in the sentence shares its subject
        subject = subject or (after_verb and k >= 0 and (sv.has_role(k, "coord") or sv.words[k] == ","))
        if want == "noun" and not t.nominal and not (
            subject and not t.suffix and not _possessive(sv, k) and m.end < len(sv) and _takes_object(sv, m.end)
        ) and not (t.suffix and _headline_verb(sv, k, m.end)):
            return None  # a verb-only row after "armed men", "the army's": a noun compound, unless the
            # words around it make a clause ("armed men hijack a bus", "armed forces recapture areas")
        if t.suffix and not t.nominal and not want and k >= 0 and not subject and not _headline_verb(sv, k, m.end):
            return None  # a present-tense verb needs its subject: "bamboo shoots" is no shooting
        if (sv.syntax.head_final and not t.suffix and not t.nominal and t.has("verbal") and not want and k >= 0
                and sv.words[k] not in sv.res.pronouns
                and not (subject and m.end < len(sv) and (_takes_object(sv, m.end) or sv.has_role(m.end, *_PREPS)))):
            return None  # a bare verb needs an auxiliary, "to", or a subject and an object or adjunct
            # ("KPK officials demonstrate in front of their office")
        return m
    verbal = next((a for a in t.alternatives if not a.nominal), t.alternatives[0])
    nominal = next((a for a in t.alternatives if a.nominal), t.alternatives[-1])
    gerund = verbal.has("gerund")
    if verbal.suffix and not gerund and start_after_infinitive(sv, m.start):
        return msgspec.structs.replace(m, template=nominal)  # "in response to attacks": no verb ends in -s after "to"
    return msgspec.structs.replace(m, template=nominal if _nominal_context(sv, m.start, m.end, gerund) else verbal)


def _noun_gerund(sv: SentView, m: Match) -> bool:
    """The -ing form of a verb row (VV: no noun sense) after a determiner, or listed after a noun: a noun."""
    return m.template.has("gerund") and not m.template.nominal and (
        _determined(sv, m.start) or _listed_after_prep(sv, m.start))


def _listed_after_prep(sv: SentView, start: int) -> bool:
    """ "killed in airstrikes and shelling": the -ing form is the second noun of a preposition's object."""
    k = _before_adverbs(sv, start)
    if k < 2 or not sv.has_role(k, "coord"):
        return False
    for j in (k - 2, k - 3):  # the first noun right after the preposition, or after one modifier
        if j < 0 or not all(sv.raw[x].isalpha() for x in range(j + 1, k)):
            return False
        if sv.has_role(j, *_PREPS):
            return True
    return False


def _determined(sv: SentView, start: int) -> bool:
    """A determiner, possessive or number stands right before ``start`` (adverbs skipped, and the names
    of a compound: "the Manchester Arena bombing")."""
    k = _before_adverbs(sv, start)
    names = 0
    while k > 0 and names < 4 and sv.is_upper(k) and not _possessive(sv, k):
        k, names = k - 1, names + 1
    return k >= 0 and (_possessive(sv, k) or sv.has_role(k, *_NOMINAL_BEFORE) or sv.words[k][:1].isdigit())


def start_after_infinitive(sv: SentView, start: int) -> bool:
    """Whether the token before ``start`` is an infinitive marker ("to")."""
    return start > 0 and sv.has_role(start - 1, "infinitive")


def _aux_before(sv: SentView, pos: int) -> bool:
    """A passive auxiliary ("was", "were been", "got") within four tokens before ``pos`` (adverbs skipped)."""
    k = pos - 1
    while k >= 0 and k >= pos - 5:
        if sv.has_role(k, "passive_aux"):
            return True
        if sv.has_role(k, "aux", "adverb") or (sv.has_role(k, "quant") and k > 0 and sv.has_role(k - 1, "passive_aux")):
            k -= 1  # "were all killed": a floating quantifier after the auxiliary
            continue
        return False
    return False


def opens_np(sv: SentView, j: int) -> bool:
    """Whether token ``j`` can open an object noun phrase ("the village", "tear gas", "two men")."""
    w = sv.words[j]
    if sv.has_role(j, "possessive") or (w in sv.res.pronouns and not sv.has_role(j, "relative")):
        return True
    if sv.has_role(j, "quant", "actor_head", "actor_mod") or w[:1].isdigit():
        return True
    if sv.has_role(j, *_PREPS, "clause_break", "speech", "aux", "adverb", "particle", "relative", "coord",
                   "clause_coord", "passive_aux", "infinitive"):
        return False
    # (a hyphenated word opens one too: "anti-personnel mines", "pro-government fighters")
    return sv.is_upper(j) or (w.replace("-", "").isalpha() and not w.endswith("ly"))


def _attributive(sv: SentView, cand: Candidate) -> bool:
    """ "shot fleeing civilians", "tear gas at protesting students": the -ing form of an intransitive
    trigger (frame A) right before a lower-case actor noun, not after one, modifies that noun: the noun's
    people do it, and the verb before takes them as its object (``_after`` steps over the word)."""
    k, end = cand.start, cand.end
    return (cand.frame == "A" and end == k + 1 and end < len(sv) and cand.template.has("gerund")
            and sv.raw[k].islower() and sv.has_role(end, "actor_head") and sv.raw[end].islower()
            and not (k > 0 and (sv.has_role(k - 1, "actor_head") or sv.is_upper(k - 1))))


def _passive_earlier(sv: SentView, coord: int) -> bool:
    """ "were arrested by the army and killed": the clause before the coordinator is passive (a participle
    right after a passive auxiliary, its agent phrase between), so the participle after it is passive too.
    The scan stops at a clause boundary: "men who were arrested escaped and killed a guard" is active."""
    for j in range(coord - 1, max(0, coord - 9), -1):
        if sv.has_role(j, "relative", "clause_break", "coord") or sv.words[j] in (",", ";"):
            return False
        if sv.has_role(j - 1, "passive_aux") and not sv.has_role(j, "aux", "passive_aux", "adverb"):
            return True
    return False


def _listed_passive(sv: SentView, sep: int) -> bool:
    """The participles listed before the separator ``sep`` ("," or "and") follow a passive auxiliary."""
    j = sep - 1
    while j >= 0 and sv.words[j].endswith("ed"):
        if _aux_before(sv, j):
            return True
        if j < 2 or sv.words[j - 1] != ",":
            return False
        j -= 2
    return False


def _participle_passive(sv: SentView, start: int, end: int) -> bool:
    """Whether a participle ("attacked", "shot dead") is passive here: after a passive auxiliary, before
    an agent "by", or with no object right after a noun ("two soldiers killed in a clash")."""
    if _aux_before(sv, start) or (start > 1 and sv.words[start - 1] in sv.syntax.passive_hedges
                                  and sv.words[start - 2] == ","):
        return True  # "Mohammed Emwazi, believed killed in a US airstrike": believed to have been killed
    if start > 1 and sv.words[start - 1] == "," and _listed_passive(sv, start - 1):
        return True  # "were arrested, interrogated, tortured": a list after one auxiliary
    n = len(sv)
    for j in range(end, min(n, end + 4)):
        if sv.has_role(j, "agent_prep"):
            return True
        if not sv.has_role(j, "adverb", "particle"):
            break
    if any(not sv.has_role(k, "particle") for k in range(start + 1, end)):
        return False  # "exchanged gunfire", "opened fire": the expression holds its own object
    if end + 1 < len(sv) and sv.has_role(end, "coord") and sv.words[end + 1].endswith("ed") and not _aux_before(
        sv, start
    ):
        return False  # "attacked and raided a police outpost": coordinated verbs share the object
    j = end
    while j < n and sv.has_role(j, "adverb", "particle"):
        j += 1
    if j < n and opens_np(sv, j):
        return False
    if (j < n and sv.has_role(j, "target_prep", "dir_prep", "with_prep") and not sv.has_role(j, "infinitive")
            and not (j + 1 < n and sv.has_class(j + 1, "time") and not (j + 2 < n and opens_np(sv, j + 2)))):
        return False  # "shot at protesters", "attacked with mortars": an active verb with its target or means
    k = start - 1
    while k > 0 and sv.has_role(k, "adverb") and not sv.has_role(k, "coord"):
        k -= 1  # "2 others seriously injured": the adverb stands between the noun and its participle
    if k >= 0 and sv.has_role(k, "coord"):
        # "were arrested and detained", "were arrested, tortured and released"
        return k > 0 and (_aux_before(sv, k) or _passive_earlier(sv, k) or _listed_passive(sv, k))
    if k >= 2 and (sv.words[k][:1].isdigit() or sv.has_role(k, "quant")) and sv.has_role(k - 1, "coord") \
            and _aux_before(sv, k - 2):
        return True  # "three were killed and 10 wounded": the auxiliary of the first clause is shared
    if k >= 1 and sv.words[k] == "," and _np_end(sv, k - 1) and not sv.has_role(k - 1, "relative"):
        return True  # "The suspect, arrested on Monday, appeared in court": a reduced relative clause
    return k >= 0 and _np_end(sv, k) and not sv.has_role(k, "relative") and not sv.has_class(k, "attack_platform")


def find_candidates(sv: SentView, res: Resources, doc: DocContext) -> list[Candidate]:
    """Trigger candidates of one sentence, left to right, longest non-overlapping senses."""
    out: list[Candidate] = []
    if sv.boilerplate:
        return out
    syn = res.syntax
    after = 0  # the end of the last trigger chosen: the next one starts there or later
    verb_seen = False  # a trigger chosen before was read as a verb
    for i in sv.heads(res.triggers):  # match_at(i) finds nothing at the other positions
        if i < after:
            continue
        chosen = fallback = None
        for m in res.triggers.match_at(sv.words, i):
            if syn.pos_from_context:
                read = _reading(sv, m, verb_seen)
                if read is None:
                    if fallback is None and _noun_gerund(sv, m) and _conditions_hold(sv, m, doc):
                        fallback = m  # "a gathering": no noun row of the word; the verb row's reading stands
                    continue
                m = read
            if _conditions_hold(sv, m, doc):
                chosen = m
                break
        chosen = chosen or fallback
        if chosen is None:
            continue
        verb_seen = verb_seen or chosen.template.has("verbal")
        row = chosen.row
        cand = Candidate(
            sv=sv,
            start=chosen.start,
            end=chosen.end,
            row=row,
            template=chosen.template,
            type=row.get("type"),
            modes=[x for x in row.get("modes").split(",") if x],
            conf=float(row.get("conf") or 0.5),
            frame=row.get("frame") or "AP",
        )
        if syn.participle_passive and chosen.template.has("participle") and cand.frame in ("AP", "HOST", "R"):
            cand.voice = _participle_passive(sv, cand.start, cand.end)
        if syn.participle_passive and _attributive(sv, cand):
            cand.attributive = True
            sv.cache.setdefault("attributive", set()).add(cand.start)
        if not (cand.nominal and _topic(sv, cand.start)) and not _inside_name(sv, cand.start, cand.end):
            out.append(cand)
        after = chosen.end
    return out
