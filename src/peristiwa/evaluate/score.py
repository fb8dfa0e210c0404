"""Scoring predicted contract records against gold documents, by the rules of ``GUIDELINE.md``.

Matching (why it is defined this way):

* **Events.** A predicted event matches a gold event of the same type when its ``evidence_span``
  overlaps the gold evidence or one of the gold mentions (located by exact search) by at least half of the
  shorter span (:func:`~peristiwa.evaluate.spans.overlap_ratio` ≥ 0.5). Sentences are the unit the
  guideline annotates, and an extractor may legitimately pick another sentence that states the same
  event, hence the mentions. Pairs are one-to-one, greedy by best overlap; ties prefer a predicted
  trigger inside the gold trigger, then the nearer span. The *untyped* matching ignores the type (same
  type still preferred) and measures detection alone.
* **Year-old rule** (decision 4): an unmatched prediction whose date ends more than a year before
  ``published`` is history, not a false positive; it is left out of the predicted totals and listed as
  ``exempt`` in the details.
* **Attributes** are scored on the *typed* matches only (a mode or recipient of the wrong type of event is
  not comparable): modes, actors/recipients (a predicted actor matches a gold one when its span overlaps
  an occurrence of the gold text, or text or canonical name are equal, case-insensitively), location
  (any predicted place equal by name or text, or overlapping the gold text; country separately), date
  (the predicted date lies within the gold date or interval), counts (multisets of
  ``(kind, value, qualifier)``, loosely ``(kind, value)``), modality and source (case-insensitive
  equality; both null is correct).
* **Quotes** match when the content spans overlap by at least half of the shorter; speaker (canonical name
  equal, or the speaker span overlapping the gold ``speaker_text``), via chain, direct/indirect and cue are
  scored on matched quotes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import DateValue, Span
from .gold import GoldActor, GoldDocument, GoldEvent, GoldQuote, gold_key, read_gold
from .report import DocDetail, EventMatch, EventRef, QuoteMatch, QuoteRef, Report, Tally
from .spans import (
    MATCH_THRESHOLD,
    best_ratio,
    greedy_match,
    locate,
    locate_all,
    multiset_overlap,
    norm_name,
    record_span,
)

__all__ = ["STANDARD_METRICS", "score", "score_document"]

Record = Mapping[str, Any]


# ---------------------------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class _GoldEv:
    index: int
    ev: GoldEvent
    spans: tuple[Span, ...]  # evidence and mention occurrences
    triggers: tuple[Span, ...]  # trigger occurrences inside those
    date: DateValue | None


@dataclass(frozen=True)
class _PredEv:
    index: int
    rec: Record
    type: str
    span: Span | None
    trigger: Span | None
    date: DateValue | None


@dataclass(frozen=True)
class _GoldQ:
    index: int
    q: GoldQuote
    spans: tuple[Span, ...]
    speaker_spans: tuple[Span, ...]


@dataclass(frozen=True)
class _PredQ:
    index: int
    rec: Record
    span: Span | None
    speaker_span: Span | None


def _parse_date(value: Any, warnings: list[str], where: str) -> DateValue | None:
    if value is None:
        return None
    try:
        return DateValue.from_gold(value)
    except (ValueError, KeyError, TypeError, IndexError):
        warnings.append(f"{where}: unreadable predicted date {value!r}, scored as null")
        return None


def _gold_events(doc: GoldDocument) -> list[_GoldEv]:
    out = []
    for i, ev in enumerate(doc.events):
        spans = locate_all(doc.text, (ev.evidence, *ev.mentions))
        triggers = tuple(
            Span(s.start + off.start, s.start + off.end)
            for s in spans
            for off in locate(doc.text[s.start : s.end], ev.trigger)
        )
        out.append(_GoldEv(i, ev, spans, triggers, ev.date_value))
    return out


def _pred_events(
    doc: GoldDocument, rec: Record, trust: bool, warnings: list[str]
) -> list[_PredEv]:
    out = []
    for i, ev in enumerate(rec.get("events") or ()):
        where = f"{doc.doc_id}: predicted event {i}"
        out.append(
            _PredEv(
                index=i,
                rec=ev,
                type=str(ev.get("type")),
                span=record_span(ev, "evidence_span", "evidence", doc.text, trust),
                trigger=record_span(ev, "trigger_span", "trigger", doc.text, trust),
                date=_parse_date(ev.get("date"), warnings, where),
            )
        )
    return out


# ------------------------------------------------------------------------------------------- matching


def _match_events(
    golds: Sequence[_GoldEv], preds: Sequence[_PredEv], typed: bool
) -> list[tuple[int, int, float]]:
    """``(gold_index, pred_index, overlap)`` one-to-one pairs."""
    cands: list[tuple[tuple[float, ...], int, int]] = []
    ratios: dict[tuple[int, int], float] = {}
    for g in golds:
        for p in preds:
            same = p.type == g.ev.type
            if (typed and not same) or p.span is None:
                continue
            r = best_ratio(p.span, g.spans)
            if r < MATCH_THRESHOLD:
                continue
            trig = 1.0 if p.trigger is not None and any(p.trigger.overlap(t) for t in g.triggers) else 0.0
            dist = min(abs(p.span.start - s.start) for s in g.spans)
            cands.append(((r, float(same), trig, -float(dist)), g.index, p.index))
            ratios[g.index, p.index] = r
    return [(gi, pi, ratios[gi, pi]) for gi, pi in greedy_match(cands)]


def _year_before(published: dt.date) -> dt.date:
    try:
        return published.replace(year=published.year - 1)
    except ValueError:  # 29 February
        return published.replace(year=published.year - 1, day=28)


def _is_history(p: _PredEv, published: dt.date | None) -> bool:
    """Dated entirely more than a year before publication (GUIDELINE decision 4)."""
    return published is not None and p.date is not None and p.date.last < _year_before(published)


# ----------------------------------------------------------------------------------------- attributes


def _places(value: Any) -> list[Record]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Mapping)]
    return []


def _entity_match(
    text: str, trust: bool, gold_text: str | None, gold_name: str | None, pred: Record
) -> tuple[bool, bool]:
    """``(matches, same_name)`` for a predicted actor/place against a gold one."""
    same_name = bool(gold_name) and norm_name(pred.get("name")) == norm_name(gold_name)
    same_text = bool(gold_text) and norm_name(pred.get("text")) == norm_name(gold_text)
    span = record_span(pred, "span", "text", text, trust)
    overlaps = span is not None and any(span.overlap(o) for o in locate(text, gold_text))
    return same_name or same_text or overlaps, same_name


def _match_actors(
    text: str, trust: bool, golds: Sequence[GoldActor], preds: Sequence[Record]
) -> tuple[int, int]:
    """``(matched pairs, pairs whose canonical names agree)``."""
    cands = []
    same: dict[tuple[int, int], bool] = {}
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ok, same_name = _entity_match(text, trust, g.text, g.name, p)
            if ok:
                cands.append(((float(same_name),), gi, pi))
                same[gi, pi] = same_name
    pairs = greedy_match(cands)
    return len(pairs), sum(same[p] for p in pairs)


def _fmt_date(d: DateValue | None) -> str:
    return "null" if d is None else str(d.to_gold())


def _score_event_attributes(
    tally: Tally, doc: GoldDocument, trust: bool, g: _GoldEv, p: _PredEv
) -> tuple[str, ...]:
    """Add one typed match's attribute scores; return the attributes on which gold and prediction differ."""
    ev, rec, text = g.ev, p.rec, doc.text
    diffs: list[str] = []

    gold_modes, pred_modes = set(ev.mode), {str(m) for m in rec.get("mode") or ()}
    tally.add("mode.accuracy", int(gold_modes == pred_modes), 1)
    tally.add_prf("mode", len(gold_modes & pred_modes), len(pred_modes), len(gold_modes))
    if gold_modes != pred_modes:
        diffs.append(f"mode: gold {sorted(gold_modes)} predicted {sorted(pred_modes)}")

    for role in ("actors", "recipients"):
        metric = "actor" if role == "actors" else "recipient"
        golds: tuple[GoldActor, ...] = getattr(ev, role)
        preds = [a for a in rec.get(role) or () if isinstance(a, Mapping)]
        tp, same = _match_actors(text, trust, golds, preds)
        tally.add_prf(metric, tp, len(preds), len(golds))
        tally.add(f"{metric}.name.accuracy", same, tp)
        if tp < len(golds) or tp < len(preds):
            diffs.append(
                f"{role}: gold {[a.name for a in golds]} predicted {[a.get('name') for a in preds]}"
            )

    gold_locs, pred_locs = ev.locations, _places(rec.get("location"))
    if gold_locs:
        hit = any(_entity_match(text, trust, gl.text, gl.name, pl)[0] for gl in gold_locs for pl in pred_locs)
        tally.add("location.accuracy", int(hit), 1)
        if not hit:
            diffs.append(f"location: gold {[gl.name for gl in gold_locs]} predicted "
                         f"{[pl.get('name') or pl.get('text') for pl in pred_locs]}")
        gold_cc = {gl.country for gl in gold_locs if gl.country}
        if gold_cc:
            tally.add("location.country.accuracy", int(bool(gold_cc & {pl.get("country") for pl in pred_locs})), 1)
    else:
        tally.add("location.null_agreement", int(not pred_locs), 1)
        if pred_locs:
            diffs.append(f"location: gold null predicted {[pl.get('name') or pl.get('text') for pl in pred_locs]}")

    if g.date is not None:
        ok = p.date is not None and g.date.contains(p.date)
        tally.add("date.accuracy", int(ok), 1)
    else:
        ok = p.date is None
        tally.add("date.null_agreement", int(ok), 1)
    if not ok:
        diffs.append(f"date: gold {_fmt_date(g.date)} predicted {_fmt_date(p.date)}")

    gold_counts = [(c.kind, c.value, c.qualifier) for c in ev.counts]
    pred_counts = [
        (c.get("kind"), c.get("value"), c.get("qualifier", "exact"))
        for c in rec.get("counts") or ()
        if isinstance(c, Mapping)
    ]
    tally.add_prf("count", multiset_overlap(pred_counts, gold_counts), len(pred_counts), len(gold_counts))
    tally.add_prf(
        "count.loose",
        multiset_overlap([c[:2] for c in pred_counts], [c[:2] for c in gold_counts]),
        len(pred_counts),
        len(gold_counts),
    )
    if Counter(gold_counts) != Counter(pred_counts):
        diffs.append(f"counts: gold {gold_counts} predicted {pred_counts}")

    pred_modality = rec.get("modality", "asserted")
    tally.add("modality.accuracy", int(pred_modality == ev.modality), 1)
    if pred_modality != ev.modality:
        diffs.append(f"modality: gold {ev.modality} predicted {pred_modality}")

    same_source = norm_name(ev.source) == norm_name(rec.get("source"))
    tally.add("source.accuracy", int(same_source), 1)
    if ev.source is not None:
        tally.add("source.attributed.accuracy", int(same_source), 1)
    if not same_source:
        diffs.append(f"source: gold {ev.source!r} predicted {rec.get('source')!r}")
    return tuple(diffs)


