"""Read a Word document (.docx) into a SourceText.

The WordprocessingML is read from the archive (`office_zip`: counted inflation, no DTDs
or entities) and walked in reading order: body paragraphs, headings, list items (each
with the bullet or number Word shows, from numbering.xml), tables row by row. Tracked
changes read as the document reads now: insertions kept, deletions and moved-away text
dropped. Hidden text, field codes, comments, images and drawings (text boxes included)
are left out. The page headers and footers come once, at the top, as the letterhead;
footnotes and endnotes come at the end, numbered. Core properties (title, author,
dates) go to `SourceText.metadata`, not into the text.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

import regex

from ..errors import EmptyDocument
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

_WHAT = "Word document"
_DOCUMENT = "word/document.xml"
_LEVEL_REF = lazy_compile(r"%([1-9])")
_NUMBER_STYLES = {
    "lowerLetter": "lower-letter",
    "upperLetter": "upper-letter",
    "lowerRoman": "lower-roman",
    "upperRoman": "upper-roman",
}
# Elements whose content is not text the document shows.
_SKIPPED = frozenset(
    {
        "del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sdtPr",
        "sdtEndPr", "drawing", "pict", "object", "AlternateContent", "commentReference",
        "annotationRef", "fldChar", "lastRenderedPageBreak", "separator", "continuationSeparator",
        "footnoteRef", "endnoteRef", "sym", "ptab",
    }
)
_CORE_PROPERTIES = {
    "title": "title",
    "subject": "subject",
    "creator": "author",
    "keywords": "keywords",
    "created": "created",
    "modified": "modified",
}


def read_docx_file(path: Path, options: ReadOptions) -> SourceText:
    """The reader of Word documents (.docx), with the options every reader is given."""
    source = str(path)
    with SafeArchive(path, _WHAT, options.max_inflated) as archive:
        reader = _DocxReader(archive)
        text, warnings = reader.read()
        metadata = _core_properties(archive)
    if not text:
        raise EmptyDocument(source, "is a Word document with no text; check that it is the right file")
    return SourceText(text=text, source=source, format="docx", warnings=warnings, metadata=metadata)


def _on(el: Element | None) -> bool | None:
    """A toggle property: None if absent, else whether it is on."""
    if el is None:
        return None
    return attr(el, "val") not in ("0", "false", "off")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Styles:
    """Paragraph styles: names, inheritance, and the document defaults."""

    def __init__(self, root: Element | None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.ppr: dict[str, Element] = {}
        self.default: str | None = None
        self.defaults: Element | None = None
        if root is None:
            return
        for el in root.iter():
            if local(el.tag) == "pPrDefault":
                self.defaults = child(el, "pPr")
        for style in root:
            if local(style.tag) != "style" or attr(style, "type") not in (None, "paragraph"):
                continue
            sid = attr(style, "styleId") or ""
            self.names[sid] = attr(child(style, "name"), "val") or sid
            parent = attr(child(style, "basedOn"), "val")
            if parent:
                self.based_on[sid] = parent
            ppr = child(style, "pPr")
            if ppr is not None:
                self.ppr[sid] = ppr
            if attr(style, "default") in ("1", "true"):
                self.default = sid

    def chain(self, sid: str | None) -> Iterator[tuple[str, Element | None]]:
        """The style and the styles it is based on, each with its paragraph properties."""
        seen: set[str] = set()
        current = sid or self.default
        while current and current not in seen:
            seen.add(current)
            yield current, self.ppr.get(current)
            current = self.based_on.get(current)


class _Numbering:
    """List numbering (numbering.xml): what each list level shows, counted as it goes."""

    def __init__(self, root: Element | None, styles: _Styles) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract id -> levels
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> abstract, start overrides
        self.links: dict[str, str] = {}  # abstract id -> style whose numbering it uses
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = styles
        if root is None:
            return
        for el in root:
            kind = local(el.tag)
            if kind == "abstractNum":
                levels: dict[int, tuple[int, str, str]] = {}
                for lvl in el:
                    if local(lvl.tag) == "lvl":
                        levels[_int(attr(lvl, "ilvl"))] = _level(lvl)
                    elif local(lvl.tag) == "numStyleLink":
                        self.links[attr(el, "abstractNumId") or ""] = attr(lvl, "val") or ""
                self.levels[attr(el, "abstractNumId") or ""] = levels
            elif kind == "num":
                overrides: dict[int, int] = {}
                for override in el:
                    if local(override.tag) == "lvlOverride":
                        start = child(override, "startOverride")
                        if start is not None:
                            overrides[_int(attr(override, "ilvl"))] = _int(attr(start, "val"), 1)
                abstract = attr(child(el, "abstractNumId"), "val") or ""
                self.nums[attr(el, "numId") or ""] = (abstract, overrides)

    def _abstract_levels(self, num_id: str, depth: int = 0) -> dict[int, tuple[int, str, str]]:
        abstract, _ = self.nums.get(num_id, ("", {}))
        linked = self.links.get(abstract)
        if linked and depth < 3:
            for _, ppr in self.styles.chain(linked):
                num_pr = child(ppr, "numPr")
                linked_num = attr(child(num_pr, "numId"), "val")
                if linked_num and linked_num != num_id:
                    return self._abstract_levels(linked_num, depth + 1)
        return self.levels.get(abstract, {})

    def label(self, num_id: str, level: int) -> str | None:
        """The bullet or number of the next item of list `num_id` at `level`; None when
        the paragraph is not a list item (numbering switched off, or no such list)."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None
        levels = self._abstract_levels(num_id)
        _, overrides = self.nums[num_id]
        counts = self.counters.setdefault(num_id, {})
        start = overrides.get(level, levels.get(level, (1, "decimal", ""))[0])
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [lv for lv in counts if lv > level]:
            del counts[deeper]
        _, fmt, text = levels.get(level, (1, "decimal", f"%{level + 1}."))
        if fmt == "bullet":
            return bullet()
        if fmt == "none":
            return ""

        def number(match: regex.Match[str]) -> str:
            at = int(match.group(1)) - 1
            lv_start, lv_fmt, _ = levels.get(at, (1, "decimal", ""))
            value = counts.get(at, overrides.get(at, lv_start))
            return format_number(value, _NUMBER_STYLES.get(lv_fmt, "decimal"))

        return _LEVEL_REF.sub(number, text).strip()


