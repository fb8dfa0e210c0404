"""Finding place mentions: which stretches of text name a place, and with what evidence.

Why evidence matters: most capitalised words in news are not places, and many place names are also actors
("Rusia melancarkan serangan": Russia acts) or parts of institution names ("Kementerian Pertahanan Rusia",
"Polda Bali", "Washington Post"). So a mention records *why* it is a place (``evidence``), all of it from
the language pack's data (:mod:`peristiwa.geo.words`) or the gazetteer:

1. ``admin``: an administrative word selects the level ("Provinsi Homs" is the governorate, not the city;
   "Kabupaten Intan Jaya, Papua"; "Laurel County"; "Homs province");
2. ``prep``: a preposition or place noun before it ("di Suriah", "in the Cottonport area", "kota Mosul"),
   also carried along a list ("di Jawa Tengah dan DIY");
3. ``exonym``: a country or major place named in the pack's ``exonyms.tsv`` or the registry's country names;
4. ``hint``: followed by its first-level division ("Paris, Texas", "Lafayette, La.", "Austin, TX");
5. ``modifier``: followed by a noun it modifies as a place ("Winona police", "a Crafton man",
   "Texas-based"; the pack's ``modifier_heads``), also inside a group named by its head noun;
6. ``ner``: a LOC/GPE entity of the entities stage (a trained NER model) that the gazetteer knows;
7. ``bare``: any other capitalised name the gazetteer knows; :mod:`peristiwa.geo.resolve` keeps it only
   when it is a major place or the rest of the document corroborates it (``weak``).

Names inside person, organisation or actor mentions are not places, except a regional unit's jurisdiction
("Polda Bali": evidence ``unit``, low confidence) and, where the pack says so (``metonymic_countries``),
a country named as an actor ("Russia said": evidence ``actor``).
"""

from __future__ import annotations

from ..actors.matcher import Match
from ..actors.registry import ActorRegistry, Modifier
from ..model import Document, Entity
from .gazetteer import Gazetteer, GeoEntry
from .words import PlaceWords

__all__ = ["Mention", "find_mentions"]

from .scan_context import (
    _LIST_JOINERS,
    Mention,
    ScanContext,
    Tok,
    _cap,
    _tokens,
)


