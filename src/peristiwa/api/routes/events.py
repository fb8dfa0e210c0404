"""Event endpoints: the filtered list (JSON, CSV, GeoJSON), one event for auditing, map cells, statistics.

Why keyset cursors rather than offsets: the next page is found by the sort key of the last row, so page
1,000 costs what page 1 costs and rows added in between do not shift pages.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...merge.events import MergeOptions
from ...store import queries as store_queries
from .. import columns, sql
from ..evidence import event_view, related
from ..filters import EventListParams, MapParams, OverviewParams, StatsParams, view_box
from ..formats import to_csv, to_geojson
from ..schemas import EventPage, EventView, MapAnswer, Overview, Stats
from .common import ERRORS, ApiError, Db, Settings, cached_json, json_response

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=EventPage, responses=ERRORS, summary="List events")
def list_events(params: Annotated[EventListParams, Query()], db: Db, settings: Settings) -> Response:
    """Events matching every filter given, one page at a time (``next_cursor`` → ``cursor``).

    ``format=csv`` and ``format=geojson`` return the same rows as a file; JSON pages hold at most
    ``max_page`` rows, exports at most ``max_export``.
    """
    cap = settings.max_page if params.format == "json" else settings.max_export
    if params.limit > cap:
        raise ApiError(
            400, f"limit {params.limit} is over the maximum of {cap} for format={params.format}; "
            "page with the cursor" + (" or use format=csv / geojson" if params.format == "json" else ""),
        )

    def read(cur: Any) -> tuple[Any, str | None, int | None]:
        rids, nxt = sql.list_events(cur, params, sort=params.sort, limit=params.limit, cursor=params.cursor)
        total = sql.count_events(cur, params) if params.total else None
        rows = {"json": db.rows.page, "csv": db.rows.dicts, "geojson": db.rows.features}[params.format](rids)
        return rows, nxt, total

    try:
        rows, nxt, total = db.index(read)
    except sql.CursorError as exc:
        raise ApiError(400, str(exc)) from None
    headers = {"X-Next-Cursor": nxt} if nxt else {}
    if params.format == "csv":
        headers["Content-Disposition"] = 'attachment; filename="events.csv"'
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)
    if params.format == "geojson":
        return Response(to_geojson(rows, nxt), media_type="application/geo+json", headers=headers)
    page: dict[str, Any] = {"events": rows, "next_cursor": nxt, "limit": params.limit, "sort": params.sort}
    if total is not None:
        page["total"] = total
    return json_response(page)


@router.get("/events/{event_id:path}", response_model=EventView,
            responses={**ERRORS, 404: ERRORS[400] | {"description": "No such event."},
                       409: ERRORS[400] | {"description": "Several documents have an event with this id."}},
            summary="One event with its evidence")
def get_event(
    event_id: str,
    db: Db,
    doc_id: Annotated[str | None, Query(max_length=300, description="The event's document (when ids repeat).")]
    = None,
    related_limit: Annotated[int, Query(ge=0, le=100, description="At most this many related reports.")] = 20,
) -> Response:
    """The event with all its mentions, evidence spans, places, dates, counts, the claim chain (who says
    so, via whom), the document's quotes, and reports of the same event in other documents with the
    reasons the cross-document merge gives."""
    found = db.index(lambda cur: sql.find_events(cur, event_id, doc_id))
    if not found:
        where = f" in document {doc_id!r}" if doc_id else ""
        raise ApiError(404, f"no event {event_id!r}{where}; list events with GET /api/events")
    if len(found) > 1:
        raise ApiError(409, f"event id {event_id!r} exists in several documents; add ?doc_id=",
                       [{"doc_id": d, "event_id": e} for d, e in found])
    the_doc, the_event = found[0]
    opts = MergeOptions()

    def read(cur: Any) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        row = sql.event_row(cur, db.rows, the_doc, the_event)
        cands = (sql.merge_candidates(cur, db.rows, row, opts.date_window_days, opts.undated_slack_days)
                 if row is not None and related_limit else [])
        return row, cands

    row, cands = db.index(read)
    doc = db.read(lambda cur: store_queries.document(cur, the_doc))
    ev = next((e for e in doc.events if e.id == the_event), None)
    if ev is None or row is None:
        raise ApiError(404, f"event {event_id!r} is listed but its document has no such event; re-run the store")
    view = event_view(doc, ev, related_events=lambda: related(row, cands, opts, related_limit))
    view["row"] = row
    return json_response(view)


@router.get("/map", response_model=MapAnswer, responses=ERRORS, summary="Events clustered for the map")
def map_cells(params: Annotated[MapParams, Query()], db: Db, settings: Settings, request: Request) -> Response:
    """Located events grouped on a grid (a quarter tile at ``zoom``), with counts by type per cell.
    Send ``bbox`` (the viewport) so only visible cells come back."""
    return cached_json(request, lambda: db.index(lambda cur: columns.map_cells(
        db.columns, db.rows, sql.selection(cur, db.columns, params), params.zoom, settings.max_cells)))


@router.get("/stats", response_model=Stats, responses=ERRORS, summary="Counts by type, day, country")
def stats(params: Annotated[StatsParams, Query()], db: Db, request: Request) -> Response:
    """Summary statistics of the matching events: totals, counts by type/country/modality/language,
    top actors/places/sources and a timeline (events per day, week or month by type)."""
    return cached_json(request, lambda: db.index(lambda cur: columns.stats(
        db.columns, sql.selection(cur, db.columns, params), bucket=params.bucket, top=params.top)))


@router.get("/overview", response_model=Overview, responses=ERRORS,
            summary="Statistics, first page and map cells in one answer")
def overview(params: Annotated[OverviewParams, Query()], db: Db, settings: Settings, request: Request) -> Response:
    """What the dashboard shows first, in one request and one pass over the index: ``stats`` (as
    ``GET /api/stats``), ``events`` (the first page, as ``GET /api/events``) and ``map`` (the cells of the
    viewport ``view`` at ``zoom``, as ``GET /api/map``; null without ``zoom``). Filters apply to all three."""
    if params.limit > settings.max_page:
        raise ApiError(400, f"limit {params.limit} is over the maximum of {settings.max_page}")

    def read(cur: Any) -> dict[str, Any]:
        chosen = sql.selection(cur, db.columns, params)
        stats = columns.stats(db.columns, chosen, bucket=params.bucket, top=params.top)
        rids, nxt = sql.list_events(cur, params, sort=params.sort, limit=params.limit)
        page = {"events": db.rows.page(rids), "next_cursor": nxt, "limit": params.limit, "sort": params.sort}
        cells = (columns.map_cells(db.columns, db.rows, db.columns.within(chosen, view_box(params.view)),
                                   params.zoom, settings.max_cells) if params.zoom is not None else None)
        return {"stats": stats, "events": page, "map": cells}

    return cached_json(request, lambda: db.index(read))
