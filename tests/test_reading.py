from __future__ import annotations

from pathlib import Path

import pytest

import radsdok
from radsdok import DecodingFailed, EmptyDocument, FileUnreadable, UnreadableDocument
from radsdok.reading import read_file
from radsdok.reading.text import strip_markup

SWEDISH = "Interpellation till kommunstyrelsens ordförande om äldreomsorgen i Växjö.\n"


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SWEDISH.encode())
    assert read_file(path).text == SWEDISH.strip()


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SWEDISH.encode("utf-16"))
    assert read_file(path).text == SWEDISH.strip()


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("”Citat” – " + SWEDISH).encode("cp1252"))
    source = read_file(path)
    assert source.text == ("”Citat” – " + SWEDISH).strip()
    assert [w.code for w in source.warnings] == ["encoding-fallback"]


def test_mac_roman_is_recognised_by_its_swedish_letters(tmp_path: Path) -> None:
    text = "Årsredovisning för Älvsbyn – ”Hur går det?” frågar Östen.\n" + SWEDISH
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("mac_roman"))
    source = read_file(path)
    assert source.text == text.strip()
    assert [(w.code, w.message) for w in source.warnings] == [
        ("encoding-fallback", "not UTF-8; decoded as Mac Roman")
    ]


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(SWEDISH.encode(encoding))
        assert read_file(path).text == SWEDISH.strip()


def test_nul_bytes_and_control_characters_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SWEDISH.replace("om", "o\x00m").replace("till", "ti\x07ll").encode())
    assert read_file(path).text == SWEDISH.strip()


def test_windows_and_mac_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Rad ett\r\nRad tv\xc3\xa5\rRad tre")
    assert read_file(path).text == "Rad ett\nRad två\nRad tre"


def test_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(EmptyDocument, match=r"tom\.txt"):
        read_file(path)


def test_binary_garbage_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "skrap.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DecodingFailed, match=r"skrap\.txt"):
        read_file(path)


def test_a_docx_that_is_no_zip_archive_is_refused_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnreadableDocument, match=r"a\.docx.*damaged"):
        read_file(path)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable, match=r"finns-inte\.txt"):
        read_file(tmp_path / "finns-inte.txt")


def test_markdown_headings_and_emphasis_are_stripped() -> None:
    assert strip_markup("## Rubrik\n\nDet *viktiga* och **starka**.") == "Rubrik\n\nDet viktiga och starka."


def test_markdown_bullets_survive_stripping() -> None:
    assert strip_markup("* Hur går det?\n* Vad kostar det?") == "* Hur går det?\n* Vad kostar det?"


def test_emphasised_quote_loses_only_the_stars() -> None:
    assert strip_markup("att: *” Citat här.”* Samt") == "att: ” Citat här.” Samt"


def test_errors_survive_pickling_across_processes() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(FileUnreadable("a.txt", "cannot be read")))
    assert isinstance(error, FileUnreadable)
    assert (error.source, error.message) == ("a.txt", "cannot be read")


def test_word_symbol_font_bullets_in_a_text_file_read_as_bullets(tmp_path: Path) -> None:
    # a Word list saved through a text extractor keeps its Symbol-font bullet (U+F0B7, U+F0A7)
    path = tmp_path / "motion.txt"
    path.write_text(
        "Motion om läxhjälp\n\nVi föreslår därför kommunfullmäktige\n\n"
        "\uf0b7 att biblioteket erbjuder läxhjälp,\n\uf0a7 att läxhjälpen utvärderas.\n\nEva Ek (L)\n",
        encoding="utf-8",
    )
    text = read_file(path).text
    assert "\uf0b7" not in text and "\uf0a7" not in text
    assert "• att biblioteket erbjuder läxhjälp,\n• att läxhjälpen utvärderas." in text
    doc = radsdok.parse(path)
    assert [p.text for p in doc.proposals] == [
        "att biblioteket erbjuder läxhjälp",
        "att läxhjälpen utvärderas.",
    ]
