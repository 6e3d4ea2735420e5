"""PDF text cleanup: the cleanup rules' data, and character and word repairs.

Everything here works on characters or line strings, never on page geometry
(patterns and word lists in ``radsdok/data/pdf_cleanup.json``, loaded once by
`_rules`, which the layout and backend modules share):

* characters: overprinted duplicates dropped (fake bold, `dedupe_chars`),
  ligatures expanded, odd spaces normalised, accents composed (NFC), soft
  hyphens removed (`clean_chars`);
* hyphenation: a line-end hyphen is resolved by `dehyphenate` (Swedish:
  joined unless it is a real hyphen).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf_words import Char

__all__ = ["SOFT_HYPHEN", "clean_chars", "dedupe_chars", "dehyphenate"]


SOFT_HYPHEN = "\u00ad"


# --------------------------------------------------------------------------
# rules (data)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    char_table: dict[int, str]
    ligatures: dict[int, str]
    page_number: re.Pattern[str]
    embedded_page_number: re.Pattern[str]
    zone_top: int
    zone_bottom: int
    running_min_pages: int
    running_min_share: float
    keep_before: frozenset[str]
    hyphen_prefixes: frozenset[str]
    bullet_item: re.Pattern[str]
    dash_item: re.Pattern[str]
    att_item: re.Pattern[str]
    bold_font: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Load ``data/pdf_cleanup.json`` once."""
    raw = json.loads(files("radsdok").joinpath("data/pdf_cleanup.json").read_text("utf-8"))
    table = {ord(k): v for k, v in raw["char_map"].items()}
    table[ord(SOFT_HYPHEN)] = ""
    return _Rules(
        char_table=table,
        ligatures={k: v for k, v in table.items() if 0xFB00 <= k <= 0xFB4F},
        # (?<!\s): a match starts where a whitespace run starts, not at each of its spaces
        page_number=re.compile(
            r"(?<!\s)(?:" + "|".join(f"(?:{p})" for p in raw["page_number_lines"]) + ")", re.IGNORECASE
        ),
        embedded_page_number=re.compile(
            "|".join(f"(?:{p})" for p in raw["embedded_page_numbers"]), re.IGNORECASE
        ),
        zone_top=int(raw["zone_lines"]["top"]),
        zone_bottom=int(raw["zone_lines"]["bottom"]),
        running_min_pages=int(raw["running_min_pages"]),
        running_min_share=float(raw["running_min_share"]),
        keep_before=frozenset(w.lower() for w in raw["hyphen_keep_before"]),
        hyphen_prefixes=frozenset(w.lower() for w in raw["hyphen_prefixes"]),
        bullet_item=re.compile(raw["bullet_item"]),
        dash_item=re.compile(raw["dash_item"]),
        att_item=re.compile(raw["att_item"]),
        bold_font=re.compile(raw["bold_font"], re.IGNORECASE),
    )


# --------------------------------------------------------------------------
# characters
# --------------------------------------------------------------------------


