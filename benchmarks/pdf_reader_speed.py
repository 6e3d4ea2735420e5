"""Default PDF parsing against bare pdfplumber, as whole processes (issue 13, part 2).

Usage:
    python benchmarks/pdf_reader_speed.py [--copies N] [--repeats R] [--folder DIR]

The PDFs of DIR (default ../shared/corpus/pdf) are linked COPIES times into a temporary
folder (a few hundred files), and each variant below runs over that folder as one process,
output discarded; the variants take turns, REPEATS rounds, so that load drifts on a shared
machine hit all alike. Printed: best and worst wall seconds and best CPU seconds (user +
system: less swayed by other processes on a shared machine), and the ratio of each
variant's best to bare pdfplumber's best (goal for the default `radsdok parse`: <= 0.5).
Every radsdok process pays its start (spaCy, the model, simplemma's word list: 3-5 s)
once; more copies spread it thinner.

- bare pdfplumber: ``page.extract_text()`` of every page of every file, in one process;
- radsdok parse (default reader "pdfium", blank and default model);
- radsdok parse --pdf-reader pdfplumber (the reader that was the default before; blank and
  default model);
- radsdok parse --fast (PDFium's text lines; blank model).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"

BARE_PLUMBER = """
import sys
from pathlib import Path
import pdfplumber
pages = 0
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            pages += 1
print(pages)
"""


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one process (output discarded);
    fails loudly on a non-zero exit."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, done.returncode)\n"
        "sys.stderr.write(done.stderr[-2000:])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    wall, cpu, code = out.stdout.split()
    if code not in ("0", "2"):  # 2: some files failed (none should here, but it is not a crash)
        raise SystemExit(f"{' '.join(argv)} failed with exit code {code}:\n{out.stderr}")
    return float(wall), float(cpu)


def variants(folder: str) -> dict[str, list[str]]:
    radsdok = [sys.executable, "-m", "radsdok.cli", "parse", "-f", "jsonl", folder]
    return {
        "bare pdfplumber extract_text": [sys.executable, "-c", BARE_PLUMBER, folder],
        "radsdok parse --model blank": [*radsdok, "--model", "blank"],
        "radsdok parse": radsdok,
        "radsdok parse --model blank --pdf-reader pdfplumber": [
            *radsdok,
            "--model",
            "blank",
            "--pdf-reader",
            "pdfplumber",
        ],
        "radsdok parse --pdf-reader pdfplumber": [*radsdok, "--pdf-reader", "pdfplumber"],
        "radsdok parse --model blank --fast": [*radsdok, "--model", "blank", "--fast"],
    }


def page_count(folder: Path) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in folder.glob("*.pdf"):
        pdf = pdfium.PdfDocument(path)
        total += len(pdf)
        pdf.close()
    return total


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--copies", type=int, default=6)
    options.add_argument("--repeats", type=int, default=3)
    options.add_argument("--folder", type=Path, default=CORPUS)
    args = options.parse_args()
    pdfs = sorted(args.folder.glob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs in {args.folder}")
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(args.copies):
            for pdf in pdfs:
                os.symlink(pdf.resolve(), Path(tmp) / f"{copy:02d}-{pdf.name}")
        files, pages = len(pdfs) * args.copies, page_count(Path(tmp))
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
        print(
            f"{files} files, {pages} pages; {os.cpu_count()} CPUs, load average {load}; {args.repeats} rounds"
        )
        runs = variants(tmp)
        wall: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeats):
            for name, argv in runs.items():
                seconds, cpu_seconds = timed(argv)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    bare, bare_cpu = min(wall["bare pdfplumber extract_text"]), min(cpu["bare pdfplumber extract_text"])
    print(
        f"{'variant':54} {'best s':>7} {'worst s':>8} {'pages/s':>8} {'/ bare':>7} {'cpu s':>7} {'/ bare':>7}"
    )
    for name in runs:
        best, best_cpu = min(wall[name]), min(cpu[name])
        print(
            f"{name:54} {best:7.2f} {max(wall[name]):8.2f} {pages / best:8.1f} {best / bare:7.2f}"
            f" {best_cpu:7.2f} {best_cpu / bare_cpu:7.2f}"
        )
    for label, times, base in (("wall", wall, bare), ("cpu", cpu, bare_cpu)):
        print(
            f"{label}: default parse / bare pdfplumber {min(times['radsdok parse']) / base:.2f} "
            f"(blank model {min(times['radsdok parse --model blank']) / base:.2f}; goal <= 0.5); "
            f"with the pdfplumber reader {min(times['radsdok parse --pdf-reader pdfplumber']) / base:.2f}"
        )
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
