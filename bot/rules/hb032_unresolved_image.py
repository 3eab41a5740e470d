"""HB032 — an image the registry could not resolve.

Why: an image hardenbot cannot look up can be neither pinned nor refreshed; often the tag is
gone, the name is mistyped, or the registry needs credentials this run does not have.
Report only, with the registry's reason; every other image is still pinned.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.rules.base import RuleOptions
from bot.rules.pinning import pin_state

CODE = "HB032"
NAME = "unresolved-image"
SEVERITY = "low"
KIND = "report"
WHY = "an image that cannot be looked up can be neither pinned nor kept fresh"


def check_occurrence(occurrence: ImageOccurrence, options: RuleOptions) -> Iterator[Finding]:
    state = pin_state(occurrence, options)
    if state.kind == "unresolved":
        yield Finding(CODE, occurrence.path, occurrence.line, f"could not resolve {occurrence.text}: {state.reason}")
