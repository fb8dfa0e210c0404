"""CSV and TSV corpora: one document per row, header names mapped to document fields by configuration.

Why rows: a CSV dump (Kaggle, Hugging Face, a spreadsheet export) holds one article per row; read as one
text it becomes a single absurd document. Why streamed: such dumps can be larger than memory, so rows are
parsed from lines read one at a time (each at most ``ingest.max_bytes``), quoted fields spanning lines
included, and one bad row costs one error naming ``file:row N`` (the N-th record after the header) while
every other row is still read.

Which column feeds which field is data: ``[ingest.csv]`` lists candidate header names per field (matched
case-insensitively after trimming; the first one present wins); other columns are ignored. The delimiter is
the one (of comma, tab, semicolon, bar; the extension's own first) under which the header names a text
column. Numeric dates are read in one day/month order per file (:mod:`peristiwa.ingest.csvdates`): rows
with an ambiguous date wait (at most 1000 rows or ``ingest.max_bytes`` of text) until a row decides.

Errors: ``no-text`` (no text column in the header, or a row whose text is empty), ``malformed-csv`` (a row
with more fields than the header, one the csv module rejects, or one whose unclosed quote ran into the next
rows: they are read again when they start like the file's rows do), ``too-large`` (a line longer than
``ingest.max_bytes``), ``empty`` (no rows), ``binary``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import CsvOptions
from ..errors import IngestError
from .build import IngestContext, RawDoc, make_doc_id, scoped_id
from .csvdates import DateOrder, NumericDate, read_date
from .jsonl import iter_lines
from .normalize import decode_bytes, looks_binary
from .sources import open_binary
from .text import file_stem

__all__ = ["FIELDS", "Header", "find_header", "looks_like_header", "read_csv_file", "read_csv_stream", "sniff_csv"]

#: The document fields a column can feed, as named in ``[ingest.csv]``.
FIELDS = ("text", "published", "title", "url", "doc_id", "source", "lang")
_DELIMITERS = (",", "\t", ";", "|")
_LOOKAHEAD_ROWS = 1000
_SNIFF = 65536
_HEADER_LINE = 4096
_NAME_CHARS = 64
_LANG_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})?")

# a row read: the document (or error), its numeric date awaiting the file's day/month order, the raw date
_Entry = tuple[RawDoc | IngestError, NumericDate | None, str]
_Cache = dict[str, dt.date | None]


@dataclass(frozen=True)
class Header:
    """A file's header row: its names, the delimiter that split it, and ``field -> column index``."""

    names: list[str]
    delimiter: str
    columns: dict[str, int]


def map_columns(names: list[str], options: CsvOptions) -> dict[str, int]:
    """``field -> column index`` for every field one of whose candidate names is in ``names``."""
    keys = [n.strip().lower() for n in names]
    columns: dict[str, int] = {}
    for field in FIELDS:
        for candidate in getattr(options, field):
            key = candidate.strip().lower()
            if key in keys:
                columns[field] = keys.index(key)
                break
    return columns


def find_header(line: str, options: CsvOptions, preferred: str = ",") -> Header | None:
    """The header in a file's first line: the first delimiter (``preferred`` first) that yields a text column.

    >>> h = find_header('"",date,Text,source', CsvOptions())
    >>> h.delimiter, h.columns
    (',', {'text': 2, 'published': 1, 'source': 3})
    """
    for delimiter in (preferred, *(d for d in _DELIMITERS if d != preferred)):
        names = next(csv.reader([line], delimiter=delimiter), [])
        columns = map_columns(names, options)
        if "text" in columns:
            return Header(names, delimiter, columns)
    return None


def looks_like_header(line: bytes, options: CsvOptions) -> bool:
    """True when ``line`` (a file's first line) is evidently a CSV header, for files no extension names.

    Conservative, so plain text stays plain text: at least two short, name-like fields, one a text column
    and another a known field (date, title, url, id, source or language).

    >>> looks_like_header(b"id,judul,tanggal,isi_berita\\n", CsvOptions())
    True
    >>> looks_like_header(b"Berita, foto dan isi berita hari ini.\\n", CsvOptions())
    False
    """
    line = line.removeprefix(codecs.BOM_UTF8).strip()
    if not line or len(line) > _HEADER_LINE:
        return False
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    header = find_header(text, options)
    if header is None or len(header.names) < 2 or len(header.columns) < 2:
        return False
    return all(len(n.strip()) <= _NAME_CHARS and len(n.split()) <= 3 for n in header.names)


def sniff_csv(path: Path, gz: bool, options: CsvOptions) -> bool:
    """True when a file named without a known extension starts with a CSV header and has a row after it."""
    try:
        with open_binary(path, gz) as fh:
            head = fh.read(_SNIFF)
    except (OSError, EOFError, zlib.error):
        return False
    first, sep, rest = head.partition(b"\n")
    return bool(sep) and bool(rest.strip()) and looks_like_header(first, options)


