#!/usr/bin/env python3
"""Time hardenbot's start-up as a user meets it: whole processes, from start to exit.

    python3 bench/startup.py [--runs 21] [--baseline DIR]

Prints the median, min and max wall seconds of `hardenbot --version` and of `hardenbot check
--offline` on one small Dockerfile (a fresh interpreter each run, `python -m bot` from this
checkout), beside a bare `python -c pass` for the interpreter's own share, then the modules
that `check` loaded and the milliseconds `import bot.cli` takes in-process. Bytecode is cached
first (one warm-up run with writing allowed), as an installed package has it: a run with
PYTHONDONTWRITEBYTECODE set compiles every module again and measures the compiler instead.
Runs alternate between the commands so that a machine that slows down slows all of them.
`--baseline DIR` times another checkout (say `git archive main | tar -x -C DIR`) the same
way, its runs alternating with this one's, for a before → after that one machine's mood does
not skew.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n"
# `main` itself, not the program: `python -m bot` ends without the interpreter's teardown
# (bot.cli.run_and_exit), before anything after it could count the modules.
COUNT_MODULES = "import sys\nfrom bot.cli import main\n" \
                "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n" \
                "print(len(sys.modules), file=sys.stderr)"


def wall_seconds(argv: list[str], checkout: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=checkout, env=environment(checkout), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def environment(checkout: Path) -> dict[str, str]:
    """This environment, importing `bot` from `checkout` and writing bytecode."""
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environ["PYTHONPATH"] = str(checkout)
    return environ


def modules_and_import_ms(checkout: Path, dockerfile: Path) -> str:
    environ = environment(checkout)
    modules = subprocess.run([sys.executable, "-c", COUNT_MODULES, "check", "--offline", str(dockerfile)],
                             cwd=checkout, env=environ, capture_output=True, text=True, check=False).stderr.split()[-1]
    imported = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import bot.cli; "
                               "print(f'{1000 * (time.perf_counter() - t):.1f}')"],
                              cwd=checkout, env=environ, capture_output=True, text=True, check=True).stdout.strip()
    return f"modules loaded by check: {modules}; import bot.cli: {imported} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (default 21)")
    parser.add_argument("--baseline", type=Path, metavar="DIR", help="another checkout to time alongside this one")
    args = parser.parse_args()
    checkouts = {"": ROOT} if args.baseline is None else {"baseline ": args.baseline.resolve(), "this ": ROOT}
    with tempfile.TemporaryDirectory() as folder:
        dockerfile = Path(folder) / "Dockerfile"
        dockerfile.write_text(DOCKERFILE, encoding="utf-8")
        commands = {("python -c pass", ROOT): [sys.executable, "-c", "pass"]}
        for label, checkout in checkouts.items():
            commands[(f"{label}hardenbot --version", checkout)] = [sys.executable, "-m", "bot", "--version"]
            commands[(f"{label}hardenbot check --offline (1 file)", checkout)] = [
                sys.executable, "-m", "bot", "check", "--offline", str(dockerfile)]
        for (_, checkout), argv in commands.items():
            wall_seconds(argv, checkout)  # the warm-up: bytecode written, files in the page cache
        runs: dict[str, list[float]] = {name: [] for name, _ in commands}
        for _ in range(args.runs):
            for (name, checkout), argv in commands.items():
                runs[name].append(wall_seconds(argv, checkout))
        loaded = {label: modules_and_import_ms(checkout, dockerfile) for label, checkout in checkouts.items()}
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each (wall seconds)")
    print(f"{'command':46} {'median':>8} {'min':>8} {'max':>8}")
    for name, seconds in runs.items():
        print(f"{name:46} {statistics.median(seconds):8.3f} {min(seconds):8.3f} {max(seconds):8.3f}")
    for label, line in loaded.items():
        print(f"{label}{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
