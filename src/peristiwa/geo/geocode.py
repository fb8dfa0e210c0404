"""Geocoding a document: place mentions (:mod:`~peristiwa.geo.mentions`) resolved against the gazetteer
with the document as context (:mod:`~peristiwa.geo.resolve`), as :class:`~peristiwa.model.Place` records.

Each place carries the English name, first-level division, country, coordinates, gazetteer feature,
precision (the level of the point: country, admin1, admin2, admin3, city) and a confidence. Names the
gazetteer does not know but the text marks as places ("Desa Sukamaju", "Bandara Juanda, Surabaya") are
kept with the place named after them or the document's country, and no invented coordinates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from ..actors.registry import ActorRegistry
from ..langs.base import LanguagePack
from ..model import Document, Place
from .gazetteer import Gazetteer, GeoEntry, load_gazetteer
from .mentions import Mention, find_mentions
from .resolve import Resolved, resolve
from .words import GeoSettings, PlaceWords, place_words

__all__ = ["PlaceWords", "geocode", "place_words"]


def geocode(
    doc: Document, reg: ActorRegistry, pack: LanguagePack, gaz: Gazetteer | None = None,
    *, settings: GeoSettings | None = None, focus: GeoEntry | None = None,
) -> list[Place]:
    """Place mentions of ``doc`` resolved against the gazetteer, in text order.

    ``settings`` overrides the pack's ``geo.toml`` (the stage passes its options through it); ``focus`` is
    the division or country the document's source covers (see :func:`~peristiwa.geo.resolve.resolve`).
    """
    gaz = gaz or load_gazetteer()
    words = place_words(pack)
    if settings is not None and settings != words.settings:
        words = replace(words, settings=settings)
    mentions = find_mentions(doc, reg, words, gaz)
    resolved = resolve(mentions, doc.text, gaz, reg.home_country, words.settings, focus)
    countries = Counter(r.entry.country for r in resolved if r.entry is not None and r.keep and r.entry.country)
    doc_country = countries.most_common(1)[0][0] if countries else reg.home_country
    places: list[Place] = []
    for r in resolved:
        if not r.keep:
            continue
        if r.entry is not None and r.mention.near is not None and r.mention.name and _far(r.entry, r.mention.near):
            # "Istana Merdeka, Jakarta": the palace is in Jakarta, not at a village called Merdeka
            places.append(_unresolved(r.mention, doc_country))
            continue
        places.append(_place(r) if r.entry is not None else _unresolved(r.mention, doc_country))
    return places


_NEAR_KM = 60.0  # a named facility lies within this distance of the town named after it


def _far(a: GeoEntry, b: GeoEntry) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) > _NEAR_KM


def _place(r: Resolved) -> Place:
    m, best = r.mention, r.entry
    assert best is not None
    admin1 = best.name if best.feature == "admin1" else best.admin1
    return Place(
        start=m.span_start if m.span_start is not None else m.start, end=m.end, name=m.name or best.name,
        admin1=None if best.feature == "country" else admin1, country=best.country, lat=best.lat,
        lon=best.lon, feature="facility" if m.name else best.feature,
        precision=best.feature if best.feature != "region" else None,
        confidence=r.confidence, gazetteer_id=best.id,
    )


def _unresolved(m: Mention, doc_country: str | None) -> Place:
    """A place the gazetteer does not know: named, located by the place after it or the document's country."""
    near = m.near
    return Place(
        start=m.span_start if m.span_start is not None else m.start, end=m.end, name=m.name,
        admin1=(near.name if near.feature == "admin1" else near.admin1) if near else None,
        country=near.country if near else (m.country or doc_country), lat=near.lat if near else None,
        lon=near.lon if near else None, feature="facility" if m.evidence == "facility" else None,
        precision=near.feature if near else None, confidence=0.4 if near else 0.2,
        gazetteer_id=near.id if near else None,
    )
