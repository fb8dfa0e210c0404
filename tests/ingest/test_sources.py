"""Input expansion (files, directories, globs, stdin), format detection and counting."""

from __future__ import annotations

import gzip
from pathlib import Path

from peristiwa.errors import IngestError
from peristiwa.ingest import STDIN_PATH, count_inputs, detect_format, iter_paths
from peristiwa.ingest.sources import format_by_name, sniff_format


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "b" / "z.txt").write_text("z")
    (root / "b" / "y.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}')
    (root / "a" / "x.html").write_text("<html></html>")
    (root / "a" / "image.png").write_bytes(b"\x89PNG")
    (root / ".hidden" / "secret.txt").write_text("s")
    (root / "top.warc.gz").write_bytes(b"")
    (root / "notes").write_text("no extension")


def test_directories_walk_sorted_known_extensions_only(tmp_path: Path) -> None:
    _tree(tmp_path)
    got = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path]) if isinstance(p, Path)]
    assert got == ["a/x.html", "b/y.jsonl", "b/z.txt", "top.warc.gz"]


def test_explicit_files_globs_stdin_and_missing(tmp_path: Path) -> None:
    _tree(tmp_path)
    inputs = [tmp_path / "notes", str(tmp_path / "b" / "*.txt"), "-", str(tmp_path / "nope.txt"),
              str(tmp_path / "*.nothing")]
    got = list(iter_paths(inputs))
    assert got[0] == tmp_path / "notes"  # named explicitly: taken even without a known extension
    assert got[1] == tmp_path / "b" / "z.txt"
    assert got[2] == STDIN_PATH
    assert isinstance(got[3], IngestError) and got[3].reason == "not-found"
    assert isinstance(got[4], IngestError) and got[4].reason == "no-match"


def test_recursive_glob_and_duplicates_read_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    got = list(iter_paths([str(tmp_path / "**" / "*.txt"), tmp_path / "b" / "z.txt", tmp_path / "b"]))
    names = [p.name for p in got if isinstance(p, Path)]
    assert names == ["z.txt", "y.jsonl"]


def test_count_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert count_inputs([tmp_path]) == 4
    assert count_inputs([tmp_path, "-", "missing.txt"], records=True) == 3 + 3


def test_format_by_name_and_sniffing(tmp_path: Path) -> None:
    assert format_by_name(Path("x.HTM")) == ("html", False)
    assert format_by_name(Path("x.warc.gz")) == ("warc", False)
    assert format_by_name(Path("x.txt.gz")) == ("text", True)
    assert sniff_format(b"WARC/1.0\r\n") == "warc"
    assert sniff_format(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff_format(b"\n<!DOCTYPE html><html>") == "html"
    assert sniff_format(b'{"text": "x"}\n') == "jsonl"
    assert sniff_format(b'[{"text": "x"}]') == "json"
    assert sniff_format(b"[Jakarta] Polisi menangkap") == "text"
    plain = tmp_path / "article"
    plain.write_text("Polisi menangkap tiga orang.")
    assert detect_format(plain) == ("text", False)
    zipped = tmp_path / "records"
    zipped.write_bytes(gzip.compress(b'{"text": "x"}\n'))
    assert detect_format(zipped) == ("jsonl", True)


def test_a_bare_path_is_one_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert list(iter_paths(str(tmp_path / "a.txt"))) == [tmp_path / "a.txt"]
    assert count_inputs(tmp_path) == 1
