"""PDF layout: boxes of text on a page -> lines in reading order -> one text.

Every reader (`pdf_pdfium`, `pdf_backends`) delivers `Box` records; from there
every step is shared:

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
  `dehyphenate` (`pdf_cleanup`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from .pdf_cleanup import _FIRST_WORD, SOFT_HYPHEN, _ends_with_hyphen, _rules, clean_chars, dehyphenate
from .text import strip_markup

__all__ = [
    "Box",
    "Line",
    "find_gutters",
    "is_page_number_line",
    "join_pages",
    "layout_page",
    "remove_running_lines",
    "running_keys",
    "separator",
]


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Box:
    """A piece of text on a page: a word (the pdfium and pdfplumber readers), a table
    row (table >= 0) or a line run (the fast reader)."""

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


# --------------------------------------------------------------------------
# boxes -> lines in reading order
# --------------------------------------------------------------------------


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
# running headers and footers
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# lines -> paragraphs
# --------------------------------------------------------------------------


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
