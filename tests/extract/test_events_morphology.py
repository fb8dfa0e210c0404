"""Indonesian affix morphology (affixes.toml + extract.morphology) and the phrase matcher built on it."""

from __future__ import annotations

import pytest

from peristiwa.extract.lexicon import PhraseMatcher
from peristiwa.extract.morphology import Morphology, parse_template
from peristiwa.langs.base import PackLoader


@pytest.fixture(scope="module")
def morph() -> Morphology:
    pack = PackLoader().get("id")
    assert pack is not None
    return Morphology.from_settings(pack.settings("affixes.toml"))


@pytest.mark.parametrize(
    ("word", "root", "template"),
    [
        ("serang", "serang", "base"),
        ("menyerang", "serang", "meN-"),
        ("diserang", "serang", "di-"),
        ("serangan", "serang", "-an"),
        ("penyerangan", "serang", "peN--an"),
        ("tangkap", "tangkap", "base"),
        ("ditangkap", "tangkap", "di-"),
        ("penangkapan", "tangkap", "peN--an"),
        ("tertangkap", "tangkap", "ter-"),
        ("kuasa", "kuasa", "base"),
        ("dikuasai", "kuasa", "di--i"),
        ("menguasai", "kuasa", "meN--i"),
        ("pertemuan", "temu", "per--an"),
        ("bertemu", "temu", "ber-"),
        ("bekerja", "kerja", "ber-"),
        ("berunding", "runding", "ber-"),
        ("perundingan", "runding", "per--an"),
        ("pengeboman", "bom", "peN--an"),
        ("mengebom", "bom", "meN-"),
        ("membakar", "bakar", "meN-"),
        ("memprotes", "protes", "meN-"),
        ("melarikan", "lari", "meN--kan"),
        ("menahannya", "tahan", "meN-"),
        ("tembak-menembak", "tembak", "meN-"),
    ],
)
def test_analyze_recovers_root_and_affix(morph: Morphology, word: str, root: str, template: str) -> None:
    roots = {"serang", "tangkap", "kuasa", "temu", "kerja", "runding", "bom", "bakar", "protes", "lari", "tahan",
             "tembak"}
    assert (root, template) in morph.analyze(word, roots)


def test_analyze_never_invents_a_root(morph: Morphology) -> None:
    # a stemmer reads "dikuasai" as "asai"; analysis by generation only accepts listed roots
    assert morph.analyze("dikuasai", {"asai"}) == []
    assert morph.analyze("meja", {"serang"}) == []


def test_nasal_assimilation(morph: Morphology) -> None:
    forms = set(morph.generate("tembak", "VT,NAN"))
    assert {"menembak", "ditembak", "penembakan", "tembakan", "tertembak", "menembakkan"} <= forms
    assert "mengirim" in morph.generate("kirim", "VT")
    assert "membantu" in morph.generate("bantu", "VT")
    assert "menyita" in morph.generate("sita", "VT")
    assert "mengkritik" in morph.generate("kritik", "VT")  # cluster keeps its k
    assert "menuduh" in morph.generate("tuduh", "VT")


def test_template_parsing(morph: Morphology) -> None:
    t = parse_template("meN--kan")
    assert (t.prefix, t.suffix) == ("meN", "kan")
    # roles come from the pack's affixes.toml [roles]
    t = morph.template("meN--kan")
    assert t.active and not t.passive
    assert morph.template("di-").passive
    assert morph.template("peN--an").nominal and morph.template("-an").nominal
    assert morph.template("peN--an").has("process") and not morph.template("-an").has("process")
    assert morph.template("peN-").has("agent") and morph.literal.nominal


def test_phrase_matcher_multiword_and_clitics(morph: Morphology) -> None:
    rows = [
        {"lemma": "lari diri", "forms": "meN--kan", "type": "RETREAT"},
        {"lemma": "tetap (sebagai) tersangka", "forms": "di--kan", "type": "ACCUSE"},
        {"lemma": "tahan", "forms": "VT", "type": "COERCE"},
    ]
    m = PhraseMatcher(rows, morph)
    words = ["mereka", "telah", "melarikan", "diri", "dan", "ditetapkan", "sebagai", "tersangka", "lalu", "menahannya"]
    found = [(words[x.start], x.end - x.start, x.row.get("type")) for x in m.find_longest(words)]
    assert found == [("melarikan", 2, "RETREAT"), ("ditetapkan", 3, "ACCUSE"), ("menahannya", 1, "COERCE")]
    assert m.find_longest(["ditetapkan", "tersangka"])[0].end == 2  # optional word absent
