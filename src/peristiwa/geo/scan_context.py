"""What the place-mention rules of :mod:`peristiwa.geo.mentions` ask about a document: its tokens, the
entity mentions a name may sit inside, the gazetteer candidates of a run of words, and the words around it.

Why apart: the rules that decide what is a mention (``mentions._Scanner``) read best on their own; this
module holds the document's context and the questions they share (is this inside a person's name, an
institution, a street; what follows a name; which level a list names).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass

from ..actors.registry import ActorRegistry
from ..model import Document, Entity
from .gazetteer import Gazetteer, GeoEntry
from .words import PlaceWords

__all__ = ["Mention", "ScanContext", "Tok"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*\.?|[^\w\s]")
_MAX_RUN = 5
#: entity origins whose inner sub-national place names a jurisdiction ("Polda Bali", "Kantor Kejati Jateng")
_JURISDICTIONS = frozenset({"actors.unit", "actors.org", "actors.acronym"})
_PARTY = re.compile(r"(?<![\w.])(?:[DRI]|DFL)-")
_LIST_JOINERS = frozenset({"dan", "serta", "atau", ",", "and", "or", "hingga", "sampai", "&"})
_NER_LABELS = frozenset({"LOC", "GPE"})
#: entity origins that only restate the gazetteer or the country table: no evidence of a non-place
_PLACE_ORIGINS = frozenset({"actors.country"})
#: entity origins that are only "an unexplained proper name" (see actors.stage.source_names)
_NAME_ORIGINS = frozenset({"actors.name", "actors.coref"})


@dataclass
class Mention:
    """A candidate place mention; ``cands`` are the gazetteer entries its name can refer to."""

    start: int
    end: int
    cands: list[GeoEntry]
    feature: str | None  # level asked for by an admin word
    evidence: str  # admin | prep | exonym | hint | modifier | ner | bare | unit | actor | demonym | facility
    admin1_hint: str | None = None  # ", Papua" / ", Texas" after it
    country_hint: str | None = None  # country of that hint ("La." is in the US)
    span_start: int | None = None  # start including the admin word
    name: str | None = None  # facility or unresolved name ("Juanda Airport", "Bandipora")
    near: GeoEntry | None = None  # the place named after a comma ("Bandara Juanda, Surabaya")
    country: str | None = None  # country implied by an admin word ("Desa" is Indonesian)
    surname: bool = False  # the last word of a person's name in the document ("Andrew Trapani")
    town: bool = False  # modifies a noun a country takes in its demonym form ("a Lebanon woman", "Jordan police")

    @property
    def weak(self) -> bool:
        """Evidence too weak on its own: kept only for major places or with support in the document."""
        return self.evidence == "bare"


Tok = tuple[int, int, str]


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    out: list[Tok] = []
    for m in _WORD.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m[0]
        if w.isalnum():  # a plain word or number (most tokens): none of the cases below
            out.append((s, e, w))
        elif len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":  # possessive: "Nebraska's"
            out.append((s, e - 2, w[:-2]))
            out.append((e - 2, e, w[-2:]))
        elif "-" in w and w[0].isupper() and w.rsplit("-", 1)[1].islower():  # "Texas-based", "Gaza-born"
            cut = s + w.rindex("-")
            out.append((s, cut, w[: cut - s]))
            out.append((cut, cut + 1, "-"))
            out.append((cut + 1, e, w[cut - s + 1 :]))
        elif w.endswith(".") and len(w) > 1 and not _abbreviation(w):
            out.append((s, e - 1, w[:-1]))  # a sentence-final period is not part of the word
            out.append((e - 1, e, "."))
        else:
            out.append((s, e, w))
    return out


def _abbreviation(word: str) -> bool:
    """"St.", "Mt.", "U." (of "U.S.") keep their period, so runs such as "St. Louis" hold together;
    "Texas." and "Iraq." at the end of a sentence do not."""
    core = word[:-1]
    return (len(core) <= 3 and core[:1].isupper()) or "." in core


def _cap(tok: str) -> bool:
    """Capitalised, also after an elided article ("d'Ivoire", "l'Aquila")."""
    return tok[:1].isupper() or (len(tok) > 3 and tok[1] in "'’" and tok[0].islower() and tok[2].isupper())


def _head_at(toks: list[Tok], j: int, heads: frozenset[str]) -> bool:
    """Token ``j`` is one of ``heads`` (lower-cased) right after the name ending at token ``j - 1``
    (at most one space between): the noun the name modifies ("Winona police")."""
    return j < len(toks) and toks[j][2].lower() in heads and toks[j][0] - toks[j - 1][1] <= 1


class ScanContext:
    """One document's scan; the methods read the pack data, the gazetteer and the entity layer."""

    def __init__(self, doc: Document, reg: ActorRegistry, words: PlaceWords, gaz: Gazetteer) -> None:
        self.text = doc.text
        self.reg, self.words, self.gaz = reg, words, gaz
        self.entities = sorted(doc.entities, key=lambda e: e.start)
        # the furthest end of the entities up to each one: :meth:`blocked` starts at the first that reaches
        self._reach = list(itertools.accumulate((e.end for e in self.entities), max))
        self.stop = reg.stop_words | reg.org_words  # words that end a run of name words
        self.alone = words.stop  # words that are no place on their own ("As", "March", "West")
        self.heads = frozenset(w.lower() for w in words.settings.modifier_heads)
        self.town_heads = frozenset(w.lower() for w in words.settings.town_heads)
        # last words of the document's person names ("Andrew Trapani" ... "Trapani said")
        self.surnames = frozenset(
            parts[-1] for e in self.entities
            if (e.label == "PER" or (e.label == "MISC" and e.origin in _NAME_ORIGINS))
            and len(parts := self.text[e.start : e.end].split()) >= 2 and parts[0][:1].isupper()
        )
        self.ner = [e for e in self.entities if e.label in _NER_LABELS and e.origin not in _PLACE_ORIGINS]
        self.ner_starts = frozenset(e.start for e in self.ner)
        self._ner_sorted = sorted(self.ner_starts)
        self.ner_at: dict[int, Entity] = {}  # the first of them starting at each offset
        for e in self.ner:
            self.ner_at.setdefault(e.start, e)
        # the entities each test below can be about, picked once (the tests run for every candidate name)
        self._persons = [e for e in self.entities if e.label == "PER" and e.origin != "actors.head"]
        self._names = [e for e in self.entities if e.label == "MISC" and e.origin in _NAME_ORIGINS]
        self._units = [e for e in self.entities if e.origin in _JURISDICTIONS]
        self._gpe_actors = [e for e in self.entities if e.label == "GPE" and e.origin not in (None, "ner")
                            and e.origin in _PLACE_ORIGINS | {"actors.registry"}]
        self.out: list[Mention] = []
        self.levels: dict[int, str] = {}

    # -- entity tests -----------------------------------------------------------------------------------

    def blocked(self, start: int, end: int, cands: list[GeoEntry] | None = None, strong: bool = False,
                modifier: bool = False) -> bool:
        """Inside a person/organisation/actor mention that is not the place itself.

        A regional unit's place ("Polda Bali", "Kejati Jawa Tengah") is its jurisdiction: not blocked unless
        it is a country (``in_unit`` marks those mentions so they get a low confidence). A place modifying
        the head noun of a group ("Georgia authorities", "Winona police") is the group's place.
        """
        ents = self.entities
        # an entity ending before the span can neither overlap it nor hold it: those before the first that
        # reaches it are skipped (a document's later names were tested against every earlier entity)
        for k in range(bisect.bisect_left(self._reach, min(start, end)), len(ents)):
            e = ents[k]
            if e.start >= end:
                break
            if e.label == "MISC" and e.origin in _NAME_ORIGINS:
                continue  # see in_name
            if modifier and e.origin == "actors.head" and e.start <= start and end < e.end:
                continue
            if e.start < end and start < e.end and e.label == "PER":
                if e.origin == "actors.coref" and (strong or (start <= e.start and e.end <= end
                                                              and e.end - e.start < end - start)):
                    continue  # a name part linked to a person ("Laurel" of "... Laurel") yields to "Laurel County",
                    # and to a longer place name it is only the first word of ("Las" of "Las Vegas")
                if e.origin == "actors.title" and (start == e.start or self.party_district(start)
                                                   or (start < e.start and e.end <= end)):
                    continue  # a title's jurisdiction ("Clark County Sheriff ...", "Sen. X, R-Florence") or a
                    # place named with a title word ("Prince Edward Island")
                return True
            if e.start <= start and end <= e.end and e.label not in ("GPE", "LOC"):
                if e.origin in _JURISDICTIONS and cands and cands[0].feature != "country":
                    continue
                return True
        return False

    def split_compounds(self, toks: list[Tok]) -> list[Tok]:
        """"Egyptian-US", "Israeli-Palestinian": two names joined by a hyphen, unless the gazetteer or the
        pack knows the whole ("Winston-Salem", "Al-Hasakah")."""
        out: list[Tok] = []
        for s, e, w in toks:
            if "-" not in w:  # most tokens: nothing to split
                out.append((s, e, w))
                continue
            parts = w.split("-")
            if len(parts) > 1 and all(_cap(p) for p in parts) and not self.gaz.lookup(w) \
                    and not self.reg.modifiers.lookup(w):
                pos = s
                for k, part in enumerate(parts):
                    if k:
                        out.append((pos, pos + 1, "-"))
                        pos += 1
                    out.append((pos, pos + len(part), part))
                    pos += len(part)
            else:
                out.append((s, e, w))
        return out

    def longer_place(self, toks: list[Tok], i: int, end: int) -> bool:
        """Whether a gazetteer name starting at token ``i`` reaches beyond ``end``."""
        found = self.longest(toks, i, None)
        return found is not None and toks[found[0] - 1][1] > end

    def street(self, toks: list[Tok], j: int, cands: list[GeoEntry] | None = None) -> bool:
        """"Taylor Street", "the China embassy": the name is part of a street's or an institution's. A
        state or country before a street word that goes on with a name is an institution's place ("the
        Florida Highway Patrol", "the Kentucky Court of Appeals")."""
        if j >= len(toks):
            return False
        if toks[j][2].lower() in self.words.institution:
            return True
        if toks[j][2] not in self.words.street:
            return False
        major = cands is not None and bool(cands) and cands[0].feature in ("country", "admin1")
        nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
        return not (major and (_cap(nxt) or nxt == "of"))

    def modifier(self, toks: list[Tok], j: int) -> bool:
        """The name ending before token ``j`` modifies a head noun as a place: "Winona police", "a Crafton
        man", "Texas-based" (the pack's ``modifier_heads``)."""
        if j < len(toks) and toks[j][2] == "-" and toks[j][0] == toks[j - 1][1]:
            j += 1
        return _head_at(toks, j, self.heads)

    def town_modifier(self, toks: list[Tok], j: int) -> bool:
        """The name ending before token ``j`` modifies a noun that a country would take in its demonym form
        ("a Palestine man", "Lebanon police"; the pack's ``town_heads``): a town's name, not a country's."""
        return _head_at(toks, j, self.town_heads)

    def in_person(self, start: int, end: int) -> bool:
        """Inside a named person (not a group named by a head noun: "Russian officials")."""
        return any(e.start < end and start < e.end for e in self._persons)

    def surname(self, start: int, end: int) -> bool:
        """A part of an unexplained name that is no place: the surname of "Bob Taylor" (also when
        "Taylor" comes back alone), a word inside "Gateway Commerce Center". A place opening a longer
        name ("Gainesville Public Utilities") or closing one ("Six Flags Over Texas") stays a candidate."""
        word = self.text[start:end]
        for e in self._names:
            if not (e.start <= start and end <= e.end and e.name):
                continue
            parts = e.name.split()
            if len(parts) < 2 or word not in parts or any(p in self.alone for p in parts):
                continue
            if e.origin == "actors.name" and start > e.start and end < e.end:
                return True  # inside the name
            if len(parts) <= 3 and parts[-1] == word and parts[0] != word:
                return True  # "Bob Taylor" / later "Taylor"
        return False

    def in_name(self, start: int, end: int) -> bool:
        """Inside an *unexplained* capitalised name (no table knows it: "Gainesville Public Utilities",
        "Texas Southern"): no evidence either way, so the place needs support like a bare name."""
        return any(e.start < end and start < e.end for e in self._names)

    def own_evidence(self, toks: list[Tok], i: int, j: int, evidence: str) -> bool:
        """Tokens ``i:j`` right after a preposition of place ("in", "di") are no part of a longer name here:
        they only repeat a word of an unexplained name told elsewhere ("in Maryville" after "First Baptist
        Church Maryville"), so the preposition's evidence stands. Not a possessive ("at Dow's plant": an
        owner, an actor), nor after "to"/"from" (people are given to and come from people)."""
        if evidence != "prep" or not i or toks[i - 1][2].lower() not in self.words.prep_at:
            return False
        if j < len(toks) and toks[j][2] in ("'s", "’s"):
            return False
        start, end = toks[i][0], toks[j - 1][1]
        return all(e.origin == "actors.coref" and e.start == start and e.end == end
                   for e in self.entities if e.start < end and start < e.end and e.origin in _NAME_ORIGINS)

    def in_unit(self, start: int, end: int) -> bool:
        return any(e.start <= start and end <= e.end for e in self._units)

    def gpe_actor(self, start: int, end: int) -> bool:
        return any(e.start <= start and end <= e.end for e in self._gpe_actors)

    # -- token helpers ------------------------------------------------------------------------------------

    def party_district(self, start: int) -> bool:
        """A place right after a party letter and a hyphen: a legislator's district ("D-Kanawha",
        "R-Elbow Lake", "DFL-Cook")."""
        if start < 2 or self.text[start - 1] != "-":
            return False  # (the pattern ends with the hyphen: no search before most names)
        m = _PARTY.search(self.text, max(0, start - 5), start)
        return m is not None and m.end() == start

    def evidence(self, toks: list[Tok], i: int, prev_place_end: int | None) -> str:
        w = self.words
        prev = toks[i - 1][2].lower() if i else ""
        if i and self.party_district(toks[i][0]):
            return "prep"
        if prev in w.prep or prev in w.generic:
            return "prep"
        if i >= 2 and f"{toks[i - 2][2]} {prev}".lower() in w.generic:
            return "prep"
        if i >= 2 and prev in w.det and toks[i - 2][2].lower() in w.prep_det:
            return "prep"  # "in the Cottonport area" (not "of the Republic")
        if i and prev_place_end is not None and prev in _LIST_JOINERS:
            return "prep"
        if prev == "," and self.after_unknown_place(toks, i - 1):
            return "prep"  # "in Marunda, North Jakarta": the container of a place the gazetteer lacks
        return "bare"

    def unknown_unit(self, toks: list[Tok], i: int, known_end: int) -> int | None:
        """"Sari Rejo subdistrict, Medan": a capitalised run that the gazetteer knows only the start of
        ("Sari") and that a level word closes is a unit of that level the gazetteer lacks; it is kept by
        name, placed by the place after it, instead of as the namesake of its first word."""
        j = self.run_end(toks, i)
        if j <= known_end or j >= len(toks) or self.words.suffix.get(toks[j][2].lower()) not in ("admin2", "admin3"):
            return None  # not "the Tennessee Senior Olympics state competition"
        start, end = toks[i][0], toks[j - 1][1]
        if self.blocked(start, end) or self.gaz.lookup(self.text[start:end]):
            return None
        feature = self.words.suffix[toks[j][2].lower()]
        after = j + 1
        ment = Mention(start, end, [], feature, "admin", span_start=start, name=self.text[start:end],
                       near=self.trailing_place(toks, after))
        self.out.append(ment)
        return after

    def after_unknown_place(self, toks: list[Tok], comma: int) -> bool:
        """The comma at ``comma`` closes a capitalised name (not all words of no place) that a preposition
        opens: "in Marunda," / "in Jalan Radin Inten II,"."""
        k = comma
        while k > 0 and (_cap(toks[k - 1][2]) or (toks[k - 1][2].isdigit() and k < comma)):
            k -= 1
        if k == comma or not k or all(t[2] in self.alone or t[2] in self.stop for t in toks[k:comma]):
            return False
        return toks[k - 1][2].lower() in self.words.prep

    def suffix(self, toks: list[Tok], end: int) -> str | None:
        for k, (s, _e, tok) in enumerate(toks):
            if s >= end:
                if k in self.levels:  # a name of a list closed by a plural level word, also before its comma
                    return self.levels[k]
                if not tok[0].isalpha():
                    return None
                return self.words.suffix.get(tok.lower())
        return None

    def openings(self, toks: list[Tok], lows: list[str], exonyms: Collection[int]) -> list[int]:
        """The tokens (ascending indices) where a mention rule of the scan can open: a capitalised word, a
        facility noun, an exonym's or a place entity's start, a word before "$". ``lows``: the tokens in
        lower case; ``exonyms``: the exonym starts (offsets)."""
        # a word all in lower case is never capitalised (the test of the others runs on few tokens)
        out = {i for i, t in enumerate(toks) if not t[2].islower() and _cap(t[2])}
        openers = self.words.facility_openers
        if not openers.isdisjoint(lows):
            out.update(i for i, low in enumerate(lows) if low in openers)
        if toks:
            lo, hi = toks[0][0], toks[-1][0]
            found = self._ner_sorted
            ner = found[bisect.bisect_left(found, lo) : bisect.bisect_right(found, hi)]
            if ner or exonyms:
                starts = [t[0] for t in toks]
                for k in itertools.chain(ner, exonyms):
                    j = bisect.bisect_left(starts, k)
                    if j < len(starts) and starts[j] == k:
                        out.add(j)
        if "$" in lows:
            out.update(i - 1 for i, low in enumerate(lows) if low == "$" and i)
        return sorted(out)

    def list_levels(self, toks: list[Tok], lows: list[str] | None = None) -> dict[int, str]:
        """Level of the names of a list closed by a plural level word ("Barrow, Jackson and Madison
        counties"): token index just after each name -> the level (read by :meth:`suffix`). A single
        name before it is the container ("Indiana counties"), not a list. ``lows``: the tokens in lower
        case, when the caller has them (a sentence with no plural level word is answered at once)."""
        out: dict[int, str] = {}
        if lows is not None and self.words.plural.keys().isdisjoint(lows):
            return out
        for k, (_s, _e, tok) in enumerate(toks):
            level = self.words.plural.get(tok.lower())
            if level is None or not k or not _cap(toks[k - 1][2]):
                continue
            found: list[int] = []
            j = k  # the token after the current name
            while j > 0 and _cap(toks[j - 1][2]):
                found.append(j)
                while j > 0 and _cap(toks[j - 1][2]):  # back over the whole name
                    j -= 1
                if j >= 2 and toks[j - 1][2].lower() in _LIST_JOINERS:
                    j -= 1
                    if j >= 2 and toks[j - 1][2] == ",":  # "Barrow, Jackson, and Madison"
                        j -= 1
                else:
                    break
            if len(found) >= 2:
                out.update(dict.fromkeys(found, level))
        return out

    def facility(self, toks: list[Tok], i: int) -> tuple[str | None, int]:
        f = self.words.facility
        if i + 1 < len(toks):
            two = f"{toks[i][2]} {toks[i + 1][2]}".lower()
            if two in f:
                return f[two], 2
        return f.get(toks[i][2].lower()), 1

    def run_end(self, toks: list[Tok], i: int) -> int:
        """End (token index) of the run of capitalised tokens from ``i``."""
        j = i
        while j < len(toks) and j - i < _MAX_RUN:
            tok = toks[j][2]
            if not (_cap(tok) or (tok[0].isdigit() and j > i)) or tok in self.stop:
                break
            if j > i and self.text[toks[j - 1][1] : toks[j][0]] not in (" ", ""):
                break
            j += 1
        return j

    def longest(self, toks: list[Tok], i: int, feature: str | None) -> tuple[int, list[GeoEntry]] | None:
        """Longest run of capitalised tokens from ``i`` that the gazetteer knows (at the level asked for)."""
        j = i
        while j < len(toks) and j - i < _MAX_RUN:
            tok = toks[j][2]
            if self.connector(toks, i, j):
                j += 1  # "Newfoundland and Labrador", "Rio de Janeiro", "Dar es Salaam"
                continue
            if not (_cap(tok) or (tok[0].isdigit() and j > i)) or (tok in self.stop and j > i):
                break
            if tok.isupper() and len(tok) > 1 and j == i and not any(c.rank >= 45 for c in self.gaz.lookup(tok)) \
                    and not self.dateline(toks, i):
                return None  # a headline word in capitals ("JUARA"), not a place
            if j > i and self.text[toks[j - 1][1] : toks[j][0]] not in (" ", ""):
                break
            j += 1
        # a name of several words whose first word is followed by a space has that word's key and a space
        # as a key prefix: when no key has it (most runs: "Ketua MPR Zulkifli ..."), only the first word
        # can be a place, and the lookups of the longer runs (new strings, misses) are skipped; the test
        # of a single word is memoised and words recur more than runs
        if j > i + 1 and self.text[toks[i][1] : toks[i + 1][0]] == " " \
                and not self.gaz.has_prefix(toks[i][2]):
            j = i + 1
        for k in range(j, i, -1):
            cands = self.gaz.lookup(self.text[toks[i][0] : toks[k - 1][1]])
            if feature is not None:
                fitting = [c for c in cands if c.feature == feature or (feature == "admin2" and c.feature == "city")]
                # villages and districts are not worth a guess at another level ("Kampung Melayu")
                cands = fitting or ([] if feature in ("admin3", "admin4") else cands)
            if cands:
                return k, cands
        return None

    def connector(self, toks: list[Tok], i: int, j: int) -> bool:
        """A short lower-case word inside a name the gazetteer goes on with ("and" of "Newfoundland and
        Labrador", "de" of "Rio de Janeiro"), followed by a capitalised word."""
        tok = toks[j][2]
        if j > i and tok in ("'s", "’s") and toks[j - 1][1] == toks[j][0]:  # "Queen Anne's County"
            return j + 1 < len(toks) and self.gaz.has_prefix(self.text[toks[i][0] : toks[j][1]])
        return j > i and len(tok) <= 4 and tok.isalpha() and tok.islower() and j + 1 < len(toks) \
            and _cap(toks[j + 1][2]) and self.text[toks[j - 1][1] : toks[j][0]] == " " \
            and self.gaz.has_prefix(self.text[toks[i][0] : toks[j][1]])

    def dateline(self, toks: list[Tok], i: int) -> bool:
        """"CHARLESTON, W.Va. —" / "JAKARTA —" / "March 30, 2009 HANOVER --": a place in capitals opening
        a paragraph or sentence, or after the date of the story."""
        first = i == 0 or toks[i - 1][2] in ("(", "—", "–", "-", ".") or toks[i - 1][2].isdigit()
        k = i
        while k < len(toks) and toks[k][2].replace(".", "").isupper():
            k += 1
        return first and k < len(toks) and toks[k][2] in (",", "—", "–", "-", "(", "”")

    def trailing(self, toks: list[Tok], j: int) -> tuple[str | None, str | None, int]:
        """", Papua" / ", Texas" / ", La." / ", TX" after a place: (admin1, its country, tokens used)."""
        if not (j + 1 < len(toks) and toks[j][2] in (",", "-") and _cap(toks[j + 1][2])):
            return None, None, 0
        if toks[j][2] == "-" and toks[j + 1][0] != toks[j][1]:
            return None, None, 0
        pattern = self.words.abbrev_re
        m = pattern.match(self.text, toks[j + 1][0]) if pattern is not None else None
        if m is not None:
            full, country = self.words.abbrev[m.group()]
            used = sum(1 for t in toks[j + 1 :] if t[0] < m.end())
            return full, country or None, 1 + used
        for k in range(min(len(toks), j + 4), j + 1, -1):
            cands = [c for c in self.gaz.lookup(self.text[toks[j + 1][0] : toks[k - 1][1]]) if c.feature == "admin1"]
            if cands:
                return cands[0].name, cands[0].country, k - j
        return None, None, 0

    def trailing_place(self, toks: list[Tok], j: int) -> GeoEntry | None:
        """The place named after a comma: "Bandara Juanda, Surabaya"."""
        if j + 1 < len(toks) and toks[j][2] == "," and _cap(toks[j + 1][2]):
            for k in range(min(len(toks), j + 4), j + 1, -1):
                cands = [c for c in self.gaz.lookup(self.text[toks[j + 1][0] : toks[k - 1][1]]) if c.rank >= 35]
                if cands:
                    return cands[0]
        return None

    def abbreviated(self, toks: list[Tok], j: int) -> bool:
        pattern = self.words.abbrev_re
        return pattern is not None and j + 1 < len(toks) and pattern.match(self.text, toks[j + 1][0]) is not None

    def abbreviation_mention(self, toks: list[Tok], i: int) -> int | None:
        """An abbreviated division with a period: anywhere ("the S.C. Highway Patrol", "Mass. legislators"),
        but one that is also a word or title ("Miss.") only after a preposition ("in Miss. today") or a
        party letter ("D-Miss.")."""
        pattern = self.words.abbrev_re
        if pattern is None or not _cap(toks[i][2]):
            return None
        prev = toks[i - 1][2] if i else ""
        party = prev == "-" and i >= 2 and len(toks[i - 2][2]) == 1 and toks[i - 2][2].isupper() \
            and toks[i - 2][1] == toks[i - 1][0] == toks[i][0] - 1
        found = pattern.match(self.text, toks[i][0])
        if found is None or "." not in found.group():
            return None  # postal codes ("IN", "OK") only after a place and a comma
        if found.group() in self.words.abbrev_word and not (party or prev.lower() in self.words.prep):
            return None
        if not i:
            ts = toks[0][0]
            if any((m := pattern.match(self.text, k)) is not None and m.end() > ts for k in range(max(0, ts - 6), ts)):
                return None  # the end of an abbreviation a sentence split cut ("D-W. | Va.")
            toks = [(ts, ts, ""), *toks]  # hint_mention counts from the token before
            i = 1
        full, country = self.words.abbrev[found.group()]
        used = 1 + sum(1 for t in toks[i:] if t[0] < found.end())  # counted from the token before, as trailing()
        return self.hint_mention(toks, i - 1, full, country or None, used)

    def hint_mention(self, toks: list[Tok], j: int, admin1: str, country: str | None, used: int) -> int:
        """The abbreviated division after "Lafayette," ("La.", "TX") is a place mention too."""
        start, end = toks[j + 1][0], toks[j + used - 1][1]
        cands = [c for c in self.gaz.lookup(admin1)
                 if c.feature == "admin1" and (country is None or c.country == country)]
        if cands:
            self.out.append(Mention(start, end, cands, "admin1", "admin"))
        return j + used

    def demonym(self, tok: str) -> list[GeoEntry]:
        """The country of a demonym ("Russian", plural "Russians"), from the registry's modifiers."""
        for form in (tok, tok[:-1] if tok.endswith("s") else ""):
            if not form:
                continue
            for mod in self.reg.modifiers.lookup(form):
                if mod.feature == "demonym":
                    return [c for c in self.gaz.lookup(mod.name) if c.feature in ("country", "region", "admin1")][:1]
        return []

    # -- the scan -----------------------------------------------------------------------------------------
