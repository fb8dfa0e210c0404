"""What a language pack is, and how packs are found and their data files read.

Why: knowledge is data. Word lists, patterns, gazetteer exonyms and actor aliases live in files under
``langs/<code>/data/``, one entry per row with the source it came from, so that linguists can review and
extend them without touching code. Mechanisms (matchers, resolvers) live in ``peristiwa.text`` and
``peristiwa.extract`` and read whichever pack fits the document's language.

Data file formats:

- ``*.tsv``: a header row, then one entry per row; ``#`` starts a comment line; empty cells are "".
- ``*.toml``: structured settings and small tables.

Third-party packs register under the ``peristiwa.langs`` entry-point group with a :class:`LanguagePack`.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass, field
from importlib import metadata, resources
from typing import Any

from ..errors import LanguagePackError

__all__ = ["LanguagePack", "PackLoader"]

_BUILTIN = {"id": "peristiwa.langs.id:PACK", "en": "peristiwa.langs.en:PACK"}


@dataclass
class LanguagePack:
    """One language's data. Files are read lazily and cached per pack instance."""

    code: str
    name: str
    package: str
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def has(self, filename: str) -> bool:
        """Whether the pack ships ``data/<filename>`` (memoised: stages ask once per document)."""
        key = "has:" + filename
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = resources.files(self.package).joinpath("data", filename).is_file()
        return bool(found)

    def read_text(self, filename: str) -> str:
        """Raw text of ``data/<filename>``."""
        try:
            return resources.files(self.package).joinpath("data", filename).read_text("utf-8")
        except FileNotFoundError:
            raise LanguagePackError(f"language pack {self.code!r} has no data file {filename!r}") from None

    def table(self, filename: str) -> list[dict[str, str]]:
        """Rows of a TSV data file as dicts keyed by its header (comments and blank lines skipped)."""
        key = "tsv:" + filename
        if key not in self._cache:
            lines = [ln for ln in self.read_text(filename).splitlines() if ln.strip() and not ln.startswith("#")]
            reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
            rows = []
            for i, row in enumerate(reader, start=2):
                if None in row or any(v is None for v in row.values()):
                    raise LanguagePackError(f"{self.code}/data/{filename}: row {i} has the wrong number of cells")
                rows.append({k: v.strip() for k, v in row.items()})
            self._cache[key] = rows
        return list(self._cache[key])

    def settings(self, filename: str) -> dict[str, Any]:
        """A TOML data file as a dict."""
        key = "toml:" + filename
        if key not in self._cache:
            try:
                self._cache[key] = tomllib.loads(self.read_text(filename))
            except tomllib.TOMLDecodeError as exc:
                raise LanguagePackError(f"{self.code}/data/{filename}: not valid TOML: {exc}") from None
        return dict(self._cache[key])

    def cached(self, key: str, build: Any) -> Any:
        """Memoise a structure derived from the data (a compiled matcher, say) on this pack."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


class PackLoader:
    """Finds packs by language code (built-ins and ``peristiwa.langs`` entry points), loading each once."""

    def __init__(self) -> None:
        self._packs: dict[str, LanguagePack | None] = {}

    def _refs(self) -> dict[str, str]:
        refs = dict(_BUILTIN)
        try:
            for ep in metadata.entry_points(group="peristiwa.langs"):
                refs[ep.name] = ep.value
        except Exception:  # broken metadata of an unrelated package must not stop peristiwa
            pass
        return refs

    def available(self) -> list[str]:
        """Codes of all packs that can be loaded."""
        return sorted(self._refs())

    def get(self, code: str | None) -> LanguagePack | None:
        """The pack for ``code``, or None when there is none."""
        if code is None:
            return None
        if code not in self._packs:
            ref = self._refs().get(code)
            pack = None
            if ref:
                module, _, attr = ref.partition(":")
                try:
                    pack = getattr(__import__(module, fromlist=[attr]), attr)
                except (ImportError, AttributeError) as exc:
                    raise LanguagePackError(f"language pack {code!r} ({ref}) cannot be loaded: {exc}") from None
            self._packs[code] = pack
        return self._packs[code]
