"""Diarienummer: a number in a case-number shape, accepted where it stands as a case number.

Every candidate is read by one shape pattern, which gives its register, year and serial:

* a register before the number, joined by a space, slash, dash or nothing:
  "KS 2023/0048", "KS/2019:347", "KS-2023-00118", "VO–2023-00206"; in title case only before
  a space ("Ks 812/2024", "Tn 2020-0311"), and never a short word ("Se", "Nr": data);
* a bare year-serial, the serial after a slash, colon, dot, dash or en dash, possibly
  broken after the separator at a line end ("2023-\\n00118"), with sub-numbers
  ("2003/0369-45", "2010/94.10") and a register after it ("2017/0150 KS-2");
* the register between year and serial ("2011/KS 0206 001"), or between a short year and the
  serial ("18/KS 0068");
* a register, a serial with its document number, and the year ("RS 269:1-2020");
* a compact register, two-digit year and serial ("RV181888", "LTV 150060");
* a register, a serial and a two-digit year after it ("KS0514/20").

A candidate is then accepted by where it stands (the rule named in its evidence):

* ``dnr-label``: after a label word ("Dnr", "Diarienr", "Vår beteckning", …), a register
  in any case included ("dnr ks 2016/123");
* ``register-form``: it carries a register (not a statute book such as "SOU" or "SFS");
* ``kind-id``: after a word for a case ("motion", "ärende", "interpellation", …);
* ``cell``: it opens a line or stands alone in a table cell or column;
* ``column``: it ends a row below a header line that ends in a label word ("§ Ärende Dnr.");
* ``paren``: a bare number alone in parentheses ("Motion om parken (2016/45)");
* ``title``: it ends a line that opens with a case word ("Motion från … om parken 2010/305");
* ``repeated``: the same bare number stands twice in the document;
* ``list``: it follows an accepted number after "och", "samt" or a comma.

A capitalised word glued on after the number ("RS 912-2025Motion", a web page that lost its
line breaks) ends it. Dates ("2023-06-15", "KS 2009-05-26"), year ranges ("2021-2024") and parliament
session numbers after a kind word ("motion 2019/20:123") are never case numbers.
The label words, case words and the capitals that are not registers live in
``data/case_numbers.json``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .findings import Hit, findings_of
from .lexicon import alternation, load_json

# A register in capitals, or one in title case before a space and a number ("Ks 812/2024", "Tn 2020-0311")
# (not a short word or label in title case: "Dnr 2023/0048 KS", "Se 2019/20").
_TITLE_CASE_WORDS = alternation(load_json("case_numbers.json")["title_case_words"])
_REG = (
    r"(?-i:\p{Lu}{1,6}(?:-\p{Lu}{1,4})?"
    r"|(?!(?i:" + _TITLE_CASE_WORDS + r")(?![\p{L}]))\p{Lu}\p{Ll}{1,2}(?=[ \t]\d))"
)
_YEAR = r"(?:19|20)\d{2}"
# Between year and serial; a dash or slash may end a line (the serial then opens the next).
_SEP = r"(?:[ \t]?/[ \t]?|[:.\-\u2013\u2011])(?:(?<=[-/\u2013\u2011])[ \t]{0,3}\n[ \t]{0,3})?"
_SERIAL = r"(?P<serial>\d{1,7})(?P<sub>(?:[-.:]\d{1,4}){0,3})"
# Between a register and the year: a space, slash, dash or dot, nothing, or a line end ("KS-\n2023").
_REG_SEP = r"(?:[ \t\u00a0]?[/\-\u2013\u2011.]?[ \t\u00a0]?|[/\-\u2013\u2011]?[ \t\u00a0]?\n[ \t\u00a0]{0,3})"
# A register after the number: "2017/0150 KS-2", "2023/0048 KS" (dropped again if it is no register).
_SUFFIX = rf"(?P<suffix>[ \t](?P<sreg>{_REG})(?:-\d{{1,3}})?(?![\p{{L}}\d]))?"
_SHAPE = (
    r"(?:"
    rf"(?P<reg>{_REG}){_REG_SEP}(?P<year>{_YEAR})(?P<sep>{_SEP}){_SERIAL}"
    rf"|(?P<year>{_YEAR})[/\-](?P<reg>{_REG})[ \t\-/]?(?P<serial>\d{{2,5}}(?:[ \t]\d{{2,4}})?)"
    rf"|(?P<year>{_YEAR})(?P<sep>{_SEP}){_SERIAL}{_SUFFIX}"
    r"|(?P<reg>\p{Lu}{1,4})[ \t]?(?P<yy>\d{2})(?P<serial>\d{4,6})"
    # Forms read only after a label or a case word: "KS 19/0123", "123/2019", "KS 123-2019".
    rf"|(?:(?P<reg>{_REG}){_REG_SEP})?(?P<yy>\d{{2}})/(?P<serial>\d{{2,6}})"
    # A document number under the serial before the year: "RS 269:1-2020".
    rf"|(?:(?P<reg>{_REG}){_REG_SEP})?(?P<rev>\d{{1,6}})(?P<rsub>:\d{{1,3}})?[/\-](?P<year>{_YEAR})"
    # A short year before a register and a serial: "18/KS 0068".
    rf"|(?P<yy>\d{{2}})/(?P<mreg>{_REG})[ \t/](?P<serial>\d{{2,5}})"
    # A short year glued to a register and a serial: "24RS1447" (a region's registry).
    r"|(?P<yy>\d{2})(?P<reg>\p{Lu}{2,4})(?P<serial>\d{3,6})"
    # A register, a serial and a short year after it: "KS0514/20", "KS 0514/20".
    rf"|(?P<reg>{_REG})[ \t]?(?P<serial>\d{{3,5}})/(?P<yy>\d{{2}})"
    r")"
    # Not glued to a following word or number ("2003/98/EG", "2023-06-15T"); a capitalised word
    # glued on where a web page lost its line break ("RS 912-2025Motion nr 1") ends the number.
    r"(?!\d|\p{Ll}|\p{Lu}(?!\p{Ll})|[/\-\u2013\u2011:.][\p{L}\d])"
)
_CANDIDATE = lazy_compile(rf"(?<![\p{{L}}\d]|\d[/\-\u2013.:])(?-i:{_SHAPE})", regex.VERSION1)
_WHOLE = lazy_compile(rf"(?-i:{_SHAPE})", regex.VERSION1)
# The day of a date read as year, serial and sub-number: the "-15" of "2023-06-15".
_DAY = lazy_compile(r"[-.](?P<day>\d{1,2})(?!\d)")
# A bare number in a table cell or a column: a pipe, a tab, a column gap or a line end on each side.
_CELL_BEFORE = lazy_compile(r"(?:^|\n|\||\t|[ \t\u00a0]{2})[ \t\u00a0*]{0,4}\Z")
_CELL_AFTER = lazy_compile(r"[ \t\u00a0*]{0,4}(?:\||\t|\n|\Z)|[ \t\u00a0]{2}")
# A bare number opening a line, as in a register's rows ("2017/1135 2017-05-23") or a heading.
_LINE_START = lazy_compile(r"(?:^|\n)[ \t\u00a0>*•|-]{0,4}\Z")
_LINE_START_AFTER = lazy_compile(r"[ \t\u00a0]|\n|\Z")
# A bare number in a short line at the top of the document: "Kommunstyrelsen 2023/0048".
_HEADER_CHARS = 400
_SHORT_LINE = lazy_compile(r"(?:^|\n)[^\n]{0,50}\Z")
_SHORT_LINE_AFTER = lazy_compile(r"[^\n]{0,30}(?:\n|\Z)")
# One capital joined to the number by a dash or slash: "K-2023-00118".
_JOINED_LETTER = lazy_compile(r"(?<![\p{L}\d])\p{Lu}[/\-]\Z")
# A bare number beside a date, as in a header line or a register row ("2023-06-15 2023/0048").
_DATE_BEFORE = lazy_compile(r"(?<!\d)(?:19|20)\d{2}-[01]\d-[0-3]\d[ \t\u00a0]{1,3}\Z")
_DATE_AFTER = lazy_compile(r"[ \t\u00a0]{1,3}(?:19|20)\d{2}-[01]\d-[0-3]\d(?!\d)")
# A phone number goes on in short digit groups: "2023-123 45 67".
_DIGIT_GROUP_AFTER = lazy_compile(r"[ \t\u00a0]\d{2,3}(?!\d)")


@cache
def _words() -> dict[str, Any]:
    return load_json("case_numbers.json")


@cache
def _label_before() -> regex.Pattern[str]:
    """A label word ending right before a number: "Dnr: ", "Diarienummer\\n", "med diarienr. "."""
    labels = alternation(_words()["labels"])
    return regex.compile(
        rf"(?<![\p{{L}}])(?:{labels})[ \t.:*_|]{{0,6}}(?:nr\.?[ \t:]{{0,3}})?(?:\n[ \t*_]{{0,4}}){{0,2}}\Z",
        regex.IGNORECASE,
    )


@cache
def _label_led() -> regex.Pattern[str]:
    """A label word and what stands after it as the number, in any form: a register in any
    case before it ("Dnr Ks 2023/12", "Dnr: KFN-123"), digits with any separators, a register
    after it; for numbers no shape reading accepts ("Dnr 4567", "Ärendenr: 12.345")."""
    labels = alternation(_words()["labels"])
    number = (
        r"(?:(?-i:\p{Lu}[\p{L}]{0,5}(?:-\p{Lu}{1,4})?|\p{Ll}{2,4}(?=[ ./\-\u2013]?\d))[ ./\-\u2013]?)?"
        r"\d[\d/.:\-\u2013]{0,14}+(?<=\d)"
        r"(?:[ ](?-i:\p{Lu}{2,6})(?![\p{L}\d]))?"
    )
    return regex.compile(
        rf"(?<![\p{{L}}])(?:{labels})[ \t.:*_|]{{0,6}}(?:nr\.?[ \t:]{{0,3}})?(?:\n[ \t*_]{{0,4}}){{0,2}}"
        rf"(?P<num>{number})(?![\p{{L}}\d])",
        regex.IGNORECASE,
    )


# What follows a number on its line: nothing, or a column gap.
_LINE_END_AFTER = lazy_compile(r"[ \t\u00a0]{0,8}(?:\n|\Z|\|)|[ \t\u00a0]{2}")


def _row_after_header(text: str, found: regex.Match[str]) -> bool:
    """A label ending a table's header line and, on a later line, a row that begins with a number
    and goes on in words ("§ Ärende Dnr.\n107 Val av justerare 2020/1"): the number is the row's."""
    label_to_num = text[found.start() : found.start("num")]
    if "\n" not in label_to_num:
        return False
    # 'Nr  Ärende      Diarienummer' over '1   Upprop': the label heads the last column of a
    # header row, and the number below opens a row
    header_before = text[text.rfind("\n", 0, found.start()) + 1 : found.start()].strip()
    return bool(header_before) or not _LINE_END_AFTER.match(text, found.end("num"))


