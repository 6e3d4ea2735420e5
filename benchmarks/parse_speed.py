"""Throughput of `radsdok parse` beside bare spaCy tokenization, on the same texts, in one run.

Usage: python benchmarks/parse_speed.py [FOLDER] (default ../shared/corpus/riksdagen)
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
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared/corpus/riksdagen"
    )
    paths = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"})
    texts = [read_file(p).text for p in paths]
    words = sum(len(t.split()) for t in texts)

    blank = spacy.blank("sv")
    blank.max_length = 5_000_000
    parser = radsdok.load()

    def bare_run() -> None:
        for _ in blank.pipe(texts, batch_size=64):
            pass

    def full_run() -> None:
        for _ in parser.pipe(paths, include_text=False):
            pass

    # Alternate the two, best of REPEATS each: the machine's load varies between runs.
    bare_times, full_times = [], []
    for _ in range(REPEATS):
        bare_times.append(timed(bare_run))
        full_times.append(timed(full_run))
    bare, full = min(bare_times), min(full_times)

    print(f"{len(paths)} documents, {words} words from {folder} (best of {REPEATS} runs each)")
    print(f"{'':34}{'docs/s':>10}{'words/s':>12}")
    print(f"{'spacy.blank(sv) tokenization':34}{len(paths) / bare:10.1f}{words / bare:12.0f}")
    print(f"{'radsdok parse (read+rules+model)':34}{len(paths) / full:10.1f}{words / full:12.0f}")
    print(f"radsdok / bare tokenization: {bare / full:.0%}")


if __name__ == "__main__":
    main()
