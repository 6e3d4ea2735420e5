"""PDF backends: pdfplumber and PDFium's text lines, each turning pages into `Box` records.

* pdfplumber (``reader="pdfplumber"``): pdfplumber (pdfminer) words, page by
  page (each page closed after use), with ruled tables found by
  ``page.find_tables()`` and kept in place as one row per line, cells joined
  by " | ";
* pypdfium2 text lines (``reader="fast"``): ``get_text_range`` lines with
  their boxes; no table detection.

The default reader (`pdf_pdfium`) builds the same words as the pdfplumber path
from PDFium's character boxes (`pdf_words`, shared) and reads the pages that
may hold a ruled table with `plumber_page_boxes`.

All hand each page's boxes to `pdf_layout.layout_page` and collect the
resulting lines, with the warnings and errors of opening and reading the file,
in a `_Pages` record.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from ..errors import EncryptedPDF, RadsdokError, UnreadablePDF
from .pdf_layout import Box, Line, _group_rows, _rows_to_lines, layout_page
from .pdf_words import plumber_chars, words_to_boxes
from .source import ReadWarning

# pypdfium2 marks a hyphen it judged to be a line-end hyphenation with U+FFFE
# (U+0002 in some calls) and joins the two lines; we split there again.
_PDFIUM_HYPHEN = "\ufffe\x02"


@dataclass
class _Pages:
    """Per-page lines of a whole document plus what went wrong on the way."""

    lines: list[list[Line]] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)  # 1-based page numbers
    total: int = 0
    warnings: list[ReadWarning] = field(default_factory=list)


def add_page(out: _Pages, boxes: list[Box], index: int) -> None:
    """Lay out page `index` from its boxes (blank ones and runs taller than three lines
    left out) and append its lines to `out`; a page without any is listed as empty."""
    boxes = [
        b for b in boxes if b.text.strip() and (b.table >= 0 or b.bottom - b.top <= 3 * max(b.size, 1.0))
    ]
    if not boxes:
        out.empty.append(index + 1)
        out.lines.append([])
        return
    lines = layout_page(boxes)
    for line in lines:
        line.page = index
    out.lines.append(lines)


# --------------------------------------------------------------------------
# pdfplumber path
# --------------------------------------------------------------------------


def open_plumber(source: str) -> Any:
    """The pdfplumber document at `source`, or the radsdok error saying why not."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(source)
    except PdfminerException as exc:
        raise _open_error(source, exc) from exc


def _plumber_pages(source: str, max_pages: int | None) -> _Pages:
    with open_plumber(source) as pdf:
        out = _Pages()
        if pdf.doc.encryption is not None:
            out.warnings.append(_empty_password_warning(source))
        pages = pdf.pages
        out.total = len(pages)
        limit = out.total if max_pages is None else min(max_pages, out.total)
        for index in range(limit):
            page = pages[index]
            try:
                boxes = plumber_page_boxes(page)
            except Exception as exc:
                raise page_error(source, index, exc) from exc
            finally:
                page.close()  # drop pdfminer layout and object caches
            add_page(out, boxes, index)
        return out


def page_error(source: str, index: int, exc: Exception) -> UnreadablePDF:
    return UnreadablePDF(
        source,
        f"page {index + 1} could not be read ({type(exc).__name__}: {exc}); the file may be "
        "truncated or corrupt: download or export it again",
    )


def _open_error(source: str, exc: Exception) -> RadsdokError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return _encrypted(source)
    if isinstance(inner, PDFEncryptionError):
        return EncryptedPDF(
            source,
            f"uses an encryption radsdok cannot open ({inner}); decrypt it first, e.g. with `qpdf --decrypt`",
        )
    return UnreadablePDF(
        source,
        f"could not be opened as a PDF ({type(inner).__name__}: {inner}); the file "
        "may be truncated or corrupt: download or export it again",
    )


def _encrypted(source: str) -> EncryptedPDF:
    return EncryptedPDF(
        source,
        "is encrypted with a password; decrypt it first (e.g. `qpdf --password=... "
        "--decrypt in.pdf out.pdf`) and read the decrypted copy",
    )


def _empty_password_warning(source: str) -> ReadWarning:
    return ReadWarning(
        "encrypted-empty-password",
        f"{source}: is encrypted but opens with an empty user password; read anyway "
        "(check that extracting its text is permitted)",
    )


def plumber_page_boxes(page: Any) -> list[Box]:
    """Words (and table rows) of one pdfplumber page as boxes."""
    boxes = words_to_boxes(plumber_chars(page.chars))
    if boxes and (page.objects.get("rect") or page.objects.get("line")):
        boxes = _with_tables(page, boxes)
    return boxes


