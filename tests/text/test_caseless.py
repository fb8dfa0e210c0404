"""Caseless patterns find exactly what the same pattern compiled with re.IGNORECASE finds."""

from __future__ import annotations

import random
import re
import sys

import pytest

from peristiwa.text.caseless import CASELESS_BLOCK, CONFUSABLE, caseless, caseless_family, needle_filter
from peristiwa.text.patterns import prefix_tree

FORMS = ["said", "says", "told", "according to", "kata", "katanya", "mengatakan", "didn’t say", "re-stated"]
PATTERNS = [
    rf"\b(?P<verb>{prefix_tree(FORMS, fold=True)})\b",
    rf"\b(?P<verb>{prefix_tree(FORMS, fold=True)})(?:nya)?\b",
    r"\b(?:a|an|one)\s+(?:\S+\s+){0,4}?(?:was|is)\s+(?:killed|shot dead)\b",
    r"(?<![\w.])(?:reuters|afp)(?![\w])",
    r"\bclash(?:ed|es)?\b|[a-z]+-[0-9]+",
    r"\bIEDs?\b",  # an upper-case letter: the original pattern is used
    r"(?i:x)y|\bz\b",
]
WORDS = ["Said", "SAID", "says", "Told", "according", "To", "kata", "KATANYA", "Mengatakan", "didn’t", "say",
         "a", "An", "one", "man", "was", "Killed", "shot", "dead", "Reuters", "AFP.", "clashes", "ab-12", "IED",
         "ieds", "x", "XY", "Z", "é", "É", "ſaid", "Kelvin", "İstanbul", "“", "”", ",", ".", "re-stated", "nya"]


def _texts(n: int) -> list[str]:
    rnd = random.Random(7)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 30))) for _ in range(n)]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_same_matches_as_ignorecase(pattern: str) -> None:
    slow, fast = re.compile(pattern, re.IGNORECASE), caseless(pattern)
    for text in _texts(400):
        for pos, endpos in ((0, len(text)), (3, max(3, len(text) - 4))):
            want = [(m.span(), m.groupdict()) for m in slow.finditer(text, pos, endpos)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos, endpos)] == want
            got, exp = fast.search(text, pos, endpos), slow.search(text, pos, endpos)
            assert (got and got.span()) == (exp and exp.span())
            got, exp = fast.match(text, pos, endpos), slow.match(text, pos, endpos)
            assert (got and got.span()) == (exp and exp.span())


def test_fast_path_only_for_foldable_patterns() -> None:
    assert caseless(PATTERNS[0])._fast is not None
    assert caseless(r"\bIEDs?\b")._fast is None  # upper-case letter
    assert caseless(r"(\w)\1")._fast is None  # back-reference
    assert caseless(r"(?!)")._fast is None  # matches the empty string


def test_confusable_characters_are_those_of_re() -> None:
    every = "".join(map(chr, range(0x80, sys.maxunicode + 1)))
    assert set(re.findall(r"[a-z]", every, re.IGNORECASE)) == set(CONFUSABLE.pattern[1:-1])


def test_caseless_block_has_no_case() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for code in range(CASELESS_BLOCK[0], CASELESS_BLOCK[1] + 1):
        ch = chr(code)
        assert re.findall(re.escape(ch), every, re.IGNORECASE) == [ch]


def test_lower_casing_keeps_word_space_and_digit_classes() -> None:
    """\\w, \\s, \\d (and so \\b) say the same of a character and of its lower case (one character)."""
    classes = [re.compile(p) for p in (r"\w", r"\s", r"\d")]
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        if low == ch or len(low) != 1 or CONFUSABLE.match(ch):
            continue
        assert [bool(c.match(ch)) for c in classes] == [bool(c.match(low)) for c in classes], hex(code)


def test_needles_are_strings_every_match_contains() -> None:
    assert caseless(r"\bIEDs?\b")._needles == ("ied",)  # lower-cased: the original pattern is matched
    assert caseless(r"\bclash(?:ed|es)?\b|\bgun ?fights?\b")._needles == ("clash", "fight")
    assert caseless(r"\b(?:a|an)\s+(?:\S+\s+){0,4}?(?:killed|shot dead)\b")._needles == ("killed", "shot dead")
    assert caseless(r"\b(?:a|an)\s+\w+")._needles is None  # a single letter filters nothing
    assert caseless(r"(?:killed)?\s+\w+")._needles is None  # an optional part promises nothing


@pytest.mark.parametrize("text", ["Two IEDs were found", "the ied", "no device here", "İED in İstanbul"])
def test_needle_filter_keeps_the_answers(text: str) -> None:
    for pattern in (r"\bIEDs?\b", r"\bclash(?:ed|es)?\b|\bied\b"):
        slow, fast = re.compile(pattern, re.IGNORECASE), caseless(pattern)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        got, exp = fast.search(text), slow.search(text)
        assert (got and got.span()) == (exp and exp.span())


def test_needle_filter_says_no_only_where_the_pattern_finds_nothing() -> None:
    patterns = tuple(caseless(p) for p in (*PATTERNS, r"\bgrenades?\b", r"\bpeaceful(?:ly)?\b|\bwithout violence\b"))
    filt = needle_filter(patterns)
    for text in [*_texts(300), "A peaceful march", "two GRENADES", "İED"]:
        for pattern, can in zip(patterns, filt.possible(text), strict=True):
            if not can:
                assert pattern.search(text) is None
        if not CONFUSABLE.search(text):  # else the filter keeps every pattern
            assert filt.possible(text)[-1] == ("peaceful" in text.lower())


def test_a_family_answers_ranges_as_its_patterns_do() -> None:
    """The words of a family's forms tell a pattern the ranges it cannot match in: every range of texts
    holding the words whole, inside longer words, across the range's ends, or not at all, answered the same
    as by the plain pattern; a pattern of no forms never matches."""
    forms = [["said", "says", "according to"], ["kata", "katanya"], []]
    specs = [(r"\b(?P<verb>" + (prefix_tree(f, fold=True) or "(?!)") + r")(?:nya)?\b", f) for f in forms]
    family = caseless_family(specs)
    rng = random.Random(3)
    pieces = ["said", "SAYS", "according", " to", "kata", "Katanya", "x", " ", ", ", "İ"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        for (source, _forms), fast in zip(specs, family, strict=True):
            slow = re.compile(source, re.IGNORECASE)
            found = [m.span() for m in fast.finditer(text, pos, end)]
            assert found == [m.span() for m in slow.finditer(text, pos, end)]
            got, exp = fast.search(text, pos, end), slow.search(text, pos, end)
            assert (got and got.span()) == (exp and exp.span())
