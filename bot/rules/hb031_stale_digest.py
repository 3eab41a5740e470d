"""HB031 — a pinned digest that its tag no longer points to.

Why: a pin that never moves misses every security rebuild of its base; the tag says what
was meant, the registry says what it is now.
Fix: replace the digest with the one the tag points to now, of the same kind: an index
digest with the tag's index, one platform's manifest with that platform's manifest in the
tag's index now; the tag and everything else stay. A digest the registry no longer has
(deleted, garbage-collected: a build would fail to pull it) is replaced with the tag's. The
same for compose files and workflows.
Reported instead: a platform the tag's index no longer has, a tag that stopped being (or
became) an index, a gone digest whose tag does not resolve either, and a digest written where
it cannot be rewritten in place.
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
    if state.ref is None or state.ref.digest is None:
        return
    tagged = f"{state.ref.familiar}:{state.ref.tag}"
    old = short(state.ref.digest)
    if state.kind is Pin.UNWRITABLE:  # where the text cannot be rewritten: said, left to a person
        if state.digest is not None and state.digest != state.ref.digest:
            yield Finding(CODE, occurrence.path, occurrence.line,
                          f"{tagged} moved: {old} → {short(state.digest)}; {occurrence.note}")
        return
    if state.kind not in (Pin.STALE, Pin.GONE):
        return
    if state.kind is Pin.GONE:
        what, change = f"{tagged}: {old} is gone from the registry (deleted or garbage-collected)", ""
    else:
        platform = f"its {state.digest_kind} manifest " if "/" in state.digest_kind else ""
        what, change = f"{tagged} moved", f": {platform}{old}"
    if state.digest is None:
        yield Finding(CODE, occurrence.path, occurrence.line, f"{what}, but {state.reason}: {old} left as is")
    else:
        yield Finding(CODE, occurrence.path, occurrence.line, f"{what}{change} → {short(state.digest)}",
                      (Edit(digest_span(occurrence), state.digest),))


RULE = Rule(
    code=CODE,
    name="stale-digest",
    title='a pinned digest its tag no longer points to',
    severity=Severity.MEDIUM,
    security=True,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.IMAGE_REFERENCES,
    why="a digest its tag has moved on from misses the base image's security rebuilds",
    example=Example('FROM python:3.12-slim@sha256:<old>', 'FROM python:3.12-slim@sha256:<new>'),
    doc=__doc__ or "",
    check_occurrence=check_occurrence,
    fix_needs='the registry',
)