def _with_tables(page: Any, boxes: list[Box]) -> list[Box]:
    """Replace the words inside ruled tables by one box per table row."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2]
    rows_out: list[Box] = []
    inside: set[int] = set()
    for number, table in enumerate(tables):
        x0, top, x1, bottom = table.bbox
        members = [
            i
            for i, b in enumerate(boxes)
            if x0 <= (b.x0 + b.x1) / 2 <= x1 and top <= (b.top + b.bottom) / 2 <= bottom
        ]
        rows = [_table_row(row, [boxes[i] for i in members]) for row in table.rows]
        if max((sum(1 for c in r if c) for r in rows), default=0) < 2:
            continue  # a frame or a single cell: not a table, keep the words
        inside.update(members)
        size = median(boxes[i].size for i in members) if members else 10.0
        for row, cells in zip(table.rows, rows, strict=True):
            if any(cells):
                rows_out.append(Box(" | ".join(cells), x0, x1, row.bbox[1], row.bbox[3], size, table=number))
    if not inside:
        return boxes
    return [b for i, b in enumerate(boxes) if i not in inside] + rows_out


def _table_row(row: Any, words: list[Box]) -> list[str]:
    """Cell texts of one table row, from the words whose centre lies in each cell."""
    cells: list[str] = []
    for cell in row.cells:
        if cell is None:
            continue
        cx0, ctop, cx1, cbottom = cell
        inner = [
            w for w in words if cx0 <= (w.x0 + w.x1) / 2 <= cx1 and ctop <= (w.top + w.bottom) / 2 <= cbottom
        ]
        cells.append(" ".join(line.text for line in _rows_to_lines(_group_rows(inner))))
    return cells


# --------------------------------------------------------------------------
# pypdfium2 path
# --------------------------------------------------------------------------


def open_pdfium(source: str) -> tuple[Any, _Pages]:
    """The pypdfium2 document at `source` and an empty `_Pages` record for it
    (with its page count, and a warning if it opened with an empty password)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise _encrypted(source) from exc
        raise UnreadablePDF(
            source,
            f"could not be opened as a PDF ({exc}); the file may be truncated or "
            "corrupt: download or export it again",
        ) from exc
    out = _Pages()
    try:
        if pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1:
            out.warnings.append(_empty_password_warning(source))
        out.total = len(pdf)
    except Exception:
        pdf.close()
        raise
    return pdf, out


def _pdfium_pages(source: str, max_pages: int | None) -> _Pages:
    pdf, out = open_pdfium(source)
    try:
        limit = out.total if max_pages is None else min(max_pages, out.total)
        for index in range(limit):
            try:
                boxes = _pdfium_page_boxes(pdf, index)
            except Exception as exc:
                raise page_error(source, index, exc) from exc
            add_page(out, boxes, index)
        return out
    finally:
        pdf.close()


def _pdfium_page_boxes(pdf: Any, index: int) -> list[Box]:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return _pdfium_boxes(textpage, page.get_height())
        finally:
            textpage.close()
    finally:
        page.close()


_LINE_BREAK = re.compile(r"\r\n|\r|\n|[\ufffe\x02]")


def _pdfium_boxes(textpage: Any, height: float) -> list[Box]:
    """Line runs of one pdfium text page, split again at pdfium's hyphen marks."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    aligned = len(text) == textpage.count_chars()

    def char_index(i: int) -> int:
        return i if aligned else pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, i)

    boxes: list[Box] = []
    start = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = len(text) if m is None else m.start()
        hyphen = m is not None and m.group() in _PDFIUM_HYPHEN
        piece = text[start:end] + ("-" if hyphen else "")
        stripped = piece.strip()
        if stripped:
            first = start + (len(piece) - len(piece.lstrip()))
            last = end if hyphen else start + len(piece.rstrip()) - 1
            boxes.append(_pdfium_box(textpage, stripped, char_index(first), char_index(last), height))
        start = len(text) if m is None else m.end()
    return boxes


def _pdfium_box(textpage: Any, text: str, first: int, last: int, height: float) -> Box:
    import pypdfium2.raw as pdfium_c

    l0, b0, r0, t0 = textpage.get_charbox(first, loose=True)
    l1, b1, r1, t1 = textpage.get_charbox(last, loose=True)
    size = _pdfium_font_size(textpage, first) or (t0 - b0) * 0.85
    bold = pdfium_c.FPDFText_GetFontWeight(textpage, first) >= 600
    return Box(
        text=text,
        x0=min(l0, l1),
        x1=max(r0, r1),
        top=height - max(t0, t1),
        bottom=height - min(b0, b1),
        size=float(size),
        bold=bold,
    )


def _pdfium_font_size(textpage: Any, index: int) -> float:
    """Font size as drawn: the nominal size times the text matrix's vertical scale."""
    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    size = float(pdfium_c.FPDFText_GetFontSize(textpage, index))
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
    return size
