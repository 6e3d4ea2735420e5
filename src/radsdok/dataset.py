"""Many files -> one table of rows (a row per question, or per document), in parallel, resumable.

`write_dataset(inputs, "questions.parquet")` parses every supported file under `inputs` and
writes JSONL, CSV or Parquet (pyarrow, the `radsdok[parquet]` extra). The columns are defined
once, in `COLUMNS`; the README table (`columns_markdown()`) and the Arrow schema
(`arrow_schema()`) are made from it.

Crash and resume design:

- Files are parsed in input order and their rows written in that order, a file's rows
  together (`rows="questions"`: rows `position` 0 .. `question_count` - 1, one after another).
  A failed file is a line in `<output stem>.errors.jsonl` instead.
- JSONL/CSV: each file's rows are appended as one write and flushed. `resume=True` reads the
  output back, drops an unfinished tail (a partial record, or a file with fewer rows than its
  `question_count`: what a killed process can leave) by truncating the file, and skips every
  file whose (`source`, `sha256`) is in the output or in a side file.
- Parquet: rows go to part files in `<output>.parts/`, each written to a temporary name and
  renamed into place, so a part is whole or absent. At the end (and on Ctrl-C) the existing
  output and the parts are streamed into `<output>.tmp`, which `os.replace` puts in place of
  the output; then the parts are removed. A kill at any point leaves the previous output (or
  none) and whole parts; `resume=True` takes both into account (a part whose rows are already
  in the output was consolidated before the kill and is dropped).
- A document without questions has no row in a per-question dataset; it is a line in
  `<output stem>.no-questions.jsonl`, so a resumed run need not parse it again.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import hashlib
import io
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .models import Document, Question
from .parser import Failure, expand_paths, load
from .pipeline import DEFAULT
from .privacy import Masking, mask
from .reading.ocr_modes import DEFAULT_OCR

if TYPE_CHECKING:
    import pyarrow as pa

RowKind = Literal["questions", "documents"]
ROW_KINDS: tuple[RowKind, ...] = ("questions", "documents")
FORMATS = ("jsonl", "csv", "parquet")

_BOTH = ("questions", "documents")
_QUESTIONS = ("questions",)
_DOCUMENTS = ("documents",)


class MissingDependency(ImportError):
    """An optional dependency (an extra) is not installed."""


@dataclass(frozen=True)
class _Row:
    doc: Document
    sha256: str | None
    position: int | None = None
    question: Question | None = None


@dataclass(frozen=True)
class Column:
    """One output column: its name, type, what it holds, which row kinds have it, and its value."""

    name: str
    type: str  # "string", "int32", "int64" or "list<string>"
    description: str
    rows: tuple[str, ...]
    value: Callable[[_Row], Any] = field(repr=False, compare=False)


def _q(row: _Row) -> Question:
    assert row.question is not None
    return row.question


# The one definition of the dataset's columns, in output order. Names and types are a contract.
# fmt: off
COLUMNS: tuple[Column, ...] = (
    Column("source", "string", "The file, as named or as found under a named folder.",
           _BOTH, lambda r: r.doc.source),
    Column("sha256", "string", "SHA-256 of the file's bytes (hex); with `source`, what `--resume` skips by.",
           _BOTH, lambda r: r.sha256),
    Column("position", "int32", "The question's index in its document, from 0.",
           _QUESTIONS, lambda r: r.position),
    Column("question", "string", "The question exactly as written, without numbering or bullets.",
           _QUESTIONS, lambda r: _q(r).text),
    Column("page", "int32", "1-based PDF page of the question; null for text files.",
           _QUESTIONS, lambda r: _q(r).evidence.page),
    Column("start", "int64", "Offset of the question's first character in the document text.",
           _QUESTIONS, lambda r: _q(r).evidence.start),
    Column("end", "int64", "Offset one past the question's last character.",
           _QUESTIONS, lambda r: _q(r).evidence.end),
    Column("rule", "string", "The rule that found the question, e.g. `questions:question-mark`.",
           _QUESTIONS, lambda r: _q(r).evidence.rule),
    Column("question_count", "int32", "Number of questions in the document.",
           _BOTH, lambda r: len(r.doc.questions)),
    Column("questions", "list<string>", "The document's questions, in order.",
           _DOCUMENTS, lambda r: [q.text for q in r.doc.questions]),
    Column("kind", "string", "`interpellation`, `motion`, `fraga`, `medborgarforslag`, `svar`, "
           "`tjansteskrivelse`, `protokoll`, `kallelse` or `other`.",
           _BOTH, lambda r: r.doc.kind),
    Column("title", "string", "The document's heading.",
           _BOTH, lambda r: r.doc.title),
    Column("date", "string", "The document's date, ISO `YYYY-MM-DD`.",
           _BOTH, lambda r: r.doc.date),
    Column("municipality", "string", "The municipality (or region), e.g. `Norrköping`.",
           _BOTH, lambda r: r.doc.municipality),
    Column("body", "string", "The assembly or board addressed, e.g. `kommunfullmäktige`.",
           _BOTH, lambda r: r.doc.body),
    Column("author_names", "list<string>", "The signers' names, in order; null where only a party signs.",
           _BOTH, lambda r: [a.name for a in r.doc.authors]),
    Column("author_parties", "list<string>", "Each signer's party (V, S, M, SD, C, KD, L, MP or a local "
           "party's name), aligned with `author_names`.",
           _BOTH, lambda r: [a.party for a in r.doc.authors]),
    Column("addressee_names", "list<string>", "Who is asked, in order; null where only a role is given.",
           _BOTH, lambda r: [a.name for a in r.doc.addressees]),
    Column("addressee_roles", "list<string>", "Each addressee's role, aligned with `addressee_names`.",
           _BOTH, lambda r: [a.role for a in r.doc.addressees]),
    Column("addressee_parties", "list<string>", "Each addressee's party, aligned with `addressee_names`.",
           _BOTH, lambda r: [a.party for a in r.doc.addressees]),
    Column("case_numbers", "list<string>", "Diarienummer as written, without the label word.",
           _BOTH, lambda r: [c.text for c in r.doc.case_numbers]),
    Column("warnings", "list<string>", "Codes of what radsdok was unsure of or worked around.",
           _DOCUMENTS, lambda r: [w.code for w in r.doc.warnings]),
    Column("pages", "int32", "Number of PDF pages; null for text files.",
           _BOTH, lambda r: r.doc.pages),
)
# fmt: on


def columns(rows: RowKind = "questions") -> tuple[Column, ...]:
    """The columns of a dataset with one row per question or per document, in output order."""
    if rows not in ROW_KINDS:
        raise ValueError(f"rows must be one of {', '.join(ROW_KINDS)}, not {rows!r}")
    return tuple(c for c in COLUMNS if rows in c.rows)


def column_names(rows: RowKind = "questions") -> list[str]:
    return [c.name for c in columns(rows)]


def columns_markdown() -> str:
    """The README table of the columns (generated from COLUMNS)."""
    lines = ["| column | type | per question | per document | what |", "|---|---|---|---|---|"]
    for c in COLUMNS:
        marks = ["✓" if kind in c.rows else "" for kind in ROW_KINDS]
        lines.append(f"| `{c.name}` | `{c.type}` | {marks[0]} | {marks[1]} | {c.description} |")
    return "\n".join(lines)


def _require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.json
        import pyarrow.parquet
    except ImportError as exc:
        raise _no_pyarrow() from exc
    return pyarrow


def _no_pyarrow() -> MissingDependency:
    return MissingDependency(
        "Parquet output needs pyarrow: pip install 'radsdok[parquet]' (or write .jsonl / .csv)"
    )


def _check_pyarrow() -> None:
    """Fail now if pyarrow is missing, without paying for its import yet."""
    import importlib.util

    try:
        found = (
            sys.modules["pyarrow"] is not None
            if "pyarrow" in sys.modules
            else importlib.util.find_spec("pyarrow")
        )
    except (ImportError, ValueError):
        found = None
    if not found:
        raise _no_pyarrow()


def arrow_type(type_name: str) -> pa.DataType:
    pa = _require_pyarrow()
    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64()}
    return pa.list_(pa.string()) if type_name == "list<string>" else types[type_name]


def arrow_schema(rows: RowKind = "questions") -> pa.Schema:
    """The pyarrow schema of the dataset (needs the `parquet` extra)."""
    pa = _require_pyarrow()
    return pa.schema([pa.field(c.name, arrow_type(c.type), nullable=True) for c in columns(rows)])


def document_rows(doc: Document, sha256: str | None = None, rows: RowKind = "questions") -> list[tuple]:
    """The rows of one document, as tuples in `column_names(rows)` order."""
    cols = columns(rows)
    if rows == "documents":
        return [tuple(c.value(_Row(doc, sha256)) for c in cols)]
    return [tuple(c.value(_Row(doc, sha256, i, q)) for c in cols) for i, q in enumerate(doc.questions)]


def file_sha256(path: str | Path) -> str | None:
    """SHA-256 (hex) of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def collect_paths(inputs: str | Path | Iterable[str | Path]) -> Iterator[Path]:
    """Supported files from files, folders (recursively, sorted) and glob patterns, in order."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        text = str(item)
        if not Path(text).exists() and glob.has_magic(text):
            yield from expand_paths(sorted(glob.glob(text, recursive=True)))
        else:
            yield from expand_paths([item])


# ---------------------------------------------------------------- the work of one worker


class FileResult(NamedTuple):
    """What parsing one file gave: its rows, or its error."""

    source: str
    sha256: str | None
    rows: list[tuple]
    questions: int
    error_code: str | None = None
    error_message: str | None = None


_PARSE_LOCK = threading.Lock()  # one pipeline per process; threads (dask) take turns with it


def _record_maker(rows: str) -> Callable[[Document], list] | None:
    """None for a row kind; else the function named 'module:function' that turns a Document
    into records (the across-documents layer keeps compact records, not Documents)."""
    if rows in ROW_KINDS:
        return None
    import importlib

    module, _, name = rows.partition(":")
    return getattr(importlib.import_module(module), name)


def parse_chunk(
    paths: Sequence[str],
    model: str = DEFAULT,
    pdf_reader: str | None = None,
    rows: RowKind | str = "questions",
    ocr: str = DEFAULT_OCR,
    masking: Masking | None = None,
) -> list[FileResult]:
    """Parse some files with this process's cached pipeline (`radsdok.load`), in order.

    `rows`: a row kind, or a record maker 'module:function' (Document -> list of records),
    which is given the Document with its text. With `masking`, each document's personal data
    is masked before its rows or records are made."""
    maker = _record_maker(rows)
    with _PARSE_LOCK:
        parser = load(model, pdf_reader=pdf_reader, ocr=ocr)
        shas = [file_sha256(p) for p in paths]
        include_text = maker is not None or masking is not None  # both read the text
        try:
            results = list(parser.pipe(paths, include_text=include_text))
        except Exception:  # something outside Parser's own guards: take the files one at a time
            results = [_parse_one(parser, p, include_text) for p in paths]
    out = []
    for path, sha, result in zip(paths, shas, results, strict=True):
        if isinstance(result, Failure):
            out.append(FileResult(str(path), sha, [], 0, result.error.code, result.error.message))
            continue
        if masking is not None:
            result = mask(result, masking)
        if maker is not None:
            out.append(FileResult(str(path), sha, maker(result), len(result.questions)))
        else:
            out.append(FileResult(str(path), sha, document_rows(result, sha, rows), len(result.questions)))  # type: ignore[arg-type]
    return out


def _parse_one(parser: Any, path: str, include_text: bool = False) -> Document | Failure:
    from .errors import ParseFailed, RadsdokError

    try:
        return parser.parse(path, include_text=include_text)
    except RadsdokError as exc:
        return Failure(path, exc)
    except Exception as exc:
        message = f"radsdok failed on this file ({type(exc).__name__}: {exc}); please report it"
        return Failure(path, ParseFailed(path, message))


def _init_worker(model: str, pdf_reader: str, parent: int, ocr: str = DEFAULT_OCR) -> None:
    """ProcessPoolExecutor initializer: build the pipeline once; leave Ctrl-C to the parent; exit
    when the parent is gone (killed), so no worker outlives a killed run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="radsdok-parent-watch").start()
    load(model, pdf_reader=pdf_reader, ocr=ocr)


