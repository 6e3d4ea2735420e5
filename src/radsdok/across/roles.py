"""Who held a role when: a timeline learned from the named mentions, for role-only mentions.

"Interpellation till jordbruksministern" names no one; if other documents of the same
assembly name "jordbruksminister Annika Åhnberg" around that date, the mention is hers. Only
roles one person holds at a time are joined (`mentions.single_holder`: a minister, a board's
chair; not "statsrådet" or "kommunalrådet"). A mention dated within the span a person is seen
in the role joins that person; otherwise the nearest dated sighting within `window_days`
decides, unless another holder is seen nearly as close.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from .mentions import Mention, normal_role, single_holder
from .names import parse_name
from .resolve import Cluster

WINDOW_DAYS = 540
CLEAR_MARGIN_DAYS = 60


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class RoleTimeline:
    """(assembly, role) -> the dates each person is named with that role."""

    def __init__(self, clusters: Sequence[Cluster]) -> None:
        self.seen: dict[tuple[str | None, str], dict[int, list[date]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for i, cluster in enumerate(clusters):
            for mention in cluster.mentions:
                form = parse_name(mention.name)
                role = normal_role(mention.role) or normal_role(form.title if form else None)
                day = _day(mention.date)
                if role and day and single_holder(role):
                    self.seen[(mention.assembly, role)][i].append(day)

    def holder(self, mention: Mention) -> int | None:
        """The index of the cluster that held the mention's role at its date, or None."""
        role = normal_role(mention.role)
        day = _day(mention.date)
        if not role or day is None or not single_holder(role):
            return None
        holders = self.seen.get((mention.assembly, role))
        if not holders:
            return None
        within = [i for i, days in holders.items() if min(days) <= day <= max(days)]
        if len(within) == 1:
            return within[0]
        if within:
            return None  # two holders seen around that date: no telling
        nearest = sorted((min(abs((d - day).days) for d in days), i) for i, days in holders.items())
        distance, best = nearest[0]
        if distance > WINDOW_DAYS:
            return None
        if len(nearest) > 1 and nearest[1][0] - distance < CLEAR_MARGIN_DAYS:
            return None
        return best
