"""JSON Lines in the gold document format (``doc_id, lang, published, title, source, url, text``).

Why line by line: a JSONL corpus can be larger than memory, and one broken line must cost one error naming
``file:line`` while every other line is still read. Fields other than the document fields (``events``,
``quotes`` of a gold file) are ignored; the input's ``doc_id``, ``lang`` and ``published`` are kept.
A ``.json`` file may hold one such object or an array of them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from ..errors import IngestError
from .build import IngestContext, RawDoc, make_doc_id, parse_iso_date
from .normalize import decode_bytes
from .sources import open_binary
from .text import check_bytes, file_stem, load_file

__all__ = ["iter_lines", "read_json_file", "read_jsonl_file", "read_jsonl_stream", "record_to_raw"]

_CHUNK = 1 << 16
_DECODER = msgspec.json.Decoder()


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    return text or None


def record_to_raw(obj: Any, where: str, name: str, line: bytes, warnings: list[str]) -> RawDoc | IngestError:
    """Validate one decoded record and turn it into a :class:`RawDoc`."""
    if not isinstance(obj, dict):
        kind = type(obj).__name__.replace("dict", "object").replace("list", "array")
        return IngestError(where, "malformed-json", f"expected a JSON object with a \"text\" field, got {kind}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(where, "no-text", "record has no \"text\" (or it is empty or not a string)")
    raw_published = obj.get("published")
    published = parse_iso_date(raw_published)
    if raw_published not in (None, "") and published is None:
        warnings.append(f"published {str(raw_published)[:40]!r} is not an ISO date; ignored")
    lang = _opt_str(obj.get("lang"))
    doc_id = _opt_str(obj.get("doc_id"))
    return RawDoc(
        where=where,
        fmt="jsonl",
        text=text,
        name=name,
        id_source=line,
        doc_id=doc_id or make_doc_id(name, text.encode("utf-8")),
        lang=lang.lower() if lang else None,
        published=published,
        title=_opt_str(obj.get("title")),
        source=_opt_str(obj.get("source")),
        url=_opt_str(obj.get("url")),
        warnings=warnings,
    )


def _decode_line(line: bytes, where: str, name: str) -> RawDoc | IngestError:
    try:
        text = line.decode("utf-8")
        warnings: list[str] = []
    except UnicodeDecodeError:
        text, warnings = decode_bytes(line)
    try:
        obj = _DECODER.decode(text)
    except msgspec.DecodeError as exc:
        return IngestError(where, "malformed-json", f"not valid JSON: {exc}")
    return record_to_raw(obj, where, name, line, warnings)


def iter_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` pairs; a line longer than ``max_bytes`` comes as None and is skipped unread."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
            continue
        yield lineno, line


def read_jsonl_stream(
    lines: Iterable[tuple[int, bytes | None]], where: str, name: str, max_bytes: int
) -> Iterator[RawDoc | IngestError]:
    """One document (or error) per non-blank line; errors name ``where:line``."""
    for lineno, line in lines:
        at = f"{where}:{lineno}"
        if line is None:
            yield IngestError(at, "too-large", f"line longer than ingest.max_bytes ({max_bytes} bytes); skipped")
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        line = line.strip()
        if not line:
            continue
        yield _decode_line(line, at, name)


def read_jsonl_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """Stream a JSON Lines file (optionally gzipped); a file with no records at all is an ``empty`` error."""
    where = str(path)
    count = 0
    try:
        with open_binary(path, gz) as fh:
            lines = iter_lines(fh, ctx.options.max_bytes)
            for item in read_jsonl_stream(lines, where, file_stem(path), ctx.options.max_bytes):
                count += 1
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(where, "unreadable", f"cannot read (after {count} records): {exc}")
        return
    if count == 0:
        yield IngestError(where, "empty", "no JSON records in this file")


def read_json_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """A ``.json`` file: one record, an array of records, or (misnamed) JSON Lines."""
    where = str(path)
    data = load_file(path, gz, ctx)
    if isinstance(data, IngestError):
        yield data
        return
    name = file_stem(path)
    try:
        obj = _DECODER.decode(data)
    except msgspec.DecodeError:
        # not one JSON value: JSON Lines under a .json name is common enough to accept
        numbered = ((i, ln) for i, ln in enumerate(data.split(b"\n"), start=1))
        yield from read_jsonl_stream(numbered, where, name, ctx.options.max_bytes)
        return
    except UnicodeDecodeError:
        checked = check_bytes(data, where)
        yield checked if isinstance(checked, IngestError) else _decode_line(data, where, name)
        return
    if isinstance(obj, list):
        if not obj:
            yield IngestError(where, "empty", "the JSON array holds no records")
        for i, item in enumerate(obj, start=1):
            line = msgspec.json.encode(item)
            yield record_to_raw(item, f"{where}#{i}", name, line, [])
    else:
        yield record_to_raw(obj, where, name, data, [])
