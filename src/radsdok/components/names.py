"""Person names and party markers: the shared vocabulary of the authors and addressees rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..lazy_pattern import lazy_compile
from .lexicon import alternation, first_names, municipalities, parties, patterns

NAME_TOKEN = r"\p{Lu}[\p{Ll}'´]+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*"
PARTICLE = r"(?:von|af|de|van|der|del|da|di|el|al|bin)"
INITIAL = r"\p{Lu}\.?"
# Words of a name are on one line: a name broken over a line end is rarer than a name
# followed by a form label or a heading on the next line ("Anna Berg\nOrt: Gävle").
_GAP = r"[^\S\n]"
NAME = rf"{NAME_TOKEN}(?:{_GAP}{INITIAL}){{0,2}}(?:{_GAP}(?:{PARTICLE}{_GAP})?{NAME_TOKEN}){{1,3}}"
_INITIAL_RE = lazy_compile(INITIAL)
_NAME_WORD = lazy_compile(rf"{NAME_TOKEN}|{PARTICLE}")
NAME_RE = lazy_compile(rf"\b(?<!-){NAME}(?![\p{{L}}-])")
# "(V)", "(c)", "(fp)", "(Kiruna-Centern)", "(samtliga V)", "(båda M)"
PARTY_MARK = lazy_compile(
    r"\(\s*(?:(?P<group>samtliga|båda|alla|bägge)\s+)?(?P<party>[\p{L}][\p{L} .-]{0,40}?)\s*\)"
)


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str


@cache
def _stop_tokens() -> frozenset[str]:
    words = {w.casefold() for w in patterns()["not_name_words"]}
    words |= {w.casefold() for w in patterns()["role_nouns"]}
    return frozenset(words)


@cache
def _stop_suffixes() -> tuple[str, ...]:
    return tuple(patterns()["name_stop_suffixes"])


@cache
def _role_regex() -> regex.Pattern[str]:
    return regex.compile(
        "(?:" + "|".join(f"(?:{p})" for p in patterns()["role_phrases"]) + ")", regex.IGNORECASE
    )


def role_regex() -> regex.Pattern[str]:
    """Roles such as 'kommunstyrelsens ordförande', 'KSO', 'socialministern'."""
    return _role_regex()


def is_plausible_name(candidate: str, *, strict: bool) -> bool:
    """Whether capitalised words read as a person's name (strict: first name must be known)."""
    tokens = [t for t in candidate.split() if not _INITIAL_RE.fullmatch(t)]
    if not 2 <= len(tokens) <= 4:
        return False
    if any(ch.isdigit() for ch in candidate):  # a street address or postcode, never a name
        return False
    if not all(_NAME_WORD.fullmatch(token) for token in tokens):
        return False  # 'Kategorier: Motioner', 'Bostäder Inga kommentarer': no name's words
    stops = _stop_tokens()
    lexicon = parties()
    places = municipalities()
    for token in tokens:
        key = token.casefold()
        if key in stops or lexicon.from_name(token) or lexicon.resolve(token):
            return False
        if key.endswith(_stop_suffixes()):
            return False
    if places.canonical(tokens[0]) and tokens[0].casefold() not in first_names():
        return False
    if lexicon.from_name(candidate):
        return False
    first = tokens[0].split("-")[0].casefold()
    return first in first_names() or not strict


def find_names(text: str, *, strict: bool) -> list[NameMatch]:
    """Person names in `text` (capitalised runs that pass `is_plausible_name`)."""
    out: list[NameMatch] = []
    for found in NAME_RE.finditer(text):
        candidate = found.group(0)
        tokens = candidate.split()
        # Trim leading words that are not part of a name ("KSO Jacob Högfeldt" handled by stop words).
        while len(tokens) > 2 and not is_plausible_name(" ".join(tokens), strict=strict):
            tokens = tokens[1:]
        candidate = " ".join(tokens)
        if is_plausible_name(candidate, strict=strict):
            start = found.end() - len(candidate)
            out.append(NameMatch(start, found.end(), candidate))
    return out


def party_from_mark(text: str) -> tuple[str | None, bool]:
    """The party in a '(V)'/'(samtliga S)' mark, and whether it covers a group."""
    found = PARTY_MARK.search(text)
    if not found:
        return None, False
    return parties().resolve(found.group("party")), bool(found.group("group"))


@cache
def party_line_regex() -> regex.Pattern[str]:
    """A line that names a party and little else ('Vänsterpartiet', 'För Socialdemokraterna i X')."""
    lexicon = parties()
    names = [n for e in lexicon.national.values() for n in e["names"]] + lexicon.local_names
    group_nouns = alternation(patterns()["party_group_nouns"])
    return regex.compile(
        r"^(?:för\s+|från\s+)?(?:(?P<party>"
        + alternation(names)
        + "|(?-i:"
        + lexicon.local_shape
        + "))"
        + r"(?:s)?(?:\s+(?:"
        + group_nouns
        + r"))?"
        # 'För den socialdemokratiska fullmäktigegruppen': an adjective only before its group noun
        + r"|(?:den\s+)?(?P<party>"
        + alternation(lexicon.group_adjectives)
        + r")\s+(?:"
        + group_nouns
        # '… i Mark', '… Helsingborg', '… Jönköpings län': the place the party's branch is in
        + r"))(?:\s+(?:i|på)\s+\p{Lu}[\p{L}-]+(?:[ ][\p{L}-]+){0,3}"
        + r"|(?-i:\s+\p{Lu}[\p{L}-]+){1,2}(?:\s+län)?)?"
        + r"(?:,?\s+(?:den\s+)?(?:\d{1,4}(?:[-/.]\d{1,2}){0,2}(?:\s+\d{4})?|\d{1,2}\s+\p{Ll}+\s+\d{4}))?"
        + r"(?:\s*\((?-i:\p{Lu}[\p{L}]{0,5})\))?"  # the party's own abbreviation: 'Tranåspartiet (TrP)'
        + r"\s*:?$",
        regex.IGNORECASE,
    )
