"""Document-level facts: kind, title, municipality, body addressed, and date."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import KIND_MIN_CONFIDENCE, MEETING_PAGE_RULE, Hit, findings_of, lists_documents
from .layout import (
    LIST_MARKER,
    Line,
    appended_answer_start,
    content_end,
    dated_entries,
    is_breadcrumb,
    is_menu_line,
    lines_of,
    page_tail,
    vertical_menu_spans,
)
from .lexicon import (
    alternation,
    compile_any,
    first_names,
    load_json,
    municipalities,
    page_tail_regex,
    patterns,
    record_field_regex,
)
from .titles import find_title, top_headings

_MONTHS = {name: number for number, name in enumerate(patterns()["months"], start=1)}
_ISO_DATE = lazy_compile(  # any hyphen, the same both times ('2015‐06‐29' from a PDF)
    r"\b(?<![/-])(?P<y>(?:19|20)\d{2})(?P<sep>[-.\u2010\u2011])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d])"
)
_SPACED_DATE = lazy_compile(r"\b(?P<y>(?:19|20)\d{2}) (?P<m>[01]\d) (?P<d>[0-3]\d)(?![\d])")
_WORD_DATE = lazy_compile(
    r"\b(?P<d>[0-3]?\d)\s+(?P<m>(?i:" + "|".join(_MONTHS) + r"))\s+(?P<y>(?:19|20)\d{2})\b"
)
_DATE_WINDOW = 3000  # a document's own date stands in its head or by its signature
_PARAGRAPH_REF = lazy_compile(r"[ \t]*,?[ \t]*§")  # "beslut 2022-05-24, § 112": another meeting
_MEETING_REF = lazy_compile(r"\(\s*\p{Lu}{1,5}\s+$")  # "(KS 2009-05-26, § 104)"
# One alternation, a named group per kind; where two kinds' words start at the same place
# the longer word wins ("enkel fråga" before "fråga").
_ANY_KIND = lazy_compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{alternation(words)})" for kind, words in patterns()["kind_keywords"].items())
    + r")(?![\p{L}])",
    regex.IGNORECASE,
)
_BODY = lazy_compile(
    r"\b(?:(?P<body>(?i:"
    + alternation(patterns()["body_words"])
    + r"))(?:\s+i\s+(?P<place>\p{Lu}[\p{L}-]+))?|(?P<abbr>"
    + alternation(patterns()["body_abbreviations"])
    + r")(?![\p{L}]))"
)
_BODY_CUES = ("fullmäktige", "styrelse", "kf", "rf")  # every _BODY match holds one
_GENITIVE_BEFORE = lazy_compile(r"(?P<gen>\p{Lu}[\p{L}-]+s)\s+$")
_KOMMUN = lazy_compile(r"\b(?P<name>\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)s?\s+kommun(?:s|en)?\b")
_REGION = lazy_compile(r"\bRegion\s+(?P<name>\p{Lu}[\p{L}-]+)")
_DATE_LABEL = lazy_compile(patterns()["date_label_line"], regex.IGNORECASE)
_MEETING_TIME_PLACE = lazy_compile(patterns()["meeting_time_place_label"], regex.IGNORECASE)
_DATE_SKIP = lazy_compile(patterns()["date_skip_lines"], regex.IGNORECASE)
_DATE_LABEL_CELL = lazy_compile(patterns()["date_label_cell"], regex.IGNORECASE)
_PAGE_DATE = lazy_compile(patterns()["page_date_line"], regex.IGNORECASE)
# a sign-off run into a long line, a name after it (a PDF converted one page per line)
_INLINE_SIGNED = lazy_compile(patterns()["inline_signoff"] + r"(?=\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+)")
_PAGE_PUBLISHED = lazy_compile(patterns()["page_published_line"], regex.IGNORECASE)
_PAGE_UPDATED = lazy_compile(patterns()["page_updated_line"], regex.IGNORECASE)
_INTRO_QUESTIONS = compile_any("question_intro")


_KIND_RULES = [
    (
        rule["kind"],
        rule["lines"],
        tuple(rule["cues"]),
        regex.compile(rule["pattern"], regex.IGNORECASE | regex.MULTILINE),
    )
    for rule in patterns()["kind_rules"]
]
# Rules that give way where a council document opens a line of the head: a meeting paper's
# header cell ('UPPSALA KOMMUN      FÖREDRAGNINGSLISTA') over an attached interpellation.
_YIELDING_RULES = frozenset(
    index for index, rule in enumerate(patterns()["kind_rules"]) if rule.get("unless_a_document_opens")
)
# The singular words of the council document kinds (kinds.json): 'Interpellation', 'Motion' …
_DOCUMENT_WORDS = alternation(
    [w for words in load_json("kinds.json")["singular_words"].values() for w in words]
)
_DOCUMENT_OPENS = lazy_compile(
    r"^[ \t#*]*(?:" + _DOCUMENT_WORDS + r")(?![\p{L}])", regex.IGNORECASE | regex.MULTILINE
)


def _kind_from_rules(text: str, lines: tuple[Line, ...]) -> tuple[str, float, Hit] | None:
    """A kind the opening lines declare outright (a protocol head, 'Svar på …', 'Medborgarförslag')."""
    earliest: tuple[int, int, str] | None = None
    memo: tuple[int, int, str] | None = None  # where a tjänsteskrivelse's label stands
    widest = max(scope for _, scope, _, _ in _KIND_RULES)
    folded_head = text[: lines[min(widest, len(lines)) - 1].end].casefold()
    # a web page's furniture below a short text ('Relaterat', 'Dela:') declares nothing
    tail = page_tail(text)
    document_opens = _DOCUMENT_OPENS.search(text, 0, lines[min(12, len(lines)) - 1].end)
    for index, (kind, scope, cues, pattern) in enumerate(_KIND_RULES):
        if index in _YIELDING_RULES and document_opens:
            continue
        end = lines[min(scope, len(lines)) - 1].end
        if tail is not None:
            end = min(end, tail.start())
        head = folded_head[:end]
        if not any(cue in head for cue in cues):
            continue
        found = next(
            (
                f
                for f in pattern.finditer(text, 0, end)
                if not _on_attachment_line(text, f.start())
                and not _in_kinds_menu(text, f.start())
                and not _inside_site_menu(text, f.end() - 1)
                and not _reports_decision(text, f.end())
            ),
            None,
        )
        if found and (earliest is None or found.start() < earliest[0]):
            earliest = (found.start(), found.end(), kind)
        if found and kind == "tjansteskrivelse" and _labels_a_tjansteskrivelse(text, found):
            memo = (found.start(), found.end(), kind)
    if earliest is None:
        return None
    if earliest[2] == "svar" and memo is not None:
        # 'Svar på motion om …' over 'TJÄNSTESKRIVELSE' / 'Handläggare:': the officials' draft
        # of the answer, a tjänsteskrivelse
        earliest = memo
    start, end, kind = earliest
    return kind, 0.95, Hit(start, end, "kind:opening-lines", kind)


_DECIDED = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(load_json("kinds.json")["reported_decision_verbs"]) + r")(?![\p{L}])",
    regex.IGNORECASE,
)


_DECIDED_TAIL = 40  # what may follow the verb on its line: 'av fullmäktige 2019-03-11'
_RELATIVE_BEFORE = lazy_compile(
    r"(?<![\p{L}])(?:som|när|då|att|vilket|vilken)\s++(?:\p{L}++\s++){0,2}\Z", regex.IGNORECASE
)


def _reports_decision(text: str, pos: int) -> bool:
    """Whether the rest of a line says what became of the document its kind word names
    ('Medborgarförslag om utegym bifölls', '… avslogs av fullmäktige 2019-03-11'): a headline
    or list entry, not the document ('… som antogs i detaljplanen' is its title's clause)."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    found = _DECIDED.search(text, pos, end)
    if found is None or end - found.end() > _DECIDED_TAIL:
        return False
    return _RELATIVE_BEFORE.search(text, max(pos, found.start() - 20), found.start()) is None


def _in_kinds_menu(text: str, pos: int) -> bool:
    """Whether a kind word stands in a site's menu set one item per line that names other kinds
    of document too ('Motioner', 'Interpellationer och frågor', 'Protokoll'); an attendance
    list under 'Beslutande' names people, not kinds."""
    for start, end in vertical_menu_spans(text):
        if start <= pos < end:
            return len({found.lastgroup for found in _ANY_KIND.finditer(text, start, end)}) >= 2
    return False


_TJANSTESKRIVELSE_LABELS = frozenset(load_json("kinds.json")["tjansteskrivelse_labels"])


def _labels_a_tjansteskrivelse(text: str, found: regex.Match[str]) -> bool:
    """Whether a tjänsteskrivelse rule's match is a label: a line of its own ('TJÄNSTESKRIVELSE'),
    a header cell, or a 'Handläggare' field, not a word in prose ('… av tjänsteskrivelsen från …')."""
    line = _line_at(text, found.start()).strip(" \t#*_|").casefold()
    if line in _TJANSTESKRIVELSE_LABELS or line.startswith("handläggare"):
        return True
    return found.group()[:1] in (" ", "\t", "|")  # a header cell after a wide gap or a bar


def _inside_site_menu(text: str, pos: int) -> bool:
    """Whether `pos` stands inside a site's navigation past its first item ('Östersund.se
    Möten och protokoll    Sök', 'Hem / Kommun och politik / Möten och protokoll'); a header
    row's first cell ('Handläggare    Datum    Diarienummer') opens a document."""
    line = _line_at(text, pos)
    line_start = text.rfind("\n", 0, pos) + 1
    if is_breadcrumb(line):
        return True
    if not is_menu_line(line) or _MENU_SEPARATOR_AT.search(text, line_start, pos) is None:
        return False
    # a site's navigation, not a letterhead set in cells ('Östersunds kommun   TJÄNSTESKRIVELSE
    # Kommunstyrelsen'): four items or more, or a site's own word ('Sök', 'Meny', 'östersund.se')
    items = [item for item in _MENU_CELLS.split(line.strip()) if item]
    return len(items) >= 4 or _SITE_WORD.search(line) is not None


_MENU_CELLS = lazy_compile(r"[ \t]*[|·•][ \t]*|[ \t]{3,}")
_SITE_WORD = lazy_compile(patterns()["site_navigation_words"], regex.IGNORECASE)
_MENU_SEPARATOR_AT = lazy_compile(r"\S(?:[ \t]{3,}|[ \t]*[|·•/›>][ \t]*)\S")


def _on_attachment_line(text: str, pos: int) -> bool:
    """'Tjänsteskrivelse.pdf', or an entry under 'Handlingar': a document listed, not the
    document itself."""
    start = text.rfind("\n", 0, pos) + 1
    if _ATTACHMENT.match(text, start, min(len(text), start + 200)):
        return True
    block = text.rfind("\n\n", 0, start)  # the list runs from its heading to a blank line
    return bool(_DOCUMENT_LIST_HEADING.search(text, block + 1 if block >= 0 else 0, start))


def _signed_by(text: str, lines: tuple[Line, ...]) -> str | None:
    """'party' when a party signs (or heads) the text, 'person' when only a private name
    does (a first name and a surname alone on a line near the end), else None."""
    head = text[: lines[min(6, len(lines)) - 1].end]
    tail_lines = lines[max(0, len(lines) - 8) :]
    tail = text[tail_lines[0].start :]
    if _PARTY.search(tail) or _PARTY.search(head):
        return "party"
    for line in tail_lines:
        words = line.text.split()
        if (
            2 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and words[0].casefold() in first_names()
        ):
            return "person"
    return None


def _proposed_without_kind_word(text: str, lines: tuple[Line, ...]) -> tuple[str, float, Hit | None] | None:
    """A text proposing something to the municipality in its own voice ('Jag föreslår att
    kommunen …', att-satser), without naming its kind: a party's is a motion; a private
    person's, or a petition's ('Vi som skriver under'), is a medborgarförslag."""
    own = _OWN_PROPOSAL.search(text)
    if own is None:
        return None
    if _PETITION.search(text):
        kind = "medborgarforslag"
    elif not _PROPOSAL_ADDRESSED.search(text):  # neither 'Till … kommun' nor an att-sats
        return None
    else:
        signer = _signed_by(text, lines)
        if signer is None:
            return None
        kind = "motion" if signer == "party" else "medborgarforslag"
    is_doc, about, why = kind_evidence(text, lines, kind)
    if about > is_doc:
        return None
    hit = Hit(own.start(), own.end(), "kind:proposal-signed", kind)
    hit.attrs["evidence"] = why
    return kind, 0.6, hit


def _asked_without_kind_word(text: str, lines: tuple[Line, ...]) -> tuple[str, float, Hit | None] | None:
    """A text addressed to an office holder or assembly ('Till kommunstyrelsens ordförande'),
    asking formally and signed by a party's member, without naming its kind: an
    interpellation, or an enkel fråga where it calls itself one."""
    head = text[: lines[min(12, len(lines)) - 1].end]
    addressed = _ADDRESSED.search(head)
    if addressed is None or not _asks_formally(text) or _signed_by(text, lines) != "party":
        return None
    kind = _question_kind(text)
    is_doc, about, why = kind_evidence(text, lines, kind)
    if about > is_doc:
        return None
    hit = Hit(addressed.start(), addressed.end(), "kind:asked-signed", kind)
    hit.attrs["evidence"] = why
    return kind, 0.6, hit


_RESIDENT = load_json("kinds.json")["resident_voice"]
_SINGULAR_SELF = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(_RESIDENT["singular_words"]) + r")(?![\p{L}])", regex.IGNORECASE
)
_RESIDENT_WISH = lazy_compile(_RESIDENT["wish_pattern"], regex.IGNORECASE)
_RESIDENT_SPEECH = lazy_compile(  # 'säger Anna Berg', 'Anna Berg berättar': someone quoted
    r"(?<![\p{L}])(?i:" + alternation(_RESIDENT["speech_verbs"]) + r")[ \t]+\p{Lu}\p{Ll}"
    r"|\p{Lu}\p{Ll}+[ \t]+(?i:" + alternation(_RESIDENT["speech_verbs"]) + r")(?![\p{L}])"
)


