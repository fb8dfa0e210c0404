"""NER start-up and per-document cost, with tokenisation as the same-run baseline.

Why these numbers: the Indonesian pipeline must do >= 50 documents/s on one core, which leaves the NER
stage about 5 ms for a 2,500-character article; start-up matters for the CLI and for worker processes.
Absolute times depend on the machine, so the run also times sentence splitting + tokenisation on the same
documents and prints NER's cost as a ratio of it.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_ner.py [--data PATH] [--limit 500] [--lang id] [--repeat 3]

Prints: start-up in a fresh interpreter (import peristiwa.actors.ner, then ``load_ner``), model file
sizes, peak RSS, documents/s and ms/document for segmentation alone and for NER (given the segmentation),
ms per 2,500 characters (best wall time of the repeats, CPU time, and the first, cold-cache pass), the load
average (the machine is shared: a high one inflates wall times) and the number of entities per label.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_STARTUP = """
import time
t0 = time.perf_counter()
from peristiwa.actors.ner import load_ner
t1 = time.perf_counter()
m = load_ner({lang!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, m is not None)
"""


def _default_data() -> Path:
    root = Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data")
    return root / "news-id" / "indosum_2017.jsonl"


def _startup(lang: str) -> tuple[float, float, bool]:
    out = subprocess.run([sys.executable, "-c", _STARTUP.format(lang=lang)], capture_output=True, text=True,
                         check=True, cwd=REPO)
    imp, load, ok = out.stdout.split()
    return float(imp), float(load), ok == "True"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=_default_data(), help="JSONL documents with a text field")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--lang", default="id")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    runs = [_startup(args.lang) for _ in range(3)]
    imp = min(r[0] for r in runs)
    load = min(r[1] for r in runs)
    if not runs[0][2]:
        print(f"no NER model for {args.lang!r}")
        return 1
    print(f"start-up (fresh interpreter, best of 3): import {imp * 1000:.0f} ms, load_ner({args.lang!r}) "
          f"{load * 1000:.0f} ms")

    from peristiwa.actors import ner
    from peristiwa.text.segment import split_sentences, tokenize

    models = Path(ner.__file__).parent / "models"
    for p in sorted(models.glob(f"ner_{args.lang}.*")):
        print(f"artefact {p.name}: {p.stat().st_size / 1e6:.2f} MB")

    texts: list[str] = []
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    chars = sum(len(t) for t in texts)

    def segment() -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        out = []
        for t in texts:
            sents = [(s.start, s.end) for s in split_sentences(t)]
            toks = [(k.start, k.end) for a, b in sents for k in tokenize(t, a, b)]
            out.append((sents, toks))
        return out

    best_seg = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        segs = segment()
        best_seg = min(best_seg, time.perf_counter() - t0)

    model = ner.load_ner(args.lang)
    assert model is not None
    labels: Counter[str] = Counter()
    best_ner = best_cpu = float("inf")
    cold = 0.0
    for i in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        found = [model.predict(t, s, k) for t, (s, k) in zip(texts, segs, strict=True)]
        best_ner = min(best_ner, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        if i == 0:
            cold = time.perf_counter() - t0
            labels = Counter(e[2] for doc in found for e in doc)

    n = len(texts)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} documents, {chars / n:.0f} chars/doc on average")
    print(f"segmentation (baseline): {best_seg / n * 1000:.2f} ms/doc, {n / best_seg:.0f} docs/s")
    print(f"NER (given segmentation): {best_ner / n * 1000:.2f} ms/doc, {n / best_ner:.0f} docs/s, "
          f"{best_ner / chars * 2500 * 1000:.2f} ms per 2,500 chars")
    print(f"NER CPU time: {best_cpu / chars * 2500 * 1000:.2f} ms per 2,500 chars; first pass (cold per-word "
          f"cache): {cold / chars * 2500 * 1000:.2f} ms per 2,500 chars; load average {os.getloadavg()[0]:.1f}")
    print(f"ratio NER / segmentation: {best_ner / best_seg:.2f}")
    print(f"entities: {dict(sorted(labels.items()))}; peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
