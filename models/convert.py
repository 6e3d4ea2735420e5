"""Convert the training/evaluation data for radsdok's Swedish pipeline to spaCy DocBins.

Run from the repository root (see models/README.md):

    .venv/bin/python models/convert.py --data ../shared/data --out models/corpus

Writes
    corpus/ud-train-v2.conllu   UD Talbanken train, 2015 v1 form converted to (approximately) UD v2
    corpus/train/ud.spacy       UD Talbanken train (tags, POS, morph, deps; no lemmas, no entities)
    corpus/train/ner.spacy      Klintan NER, 90 % (entities only)
    corpus/dev/ud.spacy         UD Talbanken dev (v2), 504 sentences
    corpus/dev/ner.spacy        Klintan NER, the seeded 10 % dev part
    corpus/dev.spacy            dev/ud.spacy + dev/ner.spacy in that order (dev set for `spacy train`)
    corpus/pud.spacy            UD Swedish PUD (v2), the held-out part (all of it unless --pud-train-share)
    corpus/train/pud.spacy      with --pud-train-share F: that seeded share of the PUD sentences, trained on

Annotation a corpus does not have is left *missing* (not "O"/empty-as-gold), so one
config can train tagger/morphologizer/parser on UD and ner on Klintan at the same time:
spaCy skips missing annotation in the losses and in the scorer.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

SENTS_PER_DOC = 10
NER_DEV_FRACTION = 0.10
NER_SEED = 20240531
PUD_SEED = 20261128

# ---------------------------------------------------------------------------
# CoNLL-U reading/writing
# ---------------------------------------------------------------------------


def read_conllu(path: Path) -> list[tuple[list[str], list[dict]]]:
    """Sentences as (comment lines, tokens); multiword ranges and empty nodes dropped."""
    sents, comments, toks = [], [], []
    for line in path.read_text(encoding="utf8").splitlines():
        line = line.rstrip("\r")
        if not line.strip():
            if toks:
                sents.append((comments, toks))
            comments, toks = [], []
            continue
        if line.startswith("#"):
            comments.append(line)
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        feats = {}
        if c[5] not in ("_", ""):
            for f in c[5].split("|"):
                k, v = f.split("=", 1)
                feats[k] = v
        toks.append(
            dict(id=int(c[0]), form=c[1], lemma=c[2], upos=c[3], xpos=c[4], feats=feats,
                 head=int(c[6]), deprel=c[7], misc=c[9])
        )
    if toks:
        sents.append((comments, toks))
    return sents


def feats_str(feats: dict) -> str:
    if not feats:
        return "_"
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower))


def write_conllu(sents, path: Path) -> None:
    with path.open("w", encoding="utf8") as f:
        for comments, toks in sents:
            for c in comments:
                f.write(c + "\n")
            for t in toks:
                f.write("\t".join([
                    str(t["id"]), t["form"], t["lemma"], t["upos"], t["xpos"], feats_str(t["feats"]),
                    str(t["head"]), t["deprel"], "_", t["misc"],
                ]) + "\n")
            f.write("\n")


# ---------------------------------------------------------------------------
# Heuristic detokenisation for corpora without SpaceAfter (v1 train, Klintan)
# ---------------------------------------------------------------------------

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "…"}
NO_SPACE_AFTER = {"(", "[", "{"}


def guess_spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, w in enumerate(words):
        last = i == len(words) - 1
        spaces.append(not (last or w in NO_SPACE_AFTER or words[i + 1] in NO_SPACE_BEFORE))
    return spaces


# ---------------------------------------------------------------------------
# UD v1 (2015) -> UD v2 conversion of the Talbanken training split
# ---------------------------------------------------------------------------

SIMPLE_DEPREL = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "name": "flat:name", "neg": "advmod", "nmod:agent": "obl:agent",
}
PREDICATE_UPOS = {"VERB", "ADJ", "ADV", "AUX"}
NOMINAL_UPOS = {"NOUN", "PRON", "PROPN", "ADJ", "NUM"}
PARTICLE_ADP = {"till", "med", "på", "om", "av", "åt", "efter", "ur", "ifrån", "från", "utan",
                "under", "bakom", "utanför", "vid", "hos"}
NEG = {"inte", "icke", "ej"}

PRONTYPE_DT = {
    **dict.fromkeys(["en", "ett", "den", "det", "de", "dom"], "Art"),
    **dict.fromkeys(["denna", "denne", "detta", "dessa"], "Dem"),
    **dict.fromkeys(["någon", "något", "några", "nån", "nåt", "nåra", "annan", "annat", "andra",
                     "många", "flera", "få", "vissa", "somliga", "sådan", "sådant", "sådana"], "Ind"),
    **dict.fromkeys(["ingen", "inget", "inga", "intet"], "Neg"),
    **dict.fromkeys(["all", "alla", "allt", "varje", "var", "vart", "varenda", "vartenda", "bägge",
                     "båda", "vardera", "varannan", "vartannat", "samtliga"], "Tot"),
}
PRONTYPE_PN = {
    **dict.fromkeys(["jag", "mig", "du", "dig", "han", "honom", "hon", "henne", "den", "det", "vi",
                     "oss", "ni", "er", "eder", "de", "dem", "dom", "sig", "en", "ett"], "Prs"),
    **dict.fromkeys(["detta", "dessa", "denna", "denne", "detsamma", "densamma", "desamma"], "Dem"),
    **dict.fromkeys(["man", "mycket", "någon", "något", "några", "någonting", "nånting", "nån",
                     "nåt", "andra", "annat", "annan", "många", "fler", "flera", "mera", "mer",
                     "få", "vissa", "somliga", "sådant", "sådana", "sånt", "mångt", "lite"], "Ind"),
    **dict.fromkeys(["ingen", "inget", "inga", "ingenting", "intet"], "Neg"),
    **dict.fromkeys(["varandra", "varann"], "Rcp"),
    **dict.fromkeys(["allt", "alla", "båda", "bägge", "allting", "alltihop", "alltsammans",
                     "samtliga", "var", "vart", "vardera", "varannan"], "Tot"),
}


def _children(toks, head_id):
    return [t for t in toks if t["head"] == head_id]


def restructure_mwe(toks: list[dict]) -> None:
    """Re-analyse v1 `mwe` groups the way UD v2 Talbanken does; the rest become `fixed`."""
    by_id = {t["id"]: t for t in toks}
    for h in toks:
        kids = [t for t in toks if t["head"] == h["id"] and t["deprel"] == "mwe"]
        if not kids:
            continue
        group = [h, *kids]
        forms = [t["form"].lower() for t in group]
        c = kids[0]
        # "den här", "det här", "de här", "så här": här/där is an advmod of the first word
        if len(kids) == 1 and forms[1] in ("här", "där"):
            c["deprel"] = "advmod"
            continue
        # "för att", "så att", "även om", "samtidigt som": second word marks the clause itself
        if (len(kids) == 1 and h["deprel"] == "mark" and forms[1] in ("att", "om", "som")
                and forms[0] != "därför"):
            c["head"], c["deprel"] = h["head"], "mark"
            if c["upos"] == "CCONJ":
                c["upos"] = "SCONJ"
            if h["upos"] == "ADV" and forms[0] not in ("så",):
                h["deprel"] = "advmod"
            continue
        # "när det gäller X": gäller is an adverbial clause with X as object
        if forms == ["när", "det", "gäller"] and h["head"] in by_id:
            x = by_id[h["head"]]
            gal, det = kids[1], kids[0]
            gal["head"], gal["deprel"] = x["head"], "advcl"
            x["head"], x["deprel"] = gal["id"], "obj"
            h["head"], h["deprel"], h["upos"] = gal["id"], "mark", "SCONJ"
            det["head"], det["deprel"] = gal["id"], "nsubj"
            continue
        # "ett par": par is a nominal modifier, ett its determiner
        if len(kids) == 1 and forms == ["ett", "par"] and h["deprel"] == "det":
            c["head"], c["deprel"] = h["head"], "nmod"
            h["head"], h["deprel"] = c["id"], "det"
            continue
        # "i dag", "i regel", "till exempel", "bland annat", "för övrigt": P + nominal
        if (len(kids) == 1 and h["upos"] == "ADP" and c["upos"] in NOMINAL_UPOS
                and h["deprel"] in ("advmod", "nmod", "obl", "root", "conj")):
            for t in _children(toks, h["id"]):
                if t is not c:
                    t["head"] = c["id"]
            c["head"], c["deprel"] = h["head"], ("nmod" if h["deprel"] == "nmod" else "obl")
            if h["deprel"] in ("root", "conj"):
                c["deprel"] = h["deprel"]
            h["head"], h["deprel"] = c["id"], "case"
            continue
        # "på grund av X", "i samband med X", "med hänsyn till X": complex prepositions
        if (len(kids) == 2 and h["deprel"] == "case" and h["upos"] == "ADP" and kids[0]["upos"] == "NOUN"
                and kids[1]["upos"] == "ADP" and h["head"] in by_id):
            x = by_id[h["head"]]
            n, p2 = kids
            n["head"], n["deprel"] = x["head"], x["deprel"]
            x["head"], x["deprel"] = n["id"], "nmod"
            h["head"], h["deprel"] = n["id"], "case"
            p2["head"], p2["deprel"] = x["id"], "case"
            continue
        for t in kids:
            t["deprel"] = "fixed"


def convert_v1_sentence(toks: list[dict]) -> None:
    by_id = {t["id"]: t for t in toks}
    # --- a single root per sentence (one v1 sentence has a second, punctuation, root)
    roots = [t for t in toks if t["head"] == 0]
    if len(roots) > 1:
        main = next((t for t in roots if t["upos"] != "PUNCT"), roots[0])
        for t in roots:
            if t is not main:
                t["head"], t["deprel"] = main["id"], ("punct" if t["upos"] == "PUNCT" else "dep")
    # --- UPOS
    for t in toks:
        x0 = t["xpos"].split("|")[0]
        low = t["form"].lower()
        if t["upos"] == "CONJ":
            t["upos"] = "SCONJ" if t["deprel"] == "mark" else "CCONJ"
        if t["upos"] == "VERB" and t["deprel"] in ("aux", "auxpass", "cop"):
            t["upos"] = "AUX"
        if x0 == "HD" or (t["upos"] == "DT" and x0 not in ("PS", "HS")):
            t["upos"] = "DET"
        if x0 in ("PS", "HS"):
            t["upos"] = "PRON"
        if x0 == "AB" and low in NEG:
            t["upos"] = "PART"
        if x0 == "PL":
            t["upos"] = "ADP" if low in PARTICLE_ADP else "ADV"
        if x0 == "HA" and low == "som" and t["deprel"] == "mark":
            t["upos"] = "SCONJ"
        if x0 == "HA" and low in ("när", "då") and t["deprel"] == "advmod":
            h = by_id.get(t["head"])
            if h is not None and h["deprel"] not in ("root",):
                t["upos"], t["deprel"] = "SCONJ", "mark"
    # --- multiword expressions
    restructure_mwe(toks)
    # --- coordination: v1 attaches cc (and the commas between conjuncts) to the first
    # conjunct, v2 to the conjunct that follows them
    for t in toks:
        if t["deprel"] in ("cc", "punct") and t["head"] in by_id and t["head"] < t["id"]:
            later = [k["id"] for k in toks
                     if k["head"] == t["head"] and k["deprel"] == "conj" and k["id"] > t["id"]]
            if later and (t["deprel"] == "cc" or t["form"] in (",", ";", "–", "-", "/")):
                t["head"] = min(later)
    # --- relations
    for t in toks:
        t["deprel"] = SIMPLE_DEPREL.get(t["deprel"], t["deprel"])
        head_upos = by_id[t["head"]]["upos"] if t["head"] in by_id else None
        if t["deprel"] == "nmod" and head_upos in PREDICATE_UPOS:
            t["deprel"] = "obl"
        # v2 keeps `det` for determiners only: quantifying adjectives are amod, nouns nmod
        if t["deprel"] == "det" and t["upos"] == "ADJ":
            t["deprel"] = "amod"
        if t["deprel"] == "det" and t["upos"] == "NOUN":
            t["deprel"] = "nmod"
        # a preposition introducing a clause ("för att", "utan att", "genom att") is a mark
        if t["deprel"] == "case" and t["upos"] == "ADP" and head_upos in ("VERB", "AUX"):
            t["deprel"] = "mark"
    # --- features
    for t in toks:
        f = t["feats"]
        xp = t["xpos"].split("|")
        x0 = xp[0]
        low = t["form"].lower()
        if x0 == "VB" and f.get("VerbForm") == "Fin" and "Mood" not in f:
            f["Mood"] = "Ind"
        if x0 == "PC":
            f.setdefault("Degree", "Pos")
            if f.get("VerbForm") == "Fin":
                f["VerbForm"] = "Part"
        if x0 in ("JJ", "PC"):
            if f.get("Gender") == "Masc":
                f["Gender"] = "Com"
            if "UTR/NEU|SIN|DEF" in t["xpos"]:
                f.pop("Number", None)
            if "PLU|IND/DEF" in t["xpos"]:
                # v2 decides definiteness from context: the noun's own definiteness or a
                # definite determiner/possessive among its dependents
                h = by_id.get(t["head"])
                definite = False
                if h is not None:
                    definite = h["feats"].get("Definite") == "Def" or any(
                        k["deprel"] in ("det", "nmod:poss") and k["feats"].get("Definite") == "Def"
                        for k in _children(toks, h["id"])
                    )
                if definite:
                    f["Definite"] = "Def"
                    f.pop("Number", None)
                else:
                    f["Definite"] = "Ind"
        if x0 == "RO":
            f["NumType"] = "Ord"
        if t["upos"] == "PART" and low in NEG:
            f["Polarity"] = "Neg"
        if x0 == "DT" and low in PRONTYPE_DT:
            f["PronType"] = PRONTYPE_DT[low]
        if x0 == "PN" and low in PRONTYPE_PN:
            f["PronType"] = PRONTYPE_PN[low]
        if x0 == "HP":
            f["PronType"] = "Int,Rel"
        if x0 == "HD":
            f["PronType"] = "Int"
        if x0 == "HS":
            f["PronType"], f["Poss"] = "Int,Rel", "Yes"
        if x0 == "PS":
            f["Poss"] = "Yes"
            f["PronType"] = {"dennes": "Dem", "varandras": "Rcp"}.get(low, "Prs")
        if x0 == "UO":
            f["Foreign"] = "Yes"


def convert_v1(path: Path) -> list:
    sents = []
    for i, (_, toks) in enumerate(read_conllu(path), 1):
        convert_v1_sentence(toks)
        spaces = guess_spaces([t["form"] for t in toks])
        text = ""
        for t, sp in zip(toks, spaces, strict=True):
            text += t["form"] + (" " if sp else "")
            t["misc"] = "_" if sp or t is toks[-1] else "SpaceAfter=No"
        sents.append(([f"# sent_id = sv-ud-v1-train-{i}", f"# text = {text}"], toks))
    return sents


# ---------------------------------------------------------------------------
# DocBin building
# ---------------------------------------------------------------------------


def ud_docs(vocab, sents, lemmas: bool = True):
    """UD sentences -> Docs of SENTS_PER_DOC sentences with tags, POS, morph, deps (and lemmas)."""
    docs = []
    for start in range(0, len(sents), SENTS_PER_DOC):
        words, spaces, tags, pos, morphs, lems, heads, deps, sstarts = ([] for _ in range(9))
        for _, toks in sents[start:start + SENTS_PER_DOC]:
            offset = len(words)
            for j, t in enumerate(toks):
                words.append(t["form"])
                spaces.append("SpaceAfter=No" not in t["misc"])
                tags.append(t["xpos"])
                pos.append(t["upos"])
                morphs.append(feats_str(t["feats"]) if t["feats"] else "")
                lems.append(t["lemma"] if lemmas and t["lemma"] != "_" else "")
                heads.append(offset + t["head"] - 1 if t["head"] > 0 else offset + j)
                deps.append("ROOT" if t["head"] == 0 else t["deprel"])
                sstarts.append(j == 0)
        docs.append(Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
                        lemmas=lems if lemmas else None, heads=heads, deps=deps, sent_starts=sstarts))
    return docs


def read_klintan(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, IO tag). The file mixes tab and space separators; tag 0 = outside."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf8").splitlines():
        line = line.strip("\r\n")
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        parts = line.rsplit(None, 1)
        if len(parts) == 1:  # one stray token without a tag ("bn"): treat as outside
            parts = [parts[0], "0"]
        tok, tag = parts[0].strip(), parts[1]
        cur.append((tok, "O" if tag == "0" else tag))
    if cur:
        sents.append(cur)
    return sents


def ner_doc(vocab, sent: list[tuple[str, str]]) -> Doc:
    """IO tags -> entities: a maximal run of tokens with one label is one entity (BIO, B at run start)."""
    words = [w for w, _ in sent]
    doc = Doc(vocab, words=words, spaces=guess_spaces(words))
    ents, i = [], 0
    while i < len(sent):
        lab = sent[i][1]
        if lab == "O":
            i += 1
            continue
        j = i
        while j < len(sent) and sent[j][1] == lab:
            j += 1
        ents.append(Span(doc, i, j, label=lab))
        i = j
    doc.ents = ents  # every other token becomes "O" (annotated outside), not missing
    return doc


def save(docs, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("models/corpus"))
    ap.add_argument("--pud-train-share", type=float, default=0.0,
                    help="train on this seeded share of the PUD sentences (v2 annotation); the rest stays held out")
    ap.add_argument("--pud-train-copies", type=int, default=1,
                    help="repeat the PUD training sentences this many times (they are the only v2 training data)")
    args = ap.parse_args()
    data, out = args.data, args.out
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("sv").vocab

    # UD Talbanken train: v1 (2015) -> v2-like CoNLL-U -> DocBin (no gold lemmas in v1)
    train = convert_v1(data / "ud-talbanken" / "sv-ud-train-v1-2015.conll")
    write_conllu(train, out / "ud-train-v2.conllu")
    save(ud_docs(vocab, train, lemmas=False), out / "train" / "ud.spacy")
    # UD Talbanken dev and PUD (already v2)
    tb_dev = read_conllu(data / "ud-talbanken" / "sv_talbanken-ud-dev.conllu")
    save(ud_docs(vocab, tb_dev), out / "dev" / "ud.spacy")
    pud = read_conllu(data / "ud-pud" / "sv_pud-ud-test.conllu")
    pud_idx = list(range(len(pud)))
    random.Random(PUD_SEED).shuffle(pud_idx)
    pud_train_idx = set(pud_idx[:round(len(pud) * args.pud_train_share)])
    pud_train = [s for i, s in enumerate(pud) if i in pud_train_idx]
    save(ud_docs(vocab, [s for i, s in enumerate(pud) if i not in pud_train_idx]), out / "pud.spacy")
    if pud_train:
        save(ud_docs(vocab, pud_train * args.pud_train_copies), out / "train" / "pud.spacy")

    # Klintan NER: seeded 90/10 split by sentence
    sents = read_klintan(data / "ner-klintan" / "train_corpus.txt")
    idx = list(range(len(sents)))
    random.Random(NER_SEED).shuffle(idx)
    n_dev = round(len(sents) * NER_DEV_FRACTION)
    dev_idx = set(idx[:n_dev])
    ner_train = [ner_doc(vocab, s) for i, s in enumerate(sents) if i not in dev_idx]
    ner_dev = [ner_doc(vocab, s) for i, s in enumerate(sents) if i in dev_idx]
    save(ner_train, out / "train" / "ner.spacy")
    save(ner_dev, out / "dev" / "ner.spacy")
    # the dev set used during training, in ONE file with the UD docs first: spaCy 3.8's
    # Scorer.score_deps keeps the token indices of docs without dependency annotation in a
    # set that is not reset per doc, so a Klintan doc read before the UD docs would hide
    # the first tokens of every later UD doc from the UAS/LAS computation
    ud_dev = list(DocBin().from_disk(out / "dev" / "ud.spacy").get_docs(vocab))
    save(ud_dev + ner_dev, out / "dev.spacy")
    for name, docs in (("train", ner_train), ("dev", ner_dev)):
        c = Counter(e.label_ for d in docs for e in d.ents)
        print(f"  ner {name} entities: {dict(sorted(c.items()))}")


if __name__ == "__main__":
    main()
