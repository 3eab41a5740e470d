"""HB014 — a service image without HEALTHCHECK.

Why: without a health check, a hung process looks healthy to Docker and Compose, and
nothing restarts it.
Applies to final stages that EXPOSE a port (a network service) and set no HEALTHCHECK
(`HEALTHCHECK NONE` counts as a decision). Reported by default: the right probe depends on
the app. With `healthcheck-command` configured, `HEALTHCHECK CMD <command>` is added just
above the first CMD/ENTRYPOINT.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.dockerfile.layout import append_to_stage, insert_before
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding, own_anchor
from bot.rules.options import Option, OptionValueError
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB014"


def _one_line_command(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise OptionValueError("must be a one-line shell command")
    return value


HEALTHCHECK_COMMAND = Option("healthcheck-command", "the probe HB014 adds as `HEALTHCHECK CMD …`; without it HB014 reports",
                             None, _one_line_command)


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    keywords = {inst.keyword for inst in stage.all_instructions()}
    if "EXPOSE" not in keywords or "HEALTHCHECK" in keywords:
        return
    command = context.options[HEALTHCHECK_COMMAND]
    if not command:
        yield finding(doc, CODE, stage.from_, "service image without HEALTHCHECK: add one that probes the app")
        return
    line = f"{doc.keyword('HEALTHCHECK')} CMD {command}"
    anchor = own_anchor(stage)
    edit = insert_before(doc, anchor, [line]) if anchor else append_to_stage(doc, stage, [line])
    yield finding(doc, CODE, stage.from_, "service image without HEALTHCHECK: add the configured health check", (edit,))


RULE = Rule(
    code=CODE,
    name="healthcheck",
    title='a service image (one that EXPOSEs a port) without HEALTHCHECK',
    severity=Severity.INFO,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_STAGE,
    why="without a health check a hung service looks healthy and is never restarted",
    example=Example('EXPOSE 8080\nCMD ["./server"]', 'EXPOSE 8080\nHEALTHCHECK CMD curl -fsS http://localhost:8080/healthz || exit 1\nCMD ["./server"]'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3057", "Checkov CKV_DOCKER_2", "Trivy DS-0026"),
    roles=frozenset({Role.SERVICE}),
    check=check,
    options=(HEALTHCHECK_COMMAND,),
    fix_needs='`healthcheck-command`; reported without it',
)
