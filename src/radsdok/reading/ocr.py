"""OCR of PDF pages: render with pypdfium2, recognise with Tesseract, lay out as PDF text.

`apply_ocr` is what the PDF reader calls after its backend has read the text layer: it
recognises the pages the mode asks for (``"auto"``: those without a text layer; ``"always"``:
all; ``"never"``: none), one page at a time (rendered, recognised, closed), turns Tesseract's
words into the backends' `Box` records (`hocr`) and lays them out with `pdf_layout.layout_page`,
so that columns, running headers and footers, paragraphs and dehyphenation are the same code
as for a text layer. Settings are data: ``radsdok/data/ocr.json``."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from statistics import fmean
from typing import TYPE_CHECKING, Any

from ..errors import OcrUnavailable
from ..limits import remaining
from .hocr import Geometry, boxes_from_lines, read_hocr
from .ocr_modes import check_mode
from .pdf_layout import Line, layout_page
from .source import ReadWarning
from .tesseract import find_tesseract, run_tesseract

if TYPE_CHECKING:
    from .pdf_backends import _Pages

@dataclass(frozen=True)
class OcrSettings:
    languages: str
    install_hint: str
    dpi: int
    native_dpi_min: float
    native_dpi_max: float
    max_pixels: int
    blank_level: int
    page_seconds: float
    psm: int
    thread_limit: int
    noise_confidence: float
    speck_size: float
    low_confidence: float
    size_factor: float
    size_snap: float
    ascent: float
    descent: float
    run_gap: float
    bullet_height: float
    bullet_width: float
    bullet_gap: float
    bullet_max_gap: float
    bullet_confidence: float
    low_quotes: frozenset[str]
    dust: frozenset[str]
    dashes: frozenset[str]

    def geometry(self, dpi: float) -> Geometry:
        """How Tesseract's pixels at `dpi` become boxes."""
        return Geometry(
            points_per_pixel=72.0 / dpi,
            size_factor=self.size_factor,
            size_snap=self.size_snap,
            ascent=self.ascent,
            descent=self.descent,
            noise_confidence=self.noise_confidence,
            speck_size=self.speck_size,
            run_gap=self.run_gap,
            bullet_height=self.bullet_height,
            bullet_width=self.bullet_width,
            bullet_gap=self.bullet_gap,
            bullet_max_gap=self.bullet_max_gap,
            bullet_confidence=self.bullet_confidence,
            low_quotes=self.low_quotes,
            dust=self.dust,
            dashes=self.dashes,
        )


@lru_cache(maxsize=1)
def ocr_settings() -> OcrSettings:
    """Load ``data/ocr.json`` once."""
    raw = json.loads(files("radsdok").joinpath("data/ocr.json").read_text("utf-8"))
    return OcrSettings(
        languages=str(raw["languages"]),
        install_hint=str(raw["install_hint"]),
        dpi=int(raw["dpi"]),
        native_dpi_min=float(raw["native_dpi_min"]),
        native_dpi_max=float(raw["native_dpi_max"]),
        max_pixels=int(raw["max_pixels"]),
        blank_level=int(raw["blank_level"]),
        page_seconds=float(raw["page_seconds"]),
        psm=int(raw["psm"]),
        thread_limit=int(raw["thread_limit"]),
        noise_confidence=float(raw["noise_confidence"]),
        speck_size=float(raw["speck_size"]),
        low_confidence=float(raw["low_confidence"]),
        size_factor=float(raw["size_factor"]),
        size_snap=float(raw["size_snap"]),
        ascent=float(raw["ascent"]),
        descent=float(raw["descent"]),
        run_gap=float(raw["run_gap"]),
        bullet_height=float(raw["bullet_height"]),
        bullet_width=float(raw["bullet_width"]),
        bullet_gap=float(raw["bullet_gap"]),
        bullet_max_gap=float(raw["bullet_max_gap"]),
        bullet_confidence=float(raw["bullet_confidence"]),
        low_quotes=frozenset(raw["low_quotes"]),
        dust=frozenset(raw["dust_characters"]),
        dashes=frozenset(raw["dashes"]),
    )


@dataclass
class Recognised:
    """The pages OCR read (1-based) with their lines, and the mean confidence of their words."""

    lines: dict[int, list[Line]] = field(default_factory=dict)
    confidences: dict[int, float] = field(default_factory=dict)  # per page with words
    words: int = 0
    confidence: float | None = None  # over all words

    @property
    def pages(self) -> list[int]:
        return sorted(n for n, lines in self.lines.items() if lines)

    def warning(self, source: str) -> ReadWarning:
        """The ``ocr`` warning: which pages were recognised, how sure Tesseract was."""
        pages = self.pages
        what = f"page {pages[0]} was" if len(pages) == 1 else f"pages {_numbers(pages)} were"
        mean = f"{self.confidence:.0f}%" if self.confidence is not None else "none"
        low = [n for n in pages if self.confidences.get(n, 100.0) < ocr_settings().low_confidence]
        note = f"; check pages {_numbers(low)} (low confidence)" if low else ""
        return ReadWarning(
            "ocr", f"{source}: {what} recognised by OCR (mean word confidence {mean}){note}"
        )


