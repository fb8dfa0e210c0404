"""Indirect speech: reported clauses found sentence by sentence through the attribution frames.

"X mengatakan (bahwa) CLAUSE", "X mengatakan, CLAUSE", "Menurut X, CLAUSE", "CLAUSE, kata X",
"CLAUSE, AFP melaporkan", "Dikatakannya, CLAUSE", "Begitu kata X." (the previous sentence), "X said
(that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", "..., saying CLAUSE". The reported clause is
the quote text. Sentences inside direct quotes are skipped (their speech belongs to the quoted speaker).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .quotes_frames import (
    END_PUNCT,
    QUOTE_MARKS,
    Attribution,
    Candidate,
    cue_of,
    left_subject,
    nya_mention,
    parse_tail,
    post_attribution,
    right_phrase,
    skip_addressee,
    valid_speaker,
    verb_at,
)
from .quotes_lexicon import QuoteLexicon
from .speakers import Mention, capitalised, longest_at, parse_phrase, tokens_in

__all__ = ["find_indirect"]

Sentence = tuple[int, int, int]  # start, end, paragraph
_SPACE = re.compile(r"\s*")


def _body_end(text: str, s: int, e: int) -> int:
    """The sentence end without its final punctuation and closing marks."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in END_PUNCT + QUOTE_MARKS + ")"):
        if text[e - 1] == ")" and "(" in text[s : e - 1]:
            break
        e -= 1
    return e


