"""Kind-specific parts and bundles against the expectations written beside the samples
(samples/*.expect.json, samples/bundles/*.split.json; see samples/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import radsdok
from radsdok.components.layout import squash

from .conftest import SAMPLES

PDF_FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
EXPECTATIONS = sorted(SAMPLES.glob("*.expect.json"))
SPLITS = sorted((SAMPLES / "bundles").glob("*.split.json"))


def _document_for(expect: Path) -> Path:
    stem = expect.name.removesuffix(".expect.json")
    return next(p for p in SAMPLES.glob(stem + ".*") if p.suffix in {".txt", ".md"})


def _bundle_for(split: Path) -> Path:
    name = split.name.removesuffix(".split.json")
    if name.endswith(".txt"):
        return split.parent / name
    pdf = PDF_FIXTURES / f"{name}.pdf"
    return pdf if pdf.exists() else split.parent / f"{name}.txt"


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_kind_has_kind_specific_expectations() -> None:
    kinds = {radsdok.load().parse(_document_for(e)).kind for e in EXPECTATIONS}
    assert {"tjansteskrivelse", "protokoll", "kallelse", "svar"} <= kinds
    assert len(SPLITS) >= 3


@pytest.mark.parametrize("expect", EXPECTATIONS, ids=lambda p: p.name)
def test_kind_specific_parts_match_expectations(expect: Path, parser: radsdok.Parser) -> None:
    wanted = _load(expect)
    doc = parser.parse(_document_for(expect))
    for key in ("department", "case_officer"):
        if key in wanted:
            assert getattr(doc, key) == wanted[key], key
    if "sections" in wanted:
        assert [s.heading for s in doc.sections] == wanted["sections"]
    if "items" in wanted:
        got = [
            {"number": i.number, "title": i.title, "case_numbers": i.case_numbers, "mentions": i.mentions}
            for i in doc.items
        ]
        assert got == [
            {k: item[k] for k in ("number", "title", "case_numbers", "mentions")} for item in wanted["items"]
        ]
        for item, expected in zip(doc.items, wanted["items"], strict=True):
            if "decision_starts" in expected:
                assert (item.decision or "").startswith(expected["decision_starts"]), item.number
    if "members" in wanted:
        assert [[m.name, m.party] for m in doc.members] == wanted["members"]
    if "answers" in wanted:
        assert doc.answers is not None
        answered = doc.answers.model_dump(exclude={"evidence"})
        assert {k: answered[k] for k in wanted["answers"]} == wanted["answers"]


@pytest.mark.parametrize("split", SPLITS, ids=lambda p: p.name)
def test_bundle_splits_into_its_documents(split: Path, parser: radsdok.Parser) -> None:
    wanted = _load(split)["documents"]
    docs = parser.split(_bundle_for(split))
    assert len(docs) == len(wanted)
    for doc, expected in zip(docs, wanted, strict=True):
        assert doc.text is not None
        assert squash(doc.text).startswith(squash(expected["first_words"]))
        assert doc.kind == expected["kind"]
        assert [[a.name, a.party] for a in doc.authors] == expected["authors"]
        assert [a.name or a.role for a in doc.addressees] == expected["addressees"]
        assert len(doc.questions) == expected["questions"]
        assert len(doc.proposals) == expected["proposals"]
        assert doc.page_range == expected["pages"]


MEETING_PAGE = (
    "Kommunfullmäktige 12 mars 2024\n\nPlats: Stadshuset\nTid: 18.00-21.30\n\nInledande formalia\n\n"
    " • Val av justerare\n\nJustering sker den 19 mars av Anna Berg (S) och Olle Dahl (M).\n\n"
    "Beslut i korthet\n\n • Motion om cykelvägar: fullmäktige biföll motionen.\n\n"
    "4. Interpellation av Eva Ek (V) om cykeltrafiken (klockan 19:10)\n\nEva Ek (V) frågar "
    "kommunstyrelsens ordförande Per Holm (M) följande:\n\n"
    " • Hur ska kommunen nå målet för cykeltrafiken?\n"
)


KIND_CASES = {
    "news_post_reporting_motions": (
        "Tre motioner inlämnade till fullmäktige\n\nPublicerad 2024-05-14\n\n"
        "I går lämnade vår gruppledare in tre motioner till kommunfullmäktige.\n\n"
        "Motionerna finns att läsa här.",
        "other",
    ),
    "agenda_item_listing_motions": (
        "41. Anmälan av inkomna motioner\n\nMotion av Anna Ek (S) om sjukresor\n\n"
        "Motion av Per Ling (V) om biljetter\n\nBeslut: Motionerna remitteras.",
        "other",
    ),
    "company_opinion_on_a_motion": (
        "Kommunstyrelsen\n\nYttrande över Centerpartiets motion om bostäder för unga\n\n"
        "Bolaget har fått tillfälle att yttra sig och rekommenderar att motionen anses besvarad.\n\n"
        "Med vänlig hälsning\n\nBostadsbolaget AB",
        "other",
    ),
    "headline_reporting_a_rejected_question": (
        "Fråga om trottoarer avslogs utan motivering\n\nFråga till nämndens ordförande.\n\n"
        "Mitt förslag avslogs i måndags och jag önskar svar om varför.\n\nMed vänlig hälsning\n\nAnna Ek",
        "other",
    ),
    "a_motion_that_opens_with_its_kind_word": (
        "Motion om simskola\n\nTill kommunfullmäktige\n\nBarn behöver kunna simma. Kommunen har "
        "tidigare lämnat in en ansökan.\n\nVi yrkar att\n\natt simskolan blir gratis.\n\nAnna Ek (V)",
        "motion",
    ),
    "questions_without_proposals_under_a_menu_heading": (
        "Motioner och frågor\n\nSkolskjutsarna i Nybro\n\nBussen uteblev tre morgnar i rad. "
        "Jag vill därför fråga kommunalrådet:\n\nHar kommunen begärt vite?\n\nHanna Berg (C)",
        "fraga",
    ),
    "proposal_to_the_municipality_signed_by_a_private_person": (
        "Bygg en hundrastgård i Rinkaby\n\nTill Kristianstads kommun\n\nVi är många hundägare i byn "
        "som saknar en inhägnad plats.\n\nJag föreslår att kommunen anlägger en hundrastgård vid "
        "skolan.\n\nLena Holm\nRinkaby\n",
        "medborgarforslag",
    ),
    "private_proposal_mentioning_an_earlier_motion": (
        "Bättre busstrafik till Ås\n\nTill kommunfullmäktige i Krokom\n\nBussen går bara två gånger om "
        "dagen. För några år sedan lämnade ett parti en motion om tätare turer.\n\n"
        "Jag föreslår att kommunen ber länstrafiken om en tur i timmen.\n\nKarin Nyström\n",
        "medborgarforslag",
    ),
    "petition_to_the_municipality_without_a_kind_word": (
        "Rädda badplatsen vid Sjövik!\n\nVi som skriver under vill att Hylte kommun fortsätter att sköta "
        "badplatsen.\n\nVi kräver att kommunen rustar upp bryggan före sommaren.\n\n"
        "Startad av: Mats Ågren\n143 underskrifter\n",
        "medborgarforslag",
    ),
    "proposal_signed_by_party_members_without_a_kind_word": (
        "Gratis frukost i skolan\n\nMånga barn kommer till skolan utan att ha ätit.\n\n"
        "Vi föreslår kommunfullmäktige\n\natt utreda gratis frukost på alla grundskolor.\n\n"
        "Per Lund (V)\nSara Ek (V)\n",
        "motion",
    ),
    "blog_post_quoting_a_question": (
        "Varför svarar inte kommunalrådet?\n\nI förra veckan ställde jag en fråga till kommunalrådet om "
        "sophämtningen. Så här lyder den:\n\nFråga till kommunalrådet\n\nNär kommer sophämtningen att "
        "fungera igen?\n\nNu har det gått en vecka.\n\nPostat av Olle kl. 21:14\n3 kommentarer\n",
        "other",
    ),
    "party_site_publishing_its_interpellation_with_the_sites_chrome": (
        "Liberalerna Tranås\nStart   Politik   Kontakt\n\nInterpellation: Vem sköter gatubelysningen?\n\n"
        "Publicerad 3 maj 2021\n\nTill: Ordföranden i tekniska nämnden\n\nHalva Ekvägen har varit mörk "
        "sedan februari. Läs mer om cookies här.\n\nJag vill därför fråga ordföranden:\n\n"
        "När lagas belysningen?\n\nIda Roos (L)\n\nDela på Facebook\nEtiketter: trafik\nKommentarer (1)\n",
        "interpellation",
    ),
    "blog_news_item_that_a_colleague_filed_an_interpellation": (
        "Interpellation om simhallen\n\nPublicerad 3 maj 2021\n\nI går lämnade vår gruppledare Ida Roos (L) "
        "in en interpellation om simhallens framtid till kommunstyrelsens ordförande. Vi återkommer "
        "när den har besvarats.\n\nDela på Facebook\nKommentarer (0)\n",
        "other",
    ),
    "news_page_linking_to_the_interpellation_it_reports": (
        "Nyheter\n\nInterpellation om hemtjänsten\n2022-10-02\n\nI dag lämnade Sara Holm (V) in "
        "en interpellation om personalbristen. Svaret väntas i november.\n\n"
        "Läs interpellationen här (pdf)\n",
        "other",
    ),
    "typewritten_letter_spaced_interpellation_heading": (
        "Till\nKOMMUNFULLMÄKTIGE I ARVIKA\n\nI N T E R P E L L A T I O N\n\ntill kommunstyrelsens "
        "ordförande\n\nFärjan till Ölserud har ställts in. Jag hemställer om fullmäktiges medgivande "
        "att få ställa följande frågor:\n\n1. När går färjan igen?\n\nArvika den 3 mars 1997\n\n"
        "Göran Olsson (c)\n",
        "interpellation",
    ),
    "interpellation_asking_what_was_decided_without_a_heading": (
        "Till\nKommunfullmäktige i Ydre\n\nYdre den 4/5 -03\n\nInterpellation  till  KS ordf. Per Ek  "
        "ang.  vägbelysningen  i  Österbymo  och  Asby  med  flera  byar  i  den  norra  kommundelen\n\n"
        "Belysningen släcktes i höstas.\n\nMot denna bakgrund vill jag ställa följande frågor:\n\n"
        "- Vilka krav ställdes när avtalet skrevs?\n- När tänds lamporna igen?\n\nFör folkpartiet i Ydre\n\n"
        "Eva Lund\n",
        "interpellation",
    ),
    "interpellation_below_a_site_menu_naming_motions": (
        "Kristdemokraterna i Mjölby\nStart | Om oss | Motioner och interpellationer | Kontakt\n\n"
        "Till kommunstyrelsens ordförande\n\nGatlyktorna längs Svartån släcks klockan elva. Jag vill "
        "därför fråga ordföranden:\n\nNär lyser gatorna hela natten igen?\n\nPia Sand (KD)\n",
        "fraga",
    ),
    "debate_article_recalling_the_writers_question": (
        "Miljöpartiet i Lerum\nDebatt | 3 mars 2019\n\nBussarna står still i Lerum\n\nKommunen talar "
        "gärna om hållbart resande och om att fler ska välja kollektivtrafiken. Men för pendlarna i "
        "Gråbo och Floda är vardagen en helt annan, och den har blivit sämre för varje år.\n\nI "
        "höstas ställde jag en enkel fråga till kommunstyrelsens ordförande om busstrafiken, och "
        "svaret blev att allt fungerar som det ska. Svaret på min enkla fråga är en bild som få "
        "pendlare känner igen sig i.\n\nHur länge ska pendlarna i Gråbo vänta på en buss som aldrig "
        "kommer? Är det rimligt att turerna dras in utan samråd?\n\nAnna Ek\ngruppledare för "
        "Miljöpartiet i Lerum\n",
        "other",
    ),
    "medborgarforslag_submitted_through_the_e_service_form": (
        "Lysekils kommun\nE-tjänst: Lämna ett medborgarförslag\n\nSkickat: 2019-05-02 10:14\n\n"
        "Förslagsställare\nNamn: Stina Wall\n\nMitt förslag\nAtt kommunen sätter upp bänkar vid "
        "hamnen.\n\nMotivering\nMånga äldre behöver vila på promenaden.\n",
        "medborgarforslag",
    ),
    "e_petition_portal_record_with_each_label_above_its_value": (
        "E-förslaget har stängts för underskrifter\n\nE-förslaget har stängts eftersom tiden för "
        "underskrifter har gått ut.\n\nFler parkbänkar längs Storgatan\n\nSammanfattning\n\nSätt "
        "ut parkbänkar längs Storgatan så att äldre kan vila på vägen till torget.\n\nBeskrivning\n\n"
        "Längs hela Storgatan finns i dag ingen bänk. Många äldre går den sträckan varje dag.\n\n"
        "Status\n\nAvslutat\n\nFörslagsställare\n\nKarin Lund\n\nStartdatum\n\n2021-03-01\n",
        "medborgarforslag",
    ),
    "a_sittings_summary_page_without_section_marks_is_a_meeting_page": (
        MEETING_PAGE,
        "other",
    ),
    "the_same_sitting_recorded_under_section_marks_is_a_protocol": (
        "Kommunfullmäktige 12 mars 2024\n\nNärvarande: se bilaga\n\n§ 14 Val av justerare\n\n"
        "Justering sker den 19 mars av Anna Berg (S) och Olle Dahl (M).\n\n§ 15 Motion om "
        "cykelvägar\n\nKommunfullmäktige beslutar att bifalla motionen.\n",
        "protokoll",
    ),
    "party_post_that_only_speaks_of_interpellations_in_the_plural": (
        "Nya interpellationer\n\nInför nästa fullmäktige har vår grupp lämnat in tre interpellationer.\n\n"
        " • Skolskjutsar: varför dras turerna in mitt i terminen?\n • Badhuset: när öppnar det igen?\n"
        " • Hemtjänsten: hur ska personalbristen lösas?\n\nVi återkommer med svaren.\n",
        "other",
    ),
    "motion_carried_whole_under_its_sites_motioner_title": (
        "Motioner\n\nFler bänkar längs ån\n\nLängs ån finns få platser att vila. Vi föreslår "
        "därför\n\natt kommunen ställer ut tio nya bänkar längs åpromenaden.\n\nEva Ek (C)\n",
        "motion",
    ),
    "news_that_the_partys_motion_was_approved": (
        "Bifall till vår motion om skolskjutsar!\nSkrivet av Eva Ek den 4 maj 2016\n\nI går biföll "
        "fullmäktige vår motion. Vi föreslog att skolskjutsen skulle gå även på loven.\n\nEva Ek (C)\n",
        "other",
    ),
    "news_of_a_decision_taken_after_a_citizens_proposal": (
        "Lekplats byggs i Borensberg efter medborgarförslag\n\nNu byggs en ny lekplats. Förslaget kom "
        "från en boende som föreslog att kommunen bygger en lekplats vid skolan.\n",
        "other",
    ),
    "question_citing_a_report_in_its_background": (
        "Enkel fråga till kommunstyrelsens ordförande om badhuset\n\nBadhuset är stängt. I "
        "tjänsteskrivelsen till kommunstyrelsen uppskattas reparationen till fem miljoner kronor.\n\n"
        "Kan ordföranden lova att badhuset öppnar före sommaren?\n\nEva Ek (S)\n",
        "fraga",
    ),
    "meeting_portal_item_titled_as_an_answer": (
        "Kommunfullmäktige 2021-03-22\n\nÄrende 9: Svar på motion om cykelgarage\nDnr: KS 2020/311\n\n"
        "Förslag till beslut\nMotionen anses besvarad.\n\nDokument\n  Tjänsteskrivelse (PDF, 120 kB)\n"
        "  Motion om cykelgarage (PDF, 80 kB)\n",
        "other",
    ),
    "list_of_the_years_motions_under_a_plural_heading_with_a_year": (
        "Motioner och medborgarförslag 2022\n\nHär listas årets ärenden med status.\n\n"
        "Motion om cykelvägar – KS 2022/14 – besvarad\nMotion om fritidsgårdar – KS 2022/31 – bifallen\n",
        "other",
    ),
    "motion_under_a_breadcrumb_with_the_category_and_year": (
        "Start > Fullmäktigegruppen > Motioner 2010\n\nSolceller på skolorna\n\nTill kommunfullmäktige\n\n"
        "Skolornas tak är stora.\n\nVi föreslår kommunfullmäktige besluta\n\natt solceller sätts upp.\n\n"
        "Eva Ek (MP)\n",
        "motion",
    ),
    "enkel_fraga_under_a_one_step_breadcrumb_naming_interpellations": (
        "Liberalerna Hjo\nAktuellt > Frågor och interpellationer\n\nENKEL FRÅGA OM BUSSKORTEN\n\n"
        "Till barn- och utbildningsnämndens ordförande\n\nNär får eleverna sina busskort?\n\n"
        "Eva Ek (L)\n",
        "fraga",
    ),
    "page_of_decided_proposals_whose_entry_opens_with_the_definite_form": (
        "Avgjorda medborgarförslag 2021\n\nHär publicerar vi sammandrag av förslag och beslut.\n\n"
        "Mars\n\nBänkar längs ån Dnr KS/2020:112\n\n"
        "Medborgarförslaget avslogs av tekniska nämnden den 4 mars 2021 § 12.\n\n"
        "Hundrastgård i Väster Dnr KS/2020:140\n\n"
        "Medborgarförslaget bifölls av kommunstyrelsen den 9 mars 2021 § 30.\n",
        "other",
    ),
    "news_headline_with_the_kind_word_as_its_subject": (
        "Hjo kommun\nStart | Nyheter | Kontakt\n\nMedborgarförslag ger Sörby en ny lekplats\n\n"
        "Publicerad: 2 juni 2022\n\nEn ny lekplats byggs i Sörby i sommar. Förslaget kom från en "
        "förälder i byn, säger Eva Ek på tekniska förvaltningen.\n",
        "other",
    ),
    "medborgarforslag_whose_heading_names_its_subject_after_om": (
        "Medborgarförslag om en lekplats i Sörby\n\nTill kommunfullmäktige i Hjo\n\n"
        "Barnen i Sörby har ingenstans att leka.\n\nJag föreslår att kommunen bygger en lekplats.\n\n"
        "Nils Falk\nSörbyvägen 3\n",
        "medborgarforslag",
    ),
    "short_news_item_with_a_protocol_link_under_related": (
        "Fullmäktige sa ja till ny skola\n\nPublicerad 2024-03-01\n\n"
        "Kommunfullmäktige i Hjo beslutade i går att bygga en ny skola i Sörby.\n\n"
        "Relaterat\nProtokoll från kommunfullmäktige\nSå här påverkar du\n",
        "other",
    ),
    "interpellation_published_in_full_on_a_portal_page_with_its_files": (
        "Hjo kommun\nKommun och politik > Kommunfullmäktige > Interpellationer\n\n"
        "Interpellation om simhallens öppettider\n\nÄrendenummer: KS 2022/310\n"
        "Ställd av: Eva Ek (C)\nStälld till: kultur- och fritidsnämndens ordförande\n\n"
        "Interpellationens text\n\nSimhallen har stängt tidigare på kvällarna sedan i höstas.\n\n"
        "Jag vill därför fråga kultur- och fritidsnämndens ordförande:\n\n"
        "– När får simhallen tillbaka sina kvällstider?\n\nEva Ek (C)\n\n"
        "Dokument\nInterpellation KS 2022/310 (pdf, 80 kB)\nSvar på interpellation (pdf, 95 kB)\n",
        "interpellation",
    ),
    "page_headed_by_two_kinds_of_document": (
        "Motioner och medborgarförslag under beredning\n\n"
        "Motion om belysning i Sörbyparken, Eva Ek (C), väckt 2024-03-11.\n\n"
        "Här visas ärenden som ännu inte har fått sitt svar.\n",
        "other",
    ),
    "meeting_notice_named_in_a_letterhead_cell": (
        "HJO KOMMUN                                        KALLELSE\n"
        "Kommunfullmäktige                                 2024-03-04\n\n"
        "Kommunfullmäktige kallas till sammanträde\n\nTid: Måndag 18 mars 2024 kl. 18.30\n\n"
        "Ärenden\n\n1.  Upprop och val av justerare\n\n2.  Taxa för torghandel\n\n"
        "Eva Ek (S)                  Nils Falk\nOrdförande                  Sekreterare\n",
        "kallelse",
    ),
    "public_notice_of_a_council_meeting_listing_answers_to_come": (
        "TIDAHOLMS KOMMUN\nKommunfullmäktige\n\nKUNGÖRELSE\n\n"
        "Kommunfullmäktige sammanträder i stadshuset tisdagen den 9 maj 2023 kl. 18.00.\n\n"
        "Ärenden\n 1. Val av justerare\n"
        " 2. Svar på interpellation från Eva Ek (C) om busslinjerna     Dnr KS 2023/41\n"
        " 3. Svar på motion från Nils Falk (V) om skolmaten            Dnr KS 2022/318\n\n"
        "Tidaholm den 26 april 2023\n\nLars Ahl (M)\nOrdförande\n",
        "kallelse",
    ),
    "interpellation_attached_under_a_meeting_papers_letterhead_cell": (
        "HJO KOMMUN                                        KALLELSE\n"
        "Kommunfullmäktige                                 2022-04-21\n\n"
        "Ärende 21\nInterpellation till kommunstyrelsens ordförande om färdtjänsten\n\n"
        "Väntetiderna i färdtjänsten har blivit längre.\n\nHur ska väntetiderna kortas?\n\n"
        "Eva Ek (C)\n",
        "interpellation",
    ),
    "list_of_motions_under_a_menu_set_one_item_per_line": (
        "Hjo kommun\nStartsida | Politik | Kontakt\n\nKommunfullmäktige\n  Sammanträden\n  Ledamöter\n"
        "  Motioner\n  Interpellationer och frågor\n  Protokoll\n\nMotioner 2008\n\n"
        "Här redovisas de motioner som väcktes under 2008 och hur de behandlades.\n\n"
        "Nr 1/2008   Motion om fria bussresor\nMotionär: Eva Ek (V)\nBeslut: Avslag\n\n"
        "Nr 2/2008   Motion om fler bänkar\nMotionär: Nils Falk (C)\nBeslut: Bifall\n",
        "other",
    ),
    "protocol_whose_only_head_cue_tops_its_attendance_list": (
        "Hjo kommun\nKommunstyrelsen\n\nBeslutande\nEva Ek (S)\nNils Falk (C)\nPetra Sund (M)\n"
        "Ida Berg (V)\n\nTaxa för torghandel\n\nKommunstyrelsens beslut\n\nTaxan antas.\n",
        "protokoll",
    ),
    "interpellation_under_a_breadcrumb_set_with_slashes": (
        "Start / Motioner och interpellationer / Interpellation om snöröjningen\n\n"
        "Interpellation om snöröjningen\n\nTill tekniska nämndens ordförande\n\n"
        "Cykelvägarna plogas sist.\n\nNär plogas cykelvägarna först?\n\nEva Ek (C)\n",
        "interpellation",
    ),
    "table_of_unanswered_motions": (
        "Obesvarade motioner\n\nHär listas motioner som ännu inte har besvarats.\n\n"
        "Diarienummer | Motion | Motionär | Väckt\n"
        "KS 21/103 | Motion om fler bänkar | Eva Ek (L) | 2021-06-14\n"
        "KS 21/188 | Motion om en vattenplan | Nils Falk (MP) | 2021-08-30\n",
        "other",
    ),
    "meeting_portal_item_listing_its_documents": (
        "Ärende 12\nMotion om fler förskoleplatser\n\nHandlingar\n"
        "Motion från Erik Sten (L) om fler förskoleplatser.pdf\nTjänsteskrivelse.pdf\n"
        "Protokollsutdrag KS § 55.pdf\n\nFörslag till beslut\nMotionen avslås.\n",
        "other",
    ),
    "meeting_portal_item_listing_documents_under_handlingar": (
        "Ärende 12\nMotion om fler förskoleplatser\n\nHandlingar\n"
        "Motion från Erik Sten (L) om fler förskoleplatser\nTjänsteskrivelse från förvaltningen\n"
        "Protokollsutdrag KS § 55\n\nFörslag till beslut\nMotionen avslås.\n",
        "other",
    ),
    "party_news_post_proposing_without_addressing_the_council": (
        "Nyheter\n\nVi vill ha fler ordningsvakter\n\nVi föreslår att kommunen anställer fler "
        "ordningsvakter under sommaren. Det har varit oroligt på torget.\n\nAnna Ek (M)\n",
        "other",
    ),
    "short_text_under_a_motion_heading_that_only_asks": (
        "Motion\n\nVarför har kommunen inte svarat på synpunkterna om trafiken?\n\n"
        "Hur många klagomål har kommit in under året?\n\nAnna Ek (SD)\n",
        "interpellation",
    ),
    "protocol_extract_with_a_prefixed_paragraph_number": (
        "Kommunfullmäktige\n\nKf § 123\nSvar på motion om cykelvägar\nDnr 2023/45\n\nBeslut\n"
        "Kommunfullmäktige anser motionen besvarad.\n",
        "protokoll",
    ),
    "protocol_head_after_a_page_count_in_parentheses": (
        "1 1(2) SOCIALNÄMNDEN PROTOKOLL Sammanträdesdatum: 2020-02-02\n\nMotion om fritids\n\n"
        "Beslut\nNämnden avstyrker.\n",
        "protokoll",
    ),
    "resident_wishing_in_their_own_voice_on_an_e_service_page": (
        "Lekplats vid Norrängen\n\nBeskrivning\n\nVi har flyttat till Norrängen med två små barn. "
        "Jag tycker att kommunen ska bygga en lekplats vid dammen, där det finns gott om plats.\n\n"
        "Förslaget är skickat till tekniska förvaltningen för handläggning.\n",
        "medborgarforslag",
    ),
    "person_in_the_first_person_wishing_for_a_party": (
        "Lekplats vid Norrängen\n\nJag tycker att kommunen ska bygga en lekplats vid dammen. "
        "Det driver Centerpartiet i höst.\n",
        "other",
    ),
    "campaign_collecting_names_for_a_wish": (
        "Rädda biblioteket i Norrängen\n\nJag tycker att biblioteket ska vara kvar. "
        "Skriv under och visa att du håller med!\n\n312 underskrifter\n",
        "other",
    ),
    "news_item_telling_what_a_resident_wishes": (
        "Hon vill ha en lekplats\n\nJag tycker att kommunen ska bygga en lekplats vid dammen, "
        "säger Sara Holm, som bor i Norrängen med sina barn.\n",
        "other",
    ),
    "party_post_pointing_to_the_interpellation_it_announces": (
        "Interpellation om gatubelysningen\n\nEfter många klagomål från boende i Östby har "
        "Kristdemokraterna ställt en interpellation till tekniska nämndens ordförande. "
        "Interpellationen kan läsas här.\n",
        "other",
    ),
    "party_post_with_the_interpellation_attached_below": (
        "Interpellation om bänkarna i parken\n\nMånga äldre saknar platser att vila på under "
        "promenaden, och det har vi tagit upp med nämnden. Nedan finns hela interpellationen som pdf.\n",
        "other",
    ),
    "party_report_from_a_meeting_telling_of_its_motions": (
        "Kommunfullmäktige 3 februari 2025\n\nDet blev en lång kväll i sessionssalen, och de styrande "
        "visade som vanligt litet intresse för oppositionens idéer om klimatet och om hur kommunens "
        "pengar används.\n\nVår motion om solceller på skolornas tak fick ett kort och ointresserat "
        "svar. Vår motion om en ny badplats vid sjön fick samma behandling, trots att många invånare har "
        "efterfrågat den.\n\nVi ger inte upp, och vi fortsätter arbetet i nämnderna under våren.\n\n"
        "Eva Lind\nMiljöpartiet\n",
        "other",
    ),
    "interpellation_under_the_bare_name_of_its_assembly": (
        "Kommunfullmäktige\n\nInterpellation till kommunstyrelsens ordförande\n\nVägarna i Östby är "
        "dåliga och har varit det länge.\n\nNär lagas vägarna?\n\nAnna Ek (C)\n",
        "interpellation",
    ),
    "news_item_about_a_citizens_proposal": (
        "Ett utegym står på önskelistan\n\nÖstby Publicerad 10:42, 30 november 2024\n\n"
        "• Medborgarförslag om utegym • Skulle locka många\n\n”Bygg ett utegym på idrottsplatsen i "
        "Östby.” Det föreslår en Östbybo i ett medborgarförslag.\n\nEtt utegym vid idrottsplatsen "
        "skulle kunna locka många besökare, skriver förslagsställaren. Föräldrar som väntar på sina "
        "barn skulle kunna använda tiden till träning.\n",
        "other",
    ),
    "citizens_proposal_with_its_writer_labelled": (
        "Medborgarförslag om en hundrastgård\n\nFörslagsställare: Sara Holm\n\nDet finns ingen "
        "inhägnad plats för hundar i den norra delen av Östby. Jag föreslår att kommunen anlägger en "
        "hundrastgård vid Skogsvallen.\n",
        "medborgarforslag",
    ),
    "question_addressed_in_a_till_field_without_its_kind_word": (
        "Till: Kommunstyrelsens ordförande Eva Ek\n\nVägarna i Östby är dåliga och har varit det "
        "länge, trots många klagomål.\n\nNär lagas vägarna?\n\nPer Lund (C)\n",
        "fraga",
    ),
    "web_tv_item_telling_of_a_motion_and_its_fate": (
        "Motion om fler laddstolpar\n\nRegionfullmäktige 12 mars 2024\n\nEva Lund (C) och Per Berg (C) "
        "föreslår i en motion att regionen bygger laddstolpar vid alla vårdcentraler.\n\n"
        "Regionfullmäktige anser motionen besvarad med hänvisning till pågående arbete.\n\n"
        "Beslut: enligt förslag\n\nC reserverade sig mot beslutet.\n\n"
        "Motion Centerpartiet Eva Lund Per Berg\n\nPublicerad\ntisdag 12 mars 2024\n",
        "other",
    ),
    # a document-sharing site's copy of a protocol's front page: its cells run together on one
    # line after the site's own lines, and no line opens with 'Protokoll' or a section mark
    "protocol_front_page_run_together_by_a_sharing_site": (
        "Inga resultat\n\nLaddar ner …\n\nFulltext\n\n(1)\n\nKommunstyrelsen 2021-03-08 Plats och tid "
        "Stadshuset, sal B, kl. 13.00–15.10 Beslutande Eva Lund (S), ordförande Per Berg (M) Sara Ek (C) "
        "Övriga deltagare Anna Holm, sekreterare Utses att justera Per Berg (M) Justeringens plats och "
        "tid Kansliet 2021-03-10 Sekreterare Anna Holm Ordförande Eva Lund Justerande Per Berg\n",
        "protokoll",
    ),
    # the first page of a protocol whose first item answers a motion: the labels around it make it
    # the protocol, not the answer
    "protocol_opening_with_an_answered_motion": (
        "Svar på motion om gatubelysning i Östby\n\nSammanträdesdatum 2019-05-20\n\n"
        "Utses att justera Lars Strand (KD)\n\nANSLAG/BEVIS\nProtokollet är justerat. Justeringen har "
        "tillkännagivits genom anslag.\n\nFullmäktige beslutar att anse motionen besvarad.\n",
        "protokoll",
    ),
    # an agenda names the checking of the protocol and the meeting's date, no more of a protocol
    "agenda_naming_the_checking_and_the_date": (
        "Kallelse till kommunfullmäktige\n\nSammanträdesdatum 2022-10-03\n"
        "Plats och tid: Rådhuset kl. 18.00\n\n"
        "1. Val av justerare\n2. Motion om fler cykelbanor\n3. Interpellation om skolskjutsar\n\n"
        "Eva Lund\nordförande\n",
        "kallelse",
    ),
    "officials_letterhead_answering_a_motion": (
        "Kommunledningsförvaltningen\nHandläggare: Eva Strand\nDatum: 2023-04-04\nDnr KS 2023/88\n\n"
        "Svar på motion om cykelparkering\n\nFörslag till beslut\nKommunstyrelsen föreslår "
        "kommunfullmäktige att anse motionen besvarad.\n\nEva Strand\nUtredare\n",
        "tjansteskrivelse",
    ),
}


@pytest.mark.parametrize("name", sorted(KIND_CASES))
def test_kind_is_weighed_from_being_or_being_about_a_document(name: str, parser: radsdok.Parser) -> None:
    text, wanted = KIND_CASES[name]
    assert parser.parse_text(text).kind == wanted


def test_a_meeting_page_is_read_as_the_protocol_it_stands_for(parser: radsdok.Parser) -> None:
    # reported as "other", but like a protocol it has no authors (the askers it reports on
    # wrote nothing of it) and it keeps the question it records
    document = parser.parse_text(MEETING_PAGE)
    assert document.kind == "other"
    assert document.authors == []
    assert [q.text for q in document.questions] == ["Hur ska kommunen nå målet för cykeltrafiken?"]


def test_a_protocol_front_page_has_no_authors_among_its_attendance(parser: radsdok.Parser) -> None:
    # the decision-makers and the chair listed on a protocol's front page signed no document
    text = KIND_CASES["protocol_front_page_run_together_by_a_sharing_site"][0]
    document = parser.parse_text(text)
    assert document.kind == "protokoll"
    assert document.authors == []