def _numbers(pages: list[int]) -> str:
    return ", ".join(str(n) for n in pages)


def apply_ocr(source: str, pages: _Pages, ocr: str) -> Recognised | None:
    """Recognise the pages `ocr` asks for and put their lines in `pages` (in place); the
    pages OCR found no text on keep what they had (`pages.empty`: none). None when there
    was nothing to do.

    Tesseract missing is `OcrUnavailable` when the document has no text without it; when
    other pages have a text layer (``"auto"``), those are read and an ``ocr-unavailable``
    warning says how to install Tesseract."""
    check_mode(ocr)
    count = len(pages.lines)
    targets = list(pages.empty) if ocr == "auto" else list(range(1, count + 1)) if ocr == "always" else []
    if not targets:
        return None
    settings = ocr_settings()
    try:
        exe = find_tesseract(source, settings.languages, settings.install_hint)
    except OcrUnavailable as exc:
        if ocr == "auto" and len(pages.empty) < count:
            pages.warnings.append(ReadWarning("ocr-unavailable", f"{source}: {exc.message}"))
            return None
        raise
    recognised = recognise(source, exe, targets, settings)
    for number in recognised.pages:  # a text layer OCR found nothing on ("always") is kept
        pages.lines[number - 1] = recognised.lines[number]
    pages.empty = [n for n in range(1, count + 1) if not pages.lines[n - 1]]
    return recognised


def recognise(source: str, exe: str, numbers: list[int], settings: OcrSettings) -> Recognised:
    """OCR the given pages (1-based) of the PDF at `source`, one page at a time."""
    import pypdfium2 as pdfium

    out = Recognised()
    every: list[float] = []
    pdf = pdfium.PdfDocument(source)
    try:
        for number in numbers:
            image, dpi = _render(pdf, number - 1, settings)
            if image is None:  # a blank page: nothing to recognise
                out.lines[number] = []
                continue
            left = remaining()
            timeout = settings.page_seconds if left is None else min(left, settings.page_seconds)
            markup = run_tesseract(
                exe,
                image,
                source=source,
                page=number,
                languages=settings.languages,
                dpi=dpi,
                psm=settings.psm,
                thread_limit=settings.thread_limit,
                timeout=max(timeout, 0.01),
                limited_by_document=left is not None and left < settings.page_seconds,
            )
            del image
            boxes, confidences = boxes_from_lines(read_hocr(markup), settings.geometry(dpi))
            lines = layout_page(boxes) if boxes else []
            for line in lines:
                line.page = number - 1
            out.lines[number] = lines
            if confidences:
                out.confidences[number] = fmean(confidences)
                every.extend(confidences)
    finally:
        pdf.close()
    out.words = len(every)
    out.confidence = fmean(every) if every else None
    return out


def _render(pdf: Any, index: int, settings: OcrSettings) -> tuple[bytes | None, int]:
    """Page `index` as a grayscale PNM image (None for a blank page), and the resolution it was
    rendered at: its scanned image's own (within native_dpi_min-max) or the configured dpi,
    lower for a page that would exceed `max_pixels`."""
    page = pdf[index]
    try:
        width, height = page.get_size()  # points
        native = _scan_dpi(page, width * height)
        dpi = round(native) if native is not None else settings.dpi
        if not settings.native_dpi_min <= dpi <= settings.native_dpi_max:
            dpi = settings.dpi
        pixels = width * height * (dpi / 72.0) ** 2
        if pixels > settings.max_pixels:
            dpi = max(1, int(dpi * (settings.max_pixels / pixels) ** 0.5))
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        try:
            image = bitmap.to_pil()
            darkest, _ = image.getextrema()
            if darkest >= settings.blank_level:
                return None, dpi
            buffer = io.BytesIO()
            image.save(buffer, "PPM")
            return buffer.getvalue(), dpi
        finally:
            bitmap.close()
    finally:
        page.close()


def _scan_dpi(page: Any, area: float) -> float | None:
    """The resolution of the image covering most of the page (a scan), or None."""
    import pypdfium2.raw as pdfium_c

    best: float | None = None
    covered = 0.0
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = image.get_bounds()
        placed = (right - left) * (top - bottom)
        if placed <= covered or right <= left:
            continue
        width_px, _ = image.get_px_size()
        covered, best = placed, width_px / ((right - left) / 72.0)
    return best if covered >= 0.5 * area else None
