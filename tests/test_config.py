"""Configuration: shipped defaults, user overrides that only change what they set, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.config import Config
from peristiwa.errors import ConfigError


def test_defaults_load() -> None:
    cfg = Config.load()
    assert cfg.pipeline.stages[0] == "segment.sentences"
    assert cfg.ingest.boilerplate is True


def test_user_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    user = tmp_path / "p.toml"
    user.write_text('[store]\npath = "x.duckdb"\n[stages."extract.events"]\nmin_confidence = 0.4\n')
    cfg = Config.load(user)
    assert cfg.store.path == "x.duckdb"
    assert cfg.store.batch_size == Config.load().store.batch_size
    assert cfg.stage_options("extract.events@1") == {"min_confidence": 0.4}


def test_round_trip_through_plain_dict() -> None:
    cfg = Config.load(overrides={"ingest": {"languages": ["id"]}})
    assert Config.from_dict(cfg.to_dict()) == cfg


@pytest.mark.parametrize(
    ("content", "match"),
    [("[store]\nbatch_size = 'many'\n", "batch_size"), ("[nonsense]\nx=1\n", "nonsense"), ("[store\n", "TOML")],
)
def test_invalid_config_names_file_and_key(tmp_path: Path, content: str, match: str) -> None:
    user = tmp_path / "bad.toml"
    user.write_text(content)
    with pytest.raises(ConfigError, match=match) as info:
        Config.load(user)
    assert "bad.toml" in str(info.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        Config.load(tmp_path / "nope.toml")
