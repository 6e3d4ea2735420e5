"""`--analysis full` on the command line: the whole pipeline runs, the extracted data is the
same as with the default analysis, and the choice reaches dataset's worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from radsdok.cli import Analysis, _model_spec
from radsdok.pipeline import split_spec

from .conftest import sample_paths

SAMPLE = sample_paths()[0]


def radsdok(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radsdok.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_parse_with_full_analysis_prints_the_same_document() -> None:
    fast = radsdok("parse", "--no-text", str(SAMPLE))
    full = radsdok("parse", "--no-text", "--analysis", "full", str(SAMPLE))
    assert fast.returncode == full.returncode == 0, fast.stderr + full.stderr
    assert json.loads(full.stdout) == json.loads(fast.stdout)


def test_full_analysis_of_the_rules_only_model_is_refused_with_a_message() -> None:
    result = radsdok("parse", "--model", "blank", "--analysis", "full", str(SAMPLE))
    assert result.returncode == 1
    assert "full analysis needs a trained pipeline" in result.stderr


def test_dataset_workers_get_the_model_with_its_analysis() -> None:
    assert _model_spec("default", Analysis.fast) == "default"
    assert split_spec(_model_spec("default", Analysis.full)) == ("default", "full")


def test_dataset_with_either_analysis_writes_the_same_rows(tmp_path: Path) -> None:
    rows = {}
    for analysis in ("fast", "full"):
        out = tmp_path / f"{analysis}.jsonl"
        result = radsdok(
            "dataset", *map(str, sample_paths()[:2]), "-o", str(out), "--rows", "documents", "-q",
            "--analysis", analysis,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        rows[analysis] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(row["source"]).name for row in rows["fast"]] == [p.name for p in sample_paths()[:2]]
    assert rows["full"] == rows["fast"]
