"""Build the Indonesian pack's word-class lexicon (``langs/id/data/pos_lexicon.tsv``) from UD treebanks.

Why: the argument rules must tell a noun from a verb without a tagger at run time ("penggiat media sosial
asal Rusia": "media" is a noun though it starts like a meN- verb). Universal Dependencies' Indonesian
treebanks (GSD, CSUI; CC BY-SA 4.0, in ``../shared/data/ud``) give, for every word form they contain, how
often each universal POS tag was assigned. The lexicon keeps lower-cased forms seen at least ``--min-count``
times with their majority tag when it holds at least ``--min-share`` of the uses, so the file stays small
(a few hundred KB) and each row is traceable to its counts.

Usage::

    .venv/bin/python scripts/build_pos_lexicon.py            # reads ../shared/data/ud, writes the pack file
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UD = ROOT.parent / "shared" / "data" / "ud"
OUT = ROOT / "src" / "peristiwa" / "langs" / "id" / "data" / "pos_lexicon.tsv"
TREEBANKS = ("UD_Indonesian-GSD", "UD_Indonesian-CSUI")
#: Proper names, numbers and punctuation say nothing about a word's class in running text.
_SKIP = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X"})


def read_counts(ud: Path) -> tuple[dict[str, Counter[str]], list[str]]:
    """Per lower-cased form, the UPOS counts over every .conllu file of the Indonesian treebanks."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    files: list[str] = []
    for bank in TREEBANKS:
        for path in sorted((ud / bank).glob("*.conllu")):
            files.append(f"{bank}/{path.name}")
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) < 4 or not cols[0].isdigit():
                    continue  # comments, multiword-token ranges ("3-4"), empty nodes ("3.1")
                form, upos = cols[1].lower(), cols[3]
                if form.isalpha() or "-" in form:
                    counts[form][upos] += 1
    return counts, files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, default=DEFAULT_UD)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--min-share", type=float, default=0.5)
    args = ap.parse_args()
    counts, files = read_counts(args.ud)
    rows = []
    for form in sorted(counts):
        c = counts[form]
        total = sum(c.values())
        tag, n = c.most_common(1)[0]
        if tag in _SKIP:
            continue
        if total >= args.min_count and n / total >= args.min_share:
            rows.append(f"{form}\t{tag}\t{n}\t{total}")
    header = [
        "# Majority universal POS tag of Indonesian word forms, built by scripts/build_pos_lexicon.py from",
        f"# Universal Dependencies ({', '.join(files)}; CC BY-SA 4.0).",
        f"# Kept: forms seen >= {args.min_count} times whose majority tag holds >= {args.min_share:.0%} of uses.",
        "# count = uses with that tag, total = all uses of the form.",
        "form\tupos\tcount\ttotal",
    ]
    args.out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} forms -> {args.out}")


if __name__ == "__main__":
    main()