_REGISTER_WORD = lazy_compile(r"\p{L}+(?:-\p{Lu}+)?")
_ISO_DATE = lazy_compile(r"(?:19|20)\d{2}-[01]\d-[0-3]\d")


def _labelled_numbers(text: str, taken: list[Hit]) -> list[Hit]:
    """Numbers after a label word that no shape reading found (see `_label_led`), and a register in
    lower or mixed case before a number a shape reading found ("dnr ks 2016/123"): that hit gives way."""
    out: list[Hit] = []
    for found in _label_led().finditer(text):
        start, end = found.span("num")
        value = found.group("num")
        if _ISO_DATE.fullmatch(value) or _row_after_header(text, found):
            continue
        register = value.split()[0].rstrip("./-\u2013") if not value[0].isdigit() else None
        if register is not None and (
            register.upper() in _words()["statute_books"]
            or _is_word(register)
            or register.casefold() in _words()["words_before_numbers"]
        ):
            continue
        overlapping = [h for h in taken if h.start < end and start < h.end]
        if overlapping and (register is None or any(h.start <= start or h.end > end for h in overlapping)):
            continue
        for hit in overlapping:
            taken.remove(hit)
        parts = parse_case_number(value)
        if parts["register"] is None and register is not None:
            # "Ks 2023/12": a register in mixed case; the rest parses as a bare number.
            rest = value[len(register) :].lstrip(" ./-\u2013")
            parts = {**parse_case_number(rest), "register": _REGISTER_WORD.match(register).group(0)}  # type: ignore[union-attr]
        out.append(Hit(start, end, "case_numbers:dnr-label", value, parts))
    return out


