"""Test corpora built from the shared Indonesian news: one for merging (with truth), one for scale.

Why built, not annotated: cross-article merging needs to know which documents are copies of which and
which events in different documents are the same real-world event. Deriving the documents from real
articles makes that truth exact while keeping real Indonesian news text for the pipeline to read.

**Merge corpus** (:func:`build_merge_corpus`): original articles sampled from a few dense weeks of
IndoSum (so many different stories share days, places and actors: the hard negatives), and for each
story some of:

* copies (same article, *duplicate-group truth*): a blog **repost** (dateline dropped, "Baca juga" link
  inserted, source line appended), an **edited** syndication (typos, one sentence cut, another outlet's
  dateline), a **truncated** excerpt (the first 40–70 % and a "read more" line), an **updated** version
  (a closing sentence appended);
* **rewrites** by other outlets (not duplicates, but the *same events*): another dateline, the lead kept
  first, about a third of the other sentences dropped, the rest reordered by paragraph, function words
  and reporting verbs paraphrased, attributions turned around, sometimes a different casualty count
  (conflicting counts), published up to a day later.

Every derived sentence records the original sentence it came from, so an event found in any copy or
rewrite can be traced back: two events in different documents of one story are the same event when they
have the same type and their evidence comes from the same original sentence (see ``bench_merge.py``).

**Scale corpus** (:func:`build_scale_corpus`): any number of documents made from the IndoSum articles
(runs of consecutive sentences from three articles of one outlet, dates spread over two years), with
about 15 % near-duplicates (reposts and edited copies) of earlier documents: realistic text for
throughput, and a known share of copies for merging at scale.

    .venv/bin/python benchmarks/merge_corpus.py merge OUT_DIR [--stories 150] [--seed 1]
    .venv/bin/python benchmarks/merge_corpus.py scale OUT.jsonl --docs 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from peristiwa.text.segment import split_sentences

_BESIDE = Path(__file__).resolve().parents[2] / "shared" / "data"
SHARED = Path(os.environ.get("PERISTIWA_SHARED_DATA") or _BESIDE)
INDOSUM = SHARED / "news-id" / "indosum_2017.jsonl"

_DATELINE = re.compile(
    r"^[^\n]{0,60}?(?:CNN Indonesia|ANTARA News|Merdeka\.com|JUARA\.N[Ee][Tt]|Rimanews|Pos ?Kota|Suara\.com|"
    r"GOAL|Goal\.com|kumparan|DailySocial)[^\n]{0,30}?\s*[-–—]+(?:\s*[-–—]+)?\s*"
)
OUTLETS = [
    ("cnn indonesia", "Jakarta, CNN Indonesia -- "), ("antaranews", "Jakarta (ANTARA News) - "),
    ("merdeka", "Merdeka.com - "), ("suara", "Suara.com - "), ("poskotanews", "JAKARTA (Pos Kota) - "),
    ("rimanews", "Rimanews - "), ("detik", "Jakarta - "), ("kompas", "JAKARTA, KOMPAS.com - "),
    ("tempo", "TEMPO.CO, Jakarta - "), ("okezone", "JAKARTA - "),
]
BLOGS = ["beritaterkini.blogspot.com", "infonusantara.wordpress.com", "kabarviral.net", "seputarindo.id"]
# paraphrases a rewriting editor makes without changing what happened (function words, reporting verbs)
SYNONYMS = {
    "mengatakan": "menyatakan", "menyatakan": "mengatakan", "kata": "ujar", "ujar": "kata", "ucap": "tutur",
    "tutur": "ucap", "jelas": "terang", "ungkap": "sebut", "sebut": "ungkap", "menjelaskan": "menerangkan",
    "sejumlah": "beberapa", "beberapa": "sejumlah", "tersebut": "itu", "telah": "sudah", "sudah": "telah",
    "akan": "bakal", "bakal": "akan", "kini": "saat ini", "namun": "tetapi", "tetapi": "namun",
    "karena": "sebab", "agar": "supaya", "supaya": "agar", "hingga": "sampai", "sampai": "hingga",
    "yakni": "yaitu", "yaitu": "yakni", "meski": "walau", "meskipun": "walaupun", "walaupun": "meskipun",
    "ketika": "saat", "saat": "ketika", "lalu": "kemudian", "kemudian": "lalu", "sangat": "amat",
    "masyarakat": "warga", "pihaknya": "mereka", "selain itu": "di samping itu", "sementara itu": "adapun",
    "menurut": "menurut keterangan", "para": "", "pun": "", "juga": "pula", "serta": "dan", "bagi": "untuk",
    "dalam": "di dalam", "daripada": "dibanding", "merupakan": "adalah", "adalah": "merupakan",
    "apabila": "jika", "jika": "kalau", "bahwa": "", "secara": "dengan", "terhadap": "kepada",
    "untuk": "guna", "ini": "tersebut", "itu": "tersebut", "tidak": "tak", "tak": "tidak",
    "belum": "masih belum",
    "bersama": "bersama-sama", "seluruh": "semua", "semua": "seluruh", "banyak": "sejumlah besar",
    "mengenai": "tentang", "tentang": "soal", "soal": "mengenai", "sedang": "tengah", "tengah": "sedang",
    "dapat": "bisa", "bisa": "dapat", "harus": "mesti", "ingin": "mau", "mau": "ingin", "lebih": "makin",
}
_NUMBER_WORDS = {str(n): w for n, w in enumerate(
    ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"])}
_SYN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")
_COUNT = re.compile(r"\b(\d{1,3})(\s+(?:orang|korban|warga|tersangka|personel|unit|rumah|anggota|pelaku))\b")
_ATTRIB = re.compile(r'^(["“].+?[,.]["”])\s*(kata|ujar|ucap|tutur|jelas)\s+([^.]{3,60})\.$')
_UPDATES = [
    "Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan lebih lanjut.",
    "Berita ini telah diperbarui dengan keterangan tambahan dari pihak berwenang.",
]


@dataclass
class Variant:
    """A derived document: its record and, per sentence, the original sentence it came from."""

    record: dict[str, object]
    sentences: list[tuple[str, int | None]]
    role: str
    kind: str


def load_articles(path: Path = INDOSUM) -> list[dict[str, str]]:
    """The IndoSum articles (doc format), in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _paragraphs(text: str) -> list[list[tuple[str, int]]]:
    """Sentences of ``text`` grouped by paragraph, each with its index in the article."""
    paras: dict[int, list[tuple[str, int]]] = {}
    for i, s in enumerate(split_sentences(text)):
        paras.setdefault(s.paragraph, []).append((text[s.start : s.end], i))
    return [paras[k] for k in sorted(paras)]


