"""Logical text: what the builder sees once continuations are joined, mapped back to the file.

A Dockerfile instruction may span several physical lines (escape + newline, with comment
and empty lines dropped in between). Rules read the joined text; edits must land on the
original offsets. `Logical` keeps both, as a list of copied segments.
"""
from __future__ import annotations

from bisect import bisect_right

from bot.model.text import Span


class Logical:
    """A string assembled from pieces of an original text, with offsets back into it."""

    __slots__ = ("text", "_logical_starts", "_original_starts")

    def __init__(self, text: str, logical_starts: list[int], original_starts: list[int]):
        self.text = text
        self._logical_starts = logical_starts
        self._original_starts = original_starts

    @classmethod
    def build(cls, pieces: list[tuple[int, str]]) -> Logical:
        """`pieces`: (original offset, copied text) in order."""
        logical_starts: list[int] = []
        original_starts: list[int] = []
        at = 0
        for original, piece in pieces:
            if not piece:
                continue
            logical_starts.append(at)
            original_starts.append(original)
            at += len(piece)
        return cls("".join(p for _, p in pieces), logical_starts, original_starts)

    def moved(self, by: int) -> Logical:
        """The same text, copied from `by` characters further on in the original."""
        return Logical(self.text, self._logical_starts, [start + by for start in self._original_starts])

    def original(self, index: int) -> int:
        """The original offset of the logical character at `index`."""
        segment = bisect_right(self._logical_starts, index) - 1
        if segment < 0:
            return self._original_starts[0] if self._original_starts else 0
        return self._original_starts[segment] + index - self._logical_starts[segment]

    def original_end(self, end: int) -> int:
        """The original offset just past the logical character at `end - 1`."""
        if end <= 0:
            return self.original(0)
        return self.original(end - 1) + 1

    def copied_from(self, start: int, end: int) -> int | None:
        """The original offset of logical [start, end) when it was copied in one piece."""
        segment = bisect_right(self._logical_starts, start) - 1
        if segment < 0:
            return None
        following = segment + 1
        if following < len(self._logical_starts) and end > self._logical_starts[following]:
            return None
        return self._original_starts[segment] + start - self._logical_starts[segment]

    def span(self, start: int, end: int) -> Span:
        """The original span covering logical [start, end)."""
        if start >= end:
            at = self.original(start) if start < len(self.text) else self.original_end(start)
            return Span(at, at)
        return Span(self.original(start), self.original_end(end))

    def slice(self, start: int, end: int | None = None) -> Logical:
        """The logical text [start, end) with its own map."""
        end = len(self.text) if end is None else end
        if len(self._logical_starts) == 1:  # one piece, as most instructions are: nothing to reassemble
            low, high = max(start, 0), min(end, len(self.text))
            if low >= high:
                return Logical("", [], [])
            return Logical(self.text[low:high], [0], [self._original_starts[0] + low])
        pieces: list[tuple[int, str]] = []
        starts = self._logical_starts
        for i, seg_start in enumerate(starts):
            seg_end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
            lo, hi = max(seg_start, start), min(seg_end, end)
            if lo < hi:
                pieces.append((self._original_starts[i] + lo - seg_start, self.text[lo:hi]))
        return Logical.build(pieces)

    def __repr__(self) -> str:
        return f"Logical({self.text!r})"
