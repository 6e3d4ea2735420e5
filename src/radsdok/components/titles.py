"""The heading lines at the top of a document, before its first paragraph of prose."""

from __future__ import annotations

from functools import lru_cache

from .layout import Item, paragraphs_of

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
