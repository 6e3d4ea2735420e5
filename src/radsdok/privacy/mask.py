"""A Document with its personal data replaced by stable pseudonyms of the same length.

Every replacement has exactly the length of what it replaces, so every offset in the Document
(evidence, page starts) stays valid and `text[start:end]` is still each value, masked. Office
holders stay named: authors with a party (or of any kind but a medborgarförslag), addressees,
protocol members and case officers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from ..models import Document, Warning
from .detect import CATEGORIES, Found, find_all, names_marked_private, normalise_name
from .pseudonyms import fit, pseudonym, resolve_key

PERSONAL = "personal"
# Strings that are not free text: never masked.
_SKIP_KEYS = frozenset(
    {"source", "format", "kind", "date", "code", "mentions", "evidence", "party_evidence"}
    | {"case_numbers", "case_number"}  # a diarienummer is never personal data
)
# The fields of an evidence-carrying object that hold text found at that evidence.
_EVIDENCED = ("text", "name", "title", "heading", "decision")
# Document-level fields whose evidence is in Document.evidence.
_TOP_EVIDENCED = ("title", "municipality", "body")
_NOUNS = {
    "name": ("name", "names"),
    "personnummer": ("personnummer", "personnummer"),
    "phone": ("phone number", "phone numbers"),
    "email": ("e-mail address", "e-mail addresses"),
    "address": ("street address", "street addresses"),
}


@dataclass(frozen=True)
class Masking:
    """What to mask and the key of the pseudonyms (picklable: it travels to worker processes)."""

    categories: frozenset[str] = frozenset(CATEGORIES)
    key: bytes = field(default_factory=resolve_key, repr=False)


def masking(what: str | Iterable[str] = PERSONAL, key: str | bytes | None = None) -> Masking:
    """A Masking from "personal" (every category) or category names, and a key (None: the
    environment's $RADSDOK_MASK_KEY, else the public default)."""
    if isinstance(what, str):
        what = [w.strip() for w in what.split(",") if w.strip()]
    categories: set[str] = set()
    for item in what:
        if item == PERSONAL:
            categories.update(CATEGORIES)
        elif item in CATEGORIES:
            categories.add(item)
        else:
            known = ", ".join((PERSONAL, *CATEGORIES))
            raise ValueError(f"cannot mask {item!r}: choose from {known}")
    if not categories:
        raise ValueError("nothing to mask: name 'personal' or categories")
    return Masking(frozenset(categories), resolve_key(key))


def mask(
    document: Document, what: str | Iterable[str] | Masking = PERSONAL, *, key: str | bytes | None = None
) -> Document:
    """A copy of `document` with personal data replaced by pseudonyms of the same length.

    `what`: "personal" (personnummer, phone numbers, e-mail and street addresses, names of
    private persons), category names ("phone,email"), or a Masking. A `masked` warning says how
    many distinct values of each category were replaced (never the values)."""
    settings = what if isinstance(what, Masking) else masking(what, key)
    return _Masker(document, settings).run()


class _Masker:
    def __init__(self, document: Document, settings: Masking) -> None:
        self.document = document
        self.settings = settings
        self.replaced: dict[str, str] = {}  # original span -> its pseudonym
        self.values: set[tuple[str, str]] = set()  # (category, normalised value) masked
        self.names = self._private_names() if "name" in settings.categories else []

    def run(self) -> Document:
        doc = self.document
        original = doc.text
        masked = self._mask_text(original) if original is not None else None
        data = doc.model_dump()
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "text":
                out[key] = masked
            elif key in _TOP_EVIDENCED and isinstance(value, str) and key in doc.evidence:
                ev = doc.evidence[key]
                out[key] = self._at_evidence(value, ev.start, ev.end, original, masked)
            else:
                out[key] = self._walk(value, key, original, masked)
        if self.values:
            out["warnings"] = [*out["warnings"], self._warning().model_dump()]
        return Document.model_validate(out)

    # -------------------------------------------------------------- who is private

    def _private_names(self) -> list[str]:
        doc = self.document
        office = {normalise_name(p.name) for p in (*doc.addressees, *doc.members) if p.name}
        if doc.case_officer:
            office.add(normalise_name(doc.case_officer))
        names: list[str] = []
        for author in doc.authors:
            if not author.name:
                continue
            if doc.kind == "medborgarforslag" and author.party is None:
                names.append(author.name)
            else:
                office.add(normalise_name(author.name))
        for text in self._texts_to_scan():
            names.extend(names_marked_private(text))
        out: dict[str, str] = {}
        for name in names:
            key = normalise_name(name)
            if key not in office:
                out.setdefault(key, " ".join(name.split()))
        return sorted(out.values(), key=len, reverse=True)

    def _texts_to_scan(self) -> list[str]:
        doc = self.document
        if doc.text is not None:
            return [doc.text]
        return [t for t in (doc.title, *(i.title for i in doc.items), *(s.text for s in doc.sections)) if t]

    # -------------------------------------------------------------- text

    def _find(self, text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[Found]:
        found = find_all(text, self.settings.categories, self.names)
        exclude = list(exclude)
        if exclude:
            found = [f for f in found if not any(f.start < e and s < f.end for s, e in exclude)]
        return found

    def _replace(self, text: str, found: list[Found]) -> str:
        parts: list[str] = []
        last = 0
        for span in found:
            original = text[span.start : span.end]
            new = fit(original, pseudonym(span.category, span.value, len(original), self.settings.key))
            self.replaced[original] = new
            self.values.add((span.category, span.value))
            parts += [text[last : span.start], new]
            last = span.end
        parts.append(text[last:])
        return "".join(parts)

    def _mask_text(self, text: str) -> str:
        # A diarienummer is never personal data, whatever it looks like.
        exclude = [(c.evidence.start, c.evidence.end) for c in self.document.case_numbers]
        masked = self._replace(text, self._find(text, exclude))
        assert len(masked) == len(text)
        return masked

    def _mask_string(self, value: str) -> str:
        """A field value that is not a slice of the text: the text's replacements, then the
        detectors on what is left."""
        for original in sorted(self.replaced, key=len, reverse=True):
            if original in value:  # as a whole: "Anna Berg" is not in "Anna Bergström"
                whole = r"(?<![\p{L}\d])" + regex.escape(original) + r"(?![\p{L}\d])"
                value = regex.sub(whole, lambda _, new=self.replaced[original]: new, value)
        return self._replace(value, self._find(value))

    def _at_evidence(self, value: str, start: int, end: int, original: str | None, masked: str | None) -> str:
        """A value found at text[start:end]: the same characters of the masked text."""
        if original is not None and masked is not None:
            where = original[start:end].find(value)
            if where >= 0:
                return masked[start + where : start + where + len(value)]
        return self._mask_string(value)

    def _walk(self, node: Any, key: str, original: str | None, masked: str | None) -> Any:
        if key in _SKIP_KEYS:
            return node
        if isinstance(node, str):
            return self._mask_string(node)
        if isinstance(node, list):
            return [self._walk(item, key, original, masked) for item in node]
        if not isinstance(node, dict):
            return node
        evidence = node.get("evidence")
        out = {}
        for k, v in node.items():
            if evidence and k in _EVIDENCED and isinstance(v, str):
                out[k] = self._at_evidence(v, evidence["start"], evidence["end"], original, masked)
            else:
                out[k] = self._walk(v, k, original, masked)
        return out

    # -------------------------------------------------------------- the warning

    def _warning(self) -> Warning:
        counts = Counter(category for category, _ in self.values)
        parts = []
        for category in CATEGORIES:
            n = counts.get(category, 0)
            if n:
                one, many = _NOUNS[category]
                parts.append(f"{n} {one if n == 1 else many}")
        return Warning(
            code="masked",
            message="personal data replaced by pseudonyms of the same length: " + ", ".join(parts),
        )
