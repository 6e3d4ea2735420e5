"""What the components find: plain records on `doc._.radsdok`, no pydantic here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc


@dataclass
class Hit:
    """One extracted value: the span `[start, end)` of the doc's text it came from."""

    start: int
    end: int
    rule: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Findings:
    """Everything radsdok's components found in one document, and its text (read once:
    `Doc.text` rebuilds the string from the tokens on every access)."""

    text: str = ""
    case_numbers: list[Hit] = field(default_factory=list)
    authors: list[Hit] = field(default_factory=list)
    addressees: list[Hit] = field(default_factory=list)
    questions: list[Hit] = field(default_factory=list)
    quotes: list[Hit] = field(default_factory=list)
    proposals: list[Hit] = field(default_factory=list)
    meta: dict[str, Hit] = field(default_factory=dict)
    sections: list[Hit] = field(default_factory=list)
    items: list[Hit] = field(default_factory=list)
    members: list[Hit] = field(default_factory=list)
    department: Hit | None = None
    case_officer: Hit | None = None
    answered: Hit | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)


if not Doc.has_extension("radsdok"):
    Doc.set_extension("radsdok", default=None)


def findings_of(doc: Doc) -> Findings:
    """The doc's Findings, created on first use."""
    found = doc._.radsdok
    if found is None:
        found = Findings(text=doc.text)
        doc._.radsdok = found
    return found


KIND_MIN_CONFIDENCE = 0.3  # below it a document is reported as "other"


def reported_kind(found: Findings) -> str:
    """The kind the Document will report: the detected kind, or "other" where it is too
    unsure (a kind word or two counted in passing); what the components decide by."""
    kind = found.meta.get("kind")
    if kind is None or kind.attrs.get("confidence", 0.0) < KIND_MIN_CONFIDENCE:
        return "other"
    return kind.text


MEETING_PAGE_RULE = "kind:meeting-page"


def reading_kind(found: Findings) -> str:
    """The kind the components read the text as: the reported kind, except that a meeting
    page (an agenda or a summary of a sitting's decisions, reported as "other" for want of a
    protocol's section marks) is read as the protocol it stands for: no authors, and its
    questions and decisions as a protocol's."""
    kind = found.meta.get("kind")
    if kind is not None and kind.rule == MEETING_PAGE_RULE:
        return "protokoll"
    return reported_kind(found)


def lists_documents(kind_hit: Hit | None) -> bool:
    """Whether the kind decision found the text listing documents ('about:lists',
    'about:lists-records', 'about:lists-table' in its evidence, metadata.kind_evidence), or
    headed by a list's title: a kind in the plural ('Våra motioner', 'Motioner 2022')."""
    evidence = kind_hit.attrs.get("evidence", ()) if kind_hit is not None else ()
    return any(str(why).startswith(("about:lists", "about:heading-plural")) for why in evidence)


def first_of_each(hits: list[Hit]) -> list[Hit]:
    """Hits with distinct texts (whitespace and case folded), the first occurrence kept."""
    seen: set[str] = set()
    out: list[Hit] = []
    for hit in hits:
        key = " ".join(hit.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out
