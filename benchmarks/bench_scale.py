"""End-to-end throughput: one process against a local Dask cluster, and how time grows with corpus size.

Why: the issue asks for ≥ 100 documents/second/core end to end on Indonesian news, ``--workers 2`` at
≥ 1.8× one process, ≤ 1.5 GB RSS per worker, and time growing linearly from 10k to 100k documents. Every
configuration runs in a fresh child process (so peak RSS and warm caches do not leak between them), one
after the other in the same job, and the ratio is taken between runs of that job. Timings include
reading, the whole default pipeline and writing the DuckDB store (for the Dask runs: starting the local
cluster, Parquet parts, and the ordered merge), i.e. what ``peristiwa run`` does.

    .venv/bin/python benchmarks/bench_scale.py --out /tmp/bench-scale             # IndoSum, 1 vs 2
    .venv/bin/python benchmarks/bench_scale.py --out /tmp/bench-scale --sizes 10000,30000,100000
    .venv/bin/python benchmarks/bench_scale.py --out /tmp/b --skip-indosum --sizes 10000 --single 10000

The synthetic corpus comes from ``merge_corpus.py`` (IndoSum paragraphs recombined, ~15 % near-copies);
``--merge`` also times ``peristiwa merge`` (duplicate groups and event clusters) on each store.
Other sessions may share the CPUs: compare ratios within one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from merge_corpus import INDOSUM, build_scale_corpus

HERE = Path(__file__).resolve().parent


def _child(args: argparse.Namespace) -> None:
    """One configuration, in this (fresh) process; prints one JSON line."""
    from peristiwa.config import Config
    from peristiwa.scale import peak_rss_mb

    cfg = Config.load()
    db = Path(args.db)
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    result: dict[str, Any] = {"mode": args.mode, "workers": args.workers, "input": args.input}
    if args.mode == "single":
        from peristiwa.runner import run_to_store

        s = run_to_store([args.input], cfg, db=db)
    else:
        from peristiwa.scale import run_distributed

        s = run_distributed([args.input], cfg, db=db, workers=args.workers)
        result["partitions"] = s.partitions
        result["failed_partitions"] = len(s.failed_partitions)
        result["worker_peak_rss_mb"] = {k: round(v, 1) for k, v in s.worker_peak_rss_mb.items()}
    seconds = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds: this process (the driver) and its finished children (the local Dask workers)
    result["cpu_driver_s"] = round(me.ru_utime + me.ru_stime, 1)
    result["cpu_workers_s"] = round(kids.ru_utime + kids.ru_stime, 1)
    result["load_avg_1m"] = os.getloadavg()[0]
    result |= {"documents": s.documents, "added": s.added, "events": s.events, "errors": len(s.errors),
               "seconds": round(seconds, 2), "docs_per_s": round(s.documents / seconds, 2),
               "driver_peak_rss_mb": round(peak_rss_mb(), 1)}
    if args.merge:
        from peristiwa.store import Store
        from peristiwa.store.merging import merge_store

        t = time.perf_counter()
        with Store(db) as store:
            dup, ev = merge_store(store)
        result["merge"] = {"seconds": round(time.perf_counter() - t, 2), "duplicate_groups": dup.groups,
                           "grouped_documents": dup.grouped_documents, "event_clusters": ev.merged_clusters,
                           "events": ev.events, "peak_rss_mb": round(peak_rss_mb(), 1)}
    print(json.dumps(result))


def _run(mode: str, workers: int, inp: Path, db: Path, merge: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "bench_scale.py"), "_child", "--mode", mode, "--workers", str(workers),
           "--input", str(inp), "--db", str(db)] + (["--merge"] if merge else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"child failed ({done.returncode}): {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    print(json.dumps(result), file=sys.stderr, flush=True)
    return result


def _cpu_bound(one: dict[str, Any], many: dict[str, Any], workers: int) -> float:
    """The speedup the CPU seconds allow on ``workers`` otherwise idle cores: single CPU time over the
    distributed run's CPU time (driver + workers) spread over the workers; what load from other
    sessions hides from the wall-clock ratio."""
    total = many["cpu_driver_s"] + many["cpu_workers_s"]
    return round(workers * one["cpu_driver_s"] / total, 3) if total else 0.0


def _prefix(src: Path, n: int, out: Path) -> Path:
    """The first ``n`` lines of ``src`` (corpora of growing size that contain each other)."""
    if not out.exists():
        with src.open(encoding="utf-8") as fi, out.open("w", encoding="utf-8") as fo:
            for i, line in enumerate(fi):
                if i >= n:
                    break
                fo.write(line)
    return out


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=HERE, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", default="bench", choices=("bench", "_child"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/peristiwa-bench-scale"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sizes", default="", help="synthetic corpus sizes, e.g. 10000,30000,100000")
    parser.add_argument("--single", type=int, default=0, metavar="N",
                        help="also run one process on the synthetic sizes up to N documents")
    parser.add_argument("--skip-indosum", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="IndoSum comparison rounds (alternating)")
    parser.add_argument("--merge", action="store_true", help="also time duplicate groups + event clusters")
    parser.add_argument("--mode", default="single")
    parser.add_argument("--input", default=str(INDOSUM))
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    if args.what == "_child":
        _child(args)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"commit": _commit(), "cpus": os.cpu_count(), "workers": args.workers}
    if not args.skip_indosum:
        # alternate the two configurations so that load from other sessions hits both alike
        pairs = []
        for _ in range(max(1, args.repeat)):
            one = _run("single", 1, INDOSUM, args.out / "indosum-1.duckdb", args.merge)
            many = _run("dask", args.workers, INDOSUM, args.out / "indosum-dask.duckdb", args.merge)
            pairs.append({"single": one, "dask": many, "speedup": round(one["seconds"] / many["seconds"], 3),
                          "cpu_bound_speedup": _cpu_bound(one, many, args.workers)})
        ratios = sorted(p["speedup"] for p in pairs)
        report["indosum"] = {"runs": pairs, "median_speedup": ratios[len(ratios) // 2],
                             "docs_per_s_per_core_single": max(p["single"]["docs_per_s"] for p in pairs)}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        big = args.out / f"synthetic-{max(sizes)}.jsonl"
        if not big.exists():
            build_scale_corpus(big, max(sizes))
        rows = []
        for n in sorted(sizes):
            inp = big if n == max(sizes) else _prefix(big, n, args.out / f"synthetic-{n}.jsonl")
            row: dict[str, Any] = {"documents": n}
            row["dask"] = _run("dask", args.workers, inp, args.out / f"synthetic-{n}-{args.workers}.duckdb",
                               args.merge)
            if n <= args.single:
                row["single"] = _run("single", 1, inp, args.out / f"synthetic-{n}-1.duckdb", args.merge)
                row["speedup"] = round(row["single"]["seconds"] / row["dask"]["seconds"], 3)
                row["cpu_bound_speedup"] = _cpu_bound(row["single"], row["dask"], args.workers)
            row["ms_per_doc"] = round(1000 * row["dask"]["seconds"] / n, 2)
            rows.append(row)
        report["synthetic"] = rows
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            report["growth"] = {"time_ratio": round(last["dask"]["seconds"] / first["dask"]["seconds"], 3),
                                "size_ratio": round(last["documents"] / first["documents"], 3)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
