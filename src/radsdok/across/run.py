"""Folders of files -> a people registry or case threads, written as JSONL, CSV or Parquet.

The files are parsed with the dataset machinery (`dataset.map_files`: worker processes, a
progress bar, `<stem>.errors.jsonl` for failed files); of each document only its compact
records are kept (`Mention`s, case `Unit`s), never the Document, so memory grows with the
number of mentions, not with the documents' text. The records are written one at a time
(Parquet in row groups).
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..dataset import DatasetSummary, detect_format, errors_path, map_files
from ..privacy import Masking
from ..reading.ocr_modes import DEFAULT_OCR
from .cases import Unit, threads
from .mentions import Mention
from .people import PrivateHook, people_from_mentions

MENTIONS = "radsdok.across.mentions:document_mentions"
UNITS = "radsdok.across.cases:document_units"
PARQUET_BATCH = 5_000


@dataclass
class AcrossSummary:
    """What a `people` or `cases` run did."""

    output: Path
    errors_file: Path
    what: str
    files: int = 0
    documents: int = 0
    failures: int = 0
    records: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def format(self) -> str:
        return (
            f"{self.files} files: {self.documents} documents, {self.failures} failures; "
            f"{self.records} {self.what} in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class ParsingOptions:
    """How `people`, `cases` and `export` parse their files: the keyword arguments of
    `dataset.map_files` (`pdf_reader` and `ocr` as for `radsdok dataset`; `fast_pdf` is the
    old spelling of pdf_reader="fast")."""

    workers: int = 1
    model: str | Path = "default"
    fast_pdf: bool = False
    pdf_reader: str | None = None
    ocr: str = DEFAULT_OCR
    progress: bool = False
    masking: Masking | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _records(inputs: Any, maker: str, output: Path, summary: AcrossSummary, **options: Any) -> Iterator[Any]:
    counts = DatasetSummary(output=output, errors_file=summary.errors_file)
    try:
        for result in map_files(inputs, maker, summary.errors_file, summary=counts, **options):
            yield from result.rows
    finally:
        summary.files, summary.documents, summary.failures = counts.files, counts.documents, counts.failures
        summary.notes.extend(counts.notes)


def write_people(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    *,
    only_officials: bool = False,
    join_party_switches: bool = False,
    private: PrivateHook | None = None,
    output_format: str | None = None,
    parsing: ParsingOptions | None = None,
) -> AcrossSummary:
    """Parse the files under `inputs` and write one record per person to `output` (with
    `parsing.masking`, each document masked before its mentions are taken)."""
    started = time.perf_counter()
    fmt = detect_format(output, output_format)
    output = Path(output)
    summary = AcrossSummary(output, errors_path(output), "people")
    options = (parsing or ParsingOptions()).as_kwargs()
    mentions: list[Mention] = list(
        _records(inputs, MENTIONS, output, summary, label="radsdok people", **options)
    )
    records = people_from_mentions(
        mentions, only_officials=only_officials, private=private, join_party_switches=join_party_switches
    )
    summary.records = write_records(records, output, fmt)
    summary.seconds = time.perf_counter() - started
    return summary


def write_cases(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    *,
    output_format: str | None = None,
    parsing: ParsingOptions | None = None,
) -> AcrossSummary:
    """Parse the files under `inputs` and write one record per case thread to `output`."""
    started = time.perf_counter()
    fmt = detect_format(output, output_format)
    output = Path(output)
    summary = AcrossSummary(output, errors_path(output), "threads")
    options = (parsing or ParsingOptions()).as_kwargs()
    units: list[Unit] = list(_records(inputs, UNITS, output, summary, label="radsdok cases", **options))
    summary.records = write_records(threads(units), output, fmt)
    summary.seconds = time.perf_counter() - started
    return summary


def write_records(records: Iterable[BaseModel], output: str | Path, fmt: str | None = None) -> int:
    """Write pydantic records to a .jsonl, .csv or .parquet file, one at a time; the count."""
    output = Path(output)
    fmt = detect_format(output, fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        n = 0
        with open(output, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(record.model_dump_json() + "\n")
                n += 1
        return n
    if fmt == "csv":
        return _write_csv(records, output)
    return _write_parquet(records, output)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(records: Iterable[BaseModel], output: Path) -> int:
    """CSV: nested values (lists, objects) as JSON, null as an empty cell."""
    n = 0
    with open(output, "w", encoding="utf-8", newline="") as fh:
        writer: Any = None
        for record in records:
            row = record.model_dump(mode="json")
            if writer is None:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(list(row))
            writer.writerow([_cell(v) for v in row.values()])
            n += 1
    return n


def _write_parquet(records: Iterable[BaseModel], output: Path) -> int:
    """Parquet with nested columns (lists of structs), written in row groups."""
    from ..dataset import _require_pyarrow

    pa = _require_pyarrow()
    import pyarrow.parquet as pq

    rows = [r.model_dump(mode="json") for r in records]
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    tmp = output.with_name(output.name + ".tmp")
    with pq.ParquetWriter(tmp, table.schema, compression="zstd") as writer:
        for batch in table.to_batches(max_chunksize=PARQUET_BATCH):
            writer.write_batch(batch)
    tmp.replace(output)
    return len(rows)
