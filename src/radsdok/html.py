"""A self-contained HTML view of parsed documents: every extracted value highlighted in place.

Entry points:

* `render_html(doc)` -> one page: the document text with each extracted value marked where
  it was found (one colour per field, a legend, the field and rule on hover), and a side
  panel listing the fields as the JSON has them, each entry linking to its highlight.
* `render_index(rows, links)` -> an index page for many documents, failures included.
* `write_view(paths, out)` -> parses files and writes the pages (what `radsdok show` calls).
* `render_iframe(doc)` -> the page in an `<iframe srcdoc>`, for a notebook's `_repr_html_`.

The pages need nothing but a browser: inline CSS, a few lines of inline JavaScript
(optional: links and highlights work without it), no network. All document text is
HTML-escaped.

Highlights are `<mark>` elements. Every extracted item has exactly one element carrying its
id (`author-0`, `addressee-0`, `q-0`, `quote-0`, `case-0`, `proposal-0`, and `meta-kind`,
`meta-title`, `meta-municipality`, `meta-body`, `meta-date` for the scalar fields); its text
content is `doc.text[start:end]`. Overlapping values nest (a case number inside a quote, a
name inside a question). Two spans that cross without nesting cannot both be one element:
then the span that opened later is split, its first piece carries the id, and every piece
carries `data-item="<id>"` (so the pieces together are the span).

Party: where an author's party was stated away from the name (a letterhead, a "För X" line,
"X yrkar"), `Person.party_evidence` says where, and that span is marked; otherwise, where the
party is written next to the name ("Anna Ek (M)", "Maja Karlsson, Centerpartiet") that text
is marked in the party colour with id `party-N` (author N) or `addressee-party-N`.

Page markers (PDFs): exact "— sida N —" markers from `Document.page_starts` (or a
`page_starts` passed in). A Document without them (e.g. from JSON written by an older
version) gets markers inferred from the evidence pages, which are approximate: page N really starts
somewhere between the end of the last value found on an earlier page and the first value found
on page N; the marker goes at the start of the line holding that first value (but not before
that lower bound). Pages with no values get no marker. Each highlight's tooltip names its page
either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Document, Evidence

if TYPE_CHECKING:
    from .parser import Failure, Parser
    from .privacy import Masking

__all__ = ["FIELDS", "render_html", "render_iframe", "render_index", "write_view"]


@dataclass(frozen=True)
class FieldStyle:
    """One highlighted field: its key, the id prefix of its highlights, label and colours."""

    key: str
    prefix: str
    label: str
    background: str
    accent: str


# One colour per field; dark text (#1b1b1b) on each background is above 12:1 contrast.
FIELDS: tuple[FieldStyle, ...] = (
    FieldStyle("authors", "author", "authors", "#d3e7fd", "#2b6cb0"),
    FieldStyle("party", "party", "party", "#fcd9e8", "#b83280"),
    FieldStyle("addressees", "addressee", "addressees", "#d5f2d5", "#2f855a"),
    FieldStyle("questions", "q", "questions", "#fdf1a9", "#a86b0c"),
    FieldStyle("quotes", "quote", "quotes", "#e6dcfb", "#6b46c1"),
    FieldStyle("case_numbers", "case", "case numbers", "#fde0c5", "#c05621"),
    FieldStyle("proposals", "proposal", "proposals", "#c9eeec", "#2c7a7b"),
    FieldStyle("meta", "meta", "metadata (kind, title, municipality, body, date)", "#e3e7ee", "#4a5568"),
)
_STYLE = {f.key: f for f in FIELDS}
LIST_FIELDS: tuple[str, ...] = ("authors", "addressees", "questions", "quotes", "case_numbers", "proposals")
META_FIELDS: tuple[str, ...] = ("kind", "title", "municipality", "body", "date")
# When two spans are identical, the field listed first is the outer element.
_NEST_ORDER = {
    key: i
    for i, key in enumerate(
        ("meta", "proposals", "quotes", "questions", "case_numbers", "authors", "addressees", "party")
    )
}


def item_id(field_key: str, index: int) -> str:
    """The id of a list item's highlight: item_id('questions', 0) == 'q-0'."""
    return f"{_STYLE[field_key].prefix}-{index}"