# A bare number alone in parentheses after a title: "Motion om parken (2016/123)".
_PAREN_BEFORE = lazy_compile(r"\([ \t]?\Z")
_PAREN_AFTER = lazy_compile(r"[ \t]?\)")
# A bare number ending a line: nothing after it but a full stop or a closing bracket.
_ENDS_LINE = lazy_compile(r"[.)\]]?[ \t\u00a0]{0,8}(?:\n|\Z)")


@cache
def _title_line() -> regex.Pattern[str]:
    """A line opening with a case word, a number ending it: "Motion från Eva Ek (S) om parken 2010/305"."""
    cues = alternation(_words()["cue_words"])
    return regex.compile(
        rf"[ \t>*•#\-\d.]{{0,6}}(?:svar på |besvarande av )?(?:{cues})(?![\p{{L}}])[^\n]{{0,200}}\Z",
        regex.IGNORECASE,
    )


@cache
def _column_header() -> regex.Pattern[str]:
    """A table's header line ending in a label word: "§ Ärendebeskrivning Dnr." (its rows end in
    their numbers)."""
    labels = alternation(_words()["labels"])
    return regex.compile(
        rf"(?:^|\n)[^\n]{{1,80}}?[ \t](?:{labels})\.?[ \t]*(?=\n|\Z)",
        regex.IGNORECASE,
    )


