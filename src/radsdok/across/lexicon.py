"""The words of the across-documents layer, loaded once from `data/across.json`."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..lazy_pattern import lazy_compile


@cache
def words() -> dict[str, Any]:
    with resources.files("radsdok.data").joinpath("across.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def title_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["title_words"])


@cache
def title_suffixes() -> tuple[str, ...]:
    return tuple(w.casefold() for w in words()["title_suffixes"])


@cache
def single_holder_roles() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in words()["single_holder_roles"]), regex.IGNORECASE)


@cache
def term_boundaries(role: str) -> tuple[date, ...]:
    """The days the holder of `role` may change (data/across.json, "_terms"), in order: a
    government's roles change with the government (a head of government only with a new one),
    a municipality's at the start of each term of office."""
    data = words()
    if role in data["head_of_government_roles"]:
        days = data["government_changes"]
    elif _MINISTER.search(role):
        days = data["government_changes"] + data["cabinet_changes"]
    elif _ELECTED_CHAIR.search(role):
        days = data["municipal_term_starts"]
    else:
        return ()  # a speaker, an appointed director: no term known, the day window decides
    return tuple(sorted(date.fromisoformat(day) for day in days))


_MINISTER = lazy_compile(words()["minister_roles"], regex.IGNORECASE)
_ELECTED_CHAIR = lazy_compile(words()["elected_chair_roles"], regex.IGNORECASE)


def minister_role(role: str) -> bool:
    """Whether `role` is a government minister's post ('utrikesminister')."""
    return _MINISTER.search(role) is not None


def reshuffled(role: str) -> bool:
    """Whether the holder of `role` may change within a term (a minister, in a reshuffle), so
    that the day window still bounds a sighting in the same term; a head of government or a
    board's chair holds the role for the term."""
    return _MINISTER.search(role) is not None and role not in words()["head_of_government_roles"]


@cache
def shared_roles() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["shared_roles"])


@cache
def no_party() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["no_party"])


@cache
def place_qualifier() -> regex.Pattern[str]:
    return regex.compile(words()["place_qualifier"])


@cache
def session_number() -> regex.Pattern[str]:
    return regex.compile(words()["session_number"], regex.IGNORECASE)


@cache
def title_joiners() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["title_joiners"])


@cache
def thread_roles() -> dict[str, str]:
    return dict(words()["thread_roles"])


@cache
def title_kind_words() -> regex.Pattern[str]:
    alternation = "|".join(
        regex.escape(w) for w in sorted(words()["title_kind_words"], key=len, reverse=True)
    )
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation})(?![\p{{L}}])", regex.IGNORECASE)


def _load(name: str) -> Any:
    with resources.files("radsdok.data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def oparl() -> dict[str, Any]:
    """The OParl mapping tables (`data/oparl.json`)."""
    return _load("oparl.json")


@cache
def party_names() -> dict[str, str]:
    """A national party's abbreviation -> its name: 'S' -> 'Socialdemokraterna'."""
    return {abbr: entry["names"][0] for abbr, entry in _load("parties.json")["national"].items()}


@cache
def municipality_codes() -> dict[str, str]:
    """A municipality's name -> its SCB code (kommunkod): 'Lerum' -> '1441'."""
    return {m["name"]: m["code"] for m in _load("municipalities.json")["municipalities"]}