class _Lines:
    """Decoded lines for :func:`csv.reader`, remembering what the row being parsed must report."""

    def __init__(self, lines: Iterable[tuple[int, bytes | None]]) -> None:
        self._lines = iter(lines)
        self.lineno = 0
        self.warnings: list[str] = []
        self.too_long = False
        self.row_lines: list[tuple[int, str]] = []  # the lines of the row being parsed
        self._replay: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._replay:
            self.lineno, text = self._replay.pop(0)
            self.row_lines.append((self.lineno, text))
            return text
        lineno, line = next(self._lines)
        self.lineno = lineno
        if line is None:  # longer than ingest.max_bytes: skipped unread; the row it belongs to fails
            self.too_long = True
            return "\n"
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text, warnings = decode_bytes(line)
            self.warnings.extend(warnings)
        self.row_lines.append((lineno, text))
        return text

    def replay(self, lines: list[tuple[int, str]]) -> None:
        """Read ``lines`` again before the rest (rows an unclosed quote ran into)."""
        self._replay = lines + self._replay

    def take(self) -> tuple[list[str], bool]:
        """The current row's decoding warnings and whether a line of it was too long; then reset."""
        found = (self.warnings, self.too_long)
        self.warnings, self.too_long, self.row_lines = [], False, []
        return found


class _RowStart:
    """What the first cell of a row looks like in this file ("17", "detik-386", "2025-01-03"), learned from the
    first rows: a line inside a quoted field that starts like that, with the header's number of fields, is
    a row an unclosed quote ran into (files whose first column is free text teach no shape)."""

    def __init__(self, width: int, delimiter: str) -> None:
        self.width = width
        self.delimiter = delimiter
        self.seen: list[str | None] = []

    def learn(self, row: list[str]) -> None:
        if len(self.seen) < 5 and row:
            self.seen.append(_shape(row[0].strip()))

    @property
    def shape(self) -> str | None:
        return self.seen[0] if len(self.seen) >= 2 and len(set(self.seen)) == 1 else None

    def overrun(self, lines: list[tuple[int, str]]) -> int | None:
        """Index of the first line of ``lines`` (one parsed row) after the first that starts another row."""
        shape = self.shape
        if shape is None or len(lines) < 2:
            return None
        for i, (_, line) in enumerate(lines[1:], start=1):
            cells = next(csv.reader([line], delimiter=self.delimiter), [])
            if len(cells) == self.width and re.fullmatch(shape, cells[0].strip()):
                return i
        return None


def _shape(cell: str) -> str | None:
    """A pattern for cells like ``cell``: runs of digits and of letters generalised, other characters kept;
    None for free text (spaces, or longer than 40 characters)."""
    if not cell or len(cell) > 40 or any(c.isspace() for c in cell):
        return None
    return "".join(r"\d+" if run[0].isdigit() else r"[^\W\d_]+" if run[0].isalpha() else re.escape(run)
                   for run in re.findall(r"\d+|[^\W\d_]+|[\W_]+", cell))


def _cell(row: list[str], header: Header, field: str) -> str | None:
    index = header.columns.get(field)
    if index is None or index >= len(row):
        return None
    return row[index].strip() or None


def _row_to_raw(
    row: list[str], header: Header, at: str, name: str, ctx: IngestContext, warnings: list[str], cache: _Cache
) -> _Entry:
    """One row as a document (or error), with its numeric date still to be read in the file's order."""
    width = len(header.names)
    if len(row) > width and any(cell.strip() for cell in row[width:]):
        return IngestError(
            at, "malformed-csv", f"{len(row)} fields where the header has {width} (a delimiter or quote out of place?)"
        ), None, ""
    text = row[header.columns["text"]] if header.columns["text"] < len(row) else ""
    if not text.strip():
        column = header.names[header.columns["text"]].strip()
        return IngestError(at, "no-text", f"no text in column {column!r}"), None, ""
    raw_date = _cell(row, header, "published") or ""
    found = read_date(raw_date, ctx.options.languages, cache) if raw_date else None
    if raw_date and found is None:
        warnings.append(f"published {raw_date[:40]!r} is not a date peristiwa reads; ignored")
    lang = _cell(row, header, "lang")
    code = None
    if lang:
        m = _LANG_CODE.fullmatch(lang.lower())
        if m:
            code = m[1]
        else:
            warnings.append(f"lang {lang[:20]!r} is not a language code; the language is identified instead")
    local_id = _cell(row, header, "doc_id")
    raw = RawDoc(
        where=at,
        fmt="csv",
        text=text,
        name=name,
        id_source=text.encode("utf-8"),
        doc_id=scoped_id(name, local_id) if local_id else make_doc_id(name, text.encode("utf-8")),
        lang=code,
        published=None if isinstance(found, NumericDate) else found,
        title=_cell(row, header, "title"),
        source=_cell(row, header, "source"),
        url=_cell(row, header, "url"),
        warnings=warnings,
    )
    return raw, found if isinstance(found, NumericDate) else None, raw_date


