"""Scanned PDFs made at test time: a text typeset into a PDF with reportlab, its pages rendered
to images with pypdfium2 and the images wrapped in a PDF of their own (no text layer).

Needs reportlab (a dev dependency) and the DejaVu fonts (Debian's fonts-dejavu-core); tests
skip without them."""

from __future__ import annotations

import io
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVuSerif"
SIZE, LEADING, PARAGRAPH = 10.5, 14.0, 7.0
MARGIN = 72.0


def fonts_available() -> bool:
    return (FONT_DIR / "DejaVuSerif.ttf").is_file()


def typeset(text: str, path: Path, *, footer: bool = True) -> Path:
    """Write `text` into an A4 PDF: each line of the text wrapped to the margins, a blank line
    as paragraph space, a new page when one is full or at a form feed ("\f") line, "Sida N (M)"
    at the foot of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSerif.ttf")))
    width, height = A4
    pages: list[list[tuple[float, str]]] = [[]]
    y = height - MARGIN
    for raw in text.split("\n"):
        if raw == "\f":
            pages.append([])
            y = height - MARGIN
            continue
        if not raw.strip():
            y -= PARAGRAPH
            continue
        for line in simpleSplit(raw.strip(), FONT, SIZE, width - 2 * MARGIN) or [""]:
            if y < MARGIN + LEADING:
                pages.append([])
                y = height - MARGIN
            pages[-1].append((y, line))
            y -= LEADING
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number, page in enumerate(pages, start=1):
        canvas.setFont(FONT, SIZE)
        for y, line in page:
            canvas.drawString(MARGIN, y, line)
        if footer:
            canvas.setFont(FONT, 8.5)
            canvas.drawRightString(width - MARGIN, 40, f"Sida {number} ({len(pages)})")
        canvas.showPage()
    canvas.save()
    return path


def scan(
    pdf: Path,
    path: Path,
    *,
    dpi: int = 200,
    pages: list[int] | None = None,
    angle: float = 0.0,
    specks: int = 0,
    seed: int = 14,
) -> Path:
    """Write `pdf` again as a scan: each page (or only the 1-based `pages`) replaced by a
    grayscale image of itself at `dpi`, without a text layer; other pages are kept as text.
    `angle` turns the paper by that many degrees (a skewed scan) and `specks` sprinkles that
    many dark dots of dust over each page."""
    import random

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    rng = random.Random(seed)

    source = pdfium.PdfDocument(str(pdf))
    try:
        out = pdfium.PdfDocument.new()
        for index in range(len(source)):
            if pages is not None and index + 1 not in pages:
                out.import_pages(source, [index])
                continue
            page = source[index]
            image = page.render(scale=dpi / 72.0, grayscale=True).to_pil()
            page.close()
            if angle:
                image = image.rotate(angle, fillcolor=255, expand=False)
            draw = ImageDraw.Draw(image)
            for _ in range(specks):
                x, y, r = rng.randrange(image.width), rng.randrange(image.height), rng.choice((1, 2, 3))
                draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(0, 90))
            buffer = io.BytesIO()
            image.save(buffer, "PDF", resolution=float(dpi))
            scanned = pdfium.PdfDocument(buffer.getvalue())
            out.import_pages(scanned, [0])
            scanned.close()
        out.save(str(path))
        out.close()
    finally:
        source.close()
    return path
