"""Minimal PDFs written byte by byte, for tests that need shapes no generator library makes:
thousands of pages, streams that inflate to gigabytes. All text is written here."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def page_content(lines: Iterable[str]) -> bytes:
    """A page content stream drawing each line in Helvetica, top to bottom."""
    ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def flate_stream(content: bytes, filler_bytes: int = 0, filler: bytes = b" ") -> bytes:
    """A Flate stream object body: `content` followed by `filler_bytes` of `filler`,
    compressed piece by piece so that gigabytes never sit in memory."""
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(content + b"\n")]
    block = filler * (1 << 20)
    left = filler_bytes
    while left > 0:
        parts.append(compressor.compress(block[:left]))
        left -= len(block)
    parts.append(compressor.flush())
    data = b"".join(parts)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def build_pdf(streams: list[bytes], rotate: int = 0) -> bytes:
    """A PDF with one page per content stream object body (as made by `flate_stream`),
    every page turned by `rotate` degrees for display (/Rotate)."""
    count = len(streams)
    # objects: 1 catalog, 2 pages, 3 font, then page i at 4 + 2i and its content at 5 + 2i
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        _FONT,
    ]
    for i, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (rotate, 5 + 2 * i)
        )
        objects.append(stream)
    out = bytearray(b"%PDF-1.4\n%\xe5\xe4\xf6\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with these lines of text on its pages."""
    return build_pdf([flate_stream(page_content(lines)) for lines in pages])


def bomb_pdf(inflated_bytes: int) -> bytes:
    """A one-page PDF with two lines of text whose content stream inflates to `inflated_bytes`."""
    lines = ["Fråga om skolan", "Hur går det med skolan?"]
    return build_pdf([flate_stream(page_content(lines), filler_bytes=inflated_bytes)])
