"""A bounded memo of a pure function of texts, which can also be told answers computed
elsewhere: the pool's workers compute each file's credentials and diff where the file was
checked, and the report, in the main process, finds them here instead of computing them again.

An answer is kept for a key only while the memo holds fewer than `limit` keys (the oldest goes
first), and only for keys whose texts are short (`small(key)`), so what it holds stays small
whatever a tree holds. A key it does not hold is computed, so an answer told for texts a later
step changed (a verifier dropping edits) is simply never asked for.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Answer = TypeVar("Answer")


class Memo(Generic[Key, Answer]):
    """`memo(key)` is `compute(key)`, kept for the `limit` latest keys that `small` accepts."""

    def __init__(self, compute: Callable[[Key], Answer], limit: int, small: Callable[[Key], bool]):
        self._compute = compute
        self._limit = limit
        self._small = small
        self._kept: dict[Key, Answer] = {}

    def __call__(self, key: Key) -> Answer:
        found = self._kept.get(key, self)  # the memo itself: no answer (None may be one)
        if found is not self:
            return found  # type: ignore[return-value]
        answer = self._compute(key)
        self.remember(((key, answer),))
        return answer

    def remember(self, answers: Iterable[tuple[Key, Answer]]) -> None:
        """Keep answers computed elsewhere (by the same function, on another process)."""
        for key, answer in answers:
            if not self._small(key):
                continue
            self._kept.pop(key, None)
            self._kept[key] = answer
            if len(self._kept) > self._limit:
                del self._kept[next(iter(self._kept))]

    def clear(self) -> None:
        self._kept.clear()
