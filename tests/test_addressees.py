"""Addressees: which documents have them, and where they are written (a heading, a "Till"
line, an intro phrase, the subject of a question). All texts are invented."""

from __future__ import annotations

import pytest

import radsdok
from radsdok.components.addressees import find_addressees

BODY = (
    "Under hösten har flera busslinjer i kommunen dragits in utan att resenärerna fått veta "
    "varför. Många äldre har nu svårt att ta sig till vårdcentralen.\n\n"
    "1. Hur tänker du se till att linjerna återinförs?\n\n"
    "Nils Ekström (V)\n"
)


def addressees(text: str) -> list[tuple[str | None, str | None]]:
    return [(h.text or None, h.attrs.get("role")) for h in find_addressees(text)]


def parsed(text: str) -> radsdok.Document:
    return radsdok.load("blank").parse_text(text)


def test_several_named_addressees_each_keep_the_role_written_before_them() -> None:
    head = (
        "Interpellation till kommunstyrelsens ordförande Greta Lind (M) och kommunalrådet Olof Sjö (KD)\n\n"
    )
    assert addressees(head + BODY) == [
        ("Greta Lind", "kommunstyrelsens ordförande"),
        ("Olof Sjö", "kommunalrådet"),
    ]


def test_several_named_addressees_each_keep_the_role_written_after_them() -> None:
    head = (
        "Enkel fråga till Greta Lind (M), ordförande i kommunstyrelsen, och Olof Sjö (KD), "
        "ordförande i tekniska nämnden\n\n"
    )
    assert addressees(head + BODY) == [
        ("Greta Lind", "ordförande i kommunstyrelsen"),
        ("Olof Sjö", "ordförande i tekniska nämnden"),
    ]


def test_a_bare_till_line_takes_the_addressees_on_the_lines_below() -> None:
    head = "INTERPELLATION\n\nTILL\nKOMMUNFULLMÄKTIGE I YSTAD\nSOCIALNÄMNDENS ORDFÖRANDE\n\n"
    found = find_addressees(head + BODY)
    assert [(h.attrs.get("role"), h.rule) for h in found] == [
        ("SOCIALNÄMNDENS ORDFÖRANDE", "addressees:to-line")
    ]


def test_a_heading_naming_the_asker_before_the_addressee() -> None:
    head = "Interpellation från Nils Ekström (V) till Greta Lind (M) om busslinjerna\n\n"
    assert addressees(head + BODY) == [("Greta Lind", None)]


def test_a_till_in_a_headings_topic_is_not_an_addressee() -> None:
    assert addressees("Interpellation om bidrag till föreningslivet\n\n" + BODY) == []


def test_a_parliament_heading_topic_with_till_leaves_the_byline_addressee() -> None:
    head = (
        "Interpellation 2021/22:17 Flyg till Norra Europa av Nils Ekström (V) "
        "till statsrådet Greta Lind (S)\n\n"
    )
    assert addressees(head + BODY) == [("Greta Lind", "statsrådet")]


def test_a_till_line_is_read_only_at_the_start_of_a_line() -> None:
    tail = (
        "till Greta Lind skickades samma brev som tidigare. " + "Det handlade om bussar och vägar. " * 10
    )[:300]
    line = "Sedan dess har mycket hänt i frågan och " + tail
    # A long paragraph is read for intros in its last 300 characters, which begin "till …".
    assert len(line) > 300 and line[len(line) - 300 :].startswith("till Greta")
    assert addressees(line + "\n\n" + BODY) == []


def test_intro_phrases_that_put_the_questions_to_someone() -> None:
    for intro in (
        "Mina frågor till socialnämndens ordförande är:",
        "Jag har följande frågor till socialnämndens ordförande:",
        "Jag önskar svar från socialnämndens ordförande på följande frågor:",
        "Jag undrar därför av socialnämndens ordförande:",
        "Min fråga till socialnämndens ordförande blir därför:",
    ):
        text = "Interpellation om hemtjänsten\n\nTurerna är för korta.\n\n" + intro + "\n\n" + BODY
        assert addressees(text) == [(None, "socialnämndens ordförande")], intro


def test_an_intro_ends_before_the_word_following() -> None:
    text = "Om hemtjänsten\n\nJag vill därför fråga kommunalrådet Greta Lind (S) följande:\n\n" + BODY
    assert addressees(text) == [("Greta Lind", "kommunalrådet")]


@pytest.mark.parametrize(
    "role",
    [
        "ordförande i tekniska nämnden",
        "ordförande i Kommunstyrelsens arbetsutskott",
        "KS-ordförande",
        "ansvarig nämndordförande",
        "kommunalrådet med ansvar för äldreomsorgen",
        "ordförande i Nämnden för funktionsstöd",
    ],
)
def test_chair_and_councillor_roles_are_read_whole(role: str) -> None:
    assert addressees(f"Interpellation till {role}\n\n" + BODY) == [(None, role)]


def test_a_roles_abbreviation_in_brackets_is_the_same_addressee() -> None:
    text = "Interpellation till kommunstyrelsens ordförande (KSO)\n\n" + BODY
    assert addressees(text) == [(None, "kommunstyrelsens ordförande")]


def test_a_pronoun_before_the_name_is_no_part_of_it() -> None:
    text = "Om skolan\n\nMin fråga till Dig Greta Lind är:\n\n" + BODY
    assert addressees(text) == [("Greta Lind", None)]


