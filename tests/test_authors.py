"""Signers and their party where the party is not written beside the name: signature lines
of every shape, names in prose and field labels, and the party gathered from the whole text."""

from __future__ import annotations

import pytest

import radsdok
from radsdok.components.authors import find_authors

BODY = "Kommunen har under lång tid arbetat med frågan och mycket återstår att göra för invånarna.\n\n"


def authors(text: str, kind: str | None = None) -> list[tuple[str | None, str | None]]:
    return [(h.text or None, h.attrs.get("party")) for h in find_authors(text, kind)]


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Kjell Ström SD Borlänge", [("Kjell Ström", "SD")]),
        ("Gustav K. R. Lindqvist (SD)", [("Gustav K. R. Lindqvist", "SD")]),
        ("Interpellanten Malin Berg (KD)", [("Malin Berg", "KD")]),
        ("Frågeställaren Malin Berg (KD)", [("Malin Berg", "KD")]),
        ("Per Sjövall, Mikael Hallberg\nVänsterpartiet", [("Per Sjövall", "V"), ("Mikael Hallberg", "V")]),
        ("Anna Berg, gruppledare (V)", [("Anna Berg", "V")]),
        ("Anna Berg\nGruppledare för Vänsterpartiet", [("Anna Berg", "V")]),
        (
            "Anna Berg\nErik Ström\nLena Dahl\nSverigedemokraterna",
            [("Anna Berg", "SD"), ("Erik Ström", "SD"), ("Lena Dahl", "SD")],
        ),
        ("Anna Berg\n\nVänsterpartiet i Vetlanda 14/10 2013", [("Anna Berg", "V")]),
        ("Anna Berg\nVänsterpartiet Helsingborg", [("Anna Berg", "V")]),
        ("För Moderaternas fullmäktigegrupp\nAnna Berg", [("Anna Berg", "M")]),
        ("Med vänlig hälsning\nLiberalerna i Lund\nAnna Berg", [("Anna Berg", "L")]),
        ("Anna Berg\n(C)", [("Anna Berg", "C")]),
        ("Anna Berg\nKD", [("Anna Berg", "KD")]),
    ],
)
def test_party_after_the_name_or_below_the_signers(signature: str, expected: list[tuple[str, str]]) -> None:
    assert authors(BODY + signature) == expected


def test_two_signers_on_one_line_without_a_separator_are_two_authors() -> None:
    assert authors(BODY + "Anita Berglund Carina Strand\n\nVänsterpartiet") == [
        ("Anita Berglund", "V"),
        ("Carina Strand", "V"),
    ]


def test_signers_set_in_columns_are_each_an_author() -> None:
    gap = " " * 25
    text = BODY + f"Patrik Holm{gap}Karin Zetterlund\nFörvaltningschef{gap}Verksamhetschef\n"
    assert authors(text, "tjansteskrivelse") == [("Patrik Holm", None), ("Karin Zetterlund", None)]


def test_a_name_with_a_role_after_a_comma_is_a_signer() -> None:
    assert authors(BODY + "Per Klarsson, ledamot i kommunfullmäktige samt skolnämnden") == [
        ("Per Klarsson", None)
    ]


def test_an_acronym_after_a_comma_in_the_signature_is_the_party() -> None:
    assert authors(BODY + "Nora den 2 maj 2024\n\nBengt Åström, NOLA") == [("Bengt Åström", "NOLA")]


def test_an_assembly_acronym_after_a_name_is_not_a_party() -> None:
    found = authors(BODY + "Nora den 2 maj 2024\n\nBengt Åström, KF")
    assert "KF" not in [party for _name, party in found]


def test_a_party_named_as_subject_of_a_demand_is_the_signers_party() -> None:
    text = BODY + "Miljöpartiet yrkar därför\n\natt kommunen bygger fler cykelbanor.\n\nLena Ekdahl"
    found = find_authors(text, "motion")
    assert [(h.text, h.attrs["party"]) for h in found] == [("Lena Ekdahl", "MP")]
    start, end, rule = found[0].attrs["party_evidence"]
    assert rule == "authors:party-subject"
    assert text[start:end] == "Miljöpartiet"


def test_two_parties_as_subjects_give_no_document_party() -> None:
    text = (
        BODY + "Miljöpartiet yrkar på fler cykelbanor. Moderaterna vill sänka skatten.\n\n"
        "att kommunen bygger fler cykelbanor.\n\nLena Ekdahl"
    )
    assert authors(text, "motion") == [("Lena Ekdahl", None)]


def test_site_header_segment_names_the_party() -> None:
    text = "Fråga om gatubelysning | Sverigedemokraterna i Ale\n\n" + BODY + "Karin Holm"
    found = find_authors(text, "fraga")
    assert [(h.text, h.attrs["party"]) for h in found] == [("Karin Holm", "SD")]
    assert found[0].attrs["party_evidence"][2] == "authors:letterhead"


def test_party_field_label_names_the_party() -> None:
    text = "Motion\nParti: Kristdemokraterna\nUtfärdare: Sven Holm\n\n" + BODY + "att något görs."
    assert authors(text, "motion") == [("Sven Holm", "KD")]


@pytest.mark.parametrize(
    "prose",
    [
        "Sara Nordin och Ali Berglund (båda KD) har den 4 mars lämnat in en motion om bussar.",
        "Sara Nordin och Ali Berglund, båda (KD) yrkar i motionen att bussarna ska gå oftare.",
        "Författare\n\nSara Nordin (KD), Ali Berglund (KD)",
    ],
)
def test_several_signers_named_in_prose_or_a_field_share_a_group_mark(prose: str) -> None:
    assert authors(prose + "\n\n" + BODY) == [("Sara Nordin", "KD"), ("Ali Berglund", "KD")]


def test_a_report_is_signed_by_officials_not_by_the_politicians_it_mentions() -> None:
    text = "Svar på motion från Eva Lund (L)\n\n" + BODY + "Anders Wik\nFörvaltningschef"
    assert authors(text, "tjansteskrivelse") == [("Anders Wik", None)]


