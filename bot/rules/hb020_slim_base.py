"""HB020 — the final image is built on a full base where a slim variant exists.

Why: full Debian-based images carry compilers, headers and hundreds of packages the app
never uses, each one more CVE to triage; `-slim` variants drop them.
Report only: the app may rely on something only the full image has.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.bases import describe_base
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB020"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    root = stage.lineage()[-1]
    slim = describe_base(root.resolved_base).slim_variant
    if slim:
        yield finding(doc, CODE, root.from_, f"{root.base} is the full image: consider {slim}")


RULE = Rule(
    code=CODE,
    name="slim-base",
    title='the final image is built on a full base where a slim variant exists',
    severity=Severity.LOW,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.FINAL_STAGE,
    why="a full base image ships hundreds of unused packages, each one more CVE to triage",
    example=Example('FROM python:3.12\nCMD ["python", "app.py"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
)
