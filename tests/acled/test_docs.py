"""docs/acled-mapping.md shows exactly what the data files say."""

from __future__ import annotations

from pathlib import Path

from peristiwa.acled.docs import classes_markdown, mapping_markdown, sync_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "acled-mapping.md"


def _between(text: str, name: str) -> str:
    start = text.index(f"<!-- BEGIN {name}")
    start = text.index("\n", start) + 1
    return text[start : text.index(f"<!-- END {name} -->")]


def test_docs_tables_match_the_data() -> None:
    text = DOC.read_text("utf-8")
    assert _between(text, "acled_map") == mapping_markdown(), "regenerate: peristiwa.acled.docs.sync_markdown"
    assert _between(text, "acled_classes") == classes_markdown(), "regenerate: peristiwa.acled.docs.sync_markdown"


def test_sync_is_idempotent() -> None:
    text = DOC.read_text("utf-8")
    assert sync_markdown(sync_markdown(text)) == sync_markdown(text)
