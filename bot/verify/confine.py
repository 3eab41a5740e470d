"""What a verify build takes from the repository, and only from inside it.

Why: a symbolic link in the repository can name any file the runner can read. A build that
followed one would carry that file into the engine, and BuildKit quotes a `.dockerignore`
whose patterns it cannot read whole in its error, which becomes the log tail in the JSON
output and the pull request. So a file is not built when its Dockerfile, its
`<name>.dockerignore`, its build context or the context's `.dockerignore` is, or passes
through, a symbolic link that leads out of the repository; and the engine driver is given the
dockerignore's text, read here, never a path to follow.
"""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from bot.errors import HardenbotError
from bot.model.text import escape_controls
from bot.sources.files import encode, read_text


class OutOfRepository(HardenbotError):
    """Building the file would read something outside the repository, or that cannot be read."""


def _leads_out(root: Path, relative: str) -> bool:
    path = root / relative
    return os.path.lexists(path) and not Path(os.path.realpath(path)).is_relative_to(root)


def check_confined(root: Path, dockerfile: str, context: str) -> None:
    """OutOfRepository naming the first of the build's inputs that leads out of `root` (which
    is resolved)."""
    for relative in (dockerfile, f"{dockerfile}.dockerignore", context, posixpath.join(context, ".dockerignore")):
        relative = posixpath.normpath(relative)
        if _leads_out(root, relative):
            raise OutOfRepository(f"{escape_controls(relative)} is a symbolic link out of the repository")


def own_dockerignore(root: Path, dockerfile: str) -> bytes | None:
    """The bytes of `<dockerfile>.dockerignore`, which BuildKit reads beside the Dockerfile in
    place of the context's `.dockerignore`; None when there is none. Read through a link only
    when it stays in the repository; a regular file of at most 1 MiB."""
    relative = f"{dockerfile}.dockerignore"
    path = root / relative
    if not os.path.lexists(path):
        return None
    if _leads_out(root, relative):
        raise OutOfRepository(f"{escape_controls(relative)} is a symbolic link out of the repository")
    try:
        return encode(read_text(Path(os.path.realpath(path))))
    except OSError as error:
        raise OutOfRepository(f"{escape_controls(relative)} cannot be read ({error.strerror or error})") from None
