"""Numerals in words and digits, Indonesian and English (peristiwa.text.numbers)."""

from __future__ import annotations

import pytest

from peristiwa.langs.en import PACK as EN
from peristiwa.langs.id import PACK as ID
from peristiwa.text.numbers import match_number, number_lexicon, parse_digits, parse_number


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("3.000", 3000, "exact"),
        ("13.255.244.538.149", 13255244538149, "exact"),
        ("3,5 juta", 3500000, "exact"),
        ("1,2 miliar", 1200000000, "exact"),
        ("100 ribu", 100000, "exact"),
        ("20", 20, "exact"),
        ("tiga", 3, "exact"),
        ("dua puluh lima", 25, "exact"),
        ("seratus", 100, "exact"),
        ("sebelas", 11, "exact"),
        ("dua belas", 12, "exact"),
        ("seratus dua puluh tiga", 123, "exact"),
        ("seribu lima ratus", 1500, "exact"),
        ("dua ratus ribu", 200000, "exact"),
        ("satu juta dua ratus ribu", 1200000, "exact"),
        ("belasan", 10, "at_least"),
        ("puluhan", 10, "at_least"),
        ("ratusan", 100, "at_least"),
        ("ribuan", 1000, "at_least"),
        ("jutaan", 1000000, "at_least"),
        ("puluhan ribu", 10000, "at_least"),
        ("ratusan ribu", 100000, "at_least"),
    ],
)
def test_indonesian_numbers(text: str, value: int, qualifier: str) -> None:
    found = parse_number(text, number_lexicon(ID))
    assert found is not None
    assert (found.value, found.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("1,500", 1500, "exact"),
        ("3.5 million", 3500000, "exact"),
        ("two", 2, "exact"),
        ("twenty-five", 25, "exact"),
        ("twenty five", 25, "exact"),
        ("a dozen", 12, "exact"),
        ("two dozen", 24, "exact"),
        ("one hundred and five", 105, "exact"),
        ("a thousand", 1000, "exact"),
        ("dozens", 12, "at_least"),
        ("hundreds", 100, "at_least"),
        ("thousands", 1000, "at_least"),
        ("tens of thousands", 10000, "at_least"),
        ("hundreds of thousands", 100000, "at_least"),
    ],
)
def test_english_numbers(text: str, value: int, qualifier: str) -> None:
    found = parse_number(text, number_lexicon(EN))
    assert found is not None
    assert (found.value, found.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["dua tiga", "07.45", "belas", "puluh", "seribu seribu", ""])
def test_not_one_indonesian_number(text: str) -> None:
    assert parse_number(text, number_lexicon(ID)) is None


@pytest.mark.parametrize("text", ["a", "and", "of", "hundred thousand hundred"])
def test_not_one_english_number(text: str) -> None:
    assert parse_number(text, number_lexicon(EN)) is None


def test_separators_are_pack_data() -> None:
    """The same digits mean different numbers under the id and en conventions."""
    assert parse_digits("1.500", number_lexicon(ID)) == 1500
    assert parse_digits("1.500", number_lexicon(EN)) == 1.5
    assert parse_digits("1,500", number_lexicon(EN)) == 1500
    assert parse_digits("1,5", number_lexicon(ID)) == 1.5
    assert parse_digits("1.2.3", number_lexicon(ID)) is None


def test_match_stops_at_the_first_non_number_word() -> None:
    words = ["sedikitnya", "dua", "puluh", "lima", "orang", "tewas"]
    found = match_number(words, 1, number_lexicon(ID))
    assert found is not None and (found.value, found.length) == (25, 3)
    assert match_number(words, 0, number_lexicon(ID)) is None


def test_weak_and_fractional_numbers_are_marked() -> None:
    lex = number_lexicon(ID)
    one = parse_number("seorang", lex)
    assert one is not None and one.weak and one.value == 1
    half = parse_number("3,5", lex)
    assert half is not None and not half.integral
    assert parse_number("one", number_lexicon(EN)).weak  # type: ignore[union-attr]
    assert not parse_number("one hundred", number_lexicon(EN)).weak  # type: ignore[union-attr]
