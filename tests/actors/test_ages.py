"""The ``ages`` entity source: a name with an age in parentheses is a person's (sentences written for the
tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.actors import extract_entities
from peristiwa.langs.base import PackLoader
from peristiwa.model import Document


def _persons(text: str) -> list[tuple[str, str | None]]:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = Document(doc_id="t", text=text, lang="id", published=dt.date(2017, 1, 1))
    return [(doc.text[e.start : e.end], e.name) for e in extract_entities(doc, pack) if e.label == "PER"]


def test_a_name_before_an_age_is_a_person_and_so_are_its_later_uses() -> None:
    found = _persons("Polisi menemukan jasad Wulan (14) di kebun. Wulan dilaporkan hilang sejak Senin.")
    assert found == [("Wulan", "Wulan"), ("Wulan", "Wulan")]


@pytest.mark.parametrize(("text", "name"), [
    ("Korban Wulan (14) ditemukan di kebun.", "Wulan"),  # a common word opens the phrase, not the name
    ("Pelaku Dimas Saputra (21 tahun) ditangkap.", "Dimas Saputra"),  # a unit word in the parentheses
])
def test_the_name_is_cut_from_what_stands_before_it(text: str, name: str) -> None:
    assert (name, name) in _persons(text)


def test_known_names_and_initials_are_not_taken_as_names() -> None:
    assert _persons("Kursi Golkar (17) bertambah.") == []  # a known alias
    assert [name for _, name in _persons("Tersangka AR (37) diperiksa.")] == ["AR"]  # the initials source's
