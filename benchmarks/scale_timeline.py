"""Where the wall time of a ``--workers N`` run goes: a timeline of the driver and every worker.

Why: on a corpus of a few thousand documents the fixed costs of a distributed run (starting the local
cluster, importing and loading the pipeline on every worker, the tail where one worker idles, the last
merge and closing) weigh as much as the parallel work; the CPU totals of ``bench_scale.py`` do not say
which of them to cut. This script runs :func:`peristiwa.scale.run_distributed` once with a task that
wraps :func:`~peristiwa.scale.worker.process_partition` and records, per partition, the worker process,
its start and end, and whether the pipeline still had to be loaded; the driver's merges and its own CPU
are timed around ``Store.write_parquet``. All times are seconds since the driver process started.

    PYTHONPATH=src .venv/bin/python benchmarks/scale_timeline.py ../shared/data/news-id/indosum_2017.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

_CLK = os.sysconf("SC_CLK_TCK")


def _boot_time() -> float:
    with open("/proc/stat") as fh:
        for line in fh:
            if line.startswith("btime"):
                return float(line.split()[1])
    return 0.0


def process_started() -> float:
    """Epoch seconds at which this process started (``/proc/self/stat``, Linux)."""
    with open("/proc/self/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return _boot_time() + int(fields[19]) / _CLK


def _thread_cpu() -> list[tuple[str, float]]:
    """CPU seconds of each live thread of this process (main thread, Dask's event loop, DuckDB's pool)."""
    out = []
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out.append((f"{name}[{task.name}]", (int(fields[11]) + int(fields[12])) / _CLK))
    return sorted(out, key=lambda nc: -nc[1])


def timed_task(*args: Any, **kwargs: Any) -> Any:
    """``process_partition`` with the worker's clock readings attached (``result.timing``)."""
    began, cpu0 = time.time(), time.thread_time()  # before importing the worker module: its first import counts
    from peristiwa.scale.worker import cached_pipeline, process_partition

    cached_pipeline(args[1])  # the config: waits for the preload thread, or builds the pipeline itself
    ready = time.time()
    result = process_partition(*args, **kwargs)
    timing = {"pid": os.getpid(), "proc_start": process_started(), "start": began, "end": time.time(),
              "load": ready - began, "docs": result.documents, "cpu": time.thread_time() - cpu0}
    result.description = json.dumps(timing)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=Path("/tmp/peristiwa-timeline.duckdb"))
    parser.add_argument("--json", action="store_true", help="print the raw timeline as JSON")
    args = parser.parse_args()
    t0 = process_started()

    from peristiwa.config import Config
    from peristiwa.scale import runner
    from peristiwa.store import Store

    merges: list[tuple[float, float, float, int]] = []
    write_parquet = Store.write_parquet

    def timed_write(self: Store, parts: Any, *a: Any, **k: Any) -> Any:
        s, c = time.time(), time.thread_time()
        out = write_parquet(self, parts, *a, **k)
        merges.append((s - t0, time.time() - t0, time.thread_time() - c, len(parts)))
        return out

    Store.write_parquet = timed_write
    marks: dict[str, float] = {}
    before_close: list[tuple[str, float]] = []
    original_client = runner.dask_client

    from contextlib import contextmanager

    @contextmanager
    def timed_client(*a: Any, **k: Any) -> Any:
        marks["cluster_start"] = time.time() - t0
        with original_client(*a, **k) as client:
            marks["cluster_up"] = time.time() - t0
            yield client
            marks["cluster_closing"] = time.time() - t0
            before_close.extend(_thread_cpu())
        marks["cluster_closed"] = time.time() - t0

    runner.dask_client = timed_client
    results: list[Any] = []

    def keep(_n: int) -> None:
        pass

    args.db.unlink(missing_ok=True)
    cfg = Config.load()
    marks["driver_ready"] = time.time() - t0
    summary = runner.run_distributed([args.input], cfg, db=args.db, workers=args.workers, on_document=keep,
                                     task=_collect(results))
    marks["returned"] = time.time() - t0
    threads = _thread_cpu()
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    tasks = [json.loads(r) for r in results]
    report(t0, marks, tasks, merges, summary, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime,
           args.json)
    print("driver threads before closing the cluster (CPU s): "
          + ", ".join(f"{n} {c:.2f}" for n, c in before_close if c >= 0.05))
    print("driver threads at the end (CPU s): " + ", ".join(f"{n} {c:.2f}" for n, c in threads if c >= 0.05))


