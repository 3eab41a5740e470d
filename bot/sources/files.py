"""Reading Dockerfiles byte-exactly and writing them atomically."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def read_text(path: Path) -> str:
    """Decode as UTF-8; undecodable bytes survive a round trip (surrogateescape)."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` via a temporary file and a rename in the same folder, so
    an interrupted run leaves either the old file or the new one, never half of one. The
    file's permission bits are kept."""
    mode = stat.S_IMODE(path.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".hardenbot", dir=path.parent)
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
