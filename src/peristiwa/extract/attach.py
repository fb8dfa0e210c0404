"""Attach where, when and how many to an event mention from the document's place, date and count layers.

Why these rules: the GUIDELINE asks for the place, time and numbers *of the event*, not of everything in
its sentence. A place under "terkait/tentang" is a topic ("aturan operasi militer di Suriah"), a place
inside an actor phrase is part of the actor ("tentara rezim Suriah"), and among "di Kampung Melayu,
Jakarta" the first, most specific one is the event's. Dates come from the dates stage's helper when it
exists (same clause first), never from the publication date. Counts go to the nearest event whose type
they fit (``events.toml`` [counts]).
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable
from typing import Any

import msgspec

from ..model import Count, DateMention, DateValue, Document, Place, Span
from .resources import SentView

__all__ = ["count_types", "date_of", "locative", "main_place", "places_of"]


def _date_helper() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("peristiwa.extract.dates")
    except ImportError:  # pragma: no cover - the module ships with the package
        return None
    helper = getattr(module, "date_for_span", None)
    return helper if callable(helper) else None


def _as_date(result: Any) -> tuple[DateValue, Span | None] | None:
    if result is None:
        return None
    if isinstance(result, DateMention):
        return (result.value, Span(result.start, result.end)) if result.value else None
    if isinstance(result, DateValue):
        return result, None
    if isinstance(result, tuple) and result and isinstance(result[0], DateValue):
        span = result[1] if len(result) > 1 and isinstance(result[1], Span) else None
        return result[0], span
    value = getattr(result, "value", None)
    if isinstance(value, DateValue):
        return value, Span(result.start, result.end) if hasattr(result, "start") else None
    return None


def date_of(
    doc: Document, sv: SentView, clause: tuple[int, int], trigger: tuple[int, int]
) -> tuple[DateValue, Span | None] | None:
    """The date of an event mention: the dates helper, else the nearest resolved date in its clause/sentence."""
    helper = _date_helper()
    if helper is not None:
        try:
            found = _as_date(helper(doc, trigger[0], trigger[1], scope=(sv.start, sv.end)))
        except Exception:  # a helper bug must not lose the event
            found = None
        if found is not None:
            return _preferred(doc, sv, found, trigger)
        if doc.dates:
            return None
    inside = [d for d in doc.dates if d.value is not None and sv.start <= d.start < sv.end]
    if not inside:
        return None
    in_clause = [d for d in inside if clause[0] <= d.start < clause[1]] or inside
    best = min(in_clause, key=lambda d: abs(d.start - trigger[0]))
    assert best.value is not None
    return best.value, Span(best.start, best.end)


def _parenthetical(doc: Document, sv: SentView, start: int) -> bool:
    """Whether ``start`` lies inside parentheses of its sentence ("(another source says 16 Jan)")."""
    before = doc.text[sv.start : start]
    return before.count("(") > before.count(")")


def _spelled_out(doc: Document, start: int) -> bool:
    """ "today (19 April)", "kemarin (19/4)": the date in brackets at ``start`` follows a relative word right
    before it, so it is that word's explicit form (GUIDELINE decision 5), not an aside."""
    return any(d.relative and d.end <= start and not doc.text[d.end : start].strip(" (") for d in doc.dates)


def _preferred(doc: Document, sv: SentView, found: tuple[DateValue, Span | None],
               trigger: tuple[int, int]) -> tuple[DateValue, Span | None]:
    """With ``[dates] prefer_day``, an event's date is a calendar day of its sentence when one is given
    (not "the May 2016 elections" of a relative clause), and not an aside in parentheses."""
    syn = sv.res.setting("dates", default={})
    value, span = found
    if not syn.get("prefer_day") or span is None:
        return found
    others = [d for d in doc.dates if d.value is not None and sv.start <= d.start < sv.end
              and not _parenthetical(doc, sv, d.start)]
    coarse = value.precision != "day" or value.first != value.last
    if (coarse or (_parenthetical(doc, sv, span.start) and not _spelled_out(doc, span.start))) and others:
        days = [d for d in others if d.value is not None and d.value.precision == "day"
                and d.value.first == d.value.last] if coarse else others
        if days:
            best = min(days, key=lambda d: abs(d.start - trigger[0]))
            assert best.value is not None
            return best.value, Span(best.start, best.end)
    return found


