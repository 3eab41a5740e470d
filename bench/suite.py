#!/usr/bin/env python3
"""Where the test suite's time goes: run pytest (the README's command, or the files and
options given) in this process and print each test file's seconds (setup, call and teardown
of its tests), slowest first, with its test count, then the wall time and the sum.

    python3 bench/suite.py [--top 15] [--json FILE] [PYTEST ARGUMENTS …]

With no pytest arguments it runs the whole suite, as `.ci/run` does. A file's figure holds
the session's fixtures where its first test starts them (the first real-engine file pays for
`dockerd`, the registry and the base images). `--json` writes the figures, so that two runs
(before and after a change) can be compared file by file. The guide's target: minutes, not
tens of minutes.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class FileTimes:
    """A pytest plugin: seconds and tests per test file."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.tests: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        path = report.nodeid.split("::", 1)[0]
        self.seconds[path] += report.duration
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.tests[path] += 1
            self.outcomes[report.outcome] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=15, help="how many files to list (default 15)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args, pytest_args = parser.parse_known_args()
    sys.path.insert(0, str(ROOT))  # the checkout's bot/ and tests/, as `python -m pytest` from its root
    times = FileTimes()
    started = time.monotonic()
    code = pytest.main(["-q", "-p", "no:cacheprovider", *pytest_args], plugins=[times])
    wall = time.monotonic() - started
    print(f"\n{'seconds':>8} {'tests':>6}  file")
    for path, seconds in times.seconds.most_common(args.top):
        print(f"{seconds:8.1f} {times.tests[path]:6d}  {path}")
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(times.outcomes.items()))
    print(f"wall {wall:.0f} s, sum of tests {sum(times.seconds.values()):.0f} s, {outcomes} "
          f"(pytest exit {int(code)})")
    if args.json:
        args.json.write_text(json.dumps({"wall": wall, "seconds": dict(times.seconds), "tests": dict(times.tests)},
                                        indent=1) + "\n")
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
