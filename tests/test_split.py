"""Bundles: one file holding several documents is split at the headings that open them."""

from __future__ import annotations

from pathlib import Path

import radsdok
from radsdok.reading import text_from_string
from radsdok.split import split_points, split_source

INTERPELLATION = (
    "Interpellation till {role} om {topic}\n\n"
    "Frågan om {topic} har diskuterats länge i kommunen utan att något har hänt. Många invånare "
    "hör av sig och undrar varför arbetet står still.\n\n"
    "Vad tänker du göra åt {topic}?\n\n{signer}\n"
)


def bundle() -> str:
    return "\n".join(
        INTERPELLATION.format(role=role, topic=topic, signer=signer)
        for role, topic, signer in (
            ("socialnämndens ordförande", "hemtjänsten", "Anna Berg (V)"),
            ("kommunstyrelsens ordförande", "bostäderna", "Erik Ström (S)"),
            ("tekniska nämndens ordförande", "gatubelysningen", "Maja Lund (C)"),
        )
    )


def test_three_interpellations_become_three_documents(parser: radsdok.Parser, tmp_path: Path) -> None:
    path = tmp_path / "partisida.txt"
    path.write_text(bundle(), encoding="utf-8")
    docs = parser.split(path)
    assert [d.part for d in docs] == [1, 2, 3]
    assert [[(a.name, a.party) for a in d.authors] for d in docs] == [
        [("Anna Berg", "V")],
        [("Erik Ström", "S")],
        [("Maja Lund", "C")],
    ]
    assert [d.addressees[0].role for d in docs] == [
        "socialnämndens ordförande",
        "kommunstyrelsens ordförande",
        "tekniska nämndens ordförande",
    ]
    assert all(len(d.questions) == 1 and d.kind == "interpellation" for d in docs)


def test_split_parts_keep_honest_evidence(parser: radsdok.Parser, tmp_path: Path) -> None:
    path = tmp_path / "partisida.txt"
    path.write_text(bundle(), encoding="utf-8")
    for doc in parser.split(path):
        assert doc.text is not None
        for question in doc.questions:
            assert doc.text[question.evidence.start : question.evidence.end] == question.text


def test_a_single_document_is_not_split() -> None:
    text = INTERPELLATION.format(role="KSO", topic="skolan", signer="Anna Berg (V)")
    assert split_points(text) == [0]


def test_a_reference_to_a_motion_inside_a_report_does_not_split() -> None:
    text = (
        "Tjänsteskrivelse\n\nBakgrund\n\nEn lång bakgrund om ärendet som förvaltningen har utrett under "
        "hösten och som nu redovisas för kommunstyrelsen i sin helhet.\n\nBeslutsunderlag\n\n"
        "Motion från Anna Berg (V), inkommen 2024-01-02\n"
    )
    assert split_points(text) == [0]


def test_pdf_parts_carry_their_page_range() -> None:
    pages = ["x" * 10, bundle()]
    text = "\n\n".join(pages)
    source = text_from_string(text, "bundle.pdf")
    source.page_starts = [0, len(pages[0]) + 2]
    parts = split_source(source)
    assert [p.page_range for p in parts] == [[2, 2], [2, 2], [2, 2]]