def _collect(results: list[Any]) -> Any:
    """The task, plus a hook that keeps each result's timing (Dask returns results to the driver)."""
    from peristiwa.scale import runner

    drive = runner._drive

    def drive_and_keep(client: Any, plan: Any, store: Any, summary: Any, *a: Any, **k: Any) -> None:
        from distributed import Future

        orig_result = Future.result

        def result(self: Future, *ra: Any, **rk: Any) -> Any:
            res = orig_result(self, *ra, **rk)
            if hasattr(res, "description") and res.description.startswith("{"):
                results.append(res.description)
            return res

        Future.result = result  # type: ignore[method-assign]
        try:
            drive(client, plan, store, summary, *a, **k)
        finally:
            Future.result = orig_result  # type: ignore[method-assign]

    runner._drive = drive_and_keep
    return timed_task


def report(t0: float, marks: dict[str, float], tasks: list[dict[str, Any]], merges: list[Any], summary: Any,
           driver_cpu: float, workers_cpu: float, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"marks": marks, "tasks": tasks, "merges": merges, "driver_cpu": driver_cpu}))
    print(f"load {os.getloadavg()[0]:.2f}; {summary.documents} documents, {summary.partitions} partitions, "
          f"{summary.seconds:.2f} s in run_distributed, {marks['returned']:.2f} s since process start")
    print("driver: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(marks.items(), key=lambda kv: kv[1])))
    by_pid: dict[int, list[dict[str, Any]]] = {}
    for t in tasks:
        by_pid.setdefault(t["pid"], []).append(t)
    last_end = max(t["end"] for t in tasks) - t0
    for pid, ts in sorted(by_pid.items()):
        ts.sort(key=lambda t: t["start"])
        first, end = ts[0]["start"] - t0, ts[-1]["end"] - t0
        busy = sum(t["end"] - t["start"] for t in ts)
        load = round(ts[0]["load"], 2)
        print(f"worker {pid}: process start {ts[0]['proc_start'] - t0:.2f}, first task {first:.2f}, "
              f"last end {end:.2f} (idle tail {last_end - end:.2f}), {len(ts)} tasks, "
              f"{sum(t['docs'] for t in ts)} docs, busy {busy:.2f} s = {busy / max(1e-9, end - first):.0%}, "
              f"task CPU {sum(t['cpu'] for t in ts):.2f} s, first task waited {load} s for the pipeline, "
              f"took {ts[0]['end'] - ts[0]['start']:.2f} s")
        gaps = [round(b["start"] - a["end"], 2) for a, b in itertools.pairwise(ts)]
        print(f"   gaps between tasks {gaps}; sizes {[t['docs'] for t in ts]}")
    mcpu = sum(m[2] for m in merges)
    print(f"merges: {len(merges)}, {sum(m[1] - m[0] for m in merges):.2f} s wall, {mcpu:.2f} s CPU; "
          f"last merge {merges[-1][0]:.2f}-{merges[-1][1]:.2f}" if merges else "merges: none")
    print(f"CPU: driver {driver_cpu:.2f} s, workers (nannies + workers) {workers_cpu:.2f} s; "
          f"last task end {last_end:.2f} -> returned {marks['returned'] - last_end:.2f} s later")


if __name__ == "__main__":
    main()
