"""Choosing among same-named places with the document as context.

Why: "Paris", "Georgia", "Alexandria" and "Homs" each name several places; which one a document means
depends on what else it names. Every candidate gets a score from three parts:

1. its *prior*: the gazetteer's class rank (country > first-level division > capital > city > district)
   plus the log of its population, so that a bare "Paris" is the French capital;
2. *local* evidence of the mention: the level an administrative word asks for ("Provinsi Homs" is the
   governorate), the division named after it ("Paris, Texas", "Kabupaten Intan Jaya, Papua");
3. *document* context from the other mentions' current choices (names other than this one, so a repeated
   name does not vote for itself): the share of the document's places in the candidate's country, other
   places in its first-level division, and other places within 100-300 km.

A document may also come with a *focus*: the first-level division or country its source covers (a
local paper's home region, configured per source; see :mod:`peristiwa.geo.stage`). Readers of a local
paper resolve "Athens" or "Mansfield" to the town nearby unless the text says otherwise (Lieberman et al.,
"Geotagging with local lexicons", 2010), so candidates in the focus get a bonus like a place the text names,
and a bare name there is kept as if the document named another place in its division.

The choice is made three times (priors only, then twice with the context of the previous round), which
lets unambiguous names ("Ohio", "Hall County") pull ambiguous ones ("Gainesville") to their region.
Mentions with only ``bare`` evidence are then kept only when they are major places (population, class) or
supported by the context; the others were capitalised words that happen to be in the gazetteer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .gazetteer import MAJOR_CAPITAL_RANK, Gazetteer, GeoEntry, name_key
from .mentions import Mention
from .words import GeoSettings

__all__ = ["Resolved", "resolve"]

_POP_WEIGHT = 8.0  # score points per factor 10 of population
_RANK_WEIGHT = 0.25  # per point of the class rank (country 100, division 70, capital 65, town 20)
_FEATURE_FIT, _FEATURE_MISFIT = 100.0, -50.0
_HINT_ADMIN1, _HINT_COUNTRY = 80.0, 40.0
_DOC_COUNTRY = 60.0  # times the squared share of the document's votes for that country (dominance matters)
_HOME_COUNTRY = 20.0  # the pack's home country when the document names no country
_SAME_ADMIN1 = 12.0  # per other name that can be in the same first-level division
_CLOSE_KM, _CLOSE = 30.0, 20.0  # ... within 30 km
_NEAR_KM, _NEAR = 100.0, 12.0
_AROUND_KM, _AROUND = 300.0, 4.0
_SUPPORT_CAP = 60.0
#: a bare town in the country that most of the document's other places are in is kept from a tenth of
#: the bare-name population threshold on
_DOMINANT, _DOMINANT_POP_FACTOR = 0.5, 10.0
_PLAUSIBLE_DELTA, _PLAUSIBLE_MAX = 40.0, 30
_SOFTMAX_T = 10.0  # score points per factor e between two readings of a name
_UNSUFFIXED_ADMIN2 = -20.0  # "Laurel" is the town before it is Laurel County
_TOWN_COUNTRY = -80.0  # a country modifying "man", "police" ("a Lebanon woman"): English would use its demonym
_NO_POINT = -5.0
_ALIAS = -10.0  # a GeoNames alternate name ("Calcutta") is weaker than a place's own name
_ROUNDS = 3
_OBSCURE_VOTE = 0.25  # vote of an obscure reading no other name supports (see _credence)
#: countries and named regions (continents, "Middle East", "West Bank") are what a bare name means far
#: more often than a small namesake town, however strong the local context ("Italy, Texas")
_FEATURE_PRIOR = {"country": 40.0, "region": 60.0, "admin1": 20.0}
#: the capital of a large country is what its bare name means before a namesake division ("Washington")
_CAPITAL_MARGIN = 5.0
#: a candidate in the document's focus division (country): worth about a nearby place the text names
_FOCUS_ADMIN1, _FOCUS_COUNTRY = 30.0, 10.0


@dataclass
class Resolved:
    """A mention with its chosen candidate (None when unresolved or dropped) and a confidence."""

    mention: Mention
    entry: GeoEntry | None
    confidence: float
    keep: bool = True


def _prior(c: GeoEntry) -> float:
    """Half the class rank (countries and divisions first, capitals before towns) plus log population."""
    return _RANK_WEIGHT * c.rank + _FEATURE_PRIOR.get(c.feature, 0.0) + _POP_WEIGHT * math.log10(c.population + 1)


def _local(c: GeoEntry, m: Mention, surface_key: str) -> float:
    score = _prior(c)
    if m.feature is not None:
        fits = c.feature == m.feature or (m.feature == "admin2" and c.feature == "city")
        score += _FEATURE_FIT if fits else _FEATURE_MISFIT
    elif _unsuffixed_admin2(c, surface_key):
        score += _UNSUFFIXED_ADMIN2
    if m.town and c.feature == "country":
        score += _TOWN_COUNTRY
    if m.admin1_hint and c.admin1 == m.admin1_hint and c.feature != "admin1":
        score += _HINT_ADMIN1
    if m.country_hint and c.country == m.country_hint:
        score += _HINT_COUNTRY
    if c.lat is None:
        score += _NO_POINT
    if c.alias:
        score += _ALIAS
    return score


def _capital_first(m: Mention, scores: list[float], surface_key: str) -> None:
    """A division named like the capital of a large country ranks below that capital ("Washington" is
    D.C. before the state), unless a level word asked for the division ("the state of Washington")."""
    if m.feature is not None:
        return
    capitals = [scores[j] for j, c in enumerate(m.cands)
                if c.rank == MAJOR_CAPITAL_RANK and c.feature == "city" and name_key(c.name) == surface_key]
    if not capitals:
        return
    top = max(capitals)
    for j, c in enumerate(m.cands):
        if c.feature == "admin1" and name_key(c.name) == surface_key and scores[j] > top - _CAPITAL_MARGIN:
            scores[j] = top - _CAPITAL_MARGIN


def _unsuffixed_admin2(c: GeoEntry, surface_key: str) -> bool:
    """A second-level unit whose level word the mention lacks ("Laurel" for Laurel County); Indonesian
    regencies are named without "Kabupaten" in their entries, so they never are."""
    return c.feature == "admin2" and c.country != "ID" and name_key(c.name) != surface_key


def _km(a: GeoEntry, b: GeoEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class _Context:
    """The document as context of one round.

    Country votes come from the current choices of the other names; support (same division, distance)
    from every *plausible* reading of the other names (candidates close to their best local score), each
    weighted by how likely that reading is (a softmax of its score in the previous round), so that two
    ambiguous names can pull each other to the region where both exist ("Huntsville" and "Walker County"
    are both in Alabama and both in Texas, but only in Texas is one the seat of the other), while a name
    with thirty namesakes ("Montgomery") supports each of them only a little and an unambiguous one
    ("Delano") fully.
    """

    def __init__(self, choices: list[tuple[str, GeoEntry, float]],
                 plausible: dict[str, list[tuple[GeoEntry, float]]], gaz: Gazetteer,
                 near: dict[int, float] | None = None) -> None:
        self.gaz = gaz
        # same-division bonus plus closeness of two entries (key: their indexes, ``a << 32 | b``), shared by
        # the rounds of a document and by the documents of a run (:meth:`Gazetteer.pair_memo`): the same
        # pairs come back each time
        self.near: dict[int, float] = {} if near is None else near
        self.countries: dict[str, float] = {}
        self.by_key: dict[str, dict[str, float]] = {}
        for key, c, w in choices:
            if c.country:
                self.countries[c.country] = self.countries.get(c.country, 0.0) + w
                own = self.by_key.setdefault(key, {})
                own[c.country] = own.get(c.country, 0.0) + w
        self.total = sum(self.countries.values())
        self.plausible = plausible
        self._cache: dict[tuple[str, int], float] = {}
        self._shares: dict[tuple[str, str], float] = {}
        # per country, the other names' plausible readings in it (names in the order of ``plausible``,
        # readings in their order): support() then visits only the readings that can count
        self._in_country: dict[str | None, list[tuple[str, list[tuple[GeoEntry, float, str | None]]]]] | None = None

    def _readings_in(self, country: str | None) -> list[tuple[str, list[tuple[GeoEntry, float, str | None]]]]:
        if self._in_country is None:
            grouped: dict[str | None, list[tuple[str, list[tuple[GeoEntry, float, str | None]]]]] = {}
            for k, others in self.plausible.items():
                by: dict[str | None, list[tuple[GeoEntry, float, str | None]]] = {}
                for o, p in others:
                    if o.feature in ("country", "region"):
                        continue
                    by.setdefault(o.country, []).append((o, p, o.name if o.feature == "admin1" else o.admin1))
                for code, readings in by.items():
                    grouped.setdefault(code, []).append((k, readings))
            self._in_country = grouped
        return self._in_country.get(country, [])

    def country_share(self, country: str | None, key: str) -> float:
        """Share of the other names' votes going to ``country`` (its neighbours' votes count half).

        Memoised per (country, name): the candidates of one name share few countries, and the votes are
        fixed for the round."""
        if country is None:
            return 0.0
        cached = self._shares.get((country, key))
        if cached is None:
            cached = self._shares[(country, key)] = self._country_share(country, key)
        return cached

    def _country_share(self, country: str, key: str) -> float:
        own = self.by_key.get(key, {})
        total = self.total - sum(own.values())
        if total <= 0:
            return 0.0

        def votes(code: str) -> float:
            return self.countries.get(code, 0.0) - own.get(code, 0.0)

        return (votes(country) + 0.5 * sum(votes(n) for n in self.gaz.neighbours(country))) / total

    def support(self, c: GeoEntry, key: str) -> float:
        """Bonus from other names that can be in the same division or near ``c`` (capped)."""
        cached = self._cache.get((key, c.index))
        if cached is not None:
            return cached
        total = 0.0
        if c.feature not in ("country", "region"):
            admin1 = c.name if c.feature == "admin1" else c.admin1
            near, base = self.near, c.index << 32
            # the names without a reading in c's country add nothing (0.0) and are not visited
            for k, others in self._readings_in(c.country):
                if k == key:
                    continue
                expected = 0.0
                for o, p, o_admin1 in others:
                    # what reading o adds when it is certain: same division, and closeness (both fixed by
                    # the two entries, so memoised per pair)
                    both = near.get(base | o.index)
                    if both is None:
                        bonus = _SAME_ADMIN1 if admin1 and o_admin1 == admin1 else 0.0
                        both = near[base | o.index] = bonus + _closeness(_km(c, o))
                    expected += p * both
                total += expected
        out = min(total, _SUPPORT_CAP)
        self._cache[(key, c.index)] = out
        return out


def _closeness(km: float) -> float:
    if km <= _CLOSE_KM:
        return _CLOSE
    if km <= _NEAR_KM:
        return _NEAR
    return _AROUND if km <= _AROUND_KM else 0.0


def _weight(m: Mention) -> float:
    return {"admin": 2.0, "prep": 1.5, "hint": 2.0, "exonym": 1.0, "ner": 1.0, "actor": 1.0,
            "modifier": 1.0}.get(m.evidence, 0.5)


def _in_focus(c: GeoEntry, focus: GeoEntry | None) -> float:
    """Bonus of a candidate in the document's focus (a division or a country; never the focus itself)."""
    if focus is None or c.country != focus.country or c.feature in ("country", "region") or c.index == focus.index:
        return 0.0
    if focus.feature == "admin1":
        return _FOCUS_ADMIN1 if c.admin1 == focus.name else 0.0
    return _FOCUS_COUNTRY


