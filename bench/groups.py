#!/usr/bin/env python3
"""Grouped pull requests over a generated monorepo: N services, M owning teams in CODEOWNERS,
a bare git remote, the local registry for digests, GitHub's API faked at the HTTP layer.

    python3 -m bench.groups --services 1000 --owners 50 [--compose]

Scheduled runs with `group-by: owner`: the first (opens a pull request per team and the
dashboard issue), an unchanged one, one after one service's tag moved, one after a person
closed a team's pull request (declined: read once, then remembered by the dashboard), and an
unchanged one after that (no read for the declined group). `--compose` gives
every service a compose file too (it builds the service and pins a database image beside it) and
the repository a root compose file naming three services' images, so that compose edits are
grouped as well. Prints for each: the outcome, wall time
and its phases, API calls (writes), git pushes (a pre-receive hook counts them), branches moved,
and the peak memory of the process.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import responses  # noqa: E402

from bot.flow import Flow, FlowSettings, Log  # noqa: E402
from bot.github.api import GitHubRepo  # noqa: E402
from bot.github.event import Trigger, TriggerKind  # noqa: E402
from bot.gitops import Repository  # noqa: E402
from bot.model.groups import GroupBy  # noqa: E402
from bot.registry.client import RegistryClient  # noqa: E402
from bot.registry.resolver import resolve_all  # noqa: E402
from tests.fake_github import API, FakeGitHub  # noqa: E402
from tests.servers import RegistryServer  # noqa: E402

GIT_ENV = {"GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com", "GIT_COMMITTER_NAME": "Dev",
           "GIT_COMMITTER_EMAIL": "dev@example.com"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout.strip()


def heads(remote: Path) -> dict[str, str]:
    out = git("ls-remote", str(remote), "refs/heads/*", cwd=remote)
    return {ref: sha for sha, ref in (line.split("\t") for line in out.splitlines())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--owners", type=int, default=50)
    parser.add_argument("--compose", action="store_true", help="a compose file per service and one at the root")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "registry").mkdir()
        with RegistryServer(scratch / "registry") as registry:
            registry.push_image("bench/python", "3.12-slim", seed="1")
            registry.push_image("bench/moving", "1", seed="1")
            if args.compose:
                registry.push_image("bench/postgres", "16", seed="1")
                for n in range(3):
                    registry.push_image(f"bench/svc-{n:04d}", "1", seed="1")
            remote, seed, checkout = scratch / "remote.git", scratch / "seed", scratch / "checkout"
            git("init", "--quiet", "--bare", "-b", "main", str(remote), cwd=scratch)
            owners = ["/services/ @acme/team-0"]
            for n in range(args.services):
                image = "bench/moving:1" if n == 0 else "bench/python:3.12-slim"
                folder = seed / f"services/svc-{n:04d}"
                folder.mkdir(parents=True)
                (folder / "Dockerfile").write_text(f"FROM {registry.host}/{image}\nCMD [\"python\", \"/app/{n}.py\"]\n")
                if args.compose:
                    (folder / "compose.yaml").write_text(
                        f"services:\n  svc:\n    build: .\n    image: {registry.host}/bench/svc-{n:04d}\n"
                        f"  db:\n    image: {registry.host}/bench/postgres:16\n")
                owners.append(f"/services/svc-{n:04d}/ @acme/team-{n % args.owners}")
            if args.compose:  # three teams' images: the root compose file is grouped by its own path
                (seed / "docker-compose.yml").write_text("services:\n" + "".join(
                    f"  svc-{n}:\n    image: {registry.host}/bench/svc-{n:04d}:1\n" for n in range(3)))
            (seed / ".github").mkdir()
            (seed / ".github/CODEOWNERS").write_text("\n".join(owners) + "\n")
            git("init", "--quiet", "-b", "main", cwd=seed)
            git("add", "-A", cwd=seed)
            git("commit", "--quiet", "-m", "monorepo", cwd=seed)
            git("push", "--quiet", str(remote), "main", cwd=seed)
            git("clone", "--quiet", "--depth=1", f"file://{remote}", str(checkout), cwd=scratch)
            hook, counted = remote / "hooks" / "pre-receive", scratch / "pushes"
            hook.write_text(f"#!/bin/sh\necho push >> {counted}\n")
            hook.chmod(0o755)
            github = FakeGitHub()
            for label in ("first run", "unchanged run", "one tag moved", "one declined", "unchanged, one declined"):
                if label == "one tag moved":
                    registry.push_image("bench/moving", "1", seed="2")
                if label == "one declined":
                    github.close_pull(github.open_pulls()[0]["number"])
                before, pushes = heads(remote), len(counted.read_text().splitlines()) if counted.exists() else 0
                github.calls.clear()
                start = time.perf_counter()
                with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
                    github.install(mock)
                    mock.add_passthru(re.compile(r"http://127\.0\.0\.1"))
                    client = RegistryClient()
                    flow = Flow(FlowSettings("acme/shop", checkout, group_by=GroupBy.OWNER),
                                GitHubRepo("acme/shop", "bench-token", base_url=API, seconds_between_writes=None),
                                Repository(checkout), lambda found, c=client: resolve_all(found, c, 8),
                                Log(lambda line: None))
                    result = flow.run(Trigger(TriggerKind.HARDEN_BASE, default_branch="main"))
                wall = time.perf_counter() - start
                after = heads(remote)
                moved = sum(1 for ref, sha in after.items() if before.get(ref) != sha)
                now = len(counted.read_text().splitlines()) if counted.exists() else 0
                parts = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(result.timings.items()))
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"{label}: {result.message}; {wall:.2f} s wall ({parts}); {len(github.calls)} API calls "
                      f"({len(github.writes)} writes); {now - pushes} pushes moving {moved} branches; "
                      f"{len(github.open_pulls())} open pull requests; peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