def _proposed_by_resident(text: str) -> tuple[str, float, Hit | None] | None:
    """A short text naming no kind and no party in which someone speaks for themselves and
    wishes something of the municipality ('Jag tycker att fler utegym ska byggas …'): a
    citizen's proposal as a portal shows it, a medborgarförslag. A text that reports what
    someone says ('säger Anna Berg') is a news item about a person, not their proposal."""
    if len(text) > _RESIDENT["max_chars"] or _PARTY.search(text) or _RESIDENT_SPEECH.search(text):
        return None
    if _PETITION.search(text):  # a campaign collecting names, not a proposal handed in
        return None
    if sum(1 for _ in _SINGULAR_SELF.finditer(text)) < _RESIDENT["min_singular"]:
        return None
    wish = _RESIDENT_WISH.search(text)
    if wish is None:
        return None
    hit = Hit(wish.start(), wish.end(), "kind:resident-voice", "medborgarforslag")
    hit.attrs["evidence"] = ["is:resident-voice"]
    return "medborgarforslag", 0.6, hit


_LIST_INTRO = lazy_compile(load_json("kinds.json")["list_intro_pattern"], regex.IGNORECASE | regex.MULTILINE)
_LIST_INTRO_LINES = 12


_PROTOCOL_MARK = lazy_compile(
    load_json("kinds.json")["protocol_mark_pattern"], regex.IGNORECASE | regex.MULTILINE
)


def detect_kind(text: str) -> tuple[str, float, Hit | None]:
    """The document kind, unless a sentence at the top presents the page as a list of such
    documents ('Här ser du de medborgarförslag som har lämnats in …'): then "other"; a
    protocol without section marks, the word protokoll or an attendance list is a meeting
    page: "other"."""
    kind, confidence, hit = _detect_kind(text)
    if (
        kind == "protokoll"
        and confidence >= KIND_MIN_CONFIDENCE
        and (hit is None or hit.rule != _PROTOCOL_HEAD_RULE)  # its front page's labels mark it
        and _PROTOCOL_MARK.search(text) is None
    ):
        # read as the protocol it stands for (findings.reading_kind), reported as "other"
        start, end = (hit.start, hit.end) if hit is not None else (0, 0)
        reason = Hit(start, end, MEETING_PAGE_RULE, "other")
        reason.attrs["evidence"] = ["about:no-protocol-marks"]
        return "other", confidence, reason
    if kind not in _DOCUMENT_KINDS:
        return kind, confidence, hit
    lines = lines_of(text)
    report = _meeting_report((top_headings(text) or tuple(lines[:1]))[0])
    if report is not None:  # a report of a meeting tells of the documents taken up there
        return "other", 0.6, report
    head_end = lines[min(_LIST_INTRO_LINES, len(lines)) - 1].end
    found = _LIST_INTRO.search(text, 0, head_end)
    if found is None or _ATT_LINE.search(text) is not None:
        if hit is not None and hit.rule == "kind:opening-lines":
            return _unless_reported(text, lines, kind, confidence, hit)
        return kind, confidence, hit  # a text proposing in att-lines of its own is no list
    start = found.start() + len(found.group()) - len(found.group().lstrip(".!?: \t\n"))
    reason = Hit(start, found.end(), "kind:lists-documents", "other")
    reason.attrs["evidence"] = ["about:lists-intro"]
    return "other", 0.6, reason


