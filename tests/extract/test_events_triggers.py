"""Trigger senses in context (triggers.tsv conditions), every candidate kept (``min_confidence=0``).

Sentences are written for the tests (general patterns of Indonesian news), never copied from gold files.
"""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.extract.events import extract_events
from peristiwa.extract.resources import Resources
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline


@pytest.fixture(scope="module")
def triggers(pipeline: Pipeline):
    pack = pipeline.packs.get("id")
    assert pack is not None
    res = Resources.for_pack(pack)

    def _triggers(text: str) -> list[tuple[str, str]]:
        doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=text))
        found = extract_events(doc, res, packs=pipeline.packs, min_confidence=0.0)
        return [(e.type, text[m.start : m.end]) for e in found for m in (e.trigger, *e.mentions)]

    return _triggers


@pytest.mark.parametrize("text", [
    "Petugas itu berlari membawa sebuah bom menjauh dari sekolah.",
    "Tersangka menyimpan bom rakitan di gudang rumahnya.",
    "Kelompok itu merakit bom di sebuah rumah kontrakan.",
])
def test_a_bomb_carried_stored_or_assembled_is_no_attack(triggers, text):
    assert ("ASSAULT", "bom") not in triggers(text)


def test_a_bomb_named_as_the_event_or_found_is_an_attack(triggers):
    assert ("ASSAULT", "bom") in triggers("Korban bom Kampung Melayu dirawat di rumah sakit.")
    assert ("ASSAULT", "bom") in triggers("Warga dikejutkan penemuan sebuah bom di halaman sekolah.")


def test_an_agreement_referred_to_is_no_new_agreement(triggers):
    found = triggers("Pengamanan gedung itu sesuai dengan kesepakatan kedua lembaga.")
    assert not [t for t, _ in found if t == "AGREE"]
    assert ("AGREE", "kesepakatan") in triggers("Kedua negara mencapai kesepakatan damai di Jenewa.")


def test_bombard_is_an_attack(triggers):
    assert ("ASSAULT", "membombardir") in triggers("Jet tempur membombardir desa itu pada Senin malam.")
    assert ("ASSAULT", "dibombardir") in triggers("Desa itu dibombardir selama tiga hari.")


def test_an_event_in_a_time_clause_is_no_content_of_a_demand(triggers):
    found = triggers("Tuntutan itu disampaikan saat unjuk rasa di depan kantor DPRD, Senin (7/7).")
    assert "PROTEST" in [t for t, _ in found]


@pytest.mark.parametrize("text", [
    "Kapolres menolak berkomentar lebih lanjut soal kasus itu.",
    "Ia menolak memberikan keterangan saat diminta menjelaskan profil pelaku.",
])
def test_declining_to_comment_rejects_and_requests_nothing(triggers, text):
    assert not [t for t, _ in triggers(text) if t in ("REJECT", "REQUEST")]


def test_a_rejection_or_a_demand_to_explain_stays(triggers):
    assert ("REJECT", "menolak") in triggers("Warga menolak rencana pembangunan pabrik semen itu.")
    assert ("REQUEST", "meminta") in triggers("DPR meminta Menteri Keuangan menjelaskan penggunaan anggaran.")


def test_idioms_of_meeting_and_football_stabs_are_no_events(triggers):
    assert not [t for t, _ in triggers("Penyidik kembali menemui jalan buntu dalam kasus itu.") if t == "CONSULT"]
    football = ("Timnas Indonesia bermain imbang melawan Fiji dalam laga uji coba di stadion. Gelandang Adam Alis "
                "menusuk dari sektor kanan pertahanan lawan, lalu bola disambut striker dan gol dianulir wasit.")
    assert not [t for t, _ in triggers(football) if t == "ASSAULT"]


