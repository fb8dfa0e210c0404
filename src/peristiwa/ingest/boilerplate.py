"""Removal of site furniture ("Tidak ada komentar:", "Baca juga: …", share rows) driven by pack data.

Why whole lines only: an article sentence must never be cut, so furniture is recognised only as a complete
line, and the riskier kinds only where furniture lives (in the trailing run of lines after the article).
Each language pack lists its patterns in ``data/boilerplate.tsv`` (columns ``pattern``, ``kind``,
``source``); this module holds the mechanism, the same for every language.

Kinds (a "line" is compared with runs of whitespace collapsed, case-insensitively):

``line``            the line is exactly the pattern (trailing ``:``/``.`` ignored); removed anywhere
``prefix``          the line starts with the pattern (then a non-letter) and is short; removed anywhere
``regex``           the line fully matches the regular expression; removed anywhere
``tail-line``, ``tail-prefix``, ``tail-regex``
                    as above, but removed only inside the trailing run: lines are dropped from the end
                    while they match a rule (or are blank) and the first article line stops the run
``trailing-block``  regular expression for a section header after which nothing belongs to the article
                    (a comment section: "3 komentar:"); that line and everything after it go. It never
                    fires on the first line, so at least some text is always kept before it.

Lines longer than :data:`MAX_FURNITURE_CHARS` (:data:`MAX_PREFIX_CHARS` for prefixes) are always article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import LanguagePackError
from ..langs.base import LanguagePack

__all__ = [
    "KINDS",
    "MAX_FURNITURE_CHARS",
    "MAX_PREFIX_CHARS",
    "BoilerplateRules",
    "Removal",
    "compile_rules",
    "rules_for_pack",
    "union_rules",
]

KINDS = ("line", "prefix", "regex", "tail-line", "tail-prefix", "tail-regex", "trailing-block")
#: No line longer than this is treated as furniture.
MAX_FURNITURE_CHARS = 300
#: A prefix rule ("Baca juga:") only removes lines up to this length: a headline fits, a paragraph not.
MAX_PREFIX_CHARS = 200
#: How much of the removed text is kept in the document's metadata for auditing.
_PREVIEW_CHARS = 300
_TABLE = "boilerplate.tsv"


@dataclass(frozen=True)
class Removal:
    """What :meth:`BoilerplateRules.apply` did: the cleaned text and what it removed."""

    text: str
    removed_lines: int
    removed_chars: int
    preview: str


def _alternation(parts: Sequence[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in parts) + r")\Z", re.IGNORECASE)


def _rule_regex(pattern: str, kind: str) -> str:
    base = kind.removeprefix("tail-")
    if base == "line":
        return re.escape(" ".join(pattern.split()).rstrip(":.")) + r"\s*[:.]*"
    if base == "prefix":
        literal = " ".join(pattern.split())
        # "Baca juga" must not match "Baca jugalah"; "Baca juga:" needs no such guard
        return re.escape(literal) + (r"(?!\w)" if literal[-1].isalnum() else "") + ".*"
    return pattern


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled rules: one alternation per position (anywhere, tail, trailing block)."""

    anywhere: re.Pattern[str] | None
    anywhere_prefix: re.Pattern[str] | None
    tail: re.Pattern[str] | None
    tail_prefix: re.Pattern[str] | None
    block: re.Pattern[str] | None

    def _matches(self, line: str, anywhere: bool) -> bool:
        if len(line) > MAX_FURNITURE_CHARS:
            return False
        key = " ".join(line.split())
        plain, prefix = (self.anywhere, self.anywhere_prefix) if anywhere else (self.tail, self.tail_prefix)
        if plain is not None and plain.match(key):
            return True
        return prefix is not None and len(key) <= MAX_PREFIX_CHARS and prefix.match(key) is not None

    def apply(self, text: str) -> Removal:
        """Remove furniture lines from a normalised text; article lines are returned unchanged.

        >>> rules = compile_rules([("Posting Komentar", "line"), (r"\\d+ komentar:?", "trailing-block"),
        ...                        ("Baca juga:", "prefix")])
        >>> rules.apply("Satu.\\nBaca juga: Judul lain\\nDua.\\n2 komentar:\\nBagus!\\nPosting Komentar").text
        'Satu.\\nDua.'
        """
        lines = text.split("\n")
        keep = [True] * len(lines)
        if self.block is not None:
            seen_text = False
            for i, line in enumerate(lines):
                key = " ".join(line.split())
                if seen_text and len(key) <= MAX_FURNITURE_CHARS and self.block.match(key):
                    for j in range(i, len(lines)):
                        keep[j] = False
                    break
                seen_text = seen_text or bool(key)
        for i, line in enumerate(lines):
            if keep[i] and line.strip() and self._matches(line, anywhere=True):
                keep[i] = False
        end = len(lines)
        while end > 0:
            line = lines[end - 1]
            if keep[end - 1] and line.strip() and not self._matches(line, anywhere=False):
                break
            keep[end - 1] = False
            end -= 1
        removed = [ln for ln, k in zip(lines, keep, strict=True) if not k and ln.strip()]
        if not removed:
            return Removal(text, 0, 0, "")
        kept_lines = [ln for ln, k in zip(lines, keep, strict=True) if k]
        cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
        preview = " | ".join(" ".join(ln.split()) for ln in removed)
        if len(preview) > _PREVIEW_CHARS:
            preview = preview[: _PREVIEW_CHARS - 1] + "…"
        return Removal(cleaned, len(removed), len(text) - len(cleaned), preview)


