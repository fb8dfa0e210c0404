"""Date expressions found and resolved against publication (peristiwa.text.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.langs.en import PACK as EN
from peristiwa.langs.id import PACK as ID
from peristiwa.model import DateValue
from peristiwa.text.dates import date_grammar, find_dates, resolve_day_month, resolve_numeric, week_of

PUB_ID = dt.date(2015, 10, 7)  # a Wednesday (the seed's publication date)
PUB_EN = dt.date(2020, 11, 11)  # a Wednesday

Gold = str | dict[str, str]


def _found(text: str, pack: object, published: dt.date | None) -> list[tuple[str, Gold | None]]:
    return [
        (text[m.start : m.end], m.value.to_gold() if m.value else None)
        for m in find_dates(text, published, date_grammar(pack))
    ]


def _week(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Selasa (6/10)", "Selasa (6/10)", "2015-10-06"),
        ("tulis kantor berita, Rabu 7/10, mengutip", "Rabu 7/10", "2015-10-07"),
        ("Namun pada Selasa 6 Oktober Amerika menolak", "Selasa 6 Oktober", "2015-10-06"),
        ("pada 6 Oktober", "6 Oktober", "2015-10-06"),
        ("pada 6 Oktober 2015", "6 Oktober 2015", "2015-10-06"),
        ("pada Oktober 2015", "Oktober 2015", "2015-10"),
        ("ia tiba kemarin", "kemarin", "2015-10-06"),
        ("hari ini", "hari ini", "2015-10-07"),
        ("pada Senin lalu", "Senin lalu", "2015-10-05"),
        ("Senin (5/10) lalu", "Senin (5/10) lalu", "2015-10-05"),
        ("pertemuan pekan lalu", "pekan lalu", _week("2015-09-28", "2015-10-04")),
        ("pertemuan minggu lalu", "minggu lalu", _week("2015-09-28", "2015-10-04")),
        ("Sudah hampir sepekan Rusia", "hampir sepekan", _week("2015-09-30", "2015-10-07")),
        ("selama sepekan", "sepekan", _week("2015-09-30", "2015-10-07")),
        ("dua hari lalu", "dua hari lalu", "2015-10-05"),
        ("2 hari yang lalu", "2 hari yang lalu", "2015-10-05"),
        ("dua hari yang lalu", "dua hari yang lalu", "2015-10-05"),
        ("awal bulan ini", "awal bulan ini", _week("2015-10-01", "2015-10-10")),
        ("bulan lalu", "bulan lalu", "2015-09"),
        ("tahun lalu", "tahun lalu", "2014"),
        ("pada akhir pekan", "akhir pekan", _week("2015-10-03", "2015-10-04")),
        ("tadi malam", "tadi malam", "2015-10-06"),
        ("malam tadi", "malam tadi", "2015-10-06"),
        ("pagi tadi", "pagi tadi", "2015-10-07"),
        ("pada Rabu", "Rabu", "2015-10-07"),
        ("Rabu lalu", "Rabu lalu", "2015-09-30"),
        ("pada Kamis", "Kamis", "2015-10-01"),
        ("Kamis depan", "Kamis depan", "2015-10-08"),
        ("17 Oktober tahun lalu", "17 Oktober tahun lalu", "2014-10-17"),
        ("pada Mei lalu", "Mei lalu", "2015-05"),
        ("pada 2010 lalu", "2010 lalu", "2010"),
        ("sejak tahun 2014", "sejak tahun 2014", _week("2014-01-01", "2015-10-07")),
        ("sejak 8 Juli", "sejak 8 Juli", _week("2015-07-08", "2015-10-07")),
        ("1 Januari 2010 hingga 30 Juni 2016", "1 Januari 2010 hingga 30 Juni 2016", _week("2010-01-01", "2016-06-30")),
        ("selama dua bulan terakhir", "dua bulan terakhir", _week("2015-08-07", "2015-10-07")),
        ("pada awal 2016 silam", "awal 2016 silam", _week("2016-01-01", "2016-04-30")),
        ("Kamis (9/10/2025)", "Kamis (9/10/2025)", "2025-10-09"),
        ("Selasa (13/09/2016)", "Selasa (13/09/2016)", "2016-09-13"),
        ("tiga tahun lalu", "tiga tahun lalu", "2012"),
        ("6-8 Oktober", "6-8 Oktober", _week("2015-10-06", "2015-10-08")),
        ("bulan November tahun ini", "bulan November tahun ini", "2015-11"),
        ("Rabu, 15 Oktober 2025, pukul 08.30", "Rabu, 15 Oktober 2025", "2025-10-15"),
        ("pada 6 Okt 2015", "6 Okt 2015", "2015-10-06"),
        ("Ia datang Minggu lalu.", "Minggu lalu", "2015-10-04"),
        ("Minggu lalu, ia datang.", "Minggu lalu", _week("2015-09-28", "2015-10-04")),
        ("saat ini", "saat ini", "2015-10-07"),
    ],
)
def test_indonesian_dates(text: str, span: str, value: Gold) -> None:
    assert _found(text, ID, PUB_ID) == [(span, value)]


@pytest.mark.parametrize(
    "text",
    [
        "UU Nomor 11 Tahun 2008 tentang ITE",
        "Perintah Presiden Nomor 66 tahun 2025",
        "Kodim 0830/Surabaya",
        "Nomor 100.3.3.3/142/436.1.2/2025",
        "pria berusia 32 tahun ini akan menikah",
        "sepekan setelah ledakan",
        "kemarin-kemarin",
        "seperti Mei dan Juni",  # bare month names without a date context
        "pukul 07.45 WIB",
    ],
)
def test_not_indonesian_dates(text: str) -> None:
    assert _found(text, ID, PUB_ID) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("On 6 November 2020, troops", "6 November 2020", "2020-11-06"),
        ("on Tuesday", "Tuesday", "2020-11-10"),
        ("on Wednesday", "Wednesday", "2020-11-11"),
        ("last week", "last week", _week("2020-11-02", "2020-11-08")),
        ("yesterday", "yesterday", "2020-11-10"),
        ("last month", "last month", "2020-10"),
        ("November 6", "November 6", "2020-11-06"),
        ("on November 6, 2020", "November 6, 2020", "2020-11-06"),
        ("the 6th of November", "the 6th of November", "2020-11-06"),
        ("in October last year", "October last year", "2019-10"),
        ("last Tuesday", "last Tuesday", "2020-11-10"),
        ("early October", "early October", _week("2020-10-01", "2020-10-10")),
        ("since 2015", "since 2015", _week("2015-01-01", "2020-11-11")),
        ("two days ago", "two days ago", "2020-11-09"),
        ("over the weekend", "over the weekend", _week("2020-11-07", "2020-11-08")),
        ("late last month", "late last month", _week("2020-10-21", "2020-10-31")),
        ("On November 2 or 3, troops", "November 2 or 3", _week("2020-11-02", "2020-11-03")),
        ("On November 2-4, troops", "November 2-4", _week("2020-11-02", "2020-11-04")),
        ("On July 2 or 3, 2019, police", "July 2 or 3, 2019", _week("2019-07-02", "2019-07-03")),
        ("arrested on November 5 - 2 fled", "November 5", "2020-11-05"),
    ],
)
def test_english_dates(text: str, span: str, value: Gold) -> None:
    assert _found(text, EN, PUB_EN) == [(span, value)]


@pytest.mark.parametrize("text", ["at least 20 may have died", "May I ask", "Article 5 No. 12 year 2008"])
def test_not_english_dates(text: str) -> None:
    assert _found(text, EN, PUB_EN) == []


def test_malformed_seed_date_is_read_by_weekday_and_publication() -> None:
    """ "Rabu 7/1)" published Wednesday 2015-10-07: 7 January (also a Wednesday) is nine months off."""
    day, note = resolve_numeric("7", "1", None, 3, PUB_ID)
    assert day == dt.date(2015, 10, 7)
    assert note and "7/10" in note
    assert _found("Ria Novosti, Rabu 7/1), mengutip", ID, PUB_ID) == [("Rabu 7/1)", "2015-10-07")]


def test_numeric_dates_keep_the_written_reading_when_nothing_fits() -> None:
    day, note = resolve_numeric("15", "6", None, 7, dt.date(2025, 10, 9))  # Minggu (15/6): a Sunday
    assert day == dt.date(2025, 6, 15) and note is None
    day, note = resolve_numeric("6", "10", None, 2, PUB_ID)
    assert day == dt.date(2015, 10, 6)
    day, note = resolve_numeric("31", "2", None, None, PUB_ID)  # no such day and no weekday to guide
    assert day is None or day != dt.date(2015, 2, 28)


def test_swapped_day_and_month_when_the_weekday_says_so() -> None:
    day, _ = resolve_numeric("10", "6", None, 2, PUB_ID)  # Selasa 10/6 in October: 6 October is a Tuesday
    assert day == dt.date(2015, 10, 6)


def test_year_of_a_day_month_is_the_one_nearest_publication() -> None:
    assert resolve_day_month(15, 12, dt.date(2018, 1, 18))[0] == dt.date(2017, 12, 15)
    assert resolve_day_month(31, 1, dt.date(2018, 1, 18))[0] == dt.date(2018, 1, 31)
    assert resolve_day_month(1, 9, dt.date(2017, 9, 13), marker="past")[0] == dt.date(2017, 9, 1)
    assert resolve_day_month(14, 7, dt.date(2017, 4, 10))[0] == dt.date(2016, 7, 14)


def test_week_is_monday_to_sunday() -> None:
    assert week_of(PUB_ID, -1) == DateValue(dt.date(2015, 9, 28), dt.date(2015, 10, 4), "week")


def test_without_publication_date_relative_expressions_stay_unresolved() -> None:
    found = find_dates("kemarin dan 6 Oktober 2015", None, date_grammar(ID))
    assert (found[0].value, found[0].relative) == (None, True)
    assert found[1].value == DateValue(dt.date(2015, 10, 6), dt.date(2015, 10, 6), "day")


def test_huge_offsets_do_not_crash() -> None:
    found = find_dates("sekitar 5000 tahun lalu", PUB_ID, date_grammar(ID))
    assert found and found[0].value is None


@pytest.mark.parametrize(("pack", "month"), [(EN, "May"), (ID, "Mei")])
def test_digit_patterns_test_the_character_before_their_first_digit(pack: object, month: str) -> None:
    """The day, numeric and year patterns open with their digits and look back for a glued character: a
    digit after a letter, a slash, a period or a comma opens no date; after a space or a bracket it does."""
    g = date_grammar(pack)
    text = (f"x12/3 .12/3 (12/3) a5 {month} 2019 ,5 {month} 2019 (5 {month}) x1999 /2001 .2001 -2001 (1999)"
            " 2001-2003")
    assert [m.group("a") for m in g.numeric_re.finditer(text)] == ["12"]
    assert [m.group("d") for m in g.dmy_re.finditer(text)] == ["5"]
    assert [m.group("y") for m in g.year_re.finditer(text)] == ["2019", "2019", "1999", "2001"]
    assert g.year_re.match("1999 ") is not None and g.numeric_re.match("1/2 ") is not None
