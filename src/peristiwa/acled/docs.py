"""Markdown renderings of the ACLED mapping data, for ``docs/acled-mapping.md``.

Why generated: the documentation must say exactly what the data files say; a test compares the tables in
``docs/acled-mapping.md`` with these renderings, so a changed row without updated docs fails the suite.
"""

from __future__ import annotations

from .mapping import AcledMapping, Condition, load_mapping

__all__ = ["classes_markdown", "mapping_markdown", "sync_markdown"]


def _cell(conds: tuple[Condition, ...], aliases: dict[str, frozenset[str]] | None = None) -> str:
    parts = []
    for c in conds:
        names = set(c.names)
        shown = []
        for alias, members in sorted((aliases or {}).items(), key=lambda kv: -len(kv[1])):
            if members <= names:
                shown.append(alias)
                names -= members
        shown += sorted(names)
        parts.append(("not " if c.negated else "") + " or ".join(shown))
    return "; ".join(parts) or "any"


def mapping_markdown(mapping: AcledMapping | None = None) -> str:
    """``acled_map.tsv`` as a Markdown table, in decision order."""
    m = mapping or load_mapping()
    aliases = dict(m.aliases)
    cols = ["#", "PLOVER type", "modes", "actor", "recipient", "context", "ACLED event type", "sub-event type",
            "actor1", "why", "ACLED source"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for i, r in enumerate(m.rules, 1):
        lines.append(
            "| "
            + " | ".join([
                str(i),
                " or ".join(sorted(r.types)),
                _cell(r.modes),
                _cell(r.actor, aliases),
                _cell(r.recipient, aliases),
                _cell(r.context),
                r.event_type or "*(not coded)*",
                r.sub_event_type or "",
                r.actor1,
                r.rationale,
                r.source,
            ])
            + " |"
        )
    return "\n".join(lines) + "\n"


def classes_markdown(mapping: AcledMapping | None = None) -> str:
    """``acled_classes.tsv`` and ``acled_sectors.tsv`` as a Markdown table."""
    m = mapping or load_mapping()
    cols = ["class", "inter (acting)", "inter (target)", "inter (organised violence)", "sectors"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for c in sorted(m.classes.values(), key=lambda c: c.priority):
        sectors = ", ".join(sorted(s for s, cls in m.sectors.items() if cls == c.name)) or "—"
        lines.append(f"| {c.name} | {c.inter} | {c.inter_target} | {c.inter_violent} | {sectors} |")
    return "\n".join(lines) + "\n"


def sync_markdown(text: str, mapping: AcledMapping | None = None) -> str:
    """``text`` with its generated blocks (``<!-- BEGIN acled_map ... -->`` / ``<!-- END acled_map -->``, and
    the same for ``acled_classes``) replaced by fresh renderings of the data."""
    for name, body in (("acled_map", mapping_markdown(mapping)), ("acled_classes", classes_markdown(mapping))):
        begin = text.index(f"<!-- BEGIN {name}")
        start = text.index("\n", begin) + 1
        end = text.index(f"<!-- END {name} -->")
        text = text[:start] + body + text[end:]
    return text
