"""OCR of scanned PDFs: pages without a text layer are recognised by Tesseract and read like text.

Scans are made at test time (tests/scanned.py: a text typeset with reportlab, its pages turned
into images). Tests that run Tesseract skip with a reason where it (or its Swedish model) is not
installed; each recognised page costs 1-6 s, so the scans are few and read once per module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import radsdok
from radsdok import evaluate
from radsdok.errors import NoTextLayer, OcrUnavailable, ParseTimeout
from radsdok.limits import DEFAULT_TIMEOUT
from radsdok.reading import SourceText, read_file
from radsdok.reading.hocr import Geometry, boxes_from_lines, read_hocr
from radsdok.reading.tesseract import _languages

from .conftest import SAMPLES
from .scanned import fonts_available, scan, typeset

TESSERACT = shutil.which("tesseract")
HAS_SWEDISH = TESSERACT is not None and "swe" in _languages(TESSERACT)
NO_TESSERACT = "tesseract with its Swedish model is not installed (tesseract-ocr tesseract-ocr-swe)"
NO_FONTS = "DejaVu fonts (fonts-dejavu-core) not installed"
needs_tesseract = pytest.mark.skipif(not HAS_SWEDISH, reason=NO_TESSERACT)
needs_fonts = pytest.mark.skipif(not fonts_available(), reason=NO_FONTS)

# Two pages: a heading and a paragraph with a word broken at a line end on page 1, the
# questions on page 2. Every page has the footer "Sida N (2)".
LETTER = """Interpellation till kommunstyrelsens ordförande om skolskjutsarna

Flera föräldrar i de norra byarna har hört av sig om att skolskjutsen i år går
tidigare än förut. Barnen får vänta länge i mörkret vid vägen, och den nya kommun-
fullmäktigebeslutade tidtabellen har inte stämts av med skolorna.

Kommunen har ansvar för att skolvägen är trygg för alla elever i hela kommunen.
"""
PAGE_TWO = """Mot den bakgrunden vill jag fråga kommunstyrelsens ordförande:

1. Hur många elever väntar mer än tjugo minuter på skolskjutsen?

2. Kommer tidtabellen att ses över innan vinterns mörka månader?

