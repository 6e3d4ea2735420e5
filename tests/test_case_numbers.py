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


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("Dnr KS 2019/0311 041\n\nSvar på motion", "KS 2019/0311 041", "041"),
        ("Dnr Ks 98/1203 106\n", "Ks 98/1203 106", "106"),
        ("KSF-2021-118 209 - Svar på förslaget\n", "KSF-2021-118 209", "209"),
    ],
)
def test_a_filing_code_after_a_registered_number_belongs_to_it(text: str, value: str, code: str) -> None:
    hits = list(find_case_numbers(text))
    assert [(h.text, h.attrs.get("filing_code")) for h in hits] == [(value, code)]


def test_the_digit_groups_of_a_phone_number_are_no_filing_code() -> None:
    hits = list(find_case_numbers("Dnr KS 2023/123 45 67\n"))
    assert [h.attrs.get("filing_code") for h in hits] == [None]


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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dnr KS-2023-00118 gäller", "KS-2023-00118"),
        ("Svar på motion VO-2023-00206 om", "VO-2023-00206"),
        ("Ärende RS 2019-1234 om", "RS 2019-1234"),
        ("Dnr 2023/0048 KS\n", "2023/0048 KS"),
        ("Dnr 2023.0048 gäller", "2023.0048"),
        ("Diarienummer 2023\u201300118", "2023\u201300118"),
        ("Diarienr: KS 2019/45", "KS 2019/45"),
        ("Ärendenr: 2021/789", "2021/789"),
        ("Vår beteckning: BUN 2022/0123", "BUN 2022/0123"),
        ("Beteckning\n2023-00254\n", "2023-00254"),
        ("Diarienummer\nKS 2020.345", "KS 2020.345"),
        ("Dnr KS 19/0123", "KS 19/0123"),
        ("Dnr 123/2019", "123/2019"),
    ],
)
def test_labelled_and_register_forms_are_read_with_any_separator(text: str, value: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == [value]


def test_number_broken_after_its_dash_at_a_line_end_is_one_number() -> None:
    text = "med anledning av motion med diarienr. 2023-00135 och 2023-\n00118\\.\n"
    hits = list(find_case_numbers(text))
    assert [" ".join(h.text.split()) for h in hits] == ["2023-00135", "2023- 00118"]
    assert hits[1].attrs == {"register": None, "year": 2023, "serial": "00118"}


def test_register_broken_from_its_number_at_a_line_end_is_kept() -> None:
    (hit,) = find_case_numbers("Motion - Kvotflyktingar (KS\n2023-00135)\n")
    assert " ".join(hit.text.split()) == "KS 2023-00135"
    assert hit.attrs["register"] == "KS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("| 1. | Information om läget | 2025-00086 | Förslag |", "2025-00086"),
        ("2017/1135 2017-05-23\n\nMedborgarförslag om en lekplats", "2017/1135"),
        ("Kommunstyrelsen  2023-06-15  2023/0048\n", "2023/0048"),
        ("Interpellation RV181888\n", "RV181888"),
        ("Motion LTV 150060\n\nDatum", "LTV 150060"),
        ("Ärende: 2023/0048 om", "2023/0048"),
    ],
)
def test_unlabelled_number_is_read_where_it_stands_as_a_case_number(text: str, value: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "mötet 2023-06-15 kl 18.00",
        "Dnr 2023-06-15",
        "ring 0300-83 40 00",
        "enligt § 45/2023",
        "planen för 2021-2024 gäller",
        "åren 2014\u20132018",
        "SOU 2017:114 och SFS 2010:800",
        "HSLF-FS 2016:40",
        "förordning EU 2016/679",
        "prop. 2019/20:123",
        "motion 2019/20:123 om",
        "Interpellation 2016/17:193 av",
        "bifalla motion nr 16/2012 från",
        "I 2023/0048 står det som kommunen skrev i sin årliga rapport om verksamheten",
        "under 2023 kostade det 1 200 kr per invånare i kommunen, det är 2023.",
    ],
)
def test_dates_phones_ranges_sessions_and_statutes_are_not_case_numbers(text: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == []


PROSE = "Nämnden har under året arbetat vidare med frågan och redovisar här hur arbetet har gått. "


def test_bare_number_in_running_text_needs_a_reason() -> None:
    once = PROSE * 5 + "Kostnaden blev enligt nämndens beräkning 2023-00118 kronor för hela året.\n"
    assert [h.text for h in find_case_numbers(once)] == []
    twice = once + PROSE + "Nämnden hänvisar till 2023-00118 som redan nämnts i beräkningen.\n"
    assert [h.text for h in find_case_numbers(twice)] == ["2023-00118"]


def test_bare_number_in_a_short_line_at_the_top_is_a_header_number() -> None:
    text = "Kommunstyrelsen 2023/0048\n\n" + PROSE * 5 + "Ett år som 2024/0031 i texten är inget ärende."
    assert [(h.text, h.rule) for h in find_case_numbers(text)] == [("2023/0048", "case_numbers:header")]


def test_bare_form_of_a_registered_number_is_another_form_of_it() -> None:
    text = "Ärendet (KS 2023-00118) gäller. Nämnden yttrade sig om 2023-00118 i juni."
    assert [h.text for h in find_case_numbers(text)] == ["KS 2023-00118", "2023-00118"]


def test_party_after_a_number_is_not_its_register() -> None:
    (hit,) = find_case_numbers("Dnr 2023/0048 SD\n")
    assert hit.text == "2023/0048"
    assert hit.attrs["register"] is None


@pytest.mark.parametrize(
    ("value", "register", "year", "serial"),
    [
        ("KS-2023-00118", "KS", 2023, "00118"),
        ("VO\u20132023-00206", "VO", 2023, "00206"),
        ("2023/0048 KS", "KS", 2023, "0048"),
        ("LTV 150060", "LTV", 2015, "0060"),
        ("RS 2019-1234", "RS", 2019, "1234"),
        ("2023- 00118", None, 2023, "00118"),
        ("2010/94.10", None, 2010, "94.10"),
        ("KS 19/0123", "KS", 2019, "0123"),
    ],
)
def test_every_form_is_parsed_into_register_year_and_serial(
    value: str, register: str | None, year: int, serial: str
) -> None:
    assert parse_case_number(value) == {"register": register, "year": year, "serial": serial}


def test_every_hit_names_the_rule_that_accepted_it() -> None:
    text = "Dnr 2023/0012\n\n| Ärende | 2025-00086 |\n\n(KS 2023/0048)"
    rules = [h.rule for h in find_case_numbers(text)]
    assert rules == ["case_numbers:dnr-label", "case_numbers:cell", "case_numbers:register-form"]


@pytest.mark.parametrize(
    ("text", "value", "register", "year", "serial"),
    [
        ("Dnr Ks 2023/12 gäller", "Ks 2023/12", "Ks", 2023, "12"),
        ("Ärendenr: 4567\n", "4567", None, None, None),
        ("Dnr: KFN-123 Bygglov", "KFN-123", "KFN", None, None),
    ],
)
def test_whatever_stands_after_a_label_is_read_as_the_number(
    text: str, value: str, register: str | None, year: int | None, serial: str | None
) -> None:
    (hit,) = find_case_numbers(text)
    assert (hit.text, hit.attrs["register"], hit.attrs["year"], hit.attrs["serial"]) == (
        value,
        register,
        year,
        serial,
    )
    assert hit.rule == "case_numbers:dnr-label"


@pytest.mark.parametrize("text", ["Dnr 2023-06-15", "Dnr SOU 2019:12", "Dnr: Motion 12"])
def test_a_date_a_statute_or_a_word_after_a_label_is_not_read_as_the_number(text: str) -> None:
    assert list(find_case_numbers(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Beslut RS 1234-2025 om vården", "RS 1234-2025"), ("enligt KS 123/2019 avser", "KS 123/2019")],
)
def test_a_register_before_a_serial_and_a_year_makes_a_case_number(text: str, value: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == [value]


def test_a_register_before_a_short_year_and_serial_makes_a_case_number() -> None:
    (hit,) = find_case_numbers("beslut i KS 16/123 om parken")
    assert (hit.text, hit.attrs["register"], hit.attrs["year"], hit.attrs["serial"]) == (
        "KS 16/123",
        "KS",
        2016,
        "123",
    )


def test_a_serial_before_a_year_after_a_case_word_is_a_case_number_but_a_motion_number_is_not() -> None:
    assert [h.text for h in find_case_numbers("ärende 123/2016 gäller parken")] == ["123/2016"]
    assert list(find_case_numbers("motion nr 16/2012 avslogs")) == []


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        # Region Västerbotten's meeting portal: a register, serial:document and year.
        ("Motion om tandvård\nRS 269:1-2020\n", "RS 269:1-2020", "register-form"),
        # The same portal's text with its line breaks lost: the next heading glued on.
        ("Interpellation om vården RS 912-2025Motion nr 1-2026 från", "RS 912-2025", "register-form"),
        # A short year, a register and a serial in parentheses after a title (Motala).
        ("Mål och resursplan 2019 (18/KS 0068)", "18/KS 0068", "register-form"),
        # A register in lower case after a label.
        ("Interpellation om skolan, dnr ks 2016/123", "ks 2016/123", "dnr-label"),
        # A bare number in parentheses after a title, anywhere in the text.
        (PROSE * 6 + "Motionen om parken (2016/45) avslogs.", "2016/45", "paren"),
        # A bare number ending a line that opens with a case word (Ängelholm's lists).
        (PROSE * 6 + "\nMotion från Eva Ek (S) om parken 2010/305\n", "2010/305", "title"),
    ],
)
def test_more_written_forms_stand_as_case_numbers(text: str, value: str, rule: str) -> None:
    assert [(h.text, h.rule) for h in find_case_numbers(text)] == [(value, f"case_numbers:{rule}")]


def test_rows_below_a_header_ending_in_dnr_end_in_their_numbers() -> None:
    text = (
        PROSE * 6
        + "\n§ Ärendebeskrivning Dnr.\n\n107 Val av justerare 2020/1\n\n"
        + "108 Godkännande av dagordningen 2020/2\n\n109 Information om skolan 2021/71\n"
    )
    hits = [(h.text, h.rule) for h in find_case_numbers(text)]
    assert hits == [(v, "case_numbers:column") for v in ("2020/1", "2020/2", "2021/71")]


@pytest.mark.parametrize(
    "text",
    [
        "Lag (2014:899) om kommunala markanvisningar gäller.",
        PROSE * 6 + "Planen gäller (2019-2022) och budgeten (2019/20).",
        PROSE * 6 + "Motion om budgeten för 2019/2020\n",
        "dnr är 2016-06-12 i",
        "§ Ärendebeskrivning Dnr.\n\n107 Val av justeringspersoner",
        "KS 2023/0048SD",
    ],
)
def test_statutes_ranges_sessions_and_row_numbers_stay_out(text: str) -> None:
    assert [h.text for h in find_case_numbers(text)] == []


@pytest.mark.parametrize(
    ("value", "register", "year", "serial"),
    [("RS 269:1-2020", "RS", 2020, "269:1"), ("18/KS 0068", "KS", 2018, "0068")],
)
def test_new_forms_are_parsed(value: str, register: str, year: int, serial: str) -> None:
    assert parse_case_number(value) == {"register": register, "year": year, "serial": serial}


def test_a_number_in_the_cell_after_a_label_cell_of_a_table_is_the_case_number() -> None:
    hits = find_case_numbers("| Ärende | Interpellation |\n| Diarienummer | Ks 412/2023 |\n")
    assert [(h.text, h.attrs["register"], h.attrs["year"], h.attrs["serial"]) for h in hits] == [
        ("Ks 412/2023", "Ks", 2023, "412")
    ]


@pytest.mark.parametrize(
    ("text", "value", "register", "year", "serial"),
    [
        ("Motionen (dnr 2016/KS0412) bifölls.", "2016/KS0412", "KS", 2016, "0412"),
        ("Dnr 08/KS/173", "08/KS/173", "KS", 2008, "173"),
    ],
)
def test_a_register_glued_between_year_and_serial_is_read(
    text: str, value: str, register: str, year: int, serial: str
) -> None:
    """'2016/KS0412' and '08/KS/173': the register stands between year and serial with no
    space or with a slash on both sides."""
    (found,) = find_case_numbers(text)
    assert found.text == value
    assert parse_case_number(value) == {"register": register, "year": year, "serial": serial}


@pytest.mark.parametrize(
    ("text", "value", "serial"),
    [
        ("3. Motion från Eva Ek (C) om bryggorna, BUN0312/21\n", "BUN0312/21", "0312"),
        ("Ärendet KS 0077/21 behandlas i maj.", "KS 0077/21", "0077"),
    ],
)
def test_a_register_and_serial_before_a_short_year_are_read_without_a_label(
    text: str, value: str, serial: str
) -> None:
    """'BUN0312/21': a register before a zero-padded serial and the year's last two digits."""
    (found,) = find_case_numbers(text)
    assert found.text == value
    assert parse_case_number(value)["year"] == 2021
    assert parse_case_number(value)["serial"] == serial


def test_a_party_mark_before_a_serial_and_a_short_year_is_no_register() -> None:
    assert list(find_case_numbers("Ordet gick till SD 123/45 i debatten.")) == []


def test_a_row_number_under_a_header_rows_last_column_label_is_no_case_number() -> None:
    text = (
        "Föredragningslista\n\nNr  Ärende                                         Diarienummer\n\n"
        "1   Val av justerare\n\n2   Taxa för torghandel                            KS 2025/40\n"
    )
    assert [hit.text for hit in find_case_numbers(text)] == ["KS 2025/40"]


def test_a_label_alone_on_its_line_still_gives_the_number_below() -> None:
    assert [hit.text for hit in find_case_numbers("Dnr\n4567\n\nMotion om bänkar\n")] == ["4567"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.  Delårsrapport för Hjo kommun\n    Ks 812/2024\n", "Ks 812/2024"),
        ("Beslut i ärende Tn 2020-0311.", "Tn 2020-0311"),
    ],
)
def test_a_register_in_title_case_before_a_number_is_read(text: str, value: str) -> None:
    assert [hit.text for hit in find_case_numbers(text)] == [value]


