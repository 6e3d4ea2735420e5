"""--mask personal: personal data replaced by stable pseudonyms of the same length, every offset
still valid, office holders still named, look-alikes (dates, diarienummer, sums) left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import radsdok
from radsdok.cli import app
from radsdok.dataset import read_rows, write_dataset
from radsdok.models import Document, Evidence, Person
from radsdok.privacy import Masking, masking
from radsdok.privacy.detect import CATEGORIES, find_all, luhn_ok

FIXTURES = Path(__file__).parent / "fixtures" / "privacy"
PROPOSAL = FIXTURES / "medborgarforslag_kontaktuppgifter.txt"
INTERPELLATION = FIXTURES / "interpellation_boende_kontakt.txt"
SAMPLES = Path(__file__).parent.parent / "samples"
KEY = "test-key"

# What the two fixtures hold that must not survive masking.
PERSONAL = [
    "Johanna Lindqvist",
    "19121212-1212",
    "Storgatan 12 B",
    "575 31",
    "070-123 45 67",
    "08-123 45 67",
    "+46 70 765 43 21",
    "johanna.lindqvist@example.se",
    "anna.gast@example.com",
    "Storgatan 14 A",
    "Lindqvist",
]


def personnummer(date: str, serial3: str) -> str:
    """A Luhn-valid personnummer YYMMDD-NNNC of the given date and first three serial digits."""
    for check in "0123456789":
        if luhn_ok(date + serial3 + check):
            return f"{date}-{serial3}{check}"
    raise AssertionError("no check digit")


@pytest.fixture(scope="module")
def parser() -> radsdok.Parser:
    return radsdok.load("blank")


def masked_values(text: str, categories: tuple[str, ...] = CATEGORIES) -> list[tuple[str, str]]:
    return [(f.category, text[f.start : f.end]) for f in find_all(text, categories)]


# ---------------------------------------------------------------- each category, and its look-alikes

TEST_PNR = personnummer("121212", "121")  # Skatteverket's test person "Tolvan", 121212-1212


@pytest.mark.parametrize(
    "written",
    [
        TEST_PNR,
        "19" + TEST_PNR,
        TEST_PNR.replace("-", ""),
        TEST_PNR.replace("-", "+"),
        personnummer("850709", "238"),
        personnummer("850769", "238"),
    ],  # samordningsnummer: day + 60
)
def test_a_luhn_valid_personnummer_is_masked(written: str) -> None:
    assert masked_values(f"Personnummer: {written}, inlämnat i dag.") == [("personnummer", written)]


@pytest.mark.parametrize(
    "look_alike",
    [
        TEST_PNR[:-1] + str((int(TEST_PNR[-1]) + 1) % 10),  # the Luhn digit is wrong
        "851309-2384",  # month 13: not a date
        "556677-8899",  # an organisation number (month 66)
        "2023-000456",  # a diarienummer
        "KS 2023/0048",
        "2024-09-12",
        "1 250 000 kr",
        "år 2023",
        "12 mars 2024",
        "903 25 Umeå",
    ],
)
def test_look_alikes_of_numbers_are_not_masked(look_alike: str) -> None:
    assert masked_values(f"Enligt underlaget ({look_alike}) gäller beslutet.") == []


@pytest.mark.parametrize(
    "number",
    [
        "08-123 45 67",
        "070-123 45 67",
        "070 123 45 67",
        "0701234567",
        "+46 70 123 45 67",
        "+46 (0)8-123 45 67",
        "0771-123 456",
        "031-366 00 00",
        "0046 70 123 45 67",
    ],
)
def test_swedish_phone_numbers_are_masked(number: str) -> None:
    assert masked_values(f"Ring mig på {number} efter kl. 17.") == [("phone", number)]


def test_a_phone_number_followed_by_another_figure_keeps_only_the_number() -> None:
    assert masked_values("Ring 070-123 45 67 10 gånger.") == [("phone", "070-123 45 67")]


@pytest.mark.parametrize(
    "address",
    [
        "Storgatan 12",
        "Storgatan 12 B",
        "Storgatan 12B",
        "Björkvägen 3, 575 31 Eksjö",
        "Drottning Kristinas väg 5",
        "Sankt Eriksgatan 3",
        "Lilla Torget 2",
        "Åsgränd 7 lgh 1101",
    ],
)
def test_street_addresses_are_masked(address: str) -> None:
    assert masked_values(f"Jag bor på {address} sedan 2019.") == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "trafiken på Storgatan är tät",
        "längs Storgatan 200 meter",
        "Detaljplan 12 antogs",
        "Kungsgatan 2023",
        "riksväg 90 stängs",
        "Väg 222 byggs om",
    ],
)
def test_street_names_without_an_address_are_not_masked(text: str) -> None:
    assert masked_values(text) == []


@pytest.mark.parametrize("email", ["anna.berg@example.se", "a_b+c@kommun.example.com"])
def test_e_mail_addresses_are_masked(email: str) -> None:
    assert masked_values(f"Skriv till {email}.") == [("email", email)]


# ---------------------------------------------------------------- documents


@pytest.fixture(scope="module")
def proposal(parser: radsdok.Parser) -> Document:
    return parser.parse(PROPOSAL)


@pytest.fixture(scope="module")
def interpellation(parser: radsdok.Parser) -> Document:
    return parser.parse(INTERPELLATION)


def test_every_kind_of_personal_data_is_gone_from_the_masked_document(
    proposal: Document, interpellation: Document
) -> None:
    for doc in (proposal, interpellation):
        dumped = radsdok.mask(doc, key=KEY).model_dump_json()
        assert not [value for value in PERSONAL if value in dumped]


def test_the_medborgarforslag_signer_is_masked_everywhere_and_office_holders_are_not(
    proposal: Document, interpellation: Document
) -> None:
    masked = radsdok.mask(proposal, key=KEY)
    assert proposal.authors[0].name == "Johanna Lindqvist" and proposal.authors[0].party is None
    assert masked.authors[0].name is not None and masked.authors[0].name.startswith("NN-")
    assert "Lindqvist" not in (masked.text or "")  # the surname alone too
    other = radsdok.mask(interpellation, key=KEY)
    assert [(a.name, a.party) for a in other.authors] == [("Bengt Åström", "V")]
    assert [a.name for a in other.addressees] == ["Karin Ek"]
    assert "Karin Ek (S)" in (other.text or "")


def test_names_the_text_marks_as_a_private_persons_are_masked(parser: radsdok.Parser) -> None:
    text = (
        "Protokollsutdrag\n\n§ 12 Svar på medborgarförslag från Per-Olof Svensson om belysning\n\n"
        "Förslagsställare: Maria Holm\n\nKommunfullmäktige beslutar att bifalla förslaget.\n"
    )
    masked = radsdok.mask(parser.parse_text(text), key=KEY).text or ""
    assert "Per-Olof Svensson" not in masked and "Maria Holm" not in masked
    assert "Kommunfullmäktige beslutar" in masked


def test_a_private_name_that_is_also_an_office_holders_stays(parser: radsdok.Parser) -> None:
    text = (
        "Interpellation till kommunstyrelsens ordförande Karin Ek (S)\n\nLekplatserna i Hult\n\n"
        "Kommunen har länge lovat nya lekplatser i Hult. Ett medborgarförslag från Karin Ek om "
        "lekplatser har ännu inte besvarats.\n\nMot bakgrund av detta vill jag fråga:\n\n"
        "När besvaras förslaget?\n\nBengt Åström (V)\n"
    )
    doc = parser.parse_text(text)
    assert [a.name for a in doc.addressees] == ["Karin Ek"]
    assert (radsdok.mask(doc, key=KEY).text or "").count("Karin Ek") == 2


def evidenced(doc: Document) -> list[tuple[str, str, Evidence]]:
    """Every (field, value, evidence) of a Document."""
    out: list[tuple[str, str, Evidence]] = []
    for name in ("title", "municipality", "body"):
        value = getattr(doc, name)
        if value is not None and name in doc.evidence:
            out.append((name, value, doc.evidence[name]))
    groups: dict[str, list[Any]] = {
        "authors": doc.authors,
        "addressees": doc.addressees,
        "members": doc.members,
        "questions": doc.questions,
        "quotes": doc.quotes,
        "proposals": doc.proposals,
        "sections": doc.sections,
        "items": doc.items,
        "case_numbers": doc.case_numbers,
    }
    for group, items in groups.items():
        for item in items:
            for attr in ("name", "text", "title", "heading", "decision"):
                value = getattr(item, attr, None)
                if isinstance(value, str):
                    out.append((f"{group}.{attr}", value, item.evidence))
    return out


def relation(value: str, at: str) -> int | None:
    """Where `value` stands in the evidence's text (None: not in it)."""
    where = at.find(value)
    return None if where < 0 else where


