"""Authors: signature lines ("Anna Svensson (V)", "/Lina Berg", "För S / name / role"),
header bylines ("… av Alf Svensson (kds) till …") and party letterheads."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import Hit, findings_of, reading_kind
from .layout import (
    AFTER_DOCUMENT_LINE,
    Line,
    appended_answer_start,
    content_end,
    dated_entries,
    in_mail_wrapper,
    lines_of,
    page_tail,
)
from .lexicon import alternation, first_names, page_tail_regex, parties, patterns, record_field_regex
from .names import NAME, NAME_RE, NAME_TOKEN, PARTY_MARK, is_plausible_name, party_line_regex
from .party_evidence import document_party, letterhead, party_voice
from .questions import ASKING_KINDS

_MAX_SIGNATURE_LINE = 110
_TAIL_LINES = 14
_CLOSING_SECTION = lazy_compile(
    r"^[ \t]*(?:" + alternation(patterns()["closing_section_lines"]) + r")[ \t]*:?[ \t]*$", regex.IGNORECASE
)
_CLOSING_REACH = 10  # two signers with their titles, and a page footer and page numbers below them
# The riksdag tells namesakes apart by home town: "Gunilla Carlsson i Hisings Backa (s)".
_CONSTITUENCY = rf"(?:\s+i\s+{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}})?"
BYLINE = lazy_compile(
    rf"\bav\s+(?P<name>{NAME}){_CONSTITUENCY}\s*\((?P<party>[^)]{{1,30}})\)\s+till\s+(?P<to>.+?)"
    r"(?=\s+(?:" + alternation(patterns()["byline_topic_words"]) + r")\s|\s*$)",
    regex.MULTILINE,
)
# "… av Alf Svensson (kds) till …", "Motion 2023/24:1095 av A och B (båda SD)"
BYLINE_AUTHORS = lazy_compile(
    r"\b(?:"
    + "|".join(patterns()["byline_by_patterns"])
    + rf")\s+(?P<names>{NAME}{_CONSTITUENCY}(?:(?:\s*,\s*|\s+och\s+){NAME}{_CONSTITUENCY})*)"
    rf"(?:\s+m\.\s?fl\.)?\s*\((?P<party>[^)]{{1,30}})\)"
)
_SIGNATURE = lazy_compile(rf"^/?\s*(?P<name>{NAME})")
_GROUP_WORD = lazy_compile(r"^(?:samtliga|båda|alla|bägge)\s+", regex.IGNORECASE)
_SENTENCE_GAP = lazy_compile(r"[.?!]\s")
_SEPARATORS = lazy_compile(r"(?<!\s)\s*+(?:,|\boch\b|&|\bsamt\b)\s*")
_GROUP_LINE = lazy_compile(r"^\(\s*(?:samtliga|båda|alla|bägge)\s+(?P<party>[^)]+)\)\s*$", regex.I)
_DATE_LINE = lazy_compile(r"\d{4}-\d{2}-\d{2}|\b\d{1,2}\s+\p{Ll}+\s+\d{4}\b")
_SIGNOFF = lazy_compile(
    r"^(?:" + "|".join(regex.escape(w) for w in patterns()["signoff_words"]) + r")\b", regex.I
)
_ROLE_LINE = lazy_compile(
    "^(?:" + "|".join(f"(?:{p})" for p in patterns()["role_lines"]) + r")$", regex.IGNORECASE
)


def _resolve_party(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip(" ()")
    text = _GROUP_WORD.sub("", text)
    return parties().resolve(text) or _party_in_line(text)


def _party_in_line(text: str) -> str | None:
    found = party_line_regex().match(text.strip())
    if not found:
        return None
    party = parties().resolve(found.group("party"))
    if party and not parties().from_abbreviation(party):
        # a local party is named as written, with the place it goes by
        # ('Sjukvårdspartiet Västernorrland'), not the stem the register knows
        written = _DATE_TAIL.sub("", found.group(0)).strip(" ,:")
        if written.casefold().startswith(("för ", "från ")):
            written = written.split(" ", 1)[1]
        if _LOCAL_WITH_PLACE.fullmatch(written):
            return written
    return party


# A local party's name and a place after it, capitalised ('Sjukvårdspartiet Västernorrland').
_LOCAL_WITH_PLACE = lazy_compile(r"\p{Lu}[\p{L}-]+(?:[ ]\p{Lu}[\p{L}-]+){1,2}")


@dataclass(frozen=True)
class _Signature:
    name: str
    start: int  # offsets within the line text
    end: int
    mark: str | None
    tail: str


_AFTER_NAME = lazy_compile(r"(?:\s+m\.?\s?fl\.?)?(?:\s*,\s*|\s+)?(?P<mark>\([^)]{1,40}\))?(?:\s*,\s*|\s+)?")


def _parse_signature(text: str, *, strict: bool) -> _Signature | None:
    """Name, party mark and the rest of a signature line; where the capitalised run is
    longer than a name ('Mattias Krantz Sverigedemokraterna i Mark'), its first words."""
    found = _SIGNATURE.match(text)
    if found is None:
        return None
    start = found.start("name")
    words = found.group("name").split()
    for size in range(len(words), 1, -1):
        name = " ".join(words[:size])
        if not text.startswith(name, start) or not is_plausible_name(name, strict=strict):
            continue
        after = _AFTER_NAME.match(text, start + len(name))
        mark = after.group("mark") if after else None
        end = after.end("mark") if mark and after else start + len(name)
        tail = text[after.end() if after else start + len(name) :].strip()
        return _Signature(name, start, end, mark, tail)
    return None


_Signer = tuple[int, int, str, str | None, bool]
_MORE_SIGNERS = lazy_compile(r"^(?:och|samt|&)\s+\p{Lu}|^,\s*\p{Lu}", regex.IGNORECASE)
# A signer's label alone on its line ('Förslagsställare', 'Inlämnad av:'), as a form sets it
_BARE_SIGNER_LABEL = lazy_compile(r"^(?i:" + alternation(patterns()["signer_labels"]) + r")[ \t]*:?$")
# the value under such a label: a name (in capitals as a form may keep it), then a date or nothing
_LABELLED_VALUE = lazy_compile(
    rf"^(?P<name>(?-i:{NAME})|\p{{Lu}}{{2,}}(?:[ -]\p{{Lu}}{{2,}}){{1,3}})"
    r"(?:[ \t]*,?[ \t]*(?:19|20)\d{2}-\d{2}-\d{2}(?:[ \t]+\d{1,2}[:.]\d{2})?)?$"
)
# A label or role word before a signer's name on its line: 'Ställd av:', 'Motionären',
# 'Oppositionsråd' (a capitalised role noun only: 'ordförande' in prose is no label).
_LEADING_LABEL = lazy_compile(
    r"^(?:(?i:"
    + alternation(patterns()["signer_labels"] + patterns()["signer_labels_with_colon"])
    + r")[ \t]*[:,][ \t]*|(?i:"
    + alternation(patterns()["signer_labels"])
    + r")[ \t]+(?=\p{Lu})|(?P<role>(?-i:\p{Lu})(?i:"
    + alternation([w[1:] for w in patterns()["role_nouns"] if w[:1].islower()])
    + r"))[ \t]+(?=\p{Lu}\p{Ll}))"
)
_COLUMN_GAP = lazy_compile(r"\s{3,}|\t")
# A column's cell: words kept apart by at most two spaces ('Anna Ek          Bo Al').
_CELL = lazy_compile(r"\S+(?:[ ]{1,2}\S+)*")
# A table's cell border as readers write it ('Anna Ek | Bo Al'): a column gap of the same length.
_CELL_BORDER = lazy_compile(r" \| ")
_DATE_TAIL = lazy_compile(
    r"(?<![,\s])[,\s]*+(?:den\s++)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.\s]++\d{2,4})?"
    r"|\d{1,2}\s++\p{Ll}++\s++\d{4})\s*+$"
)
_TOWN_TAIL = lazy_compile(r"^(?:(?:i|på)\s+)?\p{Lu}[\p{Ll}-]+(?:\s\p{Lu}[\p{Ll}-]+)?$")
# An acronym standing for a party after a comma ('Anders Hansen, SAFE'), in a signature only.
_ACRONYM = lazy_compile(r"^(?-i:\p{Lu}{2,8})$")


def _tail_party(tail: str, *, in_region: bool, after_comma: bool) -> str | None:
    """The party in what follows a signer's name: 'SD Borlänge', 'Vänsterpartiet i X 14/10
    2013', 'Sverigedemokraterna', or (in the signature zone, after a comma) an acronym."""
    tail = _DATE_TAIL.sub("", tail).strip(" ,–-")
    if not tail:
        return None
    party = _party_in_line(tail)
    if party:
        return party
    mark = PARTY_MARK.search(tail)
    if mark and _ROLE_LINE.match(PARTY_MARK.sub("", tail).strip()):
        return _resolve_party(mark.group(0))  # 'gruppledare (V)'
    first, _, rest = tail.partition(" ")
    code = parties().from_abbreviation(first)
    # 'SD', 'S'; in lower case only a code of two letters or more ('fp', 'kd'), not 'v' or 's'
    # ... but a lone letter after a comma is the code too ('Undertecknad, Mats Ohlin, v')
    written_as_code = first.isupper() or len(first) >= 2 or (after_comma and not rest)
    if code and written_as_code and (not rest or _TOWN_TAIL.match(rest)):
        return code
    if in_region and after_comma and _ACRONYM.match(tail) and tail.casefold() not in _NOT_PARTY_ACRONYMS:
        return tail
    return None


