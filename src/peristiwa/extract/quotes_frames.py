"""Attribution frames: where the cue, the speaker and the reported content sit relative to each other.

Why frames: whichever the language, news attributes speech in a handful of constructions (the frame
names match the ``frames`` column of ``reporting_verbs.tsv``):

- ``post``      "“...,” kata Boy."  "..., kata polisi."        cue, then speaker, after the content
- ``postsubj``  "“...,” Toner said."  "..., AFP melaporkan."   speaker, then cue, after the content
- ``subj``      "Boy menjelaskan, Nadir ..."  "He said that ..." speaker and cue before the content
- ``prep``      "Menurut Boy, ..."  "According to X, ..."
- ``pass``      "Dikatakannya, ..."  "Lebih lanjut, dipaparkan Gede, ..."
- ``anaph``     "Begitu kata X." / "Hal ini disampaikan oleh X." (the previous sentence is the content)
- ``part``      "..., saying ..." (the main clause's subject speaks)

Each finder returns :class:`Attribution` records with character spans; deciding who a speaker phrase
refers to is left to :mod:`peristiwa.extract.speakers`. Via chains ("seperti dikutip dari laman
Guardian", "kepada AFP", "mengutip pejabat militer Kremlin") are read from the words after the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes_lexicon import QuoteLexicon, Verb
from .speakers import Mention, capitalised, lex_marks, longest_at, parse_phrase, tokens_in

__all__ = [
    "END_PUNCT",
    "QUOTE_MARKS",
    "Attribution",
    "Candidate",
    "attribute_after",
    "attribute_before",
    "credit_outlets",
    "cue_of",
    "left_subject",
    "nya_mention",
    "parse_tail",
    "post_attribution",
    "right_phrase",
    "skip_addressee",
    "valid_speaker",
    "verb_at",
]

END_PUNCT = ".!?…;"
QUOTE_MARKS = "\"“”„«»"


@dataclass(frozen=True)
class Attribution:
    """Who said it and how: the cue, the speaker phrase (parsed), and intermediaries."""

    frame: str
    cue: str | None
    cue_span: tuple[int, int] | None
    mention: Mention | None
    via: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A quote before speaker resolution: content span, directness and attribution."""

    start: int
    end: int
    direct: bool
    attribution: Attribution | None
    pos: int
    rank: int = 1  # lower wins when candidates overlap


def verb_at(lex: QuoteLexicon, m: re.Match[str]) -> Verb | None:
    return lex.verb(m.group("verb"))


def cue_of(m: re.Match[str]) -> tuple[str, tuple[int, int]]:
    """The cue as written, without the enclitic ("Menurutnya" -> "Menurut")."""
    return m.group("verb"), (m.start("verb"), m.end("verb"))


def nya_mention(m: re.Match[str]) -> Mention:
    word = m.group(0)
    return Mention(m.start(), m.end(), "pronoun", word, m.start(), m.end())


def valid_speaker(mention: Mention | None, lex: QuoteLexicon) -> bool:
    """Whether a parsed phrase can be a speaker (a description needs a person-like word or a quantifier)."""
    if mention is None:
        return False
    if mention.kind != "desc":
        single = mention.name.lower()
        if single.split()[0] in lex.stop:
            return False  # "Without doubt, ...", "“proxies” continued to live": a function word opens no name
        return " " in single or not (single in lex.quantifiers or (single,) in lex.leading or lex.is_adverb(single))
    low = mention.name.lower().split()
    if len(low) > 12:
        return False
    if lex.head_first:  # the first word after quantifiers is the head ("pejabat militer Kremlin")
        i = 0
        while i < len(low) - 1 and (low[i] in lex.quantifiers or low[i].isdigit()):
            i += 1
        return bool(longest_at(low, i, lex.person_nouns) or longest_at(low, i, lex.roles)) or (
            i > 0 and low[0] in lex.quantifiers
        )
    head = low[:6]
    singular = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in head]  # "outlets", "aides"
    if any(longest_at(words, i, lex.person_nouns) or longest_at(words, i, lex.roles)
           for words in (head, singular) for i in range(len(words))):
        return True
    if not lex.head_first and any(w.isdigit() for w in low):
        return True  # "About 4 in 10 say ...", "43 percent said ..."
    return low[0] in lex.quantifiers and len(low) > 1


