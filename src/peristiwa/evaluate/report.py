"""The evaluation report: every metric as an exact fraction, plus per-document details for debugging.

Why fractions: a score of 0.5 on 2 events and on 200 events mean different things, and reports of several
gold files or runs can only be combined from counts. Every metric is a :class:`Ratio` of integers
(precision = tp / predicted, recall = tp / gold, F1 = 2·tp / (predicted + gold)); a metric whose
denominator is zero is *undefined* and reported as None, never as 0, so "nothing to measure" is not
mistaken for "measured and wrong". The report is data only: :func:`render_report` builds a
:class:`rich.table.Table` that the CLI prints; the library itself never prints.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from rich.table import Table

__all__ = [
    "DocDetail",
    "EventMatch",
    "EventRef",
    "QuoteMatch",
    "QuoteRef",
    "Ratio",
    "Report",
    "Tally",
    "render_report",
    "report_rows",
]


@dataclass(frozen=True)
class Ratio:
    """``numerator / denominator``; :attr:`value` is None when the denominator is 0."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """The fraction as a float, or None when undefined."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class EventRef:
    """An event as shown in details: its index in the document's list, type, trigger and evidence."""

    index: int
    type: str
    trigger: str
    evidence: str
    span: tuple[int, int] | None = None
    date: Any = None


@dataclass(frozen=True)
class EventMatch:
    """A gold event paired with a predicted one; ``diffs`` lists the attributes on which they differ."""

    gold: EventRef
    predicted: EventRef
    ratio: float
    diffs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteRef:
    """A quote as shown in details."""

    index: int
    speaker: str | None
    text: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class QuoteMatch:
    """A gold quote paired with a predicted one; ``diffs`` lists speaker/via/direct/cue disagreements."""

    gold: QuoteRef
    predicted: QuoteRef
    ratio: float
    diffs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocDetail:
    """What happened in one document.

    ``matched``/``missed``/``spurious`` come from the typed event matching; ``mistyped`` are pairs the
    untyped matching made whose types differ; ``exempt`` are unmatched predictions dated over a year
    before publication (GUIDELINE decision 4: not false positives). ``error`` is set when the pipeline
    failed on the document (it is then scored as an empty prediction).
    """

    doc_id: str
    where: str = ""
    matched: tuple[EventMatch, ...] = ()
    missed: tuple[EventRef, ...] = ()
    spurious: tuple[EventRef, ...] = ()
    mistyped: tuple[EventMatch, ...] = ()
    exempt: tuple[EventRef, ...] = ()
    quotes_matched: tuple[QuoteMatch, ...] = ()
    quotes_missed: tuple[QuoteRef, ...] = ()
    quotes_spurious: tuple[QuoteRef, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Report:
    """Scores of one evaluation run.

    ``metrics`` maps flat names ("event.typed.f1", "type.ASSAULT.recall", "date.accuracy") to exact
    :class:`Ratio` s; :meth:`to_dict` gives the values, :meth:`counts` the numerators and denominators.
    """

    name: str
    documents: int
    metrics: Mapping[str, Ratio]
    details: tuple[DocDetail, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, float | None]:
        """Flat ``{metric: value}``; undefined metrics (zero denominator) are None."""
        return {name: r.value for name, r in self.metrics.items()}

    def counts(self) -> dict[str, tuple[int, int]]:
        """Flat ``{metric: (numerator, denominator)}``."""
        return {name: (r.numerator, r.denominator) for name, r in self.metrics.items()}

    def get(self, name: str) -> float | None:
        """One metric's value; None when undefined or not computed."""
        r = self.metrics.get(name)
        return r.value if r is not None else None

    @property
    def errors(self) -> tuple[str, ...]:
        """Per-document pipeline failures, as ``doc_id: message``."""
        return tuple(f"{d.doc_id}: {d.error}" for d in self.details if d.error)

    def as_json(self) -> dict[str, Any]:
        """Everything as JSON-ready builtins (for ``peristiwa evaluate --json``)."""
        return {
            "name": self.name,
            "documents": self.documents,
            "metrics": self.to_dict(),
            "counts": {k: list(v) for k, v in self.counts().items()},
            "warnings": list(self.warnings),
            "details": [asdict(d) for d in self.details],
        }


@dataclass
class Tally:
    """Mutable accumulator of metric fractions while scoring; :meth:`freeze` makes the mapping."""

    parts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, numerator: int, denominator: int) -> None:
        """Add to one metric's numerator and denominator."""
        cell = self.parts.setdefault(name, [0, 0])
        cell[0] += numerator
        cell[1] += denominator

    def add_prf(self, name: str, tp: int, predicted: int, gold: int) -> None:
        """Add precision, recall and F1 of ``name`` from true positives and the two totals."""
        self.add(f"{name}.precision", tp, predicted)
        self.add(f"{name}.recall", tp, gold)
        self.add(f"{name}.f1", 2 * tp, predicted + gold)

    def freeze(self, order: Callable[[str], Any] | None = None) -> Mapping[str, Ratio]:
        """A read-only ``{name: Ratio}``, in insertion order or sorted by the key ``order``."""
        names = sorted(self.parts, key=order) if order is not None else list(self.parts)
        return types.MappingProxyType({k: Ratio(*self.parts[k]) for k in names})


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def report_rows(report: Report, metrics: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """``(metric, value, "numerator/denominator")`` rows, in report order or the order of ``metrics``."""
    names = list(metrics) if metrics is not None else list(report.metrics)
    rows = []
    for name in names:
        r = report.metrics.get(name)
        if r is None:
            rows.append((name, "—", ""))
        else:
            rows.append((name, _fmt(r.value), f"{r.numerator}/{r.denominator}"))
    return rows


def render_report(report: Report, metrics: Iterable[str] | None = None) -> Table:
    """A rich table of the report's metrics (the CLI prints it; values "—" are undefined)."""
    title = f"{report.name or 'evaluation'}: {report.documents} documents"
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("n/d", justify="right")
    for row in report_rows(report, metrics):
        table.add_row(*row)
    return table