def test_a_citizens_proposal_signer_gets_no_party_from_the_text() -> None:
    text = (
        "Medborgarförslag om en hundrastgård\n\nVi i Vänsterpartiet har länge drivit frågan.\n\n"
        + BODY
        + "Maria Holm"
    )
    assert authors(text, "medborgarforslag") == [("Maria Holm", None)]


def test_party_evidence_reaches_the_document_and_points_at_the_party() -> None:
    text = (
        "Vänsterpartiet 2024\n\nMotion om fler parkbänkar\n\n"
        + BODY
        + "att kommunen ställer ut bänkar.\n\nMaja Ek"
    )
    doc = radsdok.parse_text(text, source="m.txt")
    (author,) = doc.authors
    assert author.party == "V"
    assert author.party_evidence is not None
    assert doc.text is not None
    assert doc.text[author.party_evidence.start : author.party_evidence.end].startswith("Vänsterpartiet")


def test_writers_speaking_for_a_party_by_its_code_give_the_signers_party() -> None:
    text = "Motion om markinnehav\n\nDå kommunen köper mark anser vi från Sd att det bör utredas.\n\n" + BODY
    assert authors(text + "Peter Lund\nPaul Borg", "motion") == [("Peter Lund", "SD"), ("Paul Borg", "SD")]


@pytest.mark.parametrize("label", ["Inlämnad av:", "Av:", "Ställd av"])
def test_a_signer_named_in_a_submitted_by_field_is_an_author(label: str) -> None:
    text = f"Interpellation om skolskjutsar\n{label} Maria Lindkvist (S)\n\n" + BODY
    assert authors(text, "interpellation") == [("Maria Lindkvist", "S")]


def test_a_byline_with_m_fl_names_the_first_signer_and_the_party() -> None:
    text = "Tio förslag för demokratin\n\nMotion 2021/22:4102 av Camilla Holm m.fl. (MP)\n\n" + BODY
    assert authors(text, "motion") == [("Camilla Holm", "MP")]


def test_a_line_starting_with_av_in_a_list_of_other_documents_is_not_a_signature_field() -> None:
    text = (
        "Fråga om forskning\n\n"
        + BODY
        + "Relaterade frågor:\nav Niklas Berg (S) Förtroendet för skolan\n\n"
        + BODY
    )
    assert ("Niklas Berg", "S") not in authors(text, "fraga")


def test_a_signer_label_before_the_name_is_not_part_of_it() -> None:
    text = (
        "Motion om cykelbanor\n\nVi vill ha fler cykelbanor.\n\natt bygga två nya.\n\n"
        "Motionären Lena Borg (KD)\n"
    )
    assert authors(text, "motion") == [("Lena Borg", "KD")]


def test_a_labelled_signer_line_with_a_colon_gives_the_name_alone() -> None:
    text = "Interpellation\n\nställd av: Tove Ahl (MP) och Eva Ek (S)\n\nOm bussarna.\n\nHur blir det?\n"
    assert ("Tove Ahl", "MP") in authors(text, "interpellation")
    assert all(name is None or ":" not in name for name, _ in authors(text, "interpellation"))


def test_a_role_before_the_signers_name_is_kept_as_the_role() -> None:
    text = (
        "Enkel fråga om badhuset\n\nVarför stänger badhuset?\n\nVäxjö den 3 maj 2024\n\n"
        "Gruppledare Pia Strand (C)\n"
    )
    signers = [(h.text, h.attrs.get("party"), h.attrs.get("role")) for h in find_authors(text, "fraga")]
    assert signers == [("Pia Strand", "C", "Gruppledare")]


LIST_PAGE = (
    "Motioner 2024\n\nHär är årets motioner och var de står.\n\n"
    "Fler parkbänkar i centrum\nMotionär: Siri Holm (C)\nStatus: bereds\n\n"
    "Gratis simskola\nMotionärer: Jonas Alm (V), Ebba Ros (V)\nStatus: besvarad\n"
)


def test_a_page_listing_documents_has_none_of_their_motionarer_as_authors() -> None:
    page = radsdok.parse_text(LIST_PAGE)
    assert page.kind == "other"
    assert page.authors == []


def test_a_local_list_named_as_a_compound_is_the_signers_party() -> None:
    text = (
        "Motion om grönytor\n\nGrönytorna krymper.\n\natt kommunen tar fram en grönplan\n\n"
        "Sara Ek och Bo Lind, Fjällbygdslistan\n"
    )
    assert authors(text, "motion") == [("Sara Ek", "Fjällbygdslistan"), ("Bo Lind", "Fjällbygdslistan")]


def test_a_form_names_its_signer_under_a_label_and_the_next_field_is_not_in_the_name() -> None:
    text = (
        "Medborgarförslag\n\nVad vill du att kommunen ska göra?\nJag föreslår att kommunen "
        "sätter ut bänkar vid ån.\n\nFörslagsställare\nNamn: Greta Holm\nOrt: Gävle\n"
    )
    assert authors(text, "medborgarforslag") == [("Greta Holm", None)]


def test_a_bare_signature_takes_the_party_the_same_name_carries_in_a_header_table() -> None:
    text = (
        "# Svar på interpellation om plogning\n\n| Interpellant | Nils Ås (KD) |\n"
        "| Besvaras av | Helén Ström (S), ordförande |\n\nGatorna plogas först.\n\n"
        "Örebro den 4 december 2023\n\nHelén Ström\nOrdförande\n"
    )
    page = radsdok.parse_text(text)
    assert [(a.name, a.party) for a in page.authors] == [("Helén Ström", "S")]
    assert page.authors[0].party_evidence is not None
    assert page.authors[0].party_evidence.rule == "authors:same-name-marked"
    assert [(a.name, a.party) for a in page.addressees] == [("Nils Ås", "KD")]


