"""Word (.docx, python-docx) and OpenDocument (.odt, odfpy) files written from a sample's
text at test time, shaped as a person would write the document in a word processor:
headings as headings, bullets and numbered points as list items (numbered by the list,
not typed), signers side by side as a table, each line a paragraph.

`variant` says how paragraphs are spaced: "spacing" (lines of one paragraph with no
space between them, space after the last), "empty" (no spacing at all: an empty paragraph
where the text has a blank line) or "breaks" (each paragraph one Word paragraph, its
lines joined by line breaks)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import regex

_HEADING = regex.compile(r"^#{1,6}\s+")
_EMPHASIS = regex.compile(r"(?<![\w*])\*{1,2}(?=\S)([^*\n]+?)(?<=\S)\*{1,2}(?![\w*])")
_BULLET = regex.compile(r"^[•\-–*]\s+")
_NUMBER = regex.compile(r"^(\d{1,2})\.\s+")
_COLUMNS = regex.compile(r"\S(?:\s{3,}|\t)\S")
_COLUMN_GAP = regex.compile(r"\s{3,}|\t")

VARIANTS = ("spacing", "empty", "breaks")


@dataclass
class Piece:
    """One thing of a document: a paragraph (its lines), a heading, a list, a table."""

    kind: str  # "para", "heading", "bullets", "numbers", "table"
    lines: list[str] = field(default_factory=list)
    start: int = 1
    cells: list[list[str]] = field(default_factory=list)


def pieces_of(text: str) -> list[Piece]:
    """The sample's text cut into paragraphs, headings, lists and tables."""
    pieces: list[Piece] = []
    for block in regex.split(r"\n[ \t]*\n", text.strip()):
        lines = [ln.rstrip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        listed = any(_BULLET.match(ln.strip()) or _NUMBER.match(ln.strip()) for ln in lines)
        if not listed and all(_COLUMNS.search(ln) for ln in lines):
            rows = [_COLUMN_GAP.split(ln.strip()) for ln in lines]
            width = max(len(r) for r in rows)
            cells = [[r[i] for r in rows if i < len(r)] for i in range(width)]
            pieces.append(Piece("table", cells=cells))
            continue
        current: Piece | None = None
        for line in lines:
            plain = _EMPHASIS.sub(r"\1", line.strip())
            kind, rest, start = "para", plain, 1
            if _HEADING.match(plain):
                kind, rest = "heading", _HEADING.sub("", plain)
            elif _BULLET.match(plain):
                kind, rest = "bullets", _BULLET.sub("", plain)
            elif (number := _NUMBER.match(plain)) is not None:
                kind, rest, start = "numbers", _NUMBER.sub("", plain), int(number.group(1))
            if kind in ("bullets", "numbers"):
                if current is None or current.kind != kind:
                    current = Piece(kind, start=start)
                    pieces.append(current)
                current.lines.append(rest)
            elif current is not None and current.kind in ("bullets", "numbers"):
                current.lines[-1] += " " + rest  # a wrapped list item
            elif kind == "heading":
                pieces.append(Piece("heading", [rest]))
                current = None
            else:
                if current is None or current.kind != "para":
                    current = Piece("para")
                    pieces.append(current)
                current.lines.append(rest)
        if pieces and pieces[-1].kind == "para":
            pieces[-1].lines.append("")  # the paragraph ends: a gap follows
    return pieces


# -- Word ------------------------------------------------------------------------------


def write_docx(text: str, path: Path, variant: str = "spacing") -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    restart = _numbering_restarter(document)
    for piece in pieces_of(text):
        if piece.kind == "heading":
            document.add_heading(piece.lines[0], level=1)
        elif piece.kind in ("bullets", "numbers"):
            style = "List Bullet" if piece.kind == "bullets" else "List Number"
            num_id = restart(piece.start) if piece.kind == "numbers" else None
            for line in piece.lines:
                paragraph = document.add_paragraph(line, style=style)
                if num_id is not None:
                    _set_num(paragraph, num_id)
            if variant == "empty":
                document.add_paragraph("")
        elif piece.kind == "table":
            table = document.add_table(rows=1, cols=len(piece.cells))
            for cell, lines in zip(table.rows[0].cells, piece.cells, strict=True):
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
            if variant == "empty":
                document.add_paragraph("")
        else:
            lines = [ln for ln in piece.lines if ln]
            if variant == "breaks":
                paragraph = document.add_paragraph()
                for i, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    if i < len(lines) - 1:
                        run.add_break()
                continue
            for i, line in enumerate(lines):
                paragraph = document.add_paragraph(line)
                last = i == len(lines) - 1
                paragraph.paragraph_format.space_after = Pt(10) if last and variant == "spacing" else Pt(0)
            if variant == "empty":
                document.add_paragraph("")
    if variant == "empty":
        for paragraph in document.paragraphs:
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.space_before = Pt(0)
    document.save(str(path))
    return path


def _numbering_restarter(document: object):  # type: ignore[no-untyped-def]
    """A function giving a new list instance of "List Number" that starts at a number."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    style = document.styles["List Number"]  # type: ignore[attr-defined]
    base_id = style.element.pPr.numPr.numId.val
    base = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(base_id))
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]

    def restart(start: int) -> int:
        num = copy.deepcopy(base)
        num_id = max(used) + 1
        used.append(num_id)
        num.set(qn("w:numId"), str(num_id))
        override = num.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        start_el = override.makeelement(qn("w:startOverride"), {qn("w:val"): str(start)})
        override.append(start_el)
        num.append(override)
        numbering.append(num)
        return num_id

    return restart


def _set_num(paragraph: object, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


# -- OpenDocument ----------------------------------------------------------------------


def write_odt(text: str, path: Path, variant: str = "spacing") -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import (
        H,
        LineBreak,
        List,
        ListItem,
        ListLevelStyleBullet,
        ListLevelStyleNumber,
        ListStyle,
        P,
    )

    document = OpenDocumentText()
    spaced = Style(name="Spaced", family="paragraph")
    spaced.addElement(ParagraphProperties(marginbottom="0cm" if variant == "empty" else "0.35cm"))
    tight = Style(name="Tight", family="paragraph")
    tight.addElement(ParagraphProperties(marginbottom="0cm", margintop="0cm"))
    for style in (spaced, tight):
        document.styles.addElement(style)
    bullets = ListStyle(name="Bullets")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    numbers = ListStyle(name="Numbers")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    for style in (bullets, numbers):
        document.automaticstyles.addElement(style)
    body = document.text
    for piece in pieces_of(text):
        if piece.kind == "heading":
            body.addElement(H(outlinelevel=1, text=piece.lines[0]))
        elif piece.kind in ("bullets", "numbers"):
            listing = List(stylename=bullets if piece.kind == "bullets" else numbers)
            for n, line in enumerate(piece.lines):
                item = ListItem(startvalue=str(piece.start)) if n == 0 and piece.start != 1 else ListItem()
                item.addElement(P(stylename=tight, text=line))
                listing.addElement(item)
            body.addElement(listing)
            if variant == "empty":
                body.addElement(P(stylename=tight, text=""))
        elif piece.kind == "table":
            table = Table()
            table.addElement(TableColumn(numbercolumnsrepeated=len(piece.cells)))
            row = TableRow()
            for lines in piece.cells:
                cell = TableCell()
                for line in lines:
                    cell.addElement(P(text=line))
                row.addElement(cell)
            table.addElement(row)
            body.addElement(table)
            if variant == "empty":
                body.addElement(P(stylename=tight, text=""))
        else:
            lines = [ln for ln in piece.lines if ln]
            if variant == "breaks":
                paragraph = P(stylename=spaced)
                for i, line in enumerate(lines):
                    paragraph.addText(line)
                    if i < len(lines) - 1:
                        paragraph.addElement(LineBreak())
                body.addElement(paragraph)
                continue
            for i, line in enumerate(lines):
                last = i == len(lines) - 1
                body.addElement(P(stylename=spaced if last else tight, text=line))
            if variant == "empty":
                body.addElement(P(stylename=tight, text=""))
    document.save(str(path))
    return path


WRITERS = {"docx": write_docx, "odt": write_odt}


# -- raw archives, for shapes the writers above do not make ---------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def word_part(root: str, inner: str) -> str:
    """A WordprocessingML part: `inner` inside a `w:ROOT` element with the usual namespaces."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f"{head}<w:{root} {_NAMESPACES}>{inner}</w:{root}>"


def raw_docx(path: Path, body: str, parts: dict[str, str | bytes] | None = None) -> Path:
    """A .docx whose word/document.xml body is `body` (WordprocessingML), with other parts."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", word_part("document", f"<w:body>{body}</w:body>"))
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path


def rels(targets: dict[str, str]) -> str:
    """A .rels part: relationship id -> target."""
    items = "".join(f'<Relationship Id="{rid}" Type="x" Target="{to}"/>' for rid, to in targets.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'
    )


_ODF_NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in (
        ("office", "office:1.0"), ("text", "text:1.0"), ("table", "table:1.0"), ("style", "style:1.0"),
        ("fo", "xsl-fo-compatible:1.0"), ("draw", "drawing:1.0"), ("meta", "meta:1.0"),
        ("manifest", "manifest:1.0"),
    )
) + ' xmlns:dc="http://purl.org/dc/elements/1.1/"'


def odf_part(root: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><office:{root} {_ODF_NAMESPACES}>{inner}</office:{root}>'


def raw_odt(
    path: Path,
    text: str,
    *,
    automatic_styles: str = "",
    styles: str = "",
    parts: dict[str, str | bytes] | None = None,
) -> Path:
    """An .odt whose office:text is `text`; `styles` is the inside of styles.xml's root."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED
        )
        content = (
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            f"<office:body><office:text>{text}</office:text></office:body>"
        )
        archive.writestr("content.xml", odf_part("document-content", content))
        archive.writestr("styles.xml", odf_part("document-styles", styles))
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path
