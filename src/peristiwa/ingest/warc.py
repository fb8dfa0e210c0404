"""WARC and WARC.gz crawl archives: one document per successful HTML response, streamed.

Why the extra checks: warcio reads a cut-off archive without complaint (the last record simply comes out
short, or a half-written gzip member is skipped), and a crawl cut by a full disk is common. So each
record's block is checked against its declared length and the archive's end against the file size; what
was read before the cut is kept, and one ``truncated`` error says where it stopped.

The URL of a document is the record's ``WARC-Target-URI``; its publication date comes from the page (the
WARC-Date is the crawl time, kept as ``metadata["crawled"]``), else from the caller's argument.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .build import IngestContext, RawDoc, name_from_url
from .html import html_document

__all__ = ["read_warc_file"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# bytes after the last record that are not a cut record (the record separator "\r\n\r\n")
_SLACK = 4


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _is_page(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response" and (
        record.http_headers is None or record.http_headers.get_statuscode() != "200"
    ):
        return False
    return _content_type(record).split(";")[0].strip().lower() in _HTML_TYPES


def _starts_like_warc(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """Documents of every HTML response in the archive; errors for oversized or cut records."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield IngestError(where, "empty", "the archive is empty")
            return
        if not _starts_like_warc(path):
            yield IngestError(where, "malformed-warc", "not a WARC archive (it does not start with a WARC record)")
            return
        with open(path, "rb") as fh:
            yield from _records(fh, where, size, ctx.options.max_bytes)
    except OSError as exc:
        yield IngestError(where, "unreadable", f"cannot read: {exc}")


def _records(fh: Any, where: str, size: int, max_bytes: int) -> Iterator[RawDoc | IngestError]:
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(fh)
    archive.INC_RECORD = ""  # warcio writes this warning to stderr itself; we report err_count instead
    records = iter(archive)
    number = done = pages = end = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio fails in many ways on a cut or corrupt archive
            yield _cut(where, done, exc)
            return
        number += 1
        at = f"{where}#{number}"
        if _is_page(record):
            pages += 1
            declared = int(record.rec_headers.get_header("Content-Length") or 0)
            if declared > max_bytes:
                yield IngestError(at, "too-large", f"record larger than ingest.max_bytes ({max_bytes} bytes)")
            else:
                try:
                    payload = record.content_stream().read()
                except Exception as exc:
                    yield _cut(where, done, exc)
                    return
                if getattr(record.raw_stream, "limit", 0) > 0:
                    yield IngestError(at, "truncated", f"archive ends inside record {number}; "
                                      f"the {number - 1} records before it were read")
                    return
                yield _document(record, payload, at)
        try:
            archive.read_to_end(record)
        except Exception as exc:
            yield _cut(where, done, exc)
            return
        end = archive.get_record_offset() + archive.get_record_length()
        done = number
    if size - end > _SLACK:
        yield IngestError(f"{where}#{number + 1}", "truncated",
                          f"{size - end} bytes after record {number} are not a complete record (archive cut?)")
    elif number == 0:
        yield IngestError(where, "empty", "no WARC records in this file")
    elif pages == 0:
        yield IngestError(where, "no-text", f"none of the {number} records is a successful HTML response")


def _document(record: Any, payload: bytes, at: str) -> RawDoc | IngestError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    raw = html_document(payload, at, name_from_url(url), url=url, charset=_charset(_content_type(record)))
    if isinstance(raw, RawDoc):
        crawled = record.rec_headers.get_header("WARC-Date")
        if crawled:
            raw.metadata["crawled"] = str(crawled)
        raw.fmt = "warc"
    return raw


def _cut(where: str, done: int, exc: Exception) -> IngestError:
    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
    if done == 0:
        return IngestError(where, "malformed-warc", f"not a readable WARC archive ({detail})")
    return IngestError(f"{where}#{done + 1}", "truncated",
                       f"archive cut or corrupt after {done} complete records ({detail})")
