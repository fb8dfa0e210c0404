"""One typed configuration object, built from shipped defaults plus an optional user TOML file.

Why: a pipeline must be rebuildable from its configuration alone (Dask workers receive the plain dict and
rebuild the same pipeline), so everything that shapes a run lives here and nowhere else: no module-level
settings. Defaults ship in ``default.toml``; a user file overrides only what it sets.

>>> cfg = Config.load(overrides={"store": {"path": "x.duckdb"}})
>>> cfg.store.path, cfg.ingest.boilerplate
('x.duckdb', True)
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import msgspec

from .errors import ConfigError

__all__ = ["Config", "CsvOptions", "IngestOptions", "PipelineOptions", "StoreOptions"]


class CsvOptions(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Which CSV/TSV header names feed which document field, in order of preference (``[ingest.csv]``).

    Names match case-insensitively after trimming; a list set in a user file replaces the default list.
    """

    text: list[str] = msgspec.field(
        default_factory=lambda: ["text", "content", "body", "article", "isi_berita", "isi", "konten", "berita", "story"]
    )
    published: list[str] = msgspec.field(
        default_factory=lambda: ["published", "date", "tanggal", "publish_date", "pubdate", "datetime"]
    )
    title: list[str] = msgspec.field(default_factory=lambda: ["title", "judul", "headline"])
    url: list[str] = msgspec.field(default_factory=lambda: ["url", "link", "tautan"])
    doc_id: list[str] = msgspec.field(default_factory=lambda: ["doc_id", "id"])
    source: list[str] = msgspec.field(default_factory=lambda: ["source", "sumber", "outlet", "publisher"])
    lang: list[str] = msgspec.field(default_factory=lambda: ["lang", "language", "bahasa"])
    date_order: Literal["auto", "month-first", "day-first"] = "auto"


class IngestOptions(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How inputs become documents (see ``default.toml`` for the meaning of each key)."""

    languages: list[str] = msgspec.field(default_factory=lambda: ["id", "en", "ms"])
    fallback_lang: str = ""
    boilerplate: bool = True
    max_bytes: int = 50 * 1024 * 1024
    min_chars: int = 20
    csv: CsvOptions = msgspec.field(default_factory=CsvOptions)


class PipelineOptions(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The ordered list of stage names (``name`` or ``name@version``)."""

    stages: list[str] = msgspec.field(default_factory=list)


class StoreOptions(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where and how documents and events are stored."""

    path: str = "peristiwa.duckdb"
    batch_size: int = 256


class Config(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Everything that shapes a run. Build with :meth:`load`; serialise with :meth:`to_dict`."""

    ingest: IngestOptions = msgspec.field(default_factory=IngestOptions)
    pipeline: PipelineOptions = msgspec.field(default_factory=PipelineOptions)
    store: StoreOptions = msgspec.field(default_factory=StoreOptions)
    stages: dict[str, dict[str, Any]] = msgspec.field(default_factory=dict)

    @classmethod
    def defaults_dict(cls) -> dict[str, Any]:
        """The shipped defaults as a plain dict."""
        text = resources.files("peristiwa").joinpath("default.toml").read_text("utf-8")
        return tomllib.loads(text)

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
        """Defaults, then the user file at ``path`` (if any), then ``overrides``; validated."""
        data = cls.defaults_dict()
        if path is not None:
            p = Path(path)
            try:
                user = tomllib.loads(p.read_text("utf-8"))
            except FileNotFoundError:
                raise ConfigError(f"{p}: config file not found") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{p}: not valid TOML: {exc}") from None
            data = _merge(data, user)
        if overrides:
            data = _merge(data, overrides)
        return cls.from_dict(data, where=str(path) if path else "configuration")

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "configuration") -> Config:
        """Validate a plain dict (as produced by :meth:`to_dict`) into a config."""
        try:
            return msgspec.convert(data, type=cls)
        except msgspec.ValidationError as exc:
            raise ConfigError(f"{where}: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        """Plain builtins, enough to rebuild the same pipeline elsewhere."""
        result: dict[str, Any] = msgspec.to_builtins(self)
        return result

    def stage_options(self, name: str) -> dict[str, Any]:
        """Options set for one stage (by its name without version), empty when none."""
        return dict(self.stages.get(name.split("@", 1)[0], {}))

    def replace(self, **sections: Any) -> Config:
        """A copy with whole sections merged in, e.g. ``cfg.replace(store={"path": "x"})``."""
        return Config.from_dict(_merge(self.to_dict(), sections))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Merge tables recursively; any non-table value in ``over`` replaces the base value."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out
