"""peristiwa: auditable event data from news text.

Who did what to whom, where, when, how many, and who says so, every field traced to a character span of
the source. The typed Python API is the product; the CLI, HTTP API and dashboard are thin layers over it.

>>> import peristiwa
>>> doc = peristiwa.annotate("Polisi menangkap tiga orang di Jakarta, Selasa (6/10).", lang="id",
...                          published="2015-10-07")
>>> doc.lang, len(doc.sentences)
('id', 1)
"""

from __future__ import annotations

import datetime as dt

from .config import Config
from .errors import (
    ConfigError,
    DocumentError,
    EvaluationError,
    IngestError,
    LanguagePackError,
    MissingRequirementError,
    PeristiwaError,
    PipelineError,
    StageError,
    StoreError,
    UnknownStageError,
)
from .model import (
    AcledView,
    Actor,
    Count,
    DateMention,
    DateValue,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Sentence,
    Span,
    Token,
)
from .output import to_record
from .pipeline import Pipeline, StageContext, registry

__version__ = "0.1.0"

__all__ = [
    "AcledView",
    "Actor",
    "Config",
    "ConfigError",
    "Count",
    "DateMention",
    "DateValue",
    "Document",
    "DocumentError",
    "Entity",
    "EvaluationError",
    "Event",
    "IngestError",
    "LanguagePackError",
    "MissingRequirementError",
    "PeristiwaError",
    "Pipeline",
    "PipelineError",
    "Place",
    "Quote",
    "Sentence",
    "Span",
    "StageContext",
    "StageError",
    "StoreError",
    "Token",
    "UnknownStageError",
    "__version__",
    "annotate",
    "registry",
    "to_record",
]


def annotate(
    text: str,
    *,
    lang: str | None = None,
    published: str | dt.date | None = None,
    doc_id: str = "doc",
    config: Config | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Clean one text as ingestion does, run the default (or given) pipeline, return the document.

    ``lang`` is identified when not given; ``published`` anchors relative dates ("kemarin"). A text that
    cannot become a document (empty, unknown language) raises :class:`IngestError`.
    Build a :class:`Pipeline` once and pass it in when processing many texts.
    """
    from .ingest import read_text

    pub = dt.date.fromisoformat(published) if isinstance(published, str) else published
    pipe = pipeline or Pipeline(config or Config.load())
    doc = read_text(text, pipe.config.ingest, doc_id=doc_id, lang=lang, published=pub, packs=pipe.packs)
    if isinstance(doc, DocumentError):
        raise doc
    return pipe(doc)
