from __future__ import annotations

import pytest

import radsdok
from radsdok.components.proposals import find_proposals

BODY = "Kommunen behöver göra mer för att fler ska kunna cykla till skolan och till jobbet.\n\n"


def proposals(text: str) -> list[str]:
    return [hit.text for hit in find_proposals(text)]


def test_att_lines_after_yrkar() -> None:
    text = BODY + "Vi yrkar:\n\natt kommunen bygger cykelbanor\n\natt arbetet startar 2025"
    assert proposals(text) == ["att kommunen bygger cykelbanor", "att arbetet startar 2025"]


def test_capital_att_with_bullets() -> None:
    text = BODY + "Jag yrkar därför på\n\n- Att skolan får mer resurser\n- Att uppföljning sker"
    assert proposals(text) == ["Att skolan får mer resurser", "Att uppföljning sker"]


def test_numbered_att() -> None:
    text = BODY + "Vi föreslår:\n\natt1 kommunen utreder frågan\natt2 resultatet redovisas"
    assert proposals(text) == ["att kommunen utreder frågan", "att resultatet redovisas"]


def test_inline_yrkar_att() -> None:
    text = BODY + "Vi yrkar därför att kommunfullmäktige inför en cykelplan."
    assert proposals(text) == ["att kommunfullmäktige inför en cykelplan."]


def test_foreslar_att_kf_beslutar_att() -> None:
    text = BODY + "Jag föreslår att kommunfullmäktige beslutar att en cykelplan tas fram."
    assert proposals(text) == ["att en cykelplan tas fram."]


def test_att_in_prose_without_intro_is_not_a_proposal() -> None:
    text = BODY + "Att kostnader inte ska drabba invånarna är viktigt.\n\nDet är allt."
    assert proposals(text) == []


def test_numbered_points_under_decision_heading() -> None:
    points = "1. Kommunen inför en cykelplan.\n2. Planen följs upp årligen."
    text = BODY + "Förslag till beslut\n\n" + points + "\n\nBakgrund"
    assert proposals(text) == ["Kommunen inför en cykelplan.", "Planen följs upp årligen."]


def test_decision_points_run_together_after_foreslar_besluta() -> None:
    text = BODY + "Kommunstyrelsen föreslår kommunfullmäktige besluta 1. Notera rapporten. 2. Uppdra åt KS."
    assert proposals(text) == ["Notera rapporten.", "Uppdra åt KS."]


def protocol_proposals(text: str) -> list[str]:
    return [hit.text for hit in find_proposals(text, "protokoll")]


def test_att_colon_line_after_vi_vill_ge_i_uppdrag_in_the_same_paragraph() -> None:
    text = (
        BODY
        + "Vi vill därför ge kommunstyrelsen i uppdrag\nAtt: Utreda en cykelplan.\nEva Lind\nCenterpartiet"
    )
    assert proposals(text) == ["Att: Utreda en cykelplan."]


def test_att_besluta_enligt_nedan_is_an_intro_not_a_proposal() -> None:
    text = BODY + "Vi föreslår kommunfullmäktige att besluta enligt nedan\n\nAtt en cykelplan tas fram."
    assert proposals(text) == ["Att en cykelplan tas fram."]


def test_att_item_wrapped_over_a_page_gap_is_joined() -> None:
    text = BODY + "Vi yrkar:\n\nAtt en cykelplan tas fram för\n\nSkolorna i kommunen.\n\nEva Lind"
    assert proposals(text) == ["Att en cykelplan tas fram för Skolorna i kommunen."]


def test_comma_ended_bullet_continues_on_a_lowercase_line_after_a_gap() -> None:
    text = (
        BODY + "Jag yrkar därför på\n\n- Att cykelbanor byggs vid skolor,\n\nidrottshallar och bibliotek.\n"
    )
    assert proposals(text) == ["Att cykelbanor byggs vid skolor, idrottshallar och bibliotek."]


def test_item_without_att_after_yrkar_colon_on_the_next_line() -> None:
    text = BODY + "Miljöpartiet yrkar:\nbifall till motionen att cykelbanor byggs.\n\nEva Lind"
    assert proposals(text) == ["bifall till motionen att cykelbanor byggs."]


def test_bullets_without_att_after_yrkar_att_colon() -> None:
    text = (
        BODY + "Motionärerna yrkar att:\n\n• Kommunfullmäktige inför en cykelplan.\n• Planen följs upp.\n\n"
        "Kommunfullmäktige har behandlat motionen och avslog den."
    )
    assert proposals(text) == ["Kommunfullmäktige inför en cykelplan.", "Planen följs upp."]


def test_bullets_after_yrkar_i_motionen_att_line_end() -> None:
    text = (
        BODY + "Eva Lind (C) yrkar i motionen att\n\n• en cykelplan tas fram\n• planen följs upp årligen.\n"
    )
    assert proposals(text) == ["en cykelplan tas fram", "planen följs upp årligen."]


def test_subject_led_items_after_foreslar_kommunfullmaktige_besluta_colon() -> None:
    text = (
        BODY
        + "Vi föreslår kommunfullmäktige besluta:\n\nKommunfullmäktige avslår förslaget om nya taxor.\n\n"
        "Kommunfullmäktige ger kommunstyrelsen i uppdrag att ta fram en cykelplan.\n\nEva Lind"
    )
    assert proposals(text) == [
        "Kommunfullmäktige avslår förslaget om nya taxor.",
        "Kommunfullmäktige ger kommunstyrelsen i uppdrag att ta fram en cykelplan.",
    ]


