#!/usr/bin/env python3
"""Time `fix` (in memory, offline, every default rule) over Dockerfiles shaped by an attacker,
and the inventory readers over images shaped by one.

    python3 bench/hostile.py [--mb 10] [--only SHAPE] [--registry-deadline 5]

Each shape is a Dockerfile built to hit one path that once grew faster than its input
(quadratic or worse, or a crash), at the size hardenbot still reads (1 MiB: larger files are
refused in one line), and once more at --mb megabytes, to time the refusal. Prints the seconds
each takes. A file reported (a syntax error, too many stages) is a fine outcome: the point
is the time. Then the shapes that are not Dockerfiles: an exclude glob, the pull request body
listing people's commits of hostile size, sorting a bot branch's long history, and
`hardenbot org report`'s reading and rendering (no GitHub) over 2,000 result files whose
messages escape the widest (every character `@`, at the largest file read) and one of --mb
megabytes (refused), with the dashboard's length beside GitHub's 65,536.

Image shapes (`--only image`) are read as layers in memory, with the bounds of
`bot/inventory/limits.py`: each prints its seconds, the peak memory it added, and its line.
Then hostile registries on 127.0.0.1 (no real registry needed): 1, 3 and 10 images on a host
that never answers, that drips its headers or its body a byte a second, and 10 silent hosts of
one image each, resolved with a registry deadline of --registry-deadline seconds (the
default deadline is 60 s; a short one keeps the bench short, and the figure to compare with
is the deadline, whatever it is). Prints the wall time and how the images ended.
"""
from __future__ import annotations

import argparse
import gzip
import io
import resource
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.branch_commits import sort_branch  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.gitops import BOT, CommitInfo, Identity  # noqa: E402
from bot.inventory import inventory_from_files, wanted  # noqa: E402
from bot.inventory.layers import ImageArchiveError, Layer, files_from_layers  # noqa: E402
from bot.model.commits import CarriedCommit, CarriedCommits  # noqa: E402
from bot.model.results import RunReport  # noqa: E402
from bot.org.dashboard import DashboardInput, render_dashboard  # noqa: E402
from bot.org.results import RESULT_FILE_LIMIT, failed, read_results  # noqa: E402
from bot.report.markdown import LISTED_COMMITS, render_body  # noqa: E402
from bot.run import process_texts  # noqa: E402
from bot.sources.discovery import SourceFile  # noqa: E402
from bot.sources.dockerfile import KIND as DOCKERFILE  # noqa: E402
from bot.sources.files import MAX_BYTES  # noqa: E402
from bot.sources.globs import glob_matches  # noqa: E402
from tests.servers import RawServer, drip_body, drip_headers, silent  # noqa: E402


