"""Read a web page (.html, .htm, .xhtml) into a SourceText: the page's main content without
its chrome (menus, cookie banners, breadcrumbs, share buttons, comment forms, sidebars,
footers), with the page's own metadata beside it.

The bytes are decoded (`html_decode`) and parsed within limits (`html_tree`); the main
content is found by trafilatura's boilerplate removal (after the titles of the page's posts
are put with their content and its layout made plain: `html_titles`, `html_layout`) and
written as lines and paragraphs (`html_text`); the page's title, canonical URL and
published date go to `metadata` (`html_meta`). The page's headline (its `<h1>`), else its
title where the content has no heading, opens the text. When trafilatura finds no main
content, or the page is too large for it to search in reasonable time (`data/html.json`),
the text of the page's articles (or main part, or body) less its scripts, menus, headers,
footers, sidebars and forms is read, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction

from ..errors import EmptyDocument, FileUnreadable
from .html_decode import decode_page
from .html_layout import number_continued_lists, unwrap_layout_tables
from .html_meta import page_headline, page_metadata
from .html_rules import rules
from .html_text import HEADING_TAGS, write_blocks
from .html_titles import lift_article_titles
from .html_tree import parse_page
from .source import ReadWarning, SourceText

if TYPE_CHECKING:
    from . import ReadOptions

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\ufeff]")
_SPACES = re.compile(r"\s+")
_NO_MAIN_CONTENT = (
    "no main content could be told from the page's menus and footers; the whole page text was read"
)
_LARGE_PAGE = (
    "the page is too large to tell its main content from its chrome in reasonable time; "
    "its whole text was read, without menus, headers, footers, sidebars and forms"
)


def read_html_file(path: Path, options: ReadOptions | None = None) -> SourceText:
    """The reader of web pages (`options` are those of every reader; none applies here)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FileUnreadable(source, f"cannot be read ({exc.strerror or exc})") from exc
    return read_html(data, source)


def read_html(data: bytes, source: str) -> SourceText:
    """A web page's bytes -> its main content as clean text, with the page's metadata."""
    if not data.strip():
        raise EmptyDocument(source, "is empty")
    markup, warnings = decode_page(data, source)
    tree = parse_page(markup, source)
    metadata = page_metadata(tree)
    headline = page_headline(tree, metadata.get("site"))
    large = _too_large_to_extract(tree, markup)
    body = None if large else main_content(tree)
    text = _CONTROL.sub("", write_blocks(body, extracted=True)) if body is not None else ""
    has_heading = body is not None and _has_heading(body)
    if not text.strip():
        text, has_heading = _whole_page_text(tree)
        if text.strip():
            warnings.append(ReadWarning("no-main-content", _LARGE_PAGE if large else _NO_MAIN_CONTENT))
    if not text.strip():
        raise EmptyDocument(source, "is a web page without text (only markup, scripts or images)")
    text = _with_headline(text, headline, metadata.get("title"), has_heading)
    return SourceText(text=text, source=source, format="html", warnings=warnings, metadata=metadata)


def _too_large_to_extract(tree: lxml_html.HtmlElement, markup: str) -> bool:
    limits = rules()
    if len(markup) > limits.max_extracted_chars:
        return True
    return (
        sum(1 for _ in islice(tree.iter(), limits.max_extracted_elements + 1)) > limits.max_extracted_elements
    )


def main_content(tree: lxml_html.HtmlElement) -> etree._Element | None:
    """trafilatura's XML of the page's main content (comments left out), or None. The
    page's post titles, layout tables and list numbers are made plain for it first (on a
    copy: `html_titles`, `html_layout`).

    Precision mode: in its balanced mode trafilatura takes a short extraction (under 250
    characters, or a small share of a page heavy with chrome, as a short enkel fråga is)
    for a failure and falls back to a dump of the whole page, menus and cookie banner
    included. radsdok's own fallback (`_whole_page_text`) takes over where precision
    finds nothing."""
    tree = deepcopy(tree)
    lift_article_titles(tree)
    unwrap_layout_tables(tree)
    number_continued_lists(tree)
    document = bare_extraction(
        tree,
        include_comments=False,
        favor_precision=True,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    return body if body is not None and len(body) else None


def _whole_page_text(tree: lxml_html.HtmlElement) -> tuple[str, bool]:
    """The visible text of the page's articles, else of its main part, else of its body,
    without chrome tags (with them, when they hold all the text); and whether it has a
    heading."""
    body = tree.find("body")
    page = body if body is not None else tree
    invisible = rules().invisible_tags
    without_chrome = invisible | rules().chrome_tags
    attempts = [(_main_parts(page), without_chrome), ([page], without_chrome), ([page], invisible)]
    for parts, dropped in attempts:
        if not parts:
            continue
        text = "\n\n".join(filter(None, (_CONTROL.sub("", write_blocks(part, dropped)) for part in parts)))
        if text.strip():
            return text, any(True for part in parts for _ in _visible_headings(part, dropped))
    return "", False


def _main_parts(page: etree._Element) -> list[etree._Element]:
    """The page's outermost `<article>`s, else its `<main>`, else nothing."""
    articles = [a for a in page.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    if articles:
        return articles
    main = next(page.iter("main"), None)
    return [main] if main is not None else []


def _visible_headings(page: etree._Element, dropped: frozenset[str]) -> Iterator[etree._Element]:
    for heading in page.iter(*HEADING_TAGS):
        if not any(ancestor.tag in dropped for ancestor in heading.iterancestors()):
            yield heading


def _has_heading(root: etree._Element) -> bool:
    return any(True for _ in root.iter(*HEADING_TAGS))


def _with_headline(text: str, headline: str | None, title: str | None, has_heading: bool) -> str:
    """The text under the page's headline (its `<h1>`, which boilerplate removal takes for
    chrome when it stands in the article's header), else under its title when the content
    has no heading of its own; not when the text already opens with it."""
    first = headline or (None if has_heading else title)
    if first and not _opens_with(text, first):
        return f"{first}\n\n{text}"
    return text


def _opens_with(text: str, title: str) -> bool:
    """Whether the title already stands in the text's first lines (as a bold first paragraph)."""
    opening = _SPACES.sub(" ", text[: len(title) + 400]).casefold()
    return _SPACES.sub(" ", title).casefold() in opening