# what marks a page as published on the web, not as reporting on what it publishes
_PAGE_FURNITURE = frozenset(
    {"about:web-page", "about:attachments", "about:document-list", "about:agenda-item"}
)


def _unless_reported(
    text: str, lines: tuple[Line, ...], kind: str, confidence: float, hit: Hit
) -> tuple[str, float, Hit | None]:
    """'Medborgarförslag om …' opening a page that proposes nothing in its own voice and
    reports on the proposal ('Ett medborgarförslag har kommit in …', 'Kommunstyrelsen avslår
    medborgarförslaget'): a news item or a notice about it, not the proposal."""
    if _proposes_in_own_voice(text):
        return kind, confidence, hit
    _is_doc, _about, why = kind_evidence(text, lines, kind)
    reported = [w for w in why if w.startswith("about:") and w not in _PAGE_FURNITURE]
    if not reported or "is:filled-form" in why:
        return kind, confidence, hit
    reason = Hit(hit.start, hit.end, "kind:about-a-document", "other")
    reason.attrs["evidence"] = why
    return "other", 0.6, reason


def _detect_kind(text: str) -> tuple[str, float, Hit | None]:
    """The document kind from its opening lines and headings, with a confidence in [0, 1].

    A council document kind (interpellation, motion, fråga, medborgarförslag) found in a
    heading or by counting its words is then weighed: a text that *is* the document (heading
    opening with the kind word, addressed to an assembly, signed, with att-satser or formal
    questions) against a text *about* one (a news post, a list of motions, an opinion on a
    motion: reporting verbs, listed documents, the kind word as an object in the heading)."""
    lines = lines_of(text)
    if not lines:
        return "other", 0.0, None
    head = _protocol_head(text)
    if head is not None:
        return head
    declared = _kind_from_rules(text, lines)
    if declared is not None:
        return _unless_portal_item(text, lines, declared)
    headings = top_headings(text) or tuple(lines[:1])
    tail = page_tail(text)
    for heading in headings[:6]:
        if tail is not None and heading.start >= tail.start():
            break  # 'Relaterat' / 'Protokoll från kommunfullmäktige': a link, not a heading
        if _LETTER_SPACED.match(heading.text):
            # a typewriter's letter-spaced heading ('I N T E R P E L L A T I O N'): the whole line
            heading_text = heading.text.replace(" ", "")
            found = _ANY_KIND.fullmatch(heading_text)
            if found:
                kind = found.lastgroup or "other"
                hit = Hit(heading.start, heading.end, "kind:heading", kind)
                return _reviewed(text, lines, kind, 0.9, hit, heading_text, found)
            continue
        found = _ANY_KIND.search(heading.text, 0, 40 + 30)
        if found and (
            is_menu_line(_line_at(heading.text, found.start()))
            or is_breadcrumb(_line_at(heading.text, found.start()))
        ):
            continue  # a site's menu or breadcrumb trail is no heading
        if found and found.start() < 40:
            kind = found.lastgroup or "other"
            s = heading.start + found.start()
            hit = Hit(s, s + len(found.group(0)), "kind:heading", kind)
            reviewed = _reviewed(text, lines, kind, 0.9, hit, heading.text, found)
            if reviewed[0] == kind and _only_in_plural(text, lines, kind):
                return _about_several(hit.start, hit.end)  # 'Nya interpellationer' over several
            return _unless_portal_item(text, lines, reviewed)
    counts: dict[str, int] = {}
    for found in _ANY_KIND.finditer(text, 0, 3000):
        if is_menu_line(_line_at(text, found.start())):
            continue
        counts[found.lastgroup or "other"] = counts.get(found.lastgroup or "other", 0) + 1
    if not counts:
        return (
            _proposed_without_kind_word(text, lines)
            or _asked_without_kind_word(text, lines)
            or _proposed_by_resident(text)
            or ("other", 0.0, None)
        )
    kind = max(counts, key=lambda k: counts[k])
    if kind != "medborgarforslag":
        # a proposal in its own voice by a private person that mentions a motion in passing
        proposed = _proposed_without_kind_word(text, lines)
        if proposed is not None and proposed[0] == "medborgarforslag":
            return proposed
    # A kind word or two in running text (an attachment named "Tjänsteskrivelse …") says little.
    confidence = counts[kind] / sum(counts.values()) * 0.7 * min(1.0, counts[kind] / _COUNT_FULL)
    reviewed = _reviewed(text, lines, kind, confidence, None, None, None)
    if reviewed[0] == kind and _only_in_plural(text, lines, kind):
        return _about_several(0, 0)
    return reviewed


_PROTOCOL_HEAD_LABELS = {
    group: lazy_compile(r"(?<![\p{L}])(?:" + alternation(words) + r")(?![\p{L}])", regex.IGNORECASE)
    for group, words in load_json("kinds.json")["protocol_head_labels"].items()
}


_PROTOCOL_HEAD_RULE = "kind:protocol-head"


def _protocol_head(text: str) -> tuple[str, float, Hit] | None:
    """A protocol's front page: labels of at least three of its parts near the start (who
    decided, who checks the protocol, the notice that it was checked, its paragraphs …;
    kinds.json `protocol_head_labels`), wherever the lines of the page break."""
    window = _K["protocol_head_window"]
    searched = (pattern.search(text, 0, window) for pattern in _PROTOCOL_HEAD_LABELS.values())
    firsts = [found for found in searched if found is not None]
    if len(firsts) < _K["protocol_head_min_labels"]:
        return None
    first = min(firsts, key=lambda found: found.start())
    hit = Hit(first.start(), first.end(), _PROTOCOL_HEAD_RULE, "protokoll")
    hit.attrs["evidence"] = [f"is:protocol-label:{found.group().casefold()}" for found in firsts]
    return "protokoll", 0.9, hit


_MEETING_REPORT = lazy_compile(load_json("kinds.json")["meeting_report_heading"], regex.IGNORECASE)


def _meeting_report(heading: Line) -> Hit | None:
    """The reason a page is a report of a council meeting: its first heading names the meeting
    by its day or month, or as reported ('Kommunfullmäktige 16 september 2019', 'Rapport från
    fullmäktige i maj'; a site's name after '|' aside)."""
    shown = heading.text.split("|", 1)[0].rstrip()
    found = _MEETING_REPORT.match(shown)
    if found is None or not (found.group("report") or found.group("when") or found.group("bang")):
        return None
    reason = Hit(heading.start, heading.start + len(shown), "kind:meeting-report", "other")
    reason.attrs["evidence"] = ["about:meeting-report"]
    return reason


def _only_in_plural(text: str, lines: tuple[Line, ...], kind: str) -> bool:
    """Whether the text names its kind only in the plural ('tre interpellationer inskickade',
    'att ställa interpellationer'; a site's menu or breadcrumb trail aside), is not addressed
    like one document and neither asks nor proposes in its own voice: it speaks of several such
    documents, it is none of them."""
    plural = other = 0
    for found in _ANY_KIND.finditer(text, 0, 3000):
        if found.lastgroup != kind:
            continue
        line = _line_at(text, found.start())
        if is_menu_line(line) or is_breadcrumb(line):
            continue
        if " ".join(found.group(0).casefold().split()) in _PLURAL.get(kind, ()):
            plural += 1
        else:
            other += 1
    head_end = lines[min(12, len(lines)) - 1].end
    if _own_act(text, kind) or (kind in ("motion", "medborgarforslag") and _proposes_in_own_voice(text)):
        return False  # asks or proposes itself: carried whole under a 'Motioner' title or header
    return plural > 0 and other == 0 and _ADDRESSED.search(text, 0, head_end) is None


def _about_several(start: int, end: int) -> tuple[str, float, Hit]:
    reason = Hit(start, end, "kind:about-a-document", "other")
    reason.attrs["evidence"] = ["about:kind-only-in-plural"]
    return "other", 0.6, reason


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


