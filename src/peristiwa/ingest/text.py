"""Plain text inputs, and the size/emptiness/binary checks shared by every format read whole.

Why the checks come first: a 2 GB log file or a stray image in a corpus directory must cost a stat call
and one clear error line, not the memory to hold it or a page of mojibake in the store.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError
from .build import IngestContext, RawDoc
from .normalize import decode_bytes, looks_binary
from .sources import open_binary, read_limited

__all__ = ["check_bytes", "file_stem", "load_file", "read_text_bytes", "read_text_file"]


def _too_large(where: str, max_bytes: int) -> IngestError:
    return IngestError(
        where, "too-large", f"larger than ingest.max_bytes ({max_bytes} bytes); not read (split it or raise the limit)"
    )


def load_file(path: Path, gz: bool, ctx: IngestContext) -> bytes | IngestError:
    """The bytes of a file read whole, or the error that stops it (too large, unreadable, empty, binary)."""
    where = str(path)
    max_bytes = ctx.options.max_bytes
    try:
        if not gz and path.stat().st_size > max_bytes:
            return _too_large(where, max_bytes)
        with open_binary(path, gz) as fh:
            data = read_limited(fh, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        return IngestError(where, "unreadable", f"cannot read: {exc}")
    if data is None:
        return _too_large(where, max_bytes)
    return check_bytes(data, where)


def check_bytes(data: bytes, where: str) -> bytes | IngestError:
    """``data`` itself, or an ``empty`` / ``binary`` error."""
    if not data.strip():
        return IngestError(where, "empty", "the input is empty")
    if looks_binary(data):
        return IngestError(where, "binary", "binary content (not text); skipped")
    return data


def read_text_bytes(data: bytes, where: str, name: str) -> Iterator[RawDoc | IngestError]:
    """One document from the bytes of a plain text input (UTF-8; invalid bytes replaced with a warning)."""
    checked = check_bytes(data, where)
    if isinstance(checked, IngestError):
        yield checked
        return
    text, warnings = decode_bytes(data)
    yield RawDoc(where=where, fmt="text", text=text, name=name, id_source=data, warnings=warnings)


def read_text_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """One document per plain text file; its id is built from the file's stem."""
    data = load_file(path, gz, ctx)
    if isinstance(data, IngestError):
        yield data
        return
    yield from read_text_bytes(data, str(path), file_stem(path))


def file_stem(path: Path) -> str:
    """The name a file's documents are identified by: its name without the last extension (and ``.gz``)."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem or path.name