def _level(lvl: Element) -> tuple[int, str, str]:
    start = _int(attr(child(lvl, "start"), "val"), 1)
    fmt = attr(child(lvl, "numFmt"), "val") or "decimal"
    text = attr(child(lvl, "lvlText"), "val")
    return start, fmt, text if text is not None else ""


class _DocxReader(BlockWalker):
    """One pass over a Word document's parts, producing its blocks."""

    cell_tag = "tc"

    def __init__(self, archive: SafeArchive) -> None:
        self.archive = archive
        self.styles = _Styles(archive.xml_if_present("word/styles.xml"))
        self.numbering = _Numbering(archive.xml_if_present("word/numbering.xml"), self.styles)
        self.notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
        self.tables = 0
        self.warnings: list[ReadWarning] = []
        self._previous: tuple[str, int, bool] | None = None  # style, space after, contextual
        self._blank = False

    def read(self) -> tuple[str, list[ReadWarning]]:
        body = child(self.archive.xml(_DOCUMENT), "body")
        if body is None:
            raise self.archive.damaged("has no body in word/document.xml")
        blocks = list(self.blocks(body))
        head = letterhead(self.margins(body))
        end = self.note_blocks()
        if head and blocks:
            blocks[0].blank_before = True
        if end and blocks:
            end[0].blank_before = True
        return join_blocks(head + blocks + end), self.warnings

    # -- walking -------------------------------------------------------------------

    def blocks(self, container: Element) -> Iterator[Block]:
        """The blocks of a body, cell, header, footer or note, in reading order."""
        self._previous, self._blank = None, False
        yield from self._walk(container)

    def _walk(self, container: Element) -> Iterator[Block]:
        for node in container:
            kind = local(node.tag)
            if kind == "p":
                block = self.paragraph(node)
                if block is not None:
                    yield block
            elif kind == "tbl":
                yield from self.table(node)
            elif kind in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"):
                yield from self._walk(node)
            elif kind == "altChunk":
                self.warnings.append(
                    ReadWarning("docx-alt-chunk", "the document embeds content from another file "
                                "(altChunk), which is not read; open and save it in Word to merge it")
                )

    def paragraph(self, p: Element) -> Block | None:
        ppr = child(p, "pPr")
        sid = attr(child(ppr, "pStyle"), "val") or self.styles.default or ""
        text = self.inline(p).strip("\n")
        if not text.strip():
            self._blank = True
            self._previous = None
            return None
        before, after, contextual = self._spacing(ppr, sid)
        spaced = before > _gap()
        if self._previous is not None:
            last_style, last_after, last_contextual = self._previous
            same = last_style == sid
            spaced = (before > _gap() and not (contextual and same)) or (
                last_after > _gap() and not (last_contextual and same)
            )
        block = Block(text, "para", self._blank, spaced)
        self._previous, self._blank = (sid, after, contextual), False
        names = [n for s, _ in self.styles.chain(sid) for n in (s, self.styles.names.get(s))]
        if self._outline_level(ppr, sid) is not None or is_heading_style(*names):
            block.kind = "heading"
            return block
        label = self._label(ppr, sid)
        if label is not None:
            block.kind = "item"
            block.text = f"{label} {text}" if label else text
        return block

    def table_rows(self, table: Element) -> Iterator[Element]:
        return _rows(table)

    def _inline(self, el: Element, out: list[str]) -> None:
        for node in el:
            kind = local(node.tag)
            if kind in _SKIPPED:
                continue
            if kind == "t":
                out.append(node.text or "")
            elif kind == "tab":
                out.append("\t")
            elif kind in ("br", "cr"):
                out.append("\n")
            elif kind == "noBreakHyphen":
                out.append("-")
            elif kind in ("footnoteReference", "endnoteReference"):
                self.notes[kind.removesuffix("Reference")].append(attr(node, "id") or "")
            elif kind == "r" and _on(child(child(node, "rPr"), "vanish")):
                continue  # hidden text
            elif kind in ("tbl", "p"):
                out.append("\n" + self.inline(node))
            else:
                self._inline(node, out)

    # -- properties --------------------------------------------------------------

    def _chain(self, ppr: Element | None, sid: str) -> Iterator[Element]:
        if ppr is not None:
            yield ppr
        for _, style_ppr in self.styles.chain(sid):
            if style_ppr is not None:
                yield style_ppr
        if self.styles.defaults is not None:
            yield self.styles.defaults

    def _spacing(self, ppr: Element | None, sid: str) -> tuple[int, int, bool]:
        """Space before and after the paragraph (twips), and whether it is contextual."""
        found: dict[str, int] = {}
        contextual: bool | None = None
        for props in self._chain(ppr, sid):
            spacing = child(props, "spacing")
            for side in ("before", "after"):
                if side in found or spacing is None:
                    continue
                if _on_attr(attr(spacing, f"{side}Autospacing")):
                    found[side] = _auto_spacing()
                elif attr(spacing, side) is not None:
                    found[side] = _int(attr(spacing, side))
            if contextual is None:
                contextual = _on(child(props, "contextualSpacing"))
        return found.get("before", 0), found.get("after", 0), bool(contextual)

    def _outline_level(self, ppr: Element | None, sid: str) -> int | None:
        for props in self._chain(ppr, sid):
            level = attr(child(props, "outlineLvl"), "val")
            if level is not None:
                value = _int(level, 9)
                return value if value < 9 else None
        return None

    def _label(self, ppr: Element | None, sid: str) -> str | None:
        num_id: str | None = None
        level: int | None = None
        for props in self._chain(ppr, sid):
            num_pr = child(props, "numPr")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = attr(child(num_pr, "numId"), "val")
            if level is None and child(num_pr, "ilvl") is not None:
                level = _int(attr(child(num_pr, "ilvl"), "val"))
            if num_id is not None and level is not None:
                break
        if num_id is None:
            return None
        return self.numbering.label(num_id, level or 0)

    # -- headers, footers, notes ---------------------------------------------------

    def margins(self, body: Element) -> list[Block]:
        """The blocks of the headers, then the footers, every part once."""
        targets = _relationships(self.archive, "word/_rels/document.xml.rels")
        parts: dict[str, list[str]] = {"headerReference": [], "footerReference": []}
        for sect in body.iter():
            if local(sect.tag) != "sectPr":
                continue
            for ref in sorted(sect, key=lambda r: ("first", "default", "even").index(_ref_type(r))):
                kind = local(ref.tag)
                target = targets.get(attr(ref, "id") or "")
                if kind in parts and target and target not in parts[kind]:
                    parts[kind].append(target)
        blocks: list[Block] = []
        for name in parts["headerReference"] + parts["footerReference"]:
            if self.archive.has(name):
                part = list(self.blocks(self.archive.xml(name)))
                if part:
                    part[0].blank_before = True  # each header and footer a paragraph of its own
                blocks.extend(part)
        return blocks

    def note_blocks(self) -> list[Block]:
        """Footnotes, then endnotes, in the order the text refers to them, numbered."""
        blocks: list[Block] = []
        for kind, style in (("footnote", "decimal"), ("endnote", "lower-roman")):
            wanted = list(dict.fromkeys(self.notes[kind]))
            root = self.archive.xml_if_present(f"word/{kind}s.xml") if wanted else None
            if root is None:
                continue
            bodies = {attr(note, "id"): note for note in root if local(note.tag) == kind}
            for n, note_id in enumerate(wanted, 1):
                note = bodies.get(note_id)
                if note is None:
                    continue
                text = "\n".join(block.text for block in self.blocks(note))
                if text.strip():
                    blocks.append(Block(f"{format_number(n, style)} {text.strip()}", "para", False, True))
        return blocks


