#!/usr/bin/env python3
"""The whole pull request flow over a monorepo: a bare git remote, the local registry for
digests, GitHub's API faked at the HTTP layer.

    python3 gen_monorepo.py --services 1000 --out /tmp/mono1k-reg --registry 127.0.0.1:5055
    python3 bench/pr.py /tmp/mono1k-reg

Runs the scheduled flow twice: the first opens the pull request, the second finds nothing new.
Prints, for each, wall time split into the flow's phases (scan, its registry lookups apart as
resolve, git fetch, commit+push and API), the number of API calls and whether it pushed (target
for the second: at most 3 API calls, no push).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import responses  # noqa: E402
from registry import tree_images  # noqa: E402

from bot.flow import Flow, FlowSettings, Log  # noqa: E402
from bot.github.api import GitHubRepo  # noqa: E402
from bot.github.event import Trigger, TriggerKind  # noqa: E402
from bot.gitops import Repository  # noqa: E402
from bot.registry.client import RegistryClient  # noqa: E402
from bot.registry.resolver import resolve_all  # noqa: E402
from tests.fake_github import API, FakeGitHub  # noqa: E402
from tests.servers import RegistryServer  # noqa: E402

GIT_ENV = {"GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com", "GIT_COMMITTER_NAME": "Dev",
           "GIT_COMMITTER_EMAIL": "dev@example.com"}


def git(*args: str, cwd: Path) -> str:
    import os
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    tree = args.path.resolve()
    refs = [r for r in tree_images(tree) if r.tag]
    hosts = {r.registry for r in refs}
    if len(hosts) != 1:
        print("generate the tree with --registry 127.0.0.1:PORT", file=sys.stderr)
        return 2
    port = int(next(iter(hosts)).rsplit(":", 1)[1])
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "registry").mkdir()
        with RegistryServer(scratch / "registry", port=port) as registry:
            for repository, tag in sorted({(r.repository, r.tag) for r in refs}):
                registry.push_image(repository, tag, seed="bench")
            remote, seed, checkout = scratch / "remote.git", scratch / "seed", scratch / "checkout"
            git("init", "--quiet", "--bare", "-b", "main", str(remote), cwd=scratch)
            shutil.copytree(tree, seed)
            git("init", "--quiet", "-b", "main", cwd=seed)
            git("add", "-A", cwd=seed)
            git("commit", "--quiet", "-m", "monorepo", cwd=seed)
            git("push", "--quiet", str(remote), "main", cwd=seed)
            git("clone", "--quiet", "--depth=1", f"file://{remote}", str(checkout), cwd=scratch)
            github = FakeGitHub()
            for label in ("first run (opens the pull request)", "second run (nothing new)"):
                before = git("ls-remote", str(remote), "refs/heads/hardenbot/harden", cwd=scratch)
                github.calls.clear()
                start = time.perf_counter()
                with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
                    github.install(mock)
                    mock.add_passthru(re.compile(r"http://127\.0\.0\.1"))
                    client = RegistryClient()
                    flow = Flow(FlowSettings("acme/shop", checkout),
                                GitHubRepo("acme/shop", "bench-token", base_url=API, seconds_between_writes=None),
                                Repository(checkout), lambda found, c=client: resolve_all(found, c, 8),
                                Log(lambda line: None))
                    result = flow.run(Trigger(TriggerKind.HARDEN_BASE, default_branch="main"))
                wall = time.perf_counter() - start
                after = git("ls-remote", str(remote), "refs/heads/hardenbot/harden", cwd=scratch)
                parts = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(result.timings.items()))
                print(f"{label}: {result.outcome}, {wall:.2f} s wall ({parts}); {len(github.calls)} API calls"
                      f" ({len(github.writes)} writes); pushed: {'yes' if before != after else 'no'};"
                      f" {len(result.changed_files)} files changed; body {len(github.open_pulls()[0]['body'])} chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
