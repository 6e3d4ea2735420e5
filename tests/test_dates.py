"""Which date is a document's own: a date line beats dates in prose; a parliamentary
session number dates a bare day and month ('Inkom den 30 januari')."""

from __future__ import annotations

import pytest

import radsdok
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


def test_the_session_of_the_turn_of_the_century_is_written_with_four_digits() -> None:
    text = "den 2 december\n\nInterpellation 1999/2000:129 av Per Ek (c) till statsministern\n\nVarför?"
    assert date_of(text) == "1999-12-02"
    text = "den 28 januari\n\nInterpellation 1999/2000:206 av Per Ek (m) till statsrådet\n\nVarför?"
    assert date_of(text) == "2000-01-28"


def test_no_date_when_only_prose_dates_and_no_session() -> None:
    assert date_of("Motion om parker\n\n" + PROSE) is None


# A protocol extract: the meeting date under "Datum", then the motion it handles, dated
# earlier, in the list of documents the decision rests on.
EXTRACT = (
    "MORA KOMMUN                SAMMANTRÄDESPROTOKOLL        1 (1)\n"
    "Kommunstyrelsen\nDatum\n2024-03-12\n\n"
    "§ 41                       Dnr KS 2024-00077\n"
    "Motion om fler parkbänkar\n\nBeslut\nKommunstyrelsen remitterar motionen.\n\n"
    "Beslutsunderlag\nMotion från Erik Ström (C) om fler parkbänkar, 2024-01-30\n"
    "Tekniska nämnden 2024-02-20\n"
)


def test_a_protocols_meeting_date_beats_the_dates_of_its_documents() -> None:
    assert date_of(EXTRACT) == "2024-03-12"


def test_a_meeting_date_line_labelled_sammantradesdatum_before_a_paragraph() -> None:
    text = "Protokollsutdrag\nSammanträdesdatum 2023-06-15\n\n§ 88\nMotion\n\nBeslut\nAvslag.\n" + PROSE
    assert date_of(text) == "2023-06-15"


def test_a_sammantrade_line_heads_a_meeting_page() -> None:
    assert date_of("Sammanträde 2022-10-03\n\nÄrende 1 Budget\n" + PROSE) == "2022-10-03"


def test_a_bare_date_under_a_protocol_head_is_the_meeting_date() -> None:
    text = (
        "SAMMANTRÄDESPROTOKOLL\nKommunfullmäktige\n2005-04-18\n\n"
        "§ 12\nInterpellationer\n(KS 2005-03-01, § 9)\n"
    )
    assert date_of(text) == "2005-04-18"


def test_a_submission_label_beats_the_meeting_the_text_is_for() -> None:
    text = "Yrkande\n\nKommunfullmäktige 2023-09-25\nInlämnat datum: 2023-09-20\n\nVi yrkar bifall.\n"
    assert date_of(text) == "2023-09-20"


def test_an_answer_is_dated_by_its_signature_not_by_the_questions_submission() -> None:
    text = (
        "Svar på enkel fråga\n\nInlämnad: 2024-01-10\n\nSvaret är ja.\n\nBoden 2024-02-01\n\nEva Lind (S)\n"
    )
    assert date_of(text) == "2024-02-01"


def test_a_place_date_signature_with_day_slash_month() -> None:
    text = (
        "Motion om cykelvägar\n\n"
        + PROSE
        + "\n\nVi föreslår att fler byggs.\n\nLiberalerna i Eksjö 3/11 2015\n"
    )
    assert date_of(text) == "2015-11-03"


def test_a_place_den_date_in_words_beats_an_earlier_date_in_prose() -> None:
    text = (
        "Interpellation om badhuset\n\nBadhuset stängde den 2 juni 2023 för renovering.\n\n"
        "Hur länge dröjer det?\n\nTranås den 14 augusti 2023\n\nAnna Berg (KD)\n"
    )
    assert date_of(text) == "2023-08-14"


def test_an_abbreviated_month_is_a_date() -> None:
    assert date_of("Motion om torget\n\nHöör 5 sept. 2019\n\nKarl Ek (M)\n") == "2019-09-05"


