"""What a web page says about itself beside its text: its title (without the site name),
canonical URL, published date, site, author and language. These become
`SourceText.metadata`, never document text (except the title, for a page whose content
has no heading of its own: see `html.py`)."""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from itertools import islice

from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import extract_metadata

from .html_rules import rules

# trafilatura and htmldate log what they discard; without a handler Python would print it.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_SPACES = re.compile(r"\s+")
_TITLE_METAS = ("og:title", "twitter:title")
# Dates from the page's markup only (meta tags, <time>, JSON-LD, the URL), never guessed
# from its text: a date in the text is the document's, and radsdok finds that itself.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_MAX_DESCRIBING_ELEMENTS = 50


def page_metadata(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """The page's metadata as strings, under "title", "url", "published", "site",
    "author" and "language"; keys the page does not give are left out."""
    found = extract_metadata(_markup_tree(tree), date_config=dict(_DATE_PARAMS))
    site = _clean(found.sitename)
    values = {
        "title": page_title(tree, site),
        "url": _clean(found.url),
        "published": _clean(found.date),
        "site": site,
        "author": _clean(found.author),
        "language": _clean(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")),
    }
    return {key: value for key, value in values.items() if value}


def _markup_tree(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The parts of a page that describe it: its `<head>`, its JSON-LD blocks and its
    `<time>` elements; not its text, where a date is the document's own."""
    root = lxml_html.Element("html")
    head = tree.find("head")
    if head is not None:
        root.append(deepcopy(head))
    body = etree.SubElement(root, "body")
    described = (
        element
        for element in tree.iter("script", "time")
        if element.tag == "time" or element.get("type") == "application/ld+json"
    )
    for element in islice(described, _MAX_DESCRIBING_ELEMENTS):
        if head is not None and any(parent is head for parent in element.iterancestors()):
            continue
        copy = deepcopy(element)
        copy.tail = None
        body.append(copy)
    return root


def page_title(tree: lxml_html.HtmlElement, site: str | None = None) -> str | None:
    """The page's own title (og:title, else `<title>`) without a site-name tail
    ("Motion om skolvägar | Vänsterpartiet Ludvika" -> "Motion om skolvägar")."""
    title = None
    for name in _TITLE_METAS:
        for meta in tree.iterfind(".//meta"):
            if name in ((meta.get("property") or ""), (meta.get("name") or "")):
                title = _clean(meta.get("content"))
                break
        if title:
            break
    if not title:
        element = tree.find(".//title")
        title = _clean(element.text_content()) if element is not None else None
    return strip_site_name(title, site) if title else None


def page_headline(tree: lxml_html.HtmlElement, site: str | None = None) -> str | None:
    """The heading the page shows above its content: the first `<h1>` of its article or
    main part, else the page's only `<h1>` (not the site's name in a logo)."""
    for path in (".//article//h1", ".//main//h1", ".//*[@role='main']//h1"):
        for element in tree.iterfind(path) if "@" not in path else tree.xpath(path):
            text = _clean(element.text_content())
            if text and not (site and _same(text, site)):
                return text
    headings = [text for element in tree.iter("h1") if (text := _clean(element.text_content()))]
    if len(headings) == 1 and not (site and _same(headings[0], site)):
        return headings[0]
    return None


def strip_site_name(title: str, site: str | None) -> str:
    """`title` without the site's name on either side of a separator. The part after the
    last separator (" | ") goes; after a dash (" – "), only when it is the site's name or
    the shorter part, since a dash also joins the parts of a title of its own."""
    for separator in (*rules().title_separators, *rules().title_dashes):
        if separator not in title:
            continue
        first, _, rest = title.partition(separator)
        head, _, tail = title.rpartition(separator)
        if site and _same(first, site) and rest.strip():
            return rest.strip()
        strong = separator in rules().title_separators
        if head.strip() and (strong or (site and _same(tail, site)) or len(tail) < len(head)):
            return head.strip()
    return title


def _same(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip().casefold() == _SPACES.sub(" ", b).strip().casefold()


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = _SPACES.sub(" ", value).strip()
    return cleaned or None
