"""Store write throughput: Arrow bulk inserts (Store.write) against a naive row-wise baseline.

Why: row-wise ``executemany`` into DuckDB is pathologically slow (100k tuples took 89 s on this machine),
so the store builds Arrow tables and inserts them in bulk. This measures both on the same synthetic
documents in the same process and prints documents per second and the ratio.

    .venv/bin/python benchmarks/bench_store.py [--docs 3000] [--baseline-docs 300]

The baseline uses the same table building (documents_to_tables) and one transaction; only the insert
differs (``executemany`` of Python tuples, table by table), so the ratio isolates the insert method.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from peristiwa.model import (
    Actor,
    Count,
    DateValue,
    Document,
    Event,
    Place,
    Quote,
    Sentence,
    Span,
    Token,
)
from peristiwa.store import DOC_TABLES, Store, documents_to_tables

SENTENCE = "Polisi menangkap {n} orang di Kota {k} pada Selasa setelah bentrokan dengan warga setempat."


def synthetic(i: int) -> Document:
    """A news-sized document: 12 sentences (~1,100 chars), tokens, 4 places, 3 events, 2 quotes."""
    sents = [SENTENCE.format(n=i + j, k=(i + j) % 97) for j in range(12)]
    text = f"Berita {i}. " + " ".join(sents)
    offs, pos = [], len(f"Berita {i}. ")
    for s in sents:
        offs.append((pos, pos + len(s)))
        pos += len(s) + 1
    tokens = []
    for start, end in offs:
        p = start
        for word in text[start:end].split(" "):
            tokens.append(Token(p, p + len(word)))
            p += len(word) + 1
    places = tuple(
        Place(start=text.index("Kota", a), end=text.index("Kota", a) + 7, name=f"Kota {j}", country="ID",
              admin1="Jawa Barat", lat=-6.0 - j / 10, lon=106.0 + j / 10, precision="city", confidence=0.9)
        for j, (a, _) in enumerate(offs[:4])
    )
    events = tuple(
        Event(
            id=f"e{j}", type="COERCE", modes=("arrest",),
            trigger=Span(text.index("menangkap", a), text.index("menangkap", a) + 9), evidence=Span(a, b),
            actors=(Actor(start=a, end=a + 6, name="Indonesian police", country="ID", sector="police"),),
            recipients=(Actor(start=a + 17, end=a + 30, name="civilians"),),
            locations=(places[j],), date=DateValue(dt.date(2020, 1, 7), dt.date(2020, 1, 7)),
            counts=(Count(start=a + 17, end=a + 30, kind="arrested", value=i + j),), confidence=0.7,
        )
        for j, (a, b) in enumerate(offs[:3])
    )
    quotes = tuple(
        Quote(id=f"q{j}", content=Span(a, b), direct=False, speaker="Kapolres", cue="kata")
        for j, (a, b) in enumerate(offs[5:7])
    )
    return Document(
        doc_id=f"bench-{i:07d}", text=text, lang="id", published=dt.date(2020, 1, 8), source="bench",
        sentences=tuple(Sentence(a, b) for a, b in offs), tokens=tuple(tokens), places=places,
        events=events, quotes=quotes, stages=("bench@1",),
    )


def bulk(path: Path, docs: list[Document], batch_size: int) -> float:
    with Store(path, batch_size=batch_size) as store:
        t0 = time.perf_counter()
        stats = store.write(docs)
        elapsed = time.perf_counter() - t0
    assert stats.added == len(docs)
    return elapsed


def rowwise(path: Path, docs: list[Document]) -> float:
    with Store(path) as store:
        con = store.connection
        t0 = time.perf_counter()
        tables = documents_to_tables(docs)
        con.begin()
        for name in DOC_TABLES:
            table = tables[name]
            marks = ", ".join("?" for _ in table.column_names)
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            rows = [tuple(r.values()) for r in table.to_pylist()]
            if rows:
                con.executemany(f"INSERT INTO {name} ({cols}) VALUES ({marks})", rows)
        con.commit()
        return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents for the bulk path")
    parser.add_argument("--baseline-docs", type=int, default=300, help="documents for the row-wise baseline")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs = [synthetic(i) for i in range(max(args.docs, args.baseline_docs))]
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    tables = documents_to_tables(docs[: args.docs])
    to_tables = time.perf_counter() - t0
    rows = {k: v.num_rows for k, v in tables.items()}
    with tempfile.TemporaryDirectory() as tmp:
        b = bulk(Path(tmp) / "bulk.duckdb", docs[: args.docs], args.batch_size)
        r = rowwise(Path(tmp) / "rows.duckdb", docs[: args.baseline_docs])
    bulk_rate, row_rate = args.docs / b, args.baseline_docs / r
    print(f"synthetic documents: {len(docs)} built in {build:.2f} s; rows for {args.docs} docs: {rows}")
    print(f"documents_to_tables alone: {args.docs / to_tables:,.0f} docs/s")
    print(f"bulk    (Store.write, batch {args.batch_size}): {args.docs} docs in {b:.2f} s = {bulk_rate:,.0f} docs/s")
    print(f"rowwise (executemany baseline):   {args.baseline_docs} docs in {r:.2f} s = {row_rate:,.0f} docs/s")
    print(f"ratio bulk / rowwise: {bulk_rate / row_rate:.1f}x")


if __name__ == "__main__":
    main()
