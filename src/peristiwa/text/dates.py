"""Date expressions: find them with patterns built from a pack's date words, resolve them against publication.

Why not dateparser: measured here (docs/offline-stack.md), it finds nothing for "pekan lalu", "sepekan",
"minggu lalu" (it takes Minggu = Sunday), "dua hari yang lalu"; a bare weekday on the publication weekday
goes to the week before; the seed's malformed "Rabu 7/1)" becomes 2015-01-07 (itself a Wednesday), and
``search_dates`` costs 8.5 ms per document. News dates follow few shapes ("Selasa (6/10)", "6 Oktober
2015", "Mei lalu", "pekan lalu", "dua hari lalu"), so a handful of regular expressions compiled once per
pack from its ``date_words.toml`` (month and weekday names, relative phrases with their offsets, markers)
finds them in one pass over the text, and the resolver below encodes the guideline's rules:

- a bare weekday is the most recent such day on or before publication ("lalu" after it: strictly before);
- a day-month without year takes the year that puts it nearest to publication, in a window of about
  eleven months before to two months after;
- a numeric date whose weekday does not match, or which lies implausibly far from publication, is replaced
  by the reading that fits the weekday and lies near publication (day/month swapped, a digit dropped,
  added or mistyped: "Rabu 7/1)" published Wednesday 2015-10-07 is 7 October), else kept as written;
- "pekan lalu" is the previous Monday-Sunday week, "sepekan" the seven days up to publication.

The code is language-neutral; English and Indonesian differ only in their data files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import LanguagePackError
from ..model import DateMention, DateValue
from .date_values import (
    add_months,
    calendar_date,
    day_value,
    month_value,
    narrow,
    pick_year,
    relative_value,
    resolve_day_month,
    resolve_numeric,
    week_of,
    year_value,
)
from .numbers import NumberLexicon, number_lexicon, parse_number
from .patterns import GatedPattern, gate, ignorecase_classes, prefix_tree

__all__ = [
    "DateGrammar",
    "add_months",
    "date_grammar",
    "find_dates",
    "month_value",
    "resolve_day_month",
    "resolve_numeric",
    "week_of",
    "year_value",
]

_RELATIVE_TYPES = frozenset({"day", "week", "weekend", "recent_weekend", "month", "year", "last", "ago", "narrative"})
_UNITS = frozenset({"day", "week", "month", "year"})


# --------------------------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Relative:
    type: str
    offset: int = 0
    unit: str = "day"
    n: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class DateGrammar:
    """A pack's date vocabulary with its patterns compiled once (see :func:`date_grammar`)."""

    order: str
    months: dict[str, int]
    weekdays: dict[str, int]
    markers: dict[str, str]
    year_relative: dict[str, int]
    parts: dict[str, int]
    month_context: frozenset[str]
    year_context: frozenset[str]
    relatives: list[_Relative]
    numbers: NumberLexicon
    numeric_re: re.Pattern[str] = field(repr=False)
    numeric_back: re.Pattern[str] = field(repr=False)
    dmy_re: re.Pattern[str] = field(repr=False)
    dmy_back: re.Pattern[str] = field(repr=False)
    mdy_re: GatedPattern | None = field(repr=False)
    month_re: GatedPattern = field(repr=False)
    year_re: GatedPattern = field(repr=False)
    weekday_re: GatedPattern = field(repr=False)
    relative_re: re.Pattern[str] = field(repr=False)
    literal: dict[str, int] = field(repr=False)
    tail_re: re.Pattern[str] = field(repr=False)
    tails: dict[str, list[tuple[str, int]]] = field(repr=False)
    num_back: dict[str, re.Pattern[str]] = field(repr=False)
    num_before: re.Pattern[str] = field(repr=False)
    since_re: re.Pattern[str] = field(repr=False)
    part_re: re.Pattern[str] = field(repr=False)
    joiner_re: re.Pattern[str] = field(repr=False)
    anchor_re: re.Pattern[str] = field(repr=False)
    citation_re: re.Pattern[str] = field(repr=False)
    clause_words: frozenset[str] = frozenset()
    own_time_words: frozenset[str] = frozenset()
    relative_markers: frozenset[str] = frozenset()
    attributive_before: frozenset[str] = frozenset()  # "the" of "the February 22 acid attack"
    attributive_not_after: frozenset[str] = frozenset()  # words after a date that leave it adverbial
    attributive_possessive: tuple[str, ...] = ()  # "Monday's": a date possessing the noun after it
    later_words: frozenset[str] = frozenset()
    same_as: frozenset[str] = frozenset()
    #: "sehari setelah X": unit word -> days, conjunction -> sign (+1: the main event is after X)
    offset_units: dict[str, int] = field(default_factory=dict)
    offset_words: dict[str, int] = field(default_factory=dict)
    one_prefix: str = ""


