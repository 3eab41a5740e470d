"""DL3015 — `apt-get install` without `--no-install-recommends`.

Why: recommended packages widen the attack surface and the image, and nobody asked for them.
Fix: insert ` --no-install-recommends` right after `install`; nothing else on the line moves.
If the app relied on a package that only came as a recommendation, name it in the install.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import real_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3015"
_OFF = ("false", "0", "no", "off")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.shipped_runs():
        for script, command, install in real_installs(run):
            if command.has_option("--no-install-recommends"):
                continue
            settings = command.option_values("-o", "--option")
            if any(s.lower().startswith("apt::install-recommends=") and s.split("=", 1)[1].strip("\"'").lower() in _OFF
                   for s in settings):
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " --no-install-recommends")
            yield finding(doc, CODE, run.instruction,
                          f"{command.name} install without --no-install-recommends", (edit,))


RULE = Rule(
    code=CODE,
    name="apt-get-no-install-recommends",
    title='`apt-get install` without `--no-install-recommends`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_IMAGE,
    why="recommended packages widen the attack surface and the image for nothing",
    example=Example('RUN apt-get install -y curl', 'RUN apt-get install --no-install-recommends -y curl'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3015", "Trivy DS-0029"),
    onbuild=True,
    check=check,
)
