"""Person names the statistical NER half-finds, completed from the first-name list.

The factory `radsdok_person_names` runs right after a trained `ner` and edits `doc.ents`:

* a PER entity ending in a known first name (or an initial) takes the name-shaped
  tokens after it ("Mohamed" + "Morsi", "Torkel C" + "Tveter");
* a PER entity takes a known first name right before it ("Peder" + "Jonsson");
* an ORG/LOC/MISC entity of two or three name-shaped tokens that starts with a known
  first name and does not end in a genitive becomes PER ("Alexandra Engen");
* name-shaped tokens right after a speech verb and before punctuation or a preposition
  become PER ("… sade Södergren till tidningen").

Name-shaped means capitalised letters (a hyphenated part allowed) and not a function
word. The word lists live in data/patterns.json and data/first_names.json.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lazy_pattern import lazy_compile
from .lexicon import first_names, patterns

PERSON = "PER"
_NAME_SHAPE = lazy_compile(r"^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}\p{Ll}+)?$")
_INITIAL = lazy_compile(r"^\p{Lu}\.?$")
_SPEECH_VERBS = frozenset(patterns()["person_speech_verbs"])
_AFTER_SPEECH = frozenset(patterns()["person_after_speech_followers"])
_FUNCTION_WORDS = frozenset(word.casefold() for word in patterns()["swedish_function_words"])
_LONGEST_NAME = 4  # tokens taken after a speech verb


def _name_shaped(doc: Doc, i: int) -> bool:
    return bool(_NAME_SHAPE.match(doc[i].text)) and doc[i].lower_ not in _FUNCTION_WORDS


def _first_name(doc: Doc, i: int) -> bool:
    return doc[i].text.casefold() in first_names() and _name_shaped(doc, i)


def _initial(doc: Doc, i: int) -> bool:
    return bool(_INITIAL.match(doc[i].text))


def complete_person_names(doc: Doc) -> Doc:
    """Extend, relabel and add PER entities in `doc.ents` (see the module docstring)."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans = [_completed(doc, ent, taken) for ent in doc.ents]
    taken = {i for span in spans for i in range(span.start, span.end)}
    spans.extend(_after_speech_verbs(doc, taken))
    doc.ents = filter_spans(spans)
    return doc


def _completed(doc: Doc, ent: Span, taken: set[int]) -> Span:
    start, end, label = ent.start, ent.end, ent.label_
    if (
        label != PERSON
        and 2 <= end - start <= 3
        and _first_name(doc, start)
        and all(_name_shaped(doc, i) for i in range(start, end))
        and not doc[end - 1].text.endswith("s")
    ):
        label = PERSON
    if label != PERSON:
        return ent
    while end < len(doc) and end not in taken and (_first_name(doc, end - 1) or _initial(doc, end - 1)):
        if _name_shaped(doc, end) or (
            _initial(doc, end) and end + 1 < len(doc) and _name_shaped(doc, end + 1)
        ):
            end += 1
        else:
            break
    while start > 0 and start - 1 not in taken and _first_name(doc, start - 1):
        start -= 1
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(doc, start, end, label=label)


def _after_speech_verbs(doc: Doc, taken: set[int]) -> list[Span]:
    found: list[Span] = []
    for i in range(len(doc) - 1):
        if doc[i].lower_ not in _SPEECH_VERBS or i + 1 in taken or not _name_shaped(doc, i + 1):
            continue
        end = i + 1
        while end < len(doc) and end not in taken and end - i <= _LONGEST_NAME:
            if not (_name_shaped(doc, end) or _initial(doc, end)):
                break
            end += 1
        if end == len(doc) or doc[end].is_punct or doc[end].lower_ in _AFTER_SPEECH:
            found.append(Span(doc, i + 1, end, label=PERSON))
            taken.update(range(i + 1, end))
    return found


class PersonNameCompleter:
    """spaCy component: `complete_person_names` on every doc (run right after `ner`)."""

    def __call__(self, doc: Doc) -> Doc:
        return complete_person_names(doc)


@Language.factory("radsdok_person_names", assigns=["doc.ents"], requires=["doc.ents"])
def make_person_names(nlp: Language, name: str) -> PersonNameCompleter:
    return PersonNameCompleter()
