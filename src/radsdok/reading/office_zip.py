"""Open Word and OpenDocument files (ZIP archives of XML parts) without trusting them.

Every part is inflated in small pieces that are counted: a part, or all parts read
together, inflating past `ReadOptions.max_inflated` bytes (a zip bomb) is `FileTooLarge`,
whatever sizes the archive's directory claims. An archive with more entries than a
document has is refused before anything is inflated. XML is parsed with DTDs, entity
declarations and external references forbidden (defusedxml), so an entity-expansion
attack ("billion laughs") or an external entity is `UnreadableDocument`, not a read.
A damaged or truncated archive is `UnreadableDocument` too; a part encrypted inside
the ZIP is `EncryptedDocument`. Every message names the file.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import EncryptedDocument, FileTooLarge, UnreadableDocument

_CHUNK = 64 * 1024


@lru_cache(maxsize=1)
def office_rules() -> dict[str, Any]:
    """The rules of the Word and OpenDocument readers (radsdok/data/office.json)."""
    data: dict[str, Any] = json.loads(
        resources.files("radsdok").joinpath("data/office.json").read_text(encoding="utf-8")
    )
    return data


class SafeArchive:
    """A Word or OpenDocument file opened for reading its parts within limits.

    `what` names the kind of file in messages ("Word document"); `limit` is the number of
    bytes all parts read may inflate to (None: no limit)."""

    def __init__(self, path: Path, what: str, limit: int | None) -> None:
        self.source = str(path)
        self.what = what
        self.limit = limit
        self.inflated = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
            raise self.damaged(f"is not a readable ZIP archive ({exc})") from exc
        entries = self._zip.infolist()
        most = int(office_rules()["max_entries"])
        if len(entries) > most:
            self._zip.close()
            raise UnreadableDocument(
                self.source,
                f"holds {len(entries):,} archive entries, more than the {most:,} a {what} may have; "
                "it is not a document radsdok will read (export it again from the program that made it)",
            )
        self._names = {info.filename for info in entries}

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def has(self, name: str) -> bool:
        return name in self._names

    def damaged(self, why: str) -> UnreadableDocument:
        return UnreadableDocument(
            self.source,
            f"{why}: the {self.what} is damaged or truncated; open and save it again, or export it as PDF",
        )

    def too_large(self, name: str) -> FileTooLarge:
        return FileTooLarge(
            self.source,
            f"has parts that inflate to more than {self.limit or 0:,} bytes (at {name}; a zip bomb?); "
            "raise the limit with --max-inflated only if you trust the file",
        )

    def read(self, name: str) -> bytes:
        """The inflated bytes of part `name`, counted against the limit.

        A part whose size in the archive's directory is past the limit is refused before
        it is inflated; zipfile never inflates an entry past that size (a directory that
        understates it makes a CRC error), and the bytes are counted as well."""
        pieces: list[bytes] = []
        try:
            declared = self._zip.getinfo(name).file_size
            if self.limit is not None and self.inflated + declared > self.limit:
                raise self.too_large(name)
            with self._zip.open(name) as part:
                while True:
                    piece = part.read(_CHUNK)
                    if not piece:
                        break
                    self.inflated += len(piece)
                    if self.limit is not None and self.inflated > self.limit:
                        raise self.too_large(name)
                    pieces.append(piece)
        except KeyError as exc:
            raise self.damaged(f"has no part {name}") from exc
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            raise EncryptedDocument(
                self.source,
                f"has its part {name} encrypted inside the archive; remove the password in the "
                "program that made it and save it again, or export it as PDF",
            ) from exc
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise self.damaged(f"has a part that cannot be inflated ({name}: {exc})") from exc
        return b"".join(pieces)

    def xml(self, name: str) -> Element:
        """Part `name` parsed as XML, refusing DTDs, entities and external references."""
        return parse_xml(self.read(name), self.source, name, self.what)

    def xml_if_present(self, name: str) -> Element | None:
        return self.xml(name) if self.has(name) else None


def parse_xml(data: bytes, source: str, name: str, what: str) -> Element:
    """`data` (part `name` of `source`) parsed safely; UnreadableDocument if it cannot be."""
    try:
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnreadableDocument(
            source,
            f"has XML with a DTD or entity declarations in {name} ({type(exc).__name__}), which a "
            f"{what} does not need and radsdok refuses (an entity-expansion attack?); "
            "export the document again from the program that made it",
        ) from exc
    except (ParseError, ValueError) as exc:
        raise UnreadableDocument(
            source,
            f"has broken XML in {name} ({exc}): the {what} is damaged; open and save it again, "
            "or export it as PDF",
        ) from exc
    return root


# Element access by local name, whatever the namespace (Word's transitional and strict
# namespaces differ; OpenDocument's names are unique without theirs).


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def attr(el: Element | None, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    if el is None:
        return None
    for key, value in el.attrib.items():
        if local(key) == name:
            return value
    return None


def child(el: Element | None, name: str) -> Element | None:
    """The first child element with local name `name`."""
    if el is None:
        return None
    for node in el:
        if local(node.tag) == name:
            return node
    return None
