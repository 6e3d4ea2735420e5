"""Att-satser: the proposals of a motion or a decision ("att …" after "yrkar", "föreslår" …)."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .findings import Hit, findings_of
from .layout import ATT_NUMBER, Item, items_of, squash
from .lexicon import compile_any

_INTRO = compile_any("proposal_intro")
_ATT_START = regex.compile(r"^(?:att\s?\d{0,2}[.):]?\s+)(?=\S)", regex.IGNORECASE)
# "Vi yrkar därför att …" / "föreslår att kommunfullmäktige beslutar att …": the att after the intro.
_INLINE = regex.compile(
    r"(?:yrkar|yrkande|föreslår|föreslås|hemställer|besluta[rs]?)(?:\s+(?:jag|vi|därför|härmed|"
    r"således|kommunfullmäktige|fullmäktige|regionfullmäktige|kommunstyrelsen|om|på|besluta|"
    r"beslutar|att\s+(?:kommun|region)?fullmäktige\s+beslutar?))*\s*:?\s+(?P<att>att\s)",
    regex.IGNORECASE,
)
_TRAILING = regex.compile(r"[\s;,]*(?:samt|och)?[\s;,]*$", regex.IGNORECASE)


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


def find_proposals(text: str) -> list[Hit]:
    """Att-clauses that follow a proposal intro, in text order."""
    hits: list[Hit] = []
    armed = False  # an intro ("yrkar", "föreslår", "beslutar") was seen just before
    for item in items_of(text):
        inline = _INLINE.search(item.text)
        if inline:
            start = item.start + inline.start("att")
            hits.append(_proposal(text, start, item.end, "proposals:intro-att"))
            armed = True
            continue
        if _is_att_item(item) and (armed or (item.marked and hits)):
            hits.append(_proposal(text, item.start, item.end, "proposals:att-item"))
            continue
        if _INTRO.search(item.text[-160:]) and len(item.text) < 400:
            armed = True
        elif item.marked or _ATT_START.match(item.text):
            continue
        else:
            armed = armed and _continues_list(item)
    return hits


def _continues_list(item: Item) -> bool:
    """A short line inside an att-list (a wrapped tail) does not end the list."""
    return len(item.text) < 80 and item.text[:1].islower()


class ProposalFinder:
    """spaCy component: fills `doc._.radsdok.proposals`."""

    def __call__(self, doc: Doc) -> Doc:
        findings_of(doc).proposals = find_proposals(doc.text)
        return doc


@Language.factory("radsdok_proposals")
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder()
