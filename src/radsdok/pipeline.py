"""Build the spaCy Language radsdok runs: a Swedish base plus radsdok's components."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from . import components
from .components.findings import Findings, findings_of
from .errors import RadsdokError

BLANK = "blank"
DEFAULT = "default"
SHIPPED = "sv_radsdok_core"
# How much of a trained pipeline runs. FAST: only what radsdok's rules read (the named
# entities: tok2vec and ner, then the name completer); FULL: every component, so that the
# Doc also carries tags, morphology, dependencies, sentences and lemmas.
FAST = "fast"
FULL = "full"
ANALYSES = (FAST, FULL)
# Factories whose annotations no radsdok rule reads (the rules read `doc.ents` only).
ANALYSIS_ONLY = frozenset(
    {
        "tagger",
        "morphologizer",
        "parser",
        "senter",
        "attribute_ruler",
        "lemmatizer",
        "trainable_lemmatizer",
        "radsdok_simplemma_lemmatizer",
    }
)
# A model named with its analysis, "MODEL#full", travels as one string (to dataset workers).
_SPEC_SEPARATOR = "#"
# Longest text spaCy is asked to hold; raised from spaCy's default for long protocols.
MAX_LENGTH = 5_000_000


_LONG_RUN = re.compile(r"\S{1000,}")
_PIECE = 100
_RUNS = re.compile(r"\S+|\s+")


def chunked_doc(vocab: Vocab, text: str) -> Doc:
    """A Doc of whitespace-separated pieces at most _PIECE characters long, text kept exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    for run in _RUNS.findall(text):
        if run.isspace():
            if run == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(run)
                spaces.append(False)
            continue
        for i in range(0, len(run), _PIECE):
            words.append(run[i : i + _PIECE])
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


class TextKeepingTokenizer:
    """Wraps a tokenizer to hand the raw text to radsdok's components (`Doc.text` is rebuilt
    from the tokens on every access, which costs as much as tokenizing)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        # spaCy's affix search is quadratic in the length of one whitespace-free run
        # (50,000 quote marks take minutes): such texts get plain chunked tokens instead.
        doc = self.tokenizer(text) if _LONG_RUN.search(text) is None else chunked_doc(self.vocab, text)
        doc._.radsdok = Findings(text=text)
        return doc

    @property
    def vocab(self) -> Vocab:
        return self.tokenizer.vocab  # type: ignore[attr-defined, no-any-return]

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


def shipped_pipeline_path() -> Path:
    """Where the trained Swedish pipeline that ships with radsdok lies."""
    return Path(str(resources.files("radsdok.pipelines").joinpath(SHIPPED)))


def model_spec(model: str | Path, analysis: str = FAST) -> str:
    """One string naming a model and its analysis: "default", "default#full"."""
    check_analysis(analysis)
    return str(model) if analysis == FAST else f"{model}{_SPEC_SEPARATOR}{analysis}"


def split_spec(spec: str | Path) -> tuple[str, str]:
    """(model, analysis) from `model_spec`'s string; a plain model name has the fast analysis."""
    name = str(spec)
    head, separator, tail = name.rpartition(_SPEC_SEPARATOR)
    if separator and tail in ANALYSES:
        return head, tail
    return name, FAST


def check_analysis(analysis: str) -> None:
    if analysis not in ANALYSES:
        raise RadsdokError(analysis, "is not an analysis: 'fast' or 'full'")


