"""`lazy_compile`: `re.compile`, put off until the pattern is first used.

Compiling is much of what importing a module of patterns costs, and `re`'s own cache only
spares a second compile of the same text. `hardenbot check` on one Dockerfile uses fewer than
half of the patterns the modules it loads declare: those for heredocs, compose files,
workflows, usage documents or a rare fix wait for a file that needs them. A pattern every
file meets stays `re.compile`d; one that only some files or some rules need is declared with
`lazy_compile`, and reads and is used exactly as the compiled pattern it stands for.
"""
from __future__ import annotations

import re
from typing import Any

# The methods the project calls on its patterns. The first use puts the compiled pattern's own
# bound methods on the instance, so that every later call finds them there directly.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression compiled on first use; used like the `re.Pattern` it becomes."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only asked for what the instance does not hold: its first use (or an attribute such
        # as `groups`, which `re`'s cache then answers without compiling again).
        compiled = re.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}{f', {self._flags}' if self._flags else ''})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return LazyPattern(pattern, flags)
