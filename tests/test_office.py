"""Word (.docx) and OpenDocument (.odt) files: what is read, in which order, and what is
left out. Files are written here at test time (tests/office_builder.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from radsdok.reading import read_file

from .office_builder import R_NS, raw_docx, raw_odt, rels, word_part, write_docx, write_odt


def p(text: str, style: str | None = None, extra: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{extra}</w:p>'


# -- Word ------------------------------------------------------------------------------


def test_docx_headings_lists_and_table_rows_come_out_one_per_line(tmp_path: Path) -> None:
    text = (
        "## Motion om fler träd\n\nVi yrkar att:\n\n• fler träd planteras,\n• de vattnas.\n\n"
        "1. att kommunen gör en plan,\n2. att planen följs upp.\n\n"
        "Anna Ek (V)          Bo Al (V)\nLedamot          Ersättare"
    )
    got = read_file(write_docx(text, tmp_path / "motion.docx")).text
    assert got.startswith("Motion om fler träd\n\nVi yrkar att:\n\n")
    assert "• fler träd planteras,\n• de vattnas." in got
    assert "1. att kommunen gör en plan,\n2. att planen följs upp." in got
    assert got.endswith("Anna Ek (V) | Bo Al (V)\nLedamot | Ersättare")


def test_docx_numbering_restarts_and_counts_levels(tmp_path: Path) -> None:
    numbering = word_part(
        "numbering",
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>',
    )

    def item(text: str, num: int, level: int = 0) -> str:
        num_pr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        return f"<w:p><w:pPr>{num_pr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(
        [item("Första", 1), item("Del", 1, 1), item("Del två", 1, 1), item("Andra", 1), item("Fjärde", 2)]
    )
    path = raw_docx(tmp_path / "a.docx", body, {"word/numbering.xml": numbering})
    assert read_file(path).text == "1. Första\na) Del\nb) Del två\n2. Andra\n4. Fjärde"


def test_docx_tracked_changes_read_as_the_document_reads_now(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t xml:space=\"preserve\">Kommunen ska </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>inte </w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>genast </w:t></w:r></w:ins>"
        "<w:r><w:t>bygga.</w:t></w:r></w:p>"
    )
    assert read_file(raw_docx(tmp_path / "a.docx", body)).text == "Kommunen ska genast bygga."


def test_docx_hidden_text_field_codes_and_images_are_left_out(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Synlig </w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024-03-01</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Logotyp"/>'
        "<a:graphic><a:graphicData><w:t>bildtext</w:t></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        "</w:p>"
    )
    assert read_file(raw_docx(tmp_path / "a.docx", body)).text == "Synlig 2024-03-01"


def test_docx_header_and_footer_are_read_once_at_the_top(tmp_path: Path) -> None:
    def section(first: bool) -> str:
        refs = '<w:headerReference w:type="default" r:id="rH"/>'
        refs += '<w:footerReference w:type="default" r:id="rF"/>'
        sect = f"<w:sectPr>{refs}</w:sectPr>"
        return f"<w:p><w:pPr>{sect}</w:pPr></w:p>" if first else sect

    body = p("Interpellation") + p("Första sidan.") + section(True) + p("Andra sidan.") + section(False)
    parts = {
        "word/_rels/document.xml.rels": rels({"rH": "header1.xml", "rF": "footer1.xml"}),
        "word/header1.xml": word_part("hdr", p("Vänsterpartiet i Umeå")),
        "word/footer1.xml": word_part("ftr", p("Sida 1 (2)") + p("Box 1, 901 84 Umeå")),
    }
    text = read_file(raw_docx(tmp_path / "a.docx", body, parts)).text
    assert text.startswith("Vänsterpartiet i Umeå\n\nBox 1, 901 84 Umeå\n\nInterpellation")
    assert text.count("Vänsterpartiet i Umeå") == 1
    assert "Sida" not in text


def test_docx_footnotes_come_at_the_end_without_marks_in_the_text(tmp_path: Path) -> None:
    body = p("Kostnaden är hög.", extra='<w:r><w:footnoteReference w:id="5"/></w:r>') + p("Anna Ek (V)")
    notes = word_part(
        "footnotes",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="5">' + p("Källa: SCB 2023.") + "</w:footnote>",
    )
    text = read_file(raw_docx(tmp_path / "a.docx", body, {"word/footnotes.xml": notes})).text
    assert text == "Kostnaden är hög.\nAnna Ek (V)\n\n1 Källa: SCB 2023."


def test_docx_core_properties_go_to_metadata_not_text(tmp_path: Path) -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:title>Motion om träd</dc:title><dcterms:created>2024-03-01T10:00:00Z</dcterms:created>"
        "</cp:coreProperties>"
    )
    source = read_file(raw_docx(tmp_path / "a.docx", p("Text."), {"docProps/core.xml": core}))
    assert source.metadata == {"title": "Motion om träd", "created": "2024-03-01T10:00:00Z"}
    assert source.text == "Text." and source.format == "docx"


def test_docx_a_heading_style_makes_a_paragraph_of_its_own(tmp_path: Path) -> None:
    styles = word_part(
        "styles",
        '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>',
    )
    body = p("Bakgrund", "Rubrik1") + p("Text under.")
    assert read_file(raw_docx(tmp_path / "a.docx", body, {"word/styles.xml": styles})).text == (
        "Bakgrund\n\nText under."
    )


# -- OpenDocument ----------------------------------------------------------------------


def test_odt_lists_tables_notes_and_tracked_changes(tmp_path: Path) -> None:
    styles = (
        '<text:list-style style:name="N"><text:list-level-style-number text:level="1" style:num-format="1" '
        'style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" '
        'style:num-suffix=")"/></text:list-style>'
    )
    text = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>bortstruket</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h text:outline-level=\"1\">Motion</text:h>"
        '<text:p>Vi yrkar<text:change text:change-id="c1"/> att<text:s text:c="3"/>kommunen'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Se bilaga.</text:p></text:note-body></text:note>:</text:p>"
        '<text:list text:style-name="N"><text:list-item><text:p>att A,</text:p>'
        "<text:list><text:list-item><text:p>del</text:p></text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>att B.</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Anna Ek (S)</text:p></table:table-cell>"
        "<table:table-cell><text:p>Bo Al (S)</text:p></table:table-cell></table:table-row></table:table>"
        '<draw:frame draw:name="Logotyp"><draw:text-box><text:p>i ramen</text:p></draw:text-box></draw:frame>'
    )
    got = read_file(raw_odt(tmp_path / "a.odt", text, automatic_styles=styles)).text
    assert got == (
        "Motion\n\nVi yrkar att kommunen:\n1. att A,\na) del\n2. att B.\n\n"
        "Anna Ek (S) | Bo Al (S)\n\n1 Se bilaga."
    )


def test_odt_header_and_footer_are_read_once_at_the_top(tmp_path: Path) -> None:
    styles = (
        '<office:master-styles><style:master-page style:name="Standard">'
        "<style:header><text:p>Moderaterna i Lund</text:p></style:header>"
        "<style:footer><text:p>Sida <text:page-number>1</text:page-number></text:p></style:footer>"
        "</style:master-page>"
        '<style:master-page style:name="Andra"><style:header><text:p>Moderaterna i Lund</text:p>'
        "</style:header></style:master-page></office:master-styles>"
    )
    got = read_file(raw_odt(tmp_path / "a.odt", "<text:p>Interpellation</text:p>", styles=styles)).text
    assert got == "Moderaterna i Lund\n\nInterpellation"


def test_odt_metadata_comes_from_meta_xml(tmp_path: Path) -> None:
    from .office_builder import odf_part

    meta = odf_part("document-meta", "<office:meta><dc:title>Fråga</dc:title></office:meta>")
    source = read_file(raw_odt(tmp_path / "a.odt", "<text:p>Text.</text:p>", parts={"meta.xml": meta}))
    assert source.metadata == {"title": "Fråga"} and source.format == "odt"


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_office_file_without_text_is_empty(fmt: str, tmp_path: Path) -> None:
    from radsdok import EmptyDocument

    path = tmp_path / f"tom.{fmt}"
    if fmt == "docx":
        raw_docx(path, "<w:p/>")
    else:
        raw_odt(path, "<text:p/>")
    with pytest.raises(EmptyDocument, match=f"tom.{fmt}"):
        read_file(path)


def test_r_namespace_constant_matches_word() -> None:
    assert R_NS.endswith("/relationships")


@pytest.mark.parametrize("variant", ["spacing", "empty", "breaks"])
def test_paragraph_spacing_decides_line_or_paragraph_break(variant: str, tmp_path: Path) -> None:
    text = "Motion\nom träd\n\nFörsta stycket.\n\nAnna Ek (V)\nBo Al (V)"
    for writer, fmt in ((write_docx, "docx"), (write_odt, "odt")):
        assert read_file(writer(text, tmp_path / f"a.{fmt}", variant)).text == text, (fmt, variant)
