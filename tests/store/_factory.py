"""Hand-built documents for the store tests: every layer filled, offsets found in the text."""

from __future__ import annotations

import datetime as dt

from peristiwa.model import (
    AcledView,
    Actor,
    Count,
    DateMention,
    DateValue,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Sentence,
    Span,
    Token,
)

TEXT = (
    "Pesawat Rusia menyerang posisi ISIS di Provinsi Homs dan Idlib, Selasa (6/10), menewaskan "
    "setidaknya 20 militan. \"Kami menghancurkan 20 tank,\" kata Igor Konashenkov kepada wartawan.\n"
    "Polisi menangkap tiga orang di Jakarta."
)


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def _place(text: str, sub: str, **kw: object) -> Place:
    s, e = at(text, sub)
    return Place(start=s, end=e, **kw)  # type: ignore[arg-type]


def rich_doc(doc_id: str = "doc-1", text: str = TEXT) -> Document:
    """A document with sentences, tokens, entities, places, dates, counts, two events and a quote."""
    s1_end = text.index("militan.") + len("militan.")
    s2_end = text.index("wartawan.") + len("wartawan.")
    homs = _place(text, "Provinsi Homs", name="Homs", admin1="Homs", country="SY", lat=34.7, lon=36.7,
                  feature="ADM1", precision="admin1", confidence=0.9, gazetteer_id="SY-HI")
    idlib = _place(text, "Idlib", name="Idlib", admin1="Idlib", country="SY", lat=35.9, lon=36.6,
                   precision="admin1", confidence=0.8)
    jakarta = _place(text, "Jakarta", name="Jakarta", admin1="DKI Jakarta", country="ID", lat=-6.2,
                     lon=106.8, feature="PPLC", precision="city", confidence=0.95)
    day = DateValue(dt.date(2015, 10, 6), dt.date(2015, 10, 6), "day")
    killed = Count(start=at(text, "setidaknya 20 militan")[0], end=at(text, "setidaknya 20 militan")[1],
                   kind="killed", value=20, qualifier="at_least", object="militan")
    arrested = Count(start=at(text, "tiga orang")[0], end=at(text, "tiga orang")[1], kind="arrested",
                     value=3)
    quote = Quote(
        id="q1", content=Span(*at(text, "Kami menghancurkan 20 tank,")), direct=True,
        speaker="Igor Konashenkov", speaker_span=Span(*at(text, "Igor Konashenkov")),
        speaker_role="spokesman", speaker_affiliation="Russian Ministry of Defence",
        cue="kata", cue_span=Span(*at(text, "kata")), via=("Interfax",),
    )
    ev1 = Event(
        id="e1", type="ASSAULT", modes=("aerial",), trigger=Span(*at(text, "menyerang")),
        evidence=Span(0, s1_end), mentions=(Span(s1_end + 1, s2_end),),
        actors=(Actor(start=at(text, "Rusia")[0], end=at(text, "Rusia")[1], name="Russia", country="RU",
                      sector="military"),),
        recipients=(Actor(start=at(text, "ISIS")[0], end=at(text, "ISIS")[1], name="Islamic State"),),
        locations=(homs, idlib), date=day, date_span=Span(*at(text, "Selasa (6/10)")), counts=(killed,),
        source="Igor Konashenkov", quote_id="q1", modality="asserted", confidence=0.8,
        acled=AcledView(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                        fatalities=20, interaction="External forces-Rebel group"),
    )
    ev2 = Event(
        id="e2", type="COERCE", modes=("arrest",), trigger=Span(*at(text, "menangkap")),
        evidence=Span(s2_end + 1, len(text)),
        actors=(Actor(start=at(text, "Polisi")[0], end=at(text, "Polisi")[1], name="Indonesian police",
                      country="ID", sector="police"),),
        locations=(jakarta,), counts=(arrested,), modality="asserted", confidence=0.6,
    )
    return Document(
        doc_id=doc_id, text=text, lang="id", published=dt.date(2015, 10, 7), title="Serangan Rusia",
        source="blog", url="https://example.org/a", metadata={"feed": "x", "n": 3, "ok": True, "none": None},
        sentences=(Sentence(0, s1_end), Sentence(s1_end + 1, s2_end), Sentence(s2_end + 1, len(text), 1)),
        tokens=(Token(0, 7, "pesawat", "NOUN"), Token(8, 13)),
        entities=(Entity(start=at(text, "Rusia")[0], end=at(text, "Rusia")[1], label="GPE", name="Russia",
                         country="RU", origin="lexicon"),),
        places=(homs, idlib, jakarta),
        dates=(DateMention(start=at(text, "Selasa (6/10)")[0], end=at(text, "Selasa (6/10)")[1], value=day),),
        counts=(killed, arrested), events=(ev1, ev2), quotes=(quote,),
        stages=("segment.sentences@1", "extract.events@1"), warnings=("replaced invalid UTF-8",),
    )


def small_doc(i: int, events: int = 2) -> Document:
    """A small synthetic document with ``events`` events, one quote and one place (for bulk tests)."""
    text = f"Dokumen {i}: polisi menangkap {i} orang di Kota {i % 50}. \"Sudah ditahan,\" kata juru bicara."
    place = _place(text, f"Kota {i % 50}", name=f"Kota {i % 50}", country="ID", lat=-6.0, lon=106.0,
                   precision="city")
    trig = Span(*at(text, "menangkap"))
    evs = tuple(
        Event(id=f"e{k}", type="COERCE" if k % 2 == 0 else "ASSAULT", trigger=trig, evidence=Span(0, len(text)),
              actors=(Actor(start=at(text, "polisi")[0], end=at(text, "polisi")[1], name="police",
                            country="ID"),),
              locations=(place,),
              date=DateValue(dt.date(2020, 1, 1 + i % 28), dt.date(2020, 1, 1 + i % 28)))
        for k in range(events)
    )
    quote = Quote(id="q1", content=Span(*at(text, "Sudah ditahan,")), direct=True, speaker="juru bicara")
    return Document(doc_id=f"small-{i:06d}", text=text, lang="id", published=dt.date(2020, 2, 1),
                    places=(place,), events=evs, quotes=(quote,))
