"""Features of the Indonesian CRF NER model: what a word and its neighbours tell (``peristiwa.actors.ner``).

Why its own module: the predictor (``ner.CrfNer``), the training script (``scripts/train_ner.py``) and the
tests all build the same features; keeping them here keeps the featurizer one definition and the model
module small. Nothing here needs the model weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

__all__ = ["FEATURE_GROUPS", "Featurizer", "NerResources", "WordFeatures", "bio_spans"]

CACHE_LIMIT = 200_000  # word-feature cache entries before it is cleared (bounded memory on long runs)


class NerResources(msgspec.Struct, frozen=True):
    """Feature resources of a CRF artefact (derived by ``scripts/train_ner.py``).

    ``words`` maps a lower-cased word to ``[coarse, mid, fine, cap]``: three cluster ids (-1 when the word
    was too rare to cluster) and a bucket 0..4 of its mid-sentence capitalisation rate (-1 when unknown).
    ``names`` maps a lexicon label (LOC, PER, ORG, PRD) to lower-cased, space-joined token sequences.
    ``features`` names the optional feature groups switched on; ``titles`` the words of the ``ttl`` group.
    """

    version: int
    words: dict[str, list[int]]
    names: dict[str, list[str]]
    meta: dict[str, Any] = msgspec.field(default_factory=dict)
    # optional neighbour feature groups the model was trained with (see :data:`FEATURE_GROUPS`); empty in
    # artefacts older than the groups, so those keep their exact features
    features: list[str] = msgspec.field(default_factory=list)
    # lower-cased person-title words (the id pack's actor_titles.tsv, last word), frozen at training time
    titles: list[str] = msgspec.field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------
# features


def _shape(word: str) -> str:
    """Collapsed character classes: "Jokowi" -> "Xx", "KPK" -> "X", "2015" -> "d", "al-Nusra" -> "x-Xx"."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch if ch in "-.'’/," else "p"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


class _Lexicon:
    """Longest-match lookup of lower-cased token sequences -> lexicon labels (B-/I- position features)."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        index: dict[str, dict[tuple[str, ...], set[str]]] = {}
        longest = 1
        for label, entries in names.items():
            for entry in entries:
                toks = tuple(entry.split(" "))
                if not toks or not toks[0]:
                    continue
                index.setdefault(toks[0], {}).setdefault(toks, set()).add(label)
                longest = max(longest, len(toks))
        # first token -> candidates, longest first
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
            first: sorted(((k, tuple(sorted(v))) for k, v in cands.items()), key=lambda kv: -len(kv[0]))
            for first, cands in index.items()
        }
        self.longest = longest

    def matches(self, lower: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """(first token, token count, labels) of each longest, left-to-right, non-overlapping match."""
        index = self._index
        out: list[tuple[int, int, tuple[str, ...]]] = []
        n = len(lower)
        nxt = 0
        for i in [i for i, w in enumerate(lower) if w in index]:
            if i < nxt:
                continue
            for toks, labels in index[lower[i]]:
                k = len(toks)
                if i + k <= n and (k == 1 or tuple(lower[i : i + k]) == toks):
                    out.append((i, k, labels))
                    nxt = i + k
                    break
        return out

    def features(self, lower: Sequence[str]) -> list[list[str]]:
        """Per token: ``L=B-lab`` on a match's first token, ``L=I-lab`` inside, ``L=M-lab`` for multi-word."""
        out: list[list[str]] = [[] for _ in lower]
        for i, k, labels in self.matches(lower):
            for lab in labels:
                out[i].append("L=B-" + lab)
                for j in range(i + 1, i + k):
                    out[j].append("L=I-" + lab)
                if k > 1:
                    out[i].append("L=M-" + lab)
        return out


Roles = tuple[list[str], list[str], list[str], list[str]]
WordFeatures = tuple[list[str], str, str, Roles]

# Optional groups of features a word form gives its neighbours (all cached per form, so they cost the
# predictor nothing per token): mid cluster of +-1 and fine cluster of +-2 ("n2c"), suffix of +-1 and prefix
# of +1 ("naff"), title case and capitalisation-rate bucket of +-1 ("ncap"), shape of +-2 ("nsh2"), and a
# person-title word as the word itself or its -1/-2/+1 neighbour ("ttl").
FEATURE_GROUPS: tuple[str, ...] = ("n2c", "naff", "ncap", "nsh2", "ttl")


def _roles(lw: str, sh: str, fine: str) -> Roles:
    """Features a word gives to its neighbours: as previous, next, second previous, second next word."""
    return (["w-1=" + lw, "sh-1=" + sh, "c-1=" + fine], ["w+1=" + lw, "sh+1=" + sh, "c+1=" + fine],
            ["w-2=" + lw], ["w+2=" + lw])


def _pad_roles(mark: str, groups: frozenset[str]) -> Roles:
    """Neighbour features of the sentence pads ``<s>`` / ``</s>`` (no affixes, no title)."""
    roles = _roles(mark, mark, mark)
    if "n2c" in groups:
        roles[0].append("m-1=" + mark)
        roles[1].append("m+1=" + mark)
        roles[2].append("c-2=" + mark)
        roles[3].append("c+2=" + mark)
    if "ncap" in groups:
        roles[0].append("cap-1=" + mark)
        roles[1].append("cap+1=" + mark)
    if "nsh2" in groups:
        roles[2].append("sh-2=" + mark)
        roles[3].append("sh+2=" + mark)
    return roles


