"""The ACLED view of peristiwa's events: ACLED event type, sub-event type, fatalities and interaction.

Why: ACLED is the reference dataset of political violence and protest; users compare with it and want
peristiwa's events in its terms. The view is derived, never extracted: a documented table
(``data/acled_map.tsv``, each row citing the ACLED Codebook definition it follows) maps PLOVER type,
modes, the actors' sectors and counts to ACLED's categories. See ``docs/acled-mapping.md``.

>>> from peristiwa.acled import load_mapping
>>> len(load_mapping().subtypes)
6

- stage ``events.acled`` (:mod:`peristiwa.acled.stage`) sets ``Event.acled`` on every event;
- :func:`resolve_document` gives the full decision per event (rule, sides, inter codes);
- :func:`acled_row` / :func:`acled_rows` give ACLED-named columns for exporters.
"""

from __future__ import annotations

from .mapping import AcledMapping, ActorClass, Cue, Rule, load_mapping
from .resolve import AcledDecision, fatalities, interaction, resolve_document
from .rows import ACLED_ROW_COLUMNS, acled_date, acled_row, acled_rows, geo_precision, time_precision
from .stage import annotate, pack_cues

__all__ = [
    "ACLED_ROW_COLUMNS",
    "AcledDecision",
    "AcledMapping",
    "ActorClass",
    "Cue",
    "Rule",
    "acled_date",
    "acled_row",
    "acled_rows",
    "annotate",
    "fatalities",
    "geo_precision",
    "interaction",
    "load_mapping",
    "pack_cues",
    "resolve_document",
    "time_precision",
]
