"""The document the project was created from parses exactly (it lives in ../shared/corpus)."""

from __future__ import annotations

import pytest

import radsdok

from .conftest import CORPUS

SEED = CORPUS / "municipal" / "norrkoping_interpellation_2023_seed.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture(scope="module")
def seed(parser: radsdok.Parser) -> radsdok.Document:
    return parser.parse(SEED)


def test_seed_author(seed: radsdok.Document) -> None:
    assert [(a.name, a.party) for a in seed.authors] == [("Nicklas Lundström", "V")]


def test_seed_addressees(seed: radsdok.Document) -> None:
    assert [(a.name, a.role) for a in seed.addressees] == [("Patrik Palm", None), ("Monica Holtstad", None)]


def test_seed_questions(seed: radsdok.Document) -> None:
    assert [q.text for q in seed.questions] == [
        "Har Borgerlig Samverkan för avsikt att avbryta arbetet med att motverka prostitution som "
        "Kommunfullmäktige beslutat om eller kommer det att fortgå?",
        "Vad är i så fall inriktningen på arbetet och vilka resurser är ni beredda att satsa?",
    ]


def test_seed_quotes_third_holds_a_question_that_is_not_asked(seed: radsdok.Document) -> None:
    assert len(seed.quotes) == 3
    assert seed.quotes[0].text.startswith("Socialkontoret inte har utarbetat")
    assert seed.quotes[0].source == "Socialkontoret"
    assert seed.quotes[1].text.endswith("Maja Höjer föreslår en mottagning för köpare av sex.")
    assert seed.quotes[2].text.startswith("Hur ska Socialkontoret kunna arbeta")
    assert seed.quotes[2].source == "SN 2023/0048"
    assert all("Hur ska Socialkontoret" not in q.text for q in seed.questions)


def test_seed_case_number_and_place(seed: radsdok.Document) -> None:
    assert [(c.text, c.register, c.year, c.serial) for c in seed.case_numbers] == [
        ("SN 2023/0048", "SN", 2023, "0048")
    ]
    assert seed.municipality == "Norrköping"
    assert seed.body == "Norrköpings kommunfullmäktige"
    assert seed.kind == "interpellation"
    assert seed.title == "Vad händer i arbetet mot prostitution?"
