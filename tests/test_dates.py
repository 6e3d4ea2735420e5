"""Which date is a document's own: a date line beats dates in prose; a parliamentary
session number dates a bare day and month ('Inkom den 30 januari')."""

from __future__ import annotations

from radsdok.components.metadata import find_date

PROSE = "Redan i mars 1994 lade regeringen fram en proposition i frågan, och den 22 mars 1998 hände mer. " * 2


def date_of(text: str) -> str | None:
    hit = find_date(text)
    return hit.text if hit else None


def test_a_date_line_is_the_documents_date() -> None:
    assert date_of("Motion om parker\n\nVäxjö 2024-03-02\n\n" + PROSE) == "2024-03-02"


def test_session_number_dates_a_day_and_month_in_spring() -> None:
    text = "Interpellation 1996/97:139 av Erling Bager (fp)\n\nInkom den 30 januari\n\n" + PROSE
    assert date_of(text) == "1997-01-30"


def test_session_number_dates_a_day_and_month_in_autumn() -> None:
    text = "Interpellation 1998/99:22 av Carina Hägg (s)\n\nInkom den 10 november\n\nHur går det?"
    assert date_of(text) == "1998-11-10"


def test_no_date_when_only_prose_dates_and_no_session() -> None:
    assert date_of("Motion om parker\n\n" + PROSE) is None