# -- phrases to the right of a cue ------------------------------------------------------------------------------


def right_phrase(text: str, pos: int, limit: int, lex: QuoteLexicon) -> tuple[int, int, int]:
    """Extent of a speaker phrase starting at ``pos``: ``(start, end, tail_start)``; empty when start == end.

    The phrase ends at punctuation, at a stop word ("saat", "kepada", "seperti"), at a demonstrative
    ("pengacara tersebut"), or at a lower-case word after a name; a comma is crossed only for an
    appositive name ("kantor berita Rusia, Ria Novosti", "juru bicara ..., Mark Toner").
    """
    toks = tokens_in(text, pos, limit)
    n = len(toks)
    i = 0
    end = pos
    have_cap = False
    while i < n and i < 16:
        w = toks[i][2]
        lw = w.lower()
        if w == "." and i > 0 and toks[i - 1][1] == toks[i][0] and (toks[i - 1][2].lower() + ".",) in lex.ranks:
            end, i = toks[i][1], i + 1  # "Mr. Schmidt", "Dr. Itzhak Gerberg"
            continue
        if w in END_PUNCT or w in ":" or w in QUOTE_MARKS:
            break
        if w == ",":
            k = i + 1
            while k < n and (capitalised(toks[k][2]) or toks[k][2] == "-" or toks[k][2].lower() in lex.name_particles):
                k += 1
            if k > i + 1 and _appositive(toks, i + 1, k, lex, bool(have_cap and _has_name(toks[:i], lex))):
                end, have_cap, i = toks[k - 1][1], True, k
                continue
            break
        if w == "(":
            if i + 2 < n and toks[i + 2][2] == ")" and toks[i + 1][2].isupper() and not toks[i + 1][2].isdigit():
                end, i = toks[i + 2][1], i + 3
                continue
            break
        if (lw in lex.coordinators and 0 < i < n - 1 and capitalised(toks[i + 1][2])
                and toks[i - 1][2].lower() in lex.portfolio and toks[i + 1][2].lower() in lex.portfolio):
            end, i = toks[i][1], i + 1  # "Deputi Penindakan dan Eksekusi KPK Asep": one office of two fields
            continue
        if i > 0 and lw in lex.stop:
            break
        if not capitalised(w):
            if have_cap and lw not in lex.name_particles and not (
                lw in lex.title_links and i + 1 < n and capitalised(toks[i + 1][2])
            ):
                break
            if not w[0].isalnum() and w != "-":
                break
        else:
            have_cap = True
        end = toks[i][1]
        i += 1
        if lw in lex.demonstratives and i > 1:
            break
    start = toks[0][0] if toks and end > pos else pos
    tail = toks[i][0] if i < n else limit
    return start, end, tail


def _has_name(toks: list[tuple[int, int, str]], lex: QuoteLexicon) -> bool:
    low = [t[2].lower() for t in toks]
    marks = lex_marks(low, lex)
    return any(capitalised(t[2]) and not m for t, m in zip(toks, marks, strict=True))


def _appositive(toks: list[tuple[int, int, str]], j: int, k: int, lex: QuoteLexicon, named: bool) -> bool:
    """Whether the capitalised run ``toks[j:k]`` after a comma is an appositive name to include."""
    first = toks[j][2].lower()
    if first in lex.days or first in lex.months:
        return False
    if not _has_name(toks[j:k], lex):
        return False
    if named and k - j < 2:
        return False
    nxt = toks[k][2] if k < len(toks) else ""
    return not nxt or nxt in END_PUNCT or nxt in ",)" or nxt.lower() in lex.stop


