"""The API's routers: events (list, one, map, stats), documents and quotes, ingestion, meta."""

from __future__ import annotations

from . import documents, events, ingest, meta

__all__ = ["documents", "events", "ingest", "meta"]
