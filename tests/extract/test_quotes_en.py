"""English quotes: the same mechanisms reading the English pack, plus PolNeAR's conventions."""

from __future__ import annotations

from typing import Any

import pytest

from peristiwa.model import Document
from peristiwa.output import quote_record
from peristiwa.pipeline import Pipeline


def _quotes(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    doc = pipeline(Document(doc_id="t", text=text, lang="en"))
    return [quote_record(doc, q) for q in doc.quotes]


@pytest.mark.parametrize(
    ("text", "speaker_text", "content", "cue"),
    [
        ("Toner said the talks would continue next week.", "Toner", "the talks would continue next week", "said"),
        ("Toner said on Tuesday that the talks would continue.", "Toner", "the talks would continue", "said"),
        ("The economy is improving, the White House said on Tuesday.", "the White House",
         "The economy is improving", "said"),
        ("According to the State Department, the embassy will reopen in May.", "the State Department",
         "the embassy will reopen in May", "According to"),
        ("The embassy will reopen in May, according to a count by the ministry.", "a count by the ministry",
         "The embassy will reopen in May", "according to"),
        ("Clinton spokesman Brian Fallon said the emails were not classified.", "Clinton spokesman Brian Fallon",
         "the emails were not classified", "said"),
        ("The spokesman told reporters that the meeting was cancelled.", "The spokesman",
         "the meeting was cancelled", "told"),
        ("Clinton celebrated in Florida and said it was another step closer to the White House.", "Clinton",
         "it was another step closer to the White House", "said"),
    ],
)
def test_indirect_frames(pipeline: Pipeline, text: str, speaker_text: str, content: str, cue: str) -> None:
    quotes = _quotes(pipeline, text)
    assert len(quotes) == 1, quotes
    q = quotes[0]
    assert (q["speaker_text"], q["text"], q["cue"], q["direct"]) == (speaker_text, content, cue, False)


def test_direct_quote_post_and_pre_attribution(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "“We will not back down,” said Hillary Clinton, the Democratic nominee.")
    assert [(q["speaker"], q["text"], q["cue"]) for q in quotes] == [
        ("Hillary Clinton", "We will not back down", "said")]
    quotes = _quotes(pipeline, "Sanders said, “The system is rigged against working families.”")
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("Sanders", "The system is rigged against working families.")]


def test_two_apostrophes_are_quotation_marks(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "''There's always resistance,'' said Mr. Schmidt, who bought the property.")
    assert [(q["text"], q["speaker"]) for q in quotes] == [("There's always resistance", "Schmidt")]


def test_split_quote_is_one_statement_in_english(pipeline: Pipeline) -> None:
    text = "“We will not back down,” Clinton said. “This is our moment.”"
    quotes = _quotes(pipeline, text)
    assert len(quotes) == 1
    assert quotes[0]["text"] == "We will not back down,” Clinton said. “This is our moment."
    assert quotes[0]["speaker"] == "Clinton"


def test_pronoun_speaker_and_appositive_subject(pipeline: Pipeline) -> None:
    quotes = _quotes(
        pipeline,
        "Trump’s campaign manager, Kellyanne Conway, said the campaign was confident. "
        "She added that the polls were wrong about the race.",
    )
    assert [(q["speaker"], q["speaker_text"]) for q in quotes] == [
        ("Kellyanne Conway", "Kellyanne Conway"), ("Kellyanne Conway", "She")]


def test_told_an_outlet_is_an_intermediary(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "“We are ready to talk,” the minister told Reuters in an interview.")
    assert [(q["speaker_text"], q["via"]) for q in quotes] == [("the minister", ["Reuters"])]


def test_headline_colon_attribution(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.\n\nThe race goes on.")
    assert [(q["speaker_text"], q["text"], q["cue"]) for q in quotes] == [
        ("Gingrich", "Trump Must Decide If He Wants a Two-Pirate Ticket", ":")]


def test_circumstance_is_not_content(pipeline: Pipeline) -> None:
    assert _quotes(pipeline, "The company said in a statement.") == []
    assert _quotes(pipeline, "The show “Meet the Press” airs on Sunday.") == []


def test_title_abbreviation_in_post_quote_speaker(pipeline: Pipeline) -> None:
    text = 'The merger closed. "This is about the cloud," Mr. Lamb said in a long interview with a trade paper.'
    quotes = _quotes(pipeline, text)
    assert [(q["text"], q["speaker_text"]) for q in quotes] == [("This is about the cloud", "Mr. Lamb")]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("The mayor, who asked not to be named, said the bridge would close in June.", "The mayor"),
        ("Ms. Ortiz, in a phone interview, said the bridge would close in June.", "Ms. Ortiz"),
    ],
)
def test_parenthetical_between_subject_and_verb(pipeline: Pipeline, text: str, speaker_text: str) -> None:
    quotes = _quotes(pipeline, text)
    assert [(q["text"], q["speaker_text"]) for q in quotes] == [("the bridge would close in June", speaker_text)]


