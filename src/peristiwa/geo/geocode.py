"""Finding place mentions in a document and resolving them against the gazetteer.

Why these rules: most capitalised words in news are not places, and many place names are also actors
("Rusia melancarkan serangan": Russia acts) or parts of institution names ("Kementerian Pertahanan Rusia",
"Polda Bali", "Washington Post"). So a mention becomes a place only with evidence, all of it data from the
language pack (``place_words.tsv``, ``exonyms.tsv``) or the gazetteer:

1. an administrative word selects the level: "Provinsi Homs" is the governorate, not the city;
   "Kabupaten Intan Jaya, Papua" the regency, and the trailing ", Papua" its province;
2. a preposition or place noun before it ("di Suriah", "ke Yordania", "kota Mosul"), also carried along a
   list ("di Jawa Tengah dan DIY");
3. otherwise only unambiguous, important places (countries, provinces, Indonesian regencies) outside any
   actor/organisation/person entity.

Among candidates of one name the choice uses: the level asked for, a province named next to it, the
country the document is mostly about, provinces co-mentioned in the document, and the gazetteer's prior.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..actors.registry import ActorRegistry
from ..langs.base import LanguagePack
from ..model import Document, Entity, Place
from .gazetteer import Gazetteer, GeoEntry, load_gazetteer

__all__ = ["PlaceWords", "geocode", "place_words"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_MAX_RUN = 5
#: entity origins whose inner sub-national place names a jurisdiction ("Polda Bali", "Kantor Kejati Jateng")
_JURISDICTIONS = frozenset({"actors.unit", "actors.org", "actors.acronym"})
_LIST_JOINERS = frozenset({"dan", "serta", "atau", ",", "and", "or", "hingga", "sampai"})


@dataclass(frozen=True)
class PlaceWords:
    """The pack's ``place_words.tsv`` by kind (admin/suffix words map to a gazetteer feature)."""

    admin: dict[str, str]
    suffix: dict[str, str]
    prep: frozenset[str]
    generic: frozenset[str]
    facility: dict[str, str]
    admin_country: dict[str, str]


def place_words(pack: LanguagePack) -> PlaceWords:
    """Compiled place words of a pack (cached on the pack)."""

    def build() -> PlaceWords:
        rows = pack.table("place_words.tsv") if pack.has("place_words.tsv") else []
        admin = {r["word"].lower(): r["feature"] for r in rows if r["kind"] == "admin"}
        suffix = {r["word"].lower(): r["feature"] for r in rows if r["kind"] == "suffix"}
        prep = frozenset(r["word"].lower() for r in rows if r["kind"] == "prep")
        generic = frozenset(r["word"].lower() for r in rows if r["kind"] == "generic")
        facility = {r["word"].lower(): r["english"] for r in rows if r["kind"] == "facility"}
        admin_country = {r["word"].lower(): r["country"] for r in rows if r["kind"] == "admin" and r["country"]}
        return PlaceWords(admin, suffix, prep, generic, facility, admin_country)

    out: PlaceWords = pack.cached("geo.place_words", build)
    return out


@dataclass
class _Mention:
    start: int
    end: int
    cands: list[GeoEntry]
    feature: str | None  # level asked for by an admin word
    evidence: str  # admin | prep | exonym | bare
    admin1_hint: str | None = None
    span_start: int | None = None  # start including the admin word
    name: str | None = None  # facility or unresolved name ("Juanda Airport", "Bandipora")
    near: GeoEntry | None = None  # the place named after a comma ("Bandara Juanda, Surabaya")
    country: str | None = None  # country implied by an admin word ("Desa" is Indonesian)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _blocked(entities: list[Entity], start: int, end: int, cands: list[GeoEntry] | None = None) -> bool:
    """Inside an actor/person/organisation mention that is not just the country itself.

    A regional unit's place ("Polda Bali", "Kejati Jawa Tengah") is its jurisdiction: not blocked unless
    it is a country (``_in_unit`` marks those mentions so they get a low confidence).
    """
    for e in entities:
        if e.start < end and start < e.end and e.label == "PER":
            return True
        if e.start <= start and end <= e.end and e.label != "GPE":
            if e.origin in _JURISDICTIONS and cands and cands[0].feature != "country":
                continue
            return True
    return False


def _in_unit(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.start <= start and end <= e.end and e.origin in _JURISDICTIONS for e in entities)


