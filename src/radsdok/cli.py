"""The `radsdok` command: parse, eval, schema. Wires the library together, nothing more.

Only what every command needs is imported here: spaCy, the model and the rules are imported
by the commands that parse, so `--help`, `schema` and argument errors answer quickly."""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .errors import RadsdokError
from .limits import DEFAULT_TIMEOUT
from .reading import MAX_BYTES, MAX_INFLATED, MAX_PAGES

if TYPE_CHECKING:
    from .across.run import ParsingOptions
    from .models import Document
    from .parser import Failure, Parser
    from .privacy import Masking

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help and usage errors: rich's help formatting costs more to import (0.3-0.6 s)
    # than the rest of `radsdok --help` together.
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Parse Swedish municipal council documents into structured, evidence-carrying data.",
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        help="'default' (the shipped Swedish pipeline), 'blank' (rules only, fast) or another "
        "installed spaCy pipeline or path.",
    ),
]


class Analysis(str, Enum):
    fast = "fast"
    full = "full"


AnalysisOption = Annotated[
    Analysis,
    typer.Option(
        "--analysis",
        help="fast: run only what the rules read from the model (its names); full: also the "
        "tagger, morphologizer, parser and lemmatizer (slower; the output is the same).",
    ),
]


class Ocr(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[
    Ocr,
    typer.Option(
        "--ocr",
        help="PDF pages read by OCR (Tesseract, Swedish): auto: pages without a text layer (scans); "
        "always: every page; never: none (a scan is then an error).",
    ),
]


MaskOption = Annotated[
    str | None,
    typer.Option(
        "--mask",
        metavar="personal",
        help="Replace personal data by stable pseudonyms of the same length (offsets stay valid): "
        "'personal' (personnummer, phone numbers, e-mail and street addresses, private persons' "
        "names) or categories: personnummer,phone,email,address,name.",
    ),
]
MaskKeyOption = Annotated[
    str | None,
    typer.Option(
        "--mask-key",
        help="Secret key of the pseudonyms (default: $RADSDOK_MASK_KEY, else a public key).",
    ),
]


def _masking(what: str | None, key: str | None) -> Masking | None:
    """The --mask settings, or None; a bad category exits with status 2."""
    if what is None:
        return None
    from .privacy import is_default_key, masking

    try:
        settings = masking(what, key)
    except ValueError as exc:
        raise _fail(f"--mask: {exc}", 2) from None
    if is_default_key(key):
        typer.echo(
            "radsdok: masking with the public default key: anyone can test a guessed value "
            "against its pseudonym; set --mask-key or RADSDOK_MASK_KEY before publishing",
            err=True,
        )
    return settings


class PdfReader(str, Enum):
    """The PDF readers (radsdok.reading.pdf.PDF_READERS, repeated here so that `--help` does
    not import the readers; tests/test_cli.py checks they agree)."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"
    fast = "fast"


PdfReaderOption = Annotated[
    PdfReader | None,
    typer.Option(
        "--pdf-reader",
        help="pdfium (the default): layout from PDFium's character boxes, pdfplumber only for pages "
        "with ruled tables; pdfplumber: pdfplumber on every page (slower, same text); fast: "
        "PDFium's text lines, no tables (as --fast).",
    ),
]
FastOption = Annotated[
    bool, typer.Option("--fast", help="Fast PDF text (PDFium's text lines, no tables): --pdf-reader fast.")
]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
OnlyOfficialsOption = Annotated[
    bool, typer.Option("--only-officials", help="Leave out private persons (a medborgarförslag's signer).")
]
PartySwitchOption = Annotated[
    bool,
    typer.Option(
        "--join-party-switches",
        help="Make one person of a name seen with one party and later with another (off: two namesakes).",
    ),
]


def _pdf_reader(fast: bool, pdf_reader: PdfReader | None) -> str | None:
    """The reader named by --pdf-reader and --fast (None: the default)."""
    if fast and pdf_reader not in (None, PdfReader.fast):
        raise _fail(f"--fast means --pdf-reader fast; it contradicts --pdf-reader {pdf_reader.value}", 2)
    return PdfReader.fast.value if fast else (pdf_reader.value if pdf_reader else None)


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"radsdok: {message}", err=True)
    return typer.Exit(code)


def _build(
    model: str,
    pdf_reader: str | None = None,
    analysis: Analysis = Analysis.fast,
    ocr: Ocr = Ocr.auto,
    **limits: float | int | None,
) -> Parser:
    from .parser import Parser

    try:
        return Parser(model, analysis=analysis.value, pdf_reader=pdf_reader, ocr=ocr.value, **limits)  # type: ignore[arg-type]
    except RadsdokError as exc:
        raise _fail(str(exc)) from None


_INPUTS_HELP = "Files (.txt, .md, .pdf, .docx, .odt, .html: told by their content) or folders."


@app.command()
def parse(
    inputs: Annotated[list[Path], typer.Argument(help=_INPUTS_HELP)],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json: pretty, one document; jsonl: one per line.")
    ] = OutputFormat.json,
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the document text out.")] = False,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    split: Annotated[
        bool, typer.Option("--split", help="One document per contained document (bundles); JSON lines.")
    ] = False,
    model: ModelOption = "default",
    analysis: AnalysisOption = Analysis.fast,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse files larger than this many bytes.")
    ] = MAX_BYTES,
    max_pages: Annotated[
        int, typer.Option("--max-pages", help="Read at most this many PDF pages.")
    ] = MAX_PAGES,
    max_inflated: Annotated[
        int,
        typer.Option(
            "--max-inflated", help="Refuse PDFs with a compressed stream inflating past this many bytes."
        ),
    ] = MAX_INFLATED,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds allowed per document (0: no limit).")
    ] = DEFAULT_TIMEOUT,
    ocr: OcrOption = Ocr.auto,
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """Parse documents and print them as JSON (one file) or JSON lines (many, or --split)."""
    from .parser import Failure, expand_paths

    masking = _masking(mask, mask_key)
    paths = list(expand_paths(inputs))
    if not paths:
        raise _fail("no supported files found in " + ", ".join(map(str, inputs)))
    parser = _build(
        model,
        _pdf_reader(fast, pdf_reader),
        analysis,
        ocr,
        max_bytes=max_bytes,
        max_pages=max_pages,
        max_inflated=max_inflated,
        timeout=timeout or None,
    )
    many = len(paths) > 1 or output_format is OutputFormat.jsonl or split
    failures = 0
    if masking is not None:
        from .privacy import mask as mask_document
    # masking reads the text, even when it is left out of the output
    for result in parser.pipe(paths, include_text=not no_text or masking is not None, split=split):
        if masking is not None and not isinstance(result, Failure):
            result = mask_document(result, masking)
            if no_text:
                result = result.model_copy(update={"text": None})
        if isinstance(result, Failure):
            failures += 1
            typer.echo(f"radsdok: {result.error}", err=True)
            if many:
                record = {
                    "source": result.source,
                    "error": result.error.code,
                    "message": result.error.message,
                }
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if many:
            sys.stdout.write(result.model_dump_json() + "\n")
        else:
            sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    if failures:
        if many:
            typer.echo(f"radsdok: {failures} of {len(paths)} file(s) failed", err=True)
        raise typer.Exit(1 if failures == len(paths) or not many else 2)


@app.command()
def show(
    inputs: Annotated[list[Path], typer.Argument(help=_INPUTS_HELP)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A .html file (one input) or a directory (index.html too).")
    ] = Path("radsdok-view"),
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    model: ModelOption = "default",
    ocr: OcrOption = Ocr.auto,
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """Write an HTML view: the text with every extracted value highlighted, one page per file."""
    from .html import write_view
    from .parser import Failure

    masking = _masking(mask, mask_key)
    parser = _build(model, _pdf_reader(fast, pdf_reader), ocr=ocr)
    failures = 0
    total = 0

    def report(result: Document | Failure) -> None:
        nonlocal failures, total
        total += 1
        if isinstance(result, Failure):
            failures += 1
            typer.echo(f"radsdok: {result.error}", err=True)

    try:
        written = write_view(inputs, output, parser, on_result=report, masking=masking)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    except RadsdokError:  # the only file given failed; report() has printed why
        raise typer.Exit(1) from None
    typer.echo(str(written[-1]))  # the page to open: index.html when there is one
    if failures:
        typer.echo(f"radsdok: {failures} of {total} file(s) failed", err=True)
        raise typer.Exit(1 if failures == total else 2)


@app.command("eval")
def evaluate_command(
    inputs: Annotated[
        list[Path], typer.Argument(help="Corpus folders or files with NAME.gold.json beside them.")
    ],
    model: ModelOption = "default",
    errors: Annotated[int, typer.Option("--errors", help="Also list this many documents' misses.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_f1: Annotated[
        list[str] | None,
        typer.Option("--min", help="FIELD=F1 floor, e.g. --min questions=0.9; exit 3 if below."),
    ] = None,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    split: Annotated[
        Path | None,
        typer.Option(
            "--split",
            help="A split file (JSON: check set by source site); with --part, score one part.",
        ),
    ] = None,
    part: Annotated[
        str | None,
        typer.Option("--part", help="'development' or 'check' (needs --split)."),
    ] = None,
    analysis: AnalysisOption = Analysis.fast,
    ocr: OcrOption = Ocr.auto,
) -> None:
    """Score the parser against gold annotations: per-field precision, recall and F1."""
    from . import evaluate
    from .models import Document
    from .parser import Failure

    pairs = evaluate.collect_pairs(inputs)
    if (split is None) != (part is None):
        raise _fail("--split and --part go together", 2)
    if split is not None and part is not None:
        if part == "check" and errors:
            raise _fail("the check set is scored, not read: --errors is refused with --part check", 2)
        try:
            pairs = evaluate.select_part(pairs, evaluate.split_stems(split), part)
        except (OSError, ValueError) as exc:
            raise _fail(str(exc), 2) from None
    if not pairs:
        raise _fail("no documents with a .gold.json found in " + ", ".join(map(str, inputs)))
    parser = _build(model, _pdf_reader(fast, pdf_reader), analysis, ocr)
    scored: list[tuple[Document, dict]] = []
    for (doc_path, gold_path), result in zip(
        pairs, parser.pipe([p for p, _ in pairs], include_text=False), strict=True
    ):
        if isinstance(result, Failure):
            typer.echo(f"radsdok: {result.error}", err=True)
            result = Document(source=str(doc_path))
        scored.append((result, evaluate.load_gold(gold_path)))
    report = evaluate.score(scored)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{len(scored)} documents")
        typer.echo(report.format_table())
        if errors:
            typer.echo(evaluate.format_errors(report, errors))
    below = _below_floors(report.to_dict(), min_f1 or [])
    if below:
        for line in below:
            typer.echo(f"radsdok: below floor: {line}", err=True)
        raise typer.Exit(3)


def _below_floors(scores: dict, floors: list[str]) -> list[str]:
    out = []
    fields = scores.get("fields", {})
    for floor in floors:
        name, _, value = floor.partition("=")
        wanted = float(value)
        if name in ("kind", "date"):
            got = scores.get(name, {}).get("accuracy")
        else:
            got = fields.get(name, {}).get("f1")
        if got is None or got < wanted:
            out.append(f"{name} {got} < {wanted}")
    return out


class RowKind(str, Enum):
    questions = "questions"
    documents = "documents"


@app.command()
def dataset(
    inputs: Annotated[list[Path], typer.Argument(help=_INPUTS_HELP)],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="A .parquet, .csv or .jsonl file; failed files go to <stem>.errors.jsonl."
        ),
    ],
    rows: Annotated[
        RowKind, typer.Option("--rows", help="questions: a row per question; documents: a row per document.")
    ] = RowKind.questions,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Worker processes; each builds the pipeline once.")
    ] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip the files already in the output or its side files; append.")
    ] = False,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run on an existing dask cluster, e.g. tcp://host:8786.")
    ] = None,
    quiet: QuietOption = False,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    model: ModelOption = "default",
    analysis: AnalysisOption = Analysis.fast,
    ocr: OcrOption = Ocr.auto,
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """Parse many documents into one table (Parquet, CSV or JSONL): a row per question or per document."""
    from . import dataset as ds

    masking = _masking(mask, mask_key)
    if next(ds.collect_paths(inputs), None) is None:
        raise _fail("no supported files found in " + ", ".join(map(str, inputs)))
    reader = _pdf_reader(fast, pdf_reader)
    try:
        summary = ds.write_dataset(
            inputs,
            output,
            rows=rows.value,
            workers=workers,
            resume=resume,
            model=_model_spec(model, analysis),
            pdf_reader=reader,
            scheduler=scheduler,
            progress=not quiet,
            ocr=ocr.value,
            masking=masking,
        )
    except ds.DatasetInterrupted as exc:
        typer.echo(f"radsdok: {exc.summary.format()}", err=True)
        raise typer.Exit(130) from None
    except (ds.MissingDependency, ValueError) as exc:  # ValueError: a bad output name, DamagedOutput
        raise _fail(str(exc)) from None
    for note in summary.notes:
        typer.echo(f"radsdok: {note}", err=True)
    typer.echo(summary.format(), err=True)
    if summary.failures:
        typer.echo(f"radsdok: {summary.failures} file(s) failed, listed in {summary.errors_file}", err=True)
        raise typer.Exit(1 if summary.documents + summary.skipped == 0 else 2)


OutputPath = Annotated[
    Path,
    typer.Option(
        "--output", "-o", help="A .jsonl, .csv or .parquet file; failed files go to <stem>.errors.jsonl."
    ),
]


def _parsing(
    workers: int,
    model: str,
    fast: bool,
    pdf_reader: PdfReader | None,
    ocr: Ocr,
    quiet: bool,
    mask: str | None,
    mask_key: str | None,
) -> ParsingOptions:
    """How the across commands (people, cases, export) parse their files."""
    from .across.run import ParsingOptions

    return ParsingOptions(
        workers=workers,
        model=model,
        pdf_reader=_pdf_reader(fast, pdf_reader),
        ocr=ocr.value,
        progress=not quiet,
        masking=_masking(mask, mask_key),
    )


def _across(write: object, inputs: list[Path], output: Path, **options: object) -> None:
    from . import dataset as ds

    if next(ds.collect_paths(inputs), None) is None:
        raise _fail("no supported files found in " + ", ".join(map(str, inputs)))
    try:
        summary = write(inputs, output, **options)  # type: ignore[operator]
    except KeyboardInterrupt:
        raise _fail("interrupted", 130) from None
    except (ds.MissingDependency, ValueError) as exc:
        raise _fail(str(exc)) from None
    for note in summary.notes:
        typer.echo(f"radsdok: {note}", err=True)
    typer.echo(summary.format(), err=True)
    if summary.failures:
        typer.echo(f"radsdok: {summary.failures} file(s) failed, listed in {summary.errors_file}", err=True)
        raise typer.Exit(1 if summary.documents == 0 else 2)


@app.command()
def people(
    inputs: Annotated[list[Path], typer.Argument(help="Folders or files.")],
    output: OutputPath,
    only_officials: OnlyOfficialsOption = False,
    join_party_switches: PartySwitchOption = False,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    ocr: OcrOption = Ocr.auto,
    model: ModelOption = "default",
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """One record per person across the documents: name forms, parties and roles with dates, mentions."""
    from .across.run import write_people

    _across(
        write_people,
        inputs,
        output,
        only_officials=only_officials,
        join_party_switches=join_party_switches,
        parsing=_parsing(workers, model, fast, pdf_reader, ocr, quiet, mask, mask_key),
    )


@app.command()
def cases(
    inputs: Annotated[list[Path], typer.Argument(help="Folders or files.")],
    output: OutputPath,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    ocr: OcrOption = Ocr.auto,
    model: ModelOption = "default",
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """Case threads: documents joined by diarienummer, answers and protocol items, with evidence."""
    from .across.run import write_cases

    _across(
        write_cases,
        inputs,
        output,
        parsing=_parsing(workers, model, fast, pdf_reader, ocr, quiet, mask, mask_key),
    )


@app.command("export")
def export_command(
    inputs: Annotated[list[Path], typer.Argument(help="Folders or files.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A folder; failed files go to OUT/errors.jsonl.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="oparl (OParl 1.1 JSON) or parquet (tables).")
    ] = "oparl",
    base_url: Annotated[
        str, typer.Option("--base-url", help="The URL the OParl ids are made under.")
    ] = "https://example.invalid/oparl/",
    only_officials: OnlyOfficialsOption = False,
    join_party_switches: PartySwitchOption = False,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
    fast: FastOption = False,
    pdf_reader: PdfReaderOption = None,
    ocr: OcrOption = Ocr.auto,
    model: ModelOption = "default",
    mask: MaskOption = None,
    mask_key: MaskKeyOption = None,
) -> None:
    """Export as OParl 1.1 JSON (papers, persons, organizations, memberships, meetings, agenda items,
    consultations) or as Parquet tables (people, mentions, memberships, cases)."""
    from .across.export import write_export

    _across(
        write_export,
        inputs,
        output,
        format=output_format,
        base_url=base_url,
        only_officials=only_officials,
        join_party_switches=join_party_switches,
        parsing=_parsing(workers, model, fast, pdf_reader, ocr, quiet, mask, mask_key),
    )


def _model_spec(model: str, analysis: Analysis) -> str:
    """The model and its analysis as one string, as the dataset's worker processes take it."""
    if analysis is Analysis.fast:
        return model
    from .pipeline import model_spec

    return model_spec(model, analysis.value)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Document model."""
    from .models import Document

    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    # pdfminer logs a warning for every oddity of a broken PDF; radsdok reports failures itself.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        app()
    except RadsdokError as exc:
        typer.echo(f"radsdok: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line, not a traceback; RADSDOK_DEBUG=1 shows it
        if os.environ.get("RADSDOK_DEBUG"):
            raise
        typer.echo(f"radsdok: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()
