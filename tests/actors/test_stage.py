"""The extract.entities stage on the seed article and small Indonesian examples."""

from __future__ import annotations

import datetime as dt
import itertools

from peristiwa.actors import extract_entities
from peristiwa.langs.base import PackLoader
from peristiwa.model import Document, Entity
from peristiwa.pipeline import Pipeline


def _doc(text: str) -> Document:
    return Document(doc_id="t", text=text, lang="id", published=dt.date(2017, 1, 1))


def _through_entities(doc: Document, pipeline: Pipeline) -> Document:
    """Run the stages up to the entities stage (sentences give the names their sentence starts)."""
    for stage in pipeline.stages:
        if stage.name in ("segment.sentences", "segment.tokens", "extract.entities"):
            doc = pipeline._fns[pipeline.stages.index(stage)](doc)
    return doc


def _names(doc: Document) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for e in doc.entities:
        out.setdefault(doc.text[e.start : e.end], set()).add(e.name)
    return out


def _id_entities(text: str) -> tuple[Document, list[Entity]]:
    """The entities of an Indonesian sentence, by every built-in source."""
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc(text)
    return doc, extract_entities(doc, pack)


def test_seed_entities(seed_doc: Document, pipeline: Pipeline) -> None:
    doc = _through_entities(seed_doc, pipeline)
    names = _names(doc)
    expected = {
        "ISIS": "Islamic State",
        "al-Nusra": "Nusra Front",
        "Jaish al-Yarmouk": "Jaish al-Yarmouk",
        "Rusia": "Russia",
        "AS": "United States",
        "tentara Suriah": "Syrian military",
        "tentara rezim Suriah": "Syrian military",
        "militer Rusia": "Russian military",
        "pasukan pemerintah Suriah": "Syrian military",
        "Igor Konashenkov": "Igor Konashenkov",
        "Omran al-Zoubi": "Omran al-Zoubi",
        "Rami Abdel Rahman": "Rami Abdel Rahman",
        "Mark Toner": "Mark Toner",
        "Anatoly Antonov": "Anatoly Antonov",
        "Bashar al-Assad": "Bashar al-Assad",
        "Front Nusra": "Nusra Front",
        "koalisi pimpinan AS": "US-led coalition",
        "kelompok pemberontak": "Syrian rebels",
        "Kementerian Pertahanan Rusia": "Russian Ministry of Defence",
    }
    for surface, name in expected.items():
        assert name in names.get(surface, set()), (surface, names.get(surface))
    people = {e.name: e for e in doc.entities if e.label == "PER"}
    assert people["Omran al-Zoubi"].country == "SY"
    assert people["Igor Konashenkov"].country == "RU"
    assert people["Mark Toner"].country == "US"
    # entities never overlap and point into the text
    spans = sorted((e.start, e.end) for e in doc.entities)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_titled_person_is_found_again_by_name_part() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Menteri Perindustrian RI Airlangga Hartarto bertemu investor. Airlangga mengatakan, kerja sama naik.")
    ents = extract_entities(doc, pack)
    later = [e for e in ents if doc.text[e.start : e.end] == "Airlangga"]
    assert later and later[0].name == "Airlangga Hartarto" and later[0].origin == "actors.coref"


def test_initials_after_a_person_noun_name_a_person() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Polisi menangkap tersangka AR di Bekasi. Saat ini AR masih menjalani pemeriksaan. Kasus KPK lain.")
    ents = [e for e in extract_entities(doc, pack) if e.name == "AR"]
    assert [doc.text[e.start : e.end] for e in ents] == ["tersangka AR", "AR"]
    assert all(e.label == "PER" for e in ents)
    assert not [e for e in extract_entities(doc, pack) if e.name == "KPK" and e.label == "PER"]


