"""radsdok: Swedish municipal council documents -> validated, evidence-carrying data."""

from __future__ import annotations

from .errors import (
    DecodingFailed,
    EmptyDocument,
    EncryptedPDF,
    FileTooLarge,
    FileUnreadable,
    NoTextLayer,
    ParseFailed,
    ParseTimeout,
    RadsdokError,
    UnreadablePDF,
    UnsupportedFormat,
)
from .html import render_html
from .models import (
    Addressee,
    CaseNumber,
    Document,
    Evidence,
    Person,
    Proposal,
    Question,
    Quote,
    Warning,
)
from .parser import Failure, Parser, load, parse, parse_text

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "CaseNumber",
    "DecodingFailed",
    "Document",
    "EmptyDocument",
    "EncryptedPDF",
    "Evidence",
    "Failure",
    "FileTooLarge",
    "FileUnreadable",
    "NoTextLayer",
    "ParseFailed",
    "ParseTimeout",
    "Parser",
    "Person",
    "Proposal",
    "Question",
    "Quote",
    "RadsdokError",
    "UnreadablePDF",
    "UnsupportedFormat",
    "Warning",
    "__version__",
    "load",
    "parse",
    "parse_text",
    "render_html",
]
