from __future__ import annotations

from radsdok.components.questions import find_questions
from radsdok.components.quotes import find_quotes

BODY = "Detta är en lång inledning om kommunens arbete som förklarar bakgrunden. " * 3


def questions(text: str) -> list[str]:
    marks = [q.attrs["marks"] for q in find_quotes(text)]
    return [hit.text for hit in find_questions(text, marks)]


def test_bulleted_questions_lose_their_bullets() -> None:
    text = BODY + "\n\nJag vill fråga:\n\n- Hur går det?\n• Vad kostar det?\n* När blir det klart?\n"
    assert questions(text) == ["Hur går det?", "Vad kostar det?", "När blir det klart?"]


def test_numbered_questions_lose_their_numbers() -> None:
    text = BODY + "\n\n1. Hur går det?\n\n2. Vad kostar det?"
    assert questions(text) == ["Hur går det?", "Vad kostar det?"]


def test_several_questions_in_one_paragraph() -> None:
    text = BODY + "\n\nHur går det? Och vad kostar det ? Jag undrar, ex. Malmö, hur det blir?"
    assert questions(text) == ["Hur går det?", "Och vad kostar det ?", "Jag undrar, ex. Malmö, hur det blir?"]


def test_question_glued_to_place_and_date() -> None:
    text = BODY + "\n\nVad tänker ordföranden göra?Lund 2024-03-02"
    assert questions(text) == ["Vad tänker ordföranden göra?"]


def test_question_inside_quotation_is_not_asked() -> None:
    text = BODY + "\n\nI rapporten ”Hur ska vi arbeta bättre?” föreslås mycket. Vad gör ni nu?"
    assert questions(text) == ["Vad gör ni nu?"]


def test_fraga_label_is_dropped() -> None:
    text = BODY + "\n\nFråga:\nI vilken ordning prioriteras byggena?"
    assert questions(text) == ["I vilken ordning prioriteras byggena?"]


def test_listed_question_without_mark_after_intro() -> None:
    text = BODY + "\n\nJag ställer följande frågor:\n\n1. Kan du garantera att vården håller hög kvalitet\n"
    assert questions(text) == ["Kan du garantera att vården håller hög kvalitet"]


def test_title_question_is_not_asked() -> None:
    text = "Vänsterpartiet 2023\n\nVad händer med skolan?\n\n" + BODY + "\n\nHur går det?"
    assert questions(text) == ["Hur går det?"]


def test_question_evidence_covers_text() -> None:
    text = BODY + "\n\n- Hur går det?"
    marks: list[tuple[int, int]] = []
    (hit,) = find_questions(text, marks)
    assert text[hit.start : hit.end] == "Hur går det?"


def test_every_question_intro_holds_a_cue_word() -> None:
    from radsdok.components.lexicon import patterns
    from radsdok.components.questions import INTRO_CUES

    for pattern in patterns()["question_intro"]:
        assert any(cue in pattern.casefold() for cue in INTRO_CUES), pattern


def test_question_on_the_line_after_the_title_is_asked() -> None:
    assert questions("Fråga om skolan\nHur går det med skolan?") == ["Hur går det med skolan?"]


def test_a_title_that_is_a_question_is_not_asked_again_when_repeated() -> None:
    text = "Varför stängs biblioteket? | Partiet i kommunen\n\nVarför stängs biblioteket?\n\n" + BODY
    assert questions(text) == []
