"""The action drops root for the workspace's owner, keeping the Docker socket's group: checked
for real in a child process (it needs root, as GitHub starts container actions), for a
GitHub-hosted runner (UID 1001), a self-hosted one running as an ordinary user, and one running
as root (which keeps root)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.privileges import docker_socket

ROOT = Path(__file__).parent.parent
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="dropping privileges needs root (CI runs as root)")
PROBE = ("import os, sys; from pathlib import Path; from bot.privileges import become_workspace_owner as b; "
         "print(b(Path(sys.argv[1]), Path(sys.argv[2]))); print(os.getuid(), os.getgid(), sorted(os.getgroups()))")


def probe(workspace: Path, sock: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(workspace), str(sock)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return done.stdout.splitlines()


@needs_root
@pytest.mark.parametrize("uid, gid", [(1001, 1001),  # a GitHub-hosted runner's `runner`
                                      (1000, 1000),  # a self-hosted runner's service account
                                      (2000, 50)])  # one whose primary group is shared
def test_root_becomes_the_workspace_owner_with_the_sockets_group(tmp_path, uid, gid):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    os.chown(workspace, uid, gid)
    path = tmp_path / "docker.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    os.chown(path, 0, 4242)
    try:
        said, ids = probe(workspace, path)
    finally:
        server.close()
    assert said == f"running as UID {uid}, GID {gid}, groups {gid},4242 (the workspace's owner)"
    assert ids == f"{uid} {gid} [{min(gid, 4242)}, {max(gid, 4242)}]"


@needs_root
def test_without_a_docker_socket_only_the_owners_group_is_kept(tmp_path):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    os.chown(workspace, 1001, 1001)
    said, ids = probe(workspace, tmp_path / "no.sock")
    assert said == "running as UID 1001, GID 1001, groups 1001 (the workspace's owner)"
    assert ids == "1001 1001 [1001]"


@needs_root
def test_a_root_owned_workspace_keeps_root(tmp_path):
    said, ids = probe(tmp_path, tmp_path / "no.sock")
    assert said.startswith("running as root: the workspace") and ids.startswith("0 0 ")


def test_the_socket_comes_from_docker_host():
    assert docker_socket({"DOCKER_HOST": "unix:///run/user/1000/docker.sock"}) == Path("/run/user/1000/docker.sock")
    assert docker_socket({"DOCKER_HOST": "tcp://10.0.0.1:2375"}) == Path("/var/run/docker.sock")
    assert docker_socket({}) == Path("/var/run/docker.sock")
