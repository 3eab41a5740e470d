"""The types every layer shares: spans of text, edits to them, and findings."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """Offsets into the original text (str indices), end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Edit:
    span: Span
    replacement: str

    @staticmethod
    def insert(at: int, text: str) -> Edit:
        return Edit(Span(at, at), text)


@dataclass(frozen=True)
class Finding:
    rule: str  # "DL3015", "HB001" …
    path: str  # repository-relative, forward slashes
    line: int  # 1-based, the instruction's first line
    message: str  # one line a maintainer can act on
    edits: tuple[Edit, ...] = ()  # empty: reported, needs a person

    @property
    def fixable(self) -> bool:
        return bool(self.edits)


@dataclass(frozen=True)
class ImageOccurrence:
    """An image reference written in a file: a FROM, an ARG default, a compose `image:`."""

    path: str
    line: int
    text: str  # the reference (for ARG-built ones: as the defaults resolve it)
    span: Span | None  # where the reference text sits; None when it cannot be rewritten in place
    where: str  # "FROM", "ARG BASE", "services.db.image", "jobs.test.container.image" …
    note: str = ""  # why it cannot be rewritten, when span is None


@dataclass(frozen=True)
class DigestChange:
    """A digest hardenbot pinned or refreshed."""

    path: str
    line: int
    registry: str
    repository: str
    image: str  # as people write it: python, ghcr.io/acme/api
    tag: str
    old: str | None  # None: newly pinned
    new: str
