"""How a sentence frames an act: the topic or court case it is about, the writer telling it, a year
modifying it. Questions the event extractor asks of a trigger's sentence (``extract.events``), kept apart
because each reads only the sentence view and the pack's settings.
"""

from __future__ import annotations

from ..model import DateValue, Span
from .clauses import verbish
from .resources import Resources, SentView
from .triggers import Candidate

__all__ = ["first_person_at", "narrated", "proceeding_topic", "topic_time", "year_before"]


def topic_time(sv: SentView, res: Resources, c: Candidate, value: DateValue, span: Span | None) -> bool:
    """A month, year or long stretch told after the trigger and after a word that opens the event's topic
    or reason ("demonstrated demanding a wage revision from January 2014", "protested over unpaid wages
    since October 2014", "arrested for a murder in 2013") dates the topic, not the event (``[dates]
    topic_markers``); a calendar day there ("protested against the ban on Monday") still dates the event."""
    markers = set(res.setting("dates", "topic_markers", default=[]))
    if not markers or span is None or (value.precision == "day" and (value.last - value.first).days <= 7):
        return False
    if not sv.start <= span.start < sv.end:
        return False
    k = sv.token_at(span.start)
    return k >= c.end and any(sv.words[j] in markers or sv.has_role(j, "topic_prep") for j in range(c.end, k))


def proceeding_topic(sv: SentView, res: Resources, c: Candidate, lo: int) -> bool:
    """ "sidang kasus pemerkosaan dan pembunuhan Yuyun di PN Rejanglebong, Kamis (29/9)", "at the trial
    over the killing": an act named as what a court proceeding (``[dates] proceedings``, a few words
    before it, no verb between) is about; the day and place of the sentence are the proceeding's."""
    nouns = res.setting("dates", "proceedings", default=[])
    if not nouns:
        return False
    for j in range(c.start - 1, max(lo, c.start - 5) - 1, -1):
        if sv.words[j] in nouns:
            return True
        if verbish(sv, j) or sv.words[j] in (",", ";"):
            return False
    return False


def narrated(sv: SentView, start: int) -> bool:
    """A first-person pronoun is the subject right before the verb ("I met", "we had visited")."""
    k = start - 1
    while k >= 0 and sv.has_role(k, "aux", "passive_aux", "adverb"):
        k -= 1
    return k >= 0 and first_person_at(sv, k)


def first_person_at(sv: SentView, k: int) -> bool:
    """A first-person pronoun, not an acronym spelled like one ("a US air strike")."""
    raw = sv.raw[k]
    return sv.words[k] in sv.syntax.first_person and not (len(raw) > 1 and raw.isupper())


def year_before(sv: SentView, start: int) -> bool:
    """ "the 2010 suicide bombing": a year among the modifiers of an event noun dates it."""
    k = start - 1
    while k >= 0 and (sv.has_role(k, "np_skip", "quant") or sv.words[k].isdigit()):
        w = sv.words[k]
        if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
            return True
        k -= 1
    return False
