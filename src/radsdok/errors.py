"""One exception family. Every message names the file and says what to do."""

from __future__ import annotations


class RadsdokError(Exception):
    """Base class: a file radsdok could not turn into a Document."""

    code = "error"

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")

    def __reduce__(self) -> tuple[type[RadsdokError], tuple[str, str]]:
        # Picklable, so errors can cross process boundaries (workers, dask).
        return (type(self), (self.source, self.message))


class FileUnreadable(RadsdokError):
    """The file does not exist or cannot be read."""

    code = "unreadable"


class UnsupportedFormat(RadsdokError):
    """The file's extension or content is not one radsdok reads."""

    code = "unsupported-format"


class EmptyDocument(RadsdokError):
    """The file holds no text."""

    code = "empty"


class DecodingFailed(RadsdokError):
    """The bytes are not text in any encoding radsdok accepts."""

    code = "decoding"


class UnreadablePDF(RadsdokError):
    """The PDF is corrupt, truncated, or not a PDF."""

    code = "unreadable-pdf"


class EncryptedPDF(UnreadablePDF):
    """The PDF is encrypted with a password radsdok does not have."""

    code = "encrypted-pdf"


class NoTextLayer(UnreadablePDF):
    """The PDF has pages but no text: a scan that needs OCR."""

    code = "no-text-layer"


class OcrUnavailable(NoTextLayer):
    """Pages need OCR, but Tesseract (or its Swedish model) is not installed."""

    code = "ocr-unavailable"


class FileTooLarge(RadsdokError):
    """The file is larger than the limit radsdok was given (max_bytes / max_pages)."""

    code = "too-large"


class ParseTimeout(RadsdokError):
    """Reading and parsing the file took longer than the per-document time limit."""

    code = "timeout"


class ParseFailed(RadsdokError):
    """radsdok itself failed on this file (a bug: please report it with the file)."""

    code = "parse-failed"


class FormatMismatch(UnsupportedFormat):
    """The file's extension names one format and its bytes are another."""

    code = "format-mismatch"


class EncryptedDocument(RadsdokError):
    """A Word or OpenDocument file protected with a password radsdok does not have."""

    code = "encrypted"


class UnreadableDocument(RadsdokError):
    """A Word or OpenDocument file that is damaged, or whose XML radsdok refuses to read
    (a DTD or entity declarations, as in an entity-expansion attack)."""

    code = "unreadable-document"
