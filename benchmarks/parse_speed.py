"""Throughput of radsdok's parse beside bare spaCy tokenization, on the same texts, in one run.

Usage: python benchmarks/parse_speed.py [FOLDER] (default ../shared/corpus/riksdagen)

radsdok runs in rules-only mode (`model="blank"`); benchmarks/pipeline_speed.py measures the
full pipeline with the shipped Swedish model. Two figures each:
- first pass: a fresh pipeline over all files once, as one `radsdok parse DIR` run does
  (both sides build their vocabulary and tokenizer cache as they go);
- warm: the best of REPEATS further passes, once the tokenizer's cache is full.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import radsdok
from radsdok.reading import read_file

REPEATS = 3


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "riksdagen"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    paths = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"})
    texts = [read_file(p).text for p in paths]
    words = sum(len(t.split()) for t in texts)

    blank = spacy.blank("sv")
    blank.max_length = 5_000_000
    parser = radsdok.Parser("blank")  # rules only: the spine's own cost (see pipeline_speed.py)

    def bare_run() -> None:
        for _ in blank.pipe(texts, batch_size=64):
            pass

    def full_run() -> None:
        for _ in parser.pipe(paths, include_text=False):
            pass

    first = (timed(bare_run), timed(full_run))
    warm_bare, warm_full = [], []
    for _ in range(REPEATS):  # alternate, so load drifts hit both alike
        warm_bare.append(timed(bare_run))
        warm_full.append(timed(full_run))
    warm = (min(warm_bare), min(warm_full))

    print(f"{len(paths)} documents, {words} words from {folder}")
    print(f"{'':40}{'docs/s':>10}{'words/s':>12}")
    for label, (bare, full) in (("first pass", first), (f"warm (best of {REPEATS})", warm)):
        print(f"{label}")
        print(f"  {'spacy.blank(sv) tokenization':38}{len(paths) / bare:10.1f}{words / bare:12.0f}")
        print(f"  {'radsdok parse (read + rules + models)':38}{len(paths) / full:10.1f}{words / full:12.0f}")
        print(f"  radsdok / bare tokenization: {bare / full:.0%} (goal 40 %)")


if __name__ == "__main__":
    main()
