"""Placeholder for stage extract.events (being implemented)."""

from __future__ import annotations

from ..model import Document
from ..pipeline import StageContext, StageFn, registry


@registry.stage("extract.events", version=1, requires=("sentences", "tokens", "entities", "places", "dates", "counts", "quotes"), provides=("events",))
def make_stage(ctx: StageContext) -> StageFn:
    """No-op placeholder."""

    def run(doc: Document) -> Document:
        return doc

    return run