def _strip_dateline(sentence: str) -> str:
    return _DATELINE.sub("", sentence, count=1)


def _typos(sentence: str, rng: random.Random, rate: float) -> str:
    words = sentence.split(" ")
    for k, w in enumerate(words):
        if len(w) > 5 and w.isalpha() and rng.random() < rate:
            j = rng.randrange(1, len(w) - 2)
            words[k] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _paraphrase(sentence: str, rng: random.Random, counts: bool) -> str:
    out = _SYN.sub(lambda m: SYNONYMS[m.group(1)] if rng.random() < 0.85 else m.group(1), sentence)
    out = re.sub(r"\s{2,}", " ", out).replace(" ,", ",").strip()
    m = _ATTRIB.match(out)
    if m and rng.random() < 0.7:  # '"...," kata X.' becomes 'X mengatakan, "...."'
        quote = m.group(1)
        out = f"{m.group(3)} mengatakan, {quote[0]}{quote[1:-2]}.{quote[-1]}"
    if counts:
        def changed(m: re.Match[str]) -> str:
            return f"{max(1, int(m.group(1)) + rng.choice((-2, -1, 1, 2, 3)))}{m.group(2)}"

        out = _COUNT.sub(changed, out)
    elif rng.random() < 0.5:  # house style: small numbers in words
        out = _COUNT.sub(lambda m: f"{_NUMBER_WORDS.get(m.group(1), m.group(1))}{m.group(2)}", out)
    parts = out.rstrip(".").split(", ", 1)
    if len(parts) == 2 and min(len(parts[0].split()), len(parts[1].split())) >= 4 and '"' not in out \
            and "“" not in out and rng.random() < 0.6:  # clause order turned around
        out = f"{parts[1][:1].upper()}{parts[1][1:]}, {parts[0][:1].lower()}{parts[0][1:]}."
    return out[:1].upper() + out[1:] if out else out


Sentences = list[tuple[str, int | None]]