def _gpe_actor(entities: list[Entity], start: int, end: int) -> bool:
    return any(e.label == "GPE" and e.start <= start and end <= e.end for e in entities)


def _find_mentions(
    doc: Document, reg: ActorRegistry, words: PlaceWords, gaz: Gazetteer
) -> list[_Mention]:
    text = doc.text
    entities = sorted(doc.entities, key=lambda e: e.start)
    out: list[_Mention] = []
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    stop = reg.stop_words | reg.org_words
    for s_start, s_end in spans:
        toks = _tokens(text, s_start, s_end)
        i = 0
        prev_place_end: int | None = None
        while i < len(toks):
            ts, _te, tok = toks[i]
            low = tok.lower()
            prev = toks[i - 1][2].lower() if i else ""
            # 0. facility noun + name: "Bandara Juanda, Surabaya", "penjara Ofer"
            fac, width = _facility(words, toks, i)
            if fac is not None and i + width < len(toks) and toks[i + width][2][0].isupper():
                j = _run_end(text, toks, i + width, stop)
                name_s, name_e = toks[i + width][0], toks[j - 1][1]
                if j > i + width and not _blocked(entities, name_s, name_e):
                    run = text[name_s:name_e]
                    found = _longest(gaz, text, toks, i + width, stop, None)
                    cands = found[1] if found and found[0] == j else []
                    out.append(_Mention(name_s, name_e, cands, None, "facility", span_start=ts,
                                        name=f"{run} {fac}", near=_trailing_place(gaz, text, toks, j)))
                    prev_place_end = name_e
                    i = j
                    continue
            if fac is not None:  # "di Rumah Sakit yang ...": the facility noun itself is no place name
                i += width
                continue
            # 1. admin word + name: "Provinsi Homs", "Kabupaten Intan Jaya"
            feature = words.admin.get(low)
            if feature is None and i + 1 < len(toks):
                feature = words.admin.get(f"{low} {toks[i + 1][2].lower()}")
                if feature is not None:
                    i += 1
            if feature is not None and tok[0].isupper() and i + 1 < len(toks) and toks[i + 1][2][0].isupper():
                m = _longest(gaz, text, toks, i + 1, stop, feature)
                if m is not None:
                    j, cands = m
                    ment = _Mention(toks[i + 1][0], toks[j - 1][1], cands, feature, "admin", span_start=ts)
                    ment.admin1_hint = _trailing_admin1(gaz, text, toks, j)
                    if not _blocked(entities, ts, ment.end, cands):
                        out.append(ment)
                        prev_place_end = ment.end
                    i = j
                    continue
                j = _run_end(text, toks, i + 1, stop)
                if j > i + 1 and not _blocked(entities, ts, toks[j - 1][1]):
                    ment = _Mention(toks[i + 1][0], toks[j - 1][1], [], feature, "admin", span_start=ts,
                                    name=text[ts : toks[j - 1][1]])
                    ment.country = words.admin_country.get(low)
                    out.append(ment)
                    i = j
                    continue
            # 2. exonyms and country names of the pack (case rule applied)
            ex = reg.modifiers.at(text, ts, min(s_end, ts + 60))
            if ex is not None and ex.value.feature != "demonym":
                cands = gaz.lookup(text[ex.start : ex.end])
                evidence = _evidence(words, toks, i, prev_place_end, text)
                blocked = _blocked(entities, ex.start, ex.end, cands)
                actor = _gpe_actor(entities, ex.start, ex.end) and evidence == "bare"
                if _in_unit(entities, ex.start, ex.end):
                    evidence = "unit"
                if cands and not blocked and not actor:
                    out.append(_Mention(ex.start, ex.end, cands, _suffix(words, toks, ex.end), evidence
                                        if evidence != "bare" else "exonym"))
                    prev_place_end = ex.end
                while i < len(toks) and toks[i][0] < ex.end:
                    i += 1
                continue
            # 3. capitalised runs looked up in the gazetteer
            if (tok[0].isupper() and tok not in stop and tok.isalpha()) or (tok[0].isupper() and "-" in tok):
                m = _longest(gaz, text, toks, i, stop, None)
                if m is not None:
                    j, cands = m
                    start, end = ts, toks[j - 1][1]
                    evidence = _evidence(words, toks, i, prev_place_end, text)
                    suffix = _suffix(words, toks, end)
                    if suffix:
                        evidence = "admin"
                    if _in_unit(entities, start, end):
                        evidence = "unit"
                    ok = _acceptable(cands, evidence, reg.home_country, tok)
                    if ok and not _blocked(entities, start, end, cands):
                        ment = _Mention(start, end, cands, suffix, evidence)
                        ment.admin1_hint = _trailing_admin1(gaz, text, toks, j)
                        out.append(ment)
                        prev_place_end = end
                    i = j
                    continue
                if _evidence(words, toks, i, prev_place_end, text) == "prep":
                    j = _run_end(text, toks, i, stop)
                    end = toks[j - 1][1]
                    if not _blocked(entities, ts, end) and not any(e.start < end and ts < e.end for e in entities):
                        out.append(_Mention(ts, end, [], None, "prep", name=text[ts:end]))
                        prev_place_end = end
                    i = j
                    continue
            if low not in _LIST_JOINERS:
                prev_place_end = None if prev not in _LIST_JOINERS else prev_place_end
            i += 1
    return out