# ---------------------------------------------------------------- writers


class DamagedOutput(ValueError):
    """An existing output cannot be resumed from."""


def _whole_records(path: Path, quoted: bool, start: int = 0) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of each whole newline-ended record from `start` on; a CSV record may hold
    newlines inside quotes. A trailing unfinished record is not yielded."""
    with open(path, "rb") as fh:
        fh.seek(start)
        pending = b""
        for line in fh:
            pending += line
            if not line.endswith(b"\n"):
                return
            if quoted and pending.count(b'"') % 2:
                continue
            yield start, pending
            start += len(pending)
            pending = b""


Key = tuple[str, "str | None"]
Grouping = Callable[[bytes], tuple[Key, int, int]]


def _scan(path: Path, quoted: bool, parse: Grouping, start: int = 0) -> tuple[set[Key], int]:
    """Keys of the whole files in a row file, and the offset where its whole files end.

    `parse` turns a record into (key, position, count): a file's rows are positions 0..count-1,
    one after another.
    """
    done: set[Key] = set()
    end = start
    group: tuple[Key, int, int] | None = None  # key, count, rows seen
    for offset, record in _whole_records(path, quoted, start):
        try:
            key, position, count = parse(record)
        except DamagedOutput:
            raise
        except Exception as exc:
            raise DamagedOutput(
                f"{path}: cannot read the record at byte {offset} ({exc}); "
                "cannot resume: start again without --resume"
            ) from exc
        if position == 0:
            if group is not None and group[2] != group[1]:
                raise DamagedOutput(
                    f"{path}: the rows of {group[0][0]} before byte {offset} are "
                    "incomplete; cannot resume: start again without --resume"
                )
            group = (key, count, 1)
        elif group is None or group[0] != key or position != group[2]:
            raise DamagedOutput(
                f"{path}: unexpected row at byte {offset}; cannot resume: start again without --resume"
            )
        else:
            group = (key, count, group[2] + 1)
        if group[2] == group[1]:
            done.add(key)
            end = offset + len(record)
    return done, end


def _truncate(path: Path, end: int, notes: list[str]) -> None:
    size = path.stat().st_size
    if size > end:
        with open(path, "r+b") as fh:
            fh.truncate(end)
        notes.append(f"{path}: dropped {size - end} bytes of an unfinished file's rows (interrupted run)")


class _SideLog:
    """A JSONL side file of files (`source`, `sha256`, ...): a line each, appended and flushed at once."""

    def __init__(self, path: Path, resume: bool, notes: list[str]) -> None:
        self.path = path
        self.done: set[Key] = set()
        self._fh: Any = None
        if not resume:
            path.unlink(missing_ok=True)
        elif path.exists():

            def parse(record: bytes) -> tuple[Key, int, int]:
                item = json.loads(record)
                return (item["source"], item["sha256"]), 0, 1

            self.done, end = _scan(path, False, parse)
            _truncate(path, end, notes)

    def write(self, record: dict[str, Any]) -> None:
        if self._fh is None:
            self._fh = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        self._fh.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class _RowWriter:
    """Appends each file's rows to a row file; subclasses encode them."""

    def __init__(self, path: Path, rows: RowKind, resume: bool, notes: list[str]) -> None:
        self.path = path
        self.rows = rows
        self.columns = columns(rows)
        self.names = [c.name for c in self.columns]
        self.done: set[Key] = set()
        if resume and path.exists():
            start = self._rows_start()
            self.done, end = _scan(path, self.quoted, self._parse_key, start)
            _truncate(path, end, notes)
        else:
            path.write_bytes(b"")
        self._fh = open(path, "ab")  # noqa: SIM115 - closed in close()
        if self._fh.tell() == 0:
            self._fh.write(self._header())
            self._fh.flush()

    quoted = False

    def _header(self) -> bytes:
        return b""

    def _rows_start(self) -> int:
        """Offset of the first row in an existing file (after a header)."""
        return 0

    def _other_columns(self) -> DamagedOutput:
        return DamagedOutput(
            f"{self.path} has other columns than a --rows {self.rows} dataset; "
            "cannot resume it (start again without --resume, or name another output)"
        )

    def _parse_key(self, record: bytes) -> tuple[Key, int, int]:
        raise NotImplementedError

    def _encode(self, rows: list[tuple]) -> bytes:
        raise NotImplementedError

    def write(self, result: FileResult) -> None:
        if result.rows:
            self._fh.write(self._encode(result.rows))
            self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _group(names: list[str], values: dict[str, Any]) -> tuple[Key, int, int]:
    key = (values["source"], values["sha256"] or None)
    if "position" in names:
        return key, int(values["position"]), int(values["question_count"])
    return key, 0, 1


