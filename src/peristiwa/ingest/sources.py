"""Which files an input list names, in which order, and what format each one is.

Why streaming and sorted: a corpus directory may hold millions of files, so paths are produced one
directory listing at a time (never the whole tree in memory), and in sorted order so two runs over the
same inputs produce the same documents in the same order (ids, logs and stores stay comparable).

Rules: a directory is walked recursively and only files with a known extension are taken (hidden files and
directories are skipped); a file named explicitly is always taken, its format sniffed from its content when
the extension says nothing; a pattern with ``*``, ``?`` or ``[`` is expanded like a shell glob (``**``
recursive); ``-`` is standard input. A path given twice is read once.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import IngestError

__all__ = [
    "EXTENSIONS",
    "STDIN",
    "STDIN_PATH",
    "count_inputs",
    "detect_format",
    "format_by_name",
    "iter_paths",
    "open_binary",
    "read_limited",
    "sniff_format",
]

#: The input that means standard input, and the path :func:`iter_paths` yields for it.
STDIN = "-"
STDIN_PATH = Path(STDIN)

#: Known extensions and the format each one selects.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".csv": "csv",
    ".tsv": "csv",
}
_GLOB_CHARS = frozenset("*?[")
_SNIFF = 65536


def format_by_name(path: Path) -> tuple[str | None, bool]:
    """``(format, gzipped)`` from the file name alone; format None when the extension says nothing.

    >>> format_by_name(Path("crawl.warc.gz")), format_by_name(Path("a.jsonl.gz")), format_by_name(Path("x"))
    (('warc', False), ('jsonl', True), (None, False))
    """
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    ext = suffixes[-2] if gz and len(suffixes) >= 2 else (suffixes[-1] if suffixes and not gz else "")
    fmt = EXTENSIONS.get(ext)
    if fmt == "warc":
        return "warc", False  # warcio reads both plain and gzipped WARC itself
    if gz and fmt is None:
        return None, True
    return fmt, gz


def sniff_format(head: bytes) -> str:
    """The format of content starting with ``head`` (the first few kilobytes)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            return "binary"
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    low = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if low.startswith(b"<?xml"):
        if b"<html" in low:
            return "html"
        return "feed"
    if low.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if low.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or (
        low.startswith(b"<") and b"<html" in low
    ):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"[") and start[1:].lstrip().startswith(b"{"):
        return "json"
    return "text"


def open_binary(path: Path, gz: bool) -> BinaryIO:
    """Open for binary reading, decompressing gzip transparently."""
    if gz:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # the caller closes it


def detect_format(path: Path) -> tuple[str, bool]:
    """``(format, gzipped)`` of a file: by extension, else by sniffing its first bytes.

    Format is one of text, html, jsonl, json, warc, feed, csv, or ``binary`` when the content is not text.
    Content never sniffs as csv here (that needs the configured column names): the caller checks a
    ``text`` answer with :func:`peristiwa.ingest.csvfile.sniff_csv`.
    """
    fmt, gz = format_by_name(path)
    if fmt is not None:
        return fmt, gz
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    fmt = sniff_format(head)
    if fmt == "gzip":
        with gzip.open(path, "rb") as fh:
            try:
                inner = fh.read(_SNIFF)
            except (OSError, EOFError, zlib.error):
                return "binary", True
        return sniff_format(inner), True
    return fmt, False


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """All of ``stream``, or None as soon as it proves longer than ``max_bytes`` (never reads more)."""
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` with a known extension, depth first in sorted order, one listing at a time."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file and (format_by_name(path)[0] is not None):
            yield path


def iter_paths(inputs: Sequence[str | Path] | str | Path) -> Iterator[Path | IngestError]:
    """Expand inputs into files (directories recursively, globs sorted), in a deterministic order.

    Yields :data:`STDIN_PATH` for ``"-"``, and an :class:`IngestError` (``not-found`` or ``no-match``) for
    an input that names nothing, so the caller can report it and go on.
    """
    if isinstance(inputs, str | Path):  # one path given bare, not as a list of characters
        inputs = [inputs]
    seen: set[str] = set()

    def fresh(path: Path) -> bool:
        key = os.path.abspath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for item in inputs:
        text = str(item)
        if text == STDIN:
            yield STDIN_PATH
            continue
        path = Path(text)
        if path.is_dir():
            yield from (p for p in _walk(path) if fresh(p))
        elif path.exists():
            if fresh(path):
                yield path
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield IngestError(text, "no-match", "no file matches this pattern")
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    yield from (p for p in _walk(mpath) if fresh(p))
                elif fresh(mpath):
                    yield mpath
        else:
            yield IngestError(text, "not-found", "no such file or directory")


def _count_lines(path: Path, gz: bool) -> int:
    count = 0
    last = b"\n"
    with open_binary(path, gz) as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def count_inputs(inputs: Sequence[str | Path] | str | Path, *, records: bool = False) -> int:
    """How many files the inputs name (for a progress bar); stdin and missing inputs count 0.

    With ``records=True``, a JSON Lines file counts its lines instead (a fast byte scan, blank lines
    included), so the total approximates the number of documents; WARC and feed files still count 1.
    """
    total = 0
    for path in iter_paths(inputs):
        if isinstance(path, IngestError) or path == STDIN_PATH:
            continue
        if records:
            fmt, gz = format_by_name(path)
            if fmt == "jsonl":
                try:
                    total += _count_lines(path, gz)
                except (OSError, EOFError, zlib.error):
                    total += 1
                continue
        total += 1
    return total