def test_prose_yrkar_vi_pa_att_is_cut_at_its_sentence() -> None:
    text = BODY + "Med detta som grund yrkar vi på att en cykelplan tas fram. Det är hög tid.\n"
    assert proposals(text) == ["att en cykelplan tas fram."]


def test_decision_heading_with_its_decision_on_the_next_line() -> None:
    text = "§ 12\nMotion om cykelbanor\n\nBeslut\n"
    text += "Kommunfullmäktige remitterar motionen till kommunstyrelsen.\n\n"
    text += "Sammanfattning av ärendet\nEva Lind (C) har lämnat en motion."
    assert protocol_proposals(text) == ["Kommunfullmäktige remitterar motionen till kommunstyrelsen."]


def test_zone_paragraph_splits_where_a_sentence_names_the_body_and_keeps_other_sentences() -> None:
    text = (
        "Förslag till beslut i kommunfullmäktige\n\nKommunfullmäktige avslår motionen. Skälet är kostnaden.\n"
        "Kommunfullmäktige ger nämnden i uppdrag att\nutreda frågan.\n\nSammanfattning av ärendet\nText."
    )
    assert proposals(text) == [
        "Kommunfullmäktige avslår motionen. Skälet är kostnaden.",
        "Kommunfullmäktige ger nämnden i uppdrag att utreda frågan.",
    ]


def test_a_body_genitive_heading_opens_a_zone() -> None:
    text = "Kultur- och fritidsnämndens förslag till kommunstyrelsen\n"
    text += "- Informationen noteras.\n\nBeskrivning\nText."
    assert proposals(text) == ["Informationen noteras."]


def test_intro_line_inside_a_decision_zone_is_skipped() -> None:
    text = (
        "Beslut\nNämnden föreslår kommunstyrelsen följande förslag till beslut:\n\n"
        "Kommunstyrelsen avslår motionen.\n\nReservation\nEva Lind (C) reserverar sig."
    )
    assert protocol_proposals(text) == ["Kommunstyrelsen avslår motionen."]


def test_protocol_does_not_take_claims_or_reported_motion_proposals() -> None:
    text = (
        "Ärendebeskrivning\nI motionen föreslås att cykelbanor byggs.\n\n"
        "Förslag till beslut på sammanträdet\nEva Lind (C) yrkar att motionen bifalls.\n\n"
        "Beslut\nKommunfullmäktige avslår motionen.\n"
    )
    assert protocol_proposals(text) == ["Kommunfullmäktige avslår motionen."]


def test_protocol_keeps_att_clauses_after_beslutar() -> None:
    text = "Kommunfullmäktiges beslut\nKommunfullmäktige beslutar\n\n"
    text += "att avslå motionen,\n\natt anse frågan besvarad."
    assert protocol_proposals(text) == ["att avslå motionen", "att anse frågan besvarad."]


def test_weak_genitive_heading_needs_items_naming_the_body() -> None:
    text = "Kommunfullmäktiges beslut\n\n • Interpellationerna besvaras vid nästa sammanträde.\n • Register\n"
    assert protocol_proposals(text) == []


def test_quoted_decision_in_the_background_is_not_a_proposal() -> None:
    text = (
        BODY
        + "Fullmäktige beslöt 2019 ”Kommunfullmäktige hemställer att nämnden bygger cykelbanor”."
        + "\n\nVad har hänt?"
    )
    assert proposals(text) == []


def test_past_tense_decision_is_not_an_intro() -> None:
    text = BODY + "Regionfullmäktige beslutade 2021-04-20 att:\nMotionen anses besvarad.\n"
    assert proposals(text) == []


def test_an_att_clause_ending_in_a_colon_introduces_the_dash_items_under_it() -> None:
    text = (
        "Motion om skolgårdar\n\nSkolgårdarna är för små.\n\n"
        "Vi yrkar därför att fullmäktige ger tekniska nämnden i uppdrag att:\n\n"
        "– kartlägga skolgårdarnas storlek,\n– föreslå en lägsta yta per elev,\n"
        "– redovisa arbetet före årsskiftet.\n"
    )
    assert proposals(text) == [
        "kartlägga skolgårdarnas storlek",
        "föreslå en lägsta yta per elev",
        "redovisa arbetet före årsskiftet.",
    ]


def test_an_att_clause_ending_in_a_colon_without_items_under_it_stays_a_proposal() -> None:
    text = "Motion om bad\n\nVi yrkar därför att kommunen bygger ett bad: ett nytt, stort bad.\n"
    assert proposals(text) == ["att kommunen bygger ett bad: ett nytt, stort bad."]


def test_an_att_clause_under_a_form_heading_forslag_is_the_proposal() -> None:
    text = (
        "E-förslag\n\nLekplats i parken\n\nBeskrivning\nBarnen saknar en lekplats.\n\n"
        "Förslag\nAtt kommunen bygger en lekplats i parken.\n\nKommentarer (2)\n"
    )
    assert proposals(text) == ["Att kommunen bygger en lekplats i parken."]


def test_prose_under_a_form_heading_forslag_is_no_proposal() -> None:
    text = "E-förslag\n\nLekplats i parken\n\nFörslag\nEn lekplats skulle glädja alla barn här.\n"
    assert proposals(text) == []


