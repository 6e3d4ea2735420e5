"""Score parsed documents against hand-made gold files (the format of `corpus/README.md`).

Typical use::

    pairs = collect_pairs([Path("corpus/municipal")])
    report = score((parse(doc), load_gold(gold)) for doc, gold in pairs)
    print(report.format_table())
    print(format_errors(report, limit=10))

Scoring rules
-------------
Per field, true positives, false positives and false negatives are summed over all
documents (micro-average) and turned into precision, recall and F1.

* A field is scored for a document only when the gold file has that key with a
  non-null value (``[]`` is a value: then every prediction is spurious).  Questions
  are also skipped when the gold says ``"questions_scored": false``.  Parliament
  golds have no ``quotes``, ``diarienummer`` or ``proposals`` keys, so those fields
  are not counted for them.
* Normalisation: Unicode NFKC, soft hyphens and zero-width characters dropped,
  quote marks (”“„»«″") -> ``"``, single quotes (’‘‚›‹) -> ``'``, dashes (‐‑‒–—―−)
  -> ``-``, whitespace collapsed, casefolded.  Names and roles also lose
  surrounding punctuation.
* ``authors``: the normalised name must be equal.  An author without a name (a
  party signing) matches a gold author without a name and with the same party.
* ``author_party``: name (as above) AND party must be equal.  Parties are resolved
  with the party lexicon, so ``FP``/``fp`` = ``L``, ``KDS``/``kds`` = ``KD``,
  ``Vänsterpartiet`` = ``V``; ``-`` (or empty) means no party.
* ``addressees``: where the gold item has a name, the predicted name must equal it
  -- or one name must end with the other at a word boundary (a space), so
  ``"Utrikesminister Margot Wallström"`` matches ``"Margot Wallström"`` (and, by the
  same rule, a bare surname ``"Wallström"`` matches too; ``"Erik Bucht"`` does not
  match ``"Sven-Erik Bucht"``).  Where the gold name is null, the predicted item's
  role must equal the gold role.  A gold item with neither name nor role (the text
  names the addressee in a way the annotation did not record) matches any one
  predicted addressee left over after the other items are matched.
* ``questions``, ``quotes``, ``proposals``: matched one-to-one, greedily, best pairs
  first, by ``difflib.SequenceMatcher`` ratio on the normalised texts; a pair counts
  when the ratio is at least 0.9 (questions) or 0.85 (quotes, proposals).
* ``diarienummer`` (from ``Document.case_numbers[].text``): equal after
  normalisation.
* All list fields are multisets: a duplicate counts as a separate item.
* ``kind`` (gold ``doc_type``) and ``date`` are scored as accuracy. The gold vocabulary
  has no ``kallelse``: a kind the gold format cannot hold is scored as ``other``, the gold's
  word for it (the Document keeps the finer kind).

Empty denominators: precision is 1.0 when nothing was predicted, recall is 1.0
when there was nothing to find (so a field with no gold items and no predictions
is perfect, and one with gold items but no predictions has F1 0.0).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TypeVar, get_args

from radsdok.components.lexicon import parties
from radsdok.models import Addressee, Document, DocumentKind, Person
from radsdok.reading import SUPPORTED_SUFFIXES

__all__ = [
    "DOCUMENT_SUFFIXES",
    "FIELDS",
    "THRESHOLDS",
    "Accuracy",
    "DocumentResult",
    "FieldErrors",
    "FieldScore",
    "Report",
    "collect_pairs",
    "format_errors",
    "gold_path_for",
    "load_gold",
    "normalize_name",
    "normalize_party",
    "normalize_text",
    "score",
    "select_part",
    "split_stems",
]

DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(sorted(SUPPORTED_SUFFIXES))
"""File suffixes `collect_pairs` treats as documents."""

FIELDS: tuple[str, ...] = (
    "authors",
    "author_party",
    "addressees",
    "questions",
    "quotes",
    "diarienummer",
    "proposals",
)
"""The list fields scored with precision / recall / F1, in report order."""

THRESHOLDS: dict[str, float] = {"questions": 0.9, "quotes": 0.85, "proposals": 0.85}
"""Minimum similarity for the long-text fields."""

_GOLD_SUFFIX = ".gold.json"
_SOURCE_SUFFIX = ".source.json"

# ---------------------------------------------------------------------------
# Gold files
# ---------------------------------------------------------------------------


def load_gold(path: Path | str) -> dict[str, Any]:
    """Read a `.gold.json` file; raise ValueError unless it holds a JSON object."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a gold file must hold a JSON object")
    return data


