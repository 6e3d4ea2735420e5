"""`radsdok parse`, `parse --split`, `show`, `dataset` and the API take .docx and .odt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import radsdok

from .conftest import SAMPLES
from .office_builder import write_docx, write_odt

MOTION = SAMPLES / "orebro_motion_mfl_numbered_att.md"
COLUMNS = SAMPLES / "mora_tjansteskrivelse_officials_in_columns.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radsdok.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_parse_a_docx_gives_its_proposals_numbered_as_in_word(tmp_path: Path) -> None:
    path = write_docx(MOTION.read_text(encoding="utf-8"), tmp_path / "motion.docx")
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "docx" and doc["kind"] == "motion"
    assert [p["text"][:30] for p in doc["proposals"]] == [
        "att tekniska nämnden får i upp",
        "att kommunen inför principen a",
        "att antalet gatuträd redovisas",
    ]
    assert doc["metadata"]["author"] == "python-docx"  # the core properties the file carries
    for proposal in doc["proposals"]:
        evidence = proposal["evidence"]
        assert doc["text"][evidence["start"] : evidence["end"]].startswith("att")


def test_the_api_reads_an_odt_with_signers_side_by_side_in_a_table(tmp_path: Path) -> None:
    path = write_odt(COLUMNS.read_text(encoding="utf-8"), tmp_path / "skrivelse.odt")
    doc = radsdok.parse(path)
    assert doc.format == "odt"
    assert [a.name for a in doc.authors] == ["Anders Wiklund", "Helena Sjöberg"]


def test_split_show_and_dataset_take_office_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(MOTION.read_text(encoding="utf-8"), folder / "motion.docx")
    write_odt(COLUMNS.read_text(encoding="utf-8"), folder / "skrivelse.odt")

    split = run("parse", "--split", "--no-text", str(folder / "motion.docx"))
    assert split.returncode == 0, split.stderr
    assert [json.loads(line)["kind"] for line in split.stdout.splitlines()] == ["motion"]

    view = tmp_path / "view.html"
    shown = run("show", str(folder / "skrivelse.odt"), "-o", str(view))
    assert shown.returncode == 0, shown.stderr
    assert "Helena Sjöberg" in view.read_text(encoding="utf-8")

    out = tmp_path / "d.jsonl"
    dataset = run("dataset", str(folder), "-o", str(out), "--rows", "documents", "--workers", "1")
    assert dataset.returncode == 0, dataset.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(row["source"]).name for row in rows) == ["motion.docx", "skrivelse.odt"]