# --------------------------------------------------------------------------------------------- quotes


def _score_quotes(
    tally: Tally, doc: GoldDocument, rec: Record, trust: bool
) -> tuple[tuple[QuoteMatch, ...], tuple[QuoteRef, ...], tuple[QuoteRef, ...]]:
    text = doc.text
    golds = [
        _GoldQ(i, q, locate(text, q.text), locate(text, q.speaker_text)) for i, q in enumerate(doc.quotes)
    ]
    preds = [
        _PredQ(i, q, record_span(q, "span", "text", text, trust),
               record_span(q, "speaker_span", "speaker_text", text, trust))
        for i, q in enumerate(rec.get("quotes") or ())
        if isinstance(q, Mapping)
    ]
    cands = []
    ratios: dict[tuple[int, int], float] = {}
    for g in golds:
        for p in preds:
            r = best_ratio(p.span, g.spans)
            if r >= MATCH_THRESHOLD and p.span is not None:
                dist = min(abs(p.span.start - s.start) for s in g.spans)
                cands.append(((r, -float(dist)), g.index, p.index))
                ratios[g.index, p.index] = r
    pairs = greedy_match(cands)
    tally.add_prf("quote", len(pairs), len(preds), len(golds))

    def gref(g: _GoldQ) -> QuoteRef:
        s = g.spans[0] if g.spans else None
        return QuoteRef(g.index, g.q.speaker, g.q.text, (s.start, s.end) if s else None)

    def pref(p: _PredQ) -> QuoteRef:
        s = p.span
        return QuoteRef(p.index, p.rec.get("speaker"), str(p.rec.get("text") or ""),
                        (s.start, s.end) if s else None)

    matched = []
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        q, pr = g.q, p.rec
        diffs = []
        speaker_ok = norm_name(q.speaker) == norm_name(pr.get("speaker")) or (
            p.speaker_span is not None and any(p.speaker_span.overlap(s) for s in g.speaker_spans)
        )
        tally.add("speaker.accuracy", int(speaker_ok), 1)
        if not speaker_ok:
            diffs.append(f"speaker: gold {q.speaker!r} predicted {pr.get('speaker')!r}")
        pred_via = [norm_name(v) for v in pr.get("via") or ()]
        via_ok = [norm_name(v) for v in q.via] == pred_via
        tally.add("via.accuracy", int(via_ok), 1)
        if not via_ok:
            diffs.append(f"via: gold {list(q.via)} predicted {list(pr.get('via') or ())}")
        direct_ok = bool(pr.get("direct")) == q.direct
        tally.add("direct.accuracy", int(direct_ok), 1)
        if not direct_ok:
            diffs.append(f"direct: gold {q.direct} predicted {pr.get('direct')}")
        if q.cue:
            cue_ok = norm_name(q.cue) == norm_name(pr.get("cue"))
            tally.add("cue.accuracy", int(cue_ok), 1)
            if not cue_ok:
                diffs.append(f"cue: gold {q.cue!r} predicted {pr.get('cue')!r}")
        matched.append(QuoteMatch(gref(g), pref(p), round(ratios[gi, pi], 4), tuple(diffs)))
    used_g, used_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    missed = tuple(gref(g) for g in golds if g.index not in used_g)
    spurious = tuple(pref(p) for p in preds if p.index not in used_p)
    return tuple(matched), missed, spurious


