"""The PDF readers against each other: the default "pdfium" reader gives the pdfplumber
reader's text and page map, and opens pdfplumber only for pages that may hold a ruled table.
(Fixtures: scripts/make_test_pdfs.py; each reader's features: test_pdf_reading.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import radsdok
from radsdok.cli import PdfReader
from radsdok.reading import pdf_pdfium
from radsdok.reading.pdf import DEFAULT_PDF_READER, PDF_READERS, read_pdf
from radsdok.reading.pdf_ruling import may_hold_table

from .pdf_builder import build_pdf, flate_stream, page_content

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
REPORT = FIXTURES / "report-columns-table.pdf"
LAYOUT_READERS = pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])

TEXT_FIXTURES = [
    "report-columns-table.pdf",
    "running-header-footer.pdf",
    "hyphenated-lines.pdf",
    "paragraphs.pdf",
    "list-items.pdf",
    "two-columns.pdf",
    "table.pdf",
    "letterhead-dnr-block.pdf",
    "ligatures.pdf",
    "overprinted-bold.pdf",
    "some-pages-image-only.pdf",
    "encrypted-empty-user-password.pdf",
    "bundle-three-interpellations.pdf",
]


# --------------------------------------------------------------------------
# same text from both layout readers
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_pdfium_reader_gives_the_pdfplumber_readers_text_pages_and_warnings(name: str) -> None:
    plumber = read_pdf(FIXTURES / name, reader="pdfplumber")
    pdfium_read = read_pdf(FIXTURES / name, reader="pdfium")
    assert pdfium_read.text == plumber.text
    assert pdfium_read.page_starts == plumber.page_starts
    assert [w.code for w in pdfium_read.warnings] == [w.code for w in plumber.warnings]


def test_pdfium_is_the_default_reader() -> None:
    assert DEFAULT_PDF_READER == "pdfium"
    assert radsdok.Parser("blank").pdf_reader == "pdfium"


# --------------------------------------------------------------------------
# a report with every layout feature, read by each layout reader
# --------------------------------------------------------------------------


@LAYOUT_READERS
def test_columns_come_one_after_the_other(reader: str) -> None:
    text = read_pdf(REPORT, reader=reader).text
    left_end = text.index("utbildningsnämnden har yttrat sig.")
    assert text.index("Skolorna i Sandviken") < left_end < text.index("Kostnaden för ombyggnaderna")
    assert "Skolorna i Sandviken har under året fått se över sina lokaler." in text


@LAYOUT_READERS
def test_running_header_kept_once_and_page_numbers_dropped(reader: str) -> None:
    text = read_pdf(REPORT, reader=reader).text
    assert text.count("Sandvikens kommun") == 1
    assert text.count("Dnr KS 2024/0233") == 1
    assert "Sida" not in text


@LAYOUT_READERS
def test_word_hyphenated_at_a_column_line_end_is_rejoined(reader: str) -> None:
    text = read_pdf(REPORT, reader=reader).text
    assert "slutligen antas av kommunfullmäktige i juni" in text
    assert "barn- och utbildningsnämnden" in text  # a suspended compound keeps its hyphen


@LAYOUT_READERS
def test_ruled_table_rows_are_cells_joined_by_bars_on_their_page(reader: str) -> None:
    doc = read_pdf(REPORT, reader=reader)
    rows = [
        "Skola | Elever | Kostnad per elev",
        "Sätraskolan | 412 | 98 000 kr",
        "Bessemerskolan | 388 | 104 000 kr",
        "Jernvallsskolan | 251 | 91 000 kr",
    ]
    lines = doc.text.splitlines()
    start = lines.index(rows[0])
    assert lines[start : start + 4] == rows
    assert doc.page_at(doc.text.index(rows[0])) == 2
    assert doc.text.index("byggs om först.") < doc.text.index(rows[0])
    assert doc.text.index(rows[-1]) < doc.text.index("Kostnaderna i tabellen")


TURNED_LINES = ["Interpellation om skolans lokaler", "Hur ska lokalerna rustas upp?", "Anna Berg (S)"]
# Text matrices that make text read upright once the page is turned by /Rotate 90, 180, 270.
UPRIGHT_WHEN_TURNED = {90: b"0 1 -1 0 100 72", 180: b"-1 0 0 -1 520 100", 270: b"0 -1 1 0 500 770"}


def _turned_text(matrix: bytes) -> bytes:
    shown = b"\n".join(b"(" + line.encode("cp1252") + b") Tj T*" for line in TURNED_LINES)
    return b"BT /F1 11 Tf 14 TL " + matrix + b" Tm\n" + shown + b"\nET"


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_text_upright_on_a_page_turned_for_display_reads_as_with_pdfplumber(
    rotate: int, tmp_path: Path
) -> None:
    turned = tmp_path / "turned.pdf"
    turned.write_bytes(build_pdf([flate_stream(_turned_text(UPRIGHT_WHEN_TURNED[rotate]))], rotate=rotate))
    text = read_pdf(turned).text
    assert text == read_pdf(turned, reader="pdfplumber").text
    assert text.startswith("Interpellation om skolans lokaler Hur ska lokalerna rustas upp?")


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_text_upright_on_the_page_before_turning_is_read_too(rotate: int, tmp_path: Path) -> None:
    # drawn upright in the page's own coordinates, then the page turned: pdfminer reads it
    # turned (the pdfplumber reader loses or reverses it); the pdfium reader reads it as drawn
    plain, turned = tmp_path / "plain.pdf", tmp_path / "turned.pdf"
    plain.write_bytes(build_pdf([flate_stream(page_content(TURNED_LINES))]))
    turned.write_bytes(build_pdf([flate_stream(page_content(TURNED_LINES))], rotate=rotate))
    assert read_pdf(turned).text == read_pdf(plain).text
    assert "Hur ska lokalerna rustas upp?" in read_pdf(turned).text


# --------------------------------------------------------------------------
# pdfplumber only where a page may hold a ruled table
# --------------------------------------------------------------------------


@pytest.fixture
def plumber_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Records what the pdfium reader asks of pdfplumber: files opened, pages read."""
    calls: dict[str, list] = {"opened": [], "pages": []}
    real_open, real_boxes = pdf_pdfium.open_plumber, pdf_pdfium.plumber_page_boxes

    def opened(source: str) -> object:
        calls["opened"].append(Path(source).name)
        return real_open(source)

    def page_boxes(page: object) -> list:
        calls["pages"].append(page.page_number)  # type: ignore[attr-defined]
        return real_boxes(page)

    monkeypatch.setattr(pdf_pdfium, "open_plumber", opened)
    monkeypatch.setattr(pdf_pdfium, "plumber_page_boxes", page_boxes)
    return calls


