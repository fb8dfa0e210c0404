"""The output contract: one JSON object per document in the gold format of GUIDELINE.md, plus extras.

Why a separate view: the internal model stores offsets only (text is never duplicated, so it can never
disagree with the source); the contract is what evaluations, exports and other tools read, so it spells
every span out as text *and* keeps the offsets (``*_span``) for auditing. Field names and value conventions
follow ``../shared/data/gold/GUIDELINE.md`` exactly; everything else is an addition, never a rename.
"""

from __future__ import annotations

from typing import Any

from .model import Actor, Count, Document, Entity, Event, Place, Quote, Span

__all__ = ["event_record", "quote_record", "to_record"]


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def _actor(doc: Document, a: Actor) -> dict[str, Any]:
    return {
        "text": doc.text[a.start : a.end],
        "name": a.name,
        "country": a.country,
        "sector": a.sector,
        "span": [a.start, a.end],
    }


def place_record(doc: Document, p: Place) -> dict[str, Any]:
    """A place mention: text, span, resolved name, admin1, country, coordinates, precision."""
    return {
        "text": doc.text[p.start : p.end],
        "span": [p.start, p.end],
        "name": p.name,
        "admin1": p.admin1,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "feature": p.feature,
        "precision": p.precision,
        "confidence": p.confidence,
    }


def _count(doc: Document, c: Count) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "value": c.value,
        "qualifier": c.qualifier,
        "object": c.object,
        "text": doc.text[c.start : c.end],
        "span": [c.start, c.end],
    }


def _entity(doc: Document, e: Entity) -> dict[str, Any]:
    return {
        "text": doc.text[e.start : e.end],
        "span": [e.start, e.end],
        "label": e.label,
        "name": e.name,
        "country": e.country,
        "sector": e.sector,
    }


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    """One event in the gold format plus ``id``, spans, ``confidence`` and the ``acled`` view."""
    locs = [place_record(doc, p) for p in ev.locations]
    location: Any = None if not locs else locs[0] if len(locs) == 1 else locs
    return {
        "id": ev.id,
        "type": ev.type,
        "mode": list(ev.modes),
        "trigger": doc.text[ev.trigger.start : ev.trigger.end],
        "evidence": doc.text[ev.evidence.start : ev.evidence.end],
        "mentions": [doc.text[m.start : m.end] for m in ev.mentions],
        "actors": [_actor(doc, a) for a in ev.actors],
        "recipients": [_actor(doc, a) for a in ev.recipients],
        "location": location,
        "date": ev.date.to_gold() if ev.date else None,
        "counts": [_count(doc, c) for c in ev.counts],
        "source": ev.source,
        "modality": ev.modality,
        "trigger_span": _span(ev.trigger),
        "evidence_span": _span(ev.evidence),
        "mention_spans": [_span(m) for m in ev.mentions],
        "date_span": _span(ev.date_span),
        "quote_id": ev.quote_id,
        "confidence": round(ev.confidence, 4),
        "acled": (
            {
                "event_type": ev.acled.event_type,
                "sub_event_type": ev.acled.sub_event_type,
                "fatalities": ev.acled.fatalities,
                "interaction": ev.acled.interaction,
            }
            if ev.acled
            else None
        ),
    }


def quote_record(doc: Document, q: Quote) -> dict[str, Any]:
    """One quote in the gold format plus spans and the speaker's role and affiliation."""
    return {
        "id": q.id,
        "speaker": q.speaker,
        "speaker_text": doc.text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None,
        "text": doc.text[q.content.start : q.content.end],
        "direct": q.direct,
        "cue": q.cue,
        "via": list(q.via),
        "span": _span(q.content),
        "speaker_span": _span(q.speaker_span),
        "cue_span": _span(q.cue_span),
        "speaker_role": q.speaker_role,
        "speaker_affiliation": q.speaker_affiliation,
    }


def to_record(doc: Document) -> dict[str, Any]:
    """The full contract record of a processed document (JSON-serialisable builtins only)."""
    return {
        "doc_id": doc.doc_id,
        "lang": doc.lang,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "text": doc.text,
        "events": [event_record(doc, e) for e in doc.events],
        "quotes": [quote_record(doc, q) for q in doc.quotes],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "places": [place_record(doc, p) for p in doc.places],
        "entities": [_entity(doc, e) for e in doc.entities],
        "dates": [
            {
                "text": doc.text[d.start : d.end],
                "span": [d.start, d.end],
                "value": d.value.to_gold() if d.value else None,
                "relative": d.relative,
            }
            for d in doc.dates
        ],
        "counts": [_count(doc, c) for c in doc.counts],
        "metadata": dict(doc.metadata),
        "stages": list(doc.stages),
        "warnings": list(doc.warnings),
    }
