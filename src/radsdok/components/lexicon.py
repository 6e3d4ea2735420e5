"""radsdok's word knowledge, loaded once from the JSON files shipped in `radsdok/data`."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..lazy_pattern import lazy_compile


def load_json(name: str) -> Any:
    """Load a data file shipped inside the package."""
    with resources.files("radsdok.data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def patterns() -> dict[str, Any]:
    return load_json("patterns.json")


def alternation(items: list[str]) -> str:
    """A regex alternation of literal strings, longest first."""
    return "|".join(regex.escape(i) for i in sorted(set(items), key=len, reverse=True))


def compile_any(key: str, flags: int = regex.IGNORECASE | regex.MULTILINE) -> regex.Pattern[str]:
    """Compile the regex list under `key` in patterns.json as one alternation."""
    return lazy_compile("(?:" + "|".join(f"(?:{p})" for p in patterns()[key]) + ")", flags)


class Parties:
    """Party names and abbreviations -> the label radsdok reports."""

    def __init__(self) -> None:
        data = load_json("parties.json")
        self.national: dict[str, dict[str, list[str]]] = data["national"]
        self.by_abbreviation: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for code, entry in self.national.items():
            for abbr in entry["abbreviations"]:
                self.by_abbreviation[abbr.casefold()] = code
            for name in entry["names"]:
                self.by_name[name.casefold()] = code
                self.by_name[(name + "s").casefold()] = code
        # nouns for a member ('miljöpartist', 'Kristdemokrat') -> the party's label
        self.by_member: dict[str, str] = {
            noun.casefold(): code
            for code, entry in self.national.items()
            for noun in entry.get("members", [])
        }
        # adjectives that name a party before a group noun ('den socialdemokratiska gruppen')
        self.group_adjectives: list[str] = []
        for code, entry in self.national.items():
            for adjective in entry.get("group_adjectives", []):
                self.group_adjectives.append(adjective)
                self.by_name.setdefault(adjective.casefold(), code)
        self.local_names: list[str] = data["local"]
        for name in self.local_names:
            self.by_name.setdefault(name.casefold(), name)
        national_names = [n for e in self.national.values() for n in e["names"]]
        # Names usable in prose: national ones (and genitives) and multi-letter local ones.
        self.name_regex = lazy_compile(
            r"\b(?<!-)(?:" + alternation(national_names + self.local_names) + r")s?(?![\p{L}-])",
            regex.IGNORECASE,
        )
        self.local_shape = "|".join(f"(?:{p})" for p in patterns()["local_party_shapes"])
        self.local_suffix_regex = lazy_compile(rf"\b(?:{self.local_shape})(?![\p{{L}}])")

    def from_abbreviation(self, text: str) -> str | None:
        """'v', '(S)', 'fp' -> 'V', 'S', 'L'; None if not a known abbreviation."""
        return self.by_abbreviation.get(text.strip(" ()").casefold())

    def from_name(self, text: str) -> str | None:
        """'Vänsterpartiet' -> 'V'; a registered local party -> its name; else None."""
        key = text.strip().casefold()
        if key in self.by_name:
            return self.by_name[key]
        if key.endswith("s") and key[:-1] in self.by_name:
            return self.by_name[key[:-1]]
        return None

    def resolve(self, text: str) -> str | None:
        """An abbreviation, a national name, a registered or a '-partiet' local name."""
        text = text.strip(" ,.;:()")
        if not text:
            return None
        found = self.from_abbreviation(text) or self.from_name(text)
        if found:
            return found
        if self.local_suffix_regex.fullmatch(text):
            return text
        return None


class Municipalities:
    """The 290 municipalities and the regions, with genitive forms."""

    def __init__(self) -> None:
        data = load_json("municipalities.json")
        self.names: list[str] = [m["name"] for m in data["municipalities"]]
        self.regions: list[str] = data["regions"]
        self._known = {n.casefold(): n for n in self.names}
        self.mention_regex = lazy_compile(r"\b(?<!-)(?:" + alternation(self.names) + r")s?(?![\p{L}-])")

    def canonical(self, word: str) -> str | None:
        """'Norrköpings' -> 'Norrköping'; None where it is no municipality."""
        key = word.casefold()
        if key in self._known:
            return self._known[key]
        if key.endswith("s") and key[:-1] in self._known:
            return self._known[key[:-1]]
        return None


@cache
def parties() -> Parties:
    return Parties()


@cache
def municipalities() -> Municipalities:
    return Municipalities()


@cache
def first_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in load_json("first_names.json")["first_names"])


@cache
def page_tail_regex() -> regex.Pattern[str]:
    """A line opening a web page's furniture below the document it publishes (readers'
    comments, related posts, tags, share buttons): the document ends before it."""
    alternatives = "|".join(f"(?:{p})" for p in patterns()["page_tail_headings"])
    return lazy_compile(rf"^[ \t]*(?:{alternatives})[ \t]*$", regex.IGNORECASE | regex.MULTILINE)


@cache
def record_field_regex() -> regex.Pattern[str]:
    """A register entry's field label at the start of a line ('Status:', 'Väckt:'): with two
    values, the text lists documents (`kinds.json` `record_field_labels`)."""
    labels = alternation(load_json("kinds.json")["record_field_labels"])
    return lazy_compile(rf"^[ \t]*(?P<label>{labels})[ \t]*:", regex.IGNORECASE | regex.MULTILINE)


@cache
def line_end_continuations() -> frozenset[str]:
    """Words a sentence or a heading does not end on: a line ending on one goes on below."""
    return frozenset(patterns()["line_end_continuations"])


def ends_on(line: str, words: frozenset[str]) -> bool:
    """Whether a line's last word (case folded, a trailing comma dropped) is one of `words`."""
    last = line.rsplit(None, 1)
    return bool(last) and last[-1].casefold().rstrip(",") in words


def ends_on_continuation(line: str) -> bool:
    """Whether a line's last word is one a sentence does not end on ('… i', '… och')."""
    return ends_on(line, line_end_continuations())
