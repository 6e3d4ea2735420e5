"""Characters -> words: the word rules both layout readers share.

A character is a plain tuple, `Char` = (text, x0, x1, top, bottom, size, fontname), in
top-down page coordinates, upright (readers leave rotated characters out: margin stamps,
not body text). The pdfplumber reader makes them from pdfminer's characters, the pdfium
reader from PDFium's character boxes; from here on both are read alike:

* overprinted duplicates (fake bold) are dropped (`pdf_cleanup.dedupe_chars`);
* runs of characters in one font and size are cut into lines (tops within 3 points,
  clustered) and sorted left to right; a word ends at a drawn space, where the next
  character starts left of the previous one or more than 0.15 em right of its end, or
  moves more than 3 points up or down.

These are pdfplumber's ``extract_words`` rules with ``x_tolerance_ratio=0.15`` and
``extra_attrs=["size", "fontname"]`` (the 0.15 em gap instead of a fixed 3 points: tightly
justified words are kept apart where the PDF draws no space characters), written out for
tuples: the same words, at a fraction of the cost of pdfplumber's dictionaries.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

from .pdf_cleanup import _rules, dedupe_chars
from .pdf_layout import Box

__all__ = ["Char", "plumber_chars", "words_to_boxes"]

Char = tuple[str, float, float, float, float, float, str]  # text, x0, x1, top, bottom, size, fontname

_WORD_GAP = 0.15  # em: a wider gap between two characters ends a word
_LINE_TOLERANCE = 3.0  # points: characters whose tops differ by more are on different lines
_FONT = itemgetter(5, 6)
_X0 = itemgetter(1)


def plumber_chars(chars: list[dict[str, Any]]) -> list[Char]:
    """pdfplumber's character dictionaries as `Char` tuples, rotated ones left out."""
    return [
        (c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c["fontname"])
        for c in chars
        if c["upright"]
    ]


def words_to_boxes(chars: list[Char]) -> list[Box]:
    """One box per word of `chars` (in drawing order), overprinted duplicates dropped,
    ligatures expanded (as pdfplumber's words have them)."""
    rules = _rules()
    bold_font, ligatures = rules.bold_font, rules.ligatures
    boxes: list[Box] = []
    for (size, fontname), run in groupby(dedupe_chars(chars), _FONT):
        bold = bool(bold_font.search(fontname))
        for line in _lines(list(run)):
            _add_words(line, size, bold, ligatures, boxes)
    return boxes


def _lines(run: list[Char]) -> list[list[Char]]:
    """The characters of one font run grouped by line (tops chained within the tolerance),
    lines top to bottom, each sorted left to right (stable: drawing order breaks ties)."""
    tops = sorted({c[3] for c in run})
    line_of: dict[float, int] = {}
    line = 0
    previous = tops[0]
    for top in tops:
        if top > previous + _LINE_TOLERANCE:
            line += 1
        line_of[top] = line
        previous = top
    if not line:
        return [sorted(run, key=_X0)]
    lines: list[list[Char]] = [[] for _ in range(line + 1)]
    for c in run:
        lines[line_of[c[3]]].append(c)
    for chars in lines:
        chars.sort(key=_X0)
    return lines


def _add_words(line: list[Char], size: float, bold: bool, ligatures: dict[int, str], out: list[Box]) -> None:
    """Append the words of one sorted line to `out`: a word ends at a space, a step back,
    a gap over 0.15 em or a jump of more than 3 points up or down."""
    word: list[str] = []
    x0 = x1 = top = bottom = 0.0
    p: Char | None = None
    for c in line:
        if c[0].isspace():
            p = None
        elif p is None or c[1] < p[1] or c[1] > p[2] + _WORD_GAP * p[5] or abs(c[3] - p[3]) > _LINE_TOLERANCE:
            if word:
                out.append(Box("".join(word).translate(ligatures), x0, x1, top, bottom, size, bold))
            word = [c[0]]
            x0, x1, top, bottom = c[1], c[2], c[3], c[4]
            p = c
        else:
            word.append(c[0])
            if c[2] > x1:
                x1 = c[2]
            if c[3] < top:
                top = c[3]
            if c[4] > bottom:
                bottom = c[4]
            p = c
    if word:
        out.append(Box("".join(word).translate(ligatures), x0, x1, top, bottom, size, bold))
