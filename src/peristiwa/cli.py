"""The ``peristiwa`` command line: a thin layer that parses arguments, calls the library and prints.

Every command's help carries an example. Exit codes: 0 success, 1 some inputs or documents failed
(the rest were processed), 2 bad usage or configuration.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import Config
from .errors import DocumentError, PeristiwaError
from .pipeline import Pipeline, registry

__all__ = ["app", "main"]

app = typer.Typer(
    name="peristiwa",
    help="Auditable event data from news: who did what to whom, where, when, how many, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="TOML file overriding the defaults.")]
DbOpt = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (default: the config's store.path, ./peristiwa.duckdb).")
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language code for inputs that do not say (id, en).")]
PubOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that carry none.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True, highlight=False)
    return typer.Exit(code)


def _config(path: Path | None, db: Path | None = None) -> Config:
    cfg = Config.load(path)
    return cfg.replace(store={"path": str(db)}) if db is not None else cfg


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"--published must be YYYY-MM-DD, got {value!r}") from None


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    with progress:
        yield progress


def _report_errors(errors: list[DocumentError], quiet: bool) -> None:
    for e in errors:
        err.print(f"[yellow]skipped[/yellow] {escape(e.where)}: {escape(e.message)}", highlight=False, soft_wrap=True)
    if errors and not quiet:
        err.print(f"{len(errors)} input(s) failed; the rest were processed.")


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: DbOpt = None,
    lang: LangOpt = None,
    published: PubOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Run on a local Dask cluster of N processes.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run on an existing Dask cluster, e.g. tcp://host:8786.")
    ] = None,
) -> None:
    """Ingest, extract and store: news files in, a DuckDB database of events out.

    Re-running the same input adds nothing (documents are identified by a hash of their cleaned text).
    With --workers or --scheduler, partitions run in parallel on Dask and are merged into the same store.

    Example: [bold]peristiwa run ../shared/data/seed/seed.txt --published 2015-10-07[/bold]
    Example: [bold]peristiwa run ../shared/data/news-id/indosum_2017.jsonl --workers 2[/bold]
    """
    from .runner import RunSummary, run_to_store

    try:
        cfg = _config(config, db)
        with _progress("processing", quiet) as progress:
            task = progress.add_task("run", total=None)
            summary: RunSummary
            if workers or scheduler:
                from .scale import run_distributed

                summary = run_distributed(
                    inputs, cfg, workers=workers, scheduler=scheduler, lang=lang, published=_date(published),
                    on_document=lambda n: progress.advance(task, n),
                )
            else:
                summary = run_to_store(
                    inputs, pipeline=Pipeline(cfg), lang=lang, published=_date(published),
                    on_document=lambda n: progress.advance(task, n),
                )
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    _report_errors(summary.errors, quiet)
    if not quiet:
        err.print(
            f"{summary.documents} document(s): {summary.added} added, {summary.duplicates} already stored; "
            f"{summary.events} event(s), {summary.quotes} quote(s) → {cfg.store.path}"
        )
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (one document per line) or json.")] = "jsonl",
    lang: LangOpt = None,
    published: PubOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Extract events and quotes without a database; write the JSON output contract.

    Example: [bold]peristiwa extract ../shared/data/seed/seed.gold.jsonl --output seed.out.jsonl[/bold]
    """
    from .output import to_record
    from .runner import process

    if fmt not in ("jsonl", "json"):
        raise _fail(f"--format must be jsonl or json, got {fmt!r}")
    try:
        pipe = Pipeline(_config(config))
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    errors: list[DocumentError] = []
    records = []
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with _progress("extracting", quiet or output is None) as progress:
            task = progress.add_task("extract", total=None)
            for item in process(inputs, pipe, lang=lang, published=_date(published),
                                on_document=lambda n: progress.advance(task, n)):
                if isinstance(item, DocumentError):
                    errors.append(item)
                elif fmt == "jsonl":
                    sink.write(json.dumps(to_record(item), ensure_ascii=False) + "\n")
                else:
                    records.append(to_record(item))
        if fmt == "json":
            sink.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            sink.close()
    _report_errors(errors, quiet)
    raise typer.Exit(1 if errors else 0)


