#!/usr/bin/env python3
"""Raise the pinned score floors to what the pipeline reaches now (floors never go down).

Runs the default pipeline on each gold file that has a table in ``src/peristiwa/evaluate/floors.toml``,
and rewrites each metric's floor as ``max(old floor, round_down(score - margin, 3))``. Metrics without a
defined score keep their floor. Use it in the commit that improves a score.

usage: .venv/bin/python scripts/raise_floors.py [--margin 0.0] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

from peristiwa.evaluate import evaluate, load_floors

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "src" / "peristiwa" / "evaluate" / "floors.toml"
GOLD = {"seed": "seed/seed.gold.jsonl", "id-dev": "gold/id-dev.gold.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=0.0, help="pin this much below the measured score")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    text = FLOORS.read_text("utf-8")
    floors = load_floors(path=FLOORS)
    for key, rel in GOLD.items():
        if key not in floors:
            continue
        scores = evaluate(args.data / rel).to_dict()
        for metric, old in floors[key].items():
            score = scores.get(metric)
            if score is None:
                continue
            new = max(old, math.floor((score - args.margin) * 1000) / 1000)
            if new > old:
                text = _set(text, key, metric, new)
                print(f"{key} {metric}: {old:.3f} -> {new:.3f} (score {score:.4f})")
    FLOORS.write_text(text, "utf-8")


def _set(text: str, table: str, metric: str, value: float) -> str:
    """Replace one ``"metric" = value`` line inside ``[table]``, keeping comments and order."""
    header = re.search(rf"^\[{re.escape(table)}\]$", text, flags=re.M)  # the table, not a comment naming it
    if header is None:
        raise SystemExit(f"no [{table}] table in {FLOORS}")
    start = header.start()
    nxt = text.find("\n[", start + 1)
    end = len(text) if nxt < 0 else nxt
    section = re.sub(rf'^("{re.escape(metric)}" = )[0-9.]+', rf"\g<1>{value:.3f}", text[start:end], flags=re.M)
    return text[:start] + section + text[end:]


if __name__ == "__main__":
    main()
