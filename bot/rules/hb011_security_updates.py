"""HB011 — install the distribution's pending updates at build time (opt-in; a proven fix).

Why: a base image tag is rebuilt upstream only now and then; packages fixed since then
stay vulnerable in every build until it is.
Fix: in the final image's stages, ` && apt-get upgrade -y` right after the first
`apt-get update`, `apk upgrade --no-cache && ` before the first `apk add`, and
`pip install --no-cache-dir --upgrade pip setuptools wheel && ` before the first
`pip install`. A proven fix, made in service images only while `--verify` builds the file,
and kept only when the built images show the upgrade replaced at least one package that had
fixable vulnerabilities with a version that has fewer: its finding names them (old → new, the
ids closed, once a file). The proof is the rule's, not each step's: with apt and pip both
upgraded, one replacing a vulnerable package keeps both, and the finding names only the
packages that closed something. Without `--verify` it reports. Opt-in: builds stop being
reproducible from the base digest alone, and a verify build can download updates only with
`verify.network: true`.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import apk_adds, apt, pip_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.upgrade_evidence import upgrade_proof, upgrade_shown

CODE = "HB011"
_APT_UPGRADES = ("upgrade", "dist-upgrade", "full-upgrade")
_SAFE_BEFORE = ("", "&&", ";", "\n")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    decision = context.role
    proposing = context.proving and (decision is None or decision.role is Role.SERVICE and not decision.generated)
    for found, edit in _upgrades(doc):
        yield replace(found, edits=(edit,)) if proposing else found


def _upgrades(doc: Dockerfile) -> Iterator[tuple[Finding, Edit]]:
    """Each upgrade the final image's stages lack, with the edit that adds it: apt, apk, pip."""
    runs = list(doc.shipped_runs())
    if not any(True for run in runs for sub in _APT_UPGRADES for _ in apt(run, sub)):
        first = next(((run, s, c) for run in runs for s, c, _ in apt(run, "update")), None)
        if first:
            run, script, command = first
            edit = Edit.insert(script.logical.original_end(command.end), " && apt-get upgrade -y")
            yield finding(doc, CODE, run.instruction, "apt packages are not upgraded"), edit
    if not any(True for run in runs for _ in run.commands("apk", "upgrade")):
        first = next(((run, s, c) for run in runs for s, c, _ in apk_adds(run)), None)
        if first and first[2].separator_before in _SAFE_BEFORE:
            run, script, command = first
            edit = Edit.insert(script.logical.original(command.start), "apk upgrade --no-cache && ")
            yield finding(doc, CODE, run.instruction, "apk packages are not upgraded"), edit
    installs = [(run, s, c) for run in runs for s, c, _ in pip_installs(run)]
    if installs and not any(_upgrades_pip(c) for _, _, c in installs):
        run, script, command = installs[0]
        if command.separator_before in _SAFE_BEFORE:
            edit = Edit.insert(script.logical.original(command.start),
                               "pip install --no-cache-dir --upgrade pip setuptools wheel && ")
            yield finding(doc, CODE, run.instruction, "pip, setuptools and wheel are not upgraded"), edit


def _upgrades_pip(command) -> bool:
    return command.has_option("-U", "--upgrade") and any(w.value == "pip" for w in command.args())


RULE = Rule(
    code=CODE,
    name="security-updates",
    title="install the distribution's pending updates at build time",
    severity=Severity.INFO,
    security=True,
    on_by_default=False,
    fix=FixSafety.PROVEN,
    scope=Scope.FINAL_IMAGE,
    edits_in=frozenset({Role.SERVICE}),
    why="packages fixed after the base image was built stay vulnerable until upgraded",
    example=Example('RUN apt-get update && apt-get install -y curl\nCMD ["./app"]',
                    'RUN apt-get update && apt-get upgrade -y && apt-get install -y curl\nCMD ["./app"]'),
    doc=__doc__ or "",
    check=check,
    proof=upgrade_proof,
    shows=upgrade_shown,
)
