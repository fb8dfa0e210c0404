"""Build the compact gazetteer shipped in ``src/peristiwa/geo/data/gazetteer.msgpack.gz``.

Sources (read-only, beside the repository in ``../shared/data/gazetteer``):

- ``countries_states_cities/``: countries.csv, states.csv (first-level divisions), cities.csv (dr5hn
  countries-states-cities database, ODbL 1.0);
- ``indonesia_admin/``: provinces.csv, regencies.csv, districts.csv with coordinates (cahyadsn/wilayah, MIT);
- the language packs' ``exonyms.tsv`` (Indonesian names of foreign places, English names of provinces).

Usage::

    .venv/bin/python scripts/build_gazetteer.py [--data ../shared/data/gazetteer] [--out FILE]

The output is deterministic for the same inputs. See src/peristiwa/geo/data/README.md for attribution.
"""

from __future__ import annotations

import argparse
import array
import csv
import gzip
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from peristiwa.actors.registry import country_names
from peristiwa.geo.gazetteer import FEATURES, _File, name_key
from peristiwa.langs.base import PackLoader

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = REPO / "src" / "peristiwa" / "geo" / "data" / "gazetteer.msgpack.gz"

# priors (no population in the sources): see peristiwa.geo.gazetteer
RANK = {"country": 100, "admin1": 70, "capital": 65, "admin1_seat": 55, "id_city": 50, "id_regency": 45,
        "region": 30, "city": 20, "id_district": 10}
_ARTICLES = ("al ", "ar ", "as ", "ad ", "an ", "ash ", "at ", "az ", "el ", "ad ")
_SUFFIXES = (" governorate", " province", " region", " district", " subdistrict", " oblast", " prefecture",
             " state", " city", " regency", " county", " municipality", " department")


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
    keys: set[str] = field(default_factory=set)


def _variants(name: str) -> set[str]:
    key = name_key(name)
    out = {key}
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            out.add(key[len(art) :])
    for suf in _SUFFIXES:
        for k in list(out):
            if k.endswith(suf) and len(k) > len(suf) + 2:
                out.add(k[: -len(suf)])
    for k in list(out):
        if k.endswith("ah") and len(k) > 4:  # Arabic ta marbuta: Raqqah/Raqqa, Hamah/Hama
            out.add(k[:-1])
    return {k for k in out if k}


