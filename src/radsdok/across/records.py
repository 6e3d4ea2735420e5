"""The records the across-documents layer writes: people (with their mentions) and case threads.

Named so that an OParl export maps onto them: a `PersonRecord` is an oparl:Person, each of
its `parties` an oparl:Membership (with the dates seen) in an oparl:Organization of the
party, each of its `roles` a Membership in the body the role belongs to; a `CaseThread` is
an oparl:Paper's `reference` (its case numbers) with the papers and the agenda items
(consultations) that dealt with it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

PersonType = Literal["official", "private", "role"]


class PersonMention(BaseModel):
    """Where a document names the person: `Document.text[start:end]` of `source`."""

    source: str
    field: str = Field(
        description="authors, addressees, members or case_officer, as in Document; "
        'text: a private person the running text names ("medborgarförslag från …").'
    )
    name: str | None = Field(description="The name as written there; null for a role alone.")
    start: int | None = None
    end: int | None = None
    page: int | None = None
    role: str | None = None
    party: str | None = None
    date: str | None = None
    joined_by: str = Field(
        default="name",
        description="name: by the name (and party, place, time); role: a role-only mention joined "
        "to the person who held that role then (seen in it in the input, or for a government "
        "minister named in radsdok's table of tenures).",
    )


class Span(BaseModel):
    """A party or role of a person and the first and last date a document shows it."""

    value: str
    first: str | None = None
    last: str | None = None
    mentions: int = 0


class PersonRecord(BaseModel):
    """One person across documents (or one role no document names the holder of)."""

    id: str = Field(description="Made from the input by radsdok; the same on a rerun over the same input.")
    type: PersonType = Field(
        description="official: an office holder or official; private: a private person (the signer "
        "of a medborgarförslag); role: a role whose holder no document names."
    )
    name: str | None = Field(description="The fullest form of the name; null for a role.")
    variants: list[str] = Field(default_factory=list, description="Every other written form.")
    parties: list[Span] = Field(default_factory=list)
    roles: list[Span] = Field(default_factory=list)
    municipality: str | None = Field(
        default=None, description="The municipality (assembly) the documents belong to; null for parliament."
    )
    places: list[str] = Field(
        default_factory=list, description="Place qualifiers a parliament gives namesakes ('i Hisings Backa')."
    )
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: list[PersonMention] = Field(default_factory=list)


class ThreadDocument(BaseModel):
    """A document (or a protocol's § item) in a case thread."""

    source: str
    kind: str
    role: str = Field(description="initiative, answer, report, decision, agenda or related.")
    date: str | None = None
    title: str | None = None
    item: str | None = Field(default=None, description="The § of a protocol item ('§ 89').")


class LinkEvidence(BaseModel):
    """Where in a document the link stands: `Document.text[start:end]` of `source`."""

    source: str
    start: int | None = None
    end: int | None = None
    page: int | None = None
    rule: str
    text: str | None = None


class ThreadLink(BaseModel):
    """Why two documents are in one thread."""

    by: Literal["case_number", "answers", "item"]
    documents: list[int] = Field(description="Indexes into the thread's documents.")
    key: str | None = Field(default=None, description="The normalised case number, for case_number links.")
    evidence: list[LinkEvidence] = Field(default_factory=list)


class CaseThread(BaseModel):
    """Documents about one case: a motion, its report, its answer, the § that decided it."""

    id: str = Field(description="Made from the input; the same on a rerun over the same input.")
    case_numbers: list[str] = Field(default_factory=list, description="Normalised: 'KS 2023-00118'.")
    written: list[str] = Field(default_factory=list, description="The case numbers as written.")
    municipality: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    documents: list[ThreadDocument] = Field(default_factory=list, description="In date order.")
    links: list[ThreadLink] = Field(default_factory=list)