# ------------------------------------------------------------------------------------------ documents


def _gold_ref(doc: GoldDocument, g: _GoldEv) -> EventRef:
    s = locate(doc.text, g.ev.evidence)
    span = (s[0].start, s[0].end) if s else None
    return EventRef(g.index, g.ev.type, g.ev.trigger, g.ev.evidence, span, g.ev.date)


def _pred_ref(doc: GoldDocument, p: _PredEv) -> EventRef:
    span = (p.span.start, p.span.end) if p.span else None
    evidence = doc.text[p.span.start : p.span.end] if p.span else str(p.rec.get("evidence") or "")
    return EventRef(p.index, p.type, str(p.rec.get("trigger") or ""), evidence, span, p.rec.get("date"))


def score_document(
    tally: Tally, doc: GoldDocument, rec: Record | None, warnings: list[str], error: str | None = None
) -> DocDetail:
    """Add one document's counts to ``tally`` and return its details (``rec`` None = no prediction)."""
    rec = rec or {}
    pred_text = rec.get("text")
    trust = pred_text is None or pred_text == doc.text
    if not trust:
        warnings.append(f"{doc.doc_id}: predicted text differs from the gold text; spans located by string")
    golds = _gold_events(doc)
    preds = _pred_events(doc, rec, trust, warnings)

    typed = _match_events(golds, preds, typed=True)
    untyped = _match_events(golds, preds, typed=False)
    typed_pred = {pi for _, pi, _ in typed}
    untyped_pred = {pi for _, pi, _ in untyped}
    exempt_typed = {p.index for p in preds if p.index not in typed_pred and _is_history(p, doc.published)}
    exempt_untyped = {p.index for p in preds if p.index not in untyped_pred and _is_history(p, doc.published)}

    tally.add_prf("event.typed", len(typed), len(preds) - len(exempt_typed), len(golds))
    tally.add_prf("event.untyped", len(untyped), len(preds) - len(exempt_untyped), len(golds))
    types = sorted({g.ev.type for g in golds} | {p.type for p in preds})
    for t in types:
        tp = sum(1 for gi, _, _ in typed if golds[gi].ev.type == t)
        n_pred = sum(1 for p in preds if p.type == t and p.index not in exempt_typed)
        n_gold = sum(1 for g in golds if g.ev.type == t)
        tally.add_prf(f"type.{t}", tp, n_pred, n_gold)

    matched = []
    for gi, pi, r in typed:
        diffs = _score_event_attributes(tally, doc, trust, golds[gi], preds[pi])
        matched.append(EventMatch(_gold_ref(doc, golds[gi]), _pred_ref(doc, preds[pi]), round(r, 4), diffs))
    typed_gold = {gi for gi, _, _ in typed}
    mistyped = tuple(
        EventMatch(_gold_ref(doc, golds[gi]), _pred_ref(doc, preds[pi]), round(r, 4),
                   (f"type: gold {golds[gi].ev.type} predicted {preds[pi].type}",))
        for gi, pi, r in untyped
        if golds[gi].ev.type != preds[pi].type
    )
    q_matched, q_missed, q_spurious = _score_quotes(tally, doc, rec, trust)
    return DocDetail(
        doc_id=doc.doc_id,
        where=doc.where,
        matched=tuple(matched),
        missed=tuple(_gold_ref(doc, g) for g in golds if g.index not in typed_gold),
        spurious=tuple(
            _pred_ref(doc, p) for p in preds if p.index not in typed_pred and p.index not in exempt_typed
        ),
        mistyped=mistyped,
        exempt=tuple(_pred_ref(doc, p) for p in preds if p.index in exempt_typed),
        quotes_matched=q_matched,
        quotes_missed=q_missed,
        quotes_spurious=q_spurious,
        error=error,
    )


