"""DL3006 — FROM without a tag.

Why: an untagged image means `latest`, which moves under you: two builds of the same
commit can get different bases.
Report only: which tag is right is for a person (the registry work pins digests).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.images import external_images
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3006"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for stage, image in external_images(doc):
        if image.tag is None and image.digest is None:
            yield finding(doc, CODE, stage.from_, f"{stage.base} has no tag: pin a version")


RULE = Rule(
    code=CODE,
    name="untagged-image",
    title='FROM without a tag',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.EVERY_STAGE,
    why="an untagged base means whatever `latest` is today: builds stop being repeatable",
    example=Example('FROM debian'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3006", "Checkov CKV_DOCKER_7", "Trivy DS-0001"),
    check=check,
)
