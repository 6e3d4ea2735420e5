"""spaCy Doc with radsdok findings -> pydantic Document (assembly only)."""

from __future__ import annotations

from spacy.tokens import Doc

from .components.findings import Findings, Hit, findings_of, reported_kind
from .models import (
    Addressee,
    AgendaItem,
    AnsweredDocument,
    CaseNumber,
    Document,
    Evidence,
    Person,
    Proposal,
    Question,
    Quote,
    Section,
    Warning,
)
from .reading.source import SourceText


def _evidence(hit: Hit, source: SourceText) -> Evidence:
    return Evidence(start=hit.start, end=hit.end, page=source.page_at(hit.start), rule=hit.rule)


def _party_evidence(hit: Hit, source: SourceText, kind: str) -> Evidence | None:
    """Where an author's party was stated away from the name (start, end, rule in attrs)."""
    where = hit.attrs.get("party_evidence")
    if where is None or kind == "medborgarforslag":
        return None
    start, end, rule = where
    return Evidence(start=start, end=end, page=source.page_at(start), rule=rule)


# What a document of each kind is expected to yield; a miss becomes a warning, so an
# empty field is never silent.
_EXPECTED: dict[str, tuple[str, ...]] = {
    "interpellation": ("authors", "questions"),
    "fraga": ("authors", "questions"),
    "motion": ("authors", "proposals"),
    "medborgarforslag": ("authors",),
}


def _missing(kind: str, found: Findings) -> list[tuple[str, str]]:
    return [
        (f"no-{field.replace('_', '-')}", f"no {field} found in a document read as {kind}")
        for field in _EXPECTED.get(kind, ())
        if not getattr(found, field)
    ]


def _answered(hit: Hit | None, source: SourceText) -> AnsweredDocument | None:
    if hit is None:
        return None
    return AnsweredDocument(
        kind=hit.attrs.get("kind"),
        title=hit.text or None,
        date=hit.attrs.get("date"),
        case_number=hit.attrs.get("case_number"),
        evidence=_evidence(hit, source),
    )


def to_document(doc: Doc, source: SourceText, *, include_text: bool = True) -> Document:
    """Assemble the Document from what the components found."""
    found = findings_of(doc)
    meta = found.meta
    kind_hit = meta.get("kind")
    kind = reported_kind(found)
    warnings = [Warning(code=w.code, message=w.message) for w in source.warnings]
    warnings += [Warning(code=code, message=message) for code, message in found.warnings]
    warnings += [Warning(code=code, message=message) for code, message in _missing(kind, found)]
    document = Document(
        source=source.source,
        format=source.format,
        metadata=dict(source.metadata),
        kind=kind,  # type: ignore[arg-type]
        title=meta["title"].text if "title" in meta else None,
        municipality=meta["municipality"].text if "municipality" in meta else None,
        body=meta["body"].text if "body" in meta else None,
        date=meta["date"].text if "date" in meta else None,
        authors=[
            Person(
                name=h.text or None,
                party=None if kind == "medborgarforslag" and h.text else h.attrs.get("party"),
                role=h.attrs.get("role"),
                evidence=_evidence(h, source),
                party_evidence=_party_evidence(h, source, kind),
            )
            for h in found.authors
        ],
        addressees=[
            Addressee(
                name=h.text or None,
                role=h.attrs.get("role"),
                party=h.attrs.get("party"),
                evidence=_evidence(h, source),
            )
            for h in found.addressees
        ],
        questions=[Question(text=h.text, evidence=_evidence(h, source)) for h in found.questions],
        quotes=[
            Quote(text=h.text, source=h.attrs.get("source"), evidence=_evidence(h, source))
            for h in found.quotes
        ],
        case_numbers=[
            CaseNumber(
                text=h.text,
                register=h.attrs.get("register"),
                year=h.attrs.get("year"),
                serial=h.attrs.get("serial"),
                filing_code=h.attrs.get("filing_code"),
                evidence=_evidence(h, source),
            )
            for h in found.case_numbers
        ],
        proposals=[Proposal(text=h.text, evidence=_evidence(h, source)) for h in found.proposals],
        warnings=warnings,
        evidence={key: _evidence(hit, source) for key, hit in meta.items() if hit.end > hit.start},
        kind_confidence=round(kind_hit.attrs.get("confidence", 0.0), 3) if kind_hit else 0.0,
        department=found.department.text if found.department else None,
        case_officer=found.case_officer.text if found.case_officer else None,
        sections=[
            Section(heading=h.text, text=h.attrs["text"], evidence=_evidence(h, source))
            for h in found.sections
        ],
        items=[
            AgendaItem(
                number=h.text,
                title=h.attrs.get("title"),
                case_numbers=h.attrs.get("case_numbers", []),
                decision=h.attrs.get("decision"),
                mentions=h.attrs.get("mentions", []),
                evidence=_evidence(h, source),
            )
            for h in found.items
        ],
        members=[
            Person(
                name=h.text,
                party=h.attrs.get("party"),
                role=h.attrs.get("role"),
                evidence=_evidence(h, source),
            )
            for h in found.members
        ],
        answers=_answered(found.answered, source),
        page_range=source.page_range,
        part=source.part,
        pages=source.page_count,
        page_starts=list(source.page_starts) if source.page_starts is not None else None,
        ocr_pages=list(source.ocr_pages),
        text=source.text if include_text else None,
    )
    return document
