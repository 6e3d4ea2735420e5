"""The first-name completer fixes the person names a statistical NER half-finds; the ents
here are set by hand, so the tests do not depend on the trained model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from radsdok.components.person_names import complete_person_names

NLP = spacy.blank("sv")


def completed(text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = NLP(text)
    spans = []
    for ent_text, label in ents:
        start = text.index(ent_text)
        span = doc.char_span(start, start + len(ent_text), label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    return [(ent.text, ent.label_) for ent in complete_person_names(doc).ents]


def test_a_first_name_takes_the_surname_after_it() -> None:
    text = "Nya presidenten Mohamed Morsi har fått kritik."
    assert completed(text, [("Mohamed", "PER")]) == [("Mohamed Morsi", "PER")]


def test_an_initial_is_crossed_to_reach_the_surname() -> None:
    text = "Det är fel, säger Torkel C Tveter."
    assert completed(text, [("Torkel C", "PER")]) == [("Torkel C Tveter", "PER")]


def test_a_first_name_before_a_surname_joins_it() -> None:
    assert completed("Peder Jonsson vill inte svara.", [("Jonsson", "PER")]) == [("Peder Jonsson", "PER")]


def test_a_person_labelled_as_a_place_becomes_a_person() -> None:
    assert completed("Alexandra Engen, 24 år, cykel.", [("Alexandra Engen", "LOC")]) == [
        ("Alexandra Engen", "PER")
    ]


def test_a_genitive_organisation_keeps_its_label() -> None:
    text = "Albert Bonniers förlag ger ut boken."
    assert completed(text, [("Albert Bonniers", "ORG")]) == [("Albert Bonniers", "ORG")]


def test_a_name_after_a_speech_verb_is_a_person() -> None:
    text = "– Ja, jag känner mig bitter nu, sade Södergren till tidningen."
    assert completed(text, []) == [("Södergren", "PER")]


def test_a_function_word_is_not_taken_as_a_surname() -> None:
    assert completed("Sven Det beror på vilken lucka.", [("Sven", "PER")]) == [("Sven", "PER")]


def test_other_entities_are_left_alone() -> None:
    text = "Kommunen i Växjö och Region Kronoberg samarbetar."
    ents = [("Växjö", "LOC"), ("Region Kronoberg", "ORG")]
    assert completed(text, ents) == ents


def test_the_completer_runs_after_ner_in_the_default_pipeline() -> None:
    import radsdok

    names = radsdok.load().nlp.pipe_names
    assert names.index("radsdok_person_names") == names.index("ner") + 1
    assert "radsdok_person_names" not in radsdok.load("blank").nlp.pipe_names


def test_docs_without_ents_pass_through() -> None:
    doc = Doc(NLP.vocab, words=["Hej", "Anna"])
    doc.ents = [Span(doc, 1, 2, label="PER")]
    assert [(e.text, e.label_) for e in complete_person_names(doc).ents] == [("Anna", "PER")]