Anna Lindqvist (V)
"""


def _two_pages(path: Path) -> Path:
    """A text PDF of LETTER and PAGE_TWO on two pages."""
    return typeset(LETTER + "\f\n" + PAGE_TWO, path)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not fonts_available():
        pytest.skip(NO_FONTS)
    folder = tmp_path_factory.mktemp("ocr")
    text_pdf = _two_pages(folder / "letter.pdf")
    return {
        "text": text_pdf,
        "scan": scan(text_pdf, folder / "letter-scan.pdf", angle=0.3, specks=60),
        "mixed": scan(text_pdf, folder / "letter-mixed.pdf", pages=[2]),
    }


@pytest.fixture(scope="module")
def read(files: dict[str, Path]) -> dict[str, SourceText]:
    if not HAS_SWEDISH:
        pytest.skip(NO_TESSERACT)
    return {name: read_file(path) for name, path in files.items()}


# --------------------------------------------------------------------------------------------
# recognised scans read like the text PDF


@needs_tesseract
def test_a_scan_reads_as_its_text_pdf_with_pages_kept(read: dict[str, SourceText]) -> None:
    text, scanned = read["text"], read["scan"]
    assert scanned.page_count == text.page_count == 2
    assert scanned.ocr_pages == [1, 2]
    words_text, words_scan = text.text.split(), scanned.text.split()
    same = sum(a == b for a, b in zip(words_text, words_scan, strict=False))
    assert abs(len(words_text) - len(words_scan)) <= 3
    assert same >= 0.95 * len(words_text)
    # page evidence stays exact: the second page starts where its first line is
    start = scanned.page_starts[1] if scanned.page_starts else -1
    assert scanned.text[start:].startswith("Mot den bakgrunden vill jag fråga")
    assert scanned.page_at(scanned.text.index("Anna Lindqvist")) == 2


@needs_tesseract
def test_ocr_text_gets_the_same_cleanup_as_a_text_layer(read: dict[str, SourceText]) -> None:
    scanned = read["scan"].text
    assert "kommunfullmäktigebeslutade" in scanned  # a line-end hyphen is joined
    assert "Sida 1 (2)" not in scanned and "Sida 2 (2)" not in scanned  # page numbers dropped
    # paragraphs and list items as in the text PDF
    assert "\n\n1. Hur många elever" in scanned
    assert "skolskjutsen i år går tidigare" in scanned  # lines of a paragraph joined


@needs_tesseract
def test_the_ocr_warning_names_the_pages_and_the_confidence(read: dict[str, SourceText]) -> None:
    warnings = [w for w in read["scan"].warnings if w.code == "ocr"]
    assert len(warnings) == 1
    message = warnings[0].message
    assert "pages 1, 2 were recognised by OCR" in message
    confidence = int(message.split("mean word confidence ")[1].split("%")[0])
    assert 80 <= confidence <= 100
    assert not [w for w in read["text"].warnings if w.code.startswith("ocr")]


@needs_tesseract
def test_only_the_pages_without_text_are_recognised(read: dict[str, SourceText]) -> None:
    mixed = read["mixed"]
    assert mixed.ocr_pages == [2]
    assert mixed.text.startswith(read["text"].text[:200])  # page 1 is the text layer
    assert "2. Kommer tidtabellen att ses över" in mixed.text
    assert [w.code for w in mixed.warnings] == ["ocr"]


@needs_tesseract
def test_ocr_always_recognises_pages_that_have_text(files: dict[str, Path]) -> None:
    source = read_file(files["mixed"], ocr="always", max_pages=1)
    assert source.ocr_pages == [1]
    assert "Interpellation till kommunstyrelsens ordförande" in source.text


@needs_fonts
def test_ocr_never_keeps_a_scan_an_error(files: dict[str, Path]) -> None:
    with pytest.raises(NoTextLayer, match="has no text layer") as caught:
        read_file(files["scan"], ocr="never")
    assert not isinstance(caught.value, OcrUnavailable)
    assert "--ocr auto" in caught.value.message
    mixed = read_file(files["mixed"], ocr="never")
    assert mixed.ocr_pages == [] and [w.code for w in mixed.warnings] == ["pages-without-text"]


def test_an_unknown_ocr_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, always, never"):
        read_file(SAMPLES / "ystad_fraga_bare_till_block.txt", ocr="sometimes")


# --------------------------------------------------------------------------------------------
# Tesseract missing


def _without_tesseract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-tesseract-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@needs_fonts
def test_a_scan_without_tesseract_says_how_to_install_it(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_tesseract(monkeypatch, tmp_path)
    with pytest.raises(OcrUnavailable) as caught:
        read_file(files["scan"])
    message = str(caught.value)
    assert message.startswith(str(files["scan"]))
    assert "Tesseract is not installed" in message
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in message
    assert isinstance(caught.value, NoTextLayer)  # code that handles scans today still does


@needs_fonts
def test_without_tesseract_the_text_pages_are_still_read(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_tesseract(monkeypatch, tmp_path)
    mixed = read_file(files["mixed"])
    assert mixed.ocr_pages == []
    codes = [w.code for w in mixed.warnings]
    assert codes == ["ocr-unavailable", "pages-without-text"]
    assert "tesseract-ocr-swe" in mixed.warnings[0].message
    assert read_file(files["text"]).text  # nothing to recognise: Tesseract is not asked for


@needs_fonts
def test_tesseract_without_the_swedish_model_is_named(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "english-only"
    folder.mkdir()
    fake = folder / "tesseract"
    fake.write_text('#!/bin/sh\necho \'List of available languages in "/x/" (2):\'\necho eng\necho osd\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    with pytest.raises(OcrUnavailable, match=r"no swe language model \(it has eng, osd\).*tesseract-ocr-swe"):
        read_file(files["scan"])


@needs_fonts
def test_cli_reports_a_missing_tesseract_in_one_line(files: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "no-tesseract-cli"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    done = subprocess.run(
        [sys.executable, "-m", "radsdok.cli", "parse", "--model", "blank", str(files["scan"])],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "tesseract-ocr tesseract-ocr-swe" in lines[0]


# --------------------------------------------------------------------------------------------
# limits


@needs_tesseract
def test_ocr_stops_at_the_document_time_limit(files: dict[str, Path]) -> None:
    parser = radsdok.Parser("blank", timeout=0.5)
    started = time.perf_counter()
    with pytest.raises(ParseTimeout, match=r"time limit|took longer"):
        parser.parse(files["scan"])
    assert time.perf_counter() - started < 5
    assert _tesseract_children() == []  # the child process was killed, not left running


def _tesseract_children() -> list[str]:
    command = ["ps", "-o", "pid=,comm=", "--ppid", str(os.getpid())]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return [line for line in done.stdout.splitlines() if "tesseract" in line]


@needs_tesseract
def test_ocr_respects_the_time_limit_outside_the_main_thread(files: dict[str, Path]) -> None:
    """No SIGALRM in a thread: the Tesseract child gets only the time the document has left."""
    import threading

    from radsdok.limits import time_limit

    caught: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.5, str(files["scan"])):
                read_file(files["scan"])
        except BaseException as exc:
            caught.append(exc)

    started = time.perf_counter()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert time.perf_counter() - started < 5
    assert caught and isinstance(caught[0], ParseTimeout)


@needs_tesseract
def test_one_scanned_page_stays_well_under_the_default_time_limit(
    files: dict[str, Path], tmp_path: Path
) -> None:
    one = scan(files["text"], tmp_path / "one.pdf")
    started = time.perf_counter()
    source = read_file(one, max_pages=1)
    elapsed = time.perf_counter() - started
    assert source.ocr_pages == [1]
    assert elapsed < DEFAULT_TIMEOUT / 4, f"one page took {elapsed:.1f} s"


@needs_fonts
def test_a_huge_page_is_rendered_at_a_lower_resolution(tmp_path: Path) -> None:
    """A page of 5 x 5 m would be 3.4 gigapixels at 300 dpi: it is rendered within max_pixels."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    from radsdok.reading.ocr import _render, ocr_settings

    poster = Canvas(str(tmp_path / "poster.pdf"), pagesize=(14_000, 14_000))
    poster.setFont("Helvetica", 400)
    poster.drawString(1000, 7000, "Affisch om skolskjutsen")
    poster.save()
    settings = ocr_settings()
    document = pdfium.PdfDocument(str(tmp_path / "poster.pdf"))
    try:
        image, dpi = _render(document, 0, settings)
    finally:
        document.close()
    assert image is not None and dpi < 40
    width, height = (int(v) for v in image.split(b"\n")[1].split())
    assert width * height <= settings.max_pixels


