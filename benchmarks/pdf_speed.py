"""PDF reading speed: bare extractors vs radsdok's reader, side by side.

    python benchmarks/pdf_speed.py [DIR_OR_PDF ...] [--repeat N]

Default input: /work/shared/corpus/pdf/*.pdf. Prints pages/s for bare
pdfplumber ``page.extract_text()``, ``read_pdf`` with each reader (the default
"pdfium", "pdfplumber", "fast"), bare pypdfium2 ``get_text_range()`` and full
parses, each over all files in one process. One warm-up read comes first
(imports, simplemma's Swedish word list); its time is printed separately.
(Whole processes over a few hundred files: benchmarks/pdf_reader_speed.py.)
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

import radsdok
from radsdok.reading.pdf import read_pdf

DEFAULT_INPUT = str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf")
Reader = Callable[[Path], int]


def bare_plumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def bare_pdfium(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def radsdok_pdfium(path: Path) -> int:
    return read_pdf(path).page_count or 0


def radsdok_plumber(path: Path) -> int:
    return read_pdf(path, reader="pdfplumber").page_count or 0


def radsdok_fast(path: Path) -> int:
    return read_pdf(path, reader="fast").page_count or 0


_PARSER = radsdok.load()
_PLUMBER_PARSER = radsdok.load(pdf_reader="pdfplumber")
_FAST_PARSER = radsdok.load(pdf_reader="fast")


def radsdok_parse(path: Path) -> int:
    return _PARSER.parse(path, include_text=False).pages or 0


def radsdok_parse_plumber(path: Path) -> int:
    return _PLUMBER_PARSER.parse(path, include_text=False).pages or 0


def radsdok_parse_fast(path: Path) -> int:
    return _FAST_PARSER.parse(path, include_text=False).pages or 0


def pdf_files(inputs: list[str]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        files.extend(sorted(p.glob("*.pdf")) if p.is_dir() else [p])
    return files


def measure(readers: list[Reader], files: list[Path], repeat: int) -> list[tuple[int, float]]:
    """(pages, seconds) per reader; readers take turns on each file so that
    machine load drifts hit all of them alike."""
    totals = [(0, 0.0)] * len(readers)
    for _ in range(repeat):
        for path in files:
            for i, reader in enumerate(readers):
                start = time.perf_counter()
                pages = reader(path)
                seconds = time.perf_counter() - start
                totals[i] = (totals[i][0] + pages, totals[i][1] + seconds)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[DEFAULT_INPUT])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    files = pdf_files(args.inputs)
    if not files:
        raise SystemExit(f"no PDF files in {args.inputs}")

    start = time.perf_counter()
    for reader in ("pdfium", "pdfplumber", "fast"):
        read_pdf(files[0], reader=reader)
    print(f"warm-up (imports, word list, first file thrice): {time.perf_counter() - start:.2f} s")

    rows: list[tuple[str, Reader]] = [
        ("pdfplumber extract_text (bare)", bare_plumber),
        ("read_pdf (pdfium, the default)", radsdok_pdfium),
        ("read_pdf(reader='pdfplumber')", radsdok_plumber),
        ("pypdfium2 get_text_range (bare)", bare_pdfium),
        ("read_pdf(reader='fast')", radsdok_fast),
        ("parse (pdfium, the default)", radsdok_parse),
        ("parse (pdf_reader='pdfplumber')", radsdok_parse_plumber),
        ("parse (pdf_reader='fast')", radsdok_parse_fast),
    ]
    print(f"{len(files)} files, repeat {args.repeat}")
    print(f"{'reader':34} {'pages/s':>9} {'pages':>7} {'seconds':>8} {'/ bare':>7}")
    totals = measure([reader for _, reader in rows], files, args.repeat)
    bare = totals[0][1]
    for (name, _), (pages, seconds) in zip(rows, totals, strict=True):
        print(f"{name:34} {pages / seconds:9.1f} {pages:7d} {seconds:8.2f} {seconds / bare:7.2f}")
    print(f"default parse / bare pdfplumber time: {totals[5][1] / bare:.2f}x (goal <= 0.5x)")
    print(f"fast reader: {bare / totals[4][1]:.1f}x faster than bare pdfplumber (goal >= 20x)")


if __name__ == "__main__":
    main()
