"""The FastAPI application: JSON API under ``/api``, the offline dashboard at ``/``.

Why an app factory: ``create_app(settings)`` holds no module-global state, so tests (and several
servers in one process) each get their own store, limits and ingestion switch. The store is opened when
the app is created (read-only unless ingestion is allowed) and closed when the server shuts down.

Errors share one body, ``{"error": "...", "detail": [...]}``: 422 for invalid or unknown parameters (each
entry names the parameter), 400 for values the API cannot use, 404, 401/413 for ingestion, 503 when a
query ran past the time limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError
from .assets import Assets, serve
from .caching import AnswerCache, ApiValidators
from .db import Database, QueryTimeout
from .ingest import Ingester
from .routes import documents, events, ingest, meta
from .routes.common import ApiError, json_response
from .settings import ApiSettings

__all__ = ["STATIC_DIR", "create_app"]

#: the dashboard's files (HTML, JS, CSS, bundled libraries and boundaries)
STATIC_DIR = Path(__file__).resolve().parent / "static"

_DESCRIPTION = (
    "Auditable event data from news: events with their actors, places, dates, counts and sources, every "
    "field traced to character offsets of the cleaned text. Read-only unless the server was started with "
    "--allow-ingest."
)


def _error(status: int, message: str, detail: list[dict[str, Any]] | None = None) -> Response:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return json_response(body, status)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        message = str(err.get("msg", "invalid"))
        if err.get("type") == "extra_forbidden":
            message = f"unknown parameter {name!r}; see /api/docs for the parameters of this endpoint"
        value = err.get("input")
        out.append({"param": name, "in": where, "message": message,
                    "value": value if isinstance(value, str | int | float | bool | None) else str(value)})
    return out


def create_app(settings: ApiSettings | str | Path) -> FastAPI:
    """The API and dashboard over the store in ``settings.db`` (a path means default settings)."""
    if not isinstance(settings, ApiSettings):
        settings = ApiSettings(db=Path(settings))
    db = Database(str(settings.db), writable=settings.allow_ingest, query_timeout_s=settings.query_timeout_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="peristiwa", version=__version__, description=_DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.db = db
    app.state.ingester = Ingester(db, settings.config) if settings.allow_ingest else None
    app.state.answers = AnswerCache(settings.cache_bytes) if settings.cache_bytes > 0 else None
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=1)
    app.add_middleware(ApiValidators, generation=lambda: db.generation)  # outermost: a 304 skips the rest

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(422, "invalid request: " + "; ".join(
            f"{d['param']}: {d['message']}" for d in _validation_detail(exc)), _validation_detail(exc))

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error(exc.status, exc.message, exc.detail)

    @app.exception_handler(QueryTimeout)
    async def _timeout(request: Request, exc: QueryTimeout) -> Response:
        return _error(503, str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        return _error(500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path {request.url.path!r}; the API is under /api (see /api/docs)"
        return _error(exc.status_code, message)

    app.include_router(events.router)
    app.include_router(documents.router)
    app.include_router(meta.router)
    if settings.allow_ingest:
        app.include_router(ingest.router)

    assets = Assets(STATIC_DIR)
    index = assets.page("index.html")
    app.state.assets = assets

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def dashboard(request: Request) -> Response:
        return serve(index, request)

    @app.api_route("/static/{name:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def static(name: str, request: Request) -> Response:
        asset = assets.get(name)
        if asset is None:
            raise StarletteHTTPException(404, f"no dashboard file {name!r}")
        return serve(asset, request, immutable=request.query_params.get("v") == asset.version)

    return app
