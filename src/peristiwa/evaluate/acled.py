"""Evaluation against ACLED: does peristiwa code ACLED's own events the way ACLED did?

Why this yardstick: ACLED's human-written ``notes`` are short English reports of one event each, coded by
trained researchers with type, sub-event type, date, place and fatalities. Running the pipeline on a note
and comparing its ACLED view with ACLED's coding measures the whole chain (extraction + mapping) on
independent data. ACLED data are used to evaluate only: nothing here learns from them, and no row or note
is ever stored by peristiwa (ACLED terms of use).

- :func:`evaluate_acled`: input = the note with its ``[size=...]`` tag removed, published = event_date + 1
  day, language English; the predicted event is the note's event (:func:`note_event`: the first event
  with an ACLED view, strategic developments only when nothing else is coded; none: a miss, wrong on
  every measure). Accuracy of event type, sub-event type, fatalities (exact), event date
  (exact day of the ACLED row's date; the event's own date apart), location (within 25 km of ACLED's
  point), interaction code, and a confusion table.
  Document-level ceilings that need no event (a date mention resolving to ACLED's day, a place within 25
  km, the note's killed counts giving ACLED's fatalities) show what the date, place and count layers reach.
- :func:`oracle_acled`: checks the mapping table alone. Each row becomes a synthetic document (the note
  as text) with a plain PLOVER guess derived from ACLED's own sub-event type (``acled_reverse.tsv``) and
  actors whose sectors follow ACLED's inter codes; does :mod:`peristiwa.acled` give ACLED's types back?

Files with ACLED's pre-2019 schema (``Riots/Protests``, ``Battle-No change of territory``...) are compared
through ``[old_schema]`` of ``acled/data/acled.toml``: "Riots/Protests" accepts Protests or Riots, rows
without a sub-event type leave the sub-event measure out, and an old type's ``accept`` pairs (a grenade or
suicide bombing coded as Violence against civilians or a Battle before Explosions/Remote violence covered
them; force against demonstrators coded as Violence against civilians, with a protester actor, before
Excessive force against protesters existed: ``accept_with_inter``) count as agreeing.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec
from rich.table import Table

from ..acled.mapping import AcledMapping, load_mapping, read_tsv
from ..acled.resolve import fatalities, resolve_document
from ..acled.rows import acled_date
from ..acled.stage import annotate
from ..errors import DocumentError, EvaluationError
from ..model import Actor, Count, Document, Event, Span
from ..pipeline import Pipeline
from .report import Ratio

__all__ = [
    "ACLED_TARGETS",
    "AcledRecord",
    "AcledReport",
    "evaluate_acled",
    "note_event",
    "oracle_acled",
    "read_acled_csv",
    "render_acled_report",
]

#: The issue's targets for the English pack on ACLED notes.
ACLED_TARGETS: dict[str, float] = {"event_type": 0.90, "sub_event_type": 0.80, "fatalities": 0.90, "date": 0.95}
_RADIUS_KM = 25.0
_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]")
_NONE = "(none)"
_ACCEPTED = "accepted for the old type"


@dataclass(frozen=True)
class AcledRecord:
    """One ACLED row, reduced to what is compared (the note text is kept only in memory)."""

    row_id: str
    text: str
    event_date: dt.date | None
    event_label: str
    event_types: frozenset[str]
    sub_event_type: str | None
    fatalities: int | None
    lat: float | None
    lon: float | None
    inter1: int | None
    inter2: int | None
    actor1: str
    actor2: str
    #: (event type, sub-event type) pairs of today's taxonomy an old-schema type also covered (``accept``)
    accepted: frozenset[tuple[str, str]] = frozenset()

    @property
    def interaction(self) -> str | None:
        """ACLED's interaction code of the row (lower code first; "X0" for a lone actor)."""
        if self.inter1 is None:
            return None
        codes = sorted(c for c in (self.inter1, self.inter2 or 0) if c)
        return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