@app.command()
def show(
    db: DbOpt = None,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type, e.g. ASSAULT.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or text contains this.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name or text contains this.")] = None,
    place: Annotated[str | None, typer.Option(help="Location name contains this.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country of the location.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Events on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Events on or before YYYY-MM-DD.")] = None,
    text: Annotated[str | None, typer.Option(help="Evidence sentence contains this.")] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="List quotes and speakers instead of events.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Show the events (or quotes) in the database as a table, with filters.

    Example: [bold]peristiwa show --type ASSAULT --country SY --from 2015-10-01[/bold]
    """
    from .store import Store

    cfg = _config(config, db)
    path = Path(cfg.store.path)
    if not path.exists():
        raise _fail(f"{path}: no database here; create one with `peristiwa run INPUT --db {path}`")
    try:
        with Store(path, read_only=True) as store:
            if quotes:
                rows = store.quotes(limit=limit)
            else:
                rows = store.events(
                    type=type_, actor=actor, recipient=recipient, place=place, country=country,
                    date_from=_date(date_from), date_to=_date(date_to), text=text, limit=limit,
                )
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        for row in rows:
            out.print_json(json.dumps(row, ensure_ascii=False, default=str))
        return
    out.print(f"[bold]{len(rows)} {'quote' if quotes else 'event'}(s)[/bold] in {escape(str(path))}\n", highlight=False)
    for row in rows:
        out.print(_quote_block(row) if quotes else _event_block(row), highlight=False)


def _event_block(row: dict[str, object]) -> str:
    """One event as two or three readable lines (any terminal width): what, who, where, when, evidence."""
    modes = _cell(row.get("modes"))
    what = f"[bold]{row.get('type')}[/bold]" + (f" ({escape(modes)})" if modes else "")
    who = _cell(row.get("actors")) or "?"
    whom = _cell(row.get("recipients"))
    place = ", ".join(str(v) for v in (row.get("location"), row.get("country")) if v)
    when = _cell(row.get("date")) or "date not stated"
    facts = [f"{who} → {whom}" if whom else who]
    if place:
        facts.append(f"at {place}")
    if row.get("counts"):
        facts.append(f"({row['counts']})")
    claim = f"  claimed by {row['source']}" if row.get("source") else ""
    modality = "" if row.get("modality") == "asserted" else f"  <{row.get('modality')}>"
    return (
        f"{when}  {what}  {escape('  '.join(facts) + modality + claim)}\n"
        f"    [dim]{escape(str(row.get('evidence')))}  — {escape(str(row.get('doc_id')))}[/dim]\n"
    )


def _quote_block(row: dict[str, object]) -> str:
    via = _cell(row.get("via"))
    kind = "said" if row.get("direct") else "said (indirect)"
    chain = f" via {via}" if via else ""
    head = f"{row.get('speaker') or '?'}"
    cue = row.get("cue")
    return (
        f"[bold]{escape(head)}[/bold] {escape(f'{kind}{chain} ({cue}):')}\n"
        f"    [dim]“{escape(str(row.get('text')))}”  — {escape(str(row.get('doc_id')))}[/dim]\n"
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="Output file (jsonl, csv) or directory (parquet).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv (ACLED-like columns) or parquet.")] = "jsonl",
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Export the database: JSONL (the output contract), ACLED-like CSV, or Parquet tables.

    Example: [bold]peristiwa export events.csv --format csv[/bold]
    """
    from .store import Store
    from .store.export import export_csv, export_jsonl, export_parquet

    exporters: dict[str, Callable[[Store, Path], object]] = {
        "jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet,
    }
    if fmt not in exporters:
        raise _fail(f"--format must be one of {', '.join(exporters)}, got {fmt!r}")
    cfg = _config(config, db)
    try:
        with Store(cfg.store.path, read_only=True) as store:
            written = exporters[fmt](store, output)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    if isinstance(written, dict):
        err.print(f"wrote {len(written)} Parquet table(s) to {output}")
    else:
        err.print(f"wrote {written} {fmt} record(s) to {output}")


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSONL (GUIDELINE format), or with --polnear a PolNeAR directory.")
    ],
    polnear: Annotated[bool, typer.Option("--polnear", help="GOLD is a PolNeAR brat directory (quotes).")] = False,
    acled: Annotated[
        bool, typer.Option("--acled", help="GOLD is an ACLED CSV: score the ACLED view of events from its notes.")
    ] = False,
    geo: Annotated[
        bool, typer.Option("--geo", help="GOLD is a geoparsing corpus (LGL or GeoVirus XML): accuracy@161 km.")
    ] = False,
    sources: Annotated[
        bool, typer.Option("--sources", help="With --geo: learn each source's home region from a first run "
                           "(LGL's papers) and geocode again with it as the focus.")
    ] = False,
    split: Annotated[str, typer.Option(help="PolNeAR split to score (with --polnear).")] = "dev",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="With --json: per-document matches and misses.")] = False,
    floors: Annotated[bool, typer.Option("--floors/--no-floors", help="Check the pinned floors.")] = True,
    config: ConfigOpt = None,
) -> None:
    """Run the pipeline on gold documents and score it (events, arguments, dates, counts, quotes).

    Exits 1 when a score is below its pinned floor (src/peristiwa/evaluate/floors.toml).

    Example: [bold]peristiwa evaluate ../shared/data/seed/seed.gold.jsonl[/bold]
    Example: [bold]peristiwa evaluate ../shared/data/quotes/polnear --polnear --split dev[/bold]
    Example: [bold]peristiwa evaluate ../shared/data/acled/acled_indonesia_2015-2019.csv --acled --limit 300[/bold]
    Example: [bold]peristiwa evaluate ../shared/data/geoparsing/lgl.xml --geo --sources[/bold]
    """
    if acled:
        _evaluate_acled(gold, limit, as_json, config)
        return
    if geo:
        _evaluate_geo(gold, limit, as_json, config, sources)
        return
    from .evaluate import check_floors, evaluate_polnear, load_floors, read_gold, render_report, score
    from .evaluate import predict as run_predict

    try:
        pipe = Pipeline(_config(config))
        if polnear:
            report = evaluate_polnear(gold, pipe, split=split, limit=limit)
        else:
            docs = read_gold(gold)[:limit] if limit else read_gold(gold)
            records, errors = run_predict(docs, pipe)
            report = score(docs, records, name=gold.name, errors=errors)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        payload = report.as_json() if details else report.to_dict()
        out.print_json(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        out.print(render_report(report))
    if floors and not limit:
        failures = check_floors(report, load_floors(), "polnear" if polnear else gold.name)
        for line in failures:
            err.print(f"[red]below floor[/red] {escape(line)}")
        if failures:
            raise typer.Exit(1)


def _show_report(data: dict[str, object], render: Callable[[], object], as_json: bool) -> None:
    """A report of a corpus evaluation: its metrics as JSON, or the rendered table."""
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False, default=str))
    else:
        out.print(render())


