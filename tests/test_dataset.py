"""radsdok.dataset: many files -> rows (JSONL, CSV, Parquet), in parallel, resumable after a kill."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import radsdok
from radsdok import dataset
from radsdok.dataset import (
    COLUMNS,
    DatasetInterrupted,
    MissingDependency,
    column_names,
    columns_markdown,
    errors_path,
    no_questions_path,
    read_rows,
    write_dataset,
)

from .conftest import CORPUS, ROOT, sample_paths

try:
    import pyarrow  # noqa: F401

    HAVE_PYARROW = True
except ImportError:
    HAVE_PYARROW = False

needs_pyarrow = pytest.mark.skipif(
    not HAVE_PYARROW, reason="pyarrow (the radsdok[parquet] extra) is not installed"
)
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and sends POSIX signals")
SAMPLES = sample_paths()


def copy_samples(folder: Path, count: int | None = None) -> list[Path]:
    """`count` copies of the samples (cycling through them) under distinct names, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    count = len(SAMPLES) if count is None else count
    out = []
    for i in range(count):
        source = SAMPLES[i % len(SAMPLES)]
        target = folder / f"{i:03d}_{source.name}"
        shutil.copyfile(source, target)
        out.append(target)
    return out


def rows_of(path: Path) -> list[dict]:
    return list(read_rows(path))


def by_source(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row["source"], []).append(row)
    return out


def sort_key(row: dict) -> tuple:
    return (row["source"], row.get("position") or 0)


# ------------------------------------------------------------------ columns


def test_columns_are_defined_once_for_rows_schema_and_readme() -> None:
    for kind in ("questions", "documents"):
        names = column_names(kind)
        assert len(names) == len(set(names))
        if HAVE_PYARROW:
            assert dataset.arrow_schema(kind).names == names
    table = columns_markdown()
    assert all(f"| `{c.name}` | `{c.type}` |" in table for c in COLUMNS)
    assert {"question", "position", "start", "end", "page"} <= set(column_names("questions"))
    assert "question" not in column_names("documents") and "questions" in column_names("documents")


def test_readme_columns_table_is_the_generated_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if "`question_count`" not in readme:
        pytest.skip("the README has no dataset columns table yet")
    assert columns_markdown() in readme


# ------------------------------------------------------------------ rows = parse


def test_question_rows_are_the_questions_parse_gives(tmp_path: Path, parser: radsdok.Parser) -> None:
    out = tmp_path / "q.jsonl"
    summary = write_dataset(SAMPLES, out)
    rows = by_source(rows_of(out))
    assert summary.documents == len(SAMPLES) and summary.failures == 0
    total = 0
    for path in SAMPLES:
        doc = parser.parse(path)
        got = rows.get(str(path), [])
        total += len(doc.questions)
        assert [r["question"] for r in got] == [q.text for q in doc.questions], path.name
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        for position, (row, question) in enumerate(zip(got, doc.questions, strict=True)):
            assert row["position"] == position
            assert (row["start"], row["end"], row["page"], row["rule"]) == (
                question.evidence.start,
                question.evidence.end,
                question.evidence.page,
                question.evidence.rule,
            )
            assert row["sha256"] == sha and row["question_count"] == len(doc.questions)
            assert (row["kind"], row["title"], row["date"], row["municipality"], row["body"]) == (
                doc.kind,
                doc.title,
                doc.date,
                doc.municipality,
                doc.body,
            )
            assert row["author_names"] == [a.name for a in doc.authors]
            assert row["author_parties"] == [a.party for a in doc.authors]
            assert row["addressee_names"] == [a.name for a in doc.addressees]
            assert row["addressee_roles"] == [a.role for a in doc.addressees]
            assert row["case_numbers"] == [c.text for c in doc.case_numbers]
    assert summary.questions == summary.rows == total > 0


