"""Reading a small file of a Dockerfile's build context, for what it says (never to run it):
the start script a container runs (`COPY start.sh /app/` then `CMD ["/app/start.sh"]`).

Only a regular file inside the repository is read, at most MAX_BYTES of it: a path that leads
out of the repository (`..`, a symbolic link), a folder, a device or a missing file reads as
None, as does one larger than any script a container starts with.

Most files asked for are not there (the dependency manifests a folder copied whole might hold:
a dozen names each), so a folder's listing answers for all of them: the one the search for
sources made, else one made here, once a folder."""
from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Set
from pathlib import Path

from bot.sources.files import read_regular

MAX_BYTES = 256 * 1024
# The files of one name read for `same_named`, at most.
MAX_SAME_NAMED = 4


class ContextFiles:
    """Dockerfile → its build context folder in (both repository-relative); a file of that
    context, by its context-relative path, out. Each file is read once, when first asked for."""

    def __init__(self, root: Path, folders: Mapping[str, str], listed: Mapping[str, Set[str]] | None = None):
        self._root = os.path.realpath(root)
        self._folders = dict(folders)
        self._read: dict[str, str | None] = {}
        # Folder → the names in it: the search's listings (every name that is not a folder),
        # and ours, of every name, for a folder it did not list (None: it cannot be listed).
        self._listed: dict[str, Set[str] | None] = dict(listed or {})
        # File name → its paths in the search's listings only (not ours, which depend on what
        # was asked before: each worker of a run must find the same), made when first asked.
        self._searched = dict(listed or {})
        self._by_name: dict[str, list[str]] | None = None

    def read(self, dockerfile: str, relative: str) -> str | None:
        folder = self._folders.get(dockerfile)
        if folder is None or relative.startswith("/"):
            return None
        path = posixpath.normpath(posixpath.join(folder, relative))
        if path == ".." or path.startswith("../"):
            return None
        if path not in self._read:
            folder, name = posixpath.split(path)
            self._read[path] = _read_inside(self._root, path) if name in self._names(folder) else None
        return self._read[path]

    def same_named(self, name: str) -> tuple[str, ...]:
        """The texts of the repository's files named `name`, in the folders the search for
        sources listed, when there are at most MAX_SAME_NAMED of them (a name that common says
        nothing of one script); each read as `read` reads."""
        if self._by_name is None:
            self._by_name = {}
            for folder, names in self._searched.items():
                for each in names:
                    self._by_name.setdefault(each, []).append(posixpath.join(folder, each) if folder else each)
        paths = self._by_name.get(name, [])
        if not paths or len(paths) > MAX_SAME_NAMED:
            return ()
        texts = []
        for path in sorted(paths):
            if path not in self._read:
                self._read[path] = _read_inside(self._root, path)
            if self._read[path] is not None:
                texts.append(self._read[path])
        return tuple(texts)

    def _names(self, folder: str) -> Set[str]:
        if folder not in self._listed:
            try:
                self._listed[folder] = frozenset(os.listdir(os.path.join(self._root, folder)))
            except OSError:
                self._listed[folder] = None
        return self._listed[folder] or frozenset()


def _read_inside(root: str, relative: str) -> str | None:
    path = os.path.join(root, relative)
    real = os.path.realpath(path)
    if os.path.commonpath([root, real]) != root:
        return None  # a link out of the repository
    data = read_regular(real, MAX_BYTES)
    return data.decode("utf-8", errors="replace") if data is not None else None