def _evidence(words: PlaceWords, toks: list[tuple[int, int, str]], i: int, prev_place_end: int | None,
              text: str) -> str:
    if i and (toks[i - 1][2].lower() in words.prep or toks[i - 1][2].lower() in words.generic):
        return "prep"
    if i >= 2 and f"{toks[i - 2][2]} {toks[i - 1][2]}".lower() in words.generic:
        return "prep"
    if i and prev_place_end is not None and toks[i - 1][2].lower() in _LIST_JOINERS:
        return "prep"
    return "bare"


def _suffix(words: PlaceWords, toks: list[tuple[int, int, str]], end: int) -> str | None:
    for s, _e, tok in toks:
        if s > end:
            return words.suffix.get(tok.lower()) if tok[0].isupper() or tok.islower() else None
    return None


def _facility(words: PlaceWords, toks: list[tuple[int, int, str]], i: int) -> tuple[str | None, int]:
    if i + 1 < len(toks):
        two = f"{toks[i][2]} {toks[i + 1][2]}".lower()
        if two in words.facility:
            return words.facility[two], 2
    return words.facility.get(toks[i][2].lower()), 1


def _run_end(text: str, toks: list[tuple[int, int, str]], i: int, stop: frozenset[str]) -> int:
    """End (token index) of the run of capitalised tokens from ``i``."""
    j = i
    while j < len(toks) and j - i < _MAX_RUN:
        tok = toks[j][2]
        if not (tok[0].isupper() or (tok[0].isdigit() and j > i)) or tok in stop:
            break
        if j > i and text[toks[j - 1][1] : toks[j][0]] not in (" ", ""):
            break
        j += 1
    return j


def _trailing_place(gaz: Gazetteer, text: str, toks: list[tuple[int, int, str]], j: int) -> GeoEntry | None:
    """The place named after a comma: "Bandara Juanda, Surabaya"."""
    if j + 1 < len(toks) and toks[j][2] == "," and toks[j + 1][2][:1].isupper():
        for k in range(min(len(toks), j + 4), j + 1, -1):
            cands = [c for c in gaz.lookup(text[toks[j + 1][0] : toks[k - 1][1]]) if c.rank >= 35]
            if cands:
                return cands[0]
    return None


def _acceptable(cands: list[GeoEntry], evidence: str, home: str | None, tok: str) -> bool:
    """Without a preposition or admin word only countries and the pack's home-country places count:
    a bare "Tak", "Paul" or "Para" is a word or a name, not Tak (Thailand) or Pará (Brazil)."""
    best = cands[0]
    if evidence == "unit":  # a jurisdiction inside an organisation name: only well-known places
        return best.rank >= 35 and not tok.isupper()
    if evidence in ("prep", "admin"):
        return True
    if best.feature == "country":
        return True
    if tok.isupper() and len(tok) > 3 and best.rank < 45:
        return False
    return home is not None and best.country == home and best.rank >= 35


