"""Score radsdok's Swedish pipeline: accuracy on UD Talbanken dev / PUD / Klintan dev, lemmas, speed, size.

Run from the repository root (see models/README.md):

    .venv/bin/python models/evaluate.py src/radsdok/pipelines/sv_radsdok_core --out models/scores.json

Accuracy uses spaCy's own Scorer on raw text (spaCy tokenization aligned to gold, as
`spacy evaluate` does), so figures are comparable with the published sv_core_news_sm ones.
Speed is measured on one CPU core (process pinned to core 0, BLAS/OpenMP threads = 1).
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import simplemma  # noqa: E402
import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import radsdok.components.lemmas  # noqa: E402  (registers the factory)
import radsdok.components.person_names  # noqa: E402,F401  (registers the factory)

KEYS = ["tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f",
        "ents_p", "ents_r", "ents_f", "ents_per_type"]


def spacy_scores(nlp, path: Path) -> dict:
    examples = list(Corpus(str(path), gold_preproc=False)(nlp))
    scores = nlp.evaluate(examples)
    return {k: scores[k] for k in KEYS if scores.get(k) is not None}


def simplemma_on_gold(nlp, path: Path) -> dict:
    """simplemma on the gold tokens vs the gold LEMMA column."""
    n = exact = nocase = 0
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        for tok in doc:
            if not tok.lemma_:
                continue
            pred = simplemma.lemmatize(tok.text, lang="sv")
            n += 1
            exact += pred == tok.lemma_
            nocase += pred.lower() == tok.lemma_.lower()
    return {"tokens": n, "exact": exact / n, "case_insensitive": nocase / n}


def words_per_second(nlp, texts: list[str], repeats: int = 3) -> float:
    n = sum(len(nlp.make_doc(t)) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = min(best, time.perf_counter() - t0)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path("models/corpus"))
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    with contextlib.suppress(AttributeError, OSError):  # pin to one core (Linux)
        os.sched_setaffinity(0, {0})
    spacy.require_cpu()

    nlp = spacy.load(args.model)
    nlp_lem = spacy.load(args.model)
    nlp_lem.add_pipe("radsdok_simplemma_lemmatizer")
    res: dict = {"model": str(args.model), "pipeline": nlp.pipe_names}
    ud_dev = args.corpus / "dev" / "ud.spacy"
    ner_dev = args.corpus / "dev" / "ner.spacy"
    pud = args.corpus / "pud.spacy"
    res["talbanken_dev"] = spacy_scores(nlp_lem, ud_dev)
    res["pud"] = spacy_scores(nlp_lem, pud)
    res["klintan_dev"] = {k: v for k, v in spacy_scores(nlp, ner_dev).items() if k.startswith("ents")}
    # as radsdok.load() runs it: the first-name completer right after ner
    nlp_names = spacy.load(args.model)
    nlp_names.add_pipe("radsdok_person_names", after="ner")
    res["klintan_dev_with_person_names"] = {
        k: v for k, v in spacy_scores(nlp_names, ner_dev).items() if k.startswith("ents")
    }
    res["simplemma_gold_tokens"] = {
        "talbanken_dev": simplemma_on_gold(nlp, ud_dev),
        "pud": simplemma_on_gold(nlp, pud),
    }

    texts = [d.text for d in DocBin().from_disk(ud_dev).get_docs(nlp.vocab)]
    import thinc.api

    res["speed"] = {
        "ops": type(thinc.api.get_current_ops()).__name__,
        "words": sum(len(nlp.make_doc(t)) for t in texts),
        "wps_pipeline": round(words_per_second(nlp, texts)),
        "wps_with_lemmatizer": round(words_per_second(nlp_lem, texts)),
    }
    du = subprocess.run(["du", "-sb", str(args.model)], capture_output=True, text=True).stdout.split()[0]
    res["size_bytes"] = int(du)

    text = json.dumps(res, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