def test_initials_before_an_age_name_a_person() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Pengemudi itu diketahui bernama AR (37), warga Bekasi. AR kini diperiksa. Ketua KPK (2019) hadir.")
    ents = [e for e in extract_entities(doc, pack) if e.name == "AR"]
    assert [doc.text[e.start : e.end] for e in ents] == ["AR", "AR"] and all(e.label == "PER" for e in ents)
    assert not [e for e in extract_entities(doc, pack) if e.name == "KPK" and e.label == "PER"]


def test_initials_after_an_address_form_are_a_person_even_as_an_acronym() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("KPK menahan Saudara AS selaku Komisaris Utama PT Inti Alasindo. Duta Besar AS tiba di Jakarta.")
    ents = {doc.text[e.start : e.end]: e for e in extract_entities(doc, pack)}
    assert ents["Saudara AS"].label == "PER" and ents["Saudara AS"].name == "AS"
    assert ents["AS"].label == "GPE"


def test_a_two_word_naval_rank_is_no_part_of_the_name() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Kepala Bakamla Laksamana Madya Arie Soedewo meminta Eko membagi fee itu kepada pejabat lain.")
    assert "Arie Soedewo" in {e.name for e in extract_entities(doc, pack) if e.label == "PER"}


def test_an_english_function_word_opening_a_sentence_opens_no_name(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="en", published=dt.date(2019, 3, 1), text=(
        "The army said the group was defeated. But Isis fighters remain. When Trump spoke, Lisa Andersson left.")))
    names = {doc.text[e.start : e.end] for e in doc.entities}
    assert not {"But Isis", "When Trump"} & names


def test_a_title_word_opening_a_place_phrase_opens_no_person(pipeline: Pipeline) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "Presiden meninjau pembangunan di Ibu Kota Nusantara, Kalimantan Timur. Ibu Negara Iriana hadir.")))
    assert [e.name for e in doc.entities if e.label == "PER"] == ["Iriana"]
    assert all(p.name != "Ibu" for p in doc.places)


def test_a_derived_portfolio_word_after_a_title_is_no_part_of_the_name() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Menteri Kelautan dan Perikanan Sakti Wahyu Trenggono mengatakan stok garam aman.")
    assert [e.name for e in extract_entities(doc, pack) if e.label == "PER"] == ["Sakti Wahyu Trenggono"]


def test_acronym_definition_and_reuse() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Badan Pangan Nusantara (BPN) menyita beras. Kepala BPN mengatakan stok aman.")
    ents = {doc.text[e.start : e.end]: e for e in extract_entities(doc, pack)}
    assert ents["Badan Pangan Nusantara (BPN)"].name == "Badan Pangan Nusantara (BPN)"
    assert ents["BPN"].name == "Badan Pangan Nusantara (BPN)"


def test_a_syllabic_acronym_defines_its_long_name() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Satuan Polisi Perairan dan Udara (Satpolairud) berpatroli. Encep Nurjaman (Hambali) diadili.")
    names = {e.name for e in extract_entities(doc, pack)}
    assert "Satuan Polisi Perairan dan Udara (Satpolairud)" in names
    assert not any("(Hambali)" in n for n in names)


def test_indonesian_context_and_units() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Polisi dari Polres Tasikmalaya Kota menangkap AR di Tasikmalaya. Warga sekitar menonton.")
    ents = {doc.text[e.start : e.end]: e for e in extract_entities(doc, pack)}
    assert ents["Polisi"].name == "Indonesian National Police"
    assert ents["Polres Tasikmalaya Kota"].name == "Tasikmalaya City Police (Polres Tasikmalaya Kota)"
    assert ents["Warga sekitar"].sector == "civilians"


def test_a_unit_prefix_alone_is_the_unit_named_in_full_or_an_unnamed_one() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Kasus itu ditangani Polres Bogor. Polres kemudian memeriksa saksi bersama Polsek dan KPU.")
    ents = [(doc.text[e.start : e.end], e.name, e.sector) for e in extract_entities(doc, pack)]
    assert ("Polres", "Bogor Police (Polres Bogor)", "police") in ents
    assert ("Polsek", "Sector Police (Polsek)", "police") in ents
    assert not any(text == "KPU" and not name.endswith("(KPU)") for text, name, _ in ents)  # its own alias


