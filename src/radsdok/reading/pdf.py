"""Read a PDF into a SourceText: the document's clean text plus a page map.

Two extraction paths feed one cleanup:

* default: pdfplumber (pdfminer) words, page by page (each page closed after
  use), with ruled tables found by ``page.find_tables()`` and kept in place as
  one row per line, cells joined by " | ";
* ``fast=True``: pypdfium2 text lines (``get_text_range``) with their boxes;
  no table detection.

Both paths produce the same `Line` records (text, box, font size, boldness)
and share every later step. The rules, in short (patterns and word lists in
``radsdok/data/pdf_cleanup.json``):

* characters: overprinted duplicates dropped (fake bold), ligatures expanded,
  odd spaces normalised, accents composed (NFC), soft hyphens removed;
* reading order: lines top to bottom; where a gutter (a text-free vertical
  band with several lines of running text on both sides) splits the page,
  column by column between full-width lines;
* headers/footers: the first 4 and last 3 lines of each page form its edge
  zones; a zone line whose text (lowercased, digits as "#") recurs in that zone
  on at least 2 pages and 40% of all pages is running: dropped from pages 2+
  (headers) or all pages (footers); page 1's header lines stay, because they
  carry the Dnr and date. Page-number-only lines ("Sida 2 (3)", "2 (4)",
  "- 2 -") in a zone are dropped on every page;
* joining: a larger vertical gap than the page's usual leading gives "\n\n";
  list items, headings (a change of size or boldness), lines stopping short
  of the margin and lines starting far to the right keep "\n"; other lines of
  a paragraph are joined with a space; a line-end hyphen is resolved by
  `dehyphenate` (Swedish: joined unless it is a real hyphen).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

from ..errors import (
    EmptyDocument,
    EncryptedPDF,
    FileUnreadable,
    NoTextLayer,
    RadsdokError,
    UnreadablePDF,
)
from .pdf_streams import MAX_INFLATED, check_inflation
from .source import ReadWarning, SourceText
from .text import strip_markup

__all__ = [
    "clean_chars",
    "dehyphenate",
    "is_page_number_line",
    "read_pdf",
    "running_keys",
]

SOFT_HYPHEN = "\u00ad"
# pypdfium2 marks a hyphen it judged to be a line-end hyphenation with U+FFFE
# (U+0002 in some calls) and joins the two lines; we split there again.
_PDFIUM_HYPHEN = "\ufffe\x02"
_OCR_HINT = "run OCR first, e.g. `ocrmypdf in.pdf out.pdf`"


# --------------------------------------------------------------------------
# rules (data)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    char_table: dict[int, str]
    page_number: re.Pattern[str]
    embedded_page_number: re.Pattern[str]
    zone_top: int
    zone_bottom: int
    running_min_pages: int
    running_min_share: float
    keep_before: frozenset[str]
    hyphen_prefixes: frozenset[str]
    bullet_item: re.Pattern[str]
    dash_item: re.Pattern[str]
    att_item: re.Pattern[str]
    bold_font: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Load ``data/pdf_cleanup.json`` once."""
    raw = json.loads(files("radsdok").joinpath("data/pdf_cleanup.json").read_text("utf-8"))
    table = {ord(k): v for k, v in raw["char_map"].items()}
    table[ord(SOFT_HYPHEN)] = ""
    return _Rules(
        char_table=table,
        # (?<!\s): a match starts where a whitespace run starts, not at each of its spaces
        page_number=re.compile(
            r"(?<!\s)(?:" + "|".join(f"(?:{p})" for p in raw["page_number_lines"]) + ")", re.IGNORECASE
        ),
        embedded_page_number=re.compile(
            "|".join(f"(?:{p})" for p in raw["embedded_page_numbers"]), re.IGNORECASE
        ),
        zone_top=int(raw["zone_lines"]["top"]),
        zone_bottom=int(raw["zone_lines"]["bottom"]),
        running_min_pages=int(raw["running_min_pages"]),
        running_min_share=float(raw["running_min_share"]),
        keep_before=frozenset(w.lower() for w in raw["hyphen_keep_before"]),
        hyphen_prefixes=frozenset(w.lower() for w in raw["hyphen_prefixes"]),
        bullet_item=re.compile(raw["bullet_item"]),
        dash_item=re.compile(raw["dash_item"]),
        att_item=re.compile(raw["att_item"]),
        bold_font=re.compile(raw["bold_font"], re.IGNORECASE),
    )


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Box:
    """A piece of text on a page: a word (pdfplumber) or a line run (pdfium)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    table: int = -1  # table number on the page for a table row, else -1


@dataclass(slots=True)
class Line:
    """One visual line in reading order, with the hints the joiner needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int = 0
    table: int = -1
    column: int = 0  # 0: full width; 1, 2, ...: column left to right
    flow: int = 0  # consecutive lines of one column share a flow
    edge: str = ""  # "top" / "bottom" when among the page's first/last lines
    para_before: bool | None = None  # larger vertical gap above (None: unknown)
    room: float = 0.0  # free width between the line end and its column margin
    justified: bool = False  # most lines of its column reach the margin
    char_w: float = 5.0  # mean character width on the line

    def same_style(self, other: Line) -> bool:
        """Same boldness and font size within half a point."""
        return self.bold == other.bold and abs(self.size - other.size) <= 0.5


