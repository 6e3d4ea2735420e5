"""Web pages made from the samples' texts, for the web-page reader's tests.

The pages' chrome is in tests/fixtures/html/ (`string.Template` files).
`document_html` writes a document's text as a page's content (headings, paragraphs with
`<br>` line breaks, bullet and numbered lists); `wordpress_page` wraps it in the chrome of
a party group's WordPress site: a cookie banner, a menu, breadcrumbs, the post's meta line,
share buttons, a "Senaste inläggen" sidebar, a comment form and a footer with an address.
None of the chrome's words may reach the text radsdok reads.
"""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "fixtures" / "html"
_BULLET = re.compile(r"^\s*[•*\-–]\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+")
_COLUMNS = re.compile(r" {3,}|\t+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\S)(.+?)(?<=\S)\*{1,2}(?![\w*])")

# Words of the chrome below; none of them is in a sample's text.
CHROME_WORDS = (
    "Godkänn alla kakor",
    "Vi använder kakor",
    "Hoppa till innehåll",
    "Bli medlem",
    "Du är här",
    "Publicerad av",
    "Dela på Facebook",
    "Senaste inläggen",
    "Lämna ett svar",
    "Publicera kommentar",
    "Storgatan 12",
    "Kategorier",
    "Integritetspolicy",
    "Budgetdebatten i juni",
)


def _inline(text: str, markdown: bool) -> str:
    escaped = html.escape(text, quote=True)
    return _EMPHASIS.sub(r"<em>\1</em>", escaped) if markdown else escaped


def _list_html(lines: list[str], markdown: bool) -> str | None:
    """A block whose first line is a bullet or a number, as a list; wrapped lines join their item."""
    first = lines[0]
    numbered = _NUMBERED.match(first)
    if not (_BULLET.match(first) or numbered):
        return None
    marker = _NUMBERED if numbered else _BULLET
    items: list[list[str]] = []
    for line in lines:
        found = marker.match(line)
        if found:
            items.append([line[found.end() :].strip()])
        else:
            items[-1].append(line.strip())
    cells = []
    for item in items:
        parts = [_inline(item[0], markdown)]
        for previous, line in itertools.pairwise(item):
            wrapped = previous[-1:] not in ".:;?!)" and line[:1].islower()
            parts.append((" " if wrapped else "<br>\n") + _inline(line, markdown))
        cells.append(f"<li>{''.join(parts)}</li>")
    tag = "ul"
    start = ""
    if numbered:
        tag = "ol"
        start = f' start="{numbered.group(1)}"' if numbered.group(1) != "1" else ""
    return f"<{tag}{start}>\n" + "\n".join(cells) + f"\n</{tag}>"


def document_html(
    text: str, markdown: bool = False, headings: int = 2, lift_heading: bool = False
) -> tuple[str, str | None, bool]:
    """The document's text as HTML blocks, its first heading (None if it got none) and
    whether that heading was lifted out of the blocks.

    The first `headings` blocks that are one short line without a final stop become
    `<h1>`, `<h2>`; Markdown `#` lines become headings of their level; lines in columns
    (set apart by runs of spaces) a table. With `lift_heading` a heading that opens the
    text is left out of the blocks (the page shows it as the post's title)."""
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    out: list[str] = []
    first_heading: str | None = None
    lifted = False
    for number, block in enumerate(blocks):
        lines = [line for line in block.split("\n") if line.strip()]
        heading = _MD_HEADING.match(lines[0]) if markdown and len(lines) == 1 else None
        lift = lift_heading and number == 0
        if heading:
            level = min(len(heading.group(1)), 6)
            content = _EMPHASIS.sub(r"\1", heading.group(2).strip())
            if not lift:
                out.append(f"<h{level}>{html.escape(content)}</h{level}>")
            lifted = lifted or lift
            first_heading = first_heading or content
            continue
        if (
            not markdown
            and number < headings
            and len(lines) == 1
            and len(lines[0]) <= 100
            and lines[0].rstrip()[-1:] not in ".:;,?!"
            and not _BULLET.match(lines[0])
        ):
            level = 1 if first_heading is None else 2
            if not lift:
                out.append(f"<h{level}>{html.escape(lines[0].strip())}</h{level}>")
            lifted = lifted or lift
            first_heading = first_heading or lines[0].strip()
            continue
        if all(_COLUMNS.search(line.strip()) for line in lines):
            rows = [_COLUMNS.split(line.strip()) for line in lines]
            trs = ("<tr>" + "".join(f"<td>{_inline(c, markdown)}</td>" for c in r) + "</tr>" for r in rows)
            out.append("<table><tbody>\n" + "\n".join(trs) + "\n</tbody></table>")
            continue
        listed = _list_html(lines, markdown)
        if listed is not None:
            out.append(listed)
            continue
        out.append("<p>" + "<br>\n".join(_inline(line.strip(), markdown) for line in lines) + "</p>")
    return "\n".join(out), first_heading, lifted


