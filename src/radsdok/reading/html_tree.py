"""Parse a decoded web page into an lxml tree, within limits.

Hostile pages are refused before or while parsing, each with an error naming the file:
more start tags than `max_elements` (boilerplate removal would take minutes) before any
tree is built; tags nested deeper than libxml2's limit (256 levels) or a single run of text
beyond its buffer limit (10 MB), which libxml2 reports by stopping, so that the rest of the
page would be silently lost. The XML prolog is removed before parsing: a DOCTYPE's internal
subset (where entity declarations live) is never read, so no entity is expanded, and
references to undeclared entities stay as written. NUL and control characters are
dropped, as from text files.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from ..errors import EmptyDocument, FileTooLarge
from .html_rules import rules

_START_TAG = re.compile(r"<[A-Za-z]")
# Characters no text holds (NUL and other controls), dropped as from text files: the parser
# keeps them in the tree, where lxml then refuses to set them again.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# An XML declaration and a DOCTYPE (with an internal subset in brackets) before the markup.
_PROLOG = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)+",
    re.IGNORECASE | re.DOTALL,
)


def count_start_tags(text: str, limit: int) -> int:
    """The number of start tags in `text`, counting no further than `limit` + 1."""
    return sum(1 for _ in islice(_START_TAG.finditer(text), limit + 1))


def parse_page(text: str, source: str, max_elements: int | None = None) -> lxml_html.HtmlElement:
    """The page's element tree; raises FileTooLarge or EmptyDocument naming `source`."""
    limit = rules().max_elements if max_elements is None else max_elements
    tags = count_start_tags(text, limit)
    if tags > limit:
        raise FileTooLarge(
            source,
            f"is a web page of more than {limit:,} HTML elements, beyond what radsdok reads "
            "in reasonable time; save the article alone (or print it to PDF) and parse that",
        )
    markup = _CONTROL.sub("", _PROLOG.sub("", text, count=1))
    parser = lxml_html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        collect_ids=False,
        no_network=True,
        huge_tree=False,
    )
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyDocument(source, f"is a web page without content ({exc})") from exc
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise FileTooLarge(source, _limit_message(error.message))
    return tree


def _limit_message(message: str) -> str:
    if "depth" in message.lower():
        return (
            "nests its HTML tags more than 256 levels deep, beyond what any real page needs "
            "(the parser stops there and would lose the rest); check where the file came from"
        )
    return (
        "holds a single run of text or markup longer than the HTML parser's 10 MB limit "
        "(it stops there and would lose the rest); check where the file came from"
    )