def test_reminding_of_a_fact_or_a_player_sent_off_is_no_event(triggers):
    assert not [t for t, _ in triggers("Presiden mengingatkan kembali bahwa Pancasila adalah dasar negara.")
                if t == "REQUEST"]
    assert ("REQUEST", "mengingatkan") in triggers("Polisi mengingatkan warga agar tidak mudah percaya hoaks.")
    match = ("Everton kalah 3-0 dari Lyon dalam laga Liga Europa di stadion. Pada menit ke-81 gelandang Schneiderlin "
             "diusir keluar lapangan oleh wasit setelah kartu kuning kedua, dan pelatih kecewa dengan skor itu.")
    assert not [t for t, _ in triggers(match) if t == "COERCE"]


def test_vote_buying_and_market_demand_are_no_attack_or_request(triggers):
    assert not [t for t, _ in triggers("Calon itu memberi serangan fajar kepada pemilih.") if t == "ASSAULT"]
    assert not [t for t, _ in triggers("Krisis terjadi karena faktor permintaan pasar dan harga yang naik.")
                if t == "REQUEST"]
    assert ("REQUEST", "Permintaan") in triggers("Permintaan Khariq untuk dibebaskan ditolak polisi.")


def test_being_required_to_be_able_is_no_demand(triggers):
    assert not [t for t, _ in triggers("Para guru dituntut memiliki kemampuan mengajar yang baik.") if t == "REQUEST"]
    assert ("REQUEST", "menuntut") in triggers("Ribuan buruh menuntut kenaikan upah minimum.")


def test_shooting_oneself_attacks_no_one(triggers):
    assert not [t for t, w in triggers("Pelaku kemudian menembak dirinya sendiri di lantai 16.") if w == "menembak"]
    assert ("ASSAULT", "menembak") in triggers("Pelaku menembak dua perawat di lantai 16.")


def test_fighting_a_social_ill_is_no_attack(triggers):
    assert not [t for t, _ in triggers("Pemerintah bertekad memerangi korupsi dan narkoba.") if t == "ASSAULT"]
    assert ("ASSAULT", "memerangi") in triggers("Pasukan Irak memerangi ISIS di Mosul.")


def test_a_waived_fee_is_no_release(triggers):
    assert not [t for t, _ in triggers("Pemda menyiapkan pembebasan retribusi bagi warga miskin.") if t == "RETREAT"]
    assert ("RETREAT", "dibebaskan") in triggers("Polisi menyatakan Khariq sudah dibebaskan pada Senin.")


def test_facing_a_penalty_is_no_threat(triggers):
    assert not [t for t, _ in triggers("Kedua tersangka terancam dijerat Pasal 2 UU Tipikor.") if t == "THREATEN"]
    assert ("THREATEN", "mengancam") in triggers("Kelompok bersenjata itu mengancam warga desa.")


def test_prayers_risks_and_dangers_are_no_requests_or_threats(triggers):
    found = triggers("Marilah kita senantiasa memohon kepada Allah SWT agar diberi kekuatan.")
    assert not [t for t, _ in found if t == "REQUEST"]
    assert not [t for t, _ in triggers("Ia sempat terancam tidak diwisuda karena biaya.") if t == "THREATEN"]
    assert not [t for t, _ in triggers("Bahaya narkoba sedang mengancam kalangan pendidikan.") if t == "THREATEN"]
    assert ("REQUEST", "memohon") in triggers("Warga memohon kepada bupati agar jalan desa diperbaiki.")


def test_killing_germs_and_burning_rubbish_are_no_attacks(triggers):
    assert not [t for t, _ in triggers("Air rebusan daun sirih membantu membunuh kuman penyebab sariawan.")
                if t == "ASSAULT"]
    assert not [t for t, _ in triggers("Mikroplastik berasal dari sisa pembakaran sampah plastik.") if t == "ASSAULT"]
    assert ("ASSAULT", "membunuh") in triggers("Pelaku membunuh korban di rumahnya di Bekasi.")


@pytest.mark.parametrize("text", [
    "Tapi, realisasi belanja bantuan sosial justru meningkat 18,61 persen dari kuartal II 2016.",
    "Sumbangan konsumsi pemerintah pada pertumbuhan ekonomi kuartal II hanya 8,63 persen.",
    "Perusahaan itu terancam dijual atau ditutup setelah kasus itu.",
])
def test_statistics_and_risks_are_no_events(pipeline: Pipeline, text: str) -> None:
    doc = pipeline(Document(doc_id="t", lang="id", published=dt.date(2025, 7, 12), text=text))
    assert not doc.events


