"""Which date belongs to an event: clauses with their own time, narrative days, days counted from another
event, and the story's anchor day (extract.dates helpers and the discourse passes), on sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.config import Config
from peristiwa.extract.dates import date_for_span
from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline

STAGES = ["segment.sentences", "segment.tokens", "extract.dates"]


@pytest.fixture(scope="module")
def date_pipeline() -> Pipeline:
    return Pipeline(Config.load(overrides={"pipeline": {"stages": STAGES}}))


def _dated(pipe: Pipeline, text: str, published: dt.date) -> Document:
    return pipe(Document(doc_id="t", text=text, lang="id", published=published))


def _date(doc: Document, trigger: str) -> str | dict[str, str] | None:
    t = doc.text.index(trigger)
    m = date_for_span(doc, t, t + len(trigger))
    return m.value.to_gold() if m and m.value else None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the date is the filming's, told in a clause that follows the arrest
        ("Gadis itu ditangkap setelah ia difilmkan di desanya pada 15 Desember.", "ditangkap"),
        # the date is the meeting's, told in a reason clause
        ("Menteri berterima kasih karena Presiden bersedia menerima tamunya esok hari.", "berterima kasih"),
        # the date is the trial's, in the clause before a contrast
        ("Sidang dimulai pada 31 Januari, tetapi hakim tetap menahan terdakwa.", "menahan"),
    ],
)
def test_date_of_a_clause_with_its_own_time(date_pipeline: Pipeline, text: str, trigger: str) -> None:
    assert _date(_dated(date_pipeline, text, dt.date(2018, 1, 18)), trigger) is None


def test_coarse_date_spans_both_clauses(date_pipeline: Pipeline) -> None:
    doc = _dated(date_pipeline, "Kerusuhan terjadi pada 2010 lalu, setelah polisi menembak seorang pelajar.",
                 dt.date(2016, 9, 15))
    assert _date(doc, "menembak") == "2010"


def test_time_in_a_relative_clause_on_another_noun(date_pipeline: Pipeline) -> None:
    doc = _dated(date_pipeline, "Jaringan internet diputus untuk mencegah unjuk rasa yang terjadi selama dua "
                 "bulan terakhir.", dt.date(2016, 9, 15))
    assert _date(doc, "diputus") is None
    # a relative clause on the event's own noun dates it
    doc = _dated(date_pipeline, "Perundingan yang berlangsung sejak Januari itu gagal.", dt.date(2016, 9, 15))
    assert _date(doc, "Perundingan") == {"start": "2016-01-01", "end": "2016-09-15"}
    # the relative clause ends before the date: the date is the sentence's
    doc = _dated(date_pipeline, "Polisi menyelidiki kasus yang dilaporkan warga, kata Budi, pada September.",
                 dt.date(2016, 9, 15))
    assert _date(doc, "menyelidiki") == "2016-09"


def test_narrative_days(date_pipeline: Pipeline) -> None:
    text = ("Pada 1 April keduanya tiba di Istanbul. Sore harinya mereka menyalurkan bantuan. Keesokan harinya "
            "mereka berangkat ke perbatasan. Pada hari yang sama dengan penembakan itu warga mengungsi.")
    doc = _dated(date_pipeline, text, dt.date(2017, 4, 11))
    got = {doc.text[m.start : m.end]: (m.value.to_gold() if m.value else None) for m in doc.dates}
    assert got["Sore harinya"] == "2017-04-01"
    assert got["Keesokan harinya"] == "2017-04-02"
    assert "hari yang sama" not in " ".join(got)  # another event's day, not the story's


def test_narrative_day_without_a_day_told(date_pipeline: Pipeline) -> None:
    doc = _dated(date_pipeline, "Keesokan harinya mereka pulang.", dt.date(2017, 4, 11))
    assert [(m.value, m.note) for m in doc.dates] == [(None, "no day told before")]


def _event(doc: Document, trigger: str) -> Event:
    found = [e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == trigger]
    assert found, [(e.type, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]
    return found[0]


def _gold(e: Event) -> str | dict[str, str] | None:
    return e.date.to_gold() if e.date else None


def test_day_counted_from_another_event(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2017, 4, 11), text=(
        "Densus 88 menangkap Budi di Surabaya kemarin, sehari setelah penembakan tiga terduga teroris di Tuban.")))
    assert _gold(_event(doc, "menangkap")) == "2017-04-10"
    assert _gold(_event(doc, "penembakan")) == "2017-04-09"


def test_statement_in_a_quote_is_dated_by_its_attribution(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 10, 22), text=(
        "Presiden Afrika Selatan tiba di Jakarta, Rabu (22/10/2025).\n"
        '"Kami ingin mengucapkan terima kasih kepada Presiden Indonesia karena bersedia menerima kami esok hari. '
        'Hubungan kedua negara baik," kata Duta Besar Botes di Jakarta, Selasa (21/10).')))
    assert _gold(_event(doc, "terima kasih")) == "2025-10-21"


def test_relative_day_inside_a_quote_does_not_anchor(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 10, 20), text=(
        '"Kemarin saya berangkat memakai mobil biasa," kata Prabowo di Istana.\n'
        "Prabowo meminta para menteri memakai mobil buatan dalam negeri.")))
    assert _gold(_event(doc, "meminta")) is None


def test_act_prefers_the_incident_day_to_the_reporting_day(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 10, 21), text=(
        "Kebakaran melanda pasar di Sanur, Jumat (17/10/2025).\n"
        '"Api cepat membesar," kata Sergei saat ditemui di Sanur, Selasa (21/10/2025).\n'
        "Polisi lalu menangkap dua pedagang.")))
    assert _gold(_event(doc, "menangkap")) == "2025-10-17"


def test_an_arrest_after_a_dated_act_is_not_an_earlier_arrest(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2018, 1, 18), text=(
        "Ahed ditangkap setelah ia difilmkan menampar tentara pada 15 Desember.\n"
        "Tentara Israel juga pernah menangkap Ahed pada 2016.")))
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert len(arrests) == 2, [(doc.text[e.trigger.start : e.trigger.end], _gold(e)) for e in arrests]
