"""Files out of an image without unpacking it to disk: a file-system tar stream (what
`docker export` writes for a created container) read once, front to back, keeping only the
wanted files; and layers (a saved image's, from `docker save`; a registry's blobs, streamed),
applied in order, each whiteout deleting what a lower layer wrote (`.wh.<name>`: that path;
`.wh..wh..opq`: everything the lower layers put in that folder).

Every read is held to the image's bounds (`limits.py`): what is not wanted is never kept, a
wanted file past its bound is refused from its header, before a byte of it is read, and each
whiteout costs what it deletes. Symbolic links among the wanted files (`/etc/os-release` →
`../usr/lib/os-release`) are followed inside the image, never on this machine.
"""
from __future__ import annotations

import io
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from bot.inventory.inflate import LayerStream
from bot.inventory.json_depth import loads
from bot.inventory.limits import DEFAULT_LIMITS, Budget, ImageArchiveError, Limits, excerpt, size
from bot.inventory.tar_stream import DIRECTORY, FILE, HARDLINK, SYMLINK, Member, TarReader
from bot.record import record

_WHITEOUT = ".wh."
_OPAQUE = ".wh..wh..opq"
_HELD = ""  # the key, in a folder's trie node, marking that the folder's own path is held (no name is empty)

Wanted = Callable[[str], bool]


@record
class Layer:
    """One layer to apply: what to call it in a message (its digest, or its path in a saved
    image) and its bytes as stored (compressed or not: the first bytes say which)."""
    name: str
    stream: IO[bytes]


class _Tree:
    """The wanted files and links held, and a trie of their paths, so that deleting a path
    removes what lies under it in time proportional to what it removes."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.links: dict[str, str] = {}
        self.bytes = 0  # held: the files' bytes and the links' targets
        self._root: dict = {}

    def __len__(self) -> int:
        return len(self.files) + len(self.links)

    def put_file(self, path: str, data: bytes) -> None:
        self.delete(path, under=False)
        self.files[path] = data
        self.bytes += len(data)
        self._node(path)[_HELD] = True

    def put_link(self, path: str, target: str) -> None:
        self.delete(path, under=False)
        self.links[path] = target
        self.bytes += len(target)
        self._node(path)[_HELD] = True

    def merge(self, upper: _Tree) -> None:
        for path, data in upper.files.items():
            self.put_file(path, data)
        for path, target in upper.links.items():
            self.put_link(path, target)

    def delete(self, path: str, *, under: bool = True) -> None:
        """Forget the entry at `path`, and with `under` everything below it (`path` "" is
        the root: everything)."""
        parent, name = None, ""
        node = self._root
        for part in path.split("/") if path else ():
            parent, name, node = node, part, node.get(part)
            if node is None:
                return
        if not under:
            if node.pop(_HELD, False):
                self._forget(path)
            return
        if parent is None:
            self._root = {}
        else:
            del parent[name]
        stack = [(path, node)]
        while stack:
            folder, node = stack.pop()
            for part, child in node.items():
                if part == _HELD:
                    self._forget(folder)
                else:
                    stack.append((f"{folder}/{part}" if folder else part, child))

    def delete_children(self, folder: str) -> None:
        """An opaque whiteout: what the lower layers put in `folder`, not the folder."""
        node = self._root
        for part in folder.split("/") if folder else ():
            node = node.get(part)
            if node is None:
                return
        for part in [p for p in node if p != _HELD]:
            self.delete(f"{folder}/{part}" if folder else part)

    def _node(self, path: str) -> dict:
        node = self._root
        for part in path.split("/"):
            node = node.setdefault(part, {})
        return node

    def _forget(self, path: str) -> None:
        data = self.files.pop(path, None)
        target = self.links.pop(path, None)
        self.bytes -= len(data or b"") + len(target or "")

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
    if "/." in name or "//" in name or name.startswith((".", "/")) or name.endswith("/"):
        return posixpath.normpath("/" + name.lstrip("/")).lstrip("/")
    return name  # already clean, as most are: normpath is the dearest step of a member


def _link_target(path: str, member: Member) -> str:
    if member.kind == HARDLINK or member.linkname.startswith("/"):  # a hard link names its twin's archive path
        return _clean(member.linkname)
    return _clean(posixpath.join(posixpath.dirname(path), member.linkname))


def _read_layer(stream: LayerStream, wanted: Wanted, lower: _Tree) -> None:
    """Apply one layer (or a whole flattened file system) onto `lower`. Whiteouts and the
    layer's own entries delete from the lower layers at once; the layer's wanted files join
    them at its end, so none of its own is deleted by a whiteout beside it."""
    budget, limits = stream.budget, stream.budget.image.limits
    upper = _Tree()
    reader = TarReader(stream)
    for member in reader:
        path = _clean(member.name)
        folder, name = posixpath.split(path)
        if name == _OPAQUE:
            lower.delete_children(folder)
            continue
        if name.startswith(_WHITEOUT):
            lower.delete(posixpath.join(folder, name[len(_WHITEOUT):]))
            continue
        lower.delete(path, under=member.kind != DIRECTORY)  # what is here now hides what was
        if not wanted(path) or member.kind not in (FILE, SYMLINK, HARDLINK):
            continue
        if len(lower) + len(upper) >= limits.kept_files:
            budget.refuse(f"more than {limits.kept_files:,} package files")
        if member.kind != FILE:
            target = _link_target(path, member)
            _hold(budget, lower, upper, len(target), path)
            upper.put_link(path, target)
            continue
        if member.sparse:  # its holes would be read as zeros: no package database is one
            budget.refuse(f"{excerpt(path)} is a sparse file ({size(member.real_size)}), which no package file is")
        if member.real_size > limits.file_bytes:
            budget.refuse(f"{excerpt(path)} is {size(member.real_size)}, past the {size(limits.file_bytes)} "
                          "a package file may be")
        _hold(budget, lower, upper, member.size, path)
        upper.put_file(path, reader.data(member))
    lower.merge(upper)


def _hold(budget, lower: _Tree, upper: _Tree, more: int, path: str) -> None:
    limit = budget.image.limits.kept_bytes
    if lower.bytes + upper.bytes + more > limit:
        budget.refuse(f"its package files pass {size(limit)} at {excerpt(path)}")


def files_from_layers(image: str, layers: Iterable[Layer], wanted: Wanted, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The wanted files of an image from its layers, lowest first, within `limits` (each
    bound exceeded: ImageArchiveError naming `image`). A layer's stream is read once, front
    to back, and never seeked, so a registry's response body will do."""
    return _apply(Budget(image, limits), layers, wanted)


