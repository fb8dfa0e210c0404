"""Stage ``extract.dates``: every date expression of a document, resolved against its publication date.

Why a separate layer: the events stage needs to know *which* time expression belongs to an event, and an
auditor needs to see the words a date came from. So this stage records every mention with its offsets and
resolved value (:class:`~peristiwa.model.DateMention`), and :func:`date_for_span` picks, for a trigger,
the mention of its own clause or sentence following the guideline: nearest, after the trigger preferred,
an explicit calendar date over a relative word next to it, and None when the sentence gives no time (the
publication date is never a default).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..langs.base import LanguagePack, PackLoader
from ..model import DateMention, Document
from ..pipeline import StageContext, StageFn, registry
from ..text.dates import DateGrammar, date_grammar, find_dates
from ..text.numbers import parse_number

__all__ = [
    "date_for_span", "doc_grammar", "event_offset", "find_date_mentions", "foreign_date", "later_than", "make_stage",
]

_WORD = re.compile(r"\w+")
_HARD_BREAK = re.compile(r"[;:]")
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
#: Punctuation that closes a relative clause ("..., yang dilaporkan terjadi," kata para pakar, Selasa).
_CLAUSE_END = frozenset(',;:()"“”‘’\'')
#: A relative clause within this many words after the trigger modifies the trigger's own noun phrase
#: ("latihan PPRC yang akan disaksikan ... pada 19 Mei": the exercise's own date).
_OWN_NP = 2
#: Dates spanning more days than this (a month, a year) are coarse enough to hold both clauses' events.
_COARSE_DAYS = 7

#: Extra cost (characters) for a date before the trigger, and for one across a clause boundary.
_BEFORE_FACTOR = 1.5
_CLAUSE_PENALTY = 60
_ADJACENT = 4


def _grammar(pack: Any) -> DateGrammar | None:
    if pack is None or not pack.has("date_words.toml"):
        return None
    return date_grammar(pack)


def find_date_mentions(doc: Document, pack: LanguagePack | None) -> tuple[DateMention, ...]:
    """The date layer of ``doc`` read with ``pack`` (empty when the pack has no date data)."""
    grammar = _grammar(pack)
    if grammar is None:
        return ()
    return tuple(find_dates(doc.text, doc.published, grammar))


@lru_cache(maxsize=16)
def _default_pack(lang: str) -> LanguagePack | None:
    return PackLoader().get(lang)


def doc_grammar(doc: Document, pack: LanguagePack | None = None) -> DateGrammar | None:
    """The date grammar of ``pack``, by default ``doc``'s language pack (None when it has no date data)."""
    if pack is None and doc.lang:
        pack = _default_pack(doc.lang)
    return _grammar(pack)


def _foreign_relative(text: str, trigger_end: int, m: DateMention, grammar: DateGrammar) -> bool:
    """Whether ``m`` (after the trigger) is a stretch of time inside a relative clause on another noun."""
    if m.value is None or (m.value.precision == "day" and m.value.first == m.value.last):
        return False  # a calendar day at the end of the clause may as well be the event's: kept
    toks = _TOKEN.findall(text[trigger_end : m.start])
    marks = [i for i, t in enumerate(toks) if t.lower() in grammar.relative_markers]
    if not marks:
        return False
    i = marks[-1]
    if any(t in _CLAUSE_END for t in toks[i + 1 :]):
        return False  # the clause ends before the date: the date is the sentence's
    return not (i <= _OWN_NP and all(t[0].isalnum() for t in toks[:i]))


