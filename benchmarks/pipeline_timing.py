"""Timing helpers shared by the language-pack benchmarks (whole-pipeline rate, per-stage shares)."""

from __future__ import annotations

import time
from collections import defaultdict

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

__all__ = ["pipelines", "rate", "report", "stage_shares"]


def pipelines(config: Config) -> tuple[Pipeline, Pipeline]:
    """(segmentation only, the full pipeline) of ``config``: the baseline and the measured pipeline."""
    data = config.to_dict()
    data["pipeline"] = {**data.get("pipeline", {}), "stages": ["segment.sentences", "segment.tokens"]}
    return Pipeline(Config.from_dict(data)), Pipeline(config)


def report(header: str, docs: list[Document], segment: Pipeline, full: Pipeline, repeat: int, lang: str,
           indent: str = "") -> None:
    """Warm up, time both pipelines on ``docs`` and print the rates, their ratio, the 50 documents/s
    requirement and each stage's share (a benchmark script's output, hence ``print``)."""
    for doc in docs[:20]:  # warm-up: load tables, gazetteer, matchers
        full(doc)
        segment(doc)
    seg_rate = rate(segment, docs, repeat)
    full_rate = rate(full, docs, repeat)
    print(header)
    print(f"{indent}segment only : {seg_rate:8.1f} docs/s")
    print(f"{indent}full pipeline: {full_rate:8.1f} docs/s  (ratio full/segment = {full_rate / seg_rate:.3f})")
    ok = "OK" if full_rate >= 50 else "TOO SLOW"
    print(f"{indent}requirement  : >= 50 docs/s for the full {lang} pack -> {ok}")
    shares = stage_shares(full, docs)
    total = sum(shares.values()) or 1.0
    for stage, secs in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"{indent}  {stage:20s} {1000 * secs / len(docs):7.2f} ms/doc  {100 * secs / total:5.1f} %")


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
