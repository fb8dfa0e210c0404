"""The examples in the ingestion modules' docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["boilerplate", "build", "csvdates", "csvfile", "feed", "html", "langid", "normalize", "sources"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"peristiwa.ingest.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
