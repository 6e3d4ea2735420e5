"""Make a page's layout plain before boilerplate removal, where the extractor would
otherwise misread it.

- A layout table (an older site's page grid: a table whose cells hold paragraphs, headings,
  lists or other tables) becomes `<div>`s. Read as a table, its content came out twice (once
  as text, once as table rows) and its cells ran together on one line.
- A numbered list that goes on after an interruption (`<ol start="3">`) gets its numbers
  written into its items: the extractor drops the attribute and would number it from 1.
"""

from __future__ import annotations

from lxml import etree

_TABLE_PARTS = dict.fromkeys(("table", "tbody", "thead", "tfoot", "tr", "td", "th"), "div")
_BLOCKS = ("div", "p", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article")


def unwrap_layout_tables(tree: etree._Element) -> None:
    """Turn every table whose cells hold blocks into `<div>`s (in place)."""
    for table in list(tree.iter("table")):
        if table.getparent() is None or table.tag != "table":
            continue
        if _is_layout(table):
            own = (p for p in table.iter(*_TABLE_PARTS) if p is table or _owner_table(p) is table)
            # A table nested in a cell is not a part of this one (its own rows are not either).
            for part in [p for p in own if p is table or p.tag != "table"]:
                part.tag = _TABLE_PARTS[part.tag]
                part.attrib.clear()


def _is_layout(table: etree._Element) -> bool:
    for cell in table.iter("td", "th"):
        if _owner_table(cell) is table and any(True for _ in cell.iter(*_BLOCKS)):
            return True
    return False


def _owner_table(element: etree._Element) -> etree._Element | None:
    """The table an element (a row or cell) belongs to: its nearest table ancestor."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None


def number_continued_lists(tree: etree._Element) -> None:
    """Write the numbers of an `<ol start="N">` (N > 1) into its items (in place)."""
    for ordered in tree.iter("ol"):
        start = ordered.get("start") or ""
        if not (start.isdigit() and 1 < int(start) < 100_000):
            continue
        for number, item in enumerate((child for child in ordered if child.tag == "li"), int(start)):
            item.text = f"{number}. {item.text or ''}"