def test_questions_listed_after_an_intro_that_reads_like_a_proposal_intro_are_no_proposals() -> None:
    text = (
        "Till socialnämndens ordförande\n\nOm boendet\n\nKöerna växer.\n\n"
        "Mot den bakgrunden vill jag att ordföranden svarar på följande:\n\n"
        "1. Hur många väntar i dag?\n2. När står boendet klart?\n\nSara Ek (V)\n"
    )
    assert proposals(text) == []


def test_a_deciding_bodys_sentence_under_a_decision_heading_is_kept_whole() -> None:
    text = (
        "Tjänsteskrivelse\n\nFörslag till beslut\n\n"
        "Kommunstyrelsen föreslår kommunfullmäktige att avslå motionen.\n\n"
        "Beskrivning av ärendet\n\nMotionen föreslår en ny simhall.\n"
    )
    assert proposals(text) == ["Kommunstyrelsen föreslår kommunfullmäktige att avslå motionen."]


def test_an_officials_proposal_sentence_under_a_decision_heading_keeps_the_att_clause() -> None:
    text = (
        "Tjänsteskrivelse\n\nFörslag till beslut\n\n"
        "Förvaltningen föreslår att kommunfullmäktige avslår motionen.\n"
    )
    assert proposals(text) == ["att kommunfullmäktige avslår motionen."]


def test_att_lines_under_an_intro_line_ending_in_besluta_are_each_a_proposal() -> None:
    text = (
        "§ 12 Ungdomsråd\n\nBeslut\n\nKommunstyrelsen föreslår kommunfullmäktige besluta\n"
        "att bifalla motionen,\natt rådet inrättas den 1 september, samt\n"
        "att kommunstyrelsen tar fram ett reglemente.\n"
    )
    assert proposals(text) == [
        "att bifalla motionen",
        "att rådet inrättas den 1 september",
        "att kommunstyrelsen tar fram ett reglemente.",
    ]


def test_a_body_proposing_that_the_council_decide_gives_the_att_clause() -> None:
    text = (
        "Tjänsteskrivelse\n\nFörslag till beslut\n\n"
        "Kommunstyrelsen föreslår kommunfullmäktige besluta att motionen bifalls.\n"
    )
    assert proposals(text) == ["att motionen bifalls."]


def test_att_lines_of_a_text_not_wrapped_are_each_a_proposal() -> None:
    first = (
        "att landstingsstyrelsen får i uppdrag att utreda hur städningen på Karolinska sjukhuset och "
        "Södersjukhuset kan återföras till egen regi"
    )
    text = (
        "Motion om städning\n\nVi föreslår landstingsfullmäktige besluta\n\n"
        + first
        + "\natt utredningen redovisas senast i juni\n"
    )
    assert proposals(text) == [first, "att utredningen redovisas senast i juni"]


def test_an_att_clause_wrapped_onto_a_line_starting_with_att_stays_one() -> None:
    text = "Motion om hallen\n\nVi yrkar\n\natt kommunen utreder möjligheten\natt bygga en ny idrottshall.\n"
    assert proposals(text) == ["att kommunen utreder möjligheten att bygga en ny idrottshall."]


def test_a_two_part_boards_decision_heading_heads_a_passive_decision() -> None:
    """'Kultur- och fritidsnämndens beslut' is a decision heading like 'Nämndens beslut', and
    a decision written in the passive about the motion ('Motionen avslås.') is one."""
    text = (
        "Kultur- och fritidsnämnden\nPROTOKOLL\n\n§ 14 Svar på motion om isbana i Vallby\n\n"
        "Kultur- och fritidsnämndens beslut\n1. Motionen avslås.\n\nBakgrund\nMotionären vill att "
        "nämnden spolar en isbana.\n"
    )
    assert [hit.text for hit in find_proposals(text, "protokoll")] == ["Motionen avslås."]


def test_a_petitions_demands_and_a_second_proposal_with_ocksa_are_proposals() -> None:
    """'Vi som skriver under kräver därför:' introduces att-items as 'yrkar:' does, and
    'Jag föreslår också att …' adds a proposal in prose."""
    petition = (
        "Rädda skogsdungen i Vallby\n\n" + BODY + "Vi som skriver under kräver därför:\n\n"
        "• att dungen undantas från exploatering,\n• att kommunen utreder ett naturreservat.\n"
    )
    assert proposals(petition) == [
        "att dungen undantas från exploatering",
        "att kommunen utreder ett naturreservat.",
    ]
    prose = (
        BODY + "Jag föreslår att kommunen sätter upp en bänk.\n\nJag föreslår också att bänken får ett tak.\n"
    )
    assert proposals(prose) == ["att kommunen sätter upp en bänk.", "att bänken får ett tak."]


def test_mitt_forslag_ar_introduces_the_att_items_under_a_form_heading() -> None:
    """An e-service form: 'Förslag' over 'Mitt förslag är:' over dash att-items."""
    form = (
        "Medborgarförslag\nInkommet via e-tjänst 2022-05-02\n\nFörslag\nMitt förslag är:\n"
        "- att kommunen sätter upp en bänk vid badet\n- att bänken får ett tak\n\nMotivering\n" + BODY
    )
    assert [hit.text for hit in find_proposals(form, "medborgarforslag")] == [
        "att kommunen sätter upp en bänk vid badet",
        "att bänken får ett tak",
    ]


