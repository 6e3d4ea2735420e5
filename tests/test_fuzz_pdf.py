"""Broken PDFs (truncated, flipped bytes, broken xref, cut streams) give a Document or a
RadsdokError naming the file, never another exception. `--fuzz-long` runs many more cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import radsdok
from radsdok.fuzzing import mutations, save_regression
from radsdok.reading.pdf import PDF_READERS

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
SEEDS = ["running-header-footer.pdf", "two-columns.pdf", "table.pdf", "letterhead-dnr-block.pdf"]


@pytest.mark.parametrize("seed_pdf", SEEDS)
def test_mutated_pdfs_fail_cleanly(seed_pdf: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    count = 2500 if request.config.getoption("--fuzz-long") else 250  # x 4 seeds x 3 readers
    parser = radsdok.Parser("blank", timeout=30)
    data = (FIXTURES / seed_pdf).read_bytes()
    unexpected = []
    for reader in PDF_READERS:
        parser.pdf_reader = reader
        for n, (label, mutated) in enumerate(mutations(data, count, seed=n_seed(seed_pdf))):
            path = tmp_path / f"case{n}.pdf"
            path.write_bytes(mutated)
            try:
                parser.parse(path, include_text=False)
            except radsdok.RadsdokError as exc:
                assert path.name in str(exc)
            except Exception as exc:  # anything else is a finding: keep the input
                unexpected.append((label, reader, repr(exc)))
                save_regression(
                    mutated, ".pdf", REGRESSIONS, f"{exc!r} (reader={reader})", f"fuzz {seed_pdf}: {label}"
                )
    assert unexpected == []


def n_seed(name: str) -> int:
    return sum(name.encode())
