"""CSV/TSV corpora: one document per row, header mapping, quoting, BOM, row errors, sniffing, the store."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import shutil
from pathlib import Path
from typing import TypeAlias

import duckdb

from peristiwa.config import Config, CsvOptions, IngestOptions
from peristiwa.errors import IngestError
from peristiwa.ingest import read_inputs
from peristiwa.ingest.csvfile import find_header, looks_like_header
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline
from peristiwa.runner import run_to_store

FIXTURES = Path(__file__).parent / "fixtures"
BERITA = FIXTURES / "berita.csv"
NEWS_TSV = FIXTURES / "news.tsv"
TEXT_A = "Polisi menangkap tiga orang terduga pelaku pencurian di Jakarta Selatan pada Selasa malam."
TEXT_B = "Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur sejak malam."


Item: TypeAlias = Document | IngestError


def _read(
    inputs: list[str | Path], options: IngestOptions | None = None, *, lang: str | None = None,
    stdin: io.BytesIO | None = None,
) -> list[Item]:
    return list(read_inputs(inputs, options or IngestOptions(), lang=lang, stdin=stdin))


def _split(items: list[Item]) -> tuple[list[Document], list[IngestError]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestError)]


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_header_names_map_to_fields_and_each_row_is_a_document() -> None:
    docs, errors = _split(_read([BERITA], lang="id"))
    assert [d.doc_id for d in docs] == ["fixtures-berita-1", "fixtures-berita-2", "fixtures-berita-4"]
    first = docs[0]
    assert first.title == "Polisi Tangkap Tiga Pencuri"  # the BOM did not hide the first column's name
    assert first.url == "https://news.example.id/berita/polisi-tangkap"
    assert first.published == dt.date(2025, 10, 20)
    # a quoted field spanning two lines stays one document, its line break kept
    assert first.text.startswith("Polisi menangkap") and "\nKetiganya ditangkap" in first.text
    assert first.metadata["format"] == "csv" and first.metadata["input"] == f"{BERITA}:row 1"
    assert "Tiga pencuri ditangkap" not in first.text  # an unmapped column (Summary) is ignored
    assert docs[2].published == dt.date(2025, 10, 22)  # ISO date-time in the same file
    # the row without text is one error naming the row; the rows around it were kept
    (error,) = errors
    assert error.where == f"{BERITA}:row 3" and error.reason == "no-text" and "isi_berita" in error.message


def test_ambiguous_date_follows_the_order_the_file_shows() -> None:
    docs, _ = _split(_read([BERITA], lang="id"))
    assert docs[1].published == dt.date(2025, 3, 4)  # 3/4/2025 read month-first, as row 1 (10/20/2025) shows
    assert docs[1].warnings == ()


def test_tsv_with_day_first_dates_and_a_language_column() -> None:
    docs, errors = _split(_read([NEWS_TSV]))
    assert not errors
    flood, protest = docs
    assert flood.title == "Flood in Jakarta" and flood.source == "Example Post"
    assert flood.lang == "en" and flood.metadata["lang_source"] == "input"  # "en-GB" is the code en
    assert flood.published == dt.date(2025, 10, 20)
    assert protest.published == dt.date(2025, 4, 3)  # 03/04/2025 read day-first, as row 1 (20/10) shows
    assert protest.lang == "en" and protest.metadata["lang_source"] == "identified"
    assert any("not a language code" in w for w in protest.warnings)
    assert flood.doc_id.startswith("fixtures-news-") and flood.doc_id != protest.doc_id


def test_all_ambiguous_file_is_month_first_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.csv", ["text,date", f'"{TEXT_A}",03/04/2025', f'"{TEXT_B}",05/06/2025'])
    docs, _ = _split(_read([path], lang="id"))
    assert [d.published for d in docs] == [dt.date(2025, 3, 4), dt.date(2025, 5, 6)]
    assert all(any("read month-first" in w for w in d.warnings) for d in docs)


def test_order_decided_by_a_later_row_applies_to_the_earlier_ones(tmp_path: Path) -> None:
    rows = ["text,date", f'"{TEXT_A}",03/04/2025', f'"{TEXT_B}",25/12/2025', f'"{TEXT_A} Lagi.",5/6/2025']
    docs, _ = _split(_read([_write(tmp_path / "d.csv", rows)], lang="id"))
    assert [d.published for d in docs] == [dt.date(2025, 4, 3), dt.date(2025, 12, 25), dt.date(2025, 6, 5)]
    assert [d.metadata["input"] for d in docs] == [f"{tmp_path / 'd.csv'}:row {n}" for n in (1, 2, 3)]
    assert all(d.warnings == () for d in docs)


def test_unparseable_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "u.csv", ["text,date", f'"{TEXT_A}",kemarin sore', f'"{TEXT_B}",20 Oktober 2025'])
    docs, errors = _split(_read([path], lang="id"))
    assert not errors
    assert docs[0].published is None and any("not a date" in w for w in docs[0].warnings)
    assert docs[1].published == dt.date(2025, 10, 20)  # a worded date, in the configured languages


def test_column_names_are_data_a_config_overrides_them(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", ["Body_Text,When", f'"{TEXT_A}",2025-01-02'])
    (error,) = _read([path], lang="id")
    assert isinstance(error, IngestError) and error.reason == "no-text" and "'Body_Text'" in error.message
    user = tmp_path / "p.toml"
    user.write_text('[ingest.csv]\ntext = ["body_text"]\npublished = ["when"]\n')
    options = Config.load(user).ingest
    assert options.csv.title == CsvOptions().title  # what the user did not set keeps its default
    (doc,) = _read([path], options, lang="id")
    assert isinstance(doc, Document) and doc.published == dt.date(2025, 1, 2)


def test_forced_date_order(tmp_path: Path) -> None:
    path = _write(tmp_path / "f.csv", ["text,date", f'"{TEXT_A}",03/04/2025'])
    options = Config.load(overrides={"ingest": {"csv": {"date_order": "day-first"}}}).ingest
    (doc,) = _read([path], options, lang="id")
    assert isinstance(doc, Document) and doc.published == dt.date(2025, 4, 3) and doc.warnings == ()


def test_malformed_rows_fail_alone(tmp_path: Path) -> None:
    rows = ["id,text", f'1,"{TEXT_A}"', f"2,{TEXT_B},stray", f'3,"{TEXT_B} Lagi."', "4,   "]
    items = _read([_write(tmp_path / "m.csv", rows)], lang="id")
    docs, errors = _split(items)
    assert [d.doc_id.rsplit("-", 2)[-2:] for d in docs] == [["m", "1"], ["m", "3"]]
    assert [(e.where.rsplit(":", 1)[1], e.reason) for e in errors] == [("row 2", "malformed-csv"), ("row 4", "no-text")]


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_bytes(b"")
    (tmp_path / "h.csv").write_text("id,text\n\n")
    errors = _read([tmp_path / "e.csv", tmp_path / "h.csv"])
    assert [(type(e), e.reason) for e in errors] == [(IngestError, "empty")] * 2


def test_gzipped_csv_and_directories(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "berita.csv.gz", "wb") as fh:
        fh.write(BERITA.read_bytes())
    docs, errors = _split(_read([tmp_path], lang="id"))
    assert len(docs) == 3 and len(errors) == 1
    assert docs[0].doc_id.endswith("-berita-1") and docs[0].published == dt.date(2025, 10, 20)


def test_explicitly_named_file_is_sniffed_as_csv(tmp_path: Path) -> None:
    dump = tmp_path / "dump.dat"
    shutil.copy(NEWS_TSV, dump)
    docs, errors = _split(_read([dump]))
    assert not errors and len(docs) == 2 and docs[0].metadata["format"] == "csv"
    # plain text, even with commas on its first line, stays one plain text document
    plain = _write(tmp_path / "note", ["Berita, isi dan judul hari ini.", TEXT_A])
    (doc,) = _read([plain], lang="id")
    assert isinstance(doc, Document) and doc.metadata["format"] == "text"


def test_header_sniffing_is_conservative() -> None:
    options = CsvOptions()
    assert looks_like_header(b'"",date,text,source\r\n', options)
    assert looks_like_header(b"\xef\xbb\xbfid;judul;isi\n", options)
    assert not looks_like_header(b"text\n", options)  # one column: could be anything
    assert not looks_like_header(b"text,label\n", options)  # a text column but no other known field
    assert not looks_like_header(b"Berita, foto dan isi berita hari ini di Jakarta\n", options)
    header = find_header("judul\tisi_berita", options, "\t")
    assert header is not None and header.columns == {"text": 1, "title": 0}


def test_stdin_csv() -> None:
    data = f'title,text\nBanjir,"{TEXT_B}"\n'.encode()
    (doc,) = _read(["-"], lang="id", stdin=io.BytesIO(data))
    assert isinstance(doc, Document) and doc.title == "Banjir" and doc.metadata["input"] == "<stdin>:row 1"


def test_invalid_utf8_is_replaced_with_a_warning_on_that_row(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(b"text\n" + TEXT_A.encode() + b" \xff\n" + TEXT_B.encode() + b"\n")
    docs, errors = _split(_read([path], lang="id"))
    assert not errors and "\ufffd" in docs[0].text
    assert any("invalid UTF-8" in w for w in docs[0].warnings) and docs[1].warnings == ()


def test_rerun_through_the_store_adds_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "p.duckdb"
    first = run_to_store([BERITA], db=db, lang="id", pipeline=pipeline)
    again = run_to_store([BERITA], db=db, lang="id", pipeline=pipeline)
    assert (first.documents, first.added, len(first.errors)) == (3, 3, 1)
    assert (again.documents, again.added) == (3, 0)
    con = duckdb.connect(str(db), read_only=True)
    ids = con.execute("select doc_id from documents order by doc_id").fetchall()
    con.close()
    assert ids == [("fixtures-berita-1",), ("fixtures-berita-2",), ("fixtures-berita-4",)]


def test_overlong_row_fails_alone(tmp_path: Path) -> None:
    rows = ["id,text", f'1,"{TEXT_A}"', f'2,"{TEXT_B * 5}"', f'3,"{TEXT_B}"']
    items = _read([_write(tmp_path / "l.csv", rows)], IngestOptions(max_bytes=300), lang="id")
    docs, errors = _split(items)
    assert [d.doc_id.rsplit("-", 2)[-2:] for d in docs] == [["l", "1"], ["l", "3"]]
    assert [(e.where.rsplit(":", 1)[1], e.reason) for e in errors] == [("row 2", "too-large")]


def test_row_ids_are_scoped_by_folder_and_file(tmp_path: Path) -> None:
    for month in ("2025-01", "2025-02"):
        (tmp_path / month).mkdir()
        _write(tmp_path / month / "export.csv", ["id,text", f'17,"{TEXT_A if month == "2025-01" else TEXT_B}"'])
    docs, errors = _split(_read([tmp_path / "2025-01" / "export.csv", tmp_path / "2025-02" / "export.csv"],
                                lang="id"))
    assert not errors and [d.doc_id for d in docs] == ["2025-01-export-17", "2025-02-export-17"]


def test_an_unclosed_quote_costs_its_row_not_the_rows_it_ran_into(tmp_path: Path) -> None:
    rows = ["id,title,text", f'1,Satu,"{TEXT_A}\nParagraf kedua, dengan koma."', f"2,Dua,{TEXT_B} Dua.",
            f'3,Tiga,"{TEXT_B} tanpa penutup', f"4,Empat,{TEXT_B} Lagi.", f"5,Lima,{TEXT_A} Lima."]
    docs, errors = _split(_read([_write(tmp_path / "q.csv", rows)], lang="id"))
    assert [d.doc_id.rsplit("-", 1)[-1] for d in docs] == ["1", "2", "4", "5"]
    assert [(e.where.rsplit(":", 1)[1], e.reason) for e in errors] == [("row 3", "malformed-csv")]
    assert "unclosed quote" in errors[0].message
    assert "Paragraf kedua" in docs[0].text  # a quoted field spanning lines is still one field
