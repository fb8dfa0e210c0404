"""Stage ``geo.places``: place mentions resolved to the gazetteer (see :mod:`peristiwa.geo.geocode`).

The gazetteer is loaded on the first document that needs it (not when the pipeline is built), so
pipelines that never see text pay nothing. Options (``[stages."geo.places"]``): ``gazetteer`` = path of
another built file; ``demonyms``, ``metonymic_countries``, ``bare_min_population`` override the language
pack's ``geo.toml`` (see :class:`~peristiwa.geo.words.GeoSettings`).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from ..actors.registry import registry_for
from ..errors import ConfigError
from ..langs.base import LanguagePack
from ..model import Document
from ..pipeline import StageContext, StageFn, registry
from .gazetteer import Gazetteer, load_gazetteer
from .geocode import geocode
from .words import GeoSettings, place_words

__all__ = ["make_stage"]

_SETTINGS = frozenset(f.name for f in fields(GeoSettings))


@registry.stage("geo.places", version=1, requires=("sentences", "tokens", "entities"), provides=("places",))
def make_stage(ctx: StageContext) -> StageFn:
    """Place mentions with English name, admin1, country, coordinates, feature and confidence."""
    path = ctx.options.get("gazetteer")
    unknown = set(ctx.options) - _SETTINGS - {"gazetteer"}
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

    def run(doc: Document) -> Document:
        pack = ctx.packs.get(doc.lang)
        if pack is None or not pack.has("place_words.tsv"):
            return doc.with_layers(places=())
        places = geocode(doc, registry_for(pack), pack, gazetteer(), settings=settings(pack))
        return doc.with_layers(places=tuple(places))

    return run
