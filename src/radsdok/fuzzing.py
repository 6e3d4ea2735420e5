"""Mutations of files for fuzzing the readers. PDF bytes: truncation, flipped bytes, a
broken cross-reference table, cut streams. Word and OpenDocument archives: truncation,
flipped bytes, and one XML part cut short or with flipped bytes inside an archive that
is otherwise sound (so that the XML parser, not only the ZIP reader, meets it).
Deterministic for a given seed."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path


def mutations(data: bytes, count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """`count` mutated copies of `data`, each with a label saying what was done."""
    rng = random.Random(seed)
    for n in range(count):
        kind = n % 4
        if kind == 0:
            cut = rng.randrange(1, max(2, len(data)))
            yield f"truncated at {cut}", data[:cut]
        elif kind == 1:
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                at = rng.randrange(len(mutated))
                mutated[at] = rng.randrange(256)
            yield "flipped bytes", bytes(mutated)
        elif kind == 2:
            at = data.rfind(b"xref")
            junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
            yield "broken xref", data[:at] + junk + data[at + 4 :] if at >= 0 else data[::-1]
        else:
            start = data.find(b"stream", rng.randrange(max(1, len(data) // 2)))
            end = data.find(b"endstream", start)
            if start < 0 or end < 0:
                yield "no stream to cut", data[: len(data) // 2]
            else:
                cut = rng.randint(start + 6, end)
                yield f"stream cut at {cut}", data[:cut] + data[end:]


def archive_mutations(data: bytes, count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """`count` mutated copies of a ZIP-based document (.docx, .odt), each with a label."""
    rng = random.Random(seed)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml_parts = sorted(name for name in parts if name.endswith(".xml"))
    for n in range(count):
        kind = n % 4
        if kind == 0:
            cut = rng.randrange(1, max(2, len(data)))
            yield f"truncated at {cut}", data[:cut]
        elif kind == 1:
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            yield "flipped bytes", bytes(mutated)
        else:
            name = rng.choice(xml_parts)
            part = bytearray(parts[name])
            if kind == 2:
                cut = rng.randrange(len(part) + 1)
                label, part = f"{name} cut at {cut}", part[:cut]
            else:
                for _ in range(rng.randint(1, 10)):
                    part[rng.randrange(len(part))] = rng.randrange(256)
                label = f"{name} with flipped bytes"
            yield label, _rezip(parts, {name: bytes(part)})


def _rezip(parts: dict[str, bytes], replaced: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, replaced.get(name, content), compression)
    return out.getvalue()


def save_regression(data: bytes, suffix: str, folder: Path, failure: str, found_by: str) -> Path:
    """Keep an input that made radsdok fail: gzipped under a name from its hash (the same
    input is kept once), with what failed recorded in the folder's MANIFEST.json. The
    files there are parsed by tests/test_regressions.py on every run."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(data)
    manifest_path = folder / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    manifest[path.name] = {"failure": failure, "found_by": found_by}
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# Pieces of markup a broken or hostile web page is made of.
_HTML_JUNK = (
    b"<",
    b">",
    b"</",
    b"<div>",
    b"</div>",
    b"<p>",
    b"<table><tr><td>",
    b"</td></tr>",
    b"<li>",
    b"<br>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&nbsp",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<h1>",
    b'<ol start="99999999999">',
    b'<meta charset="x">',
    b'<?xml version="1.0" encoding="utf-16"?>',
    b'<!DOCTYPE html [<!ENTITY a "aaaa">]>',
    b"&a;",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"<article><header><h2><a>",
    b"</a></h2></header>",
)


_CHARSETS = (b"utf-16", b"utf-32", b"x-unknown", b"cp1252", b"iso-2022-jp", b"utf-7", b"base64")


def html_mutations(data: bytes, count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """`count` mutated copies of a web page's bytes, each with a label saying what was done:
    truncated, flipped bytes, markup junk inserted, a run of unclosed tags, a broken
    declaration of its encoding. Deterministic for a given seed."""
    rng = random.Random(seed)
    for n in range(count):
        kind = n % 5
        if kind == 0:
            cut = rng.randrange(1, max(2, len(data)))
            yield f"truncated at {cut}", data[:cut]
        elif kind == 1:
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            yield "flipped bytes", bytes(mutated)
        elif kind == 2:
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 30)):
                at = rng.randrange(len(mutated) + 1)
                mutated[at:at] = rng.choice(_HTML_JUNK)
            yield "markup junk", bytes(mutated)
        elif kind == 3:
            at = rng.randrange(len(data) + 1)
            tag = rng.choice((b"<div>", b"<p>", b"<li>", b"<td>", b"<span>", b"<article>", b"<b>"))
            depth = rng.choice((10, 200, 255, 300, 2000))
            yield f"{depth} unclosed {tag.decode()}", data[:at] + tag * depth + data[at:]
        else:
            label = rng.choice(_CHARSETS)
            declared = data.replace(b'charset="utf-8"', b'charset="' + label + b'"', 1)
            yield f"charset {label.decode()}", declared
