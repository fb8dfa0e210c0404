"""Claims: which quoted or reported speaker asserts an event (``source``, ``quote_id``).

Why: the GUIDELINE separates what the article narrates (source null) from what it reports someone as
saying. An event whose trigger lies inside a quote's content (direct or indirect, from the quotes
stage) is that speaker's claim. When the quotes layer is empty (the stage is absent or found nothing),
a small fallback here finds the common patterns so that claims are still linked: “...,” kata X /
X mengatakan(,) (bahwa) ... / menurut X, ... / ..., kata X. The cue words are the pack's
(``events.toml`` ``[claims]``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Document, Quote, Span
from .resources import Resources, SentView

__all__ = ["fallback_quotes", "quote_for", "source_name"]

_DIRECT = re.compile(r"[“\"]([^“”\"\n]{3,}?)[”\"]")


@dataclass(frozen=True)
class _Cues:
    after: re.Pattern[str] | None
    speech_prefixes: tuple[str, ...]
    according: frozenset[str]
    pronouns: frozenset[str]
    complementizers: frozenset[str]


def _cues(res: Resources) -> _Cues:
    found = res.settings.get("_claims_cues")
    if isinstance(found, _Cues):
        return found
    c = res.setting("claims", default={})
    words = "|".join(re.escape(w) for w in c.get("after_cues", []))
    clitic = "|".join(re.escape(w) for w in c.get("after_clitics", [])) or "(?!)"
    after = re.compile(rf"\s*,?\s*({words})({clitic})?\b\s*([^,.\n]*(?:,\s*[A-Z][^,.\n]*)?)") if words else None
    out = _Cues(after, tuple(c.get("speech_prefixes", [])), frozenset(c.get("according", [])),
                frozenset(c.get("pronouns", [])), frozenset(c.get("complementizers", [])))
    res.settings["_claims_cues"] = out
    return out


def quote_for(quotes: tuple[Quote, ...] | list[Quote], start: int, end: int) -> Quote | None:
    """The innermost quote whose content contains the character span ``[start, end)``."""
    best: Quote | None = None
    for q in quotes:
        inside = q.content.start <= start and end <= q.content.end
        if inside and (best is None or len(q.content) < len(best.content)):
            best = q
    return best


def source_name(q: Quote) -> str | None:
    """Who the article says asserts the content: the speaker, or the named outlet for an unnamed one."""
    speaker = q.speaker
    if speaker and speaker[:1].islower() and q.via:
        return q.via[0]
    return speaker


def _name_of(text: str) -> str:
    """The name in a speaker phrase: the part after the last comma ("juru bicara X, Mark Toner")."""
    part = text.rsplit(",", 1)[-1].strip()
    return part or text.strip()


def fallback_quotes(doc: Document, views: list[SentView],
                    person_before: Callable[[], dict[int, str]]) -> list[Quote]:
    """Direct and indirect quotes found with simple patterns (used only when doc.quotes is empty).

    ``person_before`` gives the map of a character offset to the last person named before it (for
    "ujarnya"); called only when a pattern needs it, as building it chunks every sentence of the document.
    """
    quotes: list[Quote] = []
    if not views:
        return quotes
    cues = _cues(views[0].res)
    text = doc.text
    for m in _DIRECT.finditer(text):
        content = Span(m.start(1), m.end(1) - (1 if m.group(1).endswith(",") else 0))
        tail = cues.after.match(text, m.end()) if cues.after is not None else None
        speaker = None
        if tail:
            who = tail.group(3).strip()
            if tail.group(2) or who.lower() in cues.pronouns or not who:
                speaker = _last_person(person_before(), m.start())
            else:
                speaker = _name_of(who)
        quotes.append(Quote(id=f"fq{len(quotes)}", content=content, direct=True, speaker=speaker,
                            cue=tail.group(1) if tail else None))
    direct_spans = [(q.content.start, q.content.end) for q in quotes]
    for sv in views:
        if sv.boilerplate or any(s <= sv.start < e for s, e in direct_spans):
            continue
        for k in range(len(sv)):
            if not sv.has_role(k, "speech") or not sv.words[k].startswith(cues.speech_prefixes):
                continue
            subj = [i for i in range(0, k) if sv.is_upper(i)]
            if not subj:
                continue
            j = k + 1
            while j < len(sv) and (sv.words[j] == "," or sv.words[j] in cues.complementizers):
                j += 1
            if j >= len(sv) - 1:
                continue
            s_start, _ = sv.char_span(0, k)
            speaker_text = text[s_start : sv.tokens[k].start].strip().rstrip(",")
            content = Span(sv.tokens[j].start, sv.tokens[-1].end)
            quotes.append(Quote(id=f"fq{len(quotes)}", content=content, direct=False,
                                speaker=_name_of(speaker_text) or None, cue=sv.words[k]))
            break
        if sv.words and sv.words[0] in cues.according and "," in sv.words:
            c = sv.words.index(",")
            if c + 1 < len(sv):
                who = text[sv.tokens[1].start : sv.tokens[c - 1].end] if c > 1 else ""
                if who.lower() in cues.pronouns or not who:
                    who = _last_person(person_before(), sv.start) or ""
                quotes.append(Quote(id=f"fq{len(quotes)}", content=Span(sv.tokens[c + 1].start, sv.end),
                                    direct=False, speaker=_name_of(who) or None, cue=sv.words[0]))
    return quotes


def _last_person(person_before: dict[int, str], offset: int) -> str | None:
    best = None
    for pos, name in person_before.items():
        if pos < offset and (best is None or pos > best[0]):
            best = (pos, name)
    return best[1] if best else None
