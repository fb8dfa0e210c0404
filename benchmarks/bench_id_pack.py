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

from pipeline_timing import pipelines, report

from peristiwa.config import Config
from peristiwa.model import Document

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
    segment, full = pipelines(Config.load())
    header = f"documents: {len(docs)} from {args.data.name} (one core, best of {args.repeat})"
    report(header, docs, segment, full, args.repeat, "id")

if __name__ == "__main__":
    main()
