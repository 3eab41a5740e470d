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