@dataclass
class _Pages:
    """Per-page lines of a whole document plus what went wrong on the way."""

    lines: list[list[Line]] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)  # 1-based page numbers
    total: int = 0
    warnings: list[ReadWarning] = field(default_factory=list)


# --------------------------------------------------------------------------
# public entry point
# --------------------------------------------------------------------------


def read_pdf(
    path: str | Path,
    *,
    fast: bool = False,
    max_pages: int | None = None,
    max_inflated: int | None = MAX_INFLATED,
) -> SourceText:
    """Read the PDF at `path` into clean text with a page map (format "pdf").

    `fast` uses pypdfium2 instead of pdfplumber (no table detection); the text
    cleanup is the same. `max_pages` stops after that many pages, with a
    warning. A compressed stream inflating past `max_inflated` bytes (a decompression
    bomb) makes it `FileTooLarge` before any PDF library reads it. Raises
    `FileUnreadable`, `EmptyDocument`, `UnreadablePDF`, `EncryptedPDF`, `NoTextLayer`
    or `FileTooLarge`.
    """
    source = str(path)
    if max_pages is not None and max_pages < 1:
        raise ValueError(f"max_pages must be at least 1, not {max_pages}")
    _check_file(Path(path), source)
    check_inflation(Path(path), source, max_inflated)
    try:
        pages = _pdfium_pages(source, max_pages) if fast else _plumber_pages(source, max_pages)
    except RadsdokError:
        raise
    except Exception as exc:  # pdfminer / pypdfium2 / anything below us
        raise UnreadablePDF(
            source,
            f"could not be read as a PDF ({type(exc).__name__}: {exc}); the file may be "
            "truncated or corrupt: download or export it again",
        ) from exc
    return _assemble(source, pages, max_pages)