_NOT_PARTY_ACRONYMS = frozenset(w.casefold() for w in patterns()["not_party_acronyms"])


def _glued_names(name: str) -> list[str]:
    """'Anita Fagerholm Carina Strömbäck' (two signers on one line without a separator) ->
    both names, where each half starts with a known first name; else [name]."""
    words = name.split()
    if len(words) < 4:
        return [name]
    for cut in range(2, len(words) - 1):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if is_plausible_name(left, strict=True) and is_plausible_name(right, strict=True):
            return [left, right]
    return [name]


def _column_signers(text: str, offset: int, *, strict: bool) -> list[_Signer]:
    """Names set side by side in columns ('Anna Ek          Bo Al')."""
    cells = [(m.start(), m.group(0)) for m in _CELL.finditer(text)]
    if len(cells) < 2:
        return []
    out: list[_Signer] = []
    for at, cell in cells:
        found = _parse_signature(cell, strict=strict)
        if found is None or found.tail:
            return []
        party = _resolve_party(found.mark) if found.mark else None
        out.append((offset + at + found.start, offset + at + found.end, found.name, party, False))
    return out


def _signature_names(line: Line, *, strict: bool, in_region: bool = False) -> tuple[list[_Signer], bool]:
    """(start, end, name, party, group_mark) for each signer on one line, and whether the
    line is shaped as a signature (a name alone, or with a party mark, party or role after it)."""
    text = _CELL_BORDER.sub("   ", line.text.lstrip("/ "))
    offset = line.start + (len(line.text) - len(text))
    label = _LEADING_LABEL.match(text)
    if label and label.end() < len(text):  # 'Motionären Anna Berg (KD)': the name follows
        text, offset = text[label.end() :], offset + label.end()
    if len(text) > _MAX_SIGNATURE_LINE or (text.endswith(("?", ".")) and not text.endswith("fl.")):
        return [], False
    if _COLUMN_GAP.search(text):
        columns = _column_signers(text, offset, strict=strict)
        if columns:
            return columns, True
    found = _parse_signature(text, strict=strict)
    if found is None:
        several = _several_signers(text, offset, strict=strict)
        return several, bool(several)
    if found.mark and _MORE_SIGNERS.match(found.tail):  # 'Åke Ek (c) och Eva Al (c)'
        several = _several_signers(text, offset, strict=True)
        if several:
            return several, True
    party = _resolve_party(found.mark) if found.mark else None
    group = bool(found.mark and _GROUP_WORD.match(found.mark.lstrip("( ")))
    shaped = not found.tail or found.mark is not None
    if party is None and found.tail:
        after_comma = text[found.end :].lstrip().startswith(",")
        party = _tail_party(found.tail, in_region=in_region, after_comma=after_comma)
        if party is not None:
            shaped = True
        elif _ROLE_LINE.match(found.tail):
            shaped = shaped or after_comma or in_region
        elif after_comma and is_plausible_name(found.tail.lstrip(", "), strict=True):
            several = _several_signers(text, offset, strict=strict)  # 'Per Sjö, Eva Hall'
            return several, bool(several)
        elif after_comma and in_region and _TOWN_TAIL.match(found.tail.lstrip(", ")):
            shaped = True  # 'Maria Åberg, Sunnanå': a signer and where they live
        else:
            several = _several_signers(text, offset, strict=strict)
            return several, bool(several)
    names = _glued_names(found.name)
    if len(names) == 2:
        second = text.index(names[1], found.start + len(names[0]))
        return [
            (offset + found.start, offset + found.start + len(names[0]), names[0], party, group),
            (offset + second, offset + second + len(names[1]), names[1], party, group),
        ], shaped
    return [(offset + found.start, offset + found.end, found.name, party, group)], shaped


