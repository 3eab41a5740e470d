"""Reading a small file of a Dockerfile's build context, for what it says (never to run it):
the start script a container runs (`COPY start.sh /app/` then `CMD ["/app/start.sh"]`).

Only a regular file inside the repository is read, at most MAX_BYTES of it: a path that leads
out of the repository (`..`, a symbolic link), a folder, a device or a missing file reads as
None, as does one larger than any script a container starts with."""
from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from pathlib import Path

from bot.sources.files import read_regular

MAX_BYTES = 256 * 1024


class ContextFiles:
    """Dockerfile → its build context folder in (both repository-relative); a file of that
    context, by its context-relative path, out. Each file is read once, when first asked for."""

    def __init__(self, root: Path, folders: Mapping[str, str]):
        self._root = os.path.realpath(root)
        self._folders = dict(folders)
        self._read: dict[str, str | None] = {}

    def read(self, dockerfile: str, relative: str) -> str | None:
        folder = self._folders.get(dockerfile)
        if folder is None or relative.startswith("/"):
            return None
        path = posixpath.normpath(posixpath.join(folder, relative))
        if path == ".." or path.startswith("../"):
            return None
        if path not in self._read:
            self._read[path] = _read_inside(self._root, path)
        return self._read[path]


def _read_inside(root: str, relative: str) -> str | None:
    path = os.path.join(root, relative)
    if not os.path.lexists(path):
        return None  # most files asked for (the manifests a folder might hold) are not there: one lstat says so
    real = os.path.realpath(path)
    if os.path.commonpath([root, real]) != root:
        return None  # a link out of the repository
    data = read_regular(real, MAX_BYTES)
    return data.decode("utf-8", errors="replace") if data is not None else None
