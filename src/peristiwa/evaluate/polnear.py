"""PolNeAR (English political news, attribution relations in brat standoff): reader and quote scorer.

Layout read (``../shared/data/quotes/polnear``)::

    <split>/text/<article>.txt                       the article, UTF-8
    <split>/attributions/<article>_<annotator>.ann   brat standoff

An ``.ann`` file holds text-bound annotations ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
(labels Source, Cue, Content, Attribution; Discard/Discuss are annotator bookkeeping) and events
``E<n>\\tAttribution:T<a> Content:T<b> Cue:T<c> Source:T<d>`` tying one attribution together (no Source
role for ``Attribution-no-source``; repeated roles are numbered ``Content2``). Offsets are character
offsets into the text file; span text may run over several lines, so lines that start no annotation are
continuations and are skipped. A few articles were annotated by several annotators: the reader keeps the
annotation file of the first annotator id in sort order, so results are reproducible.

Why a separate scorer: PolNeAR marks *attribution* (quotes, paraphrase, beliefs), not events, and its
content spans include the quotation marks our quotes leave out; matching by "overlap ≥ half of the shorter
span" absorbs that. Reported: ``quote.*`` (match level), ``quote.char.*`` (characters of content covered),
``speaker.accuracy`` (the predicted speaker span overlaps the gold Source, or the texts are equal) and
``cue.accuracy`` on matched quotes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DocumentError, EvaluationError
from ..model import Document, Span
from ..output import to_record
from ..pipeline import Pipeline
from .report import DocDetail, QuoteMatch, QuoteRef, Report, Tally
from .spans import MATCH_THRESHOLD, greedy_match, norm_name, record_span

__all__ = [
    "PolnearAttribution",
    "PolnearDocument",
    "evaluate_polnear",
    "parse_brat",
    "polnear_document",
    "read_polnear",
    "score_polnear",
]

_ROLE_FIELDS = {"source": "source", "cue": "cue", "content": "content"}
_TEXT_BOUND = re.compile(r"^T\d+$")
_EVENT = re.compile(r"^E\d+$")
_ANNOTATION_ID = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)$")
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})$")
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class PolnearAttribution:
    """One attribution relation: source (may be empty), cue and content, each possibly discontinuous."""

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PolnearDocument:
    """One article with its gold attributions."""

    doc_id: str
    text: str
    attributions: tuple[PolnearAttribution, ...]
    published: dt.date | None = None
    publisher: str | None = None
    annotator: str | None = None
    where: str = ""


def parse_brat(ann: str, text: str, where: str = "<ann>") -> tuple[PolnearAttribution, ...]:
    """The attribution relations of one brat ``.ann`` text (offsets checked against ``text``)."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]], int]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        fields = line.split("\t")
        ident = fields[0]
        if _TEXT_BOUND.match(ident):
            if len(fields) < 2:
                raise EvaluationError(f"{where}:{lineno}: text-bound annotation without label and offsets")
            label, _, offsets = fields[1].partition(" ")
            pieces = []
            try:
                for piece in offsets.split(";"):
                    start_s, end_s = piece.split()
                    pieces.append(Span(int(start_s), int(end_s)))
            except ValueError:
                raise EvaluationError(f"{where}:{lineno}: bad offsets {offsets!r} for {label}") from None
            for s in pieces:
                if not 0 <= s.start <= s.end <= len(text):
                    raise EvaluationError(f"{where}:{lineno}: offsets {s.start}-{s.end} outside the text")
            spans[ident] = tuple(pieces)
        elif _EVENT.match(ident):
            if len(fields) < 2:
                raise EvaluationError(f"{where}:{lineno}: event without arguments")
            args = []
            for arg in fields[1].split():
                role, sep, ref = arg.partition(":")
                if not sep:
                    raise EvaluationError(f"{where}:{lineno}: bad event argument {arg!r}")
                args.append((role.rstrip("0123456789").lower(), ref))
            events.append((ident, args, lineno))
        # other annotation kinds (#, A, R, N, *) and continuation lines of multi-line span text: ignored
    out = []
    for ident, args, lineno in events:
        parts: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
        for role, ref in args:
            field = _ROLE_FIELDS.get(role)
            if field is None:
                continue  # the Attribution / Attribution-no-source anchor
            if ref not in spans:
                raise EvaluationError(f"{where}:{lineno}: {ident} refers to unknown annotation {ref}")
            parts[field].extend(spans[ref])
        if not parts["content"]:
            continue  # an attribution without content cannot be scored as a quote
        out.append(
            PolnearAttribution(
                id=ident,
                content=tuple(sorted(parts["content"], key=lambda s: s.start)),
                cue=tuple(parts["cue"]),
                source=tuple(parts["source"]),
            )
        )
    return tuple(out)


