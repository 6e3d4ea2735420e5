"""Throughput and peak memory of `radsdok dataset` with 1 and 2 workers, beside a bare read loop.

Usage: python benchmarks/dataset_speed.py [FOLDER] [--files 400] [--repeats 2] [--format parquet]
(default FOLDER: ../shared/corpus/riksdagen)

All figures come from one run, on the same files (the first --files supported files, sorted):

- read loop: this process reads every file's bytes (and, second line, radsdok's reader decodes
  and cleans them) and nothing else: the floor any run pays.
- dataset, N workers: `write_dataset(files, out, workers=N, model="blank")`, each run in a fresh
  Python process (so no run inherits another's warm caches), timed from the call to its return:
  worker start-up, parsing, writing and (Parquet) consolidation included; interpreter start-up
  and imports not. Runs alternate 1, 2, 1, 2, ... and the best of --repeats is shown, so a
  drifting load from other processes hits both alike.
- memory: `resource.getrusage` in that fresh process: RUSAGE_SELF's ru_maxrss is the peak RSS of
  the main process; RUSAGE_CHILDREN's ru_maxrss (read after the worker pool has been shut down
  and its processes joined) is the peak RSS of the largest worker. "total <=" adds main + N x
  largest worker: an upper bound, since forked workers share pages with the main process.
- cpu: user+sys seconds of the main process and of all workers together, which shows the cost
  of parallelism apart from the machine's load (another process may hold a core).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from radsdok.reading import SUPPORTED_SUFFIXES, read_file


def child(workers: int, list_file: str, out_dir: str, fmt: str) -> None:
    """One measured run, in this (fresh) process; prints its figures as JSON."""
    from radsdok.dataset import write_dataset

    paths = Path(list_file).read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    # Rules-only mode: what scales with workers is radsdok's own work, not the model's.
    summary = write_dataset(paths, Path(out_dir) / f"q{workers}.{fmt}", workers=workers, model="blank")
    seconds = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "documents": summary.documents,
                "failures": summary.failures,
                "rows": summary.rows,
                "main_rss_mb": me.ru_maxrss / 1024,
                "worker_rss_mb": kids.ru_maxrss / 1024,
                "main_cpu": me.ru_utime + me.ru_stime,
                "workers_cpu": kids.ru_utime + kids.ru_stime,
            }
        )
    )


def measure(workers: int, list_file: Path, out_dir: Path, fmt: str) -> dict:
    command = [sys.executable, __file__, "--child", str(workers), str(list_file), str(out_dir), fmt]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "riksdagen"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=default)
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--format", default="parquet", choices=["parquet", "jsonl", "csv"])
    args = ap.parse_args()
    fmt = args.format
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            fmt = "jsonl"
            print("pyarrow is not installed: measuring JSONL output instead")

    paths = sorted(
        p for p in args.folder.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
    )[: args.files]
    if not paths:
        sys.exit(f"no supported files in {args.folder}")

    start = time.perf_counter()
    size = sum(len(p.read_bytes()) for p in paths)
    read_bytes = time.perf_counter() - start
    start = time.perf_counter()
    for p in paths:
        read_file(p)
    read_text = time.perf_counter() - start

    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        list_file = Path(tmp) / "files.txt"
        list_file.write_text("\n".join(map(str, paths)), encoding="utf-8")
        for _ in range(args.repeats):
            for workers in (1, 2):
                runs[workers].append(measure(workers, list_file, Path(tmp), fmt))
    best = {w: min(r, key=lambda x: x["seconds"]) for w, r in runs.items()}

    n = len(paths)
    print(
        f"{n} files, {size / 1e6:.1f} MB, from {args.folder}; output {fmt}; {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.2f}; best of {args.repeats}"
    )
    print(
        f"{'':34}{'seconds':>9}{'docs/s':>9}{'main MB':>9}{'worker MB':>10}{'total <= MB':>12}"
        f"{'cpu main':>9}{'cpu wrk':>9}"
    )
    print(f"  {'read loop (bytes only)':32}{read_bytes:9.3f}{n / read_bytes:9.0f}")
    print(f"  {'read loop (radsdok reader)':32}{read_text:9.3f}{n / read_text:9.0f}")
    for workers, r in best.items():
        total = r["main_rss_mb"] + workers * r["worker_rss_mb"] if workers > 1 else r["main_rss_mb"]
        worker_mb = f"{r['worker_rss_mb']:10.0f}" if workers > 1 else f"{'-':>10}"
        print(
            f"  {f'dataset, {workers} worker(s)':32}{r['seconds']:9.3f}{n / r['seconds']:9.1f}"
            f"{r['main_rss_mb']:9.0f}{worker_mb}{total:12.0f}{r['main_cpu']:9.2f}{r['workers_cpu']:9.2f}"
        )
        if r["documents"] + r["failures"] != n:
            print(f"    !! {r['documents']} documents + {r['failures']} failures != {n} files")
    speedup = best[1]["seconds"] / best[2]["seconds"]
    print(
        f"  2 workers / 1 worker: {speedup:.2f}x (goal >= 1.7x); all runs (s): "
        + ", ".join(f"{w}w " + "/".join(f"{r['seconds']:.2f}" for r in rs) for w, rs in runs.items())
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        main()
