"""Stage registry and pipelines: functions ``Document -> Document`` under versioned names.

Why: every capability (segmentation, a language pack's events, geocoding, quotes) plugs in the same way,
declares which document layers it ``requires`` and ``provides``, and is checked when the pipeline is
built, not halfway through a corpus. A pipeline is fully described by its :class:`~peristiwa.config.Config`,
so a Dask worker rebuilds an identical one from a plain dict.

Registering a stage (a factory receiving a :class:`StageContext` and returning the stage function)::

    @registry.stage("extract.example", version=1, requires=("sentences",), provides=("events",))
    def make_example(ctx: StageContext) -> StageFn:
        def run(doc: Document) -> Document:
            return doc.with_layers(events=())
        return run
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .errors import MissingRequirementError, PeristiwaError, StageError, UnknownStageError
from .langs.base import PackLoader
from .model import Document

#: allocations between two collections of the youngest generation once a language has settled (see
#: :meth:`Pipeline._settle`)
_GEN0_THRESHOLD = 20_000

__all__ = ["INITIAL_LAYERS", "Pipeline", "Registry", "StageContext", "StageFn", "StageInfo", "registry"]

StageFn = Callable[[Document], Document]

#: Layers every ingested document has before any stage runs.
INITIAL_LAYERS: frozenset[str] = frozenset({"text", "lang", "published", "metadata"})

#: Modules whose import registers the built-in stages.
_BUILTIN_STAGE_MODULES = (
    "peristiwa.text.segment",
    "peristiwa.actors.stage",
    "peristiwa.geo.stage",
    "peristiwa.extract.dates",
    "peristiwa.extract.counts",
    "peristiwa.extract.quotes",
    "peristiwa.extract.events",
    "peristiwa.acled.stage",
)


@dataclass(frozen=True)
class StageContext:
    """What a stage factory receives: the whole config, its own options, and the language packs."""

    config: Config
    options: dict[str, Any]
    packs: PackLoader


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: name, version, declared layers and its factory."""

    name: str
    version: int
    requires: frozenset[str]
    provides: frozenset[str]
    factory: Callable[[StageContext], StageFn]
    langs: frozenset[str] | None = None
    doc: str = ""

    @property
    def key(self) -> str:
        """The pinned reference ``name@version``."""
        return f"{self.name}@{self.version}"


@dataclass
class Registry:
    """Versioned stage factories. ``registry`` is the process-wide default instance."""

    _stages: dict[str, dict[int, StageInfo]] = field(default_factory=dict)
    _builtins_loaded: bool = False

    def stage(
        self,
        name: str,
        *,
        version: int = 1,
        requires: Iterable[str] = (),
        provides: Iterable[str] = (),
        langs: Iterable[str] | None = None,
    ) -> Callable[[Callable[[StageContext], StageFn]], Callable[[StageContext], StageFn]]:
        """Decorator registering a stage factory under ``name@version``."""

        def decorate(factory: Callable[[StageContext], StageFn]) -> Callable[[StageContext], StageFn]:
            info = StageInfo(
                name=name,
                version=version,
                requires=frozenset(requires),
                provides=frozenset(provides),
                factory=factory,
                langs=frozenset(langs) if langs is not None else None,
                doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
            )
            self._stages.setdefault(name, {})[version] = info
            return factory

        return decorate

    def _ensure_builtins(self) -> None:
        if not self._builtins_loaded:
            self._builtins_loaded = True
            for module in _BUILTIN_STAGE_MODULES:
                importlib.import_module(module)

    def get(self, ref: str) -> StageInfo:
        """Look up ``name`` (newest version) or ``name@version``."""
        self._ensure_builtins()
        name, _, version = ref.partition("@")
        versions = self._stages.get(name)
        if not versions:
            known = ", ".join(sorted(self._stages)) or "none"
            raise UnknownStageError(f"unknown stage {name!r}; registered stages: {known}")
        if not version:
            return versions[max(versions)]
        try:
            return versions[int(version)]
        except (ValueError, KeyError):
            have = ", ".join(f"{name}@{v}" for v in sorted(versions))
            raise UnknownStageError(f"unknown version in {ref!r}; available: {have}") from None

    def all(self) -> list[StageInfo]:
        """Every registered stage version, sorted by name and version."""
        self._ensure_builtins()
        return [info for name in sorted(self._stages) for _, info in sorted(self._stages[name].items())]


registry = Registry()


