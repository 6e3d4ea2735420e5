"""Proposals: the att-satser or listed proposed decisions of a document, and a protocol's decisions.

A *zone* of proposals opens at a decision heading ("Beslut", "Förslag till beslut i
kommunfullmäktige", "Kommunledningsutskottets förslag") or at an intro that ends its line
("… yrkar:", "föreslår kommunfullmäktige besluta:", "yrkar i motionen att"). Its items are
att-clauses, dash, bullet or numbered items, and the first paragraph after it (split where a new
sentence names the deciding body); it ends at a heading, or at a paragraph that neither starts
with "att" nor names the deciding body. The same label with its decision beside it on one line
("Kommunstyrelsens förslag till beslut: Motionen bifalls.", an agenda's items) gives that
decision. Outside zones, an att-clause after an intro ("Vi yrkar
därför att …", a line of "att …" after "yrkar") is a proposal. The trigger phrases are data
(`patterns.json`: `proposal_intro`, `decision_headings`, `proposal_claim_headings` …).

A protocol records decisions: there only decision headings and intros that decide ("beslutar",
"besluta") count, not the motions and claims ("yrkar") it reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from ..reading.pdf_layout import is_page_number_line, running_key
from .findings import Hit, findings_of
from .layout import ATT_NUMBER, Item, Line, split_items, squash
from .lexicon import alternation, compile_any, ends_on, ends_on_continuation, load_json, parties, patterns
from .questions import ASKING_KINDS

_FLAGS = regex.IGNORECASE
_INTRO = compile_any("proposal_intro")
_ATT_START = lazy_compile(r"^(?:att\s?\d{0,2}[.):]?\s+)(?=\S)", _FLAGS)
_ATT_NUMBERED = lazy_compile(r"^att\s?(?:\d{1,2}[.):]?|[.):])\s", _FLAGS)
# "Vi yrkar därför att …" / "föreslår att kommunfullmäktige beslutar att …": the att after the intro.
_INLINE = lazy_compile(
    r"(?:yrkar|yrkande|föreslår|föreslås|hemställer|" + patterns()["proposal_own_statement"] + "|"
    # 'kräver' demands where the writers or a party do ('Vi kräver att', 'Moderaterna kräver att'),
    # not where a thing requires ('det kräver att kommunen …')
    r"(?:(?<=(?:\b(?:vi|jag)\b[^.!?\n]{0,30}|(?:"
    + parties().name_regex.pattern
    + r")(?:\s+i\s+\p{L}+)?)\s)kräver"
    r"|kräver(?=\s+(?:jag|vi)\b))|"
    r"besluta[rs]?)(?:\s+(?:"
    + alternation(patterns()["proposal_intro_fillers"])
    + r"|att\s+[\p{L}-]*(?:fullmäktige|nämnden|styrelsen|utskottet)\s+beslutar?))*\s*:?\s+(?P<att>att\s)",
    _FLAGS,
)
_DECIDES = lazy_compile(r"\bbesluta[rs]?\b", _FLAGS)
_TRAILING = lazy_compile(r"(?<![\s;,])[\s;,]*+(?:(?:samt|och)[\s;,]*+)?$", _FLAGS)
_SENTENCE_END = lazy_compile(r"[.!](?=\s+(?!att\b)\p{Lu})")
# Where a new sentence may start a new proposal inside a zone's paragraph.
_SENTENCE_BREAK = lazy_compile(r"[.!]\s+(?=\p{Lu}|att\b)")
_SUBJECT = lazy_compile(patterns()["decision_subject"], _FLAGS)
# "… föreslår kommunfullmäktige besluta att X": the att-clause after 'besluta' is the proposal.
_PROPOSES_DECIDING = lazy_compile(r"\bbesluta\s*:?\s*$", _FLAGS)
_ATT_WORD = lazy_compile(r"\batt\b", _FLAGS)
# A line ending in the deciding verb ('… föreslår kommunfullmäktige besluta'): att-lines follow.
_DECIDE_LINE_END = lazy_compile(r"\bbesluta[rs]?\s*$", _FLAGS)
_UNWRAPPED_LINE = 110  # longer than any wrapped line of a page: the text keeps paragraphs on one line


def _full_line(key: str) -> regex.Pattern[str]:
    return regex.compile(r"^(?:" + "|".join(patterns()[key]) + r")\s*:?\s*$", _FLAGS)


# A heading line over the proposals or decisions ("Förslag till beslut", "Beslut").
_DECISION_HEADING = _full_line("decision_headings")
# a heading over someone's proposal ('Kommunstyrelsens förslag', 'Förslag till beslut'), not
# over the decision a protocol records ('Beslut', 'Kommunfullmäktiges beslut')
_PROPOSED_HEADING = lazy_compile(alternation(patterns()["proposed_heading_words"]), _FLAGS)
# a protocol's section: '§ 41', 'KF § 41', '41 §'
_SECTION_START = lazy_compile(r"^[ \t#*]*(?:\p{Lu}{1,4}[ \t]+)?(?:§[ \t]*\d{1,4}|\d{1,4}[ \t]*§)(?!\d)")
# "Kommunfullmäktiges beslut": its items count only where they name the body or start with "att".
_WEAK_HEADING = _full_line("decision_headings_weak")
# The same heading as a label with its decision beside it on one line ("Kommunstyrelsens förslag
# till beslut: Motionen bifalls.", "Beslut: Regionfullmäktige antar planen."): an agenda's items.
# In a table row the label opens a cell ('|    | Förslag: Motionen avslås. |'); a bare 'Förslag:'
# labels a decision only where it names the deciding body or the decision ('decision_subject').
_LABELLED_DECISION = lazy_compile(
    r"^[ \t|]*(?:(?P<bare>förslag)|"
    + "|".join(patterns()["decision_headings"] + patterns()["decision_headings_weak"])
    + r")[ \t]*:[ \t]+(?=att\s|(?-i:\p{Lu}))",
    _FLAGS | regex.MULTILINE,
)
_CELL_END = lazy_compile(r"[ \t]+\|")
_CITATION = lazy_compile(patterns()["decision_citation"], _FLAGS)
_PROCEDURAL = lazy_compile(patterns()["procedural_decision"], _FLAGS)
_DECISION_REPORTED = lazy_compile(patterns()["decision_reported"], _FLAGS)
# the council documents that propose or ask themselves (kinds.json's document_kinds): a
# decision on their own page is what became of them
_OWN_PAGE_KINDS = frozenset(load_json("kinds.json")["document_kinds"])

# A heading over a motion's claims ("Yrkande"): not a decision in a protocol.
_CLAIM_HEADING = _full_line("proposal_claim_headings")
# "Förslag" over a form's proposal: like a claim heading, with att-clauses only.
_ATT_ONLY_HEADING = _full_line("proposal_headings_att_only")
# "att besluta:", "att kommunfullmäktige beslutar enligt nedan": an intro, not a proposal.
_INTRO_ONLY = lazy_compile(patterns()["proposal_intro_only"], _FLAGS)
# An intro that ends its line opens a list: "yrkar:", "föreslår … besluta", "yrkar i motionen att".
_LIST_INTRO_END = lazy_compile(patterns()["proposal_list_intro_end"], _FLAGS)
_DECISION_LINE = lazy_compile(r"^(?:" + patterns()["decision_start"] + r")(?:\s+följande)?\s*:?\s*$", _FLAGS)
_DECISION_ATT = lazy_compile(r"^(?:" + patterns()["decision_start"] + r")\s*:?\s+(?P<att>att\s)", _FLAGS)
_REPORTED = lazy_compile(patterns()["reported_proposal"], _FLAGS)
_QUOTE_MARKS = lazy_compile(r"[\"”“«»]")
_HEADING_MAX = 80
_INTRO_MAX = 400
_ZONE_PARAGRAPH_MAX = 1500
_DECISION_INTRO = lazy_compile(
    r"\b(?:föreslår|föreslås|yrkar)\b[^.\n]{0,80}?\bbesluta[rs]?\s*:?\s+(?=1[.)]\s+\p{Lu})",
    _FLAGS,
)
_POINT = lazy_compile(r"(?<!\S)(?P<n>\d{1,2})[.)]\s+(?=\p{Lu})")


def _first_att(text: str) -> int:
    """Where the first 'att' of a text stands (its length where there is none)."""
    found = _ATT_WORD.search(text)
    return found.start() if found else len(text)


def _heading(text: str, protocol: bool) -> bool:
    """A decision heading, or (outside a protocol) a heading over a motion's claims."""
    if _DECISION_HEADING.match(text) or _WEAK_HEADING.match(text):
        return True
    if protocol:
        return False
    return _CLAIM_HEADING.match(text) is not None or _ATT_ONLY_HEADING.match(text) is not None