def _settle(entry: _Entry, order: DateOrder) -> RawDoc | IngestError:
    item, date, raw_date = entry
    if date is not None and isinstance(item, RawDoc):
        item.published = order.resolve(date, raw_date, item.warnings)
    return item


def read_csv_stream(
    lines: Iterable[tuple[int, bytes | None]], where: str, name: str, ctx: IngestContext, preferred: str = ","
) -> Iterator[RawDoc | IngestError]:
    """One document (or error) per row of CSV ``lines`` (``(line number, bytes)``, as from ``iter_lines``)."""
    options = ctx.options
    if csv.field_size_limit() < options.max_bytes:  # the csv module's own limit is process-wide
        csv.field_size_limit(options.max_bytes)
    source = _Lines(lines)
    first = next((line for line in source if line.strip()), None)
    if first is None:
        yield IngestError(where, "empty", "no rows in this file")
        return
    if source.too_long:
        yield IngestError(where, "too-large", f"header line longer than ingest.max_bytes ({options.max_bytes} bytes)")
        return
    if looks_binary(first.encode("utf-8", errors="replace")):
        yield IngestError(where, "binary", "binary content (not text); skipped")
        return
    header = find_header(first, options.csv, preferred)
    if header is None:
        names = next(csv.reader([first], delimiter=preferred), [])
        shown = ", ".join(repr(n.strip()) for n in names)[:200]
        yield IngestError(
            where, "no-text", f"no text column in the header ({shown}); name yours in [ingest.csv] text (--config)"
        )
        return
    source.replay([(source.lineno, first)])  # (not a chain: replayed rows may follow the end of the file)
    reader = csv.reader(source, delimiter=header.delimiter)
    next(reader)  # the header row itself
    source.take()
    starts = _RowStart(len(header.names), header.delimiter)
    order = DateOrder(options.csv.date_order)
    cache: _Cache = {}
    pending: list[_Entry] = []
    pending_chars = 0
    count = 0
    while True:
        start = source.lineno + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            count += 1
            source.take()
            entry: _Entry = (
                IngestError(f"{where}:row {count}", "malformed-csv", f"{exc} (from line {start})"), None, "")
        else:
            overrun = starts.overrun(source.row_lines)
            if overrun is not None:  # an unclosed quote ran into the next rows: this row fails, they are read
                again = source.row_lines[overrun:]
                source.take()
                source.replay(again)
                count += 1
                yield _settle((IngestError(f"{where}:row {count}", "malformed-csv", (
                    f"unclosed quote (from line {start}): the field ran into the next rows, read again from line "
                    f"{again[0][0]}")), None, ""), order)
                continue
            warnings, too_long = source.take()
            if not row and not too_long:
                continue  # a blank line between rows
            starts.learn(row)
            count += 1
            at = f"{where}:row {count}"
            if too_long:
                entry = (IngestError(at, "too-large", f"a line of this row (from line {start}) is longer than "
                                     f"ingest.max_bytes ({options.max_bytes} bytes); skipped"), None, "")
            else:
                try:
                    entry = _row_to_raw(row, header, at, name, ctx, warnings, cache)
                except Exception as exc:  # a reader bug costs this row, never the rest of the file
                    entry = (IngestError(at, "internal", f"{type(exc).__name__}: {exc}"), None, "")
        item, date = entry[0], entry[1]
        if date is not None and order.order is None and order.learn(date, f"row {count}"):
            yield from (_settle(waiting, order) for waiting in pending)
            pending, pending_chars = [], 0
        if pending or (date is not None and order.order is None):
            pending.append(entry)
            pending_chars += len(item.text) if isinstance(item, RawDoc) else 0
            if len(pending) >= _LOOKAHEAD_ROWS or pending_chars > options.max_bytes:
                order.assume()
                yield from (_settle(waiting, order) for waiting in pending)
                pending, pending_chars = [], 0
            continue
        yield _settle(entry, order)
    yield from (_settle(waiting, order) for waiting in pending)
    if count == 0:
        yield IngestError(where, "empty", "no rows after the header")


def scope_name(path: Path) -> str:
    """The name a CSV file's row ids are scoped by: its folder and stem ("2025-01/export.csv" and
    "2025-02/export.csv" both have a row "17": ``2025-01-export-17`` and ``2025-02-export-17``, never one
    document replacing the other in the store).

    >>> scope_name(Path("/data/2025-01/export.csv"))
    '2025-01-export'
    """
    folder = path.resolve().parent.name
    return f"{folder}-{file_stem(path)}" if folder else file_stem(path)


def read_csv_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """Stream a CSV/TSV file (optionally gzipped); its documents are named after its folder and stem."""
    where = str(path)
    preferred = "\t" if ".tsv" in (s.lower() for s in path.suffixes) else ","
    count = 0
    try:
        with open_binary(path, gz) as fh:
            rows = read_csv_stream(iter_lines(fh, ctx.options.max_bytes), where, scope_name(path), ctx, preferred)
            for item in rows:
                count += 1
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(where, "unreadable", f"cannot read (after {count} rows): {exc}")
