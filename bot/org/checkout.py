"""The repository a matrix job hardens: a shallow clone of `owner/name` into a scratch
folder, removed afterwards. Nothing is checked out (the flow hardens a worktree of the base
branch's head); the token reaches git through its environment only (`gitops.auth_settings`),
never a URL, a command line or a file."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.gitops import GitError, auth_settings, config_environment


def clone_url(server_url: str, repository: str) -> str:
    return f"{server_url.rstrip('/')}/{repository}.git"


@contextmanager
def scratch_clone(repository: str, token: str, server_url: str = "https://github.com") -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="hardenbot-repository-"))
    url = clone_url(server_url, repository)
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", **config_environment(auth_settings(url, token))}
    try:
        done = subprocess.run(["git", "clone", "--quiet", "--depth=1", "--no-checkout", "--no-tags", url,
                               str(folder / "repository")], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            detail = done.stderr.strip().splitlines()
            raise GitError(f"cannot clone {repository}: {detail[-1] if detail else f'git exit {done.returncode}'}")
        yield folder / "repository"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
