"""Numerals in words and digits, read with a language pack's number words and digit conventions.

Why a small state machine instead of a library: num2words only generates words, and dateparser/number
parsers know neither Indonesian numerals ("dua puluh lima", "seratus", "3,5 juta") nor the vague plurals
news uses for counts ("ribuan", "puluhan ribu", "hundreds of thousands"), which the gold format turns into
a value with qualifier ``at_least``. The grammar of cardinal numerals is the same in Indonesian and English
(units, a tens multiplier, hundreds, scales that close a group), so one mechanism reads both; the words,
their roles and the decimal/thousands separators are pack data (``number_words.tsv``, ``numbers.toml``).

>>> from peristiwa.langs.id import PACK
>>> lex = number_lexicon(PACK)
>>> [parse_number(s, lex).value for s in ("3.000", "3,5 juta", "dua puluh lima", "seratus", "sebelas")]
[3000, 3500000, 25, 100, 11]
>>> m = parse_number("puluhan ribu", lex)
>>> (m.value, m.qualifier)
(10000, 'at_least')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import LanguagePackError

__all__ = [
    "ROLES",
    "NumberLexicon",
    "NumberMatch",
    "NumberWord",
    "match_number",
    "number_lexicon",
    "parse_digits",
    "parse_number",
]

#: Roles a number word can have in ``number_words.tsv`` (documented in the Indonesian data file).
ROLES = frozenset(
    {
        "unit",
        "tens",
        "teen_suffix",
        "mult",
        "hundred_one",
        "scale",
        "scale_one",
        "approx",
        "classifier",
        "article",
        "connector",
    }
)


@dataclass(frozen=True)
class NumberWord:
    """One row of ``number_words.tsv``."""

    value: float
    role: str
    weak: bool = False


@dataclass(frozen=True)
class NumberLexicon:
    """A pack's number words plus its digit conventions, with the digit pattern compiled once."""

    words: dict[str, NumberWord]
    thousands: str
    decimal: str
    digits_re: re.Pattern[str] = field(repr=False)


@dataclass(frozen=True)
class NumberMatch:
    """A number read from ``length`` consecutive words: its value and whether it is a lower bound."""

    value: int
    qualifier: str
    length: int
    weak: bool = False
    vague: bool = False
    raw: float = 0.0

    @property
    def integral(self) -> bool:
        """Whether the number is a whole number ("3,5" alone is not a count of things)."""
        return self.raw == int(self.raw)


def number_lexicon(pack: Any) -> NumberLexicon:
    """The pack's number lexicon (built once per pack and cached on it)."""
    return pack.cached("numbers.lexicon", lambda: _build_lexicon(pack))


def _build_lexicon(pack: Any) -> NumberLexicon:
    words: dict[str, NumberWord] = {}
    for row in pack.table("number_words.tsv"):
        role = row["role"]
        if role not in ROLES:
            raise LanguagePackError(f"{pack.code}/data/number_words.tsv: unknown role {role!r} for {row['word']!r}")
        words[row["word"].lower()] = NumberWord(float(row["value"]), role, row.get("weak", "no") == "yes")
    fmt = pack.settings("numbers.toml").get("format", {})
    thousands, decimal = fmt.get("thousands", ","), fmt.get("decimal", ".")
    t, d = re.escape(thousands), re.escape(decimal)
    digits_re = re.compile(rf"(?:\d{{1,3}}(?:{t}\d{{3}})+|\d+)(?:{d}\d+)?")
    return NumberLexicon(words, thousands, decimal, digits_re)


def parse_digits(token: str, lexicon: NumberLexicon) -> float | None:
    """Value of a digit token written with the pack's separators ("3.000" in id, "1,500" in en).

    A token that does not follow the convention (a time "07.45", "1.2.3") is not a number.
    """
    if not token or not token[0].isdigit() or not lexicon.digits_re.fullmatch(token):
        return None
    plain = token.replace(lexicon.thousands, "").replace(lexicon.decimal, ".")
    try:
        return float(plain)
    except ValueError:
        return None


