"""The English (``en``) language pack: data files under ``data/``."""

from ..base import LanguagePack

PACK = LanguagePack(code="en", name="English", package=__name__)
