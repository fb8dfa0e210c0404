"""RSS and Atom feed files: one document per entry, from its full content or else its summary.

Why dates are parsed here and not taken from feedparser: feedparser returns ``published_parsed=None`` for
localized dates ("Rab, 07 Okt 2015 10:15:00 +0700"), and where it does parse, it converts to UTC, which
moves an evening article in Jakarta to the previous day. So the raw date string is parsed keeping the
local calendar date: RFC 822, then ISO 8601, then dateparser restricted to the configured languages.
Entries are not fetched from their links (no network): a feed carrying only teasers gives short documents,
which ``ingest.min_chars`` may reject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .build import IngestContext, RawDoc, name_from_url, parse_written_date
from .html import fragment_to_text
from .text import load_file

__all__ = ["parse_feed_date", "read_feed_file"]


def parse_feed_date(value: str | None, languages: Sequence[str] = ("id", "en")) -> dt.date | None:
    """The local calendar date of a feed date string, in any of ``languages``; None when unparseable.

    >>> parse_feed_date("Rab, 07 Okt 2015 23:15:00 +0700", ["id", "en"])
    datetime.date(2015, 10, 7)
    """
    return parse_written_date(value, languages)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    raw = best if len(best) >= len(summary) else summary
    return fragment_to_text(raw) if "<" in raw else raw


def read_feed_file(path: Path, gz: bool, ctx: IngestContext) -> Iterator[RawDoc | IngestError]:
    """Documents of every entry of an RSS/Atom file; a file with no entries is one ``no-entries`` error."""
    import feedparser

    where = str(path)
    data = load_file(path, gz, ctx)
    if isinstance(data, IngestError):
        yield data
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = ""
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            why = f" (not a valid RSS/Atom feed: {' '.join(str(exc).split())[:120]})"
        yield IngestError(where, "no-entries", f"the feed has no entries{why}")
        return
    site = parsed.get("feed", {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        at = f"{where}#{number}"
        text = _entry_text(entry)
        title = (entry.get("title") or "").strip() or None
        if not text.strip():
            yield IngestError(at, "no-text", "feed entry has no content or summary")
            continue
        link = entry.get("link") or None
        ident = entry.get("id") or link or f"{path.name}#{number}"
        raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
        published = parse_feed_date(raw_date, ctx.options.languages)
        warnings = [f"entry date {raw_date!r} could not be parsed; ignored"] if raw_date and not published else []
        yield RawDoc(
            where=at,
            fmt="feed",
            text=text,
            name=name_from_url(link, default=path.stem),
            id_source=f"{ident}\n{text}".encode(),
            published=published,
            title=title,
            source=site,
            url=link,
            metadata={"feed_entry_id": str(ident)},
            warnings=warnings,
        )
