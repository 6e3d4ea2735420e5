"""The parsing options of `radsdok people`, `cases` and `export` (--pdf-reader, --ocr, --fast)
reach the reader, as they do for `parse` and `dataset`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from radsdok.cli import app
from radsdok.reading import pdf

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "fixtures" / "pdf"
SCAN = PDFS / "image-only-scan.pdf"  # one page, an image and no text layer
TEXT_PDF = PDFS / "paragraphs.pdf"
THREAD = ROOT / "samples" / "threads" / "lerum_interpellation_simhall.txt"
COMMANDS = ("people", "cases", "export")

runner = CliRunner()


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for file in files:
        shutil.copyfile(file, folder / file.name)
    return folder


def _output(tmp_path: Path, command: str) -> Path:
    return tmp_path / ("out" if command == "export" else f"{command}.jsonl")


def _errors(output: Path) -> list[dict[str, Any]]:
    path = output / "errors.jsonl" if output.suffix == "" else output.with_name(output.stem + ".errors.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("command", COMMANDS)
def test_ocr_never_leaves_a_scan_a_failed_file(tmp_path: Path, command: str) -> None:
    folder = _folder(tmp_path, SCAN, THREAD)
    out = _output(tmp_path, command)
    args = [command, str(folder), "-o", str(out), "--quiet", "--model", "blank", "--ocr", "never"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output  # the text file parsed, the scan failed
    [error] = _errors(out)
    assert Path(error["source"]).name == SCAN.name
    assert error["error"] == "no-text-layer"
    # the hint of a scan nobody tried to read by OCR (with OCR tried it says OCR found nothing)
    assert "read it with OCR" in error["message"]


@pytest.mark.parametrize("command", COMMANDS)
def test_pdf_reader_reaches_the_reader(tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []

    def spy(name: str) -> Callable[..., Any]:
        reader = pdf._READERS[name]

        def read(*args: Any, **kwargs: Any) -> Any:
            used.append(name)
            return reader(*args, **kwargs)

        return read

    for name in pdf.PDF_READERS:
        monkeypatch.setitem(pdf._READERS, name, spy(name))
    folder = _folder(tmp_path, TEXT_PDF)
    out = _output(tmp_path, command)
    base = [command, str(folder), "-o", str(out), "--quiet", "--model", "blank"]
    result = runner.invoke(app, [*base, "--pdf-reader", "pdfplumber"])
    assert result.exit_code == 0, result.output
    assert used == ["pdfplumber"]
    used.clear()
    result = runner.invoke(app, [*base, "--fast"])
    assert result.exit_code == 0, result.output
    assert used == ["fast"]


@pytest.mark.parametrize("command", COMMANDS)
def test_fast_and_another_pdf_reader_contradict(tmp_path: Path, command: str) -> None:
    out = _output(tmp_path, command)
    args = [command, str(THREAD), "-o", str(out), "--fast", "--pdf-reader", "pdfplumber", "--model", "blank"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--fast" in result.output
