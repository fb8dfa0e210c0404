"""Gold locations of id-dev resolved by geo.places (floors, not targets).

``python tests/geo/test_gold.py`` prints the measured fractions.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

_STAGES = ("segment.sentences", "segment.tokens", "extract.entities", "geo.places")


def gold_location_accuracy(gold_path: Path, verbose: bool = False) -> dict[str, float]:
    """Fractions of gold locations with an overlapping place (any / right country / right name)."""
    pipe = Pipeline(Config.load())
    fns = [fn for info, fn in zip(pipe.stages, pipe._fns, strict=True) if info.name in _STAGES]
    total = found = country = name = 0
    for line in gold_path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        doc = Document(doc_id=rec["doc_id"], text=rec["text"], lang="id",
                       published=dt.date.fromisoformat(rec["published"]))
        for fn in fns:
            doc = fn(doc)
        seen: set[str] = set()
        for ev in rec["events"]:
            locs = ev["location"] if isinstance(ev["location"], list) else [ev["location"]] if ev["location"] else []
            for loc in locs:
                if loc["text"] in seen:
                    continue
                seen.add(loc["text"])
                total += 1
                hits = [p for p in doc.places for s in _occurrences(doc.text, loc["text"])
                        if p.start < s + len(loc["text"]) and s < p.end]
                found += bool(hits)
                country += any(p.country == loc["country"] for p in hits)
                name += any(p.name == loc["name"] for p in hits)
                if verbose and not any(p.country == loc["country"] for p in hits):
                    print(repr(loc["text"]), loc["name"], loc["country"], [(p.name, p.country) for p in hits])
    return {"locations": total, "any_place": found / total, "right_country": country / total,
            "right_name": name / total}


def _occurrences(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


@pytest.mark.slow
def test_gold_location_floor(shared_data: Path) -> None:
    got = gold_location_accuracy(shared_data / "gold" / "id-dev.gold.jsonl")
    assert got["right_country"] >= 0.5


if __name__ == "__main__":
    print(gold_location_accuracy(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gold/id-dev.gold.jsonl"),
                                 verbose=True))