_YEAR_IN_HEADING = lazy_compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Two kinds of document joined in a heading ('Motioner och medborgarförslag under beredning',
# 'Interpellationer och frågor 2022'): a page that lists them.
_KINDS_JOINED = lazy_compile(
    _ANY_KIND.pattern
    + r"(?:[ \t]*,|[ \t]+(?:och|&|samt))[ \t]+"
    + _ANY_KIND.pattern.replace("?P<", "?P<second_"),
    regex.IGNORECASE,
)
_LETTER_SPACED = lazy_compile(r"^(?:\p{L} ){4,}\p{L}$")
_K = load_json("kinds.json")
_DOCUMENT_KINDS = frozenset(_K["document_kinds"])
_SINGULAR = {kind: frozenset(w.casefold() for w in words) for kind, words in _K["singular_words"].items()}
_PLURAL = {kind: frozenset(w.casefold() for w in words) for kind, words in _K["plural_words"].items()}
_COUNT_FULL = 3  # kind words counted before a count-only guess gets its full confidence
_REFERENCE_BEFORE = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(_K["heading_reference_before"]) + r")(?![\p{L}])", regex.IGNORECASE
)
_HEADING_REPORTING = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(_K["heading_reporting_words"]) + r")(?![\p{L}])", regex.IGNORECASE
)
_REPORTING = lazy_compile(
    "|".join(f"(?:{p})" for p in _K["reporting_patterns"]), regex.IGNORECASE | regex.MULTILINE
)
_LISTING = lazy_compile(_K["listing_line_pattern"], regex.IGNORECASE | regex.MULTILINE)
_RECORD_FIELD = record_field_regex()
_ADDRESSED = lazy_compile(_K["addressed_pattern"], regex.IGNORECASE | regex.MULTILINE)
_SIGNOFF = lazy_compile(_K["signoff_pattern"], regex.IGNORECASE | regex.MULTILINE)
_PROPOSAL = lazy_compile(_K["proposal_pattern"], regex.IGNORECASE | regex.MULTILINE)
_PARTY = lazy_compile(_K["party_pattern"], regex.IGNORECASE)
_QUESTION_KIND_WORDS = {
    kind: regex.compile(r"(?<![\p{L}])(?:" + alternation(words) + r")(?![\p{L}])", regex.IGNORECASE)
    for kind, words in _K["question_kind_words"].items()
}
_QUOTING = lazy_compile(
    "|".join(f"(?:{p})" for p in _K["quoting_patterns"]), regex.IGNORECASE | regex.MULTILINE
)
_WEB_CHROME = lazy_compile(
    "|".join(f"(?:{p})" for p in _K["web_chrome_patterns"]), regex.IGNORECASE | regex.MULTILINE
)
_GENRE_LABEL = lazy_compile(
    r"^[ \t#*]*(?:" + alternation(_K["genre_labels"]) + r")[ \t]*(?:$|[:|]|\d)",
    regex.IGNORECASE | regex.MULTILINE,
)
# 'Namn: Anna Berg' on one line, or a portal record's label alone on its line over its value
_FILLED_FIELD = lazy_compile(
    r"^[ \t]*(?:" + alternation(_K["filled_form_labels"]) + r")"
    r"[ \t]*(?::[ \t]*|:?[ \t]*\n(?:[ \t]*\n)?[ \t]*)[\p{L}\d]",
    regex.IGNORECASE | regex.MULTILINE,
)
_ATTACHMENT = lazy_compile(_K["attachment_line_pattern"], regex.IGNORECASE | regex.MULTILINE)
_AGENDA_ITEM = lazy_compile(_K["agenda_item_pattern"], regex.IGNORECASE | regex.MULTILINE)
_OWN_PROPOSAL = lazy_compile(_K["own_proposal_pattern"], regex.IGNORECASE | regex.MULTILINE)
_PROPOSAL_ADDRESSED = lazy_compile(_K["proposal_addressed_pattern"], regex.IGNORECASE | regex.MULTILINE)
_DOCUMENT_LIST_HEADING = lazy_compile(
    r"^[ \t]*(?:" + alternation(_K["document_list_headings"]) + r")[ \t]*:?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_PETITION = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(_K["petition_words"]) + r")(?![\p{L}])", regex.IGNORECASE
)
_HEADING_MARKS = " \t#*_-–•0123456789.)"
_REPORTING_CAP = 4
_SHORT_TEXT = 1500  # a text this short that only asks is a question even under a bare 'Motion' heading
_FORMAL_QUESTION = lazy_compile(r"\?[”\"»’)]*\s*$", regex.MULTILINE)


def kind_evidence(
    text: str,
    lines: tuple[Line, ...],
    kind: str,
    heading: str | None = None,
    found: regex.Match[str] | None = None,
) -> tuple[int, int, list[str]]:
    """Points for the text *being* a document of `kind` and for it being *about* one, and why."""
    is_doc = about = 0
    why: list[str] = []
    if heading is not None and found is not None:
        prefix = heading[: found.start()].strip(_HEADING_MARKS)
        word = " ".join(found.group(0).casefold().split())
        if _HEADING_REPORTING.search(heading):
            about += 3
            why.append("about:heading-reports")
        if prefix and _REFERENCE_BEFORE.search(prefix):
            about += 2
            why.append("about:heading-refers")
        elif not prefix and _headline_sentence(heading, found):
            is_doc += 1  # 'Medborgarförslag ger Orrefors en hundrastgård': a news headline
            about += 1
            why.extend(["is:heading", "about:heading-sentence"])
        elif not prefix:
            is_doc += 2
            why.append("is:heading-opens")
        else:
            is_doc += 1
            why.append("is:heading")
        if word not in _SINGULAR.get(kind, frozenset()):
            about += 1
            why.append("about:heading-plural")
            if _KINDS_JOINED.search(heading.split("\n", 1)[0]):  # 'Motioner och medborgarförslag …'
                about += 2
                why.append("about:heading-kinds")
            if not prefix and _YEAR_IN_HEADING.search(heading):  # 'Motioner 2022': a list
                about += 2
                why.append("about:heading-plural-year")
    head = text[: lines[min(12, len(lines)) - 1].end]
    tail = text[lines[max(0, len(lines) - 12)].start :]
    if _ADDRESSED.search(head):
        is_doc += 1
        why.append("is:addressed")
    if _SIGNOFF.search(tail) or _SIGNOFF.search(_tail_above_furniture(text, lines)):
        is_doc += 1
        why.append("is:signed")
    if kind in ("motion", "medborgarforslag") and _proposes_in_own_voice(text):
        is_doc += 1
        why.append("is:proposes")
    if kind in ("interpellation", "fraga"):
        if "?" in text or _INTRO_QUESTIONS.search(text):
            is_doc += 1
            why.append("is:asks")
        else:
            about += 1
            why.append("about:asks-nothing")
        if _carries_several(text):
            # 'Våra enkla frågor i oktober' over two frågor, each under its own 'Enkel fråga till …'
            # with its questions: the page publishes them whole, it does not list them
            is_doc += 3
            why.append("is:carries-several")
    quoting = min(2, sum(1 for _ in _QUOTING.finditer(text, 0, 6000)))
    if quoting:  # a blog or news page quoting the document ('Så här lyder…', 'Postat av')
        about += 2 * quoting
        why.append(f"about:quotes*{quoting}")
    if kind in ("medborgarforslag", "motion") and _FILLED_FIELD.search(text, 0, 6000):
        is_doc += 2  # a submitted form: 'Namn: Anna Berg', 'Skickat: 2018-06-11'
        why.append("is:filled-form")
    if _GENRE_LABEL.search(head):  # 'DEBATT:', 'Pressmeddelande 2023-06-20': an article
        about += 3
        why.append("about:genre-label")
    # the page around a document (site chrome, a portal's attachments and agenda label) tells
    # that it is published, not whether the page reports on it or carries it: where the text
    # makes the document's own act in its own voice ('Jag vill därför fråga …', 'föreslår jag
    # kommunfullmäktige besluta' and its att-clauses), the page carries it and counts nothing
    own_act = _own_act(text, kind)
    chrome = 0
    if _WEB_CHROME.search(text, 0, 6000):  # a web page: it may publish a document or report one
        chrome += 1
        why.append("about:web-page")
    # a meeting-portal item listing the documents of a case: files ('Motion.pdf', '(pdf, 84 kB)')
    # or a 'Handlingar' heading over them; one list, counted once however it shows
    if sum(1 for _ in _ATTACHMENT.finditer(text, 0, 6000)) >= 2:
        why.append("about:attachments")
    if _DOCUMENT_LIST_HEADING.search(text, 0, 6000):
        why.append("about:document-list")
    if "about:attachments" in why or "about:document-list" in why:
        chrome += 2
    if _AGENDA_ITEM.search(head):
        chrome += 1
        why.append("about:agenda-item")
    if own_act:
        why.append("is:own-act")
    else:
        about += chrome
    # a reporting verb inside a question the text asks ('Vilka krav ställdes?') reports nothing
    # nor does a register's field on the document's own page ('Beslut: KF 2017-02-21 § 14,
    # bifölls'): the page's status box, counted with the page (a list repeats them: 'lists')
    reported = [
        r
        for r in _REPORTING.finditer(text, 0, 6000)
        if not _in_question(text, r) and not _on_record_field_line(text, r.start())
    ]
    reports = min(_REPORTING_CAP, len(reported))
    if reports:
        about += reports
        why.append(f"about:reports*{reports}")
    listed = {text[m.start() : m.end() + 30].casefold() for m in _LISTING.finditer(text, 0, 6000)}
    if len(listed) >= 2:  # distinct entries: a running header repeating the title is no list
        about += 2
        why.append("about:lists")
    elif _repeated_record_field(text):
        about += 2
        why.append("about:lists-records")
    elif _table_of_documents(text):
        about += 2
        why.append("about:lists-table")
    elif dated_entries(lines):
        # a register's rows, each under its own date on a line of its own ('2018-01-22' over
        # 'Anna Ek, V' over the title): a document carries one such date, or two
        about += 2
        why.append("about:lists-dated-entries")
    return is_doc, about, why