def foreign_date(doc: Document, m: DateMention, start: int, end: int, grammar: DateGrammar | None) -> str | None:
    """Why the date mention ``m`` of the trigger ``[start, end)``'s sentence is not the trigger's, or None.

    "clause": a conjunction that opens a clause with its own time (the pack's ``own_time_clauses``:
    "setelah", "karena") stands between them and ``m`` is a day or a few days (a month or a year spans
    both clauses: "pada 2010 lalu, ... setelah polisi menembak" keeps 2010); "relative": ``m`` is a
    stretch of time in a relative clause on another noun (``relative_markers``). The first bounds the
    event's time (the event is after, because of, against what the clause tells), the second tells
    nothing about it; "attributive": ``m`` modifies a noun (:func:`_attributive`).
    """
    if grammar is None or m.value is None:
        return None
    between = doc.text[end : m.start] if m.start >= end else doc.text[m.end : start]
    if (grammar.own_time_words and (m.value.last - m.value.first).days <= _COARSE_DAYS
            and any(w.lower() in grammar.own_time_words for w in _WORD.findall(between))):
        return "clause"
    if m.start >= end and grammar.relative_markers and _foreign_relative(doc.text, end, m, grammar):
        return "relative"
    if _attributive(doc.text, m, grammar) and not (
            m.end <= start and _WORDS_ONLY.fullmatch(doc.text[m.end + _possessive(doc.text, m.end, grammar) : start])):
        return "attributive"  # unless the noun it dates is the trigger's ("the February 22 acid attack")
    return None


_WORDS_ONLY = re.compile(r"(?:\s+[\w-]+){0,3}\s+")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _possessive(text: str, pos: int, grammar: DateGrammar) -> int:
    """The length of the pack's possessive ending (``attributive_possessive``) standing at ``pos`` as a word's
    end ("Monday's"), else 0."""
    for ending in grammar.attributive_possessive:
        after = pos + len(ending)
        if text.startswith(ending, pos) and not text[after : after + 1].isalnum():
            return len(ending)
    return 0


def _attributive(text: str, m: DateMention, grammar: DateGrammar) -> bool:
    """ "against Monday's lathi-charge", "in the wake of the February 22 acid attack": a date that is a
    possessor, or stands between a determiner (``attributive_before``) and a noun, dates that noun."""
    if _possessive(text, m.end, grammar):
        return True
    if not grammar.attributive_before:
        return False
    before = _WORD.findall(text[max(0, m.start - 12) : m.start])
    nxt = _NEXT_WORD.match(text, m.end)
    return bool(before) and before[-1].lower() in grammar.attributive_before and nxt is not None \
        and nxt.group(1) not in grammar.attributive_not_after


def later_than(doc: Document, start: int, end: int, pack: LanguagePack | None = None) -> DateMention | None:
    """The date the trigger ``[start, end)`` comes after, told in a clause that follows it and opens with
    one of the pack's ``later_than`` conjunctions ("ditangkap setelah ia difilmkan pada 15 Desember": the
    arrest is not before 15 December), or None. Merging uses it to keep such an event apart from an
    earlier one of the same kind."""
    grammar = doc_grammar(doc, pack)
    sent = doc.sentence_at(start)
    if grammar is None or not grammar.later_words or sent is None:
        return None
    for m in doc.dates:
        if m.value is None or not (end <= m.start < sent.end):
            continue
        words = [w.lower() for w in _WORD.findall(doc.text[end : m.start])]
        if any(w in grammar.later_words for w in words) and foreign_date(doc, m, start, end, grammar) == "clause":
            return m
    return None


_OFFSET = re.compile(r"(\w+)(?:\s+(\w+))?\s+(\w+)\s*$")


