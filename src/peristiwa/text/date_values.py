"""Calendar values of date expressions: weeks, months, years, and the reading of an ambiguous day.

Why apart from :mod:`peristiwa.text.dates`: these are the guideline's rules for *which* day a written date
means ("Rabu 7/1)" published on Wednesday 2015-10-07 is 7 October; "6 Oktober" without a year is the one
nearest publication), independent of how the expressions are found; the date finder, the ACLED view and
the tests use them directly.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable

from ..model import DateValue

__all__ = [
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "YEAR_WINDOW_AFTER",
    "YEAR_WINDOW_BEFORE",
    "add_months",
    "calendar_date",
    "day_value",
    "month_value",
    "narrow",
    "pick_year",
    "relative_value",
    "resolve_day_month",
    "resolve_numeric",
    "week_of",
    "year_value",
]

#: How far from publication a date may lie before a numeric reading is doubted (days).
WINDOW_BEFORE = 183
WINDOW_AFTER = 62
#: Window used to choose the year of "6 Oktober" / "Mei" written without one (days).
YEAR_WINDOW_BEFORE = 330
YEAR_WINDOW_AFTER = 62



# ---------------------------------------------------------------------------------------------- values


def day_value(day: dt.date) -> DateValue:
    """One calendar day."""
    return DateValue(day, day, "day")


def week_of(day: dt.date, offset: int = 0) -> DateValue:
    """The Monday-Sunday week containing ``day``, shifted by ``offset`` weeks."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
    return DateValue(monday, monday + dt.timedelta(days=6), "week")


def month_value(year: int, month: int) -> DateValue:
    """The whole of one month."""
    last = calendar.monthrange(year, month)[1]
    return DateValue(dt.date(year, month, 1), dt.date(year, month, last), "month")