def test_a_page_break_inside_the_att_list_does_not_end_it() -> None:
    """Text converted from a PDF keeps the page number and the letterhead repeated at the top
    of the next page; the att-clauses after them are still proposals."""
    text = (
        "VÄNSTERPARTIET I BODEN                       MOTION\n\nTill kommunfullmäktige\n\n"
        + BODY
        + "Vi föreslår kommunfullmäktige besluta\n\natt kommunen bygger fler cykelställ,\n\n"
        "                                   1 (2)\n\n"
        "VÄNSTERPARTIET I BODEN                       MOTION\n\n"
        "att cykelställen får tak.\n\nBoden den 3 mars 2021\n\nEva Ek (V)\n"
    )
    assert proposals(text) == ["att kommunen bygger fler cykelställ", "att cykelställen får tak."]


AGENDA_WITH_LABELLED_DECISIONS = (
    "Kallelse till kommunfullmäktige i Sala\n\n"
    "Ärenden\n\n"
    "1.  Val av justerare\n\n"
    "2.  Svar på motion från Ida Berg (MP) om solpaneler på förskolor      Dnr 2021/77\n"
    "    Kommunstyrelsens förslag till beslut: Motionen anses besvarad.\n\n"
    "3.  Taxa för bygglov 2022                                            Dnr 2021/102\n"
    "    Kommunstyrelsens förslag: Kommunfullmäktige antar taxan och låter den gälla\n"
    "    från den 1 januari 2022.\n\n"
    "4.  Beslut: Ny ledamot i valberedningen väljs vid nästa sammanträde.\n"
)


def test_a_decision_label_with_its_decision_on_the_same_line_proposes_it() -> None:
    # an agenda gives each item's proposed decision beside its label, not under a heading
    assert proposals(AGENDA_WITH_LABELLED_DECISIONS) == [
        "Motionen anses besvarad.",
        "Kommunfullmäktige antar taxan och låter den gälla från den 1 januari 2022.",
        "Ny ledamot i valberedningen väljs vid nästa sammanträde.",
    ]


def test_a_decision_label_inside_a_quotation_proposes_nothing() -> None:
    text = BODY + "I protokollet stod ”Beslut: Motionen avslås.” och mer än så blev det inte.\n"
    assert proposals(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi kräver därför att kommunen bygger fler hyresrätter.",
        "Vi, som bor i området, kräver att kommunen bygger fler hyresrätter.",
        "Vänsterpartiet i Tanum kräver att kommunen bygger fler hyresrätter.",
    ],
)
def test_a_demand_by_the_writers_or_a_party_is_a_proposal(sentence: str) -> None:
    assert proposals(BODY + sentence + "\n") == ["att kommunen bygger fler hyresrätter."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Det går att vända, men det kräver att kommunen bygger fler hyresrätter.",
        "Arbetet kräver att kommunen bygger fler hyresrätter.",
    ],
)
def test_what_a_thing_requires_is_no_proposal(sentence: str) -> None:
    # 'det kräver att …' says what is needed; no one demands it
    assert proposals(BODY + sentence + "\n") == []


def test_an_agenda_items_decision_heading_right_under_its_case_number_opens_its_proposals() -> None:
    # no blank line between the item's lines and its 'Förslag till beslut'
    text = (
        "Kallelse till kommunstyrelsen\n\nÄrenden\n\n"
        "1. Svar på motion om laddplatser (MP)\n"
        "Diarienummer: KS 2025/17\n"
        "Förslag till beslut\n"
        "- Motionen anses besvarad.\n\n"
        "2. Taxa för torghandel 2026\n"
        "Diarienummer: KS 2025/40\n"
        "Förslag till beslut\n"
        "- Taxan antas.\n"
    )
    assert proposals(text) == ["Motionen anses besvarad.", "Taxan antas."]


def test_a_differently_marked_item_after_a_decision_list_ends_it() -> None:
    text = BODY + "Förslag till beslut\n- Taxan antas.\n- Taxan gäller från 1 juli.\n3. Övriga frågor\n"
    assert proposals(text) == ["Taxan antas.", "Taxan gäller från 1 juli."]


def test_a_boards_decision_names_a_board_by_its_adjective_and_a_neuter_answer() -> None:
    # under '… beslut' items count only where they name the deciding body or the decision
    text = (
        "§ 12 Medborgarförslag om en hundrastgård\n\nKommunstyrelsens beslut\n\n"
        "1. Tekniska nämnden får i uppdrag att föreslå en plats för hundrastgården.\n"
        "2. Medborgarförslaget anses i övrigt besvarat.\n"
    )
    assert [hit.text for hit in find_proposals(text, "protokoll")] == [
        "Tekniska nämnden får i uppdrag att föreslå en plats för hundrastgården.",
        "Medborgarförslaget anses i övrigt besvarat.",
    ]


def test_an_agenda_tables_decision_cells_are_proposals() -> None:
    text = (
        "| Nr | Ärende                                        | Dnr         |\n"
        "| 3  | Svar på motion om kameror                     | KS 2019/788 |\n"
        "|    | Förslag: Kommunfullmäktige avslår motionen.   |             |\n"
        "| 4  | Svar på medborgarförslag om utegym            | KS 2019/102 |\n"
        "|    | Förslag: Medborgarförslaget anses besvarat.   |             |\n"
        "| 5  | Övriga frågor                                 |             |\n"
        "|    | Förslag: Ordföranden informerar.              |             |\n"
    )
    # a bare 'Förslag:' labels a decision where it names the deciding body or the decision
    assert proposals(text) == ["Kommunfullmäktige avslår motionen.", "Medborgarförslaget anses besvarat."]


