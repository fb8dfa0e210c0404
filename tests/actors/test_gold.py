"""Coverage of the id-dev gold actor/recipient mentions by the extract.entities stage (floors, not targets).

``python tests/actors/test_gold.py`` prints the measured fractions.
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


def gold_actor_coverage(gold_path: Path) -> dict[str, float]:
    """Fractions of gold actor/recipient mentions covered by an entity (same canonical name / any)."""
    pipe = Pipeline(Config.load())
    wanted = ("segment.sentences", "segment.tokens", "extract.entities")
    fns = [fn for info, fn in zip(pipe.stages, pipe._fns, strict=True) if info.name in wanted]
    total = same = anyent = 0
    for line in gold_path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        doc = Document(doc_id=rec["doc_id"], text=rec["text"], lang="id",
                       published=dt.date.fromisoformat(rec["published"]))
        for fn in fns:
            doc = fn(doc)
        for ev in rec["events"]:
            for arg in ev["actors"] + ev["recipients"]:
                spans = _occurrences(doc.text, arg["text"])
                total += 1
                hits = [e for e in doc.entities for s, t in spans if e.start < t and s < e.end]
                anyent += bool(hits)
                same += any(e.name == arg["name"] for e in hits)
    return {"mentions": total, "same_name": same / total, "any_entity": anyent / total}


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, pos = [], text.find(needle)
    while pos >= 0:
        out.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    return out


@pytest.mark.slow
def test_gold_actor_coverage_floor(shared_data: Path) -> None:
    got = gold_actor_coverage(shared_data / "gold" / "id-dev.gold.jsonl")
    assert got["any_entity"] >= 0.6
    assert got["same_name"] >= 0.3


if __name__ == "__main__":
    print(gold_actor_coverage(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gold/id-dev.gold.jsonl")))