@pytest.mark.parametrize("name", ["two-columns.pdf", "running-header-footer.pdf", "hyphenated-lines.pdf"])
def test_pages_without_rules_never_open_pdfplumber(name: str, plumber_calls: dict[str, list]) -> None:
    assert read_pdf(FIXTURES / name).text
    assert plumber_calls == {"opened": [], "pages": []}


def test_only_the_page_with_a_ruled_table_is_read_by_pdfplumber(plumber_calls: dict[str, list]) -> None:
    read_pdf(REPORT)
    assert plumber_calls == {"opened": ["report-columns-table.pdf"], "pages": [2]}


def test_a_table_page_pdfplumber_cannot_read_keeps_its_text_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(source: str) -> object:
        raise RuntimeError("pdfminer gave up")

    monkeypatch.setattr(pdf_pdfium, "open_plumber", broken)
    doc = read_pdf(REPORT)
    assert "Sätraskolan" in doc.text and "Sätraskolan |" not in doc.text
    assert "Kommunstyrelsen föreslås" in doc.text
    [warning] = [w for w in doc.warnings if w.code == "tables-unread"]
    assert "page(s) 2 " in warning.message and "pdfminer gave up" in warning.message


# --------------------------------------------------------------------------
# which pages may hold a table
# --------------------------------------------------------------------------


def _page_with(drawing: bytes) -> pdfium.PdfPage:
    pdf = pdfium.PdfDocument(build_pdf([flate_stream(b"BT /F1 11 Tf 72 760 Td (Text) Tj ET\n" + drawing)]))
    return pdf[0]


def _lines(*segments: tuple[float, float, float, float]) -> bytes:
    return b"".join(b"%g %g m %g %g l S\n" % s for s in segments)


