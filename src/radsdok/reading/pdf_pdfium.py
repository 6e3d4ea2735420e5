"""The default PDF reader: pdfplumber's words and layout from PDFium's character boxes.

Per page, PDFium (pypdfium2) gives every character with its box (``FPDFText_GetLooseCharBox``:
the advance width and the font's descent-to-ascent height), its font's name and its size
as drawn. They become the characters the pdfplumber reader reads (`_page_chars`) and go
through the same word builder (`pdf_words`: overprinted bold dropped, words ended at
spaces, gaps and font changes) and the same layout (`pdf_layout`: columns, running headers
and footers, joining, dehyphenation). A page whose vector paths could form a ruled table
(`pdf_ruling.may_hold_table`) is read by pdfplumber instead
(`pdf_backends.plumber_page_boxes`, with ``find_tables``); pdfplumber is opened only for
such pages, once per file.
"""

from __future__ import annotations

import ctypes
import math
from functools import lru_cache
from typing import Any

from .pdf_backends import _Pages, add_page, open_pdfium, open_plumber, page_error, plumber_page_boxes
from .pdf_layout import Box
from .pdf_rotation import reading_turn, turn_box, turn_matrix
from .pdf_ruling import may_hold_table
from .pdf_words import Char, words_to_boxes
from .source import ReadWarning

__all__ = ["pdfium_layout_pages"]

# PDFium reports a hyphen it took for a line-end hyphenation as U+FFFE (U+0002 from
# FPDFText_GetUnicode) and generates no line break after it: it is the hyphen drawn.
_HYPHEN_MARKS = str.maketrans({"\ufffe": "-", "\x02": "-"})


def pdfium_layout_pages(source: str, max_pages: int | None) -> _Pages:
    """Lines of the PDF at `source`, page by page, as the pdfplumber reader lays them out."""
    pdf, out = open_pdfium(source)
    tables = _PlumberPages(source)
    try:
        limit = out.total if max_pages is None else min(max_pages, out.total)
        for index in range(limit):
            page = pdf[index]
            try:
                if may_hold_table(page):
                    boxes = tables.boxes(index)
                    if boxes is None:
                        boxes = _page_boxes(page)
                else:
                    boxes = _page_boxes(page)
            except Exception as exc:
                raise page_error(source, index, exc) from exc
            finally:
                page.close()
            add_page(out, boxes, index)
        tables.warn(out)
        return out
    finally:
        tables.close()
        pdf.close()


