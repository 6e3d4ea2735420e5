"""radsdok export: OParl 1.1 JSON and Parquet tables from documents, the registry and threads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import radsdok
from radsdok.across.oparl import Ids, OParl, party_end, role_body, split_name
from radsdok.across.records import PersonRecord, Span
from radsdok.models import Addressee, CaseNumber, Document, Evidence, Person

ROOT = Path(__file__).resolve().parent.parent
THREAD = ROOT / "samples" / "threads"
SCHEMA = json.loads((Path(__file__).parent / "oparl_schema" / "oparl-1.1.json").read_text(encoding="utf-8"))
BASE = "https://example.invalid/oparl/"
TYPES = {
    "bodies": "Body",
    "organizations": "Organization",
    "persons": "Person",
    "memberships": "Membership",
    "papers": "Paper",
    "meetings": "Meeting",
    "agenda_items": "AgendaItem",
    "consultations": "Consultation",
}
# properties that hold the URL of an object list, not of an object
LIST_URLS = {"Body": {"organization", "person", "meeting", "paper"}, "System": {"body"}}
EV = Evidence(start=0, end=4, rule="test")


def read_export(out: Path) -> dict[str, list[dict[str, Any]]]:
    objects = {
        name: [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        for name in TYPES
    }
    objects["system"] = [json.loads((out / "system.json").read_text(encoding="utf-8"))]
    return objects


@pytest.fixture(scope="module")
def thread_docs() -> list[Any]:
    return list(radsdok.load("blank").pipe(sorted(THREAD.glob("*.txt")), include_text=True))


@pytest.fixture(scope="module")
def exported(thread_docs: list[Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp("oparl")
    radsdok.export(thread_docs, out, format="oparl")
    return read_export(out)


def by_name(objects: list[dict], name: str) -> dict:
    return next(o for o in objects if o.get("name") == name)


def paper_of(objects: dict[str, list[dict]], file_name: str) -> dict:
    return next(p for p in objects["papers"] if p["radsdok:source"].endswith(file_name))


def test_each_document_of_the_thread_is_a_paper_or_the_meeting(exported: dict[str, list[dict]]) -> None:
    assert len(exported["papers"]) == 2  # the interpellation and its answer
    assert len(exported["meetings"]) == 1  # the protocol
    interpellation = paper_of(exported, "lerum_interpellation_simhall.txt")
    assert interpellation["reference"] == "KS 2024/0087"
    assert interpellation["paperType"] == "Interpellation"
    assert interpellation["date"] == "2024-02-12"
    assert interpellation["radsdok:caseNumbers"] == ["KS 2024-87"]
    answer = paper_of(exported, "lerum_svar_simhall.txt")
    assert answer["reference"] == "KS 2024-00087"
    assert answer["paperType"] == "Svar"


def test_originator_person_is_the_author_in_the_registry(exported: dict[str, list[dict]]) -> None:
    holm = by_name(exported["persons"], "Maj-Inger Holm")
    lindqvist = by_name(exported["persons"], "Karin Lindqvist")
    assert paper_of(exported, "lerum_interpellation_simhall.txt")["originatorPerson"] == [holm["id"]]
    assert paper_of(exported, "lerum_svar_simhall.txt")["originatorPerson"] == [lindqvist["id"]]
    assert (holm["givenName"], holm["familyName"]) == ("Maj-Inger", "Holm")


def test_an_answer_is_subordinated_to_the_question_it_answers(exported: dict[str, list[dict]]) -> None:
    interpellation = paper_of(exported, "lerum_interpellation_simhall.txt")
    answer = paper_of(exported, "lerum_svar_simhall.txt")
    assert answer["superordinatedPaper"] == [interpellation["id"]]
    assert interpellation["subordinatedPaper"] == [answer["id"]]


def test_the_protocol_item_is_an_agenda_item_with_a_consultation_of_the_paper(
    exported: dict[str, list[dict]],
) -> None:
    meeting = exported["meetings"][0]
    assert meeting["name"] == "Kommunfullmäktige 2024-03-21"
    [item] = meeting["agendaItem"]
    assert item["number"] == "§ 41"
    assert item["meeting"] == meeting["id"]
    assert exported["agenda_items"] == [item]
    interpellation = paper_of(exported, "lerum_interpellation_simhall.txt")
    [consultation] = interpellation["consultation"]
    assert consultation["paper"] == interpellation["id"]
    assert consultation["agendaItem"] == item["id"]
    assert consultation["meeting"] == meeting["id"]
    assert consultation["role"] == "beslut"
    assert item["consultation"] == consultation["id"]  # the initiative's consultation
    assert consultation in exported["consultations"]
    council = by_name(exported["organizations"], "Kommunfullmäktige")
    assert meeting["organization"] == [council["id"]] == consultation["organization"]


def test_memberships_carry_the_dates_seen_and_no_end_the_input_does_not_show(
    exported: dict[str, list[dict]],
) -> None:
    lindqvist = by_name(exported["persons"], "Karin Lindqvist")
    orgs = {o["id"]: o for o in exported["organizations"]}
    held = {(orgs[m["organization"]]["name"], m.get("role")): m for m in lindqvist["membership"]}
    party = held[("Moderaterna", None)]
    assert party["startDate"] == "2024-02-12"
    assert "endDate" not in party  # last seen in March 2024 is no end of the membership
    assert (party["radsdok:firstSeen"], party["radsdok:lastSeen"]) == ("2024-02-12", "2024-03-14")
    chair = held[("Kommunstyrelsen", "ordförande")]
    assert chair["startDate"] == "2024-02-12"
    assert "endDate" not in chair and chair["radsdok:lastSeen"] == "2024-03-14"
    assert orgs[party["organization"]]["organizationType"] == "Fraktion"
    assert orgs[party["organization"]]["shortName"] == "M"
    flat = [m for m in exported["memberships"] if m["person"] == lindqvist["id"]]
    assert {m["id"] for m in flat} == {m["id"] for m in lindqvist["membership"]}
    assert party["id"] in orgs[party["organization"]]["membership"]


def test_the_body_is_the_municipality_with_its_code(exported: dict[str, list[dict]]) -> None:
    [body] = exported["bodies"]
    assert body["name"] == "Lerum"
    assert body["radsdok:kommunkod"] == "1441"
    # the protocol names no municipality of its own: it is Lerum's through its case thread
    assert all(p["body"] == body["id"] for p in exported["papers"])
    assert all(o["body"] == body["id"] for o in exported["organizations"])


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = {**SCHEMA, "$ref": f"#/$defs/{name}"}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_export_validates_against_the_oparl_schema(exported: dict[str, list[dict]]) -> None:
    for name, kind in {**TYPES, "system": "System"}.items():
        check = validator(kind)
        for obj in exported[name]:
            errors = [e.message for e in check.iter_errors(obj)]
            assert not errors, (name, obj["id"], errors)


def test_the_schema_rejects_what_oparl_forbids() -> None:
    paper = {"id": BASE + "paper/1", "type": "https://schema.oparl.org/1.1/Paper"}
    check = validator("Paper")
    assert check.is_valid(paper)
    assert not check.is_valid({**paper, "id": "urn:radsdok:paper:1"})  # ids are URLs
    assert not check.is_valid({**paper, "originatorPerson": "https://x.invalid/p"})  # an array
    assert not check.is_valid({**paper, "date": "12 februari 2024"})
    assert not check.is_valid({**paper, "type": "https://schema.oparl.org/1.1/Person"})
    assert not validator("AgendaItem").is_valid(
        {"id": BASE + "a", "type": "https://schema.oparl.org/1.1/AgendaItem"}
    )


def _walk(obj: Any, owner: str | None = None, key: str | None = None) -> Any:
    """(owner type, key, value) of every string in an object, and each embedded object."""
    if isinstance(obj, dict):
        kind = str(obj.get("type", "")).rsplit("/", 1)[-1] or owner
        for k, v in obj.items():
            yield from _walk(v, kind, k)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v, owner, key)
    else:
        yield owner, key, obj


def _ids(obj: Any) -> set[str]:
    if isinstance(obj, dict):
        return ({obj["id"]} if "id" in obj else set()) | {i for v in obj.values() for i in _ids(v)}
    if isinstance(obj, list):
        return {i for v in obj for i in _ids(v)}
    return set()


def dangling(objects: dict[str, list[dict]]) -> set[tuple[str | None, str | None, str]]:
    everything = [o for group in objects.values() for o in group]
    ids = _ids(everything)
    return {
        (owner, key, value)
        for owner, key, value in _walk(everything)
        if isinstance(value, str)
        and value.startswith(BASE)
        and key != "id"
        and key not in LIST_URLS.get(owner or "", set())
        and value not in ids
    }


def test_every_url_an_object_points_to_is_an_exported_object(exported: dict[str, list[dict]]) -> None:
    assert dangling(exported) == set()
    broken = {**exported, "persons": exported["persons"][1:]}
    assert dangling(broken)  # the check sees a missing person


def test_ids_are_the_same_on_a_rerun(thread_docs: list[Any], tmp_path: Path) -> None:
    radsdok.export(thread_docs, tmp_path / "a")
    radsdok.export(list(reversed(thread_docs)), tmp_path / "b")
    first, second = read_export(tmp_path / "a"), read_export(tmp_path / "b")
    for name in TYPES:
        assert sorted(o["id"] for o in first[name]) == sorted(o["id"] for o in second[name]), name
    assert (tmp_path / "a" / "persons.jsonl").read_bytes() == (tmp_path / "b" / "persons.jsonl").read_bytes()


def test_base_url_is_the_prefix_of_every_id(thread_docs: list[Any], tmp_path: Path) -> None:
    radsdok.export(thread_docs, tmp_path, base_url="https://data.lerum.invalid/oparl")
    objects = read_export(tmp_path)
    assert all(o["id"].startswith("https://data.lerum.invalid/oparl/") for g in objects.values() for o in g)
    with pytest.raises(ValueError, match="http"):
        Ids("urn:radsdok:")


PARQUET_COLUMNS = {
    "people": ["id", "type", "name", "variants", "party", "parties", "roles", "municipality", "places"],
    "mentions": ["person_id", "source", "field", "name", "start", "end", "page", "party", "date"],
    "memberships": ["person_id", "what", "value", "first", "last", "mentions"],
    "cases": ["thread_id", "case_numbers", "position", "source", "kind", "role", "date", "item"],
}


def test_parquet_tables_are_readable_with_pandas(thread_docs: list[Any], tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    summary = radsdok.export(thread_docs, tmp_path, format="parquet")
    assert summary.written["people.parquet"] == 2
    frames = {name: pd.read_parquet(tmp_path / f"{name}.parquet") for name in PARQUET_COLUMNS}
    for name, wanted in PARQUET_COLUMNS.items():
        assert set(wanted) <= set(frames[name].columns), name
    people = frames["people"].set_index("name")
    assert people.loc["Karin Lindqvist", "party"] == "M"
    mentions = frames["mentions"]
    holm = mentions[mentions["person_name"] == "Maj-Inger Holm"]
    assert set(holm["field"]) == {"authors", "addressees"}
    cases = frames["cases"]
    assert len(cases) == 3 and cases["thread_id"].nunique() == 1
    assert list(cases.sort_values("position")["role"]) == ["initiative", "answer", "decision"]


def test_empty_input_gives_empty_tables_with_their_columns(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    radsdok.export([], tmp_path, format="parquet")
    frame = pd.read_parquet(tmp_path / "cases.parquet")
    assert frame.empty and "thread_id" in frame.columns


def test_export_command_writes_the_folder_and_an_errors_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from radsdok.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for sample in THREAD.glob("*.txt"):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    args = ["export", str(folder), "-o", str(out), "--format", "oparl", "--quiet", "--model", "blank"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output  # some files failed, the rest were exported
    objects = read_export(out)
    assert len(objects["papers"]) == 2 and len(objects["persons"]) == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["source"]).name for e in errors] == ["empty.txt"]
    assert errors[0]["error"] == "empty"
    bad = CliRunner().invoke(app, [*args[:5], "--format", "xml", "--quiet", "--model", "blank"])
    assert bad.exit_code == 1 and "oparl" in bad.output


def test_a_failure_given_to_the_api_is_a_line_in_the_errors_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    results = list(radsdok.load("blank").pipe([empty]))
    summary = radsdok.export(results, tmp_path / "out")
    assert summary.failures == 1
    assert "empty.txt" in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")


def test_dask_builds_the_same_tables_as_the_direct_path(thread_docs: list[Any], tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    dask = pytest.importorskip("dask")
    import dask.bag as db

    import radsdok.dask as rdask

    bag = db.from_sequence(thread_docs, npartitions=2)
    with dask.config.set(scheduler="sync"):
        frames = rdask.across_tables(bag)
    radsdok.export(thread_docs, tmp_path, format="parquet")
    for name in PARQUET_COLUMNS:
        direct = pd.read_parquet(tmp_path / f"{name}.parquet")
        got = frames[name]
        assert list(got.columns) == list(direct.columns), name
        assert got.astype(str).values.tolist() == direct.astype(str).values.tolist(), name


# ---------------------------------------------------------------- mapping rules on small Documents


def _switcher(parties: list[Span]) -> PersonRecord:
    return PersonRecord(
        id="p-switch",
        type="official",
        name="Eva Ek",
        parties=parties,
        roles=[Span(value="kommunstyrelsens ordförande", first="2018-01-10", last="2019-05-02", mentions=2)],
        municipality="Lerum",
    )


def _memberships(person: PersonRecord) -> dict[tuple[str, str | None], dict[str, Any]]:
    objects = OParl([], [person], [])
    orgs = {o["id"]: o for o in objects.organizations()}
    [exported] = objects.persons()
    assert not list(validator("Person").iter_errors(exported))
    return {(orgs[m["organization"]]["name"], m.get("role")): m for m in objects.memberships()}


def test_a_party_membership_ends_at_the_last_date_seen_before_a_switch() -> None:
    held = _memberships(
        _switcher(
            [
                Span(value="M", first="2018-01-10", last="2019-05-02", mentions=3),
                Span(value="L", first="2019-09-01", last="2021-03-01", mentions=2),
            ]
        )
    )
    moderates, liberals = held[("Moderaterna", None)], held[("Liberalerna", None)]
    assert (moderates["startDate"], moderates["endDate"]) == ("2018-01-10", "2019-05-02")
    assert liberals["startDate"] == "2019-09-01" and "endDate" not in liberals
    assert liberals["radsdok:lastSeen"] == "2021-03-01"
    assert "endDate" not in held[("Kommunstyrelsen", "ordförande")]  # a role: no end shown


def test_a_party_seen_again_after_another_has_no_end() -> None:
    held = _memberships(
        _switcher(
            [
                Span(value="M", first="2018-01-10", last="2022-06-01", mentions=3),
                Span(value="L", first="2019-09-01", last="2020-03-01", mentions=1),
            ]
        )
    )
    assert "endDate" not in held[("Moderaterna", None)]
    assert held[("Liberalerna", None)]["endDate"] == "2020-03-01"
    # a sighting on the same day or without a date shows no switch
    assert (
        party_end(Span(value="M", last="2020-01-01"), [Span(value="L", last="2020-01-01"), Span(value="S")])
        is None
    )


def test_a_party_signing_alone_is_the_papers_originator_organization(tmp_path: Path) -> None:
    motion = Document(
        source="motion.txt",
        kind="motion",
        municipality="Kungsbacka",
        date="2023-01-27",
        title="Motion om cykelvägar",
        authors=[Person(name=None, party="V", evidence=EV)],
        case_numbers=[CaseNumber(text="KS 2023/0118", register="KS", year=2023, serial="0118", evidence=EV)],
    )
    report = Document(
        source="report.txt",
        kind="tjansteskrivelse",
        municipality="Kungsbacka",
        date="2023-05-01",
        department="Förvaltningen för Teknik",
        case_officer="Eva Ek",
        case_numbers=[
            CaseNumber(text="KS 2023-00118", register="KS", year=2023, serial="00118", evidence=EV)
        ],
    )
    radsdok.export([motion, report], tmp_path)
    objects = read_export(tmp_path)
    orgs = {o["id"]: o for o in objects["organizations"]}
    motion_paper = paper_of(objects, "motion.txt")
    [party] = motion_paper["originatorOrganization"]
    assert orgs[party]["name"] == "Vänsterpartiet"
    assert "originatorPerson" not in motion_paper
    report_paper = paper_of(objects, "report.txt")
    [department] = report_paper["underDirectionOf"]
    assert orgs[department]["organizationType"] == "Verwaltungsbereich"
    assert report_paper["paperType"] == "Tjänsteskrivelse"
    assert motion_paper["relatedPaper"] == [report_paper["id"]]  # one case thread
    assert "mainFile" not in motion_paper  # no such file here: no File
    assert dangling(objects) == set()


def test_a_question_to_a_minister_belongs_to_the_parliament(tmp_path: Path) -> None:
    question = Document(
        source="fraga.txt",
        kind="fraga",
        date="1996-03-22",
        authors=[Person(name="Alf Svensson", party="KD", evidence=EV)],
        addressees=[Addressee(name="Margot Wallström", role="socialminister", evidence=EV)],
    )
    radsdok.export([question], tmp_path)
    objects = read_export(tmp_path)
    [body] = objects["bodies"]
    assert body["name"] == "Sveriges riksdag"
    wallstrom = by_name(objects["persons"], "Margot Wallström")
    orgs = {o["id"]: o for o in objects["organizations"]}
    [minister] = wallstrom["membership"]
    assert (orgs[minister["organization"]]["name"], minister["role"]) == ("Regeringen", "socialminister")
    assert paper_of(objects, "fraga.txt")["paperType"] == "Enkel fråga"


def test_only_officials_leaves_private_persons_out(tmp_path: Path) -> None:
    proposal = Document(
        source="forslag.txt",
        kind="medborgarforslag",
        municipality="Lerum",
        authors=[Person(name="Sven Svensson", evidence=EV)],
    )
    radsdok.export([proposal], tmp_path / "all")
    radsdok.export([proposal], tmp_path / "officials", only_officials=True)
    assert [p["radsdok:type"] for p in read_export(tmp_path / "all")["persons"]] == ["private"]
    officials = read_export(tmp_path / "officials")
    assert officials["persons"] == []
    assert "originatorPerson" not in officials["papers"][0]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("kommunstyrelsens ordförande", ("Kommunstyrelsen", "ordförande")),
        ("socialnämndens vice ordförande", ("Socialnämnden", "vice ordförande")),
        ("ordförande i byggnadsnämnden", ("Byggnadsnämnden", "ordförande")),
        ("jordbruksminister", ("Regeringen", "jordbruksminister")),
        ("kommunalråd", None),
    ],
)
def test_a_role_names_its_organization_where_it_can(role: str, expected: tuple[str, str] | None) -> None:
    assert role_body(role) == expected


def test_names_split_into_given_and_family_names() -> None:
    assert split_name("Maj-Inger Holm") == ("Maj-Inger", "Holm")
    assert split_name("Karl Gustav Ek") == ("Karl Gustav", "Ek")
    assert split_name("Holm") == (None, None)