def _skip_space(text: str, p: int, limit: int) -> int:
    m = _SPACE.match(text, p, limit)
    return m.end() if m else p


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:-–—" + QUOTE_MARKS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _titlecase(text: str, s: int, e: int) -> bool:
    """A headline written in title case ("Bellwether County Says Trump Should Win")."""
    words = [w for w in text[s:e].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _capital_ok(text: str, s: int, e: int, m: re.Match[str]) -> bool:
    """A capitalised cue inside a sentence is a cue only in a title-case headline."""
    return not m.group("verb")[0].isupper() or _titlecase(text, s, e)


def _adverbial(text: str, s: int, e: int, lex: QuoteLexicon) -> bool:
    """A short prepositional phrase ("in a statement", "on Tuesday") is circumstance, not content."""
    words = text[s:e].split()
    return len(words) <= 5 and words[0].lower() in lex.adverbial_openers


def _clause_start(text: str, s: int, pos: int) -> bool:
    """Whether ``pos`` opens a clause: sentence start, or right after a comma."""
    before = text[s:pos].rstrip()
    return not before or before.endswith(",") or before[-1] in QUOTE_MARKS


def find_indirect(
    text: str, sentences: list[Sentence], lex: QuoteLexicon, blocked: Callable[[int], bool], own: str | None
) -> list[Candidate]:
    """Indirect-speech candidates of every sentence, overlaps inside a sentence resolved."""
    out: list[Candidate] = []
    for idx, (s, e, _para) in enumerate(sentences):
        be = _body_end(text, s, e)
        if be - s < 8 or (not lex.any_re.search(text, s, e) and not lex.colon_frame):
            continue  # no reporting word at all: nothing to attribute (anaphoric frames need one too)
        cands = [
            *_prep(text, s, be, lex, blocked, own),
            *_post_frame(text, s, e, be, lex, blocked, own),
            *_postsubj(text, s, be, lex, blocked, own),
            *_pass(text, s, be, lex, blocked),
            *_subj(text, s, be, lex, blocked, own),
            *_part(text, s, be, lex, blocked),
        ]
        if lex.colon_frame:
            cands.extend(_colon(text, s, e, lex, blocked))
        cands.extend(_question(text, s, be, lex, blocked))
        prev = _previous(sentences, idx)
        if prev is not None:
            cands.extend(_anaphoric(text, s, be, prev, lex, blocked, own))
        cands.sort(key=lambda c: (c.rank, c.pos))
        kept: list[Candidate] = []
        for c in cands:
            if c.end - c.start < 3 or any(c.start < k.end and k.start < c.end and c.attribution and k.attribution
                                          and _cue_inside(c, k) for k in kept):
                continue
            kept.append(c)
        out.extend(kept)
    return out


def _cue_inside(c: Candidate, k: Candidate) -> bool:
    """Candidates overlap harmfully when one's cue lies in the other's content, or contents coincide."""
    assert c.attribution is not None and k.attribution is not None
    cs = c.attribution.cue_span
    inside = cs is not None and k.start <= cs[0] < k.end
    same = min(c.end, k.end) - max(c.start, k.start) > 0.5 * min(c.end - c.start, k.end - k.start)
    return inside or same


def _previous(sentences: list[Sentence], idx: int) -> tuple[int, int] | None:
    if idx == 0:
        return None
    s, e, _ = sentences[idx - 1]
    return s, e


def _content_with_via(text: str, s: int, e: int, lex: QuoteLexicon, own: str | None
                      ) -> tuple[int, int, tuple[str, ...]]:
    """Cut a trailing ", seperti dilansir Antara" / ", according to Reuters" off a content span."""
    toks = tokens_in(text, s, e)
    low = [t[2].lower() for t in toks]
    for i in range(len(toks) - 1, 0, -1):
        if toks[i - 1][2] == "," and longest_at(low, i, lex.quoted_from):
            via, _ = parse_tail(text, toks[i][0], e, lex, own)
            if via:
                return s, toks[i - 1][0], via
    return s, e, ()


def _prep(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool], own: str | None
          ) -> list[Candidate]:
    """"Menurut X, CLAUSE" / "CLAUSE, according to X." / "CLAUSE, menurut X, CLAUSE"."""
    out = []
    for m in lex.prep_re.finditer(text, s, be):
        if blocked(m.start()):
            continue
        verb = verb_at(lex, m)
        if verb is None or (m.group("verb")[0].isupper() and not _clause_start(text, s, m.start())):
            continue
        cue, cue_span = cue_of(m)
        if m.group("nya"):
            mention: Mention | None = nya_mention(m)
            tail = m.end()
        else:
            toks = tokens_in(text, m.end(), be)
            while toks and toks[0][2].lower() in lex.source_nouns:
                toks = toks[1:]
            if not toks:
                continue
            comma = next((i for i, t in enumerate(toks) if t[2] in ",;"), len(toks))
            if comma <= 25:  # the source runs to the next comma ("according to a new poll by ...,")
                ps, pe, tail = toks[0][0], toks[comma - 1][1] if comma else toks[0][1], (
                    toks[comma][0] if comma < len(toks) else be)
            else:
                ps, pe, tail = right_phrase(text, toks[0][0], be, lex)
            mention = parse_phrase(text, ps, pe, lex) if pe > ps else None
            if mention is None:
                continue
        rest = text[tail:be].lstrip()
        before = text[s : m.start()].rstrip()
        if not before or (_clause_start(text, s, m.start()) and _words(text, s, m.start()) <= 3):
            # "Menurut X, CLAUSE" (possibly after a connective: "Namun, menurut X, ...")
            cs, ce = _trim(text, text.index(",", tail) + 1 if rest.startswith(",") else tail, be)
        elif _words(text, s, m.start()) < 3:
            continue
        elif not rest or rest[1:].lstrip().split(" ", 1)[0].lower() in lex.coordinators:
            cs, ce = _trim(text, s, s + len(before))  # "CLAUSE, according to X." / "..., but ..."
        else:  # "Bangunan tua di Mosul, menurut IRC, rentan ambruk": the whole sentence
            cs, ce = _trim(text, s, be)
        cs, ce, via = _content_with_via(text, cs, ce, lex, own)
        if _words(text, cs, ce) >= 2:
            out.append(Candidate(cs, ce, False, Attribution("prep", cue, cue_span, mention, via), m.start(), 1))
    return out


