"""Hand-made documents with located, dated, attributed events for the API and dashboard tests.

Why hand-made: the map assertions need events in Syria and Jordan with coordinates whatever the state
of the geocoder, and the claim-chain and merge assertions need a known quote chain and two reports of one
event. Spans are computed from the text, so the offsets are right by construction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peristiwa.model import Actor, Count, DateValue, Document, Event, Place, Quote, Sentence, Span
from peristiwa.store import Store

__all__ = ["build_store", "documents"]


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _span(text: str, part: str) -> Span:
    return Span(*_at(text, part))


def _place(text: str, part: str, name: str, country: str, lat: float, lon: float, admin1: str | None = None,
           precision: str = "city") -> Place:
    s, e = _at(text, part)
    return Place(start=s, end=e, name=name, admin1=admin1, country=country, lat=lat, lon=lon,
                 precision=precision, confidence=0.9)


def _actor(text: str, part: str, name: str, country: str | None = None, sector: str | None = None) -> Actor:
    s, e = _at(text, part)
    return Actor(start=s, end=e, name=name, country=country, sector=sector)


def documents() -> list[Document]:
    """Four documents: two reports of one Russian air strike in Homs, a retreat to Jordan claimed via
    Ria Novosti, and an arrest in Sleman (Indonesia)."""
    t1 = ("Pesawat Rusia menyerang posisi militan di Homs, Suriah, Selasa (6/10). "
          "Setidaknya 3.000 militan melarikan diri ke Yordania, tulis Ria Novosti mengutip pejabat militer Kremlin.")
    s1_end = t1.index("Setidaknya") - 1
    homs = _place(t1, "Homs", "Homs", "SY", 34.73, 36.71, admin1="Homs")
    jordan = _place(t1, "Yordania", "Jordan", "JO", 31.0, 36.0, precision="country")
    quote = Quote(id="q1", content=Span(*_at(t1, "Setidaknya 3.000 militan melarikan diri ke Yordania")), direct=False,
                  speaker="pejabat militer Kremlin", speaker_span=_span(t1, "pejabat militer Kremlin"),
                  cue="tulis", cue_span=_span(t1, "tulis"), via=("Ria Novosti",))
    d1 = Document(
        doc_id="sy-1", text=t1, lang="id", published=dt.date(2015, 10, 7), title="Rusia serang Homs",
        source="contoh-berita", url="https://example.invalid/sy-1",
        sentences=(Sentence(0, s1_end), Sentence(s1_end + 1, len(t1))), places=(homs, jordan),
        events=(
            Event(id="e1", type="ASSAULT", modes=("air",), trigger=_span(t1, "menyerang"), evidence=Span(0, s1_end),
                  actors=(_actor(t1, "Pesawat Rusia", "Russian military", "RU", "military"),),
                  recipients=(_actor(t1, "militan", "militants"),), locations=(homs,),
                  date=DateValue(dt.date(2015, 10, 6), dt.date(2015, 10, 6)), date_span=_span(t1, "Selasa (6/10)"),
                  confidence=0.9),
            Event(id="e2", type="RETREAT", trigger=_span(t1, "melarikan diri"), evidence=Span(s1_end + 1, len(t1)),
                  actors=(_actor(t1, "militan", "militants"),), locations=(jordan,),
                  counts=(Count(start=_at(t1, "Setidaknya 3.000 militan")[0], end=_at(t1, "3.000 militan")[1],
                                kind="fled", value=3000, qualifier="at_least", object="militan"),),
                  source="Ria Novosti", quote_id="q1", confidence=0.7),
        ),
        quotes=(quote,),
    )
    t2 = "Jet tempur Rusia kembali menyerang Homs pada Selasa (6/10), kata warga."
    homs2 = _place(t2, "Homs", "Homs", "SY", 34.75, 36.72, admin1="Homs")
    d2 = Document(
        doc_id="sy-2", text=t2, lang="id", published=dt.date(2015, 10, 8), title="Serangan kedua",
        sentences=(Sentence(0, len(t2)),), places=(homs2,),
        events=(Event(id="e1", type="ASSAULT", modes=("air",), trigger=_span(t2, "menyerang"),
                      evidence=Span(0, len(t2)),
                      actors=(_actor(t2, "Jet tempur Rusia", "Russian military", "RU", "military"),),
                      locations=(homs2,), date=DateValue(dt.date(2015, 10, 6), dt.date(2015, 10, 6)),
                      date_span=_span(t2, "Selasa (6/10)"), source="warga", confidence=0.6),),
    )
    t3 = "Polisi menangkap tiga orang di Sleman, Yogyakarta, Senin (11/3). Mereka tidak akan dibebaskan."
    sleman = _place(t3, "Sleman", "Sleman", "ID", -7.72, 110.35, admin1="DI Yogyakarta")
    d3 = Document(
        doc_id="id-1", text=t3, lang="id", published=dt.date(2019, 3, 13), title="Penangkapan di Sleman",
        sentences=(Sentence(0, t3.index(" Mereka")),), places=(sleman,),
        events=(
            Event(id="e1", type="COERCE", modes=("arrest",), trigger=_span(t3, "menangkap"),
                  evidence=Span(0, t3.index(" Mereka")),
                  actors=(_actor(t3, "Polisi", "Indonesian National Police", "ID", "police"),),
                  recipients=(_actor(t3, "tiga orang", "civilians"),), locations=(sleman,),
                  date=DateValue(dt.date(2019, 3, 11), dt.date(2019, 3, 11)), date_span=_span(t3, "Senin (11/3)"),
                  counts=(Count(start=_at(t3, "tiga orang")[0], end=_at(t3, "tiga orang")[1], kind="arrested",
                                value=3),), confidence=0.8),
            Event(id="e2", type="CONCEDE", modes=("release",), trigger=_span(t3, "dibebaskan"),
                  evidence=Span(t3.index("Mereka"), len(t3)), modality="negated", confidence=0.4),
        ),
    )
    t4 = "Warga berunjuk rasa menolak tambang pasir di desa itu."
    d4 = Document(
        doc_id="nowhere", text=t4, lang="id", published=None, title=None,
        events=(Event(id="x1", type="PROTEST", trigger=_span(t4, "berunjuk rasa"), evidence=Span(0, len(t4)),
                      actors=(_actor(t4, "Warga", "residents"),), confidence=0.5),),
    )
    return [d1, d2, d3, d4]


def build_store(path: Path) -> Path:
    """Write :func:`documents` into a new store at ``path``."""
    with Store(path) as store:
        store.write(documents())
    return path
