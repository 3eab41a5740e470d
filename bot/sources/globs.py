"""Globs over repository-relative paths, as `exclude:` and `roles:` in the configuration write them.

A glob is matched by walking every way through it at once (a set of positions in the pattern
per character of the path), not by a backtracking regex: a configuration is repository text,
and `**/**/**/…` would make a regex take exponential time."""
from __future__ import annotations

from functools import lru_cache

# Pieces of a compiled glob: a literal character, or one of these.
_ONE = "?"  # one character of a name
_NAME = "*"  # any run of characters within a name
_FOLDERS = "**/"  # any leading folders, or none
_ANY = "**"  # any run of characters, slashes too
_BELOW = "/…"  # the end, or a slash and anything below it
_PIECES = frozenset({_ONE, _NAME, _FOLDERS, _ANY, _BELOW})


class Glob:
    """A gitignore-like glob: `*` stays in one folder, `**` crosses folders, a pattern without
    `/` matches a name at any depth, and a folder's pattern also matches everything below it."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        pattern = pattern.strip()
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        anchored = "/" in pattern.rstrip("/")
        pattern = pattern.strip("/")
        pieces: list[str] = [] if anchored else [_FOLDERS]
        i = 0
        while i < len(pattern):
            for piece in (_FOLDERS, _ANY, _NAME, _ONE):
                if pattern.startswith(piece, i):
                    if not (piece == _FOLDERS and pieces and pieces[-1] == _FOLDERS):  # the same, twice
                        pieces.append(piece)
                    i += len(piece)
                    break
            else:
                pieces.append(pattern[i])
                i += 1
        pieces.append(_BELOW)
        self._pieces = tuple(pieces)

    def fullmatch(self, path: str) -> bool:
        """Whether the whole of `path` matches (named like `re.Pattern.fullmatch`)."""
        pieces = self._pieces
        end = len(pieces)
        # A state is (piece index, inside): inside a `**/` (before its slash) or past the
        # slash of the final `/…`.
        states = self._closure({(0, False)})
        for char in path:
            following: set[tuple[int, bool]] = set()
            for index, inside in states:
                if index == end:
                    continue
                piece = pieces[index]
                if piece == _FOLDERS:
                    following.add((index, True))
                    if char == "/":
                        following.add((index + 1, False))
                elif piece == _BELOW:
                    if inside or char == "/":
                        following.add((index, True))
                elif piece in (_NAME, _ANY):
                    if piece == _ANY or char != "/":
                        following.add((index, False))
                elif piece == _ONE:
                    if char != "/":
                        following.add((index + 1, False))
                elif piece == char:
                    following.add((index + 1, False))
            if not following:
                return False
            states = self._closure(following)
        return any(index == end or (index == end - 1 and inside) for index, inside in states)

    def _closure(self, states: set[tuple[int, bool]]) -> set[tuple[int, bool]]:
        """With every state reached by skipping pieces that may match nothing."""
        out, pending = set(states), list(states)
        while pending:
            index, inside = pending.pop()
            if index < len(self._pieces) and not inside and self._pieces[index] in _PIECES - {_ONE}:
                state = (index + 1, False)
                if state not in out:
                    out.add(state)
                    pending.append(state)
        return out


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> Glob:
    """The compiled glob (it has `fullmatch`, as the regex it replaces had)."""
    return Glob(pattern)


def glob_matches(pattern: str, path: str) -> bool:
    return glob_regex(pattern).fullmatch(path)
