"""Geoparsing evaluation: readers for LGL and GeoVirus (on small fixtures written here) and the scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.errors import EvaluationError
from peristiwa.evaluate.geo import (
    GeoArticle,
    GeoReport,
    GeoToponym,
    distance_km,
    evaluate_geoparsing,
    learn_source_regions,
    read_geoparsing,
    render_geo_report,
    score_article,
)
from peristiwa.model import Document, Place

_LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <domain>theparisnews.com</domain>
    <text><![CDATA[Fire in Paris, Texas. Officials in Lamar County said the fire started in Paris on Monday.]]></text>
    <toponyms>
      <toponym><start>8</start><end>13</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPLA2</fcode>
          <lat>33.6609</lat><lon>-95.5555</lon></gaztag></toponym>
      <toponym><start>15</start><end>20</end><phrase>Texas</phrase>
        <gaztag geonameid="4736286"><name>Texas</name><fclass>A</fclass><fcode>ADM1</fcode>
          <lat>31.2504</lat><lon>-99.2506</lon></gaztag></toponym>
      <toponym><start>35</start><end>47</end><phrase>Lamar County</phrase>
        <gaztag geonameid="4705685"><name>Lamar County</name><fclass>A</fclass><fcode>ADM2</fcode>
          <lat>33.6673</lat><lon>-95.5714</lon></gaztag></toponym>
      <toponym><start>73</start><end>78</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><fclass>P</fclass><fcode>PPLA2</fcode>
          <lat>33.6609</lat><lon>-95.5555</lon></gaztag></toponym>
      <toponym><start>0</start><end>4</end><phrase>Fire</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

_GEOVIRUS = """<articles>
    <article>
        <source>https://example.org/x</source>
        <text>Cases rose in Jakarta and in Kenya.</text>
        <locations>
            <location><name>Jakarta</name><start>15</start><end>22</end><lat>-6.2</lat><lon>106.8</lon>
                <page>x</page></location>
            <location><name>Kenya</name><start>30</start><end>35</end><lat>1</lat><lon>38</lon><page>y</page></location>
        </locations>
    </article>
</articles>
"""


@pytest.fixture()
def lgl(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(_LGL, "utf-8")
    return path


@pytest.fixture()
def geovirus(tmp_path: Path) -> Path:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(_GEOVIRUS, "utf-8")
    return path


def test_readers(lgl: Path, geovirus: Path) -> None:
    (art,) = read_geoparsing(lgl)
    assert [t.text for t in art.toponyms] == ["Paris", "Texas", "Lamar County", "Paris"]  # no gaztag: skipped
    assert art.toponyms[2].feature == "ADM2" and art.source == "theparisnews.com"
    (gv,) = read_geoparsing(geovirus)  # 1-based offsets re-anchored on the names
    assert [(gv.text[t.start : t.end], t.lat) for t in gv.toponyms] == [("Jakarta", -6.2), ("Kenya", 1.0)]


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text("<articles><article><text>x</text></article></articles>", "utf-8")
    with pytest.raises(EvaluationError):
        read_geoparsing(path)


def test_scoring_counts_misses_as_errors() -> None:
    art = GeoArticle("a", "Paris and Lyon and Nice", (
        GeoToponym(0, 5, "Paris", 48.85, 2.35), GeoToponym(10, 14, "Lyon", 45.76, 4.84),
        GeoToponym(19, 23, "Nice", 43.70, 7.27),
    ))
    doc = Document(doc_id="a", text=art.text, places=(
        Place(start=0, end=5, name="Paris", lat=48.86, lon=2.34, feature="city"),  # right
        Place(start=10, end=14, name="Lyon", lat=33.0, lon=-96.0, feature="city"),  # wrong Lyon
    ))
    report = GeoReport(source="x")
    score_article(report, art, doc)
    assert (report.toponyms, report.found, report.within) == (3, 2, 1)
    assert report.accuracy == pytest.approx(1 / 3)
    assert report.missed["Nice"] == 1 and report.precision == 1.0
    assert report.median_km is not None and report.auc is not None and 0 < report.auc < 1
    assert render_geo_report(report).row_count > 5


def test_distance() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    assert 110 < distance_km(0, 0, 1, 0) < 112


def test_end_to_end_on_fixture(lgl: Path) -> None:
    report = evaluate_geoparsing(lgl)
    assert report.toponyms == 4 and report.failed == 0
    # "Paris, Texas" and Lamar County resolve to Texas, not France
    assert report.within >= 3, report.to_dict()


@pytest.mark.slow
def test_lgl_floor(shared_data: Path) -> None:
    report = evaluate_geoparsing(shared_data / "geoparsing" / "lgl.xml", limit=150)
    assert (report.accuracy or 0) >= 0.6, report.to_dict()


def _placed(doc_id: str, source: str, *admin1s: str) -> Document:
    places = tuple(Place(start=0, end=1, name="x", admin1=a, country="US", lat=1.0, lon=1.0, feature="city")
                   for a in admin1s)
    return Document(doc_id=doc_id, text="x", source=source, places=places)


def test_learn_source_regions_needs_a_majority_in_two_articles() -> None:
    docs = [_placed("1", "local.com", "Texas", "Texas", "Texas", "Ohio"), _placed("2", "local.com", "Texas", "Texas"),
            _placed("3", "one.com", *["Ohio"] * 9),  # a single article does not make a paper's region
            _placed("4", "wide.com", "Ohio", "Ohio", "Texas", "Texas", "Utah"), _placed("5", "wide.com", "Utah")]
    assert learn_source_regions(docs) == {"local.com": "US/Texas"}


def test_end_to_end_with_sources(lgl: Path) -> None:
    report = evaluate_geoparsing(lgl, sources=True)  # one article: no region learned, same result
    assert report.toponyms == 4 and report.within >= 3
