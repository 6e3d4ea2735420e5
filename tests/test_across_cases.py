"""Case threads: diarienummer in all written forms, answers, protocol items, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

import radsdok
from radsdok.across.case_keys import CaseKey, parse_key
from radsdok.models import AgendaItem, AnsweredDocument, CaseNumber, Document, Evidence, Person

EV = Evidence(start=0, end=5, rule="test")
ROOT = Path(__file__).resolve().parent.parent
KUNGSBACKA = ROOT.parent / "shared" / "corpus" / "municipal"


@pytest.mark.parametrize(
    "written",
    ["KS 2023/0048", "KS-2023-00048", "ks 2023–48", "KS\n2023-00048", "Dnr KS 2023/48", "KS 2023 - \n 0048"],
)
def test_written_forms_of_one_diarienummer_have_one_key(written: str) -> None:
    assert parse_key(written) == CaseKey("KS", 2023, 48)


def test_a_number_without_register_is_read_too() -> None:
    assert parse_key("2023-00048") == CaseKey(None, 2023, 48)
    assert parse_key("2024–00122") == CaseKey(None, 2024, 122)


def number(text: str, register: str | None, year: int, serial: str) -> CaseNumber:
    return CaseNumber(text=text, register=register, year=year, serial=serial, evidence=EV)


def test_documents_join_by_diarienummer_in_different_forms_and_keep_evidence() -> None:
    docs = [
        Document(
            source="motion.txt",
            kind="motion",
            date="2023-01-27",
            municipality="Kungsbacka",
            case_numbers=[number("KS 2023/0118", "KS", 2023, "0118")],
        ),
        Document(
            source="report.txt",
            kind="tjansteskrivelse",
            date="2023-05-01",
            municipality="Kungsbacka",
            case_numbers=[number("2023-00118", None, 2023, "00118")],
        ),
        Document(
            source="other-town.txt",
            kind="motion",
            date="2023-02-01",
            municipality="Lund",
            case_numbers=[number("KS 2023/0118", "KS", 2023, "0118")],
        ),
    ]
    threads = radsdok.cases(docs)
    joined = next(t for t in threads if len(t.documents) == 2)
    assert [d.source for d in joined.documents] == ["motion.txt", "report.txt"]
    assert joined.case_numbers == ["KS 2023-118"]
    assert joined.links[0].by == "case_number"
    assert {e.source for e in joined.links[0].evidence} == {"motion.txt", "report.txt"}
    assert len(threads) == 2  # Lund's KS 2023/0118 is another case


def test_different_registers_are_different_cases() -> None:
    docs = [
        Document(
            source="a.txt",
            kind="motion",
            municipality="X",
            case_numbers=[number("KS 2023-1", "KS", 2023, "1")],
        ),
        Document(
            source="b.txt",
            kind="motion",
            municipality="X",
            case_numbers=[number("VO 2023-1", "VO", 2023, "1")],
        ),
    ]
    assert len(radsdok.cases(docs)) == 2


def test_answer_joins_its_interpellation_by_title_with_asker_and_addressee_swapped() -> None:
    asked = Document(
        source="interpellation.txt",
        kind="interpellation",
        date="2024-02-01",
        municipality="Lerum",
        title="Interpellation om öppettiderna i Aspevallens simhall",
        authors=[Person(name="Maj-Inger Holm", party="S", evidence=EV)],
        addressees=[radsdok.Addressee(name="Karin Lindqvist", role="ordförande", evidence=EV)],
    )
    answer = Document(
        source="svar.txt",
        kind="svar",
        date="2024-03-01",
        municipality="Lerum",
        authors=[Person(name="Karin Lindqvist", party="M", evidence=EV)],
        addressees=[radsdok.Addressee(name="Maj- Inger Holm", evidence=EV)],
        answers=AnsweredDocument(
            kind="interpellation", title="öppettiderna i Aspevallens simhall", evidence=EV
        ),
    )
    wrong_people = answer.model_copy(
        update={"source": "svar2.txt", "authors": [Person(name="Per Ek", party="V", evidence=EV)]}
    )
    threads = radsdok.cases([asked, answer])
    assert [(d.source, d.role) for d in threads[0].documents] == [
        ("interpellation.txt", "initiative"),
        ("svar.txt", "answer"),
    ]
    assert threads[0].links[0].by == "answers"
    assert threads[0].links[0].evidence[0].rule == "answers:title"
    assert radsdok.cases([asked, wrong_people]) == []  # the answer's author was not the one asked


def test_protocol_items_are_threads_of_their_own() -> None:
    protocol = Document(
        source="protokoll.txt",
        kind="protokoll",
        date="2024-03-21",
        municipality="Lerum",
        items=[
            AgendaItem(
                number="§ 41", title="Interpellation om simhallen", case_numbers=["KS 2024–0087"], evidence=EV
            ),
            AgendaItem(
                number="§ 42", title="Motion om cykelvägar", case_numbers=["KS 2024-0099"], evidence=EV
            ),
        ],
    )
    motion = Document(
        source="motion.txt",
        kind="motion",
        date="2024-01-01",
        municipality="Lerum",
        case_numbers=[number("KS 2024/99", "KS", 2024, "99")],
    )
    threads = radsdok.cases([protocol, motion])
    by_key = {t.case_numbers[0]: [(d.source, d.item) for d in t.documents] for t in threads}
    assert by_key == {
        "KS 2024-87": [("protokoll.txt", "§ 41")],
        "KS 2024-99": [("motion.txt", None), ("protokoll.txt", "§ 42")],
    }


def test_sample_interpellation_answer_and_protocol_make_one_thread() -> None:
    parser = radsdok.load("blank")
    docs = list(parser.pipe(sorted((ROOT / "samples" / "threads").glob("*.txt"))))
    threads = radsdok.cases(docs)
    assert len(threads) == 1
    thread = threads[0]
    assert [d.kind for d in thread.documents] == ["interpellation", "svar", "protokoll"]
    assert {link.by for link in thread.links} == {"case_number", "answers"}
    for link in thread.links:
        for ev in link.evidence:
            doc = next(d for d in docs if d.source == ev.source)
            if ev.text is not None:
                assert doc.text is not None and " ".join(doc.text[ev.start : ev.end].split()) == " ".join(
                    ev.text.split()
                )


@pytest.mark.skipif(not KUNGSBACKA.is_dir(), reason="needs ../shared/corpus/municipal")
def test_kungsbacka_motion_documents_join_across_number_forms() -> None:
    files = sorted(KUNGSBACKA.glob("kungsbacka_*.txt"))
    docs = list(radsdok.load("blank").pipe(files, include_text=False))
    threads = radsdok.cases(docs)
    found = {Path(d.source).stem: t.id for t in threads for d in t.documents}
    # "KS 2023-00434", "2023-00434" and "KS-2023-00434" in three protocol extracts
    assert (
        found["kungsbacka_protokoll_2023_6"]
        == found["kungsbacka_protokoll_2023_5"]
        == found["kungsbacka_protokoll_2024_4"]
    )
    # the report and the § that decided on GA 2023-00093 (written "2023-00093" there)
    assert found["kungsbacka_tjansteskrivelse_2023_1"] == found["kungsbacka_protokoll_2023_4"]
    # other registers stay apart
    assert found["kungsbacka_protokoll_2023_7"] != found["kungsbacka_protokoll_2023_11"]