def places_of(
    doc: Document,
    sv: SentView,
    clause_tokens: tuple[int, int],
    trigger_tokens: tuple[int, int],
    exclude: list[tuple[int, int]],
    *,
    nominal: bool = False,
) -> list[Place]:
    """Places of an event mention: after the trigger in its clause, else (verbs only) before it in the clause.

    An event noun takes only a place after it ("serangan di Filipina"): a place earlier in the clause
    belongs to the predicate the noun depends on ("Di Bandipora, seorang remaja tewas saat menentang
    larangan ...").

    A place named with its containers ("in Tempe district, Wajo Regency, South Sulawesi province", "di
    Kampung Melayu, Jakarta") is one place: the most specific of the chain (GUIDELINE: city > regency >
    province > country), whichever link the clause reaches first; a link without a point of its own is
    placed by the next one ("Desa Sukamaju, Kabupaten Garut").
    """
    places = sorted((p for p in doc.places if sv.start <= p.start < sv.end), key=lambda p: p.start)
    if not places:
        return []

    def tok(p: Place) -> int:
        return sv.token_at(p.start)

    def excluded(p: Place) -> bool:
        # an actor or noun phrase that is only the place with its level word ("Kendari City", "the
        # Wajo Regency") is the place itself
        return any(s <= p.start and p.end <= e and not _only_place(doc, sv, s, e) for s, e in exclude)

    def ok(p: Place, *, chained: bool = False) -> bool:
        if excluded(p):
            return False
        if chained:
            return True  # one place named with its containers: the chain is judged as a whole
        if nominal and not locative(sv, tok(p)):
            return False
        k = tok(p) - 1
        while k >= clause_tokens[0] and k > tok(p) - 8:
            if sv.has_role(k, "topic_prep") and not sv.has_role(k, "quant"):  # not "about 2,000"
                return False
            if sv.has_role(k, "clause_break", "speech"):
                break
            k -= 1
        return True

    lo, hi = clause_tokens
    after = [p for p in places if trigger_tokens[1] <= tok(p) < hi and ok(p)]
    before = [p for p in places if lo <= tok(p) < trigger_tokens[0] and ok(p)]
    chosen = after[:1] or ([] if nominal else before[-1:])
    setting = _setting(doc, sv, places, trigger_tokens, ok)
    if setting is not None and nominal and sv.token_at(setting.start) < lo:
        setting = None  # "Di Bandipora, seorang remaja tewas saat menentang larangan": the ban is not there
    if setting is not None and not (after and _right_after(sv, after[0], trigger_tokens)):
        chosen = [setting]  # "In Padang city (...), thousands rallied to protest China's ..."
    if not chosen:
        return []
    first = _most_specific(doc, sv, places, chosen[0], lambda p: ok(p, chained=True))
    # coordinated places: "di Provinsi Hama dan Provinsi Idlib"
    out = [first]
    last = _chain(doc, sv, places, chosen[0], lambda p: ok(p, chained=True))[-1]
    for p in places:
        if p.start <= last.start:
            continue
        between = doc.text[last.end : p.start].strip().lower()
        if between in sv.syntax.place_coord and ok(p):
            chain = _chain(doc, sv, places, p, lambda p: ok(p, chained=True))
            out.append(_most_specific(doc, sv, places, p, lambda p: ok(p, chained=True)))
            last = chain[-1]
    return out


def _setting(doc: Document, sv: SentView, places: list[Place], trigger: tuple[int, int],
             ok: Callable[..., bool]) -> Place | None:
    """The setting of the whole sentence: a locative phrase opening it, before the trigger, closed by a
    comma ("On 3 June 2019, in Kartasura, Sukoharjo, Central Java, a bomb ...", "Di Bandipora, ...")."""
    first = next((p for p in places if sv.start <= p.start), None)
    if first is None or sv.token_at(first.start) >= trigger[0] or not locative(sv, sv.token_at(first.start)):
        return None
    k = sv.token_at(first.start) - 1
    while k >= 0 and (sv.has_class(k, "place_noun") or sv.words[k] in sv.syntax.place_skip):
        k -= 1
    # only a date adverbial may come before the preposition ("On Dec 31, 2019, in ...")
    if k > 0 and sv.words[k - 1] != ",":
        return None
    chain = [p for p in places if first.start <= p.start and sv.token_at(p.start) < trigger[0]]
    last = first
    for p in chain[1:]:
        if _linked(doc, sv, last, p):
            last = p
    nxt = sv.token_at(last.end)
    while nxt < len(sv.tokens) and sv.tokens[nxt].start < last.end:
        nxt += 1
    while nxt < len(sv.tokens) and (sv.has_class(nxt, "place_noun") or sv.words[nxt] in (")",)):
        nxt += 1
    if nxt >= len(sv.tokens) or sv.words[nxt] != "," or nxt >= trigger[0] or not ok(first, chained=True):
        return None
    return first


