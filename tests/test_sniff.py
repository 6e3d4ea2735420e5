"""The format of a file is told by its bytes; a lying extension is refused, not guessed past."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from radsdok import EmptyDocument, EncryptedDocument, FormatMismatch, UnreadablePDF, UnsupportedFormat
from radsdok.parser import expand_paths
from radsdok.reading import is_document_file, read_file
from radsdok.reading.sniff import sniff_bytes
from tests.pdf_builder import text_pdf

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LETTER = "Motion om fler bänkar i parken\n\nAtt kommunen ställer ut fler bänkar.\n"


def _word_archive(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _odf_archive(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored first and uncompressed, as ODF asks
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"\xef\xbb\xbf  <html lang='sv'>", "html"),
        (b"<!-- saved page -->\n<head><title>x</title></head>", "html"),
        ("<html>".encode("utf-16"), "html"),
        (b"{\\rtf1\\ansi hello}", "rtf"),
        (OLE_MAGIC + b"\x00" * 100, "doc"),
        (LETTER.encode(), "txt"),
        (LETTER.encode("utf-16"), "txt"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_the_format_is_told_by_the_first_bytes(head: bytes, expected: str) -> None:
    assert sniff_bytes(head) == expected


def test_a_text_about_html_tags_is_text_not_a_page() -> None:
    assert sniff_bytes(b"Motion om <html>-taggen i kommunens webbplats\n") == "txt"


def test_word_and_opendocument_archives_are_told_apart_by_their_entries(tmp_path: Path) -> None:
    word = _word_archive(tmp_path / "a.zip")
    odf = _odf_archive(tmp_path / "b.zip")
    other = tmp_path / "c.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "x")
    assert [sniff_bytes(p.read_bytes()[:8192], p) for p in (word, odf, other)] == ["docx", "odt", "zip"]


def test_a_pdf_without_an_extension_is_read_as_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(text_pdf([["Interpellation om skolan", "Anna Berg (V)"]]))
    source = read_file(path)
    assert source.format == "pdf"
    assert "Anna Berg (V)" in source.text


def test_a_pdf_named_txt_is_refused_naming_both_formats(tmp_path: Path) -> None:
    path = tmp_path / "motion.txt"
    path.write_bytes(text_pdf([["Motion om skolan"]]))
    with pytest.raises(FormatMismatch) as raised:
        read_file(path)
    assert str(path) in str(raised.value)
    assert ".txt" in raised.value.message and "PDF" in raised.value.message


def test_a_word_file_named_pdf_is_refused_as_a_mismatch(tmp_path: Path) -> None:
    path = _word_archive(tmp_path / "motion.pdf")
    with pytest.raises(FormatMismatch, match=r"Word document.*\.docx"):
        read_file(path)


def test_a_web_page_named_pdf_is_refused_as_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "motion.pdf"
    path.write_text("<!doctype html><html><body><p>Motion</p></body></html>", encoding="utf-8")
    with pytest.raises(FormatMismatch, match="web page"):
        read_file(path)


def test_a_markdown_file_may_hold_markup(tmp_path: Path) -> None:
    path = tmp_path / "motion.md"
    path.write_text("<html> är en tagg.\n\n" + LETTER, encoding="utf-8")
    assert read_file(path).format == "md"


def test_a_corrupt_pdf_goes_to_the_pdf_reader_which_explains_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnreadablePDF, match="no %PDF header"):
        read_file(path)


def test_an_empty_file_is_empty_whatever_its_extension(tmp_path: Path) -> None:
    for name in ("a.pdf", "a.docx", "a"):
        path = tmp_path / name
        path.write_bytes(b"")
        with pytest.raises(EmptyDocument, match="0 bytes"):
            read_file(path)


def test_a_legacy_word_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "motion.doc"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2000)
    with pytest.raises(UnsupportedFormat, match="convert it") as raised:
        read_file(path)
    assert raised.value.source == str(path)


def test_a_password_protected_word_file_is_refused_as_encrypted(tmp_path: Path) -> None:
    # Word writes a file with a password as an OLE container with these two streams.
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "motion.docx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 500 + names + b"\x00" * 500)
    with pytest.raises(EncryptedDocument, match="password"):
        read_file(path)


def test_binary_data_without_a_known_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "image.bin"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormat, match="no format radsdok reads"):
        read_file(path)


def test_a_folder_yields_documents_by_content_and_skips_what_radsdok_does_not_read(tmp_path: Path) -> None:
    (tmp_path / "motion.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "scan_without_name").write_bytes(text_pdf([["Motion"]]))
    (tmp_path / "old.doc").write_bytes(OLE_MAGIC + b"\x00" * 100)
    (tmp_path / "data.json").write_text('{"a": 1}', encoding="utf-8")
    (tmp_path / "notes").write_text(LETTER, encoding="utf-8")
    found = sorted(p.name for p in expand_paths([tmp_path]))
    assert found == ["motion.txt", "scan_without_name"]
    assert not is_document_file(tmp_path / "old.doc")