def _split_dir(directory: Path, split: str) -> Path:
    for base in (directory, directory / split):
        if (base / "text").is_dir() and (base / "attributions").is_dir():
            return base
    raise EvaluationError(
        f"{directory}: not a PolNeAR folder (expected text/ and attributions/ in it or in {split}/)"
    )


def read_polnear(
    directory: str | Path, split: str = "dev", *, limit: int | None = None
) -> list[PolnearDocument]:
    """Articles with their attributions, sorted by name.

    ``directory`` is a split folder (holding ``text/`` and ``attributions/``) or the corpus root, in
    which case ``split`` (train, dev) is read. ``limit`` keeps only the first articles.
    """
    base = _split_dir(Path(directory), split)
    chosen: dict[str, tuple[str, Path]] = {}
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        m = _ANN_NAME.match(ann_path.stem)
        article, annotator = (m["article"], m["annotator"]) if m else (ann_path.stem, "")
        chosen.setdefault(article, (annotator, ann_path))
    docs: list[PolnearDocument] = []
    for article in sorted(chosen):
        if limit is not None and len(docs) >= limit:
            break
        annotator, ann_path = chosen[article]
        text_path = base / "text" / f"{article}.txt"
        try:
            text = text_path.read_text("utf-8")
            ann = ann_path.read_text("utf-8")
        except FileNotFoundError as exc:
            raise EvaluationError(f"{ann_path}: missing file {exc.filename}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise EvaluationError(f"{ann_path}: cannot read: {exc}") from None
        date_m = _DATE_IN_NAME.search(article)
        published = None
        if date_m:
            try:
                published = dt.date.fromisoformat(date_m[1])
            except ValueError:
                published = None
        docs.append(
            PolnearDocument(
                doc_id=article,
                text=text,
                attributions=parse_brat(ann, text, str(ann_path)),
                published=published,
                publisher=article.split("_", 1)[0] or None,
                annotator=annotator or None,
                where=str(ann_path),
            )
        )
    if not docs:
        raise EvaluationError(f"{base}: no PolNeAR annotation files found")
    return docs


def polnear_document(doc: PolnearDocument) -> Document:
    """The input :class:`Document` (English) the pipeline sees for a PolNeAR article."""
    return Document(doc_id=doc.doc_id, text=doc.text, lang="en", published=doc.published,
                    source=doc.publisher)


# -------------------------------------------------------------------------------------------- scoring


def _covered(spans: Iterable[Span]) -> list[Span]:
    """Merged, sorted, non-overlapping cover of ``spans``."""
    merged: list[Span] = []
    for s in sorted(spans, key=lambda x: x.start):
        if len(s) <= 0:
            continue
        if merged and s.start <= merged[-1].end:
            if s.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


def _length(spans: Sequence[Span]) -> int:
    return sum(len(s) for s in spans)


def _shared(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters covered by both merged covers."""
    return sum(x.overlap(y) for x in a for y in b)


def _ratio(pred: Span, gold: Sequence[Span]) -> float:
    shorter = min(len(pred), _length(gold))
    return _shared([pred], gold) / shorter if shorter > 0 else 0.0


def _speaker_ok(doc: PolnearDocument, gold: PolnearAttribution, q: Mapping[str, Any], trust: bool) -> bool:
    span = record_span(q, "speaker_span", "speaker_text", doc.text, trust)
    if span is not None and any(span.overlap(s) for s in gold.source):
        return True
    gold_names = {norm_name(doc.text[s.start : s.end]) for s in gold.source}
    return bool({norm_name(q.get("speaker_text")), norm_name(q.get("speaker"))} & gold_names)


def _cue_ok(doc: PolnearDocument, gold: PolnearAttribution, q: Mapping[str, Any], trust: bool) -> bool:
    span = record_span(q, "cue_span", "cue", doc.text, trust)
    if span is not None and any(span.overlap(s) for s in gold.cue):
        return True
    return norm_name(q.get("cue")) in {norm_name(doc.text[s.start : s.end]) for s in gold.cue}


def _score_doc(tally: Tally, doc: PolnearDocument, rec: Mapping[str, Any] | None, error: str | None) -> DocDetail:
    rec = rec or {}
    trust = rec.get("text") is None or rec.get("text") == doc.text
    golds = [(_covered(a.content), a) for a in doc.attributions]
    preds = [
        (record_span(q, "span", "text", doc.text, trust), q)
        for q in rec.get("quotes") or ()
        if isinstance(q, Mapping)
    ]
    cands: list[tuple[tuple[float, ...], int, int]] = []
    ratios: dict[tuple[int, int], float] = {}
    for gi, (gspans, _) in enumerate(golds):
        for pi, (pspan, _) in enumerate(preds):
            if pspan is None or not gspans:
                continue
            r = _ratio(pspan, gspans)
            if r >= MATCH_THRESHOLD:
                cands.append(((r, -float(abs(pspan.start - gspans[0].start))), gi, pi))
                ratios[gi, pi] = r
    pairs = greedy_match(cands)
    tally.add_prf("quote", len(pairs), len(preds), len(golds))
    gold_cover = _covered(s for gs, _ in golds for s in gs)
    pred_cover = _covered(p for p, _ in preds if p is not None)
    tally.add_prf("quote.char", _shared(pred_cover, gold_cover), _length(pred_cover), _length(gold_cover))

    def gref(i: int) -> QuoteRef:
        gspans, a = golds[i]
        source = " ".join(doc.text[s.start : s.end] for s in a.source) or None
        content = " … ".join(doc.text[s.start : s.end] for s in gspans)
        return QuoteRef(i, source, content, (gspans[0].start, gspans[-1].end) if gspans else None)

    def pref(i: int) -> QuoteRef:
        span, q = preds[i]
        return QuoteRef(i, q.get("speaker"), str(q.get("text") or ""), (span.start, span.end) if span else None)

    matched = []
    for gi, pi in pairs:
        attribution, q = golds[gi][1], preds[pi][1]
        diffs = []
        if attribution.source:
            ok = _speaker_ok(doc, attribution, q, trust)
            tally.add("speaker.accuracy", int(ok), 1)
            if not ok:
                diffs.append(f"speaker: gold {gref(gi).speaker!r} predicted {q.get('speaker')!r}")
        if attribution.cue:
            ok = _cue_ok(doc, attribution, q, trust)
            tally.add("cue.accuracy", int(ok), 1)
            if not ok:
                cue = " ".join(doc.text[s.start : s.end] for s in attribution.cue)
                diffs.append(f"cue: gold {cue!r} predicted {q.get('cue')!r}")
        matched.append(QuoteMatch(gref(gi), pref(pi), round(ratios[gi, pi], 4), tuple(diffs)))
    used_g, used_p = {g for g, _ in pairs}, {p for _, p in pairs}
    return DocDetail(
        doc_id=doc.doc_id,
        where=doc.where,
        quotes_matched=tuple(matched),
        quotes_missed=tuple(gref(i) for i in range(len(golds)) if i not in used_g),
        quotes_spurious=tuple(pref(i) for i in range(len(preds)) if i not in used_p),
        error=error,
    )


_METRICS = (
    *(f"{base}{m}" for base in ("quote", "quote.char") for m in (".precision", ".recall", ".f1")),
    "speaker.accuracy",
    "cue.accuracy",
)


def score_polnear(
    gold_docs: Iterable[PolnearDocument],
    predicted_records: Iterable[Mapping[str, Any]],
    *,
    name: str = "polnear",
    errors: Mapping[str, str] | None = None,
) -> Report:
    """Score predicted contract records' ``quotes`` against PolNeAR attributions (paired by ``doc_id``)."""
    golds = list(gold_docs)
    by_id: dict[str, Mapping[str, Any]] = {}
    for rec in predicted_records:
        by_id.setdefault(str(rec.get("doc_id")), rec)
    tally = Tally()
    for metric in _METRICS:
        tally.add(metric, 0, 0)
    details = tuple(_score_doc(tally, d, by_id.get(d.doc_id), (errors or {}).get(d.doc_id)) for d in golds)
    known = {d.doc_id for d in golds}
    warnings = tuple(f"{k}: predicted record has no gold document; ignored" for k in by_id if k not in known)
    return Report(name=name, documents=len(golds), metrics=tally.freeze(), details=details, warnings=warnings)


def evaluate_polnear(
    directory: str | Path,
    pipeline: Pipeline | None = None,
    *,
    split: str = "dev",
    limit: int | None = None,
) -> Report:
    """Run the pipeline (default config when None) over PolNeAR articles and score its quotes."""
    docs = read_polnear(directory, split, limit=limit)
    pipe = pipeline if pipeline is not None else Pipeline()
    records: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    for doc in docs:
        try:
            records.append(to_record(pipe(polnear_document(doc))))
        except DocumentError as exc:
            errors[doc.doc_id] = str(exc)
    name = f"polnear-{_split_dir(Path(directory), split).name}"
    return score_polnear(docs, records, name=name, errors=errors)
