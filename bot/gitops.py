"""Git, through GitPython: fetch, a clean scratch worktree, commit as the bot, push with a lease.

Work happens in a temporary `git worktree` checked out at the commit to harden, so the
user's own checkout (and its uncommitted changes) is never touched, and the tree hardened is
exactly the commit's. Pushes use `--force-with-lease` on the commit the branch was fetched
at: a branch someone else moved meanwhile is refused, never overwritten. Git never prompts,
and never runs one of the user's hooks (on fetch, checkout, push, or while people's commits on
the bot's branch are replayed onto a refresh: git's own cherry-pick, in the scratch worktree).
"""
from __future__ import annotations

import base64
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import git

from bot.errors import HardenbotError
from bot.record import record


class GitError(HardenbotError):
    def __init__(self, message: str, stderr: str = ""):
        super().__init__(message)
        self.stderr = stderr  # all git said, for callers that recognise a case by it


@record
class Identity:
    name: str
    email: str


@record
class CommitInfo:
    sha: str
    parents: tuple[str, ...]  # none for a root commit, or where a shallow clone's history stops
    author: Identity
    committer: Identity
    subject: str

    @property
    def merge(self) -> bool:
        return len(self.parents) > 1


@record
class BranchHistory:
    """A branch as fetched: its head (None: no such branch) and its commits that are not on
    the base branch, oldest first."""
    head: str | None
    commits: tuple[CommitInfo, ...] = ()


@record
class RefUpdate:
    """One branch of a push: to `commit` (None: delete it), only if it is still at `expected`
    (None: absent)."""
    branch: str
    commit: str | None
    expected: str | None


@record
class Conflict:
    commit: CommitInfo  # the first commit that would not apply
    paths: tuple[str, ...]  # the files it conflicted in


@record
class Replay:
    """Commits cherry-picked onto another: the new head, or the conflict that stopped it."""
    head: str | None  # None: a conflict; nothing was made
    carried: tuple[CommitInfo, ...] = ()  # applied, in order
    redundant: tuple[CommitInfo, ...] = ()  # nothing left to apply: `onto` already holds their change
    conflict: Conflict | None = None


