"""DL3002 — the last USER of the final stage is root.

Why: the container runs as root on purpose; that is the riskiest way to run it.
Report only: an explicit `USER root` is a decision someone made, so a person should
revisit it (often a USER was switched to root for a RUN and never switched back).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, is_root_user
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3002"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    user, instruction = doc.final_stage.last_user()
    if instruction is not None and is_root_user(user):
        yield finding(doc, CODE, instruction, f"the last USER is {user}: the container runs as root")


RULE = Rule(
    code=CODE,
    name="last-user-root",
    title='the last USER of the final stage is root',
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.FINAL_STAGE,
    why="the image is set to run as root on purpose; switch back to a non-root user after the steps that need root",
    example=Example('USER root\nCMD ["./app"]'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3002", "Checkov CKV_DOCKER_8", "Trivy DS-0002"),
    roles=frozenset({Role.SERVICE, Role.BASE}),
    check=check,
)
