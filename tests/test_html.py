"""The HTML view: every extracted value highlighted exactly once, text escaped, pages self-contained."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import radsdok
from radsdok.html import (
    FIELDS,
    LIST_FIELDS,
    META_FIELDS,
    item_id,
    meta_id,
    render_html,
    render_iframe,
    render_index,
    write_view,
)
from radsdok.models import Document, Evidence, Person, Question, Quote, Warning

from .conftest import ROOT, sample_paths

CHROMIUM = Path("/usr/bin/chromium")
PDF_FIXTURE = ROOT / "tests" / "fixtures" / "pdf" / "running-header-footer.pdf"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: _Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def ancestor_ids(self) -> list[str]:
        out, node = [], self.parent
        while node is not None:
            if "id" in node.attrs:
                out.append(node.attrs["id"])
            node = node.parent
        return out


class Tree(HTMLParser):
    """A small DOM: elements with their text content, by id and by data-item; checks nesting."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.elements: list[_Element] = []
        self.marker_offsets: dict[int, int] = {}  # page -> offset in the text column of its marker
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed elements: {[e.tag for e in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1] if self.stack else None)
        self.elements.append(element)
        if "page-marker" in element.attrs.get("class", "").split():
            column = next(e for e in self.stack if e.attrs.get("id") == "doc-text")
            self.marker_offsets[int(element.attrs["data-page"])] = len(column.text)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1].tag == tag, f"</{tag}> does not close the open element"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.parts.append(data)

    def with_id(self, ident: str) -> list[_Element]:
        return [e for e in self.elements if e.attrs.get("id") == ident]

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def tags(self, tag: str) -> list[_Element]:
        return [e for e in self.elements if e.tag == tag]

    def by_class(self, name: str) -> list[_Element]:
        return [e for e in self.elements if name in e.attrs.get("class", "").split()]


def _items(doc: Document) -> list[tuple[str, Evidence]]:
    found = [(meta_id(key), ev) for key, ev in doc.evidence.items() if key in META_FIELDS]
    for key in LIST_FIELDS:
        found += [(item_id(key, i), item.evidence) for i, item in enumerate(getattr(doc, key))]
    return found


@pytest.fixture(scope="module")
def sample_docs(parser: radsdok.Parser) -> list[Document]:
    docs = []
    for result in parser.pipe(sample_paths()):
        assert isinstance(result, Document), result
        docs.append(result)
    return docs


INTERPELLATION = """Interpellation till kommunstyrelsens ordförande Anna Andersson (S)

Skolskjutsarna i Tåby & Åby

Förvaltningen skrev i sitt svar: "<script>alert(1)</script> är ingen lösning & det vet alla".
Föräldrarna i Tåby & Åby har väntat länge på besked om skolskjutsarna <b>fet</b> text.

Jag vill därför fråga Anna Andersson:

1. Varför står det <script>alert(1)</script> i beslutet & vem ansvarar?
2. När får föräldrarna i Tåby & Åby ett "riktigt" svar?

Tåby den 3 mars 2024

Lisa Berg (V)
"""


# ------------------------------------------------------------------------------------------ samples


@pytest.mark.parametrize("index", range(len(sample_paths())), ids=[p.name for p in sample_paths()])
def test_every_sample_item_has_exactly_one_highlight_with_its_exact_text(
    sample_docs: list[Document], index: int
) -> None:
    doc = sample_docs[index]
    assert doc.text is not None
    tree = Tree(render_html(doc))
    items = _items(doc)
    assert items, f"{doc.source}: nothing extracted"
    for ident, ev in items:
        found = tree.with_id(ident)
        assert len(found) == 1, f"{doc.source}: {len(found)} elements with id {ident}"
        assert found[0].tag == "mark"
        assert found[0].text == doc.text[ev.start : ev.end], f"{doc.source}: {ident}"
        assert ev.rule in found[0].attrs["title"]
    # the highlights nest without changing the text: the text column reads exactly doc.text
    (column,) = tree.with_id("doc-text")
    assert column.text == doc.text


def test_highlight_tooltip_names_field_and_rule(sample_docs: list[Document]) -> None:
    doc = next(d for d in sample_docs if d.questions)
    tree = Tree(render_html(doc))
    (mark,) = tree.with_id("q-0")
    assert mark.attrs["title"].startswith(f"questions · {doc.questions[0].evidence.rule}")


def test_case_number_inside_quote_is_a_nested_mark(sample_docs: list[Document]) -> None:
    doc = next(d for d in sample_docs if "umea_interpellation" in d.source)
    quote_index = next(
        i
        for i, q in enumerate(doc.quotes)
        if q.evidence.start <= doc.case_numbers[0].evidence.start < q.evidence.end
    )
    tree = Tree(render_html(doc))
    (case,) = tree.with_id("case-0")
    assert f"quote-{quote_index}" in case.ancestor_ids()


