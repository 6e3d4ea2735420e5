"""The party a document's signers speak for, gathered from the whole document.

A signer's party is often not written beside the name but elsewhere: a party letterhead or
site header ("Vänsterpartiet 2023", "<Title> | Sverigedemokraterna i Mark"), a "Parti:" field,
a "För Socialdemokraterna" line, the party as the subject of the proposal ("Vänsterpartiet
yrkar …", "Centerpartiet i X föreslår …") or the writers speaking as a party ("vi i
Liberalerna", "Vi Sverigedemokrater"). Each source is a `Hit` with its own rule, so the party
given to an unmarked signer carries the evidence it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

from .findings import Hit
from .layout import lines_of
from .lexicon import alternation, parties, patterns
from .names import party_line_regex
from .titles import top_headings

_SEGMENT_SEPARATORS = regex.compile(r"(?<!\s)\s++[|–—-]\s+")


def _resolve_line(text: str) -> str | None:
    found = party_line_regex().match(text.strip())
    return parties().resolve(found.group("party")) if found else None


def letterhead(text: str) -> Hit | None:
    """A party named alone in a heading line at the top, or as one segment of a site header
    ('Kommunal folkomröstning | Sverigedemokraterna i Mark')."""
    for heading in top_headings(text)[:4]:
        first_line = heading.text.split("\n", 1)[0]
        pos = 0
        for segment in [first_line, *_SEGMENT_SEPARATORS.split(first_line)]:
            at = first_line.find(segment, pos)
            pos = at + len(segment) if segment != first_line else 0
            party = _resolve_line(segment)
            if party:
                start = heading.start + at
                end = start + len(segment.rstrip())
                return Hit(start, end, "authors:letterhead", segment, {"party": party})
    return None


@cache
def _label_regex() -> regex.Pattern[str]:
    labels = alternation(patterns()["party_labels"])
    return regex.compile(
        rf"^(?:{labels})\s*:\s*(?P<party>[^\n]{{1,60}}?)\s*$", regex.IGNORECASE | regex.MULTILINE
    )


def party_label(text: str) -> Hit | None:
    """A 'Parti: Sverigedemokraterna' field line."""
    for found in _label_regex().finditer(text):
        party = parties().resolve(found.group("party")) or _resolve_line(found.group("party"))
        if party:
            s, e = found.span("party")
            return Hit(s, e, "authors:party-label", found.group("party"), {"party": party})
    return None


def for_party_line(text: str) -> Hit | None:
    """A short line 'För Socialdemokraterna i Kävlinge' / 'Från Vänsterpartiet'."""
    for line in lines_of(text):
        if len(line.text) > 80 or not line.text.casefold().startswith(("för ", "från ")):
            continue
        party = _resolve_line(line.text)
        if party:
            return Hit(line.start, line.end, "authors:for-party", line.text, {"party": party})
    return None


@cache
def _subject_regex() -> regex.Pattern[str]:
    lexicon = parties()
    names = [n for e in lexicon.national.values() for n in e["names"]] + lexicon.local_names
    verbs = alternation(patterns()["party_subject_verbs"])
    return regex.compile(
        r"(?:^|(?<=[.!?:]\s{1,3}))(?P<party>(?i:"
        + alternation(names)
        + ")|"
        + lexicon.local_shape
        + r")(?:\s+(?:i|på)\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)?"
        + r"(?:\s+(?:har|har\s+därför|därför))?\s+(?:"
        + verbs
        + r")\b",
        regex.MULTILINE,
    )


def party_subject(text: str) -> Hit | None:
    """A party as the subject of a sentence that proposes or demands ('Vänsterpartiet yrkar
    därför', 'Sverigedemokraterna i Mark föreslår'), when the document names only one so."""
    found_parties: dict[str, Hit] = {}
    for found in _subject_regex().finditer(text):
        word = found.group("party")
        party = parties().resolve(word)
        if party and party not in found_parties:
            s, e = found.span("party")
            found_parties[party] = Hit(s, e, "authors:party-subject", word, {"party": party})
    return next(iter(found_parties.values())) if len(found_parties) == 1 else None


# Strongest first: a letterhead or field says who writes; prose only suggests it.
_SOURCES: tuple[Callable[[str], Hit | None], ...] = (letterhead, party_label, for_party_line, party_subject)


@lru_cache(maxsize=8)
def document_party(text: str, context: Callable[[str], Hit | None] | None = None) -> Hit | None:
    """The party the document's writers speak for, from the strongest source that names
    exactly one; `context` is a last, weaker source ('vi i X')."""
    for source in _SOURCES:
        hit = source(text)
        if hit is not None:
            return hit
    return context(text) if context is not None else None


__all__ = ["document_party", "for_party_line", "letterhead", "party_label", "party_subject"]
