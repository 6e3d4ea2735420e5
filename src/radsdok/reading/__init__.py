"""Readers: bytes of a file -> SourceText. They know nothing of spaCy."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import (
    EmptyDocument,
    EncryptedDocument,
    FileTooLarge,
    FileUnreadable,
    RadsdokError,
    UnsupportedFormat,
)
from .ocr_modes import DEFAULT_OCR, OCR_MODES, check_mode
from .pdf_streams import MAX_INFLATED
from .sniff import EXTENSIONS, FORMAT_NAMES, FORMAT_OF_EXTENSION, format_to_read, sniff_file
from .source import ReadWarning, SourceText
from .text import text_from_string

# The readers, by format: module (in this package) and function, each taking the path
# and the ReadOptions. Imported on first use, so that reading text never imports a PDF library.
_READERS: dict[str, tuple[str, str]] = {
    "txt": (".text", "read_txt"),
    "md": (".text", "read_md"),
    "pdf": (".pdf", "read_pdf_file"),
    "docx": (".docx", "read_docx_file"),
    "odt": (".odt", "read_odt_file"),
    "html": (".html", "read_html_file"),
}
# Formats radsdok knows by their bytes but does not read, and what to do instead.
_NOT_READ: dict[str, str] = {
    "doc": "is a legacy Word 97-2003 document (.doc), which radsdok does not read; convert it "
    "to .docx or PDF (e.g. `libreoffice --headless --convert-to docx FILE`)",
    "rtf": "is an RTF document, which radsdok does not read; convert it to .docx or PDF "
    "(e.g. `libreoffice --headless --convert-to docx FILE`)",
}

SUPPORTED_SUFFIXES = frozenset(ext for fmt in _READERS for ext in EXTENSIONS[fmt])


# Default limits: a council document is far below them; a file above is refused with a
# clear error rather than read into memory.
MAX_BYTES = 50_000_000
MAX_PAGES = 2_000


@dataclass(frozen=True)
class ReadOptions:
    """What every reader may be told: limits, and how to read PDFs."""

    fast_pdf: bool = False
    pdf_reader: str | None = None  # reading.pdf.PDF_READERS; None: the default (or "fast" with fast_pdf)
    max_pages: int | None = MAX_PAGES
    max_inflated: int | None = MAX_INFLATED  # bytes a compressed stream or zip entry may inflate to
    ocr: str = DEFAULT_OCR  # PDF pages Tesseract recognises: "auto" (no text layer), "always", "never"


def read_file(
    path: str | Path,
    *,
    fast_pdf: bool = False,
    pdf_reader: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    max_pages: int | None = MAX_PAGES,
    max_inflated: int | None = MAX_INFLATED,
    ocr: str = DEFAULT_OCR,
) -> SourceText:
    """Read any supported file into a SourceText, or raise a RadsdokError naming it.

    The format is told by the file's bytes (see `sniff`); a file whose extension names
    another format than its bytes hold is refused with `FormatMismatch`. `pdf_reader` names
    the PDF reader (`reading.pdf.PDF_READERS`; `fast_pdf` is the old spelling of "fast");
    other formats ignore it."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise FileUnreadable(source, f"is a folder radsdok cannot list ({exc.strerror or exc})") from exc
        raise FileUnreadable(source, "is a directory; parse the files in it instead")
    if not path.exists():
        raise FileUnreadable(source, "does not exist")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise FileTooLarge(
            source, f"is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)"
        )
    if size == 0:
        raise EmptyDocument(source, "is empty (0 bytes); download or export it again")
    fmt = format_to_read(path)
    if fmt == "ole-encrypted":
        raise EncryptedDocument(
            source,
            "is an Office document protected with a password; open it, remove the password "
            "(File > Info > Protect Document) and save it again, or export it as PDF",
        )
    reader = _READERS.get(fmt)
    if reader is None:
        raise UnsupportedFormat(source, _NOT_READ.get(fmt) or _unsupported(path, fmt))
    module, function = reader
    read = getattr(import_module(module, __name__), function)
    options = ReadOptions(
        fast_pdf=fast_pdf,
        pdf_reader=pdf_reader,
        max_pages=max_pages,
        max_inflated=max_inflated,
        ocr=check_mode(ocr),
    )
    result: SourceText = read(path, options)
    return result


def is_document_file(path: Path) -> bool:
    """Whether a file met in a folder is one to read: a supported extension, or (for a file
    with no or an unknown extension) bytes of a format radsdok reads other than plain text."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return True
    if suffix in FORMAT_OF_EXTENSION:
        return False  # a known format radsdok does not read (.doc, .rtf): not picked up
    try:
        fmt = sniff_file(path)
    except RadsdokError:
        return False
    return fmt in _READERS and fmt not in ("txt", "md")


def _unsupported(path: Path, fmt: str) -> str:
    what = FORMAT_NAMES.get(fmt, fmt)
    readable = sorted(SUPPORTED_SUFFIXES)
    if fmt in FORMAT_NAMES and fmt not in ("zip", "binary"):
        return f"is {what}, which radsdok does not read yet; it reads {', '.join(readable)}"
    suffix = path.suffix or "no extension"
    return f"holds {what} ({suffix}) in no format radsdok reads; it reads {', '.join(readable)}"


__all__ = [
    "DEFAULT_OCR",
    "MAX_BYTES",
    "MAX_INFLATED",
    "MAX_PAGES",
    "OCR_MODES",
    "SUPPORTED_SUFFIXES",
    "ReadOptions",
    "ReadWarning",
    "SourceText",
    "is_document_file",
    "read_file",
    "text_from_string",
]
