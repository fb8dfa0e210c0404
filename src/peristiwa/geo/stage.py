"""Placeholder for stage geo.places (being implemented)."""

from __future__ import annotations

from ..model import Document
from ..pipeline import StageContext, StageFn, registry


@registry.stage("geo.places", version=1, requires=("sentences", "tokens", "entities"), provides=("places",))
def make_stage(ctx: StageContext) -> StageFn:
    """No-op placeholder."""

    def run(doc: Document) -> Document:
        return doc

    return run
