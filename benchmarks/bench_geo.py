"""Geocoding cost: start-up (import + gazetteer load) and the per-document cost of ``geo.places``.

Why these numbers: the gazetteer is the largest artefact peristiwa ships (~8 MB, ~275,000 places), so
loading it must not slow start-up noticeably, and geocoding runs on every document. Start-up is measured
in fresh interpreters (nothing cached), per-document cost in one process after warm-up, as the time of
``geo.places`` alone on documents that already went through the earlier stages.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_geo.py [--limit 200] [--runs 5]

Corpora: ``../shared/data/news-id/indosum_2017.jsonl`` (Indonesian) and ``../shared/data/geoparsing/
lgl.xml`` (English local news); ``$PERISTIWA_SHARED_DATA`` points elsewhere. Prints one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent

_STARTUP = {
    "import peristiwa": "import peristiwa",
    "import geo stage": "import peristiwa.geo.stage",
    "import + load gazetteer": "from peristiwa.geo import load_gazetteer; load_gazetteer()",
    "import + load + first lookup": "from peristiwa.geo import load_gazetteer; load_gazetteer().lookup('Homs')",
}


def _shared() -> Path:
    return Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data")


def startup(runs: int) -> dict[str, float]:
    """Median wall time (s) of each start-up step in a fresh interpreter."""
    out: dict[str, float] = {}
    for name, code in _STARTUP.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - t)
        out[name] = statistics.median(times)
    base = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t)
    out["bare interpreter"] = statistics.median(base)
    return out


def _indosum(limit: int) -> list[Document]:
    docs = []
    with (_shared() / "news-id" / "indosum_2017.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pub = rec.get("published")
            docs.append(Document(doc_id=rec["doc_id"], text=rec["text"], lang="id",
                                 published=dt.date.fromisoformat(pub) if pub else None))
            if len(docs) >= limit:
                break
    return docs


def _lgl(limit: int) -> list[Document]:
    from peristiwa.evaluate.geo import read_lgl

    arts = read_lgl(_shared() / "geoparsing" / "lgl.xml")[:limit]
    return [Document(doc_id=a.doc_id, text=a.text, lang="en") for a in arts]


def per_doc(docs: list[Document]) -> tuple[float, float, int]:
    """(ms per document of geo.places, ms per 1,000 characters, places found) after warm-up."""
    pipe = Pipeline(Config.load())
    before = [(info, fn) for info, fn in zip(pipe.stages, pipe._fns, strict=True)
              if info.name in ("segment.sentences", "segment.tokens", "extract.entities")]
    geo = next(fn for info, fn in zip(pipe.stages, pipe._fns, strict=True) if info.name == "geo.places")
    ready = []
    for doc in docs:
        for _info, fn in before:
            doc = fn(doc)
        ready.append(doc)
    for doc in ready[:5]:
        geo(doc)  # warm-up: gazetteer and pack tables
    t = time.perf_counter()
    places = sum(len(geo(doc).places) for doc in ready)
    spent = time.perf_counter() - t
    chars = sum(len(d.text) for d in ready)
    return 1000 * spent / len(ready), 1e6 * spent / chars, places


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="documents per corpus")
    ap.add_argument("--runs", type=int, default=5, help="fresh interpreters per start-up step")
    args = ap.parse_args(argv)
    size = (REPO / "src" / "peristiwa" / "geo" / "data" / "gazetteer.msgpack.gz").stat().st_size
    print(f"gazetteer file: {size / 1e6:.2f} MB")
    for name, secs in startup(args.runs).items():
        print(f"start-up  {name:<32} {secs * 1000:8.0f} ms")
    for label, loader in (("id IndoSum", _indosum), ("en LGL", _lgl)):
        try:
            docs = loader(args.limit)
        except OSError as exc:
            print(f"{label}: skipped ({exc})")
            continue
        ms, per_k, places = per_doc(docs)
        print(f"geo.places {label:<12} {len(docs)} docs: {ms:6.2f} ms/doc, {per_k:5.2f} ms per 1,000 chars, "
              f"{places} places")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
