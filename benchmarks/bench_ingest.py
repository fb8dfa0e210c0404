"""Ingestion throughput: documents/second of reading + cleaning, alone and followed by segmentation.

Why a ratio in one process: absolute numbers depend on the machine; the ratio of ingestion+segmentation to
ingestion alone (and of ingestion with language identification to without) is what tells whether
ingestion is the bottleneck, and it is measured on the same machine in the same run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_ingest.py [--data PATH] [--repeat 3] [--limit N]

Modes, each over the same JSONL corpus (default ``../shared/data/news-id/indosum_2017.jsonl``):

1. ``ingest``           read_inputs: decode, normalise, boilerplate, min_chars (``lang`` given by the input)
2. ``ingest+segment``   the same, then a Pipeline of only segment.sentences and segment.tokens
3. ``ingest+langid``    the same corpus with its ``lang`` fields removed, so lingua identifies every document

Peak RSS (``ru_maxrss``) is printed after each mode; the lingua mode runs last because it loads ~250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peristiwa.config import Config
from peristiwa.errors import IngestError
from peristiwa.ingest import read_inputs
from peristiwa.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def _default_data() -> Path:
    root = Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data")
    return root / "news-id" / "indosum_2017.jsonl"


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _best_rate(run: Callable[[], tuple[int, int]], repeat: int) -> tuple[float, int, int]:
    best = 0.0
    docs = errors = 0
    for _ in range(repeat):
        start = time.perf_counter()
        docs, errors = run()
        elapsed = time.perf_counter() - start
        best = max(best, docs / elapsed if elapsed else 0.0)
    return best, docs, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=_default_data(), help="a JSONL corpus in the doc format")
    parser.add_argument("--repeat", type=int, default=3, help="passes per mode; the best is reported")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N lines (0 = all)")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no corpus at {args.data} (set --data or PERISTIWA_SHARED_DATA)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        no_lang = Path(tmp) / "corpus-nolang.jsonl"
        with args.data.open("rb") as src, corpus.open("wb") as out, no_lang.open("w", encoding="utf-8") as nl:
            for n, line in enumerate(src):
                if args.limit and n >= args.limit:
                    break
                out.write(line)
                record = json.loads(line)
                record.pop("lang", None)
                nl.write(json.dumps(record, ensure_ascii=False) + "\n")
        size_mb = corpus.stat().st_size / 1e6

        config = Config.load(overrides={"pipeline": {"stages": ["segment.sentences", "segment.tokens"]}})
        pipeline = Pipeline(config)
        options = config.ingest

        def ingest(path: Path) -> Callable[[], tuple[int, int]]:
            def run() -> tuple[int, int]:
                docs = errors = 0
                for item in read_inputs([path], options, packs=pipeline.packs):
                    if isinstance(item, IngestError):
                        errors += 1
                    else:
                        docs += 1
                return docs, errors

            return run

        def ingest_segment() -> tuple[int, int]:
            docs = errors = 0
            for item in read_inputs([corpus], options, packs=pipeline.packs):
                if isinstance(item, IngestError):
                    errors += 1
                    continue
                pipeline(item)
                docs += 1
            return docs, errors

        print(f"corpus: {args.data} ({size_mb:.1f} MB; {args.repeat} passes per mode, best reported)")
        print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPUs")
        rss0 = _peak_rss_mb()
        rate_i, docs, errors = _best_rate(ingest(corpus), args.repeat)
        print(f"ingest          {rate_i:9.0f} docs/s  ({docs} docs, {errors} errors)  peak RSS {_peak_rss_mb():.0f} MB")
        rate_s, docs, errors = _best_rate(ingest_segment, args.repeat)
        print(f"ingest+segment  {rate_s:9.0f} docs/s  ({docs} docs, {errors} errors)  peak RSS {_peak_rss_mb():.0f} MB")
        rate_l, docs, errors = _best_rate(ingest(no_lang), args.repeat)
        print(f"ingest+langid   {rate_l:9.0f} docs/s  ({docs} docs, {errors} errors)  peak RSS {_peak_rss_mb():.0f} MB")
        print(f"ratio ingest+segment / ingest: {rate_s / rate_i:.2f}  "
              f"(segmentation costs {1e3 / rate_s - 1e3 / rate_i:.2f} ms/doc, ingestion {1e3 / rate_i:.2f} ms/doc)")
        print(f"ratio ingest+langid / ingest:  {rate_l / rate_i:.2f}  "
              f"(language identification costs {1e3 / rate_l - 1e3 / rate_i:.2f} ms/doc)")
        print(f"peak RSS at start {rss0:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
