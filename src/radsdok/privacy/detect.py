"""Personal data in a string: personnummer, phone numbers, e-mail addresses, street addresses and
the names of private persons. Each detector yields `Found` spans with a normalised value (what
the pseudonym is made from, so that two ways of writing the same number get the same one)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ..lazy_pattern import lazy_compile
from .data import privacy_data

CATEGORIES: tuple[str, ...] = ("email", "personnummer", "phone", "address", "name")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    category: str
    value: str  # normalised


# ------------------------------------------------------------------ e-mail

EMAIL = lazy_compile(r"(?<![\w.+\-])[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}")


def find_emails(text: str) -> Iterator[Found]:
    for found in EMAIL.finditer(text):
        value = found.group(0).rstrip(".-")
        if not regex.search(r"\.\p{L}{2,}$", value):  # a top-level domain ends an address
            continue
        yield Found(found.start(), found.start() + len(value), "email", value.casefold())


# ------------------------------------------------------------------ personnummer

# YYMMDD-NNNN, YYYYMMDD-NNNN, with "-", "+" (100 years or older), a space or nothing between.
PERSONNUMMER = lazy_compile(
    r"(?<![\p{L}\d/:.,+\-–])(?P<century>18|19|20)?(?P<date>\d{6})(?P<sep>[\-–+]|[^\S\n])?"
    r"(?P<serial>\d{4})(?![\p{L}\d]|[\-–/:.,]\d)"
)


def luhn_ok(digits: str) -> bool:
    """The Luhn check (the last digit of a personnummer checks the nine before it)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _valid_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:  # a samordningsnummer: the day plus 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def find_personnummer(text: str) -> Iterator[Found]:
    for found in PERSONNUMMER.finditer(text):
        ten = found.group("date") + found.group("serial")
        if _valid_date(found.group("date")) and luhn_ok(ten):
            yield Found(found.start(), found.end(), "personnummer", ten)


# ------------------------------------------------------------------ phone numbers

# +46 70 123 45 67, 0046-8-123 45 67, 08-123 45 67, 070-123 45 67, 0771-123 456, 031 366 00 00,
# 0701234567. Groups are separated by one space, a dash or a slash; never across a line break.
_SEP = r"[^\S\n]?[\-–/][^\S\n]?|[^\S\n]"
PHONE = lazy_compile(
    r"(?<![\p{L}\d+/:.,\-–])(?:"
    r"(?P<intl>(?:\+|00)[^\S\n]?46)[^\S\n\-]?-?[^\S\n]?(?:\(0\)[^\S\n]?)?"
    rf"(?:[1-9]\d{{6,9}}|[1-9]\d{{0,3}}(?:(?:{_SEP})\d{{1,4}}){{1,5}})"
    rf"|0[1-9]\d{{0,3}}(?:{_SEP})\d{{1,4}}(?:(?:{_SEP})\d{{1,4}}){{0,4}}"
    r"|0[1-9]\d{7,8}"
    r")(?!\d|[\-–/:.,]\d)"
)
_GROUP_END = lazy_compile(r"\d(?=\D)")


def _phone_digits(number: str) -> str | None:
    """The number as a domestic string of digits ("0701234567"), if its length is a phone's."""
    digits = regex.sub(r"\D", "", number.replace("(0)", ""))
    if number.startswith(("+", "00")):
        digits = digits[2:] if number.startswith("+") else digits[4:]
        return "0" + digits if 7 <= len(digits) <= 9 else None
    return digits if 8 <= len(digits) <= 10 else None


def find_phones(text: str) -> Iterator[Found]:
    for found in PHONE.finditer(text):
        number = found.group(0)
        digits = _phone_digits(number)
        if digits is None:  # a number followed by other figures ("070-123 45 67 10 st"): drop
            for end in reversed([m.end() for m in _GROUP_END.finditer(number)]):  # whole groups
                digits = _phone_digits(number[:end])
                if digits is not None:
                    number = number[:end]
                    break
        if digits is not None:
            yield Found(found.start(), found.start() + len(number), "phone", digits)


# ------------------------------------------------------------------ street addresses


def _alternation(items: Iterable[str]) -> str:
    return "|".join(regex.escape(i) for i in sorted(set(items), key=len, reverse=True))


