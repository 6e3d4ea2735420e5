"""Person names compared across documents: titles stripped, hyphens mended, forms folded.

`parse_name("Statsrådet Maj- Inger Klingvall")` gives a `NameForm` with the written name
("Maj-Inger Klingvall"), the title ("Statsrådet"), the folded given names and surname, and a
sound key that survives diacritics and spelling variants ("Ericsson" = "Eriksson",
"Åsa" = "Asa"). `compatible(a, b)` says whether two forms can name the same person:
the surname alike, and the given names alike, or one an initial of the other ("A. Berg"),
or one a shorter form of the other ("Karl Berg" for "Karl Gustav Berg").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from ..lazy_pattern import lazy_compile
from . import lexicon

_HYPHEN_GAP = lazy_compile(r"(?<=\p{L})[ \t]*-[ \t]+(?=\p{Lu})|(?<=\p{L})[ \t]+-[ \t]*(?=\p{Lu})")
_SPACES = lazy_compile(r"\s+")
_TOKEN_EDGE = lazy_compile(r"^[^\p{L}]+|[^\p{L}.-]+$")
_INITIAL = lazy_compile(r"^\p{L}\.?$|^\p{Lu}{1,2}\.$")
_FOLD_EXTRA = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l"})
# A sound key: spellings that sound alike in Swedish names are written alike.
_SOUND_RULES: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(p), r)
    for p, r in (
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"qu", "kv"),
        (r"q", "k"),
        (r"w", "v"),
        (r"z", "s"),
        (r"x", "ks"),
        (r"(?<=[^aeiouy])h", ""),
        (r"(\p{L})\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: 'Åsa Öberg' -> 'asa oberg'."""
    text = text.casefold().translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # names recur: a registry compares the same words over and over
def sound(word: str) -> str:
    """The sound key of a folded word: 'ericsson' -> 'erikson', 'carlsson' -> 'karlson'."""
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return word


@dataclass(frozen=True)
class NameForm:
    """A person's name as written, and the keys it is compared by."""

    written: str  # without title, hyphens mended, spaces collapsed
    title: str | None  # what stood before the name as a title ("Statsrådet")
    given: tuple[str, ...]  # folded given names; an initial is one letter
    surname: str  # folded last word
    surname_sound: str
    given_sound: tuple[str, ...]

    @property
    def key(self) -> str:
        """The folded full name: 'maj-inger klingvall'."""
        return " ".join((*self.given, self.surname))

    @property
    def initials_only(self) -> bool:
        return bool(self.given) and all(len(g) == 1 for g in self.given)

    @property
    def fullness(self) -> tuple[int, int, int]:
        """How full the form is, to choose the name a person is shown by."""
        spelled = sum(len(g) > 1 for g in self.given)
        return (spelled, int(not self.written.isascii()), len(self.written))


def _is_title(token: str) -> bool:
    word = token.casefold().rstrip(",:")
    return word in lexicon.title_words() or word.endswith(lexicon.title_suffixes())


def _strip_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Leading title words (and 'Justitie- och migrationsminister') split from the name."""
    title: list[str] = []
    joiners = set(lexicon.words()["title_joiners"])
    i = 0
    while len(tokens) - i > 1:
        if _is_title(tokens[i]):
            title.append(tokens[i])
            i += 1
            continue
        # "Justitie- och migrationsminister", "Närings-, och innovationsminister"
        if (
            tokens[i].endswith(("-", "-,"))
            and len(tokens) - i > 3
            and tokens[i + 1].casefold() in joiners
            and _is_title(tokens[i + 2])
        ):
            title.extend(tokens[i : i + 3])
            i += 3
            continue
        break
    return title, tokens[i:]


@lru_cache(maxsize=65536)
def parse_name(text: str | None) -> NameForm | None:
    """The name form of a written name, or None when no name is left (a role alone)."""
    if not text:
        return None
    cleaned = _HYPHEN_GAP.sub("-", _SPACES.sub(" ", text).strip())
    tokens = [t for t in (_TOKEN_EDGE.sub("", tok) for tok in cleaned.split(" ")) if t]
    title, tokens = _strip_title(tokens)
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    if not words or (len(words) == 1 and _is_title(words[0])):
        return None
    surname = fold(words[-1]).rstrip(".")
    given = tuple(fold(w).rstrip(".") if not _INITIAL.match(w) else fold(w)[0] for w in words[:-1])
    # "B. Berg" has one given initial; "Berg" alone has none (a surname only)
    return NameForm(
        written=" ".join(tokens),
        title=" ".join(title) or None,
        given=given,
        surname=surname,
        surname_sound=sound(surname),
        given_sound=tuple(sound(g) for g in given),
    )


def _given_parts(given: tuple[str, ...]) -> list[str]:
    """Given names split at hyphens: ('maj-inger',) -> ['maj', 'inger']."""
    return [p for g in given for p in g.split("-") if p]


def _same_word(a: str, b: str) -> bool:
    return a == b or sound(a) == sound(b)


def _word_matches(a: str, b: str) -> bool:
    """Two given names: alike, or one the initial of the other."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _same_word(a, b)


def surnames_alike(a: NameForm, b: NameForm) -> bool:
    """Same surname, by sound, or one typing slip apart in a long one."""
    if a.surname_sound == b.surname_sound:
        return True
    return min(len(a.surname), len(b.surname)) >= 6 and Levenshtein.distance(a.surname, b.surname) <= 1


def compatible(a: NameForm, b: NameForm) -> bool:
    """Whether the two forms can name one person (see the module docstring)."""
    if not surnames_alike(a, b):
        return False
    if not a.given or not b.given:
        return False  # a surname alone is too little
    # A typing slip is allowed in one of the two parts, not in both.
    if a.surname != b.surname and a.surname_sound != b.surname_sound and a.given != b.given:
        return False
    first_a, first_b = a.given[0], b.given[0]
    if not _word_matches(first_a, first_b):
        # "Maj-Inger" and "Maj Inger" are one name written two ways
        parts_a, parts_b = _given_parts(a.given), _given_parts(b.given)
        if not (parts_a and parts_b and _word_matches(parts_a[0], parts_b[0])):
            return False
        return _ordered_subset(parts_a, parts_b) or _ordered_subset(parts_b, parts_a)
    rest_a, rest_b = a.given[1:], b.given[1:]
    return not rest_a or not rest_b or _ordered_subset(rest_a, rest_b) or _ordered_subset(rest_b, rest_a)


def _ordered_subset(short: tuple[str, ...] | list[str], long: tuple[str, ...] | list[str]) -> bool:
    i = 0
    for word in long:
        if i < len(short) and _word_matches(short[i], word):
            i += 1
    return i == len(short)


def strongly_alike(a: NameForm, b: NameForm) -> bool:
    """Compatible with the first given name spelled out in both (not an initial)."""
    return compatible(a, b) and len(a.given[0]) > 1 and len(b.given[0]) > 1