def check_offsets(before: Document, after: Document) -> None:
    assert before.text is not None and after.text is not None
    assert len(after.text) == len(before.text)
    assert after.page_starts == before.page_starts
    assert after.evidence == before.evidence
    for (field, old, ev), (_, new, new_ev) in zip(evidenced(before), evidenced(after), strict=True):
        assert new_ev == ev, field
        assert len(new) == len(old), field
        where = relation(old, before.text[ev.start : ev.end])
        if where is not None:  # the value stood at its evidence: the masked value does too
            assert after.text[ev.start + where : ev.start + where + len(new)] == new, field


def test_every_evidence_offset_still_points_at_its_masked_value(
    proposal: Document, interpellation: Document
) -> None:
    for doc in (proposal, interpellation):
        masked = radsdok.mask(doc, key=KEY)
        assert masked.text != doc.text
        check_offsets(doc, masked)


def test_offsets_stay_valid_on_every_sample(parser: radsdok.Parser) -> None:
    paths = sorted(SAMPLES.glob("*.txt"))
    assert len(paths) > 30
    for path in paths:
        doc = parser.parse(path)
        check_offsets(doc, radsdok.mask(doc, key=KEY))


def test_a_page_split_pdf_text_keeps_its_page_starts(parser: radsdok.Parser, proposal: Document) -> None:
    paged = proposal.model_copy(update={"page_starts": [0, 400], "pages": 2})
    masked = radsdok.mask(paged, key=KEY)
    assert masked.page_starts == [0, 400] and masked.text is not None
    check_offsets(paged, masked)


