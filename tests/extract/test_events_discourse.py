"""extract.discourse and argument rules through the full pipeline: who takes part, told by context.

Sentences are written for the tests (general patterns of Indonesian news), never copied from gold files.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.model import Document, Event
from peristiwa.pipeline import Pipeline


def _first(pipeline: Pipeline, text: str, etype: str, lang: str = "id") -> Event:
    """The first event of ``etype`` the full pipeline finds in ``text`` (published 2025-07-12)."""
    doc = pipeline(Document(doc_id="t", lang=lang, published=dt.date(2025, 7, 12), text=text))
    found = [e for e in doc.events if e.type == etype]
    assert found, [(e.type, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]
    return found[0]


@pytest.mark.parametrize("text", [
    "Polisi menahan Budi Santoso atas tuduhan korupsi dana desa.",
    "Budi Santoso ditahan polisi atas sangkaan terorisme.",
])
def test_an_accusation_given_as_the_ground_of_an_arrest_accuses_the_arrested(pipeline: Pipeline, text: str):
    charge = _first(pipeline, text, "ACCUSE")
    assert [a.name for a in charge.recipients] == ["Budi Santoso"]


@pytest.mark.parametrize("lang,text,holder", [
    ("id", "Pasukan Irak menyerang kota Mosul yang dikuasai ISIS.", "Islamic State"),
    ("en", "Government troops shelled areas held by the rebels.", "rebels"),
])
def test_an_attack_on_a_place_hits_whoever_holds_it(pipeline: Pipeline, lang: str, text: str, holder: str):
    attack = _first(pipeline, text, "ASSAULT", lang=lang)
    assert holder in [a.name for a in attack.recipients]


@pytest.mark.parametrize("text,accused", [
    ("Kasus itu diduga melibatkan seorang pengusaha, Budi Santoso.", "Budi Santoso"),
    ("Budi Santoso diduga melibatkan anaknya dalam penipuan itu.", "Budi Santoso"),
])
def test_a_case_said_to_involve_someone_accuses_them(pipeline: Pipeline, text: str, accused: str):
    charge = _first(pipeline, text, "ACCUSE")
    assert [a.name for a in charge.recipients] == [accused]


@pytest.mark.parametrize("text", [
    "Polisi menangkap seorang pejabat daerah, Budi Santoso.",
    "Polisi menangkap seorang pengusaha muda, Budi Santoso.",
])
def test_a_description_with_plain_modifiers_names_the_person_after_its_comma(pipeline: Pipeline, text: str):
    arrest = _first(pipeline, text, "COERCE")
    assert [a.name for a in arrest.recipients] == ["Budi Santoso"]


@pytest.mark.parametrize("text", [
    "Kepala layanan keamanan kelompok itu di Kota Tua, Budi Santoso, tewas dalam pertempuran.",
    "Polisi menangkap ketua umum partai Golkar, Budi Santoso, di rumahnya.",
])
def test_an_office_described_in_lower_case_names_the_holder_after_its_comma(pipeline: Pipeline, text: str):
    event = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=text)).events[0]
    assert [a.name for a in event.recipients] == ["Budi Santoso"]


def test_a_unit_named_by_its_prefix_alone_stays_in_a_list(pipeline: Pipeline):
    support = _first(pipeline, "Ia menyampaikan apresiasi kepada Kodim 0830/Surabaya, Polrestabes, dan Polres Bogor.",
                     "SUPPORT")
    assert [name for name in (a.name for a in support.recipients) if "Polrestabes" in name]


@pytest.mark.parametrize("lang,text,named", [
    ("id", "Budi Santoso mendorong Polres Bogor dan pihak terkait untuk mengusut kasus itu.", "Bogor"),
    ("en", "The minister urged the police and other relevant parties to investigate the case.", "police"),
])
def test_a_vague_party_beside_a_named_one_adds_nobody(pipeline: Pipeline, lang: str, text: str, named: str):
    demand = _first(pipeline, text, "REQUEST", lang=lang)
    assert len(demand.recipients) == 1
    assert named in demand.recipients[0].name


def test_a_goal_after_another_verb_is_not_the_threatened(pipeline: Pipeline):
    threat = _first(pipeline, (
        "Korban dipaksa menyerahkan uang dengan ancaman akan dilaporkan ke polisi."), "THREATEN")
    assert not [a for a in threat.recipients if "Police" in a.name]


def test_an_institution_named_by_its_head_noun_is_one_participant(pipeline: Pipeline):
    apology = _first(pipeline, (
        "Pengemudi itu menyampaikan permintaan maaf kepada masyarakat dan institusi Polri."), "CONCEDE")
    assert "Indonesian National Police" in [a.name for a in apology.recipients]


@pytest.mark.parametrize("text,reported", [
    ("Pelaku yang terbukti menyebarkan hoaks dapat dipidana penjara enam tahun.", False),
    ("Anak-anak yang tertangkap melanggar jam malam akan dibawa ke kantor kecamatan.", False),
    ("Warga yang ditangkap polisi kemarin akan dibebaskan.", True),
    ("Massa yang berunjuk rasa di depan DPR bisa membubarkan diri dengan tertib.", True),
])
def test_an_act_of_anyone_under_a_rule_is_not_reported(pipeline: Pipeline, text: str, reported: bool):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=text))
    first = min(doc.events, key=lambda e: e.trigger.start, default=None)
    assert (first is not None and first.modality == "asserted") is reported


def test_foreign_nationals_have_no_country_of_the_article(pipeline: Pipeline):
    deport = _first(pipeline, (
        "Kantor Imigrasi Palu mendeportasi dua warga negara asing karena melanggar izin tinggal."), "COERCE")
    assert [(a.name, a.country) for a in deport.recipients] == [("foreign nationals", None)]


def test_a_relative_described_by_kinship_is_named_by_the_apposition(pipeline: Pipeline):
    arrest = _first(pipeline, (
        "Polisi menahan putra pengusaha Budi Santoso, Andi Pratama, pada Senin lalu."), "COERCE")
    assert [a.name for a in arrest.recipients] == ["Andi Pratama"]


def test_an_act_noun_done_by_someone_to_someone_takes_both(pipeline: Pipeline):
    attack = _first(pipeline, (
        "Penganiayaan terhadap Andi Pratama dilakukan oleh anggota polisi."), "ASSAULT")
    assert [a.name for a in attack.recipients] == ["Andi Pratama"]


def test_a_place_after_a_comma_names_no_titled_street(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "Polisi menggelar konferensi pers di Jalan Jenderal Sudirman, Jakarta Selatan, Senin (7/7). "
        "Penganiayaan terhadap Andi Pratama dilakukan oleh anggota polisi.")))
    assert all(a.name != "Jakarta Selatan" for e in doc.events for a in (*e.actors, *e.recipients))


def test_an_age_after_initials_is_no_part_of_the_name(pipeline: Pipeline):
    attack = _first(pipeline, (
        "Yang paling menonjol adalah saudara RK 31 tahun perannya dia membeli bensin dan membakar."), "ASSAULT")
    assert [a.name for a in attack.actors] == ["RK"]


def test_a_short_name_beside_the_full_one_is_one_participant(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "Direktur Reserse Kriminal Umum Kombes Bhakti Eri Nurmansyah mengatakan polisi telah memeriksa 65 saksi. "
        "Bhakti Eri menyebutkan pihaknya juga memeriksa dua pejabat dinas.")))
    for e in doc.events:
        names = [a.name for a in e.actors]
        assert not ("Bhakti Eri" in names and "Bhakti Eri Nurmansyah" in names), names


def test_one_unit_written_two_ways_is_one_participant():
    from peristiwa.extract.events import _distinct
    from peristiwa.model import Actor

    kejari = Actor(start=0, end=5, name="Majalengka District Prosecutor's Office (Kejari Majalengka)")
    negeri = Actor(start=9, end=20, name="Majalengka District Prosecutor's Office (Kejaksaan Negeri Majalengka)")
    short, full = Actor(start=30, end=40, name="Bhakti Eri"), Actor(start=50, end=70, name="Bhakti Eri Nurmansyah")
    assert _distinct([kejari, negeri, short, full]) == (kejari, full)
    lisa, mariana = Actor(start=0, end=4, name="Lisa", sector="civilians"), Actor(start=9, end=21, name="Lisa Mariana")
    assert _distinct([lisa, mariana]) == (mariana,)
    vigilante = Actor(start=0, end=9, name="vigilante", sector="armed group")
    member = Actor(start=20, end=38, name="1 vigilante member")
    assert _distinct([vigilante, member]) == (vigilante, member)


def test_a_one_word_name_the_article_capitalises_is_a_participant(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "Juru bicara KPK Budi Prasetyo mengatakan penyidik sudah menetapkan tersangka. KPK menyebut Yudi adalah "
        "salah satu tersangkanya. Adapun hari ini KPK memeriksa Yudi terkait kasus tersebut. Badai merusak rumah.")))
    probe = [e for e in doc.events if e.type == "ACCUSE" and "Yudi" in [a.name for a in e.recipients]]
    assert probe
    assert all(a.name != "Badai" for e in doc.events for a in (*e.actors, *e.recipients))
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "“Plat nomornya sudah kami perintahkan untuk dicopot, lalu Alhamdulillah sudah dicopot,” kata Kapolres.")))
    assert all(a.name != "Alhamdulillah" for e in doc.events for a in (*e.actors, *e.recipients))


def test_a_phrase_named_by_yakni_and_initials_after_an_address_form(pipeline: Pipeline):
    arrest = _first(pipeline, "KPK mengumumkan penahanan terhadap satu orang tersangka, yakni Saudara AS selaku "
                              "Komisaris Utama PT Inti Alasindo Energi.", "COERCE")
    assert [a.name for a in arrest.recipients] == ["AS"]
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "KPK menahan Saudara AS selaku komisaris perusahaan itu. Polisi menangkap dua pengedar narkoba.")))
    assert ["Indonesian National Police"] in [[a.name for a in e.actors] for e in doc.events]


def test_a_collective_numeral_phrase_is_no_epithet_of_the_last_person(pipeline: Pipeline):
    arrest = _first(pipeline, "Kepala Seksi Pidana Khusus, Brian Kukuh Mediarto, menjelaskan kasus itu. Ketiga "
                              "tersangka tersebut ditangkap setelah penyidik menemukan bukti.", "COERCE")
    assert "Brian Kukuh Mediarto" not in [a.name for a in arrest.recipients]


def test_the_object_of_a_first_verb_is_the_subject_of_the_second(pipeline: Pipeline):
    charge = _first(pipeline, "“Tentu kami mengapresiasi Bareskrim menetapkan Lisa Mariana sebagai tersangka,” kata "
                              "Muslim Jaya, kuasa hukum pelapor.", "ACCUSE")
    assert [a.name for a in charge.actors] == ["Criminal Investigation Agency (Bareskrim Polri)"]


@pytest.mark.parametrize("text,sides", [
    ("Polisi menyelidiki bentrokan antara warga dan aparat di desa itu.",
     ["Indonesian residents", "Indonesian security forces"]),
])
def test_an_investigated_act_between_two_sides_accuses_both(pipeline: Pipeline, text: str, sides: list[str]):
    probe = _first(pipeline, text, "ACCUSE")
    assert [a.name for a in probe.recipients] == sides


@pytest.mark.parametrize("text,actor,threatened", [
    ("Para pelaku memaksa Budi Santoso menyerahkan uang dengan ancaman senjata tajam.", "pelaku", "Budi Santoso"),
    ("Budi Santoso dipaksa menyerahkan uang di bawah ancaman pisau.", None, "Budi Santoso"),
])
def test_a_threat_as_the_manner_of_a_clause_shares_its_participants(
        pipeline: Pipeline, text: str, actor: str | None, threatened: str):
    threat = _first(pipeline, text, "THREATEN")
    assert [a.name for a in threat.recipients] == [threatened]
    assert (actor is None) == (not threat.actors)


def test_a_related_act_after_a_compound_preposition_is_no_manner(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12),
                            text="Seorang pria ditahan terkait dengan ancaman bom di bandara."))
    assert not any(a.name.endswith("pria") for e in doc.events if e.type == "THREATEN" for a in e.recipients)


def test_a_legal_penalty_is_no_threat(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12),
                            text="Tersangka dijerat pasal pembunuhan dengan ancaman maksimal 15 tahun penjara."))
    assert not [e for e in doc.events if e.type == "THREATEN"]


def test_a_person_pronoun_after_a_named_subject_means_that_name(pipeline: Pipeline):
    arrest = _first(pipeline, "Budi Santoso datang ke kantor polisi pada Senin. Ia kemudian ditangkap polisi.",
                    "COERCE")
    assert [a.name for a in arrest.recipients] == ["Budi Santoso"]


def test_a_charge_given_to_someone_is_a_demand_on_them(pipeline: Pipeline):
    demand = _first(pipeline, "Kapolri memberikan pesan kepada seluruh anggota untuk tidak bersikap arogan.",
                    "REQUEST")
    assert demand.recipients and demand.actors


def test_an_attack_in_the_middle_of_a_crowd_strikes_the_crowd(pipeline: Pipeline):
    attack = _first(pipeline, "Seorang pria ditahan terkait serangan truk di tengah kerumunan di pusat kota.",
                    "ASSAULT")
    assert [a.name for a in attack.recipients] and "crowd" in attack.recipients[0].name


def test_aid_in_a_purpose_clause_after_a_visit_goes_to_those_visited(pipeline: Pipeline):
    aid = _first(pipeline, "Mereka mengunjungi tempat pengungsian warga Suriah untuk menyalurkan bantuan.", "AID")
    assert [a.name for a in aid.recipients] == ["Syrian residents"]


def test_the_two_sides_of_an_investigated_act_may_stand_far_in_its_clause(pipeline: Pipeline):
    probe = _first(pipeline, "Panel menyelidiki kerja sama senjata kimia dan rudal balistik yang dilaporkan "
                             "terjadi antara Suriah dengan Korea Utara.", "ACCUSE")
    assert [a.name for a in probe.recipients] == ["Syria", "North Korea"]


def test_a_modal_of_the_main_clause_does_not_reach_into_a_relative_clause(pipeline: Pipeline):
    order = _first(pipeline, '"Pemerintah perlu melaksanakan putusan MK yang memerintahkan sekolah gratis untuk '
                             'semua anak," kata Budi Santoso.', "REQUEST")
    assert [a.name for a in order.actors] == ["Constitutional Court (MK)"]


def test_a_multiword_expression_may_end_in_an_enclitic(pipeline: Pipeline):
    demand = _first(pipeline, "Bupati meminta anak buahnya bersiaga di lokasi banjir.", "REQUEST")
    assert [a.name for a in demand.recipients] == ["anak buahnya"]


def test_a_head_noun_placed_by_a_place_after_it_is_that_places(pipeline: Pipeline):
    probe = _first(pipeline, "Pihak kepolisian di New York pun memulai penyelidikan kasus itu.", "ACCUSE")
    assert [(a.name, a.country) for a in probe.actors] == [("New York police", "US")]


def test_a_name_holding_a_place_is_no_person_a_pronoun_means(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12),
                            text="Persija Jakarta mengalahkan Persib Bandung. Dia lalu memukul wasit."))
    assert not [a for e in doc.events for a in e.actors if "Persija" in a.name]


def test_the_party_thanked_did_what_it_is_thanked_for(pipeline: Pipeline):
    arrest = _first(pipeline, "Warga berterima kasih kepada polisi telah menangkap pelaku pencurian.", "COERCE")
    assert [a.name for a in arrest.actors] == ["Indonesian National Police"]


def test_a_royal_title_before_a_name_names_the_person(pipeline: Pipeline):
    meeting = _first(pipeline, "Putra Mahkota Arab Saudi Mohammed bin Salman bertemu Presiden Joko Widodo.", "CONSULT")
    assert [a.name for a in meeting.actors] == ["Mohammed bin Salman"]


def test_a_role_word_before_a_persons_initials_names_that_person(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=(
        "Iswan Ibrahim (ISW) meminta Arso Sadewo (AS) melakukan kerja sama. "
        "Saudara ISW dan tersangka AS kemudian ditahan KPK.")))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert [a.name for a in arrest.recipients] == ["Iswan Ibrahim (ISW)", "Arso Sadewo (AS)"]


@pytest.mark.parametrize(
    ("lang", "text", "etype"),
    [
        ("id", "Korea Utara sudah dijatuhi sanksi sejak 2006 karena program rudal balistiknya.", "SANCTION"),
        ("id", "Kerja sama antara TNI dan KPK telah berlangsung sejak 2005.", "COOPERATE"),
        ("en", "Since 2014 RAF airstrikes have killed or wounded 4,315 enemy fighters in Iraq and Syria.", "ASSAULT"),
    ],
)
def test_an_act_spanning_years_is_a_standing_situation(pipeline: Pipeline, lang: str, text: str, etype: str):
    doc = pipeline(Document(doc_id="t", text=text, lang=lang, published=dt.date(2017, 8, 23)))
    assert not [e for e in doc.events if e.type == etype], [(e.type, e.date) for e in doc.events]


def test_an_act_of_last_month_is_no_standing_situation(pipeline: Pipeline):
    text = "Korea Utara dijatuhi sanksi baru oleh Dewan Keamanan PBB pada 5 Agustus 2017."
    doc = pipeline(Document(doc_id="t", text=text, lang="id", published=dt.date(2017, 8, 23)))
    assert [e for e in doc.events if e.type == "SANCTION"]


def test_a_named_party_arrested_is_not_also_the_arrester(pipeline: Pipeline):
    # the pronoun of a later clause ("ia ... melakukan penangkapan") is read as the arrester, the arrested
    # is named in the other mentions: the one event does not have the arrested arrest himself
    text = ("Khariq ditangkap ketika berada di Bandara Soekarno-Hatta. Saat ditahan, Khariq datang dari Bandung "
            "menuju Pekanbaru. Bahkan, ia ditangkap seorang diri yang awalnya diketahui orang tak dikenal (OTK) "
            'melakukan penangkapan. "Khariq Anhar itu ditangkap 29 Agustus jam 8 pagi.')
    arrest = _first(pipeline, text, "COERCE")
    assert [a.name for a in arrest.recipients] == ["Khariq Anhar"]
    assert arrest.actors == ()


def test_an_attack_on_a_named_person_told_twice_is_one_event_with_one_toll(pipeline: Pipeline):
    # the trial's day and court are not the killing's; both sentences' verbs form their own groups first
    text = ("Hakim menjatuhkan vonis kepada DS, remaja yang terlibat dalam pembunuhan Wulan (14) di desanya. "
            "\"Ia dijatuhi hukuman,\" kata hakim ketua yang memimpin sidang kasus pembunuhan Wulan di PN "
            "Kepahiang, Kamis (29/9/2016). DS bersama tiga rekannya pada 2 April 2016 lalu menganiaya dan "
            "membunuh Wulan saat pulang dari sekolah.")
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2016, 9, 30), text=text))
    killings = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(killings) == 1, [(doc.text[e.trigger.start : e.trigger.end], e.date) for e in killings]
    assert killings[0].date is not None and killings[0].date.first == dt.date(2016, 4, 2)
    assert [(c.kind, c.value) for c in killings[0].counts if c.kind == "killed"] == [("killed", 1)]


@pytest.mark.parametrize(("text", "etype", "actor"), [
    ("Ketika bertemu Menlu Yordania, Ayman Safadi, Retno menyampaikan alasan kenapa Indonesia mengajak negara "
     "tersebut untuk mempromosikan Islam.", "REQUEST", "Indonesia"),
    ("Saat bertemu Presiden Joko Widodo, Menlu Retno Marsudi menjelaskan mengapa Indonesia mengecam "
     "Israel.", "ACCUSE", "Indonesia"),
])
def test_an_embedded_question_has_its_own_subject(pipeline: Pipeline, text: str, etype: str, actor: str):
    assert [a.name for a in _first(pipeline, text, etype).actors] == [actor]


def test_reporting_an_outbreak_is_no_accusation(pipeline: Pipeline):
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2017, 4, 4), text=(
        "Sejumlah negara Uni Eropa melaporkan wabah campak dan peningkatan jumlah kasus tersebut.")))
    assert not [e for e in doc.events if e.type == "ACCUSE"]


def test_a_subject_with_its_origin_is_a_side_of_a_clash(pipeline: Pipeline):
    clash = _first(pipeline, "Warga dari Desa Sukamaju bentrok dengan warga Desa Sukajadi.", "ASSAULT")
    assert len(clash.actors) == 2 and clash.actors[0].name == "Indonesian residents"
