"""Case threads: the documents about one case, joined by what they say of each other.

    threads = radsdok.cases(documents)

A document is kept as a compact `CaseDocument` (no text). A protocol's § items are units of
their own (a protocol deals with many cases; each item with one); other documents are one
unit each. Units are joined:

* by diarienummer (`case_keys.py`): the same register, year and serial in any written form.
  A number written without its register ("2023-00118") joins the one registered number of the
  same year and serial ("KS 2023-00118"), a document without a municipality the one
  municipality that has the number, when there is just one; a unit citing more than
  `MAX_KEYS` numbers (a list, a register) is not joined by them;
* by an answer's `answers` (a svar names the interpellation or question it answers): its case
  number, or the title it answers, with asker and addressee swapped (the answer's author is the
  question's addressee, its addressee the question's author) where both name them;
* by a protocol § item that deals with a motion or question of the same title.

Every link keeps its evidence (offsets into the document's text and the rule).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..models import Document, Evidence
from . import lexicon
from .case_keys import CaseKey, key_of, parse_key
from .names import compatible, fold, parse_name
from .records import CaseThread, LinkEvidence, ThreadDocument, ThreadLink

MAX_KEYS = 4
TITLE_SIMILARITY = 88.0
INITIATIVES = ("interpellation", "fraga", "motion", "medborgarforslag")


@dataclass(frozen=True, slots=True)
class Ref:
    """A case number in a unit, with where it stands."""

    key: CaseKey
    text: str
    start: int | None
    end: int | None
    page: int | None
    rule: str


@dataclass(slots=True)
class Unit:
    """A document, or one § item of a protocol: what a thread is made of."""

    source: str
    kind: str
    date: str | None
    title: str | None
    municipality: str | None
    item: str | None = None
    item_kinds: tuple[str, ...] = ()
    item_evidence: Evidence | None = None
    refs: list[Ref] = field(default_factory=list)
    authors: tuple[tuple[str | None, str | None], ...] = ()  # (name, role)
    addressees: tuple[tuple[str | None, str | None], ...] = ()
    answers_kind: str | None = None
    answers_title: str | None = None
    answers_key: CaseKey | None = None
    answers_evidence: Evidence | None = None


def document_units(doc: Document) -> list[Unit]:
    """The units of a document: one, or one per § item of a protocol."""
    municipality = doc.municipality
    parsed = {c.text: c for c in doc.case_numbers}

    def ref_of(text: str, evidence: Evidence, rule: str) -> Ref | None:
        number = parsed.get(text)
        key = key_of(number.register, number.year, number.serial) if number else None
        key = key or parse_key(text)
        if key is None:
            return None
        return Ref(key, text, evidence.start, evidence.end, evidence.page, rule)

    if doc.kind in ("protokoll", "kallelse") and doc.items:
        units = []
        for item in doc.items:
            unit = Unit(
                doc.source,
                doc.kind,
                doc.date,
                item.title,
                municipality,
                item=item.number,
                item_kinds=tuple(item.mentions),
                item_evidence=item.evidence,
            )
            for text in item.case_numbers:
                ref = ref_of(text, _within(doc, text, item.evidence), "items:case_number")
                if ref is not None:
                    unit.refs.append(ref)
            units.append(unit)
        return units
    unit = Unit(
        doc.source,
        doc.kind,
        doc.date,
        doc.title,
        municipality,
        authors=tuple((a.name, a.role) for a in doc.authors),
        addressees=tuple((a.name, a.role) for a in doc.addressees),
    )
    for number in doc.case_numbers:
        key = key_of(number.register, number.year, number.serial) or parse_key(number.text)
        if key is not None:
            ev = number.evidence
            unit.refs.append(Ref(key, number.text, ev.start, ev.end, ev.page, ev.rule))
    if doc.answers is not None:
        unit.answers_kind = doc.answers.kind
        unit.answers_title = doc.answers.title
        unit.answers_key = parse_key(doc.answers.case_number) if doc.answers.case_number else None
        unit.answers_evidence = doc.answers.evidence
    return [unit]


def _within(doc: Document, text: str, evidence: Evidence) -> Evidence:
    """The evidence of `text` where it stands inside an item (the item's evidence if not found)."""
    if doc.text is None:
        return evidence
    found = doc.text.find(text, evidence.start, evidence.end)
    if found < 0:
        return evidence
    return Evidence(start=found, end=found + len(text), page=evidence.page, rule=evidence.rule)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)


Place = tuple[str | None, CaseKey]  # (folded municipality, key)


