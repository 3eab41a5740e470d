#!/usr/bin/env python3
"""`hardenbot fix --verify` on 20 services of a generated monorepo, with a real Docker engine.

    python3 gen_monorepo.py --services 300 --seed 7 --out /tmp/mono300
    python3 bench/verify.py /tmp/mono300 [--services 20] [--jobs 2]

Takes the first N services (in path order) whose Dockerfile starts `FROM python:3.11-slim`,
the generator's most common base, unchanged. Docker Hub is out of reach here, so the base is
made locally and tagged `python:3.11-slim` in the engine: a minimal Debian bookworm
(mmdebstrap) with python3, pip, gcc, libpq-dev and curl, whose pip installs from a wheelhouse
inside the image (the services' requirements, downloaded once from PyPI on this machine) and
whose apt already holds its package lists, so that the services' own `pip install` and
`apt-get install` steps run under `--network none` as they would online. The base tarball is
kept in ~/.cache/hardenbot-bench/.

Uses the engine at DOCKER_HOST when one answers (with HARDENBOT_DOCKER naming a client that
can make BuildKit builds); otherwise starts a private one (root, Debian's docker.io). The
builder cache is emptied first, so every original build is cold, as on a fresh runner.

Prints, per service: the verdict, seconds of the original and the hardened build, the steps
the hardened build took from the cache next to the steps that come before its first edit
(the target: all of them), and the builds made; then the totals and the wall time.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Config  # noqa: E402
from bot.dockerfile.model import Dockerfile  # noqa: E402
from bot.model.verify_settings import VerifySettings  # noqa: E402
from bot.run import process  # noqa: E402
from bot.verify.docker import DockerEngine, EngineUnavailable  # noqa: E402
from bot.verify.verifier import Verifier  # noqa: E402

BASE = "python:3.11-slim"
CACHE = Path.home() / ".cache" / "hardenbot-bench"
PACKAGES = "python3,python3-pip,gcc,libc6-dev,libpq-dev,curl,ca-certificates"
STEP_KEYWORDS = ("RUN", "COPY", "ADD", "WORKDIR")  # the instructions BuildKit shows as steps


def chosen_services(tree: Path, count: int) -> list[Path]:
    folders = []
    for dockerfile in sorted(tree.glob("services/*/Dockerfile")):
        first = next((line for line in dockerfile.read_text().splitlines() if line.startswith("FROM")), "")
        if first.strip() == f"FROM {BASE}":
            folders.append(dockerfile.parent)
    return folders[:count]


def base_tarball(requirements: set[str]) -> Path:
    """Debian bookworm with what the services' RUN steps use, offline."""
    key = re.sub(r"[^a-z0-9]+", "-", "-".join(sorted(requirements)).lower())[:80]
    tarball = CACHE / f"python311-bookworm-{key}.tar"
    if tarball.is_file():
        return tarball
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        wheels = Path(scratch) / "wheels"
        print(f"downloading wheels for {', '.join(sorted(requirements))} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                        "--python-version", "3.11", "--platform", "manylinux2014_x86_64", "--dest", str(wheels),
                        "pip", "setuptools", "wheel", *sorted(requirements)], check=True)
        hook = (f'cp -r {wheels} "$1/wheels" && rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED '
                '&& ln -sf python3 "$1/usr/bin/python" '
                '&& printf "[global]\\nno-index = true\\nfind-links = /wheels\\n" > "$1/etc/pip.conf" '
                '&& rm -f "$1"/etc/apt/sources.list.d/* && : > "$1/etc/apt/sources.list"')
        print("making the base image with mmdebstrap …", file=sys.stderr)
        partial = tarball.with_name(tarball.stem + ".partial.tar")  # mmdebstrap picks the format by suffix
        subprocess.run(["mmdebstrap", "--quiet", "--variant=minbase", f"--include={PACKAGES}",
                        "--skip=cleanup/apt/lists", f"--customize-hook={hook}", "bookworm", str(partial)],
                       check=True)
        partial.rename(tarball)
    return tarball


