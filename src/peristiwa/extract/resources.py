"""The event extractor's compiled language data, and a per-sentence view annotated with it.

Why a view: triggers, argument rules, modality and mode cues all ask the same questions of a sentence
("is token 7 a preposition?", "is a weapon word within 3 tokens?"). The view answers them from arrays
computed once per sentence by the lexicon matchers, so the rules stay short and the stage stays fast.
Everything here is language-neutral; the words come from the pack's data files (see ``langs/id/data``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..langs.base import LanguagePack
from ..model import Document, Sentence, Token
from .lexicon import PhraseMatcher, cell
from .morphology import Morphology

__all__ = ["Resources", "SentView", "Syntax", "sentence_views"]

_EMPTY: frozenset[str] = frozenset()


def _words(settings: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in settings.get(key, ()))


@dataclass(frozen=True)
class Syntax:
    """The function words and switches of the argument rules (``events.toml`` ``[syntax]``).

    Why a record: the rules ask these questions for every token of every event clause; frozensets built
    once per pack keep that cheap, and the words stay data (see the pack's ``events.toml``).
    """

    control: frozenset[str] = frozenset()
    subordinate: frozenset[str] = frozenset()
    fronted: frozenset[str] = frozenset()
    purpose: frozenset[str] = frozenset()
    verb_prefixes: tuple[str, ...] = ()
    companion: frozenset[str] = frozenset()
    member_preps: frozenset[str] = frozenset()
    passive_prefixes: tuple[str, ...] = ()
    bare_passive_agent: bool = True
    genitive: str = "bare"
    head_final: bool = False
    instrument_preps: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    located: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    sponsor_suffixes: tuple[str, ...] = ()
    generic_antecedents: frozenset[str] = frozenset()
    place_skip: frozenset[str] = frozenset()
    place_coord: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    speaker_clitics: tuple[str, ...] = ()
    object_clitics: tuple[str, ...] = ()
    state_nouns: frozenset[str] = frozenset()
    name_first_apposition: bool = False
    possessive_endings: tuple[str, ...] = ()
    participle_passive: bool = False
    passive_hedges: frozenset[str] = frozenset()  # "X, believed killed in ...": a participle after it is passive
    pos_from_context: bool = False
    between_window: int = 6
    protagonist_window: int = 0
    skip_place_subjects: bool = False
    keep_acronyms: bool = False
    rejoin_abbreviations: bool = False
    definite: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()  # "the", "a": determiners that count nothing
    plural_endings: tuple[str, ...] = ()  # spellings of a plural noun ("sellers")
    past_endings: tuple[str, ...] = ()  # spellings of a past tense ("objected"), in packs with no verb lexicon
    singular_endings: tuple[str, ...] = ()  # ... that a singular or an adjective also ends with ("dangerous")

    @classmethod
    def from_settings(cls, s: dict[str, Any]) -> Syntax:
        """Read ``events.toml`` ``[syntax]``."""
        return cls(
            control=_words(s, "control"),
            subordinate=_words(s, "subordinate"),
            fronted=_words(s, "fronted"),
            purpose=_words(s, "purpose"),
            verb_prefixes=tuple(s.get("verb_prefixes", ())),
            companion=_words(s, "companion"),
            member_preps=_words(s, "member_preps"),
            passive_prefixes=tuple(s.get("passive_prefixes", ())),
            bare_passive_agent=bool(s.get("bare_passive_agent", True)),
            genitive=str(s.get("genitive", "bare")),
            head_final=bool(s.get("head_final", False)),
            instrument_preps=_words(s, "instrument_preps"),
            means_preps=_words(s, "means_preps"),
            list_words=_words(s, "list_words"),
            locative=_words(s, "locative"),
            located=_words(s, "located"),
            relative_pronouns=_words(s, "relative_pronouns"),
            sponsor_suffixes=tuple(s.get("sponsor_suffixes", ())),
            generic_antecedents=_words(s, "generic_antecedents"),
            place_skip=_words(s, "place_skip"),
            place_coord=_words(s, "place_coord"),
            first_person=_words(s, "first_person"),
            speaker_pronouns=_words(s, "speaker_pronouns"),
            speaker_clitics=tuple(s.get("speaker_clitics", ())),
            object_clitics=tuple(s.get("object_clitics", ())),
            state_nouns=_words(s, "state_nouns"),
            name_first_apposition=bool(s.get("name_first_apposition", False)),
            possessive_endings=tuple(s.get("possessive_endings", ())),
            participle_passive=bool(s.get("participle_passive", False)),
            passive_hedges=_words(s, "passive_hedges"),
            pos_from_context=bool(s.get("pos_from_context", False)),
            between_window=int(s.get("between_window", 6)),
            protagonist_window=int(s.get("protagonist_window", 0)),
            skip_place_subjects=bool(s.get("skip_place_subjects", False)),
            keep_acronyms=bool(s.get("keep_acronyms", False)),
            rejoin_abbreviations=bool(s.get("rejoin_abbreviations", False)),
            definite=_words(s, "definite"),
            articles=_words(s, "articles"),
            plural_endings=tuple(s.get("plural_endings", ())),
            past_endings=tuple(s.get("past_endings", ())),
            singular_endings=tuple(s.get("singular_endings", ())),
        )


@dataclass
class Resources:
    """All compiled tables of one language pack (built once per pack, see :meth:`load`)."""

    morph: Morphology
    triggers: PhraseMatcher
    modes: PhraseMatcher
    modality: PhraseMatcher
    cues: PhraseMatcher
    classes: PhraseMatcher
    pronouns: dict[str, tuple[str, str]]
    settings: dict[str, Any]
    syntax: Syntax
    #: word form -> majority universal POS tag (``pos_lexicon.tsv``, built from UD; empty when absent)
    pos: dict[str, str] = field(default_factory=dict)
    #: word -> bit mask of the tables (``lexicons`` order) in which a row can open at that word: one
    #: lookup per word of a sentence serves the trigger scan and every annotation (see :meth:`SentView.heads`)
    _masks: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: surface -> bits of the tables whose index holds it, and word -> bits of the tables with a compound
    #: opening at it (built on first use): a word met the first time is tested once for all the tables
    _surfaces: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _compounds: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _shared_morph: bool = field(default=False, init=False, repr=False, compare=False)
    #: a table -> its bit (see :meth:`bit`)
    _bits: dict[PhraseMatcher, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def lexicons(self) -> tuple[PhraseMatcher, ...]:
        """The phrase tables, in the order of the bits of :meth:`mask`."""
        return self.triggers, self.modes, self.modality, self.cues, self.classes

    def bit(self, matcher: PhraseMatcher) -> int:
        """The bit of ``matcher`` (one of :attr:`lexicons`) in a :meth:`mask`."""
        found = self._bits.get(matcher)
        if found is None:
            found = self._bits[matcher] = 1 << self.lexicons.index(matcher)
        return found

    def mask(self, word: str) -> int:
        """Bit ``k`` set when a row of ``lexicons[k]`` can open at ``word`` (memoised, bounded)."""
        found = self._masks.get(word)
        if found is None:
            if len(self._masks) > 200_000:  # bounded like the tables' own memos
                self._masks.clear()
            found = self._masks[word] = self._opening(word)
        return found

    def _opening(self, word: str) -> int:
        """:meth:`mask` computed: bit ``k`` when ``lexicons[k].opens(word)``, i.e. when the word, one of its
        clitic-stripped readings or (hyphenated) one of its parts is a surface of that table's index, or a
        compound opens there. The tables share one morphology, so the readings are found once."""
        surfaces = self._surfaces
        if surfaces is None:
            surfaces, self._compounds = {}, {}
            for k, matcher in enumerate(self.lexicons):
                for surface in matcher.index:
                    surfaces[surface] = surfaces.get(surface, 0) | 1 << k
                for first in matcher.compounds:
                    self._compounds[first] = self._compounds.get(first, 0) | 1 << k
            self._surfaces = surfaces
            self._shared_morph = all(matcher.morph is self.morph for matcher in self.lexicons)
        if not self._shared_morph:  # tables with their own affix rules: each finds its readings
            return sum(1 << k for k, matcher in enumerate(self.lexicons) if matcher.opens(word))
        found = surfaces.get(word, 0) | self._compounds.get(word, 0)
        for stripped in self.morph.strip_clitics(word)[1:]:
            found |= surfaces.get(stripped, 0)
        if "-" in word:
            for part in self.morph.compound_parts(word):
                found |= surfaces.get(part, 0)
        return found

    @classmethod
    def load(cls, pack: LanguagePack) -> Resources:
        """Compile the pack's event data files (``triggers.tsv`` etc.)."""
        irregular = pack.table("irregular_forms.tsv") if pack.has("irregular_forms.tsv") else []
        morph = Morphology.from_settings(pack.settings("affixes.toml"), irregular)
        pronouns = {
            r["lemma"].lower(): (cell(r, "kind") or "any", cell(r, "number") or "any")
            for r in pack.table("pronouns.tsv")
        }
        settings = pack.settings("events.toml")
        return cls(
            morph=morph,
            triggers=PhraseMatcher(pack.table("triggers.tsv"), morph),
            modes=PhraseMatcher(pack.table("modes.tsv"), morph),
            modality=PhraseMatcher(pack.table("modality.tsv"), morph),
            cues=PhraseMatcher(pack.table("argument_cues.tsv"), morph),
            classes=PhraseMatcher(pack.table("word_classes.tsv"), morph),
            pronouns=pronouns,
            settings=settings,
            syntax=Syntax.from_settings(settings.get("syntax", {})),
            pos={r["form"]: r["upos"] for r in pack.table("pos_lexicon.tsv")} if pack.has("pos_lexicon.tsv") else {},
        )

    @classmethod
    def for_pack(cls, pack: LanguagePack) -> Resources:
        """The pack's memoised resources."""
        res: Resources = pack.cached("extract.events:resources", lambda: cls.load(pack))
        return res

    def setting(self, *path: str, default: Any = None) -> Any:
        """A nested value of ``events.toml`` (``setting("compose", "window")``)."""
        node: Any = self.settings
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node


class Starts:
    """The (end, value) spans of one table's matches starting at each token of a sentence, as the scan of
    :meth:`SentView._annotate` finds them (longest first, ties in table order), read only where asked
    (``get(i, default)``, like the dict it stands for): the per-token sets are what most rules read, and
    most sentences are never asked where a multiword cue ends."""

    __slots__ = ("_bit", "_column", "_found", "_matcher", "_res", "_words")

    def __init__(self, words: list[str], matcher: PhraseMatcher, column: str, bit: int, res: Resources) -> None:
        self._words, self._matcher, self._column, self._bit, self._res = words, matcher, column, bit, res
        self._found: dict[int, list[tuple[int, str]]] = {}

    def get(self, i: int, default: Sequence[tuple[int, str]] = ()) -> Sequence[tuple[int, str]]:
        """The spans starting at token ``i`` (``default`` when none do)."""
        found = self._found.get(i)
        if found is None:
            found = self._found[i] = self._at(i)
        return found or default

    def _at(self, i: int) -> list[tuple[int, str]]:
        words = self._words
        if not 0 <= i < len(words) or not self._res.mask(words[i]) & self._bit:
            return []  # no row of the table opens at the word (see SentView.heads)
        single = self._matcher.values_at(words[i], self._column)
        if single is not None and single[0]:  # one-word rows: each covers the word alone
            return [(i + 1, value) for value in single[0]]
        return [(m.end, m.row.get(self._column)) for m in self._matcher.match_at(words, i)]


class SentView:
    """One sentence with per-token annotations from the lexicons.

    ``roles[i]``/``classes[i]`` hold the argument-cue roles and word classes covering token ``i``;
    ``role_starts.get(i, ())`` the (end, role) spans starting at ``i`` (multiword cues such as "juru bicara").
    The annotations are computed on first use: most sentences of an article hold no event and are only
    scanned for triggers. ``start``/``end`` (the sentence's offsets), ``res`` and ``syntax`` are plain
    attributes, not properties: the rules read them for every token they test.
    """

    def __init__(self, index: int, sentence: Sentence, tokens: list[Token], raw: list[str], res: Resources) -> None:
        self.index = index
        self.sentence = sentence
        self.start: int = sentence.start
        self.end: int = sentence.end
        #: the pack resources this view was annotated with, and their argument-rule words and switches
        self.res: Resources = res
        self.syntax: Syntax = res.syntax
        self.tokens = tokens
        self.raw = raw
        self.words = list(map(str.lower, raw))
        self.cache: dict[str, Any] = {}
        self._res = res
        self._roles: list[frozenset[str]] | None = None
        self._role_starts: Starts | None = None
        self._classes: list[frozenset[str]] | None = None
        self._class_starts: Starts | None = None
        self._live: list[tuple[int, int]] | None = None
        #: character spans of the organisation and person mentions in the sentence (set by sentence_views)
        self.names: list[tuple[int, int]] = []

    def in_name(self, k: int) -> bool:
        """Token ``k`` lies inside an organisation or person mention ("State" of "Islamic State")."""
        t = self.tokens[k]
        return any(s <= t.start and t.end <= e for s, e in self.names)

    def heads(self, matcher: PhraseMatcher) -> list[int]:
        """The tokens where a row of ``matcher`` (one of the resources' tables) can open, as
        ``matcher.heads(self.words)`` finds them, from one lookup per word for all the tables."""
        if self._live is None:
            # the memo read in C for all the words at once; only a word met the first time is computed
            masks = list(map(self._res._masks.get, self.words))
            if None in masks:
                mask = self._res.mask
                masks = [mask(w) if m is None else m for w, m in zip(self.words, masks, strict=True)]
            self._live = [(i, m) for i, m in enumerate(masks) if m]  # (0 and None: no table opens there)
        bit = self._res.bit(matcher)
        return [i for i, m in self._live if m & bit]

    def _annotate(self, matcher: PhraseMatcher, column: str) -> tuple[list[frozenset[str]], Starts]:
        words = self.words
        per: list[frozenset[str]] = [_EMPTY] * len(words)
        values_at, memo = matcher.values_at, matcher.column_values(column)
        for i in self.heads(matcher):  # what find_all(words, heads) would match, in its order
            word = words[i]
            single = memo[word] if word in memo else values_at(word, column)
            if single is not None and single[0]:  # one-word rows only (most heads): no match to build
                values, union = single
                if per[i] is _EMPTY:  # no longer match covers the word: the word's own (shared) set
                    per[i] = union
                    continue
                for value in values:
                    per[i] = per[i] | {value}
                continue
            for m in matcher.match_at(words, i):
                value = m.row.get(column)
                for k in range(m.start, m.end):
                    per[k] = per[k] | {value}
        return per, Starts(words, matcher, column, self._res.bit(matcher), self._res)

    @property
    def roles(self) -> list[frozenset[str]]:
        if self._roles is None:
            self._roles, self._role_starts = self._annotate(self._res.cues, "role")
        return self._roles

    @property
    def role_starts(self) -> Starts:
        if self._role_starts is None:
            _ = self.roles
        assert self._role_starts is not None
        return self._role_starts

    @property
    def classes(self) -> list[frozenset[str]]:
        if self._classes is None:
            self._classes, self._class_starts = self._annotate(self._res.classes, "class")
        return self._classes

    @property
    def class_starts(self) -> Starts:
        if self._class_starts is None:
            _ = self.classes
        assert self._class_starts is not None
        return self._class_starts

    @property
    def boilerplate(self) -> bool:
        """A site-furniture line ("Baca juga: ...", "SCROLL TO CONTINUE ...")."""
        if "boiler" not in self.cache:
            self.cache["boiler"] = bool(self.words) and any(
                m.row.get("class") == "boilerplate" for m in self._res.classes.match_at(self.words, 0)
            )
        flag: bool = self.cache["boiler"]
        return flag

    def __len__(self) -> int:
        return len(self.tokens)

    def has_role(self, i: int, *roles: str) -> bool:
        """Whether token ``i`` carries one of ``roles``."""
        rs = self._roles if self._roles is not None else self.roles
        if 0 <= i < len(rs):
            r = rs[i]
            if r:
                return not r.isdisjoint(roles)
        return False

    def has_class(self, i: int, *classes: str) -> bool:
        """Whether token ``i`` belongs to one of ``classes``."""
        cs = self._classes if self._classes is not None else self.classes
        if 0 <= i < len(cs):
            c = cs[i]
            if c:
                return not c.isdisjoint(classes)
        return False

    def role_span(self, i: int, role: str) -> int | None:
        """End of the ``role`` cue starting at token ``i`` (multiword aware), or None."""
        for end, r in self.role_starts.get(i, ()):
            if r == role:
                return end
        return None

    def class_within(self, lo: int, hi: int, klass: str) -> bool:
        """Whether a ``klass`` word lies in tokens ``[lo, hi)``."""
        cs = self.classes
        lo, hi = max(lo, 0), min(hi, len(self.tokens))
        return any(klass in cs[i] for i in range(lo, hi))

    def is_upper(self, i: int) -> bool:
        """Token starts with an upper-case letter (a proper-noun candidate)."""
        text = self.raw[i]
        return bool(text) and text[0].isupper()

    def char_span(self, lo: int, hi: int) -> tuple[int, int]:
        """Character offsets covering tokens ``[lo, hi)``."""
        return self.tokens[lo].start, self.tokens[hi - 1].end

    def token_at(self, offset: int) -> int:
        """Index of the token containing or following ``offset``."""
        if "starts" not in self.cache:
            self.cache["starts"] = [t.start for t in self.tokens]
        i = bisect.bisect_right(self.cache["starts"], offset) - 1
        return max(i, 0)


def _rejoined(doc: Document, token_starts: list[int]) -> list[Sentence]:
    """Sentences with splits after an unknown abbreviation undone ("... at Brgy. | Parian, Calamba City
    on 9 Aug"): the piece before ends in a short capitalised word and a period, outside every name and
    place, and the piece after runs into a place within eight tokens."""
    places = [(p.start, p.end) for p in doc.places]
    names = places + [(e.start, e.end) for e in doc.entities]
    out: list[Sentence] = []
    for sent in doc.sentences:
        if out:
            prev = out[-1]
            tail = doc.text[prev.start : prev.end].rstrip()
            word = tail[:-1].rsplit(None, 1)[-1] if tail.endswith(".") and len(tail) > 1 else ""
            w_start = prev.start + len(tail) - 1 - len(word)
            k = bisect.bisect_left(token_starts, sent.start)
            ahead = token_starts[k : k + 8]
            if (word[:1].isupper() and word.isalpha() and len(word) <= 5
                    and not any(s <= w_start < e for s, e in names)
                    and any(s <= t < e for t in ahead for s, e in places)):
                out[-1] = Sentence(prev.start, sent.end, prev.paragraph)
                continue
        out.append(sent)
    return out


def sentence_views(doc: Document, res: Resources) -> list[SentView]:
    """Views of every sentence of ``doc`` (tokens from the document's token layer)."""
    token_starts = [t.start for t in doc.tokens]
    text = doc.text
    views: list[SentView] = []
    sentences = _rejoined(doc, token_starts) if res.syntax.rejoin_abbreviations else doc.sentences
    named = sorted((e.start, e.end) for e in doc.entities if e.label in ("ORG", "PER"))
    named_starts = [s for s, _ in named]
    for si, sent in enumerate(sentences):
        lo = bisect.bisect_left(token_starts, sent.start)
        hi = bisect.bisect_left(token_starts, sent.end)
        tokens = list(doc.tokens[lo:hi])
        raw = [text[t.start : t.end] for t in tokens]
        view = SentView(si, sent, tokens, raw, res)
        view.cache["starts"] = token_starts[lo:hi]  # (what token_at would list: the starts of its tokens)
        first = bisect.bisect_left(named_starts, sent.start)
        view.names = [span for span in named[first : bisect.bisect_left(named_starts, sent.end)]]
        views.append(view)
    return views
