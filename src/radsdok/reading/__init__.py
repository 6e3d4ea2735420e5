"""Readers: bytes of a file -> SourceText. They know nothing of spaCy."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import FileTooLarge, FileUnreadable, UnsupportedFormat
from .pdf_streams import MAX_INFLATED
from .source import ReadWarning, SourceText
from .text import read_text_file, text_from_string

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = frozenset(TEXT_SUFFIXES) | PDF_SUFFIXES


# Default limits: a council document is far below them; a file above is refused with a
# clear error rather than read into memory.
MAX_BYTES = 50_000_000
MAX_PAGES = 2_000


def read_file(
    path: str | Path,
    *,
    fast_pdf: bool = False,
    pdf_reader: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    max_pages: int | None = MAX_PAGES,
    max_inflated: int | None = MAX_INFLATED,
) -> SourceText:
    """Read any supported file into a SourceText, or raise a RadsdokError naming it.

    `pdf_reader` names the PDF reader (`reading.pdf.PDF_READERS`; `fast_pdf` is the
    old spelling of "fast"); other formats ignore it."""
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
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(
            path, reader=pdf_reader, fast=fast_pdf, max_pages=max_pages, max_inflated=max_inflated
        )
    if suffix in TEXT_SUFFIXES:
        return read_text_file(path, TEXT_SUFFIXES[suffix])
    raise UnsupportedFormat(
        source,
        f"has an extension radsdok does not read ({suffix or 'none'}); "
        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}",
    )


__all__ = [
    "MAX_BYTES",
    "MAX_INFLATED",
    "MAX_PAGES",
    "SUPPORTED_SUFFIXES",
    "ReadWarning",
    "SourceText",
    "read_file",
    "text_from_string",
]
