"""The Indonesian (``id``) language pack: data files under ``data/``."""

from ..base import LanguagePack

PACK = LanguagePack(code="id", name="Indonesian", package=__name__)
