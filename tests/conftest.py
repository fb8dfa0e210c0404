"""Shared fixtures. Tests needing ``../shared/data`` skip cleanly when it is absent."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from peristiwa.config import Config
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path | None:
    """``$PERISTIWA_SHARED_DATA`` or ``../shared/data`` beside the repository, if present."""
    env = os.environ.get("PERISTIWA_SHARED_DATA")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if cand.is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data is not available")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (REPO / "examples" / "seed.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Config.load())


@pytest.fixture()
def seed_doc(seed_text: str) -> Document:
    return Document(doc_id="seed", text=seed_text, lang="id", published=dt.date(2015, 10, 7))


@pytest.fixture(scope="session")
def build_api_store() -> Callable[[Path], Path]:
    """``build_store(path)`` of ``tests/api/_docs.py``: a store of hand-made documents (API, dashboard)."""
    spec = importlib.util.spec_from_file_location("_peristiwa_api__docs", REPO / "tests" / "api" / "_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    build: Callable[[Path], Path] = module.build_store
    return build
