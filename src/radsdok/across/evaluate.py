"""Score a people registry against gold person ids (SWERIK ids in the riksdagen corpus).

`NAME.gold.json` beside `NAME.txt` gives `authors[i].id` and `addressees[i].id`: the same
person has the same id in every document. Scores:

* B-cubed precision, recall and F over the gold mentions that carry a name: each is placed in
  the record of the predicted mention it aligns to (same document and field, a fitting name),
  or alone when the parser missed it.
* namesakes: the same B-cubed F within each group of gold mentions that share a name but not
  an id (two Gunilla Carlssons), averaged over the groups; beside it the F that joining by
  name alone would give.
* roles: of the gold mentions without a name whose person is named elsewhere in the input,
  the share whose predicted role-only mention was joined to that person's record (the record
  whose named mentions are mostly that id).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .names import compatible, fold, parse_name
from .records import PersonRecord

FIELDS = ("authors", "addressees")


@dataclass
class GoldMention:
    stem: str
    field: str
    index: int
    name: str | None
    id: str


@dataclass
class PeopleScores:
    mentions: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f: float = 0.0
    namesake_groups: int = 0
    namesakes_f: float | None = None
    namesakes_f_by_name: float | None = None
    role_only_eligible: int = 0
    role_only_joined: int = 0
    role_only_wrong: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def role_share(self) -> float | None:
        return self.role_only_joined / self.role_only_eligible if self.role_only_eligible else None

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "notes"}
        out["role_share"] = self.role_share
        return out

    def format(self) -> str:
        def num(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.3f}"

        return (
            f"{self.mentions} named mentions: B-cubed P {self.precision:.3f} R {self.recall:.3f} "
            f"F {self.f:.3f}; namesakes ({self.namesake_groups} names) F {num(self.namesakes_f)} "
            f"(by name alone {num(self.namesakes_f_by_name)}); role-only joined to the right holder "
            f"{self.role_only_joined}/{self.role_only_eligible} ({num(self.role_share)}), "
            f"wrong {self.role_only_wrong}"
        )


def stem_of(source: str) -> str:
    return Path(source).name.split(".")[0]


def in_check_part(stem: str, parts: int = 4) -> bool:
    """The held-out check part: a quarter of the files, by a hash of the name (not by content)."""
    return int(hashlib.sha256(stem.encode()).hexdigest(), 16) % parts == 0


def load_gold(folder: str | Path, stems: Iterable[str] | None = None) -> list[GoldMention]:
    wanted = set(stems) if stems is not None else None
    out: list[GoldMention] = []
    for path in sorted(Path(folder).glob("*.gold.json")):
        stem = path.name[: -len(".gold.json")]
        if wanted is not None and stem not in wanted:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        for field_name in FIELDS:
            for i, person in enumerate(gold.get(field_name) or []):
                if person.get("id"):
                    out.append(GoldMention(stem, field_name, i, person.get("name"), person["id"]))
    return out


def _bcubed(items: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F) of (gold label, predicted label) pairs."""
    if not items:
        return 0.0, 0.0, 0.0
    pair = Counter(items)
    gold = Counter(g for g, _ in items)
    pred = Counter(p for _, p in items)
    precision = sum(pair[(g, p)] / pred[p] for g, p in items) / len(items)
    recall = sum(pair[(g, p)] / gold[g] for g, p in items) / len(items)
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


def _name_key(name: str) -> str:
    form = parse_name(name)
    return form.key if form else fold(name)


def score_people(records: Iterable[PersonRecord], gold: Sequence[GoldMention]) -> PeopleScores:
    """Score `records` (made from the documents of `gold`) as the module docstring says."""
    predicted: dict[tuple[str, str], list[tuple[str | None, str, str]]] = defaultdict(list)
    for record in records:
        for m in record.mentions:
            predicted[(stem_of(m.source), m.field)].append((m.name, record.id, m.joined_by))
    scores = PeopleScores()
    items: list[tuple[str, str]] = []
    named = [g for g in gold if g.name]
    item_of: dict[int, tuple[str, str]] = {}
    for n, g in enumerate(named):
        label = _align(g, predicted.get((g.stem, g.field), [])) or f"missed-{n}"
        item_of[n] = (g.id, label)
        items.append((g.id, label))
    scores.mentions = len(items)
    scores.precision, scores.recall, scores.f = _bcubed(items)
    # namesakes
    by_name: dict[str, list[int]] = defaultdict(list)
    for n, g in enumerate(named):
        by_name[_name_key(g.name or "")].append(n)
    fs, baseline = [], []
    for key, members in sorted(by_name.items()):
        if len({named[n].id for n in members}) > 1:
            fs.append(_bcubed([item_of[n] for n in members])[2])
            baseline.append(_bcubed([(named[n].id, key) for n in members])[2])
    scores.namesake_groups = len(fs)
    if fs:
        scores.namesakes_f = sum(fs) / len(fs)
        scores.namesakes_f_by_name = sum(baseline) / len(baseline)
    # role-only mentions
    majority: dict[str, str] = {}
    per_record: dict[str, Counter] = defaultdict(Counter)
    for gold_id, label in items:
        per_record[label][gold_id] += 1
    for label, counts in per_record.items():
        majority[label] = counts.most_common(1)[0][0]
    named_ids = {g.id for g in named}
    for g in gold:
        if g.name or g.id not in named_ids:
            continue
        scores.role_only_eligible += 1
        here = predicted.get((g.stem, g.field), [])
        joined = [rid for name, rid, how in here if name is None and how == "role"]
        if joined and majority.get(joined[0]) == g.id:
            scores.role_only_joined += 1
        elif joined and joined[0] in majority:
            scores.role_only_wrong += 1
    return scores


def _align(g: GoldMention, candidates: list[tuple[str | None, str, str]]) -> str | None:
    """The record id of the predicted mention that is the gold one (by a fitting name)."""
    gold_form = parse_name(g.name)
    for name, record_id, _ in candidates:
        form = parse_name(name)
        if form is not None and gold_form is not None and (form.key == gold_form.key):
            return record_id
    for name, record_id, _ in candidates:
        form = parse_name(name)
        if form is not None and gold_form is not None and compatible(form, gold_form):
            return record_id
    return None
