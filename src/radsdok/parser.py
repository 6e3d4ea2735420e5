"""Parser: the one place that wires reading -> pipeline -> extract.

spaCy and the model are imported and loaded only when a Parser is built (`load()` builds one
per process and keeps it), so that importing this module, listing files and reporting
argument errors stay quick."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ParseFailed, RadsdokError
from .limits import DEFAULT_TIMEOUT, time_limit
from .reading import (
    MAX_BYTES,
    MAX_INFLATED,
    MAX_PAGES,
    SourceText,
    is_document_file,
    read_file,
    text_from_string,
)
from .reading.ocr_modes import DEFAULT_OCR, check_mode
from .split import split_source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .models import Document

# The names of radsdok.pipeline (DEFAULT, FAST), repeated here so that importing this module
# does not import spaCy; tests/test_fast_start.py checks they agree.
DEFAULT = "default"
FAST = "fast"
_BATCH_SIZE = 16


@dataclass(frozen=True)
class Failure:
    """A file that could not be parsed, and why."""

    source: str
    error: RadsdokError


class Parser:
    """Holds one built pipeline; parse many documents with it."""

    def __init__(
        self,
        model: str | Path = DEFAULT,
        *,
        analysis: str = FAST,
        fast_pdf: bool = False,
        pdf_reader: str | None = None,
        max_bytes: int | None = MAX_BYTES,
        max_pages: int | None = MAX_PAGES,
        max_inflated: int | None = MAX_INFLATED,
        timeout: float | None = DEFAULT_TIMEOUT,
        ocr: str = DEFAULT_OCR,
    ) -> None:
        from .pipeline import build_language, name_pipes, split_spec
        from .reading.pdf import pdf_reader_name

        # A model may name its analysis ("default#full", see pipeline.model_spec).
        name, named_analysis = split_spec(model)
        self.model = name
        self.analysis = named_analysis if analysis == FAST else analysis
        # The PDF reader (reading.pdf.PDF_READERS); fast_pdf=True is the old spelling of "fast".
        self.pdf_reader = pdf_reader_name(pdf_reader, fast_pdf)
        self.max_bytes = max_bytes
        self.max_pages = max_pages
        self.max_inflated = max_inflated  # bytes one compressed PDF stream may inflate to
        self.timeout = timeout  # seconds per document, reading included (OCR too); None: no limit
        # PDF pages Tesseract recognises: "auto" (those without a text layer), "always", "never"
        self.ocr = check_mode(ocr)
        self.nlp: Language = build_language(name, self.analysis)
        # With the fast analysis, the components that make the named entities run only on the
        # documents whose rules need names (see pipeline.needs_names), after the rules.
        self.names_on_demand: tuple[str, ...] = name_pipes(self.nlp) if self.analysis == FAST else ()

    @property
    def fast_pdf(self) -> bool:
        """True when PDFs are read by the "fast" reader (the old switch; see `pdf_reader`)."""
        return self.pdf_reader == "fast"

    @fast_pdf.setter
    def fast_pdf(self, fast: bool) -> None:
        from .reading.pdf import DEFAULT_PDF_READER

        if fast != self.fast_pdf:
            self.pdf_reader = "fast" if fast else DEFAULT_PDF_READER

    def read(self, path: str | Path) -> SourceText:
        """Read one file into a SourceText (raises a RadsdokError naming the file)."""
        with time_limit(self.timeout, str(path)):
            return read_file(
                path,
                pdf_reader=self.pdf_reader,
                max_bytes=self.max_bytes,
                max_pages=self.max_pages,
                max_inflated=self.max_inflated,
                ocr=self.ocr,
            )

    def parse_source(self, source: SourceText, *, include_text: bool = True) -> Document:
        from .extract import to_document

        with time_limit(self.timeout, source.source):
            return to_document(self.run([source.text])[0], source, include_text=include_text)

    def run(self, texts: list[str]) -> list[Doc]:
        """The pipeline's Docs for `texts`; with the fast analysis, the named entities only on
        the Docs that need them (a Doc without that need has no entity annotation)."""
        if not self.names_on_demand:
            return list(self.nlp.pipe(texts))
        from .pipeline import add_names, needs_names

        docs = list(self.nlp.pipe(texts, disable=list(self.names_on_demand)))
        add_names(self.nlp, [doc for doc in docs if needs_names(doc)], self.names_on_demand)
        return docs

    def parse(self, path: str | Path, *, include_text: bool = True) -> Document:
        """Parse one file (.txt, .md, .pdf, .docx, .odt, .html; the format told by its bytes)."""
        return self.parse_source(self.read(path), include_text=include_text)

    def split(self, path: str | Path, *, include_text: bool = True) -> list[Document]:
        """Parse a file that may hold several documents: one Document per contained document."""
        return [self.parse_source(part, include_text=include_text) for part in split_source(self.read(path))]

    def parse_text(self, text: str, source: str = "<text>", *, include_text: bool = True) -> Document:
        """Parse a string already in memory."""
        return self.parse_source(text_from_string(text, source), include_text=include_text)

    def _batch(self, sources: list[SourceText], include_text: bool) -> list[Document]:
        from .extract import to_document

        docs = self.run([s.text for s in sources])
        return [to_document(doc, s, include_text=include_text) for doc, s in zip(docs, sources, strict=True)]

    def _one(self, source: SourceText, include_text: bool) -> Document | Failure:
        try:
            return self.parse_source(source, include_text=include_text)
        except RadsdokError as exc:
            return Failure(source.source, exc)
        except Exception as exc:  # a bug in radsdok: reported for this file, the batch goes on
            return _internal_failure(source, exc)

    def pipe(
        self,
        paths: Iterable[str | Path],
        *,
        include_text: bool = True,
        batch_size: int = _BATCH_SIZE,
        split: bool = False,
    ) -> Iterator[Document | Failure]:
        """Parse many files through `nlp.pipe`, in order; a bad file yields a Failure, not an error.
        With `split`, a file holding several documents yields one Document for each."""

        def readable() -> Iterator[tuple[str, SourceText | Failure]]:
            for path in paths:
                try:
                    source = self.read(path)
                except RadsdokError as exc:
                    yield str(path), Failure(str(path), exc)
                    continue
                for part in split_source(source) if split else [source]:
                    yield str(path), part

        pending: list[SourceText | Failure] = []

        def flush() -> Iterator[Document | Failure]:
            sources = [s for s in pending if isinstance(s, SourceText)]
            try:
                with time_limit(self.timeout and self.timeout * len(sources), "a batch"):
                    documents = iter(self._batch(sources, include_text))
            except Exception:  # one document broke or stalled the batch: redo it one by one
                documents = iter([self._one(source, include_text) for source in sources])
            for item in pending:
                yield item if isinstance(item, Failure) else next(documents)
            pending.clear()

        for _, item in readable():
            pending.append(item)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


def _internal_failure(source: SourceText, exc: Exception) -> Failure:
    message = f"radsdok failed on this file ({type(exc).__name__}: {exc}); please report it"
    return Failure(source.source, ParseFailed(source.source, message))


def expand_paths(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the supported files under named directories (sorted)."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(_files_under(path))
        else:
            yield path


def _files_under(folder: Path) -> Iterator[Path]:
    """Supported files below `folder`; symbolic links to folders are not followed (no loops).
    A folder that cannot be listed is yielded too, so that reading it reports it."""
    unlistable: list[Path] = []
    for root, dirs, files in os.walk(
        folder, followlinks=False, onerror=lambda exc: unlistable.append(Path(exc.filename or folder))
    ):
        dirs.sort()
        for name in files:
            child = Path(root) / name
            if not _is_sidecar(child) and is_document_file(child):
                yield child
    yield from unlistable


def _is_sidecar(path: Path) -> bool:
    """Files beside documents that are not documents: gold/source sidecars, READMEs, hidden files."""
    return (
        path.name.endswith((".gold.json", ".source.json"))
        or path.name.startswith(".")
        or (path.stem.upper() == "README")
    )


_DEFAULT: dict[tuple[str, str, str], Parser] = {}


def load(
    model: str | Path = DEFAULT,
    *,
    fast_pdf: bool = False,
    analysis: str = FAST,
    pdf_reader: str | None = None,
    ocr: str = DEFAULT_OCR,
) -> Parser:
    """A Parser with its pipeline built on first use and cached per (model, analysis, PDF
    reader, ocr).

    `pdf_reader` is one of `reading.pdf.PDF_READERS` ("pdfium", the default; "pdfplumber";
    "fast", which `fast_pdf=True` also selects). `analysis="fast"` (the default) runs only
    what radsdok's rules read from a trained pipeline (its named entities); `analysis="full"`
    runs every component, so that `parser.nlp(text)` also gives tags, morphology,
    dependencies, sentences and lemmas. The extracted Documents are the same either way.
    `ocr` says which PDF pages Tesseract recognises: "auto" (the pages without a text
    layer), "always" (every page) or "never"."""
    from .pipeline import model_spec
    from .reading.pdf import pdf_reader_name

    key = (model_spec(model, analysis), pdf_reader_name(pdf_reader, fast_pdf), check_mode(ocr))
    if key not in _DEFAULT:
        _DEFAULT[key] = Parser(key[0], pdf_reader=key[1], ocr=key[2])
    return _DEFAULT[key]


def parse(path: str | Path, *, model: str | Path = DEFAULT, include_text: bool = True) -> Document:
    """Parse one file with the cached default parser."""
    return load(model).parse(path, include_text=include_text)


def parse_text(
    text: str, source: str = "<text>", *, model: str | Path = DEFAULT, include_text: bool = True
) -> Document:
    """Parse a string with the cached default parser."""
    return load(model).parse_text(text, source, include_text=include_text)
