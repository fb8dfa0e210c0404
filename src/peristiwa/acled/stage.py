"""Stage ``events.acled``: set ``Event.acled`` (the ACLED view) on every event of a document.

Why a stage of its own: the view is derived from finished events (type, modes, actors with their sectors,
counts) and from the other events of the document (a protest and the intervention against it are one
ACLED event), so it runs after ``extract.events`` and never changes what the extractor found. Events ACLED
does not code (statements, consultations, accusations...) and events folded into a protest keep
``acled = None``.

Options (``[stages."events.acled"]`` in the config), defaults in ``acled/data/acled.toml``::

    modalities = ["asserted"]     # event modalities that get a view
    fold_into_protest = true      # fold interventions and protesters' violence into the PROTEST event
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from ..langs.base import LanguagePack
from ..model import Document
from ..pipeline import StageContext, StageFn, registry
from .mapping import AcledMapping, Cue, compile_cues, load_mapping, read_tsv
from .resolve import resolve_document

__all__ = ["PACK_CUES_FILE", "annotate", "make_stage", "pack_cues"]

#: Cue rows a language pack may ship to extend the shipped ones (same columns as ``acled_cues.tsv``).
PACK_CUES_FILE = "acled_cues.tsv"


def pack_cues(pack: LanguagePack | None) -> tuple[Cue, ...]:
    """The extra cues of a language pack (``data/acled_cues.tsv``), compiled once per pack."""
    if pack is None or not pack.has(PACK_CUES_FILE):
        return ()
    where = f"{pack.code}/data/{PACK_CUES_FILE}"
    cues: tuple[Cue, ...] = pack.cached(
        "acled:cues", lambda: compile_cues(read_tsv(pack.read_text(PACK_CUES_FILE), where), where)
    )
    return tuple(c for c in cues if c.lang in (pack.code, ""))


def annotate(
    doc: Document,
    mapping: AcledMapping | None = None,
    *,
    extra_cues: Sequence[Cue] = (),
    modalities: Sequence[str] | None = None,
    fold_into_protest: bool | None = None,
) -> Document:
    """``doc`` with ``Event.acled`` set on every event (None where ACLED would not code it)."""
    decisions = resolve_document(
        doc, mapping, extra_cues=extra_cues, modalities=modalities, fold_into_protest=fold_into_protest
    )
    events = tuple(msgspec.structs.replace(ev, acled=decisions[ev.id].view) for ev in doc.events)
    return doc.with_layers(events=events)


@registry.stage("events.acled", version=1, requires=("events",), provides=("acled",))
def make_stage(ctx: StageContext) -> StageFn:
    """Set the ACLED view (event type, sub-event type, fatalities, interaction) of every event."""
    mapping = load_mapping()
    modalities = ctx.options.get("modalities")
    fold = ctx.options.get("fold_into_protest")

    def run(doc: Document) -> Document:
        if not doc.events:
            return doc
        return annotate(
            doc,
            mapping,
            extra_cues=pack_cues(ctx.packs.get(doc.lang)),
            modalities=modalities,
            fold_into_protest=fold,
        )

    return run