def test_a_kinship_noun_opening_a_sentence_is_no_part_of_a_name() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Sepupu Budi Santoso ditembak. Polisi menutup sekolah Putri Ayu di Bogor.")
    texts = {doc.text[e.start : e.end] for e in extract_entities(doc, pack)}
    assert "Sepupu Budi Santoso" not in texts
    assert "Putri Ayu" in texts  # mid-sentence, a kinship word may be part of a name


def test_a_name_with_initials_used_after_an_address_form_is_a_person() -> None:
    pack = PackLoader().get("id")
    assert pack is not None
    doc = _doc("Iswan Ibrahim (ISW) meminta bantuan. Rapat dihadiri Arso dan Iswan. Saudara ISW lalu ditahan. "
               "Proyek Light Rail Transit (LRT) berjalan.")
    ents = {doc.text[e.start : e.end]: e for e in extract_entities(doc, pack)}
    assert ents["Iswan Ibrahim (ISW)"].label == "PER"
    assert ents["Iswan"].label == "PER"  # a later name part is the person, not a village
    assert ents["Proyek Light Rail Transit (LRT)"].label == "ORG"


def test_stage_skips_documents_without_a_pack(pipeline: Pipeline) -> None:
    doc = Document(doc_id="x", text="Bonjour tout le monde.", lang="fr")
    assert pipeline(doc).entities == ()


def test_sentence_opening_common_word_is_not_part_of_a_name(pipeline: Pipeline) -> None:
    doc = _doc("Polisi menahan Khariq Anhar di Jakarta. Penangkapan Khariq Anhar membuat mahasiswa marah. "
               "Menurut polisi, penangkapan itu sah. Budi Gunawan mengatakan, Budi Gunawan hadir. "
               "Kesiapan Joko Susilo diragukan.")
    doc = _through_entities(doc, pipeline)
    names = {e.name for e in doc.entities}
    assert "Khariq Anhar" in names and "Penangkapan Khariq Anhar" not in names
    assert "Budi Gunawan" in names  # a name opening a sentence is still a name
    assert "Joko Susilo" in names and "Kesiapan Joko Susilo" not in names  # "kesiapan": ke-an of "siap"


def test_a_one_word_name_that_speaks_is_a_person(pipeline: Pipeline) -> None:
    doc = _doc("Apple di bawah Cook tercatat masih menciptakan produk baru. Cook berkata ia akan melakukan "
               "perubahan. \"Kami siap,\" kata Cook. Rusia mengatakan serangan itu sah.")
    doc = _through_entities(doc, pipeline)
    people = [(doc.text[e.start : e.end], e.label) for e in doc.entities if e.origin == "actors.speaker"]
    assert people == [("Cook", "PER")] * 3  # every use; "Rusia" is a known actor, not a speaker name


def test_common_nouns_and_given_names_are_judged_apart(pipeline: Pipeline) -> None:
    doc = _through_entities(_doc("Putri Candrawathi hadir di pengadilan. Tetangga mengatakan ia pendiam. "
                                 "Putri Candrawathi lalu pulang bersama putri sulungnya."), pipeline)
    names = {e.name for e in doc.entities}
    assert "Putri Candrawathi" in names  # "Putri" is a given name here, though "putri" is a noun
    assert not [e for e in doc.entities if e.origin == "actors.speaker"]  # "Tetangga" is no name
    en = _through_entities(Document(doc_id="e", lang="en", published=dt.date(2020, 1, 1), text=(
        "Bill Gates criticised the government. Witnesses said the bill was passed at night.")), pipeline)
    assert "Bill Gates" in {e.name for e in en.entities}
    assert not [e for e in en.entities if e.origin == "actors.speaker"]