@dataclass
class AcledReport:
    """Scores of one ACLED file; every measure is a :class:`Ratio` (value None when undefined)."""

    source: str
    kind: str
    rows: int = 0
    skipped: int = 0
    errors: int = 0
    coverage: Ratio = field(default_factory=lambda: Ratio(0, 0))
    event_type: Ratio = field(default_factory=lambda: Ratio(0, 0))
    sub_event_type: Ratio = field(default_factory=lambda: Ratio(0, 0))
    fatalities: Ratio = field(default_factory=lambda: Ratio(0, 0))
    date: Ratio = field(default_factory=lambda: Ratio(0, 0))
    location: Ratio = field(default_factory=lambda: Ratio(0, 0))
    interaction: Ratio = field(default_factory=lambda: Ratio(0, 0))
    own_date: Ratio = field(default_factory=lambda: Ratio(0, 0))
    doc_date: Ratio = field(default_factory=lambda: Ratio(0, 0))
    doc_location: Ratio = field(default_factory=lambda: Ratio(0, 0))
    doc_fatalities: Ratio = field(default_factory=lambda: Ratio(0, 0))
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    sub_confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain values: each measure as its fraction plus ``_n``/``_d`` counts; the confusion tables."""
        out: dict[str, Any] = {"source": self.source, "kind": self.kind, "rows": self.rows,
                               "skipped": self.skipped, "errors": self.errors}
        for name in (*_MEASURES, *_LAYER_MEASURES):
            r: Ratio = getattr(self, name)
            out[name] = r.value
            out[f"{name}_n"], out[f"{name}_d"] = r.numerator, r.denominator
        out["confusion"] = [[g, p, n] for (g, p), n in sorted(self.confusion.items())]
        out["sub_confusion"] = [[g, p, n] for (g, p), n in sorted(self.sub_confusion.items())]
        return out

    def meets_targets(self) -> dict[str, bool]:
        """Each target of :data:`ACLED_TARGETS`: met or not (False when undefined)."""
        return {k: (getattr(self, k).value or 0.0) >= v for k, v in ACLED_TARGETS.items()}


_MEASURES = ("coverage", "event_type", "sub_event_type", "fatalities", "date", "location", "interaction")
#: ``own_date``: the event's own date (``Event.date``, null when the note names no time) is ACLED's day;
#: ``date`` scores the ACLED row's date (:func:`peristiwa.acled.acled_date`: the day before publication
#: when the note names no time). Document-level ceilings, independent of event extraction: some date
#: mention of the note resolves to ACLED's day, some place of the note lies within 25 km, the note's
#: killed counts give ACLED's fatalities.
_LAYER_MEASURES = ("own_date", "doc_date", "doc_location", "doc_fatalities")


class _Tally:
    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.d: Counter[str] = Counter()

    def add(self, name: str, ok: bool | None) -> None:
        """Count one comparison; None means "not measurable for this row"."""
        if ok is not None:
            self.d[name] += 1
            self.n[name] += int(ok)

    def ratio(self, name: str) -> Ratio:
        return Ratio(self.n[name], self.d[name])


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _num(value: str | None, kind: type[int] | type[float]) -> Any:
    try:
        return kind(float(value)) if kind is int else kind(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _inter_from_name(name: str, patterns: Sequence[tuple[re.Pattern[str], int]]) -> int | None:
    if not name or name.upper() == "NA":
        return None
    return next((code for pat, code in patterns if pat.search(name)), 2)


def _accepted(old: Mapping[str, Any] | None, inters: Sequence[int | None]) -> frozenset[tuple[str, str]]:
    """The (event type, sub-event type) pairs an old-schema type also covered: its ``accept`` pairs, and its
    ``accept_with_inter`` pairs of the inter codes of the row's own actors (a protester actor: inter 6)."""
    if not old:
        return frozenset()
    pairs = list(old.get("accept", ()))
    for code, more in old.get("accept_with_inter", {}).items():
        if int(code) in inters:
            pairs.extend(more)
    return frozenset((str(t), str(st)) for t, st in pairs)