def test_a_role_broken_at_a_line_end_is_one_addressee_as_written_whole() -> None:
    text = (
        "Interpellation till Kultur- och Fritids- nämndens ordförande om badhuset\n\n"
        "Badhuset har varit stängt i tre månader.\n\n"
        "Därför vill jag till Kultur- och Fritidsnämndens ordförande få ställa följande fråga:\n\n" + BODY
    )
    assert addressees(text) == [(None, "Kultur- och Fritidsnämndens ordförande")]


def test_an_earlier_question_reported_in_the_past_yields_to_the_heading() -> None:
    text = (
        "Interpellation till kommunstyrelsens ordförande Greta Lind (M)\n\n"
        "I våras ställde jag en fråga till kommunalrådet Olof Sjö om busslinjerna.\n\n" + BODY
    )
    assert addressees(text) == [("Greta Lind", "kommunstyrelsens ordförande")]


def test_a_person_who_is_the_subject_of_a_question_is_the_addressee() -> None:
    text = (
        "Interpellation om busslinjerna\n\nLinjerna har dragits in.\n\n"
        "1. Hur tänker kommunalrådet Greta Lind se till att linjerna återinförs?\n\nNils Ekström (V)\n"
    )
    doc = parsed(text)
    assert [(a.name, a.role, a.evidence.rule) for a in doc.addressees] == [
        ("Greta Lind", "kommunalrådet", "addressees:question-subject")
    ]


def test_a_tjansteskrivelse_names_no_addressee() -> None:
    text = (
        "Tjänsteskrivelse\n2024-03-01\nDiarienummer KS 2024/112\n\n"
        "Svar på motion från Nils Ekström (V) och Rut Ahl (V) om busslinjerna\n\n"
        "Förslag till beslut\nKommunfullmäktige avslår motionen.\n\n"
        "Beslutet skickas till\nGreta Lind\nOlof Sjö\n\n"
        "Karin Falk\nKommundirektör\n"
    )
    doc = parsed(text)
    assert doc.kind == "tjansteskrivelse"
    assert doc.addressees == []


def test_a_motion_addressed_to_the_assembly_names_no_addressee() -> None:
    text = (
        "Motion till kommunfullmäktige\n\nTill: Greta Lind, kommunfullmäktiges ordförande\n\n"
        "Busslinjerna behövs.\n\nJag föreslår kommunfullmäktige besluta\n\n"
        "att utreda busslinjerna.\n\nNils Ekström (V)\n"
    )
    doc = parsed(text)
    assert doc.kind == "motion"
    assert doc.addressees == []


def test_an_answer_is_addressed_to_its_asker_not_to_the_one_it_was_put_to() -> None:
    text = (
        "Svar på interpellation till kommunstyrelsens ordförande från Nils Ekström (V)\n\n"
        "Interpellation till kommunstyrelsens ordförande om busslinjerna\n\n"
        "Tack för frågan. Linjerna ses över under våren och flera återinförs i augusti.\n\n"
        "Greta Lind (M)\nKommunstyrelsens ordförande\n"
    )
    doc = parsed(text)
    assert doc.kind == "svar"
    assert [(a.name, a.evidence.rule) for a in doc.addressees] == [
        ("Nils Ekström", "addressees:answered-asker")
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Interpellation till Kommunstyrelsens ordf. Greta Lind (M)",
            ("Greta Lind", "Kommunstyrelsens ordf."),
        ),
        ("Interpellation till ordf. i socialnämnden Greta Lind (M)", ("Greta Lind", "ordf. i socialnämnden")),
        ("Enkel fråga till KS ordf. Greta Lind", ("Greta Lind", "KS ordf.")),
        ("Interpellation till socialnämndens ordf.", (None, "socialnämndens ordf.")),
    ],
)
def test_an_abbreviated_chairs_full_stop_does_not_end_the_phrase(
    head: str, expected: tuple[str | None, str]
) -> None:
    assert addressees(head + "\n\n" + BODY) == [expected]


def test_a_plural_role_before_two_names_is_each_ones_role() -> None:
    head = "Interpellation till kommunalråden Greta Lind (M) och Olof Sjö (KD)\n\n"
    assert addressees(head + BODY) == [("Greta Lind", "kommunalråden"), ("Olof Sjö", "kommunalråden")]


def test_a_heading_ending_in_till_takes_the_addressee_on_the_next_line() -> None:
    for head in (
        "Interpellation till\nkommunstyrelsens ordförande Greta Lind (M)\n\n",
        "INTERPELLATION TILL:\nGreta Lind (M), kommunstyrelsens ordförande\n\n",
    ):
        assert [name for name, _ in addressees(head + BODY)] == ["Greta Lind"], head


@pytest.mark.parametrize(
    "field",
    [
        "Till: Greta Lind (M)\nKommunstyrelsens ordförande",
        "Till: Kommunstyrelsens ordförande\nGreta Lind (M)",
    ],
)
def test_a_till_field_with_name_and_role_on_two_lines_is_one_addressee(field: str) -> None:
    text = "Interpellation om busslinjerna\n\n" + field + "\n\nLinjerna har dragits in.\n\n" + BODY
    assert addressees(text) == [("Greta Lind", "Kommunstyrelsens ordförande")]


def test_a_till_field_is_not_completed_by_a_line_with_more_than_a_name() -> None:
    text = "Interpellation\n\nTill: Kommunstyrelsens ordförande\nFrån: Nils Ekström (V)\n\n" + BODY
    assert addressees(text) == [(None, "Kommunstyrelsens ordförande")]


