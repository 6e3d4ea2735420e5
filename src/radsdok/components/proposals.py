"""Att-satser: the proposals of a motion or a decision ("att …" after "yrkar", "föreslår" …)."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .findings import Hit, findings_of
from .layout import ATT_NUMBER, Item, items_of, squash
from .lexicon import compile_any, patterns

_INTRO = compile_any("proposal_intro")
_ATT_START = regex.compile(r"^(?:att\s?\d{0,2}[.):]?\s+)(?=\S)", regex.IGNORECASE)
# "Vi yrkar därför att …" / "föreslår att kommunfullmäktige beslutar att …": the att after the intro.
_INLINE = regex.compile(
    r"(?:yrkar|yrkande|föreslår|föreslås|hemställer|besluta[rs]?)(?:\s+(?:jag|vi|därför|härmed|"
    r"således|kommunfullmäktige|fullmäktige|regionfullmäktige|kommunstyrelsen|om|på|besluta|"
    r"beslutar|att\s+[\p{L}-]*(?:fullmäktige|nämnden|styrelsen|utskottet)\s+beslutar?))*\s*:?\s+(?P<att>att\s)",
    regex.IGNORECASE,
)
_TRAILING = regex.compile(r"(?<![\s;,])[\s;,]*+(?:(?:samt|och)[\s;,]*+)?$", regex.IGNORECASE)


def _is_att_item(item: Item) -> bool:
    """Whether an item is an att-clause ("att …", "Att …", "att1 …")."""
    return _ATT_START.match(item.text) is not None


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


_SENTENCE_END = regex.compile(r"[.!](?=\s+(?!att\b)\p{Lu})")


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """An att-clause ends at its first full stop followed by a new sentence."""
    found = _SENTENCE_END.search(text, start, end)
    return found.end() if found else end


_DECISION_INTRO = regex.compile(
    r"\b(?:föreslår|föreslås|yrkar)\b[^.\n]{0,80}?\bbesluta[rs]?\s*:?\s+(?=1[.)]\s+\p{Lu})",
    regex.IGNORECASE,
)
_POINT = regex.compile(r"(?<!\S)(?P<n>\d{1,2})[.)]\s+(?=\p{Lu})")


# A heading line over a list of decision points ("Förslag till riksdagsbeslut").
_DECISION_HEADING = regex.compile(
    r"^(?:" + "|".join(patterns()["decision_headings"]) + r")\s*:?\s*$", regex.IGNORECASE
)


_REPORTED = regex.compile(patterns()["reported_proposal"], regex.IGNORECASE)
_ATT_CLAUSE_ONLY = regex.compile(
    r"att\s+[\p{L}-]*(?:fullmäktige|nämnden|styrelsen|utskottet)\s+besluta[rs]?\s*:?\s*$", regex.IGNORECASE
)


def _reported(text: str, intro_start: int) -> bool:
    """Whether the sentence before a proposal intro names another document as its source."""
    sentence_start = max(text.rfind(". ", 0, intro_start), text.rfind("\n", 0, intro_start)) + 1
    return _REPORTED.search(text, sentence_start, intro_start) is not None


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


def find_proposals(text: str) -> list[Hit]:
    """Att-clauses that follow a proposal intro, and numbered decision points, in text order."""
    hits: list[Hit] = decision_points(text)
    if hits:
        return hits
    items = items_of(text)
    armed = False  # an intro ("yrkar", "föreslår", "beslutar") was seen just before
    listing = False  # inside the list under a decision heading ("Förslag till beslut")
    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if _DECISION_HEADING.match(item.text):
            armed = listing = True
            continue
        if listing and item.marked and not _is_att_item(item):
            end = _end_of(text, item.start, item, following)
            hits.append(_proposal(text, item.start, end, "proposals:decision-list"))
            continue
        listing = listing and item.marked
        inline = _INLINE.search(item.text)
        if inline and _reported(item.text, inline.start()):
            inline = None  # "I motionen föreslås att …" reports another document's proposal
        if inline and _ATT_CLAUSE_ONLY.match(item.text, inline.start("att")):
            armed = True  # "… föreslår att socialnämnden beslutar" introduces the att-list below
            continue
        if inline:
            start = item.start + inline.start("att")
            hits.append(_proposal(text, start, _end_of(text, start, item, following), "proposals:intro-att"))
            armed = True
            continue
        if _is_att_item(item) and (armed or (item.marked and hits)):
            end = _end_of(text, item.start, item, following)
            hits.append(_proposal(text, item.start, end, "proposals:att-item"))
            continue
        if _INTRO.search(item.text[-160:]) and len(item.text) < 400:
            armed = True
        elif item.marked or _ATT_START.match(item.text):
            continue
        else:
            armed = armed and _continues_list(item)
    return hits


def _end_of(text: str, start: int, item: Item, following: Item | None) -> int:
    """Where an att-clause ends: its first sentence, or a wrapped tail after a page/line gap."""
    end = _first_sentence_end(text, start, item.end)
    wrapped = (
        end == item.end
        and following is not None
        and not item.text.rstrip().endswith((".", ";", ":"))
        and _continues_list(following)
        and not _is_att_item(following)
    )
    if wrapped and following is not None:
        end = _first_sentence_end(text, following.start, following.end)
    return end


def _continues_list(item: Item) -> bool:
    """A short line inside an att-list (a wrapped tail) does not end the list."""
    return len(item.text) < 80 and item.text[:1].islower()


class ProposalFinder:
    """spaCy component: fills `doc._.radsdok.proposals`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        found.proposals = find_proposals(found.text)
        return doc


@Language.factory("radsdok_proposals")
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder()
