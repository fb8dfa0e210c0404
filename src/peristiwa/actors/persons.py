"""Role-bearing persons: a title, the organisation or country it belongs to, then a name.

Why: news names most people once with their role ("Menteri Informasi Suriah, Omran al-Zoubi", "Kabid Humas
Polda Bali Kombes Ariasandy", "Wakil Menteri Pertahanan Anatoly Antonov") and refers to them by a part
of the name afterwards. Without a trained NER model, the title is the strongest signal that a person's
name follows; the zone between title and name (institution words, units, countries, ranks, a comma) is
recognised from the pack's tables, and the name is the last run of capitalised words not explained by
that zone. Every word class comes from data (actor_titles.tsv, actor_words.tsv, actors.tsv,
exonyms.tsv); this module only holds the scanning mechanism, the same for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import msgspec

from ..model import Document, Entity
from .known_places import shipped_gazetteer
from .registry import ActorInfo, ActorRegistry

__all__ = ["PersonMatch", "find_person", "find_persons", "initialled", "normalise_name"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_PARTICLES = frozenset({"al", "bin", "binti", "van", "von", "de", "der", "den", "da", "dos", "du", "ibn", "el", "ul"})
_PREFIXED = re.compile(r"(?:al|el|ad|as|ar|an|ash|at|az|bin|ibn|abu|ul)-[A-Z]")
_ROMAN = re.compile(r"[IVX]{1,4}")
_CONNECTORS = frozenset({"untuk", "dari", "dan", "of", "for", "and", "the"})
_STOP_AFTER_NAME = frozenset({".", "”", "“", '"', ":", ";", "?", "!", ")"})
_MAX_ZONE = 16
_MAX_NAME = 5


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person mention: ``start``/``end`` cover the name; ``title_start`` where the title begins."""

    start: int
    end: int
    title_start: int
    info: ActorInfo


def normalise_name(surface: str) -> str:
    """Canonical spelling of a name as written: single spaces, "al - Baghdadi" -> "al-Baghdadi"."""
    return re.sub(r"\s*-\s*", "-", " ".join(surface.split()))


def _is_name_token(tok: str, nxt: str | None) -> bool:
    if tok[0].isupper():
        return True
    if _PREFIXED.match(tok):
        return True
    return tok.lower() in _PARTICLES and nxt is not None and (nxt[0].isupper() or nxt == "-")


def find_persons(reg: ActorRegistry, text: str, start: int = 0, end: int | None = None) -> list[PersonMatch]:
    """Every titled person in ``text[start:end]`` (non-overlapping, in order)."""
    end = len(text) if end is None else end
    out: list[PersonMatch] = []
    pos = start
    for m in reg.titles.find(text, start, end):
        if m.start < pos:
            continue
        found = find_person(reg, text, m.start, end)
        if found is not None:
            out.append(found)
            pos = found.end
    return out