def _check_file(path: Path, source: str) -> None:
    """Fail early, with a clear message, on missing, empty and non-PDF files."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError as exc:
        raise FileUnreadable(source, "no such file; check the path") from exc
    except IsADirectoryError as exc:
        raise FileUnreadable(source, "is a directory, not a PDF file") from exc
    except OSError as exc:
        raise FileUnreadable(source, f"cannot be opened ({exc.strerror}); check permissions") from exc
    if not head:
        raise EmptyDocument(source, "is empty (0 bytes); download or export the PDF again")
    if b"%PDF-" not in head:
        raise UnreadablePDF(source, "is not a PDF (no %PDF header); check the file type or its extension")


def _assemble(source: str, pages: _Pages, max_pages: int | None) -> SourceText:
    if pages.total == 0:
        raise EmptyDocument(source, "has no pages; export the PDF again")
    if len(pages.empty) == len(pages.lines):
        raise NoTextLayer(source, f"has no text layer (a scan?); {_OCR_HINT}")
    warnings = list(pages.warnings)
    if pages.empty:
        nums = ", ".join(str(n) for n in pages.empty)
        warnings.append(
            ReadWarning(
                "pages-without-text",
                f"{source}: page(s) {nums} have no text layer (scanned?) and are missing "
                f"from the text; {_OCR_HINT}",
            )
        )
    if max_pages is not None and pages.total > len(pages.lines):
        warnings.append(
            ReadWarning(
                "max-pages",
                f"{source}: read only the first {len(pages.lines)} of {pages.total} pages "
                "(max_pages); pass a larger max_pages to read the rest",
            )
        )
    kept = remove_running_lines(pages.lines)
    text, starts = join_pages(kept)
    return SourceText(text=text, source=source, format="pdf", page_starts=starts, warnings=warnings)


# --------------------------------------------------------------------------
# pdfplumber path
# --------------------------------------------------------------------------


def _plumber_pages(source: str, max_pages: int | None) -> _Pages:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(source)
    except PdfminerException as exc:
        raise _open_error(source, exc) from exc
    with pdf:
        out = _Pages()
        if pdf.doc.encryption is not None:
            out.warnings.append(_empty_password_warning(source))
        pages = pdf.pages
        out.total = len(pages)
        limit = out.total if max_pages is None else min(max_pages, out.total)
        for index in range(limit):
            page = pages[index]
            try:
                boxes = _plumber_boxes(page)
            except Exception as exc:
                raise _page_error(source, index, exc) from exc
            finally:
                page.close()  # drop pdfminer layout and object caches
            _add_page(out, boxes, index)
        return out


def _page_error(source: str, index: int, exc: Exception) -> UnreadablePDF:
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


def _plumber_boxes(page: Any) -> list[Box]:
    """Words (and table rows) of one pdfplumber page as boxes."""
    from pdfplumber.utils import extract_words

    chars = dedupe_chars(page.chars)
    if not chars:
        return []
    # Words split at gaps over 0.15 em (pdfplumber's fixed 3pt glues tightly
    # justified words together when the PDF draws no space characters).
    words = extract_words(chars, x_tolerance_ratio=0.15, extra_attrs=["size", "fontname"])
    bold_font = _rules().bold_font
    boxes = [
        Box(
            text=w["text"],
            x0=w["x0"],
            x1=w["x1"],
            top=w["top"],
            bottom=w["bottom"],
            size=w["size"],
            bold=bool(bold_font.search(w["fontname"])),
        )
        for w in words
    ]
    if page.objects.get("rect") or page.objects.get("line"):
        boxes = _with_tables(page, boxes)
    return boxes


def dedupe_chars(chars: list[dict[str, Any]], tolerance: float = 1.0) -> list[dict[str, Any]]:
    """Drop overprinted duplicates (fake bold): same glyph, font and size within
    `tolerance` points of an earlier one.

    Same rule as ``pdfplumber.Page.dedupe_chars()``, in linear time (pdfplumber's
    re-sorts with ``list.index`` and costs ~5x the page's extraction time): chars
    go into a grid of 2*tolerance cells, and each looks only in the four cells
    its neighbourhood can touch. Non-upright (rotated) characters are dropped
    too: margin stamps, not body text.
    """
    cell = 2.0 * tolerance
    seen: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    get = seen.get
    out: list[dict[str, Any]] = []
    for c in chars:
        if not c["upright"]:
            continue
        x, y = c["x0"] / cell, c["top"] / cell
        gx, gy = math.floor(x), math.floor(y)
        dx = 1 if x - gx >= 0.5 else -1
        dy = 1 if y - gy >= 0.5 else -1
        t = c["text"]
        keys = ((t, gx, gy), (t, gx + dx, gy), (t, gx, gy + dy), (t, gx + dx, gy + dy))
        if any(_overprints(c, o, tolerance) for k in keys for o in get(k, ())):
            continue
        bucket = get(keys[0])
        if bucket is None:
            seen[keys[0]] = [c]
        else:
            bucket.append(c)
        out.append(c)
    return out


def _overprints(c: dict[str, Any], o: dict[str, Any], tolerance: float) -> bool:
    return (
        abs(o["x0"] - c["x0"]) <= tolerance
        and abs(o["top"] - c["top"]) <= tolerance
        and o["fontname"] == c["fontname"]
        and o["size"] == c["size"]
    )


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


def _pdfium_pages(source: str, max_pages: int | None) -> _Pages:
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
    try:
        out = _Pages()
        if pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1:
            out.warnings.append(_empty_password_warning(source))
        out.total = len(pdf)
        limit = out.total if max_pages is None else min(max_pages, out.total)
        for index in range(limit):
            try:
                boxes = _pdfium_page_boxes(pdf, index)
            except Exception as exc:
                raise _page_error(source, index, exc) from exc
            _add_page(out, boxes, index)
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


# --------------------------------------------------------------------------
# layout: boxes -> lines in reading order (shared)
# --------------------------------------------------------------------------


def _add_page(out: _Pages, boxes: list[Box], index: int) -> None:
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


def layout_page(boxes: list[Box]) -> list[Line]:
    """Boxes of one page -> lines in reading order, with joining hints set."""
    gutters = find_gutters(boxes)
    ordered = _order_columns(boxes, gutters)
    _mark_edges(ordered)
    _set_hints(ordered)
    return ordered


def find_gutters(boxes: list[Box]) -> list[tuple[float, float]]:
    """Vertical bands free of text between columns of running text.

    A gutter is a band at least 9pt wide, away from the text's outer edges,
    crossed by few boxes, with several lines of multi-word text on both sides
    that overlap vertically over at least half of the shorter side, and with the
    left side's lines reaching close to the band (so a label/value letterhead
    block is not taken for two columns).
    """
    text = [b for b in boxes if b.table < 0]
    if len(text) < 8:
        return []
    left = min(b.x0 for b in text)
    right = max(b.x1 for b in text)
    width = right - left
    if width < 120:
        return []
    cover = [0] * (int(width) + 3)
    for b in text:
        cover[int(b.x0 - left)] += 1
        cover[int(b.x1 - left) + 1] -= 1
    running = 0
    for i, v in enumerate(cover):
        running += v
        cover[i] = running
    allowed = max(1, int(0.2 * max(cover)))
    lo, hi = int(0.15 * width), int(0.85 * width)
    gutters: list[tuple[float, float]] = []
    i = lo
    while i < hi:
        if cover[i] > allowed:
            i += 1
            continue
        j = i
        while j < hi and cover[j] <= allowed:
            j += 1
        g0, g1 = left + i, left + j
        if g1 - g0 >= 9 and _valid_gutter(text, g0, g1):
            gutters.append((g0, g1))
        i = j
    return gutters


def _valid_gutter(boxes: list[Box], g0: float, g1: float) -> bool:
    lhs = [b for b in boxes if b.x1 <= g0 + 1]
    rhs = [b for b in boxes if b.x0 >= g1 - 1]
    if not lhs or not rhs:
        return False
    rows_l = _row_ends(lhs)
    rows_r = _row_ends(rhs)
    if len(rows_l) < 3 or len(rows_r) < 3:
        return False
    words_l = sum(len(b.text.split()) for b in lhs) / len(rows_l)
    words_r = sum(len(b.text.split()) for b in rhs) / len(rows_r)
    if words_l < 2.5 or words_r < 2.5:
        return False
    top_l, bot_l = min(b.top for b in lhs), max(b.bottom for b in lhs)
    top_r, bot_r = min(b.top for b in rhs), max(b.bottom for b in rhs)
    overlap = min(bot_l, bot_r) - max(top_l, top_r)
    if overlap < 0.5 * min(bot_l - top_l, bot_r - top_r):
        return False
    left_edge = min(b.x0 for b in lhs)
    return median(rows_l.values()) >= g0 - 0.3 * (g0 - left_edge)


def _row_ends(boxes: list[Box]) -> dict[int, float]:
    """Rightmost x per text row (rows keyed by rounded bottom)."""
    ends: dict[int, float] = {}
    for b in boxes:
        key = round(b.bottom)
        ends[key] = max(ends.get(key, b.x1), b.x1)
    return ends


def _order_columns(boxes: list[Box], gutters: list[tuple[float, float]]) -> list[Line]:
    """Lines in reading order: column by column between full-width lines."""
    tables = [b for b in boxes if b.table >= 0]
    text = [b for b in boxes if b.table < 0]
    if not gutters:
        lines = _rows_to_lines(_group_rows(text)) + _table_lines(tables)
        lines.sort(key=lambda ln: ln.top)
        return _number_flows([(0, ln) for ln in lines])

    def crosses(b: Box) -> bool:
        return any(b.x0 < g1 - 1 and b.x1 > g0 + 1 for g0, g1 in gutters)

    spans = [(b.top, b.bottom) for b in text if crosses(b)]
    spanning: list[Box] = []
    columns: dict[int, list[Box]] = {}
    for b in text:
        centre = (b.top + b.bottom) / 2
        if crosses(b) or any(t <= centre <= bt for t, bt in spans):
            spanning.append(b)
        else:
            col = sum(1 for g0, _ in gutters if b.x0 >= g0)
            columns.setdefault(col, []).append(b)
    span_lines = sorted(_rows_to_lines(_group_rows(spanning)) + _table_lines(tables), key=lambda ln: ln.top)
    col_lines = {c: _rows_to_lines(_group_rows(bs)) for c, bs in columns.items()}
    cuts = [ln.top for ln in span_lines]
    tagged: list[tuple[int, Line]] = []
    for band in range(len(cuts) + 1):
        lo = cuts[band - 1] if band else -math.inf
        hi = cuts[band] if band < len(cuts) else math.inf
        for col in sorted(col_lines):
            for ln in sorted(col_lines[col], key=lambda ln: ln.top):
                if lo < ln.top <= hi:
                    tagged.append((col + 1, ln))
        if band < len(cuts):
            tagged.append((0, span_lines[band]))
    return _number_flows(tagged)


def _number_flows(tagged: list[tuple[int, Line]]) -> list[Line]:
    """Store each line's column (0 = full width) and number the runs of
    consecutive lines of one column (flows)."""
    flow = -1
    previous: int | None = None
    for col, line in tagged:
        if col != previous:
            flow += 1
            previous = col
        line.flow = flow
        line.column = col
    return [line for _, line in tagged]


def _table_lines(rows: list[Box]) -> list[Line]:
    return [Line(b.text, b.x0, b.x1, b.top, b.bottom, b.size, False, table=b.table) for b in rows]


def _group_rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes sharing a text line: a box joins a row when its vertical centre lies
    within the row's tallest box (so superscripts stay on their line)."""
    rows: list[list[Box]] = []
    ranges: list[list[float]] = []  # [top, bottom, height] of each row's tallest box
    for b in sorted(boxes, key=lambda b: (b.top, b.x0)):
        centre = (b.top + b.bottom) / 2
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom, height = ranges[k]
            if top <= centre <= bottom:
                rows[k].append(b)
                if b.bottom - b.top > height:
                    ranges[k] = [b.top, b.bottom, b.bottom - b.top]
                break
        else:
            rows.append([b])
            ranges.append([b.top, b.bottom, b.bottom - b.top])
    return rows