# an att-clause opening its line: the formal proposal, not a report of it in prose
_ATT_LINE = lazy_compile(
    r"^[ \t]*+(?:[-•*–][ \t]*+)?(?:\d{1,2}[.)]?[ \t]*+)?att[ \t:]", regex.IGNORECASE | regex.MULTILINE
)
_FIRST_PERSON = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(load_json("kinds.json")["first_person_words"]) + r")(?![\p{L}])",
    regex.IGNORECASE,
)


def _carries_several(text: str) -> bool:
    """Whether the text carries two or more asked documents whole: each opened by its own
    address line ('Enkel fråga till …', 'Till kommunstyrelsens ordförande') and asking at least
    one question on a line of its own before the next opens (a list of titles asks nothing)."""
    openings = [found.start() for found in _QUESTION_OPENING.finditer(text)]
    if len(openings) < 2:
        return False
    asked = 0
    for start, end in zip(openings, [*openings[1:], len(text)], strict=True):
        if any(line.strip().endswith("?") for line in text[start:end].splitlines()[1:]):
            asked += 1
    return asked >= 2


_QUESTION_OPENING = lazy_compile(_K["question_opening_pattern"], regex.MULTILINE)


def _proposes_in_own_voice(text: str) -> bool:
    """A proposal made by the text itself: an intro in the first person or a party's name
    ('jag föreslår', 'Vi yrkar', 'Centerpartiet föreslår') or a line opening with att."""
    return _OWN_PROPOSAL.search(text) is not None or _ATT_LINE.search(text) is not None


def _own_act(text: str, kind: str) -> bool:
    """Whether the text asks (an interpellation, a fråga) in the first person, or proposes (a
    motion, a medborgarförslag) in its own voice (the writers' or their party's, 'Centerpartiet
    föreslår') with att-lines: the document's own words, not a report of them."""
    if kind in ("interpellation", "fraga"):
        return any(_FIRST_PERSON.search(found.group()) for found in _INTRO_QUESTIONS.finditer(text))
    if kind in ("motion", "medborgarforslag"):
        # 'föreslår jag', 'Vi yrkar', 'Centerpartiet föreslår': an intro, not an att-line itself
        intros = (f.group() for f in _OWN_PROPOSAL.finditer(text) if not _ATT_LINE.match(f.group()))
        return any(True for _ in intros) and _ATT_LINE.search(text) is not None
    return False


_NEXT_WORD = lazy_compile(r"[ \t]+(?P<word>[\p{L}-]+)")
_TITLE_WORDS = frozenset(_K["heading_title_words"])


def _on_record_field_line(text: str, pos: int) -> bool:
    """Whether `pos` stands on a line opening with a register's field label ('Status:')."""
    start = text.rfind("\n", 0, pos) + 1
    return _RECORD_FIELD.match(text, start) is not None


def _tail_above_furniture(text: str, lines: tuple[Line, ...]) -> str:
    """The last lines of the document above the furniture that closes a web page (a contact
    box, the footer): where its sign-off stands ('' where no furniture closes the page)."""
    end = content_end(text)
    if end >= len(text):
        return ""
    above = [line for line in lines if line.end <= end]
    return text[above[max(0, len(above) - 12)].start : end] if above else ""


def _headline_sentence(heading: str, found: regex.Match[str]) -> bool:
    """Whether the kind word opening a heading is the subject of a sentence: the next word on
    its line is in lower case and no title word ('om', 'till', 'angående' …)."""
    if found.group(0).casefold().rstrip().endswith(" till"):
        return False  # 'Fråga till miljö- och byggnadsnämndens ordförande'
    following = _NEXT_WORD.match(heading, found.end())
    if following is None:
        return False
    word = following.group("word")
    return word[:1].islower() and word.casefold() not in _TITLE_WORDS


_TABLE_ROW = lazy_compile(r"^[^\n|]*\|[^\n|]*\|[^\n]*$", regex.MULTILINE)
_DOCUMENT_WORD = lazy_compile(r"(?<![\p{L}])(?:" + _DOCUMENT_WORDS + r")(?![\p{L}])", regex.IGNORECASE)


def _table_of_documents(text: str) -> bool:
    """Table rows, two or more, each naming a document ('KS 17/1032 | Motion om … | Eva Ek (L) |
    2017-06-14'): a list of documents."""
    rows = {
        row.group(0).strip().casefold()
        for row in _TABLE_ROW.finditer(text, 0, 6000)
        if _DOCUMENT_WORD.search(row.group(0)) and not is_menu_line(row.group(0))
    }
    return len(rows) >= 2


def _repeated_record_field(text: str) -> bool:
    """One register label ('Status:', 'Väckt:') given two different values: a list of entries."""
    values: dict[str, set[str]] = {}
    for found in _RECORD_FIELD.finditer(text, 0, 6000):
        line_end = text.find("\n", found.end())
        value = " ".join(text[found.end() : line_end if line_end >= 0 else len(text)].split()).casefold()
        seen = values.setdefault(found.group("label").casefold(), set())
        seen.add(value)
        if len(seen) >= 2:
            return True
    return False


def _in_question(text: str, found: regex.Match[str]) -> bool:
    """Whether a match stands in a sentence that ends in '?' on its line."""
    line_end = text.find("\n", found.end())
    rest = text[found.end() : line_end if line_end >= 0 else len(text)]
    sentence = _SENTENCE_STOP.split(rest, maxsplit=1)[0]
    return sentence.rstrip().endswith("?") or rest.lstrip().startswith("?")


_SENTENCE_STOP = lazy_compile(r"(?<=[.!?])\s")


def _unless_portal_item(
    text: str, lines: tuple[Line, ...], found: tuple[str, float, Hit | None]
) -> tuple[str, float, Hit | None]:
    """An answer's title under an agenda item label with the case's documents listed below
    ('Ärende 16: Svar på motion om …' and 'Handlingar: Tjänsteskrivelse.pdf …') heads a meeting
    portal's page about the case, not the answer."""
    kind, _confidence, hit = found
    if kind != "svar":
        return found
    head = text[: lines[min(12, len(lines)) - 1].end]
    listed = _DOCUMENT_LIST_HEADING.search(text, 0, 6000) or (
        sum(1 for _ in _ATTACHMENT.finditer(text, 0, 6000)) >= 2
    )
    if not (_AGENDA_ITEM.search(head) and listed):
        return found
    reason = Hit(hit.start, hit.end, "kind:portal-item", "other") if hit else None
    return "other", 0.6, reason


def _asks_formally(text: str) -> bool:
    """Questions posed as such: a question intro, or a paragraph that ends in '?'."""
    return bool(_INTRO_QUESTIONS.search(text) or _FORMAL_QUESTION.search(text))


def _question_kind(text: str) -> str:
    """Interpellation or enkel fråga, by the words the text uses for itself, else by what it
    asks: an enkel fråga puts one short question, an interpellation several."""
    if _QUESTION_KIND_WORDS["interpellation"].search(text):
        return "interpellation"
    if _QUESTION_KIND_WORDS["fraga"].search(text):
        return "fraga"
    return "fraga" if len(_FORMAL_QUESTION.findall(text)) == 1 else "interpellation"