GRID_OF_LINES = _lines(
    *[(72, y, 372, y) for y in (700, 680, 660)], *[(x, 660, x, 700) for x in (72, 222, 372)]
)
GRID_AS_ONE_PATH = (
    b"72 700 m 372 700 l 72 680 m 372 680 l 72 660 m 372 660 l "
    b"72 660 m 72 700 l 222 660 m 222 700 l 372 660 m 372 700 l S\n"
)
CELL_RECTANGLES = b"".join(b"%g %g 150 20 re S\n" % (x, y) for x in (72, 222) for y in (660, 680))
FRAME_AND_TWO_RULES = b"60 100 475 700 re S\n" + _lines((72, 750, 522, 750), (72, 90, 522, 90))
THREE_RULES = _lines((72, 750, 522, 750), (72, 500, 522, 500), (72, 90, 522, 90))


@pytest.mark.parametrize(
    ("drawing", "expected"),
    [
        (GRID_OF_LINES, True),
        (GRID_AS_ONE_PATH, True),
        (CELL_RECTANGLES, True),
        (b"", False),
        (FRAME_AND_TWO_RULES, False),
        (THREE_RULES, False),
    ],
    ids=[
        "grid-of-lines",
        "grid-as-one-path",
        "cell-rectangles",
        "no-paths",
        "frame-and-rules",
        "rules",
    ],
)
def test_a_page_may_hold_a_table_only_with_three_rules_each_way(drawing: bytes, expected: bool) -> None:
    assert may_hold_table(_page_with(drawing)) is expected


def test_every_fixture_page_where_pdfplumber_finds_a_table_may_hold_one() -> None:
    import pdfplumber

    table_pages = []
    for name in TEXT_FIXTURES:
        with pdfplumber.open(FIXTURES / name) as plumber:
            found = [i for i, page in enumerate(plumber.pages) if page.find_tables()]
        document = pdfium.PdfDocument(FIXTURES / name)
        table_pages += [(name, i, may_hold_table(document[i])) for i in found]
    assert {(name, i) for name, i, _ in table_pages} == {("table.pdf", 0), ("report-columns-table.pdf", 1)}
    assert all(flagged for _, _, flagged in table_pages)


def test_report_pages_without_rules_are_not_taken_for_tables() -> None:
    document = pdfium.PdfDocument(REPORT)
    assert [may_hold_table(document[i]) for i in range(len(document))] == [False, True, False]


# --------------------------------------------------------------------------
# choosing a reader
# --------------------------------------------------------------------------


def test_reader_names_agree_between_the_cli_and_the_library() -> None:
    assert tuple(r.value for r in PdfReader) == PDF_READERS


def test_fast_pdf_is_the_old_spelling_of_the_fast_reader() -> None:
    assert radsdok.Parser("blank", fast_pdf=True).pdf_reader == "fast"
    parser = radsdok.Parser("blank", pdf_reader="pdfplumber")
    assert not parser.fast_pdf
    parser.fast_pdf = True
    assert parser.pdf_reader == "fast"
    parser.fast_pdf = False
    assert parser.pdf_reader == DEFAULT_PDF_READER
    assert (
        read_pdf(FIXTURES / "table.pdf", fast=True).text
        == read_pdf(FIXTURES / "table.pdf", reader="fast").text
    )


def test_an_unknown_reader_is_refused() -> None:
    with pytest.raises(ValueError, match=r"pdfmupdf.*pdfium, pdfplumber, fast"):
        read_pdf(REPORT, reader="pdfmupdf")


def test_cli_reads_with_the_chosen_reader_and_refuses_a_contradiction() -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "radsdok.cli", "parse", "--model", "blank", *args, str(REPORT)],
            capture_output=True,
            text=True,
            timeout=300,
        )

    plumber = cli("--pdf-reader", "pdfplumber")
    fast = cli("--fast")
    assert plumber.returncode == 0 and fast.returncode == 0, plumber.stderr + fast.stderr
    assert "Sätraskolan | 412 | 98 000 kr" in plumber.stdout
    assert "Sätraskolan | 412" not in fast.stdout and "Sätraskolan 412" in fast.stdout
    refused = cli("--fast", "--pdf-reader", "pdfplumber")
    assert refused.returncode == 2 and "--fast" in refused.stderr