def test_a_decision_giving_an_office_a_task_names_its_subject() -> None:
    text = (
        "§ 40 Medborgarförslag om en lekplats\n\nKommunstyrelsens beslut\n"
        "1. Medborgarförslaget bifalls.\n2. Stadsbyggnadskontoret får i uppdrag att rusta upp lekplatsen.\n"
    )
    assert [hit.text for hit in find_proposals(text, "protokoll")] == [
        "Medborgarförslaget bifalls.",
        "Stadsbyggnadskontoret får i uppdrag att rusta upp lekplatsen.",
    ]


def test_att_lines_without_punctuation_are_each_a_proposal() -> None:
    text = (
        BODY + "Jag föreslår\natt kommunen spolar en isbana på torget från december till\n"
        "och med februari\natt skolorna får boka tider på banan\n"
    )
    assert proposals(text) == [
        "att kommunen spolar en isbana på torget från december till och med februari",
        "att skolorna får boka tider på banan",
    ]


def test_a_line_ending_on_a_preposition_goes_on_into_the_att_below() -> None:
    text = BODY + "Jag föreslår\natt kommunen ger föreningarna möjlighet till\natt boka banan gratis\n"
    assert proposals(text) == ["att kommunen ger föreningarna möjlighet till att boka banan gratis"]


def test_decisions_numbered_without_a_dot_are_each_a_decision() -> None:
    text = (
        "§ 45 Motion om tandvård\n\nRegionfullmäktiges beslut\n1 Motionen avslås.\n"
        "2 Regionstyrelsen får i uppdrag att följa upp tandhälsan och återrapportera\n"
        "  till regionfullmäktige.\n\nReservation\nSocialdemokraterna reserverar sig.\n"
    )
    assert [hit.text for hit in find_proposals(text, "protokoll")] == [
        "Motionen avslås.",
        "Regionstyrelsen får i uppdrag att följa upp tandhälsan och återrapportera till regionfullmäktige.",
    ]


AGENDA_ITEMS_WITH_DECISIONS_IN_PROSE = (
    "Föredragningslista\n\n"
    "3. Svar på motion om sommarjobb                                KS 2025/77\n"
    "   Förslag till beslut\n"
    "   Kommunstyrelsen föreslår kommunfullmäktige\n"
    "   att avslå motionen.\n\n"
    "4. Yttrande över remiss om cykelstrategi                       KS 2025/99\n"
    "   Förslag till beslut\n"
    "   Kommunstyrelsen beslutar\n"
    "   att avge yttrande enligt bilaga 1.\n\n"
    "5. Anmälan av delegationsbeslut\n"
)


def test_the_agenda_item_after_a_decision_is_no_proposal() -> None:
    # a numbered item after a decision written as a sentence or as an att-line is the next item
    found = proposals(AGENDA_ITEMS_WITH_DECISIONS_IN_PROSE)
    assert "att avge yttrande enligt bilaga 1." in found
    assert not [p for p in found if p.startswith(("Yttrande", "Anmälan"))]


def test_a_registers_status_after_a_decision_label_is_no_decision() -> None:
    text = "Motioner 2008\n\nNr 1/2008   Motion om bussar\nBeslut: Avslag, KF 2008-09-23 § 176\n"
    assert proposals(text) == []


def test_a_numbered_decision_list_where_one_item_names_the_body_is_all_decisions() -> None:
    text = (
        "§ 201 Medborgarförslag om skolskjuts\n\nKommunstyrelsens beslut\n"
        "1. Elever längs väg 810 beviljas skolskjuts under vintern.\n"
        "2. Kommunstyrelsen uppdrar åt kontoret att utreda en cykelväg.\n"
        "3. Medborgarförslaget anses därmed besvarat.\n\nReservation\nEva Ek (C) reserverar sig.\n"
    )
    assert [hit.text for hit in find_proposals(text, "protokoll")] == [
        "Elever längs väg 810 beviljas skolskjuts under vintern.",
        "Kommunstyrelsen uppdrar åt kontoret att utreda en cykelväg.",
        "Medborgarförslaget anses därmed besvarat.",
    ]


PROTOCOL_EXTRACT = (
    "SÖRBY KOMMUN          SAMMANTRÄDESPROTOKOLL\n"
    "Kommunfullmäktige     2022-05-16\n\n"
    "KF § 41          Dnr KS 2021/220\n\n"
    "Motion om fler parkbänkar längs Ågatan\n\n"
    "Karin Holm (V) föreslår i en motion att kommunen ställer ut fler bänkar längs Ågatan.\n\n"
    "Kommunstyrelsens förslag\n"
    "Motionen bifalls.\n\n"
    "Kommunfullmäktiges beslut\n"
    "Motionen bifalls. Tekniska nämnden får i uppdrag att ställa ut bänkarna under sommaren.\n"
    "____________________\n"
    "Exp: Tekniska nämnden\n"
)


def test_a_protocol_records_its_decision_not_the_proposal_it_reports() -> None:
    found = [h.text for h in find_proposals(PROTOCOL_EXTRACT, "protokoll")]
    assert found == [
        "Motionen bifalls.",
        "Tekniska nämnden får i uppdrag att ställa ut bänkarna under sommaren.",
    ]


