"""Inflection from data: generate the inflected forms of a lemma, and analyse a word back to lemmas.

Why our own and not a stemmer: the trigger lexicon needs *which* affix a word carries (Indonesian
``diserang`` is passive, ``penyerangan`` a process noun whose genitive is the patient, ``serangan`` a
result noun whose genitive is the agent; English ``attacked`` is a participle, ``the killing of`` a
process noun), and the measured stemmer (PySastrawi) both drops that information and errs on common news
verbs (``dikuasai`` -> ``asai``). Generating forms from the lemmas we list is exact, fast (one dict lookup
per token) and never invents a lemma.

Everything language-specific is the pack's ``affixes.toml`` (and optionally ``irregular_forms.tsv``):

- templates: PREFIX + "-" + SUFFIX names (``meN--kan``, ``-an``) parsed on the fly, or templates declared
  explicitly in ``[templates]`` (English ``v-ed`` = suffix "ed");
- ``[roles]``: which templates are nominal, passive, a participle, a process noun, an agent noun... (read
  by the argument rules);
- ``[nasal]``: assimilation of nasal prefixes (a prefix written with ``N``: meN-, peN-);
- ``[r_loss]``: prefixes that lose their final letter before some lemmas (ber-/ter-/per-);
- ``[spelling]``: suffix spelling rules (English ``seize`` + ed -> ``seized``, ``stab`` + ed ->
  ``stabbed``, ``try`` + s -> ``tries``);
- ``[clitics]``: endings that may follow any form (``-nya``; English ``'s``);
- ``[pos] merge_ambiguous``: a surface that is both a noun and a verb form of one row (English
  ``attack``) gets an *ambiguous* template whose reading the trigger finder settles from context;
- irregular forms (``shoot`` v-ed -> ``shot``) replace the generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Morphology", "SpellingRule", "Template", "parse_template"]

_VOWELS = re.compile(r"[aiueo]+")


@dataclass(frozen=True)
class Template:
    """An inflection template: ``prefix`` (may hold the nasal ``N``) + lemma + ``suffix``, with its roles.

    ``roles`` come from the pack's ``affixes.toml`` (nominal, passive, active, participle, process, agent,
    gerund...). ``alternatives`` is set on an *ambiguous* template (a surface that is a verb form and a noun
    form of one lemma): the readings a context rule chooses between.
    """

    name: str
    prefix: str
    suffix: str
    roles: frozenset[str] = frozenset()
    alternatives: tuple[Template, ...] = ()

    def has(self, role: str) -> bool:
        """Whether the template carries ``role``."""
        return role in self.roles

    @property
    def nominal(self) -> bool:
        """The template derives a noun (Indonesian -an, peN-an; English noun forms)."""
        return "nominal" in self.roles

    @property
    def passive(self) -> bool:
        """The form puts the patient in subject position by itself (Indonesian di-, ter-)."""
        return "passive" in self.roles

    @property
    def active(self) -> bool:
        """An active transitive (or intransitive) verb form (Indonesian meN-)."""
        return "active" in self.roles


def parse_template(name: str, roles: Iterable[str] = ()) -> Template:
    """``"meN--kan"`` -> Template(prefix "meN", suffix "kan"); ``"base"`` -> no affixes."""
    if name in ("base", "="):
        return Template(name, "", "", frozenset(roles))
    if "-" not in name:
        raise ValueError(f"affix template {name!r} has no '-' separating prefix and suffix")
    prefix, _, suffix = name.partition("-")
    if suffix.startswith("-"):
        suffix = suffix[1:]
    return Template(name, prefix, suffix, frozenset(roles))


@dataclass(frozen=True)
class SpellingRule:
    """How a suffix attaches to lemmas matching ``when``: drop letters, write ``add`` (default the suffix),
    or double the final consonant (``double``: both the doubled and the plain form are generated)."""

    suffix: str
    when: re.Pattern[str]
    drop: int = 0
    add: str | None = None
    double: bool = False

    def apply(self, lemma: str) -> list[str]:
        stem = lemma[: len(lemma) - self.drop] if self.drop else lemma
        add = self.suffix if self.add is None else self.add
        if self.double:
            return [stem + stem[-1] + add, stem + add]
        return [stem + add]


def _role_table(settings: Mapping[str, Any]) -> dict[str, dict[str, frozenset[str]]]:
    out: dict[str, dict[str, frozenset[str]]] = {}
    for role, spec in settings.get("roles", {}).items():
        out[role] = {k: frozenset(spec.get(k, ())) for k in ("prefixes", "suffixes", "names")}
    return out


@dataclass
class Morphology:
    """Applies the inflection rules of one language pack (see ``affixes.toml``)."""

    nasal_rules: list[tuple[re.Pattern[str], str, int]]
    monosyllable_infix: str
    prefixes: dict[str, str]
    clitics: tuple[str, ...]
    macros: dict[str, list[str]]
    role_rules: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    declared: dict[str, Template] = field(default_factory=dict)
    spelling: tuple[SpellingRule, ...] = ()
    r_loss_prefixes: frozenset[str] = frozenset()
    r_loss_when: re.Pattern[str] | None = None
    irregular: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    merge_ambiguous: bool = False
    noun_head_last: bool = False
    hyphen: str = "both"
    hyphen_stop: frozenset[str] = frozenset()
    _templates: dict[str, Template] = field(default_factory=dict, repr=False)
    _ambiguous: dict[tuple[str, str], Template] = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(cls, settings: dict[str, Any], irregular: Sequence[Mapping[str, str]] = ()) -> Morphology:
        """Build from the parsed ``affixes.toml`` and the rows of ``irregular_forms.tsv`` (if any)."""
        nasal = settings.get("nasal", {})
        rules = [(re.compile(r["when"]), r["infix"], int(r["drop"])) for r in nasal.get("rules", [])]
        clitics = tuple(sorted(settings.get("clitics", {}).get("endings", []), key=len, reverse=True))
        role_rules = _role_table(settings)
        declared = {}
        for name, spec in settings.get("templates", {}).items():
            declared[name] = Template(name, spec.get("prefix", ""), spec.get("suffix", ""),
                                      frozenset(spec.get("roles", ())))
        spelling = tuple(
            SpellingRule(r["suffix"], re.compile(r["when"]), int(r.get("drop", 0)), r.get("add"),
                         bool(r.get("double", False)))
            for r in settings.get("spelling", {}).get("rules", [])
        )
        r_loss = settings.get("r_loss", {})
        irr: dict[tuple[str, str], tuple[str, ...]] = {}
        for row in irregular:
            forms = tuple(f.strip().lower() for f in row["forms"].split("|") if f.strip())
            for template in row["template"].split(","):
                irr[(row["lemma"].strip().lower(), template.strip())] = forms
        pos = settings.get("pos", {})
        compounds = settings.get("compounds", {})
        return cls(
            nasal_rules=rules,
            monosyllable_infix=nasal.get("monosyllable_infix", ""),
            prefixes=dict(settings.get("prefixes", {})),
            clitics=clitics,
            macros={k: list(v) for k, v in settings.get("macros", {}).items()},
            role_rules=role_rules,
            declared=declared,
            spelling=spelling,
            r_loss_prefixes=frozenset(r_loss.get("prefixes", ())),
            r_loss_when=re.compile(r_loss["when"]) if r_loss.get("when") else None,
            irregular=irr,
            merge_ambiguous=bool(pos.get("merge_ambiguous", False)),
            noun_head_last=bool(pos.get("noun_head_last", False)),
            hyphen=str(compounds.get("hyphen", "both")),
            hyphen_stop=frozenset(compounds.get("hyphen_stop", ())),
        )

    # -- templates --------------------------------------------------------------------------------

    def template(self, name: str) -> Template:
        """The template called ``name`` (declared in ``[templates]`` or parsed), with its roles."""
        found = self._templates.get(name)
        if found is None:
            found = self.declared.get(name)
            if found is None:
                parsed = parse_template(name)
                found = parse_template(name, self._roles_of(parsed))
            self._templates[name] = found
        return found

    def _roles_of(self, t: Template) -> set[str]:
        roles = set()
        for role, spec in self.role_rules.items():
            if t.name in spec["names"] or (t.prefix and t.prefix in spec["prefixes"]) or (
                t.suffix and t.suffix in spec["suffixes"]
            ):
                roles.add(role)
        return roles

    @property
    def literal(self) -> Template:
        """The template of a lemma matched as written (forms ``=``)."""
        return self.template("=")

    def templates(self, spec: str) -> list[Template]:
        """Expand a forms spec (``"VT,-an"``, macro names or template names, comma separated)."""
        out: list[Template] = []
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            for name in self.macros.get(part, [part]):
                out.append(self.template(name))
        return out

    def ambiguous(self, first: Template, second: Template) -> Template:
        """The template of a surface that is both ``first`` and ``second`` (a verb and a noun form)."""
        key = (first.name, second.name)
        found = self._ambiguous.get(key)
        if found is None:
            found = Template(f"{first.name}|{second.name}", "", "", frozenset({"ambiguous"}), (first, second))
            self._ambiguous[key] = found
        return found

    # -- generation -------------------------------------------------------------------------------

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
        if self.r_loss_when is not None and self.r_loss_when.search(root):
            return base[:-1]
        return base

    def _suffixed(self, root: str, suffix: str) -> list[str]:
        for rule in self.spelling:
            if rule.suffix == suffix and rule.when.search(root):
                return rule.apply(root)
        return [root + suffix]

    def surfaces(self, root: str, template: Template) -> list[str]:
        """All written forms of ``root`` under ``template`` (clitics not included)."""
        root = root.lower()
        irregular = self.irregular.get((root, template.name))
        if irregular is not None:
            return list(irregular)
        if template.name in ("base", "=") or not (template.prefix or template.suffix):
            return [root]
        prefix = template.prefix
        if not prefix:
            return self._suffixed(root, template.suffix)
        stem = root + template.suffix
        if prefix.endswith("N"):
            return self._nasal(prefix[:-1], root) if not template.suffix else [
                s + template.suffix for s in self._nasal(prefix[:-1], root)
            ]
        if prefix in self.r_loss_prefixes:
            return [self._r_loss(prefix, root) + stem]
        return [prefix + stem]

    def generate(self, root: str, spec: str) -> dict[str, Template]:
        """Surface form -> template for every template in ``spec``.

        The first template to produce a surface keeps it, except that with ``merge_ambiguous`` a surface
        produced by a nominal and a verbal template gets an ambiguous template holding both.
        """
        out: dict[str, Template] = {}
        for template in self.templates(spec):
            for surface in self.surfaces(root, template):
                prev = out.get(surface)
                if prev is None:
                    out[surface] = template
                elif self.merge_ambiguous and not prev.alternatives and prev.nominal != template.nominal:
                    out[surface] = self.ambiguous(prev, template)
                elif (self.merge_ambiguous and not prev.suffix and not prev.nominal and not prev.alternatives
                      and template.has("participle")):
                    out[surface] = template  # "beat", "hit", "set": the past reading (news narrates the past)
        return out

    # -- analysis ---------------------------------------------------------------------------------

    def strip_clitics(self, word: str) -> list[str]:
        """``word`` and ``word`` without one enclitic (menahannya -> menahan), longest ending first."""
        out = [word]
        for ending in self.clitics:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                out.append(word[: -len(ending)])
        return out

    def compound_parts(self, word: str) -> list[str]:
        """Parts of a hyphenated word to look up: a reduplication's base (tembak-menembak, pesawat-pesawat),
        else (``[compounds] hyphen``) the right part, the left part, or both; never a part after a stop
        prefix ("anti-war" is not a war)."""
        left, _, right = word.partition("-")
        if not left or not right:
            return []
        if left == right:
            return [left]
        if left in self.hyphen_stop:
            return []
        if self.hyphen == "right":
            return [right]
        if self.hyphen == "none":
            return []
        return [right, left]

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
        templates = [self.template(n) for n in sorted(names)]
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

    def _infixes(self) -> tuple[list[str], list[str]]:
        """Nasal infixes (longest first) and the initial letters a nasal replaces, from the nasal rules."""
        infixes = {infix for _, infix, _ in self.nasal_rules if infix}
        if self.monosyllable_infix:
            infixes.add(self.monosyllable_infix)
        restore = [p.pattern[1] for p, _, drop in self.nasal_rules
                   if drop == 1 and len(p.pattern) == 2 and p.pattern[0] == "^"]
        return sorted(infixes, key=len, reverse=True), restore

    def _root_candidates(self, word: str, template: Template) -> list[str]:
        stem = word
        prefix = template.prefix
        if template.suffix and not prefix:
            cands = [word[: -len(template.suffix)]] if word.endswith(template.suffix) else []
            return [c for c in cands + self._unsuffixed(word, template.suffix) if c]
        if template.suffix:
            if not stem.endswith(template.suffix):
                return []
            stem = stem[: -len(template.suffix)]
        if not prefix:
            return [stem] if stem else []
        if prefix.endswith("N"):
            base = prefix[:-1]
            if not stem.startswith(base):
                return []
            rest = stem[len(base) :]
            cands = [rest]
            infixes, restore = self._infixes()
            for infix in infixes:
                if rest.startswith(infix):
                    tail = rest[len(infix) :]
                    cands.append(tail)
                    cands.extend(letter + tail for letter in restore)
            return [c for c in cands if len(c) >= 2]
        cands = []
        if stem.startswith(prefix):
            cands.append(stem[len(prefix) :])
        if prefix in self.r_loss_prefixes and stem.startswith(prefix[:-1]):
            cands.append(stem[len(prefix) - 1 :])
        return [c for c in cands if len(c) >= 2]

    def _unsuffixed(self, word: str, suffix: str) -> list[str]:
        """Lemma candidates of a suffixed word written with a spelling rule (seized -> seize, tries -> try)."""
        out = []
        for rule in self.spelling:
            add = rule.suffix if rule.add is None else rule.add
            if rule.suffix == suffix and word.endswith(add):
                stem = word[: -len(add)]
                if rule.double and len(stem) >= 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])
                tail = re.search(r"([a-z]+)\$$", rule.when.pattern)
                out.append(stem + (tail.group(1)[-rule.drop :] if tail and rule.drop else ""))
        return out
