#!/usr/bin/env bash
# Rebuild radsdok's Swedish base pipeline (src/radsdok/pipelines/sv_radsdok_core, shipped in the package) from the shared data.
# Run from the repository root:   bash models/train.sh
# Needs: .venv with spacy 3.8 + simplemma; ../shared/data (UD Talbanken, UD PUD, Klintan NER).
# CPU only, one process; about 25 minutes on a 2-core machine (4,000 steps).
set -euo pipefail

PY=${PY:-.venv/bin/python}
DATA=${DATA:-../shared/data}

# 1. data -> DocBins (UD v1 train converted to v2 labels; a seeded 80 % of PUD, four copies, as
#    v2 training data, the rest held out; Klintan IO -> entities, seeded 10 % dev)
"$PY" models/convert.py --data "$DATA" --out models/corpus --pud-train-share 0.8 --pud-train-copies 4

# 2. one joint training run: tagger/morphologizer/parser learn from the UD docs, ner from the
#    Klintan docs, all on one shared tok2vec (missing annotation is skipped, not treated as gold)
"$PY" -m spacy train models/config/sv_radsdok.cfg --output models/training \
    --paths.train models/corpus/train --paths.dev models/corpus/dev.spacy

# 3. ship model-best under its own name, with licence and sources in meta.json, and score it
bash models/ship.sh models/training/model-best
