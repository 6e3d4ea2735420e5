"""Tesseract's hOCR -> the `Box` records the PDF backends produce, in PDF points.

The words of a line become one box per run of words (a run ends at a wide gap, as between a
letterhead's columns), their text joined by spaces: Tesseract has decided where words end, and
its boxes of narrow letters ("i") are too loose to measure spaces by. A box's font size comes
from its line's x-height (steadier than Tesseract's row height, which varies with the accents
and ascenders it sees), scaled to the page's row height; its top and bottom from the line's
baseline (deskewed by the page's median slope) and the page's body size, so that the lines of a
page line up as a PDF's do and the
layout code (`pdf_layout`) finds the same rows, gaps and styles. Sizes close to the page's body
size are taken as that size, as a PDF's font size would be.

Two misreadings Tesseract makes of council documents are repaired from the words' geometry:
a list bullet (a small mark that opens a line, read as "»", "x", "+" or dropped as a speck)
becomes "•", and a low opening quote „ read as a comma (standing alone before a word, or
glued to its start) is put back on that word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from statistics import median

from .pdf_layout import Box

_LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_NUMBER = r"(-?\d+(?:\.\d+)?)"
_BBOX = re.compile(r"bbox\s+" + r"\s+".join([_NUMBER] * 4))
_BASELINE = re.compile(r"baseline\s+" + _NUMBER + r"\s+" + _NUMBER)
_X_SIZE = re.compile(r"x_size\s+" + _NUMBER)
_ASCENDERS = re.compile(r"x_ascenders\s+" + _NUMBER)
_DESCENDERS = re.compile(r"x_descenders\s+" + _NUMBER)
_CONFIDENCE = re.compile(r"x_wconf\s+" + _NUMBER)
_ALNUM = re.compile(r"\w")
_GLUED_LOW_QUOTE = re.compile(r"^,{1,2}(?=[^\W\d_])")  # ",,ansträngt": a comma never opens a word


@dataclass
class OcrWord:
    text: str
    x0: float  # pixels
    x1: float
    top: float
    bottom: float
    confidence: float  # 0-100


@dataclass
class OcrLine:
    """A line as Tesseract found it: its box and baseline in pixels, its row height, its words."""

    bbox: tuple[float, float, float, float]
    slope: float
    offset: float  # baseline at the box's left edge, relative to its bottom
    x_size: float
    x_height: float | None = None  # x_size without ascenders and descenders, when given
    words: list[OcrWord] = field(default_factory=list)

    def baseline(self, x: float) -> float:
        return self.bbox[3] + self.offset + self.slope * (x - self.bbox[0])


class _HocrReader(HTMLParser):
    """Collects lines and their words from hOCR markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[OcrLine] = []
        self._word: OcrWord | None = None
        self._depth = 0  # open elements inside the current word

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._word is not None:
            self._depth += 1
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        title = values.get("title") or ""
        if classes & _LINE_CLASSES:
            line = _line(title)
            if line is not None:
                self.lines.append(line)
        elif "ocrx_word" in classes and self.lines:
            box = _BBOX.search(title)
            conf = _CONFIDENCE.search(title)
            if box:
                x0, top, x1, bottom = (float(box.group(i)) for i in range(1, 5))
                confidence = float(conf.group(1)) if conf else 0.0
                self._word = OcrWord("", x0, x1, top, bottom, confidence)
                self._depth = 0

    def handle_endtag(self, tag: str) -> None:
        if self._word is None:
            return
        if self._depth:
            self._depth -= 1
            return
        word, self._word = self._word, None
        word.text = " ".join(word.text.split())
        if word.text:
            self.lines[-1].words.append(word)

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            self._word.text += data


def _line(title: str) -> OcrLine | None:
    box = _BBOX.search(title)
    if box is None:
        return None
    bbox = (float(box.group(1)), float(box.group(2)), float(box.group(3)), float(box.group(4)))
    base = _BASELINE.search(title)
    size = _X_SIZE.search(title)
    slope, offset = (float(base.group(1)), float(base.group(2))) if base else (0.0, 0.0)
    x_size = float(size.group(1)) if size else bbox[3] - bbox[1]
    ascenders, descenders = _ASCENDERS.search(title), _DESCENDERS.search(title)
    x_height = None
    if size and ascenders and descenders:
        x_height = x_size - float(ascenders.group(1)) - float(descenders.group(1))
        if x_height < 0.25 * x_size:
            x_height = None
    return OcrLine(bbox, slope, offset, x_size, x_height)


def read_hocr(markup: str) -> list[OcrLine]:
    """The lines of an hOCR page, each with its words (empty lines dropped)."""
    reader = _HocrReader()
    reader.feed(markup)
    reader.close()
    return [line for line in reader.lines if line.words]


