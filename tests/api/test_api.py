"""HTTP API tests, in-process: httpx against the ASGI app over a store of hand-made documents."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import msgspec
import pytest

from peristiwa.api import ApiSettings, create_app
from peristiwa.api.db import Database, QueryTimeout
from peristiwa.store import Store


class Client:
    """A synchronous face over ``httpx.AsyncClient(transport=ASGITransport(app))``."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, url, **kw)

        return anyio.run(go)

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory, build_api_store: Callable[[Path], Path]) -> Path:
    return build_api_store(tmp_path_factory.mktemp("api") / "api.duckdb")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[Client]:
    app = create_app(ApiSettings(db=db_path, max_page=100))
    yield Client(app)
    app.state.db.close()


def keys(page: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["doc_id"], e["event_id"]) for e in page["events"]]


# -- events -------------------------------------------------------------------------------------------


def test_events_default_page_newest_first(client: Client) -> None:
    r = client.get("/api/events", params={"total": "true"})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 6 and len(page["events"]) == 6 and page["next_cursor"] is None
    # effective date: the event's own, else the publication date; an event with neither comes last
    assert keys(page)[:2] == [("id-1", "e2"), ("id-1", "e1")]
    assert keys(page)[-1] == ("nowhere", "x1")
    row = page["events"][1]
    assert row["type"] == "COERCE" and row["country"] == "ID" and row["lat"] == pytest.approx(-7.72)
    assert row["counts"] == [{"kind": "arrested", "value": 3, "qualifier": "exact", "object": None,
                              "text": "tiga orang", "span": [17, 27]}]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "ASSAULT"}, {("sy-1", "e1"), ("sy-2", "e1")}),
    ({"type": ["RETREAT", "coerce"]}, {("sy-1", "e2"), ("id-1", "e1")}),
    ({"country": "jo"}, {("sy-1", "e2")}),
    ({"actor": "rusia"}, {("sy-1", "e1"), ("sy-2", "e1")}),          # the text of the actor span
    ({"actor": "national police"}, {("id-1", "e1")}),                 # its canonical name
    ({"recipient": "civilians"}, {("id-1", "e1")}),
    ({"place": "homs"}, {("sy-1", "e1"), ("sy-2", "e1")}),
    ({"admin1": "yogya"}, {("id-1", "e1")}),
    ({"source": "novosti"}, {("sy-1", "e2")}),
    ({"mode": "AIR"}, {("sy-1", "e1"), ("sy-2", "e1")}),
    ({"modality": "negated"}, {("id-1", "e2")}),
    ({"q": "tambang"}, {("nowhere", "x1")}),
    ({"date_from": "2015-10-06", "date_to": "2015-10-06"}, {("sy-1", "e1"), ("sy-2", "e1")}),
    ({"date_from": "2019-01-01"}, {("id-1", "e1"), ("id-1", "e2")}),
    ({"located": "false"}, {("id-1", "e2"), ("nowhere", "x1")}),
    ({"bbox": "30,28,40,36"}, {("sy-1", "e1"), ("sy-1", "e2"), ("sy-2", "e1")}),
    ({"min_confidence": 0.75}, {("sy-1", "e1"), ("id-1", "e1")}),
    ({"doc_id": "sy-2"}, {("sy-2", "e1")}),
])
def test_event_filters(client: Client, params: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert set(keys(r.json())) == expected


@pytest.mark.parametrize("filters", [
    {"type": "ASSAULT"}, {"country": "SY"}, {"actor": "rusia"}, {"place": "yordania"}, {"source": "warga"},
    {"date_from": "2015-10-07"}, {"text": "militan"},
])
def test_filters_mean_what_the_store_means(client: Client, db_path: Path, filters: dict[str, Any]) -> None:
    """The API's index answers exactly like ``Store.events`` (``peristiwa show``) for the same filter."""
    params = {("q" if k == "text" else k): v for k, v in filters.items()}
    api = set(keys(client.get("/api/events", params=params).json()))
    app_db: Database = client.app.state.db
    store_rows = app_db.store.events(limit=None, **filters)
    assert api == {(r["doc_id"], r["event_id"]) for r in store_rows}


def test_cursor_pages_cover_everything_once(client: Client) -> None:
    seen: list[tuple[str, str]] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 2, "sort": "-confidence"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/events", params=params).json()
        seen += keys(page)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 6
    confidences = [e["confidence"] for e in client.get("/api/events", params={"sort": "-confidence"}).json()["events"]]
    assert confidences == sorted(confidences, reverse=True)
    ascending = client.get("/api/events", params={"sort": "date"}).json()
    assert keys(ascending)[0] == ("sy-1", "e1") and keys(ascending)[-1] == ("nowhere", "x1")


def test_bad_cursors_are_400(client: Client) -> None:
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    r = client.get("/api/events", params={"limit": 1, "cursor": cursor, "sort": "confidence"})
    assert r.status_code == 400 and "sort" in r.json()["error"]
    r = client.get("/api/events", params={"cursor": "not-a-cursor"})
    assert r.status_code == 400 and "cursor" in r.json()["error"]


def test_csv_and_geojson(client: Client) -> None:
    r = client.get("/api/events", params={"format": "csv", "type": "RETREAT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("doc_id,event_id,date,published,type")
    assert len(lines) == 2 and "fled 3000 militan (at_least)" in lines[1]
    r = client.get("/api/events", params={"format": "geojson", "country": "SY"})
    assert r.headers["content-type"] == "application/geo+json"
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    assert fc["features"][0]["geometry"]["coordinates"][1] == pytest.approx(34.7, abs=0.1)
    located = client.get("/api/events", params={"format": "geojson", "located": "false"}).json()
    assert all(f["geometry"] is None for f in located["features"])


@pytest.mark.parametrize(("params", "status", "needle"), [
    ({"contry": "SY"}, 422, "unknown parameter 'contry'"),
    ({"type": "BOMBING"}, 422, "unknown event type 'BOMBING'"),
    ({"country": "Syria"}, 422, "country"),
    ({"date_from": "2020-01-02", "date_to": "2020-01-01"}, 422, "after date_to"),
    ({"date_from": "yesterday"}, 422, "date_from"),
    ({"limit": 0}, 422, "limit"),
    ({"limit": 500}, 400, "over the maximum of 100"),
    ({"bbox": "1,2,3"}, 422, "bbox"),
    ({"modality": "maybe"}, 422, "modality"),
    ({"sort": "type"}, 422, "sort"),
    ({"q": "x" * 201}, 422, "q"),
])
def test_invalid_requests_say_what_is_wrong(client: Client, params: dict[str, Any], status: int, needle: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == status
    body = r.json()
    assert needle in body["error"]
    if status == 422:
        assert body["detail"] and body["detail"][0]["param"]


def test_exports_may_be_larger_than_a_page(client: Client) -> None:
    assert client.get("/api/events", params={"limit": 500, "format": "csv"}).status_code == 200


# -- one event ----------------------------------------------------------------------------------------


def test_event_view_highlights_claim_chain_and_merge_reasons(client: Client) -> None:
    r = client.get("/api/events/e2", params={"doc_id": "sy-1"})
    assert r.status_code == 200, r.text
    v = r.json()
    text = "".join(s["text"] for s in v["segments"])
    assert text.startswith("Pesawat Rusia") and len(text) == v["document"]["length"]
    by_kind: dict[str, list[str]] = {}
    for a in v["annotations"]:
        by_kind.setdefault(a["kind"], []).append(a["text"])
    assert by_kind["trigger"] == ["melarikan diri"]
    assert by_kind["place"] == ["Yordania"]
    assert by_kind["count"] == ["Setidaknya 3.000 militan"]
    assert by_kind["speaker"] == ["pejabat militer Kremlin"]
    trigger = next(s for s in v["segments"] if "trigger" in s["kinds"])
    assert {"evidence", "quote", "trigger"} <= set(trigger["kinds"])
    assert [c["role"] for c in v["claim_chain"]] == ["speaker", "via", "article"]
    assert v["claim_chain"][1]["name"] == "Ria Novosti"
    assert v["event"]["source"] == "Ria Novosti" and v["event"]["counts"][0]["qualifier"] == "at_least"
    assert [q["id"] for q in v["quotes"] if q["linked"]] == ["q1"]

    strike = client.get("/api/events/e1", params={"doc_id": "sy-1"}).json()
    related = strike["merge"]["related"]
    assert [(x["doc_id"], x["event_id"]) for x in related] == [("sy-2", "e1")]
    reason = related[0]["reason"]
    assert reason["date_gap_days"] == 0 and reason["distance_km"] < 5
    assert reason["actor_overlap"] == 0.5  # Russian military shared, militants only in sy-1
    assert 0.6 <= reason["score"] <= 1


def test_event_lookup_errors(client: Client) -> None:
    r = client.get("/api/events/e1")
    assert r.status_code == 409 and {d["doc_id"] for d in r.json()["detail"]} == {"sy-1", "sy-2", "id-1"}
    assert client.get("/api/events/x1").status_code == 200  # unique ids need no doc_id
    r = client.get("/api/events/e9", params={"doc_id": "sy-1"})
    assert r.status_code == 404 and "no event" in r.json()["error"]


# -- map, stats, documents, quotes, meta ---------------------------------------------------------------


def test_map_cells(client: Client) -> None:
    world = client.get("/api/map", params={"zoom": 2}).json()
    assert world["located"] == 4
    countries = {c for cell in world["cells"] for c in cell["countries"]}
    assert countries == {"SY", "JO", "ID"}
    close = client.get("/api/map", params={"zoom": 7, "bbox": "30,28,40,36"}).json()
    homs = next(c for c in close["cells"] if c["label"] == "Homs")
    assert homs["n"] == 2 and homs["types"] == {"ASSAULT": 2} and homs["event"] is None
    jordan = next(c for c in close["cells"] if c["countries"] == ["JO"])
    assert jordan["event"] == {"doc_id": "sy-1", "event_id": "e2"}
    assert client.get("/api/map", params={"zoom": 30}).status_code == 422


def test_stats(client: Client) -> None:
    s = client.get("/api/stats").json()
    assert s["total"] == 6 and s["located"] == 4 and s["documents"] == 4
    assert s["by_type"]["ASSAULT"] == 2 and s["by_country"] == {"null": 2, "ID": 1, "SY": 2, "JO": 1} | s["by_country"]
    assert s["top_actors"]["Russian military"] == 2
    tl = s["timeline"]
    assert tl["undated"] == 1 and tl["bucket"] == "week"
    assert sum(sum(b["types"].values()) for b in tl["buckets"]) == 5
    daily = client.get("/api/stats", params={"country": "SY", "bucket": "day"}).json()
    assert daily["total"] == 2 and daily["timeline"]["buckets"] == [{"start": "2015-10-06", "types": {"ASSAULT": 2}}]


def test_documents_and_quotes(client: Client) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert [d["doc_id"] for d in page["documents"]] == ["id-1", "sy-2"]
    doc = client.get("/api/documents/sy-1").json()
    assert doc["text"].startswith("Pesawat Rusia") and len(doc["events"]) == 2
    assert doc["events"][1]["trigger"] == "melarikan diri"
    assert client.get("/api/documents/none").status_code == 404
    quotes = client.get("/api/quotes", params={"speaker": "kremlin"}).json()["quotes"]
    assert len(quotes) == 1 and quotes[0]["via"] == ["Ria Novosti"]


def test_meta_endpoints_and_dashboard(client: Client) -> None:
    health = client.get("/api/health").json()
    assert health["read_only"] is True and health["ingest"] is False and health["events"] == 6
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/map", "/api/stats", "/api/documents"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "country", "date_from", "cursor", "format", "bbox"} <= params
    ref = client.get("/api/docs")
    assert ref.status_code == 200 and "/api/events" in ref.text and "<script" not in ref.text
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for asset in ("/static/app.js", "/static/vendor/leaflet.js", "/static/data/countries-110m.json"):
        assert client.get(asset).status_code == 200, asset
    r = client.get("/nothing-here")
    assert r.status_code == 404 and "/api" in r.json()["error"]


def test_overview_is_stats_page_and_map_in_one(client: Client) -> None:
    params = {"country": "SY"}
    both = client.get("/api/overview", params=params | {"zoom": 2, "view": "-180,-85,180,85", "limit": 1}).json()
    assert both["stats"] == client.get("/api/stats", params=params).json()
    assert both["events"] == client.get("/api/events", params=params | {"limit": 1}).json()
    assert both["map"] == client.get("/api/map", params=params | {"zoom": 2}).json()
    near = client.get("/api/overview", params={"zoom": 7, "view": "30,28,40,36"}).json()
    assert near["map"] == client.get("/api/map", params={"zoom": 7, "bbox": "30,28,40,36"}).json()
    assert near["stats"]["total"] == 6  # the viewport limits the map cells only
    assert client.get("/api/overview").json()["map"] is None
    assert client.get("/api/overview", params={"view": "1,2,3"}).status_code == 422
    assert client.get("/api/overview", params={"limit": 500}).status_code == 400


def test_rows_rendered_once_equal_the_fields(client: Client) -> None:
    from peristiwa.api.db import DISPLAY_COLUMNS
    from peristiwa.api.formats import encode_json, to_geojson

    db: Database = client.app.state.db
    rids = list(range(1, len(db.rows) + 1))
    rows = db.rows.dicts(rids)
    assert len(rows) == 6 and all(list(row) == list(DISPLAY_COLUMNS) for row in rows)
    assert msgspec.json.decode(msgspec.json.encode(db.rows.page(rids))) == msgspec.json.decode(encode_json(rows))
    assert any(row["lat"] is None for row in rows) and any(row["lat"] is not None for row in rows)
    fast = msgspec.json.decode(to_geojson(db.rows.features(rids), "next"))
    assert fast == msgspec.json.decode(to_geojson(rows, "next"))


def test_answers_are_compressed_and_revalidated(client: Client) -> None:
    gz = {"Accept-Encoding": "gzip"}
    page = client.get("/", headers=gz)
    assert page.headers["content-encoding"] == "gzip" and page.headers["cache-control"] == "no-cache"
    assert client.get("/", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
    versioned = re.search(r'"(/static/vendor/leaflet\.js\?v=[0-9a-f]+)"', page.text)
    assert versioned, "index.html links the libraries by versioned URLs"
    lib = client.get(versioned.group(1), headers=gz)
    assert lib.status_code == 200 and lib.headers["content-encoding"] == "gzip" and "Leaflet 1.9" in lib.text
    assert "immutable" in lib.headers["cache-control"]
    plain = client.get("/static/vendor/leaflet.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.headers["cache-control"] == "no-cache"
    assert plain.content == lib.content and plain.headers["etag"] == lib.headers["etag"]
    again = client.get("/static/vendor/leaflet.js", headers={"If-None-Match": lib.headers["etag"]})
    assert again.status_code == 304 and not again.content
    assert client.get("/static/nothing.js").status_code == 404
    assert client.get("/static/../app.py").status_code == 404

    events = client.get("/api/events", params={"limit": 6}, headers=gz)
    tag = events.headers["etag"]
    assert events.headers["content-encoding"] == "gzip" and events.headers["cache-control"] == "no-cache"
    same = client.get("/api/events", params={"limit": 6}, headers={"If-None-Match": tag})
    assert same.status_code == 304 and not same.content and same.headers["etag"] == tag
    other = client.get("/api/events", params={"limit": 5}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    assert "etag" not in client.get("/api/health").headers  # live counts
    assert "etag" not in client.get("/api/events", params={"limit": 5000}).headers  # errors are not tagged


def test_aggregate_answers_are_cached_per_request(db_path: Path) -> None:
    app = create_app(ApiSettings(db=db_path))
    cached = Client(app)
    first = cached.get("/api/stats", params={"country": "SY"})
    again = cached.get("/api/stats", params={"country": "SY"})
    cached.get("/api/overview", params={"zoom": 3})
    cached.get("/api/map", params={"zoom": 3})
    assert first.content == again.content
    health = cached.get("/api/health").json()
    assert health["cache"]["hits"] == 1 and health["cache"]["entries"] == 3
    app.state.db.rebuild_index()  # a new generation (as after an ingestion) is asked anew
    assert cached.get("/api/stats", params={"country": "SY"}).content == first.content
    assert cached.get("/api/health").json()["cache"]["misses"] == 4
    app.state.db.close()
    plain = create_app(ApiSettings(db=db_path, cache_bytes=0))
    assert Client(plain).get("/api/stats").json()["total"] == 6
    assert Client(plain).get("/api/health").json()["cache"] is None
    plain.state.db.close()


def test_empty_store_answers(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb"):
        pass
    app = create_app(ApiSettings(db=tmp_path / "empty.duckdb"))
    empty = Client(app)
    both = empty.get("/api/overview", params={"zoom": 3, "view": "-180,-80,180,80"}).json()
    assert both["stats"]["total"] == 0 and both["stats"]["timeline"]["buckets"] == []
    assert both["map"]["cells"] == [] and both["events"]["events"] == []
    app.state.db.close()


def test_read_only_by_default(client: Client) -> None:
    r = client.post("/api/documents", json={"documents": [{"text": "Polisi menangkap tiga orang."}]})
    assert r.status_code in (404, 405)
    assert client.get("/api/health").json()["documents"] == 4


def test_query_timeout(db_path: Path) -> None:
    app = create_app(ApiSettings(db=db_path))
    db: Database = app.state.db
    db.query_timeout_s = 0.2
    with pytest.raises(QueryTimeout):
        db.index(lambda cur: cur.execute("SELECT count(*) FROM range(100000000000)").fetchall())
    assert db.index(lambda cur: cur.execute("SELECT 1").fetchall()) == [(1,)]
    db.close()


# -- ingestion ----------------------------------------------------------------------------------------


TOKEN = "s3cret-token"


@pytest.fixture()
def ingest_client(tmp_path: Path, build_api_store: Callable[[Path], Path]) -> Iterator[Client]:
    path = build_api_store(tmp_path / "ingest.duckdb")
    app = create_app(ApiSettings(db=path, allow_ingest=True, token=TOKEN, max_ingest_docs=5))
    yield Client(app)
    app.state.db.close()


def test_ingest_needs_the_token(ingest_client: Client) -> None:
    body = {"documents": [{"text": "Polisi menangkap tiga orang di Jakarta."}]}
    assert ingest_client.post("/api/documents", json=body).status_code == 401
    r = ingest_client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 401


def test_ingest_isolates_bad_documents(ingest_client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ingester = ingest_client.app.state.ingester
    real = ingester.pipeline()

    class Exploding:
        config, packs = real.config, real.packs

        def __call__(self, doc: Any) -> Any:
            if "MELEDAK" in doc.text:
                raise RuntimeError("stage bug")
            return real(doc)

    monkeypatch.setattr(ingester, "pipeline", lambda: Exploding())
    good = {"doc_id": "new-1", "lang": "id", "published": "2019-09-25",
            "text": "Polisi menangkap tiga orang di Jakarta, Selasa (24/9). Mereka diduga merusak fasilitas umum."}
    body = {"documents": [
        good,
        {"doc_id": "bad-1"},                                   # no text
        "just a string",                                       # not a record
        {"doc_id": "bad-2", "lang": "id", "text": "Warga MELEDAK di jalan raya kota itu kemarin sore."},
        {"doc_id": "short", "lang": "id", "text": "ok"},      # too short
    ]}
    before = ingest_client.get("/api/events", params={"doc_id": "new-1"}).headers["etag"]
    r = ingest_client.post("/api/documents", json=body, headers=auth)
    assert r.status_code == 200, r.text
    answer = r.json()
    statuses = [(x["status"], x.get("reason")) for x in answer["results"]]
    assert statuses == [("added", None), ("error", "no-text"), ("error", "malformed-json"),
                        ("error", "internal"), ("error", "empty")]
    assert answer["added"] == 1 and answer["errors"] == 4
    assert ingest_client.get("/api/events", params={"doc_id": "new-1"}).headers["etag"] != before
    events = ingest_client.get("/api/events", params={"doc_id": "new-1"}).json()["events"]
    assert answer["results"][0]["events"] == len(events) and events  # the index was rebuilt
    again = ingest_client.post("/api/documents", json=[good], headers=auth).json()
    assert again["results"][0]["status"] == "duplicate"
    health = ingest_client.get("/api/health").json()
    assert health["read_only"] is False and health["documents"] == 5


def test_ingest_limits(ingest_client: Client) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    many = [{"text": f"Dokumen nomor {i} tentang sesuatu yang cukup panjang."} for i in range(6)]
    assert ingest_client.post("/api/documents", json=many, headers=auth).status_code == 413
    r = ingest_client.post("/api/documents", content=b"{not json", headers=auth)
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    assert ingest_client.post("/api/documents", json={"nothing": 1}, headers=auth).status_code == 400


def test_settings_refuse_ingest_without_token(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="token"):
        ApiSettings(db=tmp_path / "x.duckdb", allow_ingest=True)


def test_store_untouched_by_reads(db_path: Path, client: Client) -> None:
    client.get("/api/events")
    with Store(db_path, read_only=True) as store:
        assert store.stats()["events"] == 6


def test_cli_serve_command(tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from peristiwa import cli

    runner = CliRunner()
    result = runner.invoke(cli.app, ["serve", "--help"])
    assert result.exit_code == 0 and "Example" in result.output
    assert runner.invoke(cli.app, ["serve", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2
    assert runner.invoke(cli.app, ["serve", "--db", str(db_path), "--allow-ingest"],
                         env={"PERISTIWA_API_TOKEN": None}).exit_code == 2
    calls: list[tuple[Any, str, int]] = []
    monkeypatch.setattr("peristiwa.api.serve", lambda settings, host, port: calls.append((settings, host, port)))
    result = runner.invoke(cli.app, ["serve", "--db", str(db_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    settings, host, port = calls[0]
    assert settings.db == db_path and not settings.allow_ingest and (host, port) == ("127.0.0.1", 8123)