def test_party_written_after_the_signer_is_marked_in_party_colour(sample_docs: list[Document]) -> None:
    expected = {"eskilstuna_motion": "Centerpartiet", "falun_fraga": "kds", "varberg_svar": "M"}
    for doc in sample_docs:
        for key, written in expected.items():
            if key in doc.source:
                (mark,) = Tree(render_html(doc)).with_id("party-0")
                assert mark.text == written
                assert "f-party" in mark.attrs["class"]
                assert mark.attrs["data-of"] == "author-0"


def test_party_stated_away_from_the_signer_is_marked_where_it_is_stated() -> None:
    text = "Vänsterpartiet\n\nMotion om bänkar\n\nVi vill ha fler bänkar.\n\nMaja Ek"
    start = text.index("Maja Ek")
    doc = Document(
        source="letterhead.txt",
        text=text,
        authors=[
            Person(
                name="Maja Ek",
                party="V",
                evidence=Evidence(start=start, end=start + 7, rule="authors:signature"),
                party_evidence=Evidence(start=0, end=14, rule="authors:letterhead"),
            )
        ],
    )
    (mark,) = Tree(render_html(doc)).with_id("party-0")
    assert mark.text == "Vänsterpartiet"
    assert mark.attrs["data-of"] == "author-0"


def test_crossing_spans_split_later_one_with_id_on_first_piece() -> None:
    text = "alfa beta gamma delta epsilon"
    doc = Document(
        source="cross.txt",
        text=text,
        quotes=[Quote(text="beta gamma", evidence=Evidence(start=5, end=15, rule="quotes:marks"))],
        questions=[Question(text="gamma delta", evidence=Evidence(start=10, end=21, rule="questions:x"))],
    )
    tree = Tree(render_html(doc))
    (quote,) = tree.with_id("quote-0")
    assert quote.text == "beta gamma"
    pieces = [e for e in tree.elements if e.attrs.get("data-item") == "q-0"]
    assert len(pieces) == 2 and pieces[0].attrs.get("id") == "q-0"
    assert "".join(p.text for p in pieces) == "gamma delta"
    assert tree.with_id("doc-text")[0].text == text


def test_empty_span_still_gets_its_highlight_element() -> None:
    doc = Document(
        source="empty-span.txt",
        text="Hej",
        authors=[Person(name=None, party="V", evidence=Evidence(start=3, end=3, rule="authors:x"))],
    )
    (mark,) = Tree(render_html(doc)).with_id("author-0")
    assert mark.text == ""


# ------------------------------------------------------------------------------------------ escaping


def test_script_ampersand_and_quotes_in_text_are_escaped_and_shown_literally() -> None:
    doc = radsdok.parse_text(INTERPELLATION, source="x")
    assert doc.questions, "the fixture should parse as an interpellation with questions"
    page = render_html(doc)
    assert "<script>alert(1)" not in page
    assert "<b>fet</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" not in page
    tree = Tree(page)
    assert len(tree.tags("script")) == 1, "only the view's own script"
    assert not tree.tags("b") or all("fet" not in e.text for e in tree.tags("b"))
    (column,) = tree.with_id("doc-text")
    assert column.text == doc.text  # <, &, " displayed as written
    for ident, ev in _items(doc):
        (mark,) = tree.with_id(ident)
        assert mark.text == doc.text[ev.start : ev.end]


def test_source_name_and_warning_text_are_escaped() -> None:
    doc = Document(
        source='a"><script>alert(2)</script>.txt',
        text="Text.",
        warnings=[Warning(code="odd", message="<img src=x onerror=alert(3)>")],
    )
    page = render_html(doc)
    assert "<script>alert(2)" not in page
    assert "<img src=x" not in page
    assert len(Tree(page).tags("script")) == 1


# ------------------------------------------------------------------------------------------ panel


def test_panel_links_point_to_existing_highlight_ids(sample_docs: list[Document]) -> None:
    for doc in sample_docs:
        tree = Tree(render_html(doc))
        ids = tree.ids()
        hrefs = [a.attrs["href"] for a in tree.tags("a") if a.attrs.get("href", "").startswith("#")]
        assert hrefs
        for href in hrefs:
            assert href[1:] in ids, f"{doc.source}: {href} has no target"
        linked = {h[1:] for h in hrefs}
        assert {ident for ident, _ in _items(doc)} <= linked, f"{doc.source}: an item is not in the panel"