def _render(paras: list[Sentences], prefix: str = "") -> tuple[str, Sentences]:
    lines, sentences = [], []
    for p in paras:
        if not p:
            continue
        lines.append(" ".join(s for s, _ in p))
        sentences.extend(p)
    text = prefix + "\n".join(lines)
    if prefix and sentences:
        sentences[0] = (prefix + sentences[0][0], sentences[0][1])
    return text, sentences


def _record(doc_id: str, text: str, published: dt.date, source: str, title: str | None) -> dict[str, object]:
    return {"doc_id": doc_id, "lang": "id", "published": published.isoformat(), "title": title,
            "source": source, "url": None, "text": text}


def _variants(art: dict[str, str], rng: random.Random, others: list[dict[str, str]]) -> Iterator[Variant]:
    base = art["doc_id"]
    pub = dt.date.fromisoformat(art["published"][:10])
    paras = _paragraphs(art["text"])
    flat = [s for p in paras for s in p]
    if len(flat) < 3:
        return
    title = art.get("title")
    kinds = rng.sample(["repost", "edited", "truncated", "updated"], k=rng.choice((0, 1, 1, 2, 2, 3)))
    for n, kind in enumerate(kinds):
        doc_id = f"{base}~copy{n}"
        day = pub + dt.timedelta(days=rng.choice((0, 0, 1)))
        if kind == "repost":
            body = [[(_strip_dateline(s) if i == 0 else s, i) for s, i in p] for p in paras]
            text, sents = _render(body)
            cut = text.find("\n")
            other = rng.choice(others)["text"].split(".")[0][:80]
            if cut > 0:
                text = text[:cut] + f"\nBaca juga: {other}" + text[cut:]
            outlet = rng.choice(OUTLETS)[0]
            text += f"\nSumber: {outlet.title()}"
            yield Variant(_record(doc_id, text, day, rng.choice(BLOGS), title), sents, "copy", kind)
        elif kind == "edited":
            drop = rng.randrange(1, len(flat))
            prefix = rng.choice(OUTLETS)[1]
            body = [[(_typos(_strip_dateline(s) if i == 0 else s, rng, 0.03), i) for s, i in p if i != drop]
                    for p in paras]
            text, sents = _render(body, prefix)
            yield Variant(_record(doc_id, text, day, rng.choice(OUTLETS)[0], title), sents, "copy", kind)
        elif kind == "truncated":
            keep = max(2, round(len(flat) * rng.uniform(0.4, 0.7)))
            body = [[(s, i) for s, i in p if i < keep] for p in paras]
            text, sents = _render(body)
            text += f"\nBaca selengkapnya di {rng.choice(OUTLETS)[0]}."
            yield Variant(_record(doc_id, text, day, rng.choice(BLOGS), title), sents, "copy", kind)
        else:
            extra = rng.choice(_UPDATES)
            text, sents = _render([*[list(p) for p in paras], [(extra, None)]])
            yield Variant(_record(doc_id, text, pub, art["source"], title), sents, "copy", kind)
    for n in range(rng.choice((0, 1, 1, 1, 2))):
        outlet, prefix = rng.choice([o for o in OUTLETS if o[0] != art["source"]])
        counts = rng.random() < 0.35
        lead = [(_paraphrase(_strip_dateline(flat[0][0]), rng, counts), flat[0][1])]
        rest = [[(_paraphrase(s, rng, counts), i) for s, i in p if i != flat[0][1] and rng.random() < 0.5]
                for p in paras]
        rng.shuffle(rest)
        text, sents = _render([lead, *rest], prefix)
        day = pub + dt.timedelta(days=rng.choice((0, 0, 1)))
        record = _record(f"{base}~rewrite{n}", text, day, outlet, None)
        yield Variant(record, sents, "rewrite", "rewrite" + ("+counts" if counts else ""))


