"""Partition planning: every line read exactly once, line numbers kept, files grouped, stdin refused."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peristiwa.config import IngestOptions
from peristiwa.errors import IngestError
from peristiwa.ingest import read_inputs
from peristiwa.ingest.build import IngestContext
from peristiwa.model import Document
from peristiwa.scale import Partition, plan_partitions, read_partition_documents

TEXT = "Polisi menangkap {n} orang di Sleman setelah bentrokan dengan warga pada Selasa malam."


def _jsonl(path: Path, n: int, *, bad: tuple[int, ...] = (), blank: tuple[int, ...] = ()) -> Path:
    lines = []
    for i in range(n):
        if i in blank:
            lines.append("")
        elif i in bad:
            lines.append("{not json")
        else:
            text = TEXT.format(n=i) + " x" * (i % 7)
            lines.append(json.dumps({"doc_id": f"d{i}", "lang": "id", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read_all(parts: list[Partition | IngestError]) -> list[Document | IngestError]:
    ctx = IngestContext(IngestOptions(), lang="id")
    out: list[Document | IngestError] = []
    for part in parts:
        assert isinstance(part, Partition)
        out.extend(read_partition_documents(part, ctx))
    return out


def _key(item: Document | IngestError) -> tuple[str, str]:
    if isinstance(item, IngestError):
        return ("error", f"{item.where} {item.reason}")
    return (item.doc_id, item.text)


def test_ranges_read_every_line_once_with_the_same_errors(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "c.jsonl", 60, bad=(7, 33), blank=(20,))
    single = [_key(x) for x in read_inputs([path], lang="id")]
    for target in (1, 50, 300, 1000, 10**6):
        parts = list(plan_partitions([path], target_bytes=target))
        assert [p.index for p in parts if isinstance(p, Partition)] == list(range(len(parts)))
        assert [_key(x) for x in _read_all(parts)] == single, target
    errors = [k for k in single if k[0] == "error"]
    assert errors == [("error", f"{path}:8 malformed-json"), ("error", f"{path}:34 malformed-json")]


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=25),
       target=st.integers(min_value=1, max_value=2000), taper=st.integers(min_value=0, max_value=3),
       min_bytes=st.integers(min_value=1, max_value=500))
def test_any_cut_covers_the_file_exactly(tmp_path_factory, sizes: list[int], target: int, taper: int,  # type: ignore[no-untyped-def]
                                         min_bytes: int) -> None:
    path = tmp_path_factory.mktemp("cut") / "x.jsonl"
    path.write_bytes(b"".join(b"{" + b"a" * n + b"}\n" for n in sizes))
    planned = plan_partitions([path], target_bytes=target, total_bytes=path.stat().st_size, taper=taper,
                              min_bytes=min_bytes)
    parts = [p for p in planned if isinstance(p, Partition)]
    seen: list[tuple[int, bytes | None]] = []
    from peristiwa.scale.partitions import iter_range_lines

    with open(path, "rb") as fh:
        for p in parts:
            seen.extend(iter_range_lines(fh, p.start or 0, p.end, p.first_line, 10**6))
    assert [n for n, _ in seen] == list(range(1, len(sizes) + 1))
    assert [line for _, line in seen] == [b"{" + b"a" * n + b"}\n" for n in sizes]


def test_taper_makes_the_last_partitions_smaller(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "c.jsonl", 400)
    total = path.stat().st_size
    even = [p for p in plan_partitions([path], target_bytes=total // 8) if isinstance(p, Partition)]
    tapered = [p for p in plan_partitions([path], target_bytes=total // 8, total_bytes=total, taper=2,
                                          min_bytes=total // 100) if isinstance(p, Partition)]
    sizes = [(p.end or total) - (p.start or 0) for p in tapered]
    assert len(tapered) > len(even)
    assert sizes[0] >= total // 8 and max(sizes[-3:]) < total // 20  # the last ones are small
    assert all(b <= a + 200 for a, b in itertools.pairwise(sizes))  # never growing (± a line)
    assert [_key(x) for x in _read_all(list(tapered))] == [_key(x) for x in read_inputs([path], lang="id")]


def test_small_files_are_grouped_and_gzip_is_never_cut(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(TEXT.format(n=i), encoding="utf-8")
    big = _jsonl(tmp_path / "big.jsonl", 40)
    with gzip.open(tmp_path / "big2.jsonl.gz", "wb") as fh:
        fh.write(big.read_bytes())
    planned = plan_partitions([tmp_path], target_bytes=200, max_files=2)
    parts = [p for p in planned if isinstance(p, Partition)]
    gz = [p for p in parts if p.files[0].endswith(".gz")]
    assert len(gz) == 1 and not gz[0].is_range
    texts = [p for p in parts if p.files[0].endswith(".txt")]
    assert [len(p.files) for p in texts] == [2, 2, 1]
    assert sum(p.is_range for p in parts) > 3
    single = sorted(_key(x) for x in read_inputs([tmp_path], lang="id"))
    assert sorted(_key(x) for x in _read_all(list(parts))) == single


def test_stdin_and_missing_inputs_are_errors(tmp_path: Path) -> None:
    items = list(plan_partitions(["-", str(tmp_path / "none.txt")]))
    assert [(e.reason) for e in items if isinstance(e, IngestError)] == ["not-distributable", "not-found"]
