"""Build radsdok's shipped gazetteers from ../shared/data (CC0) and the hand-kept lists here.

Run from the repository root: python scripts/build_data.py [SHARED_DATA_DIR]
The outputs are committed under src/radsdok/data/ so the package needs no network or
shared folder at run time.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "radsdok" / "data"


def _personal_names(shared: Path) -> set[str]:
    """'first last' for every known first name and surname, folded: what a person is called."""
    names = shared / "gazetteers/names"

    def column(path: Path) -> set[str]:
        with path.open(encoding="utf-8") as fh:
            return {row["name"].strip().casefold() for row in csv.DictReader(fh, delimiter="\t")}

    first = column(names / "first_names_female.tsv") | column(names / "first_names_male.tsv")
    last = column(names / "last_names.tsv")
    return {f"{f} {s}" for f in first for s in last}


def build_parties(shared: Path) -> dict[str, object]:
    national = json.loads((ROOT / "scripts" / "national_parties.json").read_text(encoding="utf-8"))
    national.pop("_comment", None)
    national_names = {n.casefold() for p in national.values() for n in p["names"]}
    local: set[str] = set()
    with (shared / "gazetteers/parties/parties.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            local.add(row["beteckning"].strip())
    for entry in json.loads((shared / "gazetteers/parties/parti_index.json").read_text("utf-8")):
        local.add(entry["beteckning"].strip())
    for kommun in json.loads(
        (shared / "gazetteers/parties/val2018/partideltagande_kommun.json").read_text("utf-8")
    ):
        for party in kommun["partier"]:
            local.add(party["beteckning"].strip())
    # Keep names that read as party names in running text; all-caps registrations are
    # normalised to title case only where they are single words. A list registered under a
    # person's name (a known first name and a known surname) is left out: as a party it would
    # turn that person's name, wherever it stands, into a party.
    personal = _personal_names(shared)
    cleaned = sorted(
        {
            n
            for n in local
            if n and n.casefold() not in national_names and len(n) > 3 and n.casefold() not in personal
        },
        key=str.casefold,
    )
    return {
        "source": "national: scripts/national_parties.json; local: Valmyndigheten's register "
        "via shared/data/gazetteers/parties (CC0 1.0)",
        "national": national,
        "local": cleaned,
    }


def build_municipalities(shared: Path) -> dict[str, object]:
    rows = []
    with (shared / "gazetteers/municipalities/municipality_county.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows.append(
                {
                    "code": row["municipality_code"],
                    "name": row["municipality_name_short"],
                    "county": row["county_name_short"],
                }
            )
    counties = sorted({r["county"] for r in rows})
    return {
        "source": "SCB codes via shared/data/gazetteers/municipalities (CC0 1.0)",
        "municipalities": rows,
        "regions": counties,
    }


def build_first_names(shared: Path) -> dict[str, object]:
    names: set[str] = set()
    for fname in ("first_names_female.tsv", "first_names_male.tsv"):
        with (shared / "gazetteers/names" / fname).open(encoding="utf-8") as fh:
            names.update(row["name"].strip() for row in csv.DictReader(fh, delimiter="\t"))
    return {
        "source": "top-500 Swedish first names (Isof 2023) via the faker project (MIT)",
        "first_names": sorted(n for n in names if n),
    }


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("parties.json", build_parties(shared)),
        ("municipalities.json", build_municipalities(shared)),
        ("first_names.json", build_first_names(shared)),
    ):
        (OUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
