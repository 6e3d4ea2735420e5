"""Read a web page (.html, .htm, .xhtml) into a SourceText: the page's main content without
its chrome (menus, cookie banners, breadcrumbs, share buttons, comment forms, sidebars,
footers), with the page's own metadata beside it.

The bytes are decoded (`html_decode`), parsed within limits (`html_tree`), the titles of
its posts are kept with their content (`html_titles`), the main content is found by
trafilatura's boilerplate removal and written as lines and paragraphs
(`html_text`); the page's title, canonical URL and published date go to `metadata`
(`html_meta`). A page whose content has no heading gets its title as the first line. When
trafilatura finds no main content, the whole page text less its scripts, menus, headers,
footers, sidebars and forms is read, with a warning.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction

from ..errors import EmptyDocument, FileUnreadable
from .html_decode import decode_page
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
    lift_article_titles(tree)
    body = main_content(tree)
    text = _CONTROL.sub("", write_blocks(body)) if body is not None else ""
    if not text.strip():
        page = _page_body(tree)
        text = _CONTROL.sub("", write_blocks(page, rules().fallback_dropped_tags))
        if text.strip():
            warnings.append(
                ReadWarning(
                    "no-main-content",
                    "no main content could be told from the page's menus and footers; "
                    "the whole page text was read",
                )
            )
        has_heading = _has_heading(page)
    else:
        has_heading = body is not None and _has_heading(body)
    if not text.strip():
        raise EmptyDocument(source, "is a web page without text (only markup, scripts or images)")
    text = _with_headline(text, headline, metadata.get("title"), has_heading)
    return SourceText(text=text, source=source, format="html", warnings=warnings, metadata=metadata)


def main_content(tree: lxml_html.HtmlElement) -> etree._Element | None:
    """trafilatura's XML of the page's main content (comments left out), or None."""
    document = bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    return body if body is not None and len(body) else None


def _page_body(tree: lxml_html.HtmlElement) -> etree._Element:
    body = tree.find("body")
    return body if body is not None else tree


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
