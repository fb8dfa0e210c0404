"""Scale-out on Dask: partitions processed by workers in parallel, merged in order into one DuckDB store.

Why this shape: DuckDB has one writer per file and the pipeline is CPU-bound Python, so parallelism means
worker *processes* that write Parquet parts (:func:`peristiwa.store.write_partition`) while the driver,
the only process holding the store, merges finished partitions with the store's own identity rules. The
driver merges partitions in input order (a finished partition waits for the ones before it), so the
store ends up exactly as a single-process :func:`peristiwa.runner.run_to_store` would leave it: the same
documents, the same duplicates skipped, the same events.

Guarantees:

* bounded memory: the driver keeps at most ``window`` partitions in flight and never lists documents;
  workers stream their slice and write every ``batch_size`` documents (see :mod:`.worker`);
* no silent loss: a partition that raises is retried ``retries`` times by Dask; one that still fails is
  recorded in the run's errors (``reason`` ``partition-failed``, ``where`` its description, files and
  byte range) and makes the run count as failed (exit code 1);
* per-document errors from workers land in the ``errors`` table like those of a single-process run.

A script that starts a local cluster needs an ``if __name__ == "__main__":`` guard (outside Linux worker
processes are spawned and re-import the main module; on Linux they are forked, see
:data:`LOCAL_CLUSTER_CONFIG`); the ``peristiwa`` command has one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ..config import Config
from ..errors import ConfigError, DocumentError, IngestError
from ..pipeline import registry, validate
from ..runner import RunSummary
from ..store import Store, WriteStats, part_files
from . import preload
from .partitions import (
    DEFAULT_MAX_FILES,
    DEFAULT_PARTITION_BYTES,
    MIN_PARTITION_BYTES,
    Partition,
    plan_partitions,
)
from .worker import PartitionResult, process_partition

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_STORE_MEMORY_LIMIT",
    "ScaleSummary",
    "dask_client",
    "run_distributed",
]

#: Memory limit of each local worker; the nanny restarts a worker above 95 % of it (its partition is retried).
DEFAULT_MEMORY_LIMIT = "2GiB"
#: Cap on DuckDB's buffer pool in the driver while it merges partitions.
DEFAULT_STORE_MEMORY_LIMIT = "1GB"

#: Dask settings for the local cluster. Why: the defaults serve an interactive dashboard, and on a
#: CPU-bound batch job they cost real CPU on the cores the workers need. Measured on 3,000 documents
#: on 2 cores: the statistical profiler (a thread sampling every task's stack every 10 ms) added 10-14 %
#: to each worker's task time; the 20 ms event-loop tick, the 500 ms system monitor and the nanny's 100 ms
#: memory poll cost an idle cluster 0.9 s of driver CPU and 0.6 s per worker every 20 s (0.15 s and
#: 0.07 s with these values). Memory is still watched every second, so the 2 GiB limit still holds.
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Why fork (on Linux): a spawned worker process starts a fresh interpreter and imports Dask, then
    # peristiwa and its stages, before it can load the pipeline: measured 1.4 s of CPU per worker and
    # 1.5-2.0 s from cluster start to both pipelines loaded; a forked one inherits the driver's imports
    # (0.1 s of CPU, 0.4 s to both pipelines loaded), and exits without a second interpreter shutdown
    # (cluster close 0.03 s instead of 0.3 s). Safe here because the driver forks its workers before it
    # opens the store or starts any thread of its own, and the workers never use DuckDB; other systems
    # keep Dask's default (spawn).
    "distributed.worker.multiprocessing-method": "fork" if sys.platform == "linux" else "spawn",
}

#: About this many documents per transaction when the driver merges parts (several parts of 256 when
#: they are ready together): fewer, larger transactions cost a third less CPU to store than one per part.
MERGE_DOCUMENTS = 1024

Progress = Callable[[int], None]
Task = Callable[..., PartitionResult]


@dataclass
class ScaleSummary(RunSummary):
    """A :class:`~peristiwa.runner.RunSummary` plus what the distributed run adds."""

    partitions: int = 0
    failed_partitions: list[str] = field(default_factory=list)
    workers: int = 0
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


@contextmanager
def dask_client(
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    memory_limit: str | int | None = DEFAULT_MEMORY_LIMIT,
    preload_config: str | None = None,
) -> Iterator[Client]:
    """A Dask client: connected to ``scheduler`` (``tcp://host:port``) or to a fresh local cluster of
    ``workers`` single-threaded worker processes (closed on exit), set up with
    :data:`LOCAL_CLUSTER_CONFIG` (the nannies pass it on to the worker processes). With
    ``preload_config`` (a config as JSON, exactly as tasks will receive it) each local worker starts
    loading that pipeline as soon as its process starts (:mod:`.preload`)."""
    import dask
    from distributed import Client

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    with dask.config.set(LOCAL_CLUSTER_CONFIG), _local_cluster(workers, memory_limit, preload_config) as cluster:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()


@contextmanager
def _local_cluster(
    workers: int | None, memory_limit: str | int | None, preload_config: str | None
) -> Iterator[LocalCluster]:
    from distributed import LocalCluster

    warm = preload_config is not None
    cluster = LocalCluster(
        preload=[preload.__name__] if warm else None,
        env={preload.CONFIG_ENV: preload_config} if warm else None,
        n_workers=max(1, int(workers or 1)),
        threads_per_worker=1,
        processes=True,
        memory_limit=memory_limit,
        dashboard_address=":0",
        scheduler_port=0,
        silence_logs=logging.ERROR,
    )
    try:
        yield cluster
    finally:
        cluster.close()


def _partition_error(part: Partition, attempts: int, exc: BaseException | None) -> DocumentError:
    what = f"{type(exc).__name__}: {exc}" if exc is not None else "the task was lost"
    return DocumentError(
        part.describe(), "partition-failed",
        f"partition {part.name} failed after {attempts} attempt(s) and was not stored: {what}",
    )


def _as_error(row: Sequence[str]) -> DocumentError:
    where, reason, message = row
    return DocumentError(where, reason, message)


def run_distributed(
    inputs: Sequence[str | Path],
    config: Config | None = None,
    *,
    db: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    lang: str | None = None,
    published: dt.date | None = None,
    partition_bytes: int | None = None,
    max_files: int = DEFAULT_MAX_FILES,
    retries: int = 2,
    window: int | None = None,
    parts_dir: str | Path | None = None,
    keep_parts: bool = False,
    memory_limit: str | int | None = DEFAULT_MEMORY_LIMIT,
    store_memory_limit: str | None = DEFAULT_STORE_MEMORY_LIMIT,
    on_document: Progress | None = None,
    task: Task | None = None,
) -> ScaleSummary:
    """Ingest → extract on Dask workers → Parquet parts → merged into the store; returns the summary.

    Give ``client`` (an open Dask client), or ``scheduler`` (address of a running cluster), or
    ``workers`` (size of a local cluster started and stopped here). ``parts_dir`` must be visible to the
    workers and the driver (default: ``<db>.parts/<run id>`` beside the store); merged parts are deleted
    unless ``keep_parts``. ``store_memory_limit`` caps DuckDB's buffer pool in the driver (None: DuckDB's
    default, 80 % of RAM). ``partition_bytes`` defaults to about an eighth of the input per worker thread
    when the inputs are named files (so a small corpus still spreads over every worker), at most
    :data:`~peristiwa.scale.partitions.DEFAULT_PARTITION_BYTES`. ``on_document`` is called with the
    number of documents (and failures) of each finished partition. ``task`` replaces
    :func:`~peristiwa.scale.worker.process_partition` (tests, instrumentation) with the same arguments.
    """
    cfg = config or Config.load()
    # a broken stage list must fail here, once, not in every partition on every worker
    validate([registry.get(ref) for ref in cfg.pipeline.stages])
    store_path = Path(db or cfg.store.path)
    summary = ScaleSummary()
    config_json = msgspec.json.encode(cfg.to_dict()).decode("utf-8")
    started = time.perf_counter()
    closing = _Closer()
    try:
        with contextlib.ExitStack() as stack:
            # the cluster first: local workers are forked before the store starts DuckDB's threads
            cl = stack.enter_context(_maybe_client(client, workers, scheduler, memory_limit, config_json))
            with Store(store_path, batch_size=cfg.store.batch_size) as store:
                if store_memory_limit:
                    _limit_store_memory(store, store_memory_limit)
                summary.run_id = store.start_run(cfg.to_dict(), [str(i) for i in inputs])
                out = _parts_directory(store_path, parts_dir, summary.run_id)
                try:
                    summary.workers = len(cl.scheduler_info().get("workers", {}))
                    threads = max(1, sum(cl.nthreads().values()))
                    total = _input_bytes(inputs)
                    plan = plan_partitions(
                        inputs, target_bytes=partition_bytes or _auto_partition_bytes(total, threads),
                        max_files=max_files, absolute=bool(scheduler), total_bytes=total, taper=threads,
                    )
                    _drive(
                        cl, plan, store, summary, cfg, config_json, out,
                        lang=lang, published=published, retries=retries,
                        window=window or 2 * threads,
                        keep_parts=keep_parts, on_document=on_document, task=task or process_partition,
                    )
                    closing.start(stack.pop_all())
                finally:
                    if not keep_parts:
                        shutil.rmtree(out, ignore_errors=True)
                        with contextlib.suppress(OSError):
                            out.parent.rmdir()  # only when no other run's parts are there
                store.finish_run(
                    summary.run_id, documents=summary.documents, added=summary.added,
                    skipped=summary.duplicates, events=summary.events, quotes=summary.quotes,
                    errors=len(summary.errors),
                )
    finally:
        closing.join()
    summary.seconds = time.perf_counter() - started
    return summary


class _Closer:
    """Closes a local cluster in a background thread once every partition is merged.

    Why: stopping the worker processes takes 0.3-1.8 s (each frees its heap) and closing the store
    checkpoints what the run wrote (0.3-0.9 s); both happen after the last partition, with the cores
    otherwise idle, so they run side by side instead of one after the other. An error while closing is
    raised from :meth:`join`, as it would have been without the thread.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, stack: contextlib.ExitStack) -> None:
        def close() -> None:
            try:
                stack.close()
            except BaseException as exc:  # re-raised by join() in the calling thread
                self._error = exc

        self._thread = threading.Thread(target=close, name="peristiwa-close-cluster", daemon=True)
        self._thread.start()

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error


