"""Role-only mentions and the timeline of role holders: joined roles, sessions, ambiguity.

The learned timeline is tested on invented holders before October 1991, where the shipped table of
government tenures (tested at the end) knows no holder and leaves the decision to it."""

from __future__ import annotations

from datetime import date

import pytest

import radsdok
from radsdok.across.mentions import role_parts, session_span
from radsdok.models import Document

from .test_across_people import doc, person_of


def role_records(records: list) -> list[list[str]]:
    return [[m.source for m in r.mentions] for r in records if r.type == "role"]


@pytest.mark.parametrize(
    ("role", "parts"),
    [
        ("klimat- och miljöminister", ("klimatminister", "miljöminister")),
        ("närings-, och innovationsminister", ("näringsminister", "innovationsminister")),
        (
            "kultur-, demokrati- och idrottsminister",
            ("kulturminister", "demokratiminister", "idrottsminister"),
        ),
        ("arbetsmarknads- och jämställdhetsminister", ("arbetsmarknadsminister", "jämställdhetsminister")),
        ("miljöminister", ()),
        ("vice statsminister", ()),
        ("bygg- och miljönämndens ordförande", ()),
    ],
)
def test_a_joined_role_is_made_of_its_parts(role: str, parts: tuple[str, ...]) -> None:
    assert role_parts(role) == parts


def test_a_session_runs_from_september_to_august() -> None:
    assert session_span("2014/15") == (date(2014, 9, 1), date(2015, 8, 31))
    assert session_span("1999/2000") == (date(1999, 9, 1), date(2000, 8, 31))
    assert session_span(None) is None


