"""Prefix-tree alternations match exactly like flat longest-first alternations."""

from __future__ import annotations

import random
import re

import pytest

from peristiwa.text.patterns import GatedPattern, gate, ignorecase_classes, prefix_tree

FORMS = ["kata", "katanya", "katakan", "mengatakan", "menurut", "kata dia", "according to", "said", "says",
         "Senin", "Senin lalu", "sen", "x"]
TEXT = ("Kata dia, katanya begitu; katakanlah. Menurut  polisi, he said; she says it, according   to them, "
        "Senin lalu dan Senin, sen x xy.")


def _flat(forms: list[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@pytest.mark.parametrize("tail", ["", r"\b", r"(?:nya)?\b", r"(?![\w-])"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_same_matches_as_the_flat_alternation(tail: str, flags: int) -> None:
    fold = bool(flags)
    flat = re.compile(rf"\b(?:{_flat([f.lower() for f in FORMS] if fold else FORMS)}){tail}", flags)
    tree = re.compile(rf"\b(?:{prefix_tree(FORMS, fold=fold)}){tail}", flags)
    assert [m.span() for m in tree.finditer(TEXT)] == [m.span() for m in flat.finditer(TEXT)]


def test_no_forms_is_empty() -> None:
    assert prefix_tree([]) == ""
    assert prefix_tree(["", "  "]) == ""


def test_after_first_puts_the_test_after_every_first_character() -> None:
    """A lookbehind after the first character selects what one before the alternation would."""
    before = re.compile(rf"(?<![\w-])(?:{prefix_tree(FORMS)})(?![\w-])")
    guarded = prefix_tree(FORMS, after_first=lambda c: r"(?<![\w-]" + c + ")")
    after = re.compile(rf"(?:{guarded})(?![\w-])")
    text = TEXT + " -kata xkata (kata)"
    assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_ignorecase_classes_are_what_the_engine_accepts() -> None:
    classes = ignorecase_classes(["ks", "'"])
    assert set(classes["k"]) == {"k", "K", "\u212a"} and set(classes["s"]) == {"s", "S", "\u017f"}
    assert classes["'"] == "'"


@pytest.mark.parametrize("seed", range(5))
def test_gated_pattern_finds_what_the_pattern_finds(seed: int) -> None:
    """Random texts of the pattern's words, parts of them, spaces and punctuation: the same matches,
    for the whole text and for ranges (a lookbehind at the range start sees the text before it)."""
    pattern = re.compile(r"(?<![\w])(?:(?P<bm>(?i:last|this(?:\s+coming)?))\s+)?(?P<mon>June|JUNE|Jun)(?![\w])")
    gated = GatedPattern(pattern, gate(["June", "JUNE", "Jun"], ["last", "this coming", "this"]))
    rng = random.Random(seed)
    pieces = ["June", "JUNE", "Jun", "jun", "LAST", "last", "ThIs", "coming", "this", " ", "  ", ",", "x", "-"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        for a, b in ((0, len(text)), (pos, end)):
            assert [m.span() + m.groups() for m in gated.finditer(text, a, b)] == \
                [m.span() + m.groups() for m in pattern.finditer(text, a, b)]
    assert GatedPattern(pattern, None).match("June") is not None