def _post_frame(text: str, s: int, e: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool],
                own: str | None) -> list[Candidate]:
    out = []
    for m in lex.post_re.finditer(text, s, be):
        if blocked(m.start()):
            continue
        before = text[s : m.start()].rstrip()
        verb = verb_at(lex, m)
        if verb is None or not before.endswith(",") or (verb.nya == "req" and not m.group("nya")):
            continue
        if not _capital_ok(text, s, be, m):
            continue
        if "subj" in verb.frames:
            subject = left_subject(text, s, m.start(), lex)
            if subject is not None and valid_speaker(parse_phrase(text, *subject, lex), lex):
                continue  # "Trump’s campaign manager, Kellyanne Conway, said ...": a subject, not a post cue
        # the speaker phrase ends at the next comma when the attribution is parenthetical
        nxt = text.find(",", m.end(), be)
        attr = post_attribution(text, m, verb, nxt if nxt > 0 else e, lex, own)
        if attr.mention is None or (not valid_speaker(attr.mention, lex) and attr.mention.kind != "pronoun"):
            continue
        after = text[attr.mention.end : be].strip() if not m.group("nya") else text[m.end() : be].strip()
        nb = len(before[:-1].split())
        if after.startswith(",") and _words(text, text.index(",", attr.mention.end if not m.group("nya")
                                                               else m.end()), be) > 3:
            if nb <= 3:  # "Sebab, kata Yusril, CLAUSE"
                cs, ce = _trim(text, text.index(",", attr.mention.end if not m.group("nya") else m.end()) + 1, be)
            else:  # "Bangunan tua di Mosul, menurut IRC, rentan ambruk": the whole sentence
                cs, ce = _trim(text, s, be)
        else:
            cs, ce = _trim(text, s, s + len(before) - 1)
            if nb <= 1:
                continue
        if any(c in text[cs:ce] for c in "“”") and text[cs - 1 : cs] in QUOTE_MARKS:
            continue
        out.append(Candidate(cs, ce, False, attr, m.start(), 1))
    return out


def _postsubj(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool], own: str | None
              ) -> list[Candidate]:
    out = []
    for m in lex.postsubj_re.finditer(text, s, be):
        if blocked(m.start()) or not _capital_ok(text, s, be, m):
            continue
        verb = verb_at(lex, m)
        if verb is None:
            continue
        after = " ".join(skip_addressee(text[m.end() : be].split(), verb, lex))
        if after and not after.startswith(","):
            first = after.split()[0].lower()
            known = first in lex.stop or first in lex.told or first in lex.days
            if len(after.split()) > 8 or not known:
                continue
        before = text[s : m.start()]
        comma = before.rfind(",")
        if comma < 0 or len(before[comma + 1 :].split()) > 8 or len(before[:comma].split()) < 3:
            continue
        if after.startswith(","):
            subject = left_subject(text, s, m.start(), lex)
            if subject is not None and subject[0] < s + comma:
                continue  # "Juru bicara ..., Igor Konashenkov mengatakan, ...": an appositive subject
        ps, pe = _trim(text, s + comma + 1, m.start())
        words = text[ps:pe].split()
        while words and words[-1].lower() in lex.adverbs:
            pe = ps + text[ps:pe].rstrip().rfind(words.pop())
        mention = parse_phrase(text, ps, pe, lex)
        if mention is None or not valid_speaker(mention, lex) or (mention.kind == "desc" and not capitalised(text[ps])
                                                           and lex.lang == "id" and len(words) > 3):
            continue
        verb = verb_at(lex, m)
        if verb is None:
            continue
        cue, cue_span = cue_of(m)
        via, _ = parse_tail(text, m.end(), be, lex, own)
        cs, ce = _trim(text, s, s + comma)
        if any(c in text[cs:ce] for c in "“”") and text[cs - 1 : cs] in QUOTE_MARKS:
            continue
        out.append(Candidate(cs, ce, False, Attribution("postsubj", cue, cue_span, mention, via), ps, 1))
    return out


