"""Parsing PDFs end to end: evidence carries pages, failures are one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import radsdok
from radsdok.reading.pdf import PDF_READERS

from .conftest import CORPUS
from .test_cli import radsdok as run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
GOTLAND = CORPUS / "municipal" / "gotland_motion_2017_1.pdf"


@pytest.fixture(scope="module", params=PDF_READERS)
def multipage(request: pytest.FixtureRequest) -> radsdok.Document:
    return radsdok.load(pdf_reader=request.param).parse(FIXTURES / "running-header-footer.pdf")


def test_every_item_of_a_pdf_carries_its_page(multipage: radsdok.Document) -> None:
    assert multipage.pages == 3
    items = [*multipage.authors, *multipage.questions, *multipage.case_numbers, *multipage.quotes]
    assert items
    assert all(item.evidence.page is not None and 1 <= item.evidence.page <= 3 for item in items)


def test_case_number_in_first_page_letterhead_is_on_page_one(multipage: radsdok.Document) -> None:
    assert [(c.text, c.evidence.page) for c in multipage.case_numbers] == [("KS 2024/0117", 1)]


def test_signature_and_questions_on_last_page(multipage: radsdok.Document) -> None:
    assert [(a.name, a.evidence.page) for a in multipage.authors] == [("Anna Berg", 3)]
    assert {q.evidence.page for q in multipage.questions} == {3}


def test_pdf_evidence_offsets_point_into_text(multipage: radsdok.Document) -> None:
    assert multipage.text is not None
    for question in multipage.questions:
        span = multipage.text[question.evidence.start : question.evidence.end]
        assert " ".join(span.split()) == question.text


def test_running_header_is_not_repeated_in_text(multipage: radsdok.Document) -> None:
    assert multipage.text is not None
    assert multipage.text.count("Gävle kommun") == 1


@pytest.mark.parametrize(
    ("fixture", "code"),
    [
        ("encrypted-user-password.pdf", "encrypted-pdf"),
        ("image-only-scan.pdf", "no-text-layer"),
        ("truncated.pdf", "unreadable-pdf"),
        ("not-a-pdf.pdf", "unreadable-pdf"),
        ("empty.pdf", "empty"),
    ],
)
def test_bad_pdf_is_one_clear_line_naming_the_file(fixture: str, code: str) -> None:
    result = run_cli("parse", str(FIXTURES / fixture))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and fixture in lines[0], result.stderr
    batch = run_cli("parse", "--format", "jsonl", str(FIXTURES / fixture))
    assert json.loads(batch.stdout)["error"] == code


@pytest.mark.skipif(not GOTLAND.exists(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("reader", PDF_READERS)
def test_real_exported_pdf_gives_author_party_and_proposals(reader: str) -> None:
    doc = radsdok.load(pdf_reader=reader).parse(GOTLAND)
    assert [(a.name, a.party) for a in doc.authors] == [("Elin Bååth", "Feministiskt initiativ")]
    assert doc.kind == "motion"
    assert len(doc.proposals) == 3
    assert all(p.text.lower().startswith("att") for p in doc.proposals)
    assert doc.proposals[1].text.endswith("personal och föräldrar är inkluderade.")
