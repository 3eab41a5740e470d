"""HB002 — a Python image without the usual container settings.

Why: without PYTHONUNBUFFERED logs arrive late or are lost when the container dies;
PYTHONDONTWRITEBYTECODE keeps .pyc files out of writable layers; and
PIP_DISABLE_PIP_VERSION_CHECK stops pip phoning home on every call.
Fix: one `ENV` line with the missing ones, right after the final stage's FROM. Applies when
the final stage is based on a Python image or installs python with apt-get/apk. A variable
already set (to any value) is left alone.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.bases import describe_base
from bot.dockerfile.layout import insert_after
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.packages import installed_packages
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB002"
SETTINGS = (("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"))


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    if not (describe_base(stage.external_base).is_python or _installs_python(doc, stage)):
        return
    present = stage.env_keys
    missing = [(k, v) for k, v in SETTINGS if k not in present]
    if not missing:
        return
    line = doc.keyword("ENV") + " " + " ".join(f"{k}={v}" for k, v in missing)
    names = ", ".join(k for k, _ in missing)
    yield finding(doc, CODE, stage.from_, f"Python image without {names}", (insert_after(doc, stage.from_, [line]),))


def _installs_python(doc: Dockerfile, stage) -> bool:
    lineage = stage.lineage()
    return any(package.startswith(("python3", "python", "py3-"))
               for run in doc.runs() if run.stage in lineage for package in installed_packages(run))


RULE = Rule(
    code=CODE,
    name="python-env",
    title='a Python image without the usual container settings',
    severity=Severity.INFO,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_STAGE,
    why="unbuffered output, no stray .pyc files and no pip self-update check belong in every Python image",
    example=Example('FROM python:3.12-slim\nCMD ["python", "app.py"]', 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1\nCMD ["python", "app.py"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
)