# A paragraph, a list item or an att-line, without its marker: `text` is `[start, end)`.
Unit = Item


def _is_att(text: str) -> bool:
    """Whether a text is an att-clause ("att …", "Att …", "Att: …", "att1 …")."""
    return _ATT_START.match(text) is not None


_LISTED_RULES = ("proposals:zone-item", "proposals:att-item")


def _own_att_lines(hits: list[Hit]) -> bool:
    """Whether the hits hold att-clauses set on lines of their own (an att-list, not prose)."""
    return any(hit.rule in _LISTED_RULES and _is_att(hit.text) for hit in hits)


def _starts_unit(previous: Line, line: Line, current_is_item: bool, att_item: bool = False) -> bool:
    """Whether `line` starts a new unit inside the paragraph of `previous`."""
    if _RULE_LINE.match(line.text) or _RULE_LINE.match(previous.text):
        return True  # '____________' under a decision: the page's distribution list follows
    if previous.text.endswith(":") or _heading(previous.text, protocol=False):
        return True  # "yrkar:" / a heading line with its content below, no blank line between
    if _DECISION_HEADING.match(line.text) and len(line.text) <= _HEADING_MAX:
        return True  # an agenda item's lines, then its 'Förslag till beslut' with no blank line
    if _is_att(line.text):  # an att-line, unless a prose sentence wrapped onto "att …"
        return (
            previous.text.endswith((".", ",", ";", "!", "?"))
            or previous.text.endswith((", samt", ", och", "; samt", "; och"))  # '…, samt\natt …'
            or _DECIDE_LINE_END.search(previous.text) is not None  # '… föreslår KF besluta\natt …'
            or len(previous.text) > _UNWRAPPED_LINE  # a text not wrapped: each line its own
            or line.text.startswith("Att")
            or _ATT_NUMBERED.match(line.text) is not None
            # an att-line under an att-line that ends on no continuation word: the next clause
            # ... unless it ends on a word taking an att-clause ('… möjligheten' / 'att bygga')
            or (
                att_item
                and not ends_on_continuation(previous.text)
                and not ends_on(previous.text, _ATT_TAKING)
            )
        )
    # an item ends with its sentence: the next capitalised line is something else (a signature)
    return current_is_item and previous.text.endswith((".", "!", "?")) and line.text[:1].isupper()


