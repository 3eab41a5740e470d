"""HB002 — a Python application image without the usual container settings.

Why: without PYTHONUNBUFFERED logs arrive late or are lost when the container dies;
PYTHONDONTWRITEBYTECODE keeps .pyc files out of writable layers; and
PIP_DISABLE_PIP_VERSION_CHECK stops pip phoning home on every call.
Applies to Python applications only: the final stage's command runs Python (an interpreter
with a script, gunicorn, uvicorn, celery …) and its base is a Python image or it installs
Python; and only when the image sets none of the variables yet, nor starts Python with `-u` or `-B`
(whoever set one chose).
Fix: one `ENV` line, once, just after the FROM of the stage the final stage's lineage starts
from, so every stage built on it gets it; but not where a development stage (`AS dev`, one
that creates a `vscode` user, see `stage_purpose.py`) outside that lineage would inherit it:
then after the FROM of the first stage of the lineage none is built on, the final stage at the
latest. A development stage that compose's `target:` builds is not avoided: compose runs it
over the mounted source, where unbuffered logs and no root-owned `__pycache__` matter most.
PIP_DISABLE_PIP_VERSION_CHECK only where pip runs in that lineage.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.bases import describe_base
from bot.dockerfile.installs import installed_packages
from bot.dockerfile.layout import insert_after
from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.roles import container_command
from bot.dockerfile.stage_purpose import development_stage
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.packages import pip_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB002"
SETTINGS = (("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"))


PYTHON_RUNNERS = frozenset({"gunicorn", "uvicorn", "hypercorn", "daphne", "celery", "flask", "django-admin",
                            "waitress-serve", "locust", "streamlit", "fastapi", "uwsgi", "jupyter", "pytest"})
_INTERPRETER = re.compile(r"python[\d.]*|pypy[\d.]*")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    if not _runs_python(stage) or not (describe_base(stage.external_base).is_python or _installs_python(doc, stage)):
        return
    if any(key in stage.env_keys for key, _ in SETTINGS) or _interpreter_flags_chosen(stage):
        return
    pip_runs = any(True for run in doc.runs() if stage.built_on(run.stage) for _ in pip_installs(run))
    settings = [(k, v) for k, v in SETTINGS if pip_runs or k != "PIP_DISABLE_PIP_VERSION_CHECK"]
    line = doc.keyword("ENV") + " " + " ".join(f"{k}={v}" for k, v in settings)
    names = ", ".join(k for k, _ in settings)
    build = context.facts.compose_builds.get(doc.path)
    root = _first_shipped_only(doc, stage, build.target if build else None)
    yield finding(doc, CODE, root.from_, f"Python application image without {names}",
                  (insert_after(doc, root.from_, [line]),))


def _first_shipped_only(doc: Dockerfile, stage: Stage, compose_target: str | None) -> Stage:
    """The stage of the final stage's lineage, root first, that no development stage outside
    the lineage (but compose's target) is built on; the final stage itself when every one has
    such an heir."""
    lineage = stage.lineage()
    development = [s for s in doc.stages if s not in lineage and development_stage(doc, s) is not None
                   and (s.name is None or s.name != compose_target)]
    return next((s for s in reversed(lineage) if not any(d.built_on(s) for d in development)), stage)


def _runs_python(stage) -> bool:
    command = container_command(stage)
    if command is None:
        return False
    program = command[1][0].rsplit("/", 1)[-1]
    return bool(_INTERPRETER.fullmatch(program)) or program in PYTHON_RUNNERS or program.endswith(".py")


def _interpreter_flags_chosen(stage: Stage) -> bool:
    """The command starts Python with `-u` or `-B` (`python -u app.py`): the image chose its
    output and bytecode settings on the command line, as setting one of the variables would."""
    command = container_command(stage)
    words = command[1] if command else []
    if not words or not _INTERPRETER.fullmatch(words[0].rsplit("/", 1)[-1]):
        return False
    for word in words[1:]:  # the interpreter's own options come before the script, `-m` or `-c`
        if not word.startswith("-") or word.startswith("--") or word[1:2] in ("m", "c", ""):
            return False
        if word[1:].isalpha() and set(word[1:]) & {"u", "B"}:
            return True
    return False


def _installs_python(doc: Dockerfile, stage) -> bool:
    lineage = stage.lineage()
    return any(package.startswith(("python3", "python", "py3-"))
               for run in doc.runs() if run.stage in lineage for package in installed_packages(run))


RULE = Rule(
    code=CODE,
    name="python-env",
    title='a Python application image without the usual container settings',
    severity=Severity.INFO,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_IMAGE,
    why="unbuffered output, no stray .pyc files and no pip self-update check belong in every Python image",
    example=Example('FROM python:3.12-slim\nCMD ["python", "app.py"]', 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
)
