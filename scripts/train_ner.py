"""Train the Indonesian NER model (PER/ORG/LOC CRF) from ../shared/data and print its scores.

Reproducible on a 2-core machine in a few minutes: every step is deterministic (fixed seeds for k-means,
L-BFGS training has no randomness, inputs are read in a fixed order), so rerunning gives the same artefact.

    .venv/bin/python scripts/train_ner.py                       # resources + train + evaluate + write
    .venv/bin/python scripts/train_ner.py --ablate              # also the baselines of the model card

Steps:

1. Read the labelled sets (``ner-id``) and map labels to PER/ORG/LOC (IndoLEM PERSON/ORGANIZATION/LOCATION,
   NERGrit PERSON/ORGANISATION/PLACE; IndoLEM NER-UGM's TIME/QUANTITY and everything else -> O).
2. Drop every training sentence that also occurs (lower-cased) in an evaluation set: IndoLEM NER-UI and
   NER-UGM ``test.01`` and NERGrit ``valid``. NERGrit has no labelled test, so its validation set is only
   ever used as a test set here.
3. Word resources from IndoSum news text (CC BY-SA 4.0): distributional vectors (PPMI of +-1/+-2 neighbours,
   truncated SVD), k-means clusters at three granularities, mid-sentence capitalisation rates.
4. Name lists: Indonesian admin units (wilayah, MIT), countries and first-level divisions (countries-states-
   cities, ODbL), the language pack's exonyms and actors, IndoNLU NERP train names (MIT; lower-cased text with
   PPL/PLC/IND tags, no ORG tag, so it is used as a name list and not as CRF training data). NERP sentences
   that overlap an evaluation set (NERP contains much of NER-UGM) are dropped first.
5. Train on IndoLEM NER-UI + NER-UGM (train+dev) and NERGrit train; evaluate with exact span match.

Choices (hyper-parameters, ``--features`` groups) are made with ``--dev-only``: train on the train folds less
every 10th NERGrit train sentence, score the IndoLEM dev folds and those held-out sentences.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import msgspec
import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from peristiwa.actors.ner import (  # noqa: E402
    FEATURE_GROUPS,
    LABELS,
    CrfNer,
    Featurizer,
    NerArtefact,
    NerResources,
    bio_spans,
)
from peristiwa.text.segment import tokenize  # noqa: E402

Sentence = list[tuple[str, str]]  # (word, BIO tag)

LABEL_MAP = {
    "PERSON": "PER", "PER": "PER", "PPL": "PER",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "ORG": "ORG",
    "LOCATION": "LOC", "PLACE": "LOC", "LOC": "LOC", "PLC": "LOC",
}
EVAL_SETS = {
    "nerui_test": "indolem_nerui/test.01.tsv",
    "nerugm_test": "indolem_nerugm/test.01.tsv",
    "nergrit_valid": "indonlu_nergrit/valid_preprocess.txt",
}
DEV_SETS = {"nerui_dev": "indolem_nerui/dev.01.tsv", "nerugm_dev": "indolem_nerugm/dev.01.tsv"}
TRAIN_SETS = {
    "nerui_train": "indolem_nerui/train.01.tsv",
    "nerugm_train": "indolem_nerugm/train.01.tsv",
    "nergrit_train": "indonlu_nergrit/train_preprocess.txt",
}
RESOURCE_VERSION = 1


# ---------------------------------------------------------------------------------------------------------
# data


def read_bio(path: Path, mapped: bool = True) -> list[Sentence]:
    """Sentences of a word<TAB>tag file (blank line between sentences), tags mapped to PER/ORG/LOC."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            parts = line.split("\t")
            word, tag = parts[0], parts[-1]
            if mapped:
                kind, _, lab = tag.partition("-")
                tag = f"{kind}-{LABEL_MAP[lab]}" if kind in ("B", "I") and lab in LABEL_MAP else "O"
            cur.append((word, tag))
    if cur:
        sents.append(cur)
    return sents


def _key(sent: Sentence) -> str:
    return " ".join(w.lower() for w, _ in sent)


def drop_overlap(sents: list[Sentence], banned: set[str]) -> tuple[list[Sentence], int]:
    kept = [s for s in sents if _key(s) not in banned]
    return kept, len(sents) - len(kept)


# ---------------------------------------------------------------------------------------------------------
# word resources from IndoSum


_SENT_START = {".", "!", "?", '"', "“", "”", "'", ":", "(", "‘", "’", "-", "–", "—", ";"}