def test_a_party_line_with_a_role_after_a_comma_under_the_name_is_the_signers_party() -> None:
    text = "Enkel fråga om bygglov\n\nVarför dröjer det?\n\nKarin Wall\nSocialdemokraterna, oppositionsråd\n"
    assert authors(text, "fraga") == [("Karin Wall", "S")]


def test_a_role_line_naming_the_party_after_a_comma_under_the_name_is_the_signers_party() -> None:
    text = "Enkel fråga om bygglov\n\nVarför dröjer det?\n\nMaria Ek\ngruppledare, Miljöpartiet i Lund\n"
    assert authors(text, "fraga") == [("Maria Ek", "MP")]


def test_a_kind_too_unsure_to_report_does_not_decide_the_authors() -> None:
    # one passing mention of a protocol makes a weak 'protokoll' guess; the page is reported
    # as other, and a protocol's rule (no authors) must not apply to it
    text = (
        "Bloggen\n\nI går debatterade fullmäktige cykelbanorna. Enligt mötets protokoll "
        "röstade en majoritet nej.\n\nNu fortsätter arbetet i nämnden.\n\nMaria Ek\n"
        "gruppledare, Miljöpartiet i Lund\n\nDela:  Facebook   E-post\n"
    )
    page = radsdok.parse_text(text)
    assert page.kind == "other"
    assert [(a.name, a.party) for a in page.authors] == [("Maria Ek", "MP")]


def test_two_marked_signers_joined_by_och_on_one_line_are_both_authors() -> None:
    text = (
        "Interpellation om bussarna\n\nVarför går inga bussar?\n\nSala den 8 november 1999\n\n"
        "Åke Lund (c) och Berit Sjö (c)\n"
    )
    assert authors(text, "interpellation") == [("Åke Lund", "C"), ("Berit Sjö", "C")]


def test_an_undertecknad_line_with_a_lone_party_letter_after_a_comma_names_the_signer() -> None:
    text = "Interpellation om skolan\n\nNär öppnar den?\n\nTorsås 2011-05-16\n\nUndertecknad, Mats Ohl, v\n"
    assert authors(text, "interpellation") == [("Mats Ohl", "V")]


def test_a_local_party_line_with_its_place_names_the_party_as_written() -> None:
    text = "Enkel fråga om akuten\n\nNär öppnar akuten igen?\n\nGun Öst\nSjukvårdspartiet Västernorrland\n"
    assert authors(text, "fraga") == [("Gun Öst", "Sjukvårdspartiet Västernorrland")]


def test_a_national_party_line_with_its_town_is_still_the_national_code() -> None:
    text = "Enkel fråga om akuten\n\nNär öppnar akuten igen?\n\nGun Öst\nVänsterpartiet Växjö\n"
    assert authors(text, "fraga") == [("Gun Öst", "V")]


def test_a_petitions_contact_person_signs_it() -> None:
    """'Kontaktperson:' before the name on a petition page is a signer label."""
    text = "Rädda simhallen i Ljusne\n\n" + BODY * 2 + "Kontaktperson: Stina Wall\n\nSkriv under\n"
    assert authors(text, "medborgarforslag") == [("Stina Wall", None)]


@pytest.mark.parametrize("label", ["Namn:", "Underskrift:", "Namnförtydligande:"])
def test_a_forms_name_or_signature_field_names_the_signer(label: str) -> None:
    """A paper form's fields ('Namn: …', 'Underskrift: …') above the address and the
    municipality's registration stamp name who submits it."""
    text = (
        "Medborgarförslag till kommunfullmäktige i Hjo\n\n"
        + BODY * 2
        + "Jag föreslår att kommunen sätter upp bänkar längs strandpromenaden.\n\n"
        + f"Hjo 2019-04-02\n\n{label} Nils Falk\nAdress: Storgatan 4, 544 30 Hjo\n"
        + "Telefon: 0503-123 45\n\n----------\nIfylles av kommunen\nInkom: 2019-04-03   Dnr: KS 2019/88\n"
    )
    assert authors(text, "medborgarforslag") == [("Nils Falk", None)]


def test_a_party_sites_address_footer_signs_nothing() -> None:
    """The footer's street address and postcode ('Storgatan 9, 541 30 Skövde') are split at
    the comma like two signers, but a name holds no digits."""
    text = (
        "Centerpartiet Skövde\nStart | Politik | Kontakt\n\nInterpellation om gatljusen\n\n"
        + BODY
        + "Kan ordföranden lova att lamporna tänds före jul?\n\nEva Ek\nGruppledare\n\n"
        + "Dela: Facebook | E-post\n\nCenterpartiet Skövde\nStorgatan 9, 541 30 Skövde\n"
        + "skovde@example.se\n"
    )
    assert authors(text, "interpellation") == [("Eva Ek", "C")]


def test_signers_in_columns_take_the_party_written_under_each_column() -> None:
    text = (
        "Motion om bryggorna\n\n"
        + BODY
        + "att bryggorna repareras före sommaren.\n\n"
        + "Nils Falk                          Eva Ek\n"
        + "Framtid Tjörn                      folkpartiet liberalerna (fp)\n"
    )
    assert authors(text, "motion") == [("Nils Falk", "Framtid Tjörn"), ("Eva Ek", "L")]


def test_signers_in_columns_with_titles_between_take_the_parties_below_them() -> None:
    text = (
        "Motion om bryggorna\n\n"
        + BODY
        + "att bryggorna repareras före sommaren.\n\n"
        + "Nils Falk                          Eva Ek\n"
        + "Gruppledare                        Ledamot\n"
        + "(C)                                (MP)\n"
    )
    assert authors(text, "motion") == [("Nils Falk", "C"), ("Eva Ek", "MP")]


@pytest.mark.parametrize("party", ["Framtid Hjo", "Hjo Framtid"])
def test_a_local_party_named_for_the_future_of_its_town(party: str) -> None:
    text = "Interpellation om färjan\n\n" + BODY + "När kommer färjan tillbaka?\n\nNils Falk\n" + party + "\n"
    assert authors(text, "interpellation") == [("Nils Falk", party)]