class _PlumberPages:
    """pdfplumber for the pages that may hold a ruled table: opened on the first such
    page and kept open for the rest of the file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pdf: Any = None
        self.unopened: str | None = None  # why pdfplumber could not open the file
        self.failed: list[tuple[int, str]] = []

    def boxes(self, index: int) -> list[Box] | None:
        """Words and table rows of page `index`, or None (noted for `warn`) where
        pdfplumber cannot read what PDFium could."""
        if self.unopened is not None:
            self.failed.append((index + 1, self.unopened))
            return None
        try:
            if self.pdf is None:
                try:
                    self.pdf = open_plumber(self.source)
                except Exception as exc:
                    self.unopened = f"{type(exc).__name__}: {exc}"
                    raise
            page = self.pdf.pages[index]
            try:
                return plumber_page_boxes(page)
            finally:
                page.close()
        except Exception as exc:  # the page is still read, without its table rows
            self.failed.append((index + 1, f"{type(exc).__name__}: {exc}"))
            return None

    def warn(self, out: _Pages) -> None:
        if self.failed:
            pages = ", ".join(str(n) for n, _ in self.failed)
            out.warnings.append(
                ReadWarning(
                    "tables-unread",
                    f"{self.source}: page(s) {pages} may hold a table that pdfplumber could not "
                    f"read ({self.failed[0][1]}); their text is read without table rows",
                )
            )

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _page_boxes(page: Any) -> list[Box]:
    textpage = page.get_textpage()
    try:
        turn = reading_turn(textpage, page.get_rotation() % 360)
        mediabox = page.get_mediabox() if turn else None
        return words_to_boxes(_page_chars(textpage, page.get_height(), turn, mediabox))
    finally:
        textpage.close()


def _page_chars(
    textpage: Any, height: float, turn: int = 0, mediabox: tuple[float, float, float, float] | None = None
) -> list[Char]:
    """The page's drawn, upright characters as `Char` tuples (top-down coordinates: the
    page's own, or with `turn` and `mediabox` those of the page turned for display).

    Characters PDFium generated (spaces and line breaks it inferred) are left out, as
    pdfplumber never sees them; drawn spaces stay, as they end words there too. A box's
    bottom is PDFium's (baseline plus the font's descent, as pdfminer's), its top is the
    bottom less the font size (as pdfminer's). Its right edge is the next character's
    origin where that one follows in the same text object on the same baseline: PDFium's
    box can be wider than the advance (a standard font without metrics in the file,
    measured on its substitute); pdfminer's is the advance.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    page_address = ctypes.cast(raw, ctypes.c_void_p).value
    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:  # one text index per character, whatever get_text_range made of it
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20) for i in range(count))
    text = text.translate(_HYPHEN_MARKS)
    text_object, loose_box = _char_calls()
    box = pdfium_c.FS_RECTF()
    box_address = ctypes.addressof(box)
    generated = pdfium_c.FPDFText_IsGenerated
    fonts: dict[int, tuple[str, float, bool]] = {}
    chars: list[Char] = []
    last_obj: int | None = None
    for index, char in enumerate(text):
        if char.isspace() and generated(raw, index):
            continue
        obj = text_object(page_address, index)
        font = fonts.get(obj) if obj else None
        if font is None:
            font = _font(raw, index, turn)
            if obj:
                fonts[obj] = font
        fontname, size, upright = font
        if not upright or not loose_box(page_address, index, box_address):
            last_obj = None
            continue
        if mediabox is None:
            left, right, bottom = box.left, box.right, height - box.bottom
        else:
            left, right, bottom = turn_box(box.left, box.bottom, box.right, box.top, turn, mediabox)
        if obj == last_obj:
            prev = chars[-1]
            if prev[1] < left < prev[2] and abs(prev[4] - bottom) < 0.01:
                chars[-1] = (prev[0], prev[1], left, prev[3], prev[4], prev[5], prev[6])
        chars.append((char, left, right, bottom - size, bottom, size, fontname))
        last_obj = obj
    return chars


def _font(raw: Any, index: int, turn: int = 0) -> tuple[str, float, bool]:
    """Font name, size as drawn (nominal size times the matrix's vertical scale) and
    uprightness (pdfminer's test on the matrix, on the page turned by `turn`) of the
    character at `index`."""
    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    upright = True
    if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
        a, b, c, d = turn_matrix(matrix.a, matrix.b, matrix.c, matrix.d, turn)
        size *= math.hypot(c, d)
        upright = a * d > 0 and b * c <= 0
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), flags)
    fontname = name.value.decode("utf-8", "replace") if 0 < length <= len(name) else ""
    return fontname, round(size, 3), upright


@lru_cache(maxsize=1)
def _char_calls() -> tuple[Any, Any]:
    """``FPDFText_GetTextObject`` (returning the object's address as an int: a cheap key
    for the per-object font cache) and ``FPDFText_GetLooseCharBox``, both taking plain
    addresses: the two calls made for every character, without pypdfium2's per-call
    argument conversions."""
    import pypdfium2.raw as pdfium_c

    def address(function: Any) -> int | None:
        return ctypes.cast(function, ctypes.c_void_p).value

    text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    loose_box = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return (
        text_object(address(pdfium_c.FPDFText_GetTextObject)),
        loose_box(address(pdfium_c.FPDFText_GetLooseCharBox)),
    )