_COLUMN_SPAN = 6000


def _in_dnr_column(text: str, cand: _Candidate) -> bool:
    """A bare number ending its line below a header line ending in a label word."""
    if not _ENDS_LINE.match(text, cand.end):
        return False
    window = text[max(0, cand.start - _COLUMN_SPAN) : cand.start]
    return _column_header().search(window) is not None


@cache
def _cue_before() -> regex.Pattern[str]:
    """A word for a case right before a number: "Motion LTV 150060", "ärende 2023-00135"."""
    cues = alternation(_words()["cue_words"])
    gap = r"(?:[ \t]{1,3}|[ \t]?[:.][ \t]{0,3})"
    return regex.compile(rf"(?<![\p{{L}}])(?:{cues}){gap}(?:nr\.?[ \t]{{1,3}})?\Z", regex.IGNORECASE)


def _names_a_document(cue: str) -> bool:
    """Whether a cue before a number ('Interpellation nr ') is a document kind's word."""
    word = " ".join(regex.sub(r"[:.]|\bnr\b", " ", cue.casefold()).split())
    return word in _words()["document_cue_words"]


@cache
def _joiner_between() -> regex.Pattern[str]:
    """What joins two numbers of one list: "2023-00135 och 2023-\\n00118", "KS 2023/0388, KS 2023/0412"."""
    joiners = alternation(_words()["list_joiners"])
    return regex.compile(rf"[ \t]{{0,3}}(?:{joiners})[ \t]{{0,3}}\n?[ \t]{{0,3}}\Z", regex.IGNORECASE)


def _is_register(reg: str | None) -> bool:
    """A register of a case: "KS", "BUN", "VO"; not a statute book ("SOU", "SFS", "HSLF-FS") or a word."""
    if not reg or len(reg.replace("-", "")) < 2:
        return False
    words = _words()
    if reg in words["not_registers"] or reg in words["statute_books"]:
        return False
    return not any(reg.endswith(e) for e in words["statute_book_endings"]) and not _is_word(reg)


def _is_word(reg: str) -> bool:
    """An upper-case label or case word ("DNR", "MOTION") read as a register."""
    low = reg.casefold()
    words = _words()
    return low in words["labels"] or low in words["cue_words"]


