"""Named errors. Each carries what a user needs to find and fix the problem."""
from __future__ import annotations


class HardenbotError(Exception):
    """Base class: str() is one line a user can act on."""


class DockerfileSyntaxError(HardenbotError):
    def __init__(self, path: str, line: int, reason: str):
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class FixError(DockerfileSyntaxError):
    """Hardening produced text that does not parse: a bug, caught before anything is written."""


class OverlappingEditsError(HardenbotError):
    def __init__(self, first: object, second: object):
        super().__init__(f"edits overlap: {first!r} and {second!r}")


class ConfigError(HardenbotError):
    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else path
        if len(reason) > 300:  # a value echoed in it can be as long as the file (a 4,000-digit uid)
            reason = reason[:299] + "…"
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class InvalidReferenceError(HardenbotError):
    """An image reference that does not follow the distribution reference grammar."""


class CodeOwnersError(HardenbotError):
    """A CODEOWNERS line GitHub would skip (bad pattern, bad owner), or a file it would not
    load: kept as data and reported, the other lines still apply."""

    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