def meta_id(key: str) -> str:
    """The id of a scalar field's highlight: meta_id('title') == 'meta-title'."""
    return f"meta-{key}"


# ---------------------------------------------------------------------------------------------
# Spans and nesting


@dataclass
class _Span:
    start: int
    end: int
    ident: str
    group: str  # a FieldStyle key
    title: str
    attrs: dict[str, str] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _NEST_ORDER[self.group])


@dataclass(frozen=True)
class _PageMark:
    offset: int
    page: int
    exact: bool
    ocr: bool = False  # the page's text was recognised by OCR


def _tooltip(field_label: str, ev: Evidence, *extra: str | None) -> str:
    parts = [field_label, ev.rule]
    if ev.page is not None:
        parts.append(f"sida {ev.page}")
    parts.extend(e for e in extra if e)
    return " · ".join(parts)


def _spans(doc: Document, text: str) -> list[_Span]:
    spans: list[_Span] = []
    for key in META_FIELDS:
        ev = doc.evidence.get(key)
        if ev is None:
            continue
        value = getattr(doc, key)
        spans.append(_Span(ev.start, ev.end, meta_id(key), "meta", _tooltip(key, ev, f"{key} = {value}")))
    for key in LIST_FIELDS:
        for i, item in enumerate(getattr(doc, key)):
            found_at: Evidence = item.evidence
            extra = _item_summary(key, item)
            spans.append(
                _Span(found_at.start, found_at.end, item_id(key, i), key, _tooltip(key, found_at, extra))
            )
    for key, prefix in (("authors", "party"), ("addressees", "addressee-party")):
        for i, person in enumerate(getattr(doc, key)):
            if not person.party:
                continue
            stated = getattr(person, "party_evidence", None)
            if stated is not None:
                found: tuple[int, int] | None = (stated.start, stated.end)
            else:
                ev = person.evidence
                found = _locate_party(text, ev.start, ev.end, person.name, person.party)
            if found is None:
                continue
            owner = item_id(key, i)
            title = _tooltip("party", person.evidence, f"{person.party} (of {owner})")
            spans.append(_Span(found[0], found[1], f"{prefix}-{i}", "party", title, {"data-of": owner}))
    n = len(text)
    for span in spans:  # defensive: offsets beyond the text would break the walk
        span.start = min(max(span.start, 0), n)
        span.end = min(max(span.end, span.start), n)
    return spans


def _item_summary(key: str, item: object) -> str | None:
    if key in ("authors", "addressees"):
        bits = [getattr(item, "name", None) or "(no name)"]
        if getattr(item, "party", None):
            bits.append(f"party {item.party}")  # type: ignore[attr-defined]
        if getattr(item, "role", None):
            bits.append(f"role {item.role}")  # type: ignore[attr-defined]
        return ", ".join(bits)
    if key == "quotes" and getattr(item, "source", None):
        return f"source {item.source}"  # type: ignore[attr-defined]
    if key == "case_numbers":
        parts = [
            f"{name} {getattr(item, name)}"
            for name in ("register", "year", "serial", "filing_code")
            if getattr(item, name, None) is not None
        ]
        return ", ".join(parts) or None
    return None


