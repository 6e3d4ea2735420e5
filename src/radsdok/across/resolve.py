"""Mentions -> persons: who of the names in many documents is one person.

The rules, in order (each decides only where it is sure; where it is not, people stay apart):

1. Blocks: mentions whose surnames sound alike (or are one typing slip apart) are compared;
   no others.
2. Seeds: mentions with a spelled-out first name and a party. Seeds are one person when their
   names are alike, and party, assembly (municipality; parliament has none) and place
   qualifier ("Gunilla Carlsson i Hisings Backa") agree. A seed without a place joins the one
   seed with a place that it fits, if there is just one.
   A person who changed party: two seeds of one name, assembly and place, of different
   parties, are one person when all the mentions of the one party come before all those of
   the other, less than `SWITCH_GAP_DAYS` apart, and neither has another such partner. Where
   the two parties' times overlap, or a place qualifier tells one from the other, they are
   namesakes and stay apart.
3. The rest (no party, an initial, "Anna Berg" where two Anna Bergs exist) each join the one
   person they fit by name, party, assembly and place. Where several fit, the role they are
   named with, the field (asked or asking) and the time decide, if one candidate is clearly
   better; otherwise the mention becomes a person of its own.
4. Role-only mentions ("till jordbruksministern") join the person named with that role in
   that assembly at that date (see `roles.RoleTimeline`); otherwise they stay a role.

Private persons (the signer of a medborgarförslag) are resolved among themselves only.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .mentions import Mention, Span, normal_role, when
from .names import NameForm, compatible, parse_name, sound, strongly_alike, surnames_alike

# A party switch is seen within one term of office (four years) of the last mention of the old party.
SWITCH_GAP_DAYS = 4 * 365 + 1


@dataclass
class Cluster:
    """One person being put together."""

    party: str | None  # the first party it was seen with
    assembly: str | None
    place: str | None
    private: bool
    mentions: list[Mention] = field(default_factory=list)
    forms: list[NameForm] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    joined_by_role: list[Mention] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)

    def add(self, mention: Mention, form: NameForm) -> None:
        self.mentions.append(mention)
        if form not in self.forms:
            self.forms.append(form)
        role = normal_role(mention.role) or normal_role(form.title)
        if role:
            self.roles.add(role)
        self.fields.add(mention.field)
        if mention.place and self.place is None:
            self.place = mention.place
        if mention.party and self.party is None:
            self.party = mention.party
        if mention.party:
            self.parties.add(mention.party)
        if mention.assembly and self.assembly is None:
            self.assembly = mention.assembly
        if mention.date:
            self.first = min(self.first or mention.date, mention.date)
            self.last = max(self.last or mention.date, mention.date)

    def fits(self, form: NameForm) -> bool:
        return all(compatible(form, other) for other in self.forms)


def _days(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 0


def _blocks(named: list[tuple[Mention, NameForm]]) -> list[list[tuple[Mention, NameForm]]]:
    """Mentions grouped by surname sound; sounds one typing slip apart are one block."""
    by_sound: dict[str, list[tuple[Mention, NameForm]]] = defaultdict(list)
    for mention, form in named:
        by_sound[form.surname_sound].append((mention, form))
    keys = sorted(by_sound)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    samples = {k: by_sound[k][0][1] for k in keys}
    by_initial: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_initial[k[:1]].append(k)
    for group in by_initial.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if abs(len(a) - len(b)) <= 1 and surnames_alike(samples[a], samples[b]):
                    parent[find(b)] = find(a)
    merged: dict[str, list[tuple[Mention, NameForm]]] = defaultdict(list)
    for k in keys:
        merged[find(k)].extend(by_sound[k])
    return [merged[k] for k in sorted(merged)]


def _order(item: tuple[Mention, NameForm]) -> tuple:
    m, form = item
    return (m.source, m.field, m.index, form.key)


def _resolve_block(items: list[tuple[Mention, NameForm]], *, join_party_switches: bool) -> list[Cluster]:
    clusters: list[Cluster] = []
    seeds = sorted((i for i in items if i[0].party and len(i[1].given[0]) > 1), key=_order)
    rest = sorted((i for i in items if not (i[0].party and len(i[1].given[0]) > 1)), key=_order)
    # 2. seeds: exact agreement of party, assembly and place, names strongly alike
    by_key: dict[tuple[str | None, str | None, str | None], list[Cluster]] = defaultdict(list)
    for mention, form in seeds:
        key = (mention.party, mention.assembly, mention.place)  # a seed's cluster keeps all three
        fitting = [c for c in by_key[key] if all(strongly_alike(form, f) for f in c.forms)]
        exact = [c for c in fitting if any(f.key == form.key for f in c.forms)]
        chosen = exact[0] if len(exact) == 1 else fitting[0] if len(fitting) == 1 else None
        if chosen is None:
            chosen = Cluster(mention.party, mention.assembly, mention.place, mention.private)
            clusters.append(chosen)
            by_key[key].append(chosen)
        chosen.add(mention, form)
    # a seed without a place joins the one seed with a place it fits
    for unplaced in [c for c in clusters if c.place is None]:
        placed = [
            c
            for c in clusters
            if c.place is not None
            and c.party == unplaced.party
            and c.assembly == unplaced.assembly
            and all(c.fits(f) for f in unplaced.forms)
        ]
        if len(placed) == 1:
            for mention, form in zip(unplaced.mentions, _forms_of(unplaced), strict=True):
                placed[0].add(mention, form)
            clusters.remove(unplaced)
    # a seed without an assembly joins the one seed of an assembly that it fits
    for unplaced in [c for c in clusters if c.assembly is None]:
        placed = [
            c
            for c in clusters
            if c.assembly is not None
            and c.party == unplaced.party
            and (c.place is None or unplaced.place is None or c.place == unplaced.place)
            and all(c.fits(f) for f in unplaced.forms)
        ]
        if len(placed) == 1:
            for mention, form in zip(unplaced.mentions, _forms_of(unplaced), strict=True):
                placed[0].add(mention, form)
            clusters.remove(unplaced)
    if join_party_switches:
        _join_party_switches(clusters)
    # 3. the rest, one mention at a time (looked up among the clusters of its assembly and
    # those of none, in the order they were made, so that many namesakes stay fast)
    index = _AssemblyIndex(clusters)
    for mention, form in rest:
        assembly = mention.assembly  # folded once, not once per cluster
        candidates = [c for c in index.candidates(assembly) if _may_join(c, mention, form, assembly)]
        chosen = _choose(candidates, mention, form)
        if chosen is None:
            chosen = Cluster(mention.party, mention.assembly, mention.place, mention.private)
            clusters.append(chosen)
            index.add(chosen)
        before = chosen.assembly
        chosen.add(mention, form)
        if chosen.assembly != before:
            index.moved(chosen, before)
    return clusters


class _AssemblyIndex:
    """The clusters of a block by assembly, each list in the order the clusters were made."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.all = clusters  # in the order made; the caller appends and calls add()
        self.order: dict[int, int] = {}
        self.by_assembly: dict[str | None, list[Cluster]] = defaultdict(list)
        for cluster in clusters:
            self.add(cluster)

    def add(self, cluster: Cluster) -> None:
        self.order[id(cluster)] = len(self.order)
        self.by_assembly[cluster.assembly].append(cluster)

    def moved(self, cluster: Cluster, before: str | None) -> None:
        self.by_assembly[before].remove(cluster)
        bucket = self.by_assembly[cluster.assembly]
        bucket.append(cluster)
        bucket.sort(key=lambda c: self.order[id(c)])

    def candidates(self, assembly: str | None) -> Iterable[Cluster]:
        if assembly is None:
            return self.all  # a mention of no assembly may join any cluster
        ordered = [self.by_assembly.get(assembly, []), self.by_assembly.get(None, [])]
        return heapq.merge(*ordered, key=lambda c: self.order[id(c)])


