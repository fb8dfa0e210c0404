"""Two versions of peristiwa timed in alternation: CPU per document of each pipeline stage, side by side.

Why in alternation: on a shared machine the load changes between runs more than a code change moves the
time (the unchanged segmentation-only rate varied 1.5x between two sequential runs, and two versions run
at the same time can land on unequally loaded cores). Here one child process per source tree loads its
pipeline once, then the two take turns on small slices of the same documents (base, new, base, new, ...),
each measuring its own CPU time (``time.process_time``) stage by stage, so both see the same load over
the run. The segmentation stages, unchanged by most work, show how fair a run was.

    git worktree add /tmp/peristiwa-base <commit>
    .venv/bin/python benchmarks/bench_compare.py --base /tmp/peristiwa-base/src [--en 249 --id 1000 --slice 10]

English documents are the Guardian articles of ``news-en``, Indonesian ones the IndoSum articles
(``../shared/data``; ``PERISTIWA_SHARED_DATA`` overrides).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent


def _serve(n_en: int, n_id: int) -> None:
    """Child: load the corpora and the pipeline, then answer ``LANG START COUNT`` lines with the CPU
    seconds per stage of that slice (one JSON line each); ``ready`` once warmed up."""
    import datetime as dt

    from bench_en_pack import _guardian, _shared

    from peristiwa.config import Config
    from peristiwa.model import Document
    from peristiwa.pipeline import Pipeline

    docs: dict[str, list[Document]] = {"en": _guardian(n_en), "id": []}
    with (_shared() / "news-id" / "indosum_2017.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if len(docs["id"]) >= n_id:
                break
            d = json.loads(line)
            docs["id"].append(Document(doc_id=d["doc_id"], text=d["text"], lang="id",
                                       published=dt.date.fromisoformat(d["published"]) if d.get("published") else None))
    pipe = Pipeline(Config.load())
    for doc in docs["en"][:20] + docs["id"][:20]:  # warm-up: tables, gazetteer, matchers
        pipe(doc)
    print("ready", flush=True)
    for request in sys.stdin:
        lang, start, count = request.split()
        spent: dict[str, float] = {}
        for doc in docs[lang][int(start) : int(start) + int(count)]:
            for info, fn in zip(pipe.stages, pipe._fns, strict=True):
                t = time.process_time()
                doc = fn(doc)
                spent[info.name] = spent.get(info.name, 0.0) + time.process_time() - t
        print(json.dumps(spent), flush=True)


def _ask(proc: subprocess.Popen[str], request: str) -> dict[str, float]:
    stdin, stdout = proc.stdin, proc.stdout
    assert stdin is not None and stdout is not None
    stdin.write(request + "\n")
    stdin.flush()
    answer: dict[str, float] = json.loads(stdout.readline())
    return answer


def _start(src: Path, args: argparse.Namespace) -> subprocess.Popen[str]:
    cmd = [sys.executable, str(HERE / "bench_compare.py"), "_serve", "--en", str(args.en), "--id", str(args.id)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{HERE}"})
    out: IO[str] | None = proc.stdout
    assert out is not None and out.readline().strip() == "ready"
    return proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", default="compare", choices=("compare", "_serve"))
    parser.add_argument("--base", type=Path, help="src/ directory of the baseline version")
    parser.add_argument("--new", type=Path, default=HERE.parent / "src", help="src/ of the measured version")
    parser.add_argument("--en", type=int, default=249)
    parser.add_argument("--id", type=int, default=1000)
    parser.add_argument("--slice", type=int, default=10, help="documents per turn")
    args = parser.parse_args()
    if args.what == "_serve":
        _serve(args.en, args.id)
        return
    if args.base is None:
        parser.error("--base is required")
    procs = {"base": _start(args.base, args), "new": _start(args.new, args)}
    loads = [os.getloadavg()[0]]
    for lang, n in (("en", args.en), ("id", args.id)):
        if not n:
            continue  # "--en 0": that language is not timed
        totals: dict[str, dict[str, float]] = {"base": {}, "new": {}}
        for start in range(0, n, args.slice):
            order = ("base", "new") if (start // args.slice) % 2 == 0 else ("new", "base")
            for name in order:
                for stage, secs in _ask(procs[name], f"{lang} {start} {args.slice}").items():
                    totals[name][stage] = totals[name].get(stage, 0.0) + secs
        loads.append(os.getloadavg()[0])
        print(f"{lang}: {n} documents, CPU ms/doc (base -> new)")
        rows: list[tuple[str, Any, Any]] = [
            (stage, 1000 * totals["base"][stage] / n, 1000 * totals["new"][stage] / n) for stage in totals["base"]]
        for stage, b, w in rows:
            print(f"  {stage:20s} {b:8.2f} {w:8.2f}")
        b_all, w_all = sum(r[1] for r in rows), sum(r[2] for r in rows)
        print(f"  {'docs per CPU-second':20s} {1000 / b_all:8.1f} {1000 / w_all:8.1f}  ({b_all / w_all:.3f}x)")
    print(f"load average (1 min) during the run: {min(loads):.2f}-{max(loads):.2f}")
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()


if __name__ == "__main__":
    main()
