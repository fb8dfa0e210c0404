"""Combine trigger candidates of one sentence into event mentions.

Why: one event is often spelled by several trigger words ("serangan bom bunuh diri"), and some
predicates take another event as their content: "siap melanjutkan pembicaraan" is a promise (AGREE,
GUIDELINE decision 2), "meminta Khariq dibebaskan" one demand (REQUEST, mode yield), "mengancam akan
menyerang" one threat, and the demand voiced by a protest is the protest's topic, not a separate event
(PLOVER PROTEST). The word lists and mode tables are in ``events.toml``.
"""

from __future__ import annotations

from dataclasses import replace

from .clauses import clause_bounds
from .morphology import Template
from .resources import Resources, SentView
from .triggers import Candidate, first_content, opens_np

__all__ = ["cluster", "compose"]

# a composed promise reads like an active verb: its subject is the actor
_VERBAL = Template("verbal", "", "", frozenset({"active", "verbal"}))


def cluster(cands: list[Candidate]) -> list[Candidate]:
    """Merge adjacent candidates of the same type (gap of at most one modifier word)."""
    out: list[Candidate] = []
    for c in cands:
        if out:
            prev = out[-1]
            gap = c.start - prev.end
            sv = c.sv
            skippable = all(sv.has_role(k, "np_skip", "quant") for k in range(prev.end, c.start))
            if prev.type == c.type and gap <= 2 and skippable:
                merged_modes = prev.modes + [m for m in c.modes if m not in prev.modes]
                finite = c.template.has("verbal") and not c.passive and not c.template.has("gerund")
                if prev.nominal and not c.nominal and finite and c.end < len(sv) and opens_np(sv, c.end):
                    # "the clash killed two soldiers", "rioters attacked two men": the event noun is the
                    # verb's subject; the verb is the trigger and keeps its object
                    out[-1] = replace(c, modes=merged_modes, conf=max(prev.conf, c.conf),
                                      subject_trigger=(prev.start, prev.end))
                else:
                    out[-1] = replace(prev, end=c.end, modes=merged_modes, conf=max(prev.conf, c.conf))
                continue
        out.append(c)
    return out


def _willing_before(sv: SentView, c: Candidate, words: set[str], window: int) -> int | None:
    lo, _ = clause_bounds(sv, c.start, c.end)
    for k in range(c.start - 1, max(lo, c.start - window) - 1, -1):
        if sv.words[k] in words:
            return k
        if sv.words[k] in sv.syntax.relative_pronouns:
            return None  # "perlu melaksanakan putusan MK yang memerintahkan ...": the main clause's modal
    return None


def _before_in_clause(sv: SentView, c: Candidate, words: set[str], window: int) -> bool:
    return _willing_before(sv, c, words, window) is not None


def _content_of_charges(out: list[Candidate], dropped: set[int], claimed: float = 0.0) -> None:
    """Event nouns listed after a charge ("Tuduhan ... termasuk serangan, lemparan batu") are its content.

    A gerund with its own object ("accused the army of firing shells at the village") is the act the
    accuser reports: it stays an event, ``claimed`` lower in confidence (a claim, not the article's own
    report)."""
    for i, outer in enumerate(out):
        if outer.type != "ACCUSE" or not {"allege", "investigate"} & set(outer.modes) or id(outer) in dropped:
            continue
        reach = 15 if "allege" in outer.modes else 4  # what is investigated is its direct object
        for inner in out[i + 1 :]:
            if inner.start - outer.end > reach:
                break
            if inner.nominal and inner.type != "ACCUSE":
                if inner.template.has("gerund") and "allege" in outer.modes:
                    inner.conf += claimed
                else:
                    dropped.add(id(inner))


def _targets_of_attacks(sv: SentView, out: list[Candidate], dropped: set[int], types: set[str]) -> None:
    """ "ambushed a police patrol", "attacked a military convoy": an event noun of these types that is the
    object of a violent or coercive verb names its target (a unit on patrol), not an event of its own."""
    if not types:
        return
    for i, c in enumerate(out):
        if i == 0 or not c.nominal or c.type not in types:
            continue
        prev = out[i - 1]
        if prev.nominal or prev.type not in ("ASSAULT", "COERCE"):
            continue
        gap = range(prev.end, c.start)
        if len(gap) <= 4 and all(sv.has_role(k, "quant", "np_skip", "actor_head", "actor_mod") for k in gap):
            dropped.add(id(c))


