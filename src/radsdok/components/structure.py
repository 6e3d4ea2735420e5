"""Kind-specific structure: report sections, protocol § items and members, notice agenda
items, the department and case officer of a report, and what an answer answers."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import Findings, Hit, findings_of
from .layout import Line, lines_of, squash
from .lexicon import alternation, parties, patterns
from .names import NAME, PARTY_MARK, is_plausible_name

_FLAGS = regex.IGNORECASE
_SECTION = lazy_compile(r"^(?:" + "|".join(patterns()["section_headings"]) + r")\s*:?\s*$", _FLAGS)
_DEPARTMENT = lazy_compile(patterns()["department_line"], _FLAGS)
_DEPARTMENT_IN_PROSE = lazy_compile(patterns()["department_in_prose"], _FLAGS)
_FIELD_SEPARATOR = lazy_compile(r"(?<!\s)\s*+[,|]\s*")
_ITEM_START = lazy_compile(patterns()["item_start"], _FLAGS)
_DECISION = lazy_compile(patterns()["decision_start"], _FLAGS)
_MEMBER_HEADING = lazy_compile(patterns()["member_headings"], _FLAGS)
_MEMBER_WORD = lazy_compile(r"\b(?:beslutande|närvarande|ledamöter)\b", _FLAGS)
_MIN_INLINE_MEMBERS = 3
_ANSWERED = lazy_compile(patterns()["answered_line"], _FLAGS)
_NUMBERED = lazy_compile(r"^(?P<num>\d{1,3})[.)]?\s+(?P<title>\p{Lu}.*)$")
_MEMBER = lazy_compile(rf"(?P<name>{NAME})\s*\((?P<party>[^)]{{1,30}})\)")
_TOPIC = lazy_compile(patterns()["topic_after"], _FLAGS)
_HEADING_MAX = 70
# The kinds of documents an item deals with ("Svar på motion om …" deals with a motion).
_MENTION = lazy_compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{alternation(words)})" for kind, words in patterns()["mention_keywords"].items())
    + r")(?![\p{L}])",
    _FLAGS,
)
_SUBSTITUTE = lazy_compile(patterns()["member_substitute"], _FLAGS)
_ANSWERED_FIELDS = {
    key: regex.compile(pattern, _FLAGS | regex.MULTILINE)
    for key, pattern in patterns()["answered_fields"].items()
}


def _is_heading(line: Line) -> bool:
    return len(line.text) <= _HEADING_MAX and _SECTION.match(line.text) is not None


def find_sections(text: str) -> list[Hit]:
    """Headed sections, each from its heading to the next heading (at least two needed)."""
    lines = lines_of(text)
    heads = [i for i, line in enumerate(lines) if _is_heading(line)]
    if len(heads) < 2:
        return []
    hits: list[Hit] = []
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        body = lines[i + 1 : stop]
        heading = lines[i].text.rstrip(": ")
        end = body[-1].end if body else lines[i].end
        content = text[body[0].start : end] if body else ""
        hits.append(Hit(lines[i].start, end, "structure:section", heading, {"text": content}))
    return hits


def find_department(text: str) -> Hit | None:
    """The förvaltning/kontor a report comes from: a line of its own in the head, or the
    subject of 'X föreslår …' in the report."""
    for line in lines_of(text)[:20]:
        for part in _FIELD_SEPARATOR.split(line.text):
            if _DEPARTMENT.match(part) and not _SECTION.match(part):
                start = line.start + line.text.index(part)
                return Hit(start, start + len(part), "structure:department", part)
    found = _DEPARTMENT_IN_PROSE.search(text, 0, 6000)
    if found:
        return Hit(found.start("dep"), found.end("dep"), "structure:department-proposes", found.group("dep"))
    return None


def _item_spans(text: str, starts: list[tuple[Line, str]]) -> list[tuple[Line, str, int]]:
    """Each item runs to the next one; a number repeated at once (a page header) continues it."""
    merged: list[tuple[Line, str]] = []
    for line, number in starts:
        if merged and merged[-1][1] == number:
            continue
        merged.append((line, number))
    if not merged:
        return []
    ends = [line.start for line, _ in merged[1:]] + [len(text)]
    return [(line, number, end) for (line, number), end in zip(merged, ends, strict=True)]


def _mentions(title: str) -> list[str]:
    kinds: list[str] = []
    for found in _MENTION.finditer(title):
        kind = found.lastgroup or ""
        if kind and kind not in kinds:
            kinds.append(kind)
    return kinds


def _decision(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'Kommunfullmäktige beslutar …' up to the end of its paragraph and the att-lines after it."""
    decisions = list(_DECISION.finditer(text, start, end))
    if not decisions:
        return None
    found = decisions[-1]  # the decision itself comes after any account of the motions made
    stop = end
    for heading in lines_of(text):
        if found.end() < heading.start < end and _is_heading(heading):
            stop = heading.start
            break
    return found.start(), len(text[:stop].rstrip())


