"""Affixal morphology from data: generate the inflected forms of a root, and analyse a word back to roots.

Why our own and not a stemmer: the trigger lexicon needs *which* affix a word carries (``diserang`` is
passive, ``penyerangan`` a process noun whose genitive is the patient, ``serangan`` a result noun whose
genitive is the agent), and the measured stemmer (PySastrawi) both drops that information and errs on
common news verbs (``dikuasai`` -> ``asai``). Generating forms from the roots we list is exact, fast (one
dict lookup per token) and never invents a root. The rules (nasal assimilation of meN-/peN-, r-loss of
ber-/ter-/per-, clitics, templates) are the pack's ``affixes.toml``; this module only applies them, so a
language with similar affixation can reuse it.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Morphology", "Template", "parse_template"]

_VOWELS = re.compile(r"[aiueo]+")


@dataclass(frozen=True)
class Template:
    """An affix template: ``prefix`` (may hold the nasal ``N``) + root + ``suffix``; ``name`` as written."""

    name: str
    prefix: str
    suffix: str

    @property
    def nominal(self) -> bool:
        """Whether the template derives a noun (-an, peN-an, per-an, ke-an, peN- agent) or is the bare root."""
        return self.suffix == "an" or self.prefix in ("peN", "pe", "per") or self.name == "base"

    @property
    def passive(self) -> bool:
        """di- and ter- forms put the patient in subject position."""
        return self.prefix in ("di", "diper", "ter")

    @property
    def active(self) -> bool:
        """meN-/memper- forms are active transitive (or intransitive) verbs."""
        return self.prefix in ("meN", "memper")


def parse_template(name: str) -> Template:
    """``"meN--kan"`` -> Template(prefix "meN", suffix "kan"); ``"base"`` -> no affixes."""
    if name in ("base", "="):
        return Template(name, "", "")
    if "-" not in name:
        raise ValueError(f"affix template {name!r} has no '-' separating prefix and suffix")
    prefix, _, suffix = name.partition("-")
    if suffix.startswith("-"):
        suffix = suffix[1:]
    return Template(name, prefix, suffix)


@dataclass
class Morphology:
    """Applies the affix rules of one language pack (see ``affixes.toml``)."""

    nasal_rules: list[tuple[re.Pattern[str], str, int]]
    monosyllable_infix: str
    prefixes: dict[str, str]
    clitics: tuple[str, ...]
    macros: dict[str, list[str]]
    _templates: dict[str, Template] = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Morphology:
        """Build from the parsed ``affixes.toml``."""
        nasal = settings.get("nasal", {})
        rules = [(re.compile(r["when"]), r["infix"], int(r["drop"])) for r in nasal.get("rules", [])]
        clitics = tuple(sorted(settings.get("clitics", {}).get("endings", []), key=len, reverse=True))
        return cls(
            nasal_rules=rules,
            monosyllable_infix=nasal.get("monosyllable_infix", ""),
            prefixes=dict(settings.get("prefixes", {})),
            clitics=clitics,
            macros={k: list(v) for k, v in settings.get("macros", {}).items()},
        )

    # -- generation -------------------------------------------------------------------------------

    def templates(self, spec: str) -> list[Template]:
        """Expand a forms spec (``"VT,-an"``, macro names or template names, comma separated)."""
        out: list[Template] = []
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            names = self.macros.get(part, [part])
            for name in names:
                if name not in self._templates:
                    self._templates[name] = parse_template(name)
                out.append(self._templates[name])
        return out

    def _nasal(self, base: str, root: str) -> list[str]:
        out = []
        for pattern, infix, drop in self.nasal_rules:
            if pattern.search(root):
                out.append(base + infix + root[drop:])
                break
        if self.monosyllable_infix and len(_VOWELS.findall(root)) == 1:
            out.append(base + self.monosyllable_infix + root)
        return out

    def _r_loss(self, base: str, root: str) -> str:
        """ber-/ter-/per- drop their r before r- roots and roots whose first syllable ends in -er."""
        if root.startswith("r") or re.match(r"^[^aiueo]*er[^aiueo]", root):
            return base[:-1]
        return base

    def surfaces(self, root: str, template: Template) -> list[str]:
        """All written forms of ``root`` under ``template`` (clitics not included)."""
        root = root.lower()
        if template.name in ("base", "="):
            return [root]
        stem = root + template.suffix
        prefix = template.prefix
        if not prefix:
            return [stem]
        if prefix in ("meN", "peN"):
            return self._nasal(prefix[:-1], root) if not template.suffix else [
                s + template.suffix for s in self._nasal(prefix[:-1], root)
            ]
        if prefix in ("ber", "ter", "per"):
            return [self._r_loss(prefix, root) + stem]
        return [prefix + stem]

    def generate(self, root: str, spec: str) -> dict[str, Template]:
        """Surface form -> template for every template in ``spec``."""
        out: dict[str, Template] = {}
        for template in self.templates(spec):
            for surface in self.surfaces(root, template):
                out.setdefault(surface, template)
        return out

    # -- analysis ---------------------------------------------------------------------------------

    def strip_clitics(self, word: str) -> list[str]:
        """``word`` and ``word`` without one enclitic (menahannya -> menahan), longest ending first."""
        out = [word]
        for ending in self.clitics:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                out.append(word[: -len(ending)])
        return out

    def analyze(self, word: str, roots: Container[str], specs: Iterable[str] = ("ALL",)) -> list[tuple[str, str]]:
        """Candidate ``(root, template name)`` readings of ``word`` whose root is in ``roots``.

        Works by generation: for every split of ``word`` into prefix material, stem and suffix, the stem
        (with each possible elided initial letter restored) is a candidate root, kept only when the
        template regenerates ``word`` exactly. ``specs`` limits templates (default: every macro).
        """
        names = set()
        for spec in specs:
            if spec == "ALL":
                for macro in self.macros.values():
                    names.update(macro)
                names.add("base")
            else:
                names.update(t.name for t in self.templates(spec))
        templates = [self.templates(n)[0] for n in sorted(names)]
        found: list[tuple[str, str]] = []
        for form in self.strip_clitics(word.lower()):
            parts = form.split("-")
            # reduplication: tembak-menembak, pesawat-pesawat
            candidates = [parts[1], parts[0]] if len(parts) == 2 and parts[0] and parts[1] else [form]
            for cand in candidates:
                for template in templates:
                    for root in self._root_candidates(cand, template):
                        if root in roots and cand in self.surfaces(root, template):
                            pair = (root, template.name)
                            if pair not in found:
                                found.append(pair)
        return found

    def _root_candidates(self, word: str, template: Template) -> list[str]:
        stem = word
        if template.suffix:
            if not stem.endswith(template.suffix):
                return []
            stem = stem[: -len(template.suffix)]
        prefix = template.prefix
        if not prefix:
            return [stem] if stem else []
        if prefix in ("meN", "peN"):
            base = prefix[:-1]
            if not stem.startswith(base):
                return []
            rest = stem[len(base) :]
            cands = [rest]
            for infix in ("nge", "ng", "ny", "m", "n"):
                if rest.startswith(infix):
                    tail = rest[len(infix) :]
                    cands.append(tail)
                    cands.extend(restore + tail for restore in ("k", "p", "t", "s"))
            return [c for c in cands if len(c) >= 2]
        cands = []
        if stem.startswith(prefix):
            cands.append(stem[len(prefix) :])
        if prefix in ("ber", "ter", "per") and stem.startswith(prefix[:-1]):
            cands.append(stem[len(prefix) - 1 :])
        return [c for c in cands if len(c) >= 2]