def _pass(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool]) -> list[Candidate]:
    out = []
    for m in lex.pass_re.finditer(text, s, be):
        if blocked(m.start()) or not _clause_start(text, s, m.start()):
            continue
        verb = verb_at(lex, m)
        if verb is None:
            continue
        cue, cue_span = cue_of(m)
        if m.group("nya"):
            mention: Mention | None = nya_mention(m)
            tail = m.end()
        else:
            p = _skip_space(text, m.end(), be)
            if text[p : p + 5].lower() == "oleh ":
                p += 5
            ps, pe, tail = right_phrase(text, p, be, lex)
            mention = parse_phrase(text, ps, pe, lex) if pe > ps else None
            if not valid_speaker(mention, lex):
                continue
        if not text[tail:be].lstrip().startswith(","):
            continue
        cs, ce = _trim(text, text.index(",", tail) + 1, be)
        if _words(text, cs, ce) >= 3:
            out.append(Candidate(cs, ce, False, Attribution("pass", cue, cue_span, mention), m.start(), 1))
    return out


def _content_after_verb(text: str, p: int, be: int, lex: QuoteLexicon, told: bool, kind: str = "") -> int | None:
    """Where the reported clause starts after a subject-frame verb (after "bahwa", a comma, an object)."""
    toks = tokens_in(text, p, min(be, p + 160))
    i = 0
    while i < len(toks) and toks[i][2].lower() in lex.adverbs:
        i += 1
    if i < len(toks) and toks[i][2] in ",:":
        i += 1
    elif told:
        k = i
        n = longest_at([t[2].lower() for t in toks], i, lex.channels)
        if n:
            k = i + n
        else:
            objects = {"him", "her", "them", "us", "me"}
            while k < len(toks) and k - i < 3 and (capitalised(toks[k][2]) or toks[k][2].lower() in objects):
                k += 1
        i = k
    for j in range(i, min(i + 10, len(toks))):
        w = toks[j][2]
        if w in QUOTE_MARKS or w in END_PUNCT or (w == "," and j > i):
            break  # "said the plan would fail, adding that ...": that "that" belongs to the next cue
        if w.lower() in lex.complementisers and (j == i or toks[j - 1][2] != ","):
            i = j + 1
            break
    if i >= len(toks) or toks[i][2] in END_PUNCT:
        return None
    first = toks[i][2].lower()
    if first in lex.not_content_start and not (first in lex.infinitive and kind in lex.infinitive_kinds):
        return None  # "vowed to block it" is content; "spoke to reporters" is not
    return toks[i][0]


def _cut_at_next_cue(text: str, cs: int, ce: int, lex: QuoteLexicon) -> int:
    """Where a reported clause ends because the next attribution starts.

    "X said A, adding that B" / "X criticized A and said B" / "X, citing A, said B": each verb has
    its own content (PolNeAR gives each its own attribution), so a clause stops before a participle cue
    after a comma, or a reporting verb coordinated with "and"/"but" or following a comma.
    """
    best = ce
    for m in lex.part_re.finditer(text, cs, ce):
        if text[cs : m.start()].rstrip().endswith(",") and m.start() > cs:
            best = min(best, text.rindex(",", cs, m.start()))
            break
    for m in lex.subj_re.finditer(text, cs, best):
        if not _capital_ok(text, cs, ce, m):
            continue
        before = text[cs : m.start()].rstrip()
        words = before.split()
        while words and lex.is_adverb(words[-1]):
            words.pop()
        if before.endswith(",") and len(words) >= 2:
            best = min(best, text.rindex(",", cs, m.start()))
            break
        if len(words) >= 3 and words[-1].lower() in lex.coordinators and not words[-2].endswith(","):
            best = min(best, cs + len(text[cs:m.start()].rstrip()) - len(words[-1]) - 1)
            break
        # "..., and I think ...": a coordinated clause with its own subject and reporting verb
        k = next((k for k in (1, 2, 3) if len(words) > k + 1 and words[-k - 1].lower() in lex.coordinators
                  and words[-k - 2].endswith(",")), 0)
        if k:
            best = min(best, text.rindex(",", cs, m.start() - sum(len(w) for w in words[-k - 1 :])))
            break
    return best


