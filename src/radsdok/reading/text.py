"""Read .txt and .md files: decode the bytes, strip light Markdown, keep offsets honest."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import regex

from ..errors import DecodingFailed, EmptyDocument, FileUnreadable
from ..lazy_pattern import lazy_compile
from .source import ReadWarning, SourceText

# Bytes that cp1252 leaves undefined; their presence rules that encoding out.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Characters typical of mojibake: UTF-8 Swedish letters read as Latin-1/cp1252.
_MOJIBAKE = lazy_compile(r"Ã[¤¥¶„…–]")

_HEADING_MARK = lazy_compile(r"^[ \t]*#{1,6}[ \t]+", regex.MULTILINE)
# *emphasis* or **strong** within one paragraph; the opening star must not be
# followed by a space (that is a bullet), the closing one not preceded by one.
_EMPHASIS = lazy_compile(r"(?<![\w*])(\*{1,2})(?=[^\s*])((?:(?!\n\s*\n)[^*])+?)(?<=[^\s*])\1(?![\w*])")
_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Word's Symbol-font bullets (private-use code points) as extractors leave them: a bullet
_SYMBOL_BULLETS = {
    ord(mark): "\u2022"
    for mark in json.loads(files("radsdok").joinpath("data/pdf_cleanup.json").read_text("utf-8"))[
        "symbol_font_bullets"
    ]
}


_BINARY_SHARE = 0.01


def decode_bytes(data: bytes, source: str) -> tuple[str, list[ReadWarning]]:
    """Decode text bytes (BOMs, UTF-8, UTF-16, then cp1252 with a warning); refuse binary data."""
    text, warnings = _decode(data, source)
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(4, _BINARY_SHARE * min(len(text), 100_000)):
        raise DecodingFailed(source, "looks like a binary file, not text; give radsdok a .txt, .md or .pdf")
    return text, warnings


def _decode(data: bytes, source: str) -> tuple[str, list[ReadWarning]]:
    warnings: list[ReadWarning] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise DecodingFailed(source, f"has a UTF-16 byte-order mark but is not UTF-16: {exc}") from exc
    if _looks_utf16_without_bom(data):
        return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"), warnings
    if data.count(0) > max(8, len(data) // 100):
        raise DecodingFailed(source, "looks like a binary file, not text; give radsdok a .txt, .md or .pdf")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    encoding = _single_byte_encoding(data)
    warnings.append(ReadWarning("encoding-fallback", f"not UTF-8; decoded as {_ENCODING_NAMES[encoding]}"))
    return data.decode(encoding), warnings


# Single-byte encodings a Swedish text that is not UTF-8 may be in, with their names in warnings.
_ENCODING_NAMES = {"cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1", "mac_roman": "Mac Roman"}
# Letters a Swedish text has many of; each single-byte encoding puts them at other bytes,
# so the wrong encoding turns them into other symbols ("Š" for a Mac Roman "ä").
_SWEDISH_LETTERS = lazy_compile(r"[åäöÅÄÖé]")


def _single_byte_encoding(data: bytes) -> str:
    """The single-byte encoding under which the bytes read as the most Swedish letters."""
    western = "latin-1" if any(bytes([byte]) in data for byte in _CP1252_UNDEFINED) else "cp1252"
    sample = data[:200_000]
    scores = {
        encoding: len(_SWEDISH_LETTERS.findall(sample.decode(encoding)))
        for encoding in (western, "mac_roman")
    }
    return max(scores, key=lambda encoding: scores[encoding])  # ties keep the western encoding


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:400]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zeros, odd_zeros) > 0.4 * half and min(even_zeros, odd_zeros) < 0.05 * half


def strip_markup(text: str) -> str:
    """Remove Markdown heading marks and emphasis stars; leave bullets and text alone."""
    text = _HEADING_MARK.sub("", text)
    return _EMPHASIS.sub(lambda m: m.group(2), text)


def clean_text(raw: str) -> str:
    """Normalise line endings and Symbol-font bullets, drop control characters and soft hyphens,
    strip markup."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\ufeff", "")
    text = _CONTROL.sub("", text).translate(_SYMBOL_BULLETS)
    return strip_markup(text).strip()


def text_from_string(raw: str, source: str, fmt: str = "txt") -> SourceText:
    """Build a SourceText from a string already in memory."""
    text = clean_text(raw)
    if not text:
        raise EmptyDocument(source, "holds no text")
    warnings: list[ReadWarning] = []
    if _MOJIBAKE.search(text):
        warnings.append(
            ReadWarning("mojibake", "text contains sequences like 'Ã¤': it was probably decoded twice")
        )
    return SourceText(text=text, source=source, format=fmt, warnings=warnings)


def read_text_file(path: str | Path, fmt: str = "txt") -> SourceText:
    """Read a .txt/.md file into a SourceText."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FileUnreadable(source, f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise EmptyDocument(source, "is empty")
    raw, warnings = decode_bytes(data, source)
    result = text_from_string(raw, source, fmt)
    result.warnings[:0] = warnings
    return result


def read_txt(path: Path, options: object = None) -> SourceText:
    """The reader of plain text files (`options` are those of every reader; text needs none)."""
    return read_text_file(path, "txt")


def read_md(path: Path, options: object = None) -> SourceText:
    """The reader of Markdown files."""
    return read_text_file(path, "md")