def _apply(budget: Budget, layers: Iterable[Layer], wanted: Wanted) -> dict[str, bytes]:
    tree = _Tree()
    for layer in layers:
        _read_layer(LayerStream(layer.stream, budget.layer(f"layer {excerpt(layer.name, 80)}")), wanted, tree)
    return tree.resolved()


def files_from_stream(stream: IO[bytes], wanted: Wanted, image: str = "the image",
                      limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The wanted files of a flattened file system's tar stream (`docker export`), held to
    the image's bounds."""
    tree = _Tree()
    _read_layer(LayerStream(stream, Budget(image, limits).layer("its file system", flattened=True)), wanted, tree)
    return tree.resolved()


@record
class SavedImage:
    files: dict[str, bytes]
    user: str  # the image configuration's User ("" : root)
    tags: tuple[str, ...]


def files_from_saved_image(path: Path, wanted: Wanted, limits: Limits = DEFAULT_LIMITS) -> SavedImage:
    """The wanted files of the first image in a `docker save` archive (its `manifest.json`,
    which both the classic layout and the OCI layout Docker 25+ writes carry). The archive is
    the tar `docker save` writes, uncompressed: its layers are read where they lie."""
    budget = Budget(str(path), limits)
    try:
        with path.open("rb") as archive:
            where = _archive_index(archive, budget)
            manifest = _json(archive, where, "manifest.json", budget)
            if not isinstance(manifest, list) or not manifest or not isinstance(manifest[0], dict):
                budget.refuse("manifest.json lists no image")
            entry = manifest[0]
            names = entry.get("Layers") or []
            if not isinstance(entry.get("Config"), str) or not isinstance(names, list) \
                    or not all(isinstance(n, str) for n in names):
                budget.refuse("manifest.json names no configuration or layers")
            config = _json(archive, where, entry["Config"], budget)
            files = _apply(budget, (Layer(name, _member(archive, where, name, budget)) for name in names), wanted)
    except OSError as error:
        raise ImageArchiveError(f"{path}: cannot read it ({error.strerror or error})") from None
    user = ((config.get("config") or {}).get("User") or "") if isinstance(config, dict) else ""
    tags = entry.get("RepoTags")
    return SavedImage(files, user if isinstance(user, str) else "",
                      tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else ())


def _archive_index(archive: IO[bytes], budget: Budget) -> dict[str, tuple[int, int]]:
    """Where each regular file of the archive lies in it: (offset, size), headers only read."""
    stream = LayerStream(archive, budget.archive("the archive"))
    if stream.compression:
        budget.refuse(f"compressed with {stream.compression}: give the tar `docker save -o` writes")
    where = {}
    for member in TarReader(stream):
        if member.kind == FILE and not member.sparse:
            where[_clean(member.name)] = (member.offset, member.size)
    return where


def _member(archive: IO[bytes], where: dict[str, tuple[int, int]], name: str, budget: Budget) -> IO[bytes]:
    found = where.get(_clean(name)) if name else None
    if found is None:
        budget.refuse(f"no {excerpt(name) or 'configuration'} in the archive")
    offset, length = found
    archive.seek(offset)
    return _Slice(archive, length)


def _json(archive: IO[bytes], where: dict[str, tuple[int, int]], name: str, budget: Budget) -> object:
    limits = budget.limits
    stream = _member(archive, where, name, budget)
    if stream.length > limits.json_bytes:
        budget.refuse(f"{excerpt(name)} is {size(stream.length)}, past the {size(limits.json_bytes)} it may be")
    try:
        return loads(stream.read().decode("utf-8"), limits.json_depth)
    except ValueError as error:  # JsonTooDeep among them; UnicodeDecodeError too
        budget.refuse(f"{excerpt(name)} is not JSON it can read ({excerpt(str(error), 80)})")


class _Slice(io.RawIOBase):
    """`length` bytes of a file from where it stands, read or skipped (seeked) through."""

    def __init__(self, file: IO[bytes], length: int):
        self._file, self.length, self._left = file, length, length

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self._left if n is None or n < 0 else min(n, self._left)
        data = self._file.read(n)
        self._left -= len(data)
        return data

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence != io.SEEK_CUR or offset < 0:
            raise io.UnsupportedOperation("a layer is read front to back")
        offset = min(offset, self._left)
        self._file.seek(offset, io.SEEK_CUR)
        self._left -= offset
        return self.length - self._left
