"""HB021 — compilers and build tools installed in the final image.

Why: gcc, make and -dev headers are only needed to build; left in the runtime image they
let an attacker build tools in place and add CVEs.
Proven fix (with `--verify`): when the final stage installs them only so that pip, npm or
yarn can build its dependencies, the tools' RUN and the installs move to a builder stage FROM
the same base (with the ARG, ENV, WORKDIR lines and the dependency manifests before them), and
the runtime stage copies only the result: a pip `--prefix` tree into /usr/local (official
python images), the file's own virtual environment, or `node_modules`. Every other line stays
as it is. Kept only when the built hardened image no longer holds the build tools the
original held (`split_proof.py`), besides building and starting as before.
Reported instead, saying why, when the inputs of the install are not clear (`split_plan.py`):
a `COPY . .` before it, an editable or `--user` install, a RUN that also installs runtime
packages, a `lib*-dev` whose runtime library the app needs, a later RUN that may compile.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.installs import installed_packages
from bot.dockerfile.model import Dockerfile
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.split_proof import prove_split

CODE = "HB021"
BUILD_TOOLS = frozenset({"gcc", "g++", "clang", "make", "cmake", "build-essential", "build-base",
                         "musl-dev", "libc6-dev", "linux-headers", "autoconf", "automake", "libtool"})
# A compiler of a given version (`gcc-12`, `g++-13`, `clang-16`): a build tool as much as gcc.
_VERSIONED_COMPILER = lazy_compile(r"(?:gcc|g\+\+|clang)-\d+")


def _build_tool(package: str) -> bool:
    return package in BUILD_TOOLS or _VERSIONED_COMPILER.fullmatch(package) is not None


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    found = [(run, tools) for run in doc.shipped_runs()
             if (tools := [p for p in installed_packages(run) if _build_tool(p)])]
    # One RUN of build tools in the final stage is what a split reads; with more, it reports.
    if not found:
        return
    # The split's planner and editor: loaded for a file that installs build tools, not for every check.
    from bot.rules.split_edits import split_edits
    from bot.rules.split_plan import NotSplit, plan_split

    in_final = [run for run, _ in found if run.stage is doc.final_stage]
    for run, tools in found:
        what = f"build tools in the final image ({', '.join(tools)})"
        plan = plan_split(doc, run) if len(in_final) == 1 else NotSplit("more than one RUN installs build tools")
        if isinstance(plan, NotSplit):
            yield finding(doc, CODE, run.instruction, f"{what}: build in a separate stage and copy only the "
                          f"results (not split automatically: {plan.reason})")
        elif not context.proving:
            yield finding(doc, CODE, run.instruction, f"{what}: build in a separate stage and copy only the "
                          "results (`fix --verify` splits it, kept when the built image proves it)")
        else:
            yield finding(doc, CODE, run.instruction, f"{what}: moved to builder stage {plan.name}; the final "
                          f"image copies only {plan.source}", split_edits(doc, plan))


RULE = Rule(
    code=CODE,
    name="build-tools-in-final-stage",
    title='compilers and build tools installed in the final image',
    severity=Severity.LOW,
    security=True,
    on_by_default=True,
    fix=FixSafety.PROVEN,
    scope=Scope.FINAL_IMAGE,
    why="compilers and headers in a runtime image add CVEs and help an attacker build tools in place",
    example=Example('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\n'
                    'COPY requirements.txt .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]',
                    'FROM python:3.12-slim AS build-deps\nRUN apt-get update && apt-get install -y gcc\n'
                    'COPY requirements.txt .\nRUN pip install --prefix=/install -r requirements.txt\n\n'
                    'FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY --from=build-deps /install /usr/local\n'
                    'CMD ["python", "app.py"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
    proof=prove_split,
)
