"""Actors and recipients from Indonesian clause structure.

Why rules over the clause and not a parser: no Indonesian dependency parser runs offline here, and the
constructions that carry event participants in news are few and regular (Sneddon et al. 2010):

- active ``X menyerang Y``: subject = agent, object = patient;
- passive ``Y diserang (oleh) X`` / ``Y ditahan penyidik``: subject = patient, the noun phrase after the
  verb (or after *oleh*) = agent;
- event nouns: ``serangan X terhadap Y`` and ``serangan udara Rusia`` (the possessor of an -an noun is the
  agent), ``penangkapan Y oleh X`` (the possessor of a peN-an noun of a transitive verb is the patient),
  ``serangan yang dilakukan (oleh) X``, ``bantuan dari X``;
- support verbs: ``X melancarkan serangan`` (X agent), ``Y mendapat bantuan dari X`` (Y recipient);
- relative clauses: ``tentara Suriah yang mendapat bantuan`` (the antecedent is the subject);
- symmetric events: ``bentrokan antara X dan Y``, ``X dan Y melakukan pertemuan`` (all actors);
- coordination ``ISIS, al-Nusra dan Jaish al-Yarmouk`` (three actors) and ``militan dari X`` (X).

Noun phrases are chunked from the pack's cue words (actor head nouns, modifiers, quantifiers,
demonstratives) and capitalisation; the words themselves are data (``argument_cues.tsv``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .resources import Resources, SentView
from .triggers import Candidate

__all__ = ["NP", "ChunkContext", "Roles", "assign_roles", "chunk", "clause_bounds", "coordinated"]

_FUNCTION_ROLES = (
    "prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between", "aux",
    "clause_break", "speech", "relative", "coord", "quant", "demonstrative", "light_agent",
    "light_recipient", "genitive_prep", "infinitive", "passive_aux", "adverb", "particle", "clause_coord",
)
_PP_ROLES = ("prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between",
             "genitive_prep")
# event types for which "ke X" (towards X) names the affected party rather than a destination
_DIRECTED = frozenset({"ASSAULT", "THREATEN", "CONSULT", "REQUEST", "ACCUSE", "PROTEST"})
_NAME_PARTICLES = {"al", "bin", "binti", "van", "der", "de", "da", "el", "ibn", "von"}
_BOUNDARY_PUNCT = {";", ":", "“", "”", '"', "?", "!"}


@dataclass
class NP:
    """A noun phrase over tokens ``[start, end)``; ``members`` for "militan dari X, Y dan Z"."""

    start: int
    end: int
    head: int
    kind: str  # proper | common | pronoun
    definite: bool = False
    pp: str | None = None  # role of the preposition governing it
    members: list[NP] = field(default_factory=list)
    label: str = ""  # entity label when the phrase is (or is named by) an entity mention
    core: tuple[int, int] | None = None  # tokens that name it (the name part of an apposition)
    possessive: bool = False  # "Russia's", "the army's", "their": the possessor of what follows
    place: bool = False  # the phrase names a (non-country) place of the places layer
    aside: bool = False  # inside parentheses ("(Hpapun District, Kayin State)")

    def expand(self) -> list[NP]:
        return self.members or [self]


@dataclass
class Roles:
    """Participants found for one trigger (noun phrases of its sentence)."""

    actors: list[NP] = field(default_factory=list)
    recipients: list[NP] = field(default_factory=list)
    subject_is: str = ""  # actor | recipient | "" (what the clause subject was read as)


def _is_function(sv: SentView, i: int) -> bool:
    memo: dict[int, bool] = sv.cache.setdefault("function", {})
    found = memo.get(i)
    if found is None:
        found = memo[i] = sv.has_role(i, *_FUNCTION_ROLES) and not sv.has_role(
            i, "actor_head", "actor_mod", "member_head")
    return found


@dataclass
class ChunkContext:
    """What the chunker knows beyond the sentence: words the document writes in lower case, trigger
    tokens (never inside a participant), and the entity mentions of the actors stage (start -> end, label)."""

    lower_vocab: set[str] = field(default_factory=set)
    blocked: set[int] = field(default_factory=set)
    entities: dict[int, tuple[int, str]] = field(default_factory=dict)
    has_entities: bool = False
    places: frozenset[int] = frozenset()  # tokens inside non-country place mentions


def _proper(sv: SentView, i: int, cc: ChunkContext) -> bool:
    raw = sv.raw[i]
    if raw[:3].lower() in ("al-", "el-") and raw[3:4].isupper() and i not in cc.blocked:
        return True
    if i in cc.blocked or not sv.is_upper(i) or _is_function(sv, i) or sv.has_class(i, "time"):
        return False
    word = sv.raw[i]
    if not any(ch.isalpha() for ch in word) or len(word) == 1:
        return False
    if word[:3].lower() in ("al-", "el-") and word[3:4].isupper():  # "al-Nusra", "el-Sisi"
        return True
    initial = i == 0 or sv.raw[i - 1] in ("“", '"', "(", "‘", "'")
    if not initial or word.isupper():
        return True
    if sv.syntax.head_final and word.lower().endswith(("ing", "ed", "ly")) and len(word) > 5:
        return False  # "Describing Shamima Begum, ...": a sentence-initial participle or adverb
    # a capitalised sentence-initial word is a name only if the document never writes it in lower case
    # and (when the actors stage ran) it is part of a known mention or of a longer capitalised run
    if sv.words[i] in cc.lower_vocab:
        return False
    if cc.has_entities and i not in cc.entities:
        return i + 1 < len(sv) and sv.is_upper(i + 1) and not _is_function(sv, i + 1)
    return True


def chunk(sv: SentView, res: Resources, cc: ChunkContext) -> list[NP]:
    """Actor-like noun phrases of a sentence (cached on the view).

    Entity mentions (extract.entities) are taken as noun phrases as they are, then extended by the same
    rules as the phrases found here from cue words and capitalisation.
    """
    key = "nps"
    if key in sv.cache:
        cached: list[NP] = sv.cache[key]
        return cached
    nps: list[NP] = []
    if sv.boilerplate:
        sv.cache[key] = nps
        return nps
    n = len(sv)
    i = 0
    free = lambda a, b: not any(k in cc.blocked for k in range(a, b))  # noqa: E731
    for k in list(cc.entities):  # "Menurut Boy" -> "Boy": a mention does not start with a function word
        end, label = cc.entities[k]
        if _is_function(sv, k):
            del cc.entities[k]
            if k + 1 < end and k + 1 not in cc.entities:
                cc.entities[k + 1] = (end, label)
    head_final = sv.syntax.head_final
    while i < n:
        start = i
        j = i
        pronoun = sv.words[i] in res.pronouns  # "keduanya" is a pronoun before it is a quantifier
        while j < n and j - i < (5 if head_final else 3) and j not in cc.entities and not pronoun and (
            sv.has_role(j, "quant") or sv.words[j][:1].isdigit() or (head_final and _premodifier(sv, j, i, cc))
            or (head_final and sv.has_role(j, "possessive") and j + 1 < n and j + 1 not in cc.blocked
                and sv.has_role(j + 1, "actor_head", "actor_mod"))  # "his driver", "their leaders"
        ):
            j += 1
        kind = ""
        head_end = j
        label = ""
        if j == i and sv.words[j] in res.pronouns and j not in cc.blocked:
            kind = "pronoun"
            head_end = j + 1
        elif j < n and j in cc.entities and free(j, cc.entities[j][0]):
            head_end, label = cc.entities[j]
            kind = "proper" if sv.is_upper(j) else "common"
        elif i in cc.entities and free(i, cc.entities[i][0]):
            j = i
            head_end, label = cc.entities[i]
            kind = "proper" if sv.is_upper(i) else "common"
        elif j < n and j not in cc.blocked and sv.has_role(j, "actor_head"):
            kind = "common"
            ends = [end for end, role in sv.role_starts.get(j, ()) if role == "actor_head"]
            head_end = max(ends) if ends else j + 1
        elif j < n and _proper(sv, j, cc):
            kind = "proper"
            head_end = j + 1
        elif j == i and sv.words[j] in res.pronouns and j not in cc.blocked:
            kind = "pronoun"
            head_end = j + 1
        elif (head_final and j > i + 1 and sv.words[j - 1].endswith("s") and sv.raw[j - 1].islower()
              and j - 1 not in cc.blocked and any(sv.has_role(k, "quant") or sv.words[k][:1].isdigit()
                                                  for k in range(i, j - 1))):
            # "hundreds of market sellers", "a group of online taxi drivers": a counted plural is people
            kind, j = "common", j - 1
            head_end = j + 1
        if not kind:
            i += 1
            continue
        np = NP(start, head_end, j, kind, label=label)
        if kind != "pronoun":
            _extend(sv, np, cc)
        if sv.syntax.possessive_endings:
            _mark_possessive(sv, np)
        if cc.places:
            np.place = all(k in cc.places or sv.has_class(k, "place_noun") or sv.has_role(k, "quant")
                           for k in range(np.start, np.end)) and any(k in cc.places for k in range(np.start, np.end))
        np.aside = sv.words[: np.start].count("(") > sv.words[: np.start].count(")")
        k = start - 1
        while k >= 0 and (sv.has_role(k, "quant") or sv.has_class(k, "place_noun")):
            k -= 1
        if k >= 0:
            for role in _PP_ROLES:
                if sv.has_role(k, role) and not sv.has_role(k, "actor_head"):
                    np.pp = role
                    break
            if np.pp == "genitive_prep" and k > 0 and sv.has_role(k - 1, "member_head", "quant") and not any(
                x.start <= k - 1 < x.end and x.members for x in nps
            ):
                np.pp = None  # "a number of / a group of / dozens of rebels": the rebels are the phrase
        nps.append(np)
        i = np.end
    nps = _acronyms(sv, nps)
    _members(sv, nps)
    nps = _appositions(sv, nps)
    _examples(sv, nps)
    for a, b in itertools.pairwise(nps):  # "terhadap anak dan perempuan": both under the preposition
        if a.pp and b.pp is None and b.start == a.end + 1 and sv.has_role(a.end, "coord"):
            b.pp = a.pp
    sv.cache[key] = nps
    return nps


def _premodifier(sv: SentView, j: int, i: int, cc: ChunkContext) -> bool:
    """Head-final languages: a word before the head noun that belongs to the phrase ("two armed men",
    "unidentified gunmen", "hundreds of students")."""
    if j in cc.blocked or sv.has_role(j, "actor_head"):
        return False
    if sv.has_role(j, "actor_mod") and not sv.has_role(j, *_PP_ROLES, "coord", "clause_break", "speech"):
        return True
    raw = sv.raw[j]
    if (j > i and raw.isalpha() and raw.islower() and len(raw) > 2 and not _is_function(sv, j)
            and not raw.endswith(("ed", "ing", "ly")) and sv.words[j] not in sv.res.pronouns
            and not sv.has_role(j, "possessive", "np_skip")):
        return True  # a noun adjunct: "a campaign team member", "a drug suspect"
    # "dozens of", "some of": the partitive preposition after a quantifier
    return j > i and sv.has_role(j, "genitive_prep") and (sv.has_role(j - 1, "quant") or sv.words[j - 1][:1].isdigit())


def _mark_possessive(sv: SentView, np: NP) -> None:
    """A phrase ending in a possessive ("Russia's", "soldiers' ") or a possessive pronoun ("their")."""
    endings = sv.syntax.possessive_endings
    last = np.end - 1
    if (sv.words[last].endswith(endings) and not (np.end < len(sv) and sv.has_class(np.end, "org_head")
                                                  and sv.is_upper(np.end))) or sv.has_role(last, "possessive"):
        np.possessive = True
    elif np.end < len(sv) and sv.words[np.end] in ("'", "’") and sv.words[last].endswith("s"):
        np.possessive = True
        np.end += 1


def _extend(sv: SentView, np: NP, cc: ChunkContext) -> None:
    n = len(sv)
    j = np.end
    head_final = sv.syntax.head_final
    endings = sv.syntax.possessive_endings
    while j < n:
        if endings and sv.words[j - 1].endswith(endings) and not (
            sv.is_upper(j - 1) and sv.has_class(j, "org_head") and sv.is_upper(j)
        ):
            return  # "the army's": a possessive closes the phrase (not "New People's Army")
        w = sv.words[j]
        if head_final and sv.has_role(j, "actor_head") and j not in cc.blocked and np.kind != "pronoun":
            # "NPA rebels", "government troops", "police officers": the last noun is the head
            ends = [e for e, r in sv.role_starts.get(j, ()) if r == "actor_head"]
            np.head = j
            j = max(ends) if ends else j + 1
            np.end = j
            continue
        if sv.has_role(j, "demonstrative"):
            np.end, np.definite = j + 1, True
            return
        if j in cc.entities and cc.entities[j][1] in ("GPE", "NORP") and np.kind == "common":
            j = cc.entities[j][0]
        elif w in _NAME_PARTICLES and j + 1 < n and sv.is_upper(j + 1) and sv.raw[j] == w:
            j += 2
        elif _proper(sv, j, cc) and not (
            j in cc.entities and cc.entities[j][1] == "PER" and np.kind == "common"
            and not sv.has_class(j - 1, "person_title")
        ):
            j += 1
        elif sv.has_role(j, "actor_mod") and j not in cc.blocked:
            ends = [e for e, r in sv.role_starts.get(j, ()) if r == "actor_mod"]
            j = max(ends) if ends else j + 1
        elif sv.has_role(j, "actor_head") and j not in cc.blocked and np.kind == "common" and j == np.end:
            ends = [e for e, r in sv.role_starts.get(j, ()) if r == "actor_head"]
            j = max(ends) if ends else j + 1
        elif _compound_or_number(sv, np, j, cc.blocked):
            j += 1
        elif w == "(" and j + 2 < n and sv.raw[j + 2] == ")" and sv.raw[j + 1][:1].isupper():
            j += 3
        elif not head_final and np.kind == "common" and (bridge := _bridge(sv, j, cc)):
            j = bridge
        elif w in ("-", "/") and j + 1 < n and sv.is_upper(j + 1) and sv.is_upper(j - 1):
            j += 2
        else:
            break
        np.end = j


def _bridge(sv: SentView, j: int, cc: ChunkContext) -> int:
    """Head-first languages: up to two plain lower-case nouns after a common head that lead to a word
    continuing the phrase ("penggiat media sosial asal Rusia", "pengemudi mobil Pajero") belong to it.
    Returns the token after the bridged nouns, or 0. Only words the pack's POS lexicon (``pos_lexicon.tsv``)
    knows as nouns or adjectives bridge, and only toward a continuation, so a verb after the head ("warga
    datang") never joins the phrase."""
    pos = sv.res.pos
    if not pos:
        return 0
    k = j
    while k < len(sv) and k - j < 2:
        raw = sv.raw[k]
        if (k in cc.blocked or not raw.isalpha() or not raw.islower() or _is_function(sv, k)
                or pos.get(sv.words[k]) not in ("NOUN", "ADJ") or sv.has_class(k, "time")):
            return 0
        k += 1
        if k < len(sv) and k not in cc.blocked and (
                sv.has_role(k, "actor_mod") or (k in cc.entities and cc.entities[k][1] in ("GPE", "NORP", "ORG"))
                or _proper(sv, k, cc)):
            return k
    return 0


def _acronyms(sv: SentView, nps: list[NP]) -> list[NP]:
    """ "NPA: New People's Army" is one participant named by its expansion."""
    out: list[NP] = []
    k = 0
    while k < len(nps):
        a = nps[k]
        if k + 1 < len(nps):
            b = nps[k + 1]
            if (a.kind == "proper" and a.end == a.start + 1 and a.end < len(sv) and sv.words[a.end] == ":"
                    and b.start == a.end + 1 and b.kind == "proper" and _acronym_colon(sv, a.end)):
                out.append(NP(a.start, b.end, b.head, "proper", pp=a.pp, label=b.label, core=(b.start, b.end)))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _appositions(sv: SentView, nps: list[NP]) -> list[NP]:
    """``Menteri Informasi Suriah, Omran al-Zoubi,`` / ``Aktivis ... asal Riau, Khariq Anhar`` is one
    participant named by its second part (not a list: no coordinator follows)."""
    out: list[NP] = []
    k = 0
    while k < len(nps):
        a = nps[k]
        if k + 1 < len(nps):
            b = nps[k + 1]
            titled = a.kind == "common" or sv.class_within(a.start, a.end, "person_title")
            named = b.kind == "proper" and b.label in ("PER", "MISC", "") and sv.is_upper(b.head)
            after = b.end
            is_list = after < len(sv) and (
                sv.has_role(after, "coord") or (sv.words[after] == "," and any(x.start == after + 1 for x in nps))
            )
            if (titled and named and a.end < len(sv) and sv.words[a.end] == "," and b.start == a.end + 1
                    and not is_list and not a.members and not b.pp):
                merged = NP(a.start, b.end, b.head, "proper", definite=b.definite, pp=a.pp, label=b.label or "PER",
                            core=(b.start, b.end))
                out.append(merged)
                k += 2
                continue
            # "Juan Ponce, a spokesman for the army," / "Abu Sayyaf, a militant group,": named first
            if (sv.syntax.name_first_apposition and a.kind == "proper" and b.kind == "common" and not b.pp
                    and not a.possessive and a.end < len(sv) and sv.words[a.end] == ","
                    and b.start == a.end + 1 and not is_list and not a.members
                    and sv.has_role(b.start, "quant")):
                merged = NP(a.start, b.end, a.head, "proper", definite=a.definite, pp=a.pp, label=a.label,
                            core=(a.start, a.end), possessive=b.possessive)
                out.append(merged)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _acronym_colon(sv: SentView, k: int) -> bool:
    """ "NPA: New People's Army": an acronym, a colon and its expansion name one actor."""
    prev = sv.raw[k - 1] if k > 0 else ""
    return len(prev) >= 2 and prev.isupper() and prev.isalpha() and k + 1 < len(sv) and sv.is_upper(k + 1)


def _compound_or_number(sv: SentView, np: NP, j: int, blocked: set[int]) -> bool:
    """A second head noun before a name ("juru bicara Departemen"), or a unit number ("Densus 88", "Komisi I")."""
    w = sv.raw[j]
    if sv.has_role(j, "actor_head") and j not in blocked and j + 1 < len(sv) and sv.is_upper(j + 1):
        return True
    return (w[:1].isdigit() or w.isupper()) and j > np.start and sv.is_upper(j - 1) and len(w) <= 6


def _examples(sv: SentView, nps: list[NP]) -> None:
    """ "semua elemen masyarakat seperti Satgas RW, LSM, dan tokoh agama", "seluruh pihak yang mendukung
    kebijakan ini, mulai dari Kodim, Polrestabes, dan Polres": a general phrase (opened by a quantifier or
    headed by a ``generic_head`` noun) followed by an ``example`` word and a list is named by the list
    (the most specific mention). A relative clause may stand between them."""
    by_start = {np.start: np for np in nps}
    for np in nps:
        if np.members or np.kind != "common" or not (
                sv.has_role(np.start, "quant") or sv.has_role(np.head, "generic_head")):
            continue
        k = np.end
        if k < len(sv) and sv.has_role(k, "relative"):  # "... yang mendukung kebijakan ini, mulai dari"
            stop = next((x for x in range(k, min(len(sv), k + 10)) if sv.words[x] == ","), None)
            if stop is None:
                continue
            k = stop
        if k < len(sv) and sv.words[k] == ",":
            k += 1
        if k >= len(sv) or not sv.has_role(k, "example"):
            continue
        ends = [e for e, r in sv.role_starts.get(k, ()) if r == "example"]
        first = by_start.get(max(ends) if ends else k + 1)
        if first is None:
            continue
        items = coordinated(sv, nps, first)
        if len(items) > 1:
            np.members = [m for item in items for m in item.expand()]


def _members(sv: SentView, nps: list[NP]) -> None:
    """``militan dari ISIS, al-Nusra dan Jaish al-Yarmouk``: the actors are the groups after *dari*."""
    by_start = {np.start: np for np in nps}
    for np in nps:
        if not sv.has_role(np.head, "member_head") or np.end - np.head > 1:
            continue
        k = np.end
        if k < len(sv) and sv.words[k] in sv.syntax.member_preps and (k + 1) in by_start:
            first = by_start[k + 1]
            # "a member of X and Y": in English the coordination is usually one level up
            np.members = [first] if sv.syntax.head_final else coordinated(sv, nps, first)
            np.end = max(m.end for m in np.members)


def coordinated(sv: SentView, nps: list[NP], first: NP) -> list[NP]:
    """``X, Y dan Z`` starting at ``first`` (apposition "X, Y" without a coordinator is one phrase)."""
    by_start = {np.start: np for np in nps}
    items = [first]
    k = first.end
    saw_coord = False
    while k < len(sv):
        w = sv.words[k]
        if w == "," and (k + 1) in by_start:
            items.append(by_start[k + 1])
        elif sv.has_role(k, "coord") and (k + 1) in by_start:
            items.append(by_start[k + 1])
            saw_coord = True
        elif w == "," and k + 2 < len(sv) and sv.has_role(k + 1, "coord") and (k + 2) in by_start and len(items) > 1:
            items.append(by_start[k + 2])  # "X, Y, dan Z": the serial comma before the last item
            saw_coord = True
        else:
            break
        k = items[-1].end
    if len(items) > 1 and not saw_coord:
        return [first]
    return items


def _verbish(sv: SentView, k: int) -> bool:
    """Whether token ``k`` reads as a verb (opening a purpose clause after "untuk"/"to")."""
    word = sv.words[k]
    prefixes = sv.syntax.verb_prefixes
    if prefixes:
        return len(word) > 4 and word.startswith(prefixes)
    # no verbal prefixes (English): a lower-case content word that opens no noun phrase
    return (word.isalpha() and sv.raw[k].islower() and not sv.has_role(k, *_FUNCTION_ROLES)
            and not sv.has_role(k, "actor_head", "actor_mod", "np_skip"))


_DASHES = {"-", "–", "—"}


def _ends_fronted_clause(sv: SentView, comma: int) -> bool:
    """A comma closing a fronted subordinate clause ("Untuk menghindari kekerasan ..., kita ...")."""
    k = comma - 1
    while k >= 0 and sv.words[k] not in (",", ";", ":"):
        k -= 1
    first = k + 1
    while first < comma and not sv.words[first][:1].isalnum():
        first += 1
    return first < comma and sv.words[first] in sv.syntax.fronted


def clause_bounds(sv: SentView, start: int, end: int) -> tuple[int, int]:
    """Token range of the clause around tokens ``[start, end)`` (memoised on the view)."""
    memo: dict[tuple[int, int], tuple[int, int]] = sv.cache.setdefault("clauses", {})
    found = memo.get((start, end))
    if found is None:
        found = memo[(start, end)] = _clause_bounds(sv, start, end)
    return found


def _clause_bounds(sv: SentView, start: int, end: int) -> tuple[int, int]:

    def boundary(k: int) -> bool:
        w = sv.words[k]
        if w in _BOUNDARY_PUNCT:
            return not (w == ":" and _acronym_colon(sv, k))
        if sv.has_role(k, "clause_break", "speech"):
            # not when the word opens a longer fixed phrase ("saat ini" = now)
            return not any(end > k + 1 for end, role in sv.role_starts.get(k, ()) if role == "aux")
        if w == ",":
            nxt = k + 1 < len(sv) and sv.has_role(k + 1, "clause_break", "speech")
            prv = k > 0 and sv.has_role(k - 1, "speech")
            return nxt or prv or _ends_fronted_clause(sv, k)
        if w in _DASHES and sv.index == 0 and k < 10 and not any(sv.words[x] in _DASHES for x in range(k)):
            return True  # "Jakarta, CNN Indonesia -- Pasukan Irak ...": the dateline is no clause
        return w in sv.syntax.purpose and k + 1 < len(sv) and _verbish(sv, k + 1)

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


def _subject(sv: SentView, nps: list[NP], lo: int, trig: int) -> list[NP]:
    rel = [k for k in range(lo, trig) if sv.has_role(k, "relative")]
    if rel:
        k = rel[-1]
        inside = [np for np in nps if k < np.start < trig and not np.pp]
        if not inside:
            before = [np for np in nps if np.end in (k, k - 1) and np.start >= lo]
            if before:
                return _coordinated_back(sv, nps, before[-1], lo)
    skip_places = sv.syntax.skip_place_subjects
    if skip_places:  # SVO: the subject stands before the clause's first verb ("X killed A and wounded B")
        trig = next((t for t in sv.cache.get("trigger_starts", ()) if lo <= t < trig), trig)
    for np in nps:
        if skip_places and (np.place or np.aside):
            continue  # "in Kamaing town, Hpakant township (Kachin State), the military fired": no subject
        # "after Kurdish forces pulled out": a subordinator that is also a preposition opens a clause
        opener = (sv.syntax.head_final and np.pp is not None and np.start == lo and lo > 0
                  and sv.has_role(lo - 1, "clause_break"))
        if lo <= np.start < trig and (not np.pp or opener) and np.end <= trig:
            found = _expand_all(sv, nps, np)
            last = found[-1]
            # "Satpolairud bersama Pos TNI AL melaksanakan apel": the companion acts too
            if last.end < trig and sv.has_role(last.end, "with_prep") and sv.words[last.end] in sv.syntax.companion:
                found += [x for x in nps if x.start == last.end + 1 and x.end <= trig]
            return found
    return []


def _coordinated_back(sv: SentView, nps: list[NP], last: NP, lo: int) -> list[NP]:
    """ "pihak kampus dan keluarga yang meminta ...": the antecedent of a relative clause with the phrases
    coordinated before it (a list ``X, Y dan Z`` read from its last item)."""
    by_end = {np.end: np for np in nps if np.start >= lo and not np.pp}
    items = [last]
    k = last.start
    if k >= 2 and sv.has_role(k - 1, "coord") and (k - 1) in by_end:
        items.insert(0, by_end[k - 1])
        k = items[0].start
        while k >= 2 and sv.words[k - 1] == "," and (k - 1) in by_end:
            items.insert(0, by_end[k - 1])
            k = items[0].start
    return [m for item in items for m in item.expand()]


def _main_subject(sv: SentView, nps: list[NP], before: int) -> list[NP]:
    """The subject of the sentence's main clause (fronted adverbials skipped), before token ``before``."""
    lo = 0
    while lo < before:
        a, b = clause_bounds(sv, lo, lo + 1)
        if b < before and b < len(sv) and sv.words[b] == "," and _ends_fronted_clause(sv, b):
            lo = b + 1
            continue
        return _subject(sv, nps, a, min(b, before))
    return []


def _expand_all(sv: SentView, nps: list[NP], np: NP) -> list[NP]:
    out: list[NP] = []
    for item in coordinated(sv, nps, np):
        out.extend(item.expand())
    return out


def _after(sv: SentView, nps: list[NP], j: int, hi: int, *, max_gap: int = 3, pp: str | None = None) -> list[NP]:
    """The noun phrase starting within ``max_gap`` skippable tokens after ``j`` (with preposition ``pp``)."""
    k = j
    gap = 0
    while k < hi and gap <= max_gap:
        for np in nps:
            if np.start == k and np.pp == pp:
                return _expand_all(sv, nps, np)
        w = sv.words[k]
        if pp is not None and sv.has_role(k, pp):
            k += 1
            continue
        if sv.has_role(k, "np_skip", "aux") or w in ("-",) or (
                pp is None and sv.has_role(k, "quant", "aspect_head")):
            k += 1
            gap += 1
            continue
        break
    return []


def _with_prep(sv: SentView, nps: list[NP], j: int, hi: int, role: str) -> list[NP]:
    for np in nps:
        if j <= np.start < hi and np.pp == role:
            return _expand_all(sv, nps, np)
    return []


def _between(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    for k in range(j, min(hi, j + sv.syntax.between_window)):
        if sv.has_role(k, "between"):
            after = [np for np in nps if np.start == k + 1]
            if after:
                items = coordinated(sv, nps, after[0])
                if len(items) == 1:  # "antara X dan Y" where Y follows "dan" without being a list head
                    nxt = [np for np in nps if np.start == after[0].end + 1 and sv.has_role(after[0].end, "coord")]
                    items += nxt
                return [m for item in items for m in item.expand()]
    return []


def _prenominal(sv: SentView, nps: list[NP], cand: Candidate, lo: int) -> tuple[list[NP], list[NP]]:
    """Head-final languages: the phrase right before an event noun, as its possessor ("Russia's air
    strikes", "their arrest") or as a modifier naming the agent ("an NPA attack", "police raids")."""
    k = cand.start - 1
    while k >= lo and sv.has_role(k, "np_skip") and not sv.has_role(k, "actor_head"):
        k -= 1
    for np in nps:
        if np.end == k + 1 and np.start >= lo:  # also inside a PP: "during a police raid"
            if np.possessive:
                return np.expand(), []
            if np.kind != "pronoun":
                return [], np.expand()
    return [], []


def _light_verb(sv: SentView, cand: Candidate, lo: int) -> tuple[str, int] | None:
    """A support verb governing an event noun: ("light_agent"|"light_recipient", token index)."""
    k = cand.start - 1
    steps = 0
    skip = ("np_skip", "aux", "quant", "demonstrative", "coord") if sv.syntax.head_final else (
        "np_skip", "aux", "quant", "demonstrative", "light_noun", "coord")  # "menerapkan kebijakan ... jam malam"
    while k >= lo and steps < (6 if sv.syntax.head_final else 4):
        for role in ("light_recipient", "light_agent"):
            if sv.has_role(k, role):
                return role, k
        if not sv.has_role(k, *skip):  # "launched an air and ground assault"
            return None
        k -= 1
        steps += 1
    return None


def _done_by(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """``serangan (udara) yang dilakukan (oleh) X``."""
    k = j
    while k < hi and sv.has_role(k, "np_skip"):
        k += 1
    prefixes = sv.syntax.passive_prefixes
    passive_light = (k + 1 < hi and bool(prefixes) and sv.has_role(k + 1, "light_agent")
                     and sv.words[k + 1].startswith(prefixes))
    if passive_light and sv.has_role(k, "relative"):
        m = k + 2
        if m < hi and sv.has_role(m, "agent_prep"):
            return _after(sv, nps, m + 1, hi, pp="agent_prep")
        return _after(sv, nps, m, hi)
    verb = _passive_predicate(sv, nps, k, hi)
    if verb is not None and verb + 1 < hi and sv.has_role(verb + 1, "agent_prep"):
        return _after(sv, nps, verb + 2, hi, pp="agent_prep")
    return []


def _passive_predicate(sv: SentView, nps: list[NP], k: int, hi: int) -> int | None:
    """ "serangan bom di Kampung Melayu, Jakarta, diduga dilakukan oleh ISIS": the event noun is the
    subject of a passive support verb later in its clause, past place phrases and hedges ("diduga"). Returns
    the support verb's token, or None when another verb or a clause boundary comes first."""
    prefixes = sv.syntax.passive_prefixes
    starts = {np.start: np for np in nps}
    steps = 0
    while k < hi and steps < 12:
        if sv.has_role(k, "light_agent") and prefixes and sv.words[k].startswith(prefixes):
            return k
        if k in starts and starts[k].pp is not None:
            k = starts[k].end  # a place or other prepositional phrase ("di Kampung Melayu")
        elif k in starts or sv.words[k] == "," or sv.has_role(k, "aux", "prep", "np_skip"):
            k += 1
        else:
            return None
        steps += 1
    return None


def assign_roles(
    cand: Candidate, nps: list[NP], sym_actor_types: frozenset[str], places: set[int] | None = None
) -> Roles:
    """Actors and recipients of one trigger from its clause (``places``: tokens inside place names)."""
    sv = cand.sv
    lo, hi = clause_bounds(sv, cand.start, cand.end)
    roles = Roles()
    frame = cand.frame
    subj = _subject(sv, nps, lo, cand.start)
    if not subj and lo > 1 and (sv.words[lo - 1] in sv.syntax.control or sv.words[lo - 1] in sv.syntax.subordinate):
        outer, _ = clause_bounds(sv, lo - 1, lo)
        subj = _subject(sv, nps, outer, lo - 1)
    if not subj and lo > 1 and sv.has_role(lo - 1, "clause_coord") and sv.words[lo - 2] == ",":
        # "the military came ..., shot dead a student, and injured three others": one subject
        k = lo - 2
        triggers = sv.cache.get("trigger_starts", ())
        while k > 0:
            outer, _ = clause_bounds(sv, k - 1, k)
            verb = next((t for t in triggers if outer <= t < k), k)
            subj = _subject(sv, nps, outer, verb)
            if subj or outer == 0 or sv.words[outer - 1] != ",":
                break
            k = outer - 1
    if (not subj and sv.syntax.head_final and cand.template.has("gerund") and not cand.nominal
            and cand.start > 0 and sv.words[cand.start - 1] == ","):
        subj = _main_subject(sv, nps, cand.start)  # "Gunmen attacked the village, killing two"
    if not subj and sv.syntax.head_final and not cand.passive:
        # "a bomb planted by the BIFF killed a soldier": the agent of the instrument acts
        subj = [np for np in nps if lo <= np.start < cand.start and np.pp == "agent_prep"][:1]
    if not subj and hi < len(sv) and sv.words[hi] == "," and _ends_fronted_clause(sv, hi):
        # "Seraya menyeru ..., Amnesty mengatakan": the fronted clause shares the main subject
        _, main_hi = clause_bounds(sv, hi + 1, hi + 2)
        subj = _subject(sv, nps, hi + 1, min(main_hi, len(sv)))
    agent_pp = [np for np in _with_prep(sv, nps, cand.end, hi, "agent_prep") if np.start - cand.end <= 6]
    target = _with_prep(sv, nps, cand.end, hi, "target_prep")
    if not target and cand.type in _DIRECTED:
        target = [np for np in _with_prep(sv, nps, cand.end, hi, "dir_prep")
                  if not any(k in (places or set()) for k in range(np.start, np.end))]
    comit = _with_prep(sv, nps, cand.end, hi, "with_prep")
    syn = sv.syntax
    if cand.nominal:
        light = _light_verb(sv, cand, lo)
        possessor: list[NP] = []
        modifier: list[NP] = []
        if syn.genitive == "prep":  # "the arrest of X", "Russia's attack", "an NPA attack"
            genitive = _after(sv, nps, cand.end, hi, pp="genitive_prep")
            possessor, modifier = _prenominal(sv, nps, cand, lo)
        else:
            genitive = _after(sv, nps, cand.end, hi)
        if light is not None:
            role, k = light
            # "Nadir berangkat ke Gaziantep untuk menyalurkan bantuan": a purpose clause's subject is the
            # main clause's (already found for the clause when the light verb has none of its own)
            subj = _subject(sv, nps, lo, k) or subj
            if role == "light_recipient":
                roles.recipients = subj
                roles.subject_is = "recipient"
                roles.actors = agent_pp or _with_prep(sv, nps, cand.end, hi, "source_prep") or genitive
            else:
                roles.actors = subj
                roles.subject_is = "actor"
                roles.recipients = target or ([] if frame == "SYM" else genitive)
        else:
            done_by = _done_by(sv, nps, cand.end, hi)
            process_noun = cand.template.has("process")
            patient_genitive = frame == "AP" and process_noun
            if patient_genitive:
                roles.recipients = genitive or possessor
                roles.actors = agent_pp or done_by or modifier
            elif syn.genitive == "prep" and frame == "AP":
                # "the bombardment of Afrin", "Russia's attack on X": of X is what was attacked
                roles.actors = possessor or modifier or agent_pp or done_by or _with_prep(
                    sv, nps, cand.end, hi, "source_prep")
                roles.recipients = target or genitive
            else:
                source = _with_prep(sv, nps, cand.end, hi, "source_prep")
                if syn.genitive == "prep":  # "an attack by X", "X's attack", "an X attack"; "of X" last
                    roles.actors = possessor or modifier or agent_pp or genitive or done_by or source
                else:
                    roles.actors = genitive or agent_pp or done_by or source
                roles.recipients = target
        if frame == "SYM":
            both = _between(sv, nps, cand.end, hi)
            if both:
                roles.actors = both
            if comit:
                (roles.actors if cand.type in sym_actor_types else roles.recipients).extend(comit)
        return roles
    prefixes = syn.passive_prefixes
    if (frame == "R" and agent_pp and prefixes and cand.end < hi and sv.words[cand.end].startswith(prefixes)
            and agent_pp[0].start > cand.end + 1):
        # "serangan itu diduga dilakukan oleh ISIS": the agent of the passive verb after "diduga" is the
        # one accused (the accuser is the source of the statement)
        roles.recipients = agent_pp
        return roles
    if frame == "R" or (cand.passive and frame in ("AP", "A", "HOST")):
        roles.recipients = subj
        roles.subject_is = "recipient"
        roles.actors = (_after(sv, nps, cand.end, hi) if syn.bare_passive_agent else []) or agent_pp
        return roles
    roles.actors = subj
    roles.subject_is = "actor" if subj else ""
    if frame in ("AP", "HOST"):
        roles.recipients = _after(sv, nps, cand.end, hi) or target
    elif frame == "SYM":
        both = _between(sv, nps, cand.end, hi)
        if both:
            roles.actors = both
        extra = comit or _after(sv, nps, cand.end, hi)
        if extra:
            (roles.actors if cand.type in sym_actor_types else roles.recipients).extend(extra)
    else:
        roles.recipients = target
    return roles
