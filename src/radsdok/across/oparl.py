"""Documents, the people registry and case threads -> OParl 1.1 objects (plain dicts).

    records = [r for doc in documents for r in document_records(doc)]   # compact, no text
    objects = OParl(records, people_records, threads, base_url="https://example.invalid/oparl/")
    objects.system(); objects.bodies(); objects.organizations(); objects.persons() ...

What becomes what (the tables are `data/oparl.json`):

* one `Body` per municipality (a document's own, else its case thread's), one for the
  parliament (a document naming a minister), one for documents whose assembly is unknown;
* a `Paper` per document that is not a meeting's (`reference` = its first diarienummer as
  written, `paperType` = the Swedish name of its kind, `originatorPerson` = its authors in the
  registry, `originatorOrganization` = a party signing alone, `underDirectionOf` = a report's
  department, `superordinatedPaper`/`subordinatedPaper` = the question an answer answers,
  `relatedPaper` = the other papers of its case thread, `consultation` = embedded);
* a `Meeting` per protocol or notice, its § items `AgendaItem`s (embedded) and a
  `Consultation` for each paper of a case thread a § item (or the meeting) deals with;
* a `Person` per official (and private person, unless left out) of the registry; role-only
  records are no persons and are left out;
* an `Organization` per party in a body, per board or assembly (a meeting's, or one a role
  names: 'kommunstyrelsens ordförande'), per department, and the government for ministers;
* a `Membership` per party and per role that names its organization: `startDate` the first
  date the input shows it; `endDate` only where the input shows that it ended (OParl 1.1:
  "Datum, an dem die Mitgliedschaft endet"): for a party, when a later document shows the
  person in another party, the last date seen in this one; never for a role (a later holder
  may share it). The first and last date seen are `radsdok:firstSeen`/`radsdok:lastSeen`.

Ids are URLs under `base_url`, made from the registry's person ids, the documents' sources and
the names of bodies and parties: the same input gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import regex

from ..models import Document
from . import lexicon
from .cases import Unit, document_units
from .mentions import Mention, document_mentions
from .names import fold, parse_name
from .records import CaseThread, PersonRecord, Span

OPARL = "https://schema.oparl.org/1.1/"
DEFAULT_BASE_URL = "https://example.invalid/oparl/"

Obj = dict[str, Any]


@dataclass(slots=True)
class ItemRecord:
    """A protocol's § item, as the export keeps it."""

    number: str
    title: str | None
    decision: str | None


@dataclass(slots=True)
class DocumentRecord:
    """What the export keeps of one document: no text, a few fields."""

    source: str
    kind: str
    title: str | None
    date: str | None
    municipality: str | None
    body: str | None
    department: str | None
    case_numbers: list[str] = field(default_factory=list)  # as written, spaces collapsed
    keys: list[str] = field(default_factory=list)  # normalised
    party_signers: list[str] = field(default_factory=list)  # parties signing without a name
    items: list[ItemRecord] = field(default_factory=list)


@dataclass(slots=True)
class ExportRecord:
    """A document's record with its mentions of people and its case units."""

    document: DocumentRecord
    mentions: list[Mention]
    units: list[Unit]


def document_records(doc: Document) -> list[ExportRecord]:
    """The export's compact record of a Document (a record maker for `dataset.map_files`)."""
    units = document_units(doc)
    record = DocumentRecord(
        source=doc.source,
        kind=doc.kind,
        title=" ".join(doc.title.split()) if doc.title else None,
        date=doc.date,
        municipality=doc.municipality,
        body=doc.body,
        department=doc.department,
        case_numbers=list(dict.fromkeys(" ".join(c.text.split()) for c in doc.case_numbers)),
        keys=sorted({str(r.key) for u in units for r in u.refs}),
        party_signers=[a.party for a in doc.authors if a.name is None and a.party],
        items=[ItemRecord(i.number, i.title, i.decision) for i in doc.items],
    )
    return [ExportRecord(record, document_mentions(doc), units)]


