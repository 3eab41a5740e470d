"""CODEOWNERS as GitHub reads it: which people and teams own a path.

GitHub reads the first of `.github/CODEOWNERS`, `CODEOWNERS` and `docs/CODEOWNERS`, and not at
all when it is 3 MiB or more. Each line is a pattern and its owners (`@user`, `@org/team`, an
e-mail address); `#` starts a comment, at the start of a line or of a word after the pattern.
Patterns are gitignore's, less what GitHub's "About code owners" says does not work: `!`
negation, `[ ]` ranges and a `\\#` escape are reported, not guessed at. A pattern with a slash
before its end is anchored at the root, one without matches at any depth; `*` and `?` stay in
a name, `**` crosses folders; a trailing `/` matches only folders; a match on a folder owns
everything below it, except that a last `*` owns only the files of its folder (`docs/*`).
The last matching line wins, and a matching line without owners leaves the path unowned.
A line GitHub would skip (bad pattern, bad owner) is reported with its number and skipped:
it neither assigns nor unassigns.

Matching walks the pattern's folders and each name's wildcards as sets of positions, never by
backtracking: time grows with the path's length times the pattern's, whatever the pattern.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from bot.errors import CodeOwnersError
from bot.record import record

CODEOWNERS_PATHS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
MAX_BYTES = 3 << 20  # GitHub loads no CODEOWNERS of 3 MiB or more

_STAR = object()  # any run of characters within a name
_ONE = object()  # one character of a name
_DEEP = "**"  # any number of folders
_LINES = object()  # in the index of lines: the lines filed at a folder
_USER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98})")
_TEAM = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98})/[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,98})")
_EMAIL = re.compile(r"[^@\s/\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


@record
class OwnerRule:
    """One valid line: its pattern and owners (none: the paths it matches are unowned)."""
    line: int
    pattern: str
    owners: tuple[str, ...]


@record
class CodeOwners:
    """A parsed CODEOWNERS file; `path` is None when the repository has none."""
    path: str | None = None
    rules: tuple[OwnerRule, ...] = ()
    errors: tuple[CodeOwnersError, ...] = ()

    def __post_init__(self) -> None:
        # Lines are filed under the literal folders their pattern starts with (`/services/api/`
        # under services → api), so a path is checked against the lines on its way down and
        # those starting with a wildcard, not against all of a 3 MiB file.
        compiled = tuple(_Pattern(rule.pattern) for rule in self.rules)
        root: dict = {}
        for index, pattern in enumerate(compiled):
            node = root
            for name in pattern.literal_prefix():
                node = node.setdefault(name, {})
            node.setdefault(_LINES, []).append(index)
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_index", root)

    def rule_for(self, path: str) -> OwnerRule | None:
        """The line that decides `path` (the last that matches), or None."""
        node, candidates = self._index, list(self._index.get(_LINES, ()))
        for name in path.split("/"):
            node = node.get(name)
            if node is None:
                break
            candidates.extend(node.get(_LINES, ()))
        for index in sorted(candidates, reverse=True):
            if self._compiled[index].matches(path):
                return self.rules[index]
        return None

    def owners_of(self, path: str) -> tuple[str, ...]:
        """The owners of a repository-relative file path; () when no line gives it any."""
        rule = self.rule_for(path)
        return rule.owners if rule is not None else ()


def read_codeowners(root: Path) -> CodeOwners:
    """The CODEOWNERS file GitHub would use for the tree at `root` (none: an empty one)."""
    for name in CODEOWNERS_PATHS:
        path = root / name
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if os.path.realpath(path) != os.path.join(os.path.realpath(root), name) or not stat.S_ISREG(mode):
            return CodeOwners(name, errors=(CodeOwnersError(name, None, "a link or not a regular file: not read"),))
        try:
            data = _read_bounded(path)
        except OSError as error:
            reason = error.strerror if error.errno == errno.EFBIG else f"cannot read: {error.strerror or error}"
            return CodeOwners(name, errors=(CodeOwnersError(name, None, reason),))
        return parse_codeowners(data.decode("utf-8", errors="replace"), name)
    return CodeOwners()


def _read_bounded(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(MAX_BYTES)
    if len(data) >= MAX_BYTES:
        raise OSError(errno.EFBIG, "3 MiB or more: GitHub does not load it, so no path has code owners")
    return data


def parse_codeowners(text: str, path: str = "CODEOWNERS") -> CodeOwners:
    """Every valid line as a rule; every line GitHub would skip as an error with its number."""
    rules, errors = [], []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        try:
            rules.append(_rule(number, line.strip()))
        except ValueError as error:
            errors.append(CodeOwnersError(path, number, str(error)))
    return CodeOwners(path, tuple(rules), tuple(errors))


def _rule(number: int, line: str) -> OwnerRule:
    pattern, rest = _split_pattern(line)
    _Pattern(pattern)  # refuses what GitHub does not read
    owners = []
    for word in rest.split():
        if word.startswith("#"):  # an inline comment runs to the end of the line
            break
        if not (_USER.fullmatch(word) or _TEAM.fullmatch(word) or _EMAIL.fullmatch(word)):
            raise ValueError(f"invalid owner {_quote(word)}: owners are @user, @org/team or an e-mail address")
        owners.append(word.lower())  # GitHub's logins, team slugs and e-mail domains ignore case
    return OwnerRule(number, pattern, tuple(dict.fromkeys(owners)))


def _split_pattern(line: str) -> tuple[str, str]:
    """The pattern (up to the first whitespace a backslash does not escape) and the rest."""
    index = 0
    while index < len(line) and not line[index].isspace():
        index += 2 if line[index] == "\\" else 1
    return line[:index], line[index:]


def _quote(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:79] + "…")


class _Pattern:
    """A compiled CODEOWNERS pattern: a list of folder pieces, each `**` or a name's tokens."""

    def __init__(self, pattern: str):
        if pattern.startswith("!"):
            raise ValueError(f"pattern {_quote(pattern)}: GitHub does not support `!` negation")
        if pattern.startswith("\\#"):
            raise ValueError(f"pattern {_quote(pattern)}: GitHub does not read a `\\#` escape")
        if pattern.strip("/") == "":
            raise ValueError(f"pattern {_quote(pattern)} matches nothing (`*` is every file)")
        self.folders_only = pattern.endswith("/")
        body = pattern.rstrip("/") if self.folders_only else pattern
        anchored = "/" in body
        names = body.lstrip("/").split("/")
        if "" in names:
            raise ValueError(f"pattern {_quote(pattern)} has an empty folder name (`//`)")
        pieces: list[object] = [] if anchored else [_DEEP]
        for name in names:
            piece = _DEEP if name == "**" else _name_tokens(name, pattern)
            if not (piece is _DEEP and pieces and pieces[-1] is _DEEP):  # `**/**` is `**`
                pieces.append(piece)
        self.pieces = tuple(pieces)
        # `docs/*` owns the files of docs, not those of its folders (GitHub's own example).
        self.below = self.folders_only or pieces[-1] != [_STAR]

    def literal_prefix(self) -> list[str]:
        """The names the pattern starts with that have no wildcard (none when unanchored)."""
        names = []
        for piece in self.pieces:
            if piece is _DEEP or any(not isinstance(token, str) for token in piece):
                break
            names.append("".join(piece))
        return names

    def matches(self, path: str) -> bool:
        """Whether the file `path` (repository-relative) is matched, itself or by a folder above it."""
        pieces, end = self.pieces, len(self.pieces)
        names = path.split("/")
        states = self._closure({0})
        for index, name in enumerate(names):
            following = set()
            for state in states:
                if state == end:
                    continue
                piece = pieces[state]
                if piece is _DEEP:
                    following.update((state, state + 1))
                elif _name_matches(piece, name):
                    following.add(state + 1)
            if not following:
                return False
            states = self._closure(following)
            if end in states:
                last = index == len(names) - 1
                if (last and not self.folders_only) or (not last and self.below):
                    return True
        return False

    def _closure(self, states: set[int]) -> set[int]:
        """With the states reached by `**` matching no folder; a last `**` needs one (`a/**`
        is what is inside a, not a itself)."""
        out = set(states)
        for state in sorted(states):
            while state < len(self.pieces) - 1 and self.pieces[state] is _DEEP:
                state += 1
                out.add(state)
        return out


