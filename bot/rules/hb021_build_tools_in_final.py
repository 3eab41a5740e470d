"""HB021 — compilers and build tools installed in the final image.

Why: gcc, make and -dev headers are only needed to build; left in the runtime image they
let an attacker build tools in place and add CVEs.
Report only: moving the build to its own stage (multi-stage build) and copying only the
results is a change a person makes.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.packages import installed_packages
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB021"
BUILD_TOOLS = frozenset({"gcc", "g++", "clang", "make", "cmake", "build-essential", "build-base",
                         "musl-dev", "libc6-dev", "linux-headers", "autoconf", "automake", "libtool"})


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.runs():
        if run.stage not in doc.image_stages():
            continue
        packages = installed_packages(run)
        tools = [p for p in packages if p in BUILD_TOOLS]
        if tools:
            yield finding(doc, CODE, run.instruction,
                          f"build tools in the final image ({', '.join(tools)}): build in a separate stage "
                          "and copy only the results")


RULE = Rule(
    code=CODE,
    name="build-tools-in-final-stage",
    title='compilers and build tools installed in the final image',
    severity=Severity.LOW,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.FINAL_IMAGE,
    why="compilers and headers in a runtime image add CVEs and help an attacker build tools in place",
    example=Example('RUN apt-get update && apt-get install -y gcc make\nCMD ["./app"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
)