def find_items(text: str, case_numbers: list[Hit], kind: str) -> list[Hit]:
    """§ items of a protocol, or numbered agenda items of a notice."""
    lines = lines_of(text)
    starts: list[tuple[Line, str]] = []
    for line in lines:
        found = _ITEM_START.match(line.text)
        if found:
            starts.append((line, found.group(0).strip()))
    if not starts and kind == "kallelse":
        for line in lines:
            found = _NUMBERED.match(line.text)
            if found and len(line.text) < 200:
                starts.append((line, found.group("num")))
    hits: list[Hit] = []
    for line, number, end in _item_spans(text, starts):
        title = (
            line.text[len(number) :].strip(" .:-–")
            if not line.text.startswith(number + ".")
            else (line.text[len(number) + 1 :].strip())
        )
        index = lines.index(line)
        if not title and index + 1 < len(lines) and lines[index + 1].start < end:
            title = lines[index + 1].text
        item_end = len(text[:end].rstrip())
        numbers = [c.text for c in case_numbers if line.start <= c.start < item_end]
        decision = _decision(text, line.start, item_end)
        attrs = {
            "title": title or None,
            "case_numbers": numbers,
            "decision": squash(text[decision[0] : decision[1]]) if decision else None,
            "mentions": _mentions(title),
        }
        hits.append(Hit(line.start, item_end, "structure:item", number, attrs))
    return hits


def find_members(text: str) -> list[Hit]:
    """'Name (Party)' entries listed under Beslutande/Närvarande."""
    lines = lines_of(text)
    hits: list[Hit] = []
    for i, line in enumerate(lines):
        if _MEMBER_WORD.search(line.text) and len(_MEMBER.findall(line.text)) >= _MIN_INLINE_MEMBERS:
            block = [line]  # a run-together list: "Ledamöter Anna Ek (S) Bo Al (M) …"
        elif _MEMBER_HEADING.match(line.text):
            block = list(lines[i + 1 : i + 80])
        else:
            continue
        for entry in block:
            found = list(_MEMBER.finditer(entry.text))
            if not found:
                break
            for member in found:
                if _SUBSTITUTE.search(entry.text[: member.start()]):
                    continue  # "… tjänstgörande ersättare för Sara Lundberg (L)": not present
                name = member.group("name")
                if not is_plausible_name(name, strict=False):
                    continue
                party = parties().resolve(
                    PARTY_MARK.sub(lambda m: m.group("party"), member.group(0))[len(name) :]
                )
                rest = entry.text[member.end() :].strip(" ,")
                role = rest if rest and len(found) == 1 and len(rest) < 40 else None
                s = entry.start + member.start()
                hits.append(
                    Hit(
                        s,
                        entry.start + member.end(),
                        "structure:member",
                        name,
                        {"party": party, "role": role},
                    )
                )
    return hits


def find_answered(text: str, case_numbers: list[Hit]) -> Hit | None:
    """What an answer answers: 'Svar på interpellation … om X' near the top."""
    for line in lines_of(text)[:12]:
        found = _ANSWERED.match(line.text)
        if not found:
            continue
        kind = {"enkel fråga": "fraga", "fråga": "fraga", "medborgarförslag": "medborgarforslag"}.get(
            found.group("kind").casefold(), found.group("kind").casefold()
        )
        topic = _TOPIC.match(line.text[found.end() :])
        title = topic.group("title").strip(" .") if topic else None
        lines = lines_of(text)
        head = text[: lines[min(15, len(lines) - 1)].end]
        stated = _ANSWERED_FIELDS["title"].search(head)
        dated = _ANSWERED_FIELDS["date"].search(head)
        attrs = {
            "kind": kind,
            "case_number": case_numbers[0].text if case_numbers else None,
            "date": dated.group("value") if dated else None,
        }
        title = stated.group("value").strip() if stated else title
        return Hit(line.start, line.end, "structure:answered", title or "", attrs)
    return None


def _fill(found: Findings, text: str) -> None:
    kind_hit = found.meta.get("kind")
    kind = kind_hit.text if kind_hit else "other"
    found.sections = find_sections(text)
    if kind in ("tjansteskrivelse", "svar"):
        found.department = find_department(text)
        officer = next((a for a in found.authors if a.rule == "authors:prose-handlaggare"), None)
        found.case_officer = officer
    if kind in ("protokoll", "kallelse"):
        found.items = find_items(text, found.case_numbers, kind)
    if kind == "protokoll":
        found.members = find_members(text)
    if kind == "svar":
        found.answered = find_answered(text, found.case_numbers)


class StructureFinder:
    """spaCy component: fills the kind-specific parts of `doc._.radsdok` (runs last)."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        _fill(found, found.text)
        return doc


@Language.factory("radsdok_structure")
def make_structure_finder(nlp: Language, name: str) -> StructureFinder:
    return StructureFinder()