def test_panel_lists_scalar_fields_then_each_list_in_json_order(sample_docs: list[Document]) -> None:
    tree = Tree(render_html(sample_docs[0]))
    (panel,) = tree.by_class("panel")
    labels = [e.text for e in tree.elements if e.tag == "dt" and e.parent is not None]
    assert labels[:5] == list(META_FIELDS)
    headings = [e.attrs["id"] for e in tree.tags("h2") if e.attrs.get("id", "").startswith("panel-")]
    assert headings == [f"panel-{key}" for key in LIST_FIELDS]
    assert panel.text.index("kind") < panel.text.index("authors") < panel.text.index("proposals")


def test_legend_lists_each_field() -> None:
    tree = Tree(render_html(Document(source="x", text="x")))
    (legend,) = tree.by_class("legend")
    chips = [e for e in tree.elements if e.tag == "li" and e.parent is legend]
    assert [c.text for c in chips] == [f.label for f in FIELDS]
    for label in ("authors", "party", "addressees", "questions", "quotes", "case numbers", "proposals"):
        assert label in legend.text
    assert "metadata" in legend.text and "date" in legend.text


def test_warnings_appear_before_the_text() -> None:
    doc = Document(
        source="w.txt",
        text="Något.",
        warnings=[Warning(code="kind-unsure", message="could not tell the kind")],
    )
    page = render_html(doc)
    (section,) = Tree(page).by_class("warnings")
    assert "kind-unsure" in section.text and "could not tell the kind" in section.text
    assert page.index('class="warnings"') < page.index('id="doc-text"')


def test_parsed_warnings_are_shown(sample_docs: list[Document]) -> None:
    doc = radsdok.parse_text("Bara några ord utan rubrik.", source="kort.txt")
    assert doc.warnings
    section = Tree(render_html(doc)).by_class("warnings")[0]
    for warning in doc.warnings:
        assert warning.code in section.text


def test_without_text_values_are_listed_and_page_says_no_highlights(parser: radsdok.Parser) -> None:
    doc = parser.parse(sample_paths()[0], include_text=False)
    tree = Tree(render_html(doc))
    assert not tree.tags("mark")
    (notice,) = tree.with_id("no-text")
    assert "include_text=False" in notice.text
    assert not [a for a in tree.tags("a") if a.attrs.get("href", "").startswith("#")]
    if doc.questions:
        assert doc.questions[0].text.split()[0] in tree.by_class("panel")[0].text


def test_notebook_iframe_holds_the_whole_page_escaped(sample_docs: list[Document]) -> None:
    doc = sample_docs[0]
    tree = Tree(render_iframe(doc))
    (frame,) = tree.tags("iframe")
    assert frame.attrs["srcdoc"] == render_html(doc)
    assert not tree.tags("script") and not tree.tags("style")


# ------------------------------------------------------------------------------------------ pages


@pytest.mark.skipif(not PDF_FIXTURE.exists(), reason="PDF fixture missing")
def test_pdf_page_markers_exact_from_the_document_and_inferred_without_it(parser: radsdok.Parser) -> None:
    source = parser.read(PDF_FIXTURE)
    doc = parser.parse_source(source)
    assert doc.text is not None and source.page_starts and len(source.page_starts) > 1
    assert doc.page_starts == source.page_starts

    exact = Tree(render_html(doc))
    assert exact.marker_offsets == {n: start for n, start in enumerate(source.page_starts, 1)}
    assert exact.with_id("doc-text")[0].text == doc.text

    doc = doc.model_copy(update={"page_starts": None})  # as from JSON written without them
    inferred = Tree(render_html(doc))
    assert inferred.with_id("doc-text")[0].text == doc.text
    assert inferred.marker_offsets.get(1) == 0
    paged = [(ev.page, ev) for _, ev in _items(doc) if ev.page is not None]
    assert len(inferred.marker_offsets) == len({p for p, _ in paged} | {1})
    for page, offset in inferred.marker_offsets.items():
        # the marker lies where the real page start can be: after the values of earlier pages,
        # not after the first value of its own page
        lower = max([0, *(ev.end for p, ev in paged if p < page)])
        upper = min([len(doc.text), *(ev.start for p, ev in paged if p >= page)])
        assert lower <= offset <= upper
        assert lower <= source.page_starts[page - 1] <= upper or page == 1
    for ident, ev in _items(doc):
        assert f"sida {ev.page}" in inferred.with_id(ident)[0].attrs["title"]


def test_page_markers_of_a_bundle_part_carry_the_files_page_numbers(parser: radsdok.Parser) -> None:
    bundle = ROOT / "tests" / "fixtures" / "pdf" / "bundle-three-interpellations.pdf"
    parts = [doc for doc in parser.split(bundle) if doc.page_range and doc.page_range[0] > 1]
    assert parts
    for doc in parts:
        assert doc.page_range is not None and doc.page_starts is not None
        first = doc.page_range[0]
        expected = {first + i: start for i, start in enumerate(doc.page_starts)}
        assert Tree(render_html(doc)).marker_offsets == expected


