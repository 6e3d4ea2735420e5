"""Adversarial texts finish quickly: each runs in a subprocess with a time limit, so a
quadratic rule or a catastrophic regular expression fails the test instead of hanging it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import radsdok
from radsdok.reading.text import clean_text

ADVERSARIAL = {
    "50,000 Swedish quote marks": "'”' * 50_000",
    "50,000 straight quotes": "'a \"' * 50_000",
    "100,000 att": "'att ' * 100_000",
    "5 MB without spaces": "'a' * 5_000_000",
    "100,000 questions": "'Hur? ' * 100_000",
    "20,000 signatures": "'Anna Berg (V)\\n' * 20_000",
    "50,000 bullets": "'- Hur går det?\\n' * 50_000",
    "50,000 open case numbers": "'Dnr KS 2019/' * 50_000",
    "100,000 parentheses": "'(' * 100_000",
    "50,000 paragraph items": "'§ 1\\n' * 50_000",
}
LIMIT_SECONDS = 60


@pytest.mark.parametrize("expression", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_is_parsed_within_the_limit(expression: str) -> None:
    script = (
        "import radsdok\n"
        f"doc = radsdok.load('blank').parse_text({expression}, source='x')\n"
        "print(len(doc.questions))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=LIMIT_SECONDS
    )
    assert result.returncode == 0, result.stderr[-2000:]


QUOTE_MARKS = st.sampled_from(["”", "“", "„", "»", "«", '"', "?", "(", ")", "- ", "• ", "\n", "\n\n", "att "])
WORDS = st.sampled_from(
    ["Hur", "kommunen", "Anna Berg", "(V)", "Dnr KS 2020/12", "fråga", "Interpellation till"]
)


@settings(max_examples=200, deadline=None)
@example(["\x1b"])  # found by this test: a lone control character is an empty document
@given(st.lists(st.one_of(QUOTE_MARKS, WORDS, st.text(max_size=8)), max_size=60))
def test_any_text_parses_without_an_uncaught_error(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        doc = radsdok.load("blank").parse_text(text, source="fuzz.txt")
    except radsdok.EmptyDocument:
        assert clean_text(text) == ""  # only whitespace and control characters
        return
    assert doc.text is not None
    for item in [*doc.questions, *doc.quotes, *doc.case_numbers, *doc.proposals]:
        assert 0 <= item.evidence.start <= item.evidence.end <= len(doc.text)
