"""The shipped table of government tenures: who held a minister's post on a day, and how a
role-only mention is joined to that person only where the input names them."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import pairwise

import radsdok
from radsdok.across.office_holders import known_holder, same_party

from .test_across_people import doc, person_of
from .test_across_roles import role_records


def day(text: str) -> tuple[date, date]:
    d = date.fromisoformat(text)
    return d, d


def test_the_table_names_the_holder_of_a_post_on_a_day() -> None:
    holder = known_holder("utrikesministern", day("1997-02-14"))
    assert holder is not None and (holder.name, holder.party) == ("Lena Hjelm-Wallén", "S")
    holder = known_holder("Finansminister", day("2016-05-01"))
    assert holder is not None and holder.name == "Magdalena Andersson"


def test_the_day_a_successor_takes_over_is_the_successors() -> None:
    before = known_holder("utrikesminister", day("1998-10-06"))
    on_the_day = known_holder("utrikesminister", day("1998-10-07"))
    assert before is not None and before.name == "Lena Hjelm-Wallén"
    assert on_the_day is not None and on_the_day.name == "Anna Lindh"


def test_a_span_with_a_change_of_holder_inside_names_no_one() -> None:
    session = (date(1998, 9, 1), date(1999, 8, 31))
    assert known_holder("utrikesminister", session) is None


def test_a_post_the_table_lacks_or_a_day_before_it_names_no_one() -> None:
    assert known_holder("kommunstyrelsens ordförande", day("2015-01-01")) is None
    assert known_holder("utrikesminister", day("1985-01-01")) is None


def test_party_marks_compare_across_case_and_a_partys_new_name() -> None:
    assert same_party("(s)", "S")
    assert same_party("fp", "L")
    assert not same_party("M", "S")
    assert not same_party(None, "S")


def test_the_tenures_of_one_post_follow_each_other_without_overlapping() -> None:
    path = resources.files("radsdok.data").joinpath("government_ministers.json")
    tenures = json.loads(path.read_text(encoding="utf-8"))["tenures"]
    by_role: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for row in tenures:
        start = date.fromisoformat(row["from"])
        end = date.fromisoformat(row["to"]) if row["to"] else date.max
        assert start < end, row
        by_role[row["role"]].append((start, end))
    for role, spans in by_role.items():
        spans.sort()
        for (_, end), (next_start, _) in pairwise(spans):
            assert end <= next_start, role


def test_a_role_only_minister_joins_the_holder_the_input_names_in_another_post() -> None:
    # the input names the foreign minister of 1997 only two years later, as deputy prime
    # minister: no sighting in the post, but the table says whose post it was
    docs = [
        doc("a.txt", "1999-04-30", [("Bo Ek", "FP")], [("Lena Hjelm-Wallén", "S", "vice statsminister")]),
        doc("b.txt", "1997-02-14", [("Eva Berg", "V")], [(None, None, "utrikesministern")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "b.txt", "addressees") == person_of(records, "a.txt", "addressees")
    assert role_records(records) == []


def test_a_role_only_minister_stays_a_role_where_the_input_does_not_name_the_holder() -> None:
    # the input calls someone else the foreign minister that year: the table decides, and
    # the one it names is not in the input
    docs = [
        doc("a.txt", "1997-01-10", [("Bo Ek", "FP")], [("Karin Holm", "S", "utrikesminister")]),
        doc("b.txt", "1997-02-14", [("Eva Berg", "V")], [(None, None, "utrikesministern")]),
    ]
    records = radsdok.people(docs)
    assert role_records(records) == [["b.txt"]]


def test_of_namesakes_the_one_of_the_holders_party_is_joined() -> None:
    docs = [
        doc("a.txt", "2016-03-01", [("Magdalena Andersson", "M")], []),
        doc("b.txt", "2016-04-01", [("Bo Ek", "V")], [("Magdalena Andersson", "S", None)]),
        doc("c.txt", "2016-05-01", [("Eva Berg", "C")], [(None, None, "finansministern")]),
    ]
    records = radsdok.people(docs)
    minister = person_of(records, "b.txt", "addressees")
    assert person_of(records, "c.txt", "addressees") == minister
    assert person_of(records, "a.txt") != minister