def test_a_proposal_heading_stays_where_a_protocol_records_no_decision() -> None:
    text = PROTOCOL_EXTRACT[: PROTOCOL_EXTRACT.index("Kommunfullmäktiges beslut")]
    assert [h.text for h in find_proposals(text, "protokoll")] == ["Motionen bifalls."]


def test_further_claims_of_a_motion_are_proposals() -> None:
    text = (
        "Motion om läxhjälp\n\nMånga elever saknar stöd hemma.\n\n"
        "Vi yrkar därför på att läxhjälp erbjuds på biblioteken.\n\n"
        "Vi yrkar vidare på att 50 000 kronor avsätts för verksamheten.\n\n"
        "Slutligen yrkar vi på att verksamheten utvärderas efter ett år.\n\nAnna Berg (L)\n"
    )
    assert proposals(text) == [
        "att läxhjälp erbjuds på biblioteken.",
        "att 50 000 kronor avsätts för verksamheten.",
        "att verksamheten utvärderas efter ett år.",
    ]


def test_att_lines_under_a_citizens_own_proposal_heading() -> None:
    text = (
        "Medborgarförslag\n\nGångvägen vid Fridhem är mörk på kvällarna.\n\n"
        "Mitt förslag till beslut\n"
        "att kommunen sätter upp belysning längs gångvägen\n"
        "att belysningen är klar före vintern\n\n"
        "Namn                    Underskrift\n"
    )
    assert proposals(text) == [
        "att kommunen sätter upp belysning längs gångvägen",
        "att belysningen är klar före vintern",
    ]


def test_an_interpellation_declared_answered_is_a_protocols_decision() -> None:
    text = (
        "KF § 12\n\nInterpellation om snöröjningen i Norrby\n\n"
        "Eva Ek (C) har ställt en interpellation till tekniska nämndens ordförande Bo Lind (S). "
        "Bo Lind svarar och Eva Ek replikerar.\n\n"
        "Kommunfullmäktiges beslut\n"
        "Interpellationen anses besvarad.\n"
    )
    assert [h.text for h in find_proposals(text, "protokoll")] == ["Interpellationen anses besvarad."]


def test_a_decision_label_citing_where_it_was_decided_is_no_proposal() -> None:
    text = (
        "Motion om parkbänkar\n\nStatus: Avgjord\nBeslut: Kommunfullmäktige 2021-11-22 § 140.\n\n"
        "Vi föreslår\n\natt kommunen ställer ut fler bänkar längs Ågatan\n\nEva Ek (V)\n"
    )
    assert proposals(text) == ["att kommunen ställer ut fler bänkar längs Ågatan"]


def test_a_proposal_intro_ending_its_line_without_a_colon() -> None:
    text = (
        "Medborgarförslag\n\nMotionsspåret är mörkt hela vintern.\n\n"
        "Mitt förslag är därför\n\n"
        "- att kommunen belyser hela slingan,\n\n"
        "- att belysningen styrs med rörelsesensorer.\n\nMaja Lindgren\n"
    )
    assert proposals(text) == [
        "att kommunen belyser hela slingan",
        "att belysningen styrs med rörelsesensorer.",
    ]


def test_a_protocols_recorded_decision_leaves_another_sections_proposal() -> None:
    # § 41 records its decision; § 42 gives only the board's proposal, which stays
    text = (
        "KF § 41\n\nMotion om bänkar\n\nKommunstyrelsens förslag\nMotionen bifalls.\n\n"
        "Kommunfullmäktiges beslut\nMotionen bifalls.\n\n"
        "KF § 42\n\nTaxa för bygglov\n\nKommunstyrelsens förslag\natt anta taxan enligt bilaga.\n"
    )
    assert [h.text for h in find_proposals(text, "protokoll")] == [
        "Motionen bifalls.",
        "att anta taxan enligt bilaga.",
    ]


def test_att_lines_under_a_forms_question_are_the_citizens_proposals() -> None:
    text = (
        "Medborgarförslag\n\nBeskriv ditt förslag\nHundarna saknar en inhägnad plats att springa fritt.\n\n"
        "Vad vill du att kommunen ska göra?\n"
        "Att kommunen anlägger en hundrastgård vid Österleden.\n"
        "Att en del avskiljs för små hundar.\n\nMaja Lindgren\n"
    )
    assert proposals(text) == [
        "Att kommunen anlägger en hundrastgård vid Österleden.",
        "Att en del avskiljs för små hundar.",
    ]


def test_an_att_clause_stopping_at_its_subject_introduces_the_dash_items_below() -> None:
    text = (
        "Medborgarförslag\n\nBadplatsen vid Sjövik har förfallit.\n\n"
        "Jag föreslår att kommunen\n\n"
        "- ställer ut fler sopkärl vid badplatsen\n\n"
        "- lagar bryggan före sommaren\n\nMaja Lindgren\n"
    )
    assert proposals(text) == ["ställer ut fler sopkärl vid badplatsen", "lagar bryggan före sommaren"]


def test_a_protocols_listed_decision_items_are_its_decisions() -> None:
    # under 'Kommunfullmäktiges beslut' in a protocol every dash item is decided, even one
    # that names no deciding body; a one-word link below the list is none
    text = (
        "§ 71 Anmälan av motioner\n\nDnr KS 2022/0311\n\n"
        "Olle Nord (C) har lämnat in en motion om cykelparkering vid stationen.\n\n"
        "Kommunfullmäktiges beslut\n\n"
        "- Motionen lämnas till kommunstyrelsen för beredning.\n\n"
        "- Noterar att motionären deltar vid beredningen.\n\n"
        "• Skriv ut\n"
    )
    assert [h.text for h in find_proposals(text, "protokoll")] == [
        "Motionen lämnas till kommunstyrelsen för beredning.",
        "Noterar att motionären deltar vid beredningen.",
    ]


