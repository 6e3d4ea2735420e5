"""The kind of a text that never names it, from what the text does: proposes in its own
(or its party's) voice, asks an office holder formally, or reports on a document. All texts
are invented here."""

from __future__ import annotations

import pytest

import radsdok
from radsdok.components.layout import lines_of
from radsdok.components.metadata import detect_kind, kind_evidence

SIGNERS = "\n\nKarin Holm (V)\nPetter Ask (V)\n"


def test_a_party_proposing_in_prose_and_signing_writes_a_motion() -> None:
    text = (
        "Öppna fritidsgårdarna på sommaren\n\n"
        "Fritidsgårdarna stänger i juni och ungdomarna står utan mötesplatser. "
        "Vänsterpartiet yrkar därför att kommunen håller gårdarna öppna hela sommaren." + SIGNERS
    )
    kind, _, hit = detect_kind(text)
    assert kind == "motion"
    assert hit is not None and hit.rule == "kind:proposal-signed"


def test_a_party_news_post_suggesting_in_prose_is_not_a_motion() -> None:
    # 'föreslår att' is everyday language; 'yrkar att' and att-satser address an assembly
    text = (
        "Nyheter\n\nSommaröppet på gårdarna\n\nVi föreslår att kommunen håller "
        "fritidsgårdarna öppna hela sommaren." + SIGNERS
    )
    assert detect_kind(text)[0] == "other"


def test_an_inverted_proposal_sentence_counts_as_the_writers_own() -> None:
    text = (
        "Öppna fritidsgårdarna på sommaren\n\n"
        "Fritidsgårdarna stänger i juni. Därför yrkar vi på att kommunen håller dem öppna." + SIGNERS
    )
    assert detect_kind(text)[0] == "motion"


def test_a_resident_proposing_with_a_relative_clause_writes_a_medborgarforslag() -> None:
    text = (
        "Förslag: belysning på gångvägen\n\n"
        "Jag som går till bussen varje morgon i mörkret föreslår\n\natt kommunen sätter upp "
        "belysning längs gångvägen vid skolan.\n\nMed vänlig hälsning\nMaja Lund\nSkolvägen 4\n"
    )
    assert detect_kind(text)[0] == "medborgarforslag"


def test_questions_to_an_office_holder_signed_by_a_party_are_an_interpellation() -> None:
    text = (
        "Till kommunstyrelsens ordförande\n\nFritidsgårdarnas sommar\n\n"
        "Fritidsgårdarna stänger i juni och ungdomarna står utan mötesplatser.\n\n"
        "1. Hur ska ungdomarna få en mötesplats i sommar?\n"
        "2. Är du beredd att hålla gårdarna öppna?" + SIGNERS
    )
    kind, confidence, hit = detect_kind(text)
    assert kind == "interpellation"
    assert hit is not None and hit.rule == "kind:asked-signed"
    assert confidence < 0.9  # weaker than a text that names its kind