def _reviewed(
    text: str,
    lines: tuple[Line, ...],
    kind: str,
    confidence: float,
    hit: Hit | None,
    heading: str | None,
    found: regex.Match[str] | None,
) -> tuple[str, float, Hit | None]:
    if kind not in _DOCUMENT_KINDS:
        return kind, confidence, hit
    is_doc, about, why = kind_evidence(text, lines, kind, heading, found)
    # nothing under the heading proposes, asks, addresses or signs, and the text reports on a
    # document ('… lämnade in en motion', '…, säger Anna Berg'): the heading is a headline
    heading_only = not any(w.startswith("is:") and not w.startswith("is:heading") for w in why)
    reported = any(w.startswith("about:") and w not in _PAGE_FURNITURE for w in why)
    # a kind only counted in running text, with nothing the text does as that kind (asks,
    # proposes, addresses, signs): the text mentions documents, it is none
    counted_only = hit is None and heading is None and is_doc == 0
    if about > is_doc or (heading_only and reported and about >= is_doc) or counted_only:
        # where the kind was only counted, the reason points at no words but keeps its evidence
        reason = Hit(hit.start, hit.end, "kind:about-a-document", "other") if hit else None
        reason = reason or Hit(0, 0, "kind:about-a-document", "other")
        reason.attrs["evidence"] = why
        return "other", 0.6, reason
    opens = "is:heading-opens" in why and "about:heading-plural" not in why
    # a bare 'Motion' heading over a short text is a page's label, not a topic heading
    bare = (
        heading is not None and found is not None and not heading[found.end() :].strip(_HEADING_MARKS + ":")
    )
    short_label = bare and len(text) <= _SHORT_TEXT
    if (
        kind == "motion"
        and (short_label or not opens)
        and not _PROPOSAL.search(text)
        and _asks_formally(text)
    ):
        # a short text asking questions and proposing nothing is no motion
        asked = _question_kind(text)
        reason = Hit(hit.start, hit.end, "kind:asks-not-proposes", asked) if hit else None
        return asked, min(confidence, 0.6), reason
    # a proposal the text makes in its own voice confirms it even on a web page (a petition
    # site's chrome); questions only where nothing says the page is about them
    outweighed = about == 0 or (kind in ("motion", "medborgarforslag") and about < is_doc)
    confirming = _confirming_match(text, kind) if confidence < _CONFIRMED and outweighed else None
    if confirming is not None:
        # a kind word or two only, but the text does what that kind does: it is one
        hit = hit or Hit(confirming.start(), confirming.end(), "kind:content-confirms", kind)
        why.append("is:content-confirms")
        confidence = _CONFIRMED
    if hit is not None:
        hit.attrs["evidence"] = why
    return kind, confidence, hit


_CONFIRMED = 0.5  # the confidence of a counted kind that the text's own content confirms


def _confirming_match(text: str, kind: str) -> regex.Match[str] | None:
    """What a document of `kind` does in its own voice: an interpellation or fråga leads
    into its formal questions ('vill jag fråga statsministern:'); a motion or medborgarförslag
    lists att-satser."""
    if kind in ("interpellation", "fraga"):
        return _INTRO_QUESTIONS.search(text)
    if kind in ("motion", "medborgarforslag"):
        return _PROPOSAL.search(text)
    return None


def _genitive_before(text: str, start: int) -> regex.Match[str] | None:
    return _GENITIVE_BEFORE.search(text, max(0, start - 40), start)


def find_body(text: str) -> Hit | None:
    """The assembly addressed ('Norrköpings kommunfullmäktige', 'KF')."""
    if not any(cue in text[:1500].casefold() for cue in _BODY_CUES):
        return None
    found = _BODY.search(text, 0, 1500)
    if found is None:
        return None
    start = found.start()
    gen = _genitive_before(text, start) if found.group("body") else None
    if gen and municipalities().canonical(gen.group("gen")):
        start = gen.start("gen")
    return Hit(start, found.end(), "body:first-mention", text[start : found.end()])


_WORD_BEFORE = lazy_compile(r"(\p{Lu}\p{Ll}+)\s+$")


def _after_first_name(text: str, start: int) -> bool:
    """'Bengt Berg': a place name right after a first name is a surname."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(before and before.group(1).casefold() in first_names())


def find_municipality(text: str) -> Hit | None:
    """The municipality or region the document belongs to: named with its assembly or
    'X kommun' / 'Region X', else the municipality the head of the text names most."""
    places = municipalities()
    window = text[:4000]
    folded = window.casefold()
    bodies = _BODY.finditer(window) if any(c in folded for c in _BODY_CUES) else ()
    for found in bodies:
        gen = _genitive_before(window, found.start()) if found.group("body") else None
        for word, span, rule in (
            (gen.group("gen") if gen else None, gen.span("gen") if gen else None, "gen"),
            (found.group("place"), found.span("place"), "place"),
        ):
            if word and span and places.canonical(word):
                return Hit(span[0], span[1], f"municipality:{rule}", places.canonical(word) or word)
    for pattern, cue in ((_KOMMUN, "kommun"), (_REGION, "region")):
        if cue not in folded:
            continue
        for found in pattern.finditer(window):
            s, e = found.span("name")
            word = found.group("name")
            if not places.canonical(word) and " " in word:  # 'Till Eksjö kommun': the last word
                s = e - len(word.rsplit(" ", 1)[1])
                word = window[s:e]
            if places.canonical(word):
                return Hit(s, e, "municipality:name", places.canonical(word) or word)
    counts: dict[str, tuple[int, int, int]] = {}
    for found in places.mention_regex.finditer(window, 0, 1500):
        name = places.canonical(found.group(0))
        if name and not _after_first_name(window, found.start()):
            n, s, e = counts.get(name, (0, found.start(), found.end()))
            counts[name] = (n + 1, s, e)
    if counts:
        name, (n, s, e) = max(counts.items(), key=lambda kv: kv[1][0])
        if n >= 2:
            return Hit(s, e, "municipality:mentions", name)
    return None


def _date_forms() -> list[tuple[regex.Pattern[str], str]]:
    """Every written form of a full date: ISO (any hyphen), spaced ('2002 06 10'), words
    ('8 augusti 2023', '8 aug. 2023'), day/month numbers ('14/10 2013', '14.10.2013') and
    digits run together ('20131215', 'Karlskoga 181211')."""
    months = alternation([*_MONTHS, *_MONTH_ABBREVIATIONS])
    return [
        (_ISO_DATE, "date:iso"),
        (_WORD_DATE, "date:words"),
        (_SPACED_DATE, "date:spaced"),
        (
            regex.compile(
                r"(?<![\p{L}\d])(?P<d>[0-3]?\d)\.?[ \t]+(?P<m>(?i:"
                + months
                + r"))\.?[ \t]+(?P<y>(?:19|20)\d{2})(?!\d)"
            ),
            "date:words",
        ),
        (
            regex.compile(
                r"(?<![\d/.-])(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[01]?\d)(?:(?P=sep)|[ \t]|-)"
                r"(?P<y>(?:19|20)\d{2})(?![\d/.-]\d)"
            ),
            "date:numeric",
        ),
        # older letters: a two-digit year after the place ('Kalmar 98-03-12') or after a
        # day and month ('den 3/4 -02')
        (
            regex.compile(
                r"(?<=\p{Lu}\p{Ll}+[ \t]{1,3}(?:den[ \t]+)?)"
                r"(?P<y>\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"
            ),
            "date:two-digit-year",
        ),
        (
            regex.compile(r"(?<![\d/.-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)[ \t]*-[ \t]?(?P<y>\d{2})(?![\d/.-])"),
            "date:two-digit-year",
        ),
        # digits run together, as a party site or a form writes a day: '20131215' anywhere as
        # a word of its own, '181211' only ending its line after a word or a dash
        # ('Karlskoga 181211', 'Rapport från kommunfullmäktige – 230613')
        (
            regex.compile(
                r"(?<![\p{L}\d/.:,-])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d/.:,-]?\d)"
            ),
            "date:compact",
        ),
        (
            regex.compile(
                r"(?<=[\p{L}–-][ \t]{1,3})(?P<y>\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[ \t]*$)", regex.MULTILINE
            ),
            "date:compact",
        ),
    ]


_MONTH_ABBREVIATIONS: dict[str, int] = patterns()["month_abbreviations"]
_DATE_FORMS = _date_forms()
_DATE_LABEL_ALONE = lazy_compile(patterns()["date_label_alone"], regex.IGNORECASE)
_DATE_SUBMITTED = lazy_compile(patterns()["date_submitted_line"], regex.IGNORECASE)
_DATE_SIGNATURE = lazy_compile(patterns()["date_signature_before"])
_DATE_REFERENCE_HEADING = lazy_compile(
    r"^[ \t]*(?:" + alternation(patterns()["date_reference_headings"]) + r")[ \t]*:?[ \t]*$", regex.IGNORECASE
)
_MEETING_BODY = lazy_compile(r"fullmäktige|styrelse|nämnd|utskott", regex.IGNORECASE)
_AFTER_DATE_END = lazy_compile(r"[ \t]*(?:[.|]|kl\.?[ \t]|\d{1,2}[.:]\d{2}|$)", regex.MULTILINE)
_LABEL_GAP = 40  # characters a label may stand before its date ('Sammanträde tisdagen den …')
_SHORT_LINE = 60
_SIGNATURE_REST = 25  # what may follow a place-date on its line ('kl. 09.00', '| Partiet i X')
_HEAD_LINES = 10


_TWO_DIGIT_PIVOT = 50  # '98-03-12' is 1998, '02' is 2002


def _date_value(found: regex.Match[str]) -> str | None:
    y, d = int(found.group("y")), int(found.group("d"))
    if len(found.group("y")) == 2:
        y += 1900 if y >= _TWO_DIGIT_PIVOT else 2000
    m_raw = found.group("m")
    folded = m_raw.casefold()
    m = int(m_raw) if m_raw.isdigit() else _MONTHS.get(folded) or _MONTH_ABBREVIATIONS[folded]
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _date_candidates(text: str) -> list[Hit]:
    """Every full date in the head and the tail of the text, except references to another
    meeting's paragraph ('2022-05-24, § 112', '(KS 2009-05-26, § 104)')."""
    head_end = min(len(text), _DATE_WINDOW)
    tail_start = max(head_end, len(text) - _DATE_WINDOW)
    taken: list[Hit] = []
    for pattern, rule in _DATE_FORMS:
        for found in (*pattern.finditer(text, 0, head_end), *pattern.finditer(text, tail_start)):
            if any(h.start < found.end() and found.start() < h.end for h in taken):
                continue
            if _MEETING_REF.search(text[max(0, found.start() - 12) : found.start()]):
                continue
            if _PARAGRAPH_REF.match(text, found.end()):
                continue
            value = _date_value(found)
            if value is not None:
                taken.append(Hit(found.start(), found.end(), rule, value))
    return sorted(taken, key=lambda h: h.start)


