"""Noun-phrase chunking for event participants (the phrases :mod:`.arguments` assigns roles to).

Why rules over tokens and not a parser: no Indonesian parser runs offline here. Participant phrases are
found from the pack's cue words (``argument_cues.tsv``: actor head nouns, modifiers, quantifiers,
demonstratives, list and example words), capitalisation, the entity layer and the word-class lexicon
(``pos_lexicon.tsv``), then grouped: appositions ("Menteri Informasi Suriah, Omran al-Zoubi"), acronym
expansions, members ("militan dari ISIS, al-Nusra dan Jaish al-Yarmouk") and lists named by a general
phrase ("semua elemen masyarakat seperti X, Y dan Z").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from .resources import Resources, SentView

__all__ = [
    "FUNCTION_ROLES", "NP", "PP_ROLES", "ChunkContext", "acronym_colon", "chunk", "companions", "coordinated",
    "is_function", "is_proper",
]


FUNCTION_ROLES = (
    "prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between", "aux",
    "clause_break", "speech", "relative", "coord", "quant", "demonstrative", "light_agent",
    "light_recipient", "genitive_prep", "infinitive", "passive_aux", "adverb", "particle", "clause_coord",
    "correlative",
)


PP_ROLES = ("prep", "target_prep", "dir_prep", "agent_prep", "source_prep", "with_prep", "topic_prep", "between",
             "genitive_prep", "owner_prep")


_HEAD_OR_MOD = ("actor_head", "actor_mod")
#: the roles with which a word can open a phrase in chunk() (as a quantifier, possessive, modifier or head)
_OPENING_ROLES = frozenset({"quant", "possessive", "actor_mod", "actor_head"})
#: roles that keep an actor modifier out of a phrase it precedes (see _premodifier)
_NOT_PREMODIFIER = (*PP_ROLES, "coord", "clause_break", "speech")

_NAME_PARTICLES = {"al", "bin", "binti", "van", "der", "de", "da", "el", "ibn", "von"}


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


def is_function(sv: SentView, i: int) -> bool:
    memo: dict[int, bool] = sv.cache.setdefault("function", {})
    found = memo.get(i)
    if found is None:
        found = memo[i] = sv.has_role(i, *FUNCTION_ROLES) and not sv.has_role(
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


def is_proper(sv: SentView, i: int, cc: ChunkContext) -> bool:
    raw = sv.raw[i]
    if raw[:3].lower() in ("al-", "el-") and raw[3:4].isupper() and i not in cc.blocked:
        return True
    if i in cc.blocked or not sv.is_upper(i) or is_function(sv, i) or sv.has_class(i, "time"):
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
    if sv.has_role(i, "np_skip") and i + 1 < len(sv) and not sv.is_upper(i + 1) and i not in cc.entities:
        return False  # "Heavy fighting erupted ...", "Fierce clashes ...": a sentence-initial adjective
    # a capitalised sentence-initial word is a name only if the document never writes it in lower case
    # and (when the actors stage ran) it is part of a known mention or of a longer capitalised run
    if sv.words[i] in cc.lower_vocab:
        return False
    if i in cc.places and not (i + 1 < len(sv) and (sv.is_upper(i + 1) or sv.has_role(i + 1, "actor_head")
                                                    or sv.has_class(i + 1, "place_noun"))):
        return True  # "Pyongyang mengecam ...": a place alone is a name (not "Delhi residents": where they are)
    if cc.has_entities and i not in cc.entities:
        return i + 1 < len(sv) and sv.is_upper(i + 1) and not is_function(sv, i + 1)
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
        if is_function(sv, k):
            del cc.entities[k]
            if k + 1 < end and k + 1 not in cc.entities:
                cc.entities[k + 1] = (end, label)
    head_final = sv.syntax.head_final
    # the loop below tests every token: the role sets are read directly (``role in roles[j]`` is
    # ``sv.has_role(j, role)`` for a token of the sentence) and the lookups bound once
    roles, words, raw, pronouns = sv.roles, sv.words, sv.raw, res.pronouns
    width = 5 if head_final else 3
    classes, ents, sponsor = sv.classes, cc.entities, sv.syntax.sponsor_suffixes
    while i < n:
        w = words[i]
        if (roles[i].isdisjoint(_OPENING_ROLES) and i not in ents and not raw[i][:1].isupper() and not w[:1].isdigit()
                and w not in pronouns and raw[i][:3].lower() not in ("al-", "el-")
                and not (sponsor and w.endswith(sponsor)) and "person_title" not in classes[i]):
            # no rule below opens a phrase here: a word with no opening cue role, no entity, pronoun,
            # capital, number, sponsor suffix or title (most words of a sentence) is stepped over at once
            i += 1
            continue
        start = i
        j = i
        # "keduanya" is a pronoun before it is a quantifier; "US" opening an entity mention is no "us"
        pronoun = words[i] in pronouns and not (i in cc.entities and len(raw[i]) > 1 and raw[i].isupper())
        while j < n and j - i < width and j not in cc.entities and not pronoun and (
            "quant" in roles[j] or words[j][:1].isdigit() or (head_final and _premodifier(sv, j, i, cc))
            or (head_final and "possessive" in roles[j] and j + 1 < n and j + 1 not in cc.blocked
                and not roles[j + 1].isdisjoint(_HEAD_OR_MOD))  # "his driver", "their leaders"
        ):
            j += 1
        kind = ""
        head_end = j
        label = ""
        if j == i and pronoun and j not in cc.blocked:
            kind = "pronoun"
            head_end = j + 1
        elif j < n and j in cc.entities and free(j, cc.entities[j][0]):
            head_end, label = cc.entities[j]
            kind = "proper" if sv.is_upper(j) else "common"
        elif i in cc.entities and free(i, cc.entities[i][0]):
            j = i
            head_end, label = cc.entities[i]
            kind = "proper" if sv.is_upper(i) else "common"
        elif j < n and j not in cc.blocked and "actor_head" in roles[j]:
            kind = "common"
            ends = [end for end, role in sv.role_starts.get(j, ()) if role == "actor_head"]
            head_end = max(ends) if ends else j + 1
        elif j < n and is_proper(sv, j, cc):
            kind = "proper"
            head_end = j + 1
        elif j == i and sv.words[j] in res.pronouns and j not in cc.blocked:
            kind = "pronoun"
            head_end = j + 1
        elif (head_final and j > i + 1 and _plural(sv, j - 1) and sv.raw[j - 1].islower()
              and j - 1 not in cc.blocked and not sv.has_class(j - 1, "duration")
              and (sv.has_role(j - 1, "member_head") or any(
                  (sv.has_role(k, "quant") and words[k] not in sv.syntax.articles) or words[k][:1].isdigit()
                  or sv.has_role(k, "member_head") for k in range(i, j - 1)))):
            # "hundreds of market sellers", "a group of online taxi drivers": a counted plural is people
            # (not "the shoulders", "eight years")
            kind, j = "common", j - 1
            head_end = j + 1
        elif j == i and (desc := _title_description(sv, j, cc)):
            # "Kepala layanan keamanan ISIS di Kota Tua, Kanaan Jiyad Abdullah": an office described in
            # lower-case words, then its holder's name (merged by _appositions)
            kind, head_end = "common", desc
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
        attributive = sv.cache.get("attributive", ())  # "at protesting students": the preposition governs it
        while k >= 0 and (sv.has_role(k, "quant", "aspect_head") or sv.has_class(k, "place_noun") or k in attributive):
            k -= 1
        if k >= 0 and "actor_head" not in roles[k]:
            np.pp = next((role for role in PP_ROLES if role in roles[k]), None)
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


def _plural(sv: SentView, k: int) -> bool:
    """Whether token ``k`` is spelled like a plural noun (``[syntax] plural_endings``, not one of the
    ``singular_endings``: "sellers", not "dangerous")."""
    syn, word = sv.syntax, sv.words[k]
    return bool(syn.plural_endings) and word.endswith(syn.plural_endings) and not (
        syn.singular_endings and word.endswith(syn.singular_endings))


def _premodifier(sv: SentView, j: int, i: int, cc: ChunkContext) -> bool:
    """Head-final languages: a word before the head noun that belongs to the phrase ("two armed men",
    "unidentified gunmen", "hundreds of students")."""
    roles = sv.roles
    r = roles[j]  # 0 <= j < len(sv): the role sets are read directly, as in chunk()
    if j in cc.blocked or "actor_head" in r:
        return False
    if "actor_mod" in r and r.isdisjoint(_NOT_PREMODIFIER):
        return True
    raw = sv.raw[j]
    if sv.syntax.sponsor_suffixes and raw.lower().endswith(sv.syntax.sponsor_suffixes) and j + 1 < len(sv):
        return True  # "Iran-backed militias": the sponsor is part of the phrase (not its own mention)
    if (j > i and raw.isalpha() and raw.islower() and len(raw) > 2 and not is_function(sv, j)
            and not raw.endswith(("ed", "ing", "ly")) and sv.words[j] not in sv.res.pronouns
            and r.isdisjoint(("possessive", "np_skip"))):
        return True  # a noun adjunct: "a campaign team member", "a drug suspect"
    # "dozens of", "some of": the partitive preposition after a quantifier
    return j > i and "genitive_prep" in r and ("quant" in roles[j - 1] or sv.words[j - 1][:1].isdigit())


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
        elif is_proper(sv, j, cc) and not (
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
    if not sv.res.pos:
        return 0
    k = j
    while k < len(sv) and k - j < 2:
        if k in cc.blocked or not _plain_noun(sv, k):
            return 0
        k += 1
        if k < len(sv) and k not in cc.blocked and (
                sv.has_role(k, "actor_mod") or (k in cc.entities and cc.entities[k][1] in ("GPE", "NORP", "ORG"))
                or is_proper(sv, k, cc)):
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
                    and b.start == a.end + 1 and b.kind == "proper" and acronym_colon(sv, a.end)):
                out.append(NP(a.start, b.end, b.head, "proper", pp=a.pp, label=b.label, core=(b.start, b.end)))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _appositions(sv: SentView, nps: list[NP]) -> list[NP]:
    """``Menteri Informasi Suriah, Omran al-Zoubi,`` / ``Aktivis ... asal Riau, Khariq Anhar`` is one
    participant named by its second part (not a list: no coordinator follows). The description may end
    in one prepositional phrase ("anggota DPRD Pasuruan dari PKS, Muhammad Nadir Umar"); a comma that
    closes a fronted clause ("Setelah menerima laporan dari warga, Budi menangkap ...") joins nothing."""
    out: list[NP] = []
    k = 0
    while k < len(nps):
        a = nps[k]
        if (k + 2 < len(nps) and a.kind == "common" and not a.members and nps[k + 1].pp == "source_prep"
                and nps[k + 1].start == a.end + 1 and not nps[k + 1].members):
            # "anggota DPRD dari PKS, Nadir": the phrase's modifier stands between it and the name
            wide = NP(a.start, nps[k + 1].end, a.head, a.kind, definite=a.definite, pp=a.pp, label=a.label)
            if _names(sv, nps, wide, nps[k + 2], gaps=False):
                out.append(_named(wide, nps[k + 2]))
                k += 3
                continue
        if k + 1 < len(nps):
            b = nps[k + 1]
            titled = a.kind == "common" or sv.class_within(a.start, a.end, "person_title")
            if titled and _names(sv, nps, a, b):
                out.append(_named(a, b))
                k += 2
                continue
            # "Juan Ponce, a spokesman for the army," / "Abu Sayyaf, a militant group,": named first
            if (sv.syntax.name_first_apposition and a.kind == "proper" and b.kind == "common" and not b.pp
                    and not a.possessive and a.end < len(sv) and sv.words[a.end] == ","
                    and b.start == a.end + 1 and not _list_follows(sv, nps, b.end) and not a.members
                    and sv.has_role(b.start, "quant")):
                merged = NP(a.start, b.end, a.head, "proper", definite=a.definite, pp=a.pp, label=a.label,
                            core=(a.start, a.end), possessive=b.possessive)
                out.append(merged)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _names(sv: SentView, nps: list[NP], a: NP, b: NP, *, gaps: bool = True) -> bool:
    """Whether ``b`` is the name of the person ``a`` describes: a proper name, no list going on, joined by a
    comma that closes no fronted clause, by nothing when ``a`` is a title phrase and ``b`` a person, or
    (``gaps``) by an age or a naming word ("berusia 12 tahun", "bernama")."""
    if (a.members or b.pp or b.kind != "proper" or b.label not in ("PER", "MISC", "") or not sv.is_upper(b.head)
            or b.place or _list_follows(sv, nps, b.end)):
        return False  # "Jalan Jenderal Sudirman, Jakarta Selatan": a place after the comma names no one
    end = _plain_tail(sv, a) if a.kind == "common" else a.end
    if end < len(sv) and sv.words[end] == "," and b.start == end + 1 and not ends_fronted_clause(sv, end):
        return True
    if b.start == a.end and b.label == "PER" and sv.class_within(a.start, a.end, "person_title"):
        return True  # "Menteri Perindustrian RI Airlangga Hartarto": a title phrase right before a person
    return gaps and a.kind == "common" and (_age_gap(sv, a.end, b.start) or _naming_gap(sv, a.end, b.start))


def _plain_tail(sv: SentView, a: NP) -> int:
    """The end of a description with up to two plain lower-case nouns or adjectives after its head that the
    chunker left out ("seorang pejabat daerah, Budi"): they describe the same person (pack POS lexicon)."""
    end = a.end
    while sv.res.pos and end < len(sv) and end - a.end < 2 and _plain_noun(sv, end):
        end += 1
    return end


def _title_description(sv: SentView, j: int, cc: ChunkContext) -> int:
    """Where a description opened by a ``person_title`` word ends (its comma), when a person's name follows
    the comma; 0 otherwise. The description may hold plain nouns, actor modifiers, organisation or country
    mentions and one place after a preposition; a title word that stands alone ("luka di kepala") is no
    phrase, so nothing is opened without the name."""
    n = len(sv)
    if j in cc.blocked or not sv.has_class(j, "person_title") or is_function(sv, j):
        return 0
    k = j + 1
    while k < n and k - j <= 10:
        if sv.words[k] == ",":
            name = cc.entities.get(k + 1)
            return k if k > j + 1 and name is not None and name[1] in ("PER", "MISC") else 0
        if k in cc.blocked:
            return 0
        if k in cc.entities and cc.entities[k][1] in ("ORG", "GPE", "NORP"):
            k = cc.entities[k][0]
        elif sv.has_role(k, "actor_mod", "actor_head", "demonstrative") or _plain_noun(sv, k):
            k += 1
        elif sv.has_role(k, "prep") and k + 1 in cc.places:
            k += 1
            while k < n and k in cc.places:
                k += 1
        else:
            return 0
    return 0


def _plain_noun(sv: SentView, k: int) -> bool:
    """Token ``k`` is a plain lower-case noun or adjective (pack POS lexicon), not a function or time word:
    the kind of word that may extend a description past the head the chunker chose."""
    raw = sv.raw[k]
    return (raw.isalpha() and raw.islower() and not is_function(sv, k)
            and sv.res.pos.get(sv.words[k]) in ("NOUN", "ADJ") and not sv.has_class(k, "time"))


def _named(a: NP, b: NP) -> NP:
    """The description ``a`` and the name ``b`` as one participant, named by ``b``."""
    return NP(a.start, b.end, b.head, "proper", definite=b.definite, pp=a.pp, label=b.label or "PER",
              core=(b.start, b.end))


def _list_follows(sv: SentView, nps: list[NP], after: int) -> bool:
    """A coordinator, or a comma and another phrase (or ", dan"), follows token ``after``: a list."""
    return after < len(sv) and (sv.has_role(after, "coord") or (sv.words[after] == "," and (
        any(x.start == after + 1 for x in nps) or (after + 1 < len(sv) and sv.has_role(after + 1, "coord")))))


def ends_fronted_clause(sv: SentView, comma: int) -> bool:
    """A comma closing a fronted subordinate clause ("Untuk menghindari kekerasan ..., kita ...")."""
    k = comma - 1
    while k >= 0 and sv.words[k] not in (",", ";", ":"):
        k -= 1
    first = k + 1
    while first < comma and not sv.words[first][:1].isalnum():
        first += 1
    return first < comma and sv.words[first] in sv.syntax.fronted


def _age_gap(sv: SentView, start: int, end: int) -> bool:
    """ "seorang bocah berusia 12 tahun Hatf Saiful Rasul": only an age stands between a description and
    the name it is given (a number with its unit word, after an optional ``age_word``)."""
    gap = sv.words[start:end]
    if not gap or len(gap) > 4:
        return False
    digits = [w for w in gap if w[:1].isdigit()]
    return len(digits) == 1 and all(
        w[:1].isdigit() or sv.has_class(start + i, "age_word") for i, w in enumerate(gap))


def _naming_gap(sv: SentView, start: int, end: int) -> bool:
    """ "seorang pria bernama Budi", "pengemudi berinisial AR": a ``naming_word`` joins a description to
    the name it is given."""
    return end == start + 1 and sv.has_class(start, "naming_word")


def acronym_colon(sv: SentView, k: int) -> bool:
    """ "NPA: New People's Army": an acronym, a colon and its expansion name one actor."""
    prev = sv.raw[k - 1] if k > 0 else ""
    return len(prev) >= 2 and prev.isupper() and prev.isalpha() and k + 1 < len(sv) and sv.is_upper(k + 1)


def _compound_or_number(sv: SentView, np: NP, j: int, blocked: set[int]) -> bool:
    """A second head noun before a name ("juru bicara Departemen"), or a unit number ("Densus 88", "Komisi I")."""
    w = sv.raw[j]
    if sv.has_role(j, "actor_head") and j not in blocked and j + 1 < len(sv) and sv.is_upper(j + 1):
        return True
    if w[:1].isdigit() and j + 1 < len(sv) and sv.has_class(j + 1, "age_word"):
        return False  # "SD 27 tahun": an age, not a unit number
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
        items = coordinated(sv, nps, first, opened=True)
        if len(items) > 1 or (items and items[0].kind == "proper"):  # "satu tersangka, yakni Saudara AS"
            np.members = [m for item in items for m in item.expand()]


def _members(sv: SentView, nps: list[NP]) -> None:
    """``militan dari ISIS, al-Nusra dan Jaish al-Yarmouk``: the actors are the groups after *dari*."""
    by_start = {np.start: np for np in nps}
    for np in nps:
        if not sv.has_role(np.head, "member_head", "follower_head") or np.end - np.head > 1:
            continue
        k = np.end
        if k < len(sv) and sv.words[k] in sv.syntax.member_preps and (k + 1) in by_start:
            first = by_start[k + 1]
            if not sv.has_role(np.head, "member_head") and first.label != "ORG":
                continue  # "supporters of the former president" are no president
            if first.place or first.label == "GPE":
                continue  # "refugee groups from Somalia and Afghanistan" are no states: people from there
            # "a member of X and Y": in English the coordination is usually one level up
            np.members = [first] if sv.syntax.head_final else coordinated(sv, nps, first)
            np.end = max(m.end for m in np.members)


def companions(sv: SentView, nps: list[NP], np: NP) -> list[NP]:
    """ "Satpolairud bersama Pos TNI AL", "X alongside Y": the phrase after a companion word (``[syntax]
    companion``) right after ``np`` acts with it."""
    end = np.end
    if end < len(sv) and sv.words[end] in sv.syntax.companion:
        return [x for x in nps if x.start == end + 1]
    return []


def coordinated(sv: SentView, nps: list[NP], first: NP, *, opened: bool = False) -> list[NP]:
    """``X, Y dan Z`` starting at ``first`` (apposition "X, Y" without a coordinator is one phrase);
    ``opened``: an example word opened the list, so "hingga" closes even two items ("mulai dari X hingga Y")."""
    by_start = {np.start: np for np in nps}
    items = [first]
    k = first.end
    saw_coord = False
    while k < len(sv):
        w = sv.words[k]
        if w == "," and (k + 1) in by_start:
            items.append(by_start[k + 1])
        elif (sv.has_role(k, "coord") or ((len(items) > 1 or opened) and sv.has_role(k, "list_end"))) \
                and (k + 1) in by_start:
            items.append(by_start[k + 1])  # "X, Y hingga Z": a list of three or more may close with "hingga"
            saw_coord = True
        elif (w == "," and k + 2 < len(sv) and sv.has_role(k + 1, "coord", "list_end") and (k + 2) in by_start
              and len(items) > 1):
            items.append(by_start[k + 2])  # "X, Y, dan Z": the serial comma before the last item
            saw_coord = True
        else:
            break
        k = items[-1].end
    if len(items) > 1 and not saw_coord:
        return [first]
    return items
