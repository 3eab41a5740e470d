"""The release workflow's steps (.github/scripts/release.py), in a dry run and for real against
a bare git remote on disk: the action.yml rewrite to the published digest, the release commit,
which tags move and that the push leases every ref on what it held."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
_spec = importlib.util.spec_from_file_location("release", ROOT / ".github/scripts/release.py")
release = importlib.util.module_from_spec(_spec)
sys.modules["release"] = release  # dataclasses look their module up by name
_spec.loader.exec_module(release)

IMAGE = "ghcr.io/acme/hardenbot"
DIGEST = "sha256:" + "ab" * 32
DIGEST2 = "sha256:" + "cd" * 32
ACTION = (ROOT / "action.yml").read_text()


def test_versions_are_release_tags_only():
    assert release.Version.parse("v1.2.3") == release.Version(1, 2, 3)
    version = release.Version.parse("v10.0.7")
    assert (version.tag, version.major_tag, version.branch) == ("v10.0.7", "v10", "releases/v10")
    for bad in ("v1.2", "1.2.3", "v1.2.3-rc.1", "v01.2.3", "v1.2.3.4", "vX.Y.Z"):
        with pytest.raises(release.ReleaseError, match="is not a release tag"):
            release.Version.parse(bad)


def test_the_image_is_named_after_the_repository_in_lower_case():
    assert release.image_name("Acme-Corp/hardenbot") == "ghcr.io/acme-corp/hardenbot"
    with pytest.raises(release.ReleaseError):
        release.image_name("hardenbot")


def test_plan_prints_what_the_later_steps_read(capsys):
    assert release.main(["plan", "--tag", "v1.4.0", "--repository", "Acme/hardenbot"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "version=1.4.0", "major-tag=v1", "branch=releases/v1", "image=ghcr.io/acme/hardenbot",
        "image-tag=ghcr.io/acme/hardenbot:1.4.0"]
    assert release.main(["plan", "--tag", "v1.4", "--repository", "acme/hardenbot"]) == 1


def test_only_runs_image_changes_in_action_yml():
    pinned = release.pin_image(ACTION, IMAGE, DIGEST)
    assert yaml.safe_load(pinned)["runs"] == {"using": "docker", "image": f"docker://{IMAGE}@{DIGEST}"}
    assert pinned.replace(f"docker://{IMAGE}@{DIGEST}", "Dockerfile") == ACTION
    with pytest.raises(release.ReleaseError, match="not `Dockerfile`"):
        release.pin_image(pinned, IMAGE, DIGEST2)  # a release commit is not released again


@pytest.mark.parametrize("runs", [
    "runs:\r\n  using: docker\r\n  image: Dockerfile\r\n",
    "runs:\n  using: docker\n\n  image: 'Dockerfile'  # built here\n",
    "runs:\n    image: \"Dockerfile\"\n    using: docker\n",
])
def test_layouts_of_runs_image_are_kept(runs):
    text = "name: x\n" + runs
    pinned = release.pin_image(text, IMAGE, DIGEST)
    assert yaml.safe_load(pinned)["runs"]["image"] == f"docker://{IMAGE}@{DIGEST}"
    assert pinned.count("\n") == text.count("\n") and pinned.count("\r") == text.count("\r")


def test_bad_images_and_digests_are_refused():
    with pytest.raises(release.ReleaseError, match="not an image digest"):
        release.pin_image(ACTION, IMAGE, "sha256:abc")
    with pytest.raises(release.ReleaseError, match="not a GHCR image"):
        release.pin_image(ACTION, "docker.io/acme/hardenbot", DIGEST)
    with pytest.raises(release.ReleaseError, match="runs.image"):
        release.pin_image("name: x\nimage: Dockerfile\n", IMAGE, DIGEST)  # not under runs:


def test_the_major_tag_does_not_go_back_for_a_backport():
    released = [release.Version(1, 2, 3), release.Version(1, 4, 0), release.Version(2, 0, 0)]
    assert release.major_tag_moves(release.Version(1, 4, 1), released)
    assert not release.major_tag_moves(release.Version(1, 3, 9), released)
    assert release.major_tag_moves(release.Version(3, 0, 0), released)


# -- the whole step against a bare remote -------------------------------------------------------
def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=ENV).stdout.strip()


ENV = {"PATH": os.environ["PATH"], "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "maintainer",
       "GIT_AUTHOR_EMAIL": "m@example.com", "GIT_COMMITTER_NAME": "maintainer", "GIT_COMMITTER_EMAIL": "m@example.com"}


@pytest.fixture
def repository(tmp_path) -> tuple[Path, Path]:
    """A checkout with this repository's action.yml, pushed with the tag v1.2.3 to a bare remote."""
    ENV["HOME"] = str(tmp_path)
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(tmp_path, "init", "-q", "-b", "main", str(work))
    (work / "action.yml").write_text(ACTION)
    (work / "Dockerfile").write_text("FROM scratch\n")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "source")
    git(work, "tag", "-a", "-m", "v1.2.3", "v1.2.3")
    git(work, "remote", "add", "origin", str(remote))
    git(work, "push", "-q", "origin", "main", "v1.2.3")
    return work, remote


