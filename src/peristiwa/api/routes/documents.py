"""Document and quote endpoints: summaries, one document with its cleaned text and every layer, quotes.

Why the contract record for one document: it is the same JSON that ``peristiwa extract`` and
``peristiwa export`` write, so an API user audits exactly what the exports contain.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ...output import to_record
from ...store import queries as store_queries
from ..schemas import DocumentPage, QuotePage
from .common import ERRORS, ApiError, Db, json_response

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["documents"])

_Text = Annotated[str | None, Query(min_length=1, max_length=200)]
_Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
_Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]


@router.get("/documents", response_model=DocumentPage, responses=ERRORS, summary="List documents")
def list_documents(
    db: Db,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    source: _Text = None,
    date_from: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Title or text contains.")] = None,
    limit: _Limit = 50,
    offset: _Offset = 0,
) -> Response:
    """Stored documents (no text), newest publication first."""
    rows = db.read(lambda cur: store_queries.documents(
        cur, lang=lang, source=source, date_from=date_from, date_to=date_to, text=q, limit=limit, offset=offset,
    ))
    return json_response({"documents": rows, "limit": limit, "offset": offset})


@router.get("/documents/{doc_id:path}", responses={**ERRORS, 404: ERRORS[400] | {"description": "No such document."}},
            summary="One document with its cleaned text")
def get_document(doc_id: str, db: Db) -> Response:
    """The document in the output contract: cleaned text, events, quotes, places, entities, dates,
    counts, sentences, provenance (``stages``) and warnings, every span with its offsets."""
    def read(cur: Any) -> Any:
        try:
            return store_queries.document(cur, doc_id)
        except KeyError:
            return None

    doc = db.read(read)
    if doc is None:
        raise ApiError(404, f"no document {doc_id!r}; list documents with GET /api/documents")
    return json_response(to_record(doc))


@router.get("/quotes", response_model=QuotePage, responses=ERRORS, summary="List quotes and speakers")
def list_quotes(
    db: Db,
    speaker: _Text = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="Quote text contains.")] = None,
    doc_id: Annotated[str | None, Query(max_length=300)] = None,
    direct: Annotated[bool | None, Query(description="true: direct quotes; false: reported speech.")] = None,
    limit: _Limit = 50,
    offset: _Offset = 0,
) -> Response:
    """Attributed statements: speaker, text, cue, and the chain it came through (``via``)."""
    rows = db.read(lambda cur: store_queries.quotes(
        cur, speaker=speaker, text=q, doc_id=doc_id, direct=direct, limit=limit, offset=offset,
    ))
    return json_response({"quotes": rows, "limit": limit, "offset": offset})
