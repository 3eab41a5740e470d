"""The release workflow's steps that decide something (.github/workflows/release.yml).

A maintainer pushes a tag `vX.Y.Z` on the commit to release (the source). The workflow builds
the action's image from it and publishes it to GHCR; then this script makes the release commit:
a child of the source whose only change is `action.yml`'s `runs.image`, from `Dockerfile` to
`docker://ghcr.io/<owner>/<name>@sha256:…`, so that the runner pulls the published image
instead of building one on every run. It pushes, atomically and each ref leased on what it was:
the branch `releases/vX` to that commit, the version tag `vX.Y.Z` re-pointed from the source to
it, and the major tag `vX` to it unless a later `vX.*.*` was released already (a backported fix
does not pull `vX` back). `--dry-run` does everything but the push and prints what it would push.

    release.py plan --tag v1.2.3 --repository owner/name        # key=value lines for $GITHUB_OUTPUT
    release.py publish --tag v1.2.3 --image ghcr.io/owner/name --digest sha256:… [--remote URL] [--dry-run]

The token for the push comes from $RELEASE_TOKEN through a credential helper that reads the
variable itself, so it is never on a command line nor written to .git/config.
Standard library only: it runs on the runner's own python3.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
_IMAGE = re.compile(r"ghcr\.io/[a-z0-9]+(?:[._-][a-z0-9]+)*/[a-z0-9]+(?:[._-][a-z0-9]+)*")
# `runs:` then, indented under it, `image: Dockerfile` (optionally quoted, optionally commented).
_RUNS_IMAGE = re.compile(r"^(runs:[ \t]*\r?\n(?:[ \t]+.*\r?\n|[ \t]*\r?\n)*?[ \t]+image:[ \t]*)"
                         r"([\"']?)Dockerfile\2([ \t]*(?:#[^\r\n]*)?)(?=\r?$)", re.MULTILINE)
BOT = {"GIT_AUTHOR_NAME": "github-actions[bot]", "GIT_COMMITTER_NAME": "github-actions[bot]",
       "GIT_AUTHOR_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com",
       "GIT_COMMITTER_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com"}
# Answers git's credential request from $RELEASE_TOKEN; the value never appears in an argument.
_CREDENTIAL_HELPER = '!f() { test "$1" = get && echo username=x-access-token && echo "password=$RELEASE_TOKEN"; }; f'


class ReleaseError(Exception):
    """One line saying what cannot be released and why."""


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, tag: str) -> Version:
        match = _TAG.fullmatch(tag)
        if not match:
            raise ReleaseError(f"{tag!r} is not a release tag: vMAJOR.MINOR.PATCH, e.g. v1.2.3")
        return cls(*(int(part) for part in match.groups()))

    @property
    def tag(self) -> str:
        return f"v{self.major}.{self.minor}.{self.patch}"

    @property
    def major_tag(self) -> str:
        return f"v{self.major}"

    @property
    def branch(self) -> str:
        return f"releases/v{self.major}"


def image_name(repository: str) -> str:
    """GHCR's name for the repository's image: lower case, as registries require."""
    owner, _, name = repository.partition("/")
    if not owner or not name or "/" in name:
        raise ReleaseError(f"{repository!r} is not owner/name")
    return f"ghcr.io/{owner.lower()}/{name.lower()}"


def pin_image(action_yml: str, image: str, digest: str) -> str:
    """`action.yml` with `runs.image: Dockerfile` replaced by the published image, by digest;
    every other byte as it was."""
    if not _IMAGE.fullmatch(image):
        raise ReleaseError(f"{image!r} is not a GHCR image name (ghcr.io/owner/name, lower case)")
    if not _DIGEST.fullmatch(digest):
        raise ReleaseError(f"{digest!r} is not an image digest (sha256: and 64 hex digits)")
    pinned, count = _RUNS_IMAGE.subn(lambda m: f"{m.group(1)}docker://{image}@{digest}{m.group(3)}", action_yml)
    if count != 1:
        raise ReleaseError("action.yml: runs.image is not `Dockerfile` (a release commit already, or a changed layout)")
    return pinned


def major_tag_moves(version: Version, released: Sequence[Version]) -> bool:
    """Whether `vX` follows this release: not when a later vX.*.* is out (a backported fix)."""
    return not any(other.major == version.major and other > version for other in released)


def plan(tag: str, repository: str) -> dict[str, str]:
    """What the workflow's later steps need. The image gets the version as its tag only: users
    of the action reach it by digest, so no image tag ever has to move."""
    version = Version.parse(tag)
    image = image_name(repository)
    number = version.tag.removeprefix("v")
    return {"version": number, "major-tag": version.major_tag, "branch": version.branch, "image": image,
            "image-tag": f"{image}:{number}"}


class Git:
    def __init__(self, cwd: Path, environ: Mapping[str, str]):
        self.cwd = cwd
        self.environ = dict(environ)

    def __call__(self, *args: str, stdin: str | None = None, env: Mapping[str, str] | None = None) -> str:
        auth = ["-c", "credential.helper=", "-c", f"credential.helper={_CREDENTIAL_HELPER}"] \
            if self.environ.get("RELEASE_TOKEN") else []
        done = subprocess.run(["git", *auth, *args], cwd=self.cwd, input=stdin, capture_output=True, text=True,
                              env={**self.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})})
        if done.returncode != 0:
            said = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
            raise ReleaseError(f"git {args[0]}: {next((line for line in said if 'rejected' in line), said[-1]).strip()}")
        return done.stdout

    def remote_refs(self, remote: str, *patterns: str) -> dict[str, str]:
        """ref → the object it names on the remote (a tag object for an annotated tag)."""
        lines = self("ls-remote", remote, *patterns).splitlines()
        return {ref: sha for sha, ref in (line.split("\t") for line in lines) if not ref.endswith("^{}")}


@dataclass(frozen=True)
class Release:
    version: Version
    source: str  # the commit the version tag named when it was pushed
    commit: str  # the release commit
    refs: dict[str, str]  # ref → what it held before (empty: new), each pushed to `commit`

    def describe(self) -> list[str]:
        lines = [f"release commit {self.commit} (parent {self.source}): action.yml runs the published image"]
        for ref, old in self.refs.items():
            lines.append(f"  {ref}: {old or '(new)'} -> {self.commit}")
        if f"refs/tags/{self.version.major_tag}" not in self.refs:
            lines.append(f"  refs/tags/{self.version.major_tag}: stays, a later {self.version.major_tag}.*.* is out")
        return lines


def release_commit(git: Git, version: Version, image: str, digest: str, remote: str) -> Release:
    """Make the release commit from the tag's commit, and work out which refs move."""
    source = git("rev-parse", "--verify", f"refs/tags/{version.tag}^{{commit}}").strip()
    pinned = pin_image(git("show", f"{source}:action.yml"), image, digest)
    blob = git("hash-object", "-w", "--stdin", stdin=pinned).strip()
    with tempfile.TemporaryDirectory() as scratch:
        index = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        git("read-tree", source, env=index)
        git("update-index", "--cacheinfo", f"100644,{blob},action.yml", env=index)
        tree = git("write-tree", env=index).strip()
    message = f"hardenbot {version.tag}: action.yml runs {image}@{digest}\n\nSource: {source}\n"
    commit = git("commit-tree", tree, "-p", source, stdin=message, env=BOT).strip()
    on_remote = git.remote_refs(remote, "refs/heads/" + version.branch, "refs/tags/v*")
    released = [Version.parse(ref.removeprefix("refs/tags/")) for ref in on_remote
                if _TAG.fullmatch(ref.removeprefix("refs/tags/"))]
    version_ref = f"refs/tags/{version.tag}"
    if version_ref not in on_remote:
        raise ReleaseError(f"{version.tag} is not on {remote}: push the tag first")
    refs = {version_ref: on_remote[version_ref], f"refs/heads/{version.branch}":
            on_remote.get(f"refs/heads/{version.branch}", "")}
    if major_tag_moves(version, released):
        refs[f"refs/tags/{version.major_tag}"] = on_remote.get(f"refs/tags/{version.major_tag}", "")
    return Release(version, source, commit, refs)


