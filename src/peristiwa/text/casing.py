"""How a document itself writes its words: in lower case, or capitalised inside a sentence.

Why: a capitalised word at the start of a sentence may be a common word or a name; the same article
usually answers it, by writing the word in lower case elsewhere ("sepupu") or capitalising it mid-sentence
("KPK menyebut Yudi ..."). Computed once per document text and shared by the entity sources and the
event argument rules.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re

__all__ = ["OPENING_MARKS", "case_evidence", "word_runs", "word_strings"]

#: marks after which a capitalised word may open a clause or a quotation (it says nothing of being a name)
OPENING_MARKS = frozenset("-–—:\"“‘'(")
WORD_RUN = re.compile(r"[\w-]+")  # a whole word, hyphenated parts included
#: a capitalised word inside a sentence (the capital first, then the two characters before it tested
#: backwards: a pattern opening with a character class is scanned faster than one opening with a lookbehind)
_MID_CAPITAL = re.compile(r"[A-Z](?<=[a-z,] [A-Z])[\w-]+")


@functools.lru_cache(maxsize=4)
def word_runs(text: str) -> list[re.Match[str]]:
    """The whole words of a document (``WORD_RUN``), found once for every pass that walks them."""
    return list(WORD_RUN.finditer(text))


@functools.lru_cache(maxsize=4)
def word_strings(text: str) -> list[str]:
    """The strings of :func:`word_runs` (same order): the passes that look every word up in a table
    compare strings, and reading them once here saves a method call per word and pass."""
    return [m[0] for m in word_runs(text)]


@functools.lru_cache(maxsize=4)
def case_evidence(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a document writes in lower case, and those it capitalises inside a sentence.

    >>> lower, mid = case_evidence("Sepupu Tamimi ditembak. Ia sepupu KPK, kata Yudi.")
    >>> "sepupu" in lower, "Yudi" in mid, "Sepupu" in mid
    (True, True, False)
    """
    words = word_strings(text)  # never empty
    lower = frozenset(itertools.compress(words, map(str.islower, map(operator.itemgetter(0), words))))
    return lower, frozenset(_MID_CAPITAL.findall(text))