def parse_tail(text: str, start: int, end: int, lex: QuoteLexicon, own: str | None = None
               ) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """Intermediaries named after a speaker, nearest first, and the span of a cited source, if any.

    "seperti dikutip dari laman Guardian" and "kepada AFP" name outlets the article got the statement
    through; "kepada wartawan" is the speaker's own channel (no intermediary); "mengutip pejabat
    militer Kremlin" names the real speaker, returned as a span for the caller to parse.
    """
    toks = tokens_in(text, start, end)
    low = [t[2].lower() for t in toks]
    via: list[str] = []
    cited: tuple[int, int] | None = None
    i = 0
    while i < len(toks):
        n = longest_at(low, i, lex.quoted_from)
        told = not n and low[i] in lex.told
        if low[i] in lex.citing and cited is None:
            s, e, _ = right_phrase(text, toks[i][1], end, lex)
            if e > s:
                cited = (s, e)
            i += 1
            continue
        if n or told:
            j = i + (n or 1)
            p = longest_at(low, j, lex.outlet_prefixes) if j < len(toks) else 0
            while p:
                j += p
                p = longest_at(low, j, lex.outlet_prefixes) if j < len(toks) else 0
            if j < len(toks) and longest_at(low, j, lex.channels) == 0:
                outlet = _outlet_at(text, toks, j, end, lex, strict=told)
                if outlet and outlet != own and outlet not in via:
                    via.append(outlet)
            i = j
            continue
        i += 1
    return tuple(via), cited


def _outlet_at(text: str, toks: list[tuple[int, int, str]], j: int, end: int, lex: QuoteLexicon, strict: bool
               ) -> str | None:
    """The outlet named at ``toks[j]``: a known outlet within the next few words ("surat kabar Israel,
    Haaretz"), else (unless ``strict``) the capitalised name written there."""
    stop = min(end, toks[min(j + 6, len(toks) - 1)][1])
    dot = text.find(". ", toks[j][0], stop)
    m = lex.outlet_re.search(text, toks[j][0], dot if dot > 0 else stop)
    if m:
        return lex.outlet(m.group())
    if strict or not capitalised(toks[j][2]):
        return None
    k = j
    while k < len(toks) and (capitalised(toks[k][2]) or toks[k][2] in "-&"):
        k += 1
    return " ".join(t[2] for t in toks[j:k]) if k > j else None


def credit_outlets(text: str, paragraphs: list[tuple[int, int]], lex: QuoteLexicon) -> tuple[str, ...]:
    """Outlets credited at the end of the article, "(Antara/Reuters)", in the order written."""
    for ps, pe in reversed(paragraphs[-3:]):
        m = re.search(r"\(([^()]{2,80})\)\s*$", text[ps:pe])
        if not m:
            continue
        parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|\s-\s|\bdan\b|\band\b)\s*", m.group(1)) if p.strip()]
        outlets = [lex.outlet(p) for p in parts]
        if parts and all(outlets):
            return tuple(dict.fromkeys(o for o in outlets if o))
    return ()


# -- direct quotes ------------------------------------------------------------------------------------------------


def attribute_after(text: str, pos: int, limit: int, lex: QuoteLexicon, own: str | None) -> Attribution | None:
    """An attribution right after a closing quotation mark: "“...,” kata dia." / "“...,” Toner said."."""
    m = re.compile(r"[\s,]*").match(text, pos, limit)
    p = m.end() if m else pos
    pm = lex.post_re.match(text, p, limit)
    if pm and (verb := verb_at(lex, pm)) is not None and (pm.group("nya") or verb.nya != "req"):
        return post_attribution(text, pm, verb, limit, lex, own)
    # postsubj: a short speaker phrase, then the verb ("“...,” Boy menjelaskan.")
    for sm in lex.postsubj_re.finditer(text, p, min(limit, p + 90)):
        verb = verb_at(lex, sm)
        if verb is None or sm.start() == p:
            break
        between = text[p : sm.start()]
        words = between.split()
        while words and lex.is_adverb(words[-1]):
            words.pop()
        # periods of titles and initials ("Mr. Nadella", "J. Smith") do not end a sentence
        bare = " ".join(w for w in between.split() if not _abbreviation(w, lex))
        if any(c in bare for c in END_PUNCT + QUOTE_MARKS + ",") or not _short_np(words, lex):
            break
        after = skip_addressee(text[sm.end() : limit].split(), verb, lex)
        if after and (after[0].lower() in lex.complementisers or (
            len(after) > 8 and after[0][:1] not in ",;" and after[0].lower() not in lex.stop | lex.told
        )):
            break  # "... together.” He warns that Trump would ...": a new statement, not this quote's cue
        mention = parse_phrase(text, p, sm.start(), lex)
        if mention is None or not valid_speaker(mention, lex):
            break
        cue, cue_span = cue_of(sm)
        # "told Reuters": the verb itself introduces the addressee
        via, cited = parse_tail(text, sm.start() if verb.form in lex.told else sm.end(), limit, lex, own)
        return _with_cited(text, Attribution("postsubj", cue, cue_span, mention, via), cited, lex)
    return None