def year_value(year: int) -> DateValue:
    """The whole of one year."""
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` shifted by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _distance(value: DateValue, ref: dt.date) -> int:
    """Signed days from ``ref`` to the nearest edge of ``value`` (0 when it contains ``ref``)."""
    if value.last < ref:
        return (value.last - ref).days
    if value.first > ref:
        return (value.first - ref).days
    return 0


def _in_window(value: DateValue, ref: dt.date, before: int, after: int) -> bool:
    return -before <= _distance(value, ref) <= after


# ------------------------------------------------------------------------------------------ resolution


def pick_year(
    make: Callable[[int], DateValue | None], published: dt.date, marker: str | None, weekday: int | None = None
) -> tuple[DateValue | None, str | None]:
    """Choose among the readings in the years around publication (``make(year) -> DateValue | None``)."""
    cands = [v for v in (make(published.year + k) for k in (-1, 0, 1)) if v is not None]
    if not cands:
        return None, None
    if marker == "past":
        past = [v for v in cands if v.first <= published]
        return (max(past, key=lambda v: v.first) if past else cands[0]), None
    if marker == "future":
        future = [v for v in cands if v.last >= published]
        return (min(future, key=lambda v: v.first) if future else cands[-1]), None
    if marker == "current":
        same = [v for v in cands if v.first.year == published.year]
        return (same[0] if same else cands[0]), None
    pool = cands
    if weekday is not None:
        fitting = [v for v in cands if v.first.isoweekday() == weekday]
        pool = fitting or cands
    near = [v for v in pool if _in_window(v, published, YEAR_WINDOW_BEFORE, YEAR_WINDOW_AFTER)]
    best = min(near or pool, key=lambda v: abs(_distance(v, published)))
    return best, "year inferred from publication date"


def resolve_day_month(
    day: int, month: int, published: dt.date, *, weekday: int | None = None, marker: str | None = None
) -> tuple[dt.date | None, str | None]:
    """The year-less date "6 Oktober" as a full date near ``published`` (respecting "lalu"/"depan").

    >>> resolve_day_month(15, 12, dt.date(2018, 1, 18))
    (datetime.date(2017, 12, 15), 'year inferred from publication date')
    """

    def make(year: int) -> DateValue | None:
        d = calendar_date(year, month, day)
        return day_value(d) if d else None

    value, note = pick_year(make, published, marker, weekday)
    return (value.first if value else None), note


def _edits(text: str) -> Iterable[str]:
    """Readings of a 1-2 digit number with one digit dropped, added or changed."""
    digits = "0123456789"
    for i in range(len(text)):
        yield text[:i] + text[i + 1 :]
        for c in digits:
            yield text[:i] + c + text[i + 1 :]
    for i in range(len(text) + 1):
        for c in digits:
            yield text[:i] + c + text[i:]


def resolve_numeric(
    first: str,
    second: str,
    year: str | None,
    weekday: int | None,
    published: dt.date | None,
    order: str = "dmy",
) -> tuple[dt.date | None, str | None]:
    """Resolve a numeric date ("6/10", "13/09/2016") with its optional weekday against publication.

    The written reading stands when it is a valid date, fits the weekday and lies near publication (a
    written four-digit year with a matching weekday always stands). Otherwise the readings with day and
    month swapped or one digit dropped/added/changed that fit the weekday and lie near publication are
    tried, nearest first; when none fits, the written date is kept with a note.

    >>> resolve_numeric("7", "1", None, 3, dt.date(2015, 10, 7))
    (datetime.date(2015, 10, 7), 'read 7/1 as 7/10 (weekday and publication date)')
    """
    d_txt, m_txt = (first, second) if order == "dmy" else (second, first)
    y_val: int | None = None
    if year:
        y_val = int(year) + (2000 if len(year) == 2 else 0)

    def literal(dd: int, mm: int) -> dt.date | None:
        if y_val is not None:
            return calendar_date(y_val, mm, dd)
        if published is None or not (1 <= mm <= 12):
            return None
        return resolve_day_month(dd, mm, published, weekday=weekday)[0]

    written = literal(int(d_txt), int(m_txt))
    if published is None:
        return written, None if written else "invalid date"

    def fits(day: dt.date | None, strict_window: bool = True) -> bool:
        if day is None or (weekday is not None and day.isoweekday() != weekday):
            return False
        if not strict_window:
            return True
        return -WINDOW_BEFORE <= (day - published).days <= WINDOW_AFTER

    if written is not None:
        if fits(written) or (y_val is not None and weekday is not None and fits(written, strict_window=False)):
            return written, None
        if weekday is None and y_val is not None:
            return written, None
    # alternatives: swapped, then single-digit edits of day or month
    alts: list[tuple[int, int, dt.date, str]] = []
    seen: set[tuple[int, int]] = {(int(d_txt), int(m_txt))}

    def consider(dd_txt: str, mm_txt: str, cost: int) -> None:
        if not dd_txt or not mm_txt or len(dd_txt) > 2 or len(mm_txt) > 2:
            return
        key = (int(dd_txt), int(mm_txt))
        if key in seen:
            return
        seen.add(key)
        day = literal(*key)
        if fits(day):
            assert day is not None
            alts.append((cost, abs((day - published).days), day, f"{dd_txt}/{mm_txt}"))

    consider(m_txt, d_txt, 1)
    if weekday is not None:  # digit edits only when a weekday confirms the reading
        for dd in _edits(d_txt):
            consider(dd, m_txt, 2)
        for mm in _edits(m_txt):
            consider(d_txt, mm, 2)
    if alts:
        alts.sort(key=lambda a: (a[1] > 31, a[1], a[0]))
        _, _, day, reading = alts[0]
        why = "weekday and publication date" if weekday is not None else "publication date"
        return day, f"read {first}/{second} as {reading} ({why})"
    if written is None:
        return None, "invalid date"
    if weekday is not None and written.isoweekday() != weekday:
        return written, "weekday does not match the date"
    return written, "far from the publication date"


def relative_value(kind: str, off: int, unit: str, n: int, pub: dt.date) -> DateValue:
    """The value of a relative expression of ``kind`` (``date_words.toml`` ``[[relative]]`` types) counted
    from publication ``pub``: ``off`` units for day/week/month/year/weekend, ``n`` ``unit`` for last/ago."""
    if kind == "day":
        return day_value(pub + dt.timedelta(days=off))
    if kind == "week":
        return week_of(pub, off)
    if kind in ("weekend", "recent_weekend"):
        saturday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=5)
        if kind == "recent_weekend":
            if pub < saturday:
                saturday -= dt.timedelta(days=7)
        else:
            saturday += dt.timedelta(weeks=off)
        return DateValue(saturday, saturday + dt.timedelta(days=1), "range")
    if kind == "month":
        first = add_months(pub.replace(day=1), off)
        return month_value(first.year, first.month)
    if kind == "year":
        return year_value(pub.year + off)
    if kind == "last":
        if unit in ("day", "week"):
            start = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
        else:
            start = add_months(pub, -n * (12 if unit == "year" else 1))
        return DateValue(start, pub, "range")
    # ago
    if unit in ("day", "week"):
        return day_value(pub - dt.timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "month":
        back = add_months(pub.replace(day=1), -n)
        return month_value(back.year, back.month)
    return year_value(pub.year - n)


def narrow(value: DateValue, part: int) -> DateValue:
    """The first, middle or last third of a month or year ("awal bulan ini", "akhir 2016")."""
    if value.precision == "month":
        bounds = ((1, 10), (11, 20), (21, value.last.day))[part - 1]
        return DateValue(value.first.replace(day=bounds[0]), value.first.replace(day=bounds[1]), "range")
    months = ((1, 4), (5, 8), (9, 12))[part - 1]
    year = value.first.year
    return DateValue(dt.date(year, months[0], 1), month_value(year, months[1]).last, "range")