def test_a_spaced_date_signature() -> None:
    assert date_of("Interpellation\n\nVarför?\n\nDanderyd 2001 11 05\n") == "2001-11-05"


def test_a_published_date_only_when_nothing_else_dates_the_page() -> None:
    assert date_of("Nyheter\nPublicerad 2024-05-14\n\nTre motioner lämnades in.\n") == "2024-05-14"
    text = "Interpellation om skolan\nUppdaterad 2024-05-20\n\nVarför?\n\nPiteå 2024-05-02\n"
    assert date_of(text) == "2024-05-02"


def test_a_date_in_a_list_of_documents_is_not_the_documents_own() -> None:
    text = "Tjänsteskrivelse\n\nBeslutsunderlag\nMotion från Per Ek (V), 2022-01-04\n"
    assert date_of(text) is None


def test_a_summer_day_in_a_session_falls_in_its_second_year() -> None:
    text = "Interpellation 2006/07:663 av Per Ek (v)\n\nden 10 augusti\n\nVarför?"
    assert date_of(text) == "2007-08-10"


def test_a_sentence_opening_with_a_weekday_and_date_is_prose_not_a_signature() -> None:
    text = (
        "Interpellation om inbrott\n\nTisdagen den 4 mars 2014 kl. 22.10 bröt sig någon in i "
        "fritidsgården vid torget och förstörde det mesta av inredningen.\n\nVad gör kommunen?\n"
    )
    assert date_of(text) is None


def test_a_long_place_date_signature_line_still_dates_the_document() -> None:
    text = "Motion om bussar\n\n" + PROSE + "\n\nVänsterpartiet i Upplands Väsby, den 3 oktober 2022\n"
    assert date_of(text) == "2022-10-03"


def test_a_prose_sentence_naming_a_deadline_is_no_publishing_date() -> None:
    text = (
        "Beslut\n\nKommunstyrelsen föreslår att utvärderingen rapporteras till fullmäktige senast "
        "den 30 september 2018 och att arbetet inleds snarast.\n"
    )
    assert date_of(text) is None


def test_an_iso_date_written_with_dots_dates_the_signature() -> None:
    text = "Motion om cykelvägar\n\nFler behövs.\n\natt bygga dem\n\nEskilstuna 2023.01.09\n\nAnna Ek (L)\n"
    found = find_date(text)
    assert found is not None and found.text == "2023-01-09"
    assert text[found.start : found.end] == "2023.01.09"


def test_a_two_digit_year_after_the_place_dates_an_older_letter() -> None:
    found = find_date("Motion om parken\n\natt rusta parken\n\nKalmar 98-03-12\n\nAnna Ek (fp)\n")
    assert found is not None and found.text == "1998-03-12"


def test_a_day_and_month_with_a_two_digit_year_after_a_dash_is_a_date() -> None:
    found = find_date("Enkel fråga\n\nVarför stänger badet?\n\nEksjö den 3/4 -02\n\nAnna Ek (m)\n")
    assert found is not None and found.text == "2002-04-03"


def test_a_case_number_shaped_like_a_short_date_is_no_date() -> None:
    assert find_date("Motion\n\nDnr KS 98-03-12\n\nText om parken.\n") is None


def test_a_date_in_its_own_column_of_a_letterhead_dates_the_document() -> None:
    """A letterhead converted from a PDF keeps its columns as wide gaps: the date standing
    alone in its column is the document's, though the line is long; a date inside a
    sentence of a long line still is not."""
    head = "Mora kommun                                        2022-03-14          Dnr KS 2022/0112\n\n"
    body = "Förvaltningen har gått igenom förslaget som kom in 2021-11-02 och föreslår avslag.\n"
    assert date_of(head + body) == "2022-03-14"
    assert date_of("Mora kommun\n\n" + body) is None
    table = "| Till | Från | Datum |\n|---|---|---|\n| Kommunstyrelsen | Eva Ek (C) | 2022-04-01 |\n\n"
    assert date_of(table + body) == "2022-04-01"


