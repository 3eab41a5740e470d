"""DL3002 — the last USER of the final stage is root.

Why: the container runs as root on purpose; that is the riskiest way to run it.
Report only: an explicit `USER root` is a decision someone made, so a person should
revisit it (often a USER was switched to root for a RUN and never switched back).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, is_root_user
from bot.model.findings import Finding
from bot.rules.base import RuleOptions, finding

CODE = "DL3002"
NAME = "last-user-root"
SEVERITY = "high"
KIND = "report"
WHY = "the image is set to run as root on purpose; switch back to a non-root user after the steps that need root"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    user, instruction = doc.final_stage.last_user()
    if instruction is not None and is_root_user(user):
        yield finding(doc, CODE, instruction, f"the last USER is {user}: the container runs as root")
