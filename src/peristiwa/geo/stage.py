"""Stage ``geo.places``: place mentions resolved to the gazetteer (see :mod:`peristiwa.geo.geocode`).

The gazetteer is loaded on the first document that needs it (not when the pipeline is built), so
pipelines that never see text pay nothing; options: ``gazetteer`` = path of another built file.
"""

from __future__ import annotations

from ..actors.registry import registry_for
from ..model import Document
from ..pipeline import StageContext, StageFn, registry
from .gazetteer import Gazetteer, load_gazetteer
from .geocode import geocode

__all__ = ["make_stage"]


@registry.stage("geo.places", version=1, requires=("sentences", "tokens", "entities"), provides=("places",))
def make_stage(ctx: StageContext) -> StageFn:
    """Place mentions with English name, admin1, country, coordinates, feature and confidence."""
    path = ctx.options.get("gazetteer")
    loaded: list[Gazetteer] = []

    def gazetteer() -> Gazetteer:
        if not loaded:
            loaded.append(Gazetteer.load(path) if path else load_gazetteer())
        return loaded[0]

    def run(doc: Document) -> Document:
        pack = ctx.packs.get(doc.lang)
        if pack is None or not pack.has("place_words.tsv"):
            return doc.with_layers(places=())
        return doc.with_layers(places=tuple(geocode(doc, registry_for(pack), pack, gazetteer())))

    return run
