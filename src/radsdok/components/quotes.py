"""Quoted passages: ”…”, „…“, »…«, «…», "…", with their source where the text names it."""

from __future__ import annotations

from bisect import bisect_right

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import Hit, findings_of, first_of_each
from .lexicon import alternation, patterns

# opening mark -> the closing marks it accepts
_PAIRS: dict[str, str] = {
    "\u201d": "\u201d\u201c",  # ” … ” (Swedish), also ” … “ from bad exports
    "\u201c": "\u201d\u201c",  # “ … ” (English) or “ … “
    "\u201e": "\u201c\u201d",  # „ … “ / „ … ”
    "\u00bb": "\u00bb\u00ab",  # » … » (Swedish) or » … «
    "\u00ab": "\u00bb",  # « … »
    '"': '"',
}
_MARKS = lazy_compile(r"[\u201d\u201c\u201e\u00bb\u00ab\"]")
_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t\u00a0]*\n")
_MAX_QUOTE = 2500
_SPEECH_VERBS = patterns()["quote_speech_verbs"]
_SOURCE_BEFORE = lazy_compile(
    r"(?<![\p{L}-])(?P<src>(?:\p{Lu}[\p{L}-]+)(?:\s\p{Lu}[\p{L}-]+){0,3})\s+"
    + _SPEECH_VERBS
    + r"\b[^”\"»„.!?]{0,80}$"
)
_TITLE_BEFORE = lazy_compile(patterns()["quoted_title_before"], regex.IGNORECASE)
_NOT_SOURCE_WORDS = frozenset(w.casefold() for w in patterns()["not_name_words"])
_SITE_ACTION = lazy_compile(
    r"(?<![ \t])[ \t]*+(?:" + alternation(patterns()["quote_site_actions"]) + r")[ \t]*+", regex.IGNORECASE
)
_CASE_NUMBER_IN = lazy_compile(r"\p{Lu}{1,6}\s?\d{4}/\d{1,6}(?:-\d+)?")


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{:;,–—-/*'") and after != "\n"


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() or after in " \n.,;:!?)"


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of balanced quote marks; unbalanced marks are skipped."""
    marks = [m.start() for m in _MARKS.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        open_at = marks[i]
        opener = text[open_at]
        if not _can_open(text, open_at):
            i += 1
            continue
        next_break = bisect_right(breaks, open_at)
        paragraph_end = breaks[next_break] if next_break < len(breaks) else len(text)
        limit = min(paragraph_end, open_at + _MAX_QUOTE)
        next_i = i + 1
        j = i + 1
        while j < len(marks) and marks[j] < limit:
            close_at = marks[j]
            if text[close_at] not in _PAIRS[opener]:
                j += 1
                continue
            if _is_nested_open(text, marks, j, limit):
                j += 2
                continue
            if _can_close(text, close_at) and close_at > open_at + 1:
                spans.append((open_at, close_at))
                next_i = j + 1
                break
            if _can_open(text, close_at):
                # An opening mark before any close: the earlier mark was unbalanced.
                next_i = j
                break
            j += 1
        i = next_i
    return spans


def _is_nested_open(text: str, marks: list[int], j: int, limit: int) -> bool:
    """A symmetric mark that opens a quote inside the quote ("”Vad är kvar av ”X” i Y?”")."""
    at = marks[j]
    if not (text[at - 1].isspace() and at + 1 < len(text) and text[at + 1].isalnum()):
        return False
    later = [m for m in marks[j + 1 : j + 3] if m < limit]
    return len(later) >= 2 and not _can_open(text, later[0])


def _source_of(text: str, open_at: int, close_at: int, paragraph_start: int) -> str | None:
    inner = text[open_at + 1 : close_at]
    case_number = _CASE_NUMBER_IN.search(inner)
    before = text[max(paragraph_start, open_at - 200) : open_at].rstrip(" :\u00a0*")
    if case_number and _TITLE_BEFORE.search(before):
        return case_number.group(0)
    found = _SOURCE_BEFORE.search(before)
    if not found:
        return None
    words = found.group("src").split()
    while words and words[0].casefold() in _NOT_SOURCE_WORDS:
        words = words[1:]
    return " ".join(words) or None


def find_quotes(text: str) -> list[Hit]:
    """Quoted passages without their marks, with a source where the text says it."""
    hits: list[Hit] = []
    for open_at, close_at in find_quote_spans(text):
        start, end = open_at + 1, close_at
        if text[start].isspace() and text[end - 1].isspace():
            continue  # '« Föregående inlägg   Nästa inlägg »': marks as arrows, set apart by spaces
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if _SITE_ACTION.fullmatch(text, text.rfind("\n", 0, open_at) + 1, open_at):
            continue  # 'Download "Protokoll från …"': a transcript site's button over its title
        paragraph_start = text.rfind("\n\n", 0, open_at) + 1
        source = _source_of(text, open_at, close_at, paragraph_start)
        hits.append(
            Hit(start, end, "quotes:marks", text[start:end], {"source": source, "marks": (open_at, close_at)})
        )
    return hits


class QuoteFinder:
    """spaCy component: fills `doc._.radsdok.quotes`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        found.quotes = first_of_each(find_quotes(found.text))
        return doc


@Language.factory("radsdok_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()
