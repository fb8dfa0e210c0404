"""From what a reader found to a :class:`~peristiwa.model.Document`: the steps every format shares.

Why one place: readers differ only in how they find text and metadata. Normalisation, the language
decision, boilerplate removal, the minimum-length check and document ids must be identical whatever the
format, or the same article read as .txt and as JSONL would come out different.

Decisions (documented for users in :mod:`peristiwa.ingest`):

- **language**: the input's own ``lang`` (a JSONL field) wins; else the caller's ``lang`` argument; else
  lingua, restricted to ``options.languages``; else ``options.fallback_lang``; else the input is rejected
  with reason ``unknown-language``. A language without a pack (``ms``) is kept, with a warning: the
  language-specific stages skip such documents.
- **published**: the input's own date (JSONL field, HTML metadata, feed entry) wins; the caller's
  ``published`` argument fills it when the input has none (always the case for plain text).
- **doc_id**: JSONL keeps its ``doc_id``; a CSV id column is unique only within its file, so it becomes
  ``<file stem>-<id>`` (:func:`scoped_id`); everything else gets ``<name>-<8 hex>``, where name is the file
  stem (or the URL's last path segment for WARC records and feed entries) and the hex digits are the start
  of the SHA-256 of the raw input bytes. Two different files never share an id, even with the same stem,
  and re-reading the same file gives the same id.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..config import IngestOptions
from ..errors import IngestError
from ..langs.base import LanguagePack, PackLoader
from ..model import Document, MetaValue
from .boilerplate import BoilerplateRules, rules_for_pack, union_rules
from .langid import identify_language
from .normalize import normalize_text

__all__ = ["IngestContext", "RawDoc", "make_doc_id", "name_from_url", "parse_iso_date", "scoped_id"]

_SLUG = re.compile(r"[^\w.-]+")
_ID_NAME_CHARS = 80


@dataclass
class RawDoc:
    """What a reader extracted from one input record, before the shared cleaning steps."""

    where: str
    fmt: str
    text: str
    name: str
    id_source: bytes
    doc_id: str | None = None
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, MetaValue] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def make_doc_id(name: str, content: bytes) -> str:
    """``<slug of name>-<first 8 hex of SHA-256(content)>``: stable, and distinct for distinct content.

    >>> make_doc_id("Berita Hari Ini", b"x")
    'Berita-Hari-Ini-2d711642'
    """
    return f"{_slug(name)}-{hashlib.sha256(content).hexdigest()[:8]}"


def scoped_id(name: str, local_id: str) -> str:
    """``<slug of name>-<slug of local_id>``: an id that is unique only within one file made global.

    >>> scoped_id("detik2025 dev", "17")
    'detik2025-dev-17'
    """
    return f"{_slug(name)}-{_slug(local_id, default='0')}"


def _slug(name: str, default: str = "doc") -> str:
    return _SLUG.sub("-", name).strip("-._")[:_ID_NAME_CHARS].rstrip("-._") or default


def name_from_url(url: str | None, default: str = "doc") -> str:
    """A readable id base from a URL: its last path segment without extension, else its host.

    >>> name_from_url("https://x.id/berita/2015/10/polisi-tangkap.html")
    'polisi-tangkap'
    """
    if not url:
        return default
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if segments:
        last = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
        if last and last.lower() not in ("index", "default", "article"):
            return last
    return parts.hostname or default


def parse_iso_date(value: object) -> dt.date | None:
    """An ISO date or date-time (``2015-10-07``, ``2015-10-07T10:15:00+07:00``) as its calendar date.

    The local date written in the value is kept (no conversion to UTC, which could move it a day).
    Anything else gives None.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_written_date(value: str | None, languages: Sequence[str] = ("id", "en"), *,
                       require_day: bool = False) -> dt.date | None:
    """The local calendar date of a written date (a feed's or a CSV cell's), in any of ``languages``: RFC
    822, then ISO 8601, then dateparser (slow, imported on first use); None when unparseable.
    ``require_day``: a month and year alone ("Oktober 2025") is no date.

    >>> parse_written_date("Rab, 07 Okt 2015 23:15:00 +0700", ["id", "en"])
    datetime.date(2015, 10, 7)
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):  # "20 Oct 99999999999" overflows
        pass
    iso = parse_iso_date(value)
    if iso is not None:
        return iso
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"]} if require_day else None
    try:
        # an offset in the string gives an aware result whose .date() is the date as written
        found = dateparser.parse(value, languages=list(languages) or None, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings; unparseable is the answer
        return None
    return found.date() if found is not None else None


class IngestContext:
    """The options and caller's defaults of one ingestion run, and the shared finishing step."""

    def __init__(
        self,
        options: IngestOptions,
        *,
        lang: str | None = None,
        published: dt.date | None = None,
        packs: PackLoader | None = None,
    ) -> None:
        self.options = options
        self.lang = lang or None
        self.published = published
        self.packs = packs or PackLoader()
        self._union: BoilerplateRules | None = None

    def _rules(self, pack: LanguagePack | None) -> BoilerplateRules:
        if pack is not None:
            return rules_for_pack(pack)
        if self._union is None:
            found = [self.packs.get(code) for code in self.packs.available()]
            self._union = union_rules([p for p in found if p is not None])
        return self._union

    def _language(self, raw: RawDoc, text: str) -> tuple[str | None, str]:
        if raw.lang:
            return raw.lang, "input"
        if self.lang:
            return self.lang, "argument"
        found = identify_language(text, self.options.languages)
        if found:
            return found, "identified"
        if self.options.fallback_lang:
            return self.options.fallback_lang, "fallback"
        return None, "unknown"

    def finish(self, raw: RawDoc) -> Document | IngestError:
        """Normalise, decide the language, remove boilerplate, check length, and build the document."""
        text = normalize_text(raw.text)
        min_chars = self.options.min_chars
        if len(text) < min_chars:
            what = "no text" if not text else f"only {len(text)} characters of text"
            return IngestError(raw.where, "empty", f"{what} (ingest.min_chars is {min_chars})")
        lang, lang_source = self._language(raw, text)
        if lang is None:
            langs = ", ".join(self.options.languages) or "none configured"
            return IngestError(
                raw.where,
                "unknown-language",
                f"language not identified with confidence among {langs}; "
                "pass a language (--lang) or set ingest.fallback_lang",
            )
        warnings = list(raw.warnings)
        pack = self.packs.get(lang)
        if pack is None:
            warnings.append(f"no language pack for {lang!r}: language-specific stages skip this document")
        metadata: dict[str, MetaValue] = {"input": raw.where, "format": raw.fmt, "lang_source": lang_source}
        if self.options.boilerplate:
            removal = self._rules(pack).apply(text)
            text = removal.text
            metadata["boilerplate_removed_lines"] = removal.removed_lines
            metadata["boilerplate_removed_chars"] = removal.removed_chars
            if removal.preview:
                metadata["boilerplate_removed"] = removal.preview
            if len(text) < min_chars:
                return IngestError(
                    raw.where,
                    "empty",
                    f"only {len(text)} characters left after removing site furniture "
                    f"(ingest.min_chars is {min_chars})",
                )
        published = raw.published or self.published
        metadata["published_source"] = (
            "input" if raw.published else "argument" if self.published else "none"
        )
        metadata.update(raw.metadata)
        return Document(
            doc_id=raw.doc_id or make_doc_id(raw.name, raw.id_source),
            text=text,
            lang=lang,
            published=published,
            title=raw.title,
            source=raw.source,
            url=raw.url,
            metadata=metadata,
            warnings=tuple(warnings),
        )
