"""Prefix-tree alternations match exactly like flat longest-first alternations."""

from __future__ import annotations

import re

import pytest

from peristiwa.text.patterns import prefix_tree

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
