"""Reading Dockerfiles byte-exactly and writing them atomically."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Far more than any Dockerfile, compose file or workflow: past it a file is refused, so a
# hostile one costs one line, not minutes of a run.
MAX_BYTES = 1 << 20
TOO_LARGE = "larger than 1 MiB, more than any Dockerfile, compose file or workflow needs"


def read_text(path: Path | str) -> str:
    """Decode as UTF-8; undecodable bytes survive a round trip (surrogateescape). Only a
    regular file is read (a FIFO or a device named like a Dockerfile would block or never
    end), not through a symlink, and not beyond MAX_BYTES: OSError otherwise."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = _read_at_most(descriptor, MAX_BYTES + 1, status.st_size)
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise OSError(errno.EFBIG, TOO_LARGE)
    return data.decode("utf-8", errors="surrogateescape")


def _read_at_most(descriptor: int, limit: int, size: int) -> bytes:
    """Up to `limit` bytes, in reads of the size the file says it has and one more (to see its
    end), 64 KiB at least (a size may be wrong): a read of `limit` at once allocates a whole
    MiB for every small file, and a tree has thousands."""
    chunks, left = [], limit
    step = max(size + 1, 64 * 1024)
    while left > 0:
        chunk = os.read(descriptor, min(step, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_regular(path: str | Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes, not through a final symbolic link
    (nor a FIFO or a device, whose read would block or never end); None when it is anything
    else, larger, or unreadable."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        data = _read_at_most(descriptor, limit + 1, status.st_size)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def is_regular_file(path: str) -> bool:
    """Whether `path` is a regular file itself (not a link, FIFO, socket or device)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` via a temporary file and a rename in the same folder, so
    an interrupted run leaves either the old file or the new one, never half of one. The
    file's permission bits are kept. A read-only file is refused (PermissionError), not replaced."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR:  # a rename would replace it all the same, even as another user
        raise PermissionError(errno.EACCES, "the file is read-only")
    descriptor, temporary = _temporary_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(encode(text))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def create_atomic(path: Path, text: str) -> None:
    """Create `path` holding `text`, only when nothing is there (FileExistsError otherwise, even
    for a dangling link): written to a temporary file beside it and linked in under its name,
    which fails rather than replace what appeared meanwhile. Readable by all, as a checkout's files are."""
    descriptor, temporary = _temporary_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(encode(text))
        os.chmod(temporary, 0o644)
        os.link(temporary, path, follow_symlinks=False)
    finally:
        os.unlink(temporary)


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder (so a rename onto `path` is atomic): its descriptor and name."""
    import tempfile  # with shutil and the compressors it loads: only a run that writes needs it

    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".hardenbot", dir=path.parent)
