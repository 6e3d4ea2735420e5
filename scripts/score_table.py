"""Print the README's score table: `radsdok eval` on every corpus folder and on both parts of
the municipal split, side by side (F1; kind and date as accuracy).

    python scripts/score_table.py            # the Markdown table
    python scripts/score_table.py --floors   # the `--min` floors for .ci/run (scores rounded down)

Run from the checkout with `../shared/corpus` beside it.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SPLIT = ROOT / "evaluation" / "municipal_split.json"
FIELDS = ("authors", "author_party", "addressees", "questions", "quotes", "diarienummer", "proposals")
LABELS = {"author_party": "author + party"}

COLUMNS: tuple[tuple[str, list[str]], ...] = (
    ("municipal development", [str(CORPUS / "municipal"), "--split", str(SPLIT), "--part", "development"]),
    ("municipal check (never read)", [str(CORPUS / "municipal"), "--split", str(SPLIT), "--part", "check"]),
    ("municipal, all", [str(CORPUS / "municipal")]),
    ("riksdagen", [str(CORPUS / "riksdagen")]),
    ("pdf", [str(CORPUS / "pdf")]),
    ("samples", [str(ROOT / "samples")]),
    ("blind-written", [str(ROOT / "evaluation" / "blind")]),
)


def scores(args: list[str]) -> dict:
    """`radsdok eval --json` on the given folder and options."""
    command = [sys.executable, "-m", "radsdok.cli", "eval", *args, "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def cell(report: dict, field: str) -> str:
    if field in ("kind", "date"):
        found = report.get(field, {})
        value = found.get("accuracy")
        return "–" if value is None else f"{value:.3f} ({found['correct']}/{found['total']})"
    found = report["fields"].get(field, {})
    if not found.get("docs") or found.get("f1") is None:
        return "–"
    return f"{found['f1']:.3f}"


def main() -> None:
    reports = [(name, scores(args)) for name, args in COLUMNS]
    if "--floors" in sys.argv:
        for name, report in reports:
            floors = [
                f"--min {f}={math.floor(report['fields'][f]['f1'] * 100) / 100:.2f}"
                for f in FIELDS
                if report["fields"].get(f, {}).get("docs") and report["fields"][f].get("f1") is not None
            ]
            kind = report.get("kind", {}).get("accuracy")
            if kind is not None:
                floors.append(f"--min kind={math.floor(kind * 100) / 100:.2f}")
            print(f"{name}: {' '.join(floors)}")
        return
    names = [f"{name} ({report['documents_scored']} docs)" for name, report in reports]
    header = "| field | " + " | ".join(names) + " |"
    print(header)
    print("|---" * (len(reports) + 1) + "|")
    for field in (*FIELDS, "kind", "date"):
        label = LABELS.get(field, field) + (" (accuracy)" if field in ("kind", "date") else "")
        print(f"| {label} | " + " | ".join(cell(report, field) for _, report in reports) + " |")


if __name__ == "__main__":
    main()
