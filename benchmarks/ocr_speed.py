"""OCR speed and cost: pages per second and peak memory of reading scanned PDFs.

    python benchmarks/ocr_speed.py [--pages N] [--dpi 200]

Typesets samples (tests/scanned.py) into PDFs and scans them (pages as images, no text layer),
N pages in all, then measures each in a child process of its own:

* bare: render each page with pypdfium2 at the scan's resolution and run `tesseract` on it
  (hOCR, Swedish, one thread), nothing else;
* read: `radsdok.reading.read_file` (render, Tesseract, layout, cleanup);
* parse one page: the whole `radsdok parse` of a one-page scan, as a command, against the
  default per-document time limit.

Peak memory: the child's own peak RSS and the largest Tesseract process's (ru_maxrss)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, subprocess, sys, time
from pathlib import Path
mode, dpi, paths = sys.argv[1], int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
pages = 0
started = time.perf_counter()
if mode == "read":
    from radsdok.reading import read_file
    for path in paths:
        pages += len(read_file(path).ocr_pages)
else:
    import io
    import pypdfium2 as pdfium
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            page.close()
            buffer = io.BytesIO()
            image.save(buffer, "PPM")
            subprocess.run(["tesseract", "stdin", "stdout", "-l", "swe", "--dpi", str(dpi), "hocr"],
                           input=buffer.getvalue(), capture_output=True, check=True,
                           env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/usr/local/bin"})
            pages += 1
        pdf.close()
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"pages": pages, "seconds": seconds, "own_mb": own, "tesseract_mb": child}))
"""


def measure(mode: str, dpi: int, paths: list[Path]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(dpi), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.scanned import scan, typeset

    from radsdok.limits import DEFAULT_TIMEOUT

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--pages", type=int, default=10, help="scanned pages to read")
    args.add_argument("--dpi", type=int, default=200, help="resolution of the scans")
    opts = args.parse_args()
    texts = sorted(p for p in (ROOT / "samples").glob("*.txt") if p.stat().st_size > 1000)
    with tempfile.TemporaryDirectory() as tmp:
        scans: list[Path] = []
        for text in texts[: opts.pages]:
            pdf = typeset(text.read_text("utf-8"), Path(tmp) / f"{text.stem}.pdf")
            scans.append(scan(pdf, Path(tmp) / f"{text.stem}.scan.pdf", dpi=opts.dpi))
        print(f"{len(scans)} scanned PDFs at {opts.dpi} dpi (read at that resolution), one Tesseract thread")
        for mode in ("bare", "read"):
            r = measure(mode, opts.dpi, scans)
            print(
                f"{mode:5} {r['pages']:3.0f} pages {r['seconds']:6.1f} s"
                f"  {r['pages'] / r['seconds']:.2f} pages/s"
                f"  ({r['seconds'] / r['pages']:.2f} s a page)  peak memory: python {r['own_mb']:.0f} MB,"
                f" tesseract {r['tesseract_mb']:.0f} MB"
            )
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "radsdok.cli", "parse", "--no-text", str(scans[0])],
            capture_output=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        print(
            f"radsdok parse of a one-page scan (a whole process): {seconds:.1f} s; "
            f"default time limit {DEFAULT_TIMEOUT:g} s"
        )


if __name__ == "__main__":
    main()
