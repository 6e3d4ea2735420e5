"""Adversarial texts finish quickly: each runs in a subprocess with a time limit, so a
quadratic rule or a catastrophic regular expression fails the test instead of hanging it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import radsdok
from radsdok.reading.text import clean_text

from .test_cli import radsdok as run_cli

ADVERSARIAL = {
    "50,000 Swedish quote marks": "'”' * 50_000",
    "50,000 straight quotes": "'a \"' * 50_000",
    "100,000 att": "'att ' * 100_000",
    "5 MB without spaces": "'a' * 5_000_000",
    "100,000 questions": "'Hur? ' * 100_000",
    "20,000 signatures": "'Anna Berg (V)\\n' * 20_000",
    "50,000 bullets": "'- Hur går det?\\n' * 50_000",
    "50,000 open case numbers": "'Dnr KS 2019/' * 50_000",
    "100,000 parentheses": "'(' * 100_000",
    "50,000 paragraph items": "'§ 1\\n' * 50_000",
}
LIMIT_SECONDS = 60


@pytest.mark.parametrize("expression", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_is_parsed_within_the_limit(expression: str) -> None:
    script = (
        "import radsdok\n"
        f"doc = radsdok.load('blank').parse_text({expression}, source='x')\n"
        "print(len(doc.questions))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=LIMIT_SECONDS
    )
    assert result.returncode == 0, result.stderr[-2000:]


QUOTE_MARKS = st.sampled_from(["”", "“", "„", "»", "«", '"', "?", "(", ")", "- ", "• ", "\n", "\n\n", "att "])
WORDS = st.sampled_from(
    ["Hur", "kommunen", "Anna Berg", "(V)", "Dnr KS 2020/12", "fråga", "Interpellation till"]
)


@settings(max_examples=200, deadline=None)
@example(["\x1b"])  # found by this test: a lone control character is an empty document
@given(st.lists(st.one_of(QUOTE_MARKS, WORDS, st.text(max_size=8)), max_size=60))
def test_any_text_parses_without_an_uncaught_error(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        doc = radsdok.load("blank").parse_text(text, source="fuzz.txt")
    except radsdok.EmptyDocument:
        assert clean_text(text) == ""  # only whitespace and control characters
        return
    assert doc.text is not None
    for item in [*doc.questions, *doc.quotes, *doc.case_numbers, *doc.proposals]:
        assert 0 <= item.evidence.start <= item.evidence.end <= len(doc.text)


def test_a_runaway_document_times_out_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from radsdok.components import quotes

    real = quotes.find_quotes

    def stalling(text: str) -> list:
        if "STALL" in text:
            time.sleep(5)
        return real(text)

    monkeypatch.setattr(quotes, "find_quotes", stalling)
    good = tmp_path / "a.txt"
    good.write_text("Interpellation till KSO\n\nHur går det med skolan?\n\nAnna Berg (V)", encoding="utf-8")
    slow = tmp_path / "b.txt"
    slow.write_text("Interpellation STALL\n\nHur går det?", encoding="utf-8")
    parser = radsdok.Parser("blank", timeout=1)
    results = list(parser.pipe([good, slow, good]))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert isinstance(results[1].error, radsdok.ParseTimeout)
    assert "b.txt" in str(results[1].error)


def test_file_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "stor.txt"
    big.write_text("Hur går det? " * 1000, encoding="utf-8")
    with pytest.raises(radsdok.FileTooLarge, match=r"stor\.txt"):
        radsdok.Parser("blank", max_bytes=1000).parse(big)


def test_symlink_loop_in_a_folder_is_not_followed(tmp_path: Path) -> None:
    from radsdok.parser import expand_paths

    (tmp_path / "a.txt").write_text("Hur går det?", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt"]


def test_every_file_of_a_partly_broken_batch_gets_a_record(tmp_path: Path) -> None:
    good_text = "Interpellation till KSO\n\nHur går det med skolan?\n\nAnna Berg (V)"
    for i in range(18):
        (tmp_path / f"ok{i:02d}.txt").write_text(good_text, encoding="utf-8")
    (tmp_path / "tom.txt").write_bytes(b"")
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4 trasig")
    result = run_cli("parse", "--format", "jsonl", "--model", "blank", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 20
    assert sum("error" in r for r in records) == 2


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "ok.txt").write_text("Interpellation om skolan\n\nHur går det med skolan?", encoding="utf-8")
    locked = tmp_path / "låst"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Hur går det?", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as for a folder without read permission
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    from radsdok.parser import expand_paths

    results = list(radsdok.Parser("blank").pipe(expand_paths([tmp_path])))
    failures = [r for r in results if isinstance(r, radsdok.Failure)]
    assert len(results) == 2 and len(failures) == 1
    assert failures[0].source == str(locked)
    assert "cannot list" in str(failures[0].error) and "Permission denied" in str(failures[0].error)
