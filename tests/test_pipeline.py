"""The stage registry and pipeline: versioned names, build-time validation, rebuild from config."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.config import Config
from peristiwa.errors import MissingRequirementError, StageError, UnknownStageError
from peristiwa.model import Document
from peristiwa.pipeline import Pipeline, StageContext, StageFn, registry


@registry.stage("test.boom", version=1, provides=("boom",))
def _make_boom(ctx: StageContext) -> StageFn:
    def run(doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("exploded")
        return doc

    return run


@registry.stage("test.boom", version=2, provides=("boom",), langs=("en",))
def _make_boom2(ctx: StageContext) -> StageFn:
    return _make_boom(ctx)


def _cfg(*stages: str) -> Config:
    return Config.load(overrides={"pipeline": {"stages": list(stages)}})


def test_default_pipeline_builds_and_runs(seed_doc: Document) -> None:
    pipe = Pipeline(Config.load())
    out = pipe(seed_doc)
    assert out.sentences and out.tokens
    assert out.stages[0] == "segment.sentences@1"
    assert out.text == seed_doc.text


def test_missing_requirement_names_both_stages() -> None:
    with pytest.raises(MissingRequirementError) as info:
        Pipeline(_cfg("segment.tokens"))
    msg = str(info.value)
    assert "segment.tokens@1" in msg and "sentences" in msg and "segment.sentences@1" in msg


def test_unknown_stage_and_version() -> None:
    with pytest.raises(UnknownStageError, match=r"no\.such"):
        Pipeline(_cfg("no.such"))
    with pytest.raises(UnknownStageError, match=r"segment\.sentences@1"):
        Pipeline(_cfg("segment.sentences@9"))


def test_versions_resolve_newest_or_pinned() -> None:
    assert registry.get("test.boom").version == 2
    assert registry.get("test.boom@1").version == 1


def test_rebuild_from_plain_config_dict() -> None:
    pipe = Pipeline(Config.load())
    again = Pipeline.from_config(pipe.config.to_dict())
    assert [s.key for s in again.stages] == [s.key for s in pipe.stages]


def test_language_restricted_stage_is_skipped() -> None:
    pipe = Pipeline(_cfg("test.boom@2"))
    doc = Document(doc_id="x", text="boom", lang="id", published=dt.date(2020, 1, 1))
    assert pipe(doc).stages == ()


def test_failing_stage_reports_document_and_batch_goes_on() -> None:
    pipe = Pipeline(_cfg("test.boom@1"))
    docs = [Document(doc_id="a", text="fine"), Document(doc_id="b", text="boom"), Document(doc_id="c", text="ok")]
    results = list(pipe.run_many(docs))
    assert [type(r).__name__ for r in results] == ["Document", "StageError", "Document"]
    err = results[1]
    assert isinstance(err, StageError) and err.where == "b" and "test.boom@1" in err.message
