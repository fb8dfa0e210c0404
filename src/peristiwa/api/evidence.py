"""The audit view of one event: the source text cut into highlighted segments, the claim chain, the
quotes, and the reports of the same event in other documents with the reasons they match.

Why on the server: offsets are Python code-point offsets, while JavaScript strings index UTF-16 units, so
the server cuts the text and the browser only renders segments (no offset arithmetic in the dashboard).
Why merge reasons computed on request: the store keeps each document's events; the cross-document
decision is a pure function (:func:`peristiwa.merge.events.score_pair`), so the view asks it which
same-type events of other documents within the date window would merge with this one, and why.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from typing import Any

from ..merge.events import EventRef, MergeOptions, score_pair
from ..model import Document, Event, Quote
from ..output import event_record, quote_record

__all__ = ["KINDS", "claim_chain", "event_annotations", "event_view", "ref_from_row", "related", "segments"]

#: annotation kinds, outermost first (a segment inside several keeps all of them)
KINDS = ("evidence", "mention", "quote", "speaker", "actor", "recipient", "place", "date", "count", "trigger")


def event_annotations(doc: Document, ev: Event, quote: Quote | None) -> list[dict[str, Any]]:
    """Every span of the event as ``{kind, start, end, text, label}``, in text order."""
    text = doc.text
    out: list[dict[str, Any]] = []

    def add(kind: str, start: int, end: int, label: str | None = None) -> None:
        if 0 <= start < end <= len(text):
            out.append({"kind": kind, "start": start, "end": end, "text": text[start:end], "label": label})

    add("evidence", ev.evidence.start, ev.evidence.end, "evidence")
    for m in ev.mentions:
        if (m.start, m.end) != (ev.trigger.start, ev.trigger.end):
            add("mention", m.start, m.end, "another mention of this event")
    add("trigger", ev.trigger.start, ev.trigger.end, ev.type + (f" ({', '.join(ev.modes)})" if ev.modes else ""))
    for a in ev.actors:
        add("actor", a.start, a.end, _who(a.name, a.country, a.sector))
    for a in ev.recipients:
        add("recipient", a.start, a.end, _who(a.name, a.country, a.sector))
    for p in ev.locations:
        where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
        coords = f" ({p.lat:.3f}, {p.lon:.3f})" if p.lat is not None and p.lon is not None else ""
        add("place", p.start, p.end, (where or "unresolved place") + coords)
    if ev.date_span is not None:
        value = ev.date.to_gold() if ev.date else None
        add("date", ev.date_span.start, ev.date_span.end, str(value) if value else "date")
    for c in ev.counts:
        qual = "" if c.qualifier == "exact" else f" ({c.qualifier})"
        add("count", c.start, c.end, f"{c.kind} {c.value}{qual}" + (f" {c.object}" if c.object else ""))
    if quote is not None:
        add("quote", quote.content.start, quote.content.end, f"claim by {quote.speaker or 'unknown speaker'}")
        if quote.speaker_span is not None:
            add("speaker", quote.speaker_span.start, quote.speaker_span.end, quote.speaker or "speaker")
    out.sort(key=lambda a: (a["start"], -a["end"], KINDS.index(a["kind"])))
    return out


def _who(name: str, country: str | None, sector: str | None) -> str:
    extra = ", ".join(x for x in (country, sector) if x)
    return f"{name} ({extra})" if extra else name


def segments(text: str, spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary: ``[{text, kinds, labels}]``, covering the whole text.

    A segment lists every annotation covering it (outermost first), so nested spans (a trigger inside
    the evidence) render as nested highlights without overlapping markup.
    """
    items = list(spans)
    bounds = sorted({0, len(text), *(a["start"] for a in items), *(a["end"] for a in items)})
    out: list[dict[str, Any]] = []
    for lo, hi in itertools.pairwise(bounds):
        if lo >= hi:
            continue
        cover = [a for a in items if a["start"] <= lo and hi <= a["end"]]
        cover.sort(key=lambda a: KINDS.index(a["kind"]))
        kinds = list(dict.fromkeys(a["kind"] for a in cover))
        labels = list(dict.fromkeys(f"{a['kind']}: {a['label']}" for a in cover if a["label"]))
        if out and out[-1]["kinds"] == kinds and out[-1]["labels"] == labels:
            out[-1]["text"] += text[lo:hi]
        else:
            out.append({"text": text[lo:hi], "kinds": kinds, "labels": labels})
    return out


