"""DL4006 — a RUN with a pipe, without `pipefail`.

Why: `curl … | sh` succeeds when curl fails, because a pipeline's status is its last
command's; the build goes on with a broken step.
Fix: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` just above the stage's first such RUN,
only when bash is known to exist in that base (Debian/Ubuntu family). Note that later RUNs
of the stage then run under bash instead of /bin/sh. Elsewhere (Alpine, unknown bases, a
SHELL already set without pipefail) it is reported for a person.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.bases import describe_base
from bot.dockerfile.layout import insert_before
from bot.dockerfile.model import Dockerfile, Run
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL4006"
SHELL_LINE = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    fixed_stages: set[int] = set()
    for stage in doc.stages:
        lineage = stage.lineage()
        if any(s.index in fixed_stages for s in lineage):
            continue
        run = next((r for r in doc.runs(stage) if _pipes_without_pipefail(r)), None)
        if run is None:
            continue
        shell = stage.last_before("SHELL", run.instruction)
        if shell is not None:
            if "pipefail" not in shell.args.text:
                yield finding(doc, CODE, run.instruction,
                              f"RUN with a pipe under the SHELL of line {shell.line}, which lacks -o pipefail")
            continue
        if not describe_base(stage.external_base).has_bash:
            yield finding(doc, CODE, run.instruction,
                          "RUN with a pipe and no pipefail; bash is not known in this base: "
                          "use `set -o pipefail` in a shell that has it")
            continue
        fixed_stages.add(stage.index)
        line = doc.keyword("SHELL") + SHELL_LINE[len("SHELL"):]
        yield finding(doc, CODE, run.instruction, "RUN with a pipe and no pipefail",
                      (insert_before(doc, run.instruction, [line]),))


def _pipes_without_pipefail(run: Run) -> bool:
    return any(s.script.has_pipe for s in run.scripts) and "pipefail" not in run.text


RULE = Rule(
    code=CODE,
    name="pipefail",
    title='a RUN with a pipe, without `pipefail`',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.EVERY_STAGE,
    why="a failing command before a pipe goes unnoticed and the build carries on broken",
    example=Example('RUN curl -fsSL https://example.com/install.sh | sh\nCMD ["./app"]', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | sh\nCMD ["./app"]'),
    doc=__doc__ or "",
    edits_in=frozenset({Role.SERVICE}),
    check=check,
)
