"""What the default settings cost, measured as whole `radsdok` processes (issue 13).

Usage:
    python benchmarks/fast_by_default.py [--repeats N] [--src DIR ...] [model] [startup] [memory]

- model: `radsdok parse` of a folder (default ../shared/corpus/riksdagen) with the default
  model, with `--analysis full` and with `--model blank`; the speed ratio is
  default speed / blank speed (goal >= 0.5).
- startup: `radsdok --help`, `radsdok schema`, and `radsdok parse` of one short text with the
  default model (goals <= 0.3 s and <= 1.8 s).
- memory: peak resident memory of a default `radsdok parse` of 1,000 documents (the folder's
  texts repeated; goal <= 300 MB).

Every process is run REPEATS times, the variants alternating so that load drifts on a shared
machine hit all alike; the best (and the worst) time is printed. `--src DIR` runs the same
measures with the radsdok found in DIR (e.g. another checkout's `src`) too, side by side in
the same run, so that before/after ratios come from one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "riksdagen"
ONE_TEXT = ROOT / "samples"
DOCUMENTS_FOR_MEMORY = 1000


def command(src: str | None, *args: str) -> tuple[list[str], dict[str, str]]:
    """The radsdok command line, run from `src` (a directory holding the radsdok package) if given."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return [sys.executable, "-m", "radsdok.cli", *args], env


def run(src: str | None, *args: str) -> tuple[float, int]:
    """Wall seconds and peak resident kB of one whole `radsdok` process (output discarded)."""
    argv, env = command(src, *args)
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
        "sys.stderr.write(done.stderr[-2000:])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *argv], env=env, capture_output=True, text=True, check=True
    )
    elapsed, peak, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"radsdok {' '.join(args)} failed with exit code {code}:\n{out.stderr}")
    return float(elapsed), int(peak)


def alternate(
    variants: dict[str, tuple[str | None, list[str]]], repeats: int
) -> dict[str, list[tuple[float, int]]]:
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in variants}
    for _ in range(repeats):
        for name, (src, args) in variants.items():
            results[name].append(run(src, *args))
    return results


def span(values: Sequence[float], unit: str = "s") -> str:
    return f"best {min(values):6.2f} {unit}, worst {max(values):6.2f} {unit}"


def sources(extra: list[str]) -> dict[str, str | None]:
    return {"this": None, **{f"src={path}": path for path in extra}}


def model_cost(folder: Path, srcs: dict[str, str | None], repeats: int) -> None:
    texts = [p for p in folder.iterdir() if p.suffix in {".txt", ".md"}]
    print(f"\n== model cost: radsdok parse --no-text -f jsonl {folder} ({len(texts)} texts) ==")
    base = ["parse", "--no-text", "-f", "jsonl", str(folder)]
    for label, src in srcs.items():
        variants = {"blank": (src, [*base, "--model", "blank"]), "default": (src, base)}
        if src is None:
            variants["full"] = (src, [*base, "--analysis", "full"])
        results = alternate(variants, repeats)
        times = {name: [t for t, _ in runs] for name, runs in results.items()}
        print(f"[{label}]")
        for name, values in times.items():
            print(f"  {name:8} {span(values)}")
        ratios = [b / d for b, d in zip(times["blank"], times["default"], strict=True)]
        print(
            f"  speed ratio default/blank: best-of {min(times['blank']) / min(times['default']):.2f}"
            f" (per round {min(ratios):.2f}-{max(ratios):.2f}; goal >= 0.5)"
        )
        if "full" in times:
            print(f"  speed ratio full/blank:    best-of {min(times['blank']) / min(times['full']):.2f}")


def startup(srcs: dict[str, str | None], repeats: int) -> None:
    sample = sorted(p for p in ONE_TEXT.iterdir() if p.suffix == ".txt")[0]
    print(f"\n== startup (one short text: {sample.name}, {sample.stat().st_size} bytes) ==")
    for label, src in srcs.items():
        variants = {
            "radsdok --help": (src, ["--help"]),
            "radsdok schema": (src, ["schema"]),
            "parse one text (default)": (src, ["parse", "--no-text", str(sample)]),
            "parse one text (blank)": (src, ["parse", "--no-text", "--model", "blank", str(sample)]),
        }
        results = alternate(variants, repeats)
        print(f"[{label}]")
        for name, runs in results.items():
            goal = {"radsdok --help": " (goal <= 0.3 s)", "parse one text (default)": " (goal <= 1.8 s)"}
            print(f"  {name:26} {span([t for t, _ in runs])}{goal.get(name, '')}")


def memory(folder: Path, srcs: dict[str, str | None], repeats: int) -> None:
    texts = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md"})
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(DOCUMENTS_FOR_MEMORY):
            source = texts[i % len(texts)]
            os.symlink(source.resolve(), Path(tmp) / f"{i:04d}-{source.name}")
        print(f"\n== peak memory: radsdok parse --no-text -f jsonl of {DOCUMENTS_FOR_MEMORY} documents ==")
        base = ["parse", "--no-text", "-f", "jsonl", tmp]
        variants: dict[str, tuple[str | None, list[str]]] = {}
        for label, src in srcs.items():
            variants[f"{label} default"] = (src, base)
            variants[f"{label} blank"] = (src, [*base, "--model", "blank"])
        results = alternate(variants, repeats)
        for name, runs in results.items():
            peaks = [peak / 1024 for _, peak in runs]
            goal = " (goal <= 300 MB)" if name.endswith("default") else ""
            print(
                f"  {name:40} peak {min(peaks):5.0f}-{max(peaks):5.0f} MB, {span([t for t, _ in runs])}{goal}"
            )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("measures", nargs="*", default=["model", "startup", "memory"])
    options.add_argument("--repeats", type=int, default=3)
    options.add_argument("--folder", type=Path, default=CORPUS)
    options.add_argument(
        "--src", action="append", default=[], help="also measure the radsdok in this directory"
    )
    args = options.parse_args()
    srcs = sources(args.src)
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; {args.repeats} rounds")
    if "model" in args.measures:
        model_cost(args.folder, srcs, args.repeats)
    if "startup" in args.measures:
        startup(srcs, args.repeats)
    if "memory" in args.measures:
        memory(args.folder, srcs, args.repeats)
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
