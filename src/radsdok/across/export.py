"""Export a folder of documents (or Documents) as OParl 1.1 JSON or as Parquet tables.

    radsdok.export(documents, "out/", format="oparl")              # Documents (Failures recorded)
    write_export(["council/"], "out/", format="parquet",
                 parsing=ParsingOptions(workers=2))           # files, as `radsdok export`

Each document is turned into its compact records at once (`oparl.document_records`: a few
fields, its mentions of people, its case units; never its text) and dropped, so memory grows
with those records, not with the documents. The registry and the threads need all of them;
then every object is written one at a time.

format="oparl" writes into `out/`: system.json and, one object a line, bodies.jsonl,
organizations.jsonl, persons.jsonl, memberships.jsonl, papers.jsonl, meetings.jsonl,
agenda_items.jsonl and consultations.jsonl (see `oparl.py`). format="parquet" writes
people.parquet, mentions.parquet, memberships.parquet and cases.parquet (see `tables.py`).
Files that failed are lines in `out/errors.jsonl`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..dataset import DatasetSummary, map_files
from . import tables
from .cases import Unit, threads
from .mentions import Mention
from .oparl import DEFAULT_BASE_URL, DocumentRecord, ExportRecord, OParl, document_records
from .people import PrivateHook, people_from_mentions
from .run import ParsingOptions

ExportFormat = Literal["oparl", "parquet"]
FORMATS = ("oparl", "parquet")
RECORDS = "radsdok.across.oparl:document_records"
ERRORS = "errors.jsonl"
OPARL_FILES = (
    "bodies",
    "organizations",
    "persons",
    "memberships",
    "papers",
    "meetings",
    "agenda_items",
    "consultations",
)


@dataclass
class ExportSummary:
    """What an export did: files parsed, failures, and the objects written per file."""

    output: Path
    errors_file: Path
    output_format: str
    files: int = 0
    documents: int = 0
    failures: int = 0
    written: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def format(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.written.items())
        return (
            f"{self.files} files: {self.documents} documents, {self.failures} failures; "
            f"{counts} in {self.seconds:.1f} s -> {self.output}"
        )


@dataclass
class _Collected:
    documents: list[DocumentRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    def add(self, record: ExportRecord) -> None:
        self.documents.append(record.document)
        self.mentions.extend(record.mentions)
        self.units.extend(record.units)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use 'oparl' or 'parquet'")
    return fmt


def export(
    documents: Iterable[object],
    out: str | Path,
    *,
    format: ExportFormat = "oparl",
    base_url: str = DEFAULT_BASE_URL,
    only_officials: bool = False,
    private: PrivateHook | None = None,
    join_party_switches: bool = False,
) -> ExportSummary:
    """Export Documents into the folder `out` (see the module docstring). A `radsdok.Failure`
    among them is a line in `out/errors.jsonl`; anything else that is no Document is skipped."""
    from ..models import Document
    from ..parser import Failure

    started = time.perf_counter()
    _check_format(format)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(out, out / ERRORS, format)
    collected = _Collected()
    errors_fh = None
    try:
        for doc in documents:
            if isinstance(doc, Document):
                summary.files += 1
                summary.documents += 1
                for record in document_records(doc):
                    collected.add(record)
            elif isinstance(doc, Failure):
                summary.files += 1
                summary.failures += 1
                if errors_fh is None:
                    errors_fh = open(summary.errors_file, "w", encoding="utf-8")  # noqa: SIM115
                line = {"source": doc.source, "error": doc.error.code, "message": doc.error.message}
                errors_fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if errors_fh is not None:
            errors_fh.close()
    _write(
        collected,
        summary,
        base_url=base_url,
        only_officials=only_officials,
        private=private,
        join_party_switches=join_party_switches,
    )
    summary.seconds = time.perf_counter() - started
    return summary


def write_export(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
    format: ExportFormat = "oparl",
    base_url: str = DEFAULT_BASE_URL,
    only_officials: bool = False,
    private: PrivateHook | None = None,
    join_party_switches: bool = False,
    parsing: ParsingOptions | None = None,
) -> ExportSummary:
    """Parse the files under `inputs` (as `radsdok dataset` does: worker processes, a progress
    bar, failed files in `out/errors.jsonl`) and export them into the folder `out`."""
    started = time.perf_counter()
    _check_format(format)
    from .oparl import Ids

    Ids(base_url)  # a bad base URL fails before any parsing
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(out, out / ERRORS, format)
    summary.errors_file.unlink(missing_ok=True)
    counts = DatasetSummary(output=out, errors_file=summary.errors_file)
    collected = _Collected()
    try:
        options = (parsing or ParsingOptions()).as_kwargs()
        for result in map_files(
            inputs, RECORDS, summary.errors_file, label="radsdok export", summary=counts, **options
        ):
            for record in result.rows:
                collected.add(record)
    finally:
        summary.files, summary.documents, summary.failures = counts.files, counts.documents, counts.failures
        summary.notes.extend(counts.notes)
    _write(
        collected,
        summary,
        base_url=base_url,
        only_officials=only_officials,
        private=private,
        join_party_switches=join_party_switches,
    )
    summary.seconds = time.perf_counter() - started
    return summary


def _write(
    collected: _Collected,
    summary: ExportSummary,
    *,
    base_url: str,
    only_officials: bool,
    private: PrivateHook | None,
    join_party_switches: bool = False,
) -> None:
    people = people_from_mentions(
        collected.mentions,
        only_officials=only_officials,
        private=private,
        join_party_switches=join_party_switches,
    )
    case_threads = threads(collected.units)
    collected.units = []  # the threads hold what is needed of them: free the units before writing
    out = summary.output
    if summary.output_format == "parquet":
        for name, rows in tables.all_tables(people, case_threads).items():
            summary.written[f"{name}.parquet"] = tables.write_parquet(name, rows, out / f"{name}.parquet")
        return
    objects = OParl(collected.documents, people, case_threads, collected.mentions, base_url=base_url)
    streams: dict[str, Any] = {
        "papers": objects.papers,
        "meetings": objects.meetings,
        "agenda_items": objects.agenda_items,
        "consultations": objects.consultations,
        "persons": objects.persons,
        "memberships": objects.memberships,
        "organizations": objects.organizations,
        "bodies": objects.bodies,
    }
    for name in OPARL_FILES:
        summary.written[f"{name}.jsonl"] = _write_jsonl(streams[name](), out / f"{name}.jsonl")
    (out / "system.json").write_text(_dumps(objects.system()) + "\n", encoding="utf-8")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _write_jsonl(objects: Iterable[dict[str, Any]] | Iterator[dict[str, Any]], path: Path) -> int:
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for obj in objects:
            fh.write(_dumps(obj) + "\n")
            n += 1
    tmp.replace(path)
    return n
