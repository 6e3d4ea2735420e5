"""The data of the web-page reader (`data/html.json`): limits, tag lists, title separators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class HtmlRules:
    max_elements: int
    max_extracted_elements: int
    max_extracted_chars: int
    charset_head_bytes: int
    invisible_tags: frozenset[str]
    chrome_tags: frozenset[str]
    block_tags: frozenset[str]
    title_separators: tuple[str, ...]
    title_dashes: tuple[str, ...]


@cache
def rules() -> HtmlRules:
    with resources.files("radsdok.data").joinpath("html.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return HtmlRules(
        max_elements=int(data["max_elements"]),
        max_extracted_elements=int(data["max_extracted_elements"]),
        max_extracted_chars=int(data["max_extracted_chars"]),
        charset_head_bytes=int(data["charset_head_bytes"]),
        invisible_tags=frozenset(data["invisible_tags"]),
        chrome_tags=frozenset(data["chrome_tags"]),
        block_tags=frozenset(data["block_tags"]),
        title_separators=tuple(data["title_separators"]),
        title_dashes=tuple(data["title_dashes"]),
    )