_PRF = (".precision", ".recall", ".f1")
#: Metrics every report carries (None when nothing was there to measure), in display order.
STANDARD_METRICS: tuple[str, ...] = (
    *(f"event.typed{m}" for m in _PRF),
    *(f"event.untyped{m}" for m in _PRF),
    "mode.accuracy",
    *(f"mode{m}" for m in _PRF),
    *(f"actor{m}" for m in _PRF),
    "actor.name.accuracy",
    *(f"recipient{m}" for m in _PRF),
    "recipient.name.accuracy",
    "location.accuracy",
    "location.country.accuracy",
    "location.null_agreement",
    "date.accuracy",
    "date.null_agreement",
    *(f"count{m}" for m in _PRF),
    *(f"count.loose{m}" for m in _PRF),
    "modality.accuracy",
    "source.accuracy",
    "source.attributed.accuracy",
    *(f"quote{m}" for m in _PRF),
    "speaker.accuracy",
    "via.accuracy",
    "direct.accuracy",
    "cue.accuracy",
)


def _metric_order(name: str) -> tuple[int, str, int]:
    if name in STANDARD_METRICS:
        return 0, "", STANDARD_METRICS.index(name)
    if name.startswith("type."):
        base, _, last = name.rpartition(".")
        return 1, base, _PRF.index("." + last) if "." + last in _PRF else 9
    return 2, name, 0


