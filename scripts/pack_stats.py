#!/usr/bin/env python3
"""Count a language pack's knowledge: rows per data table, triggers per PLOVER type, word classes per class.

Why: the Indonesian pack issue asks every closing note to say how many rules and lexicon entries each
category has; counting by hand drifts. Reads the pack through :class:`peristiwa.langs.base.PackLoader`, so
it counts exactly what the pipeline loads.

usage: .venv/bin/python scripts/pack_stats.py [id|en ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from importlib import resources

from peristiwa.langs.base import PackLoader

#: tables whose rows are broken down by one column in the report (file -> column)
_BY = {"triggers.tsv": "type", "word_classes.tsv": "class", "argument_cues.tsv": "role"}


def pack_stats(lang: str) -> list[str]:
    """One line per data table of ``lang`` (rows, and a breakdown for the tables in ``_BY``)."""
    pack = PackLoader().get(lang)
    if pack is None:
        raise SystemExit(f"no language pack {lang!r}")
    lines = []
    data = resources.files(pack.package).joinpath("data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith(".tsv")):
        rows = pack.table(name)
        line = f"{lang} {name}: {len(rows)} rows"
        column = _BY.get(name)
        if column and rows:
            counts = Counter(r.get(column, "") for r in rows)
            line += " (" + ", ".join(f"{k} {v}" for k, v in counts.most_common()) + ")"
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["id", "en"])
    for lang in parser.parse_args().langs:
        print("\n".join(pack_stats(lang)))


if __name__ == "__main__":
    main()
