"""Quotes, speakers and via chains in Indonesian: every construction, then the seed end to end."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from peristiwa.extract.quotes import quote_for_span
from peristiwa.extract.quotes_lexicon import _alternation, _trie_alternation, build_lexicon, lexicon_for
from peristiwa.extract.quotes_marks import find_marked_quotes
from peristiwa.langs.base import PackLoader
from peristiwa.model import Document
from peristiwa.output import quote_record
from peristiwa.pipeline import Pipeline, registry


def _quotes(pipeline: Pipeline, text: str, lang: str = "id", source: str | None = None) -> list[dict[str, Any]]:
    doc = pipeline(Document(doc_id="t", text=text, lang=lang, source=source, published=dt.date(2017, 5, 1)))
    return [quote_record(doc, q) for q in doc.quotes]


def _one(pipeline: Pipeline, text: str, lang: str = "id") -> dict[str, Any]:
    quotes = _quotes(pipeline, text, lang)
    assert len(quotes) == 1, quotes
    return quotes[0]


# -- the stage and its data ------------------------------------------------------------------------------------


def test_stage_is_registered_with_its_layers() -> None:
    info = registry.get("extract.quotes")
    assert info.provides == {"quotes"}
    assert info.requires == {"sentences", "tokens", "entities"}


@pytest.mark.parametrize(("lang", "written"), [("id", "laman Guardian"), ("en", "the newspaper Guardian")])
def test_pack_data_compiles(lang: str, written: str) -> None:
    pack = PackLoader().get(lang)
    lex = build_lexicon(pack)
    assert lex.verbs and lex.outlets
    assert lexicon_for(pack) is lexicon_for(pack)  # memoised on the pack
    assert lex.outlet(written) == "The Guardian"


def test_unknown_language_gives_no_quotes(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="x", text="“Hola,” dijo él. Nada más que decir aquí.", lang="es"))
    assert doc.quotes == ()


# -- quotation marks -------------------------------------------------------------------------------------------


def test_marks_straight_curly_and_opening_closer() -> None:
    text = "Ada di Rusia.”Setidaknya 3.000 militan lari,” tulis Ria Novosti. Lalu \"Kami siap, \"kata dia."
    spans = [text[q.start : q.end] for q in find_marked_quotes(text)]
    assert spans == ["Setidaknya 3.000 militan lari", "Kami siap"]


def test_marks_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "Pembuka.\n“Kalimat pertama belum ditutup.\n“Kalimat kedua,” kata Boy."
    quotes = find_marked_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["Kalimat pertama belum ditutup.", "Kalimat kedua"]
    assert quotes[0].unclosed and not quotes[1].unclosed


def test_nested_single_quotes_stay_inside() -> None:
    text = "“Ini ‘bab’ terakhir dalam serangan,” kata Letnan Jenderal Abdul Ghani al - Assadi."
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == ["Ini ‘bab’ terakhir dalam serangan"]


# -- direct quotes ---------------------------------------------------------------------------------------------


def test_direct_quote_with_post_cue_and_enclitic(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Kapolres Bogor AKBP Hendri Fiuser menggelar jumpa pers.\n“Mereka sudah kami periksa,” kata Hendri.\n"
        "“Barang bukti sudah kami sita,” ujarnya.",
    )
    assert [(q["text"], q["speaker"], q["speaker_text"], q["cue"]) for q in quotes] == [
        ("Mereka sudah kami periksa", "Hendri Fiuser", "Hendri", "kata"),
        ("Barang bukti sudah kami sita", "Hendri Fiuser", "ujarnya", "ujar"),
    ]
    assert all(q["direct"] for q in quotes)


@pytest.mark.parametrize("office,name", [
    ("Plt Deputi Penindakan dan Eksekusi KPK", "Asep Guntur Rahayu"),
    ("Menteri Koordinator Bidang Politik dan Keamanan", "Budi Gunawan"),
])
def test_an_office_of_two_fields_joined_by_dan_is_one_speaker(pipeline: Pipeline, office: str, name: str) -> None:
    q = _one(pipeline, f"“Pemeriksaan terus berlangsung,” kata {office} {name} di Jakarta, Selasa (21/10).")
    assert q["speaker"] == name


def test_split_quote_gives_two_quotes_with_one_speaker(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "“Selama beberapa hari terakhir, kami melihat bahaya,” kata juru bicara Departemen Luar Negeri AS, "
        "Mark Toner. “Jadi, kami perlu terlibat dengan Rusia.”",
    )
    assert [q["text"] for q in quotes] == [
        "Selama beberapa hari terakhir, kami melihat bahaya",
        "Jadi, kami perlu terlibat dengan Rusia.",
    ]
    assert {q["speaker"] for q in quotes} == {"Mark Toner"}
    assert quotes[0]["speaker_text"] == "juru bicara Departemen Luar Negeri AS, Mark Toner"
    assert quotes[0]["speaker_role"] == "juru bicara"
    assert quotes[0]["speaker_affiliation"] == "Departemen Luar Negeri AS"


def test_quote_continued_in_next_paragraph_takes_its_attribution(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Warga berkumpul di balai desa sejak pagi.\n“Kami sudah menunggu bantuan selama tiga hari.\n"
        "“Tidak ada yang datang ke sini,” kata Kepala Desa Sukamaju, Ahmad Yani.",
    )
    assert [q["speaker"] for q in quotes] == ["Ahmad Yani", "Ahmad Yani"]
    assert quotes[0]["text"] == "Kami sudah menunggu bantuan selama tiga hari."


def test_paragraph_of_quotation_only_takes_the_previous_speaker(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Elnino juga meminta TNI segera mengklarifikasi proses pembelian alutsista.\n"
        "“Saya percaya TNI masih dapat diandalkan untuk menjaga Republik ini\nBerikut nama-nama korban:",
    )
    assert quotes[-1]["direct"] and quotes[-1]["speaker"] == "Elnino" and quotes[-1]["cue"] is None


def test_titles_and_scare_quotes_are_not_quotes(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "Tonton juga video \"Prabowo Minta Menteri Perbanyak Prodi\" di sini.")
    assert quotes == []


# -- indirect speech -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content", "cue"),
    [
        ("Boy mengatakan bahwa Nadir dijemput oleh Densus di bandara.", "Boy", "Nadir dijemput oleh Densus di bandara",
         "mengatakan"),
        ("Boy menjelaskan, Nadir dijemput oleh Densus di bandara.", "Boy", "Nadir dijemput oleh Densus di bandara",
         "menjelaskan"),
        ("Menurut Boy, deportasi itu merupakan hasil kesepakatan.", "Boy", "deportasi itu merupakan hasil kesepakatan",
         "Menurut"),
        ("Dua orang tewas dalam bentrokan itu, kata polisi.", "polisi", "Dua orang tewas dalam bentrokan itu", "kata"),
        ("Sebagian besar korban dilarikan ke rumah sakit, AFP melaporkan.", "AFP",
         "Sebagian besar korban dilarikan ke rumah sakit", "melaporkan"),
        ("Sebab, kata Yusril, Hambali tidak berkomunikasi dengan pemerintah.", "Yusril",
         "Hambali tidak berkomunikasi dengan pemerintah", "kata"),
        ("Amnesty mengatakan pada Senin bahwa tidak ada yang dapat membenarkan penahanan itu.", "Amnesty International",
         "tidak ada yang dapat membenarkan penahanan itu", "mengatakan"),
        ("Lebih lanjut, dipaparkan Gede, sinergitas TNI AL dengan Polri sudah terjalin lama.", "Gede",
         "sinergitas TNI AL dengan Polri sudah terjalin lama", "dipaparkan"),
    ],
)
def test_indirect_frames(pipeline: Pipeline, text: str, speaker: str, content: str, cue: str) -> None:
    q = _one(pipeline, text)
    assert (q["speaker"], q["text"], q["cue"], q["direct"]) == (speaker, content, cue, False)


def test_anaphoric_attribution_takes_the_previous_sentence(pipeline: Pipeline) -> None:
    q = _one(pipeline, "Situasi di perbatasan kini kembali tenang. Begitu kata seorang pejabat militer kepada AFP.")
    assert q["text"].startswith("Situasi di perbatasan kini kembali tenang")
    assert q["speaker"] == "pejabat militer" and q["speaker_text"] == "seorang pejabat militer"
    assert q["via"] == ["AFP"]


def test_reporting_word_in_another_sense_is_not_a_cue(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "Kondisi jalan itu belum jelas betul bagi warga desa.") == []
    assert _quotes(pipeline, "Harga beras terus bertambah, dengan kata lain inflasi naik.") == []


# -- speakers ----------------------------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_latest_person_outside_quotes(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Sikap yang sama ditunjukan Rusia lewat Wakil Menteri Pertahanan Anatoly Antonov. Ia mengatakan, militer "
        "negara itu bersedia memperluas kerja sama.",
    )
    assert [(q["speaker"], q["speaker_text"]) for q in quotes] == [("Anatoly Antonov", "Ia")]


def test_names_unify_and_titles_resolve(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Menteri Perindustrian RI Airlangga Hartarto mengatakan bahwa Afghanistan merupakan mitra dagang penting.\n"
        "Airlangga berharap kerja sama ekonomi dapat terjalin.\n"
        "“Kami berkomitmen memperkuat kerja sama bilateral,” kata Menperin di Jakarta.",
    )
    assert [q["speaker"] for q in quotes] == ["Airlangga Hartarto"] * 3
    assert [q["speaker_text"] for q in quotes] == [
        "Menteri Perindustrian RI Airlangga Hartarto", "Airlangga", "Menperin"]


def test_demonstrative_description_points_back(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Pengacara Tamimi, Gaby Lasky, mengatakan pengadilan mengabaikan argumen pembela.\n"
        "“Mereka memutuskan persidangan dimulai pada 31 Januari,” kata pengacara tersebut kepada wartawan.",
    )
    assert [q["speaker"] for q in quotes] == ["Gaby Lasky", "Gaby Lasky"]
    assert quotes[1]["via"] == []  # "kepada wartawan" is the speaker's channel, not an intermediary


def test_organisation_and_description_speakers(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Namun, sejumlah negara Barat menilai serangan itu ditujukan kepada pemberontak. "
        "Kementerian Luar Negeri menyatakan seluruh WNI dalam keadaan selamat.",
    )
    assert quotes[0]["speaker"] == "sejumlah negara Barat"
    assert quotes[1]["speaker_text"] == "Kementerian Luar Negeri"


# -- via chains --------------------------------------------------------------------------------------------------


def test_citing_chain_and_quoted_outlet(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "“Sekitar 3.000 militan telah melarikan diri ke Yordania,” tulis kantor berita Rusia, Ria Novosti, "
        "Rabu (7/10), mengutip pejabat militer Kremlin.\n"
        "“Pasukan rezim melakukan serangan darat,” ujar Direktur Observatorium HAM untuk Suriah, Rami Abdel "
        "Rahman seperti dikutip dari laman Guardian.",
    )
    assert [(q["speaker"], q["via"]) for q in quotes] == [
        ("pejabat militer Kremlin", ["Ria Novosti"]),
        ("Rami Abdel Rahman", ["The Guardian"]),
    ]


def test_told_an_outlet_and_credit_line(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Warga mengatakan, ledakan terdengar dua kali di pusat kota.\n"
        "Serangan itu menewaskan tiga orang, kata polisi kepada Reuters.\n(AFP/Reuters)",
    )
    assert [q["via"] for q in quotes] == [["AFP", "Reuters"], ["Reuters", "AFP"]]


def test_own_outlet_is_not_an_intermediary(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "“Ini perang global,” kata Jibriel saat berbincang dengan CNNIndonesia.com lewat telepon.",
        source="cnn indonesia",
    )
    assert quotes[0]["via"] == []


# -- the seed, end to end --------------------------------------------------------------------------------------------

SEED_QUOTES = [
    ("pejabat militer Kremlin", True, "tulis", ["Ria Novosti"], "Setidaknya 3.000 militan"),
    ("Omran al-Zoubi", False, "mengatakan", [], "operasi militer Rusia di Suriah"),
    ("Omran al-Zoubi", True, "lanjut", [], "Serangan udara AS terhadap ISIS"),
    ("Igor Konashenkov", False, "mengatakan", [], "serangan pesawat-pesawat jet tempur"),
    ("Rami Abdel Rahman", True, "ujar", ["The Guardian"], "Untuk pertama kalinya"),
    ("sejumlah negara Barat", False, "menilai", [], "serangan yang dilakukan Rusia"),
    ("United States", False, "mengaku", [], "siap melanjutkan pembicaraan"),
    ("Mark Toner", True, "kata", [], "Selama beberapa hari terakhir"),
    ("Mark Toner", True, "kata", [], "Jadi, kami benar-benar perlu"),
    ("Anatoly Antonov", False, "mengatakan", [], "militer negara itu bersedia"),
]


def test_seed_end_to_end(pipeline: Pipeline, seed_doc: Document) -> None:
    doc = pipeline(seed_doc)
    got = [quote_record(doc, q) for q in doc.quotes]
    assert len(got) == len(SEED_QUOTES)
    for rec, (speaker, direct, cue, via, start) in zip(got, SEED_QUOTES, strict=True):
        assert (rec["speaker"], rec["direct"], rec["cue"], rec["via"]) == (speaker, direct, cue, via), rec
        assert rec["text"].startswith(start)
        assert doc.text[rec["span"][0] : rec["span"][1]] == rec["text"]
    assert got[0]["text"].endswith("serangan udara Rusia")  # no comma, no closing mark
    assert got[8]["text"].endswith("mencegah konflik.")  # a final period inside the marks stays
    assert [q.id for q in doc.quotes] == [f"q{i}" for i in range(1, 11)]
    start = doc.text.index("Setidaknya 3.000")
    found = quote_for_span(doc, start, doc.text.index(".", start) + 1)
    assert found is not None and found.speaker == "pejabat militer Kremlin"
    assert quote_for_span(doc, 0, 20) is None


# -- robustness --------------------------------------------------------------------------------------------------

QUOTE_ALPHABET = "ab Kata dia ujarnya mengatakan Menurut Boy, “”\"'.\n"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_any_text_gives_valid_spans(pipeline: Pipeline, lang: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=QUOTE_ALPHABET, max_size=160))
    def check(text: str) -> None:
        if not text.strip():
            return
        doc = pipeline(Document(doc_id="h", text=text, lang=lang))
        for q in doc.quotes:
            assert 0 <= q.content.start < q.content.end <= len(text)
            if q.speaker_span is not None:
                assert 0 <= q.speaker_span.start < q.speaker_span.end <= len(text)
            if q.cue_span is not None:
                assert text[q.cue_span.start : q.cue_span.end] == q.cue

    check()


def test_he_after_a_subject_opened_by_a_discourse_word_is_that_subject(pipeline: Pipeline) -> None:
    text = ("Kasat Reskrim Polres Polman, AKP Budi Adi mengatakan tersangka sudah ditahan. \"Kami memiliki cukup "
            "bukti,\" terangnya.\n\nSementara tersangka M memohon maaf atas kegaduhan itu. Dia pun membantah "
            "tuduhan itu.\n\"Saya meminta maaf kepada keluarga besar saya,\" ujarnya.")
    doc = pipeline(Document(doc_id="t", text=text, lang="id", published=dt.date(2025, 10, 21)))
    last = max(doc.quotes, key=lambda q: q.content.start)
    assert last.speaker == "M"


def test_prefix_tree_alternation_matches_like_the_flat_one() -> None:
    forms = ["kata", "katanya", "mengatakan", "menurut", "kata dia", "according to", "said", "says", "told"]
    text = "Kata dia, katanya begitu. Menurut  polisi, he said; she says it was told, according   to them."
    for tail in ("", r"\b", r"(?:nya)?\b"):
        flat = re.compile(rf"\b(?:{_alternation(forms)}){tail}", re.IGNORECASE)
        tree = re.compile(rf"\b(?:{_trie_alternation(forms)}){tail}", re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