def test_the_writers_of_listed_motions_do_not_sign_the_list() -> None:
    text = (
        "Motioner under beredning\n\n"
        "Motion om belysning i Sörbyparken\nEva Ek (C)\nVäckt: 2021-03-22\nStatus: Under beredning\n\n"
        "Motion om pendlarparkeringar\nNils Falk (MP)\nVäckt: 2021-05-31\nStatus: Ny\n\n"
        "Sidansvarig: Kommunkansliet\n"
    )
    assert authors(text, "other") == []


def test_one_signature_above_a_registration_stamp_still_signs() -> None:
    text = "Motion om bryggorna\n\n" + BODY + "att bryggorna lagas.\n\nEva Ek (C)\nDnr: KS 2021/40\n"
    assert authors(text, "motion") == [("Eva Ek", "C")]


def test_a_name_in_prose_is_no_form_field() -> None:
    text = "Motion om skyltar\n\n" + BODY + "Vi vill ge parken ett namn: Nils Falks lund.\n\nEva Ek (C)\n"
    assert authors(text, "motion") == [("Eva Ek", "C")]


def test_a_name_before_a_web_pages_comments_and_tags_signs_the_post() -> None:
    """A web page's furniture (updates, comments, tags) can be longer than the signature
    zone at the end of a text: the document ends where that furniture begins."""
    furniture = "".join(f"Läsare {i} skrev: Bra initiativ, jag håller med helt.\n" for i in range(14))
    text = (
        "Låt tallskogen vid Sörby stå kvar!\n\n"
        + BODY * 2
        + "Stina Wall\n\nUppdateringar (3)\n"
        + furniture
        + "Etiketter: natur, skog\n"
    )
    assert authors(text, "medborgarforslag") == [("Stina Wall", None)]


def test_a_regional_party_named_as_place_and_party_word_is_a_party() -> None:
    """'Hallands vårdparti' under a name is a party written out, as '<Place>s …partiet' is."""
    text = "Interpellation om akuten\n\n" + BODY + "Nils Ahl\nHallands vårdparti\n"
    assert authors(text) == [("Nils Ahl", "Hallands vårdparti")]


