"""Actor registry: aliases, case rules, compositional heads, units and titled persons."""

from __future__ import annotations

import pytest

from peristiwa.actors import resolve_actor
from peristiwa.actors.matcher import PhraseMatcher
from peristiwa.langs.base import PackLoader


@pytest.fixture(scope="module")
def packs() -> PackLoader:
    return PackLoader()


def _name(text: str, packs: PackLoader, lang: str = "id", **kw: str) -> tuple[str | None, str | None, str | None]:
    info = resolve_actor(text, lang, packs, **kw)
    return (info.name, info.country, info.sector) if info else (None, None, None)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("ISIS", "Islamic State", None),
        ("Daesh", "Islamic State", None),
        ("Negara Islam", "Islamic State", None),
        ("al-Nusra", "Nusra Front", None),
        ("Front Nusra", "Nusra Front", None),
        ("Jabhat al-Nusra", "Nusra Front", None),
        ("Jaish al-Yarmouk", "Jaish al-Yarmouk", None),
        ("Rusia", "Russia", "RU"),
        ("AS", "United States", "US"),
        ("Amerika Serikat", "United States", "US"),
        ("KPK", "Corruption Eradication Commission (KPK)", "ID"),
        ("Polri", "Indonesian National Police", "ID"),
        ("Markas Besar Polri", "Indonesian National Police", "ID"),
        ("TNI", "Indonesian military", "ID"),
        ("PBB", "United Nations", None),
        ("koalisi pimpinan AS", "US-led coalition", None),
        ("sejumlah negara Barat", "Western countries", None),
        ("Kelompok teror ISIS", "Islamic State", None),
        ("militan ISIS", "Islamic State", None),
    ],
)
def test_aliases(text: str, name: str, country: str | None, packs: PackLoader) -> None:
    got = _name(text, packs)
    assert got[:2] == (name, country)


def test_case_rule_keeps_acronyms_apart_from_words(packs: PackLoader) -> None:
    assert _name("as", packs)[0] is None
    assert _name("is", packs, lang="en")[0] is None
    assert _name("US", packs, lang="en")[0] == "United States"
    m = PhraseMatcher([("AS", 1), ("polisi", 2), ("Juru bicara", 3)])
    assert [x.value for x in m.find("Polisi AS dan polisi as")] == [2, 1, 2]
    assert [x.value for x in PhraseMatcher([("Juru bicara", 3)], initial_free=True).find("kata juru bicara")] == [3]
    # word boundaries: no match inside a longer word
    assert m.find("ASEAN") == []


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("tentara rezim Suriah", "Syrian military", "SY", "military"),
        ("tentara Suriah", "Syrian military", "SY", "military"),
        ("militer Rusia", "Russian military", "RU", "military"),
        ("pasukan pemerintah Suriah", "Syrian military", "SY", "military"),
        ("pesawat-pesawat jet tempur Rusia", "Russian military", "RU", "military"),
        ("Pasukan Irak", "Iraqi forces", "IQ", "military"),
        ("Kepolisian Swedia", "Swedish police", "SE", "police"),
        ("otoritas Turki", "Turkish authorities", "TR", "government"),
        ("pemerintah Malaysia", "Malaysian government", "MY", "government"),
        ("Pemerintah Kashmir", "Kashmir government", "IN", "government"),
        ("warga Palestina", "Palestinian residents", "PS", "civilians"),
    ],
)
def test_compositional_heads(text: str, name: str, country: str, sector: str, packs: PackLoader) -> None:
    assert _name(text, packs) == (name, country, sector)


def test_unmodified_head_takes_context_or_home_country(packs: PackLoader) -> None:
    assert _name("polisi", packs) == ("Indonesian National Police", "ID", "police")
    assert _name("pihak kepolisian", packs, context_country="IN") == ("Indian police", "IN", "police")
    assert _name("kelompok pemberontak", packs, context_country="SY") == ("Syrian rebels", "SY", "rebels")
    # unknown actors still get a sector
    assert _name("para demonstran", packs)[2] == "protesters"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Polda Metro Jaya", "Jakarta Metropolitan Regional Police (Polda Metro Jaya)"),
        ("Polresta Denpasar", "Denpasar City Police (Polresta Denpasar)"),
        ("Polres Tasikmalaya Kota", "Tasikmalaya City Police (Polres Tasikmalaya Kota)"),
        ("Aparat Polres Tasikmalaya Kota", "Tasikmalaya City Police (Polres Tasikmalaya Kota)"),
        ("Polda Jatim", "East Java Regional Police (Polda Jatim)"),
        ("DPRD Riau", "Riau Regional House of Representatives (DPRD Riau)"),
        ("Kejaksaan Negeri (Kejari) Jember", "Jember District Prosecutor's Office (Kejaksaan Negeri Jember)"),
        ("Polres Aceh Utara", "Aceh Utara Police (Polres Aceh Utara)"),  # a regency the gazetteer knows whole
    ],
)
def test_units(text: str, name: str, packs: PackLoader) -> None:
    info = resolve_actor(text, "id", packs)
    assert info is not None and info.name == name and info.country == "ID"


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        ("Menteri Informasi Suriah, Omran al-Zoubi", "Omran al-Zoubi", "SY", "Minister"),
        ("Presiden Bashar al-Assad", "Bashar al-Assad", "SY", "President"),
        ("juru bicara Departemen Luar Negeri AS, Mark Toner", "Mark Toner", "US", "Spokesperson"),
        ("Juru bicara Kementerian Pertahanan Rusia, Igor Konashenkov", "Igor Konashenkov", "RU", "Spokesperson"),
        ("Direktur Obsevartorium HAM untuk Suriah, Rami Abdel Rahman", "Rami Abdel Rahman", "SY", "Director"),
        ("Wakil Menteri Pertahanan Anatoly Antonov", "Anatoly Antonov", None, "Deputy Defence Minister"),
        ("Presiden Afghanistan Mohammad Ashraf Ghani", "Mohammad Ashraf Ghani", "AF", "President"),
        ("Menteri Perindustrian RI Airlangga Hartarto", "Airlangga Hartarto", "ID", "Minister"),
        ("Kabid Humas Polda Bali Kombes Ariasandy", "Ariasandy", "ID", "Public Relations Head"),
        ("Letnan Jenderal Abdul Ghani al - Assadi", "Abdul Ghani al-Assadi", None, "Lieutenant General"),
        ("Duta Besar Israel untuk Selandia Baru, Dr. Itzhak Gerberg", "Itzhak Gerberg", "IL", "Ambassador"),
    ],
)
def test_titled_persons(text: str, name: str, country: str | None, role: str, packs: PackLoader) -> None:
    info = resolve_actor(text, "id", packs)
    assert info is not None
    assert (info.name, info.country, info.label, info.role) == (name, country, "PER", role)