def compile_rules(rows: Iterable[tuple[str, str]], where: str = "boilerplate rules") -> BoilerplateRules:
    """Compile ``(pattern, kind)`` pairs; a bad kind or regular expression names the offending row."""
    groups: dict[str, list[str]] = {"any": [], "any-prefix": [], "tail": [], "tail-prefix": [], "block": []}
    for n, (pattern, kind) in enumerate(rows, start=1):
        if kind not in KINDS:
            raise LanguagePackError(f"{where}: rule {n} has unknown kind {kind!r} (expected one of {KINDS})")
        if not pattern.strip():
            raise LanguagePackError(f"{where}: rule {n} has an empty pattern")
        regex = _rule_regex(pattern, kind)
        try:
            re.compile(regex)
        except re.error as exc:
            raise LanguagePackError(f"{where}: rule {n} ({pattern!r}) is not a valid regex: {exc}") from None
        if kind == "trailing-block":
            groups["block"].append(regex)
        elif kind.startswith("tail-"):
            groups["tail-prefix" if kind == "tail-prefix" else "tail"].append(regex)
        else:
            groups["any-prefix" if kind == "prefix" else "any"].append(regex)
    # a line removable anywhere is also removable in the tail run
    return BoilerplateRules(
        anywhere=_alternation(groups["any"]),
        anywhere_prefix=_alternation(groups["any-prefix"]),
        tail=_alternation(groups["any"] + groups["tail"]),
        tail_prefix=_alternation(groups["any-prefix"] + groups["tail-prefix"]),
        block=_alternation(groups["block"]),
    )


def _pack_rows(pack: LanguagePack) -> list[tuple[str, str]]:
    if not pack.has(_TABLE):
        return []
    return [(row["pattern"], row["kind"]) for row in pack.table(_TABLE)]


def rules_for_pack(pack: LanguagePack) -> BoilerplateRules:
    """The compiled rules of one pack (memoised on the pack)."""
    rules: BoilerplateRules = pack.cached(
        "ingest.boilerplate", lambda: compile_rules(_pack_rows(pack), f"{pack.code}/data/{_TABLE}")
    )
    return rules


def union_rules(packs: Sequence[LanguagePack]) -> BoilerplateRules:
    """Rules of several packs together, for documents whose language has no pack of its own."""
    rows: list[tuple[str, str]] = []
    for pack in packs:
        rows.extend(_pack_rows(pack))
    return compile_rules(rows, "boilerplate tables of " + ", ".join(p.code for p in packs))
