"""Hostile Word and OpenDocument files are refused with a typed error naming the file:
zip bombs (counted as they inflate, whatever the archive's directory claims), entity
expansion and external entities in the XML, archives with too many entries, truncated or
broken archives, encrypted files, and extensions that lie about the content."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from radsdok import (
    EncryptedDocument,
    FileTooLarge,
    FormatMismatch,
    RadsdokError,
    UnreadableDocument,
)
from radsdok.reading import read_file

from .conftest import SAMPLES
from .office_builder import odf_part, raw_docx, raw_odt, word_part, write_docx, write_odt
from .test_hostile_sizes import PEAK_LIMIT_MB, parse_in_child

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document ['
    '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
SAMPLE = SAMPLES / "ludvika_motion_yrkar_att_bullets_wrapped.txt"


def word_body(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def with_doctype(doctype: str, part: str) -> str:
    return doctype + part.split("?>", 1)[1]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radsdok.cli", "parse", "--model", "blank", "--no-text", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- zip bombs ---------------------------------------------------------------------------


def test_a_docx_part_inflating_past_the_limit_is_too_large(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "bomb.docx", word_body("Text." + " " * 3_000_000))
    with pytest.raises(FileTooLarge, match=r"bomb\.docx.*inflate.*--max-inflated"):
        read_file(path, max_inflated=1_000_000)
    assert read_file(path, max_inflated=None).text == "Text."  # no limit: it is read


def test_parts_inflating_past_the_limit_together_are_too_large(tmp_path: Path) -> None:
    padding = word_part("styles", "<!--" + " " * 400_000 + "-->")
    parts = {"word/styles.xml": padding, "word/numbering.xml": padding.replace("styles", "numbering")}
    path = raw_docx(tmp_path / "spread.docx", word_body(" " * 400_000), parts)
    with pytest.raises(FileTooLarge, match=r"spread\.docx"):
        read_file(path, max_inflated=1_000_000)


def test_an_archive_directory_lying_about_sizes_does_not_fool_the_count(tmp_path: Path) -> None:
    # The directory says document.xml is 100 bytes; it inflates to 2 MB.
    path = raw_docx(tmp_path / "liar.docx", word_body("x" * 2_000_000))
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    central = data.find(b"PK\x01\x02" + bytes(data[info.header_offset + 4 : info.header_offset + 6]))
    while central >= 0:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_length] == b"word/document.xml":
            data[central + 24 : central + 28] = (100).to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    with pytest.raises(RadsdokError, match=r"liar\.docx") as raised:
        read_file(path, max_inflated=1_000_000)
    assert isinstance(raised.value, (FileTooLarge, UnreadableDocument))


def test_an_odt_bomb_is_refused_through_the_cli_with_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    size = 300 * 1024 * 1024
    head = odf_part("document-content", "<office:body><office:text><text:p>").encode()
    # content.xml: a paragraph of 300 MB of spaces, deflated piece by piece (about 300 KB)
    chunks = [compressor.compress(head)]
    block = b" " * (1 << 20)
    chunks += [compressor.compress(block) for _ in range(size >> 20)]
    chunks.append(compressor.compress(b"</text:p></office:text></office:body></office:document-content>"))
    chunks.append(compressor.flush())
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    # append content.xml as a raw deflated entry by rewriting the archive with zipfile's own header
    _append_raw_deflated(path, "content.xml", b"".join(chunks), size + len(head) + 62)
    result = cli(str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"radsdok: {path}") and "inflate" in result.stderr
    assert "Traceback" not in result.stderr
    outcome = parse_in_child(path)
    assert outcome["error"] == "FileTooLarge"
    assert float(outcome["peak_mb"]) < PEAK_LIMIT_MB  # type: ignore[arg-type]


def _append_raw_deflated(path: Path, name: str, deflated: bytes, size: int) -> None:
    """Add an entry whose deflated bytes are given (zipfile would have to inflate them)."""
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size
        info.compress_size = len(deflated)
        info.CRC = 0
        archive.fp.seek(archive.start_dir)  # type: ignore[union-attr]
        info.header_offset = archive.start_dir
        archive.fp.write(info.FileHeader())  # type: ignore[union-attr]
        archive.fp.write(deflated)  # type: ignore[union-attr]
        archive.start_dir = archive.fp.tell()  # type: ignore[union-attr]
        archive.filelist.append(info)
        archive.NameToInfo[name] = info
        archive._didModify = True


# -- XML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("doctype", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_entity_declarations_in_a_docx_are_refused(doctype: str, tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "lol.docx", "")
    document = with_doctype(doctype, word_part("document", "<w:body>" + word_body("&lol4;&x;") + "</w:body>"))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    with pytest.raises(UnreadableDocument, match=r"lol\.docx.*(DTD|entit)") as raised:
        read_file(path)
    assert "root:" not in str(raised.value)


@pytest.mark.parametrize("part", ["content.xml", "styles.xml", "meta.xml"])
def test_entity_declarations_in_any_odt_part_are_refused(part: str, tmp_path: Path) -> None:
    path = raw_odt(tmp_path / "lol.odt", "<text:p>Text.</text:p>")
    parts = {info.filename: zipfile.ZipFile(path).read(info) for info in zipfile.ZipFile(path).infolist()}
    root = "document-meta" if part == "meta.xml" else "document-styles"
    parts[part] = with_doctype(LAUGHS, odf_part(root, "")).replace("w:document", "office:" + root).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    with pytest.raises(UnreadableDocument, match=r"lol\.odt"):
        read_file(path)


def test_broken_xml_is_a_damaged_document(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "trasig.docx", "<w:p><w:r><w:t>oavslutad")
    with pytest.raises(UnreadableDocument, match=r"trasig\.docx.*broken XML.*document\.xml"):
        read_file(path)


# -- archives ----------------------------------------------------------------------------


def test_an_archive_with_too_many_entries_is_refused_before_inflating(tmp_path: Path) -> None:
    media = {f"word/media/{n}.xml": "" for n in range(6000)}
    path = raw_docx(tmp_path / "många.docx", word_body("Text."), media)
    with pytest.raises(UnreadableDocument, match=r"många\.docx.*6,00\d archive entries"):
        read_file(path)


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_truncated_file_is_refused_naming_it(fmt: str, tmp_path: Path) -> None:
    writer = {"docx": write_docx, "odt": write_odt}[fmt]
    whole = writer(SAMPLE.read_text(encoding="utf-8"), tmp_path / f"a.{fmt}")
    data = whole.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 30):
        path = tmp_path / f"kapad.{fmt}"
        path.write_bytes(data[:cut])
        with pytest.raises(RadsdokError, match=rf"kapad\.{fmt}"):
            read_file(path)


def test_a_part_encrypted_inside_the_zip_is_an_encrypted_document(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "låst.docx", word_body("Hemligt."))
    data = bytearray(path.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_at] |= 1  # "encrypted" in the general purpose flags
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    with pytest.raises(EncryptedDocument, match=r"låst\.docx.*encrypted"):
        read_file(path)


def test_an_odt_saved_with_a_password_is_an_encrypted_document(tmp_path: Path) -> None:
    manifest = odf_part(
        "manifest",
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry>',
    ).replace("office:manifest", "manifest:manifest")
    path = raw_odt(tmp_path / "låst.odt", "<text:p>x</text:p>", parts={"META-INF/manifest.xml": manifest})
    with pytest.raises(EncryptedDocument, match=r"låst\.odt.*password"):
        read_file(path)


def test_a_docx_holding_an_odt_is_a_format_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "fel.docx"
    path.write_bytes(write_odt("Motion.", tmp_path / "x.odt").read_bytes())
    with pytest.raises(FormatMismatch, match=r"fel\.docx.*OpenDocument.*\.odt"):
        read_file(path)


def test_an_odt_with_a_huge_space_count_stays_small(tmp_path: Path) -> None:
    path = raw_odt(tmp_path / "s.odt", '<text:p>a<text:s text:c="2000000000"/>b</text:p>')
    assert read_file(path).text == "a b"


def test_a_password_protected_word_file_fails_in_the_cli_with_one_line(tmp_path: Path) -> None:
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "lösen.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + names + b"\x00" * 500)
    result = cli(str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"radsdok: {path}") and "password" in result.stderr


def test_a_batch_goes_past_a_hostile_office_file(tmp_path: Path) -> None:
    write_docx(SAMPLE.read_text(encoding="utf-8"), tmp_path / "bra.docx")
    raw_docx(tmp_path / "ond.docx", "")
    with zipfile.ZipFile(tmp_path / "ond.docx", "w") as archive:
        archive.writestr("word/document.xml", with_doctype(LAUGHS, word_part("document", "<w:body/>")))
    result = cli("--format", "jsonl", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 2
    assert [Path(r["source"]).name for r in records] == ["bra.docx", "ond.docx"]
    assert records[1]["error"] == "unreadable-document"
