"""What every route shares: the database dependency, JSON responses and the error type.

Why: routes stay a few lines each (validate, one read through :class:`~peristiwa.api.db.Database`,
encode); errors raised here become the one error body of :class:`~peristiwa.api.schemas.ErrorBody`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from ..caching import AnswerCache
from ..db import Database
from ..formats import encode_json
from ..schemas import ErrorBody
from ..settings import ApiSettings

__all__ = ["ERRORS", "ApiError", "Db", "Settings", "cached_json", "json_response"]


class ApiError(Exception):
    """An answer other than 200: HTTP status and a message that says what to do."""

    def __init__(self, status: int, message: str, detail: list[dict[str, Any]] | None = None) -> None:
        self.status = status
        self.message = message
        self.detail = detail
        super().__init__(message)


# Why ``async`` dependencies: FastAPI runs a plain ``def`` dependency in its thread pool, and two such
# hops (database, settings) cost a request about a millisecond on an idle machine and several on a
# loaded one; these only read ``app.state``, so they run on the event loop.
async def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


Db = Annotated[Database, Depends(_db)]
Settings = Annotated[ApiSettings, Depends(_settings)]

#: documented error answers of the read endpoints
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter value the API cannot use (e.g. a stale cursor)."},
    422: {"model": ErrorBody, "description": "Validation failed: unknown parameter or invalid value."},
    503: {"model": ErrorBody, "description": "The query ran past the time limit; narrow the filters."},
}


def json_response(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON answer encoded with msgspec."""
    return Response(encode_json(value), status_code=status, media_type="application/json", headers=headers)


def cached_json(request: Request, compute: Callable[[], Any]) -> Response:
    """A JSON answer kept in the app's :class:`~peristiwa.api.caching.AnswerCache` by request and index
    generation (``compute`` runs only on a miss)."""
    db: Database = request.app.state.db
    cache: AnswerCache | None = request.app.state.answers
    if cache is None:
        return json_response(compute())
    key = (db.generation, request.url.path, request.url.query)
    return Response(cache.get(key, lambda: encode_json(compute())), media_type="application/json")
