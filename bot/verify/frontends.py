"""Which `# syntax=` frontends a verify build may run.

Why: the image a `# syntax=` line names (also below a `#!` line, where BuildKit still finds it)
is pulled and run by the engine itself, inside BuildKit, with the engine's network whatever
`--network none` says: a repository could have any image of its choosing run on the runner's
engine. Only the repositories on `verify.frontends` run, and only pinned by digest. A tag of
one (`docker/dockerfile:1`) is built pinned to the digest hardenbot looked up for it, the pin
HB030 writes, so the engine runs the image that was looked up, never what the tag points to
by the time it builds; without that lookup (offline) it is not built.

BuildKit also takes the frontend from the BUILDKIT_SYNTAX build argument (only from the
command line, not from an `ARG` default in the file); verify builds get no build arguments.
"""
from __future__ import annotations

from collections.abc import Mapping

from bot.dockerfile.parser import parse
from bot.errors import HardenbotError, InvalidReferenceError
from bot.model.images import ImageKey, Resolution, image_key, parse_reference
from bot.model.text import escape_controls, excerpt


class BuildRefused(HardenbotError):
    """The file would have the engine run or fetch what a verify build never lets it."""


class FrontendRefused(BuildRefused):
    """The file names a frontend verify does not run."""


def admitted(text: str, path: str, allowed: tuple[str, ...],
             digests: Mapping[ImageKey, Resolution] | None) -> str:
    """The text to build: `text` itself, or with its frontend's tag pinned to the digest
    looked up for it. FrontendRefused when its frontend may not run."""
    span = parse(text, path).frontend
    if span is None:
        return text
    written = text[span.start:span.end]
    shown = escape_controls(excerpt(written, 100))
    try:
        ref = parse_reference(written)
    except InvalidReferenceError:
        raise FrontendRefused(f"frontend {shown} is not on verify.frontends") from None
    if ref.full_name not in allowed:
        raise FrontendRefused(f"frontend {shown} is not on verify.frontends")
    if ref.digest:
        return text
    key = image_key(ref)
    found = (digests or {}).get(key) if key else None
    if found is None or not found.digest:
        raise FrontendRefused(f"frontend {shown} is not pinned by digest and its digest was not looked up")
    return f"{text[:span.start]}{written}@{found.digest}{text[span.end:]}"