def _abbreviation(word: str, lex: QuoteLexicon) -> bool:
    """A title or an initial written with a period ("Mr.", "Sen.", "J.")."""
    w = word.lower()
    return w.endswith(".") and ((w,) in lex.ranks or (w,) in lex.roles or w in lex.title_abbreviations or (
        len(w) == 2 and w[0].isalpha()))


def skip_addressee(after: list[str], verb: Verb, lex: QuoteLexicon) -> list[str]:
    """The words after "told"'s addressee ("told The Daily Beast in an email" -> "in an email")."""
    if verb.form not in lex.told or not after:
        return after
    k = 0
    while k < min(len(after), 6) and (after[k][:1].isupper() or (k == 0 and after[k].lower() in lex.quantifiers)):
        k += 1
    n = longest_at([w.lower().strip(",.") for w in after], 0, lex.channels)
    k = max(k, n)
    if k and after[k - 1].endswith((",", ".")):
        return [after[k - 1][-1], *after[k:]]
    return after[k:]


def _short_np(words: list[str], lex: QuoteLexicon) -> bool:
    """A short noun phrase ("Boy", "the spokesman", "Juru bicara Polri Boy"), not a clause."""
    if not words or len(words) > 6:
        return False
    for w in words:
        lw = w.lower().strip(",")
        if w[:1].isupper() or lex.is_pronoun(w) or lw in lex.quantifiers or lw in lex.name_particles:
            continue
        if (lw,) in lex.person_nouns or (lw,) in lex.roles or lw in lex.title_links or lw in lex.demonstratives:
            continue
        if lw.endswith("s") and ((lw[:-1],) in lex.person_nouns or (lw[:-1],) in lex.roles):
            continue
        return False
    return True


def post_attribution(
    text: str, pm: re.Match[str], verb: Verb, limit: int, lex: QuoteLexicon, own: str | None
) -> Attribution:
    """The speaker phrase after a post-posed cue ("..., kata polisi") and the via chain after it."""
    cue, cue_span = cue_of(pm)
    if pm.group("nya"):
        via, cited = parse_tail(text, pm.end(), limit, lex, own)
        return _with_cited(text, Attribution("post", cue, cue_span, nya_mention(pm), via), cited, lex)
    s, e, tail = right_phrase(text, pm.end(), limit, lex)
    mention = parse_phrase(text, s, e, lex) if e > s else None
    if mention is not None and mention.kind != "pronoun" and text[s : e].split()[0].lower() in lex.stop:
        mention = None  # "“...” continued to live": a function word opens no speaker
    via, cited = parse_tail(text, tail, limit, lex, own)
    if verb.form in lex.told and mention is not None and mention.kind == "org" and lex.outlet(mention.name):
        # "“...,” told Reuters X": rare, but the outlet is then the addressee
        via = tuple(dict.fromkeys((lex.outlet(mention.name) or mention.name, *via)))
    return _with_cited(text, Attribution("post", cue, cue_span, mention, via), cited, lex)


def _with_cited(text: str, attr: Attribution, cited: tuple[int, int] | None, lex: QuoteLexicon) -> Attribution:
    """"X, mengutip Y": Y said it and X (an outlet) passed it on, so X heads the via chain."""
    if cited is None:
        return attr
    real = parse_phrase(text, cited[0], cited[1], lex)
    if real is None or not valid_speaker(real, lex):
        return attr
    first = attr.mention
    head: tuple[str, ...] = ()
    if first is not None:
        head = (lex.outlet(first.name) or first.name,) if first.kind in {"org", "person", "desc"} else ()
    via = tuple(dict.fromkeys((*head, *attr.via)))
    return Attribution(attr.frame, attr.cue, attr.cue_span, real, via)