def name_glob_matches(glob: str, name: str) -> bool:
    """Whether one folder or file name matches one name of a glob (`*`, `?`, `\\` escapes);
    ValueError for what CODEOWNERS does not read (`[ ]`)."""
    return _name_matches(_name_tokens(glob, glob), name)


def _name_tokens(name: str, pattern: str) -> list[object]:
    tokens: list[object] = []
    index = 0
    while index < len(name):
        char = name[index]
        if char == "\\":
            if index + 1 == len(name):
                raise ValueError(f"pattern {_quote(pattern)} ends a name with a lone backslash")
            tokens.append(name[index + 1])
            index += 2
            continue
        if char in "[]":
            raise ValueError(f"pattern {_quote(pattern)}: GitHub does not support `[ ]` character ranges")
        if char == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        else:
            tokens.append(_ONE if char == "?" else char)
        index += 1
    return tokens


def _name_matches(tokens: list[object], name: str) -> bool:
    """Wildcard match of one name: on a mismatch, only the last `*` takes one more character,
    which is enough for `*` and `?` alone (no backtracking past it), so time is at worst the
    product of the two lengths."""
    token = position = 0
    star, resume = -1, 0
    while position < len(name):
        if token < len(tokens) and (tokens[token] is _ONE or tokens[token] == name[position]):
            token += 1
            position += 1
        elif token < len(tokens) and tokens[token] is _STAR:
            star, resume = token, position
            token += 1
        elif star >= 0:
            resume += 1
            token, position = star + 1, resume
        else:
            return False
    while token < len(tokens) and tokens[token] is _STAR:
        token += 1
    return token == len(tokens)