class _Scanner(ScanContext):
    """One document's scan: the mention rules, in the order they are tried at each token."""

    def scan(self, s_start: int, s_end: int) -> None:
        text, w = self.text, self.words
        toks = _tokens(text, s_start, s_end)
        if "-" in text[s_start:s_end]:
            toks = self.split_compounds(toks)
        exonyms: dict[int, Match[Modifier]] = {}
        for found in self.reg.modifiers.find(text, s_start, s_end):  # longest alias at each start
            if found.start not in exonyms or found.end > exonyms[found.start].end:
                exonyms[found.start] = found
        lows = [t[2].lower() for t in toks]
        self.levels = self.list_levels(toks, lows)
        # the tokens where a rule below can open a mention, found for the sentence at once; the others
        # (lower-case words that are no facility noun: most tokens) are stepped over in one move
        live = self.openings(toks, lows, exonyms)
        n_live = len(live)
        at = 0  # index into ``live`` of the first live token not before ``i``
        i = 0
        prev_place_end: int | None = None
        while i < len(toks):
            while at < n_live and live[at] < i:
                at += 1
            if at == n_live or live[at] > i:
                # no rule can open a mention at tokens i .. stop - 1: a list of places goes on only through
                # list joiners (a word that is none, after a word that is none, ends it)
                stop = live[at] if at < n_live else len(toks)
                if prev_place_end is not None and _breaks_list(lows, i, stop):
                    prev_place_end = None
                i = stop
                continue
            ts, _te, tok = toks[i]
            low = lows[i]
            prev = lows[i - 1] if i else ""
            before = len(self.out)
            nxt = self.facility_mention(toks, i)
            if nxt is None:
                nxt = self.admin_mention(toks, i)
            if nxt is not None:
                prev_place_end = self.out[-1].end if len(self.out) > before else None
                i = max(nxt, i + 1)
                continue
            ner = self.ner_at.get(ts)
            if ner is not None and self.ner_mention(toks, i, ner, prev_place_end):
                prev_place_end = self.out[-1].end
                while i < len(toks) and toks[i][0] < ner.end:
                    i += 1
                continue
            nxt = self.abbreviation_mention(toks, i)
            if nxt is not None:
                prev_place_end = self.out[-1].end
                i = max(nxt, i + 1)
                continue
            ex = exonyms.get(ts)
            if ex is not None and ex.value.feature == "demonym" and self.longer_place(toks, i, ex.end):
                ex = None  # "British Columbia", "Indian Ocean": a place name opening with a demonym
            if ex is not None and ex.value.feature == "demonym" and w.settings.demonyms and ex.end > toks[i][1]:
                dem = [c for c in self.gaz.lookup(ex.value.name) if c.feature in ("country", "region", "admin1")][:1]
                if dem and not self.in_person(ex.start, ex.end):  # "Sri Lankan", "South Ossetian"
                    self.out.append(Mention(ex.start, ex.end, dem, None, "demonym"))
                while i < len(toks) and toks[i][0] < ex.end:
                    i += 1
                continue
            if ex is not None and ex.value.feature != "demonym":
                if self.exonym_mention(toks, i, ex.start, ex.end, prev_place_end):
                    prev_place_end = ex.end
                while i < len(toks) and toks[i][0] < ex.end:
                    i += 1
                continue
            if w.settings.demonyms and _cap(tok) and (dem := self.demonym(tok)) and not self.in_person(ts, toks[i][1]) \
                    and not self.longer_place(toks, i, toks[i][1]):
                self.out.append(Mention(ts, toks[i][1], dem, None, "demonym"))  # "Israeli troops": still Israel
                i += 1
                continue
            if i + 1 < len(toks) and toks[i + 1][2] == "$" and toks[i + 1][0] == toks[i][1]:
                i += 1  # a currency ("US$", "S$", "HK$")
                continue
            if _cap(tok) and tok not in self.stop and (tok.replace(".", "").isalpha() or "-" in tok):
                nxt = self.name_mention(toks, i, prev_place_end)
                if nxt is not None:
                    prev_place_end = self.out[-1].end if len(self.out) > before else None
                    i = max(nxt, i + 1)
                    continue
            if low not in _LIST_JOINERS:
                prev_place_end = None if prev not in _LIST_JOINERS else prev_place_end
            i += 1

    def facility_mention(self, toks: list[Tok], i: int) -> int | None:
        """0. facility noun + name: "Bandara Juanda, Surabaya", "penjara Ofer"."""
        fac, width = self.facility(toks, i)
        if fac is None:
            return None
        if not (i + width < len(toks) and _cap(toks[i + width][2])):
            return i + width  # "di Rumah Sakit yang ...": the facility noun itself is no place name
        j = self.run_end(toks, i + width)
        name_s, name_e = toks[i + width][0], toks[j - 1][1]
        found = self.longest(toks, i + width, None) if j > i + width else None
        cands = found[1] if found and found[0] == j else []
        # (a unit's seat, "Mapolres Tasikmalaya Kota", is in the unit's own place: not blocked by the unit)
        if j <= i + width or self.blocked(name_s, name_e, cands):
            return i + width
        if self.gaz.lookup(self.text[toks[i][0] : name_e]):
            return None  # the whole is a known place ("Tanjung Pinang", "Gunung Kidul", "Pasar Minggu")
        run = self.text[name_s:name_e]
        # "RS Siloam Hospital Lippo Village": a name that already holds the facility's English noun keeps it once
        name = run if fac.lower().split()[-1:][0] in run.lower().split() else f"{run} {fac}"
        self.out.append(Mention(name_s, name_e, cands, None, "facility", span_start=toks[i][0],
                                name=name, near=self.trailing_place(toks, j)))
        return j

    def admin_mention(self, toks: list[Tok], i: int) -> int | None:
        """1. admin word + name: "Provinsi Homs", "Kabupaten Intan Jaya"."""
        ts, tok = toks[i][0], toks[i][2]
        low = tok.lower()
        feature = self.words.admin.get(low)
        width = 1
        if feature is None and i + 1 < len(toks):
            feature = self.words.admin.get(f"{low} {toks[i + 1][2].lower()}")
            width = 2
        k = i + width  # first token of the name
        if feature is None or not _cap(tok) or k >= len(toks) or not _cap(toks[k][2]):
            return None
        m = self.longest(toks, k, feature)
        if m is not None:
            j, cands = m
            ment = Mention(toks[k][0], toks[j - 1][1], cands, feature, "admin", span_start=ts)
            ment.admin1_hint, ment.country_hint, _ = self.trailing(toks, j)
            if not self.blocked(ts, ment.end, cands):
                self.out.append(ment)
            return j
        j = self.run_end(toks, k)
        if j > k and not self.blocked(ts, toks[j - 1][1]):
            ment = Mention(toks[k][0], toks[j - 1][1], [], feature, "admin", span_start=ts,
                           name=self.text[ts : toks[j - 1][1]])
            ment.country = self.words.admin_country.get(low)
            self.out.append(ment)
            return j
        return None

    def ner_mention(self, toks: list[Tok], i: int, ent: Entity, prev_place_end: int | None) -> bool:
        """5. a LOC/GPE entity of a NER source, when the gazetteer knows its name (or its longest part)."""
        j = i
        while j < len(toks) and toks[j][1] <= ent.end:
            j += 1
        cands = self.gaz.lookup(self.text[ent.start : ent.end])
        if not cands:
            return False
        ment = Mention(ent.start, ent.end, cands, self.suffix(toks, ent.end), "ner", town=self.town_modifier(toks, j))
        ment.admin1_hint, ment.country_hint, _ = self.trailing(toks, j)
        self.out.append(ment)
        return True

    def exonym_mention(self, toks: list[Tok], i: int, start: int, end: int, prev_place_end: int | None) -> bool:
        """3. exonyms and country names of the pack (the registry's case rule applied)."""
        cands = self.gaz.lookup(self.text[start:end])
        evidence = self.evidence(toks, i, prev_place_end)
        j = i
        while j < len(toks) and toks[j][0] < end:
            j += 1
        # a country named before a group's head noun ("US military", "UK government") is its place where
        # the pack reads countries named as actors as places too
        modifier = self.modifier(toks, j) or (self.words.settings.metonymic_countries and bool(cands)
                                              and cands[0].feature == "country")
        if self.in_unit(start, end):
            evidence = "unit"
        elif evidence == "bare":
            evidence = "exonym"
            if self.gpe_actor(start, end):
                if not self.words.settings.metonymic_countries:
                    return False
                evidence = "actor"
        if not cands or self.blocked(start, end, cands, modifier=modifier):
            return False
        if self.street(toks, j, cands):
            return False
        ment = Mention(start, end, cands, self.suffix(toks, end), evidence, town=self.town_modifier(toks, j))
        ment.admin1_hint, ment.country_hint, _ = self.trailing(toks, j)
        self.out.append(ment)
        return True

    def name_mention(self, toks: list[Tok], i: int, prev_place_end: int | None) -> int | None:
        """6. capitalised runs looked up in the gazetteer; else an unknown name after a preposition."""
        ts, tok = toks[i][0], toks[i][2]
        m = self.longest(toks, i, None)
        if m is not None and m[0] == i + 1 and tok in self.alone:
            return i + 1
        if m is not None and (whole := self.unknown_unit(toks, i, m[0])) is not None:
            return whole
        if m is not None:
            j, cands = m
            start, end = ts, toks[j - 1][1]
            evidence = self.evidence(toks, i, prev_place_end)
            suffix = self.suffix(toks, end)
            if j in self.levels:  # "Jackson and Madison counties": the counties, not the towns
                cands = [c for c in cands if c.feature == self.levels[j]] or cands
            if suffix or (j - i > 1 and toks[j - 1][2].lower() in self.words.suffix):
                evidence = "admin"  # "Laurel County", "Wajo Regency": the name carries its level
            hint, hint_country, used = self.trailing(toks, j)
            if evidence == "bare" and (hint is not None or (tok.isupper() and self.dateline(toks, i))):
                evidence = "hint"  # "Paris, Texas"; "COLUMBUS --" opening a story
            modifier = self.modifier(toks, j)
            if evidence == "bare" and modifier:
                evidence = "modifier"  # "Winona police", "a Crafton man"
            if self.street(toks, j, cands) and toks[j - 1][2].lower() not in self.words.suffix:
                return j  # "Taylor Street", "Commerce Dr.": a street named after the place (not "X County Road")
            if self.in_unit(start, end):
                evidence = "unit"
            elif self.in_name(start, end):
                if self.surname(start, end):
                    return j
                if evidence not in ("admin", "hint", "modifier") and not self.own_evidence(toks, i, j, evidence):
                    evidence = "bare"  # also an unexplained proper name: a place only if major or supported
            strong = evidence in ("admin", "hint")
            if _acceptable(cands, evidence, self.reg.home_country, tok) \
                    and not self.blocked(start, end, cands, strong, modifier=modifier):
                ment = Mention(start, end, cands, suffix, evidence, admin1_hint=hint, country_hint=hint_country,
                               surname=self.text[start:end] in self.surnames, town=self.town_modifier(toks, j))
                self.out.append(ment)
                if hint is not None and used and self.abbreviated(toks, j):
                    return self.hint_mention(toks, j, hint, hint_country, used)
            return j
        if self.words.settings.unknown_after_prep and tok not in self.alone \
                and self.evidence(toks, i, prev_place_end) == "prep":
            j = self.run_end(toks, i)
            end = toks[j - 1][1]
            if not self.blocked(ts, end) and not any(e.start < end and ts < e.end for e in self.entities):
                self.out.append(Mention(ts, end, [], None, "prep", name=self.text[ts:end]))
            return j
        return None


