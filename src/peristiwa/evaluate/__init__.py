"""Built-in evaluation: score peristiwa's output against gold files and PolNeAR, and keep score floors.

Why in the library: every change to a rule or lexicon must be measurable in one call, the same way by the
test suite (floors), the CLI (``peristiwa evaluate``) and a notebook::

    >>> from peristiwa.evaluate import evaluate, render_report       # doctest: +SKIP
    >>> report = evaluate("../shared/data/gold/id-dev.gold.jsonl")   # doctest: +SKIP
    >>> report.to_dict()["event.typed.f1"]                           # doctest: +SKIP

Matching rules are documented in :mod:`peristiwa.evaluate.score` (gold files) and
:mod:`peristiwa.evaluate.polnear` (attribution corpus); metrics are exact fractions
(:class:`~peristiwa.evaluate.report.Ratio`), None when there was nothing to measure.
"""

from __future__ import annotations

from .floors import check_floors, load_floors
from .gold import (
    GoldActor,
    GoldCount,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    GoldQuote,
    gold_document,
    gold_key,
    parse_gold_line,
    read_gold,
)
from .polnear import (
    PolnearAttribution,
    PolnearDocument,
    evaluate_polnear,
    parse_brat,
    polnear_document,
    read_polnear,
    score_polnear,
)
from .report import (
    DocDetail,
    EventMatch,
    EventRef,
    QuoteMatch,
    QuoteRef,
    Ratio,
    Report,
    render_report,
    report_rows,
)
from .run import evaluate, predict
from .score import STANDARD_METRICS, score
from .spans import MATCH_THRESHOLD, overlap_ratio

__all__ = [
    "MATCH_THRESHOLD",
    "STANDARD_METRICS",
    "DocDetail",
    "EventMatch",
    "EventRef",
    "GoldActor",
    "GoldCount",
    "GoldDocument",
    "GoldEvent",
    "GoldPlace",
    "GoldQuote",
    "PolnearAttribution",
    "PolnearDocument",
    "QuoteMatch",
    "QuoteRef",
    "Ratio",
    "Report",
    "check_floors",
    "evaluate",
    "evaluate_polnear",
    "gold_document",
    "gold_key",
    "load_floors",
    "overlap_ratio",
    "parse_brat",
    "parse_gold_line",
    "polnear_document",
    "predict",
    "read_gold",
    "read_polnear",
    "render_report",
    "report_rows",
    "score",
    "score_polnear",
]
