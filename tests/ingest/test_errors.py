"""Every kind of bad input gives one clear IngestError, and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from peristiwa.config import IngestOptions
from peristiwa.errors import IngestError
from peristiwa.ingest import read_inputs
from peristiwa.model import Document

ARTICLE = (
    "Polisi menangkap tiga orang terduga pelaku pencurian di Jakarta Selatan, Selasa (6/10). "
    "Ketiganya ditangkap di sebuah rumah kontrakan setelah buron selama dua pekan, kata Kapolres."
)


def _split(inputs: list[str | Path], options: IngestOptions | None = None, **kw: object
           ) -> tuple[list[Document], list[IngestError]]:
    items = list(read_inputs(inputs, options or IngestOptions(), lang=kw.pop("lang", "id"), **kw))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) + len(errors) == len(items)
    for err in errors:
        assert err.where and err.reason and err.message and "\n" not in err.message
    return docs, errors


def _one_error(path: Path | str, reason: str, options: IngestOptions | None = None, **kw: object) -> IngestError:
    docs, errors = _split([path], options, **kw)
    assert not docs
    assert [e.reason for e in errors] == [reason], [(e.where, e.reason, e.message) for e in errors]
    return errors[0]


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text(" \n\t\r\n ")
    for name in ("empty.txt", "blank.txt"):
        err = _one_error(tmp_path / name, "empty")
        assert err.where == str(tmp_path / name)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    assert "binary" in _one_error(path, "binary").message


def test_binary_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(256)) * 10)
    _one_error(path, "binary")


def test_invalid_utf8_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "rusak.txt"
    path.write_bytes(ARTICLE.encode() + b" \xff\xfe akhir.")
    docs, errors = _split([path])
    assert not errors
    assert docs[0].warnings == ("invalid UTF-8 replaced at 2 places",)


def test_file_over_max_bytes_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "besar.txt"
    path.write_text(ARTICLE * 10)
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    err = _one_error(path, "too-large", IngestOptions(max_bytes=100))
    assert "ingest.max_bytes" in err.message and str(path) not in opened


def test_gzipped_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 100))
    _one_error(path, "too-large", IngestOptions(max_bytes=1000))


def test_jsonl_bad_lines_cost_one_error_each(tmp_path: Path) -> None:
    path = tmp_path / "campur.jsonl"
    lines = [
        json.dumps({"doc_id": "ok-1", "text": ARTICLE}),
        "{oops",
        json.dumps({"doc_id": "no-text", "title": "tanpa teks"}),
        json.dumps({"doc_id": "empty-text", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "long", "text": ARTICLE * 50}),
        json.dumps({"doc_id": "ok-2", "text": ARTICLE}),
        json.dumps({"doc_id": "short", "text": "Pendek."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = _split([path], IngestOptions(max_bytes=2000))
    assert [d.doc_id for d in docs] == ["ok-1", "ok-2"]
    assert [(e.where, e.reason) for e in errors] == [
        (f"{path}:2", "malformed-json"),
        (f"{path}:3", "no-text"),
        (f"{path}:4", "no-text"),
        (f"{path}:5", "malformed-json"),
        (f"{path}:6", "too-large"),
        (f"{path}:8", "empty"),
    ]


def test_jsonl_without_records(tmp_path: Path) -> None:
    path = tmp_path / "kosong.jsonl"
    path.write_text("\n\n")
    _one_error(path, "empty")


def test_html_without_extractable_text(tmp_path: Path) -> None:
    path = tmp_path / "kosong.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    _one_error(path, "no-text")


def _make_warc(gz: bool) -> bytes:
    # the WARC builder lives with the reader tests; importlib mode lets us load it by path
    import importlib.util

    spec = importlib.util.spec_from_file_location("_readers", Path(__file__).parent / "test_readers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return bytes(module.make_warc(gz))


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut", [60, 400])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, gz: bool, cut: int) -> None:
    data = _make_warc(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[:-cut])
    docs, errors = _split([path])
    assert [d.url for d in docs] == ["https://berita.example/2015/10/satu.html"]
    assert [e.reason for e in errors] == ["truncated"]
    assert errors[0].where.startswith(f"{path}#")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "palsu.warc"
    path.write_text("ini bukan arsip WARC sama sekali\n" * 5)
    _one_error(path, "malformed-warc")


def test_feed_without_entries(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    _one_error(empty, "no-entries")
    broken = tmp_path / "rusak.xml"
    broken.write_text("ini bukan feed, hanya teks biasa")
    assert "not a valid RSS/Atom feed" in _one_error(broken, "no-entries").message
    titles_only = tmp_path / "judul.rss"
    titles_only.write_text("<rss><channel><item><title>Hanya judul</title></item></channel></rss>")
    assert _one_error(titles_only, "no-text").where == f"{titles_only}#1"


def test_text_shorter_than_min_chars(tmp_path: Path) -> None:
    path = tmp_path / "pendek.txt"
    path.write_text("Singkat saja.")
    err = _one_error(path, "empty", IngestOptions(min_chars=20))
    assert "13 characters" in err.message


def test_only_furniture_left_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "furnitur.txt"
    path.write_text("Kalimat.\nTidak ada komentar:\nPosting Komentar\nPosting Lebih Baru Posting Lama Beranda")
    assert "site furniture" in _one_error(path, "empty", IngestOptions(min_chars=10)).message


def test_unknown_language(tmp_path: Path) -> None:
    path = tmp_path / "angka.txt"
    path.write_text("12.345 - 67.890 - 12.345 - 67.890 - 2015")
    err = _one_error(path, "unknown-language", lang=None)
    assert "--lang" in err.message and "fallback_lang" in err.message


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    assert _one_error(tmp_path / "tidak-ada.txt", "not-found").where == str(tmp_path / "tidak-ada.txt")
    assert _one_error(str(tmp_path / "*.jsonl"), "no-match").where == str(tmp_path / "*.jsonl")


def test_stdin_too_large() -> None:
    stream = io.BytesIO(ARTICLE.encode() * 10)
    _one_error("-", "too-large", IngestOptions(max_bytes=100), stdin=stream)


def test_a_reader_bug_costs_one_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import peristiwa.ingest as ingest

    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setitem(ingest._READERS, "html", broken)
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "b.txt").write_text(ARTICLE)
    docs, errors = _split([tmp_path])
    assert [e.reason for e in errors] == ["internal"] and "boom" in errors[0].message
    assert len(docs) == 1


def test_the_batch_goes_on_after_every_kind_of_error(tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_text("")
    (tmp_path / "2-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "3-bad.jsonl").write_text(json.dumps({"doc_id": "j", "text": ARTICLE}) + "\n{oops\n")
    (tmp_path / "4-empty.rss").write_text("<rss><channel></channel></rss>")
    (tmp_path / "5-good.txt").write_text(ARTICLE)
    docs, errors = _split([tmp_path, tmp_path / "missing.txt"])
    assert [d.doc_id.split("-")[0] for d in docs] == ["j", "5"]
    assert [e.reason for e in errors] == ["empty", "binary", "malformed-json", "no-entries", "not-found"]