def _date_score(
    text: str, lines: tuple[Line, ...], index: int, hit: Hit, protocol: bool
) -> tuple[float, str]:
    """How surely a date is the document's own, by where it stands, and why."""
    line = lines[index]
    before = text[line.start : hit.start]
    cut = max(before.rfind("?"), before.rfind(". "), before.rfind("!"))
    if cut >= 0:  # '…göra?Lund 2024-03-02': the line starts after the sentence end
        before = before[cut + 1 :]
    after_end = _AFTER_DATE_END.match(text, hit.end)
    ends_line = after_end is not None
    whole = before + text[hit.start : line.end]
    short = len(whole) <= _SHORT_LINE
    # 'Publicerad 2024-05-14', 'Sidan uppdaterades senast: …': a page's date, not the document's
    if (len(before) <= _LABEL_GAP and _DATE_SKIP.search(before)) or (short and _DATE_SKIP.search(whole)):
        return 0.5, "skip-line"
    if _DATE_LABEL.match(before) and len(before) <= _LABEL_GAP:
        if not protocol and _meeting_date(before, lines, index):
            # 'Sammanträde 2019-04-29', 'Datum: …' over 'Tid:'/'Plats:': when a meeting sits, where
            # its paper (a portal's item, a kallelse) has a place-and-date signature of its own
            return 7.5, "meeting-label"
        return 10.0, "label"
    cell = _CELL_GAP.split(before)[-1]  # a letterhead's column: '…förvaltningen      Datum: 2020-10-05'
    if cell != before and _DATE_LABEL_CELL.match(cell) and len(cell) <= _LABEL_GAP:
        return 10.0, "label-cell"
    if not before.strip() and index > 0 and _DATE_LABEL_ALONE.match(lines[index - 1].text):
        return 10.0, "label-above"
    # 'Inlämnad: …' dates a submission: the document's own unless a signature dates an answer to it
    if _DATE_SUBMITTED.match(before) or (
        not before.strip() and index > 0 and _DATE_SUBMITTED.match(lines[index - 1].text)
    ):
        return 7.5, "submitted"
    if protocol and index < _HEAD_LINES and _MEETING_TIME_PLACE.search(before):
        # 'Plats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl 09.00'
        return 9.0, "meeting-line"
    rest = text[hit.end : line.end].strip()
    if index < _BYLINE_LINES and _post_byline_date(text, line, hit):
        # 'Av Sofia Ek, gruppledare · 3 februari 2025 · Lästid 2 min', 'Postat av Anna Berg, 26
        # februari 2010 kl 08:12', '15 juni 2010 · Anna Berg': the day a post was published
        return 6.0, "post-byline"
    signature = ends_line and len(rest) <= _SIGNATURE_REST and bool(_DATE_SIGNATURE.match(before))
    if not short and not signature:
        if index < _HEAD_LINES and _alone_in_its_cell(before, text[hit.end : line.end]):
            # a letterhead set in columns ('Skellefteå kommun      2023-09-26      Dnr …')
            return 6.5, "head-cell"
        cell = _CELL_GAP.split(before)[-1]
        if index < _HEAD_LINES and cell != before and ends_line and not rest and _DATE_SIGNATURE.match(cell):
            # a place and date in a letterhead's right column ('Till fullmäktige      Lund 2020-06-15')
            return 6.5, "head-cell"
        signoff = _INLINE_SIGNED.search(text, max(line.start, hit.start - 60), min(line.end, hit.end + 80))
        if signoff is not None and signoff.span("date") == (hit.start, hit.end):
            return 8.0, "place-date-inline"  # '… ? Karlstad den 28 september 2020 Anders Lindqvist'
        return 0.0, "prose"
    for earlier in reversed(lines[max(0, index - 15) : index]):
        if len(earlier.text) > _PROSE_LINE and earlier.text.rstrip().endswith((".", "?", "!")):
            break  # a paragraph of prose between: the list above it has ended
        if _DATE_REFERENCE_HEADING.match(earlier.text):
            return 0.0, "reference-list"
    in_head = index < _HEAD_LINES
    if signature:  # 'Nässjö den 8 augusti 2023', 'Vänsterpartiet i Vetlanda 14/10 2013'
        if _MEETING_BODY.search(before):
            return (9.0, "meeting-line") if protocol and in_head else (4.0, "meeting-named")
        return 8.0, "place-date"
    if before.rstrip().endswith(",") and len(before.split()) > 1:
        return 0.0, "reference-entry"  # 'Motion från … m.fl., 2023-01-27'
    if not before.strip() and ends_line:
        if protocol and in_head:
            return 9.0, "meeting-line"
        return (7.0, "alone-head") if in_head else (5.0, "alone")
    return (5.0, "short-head") if in_head else (3.0, "short")


_PROSE_LINE = 120  # longer than a list's entry: a paragraph of the text
_CELL_GAP = lazy_compile(r"[ \t]{3,}|\t|[ \t]*\|[ \t]*")
_MEETING_LABEL = lazy_compile(patterns()["meeting_date_label"], regex.IGNORECASE)
_MEETING_DETAIL = lazy_compile(patterns()["meeting_detail_line"], regex.IGNORECASE)


def _meeting_date(before: str, lines: tuple[Line, ...], index: int) -> bool:
    """Whether a labelled date is a meeting's: its label names a meeting, or the lines below
    it give the meeting's time or place ('Tid: 18:30', 'Plats: Stadshuset')."""
    if _MEETING_LABEL.match(before):
        return True
    return any(_MEETING_DETAIL.match(line.text) for line in lines[index + 1 : index + 3])


_POST_BYLINE_LINE = lazy_compile(patterns()["post_byline"], regex.IGNORECASE)
_BYLINE_SEPARATOR_BEFORE = lazy_compile(r"[·•|][ \t]*\Z")
_BYLINE_SEPARATOR_AFTER = lazy_compile(r"(?<![ \t])[ \t]*+[·•|]")
_BYLINE_LINE_MAX = 120
_BYLINE_LINES = 14  # a post's byline stands under its heading, below the site's head
_NAME_ON_LINE = lazy_compile(r"(?-i:\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+)")


