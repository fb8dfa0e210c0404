"""Which event a count belongs to (discourse.attach_counts), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str) -> tuple[Document, list[Event]]:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 10, 22), text=text))
    return doc, list(doc.events)


def test_count_with_a_relative_clause_goes_to_that_clause_verb(pipeline: Pipeline) -> None:
    _, events = _events(pipeline, "Sekarang ada 90 dapur yang dihentikan operasionalnya, baru 15 yang kami buka "
                          "lagi.")
    counts = [(c.kind, c.value) for e in events for c in e.counts]
    assert ("other", 90) in counts
    assert ("other", 15) not in counts  # the reopened kitchens are no number of the closure


def test_people_an_act_is_done_to_are_counted(pipeline: Pipeline) -> None:
    _, events = _events(pipeline, "Polisi menyebut tiga warga negara Jepang sudah diperiksa sebagai saksi.")
    checks = [e for e in events if e.type == "ACCUSE"]
    assert checks and [(c.kind, c.value) for c in checks[0].counts] == [("other", 3)]
