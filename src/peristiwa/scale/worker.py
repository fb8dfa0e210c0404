"""What one worker does with one partition: read its slice, run the pipeline, write Parquet parts.

Why a plain function of plain data: Dask ships the function and its arguments to worker processes (or
other machines), so everything it receives is picklable builtins (the config as JSON text, the partition
description) and everything it returns is a small :class:`PartitionResult` (counts, the names of the
part files, and errors as ``(where, reason, message)`` triples). The pipeline is rebuilt from the config
on the worker and cached per process, so a worker builds it once however many partitions it runs.

Memory stays bounded: documents stream from the partition's files and are written as a Parquet part every
``batch_size`` documents (part names ``<partition>-<n>``), so a worker never holds more than one batch of
processed documents. A partition that raises (a disk error, a killed process) is retried by the driver;
because part names are deterministic, a retry overwrites what a failed attempt left behind.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import resource
import socket
import sys
import threading
import time
from pathlib import Path

import msgspec

from ..config import Config
from ..errors import DocumentError
from ..ingest.build import IngestContext
from ..model import Document
from ..pipeline import Pipeline
from ..store import unique_documents, write_partition
from .partitions import Partition, read_partition_documents

__all__ = ["PartitionResult", "cached_pipeline", "peak_rss_mb", "process_partition"]

ErrorRow = tuple[str, str, str]


class PartitionResult(msgspec.Struct, kw_only=True):
    """What a worker reports for one partition (small: no documents, only counts and part names)."""

    index: int
    description: str
    parts: list[str] = msgspec.field(default_factory=list)
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[ErrorRow] = msgspec.field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    worker: str = ""


_BUILDING = threading.Lock()


@functools.lru_cache(maxsize=4)
def _build_pipeline(config_json: str) -> Pipeline:
    return Pipeline(Config.from_dict(msgspec.json.decode(config_json)))


def cached_pipeline(config_json: str) -> Pipeline:
    """The pipeline for a config (as JSON text), built once per worker process.

    Thread-safe: a local worker starts building it in a preload thread (:mod:`.preload`) while the
    cluster comes up; a task arriving before that is done waits for it instead of building a second
    copy. A build that raised is not cached, so the task tries again and raises its own error."""
    with _BUILDING:
        return _build_pipeline(config_json)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _error_row(exc: DocumentError) -> ErrorRow:
    return (exc.where, exc.reason, exc.message)


def process_partition(
    part: Partition,
    config_json: str,
    out_dir: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    run_id: str | None = None,
    batch_size: int | None = None,
) -> PartitionResult:
    """Process one partition and write it under ``out_dir`` as Parquet parts (see the module docstring).

    Per-document failures are returned as error rows and never raise; anything else (the output
    directory unwritable, the configuration broken) raises, so the driver can retry the partition.
    """
    started = time.perf_counter()
    pipe = cached_pipeline(config_json)
    size = max(1, batch_size or pipe.config.store.batch_size)
    ctx = IngestContext(pipe.config.ingest, lang=lang, published=published, packs=pipe.packs)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    result = PartitionResult(index=part.index, description=part.describe(), worker=worker)
    batch: list[Document] = []

    def flush() -> None:
        kept, duplicates, _ = unique_documents(batch)
        name = f"{part.name}-{len(result.parts):05d}"
        write_partition(kept, Path(out_dir), part=name, run_id=run_id)
        result.parts.append(name)
        result.duplicates += duplicates
        batch.clear()

    for item in read_partition_documents(part, ctx):
        if isinstance(item, DocumentError):
            result.errors.append(_error_row(item))
            continue
        try:
            doc = pipe(item)
        except DocumentError as exc:
            result.errors.append(_error_row(exc))
            continue
        result.documents += 1
        result.events += len(doc.events)
        result.quotes += len(doc.quotes)
        batch.append(doc)
        if len(batch) >= size:
            flush()
    if batch:
        flush()
    result.seconds = time.perf_counter() - started
    result.peak_rss_mb = peak_rss_mb()
    return result