def test_a_document_without_its_text_still_has_its_fields_masked(parser: radsdok.Parser) -> None:
    doc = parser.parse(INTERPELLATION, include_text=False)
    masked = radsdok.mask(doc, key=KEY)
    assert masked.text is None
    joined = " ".join(q.text for q in masked.questions)
    assert "070-123 45 67" not in joined and "anna.gast@example.com" not in joined
    assert [len(q.text) for q in masked.questions] == [len(q.text) for q in doc.questions]


def test_metadata_values_are_masked(proposal: Document) -> None:
    doc = proposal.model_copy(update={"metadata": {"contact": "johanna.lindqvist@example.se, 070-123 45 67"}})
    contact = radsdok.mask(doc, key=KEY).metadata["contact"]
    assert "example.se" not in contact and "070" not in contact


def test_the_masked_warning_counts_values_without_naming_them(interpellation: Document) -> None:
    masked = radsdok.mask(interpellation, key=KEY)
    warning = [w for w in masked.warnings if w.code == "masked"]
    assert len(warning) == 1
    assert "3 phone numbers" in warning[0].message and "2 street addresses" in warning[0].message
    assert "example" not in warning[0].message and "Storgatan" not in warning[0].message
    assert not [w for w in radsdok.mask(interpellation, "name", key=KEY).warnings if w.code == "masked"]


