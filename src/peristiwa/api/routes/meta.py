"""Health and a self-contained API reference page.

Why our own reference page: FastAPI's ``/docs`` (Swagger UI) and ``/redoc`` load their scripts from a
CDN, which an offline or air-gapped user cannot reach. ``GET /api/docs`` renders the OpenAPI document
(``GET /api/openapi.json``) as plain HTML on the server, with no script at all.
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ... import __version__
from ..schemas import Health
from .common import Db, Settings, json_response

__all__ = ["render_reference", "router"]

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=Health, summary="Server state and limits")
def health(db: Db, settings: Settings, request: Request) -> Response:
    """Whether the store answers, how big it is, and the limits this server enforces."""
    def read(cur: Any) -> tuple[int, int]:
        ev = cur.execute("SELECT count(*) FROM events").fetchone()
        docs = cur.execute("SELECT count(*) FROM documents").fetchone()
        return int(ev[0]) if ev else 0, int(docs[0]) if docs else 0

    events, documents = db.read(read)
    cache = request.app.state.answers
    return json_response({
        "status": "ok", "version": __version__, "db": str(settings.db), "read_only": not db.writable,
        "ingest": settings.allow_ingest, "events": events, "documents": documents,
        "limits": {"max_page": settings.max_page, "max_export": settings.max_export,
                   "query_timeout_s": settings.query_timeout_s, "max_cells": settings.max_cells,
                   "max_ingest_docs": settings.max_ingest_docs, "max_body_bytes": settings.max_body_bytes,
                   "cache_bytes": settings.cache_bytes},
        "index": {"seconds": round(db.index_seconds, 3), "rows_bytes": db.rows.nbytes,
                  "generation": db.generation},
        "cache": None if cache is None else {"entries": len(cache), "bytes": cache.size, "hits": cache.hits,
                                             "misses": cache.misses},
    })


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def reference(request: Request) -> HTMLResponse:
    """The OpenAPI document as one static HTML page (works offline)."""
    return HTMLResponse(render_reference(request.app.openapi()))


def render_reference(spec: dict[str, Any]) -> str:
    """Endpoints, parameters and answers of an OpenAPI document as simple HTML."""
    esc = html.escape
    info = spec.get("info", {})
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>",
        esc(info.get("title", "API")), " reference</title><link rel='stylesheet' href='/static/app.css'></head>",
        "<body class='reference'><h1>", esc(info.get("title", "API")), " ", esc(str(info.get("version", ""))),
        "</h1><p>", esc(info.get("description", "")), "</p><p>Machine-readable: ",
        "<a href='/api/openapi.json'>/api/openapi.json</a></p>",
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out += ["<section class='op'><h2><code>", esc(method.upper()), " ", esc(path), "</code> ",
                    esc(op.get("summary", "")), "</h2><p>", esc(op.get("description", "")), "</p>"]
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>what</th></tr>")
                for p in params:
                    schema = p.get("schema", {})
                    typ = schema.get("type") or " | ".join(
                        str(s.get("type", s.get("$ref", ""))) for s in schema.get("anyOf", [])
                    )
                    if "enum" in schema:
                        typ += " " + ", ".join(map(str, schema["enum"]))
                    out += ["<tr><td><code>", esc(p.get("name", "")), "</code></td><td>", esc(p.get("in", "")),
                            "</td><td>", esc(typ), "</td><td>", esc(p.get("description", "")), "</td></tr>"]
                out.append("</table>")
            codes = ", ".join(esc(str(c)) for c in op.get("responses", {}))
            out += ["<p class='codes'>answers: ", codes, "</p></section>"]
    out.append("</body></html>")
    return "".join(out)