def _canonical_keys(places: Iterable[Place]) -> dict[Place, Place]:
    """Each (municipality, key) -> the key it stands for. Places whose year and serial agree
    and whose register and municipality agree where both are given are one, when together they
    name at most one register and one municipality; the fullest of them stands for all."""
    places = sorted(set(places), key=repr)
    by_number: dict[tuple[int, int], list[Place]] = defaultdict(list)
    for p in places:
        by_number[(p[1].year, p[1].serial)].append(p)
    uf = _UnionFind()
    for group in by_number.values():
        for p in group:
            fits = [q for q in group if _agree(p, q)]
            registers = {q[1].register for q in fits if q[1].register}
            munis = {q[0] for q in fits if q[0]}
            if len(registers) <= 1 and len(munis) <= 1:
                for q in fits:
                    uf.union(p, q)
    members: dict[object, list[Place]] = defaultdict(list)
    for p in places:
        members[uf.find(p)].append(p)
    canonical: dict[Place, Place] = {}
    for group in members.values():
        fullest = max(group, key=lambda q: (q[0] is not None, q[1].register is not None, repr(q)))
        merged = (
            fullest[0],
            fullest[1]._replace(register=next((q[1].register for q in group if q[1].register), None)),
        )
        for p in group:
            canonical[p] = merged
    return canonical


def _agree(p: Place, q: Place) -> bool:
    return (p[0] is None or q[0] is None or p[0] == q[0]) and (
        p[1].register is None or q[1].register is None or p[1].register == q[1].register
    )


def _core(title: str | None) -> str:
    """A title without its kind words: what two documents about one matter share."""
    if not title:
        return ""
    return " ".join(lexicon.title_kind_words().sub(" ", fold(title)).replace("-", " ").split())


def _cores_alike(core_a: str, core_b: str) -> bool:
    """Whether two titles' cores (`_core`) are about one matter."""
    if len(core_a.split()) < 3 or len(core_b.split()) < 3:
        return False
    return fuzz.token_set_ratio(core_a, core_b) >= TITLE_SIMILARITY


@dataclass(slots=True)
class _Index:
    """What the joins compare of each unit, worked out once: each answer and each § item is
    compared with every unit, and folding titles and places for every pair made `threads`
    take minutes on a few thousand documents."""

    cores: list[str]  # _core(title)
    places: list[str | None]  # the municipality folded; None where the unit names none
    by_key: dict[CaseKey, list[int]]  # the units citing each case key, in order

    @classmethod
    def of(cls, units: list[Unit]) -> _Index:
        by_key: dict[CaseKey, list[int]] = defaultdict(list)
        for j, unit in enumerate(units):
            for key in dict.fromkeys(r.key for r in unit.refs):
                by_key[key].append(j)
        return cls(
            cores=[_core(u.title) for u in units],
            places=[None if u.municipality is None else fold(u.municipality) for u in units],
            by_key=by_key,
        )

    def same_place(self, i: int, j: int) -> bool:
        a, b = self.places[i], self.places[j]
        return a is None or b is None or a == b


def _names_fit(
    named: Iterable[tuple[str | None, str | None]], other: Iterable[tuple[str | None, str | None]]
) -> bool | None:
    """Whether a name on one side fits a name on the other; None where either names no one."""
    forms_a = [f for f in (parse_name(n) for n, _ in named) if f is not None and f.given]
    forms_b = [f for f in (parse_name(n) for n, _ in other) if f is not None and f.given]
    if not forms_a or not forms_b:
        return None
    return any(compatible(a, b) for a in forms_a for b in forms_b)


def _evidence(
    unit: Unit, start: int | None, end: int | None, page: int | None, rule: str, text: str | None = None
) -> LinkEvidence:
    return LinkEvidence(source=unit.source, start=start, end=end, page=page, rule=rule, text=text)


def _from(unit: Unit, ev: Evidence | None, rule: str) -> LinkEvidence:
    if ev is None:
        return _evidence(unit, None, None, None, rule)
    return _evidence(unit, ev.start, ev.end, ev.page, rule)