def _is_sidecar(path: Path) -> bool:
    name = path.name.casefold()
    return name.endswith(_GOLD_SUFFIX) or name.endswith(_SOURCE_SUFFIX)


def gold_path_for(doc_path: Path | str) -> Path | None:
    """`NAME.gold.json` beside `NAME.txt` / `NAME.md` / `NAME.pdf`, or None if there is none."""
    doc_path = Path(doc_path)
    if _is_sidecar(doc_path) or doc_path.suffix.casefold() not in DOCUMENT_SUFFIXES:
        return None
    gold = doc_path.with_name(doc_path.stem + _GOLD_SUFFIX)
    return gold if gold.is_file() else None


def collect_pairs(paths: Iterable[Path | str]) -> list[tuple[Path, Path]]:
    """(document, gold) pairs for the given files and folders (folders searched recursively).

    Documents are files ending in .txt, .md or .pdf that have a `.gold.json` beside
    them; `.gold.json` and `.source.json` files are skipped.  Where a folder holds both
    `NAME.txt` and `NAME.pdf`, each is a pair of its own (with the same gold).  The
    result is sorted and free of duplicates.
    """
    found: dict[Path, Path] = {}
    for raw in paths:
        path = Path(raw)
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            gold = gold_path_for(candidate)
            if gold is not None:
                found.setdefault(candidate, gold)
    return sorted(found.items())


PARTS: tuple[str, ...] = ("development", "check")
"""The parts of a corpus that a split file divides it into."""


def split_stems(split_file: Path | str) -> frozenset[str]:
    """The document stems of a split file's check set.

    A split file is JSON with a ``"check"`` object mapping each source site to the
    stems (file names without suffix) of its documents; every other document of the
    corpus is in the development part.  Whole sites go to one side, so that the check
    set measures documents from places no rule was written against.
    """
    path = Path(split_file)
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    check = data.get("check") if isinstance(data, dict) else None
    if not isinstance(check, dict) or not all(
        isinstance(stems, list) and all(isinstance(s, str) for s in stems) for stems in check.values()
    ):
        raise ValueError(f"{path}: a split file needs a 'check' object of site -> [document stems]")
    return frozenset(stem for stems in check.values() for stem in stems)


def select_part(
    pairs: Sequence[tuple[Path, Path]], check_stems: frozenset[str], part: str
) -> list[tuple[Path, Path]]:
    """The (document, gold) pairs of one part: ``"check"`` (stems listed in the split
    file) or ``"development"`` (all others)."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: choose one of {', '.join(PARTS)}")
    want_check = part == "check"
    return [(doc, gold) for doc, gold in pairs if (_stem(doc) in check_stems) == want_check]


def _stem(path: Path) -> str:
    return path.name[: -len(path.suffix)] if path.suffix else path.name


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        **{c: '"' for c in '”“„»«″"‟'},
        **{c: "'" for c in "’‘‚›‹′‛"},
        **{c: "-" for c in "‐‑‒–—―−"},
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_WS = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_NO_PARTY = frozenset({"", "-"})


def normalize_text(text: str | None) -> str:
    """Casefolded text with unified quote marks and dashes and collapsed whitespace."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP)
    return _WS.sub(" ", text).strip().casefold()


def normalize_name(text: str | None) -> str:
    """`normalize_text` without surrounding punctuation: ' Anna Ek, ' -> 'anna ek'."""
    return _EDGE_PUNCT.sub("", normalize_text(text))


def normalize_party(text: str | None) -> str | None:
    """The party label to compare: 'fp' -> 'l', 'Vänsterpartiet' -> 'v', '-' -> None."""
    if text is None:
        return None
    norm = normalize_text(text)
    if norm.strip(" ()") in _NO_PARTY:
        return None
    resolved = parties().resolve(text)
    return normalize_text(resolved) if resolved else normalize_name(norm) or None


def _ends_with_at_space(longer: str, shorter: str) -> bool:
    return (
        bool(shorter)
        and len(longer) > len(shorter)
        and longer.endswith(shorter)
        and longer[-len(shorter) - 1] == " "
    )