def _party_time(cluster: Cluster) -> Span | None:
    """From the first to the last mention (by date, or session), or None where one has neither."""
    spans = [when(m) for m in cluster.mentions]
    if not spans or any(s is None for s in spans):
        return None
    known = [s for s in spans if s is not None]
    return min(s[0] for s in known), max(s[1] for s in known)


def _switched(before: Cluster, after: Cluster, times: dict[int, Span | None]) -> bool:
    """Whether `after` can be `before` having changed party (see the module docstring)."""
    if before is after or before.parties & after.parties:
        return False
    first, then = times[id(before)], times[id(after)]
    if first is None or then is None or not 0 < (then[0] - first[1]).days <= SWITCH_GAP_DAYS:
        return False
    return all(strongly_alike(a, b) for a in before.forms for b in after.forms)


def _switch_key(cluster: Cluster) -> tuple[str | None, str | None, str]:
    """Clusters that may be one person who changed party share the assembly, the place and the
    sound of the first given name (the first part of a hyphenated one: 'Maj-Inger', 'Maj Inger')."""
    first = cluster.forms[0].given[0].split("-")[0]
    return cluster.assembly, cluster.place, sound(first)


def _join_party_switches(clusters: list[Cluster]) -> None:
    """Join each pair of seeds that is one person who changed party, where the pair is the only
    one either could make."""
    groups: dict[tuple[str | None, str | None, str], list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        if cluster.parties and not cluster.private and cluster.forms and cluster.forms[0].given:
            groups[_switch_key(cluster)].append(cluster)
    for group in groups.values():
        times = {id(c): _party_time(c) for c in group}
        while len(group) > 1:
            pairs = [(b, a) for b in group for a in group if _switched(b, a, times)]
            afters = Counter(id(b) for b, _ in pairs)
            befores = Counter(id(a) for _, a in pairs)
            sure = [(b, a) for b, a in pairs if afters[id(b)] == 1 and befores[id(a)] == 1]
            if not sure:
                break
            before, after = sure[0]  # one at a time: a chain of switches is joined link by link
            for mention, form in zip(after.mentions, _forms_of(after), strict=True):
                before.add(mention, form)
            group.remove(after)
            clusters.remove(after)
            times[id(before)] = _party_time(before)


def _forms_of(cluster: Cluster) -> list[NameForm]:
    out = []
    for mention in cluster.mentions:
        form = parse_name(mention.name)
        assert form is not None
        out.append(form)
    return out


def _may_join(cluster: Cluster, mention: Mention, form: NameForm, assembly: str | None) -> bool:
    if mention.party and cluster.parties and mention.party not in cluster.parties:
        return False
    if assembly != cluster.assembly and assembly and cluster.assembly:
        return False
    if mention.place and cluster.place and mention.place != cluster.place:
        return False
    return cluster.fits(form)


def _score(cluster: Cluster, mention: Mention, form: NameForm) -> float:
    score = 0.0
    role = normal_role(mention.role) or normal_role(form.title)
    if role and role in cluster.roles:
        score += 4
    if mention.field in cluster.fields:
        score += 1
    if any(f.key == form.key for f in cluster.forms):
        score += 0.5
    if mention.party and mention.party in cluster.parties:
        score += 2
    if mention.date and cluster.first and cluster.last:
        if cluster.first <= mention.date <= cluster.last:
            score += 2
        else:
            gap = min(_days(mention.date, cluster.first), _days(mention.date, cluster.last))
            score -= min(gap / 365, 10) * 0.3
    return score


def _choose(candidates: list[Cluster], mention: Mention, form: NameForm) -> Cluster | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    scored = sorted(((_score(c, mention, form), i) for i, c in enumerate(candidates)), reverse=True)
    (best, i), (second, _) = scored[0], scored[1]
    return candidates[i] if best - second >= 1 else None


def cluster_mentions(
    mentions: Iterable[Mention], *, join_party_switches: bool = False
) -> tuple[list[Cluster], list[Mention]]:
    """The persons the named mentions make, and the role-only mentions (not yet joined);
    `join_party_switches` joins a name whose parties follow each other in time (off by
    default: two namesakes of two parties seen one after the other would be joined too)."""
    named: list[tuple[Mention, NameForm]] = []
    roles_only: list[Mention] = []
    for mention in mentions:
        form = parse_name(mention.name)
        if form is None or not form.given:
            if mention.role or (mention.name and form is None):
                roles_only.append(mention)
            elif form is not None:
                named.append((mention, form))  # a surname alone: a person of its own
            continue
        named.append((mention, form))
    clusters: list[Cluster] = []
    for private in (False, True):
        part = [(m, f) for m, f in named if m.private is private]
        lone = [(m, f) for m, f in part if not f.given]
        for block in _blocks([(m, f) for m, f in part if f.given]):
            clusters.extend(_resolve_block(block, join_party_switches=join_party_switches))
        for mention, form in lone:
            cluster = Cluster(mention.party, mention.assembly, mention.place, private)
            cluster.add(mention, form)
            clusters.append(cluster)
    return clusters, roles_only