def _subj(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool], own: str | None
          ) -> list[Candidate]:
    out: list[Candidate] = []
    for m in lex.subj_re.finditer(text, s, be):
        if blocked(m.start()) or not _capital_ok(text, s, be, m):
            continue
        verb = verb_at(lex, m)
        if verb is None:
            continue
        before = text[max(s, m.start() - 12) : m.start()].lower().split()
        if before and before[-1] in {"was", "were", "been", "be", "is", "are", "being"}:
            continue
        span = left_subject(text, s, m.start(), lex)
        if span is None:
            continue
        mention = parse_phrase(text, span[0], span[1], lex)
        if not valid_speaker(mention, lex):
            continue
        cs0 = _content_after_verb(text, m.end(), be, lex, verb.cue in {"told", "tells", "telling"}, verb.kind)
        if cs0 is None:
            continue
        cs, ce = _trim(text, cs0, be)
        cs, ce = _trim(text, cs, _cut_at_next_cue(text, cs, ce, lex))
        cs, ce, via = _content_with_via(text, cs, ce, lex, own)
        # a stance has a name for its content ("endorsed Sanders"); a statement needs a clause
        one_name = verb.kind in lex.name_content_kinds and capitalised(text[cs:ce])
        if _words(text, cs, ce) < (1 if one_name else 2) or _adverbial(text, cs, ce, lex):
            continue
        cue, cue_span = cue_of(m)
        out.append(Candidate(cs, ce, False, Attribution("subj", cue, cue_span, mention, via), span[0], 3))
    return out


def _part(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool]) -> list[Candidate]:
    out = []
    for m in lex.part_re.finditer(text, s, be):
        if blocked(m.start()) or not text[s : m.start()].rstrip().endswith(","):
            continue
        verb = verb_at(lex, m)
        if verb is None:
            continue
        main = None  # the speaker of the main clause: "Anderson said, adding that ..."
        for vm in lex.subj_re.finditer(text, s, m.start()):
            main = vm
        if main is not None and (span := left_subject(text, s, main.start(), lex)) is not None:
            mention = parse_phrase(text, span[0], span[1], lex)
            cs0 = _content_after_verb(text, m.end(), be, lex, False, verb.kind)
            if mention is not None and valid_speaker(mention, lex) and cs0 is not None:
                cs, ce = _trim(text, cs0, be)
                cs, ce = _trim(text, cs, _cut_at_next_cue(text, cs, ce, lex))
                cue, cue_span = cue_of(m)
                if _words(text, cs, ce) >= 3:
                    out.append(Candidate(cs, ce, False, Attribution("part", cue, cue_span, mention), span[0], 2))
                continue
        toks = tokens_in(text, s, m.start())
        k = 0
        while k < len(toks) and toks[k][2] != "," and (
            capitalised(toks[k][2]) or toks[k][2][0].isdigit() or lex.is_pronoun(toks[k][2])
            or toks[k][2].lower() in {"the", "a", "an", "-", "’s", "'s"}
        ):
            k += 1
        if k == 0:
            continue
        mention = parse_phrase(text, toks[0][0], toks[k - 1][1], lex)
        cs0 = _content_after_verb(text, m.end(), be, lex, False, verb.kind)
        if mention is None or cs0 is None:
            continue
        cs, ce = _trim(text, cs0, be)
        cs, ce = _trim(text, cs, _cut_at_next_cue(text, cs, ce, lex))
        cue, cue_span = cue_of(m)
        if _words(text, cs, ce) >= 3:
            out.append(Candidate(cs, ce, False, Attribution("part", cue, cue_span, mention), toks[0][0], 2))
    return out


