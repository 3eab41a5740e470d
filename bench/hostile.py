#!/usr/bin/env python3
"""Time `fix` (in memory, offline, every default rule) over Dockerfiles shaped by an attacker,
and the inventory readers over images shaped by one.

    python3 bench/hostile.py [--mb 10] [--only SHAPE]

Each shape is a Dockerfile built to hit one path that once grew faster than its input
(quadratic or worse, or a crash), at the size hardenbot still reads (1 MiB: larger files are
refused in one line), and once more at --mb megabytes, to time the refusal. Prints the seconds
each takes. A file reported (a syntax error, too many stages) is a fine outcome: the point
is the time.

Image shapes (`--only image`) are read as layers in memory, with the bounds of
`bot/inventory/limits.py`: each prints its seconds, the peak memory it added, and its line.
"""
from __future__ import annotations

import argparse
import gzip
import io
import resource
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.inventory import inventory_from_files, wanted  # noqa: E402
from bot.inventory.layers import ImageArchiveError, Layer, files_from_layers  # noqa: E402
from bot.run import process_texts  # noqa: E402
from bot.sources.discovery import SourceFile  # noqa: E402
from bot.sources.dockerfile import KIND as DOCKERFILE  # noqa: E402
from bot.sources.files import MAX_BYTES  # noqa: E402
from bot.sources.globs import glob_matches  # noqa: E402


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


MIB = 1024 * 1024
SITE = "usr/local/lib/python3.12/site-packages"


def _header(name: str, size: int, kind: bytes = tarfile.REGTYPE) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.type = size, kind
    return info.tobuf(tarfile.GNU_FORMAT)


def _tar(entries: list[tuple[str, bytes]]) -> bytes:
    return b"".join(_header(name, len(data)) + data + bytes(-len(data) % 512) for name, data in entries) + bytes(1024)


def _zero_files(count: int, size: int) -> bytes:
    zeros = gzip.compress(bytes(size), compresslevel=9)
    return b"".join(gzip.compress(_header(f"{SITE}/p{i}-1.dist-info/METADATA", size)) + zeros for i in range(count))


def _deep(depth: int) -> bytes:
    return _tar([("app/node_modules/deep/package.json",
                  b'{"name": "deep", "version": "1", "x": ' + b"[" * depth + b"]" * depth + b"}")])


# name → the layers of an image (lowest first), each as stored
IMAGE_SHAPES = {
    "image: one member of 4 GiB of zeros, gzip (4 MB)": lambda: [
        gzip.compress(_header("usr/bin/zeros", 4096 * MIB)) + gzip.compress(bytes(16 * MIB), 9) * 256],
    "image: 120 package files of 15 MiB of zeros, gzip": lambda: [_zero_files(120, 15 * MIB)],
    "image: 10 package files of 15 MiB of text": lambda: [_tar([
        (f"{SITE}/p{i}-1.dist-info/METADATA", b"Name: p\nVersion: 1\n" + b"a" * (15 * MIB)) for i in range(10)])],
    "image: 20,000 whiteouts over 20,000 files": lambda: [
        _tar([(f"{SITE}/p{i}-1.dist-info/METADATA", b"Name: p\nVersion: 1\n") for i in range(20_000)]),
        _tar([(f"{SITE}/.wh.p{i}-1.dist-info", b"") for i in range(20_000)])],
    "image: package.json 200,000 deep": lambda: [_deep(200_000)],
    "image: 1,000,000 tiny members": lambda: [_header("usr/share/x", 0) * 1_000_000],
}


def time_image(layers: list[bytes]) -> tuple[float, float, str]:
    """(seconds, MB of peak memory added, the image's line or its package count)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        files = files_from_layers("image", [Layer(str(i), io.BytesIO(layer)) for i, layer in enumerate(layers)],
                                  wanted)
        said = f"{len(inventory_from_files(files, image='image').packages)} packages"
    except ImageArchiveError as error:
        said = str(error)
    seconds = time.perf_counter() - start
    return seconds, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, said


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of each Dockerfile (default 10)")
    parser.add_argument("--only", help="run only the shapes whose name contains this")
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
    for name, make in IMAGE_SHAPES.items():
        if args.only and args.only not in name:
            continue
        seconds, grown, said = time_image(make())
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  {name} (+{grown:.0f} MB peak): {said}", flush=True)
    if not args.only or "glob" in args.only:
        seconds = time_glob(60)
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  exclude glob with 60 '**/'", flush=True)
    print(f"{worst:8.2f} s  worst")
    return 0


if __name__ == "__main__":
    sys.exit(main())