@pytest.mark.parametrize(
    "intro",
    [
        "Jag vill därför fråga kommunalrådet Greta Lind (M):",
        "Min fråga till dig, Greta Lind, är:",
        "Därför frågar jag kommunalrådet Greta Lind (M):",
        "Jag vill därför ställa frågan till kommunalrådet Greta Lind (M):",
    ],
)
def test_intro_phrases_that_name_the_person_asked(intro: str) -> None:
    text = "Interpellation om busslinjerna\n\nLinjerna har dragits in.\n\n" + intro + "\n\n" + BODY
    assert [name for name, _ in addressees(text)] == ["Greta Lind"]


def test_fragor_till_a_responsible_councillor_is_a_role_addressee() -> None:
    text = "Frågor till ansvarigt kommunalråd\n\nLinjerna har dragits in.\n\n" + BODY
    assert addressees(text) == [(None, "ansvarigt kommunalråd")]


def test_asking_oneself_or_asking_why_names_no_addressee() -> None:
    text = (
        "Interpellation om busslinjerna\n\nFörvaltningschefen Eva Ek lovade i mars att linjerna skulle "
        "återinföras. Därför frågar jag mig varför förvaltningschefen Eva Ek inte har gjort något.\n\n" + BODY
    )
    assert addressees(text) == []


def test_an_official_named_in_the_background_is_not_an_addressee() -> None:
    text = (
        "Interpellation om busslinjerna\n\nDe frågor som ställdes till förvaltningschefen Eva Ek i mars "
        "är fortfarande obesvarade.\n\n" + BODY
    )
    assert addressees(text) == []
    head = "Interpellation till kommunalrådet Greta Lind (M) och förvaltningschefen Eva Ek\n\n"
    assert addressees(head + BODY) == [("Greta Lind", "kommunalrådet")]


def test_a_role_in_passing_yields_to_the_named_addressee() -> None:
    text = (
        "Interpellation till Greta Lind (M)\n\nLinjerna har dragits in. Jag vill därför ställa följande "
        "frågor till kommunstyrelsens ordförande:\n\n" + BODY
    )
    assert addressees(text) == [("Greta Lind", None)]


ANSWER_BODY = (
    "Linjerna ses över under våren och flera återinförs i augusti.\n\n"
    "Greta Lind (M)\nKommunstyrelsens ordförande\n"
)


def test_an_answer_naming_its_asker_in_the_genitive_is_addressed_to_the_asker() -> None:
    doc = parsed("Svar på Nils Ekströms (V) interpellation om busslinjerna\n\n" + ANSWER_BODY)
    assert [(a.name, a.party) for a in doc.addressees] == [("Nils Ekström", "V")]


def test_an_answer_under_a_heading_naming_its_asker_in_the_genitive_is_an_answer() -> None:
    doc = parsed("Svar på Nils Ekströms interpellation om busslinjerna\n\n" + ANSWER_BODY)
    assert doc.kind == "svar"


def test_an_answer_reported_as_given_to_the_askers_interpellation_is_addressed_to_the_asker() -> None:
    doc = parsed(
        "Busslinjerna\n\nGreta Lind, kommunstyrelsens ordförande, lämnade följande svar på Nils "
        "Ekströms interpellation om busslinjerna:\n\n" + ANSWER_BODY
    )
    assert doc.kind == "svar"
    assert [a.name for a in doc.addressees] == ["Nils Ekström"]


def test_an_answer_reporting_that_the_asker_asked_is_addressed_to_the_asker() -> None:
    doc = parsed(
        "Svar på interpellation om busslinjerna\n\n"
        "Nils Ekström (V) har frågat mig om linjerna kommer att återinföras.\n\n" + ANSWER_BODY
    )
    assert doc.kind == "svar"
    assert [(a.name, a.party) for a in doc.addressees] == [("Nils Ekström", "V")]


@pytest.mark.parametrize("label", ["Ställd till:", "Riktad till:", "Adresserad till"])
def test_a_participle_label_line_names_the_addressee_as_a_till_line_does(label: str) -> None:
    text = f"Interpellation\n\n{label} Miljönämndens ordförande\n\n" + BODY
    assert addressees(text) == [(None, "Miljönämndens ordförande")]


@pytest.mark.parametrize(
    "adverbial", ["med anledning av detta", "mot bakgrund av ovanstående", "utifrån det ovan sagda"]
)
def test_an_adverbial_between_wanting_and_asking_does_not_hide_the_addressee(adverbial: str) -> None:
    text = (
        "Interpellation om busslinjerna\n\nLinjerna har dragits in. "
        f"Jag vill {adverbial} fråga kommunstyrelsens ordförande Greta Lind (M) följande:\n\n" + BODY
    )
    assert addressees(text) == [("Greta Lind", "kommunstyrelsens ordförande")]


def test_a_page_listing_interpellations_addresses_nobody_itself() -> None:
    text = (
        "Interpellationer 2024 – Exempelstad\n\nInlämnade interpellationer till fullmäktige 2024.\n\n"
        "Hur säkras skolmaten?\nStälld av: Lova Berg (L)\nStälld till: barn- och skolnämndens ordförande\n\n"
        "Om vägarna i norr\nStälld av: Arvid Ek (M)\nStälld till: kommunstyrelsens ordförande\n"
    )
    page = radsdok.parse_text(text)
    assert page.kind == "other"
    assert page.addressees == []


