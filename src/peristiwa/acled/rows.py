"""ACLED-compatible rows: one dict per ACLED-coded event, with ACLED's column names.

Why: analysts load ACLED exports into tools and notebooks built for ACLED's columns; giving peristiwa's
events the same shape (``event_date``, ``sub_event_type``, ``inter1``, ``interaction``, ``fatalities``...)
lets them put both side by side. Exporters (CSV, Parquet) call :func:`acled_row` / :func:`acled_rows`.

Names follow ACLED's conventions where peristiwa knows the class but not a name: a demonstration's
side is "Protesters (Country)" / "Rioters (Country)" with the named groups as associated actors, victims
without an armed affiliation are "Civilians (Country)", an unnamed perpetrator of organised violence is
"Unidentified Armed Group (Country)" (ACLED Codebook, "Actor Names, Types and Inter Codes").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from ..model import Actor, DateValue, Document, Event, Place, content_hash
from .mapping import AcledMapping, load_mapping, read_tsv
from .resolve import AcledDecision, resolve_document

__all__ = ["ACLED_ROW_COLUMNS", "acled_date", "acled_row", "acled_rows", "geo_precision", "time_precision"]

#: Column order of :func:`acled_row` (ACLED's names; ``time_precision`` as in ACLED exports).
ACLED_ROW_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
)

# ACLED geo_precision: 1 the named town/point, 2 part of a region or a district, 3 only a larger region.
_GEO_PRECISION = {"point": 1, "city": 1, "admin3": 2, "admin2": 2, "admin1": 3, "country": 3}
# ACLED names for sides known only by their inter code.
_GENERIC = {5: "Rioters", 6: "Protesters", 7: "Civilians", 3: "Unidentified Armed Group"}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Alpha-2 -> English name from the actors package's country table (empty when it is not there)."""
    try:
        text = resources.files("peristiwa.actors").joinpath("data/countries.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return {}
    return {row["code"]: row["name"] for _, row in read_tsv(text, "actors/data/countries.tsv") if row.get("name")}


def geo_precision(place: Place | None) -> int | None:
    """ACLED's geo_precision code for a resolved place (None when unknown)."""
    return _GEO_PRECISION.get(place.precision or "") if place is not None else None


def acled_date(doc: Document, event: Event, mapping: AcledMapping | None = None) -> tuple[DateValue | None, bool]:
    """The date (one day) of the event's ACLED row and whether it is inferred from the report's date.

    ACLED gives every event a day: a stretch of time gives its middle (:func:`_acled_day`). peristiwa's
    own ``Event.date`` stays null when the text names no time for the event (GUIDELINE: the published date
    is not a default); the ACLED row then takes the day
    ``undated_report_lag_days`` (``acled.toml``) before publication - news reports yesterday's events -
    and marks it inferred (time_precision 2). Without a publication date there is no row date.
    """
    if event.date is not None:
        return _acled_day(event.date), False
    if doc.published is None:
        return None, False
    m = mapping or load_mapping()
    lag = m.settings.get("undated_report_lag_days")
    if lag is None:
        return None, False
    day = doc.published - dt.timedelta(days=int(lag))
    return DateValue(first=day, last=day, precision="day"), True


def _acled_day(value: DateValue) -> DateValue:
    """The day an ACLED row gives a stretch of time: the middle of a range of days (the later of two middle
    days: "June 22 or 23" is the 23rd, "13-16 March" the 15th), the 15th of a month (ACLED codes an event
    known to the month or the week mid-period, with time_precision 2 or 3); a day stays itself. The row's
    time_precision still tells the stretch (:func:`time_precision` reads ``Event.date``)."""
    if value.first == value.last:
        return value
    if value.precision == "month":
        day = value.first.replace(day=15)
    else:
        day = value.first + dt.timedelta(days=((value.last - value.first).days + 1) // 2)
    return DateValue(first=day, last=day, precision="day")


def time_precision(event: Event, *, inferred: bool = False) -> int | None:
    """ACLED's time_precision: 1 a day, 2 within a week, 3 a month or longer (None without a date).

    A day inferred from the report's date (:func:`acled_date`) is precision 2: it is known to the week."""
    if event.date is None:
        return 2 if inferred else None
    days = (event.date.last - event.date.first).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _side(actors: Sequence[Actor], inter: int | None, country: str | None, generic_only: bool) -> tuple[str, str]:
    """(actor, associated actors) in ACLED's style."""
    names = list(dict.fromkeys(a.name for a in actors))
    generic = _GENERIC.get(inter or 0)
    if generic and (generic_only or not names):
        label = f"{generic} ({country})" if country else generic
        return label, "; ".join(names)
    if not names:
        return "", ""
    return names[0], "; ".join(names[1:])


def acled_row(
    doc: Document,
    event: Event,
    *,
    mapping: AcledMapping | None = None,
    decision: AcledDecision | None = None,
) -> dict[str, object]:
    """The ACLED-named columns (:data:`ACLED_ROW_COLUMNS`) of one event.

    Uses ``event.acled`` when the ``events.acled`` stage set it, else resolves the document. Raises
    ``ValueError`` for an event ACLED does not code (``acled`` None): exporters skip those, or call
    :func:`acled_rows`, which does.
    """
    if decision is None:
        decision = resolve_document(doc, mapping)[event.id]
    view = event.acled or decision.view
    if view is None:
        raise ValueError(f"{doc.doc_id}/{event.id}: not an ACLED event ({decision.note or 'no view'})")
    place = next((p for p in event.locations if p.name or p.lat is not None), None)
    code = next((p.country for p in event.locations if p.country), None)
    country = _country_names().get(code, code) if code else None
    inter1 = decision.inter1
    inter2 = decision.inter2 or None
    gen1 = view.event_type in ("Protests", "Riots")
    gen2 = inter2 == 7 or (view.event_type == "Riots" and inter2 == 5)
    actor1, assoc1 = _side(decision.actor1, inter1, country, gen1)
    actor2, assoc2 = _side(decision.actor2, inter2, country, gen2)
    ident = content_hash(f"{doc.doc_id}/{event.id}")[:10]
    date, inferred = acled_date(doc, event, mapping)
    return {
        "event_id_cnty": f"{code or 'XX'}-{ident}",
        "event_date": date.first.isoformat() if date else None,
        "year": date.first.year if date else None,
        "time_precision": time_precision(event, inferred=inferred),
        "event_type": view.event_type,
        "sub_event_type": view.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2 or 0,
        "interaction": view.interaction,
        "country": country,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": geo_precision(place),
        "source": doc.source,
        "notes": doc.text[event.evidence.start : event.evidence.end],
        "fatalities": view.fatalities,
    }


def acled_rows(doc: Document, mapping: AcledMapping | None = None) -> list[dict[str, object]]:
    """Rows for every ACLED-coded event of ``doc`` (others skipped), in document order."""
    decisions = resolve_document(doc, mapping)
    out = []
    for ev in doc.events:
        d = decisions[ev.id]
        if (ev.acled or d.view) is not None and d.folded_into is None:
            out.append(acled_row(doc, ev, mapping=mapping, decision=d))
    return out
