"""radsdok on dask: documents as a `dask.bag.Bag`, dataset rows as a `dask.dataframe.DataFrame`.

Needs the `radsdok[dask]` extra. Each partition is a batch of files parsed with `nlp.pipe` by the
pipeline of the process it runs in: `radsdok.load(model)` builds it on the first task a worker
process runs and keeps it (a module-level cache), so a worker builds it once, never per file.
Use process workers (`LocalCluster(processes=True)`, `dask worker --nthreads 1`): threads in
one process share its pipeline and take turns with it. On a cluster the files must be readable
by the workers at the same paths.

    import radsdok.dask
    bag = radsdok.dask.read_documents("council/**/*.pdf")      # Bag of radsdok.Document
    bag.filter(lambda d: d.kind == "motion").count().compute()
    frame = radsdok.dask.questions_frame("council/")           # the `radsdok dataset` columns
    frame.groupby("municipality").size().compute()
    masked = radsdok.dask.read_documents("council/", mask="personal", mask_key=secret)   # --mask

The people registry and the case threads need every document, so they are built in this
process from the compact records the workers make of each document (its mentions and case
units; never its text): `across_tables(bag)` gives the tables of `radsdok export --format
parquet` as pandas frames (read the bag with `include_text=True`, as the command does: a
name's place qualifier and a protocol item's case numbers are found in the text).

    bag = radsdok.dask.read_documents("council/", include_text=True)
    tables = radsdok.dask.across_tables(bag)     # people, mentions, memberships, cases
    tables["mentions"].groupby("party").size()

To write a file from a cluster, with its errors file and resume:
`radsdok.dataset.write_dataset(inputs, "q.parquet", scheduler="tcp://host:8786")`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .across import tables as across
from .across.cases import document_units, threads
from .across.mentions import document_mentions
from .across.people import PrivateHook, people_from_mentions
from .dataset import MissingDependency, RowKind, arrow_schema, collect_paths, columns, file_sha256
from .models import Document
from .parser import Failure, load
from .pipeline import DEFAULT
from .privacy import Masking, masking
from .privacy import mask as mask_document
from .reading.ocr_modes import DEFAULT_OCR, check_mode

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

OnError = Literal["skip", "keep", "raise"]
MaskOption = str | Iterable[str] | Masking | None
FILES_PER_PARTITION = 16


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be parsed (picklable, unlike the exception in a `radsdok.Failure`)."""

    source: str
    sha256: str | None
    code: str
    message: str


class ParseError(RuntimeError):
    """Raised by a task for a failed file when `on_error="raise"`."""


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(f"{module} is needed here: pip install 'radsdok[dask]'") from exc


def _masking(mask: MaskOption, mask_key: str | bytes | None) -> Masking | None:
    """The Masking of a `mask` option (as `--mask`: "personal" or categories, or a Masking),
    made in the calling process: the key is resolved here (from `mask_key`, else this process's
    $RADSDOK_MASK_KEY), so the workers need not share its environment."""
    if mask is None or isinstance(mask, Masking):
        return mask
    return masking(mask, mask_key)


def _paths(paths_or_glob: str | Path | Iterable[str | Path]) -> list[str]:
    paths = [str(p) for p in collect_paths(paths_or_glob)]
    if not paths:
        raise ValueError(f"no supported files (.txt, .md, .pdf, .docx, .odt, .html) found in {paths_or_glob}")
    return paths


def _parse_partition(
    paths: list[str],
    model: str,
    pdf_reader: str,
    include_text: bool,
    on_error: OnError,
    ocr: str = DEFAULT_OCR,
    settings: Masking | None = None,
) -> list[Any]:
    """Runs on a worker: one batch of files through this process's pipeline (masked with
    `settings`: the text is read for that and left out afterwards unless `include_text`)."""
    parser = load(model, pdf_reader=pdf_reader, ocr=ocr)
    out: list[Any] = []
    with_text = include_text or settings is not None
    for path, result in zip(paths, parser.pipe(paths, include_text=with_text), strict=True):
        if not isinstance(result, Failure):
            if settings is not None:
                result = mask_document(result, settings)
                if not include_text:
                    result = result.model_copy(update={"text": None})
            out.append(result)
        elif on_error == "raise":
            raise ParseError(str(result.error))
        elif on_error == "keep":
            out.append(FailedFile(result.source, file_sha256(path), result.error.code, result.error.message))
    return out


