"""Git, through GitPython: fetch, a clean scratch worktree, commit as the bot, push with a lease.

Work happens in a temporary `git worktree` checked out at the commit to harden, so the
user's own checkout (and its uncommitted changes) is never touched, and the tree hardened is
exactly the commit's. Pushes use `--force-with-lease` on the commit the branch was fetched
at: a branch someone else moved meanwhile is refused, never overwritten. Git never prompts.
"""
from __future__ import annotations

import base64
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import git

from bot.errors import HardenbotError


class GitError(HardenbotError):
    pass


@dataclass(frozen=True)
class Identity:
    name: str
    email: str


BOT = Identity("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


def config_environment(settings: list[tuple[str, str]]) -> dict[str, str]:
    """Git configuration passed in the environment: never on a command line, in a URL or in
    a file, so a token given this way shows in no process list and stays in no repository."""
    env = {"GIT_CONFIG_COUNT": str(len(settings))}
    for index, (key, value) in enumerate(settings):
        env[f"GIT_CONFIG_KEY_{index}"] = key
        env[f"GIT_CONFIG_VALUE_{index}"] = value
    return env


def auth_settings(remote_url: str, token: str | None) -> list[tuple[str, str]]:
    """Send the token to github.com for this remote (other remotes: nothing). The empty value
    first clears a header that actions/checkout may have stored, so one Authorization goes."""
    if not token or not remote_url.startswith("https://github.com/"):
        return []
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    key = "http.https://github.com/.extraheader"
    return [(key, ""), (key, f"AUTHORIZATION: basic {basic}")]


class Repository:
    def __init__(self, path: Path, remote: str = "origin", token: str | None = None, trust_owner: bool = False):
        """`trust_owner`: accept a checkout owned by another user (a container action's
        mounted workspace), which git otherwise refuses as of "dubious ownership"."""
        try:
            self.repo = git.Repo(path, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise GitError(f"{path} is not inside a git repository") from None
        self.remote = remote
        try:
            url = self.repo.remote(remote).url
        except ValueError:
            raise GitError(f"the repository has no remote named {remote!r}") from None
        settings = auth_settings(url, token)
        if trust_owner:
            settings.append(("safe.directory", "*"))
        self.env = {"GIT_TERMINAL_PROMPT": "0", **config_environment(settings)}

    def _git(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        try:
            return self.repo.git.execute(["git", *args], env={**os.environ, **self.env, **(env or {})})
        except git.GitCommandError as error:
            detail = (error.stderr or "").strip().splitlines()
            raise GitError(f"git {args[0]} failed: {detail[-1] if detail else error.status}") from None

    @property
    def root(self) -> Path:
        return Path(self.repo.working_tree_dir or ".")

    def fetch(self, remote_ref: str, local_ref: str) -> str | None:
        """Fetch `remote_ref` into `local_ref`; its commit, or None when the remote has no such ref."""
        shallow = self._git("rev-parse", "--is-shallow-repository") == "true"
        try:
            self._git("fetch", "--quiet", "--no-tags", *(["--depth=1"] if shallow else []), self.remote,
                      f"+{remote_ref}:{local_ref}")
        except GitError as error:
            if "couldn't find remote ref" in str(error).lower() or "not our ref" in str(error).lower():
                return None
            raise
        return self._git("rev-parse", local_ref)

    def fetch_branch(self, branch: str) -> str | None:
        return self.fetch(f"refs/heads/{branch}", f"refs/remotes/{self.remote}/{branch}")

    def tree_of(self, commit: str) -> str:
        return self._git("rev-parse", f"{commit}^{{tree}}")

    @contextmanager
    def worktree(self, commit: str) -> Iterator[Path]:
        """A clean, temporary checkout of `commit`, removed afterwards whatever happens."""
        folder = Path(tempfile.mkdtemp(prefix="hardenbot-")) / "tree"
        self._git("worktree", "add", "--detach", "--quiet", str(folder), commit)
        try:
            yield folder
        finally:
            try:
                self._git("worktree", "remove", "--force", str(folder))
            except GitError:
                self._git("worktree", "prune")
            shutil.rmtree(folder.parent, ignore_errors=True)

    def stage(self, worktree: Path, paths: list[str]) -> str:
        """Stage `paths` in the worktree; the tree it would commit."""
        worktree_git = git.Repo(worktree).git
        if paths:
            worktree_git.execute(["git", "add", "--", *paths], env={**os.environ, **self.env})
        return worktree_git.execute(["git", "write-tree"], env={**os.environ, **self.env})

    def commit_tree(self, tree: str, parent: str, message: str, identity: Identity) -> str:
        env = {"GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email,
               "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email}
        return self._git("commit-tree", tree, "-p", parent, "-m", message, env=env)

    def push(self, commit: str, branch: str, expected: str | None) -> None:
        """Point the remote `branch` at `commit`, only if it is still at `expected` (absent: None)."""
        lease = f"--force-with-lease=refs/heads/{branch}:{expected or ''}"
        self._git("push", "--quiet", "--porcelain", lease, self.remote, f"{commit}:refs/heads/{branch}")

    def read_files(self, commit: str, wanted: Callable[[str], bool]) -> dict[str, str]:
        """The text of the files of `commit` whose path `wanted` accepts, read from git's
        objects: nothing is checked out, nothing runs."""
        files = {}
        for blob in self.repo.commit(commit).tree.traverse():
            if blob.type == "blob" and blob.mode != 0o120000 and wanted(blob.path):
                files[blob.path] = blob.data_stream.read().decode("utf-8", errors="surrogateescape")
        return files
