"""Score floors: the minimum each metric may reach on each gold file, so quality can only ratchet up.

Why: extraction rules interact, and a change that helps one document often quietly hurts another. The
floors in ``floors.toml`` pin what the pipeline reaches today; the test suite fails when a score drops
below its floor. Whoever improves a score raises its floor in the same change (floors only go up).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from .gold import gold_key
from .report import Report

__all__ = ["TOLERANCE", "check_floors", "load_floors"]

#: Slack for float rounding when comparing a score with its floor.
TOLERANCE = 1e-9


def load_floors(key: str | None = None, path: str | Path | None = None) -> dict[str, dict[str, float]]:
    """The floors file (default: the shipped ``floors.toml``) as ``{gold key: {metric: floor}}``.

    With ``key`` only that gold file's table is returned (``{key: {...}}``, empty when absent).
    """
    try:
        if path is None:
            text = resources.files("peristiwa.evaluate").joinpath("floors.toml").read_text("utf-8")
            where = "peristiwa/evaluate/floors.toml"
        else:
            text = Path(path).read_text("utf-8")
            where = str(path)
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise EvaluationError(f"{path}: floors file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise EvaluationError(f"{path or 'floors.toml'}: not valid TOML: {exc}") from None
    out: dict[str, dict[str, float]] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise EvaluationError(f"{where}: [{name}] must be a table of metric = floor")
        floors: dict[str, float] = {}
        for metric, value in table.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise EvaluationError(f"{where}: [{name}] {metric} must be a number in [0, 1], got {value!r}")
            floors[metric] = float(value)
        out[name] = floors
    if key is not None:
        return {key: out.get(key, {})}
    return out


def check_floors(
    report: Report,
    floors: Mapping[str, float] | Mapping[str, Mapping[str, float]],
    gold: str | Path | None = None,
) -> list[str]:
    """Messages for every metric below its floor (empty when all hold).

    ``floors`` is either one gold file's table (``{metric: floor}``) or the whole floors file as given by
    :func:`load_floors` (``{gold key: {metric: floor}}``); in the latter case the table of ``gold`` (a
    gold file name or path, or its key) is used, by default the table named like the report. A gold file
    without a table has no floors. A floor on a metric the report does not have, or that is undefined
    (None) while the floor is above 0, fails: a metric that silently disappears must not pass.
    """
    table: Mapping[str, float]
    if any(isinstance(v, Mapping) for v in floors.values()):
        key = gold_key(gold) if gold is not None else report.name
        nested: Any = floors
        table = nested.get(key, {})
    else:
        table = floors  # type: ignore[assignment]
    failures: list[str] = []
    for metric, floor in table.items():
        if metric not in report.metrics:
            failures.append(f"{report.name}: {metric} is not in the report (floor {floor:.3f})")
            continue
        value = report.metrics[metric].value
        if value is None:
            if floor > 0:
                failures.append(f"{report.name}: {metric} is undefined (floor {floor:.3f})")
            continue
        if value + TOLERANCE < floor:
            r = report.metrics[metric]
            failures.append(
                f"{report.name}: {metric} = {value:.4f} ({r.numerator}/{r.denominator}) "
                f"is below its floor {floor:.4f}"
            )
    return failures
