"""What one API server is allowed to do: its database, whether it ingests, and its cost limits.

Why a frozen settings object instead of globals: the app factory takes one, so tests build several apps
over different databases in one process, and every limit (page size, query time, body size) is visible in
one place and echoed by ``GET /api/health``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ApiSettings"]


@dataclass(frozen=True)
class ApiSettings:
    """Settings of :func:`peristiwa.api.create_app`.

    ``allow_ingest`` opens the store writable and adds ``POST /api/documents``; it needs a ``token``
    (callers send ``Authorization: Bearer <token>``). Without it the store is opened read-only, so the
    server can never change the data it shows.
    """

    db: Path
    allow_ingest: bool = False
    token: str | None = None
    config: Path | None = None
    #: largest page of JSON events (``limit``); exports (CSV, GeoJSON) may ask for up to ``max_export``
    max_page: int = 1000
    max_export: int = 10_000
    #: a query running longer than this is interrupted and answered 503 (narrow the filters)
    query_timeout_s: float = 5.0
    #: at most this many map cells in one answer (the map asks for its viewport only)
    max_cells: int = 5000
    #: memory for cached statistics, map and overview answers (0: compute every request)
    cache_bytes: int = 64 << 20
    #: ingestion limits: documents per request, bytes per request body
    max_ingest_docs: int = 100
    max_body_bytes: int = 5_000_000

    def __post_init__(self) -> None:
        if self.allow_ingest and not self.token:
            raise ValueError("--allow-ingest needs a token (--token or $PERISTIWA_API_TOKEN)")
        if self.token is not None and len(self.token) < 8:
            raise ValueError("the ingestion token must be at least 8 characters long")
