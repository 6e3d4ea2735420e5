"""Lines, paragraphs and list items of a text, with offsets. Shared by the rule components."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lazy_pattern import lazy_compile
from .lexicon import alternation, compile_any, page_tail_regex, patterns

# A list marker at the start of a line: bullets, "1.", "1)", "a)", "att1", "(2)".
LIST_MARKER = lazy_compile(
    r"^(?:[-–—•*·▪●○■□►>]|\(?\d{1,2}[.):]|\(?[a-h][.)]|(?=att\s?\d)|fråga\s*\d*\s*:)[ \t\u00a0]*",
    regex.IGNORECASE,
)
AMOUNT_UNITS = r"(?:" + alternation(patterns()["amount_units"]) + r")(?!\p{L})"
# 'att1 kommunen …', 'att 2) kommunen …', 'att 3 kommunen …': a numbered att-clause; not an
# amount ('att 50 000 kronor avsätts', 'att 20 procent av …')
ATT_NUMBER = lazy_compile(
    r"^att\s?(\d{1,2})(?:[.):]\s+|\s+(?=\p{L})(?!" + AMOUNT_UNITS + r"))", regex.IGNORECASE
)
_SPACE = lazy_compile(r"[\s\u00a0]+")


@dataclass(frozen=True)
class Line:
    """A non-blank line: `text` is the stripped content at `[start, end)`."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Item:
    """A paragraph, or one entry of a list, without its marker."""

    start: int
    end: int
    text: str
    paragraph: int
    marked: bool
    lines: int


def squash(text: str) -> str:
    """Collapse runs of whitespace to single spaces."""
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=8)
def lines_of(text: str) -> tuple[Line, ...]:
    """The non-blank lines of `text`, numbered by paragraph (blank lines separate them)."""
    out: list[Line] = []
    paragraph = 0
    pos = 0
    blank_before = False
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\u00a0\u200b\ufeff")
        if stripped:
            if blank_before and out:
                paragraph += 1
            lead = raw.index(stripped[0])
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped, paragraph))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw) + 1
    return tuple(out)


def marker_end(line: Line) -> int:
    """Offset just after the line's list marker (the line start if it has none)."""
    found = LIST_MARKER.match(line.text)
    return line.start + (found.end() if found and found.end() < len(line.text) else 0)


def items_of(text: str) -> tuple[Item, ...]:
    """Paragraphs split into list items: a marked line starts a new item."""
    return _items_of(text)


@lru_cache(maxsize=8)
def _items_of(text: str) -> tuple[Item, ...]:
    return tuple(split_items(text))


# Whether a line starts a new item inside the paragraph so far: (lines so far, line, marked).
BreakRule = Callable[[list[Line], Line, bool], bool]


def split_items(text: str, breaks: BreakRule | None = None) -> list[Item]:
    """Paragraphs split into items without their markers: a marked line starts a new item,
    and so does a line for which `breaks` says so (e.g. an att-line after an intro)."""
    items: list[Item] = []
    current: list[Line] = []
    current_marked = False

    def flush() -> None:
        if not current:
            return
        first = current[0]
        start = marker_end(first) if current_marked else first.start
        end = current[-1].end
        items.append(Item(start, end, text[start:end], first.paragraph, current_marked, len(current)))

    for line in lines_of(text):
        marked = bool(LIST_MARKER.match(line.text)) and len(line.text) > 2
        if current and (
            marked
            or line.paragraph != current[-1].paragraph
            or (breaks is not None and breaks(current, line, current_marked))
        ):
            flush()
            current = []
        if not current:
            current_marked = marked
        current.append(line)
    flush()
    return items


_DATE_ALONE = lazy_compile(r"(?:19|20)\d{2}-[01]\d-[0-3]\d")
LISTED_DATES = 3  # distinct dates alone on their lines that make a register's rows


def dated_entries(lines: tuple[Line, ...]) -> list[int]:
    """Indexes of the lines that hold a date alone ('2018-01-22'), where at least three
    distinct dates stand so: a register's rows, each under its own date (a document carries
    one such date, or two); none otherwise."""
    dated = [i for i, line in enumerate(lines) if _DATE_ALONE.fullmatch(line.text)]
    return dated if len({lines[i].text for i in dated}) >= LISTED_DATES else []


def paragraphs_of(text: str) -> tuple[Item, ...]:
    """Whole paragraphs (list items not split)."""
    lines = lines_of(text)
    out: list[Item] = []
    group: list[Line] = []
    for line in [*lines, None]:
        if line is None or (group and line.paragraph != group[-1].paragraph):
            if group:
                s, e = group[0].start, group[-1].end
                out.append(Item(s, e, text[s:e], group[0].paragraph, False, len(group)))
            group = []
        if line is not None:
            group.append(line)
    return tuple(out)


