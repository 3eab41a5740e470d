"""HB014 — a service image without HEALTHCHECK.

Why: without a health check, a hung process looks healthy to Docker and Compose, and
nothing restarts it.
Applies to final stages that EXPOSE a port (a network service) and set no HEALTHCHECK
(`HEALTHCHECK NONE` counts as a decision). The health check goes just above the first
CMD/ENTRYPOINT (at the stage's end without one):
- with `healthcheck-command` configured, `HEALTHCHECK CMD <command>`, with or without
  `--verify`: a person chose it, so it is not held to the proof (a probe that needs the
  network or a database would fail in the verify container and still be right);
- else, only under `fix --verify`, one derived from the file (`health_probe.py`): an HTTP
  request with any status to the first TCP port EXPOSEd, made with python3, node, curl or
  wget, whichever the image has, bounded by `--interval=30s --timeout=5s
  --start-period=30s --retries=3`. Kept only when the built container becomes healthy; a
  port named by a variable, a range, only UDP ports or no known probe are reported, saying
  which. Without `--verify` it reports.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from bot.dockerfile.layout import append_to_stage, insert_before
from bot.dockerfile.model import Dockerfile, Stage
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding, own_anchor
from bot.rules.health_probe import NoHealthProbe, derive_probe
from bot.rules.options import Option, OptionValueError
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

if TYPE_CHECKING:  # annotations only: a proof's evidence exists once images were built (`fix --verify`)
    from bot.model.proof import ProofEvidence

CODE = "HB014"
MESSAGE = "service image without HEALTHCHECK"


def _one_line_command(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise OptionValueError("must be a one-line shell command")
    return value


HEALTHCHECK_COMMAND = Option("healthcheck-command", "the probe HB014 adds as `HEALTHCHECK CMD …`, with or without "
                             "--verify; without it HB014 derives one under --verify, else reports", None, _one_line_command)


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    keywords = {inst.keyword for inst in stage.all_instructions()}
    if "EXPOSE" not in keywords or "HEALTHCHECK" in keywords:
        return
    command = context.options[HEALTHCHECK_COMMAND]
    if command:
        yield _added(doc, stage, f"{doc.keyword('HEALTHCHECK')} CMD {command}", "add the configured health check",
                     configured=True)
        return
    if not context.proving:
        yield finding(doc, CODE, stage.from_, f"{MESSAGE}: add one that probes the app")
        return
    try:
        probe = derive_probe(doc, stage)
    except NoHealthProbe as error:
        yield finding(doc, CODE, stage.from_, f"{MESSAGE}: add one that probes the app (none derived: {error})")
        return
    yield _added(doc, stage, probe.instruction(doc), f"add a derived health check ({probe.what})")


def _added(doc: Dockerfile, stage: Stage, line: str, what: str, configured: bool = False) -> Finding:
    anchor = own_anchor(stage)
    edit = insert_before(doc, anchor, [line]) if anchor else append_to_stage(doc, stage, [line])
    if edit is None:
        return Finding(CODE, doc.path, stage.from_.line, f"{MESSAGE}: {what} by hand (the file ends inside a line "
                       "continuation, which a line added after it would join)", (), configured)
    return Finding(CODE, doc.path, stage.from_.line, f"{MESSAGE}: {what}", (edit,), configured)


def became_healthy(evidence: ProofEvidence) -> str | None:
    """The derived health check is proven when the hardened container, running its own
    command, became healthy by it."""
    image = evidence.after.image
    start = image.start if image is not None else None
    if start is None:
        return "the hardened container was not started, so its health check was never seen to pass"
    from bot.model.verification import StartState  # loaded by the build that gave `start`; `check` builds nothing

    detail = f": {start.detail}" if start.detail else ""
    if start.state is StartState.HEALTHY:
        return None
    if start.state is StartState.UNHEALTHY:
        return f"the container did not become healthy{detail}"
    if start.state is StartState.SKIPPED:
        return f"the start check was skipped{detail}"
    if start.state is StartState.FAILED:
        return f"the container did not start{detail}"
    return f"the container was {start.state.value}, never reported healthy{detail}"


RULE = Rule(
    code=CODE,
    name="healthcheck",
    title='a service image (one that EXPOSEs a port) without HEALTHCHECK',
    severity=Severity.INFO,
    on_by_default=True,
    fix=FixSafety.PROVEN,
    scope=Scope.FINAL_STAGE,
    why="without a health check a hung service looks healthy and is never restarted",
    example=Example(
        'FROM python:3.12-slim\nEXPOSE 8080\nCMD ["python", "app.py"]',
        'FROM python:3.12-slim\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 '
        'CMD ["python3", "-c", "import http.client as h; c = h.HTTPConnection(\'127.0.0.1\', 8080, timeout=3); '
        'c.request(\'GET\', \'/\'); c.getresponse()"]\nCMD ["python", "app.py"]'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3057", "Checkov CKV_DOCKER_2", "Trivy DS-0026"),
    roles=frozenset({Role.SERVICE}),
    check=check,
    options=(HEALTHCHECK_COMMAND,),
    configured_fix=HEALTHCHECK_COMMAND,
    proof=became_healthy,
)
