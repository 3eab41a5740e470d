"""DL3042 — `pip install` without `--no-cache-dir`.

Why: pip keeps a copy of every wheel it downloads in ~/.cache/pip, which then ships in
the layer and never serves again.
Fix: insert ` --no-cache-dir` right after `install`. Not when the RUN mounts a pip cache
(`--mount=type=cache,target=/root/.cache/pip`), when PIP_NO_CACHE_DIR is set, or when
HB012 (cache mounts) is enabled: then HB012 adds a cache mount instead.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import pip_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3042"
PIP_CACHES = ("/root/.cache/pip", "/root/.cache", "~/.cache/pip")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    if context.is_enabled("HB012"):
        return
    for run in doc.shipped_runs():
        if run.has_cache_mount(*PIP_CACHES) or "PIP_NO_CACHE_DIR" in run.stage.env_keys:
            continue
        for script, command, install in pip_installs(run):
            if command.has_option("--no-cache-dir"):
                continue
            if any(w.value.startswith("PIP_NO_CACHE_DIR=") for w in command.words[: command.argv_start]) \
                    or _exported_before(script, command):
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " --no-cache-dir")
            yield finding(doc, CODE, run.instruction, "pip install without --no-cache-dir", (edit,))


def _exported_before(script, command) -> bool:
    """`export PIP_NO_CACHE_DIR=1 && pip install …`: set for the rest of the script."""
    for earlier in script.script.commands:
        if earlier is command:
            return False
        if earlier.name == "export" and any(w.value.startswith("PIP_NO_CACHE_DIR=") for w in earlier.args()):
            return True
    return False


RULE = Rule(
    code=CODE,
    name="pip-no-cache-dir",
    title='`pip install` without `--no-cache-dir`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="pip's download cache ships in the layer and is never used again",
    example=Example('RUN pip install -r requirements.txt', 'RUN pip install --no-cache-dir -r requirements.txt'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3042",),
    onbuild=True,
    check=check,
)
