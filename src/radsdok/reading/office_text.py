"""What the Word and OpenDocument readers share: blocks of text and how they join.

A reader turns its document into `Block`s in reading order — paragraphs, headings,
list items, table rows — each knowing whether the page shows a gap before it (an empty
paragraph, or paragraph spacing). `join_blocks` makes the one clean text the rest of
radsdok reads: a gap is a blank line, no gap a line break; headings stand apart; list
items stay one per line, each starting with its bullet or number, with a blank line after
the list (a word processor's list item is one paragraph, so nothing after it continues
it); a table's rows are one
line each, cells joined by " | ", as the PDF reader gives them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from ..lazy_pattern import lazy_compile
from .office_zip import local, office_rules
from .pdf_layout import is_page_number_line
from .text import clean_text

_SPACES = lazy_compile(r"[ \u00a0]+")
_BLANK_LINES = lazy_compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


@dataclass
class Block:
    """One paragraph, heading, list item or table row of a document.

    `text` may hold line breaks (a line break inside a paragraph, or a table row whose
    cells hold several lines). `blank_before`: empty paragraphs come before it;
    `spaced`: paragraph spacing puts a gap before it; `table` numbers the table a row
    belongs to (-1: not a row)."""

    text: str
    kind: str = "para"  # "para", "heading", "item" or "row"
    blank_before: bool = False
    spaced: bool = True
    table: int = -1


def separator(a: Block, b: Block) -> str:
    """What goes between block `a` and the next block `b`."""
    if b.blank_before or "heading" in (a.kind, b.kind):
        return "\n\n"
    if a.table >= 0 or b.table >= 0:
        return "\n" if a.table == b.table else "\n\n"
    if a.kind == "item":  # an item is one paragraph: what follows the list is not part of it
        return "\n" if b.kind == "item" else "\n\n"
    return "\n\n" if b.spaced else "\n"


def join_blocks(blocks: list[Block]) -> str:
    """The clean text of blocks in reading order (see the module docstring)."""
    kept = [b for b in blocks if b.text.strip()]
    parts: list[str] = []
    for i, block in enumerate(kept):
        if i:
            parts.append(separator(kept[i - 1], block))
        parts.append(tidy(block.text))
    text = clean_text("".join(parts))
    return _BLANK_LINES.sub("\n\n", text)


def tidy(text: str) -> str:
    """Runs of spaces made one, lines stripped of spaces at their ends (tabs are kept:
    they separate columns, as in signers side by side)."""
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def row_text(cells: list[list[str]]) -> str:
    """A table row as text: line i of every cell joined by " | ", one line per i, so that
    cells holding a name above a title (signers side by side) read as in the document."""
    lines = [[line for line in (tidy(p) for p in cell) if line] for cell in cells]
    lines = [cell for cell in lines if cell]
    depth = max((len(cell) for cell in lines), default=0)
    glue = str(office_rules()["cell_separator"])
    return "\n".join(
        glue.join(cell[i] for cell in lines if i < len(cell)) for i in range(depth)
    )


def letterhead(blocks: list[Block]) -> list[Block]:
    """Header and footer blocks once each: repeated texts and page-number lines dropped."""
    seen: set[str] = set()
    out: list[Block] = []
    blank = False  # a dropped block's blank line goes to the next block kept
    for block in blocks:
        lines = [ln for ln in block.text.split("\n") if not is_page_number_line(ln)]
        key = " ".join(" ".join(lines).split()).casefold()
        blank = blank or block.blank_before
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(Block("\n".join(lines), block.kind, blank, block.spaced, block.table))
        blank = False
    return out


def bullet() -> str:
    return str(office_rules()["bullet"])


def format_number(value: int, style: str) -> str:
    """`value` written as a list number: "decimal" 3, "lower-letter" c, "upper-letter" C,
    "lower-roman" iii, "upper-roman" III."""
    if style in ("lower-letter", "upper-letter"):
        letters = ""
        n = max(value, 1)
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "upper-letter" else letters
    if style in ("lower-roman", "upper-roman"):
        roman = ""
        n = max(value, 1)
        for amount, numeral in office_rules()["roman_numerals"]:
            while n >= amount:
                roman += numeral
                n -= amount
        return roman.upper() if style == "upper-roman" else roman
    return str(value)


def is_heading_style(*names: str | None) -> bool:
    """Whether a paragraph style (by any of its names or ids) is a heading style."""
    prefixes = tuple(office_rules()["heading_styles"])
    return any(name and name.strip().casefold().startswith(prefixes) for name in names)


class BlockWalker:
    """What the Word and OpenDocument walkers share: a table read row by row (each cell's
    blocks as lines, the row joined by `row_text`) and a paragraph's inline text. A walker
    says how its format nests rows (`table_rows`), which tag is a cell (`cell_tag`), how to
    walk a container (`blocks`) and how to collect inline text (`_inline`)."""

    cell_tag = ""
    tables = 0
    _previous: Any = None
    _blank = False

    def blocks(self, container: Element) -> Iterator[Block]:
        raise NotImplementedError

    def table_rows(self, table: Element) -> Iterator[Element]:
        raise NotImplementedError

    def _inline(self, el: Element, out: list[str]) -> None:
        raise NotImplementedError

    def table(self, table: Element) -> Iterator[Block]:
        self.tables += 1
        number = self.tables
        first = True
        for row in self.table_rows(table):
            cells = [self._cell_lines(cell) for cell in row if local(cell.tag) == self.cell_tag]
            text = row_text(cells)
            if text:
                yield Block(text, "row", self._blank if first else False, True, number)
                first = False
        self._previous, self._blank = None, False

    def _cell_lines(self, cell: Element) -> list[str]:
        saved = self._previous, self._blank
        lines = [line for block in self.blocks(cell) for line in block.text.split("\n")]
        self._previous, self._blank = saved
        return lines

    def inline(self, el: Element) -> str:
        """The text a paragraph shows."""
        out: list[str] = []
        self._inline(el, out)
        return "".join(out)