def test_a_short_word_in_title_case_before_a_number_is_no_register() -> None:
    assert [hit.text for hit in find_case_numbers("Se 2019/20 och Nr 12/2019 i bilagan.")] == []


@pytest.mark.parametrize(
    ("text", "value", "register", "year"),
    [
        ("Region Norrland          Diarienummer: 21RS0932\n", "21RS0932", "RS", 2021),
        ("Sörby kommun\nDnr 09KS317\n", "09KS317", "KS", 2009),
    ],
)
def test_a_short_year_glued_to_a_register_and_serial_after_a_label(
    text: str, value: str, register: str, year: int
) -> None:
    [hit] = find_case_numbers(text)
    assert (hit.text, hit.attrs["register"], hit.attrs["year"]) == (value, register, year)


@pytest.mark.parametrize(
    "line",
    [
        "Bordlagd interpellation 2016:33 av Anna Berg (V) om nattbussarna",
        "Medborgarförslag nr 15/2013 – Fler bänkar längs ån.",
        "Motion 2019/0045 om skolmaten, väckt av Per Ek (C)",
    ],
)
def test_a_documents_running_number_after_its_kind_word_is_no_case_number(line: str) -> None:
    # a series' own numbering ('interpellation 2016:33'); a register makes it a case number
    assert [hit.text for hit in find_case_numbers(f"Ärenden i fullmäktige\n\n{line}\n")] == []


def test_a_registered_number_after_a_kind_word_is_still_a_case_number() -> None:
    text = "Ärenden i fullmäktige\n\nMotion KS 2021/318 om skolmaten, väckt av Per Ek (C)\n"
    assert [hit.text for hit in find_case_numbers(text)] == ["KS 2021/318"]