def _several_signers(text: str, offset: int, *, strict: bool) -> list[tuple[int, int, str, str | None, bool]]:
    """'Anna Ek (V), Bo Al (V) och Cia Ny (V)' -> three signers; every part must be a signer."""
    parts: list[tuple[int, int, str, str | None, bool]] = []
    pos = 0
    pieces = _SEPARATORS.split(text)
    # 'Anna Ek och Bo Al, Kommunlistan': a party after the last comma is everyone's
    shared_party = _party_in_line(pieces[-1].strip()) if len(pieces) > 2 and "," in text else None
    if shared_party is not None:
        pieces = pieces[:-1]
    for piece in pieces:
        at = text.index(piece, pos) if piece else pos
        pos = at + len(piece)
        if not piece:
            continue
        name_part = PARTY_MARK.sub("", piece).strip()
        if not is_plausible_name(name_part, strict=strict):
            return []
        mark = PARTY_MARK.search(piece)
        party = _resolve_party(mark.group(0)) if mark else None
        parts.append((offset + at, offset + at + len(piece), name_part, party, False))
    if len(parts) < 2:
        return []
    # "Anna Ek, Bo Al (V)": a trailing mark covers the names before it.
    last_party = shared_party or parts[-1][3]
    return [(s, e, n, p or last_party, g) for s, e, n, p, g in parts]


_GLUED = lazy_compile(r"[.!?](?=\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s*$)")


def _unglued(lines: tuple[Line, ...]) -> list[Line]:
    """Lines with a signature glued to the last sentence ('…skett.Siv Sahlström') split off."""
    out = list(lines)
    for i, line in enumerate(out):
        found = _GLUED.search(line.text)
        if found:
            cut = found.end()
            out[i] = Line(line.start + cut, line.end, line.text[cut:], line.paragraph)
    return out


def _signature_region(lines: tuple[Line, ...], text: str) -> set[int]:
    """Indexes of lines where an unmarked name reads as a signature: the last lines, and the
    last lines above the furniture that closes a web page (its contact box, its footer)."""
    region = set(range(max(0, len(lines) - _TAIL_LINES), len(lines)))
    end = content_end(text)
    if end < len(text):
        above = [i for i, line in enumerate(lines) if line.end <= end]
        region.update(above[-_TAIL_LINES:])
    for i, line in enumerate(lines):
        if len(line.text) > _MAX_SIGNATURE_LINE:
            continue
        if _SIGNOFF.match(line.text) or (_DATE_LINE.search(line.text) and len(line.text) < 60):
            region.update(range(i + 1, min(len(lines), i + 4)))
        if party_line_regex().match(line.text):
            region.update(range(max(0, i - 3), min(len(lines), i + 3)))
        if _LEADING_LABEL.match(line.text) and len(line.text) <= _MAX_SIGNATURE_LINE:
            region.add(i)  # 'Startad av: Anna Berg', 'Ställd av: …': a signer wherever it stands
        if i >= len(lines) // 2 and _CLOSING_SECTION.match(line.text):
            # 'Beslutet skickas till', 'Bilagor': the signed text ends above, however long
            # the closing part below runs
            region.update(range(max(0, i - _CLOSING_REACH), i))
        if i > 0 and page_tail_regex().match(line.text):
            # a web page's furniture (comments, tags, related posts) follows the document's end
            region.update(range(max(0, i - 4), i))
    return region


_PartyAt = tuple[str | None, tuple[int, int] | None]


def _party_in_role_line(line: Line) -> _PartyAt:
    """'Gruppledare (V)', 'Gruppledare för Vänsterpartiet', 'Vänsterpartiet, gruppledare':
    the party in a title line."""
    text = line.text
    head, comma, rest = text.partition(",")
    if comma and len(text) <= 80 and _ROLE_LINE.match(rest.strip()):
        party = _party_in_line(head)
        if party:
            start = line.start + len(head) - len(head.lstrip())
            return party, (start, line.start + len(head.rstrip()))
    if len(text) > 80 or not _ROLE_LINE.match(PARTY_MARK.sub("", text).strip()):
        return None, None
    mark = PARTY_MARK.search(text)
    if mark:
        party = _resolve_party(mark.group(0))
        if party:
            return party, (line.start + mark.start(), line.start + mark.end())
    named = parties().name_regex.search(text)
    if named:
        party = parties().resolve(named.group(0))
        if party:
            return party, (line.start + named.start(), line.start + named.end())
    return None, None


def _bare_party_code(text: str) -> str | None:
    """A line holding only a party code: '(V)', 'SD', '(fp)'."""
    stripped = text.strip()
    if PARTY_MARK.fullmatch(stripped):
        return _resolve_party(stripped)
    if stripped.isupper() and len(stripped) <= 3:
        return parties().from_abbreviation(stripped)
    return None


def _nearby_party(lines: tuple[Line, ...], i: int) -> tuple[str | None, bool, tuple[int, int] | None]:
    """A party on the lines just after (or a 'För X' line just before) a bare name line,
    whether it covers a group, and where it is written. Names stacked above one party
    line share it."""
    for j in range(i + 1, min(len(lines), i + 7)):
        line = lines[j]
        text = line.text
        group = _GROUP_LINE.match(text)
        if group:
            return _resolve_party(group.group("party")), True, (line.start, line.end)
        party = _party_in_line(text) or _bare_party_code(text)
        if party:
            return party, False, (line.start, line.end)
        party, where = _party_in_role_line(line)
        if party:
            return party, False, where
        stacked_name = is_plausible_name(text.lstrip("/ "), strict=True)
        if not (_ROLE_LINE.match(text) or _DATE_LINE.search(text) or stacked_name):
            break
    for j in range(i - 1, max(-1, i - 7), -1):
        line = lines[j]
        text = line.text
        # 'För Vänsterpartiet' (or the party alone) on a line just above the signers, or
        # above the co-signers stacked under it (the loop stops at any other line)
        if text.casefold().startswith(("för ", "från ")) or j >= i - 2 or _names_between(lines, j, i):
            party = _party_in_line(text)
            if party:
                return party, False, (line.start, line.end)
        # Co-signers stacked under one "För X" line: skip their names and titles.
        if not (_ROLE_LINE.match(text) or is_plausible_name(text.lstrip("/ "), strict=True)):
            break
    return None, False, None


