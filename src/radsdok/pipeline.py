"""Build the spaCy Language radsdok runs: a Swedish base plus radsdok's components."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components
from .errors import RadsdokError

BLANK = "blank"
# Longest text spaCy is asked to hold; raised from spaCy's default for long protocols.
MAX_LENGTH = 5_000_000


def build_language(model: str | Path = BLANK) -> Language:
    """A Swedish Language with radsdok's components added.

    `model` is "blank" (rules only, `spacy.blank("sv")` plus a sentencizer), the name of an
    installed spaCy pipeline, or a path to one.
    """
    if str(model) == BLANK:
        nlp = spacy.blank("sv")
        nlp.add_pipe("sentencizer")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise RadsdokError(str(model), f"is not an installed spaCy pipeline or path ({exc})") from exc
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LENGTH
    for name in components.COMPONENTS:
        nlp.add_pipe(name)
    return nlp