def test_an_interpellation_that_also_lists_earlier_ones_keeps_its_addressee() -> None:
    text = (
        "Interpellation till kommunstyrelsens ordförande Eva Lund (S)\n\nOm vägarna i norr\n\n"
        "Vägarna i norr har inte plogats. Tidigare i frågan:\n"
        "Interpellation av Arvid Ek (M) om plogning\nInterpellation av Lova Berg (L) om sand\n\n"
        "Jag vill därför fråga Eva Lund:\n\n1. När plogas vägarna?\n2. Vem ansvarar för sandningen?\n\n"
        "Nora Alm (V)\n"
    )
    page = radsdok.parse_text(text)
    assert page.kind == "interpellation"
    assert [a.name for a in page.addressees] == ["Eva Lund"]


def test_a_role_in_the_to_line_and_its_definite_form_in_the_intro_are_one_addressee() -> None:
    text = (
        "Interpellation\n\nTill: Ordförande i kulturnämnden\nFrån: Ida Lund (V)\n\nOm biblioteket\n\n"
        "Biblioteket stänger tidigt.\n\nJag vill därför fråga ordföranden i kulturnämnden:\n\n"
        "1. Varför stänger biblioteket klockan fem?\n"
    )
    assert [(a.name, a.role) for a in parsed(text).addressees] == [(None, "Ordförande i kulturnämnden")]


def test_a_to_cell_in_a_header_table_names_the_addressee() -> None:
    text = (
        "INTERPELLATION\n\n| Till: | Ordförande i fritidsnämnden Rut Ek (M) |\n"
        "| Från: | Ali Berg (S) |\n\nOm badhuset\n\nBadhuset stänger.\n\nNär öppnar badhuset igen?\n"
    )
    assert addressees(text) == [("Rut Ek", "Ordförande i fritidsnämnden")]


def test_a_shared_word_ending_before_och_is_no_broken_word_and_the_to_line_role_stays() -> None:
    text = (
        "Interpellation\n\nTill: Ordförande i barn- och skolnämnden\nFrån: Ida Lund (V)\n\n"
        "Om skolskjutsen\n\n"
        "Bussen kommer sent.\n\nJag vill därför fråga ordföranden i barn- och skolnämnden:\n\n"
        "1. När kommer bussen i tid?\n"
    )
    roles = [(a.name, a.role) for a in parsed(text).addressees]
    assert roles == [(None, "Ordförande i barn- och skolnämnden")]


def test_an_enkel_fraga_put_to_a_chair_named_in_commas_names_the_chair() -> None:
    text = (
        "Enkel fråga om badet\n\nJag vill ställa en enkel fråga till fritidsnämndens ordförande, "
        "Rut Ek (M), om badets öppettider.\n\nBadet stänger tidigt.\n\nNär öppnar badet?\n"
    )
    assert addressees(text) == [("Rut Ek", "fritidsnämndens ordförande")]


def test_an_answer_is_addressed_to_the_asker_of_its_fraga_fran_label() -> None:
    text = (
        "Svar på enkel fråga om gatljusen\n\nFråga från: Ola Berg (SD)\nBesvaras av: Mia Lund (M)\n\n"
        "Gatljusen tänds igen i oktober.\n\nMia Lund (M)\nKommunstyrelsens ordförande\n"
    )
    page = parsed(text)
    assert page.kind == "svar"
    assert [a.name for a in page.addressees] == ["Ola Berg"]
    assert [a.name for a in page.authors] == ["Mia Lund"]


def test_an_intro_opening_a_paragraph_of_prose_questions_names_the_addressee() -> None:
    text = (
        "Interpellation om familjehem\n\n" + "Barnen flyttas för ofta mellan placeringar. " * 4 + "\n\n"
        "Därför vänder jag mig till socialnämndens ordförande Helga Ek (S) och vill ha svar på två saker. "
        "Min första fråga är hur många barn som har flyttats mer än en gång? Jag vill också veta när "
        "nämnden rekryterar fler familjehem?\n\nPer Ås (C)\n"
    )
    assert addressees(text) == [("Helga Ek", "socialnämndens ordförande")]


def test_a_role_wrapped_over_a_line_end_in_the_intro_is_read_whole() -> None:
    text = (
        "Interpellation om elevhälsan\n\nElevhälsan är ojämnt fördelad mellan skolorna i kommunen och det\n"
        "märks. Jag vill därför ställa följande frågor till kommunalrådet med ansvar för\n"
        "skolfrågor:\n\n1) Hur fördelas elevhälsan?\n\nLina Ek (V)\n"
    )
    assert addressees(text) == [(None, "kommunalrådet med ansvar för skolfrågor")]


def test_a_skrivelse_to_a_named_chair_names_the_chair() -> None:
    text = (
        "Skrivelse till kommunstyrelsens ordförande Nils Berg (S)\nfrån Moderaterna\n\nOm stadshuset\n\n"
        "Kostnaden stiger.\n\n1. Varför stiger kostnaden?\n2. När fick du veta?\n\nKarin Wall (M)\n"
    )
    assert addressees(text) == [("Nils Berg", "kommunstyrelsens ordförande")]


def test_an_answer_names_its_asker_who_has_put_questions_to_the_chair() -> None:
    text = (
        "Svar på interpellation om lokalvården\n\nGöran Lilja har i en interpellation till mig som "
        "kommunstyrelsens ordförande ställt tre frågor om upphandlingen.\n\nFråga 1: Hur många berörs?\n\n"
        "Omkring 30 personer.\n\nNybro den 2 mars 1999\n\nKarin Ek (s)\nKommunstyrelsens ordförande\n"
    )
    page = parsed(text)
    assert page.kind == "svar"
    assert [a.name for a in page.addressees] == ["Göran Lilja"]