def build_merge_corpus(
    out_dir: Path, *, stories: int = 150, seed: int = 1, first_day: str = "2017-08-01", days: int = 21,
    source: Path = INDOSUM,
) -> tuple[Path, Path]:
    """Write ``corpus.jsonl`` (originals and variants, shuffled) and ``truth.jsonl`` (one line per document:
    family, role, kind, duplicate group, sentences with their origin) under ``out_dir``."""
    rng = random.Random(seed)
    articles = load_articles(source)
    start = dt.date.fromisoformat(first_day)
    window = [a for a in articles
              if start <= dt.date.fromisoformat(a["published"][:10]) < start + dt.timedelta(days=days)]
    chosen = rng.sample(window, min(stories, len(window)))
    docs: list[tuple[dict[str, object], dict[str, object]]] = []
    for art in chosen:
        family = art["doc_id"]
        sents = [(s, i) for p in _paragraphs(art["text"]) for s, i in p]
        docs.append((dict(art), {"doc_id": family, "family": family, "role": "original", "kind": "original",
                                 "dup_group": family, "sentences": sents}))
        for v in _variants(art, rng, articles):
            group = family if v.role == "copy" else str(v.record["doc_id"])
            docs.append((v.record, {"doc_id": v.record["doc_id"], "family": family, "role": v.role,
                                    "kind": v.kind, "dup_group": group, "sentences": v.sentences}))
    rng.shuffle(docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus, truth = out_dir / "corpus.jsonl", out_dir / "truth.jsonl"
    with corpus.open("w", encoding="utf-8") as fc, truth.open("w", encoding="utf-8") as ft:
        for rec, tr in docs:
            fc.write(json.dumps(rec, ensure_ascii=False) + "\n")
            ft.write(json.dumps(tr, ensure_ascii=False) + "\n")
    return corpus, truth


def build_scale_corpus(out: Path, docs: int, *, seed: int = 7, duplicate_rate: float = 0.15,
                       source: Path = INDOSUM) -> Path:
    """Write ``docs`` documents of realistic Indonesian news text (see the module docstring), streaming."""
    rng = random.Random(seed)
    articles = load_articles(source)
    by_outlet: dict[str, list[dict[str, str]]] = {}
    sentences: dict[str, list[str]] = {}
    for a in articles:
        by_outlet.setdefault(a["source"], []).append(a)
        sentences[a["doc_id"]] = [s for p in _paragraphs(a["text"]) for s, _ in p]
    recent: list[dict[str, object]] = []
    base = dt.date(2016, 1, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for n in range(docs):
            if recent and rng.random() < duplicate_rate:
                orig = rng.choice(recent)
                text = str(orig["text"])
                if rng.random() < 0.5:
                    text = _typos(text, rng, 0.02) + f"\nSumber: {rng.choice(OUTLETS)[0].title()}"
                else:
                    link = rng.choice(articles)["text"][:60]
                    text = _DATELINE.sub("", text, count=1) + "\nBaca juga: " + link
                day = dt.date.fromisoformat(str(orig["published"])) + dt.timedelta(days=rng.choice((0, 1)))
                rec = _record(f"synth-{n:07d}", text, day, rng.choice(BLOGS), None)
            else:
                # three articles of one outlet, a run of 3-7 consecutive sentences from each, as paragraphs:
                # every sentence is reused about docs * 10 / 100k times, but never the same mix twice
                a = rng.choice(articles)
                parts = []
                for art in (a, *rng.sample(by_outlet[a["source"]], 2)):
                    sents = sentences[art["doc_id"]]
                    k = rng.randint(3, 7)
                    start = rng.randrange(max(1, len(sents) - k + 1))
                    parts.append(" ".join(sents[start : start + k]))
                text = "\n".join(parts)
                day = base + dt.timedelta(days=rng.randrange(730))
                rec = _record(f"synth-{n:07d}", text, day, a["source"], None)
                recent.append(rec)
                if len(recent) > 2000:
                    recent.pop(rng.randrange(len(recent)))
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    m = sub.add_parser("merge", help="merge corpus with truth")
    m.add_argument("out", type=Path)
    m.add_argument("--stories", type=int, default=150)
    m.add_argument("--seed", type=int, default=1)
    m.add_argument("--first-day", default="2017-08-01")
    m.add_argument("--days", type=int, default=21)
    s = sub.add_parser("scale", help="synthetic corpus for throughput")
    s.add_argument("out", type=Path)
    s.add_argument("--docs", type=int, default=100_000)
    s.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.what == "merge":
        corpus, truth = build_merge_corpus(args.out, stories=args.stories, seed=args.seed,
                                           first_day=args.first_day, days=args.days)
        print(f"wrote {corpus} and {truth}")
    else:
        print(f"wrote {build_scale_corpus(args.out, args.docs, seed=args.seed)}")


if __name__ == "__main__":
    main()
