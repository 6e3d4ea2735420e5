"""The people registry: name forms, namesakes kept apart, role-only mentions, ids, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import radsdok
from radsdok.across.evaluate import GoldMention, score_people
from radsdok.across.names import compatible, parse_name
from radsdok.models import Addressee, Document, Evidence, Person

EV = Evidence(start=0, end=1, rule="test")


def doc(
    source: str,
    date: str | None,
    authors: list[tuple[str | None, str | None]] = (),  # type: ignore[assignment]
    addressees: list[tuple[str | None, str | None, str | None]] = (),  # type: ignore[assignment]
    *,
    kind: str = "interpellation",
    municipality: str | None = None,
    text: str | None = None,
    title: str | None = None,
) -> Document:
    return Document(
        source=source,
        kind=kind,  # type: ignore[arg-type]
        title=title,
        date=date,
        municipality=municipality,
        body="kommunfullmäktige" if municipality else None,
        authors=[Person(name=n, party=p, evidence=EV) for n, p in authors],
        addressees=[Addressee(name=n, party=p, role=r, evidence=EV) for n, p, r in addressees],
        text=text,
    )


def person_of(records: list, source: str, field: str = "authors") -> str:
    found = [r.id for r in records for m in r.mentions if m.source == source and m.field == field]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Maj- Inger Holm", "Maj-Inger Holm"),
        ("A. Berg", "Anna Berg"),
        ("Åsa Öberg", "Asa Oberg"),
        ("Statsrådet Anna Berg", "Anna Berg"),
        ("Justitie- och migrationsminister Morgan Johansson", "Morgan Johansson"),
        ("Karl Gustav Ek", "Karl Ek"),
        ("Anna Ericsson", "Anna Eriksson"),
    ],
)
def test_name_forms_of_one_person_are_compatible(a: str, b: str) -> None:
    fa, fb = parse_name(a), parse_name(b)
    assert fa is not None and fb is not None
    assert compatible(fa, fb)


@pytest.mark.parametrize(
    ("a", "b"), [("Anna Berg", "Anders Berg"), ("B. Berg", "Anna Berg"), ("Maj-Britt Holm", "Maj-Inger Holm")]
)
def test_different_first_names_are_not_compatible(a: str, b: str) -> None:
    fa, fb = parse_name(a), parse_name(b)
    assert fa is not None and fb is not None
    assert not compatible(fa, fb)


def test_title_is_split_from_the_name() -> None:
    form = parse_name("Utrikesminister Margot Wallström")
    assert form is not None
    assert (form.written, form.title) == ("Margot Wallström", "Utrikesminister")


def test_name_variants_join_into_one_person_with_the_fullest_name() -> None:
    docs = [
        doc("a.txt", "2020-01-01", [("Maj- Inger Holm", "S")]),
        doc("b.txt", "2020-02-01", [("Maj-Inger Holm", "S")]),
        doc("c.txt", "2020-03-01", [("M. Holm", None)]),
    ]
    records = radsdok.people(docs)
    assert len(records) == 1
    assert records[0].name == "Maj-Inger Holm"
    assert set(records[0].variants) == {"Maj- Inger Holm", "M. Holm"}
    assert [(p.value, p.first, p.last) for p in records[0].parties] == [("S", "2020-01-01", "2020-02-01")]


def test_namesakes_of_different_parties_stay_apart() -> None:
    docs = [
        doc("a.txt", "2015-01-01", [("Magdalena Andersson", "S")]),
        doc("b.txt", "2015-02-01", [("Magdalena Andersson", "M")]),
        doc("c.txt", "2015-03-01", [("Magdalena Andersson", "S")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "a.txt") == person_of(records, "c.txt") != person_of(records, "b.txt")


def test_namesakes_of_different_municipalities_stay_apart() -> None:
    docs = [
        doc("a.txt", "2015-01-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2015-02-01", [("Anna Berg", "V")], municipality="Lund"),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "a.txt") != person_of(records, "b.txt")
    assert {r.municipality for r in records} == {"Umeå", "Lund"}


def test_place_qualifier_keeps_parliament_namesakes_apart() -> None:
    text_a = "Interpellation av Gunilla Carlsson i Hisings Backa (s) till statsrådet"
    text_b = "Interpellation av Gunilla Carlsson i Tyresö (s) till statsrådet"
    a = doc("a.txt", "2007-01-01", [("Gunilla Carlsson", "S")], text=text_a)
    b = doc("b.txt", "2007-02-01", [("Gunilla Carlsson", "S")], text=text_b)
    a.authors[0] = Person(name="Gunilla Carlsson", party="S", evidence=Evidence(start=18, end=34, rule="t"))
    b.authors[0] = Person(name="Gunilla Carlsson", party="S", evidence=Evidence(start=18, end=34, rule="t"))
    records = radsdok.people([a, b])
    assert len(records) == 2
    assert sorted(p for r in records for p in r.places) == ["Hisings Backa", "Tyresö"]


def test_a_mention_without_party_joins_the_namesake_with_the_same_role() -> None:
    docs = [
        doc("a.txt", "2008-01-01", [("Gunilla Carlsson", "S")]),
        doc("b.txt", "2011-01-01", [("Kent Ek", "SD")], [("Gunilla Carlsson", "M", "statsrådet")]),
        doc("c.txt", "2011-06-01", [("Bo Ek", "MP")], [("Gunilla Carlsson", None, "statsrådet")]),
        doc("d.txt", "2011-09-01", [("Gunilla Carlsson", "S")]),  # both at once: namesakes
    ]
    records = radsdok.people(docs)
    assert person_of(records, "c.txt", "addressees") == person_of(records, "b.txt", "addressees")
    assert person_of(records, "c.txt", "addressees") != person_of(records, "a.txt")


def test_role_only_addressee_joins_the_holder_named_around_that_date() -> None:
    docs = [
        doc("a.txt", "1980-01-01", [("Bo Ek", "V")], [("Eva Lund", "C", "jordbruksministern")]),
        doc("b.txt", "1980-05-01", [("Bo Ek", "V")], [(None, None, "jordbruksministern")]),
        doc("c.txt", "1986-05-01", [("Bo Ek", "V")], [(None, None, "jordbruksministern")]),
    ]
    records = radsdok.people(docs)
    eva = next(r for r in records if r.name == "Eva Lund")
    assert [(m.source, m.joined_by) for m in eva.mentions] == [("a.txt", "name"), ("b.txt", "role")]
    role = next(r for r in records if r.type == "role")  # six years later: no telling who
    assert [m.source for m in role.mentions] == ["c.txt"]


def test_shared_roles_are_never_joined_to_a_holder() -> None:
    docs = [
        doc("a.txt", "2010-01-01", [("Bo Ek", "V")], [("Eva Lund", "C", "statsrådet")]),
        doc("b.txt", "2010-01-02", [("Bo Ek", "V")], [(None, None, "statsrådet")]),
    ]
    records = radsdok.people(docs)
    assert any(r.type == "role" for r in records)


def test_private_persons_are_kept_apart_and_can_be_left_out() -> None:
    docs = [
        doc("a.txt", "2020-01-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2020-02-01", [("Anna Berg", None)], kind="medborgarforslag", municipality="Umeå"),
    ]
    records = radsdok.people(docs)
    assert sorted(r.type for r in records) == ["official", "private"]
    assert [r.type for r in radsdok.people(docs, only_officials=True)] == ["official"]
    masked = radsdok.people(docs, private=lambda r: r.model_copy(update={"name": "Person 1"}))
    assert sorted(r.name or "" for r in masked) == ["Anna Berg", "Person 1"]


def test_ids_are_the_same_on_a_rerun_and_in_another_input_order() -> None:
    docs = [
        doc("a.txt", "2015-01-01", [("Anna Berg", "S")], [("Bo Ek", "M", "kommunalråd")]),
        doc("b.txt", "2015-02-01", [("Anna Berg", "M")]),
        doc("c.txt", "2015-03-01", [("Cecilia Ny", "C"), ("Anna Berg", "S")]),  # namesakes at once
    ]
    first = {r.id for r in radsdok.people(docs)}
    again = {r.id for r in radsdok.people(list(reversed(docs)))}
    assert first == again and len(first) == 4


def test_bcubed_scores_a_wrong_join_below_one() -> None:
    gold = [
        GoldMention("a", "authors", 0, "Anna Berg", "id1"),
        GoldMention("b", "authors", 0, "Anna Berg", "id2"),
    ]
    joined = radsdok.people(
        [doc("a.txt", "2015-01-01", [("Anna Berg", "S")]), doc("b.txt", "2016-01-01", [("Anna Berg", None)])]
    )
    scores = score_people(joined, gold)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == 1.0
    assert scores.namesakes_f is not None and scores.namesakes_f < 1.0


def test_people_command_writes_records_and_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from radsdok.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    samples = Path(__file__).resolve().parent.parent / "samples" / "threads"
    for sample in samples.glob("*.txt"):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "people.jsonl"
    result = CliRunner().invoke(app, ["people", str(folder), "-o", str(out), "--quiet", "--model", "blank"])
    assert result.exit_code == 2, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    holm = next(r for r in records if r["name"] == "Maj-Inger Holm")
    assert {m["field"] for m in holm["mentions"]} == {"authors", "addressees"}
    errors = (tmp_path / "people.errors.jsonl").read_text(encoding="utf-8")
    assert "empty.txt" in errors


def test_show_for_a_folder_links_a_person_to_the_other_documents_naming_them(tmp_path: Path) -> None:
    from radsdok.html import write_view

    samples = Path(__file__).resolve().parent.parent / "samples" / "threads"
    write_view(samples, tmp_path, radsdok.load("blank"))
    page = (tmp_path / "lerum_interpellation_simhall.html").read_text(encoding="utf-8")
    assert 'also in: <a href="lerum_svar_simhall.html">' in page
    protocol = (tmp_path / "lerum_protokoll_simhall.html").read_text(encoding="utf-8")
    assert "also in:" not in protocol  # a protocol extract names no authors or addressees


@pytest.mark.parametrize("command", ["people", "export"])
def test_mask_personal_reaches_the_registry_and_the_export(tmp_path: Path, command: str) -> None:
    """A private signer's name and numbers never reach `people` or `export` output with
    --mask personal; the office holders of the same run keep their names."""
    from typer.testing import CliRunner

    from radsdok.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    fixtures = Path(__file__).resolve().parent / "fixtures" / "privacy"
    for fixture in fixtures.glob("*.txt"):
        (folder / fixture.name).write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / ("people.jsonl" if command == "people" else "export")
    args = [command, str(folder), "-o", str(out), "--quiet", "--model", "blank"]
    result = CliRunner().invoke(app, [*args, "--mask", "personal", "--mask-key", "test-key"])
    assert result.exit_code == 0, result.output
    files = [out] if out.is_file() else sorted(out.glob("*.json*"))
    written = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "Bengt Åström" in written  # an office holder (a party signer) stays
    for personal in ("Lindqvist", "19121212-1212", "070-123 45 67", "johanna.lindqvist@example.se"):
        assert personal not in written
    unmasked = CliRunner().invoke(app, [*args[:3], str(tmp_path / "plain" / out.name), *args[4:]])
    assert unmasked.exit_code == 0, unmasked.output
    plain = tmp_path / "plain" / out.name
    plain_files = [plain] if plain.is_file() else sorted(plain.glob("*.json*"))
    assert "Lindqvist" in "\n".join(f.read_text(encoding="utf-8") for f in plain_files)


def test_a_person_who_changed_party_is_one_person_with_both_parties() -> None:
    docs = [
        doc("a.txt", "2010-02-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2011-06-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("c.txt", "2012-03-01", [("Anna Berg", "S")], municipality="Umeå"),
        doc("d.txt", "2013-01-10", [("Anna Berg", "S")], municipality="Umeå"),
        doc("e.txt", "2013-05-01", [("A. Berg", None)], municipality="Umeå"),
    ]
    records = radsdok.people(docs, join_party_switches=True)
    assert len(records) == 1
    assert [(p.value, p.first, p.last) for p in records[0].parties] == [
        ("V", "2010-02-01", "2011-06-01"),
        ("S", "2012-03-01", "2013-01-10"),
    ]


def test_by_default_a_name_of_two_parties_one_after_the_other_is_two_namesakes() -> None:
    docs = [
        doc("a.txt", "2010-02-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2012-03-01", [("Anna Berg", "S")], municipality="Umeå"),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "a.txt") != person_of(records, "b.txt")


def test_namesakes_of_two_parties_at_the_same_time_stay_apart() -> None:
    docs = [
        doc("a.txt", "2007-03-05", [("Gunilla Ek", "S")]),
        doc("b.txt", "2008-04-01", [("Gunilla Ek", "M")]),
        doc("c.txt", "2009-01-20", [("Gunilla Ek", "S")]),
        doc("d.txt", "2011-04-15", [("Gunilla Ek", "M")]),
    ]
    records = radsdok.people(docs)
    assert person_of(records, "a.txt") == person_of(records, "c.txt")
    assert person_of(records, "b.txt") == person_of(records, "d.txt") != person_of(records, "a.txt")


def test_the_same_name_of_two_parties_one_after_the_other_in_two_municipalities_stays_apart() -> None:
    docs = [
        doc("a.txt", "2010-02-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2012-03-01", [("Anna Berg", "S")], municipality="Lund"),
    ]
    records = radsdok.people(docs, join_party_switches=True)
    assert person_of(records, "a.txt") != person_of(records, "b.txt")


def test_a_place_qualifier_tells_parliament_namesakes_of_two_parties_apart_however_dated() -> None:
    text = "Interpellation av Gunilla Carlsson i Hisings Backa (s) till statsrådet"
    a = doc("a.txt", "2007-03-05", [("Gunilla Carlsson", "S")], text=text)
    a.authors[0] = Person(name="Gunilla Carlsson", party="S", evidence=Evidence(start=18, end=34, rule="t"))
    b = doc("b.txt", "2011-04-15", [("Bo Ek", "V")], [("Gunilla Carlsson", "M", "statsrådet")])
    records = radsdok.people([a, b])
    assert person_of(records, "a.txt") != person_of(records, "b.txt", "addressees")


def test_a_party_switch_that_two_namesakes_could_make_joins_neither() -> None:
    docs = [
        doc("a.txt", "2010-02-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2012-03-01", [("Anna Berg", "S")], municipality="Umeå"),
        doc("c.txt", "2012-04-01", [("Anna Berg", "MP")], municipality="Umeå"),
    ]
    records = radsdok.people(docs, join_party_switches=True)
    assert len({person_of(records, s) for s in ("a.txt", "b.txt", "c.txt")}) == 3


def test_the_same_name_of_two_parties_a_decade_apart_stays_apart() -> None:
    docs = [
        doc("a.txt", "2001-02-01", [("Anna Berg", "V")], municipality="Umeå"),
        doc("b.txt", "2014-03-01", [("Anna Berg", "S")], municipality="Umeå"),
    ]
    records = radsdok.people(docs, join_party_switches=True)
    assert person_of(records, "a.txt") != person_of(records, "b.txt")


@pytest.mark.parametrize(("flag", "persons"), [([], 2), (["--join-party-switches"], 1)])
def test_the_people_command_joins_party_switches_only_when_asked(
    tmp_path: Path, flag: list[str], persons: int
) -> None:
    from typer.testing import CliRunner

    from radsdok.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for name, party, date in (("a.txt", "V", "2010-02-01"), ("b.txt", "S", "2012-03-01")):
        (folder / name).write_text(
            f"Motion till kommunfullmäktige i Umeå kommun\n\nOm parkerna\n\nParkerna behöver skötsel.\n\n"
            f"att kommunen sköter parkerna\n\nUmeå {date}\n\nAnna Bergkvist ({party})\n",
            encoding="utf-8",
        )
    out = tmp_path / "people.jsonl"
    command = ["people", str(folder), "-o", str(out), "--quiet", "--model", "blank", *flag]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len([r for r in records if r["name"] == "Anna Bergkvist"]) == persons


def test_a_private_person_named_in_a_protocol_is_one_person_with_the_proposals_signer() -> None:
    """A protocol § that says whose medborgarförslag it decides names a private person: the
    registry joins that mention to the proposal's signer, with the name's offsets in the
    protocol, and `only_officials` leaves the person out."""
    protocol_text = "§ 12 Medborgarförslag från Lova Granqvist om en pulkabacke i Ytterby\n\nBeslut ..."
    name_at = protocol_text.index("Lova Granqvist")
    docs = [
        doc(
            "mf.txt",
            "2021-03-01",
            [("Lova Granqvist", None)],
            kind="medborgarforslag",
            municipality="Kungälv",
        ),
        doc("kf.txt", "2021-09-20", kind="protokoll", municipality="Kungälv", text=protocol_text),
    ]
    records = radsdok.people(docs)
    (person,) = [r for r in records if r.name == "Lova Granqvist"]
    assert person.type == "private"
    in_protocol = [m for m in person.mentions if m.source == "kf.txt"]
    assert [(m.field, m.start, m.end) for m in in_protocol] == [("text", name_at, name_at + 14)]
    assert not [r for r in radsdok.people(docs, only_officials=True) if r.name == "Lova Granqvist"]


def test_a_signer_the_text_also_marks_is_not_named_twice() -> None:
    """'Inlämnat av' before a signer who is already an author adds no second mention, and an
    office holder never becomes a private person because a phrase stands before the name."""
    text = "Motion om cykelbanor\n\nInlämnat av Bo Ekström (V)\n"
    start = text.index("Bo Ekström")
    motion = Document(
        source="m.txt",
        kind="motion",
        date="2020-01-01",
        municipality="Umeå",
        body="kommunfullmäktige",
        authors=[
            Person(name="Bo Ekström", party="V", evidence=Evidence(start=start, end=start + 10, rule="t"))
        ],
        text=text,
    )
    records = radsdok.people([motion])
    assert [(r.type, len(r.mentions)) for r in records] == [("official", 1)]