def test_coordinated_countries_share_the_head_noun(pipeline: Pipeline) -> None:
    en = _through_entities(Document(doc_id="e", lang="en", published=dt.date(2020, 1, 1), text=(
        "Firing between Indian and Pakistani troops resumed. Iraqi, Syrian and Kurdish forces attacked. "
        "US and Iraqi forces retook the town. Israel and Palestinian militants exchanged fire.")), pipeline)
    names = _names(en)
    assert names["Indian"] == {"Indian military"} and names["Pakistani troops"] == {"Pakistani military"}
    assert {"Iraqi", "Syrian"} <= set(names) and names["US"] == {"US forces"}
    assert names["Israel"] == {"Israel"}  # a country's name there is a participant of its own
    doc = _through_entities(_doc("Pasukan Rusia, Suriah dan Iran menyerang Aleppo. Tentara India dan "
                                 "Pakistan Timur bertemu. Polisi Indonesia dan Malaysia menangkap dia."), pipeline)
    names = _names(doc)
    assert names["Suriah"] == {"Syrian forces"} and names["Iran"] == {"Iranian forces"}
    assert names["Malaysia"] == {"Malaysian police"}
    assert names.get("Pakistan") != {"Pakistani military"}  # "Pakistan Timur": no bare conjunct


def test_canonical_names_opening_with_a_country_stay_head_phrases(pipeline: Pipeline) -> None:
    doc = _through_entities(Document(doc_id="e", lang="en", published=dt.date(2020, 1, 1), text=(
        "Groups were hit by the US government shutdown. Activists of the Communist Party of India (Maoist) "
        "left.")), pipeline)
    origins = {doc.text[e.start : e.end]: e.origin for e in doc.entities}
    assert origins["US government"] == "actors.head"  # so "US" stays a place of the article
    assert origins["Communist Party of India (Maoist)"] == "actors.registry"  # a canonical name written out


def test_a_regional_unit_ends_at_its_known_place_and_names_it_once() -> None:
    doc, ents = _id_entities("Kepala Kejari Jember Ichwan Efendi menyebut Polresta Malang Kota sudah menerima laporan.")
    names = {doc.text[e.start : e.end]: e.name for e in ents}
    assert names["Kejari Jember"] == "Jember District Prosecutor's Office (Kejari Jember)"
    assert names["Polresta Malang Kota"] == "Malang City Police (Polresta Malang Kota)"


def test_a_nickname_in_parentheses_ends_a_titled_name() -> None:
    _, ents = _id_entities("Menteri Sosial Saifullah Yusuf (Gus Ipul) meninjau lokasi. Kepala Badan Pangan Nasional "
                           "(Bapanas) Arief Prasetyo Adi hadir.")
    found = {(e.name, e.sector) for e in ents if e.origin == "actors.title"}
    assert found == {("Saifullah Yusuf", "government"), ("Arief Prasetyo Adi", "government")}


def test_a_home_institution_followed_by_a_foreign_country_is_that_countrys() -> None:
    doc, ents = _id_entities("Kementerian Luar Negeri Rusia membantah laporan itu, sementara Kementerian Luar "
                             "Negeri diam.")
    found = [(doc.text[e.start : e.end], e.name, e.country) for e in ents]
    assert ("Kementerian Luar Negeri Rusia", "Russian Ministry of Foreign Affairs", "RU") in found
    assert ("Kementerian Luar Negeri", "Ministry of Foreign Affairs (Kemlu)", "ID") in found


def test_a_company_named_after_its_country_is_a_company() -> None:
    _, ents = _id_entities("Ratusan karyawan PT Freeport Indonesia berunjuk rasa di Timika.")
    assert [(e.name, e.sector) for e in ents if e.name.startswith("PT")] == [("PT Freeport Indonesia", "business")]