def test_only_the_categories_asked_for_are_masked(interpellation: Document) -> None:
    text = radsdok.mask(interpellation, "phone,email", key=KEY).text or ""
    assert "Storgatan 14 A" in text and "070-123 45 67" not in text and "anna.gast" not in text


def test_an_unknown_category_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot mask 'phones'"):
        masking("phones")


# ---------------------------------------------------------------- stable pseudonyms


def pseudonym_of(doc: Document, original: str, key: str = KEY) -> str:
    assert doc.text is not None
    start = doc.text.index(original)
    masked = radsdok.mask(doc, key=key).text or ""
    return masked[start : start + len(original)]


def test_the_same_value_gets_the_same_pseudonym_in_two_calls_and_two_documents(
    proposal: Document, interpellation: Document
) -> None:
    first = pseudonym_of(proposal, "070-123 45 67")
    assert first == pseudonym_of(proposal, "070-123 45 67")
    assert first == pseudonym_of(interpellation, "070-123 45 67")
    assert first.startswith("TEL-") and len(first) == len("070-123 45 67")


def test_different_values_and_different_keys_give_different_pseudonyms(
    proposal: Document, interpellation: Document
) -> None:
    assert pseudonym_of(interpellation, "070-123 45 67") != pseudonym_of(interpellation, "08-123 45 67")
    assert pseudonym_of(proposal, "Johanna Lindqvist") != pseudonym_of(proposal, "Johanna Lindqvist", "other")


def test_two_ways_of_writing_a_number_share_the_pseudonym_beginning() -> None:
    mapping = Masking(frozenset({"phone"}), KEY.encode())
    doc = Document(source="x", text="Ring 070-123 45 67 eller 0701234567.")
    masked = radsdok.mask(doc, mapping).text or ""
    assert masked[5:18][:10] == masked[25:35]


def test_the_pseudonym_is_the_same_in_another_process(proposal: Document) -> None:
    code = (
        "import radsdok, sys\n"
        "doc = radsdok.load('blank').parse(sys.argv[1])\n"
        "print(radsdok.mask(doc, key=sys.argv[2]).authors[0].name)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "RADSDOK_MASK_KEY"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(PROPOSAL), KEY], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == radsdok.mask(proposal, key=KEY).authors[0].name


def test_the_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, proposal: Document) -> None:
    monkeypatch.setenv("RADSDOK_MASK_KEY", "from-env")
    assert radsdok.mask(proposal).authors[0].name == radsdok.mask(proposal, key="from-env").authors[0].name
    monkeypatch.delenv("RADSDOK_MASK_KEY")
    assert radsdok.mask(proposal).authors[0].name != radsdok.mask(proposal, key="from-env").authors[0].name


# ---------------------------------------------------------------- the command line

runner = CliRunner()


def test_parse_with_mask_personal_prints_no_personal_data() -> None:
    for extra in ([], ["--no-text"]):
        result = runner.invoke(
            app,
            [
                "parse",
                "--model",
                "blank",
                "--mask",
                "personal",
                "--mask-key",
                KEY,
                *extra,
                str(PROPOSAL),
                str(INTERPELLATION),
            ],
        )
        assert result.exit_code == 0, result.output
        assert not [value for value in PERSONAL if value in result.stdout]
        docs = [json.loads(line) for line in result.stdout.splitlines()]
        assert [d["kind"] for d in docs] == ["medborgarforslag", "interpellation"]
        assert all((d["text"] is None) == bool(extra) for d in docs)


def test_parse_without_mask_keeps_the_text_as_it_is() -> None:
    result = runner.invoke(app, ["parse", "--model", "blank", str(PROPOSAL)])
    assert result.exit_code == 0 and "070-123 45 67" in result.stdout


