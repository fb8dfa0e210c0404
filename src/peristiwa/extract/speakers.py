"""Speakers: reading a speaker phrase, and deciding who it is within one document.

Why rules over a model: a speaker phrase in news follows a small grammar, ``[role] [affiliation] [,]
[rank] NAME`` ("Juru bicara Kementerian Pertahanan Rusia, Igor Konashenkov", "Kadiv Humas Polri Irjen
Boy Rafli Amar"), a pronoun ("dia", "-nya", "he"), an organisation ("AS", "the State Department") or a
description ("pejabat militer Kremlin"). The words that make up roles, ranks, organisations and places
are data of the language pack, so the same mechanism reads Indonesian and English.

Deciding *who* a mention is needs the document: "Boy" is the "Boy Rafli Amar" named earlier, "Menperin"
is the minister of industry named earlier, "dia" is the person mentioned most recently outside any
quoted content, "pengacara tersebut" is the person whose role was "Pengacara". :class:`Resolver` keeps
one identity per person per document and resolves mentions in text order.

When the document has an entity layer (``extract.entities``), its PER/ORG/GPE spans and canonical names
take precedence; without one, capitalised runs split by the pack's role/rank/organisation words stand in.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Document, Entity
from .quotes_lexicon import Phrases, QuoteLexicon, Tok, per_text, tokens_in

__all__ = ["Identity", "Mention", "Resolver", "capitalised", "lex_marks", "longest_at", "parse_phrase", "tokens_in"]

_REL = frozenset({"yang", "who", "which", "whose", "alias", "a.k.a."})
_PREPOSITIONS = frozenset({"di", "dari", "pada", "untuk", "asal", "of", "at", "for", "from", "in", "with"})
#: How far back (characters) the speaker of the surrounding text may be for an unattributed quotation.
_CONTEXT_CHARS = 1200
_PUNCT_END = frozenset(",.;:!?”\"’'")


def capitalised(word: str) -> bool:
    """Capitalised, or a particle joined to a capitalised name by a hyphen ("al-Zoubi")."""
    if word[:1].isupper():
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and tail[:1].isupper() and len(head) <= 3


def _acronym(word: str) -> bool:
    core = word.rstrip(".")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def longest_at(low: Sequence[str], i: int, phrases: Phrases) -> int:
    """Length of the longest phrase of ``phrases`` starting at ``low[i]`` (0 when none)."""
    return phrases.longest(low, i)


def lex_marks(low: list[str], lex: QuoteLexicon) -> list[str]:
    """Label each word: "role", "rank", "org", "geo", "time" or "" (no lexicon word)."""
    marks = [""] * len(low)
    index = lex.title_index  # the four tables at once: the longest phrase, ties to rank, role, org, geo
    i = 0
    while i < len(low):
        best, label = 0, ""
        for n, phrase, name in index.get(low[i], ()):
            if tuple(low[i : i + n]) == phrase:
                best, label = n, name
                break
        if not best:
            w = low[i]
            if w in lex.title_abbreviations:
                best, label = 1, "role"
            elif w in lex.days or w in lex.months:
                best, label = 1, "time"
            elif w in lex.portfolio and i > 0 and marks[i - 1] in {"role", "org", "portfolio"}:
                best, label = 1, "portfolio"
            elif (w in lex.coordinators and i > 0 and marks[i - 1] == "portfolio" and i + 1 < len(low)
                  and low[i + 1] in lex.portfolio):
                best, label = 1, "portfolio"  # "Politik dan Keamanan": one office of two fields
        for k in range(i, i + max(best, 1)):
            marks[k] = label
        i += max(best, 1)
    return marks


@dataclass(frozen=True)
class Mention:
    """A speaker mention: its span (``speaker_text``), what kind it is, and its parts.

    ``kind`` is person, org, pronoun, group (a plural pronoun), role (a title without a name: "Menperin"),
    or desc (a description: "pejabat militer Kremlin"); ``anaphoric`` marks descriptions with a
    demonstrative ("pengacara tersebut") that point back to someone named before.
    """

    start: int
    end: int
    kind: str
    name: str
    name_start: int
    name_end: int
    role: str | None = None
    affiliation: str | None = None
    anaphoric: bool = False
    glued: bool = False  # the name directly follows title or organisation words in one capitalised run


def _clean_name(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-").replace("( ", "(").replace(" )", ")")


def _strip_leading(text: str, toks: list[Tok], lex: QuoteLexicon) -> list[Tok]:
    changed = True
    while toks and changed:
        changed = False
        while toks and not toks[0][2][0].isalnum() and toks[0][2] not in "(":
            toks = toks[1:]
            changed = True
        low = [t[2].lower() for t in toks]
        n = longest_at(low, 0, lex.leading) if toks else 0
        after_comma = text[max(0, toks[0][0] - 3) : toks[0][0]].rstrip()[-1:] == "," if toks else False
        if n and capitalised(toks[0][2]) and len(toks) > n and capitalised(toks[n][2]) and after_comma:
            n = 0  # "Kemlu, Lalu Muhammad Iqbal": after a comma, a capitalised word before a name is the name
        if n and n < len(toks):
            toks = toks[n:]
            changed = True
    return toks


def _name_run(main: list[Tok], lex: QuoteLexicon) -> int:
    """Start index of the capitalised run that ends ``main`` (``len(main)`` when there is none)."""
    j = len(main)
    if j >= 3 and main[-1][2] == ")" and main[-3][2] == "(" and _acronym(main[-2][2]):
        j -= 3  # "Komite Penyelamatan Internasional (IRC)"
    k = j
    while k > 0:
        w = main[k - 1][2]
        if capitalised(w):
            k -= 1
            continue
        linker = w == "-" or w.lower() in lex.name_particles or w.lower() in lex.title_links
        if k < j and k > 1 and linker and (capitalised(main[k - 2][2]) or main[k - 2][2].lower() in lex.name_particles):
            k -= 1
            continue
        break
    while k < j and not capitalised(main[k][2]):
        k += 1
    return k if k < j else len(main)


def _core(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """Split a phrase into its head part and a trailing relative clause ("yang berbasis di London")."""
    low = [t[2].lower() for t in toks]
    rel = next((i for i, w in enumerate(low) if w in _REL and i > 0), None)
    main = toks[:rel] if rel is not None else toks
    while main and main[-1][2] in _PUNCT_END:
        main = main[:-1]
    # an age or count in brackets after a name: "Sergei Domogatskii (40)"
    if len(main) >= 4 and main[-1][2] == ")" and main[-3][2] == "(" and main[-2][2].isdigit():
        main = main[:-3]
    return main, toks[len(main) :] if rel is not None else []


@per_text  # a pure reading of the range, asked for again by several frames
def parse_phrase(text: str, start: int, end: int, lex: QuoteLexicon) -> Mention | None:
    """Read a speaker phrase in ``text[start:end]``: its kind, name, role and affiliation.

    "Juru bicara Kementerian Pertahanan Rusia, Igor Konashenkov" is the person "Igor Konashenkov" with
    role "Juru bicara" and affiliation "Kementerian Pertahanan Rusia"; "dia" is a pronoun; "AS" an
    organisation; "pejabat militer Kremlin" a description; "Menperin" a role without a name.
    """
    toks = _strip_leading(text, tokens_in(text, start, end), lex)
    while toks and (toks[-1][2] in _PUNCT_END or lex.is_adverb(toks[-1][2])):
        toks = toks[:-1]
    if not toks:
        return None
    main, rel = _core(toks)
    if not main:
        return None
    if len(main) == 1 and lex.is_pronoun(main[0][2]):
        kind = "pronoun" if main[0][2].lower() in lex.person_pronouns else "group"
        return Mention(main[0][0], main[0][1], kind, main[0][2], main[0][0], main[0][1])
    mlow = [t[2].lower() for t in main]
    d = 0  # leading determiners and quantifiers
    while d < len(main) - 1:
        n = longest_at(mlow, d, lex.drop_determiners) or (1 if mlow[d] in lex.quantifiers else 0)
        if not n:
            break
        d += n
    marks = lex_marks(mlow, lex)
    r = _name_run(main, lex)
    n0 = len(main)
    while n0 > r and marks[n0 - 1] == "":
        n0 -= 1
    while n0 < len(main) and (mlow[n0] in lex.name_particles or main[n0][2] in "-(),"):
        n0 += 1
    if main[-1][2] == ")":
        n0 = len(main)  # a trailing "(IRC)" marks an organisation name
    if n0 < len(main) and marks[r] == "org" and not any(m in {"role", "rank"} for m in marks[r:n0]):
        # a run that opens with an organisation word names the organisation ("Universitas Gadjah Mada"),
        # except after a personal role with a long tail ("Pengamat ... dari Institute ... Taufik Andrie")
        n0 = len(main) - 2 if marks[d] == "role" and len(main) - n0 >= 3 else len(main)
    words = [t[2] for t in main]
    demonstrative = len(main) > 1 and mlow[-1] in lex.demonstratives
    lower_head = not capitalised(main[d][2]) or (
        d + 1 < len(main) and not capitalised(main[d + 1][2]) and marks[d] == "" and main[d][0] == start
    )
    span_start, span_end = main[0][0], main[-1][1]
    if n0 < len(main) and not demonstrative:
        name_toks = main[n0:]
        nwords = [t[2] for t in name_toks]
        name = _clean_name(nwords)
        prefix, pmarks = main[d:n0], marks[d:n0]
        role, affiliation = _role_affiliation(prefix, pmarks)
        org = all(_acronym(w) for w in nwords) or lex.outlet(name) is not None
        if not org and n0 == r and not prefix:
            org = lex.outlet(nwords[0]) is not None
        if org and lower_head and any(w in _PREPOSITIONS for w in mlow[d:r]):
            # "komentator di surat kabar Haaretz": the organisation is where the described person works
            return _description(toks, rel, span_start, span_end, words, lex, False)
        return Mention(span_start, span_end, "org" if org else "person", name, name_toks[0][0], name_toks[-1][1],
                       role, affiliation, False, n0 > r)
    if demonstrative or lower_head:
        return _description(toks, rel, span_start, span_end, words, lex, demonstrative)
    body = marks[d:]
    if any(m == "role" for m in body) and all(m in {"role", "rank", "portfolio", "geo", "org"} for m in body) and (
        body[0] == "role"
    ):
        role, affiliation = _role_affiliation(main[d:], body)
        return Mention(span_start, span_end, "role", _clean_name(words[d:]), main[d][0], span_end, role, affiliation)
    return Mention(span_start, span_end, "org", _clean_name(words[d:]), main[d][0], span_end)


def _description(
    toks: list[Tok], rel: list[Tok], span_start: int, span_end: int, words: list[str],
    lex: QuoteLexicon, demonstrative: bool,
) -> Mention:
    """A described speaker ("polisi yang tak ingin disebut namanya"); its canonical form drops "seorang"."""
    if rel and len(rel) <= 8 and rel[0][2].lower() in {"yang", "who"}:
        span_end = rel[-1][1]
    desc = [t for t in toks if span_start <= t[0] and t[1] <= span_end]
    drop = longest_at([t[2].lower() for t in desc], 0, lex.drop_determiners)
    name = _clean_name([t[2] for t in desc[drop:]]) or _clean_name(words)
    first = desc[drop][0] if drop < len(desc) else span_start
    return Mention(span_start, span_end, "desc", name, first, span_end, None, None, demonstrative)


def _role_affiliation(prefix: list[Tok], marks: list[str]) -> tuple[str | None, str | None]:
    """Split the words before a name into a role ("Juru bicara") and an affiliation ("Kementerian ...")."""
    toks = [t for t in prefix]
    mk = list(marks)
    while toks and (toks[-1][2] in ",-" or mk[-1] == "rank"):
        toks, mk = toks[:-1], mk[:-1]
    if not toks:
        return None, None
    cut = next((i for i, m in enumerate(mk) if m in {"org", "geo"} and i > 0), None)
    if cut is None:
        return _clean_name([t[2] for t in toks]).strip(" ,") or None, None
    role = _clean_name([t[2] for t in toks[:cut]]).strip(" ,") or None
    aff = _clean_name([t[2] for t in toks[cut:]]).strip(" ,") or None
    return role, aff


@dataclass
class Identity:
    """One speaker identity in a document: its canonical name, kind and what is known about it."""

    key: str
    kind: str
    words: tuple[str, ...]
    role: str | None = None
    affiliation: str | None = None
    aliases: set[str] = field(default_factory=set)


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


class Resolver:
    """Resolves speaker mentions of one document to canonical identities, in text order.

    ``blocked`` are quoted contents (direct and indirect): names inside them are never antecedents of a
    pronoun outside them ("“... Sergei mengaku ...,” katanya" is the police spokesman, not Sergei).
    """

    def __init__(self, doc: Document, lex: QuoteLexicon, blocked: list[tuple[int, int]],
                 speaker_mentions: list[Mention]) -> None:
        self.doc = doc
        self.lex = lex
        merged: list[tuple[int, int]] = []
        for a, b in sorted(blocked):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.blocked = merged
        self._blocked_starts = [a for a, _ in merged]
        self.entities = sorted(doc.entities, key=lambda e: e.start)
        self.identities: dict[str, Identity] = {}
        self.names: list[tuple[tuple[str, ...], int, bool]] = []  # (lower words, first offset, glued)
        self.singles: set[str] = set()
        self._titled_cache: dict[tuple[str, ...], bool] = {}
        self.events: list[tuple[int, str]] = []  # static person mentions (offset, canonical key)
        self.toks = tokens_in(doc.text, 0, len(doc.text))
        self.low = [t[2].lower() for t in self.toks]
        for m in speaker_mentions:
            if m.kind == "person":
                self._add_name(m.name, m.name_start, m.glued)
                if " " not in m.name:
                    self.singles.add(m.name.lower())
        for e in self.entities:
            if e.label == "PER" and not self._is_blocked(e.start):
                words = (e.name or doc.text[e.start : e.end]).split()
                marks = lex_marks([w.lower() for w in words], lex)
                k = 0
                while k < len(words) - 1 and marks[k]:
                    k += 1  # "Menko Bidang Kemaritiman ..." in an entity name: titles are not the name
                self._add_name(" ".join(words[k:]), e.start, False)
        self._scan_titled_names()
        self._expand_singles()
        self._scan_subjects()
        self.last_person: tuple[int, str] | None = None
        self.last_any: tuple[int, str, str] | None = None
        self._event_i = 0

    # -- inventory -------------------------------------------------------------------------------------------

    def _is_blocked(self, pos: int) -> bool:
        i = bisect.bisect_right(self._blocked_starts, pos) - 1
        return i >= 0 and pos < self.blocked[i][1]

    def _expand_singles(self) -> None:
        """A one-word speaker ("Patel") written in full elsewhere ("Abhishek Patel adalah ...")."""
        toks, low = self.toks, self.low
        for single in sorted(self.singles):
            if any(len(w) > 1 and single in w for w, _, _ in self.names):
                continue
            for i, w in enumerate(low):
                if w != single or i == 0 or self._is_blocked(toks[i][0]):
                    continue
                k = i
                while k > 0 and i - k < 2 and capitalised(toks[k - 1][2]) and not self._function_word(toks[k - 1][2]):
                    k -= 1
                marks = lex_marks(low[k : i + 1], self.lex)
                while k < i and marks[0]:
                    k, marks = k + 1, marks[1:]
                if k < i:
                    self._add_name(" ".join(t[2] for t in toks[k : i + 1]), toks[k][0], False)
                    break

    def _function_word(self, word: str) -> bool:
        """A capitalised word that is no part of a name ("Menurut", "Namun", "Sementara")."""
        w, lex = word.lower(), self.lex
        return (
            lex.verb(w) is not None or (w,) in lex.leading or w in lex.adverbs or w in lex.quantifiers
            or w in lex.days or w in lex.months or lex.is_pronoun(w) or w in lex.stop or w in lex.told
            or w in lex.not_subject_end or w in lex.title_links or w in lex.complementisers
            or (w,) in lex.anaphor_lead or w in lex.demonstratives
        )

    def _scan_subjects(self) -> None:
        """Known person names opening a clause ("Prabowo mengucapkan ...") are antecedents of "dia"."""
        if not self.names:
            return
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words, _, _ in self.names:
            by_first.setdefault(words[0], []).append(words)
        for v in by_first.values():
            v.sort(key=len, reverse=True)
        toks, low = self.toks, self.low
        starts = {bisect.bisect_left(toks, (s.start,)) for s in self.doc.sentences} | {0}
        for i in [k for k, w in enumerate(low) if w in by_first]:  # where a known name can open (found at once)
            cands = by_first[low[i]]
            if not cands or not capitalised(toks[i][2]) or self._is_blocked(toks[i][0]):
                continue
            if not (i in starts or low[i - 1] == "," or low[i - 1] in self.lex.coordinators):
                continue
            for words in cands:
                if tuple(low[i : i + len(words)]) == words:
                    end = toks[i + len(words) - 1][1]
                    self.events.append((toks[i][0], self.doc.text[toks[i][0] : end]))
                    break
        # a person mention opening a sentence after a discourse word ("Sementara tersangka M memohon maaf"):
        # the subject a following "dia"/"-nya" refers to
        seen = {p for p, _ in self.events}
        for e in self.entities:
            if e.label != "PER" or not e.name or e.start in seen or self._is_blocked(e.start):
                continue
            i = bisect.bisect_left(toks, (e.start,))
            if i < len(toks) and toks[i][0] == e.start and i - 1 in starts and self._function_word(toks[i - 1][2]):
                self.events.append((e.start, e.name))
        self.events.sort()

    def _add_name(self, name: str, pos: int, glued: bool) -> None:
        words = tuple(name.lower().split())
        if words and all(words != w for w, _, _ in self.names):
            self.names.append((words, pos, glued))

    def _scan_titled_names(self) -> None:
        """Person names introduced with a title or rank ("Wakil Menteri Pertahanan Anatoly Antonov")."""
        lex = self.lex
        toks, low = self.toks, self.low
        firsts = lex.roles.by_first.keys() | lex.ranks.by_first.keys() | lex.title_abbreviations.keys()
        keep = {"role", "rank", "org", "geo", "portfolio"}
        i = 0
        for start in [k for k, w in enumerate(low) if w in firsts]:  # where a title can open (most: nowhere)
            if start < i:
                continue  # inside the name found before
            i = start
            if not (capitalised(toks[i][2]) or lex.ranks.longest(low, i)):
                i += 1
                continue
            window = low[i : i + 16]
            marks = lex_marks(window, lex)
            j = 0
            while j < len(window) and marks[j] in keep and toks[i + j][2] not in ".,;:":
                j += 1
            k = j
            while k < len(window) and marks[k] == "" and (
                capitalised(toks[i + k][2]) or toks[i + k][2] == "-" or window[k] in lex.name_particles
            ):
                k += 1
            while k > j and not capitalised(toks[i + k - 1][2]):
                k -= 1
            words = [t[2] for t in toks[i + j : i + k]]
            if i + k < len(toks) and toks[i + k][2][:1].isdigit():
                k = j  # "Wali Kota Surabaya Nomor 400.2.4": a numbered document, not a person
            if j > 0 and j < k <= j + 5 and not all(_acronym(w) for w in words) and not self._is_blocked(
                toks[i + j][0]
            ):
                name = _clean_name(words)
                self._add_name(name, toks[i + j][0], True)
                self.events.append((toks[i + j][0], name))
            i += max(k, 1)
        self.events.sort()

    # -- canonical names ---------------------------------------------------------------------------------------

    def canonical_person(self, name: str) -> str:
        """The fullest name in the document that contains ``name`` ("Boy" -> "Boy Rafli Amar")."""
        words = tuple(name.lower().split())
        best: tuple[str, ...] | None = None
        best_pos = 0
        for cand, pos, _ in self.names:
            if len(cand) > len(words) and self._titled(cand):
                continue  # never grow a name with title or organisation words
            ok = _contains(cand, words) or (
                len(words) == 1 and len(words[0]) >= 4 and any(c.startswith(words[0]) and c != words[0] for c in cand)
            )
            if ok and (best is None or len(cand) > len(best) or (len(cand) == len(best) and pos < best_pos)):
                best, best_pos = cand, pos
        if best is None or (len(best) <= len(words) and best == words):
            return self._trim(name)
        return self._trim(self._surface(best, name))

    def _titled(self, words: tuple[str, ...]) -> bool:
        """Whether a name candidate contains title, organisation or place words (memoised)."""
        hit = self._titled_cache.get(words)
        if hit is None:
            hit = self._titled_cache[words] = any(lex_marks(list(words), self.lex))
        return hit

    def _surface(self, lowered: tuple[str, ...], fallback: str) -> str:
        """The name as first written (case restored) for a lower-cased word tuple."""
        for ident in self.identities.values():
            if tuple(ident.key.lower().split()) == lowered:
                return ident.key
        target = " ".join(lowered)
        idx = self.doc.text.lower().find(target)
        if idx < 0:
            return fallback
        return self.doc.text[idx : idx + len(target)]

    def _trim(self, name: str) -> str:
        """Cut title or organisation words glued to the front of a name when a later mention shows the
        name starts later ("Surabaya Eri Cahyadi" with "kata Eri" elsewhere -> "Eri Cahyadi")."""
        words = name.split()
        if len(words) < 3:
            return name
        glued = any(tuple(w.lower() for w in words) == c and g for c, _, g in self.names)
        if not glued:
            return name
        for k in range(1, len(words) - 1):
            if words[k].lower() in self.singles:
                return " ".join(words[k:])
        return name

    def _entity_at(self, start: int, end: int, labels: frozenset[str]) -> Entity | None:
        for e in self.entities:
            if e.start >= end:
                break
            if e.end > start and e.label in labels:
                return e
        return None

    # -- resolution ---------------------------------------------------------------------------------------------

    def _advance(self, pos: int) -> None:
        while self._event_i < len(self.events) and self.events[self._event_i][0] < pos:
            p, name = self.events[self._event_i]
            ent = self._entity_at(p, p + len(name), frozenset({"PER"}))
            key = self.canonical_person(ent.name if ent is not None and ent.name and ent.start == p else name)
            self._identity(key, "person")
            if self.last_person is None or p >= self.last_person[0]:
                self.last_person = (p, key)
            self._event_i += 1

    def _identity(self, key: str, kind: str) -> Identity:
        ident = self.identities.get(key)
        if ident is None:
            ident = Identity(key, kind, tuple(key.lower().split()))
            self.identities[key] = ident
        return ident

    def resolve(self, m: Mention | None, pos: int) -> tuple[str | None, str | None, str | None]:
        """Canonical speaker, role and affiliation for mention ``m`` found at offset ``pos``."""
        self._advance(pos)
        if m is None:
            return self._fallback(pos)
        key: str | None
        kind = m.kind
        if kind == "pronoun":
            key = self.last_person[1] if self.last_person else (self.last_any[1] if self.last_any else None)
            kind = "person"
        elif kind == "group":
            key = self.last_any[1] if self.last_any and self.last_any[2] != "person" else (
                self.last_any[1] if self.last_any else None)
            kind = self.identities[key].kind if key in self.identities else "org"
        elif kind == "person":
            ent = self._entity_at(m.name_start, m.name_end, frozenset({"PER"}))
            if ent is not None and not (ent.start == m.name_start and ent.end >= m.name_end):
                ent = None  # an entity covering part of the name ("Yani" of "Ahmad Yani") or a title says less
            key = self.canonical_person(ent.name if ent is not None and ent.name else m.name)
            org = self._entity_at(m.name_start, m.name_end, frozenset({"ORG", "GPE", "NORP"}))
            if ent is None and org is not None and org.start <= m.name_start and org.end >= m.name_end:
                key, kind = (org.name or m.name), "org"
        elif kind == "org":
            ent = self._entity_at(m.name_start, m.name_end, frozenset({"ORG", "GPE", "NORP", "PER"}))
            named = ent.name if ent is not None and ent.name else None
            key = named or self.lex.outlet(m.name) or self._org_key(m.name)
        elif kind == "role":
            key, kind = self._by_role(m)
        else:  # desc
            key, kind = self._by_description(m)
        if key is None:
            return None, m.role, m.affiliation
        ident = self._identity(key, kind)
        if m.role and not ident.role:
            ident.role, ident.affiliation = m.role, m.affiliation
        if m.kind in {"person", "org", "desc", "role"}:
            ident.aliases.add(m.name.lower())
        if ident.kind == "person":
            self.last_person = (pos, key)
        self.last_any = (pos, key, ident.kind)
        return key, ident.role, ident.affiliation

    def _fallback(self, pos: int) -> tuple[str | None, str | None, str | None]:
        """The speaker of the surrounding text, for a quotation without its own attribution."""
        recent = [c for c in (self.last_any, self.last_person) if c is not None and pos - c[0] <= _CONTEXT_CHARS]
        if not recent:
            return None, None, None
        key = recent[0][1]
        ident = self.identities.get(key)
        return key, ident.role if ident else None, ident.affiliation if ident else None

    def _org_key(self, name: str) -> str:
        words = tuple(name.lower().split())
        for ident in self.identities.values():
            if ident.kind == "org" and (
                _contains(ident.words, words) or name.lower() in ident.aliases or f"({name.lower()})" in ident.words
            ):
                return ident.key
        return name

    def _by_role(self, m: Mention) -> tuple[str | None, str]:
        title = m.name.lower()
        wanted = self.lex.title_abbreviations.get(title, title)
        best: Identity | None = None
        for ident in self.identities.values():
            if ident.kind == "person" and ident.role and (
                wanted in ident.role.lower() or ident.role.lower() in wanted or title in ident.aliases
            ):
                best = ident
        if best is not None:
            return best.key, "person"
        return m.name, "role"

    def _by_description(self, m: Mention) -> tuple[str | None, str]:
        if not m.anaphoric:
            return m.name, "desc"
        head = m.name.split()[0].lower()
        for ident in reversed(list(self.identities.values())):
            if ident.kind == "person" and ident.role and head in ident.role.lower():
                return ident.key, "person"
        low = tuple(w.lower() for w in m.name.split())
        person = any(longest_at(list(low), i, self.lex.person_nouns) for i in range(len(low)))
        if person and self.last_person is not None:
            return self.last_person[1], "person"
        if self.last_any is not None:
            return self.last_any[1], self.last_any[2]
        return m.name, "desc"