@dataclass(frozen=True)
class Geometry:
    """How pixels become points and row heights become font sizes, and the shapes of the marks
    that are repaired (see data/ocr.json; lengths below in row heights)."""

    points_per_pixel: float
    size_factor: float = 1.0
    size_snap: float = 0.13
    ascent: float = 0.78
    descent: float = 0.22
    noise_confidence: float = 50.0
    speck_size: float = 0.25  # a mark without letters or digits at most this tall and wide is dust
    run_gap: float = 1.5  # a gap this wide ends a run of words
    bullet_height: float = 0.5  # a bullet is at most this tall,
    bullet_width: float = 0.6  # this wide,
    bullet_gap: float = 0.15  # at least this far from the next word,
    bullet_max_gap: float = 2.0  # and at most this far,
    bullet_confidence: float = 90.0  # and, when read as a letter, read less surely than this
    low_quotes: frozenset[str] = frozenset({",", ",,", "„"})
    dust: frozenset[str] = frozenset(".,'`´·")  # a word of only these characters is dust
    dashes: frozenset[str] = frozenset({"-", "–", "—"})


def boxes_from_lines(lines: list[OcrLine], geometry: Geometry) -> tuple[list[Box], list[float]]:
    """Boxes (runs of words) in PDF points, and the confidences of the words kept."""
    scale = geometry.points_per_pixel
    kept = [_drop_specks(_repair(line, geometry), geometry) for line in lines]
    sizes = [size * scale * geometry.size_factor for size in _row_sizes(lines, kept)]
    weights = [size for size, words in zip(sizes, kept, strict=True) for _ in words]
    body = median(weights) if weights else 0.0
    # a skewed scan: each line's height is read where the page's slope crosses x = 0, so that
    # the lines' gaps do not depend on where their runs lie
    slopes = [line.slope for line, words in zip(lines, kept, strict=True) for _ in words]
    skew = median(slopes) if slopes else 0.0
    boxes: list[Box] = []
    confidences: list[float] = []
    for line, words, size in zip(lines, kept, sizes, strict=True):
        if body and abs(size - body) <= geometry.size_snap * body:
            size = body
        for run in _runs(words, geometry.run_gap * line.x_size):
            centre = (run[0].x0 + run[-1].x1) / 2
            baseline = (line.baseline(centre) - skew * centre) * scale
            boxes.append(
                Box(
                    text=" ".join(w.text for w in run),
                    x0=run[0].x0 * scale,
                    x1=run[-1].x1 * scale,
                    top=baseline - geometry.ascent * body,
                    bottom=baseline + geometry.descent * body,
                    size=size,
                )
            )
        confidences.extend(w.confidence for w in words)
    return boxes, confidences


def _row_sizes(lines: list[OcrLine], kept: list[list[OcrWord]]) -> list[float]:
    """Each line's row height (pixels), from its x-height where Tesseract gives one, scaled by
    the page's ratio of row height to x-height."""
    pairs = [
        (line.x_size, line.x_height)
        for line, words in zip(lines, kept, strict=True)
        for _ in words
        if line.x_height is not None
    ]
    if not pairs:
        return [line.x_size for line in lines]
    ratio = median(size for size, _ in pairs) / median(height for _, height in pairs)
    return [line.x_height * ratio if line.x_height is not None else line.x_size for line in lines]


def _runs(words: list[OcrWord], gap: float) -> list[list[OcrWord]]:
    """The words of a line in runs, split where the gap between two words exceeds `gap`."""
    runs: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _repair(line: OcrLine, geometry: Geometry) -> list[OcrWord]:
    """The line's words without dust (marks smaller than any character standing as a word),
    with a bullet read as something else made "•" again and a low quote read as a lone comma
    put back on the word it opens."""
    tiny = geometry.speck_size * line.x_size
    words = [w for w in line.words if max(w.bottom - w.top, w.x1 - w.x0) > tiny]  # dust
    if len(words) >= 2 and _is_bullet(words[0], words[1], line.x_size, geometry):
        first = words[0]
        words[0] = OcrWord("•", first.x0, first.x1, first.top, first.bottom, first.confidence)
    out: list[OcrWord] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (
            word.text in geometry.low_quotes
            and nxt is not None
            and nxt.text[:1].isalnum()
            and word.bottom > line.baseline(word.x1) - 0.3 * line.x_size  # low, at the baseline
            and nxt.x0 - word.x1 < 0.3 * line.x_size
        ):
            nxt.text = "„" + nxt.text
            nxt.x0 = word.x0
            continue
        word.text = _GLUED_LOW_QUOTE.sub("„", word.text)
        out.append(word)
    return out


def _is_bullet(word: OcrWord, nxt: OcrWord, row: float, geometry: Geometry) -> bool:
    """A small mark opening a line, apart from the next word: a bullet, whatever it was read as."""
    if len(word.text) > 2 or word.text in geometry.dashes or word.text == "•":
        return False
    if _ALNUM.search(word.text) and word.confidence >= geometry.bullet_confidence:
        return False
    height = word.bottom - word.top
    return (
        geometry.speck_size * row < height <= geometry.bullet_height * row
        and word.x1 - word.x0 <= geometry.bullet_width * row
        and geometry.bullet_gap * row <= nxt.x0 - word.x1 <= geometry.bullet_max_gap * row
    )


def _drop_specks(words: list[OcrWord], geometry: Geometry) -> list[OcrWord]:
    """Without dust: marks read unsurely that have no letter or digit, and dots and commas
    standing alone (never a word of their own)."""
    noise = geometry.noise_confidence
    return [
        w
        for w in words
        if w.text == "•"
        or _ALNUM.search(w.text)
        or (w.confidence >= noise and not set(w.text) <= geometry.dust)
    ]
