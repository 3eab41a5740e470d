"""HB031 — a pinned digest that its tag no longer points to.

Why: a pin that never moves misses every security rebuild of its base; the tag says what
was meant, the registry says what it is now.
Fix: replace the digest with the one the tag points to now; the tag and everything else
stay. The same for compose files and workflows.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.text import Edit
from bot.rules.pinning import Pin, digest_span, pin_state, short
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB031"


def check_occurrence(occurrence: ImageOccurrence, context: RuleContext) -> Iterator[Finding]:
    state = pin_state(occurrence, context)
    if state.ref is None or state.digest is None or state.ref.digest is None or state.ref.digest == state.digest:
        return
    moved = f"{state.ref.familiar}:{state.ref.tag} moved: {short(state.ref.digest)} → {short(state.digest)}"
    if state.kind is Pin.STALE:
        yield Finding(CODE, occurrence.path, occurrence.line, moved, (Edit(digest_span(occurrence), state.digest),))
    elif state.kind is Pin.UNWRITABLE:
        yield Finding(CODE, occurrence.path, occurrence.line, f"{moved}; {occurrence.note}")


RULE = Rule(
    code=CODE,
    name="stale-digest",
    title='a pinned digest its tag no longer points to',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.IMAGE_REFERENCES,
    why="a digest its tag has moved on from misses the base image's security rebuilds",
    example=Example('FROM python:3.12-slim@sha256:<old>', 'FROM python:3.12-slim@sha256:<new>'),
    doc=__doc__ or "",
    check_occurrence=check_occurrence,
    fix_needs='the registry',
)