def _f(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return math.nan


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build(data: Path) -> list[Entry]:
    """All gazetteer entries with their lookup keys."""
    packs = PackLoader()
    exonyms = [r for code in ("id", "en") if (p := packs.get(code)) and p.has("exonyms.tsv")
               for r in p.table("exonyms.tsv")]
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
    for r in _read(csc / "states.csv"):
        code, local = r["country_iso2"], r["state"].strip()
        display = admin1_name(code, local)
        e = Entry(f"csc-state:{code}-{r['state_code']}", display, "admin1", display, code, _f(r["lat"]),
                  _f(r["lon"]), RANK["admin1"])
        e.keys |= _variants(local) | _variants(display)
        entries.append(e)
        state_keys[(code, local)] = display
    for i, r in enumerate(_read(csc / "cities.csv")):
        code, name, state = r["country_iso2"], r["city"].strip(), r["state"].strip()
        if code == "ID" and (name.startswith("Kabupaten ") or name.startswith("Kota ")):
            continue  # Indonesian regencies and cities come from the Indonesian admin data
        admin1 = state_keys.get((code, state), admin1_name(code, state))
        keys = _variants(name)
        if capitals.get(code) in keys:
            rank = RANK["capital"]
        elif keys & (_variants(state) | _variants(admin1)):
            rank = RANK["admin1_seat"]
        else:
            rank = RANK["id_city"] - 15 if code == "ID" else RANK["city"]
        e = Entry(f"csc-city:{i}", name, "city", admin1, code, _f(r["lat"]), _f(r["lon"]), rank, keys)
        entries.append(e)
    ida = data / "indonesia_admin"
    provinces = {r["code"]: admin1_name("ID", r["name"].strip()) for r in _read(ida / "provinces.csv")}
    regency_prov: dict[str, str] = {}
    for r in _read(ida / "regencies.csv"):
        raw = r["name"].strip()
        is_city = raw.upper().startswith("KOTA ")
        bare = raw.split(" ", 1)[1] if raw.upper().startswith(("KABUPATEN ", "KOTA ")) else raw
        name = bare.title()
        prov = provinces.get(r["province_code"])
        regency_prov[r["code"]] = r["province_code"]
        e = Entry(f"wilayah:{r['code']}", name, "city" if is_city else "admin2", prov, "ID",
                  _f(r["latitude"]), _f(r["longitude"]), RANK["id_city" if is_city else "id_regency"])
        e.keys |= _variants(name) | {name_key(raw)}
        e.keys.add(name_key(("Kota " if is_city else "Kabupaten ") + name))
        entries.append(e)
    for r in _read(ida / "districts.csv"):
        name = r["name"].strip().title()
        prov = provinces.get(regency_prov.get(r["regency_code"], ""))
        e = Entry(f"wilayah:{r['code']}", name, "admin3", prov, "ID", _f(r["latitude"]), _f(r["longitude"]),
                  RANK["id_district"])
        e.keys |= _variants(name) | {name_key("Kecamatan " + name), name_key("Distrik " + name)}
        entries.append(e)
    _add_exonyms(entries, exonyms)
    return entries


_COMPATIBLE = {"country": ("country",), "admin1": ("admin1",), "admin2": ("admin2", "city"),
               "city": ("city", "admin2"), "region": ("region", "admin1")}


def _add_exonyms(entries: list[Entry], exonyms: list[dict[str, str]]) -> None:
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for k in e.keys:
            by_key[k].append(e)
    for r in exonyms:
        country, feature = r["country"] or None, r["feature"]
        cands = [e for k in (name_key(r["name"]), name_key(r["alias"])) for e in by_key.get(k, ())
                 if e.country == country and e.feature in _COMPATIBLE.get(feature, (feature,))]
        if cands:
            admin1 = name_key(r["admin1"]) if r["admin1"] else None
            best = max(cands, key=lambda e: (e.feature == feature, bool(admin1) and name_key(e.admin1 or "") == admin1,
                                             e.rank))
            best.keys.add(name_key(r["alias"]))
            if feature in ("country", "admin1", "city", "admin2") and best.feature in _COMPATIBLE[feature]:
                best.name = r["name"]
            if feature == "city" and r["admin1"]:
                best.admin1 = r["admin1"]
            by_key[name_key(r["alias"])].append(best)
            continue
        e = Entry(f"exonym:{name_key(r['name']).replace(' ', '-')}", r["name"], feature if feature in FEATURES
                  else "region", r["admin1"] or None, country, math.nan, math.nan, RANK["region"])
        e.keys |= {name_key(r["alias"]), name_key(r["name"])}
        entries.append(e)
        for k in e.keys:
            by_key[k].append(e)


def pack(entries: list[Entry]) -> bytes:
    """The columnar msgpack file, gzip-compressed."""
    countries = ["", *sorted({e.country for e in entries if e.country})]
    admin1s = ["", *sorted({e.admin1 for e in entries if e.admin1})]
    ci = {c: i for i, c in enumerate(countries)}
    ai = {a: i for i, a in enumerate(admin1s)}
    postings_by_key: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        for k in sorted(e.keys):
            postings_by_key[k].append(i)
    keys = sorted(postings_by_key)
    offsets = array.array("I", [0])
    postings = array.array("I")
    for k in keys:
        postings.extend(sorted(set(postings_by_key[k])))
        offsets.append(len(postings))
    f = _File(
        version=1,
        names=[e.name for e in entries],
        ids=[e.id for e in entries],
        feature=bytes(FEATURES.index(e.feature) for e in entries),
        rank=bytes(min(255, e.rank) for e in entries),
        countries=countries,
        country=bytes(ci[e.country] if e.country else 0 for e in entries),
        admin1s=admin1s,
        admin1=array.array("H", [ai[e.admin1] if e.admin1 else 0 for e in entries]).tobytes(),
        lat=array.array("f", [e.lat for e in entries]).tobytes(),
        lon=array.array("f", [e.lon for e in entries]).tobytes(),
        keys=keys,
        offsets=offsets.tobytes(),
        postings=postings.tobytes(),
    )
    return gzip.compress(msgspec.msgpack.encode(f), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the gazetteer sources")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file")
    args = ap.parse_args(argv)
    if not (args.data / "countries_states_cities" / "countries.csv").is_file():
        print(f"no gazetteer sources under {args.data}", file=sys.stderr)
        return 2
    entries = build(args.data)
    blob = pack(entries)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    by_feature: dict[str, int] = defaultdict(int)
    for e in entries:
        by_feature[e.feature] += 1
    print(f"{args.out}: {len(entries)} places, {len(blob) / 1e6:.2f} MB; " +
          ", ".join(f"{k} {v}" for k, v in sorted(by_feature.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
