"""Actors and recipients from Indonesian clause structure.

Why rules over the clause and not a parser: no Indonesian dependency parser runs offline here, and the
constructions that carry event participants in news are few and regular (Sneddon et al. 2010):

- active ``X menyerang Y``: subject = agent, object = patient;
- passive ``Y diserang (oleh) X`` / ``Y ditahan penyidik``: subject = patient, the noun phrase after the
  verb (or after *oleh*) = agent;
- event nouns: ``serangan X terhadap Y`` and ``serangan udara Rusia`` (the possessor of an -an noun is the
  agent), ``penangkapan Y oleh X`` (the possessor of a peN-an noun of a transitive verb is the patient),
  ``serangan yang dilakukan (oleh) X``, ``bantuan dari X``;
- support verbs: ``X melancarkan serangan`` (X agent), ``Y mendapat bantuan dari X`` (Y recipient);
- relative clauses: ``tentara Suriah yang mendapat bantuan`` (the antecedent is the subject);
- symmetric events: ``bentrokan antara X dan Y``, ``X dan Y melakukan pertemuan`` (all actors);
- coordination ``ISIS, al-Nusra dan Jaish al-Yarmouk`` (three actors) and ``militan dari X`` (X).

Noun phrases come from :mod:`.chunks`; the words both modules read are data (``argument_cues.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chunks import NP, companions, coordinated, ends_fronted_clause
from .clauses import clause_bounds, verbish
from .resources import SentView
from .sides import adjacent, amid, between, holder, reduced_relative, visited
from .triggers import Candidate

__all__ = ["Roles", "assign_roles", "clause_bounds"]

# event types whose recipients may be told as the ones killed or hurt in them ("tewas dalam serangan X")
_HARMED = frozenset({"ASSAULT"})
# event types for which "ke X" (towards X) names the affected party rather than a destination
_DIRECTED = frozenset({"ASSAULT", "THREATEN", "CONSULT", "REQUEST", "ACCUSE", "PROTEST"})
#: acts that may be the manner of another ("dengan ancaman", "dengan kekerasan"): they share its participants
_FORCE = frozenset({"ASSAULT", "THREATEN", "COERCE"})
#: acts done to an act (investigating, condemning it): its two sides, "antara X dan Y", are the recipients
_PROBED = frozenset({"ACCUSE"})
#: acts of giving: in a purpose clause after a visit, they go to those visited
_GIVEN = frozenset({"AID"})


@dataclass
class Roles:
    """Participants found for one trigger (noun phrases of its sentence)."""

    actors: list[NP] = field(default_factory=list)
    recipients: list[NP] = field(default_factory=list)
    subject_is: str = ""  # actor | recipient | "" (what the clause subject was read as)



def _subject(sv: SentView, nps: list[NP], lo: int, trig: int, *, share: bool = True) -> list[NP]:
    rel = [k for k in range(lo, trig) if sv.has_role(k, "relative")]
    if rel and any(sv.words[j] == "," and sv.has_role(j + 1, "coord", "clause_coord") for j in range(rel[-1], trig)):
        rel = []  # "X memerintahkan ... Idul Adha, yang ditetapkan ..., dan melarang": the relative clause closed
    if rel:
        k = rel[-1]
        inside = [np for np in nps if k < np.start < trig and not np.pp]
        if not inside:
            before = [np for np in nps if np.end in (k, k - 1) and np.start >= lo]
            if before:
                return _coordinated_back(sv, nps, before[-1], lo)
            if k > lo and sv.words[k - 1] in sv.syntax.generic_antecedents:
                return []  # "among those who were fighting": the relative's subject is no one named
    if share and lo > 0 and trig >= 2 and sv.has_role(trig - 1, "coord") and sv.words[trig - 2] == ",":
        # "X memerintahkan ... saat Idul Adha, yang ..., dan melarang Y": a verb right after ", dan" in a
        # subordinate clause shares the main clause's subject
        main = _main_subject(sv, nps, trig)
        if main:
            return main
    own = (_coordinated_clause_subject(sv, nps, lo, trig) or _raised_subject(sv, nps, lo, trig)
           or _thanked_subject(sv, nps, lo, trig))
    if own:
        return own
    skip_places = sv.syntax.skip_place_subjects
    if skip_places:  # SVO: the subject stands before the clause's first verb ("X killed A and wounded B")
        trig = next((t for t in sv.cache.get("trigger_starts", ()) if lo <= t < trig), trig)
    possessor: list[NP] = []
    for np in nps:
        if skip_places and ((np.place and not _right_before(sv, np, trig)) or np.aside or (
                np.end - np.start > 1 and sv.is_upper(np.end - 2) and sv.has_class(np.end - 1, "place_noun")
                and not sv.in_name(np.end - 1))):
            continue  # "in Kamaing town, Mae Thu village tract (Kachin State), the military fired": no subject
            # (a place right before the verb is one: "Moscow denied", the capital for its government)
        # "after Kurdish forces pulled out": a subordinator that is also a preposition opens a clause
        opener = (sv.syntax.head_final and np.pp is not None and np.start == lo and lo > 0
                  and sv.has_role(lo - 1, "clause_break"))
        if lo <= np.start < trig and (not np.pp or opener) and np.end <= trig:
            found = _expand_all(sv, nps, np)
            if np.possessive and found == [np] and sv.syntax.possessive_endings:
                # "the infant's death and the UK has been urged": a possessor is the subject only when no
                # other phrase is ("Begum's passport was revoked": she undergoes it)
                possessor = possessor or found
                continue
            last = found[-1]
            # "Satpolairud bersama Pos TNI AL melaksanakan apel": the companion acts too
            if last.end < trig:
                found += [x for x in companions(sv, nps, last) if x.end <= trig]
            return found
    return possessor




def _right_before(sv: SentView, np: NP, trig: int) -> bool:
    """Only adverbs and auxiliaries stand between ``np`` and the verb at ``trig`` ("Moscow (has) denied")."""
    return all(sv.has_role(k, "adverb", "aux", "passive_aux") for k in range(np.end, trig))


def _coordinated_clause_subject(sv: SentView, nps: list[NP], lo: int, trig: int) -> list[NP]:
    """ "pos polisi dibakar, fasilitas publik dirusak, dan ratusan orang ditangkap", "Warga membakar ban, lalu
    polisi menangkap ...": in a series of clauses each verb has its own subject, the phrase right before it
    after a comma or coordinator that closes an earlier clause (one with a verb; "Polisi, TNI dan warga
    melakukan ..." is a list). Empty when the phrase before the trigger is not such a clause subject."""
    english = sv.syntax.head_final
    aux = trig - 1 >= lo and sv.has_role(trig - 1, "aux", "passive_aux")
    past_endings = sv.syntax.past_endings
    past = (bool(past_endings) and trig < len(sv) and trig in sv.cache.get("trigger_starts", ())
            and sv.words[trig].endswith(past_endings)
            and not sv.has_role(trig, "harm_predicate"))  # "... and four others injured": one toll
    if english and not (aux or past):
        return []  # English: only a finite clause of its own ("... died and 8 others were injured")
    last = _phrase_before(sv, nps, lo, trig, ("aux", "passive_aux"))  # "... and 8 others were injured"
    if last is None:
        return []
    j = last.start - 1
    while j > lo and sv.has_role(j, "aux") and not sv.has_role(j, "coord", "clause_coord"):
        j -= 1  # ", lalu polisi menangkap"
    if sv.has_role(j, "coord", "clause_coord") and j - 1 >= lo and sv.words[j - 1] == ",":
        j -= 1
    if not (sv.words[j] == "," or sv.has_role(j, "coord", "clause_coord")) or j - 1 < lo:
        return []
    triggers = sv.cache.get("trigger_starts", ())
    # the comma closes a clause, not a list; "died" (a harm predicate) is a verb too. English has no verb
    # morphology to read ("one civil servant and ..." is a list): only a trigger or harm predicate counts,
    # or, for a past-tense verb with no auxiliary ("Syria objected ... and Russia urged restraint"), a
    # past tense right after an earlier phrase (its subject)
    ends = {np.end for np in nps} if english else set()
    if any((not english and verbish(sv, x)) or (x in triggers and (aux or not english))
           or sv.has_role(x, "harm_predicate") or (bool(past_endings) and sv.words[x].endswith(past_endings) and (
               x in ends or (x - 1 in ends and sv.has_role(x - 1, "aux"))))  # "Syria (has) objected"
           for x in range(lo, j)):
        return last.expand()
    return []


def _phrase_before(sv: SentView, nps: list[NP], lo: int, trig: int, skip: tuple[str, ...], *,
                   pronoun: bool = True) -> NP | None:
    """The plain (not prepositional) phrase ending right before the trigger, past auxiliaries with a role in
    ``skip``, and starting after ``lo``: the candidate subject of a second clause or verb (a pronoun only
    where ``pronoun``)."""
    k = trig - 1
    while k >= lo and sv.has_role(k, *skip):
        k -= 1
    return next((np for np in nps if np.end == k + 1 and np.start > lo and not np.pp
                 and (pronoun or np.kind != "pronoun")), None)


def _raised_subject(sv: SentView, nps: list[NP], lo: int, trig: int) -> list[NP]:
    """ "kami mengapresiasi Bareskrim menetapkan Lisa", "Polisi menangkap pelaku membawa senjata": in a
    head-first language the participant right before a second verb of the clause, the first verb's object,
    is the second verb's subject (object control). Only where a verb stands before that phrase."""
    if sv.syntax.head_final:
        return []
    last = _phrase_before(sv, nps, lo, trig, ("aux",), pronoun=False)
    if last is None:
        return []
    triggers = sv.cache.get("trigger_starts", ())
    before = range(lo, last.start)
    if any(sv.words[x] in (",", ";") or sv.has_role(x, "relative", "speech") for x in before):
        return []
    if last.start - 1 >= lo and (verbish(sv, last.start - 1) or last.start - 1 in triggers):
        return last.expand()
    return []


def _thanked_subject(sv: SentView, nps: list[NP], lo: int, trig: int) -> list[NP]:
    """ "mengucapkan terima kasih kepada jajaran Kejagung telah bekerja keras mengusut kasus ini": the party
    thanked (word class ``gratitude`` before its target preposition) did what it is thanked for, the verb
    a few plain words after it."""
    for np in nps:
        if np.pp != "target_prep" or np.start < lo or np.end >= trig or trig - np.end > 4:
            continue
        gap = range(np.end, trig)
        if all(sv.raw[k].isalpha() and sv.raw[k].islower() and not any(x.start == k for x in nps) for k in gap) \
                and sv.class_within(max(lo, np.start - 4), np.start, "gratitude"):
            return np.expand()
    return []


def _coordinated_back(sv: SentView, nps: list[NP], last: NP, lo: int) -> list[NP]:
    """ "pihak kampus dan keluarga yang meminta ...": the antecedent of a relative clause with the phrases
    coordinated before it (a list ``X, Y dan Z`` read from its last item)."""
    by_end = {np.end: np for np in nps if np.start >= lo and not np.pp}
    items = [last]
    k = last.start
    if k >= 2 and sv.has_role(k - 1, "coord") and (k - 1) in by_end:
        items.insert(0, by_end[k - 1])
        k = items[0].start
        while k >= 2 and sv.words[k - 1] == "," and (k - 1) in by_end:
            items.insert(0, by_end[k - 1])
            k = items[0].start
    return [m for item in items for m in item.expand()]


def _main_subject(sv: SentView, nps: list[NP], before: int) -> list[NP]:
    """The subject of the sentence's main clause (fronted adverbials skipped), before token ``before``."""
    lo = 0
    while lo < before:
        a, b = clause_bounds(sv, lo, lo + 1)
        if b < before and b < len(sv) and sv.words[b] == "," and ends_fronted_clause(sv, b):
            lo = b + 1
            continue
        return _subject(sv, nps, a, min(b, before), share=False)
    return []


def _expand_all(sv: SentView, nps: list[NP], np: NP) -> list[NP]:
    if np.possessive:  # "with Russia's president, Vladimir Putin", "by Myanmar's border force": the one possessed
        np = next((x for x in nps if x.start == np.end and not x.place and x.label not in ("GPE", "LOC", "FAC")
                   and (x.kind == "proper" or (x.kind == "common" and (x.label == "ORG"
                                                                        or sv.has_role(x.head, "actor_head"))))), np)
    out: list[NP] = []
    for item in coordinated(sv, nps, np):
        out.extend(item.expand())
    return out


def _after(sv: SentView, nps: list[NP], j: int, hi: int, *, max_gap: int = 3, pp: str | None = None) -> list[NP]:
    """The noun phrase starting within ``max_gap`` skippable tokens after ``j`` (with preposition ``pp``)."""
    k = j
    gap = 0
    while k < hi and gap <= max_gap:
        for np in nps:
            if np.start == k and np.pp == pp:
                return _expand_all(sv, nps, np)
        w = sv.words[k]
        if pp is not None and sv.has_role(k, pp):
            k += 1
            continue
        if sv.has_role(k, "np_skip", "aux") or w in ("-",) or k in sv.cache.get("attributive", ()) or (
                pp is None and (sv.has_role(k, "quant", "aspect_head") or w[:1].isdigit())):  # "10 fasilitas X"
            k += 1
            gap += 1
            continue
        break
    return []


def _with_prep(sv: SentView, nps: list[NP], j: int, hi: int, role: str) -> list[NP]:
    for np in nps:
        if j <= np.start < hi and np.pp == role:
            return _expand_all(sv, nps, np)
    return []


def _weapon_owner(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """ "terkena peluru karet petugas", "tertembak senjata polisi": the owner named after the weapon that hit
    the subject is the one who used it."""
    k = j
    while k < hi and k - j < 4 and sv.has_class(k, "weapon"):
        k += 1
    if k == j:
        return []
    return [np for np in nps if np.start == k and not np.pp][:1]


def _caused_agent(sv: SentView, nps: list[NP], start: int, lo: int) -> list[NP]:
    """ "Penangkapan X membuat mahasiswa dari sejumlah kampus aksi": the one a causative verb ("membuat",
    "memicu", "mendorong") moves to the event noun right after it is that event's agent."""
    before = [np for np in nps if lo <= np.start and np.end <= start and not np.pp]
    if not before:
        return []
    np = before[-1]
    gap = [k for k in range(np.end, start) if not sv.has_role(k, "source_prep")
           and not any(x.start <= k < x.end for x in nps if x.pp == "source_prep")]  # "mahasiswa dari kampus X"
    if gap or np.start == 0 or not sv.has_class(np.start - 1, "causative"):
        return []
    return [np]


def _struck(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """ "serangan jet tempur Rusia telah menargetkan 10 fasilitas ISIS": an attack noun that is the subject of
    a verb of striking (word class ``strike_verb``) hits that verb's object."""
    starts = {np.start: np for np in nps}
    k = j
    while k < hi and k - j < 10:
        if sv.has_class(k, "strike_verb"):
            return _after(sv, nps, k + 1, hi)
        if k in starts and not starts[k].pp:
            k = starts[k].end  # the attack's possessor ("jet tempur Rusia")
        elif sv.has_role(k, "aux", "np_skip") or sv.words[k] == "-":
            k += 1
        else:
            return []
    return []


def _manner_roles(sv: SentView, nps: list[NP], cand: Candidate, subj: list[NP], roles: Roles) -> None:
    """ "Ia dipaksa menyerahkan uang dengan ancaman ...", "Pelaku memaksa korban ... di bawah ancaman pisau":
    an act noun after a ``means_preps`` word is the manner of its clause's verb and shares its participants:
    the subject of a passive verb undergoes it, an active verb's subject does it to its object."""
    k = cand.start - 1
    if not subj or k <= subj[-1].end or sv.words[k] not in sv.syntax.means_preps:
        return
    if sv.has_role(k - 1, "prep", "topic_prep") and sv.words[k - 1] not in sv.syntax.locative:
        return  # "ditahan terkait dengan serangan": a compound preposition, not the manner
    # the clause's first verb: "dipaksa menyerahkan uang dengan ancaman" is a coercion by threat
    verb = next((j for j in range(subj[-1].end, k) if verbish(sv, j) and not sv.has_role(j, "aux")), None)
    if verb is None:
        return
    prefixes = sv.syntax.passive_prefixes
    if prefixes and sv.words[verb].startswith(prefixes):
        roles.recipients, roles.subject_is = list(subj), "recipient"
    else:
        roles.actors, roles.subject_is = list(subj), "actor"
        roles.recipients = _after(sv, nps, verb + 1, k)


def _prenominal(sv: SentView, nps: list[NP], cand: Candidate, lo: int) -> tuple[list[NP], list[NP]]:
    """Head-final languages: the phrase right before an event noun, as its possessor ("Russia's air
    strikes", "their arrest") or as a modifier naming the agent ("an NPA attack", "police raids")."""
    k = cand.start - 1
    while k >= lo and sv.has_role(k, "np_skip") and not sv.has_role(k, "actor_head"):
        k -= 1
    for np in nps:
        if np.end == k + 1 and np.start >= lo:  # also inside a PP: "during a police raid"
            if np.possessive:
                return np.expand(), []
            if np.kind != "pronoun" and not (np.place or (np.label in ("", "LOC", "FAC")
                                                          and sv.has_class(np.end - 1, "place_noun"))):
                return [], np.expand()  # not "the Manchester Arena bombing": a place is where, not who
    return [], []


def _harmed_before(sv: SentView, nps: list[NP], cand: Candidate, lo: int) -> list[NP]:
    """ "Dua warga tewas dalam serangan udara", "meninggalnya seorang bocah ... dalam serangan udara": those
    killed or hurt *in* an attack (a ``harm_predicate`` word, then a ``harm_prep`` right before the event
    noun) are its recipients: the predicate's subject, or the phrase after a nominalised predicate."""
    k = cand.start - 1
    while k >= lo and sv.has_role(k, "np_skip", "quant") and not sv.has_role(k, "harm_prep"):
        k -= 1  # "in an air strike", "dalam sebuah serangan"
    if k <= lo or not sv.has_role(k, "harm_prep"):
        return []
    for j in range(k - 1, max(lo, k - 12) - 1, -1):
        if sv.has_role(j, "harm_predicate"):
            after = [np for np in nps if j < np.start and np.end <= k and not np.pp]
            if after and sv.words[j].endswith(sv.syntax.object_clitics or ("\0",)):
                return after[0].expand()  # "meninggalnya X dalam serangan"
            return _subject(sv, nps, lo, j)
        age = j + 1 < len(sv) and sv.words[j + 1][:1].isdigit()  # "berusia 12 tahun" is no other verb
        if sv.words[j] in (",", ";") or (verbish(sv, j) and not sv.has_role(j, "aux") and not age):
            return []
    return []


def _light_verb(sv: SentView, cand: Candidate, lo: int) -> tuple[str, int] | None:
    """A support verb governing an event noun: ("light_agent"|"light_recipient", token index)."""
    k = cand.start - 1
    steps = 0
    skip = ("np_skip", "aux", "quant", "demonstrative", "coord") if sv.syntax.head_final else (
        "np_skip", "aux", "quant", "demonstrative", "light_noun", "coord")  # "menerapkan kebijakan ... jam malam"
    while k >= lo and steps < (6 if sv.syntax.head_final else 4):
        for role in ("light_recipient", "light_agent"):
            if sv.has_role(k, role):
                return role, k
        if not sv.has_role(k, *skip) and not sv.words[k][:1].isdigit():  # "launched an air and ground assault",
            return None  # "conducted at least 12 aerial strikes"
        k -= 1
        steps += 1
    return None


def _done_by(sv: SentView, nps: list[NP], j: int, hi: int) -> list[NP]:
    """``serangan (udara) yang dilakukan (oleh) X``."""
    k = j
    while k < hi and sv.has_role(k, "np_skip"):
        k += 1
    prefixes = sv.syntax.passive_prefixes
    passive_light = (k + 1 < hi and bool(prefixes) and sv.has_role(k + 1, "light_agent")
                     and sv.words[k + 1].startswith(prefixes))
    if passive_light and sv.has_role(k, "relative"):
        m = k + 2
        if m < hi and sv.has_role(m, "agent_prep"):
            return _after(sv, nps, m + 1, hi, pp="agent_prep")
        return _after(sv, nps, m, hi)
    verb = _passive_predicate(sv, nps, k, hi)
    if verb is not None and verb + 1 < hi and sv.has_role(verb + 1, "agent_prep"):
        return _after(sv, nps, verb + 2, hi, pp="agent_prep")
    return []


def _passive_predicate(sv: SentView, nps: list[NP], k: int, hi: int) -> int | None:
    """ "serangan bom di Kampung Melayu, Jakarta, diduga dilakukan oleh ISIS": the event noun is the
    subject of a passive support verb later in its clause, past place phrases and hedges ("diduga"). Returns
    the support verb's token, or None when another verb or a clause boundary comes first."""
    prefixes = sv.syntax.passive_prefixes
    starts = {np.start: np for np in nps}
    steps = 0
    while k < hi and steps < 12:
        if sv.has_role(k, "light_agent") and prefixes and sv.words[k].startswith(prefixes):
            return k
        if k in starts and starts[k].pp is not None:
            k = starts[k].end  # a place or other prepositional phrase ("di Kampung Melayu")
        elif k in starts or sv.words[k] == "," or sv.has_role(k, "aux", "prep", "np_skip"):
            k += 1
        else:
            return None
        steps += 1
    return None


def assign_roles(
    cand: Candidate, nps: list[NP], sym_actor_types: frozenset[str], places: set[int] | None = None
) -> Roles:
    """Actors and recipients of one trigger from its clause (``places``: tokens inside place names)."""
    sv = cand.sv
    lo, hi = clause_bounds(sv, cand.start, cand.end)
    roles = Roles()
    frame = cand.frame
    if cand.attributive:  # "at protesting students": the noun right after it, whatever governs the phrase
        roles.actors = next((_expand_all(sv, nps, np) for np in nps if np.start == cand.end), [])
        return roles
    subj = reduced_relative(sv, nps, cand) or _subject(sv, nps, lo, cand.start)
    if not subj and lo > 1 and (sv.words[lo - 1] in sv.syntax.control or sv.words[lo - 1] in sv.syntax.subordinate):
        outer, _ = clause_bounds(sv, lo - 1, lo)
        # the outer clause's subject stands before its verb: "(Mereka) sempat mengunjungi tempat pengungsian
        # warga Palestina untuk menyalurkan bantuan" gives the aid no giver from the visited place
        verbs = [k for k in range(outer, lo - 1) if verbish(sv, k) and not sv.has_role(k, "aux")
                 and not any(np.start <= k < np.end for np in nps)]
        # "Police arrested the men who tried to kill him": a relative clause after the first verb holds
        # the controlling verb, whose subject is the relative's antecedent (a subordinate clause, "the
        # witnesses who saw the attacker while attacking", may have another subject)
        rel = next((k for k in range(verbs[0] + 1, lo - 1) if sv.has_role(k, "relative")), None) \
            if verbs and sv.words[lo - 1] in sv.syntax.control else None
        verb = next((v for v in verbs if rel is not None and v > rel), verbs[0] if verbs else lo - 1)
        subj = _subject(sv, nps, outer, verb)
    if not subj and lo > 1 and sv.has_role(lo - 1, "clause_coord") and sv.words[lo - 2] == ",":
        # "the military came ..., shot dead a student, and injured three others": one subject
        k = lo - 2
        triggers = sv.cache.get("trigger_starts", ())
        while k > 0:
            outer, _ = clause_bounds(sv, k - 1, k)
            verb = next((t for t in triggers if outer <= t < k), k)
            subj = _subject(sv, nps, outer, verb)
            if subj or outer == 0 or sv.words[outer - 1] != ",":
                break
            k = outer - 1
    if (not subj and sv.syntax.head_final and cand.template.has("gerund") and not cand.nominal
            and cand.start > 0 and sv.words[cand.start - 1] == ","):
        subj = _main_subject(sv, nps, cand.start)  # "Gunmen attacked the village, killing two"
    if not subj and sv.syntax.head_final and not cand.passive:
        # "a bomb planted by the BIFF killed a soldier": the agent of the instrument acts
        subj = [np for np in nps if lo <= np.start < cand.start and np.pp == "agent_prep"][:1]
    if not subj and hi < len(sv) and sv.words[hi] == "," and ends_fronted_clause(sv, hi):
        # "Seraya menyeru ..., Amnesty mengatakan": the fronted clause shares the main subject
        _, main_hi = clause_bounds(sv, hi + 1, hi + 2)
        subj = _subject(sv, nps, hi + 1, min(main_hi, len(sv)))
    full_hi = hi
    if (sv.syntax.head_final and cand.nominal and cand.end < hi and sv.has_role(cand.end, "aux")
            and not sv.has_role(cand.end, "passive_aux")):  # (a passive support verb: "was conducted by police")
        hi = cand.end  # "fighting has driven 160,000 people from their homes": what follows is the verb's
    # "was abducted on 9 December 2013 from her home by Jaysh al-Islam": adjuncts may come first (not another
    # clause, "... yang hendak dikirimkan oleh Korut", nor a noun's participle, "the bomb, placed by the BIFF")
    agent_pp = [np for np in _with_prep(sv, nps, cand.end, hi, "agent_prep") if np.start - cand.end <= 6 or (
        np.start - cand.end <= 10 and not cand.nominal
        and not any(sv.has_role(k, "relative", "coord", "clause_coord") or sv.words[k] == ","
                    for k in range(cand.end, np.start)))]
    target = _with_prep(sv, nps, cand.end, hi, "target_prep")
    if not target and cand.type in _DIRECTED:
        # "ancaman akan dilaporkan ke polisi": a goal after another verb is that verb's, not the act's
        target = [np for np in _with_prep(sv, nps, cand.end, hi, "dir_prep")
                  if not any(k in (places or set()) for k in range(np.start, np.end))
                  and not any(verbish(sv, k) and k not in sv.cache.get("attributive", ())
                              for k in range(cand.end, np.start))]
    # "fighting has driven 160,000 people from their homes, towards borders with Jordan": a "with" phrase
    # past a comma belongs to a noun of its own, not to the act
    comit = [np for np in _with_prep(sv, nps, cand.end, hi, "with_prep")
             if "," not in sv.words[cand.end : np.start] or np.start - cand.end <= 3]
    syn = sv.syntax
    if cand.nominal and frame == "R" and subj:  # "Khariq Anhar jadi tersangka": the subject undergoes it
        roles.recipients, roles.subject_is, roles.actors = subj, "recipient", agent_pp
        return roles
    if cand.nominal:
        light = _light_verb(sv, cand, lo)
        possessor: list[NP] = []
        modifier: list[NP] = []
        if syn.genitive == "prep":  # "the arrest of X", "Russia's attack", "an NPA attack"
            genitive = _after(sv, nps, cand.end, hi, pp="genitive_prep")
            possessor, modifier = _prenominal(sv, nps, cand, lo)
        else:
            genitive = _after(sv, nps, cand.end, hi)
        if light is not None:
            role, k = light
            # "Nadir berangkat ke Gaziantep untuk menyalurkan bantuan": a purpose clause's subject is the
            # main clause's (already found for the clause when the light verb has none of its own)
            subj = _subject(sv, nps, lo, k) or subj
            if role == "light_recipient":
                roles.recipients = subj
                roles.subject_is = "recipient"
                roles.actors = agent_pp or _with_prep(sv, nps, cand.end, hi, "source_prep") or genitive
            else:
                roles.actors = subj
                roles.subject_is = "actor"
                roles.recipients = target or ([] if frame == "SYM" else genitive)
        else:
            done_by = _done_by(sv, nps, cand.end, hi)
            process_noun = cand.template.has("process")
            patient_genitive = frame == "AP" and process_noun
            if patient_genitive:
                roles.recipients = genitive or possessor or target
                roles.actors = agent_pp or done_by or modifier
            elif syn.genitive == "prep" and frame == "AP":
                # "the bombardment of Afrin", "Russia's attack on X": of X is what was attacked
                roles.actors = possessor or modifier or agent_pp or done_by or _with_prep(
                    sv, nps, cand.end, hi, "source_prep")
                roles.recipients = target or genitive
            else:
                source = _with_prep(sv, nps, cand.end, hi, "source_prep")
                if syn.genitive == "prep":  # "an attack by X", "X's attack", "an X attack"; "of X" last
                    roles.actors = possessor or modifier or agent_pp or genitive or done_by or source
                else:
                    roles.actors = genitive or agent_pp or done_by or source
                roles.recipients = target
        if not roles.recipients and cand.type in _GIVEN and lo >= 2 and sv.words[lo - 1] in syn.control:
            roles.recipients = visited(sv, nps, lo, clause_bounds(sv, lo - 2, lo - 1)[0])
        if light is None and not roles.recipients and not roles.actors and cand.type in _FORCE:
            _manner_roles(sv, nps, cand, subj, roles)
        if not roles.recipients and cand.type in _HARMED:
            roles.recipients = (_harmed_before(sv, nps, cand, lo) or _struck(sv, nps, cand.end, full_hi)
                                or amid(sv, nps, cand.end, hi))
        if not roles.actors and light is None:
            roles.actors = _caused_agent(sv, nps, cand.start, lo)
        if not roles.actors and frame != "SYM":  # "kericuhan antara FPI dan GMBI": the two sides act
            roles.actors = between(sv, nps, cand.end, hi)
        if frame == "SYM":
            both = between(sv, nps, cand.end, hi)
            if both:
                roles.actors = both
            elif not roles.actors and light is None and subj and adjacent(sv, nps, subj[-1].end, cand.start, places):
                roles.actors = list(subj)  # "Warga (dari Desa X) bentrok dengan polisi": a bare noun predicate
            comit = [np for np in comit if np not in both]  # "antara warga dengan polisi": already a side
            if comit:
                (roles.actors if cand.type in sym_actor_types else roles.recipients).extend(comit)
        return roles
    prefixes = syn.passive_prefixes
    if (frame == "R" and agent_pp and prefixes and cand.end < hi and sv.words[cand.end].startswith(prefixes)
            and agent_pp[0].start > cand.end + 1):
        # "serangan itu diduga dilakukan oleh ISIS": the agent of the passive verb after "diduga" is the
        # one accused (the accuser is the source of the statement)
        roles.recipients = agent_pp
        return roles
    if (frame == "R" and cand.end < hi and sv.has_class(cand.end, "involve")
            and not (subj and (subj[0].kind == "proper" or sv.has_role(subj[0].head, "actor_head")))):
        # "Kasus itu diduga melibatkan Siti Aisyah": a case or an act said to involve someone accuses them
        roles.recipients = _after(sv, nps, cand.end + 1, hi)
        if roles.recipients:
            return roles
    if frame == "R" or (cand.passive and frame in ("AP", "A", "HOST")):
        # "20 tank milik ISIS hancur terkena serangan": the owner of what was hit receives it
        roles.recipients = subj or [np for np in nps if lo <= np.start < cand.start and np.pp == "owner_prep"][:1]
        roles.subject_is = "recipient"
        roles.actors = (_after(sv, nps, cand.end, hi) if syn.bare_passive_agent else []) or agent_pp
        if not roles.actors and syn.bare_passive_agent:
            roles.actors = _weapon_owner(sv, nps, cand.end, hi)
        return roles
    roles.actors = subj
    roles.subject_is = "actor" if subj else ""
    if frame in ("AP", "HOST"):
        # "menyelidiki bentrokan antara warga dan aparat", "menyelidiki kerja sama ... yang terjadi antara
        # Suriah dengan Korea Utara": the two sides of the act it is done to, anywhere in its clause
        roles.recipients = _after(sv, nps, cand.end, hi) or target or (
            between(sv, nps, cand.end, hi, window=hi - cand.end) if frame == "AP" and cand.type in _PROBED else [])
        if cand.type in _HARMED and places is not None and all(np.start in places for np in roles.recipients):
            roles.recipients = [*roles.recipients, *holder(sv, nps, cand.end, hi)]  # the place's holder
    elif frame == "SYM":
        both = between(sv, nps, cand.end, hi)
        if both:
            roles.actors = both
        extra = [np for np in comit if np not in both] or _after(sv, nps, cand.end, hi)
        if extra:
            (roles.actors if cand.type in sym_actor_types else roles.recipients).extend(extra)
    else:
        roles.recipients = target
    return roles
