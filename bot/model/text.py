"""Spans of a file's text and edits to them; edits are spliced by exact offsets, so untouched
bytes stay untouched by construction."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

from bot.errors import OverlappingEditsError
from bot.record import record


@record(order=True)
class Span:
    """Offsets into the original text (str indices), end exclusive."""

    start: int
    end: int


@record
class Edit:
    """Replace the bytes of `span` with `replacement` (an empty span inserts)."""
    span: Span
    replacement: str

    @staticmethod
    def insert(at: int, text: str) -> Edit:
        return Edit(Span(at, at), text)


def overlaps(a: Edit, b: Edit) -> bool:
    """Two edits collide when their spans share a character, or one inserts inside the other.

    Insertions at the same offset do not collide: they are applied in the order given.
    """
    a_insert, b_insert = a.span.start == a.span.end, b.span.start == b.span.end
    if a_insert and b_insert:
        return False
    if a_insert:
        return b.span.start < a.span.start < b.span.end
    if b_insert:
        return a.span.start < b.span.start < a.span.end
    return a.span.start < b.span.end and b.span.start < a.span.end


class EditSet:
    """Edits accepted so far, none colliding with another: whether a new one collides (as
    `overlaps` says) in log time, where comparing it with every one would make a file of many
    fixes quadratic."""

    def __init__(self) -> None:
        self._starts: list[int] = []  # replacements, sorted; disjoint, so their ends are sorted too
        self._ends: list[int] = []
        self._inserts: list[int] = []  # offsets of insertions, sorted

    def collides(self, edit: Edit) -> bool:
        start, end = edit.span.start, edit.span.end
        # The replacement starting last before `end` (or before an insertion's offset) is the
        # only one that can reach past `start`.
        before = bisect_left(self._starts, end) - 1
        if start == end:
            return before >= 0 and self._ends[before] > start
        if before >= 0 and self._ends[before] > start:
            return True
        inside = bisect_right(self._inserts, start)
        return inside < len(self._inserts) and self._inserts[inside] < end

    def add(self, edit: Edit) -> None:
        start, end = edit.span.start, edit.span.end
        if start == end:
            insort(self._inserts, start)
        else:
            at = bisect_left(self._starts, start)
            self._starts.insert(at, start)
            self._ends.insert(at, end)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits. Identical edits count once; inserts at one offset keep order."""
    unique: list[Edit] = []
    seen: set[Edit] = set()
    for edit in edits:
        if edit not in seen:
            seen.add(edit)
            unique.append(edit)
    ordered = sorted(enumerate(unique), key=lambda pair: (pair[1].span.start, pair[1].span.end > pair[1].span.start, pair[0]))
    out: list[str] = []
    at = 0
    previous: Edit | None = None
    for _, edit in ordered:
        if previous is not None and overlaps(previous, edit):
            raise OverlappingEditsError(previous, edit)
        if edit.span.start < at:
            raise OverlappingEditsError(previous, edit)
        out.append(text[at : edit.span.start])
        out.append(edit.replacement)
        at = edit.span.end
        previous = edit
    out.append(text[at:])
    return "".join(out)


EXCERPT_LIMIT = 80


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """At most `limit` characters of repository text for a message: a hostile file must not
    make a message as long as itself."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """Control characters written as Python escapes (`\\n`, `\\x1b`): a file name holding a
    newline must not start a line of its own in a log (where the runner reads workflow
    commands) or a block of a pull request body, nor an escape drive a terminal."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