def _gap() -> int:
    """Spacing (twentieths of a point) above which paragraphs show a gap between them."""
    return int(20 * office_rules()["gap_points"])


def _auto_spacing() -> int:
    return int(20 * office_rules()["auto_spacing_points"])


def _on_attr(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


def _ref_type(ref: Element) -> str:
    kind = attr(ref, "type") or "default"
    return kind if kind in ("first", "default", "even") else "default"


def _rows(tbl: Element) -> Iterator[Element]:
    for node in tbl:
        kind = local(node.tag)
        if kind == "tr":
            yield node
        elif kind in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
            yield from _rows(node)


def _relationships(archive: SafeArchive, name: str) -> dict[str, str]:
    """Relationship id -> part name, for the internal targets of a .rels part."""
    root = archive.xml_if_present(name)
    if root is None:
        return {}
    base = posixpath.dirname(posixpath.dirname(name))
    out: dict[str, str] = {}
    for rel in root:
        target = attr(rel, "Target")
        if not target or attr(rel, "TargetMode") == "External":
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        out[attr(rel, "Id") or ""] = posixpath.normpath(part)
    return out


def _core_properties(archive: SafeArchive) -> dict[str, str]:
    root = archive.xml_if_present("docProps/core.xml")
    if root is None:
        return {}
    out: dict[str, str] = {}
    for el in root:
        key = _CORE_PROPERTIES.get(local(el.tag))
        if key and el.text and el.text.strip():
            out[key] = el.text.strip()
    return out
