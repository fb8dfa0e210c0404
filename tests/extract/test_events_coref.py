"""extract.coref through the full pipeline: who a pronoun or a fused "kepadanya" stands for.

Sentences are written for the tests (general patterns of Indonesian news), never copied from gold files.
"""

from __future__ import annotations

import datetime as dt

from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


def _annotated(pipeline: Pipeline, text: str) -> Document:
    return pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=text))


def _one(doc: Document, etype: str) -> Event:
    found = [e for e in doc.events if e.type == etype]
    assert len(found) == 1, [(e.type, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]
    return found[0]


def test_a_person_pronoun_after_sentences_about_things_is_the_protagonist(pipeline):
    doc = _annotated(pipeline, (
        "Wali Kota Bandung Budi Santoso meresmikan taman kota di Bandung. Budi Santoso memastikan taman itu "
        "terbuka untuk umum. Taman tersebut memiliki kolam dan jalur sepeda. Program ini didukung anggaran "
        "daerah. Kawasan itu dibuka setiap hari. Ia pun menyampaikan apresiasi kepada warga Bandung."))
    thanks = _one(doc, "SUPPORT")
    assert [a.name for a in thanks.actors] == ["Budi Santoso"]


def test_a_pronoun_in_a_statement_is_its_own_sentence_subject(pipeline):
    doc = _annotated(pipeline, (
        "Penyanyi Lorde tampil di Auckland. Produser Ahmad Yani Santoso hadir di sana. Tiketnya habis terjual. "
        "Panggungnya megah. Dalam sebuah pernyataan, Lorde menyatakan bahwa dia membatalkan konser di Tel Aviv."))
    assert all(a.name != "Ahmad Yani Santoso" for e in doc.events for a in e.actors)


def test_a_target_preposition_fused_with_a_pronoun_names_the_last_person(pipeline):
    doc = _annotated(pipeline, (
        "Penyanyi Lorde membatalkan konsernya di Tel Aviv. Duta Besar Israel, Itzhak Gerberg, kemudian "
        "mengecam keras kepadanya."))
    blame = _one(doc, "ACCUSE")
    assert "Lorde" in [doc.text[r.start : r.end].split()[-1] for r in blame.recipients]


def test_a_dateline_dash_opens_the_lead_like_a_sentence(pipeline):
    doc = _annotated(pipeline, "Jakarta, CNN Indonesia -- Keputusan Lorde membatalkan konser di Israel menuai reaksi.")
    assert all(not e.name.startswith("Keputusan") for e in doc.entities)


def test_an_officer_and_his_body_are_one_side_of_a_re_told_arrest(pipeline):
    doc = _annotated(pipeline, (
        "Kapolres Tasikmalaya Kota, AKBP Budi Hartono membenarkan pihaknya telah mengamankan pengemudi itu. "
        "Aparat Polres Tasikmalaya Kota mengamankan pengemudi itu di Tasikmalaya."))
    assert len([e for e in doc.events if e.type == "COERCE"]) == 1


def test_a_judgement_with_no_judge_of_its_own_is_the_speakers(pipeline):
    doc = _annotated(pipeline, (
        "Gubernur Jawa Barat Budi Santoso mengatakan penangkapan terhadap pelajar itu tidak masuk akal. "
        "\"Sangat disesalkan bahwa polisi menahan mereka,\" kata Budi Santoso di Bandung."))
    judged = [e for e in doc.events if e.type == "ACCUSE"]
    assert judged and all([a.name for a in e.actors] == ["Budi Santoso"] for e in judged)


def test_a_singular_description_with_a_demonstrative_renames_the_person(pipeline):
    doc = _annotated(pipeline, (
        "Penyanyi Lorde membatalkan konsernya di Tel Aviv, setelah dua penulis memperingatkan musisi pemenang "
        "Grammy Awards tersebut."))
    warning = _one(doc, "REQUEST")
    assert [doc.text[r.start : r.end] for r in warning.recipients] == ["musisi pemenang Grammy Awards tersebut"]
    assert "Lorde" in warning.recipients[0].name
    crowd = _annotated(pipeline, "Budi Santoso berpidato di Bandung. Ratusan mahasiswa itu menyerang pos polisi.")
    assert all("Budi" not in a.name for e in crowd.events for a in e.actors)


def test_a_quotation_mark_opens_a_clause_for_names(pipeline):
    doc = _annotated(pipeline, '"Ketika Lorde mengklaim prihatin, dia tetap tampil," tulis iklan itu.')
    assert all(not e.name.startswith("Ketika") for e in doc.entities)


def test_a_bare_title_names_the_person_who_holds_it(pipeline):
    doc = _annotated(pipeline, (
        "Menteri Perindustrian RI Airlangga Hartarto bertemu Ketua Umum Kadin Indonesia Rosan P. Roeslani di "
        "Jakarta. Rosan mengatakan investasi naik. Sebaliknya, Menperin mengundang pelaku bisnis Afghanistan."))
    assert [a.name for a in _one(doc, "CONSULT").actors] == ["Airlangga Hartarto"]
    assert [a.name for a in _one(doc, "REQUEST").actors] == ["Airlangga Hartarto"]


def test_a_state_body_acts_through_its_own_unit_and_the_guarded_receive(pipeline):
    doc = _annotated(pipeline, "Kantor Kejati Jateng mulai mendapatkan penjagaan oleh TNI dari Kodam IV/Diponegoro.")
    guard = _one(doc, "MOBILIZE")
    assert [doc.text[a.start : a.end] for a in guard.actors] == ["Kodam IV/Diponegoro"]
    assert "TNI" not in [doc.text[r.start : r.end] for r in guard.recipients]


def test_a_verb_after_a_comma_and_dan_in_a_subordinate_clause_shares_the_main_subject(pipeline):
    doc = _annotated(pipeline, (
        "Pemerintah Kashmir memerintahkan warga tidak keluar rumah saat Idul Adha, yang jatuh pada Selasa, "
        "dan melarang umat Muslim berkumpul di masjid."))
    ban = [e for e in doc.events if "melarang" in doc.text[e.trigger.start : e.trigger.end]]
    assert ban and [doc.text[a.start : a.end] for a in ban[0].actors] == ["Pemerintah Kashmir"]


def test_a_fronted_seraya_clause_shares_the_main_subject(pipeline):
    doc = _annotated(pipeline, (
        "Seraya menyeru untuk pembebasan Tamimi, Amnesty mengatakan pada Senin bahwa tidak ada yang dapat "
        "dilakukan Tamimi terhadap tentara bersenjata \"dapat membenarkan penahanan seorang gadis\"."))
    call = _one(doc, "REQUEST")
    assert [a.name for a in call.actors] == ["Amnesty International"]


def test_a_target_preposition_before_a_policy_targets_its_owner(pipeline):
    doc = _annotated(pipeline, "Warga menggelar demonstrasi di desa itu melawan kebijakan Israel.")
    assert [r.name for r in _one(doc, "PROTEST").recipients] == ["Israel"]


def test_an_adverbial_report_after_a_comma_keeps_the_subject(pipeline):
    doc = _annotated(pipeline, "Komandan militan itu, Abu Bakar, juga dikenal dengan nama Abu Amna, dilaporkan tewas "
                               "dalam serangan udara.")
    strike = _one(doc, "ASSAULT")
    assert strike.recipients and "Abu Bakar" in [r.name for r in strike.recipients]


def test_a_purpose_clause_takes_the_subject_not_the_object_of_its_main_clause(pipeline):
    doc = _annotated(pipeline, "Sore harinya sempat mengunjungi tempat pengungsian warga Palestina untuk "
                               "menyalurkan bantuan.")
    aid = _one(doc, "AID")
    assert not aid.actors


def test_the_owner_of_the_weapon_that_hit_the_subject_used_it(pipeline):
    doc = _annotated(pipeline, "Seorang pengunjuk rasa tewas setelah terkena peluru karet petugas di kota Shopian.")
    hit = [e for e in doc.events if e.type == "ASSAULT"]
    assert hit and [doc.text[a.start : a.end] for a in hit[0].actors] == ["petugas"]


def test_the_one_a_causative_verb_moves_to_an_event_noun_is_its_agent(pipeline):
    for text, actor in [("Kenaikan harga memicu warga protes di depan kantor bupati.", "warga"),
                        ("Kebijakan itu membuat mahasiswa dari berbagai kampus demo.", "mahasiswa")]:
        doc = _annotated(pipeline, text)
        assert [doc.text[a.start : a.end] for a in _one(doc, "PROTEST").actors] == [actor]


def test_an_examination_at_a_bodys_seat_is_that_bodys_act(pipeline):
    doc = _annotated(pipeline, (
        "Polisi menangkap tersangka AR di Bandung. Saat ini AR masih menjalani pemeriksaan di Mapolres "
        "Tasikmalaya Kota."))
    check = _one(doc, "ACCUSE")
    assert [a.name for a in check.actors] == ["Tasikmalaya City Police (Polres Tasikmalaya Kota)"]


def test_those_overwhelmed_by_an_attack_receive_it(pipeline):
    doc = _annotated(pipeline, "Ribuan militan itu kewalahan oleh serangan baru tentara pemerintah.")
    attack = _one(doc, "ASSAULT")
    assert [doc.text[r.start : r.end] for r in attack.recipients] == ["Ribuan militan itu"]


def test_a_judged_act_makes_its_actor_the_recipient_of_the_judgement(pipeline):
    doc = _annotated(pipeline, "\"Serangan udara Amerika terhadap milisi itu tidak efektif,\" kata Budi Santoso.")
    judgement = _one(doc, "ACCUSE")
    assert [r.name for r in judgement.recipients] == ["United States"]


def test_an_attack_noun_subject_of_a_striking_verb_hits_its_object(pipeline):
    doc = _annotated(pipeline, "Serangan jet tempur Rusia telah menargetkan 10 markas ISIS di Suriah.")
    attack = _one(doc, "ASSAULT")
    assert [r.name for r in attack.recipients] == ["Islamic State"]


def test_the_owner_of_what_an_attack_destroyed_receives_it(pipeline):
    doc = _annotated(pipeline, "Sekitar 20 tank milik ISIS di Provinsi Homs hancur terkena serangan.")
    attack = _one(doc, "ASSAULT")
    assert [r.name for r in attack.recipients] == ["Islamic State"]


def test_a_name_of_unknown_kind_that_speaks_is_a_person_for_pronouns(pipeline):
    doc = _annotated(pipeline, (
        "Timbalan Menteri Komunikasi Malaysia, Datuk Jailani Johari, berkata bahwa aturan itu berlaku. "
        "\"Admin dapat dipanggil untuk membantu penyelidikan,\" kata Johari. "
        "Oleh karena itu, dia mengingatkan agar admin bertanggung jawab."))
    warning = _one(doc, "REQUEST")
    assert [a.name for a in warning.actors] == ["Datuk Jailani Johari"]


def test_we_in_a_quote_with_no_organisation_near_is_the_speakers_side(pipeline):
    doc = _annotated(pipeline, (
        "Brawn menilai pria 47 tahun itu pembalap hebat. Brawn menuturkan dirinya sedang dalam perjalanan. "
        "\"Kami lalu membatalkan rencana kami dan pergi menemuinya,\" kata Brawn."))
    cancel = _one(doc, "REJECT")
    assert [a.name for a in cancel.actors] == ["Brawn"]


def test_a_units_seat_is_a_place_of_the_unit_town(pipeline):
    doc = _annotated(pipeline, "Saat ini tersangka AR masih menjalani pemeriksaan di Mapolres Tasikmalaya Kota.")
    check = _one(doc, "ACCUSE")
    assert [p.name for p in check.locations] == ["Tasikmalaya Police headquarters"]


def test_pihaknya_after_a_speech_verb_is_the_speakers_side(pipeline):
    doc = _annotated(pipeline, (
        "Keluarga korban melapor ke polisi. Kuasa hukum keluarga, Putri Maya Rumanti mengatakan pihaknya "
        "sangat mengapresiasi putusan banding itu."))
    support = _one(doc, "SUPPORT")
    assert [a.name for a in support.actors] == ["Putri Maya Rumanti"]


def test_an_anaphoric_event_placed_in_a_wider_region_is_the_event_told_before(pipeline):
    doc = _annotated(pipeline, (
        "Seorang pria menyerang warga dengan pisau di Kota Rotterdam, Belanda, Jumat (11/7), dan menewaskan tiga "
        "orang. "
        "Polisi menutup jalan di sekitar lokasi. Serangan Jumat itu merupakan yang terbaru dari rangkaian "
        "kejadian serupa di Eropa."))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(attacks) == 1, [doc.text[e.trigger.start : e.trigger.end] for e in attacks]


def test_what_a_mention_says_would_happen_adds_no_mode_to_the_event(pipeline):
    doc = _annotated(pipeline, (
        "Warga menemukan sebuah bom di halaman sekolah di Kota Bogor pada Senin (7/7). “Jika bom tersebut "
        "meledak, akan berpotensi merusak kawasan dalam radius 500 meter,” kata Kapolres Bogor."))
    attack = _one(doc, "ASSAULT")
    assert len(attack.mentions) == 1
    assert "destroy" not in attack.modes
