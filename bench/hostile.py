#!/usr/bin/env python3
"""Time `fix` (in memory, offline, every default rule) over Dockerfiles shaped by an attacker.

    python3 bench/hostile.py [--mb 10] [--only SHAPE] [--registry-deadline 5]

Each shape is a Dockerfile built to hit one path that once grew faster than its input
(quadratic or worse, or a crash), at the size hardenbot still reads (1 MiB: larger files are
refused in one line), and once more at --mb megabytes, to time the refusal. Prints the seconds
each takes. A file reported (a syntax error, too many stages) is a fine outcome: the point
is the time.

Then hostile registries on 127.0.0.1 (no real registry needed): 1, 3 and 10 images on a host
that never answers, that drips its headers or its body a byte a second, and 10 silent hosts of
one image each, resolved with a registry deadline of --registry-deadline seconds (the
default deadline is 60 s; a short one keeps the bench short, and the figure to compare with
is the deadline, whatever it is). Prints the wall time and how the images ended.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.run import process_texts  # noqa: E402
from bot.sources.discovery import SourceFile  # noqa: E402
from bot.sources.dockerfile import KIND as DOCKERFILE  # noqa: E402
from bot.sources.files import MAX_BYTES  # noqa: E402
from bot.sources.globs import glob_matches  # noqa: E402
from tests.servers import RawServer, drip_body, drip_headers, silent  # noqa: E402


def _repeat(line: str, size: int, head: str = "", tail: str = "") -> str:
    return head + line * max(1, size // len(line)) + tail


# name → size in bytes → Dockerfile text
SHAPES = {
    "escape directive, then blank lines": lambda n: _repeat("\n", n, "# escape=`\n", "FROM alpine\n"),
    "blank lines": lambda n: _repeat("\n", n, "", "FROM alpine\n"),
    "${a:- nested in FROM": lambda n: "FROM " + "${a:-" * (n // 5) + "alpine" + "}" * (n // 5) + "\n",
    "${a:- nested in ARG": lambda n: "ARG x=" + "${a:-" * (n // 5) + "y" + "}" * (n // 5) + "\nFROM alpine\n",
    "RUN apt-get install lines": lambda n: _repeat("RUN apt-get install curl\n", n, "FROM debian:12\n"),
    "RUN pip install lines": lambda n: _repeat("RUN pip install requests\n", n, "FROM python:3.12\n"),
    "chained stages": lambda n: "FROM alpine AS s0\n" + "".join(
        f"FROM s{i} AS s{i + 1}\n" for i in range(n // 22)),
    "one long continued RUN": lambda n: "FROM debian:12\nRUN true" + " \\\n && true" * (n // 11) + "\n",
    "comments": lambda n: _repeat("# comment\n", n, "FROM alpine\n"),
    "ARG lines": lambda n: "FROM alpine\n" + "".join(f"ARG a{i}=1\n" for i in range(n // 12)),
    "ENV lines": lambda n: "FROM alpine\n" + "".join(f"ENV a{i}=1\n" for i in range(n // 12)),
    "one long line": lambda n: "FROM alpine\nRUN echo " + "a" * n + "\n",
    "heredocs": lambda n: _repeat("RUN <<EOF\necho hi\nEOF\n", n, "# syntax=docker/dockerfile:1\nFROM alpine\n"),
    "USER lines": lambda n: _repeat("USER root\n", n, "FROM alpine\n"),
}


def largest_read(make) -> str:
    """The shape at the largest size hardenbot reads."""
    size = MAX_BYTES
    text = make(size)
    while len(text) > MAX_BYTES:
        size = size * MAX_BYTES // len(text) - 64
        text = make(size)
    return text


def time_shape(text: str) -> float:
    config = load_config(Path("/nonexistent"))
    start = time.perf_counter()
    report = process_texts({SourceFile("Dockerfile", DOCKERFILE): text}, config, config.active_rules(), fix=True)
    del report
    return time.perf_counter() - start


def time_glob(depth: int) -> float:
    start = time.perf_counter()
    glob_matches("**/" * depth + "x", "a/" * depth + "b")
    return time.perf_counter() - start


def time_registries(answer, hosts: int, images: int, deadline: float) -> tuple[float, str]:
    """Seconds to resolve `images` images on each of `hosts` servers that answer with `answer`,
    and how many ended each way."""
    from collections import Counter

    from bot.model.images import parse_reference
    from bot.registry.client import RegistryClient
    from bot.registry.resolver import resolve_all

    servers = [RawServer(answer) for _ in range(hosts)]
    try:
        refs = [parse_reference(f"{server.host}/app{i}:1") for server in servers for i in range(images)]
        start = time.perf_counter()
        results = resolve_all(refs, RegistryClient(deadline=deadline), workers=8)
        seconds = time.perf_counter() - start
    finally:
        for server in servers:
            server.close()
    endings = Counter((r.error or "resolved").split(" while ")[0].split(" earlier")[0].replace(servers[0].host, "X")
                      for r in results.values())
    return seconds, "; ".join(f"{count}× {ending}" for ending, count in endings.items())


REGISTRY_SHAPES = {
    "silent host": (silent, 1), "host dripping headers": (drip_headers, 1), "host dripping a body": (drip_body, 1),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of each Dockerfile (default 10)")
    parser.add_argument("--only", help="run only the shapes whose name contains this")
    parser.add_argument("--registry-deadline", type=float, default=5.0, help="seconds (default 5)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    worst = 0.0
    for name, make in SHAPES.items():
        if args.only and args.only not in name:
            continue
        for text in (largest_read(make), make(size)):
            seconds = time_shape(text)
            worst = max(worst, seconds)
            print(f"{seconds:8.2f} s  {name} ({len(text) / 1e6:.2f} MB)", flush=True)
    if not args.only or "glob" in args.only:
        seconds = time_glob(60)
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  exclude glob with 60 '**/'", flush=True)
    print(f"{worst:8.2f} s  worst")
    deadline = args.registry_deadline
    shapes = [(f"registry: {count} images on a {name}", answer, hosts, count)
              for name, (answer, hosts) in REGISTRY_SHAPES.items() for count in (1, 3, 10)]
    shapes.append(("registry: 10 silent hosts, one image each", silent, 10, 1))
    for name, answer, hosts, count in shapes:
        if args.only and args.only not in name:
            continue
        seconds, endings = time_registries(answer, hosts, count, deadline)
        print(f"{seconds:8.2f} s  {name} (deadline {deadline:g} s): {endings}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
