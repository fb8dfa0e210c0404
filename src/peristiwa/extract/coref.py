"""Pronoun and definite-description resolution for event participants.

Why: participants are often pronouns ("Mereka takut ...", "Ia mengatakan ...") or definite descriptions
("militer negara itu"). The GUIDELINE wants the most specific mention, so a pronoun is replaced by the
phrase it stands for; a definite description keeps its own words but takes the identity of what it
refers to. Salience is simple and robust: the nearest earlier compatible phrase, subjects first, within
a few sentences. Pronoun kinds (person / group) are data (``pronouns.tsv``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Document
from ..text.abbreviations import abbreviates
from .chunks import NP, companions, coordinated
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
    inside = [ent for ent in doc.entities if ent.start >= s and ent.end <= e]
    for ent in inside:
        if (ent.end - ent.start) * 2 >= (e - s):
            return {"PER": "person", "GPE": "place", "LOC": "place"}.get(ent.label, "group")
    if np.kind == "common" and sv.has_class(np.head, "individual") and _definite_one(sv, np):
        return "person"  # "pria 47 tahun itu"
    if doc.entities:  # the actors stage ran: a person is a phrase naming a PER mention
        if any(ent.label == "PER" for ent in inside):
            return "person"
        if np.kind == "proper" and any(ps <= s and e <= pe for ps, pe in place_spans):
            return "place"
        return "group"
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


def _definite_one(sv: SentView, np: NP) -> bool:
    """A singular description closed by a demonstrative, perhaps after an age ("pria 47 tahun itu"), not a
    quantified or general one ("anak-anak dan remaja")."""
    if any(sv.has_role(k, "quant") for k in range(np.start, np.end)):
        return False
    k = np.end
    while k < len(sv) and k < np.end + 3 and (sv.words[k][:1].isdigit() or sv.has_class(k, "age_word")):
        k += 1
    return sv.has_role(np.end - 1, "demonstrative") or sv.has_role(k, "demonstrative")


class Antecedents:
    """Referable noun phrases of a document, chunked on demand (only near the pronouns that need them)."""

    def __init__(self, doc: Document, views: list[SentView], nps_for: Callable[[int], list[NP]],
                 res: Resources) -> None:
        self.doc = doc
        self.res = res
        self.views = views
        self.nps_for = nps_for
        self._place_spans = [(p.start, p.end) for p in doc.places]
        self._by_sentence: dict[int, list[Mention]] = {}

    def sentence(self, si: int) -> list[Mention]:
        """Mentions of sentence ``si`` (subject first)."""
        if si not in self._by_sentence:
            sv = self.views[si]
            out: list[Mention] = []
            for np in self.nps_for(si):
                if np.kind == "pronoun" or np.pp:
                    continue
                kind = _kind(sv, np, self.doc, self._place_spans)
                if kind == "group" and np.kind == "proper" and np.label in ("MISC", "") and (
                        sv.has_role(np.start - 1, "speech") or sv.has_role(np.end, "speech")):
                    kind = "person"  # ", kata Johari": a name of unknown kind that speaks is a person's
                out.append(Mention(si, np, kind, not out))
            self._by_sentence[si] = out
        return self._by_sentence[si]

    @property
    def mentions(self) -> list[Mention]:
        """All mentions of the document (chunks every sentence)."""
        return [m for si in range(len(self.views)) for m in self.sentence(si)]

    def _window(self, si: int, max_back: int) -> list[Mention]:
        return [m for k in range(max(0, si - max_back), si + 1) for m in self.sentence(k)]

    def resolve(self, si: int, np: NP, max_back: int = 3, avoid: frozenset[str] = frozenset(),
                depth: int = 0) -> Mention | None:
        """The phrase a pronoun refers to (None when nothing fits; never a phrase with a word, lower-cased,
        in ``avoid``: the name of the speaker of the quotation a "dia" stands in).

        A narrative keeps its participants as subjects: "Nadir dan Budi berangkat ... keduanya tiba ...
        keduanya bertolak menuju Lebanon ... keduanya diperiksa": when the same pronoun was the subject of
        the nearest sentence before with a subject (of the two before), it refers to what that one refers
        to (not to "Lebanon")."""
        word = self.views[si].words[np.start]
        if depth < 6:
            for k in range(si - 1, max(-1, si - 3), -1):
                prev = next((x for x in self.nps_for(k) if not x.pp), None)  # the sentence's subject
                if prev is None:
                    continue  # no subject: look one sentence further back
                if prev.kind == "pronoun" and self._same_referent(word, self.views[k].words[prev.start]):
                    return self.resolve(k, prev, max_back, avoid, depth + 1)
                break  # a newer subject ("Riot police arrived. They fired") stands between: no chain
        kind, number = self.res.pronouns.get(word, ("any", "any"))
        if kind == "side":  # "Kapolsek X mengatakan pihaknya akan ...": the side of the one speaking
            sv = self.views[si]
            speaker = next((m for m in self.sentence(si) if m.subject and m.np.end <= np.start
                            and any(sv.has_role(k, "speech") for k in range(m.np.end, np.start))), None)
            if speaker is not None:
                return speaker
        wanted = {"person": ("person",), "group": ("group", "place"), "any": ("person", "group", "place"),
                  "people": ("group",), "side": ("group", "person")}.get(kind, ("person", "group", "place"))

        best: Mention | None = None
        best_key: tuple[int, int, int] | None = None
        for m in self._window(si, max_back):
            if m.si == si and m.np.start >= np.start:
                continue
            # "Nadir bersama Budi berangkat ...; mereka menginap": persons in a list are a "mereka"
            if m.kind not in wanted and not (number == "pl" and m.kind == "person" and self.list_items(m)[1:]):
                continue
            if self._avoided(m, avoid):
                continue
            dist = si - m.si
            key = (0 if (m.subject or dist == 0) else 1, dist, -m.np.start)
            if best_key is None or key < best_key:
                best, best_key = m, key
        if best is None and word in self.views[si].syntax.first_person and kind == "group":
            # "Kami lalu membatalkan ...", kata Brawn: with no organisation near, the speaker's side is him
            best = next((m for m in reversed(self._window(si, max_back)) if m.kind == "person"
                         and (m.si < si or m.np.start < np.start)), None)
        if best is None and kind == "person" and number == "sg":
            best = self._unknown_kind_subject(si, np, max_back, avoid) or self._protagonist(si, max_back, avoid)
        return best

    def _avoided(self, m: Mention, avoid: frozenset[str]) -> bool:
        """Whether a word of ``m``, lower-cased, is one to avoid (the speaker a quoted "dia" is not)."""
        return bool(avoid) and not avoid.isdisjoint(w.lower() for w in self.views[m.si].raw[m.np.start : m.np.end])

    def _unknown_kind_subject(self, si: int, np: NP, near: int, avoid: frozenset[str]) -> Mention | None:
        """A name whose kind no table knows ("Lorde", initials such as "AR") may be the person a "dia" means:
        when it is the subject of the pronoun's own sentence ("Lorde menyatakan bahwa dia ..."), or the
        subject of two of the last sentences (the story's protagonist), it is; so is a name of two or more
        words that was the subject of the sentence right before ("Budi Santoso datang ... Ia kemudian
        ditangkap"), when no person is nearer and the pack's pronouns carry no gender (see _protagonist)."""
        seen: dict[str, int] = {}
        last: dict[str, Mention] = {}
        previous: Mention | None = None
        genderless = self.views[si].syntax.protagonist_window > 0  # "she" may not mean "John Letts"
        for m in self._window(si, near):
            if not m.subject or (m.si == si and m.np.start >= np.start):
                continue
            if m.np.kind != "proper" or m.np.label not in ("", "MISC") or m.kind == "place" or self._avoided(m, avoid):
                continue
            key = " ".join(self.views[m.si].raw[m.np.start : m.np.end])
            if m.si == si:
                return m
            if genderless and m.si == si - 1 and m.np.end - m.np.start >= 2 and all(
                    self.views[m.si].is_upper(k) for k in range(m.np.start, m.np.end)) and not self._placed(m):
                previous = m  # (a name holding a place is a club's or a firm's: "Persija Jakarta")
            seen[key] = seen.get(key, 0) + 1
            last[key] = m
        recurring = [m for key, m in last.items() if seen[key] >= 2]
        return max(recurring, key=lambda m: (m.si, m.np.start)) if recurring else previous

    def _placed(self, m: Mention) -> bool:
        """Whether a place mention lies inside the phrase of ``m``."""
        s, e = self.views[m.si].char_span(m.np.start, m.np.end)
        return any(s <= ps and pe <= e for ps, pe in self._place_spans)

    def _protagonist(self, si: int, near: int, avoid: frozenset[str]) -> Mention | None:
        """A singular person pronoun with no person in the last few sentences ("Ia pun menyampaikan
        apresiasi" after sentences about a programme) still means the story's protagonist: the person last
        mentioned, further back (its sentence's subject when that is a person), up to ``[syntax]
        protagonist_window`` sentences. Packs whose pronouns carry a gender the mechanism cannot check
        (English "she" is not "Sajid Javid") leave it at 0."""
        far = self.views[si].syntax.protagonist_window
        for k in range(si - near - 1, max(-1, si - far - 1), -1):
            persons = [m for m in self.sentence(k) if m.kind == "person" and not self._avoided(m, avoid)]
            if persons:
                return next((m for m in persons if m.subject), persons[0])
        return None

    def list_items(self, m: Mention) -> list[NP]:
        """The phrases of the list ``m`` opens: "X, Y dan Z", or "X bersama Y" (a companion)."""
        sv, nps = self.views[m.si], self.nps_for(m.si)
        items = coordinated(sv, nps, m.np)
        return items + companions(sv, nps, m.np) if len(items) == 1 else items

    def _same_referent(self, word: str, other: str) -> bool:
        """Two subject pronouns that continue one referent: the same word, or two third-person plurals
        ("keduanya" ... "mereka"); first-person ones never chain (their speakers change)."""
        if word == other:
            return word not in self.views[0].syntax.first_person
        a, b = self.res.pronouns.get(word), self.res.pronouns.get(other)
        return bool(a and b and a[1] == b[1] == "pl" and "person" not in (a[0], b[0])
                    and word not in self.views[0].syntax.first_person
                    and other not in self.views[0].syntax.first_person)

    def resolve_object(self, si: int, before: int, exclude: set[tuple[int, int]], max_back: int = 2) -> Mention | None:
        """The referent of an object clitic ("menahannya") at token ``before`` of sentence ``si``: the nearest
        earlier person (else group) that is not one of the verb's own participants (``exclude``: char spans)."""
        best: Mention | None = None
        best_key: tuple[int, int, int, int] | None = None
        for m in self._window(si, max_back):
            if (m.si == si and m.np.end > before) or m.kind not in ("person", "group"):
                continue
            s, e = self.views[m.si].char_span(m.np.start, m.np.end)
            if any(s < xe and xs < e for xs, xe in exclude):
                continue
            key = (si - m.si, 0 if m.kind == "person" else 1, 0 if m.subject else 1, -m.np.start)
            if best_key is None or key < best_key:
                best, best_key = m, key
        return best

    def resolve_definite(self, si: int, np: NP, max_back: int = 3) -> Mention | None:
        """ "the man" refers to the nearest earlier indefinite phrase with the same head ("an unidentified
        armed man"); None when there is none (a first mention with "the")."""
        sv = self.views[si]
        head = sv.words[np.head]
        definite = sv.syntax.definite
        for k in range(si, max(-1, si - max_back - 1), -1):
            msv = self.views[k]
            if head not in msv.words:
                continue  # no phrase of the sentence has that head: not chunked for it
            for cand in reversed([x for n in self.nps_for(k) for x in (n, *n.members)]):
                if (k == si and cand.start >= np.start) or cand is np or cand.kind == "pronoun":
                    continue
                if msv.words[cand.head] == head and msv.words[cand.start] not in definite:
                    return Mention(k, cand, "group", False)
        return None

    def resolve_description(self, si: int, np: NP, max_back: int = 30) -> Mention | None:
        """ "aktivis mahasiswa itu" / "aktivis mahasiswa yang ..." after "Aktivis mahasiswa asal Riau, Khariq
        Anhar": a description the article first gave in apposition to a person's name stands for that
        person. Its content words (two at least, or one with a demonstrative) must open the description.
        A quantified phrase ("Ratusan mahasiswa", "seorang warga") is someone else, and a description first
        given with a quantifier ("Seorang warga sekitar, Ani") is taken up again only with a demonstrative
        ("warga sekitar itu"), not by a generic "warga sekitar yang ..."."""
        sv = self.views[si]
        span = range(np.start, np.end)
        if any(sv.has_role(k, "quant") or sv.words[k][:1].isdigit() for k in span):
            return None
        words = [sv.words[k] for k in span if not sv.has_role(k, "demonstrative") and sv.words[k][:1].isalnum()]
        demonstrative = any(sv.has_role(k, "demonstrative") for k in span)
        if not words or (len(words) < 2 and not demonstrative):
            return None
        for k in range(si, max(-1, si - max_back - 1), -1):
            msv = self.views[k]
            if words[0] not in msv.words:
                continue  # no description of the sentence can open with the first word: not chunked for it
            for cand in self.nps_for(k):
                if cand.core is None or (k == si and cand.start >= np.start) or cand.label not in ("PER", "MISC"):
                    continue
                quantified = msv.has_role(cand.start, "quant")
                desc = [msv.words[j] for j in range(cand.start, cand.core[0])
                        if not msv.has_role(j, "quant") and msv.words[j][:1].isalnum()]
                if desc[: len(words)] == words and (demonstrative or not quantified):
                    core = NP(cand.core[0], cand.core[1], cand.head, "proper", label=cand.label)
                    return Mention(k, core, "person", False)
        return None

    def resolve_epithet(self, si: int, np: NP, max_back: int = 2) -> Mention | None:
        """ "musisi pemenang Grammy Awards tersebut", "pria itu": a singular description of one individual
        closed by a demonstrative, after the story named a person, is that person (news varies the words for
        its protagonist). The head must be a noun of one individual (word class ``individual``), with no
        quantifier or plural marker; the person is the nearest one named before it, subjects first."""
        sv = self.views[si]
        if (np.kind != "common" or np.core is not None or np.members or not sv.has_role(np.end - 1, "demonstrative")
                or not sv.has_class(np.head, "individual")
                or any(sv.has_role(k, "quant") or "-" in sv.words[k] for k in range(np.start, np.end))):
            return None
        best: Mention | None = None
        best_key: tuple[int, int, int] | None = None
        for m in self._window(si, max_back):
            if (m.si == si and m.np.start >= np.start) or m.np.kind != "proper" or not (
                    m.kind == "person" or m.np.label == "MISC"):  # (a name of unknown kind may be the one)
                continue
            key = (si - m.si, 0 if m.subject else 1, -m.np.start)
            if best_key is None or key < best_key:
                best, best_key = m, key
        return best

    def resolve_title(self, si: int, np: NP, max_back: int = 15) -> Mention | None:
        """A bare title ("Menperin", "Kapolres") names the person last mentioned with a title and a name;
        among several titled persons, the one whose title it is or abbreviates ("Menperin" is "Menteri
        Perindustrian RI Airlangga Hartarto", not the "Ketua Umum Kadin" named after him)."""
        bare = self.views[si].words[np.start]
        first: Mention | None = None
        for k in range(si, max(-1, si - max_back - 1), -1):
            for m in reversed(self.sentence(k)):
                if m.kind != "person" or (k == si and m.np.start >= np.start) or m.np is np:
                    continue
                sv = self.views[k]
                titled = sv.class_within(m.np.start, m.np.end, "person_title") and m.np.end - m.np.start > 1
                # "Menteri Perindustrian RI Airlangga Hartarto": the title may be chunked apart from the name
                lo = next((j for j in range(max(0, m.np.start - 3), m.np.end) if sv.has_class(j, "person_title")),
                          None)
                if not titled and (lo is None or lo >= m.np.start):
                    continue
                if lo is not None and abbreviates(bare, "".join(sv.words[lo : m.np.end])):
                    return m
                first = first or m
        return first

    def resolve_place(self, si: int, before: int, max_back: int = 3) -> Mention | None:
        """The country/state a "negara itu" refers to."""
        cands = [m for m in self._window(si, max_back) if m.kind == "place" and (m.si < si or m.np.start < before)]
        return cands[-1] if cands else None
