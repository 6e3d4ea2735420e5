"""The heading lines at the top of a document, before its first paragraph of prose."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lazy_pattern import lazy_compile
from .findings import Hit
from .layout import Item, paragraphs_of, squash
from .lexicon import patterns

_MAX_HEADING = 300


def _is_prose(paragraph: Item) -> bool:
    text = paragraph.text
    if len(text) >= 400:
        return True
    sentences = sum(text.count(m) for m in (". ", "? ", "! ", ".\n"))
    return (len(text) >= 120 and sentences >= 1 and paragraph.lines <= 1) or sentences >= 2


@lru_cache(maxsize=8)
def top_headings(text: str) -> tuple[Item, ...]:
    """Short paragraphs that precede the first prose paragraph (title, letterhead, kind line)."""
    out: list[Item] = []
    for paragraph in paragraphs_of(text):
        if _is_prose(paragraph):
            break
        if len(paragraph.text) <= _MAX_HEADING:
            out.append(paragraph)
        if len(out) >= 12:
            break
    return tuple(out)


# Labels and stamps that stand atop a document but are not its title.
_TITLE_SKIP = lazy_compile("^(?:" + "|".join(patterns()["title_skip_lines"]) + ")", regex.IGNORECASE)
_KIND_ONLY = lazy_compile(
    r"^(?:interpellation|motion|enkel fråga|fråga)\s+(?:till|i)\s+[\p{L}\s]*?(?:fullmäktige|KF)\s*$",
    regex.IGNORECASE,
)


@lru_cache(maxsize=8)
def find_title(text: str) -> Hit | None:
    """The topic heading: the first heading that is not a letterhead, date or label line."""
    candidates = [
        h
        for h in top_headings(text)
        if not all(_TITLE_SKIP.match(line.strip()) for line in h.text.split("\n"))
    ]
    from .authors import letterhead_party

    letterhead = letterhead_party(text)
    if letterhead is not None:
        candidates = [h for h in candidates if h.start != letterhead.start]
    if not candidates:
        return None
    chosen = candidates[0]
    if _KIND_ONLY.match(chosen.text) and len(candidates) > 1:
        chosen = candidates[1]
    first_line = chosen.text.split("\n", 1)[0].strip()
    if " | " in first_line:
        first_line = first_line.split(" | ", 1)[0]
    return Hit(chosen.start, chosen.start + len(first_line), "title:heading", first_line)


def title_zone(text: str) -> set[tuple[int, int]]:
    """Heading paragraphs up to the title, and later headings that repeat the title."""
    title = find_title(text)
    if title is None:
        return set()
    zone: set[tuple[int, int]] = set()
    seen_title = False
    title_key = squash(title.text).casefold()
    for heading in top_headings(text):
        first_line = squash(heading.text.split(" | ", 1)[0]).casefold()
        if not seen_title or first_line == title_key:
            zone.add((heading.start, heading.end))
        if heading.start <= title.start < heading.end + 1:
            seen_title = True
    return zone
