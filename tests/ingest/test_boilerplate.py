"""Boilerplate removal: whole furniture lines only, driven by the packs' boilerplate.tsv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peristiwa.errors import LanguagePackError
from peristiwa.ingest.boilerplate import KINDS, BoilerplateRules, compile_rules, rules_for_pack, union_rules
from peristiwa.ingest.normalize import normalize_text
from peristiwa.langs.base import LanguagePack, PackLoader

PACKS = PackLoader()


def _pack(code: str) -> LanguagePack:
    pack = PACKS.get(code)
    assert pack is not None
    return pack


@pytest.fixture(scope="module")
def id_rules() -> BoilerplateRules:
    return rules_for_pack(_pack("id"))


@pytest.fixture(scope="module")
def en_rules() -> BoilerplateRules:
    return rules_for_pack(_pack("en"))


@pytest.mark.parametrize("code", ["id", "en"])
def test_tables_are_valid_and_sourced(code: str) -> None:
    pack = PACKS.get(code)
    assert pack is not None
    rows = pack.table("boilerplate.tsv")
    assert len(rows) >= 20
    for row in rows:
        assert row["kind"] in KINDS, row
        assert row["source"], f"{code} boilerplate rule without source: {row}"
    rules_for_pack(pack)  # every regex compiles


def test_seed_loses_the_blogger_lines_and_keeps_every_article_line(seed_text: str, id_rules: BoilerplateRules) -> None:
    text = normalize_text(seed_text)
    result = id_rules.apply(text)
    lines = text.split("\n")
    assert lines[-2:] == ["Tidak ada komentar:", "Posting Komentar"]
    assert result.text == "\n".join(lines[:-2])
    assert result.removed_lines == 2
    assert result.removed_chars == len(text) - len(result.text)
    assert result.preview == "Tidak ada komentar: | Posting Komentar"


def test_blogger_footer_and_comments_go(id_rules: BoilerplateRules) -> None:
    text = (
        "Polisi menangkap tiga orang di Jakarta, Selasa (6/10).\n"
        "Ketiganya diduga anggota jaringan pengedar narkoba.\n"
        "Diposting oleh Admin di 10.15\n"
        "Kirimkan Ini lewat EmailBlogThis!Berbagi ke TwitterBerbagi ke Facebook\n"
        "Label: Hukum\n"
        "3 komentar:\n"
        "Budi mengatakan...\n"
        "Mantap, terus berantas narkoba!\n"
        "Posting Komentar\n"
        "Posting Lebih Baru Posting Lama Beranda\n"
        "Langganan: Posting Komentar (Atom)"
    )
    assert id_rules.apply(text).text == (
        "Polisi menangkap tiga orang di Jakarta, Selasa (6/10).\n"
        "Ketiganya diduga anggota jaringan pengedar narkoba."
    )


def test_inserted_links_and_ad_breaks_go_anywhere(id_rules: BoilerplateRules) -> None:
    text = (
        "Paragraf pertama tentang unjuk rasa.\n"
        "Baca juga: Polisi Perketat Pengamanan Jelang Pemilu\n"
        "ADVERTISEMENT\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        "Paragraf kedua.\n"
        "SIMAK JUGA:   Judul Lain\n"
        "Baca_Juga\n"
        "Paragraf ketiga.\n"
        "Simak juga Video 'Judul Video':"
    )
    assert id_rules.apply(text).text == "Paragraf pertama tentang unjuk rasa.\nParagraf kedua.\nParagraf ketiga."


def test_tail_rules_only_fire_at_the_end(id_rules: BoilerplateRules) -> None:
    # "Editor: …" and "(aal)" are credits at the end, but article lines elsewhere
    text = "Editor: sebuah jabatan yang disebut dalam artikel.\nKalimat berita.\n(aal)"
    assert id_rules.apply(text).text == "Editor: sebuah jabatan yang disebut dalam artikel.\nKalimat berita."


def test_article_sentences_mentioning_furniture_words_stay(id_rules: BoilerplateRules) -> None:
    text = (
        "Warga menulis komentar di media sosial setelah kejadian itu.\n"
        "Tidak ada komentar dari kepolisian hingga berita ini diturunkan.\n"
        "Baca juga pernyataan Presiden yang disampaikan kemarin, kata dia, sebelum rapat kabinet dimulai "
        "di Istana Negara, Jakarta, pada Senin pagi bersama para menteri dan pejabat tinggi negara lainnya "
        "yang hadir dalam pertemuan tersebut.\n"
        "Posting Komentar itu kemudian dihapus oleh pemilik akun."
    )
    assert id_rules.apply(text).text == text


def test_trailing_block_never_fires_on_the_first_line(id_rules: BoilerplateRules) -> None:
    text = "2 komentar:\nIsi yang tetap ada karena tidak ada artikel di atasnya."
    assert id_rules.apply(text).text.endswith("tidak ada artikel di atasnya.")


def test_long_lines_are_never_furniture(id_rules: BoilerplateRules) -> None:
    long_line = "Baca juga: " + "kalimat panjang " * 30
    assert id_rules.apply("Awal.\n" + long_line.strip()).removed_lines == 0


def test_english_rules(en_rules: BoilerplateRules) -> None:
    text = (
        "Russian jets struck targets near Palmyra on Sunday.\n"
        "Read more: Syria talks stall in Geneva\n"
        "Advertisement\n"
        "The Observatory said 26 fighters were killed.\n"
        "Reporting by John Smith; Editing by Jane Doe\n"
        "Posted by Admin at 10:15 AM\n"
        "No comments:\n"
        "Post a Comment\n"
        "Newer Post Older Post Home"
    )
    assert en_rules.apply(text).text == (
        "Russian jets struck targets near Palmyra on Sunday.\nThe Observatory said 26 fighters were killed."
    )


def test_union_of_packs() -> None:
    rules = union_rules([_pack("id"), _pack("en")])
    assert rules.apply("Teks.\nText.\nNo comments:\nTidak ada komentar:").text == "Teks.\nText."


def test_bad_rules_are_reported() -> None:
    with pytest.raises(LanguagePackError, match="unknown kind"):
        compile_rules([("x", "everywhere")])
    with pytest.raises(LanguagePackError, match="not a valid regex"):
        compile_rules([("(unclosed", "regex")])


def test_gold_texts_keep_every_annotated_string(shared_data: Path, id_rules: BoilerplateRules) -> None:
    """Removing furniture from the gold documents keeps every evidence, trigger and quote substring."""
    files = [shared_data / "gold" / "id-dev.gold.jsonl", shared_data / "seed" / "seed.gold.jsonl"]
    checked = 0
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            rec = json.loads(line)
            cleaned = id_rules.apply(normalize_text(rec["text"])).text
            for ev in rec.get("events", []):
                for piece in [ev["trigger"], ev["evidence"], *ev.get("mentions", [])]:
                    assert normalize_text(piece) in cleaned, (rec["doc_id"], piece)
                    checked += 1
            for quote in rec.get("quotes", []):
                assert normalize_text(quote["text"]) in cleaned, (rec["doc_id"], quote["text"])
                checked += 1
    assert checked > 100