# ---------------------------------------------------------------- names and ids


def _slug(text: str) -> str:
    return quote(regex.sub(r"[^\p{L}\p{N}]+", "-", fold(text)).strip("-") or "x", safe="-")


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def _title_case(name: str) -> str:
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]


def _mention_key(source: str, field: str, name: str | None, start: int | None) -> tuple:
    return (source, field, name, start)


def split_name(name: str) -> tuple[str | None, str | None]:
    """(givenName, familyName) where the name splits into given names and a surname."""
    form = parse_name(name)
    if form is None or not form.given:
        return None, None
    given, _, family = form.written.rpartition(" ")
    return (given or None), (family or None)


def body_classes(name: str) -> tuple[str, str]:
    """(organizationType, classification) of a body by the end of its folded name."""
    folded = fold(name)
    for ending, kind, classification in lexicon.oparl()["bodies"]:
        if folded.endswith(fold(ending)):
            return kind, classification
    return "Sonstiges", "övrigt"


def role_body(role: str) -> tuple[str, str] | None:
    """(body name, role) for a role that names its body: 'kommunstyrelsens ordförande' ->
    ('Kommunstyrelsen', 'ordförande'); the government for a minister; else None."""
    for pattern in lexicon.oparl()["role_bodies"]:
        match = regex.match(pattern, role, regex.IGNORECASE)
        if match:
            found = match.groupdict()
            body = found.get("body") or (found.get("genitive") or "").removesuffix("s")
            return _title_case(body), match.group("role")
    if any(regex.search(p, role, regex.IGNORECASE) for p in lexicon.oparl()["parliament_roles"]):
        return lexicon.oparl()["government"], role
    return None


def party_end(span: Span, parties: Iterable[Span]) -> str | None:
    """The `endDate` of a party membership: the last date the person is seen in this party when
    a later document shows them in another (the membership ended after that date, the switch
    lies between); else None, since a last sighting does not show that a membership ended."""
    if span.last is None:
        return None
    switched = any(other.value != span.value and (other.last or "") > span.last for other in parties)
    return span.last if switched else None


def _is_parliament_role(role: str | None) -> bool:
    return bool(role) and any(
        regex.search(p, role.strip(), regex.IGNORECASE) for p in lexicon.oparl()["parliament_roles"]
    )


class Ids:
    """The URL of every object, under one base."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL) -> None:
        if not regex.match(r"^https?://[^/\s]+", base_url):
            raise ValueError(f"--base-url must be an http(s) URL (OParl ids are URLs), not {base_url!r}")
        self.base = base_url if base_url.endswith("/") else base_url + "/"

    def system(self) -> str:
        return self.base + "system"

    def body(self, key: str) -> str:
        return f"{self.base}body/{_slug(key)}"

    def body_list(self, key: str, what: str) -> str:
        return f"{self.base}body/{_slug(key)}/{what}"

    def organization(self, body: str, category: str, name: str) -> str:
        return f"{self.base}organization/{_slug(body)}/{category}-{_slug(name)}"

    def person(self, person_id: str) -> str:
        return f"{self.base}person/{person_id}"

    def membership(self, person_id: str, organization: str, role: str | None) -> str:
        return f"{self.base}membership/{person_id}-{_hash(organization + '|' + (role or ''))}"

    def paper(self, source: str) -> str:
        return f"{self.base}paper/{_hash(source)}"

    def file(self, source: str) -> str:
        return f"{self.base}file/{_hash(source)}"

    def meeting(self, source: str) -> str:
        return f"{self.base}meeting/{_hash(source)}"

    def agenda_item(self, source: str, number: str | None) -> str:
        return f"{self.base}agendaitem/{_hash(source)}-{_slug(number or 'x')}"

    def consultation(self, paper_source: str, meeting_source: str, number: str | None) -> str:
        return f"{self.base}consultation/{_hash(paper_source + '|' + meeting_source + '|' + (number or ''))}"


def _file_object(ids: Ids, source: str) -> Obj | None:
    """An oparl:File for a document's source: accessUrl is a file:// URL where the file exists."""
    path = Path(source)
    if not path.is_file():
        return None
    obj: Obj = {
        "id": ids.file(source),
        "type": OPARL + "File",
        "name": path.name,
        "fileName": path.name,
        "accessUrl": path.resolve().as_uri(),
    }
    mime = lexicon.oparl()["mime_types"].get(path.suffix.lower())
    if mime:
        obj["mimeType"] = mime
    return obj