def test_each_reporting_verb_has_its_own_content(pipeline: Pipeline) -> None:
    text = "Kowalski said the levy was unfair, adding that farmers would pay most of it."
    quotes = _quotes(pipeline, text)
    assert [(q["text"], q["cue"]) for q in quotes] == [
        ("the levy was unfair", "said"), ("farmers would pay most of it", "adding")]
    text = "The governor praised the volunteers and said the shelter would stay open."
    assert next(q["text"] for q in _quotes(pipeline, text)) == "the volunteers"


def test_stance_and_cognition_verbs(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "The union reiterated that the strike would go ahead on Monday.")
    assert [(q["text"], q["cue"]) for q in quotes] == [("the strike would go ahead on Monday", "reiterated")]


def test_infinitive_content_of_commitment_and_wanting(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "Dairy farmers have vowed to fight the quota in court.")
    assert [(q["text"], q["cue"]) for q in quotes] == [("to fight the quota in court", "vowed")]
    assert _quotes(pipeline, "The minister spoke to reporters at the airport.") == []


def test_relative_pronoun_subject(pipeline: Pipeline) -> None:
    text = "The rule was written by Senator Ada Price, who said that the fee was unfair to renters."
    quotes = _quotes(pipeline, text)
    assert [(q["text"], q["speaker"]) for q in quotes] == [("the fee was unfair to renters", "Ada Price")]


def test_told_addressee_is_not_content(pipeline: Pipeline) -> None:
    text = 'The vote is Friday. "We will win this," Ms. Osei told The Daily Courier of the ballot in her district.'
    quotes = _quotes(pipeline, text)
    assert [(q["text"], q["speaker_text"]) for q in quotes] == [("We will win this", "Ms. Osei")]


def test_adverb_parenthetical_and_coordinated_clauses(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "The two mayors, however, argue that the tunnel is too costly.")
    assert [(q["text"], q["speaker_text"]) for q in quotes] == [("the tunnel is too costly", "The two mayors")]
    quotes = _quotes(pipeline, "I think the plan is sound, and I think voters will agree.")
    assert [q["text"] for q in quotes] == ["the plan is sound", "voters will agree"]


def test_quotation_after_a_reported_sentence_stands_alone(pipeline: Pipeline) -> None:
    text = "Prices will keep rising, Mr. Dube said. ''So it is very hard to plan ahead.''"
    assert "So it is very hard to plan ahead." in [q["text"] for q in _quotes(pipeline, text)]


def test_question_put_to_a_speaker(pipeline: Pipeline) -> None:
    text = "When asked whether the port would reopen this year, the minister said it was too early to tell."
    quotes = _quotes(pipeline, text)
    assert ("whether the port would reopen this year", "asked") in [(q["text"], q["cue"]) for q in quotes]


def test_stance_with_a_name_for_content(pipeline: Pipeline) -> None:
    quotes = _quotes(pipeline, "Several county chairmen endorsed Okafor.")
    assert [(q["text"], q["cue"]) for q in quotes] == [("Okafor", "endorsed")]


def test_a_question_auxiliary_is_no_part_of_the_speakers_name(pipeline: Pipeline) -> None:
    text = ("Ahmad Saleh said the clinic was hit twice. Did Saleh know of other attacks? He said he knew of three, "
            "all in the north.")
    assert {q["speaker"] for q in _quotes(pipeline, text)} == {"Ahmad Saleh"}


@pytest.mark.parametrize("text", [
    "Without doubt, the estimated 4,000 civilians killed by the coalition include many protesters.",
    "“The attacks were many and nobody filmed them.” The families continued to live in exile for years.",
])
def test_a_function_word_opens_no_speaker(pipeline: Pipeline, text: str) -> None:
    assert not [q for q in _quotes(pipeline, text) if q["speaker"] and q["speaker"].split()[0].lower()
                in ("without", "to")]
