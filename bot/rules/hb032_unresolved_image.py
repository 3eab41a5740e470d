"""HB032 — an image the registry could not resolve.

Why: an image hardenbot cannot look up can be neither pinned nor refreshed; often the tag is
gone, the name is mistyped, or the registry needs credentials this run does not have.
Report only, with the registry's reason; every other image is still pinned.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.rules.pinning import Pin, pin_state
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB032"


def check_occurrence(occurrence: ImageOccurrence, context: RuleContext) -> Iterator[Finding]:
    state = pin_state(occurrence, context)
    if state.kind is Pin.UNRESOLVED:
        yield Finding(CODE, occurrence.path, occurrence.line, f"could not resolve {occurrence.text}: {state.reason}")


RULE = Rule(
    code=CODE,
    name="unresolved-image",
    title='an image the registry could not resolve',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.IMAGE_REFERENCES,
    why="an image that cannot be looked up can be neither pinned nor kept fresh",
    example=Example('FROM ghcr.io/acme/gone:1.0'),
    doc=__doc__ or "",
    check_occurrence=check_occurrence,
)