def test_a_protocols_procedural_decision_on_a_question_is_no_proposal() -> None:
    # that an interpellation may be put, or when it is answered, decides no matter
    text = (
        "§ 72 Anmälan av interpellationer\n\n"
        "Lisa Falk (M) har ställt en interpellation till tekniska nämndens ordförande.\n\n"
        "Kommunfullmäktiges beslut\n\n"
        "- Interpellationen får ställas.\n\n"
        "- Interpellationen besvaras vid nästa sammanträde.\n\n"
        "Ordföranden tackar för ordet.\n"
    )
    assert find_proposals(text, "protokoll") == []


def test_an_interpellation_declared_answered_in_other_words_is_a_decision() -> None:
    text = (
        "KF § 13\n\nInterpellation om badplatserna\n\n"
        "Kommunfullmäktiges beslut\n"
        "Interpellationen förklaras besvarad.\n"
    )
    assert [h.text for h in find_proposals(text, "protokoll")] == ["Interpellationen förklaras besvarad."]


def test_a_prose_att_clause_restating_a_listed_proposal_is_dropped() -> None:
    # the list under '… föreslår kommunfullmäktige besluta' is the proposal; the background's
    # 'och föreslår att …' says the same in prose
    text = (
        "Tjänsteskrivelse\n\nSvar på motion om utegym i Norrby\n\n"
        "Förvaltningen föreslår att kommunfullmäktige beslutar\n\n"
        "att motionen anses besvarad,\n\n"
        "att ett utegym byggs i Norrby under 2026.\n\n"
        "Bakgrund\n\nMotionären vill ha ett utegym. Förvaltningen delar bedömningen och "
        "föreslår att ett utegym byggs i Norrby nästa år.\n\nAnna Lind\nplanerare\n"
    )
    assert proposals(text) == ["att motionen anses besvarad", "att ett utegym byggs i Norrby under 2026."]


def test_a_prose_att_clause_followed_by_its_further_att_lines_stays() -> None:
    text = (
        "Medborgarförslag\n\nJag föreslår att kommunen bygger en brygga vid badplatsen.\n\n"
        "att bryggan görs tillgänglig för rullstol\n\nMaja Lindgren\n"
    )
    assert proposals(text) == [
        "att kommunen bygger en brygga vid badplatsen.",
        "att bryggan görs tillgänglig för rullstol",
    ]


MOTION_STATUS_PAGE = (
    "Motion om fler platser i sommarskolan\n\n"
    "Diarienummer: KS 2024/0112\nInlämnad: 2024-02-12\nMotionärer: Eva Ek (C), Lars Ström (C)\n"
    "Status: Avgjord\n\n"
    "Sammanfattning\nMotionärerna vill att fler elever får plats i sommarskolan. "
    "De föreslår att kommunfullmäktige beslutar\n\n"
    "– att sommarskolan får 40 fler platser\n"
    "– att skolskjuts ordnas från landsbygden\n\n"
    "Beslut\nKommunfullmäktige beslutade 2024-09-23, § 88, att avslå motionen.\n\n"
    "Senast uppdaterad: 2024-09-30\n"
)


def test_a_decision_told_on_a_motions_own_page_is_its_fate_not_its_proposal() -> None:
    found = [h.text for h in find_proposals(MOTION_STATUS_PAGE, "motion")]
    assert found == ["att sommarskolan får 40 fler platser", "att skolskjuts ordnas från landsbygden"]


def test_the_same_decision_in_a_protocol_is_the_decision() -> None:
    found = [h.text for h in find_proposals(MOTION_STATUS_PAGE, "protokoll")]
    assert found == ["Kommunfullmäktige beslutade 2024-09-23, § 88, att avslå motionen."]


def test_a_proposal_told_under_a_motion_pages_decision_heading_is_no_proposal() -> None:
    # 'Kommunstyrelsen föreslog …' under the page's decision heading tells the case's course
    text = MOTION_STATUS_PAGE.replace(
        "Beslut\nKommunfullmäktige beslutade 2024-09-23, § 88, att avslå motionen.",
        "Kommunfullmäktiges beslut\nKommunstyrelsen föreslog att motionen skulle avslås. "
        "Kommunfullmäktige beslutade den 23 september 2024 i enlighet med förslaget.",
    )
    found = [h.text for h in find_proposals(text, "motion")]
    assert found == ["att sommarskolan får 40 fler platser", "att skolskjuts ordnas från landsbygden"]


PORTAL_ITEM_WITH_A_CITIZENS_PROPOSAL = (
    "Sörby kommun | Sammanträdesportal\n\nKommunfullmäktige 2024-09-23 > Ärende 14\n\n"
    "14. Medborgarförslag om en hundrastgård på Norrby\n\n"
    "Förslag till beslut: Medborgarförslaget överlämnas till tekniska nämnden för beredning.\n\n"
    "Beslutsunderlag\nMedborgarförslag hundrastgård.pdf (40 kB)\n\n"
    "Medborgarförslag\n\nHundägarna på Norrby saknar en inhägnad plats.\n\nJag föreslår\n\n"
    "att kommunen anlägger en hundrastgård på Norrby\n\n"
    "att hundrastgården får belysning\n\nMaja Lindgren\n"
)


