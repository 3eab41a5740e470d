"""DL3019 — `apk add` without `--no-cache`.

Why: without `--no-cache`, apk leaves its package index in /var/cache/apk inside the layer.
Fix: insert ` --no-cache` right after `add`. Not when the RUN mounts a cache on /var/cache/apk.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import apk_adds
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3019"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.shipped_runs():
        if run.has_cache_mount("/var/cache/apk", "/etc/apk/cache"):
            continue
        for script, command, add in apk_adds(run):
            if command.has_option("--no-cache"):
                continue
            edit = Edit.insert(script.logical.original_end(add.end), " --no-cache")
            yield finding(doc, CODE, run.instruction, "apk add without --no-cache", (edit,))


RULE = Rule(
    code=CODE,
    name="apk-no-cache",
    title='`apk add` without `--no-cache`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="apk's index cache ships in the layer and is never used again",
    example=Example('RUN apk add curl', 'RUN apk add --no-cache curl'),
    doc=__doc__ or "",
    check=check,
)
