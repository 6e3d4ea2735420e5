#!/usr/bin/env bash
# Ship a trained pipeline as radsdok's base pipeline: copy it into the package, set its
# name, licence and sources in meta.json, add the licence file, and score it.
# Run from the repository root:   bash models/ship.sh models/training/model-best
set -euo pipefail

PY=${PY:-.venv/bin/python}
TRAINED=${1:-models/training/model-best}
OUT=src/radsdok/pipelines/sv_radsdok_core

rm -rf "$OUT"
cp -r "$TRAINED" "$OUT"
# the training run's corpus paths, as the recipe names them
sed -i -E 's#^train = .*#train = "models/corpus/train"#; s#^dev = .*#dev = "models/corpus/dev.spacy"#' "$OUT/config.cfg"
"$PY" - "$OUT" <<'PYEOF'
import json, sys
from pathlib import Path
p = Path(sys.argv[1]) / "meta.json"
meta = json.loads(p.read_text(encoding="utf8"))
meta.update({
    "name": "radsdok_core",
    "version": "0.3.0",
    "description": "Swedish CPU pipeline for radsdok: tok2vec, tagger (SUC), morphologizer (UD), "
                   "ner (PER/ORG/LOC/MISC), parser (UD). radsdok adds the radsdok_person_names "
                   "component after ner and lemmas with radsdok_simplemma_lemmatizer.",
    "author": "radsdok",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "UD Swedish-Talbanken (train split of UD v1, 2015, converted to v2; dev split of UD v2)",
         "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
         "license": "CC BY-SA 4.0",
         "author": "Joakim Nivre, Lilja Øvrelid, Aaron Smith, Dan Zeman et al."},
        {"name": "UD Swedish-PUD (a seeded 80 % of the sentences; the rest held out)",
         "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD",
         "license": "CC BY-SA 4.0",
         "author": "Joakim Nivre, Bernadeta Griciūtė, Victor Norrman"},
        {"name": "Swedish NER corpus (Webbnyheter 2012)",
         "url": "https://github.com/klintan/swedish-ner-corpus",
         "license": "CC BY 4.0",
         "author": "Andreas Klintberg"},
    ],
})
p.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
PYEOF
cp models/LICENSE-MODEL.md "$OUT/LICENSE.md"
du -sh "$OUT"

# scores (Talbanken dev, held-out PUD, Klintan dev with and without radsdok_person_names,
# simplemma lemmas, one-core speed, size)
"$PY" models/evaluate.py "$OUT" --out models/scores.json
