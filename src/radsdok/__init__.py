"""radsdok: Swedish municipal council documents -> validated, evidence-carrying data.

The parser, the models and the HTML view are imported on first use (PEP 562), so that
`import radsdok` and the command line's `--help` do not import spaCy or pydantic."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    DecodingFailed,
    EmptyDocument,
    EncryptedDocument,
    EncryptedPDF,
    FileTooLarge,
    FileUnreadable,
    FormatMismatch,
    NoTextLayer,
    OcrUnavailable,
    ParseFailed,
    ParseTimeout,
    RadsdokError,
    UnreadableDocument,
    UnreadablePDF,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from .across.cases import cases
    from .across.export import export
    from .across.people import people
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
    from .privacy import mask

_LAZY = {
    "render_html": "html",
    "people": "across.people",
    "cases": "across.cases",
    "mask": "privacy",
    "export": "across.export",
    **dict.fromkeys(
        (
            "Addressee",
            "CaseNumber",
            "Document",
            "Evidence",
            "Person",
            "Proposal",
            "Question",
            "Quote",
            "Warning",
        ),
        "models",
    ),
    **dict.fromkeys(("Failure", "Parser", "load", "parse", "parse_text"), "parser"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'radsdok' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "CaseNumber",
    "DecodingFailed",
    "Document",
    "EmptyDocument",
    "EncryptedDocument",
    "EncryptedPDF",
    "Evidence",
    "Failure",
    "FileTooLarge",
    "FileUnreadable",
    "FormatMismatch",
    "NoTextLayer",
    "OcrUnavailable",
    "ParseFailed",
    "ParseTimeout",
    "Parser",
    "Person",
    "Proposal",
    "Question",
    "Quote",
    "RadsdokError",
    "UnreadableDocument",
    "UnreadablePDF",
    "UnsupportedFormat",
    "Warning",
    "__version__",
    "cases",
    "export",
    "load",
    "mask",
    "parse",
    "parse_text",
    "people",
    "render_html",
]
