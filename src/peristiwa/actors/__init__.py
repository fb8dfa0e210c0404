"""Actors: the registry of canonical actor names and the ``extract.entities`` stage.

Public API: :func:`resolve_actor` (span text -> :class:`ActorInfo`), :func:`registry_for` (a pack's compiled
tables) and :func:`extract_entities` (all entity mentions of a document).
"""

from .registry import ActorInfo, ActorRegistry, registry_for, resolve_actor
from .stage import extract_entities

__all__ = ["ActorInfo", "ActorRegistry", "extract_entities", "registry_for", "resolve_actor"]
