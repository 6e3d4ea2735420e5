"""Format parity (issue 14): every sample with a gold file, written as a Word document and
as an OpenDocument text in each paragraph-spacing variant, scores within 0.03 F1 of the
same sample parsed as text, on every field, and on kind and date accuracy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import radsdok
from radsdok.evaluate import FIELDS, Report, collect_pairs, load_gold, score

from .conftest import sample_paths
from .office_builder import VARIANTS, WRITERS

BAR = 0.03
SAMPLES_WITH_GOLD = [p for p in sample_paths() if p.with_name(p.stem + ".gold.json").exists()]


def report(parser: radsdok.Parser, paths: list[Path]) -> Report:
    return score((parser.parse(doc), load_gold(gold)) for doc, gold in collect_pairs(paths))


@pytest.fixture(scope="module")
def text_report(parser: radsdok.Parser) -> Report:
    return report(parser, SAMPLES_WITH_GOLD)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_office_files_score_as_the_same_text(
    fmt: str, variant: str, tmp_path: Path, parser: radsdok.Parser, text_report: Report
) -> None:
    assert len(SAMPLES_WITH_GOLD) >= 40
    for sample in SAMPLES_WITH_GOLD:
        WRITERS[fmt](sample.read_text(encoding="utf-8"), tmp_path / f"{sample.stem}.{fmt}", variant)
        shutil.copy(sample.with_name(sample.stem + ".gold.json"), tmp_path)
    got = report(parser, [tmp_path])
    assert len(got.documents) == len(SAMPLES_WITH_GOLD)
    for name in FIELDS:
        assert got.fields[name].f1 >= text_report.fields[name].f1 - BAR, (name, got.format_table())
    for label in ("kind", "date"):
        want, have = getattr(text_report, label).value, getattr(got, label).value
        assert have is not None and want is not None and have >= want - BAR, (label, got.format_table())