_FURNITURE_LINE = compile_any("page_furniture_lines")


@lru_cache(maxsize=8)
def page_tail(text: str) -> regex.Match[str] | None:
    """Where a web page's furniture begins after its first two lines ('Relaterat', 'Dela:',
    'Kommentarer'), or None: kind rules, headings and first-name sign-offs stop there."""
    lines = lines_of(text)
    return page_tail_regex().search(text, lines[min(2, len(lines)) - 1].end) if lines else None


_FURNITURE_LINE_MAX = 90
# A line opening what follows a published post: readers' comments, a blog's sidebar, a saved
# Facebook post's action bar ('3 svar på ”Motion om …”', 'Om mig', 'Gilla   Kommentera   Dela').
AFTER_DOCUMENT_LINE = lazy_compile(
    r"^[ \t]*(?:" + "|".join(patterns()["page_after_document_lines"]) + r")[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


@lru_cache(maxsize=8)
def content_end(text: str) -> int:
    """Where a web page's document ends: above the paragraphs of furniture that close the page
    (a contact box, the footer, share links, an attachments list, the update line), each of
    short lines with one furniture line among them; the text's end where none close it."""
    end = len(text)
    for paragraph in reversed(paragraphs_of(text)):
        lines = paragraph.text.split("\n")
        if any(len(line) > _FURNITURE_LINE_MAX for line in lines):
            break
        if not any(_FURNITURE_LINE.search(line) for line in lines):
            break
        end = paragraph.start
    return end


_MAIL_LABEL = lazy_compile(
    r"^[ \t>]*(?P<label>" + alternation(patterns()["mail_header_labels"]) + r")[ \t]*:", regex.IGNORECASE
)
_MAIL_SENDERS = frozenset(patterns()["mail_sender_labels"])
_MAIL_SENT = frozenset(patterns()["mail_sent_labels"])
_MAIL_SUBJECTS = frozenset(patterns()["mail_subject_labels"])
_MAIL_SEPARATOR = lazy_compile(patterns()["mail_separator"], regex.IGNORECASE)
_MAIL_SEPARATOR_WORDED = lazy_compile(r"\p{L}")
_MAIL_FORWARD = lazy_compile(patterns()["mail_forward_subject"], regex.IGNORECASE)
_MAIL_REPLY = lazy_compile(patterns()["mail_reply_subject"], regex.IGNORECASE)
_MAIL_ADDRESS = lazy_compile(r"[\w.+-]@[\w-]+\.")
# a plain rule ('---') ends a cover note only under a note this short
_COVER_NOTE_LINES = 6


def _mail_headers(lines: tuple[Line, ...]) -> list[tuple[int, int, str]]:
    """(first line, last line, subject) of each e-mail header: two or more label lines in a row
    ('Från: …', 'Skickat: …', 'Till: …', 'Ämne: …'), one naming the sender, and a send time
    or an e-mail address among them."""
    headers: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        j, labels, subject = i, set(), ""
        while j < len(lines) and (found := _MAIL_LABEL.match(lines[j].text)):
            label = found.group("label").casefold()
            labels.add(label)
            if label in _MAIL_SUBJECTS:
                subject = lines[j].text[found.end() :].strip()
            j += 1
        # a mail's head has a send time or an address; a memo's 'Till: / Från: / Ämne:' has not
        sent = labels & _MAIL_SENT or any(_MAIL_ADDRESS.search(line.text) for line in lines[i:j])
        if j - i >= 2 and labels & _MAIL_SENDERS and sent:
            headers.append((i, j - 1, subject))
            i = j
        else:
            i += 1
    return headers


@lru_cache(maxsize=8)
def mail_wrapper_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The parts of a text that belong to e-mails around a document rather than to it: every
    mail header ('Från: … / Skickat: … / Till: … / Ämne: …'), and a cover note's message, from
    its header to the next header or separator: a forwarded mail's ('VB: …'), or a message ended
    by a separator with no header after it ('Hej! Frågan kommer nedan.' / '---' / the document).
    A reply's message ('SV: …') is the reply itself, and the last mail's is what it carries."""
    lines = lines_of(text)
    headers = _mail_headers(lines)
    spans: list[tuple[int, int]] = []
    for n, (first, last, subject) in enumerate(headers):
        following = headers[n + 1][0] if n + 1 < len(headers) else len(lines)
        separator = next((k for k in range(last + 1, following) if _separates_mail(lines, last, k)), None)
        end = lines[last].end
        if _MAIL_FORWARD.match(subject) and following < len(lines):
            end = lines[following].start if separator is None else lines[separator].end
        elif separator is not None and not _MAIL_REPLY.match(subject) and following == len(lines):
            end = lines[separator].end  # a cover note, then the document below the separator
        spans.append((lines[first].start, end))
    return tuple(spans)


def _separates_mail(lines: tuple[Line, ...], header_end: int, index: int) -> bool:
    """Whether a line ends the note under a mail header: a worded separator ('-----Ursprungligt
    meddelande-----'), or a plain rule ('---') under a note of a few lines."""
    found = _MAIL_SEPARATOR.match(lines[index].text)
    if found is None:
        return False
    return bool(_MAIL_SEPARATOR_WORDED.search(found.group(0))) or index - header_end - 1 <= _COVER_NOTE_LINES


def in_mail_wrapper(text: str, start: int) -> bool:
    """Whether a position lies in an e-mail header or cover note (`mail_wrapper_spans`)."""
    return any(s <= start < e for s, e in mail_wrapper_spans(text))


_MENU_SEPARATOR = lazy_compile(r"[ \t]*[|·•][ \t]*|[ \t]{3,}")
_MENU_ITEM_MAX = 32
_BREADCRUMB_SEPARATOR = lazy_compile(r"[ \t][>›»][ \t]")
_SLASH_TRAIL = lazy_compile(r"[ \t]/[ \t]")  # a trail set with slashes: three steps or more


def is_menu_line(line: str) -> bool:
    """A web site's navigation line: three or more short items set apart by bars, dots or wide
    spaces, none a sentence and none with a number ('Hem | Om oss | Motioner och
    interpellationer | Kontakt'; a running header 'Kommunfullmäktige 2025 · Interpellationer ·
    sida 2' numbers its year and page)."""
    items = [item for item in _MENU_SEPARATOR.split(line.strip()) if item]
    return len(items) >= 3 and all(
        len(item) <= _MENU_ITEM_MAX
        and not item.endswith((".", "?", "!", ":"))
        and not any(c.isdigit() for c in item)
        for item in items
    )


_VERTICAL_MENU_RUN = 4  # short lines in a row that make a site's menu set one item per line
_VERTICAL_MENU_WORDS = 4


def _menu_item(line: Line) -> bool:
    words = line.text.split()
    return (
        0 < len(words) <= _VERTICAL_MENU_WORDS
        and not line.text.endswith((".", "?", "!", ":", ","))
        and not any(c.isdigit() for c in line.text)
    )


@lru_cache(maxsize=8)
def vertical_menu_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a site's menu stands one item per line ('Sammanträden', 'Ledamöter', 'Motioner',
    'Protokoll'): runs of four or more short lines in one paragraph, none a sentence or
    numbered."""
    spans: list[tuple[int, int]] = []
    run: list[Line] = []
    for line in [*lines_of(text), None]:
        if line is not None and _menu_item(line) and (not run or line.paragraph == run[-1].paragraph):
            run.append(line)
            continue
        if len(run) >= _VERTICAL_MENU_RUN:
            spans.append((run[0].start, run[-1].end))
        run = [line] if line is not None and _menu_item(line) else []
    return tuple(spans)


@lru_cache(maxsize=8)
def appended_answer_start(text: str) -> int | None:
    """Where an answer published below the question it answers begins ('Svar', 'Svar på
    interpellation från …' on a line of its own after the questions), or None. A heading in
    the first lines is the document's own title (an answer that opens with it)."""
    lines = lines_of(text)
    first_question = text.find("?")
    if first_question < 0 or len(lines) < 6:
        return None
    for line in lines[3:]:
        if line.start > first_question and _ANSWER_HEADING.fullmatch(line.text.strip(" \t#*_")):
            return line.start
    return None


_ANSWER_HEADING = lazy_compile(
    "|".join(f"(?:{p})" for p in patterns()["appended_answer_headings"]), regex.IGNORECASE
)


def is_breadcrumb(line: str) -> bool:
    """A web page's breadcrumb trail ('Start > Fullmäktigegruppen > Motioner 2010'): not a
    heading, though the category it names may tell what the page holds."""
    parts = _BREADCRUMB_SEPARATOR.split(line.strip())
    if len(parts) >= 3 or len(_SLASH_TRAIL.split(line.strip())) >= 3:
        return True  # 'Start > Politik > Motioner', 'Start / Kommun och politik / Nyheter'
    # one step ('Aktuellt > Frågor och interpellationer'): short parts, no sentence in them
    return len(parts) == 2 and all(
        0 < len(part.split()) <= _BREADCRUMB_PART_WORDS and not part.rstrip().endswith((".", "?", "!"))
        for part in parts
    )


_BREADCRUMB_PART_WORDS = 4
