"""Speaker helpers: token ranges read from the document's tokens are those a scan of the range finds."""

from __future__ import annotations

from peristiwa.extract.quotes_lexicon import word_re
from peristiwa.extract.speakers import tokens_in

TEXT = "Juru bicara Polri, Irjen Boy Rafli Amar, said: “al-Zoubi’s men fired 3.000 rounds…” e.g. ok."


def test_tokens_in_equals_a_scan_of_every_range() -> None:
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 1):
            want = [(m.start(), m.end(), m.group()) for m in word_re().finditer(TEXT, start, end)]
            assert tokens_in(TEXT, start, end) == want, (start, end)
