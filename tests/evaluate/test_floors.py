"""Floors: the pipeline's scores on the gold files may not drop below ``floors.toml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.errors import EvaluationError
from peristiwa.evaluate import Ratio, Report, check_floors, evaluate, evaluate_polnear, load_floors
from peristiwa.pipeline import Pipeline

GOLD_FILES = {"seed": "seed/seed.gold.jsonl", "id-dev": "gold/id-dev.gold.jsonl"}


def _report(**metrics: tuple[int, int]) -> Report:
    return Report(name="g", documents=1, metrics={k: Ratio(*v) for k, v in metrics.items()})


def test_check_floors_messages() -> None:
    report = _report(**{"a.f1": (1, 2), "b.f1": (0, 0), "c.f1": (3, 4)})
    assert check_floors(report, {"a.f1": 0.5, "b.f1": 0.0, "c.f1": 0.75}) == []
    failures = check_floors(report, {"a.f1": 0.6, "b.f1": 0.1, "d.f1": 0.0})
    assert len(failures) == 3
    assert "a.f1 = 0.5000 (1/2) is below its floor 0.6000" in failures[0]
    assert "undefined" in failures[1] and "not in the report" in failures[2]


def test_check_floors_with_whole_file() -> None:
    report = _report(**{"a.f1": (1, 2)})
    floors = {"g": {"a.f1": 0.9}, "other": {"a.f1": 0.1}}
    assert len(check_floors(report, floors)) == 1  # the table named like the report
    assert check_floors(report, floors, "other.gold.jsonl") == []
    assert check_floors(report, floors, "unknown.gold.jsonl") == []


def test_load_floors(tmp_path: Path) -> None:
    shipped = load_floors()
    assert set(GOLD_FILES) <= set(shipped)
    assert load_floors("seed") == {"seed": shipped["seed"]}
    bad = tmp_path / "floors.toml"
    bad.write_text('[seed]\n"event.typed.f1" = 2\n', "utf-8")
    with pytest.raises(EvaluationError, match="in \\[0, 1\\]"):
        load_floors(path=bad)
    bad.write_text("[seed\n", "utf-8")
    with pytest.raises(EvaluationError, match="TOML"):
        load_floors(path=bad)


@pytest.mark.parametrize("key", sorted(GOLD_FILES))
def test_pipeline_scores_hold_their_floors(shared_data: Path, pipeline: Pipeline, key: str) -> None:
    report = evaluate(shared_data / GOLD_FILES[key], pipeline)
    assert report.name == key
    assert not report.errors, report.errors
    failures = check_floors(report, load_floors()[key])
    assert not failures, "\n".join(failures)


def test_polnear_scores_hold_their_floors(shared_data: Path, pipeline: Pipeline) -> None:
    report = evaluate_polnear(shared_data / "quotes" / "polnear", pipeline, split="dev")
    failures = check_floors(report, load_floors()["polnear"])
    assert not failures, "\n".join(failures)
