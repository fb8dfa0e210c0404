"""Partitions: a corpus cut into slices that workers read themselves.

Why partitions are *described*, not shipped: the driver of a distributed run must stay small however large
the corpus is, so it never reads or lists documents. A :class:`Partition` names either a few whole files
or one byte range of a large JSON Lines file, aligned to line starts; the worker that receives it opens
the files and reads its own slice, so memory on both sides is bounded by the partition, not the corpus.

Planning (:func:`plan_partitions`) walks the inputs lazily with :func:`peristiwa.ingest.iter_paths` and
only looks at file sizes, plus one sequential byte scan of each large JSONL file to find line starts and
line numbers (so an error in a slice still names ``file:line`` exactly as a single-process run does, and
documents come out identical). Gzipped and other formats cannot be cut inside a file: such a file is one
slice (or part of a group of files). Standard input cannot be distributed: it is reported as an error.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_bytes(b'{"text": "one"}\\n{"text": "two"}\\n{"text": "three"}\\n')
>>> [p.describe() for p in plan_partitions([d / "a.jsonl"], target_bytes=20)]  # doctest: +ELLIPSIS
['.../a.jsonl bytes 0-32 (lines 1-)', '.../a.jsonl bytes 32- (lines 3-)']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import msgspec

from ..errors import ConfigError, IngestError, LanguagePackError
from ..ingest import STDIN_PATH, iter_paths
from ..ingest.build import IngestContext
from ..ingest.jsonl import read_jsonl_stream
from ..ingest.sources import format_by_name
from ..ingest.text import file_stem
from ..model import Document

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "MIN_PARTITION_BYTES",
    "Partition",
    "iter_range_lines",
    "plan_partitions",
    "read_partition_documents",
]

#: Bytes of input per partition: about 400 Indonesian news articles of JSONL, 20 s of work on one core.
DEFAULT_PARTITION_BYTES = 1 << 20
#: At most this many files per partition (many tiny files would otherwise make one huge task).
DEFAULT_MAX_FILES = 256
#: Smallest partition when sizes taper off towards the end of a corpus (about 35 news articles).
MIN_PARTITION_BYTES = 64 * 1024
_CHUNK = 1 << 20


class Partition(msgspec.Struct, frozen=True, kw_only=True):
    """One slice of the inputs: whole ``files``, or one JSONL file cut to ``[start, end)``.

    ``start`` is always a line start and ``first_line`` its 1-based line number; ``end`` None means the
    end of the file. ``index`` orders partitions as the inputs were given, so merging them in index order
    stores exactly what a single-process run would.
    """

    index: int
    files: tuple[str, ...]
    start: int | None = None
    end: int | None = None
    first_line: int = 1

    @property
    def name(self) -> str:
        """Sortable name of the partition, used for its Parquet part files and its Dask key."""
        return f"p{self.index:07d}"

    @property
    def is_range(self) -> bool:
        """True when this is a byte range of one JSONL file."""
        return self.start is not None

    def describe(self) -> str:
        """Human description for logs and the errors table (file names, byte range, first line)."""
        if self.is_range:
            end = "" if self.end is None else str(self.end)
            return f"{self.files[0]} bytes {self.start}-{end} (lines {self.first_line}-)"
        if len(self.files) == 1:
            return self.files[0]
        return f"{len(self.files)} files: {self.files[0]} … {self.files[-1]}"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports the real problem when it tries to read the file


def _skip_line(fh: BinaryIO) -> int:
    """Read to the end of the current line in bounded chunks; returns the bytes consumed."""
    n = 0
    while chunk := fh.readline(_CHUNK):
        n += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return n


def _count_newlines(fh: BinaryIO, start: int, end: int) -> int:
    fh.seek(start)
    left, count = end - start, 0
    while left > 0:
        chunk = fh.read(min(_CHUNK, left))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def _shifted(size_at: Callable[[int], int], base: int, offset: int) -> int:
    return size_at(base + offset)


def _jsonl_ranges(
    path: Path, size: int, target: Callable[[int], int]
) -> Iterator[tuple[int, int | None, int]]:
    """``(start, end, first_line)`` slices of about ``target(start)`` bytes, each starting at a line start.

    One sequential pass over the file (seek + count newlines), no parsing, constant memory.
    """
    start, line = 0, 1
    with open(path, "rb") as fh:
        while True:
            cut = start + max(1, target(start))
            if cut >= size:
                yield start, None, line
                return
            fh.seek(cut - 1)
            nxt = cut - 1 + _skip_line(fh)  # the first line start at or after ``cut``
            if nxt >= size:
                yield start, None, line
                return
            yield start, nxt, line
            line += _count_newlines(fh, start, nxt)
            start = nxt


def plan_partitions(
    inputs: Sequence[str | Path] | str | Path,
    *,
    target_bytes: int = DEFAULT_PARTITION_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    absolute: bool = False,
    total_bytes: int | None = None,
    taper: int = 0,
    min_bytes: int = MIN_PARTITION_BYTES,
) -> Iterator[Partition | IngestError]:
    """Partitions of about ``target_bytes`` each, in input order, lazily; errors for inputs naming nothing.

    Small files are grouped (up to ``max_files`` per partition); an uncompressed JSONL file larger than
    ``target_bytes`` is cut into line-aligned byte ranges. ``absolute`` resolves paths (for workers on
    other machines, which do not share the driver's working directory; the files must be on a shared
    file system).

    ``taper`` (the number of worker threads) with ``total_bytes`` (the size of all inputs) makes the
    last partitions smaller: a partition is at most the bytes still to plan divided by ``2 * taper``,
    and at least ``min_bytes``. Why: workers take partitions as they free up, so a run ends when the
    last partition does; with equal sizes one worker often idles for most of a partition (measured:
    about 3 s of a 60 s run on two workers), with tapered sizes for a fraction of the smallest.
    """
    target = max(1, int(target_bytes))
    index = 0
    group: list[str] = []
    group_bytes = 0
    planned = 0  # bytes of input already in a partition (or in the current group)

    def size_at(offset: int) -> int:
        if not (total_bytes and taper > 0):
            return target
        left = max(0, total_bytes - offset)
        return max(min(target, max(1, int(min_bytes))), min(target, left // (2 * taper)))

    def flush() -> Iterator[Partition]:
        nonlocal index, group, group_bytes
        if group:
            yield Partition(index=index, files=tuple(group))
            index += 1
            group, group_bytes = [], 0

    for item in iter_paths(inputs):
        if isinstance(item, IngestError):
            yield item
            continue
        if item == STDIN_PATH:
            yield IngestError(
                "<stdin>", "not-distributable",
                "standard input cannot be split across workers; save it to a file or run without --workers",
            )
            continue
        path = item.resolve() if absolute else item
        size = _size(path)
        fmt, gz = format_by_name(path)
        base = planned
        if fmt == "jsonl" and not gz and size > size_at(base):
            yield from flush()
            for start, end, first in _jsonl_ranges(path, size, functools.partial(_shifted, size_at, base)):
                yield Partition(index=index, files=(str(path),), start=start, end=end, first_line=first)
                index += 1
            planned += size
            continue
        group.append(str(path))
        group_bytes += size
        planned += size
        if group_bytes >= size_at(planned - group_bytes) or len(group) >= max_files:
            yield from flush()
    yield from flush()


def iter_range_lines(
    fh: BinaryIO, start: int, end: int | None, first_line: int, max_bytes: int
) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for the lines *starting* in ``[start, end)``; like
    :func:`peristiwa.ingest.jsonl.iter_lines`, a line longer than ``max_bytes`` comes as None, unread."""
    fh.seek(start)
    pos, lineno = start, first_line - 1
    while end is None or pos < end:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        pos += len(line)
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            pos += _skip_line(fh)
            yield lineno, None
            continue
        yield lineno, line


def read_partition_documents(part: Partition, ctx: IngestContext) -> Iterator[Document | IngestError]:
    """The documents (and ingestion errors) of one partition, exactly as a single-process run reads them."""
    from ..ingest import read_path

    if not part.is_range:
        for name in part.files:
            yield from read_path(Path(name), ctx)
        return
    path = Path(part.files[0])
    where = str(path)
    max_bytes = ctx.options.max_bytes
    try:
        with open(path, "rb") as fh:
            lines = iter_range_lines(fh, part.start or 0, part.end, part.first_line, max_bytes)
            for raw in read_jsonl_stream(lines, where, file_stem(path), max_bytes):
                yield raw if isinstance(raw, IngestError) else ctx.finish(raw)
    except OSError as exc:
        yield IngestError(where, "unreadable", f"cannot read bytes {part.start}-{part.end}: {exc}")
    except (LanguagePackError, ConfigError):
        raise
    except Exception as exc:  # a reader bug must cost one slice, not the run
        yield IngestError(where, "internal", f"reading failed unexpectedly: {type(exc).__name__}: {exc}")