def _instruments(sv: SentView, out: list[Candidate], dropped: set[int]) -> None:
    """ "mendukung dengan serangan udara dan dukungan di darat": nouns after "dengan" ("with") are the means."""
    for i, c in enumerate(out):
        if i == 0 or not c.nominal or id(c) in dropped:
            continue
        k = c.start - 1
        while k >= 0 and sv.has_role(k, "np_skip", "quant"):
            k -= 1
        prev = out[i - 1]
        if prev.nominal or not (k >= 0 and sv.words[k] in sv.syntax.instrument_preps and 0 <= k - prev.end <= 3
                                and id(prev) not in dropped):
            continue
        if k > 0 and sv.has_role(k - 1, "prep", "topic_prep"):
            continue  # "ditahan terkait dengan serangan": a compound preposition, not the means
        dropped.add(id(c))
        last = c
        for nxt in out[i + 1 :]:
            gap = range(last.end, nxt.start)
            if nxt.nominal and all(sv.words[g] in sv.syntax.list_words or sv.has_role(g, "np_skip") for g in gap):
                dropped.add(id(nxt))
                last = nxt
            else:
                break


def compose(cands: list[Candidate], res: Resources) -> tuple[list[Candidate], dict[int, str]]:
    """Apply willingness, complement absorption and protest topics.

    Returns the kept candidates and, by candidate id, a forced modality ("future" for a
    non-cooperative act announced with a willingness predicate).
    """
    if not cands:
        return cands, {}
    sv = cands[0].sv
    coop = set(res.setting("types", "cooperative", default=[])) | {"AGREE"}
    willing = set(res.setting("compose", "willing", default=[]))
    window = int(res.setting("compose", "window", default=5))
    forced: dict[int, str] = {}
    out: list[Candidate] = []
    perpetrated = set(res.setting("compose", "perpetrated", default=[]))
    for c in cands:
        k = _willing_before(sv, c, willing, window)
        if k is not None and sv.words[k] in perpetrated and c.nominal and k + 1 < len(sv) and sv.words[k + 1] != "to":
            k = None  # "committed sexual assault against a detainee": the act done, not a commitment
        if k is not None:
            if c.type in coop:
                c = replace(c, start=k, type="AGREE", modes=[], conf=max(c.conf, 0.7), frame="SYM",
                            template=_VERBAL)
            else:
                forced[id(c)] = "future"
        out.append(c)
    absorb = res.setting("compose", "absorb", default={})
    kept: list[Candidate] = []
    dropped: set[int] = set()
    for i, outer in enumerate(out):
        table = absorb.get(outer.type)
        if not table or id(outer) in dropped:
            continue
        for inner in out[i + 1 :]:
            if inner.start - outer.end > 10 or inner.type not in table:
                break
            if absorb.get(inner.type) and inner.type != outer.type:
                break
            if any(sv.words[k] in sv.syntax.subordinate for k in range(outer.end, inner.start)):
                break  # "Tuntutan itu disampaikan saat aksi di DPRD": the time clause is no complement
            dropped.add(id(inner))
            mode = table.get(inner.type, "")
            if mode and mode not in outer.modes:
                outer.modes.append(mode)
            if inner.type == "ASSAULT" and outer.type == "THREATEN" and "violence" not in outer.modes:
                outer.modes.append("violence")
            break
    _content_of_charges(out, dropped, float(res.setting("confidence", "claimed", default=0.0)))
    _targets_of_attacks(sv, out, dropped, set(res.setting("compose", "attack_objects", default=[])))
    _instruments(sv, out, dropped)
    deontic = set(res.setting("compose", "deontic", default=[]))
    for c in out:
        if id(c) not in dropped and id(c) not in forced and _before_in_clause(sv, c, deontic, 6):
            forced[id(c)] = "deontic"
    protest_absorbs = set(res.setting("protest", "absorbs", default=[]))
    has_protest = any(c.type == "PROTEST" and id(c) not in dropped for c in out)
    content = bool(res.setting("protest", "absorb_content", default=False))
    topic_until = -1
    for c in out:
        if id(c) in dropped:
            continue
        if has_protest and c.type in protest_absorbs:
            if content:  # "protesting/condemning the torching of a school": the torching is the topic
                topic_until = max(topic_until, clause_bounds(sv, c.start, c.end)[1])
            continue
        if c.nominal and c.start < topic_until and c.type != "PROTEST":
            continue
        if content and c.type == "PROTEST" and not c.nominal:  # "commemorated the bombing": its topic
            k = first_content(sv, c.end)
            topic_until = max(topic_until, k + 1) if k is not None else topic_until
        if content and c.type == "PROTEST":  # "a protest against the burning of a flag": the topic
            k = c.end
            while k < len(sv) and sv.has_role(k, "np_skip", "quant"):
                k += 1
            if k < len(sv) and sv.has_role(k, "target_prep", "topic_prep"):
                topic_until = max(topic_until, clause_bounds(sv, k, k + 1)[1])
        kept.append(c)
    return kept, forced
