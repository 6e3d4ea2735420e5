"""The PDF reader: clean text and page map from PDFs (fixtures: scripts/make_test_pdfs.py)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from radsdok.errors import (
    EmptyDocument,
    EncryptedPDF,
    FileUnreadable,
    NoTextLayer,
    RadsdokError,
    UnreadablePDF,
)
from radsdok.reading.pdf import (
    DEFAULT_PDF_READER,
    PDF_READERS,
    Line,
    clean_chars,
    dehyphenate,
    is_page_number_line,
    read_pdf,
    remove_running_lines,
    running_keys,
    separator,
)

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# Every reader: "pdfium" (the default), "pdfplumber" and "fast" (PDFium's text lines).
ALL_READERS = pytest.mark.parametrize("reader", PDF_READERS)
# The readers that find tables: "pdfium" (pdfplumber on the page with rules) and "pdfplumber".
LAYOUT_READERS = pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])


def fixture(name: str) -> Path:
    return FIXTURES / name


def words(text: str) -> str:
    return " ".join(text.split())


def read(name: str, reader: str = DEFAULT_PDF_READER, **kwargs: object):
    return read_pdf(fixture(name), reader=reader, **kwargs)


# --------------------------------------------------------------------------
# running headers, footers, page map
# --------------------------------------------------------------------------


@ALL_READERS
def test_running_header_removed_from_pages_after_the_first(reader: str) -> None:
    text = read("running-header-footer.pdf", reader).text
    assert text.count("Gävle kommun") == 1
    assert text.count("Dnr KS 2024/0117") == 1
    assert text.count("2024-03-12") == 1


@ALL_READERS
def test_first_page_header_keeps_dnr_and_date(reader: str) -> None:
    text = read("running-header-footer.pdf", reader).text
    first_line = text.split("\n")[0]
    assert "Gävle kommun" in first_line
    assert "Dnr KS 2024/0117" in first_line
    assert text.index("2024-03-12") < text.index("Interpellation till")


@ALL_READERS
def test_page_number_footers_removed_on_every_page(reader: str) -> None:
    text = read("running-header-footer.pdf", reader).text
    assert "Sida" not in text
    assert not re.search(r"\b\d \(3\)", text)


@ALL_READERS
def test_page_at_maps_text_to_its_page(reader: str) -> None:
    doc = read("running-header-footer.pdf", reader)
    assert doc.format == "pdf"
    assert doc.source == str(fixture("running-header-footer.pdf"))
    assert doc.page_count == 3
    expected = {
        "Under det senaste året": 1,
        "Nattrafiken har dessutom": 2,
        "Resenärerna i ytterområdena": 2,
        "Mot den bakgrunden": 3,
        "Anna Berg (S)": 3,
    }
    for phrase, page in expected.items():
        assert doc.page_at(doc.text.index(phrase)) == page, phrase
    assert doc.page_starts is not None
    assert doc.text[doc.page_starts[1] :].startswith("för alla invånare")
    assert doc.text[doc.page_starts[2] :].startswith("Mot den bakgrunden")


@ALL_READERS
def test_word_hyphenated_across_page_break_is_rejoined_on_the_first_page(reader: str) -> None:
    doc = read("running-header-footer.pdf", reader)
    at = doc.text.index("trafikförsörjningen")
    assert doc.page_at(at) == 1
    assert "trafik-" not in doc.text
    assert "dessutom dragits ned" in doc.text  # a hyphenation inside page 2 too


@ALL_READERS
def test_max_pages_stops_early_with_a_warning(reader: str) -> None:
    doc = read("running-header-footer.pdf", reader, max_pages=2)
    assert doc.page_count == 2
    assert "Mot den bakgrunden" not in doc.text
    assert [w.code for w in doc.warnings] == ["max-pages"]
    assert "2 of 3 pages" in doc.warnings[0].message


def test_running_keys_match_lines_that_differ_only_in_digits() -> None:
    zones = [["Gävle kommun", "Sida 1 (3)"], ["Gävle kommun", "Sida 2 (3)"], ["Rubrik", "Sida 3 (3)"]]
    assert running_keys(zones) == {"gävle kommun", "sida # (#)"}


def make_line(text: str, page: int = 0, edge: str = "", **kw: object) -> Line:
    fields: dict = {"x0": 72.0, "x1": 520.0, "top": 100.0, "bottom": 110.0, "size": 10.0, "bold": False}
    fields.update(kw)
    return Line(text, page=page, edge=edge, **fields)


def test_page_one_header_stays_without_its_page_number() -> None:
    pages = [
        [make_line("Gävle kommun Sida 1 (2)", 0, "top"), make_line("Första sidan.", 0)],
        [make_line("Gävle kommun Sida 2 (2)", 1, "top"), make_line("Andra sidan.", 1)],
    ]
    kept = remove_running_lines(pages)
    assert [ln.text for ln in kept[0]] == ["Gävle kommun", "Första sidan."]
    assert [ln.text for ln in kept[1]] == ["Andra sidan."]


def test_running_footer_is_dropped_on_page_one_too() -> None:
    pages = [
        [make_line("Första sidan.", p), make_line("Box 801, 801 30 Gävle", p, "bottom")] for p in range(3)
    ]
    assert [[ln.text for ln in page] for page in remove_running_lines(pages)] == [["Första sidan."]] * 3


def test_sentence_continuing_into_the_next_column_is_joined() -> None:
    end_of_left = make_line(
        "den största satsningen görs inom", flow=1, column=1, justified=True, x0=72, x1=280
    )
    top_of_right = make_line("äldreomsorgen där fler anställs.", flow=2, column=2, x0=304, x1=460)
    assert separator(end_of_left, top_of_right) == " "


def test_max_pages_must_be_positive() -> None:
    with pytest.raises(ValueError):
        read("running-header-footer.pdf", max_pages=0)


@pytest.mark.parametrize(
    "line", ["Sida 2 (3)", "2 (4)", "Sida 2 av 3", "sida 12", "- 2 -", "7", "Page 4 of 9", "3/8"]
)
def test_page_number_only_lines_are_recognised(line: str) -> None:
    assert is_page_number_line(line)


@pytest.mark.parametrize(
    "line", ["Dnr KS 2024/0117", "2024-03-12", "Sidan 2 handlar om", "§ 12", "2024", "1. Hur många?"]
)
def test_other_lines_are_not_page_numbers(line: str) -> None:
    assert not is_page_number_line(line)


# --------------------------------------------------------------------------
# hyphenation
# --------------------------------------------------------------------------


@ALL_READERS
def test_line_end_hyphenation_is_rejoined(reader: str) -> None:
    text = read("hyphenated-lines.pdf", reader).text
    assert "inför kommunfullmäktige och" in text
    assert "i Stockholmsregionen besvaras" in text


@ALL_READERS
def test_real_hyphens_survive_at_line_end_and_inside_lines(reader: str) -> None:
    text = read("hyphenated-lines.pdf", reader).text
    assert "via e-post eller brev" in text
    assert "följa EU-kommissionens riktlinjer" in text
    assert "under 1990-talet och" in text
    assert "upp av e-post till" in text


@ALL_READERS
def test_suspended_compound_keeps_hyphen_and_space(reader: str) -> None:
    assert "både råd- och stödinsatser" in read("hyphenated-lines.pdf", reader).text


@ALL_READERS
def test_soft_hyphen_at_line_end_joins_the_word(reader: str) -> None:
    text = read("hyphenated-lines.pdf", reader).text
    assert "nyvalda kommunstyrelsen i maj." in text
    assert "\u00ad" not in text


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("inför kommun-", "fullmäktige i maj", "inför kommunfullmäktige i maj"),
        ("i Stockholms-", "regionen.", "i Stockholmsregionen."),
        ("via e-", "post eller", "via e-post eller"),
        ("stöd-", "och omsorg", "stöd- och omsorg"),
        ("bygg-", "eller rivningslov", "bygg- eller rivningslov"),
        ("följa EU-", "kommissionen", "följa EU-kommissionen"),
        ("under 1990-", "talet", "under 1990-talet"),
        ("mot Sverige-", "Finland", "mot Sverige-Finland"),
        ("risk för hjärt-", "kärlsjukdomar", "risk för hjärt-kärlsjukdomar"),
        ("alla icke-", "medlemmar", "alla icke-medlemmar"),
        ("DE-", "CEMBER 2023", "DECEMBER 2023"),
        ("Bullervärdena -", "i och för sig", "Bullervärdena - i och för sig"),
        ("kommun\u00ad", "styrelsen", "kommunstyrelsen"),
    ],
)
def test_dehyphenation_rule(left: str, right: str, joined: str) -> None:
    new_left, new_right, sep = dehyphenate(left, right)
    assert (new_left + sep + new_right).strip() == joined


# --------------------------------------------------------------------------
# paragraphs, lists, headings
# --------------------------------------------------------------------------


@ALL_READERS
def test_justified_paragraph_lines_are_joined_with_spaces(reader: str) -> None:
    text = read("paragraphs.pdf", reader).text
    assert "gång- och cykelvägarna i Norrtull är släckt under stora delar av kvällen. Det skapar en" in text
    assert "en otrygg miljö för både barn" in text


@ALL_READERS
def test_paragraphs_and_headings_are_separated(reader: str) -> None:
    blocks = read("paragraphs.pdf", reader).text.split("\n\n")
    assert blocks[0] == "Enkel fråga om gatubelysningen"
    assert blocks[1].startswith("Många invånare") and blocks[1].endswith("mörkrets inbrott.")
    assert blocks[2].startswith("Jag vill därför fråga") and "\n" not in blocks[2]


@ALL_READERS
def test_short_lines_keep_their_line_breaks(reader: str) -> None:
    text = read("paragraphs.pdf", reader).text
    assert text.endswith("\n\nNorrtull den 4 februari 2024\nKarin Holm (V)\nLedamot i kommunfullmäktige")


@ALL_READERS
def test_list_items_stay_one_per_line(reader: str) -> None:
    lines = read("list-items.pdf", reader).text.splitlines()
    for item in [
        "att kommunen inventerar alla lekplatser i tätorterna;",
        "att en plan för upprustning tas fram under året;",
        "att barnen själva får lämna förslag.",
        "• trasiga gungor vid Parkskolan",
        "• sand som inte bytts på flera år",
        "1. Hur många lekplatser har besiktigats i år?",
        "2. Vilka åtgärder planeras för nästa år?",
    ]:
        assert item in lines


@ALL_READERS
def test_wrapped_bullet_item_is_one_line(reader: str) -> None:
    lines = read("list-items.pdf", reader).text.splitlines()
    assert (
        "• belysning som saknas vid entrén till lekplatsen i Västra parken och även vid cykelställen" in lines
    )


# --------------------------------------------------------------------------
# layout: columns, tables, letterheads
# --------------------------------------------------------------------------

LEFT_COLUMN = (
    "Budgeten för nästa år bygger på att skattesatsen lämnas oförändrad och att nämnderna får "
    "ersättning för de höjda lönerna. Den största satsningen görs inom äldreomsorgen där fler "
    "undersköterskor ska anställas för att minska de ofrivilliga deltiderna."
)
RIGHT_COLUMN = (
    "Skolan i Sätra får en ny matsal som ska vara klar till höstterminen. Eleverna har varit "
    "med och valt möbler och färger"
)


@ALL_READERS
def test_two_columns_are_read_column_by_column(reader: str) -> None:
    text = read("two-columns.pdf", reader).text
    flat = words(text)
    assert text.startswith("Nyhetsbrev från kommunfullmäktige i Sandviken\n")
    assert LEFT_COLUMN in flat
    assert RIGHT_COLUMN in flat
    assert flat.index("Förslaget till budget beslutas i juni.") < flat.index("Skolan i Sätra")


@LAYOUT_READERS
def test_table_rows_come_in_place_one_per_line(reader: str) -> None:
    text = read("table.pdf", reader).text
    lines = text.splitlines()
    rows = [
        "Parti | Mandat | Andel",
        "Socialdemokraterna | 21 | 35 %",
        "Moderaterna | 14 | 23 %",
        "Centerpartiet | 6 | 10 %",
    ]
    assert lines[lines.index(rows[0]) : lines.index(rows[0]) + 4] == rows
    assert text.index("slutliga sammanräkning.") < text.index(rows[0])
    assert text.index(rows[-1]) < text.index("Efter tabellen:")


@ALL_READERS
def test_table_does_not_interleave_with_surrounding_text(reader: str) -> None:
    flat = words(read("table.pdf", reader).text)
    assert (
        "Före tabellen: efter valet 2022 fördelades mandaten i kommunfullmäktige enligt tabellen "
        "nedan, som bygger på valmyndighetens slutliga sammanräkning." in flat
    )
    assert (
        "Efter tabellen: styret består av Socialdemokraterna och Centerpartiet, som nu tillsammans "
        "har en egen majoritet i fullmäktige under hela mandatperioden." in flat
    )


@ALL_READERS
def test_letterhead_label_value_pairs_stay_together(reader: str) -> None:
    text = read("letterhead-dnr-block.pdf", reader).text
    lines = text.splitlines()
    assert any(line.endswith("Dnr KS 2024/0117") for line in lines)
    assert any(line.endswith("Datum 2024-03-12") for line in lines)
    assert "Handläggare Lars Ek" in lines
    assert "Svar på interpellation om gång- och cykelvägar" in lines
    assert "underhållet av gång- och cykelvägar i kommunens ytterområden" in text


# --------------------------------------------------------------------------
# characters
# --------------------------------------------------------------------------


@ALL_READERS
def test_overprinted_bold_is_read_once(reader: str) -> None:
    text = read("overprinted-bold.pdf", reader).text
    assert text.startswith("Motion om cykelparkering\n")


@ALL_READERS
def test_ligatures_are_expanded(reader: str) -> None:
    assert read("ligatures.pdf", reader).text == "Kommunen ska finansiera flera projekt inom kulturen."


def test_clean_chars_expands_ligatures_and_drops_inner_soft_hyphens() -> None:
    assert clean_chars("\ufb01nansiering av \ufb02yg") == "finansiering av flyg"
    assert clean_chars("kom\u00admun\u00a0och") == "kommun och"
    assert clean_chars("kommun\u00ad") == "kommun\u00ad"  # kept: marks a line-end break
    assert clean_chars("a\u0308ven") == "även"


# --------------------------------------------------------------------------
# fast reader parity (the layout readers' parity: test_pdf_readers.py)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "running-header-footer.pdf",
        "hyphenated-lines.pdf",
        "paragraphs.pdf",
        "list-items.pdf",
        "two-columns.pdf",
        "letterhead-dnr-block.pdf",
        "ligatures.pdf",
        "overprinted-bold.pdf",
    ],
)
def test_fast_path_gives_the_same_words_and_pages(name: str) -> None:
    plumber, fast = read(name, "pdfplumber"), read(name, "fast")
    assert fast.text.split() == plumber.text.split()
    assert fast.page_starts == plumber.page_starts


# --------------------------------------------------------------------------
# errors and warnings
# --------------------------------------------------------------------------


@ALL_READERS
def test_scan_without_text_layer_raises_no_text_layer(reader: str) -> None:
    with pytest.raises(NoTextLayer) as err:
        read("image-only-scan.pdf", reader, ocr="never")
    assert "image-only-scan.pdf" in str(err.value)
    assert "no text layer" in err.value.message and "--ocr auto" in err.value.message


@ALL_READERS
def test_some_pages_without_text_give_a_warning(reader: str) -> None:
    doc = read("some-pages-image-only.pdf", reader, ocr="never")
    assert doc.text == "Protokollet justeras av ordföranden."
    assert doc.page_count == 2
    [warning] = doc.warnings
    assert warning.code == "pages-without-text"
    assert "page(s) 2 " in warning.message and "OCR" in warning.message


@ALL_READERS
def test_encrypted_pdf_raises_encrypted(reader: str) -> None:
    with pytest.raises(EncryptedPDF) as err:
        read("encrypted-user-password.pdf", reader)
    assert isinstance(err.value, UnreadablePDF)
    assert "encrypted-user-password.pdf" in str(err.value)
    assert "decrypt" in err.value.message


@ALL_READERS
def test_empty_user_password_is_read_with_a_warning(reader: str) -> None:
    doc = read("encrypted-empty-user-password.pdf", reader)
    assert doc.text == "Detta dokument är skyddat med lösenord."
    assert [w.code for w in doc.warnings] == ["encrypted-empty-password"]


@ALL_READERS
@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("truncated.pdf", UnreadablePDF),
        ("not-a-pdf.pdf", UnreadablePDF),
        ("empty.pdf", EmptyDocument),
        ("no-such-file.pdf", FileUnreadable),
    ],
)
def test_bad_files_raise_the_right_error_naming_the_file(name: str, error: type, reader: str) -> None:
    with pytest.raises(error) as err:
        read(name, reader)
    assert isinstance(err.value, RadsdokError)
    assert err.value.source == str(fixture(name))
    assert name in str(err.value)


@ALL_READERS
@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n" + b"\x00garbage" * 50, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"],
    ids=["garbage", "no-pages"],
)
def test_engine_errors_never_escape(tmp_path: Path, content: bytes, reader: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(RadsdokError) as err:
        read_pdf(path, reader=reader)
    assert "broken.pdf" in str(err.value)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable):
        read_pdf(tmp_path)


# --------------------------------------------------------------------------
# real material (skipped when the shared corpus is absent)
# --------------------------------------------------------------------------


def _source_text(pdf: Path) -> Path | None:
    for folder in ("municipal", "riksdagen"):
        candidate = CORPUS / folder / f"{pdf.stem}.txt"
        if candidate.exists():
            return candidate
    return None


@pytest.mark.skipif(not (CORPUS / "pdf").is_dir(), reason="shared corpus not available")
def test_corpus_pdfs_read_nearly_word_for_word() -> None:
    ratios = []
    for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):
        source = _source_text(pdf)
        if source is None:
            continue
        expected = source.read_text("utf-8").replace("\u00ad", "").split()
        got = read_pdf(pdf).text.split()
        ratio = difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio()
        assert ratio > 0.95, pdf.name
        ratios.append(ratio)
    assert ratios and sum(ratios) / len(ratios) > 0.98
