"""The lines of a file out of an image, one at a time: `str.splitlines()` would list them all
first, and a hostile file of 16 MiB of `a\\n` makes eight million strings."""
from __future__ import annotations

from collections.abc import Iterator


def lines(text: str) -> Iterator[str]:
    """Each line without its `\\n` (or `\\r\\n`)."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop < 0:
            stop = end
        yield text[start:stop].removesuffix("\r")
        start = stop + 1
