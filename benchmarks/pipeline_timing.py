"""Timing helpers shared by the language-pack benchmarks (whole-pipeline rate, per-stage shares)."""

from __future__ import annotations

import time
from collections import defaultdict

from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

__all__ = ["rate", "stage_shares"]


def rate(pipe: Pipeline, docs: list[Document], repeat: int) -> float:
    """Best documents/second over ``repeat`` passes."""
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            pipe(doc)
        elapsed = time.perf_counter() - start
        best = max(best, len(docs) / elapsed if elapsed else 0.0)
    return best


def stage_shares(pipe: Pipeline, docs: list[Document]) -> dict[str, float]:
    """Seconds per stage over ``docs`` (one pass, stage functions timed individually)."""
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for info, fn in zip(pipe.stages, pipe._fns, strict=True):
            start = time.perf_counter()
            doc = fn(doc)
            spent[info.name] += time.perf_counter() - start
    return dict(spent)
