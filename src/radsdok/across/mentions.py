"""A Document's people as compact mention records: what the registry keeps of a document.

A `Mention` holds a name (or a role alone) as one document gives it, with the party, role,
date, assembly and the offsets of its evidence; nothing else of the document is kept, so a
registry over many documents holds mentions, not documents.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from ..lazy_pattern import lazy_compile
from ..models import Document, Evidence
from ..privacy.detect import find_marked_private
from . import lexicon
from .names import fold, parse_name

_SPACES = lazy_compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Mention:
    """One person (or role) named in one document."""

    source: str
    field: str  # authors, addressees, members, case_officer; text: a private person in the prose
    index: int  # position in that field of the document
    name: str | None  # as the document gives it; None for a role alone
    start: int | None
    end: int | None
    page: int | None
    party: str | None
    role: str | None  # as written ("jordbruksministern")
    date: str | None
    kind: str
    municipality: str | None  # of a document of a municipal body; None for parliament or unsaid
    place: str | None  # "i Hisings Backa": the place a parliament gives namesakes
    private: bool  # the signer of a medborgarförslag, a citizen the text names: no office holder
    # the parliamentary session ('2014/15') a document without a date is numbered in
    session: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def assembly(self) -> str | None:
        """The municipality folded, for comparing; None where the document names none."""
        return fold(self.municipality) if self.municipality else None


Span = tuple[date, date]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def session_span(session: str | None) -> Span | None:
    """The days of a parliamentary session: '2014/15' -> 2014-09-01 to 2015-08-31."""
    if not session or not session[:4].isdigit():
        return None
    year, month = int(session[:4]), int(lexicon.words()["session_first_month"])
    return date(year, month, 1), date(year + 1, month, 1) - timedelta(days=1)


def when(mention: Mention) -> Span | None:
    """The mention's date as a span of one day, or its session's span where it has no date."""
    day = _day(mention.date)
    return (day, day) if day else session_span(mention.session)


def normal_party(party: str | None) -> str | None:
    """The party, or None where the mark says the person has none ('-', 'obunden')."""
    if party is None:
        return None
    party = party.strip()
    if not party or party.casefold() in lexicon.no_party():
        return None
    return party


def normal_role(role: str | None) -> str | None:
    """A role in its base form, lower case: 'Jordbruksministern' -> 'jordbruksminister'."""
    if not role:
        return None
    role = _SPACES.sub(" ", role).strip(" ,.:;").casefold()
    if not role:
        return None
    for definite, base in lexicon.words()["definite_endings"]:
        if role.endswith(definite):
            return role[: -len(definite)] + base
    return role


def role_parts(role: str | None) -> tuple[str, ...]:
    """The roles a joined role is made of: 'klimat- och miljöminister' -> ('klimatminister',
    'miljöminister'); 'närings-, och innovationsminister' likewise. Nothing for a role that is
    not joined (the last word must end in a title suffix: 'minister', 'råd', …)."""
    if not role:
        return ()
    words = role.split(" ")
    last = words[-1]
    endings = [s for s in _base_suffixes() if last.endswith(s) and len(last) > len(s)]
    suffix = max(endings, key=len, default=None)
    if suffix is None or len(words) < 3:
        return ()
    heads: list[str] = []
    joined = False
    for word in words[:-1]:
        if word in lexicon.title_joiners():
            joined = True
            continue
        head = word.rstrip(",")
        if not head.endswith("-") or len(head) < 2 or joined:
            return ()  # 'vice statsminister', or a word after the joiner: not one joined role
        heads.append(head[:-1])
    if not (joined and heads):
        return ()
    return (*(head + suffix for head in heads), last)


def _base_suffixes() -> tuple[str, ...]:
    """The title suffixes in base form ('ministern' -> 'minister'), as normal_role leaves them."""
    return tuple(dict.fromkeys(normal_role(s) or s for s in lexicon.title_suffixes()))


def single_holder(role: str | None) -> bool:
    """Whether one person at a time holds the role (a minister, a board's chair)."""
    if not role or role in lexicon.shared_roles():
        return False
    return lexicon.single_holder_roles().search(role) is not None


def _session(doc: Document) -> str | None:
    """The session ('2014/15') a parliament document without a date is numbered in."""
    if doc.date or doc.body:
        return None
    for text in (doc.title, doc.text[:600] if doc.text else None):
        match = lexicon.session_number().search(text) if text else None
        if match:
            return match.group("session")
    return None


def _place(doc: Document, evidence: Evidence | None) -> str | None:
    if doc.text is None or evidence is None:
        return None
    match = lexicon.place_qualifier().match(doc.text[evidence.end : evidence.end + 60])
    return match.group(1) if match else None


def _locate(doc: Document, name: str) -> tuple[int | None, int | None]:
    """Offsets of a name the Document gives without evidence (the case officer)."""
    if doc.text is None:
        return None, None
    found = doc.text.find(name)
    return (found, found + len(name)) if found >= 0 else (None, None)


def _page(doc: Document, offset: int | None) -> int | None:
    if offset is None or not doc.page_starts:
        return None
    first = doc.page_range[0] if doc.page_range else 1
    return first + bisect.bisect_right(doc.page_starts, offset) - 1


def document_mentions(doc: Document) -> list[Mention]:
    """The people a document names: its authors, addressees, members and case officer."""
    # A municipality counts as the assembly only for a document of a council or board (one with
    # a body): a parliament document that names a town is about the town, not from it.
    municipality = doc.municipality if doc.body else None
    private_kind = doc.kind in lexicon.words()["private_kinds"]
    session = _session(doc)
    out: list[Mention] = []

    def add(field: str, index: int, person: Any, evidence: Evidence | None, private: bool = False) -> None:
        name = getattr(person, "name", None)
        role = getattr(person, "role", None)
        if name is not None and parse_name(name) is None:
            # a title alone where the name was expected ("Statsrådet"): a role
            role, name = role or name, None
        if name is None and not role:
            return  # a party signing alone is no person
        out.append(
            Mention(
                source=doc.source,
                field=field,
                index=index,
                name=name,
                start=evidence.start if evidence else None,
                end=evidence.end if evidence else None,
                page=evidence.page if evidence else None,
                party=normal_party(getattr(person, "party", None)),
                role=role,
                date=doc.date,
                kind=doc.kind,
                municipality=municipality,
                place=_place(doc, evidence) if name else None,
                private=private,
                session=session,
            )
        )

    for i, author in enumerate(doc.authors):
        private = private_kind and author.party is None and author.role is None
        add("authors", i, author, author.evidence, private)
    for i, addressee in enumerate(doc.addressees):
        add("addressees", i, addressee, addressee.evidence)
    for i, member in enumerate(doc.members):
        add("members", i, member, member.evidence)
    if doc.case_officer:
        start, end = _locate(doc, doc.case_officer)
        out.append(_unmarked(doc, "case_officer", 0, doc.case_officer, start, end, municipality, session))
    out.extend(_private_in_text(doc, out, municipality, session))
    return out


def _unmarked(
    doc: Document,
    field: str,
    index: int,
    name: str,
    start: int | None,
    end: int | None,
    municipality: str | None,
    session: str | None,
    *,
    private: bool = False,
) -> Mention:
    """A mention of a name the Document gives without party or role (the case officer, a
    private person in the prose), located in its text."""
    return Mention(
        source=doc.source,
        field=field,
        index=index,
        name=name,
        start=start,
        end=end,
        page=_page(doc, start),
        party=None,
        role=None,
        date=doc.date,
        kind=doc.kind,
        municipality=municipality,
        place=None,
        private=private,
        session=session,
    )


def _private_in_text(
    doc: Document, named: list[Mention], municipality: str | None, session: str | None
) -> list[Mention]:
    """Private persons the text itself marks ("medborgarförslag från Anna Berg", "Förslagsställare:
    Anna Berg") where no field of the Document already holds them: a protocol § on a citizen's
    proposal names its signer, who is then one private person with the proposal's signer."""
    if doc.text is None:
        return []
    taken = [(m.start, m.end) for m in named if m.start is not None and m.end is not None]
    office = {fold(m.name) for m in named if m.name and not m.private}
    out: list[Mention] = []
    for found in find_marked_private(doc.text):
        name = " ".join(doc.text[found.start : found.end].split())
        if fold(name) in office or any(s < found.end and found.start < e for s, e in taken):
            continue
        if parse_name(name) is None:
            continue
        mention = _unmarked(
            doc, "text", len(out), name, found.start, found.end, municipality, session, private=True
        )
        out.append(mention)
    return out
