"""Split a file that holds several documents (a party's page of interpellations, a meeting
bundle) into one SourceText per document, at the headings that open a document."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import regex

from .lazy_pattern import lazy_compile
from .reading.source import SourceText

# A document needs at least this much text before the next one may open.
MIN_DOCUMENT_CHARS = 150
_MAX_OPENING_LINE = 200
_LINE = lazy_compile(r"[^\n]*(?:\n|$)")


@cache
def _opening() -> regex.Pattern[str]:
    with resources.files("radsdok.data").joinpath("patterns.json").open(encoding="utf-8") as fh:
        pattern = json.load(fh)["bundle_openings"]
    return regex.compile(pattern, regex.IGNORECASE)


def split_points(text: str) -> list[int]:
    """Offsets where the contained documents begin; `[0]` for a single document.

    A document opens at a heading line that starts a paragraph ("Interpellation till …",
    "Motion om …", "MOTION", "Svar på …", "Tjänsteskrivelse", "Kallelse …"), at least
    MIN_DOCUMENT_CHARS after the previous opening. Text before the first opening of a
    bundle (a cover, a site menu) belongs to no document.
    """
    openings: list[int] = []
    previous_blank = True
    for found in _LINE.finditer(text):
        line = found.group(0)
        stripped = line.strip()
        if not stripped:
            previous_blank = True
        else:
            start = found.start() + line.index(stripped[0])
            if (
                previous_blank
                and len(stripped) <= _MAX_OPENING_LINE
                and _opening().match(stripped)
                and (not openings or _chars(text, openings[-1], start) >= MIN_DOCUMENT_CHARS)
            ):
                openings.append(start)
            previous_blank = False
        if found.end() >= len(text):
            break
    return openings if len(openings) >= 2 else [0]


def _chars(text: str, start: int, end: int) -> int:
    return len("".join(text[start:end].split()))


def split_source(source: SourceText) -> list[SourceText]:
    """The documents in one file, each a SourceText with its own text and page range."""
    points = split_points(source.text)
    if len(points) == 1:
        return [source]
    ends = [*points[1:], len(source.text)]
    parts = []
    for number, (start, end) in enumerate(zip(points, ends, strict=True), start=1):
        end = start + len(source.text[start:end].rstrip())
        parts.append(source.part_of(start, end, number))
    return parts
