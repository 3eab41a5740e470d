"""Who the action runs as. GitHub starts a Docker container action as root (its
documentation asks for it: the workspace is mounted from the runner, owned by the runner's
user, UID 1001 on hosted runners), and mounts the runner's Docker socket, which belongs to
the group `docker`. Staying root would leave root-owned files in the runner's workspace and
run git and the registry client with more power than they need; a fixed non-root USER in the
image cannot reach the socket, nor write a workspace owned by another UID. So the action
starts as root and at once becomes the workspace's owner, keeping the socket's group, before
it reads anything from the repository."""
from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

DEFAULT_SOCKET = Path("/var/run/docker.sock")


def docker_socket(environ: Mapping[str, str]) -> Path:
    host = environ.get("DOCKER_HOST", "")
    return Path(host.removeprefix("unix://")) if host.startswith("unix://") else DEFAULT_SOCKET


def become_workspace_owner(workspace: Path, socket: Path) -> str:
    """Drop root for the owner of `workspace` (its UID and GID, plus the group of the Docker
    `socket` when there is one); a line saying what was done. Not root: nothing to do. A
    workspace owned by root (a self-hosted runner running as root): stays root, saying so."""
    if os.geteuid() != 0:
        return ""
    owner = workspace.stat()
    if owner.st_uid == 0:
        return f"running as root: the workspace {workspace} is owned by root"
    groups = [owner.st_gid]
    try:
        found = socket.stat()
        if stat.S_ISSOCK(found.st_mode) and found.st_gid not in (0, owner.st_gid):
            groups.append(found.st_gid)
    except OSError:
        pass  # no engine mounted: verification will say so
    try:
        os.setgroups(groups)
        os.setgid(owner.st_gid)
        os.setuid(owner.st_uid)
    except OSError as error:  # a runtime without CAP_SETUID/CAP_SETGID
        return f"running as root: could not become UID {owner.st_uid} ({error.strerror or error})"
    return f"running as UID {owner.st_uid}, GID {owner.st_gid}, groups {','.join(map(str, groups))} (the workspace's owner)"
