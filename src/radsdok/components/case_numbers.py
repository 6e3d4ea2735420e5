"""Diarienummer: labelled ("Dnr KS/2019:347") and bare register forms ("SN 2023/0048")."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .findings import Hit, findings_of
from .lexicon import patterns

_REG = r"(?-i:\p{Lu}{1,6}(?:-\p{Lu}{1,4})?)"
# Value forms after a label word, most specific first.
_LABELLED_VALUE = (
    rf"(?P<v>{_REG}\s?/\s?\d{{4}}[:/.-]\d{{1,6}}(?:[-.:]\d{{1,4}})*"  # KS/2019:347, KS 2021/123-4
    rf"|{_REG}\s\d{{4}}[/:.-]\d{{1,6}}(?:[-.:]\d{{1,4}})*"  # KS 2014/368
    rf"|\d{{4}}/{_REG}\s\d{{2,5}}(?:\s\d{{2,4}})?"  # 2011/KS 0206 001
    rf"|\d{{4}}[/:]\d{{1,6}}(?:[.:-]\d{{1,4}})*(?:\s{_REG}(?:-\d{{1,3}})?(?![\p{{L}}]))?"  # 2017/0150 KS-2
    rf"|\d{{4}}-\d{{4,7}}(?![-\d])"  # 2022-000456
    rf"|\p{{Lu}}{{1,4}}\d{{4,8}}"  # RV181888
    r")"
)
_LABELLED = regex.compile(
    rf"\b(?P<label>{patterns()['case_number_labels']})\s*[.:]?\s*(?:nr\.?\s*)?{_LABELLED_VALUE}",
    regex.IGNORECASE | regex.VERSION1,
)
# Bare forms: an upper-case register then year/serial ("SN 2023/0048", "KS 2003/0369-45").
_BARE = regex.compile(rf"\b(?<!/)(?P<v>{_REG}[ \u00a0]?\d{{4}}/\d{{1,6}}(?:-\d{{1,4}})?)(?![\d/])")
# An ID right after a document-kind word: "Interpellation RV181888".
_KIND_ID = regex.compile(
    r"\b(?:interpellation|motion|fråga|ärende)\s+(?P<v>\p{Lu}{2,4}\d{5,8})(?![\p{L}\d])",
    regex.IGNORECASE,
)

_PARTS = [
    regex.compile(rf"^(?P<reg>{_REG})\s?/?\s?(?P<year>\d{{4}})[/:.-](?P<serial>\d+(?:[-.:]\d+)*)$"),
    regex.compile(rf"^(?P<year>\d{{4}})/(?P<reg>{_REG})\s(?P<serial>\d+(?:\s\d+)?)$"),
    regex.compile(rf"^(?P<year>\d{{4}})[/:-](?P<serial>\d+(?:[.:-]\d+)*)(?:\s(?P<reg>{_REG})(?:-\d+)?)?$"),
    regex.compile(r"^(?P<reg>\p{Lu}{1,4})(?P<yy>\d{2})(?P<serial>\d{3,6})$"),
]


def parse_case_number(value: str) -> dict[str, str | int | None]:
    """Split a diarienummer into register, year and serial where its form allows."""
    for pattern in _PARTS:
        found = pattern.match(value)
        if not found:
            continue
        parts = found.groupdict()
        year: int | None = None
        if parts.get("year"):
            year = int(parts["year"])
        elif parts.get("yy"):
            year = 2000 + int(parts["yy"])
        if year is not None and not 1950 <= year <= 2100:
            return {"register": None, "year": None, "serial": None}
        return {"register": parts.get("reg"), "year": year, "serial": parts.get("serial")}
    return {"register": None, "year": None, "serial": None}


def find_case_numbers(text: str) -> Iterator[Hit]:
    """Every diarienummer in `text`, once per distinct value, in text order."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in (("dnr-label", _LABELLED), ("kind-id", _KIND_ID), ("register-form", _BARE)):
        for found in pattern.finditer(text):
            start, end = found.span("v")
            value = found.group("v").rstrip(".:-")
            end = start + len(value)
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            hits.append(Hit(start, end, f"case_numbers:{rule}", value, parse_case_number(value)))
    seen: set[str] = set()
    for hit in sorted(hits, key=lambda h: h.start):
        key = " ".join(hit.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            yield hit


class CaseNumberFinder:
    """spaCy component: fills `doc._.radsdok.case_numbers`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        found.case_numbers = list(find_case_numbers(found.text))
        return doc


@Language.factory("radsdok_case_numbers")
def make_case_number_finder(nlp: Language, name: str) -> CaseNumberFinder:
    return CaseNumberFinder()
