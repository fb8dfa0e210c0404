"""Ingestion over HTTP: posted records in the gold document format go through the same cleaning and
pipeline as ``peristiwa run``, and each is stored in its own transaction.

Why per document: one caller's bad record (no text, wrong type, a stage that fails on it, a write error)
becomes an error entry for that record only; every other record, of this request or of another caller's,
is processed and stored as if it were alone. Processing is serialised by a lock (stages are not meant to
be shared by threads) and writes by the database's write lock (DuckDB has one writer).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import DocumentError, IngestError, PeristiwaError, StoreError
from ..ingest.build import IngestContext
from ..ingest.jsonl import record_to_raw
from ..model import Document
from ..pipeline import Pipeline
from .db import Database
from .formats import encode_json

__all__ = ["Ingester", "records_of"]


def records_of(body: Any) -> list[Any] | None:
    """The records of a request body: ``{"documents": [...]}``, a JSON array, or one record object."""
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        docs = body.get("documents")
        if isinstance(docs, list):
            return docs
        if "text" in body:
            return [body]
    return None


class Ingester:
    """Turns posted records into stored documents; the pipeline is built on first use."""

    def __init__(self, db: Database, config: Path | None = None) -> None:
        self.db = db
        self.config_path = config
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def pipeline(self) -> Pipeline:
        """The pipeline (built once, from the server's configuration)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(Config.load(self.config_path))
            return self._pipeline

    def run(self, records: list[Any]) -> dict[str, Any]:
        """Process and store ``records``; one result per record, in order."""
        pipe = self.pipeline()
        store = self.db.store
        with self.db.write_lock:
            run_id = store.start_run(pipe.config.to_dict(), ["http:POST /api/documents"])
        results: list[dict[str, Any]] = []
        errors: list[DocumentError] = []
        for i, obj in enumerate(records):
            result = self._one(i, obj, pipe, run_id)
            if result["status"] == "error":
                errors.append(DocumentError(result["where"], result["reason"], result["message"]))
            results.append(result)
        with self.db.write_lock:
            if errors:
                store.record_errors(run_id, errors)
            store.finish_run(run_id, errors=len(errors))
        if any(r["status"] in ("added", "replaced") for r in results):
            self.db.rebuild_index()
        return {
            "run_id": run_id, "results": results,
            "added": sum(r["status"] in ("added", "replaced") for r in results),
            "duplicates": sum(r["status"] == "duplicate" for r in results),
            "errors": len(errors),
        }

    def _one(self, i: int, obj: Any, pipe: Pipeline, run_id: str) -> dict[str, Any]:
        where = f"request[{i}]"
        try:
            doc = self._document(where, obj, pipe)
            with self._lock:
                doc = pipe(doc)
            with self.db.write_lock:
                stats = self.db.store.write([doc], run_id=run_id)
        except DocumentError as exc:
            return {"index": i, "status": "error", "where": exc.where, "reason": exc.reason, "message": exc.message}
        except StoreError as exc:
            return {"index": i, "status": "error", "where": where, "reason": "store", "message": str(exc)}
        except PeristiwaError as exc:
            return {"index": i, "status": "error", "where": where, "reason": "pipeline", "message": str(exc)}
        except Exception as exc:  # a stage bug must cost this record only
            return {"index": i, "status": "error", "where": where, "reason": "internal",
                    "message": f"processing failed unexpectedly: {type(exc).__name__}: {exc}"}
        status = "duplicate" if stats.skipped_duplicates else "replaced" if stats.replaced else "added"
        return {"index": i, "status": status, "doc_id": doc.doc_id, "lang": doc.lang,
                "events": len(doc.events), "quotes": len(doc.quotes), "warnings": list(doc.warnings)}

    def _document(self, where: str, obj: Any, pipe: Pipeline) -> Document:
        line = encode_json(obj) if isinstance(obj, dict) else b""
        raw = record_to_raw(obj, where, "api", line, [])
        if isinstance(raw, IngestError):
            raise raw
        ctx = IngestContext(pipe.config.ingest, packs=pipe.packs)
        doc = ctx.finish(raw)
        if isinstance(doc, IngestError):
            raise doc
        return doc