def _longest(
    gaz: Gazetteer, text: str, toks: list[tuple[int, int, str]], i: int, stop: frozenset[str], feature: str | None
) -> tuple[int, list[GeoEntry]] | None:
    """Longest run of capitalised tokens from ``i`` that the gazetteer knows (at the level asked for)."""
    j = i
    while j < len(toks) and j - i < _MAX_RUN:
        tok = toks[j][2]
        if not (tok[0].isupper() or (tok[0].isdigit() and j > i)) or (tok in stop and j > i):
            break
        if tok.isupper() and len(tok) > 1 and j == i and not any(c.rank >= 45 for c in gaz.lookup(tok)):
            return None  # a headline word in capitals ("JUARA"), not a place
        if j > i and text[toks[j - 1][1] : toks[j][0]] not in (" ", ""):
            break
        j += 1
    for k in range(j, i, -1):
        name = text[toks[i][0] : toks[k - 1][1]]
        cands = gaz.lookup(name)
        if feature is not None:
            fitting = [c for c in cands if c.feature == feature or (feature == "admin2" and c.feature == "city")]
            # villages and districts are not worth a guess at another level ("Kampung Melayu")
            cands = fitting or ([] if feature in ("admin3", "admin4") else cands)
        if cands:
            return k, cands
    return None


def _trailing_admin1(gaz: Gazetteer, text: str, toks: list[tuple[int, int, str]], j: int) -> str | None:
    """", Papua" after a place: the province named next to it."""
    if j + 1 < len(toks) and toks[j][2] == "," and toks[j + 1][2][:1].isupper():
        for k in range(min(len(toks), j + 4), j + 1, -1):
            cands = [c for c in gaz.lookup(text[toks[j + 1][0] : toks[k - 1][1]]) if c.feature == "admin1"]
            if cands:
                return cands[0].name
    return None


def _score(c: GeoEntry, m: _Mention, doc_country: str | None, admin1s: Counter[str]) -> float:
    score = float(c.rank)
    if m.feature is not None:
        score += 100 if c.feature == m.feature or (m.feature == "admin2" and c.feature == "city") else -50
    if m.admin1_hint and (c.admin1 == m.admin1_hint):
        score += 80
    if doc_country and c.country == doc_country:
        score += 40
    if c.admin1 and admin1s.get(c.admin1):
        score += 15
    if c.lat is None:
        score -= 5
    return score


def geocode(doc: Document, reg: ActorRegistry, pack: LanguagePack, gaz: Gazetteer | None = None) -> list[Place]:
    """Place mentions of ``doc`` resolved against the gazetteer, in text order."""
    gaz = gaz or load_gazetteer()
    mentions = _find_mentions(doc, reg, place_words(pack), gaz)
    votes: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    for m in mentions:
        if not m.cands:
            continue
        top = m.cands[0]
        if top.country and (len({c.country for c in m.cands[:3]}) == 1 or top.rank >= 70):
            votes[top.country] += 2 if m.evidence in ("prep", "admin") else 1
        if top.feature == "admin1" and top.rank >= 70:
            admin1s[top.name] += 1
    doc_country = votes.most_common(1)[0][0] if votes else reg.home_country
    places: list[Place] = []
    for m in mentions:
        if not m.cands:
            places.append(_unresolved(m, doc_country))
            continue
        ranked = sorted(m.cands, key=lambda c: -_score(c, m, doc_country, admin1s))
        best = ranked[0]
        margin = _score(best, m, doc_country, admin1s) - (_score(ranked[1], m, doc_country, admin1s)
                                                          if len(ranked) > 1 else 0)
        conf = 0.9 if m.evidence in ("admin", "exonym") or len(ranked) == 1 else 0.5 + min(0.4, margin / 200)
        if m.evidence == "bare" and best.feature not in ("country", "admin1"):
            conf -= 0.2
        if m.evidence == "unit":
            conf = 0.3
        admin1 = best.name if best.feature == "admin1" else best.admin1
        places.append(Place(
            start=m.span_start if m.span_start is not None else m.start, end=m.end, name=m.name or best.name,
            admin1=None if best.feature == "country" else admin1, country=best.country, lat=best.lat,
            lon=best.lon, feature="facility" if m.name else best.feature,
            precision=best.feature if best.feature != "region" else None,
            confidence=round(max(0.1, min(1.0, conf)), 2), gazetteer_id=best.id,
        ))
    return places


def _unresolved(m: _Mention, doc_country: str | None) -> Place:
    """A place the gazetteer does not know: named, located by the place after it or the document's country."""
    near = m.near
    return Place(
        start=m.span_start if m.span_start is not None else m.start, end=m.end, name=m.name,
        admin1=(near.name if near.feature == "admin1" else near.admin1) if near else None,
        country=near.country if near else (m.country or doc_country), lat=near.lat if near else None,
        lon=near.lon if near else None, feature="facility" if m.evidence == "facility" else None,
        precision=near.feature if near else None, confidence=0.4 if near else 0.2,
        gazetteer_id=near.id if near else None,
    )