def _post_byline_date(text: str, line: Line, hit: Hit) -> bool:
    """Whether a date stands in a web post's byline: a line opening as one ('Postat av …',
    'Skrivet av …'), or the date set off by a middle dot or bar beside a name ('Anna Berg ·
    3 februari 2025 · …'); not a list item's or a table row's date ('• 2020-09-01 stängd')."""
    if len(line.text) > _BYLINE_LINE_MAX:
        return False
    if _POST_BYLINE_LINE.match(line.text):
        return True
    if LIST_MARKER.match(line.text) or line.text.lstrip().startswith("|"):
        return False
    if not _NAME_ON_LINE.search(line.text):
        return False
    before = text[line.start : hit.start]
    return bool(_BYLINE_SEPARATOR_BEFORE.search(before) or _BYLINE_SEPARATOR_AFTER.match(text, hit.end))


def _alone_in_its_cell(before: str, after: str) -> bool:
    """Whether a date stands alone between wide gaps or table bars on its line."""
    before_cells = _CELL_GAP.split(before)
    after_cells = _CELL_GAP.split(after)
    gap_before = len(before_cells) > 1 or not before.strip()
    gap_after = len(after_cells) > 1 or not after.strip()
    return (
        (len(before_cells) > 1 or len(after_cells) > 1)
        and gap_before
        and gap_after
        and not before_cells[-1].strip()
        and not after_cells[0].strip()
    )


def find_date(text: str, page_dated: str | None = None, *, answer: bool = False) -> Hit | None:
    """The document's own date: each full date scored by where it stands (a date label, a
    protocol's meeting line, a place-and-date signature, a header line) above dates in
    prose, reference lists and 'Publicerad/Uppdaterad' lines; a session number dates a bare
    day and month; a publishing date is the last resort. A page that lists documents
    (`page_dated="list"`) is dated by its own 'Sidan uppdaterad …' or 'Publicerad …' line, not
    by an entry's date; an e-förslag page (`page_dated="published"`) by its 'Publicerad …' or
    'Startdatum …' line, not by the last day to sign. An answer (`answer`) is dated by its own
    signature, not cut where an answer below a question would begin."""
    candidates = _date_candidates(text)
    lines = lines_of(text)
    # readers' comments below the page's text ('Kommentarer (3)', 'Kristin S, 2021-04-02')
    # date nothing (share buttons under the heading, 'Dela  Skriv ut', end nothing); the
    # page's own 'Sidan uppdaterades …' line may stand in its footer
    tail = page_tail_regex().search(text, len(text) // 2)
    if tail is not None:
        candidates = [c for c in candidates if c.start < tail.start() or _page_date_line(text, c)]
    answer_at = None if answer else appended_answer_start(text)
    if answer_at is not None and any(c.start < answer_at for c in candidates):
        candidates = [c for c in candidates if c.start < answer_at]  # not the answer's date
    if page_dated:  # the page's own date: 'Sidan uppdaterades …', 'Publicerad …', 'Startdatum …'
        own = [c for c in candidates if _page_date_line(text, c, page_dated)]
        # a list's entries may each carry 'Publicerat …': the list's own line says it was updated
        updated = [c for c in own if page_dated == "list" and _page_date_line(text, c, "updated")]
        if updated or own:
            return (updated or own)[0]
    head_end = lines[min(_HEAD_LINES, len(lines)) - 1].end if lines else 0
    protocol = bool(candidates and _PROTOCOL_HEAD.search(text, 0, head_end))
    best: tuple[float, int, Hit] | None = None
    fallback: Hit | None = None
    index = 0
    for hit in candidates:
        while index + 1 < len(lines) and lines[index].end < hit.start:
            index += 1
        score, why = _date_score(text, lines, index, hit, protocol)
        hit.attrs["placed"] = why
        if why == "skip-line":
            fallback = fallback or hit
            continue
        if score <= 0:
            continue
        # equal scores: a protocol's head dates it, any other document's signature (the later one)
        order = -hit.start if protocol else hit.start
        if best is None or (score, order) > (best[0], best[1]):
            best = (score, order, hit)
    if best is not None:
        return best[2]
    return _session_date(text) or fallback


def _page_date_line(text: str, hit: Hit, page_dated: str = "list") -> bool:
    """Whether a date stands on a page's own date line ('Sidan uppdaterades: 2023-01-16'; for
    an e-förslag only the day it was published: 'Publicerat: 2019-04-11')."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    pattern = {"published": _PAGE_PUBLISHED, "updated": _PAGE_UPDATED}.get(page_dated, _PAGE_DATE)
    return pattern.search(text, line_start, hit.start) is not None


_PROTOCOL_HEAD = lazy_compile(r"protokoll|justerandes|utdrag", regex.IGNORECASE)


_FUNCTION_WORDS = frozenset(patterns()["swedish_function_words"])
_STRIP = ".,;:!?()\"'”“»«-–"


_FOREIGN_WORDS = frozenset(patterns()["foreign_function_words"])


def _sample_words(text: str, sample: int) -> list[str]:
    words = [w.strip(_STRIP) for w in text[:sample].lower().split()]
    return [w for w in words if w.isalpha()]


def reads_as_foreign(text: str, sample: int = 1500) -> tuple[bool, float]:
    """Whether a text reads as another language: few Swedish function words and more of
    another language's (a list of names or a table has few function words of any kind)."""
    head = text[:sample].lower()
    if sum(head.count(letter) for letter in "åäö") >= 3 and (" och " in head or " att " in head):
        return False, 1.0  # plainly Swedish: skip counting
    words = _sample_words(text, sample)
    if len(words) < 30:
        return False, 0.0
    swedish = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    foreign = sum(w in _FOREIGN_WORDS for w in words) / len(words)
    return swedish < 0.04 and foreign > swedish, swedish


# A parliamentary session opens in September: July and August close the session before it.
_SESSION_FIRST_MONTH = 9
# "1998/99:356", and the session that spans the turn of the century "1999/2000:129"
_SESSION = lazy_compile(r"\b(?P<y>(?:19|20)\d{2})/(?P<yy>\d{2}|\d{4}):\d+")
_DAY_MONTH = lazy_compile(r"\b(?P<d>[0-3]?\d)\s+(?P<m>(?i:" + "|".join(_MONTHS) + r"))\b(?!\s+\d{4})")


def _session_date(text: str) -> Hit | None:
    """'den 11 oktober' in a document numbered by parliamentary session ('2011/12:36'):
    September to December fall in the session's first year, the rest in its second."""
    head = text[:600]
    session = _SESSION.search(head)
    day_month = _DAY_MONTH.search(head)
    if not (session and day_month):
        return None
    month = _MONTHS[day_month.group("m").casefold()]
    year = int(session.group("y")) + (0 if month >= _SESSION_FIRST_MONTH else 1)
    day = int(day_month.group("d"))
    if not 1 <= day <= 31:
        return None
    return Hit(day_month.start(), day_month.end(), "date:session", f"{year:04d}-{month:02d}-{day:02d}")


class MetadataFinder:
    """spaCy component: fills `doc._.radsdok.meta` (kind, title, municipality, body, date)."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        text = found.text
        kind, confidence, evidence = detect_kind(text)
        found.meta["kind"] = evidence or Hit(0, 0, "kind:keywords", kind)
        found.meta["kind"].attrs["confidence"] = confidence
        if kind == "other" or confidence < 0.5:
            found.warnings.append(("kind-uncertain", f"document kind unsure (best guess {kind!r})"))
        foreign, share = reads_as_foreign(text)
        if foreign:
            found.warnings.append(
                ("not-swedish", f"the text does not read as Swedish ({share:.0%} Swedish function words)")
            )
        for key, finder in (
            ("title", find_title),
            ("body", find_body),
            ("municipality", find_municipality),
        ):
            hit = finder(text)
            if hit is not None:
                found.meta[key] = hit
        # a list of documents, or an e-förslag page, is dated by its own publishing line
        page_dated = "list" if kind == "other" and lists_documents(evidence) else None
        date = find_date(
            text,
            page_dated="published" if kind == "medborgarforslag" else page_dated,
            answer=kind == "svar",
        )
        if date is not None:
            found.meta["date"] = date
        return doc


@Language.factory("radsdok_metadata")
def make_metadata_finder(nlp: Language, name: str) -> MetadataFinder:
    return MetadataFinder()
