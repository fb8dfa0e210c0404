"""Running peristiwa's own pipeline over a gold file and scoring it: the built-in evaluation.

Why here and not in the CLI: the floors test, the CLI (``peristiwa evaluate``) and notebooks all need the
same numbers from the same code path. A document the pipeline fails on does not stop the run; it is
scored as an empty prediction and its error is kept in the report's details (``Report.errors``), so the
failure shows up as lost recall *and* as a message naming the document and stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..output import to_record
from ..pipeline import Pipeline
from .gold import GoldDocument, gold_document, gold_key, read_gold
from .report import Report
from .score import score

__all__ = ["evaluate", "predict"]


def predict(
    gold_docs: Iterable[GoldDocument], pipeline: Pipeline | None = None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Run ``pipeline`` (default config when None) on each gold text.

    Returns the contract records of the documents that went through and ``{doc_id: error}`` for those
    that failed.
    """
    pipe = pipeline if pipeline is not None else Pipeline()
    records: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    for gold in gold_docs:
        try:
            records.append(to_record(pipe(gold_document(gold))))
        except DocumentError as exc:
            errors[gold.doc_id] = str(exc)
    return records, errors


def evaluate(gold_path: str | Path, pipeline: Pipeline | None = None) -> Report:
    """Read a gold JSONL file, run the pipeline on its texts and score the output.

    The report is named after the file as in ``floors.toml`` (``id-dev.gold.jsonl`` -> ``id-dev``).
    """
    golds = read_gold(gold_path)
    records, errors = predict(golds, pipeline)
    return score(golds, records, name=gold_key(gold_path), errors=errors)