def _repeat(line: str, size: int, head: str = "", tail: str = "") -> str:
    return head + line * max(1, size // len(line)) + tail


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` bytes (UTF-8: a file's size is counted in bytes)."""
    return unit * max(1, size // len(unit.encode()))


def _padded(make, pad: str):
    """The shape `make` builds around `pad` repeated to the size asked."""
    return lambda n: make(_fill(pad, n))


# Blanks a directive line may be padded with: ASCII, and those only Go's unicode.IsSpace knows.
PADS = {"spaces": " ", "blanks of every kind": " \t\v\f\r\x85\xa0\u1680\u2000\u2028\u3000"}
_AFTER = "FROM alpine\nRUN echo hi\n"

# Parser directives, comments and continuations: name → size in bytes → Dockerfile text.
LINE_SHAPES = {
    **{f"{where} ({pad_name})": _padded(make, pad)
       for pad_name, pad in PADS.items()
       for where, make in {
           "directive padded before the #": lambda pad: pad + "# escape=`\n" + _AFTER,
           "directive padded after the #": lambda pad: "#" + pad + "escape=`\n" + _AFTER,
           "directive padded before =": lambda pad: "# escape" + pad + "=`\n" + _AFTER,
           "directive padded after =": lambda pad: "# escape=" + pad + "`\n" + _AFTER,
           "directive padded after its value": lambda pad: "# escape=`" + pad + "\n" + _AFTER,
           "directive padded inside its value": lambda pad: "# syntax=docker/dockerfile:1" + pad + "x\n" + _AFTER,
           "directive padded inside its value, below #!": lambda pad: "#!/bin/sh\n# syntax=a" + pad + "b\n" + _AFTER,
           "directive padded, without =": lambda pad: "# escape" + pad + "x\n" + _AFTER,
       }.items()},
    "directive of many words": lambda n: "# syntax=" + _fill("a ", n) + "\n" + _AFTER,
    "directive-looking lines": lambda n: "# syntax=a\n" + _fill("# check=skip=all\n", n) + _AFTER,
    "comment lines 100k long": lambda n: "FROM alpine\n" + _fill("# " + "c" * 100_000 + "\n", n),
    "continuation lines alone": lambda n: "FROM alpine\nRUN a \\\n" + _fill("\\\n", n) + "b\n",
    "one line of blanks ending in an escape": lambda n: "FROM alpine\nRUN a" + _fill(" \t", n) + "\\ \t\nb\n",
    "one line of escapes": lambda n: "FROM alpine\nRUN " + _fill("\\", n) + "\n",
    "comment lines inside a continuation": lambda n: "FROM alpine\nRUN a \\\n" + _fill("# c\n", n) + "b\n",
    "blank lines inside a continuation": lambda n: "FROM alpine\nRUN a \\\n" + _fill(" \t\n", n) + "b\n",
    "escapes alternating with blanks": lambda n: "FROM alpine\nRUN a " + _fill("\\ ", n) + "\n",
    "escaped escapes on continued lines": lambda n: "FROM alpine\nRUN a \\\n" + _fill("\\\\ \\\n", n) + "b\n",
    "keyword continued over many lines": lambda n: "FROM alpine\nRU\\\n" + _fill("\\\n", n) + "N b\n",
    "one unknown word as long as the file": lambda n: "FROM alpine\n" + _fill("a", n) + "\n",
    "a heredoc named by a word as long as the file": lambda n: "FROM alpine\nRUN <<" + _fill("E", n) + "\n",
}

