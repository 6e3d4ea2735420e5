"""Web pages: the main content without the chrome, as lines and paragraphs, with the page's
own metadata beside the text; through the API and every CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import radsdok
from radsdok.errors import DecodingFailed, EmptyDocument, FormatMismatch
from radsdok.parser import expand_paths
from radsdok.reading import read_file
from radsdok.reading.html import read_html
from radsdok.reading.html_meta import strip_site_name

from .conftest import SAMPLES
from .html_pages import CHROME_WORDS, bundle_page, document_html, plain_page, sample_page, wordpress_page
from .test_cli import radsdok as run_cli

KAVLINGE = SAMPLES / "kavlinge_motion_multiline_signature.txt"
LUDVIKA = SAMPLES / "ludvika_motion_yrkar_att_bullets_wrapped.txt"

INTERPELLATION = """<h2>Interpellation till socialnämndens ordförande</h2>
<p>Väntetiderna till hemtjänsten har ökat under året &ndash; enligt nämndens egen rapport
&raquo;Uppföljning 2024&laquo; väntar en äldre i snitt tre veckor.</p>
<p>Jag vill därför fråga socialnämndens ordförande:</p>
<ol><li>Hur många väntar i dag på hemtjänst?</li><li>Vad gör nämnden för att korta väntan?</li></ol>
<p>Exempelby den 3 mars 2024<br>Anna Berg (V)</p>"""


def read_page(page: str, name: str = "sida.html") -> radsdok.reading.SourceText:
    return read_html(page.encode("utf-8"), name)


@pytest.mark.parametrize("template", ["wordpress", "plain"])
def test_no_chrome_word_reaches_the_text(template: str) -> None:
    for sample in (KAVLINGE, LUDVIKA):
        text = read_page(sample_page(sample, template)).text
        assert [word for word in CHROME_WORDS if word.casefold() in text.casefold()] == []


def test_the_pages_chrome_really_holds_the_chrome_words() -> None:
    page = sample_page(KAVLINGE)
    assert all(word in page for word in CHROME_WORDS if word != "Budgetdebatten i juni")


def test_the_signature_block_survives_boilerplate_removal() -> None:
    text = read_page(sample_page(KAVLINGE)).text
    assert text.endswith(
        "Kävlinge den 18 april 2024\n\nFör Socialdemokraterna i Kävlinge\nAnnika Persson\n"
        "3:e vice ordförande i kommunstyrelsen\nOskar Lindahl\nLedamot i kommunfullmäktige"
    )


def test_a_short_signature_in_paragraphs_of_its_own_survives() -> None:
    content = INTERPELLATION.replace("<br>Anna Berg (V)</p>", "</p>\n<p>Anna Berg (V)</p>")
    text = read_page(wordpress_page(content, title="Interpellation")).text
    assert text.endswith("Exempelby den 3 mars 2024\n\nAnna Berg (V)")


def test_headings_paragraphs_and_list_items_are_lines() -> None:
    text = read_page(wordpress_page(INTERPELLATION, title="Interpellation om hemtjänsten")).text
    assert text.startswith("Interpellation till socialnämndens ordförande\n\nVäntetiderna")
    assert "\n\nJag vill därför fråga socialnämndens ordförande:\n\n1. Hur många" in text
    assert "1. Hur många väntar i dag på hemtjänst?\n2. Vad gör nämnden för att korta väntan?" in text
    assert "Exempelby den 3 mars 2024\nAnna Berg (V)" in text


def test_entities_are_decoded_once() -> None:
    content = (
        "<h1>Motion om A &amp; B</h1><p>&quot;Citat&quot; &ndash; &#228;ven &#x00e5;r &amp;amp; 5&nbsp;kr</p>"
    )
    text = read_page(wordpress_page(content, title="Motion")).text
    assert text == 'Motion om A & B\n\n"Citat" – även år &amp; 5 kr'


def test_bullets_and_numbers_are_written_as_a_browser_shows_them() -> None:
    content = (
        "<h1>Motion om lekplatser</h1><p>Vi yrkar</p>"
        "<ul><li>att nämnden bygger fler lekplatser</li><li>att de får skugga</li></ul>"
        '<ol start="3"><li>att tre</li><li>att fyra<ul><li>delpunkt</li></ul></li></ol>'
        "<ul><li>• redan med punkt</li></ul>"
    )
    text = read_page(wordpress_page(content, title="Motion")).text
    assert "• att nämnden bygger fler lekplatser\n• att de får skugga" in text
    assert "3. att tre\n4. att fyra\n• delpunkt" in text
    assert "• redan med punkt" in text and "• • redan" not in text


def test_a_table_row_is_a_line_with_its_cells_apart() -> None:
    content = (
        "<h1>Tjänsteskrivelse</h1><p>Förvaltningen föreslår att motionen avslås.</p>"
        "<table><tr><td>Anders Wiklund</td><td>Helena Sjöberg</td></tr>"
        "<tr><td>Förvaltningschef</td><td>Rektor</td></tr></table>"
    )
    text = read_page(wordpress_page(content, title="Tjänsteskrivelse")).text
    assert text.endswith("Anders Wiklund\tHelena Sjöberg\nFörvaltningschef\tRektor")


def test_the_page_title_without_site_name_opens_a_text_without_heading() -> None:
    content = "<p>Vi vill fråga kommunalrådet om skolvägarna.</p><p>Är du beredd att bygga en gångväg?</p>"
    source = read_page(wordpress_page(content, title="Enkel fråga om skolvägar", site="V Exempelby"))
    assert source.text.startswith("Enkel fråga om skolvägar\n\nVi vill fråga")
    assert "V Exempelby" not in source.text
    assert source.metadata["title"] == "Enkel fråga om skolvägar"


def test_the_post_title_in_the_article_header_opens_the_text() -> None:
    content, heading, lifted = document_html(KAVLINGE.read_text(encoding="utf-8"), lift_heading=True)
    assert lifted and heading == "Motion till kommunfullmäktige i Kävlinge"
    assert heading not in content
    text = read_page(wordpress_page(content, title="Sommarlov", headline=heading)).text
    assert text.startswith("Motion till kommunfullmäktige i Kävlinge\n\nAvgiftsfria sommarlovsaktiviteter")
    assert "Publicerad av" not in text


def test_a_layout_table_is_read_once_as_blocks() -> None:
    content = "<p><strong>Enkel fråga om skolvägar</strong></p><p>Är du beredd att bygga en gångväg?</p>"
    text = read_page(plain_page(content, title="Enkel fråga om skolvägar")).text
    assert text == "Enkel fråga om skolvägar\n\nÄr du beredd att bygga en gångväg?"


def test_a_title_already_opening_the_text_is_not_repeated() -> None:
    content = "<p><strong>Enkel fråga om skolvägar</strong></p><p>Är du beredd att bygga en gångväg?</p>"
    text = read_page(plain_page(content, title="Enkel fråga om skolvägar")).text
    assert text.count("Enkel fråga om skolvägar") == 1


def test_metadata_is_recorded_and_kept_out_of_the_text() -> None:
    source = read_page(sample_page(KAVLINGE))
    assert source.metadata == {
        "title": "Motion till kommunfullmäktige i Kävlinge",
        "url": "https://exempelby.vansterpartiet.se/2024/04/18/motion/",
        "published": "2024-04-18",
        "site": "Vänsterpartiet Exempelby",
        "language": "sv-SE",
    }
    assert "exempelby.vansterpartiet.se" not in source.text
    assert "2024-04-18" not in source.text
    assert source.format == "html" and source.page_starts is None


def test_a_date_in_the_text_is_not_taken_for_the_pages_published_date() -> None:
    source = read_page(sample_page(LUDVIKA, "plain"))
    assert "Ludvika 2024-03-11" in source.text
    assert "published" not in source.metadata


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Motion om skolvägar | V Ludvika", None, "Motion om skolvägar"),
        ("Motion | Socialdemokraterna i Kävlinge", "kavlinge.se", "Motion"),
        ("V Ludvika – Motion om skolvägar", "V Ludvika", "Motion om skolvägar"),
        ("Motion om skolvägar – V Ludvika", None, "Motion om skolvägar"),
        ("Motion - trygga skolvägar i Grangärde", None, "Motion - trygga skolvägar i Grangärde"),
        ("Nyheter", None, "Nyheter"),
    ],
)
def test_the_site_name_is_cut_from_a_page_title(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected


def test_a_declared_single_byte_charset_is_honoured_without_warning() -> None:
    page = wordpress_page(INTERPELLATION, title="Väntetider", charset="windows-1252")
    source = read_html(page.encode("cp1252", errors="xmlcharrefreplace"), "gammal.html")
    assert "Väntetiderna till hemtjänsten" in source.text and source.warnings == []


def test_an_undeclared_cp1252_page_is_decoded_with_a_warning() -> None:
    page = f"<html><body><main>{INTERPELLATION}</main></body></html>"
    source = read_html(page.encode("cp1252", errors="xmlcharrefreplace"), "gammal.html")
    assert "Väntetiderna till hemtjänsten" in source.text
    assert [w.code for w in source.warnings] == ["encoding-fallback"]


def test_a_wrong_charset_declaration_falls_back_with_a_warning() -> None:
    page = wordpress_page(INTERPELLATION, title="Väntetider", charset="utf-8")
    source = read_html(page.encode("cp1252", errors="xmlcharrefreplace"), "fel.html")
    assert "Väntetiderna till hemtjänsten" in source.text
    assert source.warnings[0].code == "encoding-fallback" and "declares" in source.warnings[0].message


def test_a_utf16_page_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sida.htm"
    path.write_bytes(wordpress_page(INTERPELLATION, title="Väntetider").encode("utf-16"))
    assert "Väntetiderna till hemtjänsten" in read_file(path).text


def test_a_page_without_main_content_is_read_whole_with_a_warning() -> None:
    page = "<html><body><header><h1>Motion om parkering</h1><p>Vi yrkar att kommunen bygger.</p>"
    page += "<p>Anna Berg (V)</p></header></body></html>"
    source = read_page(page)
    assert source.text == "Motion om parkering\n\nVi yrkar att kommunen bygger.\n\nAnna Berg (V)"
    assert [w.code for w in source.warnings] == ["no-main-content"]


def test_a_page_too_large_for_boilerplate_removal_is_read_whole_without_chrome() -> None:
    paragraphs = "".join(f"<p>Punkt {n}: beslutet fattades.</p>" for n in range(21_000))
    page = wordpress_page("<h1>Protokoll</h1>" + paragraphs, title="Protokoll")
    source = read_page(page)
    assert source.text.startswith("Protokoll\n\nPunkt 0: beslutet fattades.\n\nPunkt 1:")
    assert "Punkt 20999: beslutet fattades." in source.text
    assert not any(word in source.text for word in ("Senaste inläggen", "Godkänn alla kakor", "Storgatan 12"))
    assert [w.code for w in source.warnings] == ["no-main-content"]


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><script>var a = 1;</script></body></html>",
        "<html><head><title>Bild</title></head><body><img src='a.png'></body></html>",
        "<!DOCTYPE html>\n<html>\n</html>",
    ],
)
def test_a_page_without_text_is_an_empty_document(page: str) -> None:
    with pytest.raises(EmptyDocument, match=r"tom\.html"):
        read_page(page, "tom.html")


def test_binary_data_named_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sida.html"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(DecodingFailed, match=r"sida\.html"):
        read_file(path)


def test_a_pdf_named_html_is_a_format_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "sida.html"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    with pytest.raises(FormatMismatch, match=r"sida\.html"):
        read_file(path)


# ---------------------------------------------------------------------------------------------
# API and CLI


def test_the_api_parses_a_web_page_like_its_text(parser: radsdok.Parser, tmp_path: Path) -> None:
    page = tmp_path / "motion.htm"
    page.write_text(sample_page(KAVLINGE), encoding="utf-8")
    doc = parser.parse(page)
    assert doc.kind == "motion" and doc.format == "html"
    assert [(a.name, a.party) for a in doc.authors] == [
        (a.name, a.party) for a in parser.parse(KAVLINGE).authors
    ]
    assert doc.metadata["url"] == "https://exempelby.vansterpartiet.se/2024/04/18/motion/"
    assert doc.text is not None
    for proposal in doc.proposals:
        assert " ".join(doc.text[proposal.evidence.start : proposal.evidence.end].split()) == proposal.text


def test_cli_parse_reads_a_web_page(tmp_path: Path) -> None:
    page = tmp_path / "motion.html"
    page.write_text(sample_page(LUDVIKA), encoding="utf-8")
    result = run_cli("parse", "--model", "blank", str(page))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["kind"] == "motion"
    assert [a["name"] for a in doc["authors"]] == ["Emma Hed", "Jonas Wik"]
    assert doc["metadata"]["title"] == "Motion till kommunfullmäktige i Ludvika"


def test_a_page_without_extension_is_picked_up_by_its_content(tmp_path: Path) -> None:
    (tmp_path / "motion-om-skolvagar").write_text(sample_page(LUDVIKA), encoding="utf-8")
    (tmp_path / "anteckningar").write_text("bara text", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["motion-om-skolvagar"]
    result = run_cli("parse", "--model", "blank", "--format", "jsonl", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["kind"] == "motion" and doc["format"] == "html"


def test_cli_dataset_takes_a_folder_with_a_web_page(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "interpellation.html").write_text(
        wordpress_page(INTERPELLATION, title="Interpellation om hemtjänsten"), encoding="utf-8"
    )
    (folder / "motion.txt").write_text(KAVLINGE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = run_cli("dataset", "--model", "blank", "--quiet", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in rows] == [
        "Hur många väntar i dag på hemtjänst?",
        "Vad gör nämnden för att korta väntan?",
    ]
    assert rows[0]["source"].endswith("interpellation.html") and rows[0]["author_names"] == ["Anna Berg"]


def test_cli_show_renders_a_web_page(tmp_path: Path) -> None:
    page = tmp_path / "motion.html"
    page.write_text(sample_page(LUDVIKA), encoding="utf-8")
    view = tmp_path / "view.html"
    result = run_cli("show", "--model", "blank", str(page), "-o", str(view))
    assert result.returncode == 0, result.stderr
    html = view.read_text(encoding="utf-8")
    assert "Emma Hed" in html and "Senaste inläggen" not in html


def test_cli_split_takes_a_page_listing_several_documents(tmp_path: Path) -> None:
    bundle = SAMPLES / "bundles" / "pitea_group_two_fragor_one_motion.txt"
    page = tmp_path / "gruppen.html"
    page.write_text(bundle_page(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_cli("parse", "--model", "blank", "--split", "--no-text", str(page))
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["part"] for d in docs] == [1, 2, 3]
    assert [d["kind"] for d in docs] == ["fraga", "fraga", "motion"]
