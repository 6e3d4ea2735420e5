"""Pages turned for display (/Rotate): in which coordinates their text reads left to right.

PDFium gives character boxes and matrices in the page's own coordinates. On a page with
/Rotate the text is usually drawn turned against the page, so that it reads upright once
the page is turned for display (pdfminer, and so the pdfplumber reader, always reads in
display coordinates); but some producers turn the page and draw upright text on it. The
pdfium reader reads each turned page in whichever of the two its characters read left to
right in (`reading_turn`), mapping boxes and matrices to display coordinates where that
wins (`turn_box`, `turn_matrix`), as pdfminer's page rotation does.
"""

from __future__ import annotations

import ctypes
from typing import Any

__all__ = ["reading_turn", "turn_box", "turn_matrix"]

# The rotation part of pdfminer's page matrix for /Rotate 90, 180, 270 (a, b, c, d).
_TURNS: dict[int, tuple[int, int, int, int]] = {90: (0, -1, 1, 0), 180: (-1, 0, 0, -1), 270: (0, 1, -1, 0)}


def turn_matrix(a: float, b: float, c: float, d: float, turn: int) -> tuple[float, float, float, float]:
    """The 2x2 part of a character matrix in display coordinates for a page turned by `turn`."""
    if turn not in _TURNS:
        return a, b, c, d
    ra, rb, rc, rd = _TURNS[turn]
    return a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd


def turn_box(
    left: float,
    bottom: float,
    right: float,
    top: float,
    turn: int,
    mediabox: tuple[float, float, float, float],
) -> tuple[float, float, float]:
    """(x0, x1, bottom) of a box given in page coordinates (y up), in the top-down display
    coordinates of the page turned by `turn` (90, 180 or 270)."""
    x0, y0, x1, y1 = mediabox
    if turn == 90:
        return bottom - y0, top - y0, right - x0
    if turn == 180:
        return x1 - right, x1 - left, top - y0
    return y1 - top, y1 - bottom, x1 - left  # 270


def reading_turn(textpage: Any, rotation: int) -> int:
    """`rotation` if more of the page's characters read left to right in display
    coordinates than in the page's own, else 0. Characters are counted by their text
    object's matrix (one ``FPDFText_GetMatrix`` per object)."""
    import pypdfium2.raw as pdfium_c

    if rotation not in _TURNS:
        return 0
    matrix = pdfium_c.FS_MATRIX()
    reads: dict[int | None, tuple[bool, bool]] = {}
    own = turned = 0
    for index in range(textpage.count_chars()):
        obj = ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage.raw, index), ctypes.c_void_p).value
        if obj not in reads:
            if not pdfium_c.FPDFText_GetMatrix(textpage.raw, index, matrix):
                reads[obj] = (False, False)
            else:
                m = (matrix.a, matrix.b, matrix.c, matrix.d)
                reads[obj] = (_left_to_right(*m), _left_to_right(*turn_matrix(*m, rotation)))
        a, b = reads[obj]
        own += a
        turned += b
    return rotation if turned > own else 0


def _left_to_right(a: float, b: float, c: float, d: float) -> bool:
    """The matrix draws text left to right, upright (no more than a slant)."""
    return a > 0 and d > 0 and abs(b) < a and abs(c) < d
