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
from bot.rules.base import RuleOptions, finding
from bot.rules.packages import installed_packages

CODE = "HB002"
NAME = "python-env"
SEVERITY = "info"
KIND = "fix"
WHY = "unbuffered output, no stray .pyc files and no pip self-update check belong in every Python image"
SETTINGS = (("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"))


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
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