def claim_chain(doc: Document, ev: Event, quote: Quote | None) -> list[dict[str, Any]]:
    """Who says the event happened, outermost last: the speaker, the outlets it came via, the article.

    E.g. the seed's "Setidaknya 3.000 militan ..." : a Kremlin military official → via Ria Novosti →
    the article. An event without an attributed claim has only the article (the author's own account).
    """
    chain: list[dict[str, Any]] = []
    if quote is not None:
        span = quote.speaker_span
        chain.append({
            "role": "speaker", "name": quote.speaker or ev.source,
            "text": doc.text[span.start : span.end] if span else None,
            "span": [span.start, span.end] if span else None,
            "speaker_role": quote.speaker_role, "affiliation": quote.speaker_affiliation,
            "cue": quote.cue, "direct": quote.direct,
        })
        chain += [{"role": "via", "name": v} for v in quote.via]
    elif ev.source:
        chain.append({"role": "source", "name": ev.source})
    chain.append({
        "role": "article", "name": doc.source or doc.title or doc.doc_id, "title": doc.title, "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
    })
    return chain


def _linked_quote(doc: Document, ev: Event) -> Quote | None:
    if ev.quote_id:
        for q in doc.quotes:
            if q.id == ev.quote_id:
                return q
    return None


def ref_from_row(row: dict[str, Any]) -> EventRef:
    """A merge input built from a flat event row of :mod:`.sql` (same fields as the merge module uses)."""
    names = frozenset(str(n).lower() for n in (*(row.get("actors") or ()), *(row.get("recipients") or ())))
    return EventRef(
        doc_id=row["doc_id"], event_id=row["event_id"], type=row["type"],
        first=row.get("date_first"), last=row.get("date_last"), lat=row.get("lat"), lon=row.get("lon"),
        country=row.get("country"), participants=names, source=row.get("source"),
    )


def _in_time(ref: EventRef, published: dt.date | None, opts: MergeOptions) -> EventRef:
    if ref.first is not None or published is None:
        return ref
    slack = dt.timedelta(days=opts.undated_slack_days)
    return EventRef(ref.doc_id, ref.event_id, ref.type, published - slack, published, ref.lat, ref.lon,
                    ref.country, ref.participants, ref.counts, ref.source, ref.group_id)


def related(row: dict[str, Any], candidates: Iterable[dict[str, Any]], opts: MergeOptions | None = None,
            limit: int = 20) -> list[dict[str, Any]]:
    """Candidates that the cross-document merge would join with ``row``, best first, with the reason."""
    opts = opts or MergeOptions()
    me = _in_time(ref_from_row(row), row.get("published"), opts)
    found = []
    for cand in candidates:
        other = _in_time(ref_from_row(cand), cand.get("published"), opts)
        reason = score_pair(me, other, opts)
        if reason is None:
            continue
        found.append({
            "doc_id": cand["doc_id"], "event_id": cand["event_id"], "type": cand["type"],
            "date": cand.get("date"), "published": cand.get("published"), "title": cand.get("title"),
            "location": cand.get("location"), "source": cand.get("source"), "evidence": cand.get("evidence"),
            "reason": {
                "score": reason.score, "date_gap_days": reason.date_gap_days,
                "distance_km": reason.distance_km, "actor_overlap": reason.actor_overlap,
                "same_duplicate_group": reason.same_duplicate_group,
            },
        })
    found.sort(key=lambda r: (-r["reason"]["score"], r["doc_id"], r["event_id"]))
    return found[:limit]


def event_view(
    doc: Document, ev: Event, *, related_events: Callable[[], list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """Everything the event page shows: the contract record, highlights, claim chain, quotes, merges."""
    quote = _linked_quote(doc, ev)
    spans = event_annotations(doc, ev, quote)
    quotes = []
    for q in doc.quotes:
        rec = quote_record(doc, q)
        rec["linked"] = q.id == ev.quote_id or (q.content.start < ev.evidence.end and ev.evidence.start < q.content.end)
        quotes.append(rec)
    return {
        "doc_id": doc.doc_id,
        "event": event_record(doc, ev),
        "document": {
            "doc_id": doc.doc_id, "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
            "source": doc.source, "url": doc.url, "lang": doc.lang, "length": len(doc.text),
            "events": len(doc.events),
        },
        "annotations": spans,
        "segments": segments(doc.text, spans),
        "claim_chain": claim_chain(doc, ev, quote),
        "quotes": quotes,
        "merge": {
            "mentions": len(ev.mentions) or 1,
            "within_document": (
                f"{len(ev.mentions)} mentions in this article were merged into this event"
                if len(ev.mentions) > 1 else "one mention in this article"
            ),
            "related": related_events() if related_events is not None else [],
        },
    }