class _JsonlWriter(_RowWriter):
    def _parse_key(self, record: bytes) -> tuple[Key, int, int]:
        values = json.loads(record)
        if list(values) != self.names:
            raise self._other_columns()
        return _group(self.names, values)

    def _encode(self, rows: list[tuple]) -> bytes:
        return _jsonl(self.names, rows)


def _jsonl(names: list[str], rows: list[tuple]) -> bytes:
    lines = (json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) for row in rows)
    return "".join(line + "\n" for line in lines).encode()


class _CsvWriter(_RowWriter):
    """CSV with a header; lists as JSON arrays, null as an empty cell; records end with \\n."""

    quoted = True

    def _header(self) -> bytes:
        return (",".join(self.names) + "\n").encode()

    def _rows_start(self) -> int:
        with open(self.path, "rb") as fh:
            first = fh.readline()
        if not first.endswith(b"\n"):
            return 0  # no header yet, or half of one: the file is rewritten
        if first != self._header():
            raise self._other_columns()
        return len(first)

    def _parse_key(self, record: bytes) -> tuple[Key, int, int]:
        values = next(csv.reader(io.StringIO(record.decode("utf-8"), newline="")))
        return _group(self.names, dict(zip(self.names, values, strict=True)))

    def _encode(self, rows: list[tuple]) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for row in rows:
            writer.writerow(_csv_cell(v) for v in row)
        return buffer.getvalue().encode()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