# name → size in bytes → Dockerfile text
SHAPES = {
    "escape directive, then blank lines": lambda n: _repeat("\n", n, "# escape=`\n", "FROM alpine\n"),
    "blank lines": lambda n: _repeat("\n", n, "", "FROM alpine\n"),
    "${a:- nested in FROM": lambda n: "FROM " + "${a:-" * (n // 5) + "alpine" + "}" * (n // 5) + "\n",
    "${a:- nested in ARG": lambda n: "ARG x=" + "${a:-" * (n // 5) + "y" + "}" * (n // 5) + "\nFROM alpine\n",
    "RUN apt-get install lines": lambda n: _repeat("RUN apt-get install curl\n", n, "FROM debian:12\n"),
    "RUN pip install lines": lambda n: _repeat("RUN pip install requests\n", n, "FROM python:3.12\n"),
    "RUN apt-get update lines between helper scripts": lambda n: _repeat(
        "RUN apt-get update && apt-get install -y curl\nRUN /opt/setup.sh\n", n, "FROM debian:12\n"),
    "chained stages": lambda n: "FROM alpine AS s0\n" + "".join(
        f"FROM s{i} AS s{i + 1}\n" for i in range(n // 22)),
    "one long continued RUN": lambda n: "FROM debian:12\nRUN true" + " \\\n && true" * (n // 11) + "\n",
    "comments": lambda n: _repeat("# comment\n", n, "FROM alpine\n"),
    "ARG lines": lambda n: "FROM alpine\n" + "".join(f"ARG a{i}=1\n" for i in range(n // 12)),
    "ENV lines": lambda n: "FROM alpine\n" + "".join(f"ENV a{i}=1\n" for i in range(n // 12)),
    "one long line": lambda n: "FROM alpine\nRUN echo " + "a" * n + "\n",
    "heredocs": lambda n: _repeat("RUN <<EOF\necho hi\nEOF\n", n, "# syntax=docker/dockerfile:1\nFROM alpine\n"),
    "USER lines": lambda n: _repeat("USER root\n", n, "FROM alpine\n"),
    **LINE_SHAPES,
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
    while len(text.encode()) > MAX_BYTES:
        size = size * MAX_BYTES // len(text.encode()) - 64
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


def time_carried_body() -> tuple[float, int]:
    """The body listing the most people's commits it lists, each as large as git allows a
    subject, an author and 20,000 file names of 4,000 characters: seconds, and the body's size."""
    paths = ("<!--" + "d" * 4_000 + "/Dockerfile",) * 20_000
    carried = CarriedCommits(tuple(CarriedCommit(f"{i:040x}", "@a" * 500_000, "[a](" * 250_000, paths)
                                   for i in range(LISTED_COMMITS)), 1_000_000)
    start = time.perf_counter()
    body = render_body(RunReport((), (), False, None), [], carried=carried)
    return time.perf_counter() - start, len(body)


def time_branch_sort(count: int) -> float:
    """Sorting a bot branch of `count` commits not on the base (a removed base history of
    `count` commits under the bot's, each with a person's on top): linear in it."""
    dev = Identity("Dev", "dev@example.com")
    removed = [CommitInfo(f"r{i}", (f"r{i - 1}",) if i else (), dev, dev, f"base {i}") for i in range(count)]
    bot = CommitInfo("bot", (removed[-1].sha,), BOT, BOT, "hardenbot: harden 1 file")
    people = [CommitInfo(f"p{i}", (f"p{i - 1}" if i else "bot",), dev, dev, f"mine {i}") for i in range(count)]
    start = time.perf_counter()
    sort_branch((*removed, bot, *people), BOT)
    return time.perf_counter() - start
def time_dashboard(repositories: int, size: int) -> tuple[float, int]:
    """Seconds to read and render `repositories` widest result files and one of `size` bytes,
    and the dashboard's length."""
    with tempfile.TemporaryDirectory() as folder:
        widest = failed("acme/x", "@", "2024-05-01T10:00:00Z").to_json()
        widest = widest.replace('"@"', '"' + "@" * (RESULT_FILE_LIMIT - len(widest) - 16) + '"')  # room for the name
        for i in range(repositories):
            Path(folder, f"acme__r{i:05d}.json").write_text(widest.replace("acme/x", f"acme/r{i:05d}"))
        Path(folder, "acme__huge.json").write_text('{"message": "' + "@" * size + '"}')
        start = time.perf_counter()
        files = read_results(Path(folder))
        body = render_dashboard(DashboardInput(files.results, invalid=files.invalid))
        return time.perf_counter() - start, len(body)
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
    parser.add_argument("--only", help="run only the shapes whose name contains this "
                        "('glob', 'commits', 'dashboard', 'image', 'registry': those)")
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
    if not args.only or "commits" in args.only:
        seconds, body_size = time_carried_body()
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  pull request body listing {LISTED_COMMITS} hostile people's commits "
              f"({body_size} characters)", flush=True)
        seconds = time_branch_sort(100_000)
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  sorting a bot branch of 200,000 commits not on the base", flush=True)
    if not args.only or "dashboard" in args.only:
        seconds, length = time_dashboard(2_000, size)  # 130 MB of result files
        worst = max(worst, seconds)
        print(f"{seconds:8.2f} s  dashboard of 2,000 result files of {RESULT_FILE_LIMIT} '@' and one of "
              f"{size / 1e6:.0f} MB: {length} characters", flush=True)
    print(f"{worst:8.2f} s  worst of the shapes above")
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