@pytest.mark.parametrize(("text", "name"), [
    ("sepupu Tamimi itu", "Tamimi's cousin"),
    ("istri Budi Santoso", "Budi Santoso's wife"),
])
def test_a_kinship_noun_names_the_relative_of_the_name_after_it(text: str, name: str, packs: PackLoader) -> None:
    info = resolve_actor(text, "id", packs)
    assert info is not None and (info.name, info.label) == (name, "PER")


def test_a_kinship_noun_without_a_name_names_nobody(packs: PackLoader) -> None:
    info = resolve_actor("putra daerah", "id", packs)
    assert info is None or "'s" not in info.name


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Isis", "en", "Islamic State"),
    ("Nato", "en", "NATO"),
    ("Unicef", "id", "UNICEF"),
])
def test_an_acronym_alias_also_matches_in_title_case(text: str, lang: str, name: str, packs: PackLoader) -> None:
    info = resolve_actor(text, lang, packs)
    assert info is not None and info.name == name


def test_a_title_case_acronym_that_is_a_word_stays_the_word(packs: PackLoader) -> None:
    assert resolve_actor("ANTARA", "id", packs) is not None
    assert resolve_actor("Antara", "id", packs) is None  # "antara" is also "between"


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Kurdish officials", "en", "Kurdish officials"),
    ("Rohingya refugees", "en", "Rohingya refugees"),
    ("milisi Kurdi", "id", "Kurdish militia"),
])
def test_a_people_without_a_state_modifies_a_head_and_gives_no_country(
        text: str, lang: str, name: str, packs: PackLoader) -> None:
    info = resolve_actor(text, lang, packs, context_country="TR")
    assert info is not None and (info.name, info.country) == (name, None)


@pytest.mark.parametrize(("text", "name"), [
    ("Russian-backed separatists", "Russian-backed separatists"),
    ("Iran-backed militias", "Iran-backed militia"),
    ("US-backed Kurdish fighters", "Kurdish fighters"),
])
def test_a_sponsor_is_not_the_actors_country(text: str, name: str, packs: PackLoader) -> None:
    info = resolve_actor(text, "en", packs)
    assert info is not None and (info.name, info.country) == (name, None)


def test_a_group_of_states_takes_no_country_from_the_article(packs: PackLoader) -> None:
    assert resolve_actor("Arab states", "en", packs, context_country="SY").name == "Arab states"  # type: ignore[union-attr]
    info = resolve_actor("several countries", "en", packs, context_country="SY")
    assert info is not None and (info.name, info.country) == ("countries", None)


def test_english_pack(packs: PackLoader) -> None:
    assert _name("Syrian army", packs, lang="en")[:2] == ("Syrian military", "SY")
    assert _name("the Russian military", packs, lang="en")[:2] == ("Russian military", "RU")
    assert _name("Syrian government forces", packs, lang="en")[:2] == ("Syrian military", "SY")
    assert _name("ISIL", packs, lang="en")[0] == "Islamic State"
    info = resolve_actor("Russian Defence Ministry spokesman Igor Konashenkov", "en", packs)
    assert info is not None and info.name == "Igor Konashenkov"


def test_unknown_language_or_text(packs: PackLoader) -> None:
    assert resolve_actor("tentara", "xx", packs) is None
    assert resolve_actor("", "id", packs) is None
    assert resolve_actor("kemarin sore", "id", packs) is None


def test_english_modifier_before_title(packs: PackLoader) -> None:
    info = resolve_actor("Russian Foreign Minister Sergei Lavrov", "en", packs)
    assert info is not None and (info.name, info.country, info.role) == ("Sergei Lavrov", "RU", "Foreign Minister")
