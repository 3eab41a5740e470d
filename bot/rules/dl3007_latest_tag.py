"""DL3007 — an image tagged `latest`: in FROM, and in compose files and workflows.

Why: `latest` is whatever was pushed last; it changes without notice and says nothing about
what is inside.
Report only: choosing the version to pin is for a person.
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

CODE = "DL3007"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for stage, image in external_images(doc):
        if image.tag == "latest" and image.digest is None:
            yield finding(doc, CODE, stage.from_, f"{stage.base} uses the latest tag: pin a version")


def check_occurrence(occurrence: ImageOccurrence, context: RuleContext) -> Iterator[Finding]:
    """An image a compose file or a workflow names (a Dockerfile's are judged by `check`)."""
    try:
        ref = parse_reference(occurrence.text)
    except InvalidReferenceError:
        return
    if ref.tag == "latest" and ref.digest is None:
        yield Finding(CODE, occurrence.path, occurrence.line, f"{occurrence.text} uses the latest tag: pin a version")


RULE = Rule(
    code=CODE,
    name="latest-tag",
    title='an image tagged `latest`',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.EVERY_STAGE,
    why="`latest` moves without notice: pin the version you tested",
    example=Example('FROM debian:latest'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3007", "Checkov CKV_DOCKER_7", "Trivy DS-0001"),
    check=check,
    check_occurrence=check_occurrence,
)
