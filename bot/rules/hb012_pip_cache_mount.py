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

from bot.dockerfile.layout import file_start
from bot.dockerfile.model import Dockerfile, is_root_user
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import RuleOptions, finding
from bot.rules.dl3042_pip_no_cache_dir import PIP_CACHES
from bot.rules.packages import pip_installs

CODE = "HB012"
NAME = "pip-cache-mount"
SEVERITY = "low"
KIND = "opt-in"
WHY = "a BuildKit cache mount keeps pip's cache out of the image and speeds up rebuilds"
MOUNT = "--mount=type=cache,target=/root/.cache/pip"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    for run in doc.runs():
        if run.has_cache_mount(*PIP_CACHES) or "PIP_NO_CACHE_DIR" in run.stage.env_keys:
            continue
        installs = [c for _, c, _ in pip_installs(run) if not c.has_option("--no-cache-dir")]
        if not installs or not _runs_as_root(run):
            continue
        args_start = run.instruction.args.original(0)
        edits = [Edit.insert(args_start, " " + MOUNT)]
        if "syntax" not in doc.parsed.directives:
            edits.append(Edit.insert(file_start(doc), "# syntax=docker/dockerfile:1" + doc.newline))
        yield finding(doc, CODE, run.instruction, "pip install without a cache mount", tuple(edits))


def _runs_as_root(run) -> bool:
    user = None
    for inst in run.stage.all_instructions():
        if inst is run.instruction:
            break
        if inst.keyword == "USER":
            user = inst.rest
    return is_root_user(user)
