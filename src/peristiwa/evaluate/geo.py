"""Geoparsing evaluation: LGL and GeoVirus, scored the way the geoparsing literature does.

Why this yardstick: the two corpora (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation") annotate
every toponym of real news with its coordinates, so they measure both halves of geocoding at once: finding
the place mentions (recall) and choosing the right place among same-named candidates (Paris, Texas or
Paris, France; "Georgia" the state or the country). The issue's target counts a toponym that peristiwa did
not find as an error, so accuracy here is end-to-end, not "given gold spans".

Matching: a gold toponym is resolved by the predicted place that overlaps its span most (ties: the earlier
place); its error is the great-circle distance between the two points. A toponym with no overlapping place,
or whose place has no coordinates, is missed (error = half the Earth's circumference, 20,038 km, for the
error statistics).

Measures (:class:`GeoReport`):

- ``accuracy`` (acc@161): share of gold toponyms whose error is at most 161 km (100 miles);
- ``found``: share of gold toponyms with an overlapping place (with coordinates);
- ``accuracy_area``: the same, also counting a country or continent whose representative point lies
  161-1,000 km from the gold point (the corpora use different conventions: LGL GeoNames' points, GeoVirus
  Wikipedia's, e.g. China at 35°N 105°E or 103°E);
- ``precision``: share of predicted places with coordinates that overlap some gold toponym;
- ``mean_km`` / ``median_km`` over found toponyms; ``auc``: area under the curve of log errors over all
  toponyms (misses at the maximum), as in Gritta et al. (0 is perfect, 1 is all wrong).

With ``sources`` (``peristiwa evaluate --geo --sources``) each LGL paper's home region is first learned
from a plain run over its articles (:func:`learn_source_regions`, no gold) and the articles are geocoded
again with it as their focus, as a deployment that configures ``source_regions`` would (docs/geocoding.md).

Readers: :func:`read_lgl` (``lgl.xml``: ``<toponym>`` with ``<gaztag>`` coordinates; toponyms without
coordinates are not scored), :func:`read_geovirus` (``GeoVirus.xml``: ``<location>``; its offsets are
1-based and are re-anchored on the name) and :func:`read_geoparsing` choosing by the file's content.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from ..config import Config
from ..errors import DocumentError, EvaluationError
from ..model import Document, Place
from ..pipeline import Pipeline

__all__ = [
    "ACCURACY_KM",
    "GEO_TARGETS",
    "GeoArticle",
    "GeoReport",
    "GeoToponym",
    "distance_km",
    "evaluate_geoparsing",
    "geo_pipeline",
    "learn_source_regions",
    "read_geoparsing",
    "read_geovirus",
    "read_lgl",
    "render_geo_report",
]

#: The literature's threshold: 161 km = 100 miles.
ACCURACY_KM = 161.0
#: The issue's target for accuracy@161 km (missed toponyms count as errors).
GEO_TARGETS: dict[str, float] = {"accuracy": 0.85}
_MAX_KM = 20038.0
_AREA_KM = 1000.0  # a country/continent point this close to the gold point is the same area
_EARTH_KM = 6371.0088


@dataclass(frozen=True)
class GeoToponym:
    """A gold toponym: its span in the article text, surface, point and (LGL) GeoNames feature code."""

    start: int
    end: int
    text: str
    lat: float
    lon: float
    feature: str | None = None


@dataclass(frozen=True)
class GeoArticle:
    """One article of a geoparsing corpus (text kept in memory only); ``source``: its paper (LGL domain)."""

    doc_id: str
    text: str
    toponyms: tuple[GeoToponym, ...]
    source: str | None = None


@dataclass
class GeoReport:
    """Scores of one corpus. ``errors_km`` has one entry per gold toponym (misses at 20,038 km)."""

    source: str
    articles: int = 0
    failed: int = 0
    toponyms: int = 0
    found: int = 0
    within: int = 0
    country_points: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    errors_km: list[float] = field(default_factory=list, repr=False)
    missed: Counter[str] = field(default_factory=Counter, repr=False)
    wrong: Counter[str] = field(default_factory=Counter, repr=False)
    spurious: Counter[str] = field(default_factory=Counter, repr=False)

    @property
    def accuracy(self) -> float | None:
        """acc@161: toponyms within 161 km of gold over all gold toponyms."""
        return self.within / self.toponyms if self.toponyms else None

    @property
    def accuracy_area(self) -> float | None:
        """acc@161 counting a right country or continent as right even when the two datasets put its
        representative point more than 161 km apart (GeoVirus uses Wikipedia's points, LGL GeoNames')."""
        return (self.within + self.country_points) / self.toponyms if self.toponyms else None

    @property
    def recall(self) -> float | None:
        """Gold toponyms with an overlapping predicted place that has coordinates."""
        return self.found / self.toponyms if self.toponyms else None

    @property
    def precision(self) -> float | None:
        """Predicted places (with coordinates) overlapping some gold toponym."""
        return self.predicted_matched / self.predicted if self.predicted else None

    @property
    def found_errors(self) -> list[float]:
        return [e for e in self.errors_km if e < _MAX_KM]

    @property
    def mean_km(self) -> float | None:
        """Mean error of the found toponyms."""
        errs = self.found_errors
        return sum(errs) / len(errs) if errs else None

    @property
    def median_km(self) -> float | None:
        """Median error of the found toponyms."""
        errs = self.found_errors
        return statistics.median(errs) if errs else None

    @property
    def auc(self) -> float | None:
        """Area under the curve of normalised log errors (Gritta et al. 2018); lower is better."""
        if not self.errors_km:
            return None
        top = math.log(_MAX_KM + 1)
        return sum(math.log(min(e, _MAX_KM) + 1) / top for e in self.errors_km) / len(self.errors_km)

    def to_dict(self) -> dict[str, Any]:
        """Plain values (rounded), plus the most frequent missed and wrongly placed surfaces."""
        def r(x: float | None, n: int = 4) -> float | None:
            return None if x is None else round(x, n)

        return {
            "source": self.source, "articles": self.articles, "failed": self.failed, "toponyms": self.toponyms,
            "accuracy": r(self.accuracy), "within": self.within, "accuracy_area": r(self.accuracy_area),
            "country_points": self.country_points, "recall": r(self.recall),
            "precision": r(self.precision), "mean_km": r(self.mean_km, 1), "median_km": r(self.median_km, 1),
            "auc": r(self.auc), "missed": self.missed.most_common(30), "wrong": self.wrong.most_common(30),
            "spurious": self.spurious.most_common(30),
        }

    def meets_targets(self) -> dict[str, bool]:
        """Each target of :data:`GEO_TARGETS`: met or not (False when undefined)."""
        return {k: (getattr(self, k) or 0.0) >= v for k, v in GEO_TARGETS.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius).

    >>> round(distance_km(33.5, 36.3, 34.73, 36.71))
    142
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _root(path: str | Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"{path}: cannot read geoparsing corpus: {exc}") from None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_lgl(path: str | Path) -> list[GeoArticle]:
    """LGL (Lieberman et al. 2010, Gritta's XML): articles with toponyms that have gold coordinates."""
    out: list[GeoArticle] = []
    for i, art in enumerate(_root(path).iter("article")):
        text = art.findtext("text") or ""
        tops: list[GeoToponym] = []
        for tp in art.iter("toponym"):
            gaz = tp.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            if gaz is None or lat is None or lon is None:
                continue
            start, end = int(tp.findtext("start") or 0), int(tp.findtext("end") or 0)
            tops.append(GeoToponym(start, end, text[start:end], lat, lon, gaz.findtext("fcode")))
        out.append(GeoArticle(art.get("docid") or f"lgl-{i}", text, tuple(tops), art.findtext("domain") or None))
    return out


def _anchor(text: str, name: str, start: int) -> int | None:
    """Where ``name`` really starts near ``start`` (GeoVirus offsets are 1-based)."""
    for shift in (-1, 0, 1, -2, 2):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift
    return None


def read_geovirus(path: str | Path) -> list[GeoArticle]:
    """GeoVirus (Gritta et al. 2018): WikiNews articles with ``<location>`` names and coordinates."""
    out: list[GeoArticle] = []
    for i, art in enumerate(_root(path).iter("article")):
        text = art.findtext("text") or ""
        tops: list[GeoToponym] = []
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            start = _anchor(text, name, int(loc.findtext("start") or 0))
            if start is None or lat is None or lon is None:
                continue
            tops.append(GeoToponym(start, start + len(name), name, lat, lon))
        out.append(GeoArticle(f"geovirus-{i}", text, tuple(tops)))
    return out


def read_geoparsing(path: str | Path) -> list[GeoArticle]:
    """LGL or GeoVirus, recognised by their elements (``<toponym>`` vs ``<location>``)."""
    root = _root(path)
    if root.find("./article/toponyms") is not None:
        return read_lgl(path)
    if root.find("./article/locations") is not None:
        return read_geovirus(path)
    raise EvaluationError(f"{path}: neither LGL (<toponyms>) nor GeoVirus (<locations>) format")


def geo_pipeline(config: Config | None = None, *, demonyms: bool | None = True) -> Pipeline:
    """The configured pipeline cut after ``geo.places``: what geoparsing needs, nothing later.

    ``demonyms`` (default True) turns on adjectival toponyms ("Russian", "Palestinians"), which LGL and
    GeoVirus annotate and the event configuration leaves out; None keeps the configuration's setting.
    """
    cfg = config or Config.load()
    stages = list(cfg.pipeline.stages)
    names = [s.split("@", 1)[0] for s in stages]
    if "geo.places" not in names:
        raise EvaluationError("the pipeline has no geo.places stage")
    cut = stages[: names.index("geo.places") + 1]
    extra: dict[str, Any] = {"pipeline": {"stages": cut}}
    if demonyms is not None:
        extra["stages"] = {"geo.places": {**cfg.stage_options("geo.places"), "demonyms": demonyms}}
    return Pipeline(cfg.replace(**extra))


def _best_overlap(places: list[Place], top: GeoToponym) -> Place | None:
    best: Place | None = None
    best_len = 0
    for p in places:
        ov = min(p.end, top.end) - max(p.start, top.start)
        if ov > best_len:
            best, best_len = p, ov
    return best


def score_article(report: GeoReport, art: GeoArticle, doc: Document | None) -> None:
    """Add one article's toponyms (and its predicted places) to ``report``."""
    places = [p for p in (doc.places if doc is not None else ()) if p.lat is not None and p.lon is not None]
    report.articles += 1
    for top in art.toponyms:
        report.toponyms += 1
        p = _best_overlap(places, top)
        if p is None or p.lat is None or p.lon is None:
            report.errors_km.append(_MAX_KM)
            report.missed[top.text] += 1
            continue
        report.found += 1
        err = distance_km(p.lat, p.lon, top.lat, top.lon)
        report.errors_km.append(err)
        if err <= ACCURACY_KM:
            report.within += 1
        else:
            if p.feature in ("country", "region") and err <= _AREA_KM:
                report.country_points += 1
            report.wrong[f"{top.text} -> {p.name} ({p.admin1 or ''}, {p.country or ''})"] += 1
    for p in places:
        report.predicted += 1
        if any(p.start < t.end and t.start < p.end for t in art.toponyms):
            report.predicted_matched += 1
        elif doc is not None:
            report.spurious[doc.text[p.start : p.end]] += 1


def _run(pipe: Pipeline, art: GeoArticle, lang: str) -> Document | None:
    try:
        return pipe(Document(doc_id=art.doc_id, text=art.text, lang=lang, source=art.source))
    except DocumentError:
        return None


#: a source covers a region when this share of its placed names (at least this many, in at least two
#: articles) lie in one first-level division
_SOURCE_SHARE, _SOURCE_MIN, _SOURCE_DOCS = 0.5, 5, 2


def learn_source_regions(docs: list[Document]) -> dict[str, str]:
    """Each source's home region (``"CC/Division"``) from the geocoder's own places in its articles: the
    division most of them lie in (Lieberman et al. 2010's "local lexicon" of a paper, learned without gold).
    A division named as such votes too, a country or region does not; sources with too few places or no
    dominant division get none."""
    votes: dict[str, Counter[tuple[str, str]]] = {}
    docs_of: dict[tuple[str, str, str], set[str]] = {}
    for doc in docs:
        if not doc.source:
            continue
        for p in doc.places:
            if p.country and p.admin1 and p.lat is not None and p.feature not in ("country", "region"):
                votes.setdefault(doc.source, Counter())[(p.country, p.admin1)] += 1
                docs_of.setdefault((doc.source, p.country, p.admin1), set()).add(doc.doc_id)
    out: dict[str, str] = {}
    for source, counter in sorted(votes.items()):
        (country, admin1), n = counter.most_common(1)[0]
        if n >= _SOURCE_MIN and n >= _SOURCE_SHARE * sum(counter.values()) \
                and len(docs_of[(source, country, admin1)]) >= _SOURCE_DOCS:
            out[source] = f"{country}/{admin1}"
    return out


def evaluate_geoparsing(
    path: str | Path, pipeline: Pipeline | None = None, *, limit: int | None = None, lang: str = "en",
    sources: bool = False, config: Config | None = None,
) -> GeoReport:
    """Run ``pipeline`` (default: :func:`geo_pipeline`) on each article of an LGL/GeoVirus file and score
    the places it found against the gold toponyms (see the module docstring for the measures).

    ``sources``: first learn each source's home region from a plain run (:func:`learn_source_regions`),
    then geocode again with it as the documents' focus (``source_regions`` of geo.places; needs
    ``config``, the configuration the pipeline was built from, or the default one)."""
    pipe = pipeline if pipeline is not None else geo_pipeline(config)
    articles = read_geoparsing(path)[:limit]
    docs = [_run(pipe, art, lang) for art in articles]
    if sources:
        regions = learn_source_regions([d for d in docs if d is not None])
        if regions:
            cfg = config or Config.load()
            options = {**cfg.stage_options("geo.places"), "source_regions": regions}
            pipe = geo_pipeline(cfg.replace(stages={"geo.places": options}))
            docs = [_run(pipe, art, lang) for art in articles]
    report = GeoReport(source=Path(path).name)
    for art, doc in zip(articles, docs, strict=True):
        if doc is None:
            report.failed += 1
        score_article(report, art, doc)
    return report


def _fmt(x: float | None, spec: str = ".3f") -> str:
    return "—" if x is None else format(x, spec)


def render_geo_report(report: GeoReport, *, top: int = 10) -> Table:
    """A rich table: the measures with counts and targets, then the most frequent misses and wrong places."""
    title = f"Geoparsing: {report.source} ({report.articles} articles"
    title += f", {report.failed} failed)" if report.failed else ")"
    table = Table(title=title)
    for col, just in (("measure", "left"), ("value", "right"), ("n / d", "right"), ("target", "right")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    target = GEO_TARGETS["accuracy"]
    table.add_row("accuracy@161 km", _fmt(report.accuracy), f"{report.within} / {report.toponyms}", f"≥ {target:.2f}")
    table.add_row("accuracy, country as area", _fmt(report.accuracy_area),
                  f"{report.within + report.country_points} / {report.toponyms}", "")
    table.add_row("toponyms found", _fmt(report.recall), f"{report.found} / {report.toponyms}", "")
    table.add_row("precision of places", _fmt(report.precision), f"{report.predicted_matched} / {report.predicted}",
                  "")
    table.add_row("mean error (found), km", _fmt(report.mean_km, ".0f"), "", "")
    table.add_row("median error (found), km", _fmt(report.median_km, ".0f"), "", "")
    table.add_row("AUC (lower is better)", _fmt(report.auc), "", "")
    groups = (("missed", report.missed), ("wrong place", report.wrong), ("not a toponym", report.spurious))
    for label, counter in groups:
        if counter:
            table.add_section()
            table.add_row(f"[b]most often {label}[/b]", "", "count", "")
            for name, n in counter.most_common(top):
                table.add_row(name, "", str(n), "")
    return table
