"""Every sample in samples/ against its gold: fields must not regress, evidence must point home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import radsdok
from radsdok import evaluate
from radsdok.components.layout import squash

from .conftest import SAMPLES, sample_paths

FLOORS = json.loads((Path(__file__).parent / "sample_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(parser: radsdok.Parser) -> dict[Path, radsdok.Document]:
    return {path: parser.parse(path) for path in sample_paths()}


def test_there_are_enough_samples_covering_every_kind() -> None:
    kinds = {evaluate.load_gold(evaluate.gold_path_for(p))["doc_type"] for p in sample_paths()}
    assert len(sample_paths()) >= 15
    assert {"interpellation", "motion", "fraga", "medborgarforslag", "svar"} <= kinds
    assert {"tjansteskrivelse", "protokoll"} <= kinds


def test_sample_scores_do_not_regress(parsed: dict[Path, radsdok.Document]) -> None:
    pairs = [(doc, evaluate.load_gold(evaluate.gold_path_for(path))) for path, doc in parsed.items()]
    scores = evaluate.score(pairs).to_dict()
    below = {
        field: scores["fields"][field]["f1"]
        for field, floor in FLOORS["fields"].items()
        if scores["fields"][field]["f1"] < floor
    }
    assert below == {}, evaluate.format_errors(evaluate.score(pairs), 20)
    assert scores["kind"]["accuracy"] >= FLOORS["kind"]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_item_evidence_points_at_its_value(path: Path, parsed: dict[Path, radsdok.Document]) -> None:
    doc = parsed[path]
    assert doc.text is not None
    for question in doc.questions:
        assert squash(doc.text[question.evidence.start : question.evidence.end]) == question.text
    for quote in doc.quotes:
        assert doc.text[quote.evidence.start : quote.evidence.end] == quote.text
    for number in doc.case_numbers:
        assert doc.text[number.evidence.start : number.evidence.end] == number.text
    for proposal in doc.proposals:
        span = squash(doc.text[proposal.evidence.start : proposal.evidence.end])
        assert span.split(" ", 1)[-1] == proposal.text.split(" ", 1)[-1]
    for person in [*doc.authors, *doc.addressees]:
        span = doc.text[person.evidence.start : person.evidence.end]
        assert (person.name or person.role or person.party or "") and (
            person.name is None or person.name in span
        ), span
    for field, evidence in doc.evidence.items():
        assert evidence.end > evidence.start, field


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_document_round_trips_through_json(path: Path, parsed: dict[Path, radsdok.Document]) -> None:
    doc = parsed[path]
    again = radsdok.Document.model_validate_json(doc.model_dump_json())
    assert again == doc


def test_samples_folder_has_gold_for_every_text() -> None:
    for path in sample_paths():
        assert evaluate.gold_path_for(path) is not None, path
    assert (SAMPLES / "README.md").exists()


def test_interpellation_without_questions_warns(parser: radsdok.Parser) -> None:
    text = (
        "Interpellation till socialnämndens ordförande\n\n"
        "Jag har länge undrat över äldreomsorgen.\n\nAnna Berg (V)"
    )
    doc = parser.parse_text(text, source="utan-fragor.txt")
    assert doc.questions == []
    assert "no-questions" in [w.code for w in doc.warnings]


def test_english_text_warns_not_swedish(parser: radsdok.Parser) -> None:
    text = (
        "Question to the chair of the city council. We would like to know how the budget for "
        "the schools will be spent this year and what the plans are for the libraries in the city."
    )
    doc = parser.parse_text(text, source="english.txt")
    assert "not-swedish" in [w.code for w in doc.warnings]
