"""How a document itself writes its words: in lower case, or capitalised inside a sentence.

Why: a capitalised word at the start of a sentence may be a common word or a name; the same article
usually answers it, by writing the word in lower case elsewhere ("sepupu") or capitalising it mid-sentence
("KPK menyebut Yudi ..."). Computed once per document text and shared by the entity sources and the
event argument rules.
"""

from __future__ import annotations

import functools
import re

__all__ = ["case_evidence", "word_runs"]

WORD_RUN = re.compile(r"[\w-]+")  # a whole word, hyphenated parts included
_MID_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][\w-]+")  # a capitalised word inside a sentence


@functools.lru_cache(maxsize=4)
def word_runs(text: str) -> list[re.Match[str]]:
    """The whole words of a document (``WORD_RUN``), found once for every pass that walks them."""
    return list(WORD_RUN.finditer(text))


@functools.lru_cache(maxsize=4)
def case_evidence(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a document writes in lower case, and those it capitalises inside a sentence.

    >>> lower, mid = case_evidence("Sepupu Tamimi ditembak. Ia sepupu KPK, kata Yudi.")
    >>> "sepupu" in lower, "Yudi" in mid, "Sepupu" in mid
    (True, True, False)
    """
    lower = frozenset(w for w in (m.group() for m in word_runs(text)) if w[:1].islower())
    return lower, frozenset(_MID_CAPITAL.findall(text))
