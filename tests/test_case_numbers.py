from __future__ import annotations

import pytest

from radsdok.components.case_numbers import find_case_numbers, parse_case_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("enligt utredningen SN 2023/0048 har", "SN 2023/0048"),
        ("Ärende KS 2003/0369-45 om", "KS 2003/0369-45"),
        ("Dnr 2017/0150 KS-2\n", "2017/0150 KS-2"),
        ("Dnr KS/2019:347", "KS/2019:347"),
        ("Dnr 2018:174", "2018:174"),
        ("Dnr. 2011/KS 0206 001", "2011/KS 0206 001"),
        ("Kst dnr 2010/94.10 Beslut", "2010/94.10"),
        ("(Dnr: 2020/405)", "2020/405"),
        ("Interpellation RV181888", "RV181888"),
        ("Dnr 2022-000456", "2022-000456"),
    ],
)
def test_case_number_forms_are_found_without_label(text: str, value: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == [value]


def test_meeting_reference_is_not_a_case_number() -> None:
    assert list(find_case_numbers("beslutade (KS 2009-05-26, § 104) att")) == []


def test_repeated_case_number_is_reported_once() -> None:
    text = "Dnr. KS 2014/368. Utvärdering\n\nSida 2 Dnr. KS 2014/368 Utvärdering"
    assert [h.text for h in find_case_numbers(text)] == ["KS 2014/368"]


@pytest.mark.parametrize(
    ("value", "register", "year", "serial"),
    [
        ("SN 2023/0048", "SN", 2023, "0048"),
        ("KS/2019:347", "KS", 2019, "347"),
        ("2011/KS 0206 001", "KS", 2011, "0206 001"),
        ("2017/0150 KS-2", "KS", 2017, "0150"),
        ("2018:174", None, 2018, "174"),
    ],
)
def test_case_number_parts(value: str, register: str | None, year: int, serial: str) -> None:
    assert parse_case_number(value) == {"register": register, "year": year, "serial": serial}


def test_case_number_evidence_points_at_value() -> None:
    text = "Vårt dnr: KS 2021/123 gäller"
    (hit,) = find_case_numbers(text)
    assert text[hit.start : hit.end] == "KS 2021/123"