def test_a_minister_named_in_two_documents_is_the_holder_in_a_third_that_names_only_the_role() -> None:
    docs = [
        doc("a.txt", "1983-02-10", [("Bo Ek", "V")], [("Karin Holm", "S", "utbildningsministern")]),
        doc("b.txt", "1983-09-01", [("Eva Ström", "M")], [("Utbildningsminister Karin Holm", "S", None)]),
        doc("c.txt", "1983-05-20", [("Per Lind", "C")], [(None, None, "utbildningsministern")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "c.txt", "addressees") == person_of(records, "a.txt", "addressees")
    karin = next(r for r in records if r.name == "Karin Holm")
    assert [m.joined_by for m in karin.mentions] == ["name", "role", "name"]
    assert role_records(records) == []


def test_the_holder_of_a_joined_role_holds_each_of_its_parts() -> None:
    docs = [
        doc("a.txt", "1986-10-01", [("Bo Ek", "V")], [("Klimat- och miljöminister Åsa Lund", "MP", None)]),
        doc("b.txt", "1987-01-15", [("Bo Ek", "V")], [(None, None, "miljöministern")]),
        doc("c.txt", "1987-02-01", [("Bo Ek", "V")], [(None, None, "klimat- och miljöministern")]),
    ]
    records = radsdok.people(docs)
    lund = person_of(records, "a.txt", "addressees")
    assert person_of(records, "b.txt", "addressees") == lund
    assert person_of(records, "c.txt", "addressees") == lund


def test_a_joined_role_only_mention_whose_parts_had_two_holders_stays_a_role() -> None:
    docs = [
        doc("a.txt", "1986-10-01", [("Bo Ek", "V")], [("Anna Berg", "S", "justitieminister")]),
        doc("b.txt", "1986-11-01", [("Bo Ek", "V")], [("Olle Dahl", "S", "inrikesminister")]),
        doc("c.txt", "1986-12-01", [("Bo Ek", "V")], [(None, None, "justitie- och inrikesministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["c.txt"]]


def undated(source: str, number: str, minister: str, role: str) -> Document:
    title = f"Interpellation {number} Om skolan av Bo Ek (V) till {role} {minister} (S)"
    return doc(source, None, [("Bo Ek", "V")], [(minister, "S", role)], title=title, text=title)


def test_a_document_without_a_date_shows_the_holder_in_its_session() -> None:
    docs = [
        undated("a.txt", "1986/87:101", "Karin Holm", "Utbildningsminister"),
        doc("b.txt", "1987-03-01", [("Per Lind", "C")], [(None, None, "utbildningsministern")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "b.txt", "addressees") == person_of(records, "a.txt", "addressees")


def test_two_holders_seen_in_the_session_leave_the_role_only_mention_a_role() -> None:
    docs = [
        doc("a.txt", "1987-01-20", [("Bo Ek", "V")], [("Karin Holm", "S", "utbildningsminister")]),
        undated("b.txt", "1986/87:240", "Lars Viklund", "Utbildningsminister"),
        doc("c.txt", "1987-03-01", [("Per Lind", "C")], [(None, None, "utbildningsministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["c.txt"]]


def test_two_holders_equally_near_leave_the_role_only_mention_a_role() -> None:
    docs = [
        doc("a.txt", "1980-01-01", [("Bo Ek", "V")], [("Karin Holm", "S", "finansminister")]),
        doc("b.txt", "1980-09-01", [("Bo Ek", "V")], [("Lars Viklund", "M", "finansminister")]),
        doc("c.txt", "1980-05-01", [("Per Lind", "C")], [(None, None, "finansministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["c.txt"]]


def test_a_holder_named_only_years_away_is_not_joined_where_no_term_is_known() -> None:
    # before the first change of government listed, the day window decides
    docs = [
        doc("a.txt", "1962-12-02", [("Bo Ek", "V")], [("Göte Lind", "S", "statsminister")]),
        doc("b.txt", "1960-03-07", [("Per Lind", "C")], [(None, None, "statsministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["b.txt"]]


def test_a_head_of_government_seen_years_away_in_the_same_government_is_joined() -> None:
    # no new prime minister took office between March 1983 and December 1985
    docs = [
        doc("a.txt", "1985-12-02", [("Bo Ek", "V")], [("Göte Lind", "S", "statsminister")]),
        doc("b.txt", "1983-03-07", [("Per Lind", "C")], [(None, None, "statsministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == []
    assert person_of(records, "b.txt", "addressees") == person_of(records, "a.txt", "addressees")


def test_a_minister_seen_before_the_cabinet_formed_after_an_election_is_not_joined() -> None:
    # eight months apart, but a cabinet was formed after the 1988 election between them
    docs = [
        doc("a.txt", "1988-06-10", [("Bo Ek", "V")], [("Karin Holm", "S", "socialminister")]),
        doc("b.txt", "1989-02-15", [("Per Lind", "C")], [(None, None, "socialministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["b.txt"]]


def test_a_chair_is_joined_within_a_municipal_term_not_across_one() -> None:
    chair = "kommunstyrelsens ordförande"
    docs = [
        doc("a.txt", "2015-02-10", [("Bo Ek", "V")], [("Karin Holm", "S", chair)], municipality="Sörby"),
        doc("b.txt", "2018-06-01", [("Per Lind", "C")], [(None, None, chair)], municipality="Sörby"),
        doc("c.txt", "2014-11-20", [("Per Lind", "C")], [(None, None, chair)], municipality="Sörby"),
    ]
    records = radsdok.people(docs)
    # June 2018 is in the term that began in January 2015; November 2014 is in the one before
    assert person_of(records, "b.txt", "addressees") == person_of(records, "a.txt", "addressees")
    assert role_records(records) == [["c.txt"]]


def test_a_speaker_is_joined_only_within_the_day_window() -> None:
    # a speaker is elected at the riksdag's opening, not at a change of government: no term
    docs = [
        doc("a.txt", "2017-03-01", [("Bo Ek", "V")], [("Urban Holm", "S", "talman")]),
        doc("b.txt", "2020-01-15", [("Bo Ek", "V")], [("Anders Norr", "M", "talman")]),
        doc("c.txt", "2018-11-15", [("Per Lind", "C")], [(None, None, "talmannen")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "c.txt", "addressees") != person_of(records, "a.txt", "addressees")


def test_an_appointed_director_has_no_term() -> None:
    docs = [
        doc(
            "a.txt", "2019-02-01", [("Bo Ek", "V")], [("Eva Ek", None, "kommundirektör")], municipality="Umeå"
        ),
        doc(
            "b.txt",
            "2023-03-01",
            [("Bo Ek", "V")],
            [("Lisa Holm", None, "kommundirektör")],
            municipality="Umeå",
        ),
        doc(
            "c.txt",
            "2022-10-01",
            [("Per Lind", "C")],
            [(None, None, "kommundirektören")],
            municipality="Umeå",
        ),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "c.txt", "addressees") != person_of(records, "a.txt", "addressees")