# No hook of the user's runs, whatever git hardenbot runs: hooks are code, and hardenbot runs none.
NO_HOOKS = [("core.hooksPath", os.devnull)]
# What a replay needs whatever the user's git says: no signing, no recorded conflict resolutions.
REPLAY_SETTINGS = [("commit.gpgSign", "false"), ("rerere.enabled", "false")]

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
        settings = auth_settings(url, token) + NO_HOOKS
        if trust_owner:
            settings.append(("safe.directory", "*"))
        self.settings = settings
        # Paths are file names, never pathspec magic (`:(exclude)`, `*`): a repository names them.
        self.env = {"GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1", **config_environment(settings)}

    def _git(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        try:
            return self.repo.git.execute(["git", *args], env={**os.environ, **self.env, **(env or {})})
        except git.GitCommandError as error:
            stderr = (error.stderr or "").strip()
            detail = stderr.splitlines()
            raise GitError(f"git {args[0]} failed: {detail[-1] if detail else error.status}", stderr) from None

    @property
    def root(self) -> Path:
        return Path(self.repo.working_tree_dir or ".")

    def _shallow(self) -> bool:
        return self._git("rev-parse", "--is-shallow-repository") == "true"

    def fetch(self, remote_ref: str, local_ref: str) -> str | None:
        """Fetch `remote_ref` into `local_ref`; its commit, or None when the remote has no such ref.
        A shallow clone (actions/checkout's) stays shallow."""
        return self._fetch(remote_ref, local_ref, ["--depth=1"] if self._shallow() else [])

    def _fetch(self, remote_ref: str, local_ref: str, options: list[str]) -> str | None:
        try:
            self._git("fetch", "--quiet", "--no-tags", *options, self.remote, f"+{remote_ref}:{local_ref}")
        except GitError as error:
            if "couldn't find remote ref" in str(error).lower() or "not our ref" in str(error).lower():
                return None
            raise
        return self._git("rev-parse", local_ref)

    def fetch_branch(self, branch: str) -> str | None:
        return self.fetch(f"refs/heads/{branch}", f"refs/remotes/{self.remote}/{branch}")

    def fetch_branch_history(self, branch: str, base_branch: str, base: str) -> BranchHistory:
        """Fetch `branch` with its commits that are not on `base_branch` (fetched at `base`).
        A shallow clone fetches exactly those (`--shallow-exclude`): the commits replayed are
        people's, which descend from the bot's commit, so no parent of theirs is on the base."""
        remote_ref, local_ref = f"refs/heads/{branch}", f"refs/remotes/{self.remote}/{branch}"
        shallow = self._shallow()
        try:
            head = self._fetch(remote_ref, local_ref, [f"--shallow-exclude=refs/heads/{base_branch}"] if shallow else [])
        except GitError:
            if not shallow:
                raise
            # A server has nothing to send when every commit of the branch is on the base, and
            # says so over HTTPS only by hanging up (an old one may not know the option): find
            # where the branch leaves the base by deepening both instead.
            head = self._fetch(remote_ref, local_ref, ["--depth=1"])
            if head is not None:
                self._deepen_to_merge_base(base_branch, base, branch, head)
        if head is None:
            return BranchHistory(None)
        return BranchHistory(head, self.commits_between(base, head))

    def _deepen_to_merge_base(self, base_branch: str, base: str, branch: str, head: str,
                              local_ref: str | None = None) -> None:
        refspecs = [f"+refs/heads/{base_branch}:refs/remotes/{self.remote}/{base_branch}",
                    f"+refs/heads/{branch}:{local_ref or f'refs/remotes/{self.remote}/{branch}'}"]
        for depth in (32, 256, 2048, None):
            try:
                self._git("merge-base", base, head)
                return
            except GitError:
                pass  # no common commit in what the shallow clone holds yet
            deeper = f"--deepen={depth}" if depth else "--unshallow"
            self._git("fetch", "--quiet", "--no-tags", deeper, self.remote, *refspecs)

    def remote_branches(self, prefix: str) -> dict[str, str]:
        """The remote's branch `prefix` and those below it (`prefix/…`), each with its commit."""
        out = self._git("ls-remote", "--heads", self.remote, f"refs/heads/{prefix}", f"refs/heads/{prefix}/*")
        heads = {}
        for line in out.splitlines():
            sha, ref = line.split("\t", 1)
            heads[ref.removeprefix("refs/heads/")] = sha
        return heads

    def fetch_histories(self, branches: dict[str, str], base_branch: str, base: str) -> dict[str, BranchHistory]:
        """Fetch `branches` (name → the commit the remote listed) in one `git fetch`, each with its
        commits not on `base_branch` (see fetch_branch_history). They land under refs/hardenbot/,
        one flat name each: `a` and `a/b` cannot both be refs, on this side either."""
        if not branches:
            return {}
        local = {name: self._flat_ref(name) for name in branches}
        refspecs = [f"+refs/heads/{name}:{ref}" for name, ref in local.items()]
        shallow = self._shallow()
        try:
            self._git("fetch", "--quiet", "--no-tags",
                      *([f"--shallow-exclude=refs/heads/{base_branch}"] if shallow else []), self.remote, *refspecs)
        except GitError:
            if not shallow:
                raise
            self._git("fetch", "--quiet", "--no-tags", "--depth=1", self.remote, *refspecs)
            for name, ref in local.items():
                self._deepen_to_merge_base(base_branch, base, name, self._git("rev-parse", ref), ref)
        histories = {}
        for name, ref in local.items():
            head = self._git("rev-parse", ref)
            histories[name] = BranchHistory(head, self.commits_between(base, head))
        return histories

    def commits_between(self, base: str, head: str) -> tuple[CommitInfo, ...]:
        """The commits reachable from `head` and not from `base`, oldest first (as a rebase
        would replay them)."""
        fields = "%x1f".join(("%H", "%P", "%an", "%ae", "%cn", "%ce", "%s"))
        out = self._git("rev-list", "--reverse", "--topo-order", "--no-commit-header", f"--format={fields}",
                        f"{base}..{head}")
        commits = []
        for line in out.splitlines():
            sha, parents, author, author_email, committer, committer_email, subject = line.split("\x1f")
            commits.append(CommitInfo(sha, tuple(parents.split()), Identity(author, author_email),
                                      Identity(committer, committer_email), subject))
        return tuple(commits)

    def files_of(self, commit: str) -> tuple[str, ...]:
        """The files `commit` touches (against its first parent; every file of a root commit),
        read NUL-separated, so no name is quoted or split."""
        out = self._git("diff-tree", "-r", "-z", "--root", "--no-renames", "--no-commit-id", "--name-only", commit)
        return tuple(name for name in out.split("\0") if name)

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

    def commit_tree(self, tree: str, parent: str, message: str, identity: Identity,
                    author: Identity | None = None) -> str:
        """A commit of `tree` on `parent`, committed by `identity` and authored by `author`
        (default: the same)."""
        author = author or identity
        env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
               "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email}
        return self._git("commit-tree", tree, "-p", parent, "-m", message, env=env)

    def replay(self, worktree: Path, onto: str, commits: tuple[CommitInfo, ...], committer: Identity) -> Replay:
        """Cherry-pick `commits`, in order, onto `onto` in the scratch `worktree`, keeping each
        one's author and message, with `committer` as the committer. A commit whose change
        `onto` already holds is left out (as a rebase does); the first that conflicts stops
        it all, and nothing is made. No signing key or recorded resolution of the user's is used
        (and, as for every git command here, no hook)."""
        env = {**os.environ, **self.env, **config_environment(self.settings + REPLAY_SETTINGS),
               "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email}
        worktree_git = git.Repo(worktree).git

        def run(*args: str) -> str:
            return worktree_git.execute(["git", *args], env=env)

        run("reset", "--quiet", "--hard", onto)
        carried, redundant = [], []
        for commit in commits:
            try:
                run("cherry-pick", "--allow-empty", commit.sha)
            except git.GitCommandError as error:
                conflicted = tuple(run("diff", "--name-only", "--diff-filter=U").splitlines())
                if conflicted:
                    run("cherry-pick", "--abort")
                    return Replay(None, tuple(carried), tuple(redundant), Conflict(commit, conflicted))
                if run("status", "--porcelain", "--untracked-files=no") or \
                        "is now empty" not in (error.stderr or ""):
                    raise GitError(f"git cherry-pick failed on {commit.sha[:12]}: "
                                   f"{(error.stderr or '').strip().splitlines()[-1:]}") from None
                run("cherry-pick", "--skip")
                redundant.append(commit)
            else:
                carried.append(commit)
        return Replay(run("rev-parse", "HEAD"), tuple(carried), tuple(redundant))

    def push(self, commit: str, branch: str, expected: str | None) -> None:
        """Point the remote `branch` at `commit`, only if it is still at `expected` (absent: None)."""
        lease = f"--force-with-lease=refs/heads/{branch}:{expected or ''}"
        self._git("push", "--quiet", "--porcelain", lease, self.remote, f"{commit}:refs/heads/{branch}")

    def files_by_branch(self, names: list[str], base: str) -> dict[str, set[str]]:
        """The files the commits of each branch fetched by fetch_histories touch (those not on
        `base`). A shallow clone first fetches the commit below each branch's oldest, since a
        commit whose parent it lacks would read as adding every file."""
        if not names:
            return {}
        refs = {name: self._flat_ref(name) for name in names}
        if self._shallow():
            self._git("fetch", "--quiet", "--no-tags", "--deepen=1", self.remote,
                      *(f"+refs/heads/{name}:{ref}" for name, ref in refs.items()))
        return {name: {path for commit in self.commits_between(base, self._git("rev-parse", ref))
                       for path in self.files_of(commit.sha)} for name, ref in refs.items()}

    @staticmethod
    def _flat_ref(branch: str) -> str:
        return "refs/hardenbot/branches/" + branch.replace("/", "%")

    def push_all(self, updates: list[RefUpdate]) -> None:
        """Every update in one atomic `git push`, each leased on where its branch was: all land or
        none does."""
        if not updates:
            return
        leases = [f"--force-with-lease=refs/heads/{u.branch}:{u.expected or ''}" for u in updates]
        refspecs = [f"{u.commit or ''}:refs/heads/{u.branch}" for u in updates]
        self._git("push", "--quiet", "--porcelain", "--atomic", *leases, self.remote, *refspecs)

    def stage_only(self, worktree: Path, base: str, paths: tuple[str, ...]) -> str:
        """The tree of `base` with only `paths` taken from the worktree (the rest of the worktree's
        changes stay out): the index is reset to `base` first; the files on disk are untouched."""
        worktree_git = git.Repo(worktree).git
        env = {**os.environ, **self.env}
        worktree_git.execute(["git", "read-tree", base], env=env)
        if paths:
            worktree_git.execute(["git", "add", "--", *paths], env=env)
        return worktree_git.execute(["git", "write-tree"], env=env)

    def read_files(self, commit: str, wanted: Callable[[str], bool]) -> dict[str, str]:
        """The text of the files of `commit` whose path `wanted` accepts, read from git's
        objects: nothing is checked out, nothing runs."""
        files = {}
        for blob in self.repo.commit(commit).tree.traverse():
            if blob.type == "blob" and blob.mode != 0o120000 and wanted(blob.path):
                files[blob.path] = blob.data_stream.read().decode("utf-8", errors="surrogateescape")
        return files