def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def wordpress_page(
    content: str,
    *,
    title: str,
    site: str = "Vänsterpartiet Exempelby",
    url: str = "https://exempelby.vansterpartiet.se/2024/04/18/motion/",
    published: str = "2024-04-18T09:30:00+02:00",
    charset: str = "utf-8",
    headline: str | None = None,
    main: str | None = None,
) -> str:
    """A post page of a WordPress site around `content` (the post's HTML). `headline` goes
    into the post's `<h1 class="entry-title">`; without it the post has no heading of its
    own. The page's `<title>` is "`title` | `site`". `main` (articles of a category page)
    stands instead of the post when given."""
    esc = html.escape
    entry_title = f'<h1 class="entry-title">{esc(headline)}</h1>' if headline else ""
    post = _template("wordpress-post.html").substitute(
        entry_title=entry_title, published=esc(published), published_day=esc(published[:10]), content=content
    )
    return _template("wordpress-page.html").substitute(
        charset=esc(charset),
        title=esc(title),
        site=esc(site),
        url=esc(url),
        published=esc(published),
        main=main if main is not None else post,
    )


def plain_page(content: str, *, title: str, site: str = "Exempelby kommun") -> str:
    """A page of an older municipal site around `content`: nothing but `<div>`s and
    tables, no `<main>`, `<article>`, `<nav>` or `<footer>` to tell the chrome by; the
    encoding declared the old way, in an http-equiv meta."""
    esc = html.escape
    return _template("plain-page.html").substitute(title=esc(title), site=esc(site), content=content)


def sample_page(path: Path, template: str = "wordpress") -> str:
    """The page of the sample at `path` (a .txt or .md under samples/). On a WordPress page
    the text's opening heading is the post's `<h1 class="entry-title">`; on a plain page it
    stays in the content. The `<title>` is the first heading."""
    text = path.read_text(encoding="utf-8")
    markdown = path.suffix == ".md"
    if template == "plain":
        content, heading, _ = document_html(text, markdown=markdown)
        return plain_page(content, title=heading or path.stem)
    content, heading, lifted = document_html(text, markdown=markdown, lift_heading=True)
    return wordpress_page(content, title=heading or path.stem, headline=heading if lifted else None)


def bundle_page(text: str, site: str = "Moderaterna i Norrtälje") -> str:
    """A category page of a WordPress site listing the documents of a bundle's text, each an
    `<article>` with its heading as the post title; text before the first document is the
    category's description."""
    from radsdok.split import split_points

    points = split_points(text)
    ends = [*points[1:], len(text)]
    intro, _, _ = document_html(text[: points[0]]) if points[0] else ("", None, False)
    articles = []
    for number, (start, end) in enumerate(zip(points, ends, strict=True), start=1):
        content, heading, lifted = document_html(text[start:end], lift_heading=True, headings=1)
        title = (
            f'<header class="entry-header"><h2 class="entry-title"><a href="/{number}/">'
            f"{html.escape(heading or '')}</a></h2></header>"
            if lifted
            else ""
        )
        articles.append(
            f'<article id="post-{number}" class="post-{number} post type-post status-publish hentry">\n'
            f'{title}\n<div class="entry-content">\n{content}\n</div>\n</article>'
        )
    header = f'<header class="page-header">{intro}</header>' if intro else ""
    return wordpress_page("", title="Interpellationer", site=site, main=header + "\n" + "\n".join(articles))