def find_person(
    reg: ActorRegistry, text: str, start: int, end: int, *, whole: bool = False
) -> PersonMatch | None:
    """The person introduced by a title at ``start`` (``whole``: the span must be just that mention)."""
    if whole:
        start, end = reg.strip(text, start, end)
    first = reg.titles.at(text, start, min(end, start + 40))
    if first is None:
        return None
    toks = [(m.start(), m.end()) for m in _WORD.finditer(text, first.end, min(end, first.end + 200))]
    role: str | None = first.value.role
    sector: str | None = first.value.sector
    country: str | None = None
    if first.value.kind == "honorific":
        role = None
    if toks and " ".join(text[first.start : toks[0][1]].lower().split()) in reg.place_phrases:
        return None  # "Ibu Kota Nusantara" (the capital), not Mrs Kota Nusantara
    runs: list[tuple[int, int]] = []  # token index ranges [i, j)
    run_start: int | None = None
    zone = 0
    i = 0

    def close_run(upto: int, org_follows: bool) -> None:
        nonlocal run_start
        if run_start is not None:
            if not org_follows:
                runs.append((run_start, upto))
            run_start = None

    while i < len(toks) and zone < _MAX_ZONE:
        s, e = toks[i]
        tok = text[s:e]
        nxt = text[toks[i + 1][0] : toks[i + 1][1]] if i + 1 < len(toks) else None
        gap = text[toks[i - 1][1] : s] if i else text[first.end : s]
        if "\n" in gap:
            break
        zone += 1
        # a run followed by a comma and a lower-case word ends the mention ("Omran al-Zoubi, mengatakan")
        if (
            run_start is not None
            and tok not in (".", "-")
            and not _is_name_token(tok, nxt)
            and (tok in _STOP_AFTER_NAME or (tok == "," and (nxt is None or not nxt[0].isupper())))
        ):
            close_run(i, False)
            break
        jump = _known_at(reg, text, s, end)
        if jump is not None:
            j_end, j_country, j_sector, j_role = jump
            close_run(i, True)
            country = country or j_country
            sector = sector or j_sector
            role = role or j_role
            while i < len(toks) and toks[i][0] < j_end:
                i += 1
            continue
        acronym = len(tok) >= 2 and tok.isupper()
        # a word the pack derives with a confix is a portfolio, not a name ("Menteri Kelautan dan Perikanan
        # Sakti Wahyu Trenggono": "Perikanan" is per-an of "ikan")
        derived = run_start is None and reg.word_kind(tok) == "derived"
        if (tok in reg.org_words or acronym or derived or _ROMAN.fullmatch(tok)
                or any(c.isdigit() for c in tok)):
            close_run(i, tok in reg.org_words or acronym)
            i += 1
            continue
        if tok in ("(",):
            close_j = next((k for k in range(i, min(i + 6, len(toks))) if text[toks[k][0]] == ")"), None)
            if close_j is None:
                close_run(i, False)
                break
            inside = text[toks[i][1] : toks[close_j][0]].strip()
            if (run_start is not None and i - run_start >= 2 and not inside.isupper() and not reg.aliases.lookup(inside)
                    and not reg.titles.lookup(inside)
                    and not any(text[a:b].lower() in reg.common_words for a, b in toks[run_start:i])):
                # "Menteri Sosial Saifullah Yusuf (Gus Ipul)": a nickname ends the name (not "Badan Pangan
                # Nasional (Bapanas)", "PT Inti Daya Guna (Indana)": common words name an institution)
                close_run(i, False)
                break
            close_run(i, True)
            i = close_j + 1
            continue
        if tok == ",":
            close_run(i, False)
            i += 1
            continue
        if tok == "." and run_start is not None and toks[i - 1][1] - toks[i - 1][0] <= 2:
            i += 1  # an initial: "Rosan P. Roeslani"
            continue
        if tok == "-" and run_start is not None and nxt is not None and _is_name_token(nxt, None):
            i += 1
            continue
        if tok in reg.stop_words:
            close_run(i, False)
            break
        if _is_name_token(tok, nxt) and tok[0].isalpha():
            if run_start is None:
                run_start = i
            i += 1
            continue
        # before the name, lower-case nouns describe the office ("Kepala layanan keamanan ISIS, Kanaan ...")
        if run_start is None and not runs and (
                tok.lower() in _CONNECTORS or reg.heads.at(text, s, end)
                or (tok.islower() and tok in reg.nominal_words)):
            i += 1
            continue
        close_run(i, False)
        break
    else:
        close_run(i, False)
    if run_start is not None:
        close_run(i, False)
    if not runs:
        return None
    a, b = runs[-1]
    if b - a > _MAX_NAME:
        a = b - _MAX_NAME
    a = _skip_leading_place(text, toks, a, b)
    name_start, name_end = toks[a][0], toks[b - 1][1]
    if whole and text[name_end:end].strip(" .,”\"'"):
        return None
    name = normalise_name(text[name_start:name_end])
    if name.lower() in reg.det or len(name) < 2:
        return None
    if country is None and reg.head_last:  # "Russian Foreign Minister Sergei Lavrov", "US Secretary ..."
        lo = max(0, start - 40)
        before = [m.value.country for m in reg.modifiers.find(text, lo, start) if not text[m.end : start].strip()]
        before += [m.value.country for m in reg.aliases.find(text, lo, start)
                   if not text[m.end : start].strip() and m.value.label == "GPE"]
        if before:
            country = before[-1]
    known = [k for k in reg.aliases.lookup(name) if k.label == "PER"]
    if known:  # a known person ("Presiden Prabowo"): the registry's full name and country
        name, country = known[0].name, country or known[0].country
    info = ActorInfo(
        name=name, country=country, sector=sector, label="PER", role=role, origin="actors.title",
        confidence=0.85,
    )
    return PersonMatch(name_start, name_end, start, info)


def _skip_leading_place(text: str, toks: list[tuple[int, int]], a: int, b: int) -> int:
    """Drop a leading major place from a name run: "Wali Kota Surabaya Eri Cahyadi" -> "Eri Cahyadi"."""
    gaz = shipped_gazetteer()  # (loaded only when a title is found)
    for k in range(b - 1, a, -1):
        surface = text[toks[a][0] : toks[k - 1][1]]
        cands = gaz.lookup(surface)
        # the place's own name, not another spelling of it ("Rafa Benitez" is no "Rafah")
        if cands and cands[0].rank >= 45 and cands[0].name == surface:
            return k
    return a


def _known_at(
    reg: ActorRegistry, text: str, pos: int, end: int
) -> tuple[int, str | None, str | None, str | None] | None:
    """A table entry starting at ``pos``: title/rank, unit, actor alias or place; (end, country, sector, role)."""
    window = min(end, pos + 80)
    t = reg.titles.at(text, pos, window)
    u = reg.unit_at(text, pos, window)
    a = reg.aliases.at(text, pos, window)
    mod = reg.modifiers.at(text, pos, window)
    best: tuple[int, str | None, str | None, str | None] | None = None
    if t is not None:
        best = (t.end, None, t.value.sector, t.value.role if t.value.kind == "title" else None)
    if u is not None and (best is None or u[1] > best[0]):
        best = (u[1], u[0].country, u[0].sector, None)
    if a is not None and a.value.label != "PER" and (best is None or a.end > best[0]):
        best = (a.end, a.value.country, None if a.value.label == "GPE" else a.value.sector, None)
    if mod is not None and (best is None or mod.end > best[0]):
        best = (mod.end, mod.value.country, None, None)
    return best


def initialled(doc: Document, reg: ActorRegistry, cands: list[Entity], chosen: list[Entity]) -> list[Entity]:
    """ "Arso Sadewo (AS) ... tersangka AS", "Saudara ISW": a role or address word before the initials a
    person was given in this document names that person (not "US suspect", not a bare "ISW")."""
    people: dict[str, Entity] = {}
    for c in cands:  # the definition: the first mention of each initialled person
        name = c.name or ""
        if c.origin == "actors.acronym" and c.label == "PER" and name.endswith(")"):
            people.setdefault(name[name.rfind("(") + 1 : -1], c)
    if not people:
        return chosen
    cues = reg.initials_cues
    out: list[Entity] = []
    for e in chosen:
        words = doc.text[e.start : e.end].split()
        person = people.get(words[-1]) if len(words) == 2 and words[0].lower() in cues else None
        if person is not None and person.start < e.start:
            e = msgspec.structs.replace(e, label="PER", name=person.name, country=person.country,
                                        sector=person.sector, origin="actors.initials")
        out.append(e)
    return out