def test_parse_with_the_default_key_says_so_and_a_bad_mask_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RADSDOK_MASK_KEY", raising=False)
    result = runner.invoke(app, ["parse", "--model", "blank", "--mask", "personal", str(PROPOSAL)])
    assert result.exit_code == 0 and "public default key" in result.stderr
    assert runner.invoke(app, ["parse", "--mask", "everything", str(PROPOSAL)]).exit_code == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_dataset_with_mask_writes_no_personal_data(tmp_path: Path, workers: int) -> None:
    out = tmp_path / "docs.jsonl"
    write_dataset(
        [PROPOSAL, INTERPELLATION],
        out,
        rows="documents",
        workers=workers,
        model="blank",
        masking=masking("personal", KEY),
    )
    written = out.read_text("utf-8")
    assert not [value for value in PERSONAL if value in written]
    rows = list(read_rows(out))
    assert rows[0]["author_names"][0].startswith("NN-")  # the medborgarförslag's signer
    assert rows[1]["author_names"] == ["Bengt Åström"]
    assert all("masked" in r["warnings"] for r in rows)


def test_the_dataset_command_takes_mask(tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    result = runner.invoke(
        app,
        [
            "dataset",
            str(INTERPELLATION),
            "-o",
            str(out),
            "--model",
            "blank",
            "--quiet",
            "--mask",
            "personal",
            "--mask-key",
            KEY,
        ],
    )
    assert result.exit_code == 0, result.output
    questions = [r["question"] for r in read_rows(out)]
    assert len(questions) == 2 and "070-123 45 67" not in questions[1] and "TEL-" in questions[1]


def test_a_private_name_is_masked_as_a_whole_word_only() -> None:
    doc = Document(
        source="x",
        kind="medborgarforslag",
        text="Förslag om parken\n\nAnna Berg\n",
        title="Om Anna Bergström och Anna Berg",  # a title without evidence: masked as a string
        authors=[Person(name="Anna Berg", evidence=Evidence(start=19, end=28, rule="authors:signature"))],
    )
    masked = radsdok.mask(doc, key=KEY)
    assert masked.title is not None and masked.title.startswith("Om Anna Bergström och NN-")
    assert masked.text == "Förslag om parken\n\n" + masked.title[-9:] + "\n"


def test_show_with_mask_highlights_the_masked_values_in_place(tmp_path: Path, parser: radsdok.Parser) -> None:
    from .test_html import Tree, _items

    page = tmp_path / "view.html"
    args = [
        "show",
        str(PROPOSAL),
        "-o",
        str(page),
        "--model",
        "blank",
        "--mask",
        "personal",
        "--mask-key",
        KEY,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert not [value for value in PERSONAL if value in html]
    masked = radsdok.mask(parser.parse(PROPOSAL), key=KEY)
    assert masked.text is not None
    tree = Tree(html)
    (column,) = tree.with_id("doc-text")
    assert column.text == masked.text  # the page shows the masked text, all of it
    items = _items(masked)
    assert any(ident == "author-0" for ident, _ in items)
    for ident, ev in items:  # every highlight still holds exactly its (masked) value
        (mark,) = tree.with_id(ident)
        assert mark.text == masked.text[ev.start : ev.end], ident
    (author,) = tree.with_id("author-0")
    assert author.text.startswith("NN-")


def test_show_of_a_folder_with_mask_masks_every_page_and_the_index(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (PROPOSAL, INTERPELLATION):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "view"
    args = ["show", str(folder), "-o", str(out), "--model", "blank", "--mask", "personal", "--mask-key", KEY]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    pages = sorted(out.glob("*.html"))
    assert [p.name for p in pages] == [
        "index.html",
        "interpellation_boende_kontakt.html",
        "medborgarforslag_kontaktuppgifter.html",
    ]
    written = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert not [value for value in PERSONAL if value in written]
    assert "Bengt Åström" in written  # an office holder keeps his name