def _right_after(sv: SentView, p: Place, trigger: tuple[int, int]) -> bool:
    """A place in a locative phrase right after the trigger ("protest in front of the ...", "serangan di X")."""
    k = sv.token_at(p.start)
    return k - trigger[1] <= 4 and locative(sv, k)


#: how specific a place is (GUIDELINE: city > regency > province > country); unknown names rank as towns
_SPECIFIC = {"country": 0, "region": 0, "admin1": 2, "admin2": 3, "admin3": 4, "city": 4, "facility": 5}


def _specific(p: Place) -> int:
    if p.feature == "facility":
        return _SPECIFIC["facility"]
    return _SPECIFIC.get(p.precision or "", 4)


def _only_place(doc: Document, sv: SentView, start: int, end: int) -> bool:
    """The span ``[start, end)`` is place names plus level words, determiners or commas only."""
    inside = [(p.start, p.end) for p in doc.places if start <= p.start and p.end <= end]
    if not inside:
        return False
    k = sv.token_at(start)
    while k < len(sv.tokens) and sv.tokens[k].start < end:
        t = sv.tokens[k]
        if not any(s <= t.start and t.end <= e for s, e in inside) and not (
            sv.has_class(k, "place_noun") or sv.words[k] in sv.syntax.place_skip or sv.words[k] == ","
        ):
            return False
        k += 1
    return True


def _linked(doc: Document, sv: SentView, a: Place, b: Place) -> bool:
    """``b`` follows ``a`` as its container: only a comma, brackets and level words between them
    ("Tempe district, Wajo Regency", "Balingga district (Lanny Jaya regency"), or a level word and a
    locative preposition ("Waru village of Slogohimo subdistrict")."""
    gap = doc.text[a.end : b.start]
    k = sv.token_at(a.end)
    words: list[int] = []
    while k < len(sv.tokens) and sv.tokens[k].start < b.start:
        if sv.tokens[k].start >= a.end:
            words.append(k)
        k += 1
    level = [k for k in words if sv.has_class(k, "place_noun")]
    if "," not in gap and "(" not in gap:
        # "X village of Y": a level word, then the preposition right before the container
        return len(words) == 2 and level == words[:1] and sv.words[words[1]] in sv.syntax.locative
    return all(sv.words[k] in (",", "(") or sv.has_class(k, "place_noun") or sv.words[k] in sv.syntax.place_skip
               for k in words)


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is of a level that can contain ``inner``: broader, or a town and a district
    either way ("Kuningan sub-district, South Jakarta city", "Kampung Jawa, Pesisir Tengah district"), or
    the same level in brackets ("Merdeka (Central Jakarta, Jakarta)" is checked by the caller). Whether
    it really does is a matter of distance (see :func:`_pick`): the gazetteer's reading of the inner name
    may be a namesake in another province or country."""
    pair = {outer.precision, inner.precision}
    return _specific(outer) < _specific(inner) or (pair == {"city", "admin3"} and bool(inner.precision))


def _chain(doc: Document, sv: SentView, places: list[Place], p: Place, ok: Callable[[Place], bool]) -> list[Place]:
    """The places named together with ``p`` as one place and its containers, in text order."""
    i = places.index(p)
    lo = hi = i
    while lo > 0 and _linked(doc, sv, places[lo - 1], places[lo]) and _within(doc, places[lo], places[lo - 1]) \
            and ok(places[lo - 1]):
        lo -= 1
    while hi + 1 < len(places) and _linked(doc, sv, places[hi], places[hi + 1]) \
            and _within(doc, places[hi + 1], places[hi]) and ok(places[hi + 1]):
        hi += 1
    return places[lo : hi + 1]


def _within(doc: Document, outer: Place, inner: Place) -> bool:
    """``outer`` can contain ``inner`` by level, or is given in brackets after it ("Merdeka (Central
    Jakarta, Jakarta)")."""
    return _contains(outer, inner) or ("(" in doc.text[inner.end : outer.start]
                                       and _specific(outer) == _specific(inner))


def _most_specific(
    doc: Document, sv: SentView, places: list[Place], p: Place, ok: Callable[[Place], bool]
) -> Place:
    """The most specific place of ``p``'s chain (see :func:`_pick`)."""
    chain = _chain(doc, sv, places, p, ok)
    return p if len(chain) == 1 else _pick(chain)


