"""The DuckDB store and its exports.

Why one package: everything that persists documents goes through one projection
(:func:`documents_to_tables`) and one set of identity rules (:meth:`Store.write_tables`, and
:meth:`Store.write_parquet` for Parquet partitions read by DuckDB itself), whether the
rows come straight from a pipeline, from Parquet partitions written by parallel workers, or are exported
again as contract JSONL, ACLED-like CSV or Parquet.

>>> from peristiwa.model import Document
>>> with Store(":memory:") as store:
...     first = store.write([Document(doc_id="a", text="Polisi menangkap tiga orang.")])
...     again = store.write([Document(doc_id="a", text="Polisi menangkap tiga orang.")])
>>> first.added, again.added, again.skipped_duplicates
(1, 0, 1)
"""

from __future__ import annotations

from .database import SCHEMA_VERSION, Store, WriteStats
from .export import CSV_COLUMNS, PARQUET_TABLES, export_csv, export_jsonl, export_parquet
from .partitions import merge_partitions, part_files, read_partition, write_partition
from .tables import DOC_TABLES, SCHEMAS, documents_to_tables, unique_documents

__all__ = [
    "CSV_COLUMNS",
    "DOC_TABLES",
    "PARQUET_TABLES",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "Store",
    "WriteStats",
    "documents_to_tables",
    "export_csv",
    "export_jsonl",
    "export_parquet",
    "merge_partitions",
    "part_files",
    "read_partition",
    "unique_documents",
    "write_partition",
]