@pytest.mark.parametrize(
    "byline",
    [
        "Skrivet av Ulla Borg den 4 maj 2015",
        "4 maj 2015 · Ulla Borg",
        "Postat av: Ulla Borg",
        "Upplagd av Ulla Borg kl. 21:14",  # Blogger's Swedish byline
    ],
)
def test_a_news_post_no_one_signs_is_written_by_its_byline(byline: str) -> None:
    """A page about a document with a post byline and no signature below: the byline names
    its author, with the party of the site's header."""
    text = (
        "Liberalerna i Ronneby\n\nVi har lämnat in en motion om lekplatser\n" + byline + "\n\n"
        "I dag lämnade vi in en motion om fler lekplatser i Kallinge. Den finns att läsa här.\n\n"
        "Läs mer »\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert [(a.name, a.party) for a in doc.authors] == [("Ulla Borg", "L")]


@pytest.mark.parametrize(
    ("letterhead", "signature", "party"),
    [
        ("ÅMÅLSPARTIET\nFör hela Åmål", "Eva Lind", "Åmålspartiet"),
        ("Åmålspartiet (ÅP)\nFör hela Åmål", "Eva Lind (ÅP)", "Åmålspartiet"),
        ("Säffle Lokala Röst\nNära dig", "Eva Lind", "Säffle Lokala Röst"),
        ("Vår kommun Säffle (VKS)\nNära dig", "Eva Lind (VKS)", "Vår kommun Säffle"),
    ],
)
def test_a_local_partys_site_header_gives_its_signers_the_party(
    letterhead: str, signature: str, party: str
) -> None:
    """A local party's own site: its name in capitals, with the abbreviation it uses for
    itself, or in a shape no register holds ('… Lokala Röst', 'Vår kommun …') heads the page,
    and the signers speak for it."""
    text = letterhead + "\n\nInterpellation om simhallen\n\n" + BODY + "Jag vill fråga ordföranden:\n\n"
    text += "När öppnar simhallen?\n\n" + signature + "\n"
    assert authors(text, "interpellation") == [("Eva Lind", party)]


def test_a_mark_the_text_spells_out_gives_the_party() -> None:
    """'Vi i Framtid Åmål (FÅ) …' defines the mark '(FÅ)' a signer carries."""
    text = "Replik om skolorna\n\nVi i Framtid Åmål (FÅ) håller inte med nämnden.\n\n" + BODY
    text += "Eva Lind (FÅ), gruppledare\n"
    assert authors(text, "other") == [("Eva Lind", "Framtid Åmål")]


def test_an_answer_published_below_the_question_is_not_its_signature() -> None:
    """A party page publishes its enkel fråga with the answer under a 'Svar' heading: the
    fråga's signer is its author and its date the fråga's; the one who answers is neither."""
    text = (
        "Min fråga om badhuset – och svaret\n\nEnkel fråga till fritidsnämndens ordförande Ola Berg (M)\n\n"
        + BODY
        + "När öppnar badhuset?\n\nLund 2022-02-01\n\nEva Ek (V)\n\nSvar\n\nBadhuset öppnar i maj.\n\n"
        "Lund 2022-02-20\n\nOla Berg (M)\n"
    )
    doc = radsdok.parse_text(text)
    assert [(a.name, a.party) for a in doc.authors] == [("Eva Ek", "V")]
    assert doc.date == "2022-02-01"


def test_a_petition_site_page_is_a_medborgarforslag_started_by_its_signer() -> None:
    """A petition site's page: its chrome says web page, but the proposal in its own voice
    ('Jag föreslår att …') makes it the proposal, and 'Startad av:' names who makes it."""
    text = (
        "Rädda badet – Namninsamling | Skrivupp\n\nSkrivupp   Starta en namninsamling   Logga in\n\n"
        "Rädda badet i Vallby\n\nTill: Kommunfullmäktige i Vallby\nStartad av: Stina Wall\n\n"
        "412 har skrivit under\n[ Skriv under ]\n\nDetta är ett medborgarförslag.\n\n"
        + BODY
        + "Jag föreslår att kommunen rustar upp badet till sommaren.\n\nDela på Facebook\n"
        + "".join(f"Läsare {i}: Jag håller med.\n" for i in range(12))
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "medborgarforslag"
    assert [(a.name, a.party) for a in doc.authors] == [("Stina Wall", None)]


def test_a_posts_category_line_under_the_signers_signs_nothing() -> None:
    text = (
        "Motion om bryggorna\n\n" + BODY + "att bryggorna lagas.\n\nEva Ek          Nils Falk\n"
        "Centerpartiet i Hjo\n\nKategorier: Motioner, Hamnen | Inga kommentarer\n"
    )
    assert authors(text, "motion") == [("Eva Ek", "C"), ("Nils Falk", "C")]


def test_a_news_items_text_byline_names_its_writer() -> None:
    text = (
        "Nyheter\n\nFler bänkar längs ån\n\nPublicerad: 3 maj 2022\n\n"
        "Tekniska nämnden har beslutat att ställa ut fler bänkar längs ån efter ett medborgarförslag.\n\n"
        "Text: Petra Sund\n\nDela: Facebook | E-post\n"
    )
    assert authors(text, "other") == [("Petra Sund", None)]


def test_a_blogs_footer_byline_names_the_writer_of_a_long_post() -> None:
    post = "Debatten om simhallen fortsatte i kväll och ordföranden svarade inte på något. " * 25
    text = (
        "Evas blogg\nOm politik i Hjo – av Eva Ek, gruppledare för Centerpartiet i Hjo\n\n"
        "Svaret som inte kom\n\n" + post + "\n\nPostat av Eva Ek kl. 21:14 | 3 kommentarer\n"
        "Etiketter: simhallen, fullmäktige\n"
    )
    doc = radsdok.parse_text(text)
    assert doc.kind == "other"
    assert [a.name for a in doc.authors] == ["Eva Ek"]


def test_a_news_pages_contact_box_names_whom_to_ask_not_the_writer() -> None:
    text = (
        "Nyheter\n\nNu kan du lämna e-förslag\n\nPublicerad: 1 mars 2022\n\n"
        "Från och med i dag kan invånarna lämna e-förslag på kommunens webbplats.\n\n"
        "Kontakt\nPetra Sund\nKanslichef\n0503-350 00\n\nDela sidan\n"
    )
    assert authors(text, "other") == []


def test_a_reports_handlaggare_who_does_not_sign_is_no_author_beside_its_signers() -> None:
    text = (
        "HJO KOMMUN\nTJÄNSTESKRIVELSE\nHandläggare: Petra Sund\n\nSvar på motion om bänkar\n\n"
        "Förvaltningen föreslår att motionen anses besvarad.\n\n"
        "Eva Ek                              Nils Falk\nKommundirektör                      Parkchef\n"
    )
    assert authors(text, "tjansteskrivelse") == [("Eva Ek", None), ("Nils Falk", None)]


def test_an_unsigned_reports_handlaggare_is_its_author() -> None:
    text = "TJÄNSTESKRIVELSE\nHandläggare: Petra Sund\n\nSvar på motion om bänkar\n\nMotionen besvaras.\n"
    assert authors(text, "tjansteskrivelse") == [("Petra Sund", None)]


def test_three_names_stacked_under_a_party_line_all_take_its_party() -> None:
    text = (
        "Motion om bänkar\n\n" + BODY + "att bänkar ställs ut.\n\nHjo 2021-02-15\n\n"
        "Kristdemokraterna i Hjo\n\nEva Ek\nNils Falk\nPetra Sund\n"
    )
    assert authors(text, "motion") == [("Eva Ek", "KD"), ("Nils Falk", "KD"), ("Petra Sund", "KD")]


def test_a_party_sites_copyright_line_gives_the_signers_party() -> None:
    text = (
        "Interpellation om färjan\n\n" + BODY + "När kommer färjan tillbaka?\n\nHjo den 4 juni 2012\n\n"
        "Eva Ek\ngruppledare\n\n----------\n© 2012 Hjopartiet – för hela Hjo | info@example.se\n"
    )
    assert authors(text, "interpellation") == [("Eva Ek", "Hjopartiet")]


FLATTENED_PAGES = (
    "HJO KOMMUN Kommunfullmäktige Interpellation Till kommunstyrelsens ordförande Ida Berg (S) "
    "Färjan till ön "
    + "Färjan har inte gått sedan i våras och de boende på ön är oroliga. "
    * 4
    + "Mot bakgrund av detta vill jag fråga ordföranden: 1. När kommer färjan tillbaka? "
    "Hjo den 28 september 2020 Eva Ek (L) Ledamot i kommunfullmäktige Sida 2 av 2\n"
)


def test_a_sign_off_run_into_a_flattened_page_names_the_signer_and_dates_the_text() -> None:
    # a PDF converted one page per line: the place-and-date sign-off and the name run on
    doc = radsdok.parse_text(FLATTENED_PAGES)
    assert [(a.name, a.party) for a in doc.authors] == [("Eva Ek", "L")]
    assert doc.date == "2020-09-28"


def test_a_mark_the_letterhead_spells_out_after_the_letters_is_the_party() -> None:
    text = (
        "HPP – Hjo Pensionärers Parti, Hjo\n\nMotion om trygghetsboenden\n\n"
        + BODY
        + "att kommunen bygger trygghetsboenden.\n\nEva Ek (HPP)\nNils Falk (HPP)\n"
    )
    assert authors(text, "motion") == [("Eva Ek", "HPP"), ("Nils Falk", "HPP")]


def test_names_with_marks_after_the_last_sentence_of_a_flattened_text_sign_it() -> None:
    text = (
        "MOTION Laddplatser i Hjo "
        + "Det behövs fler laddplatser i kommunen för boende utan egen uppfart. " * 8
        + "Vi föreslår kommunfullmäktige besluta att ge nämnden i uppdrag att ta fram en laddplan. "
        "För Moderaterna i Hjo Eva Ek (M) Nils Falk (M) 2 (2)\n"
    )
    assert authors(text, "motion") == [("Eva Ek", "M"), ("Nils Falk", "M")]


BLOG_POST = (
    "{head}\n\n"
    "Svaret som aldrig kom\n\n"
    "Publicerat torsdag 4 mars 2021\n\n"
    "I januari frågade jag om kommunens planer för badhuset i Norrby. Svaret i fullmäktige "
    "blev att frågan utreds, men ingen kunde säga när utredningen blir klar.\n\n"
    "Jag återkommer i frågan till våren.\n\n"
    "{signoff}\n\n"
    "3 kommentarer | Permalänk\n"
)


@pytest.mark.parametrize(
    ("head", "party"),
    [
        ("Tankar från Norrby\nMaja Lindgren, miljöpartist och ledamot i fullmäktige", "MP"),
        ("Maja Lindgren – folkpartist i Norrby\nOm mig | Arkiv", "L"),
        ("Maja Lindgren\nKristdemokrat i Norrby kommun", "KD"),
    ],
)
def test_a_post_signed_with_a_first_name_is_by_the_full_name_heading_the_page(head: str, party: str) -> None:
    document = radsdok.load("blank").parse_text(BLOG_POST.format(head=head, signoff="/Maja"))
    assert [(a.name, a.party) for a in document.authors] == [("Maja Lindgren", party)]
    evidence = document.authors[0].party_evidence
    assert evidence is not None and evidence.rule == "authors:party-member"


def test_a_first_name_signoff_names_no_one_the_head_does_not_name() -> None:
    text = BLOG_POST.format(head="Tankar från Norrby\nMaja Lindgren, miljöpartist", signoff="/Karin")
    assert [a.name for a in radsdok.load("blank").parse_text(text).authors if a.name] == []


def test_a_signer_followed_by_where_they_live_signs_a_citizens_proposal() -> None:
    text = (
        "Medborgarförslag\n\nBollplanen vid skolan spolades förr varje vinter.\n\n"
        "Jag föreslår att kommunen spolar en isbana på bollplanen.\n\n"
        "Med vänliga hälsningar\nMaja Lindgren, Norrby\n"
    )
    assert authors(text, "medborgarforslag") == [("Maja Lindgren", None)]


BLOG_POST_WITH_COMMENTS = (
    "Sörbybloggen – Eva Eks anteckningar\n\n"
    "Interpellation om lekplatserna\n\n"
    "Till tekniska nämndens ordförande\n\n"
    "Tre av fem lekplatser i Norrby är stängda. Jag vill därför fråga:\n\n"
    "När öppnas lekplatserna igen?\n\n"
    "Eva Ek (V)\n\n"
    "Upplagd av Eva Ek kl. 19:54\n\n"
    "2 kommentarer:\n\n"
    "Anonym sa...\nBra fråga!\n8 mars 2024 20:31\n\n"
    "Lars Ström sa...\nNämnden har redan en plan, Eva.\nLars Ström (M), ledamot i tekniska nämnden\n"
    "9 mars 2024 07:48\n\n"
    "Om mig\nEva Ek\nSörby\n\nBloggar jag läser\nRöda Sörby\n"
)


def test_a_blogs_commenters_and_sidebar_sign_nothing_below_the_posts_signer() -> None:
    found = [(h.text, h.attrs.get("party")) for h in find_authors(BLOG_POST_WITH_COMMENTS, "interpellation")]
    assert found == [("Eva Ek", "V")]


def test_a_marked_name_below_the_comment_header_signs_where_nothing_signs_above() -> None:
    # with no signer above the comments, the page's only marked name is kept, not lost
    text = "Lekplatserna i Norrby\n\nTre av fem lekplatser är stängda.\n\n2 kommentarer:\n\nLars Ström (M)\n"
    assert [h.text for h in find_authors(text, "other")] == ["Lars Ström"]


def test_commenters_on_a_saved_facebook_post_sign_nothing() -> None:
    text = (
        "Vänsterpartiet Sörby\n11 februari 2024 · 🌐\n\n"
        "Igår lämnade vi in följande motion.\n\nMotion om lekplatser\n\n"
        "Vi yrkar att kommunfullmäktige beslutar\n\natt lekplatserna i Norrby öppnas igen\n\n"
        "Eva Ek (V)\n\n"
        "👍 12\n38 kommentarer  4 delningar\n\nGilla   Kommentera   Dela\n\n"
        "Lars Ström (M)\nLekplatserna är redan på gång.\nGilla · Svara · 1 v\n"
    )
    assert [(h.text, h.attrs.get("party")) for h in find_authors(text, "motion")] == [("Eva Ek", "V")]


@pytest.mark.parametrize(
    ("header", "party"),
    [
        ("Kristdemokraterna Jönköpings län\nHem / Lokalt / Gislaved", "KD"),
        ("Centerpartiet i Västerbotten › Våra kommuner › Robertsfors", "C"),
    ],
)
def test_a_county_branchs_site_header_gives_its_party_to_an_unmarked_signer(header: str, party: str) -> None:
    text = (
        header + "\n\nSolceller på kommunens tak\n\nMotion till kommunfullmäktige\n\n"
        "Kommunen har många tak som inte används.\n\nJag yrkar därför att kommunfullmäktige beslutar\n\n"
        "att solceller installeras på skolornas tak\n\nTommy Wikström\n"
    )
    assert authors(text) == [("Tommy Wikström", party)]


def test_a_blog_sidebar_saved_above_the_post_cuts_no_signer() -> None:
    text = (
        "Anna Bergs blogg\n\nOm mig\nAnna Berg (S)\nKommunalråd i Mark\n\nBloggarkiv\nMars 2019\n\n"
        "Motion om cykelbanor\n\n"
        "Cykeltrafiken i Kinna har ökat kraftigt de senaste åren, "
        "och det saknas säkra cykelbanor till skolorna.\n\n"
        "Vi föreslår därför kommunfullmäktige besluta\natt bygga en cykelbana mellan Kinna och Skene.\n\n"
        "Kinna den 4 mars 2019\nAnna Berg (S)\nBo Ask (S)\n"
    )
    assert "Bo Ask" in [h.text for h in find_authors(text, "motion")]


def test_a_numbered_agenda_item_answering_an_interpellation_opens_no_comments() -> None:
    # '12 Svar på interpellation …' is an item of a kallelse; WordPress's '3 svar på ”…”' quotes
    text = (
        "Kallelse till kommunfullmäktige\n\nEva Ek (S) har lämnat in en motion om lekplatser.\n\n"
        "Ärenden\n11 Motion om lekplatser\n12 Svar på interpellation om skolskjutsar\n\n"
        "Sörby den 2 maj 2024\n\nAnna Berg\nordförande\n"
    )
    assert "Anna Berg" in [h.text for h in find_authors(text, "other")]


@pytest.mark.parametrize(
    ("group_line", "party"),
    [
        ("För den socialdemokratiska fullmäktigegruppen", "S"),
        ("Den moderata gruppen i Hjo", "M"),
        ("För den vänsterpartistiska kommunfullmäktigegruppen", "V"),
    ],
)
def test_a_group_line_naming_the_party_by_its_adjective_gives_the_signers_party(
    group_line: str, party: str
) -> None:
    text = (
        "Motion om bänkar\n\n" + BODY + "att bänkar ställs ut.\n\nHjo 2021-02-15\n\n"
        f"{group_line}\n\nEva Ek\ngruppledare\n"
    )
    assert authors(text, "motion") == [("Eva Ek", party)]


def test_a_party_adjective_alone_names_no_party() -> None:
    # 'moderata' is an everyday word ('moderata höjningar'): only before a group noun is it a party
    text = "Motion om bänkar\n\n" + BODY + "att bänkar ställs ut.\n\nHjo 2021-02-15\n\nModerata\n\nEva Ek\n"
    assert authors(text, "motion") == [("Eva Ek", None)]


def test_officials_signing_above_a_long_closing_part_are_authors() -> None:
    # a tjänsteskrivelse as a PDF converter leaves it: the two officials sign with their titles,
    # then a footer, page numbers, the attachments and the distribution list run on below
    text = (
        "Tjänsteskrivelse\nDatum 2021-04-12\nDnr SBF 2021-118\n"
        "Yttrande över medborgarförslag om en cykelbana längs Kustvägen\n"
        "Förvaltningen ser positivt på förslaget men medel saknas i år.\n"
        "Sträckan tas med i arbetet med nästa års investeringsbudget.\n"
        "Karl-Erik Holmström\nFörvaltningschef\nLinnea Sjöberg\nTrafikplanerare\n"
        "Strandby kommun, 123 45 Strandby | Tel: 0123-45 67 00 | www.strandby.se\n"
        "Sid 1/2\nSid 2/2\nBilagor\nMedborgarförslaget\nKarta över sträckan\n"
        "Beslutet skickas till\nFörslagsställaren\nKommunstyrelsen\nTekniska nämnden\nStrandby\n"
    )
    document = radsdok.parse_text(text)
    assert [a.name for a in document.authors] == ["Karl-Erik Holmström", "Linnea Sjöberg"]


@pytest.mark.parametrize(
    ("field", "value", "name"),
    [
        ("Förslagsställare", "Jonas Lindgren", "Jonas Lindgren"),
        ("Inlämnad av:", "Jonas Lindgren, 2019-04-02 09:14", "Jonas Lindgren"),
        ("Inlämnat av", "JONAS LINDGREN", "JONAS LINDGREN"),
    ],
)
def test_a_portal_field_label_over_the_name_gives_the_proposer(field: str, value: str, name: str) -> None:
    # an e-förslag page sets each field's label on a line of its own and the value below it
    text = (
        "Fler papperskorgar längs strandpromenaden\n\n"
        "Beskrivning\n\nLängs strandpromenaden finns för få papperskorgar och skräpet blåser ut i "
        "vattnet. Jag föreslår att kommunen sätter upp fler papperskorgar.\n\n"
        f"Status\n\nRöstning pågår\n\n{field}\n\n{value}\n\nStartdatum\n\n2019-04-02\n"
    )
    authors = radsdok.parse_text(text).authors
    assert [(a.name, a.evidence.rule) for a in authors] == [(name, "authors:labelled")]


def test_a_list_repeating_the_field_label_names_no_author_by_it() -> None:
    # the label over each entry of a list names that entry's proposer, not the page's author
    entries = "".join(
        f"{title}\n\nInlämnat av\n\n{who}\n\n"
        for title, who in [("Fler bänkar", "Jonas Lindgren"), ("Belysning vid skolan", "Sara Holm")]
    )
    text = f"Aktuella e-förslag\n\nHär ser du de e-förslag som är öppna för röstning.\n\n{entries}"
    assert not any(a.evidence.rule == "authors:labelled" for a in radsdok.parse_text(text).authors)


@pytest.mark.parametrize(
    "address",
    [
        "Interpellation från Sara Lind (MP) till tekniska nämndens ordförande Jan Ek (M)",
        "Interpellation från Sara Lind (MP) ställd till tekniska nämndens ordförande Jan Ek (M).",
        "Enkel fråga från Sara Lind (MP) till tekniska nämndens ordförande Jan Ek (M)",
    ],
)
def test_the_asker_named_in_the_address_line_is_the_author(address: str) -> None:
    # a page that keeps the address line but not the signature: 'från X till Y' names both
    text = (
        f"Snöröjningen på cykelvägarna\n\n{address}\n\n"
        "Gång- och cykelvägarna plogas sist av allt, ofta flera dagar efter ett snöfall.\n\n"
        "När ändras prioriteringen?\n"
    )
    document = radsdok.parse_text(text)
    assert [(a.name, a.party) for a in document.authors] == [("Sara Lind", "MP")]
    assert [a.name for a in document.addressees] == ["Jan Ek"]


def test_the_writers_in_a_register_of_dated_entries_are_not_the_pages_authors() -> None:
    # 'Anna Ek, V' under '2024-05-17' is who handed in that entry's document
    entries = "".join(
        f"{day}\n\n{who}\n\n{title}\n\n"
        for day, who, title in [
            ("2024-05-17", "Anna Ek, V", "Fritidsgårdarnas framtid"),
            ("2024-05-14", "Per Holm, L", "Simhallens renovering"),
            ("2024-05-06", "Eva Lund, C", "Gatlyktorna på Storgatan"),
        ]
    )
    text = f"Motioner\n\nInlämnade motioner 2024\n\nDatum\n\nInlämnat av\n\nTitel\n\n{entries}"
    assert radsdok.parse_text(text).authors == []


PARTY_GROUP_PAGE = (
    "Fullmäktige i mars\n\nCenterpartiet i Hultsby har under våren lagt tre motioner om "
    "landsbygdens vägar. Vi fick gehör för två av dem, och Centerpartiet fortsätter arbetet.\n\n"
    "Vår tredje motion, om belysning vid busshållplatserna, avslogs. Socialdemokraterna röstade "
    "emot. Vi återkommer i frågan i höst.\n"
)


def test_an_unsigned_page_in_one_partys_own_voice_is_that_partys() -> None:
    assert authors(PARTY_GROUP_PAGE, "other") == [(None, "C")]


def test_we_said_only_inside_quotations_is_no_partys_voice() -> None:
    news = (
        "Het debatt om vägarna\n\nCenterpartiet i Hultsby ville veta varför vägarna inte "
        "plogas. ”Vi har fått många samtal”, sade Centerpartiets gruppledare. ”Vi kräver svar.”\n\n"
        "Kommunalrådet svarade att budgeten inte räcker.\n"
    )
    assert authors(news, "other") == []


def test_a_party_first_named_far_down_an_unsigned_page_is_not_its_voice() -> None:
    page = (
        "Fullmäktige i mars\n\n"
        + BODY * 12
        + ("Vi fick inget gehör för våra förslag. Moderaterna röstade emot, och Moderaterna styr.\n")
    )
    assert authors(page, "other") == []


OWN_MOTIONS_PAGE = (
    "Vad vi gör i fullmäktige\n\nHär kan du läsa om våra motioner i Hultsby kommunfullmäktige. "
    "Vi har lagt fyra motioner under året, och två av dem har bifallits.\n\n"
    + BODY * 6
    + "Vill du veta mer? Bli medlem i Miljöpartiet!\n"
)


def test_a_page_claiming_motions_as_its_own_is_the_one_party_it_names_even_far_down() -> None:
    assert authors(OWN_MOTIONS_PAGE, "other") == [(None, "MP")]


def test_a_page_claiming_motions_names_no_party_of_its_own_when_it_names_two() -> None:
    page = OWN_MOTIONS_PAGE.replace("Bli medlem i Miljöpartiet!", "Moderaterna och Miljöpartiet röstade nej.")
    assert authors(page, "other") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Därför yrkar Vänsterpartiet att:\n\natt kommunen bygger en cykelväg.\n",
        "Mot bakgrund av detta föreslår vänsterpartiet:\n\natt kommunen bygger en cykelväg.\n",
        "I dag har Vänsterpartiet lämnat in en motion om cykelvägar.\n",
    ],
)
def test_a_party_after_its_proposing_verb_speaks_for_an_unsigned_text(sentence: str) -> None:
    assert authors("Motion om cykelvägar\n\n" + BODY + sentence, "motion") == [(None, "V")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varför yrkar Vänsterpartiet på fler cykelvägar när pengarna inte räcker?\n",
        "I motionen föreslår Vänsterpartiet att kommunen bygger en cykelväg.\n",
        "Bland annat vill Vänsterpartiet att kommunen bygger en cykelväg.\n",
    ],
)
def test_a_party_after_a_verb_in_a_question_or_a_report_speaks_for_no_one(sentence: str) -> None:
    assert authors("Fullmäktige i korthet\n\n" + BODY + sentence, "other") == []