def read_news(path: Path) -> list[list[str]]:
    """Token lists of each line of each IndoSum article (the text only)."""
    lines: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            doc = json.loads(raw)
            text = doc.get("text") or ""
            for line in text.split("\n"):
                toks = [line[t.start : t.end] for t in tokenize(line)]
                if toks:
                    lines.append(toks)
    return lines


def _kmeans(x: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    """Spherical k-means (rows of ``x`` are unit vectors), k-means++ initialisation, fixed seed."""
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    centers = np.empty((k, x.shape[1]), dtype=x.dtype)
    centers[0] = x[rng.integers(n)]
    dist = 1.0 - x @ centers[0]
    for j in range(1, k):
        p = np.maximum(dist, 0) ** 2
        idx = rng.choice(n, p=p / p.sum())
        centers[j] = x[idx]
        dist = np.minimum(dist, 1.0 - x @ centers[j])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(x @ centers.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.sum(axis=0)
                centers[j] = c / (np.linalg.norm(c) or 1.0)
    return assign


def build_words(news: list[list[str]], vocab_size: int, ctx_size: int, dims: int, ks: tuple[int, int, int],
                log: Iterable[str] | None = None) -> dict[str, list[int]]:
    """lower word -> [cluster k1, k2, k3, capitalisation bucket]."""
    freq: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    for toks in news:
        prev = None
        for t in toks:
            lw = t.lower()
            freq[lw] += 1
            if t[:1].isalpha() and prev is not None and prev not in _SENT_START:
                mid[lw] += 1
                if t[:1].isupper():
                    caps[lw] += 1
            prev = t
    words = [w for w, c in freq.most_common() if c >= 5 and any(ch.isalpha() for ch in w)][:vocab_size]
    contexts = [w for w, _ in freq.most_common(ctx_size)]
    widx = {w: i for i, w in enumerate(words)}
    cidx = {w: i for i, w in enumerate(contexts)}
    m = np.zeros((len(words), 4 * len(contexts)), dtype=np.float32)
    c = len(contexts)
    for toks in news:
        low = ["<s>", "<s>"] + [t.lower() for t in toks] + ["</s>", "</s>"]
        for i in range(2, len(low) - 2):
            wi = widx.get(low[i])
            if wi is None:
                continue
            for block, j in enumerate((i - 2, i - 1, i + 1, i + 2)):
                ci = cidx.get(low[j])
                if ci is not None:
                    m[wi, block * c + ci] += 1
    # PPMI with context-distribution smoothing (alpha 0.75)
    total = m.sum()
    row = m.sum(axis=1, keepdims=True) + 1e-9
    col = m.sum(axis=0, keepdims=True) ** 0.75
    col = col / col.sum() * total + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(m * total / (row * col))
    ppmi = np.maximum(pmi, 0).astype(np.float32)
    ppmi[~np.isfinite(ppmi)] = 0
    del m, pmi
    gram = (ppmi.T.astype(np.float64) @ ppmi.astype(np.float64))
    vals, vecs = np.linalg.eigh(gram)
    order = np.argsort(vals)[::-1][:dims]
    proj = vecs[:, order] / np.sqrt(np.maximum(vals[order], 1e-9)) ** 0.5  # U * S^0.5
    emb = (ppmi @ proj.astype(np.float32)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    assigns = [_kmeans(emb, k, seed=13 + k) for k in ks]
    out: dict[str, list[int]] = {}
    for w, c_ in freq.items():
        if c_ < 3 or not any(ch.isalpha() for ch in w):
            continue
        n_mid = mid[w]
        cap = -1
        if n_mid >= 2:
            r = caps[w] / n_mid
            cap = 0 if r < 0.05 else 1 if r < 0.3 else 2 if r < 0.7 else 3 if r < 0.95 else 4
        i = widx.get(w)
        cl = [int(a[i]) for a in assigns] if i is not None else [-1, -1, -1]
        out[w] = [*cl, cap]
    return out


# ---------------------------------------------------------------------------------------------------------
# name lists


def _norm_name(name: str) -> str:
    return " ".join(name[t.start : t.end].lower() for t in tokenize(name))


_ADMIN_PREFIX = re.compile(r"^(kabupaten|kota|kota administrasi|provinsi|kab\.)\s+", re.I)


def build_names(data: Path, nerp: list[list[tuple[str, str]]], words: dict[str, list[int]]) -> dict[str, list[str]]:
    names: dict[str, set[str]] = {"LOC": set(), "PER": set(), "ORG": set(), "PRD": set()}
    gaz = data / "gazetteer"
    adm = gaz / "indonesia_admin"
    for fname in ("provinces.csv", "regencies.csv", "districts.csv"):
        with (adm / fname).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                nm = row["name"].strip()
                names["LOC"].add(_norm_name(nm))
                names["LOC"].add(_norm_name(_ADMIN_PREFIX.sub("", nm)))
    csc = gaz / "countries_states_cities"
    with (csc / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names["LOC"].add(_norm_name(row["name"]))
            names["LOC"].add(_norm_name(row["capital"]))
    with (csc / "states.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names["LOC"].add(_norm_name(row["state"]))
    pack = REPO / "src" / "peristiwa" / "langs" / "id" / "data"
    for fname, col_label in (("exonyms.tsv", None), ("actors.tsv", "type")):
        path = pack / fname
        if not path.is_file():
            continue
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
        rows = list(csv.DictReader(lines, delimiter="\t"))
        for row in rows:
            alias = (row.get("alias") or row.get("exonym") or row.get("name") or "").strip()
            if not alias:
                continue
            if col_label is None:
                names["LOC"].add(_norm_name(alias))
            elif row.get(col_label) in ("PER", "ORG"):
                names[row[col_label]].add(_norm_name(alias))
    nerp_map = {"PPL": "PER", "PLC": "LOC", "IND": "PRD"}
    for sent in nerp:
        for a, b, lab in bio_spans([t for _, t in sent]):
            if lab not in nerp_map:
                continue
            toks = [w.lower() for w, _ in sent[a:b]]
            if len(toks) == 1:
                # a single word that news text mostly writes in lower case is a common word ("roti")
                info = words.get(toks[0])
                if info is None or info[3] < 2 or len(toks[0]) < 3:
                    continue
            names[nerp_map[lab]].add(" ".join(toks))
    # single tokens that are ordinary lower-case words in news ("barat", "timur") are dropped from every list
    out: dict[str, list[str]] = {}
    for lab, entries in names.items():
        keep = []
        for e in entries:
            if not e:
                continue
            if " " not in e:
                info = words.get(e)
                if info is not None and 0 <= info[3] < 2:
                    continue
            keep.append(e)
        out[lab] = sorted(keep)
    return out


def read_titles() -> list[str]:
    """Person-title words of the id pack (actor_titles.tsv, last word of each title, lower case)."""
    path = REPO / "src" / "peristiwa" / "langs" / "id" / "data" / "actor_titles.tsv"
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    return sorted({row["title"].split()[-1].lower() for row in csv.DictReader(lines, delimiter="\t")
                   if row["title"].strip()})


# ---------------------------------------------------------------------------------------------------------
# training and scoring


def train(train_sents: list[Sentence], res: NerResources, model_path: Path, c1: float, c2: float, iters: int) -> float:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    featurizer = Featurizer(res)
    for sent in train_sents:
        trainer.append(featurizer.sentence([w for w, _ in sent]), [t for _, t in sent])
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iters,
        "feature.possible_transitions": True, "feature.minfreq": 1,
    })
    t0 = time.perf_counter()
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def export(crf_path: Path, res: NerResources) -> NerArtefact:
    """The crfsuite model's non-zero weights as a numpy-ready artefact (attributes in sorted order)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    lab_idx = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for (a, _), w in info.state_features.items() if w != 0.0})
    a_idx = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype="<f4")
    for (a, lab), w in info.state_features.items():
        if w != 0.0:
            weights[a_idx[a], lab_idx[lab]] = w
    trans = np.zeros((len(labels), len(labels)), dtype="<f4")
    for (src, dst), w in info.transitions.items():
        trans[lab_idx[src], lab_idx[dst]] = w
    tagger.close()
    return NerArtefact(labels, attrs, weights.tobytes(), trans.tobytes(), res)


def write_artefact(art: NerArtefact, path: Path) -> None:
    path.write_bytes(gzip.compress(msgspec.msgpack.encode(art), compresslevel=9, mtime=0))


def agreement(art: NerArtefact, crf_path: Path, sents: list[Sentence]) -> float:
    """Share of sentences where the numpy predictor and crfsuite's tagger give identical tags."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_path))
    feats = Featurizer(art.resources)
    model = CrfNer("id", art)
    same = sum(
        tagger.tag(feats.sentence([w for w, _ in s])) == model.tag_words([w for w, _ in s]) for s in sents
    )
    return same / len(sents)


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per label and micro (seqeval default mode, conlleval rules)."""
    tp: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs = set(bio_spans(g))
        ps = set(bio_spans(p))
        for s in gs:
            ng[s[2]] += 1
        for s in ps:
            np_[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for lab in (*LABELS, "micro"):
        t = sum(tp.values()) if lab == "micro" else tp[lab]
        pp = sum(np_.values()) if lab == "micro" else np_[lab]
        gg = sum(ng.values()) if lab == "micro" else ng[lab]
        prec = t / pp if pp else 0.0
        rec = t / gg if gg else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "support": gg}
    return out


def lexicon_baseline(sents: list[Sentence], res: NerResources) -> list[list[str]]:
    """Dictionary + capitalisation baseline: longest name-list match whose first word is capitalised.

    Single-label lists only (PER, ORG, LOC; NERP product names count as ORG); a sequence in several lists
    takes PER > ORG > LOC.
    """
    from peristiwa.actors.ner_features import _Lexicon

    lex = _Lexicon(res.names)
    order = {"PER": 0, "ORG": 1, "PRD": 1, "LOC": 2}
    out = []
    for sent in sents:
        words = [w for w, _ in sent]
        feats = lex.features([w.lower() for w in words])
        tags = ["O"] * len(words)
        i = 0
        while i < len(words):
            starts = [f[4:] for f in feats[i] if f.startswith("L=B-")]
            if starts and words[i][:1].isupper():
                lab = min(starts, key=lambda x: order[x])
                j = i + 1
                while j < len(words) and any(f == "L=I-" + lab for f in feats[j]):
                    j += 1
                lab = "ORG" if lab == "PRD" else lab
                tags[i] = "B-" + lab
                for k in range(i + 1, j):
                    tags[k] = "I-" + lab
                i = j
            else:
                i += 1
        out.append(tags)
    return out


def evaluate(model: CrfNer, sets: dict[str, list[Sentence]]) -> dict[str, dict[str, dict[str, float]]]:
    return {
        name: score([[t for _, t in s] for s in sents], [model.tag_words([w for w, _ in s]) for s in sents])
        for name, sents in sets.items()
    }


def _table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [f"{'set':<16}" + "".join(f"{lab:>8}" for lab in (*LABELS, "micro")) + "   (F1; micro P/R)"]
    for name, res in results.items():
        m = res["micro"]
        lines.append(f"{name:<16}" + "".join(f"{res[lab]['f1']:>8.4f}" for lab in (*LABELS, "micro"))
                     + f"   {m['p']:.4f}/{m['r']:.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("PERISTIWA_SHARED_DATA") or REPO.parent / "shared" / "data"))
    ap.add_argument("--out", type=Path, default=REPO / "src" / "peristiwa" / "actors" / "models")
    ap.add_argument("--work", type=Path, default=Path("/tmp/peristiwa_ner"), help="scratch folder")
    ap.add_argument("--reuse-resources", action="store_true", help="reuse work/resources if present")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--vocab", type=int, default=30000)
    ap.add_argument("--train-sets", default=",".join(TRAIN_SETS),
                    help="comma-separated subset of " + ",".join(TRAIN_SETS))
    ap.add_argument("--features", default="naff,ncap",
                    help="optional neighbour feature groups, comma-separated subset of " + ",".join(FEATURE_GROUPS)
                    + " (empty: the features of the first shipped model)")
    ap.add_argument("--ablate", action="store_true", help="also score the baselines (model card table)")
    ap.add_argument("--dev-only", action="store_true",
                    help="train on train folds less every 10th NERGrit train sentence, score the IndoLEM dev "
                    "folds and those held-out NERGrit sentences; write nothing")
    args = ap.parse_args(argv)
    t_start = time.perf_counter()
    ner = args.data / "ner-id"
    args.work.mkdir(parents=True, exist_ok=True)

    evals = {k: read_bio(ner / v) for k, v in EVAL_SETS.items()}
    banned = {_key(s) for sents in evals.values() for s in sents}
    devs = {k: read_bio(ner / v) for k, v in DEV_SETS.items()}
    trains: dict[str, list[Sentence]] = {}
    for k, v in TRAIN_SETS.items():
        trains[k], dropped = drop_overlap(read_bio(ner / v), banned)
        print(f"{k}: {len(trains[k])} sentences ({dropped} dropped: also in an evaluation set)")
    for k in devs:
        devs[k], dropped = drop_overlap(devs[k], banned)
        print(f"{k}: {len(devs[k])} sentences ({dropped} dropped)")
    nerp, dropped = drop_overlap(read_bio(ner / "indonlu_nerp" / "train_preprocess.txt", mapped=False), banned)
    print(f"nerp_train (names only): {len(nerp)} sentences ({dropped} dropped)")

    res_path = args.work / "resources.msgpack.gz"
    if args.reuse_resources and res_path.is_file():
        with gzip.open(res_path, "rb") as fh:
            res = msgspec.msgpack.decode(fh.read(), type=NerResources)
        print(f"resources reused from {res_path}")
    else:
        t0 = time.perf_counter()
        news = read_news(args.data / "news-id" / "indosum_2017.jsonl")
        words = build_words(news, args.vocab, 1000, 100, (32, 256, 1024))
        names = build_names(args.data, nerp, words)
        res = NerResources(RESOURCE_VERSION, words, names, meta={
            "lang": "id", "news_lines": len(news), "clustered_words": args.vocab,
            "names": {k: len(v) for k, v in names.items()},
        })
        res_path.write_bytes(gzip.compress(msgspec.msgpack.encode(res), compresslevel=9, mtime=0))
        print(f"resources: {len(words)} words, names {res.meta['names']} in {time.perf_counter() - t0:.1f}s")

    groups = [g for g in args.features.split(",") if g]
    res = msgspec.structs.replace(res, features=groups, titles=read_titles() if "ttl" in groups else [])
    train_all = [s for k in args.train_sets.split(",") for s in trains[k]]
    results: dict[str, dict[str, dict[str, float]]] = {}
    if args.dev_only:
        # NERGrit has no dev fold and its valid fold is a test set here: hold out 1 in 10 train sentences
        grit = trains.get("nergrit_train", [])
        devs["nergrit_ho"] = grit[::10]
        held = {id(s) for s in devs["nergrit_ho"]}
        train_all = [s for s in train_all if id(s) not in held]
        path = args.work / "dev.crfsuite.bin"
        secs = train(train_all, res, path, args.c1, args.c2, args.iters)
        model = CrfNer("id", export(path, res))
        print(f"trained on train folds in {secs:.0f}s")
        print(_table(evaluate(model, devs)))
        return 0

    final_train = train_all + [s for k in DEV_SETS for s in devs[k]]
    if args.ablate:
        print("\nbaseline: name lists + capitalisation (no learning)")
        base = {k: score([[t for _, t in s] for s in v], lexicon_baseline(v, res)) for k, v in evals.items()}
        print(_table(base))
        results.update({f"baseline_lexicon/{k}": v for k, v in base.items()})
        for tag, res_f in (("crf_plain", NerResources(res.version, {}, {})),
                           ("crf_no_lists", NerResources(res.version, res.words, {})),
                           ("crf_first_features", msgspec.structs.replace(res, features=[], titles=[]))):
            path = args.work / f"{tag}.crfsuite.bin"
            secs = train(final_train, res_f, path, args.c1, args.c2, args.iters)
            r = evaluate(CrfNer("id", export(path, res_f)), evals)
            print(f"\n{tag} ({secs:.0f}s training)")
            print(_table(r))
            results.update({f"{tag}/{k}": v for k, v in r.items()})

    args.out.mkdir(parents=True, exist_ok=True)
    crf_path = args.work / "ner_id.crfsuite.bin"
    secs = train(final_train, res, crf_path, args.c1, args.c2, args.iters)
    res_meta = dict(res.meta)
    res_meta.update({"c1": args.c1, "c2": args.c2, "iters": args.iters, "train_sentences": len(final_train),
                     "train_sets": [*args.train_sets.split(","), *DEV_SETS], "features": groups})
    art = export(crf_path, msgspec.structs.replace(res, meta=res_meta))
    out_path = args.out / "ner_id.msgpack.gz"
    write_artefact(art, out_path)
    model = CrfNer("id", art)
    final = evaluate(model, evals)
    print(f"\nchosen model: CRF + clusters + capitalisation rates + name lists ({secs:.0f}s training, "
          f"{len(art.attrs)} attributes)")
    print(_table(final))
    agree = {k: round(agreement(art, crf_path, v), 4) for k, v in evals.items()}
    print(f"numpy predictor = crfsuite tagger on {agree} of sentences")
    results.update({f"crf_full/{k}": v for k, v in final.items()})
    sizes = {out_path.name: out_path.stat().st_size}
    print(f"artefact: {sizes}; total time {time.perf_counter() - t_start:.0f}s")
    (args.work / "scores.json").write_text(json.dumps({"scores": results, "sizes": sizes}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
