"""A language pack's place vocabulary, compiled once per pack: what marks a capitalised name as a place.

Everything here is data of the pack (``place_words.tsv``, ``geo.toml``, the month and weekday names of
``date_words.toml``); the mechanisms in :mod:`peristiwa.geo.mentions` and :mod:`peristiwa.geo.resolve` only
read it, so Indonesian and English share one geocoder.

``place_words.tsv`` kinds: ``admin`` (a level word before a name: "Provinsi Homs"), ``suffix`` (after it:
"Wajo Regency", "Homs province"), ``plural`` (a level word in the plural after a list of names: "Barrow,
Jackson and Madison counties"), ``prep`` ("di", "in"; feature ``at``: of where something is, "in" but not
"to"; ``nodet``: not across a determiner, "of the Republic"), ``det`` (a determiner between a preposition and
the name: "in the Cottonport area"), ``generic`` ("kota Mosul", "city of"), ``facility`` ("Bandara Juanda"),
``abbrev`` (a first-level division written short after a comma: "Lafayette, La.", "Austin, TX"), ``street``
(after a name, makes it a street: "Taylor Street"), ``institution`` (after a name, makes it an institution's:
"the China embassy").
``place_stop.tsv`` lists capitalised words that are not a place on their own ("As", "God"); it is a
file of its own because the actors registry reads every word of ``place_words.tsv`` as a place term.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..langs.base import LanguagePack
from ..text.patterns import prefix_tree

__all__ = ["GeoSettings", "PlaceWords", "place_words"]


@dataclass(frozen=True)
class GeoSettings:
    """``geo.toml`` of a pack (defaults when the pack has none).

    ``metonymic_countries``: a country named as an actor ("Russia said") is still a place mention;
    ``bare_min_population``: a bare capitalised name (no preposition, admin word or context) is a place
    only when its best candidate has at least this population or is a country or first-level division;
    ``demonyms``: adjectives and nouns of nationality ("Russian") are mentions of their country;
    ``unknown_after_prep``: a capitalised name the gazetteer does not know is still a place after a
    preposition ("di Bandipora"), kept without coordinates; ``modifier_heads``: nouns that, right after a
    capitalised name (or after "-"), make the name a place modifying them ("Winona police", "a Crafton
    man", "Georgia authorities", "Texas-based"): evidence of its own, also inside a group's name;
    ``town_heads``: those of them that a country takes in its demonym form ("a Lebanese woman", "Palestinian
    police"), so that a name before them is a town's ("a Lebanon woman", "Palestine police"), not a country's.
    """

    metonymic_countries: bool = False
    bare_min_population: int = 100_000
    demonyms: bool = False
    unknown_after_prep: bool = True
    modifier_heads: tuple[str, ...] = ()
    town_heads: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceWords:
    """The pack's place vocabulary by kind (admin/suffix words map to a gazetteer feature)."""

    admin: dict[str, str]
    suffix: dict[str, str]
    plural: dict[str, str]  # "counties" -> admin2: every name of the list before it has that level
    prep: frozenset[str]
    prep_det: frozenset[str]  # prepositions that still mark a place across a determiner ("in the X area")
    prep_at: frozenset[str]  # prepositions of where something is ("in", "di"; not "to", "dari")
    det: frozenset[str]
    generic: frozenset[str]
    facility: dict[str, str]
    admin_country: dict[str, str]
    abbrev: dict[str, tuple[str, str]]  # "La." -> ("Louisiana", "US")
    abbrev_re: re.Pattern[str] | None  # any abbreviation, longest first, ending on a word boundary
    abbrev_word: frozenset[str]  # abbreviations that are also words or titles ("Miss.", "Del.")
    stop: frozenset[str]  # exact capitalised forms
    street: frozenset[str]  # words after a name that make it a street ("Taylor Street", "Commerce Dr.")
    institution: frozenset[str]  # lower-case words after a name that make it an institution ("China embassy")
    settings: GeoSettings

    @functools.cached_property
    def facility_openers(self) -> frozenset[str]:
        """First words of the facility nouns: the only lower-case words that can open a place mention."""
        return frozenset(k.split()[0] for k in self.facility)


def _settings(pack: LanguagePack) -> GeoSettings:
    raw: dict[str, Any] = pack.settings("geo.toml") if pack.has("geo.toml") else {}
    known = GeoSettings.__dataclass_fields__
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items() if k in known}
    return GeoSettings(**values)


def _calendar_words(pack: LanguagePack) -> set[str]:
    """Month and weekday names: capitalised, and in every gazetteer ("August", "Marzo", "Selasa")."""
    if not pack.has("date_words.toml"):
        return set()
    data = pack.settings("date_words.toml")
    return {str(w) for table in ("months", "weekdays") for w in data.get(table, {})}


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(rf"(?:{prefix_tree(words, space=re.escape(' '))})(?![\w.])")  # longest first


def place_words(pack: LanguagePack) -> PlaceWords:
    """Compiled place words of a pack (cached on the pack)."""

    def build() -> PlaceWords:
        rows = pack.table("place_words.tsv") if pack.has("place_words.tsv") else []

        def kind(name: str) -> list[dict[str, str]]:
            return [r for r in rows if r["kind"] == name]

        return PlaceWords(
            admin={r["word"].lower(): r["feature"] for r in kind("admin")},
            suffix={r["word"].lower(): r["feature"] for r in kind("suffix")},
            plural={r["word"].lower(): r["feature"] for r in kind("plural")},
            prep=frozenset(r["word"].lower() for r in kind("prep")),
            prep_det=frozenset(r["word"].lower() for r in kind("prep") if r["feature"] != "nodet"),
            prep_at=frozenset(r["word"].lower() for r in kind("prep") if r["feature"] == "at"),
            det=frozenset(r["word"].lower() for r in kind("det")),
            generic=frozenset(r["word"].lower() for r in kind("generic")),
            facility={r["word"].lower(): r["english"] for r in kind("facility")},
            admin_country={r["word"].lower(): r["country"] for r in kind("admin") if r["country"]},
            abbrev={r["word"]: (r["english"], r["country"]) for r in kind("abbrev")},
            abbrev_re=_alternation([r["word"] for r in kind("abbrev")]),
            abbrev_word=frozenset(r["word"] for r in kind("abbrev") if r["feature"] == "word"),
            stop=frozenset(r["word"] for r in (pack.table("place_stop.tsv") if pack.has("place_stop.tsv") else []))
            | _calendar_words(pack),
            street=frozenset(r["word"] for r in kind("street")),
            institution=frozenset(r["word"].lower() for r in kind("institution")),
            settings=_settings(pack),
        )

    out: PlaceWords = pack.cached("geo.place_words", build)
    return out
