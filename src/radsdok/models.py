"""The pydantic models radsdok returns. Field names are a contract: tools read this JSON."""

from __future__ import annotations

import warnings
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentKind = Literal[
    "interpellation",
    "motion",
    "fraga",
    "medborgarforslag",
    "svar",
    "tjansteskrivelse",
    "protokoll",
    "kallelse",
    "other",
]


class Evidence(BaseModel):
    """Where a value came from: `Document.text[start:end]`, the PDF page, and the rule."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Offset of the first character in Document.text.")
    end: int = Field(ge=0, description="Offset one past the last character in Document.text.")
    page: int | None = Field(default=None, ge=1, description="1-based PDF page; null for text.")
    rule: str = Field(description="The component or pattern that produced the value.")


class Person(BaseModel):
    """An author (signer) of a document."""

    name: str | None = Field(default=None, description="Null where only a party signs.")
    party: str | None = Field(
        default=None, description="National abbreviation (V, S, M, SD, C, KD, L, MP) or local name."
    )
    role: str | None = Field(default=None, description="E.g. 'gruppledare'.")
    evidence: Evidence
    party_evidence: Evidence | None = Field(
        default=None,
        description="Where the party is stated when not beside the name: a letterhead, a "
        "'För Vänsterpartiet' line, 'Vänsterpartiet yrkar …'.",
    )


class Addressee(BaseModel):
    """A politician or role a document is addressed to."""

    name: str | None = Field(default=None, description="Null where only a role is given.")
    role: str | None = None
    party: str | None = None
    evidence: Evidence


class Question(BaseModel):
    """A question asked, exactly as written, without numbering or bullets."""

    text: str
    evidence: Evidence


class Quote(BaseModel):
    """A quoted passage without its quote marks, with its source where the text says it."""

    text: str
    source: str | None = None
    evidence: Evidence


# ABCMeta.register is a class-level method; an instance field of that name is harmless.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class CaseNumber(BaseModel):
    """A diarienummer as written (without the label word), with its parts where the form allows."""

    text: str
    register: str | None = Field(default=None, description="E.g. 'KS', 'SN'.")
    year: int | None = None
    serial: str | None = Field(default=None, description="The running number, as written.")
    filing_code: str | None = Field(
        default=None,
        description="An archive classification code written after the number: '013' in 'KS 2021/0280 013'.",
    )
    evidence: Evidence


class Proposal(BaseModel):
    """An att-sats of a motion or a decision proposal, starting with 'att'."""

    text: str
    evidence: Evidence


class Warning(BaseModel):
    """Something the parser could not decide or had to work around."""

    code: str
    message: str


class Section(BaseModel):
    """A headed part of a report ("Bakgrund", "Ärendebeskrivning", "Förvaltningens bedömning")."""

    heading: str
    text: str = Field(description="The section's body as written (without the heading).")
    evidence: Evidence


class AgendaItem(BaseModel):
    """A § of a protocol or an item of a notice (kallelse / föredragningslista)."""

    number: str = Field(description="As written: '§ 87', '12'.")
    title: str | None = None
    case_numbers: list[str] = Field(default_factory=list)
    decision: str | None = Field(default=None, description="'Kommunfullmäktige beslutar …' as written.")
    mentions: list[DocumentKind] = Field(
        default_factory=list, description="Kinds of documents the item deals with (motion, interpellation …)."
    )
    evidence: Evidence


class AnsweredDocument(BaseModel):
    """What an answer (svar) answers."""

    kind: DocumentKind | None = None
    title: str | None = None
    date: str | None = None
    case_number: str | None = None
    evidence: Evidence


class Document(BaseModel):
    """One parsed council document."""

    source: str = Field(description="The file or label the text came from.")
    format: str | None = Field(
        default=None,
        description="What the file was read as, by its content: txt, md, pdf, docx, odt, html.",
    )
    metadata: dict[str, str] = Field(
        default_factory=dict,
        description="What the file says about itself beside its text (a web page's url, "
        "published date and title), not part of `text`.",
    )
    kind: DocumentKind = "other"
    title: str | None = None
    municipality: str | None = None
    body: str | None = Field(default=None, description="The assembly or board addressed.")
    date: str | None = Field(default=None, description="ISO date, YYYY-MM-DD.")
    authors: list[Person] = Field(default_factory=list)
    addressees: list[Addressee] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    case_numbers: list[CaseNumber] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    # Kind-specific parts (empty where the kind has none).
    kind_confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="How sure the kind is.")
    department: str | None = Field(default=None, description="Förvaltning or kontor (reports).")
    case_officer: str | None = Field(default=None, description="Handläggare (reports).")
    sections: list[Section] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list, description="§ items (protokoll, kallelse).")
    members: list[Person] = Field(default_factory=list, description="Närvarande/beslutande (protokoll).")
    answers: AnsweredDocument | None = Field(default=None, description="What a svar answers.")
    page_range: list[int] | None = Field(
        default=None, description="[first, last] page of a document split out of a PDF bundle."
    )
    part: int | None = Field(
        default=None, description="1-based position of the document in its file's bundle."
    )
    evidence: dict[str, Evidence] = Field(
        default_factory=dict,
        description="Evidence for the scalar fields (kind, title, municipality, body, date).",
    )
    pages: int | None = Field(default=None, description="Number of pages, for PDFs.")
    page_starts: list[int] | None = Field(
        default=None,
        description="PDFs: the offset in `text` where each page starts; the first is the page "
        "`page_range[0]` for a part of a bundle, else page 1.",
    )
    ocr_pages: list[int] = Field(
        default_factory=list,
        description="PDFs: the pages (numbered as in the file) whose text was recognised by OCR.",
    )
    text: str | None = Field(default=None, description="The clean text all offsets index.")

    def _repr_html_(self) -> str:
        """Jupyter: the HTML view (radsdok.html) in an iframe, so its styles stay inside it."""
        from .html import render_iframe

        return render_iframe(self)