def _rows_to_lines(rows: list[list[Box]]) -> list[Line]:
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.x0)
        parts = [row[0].text]
        for prev, b in pairwise(row):
            gap = b.x0 - prev.x1
            parts.append(("" if gap < 0.12 * min(prev.size, b.size) else " ") + b.text)
        weights = [len(b.text) for b in row]
        main = max(row, key=lambda b: len(b.text))
        bold_chars = sum(w for b, w in zip(row, weights, strict=True) if b.bold)
        lines.append(
            Line(
                text=clean_chars("".join(parts)),
                x0=row[0].x0,
                x1=max(b.x1 for b in row),
                top=median(b.top for b in row),
                bottom=median(b.bottom for b in row),
                size=main.size,
                bold=bold_chars >= 0.8 * sum(weights),
            )
        )
    return lines


def _mark_edges(lines: list[Line]) -> None:
    """Flag the page's first and last few lines (by position) as header/footer zone."""
    rules = _rules()
    by_top = sorted(lines, key=lambda ln: ln.top)
    for line in by_top[-rules.zone_bottom :]:
        line.edge = "bottom"
    for line in by_top[: rules.zone_top]:
        if line.edge != "bottom" or line.top < by_top[len(by_top) // 2].top:
            line.edge = "top"


def _usual_gap(gaps: list[float]) -> float | None:
    """The leading between lines of one paragraph: the smallest gap that occurs
    at least twice (within half a point), else the smallest gap."""
    if not gaps:
        return None
    ordered = sorted(gaps)
    for a, b in pairwise(ordered):
        if b - a <= 0.5:
            return b
    return ordered[0]


def _set_hints(lines: list[Line]) -> None:
    """Per line: free room to its column's right margin, mean char width, and
    whether a larger-than-usual vertical gap separates it from the line above."""
    body = [ln for ln in lines if not ln.edge and ln.table < 0] or lines
    margins: dict[int, float] = {}
    for ln in body:
        col = ln.column
        margins[col] = max(margins.get(col, ln.x1), ln.x1)
    page_margin = max(ln.x1 for ln in body)
    full: Counter[tuple[int, bool, int]] = Counter()
    count: Counter[tuple[int, bool, int]] = Counter()
    for ln in body:
        key = (ln.column, ln.bold, round(ln.size))
        count[key] += 1
        full[key] += margins[ln.column] - ln.x1 < 1.0
    justified = {k for k in count if count[k] >= 3 and full[k] >= 0.5 * count[k]}
    gaps = [
        b.top - a.bottom
        for a, b in pairwise(lines)
        if a.flow == b.flow and a.same_style(b) and -0.3 * a.size < b.top - a.bottom < a.size
    ]
    typical = _usual_gap(gaps)
    for prev, line in zip([None, *lines], lines, strict=False):
        margin = margins.get(line.column, page_margin)
        line.room = max(0.0, margin - line.x1)
        line.char_w = (line.x1 - line.x0) / max(len(line.text), 1)
        line.justified = (line.column, line.bold, round(line.size)) in justified
        if prev is None or prev.flow != line.flow:
            line.para_before = None
            continue
        gap = line.top - prev.bottom
        usual = typical if typical is not None else 0.3 * line.size
        line.para_before = gap > usual + max(2.0, 0.35 * min(line.size, prev.size))


# --------------------------------------------------------------------------
# string rules (shared, work on line strings)
# --------------------------------------------------------------------------


def clean_chars(text: str) -> str:
    """Expand ligatures, normalise odd spaces and hyphens, compose accents (NFC),
    drop soft hyphens inside the line (one at the line end is kept: it marks a
    hyphenation break for `dehyphenate`)."""
    table = _rules().char_table
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.endswith(SOFT_HYPHEN):
        return text[:-1].translate(table) + SOFT_HYPHEN
    return text.translate(table)


def is_page_number_line(text: str) -> bool:
    """True for lines that only carry a page number: "Sida 2 (3)", "2 (4)",
    "Sida 2 av 3", "- 2 -", "2"."""
    return bool(_rules().page_number.fullmatch(" ".join(text.split())))


def strip_page_number(text: str) -> str:
    """Remove an embedded "Sida 2 (3)" / trailing "2 (3)" from a header line."""
    return " ".join(_rules().embedded_page_number.sub(" ", text).split())


def running_key(text: str) -> str:
    """Key under which header/footer lines repeat: lowercased, digits as '#'."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_keys(zones: list[list[str]]) -> set[str]:
    """Keys of lines repeated in the given zone (top or bottom lines) across
    pages: present on at least `running_min_pages` pages and on at least
    `running_min_share` of all pages."""
    rules = _rules()
    counts: Counter[str] = Counter()
    for zone in zones:
        counts.update({running_key(t) for t in zone})
    need = max(rules.running_min_pages, math.ceil(rules.running_min_share * len(zones)))
    return {k for k, n in counts.items() if n >= need and k}


def remove_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop repeated headers (pages 2+) and footers (all pages), and every
    page-number-only line in the header/footer zones. Page 1's header lines
    stay (they carry the Dnr and date), minus any embedded page number."""
    top = running_keys([[ln.text for ln in p if ln.edge == "top"] for p in pages])
    bottom = running_keys([[ln.text for ln in p if ln.edge == "bottom"] for p in pages])
    kept_pages: list[list[Line]] = []
    for number, lines in enumerate(pages):
        kept = []
        dropped = False
        for ln in lines:
            if _is_running(ln, number, top, bottom):
                dropped = True
                continue
            if dropped:
                ln.para_before = None  # its gap was measured to a dropped line
                dropped = False
            kept.append(ln)
        kept_pages.append(kept)
    return kept_pages


def _is_running(line: Line, page: int, top: set[str], bottom: set[str]) -> bool:
    """True if `line` is a page number or a running header/footer to drop;
    strips an embedded page number from a header line that stays (page 1)."""
    if not line.edge or line.table >= 0:
        return False
    if is_page_number_line(line.text):
        return True
    key = running_key(line.text)
    if line.edge == "bottom" and key in bottom:
        return True
    if line.edge == "top" and key in top:
        if page > 0:
            return True
        line.text = strip_page_number(line.text)
        return not line.text
    return False


_HYPHEN_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"\S+")
_WORD_CORE = re.compile(r"^[(\[\"'”»]*(.*?)[.,;:!?)\]\"'”»]*$")


