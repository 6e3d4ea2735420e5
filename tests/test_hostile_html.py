"""Hostile web pages: a 50 MB page of nested tags, a page of a million elements, one run of
text past the parser's buffer, tags nested past the parser's depth limit, entity expansion
and external entities in an XHTML DOCTYPE. Each is refused with a typed error naming the
file, or read within bounds; the large ones in a child process that reports its own time
and peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from radsdok.errors import FileTooLarge
from radsdok.reading import read_file

PEAK_LIMIT_MB = 400
SECONDS_LIMIT = 30.0
SIZE = 49_000_000  # under the default max_bytes of 50 MB, so the reader itself must cope

# Runs in the child: read the file, print the outcome, the time taken and the peak memory.
CHILD = """
import json, resource, sys, time
import radsdok
from radsdok.reading import read_file
started = time.perf_counter()
try:
    source = read_file(sys.argv[1])
    outcome = {"chars": len(source.text), "warnings": [w.code for w in source.warnings],
               "start": source.text[:60], "end": source.text[-60:]}
except radsdok.RadsdokError as exc:
    outcome = {"error": type(exc).__name__, "message": str(exc)}
outcome["seconds"] = time.perf_counter() - started
status = open("/proc/self/status").read()
hwm = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
outcome["peak_mb"] = int(hwm[0]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""


def read_in_child(path: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    outcome: dict[str, object] = json.loads(result.stdout)
    assert float(outcome["peak_mb"]) < PEAK_LIMIT_MB, outcome  # type: ignore[arg-type]
    assert float(outcome["seconds"]) < SECONDS_LIMIT, outcome  # type: ignore[arg-type]
    return outcome


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("nested-divs.html", b"<html><body>" + b"<div>" * (SIZE // 5), "HTML elements"),
        ("million-paragraphs.html", b"<html><body>" + b"<p>x</p>" * (SIZE // 8), "HTML elements"),
        ("one-text-run.html", b"<html><body><p>" + b"ord " * 3_000_000 + b"</p></body></html>", "10 MB"),
    ],
)
def test_a_50_mb_hostile_page_is_refused_quickly_naming_the_file(
    name: str, data: bytes, says: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = read_in_child(path)
    assert outcome.get("error") == "FileTooLarge", outcome
    assert name in str(outcome["message"]) and says in str(outcome["message"])


def test_tags_nested_past_the_parsers_depth_are_refused_not_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    body = b"<p>Motion om skolan.</p>" + b"<div>" * 300 + b"djupt" + b"</div>" * 300 + b"<p>Anna Berg (V)</p>"
    path.write_bytes(b"<html><body>" + body + b"</body></html>")
    with pytest.raises(FileTooLarge, match="256 levels"):
        read_file(path)


def test_tags_nested_within_the_depth_limit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    body = b"<div>" * 240 + b"<p>Motion om skolan.</p><p>Anna Berg (V)</p>" + b"</div>" * 240
    path.write_bytes(b"<html><body>" + body + b"</body></html>")
    assert read_file(path).text == "Motion om skolan.\n\nAnna Berg (V)"


def test_a_20_mb_page_of_40000_paragraphs_is_read_within_bounds(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.html"
    paragraphs = "".join(f"<p>Paragraf {n}: " + "ord " * 120 + "</p>" for n in range(40_000))
    path.write_text(
        f"<html><head><title>Protokoll</title></head><body><nav>Meny</nav><main>{paragraphs}</main></body></html>",
        encoding="utf-8",
    )
    outcome = read_in_child(path)
    assert "error" not in outcome, outcome
    assert str(outcome["start"]).startswith("Protokoll\n\nParagraf 0: ord ord")
    assert str(outcome["end"]).endswith("ord")
    assert outcome["warnings"] == ["no-main-content"]


LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY a "aaaaaaaaaa">\n'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">\n<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">\n'
    b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">\n<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">\n]>\n'
    b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Motion om parkering</title></head>'
    b"<body><h1>Motion om parkering</h1><p>Vi yrkar &g;&g;&g;&g;&g;&g;&g;&g;&g;&g; att kommunen bygger.</p>"
    b"<p>Anna Berg (V)</p></body></html>"
)


def test_entities_declared_in_an_xhtml_doctype_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xhtml"
    path.write_bytes(LAUGHS)
    source = read_file(path)
    assert "aaaa" not in source.text and len(source.text) < 500
    assert source.text.startswith("Motion om parkering\n\nVi yrkar &g;&g;")
    assert "]>" not in source.text and "ENTITY" not in source.text


def test_an_external_entity_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "hemligt.txt"
    secret.write_text("HEMLIGT LÖSENORD", encoding="utf-8")
    path = tmp_path / "xxe.xhtml"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://'
        + str(secret).encode()
        + b'">]><html><body><p>Motion om skolan &x; och mer.</p><p>Anna Berg (V)</p></body></html>'
    )
    text = read_file(path).text
    assert "HEMLIGT" not in text and "Motion om skolan &x; och mer." in text
