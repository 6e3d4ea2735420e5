#!/usr/bin/env bash
# Rebuild radsdok's Swedish base pipeline (src/radsdok/pipelines/sv_radsdok_core, shipped in the package) from the shared data.
# Run from the repository root:   bash models/train.sh
# Needs: .venv with spacy 3.8 + simplemma; ../shared/data (UD Talbanken, UD PUD, Klintan NER).
# CPU only, one process; about 25 minutes on a 2-core machine.
set -euo pipefail

PY=${PY:-.venv/bin/python}
DATA=${DATA:-../shared/data}
OUT=src/radsdok/pipelines/sv_radsdok_core

# 1. data -> DocBins (UD v1 train converted to v2 labels; Klintan IO -> entities, seeded 10 % dev)
"$PY" models/convert.py --data "$DATA" --out models/corpus

# 2. one joint training run: tagger/morphologizer/parser learn from the UD docs, ner from the
#    Klintan docs, all on one shared tok2vec (missing annotation is skipped, not treated as gold)
"$PY" -m spacy train models/config/sv_radsdok.cfg --output models/training \
    --paths.train models/corpus/train --paths.dev models/corpus/dev.spacy

# 3. ship model-best under its own name, with licence and sources in meta.json
rm -rf "$OUT"
cp -r models/training/model-best "$OUT"
"$PY" - "$OUT" <<'PYEOF'
import json, sys
from pathlib import Path
p = Path(sys.argv[1]) / "meta.json"
meta = json.loads(p.read_text(encoding="utf8"))
meta.update({
    "name": "radsdok_core",
    "version": "0.1.0",
    "description": "Swedish CPU pipeline for radsdok: tok2vec, tagger (SUC), morphologizer (UD), "
                   "parser (UD), ner (PER/ORG/LOC/MISC). Add lemmas with the "
                   "radsdok_simplemma_lemmatizer component.",
    "author": "radsdok",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "UD Swedish-Talbanken (train split of UD v1, 2015; dev split of UD v2)",
         "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
         "license": "CC BY-SA 4.0",
         "author": "Joakim Nivre, Lilja Øvrelid, Aaron Smith, Dan Zeman et al."},
        {"name": "Swedish NER corpus (Webbnyheter 2012)",
         "url": "https://github.com/klintan/swedish-ner-corpus",
         "license": "CC BY 4.0",
         "author": "Andreas Klintberg"},
    ],
})
p.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
PYEOF
cp models/LICENSE-MODEL.md "$OUT/LICENSE.md" 2>/dev/null || true
du -sh "$OUT"

# 4. scores (Talbanken dev, PUD, Klintan dev, simplemma lemmas, one-core speed, size)
"$PY" models/evaluate.py "$OUT" --out models/scores.json
