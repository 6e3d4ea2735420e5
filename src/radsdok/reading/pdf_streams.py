"""Refuse decompression bombs: PDFs whose compressed streams inflate beyond a limit.

pdfminer and PDFium both inflate a whole content stream in memory (about 2.4 bytes of
memory per inflated byte), so a 3 MB PDF whose one stream inflates to 3 GB would take
7 GB. Before either library sees the file, every Flate stream in the raw bytes is
inflated here in small pieces that are counted and thrown away: memory stays flat, and
a stream that inflates past the limit makes the file a `FileTooLarge` error.

Every stream is checked whatever its dictionary says: a stream that calls itself an image
is still decoded as page content if a page names it as its content. Data that is not zlib
(JPEG images, say) fails at its first bytes and costs nothing. Streams under another filter
chain (ASCII85 or LZW before Flate) and streams of encrypted PDFs are not zlib data in
the file and cannot be measured here; the per-document time limit still applies to them.
"""

from __future__ import annotations

import mmap
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import FileTooLarge

# Largest size one compressed stream may inflate to. A council document's page content
# inflates to well under 1 MB; a font or an embedded file to a few MB.
MAX_INFLATED = 256 * 1024 * 1024

_KEYWORD = b"stream"
_FIRST_IN_CHUNK = 4 * 1024  # most streams are small: read them in one small piece
_IN_CHUNK = 256 * 1024
_OUT_CHUNK = 1024 * 1024


def check_inflation(path: Path, source: str, limit: int | None = MAX_INFLATED) -> None:
    """Raise FileTooLarge naming `source` if a Flate stream in the file inflates past `limit` bytes."""
    if limit is None or path.stat().st_size == 0:
        return  # nothing to inflate (and an empty file cannot be memory-mapped)
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for start in stream_starts(data):
            if inflated_size(data, start, limit) > limit:
                raise FileTooLarge(
                    source,
                    f"has a compressed stream (at byte {start:,}) that inflates to more than "
                    f"{limit:,} bytes (a decompression bomb?); raise the limit with --max-inflated "
                    "only if you trust the file",
                )


def stream_starts(data: bytes | mmap.mmap) -> Iterator[int]:
    """Offsets where stream data begins: after each `stream` keyword and its end of line."""
    position = data.find(_KEYWORD)
    while position != -1:
        after = position + len(_KEYWORD)
        if data[position - 3 : position] != b"end":
            if data[after : after + 2] == b"\r\n":
                yield after + 2
            elif data[after : after + 1] == b"\n":
                yield after + 1
        position = data.find(_KEYWORD, after)


def inflated_size(data: bytes | mmap.mmap, start: int, limit: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counting stops just past `limit`.

    Data that is not a zlib stream counts as 0 (it is not Flate, or it is encrypted);
    a stream cut short counts what inflated before the cut.
    """
    inflater = zlib.decompressobj()
    total = 0
    position = start
    end = len(data)
    chunk = _FIRST_IN_CHUNK
    try:
        while position < end and not inflater.eof:
            piece = data[position : position + chunk]
            position += len(piece)
            chunk = _IN_CHUNK
            while piece:
                total += len(inflater.decompress(piece, _OUT_CHUNK))
                if total > limit:
                    return total
                piece = inflater.unconsumed_tail
    except zlib.error:
        return total if total else 0
    return total
