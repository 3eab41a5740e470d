"""HB051 — a credential of a published format written in the Dockerfile.

Why: a token written in the file is readable by everyone who can read the repository, and in
a RUN, ENV or ARG it also ends up in the image or its history.
Finds, anywhere in the file (comments and heredocs included), credentials recognised by their
published formats, never by entropy alone: GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`,
`ghr_`, `github_pat_`), GitLab (`glpat-`), npm (`npm_`), PyPI (`pypi-`), Docker Hub
(`dckr_pat_`) tokens, AWS access key IDs (`AKIA…`, `ASIA…`; not AWS's `…EXAMPLE` keys),
Slack tokens (`xoxb-` …) and webhooks, Stripe live keys (`sk_live_`), Google API keys
(`AIza…`), private key blocks (`-----BEGIN … PRIVATE KEY-----` with a key in it), an
`.npmrc` `_authToken=`, a literal `Authorization:` header, and a password in a URL
(`https://user:pass@host`). Placeholders and variable references (`$TOKEN`) are not
credentials. A credential that an ENV or ARG named as one sets is HB050's finding when HB050 is on.
Report only: the credential must be revoked; the message says how a build receives it
instead, and never quotes it (every report masks it, keeping only its format's prefix).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import Instruction
from bot.dockerfile.secrets import Credential, credentials_in, secret_settings
from bot.model.findings import Finding
from bot.model.text import Span
from bot.rules.build_secrets import secret_file_mount, secret_mount
from bot.rules.hb050_secret_in_env_arg import CODE as HB050
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB051"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    reported: list[Span] = []
    if context.is_enabled(HB050):
        reported = [s.literal for s in secret_settings(doc) if s.literal is not None]
    for credential in credentials_in(doc.text):
        if any(span.start <= credential.span.start < span.end for span in reported):
            continue
        inst = _instruction_at(doc, credential.span.start)
        line = inst.line if inst is not None else doc.parsed.line_of(credential.span.start)
        yield Finding(CODE, doc.path, line, _message(doc, credential, inst))


def _instruction_at(doc: Dockerfile, offset: int) -> Instruction | None:
    for inst in doc.instructions:
        if inst.span.start <= offset < inst.span.end:
            return inst
    return None


def _message(doc: Dockerfile, credential: Credential, inst: Instruction | None) -> str:
    what = f"{_article(credential.kind)} {credential.kind} ({credential.shown}) is written in the file"
    if inst is None:
        return f"{what}, in a comment: revoke it and delete it from the file and the repository's history"
    instead = secret_file_mount(credential.variable) if credential.kind == "private key" else \
        secret_mount(doc, credential.variable)
    return f"{what}, in {inst.keyword} at line {inst.line}: revoke it and pass it as a build secret: {instead}"


def _article(kind: str) -> str:
    return "an" if kind[0].lower() in "aeiou" else "a"


RULE = Rule(
    code=CODE,
    name="literal-credential",
    title="a credential of a published format written in the Dockerfile",
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.WHOLE_FILE,
    why="a token written in the Dockerfile is readable by everyone who reads the repository or pulls the image",
    example=Example("RUN git clone https://x-access-token:ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/acme/app"),
    doc=__doc__ or "",
    check=check,
)
