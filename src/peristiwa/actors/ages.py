"""Entity source ``ages``: a name followed by an age in parentheses is a person's ("Yuyun (14)").

Why: Indonesian news gives the age of the people it names, victims and suspects above all, right after
the name ("korban, Yuyun (14)", "Sergei Domogatskii (40)"); only persons get one. A name the other sources
miss (one given name, a foreign name) is then still a person, and its later uses ("Yuyun") are the same
person through the stage's coreference of name parts. Known aliases (an organisation or place written
before a number in parentheses) and common words are not names. The pack turns it on
(``actors.toml`` ``names_with_age``; the unit words an age may carry are ``initials_age_units``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..model import Document, Entity
from .registry import ActorRegistry

__all__ = ["source_ages"]


@functools.lru_cache(maxsize=8)
def _pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    unit = f"(?: (?:{'|'.join(re.escape(u) for u in units)}))?" if units else ""
    word = r"[A-Z][^\W\d_]*(?:['-][^\W\d_]+)*"
    return re.compile(rf"(?<![\w-])(?P<name>{word}(?: {word}){{0,3}}) \(\d{{1,2}}{unit}\)")


def source_ages(doc: Document, reg: ActorRegistry, country: str | None) -> Iterable[Entity]:
    """Persons named with their age in parentheses; the mention is the name without a title before it."""
    settings = reg.pack.settings("actors.toml") if reg.pack.has("actors.toml") else {}
    if not settings.get("names_with_age") or "(" not in doc.text:
        return
    for m in _pattern(tuple(settings.get("initials_age_units", ()))).finditer(doc.text):
        words = m.group("name").split()
        start = m.start("name")
        # "Korban Yuyun (14)", "Kombes Ariasandy (45)": a common word or title opens the phrase, not the name
        while words and (words[0].lower() in reg.common_words or reg.titles.lookup(words[0])):
            start += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if not name or (len(words) == 1 and len(name) < 3) or reg.aliases.lookup(name) or name.isupper():
            continue  # initials are the initials source's; an alias ("Golkar (17)") is no person
        yield Entity(start=start, end=m.end("name"), label="PER", name=name, country=None, sector=None,
                     origin="actors.age", confidence=0.7)