def _names_match(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or _ends_with_at_space(a, b) or _ends_with_at_space(b, a))


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------

G = TypeVar("G")
P = TypeVar("P")


def _greedy_match(
    gold: Sequence[G], pred: Sequence[P], similarity: Callable[[G, P], float]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one matching, best pairs first; a pair counts when similarity > 0.

    Returns (matched (gold index, pred index) pairs, unmatched gold indices,
    unmatched predicted indices).  Ties are broken by gold, then predicted order.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similarity(g, p)
            if s > 0:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gi, pi))
    missed = [i for i in range(len(gold)) if i not in used_gold]
    spurious = [i for i in range(len(pred)) if i not in used_pred]
    return matched, missed, spurious


def _text_similarity(threshold: float) -> Callable[[str, str], float]:
    def similarity(gold: str, pred: str) -> float:
        if gold == pred:
            return 1.0
        if not gold or not pred:
            return 0.0
        matcher = SequenceMatcher(None, gold, pred, autojunk=False)
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            return 0.0
        ratio = matcher.ratio()
        return ratio if ratio >= threshold else 0.0

    return similarity


def _exact(gold: object, pred: object) -> float:
    return 1.0 if gold == pred else 0.0


# Gold items and predicted items, reduced to what is compared.
_Author = tuple[str, str | None]  # (normalised name, normalised party)
_Addr = tuple[str, str]  # (normalised name, normalised role)


def _author_key(name: str | None, party: str | None) -> _Author:
    return (normalize_name(name), normalize_party(party))


def _author_name_similarity(gold: _Author, pred: _Author) -> float:
    if gold[0]:
        return 1.0 if gold[0] == pred[0] else 0.0
    # A party signing without a name.
    return 1.0 if not pred[0] and gold[1] == pred[1] else 0.0


def _author_party_similarity(gold: _Author, pred: _Author) -> float:
    return 1.0 if gold[0] == pred[0] and gold[1] == pred[1] else 0.0


def _addressee_similarity(gold: _Addr, pred: _Addr) -> float:
    g_name, g_role = gold
    p_name, p_role = pred
    if g_name:
        if g_name == p_name:
            return 1.0
        return 0.9 if _names_match(g_name, p_name) else 0.0
    if g_role:
        return 1.0 if g_role == p_role else 0.0
    return 0.1  # gold records an addressee but neither name nor role: any leftover one


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