class _Candidate:
    """One number in a case-number shape, its parts, and whether its form alone rules it out."""

    def __init__(self, found: regex.Match[str]) -> None:
        self.found = found
        self.start, self.end = found.span()
        reg = found.group("reg")
        self.register: str | None = reg or found.group("sreg") or found.group("mreg")
        number_start = min(found.start(g) for g in ("year", "yy", "rev") if found.group(g))
        if reg and found.start("reg") < number_start and not _is_register(reg):
            # "I 2023/0048", "DNR 2023/0048": the capitals are no register; the number starts after them.
            self.start = number_start
            self.register = None
        if self.register and not _is_register(self.register):
            self.register = None
            if found.group("suffix"):
                # "2023/0048 SD": a party or a word after the number, not its register.
                self.end = found.start("suffix")
        self.year = found.group("year")
        self.sep = (found.group("sep") or "/").strip()
        self.serial = found.group("serial") or found.group("rev")
        self.sub = found.group("sub") or found.group("rsub") or ""

    @property
    def compact(self) -> bool:
        """A form read only after a label or a case word, or alone on its line: no year-serial shape."""
        return self.found.group("yy") is not None or self.found.group("rev") is not None

    @property
    def label_only(self) -> bool:
        """A short-year or serial-first form ("KS 19/0123", "123/2019"): a case number only after a
        label, or with a register before it ("RS 1234-2025", "KS 123/2019")."""
        found = self.found
        if found.group("reg") and _is_register(found.group("reg")) and found.start("reg") == self.start:
            return False
        if _is_register(found.group("mreg")):
            return False  # "18/KS 0068": the register stands between the year and the serial
        return found.group("rev") is not None or (found.group("yy") is not None and "/" in self.text)

    @property
    def text(self) -> str:
        return self.found.string[self.start : self.end]

    def is_date(self) -> bool:
        """'2023-06-15', 'KS 2009-05-26', '2023.06.15': a month and a day after the year."""
        if self.compact or len(self.serial) > 2 or not 1 <= int(self.serial) <= 12:
            return False
        day = _DAY.match(self.sub)
        return day is not None and 1 <= int(day.group("day")) <= 31

    def is_year_range(self) -> bool:
        """'2021-2024', '2014–2018', '2020/2021': two years, not a year and a serial."""
        if self.compact or self.sub or len(self.serial) != 4 or not self.year:
            return False
        return 0 <= int(self.serial) - int(self.year) <= 50

    def is_session(self) -> bool:
        """A parliament session ('2008/09', '1999/2000') or a numbered paper of one ('2019/20:123')."""
        if self.compact or self.sep != "/" or len(self.serial) not in (2, 4):
            return False
        return int(self.serial) == (int(self.year) + 1) % 10 ** len(self.serial)

    def serial_digits_fit(self) -> bool:
        """Unlabelled, a serial after a dash or dot has 3+ digits; after a slash or colon 2+."""
        if self.compact:
            return True
        return len(self.serial) >= (2 if self.sep in "/:" else 3)

    def key(self) -> str:
        """The number without its register, for finding a bare number repeated."""
        return f"{self.year}{self.sep}{self.serial}{self.sub}"


def parse_case_number(value: str) -> dict[str, str | int | None]:
    """Split a diarienummer into register, year and serial where its form allows."""
    found = _WHOLE.fullmatch(" ".join(value.split()).replace("- ", "-").replace("/ ", "/"))
    if not found:
        return {"register": None, "year": None, "serial": None}
    register = found.group("reg") or found.group("sreg") or found.group("mreg")
    if register and not _is_register(register):
        register = None
    year: int | None = None
    if found.group("year"):
        year = int(found.group("year"))
    elif found.group("yy"):
        yy = int(found.group("yy"))
        year = (1900 if yy >= 50 else 2000) + yy
    if year is not None and not 1950 <= year <= 2100:
        return {"register": None, "year": None, "serial": None}
    serial = (found.group("serial") or found.group("rev")) + (found.group("sub") or found.group("rsub") or "")
    return {"register": register, "year": year, "serial": serial}


