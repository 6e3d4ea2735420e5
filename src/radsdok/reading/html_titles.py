"""Keep the titles of a page's posts with their content.

A CMS writes a post as `<article><header><h2 class="entry-title"><a href=…>Motion om …</a>
</h2><div class="entry-meta">…</div></header><div class="entry-content">…</div></article>`.
Boilerplate removal keeps the content and drops the header (a linked heading looks like a
teaser), but for radsdok the title is text: "Motion om …", "Interpellation till …" tell a
document's kind and open each document of a bundle page. So before extraction each
article's headings (those in its `<header>` and those standing directly in the article) are
moved, without their links, to the start of the block that follows them; the header's other
parts (the post's date and author line, its category links) stay behind and go with the
chrome.
"""

from __future__ import annotations

from lxml import etree

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTENT_BLOCKS = frozenset({"div", "section", "main"})


def lift_article_titles(tree: etree._Element) -> None:
    """Move each `<article>`'s title headings into its content (in place)."""
    for article in list(tree.iter("article")):
        for holder in [child for child in article if _tag(child) in ("header", "hgroup", *_HEADINGS)]:
            headings = [holder] if _tag(holder) in _HEADINGS else list(holder.iter(*_HEADINGS))
            target = _next_block(holder)
            if not headings or target is None:
                continue
            _move_to_start(headings, target)
            if _tag(holder) in ("header", "hgroup"):
                _remove_keeping_tail(holder)


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _next_block(element: etree._Element) -> etree._Element | None:
    following = element.getnext()
    while following is not None and _tag(following) in ("", "header", "hgroup", *_HEADINGS):
        following = following.getnext()
    return following if following is not None and _tag(following) in _CONTENT_BLOCKS else None


def _move_to_start(headings: list[etree._Element], target: etree._Element) -> None:
    """Put copies of `headings` first in `target` (the originals are left to be removed)."""
    leading = target.text
    target.text = None
    for index, heading in enumerate(headings):
        moved = etree.Element(heading.tag)
        moved.text = " ".join("".join(heading.itertext()).split())
        target.insert(index, moved)
    moved_last = target[len(headings) - 1]
    moved_last.tail = leading
    for heading in headings:
        if heading.getparent() is not None and _tag(heading.getparent()) not in ("header", "hgroup"):
            _remove_keeping_tail(heading)


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
