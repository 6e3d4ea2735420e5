"""Score the people registry on the riksdagen corpus (SWERIK person ids in its .gold.json).

    python scripts/evaluate_people.py ../shared/corpus/riksdagen [--documents parsed.jsonl] [--part check]

The corpus is split by a hash of the file name: a quarter is the check part (scored only, never
tuned against), the rest the development part. Each part is resolved on its own, as an unseen
input would be. `--documents` reads Documents parsed before (`radsdok parse --format jsonl DIR`)
instead of parsing the corpus again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from radsdok.across.evaluate import in_check_part, load_gold, score_people, stem_of
from radsdok.across.people import people
from radsdok.models import Document


def documents(folder: Path, cached: Path | None) -> list[Document]:
    if cached is not None:
        with open(cached, encoding="utf-8") as fh:
            return [Document.model_validate_json(line) for line in fh if '"kind"' in line]
    import radsdok

    parser = radsdok.load()
    files = sorted(p for p in folder.glob("*.txt"))
    return [d for d in parser.pipe(files) if isinstance(d, Document)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--documents", type=Path, default=None)
    ap.add_argument("--part", choices=("development", "check", "all", "both"), default="both")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = documents(args.corpus, args.documents)
    parts = ("development", "check") if args.part == "both" else (args.part,)
    results = {}
    for part in parts:
        chosen = [d for d in docs if part == "all" or in_check_part(stem_of(d.source)) == (part == "check")]
        stems = {stem_of(d.source) for d in chosen}
        scores = score_people(people(chosen), load_gold(args.corpus, stems))
        results[part] = scores.to_dict() | {"documents": len(chosen)}
        if not args.json:
            print(f"{part} ({len(chosen)} documents): {scores.format()}")
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
