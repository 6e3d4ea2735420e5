"""Layout helpers: where a web page's document ends above the furniture that closes the page.
All texts are invented here."""

from __future__ import annotations

from radsdok.components.layout import content_end, mail_wrapper_spans

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


def test_mail_headers_and_a_cover_note_are_the_mails_not_the_documents() -> None:
    text = (
        "Från: Eva Ek\nSkickat: den 4 november 2019 21:17\nTill: Kristina Berg\nÄmne: Enkel fråga\n\n"
        "Hej Kristina!\nFrågan kommer nedan.\n\n---\n\n"
        "Enkel fråga till socialnämndens ordförande\n\n"
        "Hur länge väntar man på korttidsboende?\n\nEva Ek (L)\n"
    )
    [(start, end)] = mail_wrapper_spans(text)
    assert (start, text[end - 3 : end]) == (0, "---")


def test_a_replys_own_message_is_the_reply() -> None:
    text = (
        "Från: Bo Lind\nSkickat: den 5 november 2019 08:00\nTill: Eva Ek\nÄmne: SV: Enkel fråga\n\n"
        "Hej Eva! Korttidsboendet får tio nya platser i januari.\nBo Lind (S)\n\n"
        "-----Ursprungligt meddelande-----\n"
        "Från: Eva Ek\nSkickat: den 4 november 2019 21:17\nÄmne: Enkel fråga\n\nHur länge väntar man?\n"
    )
    spans = mail_wrapper_spans(text)
    assert not any(s <= text.index("Korttidsboendet") < e for s, e in spans)
    assert all(text[s:e].startswith("Från:") for s, e in spans)


def test_a_rule_line_far_below_a_mail_header_is_the_documents_not_a_separator() -> None:
    questions = "\n\n".join(f"Fråga {n}: när öppnar simhallen?" for n in range(1, 9))
    text = (
        "Från: Eva Ek\nSkickat: den 1 mars 2021 10:00\nTill: Bo Lind\nÄmne: Interpellation\n\n"
        "Interpellation till kommunalrådet Bo Lind (S)\n\n" + questions + "\n\n-----\n\nEva Ek (C)\n"
    )
    assert mail_wrapper_spans(text) == ((0, text.index("\n\nInterpellation")),)
