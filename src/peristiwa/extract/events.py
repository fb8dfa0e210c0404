"""Placeholder events stage (replaced by the language-pack work)."""

from __future__ import annotations

from ..model import Document
from ..pipeline import StageContext, StageFn, registry


@registry.stage("extract.events", version=1, requires=("sentences", "tokens"), provides=("events",))
def make_events(ctx: StageContext) -> StageFn:
    """No-op placeholder."""

    def run(doc: Document) -> Document:
        return doc

    return run