def _anaphoric(text: str, s: int, be: int, prev: tuple[int, int], lex: QuoteLexicon,
               blocked: Callable[[int], bool], own: str | None) -> list[Candidate]:
    """"Begitu kata X." / "Hal ini disampaikan oleh X.": the previous sentence is what X said."""
    if not lex.anaphor_lead or blocked(s):
        return []
    toks = tokens_in(text, s, be)
    low = [t[2].lower() for t in toks]
    n = longest_at(low, 0, lex.anaphor_lead)
    if not n or n + 1 >= len(toks):
        return []
    i = n
    while i < len(toks) and low[i] in lex.adverbs:
        i += 1
    if i >= len(toks):
        return []
    vw = low[i]
    verb = lex.verb(vw) or (lex.verb(vw[: -len(lex.enclitic)]) if lex.enclitic and vw.endswith(lex.enclitic)
                            else None)
    passive = verb is None and vw.startswith("di") and i + 1 < len(toks) and low[i + 1] == "oleh"
    if verb is None and not passive:
        return []
    cue = toks[i][2] if verb is None else toks[i][2][: len(verb.form)]
    cue_span = (toks[i][0], toks[i][0] + len(cue))
    j = i + 1
    if vw.endswith(lex.enclitic or "\0") and verb is not None and len(vw) > len(verb.form):
        mention: Mention | None = Mention(toks[i][0], toks[i][1], "pronoun", toks[i][2], toks[i][0], toks[i][1])
        tail = toks[i][1]
    else:
        while j < len(toks) and low[j] in {"oleh", "dari", "by", "from"}:
            j += 1
        if j >= len(toks):
            return []
        ps, pe, tail = right_phrase(text, toks[j][0], be, lex)
        mention = parse_phrase(text, ps, pe, lex) if pe > ps else None
        if not valid_speaker(mention, lex):
            return []
    via, _ = parse_tail(text, tail, be, lex, own)
    cs, ce = _trim(text, prev[0], prev[1])
    if blocked(cs) or _words(text, cs, ce) < 3:
        return []
    return [Candidate(cs, ce, False, Attribution("anaph", cue, cue_span, mention, via), toks[0][0], 1)]


def _colon(text: str, s: int, e: int, lex: QuoteLexicon, blocked: Callable[[int], bool]) -> list[Candidate]:
    """"Gingrich: Trump Must Decide ..." / "FALLIN: I think ...": a short name, a colon, the content."""
    colon = text.find(":", s, min(e, s + 80))
    if colon < 0 or blocked(s):
        return []
    toks = tokens_in(text, s, colon)
    if not toks or len(toks) > 7 or not capitalised(toks[0][2]):
        return []
    linkers = {"on", "from", "’s"}
    if not all(capitalised(t[2]) or t[2].lower() in lex.title_links or t[2] in "-’'." or t[2].lower() in linkers
               for t in toks):
        return []
    mention = parse_phrase(text, toks[0][0], toks[-1][1], lex)
    end = e
    while end < len(text) and text[end] != "\n":
        end += 1
    cs, ce = _trim(text, colon + 1, _body_end(text, colon + 1, end) if end > colon + 1 else e)
    if mention is None or _words(text, cs, ce) < 2:
        return []
    return [Candidate(cs, ce, False, Attribution("colon", ":", (colon, colon + 1), mention), toks[0][0], 2)]




def _question(text: str, s: int, be: int, lex: QuoteLexicon, blocked: Callable[[int], bool]) -> list[Candidate]:
    """"When asked whether X, he said ..." / "He was asked about X": the question put to someone.

    PolNeAR attributes the question itself (with no source); the cue words come from the pack's
    ``[question]`` section (``cues``, ``lead``: words that may precede the cue, ``words``: what opens
    the question).
    """
    out: list[Candidate] = []
    if not lex.question_cues:
        return out
    for m in lex.question_re.finditer(text, s, be):
        if blocked(m.start()):
            continue
        before = text[s : m.start()].split()
        if before and before[-1].lower() not in lex.question_lead and not text[s : m.start()].rstrip().endswith(","):
            continue
        toks = tokens_in(text, m.end(), be)
        if not toks or toks[0][2].lower() not in lex.question_words:
            continue
        stop = next((t[0] for t in toks[1:] if t[2] in ",;:" or t[2] in QUOTE_MARKS), be)
        cs, ce = _trim(text, toks[0][0], stop)
        if _words(text, cs, ce) >= 3:
            cue, cue_span = cue_of(m)
            out.append(Candidate(cs, ce, False, Attribution("question", cue, cue_span, None), m.start(), 2))
    return out
