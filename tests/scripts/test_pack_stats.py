"""scripts/pack_stats.py: the closing notes' knowledge counts come from what the packs load."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def test_counts_triggers_by_type_for_each_pack() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from pack_stats import pack_stats
    finally:
        sys.path.remove(str(REPO / "scripts"))
    for lang in ("id", "en"):
        lines = pack_stats(lang)
        triggers = next(line for line in lines if line.startswith(f"{lang} triggers.tsv:"))
        assert "ASSAULT" in triggers and int(triggers.split(": ")[1].split()[0]) > 50