def event_offset(doc: Document, start: int, grammar: DateGrammar | None) -> int | None:
    """Days from the event told before the trigger at ``start`` to the trigger's own event, when the
    words right before the trigger say so ("sehari setelah penembakan": -1, "dua hari sebelum": +2)."""
    if grammar is None or not grammar.offset_units:
        return None
    # the pattern's last word is the last word before the trigger (a run of word characters, then only
    # white space): when that word is no offset word ("setelah", "before") there is nothing to find, and
    # the pattern (tried at every position of the window) is not run
    seg = doc.text[max(0, start - 40) : start].rstrip()
    k = len(seg)
    while k and (seg[k - 1].isalnum() or seg[k - 1] == "_"):
        k -= 1
    if seg[k:].lower() not in grammar.offset_words:
        return None
    m = _OFFSET.search(doc.text, max(0, start - 40), start)
    if m is None or m.group(3).lower() not in grammar.offset_words:
        return None
    sign = grammar.offset_words[m.group(3).lower()]
    first, unit = m.group(1).lower(), (m.group(2) or "").lower()
    if not unit and grammar.one_prefix and first.startswith(grammar.one_prefix):
        n, unit = 1, first[len(grammar.one_prefix) :]
    else:
        parsed = parse_number(first, grammar.numbers)
        n = parsed.value if parsed is not None else 0
    if unit not in grammar.offset_units or n <= 0:
        return None
    return -sign * n * grammar.offset_units[unit]


def date_for_span(
    doc: Document,
    start: int,
    end: int,
    pack: LanguagePack | None = None,
    *,
    scope: tuple[int, int] | None = None,
    same_clause: bool = False,
) -> DateMention | None:
    """The resolved date mention that belongs to the text ``[start, end)`` (an event trigger), or None.

    Only mentions in the same sentence count. Among them the nearest wins, a mention after the trigger
    counting as nearer than one the same distance before it, and one across a clause boundary (the
    pack's ``clause_boundaries`` words, ";" or ":") counting as farther. When the winner is a relative
    word right next to an explicit date ("kemarin, Selasa (6/10)"), the explicit date is returned.
    A mention of another clause's own time (:func:`foreign_date`) never counts.
    ``scope`` replaces the sentence by other bounds (an event's evidence, a quote and its reporting clause).
    ``same_clause`` rejects a winner across a clause boundary (fewer wrong dates, more missing ones: on
    the id-dev gold it drops 13 of 35 right dates to avoid 7 wrong ones).
    """
    mentions = [m for m in doc.dates if m.value is not None]
    if not mentions:
        return None
    sent = doc.sentence_at(start)
    if scope is not None:
        lo, hi = scope
    elif sent is not None:
        lo, hi = sent.start, sent.end
    else:  # no sentence layer: the line holding the span
        lo = doc.text.rfind("\n", 0, start) + 1
        nl = doc.text.find("\n", end)
        hi = len(doc.text) if nl < 0 else nl
    cands = [m for m in mentions if m.start >= lo and m.end <= hi and (m.end <= start or m.start >= end)]
    if not cands:
        return None
    grammar = doc_grammar(doc, pack)
    cands = [m for m in cands if foreign_date(doc, m, start, end, grammar) is None]
    if not cands:
        return None
    clause_words = grammar.clause_words if grammar is not None else frozenset()

    def cost(m: DateMention) -> float:
        if m.start >= end:
            between = doc.text[end : m.start]
            dist = float(len(between))
        else:
            between = doc.text[m.end : start]
            dist = len(between) * _BEFORE_FACTOR
        if _HARD_BREAK.search(between) or any(w.lower() in clause_words for w in _WORD.findall(between)):
            dist += _CLAUSE_PENALTY
        return dist

    best = min(cands, key=cost)
    if same_clause and cost(best) >= _CLAUSE_PENALTY:
        return None
    if best.relative:
        for m in cands:
            if not m.relative and (0 <= m.start - best.end <= _ADJACENT or 0 <= best.start - m.end <= _ADJACENT):
                return m
    return best


@registry.stage("extract.dates", version=1, requires=("sentences", "tokens"), provides=("dates",))
def make_stage(ctx: StageContext) -> StageFn:
    """Date mentions resolved against the publication date (pack data: date_words.toml)."""

    def run(doc: Document) -> Document:
        return doc.with_layers(dates=find_date_mentions(doc, ctx.packs.get(doc.lang)))

    return run