@cache
def address_regex() -> regex.Pattern[str]:
    """A street name (a capitalised word ending in a street suffix, or capitalised words before a
    street word), a number and an optional letter, flat number and postcode with town."""
    data = privacy_data()
    suffixes = _alternation(data["street_suffixes"])
    words = _alternation([w for word in data["street_words"] for w in (word, word.capitalize())])
    units = _alternation(data["units_after_number"])
    prefixes = _alternation(data["street_prefixes"])
    one_word = rf"(?:(?:{prefixes})[^\S\n])?\p{{Lu}}[\p{{L}}\-]*?(?:{suffixes})"  # (Sankt) Eriksgatan
    words_before = rf"(?:\p{{Lu}}[\p{{L}}\-]*[^\S\n]){{1,3}}(?:{words})"  # Drottning Kristinas väg
    street = f"{one_word}|{words_before}"
    return regex.compile(
        rf"(?<![\p{{L}}\d\-])(?:{street})(?!\p{{L}})[^\S\n](?P<number>\d{{1,3}})"
        rf"(?!\d|[,.]\d|[^\S\n]?(?:{units})(?![\p{{L}}]))"
        r"(?:[^\S\n]?[A-Ha-h](?![\p{L}\d]))?"
        r"(?:,?[^\S\n](?:lgh|lägenhet)[^\S\n]?\d{4}(?!\d))?"
        r"(?:,?\s{1,2}[1-9]\d{2}[^\S\n]?\d{2}[^\S\n]\p{Lu}\p{Ll}+)?"
    )


def find_addresses(text: str) -> Iterator[Found]:
    for found in address_regex().finditer(text):
        value = " ".join(found.group(0).split()).casefold()
        yield Found(found.start(), found.end(), "address", value)


# ------------------------------------------------------------------ names of private persons

NAME_WORD = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
PRIVATE_NAME = rf"(?P<name>{NAME_WORD}(?:[^\S\n]{NAME_WORD}){{1,2}})(?![\p{{L}}\-])"


@cache
def trigger_regex() -> regex.Pattern[str]:
    """A phrase that marks a private person ("medborgarförslag från", "Förslagsställare:") and
    the name after it (names are case-sensitive, the phrases not)."""
    triggers = "|".join(f"(?:{t})" for t in privacy_data()["private_person_triggers"])
    return regex.compile(rf"(?i:{triggers}){PRIVATE_NAME}", regex.MULTILINE)


def normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def names_marked_private(text: str) -> Iterator[str]:
    """Names the text marks as a private person's ("medborgarförslag från Anna Berg")."""
    for found in find_marked_private(text):
        yield text[found.start : found.end]


def find_marked_private(text: str) -> Iterator[Found]:
    """Where the text marks a name as a private person's, with the name's own offsets."""
    for found in trigger_regex().finditer(text):
        start, end = found.span("name")
        yield Found(start, end, "name", normalise_name(found.group("name")))


def _name_regex(name: str) -> regex.Pattern[str]:
    words = [regex.escape(w) for w in name.split()]
    return regex.compile(r"(?<![\p{L}\-])" + r"\s+".join(words) + r"(?![\p{L}\-])")


_WORD_BEFORE = lazy_compile(r"\p{Lu}\p{Ll}{1,40}[^\S\n]{1,8}$")  # bounded: no long backtracking
_WORD_AFTER = lazy_compile(r"[^\S\n]{1,8}\p{Lu}\p{Ll}")


def find_names(text: str, names: Iterable[str]) -> Iterator[Found]:
    """Where the given private names stand in `text`: the whole name, and the surname alone
    where it is not part of another capitalised name ("Anna Lindqvist" is someone else)."""
    for name in names:
        value = normalise_name(name)
        for found in _name_regex(name).finditer(text):
            yield Found(found.start(), found.end(), "name", value)
        surname = name.split()[-1]
        if len(surname) < 3 or len(name.split()) < 2:
            continue
        for found in _name_regex(surname).finditer(text):
            before = text[max(0, found.start() - 40) : found.start()]
            if _WORD_BEFORE.search(before) or _WORD_AFTER.match(text, found.end()):
                continue
            yield Found(found.start(), found.end(), "name", normalise_name(surname))


def find_all(text: str, categories: Iterable[str], names: Iterable[str] = ()) -> list[Found]:
    """Every span of personal data in `text`, without overlaps (an earlier category, then a
    longer span, wins), in text order."""
    wanted = set(categories)
    finders = {
        "email": lambda: find_emails(text),
        "personnummer": lambda: find_personnummer(text),
        "phone": lambda: find_phones(text),
        "address": lambda: find_addresses(text),
        "name": lambda: find_names(text, names),
    }
    taken: list[Found] = []  # sorted by start, without overlaps
    for category in CATEGORIES:
        if category not in wanted:
            continue
        for found in sorted(finders[category](), key=lambda f: (f.start, -f.end)):
            i = bisect.bisect_left(taken, found.start, key=lambda f: f.start)
            if i > 0 and taken[i - 1].end > found.start:
                continue
            if i < len(taken) and taken[i].start < found.end:
                continue
            taken.insert(i, found)
    return taken
