"""Readers: bytes of a file -> SourceText. They know nothing of spaCy."""

from __future__ import annotations

from pathlib import Path

from ..errors import FileUnreadable, UnsupportedFormat
from .source import ReadWarning, SourceText
from .text import read_text_file, text_from_string

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = frozenset(TEXT_SUFFIXES) | PDF_SUFFIXES


def read_file(path: str | Path, *, fast_pdf: bool = False) -> SourceText:
    """Read any supported file into a SourceText, or raise a RadsdokError naming it."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise FileUnreadable(source, "is a directory; parse the files in it instead")
    if not path.exists():
        raise FileUnreadable(source, "does not exist")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(path, fast=fast_pdf)
    if suffix in TEXT_SUFFIXES:
        return read_text_file(path, TEXT_SUFFIXES[suffix])
    raise UnsupportedFormat(
        source,
        f"has an extension radsdok does not read ({suffix or 'none'}); "
        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}",
    )


__all__ = ["SUPPORTED_SUFFIXES", "ReadWarning", "SourceText", "read_file", "text_from_string"]
