"""Decode the bytes of a web page: a byte-order mark, else the charset the page declares
(`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding?>`), else UTF-8,
else a single-byte encoding with a warning (as for text files)."""

from __future__ import annotations

import codecs

import regex

from ..lazy_pattern import lazy_compile
from .html_rules import rules
from .source import ReadWarning
from .text import decode_bytes

_DECLARED = lazy_compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})"
    rb"|<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]{1,40})",
    regex.IGNORECASE,
)
# Labels browsers read as another encoding than Python would (the WHATWG Encoding
# standard): a page declared Latin-1 or ASCII is read as Windows-1252.
_BROWSER_ENCODING = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


def declared_encoding(data: bytes) -> str | None:
    """The Python codec the page's head declares, or None (no declaration, or an unknown one)."""
    found = _DECLARED.search(data[: rules().charset_head_bytes])
    if found is None:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
        # A declaration readable as ASCII cannot be in UTF-16, UTF-32 or UTF-7 (which browsers
        # refuse); "base64" or "rot13" are codecs but no text encodings.
        readable = "<meta charset=".encode(name) == b"<meta charset="
    except (LookupError, UnicodeError):
        return None
    if not readable or name.startswith(("utf-16", "utf-32", "utf-7")):
        return None
    return _BROWSER_ENCODING.get(name, name)


def decode_page(data: bytes, source: str) -> tuple[str, list[ReadWarning]]:
    """The page's text, and a warning when its encoding had to be guessed."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, source)
    declared = declared_encoding(data)
    if declared is None:
        return decode_bytes(data, source)
    try:
        text = data.decode(declared)
    except UnicodeDecodeError:
        text, warnings = decode_bytes(data, source)
        said = f"declares the encoding {declared} but its bytes are not in it"
        fallback = [w for w in warnings if w.code == "encoding-fallback"]
        rest = [w for w in warnings if w.code != "encoding-fallback"]
        how = fallback[0].message if fallback else "read as UTF-8"
        return text, [ReadWarning("encoding-fallback", f"{said}; {how}"), *rest]
    return decode_bytes(text.encode("utf-8"), source)  # the checks for binary data, as for any text