def attribute_before(text: str, lo: int, pos: int, lex: QuoteLexicon) -> Attribution | None:
    """An attribution right before an opening mark: "Gingrich said, “...”" / "Ia menambahkan: “...”"."""
    seg = text[lo:pos].rstrip()
    if not seg or seg[-1] in END_PUNCT:
        return None  # "“A,” Clinton said. “B”": the attribution belongs to the quote before
    seg = seg.rstrip(",:").rstrip()
    if not seg:
        return None
    end = lo + len(seg)
    for regex in (lex.subj_re, lex.postsubj_re):
        best = None
        for vm in regex.finditer(text, lo, end):
            best = vm
        if best is None:
            continue
        rest = text[best.end() : end].split()
        if len(rest) > 3 or any(w.lower() in lex.complementisers for w in rest[:-1]):
            continue
        verb = verb_at(lex, best)
        if verb is None:
            continue
        subj = left_subject(text, lo, best.start(), lex)
        if subj is None:
            continue
        mention = parse_phrase(text, subj[0], subj[1], lex)
        if mention is None or not valid_speaker(mention, lex):
            continue
        cue, cue_span = cue_of(best)
        return Attribution("subj", cue, cue_span, mention, ())
    return None


# -- subjects to the left of a verb ---------------------------------------------------------------------------------


def left_subject(text: str, lo: int, verb_start: int, lex: QuoteLexicon) -> tuple[int, int] | None:
    """The speaker phrase ending right before a verb: the last clause chunk, with appositives.

    "Diwawancara terpisah sebelumnya, pemerhati terorisme ..., Muhammad Jibriel Abdul Rahman, juga
    mengatakan" gives "pemerhati terorisme ..., Muhammad Jibriel Abdul Rahman".
    """
    toks = tokens_in(text, lo, verb_start)
    while toks and (lex.is_adverb(toks[-1][2]) or toks[-1][2] == ","):
        toks = toks[:-1]
    if not toks or toks[-1][2] in END_PUNCT or toks[-1][2] in QUOTE_MARKS or toks[-1][2].endswith(("’s", "'s")):
        return None  # a possessive ("the UK’s claim") continues a noun phrase
    if toks[-1][2].lower() in {"yang", "who", "which"}:
        return _before_relative(toks[:-1])
    if toks[-1][2].lower() in lex.coordinators:
        return _clause_subject(text, toks[:-1], lex)
    if toks[-1][2].lower() in lex.not_subject_end:
        return None
    segs: list[list[tuple[int, int, str]]] = [[]]
    for t in toks:
        dash = t[2] in "-–—" and not (segs[-1] and segs[-1][-1][2].lower() in lex.name_particles)
        if t[2] in ",;:" + QUOTE_MARKS or dash:  # "Rimanews - Calon Gubernur ...": a dateline ends there
            segs.append([])
        else:
            segs[-1].append(t)
    segs = [s for s in segs if s]
    if not segs:
        return None
    if text[lo:verb_start].rstrip().endswith(","):
        # "The official, who spoke on condition of anonymity, said": skip the parenthetical
        while len(segs) > 1 and _parenthetical(segs[-1], lex):
            segs.pop()
    core = _after_clause_word(_after_verbal(segs.pop(), lex), lex)
    if not core:
        return None
    first = _kind(text, core, lex)
    while segs:
        prev = _after_verbal(segs[-1], lex)
        pk = _kind(text, prev, lex) if prev else None
        appositive = (first == "person" and pk is not None and pk != "pronoun" and _role_head(prev, lex)) or (
            first in {"role", "desc"} and pk == "person"
        )
        if not appositive:
            break
        core = prev + core
        segs.pop()
        first = "person"
    if core[0][2].lower() in lex.adverbial_openers or core[0][2].lower() in {"during", "after", "before", "since"}:
        # "at a briefing on Wednesday Trump said": the speaker is the name closing the adverbial
        k = len(core)
        while k > 0 and (capitalised(core[k - 1][2]) or core[k - 1][2].lower() in lex.name_particles):
            k -= 1
        if k == len(core) or k == 0:
            return None
        core = core[k:]
    if len(core) > 16:
        return None
    return core[0][0], core[-1][1]


