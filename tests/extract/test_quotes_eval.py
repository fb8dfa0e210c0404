"""Quote scores on the shared gold data stay at or above the levels reached (skipped without the data)."""

from __future__ import annotations

from pathlib import Path

from peristiwa.evaluate import evaluate_polnear, predict, read_gold, score
from peristiwa.pipeline import Pipeline


def _scores(path: Path, pipeline: Pipeline) -> dict[str, float | None]:
    docs = read_gold(path)
    records, errors = predict(docs, pipeline)
    assert not errors
    return score(docs, records, name=path.name, errors=errors).to_dict()


def test_seed_quotes_all_found(shared_data: Path, pipeline: Pipeline) -> None:
    s = _scores(shared_data / "seed" / "seed.gold.jsonl", pipeline)
    for metric in ("quote.precision", "quote.recall", "speaker.accuracy", "via.accuracy", "direct.accuracy"):
        assert s[metric] == 1.0, (metric, s)


def test_indonesian_dev_quotes(shared_data: Path, pipeline: Pipeline) -> None:
    s = _scores(shared_data / "gold" / "id-dev.gold.jsonl", pipeline)
    assert (s["quote.f1"] or 0) >= 0.90, s
    assert (s["speaker.accuracy"] or 0) >= 0.93, s
    assert (s["via.accuracy"] or 0) >= 0.93, s


def test_polnear_dev_sample(shared_data: Path, pipeline: Pipeline) -> None:
    report = evaluate_polnear(shared_data / "quotes" / "polnear", pipeline, split="dev", limit=30)
    s = report.to_dict()
    assert (s["quote.precision"] or 0) >= 0.80, s
    assert (s["quote.f1"] or 0) >= 0.55, s
    assert (s["speaker.accuracy"] or 0) >= 0.80, s