def _alt(words: Iterable[str], *, names: bool = False) -> str:
    """A regex alternation (a prefix tree, longest first); spaces match any whitespace. ``names``: Capitalised
    or CAPS."""
    variants: set[str] = set()
    for w in words:
        variants.add(w)
        if names:
            variants.add(w.upper())
    if not variants:
        return r"(?!x)x"
    return prefix_tree(variants)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _case_variants(phrases: Iterable[str]) -> set[str]:
    """Lower-case, Capitalised and UPPER forms (a case-sensitive alternation is several times faster)."""
    out: set[str] = set()
    for p in phrases:
        out.update((p, p[:1].upper() + p[1:], p.upper()))
    return out


def date_grammar(pack: Any) -> DateGrammar:
    """The pack's compiled date grammar (built once per pack and cached on it)."""
    return pack.cached("dates.grammar", lambda: _build_grammar(pack))


def _build_grammar(pack: Any) -> DateGrammar:
    data = pack.settings("date_words.toml")
    words: dict[str, list[str]] = data.get("words", {})
    months: dict[str, int] = dict(data.get("months", {}))
    abbrevs: dict[str, int] = dict(data.get("month_abbreviations", {}))
    weekdays: dict[str, int] = dict(data.get("weekdays", {}))
    lookup_months = {k.lower(): v for k, v in {**abbrevs, **months}.items()}
    lookup_weekdays = {k.lower(): v for k, v in weekdays.items()}
    markers: dict[str, str] = {}
    for kind in ("past", "future", "current"):
        for pos in ("after", "before"):
            for w in words.get(f"{kind}_{pos}", []):
                markers[w.lower()] = kind
    year_relative = {k.lower(): int(v) for k, v in data.get("year_relative", {}).items()}
    parts = {k.lower(): int(v) for k, v in data.get("parts", {}).items()}
    lex = number_lexicon(pack)

    wd = _alt(weekdays, names=True)
    mon_full = _alt(months, names=True)
    mon_any = _alt({**months, **abbrevs}, names=True)
    after_mk = _alt(words.get("past_after", []) + words.get("future_after", []) + words.get("current_after", []))
    before_mk = _alt(words.get("past_before", []) + words.get("future_before", []) + words.get("current_before", []))
    yrel = _alt(year_relative)
    suffix = "(?:" + _alt(words.get("day_suffixes", [])) + ")?" if words.get("day_suffixes") else ""
    joiner = r"(?:\s+(?:" + _alt(words["day_month_joiners"]) + "))?" if words.get("day_month_joiners") else ""
    day_prefix = r"(?:(?:" + _alt(words.get("day_prefix", [])) + r")\s+)?" if words.get("day_prefix") else ""
    range_j = _alt(words.get("range_joiners", ["-"]))
    flags = re.UNICODE
    ci = "(?i:"
    # Patterns start at a digit or a literal word so the regex engine can skip ahead quickly; what may
    # stand before them (a weekday, an opening parenthesis, "tanggal", a number) is looked up backwards.
    # (the digit-initial patterns test the character before their first digit after matching it: "(?<![\w/.,])
    # \d{1,2}" written "\d(?<![\w/.,]\d)\d?" is the same, and a pattern that opens with a character class
    # lets the regex engine skip to the next digit instead of trying the whole pattern at every position)
    numeric_re = re.compile(
        rf"(?P<a>\d(?<![\w/.,]\d)\d?)\s*/\s*(?P<b>\d{{1,2}})"
        rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\w/]|[.,]\d)(?P<close>\s*\))?(?:\s+(?P<mk>{ci}{after_mk})))?(?!\w)",
        flags,
    )
    numeric_back = re.compile(rf"(?:(?<!\w)(?P<wd>{wd})\s*,?\s*)?(?P<open>\()?\s*$", flags)
    year_tail = rf"(?:\s*,?\s*(?P<y>\d{{4}})(?![\w])|\s+(?P<yrel>{ci}{yrel})))?(?:\s+(?P<mk>{ci}{after_mk})))?(?!\w)"
    dmy_re = re.compile(
        rf"(?P<d>\d(?<![\w/.,]\d)\d?){suffix}"
        rf"(?:\s*(?:{ci}{range_j}))\s*(?P<d2>\d{{1,2}}){suffix})?{ci}{joiner})\s+(?P<mon>{mon_any})(?:\.(?=\s*\d))?"
        + year_tail,
        flags,
    )
    dmy_back = re.compile(rf"(?:(?<!\w)(?P<wd>{wd})\s*,?\s*)?{ci}{day_prefix})$", flags)
    # the patterns below open with a lookbehind or an optional word: each is tried only where a word it can
    # open with begins (GatedPattern: names as written or in capitals, the (?i:...) words in any case)
    before_words = words.get("past_before", []) + words.get("future_before", []) + words.get("current_before", [])
    month_names = {**months, **{m.upper(): 0 for m in months}}
    weekday_names = {**weekdays, **{w.upper(): 0 for w in weekdays}}
    year_prefix, wp = words.get("year_prefix", []), words.get("weekday_prefix", [])
    folds = ignorecase_classes(before_words + words.get("month_prefix", []) + year_prefix + wp)
    mdy_re = None
    if data.get("month_day_order"):
        mdy_pattern = re.compile(  # "June 22", "June 19-21", "July 2 or 3, 2019"
            rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon_any})\.?\s+(?P<d>\d{{1,2}}){suffix}(?![\w])"
            rf"(?:\s*(?:{ci}{range_j}))\s*(?P<d2>\d{{1,2}}){suffix}(?![\w]))?"
            rf"(?:\s*,?\s*(?P<y>\d{{4}})(?![\w]))?",
            flags,
        )
        mdy_re = GatedPattern(mdy_pattern, gate([*weekday_names, *month_names, *abbrevs, *map(str.upper, abbrevs)]))
    month_prefix = words.get("month_prefix", [])
    mp = rf"(?:(?P<mp>{ci}{_alt(month_prefix)}))\s+)?" if month_prefix else ""
    month_re = GatedPattern(re.compile(
        rf"(?<![\w])(?:(?P<bm>{ci}{before_mk}))\s+)?{mp}(?P<mon>{mon_full})(?![\w])" + year_tail, flags
    ), gate(month_names, before_words + month_prefix, folds))
    yp = rf"(?:(?P<yp>{ci}{_alt(year_prefix)}))\s+)?" if year_prefix else ""
    # (without a prefix word the year opens the pattern: its first two digits tested backwards, as above)
    year_head = rf"(?<![\w./,-]){yp}(?P<y>(?:1[89]|20)\d\d)" if yp else r"(?P<y>(?:1[89]|20)(?<![\w./,-]\d\d)\d\d)"
    year_re = GatedPattern(re.compile(
        rf"{year_head}(?:\s*[-–]\s*(?P<y2>(?:1[89]|20)\d\d))?(?![\w/]|[.,]\d)"
        rf"(?:\s+(?P<mk>{ci}{_alt(words.get('past_after', []))})))?(?!\w)",
        flags,
    ), gate(["18", "19", "20"], year_prefix, folds) if yp else None)
    wpre = rf"(?:{ci}{_alt(wp)})\s+)?" if wp else ""
    weekday_re = GatedPattern(re.compile(
        rf"(?<![\w])(?:(?P<bm>{ci}{before_mk}))\s+)?{wpre}(?P<wd>{wd})(?![\w])(?:\s+(?P<mk>{ci}{after_mk})))?(?!\w)",
        flags,
    ), gate(weekday_names, before_words + wp, folds))
    relatives: list[_Relative] = []
    literal: dict[str, int] = {}
    tails: dict[str, list[tuple[str, int]]] = {}
    num_words = [w for w, e in lex.words.items() if e.role not in ("approx", "classifier", "connector", "article")]
    num = r"(?:\d+|(?:" + _alt(num_words) + r")(?:[\s-]+(?:" + _alt(num_words) + r"))*)"
    for entry in data.get("relative", []):
        kind = entry.get("type")
        if kind not in _RELATIVE_TYPES or entry.get("unit", "day") not in _UNITS:
            raise LanguagePackError(f"{pack.code}/data/date_words.toml: bad relative entry {entry!r}")
        rel = _Relative(kind, int(entry.get("offset", 0)), entry.get("unit", "day"), entry.get("n"), entry.get("note"))
        for phrase in entry["phrases"]:
            relatives.append(rel)
            if "{n}" in phrase:
                pre, _, post = phrase.partition("{n}")
                if not post.strip():
                    raise LanguagePackError(f"{pack.code}/data/date_words.toml: {phrase!r} needs words after {{n}}")
                tails.setdefault(_norm(post), []).append((_norm(pre), len(relatives) - 1))
            else:
                literal[_norm(phrase)] = len(relatives) - 1
    relative_re = re.compile(r"(?<![\w-])(?:" + _alt(_case_variants(literal)) + r")(?![\w-])", flags)
    # (the space before a tail tested after its first letter: the alternation then opens with its letters)
    tail_re = re.compile(r"(?:" + (prefix_tree(_case_variants(tails), after_first=lambda c: rf"(?<=\s{c})")
                                   or r"(?!x)x") + r")(?![\w-])", flags)
    num_before = re.compile(rf"(?<![\w-])(?:\d+|(?i:{num}))\s+$", flags)
    num_back = {
        pre: re.compile(
            (rf"(?<![\w-])(?i:{_alt([pre])})\s+" if pre else r"(?<![\w-])") + rf"(?P<n>(?i:{num}))\s+$", flags
        )
        for pre in {p for entries in tails.values() for p, _ in entries}
    }
    since_re = re.compile(r"(?<![\w])(?:" + _alt(words.get("since", [])) + r")\s+$", re.IGNORECASE)
    part_re = re.compile(r"(?<![\w])(?P<part>" + _alt(parts) + r")[\s-]+$", re.IGNORECASE)
    joiner_re = re.compile(r"\s*(?:" + range_j + r")\s*", re.IGNORECASE)
    anchor_re = re.compile(r"\s+(?:" + _alt(words.get("anchor_after", [])) + r")(?![\w])", re.IGNORECASE)
    citation_re = re.compile(
        r"(?<![\w])(?:" + _alt(words.get("citation", [])) + r")\s*:?\s*[\w./-]*\d[\w./-]*\s+(?:\w+\s+)?$", re.IGNORECASE
    )
    offset = data.get("event_offset", {})
    return DateGrammar(
        order=data.get("numeric_order", "dmy"),
        months=lookup_months,
        weekdays=lookup_weekdays,
        markers=markers,
        year_relative=year_relative,
        parts=parts,
        month_context=frozenset(w.lower() for w in words.get("month_context", [])),
        year_context=frozenset(w.lower() for w in words.get("year_context", [])),
        relatives=relatives,
        numbers=lex,
        numeric_re=numeric_re,
        numeric_back=numeric_back,
        dmy_re=dmy_re,
        dmy_back=dmy_back,
        mdy_re=mdy_re,
        month_re=month_re,
        year_re=year_re,
        weekday_re=weekday_re,
        relative_re=relative_re,
        literal=literal,
        tail_re=tail_re,
        tails=tails,
        num_back=num_back,
        num_before=num_before,
        since_re=since_re,
        part_re=part_re,
        joiner_re=joiner_re,
        anchor_re=anchor_re,
        citation_re=citation_re,
        clause_words=frozenset(w.lower() for w in words.get("clause_boundaries", [])),
        own_time_words=frozenset(w.lower() for w in words.get("own_time_clauses", [])),
        relative_markers=frozenset(w.lower() for w in words.get("relative_markers", [])),
        attributive_before=frozenset(w.lower() for w in words.get("attributive_before", [])),
        attributive_not_after=frozenset(w.lower() for w in words.get("attributive_not_after", [])),
        attributive_possessive=tuple(words.get("attributive_possessive", ())),
        later_words=frozenset(w.lower() for w in words.get("later_than", [])),
        same_as=frozenset(w.lower() for w in words.get("same_as", [])),
        offset_units={k.lower(): int(v) for k, v in offset.get("units", {}).items()},
        offset_words={**{w.lower(): 1 for w in offset.get("after", [])},
                      **{w.lower(): -1 for w in offset.get("before", [])}},
        one_prefix=str(offset.get("one_prefix", "")),
    )


