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

    `page_starts[i]` is the offset in `text` where page i+1 begins (PDFs only).
    """

    text: str
    source: str
    format: str
    page_starts: list[int] | None = None
    warnings: list[ReadWarning] = field(default_factory=list)

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None

    def page_at(self, offset: int) -> int | None:
        """1-based page of the character at `offset`, or None for non-paginated text."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))
