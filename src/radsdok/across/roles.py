"""Who held a role when: a timeline learned from the named mentions, for role-only mentions.

"Interpellation till jordbruksministern" names no one; if other documents of the same
assembly name "jordbruksminister Annika Åhnberg" around that date, the mention is hers. Only
roles one person holds at a time are joined (`mentions.single_holder`: a minister, a board's
chair; not "statsrådet" or "kommunalrådet"). A mention dated within the span a person is seen
in the role joins that person; otherwise the nearest sighting within `WINDOW_DAYS` decides,
unless another holder is seen nearly as close (`CLEAR_MARGIN_DAYS`). Two holders seen around
the mention's date leave it a role. Where the terms of the role are known (`lexicon.term_boundaries`:
a new government, a cabinet formed after an election, a municipal term of office), only
sightings in the mention's own term count, however far apart, and the day window does not apply.

Every named mention with a role is a sighting: the role said beside the name or the title
before it ("Till statsrådet", "Finansminister Anna Berg"). A joined role ("klimat- och
miljöminister") is also a sighting of each of its parts, so "till miljöministern" finds the
holder of "klimat- och miljöminister"; a joined role-only mention is decided by the whole role
where it is seen, else by its parts, which must name one holder. A document without a date of
its own is dated by its parliamentary session (a year from September), which then counts as a
span: it may show a holder, or that two held a role that year.

A government minister's post is first looked up in the shipped table of tenures
(`office_holders`): where it names the holder on that date, the mention joins the one person
of that name the input names (of the same party where the input gives one), or stays a role
where the input names no such person; the learned timeline decides only where the table
does not know the post or the date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from .lexicon import minister_role, reshuffled, term_boundaries
from .mentions import Mention, Span, normal_role, role_parts, single_holder, when
from .names import compatible, parse_name
from .office_holders import Tenure, known_holder, same_party
from .resolve import Cluster

WINDOW_DAYS = 540
CLEAR_MARGIN_DAYS = 60


def _gap(a: Span, b: Span) -> int:
    """Days between two spans; 0 where they overlap."""
    return max((a[0] - b[1]).days, (b[0] - a[1]).days, 0)


def _hull(spans: Sequence[Span]) -> Span:
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _surely(spans: Sequence[Span]) -> Span | None:
    """Where a holder seen at these (dated or session-long) spans surely held the role: from
    the earliest a sighting must have been made by to the latest one must have been made from."""
    first, last = min(s[1] for s in spans), max(s[0] for s in spans)
    return (first, last) if first <= last else None


def _crosses(a: Span, b: Span, boundaries: Sequence[date]) -> bool:
    """Whether a change of term falls between two spans (after the earlier, by the later)."""
    earlier, later = sorted((a, b))
    return any(earlier[1] < day <= later[0] for day in boundaries)


def _inside(span: Span, outer: Span | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


class _Unseen:
    """No one is seen in the role at all (as against: seen, but no telling who)."""


UNSEEN = _Unseen()


class RoleTimeline:
    """(assembly, role) -> the spans each person (a cluster's index) is named with that role."""

    def __init__(self, clusters: Sequence[Cluster]) -> None:
        self.clusters = clusters
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        for i, cluster in enumerate(clusters):
            for surname in dict.fromkeys(f.surname for f in cluster.forms):
                self.by_surname[surname].append(i)
        self.seen: dict[tuple[str | None, str], dict[int, list[Span]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for i, cluster in enumerate(clusters):
            for mention in cluster.mentions:
                form = parse_name(mention.name)
                role = normal_role(mention.role) or normal_role(form.title if form else None)
                span = when(mention)
                if not role or span is None:
                    continue
                for key in (role, *role_parts(role)):
                    if single_holder(key):
                        self.seen[(mention.assembly, key)][i].append(span)

    def holder(self, mention: Mention) -> int | None:
        """The index of the cluster that held the mention's role at its date, or None."""
        role = normal_role(mention.role)
        span = when(mention)
        if not role or span is None:
            return None
        tenure = known_holder(role, span)
        if tenure is not None:
            return self._named(tenure)
        whole = self._decide(mention.assembly, role, span)
        if not isinstance(whole, _Unseen):
            return whole
        decided = (self._decide(mention.assembly, part, span) for part in role_parts(role))
        found = {d for d in decided if not isinstance(d, _Unseen)}
        # one holder for every part seen; parts naming different holders, or none seen: a role
        return found.pop() if len(found) == 1 else None

    def _named(self, tenure: Tenure) -> int | None:
        """The one person the input names who is the tenure's holder: a name that fits, of
        the holder's party where the input gives a party; of namesakes, the one seen in a
        minister's post, else none."""
        form = parse_name(tenure.name)
        if form is None:
            return None
        fitting = [
            i
            for i in self.by_surname.get(form.surname, ())
            if not self.clusters[i].private
            and any(compatible(form, f) for f in self.clusters[i].forms)
            and (
                not self.clusters[i].parties
                or any(same_party(p, tenure.party) for p in self.clusters[i].parties)
            )
        ]
        if len(fitting) > 1:
            fitting = [i for i in fitting if any(minister_role(r) for r in self.clusters[i].roles)]
        return fitting[0] if len(fitting) == 1 else None

    def _decide(self, assembly: str | None, role: str, span: Span) -> int | _Unseen | None:
        if not single_holder(role):
            return None
        holders = self.seen.get((assembly, role))
        if not holders:
            return UNSEEN
        window: int | None = WINDOW_DAYS
        boundaries = term_boundaries(role)
        if boundaries and span[0] >= boundaries[0]:
            # the mention's own term: sightings across a change of term say nothing of it
            in_term = {
                i: [seen for seen in spans if not _crosses(seen, span, boundaries)]
                for i, spans in holders.items()
            }
            holders = {i: spans for i, spans in in_term.items() if spans}
            if not holders:
                return UNSEEN
            # a head of government or a chair holds the role for the term; a minister may be
            # reshuffled within it, so the day window still bounds the sighting
            window = WINDOW_DAYS if reshuffled(role) else None
        # within: the mention's span lies where the holder surely held the role (between their
        # sightings); near: the holder may have been seen at a time the mention's span shares
        within = [i for i, spans in holders.items() if _inside(span, _surely(spans))]
        near = [i for i, spans in holders.items() if _gap(_hull(spans), span) == 0]
        if len(near) > 1:
            return None  # two holders seen around that date: no telling
        if len(within) == 1 and near == within:
            return within[0]
        nearest = sorted((min(_gap(s, span) for s in spans), i) for i, spans in holders.items())
        distance, best = nearest[0]
        if window is not None and distance > window:
            return None
        if len(nearest) > 1 and nearest[1][0] - distance < CLEAR_MARGIN_DAYS:
            return None
        return best
