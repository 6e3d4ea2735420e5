"""Tell a file's format from its bytes, and check the extension against them.

The content decides which reader runs; the extension only names what the user
expects. A file whose extension names one known format while its bytes are
another is refused (`FormatMismatch`): the extension lies, and reading it as
either would surprise. A file with no extension, or one radsdok does not know
(".aspx", ".php", a download saved without a name), is read by its content.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import regex

from ..errors import FileUnreadable, FormatMismatch
from ..lazy_pattern import lazy_compile

# The formats radsdok can tell apart, and the extensions each one is written with.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "txt": (".txt", ".text"),
    "md": (".md", ".markdown"),
    "pdf": (".pdf",),
    "docx": (".docx", ".docm", ".dotx"),
    "odt": (".odt", ".ott"),
    "html": (".html", ".htm", ".xhtml"),
    "doc": (".doc", ".dot"),
    "rtf": (".rtf",),
}
FORMAT_OF_EXTENSION: dict[str, str] = {ext: fmt for fmt, exts in EXTENSIONS.items() for ext in exts}
# What each format is called in messages.
FORMAT_NAMES: dict[str, str] = {
    "txt": "plain text",
    "md": "Markdown text",
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "odt": "an OpenDocument text (.odt)",
    "html": "a web page (HTML)",
    "doc": "a legacy Word 97-2003 document (.doc)",
    "rtf": "an RTF document",
    "ole-encrypted": "a password-protected Office document",
    "zip": "a ZIP archive",
    "binary": "binary data",
}

_HEAD_BYTES = 8192
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# OOXML encrypted with a password is an OLE container holding these streams.
_OLE_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_HTML_START = lazy_compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]"
    rb"|title[\s>])",
    regex.IGNORECASE | regex.DOTALL,
)
_ODF_TEXT_MIMETYPES = (
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-template",
)


def sniff_bytes(head: bytes, path: Path | None = None) -> str:
    """The format of a file that starts with `head` (the first few KB).

    One of the keys of `EXTENSIONS` ("txt" stands for any text, Markdown included),
    or "ole-encrypted", "zip", "binary". A ZIP's entries are looked at through
    `path` when it is given (Word and OpenDocument files are ZIP archives).
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        return _sniff_zip(head, path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path) if path is not None else "doc"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if _HTML_START.match(_as_ascii(head)):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "txt"


def sniff_file(path: Path) -> str:
    """The format of the file at `path` by its bytes (see `sniff_bytes`)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError as exc:
        raise FileUnreadable(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    return sniff_bytes(head, path)


# Formats the bytes show for certain; anything else ("txt", "binary", "zip") is left to
# the reader the extension names, which explains what is wrong with its own kind of file.
DEFINITE = frozenset({"pdf", "docx", "odt", "html", "doc", "rtf", "ole-encrypted"})


def format_to_read(path: Path) -> str:
    """The format to read `path` as: its content, checked against its extension.

    Raises `FormatMismatch` when the extension names one known format and the bytes
    are surely another (text extensions accept any text, HTML included, since a text
    file may quote markup). Bytes that show no format of their own (a corrupt file) go to the reader the
    extension names, which reports what is wrong with them. The result may be a
    format radsdok has no reader for ("doc", "rtf", "zip", "binary"): the caller says so.
    """
    source = str(path)
    content = sniff_file(path)
    claimed = FORMAT_OF_EXTENSION.get(path.suffix.lower())
    if claimed in ("txt", "md") and content in ("txt", "html"):
        return claimed
    if claimed == "docx" and content == "ole-encrypted":
        return content  # a password-protected Word file
    if claimed is not None and content not in DEFINITE:
        return claimed
    if claimed is not None and claimed != content:
        raise FormatMismatch(
            source,
            f"has the extension {path.suffix} ({FORMAT_NAMES[claimed]}) but holds "
            f"{FORMAT_NAMES[content]}; rename it with the right extension "
            f"({', '.join(EXTENSIONS.get(content, ('.docx',)))}) or check where it came from",
        )
    return content


def _sniff_zip(head: bytes, path: Path | None) -> str:
    # An OpenDocument file stores its uncompressed mimetype first, at a fixed offset.
    if head[30:38] == b"mimetype":
        mimetype = head[38:118]
        if mimetype.startswith(_ODF_TEXT_MIMETYPES):
            return "odt"
        return "zip"
    if path is None:
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    return "zip"


def _sniff_ole(path: Path) -> str:
    """A legacy .doc, or a password-protected OOXML file (an OLE container too)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(1_000_000)
    except OSError:
        return "doc"
    return "ole-encrypted" if all(name in data for name in _OLE_ENCRYPTED_STREAMS) else "doc"


def _as_ascii(head: bytes) -> bytes:
    """UTF-16 HTML read as ASCII bytes, so that one pattern finds its tags."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
        except UnicodeError:
            return head
    return head.lstrip(b"\xef\xbb\xbf")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text
    sample = head[:4096]
    if not sample:
        return False
    half = len(sample) / 2
    if max(sample[0::2].count(0), sample[1::2].count(0)) > 0.4 * half:
        return False  # UTF-16 without a mark
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > max(4, 0.05 * len(sample))