_ATT_TAKING = frozenset(patterns()["att_taking_words"])
# an att-clause stopping at its subject, its verbs in the list below: '… föreslår att Uppsala kommun'
_ATT_SUBJECT_END = lazy_compile(r"(?<![\p{L}])att(?:[ \t]++[\p{L}-]++){1,3}[ \t]*+$", _FLAGS)
_RULE_LINE = lazy_compile(r"^[ \t]*[_=*-]{3,}+[ \t]*$")
_ATT_WRAP_LINES = 4  # lines an att-clause wraps over at most


def units_of(text: str) -> list[Unit]:
    """Paragraphs split into units: list items, att-lines, and the line after an intro's colon."""
    return split_items(
        text,
        lambda lines, line, marked: _starts_unit(
            lines[-1],
            line,
            marked or _is_att(lines[0].text),
            # an att-clause among the last lines (wrapped over a few): a long paragraph is not rescanned
            any(_is_att(seen.text) for seen in lines[-_ATT_WRAP_LINES:]),
        ),
    )


def _clean_end(text: str, start: int, end: int) -> int:
    segment = text[start:end]
    trimmed = _TRAILING.sub("", segment)
    return start + len(trimmed)


def _proposal(text: str, start: int, end: int, rule: str) -> Hit:
    end = _clean_end(text, start, end)
    value = squash(text[start:end])
    number = ATT_NUMBER.match(value)
    if number:  # "att1 kommunen …" -> keep "att" and drop the number
        value = "att " + value[number.end() :]
    return Hit(start, end, rule, value)


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """An att-clause in prose ends at its first full stop followed by a new sentence."""
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


