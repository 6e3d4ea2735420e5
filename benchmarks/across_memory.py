"""Memory of `radsdok export` (and `people`) against the number of documents and their length.

Usage: python benchmarks/across_memory.py [--sizes 200 1000 3000] [--pad 1] [--long 1000:10]
                                          [--command export] [--format oparl]

The documents are synthetic, written by this script into a temporary folder: case threads of
an interpellation, its answer and the protocol § that dealt with it (as samples/threads/), in
twelve municipalities, by politicians drawn from a pool of 30 per municipality (so the people
registry grows more slowly than the documents). Each document is padded with `--pad` filler
paragraphs of about 700 characters (`--long N:PAD` adds a run of N documents with PAD of them,
to show what the text costs). Every figure comes from a fresh Python process running
`write_export(folder, out, parsing=ParsingOptions(model="blank"))` (or `write_people`):

- rss MB: the process's peak RSS (`ru_maxrss`), model and all; "+rss" is that peak less the
  peak after a warm-up export of 3 documents in the same process (the pipeline built, the
  rules' patterns compiled), i.e. what the N documents add.
- traced MB: `tracemalloc`'s peak over the export, counted from after the warm-up (a second
  fresh process, as tracing slows it): every Python allocation the run makes, the parsing of
  the current chunk, the records kept and the writing included.
- kept MB: what `tracemalloc` counts as allocated when the records of every document have
  been collected and writing begins (the registry, threads and objects not yet built): the
  memory that stays for the whole run.
- +people, +threads, +oparl MB (export only): what `tracemalloc` counts in addition once the
  people registry, the case threads and the OParl object indexes (`OParl(...)`) are built.
- text MB: the documents' text, for comparison (what a run keeping Documents would hold at least).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

MUNICIPALITIES = (
    "Lerum",
    "Kungsbacka",
    "Umeå",
    "Borås",
    "Falun",
    "Gävle",
    "Kalmar",
    "Kiruna",
    "Lund",
    "Mölndal",
    "Eksjö",
    "Ludvika",
)
GIVEN = ("Anna", "Karin", "Maj-Inger", "Eva", "Lena", "Sara", "Per", "Lars", "Johan", "Erik", "Nils", "Olof")
FAMILY = ("Holm", "Lindqvist", "Ek", "Berg", "Sundberg", "Nyström", "Åberg", "Lundin", "Forsberg", "Hedlund")
PARTIES = ("S", "M", "V", "C", "L", "KD", "MP", "SD")
TOPICS = (
    ("öppettiderna i simhallen", "simhallen"),
    ("snöröjningen på gång- och cykelvägar", "snöröjningen"),
    ("skolskjutsarna i de norra byarna", "skolskjutsarna"),
    ("belysningen längs Hultsjön", "belysningen"),
    ("väntetiderna i hemtjänsten", "hemtjänsten"),
    ("bibliotekets öppettider", "biblioteket"),
)
FILLER = (
    "Frågan har diskuterats länge i kommunen och flera föreningar har hört av sig under året. "
    "Förvaltningen har tagit fram underlag som visar att kostnaderna har ökat, men också att "
    "behoven ser olika ut i olika delar av kommunen. Många invånare upplever att informationen "
    "om förändringarna har varit bristfällig och att de inte har fått möjlighet att lämna "
    "synpunkter innan besluten fattades. Det finns därför anledning att se över hur kommunen "
    "arbetar med dialog och uppföljning, och hur resurserna fördelas mellan verksamheterna. "
    "Erfarenheter från andra kommuner visar att tidig dialog ger bättre beslut och färre klagomål."
)
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def _pool(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """30 politicians (name, party) per municipality; names may recur across municipalities."""
    return {
        m: [(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", rng.choice(PARTIES)) for _ in range(30)]
        for m in MUNICIPALITIES
    }


def _date(rng: random.Random) -> tuple[str, int, int, int]:
    year, month, day = rng.randint(2019, 2024), rng.randint(1, 11), rng.randint(1, 20)
    return f"{year}-{month:02d}-{day:02d}", year, month, day


def _filler(pad: int) -> str:
    return "\n\n".join(FILLER for _ in range(pad))


def write_documents(folder: Path, n: int, pad: int, seed: int = 7) -> int:
    """Write `n` documents (threads of three) into `folder`; the number of characters written."""
    rng = random.Random(seed)
    pool = _pool(rng)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        thread, part = divmod(i, 3)
        trng = random.Random(seed * 100_003 + thread)
        municipality = trng.choice(MUNICIPALITIES)
        (asker, asker_party), (chair, chair_party) = trng.sample(pool[municipality], 2)
        topic, short = trng.choice(TOPICS)
        date, year, month, day = _date(trng)
        serial = 1 + thread % 9000
        body = municipality + ("s" if not municipality.endswith("s") else "")
        if part == 0:
            text = (
                f"Interpellation till kommunstyrelsens ordförande {chair} ({chair_party})\n\n"
                f"{body} kommun\nKommunfullmäktige\n{date}\nDnr KS {year}/{serial:04d}\n\n"
                f"Interpellation om {topic}\n\n{_filler(pad)}\n\n"
                "Mot bakgrund av detta vill jag fråga kommunstyrelsens ordförande:\n\n"
                f"1. Hur har {short} utvecklats under det senaste året?\n"
                f"2. Är du beredd att se över {short} före nästa budgetår?\n\n"
                f"{municipality} den {day} {MONTHS[month - 1]} {year}\n\n{asker} ({asker_party})\n"
            )
        elif part == 1:
            text = (
                f"Svar på interpellation från {asker} ({asker_party}) om {topic}\n\n"
                f"{body} kommun\nKommunfullmäktige\n{year}-{month + 1:02d}-{day:02d}\n"
                f"Dnr KS {year}-{serial:05d}\n\nTill {asker} ({asker_party})\n\n"
                f"Tack för frågorna om {short}. {_filler(pad)}\n\n"
                f"{chair} ({chair_party})\nKommunstyrelsens ordförande\n"
            )
        else:
            text = (
                f"{municipality.upper()} KOMMUN                     SAMMANTRÄDESPROTOKOLL\n"
                f"Kommunfullmäktige\nDatum\n{year}-{month + 1:02d}-{day + 7:02d}\n\n"
                f"§ {10 + thread % 80}                       Dnr KS {year}–{serial:04d}\n"
                f"Besvarande av interpellation om {topic}\n\nBeslut\n\n"
                "Kommunfullmäktige förklarar interpellationen besvarad.\n\n"
                f"Sammanfattning av ärendet\n{asker} ({asker_party}) har ställt en interpellation "
                f"till kommunstyrelsens ordförande om {short}. Kommunstyrelsens ordförande {chair} "
                f"({chair_party}) har lämnat ett skriftligt svar.\n\n{_filler(pad)}\n"
            )
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def _run(command: str, folder: Path, out: Path, fmt: str) -> Any:
    from radsdok.across.export import write_export
    from radsdok.across.run import ParsingOptions, write_people

    rules_only = ParsingOptions(model="blank")
    if command == "people":
        return write_people(folder, out / "people.jsonl", parsing=rules_only)
    return write_export(folder, out, format=fmt, parsing=rules_only)  # type: ignore[arg-type]


def child(command: str, folder: str, out: str, fmt: str, traced: bool) -> None:
    """One measured run in this fresh process; prints its figures as JSON."""
    work = Path(out)
    warm = work / "warm-in"
    write_documents(warm, 3, 1, seed=1)
    _run(command, warm, work / "warm-out", fmt)  # build the pipeline, compile the rules
    warm_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages: dict[str, int] = {}
    if traced:
        from radsdok.across import export, run

        def watch(module: Any, name: str, before: str | None, after: str | None) -> None:
            inner = getattr(module, name)

            def wrapped(*args: Any, **kwargs: Any) -> Any:
                if before:
                    stages.setdefault(before, tracemalloc.get_traced_memory()[0] - base)
                out = inner(*args, **kwargs)
                if after:
                    stages.setdefault(after, tracemalloc.get_traced_memory()[0] - base)
                return out

            setattr(module, name, wrapped)

        # writing begins: for export `_write` (records collected), for people the registry
        watch(export, "_write", "kept", None)
        watch(run, "people_from_mentions", "kept", None)
        watch(export, "people_from_mentions", None, "people")
        watch(export, "threads", None, "threads")
        watch(export, "OParl", None, "oparl")
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    summary = _run(command, Path(folder), work / "out", fmt)
    seconds = time.perf_counter() - start
    figures: dict[str, Any] = {
        "seconds": seconds,
        "documents": summary.documents,
        "failures": summary.failures,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "warm_rss_mb": warm_rss,
    }
    if traced:
        peak = tracemalloc.get_traced_memory()[1]
        figures["traced_peak_mb"] = (peak - base) / 1e6
        figures["stages_mb"] = {name: value / 1e6 for name, value in stages.items()}
    print(json.dumps(figures))


def measure(command: str, folder: Path, work: Path, fmt: str, traced: bool) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, __file__, "--child", command, str(folder), str(work), fmt, str(int(traced))]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 3000])
    ap.add_argument("--pad", type=int, default=1, help="filler paragraphs per document")
    ap.add_argument("--long", default="1000:10", help="N:PAD, a run with longer documents ('' for none)")
    ap.add_argument("--command", choices=["export", "people"], default="export")
    ap.add_argument("--format", choices=["oparl", "parquet"], default="oparl")
    args = ap.parse_args()
    runs = [(n, args.pad) for n in args.sizes]
    if args.long:
        n, pad = (int(x) for x in args.long.split(":"))
        runs.append((n, pad))
    print(
        f"radsdok {args.command} ({args.format if args.command == 'export' else 'jsonl'}), model blank, "
        f"1 worker; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'documents':>10}{'text MB':>9}{'seconds':>9}{'rss MB':>8}{'+rss MB':>9}{'traced MB':>11}"
        f"{'kept MB':>9}{'kept/doc kB':>13}{'+people':>9}{'+threads':>10}{'+oparl':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n, pad in runs:
            folder = Path(tmp) / f"in-{n}-{pad}"
            chars = write_documents(folder, n, pad)
            plain = measure(args.command, folder, Path(tmp) / f"work-{n}-{pad}-r", args.format, False)
            traced = measure(args.command, folder, Path(tmp) / f"work-{n}-{pad}-t", args.format, True)
            if plain["documents"] != n:
                print(f"    !! {plain['documents']} documents, {plain['failures']} failures of {n} files")
            stages = traced["stages_mb"]
            kept = stages["kept"]
            steps = ""
            if args.command == "export":
                previous = kept
                for name, width in (("people", 9), ("threads", 10), ("oparl", 8)):
                    steps += f"{stages[name] - previous:>{width}.2f}"
                    previous = stages[name]
            print(
                f"{n:>10}{chars / 1e6:>9.2f}{plain['seconds']:>9.1f}{plain['rss_mb']:>8.0f}"
                f"{plain['rss_mb'] - plain['warm_rss_mb']:>9.1f}{traced['traced_peak_mb']:>11.1f}"
                f"{kept:>9.2f}{kept * 1e3 / n:>13.2f}{steps}   ({pad} filler paragraphs a document)"
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6] == "1")
    else:
        main()