def _breaks_list(lows: list[str], i: int, j: int) -> bool:
    """Whether a token of ``i:j`` that is no list joiner follows one that is none (or opens the sentence):
    what ends a list of places ("di Jawa Tengah dan DIY") in the scan."""
    return any(lows[k] not in _LIST_JOINERS and (k == 0 or lows[k - 1] not in _LIST_JOINERS) for k in range(i, j))


def _acceptable(cands: list[GeoEntry], evidence: str, home: str | None, tok: str) -> bool:
    """Which candidate runs become mentions at all (bare ones are judged again after resolution)."""
    best = cands[0]
    if evidence == "unit":  # a jurisdiction inside an organisation name: only well-known places
        return best.rank >= 35 and not tok.isupper()
    if evidence in ("prep", "admin", "hint", "modifier"):
        return True
    if best.feature == "country":
        return True
    return evidence == "hint" or not (tok.isupper() and len(tok) > 3 and best.rank < 45)


def find_mentions(doc: Document, reg: ActorRegistry, words: PlaceWords, gaz: Gazetteer) -> list[Mention]:
    """Candidate place mentions of ``doc`` in text order (bare ones still to be confirmed)."""
    scanner = _Scanner(doc, reg, words, gaz)
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    for s_start, s_end in spans:
        scanner.scan(s_start, s_end)
    return scanner.out