def _column_parties(lines: tuple[Line, ...], i: int, count: int) -> list[tuple[str, tuple[int, int]]] | None:
    """Signers set in columns with a party line under each ('Framtid Orust      (fp)'): the
    party of each column, where the line just below (or below their titles) has one per column."""
    if not _COLUMN_GAP.search(lines[i].text):
        return None
    for j in range(i + 1, min(len(lines), i + 3)):
        line = lines[j]
        cells = [(found.start(), found.group(0)) for found in _CELL.finditer(line.text)]
        if len(cells) != count or not _COLUMN_GAP.search(line.text):
            return None
        found = [_cell_party(cell) for _, cell in cells]
        if all(found):
            return [
                (party, (line.start + at, line.start + at + len(cell)))
                for party, (at, cell) in zip(found, cells, strict=True)
                if party is not None
            ]
        if not all(_ROLE_LINE.match(cell) for _, cell in cells):
            return None
    return None


def _cell_party(cell: str) -> str | None:
    """The party a column's cell names: 'Framtid Orust', '(V)', 'folkpartiet liberalerna (fp)'."""
    party = _party_in_line(cell) or _bare_party_code(cell)
    mark = PARTY_MARK.search(cell) if party is None else None
    if mark is not None and _party_in_line(PARTY_MARK.sub("", cell).strip()):
        return _resolve_party(mark.group(0))
    return party


def _names_between(lines: tuple[Line, ...], above: int, below: int) -> bool:
    """Whether every line between two lines is a signer's name (co-signers stacked)."""
    return below - above > 1 and all(
        is_plausible_name(lines[k].text.lstrip("/ "), strict=True) for k in range(above + 1, below)
    )


def _role_before(line: Line) -> str | None:
    """'Oppositionsråd' in 'Oppositionsråd Erik Nyberg (S)'."""
    label = _LEADING_LABEL.match(line.text.lstrip("/ "))
    return label.group("role") if label and label.group("role") else None


def _role_after(lines: tuple[Line, ...], i: int) -> str | None:
    for j in range(i + 1, min(len(lines), i + 3)):
        if _ROLE_LINE.match(lines[j].text) and not _party_in_line(lines[j].text):
            return lines[j].text
    return None


def letterhead_party(text: str) -> Hit | None:
    """A party named alone at the top ('Vänsterpartiet 2023') or in a site header segment."""
    return letterhead(text)


# One person with an optional party mark; several joined by commas, "och" or "samt", and a
# party mark for all of them ("A och B (båda SD)", "A och B, båda (V)").
_ONE = rf"(?-i:{NAME})(?:\s*\([^()\n]{{1,30}}\))?"
_GROUP_MARK = r"(?:\s*,?\s*(?:båda|samtliga|alla|bägge)\s*\([^()\n]{1,30}\))?"
NAMES = rf"{_ONE}(?:(?:\s*,\s*|\s+och\s+|\s+samt\s+){_ONE}){{0,5}}{_GROUP_MARK}"


def _prose_patterns() -> dict[str, regex.Pattern[str]]:
    return {
        rule: regex.compile(
            p.replace("NAMES", NAMES).replace("NAME", f"(?-i:{NAME})"), regex.IGNORECASE | regex.MULTILINE
        )
        for rule, p in patterns()["author_prose"].items()
    }


