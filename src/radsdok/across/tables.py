"""The people registry and case threads as flat tables, for pandas, Dask and Parquet.

* people: one row per person (or unnamed role) of the registry;
* mentions: one row per mention of a person in a document;
* memberships: one row per party or role of a person, with its first and last date;
* cases: one row per document (or § item) of a case thread.

Lists of strings stay list columns (`variants`, `parties`, `roles`, `case_numbers`); every
other column is a scalar. The Arrow schemas are fixed, so an empty input gives empty tables
with the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import CaseThread, PersonRecord

if TYPE_CHECKING:
    import pandas
    import pyarrow as pa

_STR, _INT, _STRS = "string", "int64", "list<string>"

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (
        ("id", _STR),
        ("type", _STR),
        ("name", _STR),
        ("variants", _STRS),
        ("party", _STR),
        ("parties", _STRS),
        ("roles", _STRS),
        ("municipality", _STR),
        ("places", _STRS),
        ("first_seen", _STR),
        ("last_seen", _STR),
        ("mentions", _INT),
    ),
    "mentions": (
        ("person_id", _STR),
        ("person_name", _STR),
        ("source", _STR),
        ("field", _STR),
        ("name", _STR),
        ("start", _INT),
        ("end", _INT),
        ("page", _INT),
        ("role", _STR),
        ("party", _STR),
        ("date", _STR),
        ("joined_by", _STR),
    ),
    "memberships": (
        ("person_id", _STR),
        ("what", _STR),
        ("value", _STR),
        ("first", _STR),
        ("last", _STR),
        ("mentions", _INT),
    ),
    "cases": (
        ("thread_id", _STR),
        ("case_numbers", _STRS),
        ("municipality", _STR),
        ("first_date", _STR),
        ("last_date", _STR),
        ("position", _INT),
        ("source", _STR),
        ("kind", _STR),
        ("role", _STR),
        ("date", _STR),
        ("title", _STR),
        ("item", _STR),
    ),
}


def people_rows(records: Iterable[PersonRecord]) -> Iterator[dict[str, Any]]:
    for r in records:
        yield {
            "id": r.id,
            "type": r.type,
            "name": r.name,
            "variants": list(r.variants),
            "party": max(r.parties, key=lambda s: (s.last or "", s.mentions)).value if r.parties else None,
            "parties": [s.value for s in r.parties],
            "roles": [s.value for s in r.roles],
            "municipality": r.municipality,
            "places": list(r.places),
            "first_seen": r.first_seen,
            "last_seen": r.last_seen,
            "mentions": len(r.mentions),
        }


def mention_rows(records: Iterable[PersonRecord]) -> Iterator[dict[str, Any]]:
    for r in records:
        for m in r.mentions:
            yield {"person_id": r.id, "person_name": r.name, **m.model_dump()}


def membership_rows(records: Iterable[PersonRecord]) -> Iterator[dict[str, Any]]:
    for r in records:
        for what, spans in (("party", r.parties), ("role", r.roles)):
            for s in spans:
                yield {"person_id": r.id, "what": what, **s.model_dump()}


def case_rows(threads: Iterable[CaseThread]) -> Iterator[dict[str, Any]]:
    for t in threads:
        for position, d in enumerate(t.documents):
            yield {
                "thread_id": t.id,
                "case_numbers": list(t.case_numbers),
                "municipality": t.municipality,
                "first_date": t.first_date,
                "last_date": t.last_date,
                "position": position,
                **d.model_dump(),
            }


def person_tables(records: list[PersonRecord]) -> dict[str, Iterator[dict[str, Any]]]:
    """The people, mentions and memberships rows of a registry."""
    return {
        "people": people_rows(records),
        "mentions": mention_rows(records),
        "memberships": membership_rows(records),
    }


def all_tables(records: list[PersonRecord], threads: list[CaseThread]) -> dict[str, Iterator[dict[str, Any]]]:
    """Every table's rows, by table name."""
    return {**person_tables(records), "cases": case_rows(threads)}


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    types = {_STR: pa.string(), _INT: pa.int64(), _STRS: pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def to_arrow(table: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    import pyarrow as pa

    schema = arrow_schema(table)
    rows = list(rows)
    return pa.Table.from_pydict({n: [r[n] for r in rows] for n in schema.names}, schema=schema)


def to_pandas(table: str, rows: Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """A pandas frame with pyarrow-backed dtypes (as `radsdok.dask` gives)."""
    import pandas as pd

    return to_arrow(table, rows).to_pandas(types_mapper=pd.ArrowDtype)


def write_parquet(table: str, rows: Iterable[dict[str, Any]], path: Path, batch: int = 5_000) -> int:
    """Rows to a Parquet file, in row groups of `batch`; the count."""
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(to_arrow(table, chunk))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(to_arrow(table, chunk))
            n += len(chunk)
    tmp.replace(path)
    return n