def _reported(text: str, intro_start: int) -> bool:
    """Whether the sentence before a proposal intro names another document as its source."""
    sentence_start = max(text.rfind(". ", 0, intro_start), text.rfind("\n", 0, intro_start)) + 1
    return _REPORTED.search(text, sentence_start, intro_start) is not None


def _quoted(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation opened earlier in the same paragraph."""
    return len(_QUOTE_MARKS.findall(text, 0, position)) % 2 == 1


def decision_points(text: str) -> list[Hit]:
    """Numbered decision points run together after '… föreslår … besluta 1. X 2. Y'."""
    hits: list[Hit] = []
    for intro in _DECISION_INTRO.finditer(text):
        points: list[regex.Match[str]] = []
        for found in _POINT.finditer(text, intro.end(), intro.end() + 3000):
            if int(found.group("n")) != len(points) + 1:
                break
            points.append(found)
        for i, point in enumerate(points):
            start = point.end()
            end = (
                points[i + 1].start()
                if i + 1 < len(points)
                else _first_sentence_end(text, start, min(len(text), start + 1000))
            )
            hits.append(_proposal(text, start, end, "proposals:decision-point"))
    return hits


def _heading_like(unit: Unit) -> bool:
    """A short line of its own without closing punctuation: a heading, a name, a date."""
    return (
        unit.lines == 1
        and not unit.marked
        and len(unit.text) <= _HEADING_MAX
        and not unit.text.endswith((".", ",", ";", "!", "?"))
    )


def _intro_line(unit: Unit) -> bool:
    """An intro inside a zone: '… föreslår kommunstyrelsen följande förslag till beslut:',
    'Barn- och utbildningsnämnden beslutar', 'att besluta enligt nedan'."""
    if len(unit.text) > _INTRO_MAX:
        return False
    return (
        (unit.text.endswith(":") and _INTRO.search(_last_line(unit.text)) is not None)
        or _DECISION_LINE.match(unit.text) is not None
        or _INTRO_ONLY.match(unit.text) is not None
    )


def _tail_end(unit: Unit, following: Unit | None) -> int:
    """Where an item ends: the unit, or a wrapped tail after a line or page gap."""
    if (
        following is not None
        and not unit.text.endswith((".", ";", ":", "!", "?"))
        and not following.marked
        and not _is_att(following.text)
        and len(following.text) < 200
        and (
            following.text[:1].islower()
            or (following.lines == 1 and not unit.text.endswith(",") and following.text.endswith("."))
        )
    ):
        return following.end
    return unit.end


def _item_end(text: str, unit: Unit, following: Unit | None) -> int:
    """An att-clause ends at its first sentence end; a line or page break does not end it."""
    return _first_sentence_end(text, unit.start, _tail_end(unit, following))


def _zone_sentences(text: str, unit: Unit) -> list[Hit]:
    """A zone's paragraph: one proposal, or several where a sentence names the deciding body."""
    hits: list[Hit] = []
    start = unit.start
    for found in _SENTENCE_BREAK.finditer(text, unit.start, unit.end):
        following = found.end()
        if _SUBJECT.match(text, following):
            hits.append(_proposal(text, start, found.start() + 1, "proposals:zone-sentence"))
            start = following
    hits.append(_proposal(text, start, unit.end, "proposals:zone-sentence"))
    return hits


@dataclass
class _Zone:
    strict: bool = False  # items must start with "att" or name the deciding body
    taken: int = 0
    listed: bool = False  # list items were taken: a paragraph after them ends the zone
    att_only: bool = False  # only att-clauses are proposals here ('Förslag' over a form's)
    marker: str | None = None  # the list marker of its items: a differently marked unit ends it
    closed: bool = False  # a paragraph's decision ending its sentence was taken: items after it end it
    vouched: bool = False  # a list whose items name the deciding body: all its items are decisions
    records: bool = False  # in a protocol, under a heading recording a decision (not a proposal)
    proposed: bool = False  # under a heading over a proposal ('Förslag', 'Mitt förslag till beslut')


def _marker_of(text: str, unit: Unit) -> str:
    """A list item's kind of marker: 'number' ('3.', '(2)'), 'letter' ('b)') or the sign ('-', '•')."""
    marker = text[text.rfind("\n", 0, unit.start) + 1 : unit.start].strip(" \t\u00a0(")
    if marker[:1].isdigit():
        return "number"
    if marker[:1].isalpha():
        return "letter" if len(marker) <= 2 else marker.casefold()
    return marker[:1]


_BARE_NUMBER = lazy_compile(r"(?P<n>\d{1,2})[ \t]+(?=(?-i:\p{Lu}))")


def _bare_numbered(text: str, unit: Unit) -> list[tuple[int, int]]:
    """A unit whose lines are numbered '1 …', '2 …' without a dot or bracket: each item's span
    (a line not opening with the next number continues the item above); [] for any other."""
    items: list[tuple[int, int]] = []
    pos = unit.start
    for raw in text[unit.start : unit.end].split("\n"):
        line_start = pos + len(raw) - len(raw.lstrip())
        found = _BARE_NUMBER.match(text, line_start, pos + len(raw))
        if found and int(found.group("n")) == len(items) + 1:
            items.append((found.end(), pos + len(raw)))
        elif items:
            items[-1] = (items[-1][0], pos + len(raw))
        else:
            return []
        pos += len(raw) + 1
    return items if len(items) >= 2 else []


def _list_names_body(text: str, units: list[Unit], index: int) -> bool:
    """Whether the list of marked units from `index` (one marker, one paragraph) has an item
    naming the deciding body or the decision ('Kommunstyrelsen uppdrar …', 'Motionen avslås.')."""
    first = units[index]
    marker = _marker_of(text, first)
    for unit in units[index:]:
        if not unit.marked or unit.paragraph != first.paragraph or _marker_of(text, unit) != marker:
            break
        if _SUBJECT.match(unit.text):
            return True
    return False


def _zone_item(text: str, unit: Unit, following: Unit | None, zone: _Zone) -> list[Hit] | None:
    """The proposals a unit inside a zone holds ([] for an intro line), None where the zone ends."""
    if _intro_line(unit):
        return []
    if zone.att_only and not _is_att(unit.text):
        return None
    # a protocol's list under 'Kommunfullmäktiges beslut' is the decision, item by item
    items_decide = not zone.strict or zone.records
    numbered = _bare_numbered(text, unit)
    if numbered:  # '1 Motionen avslås.' / '2 Kommunstyrelsen får i uppdrag …'
        items = [(s, e) for s, e in numbered if items_decide or _SUBJECT.match(text, s)]
        zone.listed = True
        return [_proposal(text, s, _first_sentence_end(text, s, e), "proposals:zone-item") for s, e in items]
    if unit.marked and zone.marker is not None and _marker_of(text, unit) != zone.marker:
        return None  # '- Motionen avslås.' then '3. Svar på motion …': the agenda's next item
    if unit.marked and zone.closed and not zone.listed:
        return None  # a decision in a paragraph, then '4. Svar på motion …': the next item
    if unit.marked and zone.records and " " not in unit.text.strip():
        return None  # '• Register': a link below the decision, no decision of one word
    if unit.marked and zone.records and _PROCEDURAL.match(unit.text):
        zone.listed = True
        return []  # '- Interpellationen får ställas.': the procedure, not a decision on the matter
    if _is_att(unit.text) or (unit.marked and (items_decide or zone.vouched or _SUBJECT.match(unit.text))):
        zone.listed = True
        if zone.marker is None:  # unmarked att-lines are a list of their own
            zone.marker = _marker_of(text, unit) if unit.marked else "att"
        return [_proposal(text, unit.start, _item_end(text, unit, following), "proposals:zone-item")]
    if _heading_like(unit) or len(unit.text) > _ZONE_PARAGRAPH_MAX or zone.listed:
        return None
    # "Kommunstyrelsen beslutar att …", "Förvaltningen föreslår att kommunfullmäktige beslutar att …"
    first_sentence = _first_sentence_end(unit.text, 0, len(unit.text))
    decided = _DECISION_ATT.match(unit.text) or _INLINE.search(unit.text, 0, first_sentence)
    if (
        decided
        and _SUBJECT.match(unit.text)
        and not _is_att(unit.text)
        and not _PROPOSES_DECIDING.search(unit.text, 0, _first_att(unit.text))
    ):
        # the deciding body's own sentence is the decision as written, subject and all
        # ("Kommunfullmäktige beslutar att bifalla motionen.")
        return _zone_sentences(text, unit)
    if decided:
        start = unit.start + decided.start("att")
        return [_proposal(text, start, unit.end, "proposals:zone-decision")]
    if (zone.taken == 0 and not zone.strict) or _SUBJECT.match(unit.text):
        return _zone_sentences(text, unit)
    return None


_WORDED = lazy_compile(r"\p{L}{2}")  # a proposal says something in words


def find_proposals(text: str, kind: str | None = None) -> list[Hit]:
    """The document's proposals in text order: numbered decision points run together if there
    are any, else the items of the zones under decision headings, else those of intro zones and
    the att-clauses after intros. In a protocol (`kind` "protokoll") only decisions count."""
    protocol = kind == "protokoll"
    points = decision_points(text)
    if points:
        return points
    units = units_of(text)
    headed: list[Hit] = []  # from zones under a decision heading
    # in a protocol, each section's ('§ 41 …') hits from zones under a heading that records a
    # decision, and from those under any decision heading
    recorded: dict[int, list[Hit]] = {}
    headed_in: dict[int, list[Hit]] = {}
    section = 0
    hits: list[Hit] = []  # from intros
    zone: _Zone | None = None
    zone_headed = False
    armed = False  # an intro ("yrkar", "föreslår", "beslutar") was seen just before
    letterhead = running_key(text[: text.find("\n")]) if "\n" in text else None
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if protocol and _SECTION_START.match(unit.text):
            section += 1  # '§ 42' (a paragraph's number is no page furniture to this count)
        if _page_furniture(unit, letterhead):
            continue  # a page break inside a list of att-clauses ('1 (2)', the letterhead again)
        labelled = _labelled_decisions(text, unit)
        if labelled:
            headed.extend(labelled)
            zone = None
            continue
        if _heading(unit.text, protocol):
            att_only = _ATT_ONLY_HEADING.match(unit.text) is not None
            zone = _Zone(strict=_WEAK_HEADING.match(unit.text) is not None, att_only=att_only)
            zone.records = protocol and not _PROPOSED_HEADING.search(unit.text)
            zone.proposed = att_only or _PROPOSED_HEADING.search(unit.text) is not None
            zone_headed, armed = True, True
            continue
        told = (
            zone is not None
            and zone_headed
            and zone.taken == 0
            and not zone.proposed
            and kind in _OWN_PAGE_KINDS
        )
        if told and _DECISION_REPORTED.match(unit.text):
            # 'Beslut' / 'Regionfullmäktige beslutade 2021-10-19 att anse motionen besvarad.'
            # on a motion's page: the case's fate, not what the motion proposes
            zone = None
            continue
        if zone is not None:
            if zone.strict and unit.marked and not zone.listed:
                # '1. Elever … beviljas skolskjuts.' among items that name the body: the list decides
                zone.vouched = _list_names_body(text, units, index)
            found = _zone_item(text, unit, following, zone)
            if found is not None:
                (headed if zone_headed else hits).extend(found)
                if zone_headed:
                    headed_in.setdefault(section, []).extend(found)
                    if zone.records:
                        recorded.setdefault(section, []).extend(found)
                zone.taken += len(found)
                zone.closed = zone.closed or (
                    not unit.marked and any(hit.text.endswith((".", "!")) for hit in found)
                )
                continue
            zone = None
        inline = _INLINE.search(unit.text)
        if inline and (
            _reported(unit.text, inline.start())
            or _quoted(unit.text, inline.start())
            or (protocol and not _DECIDES.search(inline.group()))
        ):
            inline = None  # "I motionen föreslås att …", a quoted decision, a claim in a protocol
        if inline and (_INTRO_ONLY.match(unit.text, inline.start("att")) or _opens_list(unit, following)):
            # "… föreslår att socialnämnden beslutar", "… yrkar att X ges i uppdrag att:"
            # introduce the list below
            armed = True
            zone, zone_headed = _Zone(), False
            continue
        if inline:
            start = unit.start + inline.start("att")
            end = _first_sentence_end(text, start, _tail_end(unit, following))
            hits.append(_proposal(text, start, end, "proposals:intro-att"))
            armed = True
            continue
        if _is_att(unit.text) and (armed or (unit.marked and hits)):
            hits.append(_proposal(text, unit.start, _item_end(text, unit, following), "proposals:att-item"))
            continue
        tail = _last_line(unit.text)
        intro = _INTRO.search(tail) if len(unit.text) < _INTRO_MAX or len(tail) < _HEADING_MAX else None
        if intro and not (protocol and not _DECIDES.search(tail)):
            armed = True
            if _LIST_INTRO_END.search(unit.text) and not _quoted(unit.text, len(unit.text)):
                zone, zone_headed = _Zone(), False
        elif unit.marked or _is_att(unit.text):
            continue
        else:
            armed = armed and _continues_list(unit)
    # a protocol's decisions are those it records ('Kommunfullmäktiges beslut'), not the
    # proposals it reports before them ('Kommunstyrelsens förslag'), section by section
    if recorded:
        recorded_ids = {id(hit) for found in recorded.values() for hit in found}
        reported = {
            id(hit)
            for sec, found in headed_in.items()
            if sec in recorded
            for hit in found
            if id(hit) not in recorded_ids
        }
        headed = [hit for hit in headed if id(hit) not in reported]
    formal = (_is_att(h.text) or _SUBJECT.match(h.text) for h in hits if h.rule.startswith("proposals:zone"))
    if any(formal):  # att-clauses or decisions ('Motionen anses besvarad'), not a list of things
        # a list introduced on its own line ('… föreslår kommunfullmäktige besluta' / 'att …') is
        # the proposal; an att-clause in a paragraph's prose ('och föreslår att förslaget bifalls')
        # restates it
        hits = [hit for hit in hits if hit.rule != "proposals:intro-att"]
    if kind in ASKING_KINDS:
        headed = []  # a portal's handling of a question ('Interpellationen besvaras.') proposes nothing
    elif kind in _OWN_PAGE_KINDS and _own_att_lines(hits) and not any(_is_att(h.text) for h in headed):
        # a motion's own att-clauses on a portal's item page, under the portal's 'Förslag till
        # beslut: Motionen remitteras …': the motion proposes them, the portal its handling
        headed = []
    chosen = headed or hits
    # a question asks, it proposes nothing ('… vill jag att ordföranden svarar på följande:'),
    # and an item left as its number alone ('2. 7.' where two numberings meet) says nothing
    return [hit for hit in chosen if not hit.text.rstrip().endswith("?") and _WORDED.search(hit.text)]


def _labelled_decisions(text: str, unit: Unit) -> list[Hit]:
    """The decisions a unit gives beside a decision label, each to its first sentence end."""
    hits: list[Hit] = []
    segment = text[unit.start : unit.end]  # the unit starts after its item marker ('4.  Beslut: …')
    labels = [
        found
        for found in _LABELLED_DECISION.finditer(segment)
        if not _quoted(segment, found.start())
        and (not found.group("bare") or _SUBJECT.match(segment, found.end()))
    ]
    for index, label in enumerate(labels):
        start = unit.start + label.end()
        stop = unit.start + labels[index + 1].start() if index + 1 < len(labels) else unit.end
        line_end = text.find("\n", start, stop)
        line = text[start : line_end if line_end >= 0 else stop]
        cell = _CELL_END.search(line)
        if cell is not None:  # a table cell: the decision ends at its border
            stop = start + cell.start()
        elif line_end >= 0 and line.rstrip().endswith((".", "!")):
            stop = line_end  # a decision ending its line: the next line is the agenda's again
        end = _first_sentence_end(text, start, stop)
        if not (_is_att(text[start:end]) or text[start:end].rstrip().endswith((".", "!"))):
            continue  # 'Beslut: Avslag, KF 2008-09-23 § 176': a register's status, no decision
        if _CITATION.match(squash(text[start:end])):
            continue  # 'Beslut: Kommunfullmäktige 2017-02-21 § 14.': where it was decided
        hits.append(_proposal(text, start, end, "proposals:labelled-decision"))
    return hits


def _page_furniture(unit: Unit, letterhead: str | None) -> bool:
    """A page number line, or a page's running header: the document's first line again."""
    first = unit.text.split("\n", 1)[0]
    if is_page_number_line(first) and "\n" not in unit.text:
        return True
    return bool(letterhead) and unit.start > 0 and running_key(first) == letterhead


def _opens_list(unit: Unit, following: Unit | None) -> bool:
    """An att-clause that ends in a colon with list items under it is their intro; so is one
    that stops at its subject ('Jag föreslår att kommunen' / '- lagar bryggan …')."""
    if following is None or not (following.marked or _is_att(following.text)):
        return False
    return unit.text.rstrip().endswith(":") or (
        following.marked and _ATT_SUBJECT_END.search(unit.text) is not None
    )


def _last_line(text: str) -> str:
    """The last line of a unit, or its last 160 characters."""
    return text[max(text.rfind("\n") + 1, len(text) - 160) :]


def _continues_list(unit: Unit) -> bool:
    """A short line inside an att-list (a wrapped tail) does not end the list."""
    return len(unit.text) < 80 and unit.text[:1].islower()


class ProposalFinder:
    """spaCy component: fills `doc._.radsdok.proposals`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        kind = found.meta.get("kind")
        proposals = find_proposals(found.text, kind.text if kind else None)
        found.proposals = [hit for hit in proposals if _says_something(hit.text)]
        return doc


_WORD = lazy_compile(r"\p{L}[\p{L}\d-]*")
_MIN_WORDS = 2  # 'Register' alone under a decision's bullets is a site's link, no decision


def _says_something(proposal: str) -> bool:
    """Whether a proposal's words make more than a label: 'att' aside, two words at least."""
    words = [w for w in _WORD.findall(proposal) if w.casefold() != "att"]
    return len(words) >= _MIN_WORDS


@Language.factory("radsdok_proposals")
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder()
