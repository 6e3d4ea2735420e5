"""Questions asked: sentences ending in "?", and items listed after a question intro."""

from __future__ import annotations

from bisect import bisect_right

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import Hit, findings_of, first_of_each, reading_kind
from .layout import AFTER_DOCUMENT_LINE, Item, items_of, squash
from .lexicon import alternation, compile_any, ends_on_continuation, load_json, page_tail_regex, patterns
from .titles import find_title, title_zone

_ABBREVIATIONS = tuple(patterns()["abbreviations"])
_ABBREVIATION_END = lazy_compile(
    r"(?<![\p{L}.])(?:" + alternation(list(_ABBREVIATIONS)) + r")\.$", regex.IGNORECASE
)
_BOUNDARY = lazy_compile(r"[.!?…:](?:[”\"»’)]*)(?=\s+[\p{Lu}\d”\"»„–-])|\?(?=\S)|\n(?=[^\S\n]*+\p{Lu})")
_QMARK = lazy_compile(r"\?")
_COLON_BEFORE_LOWER = lazy_compile(r":[^\S\n]*+(?=\p{Ll})")
_INTRO = compile_any("question_intro")
_STARTERS = lazy_compile(
    r"^(?:" + alternation(patterns()["question_starters"]) + r")\b(?=.{8,})", regex.DOTALL
)
_LEADIN = lazy_compile(r"(?:" + alternation(patterns()["question_leadins"]) + r")", regex.IGNORECASE)
_LEADIN_STRIP = " \t\n\u00a0-–•*"
# A "?" standing for a letter the text lost ("Ermin Škori? (S)"): a name goes on after it.
_LOST_LETTER = lazy_compile(r"\?[ \t]?\((?:S|M|V|C|L|KD|MP|SD|FP|KDS)\)", regex.IGNORECASE)
# A "?" inside a web address ("…/sok?q=1") ends no sentence.
_URL_BEFORE = lazy_compile(r"(?:https?://|www\.)\S*$", regex.IGNORECASE)
_QUESTION_KINDS = load_json("kinds.json")["question_kinds"]
FORMAL_ONLY_KINDS = frozenset(_QUESTION_KINDS["formal_only"])
ANSWERING_KINDS = frozenset(_QUESTION_KINDS["answering"])
ASKING_KINDS = frozenset(_QUESTION_KINDS["asking"])  # interpellation, fråga
# A site's feedback prompt to the reader ('Hittade du det du sökte?'): no document's question.
_SITE_PROMPT = lazy_compile(
    r"^(?:" + "|".join(f"(?:{p})" for p in patterns()["site_prompt_questions"]) + r")\s*\?$",
    regex.IGNORECASE,
)
_FRAGA_TILL = lazy_compile(r"^(?:enkel\s+)?fråga\s+till\b|^fråga\s*:", regex.IGNORECASE)


def _sentence_starts(item_text: str, marked: bool = False) -> list[int]:
    """Where the sentences of an item start. A line break ends one after closing punctuation,
    or after a heading-like line, but not inside a list entry ('2. Hur säkerställer … i Sickla
    och' over '   Järla …?' wraps one question)."""
    starts = [0]
    for found in _BOUNDARY.finditer(item_text):
        if found.group(0) == "\n":
            previous = item_text[: found.start()].rstrip()
            heading = not marked and _looks_like_heading(previous)
            if not previous or (previous[-1] not in ".!?:;" and not heading):
                continue
        elif found.group(0).startswith(".") and _ABBREVIATION_END.search(item_text[: found.start() + 1]):
            continue
        elif found.group(0).startswith(":") and _LEADIN.fullmatch(
            item_text[starts[-1] : found.start()].strip(_LEADIN_STRIP)
        ):
            continue  # "Om ja: I så fall vilka?" is one question, lead-in and all
        starts.append(found.end())
    for colon in _COLON_BEFORE_LOWER.finditer(item_text):
        # 'Min fråga blir därför: varför …?': after a question intro's colon the question
        # starts, in lower case as Swedish may write it
        opened = max(s for s in starts if s <= colon.start())
        intro = _INTRO.search(item_text, opened, colon.start() + 1)
        if intro is not None and intro.end() == colon.start() + 1:
            starts.append(colon.end())
    return sorted(set(starts))