def _evaluate_acled(path: Path, limit: int | None, as_json: bool, config: Path | None) -> None:
    from .evaluate.acled import evaluate_acled, render_acled_report

    try:
        report = evaluate_acled(path, Pipeline(_config(config)), limit=limit)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    _show_report(report.to_dict(), lambda: render_acled_report(report), as_json)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 for all).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Open the store writable and accept POST /api/documents.")
    ] = False,
    token: Annotated[
        str | None, typer.Option(envvar="PERISTIWA_API_TOKEN", help="Bearer token ingestion requires.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the HTTP API (/api, documented at /api/docs) and the offline dashboard (/) over a database.

    Read-only unless --allow-ingest (which needs --token or $PERISTIWA_API_TOKEN).

    Example: [bold]peristiwa serve --db examples/demo.duckdb --port 8000[/bold]
    """
    from .api import ApiSettings
    from .api import serve as run_server

    cfg = _config(config, db)
    path = Path(cfg.store.path)
    if not path.exists():
        raise _fail(f"{path}: no database here; create one with `peristiwa run INPUT --db {path}`")
    try:
        settings = ApiSettings(db=path, allow_ingest=allow_ingest, token=token, config=config)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    err.print(f"serving {path} on http://{host}:{port}/ (API reference: /api/docs)", highlight=False)
    try:
        run_server(settings, host=host, port=port)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None


@app.command()
def merge(
    db: DbOpt = None,
    threshold: Annotated[
        float | None, typer.Option(help="Shingle Jaccard similarity at which two texts are copies (0.5).")
    ] = None,
    containment: Annotated[
        float | None, typer.Option(help="Share of a shorter text inside a longer one that makes a copy (0.8).")
    ] = None,
    min_score: Annotated[float | None, typer.Option(help="Minimum score to merge two events (0.5).")] = None,
    date_window: Annotated[int | None, typer.Option(help="Days two event dates may be apart (2).")] = None,
    max_km: Annotated[float | None, typer.Option(help="Kilometres two event places may be apart (50).")] = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Group near-duplicate articles and merge events that several articles report into one.

    Duplicate groups are incremental (stored signatures are reused; new documents join existing groups).
    Event clusters are recomputed from the thresholds, each merge with its reason: re-running with other
    thresholds undoes or redoes merges. Results: tables duplicate_groups, event_clusters, view merged_events.

    Example: [bold]peristiwa merge --db events.duckdb --min-score 0.6[/bold]
    """
    from dataclasses import replace

    from .merge.events import MergeOptions
    from .store import Store
    from .store.merging import DuplicateOptions, merge_store

    dup = DuplicateOptions()
    dup = replace(dup, threshold=dup.threshold if threshold is None else threshold,
                  containment=dup.containment if containment is None else containment)
    ev = MergeOptions()
    ev = replace(ev, min_score=ev.min_score if min_score is None else min_score,
                 date_window_days=ev.date_window_days if date_window is None else date_window,
                 max_km=ev.max_km if max_km is None else max_km)
    cfg = _config(config, db)
    path = Path(cfg.store.path)
    if not path.exists():
        raise _fail(f"{path}: no database here; create one with `peristiwa run INPUT --db {path}`")
    try:
        with Store(path, batch_size=cfg.store.batch_size) as store:
            dstats, estats = merge_store(store, dup, ev)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        err.print(
            f"{dstats.documents} document(s): {dstats.groups} duplicate group(s) of {dstats.grouped_documents} "
            f"copies ({dstats.hashed} newly hashed); {estats.events} event(s): {estats.merged_clusters} merged "
            f"event(s) from {estats.merged_events} report(s) → {path}",
            highlight=False, soft_wrap=True,
        )


def _evaluate_geo(path: Path, limit: int | None, as_json: bool, config: Path | None, sources: bool) -> None:
    from .evaluate.geo import evaluate_geoparsing, geo_pipeline, render_geo_report

    try:
        cfg = _config(config)
        report = evaluate_geoparsing(path, geo_pipeline(cfg), limit=limit, sources=sources, config=cfg)
    except PeristiwaError as exc:
        raise _fail(str(exc)) from None
    _show_report(report.to_dict(), lambda: render_geo_report(report), as_json)


@app.command()
def stages() -> None:
    """List the registered pipeline stages with what they require and provide.

    Example: [bold]peristiwa stages[/bold]
    """
    table = Table(title="registered stages")
    for col in ("stage", "requires", "provides", "languages", "what it does"):
        table.add_column(col)
    for info in registry.all():
        table.add_row(info.key, ", ".join(sorted(info.requires)), ", ".join(sorted(info.provides)),
                      ", ".join(sorted(info.langs)) if info.langs else "all", info.doc)
    out.print(table)


@app.command()
def version() -> None:
    """Print the peristiwa version."""
    out.print(__version__)


def main() -> None:
    """Console-script entry point."""
    app()