def resolve(
    mentions: list[Mention], text: str, gaz: Gazetteer, home_country: str | None, settings: GeoSettings,
    focus: GeoEntry | None = None,
) -> list[Resolved]:
    """The chosen candidate of every mention of ``text`` (see the module docstring), with confidences.
    ``focus``: the division or country the document's source covers, if known."""
    surface = [name_key(text[m.start : m.end]) for m in mentions]
    for i, m in enumerate(mentions):
        # "Ohio" is the state, "Laurel" the town: a county/parish matched without its level word only
        # when nothing else has the name
        named = [c for c in m.cands if not _unsuffixed_admin2(c, surface[i])]
        if len(named) < len(m.cands) and any(c.feature in ("country", "admin1") for c in named):
            m.cands = named
    local = [[_local(c, m, surface[i]) for c in m.cands] for i, m in enumerate(mentions)]
    for i, m in enumerate(mentions):
        _capital_first(m, local[i], surface[i])
    choice = [max(range(len(row)), key=row.__getitem__) if row else -1 for row in local]
    readings: dict[str, dict[int, tuple[int, int]]] = {}  # name -> entry index -> (mention, candidate)
    for i, m in enumerate(mentions):
        if not m.cands:
            continue
        top = max(local[i])
        ranked = sorted(range(len(m.cands)), key=lambda j, i=i: -local[i][j])  # type: ignore[misc]
        found = readings.setdefault(surface[i], {})
        for j in ranked[:_PLAUSIBLE_MAX]:
            if local[i][j] >= top - _PLAUSIBLE_DELTA and m.cands[j].index not in found:
                found[m.cands[j].index] = (i, j)
    focus_bonus = [[_in_focus(c, focus) for c in m.cands] for m in mentions]
    scores: list[list[float]] = local
    near = gaz.pair_memo()
    ctx = _Context([], {}, gaz, near)
    for _ in range(_ROUNDS - 1):
        prev = ctx
        ctx = _Context([(surface[i], m.cands[choice[i]], _weight(m) * _credence(m.cands[choice[i]], surface[i], prev,
                                                                              settings))
                        for i, m in enumerate(mentions) if choice[i] >= 0],
                       _plausible(readings, mentions, scores), gaz, near)
        scores = []
        for i, m in enumerate(mentions):
            row: list[float] = []
            for j, c in enumerate(m.cands):
                share = ctx.country_share(c.country, surface[i])
                sc = local[i][j] + _DOC_COUNTRY * share * share + ctx.support(c, surface[i]) + focus_bonus[i][j]
                if not ctx.countries and home_country and c.country == home_country:
                    sc += _HOME_COUNTRY
                row.append(sc)
            scores.append(row)
            if row:
                choice[i] = max(range(len(row)), key=row.__getitem__)
    _one_sense(mentions, surface, scores, choice)
    # a bare name is confirmed only by the choices of names with evidence of their own
    strong = [(surface[i], m.cands[choice[i]], _weight(m)) for i, m in enumerate(mentions)
              if choice[i] >= 0 and not m.weak]
    confirm = _Context(strong, _chosen(strong), gaz, near)
    # a name the document also gives as a place with evidence ("in Maryville") is that place everywhere,
    # unless it is also someone's surname there ("to Trapani's willingness", "Andrew Trapani")
    attested = {(k, c.index) for k, c, _w in strong}
    out: list[Resolved] = []
    for i, m in enumerate(mentions):
        if choice[i] < 0:
            out.append(Resolved(m, None, 0.2))
            continue
        best = m.cands[choice[i]]
        ordered = sorted(scores[i], reverse=True)
        margin = ordered[0] - ordered[1] if len(ordered) > 1 else 200.0
        conf = _confidence(m, best, margin)
        share = confirm.country_share(best.country, surface[i])
        keep = not m.weak or _major(best, settings, home_country, ctx.country_share(best.country, surface[i])) \
            or confirm.support(best, surface[i]) >= _SAME_ADMIN1 or _in_focus(best, focus) >= _FOCUS_ADMIN1 \
            or (share >= _DOMINANT and best.population >= settings.bare_min_population / _DOMINANT_POP_FACTOR)
        if m.weak and _unsuffixed_admin2(best, surface[i]):
            keep = False  # a bare surname-like "Hughes" is not Hughes County
        if m.weak and best.alias:  # "Kita" (Indonesian "we") is an old name of Quito: needs support
            keep = confirm.support(best, surface[i]) >= _SAME_ADMIN1
        if m.weak and not m.surname and (surface[i], best.index) in attested:
            keep = True
        out.append(Resolved(m, best, conf, keep))
    return out


