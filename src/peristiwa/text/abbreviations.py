"""Whether a short form abbreviates a longer phrase.

Why one place: Indonesian writes institutions and offices both by syllabic acronyms ("Satpolairud" for
"Satuan Polisi Perairan dan Udara", "Kejati" for "Kejaksaan Tinggi") and by contracted titles ("Menperin"
for "Menteri Perindustrian"); the actor sources and the coreference of bare titles ask the same question.
"""

from __future__ import annotations

__all__ = ["abbreviates"]


def abbreviates(short: str, phrase: str) -> bool:
    """Whether ``short`` is made of ``phrase``'s letters in order, starting with its first letter
    (case-insensitive).

    >>> abbreviates("Satpolairud", "Satuan Polisi Perairan dan Udara")
    True
    >>> abbreviates("Menperin", "Ketua Umum Kadin")
    False
    """
    short, phrase = short.lower(), phrase.lower()
    letters = iter(phrase)
    return bool(short) and short[0] == phrase[:1] and all(c in letters for c in short)
