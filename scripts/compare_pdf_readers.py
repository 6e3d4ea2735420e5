"""Read PDFs with two readers and say how alike their texts are.

Run from the repository root:
    python scripts/compare_pdf_readers.py [DIR_OR_PDF ...] [--readers pdfium pdfplumber] [--diff N]

Default input: the PDFs of ../shared/corpus (all folders) and tests/fixtures/pdf. For
every file both readers read, prints whether text, page map and warnings are identical;
for the others the difflib similarity of the texts and (with --diff) the first N differing
lines. A summary ends the run: files identical, similarity of the rest (lowest and mean),
files only one reader could read, and each reader's total time.
"""

from __future__ import annotations

import argparse
import difflib
import time
from pathlib import Path

from radsdok.errors import RadsdokError
from radsdok.reading.pdf import read_pdf
from radsdok.reading.source import SourceText

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [ROOT.parent / "shared" / "corpus", ROOT / "tests" / "fixtures" / "pdf"]


def pdf_files(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        files.extend(sorted(item.rglob("*.pdf")) if item.is_dir() else [item])
    return files


def read(path: Path, reader: str) -> tuple[SourceText | str, float]:
    """The reader's text, or the name of the error it raised; and the seconds it took."""
    start = time.perf_counter()
    try:
        result: SourceText | str = read_pdf(path, reader=reader)
    except RadsdokError as exc:
        result = type(exc).__name__
    return result, time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    options.add_argument("--readers", nargs=2, default=["pdfium", "pdfplumber"])
    options.add_argument("--diff", type=int, default=0, help="show this many differing lines per file")
    args = options.parse_args()
    first, second = args.readers
    files = pdf_files(args.inputs)
    if not files:
        raise SystemExit(f"no PDFs in {', '.join(map(str, args.inputs))}")
    identical = 0
    same_error = 0
    ratios: list[float] = []
    one_sided: list[str] = []
    seconds = {first: 0.0, second: 0.0}
    for path in files:
        a, ta = read(path, first)
        b, tb = read(path, second)
        seconds[first] += ta
        seconds[second] += tb
        if isinstance(a, str) or isinstance(b, str):
            if a == b:
                same_error += 1
            else:
                one_sided.append(
                    f"{path}: {first} {a if isinstance(a, str) else 'read'}, "
                    f"{second} {b if isinstance(b, str) else 'read'}"
                )
            continue
        same_warnings = [w.code for w in a.warnings] == [w.code for w in b.warnings]
        if a.text == b.text and a.page_starts == b.page_starts and same_warnings:
            identical += 1
            continue
        ratio = difflib.SequenceMatcher(None, a.text, b.text, autojunk=False).ratio()
        ratios.append(ratio)
        print(f"differs  {ratio:.4f}  {path}")
        if args.diff:
            diff = difflib.unified_diff(
                a.text.splitlines(), b.text.splitlines(), first, second, lineterm="", n=0
            )
            for line in list(diff)[2 : 2 + args.diff]:
                print(f"    {line[:160]}")
    for line in one_sided:
        print(f"one-sided  {line}")
    read_both = identical + len(ratios)
    print(
        f"\n{len(files)} PDFs; read by both: {read_both}; refused by both with the same error: {same_error}"
    )
    print(f"identical text, page map and warnings: {identical} of {read_both}")
    if ratios:
        print(
            f"the other {len(ratios)}: similarity lowest {min(ratios):.4f}, "
            f"mean {sum(ratios) / len(ratios):.4f}"
        )
    print(f"read by one reader only: {len(one_sided)}")
    print(f"time: {first} {seconds[first]:.2f} s, {second} {seconds[second]:.2f} s")


if __name__ == "__main__":
    main()
