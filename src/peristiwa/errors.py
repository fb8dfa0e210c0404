"""One documented exception tree; every message says what went wrong and where.

Why: a batch of ten thousand articles must never die on one bad file, and a user must be able to act on
an error without reading a traceback. Library code raises these; batch runners catch
:class:`DocumentError` per document, record it (the store's ``errors`` table) and go on.

::

    PeristiwaError
    ├── ConfigError                 invalid or unknown configuration
    ├── PipelineError               a pipeline that cannot be built
    │   ├── UnknownStageError       a stage name not in the registry
    │   └── MissingRequirementError a stage needs a layer no earlier stage provides
    ├── LanguagePackError           a pack or one of its data files is missing or malformed
    ├── DocumentError               one input or document failed; carries ``where`` (file[:line] or doc_id)
    │   ├── IngestError             unreadable, empty, binary, malformed or oversized input
    │   └── StageError              a stage failed on a document
    ├── StoreError                  the database cannot be opened or written
    └── EvaluationError             a gold file that cannot be scored
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DocumentError",
    "EvaluationError",
    "IngestError",
    "LanguagePackError",
    "MissingRequirementError",
    "PeristiwaError",
    "PipelineError",
    "StageError",
    "StoreError",
    "UnknownStageError",
]


class PeristiwaError(Exception):
    """Base of every error peristiwa raises on purpose."""


class ConfigError(PeristiwaError):
    """The configuration is invalid: names the file and the key."""


class PipelineError(PeristiwaError):
    """A pipeline cannot be built from its configuration."""


class UnknownStageError(PipelineError):
    """A configured stage name is not registered."""


class MissingRequirementError(PipelineError):
    """A stage requires a layer that no earlier stage provides."""


class LanguagePackError(PeristiwaError):
    """A language pack, or one of its data files, is missing or malformed."""


class DocumentError(PeristiwaError):
    """One input or document failed; the rest of the batch goes on.

    ``where`` names the file (with ``:line`` for JSONL) or the document id; ``reason`` is a short
    machine-friendly code (``empty``, ``binary``, ``malformed-json``...), ``message`` the human text.
    """

    def __init__(self, where: str, reason: str, message: str) -> None:
        self.where = where
        self.reason = reason
        self.message = message
        super().__init__(f"{where}: {message}")


class IngestError(DocumentError):
    """An input could not be turned into a document."""


class StageError(DocumentError):
    """A pipeline stage failed on a document."""


class StoreError(PeristiwaError):
    """The DuckDB store cannot be opened, read or written."""


class EvaluationError(PeristiwaError):
    """A gold file is missing, malformed, or cannot be scored."""
