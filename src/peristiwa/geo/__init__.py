"""Places: the compact gazetteer and the ``geo.places`` geocoding stage.

Public API: :func:`load_gazetteer` / :class:`Gazetteer` (name -> :class:`GeoEntry` candidates) and
:func:`geocode` (a document's place mentions as :class:`~peristiwa.model.Place` records). How: mentions
(:mod:`~peristiwa.geo.mentions`) from the pack's place words (:mod:`~peristiwa.geo.words`), resolved with
the document as context (:mod:`~peristiwa.geo.resolve`). Evaluation on LGL/GeoVirus:
:mod:`peristiwa.evaluate.geo`.
"""

from .gazetteer import Gazetteer, GeoEntry, load_gazetteer, name_key
from .geocode import geocode

__all__ = ["Gazetteer", "GeoEntry", "geocode", "load_gazetteer", "name_key"]