#: how far a place may lie from the point of the unit named as its container ("Kediri district, Kediri
#: regency": a Kediri district 460 km away in Bali is a wrong namesake)
_WITHIN_KM = {"admin3": 60.0, "city": 60.0, "admin2": 150.0, "admin1": 800.0}


def _pick(chain: list[Place]) -> Place:
    """The most specific place of a chain (text order, containers last) that lies inside the next
    container with a point; without a point of its own, it takes that container's."""
    order = sorted(range(len(chain)), key=lambda i: (-_specific(chain[i]), i))
    for i in order:
        place = chain[i]
        outer = next((q for q in chain[i + 1 :] if q.lat is not None and q.lon is not None), None)
        if outer is None or outer.lat is None or outer.lon is None:
            return place
        if place.lat is None or place.lon is None:
            return msgspec.structs.replace(
                place, lat=outer.lat, lon=outer.lon, country=place.country or outer.country,
                admin1=place.admin1 or (outer.name if outer.precision == "admin1" else outer.admin1),
            )
        limit = _WITHIN_KM.get(outer.precision or "", math.inf)
        if _km(place.lat, place.lon, outer.lat, outer.lon) <= limit:
            return place
    return chain[order[-1]]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def locative(sv: SentView, k: int) -> bool:
    """A place of the event is introduced by a locative preposition ("di kota Bandipora", "ke Yordania"),
    possibly as the second of a list ("di Kampung Melayu, Jakarta"); a place name inside another phrase
    ("bhabinkamtibmas Kelurahan Dukuh Kupang") is not where the event happened."""
    syn = sv.syntax
    j = k - 1
    while j >= 0 and (sv.has_class(j, "place_noun") or sv.words[j] in syn.place_skip):
        j -= 1
    if j < 0:
        return False
    if sv.words[j] in syn.locative:
        return True
    if not (sv.words[j] == "," or (sv.words[j] in syn.list_words and sv.words[j] in syn.place_coord)):
        return False
    j -= 1  # "in Yeti district, Keerom Regency": the place before the comma may end in a place noun
    while syn.head_final and j > 0 and sv.has_class(j, "place_noun") and not sv.is_upper(j):
        j -= 1
    return j >= 0 and sv.is_upper(j)


def main_place(doc: Document) -> Place | None:
    """The document's dominant place: named at least 3 times and twice as often as any other; else, in a
    brief report (at most 5 sentences: one incident), the place of its lead (the first sentence naming
    one, most specific of a chain: "a riot broke out in Bandung city, West Java province"). A long
    article moves between places, so its lead's place is no default for the others. A dateline opening
    the text ("JAKARTA -") is where the reporter is, not necessarily the story: it is no lead place."""
    counts: dict[str, list[Place]] = {}
    for p in doc.places:
        key = (p.name or doc.text[p.start : p.end]).lower()
        counts.setdefault(key, []).append(p)
    if not counts:
        return None
    ranked = sorted(counts.values(), key=len, reverse=True)
    top = ranked[0]
    if len(top) >= 3 and (len(ranked) == 1 or len(top) >= 2 * len(ranked[1])):
        return top[0]
    return _lead_place(doc) if len(doc.sentences) <= _BRIEF else None


_BRIEF = 5  # sentences of a brief report


def _lead_place(doc: Document) -> Place | None:
    places = sorted(doc.places, key=lambda p: p.start)
    for s in doc.sentences:
        inside = [p for p in places if s.start <= p.start < s.end and p.lat is not None
                  and doc.text[s.start : p.start].strip(" \t\n\r\"'(")]
        if not inside:
            continue
        first = inside[0]
        i = places.index(first)
        while i + 1 < len(places) and _doc_linked(doc, places[i], places[i + 1]) \
                and _contains(places[i + 1], places[i]):
            i += 1
        return _pick(places[places.index(first) : i + 1])
    return None


_GAP = re.compile(r"\s*(?:[^\W\d]+\s*)?[,(]\s*")


def _doc_linked(doc: Document, a: Place, b: Place) -> bool:
    """``b`` follows ``a`` after a comma, optionally after one level word ("Bandung city, West Java")."""
    return _GAP.fullmatch(doc.text, a.end, b.start) is not None


def count_types(settings: dict[str, list[str]], count: Count) -> set[str]:
    """Event types a count kind can describe ("*" = any)."""
    return set(settings.get(count.kind, ["*"]))
