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
from collections.abc import Iterator
from typing import Any

# The methods of `re.Pattern` the project calls.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class LazyPattern:
    """A regular expression compiled on first use; used like the `re.Pattern` it becomes.

    The first call of any method compiles, and puts the compiled pattern's own bound methods
    on the instance, where they shadow the methods below: every later call goes straight to
    `re`, with no indirection in the rules' inner loops."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return compiled

    def search(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        return self._compiled().finditer(*args)

    def findall(self, *args: Any) -> list[Any]:
        return self._compiled().findall(*args)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self._compiled().sub(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[str]:
        return self._compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}{f', {self._flags}' if self._flags else ''})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return LazyPattern(pattern, flags)
