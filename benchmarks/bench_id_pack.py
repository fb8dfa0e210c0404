"""Indonesian pack throughput: documents/second of the full default pipeline vs segmentation only.

Why a ratio in one process: absolute speed depends on the machine; the issue's requirement (the id pack
processes at least 50 documents/second on one core) and the cost of the language pack relative to the
bare segmenter are both read from one run on one machine. The extract.events share of the full run is
printed too, so a regression in the event stage is visible on its own.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_id_pack.py [--data PATH] [--limit 500] [--repeat 2]

The corpus defaults to ``../shared/data/news-id/indosum_2017.jsonl`` (IndoSum, 3,439 articles). Documents
are built once (text, lang, published) and then run through:

1. ``segment``  a pipeline of segment.sentences + segment.tokens only
2. ``full``     the default pipeline (entities, places, dates, counts, quotes, events)

Models and tables are warmed on the first documents before timing (one core, no parallelism).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path

from pipeline_timing import rate as _rate
from pipeline_timing import stage_shares as _stage_shares

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def _default_data() -> Path:
    root = Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data")
    return root / "news-id" / "indosum_2017.jsonl"


def _load(path: Path, limit: int) -> list[Document]:
    docs: list[Document] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pub = rec.get("published")
            docs.append(Document(doc_id=rec["doc_id"], text=rec["text"], lang=rec.get("lang") or "id",
                                 published=dt.date.fromisoformat(pub) if pub else None))
            if len(docs) >= limit:
                break
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_default_data())
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    docs = _load(args.data, args.limit)
    config = Config.load()
    data = config.to_dict()
    data["pipeline"] = {**data.get("pipeline", {}), "stages": ["segment.sentences", "segment.tokens"]}
    segment = Pipeline(Config.from_dict(data))
    full = Pipeline(config)
    for doc in docs[:20]:  # warm-up: load tables, gazetteer, matchers
        full(doc)
        segment(doc)
    seg_rate = _rate(segment, docs, args.repeat)
    full_rate = _rate(full, docs, args.repeat)
    print(f"documents: {len(docs)} from {args.data.name} (one core, best of {args.repeat})")
    print(f"segment only : {seg_rate:8.1f} docs/s")
    print(f"full pipeline: {full_rate:8.1f} docs/s  (ratio full/segment = {full_rate / seg_rate:.3f})")
    print(f"requirement  : >= 50 docs/s for the full id pack -> {'OK' if full_rate >= 50 else 'TOO SLOW'}")
    shares = _stage_shares(full, docs)
    total = sum(shares.values()) or 1.0
    for name, secs in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"  {name:20s} {1000 * secs / len(docs):7.2f} ms/doc  {100 * secs / total:5.1f} %")


if __name__ == "__main__":
    main()
