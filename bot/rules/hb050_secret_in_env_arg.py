"""HB050 — a credential set by ENV or ARG.

Why: an ENV's value is in the image's configuration for anyone who pulls it; a build arg's
value is recorded by every RUN after its ARG in the image's history (`RUN |1 NPM_TOKEN=…`,
`docker history`); and a literal is in the repository for anyone who reads it.
Finds an ENV or ARG whose name says credential (`*_TOKEN`, `*_SECRET`, `*PASSWORD`,
`*_PASS`, `*_API_KEY`, `*_PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY` …) when it sets a literal
value, and an ARG of such a name that a later RUN of its stage runs with (or an ENV copies).
Names that only mention a secret (`TOKEN_URL`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`,
`*_FILE`, `*_PATH`, `MYSQL_ALLOW_EMPTY_PASSWORD`), empty values, variable references (`$X`,
`${X}`), file paths and placeholders (`changeme`, `<token>`, `xxxx`) are not findings.
Report only: the credential must be revoked, and the value is the maintainer's to move. The
message gives the `RUN --mount=type=secret,…` to use instead and the `docker build --secret`
line that fills it; it never quotes the value, and every report masks it where it prints the file.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction
from bot.dockerfile.secrets import Setting, referenced, secret_settings
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.build_secrets import secret_mount
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB050"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    shipped = doc.image_stages()
    for setting in secret_settings(doc):
        message = _message(doc, setting, shipped)
        if message:
            yield finding(doc, CODE, setting.instruction, message)


def _message(doc: Dockerfile, setting: Setting, shipped: list[Stage]) -> str:
    """What is wrong with the setting and what to write instead; "" when nothing is."""
    keyword, name, stage = setting.instruction.keyword, setting.name, setting.stage
    instead = secret_mount(doc, name)
    configuration = "the image's configuration" if stage in shipped else \
        f"the configuration of stage {_stage_name(stage)} (its build cache)"
    if keyword == "ENV":
        if setting.literal is None:
            return ""
        return (f"ENV {name} sets a credential (value not shown) kept in {configuration}: revoke it, delete it and "
                f"give it at run time (`docker run -e {name}`, the platform's secrets), or to the RUN that needs it "
                f"as a build secret: {instead}")
    use = _first_use(doc, setting) if stage is not None else None
    if use is None and setting.literal is None:
        return ""
    if use is None:
        recorded = ""
    elif use.keyword == "ENV":
        recorded = f"the ENV at line {use.line} copies into {configuration}"
    else:
        history = "the image's history (`docker history`)" if stage in shipped else \
            f"the history of stage {_stage_name(stage)} (build cache, provenance)"
        recorded = f"the RUN at line {use.line} and every RUN after it record in {history}"
    if setting.literal is not None:
        also = f" and {recorded}" if recorded else ""
        return (f"ARG {name} has a credential as its default (value not shown), written in the repository{also}: "
                f"revoke it, delete the default and hand it to the RUN that needs it as a build secret: {instead}")
    return (f"ARG {name} is a credential that {recorded}: hand it to the RUN that needs it as a build secret "
            f"instead, and revoke any value built into a pushed image: {instead}")


def _first_use(doc: Dockerfile, setting: Setting) -> Instruction | None:
    """The first RUN after the ARG in its stage (every one runs with the build arg and records
    it), or an ENV before it that copies the value in (`ENV NPM_TOKEN=$NPM_TOKEN`)."""
    assert setting.stage is not None
    after = [i for i in setting.stage.instructions if i.span.start > setting.instruction.span.start]
    for inst in after:
        if inst.keyword == "RUN":
            return inst
        if inst.keyword == "ENV" and setting.name in referenced(inst, doc.escape):
            return inst
    return None


def _stage_name(stage: Stage | None) -> str:
    return f"`{stage.name}`" if stage is not None and stage.name else str(stage.index if stage else "")


RULE = Rule(
    code=CODE,
    name="secret-in-env-or-arg",
    title="a credential set by ENV or ARG",
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.WHOLE_FILE,
    why="an ENV's value ships in the image's configuration and a build arg's in its history: anyone who pulls the "
        "image can read the credential",
    example=Example("ARG NPM_TOKEN\nRUN npm ci"),
    doc=__doc__ or "",
    equivalents=("Trivy DS-0031",),
    check=check,
)
