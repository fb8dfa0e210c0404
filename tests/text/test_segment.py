"""Sentence splitting and tokenisation keep exact offsets and survive abbreviations and quotes."""

from __future__ import annotations

from peristiwa.text.segment import split_sentences, tokenize

ID_ABBREV = frozenset({"jl.", "no.", "kab.", "dr.", "h.", "prof.", "pol.", "drs."})


def _texts(text: str, abbrev: frozenset[str] = ID_ABBREV) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, abbrev)]


def test_indonesian_abbreviations_do_not_split() -> None:
    text = "Irjen Pol. Drs. H. Ahmad, M.Si. datang ke Jl. Sudirman No. 5 kemarin. Dia pulang."
    assert _texts(text) == ["Irjen Pol. Drs. H. Ahmad, M.Si. datang ke Jl. Sudirman No. 5 kemarin.", "Dia pulang."]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "Dia bilang “Halo. Apa kabar?” kata dia. Lalu pergi."
    assert _texts(text) == ["Dia bilang “Halo.", "Apa kabar?” kata dia.", "Lalu pergi."]


def test_terminator_glued_to_next_sentence() -> None:
    text = "bantuan dari militer Rusia.”Setidaknya 3.000 militan lari."
    assert _texts(text) == ["bantuan dari militer Rusia.”", "Setidaknya 3.000 militan lari."]


def test_paragraphs_and_numbers() -> None:
    text = "Harga naik 3.5 persen. Lalu turun.\n\nParagraf dua."
    sents = split_sentences(text, ID_ABBREV)
    assert [text[s.start : s.end] for s in sents] == ["Harga naik 3.5 persen.", "Lalu turun.", "Paragraf dua."]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_lowercase_continuation_does_not_split() -> None:
    assert _texts("Kata dia. tidak ada lagi.") == ["Kata dia. tidak ada lagi."]


def test_offsets_point_into_text(seed_text: str) -> None:
    for s in split_sentences(seed_text, ID_ABBREV):
        assert seed_text[s.start : s.end].strip() == seed_text[s.start : s.end]


def test_tokens_keep_numbers_and_reduplication() -> None:
    text = "Sekitar 3.000 pesawat-pesawat, 3,5 juta."
    assert [text[t.start : t.end] for t in tokenize(text)] == [
        "Sekitar", "3.000", "pesawat-pesawat", ",", "3,5", "juta", "."
    ]


def test_numbers_with_points_do_not_split() -> None:
    text = "Acara dimulai pukul 10.00 WIB. Harganya Rp 999.000. Lalu selesai."
    assert _texts(text) == ["Acara dimulai pukul 10.00 WIB.", "Harganya Rp 999.000.", "Lalu selesai."]


def test_lone_closing_quote_joins_previous_sentence() -> None:
    text = 'Dia berkata "kami siap. "\nParagraf baru.'
    assert _texts(text) == ['Dia berkata "kami siap. "', "Paragraf baru."]


def test_abbreviation_after_a_long_sentence_start() -> None:
    # the word before a period is read from the sentence's last characters: the same as from all of it
    long = "Rombongan itu berangkat pagi hari dari kantor kecamatan menuju rumah warga di Jl. Merdeka. Mereka tiba."
    assert [long[s.start : s.end] for s in split_sentences(long, frozenset({"jl."}))] == [
        "Rombongan itu berangkat pagi hari dari kantor kecamatan menuju rumah warga di Jl. Merdeka.", "Mereka tiba."]
    word = "x" * 70 + "Jl."  # a word longer than the tail read first
    text = f"Di {word} Merdeka. Mereka tiba."
    assert len(split_sentences(text, frozenset({word.lower()}))) == 2
    assert len(split_sentences(text, frozenset({"jl."}))) == 3
