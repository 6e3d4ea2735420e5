"""radsdok's spaCy components. Importing this module registers their factories."""

from __future__ import annotations

from . import (
    addressees,
    authors,
    case_numbers,
    lemmas,
    metadata,
    person_names,
    proposals,
    questions,
    quotes,
    structure,
)
from .findings import Findings, Hit, findings_of

# The order matters: questions read the quotes; addressees read the kind.
COMPONENTS: tuple[str, ...] = (
    "radsdok_metadata",
    "radsdok_case_numbers",
    "radsdok_quotes",
    "radsdok_questions",
    "radsdok_authors",
    "radsdok_addressees",
    "radsdok_proposals",
    "radsdok_structure",
)

__all__ = [
    "COMPONENTS",
    "Findings",
    "Hit",
    "addressees",
    "authors",
    "case_numbers",
    "findings_of",
    "lemmas",
    "metadata",
    "person_names",
    "proposals",
    "questions",
    "quotes",
    "structure",
]
