"""HB012 — pip downloads without a BuildKit cache mount (opt-in, replaces DL3042's fix).

Why: a cache mount keeps pip's downloads out of the image like `--no-cache-dir` does,
and also makes rebuilds fast, since the cache survives between builds.
Fix: `--mount=type=cache,target=/root/.cache/pip` right after `RUN`, and a
`# syntax=docker/dockerfile:1` first line when the file has no syntax directive. Only for
RUNs that run as root (the cache path is root's). Opt-in: it needs BuildKit, and CI caches
must be set up to benefit.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.dockerfile.layout import file_start
from bot.dockerfile.model import Dockerfile, Run, is_root_user
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.dl3042_pip_no_cache_dir import PIP_CACHES
from bot.rules.options import Option, OptionValueError
from bot.rules.packages import pip_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB012"
MOUNT = "--mount=type=cache,target=/root/.cache/pip"
FRONTEND = "docker/dockerfile:1"
PIP_CACHE_STYLES = ("no-cache-dir", "mount")


def _pip_cache_style(value: Any) -> str:
    if value not in PIP_CACHE_STYLES:
        raise OptionValueError(f"must be one of {', '.join(PIP_CACHE_STYLES)}, not {value!r}")
    return value


PIP_CACHE = Option("pip-cache", "`no-cache-dir` (DL3042's flag) or `mount`: BuildKit cache mounts instead (turns HB012 on)",
                   "no-cache-dir", _pip_cache_style, turns_on=lambda style: style == "mount")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.shipped_runs():
        if run.has_cache_mount(*PIP_CACHES) or "PIP_NO_CACHE_DIR" in run.stage.env_keys:
            continue
        installs = [c for _, c, _ in pip_installs(run) if not c.has_option("--no-cache-dir")]
        if not installs or not _runs_as_root(run):
            continue
        args_start = run.instruction.args.original(0)
        edits = [Edit.insert(args_start, " " + MOUNT)]
        if "syntax" not in doc.parsed.directives:
            edits.append(Edit.insert(file_start(doc), f"# syntax={FRONTEND}" + doc.newline))
        yield finding(doc, CODE, run.instruction, "pip install without a cache mount", tuple(edits))


def _runs_as_root(run: Run) -> bool:
    user = run.stage.last_before("USER", run.instruction)
    return is_root_user(user.rest if user is not None else None)


RULE = Rule(
    code=CODE,
    name="pip-cache-mount",
    title="pip downloads without a BuildKit cache mount (replaces DL3042's fix)",
    severity=Severity.LOW,
    on_by_default=False,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="a BuildKit cache mount keeps pip's cache out of the image and speeds up rebuilds",
    example=Example('FROM python:3.12-slim\nRUN pip install -r requirements.txt', '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt'),
    doc=__doc__ or "",
    saves_size=True,
    check=check,
    options=(PIP_CACHE,),
    adds_images=(FRONTEND,),
)