def push(git: Git, release: Release, remote: str) -> None:
    leases = [f"--force-with-lease={ref}:{old}" for ref, old in release.refs.items()]
    git("push", "--atomic", *leases, remote, *(f"{release.commit}:{ref}" for ref in release.refs))


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release.py", description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    planning = steps.add_parser("plan", help="version, tags and image name, as key=value lines")
    planning.add_argument("--tag", required=True)
    planning.add_argument("--repository", required=True, metavar="OWNER/NAME")
    publishing = steps.add_parser("publish", help="make and push the release commit")
    publishing.add_argument("--tag", required=True)
    publishing.add_argument("--image", required=True)
    publishing.add_argument("--digest", required=True)
    publishing.add_argument("--remote", default="origin")
    publishing.add_argument("--repo", type=Path, default=Path("."), help="the checkout (default .)")
    publishing.add_argument("--dry-run", action="store_true", help="make the commit, push nothing")
    args = parser.parse_args(argv)
    try:
        if args.step == "plan":
            print("\n".join(f"{key}={value}" for key, value in plan(args.tag, args.repository).items()))
            return 0
        git = Git(args.repo, os.environ if environ is None else environ)
        release = release_commit(git, Version.parse(args.tag), args.image, args.digest, args.remote)
        print("\n".join(release.describe()))
        if args.dry_run:
            print("dry run: nothing pushed")
        else:
            push(git, release, args.remote)
            print(f"pushed to {args.remote}")
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