def test_a_person_named_like_a_registered_list_is_still_a_person() -> None:
    """Valmyndigheten's register holds lists registered under a person's name; such an entry is
    left out of the shipped party list, so the common name it carries stays a name."""
    text = "Enkel fråga till regionrådet Tomas Lindström (S) om nattöppen akutmottagning\n\n" + BODY
    assert [(a.name, a.role) for a in parsed(text).addressees] == [("Tomas Lindström", "regionrådet")]


def test_an_open_letter_heading_names_its_addressee() -> None:
    """'Öppet brev till <role> <name>' addresses as 'Interpellation till …' does."""
    text = "Öppet brev till fritidsnämndens ordförande Maria Dahl (M)\n\n" + BODY
    assert addressees(text) == [("Maria Dahl", "fritidsnämndens ordförande")]


def test_an_answer_to_a_question_put_by_someone_names_the_asker_not_the_answerer() -> None:
    """'Svar på interpellation ställd av X (S) till regionrådet Y (KD)': X asked and is the
    answer's addressee; Y, who answers, is neither addressee nor second asker; and a line
    opening with the asker's name ('X (S) har frågat mig …') does not make X a signer."""
    text = (
        "Svar på interpellation ställd av Lars Holm (S) till regionrådet Maja Berg (KD) om tandvården\n\n"
        "Lars Holm (S) har frågat mig följande:\n\nVarför är köerna så långa?\n\n"
        "Köerna har kortats under hösten.\n\nMaja Berg (KD)\nRegionråd\n"
    )
    doc = parsed(text)
    assert doc.kind == "svar"
    assert [a.name for a in doc.addressees] == ["Lars Holm"]
    assert [(a.name, a.party) for a in doc.authors] == [("Maja Berg", "KD")]


def test_an_answer_to_a_motion_names_the_motions_author_as_addressee() -> None:
    text = "Svar på motion från Eva Sund (L) om papperskorgar\n\nFler korgar sätts upp i vår.\n\nOla Ek (M)\n"
    assert [a.name for a in parsed(text).addressees] == ["Eva Sund"]


def test_a_news_item_reporting_an_interpellation_addresses_no_one() -> None:
    """'Vi har lämnat in en interpellation till socialnämndens ordförande' on a news page
    reports whom the interpellation asks; the page itself asks no one."""
    text = (
        "Nyheter\n\nInterpellation om nattbemanningen\nSkrivet av Eva Ek den 2 maj 2014\n\n"
        "Vi har lämnat in en interpellation till socialnämndens ordförande om nattbemanningen. "
        "Den finns att läsa här.\n\nLäs mer »\n"
    )
    doc = parsed(text)
    assert doc.kind == "other"
    assert doc.addressees == []


def test_an_addressee_line_set_in_capitals_names_the_person() -> None:
    """A typewritten heading in capitals: the known first name and the surname after it are a
    name, the rest a role; the values come back as written."""
    text = "INTERPELLATION TILL BYGGNADSNÄMNDENS ORDFÖRANDE MAJ-BRITT LUND (C) OM BYGGLOVEN\n\n" + BODY
    assert addressees(text) == [("MAJ-BRITT LUND", "BYGGNADSNÄMNDENS ORDFÖRANDE")]


