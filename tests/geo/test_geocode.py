"""Geocoding (geo.places) on the seed and on Indonesian admin examples; actors are not places."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.model import Document, Place
from peristiwa.pipeline import Pipeline

_STAGES = ("segment.sentences", "segment.tokens", "extract.entities", "geo.places")


def _run(pipeline: Pipeline, doc: Document) -> Document:
    for info, fn in zip(pipeline.stages, pipeline._fns, strict=True):
        if info.name in _STAGES:
            doc = fn(doc)
    return doc


def _places(pipeline: Pipeline, text: str) -> dict[str, Place]:
    doc = _run(pipeline, Document(doc_id="t", text=text, lang="id", published=dt.date(2020, 1, 1)))
    return {doc.text[p.start : p.end]: p for p in doc.places}


def test_seed_places(seed_doc: Document, pipeline: Pipeline) -> None:
    doc = _run(pipeline, seed_doc)
    got = {(doc.text[p.start : p.end], p.name, p.admin1, p.country, p.feature) for p in doc.places}
    assert ("Provinsi Homs", "Homs", "Homs", "SY", "admin1") in got
    assert ("Provinsi Hama", "Hama", "Hama", "SY", "admin1") in got
    assert ("Provinsi Idlib", "Idlib", "Idlib", "SY", "admin1") in got
    assert ("Yordania", "Jordan", None, "JO", "country") in got
    assert ("Suriah", "Syria", None, "SY", "country") in got
    surfaces = [doc.text[p.start : p.end] for p in doc.places]
    # "Rusia" is only ever an actor in the seed ("militer Rusia", "Kementerian Pertahanan Rusia")
    assert "Rusia" not in surfaces
    homs = next(p for p in doc.places if p.name == "Homs")
    assert homs.lat is not None and 33 < homs.lat < 36 and homs.confidence >= 0.8


def test_indonesian_regency_with_province(pipeline: Pipeline) -> None:
    places = _places(pipeline, "Baku tembak terjadi di Kabupaten Intan Jaya, Papua, pada Senin pagi.")
    regency = places["Kabupaten Intan Jaya"]
    assert (regency.name, regency.admin1, regency.country, regency.feature) == ("Intan Jaya", "Papua", "ID", "admin2")
    assert places["Papua"].feature == "admin1"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Juru bicara Kementerian Pertahanan Rusia mengatakan serangan berhasil.", "Rusia"),
        ("Iklan itu dimuat di Washington Post pekan lalu.", "Washington"),
        ("Kabid Humas Polda Bali Kombes Ariasandy mengatakan laporan diterima.", "Ariasandy"),
        ("Tak ada korban jiwa dalam kejadian itu.", "Tak"),
        ("Rusia melancarkan serangan udara terhadap ISIS.", "Rusia"),
    ],
)
def test_actors_and_words_are_not_places(pipeline: Pipeline, text: str, absent: str) -> None:
    assert absent not in _places(pipeline, text)


def test_prepositions_make_places(pipeline: Pipeline) -> None:
    places = _places(pipeline, "Ribuan militan melarikan diri ke Yordania, sementara Rusia menyerang di Suriah.")
    assert places["Yordania"].country == "JO"
    assert places["Suriah"].country == "SY"
    assert "Rusia" not in places


def test_facility_and_unresolved_places(pipeline: Pipeline) -> None:
    places = _places(pipeline, "Nadir dijemput di Bandara Juanda, Surabaya, lalu dibawa ke Desa Sukamaju.")
    airport = places["Bandara Juanda"]
    assert airport.name == "Juanda Airport" and airport.country == "ID" and airport.admin1 == "East Java"
    village = places["Desa Sukamaju"]
    assert village.lat is None and village.country == "ID" and village.confidence < 0.5