def validate(stages: list[StageInfo], initial: frozenset[str] = INITIAL_LAYERS) -> None:
    """Check that each stage's requirements are provided earlier; name both ends when not."""
    provided: dict[str, str] = {layer: "ingestion" for layer in initial}
    for info in stages:
        for need in sorted(info.requires):
            if need not in provided:
                providers = [
                    s.key for s in registry.all() if need in s.provides and s.key != info.key
                ]
                hint = f" (provided by {', '.join(providers)}; add it before {info.name})" if providers else ""
                raise MissingRequirementError(
                    f"stage {info.key} requires {need!r}, which no earlier stage provides{hint}"
                )
        for layer in info.provides:
            provided.setdefault(layer, info.key)


class Pipeline:
    """An ordered, validated list of stages built from a :class:`Config`.

    >>> pipe = Pipeline(Config.load())
    >>> [s.name for s in pipe.stages][:2]
    ['segment.sentences', 'segment.tokens']
    """

    def __init__(self, config: Config | None = None, *, packs: PackLoader | None = None) -> None:
        self.config = config or Config.load()
        self.packs = packs or PackLoader()
        self.stages: tuple[StageInfo, ...] = tuple(registry.get(ref) for ref in self.config.pipeline.stages)
        validate(list(self.stages))
        self._fns: tuple[StageFn, ...] = tuple(
            info.factory(StageContext(self.config, self.config.stage_options(info.name), self.packs))
            for info in self.stages
        )
        #: languages whose first document has run: their tables are built (see :meth:`_settle`)
        self._settled: set[str | None] = set()

    @classmethod
    def from_config(cls, data: Config | dict[str, Any]) -> Pipeline:
        """Rebuild a pipeline from a config or its plain-dict form (what Dask workers receive)."""
        return cls(data if isinstance(data, Config) else Config.from_dict(data))

    @property
    def provides(self) -> frozenset[str]:
        """All layers a document has after this pipeline."""
        out = set(INITIAL_LAYERS)
        for info in self.stages:
            out |= info.provides
        return frozenset(out)

    def __call__(self, doc: Document) -> Document:
        """Run every stage; a failure raises :class:`StageError` naming the document and stage."""
        for info, fn in zip(self.stages, self._fns, strict=True):
            if info.langs is not None and doc.lang not in info.langs:
                continue
            try:
                doc = fn(doc)
            except PeristiwaError as exc:
                raise StageError(doc.doc_id, f"stage:{info.name}", f"stage {info.key} failed: {exc}") from exc
            except Exception as exc:  # a bug in one stage must not sink the batch
                raise StageError(
                    doc.doc_id, f"stage:{info.name}", f"stage {info.key} failed: {type(exc).__name__}: {exc}"
                ) from exc
            doc = doc.with_layers(stages=(*doc.stages, info.key))
        if doc.lang not in self._settled:
            self._settle(doc.lang)
        return doc

    def _settle(self, lang: str | None) -> None:
        """After the first document of a language: move what is alive now out of the cyclic collector's view.

        Why: the stages build their tables lazily on the first document (the pack's phrase matchers, actor
        registry and quote lexicon, the gazetteer), and they live as long as the process. Left in the
        collector's generations, every full collection walks all of them again (about 40 ms each, a few
        times per hundred articles); with the collections of the young generations that made about a tenth
        of the CPU of a corpus run. :func:`gc.freeze` moves them to the permanent generation once. Objects
        frozen here are still freed by reference counting; only a cycle among them would stay until exit.

        The youngest generation's threshold is also raised (to :data:`_GEN0_THRESHOLD` unless set higher):
        one article allocates tens of thousands of small objects (tokens, matches, views, layer records), most
        of them freed by reference counting when its stage ends, so at the default of 700 the collector ran
        five times per article and promoted what was alive at that moment, which later older collections walked
        again (3-4% of the CPU of a run); a few collections per hundred articles find the same cycles.
        """
        self._settled.add(lang)
        gc.freeze()
        gen0, *older = gc.get_threshold()
        if 0 < gen0 < _GEN0_THRESHOLD:  # 0: collection disabled by the caller, left so
            gc.set_threshold(_GEN0_THRESHOLD, *older)

    def run_many(self, docs: Iterable[Document]) -> Iterator[Document | StageError]:
        """Process documents one by one, yielding each result or its error; never stops early."""
        for doc in docs:
            try:
                yield self(doc)
            except StageError as exc:
                yield exc
