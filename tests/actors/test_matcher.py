"""PhraseMatcher: ranges of a text already scanned whole give what a scan of the range gives."""

from __future__ import annotations

from peristiwa.actors.matcher import PhraseMatcher

ALIASES = [("AS", "US"), ("Amerika Serikat", "US"), ("polisi", "police"), ("Polda Metro Jaya", "police"),
           ("Jaya", "x"), ("Metro", "y"), ("as", "never-upper")]
TEXT = "Polisi dan Polda Metro Jaya: AS, Amerika Serikat; kasus polisi-polisi di AS. Jayapura METRO as"


def test_ranges_after_a_whole_scan_equal_fresh_scans() -> None:
    fresh = PhraseMatcher(ALIASES)
    memo = PhraseMatcher(ALIASES)
    assert memo.find(TEXT) == fresh.find(TEXT)
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 2):
            want = PhraseMatcher(ALIASES).find(TEXT, start, end)
            assert memo.find(TEXT, start, end) == want, (start, end)
            assert memo.longest(TEXT, start, end) == PhraseMatcher(ALIASES).longest(TEXT, start, end)