def test_corpus_dataset_has_a_row_per_question_and_no_missing_source(
    tmp_path: Path, parser: radsdok.Parser
) -> None:
    folder = CORPUS / "riksdagen"
    if not folder.is_dir():
        pytest.skip("../shared/corpus/riksdagen is not present")
    files = sorted(folder.glob("*.txt"))[:60]
    out = tmp_path / ("q.parquet" if HAVE_PYARROW else "q.jsonl")
    write_dataset(files, out, workers=2)
    rows = by_source(rows_of(out))
    for path in files:
        doc = parser.parse(path)
        assert [r["question"] for r in rows.get(str(path), [])] == [q.text for q in doc.questions]
    assert set(rows) <= {str(p) for p in files}


def test_document_rows_give_one_row_per_file_even_without_questions(tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    summary = write_dataset(SAMPLES, out, rows="documents")
    rows = rows_of(out)
    assert [r["source"] for r in rows] == [str(p) for p in SAMPLES]
    assert summary.rows == len(SAMPLES)
    assert any(r["question_count"] == 0 and r["questions"] == [] for r in rows)
    assert all(len(r["questions"]) == r["question_count"] for r in rows)
    assert list(rows[0]) == column_names("documents")


@pytest.mark.parametrize("fmt", ["csv", pytest.param("parquet", marks=needs_pyarrow)])
def test_every_format_holds_the_same_rows_as_jsonl(tmp_path: Path, fmt: str, parser: radsdok.Parser) -> None:
    copy_samples(tmp_path / "in")
    # a source with a quote, a comma and a newline in it: CSV must quote it, and read it back whole
    most = max(SAMPLES, key=lambda p: len(parser.parse(p).questions))
    shutil.copyfile(most, tmp_path / "in" / 'zz "citat", komma\nny rad.txt')
    write_dataset(tmp_path / "in", tmp_path / "q.jsonl")
    write_dataset(tmp_path / "in", tmp_path / f"q.{fmt}")
    expected = rows_of(tmp_path / "q.jsonl")
    assert any("\n" in r["source"] for r in expected)
    assert any(r["page"] is None and r["author_names"] for r in expected)  # nulls and lists
    assert rows_of(tmp_path / f"q.{fmt}") == expected
    again = write_dataset(tmp_path / "in", tmp_path / f"q.{fmt}", resume=True)  # resume reads it back
    assert again.documents == 0 and again.skipped == again.files
    assert rows_of(tmp_path / f"q.{fmt}") == expected


def test_two_workers_write_the_same_rows_in_the_same_order_as_one(tmp_path: Path) -> None:
    copy_samples(tmp_path / "in", 40)
    one = write_dataset(tmp_path / "in", tmp_path / "one.jsonl", workers=1)
    two = write_dataset(tmp_path / "in", tmp_path / "two.jsonl", workers=2, chunk_size=3)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (one.documents, one.rows) == (two.documents, two.rows) == (40, one.rows)


def test_inputs_may_be_globs_and_a_file_named_twice_is_parsed_once(tmp_path: Path) -> None:
    files = copy_samples(tmp_path / "in", 4)
    summary = write_dataset(
        [str(tmp_path / "in" / "*.txt"), files[0]], tmp_path / "d.jsonl", rows="documents"
    )
    sources = [r["source"] for r in rows_of(tmp_path / "d.jsonl")]
    assert sources == sorted(str(p) for p in files if p.suffix == ".txt")
    assert summary.files == len(sources)


# ------------------------------------------------------------------ failures


def test_failed_files_go_to_the_errors_file_and_the_run_goes_on(tmp_path: Path) -> None:
    files = copy_samples(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "q.jsonl"
    summary = write_dataset(tmp_path / "in", out, rows="documents")
    assert summary.failures == 2 and summary.documents == 3
    assert "2 failures" in summary.format()
    errors = [json.loads(line) for line in errors_path(out).read_text(encoding="utf-8").splitlines()]
    assert errors_path(out) == tmp_path / "q.errors.jsonl"
    assert {Path(e["source"]).name: e["error"] for e in errors} == {
        "broken.pdf": "unreadable-pdf",
        "empty.txt": "empty",
    }
    assert all(e["message"] and len(e["sha256"]) == 64 for e in errors)
    assert [r["source"] for r in rows_of(out)] == [str(p) for p in files]
    assert not no_questions_path(out).exists()  # every parsed document has its row here


def test_documents_without_questions_are_listed_beside_a_question_dataset(
    tmp_path: Path, parser: radsdok.Parser
) -> None:
    out = tmp_path / "q.jsonl"
    write_dataset(SAMPLES, out)
    listed = [json.loads(line) for line in no_questions_path(out).read_text(encoding="utf-8").splitlines()]
    assert no_questions_path(out) == tmp_path / "q.no-questions.jsonl"
    assert [r["source"] for r in listed] == [str(p) for p in SAMPLES if not parser.parse(p).questions]
    assert listed and not {r["source"] for r in listed} & {r["source"] for r in rows_of(out)}


def test_parquet_without_pyarrow_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingDependency, match=r"radsdok\[parquet\]"):
        write_dataset(SAMPLES[:1], tmp_path / "q.parquet")
    assert not list(tmp_path.iterdir())


def test_dask_api_without_dask_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import radsdok.dask

    for name in ("dask", "dask.bag", "dask.dataframe"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingDependency, match=r"radsdok\[dask\]"):
        radsdok.dask.read_documents(SAMPLES[:1])
    with pytest.raises(MissingDependency, match=r"radsdok\[dask\]"):
        radsdok.dask.questions_frame(SAMPLES[:1])


def test_unknown_output_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"parquet, \.csv or \.jsonl"):
        write_dataset(SAMPLES[:1], tmp_path / "q.xlsx")


