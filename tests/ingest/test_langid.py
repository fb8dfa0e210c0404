"""Language identification: restricted to the configured languages, lazy, None when unsure."""

from __future__ import annotations

import subprocess
import sys

from peristiwa.ingest.langid import identify_language

LANGS = ["id", "en", "ms"]


def test_identifies_id_en_ms() -> None:
    assert identify_language("Polisi menangkap tiga orang di Jakarta pada hari Selasa malam.", LANGS) == "id"
    assert identify_language("Police arrested three men in Jakarta on Tuesday night.", LANGS) == "en"
    assert identify_language("Kerajaan Malaysia akan mengumumkan bajet baharu minggu hadapan.", LANGS) == "ms"


def test_none_when_nothing_to_go_on() -> None:
    assert identify_language("12.345 - 67.890", LANGS) is None
    assert identify_language("anything", []) is None


def test_single_or_unknown_languages_need_no_detector() -> None:
    assert identify_language("whatever text", ["id"]) == "id"
    assert identify_language("whatever text", ["id", "xx"]) == "id"  # lingua does not know "xx"


def test_importing_ingestion_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, peristiwa.ingest\n"
        "heavy = {'lingua', 'trafilatura', 'feedparser', 'warcio', 'dateparser'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
