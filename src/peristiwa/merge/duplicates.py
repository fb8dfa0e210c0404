"""Near-duplicate articles: reposts, syndicated and truncated copies grouped by MinHash LSH over shingles.

Why: the most cited failure of automatic event data is counting reports instead of events (GDELT's 366
"kidnappings" in two days that were one abduction). The seed itself is a blog repost of a news story.
Copies are grouped, the earliest (then most complete) copy is canonical, and every copy is kept as
provenance. The index is incremental: documents added later join existing groups, and signatures (with
their shingle counts) can be saved and reloaded so a store can rebuild it without re-reading texts.

Two copies are the same article when the estimated Jaccard similarity of their word 5-shingles reaches
``threshold`` (light edits, furniture added or removed), *or* when one is estimated to be contained in the
other at ``containment`` or more (a syndicated excerpt, a truncated repost, an article with an update
appended). Containment comes from the MinHash Jaccard estimate and the two shingle counts:
``|A ∩ B| = J (|A| + |B|) / (1 + J)``, divided by the smaller set. LSH retrieves candidates at the lower
``candidate_threshold`` so that short excerpts of long articles are found at all; every candidate is then
checked with the rule above, so LSH only decides what is compared, never what is merged.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

__all__ = ["SIGNATURE_SCHEME", "DuplicateGroup", "DuplicateIndex", "Link", "shingles"]

_WORD = re.compile(r"\w+", re.UNICODE)
# datasketch's name for 32-bit hash values (only used to label the MinHash objects we build ourselves)
_SCHEME = "affine32"
#: How signatures are computed; stored with them, so signatures made another way are never compared.
SIGNATURE_SCHEME = "crc32-words-multiply-shift-seed1"
_MAX_HASH = np.uint64((1 << 32) - 1)
_MIX = np.uint64(1_000_003)
_SHIFT = np.uint64(32)


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Fixed random multiply-shift hash functions ``(a * h + b) mod 2^64 >> 32`` (a odd): a 2-universal
    family computed with wrapping 64-bit arithmetic, so no slow modulo is needed."""
    rng = np.random.RandomState(1)
    a = rng.randint(1, 1 << 63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.randint(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def _lean(values: np.ndarray) -> MinHash:
    """A signature object without datasketch's permutation tables (we never update it, only compare)."""
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


def _shingle_hashes(text: str, size: int) -> np.ndarray:
    """Distinct 32-bit hashes of the lower-cased word ``size``-grams (the whole text when shorter)."""
    words = np.fromiter((zlib.crc32(w.lower().encode("utf-8")) for w in _WORD.findall(text)), dtype=np.uint64)
    n = words.size - size + 1
    if n < 1:
        if words.size == 0:
            return words
        n, size = 1, words.size
    h = np.zeros(n, dtype=np.uint64)
    for k in range(size):
        h = (h * _MIX + words[k : k + n]) & _MAX_HASH
    return np.unique(h)


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text when shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class DuplicateGroup:
    """A set of copies of one article; ``canonical`` is the earliest, then the longest, copy."""

    group_id: str
    canonical: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """Why a document joined its group: the copy it matched first and the estimated similarities."""

    doc_id: str
    other: str
    jaccard: float
    containment: float


@dataclass
class _Entry:
    published: dt.date | None
    length: int
    signature: MinHash
    size: int  # number of distinct shingles


@dataclass
class DuplicateIndex:
    """Incremental MinHash LSH index of documents, grouping near-duplicates with union-find.

    >>> idx = DuplicateIndex(threshold=0.5)
    >>> a = "Polisi menangkap tiga terduga teroris di Sleman pada Selasa malam setelah penyelidikan panjang."
    >>> _ = idx.add("a", a)
    >>> _ = idx.add("b", a + " Baca juga: berita lain.")
    >>> idx.group_of("a") == idx.group_of("b")
    True
    """

    threshold: float = 0.5
    containment: float = 0.8
    candidate_threshold: float = 0.3
    #: containment only counts when the smaller copy has at least this many shingles (about 30 words)
    min_shingles: int = 25
    num_perm: int = 128
    shingle_size: int = 5
    _lsh: MinHashLSH = field(init=False, repr=False)
    _entries: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _parent: dict[str, str] = field(default_factory=dict, repr=False)
    _links: dict[str, Link] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        lsh_threshold = min(self.threshold, self.candidate_threshold)
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=self.num_perm)

    def signature(self, text: str) -> MinHash:
        """The MinHash signature of ``text``'s shingles."""
        return self.signature_and_size(text)[0]

    def signature_and_size(self, text: str) -> tuple[MinHash, int]:
        """The signature and the number of distinct shingles (needed to estimate containment).

        Vectorised: each word is hashed once (CRC-32), a shingle's hash combines its words' hashes, and
        ``num_perm`` multiply-shift hash functions (fixed seed, see :data:`SIGNATURE_SCHEME`) are applied to
        all shingles at once: several times faster than datasketch's SHA-1 per shingle.
        """
        hashes = _shingle_hashes(text, self.shingle_size)
        a, b = _permutations(self.num_perm)
        if hashes.size == 0:
            values = np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        else:
            values = ((hashes[:, None] * a[None, :] + b[None, :]) >> _SHIFT).min(axis=0)
        return _lean(values), int(hashes.size)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, doc_id: str, text: str, published: dt.date | None = None) -> str:
        """Index one document (idempotent by ``doc_id``) and return its group id."""
        if doc_id in self._entries:
            return self.group_of(doc_id)
        sig, size = self.signature_and_size(text)
        return self.add_signature(doc_id, sig, published, len(text), size=size)

    def add_signature(
        self, doc_id: str, sig: MinHash, published: dt.date | None, length: int, *, size: int | None = None
    ) -> str:
        """Index a precomputed signature (e.g. reloaded from a store). Without ``size`` (the shingle count)
        only the Jaccard rule applies to this document."""
        if doc_id in self._entries:
            return self.group_of(doc_id)
        entry = _Entry(published, length, sig, size or 0)
        self._entries[doc_id] = entry
        self._parent[doc_id] = doc_id
        for other in sorted(self._lsh.query(sig)):
            jac, cont = self.similarity(entry, self._entries[other])
            if jac >= self.threshold or cont >= self.containment:
                if self._find(doc_id) != self._find(other):
                    self._links.setdefault(doc_id, Link(doc_id, other, round(jac, 3), round(cont, 3)))
                self._union(doc_id, other)
        self._lsh.insert(doc_id, sig)
        return self.group_of(doc_id)

    def similarity(self, a: _Entry, b: _Entry) -> tuple[float, float]:
        """``(jaccard, containment)`` estimates; containment is 0 when a shingle count is unknown or small."""
        jac = float(a.signature.jaccard(b.signature))
        small, large = sorted((a.size, b.size))
        if small < self.min_shingles:
            return jac, 0.0
        inter = jac * (small + large) / (1.0 + jac)
        return jac, min(1.0, inter / small)

    def add_many(self, items: Iterable[tuple[str, str, dt.date | None]]) -> None:
        """Index ``(doc_id, text, published)`` triples."""
        for doc_id, text, published in items:
            self.add(doc_id, text, published)

    def _find(self, x: str) -> str:
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def group_of(self, doc_id: str) -> str:
        """The id of ``doc_id``'s group (the smallest member id)."""
        return self._find(doc_id)

    def link_of(self, doc_id: str) -> Link | None:
        """The match that first joined ``doc_id`` to another copy (None for a document indexed alone or
        only joined by later documents)."""
        return self._links.get(doc_id)

    def groups(self, *, singletons: bool = False) -> list[DuplicateGroup]:
        """All groups (of two or more copies unless ``singletons``), canonical copy first chosen."""
        members: dict[str, list[str]] = {}
        for doc_id in self._entries:
            members.setdefault(self._find(doc_id), []).append(doc_id)
        out = []
        for gid, ids in sorted(members.items()):
            if len(ids) < 2 and not singletons:
                continue
            out.append(DuplicateGroup(gid, self._canonical(ids), tuple(sorted(ids))))
        return out

    def _canonical(self, ids: list[str]) -> str:
        def key(doc_id: str) -> tuple[dt.date, int, str]:
            e = self._entries[doc_id]
            return (e.published or dt.date.max, -e.length, doc_id)

        return min(ids, key=key)

    def jaccard_between(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed documents."""
        return float(self._entries[a].signature.jaccard(self._entries[b].signature))

    @staticmethod
    def dump_signature(sig: MinHash) -> bytes:
        """Serialise a signature for storage (little-endian uint32: the affine32 scheme's values fit)."""
        return np.asarray(sig.hashvalues, dtype="<u4").tobytes()

    def load_signature(self, data: bytes) -> MinHash:
        """Inverse of :meth:`dump_signature` (also reads the older uint64 form)."""
        dtype = "<u4" if len(data) == 4 * self.num_perm else "<u8"
        return _lean(np.frombuffer(data, dtype=dtype).astype(np.uint64))