def _looks_like_heading(text_before: str) -> bool:
    last_line = text_before.rsplit("\n", 1)[-1].strip()
    return (
        bool(last_line)
        and len(last_line) < 80
        and last_line[-1].isalnum()
        and last_line[:1].isupper()
        and not ends_on_continuation(last_line)  # '… ambulansstationen i' goes on below
    )


class _Quotes:
    """The quote marks of a text, for fast look-ups (texts may hold thousands of them)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.marks = {pos for pair in spans for pos in pair}

    def inside(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1]


_OPEN_MARK = lazy_compile(r"(?<=\s)[”“„»\"](?=\p{Lu})")


def _after_unbalanced_mark(text: str, start: int, qmark: int, offset: int, quotes: _Quotes) -> int:
    """A quote mark opened and never closed before the "?" starts the question
    ('med rubriken ”Vad är kvar av X?')."""
    for found in _OPEN_MARK.finditer(text, start, qmark):
        if found.start() + offset not in quotes.marks:
            return found.end()
    return start


def _questions_in(item: Item, quotes: _Quotes) -> list[tuple[int, int]]:
    """(start, end) of each "?"-sentence of an item, skipping "?" inside quotations."""
    text = item.text
    if "?" not in text:
        return []
    starts = _sentence_starts(text, item.marked)
    out: list[tuple[int, int]] = []
    for found in _QMARK.finditer(text):
        pos = item.start + found.start()
        if quotes.inside(pos) or _not_a_question_mark(text, found.start()):
            continue
        start = starts[bisect_right(starts, found.start()) - 1]
        start = _after_unbalanced_mark(text, start, found.start(), item.start, quotes)
        end = found.end()
        # A closing quote mark right after the "?" belongs to a quoted question.
        segment = text[start:end]
        lead = len(segment) - len(segment.lstrip(" \t\n\u00a0-–•*"))
        if end - (start + lead) > 3:
            out.append((item.start + start + lead, item.start + end))
    return out


def _not_a_question_mark(text: str, qmark: int) -> bool:
    """A "?" in a web address or standing for a lost letter in a name."""
    if _LOST_LETTER.match(text, qmark):
        return True
    after = text[qmark + 1 : qmark + 2]
    if not after or after.isspace():
        return False
    return _URL_BEFORE.search(text, max(0, qmark - 200), qmark) is not None


# Every question intro holds one of these; items without them are skipped cheaply.
INTRO_CUES: tuple[str, ...] = tuple(patterns()["question_intro_cues"])


def _introduces_questions(text: str) -> bool:
    """Whether an item ends by announcing questions ('… vill jag fråga X:', 'Våra frågor:')."""
    tail = text[-160:]
    lowered = tail.casefold()
    return any(cue in lowered for cue in INTRO_CUES) and _INTRO.search(tail) is not None


def find_questions(text: str, quote_marks: list[tuple[int, int]], kind: str = "interpellation") -> list[Hit]:
    """The questions a document of `kind` asks, in order: an answer none (the questions it
    quotes are the asker's); a motion, a medborgarförslag or a page about documents (kind
    'other') only those it poses formally, after a question intro ('Jag vill därför fråga:'),
    for the questions in a background or a commentary are rhetorical; any other kind (an
    interpellation, a fråga) every question outside quotations, from its question intro on
    where it has one."""
    if kind in ANSWERING_KINDS:
        return []
    formal_only = kind in FORMAL_ONLY_KINDS
    items = items_of(text)
    headings = title_zone(text)
    title = find_title(text)
    hits: list[Hit] = []
    quotes = _Quotes(quote_marks)
    after_intro = listed_questions = False
    first_intro: int | None = None
    previous: Item | None = None
    for index, item in enumerate(items):
        spans = _questions_in(item, quotes)
        if (item.start, item.end) in headings and not (
            previous is not None and _FRAGA_TILL.search(previous.text)
        ):
            # a heading asks nothing, but a question on the line right after the title
            # (no blank line between them) is part of the title's paragraph
            after_title = title.end if title and item.start <= title.start < item.end else item.end
            spans = [(start, end) for start, end in spans if start >= after_title]
            if not spans:
                previous = item
                continue
        if formal_only and not after_intro:
            intro = _INTRO.search(item.text) if any(c in item.text.casefold() for c in INTRO_CUES) else None
            cut = item.start + intro.end() if intro else item.end
            spans = [(start, end) for start, end in spans if start >= cut]
        for start, end in spans:
            hits.append(Hit(start, end, "questions:question-mark", squash(text[start:end])))
        # in a list of questions after an intro, an item asked as a request counts too
        # ("3. En redovisning av hur platsbehovet har beräknats.")
        if spans and item.marked and after_intro:
            listed_questions = True
        if (
            not spans
            and item.marked
            and (
                (
                    after_intro
                    and (_STARTERS.match(item.text) or (listed_questions and _next_is_question(items, index)))
                )
                or (not formal_only and _STARTERS.match(item.text) and _among_listed_questions(items, index))
            )
        ):
            end = item.end - (1 if item.text.endswith((".", ";")) else 0)
            hits.append(Hit(item.start, end, "questions:listed-after-intro", squash(text[item.start : end])))
        if _introduces_questions(item.text):
            if first_intro is None:
                first_intro = item.start
            after_intro = True
        elif not item.marked:
            after_intro = listed_questions = False
        previous = item
    hits = [h for h in hits if not _SITE_PROMPT.match(h.text)]
    if hits:
        # a comments or related-posts heading after the first question ends the document (one
        # before it is a counter in the post's header line)
        tails = [page_tail_regex().search(text, hits[0].end), AFTER_DOCUMENT_LINE.search(text, hits[0].end)]
        ends = [tail.start() for tail in tails if tail is not None]
        if ends:  # readers' comments on a saved Facebook post ('Gilla · Kommentera · Dela') too
            hits = [h for h in hits if h.start < min(ends)]
    if first_intro is not None:
        # the question zone: where a document announces its questions, the ones before
        # the announcement are background (rhetorical or reported)
        hits = [h for h in hits if h.start >= first_intro]
    return hits


def _among_listed_questions(items: list[Item], index: int) -> bool:
    """Whether marked item `index` stands in a list whose marked items before and after it ask
    with a question mark ('1. Har man …?', '2. När skall skolan läggas ned.', '3. Var …?'):
    a question that lost its mark, however the list is introduced or interrupted."""
    before = [item for item in items[:index] if item.marked]
    after = [item for item in items[index + 1 :] if item.marked]
    asked_before = bool(before) and before[-1].text.rstrip().endswith("?")
    asked_after = bool(after) and after[0].text.rstrip().endswith("?")
    asked = sum(1 for item in before + after if item.text.rstrip().endswith("?"))
    return asked >= _LISTED_ASKED and (asked_before or asked_after)


_LISTED_ASKED = 2  # marked items asking with a question mark that make a list of questions


def _next_is_question(items: list[Item], index: int) -> bool:
    """Whether the list goes on with a question after item `index` (or the item ends it)."""
    following = items[index + 1] if index + 1 < len(items) else None
    return following is None or not following.marked or following.text.rstrip().endswith("?")


class QuestionFinder:
    """spaCy component: fills `doc._.radsdok.questions` (run after radsdok_quotes)."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        marks = [q.attrs["marks"] for q in found.quotes]
        # A text whose kind nothing tells is read as 'other': its questions count where it
        # poses them formally, for a commentary's or a letter's questions are rhetorical.
        kind_name = reading_kind(found)
        found.questions = first_of_each(find_questions(found.text, marks, kind_name))
        return doc


@Language.factory("radsdok_questions")
def make_question_finder(nlp: Language, name: str) -> QuestionFinder:
    return QuestionFinder()