def test_a_date_label_in_a_letterhead_column_dates_the_report() -> None:
    text = (
        "HJO KOMMUN                                        TJÄNSTESKRIVELSE\n"
        "Kultur- och fritidsförvaltningen                  Datum: 2021-09-14\n"
        "Handläggare: Eva Ek                               Dnr: KS 2021/40\n\n"
        "Medborgarförslag om bänkar\n\n"
        "Ett medborgarförslag inkom den 2 mars 2021 om bänkar längs strandpromenaden.\n"
    )
    assert find_date(text).text == "2021-09-14"


def test_a_meeting_date_in_a_letterhead_column_does_not_date_the_interpellation() -> None:
    text = (
        "Hjo kommun\n"
        "Kommunfullmäktige                                 Sammanträde 2021-10-28\n\n"
        "Interpellation om bänkarna\n\n"
        "När kommer bänkarna?\n\n"
        "Hjo den 12 oktober 2021\n\nEva Ek (C)\n"
    )
    assert find_date(text).text == "2021-10-12"


def test_a_list_of_motions_is_dated_by_its_page_not_by_an_entry() -> None:
    text = (
        "Motioner under beredning\n\n"
        "Motion om belysning i Sörbyparken\nEva Ek (C)\nVäckt: 2021-03-22\nStatus: Under beredning\n\n"
        "Motion om pendlarparkeringar\nNils Falk (MP)\nVäckt: 2021-05-31\nStatus: Besvarad 2021-09-27\n\n"
        "Senast uppdaterad: 14 oktober 2021\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert doc.date == "2021-10-14"


def test_a_motion_keeps_its_own_date_over_its_web_pages_update_line() -> None:
    text = (
        "Motion om bänkar\n\nTill kommunfullmäktige i Hjo\n\nBänkarna behövs.\n\n"
        "Jag yrkar att bänkar ställs ut.\n\nHjo den 3 mars 2021\n\nEva Ek (C)\n\n"
        "Sidan uppdaterades 2021-06-01\n"
    )
    assert radsdok.parse_text(text).date == "2021-03-03"


EFORSLAG_PAGE = (
    "Fler bänkar vid ån - E-förslag - Hjo kommun\n\nStart / Påverka / E-förslag\n\n"
    "Fler bänkar vid ån\n\nStatus: Röstning avslutad\nSkapat av: Petra Sund\nPublicerat: 2021-04-11\n"
    "Sista dag att rösta: 2021-07-10\nAntal röster: 214\n\nBeskrivning\n\n"
    "Längs ån finns nästan inga bänkar, och många äldre orkar inte gå hela promenaden.\n\n"
    "Jag föreslår att kommunen ställer ut tio nya bänkar längs ån.\n\n"
    "Kommentarer (2)\nEva E, 2021-04-20: Bra förslag!\nNils F, 2021-05-02: Håller med.\n"
)


def test_an_eforslag_is_dated_by_the_day_it_was_published_and_signed_by_its_creator() -> None:
    doc = radsdok.parse_text(EFORSLAG_PAGE)
    assert doc.kind == "medborgarforslag"
    assert doc.date == "2021-04-11"
    assert [a.name for a in doc.authors] == ["Petra Sund"]


def test_readers_comments_date_nothing() -> None:
    text = (
        "Motion om bänkar\n\nTill kommunfullmäktige i Hjo\n\nBänkarna behövs vid ån och i parken.\n\n"
        "Jag yrkar att bänkar ställs ut.\n\nEva Ek (C)\n\n" + "Ån är fin men bänkarna saknas. " * 30 + "\n\n"
        "3 kommentarer\n\nNils F\n2021-05-02\nHåller med.\n"
    )
    assert radsdok.parse_text(text).date is None


LIST_PAGES = {
    # the kind in the plural with a year titles a list, its rows set in columns, not a table
    "years-list-title": (
        "SÖRBY KOMMUN\nHem | Politik | Motioner\n\n"
        "Motioner väckta i kommunfullmäktige 2019\n\n"
        "Dnr         Motion                               Väckt        Status\n"
        "KS 19/011   Motion om fler parkbänkar            2019-02-11   Bifallen\n"
        "KS 19/054   Motion om gratis simskola            2019-05-20   Under beredning\n\n"
        "Senast uppdaterad: 2019-12-02\n",
        "2019-12-02",
    ),
    # 'Våra motioner och frågor …': a heading in the plural titles a page about documents
    "plural-heading": (
        "Vänsterpartiet i Sörby\n\nStart | Politik | Kontakt\n\n"
        "Våra motioner och frågor i fullmäktige\n\n"
        "Här finns det vi har lämnat in under mandatperioden.\n\n"
        "Motion: Gratis simskola för alla sjuåringar (2021-02-11) – Bifallen\n"
        "Enkel fråga: Varför stängde fritidsgården i Norrby? (2021-05-20) – Besvarad\n\n"
        "Senast uppdaterad 2022-01-17\n",
        "2022-01-17",
    ),
}


@pytest.mark.parametrize("page", sorted(LIST_PAGES))
def test_a_page_titled_as_a_list_of_documents_is_dated_by_its_update_line(page: str) -> None:
    # each entry's date is that document's; the page's own is its update line
    text, day = LIST_PAGES[page]
    document = radsdok.load("blank").parse_text(text)
    assert (document.kind, document.date) == ("other", day)


@pytest.mark.parametrize(
    ("byline", "day"),
    [
        ("Av Maja Lindgren, gruppledare · 3 februari 2025 · Lästid 2 min", "2025-02-03"),
        ("Postat av Maja Lindgren, 26 februari 2010 kl 08:12", "2010-02-26"),
    ],
)
def test_a_posts_byline_dates_the_post(byline: str, day: str) -> None:
    # a blog post or news item is dated by its byline: the date set off by a middle dot or a
    # bar beside the writer's name, or on a 'Postat av …' line
    text = (
        "Vänsterpartiet i Sörby\n\nFärjorna är vår landsväg\n\n" + byline + "\n\n"
        "I veckan debatterade fullmäktige färjetrafiken, och flera partier ville se fler "
        "turer under sommaren än vad som nu planeras av regionen.\n"
    )
    assert date_of(text) == day


def test_an_answer_is_dated_by_its_signature_not_the_meeting_in_its_header() -> None:
    text = (
        "Kommunfullmäktige 2019-10-28\n\n"
        "Svar på interpellation från Eva Ek (C) om simhallen\n\n"
        "Eva Ek har frågat mig: När öppnar simhallen igen?\n\n"
        "Svar\n\n"
        "Simhallen öppnar den 1 december efter renoveringen.\n\n"
        "Sörby den 21 oktober 2019\n\nBo Lind (S)\nOrdförande i kultur- och fritidsnämnden\n"
    )
    document = radsdok.load("blank").parse_text(text)
    assert (document.kind, document.date) == ("svar", "2019-10-21")


def test_a_list_items_date_is_no_posts_byline() -> None:
    background = "\n\n".join(f"Stycke {n} om simhallen och dess långa historia i kommunen." for n in range(8))
    text = (
        "Motion om simhallen\n\n" + background + "\n\nSimhallens senaste år:\n\n"
        "• 2020-09-01 stängd för renovering\n• 2021-01-15 åter öppnad\n\n"
        "Vi föreslår att kommunen bygger en ny simhall.\n\nEva Ek (C)\n2021-04-06\n"
    )
    assert date_of(text) == "2021-04-06"


PORTAL_ITEM_WITH_A_QUESTION = (
    "Sörby kommun\nSammanträdeskalender › Kommunfullmäktige › 2024-10-13 › Ärende 6\n\n"
    "Kommunfullmäktige\nDatum: 2024-10-13\nTid: 18:30\nPlats: Stadshuset\n\n"
    "Ärende 6\nFrågor\n\nBeslutsunderlag\nEnkel fråga om elljusspåret (pdf, 40 kB)\n\n"
    "Enkel fråga till kultur- och fritidsnämndens ordförande\n\n"
    "Belysningen i elljusspåret vid Norrvallen har varit släckt i tre veckor, och många som "
    "motionerar efter jobbet har fått ge upp sina rundor när det blir mörkt.\n\n"
    "När lagas belysningen?\n\nSörby 2024-09-29\n\nMaja Lind (C)\n"
)


def test_a_papers_own_signature_date_beats_the_meetings_date_on_a_portal_page() -> None:
    # 'Datum:' over 'Tid:' and 'Plats:' dates the meeting; the question signed 'Sörby 2024-09-29'
    # below the list of attachments is dated by its signature
    hit = find_date(PORTAL_ITEM_WITH_A_QUESTION)
    assert hit is not None and hit.text == "2024-09-29"


def test_a_protocol_is_still_dated_by_its_meeting() -> None:
    text = (
        "PROTOKOLL\nKommunfullmäktige\nDatum: 2024-10-13\nTid: 18:30\nPlats: Stadshuset\n\n"
        "§ 12 Motion om lekplatser\n\nKommunfullmäktiges beslut\nMotionen bifalls.\n\n"
        "Justerat Sörby 2024-10-20\n"
    )
    hit = find_date(text)
    assert hit is not None and hit.text == "2024-10-13"


def test_a_long_entry_in_a_reference_list_keeps_the_list_a_list() -> None:
    text = (
        "Tjänsteskrivelse\n\nSvar på motion om cykelbanor\n\n"
        "Förvaltningen föreslår att motionen anses besvarad.\n\n"
        "Umeå 2019-05-02\nEva Ek\nStadsbyggnadschef\n\n"
        "Beslutsunderlag\nMotion från Bo Ask (V) om fler och bättre cykelbanor i centrala Umeå, längs älven "
        "och mellan stadsdelarna Ersboda och Ålidhem\nTjänsteskrivelse 2019-03-12\n"
    )
    hit = find_date(text)
    assert hit is not None and hit.text == "2019-05-02"


@pytest.mark.parametrize(
    "head",
    [
        "Plats och tid Medborgarhuset, Strömsund, torsdagen den 9 juni 2016, kl 09.00–15.30",
        "Plats och tid: Medborgarhuset, Strömsund, 2016-06-09 kl 09.00",
        # a converter's flattened head: the label mid-line after the page's own header
        "1 STRÖMSUNDS KOMMUN PROTOKOLL 1(12) Tid och plats Medborgarhuset, torsdagen den 9 juni 2016",
    ],
)
def test_a_protocols_time_and_place_line_dates_the_meeting_however_long(head: str) -> None:
    text = (
        "SAMMANTRÄDESPROTOKOLL\nSocialnämnden\n\n"
        f"{head}\n\nBeslutande Eva Lund, ordförande\n\n"
        "§ 12 Budget 2017\n\nBeslut\n\nNämnden godkänner förslaget till budget.\n"
    )
    assert str(radsdok.parse_text(text).date) == "2016-06-09"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Östby 20240302", "2024-03-02"),
        ("Östby 240302", "2024-03-02"),
        ("Inlämnad till kommunfullmäktige 240302", "2024-03-02"),
        ("Rapport från kommunfullmäktige – 240302", "2024-03-02"),
    ],
)
def test_a_date_written_as_digits_run_together_is_read(line: str, expected: str) -> None:
    assert date_of("Motion om parker\n\n" + line + "\n\nKommunen behöver fler parker.\n") == expected


def test_six_digits_inside_a_line_or_an_amount_are_no_date() -> None:
    assert date_of("Motion om parker\n\nParken kostar 240302 kronor att bygga.\n\nBudget 100000\n") is None


def test_a_place_and_date_in_a_letterheads_right_column_is_the_documents_date() -> None:
    text = (
        "Motion om parker\n\n  Ställd till Östby kommunfullmäktige                     Östby 2024-03-02\n\n"
        + PROSE
    )
    assert date_of(text) == "2024-03-02"


def test_an_e_proposals_start_date_over_its_value_beats_its_end_date() -> None:
    text = (
        "Fler bänkar i parken\n\nJag föreslår att kommunen ställer ut fler bänkar i parken.\n\n"
        "Förslagsställare\n\nSara Holm\n\nStartdatum\n\n2024-03-02\n\nSlutdatum\n\n2024-06-02\n"
    )
    assert date_of(text) == "2024-03-02"
