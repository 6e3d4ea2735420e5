"""The OCR modes (which PDF pages Tesseract recognises), importable without the OCR code."""

from __future__ import annotations

# "auto": the pages without a text layer; "always": every page; "never": none (a PDF without
# any text layer is then NoTextLayer).
OCR_MODES = ("auto", "always", "never")
DEFAULT_OCR = "auto"


def check_mode(ocr: str) -> str:
    """`ocr` if it is one of the modes, else ValueError."""
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    return ocr