@needs_tesseract
def test_a_blank_page_is_not_sent_to_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from radsdok.reading import ocr

    def no_tesseract(*args: object, **kwargs: object) -> str:
        raise AssertionError("Tesseract was run on a blank page")

    monkeypatch.setattr(ocr, "run_tesseract", no_tesseract)
    blank = Canvas(str(tmp_path / "blank.pdf"))
    blank.showPage()
    blank.save()
    with pytest.raises(NoTextLayer, match="OCR found no text"):
        read_file(tmp_path / "blank.pdf")


# --------------------------------------------------------------------------------------------
# hOCR -> boxes (no Tesseract needed)

def _hocr_line(kind: str, box: str, baseline: str, sizes: str, words: list[tuple[str, int, str]]) -> str:
    spans = "".join(f"<span class='ocrx_word' title='bbox {b}; x_wconf {c}'>{t}</span>" for b, c, t in words)
    return f"<span class='{kind}' title=\"bbox {box}; baseline {baseline}; {sizes}\">{spans}</span>"


BODY = "x_size 44; x_descenders 9; x_ascenders 11"
HOCR = (
    "<?xml version='1.0' encoding='UTF-8'?><html><body><div class='ocr_page' title='bbox 0 0 2480 3508'>"
    + _hocr_line(
        "ocr_header", "300 200 1200 262", "0 -12", "x_size 58; x_descenders 12; x_ascenders 14",
        [("300 200 1200 262", 95, "Interpellation")],
    )
    + _hocr_line(
        "ocr_line", "300 400 2000 448", "0.001 -10", BODY,
        [
            ("300 400 500 438", 96, "Fr&aring;ga"),
            ("520 400 700 448", 91, "<strong>om</strong>"),
            ("720 425 734 436", 92, ","),
            ("740 400 900 438", 93, "trygg"),
            ("910 400 1000 438", 93, "skola”"),
            ("1200 420 1205 425", 12, "."),
            ("1700 400 2000 438", 96, "2024-03-12"),
        ],
    )
    + _hocr_line(
        "ocr_line", "300 500 1500 546", "0 -9", "x_size 52; x_descenders 9; x_ascenders 19",
        [("306 510 320 524", 47, "»«"), ("340 500 600 546", 30, "skolan?")],
    )
    + _hocr_line(
        "ocr_line", "300 600 1500 646", "0 -9", BODY,
        [("300 620 330 624", 80, "-"), ("345 600 600 646", 96, "bussen"), ("620 600 800 646", 40, ",,fri”")],
    )
    + "</div></body></html>"
)


