"""extract.events on short Indonesian sentences: triggers, argument constructions, modality, merging, claims.

These run the event extractor over documents segmented by the core segmenter only (no entity, place, date
or quote layers), so they test the mechanisms and the id pack data on their own; canonical names come
from the actor registry when it knows a phrase, so the assertions are on the participants' text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.config import Config
from peristiwa.extract.events import extract_events
from peristiwa.extract.resources import Resources
from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


@pytest.fixture(scope="module")
def run():
    data = Config.load().to_dict()
    data["pipeline"] = {**data.get("pipeline", {}), "stages": ["segment.sentences", "segment.tokens"]}
    seg = Pipeline(Config.from_dict(data))
    pack = seg.packs.get("id")
    assert pack is not None
    res = Resources.for_pack(pack)

    def _run(text: str, published: str = "2025-01-10") -> tuple[Document, list[Event]]:
        doc = seg(Document(doc_id="t", text=text, lang="id", published=dt.date.fromisoformat(published)))
        return doc, extract_events(doc, res, packs=seg.packs)

    return _run


def _annotated(pipeline: Pipeline, published: str, text: str) -> Document:
    """The full pipeline (entities, places, dates, quotes) on one Indonesian text."""
    return pipeline(Document(doc_id="t", lang="id", published=dt.date.fromisoformat(published), text=text))


def _texts(doc: Document, actors) -> list[str]:
    return [doc.text[a.start : a.end] for a in actors]


def _one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.modality) for e in events]
    return found[0]


# -- triggers and morphology in context -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Pasukan Rusia menyerang kota itu pada Selasa.", "ASSAULT"),
        ("Kota itu diserang pasukan Rusia pada Selasa.", "ASSAULT"),
        ("Penyerangan terhadap pos polisi itu terjadi Selasa.", "ASSAULT"),
        ("Polisi menangkap tiga orang di Jakarta.", "COERCE"),
        ("Tiga orang ditangkap polisi di Jakarta.", "COERCE"),
        ("Penangkapan tiga orang itu dilakukan polisi.", "COERCE"),
        ("Kota Mosul dikuasai ISIS sejak 2014 dan pasukan Irak terus menggempur ISIS.", "ASSAULT"),
        ("Ribuan buruh berunjuk rasa di depan gedung DPR.", "PROTEST"),
        ("Presiden Jokowi bertemu Perdana Menteri Malaysia di Istana.", "CONSULT"),
        ("Kejaksaan menyita uang Rp 2 miliar dari tersangka.", "COERCE"),
        ("KPK menetapkan bupati itu sebagai tersangka.", "ACCUSE"),
        ("Pengadilan memvonis terdakwa lima tahun penjara.", "SANCTION"),
        ("TNI mengerahkan 500 prajurit ke perbatasan.", "MOBILIZE"),
        ("Pemerintah menolak tuntutan para buruh.", "REJECT"),
        ("Militan itu melarikan diri ke hutan.", "RETREAT"),
        ("Pelaku meminta maaf kepada korban.", "CONCEDE"),
    ],
)
def test_trigger_types(run, text: str, etype: str) -> None:
    _, events = run(text)
    assert etype in [e.type for e in events]


def test_heart_attack_is_no_event(run) -> None:
    _, events = run("Mantan menteri itu meninggal karena serangan jantung di rumahnya.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_sports_report_has_no_assault(run) -> None:
    text = (
        "Timnas Indonesia menang 2-1 dalam laga di stadion. Pelatih memuji pemain setelah pertandingan. "
        "Serangan balik cepat membuat kiper lawan kewalahan dan gol kedua lahir dari tembakan jarak jauh."
    )
    _, events = run(text)
    assert not [e for e in events if e.type == "ASSAULT"]


# -- argument constructions -----------------------------------------------------------------------------


def test_active_clause(run) -> None:
    doc, events = run("Polisi menangkap dua pengedar narkoba di Medan.")
    ev = _one(events, "COERCE")
    assert _texts(doc, ev.actors) == ["Polisi"]
    assert _texts(doc, ev.recipients) == ["dua pengedar"]


def test_passive_with_and_without_oleh(run) -> None:
    doc, events = run("Khariq Anhar ditahan oleh Polda Metro Jaya.")
    ev = _one(events, "COERCE")
    assert _texts(doc, ev.recipients) == ["Khariq Anhar"]
    assert _texts(doc, ev.actors) == ["Polda Metro Jaya"]
    doc, events = run("Burhan Wani ditembak tentara India.")
    ev = _one(events, "ASSAULT")
    assert _texts(doc, ev.recipients) == ["Burhan Wani"]
    assert _texts(doc, ev.actors) == ["tentara India"]


def test_event_noun_genitive_is_agent(run) -> None:
    doc, events = run("Serangan udara Rusia terhadap ISIS menewaskan 20 orang.")
    ev = _one(events, "ASSAULT")
    assert _texts(doc, ev.actors) == ["Rusia"]
    assert _texts(doc, ev.recipients) == ["ISIS"]
    assert "aerial" in ev.modes


def test_process_noun_genitive_is_patient(run) -> None:
    doc, events = run("Penangkapan Khariq Anhar oleh Polda Metro Jaya menuai kritik.")
    ev = _one(events, "COERCE")
    assert _texts(doc, ev.recipients) == ["Khariq Anhar"]
    assert _texts(doc, ev.actors) == ["Polda Metro Jaya"]


def test_done_by_relative(run) -> None:
    doc, events = run("Serangan udara yang dilakukan oleh Rusia menghancurkan gudang senjata.")
    ev = _one(events, "ASSAULT")
    assert _texts(doc, ev.actors) == ["Rusia"]


def test_support_verbs(run) -> None:
    doc, events = run("Rusia melancarkan serangan udara di Suriah.")
    assert _texts(doc, _one(events, "ASSAULT").actors) == ["Rusia"]
    doc, events = run("Tentara Suriah mendapat bantuan dari militer Rusia.")
    ev = _one(events, "AID")
    assert _texts(doc, ev.actors) == ["militer Rusia"]
    assert _texts(doc, ev.recipients) == ["Tentara Suriah"]


def test_coordination_gives_several_actors(run) -> None:
    doc, events = run("Militan dari ISIS, al-Nusra dan Jaish al-Yarmouk telah melarikan diri ke Yordania.")
    ev = _one(events, "RETREAT")
    assert _texts(doc, ev.actors) == ["ISIS", "al-Nusra", "Jaish al-Yarmouk"]


def test_symmetric_event_between(run) -> None:
    doc, events = run("Bentrokan antara warga dan petugas keamanan terjadi di Kashmir.")
    ev = _one(events, "ASSAULT")
    assert _texts(doc, ev.actors) == ["warga", "petugas keamanan"]


def test_relative_clause_subject(run) -> None:
    doc, events = run("Pasukan pemerintah yang loyal terhadap Presiden Assad meluncurkan serangan darat.")
    ev = _one(events, "ASSAULT")
    assert _texts(doc, ev.actors) == ["Pasukan pemerintah"]


def test_pronoun_resolves_to_previous_sentence(run) -> None:
    doc, events = run("Sejumlah mahasiswa berkumpul di kampus. Mereka kemudian berunjuk rasa di depan gedung DPRD.")
    ev = _one(events, "PROTEST")
    assert _texts(doc, ev.actors) == ["Sejumlah mahasiswa"]


def test_apposition_is_one_participant(run) -> None:
    doc, events = run("Anggota Komisi I DPR, Elnino Husein Mohi, meminta TNI segera memberikan keterangan.")
    ev = _one(events, "REQUEST")
    assert len(ev.actors) == 1
    assert doc.text[ev.actors[0].start : ev.actors[0].end].endswith("Elnino Husein Mohi")
    assert _texts(doc, ev.recipients) == ["TNI"]


# -- modality -------------------------------------------------------------------------------------------


def test_future_noncooperative_keeps_type(run) -> None:
    _, events = run("Polisi akan menangkap para pelaku pekan depan.")
    assert _one(events, "COERCE").modality == "future"


def test_future_cooperation_is_agree(run) -> None:
    _, events = run("Presiden Ramaphosa akan bertemu Presiden Prabowo siang ini di Istana Merdeka.")
    ev = _one(events, "AGREE")
    assert ev.modality == "asserted"
    assert not [e for e in events if e.type == "CONSULT"]


def test_willingness_composes_agree(run) -> None:
    doc, events = run("Amerika Serikat siap melanjutkan pembicaraan militer dengan Rusia.")
    ev = _one(events, "AGREE")
    assert doc.text[ev.trigger.start : ev.trigger.end].startswith("siap")
    assert _texts(doc, ev.actors) == ["Amerika Serikat"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polisi belum menangkap pelaku penembakan itu.", "negated"),
        ("Polisi tidak menangkap siapa pun dalam razia itu.", "negated"),
        ("Jika terbukti, polisi bisa menangkap pelaku.", "hypothetical"),
        ("Warga berharap polisi segera menangkap pelaku.", "hypothetical"),
    ],
)
def test_negated_and_hypothetical_are_dropped_by_default(run, text: str, expected: str) -> None:
    _, events = run(text)
    assert not [e for e in events if e.type == "COERCE" and "arrest" in e.modes]


def test_not_only_is_no_negation(run) -> None:
    _, events = run("Tidak hanya menangkap pelaku, polisi juga menyita senjata api.")
    assert any(e.type == "COERCE" and e.modality == "asserted" for e in events)


def test_low_confidence_floor_keeps_modalities(run) -> None:
    pipe_doc, _ = run("Polisi belum menangkap pelaku penembakan itu.")
    pack = Pipeline().packs.get("id")
    assert pack is not None
    events = extract_events(pipe_doc, Resources.for_pack(pack), min_confidence=0.0)
    assert any(e.type == "COERCE" and e.modality == "negated" for e in events)


# -- merging and composition ----------------------------------------------------------------------------


def test_mentions_of_one_arrest_merge(run) -> None:
    text = (
        "Polisi menangkap Budi Santoso di Bandung pada Senin. Penangkapan itu dilakukan setelah laporan warga. "
        "Budi ditangkap saat berada di rumahnya."
    )
    _, events = run(text)
    arrests = [e for e in events if e.type == "COERCE"]
    assert len(arrests) == 1
    assert len(arrests[0].mentions) >= 1


def test_distinct_attacks_stay_apart(run) -> None:
    text = (
        "Rusia melancarkan serangan udara di Provinsi Hama pada Senin. "
        "Sekitar 20 tank hancur terkena serangan di Provinsi Homs pada Selasa."
    )
    _, events = run(text)
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_request_absorbs_its_content(run) -> None:
    _, events = run("Mahasiswa itu meminta agar Khariq segera dibebaskan oleh polisi.")
    ev = _one(events, "REQUEST")
    assert "yield" in ev.modes
    assert not [e for e in events if e.type == "RETREAT"]


def test_protest_absorbs_its_demand(run) -> None:
    _, events = run("Ribuan buruh berunjuk rasa menuntut kenaikan upah di depan kantor gubernur.")
    assert [e.type for e in events] == ["PROTEST"]


def test_topic_is_no_event(run) -> None:
    _, events = run("Amerika menolak usulan terkait aturan operasi militer di Suriah.")
    assert [e.type for e in events] == ["REJECT"]


# -- claims ---------------------------------------------------------------------------------------------


def test_event_in_quote_has_speaker_as_source(run) -> None:
    text = '"Pasukan kami telah menangkap lima militan di perbatasan," kata juru bicara militer, Ahmad Yani.'
    _, events = run(text)
    ev = _one(events, "COERCE")
    assert ev.source == "Ahmad Yani"


def test_narrated_event_has_no_source(run) -> None:
    _, events = run("Polisi menangkap lima militan di perbatasan pada Senin.")
    assert _one(events, "COERCE").source is None


# -- lists, relative clauses, conduct nouns and object clitics ------------------------------------------


def test_serial_comma_list_of_recipients(run):
    doc, events = run("Eri mengajak polisi, tentara, dan mahasiswa untuk ikut mengawasi anak-anak.")
    e = _one(events, "REQUEST")
    assert _texts(doc, e.recipients) == ["polisi", "tentara", "mahasiswa"]


def test_relative_clause_antecedent_keeps_its_coordination(run):
    doc, events = run("Dede mengapresiasi sikap pihak kampus dan keluarga yang meminta transparansi penyelidikan.")
    assert _texts(doc, _one(events, "REQUEST").actors) == ["pihak kampus", "keluarga"]


def test_conduct_noun_names_the_party_after_it(run):
    doc, events = run("Dede mengapresiasi sikap pihak kampus dalam kasus itu.")
    assert _texts(doc, _one(events, "SUPPORT").recipients) == ["pihak kampus"]


def test_object_clitic_is_the_last_other_person(run):
    doc, events = run("Ahed Tamimi ditangkap pada 15 Desember. Pengadilan militer itu menahannya hingga akhir sidang.")
    e = next(x for x in events if doc.text[x.trigger.start : x.trigger.end] == "menahannya")
    assert _texts(doc, e.recipients) == ["Ahed Tamimi"]


def test_purpose_clause_light_verb_takes_the_main_subject(run):
    doc, events = run("Pada 2 April, Nadir bersama Budi berangkat ke Gaziantep untuk menyalurkan bantuan.")
    assert _texts(doc, _one(events, "AID").actors) == ["Nadir", "Budi"]


def test_bare_title_names_the_titled_person_chunked_apart(run):
    doc, events = run("Menteri Perindustrian RI Airlangga Hartarto mengatakan bahwa Afghanistan adalah mitra dagang. "
                      "Sebaliknya, Menperin mengundang pelaku bisnis Afghanistan.")
    e = _one(events, "REQUEST")
    assert _texts(doc, e.actors) == ["Menperin"]
    assert e.actors[0].name == "Airlangga Hartarto"


def test_head_noun_bridges_plain_nouns_to_its_modifier(run):
    doc, events = run("Polisi mengamankan pengemudi mobil Pajero berpelat dinas Polri.")
    assert _texts(doc, _one(events, "COERCE").recipients) == ["pengemudi mobil Pajero"]


def test_head_noun_never_swallows_a_verb(run):
    doc, events = run("Massa pendukung datang ke Jakarta dan menyerang polisi.")
    assert _texts(doc, _one(events, "ASSAULT").actors) == ["Massa pendukung"]


def test_plural_pronoun_stands_for_a_coordinated_antecedent(run):
    _doc, events = run("Nadir dan Budi berangkat ke Istanbul. Pada 5 April, keduanya diperiksa di kantor imigrasi.")
    assert [a.name for a in _one(events, "ACCUSE").recipients] == ["Nadir", "Budi"]


def test_general_phrase_is_named_by_its_examples(run):
    doc, events = run("Eri mengajak semua elemen masyarakat seperti mahasiswa, buruh, dan nelayan untuk mengawasi.")
    assert _texts(doc, _one(events, "REQUEST").recipients) == ["mahasiswa", "buruh", "nelayan"]


def test_event_noun_subject_of_a_later_passive_support_verb(run):
    doc, events = run("Polri menyatakan serangan bom di Kampung Melayu, Jakarta, diduga dilakukan oleh kelompok ISIS.")
    assert _texts(doc, _one(events, "ASSAULT").actors) == ["kelompok ISIS"]
    assert _texts(doc, _one(events, "ACCUSE").recipients) == ["kelompok ISIS"]


def test_support_verb_reaches_its_event_noun_past_frame_nouns(run):
    doc, events = run("Pemerintah resmi menerapkan kebijakan pembatasan jam malam bagi anak-anak.")
    assert _texts(doc, _one(events, "COERCE").actors) == ["Pemerintah"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Dua warga tewas dalam serangan udara Rusia di Idlib.", ["Dua warga"]),
        ("Seorang bocah meninggal akibat serangan bom di pasar itu.", ["Seorang bocah"]),
    ],
)
def test_those_killed_in_an_attack_are_its_recipients(run, text, victims):
    doc, events = run(text)
    assert _texts(doc, _one(events, "ASSAULT").recipients) == victims


def test_description_with_an_age_is_named_by_the_name_after_it(run):
    _doc, events = run("Polisi menangkap seorang pria berusia 39 tahun Budi Santoso di Bekasi.")
    assert [a.name for a in _one(events, "COERCE").recipients] == ["Budi Santoso"]


def test_attack_on_a_building_targets_its_owner(run):
    doc, events = run("Sekelompok orang menyerang pos polisi di Wamena.")
    assert _texts(doc, _one(events, "ASSAULT").recipients) == ["polisi"]


def test_between_names_both_sides_of_any_event_noun(run):
    doc, events = run("Terjadi kericuhan antara FPI dan GMBI di Bandung pada Kamis.")
    assert _texts(doc, _one(events, "PROTEST").actors) == ["FPI", "GMBI"]


def test_disease_attacking_an_organ_is_no_assault(run):
    _, events = run("Penderita kanker bisa kambuh jika terjadi infeksi. Kanker yang menyerang getah bening "
                    "terbagi atas dua jenis, dan gejala penyakit itu sering terlambat dikenali.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_description_with_a_naming_word_is_named_by_the_name(run):
    _doc, events = run("Polisi menahan seorang pria bernama Budi Santoso di Bekasi.")
    assert [a.name for a in _one(events, "COERCE").recipients] == ["Budi Santoso"]


def test_third_person_pronoun_in_a_quote_is_not_its_speaker(pipeline):
    doc = _annotated(pipeline, "2025-10-19", (
        "Polisi mengamankan seorang pengemudi di Bandung. Kapolres Tasikmalaya Kota, AKBP Moch Faruk Rozi, "
        "membenarkan hal itu. \"Dia juga sudah membuat video permintaan maaf kepada masyarakat,\" kata Faruk."))
    concede = [e for e in doc.events if e.type == "CONCEDE"]
    assert concede and all(a.name != "Moch Faruk Rozi" for e in concede for a in e.actors)


def test_named_suspect_and_a_coordinated_detention(run):
    doc, events = run("Aktivis mahasiswa Khariq Anhar jadi tersangka dan ditahan polisi.")
    accuse, coerce = _one(events, "ACCUSE"), _one(events, "COERCE")
    assert _texts(doc, accuse.recipients) == _texts(doc, coerce.recipients) != []
    assert _texts(doc, coerce.actors) == ["polisi"]


@pytest.mark.parametrize("text", ["Bank Indonesia menahan suku bunga acuan di level 5,75 persen.",
                                  "Tugas kita bukan hanya menahan inflasi tetap rendah."])
def test_holding_an_economic_quantity_is_no_detention(run, text: str) -> None:
    _, events = run(text)
    assert not [e for e in events if e.type == "COERCE"]


def test_a_quoted_speaker_unknown_to_the_tables_is_a_participant(pipeline):
    doc = _annotated(pipeline, "2025-10-20", (
        "\"Kalau kita lihat, pengendalian di daerah berjalan cukup baik,\" kata Purbaya. Selain itu, Purbaya "
        "meminta agar pemerintah daerah terus bersinergi untuk mengendalikan inflasi."))
    assert [a.name for e in doc.events if e.type == "REQUEST" for a in e.actors] == ["Purbaya"]


def test_each_clause_of_a_series_has_its_own_subject(run):
    doc, events = run("Warga membakar ban, lalu polisi menangkap tiga orang.")
    assert _texts(doc, _one(events, "COERCE").actors) == ["polisi"]
    doc, events = run("Polisi, TNI dan warga melakukan patroli gabungan di Bekasi.")
    assert _texts(doc, _one(events, "MOBILIZE").actors) == ["Polisi", "TNI", "warga"]


@pytest.mark.parametrize("text", ["Personel kepolisian mengamankan aksi unjuk rasa mahasiswa.",
                                  "Ledakan amarah ini berakar pada kekecewaan rakyat.",
                                  "Publik terpukul oleh komentar itu."])
def test_figurative_and_securing_senses_are_no_arrest_or_assault(run, text: str) -> None:
    _, events = run(text)
    assert not [e for e in events if e.type in ("ASSAULT", "COERCE")]


def test_a_name_after_a_spatial_noun_is_inside_the_place_phrase(run):
    doc, events = run("Buruh menggelar aksi di depan gedung DPR pada Senin untuk memprotes tunjangan anggota dewan.")
    assert all(doc.text[a.start : a.end] != "DPR" for e in events for a in e.actors)


def test_description_with_a_modifier_phrase_is_named_by_the_name(run):
    _doc, events = run("Polisi menangkap anggota DPRD Pasuruan dari PKS, Muhammad Nadir Umar di Bandara Juanda.")
    assert [a.name for a in _one(events, "COERCE").recipients] == ["Muhammad Nadir Umar"]


@pytest.mark.parametrize("text", ["Setelah menerima laporan dari warga, Budi Santoso menangkap pelaku.",
                                  "Setelah menerima laporan warga, Budi Santoso menangkap pelaku."])
def test_a_comma_closing_a_fronted_clause_joins_no_apposition(run, text: str) -> None:
    doc, events = run(text)
    assert _texts(doc, _one(events, "COERCE").actors) == ["Budi Santoso"]


def test_a_list_closed_by_hingga_names_the_general_phrase(pipeline):
    doc = _annotated(pipeline, "2025-07-12", (
        "Wali kota menyampaikan apresiasi kepada seluruh pihak yang mendukung kebijakan ini, mulai dari "
        "Kodim 0830/Surabaya, Polres Pelabuhan Tanjung Perak, hingga elemen masyarakat."))
    support = _one(list(doc.events), "SUPPORT")
    assert _texts(doc, support.recipients) == ["Kodim 0830/Surabaya", "Polres Pelabuhan Tanjung Perak",
                                               "elemen masyarakat"]


def test_a_description_given_in_apposition_stands_for_the_person(pipeline):
    doc = _annotated(pipeline, "2025-09-02", (
        "Aktivis mahasiswa asal Riau, Khariq Anhar jadi tersangka. Ia kini berada di Jakarta. "
        "Diketahui, aktivis mahasiswa yang juga aktif di Universitas Riau ditangkap Polda Metro Jaya. "
        "\"Khariq Anhar itu ditangkap jam 8 pagi,\" katanya."))
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert len(arrests) == 1  # one arrest, told three times
    assert {a.name for a in arrests[0].recipients} == {"Khariq Anhar"}


def test_a_common_noun_of_a_re_mention_adds_nobody_to_named_participants(pipeline):
    doc = _annotated(pipeline, "2025-09-02", (
        "Polda Metro Jaya menahan Budi Santoso di Jakarta. Budi Santoso ditahan penyidik atas dugaan korupsi."))
    arrest = _one(list(doc.events), "COERCE")
    assert [doc.text[a.start : a.end] for a in arrest.actors] == ["Polda Metro Jaya"]


def test_a_statement_made_also_is_another_statement(run):
    _doc, events = run("Anggota DPR Elnino Husein Mohi meminta TNI memberikan keterangan. "
                       "Elnino juga meminta TNI segera mengklarifikasi proses pembelian alutsista.")
    assert len([e for e in events if e.type == "REQUEST"]) == 2


def test_a_statement_takes_the_day_its_attribution_gives(pipeline):
    doc = _annotated(pipeline, "2017-05-18", (
        "Anggota DPR Elnino Husein Mohi meminta TNI memberikan keterangan. \"TNI perlu memberikan penjelasan "
        "resmi,\" kata Elnino di Jakarta, hari ini. Saat ini kasus itu diselidiki polisi."))
    request = _one(list(doc.events), "REQUEST")
    assert request.date is not None and request.date.first == dt.date(2017, 5, 18)


@pytest.mark.parametrize("text", ["Seorang tersangka ditahan terkait dengan serangan truk di Stockholm.",
                                  "Seorang tersangka ditahan terkait serangan truk di Stockholm."])
def test_an_event_an_act_relates_to_is_an_event(run, text: str) -> None:
    _doc, events = run(text)
    assert {e.type for e in events} == {"COERCE", "ASSAULT"}


def test_a_count_in_the_next_sentence_carries_to_its_event(pipeline):
    doc = _annotated(pipeline, "2017-04-10", (
        "Sebuah truk menabrak kerumunan dalam serangan di Stockholm. Polisi mengidentifikasi empat orang "
        "korban yang tewas bersamaan dengan jaksa menahan satu tersangka lain."))
    assert [(c.kind, c.value) for c in _one(list(doc.events), "ASSAULT").counts] == [("killed", 4)]


@pytest.mark.parametrize("text", ["Warga bentrok dengan polisi di Jakarta.",
                                  "Bentrokan antara warga dengan polisi terjadi di Jakarta."])
def test_both_sides_of_a_clash_act_once(pipeline, text: str) -> None:
    doc = _annotated(pipeline, "2025-09-02", text)
    clash = _one(list(doc.events), "ASSAULT")
    assert [doc.text[a.start : a.end].lower() for a in clash.actors] == ["warga", "polisi"]


def test_a_reporting_verb_used_as_an_adverb_keeps_the_clause(pipeline):
    doc = _annotated(pipeline, "2017-06-19", (
        "Seorang komandan ISIS dilaporkan tewas pada pertempuran pagi di Mosul."))
    battle = _one(list(doc.events), "ASSAULT")
    assert [doc.text[a.start : a.end] for a in battle.recipients] == ["Seorang komandan ISIS"]


def test_a_statement_was_made_where_its_attribution_says(pipeline):
    doc = _annotated(pipeline, "2017-05-18", (
        "Elnino Husein Mohi meminta TNI memberikan keterangan. \"TNI perlu memberikan penjelasan "
        "resmi,\" kata Elnino di Jakarta, hari ini."))
    request = _one(list(doc.events), "REQUEST")
    assert [p.name for p in request.locations] == ["Jakarta"]


def test_an_implicit_agent_is_the_body_not_its_officer(pipeline):
    doc = _annotated(pipeline, "2025-10-19", (
        "Aparat Polres Tasikmalaya Kota mengamankan seorang pengemudi. Kapolres Tasikmalaya Kota AKBP Moch Faruk "
        "Rozi membenarkan hal itu. Saat ini pengemudi itu masih menjalani pemeriksaan."))
    check = [e for e in doc.events if e.type == "ACCUSE"]
    assert check and [a.name for a in check[0].actors] == ["Tasikmalaya City Police (Polres Tasikmalaya Kota)"]


def test_a_pronoun_continuing_the_subject_keeps_its_referent(pipeline):
    doc = _annotated(pipeline, "2017-04-11", (
        "Kapolri Tito Karnavian bersama Menlu Retno Marsudi berangkat ke Istanbul. Mereka menginap di kantor "
        "cabang Qoiru Umah. Pada 4 April, keduanya bertolak menuju Lebanon. Pada 5 April, keduanya diperiksa "
        "di Imigrasi Istanbul."))
    check = _one(list(doc.events), "ACCUSE")
    assert {a.name for a in check.recipients} == {"Tito Karnavian", "Retno Marsudi"}


@pytest.mark.parametrize("text", ["Menurut polisi, baik Nadir Umar maupun Budi Mastur saat ini diperiksa di Jakarta.",
                                  "Baik Nadir Umar maupun Budi Mastur saat ini diperiksa di Jakarta."])
def test_a_correlative_list_names_both_items(pipeline, text: str) -> None:
    doc = _annotated(pipeline, "2017-04-11", text)
    check = _one(list(doc.events), "ACCUSE")
    assert [doc.text[a.start : a.end] for a in check.recipients] == ["Nadir Umar", "Budi Mastur"]


def test_an_opened_list_of_two_closed_by_hingga(run):
    doc, events = run("Ribuan massa, mulai dari mahasiswa hingga buruh, berdemo di depan gedung DPR.")
    assert _texts(doc, _one(events, "PROTEST").actors) == ["mahasiswa", "buruh"]


def test_the_place_a_speaker_spoke_about_is_not_where_he_spoke(pipeline):
    doc = _annotated(pipeline, "2025-10-22", (
        "\"Situasi sudah kondusif,\" kata Kapolda Papua Irjen Budi Santoso tentang kerusuhan di Wamena. "
        "Budi Santoso juga meminta warga tenang."))
    assert not _one(list(doc.events), "REQUEST").locations


@pytest.mark.parametrize(("text", "actor"), [
    ("Seorang warga sekitar, Ani Suryani, mendengar ledakan. Polisi menangkap warga sekitar yang melempar batu.",
     "warga sekitar"),
    ("Seorang mahasiswa, Budi Santoso, ditangkap polisi. Ratusan mahasiswa itu menyerang pos polisi.",
     "Ratusan mahasiswa itu"),
])
def test_a_generic_or_quantified_phrase_is_not_the_person_described(pipeline, text: str, actor: str) -> None:
    doc = _annotated(pipeline, "2025-10-22", text)
    attack = _one(list(doc.events), "ASSAULT")
    assert [doc.text[a.start : a.end] for a in attack.actors] == [actor]
    assert all(a.name not in ("Ani Suryani", "Budi Santoso") for a in attack.actors)


def test_a_newer_subject_breaks_a_pronoun_chain(pipeline):
    doc = pipeline(Document(doc_id="e", lang="en", published=dt.date(2020, 1, 1), text=(
        "Protesters marched to the parliament. They threw stones at the building. Riot police arrived. "
        "They fired tear gas at the crowd.")))
    gas = next(e for e in doc.events if "tear gas" in doc.text[e.trigger.start : e.trigger.end])
    assert [doc.text[a.start : a.end] for a in gas.actors] == ["Riot police"]


def test_a_clause_conjunction_still_ends_the_clause(run):
    doc, events = run("Polisi menangkap Budi Santoso di Medan sedangkan massa membakar mobil polisi.")
    assert _texts(doc, _one(events, "ASSAULT").actors) == ["massa"]