def test_a_citizens_own_att_clauses_beat_the_portals_handling_of_them() -> None:
    found = [h.text for h in find_proposals(PORTAL_ITEM_WITH_A_CITIZENS_PROPOSAL, "medborgarforslag")]
    assert found == ["att kommunen anlägger en hundrastgård på Norrby", "att hundrastgården får belysning"]


def test_the_portals_handling_is_the_proposal_of_a_page_about_the_item() -> None:
    found = [h.text for h in find_proposals(PORTAL_ITEM_WITH_A_CITIZENS_PROPOSAL, "other")]
    assert found == ["Medborgarförslaget överlämnas till tekniska nämnden för beredning."]


def test_a_portals_handling_of_a_question_proposes_nothing() -> None:
    text = (
        "Sörby kommun | Sammanträdesportal\n\nKommunfullmäktige 2024-09-23 > Ärende 9\n\n"
        "9. Enkel fråga om gatubelysningen\n\n"
        "Förslag till beslut: Frågan besvaras muntligt vid sammanträdet.\n\n"
        "Enkel fråga till tekniska nämndens ordförande\n\nNär lagas belysningen på Storgatan?\n\nEva Ek (V)\n"
    )
    assert find_proposals(text, "fraga") == []


def test_a_protocols_referral_of_motions_is_its_decision() -> None:
    text = (
        "KF § 88 Anmälan av motioner\n\nFöljande motioner anmäls:\n\n"
        "a) Motion från Eva Ek (V) om lekplatser. Dnr KS 2024/0519\n\n"
        "Kommunfullmäktiges beslut\n"
        "Motionerna remitteras till kommunstyrelsen för beredning.\n"
        "Medborgarförslaget överlämnas till tekniska nämnden för beredning och beslut.\n"
    )
    assert [h.text for h in find_proposals(text, "protokoll")] == [
        "Motionerna remitteras till kommunstyrelsen för beredning.",
        "Medborgarförslaget överlämnas till tekniska nämnden för beredning och beslut.",
    ]


def test_a_citizens_prose_proposal_stays_beside_a_list_of_things_it_wants() -> None:
    text = (
        "Medborgarförslag om lekplats i Ekbacken\n\n"
        "Jag föreslår att kommunen bygger en lekplats i Ekbacken.\n\n"
        "Många barnfamiljer har flyttat hit. Jag föreslår att lekplatsen utrustas med följande:\n"
        "- gungor\n- en sandlåda\n- bänkar för föräldrarna\n\nKarin Lund\n"
    )
    assert "att kommunen bygger en lekplats i Ekbacken." in proposals(text)


def test_past_tense_background_under_a_proposal_heading_keeps_the_proposal() -> None:
    text = (
        "Medborgarförslag om Ekbackens bad\n\nFörslag\n"
        "Kommunen beslutade för två år sedan att stänga Ekbackens bad. "
        "Jag föreslår att badet öppnas igen till sommaren.\n\nKarin Lund\n"
    )
    assert [h.text for h in find_proposals(text, "medborgarforslag")] != []


@pytest.mark.parametrize(
    "statement",
    [
        "Mitt förslag är\natt parken får en lekplats,\natt lekplatsen får belysning.\n",
        "Vårt förslag är därför\natt parken får en lekplats,\natt lekplatsen får belysning.\n",
    ],
)
def test_att_lines_under_a_stated_proposal_in_one_paragraph_are_the_proposals(statement: str) -> None:
    # a form's paragraph: the statement and its att-lines with no blank line between
    text = "Lekplats i Norrparken\n\nBarnen i området har ingenstans att leka.\n\n" + statement
    assert proposals(text) == ["att parken får en lekplats", "att lekplatsen får belysning."]


def test_a_proposal_stated_as_mine_in_prose_is_the_proposal() -> None:
    text = (
        "Lekplats i Norrparken\n\nBarnen i området har ingenstans att leka. "
        "Mitt förslag är att parken får en lekplats.\n"
    )
    assert proposals(text) == ["att parken får en lekplats."]


def test_an_item_left_as_its_number_alone_is_no_proposal() -> None:
    # an agenda converted from a web page, with its own and the printed numbering side by side
    # under a 'Kommunstyrelsens förslag' heading: '2. 6.' holds no words to propose
    text = (
        "Föredragningslista\nKommunfullmäktige 2024-03-10\n\n"
        " 1. 5.\n  Ny arbetsordning för fullmäktige KS 2024/12\n\n  Kommunstyrelsens förslag\n\n   \n\n"
        " 2. 6.\n  Taxa för bygglov KS 2024/31\n\n  Kommunstyrelsens förslag\n\n   \n\n"
        " 3. 7.\n  Val av revisorer KS 2024/40\n"
    )
    proposals = [hit.text for hit in find_proposals(text, "other")]
    assert proposals == []


def test_a_one_word_item_under_a_decision_is_no_decision() -> None:
    # a site's link ('Register') set as a bullet below the decision it follows
    document = radsdok.parse_text(
        "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\n2024-03-11\n\nKS § 12\nMedborgarförslag om belysning\n\n"
        "Tekniska nämnden avstyrker förslaget.\n\nKommunstyrelsens förslag till kommunfullmäktige\n\n"
        "  • Medborgarförslaget avslås.\n\n  • Register\n"
    )
    assert [p.text for p in document.proposals] == ["Medborgarförslaget avslås."]