def steps_before_first_edit(original: str, hardened: str) -> int:
    """Build steps of the original that come before the first line the hardening changed."""
    old, new = original.splitlines(), hardened.splitlines()
    first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))) + 1
    doc = Dockerfile.parse(original)
    return sum(1 for stage in doc.stages for inst in stage.instructions
               if inst.keyword in STEP_KEYWORDS and inst.line < first)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def find_engine() -> tuple[DockerEngine, object | None]:
    try:
        return DockerEngine.find(os.environ), None
    except EngineUnavailable as error:
        print(f"no engine at DOCKER_HOST ({error}); starting a private one", file=sys.stderr)
    from tests.servers import DockerDaemon

    daemon = DockerDaemon().__enter__()
    environ = {**os.environ, "DOCKER_HOST": daemon.host, "HARDENBOT_DOCKER": daemon.client}
    return DockerEngine.find(environ), daemon


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path, help="a tree made by gen_monorepo.py")
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--ignore", default="", metavar="CODE,...",
                        help="rules left out (HB002 puts its ENV right after FROM, before every step)")
    args = parser.parse_args()
    services = chosen_services(args.tree, args.services)
    if not services:
        print(f"no service FROM {BASE} under {args.tree}/services", file=sys.stderr)
        return 2
    requirements = {line.strip() for folder in services if (folder / "requirements.txt").is_file()
                    for line in (folder / "requirements.txt").read_text().splitlines() if line.strip()}
    tarball = base_tarball(requirements)
    engine, daemon = find_engine()
    try:
        ignore = {code.strip().upper() for code in args.ignore.split(",") if code.strip()}
        return run(engine, services, tarball, args.jobs, ignore)
    finally:
        if daemon is not None:
            daemon.__exit__(None, None, None)


def run(engine: DockerEngine, services: list[Path], tarball: Path, jobs: int, ignore: set[str]) -> int:
    docker = [engine.client]
    subprocess.run([*docker, "import", str(tarball), BASE], env=engine.env, check=True, capture_output=True)
    subprocess.run([*docker, "builder", "prune", "--all", "--force"], env=engine.env, check=True,
                   capture_output=True)
    with tempfile.TemporaryDirectory(prefix="hardenbot-bench-verify-") as scratch:
        tree = Path(scratch)
        for folder in services:
            shutil.copytree(folder, tree / "services" / folder.name)
        config = Config()
        started = time.perf_counter()
        report = process(tree, config, config.active_rules(ignore=ignore), fix=True, write=False,
                         verifier=Verifier(engine, VerifySettings(jobs=jobs, max_images=len(services))))
        wall = time.perf_counter() - started
    results = {r.path: r for r in report.results}
    print(f"{'service':30} {'verdict':13} {'before s':>8} {'after s':>7} {'cached':>6} {'target':>6} {'builds':>6}  why")
    met = measured = builds = 0
    before_seconds, after_seconds = [], []
    for item in report.verification:
        result = results[item.path]
        target = steps_before_first_edit(result.original, result.hardened.text)
        after = item.failed or item.after
        cached = after.cached if after is not None else 0
        builds += item.builds
        if item.before is not None and item.before.built:
            before_seconds.append(item.before.seconds)
        if after is not None and after.built or item.failed is not None:
            after_seconds.append(after.seconds)
            measured += 1
            met += cached >= target
        why = item.reason or (", ".join(item.dropped) + " dropped" if item.dropped else "")
        print(f"{item.path.split('/')[1][:30]:30} {item.verdict.value:13} "
              f"{item.before.seconds if item.before else 0:8.1f} {after.seconds if after else 0:7.1f} "
              f"{cached:6d} {target:6d} {item.builds:6d}  {why[:70]}")
    counts: dict[str, int] = {}
    for item in report.verification:
        counts[item.verdict.value] = counts.get(item.verdict.value, 0) + 1
    print()
    print(f"services: {len(services)}; verdicts: {', '.join(f'{n} {v}' for v, n in sorted(counts.items()))}")
    print(f"builds made: {builds}; jobs at once: {jobs}; rules left out: {', '.join(sorted(ignore)) or 'none'}")
    print(f"seconds per image: original {mean(before_seconds):.1f}, hardened {mean(after_seconds):.1f} "
          "(the builder cache starts empty and is shared by the services, as in one CI job)")
    print(f"hardened builds reusing every step before their first edit: {met} of {measured}")
    print(f"wall time: {wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
