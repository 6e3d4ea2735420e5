"""Fuzz the PDF readers with mutated copies of the test PDFs, and the Word and
OpenDocument readers with mutated copies of samples written as .docx and .odt, and
report: cases run, failures found (anything but a RadsdokError; must be 0), and the
slowest case.

Usage: python benchmarks/fuzz.py [CASES_PER_SEED] (default 250)

A failing input is kept in tests/fixtures/regressions/ (see its MANIFEST.json), where
tests/test_regressions.py parses it on every run: commit it with the fix.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

import radsdok
from radsdok.fuzzing import archive_mutations, mutations, save_regression
from radsdok.reading.pdf import PDF_READERS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests/office_builder.py (python-docx, odfpy: dev dependencies)
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
OFFICE_SEEDS = [
    ("ludvika_motion_yrkar_att_bullets_wrapped.txt", "docx"),
    ("orebro_motion_mfl_numbered_att.md", "odt"),
    ("mora_tjansteskrivelse_officials_in_columns.txt", "docx"),
    ("mora_tjansteskrivelse_officials_in_columns.txt", "odt"),
]
# Every input that fails is kept here (commit it); tests/test_regressions.py parses them all.
REGRESSIONS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "regressions"
SEEDS = ["running-header-footer.pdf", "two-columns.pdf", "table.pdf", "letterhead-dnr-block.pdf"]


def main() -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # broken PDFs make pdfminer chatty
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    parser = radsdok.Parser("blank", timeout=30)
    cases = 0
    failures: list[str] = []
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as folder:
        for seed_number, name in enumerate(SEEDS):
            data = (FIXTURES / name).read_bytes()
            for reader in PDF_READERS:
                parser.pdf_reader = reader
                for n, (label, mutated) in enumerate(mutations(data, count, seed=seed_number)):
                    path = Path(folder) / f"case{n}.pdf"
                    path.write_bytes(mutated)
                    start = time.perf_counter()
                    try:
                        parser.parse(path, include_text=False)
                    except radsdok.RadsdokError:
                        pass
                    except Exception as exc:
                        failures.append(f"{name} reader={reader} {label}: {exc!r}")
                        kept = save_regression(
                            mutated,
                            ".pdf",
                            REGRESSIONS,
                            f"{exc!r} (reader={reader})",
                            f"fuzz {name}: {label}",
                        )
                        failures.append(f"  kept as {kept}")
                    seconds = time.perf_counter() - start
                    slowest = max(slowest, (seconds, f"{name} reader={reader} {label}"))
                    cases += 1
        from tests.office_builder import WRITERS

        for seed_number, (sample, fmt) in enumerate(OFFICE_SEEDS):
            text = (ROOT / "samples" / sample).read_text(encoding="utf-8")
            seed = WRITERS[fmt](text, Path(folder) / f"seed.{fmt}")
            cases_of_seed = archive_mutations(seed.read_bytes(), count, seed=seed_number)
            for n, (label, mutated) in enumerate(cases_of_seed):
                path = Path(folder) / f"case{n}.{fmt}"
                path.write_bytes(mutated)
                start = time.perf_counter()
                try:
                    parser.parse(path, include_text=False)
                except radsdok.RadsdokError:
                    pass
                except Exception as exc:
                    failures.append(f"{sample} {fmt} {label}: {exc!r}")
                    found_by = f"fuzz {fmt} {sample}: {label}"
                    kept = save_regression(mutated, f".{fmt}", REGRESSIONS, repr(exc), found_by)
                    failures.append(f"  kept as {kept}")
                seconds = time.perf_counter() - start
                slowest = max(slowest, (seconds, f"{sample} {fmt} {label}"))
                cases += 1
    print(f"cases run: {cases}")
    print(f"failures found: {len(failures)}")
    for failure in failures[:20]:
        print(f"  {failure}")
    print(f"slowest case: {slowest[0]:.2f} s ({slowest[1]})")


if __name__ == "__main__":
    main()