def score(
    gold_docs: Iterable[GoldDocument] | str | Path,
    predicted_records: Iterable[Record],
    *,
    name: str = "",
    errors: Mapping[str, str] | None = None,
) -> Report:
    """Score contract records (:func:`peristiwa.output.to_record` dicts) against gold documents.

    Predictions are paired with gold documents by ``doc_id``; a gold document without a prediction
    scores as an empty one, a prediction without a gold document is ignored (with a warning).
    ``errors`` (``doc_id -> message``) marks documents the pipeline failed on, for the details.
    ``gold_docs`` may be the path of a gold file (then ``name`` defaults to its key, e.g. ``id-dev``).
    """
    if isinstance(gold_docs, (str, Path)):
        name = name or gold_key(gold_docs)
        gold_docs = read_gold(gold_docs)
    golds = list(gold_docs)
    by_id: dict[str, Record] = {}
    warnings: list[str] = []
    for rec in predicted_records:
        doc_id = str(rec.get("doc_id"))
        if doc_id in by_id:
            warnings.append(f"{doc_id}: several predicted records; the first is scored")
            continue
        by_id[doc_id] = rec
    known = {g.doc_id for g in golds}
    for doc_id in by_id:
        if doc_id not in known:
            warnings.append(f"{doc_id}: predicted record has no gold document; ignored")
    tally = Tally()
    for metric in STANDARD_METRICS:
        tally.add(metric, 0, 0)
    details = [
        score_document(tally, g, by_id.get(g.doc_id), warnings, (errors or {}).get(g.doc_id)) for g in golds
    ]
    return Report(name=name, documents=len(golds), metrics=tally.freeze(order=_metric_order),
                  details=tuple(details), warnings=tuple(warnings))
