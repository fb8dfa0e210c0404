"""Counts without a numeral (one named or aged victim), nominalised cues, collective numerals, presence."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

STAGES = ["segment.sentences", "segment.tokens", "extract.dates", "extract.counts"]
Row = tuple[str, str, int, str, str | None]


@pytest.fixture(scope="module")
def count_pipeline() -> Pipeline:
    return Pipeline(Config.load(overrides={"pipeline": {"stages": STAGES}}))


def _counts(pipe: Pipeline, text: str, lang: str = "id") -> list[Row]:
    doc = pipe(Document(doc_id="t", text=text, lang=lang, published=dt.date(2019, 3, 7)))
    return [(doc.text[c.start : c.end], c.kind, c.value, c.qualifier, c.object) for c in doc.counts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before an intransitive or passive cue, through an age in brackets and "yang"
        ("Komandan milisi itu, Ahmad Rasyid (41), yang tewas dalam baku tembak, dimakamkan kemarin.",
         [("Ahmad Rasyid", "killed", 1, "exact", "Ahmad Rasyid")]),
        ("Menurut polisi, Joko Santoso akhirnya meninggal di rumah sakit.",
         [("Joko Santoso", "killed", 1, "exact", "Joko Santoso")]),
        # a name after a transitive cue
        ("Kelompok itu dituduh berencana membunuh Siti Rahma di Medan.",
         [("Siti Rahma", "killed", 1, "exact", "Siti Rahma")]),
        ("Racun itu dipakai untuk membunuh Lee Min - ho, kata jaksa.",
         [("Lee Min - ho", "killed", 1, "exact", "Lee Min - ho")]),
        # a noun phrase with one age
        ("Petani lain berusia 30 tahunan dilaporkan tewas setelah dipukuli.",
         [("Petani lain", "killed", 1, "exact", "Petani lain")]),
        # nominalised -nya cues take their count after them
        ("Kabar meninggalnya seorang guru di desa itu mengejutkan warga.",
         [("seorang guru", "killed", 1, "exact", "guru")]),
        ("Tewasnya dua polisi memicu operasi besar.", [("dua polisi", "killed", 2, "exact", "polisi")]),
        ("Ditangkapnya lima tersangka diumumkan Senin.", [("lima tersangka", "arrested", 5, "exact", "tersangka")]),
        # collective numerals open a noun phrase; intercepted goods are seized
        ("Kedua kapal kargo itu berhasil dicegat di perairan Natuna.",
         [("Kedua kapal kargo", "seized", 2, "exact", "kapal kargo")]),
    ],
)
def test_counts_without_numerals(count_pipeline: Pipeline, text: str, expected: list[Row]) -> None:
    assert _counts(count_pipeline, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Warga tewas dalam serangan itu.",  # a bare common noun: number unknown
        "Rudi dan Wawan tewas ditembak.",  # two names: the single reading is out
        "Polisi menangkap Budi Hartono kemarin.",  # arrests of a named person carry no count
        "Para demonstran berusia 20 tahunan tewas.",  # "para" marks a plural
        "Pada hari kedua kapal itu dicegat.",  # "hari kedua": an ordinal
        "Hampir 300 murid ada di gedung itu ketika bom ditemukan.",  # presence, not an event's number
        "Ia tewas setelah ditembak.",  # a pronoun: no count (left to the event's own rules)
    ],
)
def test_no_single_count(count_pipeline: Pipeline, text: str) -> None:
    assert _counts(count_pipeline, text) == []


def test_single_does_not_double_a_numeral(count_pipeline: Pipeline) -> None:
    assert _counts(count_pipeline, "Seorang remaja berusia 16 tahun tewas tertembak.") == [
        ("Seorang remaja", "killed", 1, "exact", "remaja")
    ]
    assert _counts(count_pipeline, "Dua orang, Andi (30) dan Beni (25), tewas.") == [
        ("Dua orang", "killed", 2, "exact", "orang")
    ]


@pytest.mark.parametrize(
    "text",
    ["Andi (30) dan Beni (25) tewas.", "Andi (30), Beni (25), tewas di lokasi."],
)
def test_listed_names_are_not_one(count_pipeline: Pipeline, text: str) -> None:
    assert _counts(count_pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("One soldier was killed while one other was wounded in the clash.", "en",
         [("killed", 1), ("injured", 1)]),
        ("Two rebels were killed, while 10 other soldiers were wounded.", "en", [("killed", 2), ("injured", 10)]),
        ("Dua polisi tewas, sementara tiga warga luka-luka.", "id", [("killed", 2), ("injured", 3)]),
    ],
)
def test_clause_boundaries_separate_cues(count_pipeline: Pipeline, text: str, lang: str,
                                         expected: list[tuple[str, int]]) -> None:
    assert [(r[1], r[2]) for r in _counts(count_pipeline, text, lang)] == expected


def test_breakdown_of_a_total_is_dropped(count_pipeline: Pipeline) -> None:
    rows = _counts(count_pipeline, "Lima orang tewas, dua dari Medan, dua dari Binjai dan satu orang dari Deli.")
    assert [(r[1], r[2]) for r in rows] == [("killed", 5)]
    rows = _counts(count_pipeline, "Six people were killed: four soldiers and two civilians.", "en")
    assert [(r[1], r[2]) for r in rows] == [("killed", 6)]


def test_existential_counts(count_pipeline: Pipeline) -> None:
    assert _counts(count_pipeline, "Di dalamnya terdapat empat bidang kerja.") == []
    assert [(r[1], r[2]) for r in _counts(count_pipeline, "Sekarang ada 50 yang ditutup.")] == [("other", 50)]