# -------------------------------------------------------------------------------------------- matching


@dataclass
class _Cand:
    start: int
    end: int
    value: DateValue | None
    relative: bool
    note: str | None = None
    prio: int = 1
    shift: int | None = None  # a narrative expression: days from the day the story last told


_PREV_WORD = re.compile(r"(\w+)[^\w]*$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n…:"


def _weekday_date(published: dt.date, weekday: int, marker: str | None) -> dt.date:
    back = (published.isoweekday() - weekday) % 7
    if marker == "future":
        return published + dt.timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
    if marker == "current":
        return published - dt.timedelta(days=published.isoweekday() - weekday)
    if marker == "past" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _marker(g: DateGrammar, *texts: str | None) -> str | None:
    for t in texts:
        if t:
            kind = g.markers.get(" ".join(t.lower().split()))
            if kind:
                return kind
    return None


def _numeric(m: re.Match[str], text: str, g: DateGrammar, published: dt.date | None) -> _Cand | None:
    back = g.numeric_back.search(text, max(0, m.start() - 20), m.start())
    wd_text = back["wd"] if back else None
    wd = g.weekdays.get(wd_text.lower()) if wd_text else None
    bare = not (wd_text or (back and back["open"]) or m["y"])
    day, note = resolve_numeric(m["a"], m["b"], m["y"], wd, published, g.order)
    if day is None or (bare and (note is not None or _prev_word(text, m.start()) not in g.month_context)):
        return None  # a bare "7/10" is a date only after "pada"/"on" and when it reads as one as written
    start = back.start() if back and (wd_text or back["open"]) else m.start()
    return _Cand(start, m.end(), day_value(day), False, note, 0)


def _day_month(
    m: re.Match[str], text: str, g: DateGrammar, published: dt.date | None, mdy: bool = False
) -> _Cand | None:
    start = m.start()
    if mdy:
        wd_text = m["wd"]
    else:
        back = g.dmy_back.search(text, max(0, m.start() - 25), m.start())
        wd_text = back["wd"] if back else None
        if back and back.start() < m.start():
            start = back.start()
    wd = g.weekdays.get(wd_text.lower()) if wd_text else None
    month = g.months[m["mon"].lower().rstrip(".")]
    day = int(m["d"])
    day2 = int(m["d2"]) if m["d2"] else None
    year: int | None = int(m["y"]) if m["y"] else None
    note = None
    if year is None and not mdy and m["yrel"]:
        if published is None:
            return _Cand(start, m.end(), None, True, "no publication date")
        year = published.year + g.year_relative[" ".join(m["yrel"].lower().split())]
    if year is not None:
        first = calendar_date(year, month, day)
    elif published is None:
        return _Cand(start, m.end(), None, False, "year unknown without a publication date")
    else:
        marker = None if mdy else _marker(g, m["mk"])
        first, note = resolve_day_month(day, month, published, weekday=wd, marker=marker)
    if first is None:
        return None
    if wd is not None and first.isoweekday() != wd:
        note = "weekday does not match the date"
    if day2 is not None:
        last = calendar_date(first.year, month, day2)
        if last is None or last < first:  # "June 5 - 2 suspects fled": no range, the day alone
            return _Cand(start, m.end("d"), day_value(first), False, note, 0) if mdy else None
        return _Cand(start, m.end(), DateValue(first, last, "range"), False, note, 0)
    return _Cand(start, m.end(), day_value(first), False, note, 0)


def _month(m: re.Match[str], text: str, g: DateGrammar, published: dt.date | None) -> _Cand | None:
    has_context = m["mp"] if "mp" in m.re.groupindex else None
    if not (has_context or m["y"] or m["yrel"] or m["mk"] or m["bm"] or _prev_word(text, m.start()) in g.month_context):
        return None
    month = g.months[m["mon"].lower()]
    if m["y"]:
        return _Cand(m.start(), m.end(), month_value(int(m["y"]), month), False)
    if published is None:
        return _Cand(m.start(), m.end(), None, False, "year unknown without a publication date")
    if m["yrel"]:
        year = published.year + g.year_relative[" ".join(m["yrel"].lower().split())]
        return _Cand(m.start(), m.end(), month_value(year, month), False)
    marker = _marker(g, m["bm"], m["mk"])
    value, note = pick_year(lambda y: month_value(y, month), published, marker)
    return _Cand(m.start(), m.end(), value, False, None if marker else note)


def _year(m: re.Match[str], text: str, g: DateGrammar) -> _Cand | None:
    has_prefix = m["yp"] if "yp" in m.re.groupindex else None
    if not (has_prefix or m["mk"] or _prev_word(text, m.start()) in g.year_context):
        return None
    if g.citation_re.search(text, max(0, m.start() - 30), m.start()):
        return None  # "UU Nomor 11 Tahun 2008": part of a legal citation
    y1 = int(m["y"])
    if m["y2"]:
        y2 = int(m["y2"])
        if y2 <= y1:
            return None
        return _Cand(m.start(), m.end(), DateValue(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range"), False)
    return _Cand(m.start(), m.end(), year_value(y1), False)


def _weekday(m: re.Match[str], g: DateGrammar, published: dt.date | None) -> _Cand:
    wd = g.weekdays[m["wd"].lower()]
    if published is None:
        return _Cand(m.start(), m.end(), None, True, "no publication date", 2)
    marker = _marker(g, m["bm"], m["mk"])
    return _Cand(m.start(), m.end(), day_value(_weekday_date(published, wd, marker)), True, None, 2)


def _relative(
    start: int, end: int, idx: int, n: int | None, text: str, g: DateGrammar, published: dt.date | None
) -> _Cand | None:
    rel = g.relatives[idx]
    first_word = text[start:end].split()[0]
    prio = 1
    if first_word.lower() in g.weekdays and first_word[0].isupper():
        # "Minggu lalu" mid-sentence is last Sunday; only at a sentence start may it be "last week"
        if not _sentence_start(text, start):
            return None
        prio = 0
    if rel.type in ("last", "ago") and g.anchor_re.match(text, end):
        return None  # "sepekan setelah ledakan": counted from another event, not from publication
    if rel.type == "narrative":
        nxt = _NEXT_WORD.match(text, end)
        if nxt and nxt.group(1).lower() in g.same_as:
            return None  # "pada hari yang sama dengan penembakan": another event's day, not the story's
        return _Cand(start, end, None, True, "narrative", prio, rel.offset)
    if published is None:
        return _Cand(start, end, None, True, "no publication date", prio)
    try:
        value = relative_value(rel.type, rel.offset, rel.unit, n or rel.n or 1, published)
    except (ValueError, OverflowError):  # "5000 tahun lalu": outside the calendar's range
        return _Cand(start, end, None, True, "out of range", prio)
    return _Cand(start, end, value, True, rel.note, prio)


def _relatives(text: str, start: int, end: int, g: DateGrammar, published: dt.date | None) -> list[_Cand | None]:
    out: list[_Cand | None] = []
    for m in g.relative_re.finditer(text, start, end):
        if g.num_before.search(text, max(start, m.start() - 30), m.start()):
            continue  # "pria berusia 32 tahun ini": a number before makes it an age or a duration
        if _in_title(text, m.start(), m.end()):
            continue  # "Mission Today Daily", "USA Today": a capitalised word of a name
        out.append(_relative(m.start(), m.end(), g.literal[_norm(m.group())], None, text, g, published))
    for m in g.tail_re.finditer(text, start, end):
        for pre, idx in g.tails[_norm(m.group())]:
            back = g.num_back[pre].search(text, max(start, m.start() - 60), m.start())
            if back is None:
                continue
            parsed = parse_number(back["n"].replace("-", " "), g.numbers)
            if parsed is None or parsed.value <= 0:
                continue
            out.append(_relative(back.start(), m.end(), idx, parsed.value, text, g, published))
            break
    return out


_CAP_BEFORE, _CAP_AFTER = re.compile(r"[A-Z][\w’'-]*\s+$"), re.compile(r"\s+[A-Z]")


def _in_title(text: str, start: int, end: int) -> bool:
    """A capitalised relative word inside a run of capitalised words, not opening a sentence, is part of a
    name (a newspaper, a programme), not a time."""
    return text[start : start + 1].isupper() and not _sentence_start(text, start) and bool(
        _CAP_BEFORE.search(text, max(0, start - 40), start) or _CAP_AFTER.match(text, end))


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first (then leftmost, then by priority)."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.prio)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _post(text: str, cands: list[_Cand], published: dt.date | None, g: DateGrammar) -> list[_Cand]:
    """Parts ("awal bulan ini"), "sejak X" ranges, and "X hingga Y" ranges."""
    for c in cands:
        if c.value is None:
            continue
        window = text[max(0, c.start - 25) : c.start]
        pm = g.part_re.search(window)
        if pm and c.value.precision in ("month", "year"):
            c.value = narrow(c.value, g.parts[" ".join(pm["part"].lower().split())])
            c.start -= len(window) - pm.start()
            window = text[max(0, c.start - 25) : c.start]
        sm = g.since_re.search(window)
        if sm and published is not None and c.value.first <= published:
            c.value = DateValue(c.value.first, max(published, c.value.first), "range")
            c.start -= len(window) - sm.start()
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and c.value is not None
            and prev.value.first <= c.value.last
            and g.joiner_re.fullmatch(text, prev.end, c.start)
        ):
            prev.value = DateValue(prev.value.first, c.value.last, "range")
            prev.end = c.end
            prev.relative = prev.relative and c.relative
            continue
        out.append(c)
    return out


def _narrated(cands: list[_Cand]) -> list[_Cand]:
    """Narrative expressions ("sore harinya", "keesokan harinya") counted from the last single day told
    before them (unresolved when none was)."""
    last: dt.date | None = None
    for c in cands:
        if c.shift is not None:
            if last is not None:
                last += dt.timedelta(days=c.shift)
                c.value = day_value(last)
            else:
                c.note = "no day told before"
        elif c.value is not None and c.value.first == c.value.last and c.note != "present":
            last = c.value.first
    return cands


def find_dates(
    text: str, published: dt.date | None, grammar: DateGrammar, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """All date expressions in ``text[start:end]``, resolved against ``published`` where needed.

    Relative expressions with no publication date keep ``value=None`` (never a guess).

    >>> from peristiwa.langs.id import PACK
    >>> text = "Namun pada Selasa 6 Oktober Amerika menolak usulan itu pekan lalu."
    >>> [(text[m.start:m.end], m.value.to_gold()) for m in find_dates(text, dt.date(2015, 10, 7), date_grammar(PACK))]
    [('Selasa 6 Oktober', '2015-10-06'), ('pekan lalu', {'start': '2015-09-28', 'end': '2015-10-04'})]
    """
    end = len(text) if end is None else end
    g = grammar
    cands: list[_Cand | None] = []
    cands.extend(_numeric(m, text, g, published) for m in g.numeric_re.finditer(text, start, end))
    cands.extend(_day_month(m, text, g, published) for m in g.dmy_re.finditer(text, start, end))
    if g.mdy_re is not None:
        cands.extend(_day_month(m, text, g, published, mdy=True) for m in g.mdy_re.finditer(text, start, end))
    cands.extend(_month(m, text, g, published) for m in g.month_re.finditer(text, start, end))
    cands.extend(_year(m, text, g) for m in g.year_re.finditer(text, start, end))
    cands.extend(_weekday(m, g, published) for m in g.weekday_re.finditer(text, start, end))
    cands.extend(_relatives(text, start, end, g, published))
    chosen = _narrated(_post(text, _select([c for c in cands if c is not None]), published, g))
    return [DateMention(start=c.start, end=c.end, value=c.value, relative=c.relative, note=c.note) for c in chosen]
