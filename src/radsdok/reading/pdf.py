"""Read a PDF into a SourceText: the document's clean text plus a page map.

The public entry point, `read_pdf`, checks the file, runs one of three readers
(`PDF_READERS`): "pdfium", the default (`pdf_pdfium`: PDFium character boxes
made into pdfplumber's words, pdfplumber itself only on pages that may hold a
ruled table), "pdfplumber" (`pdf_backends`: pdfplumber on every page) or
"fast" (`pdf_backends`: PDFium's own text lines, no tables). Each turns every
page into lines in reading order (`pdf_layout`: columns, tables, joining hints)
with their characters cleaned (`pdf_cleanup`: overprinted bold, ligatures, soft
hyphens); then running headers and footers are dropped and the lines joined into
paragraphs, dehyphenating line-end breaks (`pdf_layout`, `pdf_cleanup`). The
rules' patterns and word lists are in ``radsdok/data/pdf_cleanup.json``.

The layout and cleanup helpers this module held before it was split are
re-exported here under their old names (the ``import X as X`` lines).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import (
    EmptyDocument,
    FileUnreadable,
    NoTextLayer,
    RadsdokError,
    UnreadablePDF,
)
from .ocr import Recognised, apply_ocr
from .ocr_modes import DEFAULT_OCR, check_mode
from .pdf_backends import _Pages, _pdfium_pages, _plumber_pages
from .pdf_cleanup import SOFT_HYPHEN as SOFT_HYPHEN
from .pdf_cleanup import clean_chars, dehyphenate
from .pdf_cleanup import dedupe_chars as dedupe_chars
from .pdf_layout import Box as Box
from .pdf_layout import Line as Line
from .pdf_layout import find_gutters as find_gutters
from .pdf_layout import is_page_number_line, join_pages, remove_running_lines, running_keys
from .pdf_layout import layout_page as layout_page
from .pdf_layout import running_key as running_key
from .pdf_layout import separator as separator
from .pdf_layout import starts_item as starts_item
from .pdf_layout import strip_page_number as strip_page_number
from .pdf_pdfium import pdfium_layout_pages
from .pdf_streams import MAX_INFLATED, check_inflation
from .source import ReadWarning, SourceText

if TYPE_CHECKING:
    from . import ReadOptions

__all__ = [
    "DEFAULT_PDF_READER",
    "PDF_READERS",
    "clean_chars",
    "dehyphenate",
    "is_page_number_line",
    "read_pdf",
    "read_pdf_file",
    "running_keys",
]


_OCR_HINT = "read it with OCR: `--ocr auto` or `--ocr always` (`Parser(ocr=\"auto\")`)"

_READERS: dict[str, Callable[[str, int | None], _Pages]] = {
    "pdfium": pdfium_layout_pages,
    "pdfplumber": _plumber_pages,
    "fast": _pdfium_pages,
}
PDF_READERS: tuple[str, ...] = tuple(_READERS)
"""The PDF readers by name: "pdfium" (the default), "pdfplumber" and "fast"."""
DEFAULT_PDF_READER = "pdfium"


def read_pdf(
    path: str | Path,
    *,
    reader: str | None = None,
    fast: bool = False,
    max_pages: int | None = None,
    max_inflated: int | None = MAX_INFLATED,
    ocr: str = DEFAULT_OCR,
) -> SourceText:
    """Read the PDF at `path` into clean text with a page map (format "pdf").

    `reader` is one of `PDF_READERS`: "pdfium" (the default: layout from PDFium's
    character boxes, pdfplumber only for pages with ruled tables), "pdfplumber"
    (pdfplumber on every page) or "fast" (PDFium's text lines: no tables, fewer
    layout cues); `fast=True` is the old spelling of ``reader="fast"``. The text
    cleanup is the same for all. `max_pages` stops after that many pages, with a
    warning. A compressed stream inflating past `max_inflated` bytes (a decompression
    bomb) makes it `FileTooLarge` before any PDF library reads it. `ocr` says which pages
    Tesseract recognises (`reading.ocr`): "auto" those without a text layer, "always" all,
    "never" none. Raises `FileUnreadable`, `EmptyDocument`, `UnreadablePDF`, `EncryptedPDF`,
    `NoTextLayer`, `OcrUnavailable` or `FileTooLarge`.
    """
    source = str(path)
    if max_pages is not None and max_pages < 1:
        raise ValueError(f"max_pages must be at least 1, not {max_pages}")
    read_pages = _READERS[pdf_reader_name(reader, fast)]
    check_mode(ocr)
    _check_file(Path(path), source)
    check_inflation(Path(path), source, max_inflated)
    try:
        pages = read_pages(source, max_pages)
        recognised = apply_ocr(source, pages, ocr) if pages.total else None
    except RadsdokError:
        raise
    except Exception as exc:  # pdfminer / pypdfium2 / anything below us
        raise UnreadablePDF(
            source,
            f"could not be read as a PDF ({type(exc).__name__}: {exc}); the file may be "
            "truncated or corrupt: download or export it again",
        ) from exc
    return _assemble(source, pages, max_pages, recognised)


def read_pdf_file(path: Path, options: ReadOptions) -> SourceText:
    """The reader of PDF files, with the options every reader is given."""
    return read_pdf(
        path,
        reader=options.pdf_reader,
        fast=options.fast_pdf,
        max_pages=options.max_pages,
        max_inflated=options.max_inflated,
        ocr=options.ocr,
    )


def pdf_reader_name(reader: str | None = None, fast: bool = False) -> str:
    """The reader `read_pdf` uses for these arguments: `reader` if given, "fast" for
    ``fast=True``, else the default. Raises ValueError for an unknown name."""
    name = reader if reader is not None else ("fast" if fast else DEFAULT_PDF_READER)
    if name not in _READERS:
        raise ValueError(f"unknown PDF reader {name!r}: choose one of {', '.join(PDF_READERS)}")
    return name


def _check_file(path: Path, source: str) -> None:
    """Fail early, with a clear message, on missing, empty and non-PDF files."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError as exc:
        raise FileUnreadable(source, "no such file; check the path") from exc
    except IsADirectoryError as exc:
        raise FileUnreadable(source, "is a directory, not a PDF file") from exc
    except OSError as exc:
        raise FileUnreadable(source, f"cannot be opened ({exc.strerror}); check permissions") from exc
    if not head:
        raise EmptyDocument(source, "is empty (0 bytes); download or export the PDF again")
    if b"%PDF-" not in head:
        raise UnreadablePDF(source, "is not a PDF (no %PDF header); check the file type or its extension")


