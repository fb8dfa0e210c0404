"""Scale-out: the pipeline on a Dask cluster, partitions written as Parquet and merged into DuckDB.

Why a package of its own: the single-process path (:func:`peristiwa.runner.run_to_store`) stays the
default and carries no Dask import; this package is loaded only for ``peristiwa run --workers N`` or
``--scheduler tcp://HOST:PORT``. See ``docs/scale.md`` for the design and measured throughput.

- :mod:`.partitions`: a corpus described as slices (files, or line-aligned byte ranges of a JSONL file);
- :mod:`.worker`: one partition on one worker (pipeline rebuilt from the config, Parquet parts out);
- :mod:`.runner`: the driver (bounded submission window, retries, failures reported, ordered merge).

Example (the ``__main__`` guard is required: outside Linux, local workers are spawned processes)::

    from peristiwa.scale import run_distributed

    if __name__ == "__main__":
        summary = run_distributed(["corpus.jsonl"], db="events.duckdb", workers=2)
        print(summary.documents, summary.failed_partitions)
"""

from __future__ import annotations

from .partitions import DEFAULT_PARTITION_BYTES, Partition, plan_partitions, read_partition_documents
from .runner import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_STORE_MEMORY_LIMIT,
    ScaleSummary,
    dask_client,
    run_distributed,
)
from .worker import PartitionResult, cached_pipeline, peak_rss_mb, process_partition

__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_PARTITION_BYTES",
    "DEFAULT_STORE_MEMORY_LIMIT",
    "Partition",
    "PartitionResult",
    "ScaleSummary",
    "cached_pipeline",
    "dask_client",
    "peak_rss_mb",
    "plan_partitions",
    "process_partition",
    "read_partition_documents",
    "run_distributed",
]
