"""Stage ``geo.places``: place mentions resolved to the gazetteer (see :mod:`peristiwa.geo.geocode`).

The gazetteer is loaded on the first document that needs it (not when the pipeline is built), so
pipelines that never see text pay nothing. Options (``[stages."geo.places"]``): ``gazetteer`` = path of
another built file; ``demonyms``, ``metonymic_countries``, ``bare_min_population`` override the language
pack's ``geo.toml`` (see :class:`~peristiwa.geo.words.GeoSettings`); ``source_regions`` = a table from a
document's source (``Document.source`` or its URL's host without "www.") to the region the source covers,
``"CC"`` or ``"CC/First-level division"`` (``"thetowntalk.com" = "US/Louisiana"``, ``"tribunjateng.com" =
"ID/Central Java"``): a local paper's home region is the focus of its documents (see geo.resolve).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any
from urllib.parse import urlsplit

from ..actors.registry import country_names, registry_for
from ..errors import ConfigError
from ..langs.base import LanguagePack
from ..model import Document
from ..pipeline import StageContext, StageFn, registry
from .gazetteer import Gazetteer, GeoEntry, load_gazetteer
from .geocode import geocode
from .words import GeoSettings, place_words

__all__ = ["make_stage", "region_entry"]

_SETTINGS = frozenset(f.name for f in fields(GeoSettings))


@registry.stage("geo.places", version=1, requires=("sentences", "tokens", "entities"), provides=("places",))
def make_stage(ctx: StageContext) -> StageFn:
    """Place mentions with English name, admin1, country, coordinates, feature and confidence."""
    path = ctx.options.get("gazetteer")
    regions = ctx.options.get("source_regions") or {}
    if not isinstance(regions, dict) or not all(isinstance(v, str) for v in regions.values()):
        raise ConfigError('stages.geo.places: source_regions is a table of source = "CC" or "CC/Division"')
    unknown = set(ctx.options) - _SETTINGS - {"gazetteer", "source_regions"}
    if unknown:
        raise ConfigError(f"stages.geo.places: unknown option(s) {', '.join(sorted(unknown))}")
    overrides: dict[str, Any] = {k: v for k, v in ctx.options.items() if k in _SETTINGS}
    loaded: list[Gazetteer] = []

    def gazetteer() -> Gazetteer:
        if not loaded:
            loaded.append(Gazetteer.load(path) if path else load_gazetteer())
        return loaded[0]

    def settings(pack: LanguagePack) -> GeoSettings | None:
        return replace(place_words(pack).settings, **overrides) if overrides else None

    focus_of: dict[str, GeoEntry | None] = {}

    def focus(doc: Document) -> GeoEntry | None:
        if not regions:
            return None
        host = (urlsplit(doc.url).hostname or "").removeprefix("www.") if doc.url else ""
        region = regions.get(doc.source or "") or regions.get(host)
        if region is None:
            return None
        if region not in focus_of:
            focus_of[region] = region_entry(gazetteer(), region)
        return focus_of[region]

    def run(doc: Document) -> Document:
        pack = ctx.packs.get(doc.lang)
        if pack is None or not pack.has("place_words.tsv"):
            return doc.with_layers(places=())
        places = geocode(doc, registry_for(pack), pack, gazetteer(), settings=settings(pack), focus=focus(doc))
        return doc.with_layers(places=tuple(places))

    return run


def region_entry(gaz: Gazetteer, region: str) -> GeoEntry | None:
    """The gazetteer's country (``"US"``) or first-level division (``"US/Louisiana"``) named by ``region``."""
    country, _, division = region.partition("/")
    if division:
        return next((e for e in gaz.lookup(division) if e.feature == "admin1" and e.country == country), None)
    name = country_names().get(country, (country, ""))[0]
    return next((e for e in gaz.lookup(name) if e.feature == "country" and e.country == country), None)