def dehyphenate(left: str, right: str) -> tuple[str, str, str]:
    """Join a line ending in "-" with the next line; return (left, right, sep).

    The rule, in order, for "<fragment>-" at the end of `left` and the first
    word of `right`:

    1. next word is a conjunction ("och", "eller", "samt", ...): a suspended
       compound ("stöd- och"): keep the hyphen and a space;
    2. fragment ends in a capital or digit ("EU-", "2020-"), the next word
       starts with a capital or digit, the fragment is a single letter ("e-"),
       or a hyphen-taking prefix ("icke-"): a real hyphen, kept, no space;
    3. simplemma knows the hyphenated form but not the closed one
       ("hjärt-kärl"): keep the hyphen;
    4. otherwise join without the hyphen: Swedish writes compounds closed, so a
       line-end hyphen between lowercase letters is the typesetter's
       ("kommun-" + "fullmäktige", "Stockholms-" + "regionen").

    A line ending in a soft hyphen (U+00AD) is always joined. The moved word
    goes to `left`, so a word split across pages is counted on the first page.
    """
    if left.endswith(SOFT_HYPHEN):
        return _move_word(left[:-1], right)
    m = _HYPHEN_END.search(left)
    word = _FIRST_WORD.match(right)
    if m is None or word is None:
        return left, right, " "
    fragment = m.group(1)
    core = _WORD_CORE.match(word.group()).group(1)  # type: ignore[union-attr]
    rules = _rules()
    if core.lower() in rules.keep_before or not core:
        return left, right, " "
    if _real_hyphen(fragment, core, rules):
        return _move_word(left, right)
    return _move_word(left[:-1], right)


