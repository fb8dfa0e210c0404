"""Placeholder for stage extract.counts (being implemented)."""

from __future__ import annotations

from ..model import Document
from ..pipeline import StageContext, StageFn, registry


@registry.stage("extract.counts", version=1, requires=("sentences", "tokens"), provides=("counts",))
def make_stage(ctx: StageContext) -> StageFn:
    """No-op placeholder."""

    def run(doc: Document) -> Document:
        return doc

    return run