def _render_text(text: str, spans: list[_Span], marks: list[_PageMark]) -> str:
    """Escaped text with properly nested <mark> elements, split where spans cross."""
    spans = sorted(spans, key=_Span.sort_key)
    marks_at: dict[int, list[_PageMark]] = {}
    for mark in marks:
        marks_at.setdefault(mark.offset, []).append(mark)
    points = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans), *marks_at})
    out: list[str] = []
    stack: list[_Span] = []
    nxt = 0
    for i, pos in enumerate(points):
        # 1. close what ends here; spans above a closing one are closed and reopened as pieces
        closing = [k for k, s in enumerate(stack) if s.end <= pos]
        if closing:
            lowest = closing[0]
            reopen = [s for s in stack[lowest:] if s.end > pos]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for s in reopen:
                out.append(_open_tag(s, first=False))
                stack.append(s)
        # 2. page markers: empty elements (text in CSS), so no highlight's text changes
        for mark in marks_at.get(pos, ()):
            out.append(_page_marker(mark))
        # 3. open what starts here, outermost first
        while nxt < len(spans) and spans[nxt].start == pos:
            s = spans[nxt]
            nxt += 1
            if s.end == s.start:
                out.append(_open_tag(s, first=True) + "</mark>")
            else:
                out.append(_open_tag(s, first=True))
                stack.append(s)
        if i + 1 < len(points):
            out.append(_escape_text(text[pos : points[i + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _open_tag(s: _Span, *, first: bool) -> str:
    attrs = {"class": f"hl f-{s.group}" + ("" if first else " cont")}
    if first:
        attrs["id"] = s.ident
    attrs["data-item"] = s.ident
    attrs["title"] = s.title
    attrs.update(s.attrs)
    return "<mark" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def _page_marker(mark: _PageMark) -> str:
    how = "" if mark.exact else " (approximately: inferred from the pages of the extracted values)"
    if mark.ocr:
        how += "; its text was recognised by OCR (Tesseract): check the values against the scan"
    ocr = ' data-ocr="1"' if mark.ocr else ""
    label = f"sida {mark.page} (OCR)" if mark.ocr else f"sida {mark.page}"
    return (
        f'<span class="page-marker" data-page="{mark.page}"{ocr} role="separator" '
        f'aria-label="{label}" title="page {mark.page} starts here{how}"></span>'
    )


def _escape_text(text: str) -> str:
    # A raw CR would be folded into LF by the HTML parser; a character reference keeps it.
    return escape(text, quote=False).replace("\r", "&#13;")


# ---------------------------------------------------------------------------------------------
# Party as written


@cache
def _national_parties() -> dict[str, dict[str, list[str]]]:
    try:
        raw = json.loads(files("radsdok").joinpath("data/parties.json").read_text("utf-8"))
        return dict(raw["national"])
    except (OSError, KeyError, ValueError):  # the view degrades to literal party names
        return {}


def _locate_party(text: str, start: int, end: int, name: str | None, party: str) -> tuple[int, int] | None:
    """Where the party is written: in the signer's span after the name, or after it on its line."""
    entry = _national_parties().get(party)
    names = list(entry["names"]) if entry else [party]
    abbreviations = [party, *entry["abbreviations"]] if entry else []
    if name is None:
        lo, hi = start, end
    else:
        found = text.find(name, start, end)
        lo = found + len(name) if found >= 0 else start
        line_end = text.find("\n", end)
        hi = min(len(text) if line_end < 0 else line_end, end + 60)
        hi = max(hi, end)
    best: tuple[int, int] | None = None
    name_alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    name_re = re.compile(r"(?<![\w-])(?:" + name_alts + r")s?(?![\w-])", re.IGNORECASE)
    m = name_re.search(text, lo, hi)
    if m:
        best = (m.start(), m.end())
    if abbreviations:
        abbr_alts = "|".join(re.escape(a) for a in sorted(set(abbreviations), key=len, reverse=True))
        abbr_re = re.compile(r"(?<![\w.-])(?:" + abbr_alts + r")(?![\w-])(?!\.\w)", re.IGNORECASE)
        for m in abbr_re.finditer(text, lo, hi):
            # upper case anywhere ("(båda M)", ", S"); lower case only inside brackets ("(fp)")
            inside = text.rfind("(", lo, m.start()) > text.rfind(")", lo, m.start()) and re.match(
                r"[^()\n]*\)", text[m.end() : hi + 1]
            )
            if (m.group().isupper() or inside) and (best is None or m.start() < best[0]):
                best = (m.start(), m.end())
                break
    return best


# ---------------------------------------------------------------------------------------------
# Pages


def _page_marks(doc: Document, text: str, page_starts: Sequence[int] | None) -> list[_PageMark]:
    ocr = set(doc.ocr_pages)
    if page_starts:
        first = doc.page_range[0] if doc.page_range else 1
        return [
            _PageMark(min(max(o, 0), len(text)), first + i, True, first + i in ocr)
            for i, o in enumerate(page_starts)
        ]
    if not doc.pages:
        return []
    evidence = [ev for ev in _all_evidence(doc) if ev.page is not None]
    marks = [_PageMark(0, 1, True, 1 in ocr)]
    floor = 0
    for page in range(2, doc.pages + 1):
        on_page = [ev.start for ev in evidence if ev.page == page]
        if not on_page:
            continue
        hi = min(ev.start for ev in evidence if ev.page is not None and ev.page >= page)
        lo = max([floor, *(ev.end for ev in evidence if ev.page is not None and ev.page < page)])
        lo = min(lo, hi)
        newline = text.rfind("\n", lo, hi)
        pos = newline + 1 if newline >= 0 else lo
        marks.append(_PageMark(pos, page, False, page in ocr))
        floor = pos
    return marks


def _all_evidence(doc: Document) -> list[Evidence]:
    evs = list(doc.evidence.values())
    for key in LIST_FIELDS:
        evs.extend(item.evidence for item in getattr(doc, key))
    return evs


# ---------------------------------------------------------------------------------------------
# Page parts

_CSS = """
:root { --ink:#1b1b1b; --muted:#5b6270; --line:#dfe2e8; --paper:#fbfaf7; --panel:#f3f4f7; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; scroll-padding-top: 4rem; }
body { margin:0; color:var(--ink); background:var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { position:sticky; top:0; z-index:5; background:#fff; border-bottom:1px solid var(--line);
  padding:.6rem 1.5rem; display:flex; flex-wrap:wrap; gap:.4rem 1.2rem; align-items:center; }
header.top h1 { font-size:1.05rem; margin:0; font-weight:600; overflow-wrap:anywhere; }
header.top .meta { color:var(--muted); font-size:.9rem; }
header.top .ocr-note { color:#9a6700; }
header.top a { color:#2b5fb0; }
.legend { display:flex; flex-wrap:wrap; gap:.35rem; margin:0; padding:0; list-style:none; font-size:.8rem; }
.chip { display:inline-block; padding:.05rem .5rem; border-radius:999px; border:1px solid;
  white-space:nowrap; font-size:.8rem; }
.layout { display:grid; grid-template-columns:minmax(0,1fr) 25rem; gap:2rem; padding:1.5rem;
  max-width:80rem; margin:0 auto; }
@media (max-width: 60rem) { .layout { grid-template-columns:1fr; }
  aside.panel { position:static; max-height:none; } }
.warnings { grid-column:1 / -1; background:#fff6e0; border:1px solid #e9c46a; border-radius:.5rem;
  padding:.6rem 1rem; }
.warnings h2 { font-size:.95rem; margin:0 0 .3rem; }
.warnings ul { margin:0; padding-left:1.2rem; }
.warnings code, .panel code { font-size:.85em; background:#0000000d; padding:0 .25rem; border-radius:.2rem; }
article.doc { background:#fff; border:1px solid var(--line); border-radius:.5rem; padding:2rem 2.5rem;
  max-width:46rem; justify-self:center; width:100%; }
.doc-text { white-space:pre-wrap; overflow-wrap:anywhere; margin:0; line-height:1.7;
  font: 1.07rem/1.75 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif; }
.notice { color:var(--muted); font-style:italic; }
mark.hl { color:inherit; border-radius:.2rem; padding:.05em 0; box-decoration-break:clone;
  -webkit-box-decoration-break:clone; cursor:pointer; }
mark.hl mark.hl { padding:0; }
mark.f-meta mark.f-meta { background:#c9d2de; }
mark.hl:target, mark.hl.flash { outline:3px solid #1b1b1b; outline-offset:1px; }
.page-marker { display:block; text-align:center; color:var(--muted); font:600 .8rem system-ui, sans-serif;
  letter-spacing:.08em; margin:.8rem 0; border-top:1px dashed var(--line); padding-top:.3rem; }
.page-marker::before { content:"— sida " attr(data-page) " —"; }
.page-marker[data-ocr]::before { content:"— sida " attr(data-page) " (OCR) —"; color:#9a6700; }
mark .page-marker { display:inline; border:0; margin:0 .4rem; }
aside.panel { position:sticky; top:4.2rem; align-self:start; max-height:calc(100vh - 5.5rem); overflow:auto;
  background:var(--panel); border:1px solid var(--line); border-radius:.5rem; padding:1rem 1.1rem;
  font-size:.9rem; }
.panel h2 { font-size:.95rem; margin:1rem 0 .35rem; display:flex; align-items:center; gap:.4rem; }
.panel h2:first-child { margin-top:0; }
.panel .swatch { width:.8rem; height:.8rem; border-radius:.2rem; border:1px solid; display:inline-block; }
.panel dl { display:grid; grid-template-columns:max-content 1fr; gap:.2rem .7rem; margin:0; }
.panel dt { color:var(--muted); font-size:.82rem;
  font-family:ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.panel dd { margin:0; overflow-wrap:anywhere; }
.panel ol { margin:0; padding-left:1.4rem; }
.panel li { margin:.2rem 0; overflow-wrap:anywhere; }
.panel a { color:#1d4f91; text-decoration:none; border-bottom:1px solid #1d4f9140; }
.panel a:hover { border-bottom-color:#1d4f91; }
.panel li.flash { background:#fff3b0; }
.panel .sub { color:var(--muted); font-size:.82rem; }
.panel .none { color:var(--muted); font-style:italic; }
.panel details { margin-top:1rem; }
.panel pre { white-space:pre-wrap; font-size:.75rem; background:#fff; padding:.5rem; border-radius:.3rem;
  border:1px solid var(--line); max-height:30rem; overflow:auto; }
table.index { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
table.index th, table.index td { text-align:left; padding:.45rem .7rem; border-bottom:1px solid var(--line);
  vertical-align:top; }
table.index th { background:var(--panel); font-size:.85rem; }
table.index td.num { text-align:right; font-variant-numeric:tabular-nums; }
table.index tr.failed td { background:#fdecec; }
.error { color:#9b1c1c; }
main.index { max-width:80rem; margin:0 auto; padding:1.5rem; }
"""

_FIELD_CSS = "".join(
    f"mark.f-{f.key} {{ background:{f.background}; box-shadow: inset 0 -2px 0 {f.accent}; }}\n"
    f".chip.f-{f.key}, .swatch.f-{f.key} {{ background:{f.background}; border-color:{f.accent}; }}\n"
    for f in FIELDS
)

# Optional: flash a highlight when its panel entry is clicked, and the panel entry when a
# highlight is clicked. Links and :target styling work without it.
_JS = """
(function () {
  function flash(el) {
    if (!el) { return; }
    el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var link = target.closest('a[href^="#"]');
    if (link) { flash(document.getElementById(link.getAttribute("href").slice(1))); return; }
    var mark = target.closest("mark[data-item]");
    if (mark) {
      var entry = document.querySelector('.panel a[href="#' + mark.getAttribute("data-item") + '"]');
      if (entry && entry.parentElement) {
        entry.scrollIntoView({block: "nearest"}); flash(entry.closest("li") || entry.parentElement);
      }
    }
  });
  document.documentElement.setAttribute("data-view-ready", "1");
})();
"""


def _page(title: str, body: str, *, script: bool) -> str:
    js = f"<script>{_JS}</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="radsdok">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}{_FIELD_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n{js}</body>\n</html>\n"
    )


def _legend() -> str:
    chips = "".join(f'<li class="chip f-{f.key}">{escape(f.label)}</li>' for f in FIELDS)
    return f'<ul class="legend" aria-label="legend">{chips}</ul>'


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _entry(label: str, ident: str | None, linked: bool) -> str:
    if linked and ident:
        return f'<a href="#{escape(ident)}">{label}</a>'
    return label


def _party_chip(party: str | None) -> str:
    return f' <span class="chip f-party">{escape(party)}</span>' if party else ""


# (field, evidence start) of a person in a document -> the (href, label) of other pages naming them
PeopleLinks = Mapping[tuple[str, int], Sequence[tuple[str, str]]]


def _also_in(pages: Sequence[tuple[str, str]] | None) -> str:
    if not pages:
        return ""
    anchors = ", ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for href, label in pages)
    return f' <span class="sub">also in: {anchors}</span>'


def _panel(doc: Document, linked: bool, present: set[str], people_links: PeopleLinks | None = None) -> str:
    parts: list[str] = []
    parts.append('<h2><span class="swatch f-meta"></span>document</h2><dl>')
    for key in META_FIELDS:
        value = getattr(doc, key)
        shown = escape(str(value)) if value is not None else '<span class="none">null</span>'
        ident = meta_id(key)
        parts.append(f"<dt>{key}</dt><dd>{_entry(shown, ident, linked and ident in present)}</dd>")
    pages = str(doc.pages) if doc.pages is not None else '<span class="none">null</span>'
    parts.append(f"<dt>pages</dt><dd>{pages}</dd>")
    if doc.ocr_pages:
        parts.append(f"<dt>ocr_pages</dt><dd>{', '.join(str(n) for n in doc.ocr_pages)}</dd>")
    parts.append("</dl>")
    for key in LIST_FIELDS:
        items = getattr(doc, key)
        parts.append(
            f'<h2 id="panel-{key}"><span class="swatch f-{key}"></span>{key}'
            f' <span class="sub">({len(items)})</span></h2>'
        )
        if not items:
            parts.append('<p class="none">none found</p>')
            continue
        parts.append('<ol start="0">')
        for i, item in enumerate(items):
            ident = item_id(key, i)
            label, sub = _panel_label(key, item)
            if people_links and key in ("authors", "addressees"):
                sub += _also_in(people_links.get((key, item.evidence.start)))
            page = f" · sida {item.evidence.page}" if item.evidence.page is not None else ""
            rule = f'<div class="sub"><code>{escape(item.evidence.rule)}</code>{page}</div>'
            parts.append(f"<li>{_entry(label, ident, linked and ident in present)}{sub}{rule}</li>")
        parts.append("</ol>")
    dump = doc.model_dump_json(indent=2, exclude={"text"})
    parts.append(f"<details><summary>JSON (without text)</summary><pre>{escape(dump)}</pre></details>")
    return '<aside class="panel" aria-label="extracted fields">' + "".join(parts) + "</aside>"


def _panel_label(key: str, item: object) -> tuple[str, str]:
    """(link text, trailing details), both escaped HTML."""
    if key == "authors":
        name = getattr(item, "name", None)
        role = getattr(item, "role", None)
        label = escape(name) if name else '<span class="none">(party only)</span>'
        sub = _party_chip(getattr(item, "party", None))
        if role:
            sub += f' <span class="sub">{escape(role)}</span>'
        return label, sub
    if key == "addressees":
        name = getattr(item, "name", None)
        role = getattr(item, "role", None)
        label = escape(name) if name else escape(role or "(no name)")
        sub = _party_chip(getattr(item, "party", None))
        if name and role:
            sub += f' <span class="sub">{escape(role)}</span>'
        return label, sub
    text = str(getattr(item, "text", ""))
    if key == "quotes":
        source = getattr(item, "source", None)
        return escape(_short(text, 180)), (f' <span class="sub">— {escape(source)}</span>' if source else "")
    if key == "case_numbers":
        bits = [
            f"{n} {getattr(item, n)}"
            for n in ("register", "year", "serial", "filing_code")
            if getattr(item, n) is not None
        ]
        return escape(text), (f' <span class="sub">{escape(", ".join(bits))}</span>' if bits else "")
    return escape(_short(text, 220)), ""


def render_html(
    doc: Document,
    *,
    page_starts: Sequence[int] | None = None,
    index_href: str | None = None,
    people_links: PeopleLinks | None = None,
) -> str:
    """One self-contained HTML page showing `doc.text` with every extracted value highlighted.

    `page_starts`: the offsets where PDF pages start; defaults to `doc.page_starts`. Without
    either, page markers are inferred from the evidence pages (see the module docstring).
    `index_href`: a link back to an index page, if there is one.
    `people_links`: for an author or addressee (field, evidence start), the other pages where
    the people registry (`radsdok.people`) finds the same person; listed beside the name.
    When `doc.text` is None (parsed with include_text=False) the page lists the values and says
    that they cannot be shown in place.
    """
    header = [f"<h1>{escape(doc.source)}</h1>", f'<span class="meta">kind: <b>{escape(doc.kind)}</b>']
    if doc.pages is not None:
        header.append(f" · {doc.pages} page{'s' if doc.pages != 1 else ''}")
    if doc.ocr_pages:
        numbers = ", ".join(str(n) for n in doc.ocr_pages)
        which = f"page {numbers}" if len(doc.ocr_pages) == 1 else f"pages {numbers}"
        header.append(f' · <b class="ocr-note">{which} read by OCR</b>')
    header.append("</span>")
    if index_href:
        header.append(f'<a href="{escape(index_href)}">← all documents</a>')
    header.append(_legend())
    warnings = ""
    if doc.warnings:
        items = "".join(f"<li><code>{escape(w.code)}</code> {escape(w.message)}</li>" for w in doc.warnings)
        warnings = (
            f'<section class="warnings" aria-label="warnings"><h2>Warnings</h2><ul>{items}</ul></section>'
        )
    if doc.text is None:
        article = (
            '<article class="doc"><p class="notice" id="no-text">The document text is not included (it was '
            "parsed with include_text=False / --no-text), so the values cannot be highlighted in place; "
            "they are listed in the panel.</p></article>"
        )
        present: set[str] = set()
    else:
        spans = _spans(doc, doc.text)
        marks = _page_marks(doc, doc.text, page_starts if page_starts is not None else doc.page_starts)
        present = {s.ident for s in spans}
        note = ""
        if marks and not page_starts and doc.pages and doc.pages > 1:
            note = (
                '<p class="notice">Page markers after page 1 are approximate: they are inferred from the '
                "pages of the extracted values (the real page start lies between the last value of the "
                "previous page and the first value of the marked page).</p>"
            )
        article = (
            f'<article class="doc">{note}<div class="doc-text" id="doc-text" lang="sv">'
            f"{_render_text(doc.text, spans, marks)}</div></article>"
        )
    panel = _panel(doc, doc.text is not None, present, people_links)
    body = (
        f'<header class="top">{"".join(header)}</header>\n'
        f'<div class="layout">{warnings}{article}{panel}</div>'
    )
    return _page(f"{doc.source} — radsdok", body, script=doc.text is not None)


def render_iframe(doc: Document, *, height: int = 640) -> str:
    """The page of `render_html` inside an iframe (`srcdoc`), for Jupyter's `_repr_html_`.

    The iframe keeps the page's styles and script from touching the notebook around it.
    """
    return (
        f'<iframe srcdoc="{escape(render_html(doc))}" title="{escape(doc.source)} — radsdok" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #dfe2e8;border-radius:6px"></iframe>'
    )


# ---------------------------------------------------------------------------------------------
# Index


def _person(name: str | None, party: str | None) -> str:
    if name and party:
        return f"{name} ({party})"
    return name or (f"({party})" if party else "?")


def render_index(
    rows: Sequence[Document | Failure | tuple[str, str]],
    links: Mapping[str, str] | None = None,
    *,
    title: str = "radsdok",
) -> str:
    """An index page: one row per file, in the given order.

    `rows`: parsed `Document`s, and files that failed, either as `radsdok.Failure` or as
    `(source, error message)` tuples. `links` maps a row's source (`Document.source` or the
    failure's source) to the href of its page; rows without a link are listed unlinked.
    A document row shows kind, authors with party, and the numbers of questions, proposals and
    warnings; a failed row shows its error.
    """
    links = links or {}
    body_rows: list[str] = []
    failed = 0
    for row in rows:
        if isinstance(row, Document):
            source = row.source
            name = escape(Path(source).name)
            cell = f'<a href="{escape(links[source])}">{name}</a>' if source in links else name
            authors = ", ".join(_person(a.name, a.party) for a in row.authors) or "—"
            body_rows.append(
                f'<tr><td title="{escape(source)}">{cell}</td><td>{escape(row.kind)}</td>'
                f"<td>{escape(authors)}</td><td class=num>{len(row.questions)}</td>"
                f"<td class=num>{len(row.proposals)}</td><td class=num>{len(row.warnings)}</td></tr>"
            )
            continue
        if isinstance(row, tuple):
            source, message = row
        else:
            source = row.source
            code = getattr(row.error, "code", "error")
            message = f"{code}: {getattr(row.error, 'message', str(row.error))}"
        failed += 1
        name = escape(Path(source).name)
        cell = f'<a href="{escape(links[source])}">{name}</a>' if source in links else name
        body_rows.append(
            f'<tr class="failed"><td title="{escape(source)}">{cell}</td>'
            f'<td colspan="5" class="error">failed: {escape(message)}</td></tr>'
        )
    summary = f"{len(rows)} file{'s' if len(rows) != 1 else ''}"
    if failed:
        summary += f", {failed} failed"
    table = (
        '<table class="index"><thead><tr><th>file</th><th>kind</th><th>authors</th>'
        "<th>questions</th><th>proposals</th><th>warnings</th></tr></thead>"
        f"<tbody>{''.join(body_rows)}</tbody></table>"
    )
    body = (
        f'<header class="top"><h1>{escape(title)}</h1><span class="meta">{summary}</span></header>\n'
        f'<main class="index">{table}</main>'
    )
    return _page(title, body, script=False)


# ---------------------------------------------------------------------------------------------
# Files


def write_view(
    paths: str | Path | Iterable[str | Path],
    out: str | Path,
    parser: Parser | None = None,
    *,
    on_result: Callable[[Document | Failure], None] | None = None,
    masking: Masking | None = None,
) -> list[Path]:
    """Parse files and write their HTML views; return the pages written (index last).

    `paths`: files and/or directories (the supported files under a directory, as `radsdok
    parse` finds them). `out`: a path ending in `.html` writes the single given file's page
    there (it must be exactly one file); otherwise `out` is a directory (created if needed)
    that gets `<stem>.html` per parsed file (`<stem>-2.html` on a clash) and, when several
    files or a directory were given, `index.html` listing them all, failures with their error.
    `parser`: defaults to `radsdok.load()`. `on_result` is called with each Document or
    Failure as it is parsed (the CLI reports failures through it). `masking`
    (`radsdok.privacy.masking("personal")`, `radsdok show --mask`): each Document is masked as
    it is parsed, so the pages, the index and `on_result` see only masked text and values (the
    pseudonyms have the lengths of what they replace: every highlight stays on its value).

    Raises ValueError when no files are found or a .html target gets several files, and the
    file's RadsdokError when the only file given cannot be parsed.
    """
    from .parser import Failure, expand_paths, load

    inputs = [paths] if isinstance(paths, (str, Path)) else list(paths)
    files_ = list(expand_paths(inputs))
    if not files_:
        raise ValueError("no supported files found in " + ", ".join(map(str, inputs)))
    out = Path(out)
    single_page = out.suffix.lower() == ".html"
    with_index = not single_page and (len(files_) > 1 or any(Path(p).is_dir() for p in inputs))
    if single_page and len(files_) != 1:
        raise ValueError(f"{out}: a .html target takes one file, got {len(files_)}; give a directory")
    parser = parser or load()
    if masking is not None:
        from .privacy import mask
    results: list[Document | Failure] = []
    for result in parser.pipe(files_, include_text=True):
        if masking is not None and isinstance(result, Document):
            result = mask(result, masking)
        if on_result is not None:
            on_result(result)
        results.append(result)
    first = results[0]
    if not with_index and isinstance(first, Failure):
        raise first.error
    if single_page and isinstance(first, Document):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_html(first), encoding="utf-8")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    taken = {"index"} if with_index else set()
    written: list[Path] = []
    links: dict[str, str] = {}
    documents = [r for r in results if isinstance(r, Document)]
    for result in documents:
        stem = Path(result.source).stem or "document"
        name, n = stem, 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.casefold())
        links[result.source] = f"{name}.html"
    people = _people_links(documents, links) if with_index else {}
    for result in documents:
        target = out / links[result.source]
        page = render_html(
            result, index_href="index.html" if with_index else None, people_links=people.get(result.source)
        )
        target.write_text(page, encoding="utf-8")
        written.append(target)
    if with_index:
        index = out / "index.html"
        listing = render_index(results, links, title=f"radsdok — {len(results)} files")
        index.write_text(listing, encoding="utf-8")
        written.append(index)
    return written


def _people_links(documents: Sequence[Document], pages: Mapping[str, str]) -> dict[str, PeopleLinks]:
    """Per document: each person's (field, start) -> the other pages where that person is named."""
    from .across.people import people

    out: dict[str, dict[tuple[str, int], list[tuple[str, str]]]] = {}
    for record in people(documents):
        sources = sorted({m.source for m in record.mentions if m.source in pages})
        if len(sources) < 2:
            continue
        for m in record.mentions:
            if m.start is None or m.source not in pages:
                continue
            others = [(pages[s], Path(s).name) for s in sources if s != m.source]
            out.setdefault(m.source, {})[(m.field, m.start)] = others
    return out  # type: ignore[return-value]