def _real_hyphen(fragment: str, core: str, rules: _Rules) -> bool:
    """Rules 2 and 3 of `dehyphenate`, with all-caps words (headings) decided on
    their lowercase form: joined when known or when the fragment is longer than
    an abbreviation ("DE-" + "CEMBER"), kept otherwise ("EU-" + "KOMMISSIONEN")."""
    if len(fragment) > 1 and fragment.isupper() and core.isupper():
        joined = f"{fragment}{core}".lower()
        return len(fragment) <= 4 and not _known(joined)
    return (
        fragment[-1].isupper()
        or fragment[-1].isdigit()
        or core[0].isupper()
        or core[0].isdigit()
        or len(fragment) == 1
        or fragment.lower() in rules.hyphen_prefixes
        or (_known(f"{fragment}-{core}") and not _known(f"{fragment}{core}"))
    )


def _known(word: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang="sv"))


def _move_word(left: str, right: str) -> tuple[str, str, str]:
    word = _FIRST_WORD.match(right)
    if word is None:
        return left, "", " "
    return left + word.group(), right[word.end() :].lstrip(), " "


def _ends_with_hyphen(text: str) -> bool:
    return text.endswith(SOFT_HYPHEN) or _HYPHEN_END.search(text) is not None


def starts_item(line: str, previous: str) -> bool:
    """True when `line` begins a list item: a bullet or number, a dash after a
    finished sentence, or an "att ..." clause after ".", ";" or ":"."""
    rules = _rules()
    if rules.bullet_item.match(line):
        return True
    ended = previous.rstrip()[-1:] in {".", ";", ":", "!", "?"}
    return ended and bool(rules.dash_item.match(line) or rules.att_item.match(line))