def dedupe_chars(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """Drop overprinted duplicates (fake bold): same glyph, font and size within
    `tolerance` points of an earlier one. `chars` are `pdf_words.Char` tuples
    (text, x0, x1, top, bottom, size, fontname).

    Same rule as ``pdfplumber.Page.dedupe_chars()``, in linear time (pdfplumber's
    re-sorts with ``list.index`` and costs ~5x the page's extraction time): each glyph's
    chars go into a grid of 2*tolerance cells, and each char looks only in the four
    cells its neighbourhood can touch.
    """
    scale = 1.0 / (2.0 * tolerance)
    floor = math.floor
    grids: dict[str, dict[int, list[Char]]] = {}
    out: list[Char] = []
    for c in chars:
        t, x0, _, top, _, size, font = c
        x, y = x0 * scale, top * scale
        gx, gy = floor(x), floor(y)
        cell = gx * _COLUMN + gy
        grid = grids.get(t)
        if grid is None:  # the glyph's first appearance: nothing to overprint
            grids[t] = {cell: [c]}
            out.append(c)
            continue
        get = grid.get
        dx = _COLUMN if x - gx >= 0.5 else -_COLUMN
        dy = 1 if y - gy >= 0.5 else -1
        for near in (get(cell), get(cell + dx), get(cell + dy), get(cell + dx + dy)):
            if near and any(
                abs(o[1] - x0) <= tolerance and abs(o[3] - top) <= tolerance and o[6] == font and o[5] == size
                for o in near
            ):
                break
        else:
            bucket = get(cell)
            if bucket is None:
                grid[cell] = [c]
            else:
                bucket.append(c)
            out.append(c)
    return out


_COLUMN = 1 << 20  # grid cells are numbered column * _COLUMN + row


def clean_chars(text: str) -> str:
    """Expand ligatures, normalise odd spaces and hyphens, compose accents (NFC),
    drop soft hyphens inside the line (one at the line end is kept: it marks a
    hyphenation break for `dehyphenate`)."""
    table = _rules().char_table
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.endswith(SOFT_HYPHEN):
        return text[:-1].translate(table) + SOFT_HYPHEN
    return text.translate(table)


# --------------------------------------------------------------------------
# line-end hyphens
# --------------------------------------------------------------------------


_HYPHEN_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"\S+")
_WORD_CORE = re.compile(r"^[(\[\"'”»]*(.*?)[.,;:!?)\]\"'”»]*$")


def dehyphenate(left: str, right: str) -> tuple[str, str, str]:
    """Join a line ending in "-" with the next line; return (left, right, sep).

    The rule, in order, for "<fragment>-" at the end of `left` and the first
    word of `right`:

    1. next word is a conjunction ("och", "eller", "samt", ...): a suspended
       compound ("stöd- och"): keep the hyphen and a space;
    2. fragment ends in a capital or digit ("EU-", "2020-"), the next word
       starts with a capital or digit, the fragment is a single letter ("e-"),
       or a hyphen-taking prefix ("icke-"): a real hyphen, kept, no space;
    3. simplemma knows the hyphenated form but not the closed one
       ("hjärt-kärl"): keep the hyphen;
    4. otherwise join without the hyphen: Swedish writes compounds closed, so a
       line-end hyphen between lowercase letters is the typesetter's
       ("kommun-" + "fullmäktige", "Stockholms-" + "regionen").

    A line ending in a soft hyphen (U+00AD) is always joined. The moved word
    goes to `left`, so a word split across pages is counted on the first page.
    """
    if left.endswith(SOFT_HYPHEN):
        return _move_word(left[:-1], right)
    m = _HYPHEN_END.search(left)
    word = _FIRST_WORD.match(right)
    if m is None or word is None:
        return left, right, " "
    fragment = m.group(1)
    core = _WORD_CORE.match(word.group()).group(1)  # type: ignore[union-attr]
    rules = _rules()
    if core.lower() in rules.keep_before or not core:
        return left, right, " "
    if _real_hyphen(fragment, core, rules):
        return _move_word(left, right)
    return _move_word(left[:-1], right)


def _real_hyphen(fragment: str, core: str, rules: _Rules) -> bool:
    """Rules 2 and 3 of `dehyphenate`, with all-caps words (headings) decided on
    their lowercase form: joined when known or when the fragment is longer than
    an abbreviation ("DE-" + "CEMBER"), kept otherwise ("EU-" + "KOMMISSIONEN")."""
    if len(fragment) > 1 and fragment.isupper() and core.isupper():
        joined = f"{fragment}{core}".lower()
        return len(fragment) <= 4 and not _known(joined)
    return (
        fragment[-1].isupper()
        or fragment[-1].isdigit()
        or core[0].isupper()
        or core[0].isdigit()
        or len(fragment) == 1
        or fragment.lower() in rules.hyphen_prefixes
        or (_known(f"{fragment}-{core}") and not _known(f"{fragment}{core}"))
    )


def _known(word: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang="sv"))


def _move_word(left: str, right: str) -> tuple[str, str, str]:
    word = _FIRST_WORD.match(right)
    if word is None:
        return left, "", " "
    return left + word.group(), right[word.end() :].lstrip(), " "


def _ends_with_hyphen(text: str) -> bool:
    return text.endswith(SOFT_HYPHEN) or _HYPHEN_END.search(text) is not None