def publish(work: Path, tag: str, digest: str, *extra: str) -> int:
    return release.main(["publish", "--tag", tag, "--image", IMAGE, "--digest", digest, "--repo", str(work), *extra],
                        environ=ENV)


def refs(remote: Path) -> dict[str, str]:
    lines = git(remote, "for-each-ref", "--format=%(refname) %(objectname)").splitlines()
    return dict(line.split() for line in lines)


def test_a_dry_run_makes_the_commit_and_pushes_nothing(repository, capsys):
    work, remote = repository
    before = refs(remote)
    assert publish(work, "v1.2.3", DIGEST, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "dry run: nothing pushed" in out
    assert "refs/heads/releases/v1: (new) ->" in out and "refs/tags/v1: (new) ->" in out
    assert f"refs/tags/v1.2.3: {before['refs/tags/v1.2.3']} ->" in out
    assert refs(remote) == before


def test_the_release_commit_and_the_refs_it_moves(repository, capsys):
    work, remote = repository
    source = git(work, "rev-parse", "v1.2.3^{commit}")
    assert publish(work, "v1.2.3", DIGEST) == 0
    after = refs(remote)
    commit = after["refs/heads/releases/v1"]
    assert after["refs/tags/v1"] == after["refs/tags/v1.2.3"] == commit
    assert after["refs/heads/main"] == source
    assert git(remote, "rev-parse", f"{commit}^") == source  # one parent: the tagged commit
    assert git(remote, "diff", "--name-only", source, commit) == "action.yml"
    pinned = git(remote, "show", f"{commit}:action.yml")
    assert yaml.safe_load(pinned)["runs"]["image"] == f"docker://{IMAGE}@{DIGEST}"
    assert git(remote, "log", "-1", "--format=%an <%ae>", commit).startswith("github-actions[bot]")
    # The tag now names the release commit, which cannot be released again.
    git(work, "fetch", "-q", "--force", "origin", "refs/tags/*:refs/tags/*")
    assert publish(work, "v1.2.3", DIGEST2) == 1
    assert "runs.image is not `Dockerfile`" in capsys.readouterr().err


def test_the_next_release_moves_the_major_tag_and_a_backport_does_not(repository, capsys):
    work, remote = repository
    assert publish(work, "v1.2.3", DIGEST) == 0
    git(work, "commit", "-q", "--allow-empty", "-m", "next")
    git(work, "tag", "v1.3.0")
    git(work, "push", "-q", "origin", "HEAD:main", "v1.3.0")
    assert publish(work, "v1.3.0", DIGEST2) == 0
    newer = refs(remote)
    assert newer["refs/tags/v1"] == newer["refs/heads/releases/v1"] == newer["refs/tags/v1.3.0"]
    first = newer["refs/tags/v1.2.3"]
    assert first != newer["refs/tags/v1"] and git(remote, "cat-file", "-t", first) == "commit"  # kept
    # A fix for 1.2 released after 1.3.0: its own tag, but v1 stays on 1.3.0.
    git(work, "checkout", "-q", "-b", "fix", "v1.2.3^{commit}~0")
    git(work, "commit", "-q", "--allow-empty", "-m", "backport")
    git(work, "tag", "v1.2.4")
    git(work, "push", "-q", "origin", "v1.2.4")
    assert publish(work, "v1.2.4", DIGEST) == 0
    assert "refs/tags/v1: stays, a later v1.*.* is out" in capsys.readouterr().out
    latest = refs(remote)
    assert latest["refs/tags/v1"] == newer["refs/tags/v1"]
    assert latest["refs/tags/v1.2.4"] == latest["refs/heads/releases/v1"] != newer["refs/tags/v1"]


def test_a_ref_moved_meanwhile_fails_the_push_and_changes_nothing(repository, capsys, monkeypatch):
    work, remote = repository
    real = release.Git.remote_refs

    def stale(self, remote_name, *patterns):  # what the remote said just before someone else pushed v1
        seen = real(self, remote_name, *patterns)
        git(work, "push", "-q", "origin", "main:refs/tags/v1")
        return seen

    monkeypatch.setattr(release.Git, "remote_refs", stale)
    before_tag = refs(remote)["refs/tags/v1.2.3"]
    assert publish(work, "v1.2.3", DIGEST) == 1
    said = capsys.readouterr().err
    assert "git push: ! [rejected]" in said and "-> v1 (stale info)" in said
    after = refs(remote)
    assert after["refs/tags/v1.2.3"] == before_tag and "refs/heads/releases/v1" not in after  # atomic


def test_a_tag_missing_on_the_remote_is_refused(repository, capsys):
    work, _ = repository
    git(work, "tag", "v9.0.0")
    assert publish(work, "v9.0.0", DIGEST, "--dry-run") == 1
    assert "push the tag first" in capsys.readouterr().err