@pytest.mark.parametrize(("lang", "text", "etype"), [
    ("id", "Kami mendukung pertumbuhan ekonomi di daerah ini.", "SUPPORT"),  # an aim, not a party
    ("id", "Pemerintah memberikan insentif untuk membantu perkembangan usaha kecil.", "AID"),
    ("id", "Para ahli menyebut polusi udara sebagai ancaman terbesar bagi kesehatan anak.", "THREATEN"),
    ("id", "Tim kami memberikan bantuan percepatan penerbitan sertifikat tanah.", "AID"),
    ("id", "Inspektorat memeriksa berkas anggaran dinas pendidikan pekan ini.", "ACCUSE"),  # a document checked
    ("id", "Kedua negara tidak berupaya cukup keras untuk memerangi emisi karbon.", "ASSAULT"),  # an ill fought
    ("id", "Biaya produksi akan meledak karena tarif dan harga bahan baku naik.", "ASSAULT"),  # prices soaring
    ("id", "Partai itu berupaya merebut kursi DPR dalam pertempuran politik tahun depan.", "ASSAULT"),
    ("id", "Resepsi pernikahan itu mengundang 5000 tamu dari berbagai daerah.", "REQUEST"),  # guests
    ("id", "Penampilan ketiga pemain itu mengundang decak kagum penonton.", "REQUEST"),  # provokes
    ("id", "Setahun lalu mereka jadi bahan pembicaraan di media sosial.", "CONSULT"),  # talked about
    ("id", "Aktor itu menuai kritik positif berkat film terbarunya.", "ACCUSE"),  # good reviews
    ("id", "Warga justru kurang mengapresiasi gagasan wali kota itu.", "SUPPORT"),  # hardly: not
    ("id", "Emisi bisa ditekan dengan mengurangi pembakaran bahan bakar fosil.", "ASSAULT"),  # combustion
    ("id", "Kapal motor itu terbakar setelah setengah jam berlayar dari pelabuhan.", "ASSAULT"),  # an accident
    ("id", "Ribuan warga tertahan di perbatasan tanpa makanan selama dua minggu.", "COERCE"),  # stuck
    ("id", "Kamera ganda itu mampu menangkap berbagai gambar dengan tajam.", "COERCE"),  # a camera
    ("id", "Ia heran dengan laporan seorang tenaga ahli DPR terkait aksi yang dilakukannya.", "PROTEST"),
    ("en", "The new rules will support economic growth in the region.", "SUPPORT"),
    ("en", "Rising prices threaten the livelihoods of farmers.", "THREATEN"),
])
def test_acts_on_aims_or_risks_without_a_party_are_no_events(pipeline: Pipeline, lang: str, text: str, etype: str):
    doc = pipeline(Document(doc_id="t", lang=lang, published=dt.date(2025, 7, 12), text=text))
    assert etype not in [e.type for e in doc.events]


@pytest.mark.parametrize(("lang", "text", "etype"), [
    ("id", "Partai Golkar mendukung Anies Baswedan dalam pilkada.", "SUPPORT"),
    ("id", "Pelaku mengancam korban menggunakan gunting.", "THREATEN"),
    ("id", "Penyidik KPK memeriksa Bupati Sleman terkait kasus suap.", "ACCUSE"),
    ("id", "Kemensos menyalurkan bantuan beras kepada warga korban banjir.", "AID"),
    ("id", "Ratusan orang menggelar aksi di depan gedung DPRD Riau.", "PROTEST"),
    ("en", "Russia supports the Syrian government in the war.", "SUPPORT"),
])
def test_acts_on_a_party_stay_events(pipeline: Pipeline, lang: str, text: str, etype: str):
    doc = pipeline(Document(doc_id="t", lang=lang, published=dt.date(2025, 7, 12), text=text))
    assert etype in [e.type for e in doc.events]
