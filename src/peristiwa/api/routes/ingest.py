"""``POST /api/documents``: present only when the server runs with ``--allow-ingest`` and a token.

Why a bearer token compared in constant time, a body-size cap read before parsing, and a per-request
document cap: the endpoint writes to the store and runs the CPU-heavy pipeline, so it must refuse
unauthenticated or oversized work before doing any of it.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

import msgspec
from fastapi import APIRouter, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..ingest import Ingester, records_of
from ..schemas import ErrorBody, IngestAnswer
from .common import ApiError, json_response

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["ingest"])
_FIELDS = ("doc_id", "lang", "published", "title", "source", "url", "text")
_RECORD = {"type": "object", "required": ["text"], "properties": {k: {"type": "string"} for k in _FIELDS}}
_BODY = {"type": "object", "properties": {"documents": {"type": "array", "items": _RECORD}}}
_bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body of {declared} bytes is over the limit of {limit} bytes; "
                            "send fewer documents")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body is over the limit of {limit} bytes; send fewer documents")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/documents", response_model=IngestAnswer, summary="Ingest documents (with --allow-ingest only)",
    responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 413: {"model": ErrorBody}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": _BODY}}}},
)
async def ingest(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> Response:
    """Clean, process and store documents in the gold document format (``doc_id, lang, published,
    title, source, url, text``; only ``text`` is required). The answer has one result per document, in
    order: ``added``, ``replaced``, ``duplicate`` (text already stored) or ``error`` with its reason; a bad
    document never stops the others."""
    settings = request.app.state.settings
    token = credentials.credentials if credentials else ""
    if not hmac.compare_digest(token.encode("utf-8"), str(settings.token).encode("utf-8")):
        raise ApiError(401, "missing or wrong token: send 'Authorization: Bearer <token>'")
    raw = await _body(request, settings.max_body_bytes)
    try:
        body: Any = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None
    records = records_of(body)
    if records is None:
        raise ApiError(400, 'send {"documents": [{"text": ...}, ...]}, an array of records, or one record')
    if not records:
        raise ApiError(400, "no documents in the request")
    if len(records) > settings.max_ingest_docs:
        raise ApiError(413, f"{len(records)} documents in one request; at most {settings.max_ingest_docs}")
    ingester: Ingester = request.app.state.ingester
    return json_response(await run_in_threadpool(ingester.run, records))
