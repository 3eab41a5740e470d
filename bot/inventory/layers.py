"""Files out of an image without unpacking it to disk: a file-system tar stream (what
`docker export` writes for a created container) read once, front to back, keeping only the
wanted files; and a saved image (`docker save`), whose layers are applied in their manifest's
order, each whiteout deleting what a lower layer wrote (`.wh.<name>`: that path;
`.wh..wh..opq`: everything the lower layers put in that folder).

Symbolic links among the wanted files (`/etc/os-release` → `../usr/lib/os-release`) are
followed inside the image, never on this machine.
"""
from __future__ import annotations

import json
import posixpath
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.errors import HardenbotError

MAX_FILE_BYTES = 64 * 1024 * 1024  # a dpkg status file is a few MB; anything bigger is not one
_WHITEOUT = ".wh."
_OPAQUE = ".wh..wh..opq"

Wanted = Callable[[str], bool]


class ImageArchiveError(HardenbotError):
    """A saved image or an export stream that cannot be read as one."""


@dataclass
class _Tree:
    """The wanted files seen so far, and the wanted paths that are links (to their targets)."""
    files: dict[str, bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)

    def delete(self, path: str) -> None:
        for table in (self.files, self.links):
            for name in [n for n in table if n == path or n.startswith(path + "/")]:
                del table[name]

    def resolved(self) -> dict[str, bytes]:
        """The files, each wanted link given its target's bytes (a few hops at most)."""
        files = dict(self.files)
        for path in self.links:
            target = path
            for _ in range(8):
                target = self.links.get(target, target)
                if target in self.files:
                    files[path] = self.files[target]
                    break
        return files


def _clean(name: str) -> str:
    """An archive path as the image sees it from its root: no leading `/` or `./`, no `..`
    above the root."""
    path = posixpath.normpath("/" + name.lstrip("/")).lstrip("/")
    return path


def _link_target(path: str, member: tarfile.TarInfo) -> str:
    if member.islnk() or member.linkname.startswith("/"):  # a hard link names its twin's archive path
        return _clean(member.linkname)
    return _clean(posixpath.join(posixpath.dirname(path), member.linkname))


def _read_layer(stream: IO[bytes], wanted: Wanted, tree: _Tree) -> None:
    """Apply one layer (or a whole flattened file system) from a tar stream onto `tree`."""
    layer = _Tree()
    deleted: list[str] = []
    try:
        with tarfile.open(fileobj=stream, mode="r|*") as tar:
            for member in tar:
                path = _clean(member.name)
                folder, name = posixpath.split(path)
                if name == _OPAQUE:
                    deleted.append(folder)
                    continue
                if name.startswith(_WHITEOUT):
                    deleted.append(posixpath.join(folder, name[len(_WHITEOUT):]))
                    continue
                if not wanted(path):
                    continue
                if member.isfile() and member.size <= MAX_FILE_BYTES:
                    handle = tar.extractfile(member)
                    layer.files[path] = handle.read() if handle else b""
                elif member.issym() or member.islnk():
                    layer.links[path] = _link_target(path, member)
    except (tarfile.TarError, EOFError, OSError) as error:
        raise ImageArchiveError(f"not a readable tar stream: {error}") from None
    for path in deleted:
        tree.delete(path)
    for path in layer.files:
        tree.delete(path)
    for path in layer.links:
        tree.delete(path)
    tree.files.update(layer.files)
    tree.links.update(layer.links)


def files_from_stream(stream: IO[bytes], wanted: Wanted) -> dict[str, bytes]:
    """The wanted files of a flattened file system's tar stream (`docker export`)."""
    tree = _Tree()
    _read_layer(stream, wanted, tree)
    return tree.resolved()


@dataclass(frozen=True)
class SavedImage:
    files: dict[str, bytes]
    user: str  # the image configuration's User ("" : root)
    tags: tuple[str, ...]


def files_from_saved_image(path: Path, wanted: Wanted) -> SavedImage:
    """The wanted files of the first image in a `docker save` archive (its `manifest.json`,
    which both the classic layout and the OCI layout Docker 25+ writes carry)."""
    try:
        with tarfile.open(path) as archive:
            manifest = json.load(_member(archive, "manifest.json"))
            if not isinstance(manifest, list) or not manifest or not isinstance(manifest[0], dict):
                raise ImageArchiveError(f"{path}: manifest.json lists no image")
            entry = manifest[0]
            config = json.load(_member(archive, entry.get("Config", "")))
            tree = _Tree()
            for layer in entry.get("Layers") or []:
                _read_layer(_member(archive, layer), wanted, tree)
    except (tarfile.TarError, OSError, ValueError) as error:
        raise ImageArchiveError(f"{path}: not a saved image ({error})") from None
    user = ((config.get("config") or {}).get("User") or "") if isinstance(config, dict) else ""
    return SavedImage(tree.resolved(), user, tuple(entry.get("RepoTags") or ()))


def _member(archive: tarfile.TarFile, name: str) -> IO[bytes]:
    try:
        handle = archive.extractfile(name)
    except KeyError:
        handle = None
    if handle is None:
        raise ImageArchiveError(f"{archive.name}: no {name or 'config'} in the archive")
    return handle
