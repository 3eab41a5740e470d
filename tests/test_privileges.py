"""The action drops root for the workspace's owner, keeping the Docker socket's group: checked
for real in a child process (it needs root, as GitHub starts container actions)."""
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
def test_root_becomes_the_workspace_owner_with_the_sockets_group(tmp_path):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    os.chown(workspace, 1001, 1001)
    path = tmp_path / "docker.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    os.chown(path, 0, 4242)
    try:
        said, ids = probe(workspace, path)
    finally:
        server.close()
    assert said == "running as UID 1001, GID 1001, groups 1001,4242 (the workspace's owner)"
    assert ids == "1001 1001 [1001, 4242]"


@needs_root
def test_a_root_owned_workspace_keeps_root(tmp_path):
    said, ids = probe(tmp_path, tmp_path / "no.sock")
    assert said.startswith("running as root: the workspace") and ids.startswith("0 0 ")


def test_the_socket_comes_from_docker_host():
    assert docker_socket({"DOCKER_HOST": "unix:///run/user/1000/docker.sock"}) == Path("/run/user/1000/docker.sock")
    assert docker_socket({"DOCKER_HOST": "tcp://10.0.0.1:2375"}) == Path("/var/run/docker.sock")
    assert docker_socket({}) == Path("/var/run/docker.sock")