def build_language(model: str | Path = DEFAULT, analysis: str = FAST) -> Language:
    """A Swedish Language with radsdok's components added.

    `model` is "default" (the trained Swedish pipeline shipped with radsdok), "blank" (rules
    only on `spacy.blank("sv")`), the name of another installed spaCy pipeline (e.g.
    "sv_core_news_lg"), or a path to one.

    `analysis` says how much of a trained pipeline runs: "fast" (the default) only what the
    rules read, the named entities (tok2vec, ner and radsdok's name completer; tagger,
    morphologizer, parser and lemmatizer are disabled and never run; `Parser` runs even
    these only on the documents that need names, see `name_pipes`); "full" every
    component, plus a sentencizer when there is no parser and simplemma lemmas when there
    is no lemmatizer, for callers who want tags, dependencies and lemmas on the `Doc`.
    """
    check_analysis(analysis)
    name = str(model)
    if name == BLANK:
        if analysis == FULL:
            raise RadsdokError(name, "runs the rules only: full analysis needs a trained pipeline")
        # Rules only: radsdok's components find their own sentence ends where they need them.
        nlp = spacy.blank("sv")
    else:
        target: str | Path = shipped_pipeline_path() if name in (DEFAULT, SHIPPED) else model
        try:
            nlp = spacy.load(target)
        except (OSError, ValueError) as exc:
            raise RadsdokError(name, f"is not an installed spaCy pipeline or path ({exc})") from exc
        if nlp.has_pipe("ner") and "PER" in nlp.get_pipe("ner").labels:
            nlp.add_pipe("radsdok_person_names", after="ner")
        if analysis == FULL:
            if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
                nlp.add_pipe("sentencizer")
            if not any(pipe_name.endswith("lemmatizer") for pipe_name in nlp.pipe_names):
                nlp.add_pipe("radsdok_simplemma_lemmatizer")
        else:
            disable_analysis(nlp)
    nlp.max_length = MAX_LENGTH
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for name in components.COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def disable_analysis(nlp: Language) -> None:
    """Disable the components whose output no rule reads, then the shared embedding layers
    (tok2vec, transformer) that no enabled component listens to any more. The named entities
    are unchanged: ner reads only its tok2vec, never the tags or the parse."""
    for pipe_name in nlp.pipe_names:
        if nlp.get_pipe_meta(pipe_name).factory in ANALYSIS_ONLY:
            nlp.disable_pipe(pipe_name)
    enabled = set(nlp.pipe_names)
    for pipe_name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listening_components", None)
        if listeners is not None and not enabled & set(listeners):
            nlp.disable_pipe(pipe_name)


# What makes the entities: the factories, and the embedding layers they listen to.
_NAME_FACTORIES = frozenset({"ner", "radsdok_person_names"})
# The one rule that reads the entities, and what it reads them for.
_NAMES_READER = "radsdok_addressees"


def name_pipes(nlp: Language) -> tuple[str, ...]:
    """The enabled components that only serve the named entities: ner, radsdok's name
    completer, and the tok2vec (or transformer) no other enabled component listens to."""
    names = {n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory in _NAME_FACTORIES}
    if not names or not nlp.has_pipe(_NAMES_READER):
        return ()
    for pipe_name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listening_components", None)
        if listeners is not None and set(listeners) & set(nlp.pipe_names) <= names:
            names.add(pipe_name)
    return tuple(n for n in nlp.pipe_names if n in names)


def needs_names(doc: Doc) -> bool:
    """Whether the rules found an addressee given by a one-word role only ("till
    socialministern"), which the addressee rule names from the text's person entities
    ("socialminister Margot Wallström"): the only use radsdok makes of the entities.

    Read after the rules, from the addressees they kept: where a document names its
    addressees, the rule drops role-only mentions, so such a document is not given
    entities (with entities from the start, a role-only mention there could have been
    named and kept too; no corpus document changes)."""
    return bool(_role_stems(doc))


def _role_stems(doc: Doc) -> set[str]:
    from .components.addressees import role_stem

    return {stem for hit in findings_of(doc).addressees if (stem := role_stem(hit))}


# Tokens of context on each side of a role mention that the entity recogniser is given: far
# more than its convolution window sees, so the entities there are those of the whole text.
NAME_WINDOW = 48


def name_windows(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges where a person entity can name a role-only addressee: around every
    token that starts with the role's stem (the rule reads an entity right after one)."""
    stems = tuple(_role_stems(doc))
    windows: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_.startswith(stems):
            start, end = max(0, token.i - NAME_WINDOW), min(len(doc), token.i + NAME_WINDOW)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def add_names(nlp: Language, docs: list[Doc], pipes: Sequence[str]) -> None:
    """Run the entity components `pipes` on the windows of Docs the rules have read where a
    person entity can name a role-only addressee (`name_windows`), put the entities found
    there on the Doc, then run the addressee rule again, now with the entities. Entities
    elsewhere in the text are never looked for: no rule reads them."""
    reader = nlp.get_pipe(_NAMES_READER)
    components = [nlp.get_pipe(pipe_name) for pipe_name in pipes]
    for doc in docs:
        entities: list[Span] = []
        for start, end in name_windows(doc):
            window = doc[start:end].as_doc()
            for component in components:
                window = component(window)
            entities += [Span(doc, start + e.start, start + e.end, label=e.label_) for e in window.ents]
        doc.ents = filter_spans(entities)
        reader(doc)
