"""Broken Word and OpenDocument files (truncated, flipped bytes, an XML part cut short or
garbled) give a Document or a RadsdokError naming the file, never another exception.
`--fuzz-long` runs many more cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import radsdok
from radsdok.fuzzing import archive_mutations, save_regression

from .conftest import SAMPLES
from .office_builder import WRITERS

REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
SEEDS = [
    ("ludvika_motion_yrkar_att_bullets_wrapped.txt", "docx"),
    ("mora_tjansteskrivelse_officials_in_columns.txt", "docx"),
    ("orebro_motion_mfl_numbered_att.md", "odt"),
    ("mora_tjansteskrivelse_officials_in_columns.txt", "odt"),
]


@pytest.fixture(scope="module")
def blank_parser() -> radsdok.Parser:
    return radsdok.Parser("blank", timeout=30)


@pytest.mark.parametrize(("sample", "fmt"), SEEDS)
def test_mutated_office_files_fail_cleanly(
    sample: str, fmt: str, tmp_path: Path, request: pytest.FixtureRequest, blank_parser: radsdok.Parser
) -> None:
    count = 1000 if request.config.getoption("--fuzz-long") else 60
    seed = WRITERS[fmt]((SAMPLES / sample).read_text(encoding="utf-8"), tmp_path / f"seed.{fmt}")
    unexpected = []
    outcomes: set[str] = set()
    cases = archive_mutations(seed.read_bytes(), count, seed=sum(sample.encode()))
    for n, (label, mutated) in enumerate(cases):
        path = tmp_path / f"case{n}.{fmt}"
        path.write_bytes(mutated)
        try:
            blank_parser.parse(path, include_text=False)
            outcomes.add("parsed")
        except radsdok.RadsdokError as exc:
            assert path.name in str(exc)
            outcomes.add(type(exc).__name__)
        except Exception as exc:  # anything else is a finding: keep the input
            unexpected.append((label, repr(exc)))
            save_regression(mutated, f".{fmt}", REGRESSIONS, repr(exc), f"fuzz {fmt} {sample}: {label}")
    assert unexpected == []
    assert "UnreadableDocument" in outcomes  # the mutations do reach the reader's refusals