def _listed_people(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, party) for each person in a NAMES span: a mark after a name is its
    own; a mark after the last name, or a group mark, covers the names without one."""
    people: list[tuple[int, int, str, str | None]] = []
    for found in NAME_RE.finditer(text, start, end):
        mark = _AFTER_NAME.match(text, found.end(), end)
        party = _resolve_party(mark.group("mark")) if mark and mark.group("mark") else None
        people.append((found.start(), found.end(), found.group(0), party))
    group = PARTY_MARK.search(text, people[-1][1] if people else start, end)
    shared = _resolve_party(group.group(0)) if group else None
    return [(s, e, n, p or shared) for s, e, n, p in people]


_PROSE_RULE = "authors:prose-"
# Rules whose person asked the question: the author of a question, the addressee of an answer.
ASKER_RULES = ("authors:prose-asker", "authors:prose-labelled-asker")


_PROSE = _prose_patterns()
_MEMBERS = {word: code for code, words in patterns()["party_members"].items() for word in words}


def _context_regexes() -> list[regex.Pattern[str]]:
    lexicon = parties()
    names = [n for e in lexicon.national.values() for n in e["names"]] + list(_MEMBERS)
    party = "(?:" + "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    party += "|(?-i:" + lexicon.local_shape + "))"
    codes = [a for e in lexicon.national.values() for a in e["abbreviations"]]
    code = "(?:" + alternation(codes) + r")(?![\p{L}-])"
    return [
        regex.compile(p.replace("PARTYCODE", code).replace("PARTY", party), regex.IGNORECASE)
        for p in patterns()["context_party"]
    ]


_CONTEXT = _context_regexes()


def context_party(text: str) -> Hit | None:
    """A party the writers speak for in the text ('vi i X', 'Vi Sverigedemokrater',
    'Ledamöter för Centerpartiet'), when exactly one party is named so."""
    found_parties: dict[str, Hit] = {}
    for pattern in _CONTEXT:
        for found in pattern.finditer(text, 0, 3000):
            word = found.group("party")
            party = _MEMBERS.get(word.casefold()) or parties().resolve(word)
            if party and party not in found_parties:
                s, e = found.span("party")
                found_parties[party] = Hit(s, e, "authors:context-party", word, {"party": party})
    return next(iter(found_parties.values())) if len(found_parties) == 1 else None


def prose_people(text: str) -> list[Hit]:
    """Askers named in prose ('Mats Karlsson har ställt en interpellation', 'Handläggare: X')."""
    hits: list[Hit] = []
    cues = patterns()["author_prose_cues"]
    windows: list[tuple[int, int]] = []
    for line in lines_of(text):
        if line.start >= 8000:
            break
        folded = line.text.casefold()
        if not any(cue in folded for cue in cues):
            continue
        start, end = max(0, line.start - 120), min(len(text), line.end + 200)
        if windows and start <= windows[-1][1]:  # overlapping windows are scanned once
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    matches = {
        found.span(): (rule, found)
        for rule, pattern in _PROSE.items()
        for start, end in windows
        for found in pattern.finditer(text, start, end)
    }
    for rule, found in sorted(matches.values(), key=lambda m: m[1].start()):
        if "names" in found.re.groupindex:
            for s, e, name, party in _listed_people(text, *found.span("names")):
                if is_plausible_name(name, strict=False):
                    hits.append(Hit(s, e, f"authors:prose-{rule}", name, {"party": party}))
            continue
        name = found.group("name")
        s, e = found.span("name")
        if text[e : e + 1] == "-":  # "Nina Simonen Kultur- och …": a compound, not a name
            name = name.rsplit(" ", 1)[0]
            e = s + len(name)
        if not is_plausible_name(name, strict=False):
            continue
        party = found.groupdict().get("party")
        hits.append(Hit(s, e, f"authors:prose-{rule}", name, {"party": _resolve_party(party)}))
    return hits


def find_authors(text: str, kind: str | None = None) -> list[Hit]:
    """The document's signers, each once, with party and role where given; `kind` (the
    document kind) decides whether a party stated elsewhere in the text is theirs."""
    lines = lines_of(text)
    hits: list[Hit] = []
    head_end = lines[min(3, len(lines)) - 1].end if lines else 0
    byline = BYLINE_AUTHORS.search(text, 0, head_end)
    if byline:
        party = _resolve_party(byline.group("party"))
        for name in NAME_RE.finditer(text, byline.start("names"), byline.end("names")):
            if text[max(0, name.start() - 2) : name.start()] == "i ":
                continue  # the home town of "… i Hisings Backa"
            hits.append(Hit(name.start(), name.end(), "authors:byline", name.group(0), {"party": party}))
    hits.extend(prose_people(text))
    region = _signature_region(lines, text)
    entries = _register_entries(lines) | _contact_box(lines)
    for i, line in enumerate(_unglued(lines)):
        if i in entries:
            # 'Anna Ek (C)' over 'Väckt: 2019-02-25' in a list of motions: their writer; a name
            # in a page's contact box: whom to ask
            continue
        strict = i not in region
        signers, shaped = _signature_names(line, strict=strict, in_region=i in region)
        if not signers:
            continue
        unmarked = all(p is None for *_, p, _g in signers)
        if unmarked and not shaped and not line.text.startswith("/"):
            continue  # a name followed by other words is prose, not a signature
        columns = _column_parties(lines, i, len(signers)) if unmarked and len(signers) > 1 else None
        if columns is not None:
            # 'Anna Ek        Bo Al' over 'Vänsterpartiet        Miljöpartiet': each its own
            for (start, end, name, _p, _g), (party, party_at) in zip(signers, columns, strict=True):
                attrs = {"party": party, "role": None, "party_evidence": (*party_at, "authors:party-column")}
                hits.append(Hit(start, end, "authors:signature", name, attrs))
            continue
        if unmarked:
            if i not in region and not line.text.startswith("/"):
                continue
            party, _group, party_at = _nearby_party(lines, i)
            # A bare name line with no party anywhere near must at least start with a known
            # first name ('Justerarsignaturer Utdragsbestyrkande' is a form label, not a signer).
            if party is None and not line.text.startswith("/"):
                signers = [x for x in signers if is_plausible_name(x[2], strict=True)]
            signers = [(s, e, n, party, g) for s, e, n, _p, g in signers]
        else:
            party_at = None
        role = _role_after(lines, i) or _role_before(line)
        for start, end, name, party, _group in signers:
            attrs: dict[str, object] = {"party": party, "role": role}
            if party_at is not None and party is not None:
                attrs["party_evidence"] = (*party_at, "authors:party-line")
            hits.append(Hit(start, end, "authors:signature", name, attrs))
    if not any(hit.rule == "authors:signature" for hit in hits):
        hits.extend(_inline_signers(text))
    labelled = _labelled_above(lines)
    if len(labelled) == 1:  # one form's field; a list repeats it for each of its entries
        hits = [hit for hit in hits if hit.start != labelled[0].start] + labelled
    hits = _above_comments(hits, text)
    _apply_group_marks(hits, text)
    return _finish(hits, text, kind)


def _labelled_above(lines: tuple[Line, ...]) -> list[Hit]:
    """A signer given on the line under a label of its own, as a web form or a portal sets
    its fields ('Förslagsställare' over 'Anna Berg', 'Inlämnad av:' over 'Anna Berg, 2014-03-24
    14:54', 'Inlämnat av' over 'ANNA BERG'): the name as written, before a date after it."""
    out: list[Hit] = []
    for label, line in itertools.pairwise(lines):
        if not _BARE_SIGNER_LABEL.match(label.text):
            continue
        value = _LABELLED_VALUE.match(line.text)
        if value is None:
            continue
        name = value.group("name")
        if not is_plausible_name(name if not name.isupper() else name.title(), strict=False):
            continue
        attrs: dict[str, object] = {"party": None, "role": None}
        out.append(Hit(line.start, line.start + len(name), "authors:labelled", name, attrs))
    return out


def _above_comments(hits: list[Hit], text: str) -> list[Hit]:
    """The hits above a blog's comments or sidebar where one signs above them: the names below
    ('Mikael Ljung (M), ledamot …' under 'Mikael Ljung sa...') are readers', not signers."""
    for found in AFTER_DOCUMENT_LINE.finditer(text):
        if not _PROSE_ABOVE.search(text, 0, found.start()):
            continue  # a sidebar saved above the post ('Om mig' over the blogger's name)
        if any(hit.end <= found.start() for hit in hits):
            return [hit for hit in hits if hit.end <= found.start()]
    return hits


# a sentence of running text ending its line: a post's body stands above its comments
_PROSE_ABOVE = lazy_compile(r"^[^\n]{20,}[.?!:][ \t]*$", regex.MULTILINE)


# '… riktlinjerna? Karlstad den 28 september 2020 Anders Lindqvist (L) Ledamot …': a sign-off
# run into the text (a PDF converted one page per line) names its signer after the date.
_INLINE_SIGNER = lazy_compile(
    patterns()["inline_signoff"] + rf"(?P<name>{NAME})(?![\p{{L}}-])[ \t]*(?P<mark>\([^)\n]{{1,30}}\))?"
)


_MARKED_NAME = lazy_compile(rf"(?P<name>{NAME})(?![\p{{L}}-])[ \t]*(?P<mark>\([^)\n]{{1,30}}\))")
_SENTENCE_CLOSE = lazy_compile(r"[.?!:][ \t\n]")
_TAIL_CHARS = 400  # where a flattened last page keeps its signers


def _tail_signers(text: str) -> list[Hit]:
    """Names with party marks after the last sentence of a flattened text ('… flerbostadshus.
    För Moderaterna i Ystad Henrik Ståhlberg (M) Kerstin Malm Olofsson (M) 2 (2)')."""
    tail_start = max(0, len(text) - _TAIL_CHARS)
    closes = list(_SENTENCE_CLOSE.finditer(text, tail_start))
    start = closes[-1].end() if closes else tail_start
    hits: list[Hit] = []
    for found in _MARKED_NAME.finditer(text, start):
        party = _resolve_party(found.group("mark"))
        words = found.group("name").split()
        while len(words) > 2 and not is_plausible_name(" ".join(words), strict=True):
            words = words[1:]  # 'Ystad Henrik Ståhlberg': the place the party line ended on
        name = " ".join(words)
        if party is None or not is_plausible_name(name, strict=True):
            continue
        attrs: dict[str, object] = {"party": party, "role": None}
        attrs["party_evidence"] = (*found.span("mark"), "authors:inline-signoff")
        end = found.end("name")
        hits.append(Hit(end - len(name), end, "authors:inline-signoff", name, attrs))
    return hits


def _inline_signers(text: str) -> list[Hit]:
    """Signers named after a place-and-date sign-off inside a long line, or with party marks
    after the last sentence of a flattened text."""
    hits: list[Hit] = []
    for found in _INLINE_SIGNER.finditer(text):
        name = found.group("name")
        if not is_plausible_name(name, strict=True):
            continue
        party = _resolve_party(found.group("mark")) if found.group("mark") else None
        attrs: dict[str, object] = {"party": party, "role": None}
        if party is not None:
            attrs["party_evidence"] = (*found.span("mark"), "authors:inline-signoff")
        hits.append(Hit(*found.span("name"), "authors:inline-signoff", name, attrs))
    if not hits and len(text) - text.rfind("\n", 0, len(text) - 1) > _TAIL_CHARS:
        hits = _tail_signers(text)  # the last line is a whole page: a flattened text
    return hits


def _register_entries(lines: tuple[Line, ...]) -> set[int]:
    """Lines just above a register's field ('Väckt:', 'Status:') where two or more entries
    of a list have that shape: the writers of the listed documents, not the page's signers."""
    above = {i - 1 for i, line in enumerate(lines) if i and _RECORD_FIELD.match(line.text)}
    above -= {i for i in above if _RECORD_FIELD.match(lines[i].text)}
    # a register's rows under their dates: 'Anna Ek, V' on the line below '2018-01-22'
    below = {i + 1 for i in dated_entries(lines) if i + 1 < len(lines)}
    return (above if len(above) >= 2 else set()) | below


_RECORD_FIELD = record_field_regex()
_CONTACT_HEADING = lazy_compile(
    r"^(?:" + alternation(patterns()["contact_headings"]) + r")[ \t]*:?$", regex.IGNORECASE
)


def _contact_box(lines: tuple[Line, ...]) -> set[int]:
    """The lines under a 'Kontakt' heading, to the end of its paragraph."""
    box: set[int] = set()
    for i, line in enumerate(lines):
        if _CONTACT_HEADING.match(line.text):
            box.update(j for j in range(i + 1, len(lines)) if lines[j].paragraph == line.paragraph)
    return box


def _apply_group_marks(hits: list[Hit], text: str) -> None:
    """'(samtliga V)' after several bare names gives each of them the party."""
    for i, hit in enumerate(hits):
        if hit.attrs.get("party") is None:
            for later in hits[i + 1 :]:
                if later.attrs.get("party") and later.start - hit.end < 200:
                    between = text[hit.end : later.start]
                    if "\n\n\n" not in between and not _SENTENCE_GAP.search(between):
                        hit.attrs["party"] = later.attrs["party"]
                    break


def _outside_mail(hits: list[Hit], text: str) -> list[Hit]:
    """The sender of a mail around the document, or whoever signs its cover note, is no signer
    of the document where someone signs the document itself (a signer who also sent the mail
    keeps their signature's place)."""
    if any(hit.text and not in_mail_wrapper(text, hit.start) for hit in hits):
        return [hit for hit in hits if not in_mail_wrapper(text, hit.start)]
    return hits


# Kinds whose signers are not party representatives: officials sign a report, a private
# person signs a citizens' proposal.
_NO_PARTY_KINDS = frozenset({"tjansteskrivelse", "medborgarforslag"})
# documents whose writers sign them: unsigned, the page's voice does not say who wrote it
_SIGNED_KINDS = frozenset({"svar", "protokoll"})


def _finish(hits: list[Hit], text: str, kind: str | None = None) -> list[Hit]:
    hits = _outside_mail(hits, text)
    seen: dict[str, Hit] = {}
    for hit in hits:
        key = hit.text.casefold()
        if key in seen:
            kept = seen[key]
            for attr in ("party", "role", "party_evidence"):
                if kept.attrs.get(attr) is None and hit.attrs.get(attr):
                    kept.attrs[attr] = hit.attrs[attr]
            continue
        seen[key] = hit
    out = list(seen.values())
    if kind == "tjansteskrivelse":
        # A report is signed by officials; a name with a party mark in it is a politician
        # it mentions (the motion it answers), not its author. Its handläggare is an author
        # where the report has no signatures or where they sign it too.
        signed = {hit.text.casefold() for hit in hits if hit.rule == "authors:signature"}
        return [
            hit
            for hit in out
            if hit.attrs.get("party") is None
            and (not signed or hit.rule != "authors:prose-handlaggare" or hit.text.casefold() in signed)
        ]
    if kind in _NO_PARTY_KINDS:
        return out
    for hit in out:
        if hit.attrs.get("party") is None and hit.text:
            member = head_member_party(text, hit.text)
            if member is not None:
                hit.attrs["party"], start, end = member
                hit.attrs["party_evidence"] = (start, end, "authors:party-member")
                continue
            defined = _defined_mark(text, hit.start, hit.end)
            if defined is not None:
                hit.attrs["party"], start, end = defined
                hit.attrs["party_evidence"] = (start, end, "authors:party-abbreviation")
                continue
            marked = _marked_elsewhere(text, hit.text)
            if marked is not None:
                hit.attrs["party"], start, end = marked
                hit.attrs["party_evidence"] = (start, end, "authors:same-name-marked")
    party_hit = document_party(text, context_party)
    if party_hit is None and not out and kind not in _SIGNED_KINDS:
        party_hit = party_voice(text)  # an unsigned page in a party's own voice
    if party_hit is None:
        _with_unregistered_codes(out, text)
        return out
    evidence = (party_hit.start, party_hit.end, party_hit.rule)
    if not out:
        out.append(
            Hit(
                party_hit.start,
                party_hit.end,
                party_hit.rule,
                "",
                {"party": party_hit.attrs["party"], "name": None},
            )
        )
    for hit in out:
        if hit.attrs.get("party") is None:
            hit.attrs["party"] = party_hit.attrs["party"]
            hit.attrs["party_evidence"] = evidence
    return out


_MARK_AFTER = lazy_compile(r"[ \t]*\((?P<mark>\p{Lu}[\p{L}]{0,5})\)")
_UNREGISTERED_CODE = lazy_compile(patterns()["unregistered_party_code"])
_NOT_PARTY_CODES = frozenset(c.casefold() for c in patterns()["not_party_codes"])


def _with_unregistered_codes(hits: list[Hit], text: str) -> None:
    """A signer whose mark no party list knows, and that nothing else in the document names a
    party for, has the mark's code as written where it is shaped like a party's short name
    ('Dag Ek (MFP)', 'Eva Al(LL)'): a local party's, not an assembly's or an organisation's."""
    for hit in hits:
        if hit.attrs.get("party") is not None or not hit.text:
            continue
        at = text.find(hit.text, hit.start, hit.end + len(hit.text))  # the span may be its line
        mark = _MARK_AFTER.match(text, at + len(hit.text)) if at >= 0 else None
        code = mark.group("mark") if mark else ""
        if _UNREGISTERED_CODE.fullmatch(code) and code.casefold() not in _NOT_PARTY_CODES:
            hit.attrs["party"] = code
            hit.attrs["party_evidence"] = (mark.start("mark"), mark.end("mark"), "authors:party-code")


_WORD = r"(?:\p{Lu}[\p{L}-]*|\p{Ll}{2,})"
_DEFINITION = lazy_compile(
    rf"(?P<name>{_WORD}(?:[ ]{_WORD}){{0,3}})[ \t]*\((?P<mark>\p{{Lu}}[\p{{L}}]{{0,5}})\)"
)


def _defined_mark(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A signer's mark the document itself spells out: '(FY)' after the name where the text
    writes 'Framtid Ystad (FY)' — a name whose words' initials are the mark's capitals, or a
    '…partiet' whose capital starts the mark ('Tranåspartiet (TrP)')."""
    mark = _MARK_AFTER.search(text, start, end + 12)  # the mark may be inside the signer's span
    if mark is None or parties().resolve(mark.group("mark")):
        return None
    wanted = mark.group("mark")
    for found in _DEFINITION.finditer(text):
        if found.group("mark") != wanted or found.start("mark") == mark.start("mark"):
            continue
        name = _spelled_out(found.group("name"), wanted)
        if name is not None:
            start = found.start("name") + found.group("name").rfind(name)
            return name, start, start + len(name)
    for found in _DEFINED_FIRST.finditer(text):
        # 'SPI – Sveriges Pensionärers Intresseparti': the party goes by its letters
        initials = [w[0].upper() for w in found.group("name").split() if w[:1].isupper()]
        if found.group("mark") == wanted and initials == list(wanted):
            return wanted, found.start("mark"), found.end("mark")
    return None


# A party's letters first and its name after them, on a line of its own ('SPI – Sveriges
# Pensionärers Intresseparti, Karlskrona').
_DEFINED_FIRST = lazy_compile(
    r"^[ \t]*(?P<mark>\p{Lu}{2,6})[ \t]*[–—-][ \t]*"
    r"(?P<name>(?:\p{Lu}[\p{L}-]*[ \t]+){0,4}(?i:[\p{L}-]*parti(?:et)?))(?![\p{L}])",
    regex.MULTILINE,
)


def _spelled_out(words: str, mark: str) -> str | None:
    """The last words of `words` that `mark` abbreviates, if any."""
    capitals = [c for c in mark if c.isupper()]
    parts = words.split()
    for size in range(len(parts), 0, -1):
        name = parts[-size:]
        if name[0][:1].isupper() and [w[0].upper() for w in name] == capitals:
            return " ".join(name)
    last = parts[-1]
    if last.casefold().endswith("partiet") and capitals[0] == last[0] and mark[-1] in "Pp":
        return last
    return None


def _marked_elsewhere(text: str, name: str) -> tuple[str, int, int] | None:
    """The party a signer's name carries where the text writes it with a mark ('Besvaras av |
    Helén Strand (S)' above a bare 'Helén Strand' signature), if every such mark agrees."""
    found: set[str] = set()
    span: tuple[int, int] | None = None
    for mark in regex.finditer(regex.escape(name) + r"[ \t]*\((?P<mark>[^()\n]{1,30})\)", text):
        party = _resolve_party(mark.group("mark"))
        if party is not None:
            found.add(party)
            span = span or mark.span("mark")
    if len(found) != 1 or span is None:
        return None
    return next(iter(found)), span[0], span[1]


_POST_BYLINE = lazy_compile(
    "(?i:" + patterns()["post_byline"] + rf")(?P<name>{NAME})(?![\p{{L}}-])", regex.MULTILINE
)
_BYLINE_HEAD = 1500  # a post's byline stands under its heading


def _with_post_byline(text: str, authors: list[Hit]) -> list[Hit]:
    """A page no one signs takes its post's byline as its author, with the party the page
    states for it (the byline's or the site's: the party-only author it replaces)."""
    # under the post's heading, or (a blog's footer: 'Postat av Anna Berg kl. 21:14 | 4
    # kommentarer') after its text, where the readers' comments begin later
    byline = _POST_BYLINE.search(text, 0, _BYLINE_HEAD) or _POST_BYLINE.search(text, _BYLINE_HEAD)
    if byline is None or not is_plausible_name(byline.group("name"), strict=True):
        return authors
    party = next((a.attrs.get("party") for a in authors if a.attrs.get("party")), None)
    attrs: dict[str, object] = {"party": party}
    evidence = next((a.attrs.get("party_evidence") for a in authors if a.attrs.get("party_evidence")), None)
    if evidence is None and authors and party is not None:
        evidence = (authors[0].start, authors[0].end, authors[0].rule)
    site = letterhead(text) if party is None else None
    if site is not None:  # the party named in the site's header
        attrs["party"], evidence = site.attrs["party"], (site.start, site.end, site.rule)
    if evidence is not None:
        attrs["party_evidence"] = evidence
    start, end = byline.span("name")
    return [Hit(start, end, "authors:post-byline", byline.group("name"), attrs)]


_MEMBER = lazy_compile(
    r"(?P<noun>" + alternation(sorted(parties().by_member)) + r")(?![\p{L}])", regex.IGNORECASE
)
# 'Jonas Ek, miljöpartist och …', 'Anna Berg – folkpartist i Borås'
_MEMBER_AFTER_NAME = lazy_compile(r"(?<![ \t])[ \t]*+[,–—-][ \t]*+" + _MEMBER.pattern, regex.IGNORECASE)
_HEAD_LINES = 6


def head_member_party(text: str, name: str) -> tuple[str, int, int] | None:
    """The party of a person the head of a page names with a noun for its members: after the
    name on its line ('Jonas Ek, miljöpartist och ledamot …', 'Anna Berg – folkpartist i
    Borås') or opening the next line ('Lars Nyström' / 'Kristdemokrat i Bengtsfors'): a blog's
    owner. As (party, start, end) of the noun."""
    lines = lines_of(text)[:_HEAD_LINES]
    for i, line in enumerate(lines):
        for found in NAME_RE.finditer(line.text):
            if found.group(0).casefold() != name.casefold():
                continue
            rest = line.text[found.end() :]
            member = _MEMBER_AFTER_NAME.match(rest)
            offset = line.start + found.end()
            if member is None and not rest.strip() and i + 1 < len(lines):
                member, offset = _MEMBER.match(lines[i + 1].text), lines[i + 1].start
            if member is not None:
                party = parties().by_member[member.group("noun").casefold()]
                return party, offset + member.start("noun"), offset + member.end("noun")
    return None


# '/Jonas', '– Lars-Åke': a post signed with a first name only
_FIRST_NAME_SIGNOFF = lazy_compile(rf"^[ \t]*[/–—-][ \t]*(?P<first>{NAME_TOKEN})[ \t]*$")
_SIGNOFF_SEARCH_LINES = 10


def _first_name_signer(text: str) -> Hit | None:
    """A post signed with a first name only ('/Jonas') by the person whose full name heads the
    page ('Jonas Ekholm, miljöpartist …'): that person, named as the head names them."""
    lines = lines_of(text)
    tail = page_tail(text)
    body = [line for line in lines if tail is None or line.end <= tail.start()]
    first = None
    for line in reversed(body[-_SIGNOFF_SEARCH_LINES:]):
        signed = _FIRST_NAME_SIGNOFF.match(line.text)
        if signed and signed.group("first").casefold() in first_names():
            first = signed.group("first").casefold()
            break
    if first is None:
        return None
    heads = {
        (line.start + found.start(), line.start + found.end(), found.group(0))
        for line in lines[:_HEAD_LINES]
        for found in NAME_RE.finditer(line.text)
        if found.group(0).split()[0].casefold() == first and is_plausible_name(found.group(0), strict=True)
    }
    if len({name.casefold() for *_, name in heads}) != 1:
        return None
    start, end, name = min(heads)
    attrs: dict[str, object] = {"party": None, "role": None}
    member = head_member_party(text, name)
    if member is not None:
        attrs["party"], s, e = member
        attrs["party_evidence"] = (s, e, "authors:party-member")
    return Hit(start, end, "authors:head-signed-first-name", name, attrs)


def _with_first_name_signer(text: str, authors: list[Hit]) -> list[Hit]:
    """Where no one signs by name, a first-name sign-off completed by the page's head; a
    party the page states for its writer (a party-only author) stays theirs."""
    if any(a.text for a in authors):
        return authors
    signer = _first_name_signer(text)
    if signer is None:
        return authors
    stated = next((a for a in authors if a.attrs.get("party")), None)
    if signer.attrs.get("party") is None and stated is not None:
        signer.attrs["party"] = stated.attrs["party"]
        signer.attrs["party_evidence"] = stated.attrs.get("party_evidence") or (
            stated.start,
            stated.end,
            stated.rule,
        )
    return [signer]


class AuthorFinder:
    """spaCy component: fills `doc._.radsdok.authors`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        kind_name = reading_kind(found)
        # Minutes have no authors: the names in them are members and officials.
        authors = [] if kind_name == "protokoll" else find_authors(found.text, kind_name)
        answer_at = appended_answer_start(found.text) if kind_name in ASKING_KINDS else None
        if answer_at is not None and any(a.start < answer_at for a in authors):
            # the answer published below the question is signed by the one asked
            authors = [a for a in authors if a.start < answer_at]
        if kind_name == "svar":  # who asked is the addressee of an answer, not its author
            authors = [a for a in authors if a.rule not in ASKER_RULES]
        elif kind_name == "other":
            # a page about documents (a list, a news item) names their askers and
            # motionärer; its own authors are those who sign or head it
            authors = [a for a in authors if not a.rule.startswith(_PROSE_RULE)]
            if not any(a.text for a in authors):
                authors = _with_post_byline(found.text, authors)
        if kind_name not in ("protokoll", "tjansteskrivelse"):
            authors = _with_first_name_signer(found.text, authors)
        found.authors = _outside_mail(authors, found.text)
        return doc


@Language.factory("radsdok_authors")
def make_author_finder(nlp: Language, name: str) -> AuthorFinder:
    return AuthorFinder()


__all__ = ["ASKER_RULES", "BYLINE", "find_authors", "letterhead_party", "prose_people"]