def separator(a: Line, b: Line) -> str:
    """What goes between line `a` and the next line `b`: " " (same paragraph),
    "\\n" (line break kept: list items, headings, lines ending short, a line
    starting far right of the one above, as in a letterhead block) or
    "\\n\\n" (paragraph break: a larger vertical gap, a table, or a break
    where the gap is unknown: across a page or column)."""
    if a.table >= 0 or b.table >= 0:
        return "\n" if a.table == b.table and a.page == b.page else "\n\n"
    if b.para_before:
        return "\n\n"
    if starts_item(b.text, a.text):
        return "\n"
    if _ends_with_hyphen(a.text) and b.text[:1].islower():
        return " "
    same_flow = a.page == b.page and a.flow == b.flow
    if not a.same_style(b) or _ends_short(a, b) or (same_flow and b.x0 - a.x0 > 6 * b.char_w):
        return "\n\n" if b.para_before is None else "\n"
    return " "


def _ends_short(a: Line, b: Line) -> bool:
    """Line `a` stops before its margin on purpose: in justified text, when it
    does not reach the margin; in ragged text, when the next line's first word
    would have fitted on it."""
    if a.justified:
        return a.room > max(a.char_w, 3.0)
    first = _FIRST_WORD.match(b.text)
    need = (len(first.group()) + 1 if first else 2) * b.char_w
    return a.room > 1.1 * need + 0.5 * a.char_w


def join_pages(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Join the pages' lines into one text; return it with each page's start offset."""
    flat = [ln for page in pages for ln in page]
    seps = [separator(a, b) for a, b in pairwise(flat)]
    texts = [ln.text for ln in flat]
    for i, sep in enumerate(seps):
        if sep == " " and flat[i].table < 0 and _ends_with_hyphen(texts[i]):
            texts[i], texts[i + 1], seps[i] = dehyphenate(texts[i], texts[i + 1])
    # Markdown typed into a document ("## Rubrik", "*betoning*") is markup, as in text files.
    texts = [strip_markup(t.replace(SOFT_HYPHEN, "")) for t in texts]
    parts: list[str] = []
    starts = [0] * len(pages)
    offset = 0
    index = 0
    for number, page in enumerate(pages):
        starts[number] = offset
        first = True
        for _ in page:
            text = texts[index]
            if text:
                if parts:
                    sep = seps[index - 1]
                    parts.append(sep)
                    offset += len(sep)
                if first:
                    starts[number] = offset
                    first = False
                parts.append(text)
                offset += len(text)
            index += 1
    return "".join(parts), starts
