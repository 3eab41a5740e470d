"""What a pull request proposes, recorded in its body so that a run can still read it after a
person closed the pull request: the only memory hardenbot keeps is on GitHub.

A change is one rule's fix in one file, named as a reviewer sees it: the path, the rule, what
the rule says and the text it puts in. No offsets or line numbers, so an unrelated edit
elsewhere in the file changes nothing; a moved digest (new text put in), a new rule's fix or a
newly hardened file is a new change. The same fix repeated in a file (two `pip install` lines)
is one change: a fix turned down for a file stays turned down there, however often it recurs.

Each change is kept as a short token (36 bits of its SHA-256, 6 base64 characters) in the
hidden `<!-- hardenbot:state … -->` block. A monorepo with more than MAX_TOKENS changes keeps
one token a file instead (all of that file's changes together), and past that one token for
the whole set, so the block stays small beside GitHub's 65,536-character body.

A run proposes again only what is new: when every change it would make was in the pull request
a person closed, it proposes nothing (`covered_by`); otherwise `new_since` says which rules
bring which files.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from enum import StrEnum

from bot.model.results import FileResult
from bot.record import record

MAX_TOKENS = 3000
TOKEN_CHARS = 6
STATE = re.compile(r"<!-- hardenbot:state (\{.*?\}) -->")
CLOSED_BY_HARDENBOT = "nothing-left"  # the state's `closed` once hardenbot closed it itself


class Grain(StrEnum):
    """How finely a change set is kept: one token a change, a file, or the whole set."""
    CHANGE = "change"
    FILE = "file"
    WHOLE = "whole"


@record
class ChangeSet:
    grain: Grain
    tokens: frozenset[str]

    def state(self) -> dict[str, str]:
        """The fields the body's state block carries."""
        return {"changes": "".join(sorted(self.tokens)), "changes_by": self.grain.value}


def _token(*parts: str) -> str:
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).digest()
    return base64.b64encode(digest[:6]).decode()[:TOKEN_CHARS]


def _changes(results: Iterable[FileResult]) -> list[tuple[str, str, str]]:
    """(path, rule, token) for every change the results make, once each."""
    found = set()
    for result in results:
        if result.changed:
            for finding in result.hardened.applied:
                put_in = [edit.replacement for edit in finding.edits]
                if finding.creates is not None:
                    put_in += [finding.creates.path, finding.creates.text]
                found.add((result.path, finding.rule, _token(result.path, finding.rule, finding.message, *put_in)))
    return sorted(found)


def _file_tokens(changes: list[tuple[str, str, str]]) -> dict[str, str]:
    """Path → one token for all of that file's changes."""
    by_file: dict[str, list[str]] = {}
    for path, _, token in changes:
        by_file.setdefault(path, []).append(token)
    return {path: _token(path, *sorted(tokens)) for path, tokens in by_file.items()}


def _tokens(changes: list[tuple[str, str, str]], grain: Grain) -> frozenset[str]:
    if grain is Grain.CHANGE:
        return frozenset(token for _, _, token in changes)
    if grain is Grain.FILE:
        return frozenset(_file_tokens(changes).values())
    return frozenset([_token(*(token for _, _, token in changes))]) if changes else frozenset()


def change_set(results: Iterable[FileResult], grain: Grain | None = None) -> ChangeSet:
    """The results' changes, kept at `grain`, or at the finest one that stays under MAX_TOKENS."""
    changes = _changes(results)
    for candidate in ([grain] if grain else list(Grain)):
        tokens = _tokens(changes, candidate)
        if grain or len(tokens) <= MAX_TOKENS:
            return ChangeSet(candidate, tokens)
    raise AssertionError("unreachable: the whole set is one token")


def read_state(body: str) -> dict:
    """The last state block of a pull request body (a person may quote one above it); {} without."""
    blocks = STATE.findall(body)
    try:
        state = json.loads(blocks[-1]) if blocks else {}
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def proposed_in(body: str) -> ChangeSet | None:
    """The change set a pull request body records; None when it records none (an older
    hardenbot wrote it, or a person edited the block)."""
    state = read_state(body)
    changes, grain = state.get("changes"), state.get("changes_by")
    if not isinstance(changes, str) or grain not in set(Grain) or len(changes) % TOKEN_CHARS:
        return None
    return ChangeSet(Grain(grain), frozenset(changes[i:i + TOKEN_CHARS] for i in range(0, len(changes), TOKEN_CHARS)))


def closed_by_hardenbot(body: str) -> bool:
    return read_state(body).get("closed") == CLOSED_BY_HARDENBOT


def mark_closed_by_hardenbot(body: str) -> str:
    """`body` with its state block saying hardenbot closed the pull request itself (nothing was
    left to harden), so that no later run reads the closing as a person turning it down."""
    blocks = list(STATE.finditer(body))
    state = {**read_state(body), "closed": CLOSED_BY_HARDENBOT}
    block = f"<!-- hardenbot:state {json.dumps(state, sort_keys=True)} -->"
    if not blocks:
        return body.rstrip("\n") + f"\n\n{block}\n"
    last = blocks[-1]
    return body[:last.start()] + block + body[last.end():]


def covered_by(results: Iterable[FileResult], closed: ChangeSet) -> bool:
    """Whether every change the results make was already in the `closed` set."""
    return change_set(results, closed.grain).tokens <= closed.tokens


def new_since(results: Iterable[FileResult], closed: ChangeSet) -> list[tuple[str, list[str]]] | None:
    """Rule → the files it changes that the `closed` set did not have, by rule; None when the
    set was kept whole and cannot be compared change by change."""
    if closed.grain is Grain.WHOLE:
        return None
    changes = _changes(results)
    if closed.grain is Grain.FILE:
        new_files = {path for path, token in _file_tokens(changes).items() if token not in closed.tokens}
        new = {(path, rule) for path, rule, _ in changes if path in new_files}
    else:
        new = {(path, rule) for path, rule, token in changes if token not in closed.tokens}
    by_rule: dict[str, list[str]] = {}
    for path, rule in sorted(new):
        by_rule.setdefault(rule, []).append(path)
    return sorted(by_rule.items())
