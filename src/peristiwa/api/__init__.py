"""HTTP API and offline dashboard over a peristiwa store.

>>> from peristiwa.api import ApiSettings, create_app
>>> app = create_app(ApiSettings(db="peristiwa.duckdb"))       # doctest: +SKIP

``peristiwa serve --db X`` runs it with uvicorn; endpoints are documented at ``/api/docs`` (offline) and
``/api/openapi.json``; ``docs/api.md`` describes them with examples.
"""

from __future__ import annotations

from .app import STATIC_DIR, create_app
from .server import serve
from .settings import ApiSettings

__all__ = ["STATIC_DIR", "ApiSettings", "create_app", "serve"]
