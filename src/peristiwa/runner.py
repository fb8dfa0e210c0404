"""Batch runs: inputs → documents → pipeline → results, streaming, never stopping on one bad document.

Why a module of its own: the CLI, the HTTP ingestion endpoint and the Dask workers all need the same loop
(read, process, collect errors, write in transactions), and none of them should reimplement it. Progress is
reported through a callback so the library never prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .errors import DocumentError
from .ingest import read_inputs
from .model import Document
from .pipeline import Pipeline

__all__ = ["RunSummary", "process", "run_to_store"]

Progress = Callable[[int], None]


@dataclass
class RunSummary:
    """What a run did: counts, the errors (each naming its document), and the run id in the store."""

    run_id: str | None = None
    documents: int = 0
    added: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[DocumentError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when any input or document failed (the CLI's exit code says so)."""
        return bool(self.errors)


def process(
    inputs: Sequence[str | Path],
    pipeline: Pipeline,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    on_document: Progress | None = None,
) -> Iterator[Document | DocumentError]:
    """Read ``inputs`` and run ``pipeline`` on each document, yielding results and errors in order."""
    for item in read_inputs(inputs, pipeline.config.ingest, lang=lang, published=published, packs=pipeline.packs):
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            yield pipeline(item)
        except DocumentError as exc:
            yield exc
        finally:
            if on_document is not None:
                on_document(1)


def _batches(items: Iterable[Document | DocumentError], size: int, summary: RunSummary) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, DocumentError):
            summary.errors.append(item)
            continue
        summary.documents += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_to_store(
    inputs: Sequence[str | Path],
    config: Config | None = None,
    *,
    db: str | Path | None = None,
    lang: str | None = None,
    published: dt.date | None = None,
    pipeline: Pipeline | None = None,
    on_document: Progress | None = None,
) -> RunSummary:
    """Ingest → extract → store. Each batch is one transaction; failures land in the ``errors`` table."""
    from .store import Store

    pipe = pipeline or Pipeline(config or Config.load())
    cfg = pipe.config
    summary = RunSummary()
    with Store(db or cfg.store.path, batch_size=cfg.store.batch_size) as store:
        summary.run_id = store.start_run(cfg.to_dict(), [str(i) for i in inputs])
        results = process(inputs, pipe, lang=lang, published=published, on_document=on_document)
        seen_errors = 0
        for batch in _batches(results, cfg.store.batch_size, summary):
            stats = store.write(batch, run_id=summary.run_id)
            summary.added += stats.added
            summary.duplicates += stats.skipped_duplicates
            summary.events += stats.events
            summary.quotes += stats.quotes
            if len(summary.errors) > seen_errors:
                store.record_errors(summary.run_id, summary.errors[seen_errors:])
                seen_errors = len(summary.errors)
        if len(summary.errors) > seen_errors:
            store.record_errors(summary.run_id, summary.errors[seen_errors:])
        store.finish_run(
            summary.run_id,
            documents=summary.documents,
            added=summary.added,
            skipped=summary.duplicates,
            events=summary.events,
            quotes=summary.quotes,
            errors=len(summary.errors),
        )
    return summary
