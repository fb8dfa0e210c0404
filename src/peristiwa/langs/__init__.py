"""Language packs: per-language data files plus the few rules that truly differ between languages."""

from .base import LanguagePack, PackLoader

__all__ = ["LanguagePack", "PackLoader"]