class _State:
    """Accumulator of the numeral grammar: ``total`` of closed groups, the open ``group``, a pending unit."""

    __slots__ = ("before_connector", "group", "last", "last_scale", "qualifier", "small", "total", "vague")

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0
        self.small: float | None = None
        self.qualifier = "exact"
        self.vague = False
        self.last: str | None = None
        self.last_scale = float("inf")
        self.before_connector: str | None = None

    def copy(self) -> _State:
        new = _State.__new__(_State)
        for slot in self.__slots__:
            setattr(new, slot, getattr(self, slot))
        return new

    @property
    def value(self) -> float:
        return self.total + self.group + (self.small or 0.0)

    def can_end(self) -> bool:
        return self.last not in (None, "article", "connector")

    def step(self, role: str, value: float) -> bool:
        """Apply one word; False when it cannot continue the numeral read so far."""
        last = self.last
        if last == "classifier":
            return False
        if last == "connector":
            allowed = ("approx", "scale") if self.before_connector == "approx" else ("unit", "tens")
            if role not in allowed:
                return False
        ok = getattr(self, "_" + role)(value, last)
        if ok:
            self.last = role
        return bool(ok)

    def _digits(self, value: float, last: str | None) -> bool:
        if last is not None:
            return False
        self.small = value
        return True

    def _unit(self, value: float, last: str | None) -> bool:
        if self.small is not None or last in ("digits", "approx", "teen_suffix"):
            return False
        if last == "tens" and value >= 10:
            return False
        self.small = value
        return True

    def _teen_suffix(self, value: float, last: str | None) -> bool:
        if last != "unit" or self.small is None or not 1 <= self.small <= 9:
            return False
        self.group += self.small + value
        self.small = None
        return True

    def _tens(self, value: float, last: str | None) -> bool:
        if self.small is not None or last in ("digits", "approx") or self.group % 100:
            return False
        self.group += value
        return True

    def _mult(self, value: float, last: str | None) -> bool:
        if self.small is None or last == "digits":
            return False
        self.group += self.small * value
        self.small = None
        return True

    def _hundred_one(self, value: float, last: str | None) -> bool:
        if self.small is not None or self.group or last in ("digits", "approx"):
            return False
        self.group += value
        return True

    def _scale(self, value: float, last: str | None) -> bool:
        base = self.group + (self.small or 0.0)
        if base <= 0 or value >= self.last_scale:
            return False
        self.total += base * value
        self.group, self.small = 0.0, None
        self.last_scale = value
        return True

    def _scale_one(self, value: float, last: str | None) -> bool:
        if self.small is not None or self.group or last not in (None, "scale") or value >= self.last_scale:
            return False
        self.total += value
        self.last_scale = value
        return True

    def _approx(self, value: float, last: str | None) -> bool:
        if last == "connector":  # "hundreds of thousands": the second vague plural acts as a scale
            if not self._scale(value, last):
                return False
        elif last is not None:
            return False
        else:
            self.group = value
        self.qualifier, self.vague = "at_least", True
        return True

    def _classifier(self, value: float, last: str | None) -> bool:
        if last is not None:
            return False
        self.small = value
        return True

    def _article(self, value: float, last: str | None) -> bool:
        if last is not None:
            return False
        self.small = value
        return True

    def _connector(self, value: float, last: str | None) -> bool:
        if last not in ("approx", "mult", "hundred_one", "scale", "scale_one"):
            return False
        self.before_connector = last
        return True


def _word_parts(word: str, lexicon: NumberLexicon) -> list[tuple[str, float, bool]] | None:
    """The (role, value, weak) parts of one token: a number word, digits, or hyphenated words ("twenty-five")."""
    entry = lexicon.words.get(word)
    if entry is not None:
        return [(entry.role, entry.value, entry.weak)]
    digits = parse_digits(word, lexicon)
    if digits is not None:
        return [("digits", digits, False)]
    if "-" in word:
        parts = []
        for piece in word.split("-"):
            sub = lexicon.words.get(piece)
            if sub is None or sub.role in ("connector", "article", "classifier"):
                return None
            parts.append((sub.role, sub.value, sub.weak))
        return parts
    return None


def match_number(words: Sequence[str], start: int, lexicon: NumberLexicon) -> NumberMatch | None:
    """The longest numeral starting at ``words[start]`` (words lower-cased), or None.

    >>> from peristiwa.langs.en import PACK
    >>> m = match_number("hundreds of thousands of people".split(), 0, number_lexicon(PACK))
    >>> (m.value, m.qualifier, m.length)
    (100000, 'at_least', 3)
    """
    state = _State()
    best: tuple[_State, int] | None = None
    single_weak = False
    i = start
    while i < len(words):
        parts = _word_parts(words[i], lexicon)
        if parts is None:
            break
        trial = state.copy()
        if not all(trial.step(role, value) for role, value, _ in parts):
            break
        if i == start:
            single_weak = len(parts) == 1 and parts[0][2]
        state = trial
        i += 1
        if state.can_end():
            best = (state, i)
        if state.last == "classifier":
            break
    if best is None:
        return None
    final, end = best
    length = end - start
    weak = single_weak and length == 1
    return NumberMatch(round(final.value), final.qualifier, length, weak, final.vague, final.value)


def parse_number(text: str, lexicon: NumberLexicon) -> NumberMatch | None:
    """Read ``text`` as one numeral ("3,5 juta", "dua puluh lima", "a dozen"); None unless it all parses."""
    words = text.lower().split()
    if not words:
        return None
    found = match_number(words, 0, lexicon)
    return found if found is not None and found.length == len(words) else None
