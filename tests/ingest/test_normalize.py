"""Decoding, binary detection and text normalisation at ingestion."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from peristiwa.ingest.normalize import decode_bytes, looks_binary, normalize_text, sniff_charset


def test_valid_utf8_decodes_without_warning() -> None:
    assert decode_bytes("Kota Bandung — “kata dia”".encode()) == ("Kota Bandung — “kata dia”", [])


def test_invalid_utf8_is_replaced_and_counted() -> None:
    text, warnings = decode_bytes(b"Polisi \xff menangkap \xfe\xfd tiga orang")
    assert text.count("\ufffd") == 3
    assert warnings == ["invalid UTF-8 replaced at 3 places"]


def test_legit_replacement_char_is_not_counted() -> None:
    text, warnings = decode_bytes("a \ufffd b".encode() + b"\xff")
    assert text.count("\ufffd") == 2 and warnings == ["invalid UTF-8 replaced at 1 places"]


def test_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Satu")[0] == "Satu"


def test_binary_detection() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(bytes(range(1, 32)) * 50)
    assert not looks_binary("Berita biasa dengan “kutipan” dan é.".encode())
    assert not looks_binary(codecs.BOM_UTF16_LE + "teks".encode("utf-16-le"))
    assert not looks_binary(b"")


def test_charset_sniffing() -> None:
    assert sniff_charset(b'<meta charset="iso-8859-1">') == "cp1252"
    assert sniff_charset(b"<html>", declared="windows-1252") == "cp1252"
    assert sniff_charset(b'<meta charset="nonsense-codec">') == "utf-8"
    assert sniff_charset(codecs.BOM_UTF8 + b"x") == "utf-8-sig"


def test_normalize_newlines_spaces_blank_lines_nfc() -> None:
    raw = "  Judul  \r\nBaris satu.\t \r\n\r\n\r\n\r\nBaris dua\u0301.\rBaris tiga.\u2028Empat.\x07\n\n"
    assert normalize_text(raw) == "Judul\nBaris satu.\n\nBaris duá.\nBaris tiga.\nEmpat."


def test_normalize_keeps_quotes_as_written() -> None:
    text = "Rusia.”Setidaknya tiga orang,” kata dia. \"Ya\" dan ‘tidak’ «non»."
    assert normalize_text(text) == text


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\n\n\n" not in once
