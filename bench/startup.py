#!/usr/bin/env python3
"""Time hardenbot's start-up as a user meets it: whole processes, from start to exit.

    python3 bench/startup.py [--runs 21]

Prints the median, min and max wall seconds of `hardenbot --version` and of `hardenbot check
--offline` on one small Dockerfile (a fresh interpreter each run, `python -m bot` from this
checkout), beside a bare `python -c pass` for the interpreter's own share, then the modules
that `check` loaded and the milliseconds `import bot.cli` takes in-process. Bytecode is cached
first (one warm-up run with writing allowed), as an installed package has it: a run with
PYTHONDONTWRITEBYTECODE set compiles every module again and measures the compiler instead.
Runs alternate between the commands so that a machine that slows down slows all of them.
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
COUNT_MODULES = "import sys, runpy; sys.argv = ['hardenbot', *sys.argv[1:]]\n" \
                "try:\n    runpy.run_module('bot', run_name='__main__')\nexcept SystemExit:\n    pass\n" \
                "print(len(sys.modules), file=sys.stderr)"


def wall_seconds(argv: list[str], environ: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (default 21)")
    args = parser.parse_args()
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environ["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        dockerfile = Path(folder) / "Dockerfile"
        dockerfile.write_text(DOCKERFILE, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "hardenbot --version": [sys.executable, "-m", "bot", "--version"],
            "hardenbot check --offline (1 file)": [sys.executable, "-m", "bot", "check", "--offline", str(dockerfile)],
        }
        for argv in commands.values():
            wall_seconds(argv, environ)  # the warm-up: bytecode written, files in the page cache
        runs: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                runs[name].append(wall_seconds(argv, environ))
        modules = subprocess.run([sys.executable, "-c", COUNT_MODULES, "check", "--offline", str(dockerfile)],
                                 cwd=ROOT, env=environ, capture_output=True, text=True, check=False).stderr.split()[-1]
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each (wall seconds)")
    print(f"{'command':38} {'median':>8} {'min':>8} {'max':>8}")
    for name, seconds in runs.items():
        print(f"{name:38} {statistics.median(seconds):8.3f} {min(seconds):8.3f} {max(seconds):8.3f}")
    imported = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import bot.cli; "
                               "print(f'{1000 * (time.perf_counter() - t):.1f}')"],
                              cwd=ROOT, env=environ, capture_output=True, text=True, check=True).stdout.strip()
    print(f"modules loaded by check: {modules}; import bot.cli: {imported} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
