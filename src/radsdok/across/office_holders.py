"""Who held a government minister post on a given day, from a shipped table of tenures.

"Interpellation till utrikesministern", sent 1997-02-14, names no one; the table
(`data/government_ministers.json`) says the post was Lena Hjelm-Wallén's from 1994-10-07 to
1998-10-07. The table only tells *who* to look for: `RoleTimeline` joins the mention to a
person only where the input itself names that person (a role-only mention never makes a
person out of the table alone), and a post or a day the table does not cover leaves the
mention to the timeline learned from the input's own named mentions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from .mentions import Span, normal_role, role_parts


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person's time in one post: from `start` up to (not including) `end`."""

    role: str
    name: str
    party: str
    start: date
    end: date | None  # None: still in office
    acting: bool = False

    def covers(self, span: Span) -> bool:
        """Whether the person held the post on every day of `span`."""
        return self.start <= span[0] and (self.end is None or span[1] < self.end)

    def touches(self, span: Span) -> bool:
        """Whether the person held the post on some day of `span`."""
        return self.start <= span[1] and (self.end is None or span[0] < self.end)


@cache
def _table() -> dict[str, Any]:
    path = resources.files("radsdok.data").joinpath("government_ministers.json")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _tenures_by_role() -> dict[str, tuple[Tenure, ...]]:
    by_role: dict[str, list[Tenure]] = defaultdict(list)
    for row in _table()["tenures"]:
        end = date.fromisoformat(row["to"]) if row["to"] else None
        for title in (row["role"], *row.get("also", ())):
            role = normal_role(title)
            if not role:
                continue
            tenure = Tenure(
                role, row["name"], row["party"], date.fromisoformat(row["from"]), end, bool(row.get("acting"))
            )
            if tenure not in by_role[role]:
                by_role[role].append(tenure)
    return {role: tuple(sorted(ts, key=lambda t: t.start)) for role, ts in by_role.items()}


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two party marks are one party ('s' and 'S'; 'fp' and 'L', its later name)."""
    if not a or not b:
        return False
    aliases = _table()["party_aliases"]
    a, b = a.strip(" ()").casefold(), b.strip(" ()").casefold()
    return aliases.get(a, a) == aliases.get(b, b)


def _holder_of(role: str, span: Span) -> Tenure | None:
    """The one tenure of `role` touching `span`, where exactly one does and covers it."""
    touching = [t for t in _tenures_by_role().get(role, ()) if t.touches(span)]
    if len(touching) == 1 and touching[0].covers(span):
        return touching[0]
    return None


def known_holder(role: str | None, span: Span) -> Tenure | None:
    """Who held the post `role` names over the whole of `span`, by the table; None where no
    one, or more than one person in turn, held it then, or the table does not hold the post.
    A joined role the table lacks ('närings- och innovationsminister') is known where each
    of its parts names the same person."""
    role = normal_role(role)
    if not role:
        return None
    if role in _tenures_by_role():
        return _holder_of(role, span)
    parts = [_holder_of(part, span) for part in role_parts(role)]
    names = {t.name for t in parts if t is not None}
    if parts and len(names) == 1 and all(parts):
        return parts[0]
    return None