def _parenthetical(seg: list[tuple[int, int, str]], lex: QuoteLexicon) -> bool:
    """A comma-enclosed insertion between a subject and its verb (relative clause, participle, adverbial)."""
    w = seg[0][2]
    low = w.lower()
    if low in lex.parenthetical_openers or (low in lex.adverbial_openers and len(seg) > 1):
        return True
    if len(seg) <= 3 and ((low,) in lex.leading or lex.is_adverb(w)):
        return True  # "The two lawmakers, however, argue ..."
    return w.islower() and bool(lex.participle_suffixes) and low.endswith(lex.participle_suffixes) and len(low) > 5


def _clause_subject(text: str, toks: list[tuple[int, int, str]], lex: QuoteLexicon) -> tuple[int, int] | None:
    """"Clinton celebrated ... and said ...": the subject of the first verb, at the clause start."""
    low = [t[2].lower() for t in toks]
    i = 0
    while i < len(toks):
        n = longest_at(low, i, lex.leading)
        if not n and toks[i][2] not in ",":
            break
        i += max(n, 1)
    k = i
    while k < len(toks) and toks[k][2] != "," and k - i < 8 and (k == i or lex.verb(toks[k][2]) is None):
        k += 1  # the subject ends before the first verb ("Clinton called on ... and said")
    if k == i:
        return None
    for end in range(k, i, -1):  # the longest valid phrase from the clause start
        m = parse_phrase(text, toks[i][0], toks[end - 1][1], lex)
        if m is not None and m.kind != "desc" and valid_speaker(m, lex) and (end - i <= 4 or m.kind == "person"):
            return m.start, m.end
    return None


def _kind(text: str, toks: list[tuple[int, int, str]], lex: QuoteLexicon) -> str | None:
    m = parse_phrase(text, toks[0][0], toks[-1][1], lex)
    return m.kind if m is not None else None


def _role_head(toks: list[tuple[int, int, str]], lex: QuoteLexicon) -> bool:
    low = [t[2].lower() for t in toks]
    d = 0
    while d < len(low) - 1 and low[d] in lex.quantifiers:
        d += 1
    return bool(longest_at(low, d, lex.roles) or longest_at(low, d, lex.person_nouns) or
                longest_at(low, d, lex.ranks))


def _after_verbal(seg: list[tuple[int, int, str]], lex: QuoteLexicon) -> list[tuple[int, int, str]]:
    """Drop a leading clause from a chunk: the subject starts after its last verb-like word."""
    if not lex.verbal_prefixes:
        return seg
    low = [t[2].lower() for t in seg]
    rel = next((i for i, w in enumerate(low) if w in {"yang"}), len(low))
    cut = 0
    for i in range(rel):
        w = low[i]
        if (
            len(w) >= 6 and not capitalised(seg[i][2]) and w.startswith(lex.verbal_prefixes)
            and not longest_at(low, i, lex.person_nouns) and not longest_at(low, i, lex.roles)
            and w not in lex.adverbs and not lex.is_pronoun(w)
        ):
            cut = i + 1
    return seg[cut:]


def _after_clause_word(seg: list[tuple[int, int, str]], lex: QuoteLexicon) -> list[tuple[int, int, str]]:
    """"... regarding her links while Sanders suggests": the subject starts after the last conjunction."""
    for i in range(len(seg) - 1, 0, -1):
        w = seg[i][2]
        if w.islower() and (w,) in lex.leading and i + 1 < len(seg):
            return seg[i + 1 :]
    return seg


def _before_relative(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """"ada kesaksian yang menyebut": the speaker is the noun phrase before "yang"."""
    while toks and toks[-1][2] == ",":  # "the commissioner, who conceded that ..."
        toks = toks[:-1]
    if not toks or toks[-1][2] in END_PUNCT or toks[-1][2] in QUOTE_MARKS:
        return None
    k = len(toks)
    if capitalised(toks[-1][2]):
        while k > 0 and capitalised(toks[k - 1][2]):
            k -= 1
    else:
        k -= 1
    return toks[k][0], toks[-1][1]
