"""Scanned PDFs against text: per-field F1 of the same texts read three ways.

    python benchmarks/ocr_parity.py [NAME ...] [--dpi 200] [--angle 0.4] [--specks 300]

Each sample with gold (samples/NAME.txt + NAME.gold.json; default: all) is typeset into a PDF
(tests/scanned.py), that PDF is scanned (its pages as images, no text layer), and the plain
text, the text PDF and the scan are parsed and scored against the gold (`radsdok.evaluate`).
Prints the per-field F1 (kind and date: accuracy) of each and the largest gap of the scan to
the text PDF, with the OCR time."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scanned import scan, typeset  # noqa: E402

from radsdok import evaluate, load  # noqa: E402
from radsdok.reading import read_file  # noqa: E402


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("names", nargs="*", help="sample stems (default: all with a gold)")
    args.add_argument("--dpi", type=int, default=200, help="scan resolution")
    args.add_argument("--angle", type=float, default=0.0, help="skew of the scanned paper, degrees")
    args.add_argument("--specks", type=int, default=0, help="dust specks per scanned page")
    args.add_argument("--errors", action="store_true", help="list the scans' misses per document")
    args.add_argument("--keep", type=Path, help="keep the typeset PDFs and scans in this folder")
    opts = args.parse_args()
    samples = ROOT / "samples"
    names = opts.names or sorted(p.name[: -len(".gold.json")] for p in samples.glob("*.gold.json"))
    names = [n for n in names if (samples / f"{n}.txt").exists()]
    parser = load()
    scored: dict[str, list] = {"text": [], "pdf": [], "scan": []}
    ocr_seconds = 0.0
    pages = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = opts.keep or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in names:
            text_path = samples / f"{name}.txt"
            gold = evaluate.load_gold(samples / f"{name}.gold.json")
            pdf = typeset(text_path.read_text("utf-8"), Path(tmp) / f"{name}.pdf")
            scanned = scan(
                pdf, Path(tmp) / f"{name}.scan.pdf", dpi=opts.dpi, angle=opts.angle, specks=opts.specks
            )
            start = time.perf_counter()
            source = read_file(scanned)
            ocr_seconds += time.perf_counter() - start
            pages += source.page_count or 0
            scored["text"].append((parser.parse(text_path, include_text=False), gold))
            scored["pdf"].append((parser.parse(pdf, include_text=False), gold))
            scored["scan"].append((parser.parse_source(source, include_text=False), gold))
            print(f"{name}: {source.warnings[0].message.split(': ', 1)[-1] if source.warnings else ''}",
                  file=sys.stderr)
    reports = {k: evaluate.score(v).to_dict() for k, v in scored.items()}
    print(f"{len(names)} samples, {pages} scanned pages at {opts.dpi} dpi "
          f"(angle {opts.angle}, specks {opts.specks}); OCR {pages / ocr_seconds:.2f} pages/s")
    print(f"{'field':14} {'text':>6} {'pdf':>6} {'scan':>6} {'scan-pdf':>9}")
    worst = 0.0
    rows = [(f, [reports[k]["fields"][f]["f1"] for k in scored]) for f in reports["text"]["fields"]]
    rows += [(f, [reports[k][f]["accuracy"] for k in scored]) for f in ("kind", "date")]
    for field, values in rows:
        if None in values:
            continue
        gap = values[2] - values[1]
        worst = min(worst, gap)
        print(f"{field:14} " + " ".join(f"{v:6.3f}" for v in values) + f" {gap:+9.3f}")
    print(f"largest drop from text PDF to scan: {-worst:.3f}")
    if opts.errors:
        print("\ntext PDF:\n" + evaluate.format_errors(evaluate.score(scored["pdf"]), None))
        print("\nscan:\n" + evaluate.format_errors(evaluate.score(scored["scan"]), None))


if __name__ == "__main__":
    main()
