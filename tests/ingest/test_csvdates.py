"""Spreadsheet dates: ISO first, numeric forms, worded dates, and one day/month order per file."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.ingest.csvdates import DAY_FIRST, MONTH_FIRST, DateOrder, NumericDate, read_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-10", dt.date(2019, 4, 10)),
        ("2019-04-10 10:00:00", dt.date(2019, 4, 10)),
        ("2019-04-10T10:00:00+07:00", dt.date(2019, 4, 10)),
        ("2019/4/10", dt.date(2019, 4, 10)),
        ("10/20/2025 21:36", NumericDate(10, 20, 2025)),
        ("20.10.2025", NumericDate(20, 10, 2025)),
        ("3/4/25", NumericDate(3, 4, 2025)),
        ("Senin, 20 Okt 2025 21:36 WIB", dt.date(2025, 10, 20)),
        ("Oct 20, 2025", dt.date(2025, 10, 20)),
        ("Mon, 20 Oct 2025 21:36:00 +0700", dt.date(2025, 10, 20)),
        ("", None),
        ("n/a", None),
        ("2025", None),
        ("Oktober 2025", None),  # no day: not a publication date
        ("2019-13-45", None),
        ("Mon, 20 Oct 99999999999 21:36:00 +0700", None),  # overflows the RFC 822 reader
    ],
)
def test_read_date(value: str, expected: object) -> None:
    assert read_date(value, ["id", "en"]) == expected


def test_numeric_hints() -> None:
    assert NumericDate(20, 10, 2025).hint() == DAY_FIRST
    assert NumericDate(10, 20, 2025).hint() == MONTH_FIRST
    assert NumericDate(3, 4, 2025).hint() is None
    assert NumericDate(31, 6, 2025).resolve(DAY_FIRST) is None  # 31 June does not exist


def test_order_learned_from_the_first_unambiguous_row() -> None:
    order = DateOrder()
    assert not order.learn(NumericDate(3, 4, 2025), "row 1")
    assert order.learn(NumericDate(25, 12, 2025), "row 2") and order.order == DAY_FIRST
    assert not order.learn(NumericDate(12, 25, 2025), "row 3")  # decided once; a contradiction only warns
    warnings: list[str] = []
    assert order.resolve(NumericDate(3, 4, 2025), "03/04/2025", warnings) == dt.date(2025, 4, 3)
    assert order.resolve(NumericDate(12, 25, 2025), "12/25/2025", warnings) == dt.date(2025, 12, 25)
    assert len(warnings) == 1 and "can only be month-first" in warnings[0] and "row 2" in warnings[0]


def test_undecided_order_is_month_first_with_a_warning() -> None:
    order = DateOrder()
    warnings: list[str] = []
    assert order.resolve(NumericDate(3, 4, 2025), "03/04/2025", warnings) == dt.date(2025, 3, 4)
    assert order.resolve(NumericDate(5, 5, 2025), "05/05/2025", warnings) == dt.date(2025, 5, 5)
    assert len(warnings) == 1 and "ambiguous" in warnings[0]  # 05/05 reads the same either way


def test_configured_order_wins() -> None:
    order = DateOrder(DAY_FIRST)
    assert not order.learn(NumericDate(10, 20, 2025), "row 1") and order.order == DAY_FIRST
    warnings: list[str] = []
    assert order.resolve(NumericDate(3, 4, 2025), "03/04/2025", warnings) == dt.date(2025, 4, 3)
    assert warnings == []


def test_an_impossible_date_decides_no_order() -> None:
    order = DateOrder()
    assert not order.learn(NumericDate(45, 3, 2025), "row 5")  # no 45th day: no evidence of day-first
    assert order.learn(NumericDate(3, 14, 2025), "row 6") and order.order == MONTH_FIRST