# ------------------------------------------------------------------ resume


@pytest.mark.parametrize("fmt", ["jsonl", "csv", pytest.param("parquet", marks=needs_pyarrow)])
def test_resume_skips_files_done_and_appends_the_rest(tmp_path: Path, fmt: str) -> None:
    files = copy_samples(tmp_path / "in", 12)
    (tmp_path / "in" / "000_empty.txt").write_bytes(b"")
    write_dataset(tmp_path / "in", tmp_path / f"clean.{fmt}")
    later = files[6:]
    hidden = tmp_path / "later"
    hidden.mkdir()
    for path in later:
        path.rename(hidden / path.name)
    first = write_dataset(tmp_path / "in", tmp_path / f"q.{fmt}")
    for path in later:
        (hidden / path.name).rename(path)
    second = write_dataset(tmp_path / "in", tmp_path / f"q.{fmt}", resume=True)
    assert first.failures == 1 and second.failures == 0  # the empty file is not tried again
    assert second.skipped == first.files == 7 and second.documents == len(later)
    assert rows_of(tmp_path / f"q.{fmt}") == rows_of(tmp_path / f"clean.{fmt}")
    for side in (errors_path, no_questions_path):
        assert side(tmp_path / f"q.{fmt}").read_text() == side(tmp_path / f"clean.{fmt}").read_text()


def test_resume_drops_a_half_written_record_and_an_unfinished_file(
    tmp_path: Path, parser: radsdok.Parser
) -> None:
    copy_samples(tmp_path / "in", 8)
    most = max(SAMPLES, key=lambda p: len(parser.parse(p).questions))
    shutil.copyfile(most, tmp_path / "in" / f"zzz_{most.name}")  # written last, with several rows
    clean = tmp_path / "clean.jsonl"
    write_dataset(tmp_path / "in", clean)
    data = clean.read_bytes()
    lines = data.splitlines(keepends=True)
    last = json.loads(lines[-1])
    assert last["question_count"] > 1
    for cut in (len(data) - 7, len(data) - len(lines[-1])):  # half a line; a file missing its last row
        broken = tmp_path / "q.jsonl"
        broken.write_bytes(data[:cut])
        shutil.copyfile(no_questions_path(clean), no_questions_path(broken))
        summary = write_dataset(tmp_path / "in", broken, resume=True)
        assert broken.read_bytes() == data
        assert any("dropped" in note for note in summary.notes)
        assert (summary.skipped, summary.documents) == (8, 1)


