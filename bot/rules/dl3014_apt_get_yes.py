"""DL3014 — `apt-get install` without `-y`.

Why: without `-y`, apt-get asks for a confirmation that no one can give in a build.
Fix: insert ` -y` right after `install`; nothing else on the line moves.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import real_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3014"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.runs():
        for script, command, install in real_installs(run):
            if command.has_option("-y", "--yes", "--assume-yes") or _quiet_level(command) >= 2:
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " -y")
            yield finding(doc, CODE, run.instruction, f"{command.name} install without -y", (edit,))


def _quiet_level(command) -> int:
    """`-qq`, `-q -q`, `--quiet --quiet` (or `-q=2`) imply -y for apt-get: each -q adds one."""
    level, explicit = 0, 0
    for word in command.args():
        value = word.value
        if value.startswith("-q=") or value.startswith("--quiet="):
            number = value.split("=", 1)[1]
            explicit = max(explicit, int(number) if number.isdigit() else 0)
        elif value == "--quiet":
            level += 1
        elif value.startswith("-") and not value.startswith("--") and value[1:].isalpha():
            level += value.count("q")
    return max(level, explicit)


RULE = Rule(
    code=CODE,
    name="apt-get-assume-yes",
    title='`apt-get install` without `-y`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.EVERY_STAGE,
    why="without -y, apt-get waits for a confirmation that no build can give",
    example=Example('RUN apt-get install curl', 'RUN apt-get install -y curl'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3014", "Trivy DS-0021"),
    onbuild=True,
    check=check,
)