def threads(units: Iterable[Unit]) -> list[CaseThread]:
    """Join units into threads (see the module docstring); threads in date order."""
    units = list(units)
    uf = _UnionFind()
    links: list[tuple[str, list[int], str | None, list[LinkEvidence]]] = []
    # by case number
    places = {
        i: [(fold(u.municipality) if u.municipality else None, r.key) for r in u.refs]
        for i, u in enumerate(units)
        if len({r.key for r in u.refs}) <= MAX_KEYS
    }
    canonical = _canonical_keys(p for ps in places.values() for p in ps)
    holders: dict[Place, list[tuple[int, Ref]]] = defaultdict(list)
    for i, ps in places.items():
        for place, ref in zip(ps, units[i].refs, strict=True):
            holders[canonical[place]].append((i, ref))
    for place, held in sorted(holders.items(), key=lambda kv: repr(kv[0])):
        members = sorted({i for i, _ in held})
        for i in members[1:]:
            uf.union(members[0], i)
        if len(members) > 1:
            evidence = [
                _evidence(units[i], r.start, r.end, r.page, r.rule, r.text)
                for i, r in sorted(held, key=lambda h: (h[0], h[1].start or 0))
            ]
            links.append(("case_number", members, str(place[1]), evidence))
    index = _Index.of(units)
    # by answers
    for i, unit in enumerate(units):
        if unit.kind != "svar" or unit.answers_evidence is None:
            continue
        for j in _answered(i, units, index):
            uf.union(i, j)
            rule = "answers:case_number" if unit.answers_key else "answers:title"
            links.append(("answers", [j, i], None, [_from(unit, unit.answers_evidence, rule)]))
    # by protocol items that deal with a motion or question of the same title
    titled = [
        j
        for j, other in enumerate(units)
        if other.item is None and other.kind in (*INITIATIVES, "svar") and len(index.cores[j].split()) >= 3
    ]
    for i, unit in enumerate(units):
        if unit.item is None:
            continue
        for j in titled:
            if index.same_place(i, j) and _cores_alike(index.cores[i], index.cores[j]):
                uf.union(i, j)
                links.append(("item", [j, i], None, [_from(unit, unit.item_evidence, "items:title")]))
    linked = {i for link in links for i in link[1]}
    groups: dict[object, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        if unit.refs or uf.find(i) != i or i in linked:
            groups[uf.find(i)].append(i)
    canon = {i: sorted({str(canonical[p][1]) for p in ps}) for i, ps in places.items()}
    out = [_thread(units, members, links, canon) for members in groups.values()]
    return sorted(out, key=lambda t: (t.first_date or "9999", t.id))


def _answered(i: int, units: list[Unit], index: _Index) -> list[int]:
    """The units the answer `units[i]` answers: by its case number, else by title with the
    people swapped."""
    answer = units[i]
    if answer.answers_key is not None:
        found = [
            j
            for j in index.by_key.get(answer.answers_key, ())
            if j != i
            and units[j].item is None
            and units[j].kind in ((answer.answers_kind,) if answer.answers_kind else INITIATIVES)
            and index.same_place(j, i)
        ]
        if found:
            return found
    answered = _core(answer.answers_title or answer.title)
    candidates = []
    for j, u in enumerate(units):
        if j == i or u.item is not None or u.kind not in INITIATIVES or not index.same_place(j, i):
            continue
        if answer.answers_kind and answer.answers_kind != u.kind:
            continue
        if not _cores_alike(answered, index.cores[j]):
            continue
        # asker and addressee swap places: the answer's author was asked, its addressee asked
        if (
            _names_fit(answer.authors, u.addressees) is False
            or _names_fit(answer.addressees, u.authors) is False
        ):
            continue
        if answer.date and u.date and u.date > answer.date:
            continue
        candidates.append(j)
    return candidates if len(candidates) == 1 else []


def _thread(units: list[Unit], members: list[int], links: list, canon: dict[int, list[str]]) -> CaseThread:
    order = sorted(members, key=lambda i: (units[i].date or "9999", units[i].source, units[i].item or ""))
    position = {i: n for n, i in enumerate(order)}
    roles = lexicon.thread_roles()
    documents = [
        ThreadDocument(
            source=units[i].source,
            kind=units[i].kind,
            role=roles.get(units[i].kind, "related"),
            date=units[i].date,
            title=units[i].title,
            item=units[i].item,
        )
        for i in order
    ]
    own = [
        ThreadLink(by=by, documents=sorted(position[i] for i in idx), key=key, evidence=ev)
        for by, idx, key, ev in links
        if all(i in position for i in idx)
    ]
    keys = sorted({k for i in members for k in canon.get(i, [str(r.key) for r in units[i].refs])})
    written = sorted({" ".join(r.text.split()) for i in members for r in units[i].refs})
    munis = sorted({units[i].municipality for i in members if units[i].municipality})
    dates = [d.date for d in documents if d.date]
    basis = "|".join(keys) if keys else "|".join(f"{d.source}#{d.item}" for d in documents)
    return CaseThread(
        id="c-" + hashlib.sha1(f"{'/'.join(fold(m) for m in munis)}|{basis}".encode()).hexdigest()[:16],
        case_numbers=keys,
        written=written,
        municipality=munis[0] if munis else None,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        documents=documents,
        links=own,
    )


def cases(documents: Iterable[object]) -> list[CaseThread]:
    """The case threads of `documents` (Documents; anything else, e.g. a Failure, is skipped)."""
    units = [u for doc in documents if isinstance(doc, Document) for u in document_units(doc)]
    return threads(units)