@dataclass
class FieldScore:
    """Summed counts for one list field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    docs: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    """Correct / total for a scalar field."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class FieldErrors:
    """One field of one document: counts, the gold items missed and the spurious predictions."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "missed": list(self.missed),
            "spurious": list(self.spurious),
        }


@dataclass
class DocumentResult:
    """What was scored for one document, and what went wrong."""

    source: str
    fields: dict[str, FieldErrors] = field(default_factory=dict)
    kind: tuple[str, str] | None = None
    """(gold, predicted) when kind was scored."""
    date: tuple[str, str | None] | None = None
    """(gold, predicted) when date was scored."""

    @property
    def kind_correct(self) -> bool | None:
        return None if self.kind is None else self.kind[0] == self.kind[1]

    @property
    def date_correct(self) -> bool | None:
        return None if self.date is None else self.date[0] == self.date[1]

    @property
    def error_count(self) -> int:
        n = sum(len(e.missed) + len(e.spurious) for e in self.fields.values())
        return n + (self.kind_correct is False) + (self.date_correct is False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "fields": {name: errs.to_dict() for name, errs in self.fields.items()},
        }
        if self.kind is not None:
            out["kind"] = {"gold": self.kind[0], "predicted": self.kind[1]}
        if self.date is not None:
            out["date"] = {"gold": self.date[0], "predicted": self.date[1]}
        return out


def _new_field_scores() -> dict[str, FieldScore]:
    return {name: FieldScore() for name in FIELDS}


@dataclass
class Report:
    """Scores over a set of documents; build it with `score` or `Report.add`."""

    fields: dict[str, FieldScore] = field(default_factory=_new_field_scores)
    kind: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    documents: list[DocumentResult] = field(default_factory=list)

    def add(self, doc: Document, gold: dict[str, Any]) -> DocumentResult:
        """Score one document against its gold and add the counts to this report."""
        result = _score_document(doc, gold)
        for name, errs in result.fields.items():
            total = self.fields.setdefault(name, FieldScore())
            total.docs += 1
            total.tp += errs.tp
            total.fp += errs.fp
            total.fn += errs.fn
        if result.kind is not None:
            self.kind.total += 1
            self.kind.correct += bool(result.kind_correct)
        if result.date is not None:
            self.date.total += 1
            self.date.correct += bool(result.date_correct)
        self.documents.append(result)
        return result

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-serialisable."""
        return {
            "documents_scored": len(self.documents),
            "fields": {name: s.to_dict() for name, s in self.fields.items()},
            "kind": self.kind.to_dict(),
            "date": self.date.to_dict(),
            "documents": [d.to_dict() for d in self.documents],
        }

    def format_table(self) -> str:
        """A plain-text table: field, docs, P, R, F1; then kind and date accuracy."""
        width = max(len("field"), *(len(n) for n in self.fields))
        lines = [f"{'field':<{width}}  {'docs':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
        for name, s in self.fields.items():
            if s.docs:
                p, r, f = (f"{v:.3f}" for v in (s.precision, s.recall, s.f1))
            else:
                p = r = f = "-"
            lines.append(f"{name:<{width}}  {s.docs:>5}  {p:>5}  {r:>5}  {f:>5}")
        lines.append("")
        for label, acc in (("kind", self.kind), ("date", self.date)):
            value = "-" if acc.value is None else f"{acc.value:.3f}"
            lines.append(f"{label} accuracy: {value} ({acc.correct}/{acc.total})")
        return "\n".join(lines)


def score(pairs: Iterable[tuple[Document, dict[str, Any]]]) -> Report:
    """Score (predicted document, gold dict) pairs; see the module docstring for the rules."""
    report = Report()
    for doc, gold in pairs:
        report.add(doc, gold)
    return report


# ---------------------------------------------------------------------------
# Per-document scoring
# ---------------------------------------------------------------------------


def _show_person(name: str | None, party: str | None) -> str:
    shown = name if name else "<no name>"
    return f"{shown} ({party})" if party else shown


def _show_addressee(name: str | None, role: str | None) -> str:
    if name and role:
        return f"{name} [{role}]"
    if name:
        return name
    return f"[{role}]" if role else "<no name or role>"


def _field_errors(
    gold_keys: Sequence[G],
    pred_keys: Sequence[P],
    similarity: Callable[[G, P], float],
    gold_shown: Sequence[str],
    pred_shown: Sequence[str],
) -> FieldErrors:
    matched, missed, spurious = _greedy_match(gold_keys, pred_keys, similarity)
    return FieldErrors(
        tp=len(matched),
        fp=len(spurious),
        fn=len(missed),
        missed=[gold_shown[i] for i in missed],
        spurious=[pred_shown[i] for i in spurious],
    )


def _gold_list(gold: dict[str, Any], key: str) -> list[Any] | None:
    value = gold.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValueError(f"gold field {key!r} must be a list or null, not {type(value).__name__}")
    return value


def _gold_strings(gold: dict[str, Any], key: str) -> list[str] | None:
    value = _gold_list(gold, key)
    return None if value is None else [str(v) for v in value if v is not None]


def _gold_dicts(gold: dict[str, Any], key: str) -> list[dict[str, Any]] | None:
    value = _gold_list(gold, key)
    return None if value is None else [v for v in value if isinstance(v, dict)]


def _score_authors(result: DocumentResult, gold_authors: list[dict[str, Any]], doc: Document) -> None:
    g_keys = [_author_key(a.get("name"), a.get("party")) for a in gold_authors]
    g_shown = [_show_person(a.get("name"), a.get("party")) for a in gold_authors]
    preds: list[Person] = doc.authors
    p_keys = [_author_key(a.name, a.party) for a in preds]
    p_shown = [_show_person(a.name, a.party) for a in preds]
    result.fields["authors"] = _field_errors(g_keys, p_keys, _author_name_similarity, g_shown, p_shown)
    result.fields["author_party"] = _field_errors(g_keys, p_keys, _author_party_similarity, g_shown, p_shown)


def _score_addressees(result: DocumentResult, gold_addr: list[dict[str, Any]], doc: Document) -> None:
    g_keys = [(normalize_name(a.get("name")), normalize_name(a.get("role"))) for a in gold_addr]
    g_shown = [_show_addressee(a.get("name"), a.get("role")) for a in gold_addr]
    preds: list[Addressee] = doc.addressees
    p_keys = [(normalize_name(a.name), normalize_name(a.role)) for a in preds]
    p_shown = [_show_addressee(a.name, a.role) for a in preds]
    result.fields["addressees"] = _field_errors(g_keys, p_keys, _addressee_similarity, g_shown, p_shown)


def _score_texts(
    result: DocumentResult,
    name: str,
    gold_texts: list[str],
    pred_texts: list[str],
    similarity: Callable[[str, str], float],
) -> None:
    result.fields[name] = _field_errors(
        [normalize_text(t) for t in gold_texts],
        [normalize_text(t) for t in pred_texts],
        similarity,
        gold_texts,
        pred_texts,
    )


def _score_document(doc: Document, gold: dict[str, Any]) -> DocumentResult:
    result = DocumentResult(source=doc.source)

    gold_authors = _gold_dicts(gold, "authors")
    if gold_authors is not None:
        _score_authors(result, gold_authors, doc)

    gold_addr = _gold_dicts(gold, "addressees")
    if gold_addr is not None:
        _score_addressees(result, gold_addr, doc)

    predicted: dict[str, list[str]] = {
        "questions": [q.text for q in doc.questions],
        "quotes": [q.text for q in doc.quotes],
        "diarienummer": [c.text for c in doc.case_numbers],
        "proposals": [p.text for p in doc.proposals],
    }
    for name, pred_texts in predicted.items():
        if name == "questions" and gold.get("questions_scored", True) is False:
            continue
        gold_texts = _gold_strings(gold, name)
        if gold_texts is None:
            continue
        similarity = _text_similarity(THRESHOLDS[name]) if name in THRESHOLDS else _exact
        _score_texts(result, name, gold_texts, pred_texts, similarity)

    if gold.get("doc_type") is not None:
        gold_kind = str(gold["doc_type"])
        # a finer kind than the gold's vocabulary holds is its 'other' (samples written here
        # may use the finer kind, and then it is compared as it is)
        predicted_kind = doc.kind if doc.kind in GOLD_KINDS or doc.kind == gold_kind else "other"
        result.kind = (gold_kind, predicted_kind)
    if gold.get("date") is not None:
        pred_date = doc.date.strip() if doc.date else None
        result.date = (str(gold["date"]).strip(), pred_date)
    return result


GOLD_KINDS = frozenset(get_args(DocumentKind)) - {"kallelse"}
"""The gold format's `doc_type` values (`../shared/corpus/README.md`): radsdok's kinds but the
meeting notice."""


# ---------------------------------------------------------------------------
# Error listing
# ---------------------------------------------------------------------------


def _clip(text: str, width: int = 160) -> str:
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def format_errors(report: Report, limit: int | None = 20) -> str:
    """Per document with errors (most errors first): the missed gold items (`-`) and the
    spurious predictions (`+`) per field, and wrong kind / date.  `limit` caps the number
    of documents listed (None: all)."""
    bad = [d for d in report.documents if d.error_count]
    bad.sort(key=lambda d: -d.error_count)  # stable: input order among equals
    shown = bad if limit is None else bad[: max(limit, 0)]
    lines: list[str] = []
    for doc in shown:
        lines.append(f"{doc.source}  ({doc.error_count} errors)")
        if doc.kind_correct is False and doc.kind is not None:
            lines.append(f"  kind: gold {doc.kind[0]!r}, predicted {doc.kind[1]!r}")
        if doc.date_correct is False and doc.date is not None:
            lines.append(f"  date: gold {doc.date[0]!r}, predicted {doc.date[1]!r}")
        for name, errs in doc.fields.items():
            if not errs.missed and not errs.spurious:
                continue
            lines.append(f"  {name}:")
            lines.extend(f"    - {_clip(item)}" for item in errs.missed)
            lines.extend(f"    + {_clip(item)}" for item in errs.spurious)
    if len(bad) > len(shown):
        lines.append(f"... {len(bad) - len(shown)} more documents with errors")
    if not bad:
        lines.append("no errors")
    return "\n".join(lines)
