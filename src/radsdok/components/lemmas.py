"""Swedish lemmas from simplemma (Wiktionary data, no model files): the factory
`radsdok_simplemma_lemmatizer`, added after a trained pipeline by `radsdok.pipeline`."""

from __future__ import annotations

from collections.abc import Iterable

import simplemma
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example


class SimplemmaLemmatizer:
    """Set ``token.lemma_`` with ``simplemma.lemmatize(token.text, lang="sv")``.

    The token text is passed unchanged: simplemma itself tries the form as written and
    then lowercased, so a capitalised sentence-initial word gets its lowercase lemma
    ("Kommunen" -> "kommun") while a known proper name keeps its case ("Stockholm").
    Whitespace tokens get their own text. With ``overwrite=False`` lemmas already set by
    an earlier component are kept.
    """

    def __init__(
        self,
        name: str = "radsdok_simplemma_lemmatizer",
        *,
        lang: str = "sv",
        overwrite: bool = True,
        greedy: bool = False,
    ) -> None:
        self.name = name
        self.lang = lang
        self.overwrite = overwrite
        self.greedy = greedy
        self._cache: dict[str, str] = {}

    def lemmatize(self, text: str) -> str:
        lemma = self._cache.get(text)
        if lemma is None:
            lemma = simplemma.lemmatize(text, lang=self.lang, greedy=self.greedy)
            if len(self._cache) < 200_000:
                self._cache[text] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not self.overwrite and token.lemma != 0:
                continue
            if token.is_space:
                token.lemma_ = token.text
            else:
                token.lemma_ = self.lemmatize(token.text)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        from spacy.scorer import Scorer

        return Scorer.score_token_attr(examples, "lemma", **kwargs)

    # nothing is learned or stored: serialisation is a no-op
    def to_disk(self, path, *, exclude=tuple()) -> None:
        return None

    def from_disk(self, path, *, exclude=tuple()) -> SimplemmaLemmatizer:
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> SimplemmaLemmatizer:
        return self


@Language.factory(
    "radsdok_simplemma_lemmatizer",
    assigns=["token.lemma"],
    default_config={"lang": "sv", "overwrite": True, "greedy": False},
    default_score_weights={"lemma_acc": 1.0},
)
def make_simplemma_lemmatizer(
    nlp: Language, name: str, lang: str, overwrite: bool, greedy: bool
) -> SimplemmaLemmatizer:
    return SimplemmaLemmatizer(name, lang=lang, overwrite=overwrite, greedy=greedy)
