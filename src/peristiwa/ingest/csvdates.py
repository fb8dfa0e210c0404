"""Dates as spreadsheets and CSV dumps write them, and the day/month order of one file.

Why a file-level decision: ``03/04/2025`` is 3 April for a day-first writer and 4 March for a month-first
one, and nothing in the value says which. The rows of one file come from one exporter, so the order is
decided once per file from its own unambiguous rows (``20/10/2025`` can only be day-first, ``10/20/2025``
only month-first) and applied to every ambiguous row, instead of guessing row by row and mixing orders.

Order of attempts for one value: ISO (``2019-04-10``, ``2019-04-10 10:00:00``, ``20190410``), year-first
numeric (``2019/4/10``), day/month numeric with a 4- or 2-digit year and an optional time
(``10/20/2025 21:36``, ``20.10.2025``), then, only for values with letters, RFC 822 and dateparser in the
configured languages (``Senin, 20 Okt 2025 21:36 WIB``, ``Oct 20, 2025``) with day, month and year all
required. dateparser is slow, so it never sees numeric values and its answers are cached per file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .build import parse_iso_date, parse_written_date

__all__ = ["DAY_FIRST", "MONTH_FIRST", "DateOrder", "NumericDate", "read_date"]

MONTH_FIRST = "month-first"
DAY_FIRST = "day-first"

# the date must be the whole value or be followed by a separator (a time, a zone, a weekday...)
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?=$|[\sT,])")
_YEAR_FIRST = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?=$|[\sT,])")
_LETTER = re.compile(r"[^\W\d_]")
_CACHE_SIZE = 4096


@dataclass(frozen=True)
class NumericDate:
    """``a/b/year`` as written, before the file's day/month order is known."""

    a: int
    b: int
    year: int

    def hint(self) -> str | None:
        """The only order this value can be read in, or None when both (or neither) are possible."""
        if self.a > 12 >= self.b:
            return DAY_FIRST
        if self.b > 12 >= self.a:
            return MONTH_FIRST
        return None

    def resolve(self, order: str) -> dt.date | None:
        """The calendar date in ``order``; None when that order makes no date (month 13, 31 June)."""
        month, day = (self.a, self.b) if order == MONTH_FIRST else (self.b, self.a)
        try:
            return dt.date(self.year, month, day)
        except ValueError:
            return None


def _year(text: str) -> int:
    """A 2-digit year as strptime's ``%y`` reads it: 69-99 are 19xx, 00-68 are 20xx."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def read_date(
    value: str, languages: Sequence[str] = ("id", "en"), cache: dict[str, dt.date | None] | None = None
) -> dt.date | NumericDate | None:
    """The date written in ``value``: a date, a :class:`NumericDate` awaiting the file's order, or None.

    >>> read_date("2019-04-10 10:00:00"), read_date("10/20/2025 21:36")
    (datetime.date(2019, 4, 10), NumericDate(a=10, b=20, year=2025))
    """
    text = value.strip()
    if not text:
        return None
    iso = parse_iso_date(text)
    if iso is not None:
        return iso
    m = _YEAR_FIRST.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _NUMERIC.match(text)
    if m:
        return NumericDate(int(m[1]), int(m[2]), _year(m[3]))
    if not _LETTER.search(text) or not any(c.isdigit() for c in text):
        return None
    if cache is not None and text in cache:
        return cache[text]
    found = parse_written_date(text, languages, require_day=True)
    if cache is not None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[text] = found
    return found


class DateOrder:
    """The day/month order of one file's numeric dates: forced by configuration or decided by its rows.

    ``setting`` is ``auto``, ``month-first`` or ``day-first`` (``ingest.csv.date_order``).
    """

    def __init__(self, setting: str = "auto") -> None:
        self.order: str | None = None if setting == "auto" else setting
        self.why = "set by ingest.csv.date_order" if self.order else ""
        self.assumed = False

    def learn(self, date: NumericDate, where: str) -> bool:
        """Decide the order from ``date`` when it is the first unambiguous one; True when it decided now."""
        hint = date.hint()
        if self.order is not None or hint is None or date.resolve(hint) is None:
            return False  # an impossible date ("45/03/2025") decides nothing
        self.order = hint
        self.why = f"as {where} shows"
        return True

    def assume(self) -> None:
        """No row decided: month-first, and every ambiguous date read so will say so."""
        if self.order is None:
            self.order = MONTH_FIRST
            self.assumed = True
            self.why = "assumed: no row of the file decided (set ingest.csv.date_order)"

    def resolve(self, date: NumericDate, raw: str, warnings: list[str]) -> dt.date | None:
        """The date in the file's order (assumed month-first if still undecided), warnings appended."""
        if self.order is None:
            self.assume()
        order = self.order or MONTH_FIRST
        hint = date.hint()
        shown = raw.strip()[:40]
        if hint is not None and hint != order:
            warnings.append(f"date {shown!r} can only be {hint} but this file reads {order} ({self.why})")
            order = hint
        elif hint is None and self.assumed and date.a != date.b:
            warnings.append(f"ambiguous date {shown!r} read {order} ({self.why})")
        found = date.resolve(order)
        if found is None:
            warnings.append(f"published {shown!r} is not a valid date; ignored")
        return found