def test_questions_to_an_office_holder_without_a_party_signer_stay_unknown() -> None:
    text = (
        "Till kommunstyrelsens ordförande\n\nFritidsgårdarnas sommar\n\n"
        "Hur ska ungdomarna få en mötesplats i sommar?\n\nMaja Lund\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_heading_reporting_that_a_party_filed_a_motion_is_about_it() -> None:
    text = (
        "Vänsterpartiet lämnade in en motion om fritidsgårdarna\n\n"
        "Partiet vill att gårdarna hålls öppna hela sommaren, säger Karin Holm.\n\n"
        "Läs hela motionen på vår webbplats."
    )
    assert detect_kind(text)[0] == "other"


RUNNING_HEADER_TEXT = (
    "Vägbelysningen i Lilla Mo\n\n"
    "Kommunen släckte gatubelysningen längs landsvägen i höstas för att spara el. "
    "Sedan dess går barnen till skolbussen i mörker.\n\n"
    "Kommunfullmäktige 2025 · Interpellationer · sida 2\n\n"
    "Mot denna bakgrund vill jag fråga tekniska nämndens ordförande:\n\n"
    "1. Hur många olyckor har skett på sträckan sedan lamporna släcktes?\n"
    "2. Är ordföranden beredd att tända belysningen igen före jul?\n"
)


def test_a_kind_word_only_in_a_running_header_is_confirmed_by_the_question_intro() -> None:
    # one kind word counted gives a weak guess; leading into formal questions makes it sure
    kind, confidence, hit = detect_kind(RUNNING_HEADER_TEXT)
    assert kind == "interpellation"
    assert confidence >= 0.5
    assert hit is not None and hit.rule == "kind:content-confirms"
    assert RUNNING_HEADER_TEXT[hit.start : hit.end].startswith("vill jag fråga")


def test_a_page_reporting_on_questions_is_not_confirmed_by_their_intro() -> None:
    text = RUNNING_HEADER_TEXT + "\nInterpellationen besvarades på fullmäktiges möte i mars. Läs mer\n"
    kind, confidence, _ = detect_kind(text)
    assert kind == "other" or confidence < 0.5


def test_a_kind_word_once_beside_att_satser_is_a_motion() -> None:
    text = (
        "Ett bad för alla\n\nSimhallen har varit stängd i två år och skolans simundervisning "
        "sker i grannkommunen.\n\nKommunfullmäktige 2025 · Motioner · sida 1\n\n"
        "Vi föreslår fullmäktige besluta\n\natt utreda en ny simhall i centralorten\n"
        "att utredningen redovisas före budgetberedningen\n"
    )
    kind, confidence, _ = detect_kind(text)
    assert kind == "motion"
    assert confidence >= 0.5


def test_a_page_listing_interpellations_by_their_labels_is_other() -> None:
    text = (
        "Interpellationer 2024 – Exempelstad\n\nInlämnade interpellationer till fullmäktige 2024.\n\n"
        "Hur säkras skolmaten?\nStälld av: Lova Berg (L)\nStälld till: barn- och skolnämndens ordförande\n\n"
        "Om vägarna i norr\nStälld av: Arvid Ek (M)\nStälld till: kommunstyrelsens ordförande\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_heading_reporting_in_the_perfect_tense_is_a_page_about_a_motion() -> None:
    text = (
        "Vi har lämnat in en motion om belysta spår\n\nPublicerad 3 mars 2025\n\n"
        "I dag lämnade vi in en motion om belysning på motionsspåren.\n\n"
        "I motionen yrkar vi\n\natt spåren belyses året om\n\nLinn Sjö\nGruppledare (C)\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_heading_telling_the_reader_to_submit_a_proposal_is_a_guidance_page() -> None:
    text = (
        "Kommun och politik\n\nLämna ett medborgarförslag\n\n"
        "Bor du i kommunen kan du lämna ett medborgarförslag till fullmäktige. Fyll i e-tjänsten "
        "och beskriv vad du vill att kommunen ska göra.\n"
    )
    assert detect_kind(text)[0] == "other"


def test_one_question_to_a_chair_without_a_kind_word_is_an_enkel_fraga() -> None:
    text = (
        "Till ordföranden i fritidsnämnden, Eva Ros (KD)\n\nIsbanan\n\nIsbanan spolas inte i vinter.\n\n"
        "Kommer nämnden att spola isbanan i januari?\n\nJag önskar svar på nästa sammanträde.\n\n"
        "Oscar Lind (S)\n"
    )
    assert detect_kind(text)[0] == "fraga"


def test_several_questions_in_a_skrivelse_to_a_chair_are_an_interpellation() -> None:
    text = (
        "Skrivelse till kommunstyrelsens ordförande Nils Berg (S)\n\nOm stadshuset\n\nKostnaden stiger.\n\n"
        "Vi vill därför ställa följande frågor:\n\n1. Varför stiger kostnaden?\n2. När fick du veta?\n\n"
        "För Moderaterna\nKarin Wall\n"
    )
    assert detect_kind(text)[0] == "interpellation"


def test_a_forest_part_is_no_party_and_a_resident_with_an_address_proposes_a_medborgarforslag() -> None:
    text = (
        "Till kommunfullmäktige i Alingsås kommun\n\nBelysning på gångvägen\n\n"
        "Jag går varje dag genom skogspartiet där det är mörkt.\n\nJag föreslår\n\n"
        "- att kommunen sätter upp belysning längs gångvägen.\n\nMed vänlig hälsning\n\n"
        "Birgitta Ål\nLövvägen 14\n441 55 Alingsås\n"
    )
    assert detect_kind(text)[0] == "medborgarforslag"


def test_an_answer_opening_with_thanks_for_the_question_is_an_answer() -> None:
    text = (
        "Tack för frågan om skolmaten, Jonas Ek (SD).\n\nDu vill veta hur mycket mat som slängs.\n\n"
        "Svinnet har minskat med en femtedel sedan i fjol.\n\nKarlshamn den 5 februari 2024\n\nEva Ros (S)\n"
    )
    assert detect_kind(text)[0] == "svar"


def test_a_party_page_of_its_own_motions_is_a_list() -> None:
    text = (
        "Våra motioner 2022\n\nHär är motionerna vi lämnat i år.\n\n"
        "Fler cykelbanor – Dnr KS 2022/0012 – bifallen\nLäxhjälp på biblioteket – Dnr KS 2022/0044 – bereds\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_page_explaining_what_an_interpellation_is_is_other() -> None:
    text = (
        "Vad är en interpellation?\n\nEn interpellation är en fråga från en ledamot till ett "
        "kommunalråd. Hur går det till? Ledamoten lämnar in frågan skriftligt.\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_medborgarforslag_heading_under_a_web_pages_chrome_is_read() -> None:
    text = (
        "Borlänge kommun\nKommun och politik  |  Omsorg\nSök   Lyssna   Translate\n\n"
        "Start > Kommun och politik > Påverka > Inkomna förslag\n\n"
        "Medborgarförslag: Hundrastgård vid ängen\n\n"
        "Status: Bereds\nInkom: 2024-02-26\n\nJag föreslår\natt kommunen bygger en hundrastgård.\n\n"
        "Med vänliga hälsningar\nIngrid Matt\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "medborgarforslag"
    assert hit is not None and hit.rule == "kind:opening-lines"


NEWS_STORY_UNDER_A_MOTION_HEADING = (
    "Miljöpartiet Lerum\n"
    "Start | Politik | Nyheter | Kontakt\n\n"
    "Motion: Fler laddplatser vid pendelparkeringarna\n\n"
    "3 mars 2024\n\n"
    "I veckan lämnade vi in en motion om laddplatser vid stationerna i Lerum och Floda. "
    "Att kunna ladda bilen medan man pendlar gör det lättare att välja elbil.\n\n"
    "”Många vill byta till elbil men har ingenstans att ladda hemma”, säger Petra Sund, "
    "gruppledare för Miljöpartiet.\n\n"
    "– Det handlar om att pendlarna ska kunna välja elbil, säger hon.\n\n"
    "Dela: Facebook | E-post\n"
)


def test_a_news_story_with_speech_tags_under_a_motion_heading_is_about_the_motion() -> None:
    # the speech tags of a news story ('…”, säger Petra Sund', '…, säger hon.') report on a
    # document; a heading that opens with the kind word does not make the story the motion
    assert detect_kind(NEWS_STORY_UNDER_A_MOTION_HEADING)[0] == "other"


REGISTER_OF_MOTIONS = (
    "Motioner under beredning\n\n"
    "Här visas motioner som väntar på beslut i kommunfullmäktige.\n\n"
    "Motion om belysning i Sörbyparken\n"
    "Eva Ek (C)\n"
    "Väckt: 2021-03-22\n"
    "Status: Under beredning\n\n"
    "Motion om fler pendlarparkeringar\n"
    "Nils Falk (MP), Ida Berg (MP)\n"
    "Väckt: 2021-05-31\n"
    "Status: Remitterad till tekniska nämnden\n\n"
    "Senast uppdaterad: 14 juni 2021\n"
)


def test_a_page_whose_entries_repeat_a_registers_fields_is_a_list() -> None:
    # 'Väckt:' and 'Status:' with a different value for each entry: a list of motions
    assert detect_kind(REGISTER_OF_MOTIONS)[0] == "other"


def test_a_running_header_repeating_one_case_number_makes_no_list() -> None:
    page = "Dnr: KS 2021/40\n\nMotion om belysning i Sörbyparken\n\n"
    text = page + "Parken är mörk om kvällarna.\n\n" + page
    text += "Jag yrkar att parken får belysning.\n\nEva Ek (C)\n"
    assert detect_kind(text)[0] == "motion"


def test_a_kind_word_line_saying_what_became_of_the_document_declares_no_kind() -> None:
    # 'Medborgarförslag om … bifölls': a headline or list entry reporting a decision on a
    # document, not the document's own title
    news = (
        "Sörby kommun\n"
        "Start › Nyheter\n\n"
        "Medborgarförslag om en pulkabacke vid Ekbacken bifölls\n"
        "Publicerad: 2021-03-02\n\n"
        "Kommunfullmäktige beslutade i går att en pulkabacke ska anläggas vid Ekbacken. "
        "Förslaget kom från en förälder i området. Arbetet börjar till hösten och "
        "beräknas kosta 120 000 kronor.\n"
    )
    assert detect_kind(news)[0] == "other"
    # without the verb, the same line is the document's own title
    assert detect_kind(news.replace(" bifölls", ""))[0] == "medborgarforslag"


MOTION_ON_A_MUNICIPAL_PAGE = (
    "Motion om fler laddplatser - Sörby kommun\n\n"
    "Till innehållet\nSök\nMeny\n\n"
    "Startsida / Kommun och politik / Motioner / 2021\n\n"
    "Motion om fler laddplatser\n\n"
    "Inkom: 2021-04-06\n"
    "Diarienummer: KS 2021/0311\n"
    "Status: Avgjord\n"
    "Beslut: Kommunfullmäktige 2021-11-22 § 140. Motionen bifölls.\n\n"
    "Motion till kommunfullmäktige\n\n"
    "Allt fler invånare kör elbil, men i Sörby finns bara fyra publika laddplatser. Den som "
    "bor i flerbostadshus har ingen möjlighet att ladda hemma.\n\n"
    "Vi föreslår kommunfullmäktige besluta\n\n"
    "att kommunen bygger laddplatser vid alla kommunala parkeringar\n\n"
    "att kommunens bostadsbolag erbjuder laddplatser till sina hyresgäster\n\n"
    "Sörby 2021-04-06\n\n"
    "Lina Ek\nOskar Falk\nCenterpartiet i Sörby\n\n"
    "Bilagor\nMotion om fler laddplatser (pdf, 98 kB)\nProtokollsutdrag KF 2021-11-22 § 140 (pdf, 70 kB)\n\n"
    "Sidan uppdaterades: 2021-11-29\n\n"
    "Kontakt\nKommunfullmäktiges sekretariat\nTelefon: 0123-45 67 00\nE-post: kf@sorby.se\n\n"
    "Dela sidan: Facebook | LinkedIn\nSkriv ut\n\n"
    "Sörby kommun\n123 45 Sörby\nOm webbplatsen | Kakor\n"
)


def test_a_motion_published_in_full_on_a_municipal_page_with_a_status_box_is_the_motion() -> None:
    # its sign-off stands above the page's furniture (attachments, contact box, footer), and the
    # status box's 'Beslut: … bifölls' is the register's field, not a report on it
    document = radsdok.load("blank").parse_text(MOTION_ON_A_MUNICIPAL_PAGE)
    assert document.kind == "motion"
    assert [(a.name, a.party) for a in document.authors] == [("Lina Ek", "C"), ("Oskar Falk", "C")]
    # the status box's 'Beslut:' cites where the motion was decided: no proposal of its own
    assert [p.text for p in document.proposals] == [
        "att kommunen bygger laddplatser vid alla kommunala parkeringar",
        "att kommunens bostadsbolag erbjuder laddplatser till sina hyresgäster",
    ]


def test_a_decision_verb_in_a_titles_relative_clause_reports_nothing() -> None:
    text = (
        "Medborgarförslag om att bevara parken som antogs i detaljplanen\n\n"
        "Parken vid Ågatan är den sista gröna platsen i centrum och används av många barnfamiljer.\n\n"
        "Maja Lindgren\n"
    )
    assert detect_kind(text)[0] == "medborgarforslag"


LIST_OF_CITIZENS_PROPOSALS = (
    "Sörby kommun\nStart > Kommun och politik > Medborgarförslag\n\n"
    "Medborgarförslag\n\n"
    "Här kan du läsa om de medborgarförslag som har kommit in under året och vad som händer med dem.\n\n"
    "Medborgarförslag om ett utegym vid Norrvallen\n"
    "Förslagsställaren vill att kommunen bygger ett utegym. Förslaget lämnades in den 3 mars 2025.\n\n"
    "Medborgarförslag om fler soptunnor i stadsparken\n"
    "Förslaget lämnades in den 14 april 2025 och tas upp i fullmäktige den 26 maj.\n\n"
    "Sidan uppdaterades 2025-05-02\n"
)


def test_a_page_presenting_itself_as_a_list_of_citizens_proposals_is_about_them() -> None:
    # 'medborgarförslag' reads the same in the plural: the page's own intro tells it lists them
    kind, _, hit = detect_kind(LIST_OF_CITIZENS_PROPOSALS)
    assert kind == "other"
    assert hit is not None and hit.rule == "kind:lists-documents"
    intro = LIST_OF_CITIZENS_PROPOSALS[hit.start : hit.end]
    assert intro.startswith("Här kan du läsa om de medborgarförslag")


def test_a_list_page_is_dated_by_its_update_line() -> None:
    document = radsdok.load("blank").parse_text(LIST_OF_CITIZENS_PROPOSALS)
    assert document.kind == "other"
    assert str(document.date) == "2025-05-02"


def test_a_citizens_proposal_speaking_of_the_proposals_before_it_is_still_one() -> None:
    text = (
        "Medborgarförslag om belysning vid Norrvallen\n\n"
        "Jag vill att kommunen sätter upp belysning längs gångvägen vid Norrvallen. "
        "Flera tidigare förslag har handlat om samma sträcka.\n\n"
        "Maja Lindgren\n"
    )
    assert detect_kind(text)[0] == "medborgarforslag"


PORTAL_CHROME_TOP = (
    "Sörby kommun\nLyssna    Translate    Kontakt    Sök\n\nVi använder kakor\n"
    "Sörby kommun använder nödvändiga kakor för att webbplatsen ska fungera. Med ditt samtycke "
    "använder vi även kakor för statistik.\nGodkänn alla    Endast nödvändiga\n\n"
    "Start › Kommun och politik › Kommunfullmäktige › Interpellationer 2024\n\n"
)
PORTAL_CHROME_BOTTOM = (
    "\n\nStatus\nInterpellationen besvarades vid kommunfullmäktiges sammanträde 2024-04-22.\n\n"
    "Handlingar\nInterpellation om lekplatserna (pdf, 54 kB)\nSvar på interpellation (pdf, 88 kB)\n\n"
    "Senast uppdaterad: 2024-05-02\nDela sidan    Skriv ut\n"
)


def test_a_municipal_page_carrying_an_interpellation_in_full_is_the_interpellation() -> None:
    # cookie text, breadcrumbs and attachments say the page is published, not that it reports
    text = (
        PORTAL_CHROME_TOP + "Interpellation: Lekplatserna i Norrby\n\n"
        "Ställd av: Eva Ek (V)\nStälld till: Tekniska nämndens ordförande\n\n"
        "Tre av fem lekplatser i Norrby har stängts sedan i höstas.\n\n"
        "Jag vill därför fråga tekniska nämndens ordförande:\n\n"
        "När öppnas lekplatserna igen?\n\nEva Ek (V)\nLedamot i kommunfullmäktige" + PORTAL_CHROME_BOTTOM
    )
    assert detect_kind(text)[0] == "interpellation"


def test_a_party_news_post_telling_of_its_motion_is_still_about_it() -> None:
    # 'I motionen föreslår vi …' tells of the motion; no att-clause of its own stands in the text
    text = (
        "Vänsterpartiet Sörby\nHem | Vår politik | Nyheter | Kontakt\n\n"
        "Motion: Fler lekplatser i Norrby\n\n12 mars 2024\n\n"
        "På måndagens fullmäktige lämnade vi in en motion om lekplatserna i Norrby. "
        "I motionen föreslår vi att kommunen öppnar de stängda lekplatserna före sommaren.\n\n"
        "Läs hela motionen (pdf, 80 kB)\nLäs svaret (pdf, 60 kB)\n\nEva Ek\ngruppledare\n\n"
        "Dela: Facebook | E-post\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_municipal_page_carrying_a_partys_motion_in_full_is_the_motion() -> None:
    # the party proposes in its own name ('Centerpartiet föreslår …') and its att-lines follow
    text = (
        PORTAL_CHROME_TOP.replace("Interpellationer 2024", "Motioner 2024")
        + "Motion om lokalproducerad mat\n\nInlämnad: 2024-03-02\nMotionär: Eva Ek (C)\n\n"
        "Kommunens kök köper för lite mat från gårdarna runt Sörby.\n\n"
        "Centerpartiet föreslår att kommunfullmäktige beslutar\n\n"
        "att livsmedelsupphandlingen delas upp i mindre delar,\n\n"
        "att andelen lokal mat redovisas varje år.\n\n"
        "Eva Ek (C)\nOlle Berg (C)"
        + PORTAL_CHROME_BOTTOM.replace("Interpellation om lekplatserna", "Motion om lokal mat")
    )
    assert detect_kind(text)[0] == "motion"


def test_a_menu_item_naming_protocols_declares_no_protocol() -> None:
    # 'Möten och protokoll' is a link in the site's top bar; the page is a meeting's agenda
    text = (
        "Sörby kommun\nSörby.se    Möten och protokoll    Sök\n\n"
        "Hem / Kommun och politik / Möten och protokoll / Kommunfullmäktige\n\n"
        "Kommunfullmäktige 2024-04-25\n\nTid: Torsdag 25 april 2024 kl. 09.00\n\n"
        "Föredragningslista\n\n1. Årsredovisning 2023\nDnr KS 2024/00211\n\n2. Taxa för bygglov\n"
    )
    assert radsdok.load("blank").parse_text(text).kind == "other"


def test_a_header_rows_first_cell_still_opens_a_document() -> None:
    text = (
        "SÖRBY KOMMUN\nKommunledningskontoret\n\n"
        "Handläggare                    Datum                 Diarienummer\n"
        "Sofia Lundh                    2024-10-02            KS-2024-1874\n\n"
        "Svar på motion om cykelparkering\n\nFörslag till beslut\n"
        "Kommunstyrelsen föreslår kommunfullmäktige besluta\n\natt anse motionen besvarad.\n"
    )
    assert detect_kind(text)[0] == "tjansteskrivelse"


def test_a_list_whose_entries_say_when_they_were_published_is_dated_by_its_update_line() -> None:
    text = (
        "Sörby kommun\n\nPågående e-förslag\n\n"
        "Här ser du de e-förslag som är öppna för röstning just nu.\n\n"
        "Belysning längs Åvägen\nAv: Nils Berg\nPublicerat 2024-01-08 · 97 röster\n\n"
        "Fler bänkar i parken\nAv: Eva Ek\nPublicerat 2024-01-15 · 40 röster\n\n"
        "Senast uppdaterad: 2024-02-02\n"
    )
    document = radsdok.load("blank").parse_text(text)
    assert document.kind == "other"
    assert str(document.date) == "2024-02-02"


@pytest.mark.parametrize("word", ["medborgarförslag", "e-förslag", "invånarförslag"])
def test_an_answer_to_a_citizens_proposal_in_any_of_its_names_is_an_answer(word: str) -> None:
    text = (
        f"Svar på {word} om en lekplats i Norrby\n\nDnr 2024/TN 0214\n\n"
        "Tack för ditt förslag. Tekniska nämnden har beslutat att bygga om lekplatsen under 2025.\n\n"
        "Oskar Berg (C)\nOrdförande i tekniska nämnden\n"
    )
    assert detect_kind(text)[0] == "svar"


def test_an_answer_drafted_by_officials_under_a_tjansteskrivelse_label_is_a_tjansteskrivelse() -> None:
    text = (
        "Svar på motion om laddplatser - Möteshandlingar - Sörby kommun\n\n"
        "TJÄNSTESKRIVELSE\nDatum: 2024-11-03\nHandläggare: Jonas Ek\n\n"
        "Svar på motion om laddplatser\n\nFörslag till beslut\n\nKommunfullmäktige beslutar\n\n"
        "att motionen ska anses besvarad.\n\nJonas Ek\nutvecklingsstrateg\n"
    )
    assert detect_kind(text)[0] == "tjansteskrivelse"


def test_a_politicians_answer_without_such_a_label_stays_an_answer() -> None:
    text = (
        "Svar på interpellation om laddplatser\n\nEva Ek (V) har frågat mig om laddplatserna.\n\n"
        "Kommunen bygger tjugo nya laddplatser under 2025.\n\nOskar Berg (S)\nKommunstyrelsens ordförande\n"
    )
    assert detect_kind(text)[0] == "svar"


def test_a_heading_listing_kinds_with_commas_heads_a_list() -> None:
    text = (
        "Sörby kommun – Diariet\n\nMotioner, interpellationer och frågor registrerade 2024\n\n"
        "Dnr            Reg.datum   Ärendemening\n"
        "KS 2024/00031  2024-01-22  Motion från Eva Ek (L) om läxhjälp\n"
        "KS 2024/00058  2024-02-04  Enkel fråga från Bo Rask (SD) om snöröjningen\n"
        "KS 2024/00231  2024-04-02  Interpellation från Sara Lind (V) om hemtjänsten\n\n"
        "Sörby den 30 december 2024\n\nAnna Holm\nregistrator\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_word_tjansteskrivelsen_in_an_answers_prose_keeps_it_an_answer() -> None:
    text = (
        "Svar på interpellation om skolskjutsar\n\n"
        "Anna Berg (S) har ställt en interpellation till mig om skolskjutsarna i\n"
        "kommunens norra del. Hon frågar om kommunen avser att utöka turerna. Som framgår av\n"
        "tjänsteskrivelsen från barn- och utbildningsförvaltningen har antalet elever ökat.\n\n"
        "Jag kan konstatera att turerna redan har utökats.\n\nUmeå den 3 mars 2021\nBo Ask (M)\n"
        "Kommunstyrelsens ordförande\n"
    )
    assert detect_kind(text)[0] == "svar"


def test_a_motion_telling_of_motions_before_it_is_no_list() -> None:
    text = (
        "Motion om uppföljning av bifallna motioner\n\n"
        "Här i Sundsvall har de motioner som fullmäktige bifallit under de senaste åren\n"
        "ofta blivit liggande utan att genomföras. Det är inte rimligt.\n\n"
        "Jag föreslår därför kommunfullmäktige besluta\n"
        "att kommunstyrelsen årligen redovisar hur bifallna motioner har genomförts.\n\n"
        "Sundsvall den 4 maj 2022\nAnna Berg (V)\n"
    )
    assert detect_kind(text)[0] == "motion"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("Östersunds kommun      TJÄNSTESKRIVELSE      Kommunstyrelsen", "tjansteskrivelse"),
        ("Kalix kommun      Kommunfullmäktige      KALLELSE", "kallelse"),
    ],
)
def test_a_letterhead_set_in_cells_still_declares_its_kind(head: str, kind: str) -> None:
    text = (
        head + "\n\nNy renhållningstaxa\n\nFörslag till beslut\n"
        "Kommunstyrelsen föreslår kommunfullmäktige besluta\natt anta ny renhållningstaxa.\n\n"
        "Eva Ek\nKommundirektör\n"
    )
    assert detect_kind(text)[0] == kind


_TWO_QUESTIONS_PAGE = (
    "Liberalerna i Sandviken\n\n"
    "Våra interpellationer till fullmäktige i mars\n\n"
    "Interpellation till Kerstin Dahl (S), ordförande i kommunstyrelsen\n\n"
    "Simhallen har varit stängd sedan november och skolornas simundervisning har ställts in. "
    "Föräldrar hör av sig och undrar när barnen får tillbaka sina simlektioner, och "
    "föreningarna har fått flytta sina träningar till grannkommunerna.\n\n"
    "När öppnar simhallen igen?\n\nMaria Lind\n\n"
    "Interpellation till ordföranden i tekniska nämnden, Olof Berg (M)\n\n"
    "Gatlyktorna längs Storgatan har varit släckta i flera veckor. Många som går hem "
    "från stationen på kvällen säger att de känner sig otrygga på den sträckan.\n\n"
    "Vem ansvarar för att lyktorna lagas?\n\nJonas Ek\n"
)


def test_a_page_carrying_two_interpellations_whole_is_of_their_kind() -> None:
    # each opens with its own address line and asks its own question: the page publishes them
    kind, _, hit = detect_kind(_TWO_QUESTIONS_PAGE)
    assert kind == "interpellation"
    assert hit is not None and "is:carries-several" in hit.attrs["evidence"]
    doc = radsdok.parse_text(_TWO_QUESTIONS_PAGE)
    assert [a.name for a in doc.addressees] == ["Kerstin Dahl", "Olof Berg"]
    assert [q.text for q in doc.questions] == [
        "När öppnar simhallen igen?",
        "Vem ansvarar för att lyktorna lagas?",
    ]


def test_a_page_listing_interpellation_titles_stays_a_list() -> None:
    # address lines without the texts under them ask nothing: a list of what was asked
    text = (
        "Liberalerna i Sandviken\n\nVåra interpellationer till fullmäktige i mars\n\n"
        "Interpellation till Kerstin Dahl (S) om simhallen\n"
        "Interpellation till Olof Berg (M) om gatlyktorna på Storgatan\n"
        "Interpellation till Eva Lund (C) om skolskjutsarna\n\n"
        "Läs dem på kommunens webbplats.\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_news_item_on_a_rejected_motion_with_quoted_speech_is_about_it() -> None:
    # a kind word in the headline, then what a journalist writes: the party "har motionerat",
    # the assembly "avslår motionen", and speech set off by a dash with its tag
    text = (
        "Nej till Centerpartiets motion\n\n"
        "Centerpartiet har motionerat om att kommunen ska bygga en ny pendelparkering vid "
        "stationen.\n\n"
        "– Folk ställer bilen var som helst i dag, det håller inte, menar Lars Öhman (C).\n\n"
        "Kommunfullmäktige anser att parkeringen räcker och avslår därför motionen.\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "other"
    assert hit is not None and any(w.startswith("about:reports") for w in hit.attrs["evidence"])


def test_a_heading_alone_does_not_outweigh_a_report_under_it() -> None:
    # nothing under 'Motion om …' proposes, asks, addresses or signs; the text tells who
    # handed the motion in: the heading is the post's headline
    text = (
        "Motion om gratis busskort för pensionärer\n\n"
        "Idag lämnade Kristdemokraternas gruppledare Eva Sund in en motion om gratis busskort "
        "för alla över 70 år.\n\n– Många äldre har inte råd att åka buss i dag, säger Eva Sund.\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "other"
    assert hit is not None and hit.rule == "kind:about-a-document"


def test_an_interpellation_from_a_member_to_a_chair_is_addressed() -> None:
    # 'Interpellation från X till Y' is the address line, like 'Interpellation till Y'
    text = (
        "Interpellation om snöröjningen\n\n"
        "Interpellation från Sara Lind (MP) till tekniska nämndens ordförande Jan Ek (M)\n\n"
        "Gång- och cykelvägarna plogas sist av allt, ofta flera dagar efter ett snöfall. "
        "Det drabbar dem som inte har bil, och barnen på väg till skolan.\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "interpellation"
    assert hit is not None and "is:addressed" in hit.attrs["evidence"]


def test_a_notice_opening_with_medborgarforslag_that_proposes_nothing_is_about_it() -> None:
    # 'Medborgarförslag om …' opens the page, but the page reports what became of the proposal
    text = (
        "Medborgarförslag om en hundrastgård i Tallbacken\n\n"
        "Ett medborgarförslag har kommit in om en inhägnad rastgård för hundar. "
        "Kommunstyrelsen avslår medborgarförslaget, eftersom inga pengar finns avsatta.\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "other"
    assert hit is not None and hit.rule == "kind:about-a-document"


def test_a_medborgarforslag_proposing_in_its_own_voice_stays_one_under_its_answer() -> None:
    # the proposer's own 'jag föreslår' keeps it a medborgarförslag, though the page goes on
    # to tell that the committee granted it
    text = (
        "Medborgarförslag om en hundrastgård i Tallbacken\n\n"
        "Många hundägare bor i Tallbacken och närmaste rastgård ligger långt bort. "
        "Jag föreslår att kommunen bygger en inhägnad rastgård vid bollplanen.\n\n"
        "Svar: Tekniska nämnden beslutade att bifalla medborgarförslaget.\n"
    )
    assert detect_kind(text)[0] == "medborgarforslag"


def test_a_party_reported_as_proposing_gives_no_motion_evidence() -> None:
    # 'där partiet föreslår att …' tells of a proposal; it does not make one
    text = (
        "Nytt förslag om landsbygden\n\n"
        "Moderaterna har lämnat in en motion till kommunfullmäktige där partiet föreslår att "
        "kommunen inrättar ett landsbygdsråd. Motion om ett landsbygdsråd finns som bilaga.\n"
    )
    assert detect_kind(text)[0] == "other"


def test_a_text_only_mentioning_motions_in_its_prose_is_no_motion() -> None:
    # no heading names a kind; the words 'motion' and 'motionen' recur in a report of a vote,
    # and nothing in the text proposes, asks, addresses or signs
    text = (
        "Fortfarande ingen gratis buss\n\n"
        "Trots löftena i valrörelsen fick Sara Holm (S) se sin motion om gratis bussresor "
        "för pensionärer bli besvarad i kommunstyrelsen. L yrkade på att motionen skulle "
        "anses besvarad, S yrkade bifall till motionen. Det blev votering, 6 mot 5.\n\n"
        "Motionen går nu vidare till fullmäktige.\n"
    )
    kind, _, hit = detect_kind(text)
    assert kind == "other"
    assert hit is not None and hit.rule == "kind:about-a-document"


def test_a_motion_under_a_newsletters_lead_proposes_in_the_passive() -> None:
    # 'Kommunfullmäktige föreslås besluta' over numbered decisions: the motion's own proposal
    text = (
        "Nyhetsbrev från fullmäktigegruppen\n\n"
        "NY MOTION: BÄNKAR LÄNGS ÅN\n\n"
        "Därför har vi lämnat in följande motion till kommunfullmäktige.\n\n"
        "Motion av Lina Berg (V) och Omar Said (V) om fler bänkar längs ån\n\n"
        "Många äldre orkar inte gå hela promenadstråket utan att vila.\n\n"
        "Kommunfullmäktige föreslås besluta\n"
        "1. Parknämnden får i uppdrag att ställa ut tio nya bänkar längs ån.\n"
    )
    assert "is:proposes" in kind_evidence(text, lines_of(text), "motion")[2]
    assert detect_kind(text)[0] == "motion"


@pytest.mark.parametrize(
    "report",
    [
        "I mars motionerade (V) om ett ungdomsråd för kommunen.",
        "Enligt motionen borde kommunen inrätta ett ungdomsråd.",
        "Ett ungdomsråd skulle ge unga en röst, skriver förslagsställaren.",
    ],
)
def test_news_forms_of_reporting_on_a_document_count_as_reports(report: str) -> None:
    text = f"Ungdomsrådet\n\n{report}\n\nSvaret blev nej.\n"
    _is_doc, about, why = kind_evidence(text, lines_of(text), "motion")
    assert (about, why) == (1, ["about:reports*1"])


def test_a_register_of_dated_entries_under_a_plural_heading_is_a_list() -> None:
    # each entry under its own date on a line of its own, then who handed it in and its title
    entries = "".join(
        f"{day}\n\n{who}\n\n{title}\n\n"
        for day, who, title in [
            ("2024-05-17", "Anna Ek, V", "Vilken framtid för fritidsgårdarna?"),
            ("2024-05-14", "Per Holm, L", "Varför dröjer simhallen?"),
            ("2024-05-06", "Eva Lund, C", "När lagas gatlyktorna på Storgatan?"),
        ]
    )
    head = "Interpellationer\n\nInlämnade interpellationer 2024\n\nDatum\n\nInlämnat av\n\nTitel"
    text = f"{head}\n\n{entries}"
    kind, _, hit = detect_kind(text)
    assert kind == "other"
    assert hit is not None and "about:lists-dated-entries" in hit.attrs["evidence"]
