from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS, SAMPLES, sample_paths

SAMPLE = sample_paths()[0]


def radsdok(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radsdok.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_parse_one_file_prints_one_json_document() -> None:
    result = radsdok("parse", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"] == str(SAMPLE)
    assert doc["text"]


def test_no_text_leaves_text_out() -> None:
    result = radsdok("parse", "--no-text", str(SAMPLE))
    assert json.loads(result.stdout)["text"] is None


def test_jsonl_over_directory_goes_past_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "bra.txt"
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tom.txt").write_bytes(b"")
    result = radsdok("parse", "--format", "jsonl", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["bra.txt", "tom.txt"]
    assert records[1]["error"] == "empty"
    assert "tom.txt" in result.stderr
    assert result.returncode == 2


def test_bad_single_file_gives_one_line_on_stderr_and_nonzero_exit(tmp_path: Path) -> None:
    bad = tmp_path / "tom.txt"
    bad.write_bytes(b"")
    result = radsdok("parse", str(bad))
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "tom.txt" in result.stderr


def test_unknown_extension_is_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "dokument.docx"
    bad.write_bytes(b"PK")
    result = radsdok("parse", str(bad))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "dokument.docx" in result.stderr


def test_schema_is_the_document_json_schema() -> None:
    result = radsdok("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Document"
    assert {"authors", "addressees", "questions", "quotes", "case_numbers", "proposals"} <= set(
        schema["properties"]
    )


def test_eval_prints_field_scores_for_samples() -> None:
    result = radsdok("eval", str(SAMPLES))
    assert result.returncode == 0, result.stderr
    assert "questions" in result.stdout
    assert "kind accuracy" in result.stdout


def test_eval_floor_below_score_fails() -> None:
    result = radsdok("eval", str(SAMPLES), "--min", "questions=1.01")
    assert result.returncode == 3


def test_parse_corpus_seed_if_present() -> None:
    seed = CORPUS / "municipal" / "norrkoping_interpellation_2023_seed.txt"
    if not seed.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    result = radsdok("parse", "--no-text", str(seed))
    assert json.loads(result.stdout)["municipality"] == "Norrköping"


def test_a_bug_in_one_document_fails_that_file_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import radsdok
    from radsdok.components import quotes

    good = tmp_path / "a.txt"
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_text("Interpellation om BOOM till ordföranden.\n\nHur går det?", encoding="utf-8")
    real = quotes.find_quotes

    def exploding(text: str) -> list:
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(quotes, "find_quotes", exploding)
    parser = radsdok.Parser()
    results = list(parser.pipe([good, bad, good]))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    failure = results[1]
    assert isinstance(failure, radsdok.Failure)
    assert isinstance(failure.error, radsdok.ParseFailed)
    assert "b.txt" in str(failure.error)


def test_eval_refuses_to_list_errors_of_the_check_set(tmp_path: Path) -> None:
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"check": {"site": ["x"]}}), encoding="utf-8")
    result = radsdok("eval", str(SAMPLES), "--split", str(split), "--part", "check", "--errors", "5")
    assert result.returncode == 2
    assert "check set" in result.stderr


def test_eval_development_part_leaves_the_check_documents_out(tmp_path: Path) -> None:
    every = sorted(p.stem for p in SAMPLES.glob("*.gold.json"))
    aside = every[0].removesuffix(".gold")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"check": {"site": [aside]}}), encoding="utf-8")
    development = radsdok("eval", str(SAMPLES), "--split", str(split), "--part", "development")
    check = radsdok("eval", str(SAMPLES), "--split", str(split), "--part", "check")
    assert development.returncode == 0, development.stderr
    assert check.stdout.startswith("1 documents")
    assert development.stdout.startswith(f"{len(every) - 1} documents")
