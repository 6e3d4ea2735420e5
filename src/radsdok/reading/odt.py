"""Read an OpenDocument text (.odt) into a SourceText.

content.xml is read from the archive (`office_zip`: counted inflation, no DTDs or
entities) and walked in reading order: paragraphs, headings, list items (each with the
bullet or number its list style shows), tables row by row, sections. Tracked changes read
as the document reads now: the deleted text kept in `text:tracked-changes` is left out.
Notes' citations, comments, frames (images, text boxes) and tables of contents are left
out. The master pages' headers and footers (styles.xml) come once, at the top, as the
letterhead; footnotes and endnotes come at the end, numbered. meta.xml's title, author
and dates go to `SourceText.metadata`. A document encrypted with a password is
`EncryptedDocument`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from ..errors import EmptyDocument, EncryptedDocument
from ..lazy_pattern import lazy_compile
from .office_text import (
    Block,
    BlockWalker,
    bullet,
    format_number,
    is_heading_style,
    join_blocks,
    letterhead,
)
from .office_zip import SafeArchive, attr, child, local, office_rules
from .source import ReadWarning, SourceText

if TYPE_CHECKING:
    from . import ReadOptions

_WHAT = "OpenDocument text"
_LENGTH = lazy_compile(r"^\s*(-?[\d.]+)\s*(cm|mm|in|pt|pc|px)?\s*$")
_POINTS = {"cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "pt": 1.0, "pc": 12.0, "px": 0.75, None: 1.0}
_NUMBER_FORMATS = {"1": "decimal", "a": "lower-letter", "A": "upper-letter", "i": "lower-roman",
                   "I": "upper-roman"}
# Inline elements whose content is not text the document shows.
_SKIPPED_INLINE = frozenset(
    {"note", "annotation", "annotation-end", "change", "change-start", "change-end", "frame",
     "ruby-text", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break", "custom-shape",
     "a-shape", "rect", "line", "g", "control"}
)
# Block elements left out: deleted text of tracked changes, declarations, generated indexes.
_SKIPPED_BLOCKS = frozenset(
    {"tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "forms",
     "table-of-content", "illustration-index", "table-index", "object-index", "user-index",
     "alphabetical-index", "bibliography", "frame", "soft-page-break"}
)
_META = {"title": "title", "subject": "subject", "initial-creator": "author", "keyword": "keywords",
         "creation-date": "created", "date": "modified"}


def read_odt_file(path: Path, options: ReadOptions) -> SourceText:
    """The reader of OpenDocument texts (.odt), with the options every reader is given."""
    source = str(path)
    with SafeArchive(path, _WHAT, options.max_inflated) as archive:
        _refuse_encrypted(archive)
        content = archive.xml("content.xml")
        styles_root = archive.xml_if_present("styles.xml")
        common = child(styles_root, "styles")
        body = _OdtReader(_Styles([common, child(content, "automatic-styles")]))
        head = _OdtReader(_Styles([common, child(styles_root, "automatic-styles")]))
        text_root = child(child(content, "body"), "text")
        if text_root is None:
            raise EmptyDocument(source, "is an OpenDocument file with no text body; is it a text document?")
        blocks = list(body.blocks(text_root))
        top = letterhead(head.margins(child(styles_root, "master-styles")))
        end = body.note_blocks()
        metadata = _meta(archive)
    if top and blocks:
        blocks[0].blank_before = True
    if end and blocks:
        end[0].blank_before = True
    text = join_blocks(top + blocks + end)
    if not text:
        raise EmptyDocument(source, "is an OpenDocument text with no text; check that it is the right file")
    warnings: list[ReadWarning] = []
    return SourceText(text=text, source=source, format="odt", warnings=warnings, metadata=metadata)


def _refuse_encrypted(archive: SafeArchive) -> None:
    manifest = archive.xml_if_present("META-INF/manifest.xml")
    if manifest is None:
        return
    for entry in manifest:
        if attr(entry, "full-path") == "content.xml" and child(entry, "encryption-data") is not None:
            raise EncryptedDocument(
                archive.source,
                "is an OpenDocument text protected with a password; open it, remove the password "
                "(File > Properties > Security, or save without 'Save with password') and save it "
                "again, or export it as PDF",
            )


def _points(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    if match is None:
        return None
    try:
        return float(match.group(1)) * _POINTS[match.group(2)]
    except ValueError:
        return None


class _Styles:
    """Paragraph and list styles by name, with their parents and the default style."""

    def __init__(self, roots: list[Element | None]) -> None:
        self.paragraph: dict[str, Element] = {}
        self.lists: dict[str, Element] = {}
        self.default: Element | None = None
        for root in roots:
            for el in root if root is not None else ():
                kind = local(el.tag)
                name = attr(el, "name") or ""
                if kind == "style" and attr(el, "family") in ("paragraph", None):
                    self.paragraph[name] = el
                elif kind == "list-style":
                    self.lists[name] = el
                elif kind == "default-style" and attr(el, "family") == "paragraph":
                    self.default = el

    def chain(self, name: str | None) -> Iterator[Element]:
        seen: set[str] = set()
        while name and name not in seen and name in self.paragraph:
            seen.add(name)
            style = self.paragraph[name]
            yield style
            name = attr(style, "parent-style-name")
        if self.default is not None:
            yield self.default

    def prop(self, name: str | None, key: str) -> str | None:
        for style in self.chain(name):
            value = attr(child(style, "paragraph-properties"), key)
            if value is not None:
                return value
        return None

    def is_heading(self, name: str | None) -> bool:
        names = [n for style in self.chain(name) for n in (attr(style, "name"), attr(style, "display-name"))]
        return is_heading_style(*names)


class _OdtReader(BlockWalker):
    """One pass over a body or the master pages, producing blocks."""

    cell_tag = "table-cell"

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.notes: dict[str, list[Element]] = {"footnote": [], "endnote": []}
        self.tables = 0
        self.lists: dict[str, dict[int, int]] = {}  # list style -> counts of its last list
        self._previous: tuple[str, float, bool] | None = None  # style, space below, contextual
        self._blank = False

    # -- walking -------------------------------------------------------------------

    def blocks(self, container: Element) -> Iterator[Block]:
        self._previous, self._blank = None, False
        yield from self._walk(container)

    def _walk(self, container: Element) -> Iterator[Block]:
        for node in container:
            kind = local(node.tag)
            if kind in ("p", "h"):
                block = self.paragraph(node, heading=kind == "h")
                if block is not None:
                    yield block
            elif kind == "list":
                yield from self.list(node, 0, None, None)
            elif kind == "numbered-paragraph":
                yield from self._walk_items(node, "")
            elif kind == "table":
                yield from self.table(node)
            elif kind not in _SKIPPED_BLOCKS and kind != "note":
                yield from self._walk(node)  # sections, headers' regions, change-free wrappers

    def paragraph(self, p: Element, heading: bool = False, label: str | None = None) -> Block | None:
        text = self.inline(p).strip("\n")
        if not text.strip():
            self._blank = True
            self._previous = None
            return None
        name = attr(p, "style-name") or ""
        before = _points(self.styles.prop(name, "margin-top")) or 0.0
        after = _points(self.styles.prop(name, "margin-bottom")) or 0.0
        contextual = self.styles.prop(name, "contextual-spacing") == "true"
        gap = float(office_rules()["gap_points"])
        spaced = before > gap
        if self._previous is not None:
            last, last_after, last_contextual = self._previous
            same = last == name
            spaced = (before > gap and not (contextual and same)) or (
                last_after > gap and not (last_contextual and same)
            )
        block = Block(text, "para", self._blank, spaced)
        self._previous, self._blank = (name, after, contextual), False
        if heading or self.styles.is_heading(name):
            block.kind = "heading"
        elif label is not None:
            block.kind = "item"
            block.text = f"{label} {text}" if label else text
        return block

    def list(
        self, el: Element, level: int, style: str | None, counts: dict[int, int] | None
    ) -> Iterator[Block]:
        """The items of a list (and of the lists nested in it), each with its label."""
        style = attr(el, "style-name") or style or ""
        if counts is None:  # a list at the top: new numbering unless it continues the last one
            continues = attr(el, "continue-numbering") == "true" or attr(el, "continue-list") is not None
            counts = self.lists.get(style, {}) if continues else {}
            self.lists[style] = counts
        for item in el:
            kind = local(item.tag)
            if kind not in ("list-item", "list-header"):
                continue
            label: str | None = None
            if kind == "list-item":
                start = attr(item, "start-value")
                counts[level] = int(start) if start and start.isdigit() else counts.get(level, 0) + 1
                for deeper in [lv for lv in counts if lv > level]:
                    del counts[deeper]
                label = self._label(style, level, counts)
            yield from self._item(item, level, style, counts, label)

    def _item(
        self, item: Element, level: int, style: str, counts: dict[int, int], label: str | None
    ) -> Iterator[Block]:
        first = True
        for node in item:
            kind = local(node.tag)
            if kind == "list":
                yield from self.list(node, level + 1, style, counts)
            elif kind in ("p", "h"):
                block = self.paragraph(node, False, label if first and label is not None else "")
                if block is not None:
                    first = False
                    yield block
            elif kind == "table":
                yield from self.table(node)

    def _walk_items(self, node: Element, label: str) -> Iterator[Block]:
        for p in node:
            if local(p.tag) in ("p", "h"):
                block = self.paragraph(p, False, label)
                if block is not None:
                    yield block

    def _label(self, style: str, level: int, counts: dict[int, int]) -> str:
        """What list style `style` shows before an item at `level` (0-based)."""
        levels = self.styles.lists.get(style)
        spec = None
        for candidate in levels if levels is not None else ():
            if attr(candidate, "level") == str(level + 1):
                spec = candidate
        if spec is None or local(spec.tag) == "list-level-style-bullet":
            return bullet()
        if local(spec.tag) != "list-level-style-number":
            return ""
        fmt = attr(spec, "num-format") or ""
        if not fmt:
            return f"{attr(spec, 'num-prefix') or ''}{attr(spec, 'num-suffix') or ''}".strip()
        shown = attr(spec, "display-levels")
        depth = int(shown) if shown and shown.isdigit() else 1
        start = attr(spec, "start-value")
        offset = int(start) - 1 if start and start.isdigit() else 0
        numbers = [
            format_number(counts.get(lv, 1) + offset, _NUMBER_FORMATS.get(fmt, "decimal"))
            for lv in range(max(0, level - depth + 1), level + 1)
        ]
        return f"{attr(spec, 'num-prefix') or ''}{'.'.join(numbers)}{attr(spec, 'num-suffix') or ''}".strip()

    def table_rows(self, table: Element) -> Iterator[Element]:
        return _rows(table)

    def _inline(self, el: Element, out: list[str]) -> None:
        if el.text:
            out.append(el.text)
        for node in el:
            kind = local(node.tag)
            if kind == "note":
                self.notes[attr(node, "note-class") or "footnote"].append(node)
            elif kind == "s":
                count = attr(node, "c")
                spaces = int(count) if count and count.isdigit() else 1
                out.append(" " * min(spaces, int(office_rules()["max_spaces"])))
            elif kind == "tab":
                out.append("\t")
            elif kind == "line-break":
                out.append("\n")
            elif kind not in _SKIPPED_INLINE:
                self._inline(node, out)
            if node.tail:
                out.append(node.tail)

    # -- headers, footers, notes ---------------------------------------------------

    def margins(self, master_styles: Element | None) -> list[Block]:
        """The blocks of the master pages' headers, then their footers."""
        found = list(master_styles) if master_styles is not None else []
        pages = [page for page in found if local(page.tag) == "master-page"]
        blocks: list[Block] = []
        for part in ("header", "footer"):
            for page in pages:
                for variant in ("-first", "", "-left"):
                    region = child(page, part + variant)
                    if region is not None and attr(region, "display") != "false":
                        shown = list(self.blocks(region))
                        if shown:
                            shown[0].blank_before = True  # each header and footer a paragraph of its own
                        blocks.extend(shown)
        return blocks

    def note_blocks(self) -> list[Block]:
        """Footnotes, then endnotes, in the order the text cites them, numbered."""
        blocks: list[Block] = []
        for kind, style in (("footnote", "decimal"), ("endnote", "lower-roman")):
            for n, note in enumerate(self.notes[kind], 1):
                note_body = child(note, "note-body")
                if note_body is None:
                    continue
                text = "\n".join(block.text for block in self.blocks(note_body))
                if text.strip():
                    blocks.append(Block(f"{format_number(n, style)} {text.strip()}", "para", False, True))
        return blocks


def _rows(table: Element) -> Iterator[Element]:
    for node in table:
        kind = local(node.tag)
        if kind == "table-row":
            yield node
        elif kind in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _rows(node)


def _meta(archive: SafeArchive) -> dict[str, str]:
    root = archive.xml_if_present("meta.xml")
    meta = child(root, "meta")
    out: dict[str, str] = {}
    for el in meta if meta is not None else ():
        key = _META.get(local(el.tag))
        if key and key not in out and el.text and el.text.strip():
            out[key] = el.text.strip()
    if "author" not in out:
        for el in meta if meta is not None else ():
            if local(el.tag) == "creator" and el.text and el.text.strip():
                out["author"] = el.text.strip()
    return out