def test_csv_records_with_newlines_inside_quotes_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b'a,b\n1,"two\nlines ""q"""\n3,4\n5,"unfinished\n')
    records = [r for _, r in dataset._whole_records(path, quoted=True)]
    assert records == [b"a,b\n", b'1,"two\nlines ""q"""\n', b"3,4\n"]


def test_resume_refuses_an_output_with_other_columns(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    write_dataset(SAMPLES[:2], out, rows="documents")
    with pytest.raises(dataset.DamagedOutput, match="other columns"):
        write_dataset(SAMPLES[:2], out, rows="questions", resume=True)


@needs_pyarrow
def test_parquet_resume_after_a_kill_between_consolidation_and_cleanup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_samples(tmp_path / "in", 10)
    write_dataset(tmp_path / "in", tmp_path / "clean.parquet")
    out = tmp_path / "q.parquet"
    monkeypatch.setattr(dataset._ParquetWriter, "PART_ROWS", 4)
    with monkeypatch.context() as m:  # the run dies after os.replace, before the parts are removed
        m.setattr(dataset.shutil, "rmtree", lambda *a, **k: None)
        write_dataset(tmp_path / "in", out)
    parts = out.with_name("q.parquet.parts")
    assert len(list(parts.glob("part-*.parquet"))) > 1
    out.with_name("q.parquet.tmp").write_bytes(b"half a consolidation")
    summary = write_dataset(tmp_path / "in", out, resume=True)
    assert rows_of(out) == rows_of(tmp_path / "clean.parquet")
    assert not parts.exists() and not out.with_name("q.parquet.tmp").exists()
    assert summary.documents <= 10 - len({r["source"] for r in rows_of(out)})


@needs_pyarrow
def test_ctrl_c_leaves_a_readable_output_and_resume_finishes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_samples(tmp_path / "in", 12)
    write_dataset(tmp_path / "in", tmp_path / "clean.parquet")
    real = dataset.parse_chunk
    calls = []

    def interrupted_on_third_chunk(*args: object) -> list:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args)

    out = tmp_path / "q.parquet"
    with monkeypatch.context() as m:
        m.setattr(dataset, "parse_chunk", interrupted_on_third_chunk)
        with pytest.raises(DatasetInterrupted) as caught:
            write_dataset(tmp_path / "in", out, chunk_size=2)
    assert caught.value.summary.interrupted and caught.value.summary.documents == 4
    assert "--resume" in caught.value.summary.format()
    partial = rows_of(out)
    assert {r["source"] for r in partial} <= {r["source"] for r in rows_of(tmp_path / "clean.parquet")}
    write_dataset(tmp_path / "in", out, resume=True)
    assert rows_of(out) == rows_of(tmp_path / "clean.parquet")


KILLED_RUN = """
import sys, time
import radsdok.parser
from radsdok import dataset

read = radsdok.parser.Parser.read
def slow_read(self, path):
    time.sleep(0.08)
    return read(self, path)
radsdok.parser.Parser.read = slow_read
dataset._ParquetWriter.PART_SECONDS = 0.0
try:
    dataset.write_dataset(sys.argv[1], sys.argv[2], workers=int(sys.argv[3]), chunk_size=2)
except dataset.DatasetInterrupted as exc:
    print(exc.summary.documents, exc.summary.failures)
    sys.exit(130)
"""


def _written(out: Path) -> int:
    if out.suffix == ".parquet":
        parts = out.with_name(out.name + ".parts")
        return len(list(parts.glob("part-*.parquet"))) if parts.is_dir() else 0
    return out.read_bytes().count(b"\n") - (out.suffix == ".csv") if out.exists() else 0


