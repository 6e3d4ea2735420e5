"""Broken and hostile web pages (truncated, flipped bytes, markup junk, runs of unclosed
tags, false or odd charset declarations) give a Document or a RadsdokError naming the file,
never another exception, and each in well under the time limit. `--fuzz-long` runs many
more cases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import radsdok
from radsdok.fuzzing import html_mutations, save_regression

from .conftest import SAMPLES
from .html_pages import bundle_page, sample_page

REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
SLOWEST_SECONDS = 10.0
SEEDS = {
    "wordpress-post": lambda: sample_page(SAMPLES / "kavlinge_motion_multiline_signature.txt"),
    "plain-page": lambda: sample_page(SAMPLES / "vaxjo_interpellation_role_only_bullets.txt", "plain"),
    "category-page": lambda: bundle_page(
        (SAMPLES / "bundles" / "norrtalje_party_page_three_interpellations.txt").read_text(encoding="utf-8")
    ),
}


@pytest.mark.parametrize("seed_page", sorted(SEEDS))
def test_mutated_pages_fail_cleanly(seed_page: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    count = 1000 if request.config.getoption("--fuzz-long") else 100  # x 3 seeds
    parser = radsdok.Parser("blank", timeout=30)
    data = SEEDS[seed_page]().encode("utf-8")
    unexpected = []
    slowest = 0.0
    for n, (label, mutated) in enumerate(html_mutations(data, count, seed=sum(seed_page.encode()))):
        path = tmp_path / f"case{n}.html"
        path.write_bytes(mutated)
        started = time.perf_counter()
        try:
            parser.parse(path, include_text=False)
        except radsdok.RadsdokError as exc:
            assert path.name in str(exc)
        except Exception as exc:  # anything else is a finding: keep the input
            unexpected.append((label, repr(exc)))
            save_regression(mutated, ".html", REGRESSIONS, repr(exc), f"fuzz {seed_page}: {label}")
        slowest = max(slowest, time.perf_counter() - started)
    assert unexpected == []
    assert slowest < SLOWEST_SECONDS
