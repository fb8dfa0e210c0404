"""The PLOVER -> ACLED mapping, read from documented data files and validated once.

Why data: how a PLOVER event (type + modes + who did it to whom) becomes an ACLED event type and sub-event
type is a reading of two codebooks, not an algorithm. Each decision is one row of ``data/acled_map.tsv``
with the ACLED Codebook definition it follows, so a conflict analyst can review and change it without
touching code. This module only parses those rows into small immutable matchers:

- ``acled_map.tsv``: ordered rules; the first whose conditions hold decides (see its header).
- ``acled_classes.tsv``: actor classes and their ACLED inter codes.
- ``acled_sectors.tsv``: actor sector values (peristiwa's and PLOVER's codes) -> class.
- ``acled_cues.tsv``: per-language words that settle what modes cannot (a grenade, a clash).
- ``acled.toml``: the ACLED taxonomy, PLOVER modes, class aliases and rule settings.

A malformed row raises :class:`~peristiwa.errors.ConfigError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError
from ..model import ACLED_EVENT_TYPES, EVENT_TYPES
from ..text.caseless import CaselessPattern, caseless

__all__ = [
    "AcledMapping",
    "ActorClass",
    "Condition",
    "Cue",
    "Rule",
    "compile_cues",
    "load_mapping",
    "read_tsv",
]

_PACKAGE = "peristiwa.acled"
_SIDES = ("actor", "recipient")
_CONTEXT_FLAGS = frozenset(
    {"killed", "injured", "displaced", "protest.violent", "protest.intervened", "protest.excessive"}
)


def read_tsv(text: str, where: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV text with a header (``#`` comment lines and blank lines skipped), with line numbers."""
    numbered = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        raise ConfigError(f"{where}: no header row")
    reader = csv.reader(io.StringIO("\n".join(ln for _, ln in numbered)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    out: list[tuple[int, dict[str, str]]] = []
    for (lineno, _), cells in zip(numbered[1:], rows[1:], strict=True):
        if len(cells) != len(header):
            raise ConfigError(f"{where}:{lineno}: {len(cells)} cells, the header has {len(header)}")
        out.append((lineno, {k: v.strip() for k, v in zip(header, cells, strict=True)}))
    return out


@dataclass(frozen=True)
class Condition:
    """One conjunct of a rule cell: holds when ``present`` shares a name with ``names`` (or, negated, none)."""

    names: frozenset[str]
    negated: bool = False

    def holds(self, present: Iterable[str]) -> bool:
        hit = not self.names.isdisjoint(present)
        return not hit if self.negated else hit


def _parse_cell(cell: str, expand: Mapping[str, frozenset[str]] | None = None) -> tuple[Condition, ...]:
    """``"a|b,!c"`` -> (any of a/b) and (not c); aliases in ``expand`` become their members."""
    out = []
    for clause in filter(None, (c.strip() for c in cell.split(","))):
        negated = clause.startswith("!")
        names: set[str] = set()
        for name in clause.lstrip("!").split("|"):
            name = name.strip()
            names |= expand.get(name, {name}) if expand else {name}
        out.append(Condition(frozenset(names), negated))
    return tuple(out)


@dataclass(frozen=True)
class Rule:
    """One row of ``acled_map.tsv``; ``event_type`` None means "not an ACLED event" (stop, no view)."""

    line: int
    types: frozenset[str]
    modes: tuple[Condition, ...]
    actor: tuple[Condition, ...]
    recipient: tuple[Condition, ...]
    context: tuple[Condition, ...]
    event_type: str | None
    sub_event_type: str | None
    actor1: str
    rationale: str
    source: str

    def matches(
        self, etype: str, modes: frozenset[str], actor: str, recipient: str, flags: frozenset[str]
    ) -> bool:
        """Whether every condition of the row holds for this event."""
        return (
            etype in self.types
            and all(c.holds(modes) for c in self.modes)
            and all(c.holds((actor,)) for c in self.actor)
            and all(c.holds((recipient,)) for c in self.recipient)
            and all(c.holds(flags) for c in self.context)
        )

    @property
    def where(self) -> str:
        """``acled_map.tsv:LINE`` (for audits and error messages)."""
        return f"acled_map.tsv:{self.line}"


@dataclass(frozen=True)
class ActorClass:
    """An ACLED actor class: its inter code as actor, as target, and as perpetrator of organised violence."""

    name: str
    inter: int
    inter_target: int
    inter_violent: int
    priority: int


@dataclass(frozen=True)
class Cue:
    """A compiled cue pattern of one language (``value`` only for ``fatality-word`` rows)."""

    lang: str
    name: str
    pattern: CaselessPattern  # matched case-insensitively
    value: int | None = None


def compile_cues(rows: Iterable[tuple[int, dict[str, str]]], where: str) -> tuple[Cue, ...]:
    """Compile cue rows (``lang cue pattern value source``); a bad pattern names its line."""
    cues = []
    for lineno, row in rows:
        try:
            pattern = caseless(row["pattern"])
            value = int(row["value"]) if row.get("value") else None
        except (re.error, ValueError, KeyError) as exc:
            raise ConfigError(f"{where}:{lineno}: bad cue row: {exc}") from None
        cues.append(Cue(row["lang"], row["cue"], pattern, value))
    return tuple(cues)


@dataclass(frozen=True)
class AcledMapping:
    """Everything the ACLED view needs, loaded from the package data (use :func:`load_mapping`)."""

    rules: tuple[Rule, ...]
    classes: Mapping[str, ActorClass]
    sectors: Mapping[str, str]
    cues: tuple[Cue, ...]
    subtypes: Mapping[str, tuple[str, ...]]
    aliases: Mapping[str, frozenset[str]]
    settings: Mapping[str, Any]
    old_schema: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    oracle: Mapping[str, Any] = field(default_factory=dict)

    @property
    def weapon_modes(self) -> frozenset[str]:
        return frozenset(self.settings["weapon_modes"])

    @property
    def excessive_force_modes(self) -> frozenset[str]:
        return frozenset(self.settings["excessive_force_modes"])

    @property
    def violent_event_types(self) -> frozenset[str]:
        return frozenset(self.settings["violent_event_types"])

    @property
    def nonlethal_subtypes(self) -> frozenset[str]:
        return frozenset(self.settings["nonlethal_subtypes"])

    @property
    def vague_fatalities(self) -> int:
        return int(self.settings["vague_fatalities"])

    def is_armed(self, cls: str) -> bool:
        """Whether an actor class is an armed, organised actor in ACLED's sense."""
        return cls in self.aliases["armed"]

    def sector_class(self, sector: str | None) -> str | None:
        """The class of a sector value; several sectors ("government;party") give the highest priority."""
        if not sector:
            return None
        parts = (p.strip().casefold() for p in re.split(r"[;,/|]", sector))
        found = [self.sectors[s] for s in parts if s in self.sectors]
        return min(found, key=lambda c: self.classes[c].priority) if found else None

    def rule_for(
        self, etype: str, modes: frozenset[str], actor: str, recipient: str, flags: frozenset[str]
    ) -> Rule | None:
        """The first matching rule (None when no row covers the event)."""
        for rule in self.rules:
            if rule.matches(etype, modes, actor, recipient, flags):
                return rule
        return None

    def cues_for(self, lang: str | None) -> tuple[Cue, ...]:
        """The shipped cues of one language."""
        return tuple(c for c in self.cues if c.lang == lang)


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data", name).read_text("utf-8")


def _check_rule(rule: Rule, settings: Mapping[str, Any], subtypes: Mapping[str, tuple[str, ...]]) -> None:
    where = rule.where
    bad_types = rule.types - set(EVENT_TYPES)
    if bad_types:
        raise ConfigError(f"{where}: unknown PLOVER type(s) {sorted(bad_types)}")
    known_modes = {m for t in rule.types for m in settings["plover_modes"].get(t, ())}
    for cond in rule.modes:
        if cond.names - known_modes:
            bad = sorted(cond.names - known_modes)
            raise ConfigError(f"{where}: mode(s) {bad} are not PLOVER modes of {sorted(rule.types)}")
    for cond in rule.context:
        for flag in cond.names:
            if flag not in _CONTEXT_FLAGS and not flag.startswith("cue:"):
                raise ConfigError(f"{where}: unknown context flag {flag!r}")
    if rule.event_type is not None and rule.sub_event_type not in subtypes.get(rule.event_type, ()):
        raise ConfigError(f"{where}: {rule.event_type!r} / {rule.sub_event_type!r} is not an ACLED type pair")
    if rule.actor1 not in _SIDES:
        raise ConfigError(f"{where}: actor1 must be 'actor' or 'recipient', not {rule.actor1!r}")


@lru_cache(maxsize=1)
def load_mapping() -> AcledMapping:
    """Load and validate the shipped mapping (cached: the data are immutable once loaded)."""
    try:
        settings = tomllib.loads(_read("acled.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"acled/data/acled.toml: not valid TOML: {exc}") from None
    subtypes = {k: tuple(v) for k, v in settings["subtypes"].items()}
    if set(subtypes) != set(ACLED_EVENT_TYPES):
        raise ConfigError("acled/data/acled.toml: [subtypes] must list exactly the 6 ACLED event types")
    classes = {
        row["class"]: ActorClass(
            row["class"], int(row["inter"]), int(row["inter_target"]), int(row["inter_violent"]), int(row["priority"])
        )
        for _, row in read_tsv(_read("acled_classes.tsv"), "acled_classes.tsv")
    }
    aliases = {k: frozenset(v) for k, v in settings["class_aliases"].items()}
    for name, members in aliases.items():
        if members - set(classes):
            raise ConfigError(f"acled.toml [class_aliases] {name}: unknown classes {sorted(members - set(classes))}")
    sectors: dict[str, str] = {}
    for lineno, row in read_tsv(_read("acled_sectors.tsv"), "acled_sectors.tsv"):
        if row["class"] not in classes:
            raise ConfigError(f"acled_sectors.tsv:{lineno}: unknown class {row['class']!r}")
        sectors[row["sector"].casefold()] = row["class"]
    side_names = {**aliases, **{c: frozenset({c}) for c in classes}, "none": frozenset({"none"})}
    rules = []
    for lineno, row in read_tsv(_read("acled_map.tsv"), "acled_map.tsv"):
        for side in _SIDES:
            for cond in _parse_cell(row[side], side_names):
                if cond.names - set(classes) - {"none"}:
                    raise ConfigError(f"acled_map.tsv:{lineno}: unknown {side} class in {row[side]!r}")
        coded = row["event_type"] not in ("", "-")
        rule = Rule(
            line=lineno,
            types=frozenset(t.strip() for t in row["type"].split("|")),
            modes=_parse_cell(row["modes"]),
            actor=_parse_cell(row["actor"], side_names),
            recipient=_parse_cell(row["recipient"], side_names),
            context=_parse_cell(row["context"]),
            event_type=row["event_type"] if coded else None,
            sub_event_type=row["sub_event_type"] if coded else None,
            actor1=row["actor1"] or "actor",
            rationale=row["rationale"],
            source=row["source"],
        )
        _check_rule(rule, settings, subtypes)
        rules.append(rule)
    cues = compile_cues(read_tsv(_read("acled_cues.tsv"), "acled_cues.tsv"), "acled_cues.tsv")
    return AcledMapping(
        rules=tuple(rules),
        classes=MappingProxyType(classes),
        sectors=MappingProxyType(sectors),
        cues=cues,
        subtypes=MappingProxyType(subtypes),
        aliases=MappingProxyType(aliases),
        settings=MappingProxyType(settings["rules"]),
        old_schema=MappingProxyType({k.casefold(): v for k, v in settings.get("old_schema", {}).items()}),
        oracle=MappingProxyType(settings.get("oracle", {})),
    )