def read_documents(
    paths_or_glob: str | Path | Iterable[str | Path],
    *,
    model: str | Path = DEFAULT,
    fast_pdf: bool = False,
    include_text: bool = False,
    on_error: OnError = "skip",
    files_per_partition: int = FILES_PER_PARTITION,
    pdf_reader: str | None = None,
    ocr: str = DEFAULT_OCR,
    mask: MaskOption = None,
    mask_key: str | bytes | None = None,
) -> dask.bag.Bag:
    """A Bag of `radsdok.Document`, one per file (files, folders or a glob such as "dir/**/*.pdf").

    on_error: "skip" leaves failed files out; "keep" puts a `FailedFile` in their place; "raise"
    fails the computation with a `ParseError`. `pdf_reader` names the PDF reader
    (`reading.pdf.PDF_READERS`; `fast_pdf` is the old spelling of "fast"). `ocr`: which PDF
    pages OCR reads (see `Parser`). `mask` ("personal", categories such as "phone,email", or
    a `radsdok.privacy.Masking`) and `mask_key` are `--mask` and `--mask-key`: each Document is
    masked by the worker that parsed it (`radsdok.mask`).
    """
    from .reading.pdf import pdf_reader_name

    if on_error not in ("skip", "keep", "raise"):
        raise ValueError(f"on_error must be 'skip', 'keep' or 'raise', not {on_error!r}")
    db = _require("dask.bag")
    paths = _paths(paths_or_glob)
    bag = db.from_sequence(paths, partition_size=max(1, files_per_partition))
    reader = pdf_reader_name(pdf_reader, fast_pdf)
    settings = _masking(mask, mask_key)
    return bag.map_partitions(
        _parse_partition, str(model), reader, include_text, on_error, check_mode(ocr), settings
    )


def _empty_frame(rows: RowKind) -> pandas.DataFrame:
    pd = _require("pandas")
    return arrow_schema(rows).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def _frame_partition(
    paths: list[str],
    model: str,
    pdf_reader: str,
    rows: RowKind,
    ocr: str = DEFAULT_OCR,
    settings: Masking | None = None,
) -> pandas.DataFrame:
    """Runs on a worker: one batch of files -> a pandas frame with the dataset's columns."""
    import pandas as pd
    import pyarrow as pa

    from .dataset import parse_chunk

    names = [c.name for c in columns(rows)]
    chunk = parse_chunk(paths, model, pdf_reader, rows, ocr, settings)
    table_rows = [row for result in chunk for row in result.rows]
    data = {name: [row[i] for row in table_rows] for i, name in enumerate(names)}
    table = pa.Table.from_pydict(data, schema=arrow_schema(rows))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def questions_frame(
    paths_or_glob: str | Path | Iterable[str | Path],
    *,
    rows: RowKind = "questions",
    model: str | Path = DEFAULT,
    fast_pdf: bool = False,
    files_per_partition: int = FILES_PER_PARTITION,
    pdf_reader: str | None = None,
    ocr: str = DEFAULT_OCR,
    mask: MaskOption = None,
    mask_key: str | bytes | None = None,
) -> dask.dataframe.DataFrame:
    """A DataFrame with the columns of `radsdok dataset` (`radsdok.dataset.COLUMNS`), a row per
    question (or per document with rows="documents"), pyarrow-backed dtypes. Failed files give
    no rows (`write_dataset` records them in its errors file). `pdf_reader`, `mask` and
    `mask_key` as for `read_documents` (`radsdok dataset --mask`)."""
    from .reading.pdf import pdf_reader_name

    columns(rows)  # validates `rows`
    reader = pdf_reader_name(pdf_reader, fast_pdf)
    settings = _masking(mask, mask_key)
    dd = _require("dask.dataframe")
    paths = _paths(paths_or_glob)
    size = max(1, files_per_partition)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    return dd.from_map(
        _frame_partition,
        chunks,
        args=(str(model), reader, rows, check_mode(ocr), settings),
        meta=_empty_frame(rows),
        label="radsdok-rows",
        enforce_metadata=False,
    )


def _compact(documents: Iterable[Any], settings: Masking | None = None) -> list[tuple[list[Any], list[Any]]]:
    """Runs on a worker: each Document's mentions of people and case units (no text), taken
    from the Document masked with `settings` if given."""
    out = []
    for doc in documents:
        if isinstance(doc, Document):
            if settings is not None:
                doc = mask_document(doc, settings)
            out.append((document_mentions(doc), document_units(doc)))
    return out


def across_tables(
    bag: dask.bag.Bag,
    *,
    only_officials: bool = False,
    private: PrivateHook | None = None,
    mask: MaskOption = None,
    mask_key: str | bytes | None = None,
) -> dict[str, pandas.DataFrame]:
    """The people, mentions, memberships and cases tables (`radsdok.across.tables`) of a bag of
    Documents, as pandas frames with pyarrow-backed dtypes; FailedFiles in the bag are skipped.
    `mask` and `mask_key` (as for `read_documents`; `radsdok export --mask`) mask each Document
    on the worker before its records are taken: give them here or to `read_documents`, not both
    (a masked Document masked again gets other pseudonyms)."""
    _require("pandas")
    pairs = bag.map_partitions(_compact, _masking(mask, mask_key)).compute()
    mentions = [m for ms, _ in pairs for m in ms]
    units = [u for _, us in pairs for u in us]
    people = people_from_mentions(mentions, only_officials=only_officials, private=private)
    rows = across.all_tables(people, threads(units))
    return {name: across.to_pandas(name, table) for name, table in rows.items()}
