"""DL3014 — `apt-get install` without `-y`.

Why: without `-y`, apt-get asks for a confirmation that no one can give in a build.
Fix: insert ` -y` right after `install`; nothing else on the line moves.
Example: `apt-get install curl` → `apt-get install -y curl`.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import RuleOptions, finding
from bot.rules.packages import apt

CODE = "DL3014"
NAME = "apt-get-assume-yes"
SEVERITY = "low"
KIND = "fix"
WHY = "without -y, apt-get waits for a confirmation that no build can give"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    for run in doc.runs():
        for script, command, install in apt(run, "install"):
            if command.has_option("-y", "--yes", "--assume-yes") or _quiet_level(command) >= 2:
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " -y")
            yield finding(doc, CODE, run.instruction, f"{command.name} install without -y", (edit,))


def _quiet_level(command) -> int:
    """`-qq` (or `-q=2`) implies -y for apt-get."""
    level = 0
    for word in command.args():
        value = word.value
        if value.startswith("-q=") or value.startswith("--quiet="):
            level = max(level, int(value.split("=", 1)[1]) if value.split("=", 1)[1].isdigit() else 0)
        elif value.startswith("-") and not value.startswith("--") and value[1:].isalpha():
            level = max(level, value.count("q"))
    return level
