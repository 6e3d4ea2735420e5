"""Starting quickly: help, schema and argument errors answer without importing spaCy or
loading a model; the model is loaded on first use, once per process. (Timings are in
benchmarks/startup.py; here only what gets imported is checked.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import sample_paths

# Runs the command line in-process, then reports on stderr, as JSON on its last line, which
# heavy modules it imported and how many pipelines it built.
_PROBE = """
import atexit, json, sys

HEAVY = ("spacy", "thinc", "pdfplumber", "radsdok.components")


def report():
    from radsdok import parser

    imported = [m for m in HEAVY if m in sys.modules]
    sys.stderr.write("\\n" + json.dumps({"imported": imported, "built": len(parser._DEFAULT)}) + "\\n")


atexit.register(report)
sys.argv = ["radsdok", *sys.argv[1:]]
from radsdok.cli import main

main()
"""


def _run(*args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=300
    )
    return result, json.loads(result.stderr.splitlines()[-1])


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["parse", "--help"],
        ["dataset", "--help"],
        ["eval", "--help"],
        [],
        ["parse"],  # missing argument
        ["parse", "--analysis", "everything", "x.txt"],  # bad choice
        ["parse", "--no-such-option", "x.txt"],
    ],
)
def test_help_and_argument_errors_do_not_import_spacy(args: list[str]) -> None:
    result, report = _run(*args)
    assert report == {"imported": [], "built": 0}
    assert result.returncode in (0, 2), result.stderr


def test_schema_does_not_import_spacy() -> None:
    result, report = _run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Document"
    assert report == {"imported": [], "built": 0}


def test_no_files_found_is_reported_without_loading_the_model(tmp_path: Path) -> None:
    result, report = _run("parse", str(tmp_path))
    assert result.returncode == 1
    assert "no supported files found" in result.stderr
    assert report == {"imported": [], "built": 0}


def test_a_parse_does_import_spacy() -> None:  # the probe above sees imports
    sample = sample_paths()[0]
    result, report = _run("parse", "--no-text", str(sample), str(sample))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert "spacy" in report["imported"]


def test_importing_radsdok_does_not_import_spacy_until_a_parser_is_asked_for() -> None:
    code = (
        "import sys, radsdok\n"
        "assert 'spacy' not in sys.modules and 'pydantic' not in sys.modules\n"
        "assert radsdok.Document.__name__ == 'Document' and 'spacy' not in sys.modules\n"
        "parser = radsdok.load('blank')\n"
        "assert 'spacy' in sys.modules and radsdok.load('blank') is parser\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_the_parsers_names_for_models_agree_with_the_pipelines() -> None:
    from radsdok import parser, pipeline

    assert (parser.DEFAULT, parser.FAST) == (pipeline.DEFAULT, pipeline.FAST)


def test_every_public_name_of_radsdok_resolves() -> None:
    import radsdok

    for name in radsdok.__all__:
        assert getattr(radsdok, name) is not None
    with pytest.raises(AttributeError):
        radsdok.no_such_name  # noqa: B018