def _assemble(
    source: str, pages: _Pages, max_pages: int | None, recognised: Recognised | None = None
) -> SourceText:
    if pages.total == 0:
        raise EmptyDocument(source, "has no pages; export the PDF again")
    if len(pages.empty) == len(pages.lines):
        if recognised is not None:
            raise NoTextLayer(source, "has no text layer, and OCR found no text on its pages (blank scans?)")
        raise NoTextLayer(source, f"has no text layer (a scan?); {_OCR_HINT}")
    warnings = list(pages.warnings)
    if recognised is not None and recognised.pages:
        warnings.append(recognised.warning(source))
    if pages.empty:
        nums = ", ".join(str(n) for n in pages.empty)
        why = "OCR found no text on them either" if recognised is not None else _OCR_HINT
        warnings.append(
            ReadWarning(
                "pages-without-text",
                f"{source}: page(s) {nums} have no text layer (scanned?) and are missing "
                f"from the text; {why}",
            )
        )
    if max_pages is not None and pages.total > len(pages.lines):
        warnings.append(
            ReadWarning(
                "max-pages",
                f"{source}: read only the first {len(pages.lines)} of {pages.total} pages "
                "(max_pages); pass a larger max_pages to read the rest",
            )
        )
    kept = remove_running_lines(pages.lines)
    text, starts = join_pages(kept)
    return SourceText(
        text=text,
        source=source,
        format="pdf",
        page_starts=starts,
        warnings=warnings,
        ocr_pages=recognised.pages if recognised is not None else [],
    )