def test_a_heading_naming_the_motion_from_a_signer_gives_its_author() -> None:
    text = (
        "Motionen från Eva Ek (SD) om ett nytt badhus\n\n"
        + BODY
        + "Därför föreslår jag att ett badhus byggs.\n"
    )
    assert authors(text, "motion") == [("Eva Ek", "SD")]


def test_a_motion_from_someone_told_in_an_opening_sentence_is_not_the_pages_author() -> None:
    text = (
        "Fullmäktige i maj\n\nMötet var kort.\n\nFör två år sedan fick vi en motion från Eva Ek (SD) "
        "om ett nytt badhus, och nu har den besvarats.\n"
    )
    assert authors(text, "other") == []


def test_a_signers_unknown_party_code_is_kept_as_written() -> None:
    text = "Interpellation om badhuset\n\n" + BODY + "När öppnar badhuset?\n\nPer Lund (ÖLP)\n2023-03-01\n"
    assert authors(text, "interpellation") == [("Per Lund", "ÖLP")]


def test_an_assemblys_code_after_a_signer_is_no_party() -> None:
    text = "Interpellation om badhuset\n\n" + BODY + "När öppnar badhuset?\n\nPer Lund (KF)\n2023-03-01\n"
    assert authors(text, "interpellation") == [("Per Lund", None)]
