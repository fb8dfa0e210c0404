"""Cross-article merging quality: duplicate groups and event clusters scored against a built truth.

Why: duplicate-group precision/recall and event-merge precision/recall can only be measured where the
truth is known; ``merge_corpus.py`` derives copies and rewrites from real IndoSum articles and records
where every sentence came from. This script runs the default pipeline on that corpus, stores it, runs
``peristiwa merge`` logic (:func:`peristiwa.store.merging.merge_store`) and scores:

* **duplicate groups**, pairwise over documents: a pair is true when both are the original or a copy
  of one story (rewrites by other outlets are *not* copies);
* **event merges**, pairwise over events of different documents: a pair is true when both documents tell
  the same story, the two events have the same type and their evidence sentences come from the same
  original sentence. Pairs of events from different stories are false, however alike.

A sweep over ``min_score`` shows the precision/recall trade-off (each run re-clusters from scratch:
merges are undone by re-running with other thresholds), then the defaults are restored.

    .venv/bin/python benchmarks/bench_merge.py --out /tmp/bench-merge [--seed 2 --first-day 2017-05-01]
    .venv/bin/python benchmarks/bench_merge.py --out /tmp/bench-merge --workers 2

Targets (the issue): duplicate-group precision and recall ≥ 0.95; event-merge precision ≥ 0.90 at
recall ≥ 0.80.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from merge_corpus import build_merge_corpus

from peristiwa.config import Config
from peristiwa.merge.events import MergeOptions
from peristiwa.runner import run_to_store
from peristiwa.store import Store
from peristiwa.store.merging import DuplicateOptions, update_duplicates, update_event_clusters

Pair = tuple[str, str]


def _pairs(groups: dict[str, list[str]]) -> set[Pair]:
    out: set[Pair] = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            out.add((a, b))
    return out


def _prf(pred: set[Pair], gold: set[Pair]) -> dict[str, float | int]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "predicted_pairs": len(pred), "gold_pairs": len(gold), "true_pairs": tp}


def load_truth(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return {rec["doc_id"]: rec for rec in map(json.loads, fh)}


def duplicate_scores(store: Store, truth: dict[str, dict[str, Any]]) -> dict[str, Any]:
    rows = store.cursor().execute("SELECT doc_id, group_id FROM duplicate_groups").fetchall()
    pred: dict[str, list[str]] = defaultdict(list)
    for doc_id, group in rows:
        pred[group].append(doc_id)
    gold: dict[str, list[str]] = defaultdict(list)
    for doc_id, rec in truth.items():
        gold[rec["dup_group"]].append(doc_id)
    scores = _prf(_pairs(pred), _pairs(gold))
    misses = sorted(_pairs(gold) - _pairs(pred))
    scores["missed_kinds"] = dict(_kinds(misses, truth))
    scores["false_kinds"] = dict(_kinds(sorted(_pairs(pred) - _pairs(gold)), truth))
    return scores


def _kinds(pairs: list[Pair], truth: dict[str, dict[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for a, b in pairs:
        out["+".join(sorted((truth[a]["kind"], truth[b]["kind"])))] += 1
    return out


Origins = dict[str, tuple[str, str, frozenset[int]]]


def event_origins(store: Store, truth: dict[str, dict[str, Any]]) -> tuple[Origins, float]:
    """``doc_id/event_id`` → (family, type, original sentences its evidence comes from); and the share of
    truth sentences found in the cleaned texts."""
    origins: Origins = {}
    found = total = 0
    for doc in store.iter_documents():
        rec = truth[doc.doc_id]
        spans: list[tuple[int, int, int | None]] = []
        pos = 0
        for text, orig in rec["sentences"]:
            total += 1
            at = doc.text.find(text, pos)
            if at < 0:
                at = doc.text.find(text)
            if at < 0:
                continue
            found += 1
            spans.append((at, at + len(text), orig))
            pos = at + len(text)
        for ev in doc.events:
            reported = (ev.evidence, ev.trigger, *ev.mentions)  # every place the document reports it
            src = frozenset(o for s, e, o in spans if o is not None and any(s < m.end and m.start < e
                                                                             for m in reported))
            origins[f"{doc.doc_id}/{ev.id}"] = (rec["family"], ev.type, src)
    return origins, found / max(1, total)


def gold_event_pairs(origins: Origins) -> set[Pair]:
    by_family: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, (family, type_, _) in origins.items():
        by_family[(family, type_)].append(key)
    gold: set[Pair] = set()
    for keys in by_family.values():
        for a, b in itertools.combinations(sorted(keys), 2):
            if a.split("/", 1)[0] != b.split("/", 1)[0] and origins[a][2] & origins[b][2]:
                gold.add((a, b))
    return gold


def event_scores(store: Store, gold: set[Pair], origins: dict[str, Any]) -> dict[str, Any]:
    rows = store.cursor().execute("SELECT cluster_id, doc_id, event_id FROM event_clusters").fetchall()
    clusters: dict[str, list[str]] = defaultdict(list)
    for cid, doc_id, event_id in rows:
        clusters[cid].append(f"{doc_id}/{event_id}")
    pred = {(a, b) for a, b in _pairs(clusters) if a.split("/", 1)[0] != b.split("/", 1)[0]}
    scores = _prf(pred, gold)
    wrong = pred - gold
    scores["false_same_story"] = sum(1 for a, b in wrong if origins[a][0] == origins[b][0])
    scores["false_other_story"] = len(wrong) - scores["false_same_story"]
    scores["clusters_with_several_reports"] = sum(1 for m in clusters.values() if len(m) > 1)
    return scores


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).parent, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/peristiwa-bench-merge"))
    parser.add_argument("--stories", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--first-day", default="2017-05-01")
    parser.add_argument("--days", type=int, default=21)
    parser.add_argument("--workers", type=int, default=0, help="run the pipeline on a local Dask cluster")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and store of an earlier run")
    parser.add_argument("--sweep", default="0.3,0.4,0.5,0.6,0.7,0.8", help="min_score values to sweep")
    parser.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                        help="override a MergeOptions field for the whole run (e.g. min_text_support=0.1)")
    args = parser.parse_args()

    db = args.out / "merge.duckdb"
    if not (args.reuse and db.exists()):
        corpus, _ = build_merge_corpus(args.out, stories=args.stories, seed=args.seed,
                                       first_day=args.first_day, days=args.days)
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        if args.workers:
            from peristiwa.scale import run_distributed

            summary = run_distributed([corpus], Config.load(), db=db, workers=args.workers)
        else:
            summary = run_to_store([corpus], Config.load(), db=db)
        print(f"pipeline: {summary.documents} documents, {summary.events} events, "
              f"{time.perf_counter() - started:.1f} s, {len(summary.errors)} errors", file=sys.stderr)
    base = MergeOptions(**{k: float(v) for k, v in (o.split("=", 1) for o in args.option)})
    truth = load_truth(args.out / "truth.jsonl")
    result: dict[str, Any] = {"commit": _commit(), "seed": args.seed, "first_day": args.first_day,
                              "documents": len(truth), "options": args.option}
    with Store(db) as store:
        dup_stats = update_duplicates(store, DuplicateOptions())
        result["duplicates"] = duplicate_scores(store, truth) | {"seconds": dup_stats.seconds,
                                                                 "groups": dup_stats.groups}
        origins, coverage = event_origins(store, truth)
        gold = gold_event_pairs(origins)
        result["events"] = {"events": len(origins), "truth_sentence_coverage": round(coverage, 4)}
        sweep = []
        for value in [float(v) for v in args.sweep.split(",") if v]:
            update_event_clusters(store, replace(base, min_score=value))
            sweep.append({"min_score": value} | event_scores(store, gold, origins))
        stats = update_event_clusters(store, base)
        result["events"] |= event_scores(store, gold, origins) | {"seconds": stats.seconds}
        result["events_sweep"] = sweep
    print(json.dumps(result, indent=2))
    d, e = result["duplicates"], result["events"]
    print(f"\nduplicate groups: precision {d['precision']:.3f} recall {d['recall']:.3f} "
          f"({d['gold_pairs']} true pairs)\nevent merges:     precision {e['precision']:.3f} "
          f"recall {e['recall']:.3f} ({e['gold_pairs']} true pairs, defaults)", file=sys.stderr)


if __name__ == "__main__":
    main()