# ------------------------------------------------------------------------------------------ index


def test_index_lists_documents_and_failures_with_their_error(sample_docs: list[Document]) -> None:
    failure = radsdok.Failure(
        "trasig.pdf", radsdok.UnreadablePDF("trasig.pdf", "is not a PDF (no %PDF header)")
    )
    doc = sample_docs[0]
    page = render_index([doc, failure, ("tom.txt", "empty: the file holds no text")], {doc.source: "a.html"})
    tree = Tree(page)
    rows = [e for e in tree.tags("tr") if e.parent is not None and e.parent.tag == "tbody"]
    assert len(rows) == 3
    assert [a.attrs["href"] for a in tree.tags("a")] == ["a.html"]
    assert doc.kind in rows[0].text
    if doc.authors and doc.authors[0].party:
        assert f"({doc.authors[0].party})" in rows[0].text
    assert "trasig.pdf" in rows[1].text and "is not a PDF (no %PDF header)" in rows[1].text
    assert "unreadable-pdf" in rows[1].text
    assert "tom.txt" in rows[2].text and "the file holds no text" in rows[2].text
    assert "2 failed" in page


def test_write_view_directory_writes_pages_and_an_index_with_failures(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for sample in sample_paths()[:2]:
        shutil.copy(sample, src / sample.name)
    (src / "tom.txt").write_bytes(b"")
    seen: list[object] = []
    written = write_view(src, tmp_path / "out", on_result=seen.append)
    names = sorted(p.name for p in written)
    assert names == sorted([*(p.stem + ".html" for p in sample_paths()[:2]), "index.html"])
    assert len(seen) == 3 and isinstance(seen[-1], radsdok.Failure)
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "tom.txt" in index and "empty" in index
    for page in written[:-1]:
        assert page.name in index
        assert 'href="index.html"' in page.read_text("utf-8")


def test_write_view_single_html_target_and_name_clashes(tmp_path: Path) -> None:
    sample = sample_paths()[0]
    (target,) = write_view(sample, tmp_path / "view.html")
    assert target == tmp_path / "view.html"
    assert 'id="doc-text"' in target.read_text("utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(sample, a / "same.txt")
    shutil.copy(sample, b / "same.txt")
    written = write_view([a / "same.txt", b / "same.txt"], tmp_path / "out")
    assert [p.name for p in written] == ["same.html", "same-2.html", "index.html"]
    with pytest.raises(ValueError):
        write_view([a / "same.txt", b / "same.txt"], tmp_path / "both.html")


def test_write_view_single_failed_file_raises_its_error(tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    with pytest.raises(radsdok.EmptyDocument):
        write_view(empty, tmp_path / "tom.html")
    assert not (tmp_path / "tom.html").exists()


# ------------------------------------------------------------------------------------------ browser


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)"
)
def test_page_renders_in_headless_chromium_without_script_errors(
    tmp_path: Path, sample_docs: list[Document]
) -> None:
    doc = next(d for d in sample_docs if "umea_interpellation" in d.source)
    page = tmp_path / "view.html"
    page.write_text(render_html(doc), encoding="utf-8")
    shot = tmp_path / "view.png"
    run = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,900")
    assert shot.exists(), run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert "Uncaught" not in run.stderr

    dom = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert 'data-view-ready="1"' in dom.stdout, "the inline script did not run to the end"
    assert 'id="q-0"' in dom.stdout and "Uncaught" not in dom.stderr


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)"
)
def test_panel_link_jumps_to_highlight_and_highlight_click_finds_panel_entry_from_file_url(
    tmp_path: Path, sample_docs: list[Document]
) -> None:
    doc = next(d for d in sample_docs if "umea_interpellation" in d.source)
    probe = """<script>
    document.querySelector('.panel a[href="#q-0"]').click();
    var r = [location.hash, document.getElementById("q-0").classList.contains("flash")];
    document.getElementById("case-0").click();
    r.push(document.querySelector('.panel a[href="#case-0"]').closest("li").classList.contains("flash"));
    document.documentElement.setAttribute("data-probe", JSON.stringify(r));
    </script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(render_html(doc).replace("</body>", probe), encoding="utf-8")
    dom = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert "Uncaught" not in dom.stderr
    assert 'data-probe="[&quot;#q-0&quot;,true,true]"' in dom.stdout, dom.stdout[:300]


def test_a_case_numbers_filing_code_is_shown_with_its_parts() -> None:
    document = radsdok.parse_text(
        "Svar på motion om bänkar\n\nDnr KS 2024/0311 041\n\nVi ser över bänkarna.\n"
    )
    assert document.case_numbers[0].filing_code == "041"
    assert "filing_code 041" in render_html(document)