def _processes_running(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_text(errors="replace"):
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


@linux_only
@pytest.mark.parametrize(
    ("fmt", "workers"), [("jsonl", 1), ("csv", 2), pytest.param("parquet", 2, marks=needs_pyarrow)]
)
def test_killed_run_resumed_gives_the_rows_of_an_uninterrupted_run(
    tmp_path: Path, fmt: str, workers: int
) -> None:
    copy_samples(tmp_path / "in", 30)
    (tmp_path / "in" / "015_empty.txt").write_bytes(b"")
    write_dataset(tmp_path / "in", tmp_path / f"clean.{fmt}")
    script = tmp_path / "killed_run.py"
    script.write_text(KILLED_RUN, encoding="utf-8")
    out = tmp_path / f"q.{fmt}"
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "in"), str(out), str(workers)])
    deadline = time.monotonic() + 30
    while _written(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    for _ in range(60):  # the workers notice their parent is gone and leave
        if not _processes_running(str(script)):
            break
        time.sleep(0.1)
    assert _processes_running(str(script)) == []

    summary = write_dataset(tmp_path / "in", out, resume=True, workers=workers)
    assert 0 < summary.skipped < 31, "the kill must come half-way"
    got, clean = rows_of(out), rows_of(tmp_path / f"clean.{fmt}")
    assert sorted(got, key=sort_key) == sorted(clean, key=sort_key)
    assert got == clean  # and in the same order
    for side in (errors_path, no_questions_path):
        assert side(out).read_text(encoding="utf-8") == side(tmp_path / f"clean.{fmt}").read_text(
            encoding="utf-8"
        )


@linux_only
@pytest.mark.parametrize(
    ("fmt", "sig", "group"),
    [("jsonl", signal.SIGTERM, False), pytest.param("parquet", signal.SIGINT, True, marks=needs_pyarrow)],
    ids=["sigterm-to-main", "ctrl-c-to-process-group"],
)
def test_interrupted_run_stops_cleanly_with_a_readable_output(
    tmp_path: Path, fmt: str, sig: signal.Signals, group: bool
) -> None:
    copy_samples(tmp_path / "in", 30)
    write_dataset(tmp_path / "in", tmp_path / f"clean.{fmt}")
    script = tmp_path / "interrupted_run.py"
    script.write_text(KILLED_RUN, encoding="utf-8")
    out = tmp_path / f"q.{fmt}"
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "in"), str(out), "2"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while _written(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    stdout, _ = proc.communicate(timeout=30)
    assert proc.returncode == 130
    documents = int(stdout.split()[0])
    assert 0 < documents < 30
    partial, clean = rows_of(out), rows_of(tmp_path / f"clean.{fmt}")
    assert partial == clean[: len(partial)]  # whole files, in order: a prefix of the full run
    assert not out.with_name(out.name + ".parts").exists()
    assert _processes_running(str(script)) == []
    write_dataset(tmp_path / "in", out, resume=True)
    assert rows_of(out) == clean


# ------------------------------------------------------------------ progress and CLI


def test_progress_bar_shows_files_per_second_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_dataset(SAMPLES[:4], tmp_path / "q.jsonl", progress=True)
    err = capsys.readouterr().err
    assert "4/4" in err and "radsdok dataset" in err


def test_cli_dataset_command_writes_rows_and_a_summary(tmp_path: Path) -> None:
    from radsdok import cli

    if "dataset" not in {c.name or c.callback.__name__ for c in cli.app.registered_commands}:
        pytest.skip("the `radsdok dataset` command is not wired into cli.py yet")
    copy_samples(tmp_path / "in", 3)
    out = tmp_path / "d.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "radsdok.cli",
            "dataset",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "--rows",
            "documents",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(rows_of(out)) == 3
    assert "3 documents" in result.stderr
