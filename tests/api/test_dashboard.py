"""Browser tests of the dashboard: Playwright driving Debian's headless Chromium (skipped without it).

Two stores: hand-made documents with events located in Syria, Jordan and Indonesia (the map
assertions must not depend on the geocoder's progress), and the bundled examples processed by the real
pipeline (the dashboard must load and show evidence for whatever the pipeline found). Screenshots go to
``$PERISTIWA_TEST_ARTIFACTS`` (default ``.artifacts/dashboard`` in the repository, git-ignored).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from peristiwa.api import ApiSettings, create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
REPO = Path(__file__).resolve().parents[2]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)", allow_module_level=True)


def artifacts() -> Path:
    path = Path(os.environ.get("PERISTIWA_TEST_ARTIFACTS", REPO / ".artifacts")) / "dashboard"
    path.mkdir(parents=True, exist_ok=True)
    return path


class LiveServer:
    """uvicorn serving the app on a free localhost port, in a thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.app = create_app(ApiSettings(db=db))
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.app.state.db.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # a chromium that cannot start here is an environment problem, not a bug
            pytest.skip(f"chromium does not start: {exc}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory,
             build_api_store: Callable[[Path], Path]) -> Iterator[LiveServer]:
    server = LiveServer(build_api_store(tmp_path_factory.mktemp("dash") / "handmade.duckdb"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[LiveServer]:
    from peristiwa.runner import run_to_store

    db = tmp_path_factory.mktemp("dash") / "examples.duckdb"
    summary = run_to_store([str(REPO / "examples")], db=db, pipeline=pipeline)
    assert summary.documents >= 3
    server = LiveServer(db)
    yield server
    server.stop()


def open_page(browser: Any, url: str) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append("failed: " + r.url))
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    page.errors = errors
    page.requests = requests
    return page


def test_map_shows_syria_and_jordan_and_event_evidence(browser: Any, handmade: LiveServer) -> None:
    page = open_page(browser, handmade.url + "/?map=30,60,3")
    # one API request for the first view: statistics, table and map cells (asked for before the scripts)
    assert [u.split("?")[0].split("/", 3)[-1] for u in page.requests if "/api/" in u] == ["api/overview"]
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 100")
    assert page.locator(".cell-icon[data-countries~='SY']").count() >= 1
    assert page.locator(".cell-icon[data-countries~='JO']").count() >= 1
    assert page.locator(".cell-icon[data-countries~='ID']").count() >= 1
    assert page.locator("#events tbody tr").count() == 6
    assert "6 events in 4 documents" in page.inner_text("#summary")
    assert page.locator("#timeline .bar").count() >= 2

    page.click("#events tbody tr[data-doc='sy-1'][data-event='e2']")
    page.wait_for_selector("#event-view[data-loaded='1']")
    assert page.inner_text("#event-body .source-text mark.k-trigger") == "melarikan diri"
    assert page.inner_text("#event-body .source-text mark.k-place") == "Yordania"
    assert "3.000" in page.inner_text("#event-body .source-text")
    assert page.locator("#event-body .source-text mark.k-count").count() >= 1
    chain = page.inner_text("#event-body .chain")
    assert "pejabat militer Kremlin" in chain and "Ria Novosti" in chain
    assert "event=e2" in page.url and "doc=sy-1" in page.url
    page.screenshot(path=str(artifacts() / "handmade-event.png"))
    assert not page.errors, page.errors
    page.close()


def test_filters_live_in_the_url(browser: Any, handmade: LiveServer) -> None:
    page = open_page(browser, handmade.url + "/")
    page.click(".types .type[data-type='ASSAULT']")
    page.wait_for_selector("body[data-ready='1']")
    assert "type=ASSAULT" in page.url
    assert page.locator("#events tbody tr").count() == 2
    shared = page.url
    page.close()
    again = open_page(browser, shared)
    assert again.locator(".types .type.on").all_inner_texts()[0].startswith("ASSAULT")
    assert again.locator("#events tbody tr").count() == 2
    again.close()
    deep = open_page(browser, handmade.url + "/?country=SY&doc=sy-2&event=e1")
    deep.wait_for_selector("#event-view[data-loaded='1']")
    assert deep.locator("#events tbody tr").count() == 2
    assert "Russian military" in deep.inner_text("#event-body .fields")
    deep.close()


def test_timeline_bar_filters_to_its_dates(browser: Any, handmade: LiveServer) -> None:
    page = open_page(browser, handmade.url + "/?country=SY")
    bar = page.locator("#timeline .bar").first
    start = bar.get_attribute("data-start")
    assert bar.get_attribute("data-total") == "2" and "ASSAULT 2" in (page.text_content("#timeline .bar title") or "")
    bar.click()
    page.wait_for_selector("body[data-ready='1']")
    assert f"date_from={start}" in page.url and "date_to=" in page.url
    assert page.locator("#events tbody tr").count() == 2
    assert not page.locator("#clear-dates").is_hidden()
    assert not page.errors, page.errors
    page.close()


def test_dashboard_over_the_bundled_examples(browser: Any, examples: LiveServer) -> None:
    import httpx

    stats = httpx.get(examples.url + "/api/stats").json()
    page = open_page(browser, examples.url + "/?map=20,70,2")
    assert page.locator("#events tbody tr").count() == min(50, stats["total"])
    page.screenshot(path=str(artifacts() / "examples.png"))
    for country in ("SY", "JO"):  # the seed's events, once the geocoder locates them
        if stats["by_country"].get(country):
            assert page.locator(f".cell-icon[data-countries~='{country}']").count() >= 1, country
    seed = httpx.get(examples.url + "/api/events", params={"q": "Yordania", "limit": 1}).json()["events"]
    row = seed[0] if seed else httpx.get(examples.url + "/api/events", params={"limit": 1}).json()["events"][0]
    target = page.locator(f"#events tbody tr[data-event='{row['event_id']}']")
    (target if target.count() else page.locator("#events tbody tr").first).click()
    page.wait_for_selector("#event-view[data-loaded='1']")
    assert page.locator("#event-body .source-text mark.k-trigger").count() >= 1
    assert page.locator("#event-body .source-text mark.k-evidence").count() >= 1
    page.screenshot(path=str(artifacts() / "examples-event.png"))
    assert not page.errors, page.errors
    page.close()
