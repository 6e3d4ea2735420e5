"""SourceText: what every reader returns — one clean string and where each part came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadWarning:
    """A problem a reader worked around (e.g. a fallback encoding)."""

    code: str
    message: str


@dataclass
class SourceText:
    """The clean text of one file.

    `page_starts[i]` is the offset in `text` where page i+1 begins (paginated formats only).
    """

    text: str
    source: str
    format: str
    page_starts: list[int] | None = None
    warnings: list[ReadWarning] = field(default_factory=list)
    first_page: int = 1
    part: int | None = None
    # What the file says about itself beside its text (a web page's canonical URL,
    # published date and title; a Word file's core properties), as strings.
    metadata: dict[str, str] = field(default_factory=dict)
    # The pages (1-based, numbered as in the file) whose text OCR recognised.
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None

    @property
    def page_range(self) -> list[int] | None:
        """[first, last] page, for a part split out of a paginated file."""
        if self.part is None or not self.page_starts:
            return None
        return [self.first_page, self.first_page + len(self.page_starts) - 1]

    def page_at(self, offset: int) -> int | None:
        """1-based page of the character at `offset`, or None for non-paginated text."""
        if not self.page_starts:
            return None
        return self.first_page - 1 + max(1, bisect_right(self.page_starts, offset))

    def part_of(self, start: int, end: int, part: int) -> SourceText:
        """The text `[start, end)` as a SourceText of its own, pages numbered as in the file."""
        if not self.page_starts:
            return SourceText(
                self.text[start:end], self.source, self.format, None, list(self.warnings), 1, part,
                dict(self.metadata),
            )
        first = self.page_at(start) or 1
        last = self.page_at(max(start, end - 1)) or first
        starts = [0] + [
            self.page_starts[page - self.first_page] - start for page in range(first + 1, last + 1)
        ]
        return SourceText(
            self.text[start:end], self.source, self.format, starts, list(self.warnings), first, part,
            dict(self.metadata), [n for n in self.ocr_pages if first <= n <= last],
        )
