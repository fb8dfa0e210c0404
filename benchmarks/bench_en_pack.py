"""English pack throughput: documents/second of the full default pipeline vs segmentation only.

Why a ratio in one process: absolute speed depends on the machine; the issue's requirement (the English
pack processes at least 50 documents/second on one core) and the cost of the pack relative to the bare
segmenter are both read from one run on one machine. The extract.events share of the full run is printed
too, so a regression in the event stage is visible on its own.

Two corpora, both under ``../shared/data`` (``PERISTIWA_SHARED_DATA`` overrides):

- ``acled``: ACLED notes (short event reports; the ``[size=...]`` tag removed, published = event date + 1
  day, as the ACLED evaluation does). Read only, never stored.
- ``guardian``: the 249 Guardian articles of ``news-en`` (long news articles, ~5,700 characters each), read
  through the CSV reader (one document per row), as ``peristiwa run`` reads them.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_en_pack.py [--corpus acled|guardian|both] [--limit 500] [--repeat 2]

Models and tables are warmed on the first documents before timing (one core, no parallelism).
On a shared machine compare versions with ``bench_compare.py`` (turns, CPU time); measured numbers and
the speed work so far: ``docs/scale.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
from pathlib import Path

from pipeline_timing import pipelines, report

from peristiwa.config import Config
from peristiwa.evaluate.acled import read_acled_csv
from peristiwa.ingest import read_inputs
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    return Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data")


def _acled(limit: int) -> list[Document]:
    path = _shared() / "acled" / "acled_philippines_2016-01_2020-11.csv"
    return [
        Document(doc_id=r.row_id, text=r.text, lang="en",
                 published=r.event_date + dt.timedelta(days=1) if r.event_date else None)
        for r in read_acled_csv(path, limit=limit)
    ]


def _guardian(limit: int) -> list[Document]:
    """The Guardian CSV read as a user's ``peristiwa run`` reads it: one document per row, cleaned."""
    path = _shared() / "news-en" / "guardian_sdf_syria_2019_sample.csv"
    docs = (item for item in read_inputs([path], lang="en") if isinstance(item, Document))
    return list(itertools.islice(docs, limit))


def _bench(name: str, docs: list[Document], full: Pipeline, segment: Pipeline, repeat: int) -> None:
    chars = sum(len(d.text) for d in docs) / max(1, len(docs))
    header = f"{name}: {len(docs)} documents, {chars:.0f} characters each on average (one core, best of {repeat})"
    report(header, docs, segment, full, repeat, "en", indent="  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("acled", "guardian", "both"), default="both")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    segment, full = pipelines(Config.load())
    if args.corpus in ("acled", "both"):
        _bench("ACLED notes (Philippines)", _acled(args.limit), full, segment, args.repeat)
    if args.corpus in ("guardian", "both"):
        _bench("Guardian articles", _guardian(args.limit), full, segment, args.repeat)


if __name__ == "__main__":
    main()