PAD = "<s>"  # the sentence pads
END = "</s>"


class Featurizer:
    """String features of tokens, as the CRF is trained on them (the fast predictor sums the same weights).

    Per token: the word's own features (form, shape, affixes, clusters, capitalisation rate), the forms,
    shapes and fine clusters of its neighbours (+-1; forms +-2) plus the artefact's optional neighbour
    groups (:data:`FEATURE_GROUPS`), the two word bigrams and the shape trigram it belongs to, name-list
    matches covering it, and ``first`` for a sentence's first token.
    """

    def __init__(self, res: NerResources) -> None:
        self.words = res.words
        self.lexicon = _Lexicon(res.names)
        self.groups = frozenset(res.features)
        unknown = self.groups - set(FEATURE_GROUPS)
        if unknown:
            raise ValueError(f"NER artefact uses unknown feature groups {sorted(unknown)}")
        self.titles = frozenset(res.titles)
        self.pad = _pad_roles(PAD, self.groups)
        self.end = _pad_roles(END, self.groups)
        self._cache: dict[str, WordFeatures] = {}

    def word(self, w: str) -> WordFeatures:
        """(own features, lower form, shape, features given to neighbours) of a word form; cached."""
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        out = self.compute(w)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[w] = out
        return out

    def compute(self, w: str) -> WordFeatures:
        """:meth:`word` without the cache (the predictor keeps weight sums per form, not these lists:
        holding ~15 lists per form only made the garbage collector slower)."""
        lw = w.lower()
        sh = _shape(w)
        info = self.words.get(lw)
        feats = ["b", "w=" + lw, "sh=" + sh, "p2=" + lw[:2], "p3=" + lw[:3], "s2=" + lw[-2:], "s3=" + lw[-3:],
                 "s4=" + lw[-4:], "len=" + str(min(len(w), 9))]
        if w[:1].isupper():
            feats.append("T")
            if len(w) > 1 and w.isupper():
                feats.append("U")
        if any(ch.isdigit() for ch in w):
            feats.append("D")
        if info is None:
            feats.append("c=NA")
            fine = "NA"
        else:
            c1, c2, c3, cap = info
            if c1 >= 0:
                feats += ["c1=" + str(c1), "c2=" + str(c2), "c3=" + str(c3)]
                fine = str(c3)
            else:
                feats.append("c=RARE")
                fine = "RARE"
            feats.append("cap=" + str(cap))
            if w[:1].isupper() and cap >= 0:
                feats.append("Tcap=" + str(cap))
        roles = _roles(lw, sh, fine)
        if self.groups:
            self._add_groups(w, lw, sh, fine, info, feats, roles)
        return feats, lw, sh, roles

    def _add_groups(self, w: str, lw: str, sh: str, fine: str, info: list[int] | None, own: list[str],
                    roles: Roles) -> None:
        """The optional neighbour groups of a word form, appended in place to ``own`` and ``roles``."""
        prev, nxt, prev2, nxt2 = roles
        groups = self.groups
        if "n2c" in groups:
            mid = str(info[1]) if info is not None and info[0] >= 0 else fine
            prev.append("m-1=" + mid)
            nxt.append("m+1=" + mid)
            prev2.append("c-2=" + fine)
            nxt2.append("c+2=" + fine)
        if "naff" in groups:
            prev.append("s3-1=" + lw[-3:])
            nxt += ["s3+1=" + lw[-3:], "p3+1=" + lw[:3]]
        if "ncap" in groups:
            cap = ("T" if w[:1].isupper() else "l") + (str(info[3]) if info is not None else "NA")
            prev.append("cap-1=" + cap)
            nxt.append("cap+1=" + cap)
        if "nsh2" in groups:
            prev2.append("sh-2=" + sh)
            nxt2.append("sh+2=" + sh)
        if "ttl" in groups and lw in self.titles:
            own.append("ttl")
            prev.append("ttl-1")
            prev2.append("ttl-2")
            nxt.append("ttl+1")

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature strings of each token of a sentence."""
        parts = [self.word(w) for w in words]
        lex = self.lexicon.features([p[1] for p in parts])
        ctx = [(PAD, PAD), (PAD, PAD), *((p[1], p[2]) for p in parts), (END, END), (END, END)]
        roles = [self.pad, self.pad, *(p[3] for p in parts), self.end, self.end]
        seqs: list[list[str]] = []
        for i in range(len(words)):
            l1, me, r1 = ctx[i + 1], ctx[i + 2], ctx[i + 3]
            f = [
                *parts[i][0], *roles[i + 1][0], *roles[i + 3][1], *roles[i][2], *roles[i + 4][3],
                "b-=" + l1[0] + "|" + me[0], "b+=" + me[0] + "|" + r1[0],
                "shw=" + l1[1] + "|" + me[1] + "|" + r1[1],
                *lex[i],
            ]
            if i == 0:
                f.append("first")
            seqs.append(f)
        return seqs


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of BIO ``tags``; an I- without a matching B- opens a span (conlleval)."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if start >= 0 and (kind != "I" or lab != label):
            spans.append((start, i, label))
            start = -1
        if kind == "B" or (kind == "I" and start < 0):
            start, label = i, lab
    return spans