def test_an_agenda_page_listing_interpellations_addresses_no_one() -> None:
    # no heading names a kind, so the kind is counted; its entries' addressees are not its own
    text = (
        "Kommunfullmäktige 12 maj 2022 - Hjo kommun\n\n"
        "Start > Kommun och politik > Sammanträden\n\n"
        "Kommunfullmäktige 12 maj 2022\n\n"
        "Tid: Torsdag 12 maj 2022 kl. 18.00\n"
        "Plats: Stadshuset\n\n"
        "Sammanträdet direktsänds på webben. Välkommen att lyssna på debatten.\n\n"
        "Ärenden\n\n"
        "1. Val av justerare\n\n"
        "2. Anmälan av nya motioner\n"
        "Motion från Eva Ek (C) om skolskjutsar, KS 2022/101\n"
        "Motion från Nils Falk (MP) om laddplatser, KS 2022/102\n\n"
        "3. Anmälan av interpellationer\n"
        "Interpellation från Ida Berg (V) till kommunstyrelsens ordförande om simhallen, KS 2022/110\n\n"
        "Handlingar\n"
        "Kallelse.pdf\n"
        "Protokoll.pdf\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert doc.addressees == []


def test_a_party_page_describing_its_interpellations_addressees_addresses_no_one() -> None:
    text = (
        "Moderaterna i Hjo\n\nVåra interpellationer 2019–2022\n\n"
        "Interpellation om gatljusen\n"
        "Skriven av Eva Ek och ställd till tekniska nämndens ordförande. Besvarad 2020-04-18.\n\n"
        "Interpellation om simhallen\n"
        "Ställd till kommunstyrelsens ordförande. Ej besvarad.\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert doc.addressees == []


def test_a_labelled_ställd_till_field_still_names_the_addressee() -> None:
    text = (
        "Enkel fråga om busskorten\n\nStälld av: Eva Ek (L)\n"
        "Ställd till: barn- och utbildningsnämndens ordförande\n\nNär får eleverna sina busskort?\n"
    )
    doc = radsdok.parse_text(text)
    assert [a.role for a in doc.addressees] == ["barn- och utbildningsnämndens ordförande"]


def test_a_news_item_reporting_whom_an_interpellation_is_put_to_addresses_no_one() -> None:
    text = (
        "Lokalnytt\n\nBiblioteket kan få kortare öppettider\n\nPublicerad 14 mars 2018\nAv Petra Sund\n\n"
        "Socialdemokraterna har lämnat in en interpellation om biblioteket. I interpellationen, som är "
        "ställd till kultur- och fritidsnämndens ordförande Nils Falk (M), vill partiet veta om det "
        "finns planer på att stänga biblioteket.\n\n– Det stämmer inte, säger Nils Falk.\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert doc.addressees == []


ROLE_ONLY_QUESTION = (
    "Enkel fråga\n\n"
    "{head}\n\n"
    "Gång- och cykelvägen längs Sjövägen har varit avstängd sedan i våras, och barnen cyklar "
    "nu på bilvägen till skolan.\n\n"
    "Jag vill därför fråga {asked}:\n\n"
    "När öppnas cykelvägen igen?\n\n"
    "Vera Holm (C)\n"
)


@pytest.mark.parametrize(
    ("head", "asked"),
    [
        (
            "| Fritidsnämndens ordförande Rune Ask (KD) | Vera Holm (C) | 2024-05-02 |",
            "fritidsnämndens ordförande",
        ),
        (
            "Ordföranden i fritidsnämnden, Rune Ask (KD), lovade i mars en snabb lagning.",
            "fritidsnämndens ordförande",
        ),
        (
            "Fritidsnämndens ordförande Rune Ask (KD) lovade i mars en snabb lagning.",
            "ordföranden i fritidsnämnden",
        ),
    ],
)
def test_a_role_only_addressee_is_the_person_the_text_names_in_that_role(head: str, asked: str) -> None:
    document = parsed(ROLE_ONLY_QUESTION.format(head=head, asked=asked))
    assert [(a.name, a.party) for a in document.addressees] == [("Rune Ask", "KD")]
    evidence = document.addressees[0].evidence
    assert document.text[evidence.start : evidence.end] == "Rune Ask"


@pytest.mark.parametrize(
    "head",
    [
        "Förre fritidsnämndens ordförande Rune Ask (KD) lovade en ny cykelväg 2019.",
        "Fritidsnämndens ordförande Rune Ask (KD) och fritidsnämndens ordförande Lisa Berg (S) …",
        "Fritidsnämndens ordförande Vera Holm (C) ställer frågan till sin efterträdare.",
        "Vice ordförande i fritidsnämnden, Rune Ask (KD), har lovat svar.",
        "Tf. ordföranden i fritidsnämnden Rune Ask (KD) har lovat svar.",
    ],
)
def test_a_former_holder_two_holders_or_the_signer_name_no_role_only_addressee(head: str) -> None:
    document = parsed(ROLE_ONLY_QUESTION.format(head=head, asked="fritidsnämndens ordförande"))
    assert [a.name for a in document.addressees] == [None]


def test_a_name_in_a_letters_address_block_is_addressed_not_a_signer() -> None:
    text = (
        "Centerpartiet i Sörby                              Sörby 2019-04-02\n\n"
        "                                                   Till\n"
        "                                                   Kommunstyrelsens ordförande\n"
        "                                                   Bo Lind\n"
        "                                                   Sörby kommun\n\n"
        "INTERPELLATION\n\n"
        "Biblioteket i Norrby har haft stängt i tre veckor utan att någon förklarat varför.\n\n"
        "Jag vill därför fråga:\n\n"
        "1. När öppnar biblioteket igen?\n\n"
        "Med vänlig hälsning\n\n"
        "Karin Sten\n"
        "Centerpartiet\n"
    )
    document = parsed(text)
    assert [a.name for a in document.addressees] == ["Bo Lind"]
    assert [(a.name, a.party) for a in document.authors] == [("Karin Sten", "C")]


@pytest.mark.parametrize(
    ("text", "board"),
    [
        (
            "Interpellation till kultur- och fritidsnämnden om simhallens öppettider\n\n" + BODY,
            "kultur- och fritidsnämnden",
        ),
        (
            "Enkel fråga\n\nJag vill fråga Tekniska nämnden:\n\nNär lagas belysningen vid Sjövägen?\n",
            "Tekniska nämnden",
        ),
    ],
)
def test_a_board_asked_as_a_whole_is_the_addressee(text: str, board: str) -> None:
    assert addressees(text) == [(None, board)]


@pytest.mark.parametrize(
    "opening",
    [
        "Svar till Lisa Öhman (MP)\n\nTack för frågan.",
        "Lisa Öhman (MP) undrar varför lekplatsen i Sörby fortfarande är stängd.",
        "Lisa Öhman har i en interpellation till tekniska nämndens ordförande ställt frågor om lekplatsen.",
    ],
)
def test_an_answer_is_addressed_to_the_asker_its_opening_reports(opening: str) -> None:
    text = (
        "Svar på enkel fråga om lekplatsen i Sörby\n\n"
        + opening
        + "\n\nLekplatsen öppnar igen den 1 juni när de nya gungorna är på plats.\n\n"
        "Per Ek (S)\nOrdförande i tekniska nämnden\n"
    )
    document = parsed(text)
    assert document.kind == "svar"
    assert [a.name for a in document.addressees] == ["Lisa Öhman"]
    assert [a.name for a in document.authors] == ["Per Ek"]


def test_a_chair_written_both_ways_round_is_one_addressee() -> None:
    text = (
        "ENKEL FRÅGA\n\nStälld till: Ordföranden i fritidsnämnden\n\n"
        "Badplatsen vid Sjövik har saknat livräddare två somrar i rad.\n\n"
        "Jag vill därför fråga fritidsnämndens ordförande:\n\n"
        "Kommer badplatsen att ha livräddare i sommar?\n\nVera Holm (C)\n"
    )
    assert addressees(text) == [(None, "Ordföranden i fritidsnämnden")]


def test_an_answer_is_addressed_to_the_asker_who_asks_in_their_interpellation() -> None:
    text = (
        "Svar på interpellation om bostäder\n\n"
        "Lisa Öhman frågar i sin interpellation: ”Hur ska nyinflyttade hitta en bostad?”\n\n"
        "Kommunen bygger 400 nya lägenheter de kommande två åren.\n\n"
        "Per Ek (S)\nKommunstyrelsens ordförande\n"
    )
    assert [a.name for a in parsed(text).addressees] == ["Lisa Öhman"]


def test_a_bylines_addressee_ends_before_the_topic_it_introduces() -> None:
    head = (
        "Interpellation av Eva Ek (C) till kommunalrådet Bo Lind (S) angående trygghet vid "
        "Hjalmar Brantingsplatsen\n\n"
    )
    assert addressees(head + BODY) == [("Bo Lind", "kommunalrådet")]


def test_an_office_in_a_mail_header_is_no_addressee() -> None:
    text = (
        "Från: Eva Ek\nTill: Kommunkansliet Sörby\nÄmne: Enkel fråga\n\n"
        "Enkel fråga till socialnämndens ordförande Bo Lind (S)\n\n"
        "Hur lång är väntetiden till korttidsboendet?\n\nEva Ek (L)\n"
    )
    assert [a for a, _ in addressees(text)] == ["Bo Lind"]


FORWARDED_QUESTION = (
    "Från: Per Ek\nSkickat: den 16 februari 2015 08:12\nTill: Johanna Berg\n"
    "Ämne: VB: Enkel fråga till KF\n\n"
    "Hej Johanna,\nden här gick ut till gruppledarna i fredags.\n/Per\n\n"
    "From: Karin Falk [mailto:karin.falk@example.se]\nSent: Friday, February 13, 2015 3:30 PM\n"
    "To: KF-gruppledare\nSubject: Enkel fråga till KF\n\n"
    "Enkel fråga till barn- och utbildningsnämndens ordförande om vikarier\n\n"
    "Skolorna har svårt att hitta vikarier när lärare är sjuka.\n\n"
    "Kommer ordföranden att ta initiativ till en central vikariepool?\n\n"
    "Sörby den 13 februari 2015\n\nKarin Falk (KD)\n"
)


def test_a_forwarded_question_is_asked_and_signed_by_its_own_writer_not_the_mails() -> None:
    document = parsed(FORWARDED_QUESTION)
    assert [(a.name, a.role) for a in document.addressees] == [
        (None, "barn- och utbildningsnämndens ordförande")
    ]
    assert [(a.name, a.party) for a in document.authors] == [("Karin Falk", "KD")]


def test_a_memos_till_and_fran_head_is_the_documents_own() -> None:
    text = (
        "Interpellation\n\nTill: Kommunstyrelsens ordförande Bo Lind (S)\nFrån: Karin Falk (KD)\n"
        "Datum: 2022-11-10\n\nVad händer med simhallen?\n\nKarin Falk (KD)\n"
    )
    assert [a.name for a in parsed(text).addressees] == ["Bo Lind"]


def test_a_signer_who_also_sent_the_mail_keeps_their_signature() -> None:
    text = (
        "Från: Eva Ek\nSkickat: den 1 mars 2021 10:00\nTill: Kommunkansliet\nÄmne: Motion\n\n"
        "Motion om parkbänkar\n\nVi föreslår att kommunen ställer ut fler bänkar.\n\n"
        "Eva Ek (C)\nAnna Berg (C)\n"
    )
    assert [(a.name, a.party) for a in parsed(text).authors] == [("Eva Ek", "C"), ("Anna Berg", "C")]


def test_a_rule_line_inside_a_mailed_document_ends_no_cover_note() -> None:
    text = (
        "Från: Eva Ek\nSkickat: den 1 mars 2021 10:00\nTill: Bo Lind\nÄmne: Interpellation\n\n"
        "Interpellation till kommunalrådet Bo Lind (S)\n\n"
        "Simhallen har varit stängd i ett år utan besked om när den öppnar.\n\n"
        "Jag vill därför fråga kommunalrådet Bo Lind:\n\n"
        "När öppnar simhallen igen?\n\nVad kostar renoveringen?\n\n"
        "Hur informeras badgästerna?\n\nNär tas beslutet?\n\n-----\n\nEva Ek (C)\n"
    )
    document = parsed(text)
    assert [a.name for a in document.addressees] == ["Bo Lind"]
    assert [a.name for a in document.authors] == ["Eva Ek"]


def test_an_answer_to_a_board_is_no_answer_to_a_person() -> None:
    assert find_addressees("Svar till tekniska nämnden om snöröjningen\n\nText.\n", answer=True) == []


def test_a_sites_link_line_opening_with_till_addresses_no_one() -> None:
    # 'Till startsidan' is a link in the site's top menu, not a letter's 'Till …' line
    text = (
        "Sörby kommun\nTill startsidan    Lättläst    Talande webb    In English\n\n"
        "Enkel fråga om fritidsgården\n\n"
        "Ställd till: Kultur- och fritidsnämndens ordförande Bo Lind (S)\n\n"
        "Min fråga är: När öppnar gården igen?\n\nEva Ek (V)\n"
    )
    assert addressees(text) == [("Bo Lind", "Kultur- och fritidsnämndens ordförande")]


def test_an_indented_line_under_a_till_field_is_a_second_addressee() -> None:
    text = (
        "INTERPELLATION\n\n"
        "Till:     Socialnämndens ordförande Eva Ek (KD)\n"
        "          Kommunstyrelsens ordförande Bo Ask (M)\n"
        "Från:     Vänsterpartiets fullmäktigegrupp\n\n"
        "Hur länge väntar unga på försörjningsstöd?\n\nLisa Berg (V)\n"
    )
    assert addressees(text) == [
        ("Eva Ek", "Socialnämndens ordförande"),
        ("Bo Ask", "Kommunstyrelsens ordförande"),
    ]


def test_a_question_put_with_an_adjective_names_its_addressee() -> None:
    text = (
        "Enkel fråga\n\nJag vill ställa nedanstående enkla fråga till socialnämndens ordförande "
        "Anders Öhman (S) vid fullmäktiges sammanträde.\n\nHur mycket kostar den inhyrda personalen?\n\n"
        "Eva Ek (V)\n"
    )
    assert addressees(text) == [("Anders Öhman", "socialnämndens ordförande")]


def test_a_till_row_set_in_cells_still_names_its_addressee() -> None:
    text = (
        "Enkel fråga\n\nTill    Kommunalråd Anna Berg (S)    Från Bo Ask (V)\n\n"
        "Hur avser du att lösa underskottet?\n"
    )
    assert [name for name, _ in addressees(text)] == ["Anna Berg"]


@pytest.mark.parametrize("to_line", ["Till Nils Falk (V)", "Till: Nils Falk"])
def test_an_answer_sent_to_a_person_on_its_till_line_is_addressed_to_that_asker(to_line: str) -> None:
    # no 'Svar på interpellation från …' and no 'X har frågat': the letter's 'Till' line says
    text = (
        "TIDAHOLMS KOMMUN                              2021-03-02\n\n"
        "Svar på interpellation om gatubelysningen i Ekedalen\n\n"
        f"{to_line}\n\n"
        "Tack för interpellationen. Belysningen byts ut under våren och arbetet är beställt.\n\n"
        "Tidaholm den 2 mars 2021\n\nLars Ahl (M)\nKommunstyrelsens ordförande\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "svar"
    assert [(a.name, a.role) for a in doc.addressees] == [("Nils Falk", None)]
    assert [a.name for a in doc.authors] == ["Lars Ahl"]


def test_an_answers_till_line_naming_the_office_asked_is_no_asker() -> None:
    # the interpellation quoted above the answer was put to the chair, who signs the answer
    text = (
        "Svar på interpellation om gatubelysningen i Ekedalen\n\n"
        "Till kommunstyrelsens ordförande Lars Ahl (M)\n\n"
        "Tack för interpellationen. Belysningen byts ut under våren.\n\n"
        "Tidaholm den 2 mars 2021\n\nLars Ahl (M)\nKommunstyrelsens ordförande\n"
    )
    assert radsdok.parse_text(text).addressees == []


@pytest.mark.parametrize(
    "label",
    [
        "Fråga från Ola Berg (SD) till tekniska nämndens ordförande, ställd 2023-09-14:",
        "Interpellation från Ola Berg (SD) till tekniska nämndens ordförande",
    ],
)
def test_an_answer_quoting_the_question_from_its_asker_is_addressed_to_the_asker(label: str) -> None:
    # the answer restates what it answers: 'Fråga från X till Y', no colon after 'från'
    text = (
        "Svar på enkel fråga om gatljusen vid Strandvägen\n\n"
        f"{label}\nNär tänds gatljusen igen?\n\n"
        "Svar\nGatljusen tänds igen i oktober när kablarna är bytta.\n\n"
        "Mia Lund (M)\nTekniska nämndens ordförande\n"
    )
    page = parsed(text)
    assert page.kind == "svar"
    assert [(a.name, a.role) for a in page.addressees] == [("Ola Berg", None)]
    assert [a.name for a in page.authors] == ["Mia Lund"]


@pytest.mark.parametrize(
    "named",
    [
        "Anders Holm, tekniska nämndens ordförande, har lovat en plan i flera år.",
        "Anders Holm (C), tekniska nämndens ordförande, har lovat en plan i flera år.",
        "Tekniska nämndens ordförande Anders Holm (C) har lovat en plan i flera år.",
    ],
)
def test_a_role_only_addressee_takes_the_name_written_before_or_after_the_role(named: str) -> None:
    # the address line names the office; the text names its holder, before or after the role
    text = (
        "Interpellation till tekniska nämndens ordförande\n\n"
        f"Gatubelysningen i Norrby är trasig. {named}\n\n"
        "Jag vill fråga:\n\nNär lagas belysningen?\n\nSofia Ek (V)\n"
    )
    addressee = radsdok.parse_text(text).addressees[0]
    assert (addressee.name, addressee.role) == ("Anders Holm", "tekniska nämndens ordförande")
    assert addressee.evidence.rule == "addressees:role-named"
