"""Write extracted page content as radsdok text: one paragraph per block, blank lines
between, headings on their own, list items and table rows one per line (cells set apart
by a tab), `<br>` kept.

Two trees are written: trafilatura's XML of a page's main content (`head`, `p`, `list` /
`item`, `table` / `row` / `cell`, `quote`, `lb`, inline `hi` / `ref`), and, as a fallback,
a whole HTML page (`h1`-`h6`, `p`, `ul` / `ol` / `li`, `table` / `tr` / `td`, `br`, with
the page's chrome left out). Whitespace is collapsed as a browser does; entities were
decoded by the parser, and the text is never unescaped a second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from .html_rules import rules

_SPACES = re.compile(r"[ \t\r\n\f\v\u200b]+")
_LINE_SPACES = re.compile(r"[ \t\r\f\v\u200b]+")
_RUN_OF_SPACES = re.compile(r" {2,}")
CELL_SEPARATOR = "\t"
# Tags of both trees, by what they do to the text around them.
_LISTS = {"list": "ul", "ul": "ul", "ol": "ol", "menu": "ul"}
_ITEMS = frozenset({"item", "li", "dt", "dd"})
_TABLES = frozenset({"table"})
_ROWS = frozenset({"row", "tr"})
_CELLS = frozenset({"cell", "td", "th"})
_BREAKS = frozenset({"lb", "br"})
_PREFORMATTED = frozenset({"code", "pre"})
_TRAFILATURA_BLOCKS = frozenset({"head", "p", "quote", "code", "list", "table", "row", "item", "div"})
HEADING_TAGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Writer:
    """Collects runs of text into blocks (paragraphs) of lines."""

    def __init__(self, keep_newlines: bool = False) -> None:
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.keep_newlines = keep_newlines

    def text(self, value: str | None, preformatted: bool = False) -> None:
        """A run of text; its whitespace collapses to spaces, except the line ends of a
        `<pre>` or of an extractor's output (which has collapsed the page's own)."""
        if value:
            keep = preformatted or self.keep_newlines
            self.parts.append(_LINE_SPACES.sub(" ", value) if keep else _SPACES.sub(" ", value))

    def line_break(self) -> None:
        self.parts.append("\n")

    def cells(self, cells: list[str]) -> None:
        """A table row's cells, set apart by tabs (what the rules read as columns)."""
        self.parts.append(CELL_SEPARATOR.join(cells))

    def paragraph_break(self) -> None:
        lines = (_RUN_OF_SPACES.sub(" ", line).strip(" \t") for line in "".join(self.parts).split("\n"))
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append(block)
        self.parts.clear()

    def result(self) -> str:
        self.paragraph_break()
        return "\n\n".join(self.blocks)


def write_blocks(root: etree._Element, dropped: Iterable[str] = (), extracted: bool = False) -> str:
    """The text of `root` (trafilatura's body, `extracted`, or an HTML tree), leaving out
    `dropped` tags. In trafilatura's output a line end is a line break (it writes the
    blocks of a page it could not structure as lines of one paragraph)."""
    writer = _Writer(keep_newlines=extracted)
    blocks = rules().block_tags | _TRAFILATURA_BLOCKS
    _walk(root, writer, blocks, frozenset(dropped), in_lines=False, preformatted=False)
    return writer.result()


def _walk(
    element: etree._Element,
    writer: _Writer,
    blocks: frozenset[str],
    dropped: frozenset[str],
    in_lines: bool,
    preformatted: bool,
) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in dropped:
        return
    preformatted = preformatted or tag in _PREFORMATTED
    if tag in _LISTS or tag in _TABLES:
        _open_block(writer, in_lines)
        if tag in _TABLES:
            _write_table(element, writer, blocks, dropped)
        else:
            _write_list(element, writer, blocks, dropped, ordered=_is_ordered(element))
        _close_block(writer, in_lines)
        return
    if tag in _BREAKS:
        writer.line_break()
        return
    is_block = tag in blocks
    if is_block:
        _open_block(writer, in_lines)
    writer.text(element.text, preformatted)
    for child in element:
        _walk(child, writer, blocks, dropped, in_lines, preformatted)
        writer.text(child.tail, preformatted)
    if is_block:
        _close_block(writer, in_lines)


def _open_block(writer: _Writer, in_lines: bool) -> None:
    if in_lines:
        writer.line_break()
    else:
        writer.paragraph_break()


def _close_block(writer: _Writer, in_lines: bool) -> None:
    _open_block(writer, in_lines)


def _is_ordered(element: etree._Element) -> bool:
    return element.tag == "ol" or element.get("rend") == "ol"


def _write_list(
    element: etree._Element, writer: _Writer, blocks: frozenset[str], dropped: frozenset[str], ordered: bool
) -> None:
    """Each item on a line of its own, with the marker a browser shows ("•", "1.")."""
    number = _start(element)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in dropped:
            continue
        if tag in _ITEMS:
            writer.line_break()
            if tag in ("item", "li") and not _has_marker(child):
                writer.text(f"{number}. " if ordered else "• ")
                number += 1
            writer.text(child.text)
            for grandchild in child:
                _walk(grandchild, writer, blocks, dropped, in_lines=True, preformatted=False)
                writer.text(grandchild.tail)
        else:
            _walk(child, writer, blocks, dropped, in_lines=True, preformatted=False)
        writer.text(child.tail)


def _start(element: etree._Element) -> int:
    value = element.get("start") or ""
    return int(value) if value.isdigit() and len(value) < 6 else 1


def _has_marker(item: etree._Element) -> bool:
    """Whether the item's text starts with its own bullet or number (a list written twice)."""
    first = _SPACES.sub(" ", "".join(item.itertext())[:12]).lstrip()
    return bool(re.match(r"(?:[•·▪●○■►–—*-]|\d{1,3}[.)])\s", first))


def _write_table(
    element: etree._Element, writer: _Writer, blocks: frozenset[str], dropped: frozenset[str]
) -> None:
    """Each row on a line of its own, its cells set apart by a tab."""
    for row in element.iter(*_ROWS):
        cells = [_cell_text(cell, blocks, dropped) for cell in row if cell.tag in _CELLS]
        cells = [cell for cell in cells if cell]
        if cells:
            writer.line_break()
            writer.cells(cells)
    if not any(True for _ in element.iter(*_ROWS)):
        writer.text(" ".join(element.itertext()))


def _cell_text(cell: etree._Element, blocks: frozenset[str], dropped: frozenset[str]) -> str:
    inner = _Writer()
    _walk(cell, inner, blocks, dropped, in_lines=True, preformatted=False)
    return " ".join(inner.result().split())
