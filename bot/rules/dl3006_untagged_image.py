"""DL3006 — an image without a tag: in FROM, and in compose files and workflows.

Why: an untagged image means `latest`, which moves under you: two builds of the same
commit can get different bases.
Report only: which tag is right is for a person (HB030 pins what `latest` is today, as
`image:latest@sha256:…`).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.images import external_images
from bot.dockerfile.model import Dockerfile
from bot.errors import InvalidReferenceError
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence, parse_reference
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3006"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for stage, image in external_images(doc):
        if image.tag is None and image.digest is None:
            yield finding(doc, CODE, stage.from_, f"{stage.base} has no tag: pin a version")


def check_occurrence(occurrence: ImageOccurrence, context: RuleContext) -> Iterator[Finding]:
    """An image a compose file or a workflow names (a Dockerfile's are judged by `check`)."""
    try:
        ref = parse_reference(occurrence.text)
    except InvalidReferenceError:
        return
    if ref.tag is None and ref.digest is None:
        yield Finding(CODE, occurrence.path, occurrence.line, f"{occurrence.text} has no tag: pin a version")


RULE = Rule(
    code=CODE,
    name="untagged-image",
    title='an image without a tag',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.EVERY_STAGE,
    why="an untagged base means whatever `latest` is today: builds stop being repeatable",
    example=Example('FROM debian'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3006", "Checkov CKV_DOCKER_7", "Trivy DS-0001"),
    check=check,
    check_occurrence=check_occurrence,
)