# ---------------------------------------------------------------- the objects


class OParl:
    """The OParl objects of an export, from compact document records, the people registry and
    the case threads. Persons, organizations and memberships are built at once (their number
    grows with the people, not the documents); papers and meetings are yielded one at a time."""

    def __init__(
        self,
        documents: Iterable[DocumentRecord],
        people: Iterable[PersonRecord],
        threads: Iterable[CaseThread],
        mentions: Iterable[Mention] = (),
        *,
        base_url: str = DEFAULT_BASE_URL,
    ) -> None:
        self.ids = Ids(base_url)
        self.words = lexicon.oparl()
        self.documents = list(documents)
        self.threads = list(threads)
        self.people = [p for p in people if p.type != "role" and p.name]
        self._meeting_kinds = set(self.words["meeting_kinds"])
        self._person_of = {
            _mention_key(m.source, m.field, m.name, m.start): p.id for p in self.people for m in p.mentions
        }
        self._mentions: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            self._mentions[m.source].append(m)
        self._bodies: dict[str, Obj] = {}
        self._orgs: dict[str, Obj] = {}
        self._body_of_source = self._resolve_bodies()
        self._memberships = self._build_people()
        self._consultations = self._build_consultations()

    # ---------------------------------------------------------------- bodies

    def _body(self, key: str, name: str, classification: str, code: str | None = None) -> str:
        if key not in self._bodies:
            obj: Obj = {
                "id": self.ids.body(key),
                "type": OPARL + "Body",
                "system": self.ids.system(),
                "name": name,
                "shortName": name,
                "classification": classification,
                "organization": self.ids.body_list(key, "organizations"),
                "person": self.ids.body_list(key, "persons"),
                "meeting": self.ids.body_list(key, "meetings"),
                "paper": self.ids.body_list(key, "papers"),
                "legislativeTerm": [],
            }
            if code:
                obj["radsdok:kommunkod"] = code
            self._bodies[key] = obj
        return key

    def _municipal_body(self, municipality: str) -> str:
        name = " ".join(municipality.split())
        code = lexicon.municipality_codes().get(name)
        return self._body(fold(name), name, self.words["municipality_classification"], code)

    def _resolve_bodies(self) -> dict[str, str]:
        """Each document's body key: its municipality, its case thread's, the parliament's (a
        document naming a minister or of the riksdag), or the unknown body."""
        thread_municipality: dict[str, str] = {}
        for thread in self.threads:
            if thread.municipality:
                for d in thread.documents:
                    thread_municipality.setdefault(d.source, thread.municipality)
        parliament, unknown = self.words["parliament"], self.words["unknown_body"]
        out: dict[str, str] = {}
        for doc in self.documents:
            municipality = doc.municipality or thread_municipality.get(doc.source)
            if municipality:
                out[doc.source] = self._municipal_body(municipality)
            elif (doc.body and any(w in fold(doc.body) for w in self.words["parliament_words"])) or any(
                _is_parliament_role(m.role) for m in self._mentions.get(doc.source, ())
            ):
                out[doc.source] = self._body(
                    parliament["key"], parliament["name"], parliament["classification"]
                )
                self._bodies[parliament["key"]]["shortName"] = parliament["shortName"]
            else:
                out[doc.source] = self._body(unknown["key"], unknown["name"], unknown["classification"])
        return out

    # ---------------------------------------------------------------- organizations

    def _organization(self, body: str, category: str, name: str) -> str:
        oid = self.ids.organization(body, category, name)
        if oid not in self._orgs:
            obj: Obj = {"id": oid, "type": OPARL + "Organization", "body": self.ids.body(body)}
            if category == "party":
                obj["name"] = lexicon.party_names().get(name, name)
                obj["shortName"] = name
            else:
                obj["name"] = name
            if category in ("party", "department"):
                obj["organizationType"] = self.words[category]["organizationType"]
                obj["classification"] = self.words[category]["classification"]
            else:
                obj["organizationType"], obj["classification"] = body_classes(name)
            obj["membership"] = []
            self._orgs[oid] = obj
        return oid

    def _party(self, body: str, party: str) -> str:
        return self._organization(body, "party", party)

    def _board(self, body: str, name: str) -> str:
        return self._organization(body, "body", _title_case(name))

    def _department(self, body: str, name: str) -> str:
        return self._organization(body, "department", _title_case(name))

    # ---------------------------------------------------------------- people

    def _person_body(self, person: PersonRecord) -> str:
        counts = Counter(self._body_of_source.get(m.source) for m in person.mentions)
        counts.pop(None, None)
        if counts:
            return min(counts, key=lambda k: (-counts[k], k))  # type: ignore[return-value]
        if person.municipality:
            return self._municipal_body(person.municipality)
        unknown = self.words["unknown_body"]
        return self._body(unknown["key"], unknown["name"], unknown["classification"])

    def _build_people(self) -> dict[str, list[Obj]]:
        """Memberships per person id (organizations are made on the way)."""
        out: dict[str, list[Obj]] = {}
        for person in self.people:
            body = self._person_body(person)
            memberships: list[Obj] = []
            for span in person.parties:
                end = party_end(span, person.parties)
                memberships.append(self._membership(person, self._party(body, span.value), None, span, end))
            for span in person.roles:
                found = role_body(span.value)
                if found is None:
                    continue
                name, role = found
                org_body = body
                if name == self.words["government"]:
                    parliament = self.words["parliament"]
                    org_body = self._body(parliament["key"], parliament["name"], parliament["classification"])
                memberships.append(self._membership(person, self._board(org_body, name), role, span, None))
            out[person.id] = memberships
        return out

    def _membership(
        self, person: PersonRecord, org: str, role: str | None, span: Span, end: str | None
    ) -> Obj:
        obj: Obj = {
            "id": self.ids.membership(person.id, org, role),
            "type": OPARL + "Membership",
            "person": self.ids.person(person.id),
            "organization": org,
        }
        if role:
            obj["role"] = role
        if span.first:
            obj["startDate"] = span.first
        if end:
            obj["endDate"] = end
        if span.first:
            obj["radsdok:firstSeen"] = span.first
        if span.last:
            obj["radsdok:lastSeen"] = span.last
        obj["radsdok:mentions"] = span.mentions
        self._orgs[org]["membership"].append(obj["id"])
        return obj

    def persons(self) -> list[Obj]:
        out = []
        for person in self.people:
            obj: Obj = {
                "id": self.ids.person(person.id),
                "type": OPARL + "Person",
                "body": self.ids.body(self._person_body(person)),
                "name": person.name,
            }
            given, family = split_name(person.name or "")
            if family:
                obj["familyName"] = family
            if given:
                obj["givenName"] = given
            if person.roles:
                obj["status"] = [s.value for s in person.roles]
            obj["membership"] = [
                {k: v for k, v in m.items() if k != "person"} for m in self._memberships[person.id]
            ]
            obj["radsdok:id"] = person.id
            obj["radsdok:type"] = person.type
            if person.variants:
                obj["radsdok:variants"] = person.variants
            obj["radsdok:mentions"] = len(person.mentions)
            out.append(obj)
        return out

    def memberships(self) -> list[Obj]:
        return [m for person in self.people for m in self._memberships[person.id]]

    # ---------------------------------------------------------------- consultations

    def _is_meeting(self, kind: str) -> bool:
        return kind in self._meeting_kinds

    def _build_consultations(self) -> dict[str, list[Obj]]:
        """Consultations by paper source: each paper of a thread with each § item (or meeting)
        of the same thread."""
        by_paper: dict[str, list[Obj]] = defaultdict(list)
        self._item_consultation: dict[tuple[str, str | None], str] = {}
        self._related: dict[str, set[str]] = defaultdict(set)
        self._answers: dict[str, set[str]] = defaultdict(set)  # answer source -> question sources
        self._answered_by: dict[str, set[str]] = defaultdict(set)  # question source -> answer sources
        roles = self.words["consultation_roles"]
        for thread in self.threads:
            papers = [d for d in thread.documents if d.item is None and not self._is_meeting(d.kind)]
            papers.sort(key=lambda d: (d.role != "initiative", d.date or "9999", d.source))
            sittings = [d for d in thread.documents if self._is_meeting(d.kind)]
            for a in papers:
                self._related[a.source].update(b.source for b in papers if b.source != a.source)
            for link in thread.links:
                if link.by == "answers" and len(link.documents) == 2:
                    question, answer = (thread.documents[i] for i in link.documents)
                    if not self._is_meeting(question.kind) and not self._is_meeting(answer.kind):
                        self._answers[answer.source].add(question.source)
                        self._answered_by[question.source].add(answer.source)
            for sitting in sittings:
                meeting = self.ids.meeting(sitting.source)
                item = self.ids.agenda_item(sitting.source, sitting.item) if sitting.item else None
                organization = self._meeting_org(sitting.source)
                for paper in papers:
                    obj: Obj = {
                        "id": self.ids.consultation(paper.source, sitting.source, sitting.item),
                        "type": OPARL + "Consultation",
                        "paper": self.ids.paper(paper.source),
                        "meeting": meeting,
                    }
                    if item:
                        obj["agendaItem"] = item
                    if organization:
                        obj["organization"] = [organization]
                    obj["role"] = roles.get(sitting.role, sitting.role)
                    by_paper[paper.source].append(obj)
                    self._item_consultation.setdefault((sitting.source, sitting.item), obj["id"])
        return by_paper

    def consultations(self) -> Iterator[Obj]:
        for source in sorted(self._consultations):
            yield from self._consultations[source]

    def _meeting_org(self, source: str) -> str | None:
        doc = self._document(source)
        if doc is None or not doc.body:
            return None
        return self._board(self._body_of_source[source], doc.body)

    def _document(self, source: str) -> DocumentRecord | None:
        if not hasattr(self, "_by_source"):
            self._by_source = {d.source: d for d in self.documents}
        return self._by_source.get(source)

    # ---------------------------------------------------------------- papers and meetings

    def _people_in(self, source: str, field: str) -> list[str]:
        found = []
        for m in sorted(self._mentions.get(source, ()), key=lambda m: m.index):
            pid = self._person_of.get(_mention_key(m.source, m.field, m.name, m.start))
            if m.field == field and pid and self.ids.person(pid) not in found:
                found.append(self.ids.person(pid))
        return found

    def papers(self) -> Iterator[Obj]:
        names = self.words["paper_types"]
        for doc in self.documents:
            if self._is_meeting(doc.kind):
                continue
            body = self._body_of_source[doc.source]
            obj: Obj = {
                "id": self.ids.paper(doc.source),
                "type": OPARL + "Paper",
                "body": self.ids.body(body),
                "name": doc.title or Path(doc.source).name,
            }
            if doc.case_numbers:
                obj["reference"] = doc.case_numbers[0]
            if doc.date:
                obj["date"] = doc.date
            obj["paperType"] = names.get(doc.kind, names["other"])
            originators = self._people_in(doc.source, "authors")
            if originators:
                obj["originatorPerson"] = originators
            parties = [self._party(body, p) for p in dict.fromkeys(doc.party_signers)]
            if parties:
                obj["originatorOrganization"] = parties
            if doc.department:
                obj["underDirectionOf"] = [self._department(body, doc.department)]
            above = sorted(self.ids.paper(s) for s in self._answers.get(doc.source, ()))
            below = sorted(self.ids.paper(a) for a in self._answered_by.get(doc.source, ()))
            if above:
                obj["superordinatedPaper"] = above
            if below:
                obj["subordinatedPaper"] = below
            related = sorted(self.ids.paper(s) for s in self._related.get(doc.source, ()))
            related = [r for r in related if r not in above and r not in below]
            if related:
                obj["relatedPaper"] = related
            main = _file_object(self.ids, doc.source)
            if main:
                obj["mainFile"] = main
            if doc.source in self._consultations:
                obj["consultation"] = self._consultations[doc.source]
            obj["radsdok:source"] = doc.source
            obj["radsdok:kind"] = doc.kind
            if doc.keys:
                obj["radsdok:caseNumbers"] = doc.keys
            yield obj

    def meetings(self) -> Iterator[Obj]:
        """Meetings with their agenda items embedded."""
        for doc in self.documents:
            if not self._is_meeting(doc.kind):
                continue
            organization = self._meeting_org(doc.source)
            name = " ".join(x for x in (_title_case(doc.body) if doc.body else None, doc.date) if x)
            obj: Obj = {
                "id": self.ids.meeting(doc.source),
                "type": OPARL + "Meeting",
                "name": name or doc.title or Path(doc.source).name,
            }
            if organization:
                obj["organization"] = [organization]
            participants = self._people_in(doc.source, "members")
            if participants:
                obj["participant"] = participants
            protocol = _file_object(self.ids, doc.source)
            if protocol:
                obj["resultsProtocol" if doc.kind == "protokoll" else "invitation"] = protocol
            obj["agendaItem"] = list(self._agenda_items(doc))
            if doc.date:
                obj["radsdok:date"] = doc.date
            obj["radsdok:source"] = doc.source
            obj["radsdok:kind"] = doc.kind
            yield obj

    def _agenda_items(self, doc: DocumentRecord) -> Iterator[Obj]:
        for order, item in enumerate(doc.items, 1):
            obj: Obj = {
                "id": self.ids.agenda_item(doc.source, item.number),
                "type": OPARL + "AgendaItem",
                "meeting": self.ids.meeting(doc.source),
                "number": item.number,
                "order": order,
            }
            if item.title:
                obj["name"] = item.title
            consultation = self._item_consultation.get((doc.source, item.number))
            if consultation:
                obj["consultation"] = consultation
            if item.decision:
                obj["resolutionText"] = item.decision
            yield obj

    def agenda_items(self) -> Iterator[Obj]:
        for meeting in self.meetings():
            yield from meeting["agendaItem"]

    def organizations(self) -> list[Obj]:
        """Every organization; call after papers and meetings (they add departments and boards)."""
        for doc in self.documents:  # make sure boards and departments exist however it is called
            body = self._body_of_source[doc.source]
            if doc.department:
                self._department(body, doc.department)
            if self._is_meeting(doc.kind) and doc.body:
                self._board(body, doc.body)
            for party in doc.party_signers:
                self._party(body, party)
        return sorted(self._orgs.values(), key=lambda o: o["id"])

    def bodies(self) -> list[Obj]:
        return sorted(self._bodies.values(), key=lambda b: b["id"])

    def system(self) -> Obj:
        from .. import __version__

        return {
            "id": self.ids.system(),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "body": self.ids.base + "bodies",
            "name": "radsdok export",
            "radsdok:version": __version__,
        }
