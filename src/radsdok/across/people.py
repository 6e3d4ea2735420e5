"""The people registry: one record per person across documents, with every mention.

    records = radsdok.people(documents)         # Documents (Failures are skipped)
    records = people_from_mentions(mentions)    # compact mentions (what `radsdok people` keeps)

How mentions become persons is `resolve.py`; how role-only mentions find their holder is
`roles.py`. `private` is the hook for masking private persons: a function applied to each
private person's record before it is returned (the default returns it unchanged).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from ..models import Document
from .mentions import Mention, document_mentions, normal_role
from .names import fold, parse_name
from .records import PersonMention, PersonRecord, Span
from .resolve import Cluster, cluster_mentions
from .roles import RoleTimeline

PrivateHook = Callable[[PersonRecord], PersonRecord]


def mentions_of(documents: Iterable[object]) -> Iterator[Mention]:
    """The mentions of every Document in `documents` (anything else, e.g. a Failure, is skipped)."""
    for doc in documents:
        if isinstance(doc, Document):
            yield from document_mentions(doc)


def people(
    documents: Iterable[object],
    *,
    only_officials: bool = False,
    private: PrivateHook | None = None,
    join_party_switches: bool = False,
) -> list[PersonRecord]:
    """One record per person named in `documents` (see the module docstring)."""
    return people_from_mentions(
        mentions_of(documents),
        only_officials=only_officials,
        private=private,
        join_party_switches=join_party_switches,
    )


def people_from_mentions(
    mentions: Iterable[Mention],
    *,
    only_officials: bool = False,
    private: PrivateHook | None = None,
    join_party_switches: bool = False,
) -> list[PersonRecord]:
    """Resolve mentions into person records, ordered by name and id; `join_party_switches`
    makes one person of a name whose parties follow each other in time."""
    clusters, roles_only = cluster_mentions(mentions, join_party_switches=join_party_switches)
    timeline = RoleTimeline(clusters)
    unjoined: dict[tuple[str | None, str], list[Mention]] = defaultdict(list)
    for mention in roles_only:
        holder = timeline.holder(mention) if not mention.private else None
        if holder is None:
            unjoined[(mention.assembly, normal_role(mention.role) or "")].append(mention)
        else:
            clusters[holder].joined_by_role.append(mention)
    records = [_person_record(c) for c in clusters if not (only_officials and c.private)]
    records += [_role_record(role, ms) for (_, role), ms in unjoined.items()]
    _give_ids(records)
    if private is not None:
        records = [private(r) if r.type == "private" else r for r in records]
    records.sort(key=lambda r: (fold(r.name or (r.roles[0].value if r.roles else "")), r.id))
    return records


def _mention(m: Mention, joined_by: str = "name") -> PersonMention:
    return PersonMention(
        source=m.source,
        field=m.field,
        name=m.name,
        start=m.start,
        end=m.end,
        page=m.page,
        role=m.role,
        party=m.party,
        date=m.date,
        joined_by=joined_by,
    )


def _spans(values: Iterable[tuple[str, str | None]]) -> list[Span]:
    spans: dict[str, Span] = {}
    for value, day in values:
        span = spans.setdefault(value, Span(value=value))
        span.mentions += 1
        if day:
            span.first = min(span.first or day, day)
            span.last = max(span.last or day, day)
    return sorted(spans.values(), key=lambda s: (s.first or "", s.value))


def _municipality(mentions: Iterable[Mention]) -> str | None:
    counts = Counter(m.municipality for m in mentions if m.municipality)
    return min(counts, key=lambda k: (-counts[k], k)) if counts else None


def _person_record(cluster: Cluster) -> PersonRecord:
    forms = [f for f in (parse_name(m.name) for m in cluster.mentions) if f is not None]
    best = max(forms, key=lambda f: (*f.fullness, f.written))
    written = sorted({f.written for f in forms} | {m.name for m in cluster.mentions if m.name})
    every = sorted([*cluster.mentions, *cluster.joined_by_role], key=_mention_order)
    dates = [m.date for m in every if m.date]
    roles = [(r, m.date) for m in every for r in [normal_role(m.role) or _title_role(m)] if r]
    return PersonRecord(
        id="",
        type="private" if cluster.private else "official",
        name=best.written,
        variants=[w for w in written if w != best.written],
        parties=_spans((m.party, m.date) for m in every if m.party),
        roles=_spans(roles),
        municipality=_municipality(every),
        places=sorted({m.place for m in every if m.place}),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        mentions=[_mention(m, "role" if m.name is None else "name") for m in every],
    )


def _title_role(mention: Mention) -> str | None:
    form = parse_name(mention.name)
    return normal_role(form.title) if form else None


def _role_record(role: str, mentions: list[Mention]) -> PersonRecord:
    every = sorted(mentions, key=_mention_order)
    dates = [m.date for m in every if m.date]
    return PersonRecord(
        id="",
        type="role",
        name=None,
        roles=_spans((role, m.date) for m in every),
        municipality=_municipality(every),
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        mentions=[_mention(m, "role") for m in every],
    )


def _mention_order(m: Mention) -> tuple:
    return (m.date or "", m.source, m.field, m.index)


def _give_ids(records: list[PersonRecord]) -> None:
    """Ids from what defines a record (name, party, municipality, place; the role), made unique
    by the first mention where two records share those."""
    keys: list[str] = []
    for r in records:
        party = r.parties[0].value if r.parties else ""
        what = fold(r.name) if r.name else "role:" + (r.roles[0].value if r.roles else "")
        keys.append("|".join((r.type, what, party, fold(r.municipality or ""), "/".join(r.places))))
    counts = Counter(keys)
    for r, key in zip(records, keys, strict=True):
        if counts[key] > 1:
            first = r.mentions[0]
            key += f"|{first.date}|{first.source}|{first.field}|{first.start}"
        prefix = {"official": "p", "private": "x", "role": "r"}[r.type]
        r.id = f"{prefix}-" + hashlib.sha1(key.encode()).hexdigest()[:16]
