"""Every input that ever made radsdok crash or hang stays a test: the gzipped files in
tests/fixtures/regressions/ (what failed is in MANIFEST.json; benchmarks/fuzz.py and the
fuzz tests add new ones) are parsed through the CLI in a child process with a time limit
and must give a document or a clean error naming the file, never a traceback."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
MANIFEST = json.loads((REGRESSIONS / "MANIFEST.json").read_text(encoding="utf-8"))
LIMIT_SECONDS = 60


def test_every_kept_input_is_listed_in_the_manifest() -> None:
    kept = sorted(path.name for path in REGRESSIONS.glob("*.gz"))
    assert kept == sorted(MANIFEST)
    assert len(kept) >= 4
    assert all(entry["failure"] and entry["found_by"] for entry in MANIFEST.values())


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_kept_input_parses_cleanly_and_in_time(name: str, tmp_path: Path) -> None:
    path = tmp_path / name.removesuffix(".gz")
    path.write_bytes(gzip.decompress((REGRESSIONS / name).read_bytes()))
    result = subprocess.run(
        [sys.executable, "-m", "radsdok.cli", "parse", "--model", "blank", "--no-text", str(path)],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
    )
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert json.loads(result.stdout)["source"] == str(path)
    else:
        assert result.stderr.startswith("radsdok: ") and path.name in result.stderr


def test_a_failing_input_is_kept_once_with_what_failed(tmp_path: Path) -> None:
    from radsdok.fuzzing import save_regression

    first = save_regression(b"%PDF-1.4 broken", ".pdf", tmp_path, "KeyError('x')", "fuzz: flipped bytes")
    again = save_regression(b"%PDF-1.4 broken", ".pdf", tmp_path, "KeyError('x')", "fuzz: flipped bytes")
    assert first == again and first.name.endswith(".pdf.gz")
    assert gzip.decompress(first.read_bytes()) == b"%PDF-1.4 broken"
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest == {first.name: {"failure": "KeyError('x')", "found_by": "fuzz: flipped bytes"}}
