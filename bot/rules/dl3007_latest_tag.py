"""DL3007 — FROM an image tagged `latest`.

Why: `latest` is whatever was pushed last; it changes without notice and says nothing about
what is inside.
Report only: choosing the version to pin is for a person.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.rules.base import RuleOptions, finding
from bot.rules.images import external_images

CODE = "DL3007"
NAME = "latest-tag"
SEVERITY = "medium"
KIND = "report"
WHY = "`latest` moves without notice: pin the version you tested"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    for stage, image in external_images(doc):
        if image.tag == "latest" and image.digest is None:
            yield finding(doc, CODE, stage.from_, f"{stage.base} uses the latest tag: pin a version")