def _rule_for(text: str, cand: _Candidate, repeated: Counter[str]) -> str | None:
    """Why `cand` stands as a case number in `text`, or None."""
    before = text[max(0, cand.start - 60) : cand.start]
    if _label_before().search(before):
        return "dnr-label"
    rev = cand.found.group("rev")
    if rev is not None and len(rev) >= 3 and _cue_before().search(before):
        return "kind-id"  # "ärende 123/2016": a serial of three digits or more after a case word
    bare_slash_or_dash = not cand.register and not cand.compact and cand.sep in "/-\u2013"
    if cand.label_only or cand.is_year_range() or cand.is_session():
        return None
    if bare_slash_or_dash and (cand.sep == "/" or len(cand.serial) >= 3) and _in_dnr_column(text, cand):
        return "column"  # "… för justeringen 2020/1" in the rows below "§ Ärendebeskrivning Dnr."
    if not cand.serial_digits_fit():
        return None
    cue = _cue_before().search(before)
    if cue is not None:
        if not (cand.register or cand.compact) and _names_a_document(cue.group(0)):
            return None  # 'interpellation 2016:33': the document's running number in its series
        return "kind-id"
    registered = cand.compact and cand.register and not cand.label_only
    if registered and cand.found.group("mreg"):
        return "register-form"  # "18/KS 0068": a short year, a register and a serial
    if registered and cand.found.group("reg") and (cand.found.group("rev") is not None or "/" in cand.text):
        return "register-form"  # "RS 1234-2025", "KS 16/123": a register before serial and year
    if cand.compact:
        # "RV181888" as a heading line of its own.
        alone = _LINE_START.search(before) and _CELL_AFTER.match(text, cand.end)
        return "cell" if alone and _is_register(cand.found.group("reg")) else None
    if cand.register:
        return "register-form"
    if _JOINED_LETTER.search(before) and not _is_word(before[-2]):
        # "K-2023-00118", "S/2019:123": one capital joined to the number is a register too.
        cand.start -= 2
        cand.register = before[-2]
        return "register-form"
    if bare_slash_or_dash and _PAREN_BEFORE.search(before) and _PAREN_AFTER.match(text, cand.end):
        return "paren"  # "Motion om parken (2016/45)"; not "lag (2014:899)", a statute's number
    line_start = text.rfind("\n", 0, cand.start) + 1
    ends_line = _ENDS_LINE.match(text, cand.end) is not None
    if bare_slash_or_dash and ends_line and _title_line().match(text, line_start, cand.start):
        return "title"  # "Motion från Eva Ek (S) om parken 2010/305"
    if len(cand.serial) < 3 or _DIGIT_GROUP_AFTER.match(text, cand.end):
        return None
    if _CELL_BEFORE.search(before) and _CELL_AFTER.match(text, cand.end):
        return "cell"
    if _LINE_START.search(before) and _LINE_START_AFTER.match(text, cand.end):
        return "cell"
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(text, cand.end):
        return "cell"
    if cand.start < _HEADER_CHARS and _SHORT_LINE.search(before) and _SHORT_LINE_AFTER.match(text, cand.end):
        return "header"
    if repeated[cand.key()] >= 2:
        return "repeated"
    return None


def find_case_numbers(text: str) -> Iterator[Hit]:
    """Every diarienummer in `text`, once per distinct value, in text order."""
    candidates = [_Candidate(found) for found in _CANDIDATE.finditer(text)]
    candidates = [c for c in candidates if not c.is_date() and not _is_statute(c)]
    # A bare number stands as a case number where it stands twice, or once more with its register.
    repeated = Counter(c.key() for c in candidates if not c.compact)
    hits: list[Hit] = []
    last_end = -1
    for cand in candidates:
        rule = _rule_for(text, cand, repeated)
        if rule is None and last_end >= 0 and _joiner_between().search(text[last_end : cand.start]):
            rule = "list" if not cand.is_year_range() else None
        if rule is None:
            continue
        parts = parse_case_number(cand.text)
        hits.append(Hit(cand.start, cand.end, f"case_numbers:{rule}", cand.text, parts))
        last_end = cand.end
    hits.extend(_labelled_numbers(text, hits))
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        _with_filing_code(text, hit)
    seen: set[str] = set()
    for hit in hits:
        key = " ".join(hit.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            yield hit


# An archive classification code after a registered number: "KS 2021/0280 013", "Ks 97/1155 253";
# not the next digit group of a phone number ("KS 2023-123 45 67").
_FILING_CODE = lazy_compile(r"[ \t\u00a0](?P<code>\d{3})(?!\d|[ \t\u00a0]\d|[.,:/\-\u2013]\d)")


def _with_filing_code(text: str, hit: Hit) -> None:
    """Extend a number with a register or after a label by the filing code written after it."""
    if hit.attrs.get("register") is None and hit.rule != "case_numbers:dnr-label":
        return
    found = _FILING_CODE.match(text, hit.end)
    if found is None or hit.attrs.get("filing_code"):
        return
    hit.end = found.end()
    hit.text = text[hit.start : hit.end]
    hit.attrs["filing_code"] = found.group("code")


def _is_statute(cand: _Candidate) -> bool:
    """A number after a statute book or report series ("SOU 2017:114", "SFS 2010:800", "HSLF-FS 2016:40")."""
    reg = cand.found.group("reg")
    if not reg:
        return False
    words = _words()
    return reg in words["statute_books"] or any(reg.endswith(e) for e in words["statute_book_endings"])


class CaseNumberFinder:
    """spaCy component: fills `doc._.radsdok.case_numbers`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        found.case_numbers = list(find_case_numbers(found.text))
        return doc


@Language.factory("radsdok_case_numbers")
def make_case_number_finder(nlp: Language, name: str) -> CaseNumberFinder:
    return CaseNumberFinder()
