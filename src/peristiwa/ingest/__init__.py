"""Ingestion: files, directories, globs and standard input become clean :class:`~peristiwa.model.Document`\\ s.

Why a stream of documents *and errors*: a batch of ten thousand articles must never stop on one bad file.
:func:`read_inputs` never raises for a bad input; it yields an :class:`~peristiwa.errors.IngestError`
(``where`` = ``file``, ``file:line`` for JSON Lines, ``file:row n`` for the n-th CSV record after the
header, ``file#n`` for the n-th WARC record or feed entry; ``reason`` = a short code; ``message`` = one line
saying what to do) and goes on with the next input. Nothing is read whole except single documents:
directories are walked lazily, JSONL, CSV and WARC stream.

Formats, chosen by extension (content sniffed when the extension says nothing):

=====================================  ===================================================================
``.txt`` ``.text``                     plain UTF-8 text, one document
``.html`` ``.htm`` ``.xhtml``          main text, title, date, URL via trafilatura (comments, pager dropped)
``.jsonl`` ``.ndjson`` ``.json``       gold document format: ``doc_id, lang, published, title, source,
                                       url, text``; other fields (``events``, ``quotes``) are ignored
``.warc`` ``.warc.gz``                 every HTTP 200 HTML response; URL from the record
``.rss`` ``.atom`` ``.xml``            every feed entry; localized dates parsed with dateparser
``.csv`` ``.tsv``                      one document per row; header names mapped to fields by
                                       ``[ingest.csv]`` (text, published, title, url, doc_id, source,
                                       lang); a file with another extension whose first line is such a
                                       header is read as CSV too
``-``                                  standard input: JSON Lines when it starts with ``{``, CSV when its
                                       first line is a CSV header, else text
=====================================  ===================================================================

``.gz`` compressed text/JSONL/HTML/CSV files are read transparently.

What every document goes through (see :mod:`peristiwa.ingest.build`): UTF-8 decoding (invalid bytes
replaced, with a warning in ``doc.warnings``), normalisation (``\\n`` line breaks, no trailing spaces, at
most one blank line, NFC; quotation marks untouched), the language decision, boilerplate removal from the
language pack's ``boilerplate.tsv`` (what was removed is in ``doc.metadata["boilerplate_removed*"]``), and
the ``ingest.min_chars`` check.

Precedence: the input's own ``lang``/``published``/``doc_id`` win; the ``lang`` and ``published``
arguments fill what the input lacks (plain text never carries a date, so there the argument always
applies). Generated ids are ``<file stem or URL name>-<8 hex of SHA-256 of the raw input>``; a CSV id
column gives ``<file stem>-<id>`` (unique within its file only).

Error reasons: ``not-found``, ``no-match`` (glob), ``unreadable``, ``too-large`` (file, JSONL line or WARC
record over ``ingest.max_bytes``, never read whole), ``empty`` (no text, or shorter than
``ingest.min_chars``), ``binary``, ``malformed-json``, ``no-text`` (JSONL record without text, HTML page
without main text, feed entry without content, CSV header without a text column, CSV row with empty text),
``malformed-html``, ``malformed-warc``, ``malformed-csv`` (a row with more fields than the header), ``truncated``
(WARC cut short; the records before the cut are still yielded), ``no-entries`` (feed), ``unknown-language``,
``internal`` (a bug in a reader; reported, and the batch goes on).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..config import IngestOptions
from ..errors import ConfigError, IngestError, LanguagePackError
from ..langs.base import PackLoader
from ..model import Document
from .build import IngestContext, RawDoc, make_doc_id
from .csvfile import looks_like_header, read_csv_file, read_csv_stream, sniff_csv
from .feed import read_feed_file
from .html import html_bytes, read_html_file
from .jsonl import iter_lines, read_json_file, read_jsonl_file, read_jsonl_stream
from .langid import identify_language
from .normalize import normalize_text
from .sources import (
    STDIN,
    STDIN_PATH,
    count_inputs,
    detect_format,
    format_by_name,
    iter_paths,
    read_limited,
    sniff_format,
)
from .text import read_text_bytes, read_text_file
from .warc import read_warc_file

__all__ = [
    "STDIN",
    "STDIN_PATH",
    "IngestContext",
    "count_inputs",
    "detect_format",
    "identify_language",
    "iter_paths",
    "normalize_text",
    "read_inputs",
    "read_path",
    "read_text",
]

_READERS = {
    "text": read_text_file,
    "html": read_html_file,
    "jsonl": read_jsonl_file,
    "json": read_json_file,
    "warc": read_warc_file,
    "feed": read_feed_file,
    "csv": read_csv_file,
}
_STDIN_WHERE = "<stdin>"


def read_inputs(
    inputs: Sequence[str | Path] | str | Path,
    options: IngestOptions | None = None,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    packs: PackLoader | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | IngestError]:
    """Documents (and one error per bad input) from files, directories, glob patterns and ``"-"``.

    ``lang`` and ``published`` apply to inputs that do not carry their own. ``stdin`` replaces
    ``sys.stdin.buffer`` for ``"-"`` (tests, servers). Lazy: nothing is read until iterated.
    """
    ctx = IngestContext(options or IngestOptions(), lang=lang, published=published, packs=packs)
    for path in iter_paths(inputs):
        if isinstance(path, IngestError):
            yield path
        else:
            yield from read_path(path, ctx, stdin=stdin)


def read_path(path: Path, ctx: IngestContext, *, stdin: BinaryIO | None = None) -> Iterator[Document | IngestError]:
    """Documents of one file (or of standard input for :data:`STDIN_PATH`), errors included."""
    where = _STDIN_WHERE if path == STDIN_PATH else str(path)
    try:
        if path == STDIN_PATH:
            items = _read_stdin(stdin if stdin is not None else sys.stdin.buffer, ctx)
        else:
            items = _read_file(path, ctx)
        for item in items:
            yield item if isinstance(item, IngestError) else ctx.finish(item)
    except (LanguagePackError, ConfigError):
        raise  # a broken installation or configuration is not a bad input: every document would fail
    except Exception as exc:  # a reader bug must cost one input, not the batch
        yield IngestError(where, "internal", f"reading failed unexpectedly: {type(exc).__name__}: {exc}")


def _read_file(path: Path, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    try:
        fmt, gz = detect_format(path)
    except OSError as exc:
        yield IngestError(str(path), "unreadable", f"cannot read: {exc}")
        return
    if fmt == "text" and format_by_name(path)[0] is None and sniff_csv(path, gz, ctx.options.csv):
        fmt = "csv"  # named explicitly, no telling extension, and its first line is a CSV header
    reader = _READERS.get(fmt)
    if reader is None:
        yield IngestError(str(path), "binary", "binary content (not text); skipped")
        return
    yield from reader(path, gz, ctx)


def _read_stdin(stream: BinaryIO, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    max_bytes = ctx.options.max_bytes
    first = stream.readline(max_bytes + 1)
    if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{") and len(first) <= max_bytes:
        rest = ((n + 1, line) for n, line in iter_lines(stream, max_bytes))
        lines = itertools.chain([(1, first)], rest)
        yield from read_jsonl_stream(lines, _STDIN_WHERE, "stdin", max_bytes)
        return
    if len(first) <= max_bytes and looks_like_header(first, ctx.options.csv):
        rest = ((n + 1, line) for n, line in iter_lines(stream, max_bytes))
        yield from read_csv_stream(itertools.chain([(1, first)], rest), _STDIN_WHERE, "stdin", ctx)
        return
    rest_bytes = read_limited(stream, max(0, max_bytes - len(first)))
    if rest_bytes is None or len(first) > max_bytes:
        yield IngestError(_STDIN_WHERE, "too-large", f"standard input exceeds ingest.max_bytes ({max_bytes} bytes)")
        return
    data = first + rest_bytes
    if sniff_format(data[:4096]) == "html":
        yield from html_bytes(data, _STDIN_WHERE, "stdin")
    else:
        yield from read_text_bytes(data, _STDIN_WHERE, "stdin")


def read_text(
    text: str,
    options: IngestOptions | None = None,
    *,
    doc_id: str | None = None,
    lang: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    packs: PackLoader | None = None,
) -> Document | IngestError:
    """One document from a string, cleaned exactly as a ``.txt`` file would be (for APIs and ``extract``).

    Without ``doc_id`` the id is ``text-<8 hex of SHA-256 of the text>``.
    """
    ctx = IngestContext(options or IngestOptions(), lang=lang, published=published, packs=packs)
    data = text.encode("utf-8", errors="replace")
    raw = RawDoc(
        where=doc_id or "text",
        fmt="text",
        text=text,
        name="text",
        id_source=data,
        doc_id=doc_id or make_doc_id("text", data),
        title=title,
        source=source,
        url=url,
    )
    return ctx.finish(raw)
