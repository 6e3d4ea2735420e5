"""Kind-specific parts: report sections, protocol items and members, notices, answers."""

from __future__ import annotations

import radsdok

REPORT = """TJÄNSTESKRIVELSE
2024-02-01
Dnr KS 2024/0031

Socialförvaltningen
Handläggare: Emma Lind, socialsekreterare

Ansökan om bidrag till kvinnojouren

Ärendebeskrivning
Kvinnojouren har ansökt om ett höjt bidrag för att kunna ha öppet även på helger.

Bedömning
Förvaltningen bedömer att verksamheten är viktig och att ansökan bör beviljas delvis.

Ekonomiska konsekvenser
Kostnaden ryms inom nämndens budget för 2024.

Förslag till beslut
Socialnämnden föreslås besluta
att bevilja kvinnojouren ett bidrag om 200 000 kronor för 2024.
"""

PROTOCOL = """SAMMANTRÄDESPROTOKOLL
Kommunfullmäktige
Sammanträdesdatum 2024-03-18

Beslutande
Anna Berg (S), ordförande
Erik Ström (M)
Maja Lund (C)
Olof Ek (V)

§ 12
Motion om fler cykelbanor
Dnr KS 2023/0411

Ärendebeskrivning
Olof Ek (V) har i en motion föreslagit fler cykelbanor.

Kommunfullmäktiges beslut
Kommunfullmäktige beslutar
att motionen ska anses besvarad.

§ 13
Interpellation om hemtjänsten
Dnr KS 2024/0007

Kommunfullmäktige beslutar att interpellationen får ställas.
"""


def test_report_sections_department_and_case_officer(parser: radsdok.Parser) -> None:
    doc = parser.parse_text(REPORT, source="rapport.txt")
    assert doc.kind == "tjansteskrivelse"
    assert [s.heading for s in doc.sections] == [
        "Ärendebeskrivning",
        "Bedömning",
        "Ekonomiska konsekvenser",
        "Förslag till beslut",
    ]
    assert doc.sections[1].text.startswith("Förvaltningen bedömer")
    assert doc.department == "Socialförvaltningen"
    assert doc.case_officer == "Emma Lind"
    assert [p.text for p in doc.proposals] == [
        "att bevilja kvinnojouren ett bidrag om 200 000 kronor för 2024."
    ]


def test_protocol_items_with_case_numbers_decisions_and_mentions(parser: radsdok.Parser) -> None:
    doc = parser.parse_text(PROTOCOL, source="protokoll.txt")
    assert doc.kind == "protokoll"
    assert [(i.number, i.title, i.case_numbers, i.mentions) for i in doc.items] == [
        ("§ 12", "Motion om fler cykelbanor", ["KS 2023/0411"], ["motion"]),
        ("§ 13", "Interpellation om hemtjänsten", ["KS 2024/0007"], ["interpellation"]),
    ]
    assert doc.items[0].decision == "Kommunfullmäktige beslutar att motionen ska anses besvarad."
    assert doc.items[1].decision == "Kommunfullmäktige beslutar att interpellationen får ställas."


def test_protocol_members_with_party_and_role(parser: radsdok.Parser) -> None:
    doc = parser.parse_text(PROTOCOL, source="protokoll.txt")
    assert [(m.name, m.party, m.role) for m in doc.members] == [
        ("Anna Berg", "S", "ordförande"),
        ("Erik Ström", "M", None),
        ("Maja Lund", "C", None),
        ("Olof Ek", "V", None),
    ]


def test_protocol_addresses_no_one(parser: radsdok.Parser) -> None:
    assert parser.parse_text(PROTOCOL, source="protokoll.txt").addressees == []


def test_notice_agenda_items(parser: radsdok.Parser) -> None:
    text = (
        "KALLELSE\n\nKommunfullmäktige sammanträder måndagen den 15 april 2024 kl 18.00 i Stadshuset.\n\n"
        "Ärenden\n\n1. Val av justerare\n2. Motion om fler cykelbanor, Dnr KS 2023/0411\n"
        "3. Interpellation om hemtjänsten\n"
    )
    doc = parser.parse_text(text, source="kallelse.txt")
    assert doc.kind == "kallelse"
    assert [(i.number, i.title, i.case_numbers, i.mentions) for i in doc.items] == [
        ("1", "Val av justerare", [], []),
        ("2", "Motion om fler cykelbanor, Dnr KS 2023/0411", ["KS 2023/0411"], ["motion"]),
        ("3", "Interpellation om hemtjänsten", [], ["interpellation"]),
    ]


def test_answer_links_to_what_it_answers(parser: radsdok.Parser) -> None:
    text = (
        "Svar på interpellation från Anna Berg (V) om hemtjänsten\n\nDnr KS 2024/0007\n\n"
        "Anna Berg har frågat mig om hemtjänsten. Nämnden arbetar med frågan och jag återkommer.\n\n"
        "Erik Ström (M)\nKommunstyrelsens ordförande"
    )
    doc = parser.parse_text(text, source="svar.txt")
    assert doc.kind == "svar"
    assert doc.answers is not None
    assert (doc.answers.kind, doc.answers.title, doc.answers.case_number) == (
        "interpellation",
        "hemtjänsten",
        "KS 2024/0007",
    )
    assert [(a.name, a.party) for a in doc.authors] == [("Erik Ström", "M")]
    assert [a.name for a in doc.addressees] == ["Anna Berg"]


def test_citizen_proposer_has_no_party(parser: radsdok.Parser) -> None:
    text = (
        "Medborgarförslag om en hundrastgård\n\nJag bor i Tuna och saknar en hundrastgård. Många "
        "hundägare i området skulle ha nytta av en inhägnad yta.\n\nJag föreslår att kommunen bygger en "
        "hundrastgård i Tuna.\n\nKarin Sjöberg"
    )
    doc = parser.parse_text(text, source="forslag.txt")
    assert doc.kind == "medborgarforslag"
    assert [(a.name, a.party) for a in doc.authors] == [("Karin Sjöberg", None)]