def test_hocr_words_become_runs_of_words_in_points() -> None:
    lines = read_hocr(HOCR)
    assert [w.text for w in lines[1].words] == ["Fråga", "om", ",", "trygg", "skola”", ".", "2024-03-12"]
    boxes, confidences = boxes_from_lines(lines, Geometry(points_per_pixel=72 / 300))
    texts = [b.text for b in boxes]
    # a wide gap ends a run; the speck "." (no letter, confidence 12) is dropped; the lone comma
    # before a word or glued to its start is a low quote „; a small mark opening a line is a
    # bullet; a dash stays
    assert texts == ["Interpellation", "Fråga om „trygg skola”", "2024-03-12", "• skolan?", "- bussen „fri”"]
    assert len(confidences) == 11  # the words kept, the bullet and a letter read unsurely among them
    run = boxes[1]
    assert run.x0 == pytest.approx(300 * 72 / 300) and run.x1 == pytest.approx(1000 * 72 / 300)
    # every line has the page's body height; sizes come from the x-height (the third line's
    # row height is inflated by its ascenders, its x-height is the body's): the heading keeps its own
    assert all(b.bottom - b.top == pytest.approx(run.bottom - run.top) for b in boxes)
    assert boxes[3].size == run.size == boxes[4].size
    assert boxes[0].size > 1.2 * run.size


# --------------------------------------------------------------------------------------------
# the Document and its view


@needs_tesseract
def test_the_document_names_its_ocr_pages_and_the_view_marks_them(
    read: dict[str, SourceText], parser: radsdok.Parser
) -> None:
    from radsdok.html import render_html

    doc = parser.parse_source(read["mixed"])
    assert doc.ocr_pages == [2]
    assert [q.evidence.page for q in doc.questions] == [2, 2]
    assert any(w.code == "ocr" for w in doc.warnings)
    html = render_html(doc)
    assert 'data-page="2" data-ocr="1"' in html and 'aria-label="sida 2 (OCR)"' in html
    assert 'data-page="1" role="separator" aria-label="sida 1"' in html
    assert "page 2 read by OCR" in html


def test_a_part_of_a_bundle_keeps_its_own_ocr_pages() -> None:
    source = SourceText("a\n\nb\n\nc", "bundle.pdf", "pdf", page_starts=[0, 3, 6], ocr_pages=[2, 3])
    assert source.part_of(0, 4, 1).ocr_pages == [2]
    assert source.part_of(6, 7, 2).ocr_pages == [3]
    assert source.part_of(0, 1, 3).ocr_pages == []


# --------------------------------------------------------------------------------------------
# parity: samples typeset, scanned and recognised score as their text PDFs (issue 14: 0.06)

PARITY_SAMPLES = [
    "vaxjo_interpellation_role_only_bullets",
    "eskilstuna_motion_comma_party_att1",
    "boras_interpellation_unbalanced_quote",
    "karlstad_svar_enkel_fraga_field_block",
]


@needs_tesseract
@needs_fonts
def test_scanned_samples_score_within_0_06_of_their_text_pdfs(tmp_path: Path, parser: radsdok.Parser) -> None:
    text_scored, scan_scored = [], []
    for name in PARITY_SAMPLES:
        gold = evaluate.load_gold(SAMPLES / f"{name}.gold.json")
        pdf = typeset((SAMPLES / f"{name}.txt").read_text("utf-8"), tmp_path / f"{name}.pdf")
        scanned = scan(pdf, tmp_path / f"{name}.scan.pdf", angle=0.2, specks=100)
        text_scored.append((parser.parse(pdf), gold))
        doc = parser.parse(scanned)
        assert doc.ocr_pages == list(range(1, (doc.pages or 0) + 1))
        scan_scored.append((doc, gold))
    text, scans = evaluate.score(text_scored).to_dict(), evaluate.score(scan_scored).to_dict()
    for field, scores in text["fields"].items():
        if scores["f1"] is not None:
            assert scans["fields"][field]["f1"] >= scores["f1"] - 0.06, field
    for field in ("kind", "date"):
        if text[field]["accuracy"] is not None:
            assert scans[field]["accuracy"] >= text[field]["accuracy"] - 0.06, field
