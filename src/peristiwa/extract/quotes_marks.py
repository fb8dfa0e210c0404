"""Pairing quotation marks into direct-quote spans, paragraph by paragraph.

Why not a regex like ``“([^”]*)”``: real news text mixes straight and curly marks, writes the opening
mark as ``”`` (the seed: ``Rusia.”Setidaknya ... Rusia,” tulis``), leaves a space inside the marks
(``ISIS, "kata``), leaves a quote open at the end of a paragraph and re-opens it in the next one, and
nests single marks inside double ones. A small state machine per paragraph handles all of these: outside
a quote a mark opens when its position says so (paragraph start, or glued to the following word); inside,
the next double mark closes. A quote still open at the paragraph end runs to that end and is flagged, so
the caller can join it to a continuation in the next paragraph or attribute it from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarkedQuote", "find_marked_quotes", "paragraphs", "trim_content"]

#: Double quotation marks (straight, curly, low-9, guillemets).
DOUBLE = frozenset('"“”„‟«»')
#: Marks that can only open a quote.
OPENERS = frozenset("“„‟«")
#: Characters that may directly follow an opening mark.
_AFTER_OPEN = frozenset("[(‘'¿¡…")
#: A double mark, or two apostrophes standing for one (what :func:`_marks` finds). Written as one class
#: then, after an apostrophe, the second one: a pattern opening with a class is scanned fast (the
#: alternation "[...]|''" made the regex engine try it at every position).
_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE))) + "'](?:(?<=')'|(?<!'))")


@dataclass(frozen=True)
class MarkedQuote:
    """A span between quotation marks. ``start``/``end`` delimit the trimmed content."""

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    para_start: int
    para_end: int

    @property
    def unclosed(self) -> bool:
        """True when no closing mark was found before the paragraph ended."""
        return self.close is None

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the paragraph end when unclosed)."""
        return self.close + 1 if self.close is not None else self.para_end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)`` offsets, numbered like :class:`~peristiwa.model.Sentence`."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip():
            out.append((start, end))
    return out


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and the comma a quote ends with inside its marks (``“...,” kata``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _opens(text: str, i: int, ps: int, pe: int, width: int = 1) -> bool:
    ch = text[i]
    if ch in OPENERS:
        return True
    nxt = text[i + width] if i + width < pe else ""
    at_start = not text[ps:i].strip()
    if at_start:
        return bool(nxt)
    if not nxt or nxt.isspace():
        return False
    prev = text[i - 1] if i > ps else ""
    if ch in "\"'":
        return not prev.isalnum() or nxt.isalnum()
    # a closing-shaped mark used as an opener: glued to the next word, not to the previous one
    return (nxt.isalnum() or nxt in _AFTER_OPEN) and not prev.isalnum()


def _marks(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Positions and widths of double marks; two apostrophes ('') stand for one (old newswire style).

    One regex scan, leftmost and non-overlapping (three apostrophes are a pair, then a lone one), instead
    of a Python loop over every character of the paragraph."""
    return [(m.start(), m.end() - m.start()) for m in _MARK.finditer(text, ps, pe)]


def find_marked_quotes(text: str, min_chars: int = 1) -> list[MarkedQuote]:
    """All double-quoted spans of ``text`` in order, with trimmed content of at least ``min_chars``."""
    out: list[MarkedQuote] = []
    for para, (ps, pe) in enumerate(paragraphs(text)):
        opened: tuple[int, int] | None = None
        for i, width in _marks(text, ps, pe):
            if opened is None:
                if _opens(text, i, ps, pe, width):
                    opened = (i, width)
                continue
            if text[i] in OPENERS:
                # a new opening mark while open: the earlier quote was never closed
                _add(out, text, opened, None, i, para, ps, pe, min_chars)
                opened = (i, width)
                continue
            _add(out, text, opened, i + width - 1, i, para, ps, pe, min_chars)
            opened = None
        if opened is not None:
            _add(out, text, opened, None, pe, para, ps, pe, min_chars)
    return out


def _add(
    out: list[MarkedQuote], text: str, opened: tuple[int, int], close: int | None, end: int, para: int, ps: int,
    pe: int, min_chars: int,
) -> None:
    start, stop = trim_content(text, opened[0] + opened[1], end)
    if stop - start >= min_chars:
        out.append(MarkedQuote(opened[0], close, start, stop, para, ps, pe))
