"""Every reader: plain text, HTML, JSON Lines / JSON, WARC, RSS/Atom, standard input, strings."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from peristiwa.config import IngestOptions
from peristiwa.errors import IngestError
from peristiwa.ingest import read_inputs, read_text
from peristiwa.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = (
    "Polisi menangkap tiga orang terduga pelaku pencurian di Jakarta Selatan, Selasa (6/10). "
    "Ketiganya ditangkap di sebuah rumah kontrakan setelah buron selama dua pekan, kata Kapolres."
)
OPTIONS = IngestOptions()


def _read(inputs: list[str | Path], **kwargs: object) -> list[Document | IngestError]:
    return list(read_inputs(inputs, kwargs.pop("options", OPTIONS), **kwargs))


def _docs(inputs: list[str | Path], **kwargs: object) -> list[Document]:
    items = _read(inputs, **kwargs)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert not errors, [(e.where, e.reason, e.message) for e in errors]
    return [i for i in items if isinstance(i, Document)]


# --- plain text -------------------------------------------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "berita hari ini.txt"
    path.write_text(ARTICLE + "\r\n\r\nTidak ada komentar:\r\nPosting Komentar\r\n", encoding="utf-8")
    (doc,) = _docs([path], lang="id", published=dt.date(2015, 10, 7))
    assert doc.text == ARTICLE
    assert doc.lang == "id" and doc.published == dt.date(2015, 10, 7)
    assert doc.doc_id.startswith("berita-hari-ini-") and len(doc.doc_id) == len("berita-hari-ini-") + 8
    assert doc.metadata["format"] == "text" and doc.metadata["input"] == str(path)
    assert doc.metadata["boilerplate_removed_lines"] == 2
    assert doc.metadata["lang_source"] == "argument" and doc.metadata["published_source"] == "argument"
    assert doc.warnings == ()


def test_ids_are_stable_and_never_collide(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "berita.txt").write_text(ARTICLE)
    (tmp_path / "b" / "berita.txt").write_text(ARTICLE + " Tambahan.")
    first = [d.doc_id for d in _docs([tmp_path], lang="id")]
    again = [d.doc_id for d in _docs([tmp_path], lang="id")]
    assert first == again and len(set(first)) == 2
    assert all(i.startswith("berita-") for i in first)


def test_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    (doc,) = _docs([path], lang="id")
    assert doc.text == ARTICLE and doc.doc_id.startswith("artikel-")


def test_language_is_identified_when_not_given(tmp_path: Path) -> None:
    (tmp_path / "id.txt").write_text(ARTICLE)
    (tmp_path / "en.txt").write_text("Police arrested three men in Jakarta on Tuesday after a two-week search.")
    docs = {d.doc_id.split("-")[0]: d for d in _docs([tmp_path])}
    assert docs["id"].lang == "id" and docs["en"].lang == "en"
    assert docs["id"].metadata["lang_source"] == "identified"


def test_language_without_pack_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "my.txt"
    path.write_text("Kerajaan Malaysia akan mengumumkan bajet baharu minggu hadapan, kata Perdana Menteri.")
    (doc,) = _docs([path])
    assert doc.lang == "ms"
    assert any("no language pack for 'ms'" in w for w in doc.warnings)


def test_fallback_language(tmp_path: Path) -> None:
    path = tmp_path / "angka.txt"
    path.write_text("12.345 - 67.890 - 12.345 - 67.890 - 2015")
    (doc,) = _docs([path], options=IngestOptions(fallback_lang="id"))
    assert doc.lang == "id" and doc.metadata["lang_source"] == "fallback"


# --- HTML ---------------------------------------------------------------------------------------------------

def test_blogger_html_page() -> None:
    (doc,) = _docs([FIXTURES / "blogger_post.html"], published=dt.date(2000, 1, 1))
    assert doc.title == "Banjir Rendam Ratusan Rumah di Bekasi"
    assert doc.url == "https://kabar-nusantara.blogspot.com/2016/04/banjir-rendam-ratusan-rumah.html"
    assert doc.published == dt.date(2016, 4, 13)  # the page's own date beats the argument
    assert doc.lang == "id" and doc.metadata["format"] == "html"
    assert doc.text.startswith("Banjir merendam sedikitnya 300 rumah")
    assert doc.text.endswith("membagikan makanan kepada para pengungsi.")
    for furniture in ("komentar", "Semoga cepat surut", "Posting", "Diposting", "Beranda", "Arsip Blog",
                      "Berbagi ke", "Baca juga", "Kabar Nusantara"):
        assert furniture not in doc.text
    assert doc.metadata["boilerplate_removed"] == "Baca juga: Jakarta Siaga Banjir Kiriman dari Bogor"


def test_html_without_date_takes_the_argument(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><head><title>Judul</title></head><body><article><p>{ARTICLE}</p>"
                    f"<p>{ARTICLE}</p></article></body></html>")
    (doc,) = _docs([path], published=dt.date(2015, 10, 7), lang="id")
    assert doc.published == dt.date(2015, 10, 7) and doc.metadata["published_source"] == "argument"


def test_html_in_a_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "lama.html"
    body = f"<p>Café Ibu Sérah dibakar massa. {ARTICLE}</p>"
    path.write_bytes(f'<html><head><meta charset="windows-1252"></head><body><article>{body}</article>'
                     "</body></html>".encode("cp1252"))
    (doc,) = _docs([path], lang="id")
    assert "Café Ibu Sérah" in doc.text and doc.warnings == ()


# --- JSON Lines / JSON ------------------------------------------------------------------------------------

def test_jsonl_gold_format(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    records = [
        {"doc_id": "g-1", "lang": "id", "published": "2015-10-07", "title": "T", "source": "blog",
         "url": "https://x.id/1", "text": ARTICLE + "\nPosting Komentar", "events": [{"type": "ASSAULT"}],
         "quotes": []},
        {"lang": "id", "published": "2019-03-13T10:00:00+07:00", "text": ARTICLE + " Dua."},
        {"doc_id": 7, "published": "kemarin", "text": ARTICLE + " Tiga."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n")
    first, second, third = _docs([path], published=dt.date(2020, 1, 1), lang="en")
    assert (first.doc_id, first.lang, first.published, first.title, first.source, first.url) == (
        "g-1", "id", dt.date(2015, 10, 7), "T", "blog", "https://x.id/1")
    assert first.text == ARTICLE and first.metadata["input"] == f"{path}:1"
    assert second.doc_id.startswith("gold-") and second.published == dt.date(2019, 3, 13)
    assert third.doc_id == "7" and third.lang == "en"  # argument fills the missing lang
    assert third.published == dt.date(2020, 1, 1)
    assert any("not an ISO date" in w for w in third.warnings)


def test_json_array_and_object(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"doc_id": "a", "text": ARTICLE}, {"doc_id": "b", "text": ARTICLE}]))
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"doc_id": "c", "text": ARTICLE}))
    assert [d.doc_id for d in _docs([arr, obj], lang="id")] == ["a", "b", "c"]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"doc_id": "z", "text": ARTICLE}) + "\n").encode()))
    assert [d.doc_id for d in _docs([path], lang="id")] == ["z"]


# --- WARC -----------------------------------------------------------------------------------------------

def _page(n: int) -> bytes:
    return (f"<html><head><title>Berita {n}</title></head><body><article><p>{ARTICLE}</p>"
            f"<p>Laporan nomor {n} dari lapangan.</p></article></body></html>").encode()


def make_warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))

    def response(url: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))

    response("https://berita.example/2015/10/satu.html", "200 OK", "text/html; charset=utf-8", _page(1))
    response("https://berita.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00\x00")
    response("https://berita.example/hilang.html", "404 Not Found", "text/html", b"<html>404</html>")
    response("https://berita.example/2015/10/dua.html", "200 OK", "text/html", _page(2))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_only(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(make_warc(gz))
    docs = _docs([path], lang="id")
    assert [d.url for d in docs] == ["https://berita.example/2015/10/satu.html",
                                     "https://berita.example/2015/10/dua.html"]
    assert docs[0].doc_id.startswith("satu-") and docs[1].doc_id.startswith("dua-")
    assert docs[0].metadata["format"] == "warc" and "crawled" in docs[0].metadata
    assert docs[0].metadata["input"] == f"{path}#2"
    assert "Laporan nomor 2" in docs[1].text


# --- feeds ------------------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Kabar Kota</title><link>https://kabar.example</link><language>id</language>
<item><title>Tiga Pencuri Ditangkap</title><link>https://kabar.example/2015/10/tiga-pencuri</link>
<guid>https://kabar.example/?p=1</guid><pubDate>Rab, 07 Okt 2015 23:15:00 +0700</pubDate>
<description>&lt;p&gt;{ARTICLE}&lt;/p&gt;&lt;p&gt;Baca juga: Judul Lain&lt;/p&gt;</description></item>
<item><title>Entri Kedua</title><link>https://kabar.example/2015/10/kedua</link>
<pubDate>Wed, 07 Oct 2015 06:00:00 +0700</pubDate>
<content:encoded><![CDATA[<p>{ARTICLE}</p><p>Isi lengkap entri kedua.</p>]]></content:encoded>
<description>Ringkasan pendek.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2016-03-21T00:00:00Z</updated>
<entry><title>Jets strike</title><id>urn:wire:1</id><link href="https://wire.example/jets-strike"/>
<updated>2016-03-21T18:30:00-05:00</updated>
<content type="html">&lt;p&gt;Russian jets struck targets near Palmyra on Sunday,
a monitoring group said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_with_localized_dates(tmp_path: Path) -> None:
    path = tmp_path / "kabar.rss"
    path.write_text(RSS)
    first, second = _docs([path], lang="id")
    assert first.published == dt.date(2015, 10, 7)  # localized: feedparser gives published_parsed=None
    assert second.published == dt.date(2015, 10, 7)  # the local date; feedparser's UTC says 10-06 23:00
    assert first.title == "Tiga Pencuri Ditangkap" and first.source == "Kabar Kota"
    assert first.url == "https://kabar.example/2015/10/tiga-pencuri"
    assert first.text == ARTICLE  # the "Baca juga" line of the summary is furniture
    assert second.text.endswith("Isi lengkap entri kedua.")  # full content preferred over the summary
    assert first.doc_id.startswith("tiga-pencuri-") and first.metadata["input"] == f"{path}#1"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    (doc,) = _docs([path])
    assert doc.lang == "en" and doc.published == dt.date(2016, 3, 21)
    assert doc.url == "https://wire.example/jets-strike" and doc.doc_id.startswith("jets-strike-")


# --- standard input and strings -------------------------------------------------------------------------

def test_stdin_text() -> None:
    stream = io.BytesIO((ARTICLE + "\nPosting Komentar\n").encode())
    (doc,) = _docs(["-"], stdin=stream, lang="id")
    assert doc.text == ARTICLE and doc.doc_id.startswith("stdin-") and doc.metadata["input"] == "<stdin>"


def test_stdin_jsonl() -> None:
    lines = [json.dumps({"doc_id": f"s{i}", "lang": "id", "text": ARTICLE}) for i in range(3)]
    stream = io.BytesIO(("\n".join(lines) + "\n{broken\n").encode())
    items = _read(["-"], stdin=stream)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["s0", "s1", "s2"]
    (err,) = [i for i in items if isinstance(i, IngestError)]
    assert err.where == "<stdin>:4" and err.reason == "malformed-json"


def test_stdin_html() -> None:
    stream = io.BytesIO((FIXTURES / "blogger_post.html").read_bytes())
    (doc,) = _docs(["-"], stdin=stream)
    assert doc.title == "Banjir Rendam Ratusan Rumah di Bekasi" and doc.metadata["format"] == "html"


def test_read_text_string(seed_text: str) -> None:
    doc = read_text(seed_text, doc_id="seed", lang="id", published=dt.date(2015, 10, 7))
    assert isinstance(doc, Document)
    assert doc.doc_id == "seed" and not doc.text.endswith("Posting Komentar")
    bad = read_text("  ")
    assert isinstance(bad, IngestError) and bad.reason == "empty"
