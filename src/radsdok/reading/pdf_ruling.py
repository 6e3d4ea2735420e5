"""Which pages may hold a ruled table: a cheap look at a page's vector paths with PDFium.

pdfplumber finds a table (``page.find_tables()``, "lines" strategy) where horizontal and
vertical edges of lines, rectangles and curves cross into cells; radsdok keeps a table
of at least two rows with two filled cells in one row. That needs at least three
horizontal and three vertical edges at distinct positions, so a page with fewer cannot
hold one, and the default reader never opens pdfplumber for it.

`may_hold_table` counts those positions from PDFium's path objects: a thin path is one
rule, a simple path (a rectangle) gives its four sides, and a longer path gives every
axis-parallel step between its consecutive points (control points included, as
pdfplumber's curve edges are). Positions are counted in 3-point bins, pdfplumber's snap
tolerance, and edges shorter than its minimum edge length (3 points) are left out.
Where two rules fall on either side of a bin boundary they count twice: the test can
say yes where pdfplumber then finds nothing (that page only costs pdfplumber's time),
never no where pdfplumber would find a table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["may_hold_table"]

# pdfplumber's TableSettings defaults: snap_tolerance and edge_min_length (points).
_SNAP = 3.0
_MIN_EDGE = 3.0
# Two rows of cells need three horizontal edges, two cells in a row three vertical ones.
_MIN_RULES = 3
# A path of at most this many segments is a rectangle or a single rule ("m l l l h").
_SIMPLE_PATH = 5
# Nested form XObjects are looked into down to this depth.
_MAX_DEPTH = 8

Edge = tuple[str, float, float]  # ("h" or "v", position, length)


def may_hold_table(page: Any) -> bool:
    """True when the pypdfium2 `page` has rules enough for a table pdfplumber would find."""
    import pypdfium2.raw as pdfium_c

    rows: set[int] = set()
    cols: set[int] = set()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=_MAX_DEPTH):
        for kind, position, length in _edges(obj):
            if length >= _MIN_EDGE:
                (rows if kind == "h" else cols).add(round(position / _SNAP))
        if len(rows) >= _MIN_RULES and len(cols) >= _MIN_RULES:
            return True
    return False


def _edges(obj: Any) -> Iterator[Edge]:
    """Axis-parallel edges of one path object, in page coordinates."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = obj.get_bounds()
    width, height = right - left, top - bottom
    if height < _SNAP:  # a horizontal rule (or a dot)
        yield "h", (bottom + top) / 2, width
        return
    if width < _SNAP:
        yield "v", (left + right) / 2, height
        return
    if pdfium_c.FPDFPath_CountSegments(obj.raw) <= _SIMPLE_PATH:
        yield from (("h", bottom, width), ("h", top, width), ("v", left, height), ("v", right, height))
        return
    yield from _path_edges(obj)


def _path_edges(obj: Any) -> Iterator[Edge]:
    """Steps between consecutive points of a longer path (and back to the start of a
    closed subpath) that run along an axis."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = obj.get_matrix().get()
    x, y = ctypes.c_float(), ctypes.c_float()
    previous: tuple[float, float] | None = None
    start: tuple[float, float] | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if previous is None or pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        else:
            yield from _step(previous, point)
            if start is not None and pdfium_c.FPDFPathSegment_GetClose(segment):
                yield from _step(point, start)
        previous = point


def _step(p: tuple[float, float], q: tuple[float, float]) -> Iterator[Edge]:
    dx, dy = abs(q[0] - p[0]), abs(q[1] - p[1])
    if dy < 1.0:
        yield "h", q[1], dx
    elif dx < 1.0:
        yield "v", q[0], dy
