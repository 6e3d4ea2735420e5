"""Layout helpers: where a web page's document ends above the furniture that closes the page.
All texts are invented here."""

from __future__ import annotations

from radsdok.components.layout import content_end

DOCUMENT = "Motion om laddplatser\n\nVi föreslår att kommunen bygger fler laddplatser.\n\nLina Ek (C)\n"


def test_a_page_closing_with_a_contact_box_and_footer_ends_its_document_above_them() -> None:
    furniture = (
        "\nBilagor\nMotion om laddplatser (pdf, 98 kB)\n\n"
        "Sidan uppdaterades: 2021-11-29\n\n"
        "Kontakt\nKommunfullmäktiges sekretariat\nTelefon: 0123-45 67 00\n\n"
        "Sörby kommun\n123 45 Sörby\nOm webbplatsen | Kakor\n"
    )
    text = DOCUMENT + furniture
    assert content_end(text) == text.index("Bilagor")


def test_a_text_without_furniture_ends_at_its_end() -> None:
    assert content_end(DOCUMENT) == len(DOCUMENT)


def test_a_long_paragraph_with_an_address_in_it_is_the_document_not_furniture() -> None:
    text = DOCUMENT + (
        "\nKommunen har sedan 2019 sitt kontor på Storgatan 4, 123 45 Sörby, och där finns i dag "
        "inga laddplatser alls trots att besökarna ofta kommer med elbil från grannkommunerna.\n"
    )
    assert content_end(text) == len(text)
