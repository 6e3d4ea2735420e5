"""Bounded memory on oversized input: a decompression bomb, a 2,000-page PDF and a 200 MB
text are refused or read page by page, each in a subprocess that reports its own peak
memory, so an unbounded read fails the test instead of the machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import radsdok
from radsdok.reading.pdf_streams import MAX_INFLATED, check_inflation, inflated_size

from .pdf_builder import bomb_pdf, build_pdf, flate_stream, page_content, text_pdf

# Peak resident memory a child parsing one oversized file may reach. Reading a
# 2,000-page PDF page by page takes about 130 MB; inflating one 1 GiB stream would take
# about 2.4 GB.
PEAK_LIMIT_MB = 400
GIB = 1 << 30

# Runs in the child: parse the file with rules only, print the outcome and the peak memory.
CHILD = """
import json, resource, sys
import radsdok
parser = radsdok.Parser("blank", pdf_reader=sys.argv[2])
try:
    doc = parser.parse(sys.argv[1], include_text=False)
    outcome = {"pages": doc.pages, "warnings": [w.code for w in doc.warnings],
               "question_pages": sorted({q.evidence.page for q in doc.questions})}
except radsdok.RadsdokError as exc:
    outcome = {"error": type(exc).__name__, "message": str(exc)}
# VmHWM is this process's own peak; ru_maxrss would include the parent's, inherited at fork
status = open("/proc/self/status").read()
hwm = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
outcome["peak_mb"] = int(hwm[0]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""


def parse_in_child(path: Path, mode: str = "pdfium") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.pdf"
    path.write_bytes(bomb_pdf(GIB))  # about 1 MB on disk
    return path


@pytest.mark.parametrize("mode", ["pdfium", "pdfplumber", "fast"])
def test_decompression_bomb_is_refused_without_inflating_it(bomb: Path, mode: str) -> None:
    assert bomb.stat().st_size < 2_000_000
    outcome = parse_in_child(bomb, mode)
    assert outcome["error"] == "FileTooLarge"
    assert "bomb.pdf" in str(outcome["message"]) and "--max-inflated" in str(outcome["message"])
    assert float(outcome["peak_mb"]) < PEAK_LIMIT_MB  # type: ignore[arg-type]


def test_stream_inflation_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "uppblaast.pdf"
    path.write_bytes(bomb_pdf(20_000_000))
    with pytest.raises(radsdok.FileTooLarge, match=r"uppblaast\.pdf"):
        radsdok.Parser("blank", max_inflated=10_000_000).parse(path)
    doc = radsdok.Parser("blank", max_inflated=None).parse(path)
    assert [q.text for q in doc.questions] == ["Hur går det med skolan?"]


def test_inflated_size_counts_flate_data_and_ignores_the_rest() -> None:
    data = b"junk" + zlib.compress(b"x" * 100_000)
    assert inflated_size(data, 4, MAX_INFLATED) == 100_000
    assert inflated_size(data, 4, 1000) > 1000  # stops just past the limit
    assert inflated_size(b"\xff\xd8\xff\xe0 a JPEG, not zlib", 0, MAX_INFLATED) == 0
    cut = zlib.compress(b"y" * 100_000)[:40]
    assert 0 < inflated_size(cut, 0, MAX_INFLATED) < 100_000


def test_a_bomb_that_calls_itself_an_image_is_refused_too(tmp_path: Path) -> None:
    # a page's content is decoded whatever the stream's dictionary says it is
    disguised = flate_stream(page_content(["Hur går det?"]), filler_bytes=20_000_000).replace(
        b"<< /Length", b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length", 1
    )
    path = tmp_path / "bild.pdf"
    path.write_bytes(build_pdf([disguised]))
    with pytest.raises(radsdok.FileTooLarge, match=r"bild\.pdf"):
        check_inflation(path, str(path), limit=1_000_000)


def test_an_empty_file_has_nothing_to_inflate(tmp_path: Path) -> None:
    path = tmp_path / "tom.pdf"
    path.write_bytes(b"")
    check_inflation(path, str(path), limit=1)


def test_data_that_is_not_zlib_is_not_counted(tmp_path: Path) -> None:
    jpeg_like = b"<< /Subtype /Image /Filter /DCTDecode /Length 9 >>\nstream\n\xff\xd8\xff\xe0JFIF\nendstream"
    path = tmp_path / "foto.pdf"
    path.write_bytes(build_pdf([flate_stream(page_content(["Hur går det?"])), jpeg_like]))
    check_inflation(path, str(path), limit=1_000)


def two_thousand_pages() -> list[list[str]]:
    """2,000 pages of one interpellation, each asking its own question; no line recurs on
    more than 1 % of the pages (more would make it a running header or footer)."""
    topics = [
        "skolan",
        "vården",
        "budgeten",
        "bostäderna",
        "parken",
        "biblioteket",
        "bussarna",
        "vägarna",
        "badhuset",
        "hamnen",
        "torget",
        "museet",
        "elnätet",
        "skogen",
        "stranden",
        "cykelbanorna",
        "förskolan",
        "hemtjänsten",
        "simhallen",
        "tåget",
    ]
    pages = [
        [
            f"Om {topics[i % 20]} och {topics[i // 20 % 20]}",
            f"Hur går det med {topics[i % 20]}, {topics[i // 20 % 20]} och {topics[i // 400]}?",
        ]
        for i in range(2000)
    ]
    pages[0].insert(0, "Interpellation till kommunstyrelsens ordförande")  # whose every question counts
    return pages


def test_a_2000_page_pdf_is_read_page_by_page_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "lang.pdf"
    path.write_bytes(text_pdf(two_thousand_pages()))
    outcome = parse_in_child(path)
    assert "error" not in outcome, outcome
    assert outcome["pages"] == 2000
    assert outcome["question_pages"][-1] == 2000  # type: ignore[index]
    assert float(outcome["peak_mb"]) < PEAK_LIMIT_MB  # type: ignore[arg-type]


def test_pages_past_the_page_limit_are_left_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lang.pdf"
    path.write_bytes(text_pdf(two_thousand_pages()[:30]))
    doc = radsdok.Parser("blank", max_pages=12).parse(path, include_text=False)
    assert "max-pages" in [w.code for w in doc.warnings]
    assert doc.pages == 12
    assert doc.questions and all(q.evidence.page is not None and q.evidence.page <= 12 for q in doc.questions)


def test_a_200_mb_text_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "enorm.txt"
    with path.open("wb") as fh:
        fh.write("Hur går det? ".encode())
        fh.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    outcome = parse_in_child(path)
    assert outcome["error"] == "FileTooLarge"
    assert "enorm.txt" in str(outcome["message"]) and "--max-bytes" in str(outcome["message"])
    assert float(outcome["peak_mb"]) < PEAK_LIMIT_MB  # type: ignore[arg-type]
    assert os.path.getsize(path) == 200 * 1024 * 1024
