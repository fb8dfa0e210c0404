"""HTTP API latency and dashboard first load on generated stores.

Why generated: the targets are about size (p95 of ``GET /api/events`` ≤ 100 ms at 100k events; the
dashboard's first load ≤ 1 s with 10k events in view), and no corpus of that size is processed here. The
stores are written through the real write path (``documents_to_tables`` via ``Store.write``), with
events spread over 16 types, ~3 years, 60 places in Indonesia and the Middle East, 40 actors, counts,
sources and quotes, so filters and sorts touch realistic selectivities.

    .venv/bin/python benchmarks/bench_api.py [--events 100000] [--dashboard-events 10000] [--requests 40]
                                             [--loads 5] [--workdir DIR] [--compare REV]

``--compare REV`` serves the ``src`` of git revision REV beside this tree and alternates every request
and every dashboard load between the two servers, so a before/after comparison sees the same machine
load (the 2-core reference machine is shared and noisy); it prints both tables and their ratios.

The server runs as a separate process (``peristiwa serve``), requests go through HTTP one at a time,
and every query shape is timed separately (p50/p95), then all together. The baseline printed beside the
events endpoint is ``GET /api/health`` (one trivial query): the difference is the cost of the event
query itself. The dashboard is loaded in Debian's headless Chromium (skipped when /usr/bin/chromium or
playwright is missing), each time in a fresh browser context (empty cache), and timed from navigation to
the page's ``data-ready`` flag (map cells, boundaries, timeline and table drawn): once with the same view
every time and once with a new view every time (nothing cached on the server either).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from peristiwa.model import EVENT_TYPES, Actor, Count, DateValue, Document, Event, Place, Quote, Sentence, Span
from peristiwa.store import Store

PLACES = [
    # name, admin1, country, lat, lon
    ("Jakarta", "DKI Jakarta", "ID", -6.2088, 106.8456), ("Surabaya", "Jawa Timur", "ID", -7.2575, 112.7521),
    ("Bandung", "Jawa Barat", "ID", -6.9175, 107.6191), ("Medan", "Sumatera Utara", "ID", 3.5952, 98.6722),
    ("Makassar", "Sulawesi Selatan", "ID", -5.1477, 119.4327), ("Jayapura", "Papua", "ID", -2.5337, 140.7181),
    ("Banda Aceh", "Aceh", "ID", 5.5483, 95.3238), ("Poso", "Sulawesi Tengah", "ID", -1.3962, 120.7527),
    ("Ambon", "Maluku", "ID", -3.6954, 128.1814), ("Yogyakarta", "DI Yogyakarta", "ID", -7.7956, 110.3695),
    ("Sleman", "DI Yogyakarta", "ID", -7.7167, 110.35), ("Lumajang", "Jawa Timur", "ID", -8.1335, 113.2248),
    ("Wamena", "Papua", "ID", -4.0969, 138.9511), ("Pekanbaru", "Riau", "ID", 0.5071, 101.4478),
    ("Denpasar", "Bali", "ID", -8.6705, 115.2126), ("Pontianak", "Kalimantan Barat", "ID", -0.0263, 109.3425),
    ("Syria", None, "SY", 35.0, 38.0), ("Homs", "Homs", "SY", 34.7324, 36.7137),
    ("Hama", "Hama", "SY", 35.1318, 36.7578), ("Idlib", "Idlib", "SY", 35.9306, 36.6339),
    ("Aleppo", "Aleppo", "SY", 36.2021, 37.1343), ("Raqqa", "Raqqa", "SY", 35.9594, 39.0079),
    ("Damascus", "Damascus", "SY", 33.5138, 36.2765), ("Latakia", "Latakia", "SY", 35.5317, 35.7901),
    ("Jordan", None, "JO", 31.0, 36.0), ("Amman", "Amman", "JO", 31.9539, 35.9106),
    ("Baghdad", "Baghdad", "IQ", 33.3152, 44.3661), ("Mosul", "Nineveh", "IQ", 36.34, 43.13),
    ("Beirut", "Beirut", "LB", 33.8938, 35.5018), ("Gaza", "Gaza", "PS", 31.5017, 34.4668),
]
ACTORS = [
    ("Indonesian National Police", "ID", "police"), ("Densus 88", "ID", "police"),
    ("Indonesian military", "ID", "military"), ("Indonesian students", "ID", "civilians"),
    ("KPK", "ID", "government"), ("DPR", "ID", "legislature"), ("Free Papua Movement", "ID", "rebels"),
    ("JAD", "ID", "militants"), ("farmers", "ID", "civilians"), ("labour unions", "ID", "labour"),
    ("Russian military", "RU", "military"), ("Syrian military", "SY", "military"), ("ISIS", None, "militants"),
    ("al-Nusra Front", "SY", "militants"), ("United States", "US", "government"), ("Assad", "SY", "government"),
    ("Syrian Observatory for Human Rights", "GB", "ngo"), ("United Nations", None, "igo"),
    ("Jordanian government", "JO", "government"), ("Iraqi forces", "IQ", "military"),
] + [(f"local group {i}", "ID", "civilians") for i in range(20)]
SOURCES = [None, None, "Igor Konashenkov", "Dedi Prasetyo", "Rami Abdel Rahman", "Ria Novosti", "KPK spokesman",
           "the military", "witnesses", "Reuters"]
MODES = {"ASSAULT": ("air", "shell", "firearms"), "COERCE": ("arrest", "seize"), "PROTEST": ("demonstrate",)}
SENT = "{actor} melakukan {verb} terhadap {target} di {place} pada {day}, menewaskan {n} orang, kata {src}."
START = dt.date(2015, 1, 1)


def synthetic(i: int, rng: random.Random, events_per_doc: int = 3) -> Document:
    """A ~1 KB document with ``events_per_doc`` located, dated events and one quote."""
    parts: list[str] = []
    evs: list[Event] = []
    places: list[Place] = []
    pos = 0
    published = START + dt.timedelta(days=rng.randrange(0, 3 * 365))
    for j in range(events_per_doc):
        typ = rng.choice(EVENT_TYPES)
        pname, admin1, country, lat, lon = rng.choice(PLACES)
        a_name, a_country, a_sector = rng.choice(ACTORS)
        r_name, r_country, r_sector = rng.choice(ACTORS)
        day = published - dt.timedelta(days=rng.randrange(0, 3))
        n = rng.randrange(1, 60)
        src = rng.choice(SOURCES)
        sent = SENT.format(actor=a_name, verb=typ.lower(), target=r_name, place=pname, day=day.isoformat(), n=n,
                           src=src or "warga")
        start = pos
        p_at = start + sent.index(" di ") + 4
        n_at = start + sent.index("menewaskan ") + 11
        d_at = start + sent.index(" pada ") + 6
        t_at = start + sent.index("melakukan")
        r_at = start + sent.index("terhadap ") + 9
        jitter = (rng.random() - 0.5) * 0.4, (rng.random() - 0.5) * 0.4
        place = Place(start=p_at, end=p_at + len(pname), name=pname, admin1=admin1, country=country,
                      lat=lat + jitter[0], lon=lon + jitter[1], precision="city", confidence=0.9)
        places.append(place)
        evs.append(Event(
            id=f"b{i}:e{j + 1}", type=typ, modes=(rng.choice(MODES[typ]),) if typ in MODES else (),
            trigger=Span(t_at, t_at + 9), evidence=Span(start, start + len(sent)),
            actors=(Actor(start=start, end=start + len(a_name), name=a_name, country=a_country, sector=a_sector),),
            recipients=(Actor(start=r_at, end=r_at + len(r_name), name=r_name, country=r_country, sector=r_sector),),
            locations=(place,), date=DateValue(day, day), date_span=Span(d_at, d_at + 10),
            counts=(Count(start=n_at, end=n_at + len(str(n)) + 6, kind="killed", value=n, object="orang"),),
            source=src, modality=rng.choice(("asserted",) * 8 + ("future", "negated")),
            confidence=round(rng.uniform(0.3, 0.99), 2),
        ))
        parts.append(sent)
        pos += len(sent) + 1
    text = " ".join(parts)
    quote = Quote(id="q1", content=Span(0, len(parts[0])), direct=False, speaker=SOURCES[2], cue="kata")
    sentences = []
    p = 0
    for s in parts:
        sentences.append(Sentence(p, p + len(s)))
        p += len(s) + 1
    return Document(
        doc_id=f"bench-{i:07d}", text=text, lang="id", published=published, title=f"Berita {i}",
        source=rng.choice(("kompas-sim", "tempo-sim", "antara-sim", "detik-sim")),
        sentences=tuple(sentences), places=tuple(places), events=tuple(evs), quotes=(quote,), stages=("bench@1",),
    )


def build_store(path: Path, n_events: int, seed: int = 7) -> float:
    """Write a store of ``n_events`` events (3 per document); returns seconds taken."""
    if path.exists():
        path.unlink()
    rng = random.Random(seed)
    t0 = time.perf_counter()
    docs = n_events // 3
    with Store(path, batch_size=2000) as store:
        batch = []
        for i in range(docs):
            batch.append(synthetic(i, rng))
            if len(batch) == 2000:
                store.write(batch)
                batch = []
        if batch:
            store.write(batch)
    return time.perf_counter() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``peristiwa serve`` in a child process, stopped on exit; ``src`` runs another source tree."""

    def __init__(self, db: Path, src: Path | None = None) -> None:
        self.port = _free_port()
        exe = Path(sys.executable).with_name("peristiwa")
        env = dict(os.environ)
        if src is not None:  # the tree comes first on the path, before the editable install
            env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(
            [str(exe), "serve", "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                if httpx.get(self.url + "/api/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def source_tree(rev: str, work: Path) -> Path:
    """The ``src`` folder of git revision ``rev`` unpacked under ``work`` (for ``--compare``)."""
    root = Path(__file__).resolve().parents[1]
    sha = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", rev], check=True,
                         capture_output=True, text=True).stdout.strip()
    dest = work / f"src-{sha}"
    if not (dest / "src").exists():
        dest.mkdir(parents=True, exist_ok=True)
        tar = subprocess.run(["git", "-C", str(root), "archive", sha, "src"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    return dest / "src"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


SCENARIOS: list[tuple[str, dict[str, Any]]] = [
    ("default page (50, newest first)", {}),
    ("type=ASSAULT", {"type": "ASSAULT"}),
    ("type=ASSAULT,PROTEST & country=ID", {"type": "ASSAULT,PROTEST", "country": "ID"}),
    ("actor=police", {"actor": "police"}),
    ("date range (1 month)", {"date_from": "2016-03-01", "date_to": "2016-03-31"}),
    ("free text q=Papua", {"q": "Jayapura"}),
    ("admin1=Jawa & mode=arrest", {"admin1": "Jawa", "mode": "arrest"}),
    ("sort=-confidence limit=200", {"sort": "-confidence", "limit": 200}),
    ("bbox (Syria) + total", {"bbox": "35,32,42,37.5", "total": "true"}),
    ("page 2 (cursor)", {"_cursor": True}),
    ("geojson 500", {"format": "geojson", "limit": 500}),
]


def _row(label: str, times: list[float]) -> str:
    if not times:
        return f"{label[:42]:42s} {'n/a':>8s}"
    return f"{label[:42]:42s} {statistics.median(times):8.1f} {_pct(times, 95):8.1f} {max(times):8.1f}"


def bench_events(servers: dict[str, str], requests: int) -> None:
    """Every query shape ``requests`` times per server; requests alternate between the servers, so a
    baseline and a candidate see the same machine load."""
    clients = {name: httpx.Client(base_url=url, timeout=30) for name, url in servers.items()}
    cursors = {name: c.get("/api/events", params={"limit": 50}).json()["next_cursor"] for name, c in clients.items()}

    def run(path: str, params: dict[str, Any], n: int) -> dict[str, list[float]]:
        """Times per server; a server that cannot answer (an endpoint it lacks) gets no times."""
        times: dict[str, list[float]] = {name: [] for name in clients}
        failed: set[str] = set()
        for i in range(n):
            for name, c in clients.items():
                p = dict(params)
                if p.pop("_cursor", None):
                    p["cursor"] = cursors[name]
                if p.pop("_new", None):  # a date_to that excludes nothing: a new request, never cached
                    p["date_to"] = (dt.date(2099, 12, 31) - dt.timedelta(days=i)).isoformat()
                if name in failed:
                    continue
                try:
                    times[name].append(time_get(c, path, p))
                except RuntimeError as exc:
                    print(f"[{name}] {path}: {str(exc)[:100]}")
                    failed.add(name)
                    times[name] = []
        return times

    everything: dict[str, list[float]] = {name: [] for name in clients}
    results: list[tuple[str, dict[str, list[float]]]] = [
        ("(baseline: GET /api/health)", run("/api/health", {}, requests))
    ]
    for name, params in SCENARIOS:
        times = run("/api/events", params, requests)
        for k, v in times.items():
            everything[k] += v
        results.append((name, times))
    results.append((f"ALL events requests (n={len(next(iter(everything.values())))})", everything))
    # aggregate answers are cached by the server per request: each of these is a new request (``_new``)
    for path, params in (("/api/map", {"zoom": 3, "_new": 1}),
                         ("/api/map", {"zoom": 6, "bbox": "95,-11,141,6", "_new": 1}),
                         ("/api/stats", {"_new": 1}), ("/api/stats", {"country": "SY", "_new": 1}),
                         ("/api/overview", {"zoom": 2, "view": "-180,-80,180,80", "_new": 1}),
                         ("/api/events/b5:e1", {"doc_id": "bench-0000005"})):
        label = path + "?" + "&".join(f"{k}={v}" for k, v in params.items() if k != "_new")
        results.append((label, run(path, params, max(5, requests // 4))))
    for server in clients:
        print(f"\n[{server}] {servers[server]}")
        print(f"{'GET /api/events scenario':42s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
        for label, times in results:
            print(_row(label, times[server]))
    if len(clients) == 2:
        a, b = list(clients)
        print(f"\nratio {b} / {a} (same run, interleaved requests)")
        for label, times in results:
            if times[a] and times[b]:
                print(f"{label[:42]:42s} p50 {statistics.median(times[b]) / statistics.median(times[a]):5.2f}  "
                      f"p95 {_pct(times[b], 95) / _pct(times[a], 95):5.2f}")


def time_get(client: httpx.Client, path: str, params: dict[str, Any]) -> float:
    t0 = time.perf_counter()
    r = client.get(path, params=params)
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{path} {params}: {r.status_code} {r.text[:200]}")
    return elapsed


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def bench_dashboard(servers: dict[str, str], loads: int) -> None:
    """``loads`` first loads per server and kind, alternating between servers, each in a fresh browser
    context (empty cache). Two kinds: the same view every time (the server's cached statistics and map
    answers serve it after the first), and a new view every time (a ``date_to`` that excludes nothing but
    makes the request new, so the server computes everything: the cold case)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("dashboard: skipped (playwright not installed)")
        return
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        print("dashboard: skipped (no /usr/bin/chromium)")
        return
    kinds = ("same view", "new view")
    walls: dict[tuple[str, str], list[float]] = {(n, k): [] for n in servers for k in kinds}
    readies: dict[tuple[str, str], list[float]] = {(n, k): [] for n in servers for k in kinds}
    in_view: dict[tuple[str, str], int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(loads + 1):
            for kind in kinds:
                for name, url in servers.items():
                    query = "/?map=0,80,2"
                    if kind == "new view":
                        query += "&date_to=" + (dt.date(2099, 12, 31) - dt.timedelta(days=i)).isoformat()
                    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(url + query)
                    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
                    wall = (time.perf_counter() - t0) * 1000
                    ready = page.evaluate("window.peristiwa.timings.readyAt")
                    in_view[name, kind] = page.evaluate("window.peristiwa.cells.reduce((s, c) => s + c.n, 0)")
                    ctx.close()
                    if i:  # the first load warms the browser process and the server, not the page
                        walls[name, kind].append(wall)
                        readies[name, kind].append(ready)
        browser.close()
    for name in servers:
        for kind in kinds:
            key = (name, kind)
            print(f"[{name}] dashboard first load, {kind}, {in_view[key]} located events in view, {loads} fresh "
                  "browser contexts (no browser cache):")
            print(f"  navigation -> data-ready (in page)  median {statistics.median(readies[key]):.0f} ms, "
                  f"max {max(readies[key]):.0f} ms")
            print(f"  goto -> data-ready (driver wall)    median {statistics.median(walls[key]):.0f} ms, "
                  f"max {max(walls[key]):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--dashboard-events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40, help="requests per scenario")
    parser.add_argument("--loads", type=int, default=5, help="dashboard loads")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the generated stores here")
    parser.add_argument("--compare", metavar="REV", default=None,
                        help="also serve the src of this git revision (e.g. HEAD~3) and alternate requests")
    parser.add_argument("--skip-events", action="store_true", help="dashboard only")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    work = args.workdir or Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    trees: dict[str, Path | None] = {"this tree": None}
    if args.compare:
        trees = {args.compare: source_tree(args.compare, work), "this tree": None}

    def serving(db: Path) -> tuple[list[Server], dict[str, str]]:
        started = [Server(db, src) for src in trees.values()]
        return started, {name: s.url for name, s in zip(trees, started, strict=True)}

    def on_store(events: int, bench: Callable[[dict[str, str]], None]) -> None:
        """Build (once) a store of ``events`` events, serve it from every tree and run ``bench`` on them."""
        db = work / f"api-{events}.duckdb"
        if not db.exists():
            print(f"built {events} events in {build_store(db, events):.1f} s -> {db}")
        started, urls = serving(db)
        try:
            bench(urls)
        finally:
            for server in started:
                server.stop()

    if not args.skip_events:
        on_store(args.events, lambda urls: bench_events(urls, args.requests))
    if args.dashboard_events:
        on_store(args.dashboard_events, lambda urls: bench_dashboard(urls, args.loads))
    print(f"machine: load average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
