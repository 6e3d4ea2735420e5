"""Diarienummer normalised to one key: register, year and serial, in all their written forms.

"KS 2023/0048", "KS-2023-00048", "ks 2023–48" and "KS\\n2023-00048" are one key
(`CaseKey("KS", 2023, 48)`); "2023-00048" has no register and is matched to a key with one
where the rest agrees (see `cases.py`). `CaseNumber`'s parsed parts are used where the parser
gave them; a protocol item's numbers (plain strings) are read here.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..lazy_pattern import lazy_compile

# register? year serial | register? serial year ("RS 269-2020") | register? yy/serial
_FORMS = lazy_compile(
    r"^(?:(?P<reg>\p{L}{1,6}(?:-\p{L}{1,4})?)[\s/\-\u2013\u2011.:]{0,3})?"
    r"(?:(?P<year>(?:19|20)\d{2})[\s/\-\u2013\u2011.:]{1,3}(?P<serial>\d{1,7})"
    r"|(?P<serial2>\d{1,6})(?::\d{1,3})?[/\-\u2013](?P<year2>(?:19|20)\d{2})"
    r"|(?P<yy>\d{2})/(?P<serial3>\d{1,6}))"
    r"(?:[-.:]\d{1,4}){0,3}(?:\s+(?P<sreg>\p{Lu}{1,6})(?:-\d{1,3})?)?$"
)


_LABEL = lazy_compile(
    r"^(?:dnr|d\.\s?nr|diarienr|diarienummer|ärendenr|ärendenummer)[\s.:]*", regex.IGNORECASE
)


class CaseKey(NamedTuple):
    register: str | None
    year: int
    serial: int

    def __str__(self) -> str:
        number = f"{self.year}-{self.serial}"
        return f"{self.register} {number}" if self.register else number


def _year(value: int) -> int:
    return value if value >= 100 else (2000 + value if value < 70 else 1900 + value)


def key_of(register: str | None, year: int | None, serial: str | int | None) -> CaseKey | None:
    """The key of parsed parts, or None when the year or serial is missing."""
    if year is None or serial is None:
        return None
    digits = "".join(c for c in str(serial) if c.isdigit())
    if not digits:
        return None
    return CaseKey(register.upper() if register else None, _year(int(year)), int(digits))


def parse_key(text: str) -> CaseKey | None:
    """The key of a diarienummer as written ('KS 2023/0048' -> KS 2023-48), or None."""
    match = _FORMS.match(_LABEL.sub("", " ".join(text.split()).strip()))
    if match is None:
        return None
    register = match.group("reg") or match.group("sreg")
    if match.group("year"):
        return key_of(register, int(match.group("year")), match.group("serial"))
    if match.group("year2"):
        return key_of(register, int(match.group("year2")), match.group("serial2"))
    return key_of(register, int(match.group("yy")), match.group("serial3"))
