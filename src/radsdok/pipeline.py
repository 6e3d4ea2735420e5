"""Build the spaCy Language radsdok runs: a Swedish base plus radsdok's components."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components
from .components.findings import Findings
from .errors import RadsdokError

BLANK = "blank"
# Longest text spaCy is asked to hold; raised from spaCy's default for long protocols.
MAX_LENGTH = 5_000_000


class TextKeepingTokenizer:
    """Wraps a tokenizer to hand the raw text to radsdok's components (`Doc.text` is rebuilt
    from the tokens on every access, which costs as much as tokenizing)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc._.radsdok = Findings(text=text)
        return doc

    def to_disk(self, path: Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)  # type: ignore[attr-defined]

    def from_disk(self, path: Path, **kwargs: Any) -> TextKeepingTokenizer:
        self.tokenizer.from_disk(path, **kwargs)  # type: ignore[attr-defined]
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)  # type: ignore[attr-defined]

    def from_bytes(self, data: bytes, **kwargs: Any) -> TextKeepingTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)  # type: ignore[attr-defined]
        return self


def build_language(model: str | Path = BLANK) -> Language:
    """A Swedish Language with radsdok's components added.

    `model` is "blank" (rules only, `spacy.blank("sv")` plus a sentencizer), the name of an
    installed spaCy pipeline, or a path to one.
    """
    if str(model) == BLANK:
        # Rules only: radsdok's components find their own sentence ends where they need them.
        nlp = spacy.blank("sv")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise RadsdokError(str(model), f"is not an installed spaCy pipeline or path ({exc})") from exc
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LENGTH
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in components.COMPONENTS:
        nlp.add_pipe(name)
    return nlp