@contextmanager
def _maybe_client(
    client: Client | None,
    workers: int | None,
    scheduler: str | None,
    memory_limit: str | int | None,
    config_json: str,
) -> Iterator[Client]:
    if client is not None:
        yield client
        return
    with dask_client(workers, scheduler, memory_limit=memory_limit, preload_config=config_json) as fresh:
        yield fresh


def _limit_store_memory(store: Store, limit: str) -> None:
    """Cap DuckDB's buffer pool in the driver (by default it may grow to 80 % of RAM, caching the
    growing store; measured 1.9 GB of driver RSS after 100k documents without a cap)."""
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit.strip(), flags=re.IGNORECASE):
        raise ConfigError(f"store memory limit {limit!r}: expected a size such as 512MB or 1GB")
    store.connection.execute(f"SET memory_limit = '{limit.strip()}'")


def _input_bytes(inputs: Sequence[str | Path]) -> int | None:
    """Total size of the inputs when they are all named files; None for a directory, a glob or
    standard input (not sized up front)."""
    total = 0
    for item in inputs:
        path = Path(item)
        try:
            if str(item) == "-" or not path.is_file():
                return None
            total += path.stat().st_size
        except OSError:
            return None
    return total


def _auto_partition_bytes(total: int | None, threads: int) -> int:
    """About eight partitions per worker thread for a corpus of named files (a short tail when the last
    ones finish), within [64 KiB, 1 MiB]; the default size when the total is unknown."""
    if total is None:
        return DEFAULT_PARTITION_BYTES
    return max(MIN_PARTITION_BYTES, min(DEFAULT_PARTITION_BYTES, total // (8 * threads) + 1))


def _parts_directory(store_path: Path, parts_dir: str | Path | None, run_id: str) -> Path:
    if parts_dir is not None:
        base = Path(parts_dir)
    elif str(store_path) == ":memory:":
        base = Path(tempfile.gettempdir()) / "peristiwa-parts"
    else:
        base = store_path.with_name(store_path.name + ".parts")
    out = base / run_id
    out.mkdir(parents=True, exist_ok=True)
    return out


def _drive(
    client: Client,
    plan: Iterator[Partition | IngestError],
    store: Store,
    summary: ScaleSummary,
    cfg: Config,
    config_json: str,
    out: Path,
    *,
    lang: str | None,
    published: dt.date | None,
    retries: int,
    window: int,
    keep_parts: bool,
    on_document: Progress | None,
    task: Task,
) -> None:
    """Submit partitions with at most ``window`` in flight; merge finished ones in index order."""
    from distributed import as_completed

    token = uuid.uuid4().hex[:8]
    pending: dict[object, Partition] = {}
    finished: dict[int, PartitionResult | None] = {}
    next_merge = 0
    waiting: list[tuple[str, float]] = []  # parts of finished partitions not merged yet, in order
    exhausted = False  # every partition was submitted: the driver merges what is ready at once
    recorded = 0
    queue = as_completed()

    def submit_one() -> bool:
        for item in plan:
            if isinstance(item, IngestError):
                summary.errors.append(item)
                continue
            fut = client.submit(
                task, item, config_json, str(out),
                lang=lang, published=published, run_id=summary.run_id, batch_size=cfg.store.batch_size,
                key=f"peristiwa-{token}-{item.name}", retries=retries, pure=False,
            )
            pending[fut.key] = item
            queue.add(fut)
            summary.partitions += 1
            return True
        return False

    for _ in range(window):
        if not submit_one():
            exhausted = True
            break
    for fut in queue:
        part = pending.pop(fut.key)
        if fut.status == "finished":
            res: PartitionResult = fut.result()
            finished[part.index] = res
            summary.documents += res.documents
            summary.errors.extend(_as_error(r) for r in res.errors)
            summary.duplicates += res.duplicates
            rss = summary.worker_peak_rss_mb
            rss[res.worker] = max(rss.get(res.worker, 0.0), res.peak_rss_mb)
            if on_document is not None:
                on_document(res.documents + len(res.errors))
        else:
            exc: BaseException | None = None
            try:
                exc = fut.exception()
            except Exception as lost:  # cancelled or lost futures raise instead of returning
                exc = lost
            finished[part.index] = None
            summary.failed_partitions.append(part.describe())
            summary.errors.append(_partition_error(part, retries + 1, exc))
        fut.release()
        while next_merge in finished:
            done = finished.pop(next_merge)
            if done is not None:
                waiting.extend((name, done.documents / max(1, len(done.parts))) for name in done.parts)
            next_merge += 1
        if not exhausted:  # the next partition first: the worker that is free should not wait for a merge
            exhausted = not submit_one()
        waiting = _merge(store, out, waiting, summary, keep_parts, final=exhausted)
        if len(summary.errors) > recorded:
            store.record_errors(summary.run_id, summary.errors[recorded:])
            recorded = len(summary.errors)
    _merge(store, out, waiting, summary, keep_parts, final=True)  # a safeguard: the last round merged all
    if len(summary.errors) > recorded:  # inputs naming nothing when no partition was planned at all
        store.record_errors(summary.run_id, summary.errors[recorded:])


def _merge(
    store: Store,
    out: Path,
    names: Sequence[tuple[str, float]],
    summary: ScaleSummary,
    keep_parts: bool,
    *,
    final: bool,
) -> list[tuple[str, float]]:
    """Store parts ``(name, documents)`` of finished partitions, in order, about :data:`MERGE_DOCUMENTS`
    documents per transaction, read by DuckDB straight from the Parquet files
    (:meth:`Store.write_parquet`); returns the parts left for later.

    Why wait for about :data:`MERGE_DOCUMENTS` documents: IndoSum partitions are about 200 documents,
    and one transaction per partition cost the driver more CPU, on a core the workers need, than the
    same documents in a few larger ones. Unless ``final`` (every partition submitted: from then on the
    driver merges what is ready, so that little is left to merge after the last task), parts adding up
    to less than that wait for the next partitions."""
    start = 0
    while start < len(names):
        if not final and sum(docs for _, docs in names[start:]) < MERGE_DOCUMENTS:
            break
        end, docs = start, 0.0
        while end < len(names) and (end == start or docs + names[end][1] <= MERGE_DOCUMENTS):
            docs += names[end][1]
            end += 1
        chunk = [name for name, _ in names[start:end]]
        stats: WriteStats = store.write_parquet([part_files(out, name) for name in chunk], summary.run_id)
        summary.added += stats.added
        summary.duplicates += stats.skipped_duplicates
        summary.events += stats.events
        summary.quotes += stats.quotes
        if not keep_parts:
            for name in chunk:
                for path in part_files(out, name).values():
                    path.unlink(missing_ok=True)
        start = end
    return list(names[start:])