def _one_sense(mentions: list[Mention], surface: list[str], scores: list[list[float]], choice: list[int]) -> None:
    """One place per name per document: every mention of a name takes the reading of its best-evidenced
    mention ("Springfield, Ohio" first, then "the Springfield bus company"), where that reading fits it."""
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if choice[i] >= 0 and m.feature is None:
            groups.setdefault(surface[i], []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue

        def strength(i: int) -> tuple[bool, float, float]:
            row = sorted(scores[i], reverse=True)
            margin = row[0] - row[1] if len(row) > 1 else 200.0
            return (mentions[i].evidence in ("admin", "hint"), _weight(mentions[i]), margin)

        lead = max(members, key=strength)
        entry = mentions[lead].cands[choice[lead]].index
        if not strength(lead)[0]:
            entry = _joint_reading(members, mentions, scores)
        for i in members:
            j = next((j for j, c in enumerate(mentions[i].cands) if c.index == entry), -1)
            if j >= 0:
                choice[i] = j


def _joint_reading(members: list[int], mentions: list[Mention], scores: list[list[float]]) -> int:
    """The reading of a repeated name with the best total score over its mentions: each mention's own
    evidence counts ("Lebanon police" and "of Lebanon" outvote one "Lebanon" that alone looks like the
    country), a reading a mention cannot have scores that mention's worst."""
    totals: dict[int, float] = {}
    for i in members:
        for c in mentions[i].cands:
            totals.setdefault(c.index, 0.0)
    for i in members:
        row = {c.index: sc for c, sc in zip(mentions[i].cands, scores[i], strict=True)}
        worst = min(scores[i])
        for index in totals:
            totals[index] += row.get(index, worst)
    return max(totals, key=lambda index: totals[index])


def _credence(c: GeoEntry, key: str, ctx: _Context, settings: GeoSettings) -> float:
    """How much a name's current reading counts as a vote for its country: fully when it is a major place
    or the other names support it, little when it is an obscure place alone in its region ("Loop", a
    hamlet in Germany, in a Chicago story), most often a capitalised word that is no place at all."""
    if c.feature in ("country", "admin1", "region") or c.rank >= 45 or c.population >= settings.bare_min_population:
        return 1.0
    return 1.0 if ctx.support(c, key) >= _SAME_ADMIN1 else _OBSCURE_VOTE


def _plausible(readings: dict[str, dict[int, tuple[int, int]]], mentions: list[Mention],
               scores: list[list[float]]) -> dict[str, list[tuple[GeoEntry, float]]]:
    """Each name's plausible readings with their probability: a softmax of their current scores."""
    out: dict[str, list[tuple[GeoEntry, float]]] = {}
    for key, found in readings.items():
        pairs = [(mentions[i].cands[j], scores[i][j]) for i, j in found.values()]
        top = max(s for _c, s in pairs)
        weights = [math.exp((s - top) / _SOFTMAX_T) for _c, s in pairs]
        total = sum(weights)
        out[key] = [(c, w / total) for (c, _s), w in zip(pairs, weights, strict=True)]
    return out


def _chosen(choices: list[tuple[str, GeoEntry, float]]) -> dict[str, list[tuple[GeoEntry, float]]]:
    """The chosen readings as certain ones (the same name chosen differently shares the weight)."""
    out: dict[str, list[tuple[GeoEntry, float]]] = {}
    for key, c, _w in choices:
        out.setdefault(key, []).append((c, 1.0))
    return {k: [(c, 1.0 / len(v)) for c, _p in v] for k, v in out.items()}


def _major(c: GeoEntry, settings: GeoSettings, home: str | None, country_share: float) -> bool:
    """A bare name stands on its own: a country, a populous place, a division of a country the document
    names, a major place of the pack's home country or of the country most of the document is in."""
    if c.feature == "country":
        return True
    if home is not None and c.country == home and c.rank >= 35:
        return True
    if country_share >= _DOMINANT and c.rank >= 45:
        return True  # a regency or city of the country the document is about ("Garut" in a note on Indonesia)
    if c.feature == "admin1":
        return c.population >= settings.bare_min_population and (
            country_share > 0 or c.population >= 10 * settings.bare_min_population)
    return c.population >= settings.bare_min_population


def _confidence(m: Mention, best: GeoEntry, margin: float) -> float:
    if m.evidence == "unit":
        return 0.3
    conf = 0.9 if m.evidence in ("admin", "exonym", "hint") or margin >= 200 else 0.5 + min(0.4, margin / 200)
    if m.evidence in ("bare", "actor", "demonym") and best.feature not in ("country", "admin1"):
        conf -= 0.2
    if m.evidence in ("actor", "demonym"):
        conf = min(conf, 0.6)
    return round(max(0.1, min(1.0, conf)), 2)
