from __future__ import annotations

from pathlib import Path

import pytest

import radsdok

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md")


@pytest.fixture(scope="session")
def parser() -> radsdok.Parser:
    return radsdok.load()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-long", action="store_true", help="run many more fuzz cases")
