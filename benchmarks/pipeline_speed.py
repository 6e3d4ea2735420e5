"""Words/s of the full pipeline (the shipped Swedish model plus radsdok's rules), of
rules-only mode (`model="blank"`), and of bare `spacy.blank("sv")` tokenization, side by
side in one run on the same texts, on one core.

Usage: python benchmarks/pipeline_speed.py [FOLDER] (default ../shared/corpus/riksdagen)
Set OMP_NUM_THREADS=1 (done below before numpy loads) so the model uses one core.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys
import time
from pathlib import Path

import spacy

import radsdok
from radsdok.reading import read_file


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "riksdagen"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    texts = [read_file(p).text for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)

    blank = spacy.blank("sv")
    full = radsdok.Parser("default").nlp
    rules = radsdok.Parser("blank").nlp
    runs = {
        "full pipeline (model + rules)": full,
        "rules only (model='blank')": rules,
        "spacy.blank('sv') tokenization": blank,
    }
    for nlp in runs.values():  # warm up: vocab, caches, lazy imports
        for _ in nlp.pipe(texts[:20]):
            pass
    print(f"{len(texts)} texts, {words} words from {folder}")
    for label, nlp in runs.items():
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        seconds = time.perf_counter() - start
        print(f"  {label:34} {words / seconds:10.0f} words/s")
    print("goal: full pipeline >= 8,000 words/s on one core")


if __name__ == "__main__":
    main()
