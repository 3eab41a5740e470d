"""DL3007 — FROM an image tagged `latest`.

Why: `latest` is whatever was pushed last; it changes without notice and says nothing about
what is inside.
Report only: choosing the version to pin is for a person.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.images import external_images
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3007"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for stage, image in external_images(doc):
        if image.tag == "latest" and image.digest is None:
            yield finding(doc, CODE, stage.from_, f"{stage.base} uses the latest tag: pin a version")


RULE = Rule(
    code=CODE,
    name="latest-tag",
    title='FROM an image tagged `latest`',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.EVERY_STAGE,
    why="`latest` moves without notice: pin the version you tested",
    example=Example('FROM debian:latest'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3007", "Checkov CKV_DOCKER_7", "Trivy DS-0001"),
    check=check,
)
