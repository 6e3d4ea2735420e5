"""Format parity (issue 14): every sample with gold, written as a web page with a site's
chrome around it, scores within 0.03 F1 of the same sample read as text, on every field;
and a bundle's page splits into the same documents as its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import radsdok
from radsdok.components.layout import squash
from radsdok.evaluate import Report, collect_pairs, load_gold, score

from .conftest import SAMPLES
from .html_pages import CHROME_WORDS, bundle_page, sample_page

TOLERANCE = 0.03
TEMPLATES = ("wordpress", "plain")
SPLITS = sorted((SAMPLES / "bundles").glob("*.split.json"))


@pytest.fixture(scope="module")
def reports(parser: radsdok.Parser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """Scores of the samples read as text, and as pages of each template."""
    folder = tmp_path_factory.mktemp("pages")
    pairs = collect_pairs([SAMPLES])
    assert len(pairs) >= 40
    scored: dict[str, list[tuple[radsdok.Document, dict[str, object]]]] = {"text": []}
    for template in TEMPLATES:
        scored[template] = []
    for document, gold_path in pairs:
        gold = load_gold(gold_path)
        scored["text"].append((parser.parse(document), gold))
        for template in TEMPLATES:
            page = folder / f"{document.stem}.{template}.html"
            page.write_text(sample_page(document, template), encoding="utf-8")
            doc = parser.parse(page)
            assert doc.format == "html"
            assert doc.text is not None
            assert [w for w in CHROME_WORDS if w.casefold() in doc.text.casefold()] == [], page.name
            scored[template].append((doc, gold))
    return {name: score(pairs) for name, pairs in scored.items()}


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_field_scores_as_on_the_text(reports: dict[str, Report], template: str) -> None:
    text, page = reports["text"], reports[template]
    for name, field in text.fields.items():
        assert page.fields[name].docs == field.docs, name
        assert abs(page.fields[name].f1 - field.f1) <= TOLERANCE, (name, page.fields[name].f1, field.f1)
    for label in ("kind", "date"):
        ours, theirs = getattr(page, label), getattr(text, label)
        assert ours.total == theirs.total
        assert abs((ours.value or 0.0) - (theirs.value or 0.0)) <= TOLERANCE, label


@pytest.mark.parametrize("split", SPLITS, ids=lambda p: p.name)
def test_a_bundle_page_splits_into_the_documents_of_its_text(
    split: Path, parser: radsdok.Parser, tmp_path: Path
) -> None:
    name = split.name.removesuffix(".split.json")
    text = split.parent / (name if name.endswith(".txt") else f"{name}.txt")
    page = tmp_path / f"{text.stem}.html"
    page.write_text(bundle_page(text.read_text(encoding="utf-8")), encoding="utf-8")
    wanted = json.loads(split.read_text(encoding="utf-8"))["documents"]
    docs = parser.split(page)
    assert len(docs) == len(wanted) >= 2
    for doc, expected in zip(docs, wanted, strict=True):
        assert doc.text is not None and doc.format == "html"
        assert squash(doc.text).startswith(squash(expected["first_words"]))
        assert doc.kind == expected["kind"]
        assert [[a.name, a.party] for a in doc.authors] == expected["authors"]
        assert [a.name or a.role for a in doc.addressees] == expected["addressees"]
        assert len(doc.questions) == expected["questions"]
        assert len(doc.proposals) == expected["proposals"]
