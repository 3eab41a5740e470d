"""What fits in an issue or pull request body: GitHub keeps at most 65,536 characters, so a
long listing is cut at a budget, its first lines kept whole and the rest counted by the caller."""
from __future__ import annotations

from collections.abc import Iterable

GITHUB_BODY_LIMIT = 65536


def fitting(lines: Iterable[str], budget: int) -> list[str]:
    """The first of `lines` that fit in `budget` characters, a newline each."""
    shown = []
    for line in lines:
        if budget - len(line) - 1 < 0:
            break
        budget -= len(line) + 1
        shown.append(line)
    return shown
