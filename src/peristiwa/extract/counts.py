"""Stage ``extract.counts``: numbers about events, with qualifier, counted noun and kind.

Why token rules and not a model: the gold format wants, for "Setidaknya 3.000 militan ... telah melarikan
diri", kind fled, value 3000, qualifier at_least, object "militan", each traceable to its words. Numerals,
qualifiers and kind cues are closed word classes that a language pack lists (``number_words.tsv``,
``count_qualifiers.tsv``, ``count_kinds.tsv``, ``counts.toml``); the mechanism is the same for every
language:

1. read numerals over the sentence's tokens (:mod:`peristiwa.text.numbers`), skipping numbers that are
   not counts: inside a date mention, a bare year, a time, money, a percentage, an age or duration
   ("berusia 25 tahun"), a citation ("Pasal 2", "UU No. 5"), a phone number, a list label, a name
   ("Densus 88");
2. extend left over a qualifier ("sekitar", "lebih dari", "up to") and right over the counted noun;
3. give each count the kind of the nearest cue: a cue's direction says whether it precedes its count
   ("menewaskan 5 orang") or follows it ("5 orang tewas"); another count in between blocks it unless the
   two are coordinated ("20 tank dan tiga peluncur roket ... hancur" are both destroyed);
4. with ``[single]`` in ``counts.toml``, a cue of the listed kinds with no count of its own whose patient is
   one person written without a numeral - a proper name ("untuk membunuh Kim Jong-nam", "Burhan Wani
   (22), yang tewas") or a noun phrase with one age ("Pengunjuk rasa lain berusia 20 tahunan dilaporkan
   tewas") - counts 1: a name or an age picks out an individual;
5. a word of ``[kind] boundaries`` ("while", "sementara") between a cue and a count separates them;
6. with ``[kind] state_predicates``, a count of kind other whose phrase is followed by a predicate of mere
   presence ("Hampir 400 siswa ada di sekolah") is background, not a number about an event: dropped; so
   is one after an existential word (``[kind] existential``: "terdapat empat bidang") unless a relative
   clause follows ("ada 106 yang dihentikan");
7. with ``[single] one_kinds``, a count of exactly one is kept only for those kinds: "Seorang tersangka
   ditahan" names the arrested person (the event's recipient), as a name would, and carries no count.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..langs.base import LanguagePack
from ..model import Count, Document, Token
from ..pipeline import StageContext, StageFn, registry
from ..text.dates import date_grammar, find_dates
from ..text.numbers import NumberMatch, match_number
from ..text.segment import tokenize
from .count_grammar import CountGrammar, Cue, count_grammar

__all__ = ["CountGrammar", "TokenCount", "count_grammar", "counts_in_tokens", "find_counts", "make_stage"]

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_RANGE_TOKEN = re.compile(r"(\d+)[-–](\d+)")
_ALPHA = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class TokenCount:
    """A count found in a token list (token indexes; :func:`find_counts` turns it into a Count)."""

    a: int  # first token (qualifier included)
    n0: int  # first token of the number
    n1: int  # token after the number
    b: int  # token after the whole count (object, trailing qualifier)
    value: int
    qualifier: str
    obj: tuple[int, int] | None
    inherited: tuple[int, int] | None
    weak: bool
    elided: bool
    kind: str = "other"
    group: int = 0


def _excluded(words: list[str], low: list[str], i: int, j: int, g: CountGrammar, first: int) -> bool:
    """Whether the number ``words[i:j]`` is not a count (see the module docstring)."""
    tok = words[i]
    if j - i == 1 and tok[0].isdigit() and (_YEAR.fullmatch(tok) or (tok[0] == "0" and len(tok) >= 3)):
        return True  # a bare year ("2015") or a phone/registration number ("0812...", "0830")
    prev = low[i - 1] if i > first else ""
    prev2 = low[i - 2] if i - 1 > first else ""
    if j - i == 1 and tok.lower() in g.collective and _after_noun(words[i - 1] if i > first else "", g):
        return True  # "hari kedua" (the second day) is an ordinal; "kedua negara" (both countries) counts
    if prev in g.excl_before or prev in g.money:
        return True
    if prev in (".", "-", "–") and (prev2 in g.excl_before or prev2 in g.money):
        return True
    if prev in ("-", "–") and i - 1 > first and words[i - 2][:1].isupper():
        return True  # "U-22", "F-16", "G-20": a model or team name
    if prev == "+" or (prev == "(" and j < len(low) and low[j] == ")"):
        return True  # phone number; "(22)" after a name is an age
    if i - 1 > first and _ALPHA.fullmatch(words[i - 1]) and words[i - 1][0].isupper() and prev not in g.qual_words:
        return True  # "Densus 88", "Pasal 48", "Terminal 2": part of a name
    nxt = low[j] if j < len(low) else ""
    if nxt in g.excl_after or nxt in g.months or _unit_name(words, low, j, g):
        return True
    if (prev == "," and nxt == "," and j - i == 1 and tok.isdigit() and int(tok) < 120 and i - 2 >= first
            and words[i - 2][:1].isupper()):
        return True  # "Ollie Hall, 24, died": an age set off after a name
    if nxt in ("/", ":") and j + 1 < len(low) and low[j + 1][:1].isdigit():
        return True  # ratio or clock time
    return i == first and nxt in (".", ")")  # a list label "1. Pratu Marwan"


def _unit_name(words: list[str], low: list[str], j: int, g: CountGrammar) -> bool:
    """ "12 Assam Rifles", "3 Sikh Light Infantry": the number opens a unit's name (capitalised words with a
    unit word), it counts nobody ("3 Marines" are people: a plural of persons is no unit word), unless a
    noun of its members follows ("12 Assam Rifles personnel")."""
    k, unit = j, False
    while k < len(words) and k < j + 4 and _ALPHA.fullmatch(words[k]) and words[k][0].isupper():
        unit = unit or low[k] in g.unit_names
        k += 1
    return unit and not (k < len(low) and low[k] in g.unit_members)


def _after_noun(prev: str, g: CountGrammar) -> bool:
    """Whether ``prev`` looks like a content word the numeral follows (a noun, not a verb or function word)."""
    lp = prev.lower()
    if not prev or not _ALPHA.fullmatch(prev) or not prev.islower():
        return False
    if lp in g.stop or lp in g.cue_words or lp in g.qual_words or lp in g.excl_before:
        return False
    return not (len(lp) >= g.min_prefixed and lp not in g.prefix_nouns and lp.startswith(g.stop_prefixes))


def _match_at(low: list[str], i: int, g: CountGrammar) -> NumberMatch | None:
    w = low[i]
    if not (w[0].isdigit() or w in g.numbers.words or "-" in w):
        return None
    rng = _RANGE_TOKEN.fullmatch(w)
    if rng and int(rng.group(1)) < int(rng.group(2)):
        v = int(rng.group(1))
        return NumberMatch(v, "at_least", 1, False, True, float(v))
    found = match_number(low, i, g.numbers)
    if found is None or found.value <= 0 or not found.integral:
        return None
    if found.length == 1 and g.numbers.words.get(w) is not None and g.numbers.words[w].role in ("article", "connector"):
        return None
    return found


def _object(words: list[str], low: list[str], k: int, end: int, g: CountGrammar) -> tuple[int, int] | None:
    if k < end and low[k] in g.skip:
        k += 1
    start = k
    while k < end and k - start < g.max_words:
        w, lw = words[k], low[k]
        if not _ALPHA.fullmatch(w) or lw in g.stop or lw in g.cue_words or lw in g.qual_words:
            break
        if lw in g.numbers.words or lw in g.excl_after or _cue_at(low, k, g):
            break
        if k == start:
            if not (w.islower() or (w.isupper() and len(w) >= 2)):
                nxt = words[k + 1] if k + 1 < end else ""
                if not (w[0].isupper() and nxt.islower() and _ALPHA.fullmatch(nxt)):
                    break
        else:
            if not w.islower():
                break
            if (
                len(lw) >= g.min_prefixed
                and lw not in g.prefix_nouns
                and (lw.startswith(g.stop_prefixes) or (g.stop_suffixes and lw.endswith(g.stop_suffixes)))
            ):
                break
        k += 1
    return (start, k) if k > start else None


def _cue_at(low: list[str], k: int, g: CountGrammar) -> bool:
    """Whether a (non-object) multi-word kind cue starts at ``low[k]`` ("korban jiwa")."""
    for n in range(min(g.cue_len, len(low) - k), 1, -1):
        cue = g.cues.get(tuple(low[k : k + n]))
        if cue is not None and cue.direction != "object":
            return True
    return False


def _cues(low: list[str], g: CountGrammar) -> list[tuple[int, int, Cue]]:
    out: list[tuple[int, int, Cue]] = []
    starts = g.cue_starts
    if starts.isdisjoint(low):
        return out  # most sentences: no cue word at all
    i = 0
    for k in [k for k, w in enumerate(low) if w in starts]:  # only a cue word can open a cue
        if k < i:
            continue  # inside the cue found before
        i = k
        for n in range(min(g.cue_len, len(low) - i), 0, -1):
            cue = g.cues.get(tuple(low[i : i + n]))
            if cue is not None:
                if not _unrealised(low, i, g):
                    out.append((i, i + n, cue))
                i += n
                break
    return out


def _unrealised(low: list[str], k: int, g: CountGrammar) -> bool:
    """Whether the cue at ``k`` follows an attempt ("tried to kill three policemen": nobody was killed)."""
    return any(tuple(low[k - len(p) : k]) == p for p in g.unrealised if len(p) <= k)


def counts_in_tokens(words: list[str], g: CountGrammar, blocked: set[int] | None = None) -> list[TokenCount]:
    """Counts in one sentence given as token strings (``blocked``: token indexes inside dates)."""
    low = [w.lower() for w in words]
    blocked = blocked or set()
    found: list[TokenCount] = []
    i, n = 0, len(low)
    # the tokens a number can start at (see _match_at), found at once: the scan steps from one to the next
    numbers = g.numbers.words
    opens = [k for k, w in enumerate(low) if w[:1].isdigit() or w in numbers or "-" in w]
    at = 0
    while i < n:
        while at < len(opens) and opens[at] < i:
            at += 1
        if at == len(opens):
            break
        i = opens[at]
        if i in blocked:
            i += 1
            continue
        m = _match_at(low, i, g)
        if m is None:
            i += 1
            continue
        j = i + m.length
        if any(t in blocked for t in range(i, j)) or _excluded(words, low, i, j, g, 0):
            i = j
            continue
        value, qual = m.value, m.qualifier
        # "20 hingga 30 orang": a range is its lower bound
        if j + 1 < n and low[j] in g.range_words:
            m2 = _match_at(low, j + 1, g)
            if m2 is not None and m2.value > value and not m2.weak:
                j, qual = j + 1 + m2.length, "at_least"
                if _excluded(words, low, i, j, g, 0):
                    i = j
                    continue
        a = i
        for size in range(min(g.qual_len, i), 0, -1):
            q = g.qual_before.get(tuple(low[i - size : i]))
            if q is not None:
                a = i - size
                if q != "exact":
                    qual = q
                break
        obj = _object(words, low, j, n, g)
        inherited = None
        b = obj[1] if obj else j
        k = j + 1 if j < n and low[j] in g.skip else j
        if obj is None and k < n and low[k] in g.others:
            b = k + 1  # "puluhan lainnya", "dozens of others": the noun of the count before
            inherited = next((f.obj for f in reversed(found) if f.obj), None)
        for size in range(min(g.qual_len, n - b), 0, -1):
            q = g.qual_after.get(tuple(low[b : b + size]))
            if q is not None:
                b, qual = b + size, q if qual == "exact" else qual
                break
        elided = obj is None and j < n and low[j] in g.elided
        found.append(TokenCount(a, i, j, b, value, qual, obj, inherited, m.weak, elided or inherited is not None))
        i = b
    cues = _cues(low, g)
    _assign_kinds(low, found, cues, g)
    found = _drop_breakdowns(found)
    kept = [f for f in found if not (f.weak and f.kind == "other") and (f.obj or f.kind != "other" or f.elided)]
    if g.state_predicates:
        kept = [f for f in kept if not (f.kind == "other" and f.b < n and low[f.b] in g.state_predicates)]
    if g.existential:
        # "Di dalamnya terdapat empat bidang": how many there are; "ada 106 yang dihentikan" counts an event
        kept = [f for f in kept if not (f.kind == "other" and f.a > 0 and low[f.a - 1] in g.existential
                                        and not (f.b < n and low[f.b] in g.elided))]
    if g.one_kinds is not None:
        # "Seorang tersangka ditahan": one person arrested is the event's recipient, not a number about it
        kept = [f for f in kept if not (f.value == 1 and f.qualifier == "exact" and f.kind not in g.one_kinds)]
    if g.single_kinds:
        kept = sorted([*kept, *_singles(words, low, kept, cues, g)], key=lambda f: f.a)
    return kept


_BREAKDOWN_GAP = 5


def _drop_breakdowns(found: list[TokenCount]) -> list[TokenCount]:
    """ "empat orang korban yang tewas, dua dari Swedia, satu orang Inggris dan satu orang Belgia": counts
    listed right after a total that add up to it break the total down; the total alone is the number about
    the event (the parts would count the same people twice)."""
    parts: set[int] = set()
    for k, total in enumerate(found):
        if total.weak or total.value < 2 or k in parts:
            continue
        acc, end, members = 0, total.b, []
        for m in range(k + 1, len(found)):
            f = found[m]
            if f.a - end > _BREAKDOWN_GAP or acc + f.value > total.value:
                break
            acc, end = acc + f.value, f.b
            members.append(m)
            if acc == total.value:
                if len(members) >= 2:
                    parts.update(members)
                break
    return [f for k, f in enumerate(found) if k not in parts]


def _is_name(w: str) -> bool:
    return bool(_ALPHA.fullmatch(w)) and w[0].isupper()


def _name_left(words: list[str], k: int) -> int | None:
    """Start of the proper name ending at ``words[k]`` ("Burhan Wani", "Kim Jong - nam"), or None."""
    if k < 0 or not (_is_name(words[k]) or (k >= 2 and words[k - 1] == "-" and _is_name(words[k - 2]))):
        return None
    i = k
    while i > 0 and (_is_name(words[i - 1]) or (words[i - 1] == "-" and i > 1 and _is_name(words[i - 2]))):
        i -= 1
    if i == 0 and i == k:
        return None  # one capitalised word opening the sentence may be a common noun ("Warga tewas")
    return i


def _name_right(words: list[str], k: int) -> int | None:
    """End (exclusive) of the proper name starting at ``words[k]``, or None."""
    if k >= len(words) or not _is_name(words[k]):
        return None
    j = k + 1
    while j < len(words) and (_is_name(words[j]) or (words[j] == "-" and j + 1 < len(words)
                                                     and _ALPHA.fullmatch(words[j + 1]))):
        j += 2 if words[j] == "-" else 1
    return j


def _singles(
    words: list[str], low: list[str], found: list[TokenCount], cues: list[tuple[int, int, Cue]], g: CountGrammar
) -> list[TokenCount]:
    """Counts of 1 for a lone person without a numeral (step 4 of the module docstring)."""
    out: list[TokenCount] = []
    for s, e, cue in cues:
        if cue.kind not in g.single_kinds or cue.direction == "object":
            continue
        lo, hi = max(0, s - g.single_window - 4), min(len(low), e + 4)
        if any(f.kind == cue.kind and lo <= f.n0 < hi for f in found):
            continue  # the cue has a count of its own ("seorang remaja tewas", "tewas 5 orang")
        span = None
        if cue.direction in ("after", "any"):
            span = _patient_before(words, low, s, g)
        if span is None and cue.direction in ("before", "any"):
            end = _name_right(words, e)
            if end is not None and not (end < len(low) and low[end] in g.coordination and _is_name(
                    words[end + 1] if end + 1 < len(words) else "")):
                span = (e, end)
        if span is None:
            continue
        a, b = span
        if any(w in g.single_plural or w in g.numbers.words or w[:1].isdigit() for w in low[a:b]
               if w not in g.single_age):
            continue
        out.append(TokenCount(a, a, b, b, 1, "exact", span, None, False, False, cue.kind))
    return out


def _patient_before(words: list[str], low: list[str], s: int, g: CountGrammar) -> tuple[int, int] | None:
    """The one-person phrase right before an intransitive or passive cue at ``s``, or None."""
    k = s - 1
    while k >= 0 and (low[k] in g.single_skip or low[k] == ","):
        k -= 1
    aged = False
    if k >= 2 and low[k] == ")" and low[k - 2] == "(" and low[k - 1].isdigit():
        k, aged = k - 3, True  # "Burhan Wani (22)"
    start = _name_left(words, k)
    if start is not None:
        prev, prev2 = (low[start - 1] if start > 0 else ""), (words[start - 2] if start > 1 else "")
        if prev in g.coordination and (prev != "," or _is_name(prev2) or prev2 == ")"):
            return None  # "Ali dan Budi tewas", "Ali (30), Budi (25), tewas": a list of people
        return (start, k + 1)
    # a noun phrase with one age: "Pengunjuk rasa lain berusia 20 tahunan", "pria (30)"
    i = k
    if not aged:
        while i >= 0 and k - i < g.single_window:
            if low[i] in g.single_age:
                aged = True
                break
            if not (_ALPHA.fullmatch(words[i]) or words[i][:1].isdigit()):
                return None
            i -= 1
        if not aged:
            return None
    else:
        i += 1
    while i > 0 and low[i - 1] in g.single_skip:
        i -= 1  # "sepupunya yang berusia 15": the relative pronoun before the age
    a = i
    while (a > 0 and _ALPHA.fullmatch(words[a - 1]) and i - a <= g.max_words
           and (low[a - 1] not in g.stop or low[a - 1] in g.single_modifiers)):
        a -= 1
    if a == i:
        return None
    return (a, i)


def _assign_kinds(low: list[str], found: list[TokenCount], cues: list[tuple[int, int, Cue]], g: CountGrammar) -> None:
    for k, f in enumerate(found):
        prev = found[k - 1] if k else None
        if prev is not None and prev.b < f.a and all(t in g.coordination for t in low[prev.b : f.a]):
            f.group = prev.group
        else:
            f.group = k
    blockers = [f for f in found if not f.weak]
    for f in found:
        best: tuple[int, int, str] | None = None  # (distance, preference, kind)
        fallback = None
        for s, e, cue in cues:
            if cue.direction == "object":
                if f.obj and f.obj[0] <= s and e <= f.obj[1]:
                    fallback = cue.kind
                continue
            if s >= f.b and cue.direction in ("after", "any"):
                dist, lo, hi, pref = s - f.b, f.b, s, 1
                if dist > g.window_after:
                    continue
            elif e <= f.a and cue.direction in ("before", "any"):
                dist, lo, hi = f.a - e, e, f.a
                pref = 0 if cue.direction == "before" else 2
                if dist > g.window_before:
                    continue
            else:
                continue
            if ";" in low[lo:hi] or any(o is not f and o.group != f.group and lo <= o.n0 < hi for o in blockers):
                continue
            if g.boundaries and g.boundaries.intersection(low[lo:hi]):
                continue  # "one was killed, while two others were wounded": a clause boundary between them
            if best is None or (dist, pref) < best[:2]:
                best = (dist, pref, cue.kind)
        f.kind = best[2] if best else fallback or "other"
        if f.obj and low[f.obj[1] - 1] in g.occurrences:
            f.kind = "other"  # "killed in two attacks": the acts are counted, nobody in them


def _sentence_tokens(doc: Document, start: int, end: int, starts: list[int]) -> list[Token]:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    return list(doc.tokens[lo:hi])


def _bounds(doc: Document) -> list[tuple[int, int, bool]]:
    """Sentence bounds, re-joining a sentence split inside a number ("92." | "816 narapidana").

    A splitter that treats the thousands separator as a full stop would cut the number in two; the
    pieces are glued back (``True`` marks bounds whose tokens must be recomputed).
    """
    if not doc.sentences:
        return [(0, len(doc.text), True)]
    text = doc.text
    out: list[tuple[int, int, bool]] = []
    for sent in doc.sentences:
        if (
            out
            and sent.start == out[-1][1]
            and sent.start >= 2
            and text[sent.start - 1] in ".,"
            and text[sent.start - 2].isdigit()
            and text[sent.start : sent.start + 1].isdigit()
        ):
            out[-1] = (out[-1][0], sent.end, True)
        else:
            out.append((sent.start, sent.end, False))
    return out


def find_counts(doc: Document, pack: LanguagePack | None) -> tuple[Count, ...]:
    """The count layer of ``doc`` read with ``pack`` (empty when the pack has no count data)."""
    if pack is None or not pack.has("count_kinds.tsv"):
        return ()
    g = count_grammar(pack)
    date_spans = [(m.start, m.end) for m in doc.dates]
    if not doc.dates and pack.has("date_words.toml"):
        date_spans = [(m.start, m.end) for m in find_dates(doc.text, doc.published, date_grammar(pack))]
    starts = [t.start for t in doc.tokens]
    out: list[Count] = []
    for s_start, s_end, rejoined in _bounds(doc):
        if rejoined or not doc.tokens:
            toks = tokenize(doc.text, s_start, s_end)
        else:
            toks = _sentence_tokens(doc, s_start, s_end, starts)
        if not toks:
            continue
        words = [doc.text[t.start : t.end] for t in toks]
        # only the dates reaching into this sentence's tokens can block one (same set, not every date each time)
        first = min(t.start for t in toks)
        near = [(s, e) for s, e in date_spans if s < s_end and e > first]
        blocked = {k for k, t in enumerate(toks) if any(t.start < e and s < t.end for s, e in near)} if near else set()
        for f in counts_in_tokens(words, g, blocked):
            noun = f.obj or f.inherited
            obj = " ".join(words[noun[0] : noun[1]]) if noun else None
            out.append(
                Count(
                    start=toks[f.a].start,
                    end=toks[f.b - 1].end,
                    kind=f.kind,  # type: ignore[arg-type]
                    value=f.value,
                    qualifier=f.qualifier,  # type: ignore[arg-type]
                    object=obj,
                )
            )
    return tuple(out)


@registry.stage("extract.counts", version=1, requires=("sentences", "tokens"), provides=("counts",))
def make_stage(ctx: StageContext) -> StageFn:
    """Counts with kind, qualifier and counted noun (pack data: count_kinds.tsv, count_qualifiers.tsv)."""

    def run(doc: Document) -> Document:
        return doc.with_layers(counts=find_counts(doc, ctx.packs.get(doc.lang)))

    return run