def read_acled_csv(
    path: str | Path, *, limit: int | None = None, mapping: AcledMapping | None = None
) -> list[AcledRecord]:
    """The rows of an ACLED export (current or pre-2019 schema, any column case) with a note."""
    m = mapping or load_mapping()
    p = Path(path)
    name_inter = [(re.compile(pat), int(code)) for pat, code in m.oracle.get("name_inter", ())]
    try:
        handle = p.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise EvaluationError(f"{p}: cannot read ACLED file: {exc}") from None
    out: list[AcledRecord] = []
    with handle:
        for i, raw in enumerate(csv.DictReader(handle), 2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
            if "event_type" not in row or "notes" not in row:
                raise EvaluationError(f"{p}:{i}: not an ACLED export (needs event_type and notes columns)")
            text = _SIZE_TAG.sub("", row["notes"]).strip()
            if not text:
                continue
            label = row["event_type"]
            old = m.old_schema.get(label.casefold())
            types = frozenset(old["event_types"]) if old else frozenset({label})
            sub = row.get("sub_event_type") or (old.get("sub_event_type") if old else None) or None
            actor1, actor2 = row.get("actor1", ""), row.get("actor2", "")
            inter1, inter2 = _num(row.get("inter1"), int), _num(row.get("inter2"), int)
            if "inter1" not in row:
                inter1, inter2 = _inter_from_name(actor1, name_inter), _inter_from_name(actor2, name_inter)
            out.append(AcledRecord(
                row_id=row.get("event_id_cnty") or row.get("data_id") or f"row{i}",
                text=text,
                event_date=_parse_date(row.get("event_date", "")),
                event_label=label,
                event_types=types,
                sub_event_type=sub,
                fatalities=_num(row.get("fatalities"), int),
                lat=_num(row.get("latitude"), float),
                lon=_num(row.get("longitude"), float),
                inter1=inter1 or None,
                inter2=inter2 or None,
                actor1=actor1 if actor1.upper() != "NA" else "",
                actor2=actor2 if actor2.upper() != "NA" else "",
                accepted=_accepted(old, (inter1, inter2)),
            ))
            if limit is not None and len(out) >= limit:
                break
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _score(tally: _Tally, report: AcledReport, rec: AcledRecord, ev: Event | None) -> None:
    view = ev.acled if ev is not None else None
    gold = " | ".join(sorted(rec.event_types))
    also = view is not None and (view.event_type, view.sub_event_type) in rec.accepted
    tally.add("coverage", view is not None)
    tally.add("event_type", view is not None and (view.event_type in rec.event_types or also))
    pred = view.event_type if view else _NONE
    if view is not None and also and view.event_type not in rec.event_types:
        pred = f"{view.event_type} ({view.sub_event_type}: {_ACCEPTED})"
    report.confusion[(gold, pred)] = report.confusion.get((gold, pred), 0) + 1
    if rec.sub_event_type:
        pred_sub = view.sub_event_type if view else _NONE
        tally.add("sub_event_type", pred_sub == rec.sub_event_type or also)
        if pred_sub != rec.sub_event_type and not also:
            key = (rec.sub_event_type, pred_sub)
            report.sub_confusion[key] = report.sub_confusion.get(key, 0) + 1
    if rec.fatalities is not None:
        tally.add("fatalities", view is not None and view.fatalities == rec.fatalities)
    if rec.interaction is not None:
        tally.add("interaction", view is not None and view.interaction == rec.interaction)


def _score_place(tally: _Tally, rec: AcledRecord, ev: Event | None, doc: Document | None, m: AcledMapping) -> None:
    if rec.event_date is not None:
        own = ev.date if ev is not None else None
        tally.add("own_date", own is not None and own.first == own.last == rec.event_date)
        d = acled_date(doc, ev, m)[0] if ev is not None and doc is not None else None
        tally.add("date", d is not None and d.first == d.last == rec.event_date)
    if rec.lat is not None and rec.lon is not None:
        near = ev is not None and any(
            p.lat is not None and p.lon is not None and _km(p.lat, p.lon, rec.lat, rec.lon) <= _RADIUS_KM
            for p in ev.locations
        )
        tally.add("location", near)


def _score_layers(tally: _Tally, rec: AcledRecord, doc: Document | None, m: AcledMapping) -> None:
    """The document-level ceilings (:data:`_LAYER_MEASURES`); a failed document counts as wrong."""
    if rec.event_date is not None:
        days = [d.value for d in (doc.dates if doc else ()) if d.value is not None]
        tally.add("doc_date", any(v.first == v.last == rec.event_date for v in days))
    if rec.lat is not None and rec.lon is not None:
        tally.add("doc_location", any(
            p.lat is not None and p.lon is not None and _km(p.lat, p.lon, rec.lat, rec.lon) <= _RADIUS_KM
            for p in (doc.places if doc else ())
        ))
    if rec.fatalities is not None:
        ok = False
        if doc is not None:
            cues = m.cues_for(doc.lang)
            said = {c.name for c in cues if c.name in ("killed-vague", "killed-one") and c.pattern.search(doc.text)}
            dead = fatalities(doc.counts, doc.text, cues, vague="killed-vague" in said,
                              vague_value=m.vague_fatalities, one="killed-one" in said)
            ok = dead == rec.fatalities
        tally.add("doc_fatalities", ok)


def _finish(report: AcledReport, tally: _Tally) -> AcledReport:
    for name in (*_MEASURES, *_LAYER_MEASURES):
        setattr(report, name, tally.ratio(name))
    return report


def note_event(events: Sequence[Event]) -> Event | None:
    """The event an ACLED note is about: the first ACLED-coded event it tells (a news lead tells the main
    event first), a strategic development (an arrest, a release, an agreement) only when the note tells no
    violence or demonstration - those are the aftermath ACLED codes under the violent event itself.

    Measured on the four ACLED files (event-type accuracy): highest confidence 0.871 / 0.855 / 0.918 /
    0.736 (Indonesia / Philippines / Myanmar / South-SE Asia 2015), this rule 0.880 / 0.870 / 0.937 / 0.750.
    """
    coded = [e for e in events if e.acled is not None]
    if not coded:
        return None
    return min(coded, key=lambda e: (e.acled is not None and e.acled.event_type == "Strategic developments",
                                     e.trigger.start))


def evaluate_acled(
    csv_path: str | Path, pipeline: Pipeline | None = None, *, limit: int | None = None, lang: str | None = None
) -> AcledReport:
    """Run the pipeline on each ACLED note of ``csv_path`` and compare its ACLED view with ACLED's coding.

    ``pipeline`` defaults to the default configuration; when it has no ``events.acled`` stage the view is
    computed here. ``limit`` takes the first rows (file order); ``lang`` overrides English.
    """
    pipe = pipeline if pipeline is not None else Pipeline()
    mapping = load_mapping()
    has_view = "acled" in pipe.provides
    records = read_acled_csv(csv_path, limit=limit)
    report, tally = AcledReport(source=Path(csv_path).name, kind="pipeline", rows=len(records)), _Tally()
    for rec in records:
        doc = Document(
            doc_id=rec.row_id,
            text=rec.text,
            lang=lang or "en",
            published=rec.event_date + dt.timedelta(days=1) if rec.event_date else None,
            source="ACLED notes",
        )
        try:
            out = pipe(doc)
        except DocumentError:
            report.errors += 1
            out = None
        if out is not None and not has_view:
            out = annotate(out)
        best = note_event(out.events if out is not None else ())
        _score(tally, report, rec, best)
        _score_place(tally, rec, best, out, mapping)
        _score_layers(tally, rec, out, mapping)
    return _finish(report, tally)


def _reverse_table() -> dict[str, dict[str, str]]:
    text = resources.files("peristiwa.acled").joinpath("data/acled_reverse.tsv").read_text("utf-8")
    return {row["sub_event_type"]: row for _, row in read_tsv(text, "acled_reverse.tsv")}


def _oracle_doc(rec: AcledRecord, guess: Mapping[str, str], sectors: Mapping[str, str]) -> Document:
    """The synthetic document of one row: the note as text, the guessed event(s), actors by inter code."""
    whole = Span(0, len(rec.text))

    def actor(name: str, inter: int | None, default: str) -> tuple[Actor, ...]:
        if inter is None:
            return ()
        return (Actor(start=0, end=0, name=name or default, sector=sectors.get(str(inter))),)

    a1, a2 = actor(rec.actor1, rec.inter1, "actor1"), actor(rec.actor2, rec.inter2, "actor2")
    other = rec.inter2
    counts = (Count(start=0, end=0, kind="killed", value=rec.fatalities),) if rec.fatalities else ()
    etype, modes = guess["type"], tuple(m for m in guess["modes"].split("|") if m)
    if etype in ("COERCE", "MOBILIZE", "RETREAT") and rec.inter2 == 1 and rec.inter1 != 1:
        a1, a2 = a2, a1  # the state side acts (ACLED sometimes lists the disrupted group first)
    if etype == "PROTEST" and rec.inter2 in (5, 6) and rec.inter1 not in (5, 6):
        a1, a2, other = a2, a1, rec.inter1  # the demonstrators are the PROTEST's actors
    recipients = () if etype == "PROTEST" else a2
    events = [Event(id="e1", type=etype, modes=modes, trigger=whole, evidence=whole, actors=a1,  # type: ignore[arg-type]
                    recipients=recipients, counts=counts)]
    with_spec = guess.get("with", "")
    if not with_spec and "riot" in modes and a2:
        # rioters either met a force (actor2 armed: crowd control) or attacked actor2 (civilians, rioters)
        with_spec = "ASSAULT:crowd-control" if other in (1, 2, 3, 4, 8) else "ASSAULT:beat>"
    if with_spec:
        wtype, _, wmode = with_spec.rstrip(">").partition(":")
        force = a2 or (Actor(start=0, end=0, name="police", sector="police"),)
        by, against = (a1, a2) if with_spec.endswith(">") else (force, a1)
        events.append(Event(id="e2", type=wtype, modes=(wmode,) if wmode else (), trigger=whole,  # type: ignore[arg-type]
                            evidence=whole, actors=by, recipients=against))
    return Document(doc_id=rec.row_id, text=rec.text, lang="en", events=tuple(events))


def oracle_acled(
    csv_path: str | Path, *, limit: int | None = None, mapping: AcledMapping | None = None
) -> AcledReport:
    """The mapping table alone: ACLED's own sub-event type -> PLOVER guess -> peristiwa's ACLED view.

    Rows whose sub-event type has no PLOVER counterpart ("Other") or that have no sub-event type (old
    schema) are skipped and counted in ``skipped``. Date and location are not measured.
    """
    m = mapping or load_mapping()
    reverse = _reverse_table()
    sectors = dict(m.oracle.get("inter_sectors", {}))
    records = read_acled_csv(csv_path, limit=limit, mapping=m)
    report, tally = AcledReport(source=Path(csv_path).name, kind="oracle", rows=len(records)), _Tally()
    for rec in records:
        guess = reverse.get(rec.sub_event_type or "")
        if guess is None or guess["type"] == "-":
            report.skipped += 1
            continue
        doc = _oracle_doc(rec, guess, sectors)
        decision = resolve_document(doc, m)["e1"]
        ev = doc.events[0]
        _score(tally, report, rec, msgspec.structs.replace(ev, acled=decision.view))
    return _finish(report, tally)


def _fmt(r: Ratio) -> str:
    return "—" if r.value is None else f"{r.value:.3f}"


def render_acled_report(report: AcledReport, *, top: int = 12) -> Table:
    """A rich table: each measure with its counts and target, then the event-type confusion and the most
    frequent sub-event-type confusions."""
    title = f"ACLED {report.kind}: {report.source} ({report.rows} rows"
    title += f", {report.skipped} skipped" if report.skipped else ""
    title += f", {report.errors} errors)" if report.errors else ")"
    table = Table(title=title)
    for col, just in (("measure", "left"), ("value", "right"), ("n / d", "right"), ("target", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for name in _MEASURES:
        r: Ratio = getattr(report, name)
        target = ACLED_TARGETS.get(name)
        table.add_row(name.replace("_", " "), _fmt(r), f"{r.numerator} / {r.denominator}",
                      f"≥ {target:.2f}" if target is not None else "")
    if report.kind == "pipeline":
        table.add_section()
        table.add_row("[b]own date; document layers (no event needed)[/b]", "", "", "")
        for name in _LAYER_MEASURES:
            r = getattr(report, name)
            table.add_row(name.replace("_", " "), _fmt(r), f"{r.numerator} / {r.denominator}", "")
    table.add_section()
    table.add_row("[b]event type: ACLED → predicted[/b]", "", "count", "")
    for (gold, pred), n in sorted(report.confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        mark = "" if pred in gold.split(" | ") or pred.endswith(f"{_ACCEPTED})") else " ✗"
        table.add_row(f"{gold} → {pred}{mark}", "", str(n), "")
    if report.sub_confusion:
        table.add_section()
        table.add_row("[b]sub-event type errors: ACLED → predicted[/b]", "", "count", "")
        for (gold, pred), n in Counter(report.sub_confusion).most_common(top):
            table.add_row(f"{gold} → {pred}", "", str(n), "")
    return table