class _ParquetWriter:
    """Rows -> whole part files in `<output>.parts/`; consolidated into the output at close."""

    PART_ROWS = 20_000  # a part is written once this many rows are waiting ...
    PART_SECONDS = 30.0  # ... or this long after the last part (bounds the work a kill loses)

    def __init__(self, path: Path, rows: RowKind, resume: bool, notes: list[str]) -> None:
        _check_pyarrow()
        self.path = path
        self.rows = rows
        self.names = column_names(rows)
        self.parts = path.with_name(path.name + ".parts")
        self.tmp = path.with_name(path.name + ".tmp")
        self.notes = notes
        self.done: set[Key] = set()
        self._buffer: list[tuple] = []
        self._last = time.monotonic()
        self._lock = threading.Lock()
        self._pyarrow: tuple[Any, Any, Any] | None = None
        self.tmp.unlink(missing_ok=True)  # a consolidation that was killed
        if not resume:
            path.unlink(missing_ok=True)
            shutil.rmtree(self.parts, ignore_errors=True)
        else:
            in_output = self._keys(path) if path.exists() else set()
            self.done |= in_output
            for part in self._part_files():
                keys = self._keys(part)
                if keys & in_output:  # consolidated before the kill, not yet removed
                    part.unlink()
                else:
                    self.done |= keys
            for stale in self.parts.glob("*.tmp"):
                stale.unlink()
        self.parts.mkdir(exist_ok=True)
        self._next = max((int(p.stem.split("-")[1]) for p in self._part_files()), default=0) + 1

    def _arrow(self) -> tuple[Any, Any, Any]:
        """pyarrow's json and parquet modules and the schema, imported on first use."""
        with self._lock:
            if self._pyarrow is None:
                _require_pyarrow()
                import pyarrow.json as pj
                import pyarrow.parquet as pq

                self._pyarrow = (pj, pq, arrow_schema(self.rows))
            return self._pyarrow

    def warm(self) -> None:
        """Import pyarrow while the workers parse, not at the end of the run."""
        self._arrow()

    def _part_files(self) -> list[Path]:
        if not self.parts.is_dir():
            return []
        return sorted(self.parts.glob("part-*.parquet"))

    def _keys(self, file: Path) -> set[Key]:
        _, pq, schema = self._arrow()
        try:
            names = pq.read_schema(file).names
            table = pq.read_table(file, columns=["source", "sha256"]) if names == schema.names else None
        except Exception as exc:
            raise DamagedOutput(f"{file} is not a readable Parquet file ({exc}); cannot resume") from exc
        if table is None:
            raise DamagedOutput(
                f"{file} has other columns than a --rows {self.rows} dataset; cannot resume it"
            )
        return set(zip(table.column("source").to_pylist(), table.column("sha256").to_pylist(), strict=True))

    def write(self, result: FileResult) -> None:
        self._buffer.extend(result.rows)
        if len(self._buffer) >= self.PART_ROWS or (
            self._buffer and time.monotonic() - self._last >= self.PART_SECONDS
        ):
            self._flush()

    def _flush(self) -> None:
        self._last = time.monotonic()
        if not self._buffer:
            return
        _, pq, _ = self._arrow()
        table = self._table(self._buffer)
        final = self.parts / f"part-{self._next:06d}.parquet"
        tmp = final.with_suffix(".tmp")
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)
        self._next += 1
        self._buffer = []

    def _table(self, rows: list[tuple]) -> pa.Table:
        """Rows -> an Arrow table of the schema, through pyarrow's JSON reader (C++, and unlike
        `pa.array` it does not import pandas)."""
        pj, _, schema = self._arrow()
        if not rows:
            return schema.empty_table()
        data = _jsonl(self.names, rows)
        return pj.read_json(
            io.BytesIO(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
            parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error"),
        )

    def close(self) -> None:
        self._flush()
        _, pq, schema = self._arrow()
        parts = self._part_files()
        if len(parts) == 1 and not self.path.exists():
            os.replace(parts[0], self.path)  # a whole Parquet file with the schema already
        elif parts or not self.path.exists():
            sources = ([self.path] if self.path.exists() else []) + parts
            with pq.ParquetWriter(self.tmp, schema, compression="zstd") as writer:
                for source in sources:
                    for batch in pq.ParquetFile(source).iter_batches(batch_size=65_536):
                        writer.write_batch(batch)
                if not sources:
                    writer.write_table(schema.empty_table())
            with open(self.tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(self.tmp, self.path)
        shutil.rmtree(self.parts, ignore_errors=True)


# ---------------------------------------------------------------- the run


@dataclass
class DatasetSummary:
    """What a run did."""

    output: Path
    errors_file: Path
    files: int = 0  # files found
    skipped: int = 0  # already done (resume)
    documents: int = 0  # parsed in this run
    questions: int = 0
    rows: int = 0
    failures: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)

    def format(self) -> str:
        rate = (self.documents + self.failures) / self.seconds if self.seconds else 0.0
        skipped = f" ({self.skipped} already done)" if self.skipped else ""
        counts = ", ".join(
            _count(n, word)
            for n, word in (
                (self.documents, "document"),
                (self.questions, "question"),
                (self.rows, "row"),
                (self.failures, "failure"),
            )
        )
        text = f"{_count(self.files, 'file')}{skipped}: {counts} in {self.seconds:.1f} s ({rate:.1f} files/s)"
        if self.interrupted:
            text += "; interrupted: run again with --resume to finish"
        return text


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class DatasetInterrupted(KeyboardInterrupt):
    """Ctrl-C during a run; the output holds every file finished so far. `.summary` says what."""

    def __init__(self, summary: DatasetSummary) -> None:
        super().__init__(summary.format())
        self.summary = summary


def detect_format(output: str | Path, fmt: str | None = None) -> str:
    """'jsonl', 'csv' or 'parquet', from `fmt` or the output's suffix."""
    fmt = (fmt or Path(output).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(
            f"{output}: unknown output format; name a .parquet, .csv or .jsonl file (or pass the format)"
        )
    return fmt


def errors_path(output: str | Path) -> Path:
    """`<output stem>.errors.jsonl` beside the output: the files that failed, and why."""
    output = Path(output)
    return output.with_name(output.stem + ".errors.jsonl")


def no_questions_path(output: str | Path) -> Path:
    """`<output stem>.no-questions.jsonl` beside the output: the documents parsed that have no
    question, so no row (a dataset with a row per question only)."""
    output = Path(output)
    return output.with_name(output.stem + ".no-questions.jsonl")


class _Inline:
    """An executor that runs each task at once, in this process (workers=1)."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _DaskExecutor:
    """A dask.distributed Client (an existing cluster) seen as an executor."""

    def __init__(self, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise MissingDependency("scheduler= needs dask.distributed: pip install 'radsdok[dask]'") from exc
        self._own = not isinstance(scheduler, Client)
        self.client = Client(scheduler) if self._own else scheduler

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        if self._own:
            self.client.close()


def _executor(workers: int, scheduler: Any, model: str, pdf_reader: str, ocr: str = DEFAULT_OCR) -> Any:
    if scheduler is not None:
        return _DaskExecutor(scheduler)
    if workers <= 1:
        return _Inline()
    import multiprocessing

    # fork: the workers start at once with radsdok already imported; elsewhere the platform default
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(model, pdf_reader, os.getpid(), ocr)
    )
    pool.submit(int).result()  # start the workers now, before any progress-bar thread exists
    return pool


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _InOrder:
    """Submits chunks with at most `window` in flight and hands back their results in submission
    order, so the output's order does not depend on which worker finishes first."""

    def __init__(self, executor: Any, args: tuple, window: int) -> None:
        self.executor = executor
        self.args = args
        self.window = window
        self.pending: deque = deque()

    def results(self, chunks: Iterator[list[str]]) -> Iterator[list[FileResult]]:
        for chunk in chunks:
            self.pending.append(self.executor.submit(parse_chunk, chunk, *self.args))
            if len(self.pending) >= self.window:
                yield self.pending.popleft().result()
        while self.pending:
            yield self.pending.popleft().result()

    def finished(self) -> Iterator[list[FileResult]]:
        """After an interrupt: the results already there at the head of the queue."""
        while self.pending and self.pending[0].done() and not self.pending[0].cancelled():
            future = self.pending.popleft()
            if future.exception() is not None:
                return
            yield future.result()


class _Bar:
    """A rich progress bar on stderr with files/s and an ETA, or nothing."""

    def __init__(self, total: int, enabled: bool, label: str = "radsdok dataset") -> None:
        self.progress: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn(f"[bold]{label}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task = self.progress.add_task("files", total=total, rate="")
        self.total = total
        self.progress.start()

    def advance(self, n: int) -> None:
        if self.progress is not None:
            task = self.progress.tasks[0]
            speed = task.speed
            self.progress.update(self.task, advance=n, rate=f"{speed:.1f} files/s" if speed else "")

    def skip(self, n: int) -> None:
        if self.progress is not None:
            self.total -= n
            self.progress.update(self.task, total=self.total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


class _Signals:
    """While a run lasts: Ctrl-C (SIGINT) and SIGTERM raise KeyboardInterrupt in the main thread,
    but never in the middle of writing a file's records (there they wait until it is written)."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def uninterrupted(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def write_dataset(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    *,
    rows: RowKind = "questions",
    output_format: str | None = None,
    workers: int = 1,
    resume: bool = False,
    model: str | Path = DEFAULT,
    fast_pdf: bool = False,
    pdf_reader: str | None = None,
    scheduler: Any = None,
    progress: bool = False,
    chunk_size: int = 8,
    ocr: str = DEFAULT_OCR,
    masking: Masking | None = None,
) -> DatasetSummary:
    """Parse every file under `inputs` and write one table to `output` (.parquet, .csv, .jsonl).

    rows: "questions" (a row per question) or "documents" (a row per document). Failed files go
    to `<output stem>.errors.jsonl`, documents without questions (rows="questions") to
    `<output stem>.no-questions.jsonl`. `workers` > 1 parses in that many processes, each
    building the pipeline once; `scheduler` ("tcp://host:8786" or a distributed.Client) uses a
    dask cluster instead (the files must be readable at the same paths there). `resume` skips
    the files already in the output or its side files (same path, same sha256) and appends.
    Ctrl-C (or SIGTERM) finishes the output with the files done so far and raises
    DatasetInterrupted. `pdf_reader` names the PDF reader (`reading.pdf.PDF_READERS`;
    `fast_pdf` is the old spelling of "fast"). `ocr` says which PDF pages are recognised by
    OCR (see `Parser`). `masking` (`radsdok.privacy.masking("personal")`) masks personal data
    in every document, in the worker that parsed it, before its rows are made.
    """
    from .reading.pdf import pdf_reader_name

    columns(rows)  # validates `rows`
    reader = pdf_reader_name(pdf_reader, fast_pdf)
    fmt = detect_format(output, output_format)
    output = Path(output)
    model = str(model)
    started = time.perf_counter()
    summary = DatasetSummary(output=output, errors_file=errors_path(output))
    if fmt == "parquet":
        _check_pyarrow()
    if scheduler is None:
        # Built here once: a bad model fails now with its own message, and forked workers inherit it.
        load(model, pdf_reader=reader, ocr=ocr)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = list(inputs)
    summary.files = sum(1 for _ in collect_paths(inputs))
    output.parent.mkdir(parents=True, exist_ok=True)

    with contextlib.ExitStack() as stack:
        writer: Any = {"jsonl": _JsonlWriter, "csv": _CsvWriter, "parquet": _ParquetWriter}[fmt](
            output, rows, resume, summary.notes
        )
        stack.callback(writer.close)  # Parquet: consolidates, also after Ctrl-C or an error
        errors = stack.enter_context(contextlib.closing(_SideLog(summary.errors_file, resume, summary.notes)))
        no_rows = stack.enter_context(
            contextlib.closing(
                _SideLog(no_questions_path(output), resume and rows == "questions", summary.notes)
            )
        )
        done = writer.done | errors.done | no_rows.done
        done_sources = {source for source, _ in done}
        executor = _executor(workers, scheduler, model, reader, ocr)  # forks: before any thread below
        stack.callback(lambda: executor.shutdown(wait=not summary.interrupted, cancel_futures=True))
        if hasattr(writer, "warm"):
            threading.Thread(target=writer.warm, daemon=True).start()
        bar = _Bar(summary.files, progress)
        stack.callback(bar.close)
        signals = stack.enter_context(_Signals())

        def todo() -> Iterator[str]:
            seen: set[str] = set()
            for path in collect_paths(inputs):
                source = str(path)
                if len(inputs) > 1:  # the same file named twice (a folder and a file in it): once
                    if source in seen:
                        summary.files -= 1
                        bar.skip(1)
                        continue
                    seen.add(source)
                if source in done_sources and (source, file_sha256(path)) in done:
                    summary.skipped += 1
                    bar.skip(1)
                    continue
                yield source

        def take(results: list[FileResult]) -> None:
            for result in results:
                with signals.uninterrupted():
                    if result.error_code is not None:
                        record = {"source": result.source, "sha256": result.sha256}
                        errors.write(record | {"error": result.error_code, "message": result.error_message})
                        summary.failures += 1
                        continue
                    if result.rows:
                        writer.write(result)
                    else:
                        no_rows.write({"source": result.source, "sha256": result.sha256})
                    summary.documents += 1
                    summary.questions += result.questions
                    summary.rows += len(result.rows)
            bar.advance(len(results))

        # in flight: enough chunks to keep every worker busy, few enough to bound memory
        busy = workers if scheduler is None else _dask_workers(executor)
        ordered = _InOrder(
            executor, (model, reader, rows, ocr, masking), 1 if isinstance(executor, _Inline) else 4 * busy
        )
        try:
            for results in ordered.results(_chunks(todo(), chunk_size)):
                take(results)
        except KeyboardInterrupt:
            summary.interrupted = True
            for results in ordered.finished():
                take(results)
    summary.seconds = time.perf_counter() - started
    if summary.interrupted:
        raise DatasetInterrupted(summary)
    return summary


def map_files(
    inputs: str | Path | Iterable[str | Path],
    maker: str,
    errors_file: str | Path,
    *,
    workers: int = 1,
    model: str | Path = DEFAULT,
    fast_pdf: bool = False,
    pdf_reader: str | None = None,
    progress: bool = False,
    label: str = "radsdok",
    chunk_size: int = 8,
    summary: DatasetSummary | None = None,
    masking: Masking | None = None,
    ocr: str = DEFAULT_OCR,
) -> Iterator[FileResult]:
    """Parse every file under `inputs` and yield each file's records from `maker`
    ('module:function', Document -> list), in input order, with the dataset's machinery: one
    pipeline per worker process, a progress bar, and a line in `errors_file` per failed file
    (the run goes on). `summary` (if given) counts files, documents and failures. With
    `masking`, each document's personal data is masked before `maker` sees it. `pdf_reader`
    and `ocr` as for `write_dataset`."""
    from .reading.ocr_modes import check_mode
    from .reading.pdf import pdf_reader_name

    model = str(model)
    reader = pdf_reader_name(pdf_reader, fast_pdf)
    ocr = check_mode(ocr)
    summary = summary or DatasetSummary(output=Path(errors_file), errors_file=Path(errors_file))
    summary.errors_file = Path(errors_file)
    load(model, pdf_reader=reader, ocr=ocr)
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    paths = list(dict.fromkeys(str(p) for p in collect_paths(inputs)))
    summary.files = len(paths)
    with contextlib.ExitStack() as stack:
        errors = stack.enter_context(contextlib.closing(_SideLog(Path(errors_file), False, summary.notes)))
        executor = _executor(workers, None, model, reader, ocr)
        stack.callback(lambda: executor.shutdown(wait=True, cancel_futures=True))
        bar = _Bar(summary.files, progress, label)
        stack.callback(bar.close)
        ordered = _InOrder(
            executor,
            (model, reader, maker, ocr, masking),
            1 if isinstance(executor, _Inline) else 4 * workers,
        )
        for results in ordered.results(_chunks(iter(paths), chunk_size)):
            for result in results:
                if result.error_code is not None:
                    record = {"source": result.source, "sha256": result.sha256}
                    errors.write(record | {"error": result.error_code, "message": result.error_message})
                    summary.failures += 1
                    continue
                summary.documents += 1
                summary.rows += len(result.rows)
                yield result
            bar.advance(len(results))


def _dask_workers(executor: Any) -> int:
    try:
        return max(1, len(executor.client.scheduler_info().get("workers", {})))
    except Exception:
        return 2


# ---------------------------------------------------------------- reading a dataset back


def read_rows(path: str | Path, output_format: str | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a dataset file as dicts (CSV cells decoded back to lists, ints and nulls)."""
    fmt = detect_format(path, output_format)
    path = Path(path)
    if fmt == "parquet":
        _require_pyarrow()
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches():
            yield from batch.to_pylist()
    elif fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    else:
        types = {c.name: c.type for c in COLUMNS}
        with open(path, encoding="utf-8", newline="") as fh:
            for record in csv.DictReader(fh):
                yield {name: _from_csv(value, types[name]) for name, value in record.items()}


def _from_csv(value: str, type_name: str) -> Any:
    if type_name == "list<string>":
        return json.loads(value) if value else []
    if value == "":
        return None
    return int(value) if type_name.startswith("int") else value
